# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 01 Data Dinas Sosial: isi, pembersihan, dan pemeriksaan konsistensi
#
# **Pertanyaan.** Apa isi tabel-tabel Dinas Sosial Kabupaten Pelalawan yang dikutip BAB I
# (Tabel I.1 sampai I.4)? Apa yang diubah oleh pembersihan data (ejaan nama menjadi nama
# resmi, tanda "-" sebagai nihil, angka yang tidak tersedia)? Apakah angka-angka dalam tabel
# dan teks BAB I saling cocok, dan cocok dengan data rujukan resmi?
#
# **Sumber data.** Tabel I.1–I.4 disalin persis seperti tercetak ke `data/raw/dinsos/`;
# `psm-analysis clean` membersihkannya ke `data/processed/`, dan notebook ini hanya
# membaca hasil olahan itu:
#
# - `sumber_tabel.csv`: judul, baris "Sumber", dan tahun tiap tabel;
# - `tenaga_sosial.csv` (Tabel I.1), `psm_per_kecamatan.csv` (Tabel I.2, digabung dengan
#   data wilayah Kemendagri), `kegiatan_peningkatan_kinerja.csv` (Tabel I.3),
#   `diklat_psm.csv` (Tabel I.4);
# - `pemeriksaan_konsistensi.csv`: hasil pemeriksaan silang antartabel, teks, dan rujukan
#   (Kepmendagri untuk wilayah, Permensos No. 08 Tahun 2012 untuk jenis PSKS).

# %%
import pandas as pd
from IPython.display import Markdown, display

from psm_analysis import catalog, dinsos, labels, notebook, tables
from psm_analysis.numbers import format_number as angka
from psm_analysis.numbers import nil_where_blank

bab = notebook.setup("01")
bab.demo_banner(("dinsos",))

# %% [markdown]
# ## 1. Tabel apa saja yang ada?

# %%
sumber = catalog.load("sumber_tabel")
data = {
    "I.1": catalog.load("tenaga_sosial"),
    "I.2": catalog.load("psm_per_kecamatan"),
    "I.3": catalog.load("kegiatan_peningkatan_kinerja"),
    "I.4": catalog.load("diklat_psm"),
}
daftar = sumber[["tabel", "judul", "sumber_asli", "tahun"]].assign(
    berkas_olahan=[f"data/processed/{dinsos.OUTPUT_FILES[t]}" for t in sumber["tabel"]],
    baris=[len(data[t]) for t in sumber["tabel"]],
)
daftar_tabel = daftar.rename(columns=labels.column_label).rename(
    columns={"berkas_olahan": "Berkas olahan", "baris": "Jumlah baris"}
)
bab.export_table(
    daftar_tabel,
    "01_daftar_tabel_dinas_sosial",
    tempat="tidak",
    title="Tabel Dinas Sosial Kabupaten Pelalawan yang Dikutip dalam BAB I",
    source="BAB I skripsi (Tabel I.1–I.4); diolah",
    notes='Tahun kosong ("...") berarti baris Sumber tabel itu tidak mencantumkan tahun.',
)

# %%
tahun = sumber.dropna(subset=["tahun"]).groupby("tahun")["tabel"].apply(list)
tanpa_tahun = sumber.loc[sumber["tahun"].isna(), "tabel"].to_list()
display(
    Markdown(
        "Tahun sumber: "
        + "; ".join(f"{int(th)}: Tabel {', '.join(ts)}" for th, ts in tahun.items())
        + (f"; tanpa tahun: Tabel {', '.join(tanpa_tahun)}" if tanpa_tahun else "")
        + ". Tabel-tabel itu tidak berasal dari satu tahun yang sama."
        if len(tahun) > 1 or tanpa_tahun
        else ""
    )
)

# %% [markdown]
# ## 2. Apa yang diubah oleh pembersihan?
#
# ### 2a. Ejaan nama menjadi nama resmi
#
# Nama kecamatan dicocokkan dengan data wilayah Kemendagri, jenis PSKS dengan Permensos
# No. 08 Tahun 2012. Nama yang tertulis di sumber tetap disimpan di kolom tersendiri.

# %%
tenaga = data["I.1"]
psm = data["I.2"]
ejaan = (
    pd.concat(
        [
            tenaga.loc[~tenaga["ejaan_resmi"].astype(bool), ["jenis_di_sumber", "jenis_resmi"]]
            .set_axis(["Tertulis di sumber", "Nama resmi"], axis=1)
            .assign(Tabel="I.1", Rujukan="Permensos No. 08 Tahun 2012"),
            psm.loc[~psm["ejaan_resmi"].astype(bool), ["nama_di_sumber", "kecamatan"]]
            .set_axis(["Tertulis di sumber", "Nama resmi"], axis=1)
            .assign(Tabel="I.2", Rujukan=dinsos.REFERENCE_SOURCE),
        ]
    )
)[["Tabel", "Tertulis di sumber", "Nama resmi", "Rujukan"]]
bab.export_table(
    ejaan,
    "01_ejaan_nama_resmi",
    tempat="lampiran",
    title="Ejaan dalam Tabel Dinas Sosial dan Nama Resminya",
    source=tables.cite(
        sumber, "I.1", "I.2", extra="Permensos No. 08 Tahun 2012; " + dinsos.REFERENCE_SOURCE
    ),
)

# %% [markdown]
# ### 2b. Angka, satuan, nihil, dan tidak tersedia
#
# Sel seperti "120 orang" dipisah menjadi angka dan satuannya. Mengikuti kebiasaan tabel BPS,
# tanda "-" berarti **nihil** (nol) dan ditandai begitu; sel kosong atau "..." berarti
# **tidak tersedia** dan dibiarkan kosong, bukan diisi nol.

# %%
tabel_I1 = tenaga[["no", "jenis_di_sumber", "jenis_resmi", "jumlah", "satuan", "nihil"]]
bab.export_table(
    tabel_I1.rename(columns=labels.column_label),
    "01_tenaga_sosial",
    tempat="IV",
    title="Jenis dan Jumlah Tenaga Sosial Masyarakat di Kabupaten Pelalawan (Tabel I.1 "
    "setelah dibersihkan)",
    source=tables.cite(sumber, "I.1"),
    notes='Nihil = ya: sumber menulis "-" (nol).',
)

# %%
nihil = tenaga.loc[tenaga["nihil"].astype(bool), "jenis_resmi"].to_list()
satuan = tenaga.dropna(subset=["satuan"]).groupby("satuan")["jenis_resmi"].count()
display(
    Markdown(
        f'- Nihil ("-") di Tabel I.1: {", ".join(nihil)} ({angka(len(nihil))} jenis).\n'
        "- Satuan yang dipakai: "
        + ", ".join(f"{s} ({angka(n)} jenis)" for s, n in satuan.items())
        + ". Karena satuannya berbeda, jumlah di Tabel I.1 tidak dijumlahkan.\n"
        f"- Tidak tersedia: tahun sumber Tabel "
        f"{', '.join(tanpa_tahun) if tanpa_tahun else '-'}; sasaran kegiatan Tabel I.3 yang "
        "tidak disebut di Keterangan."
    )
)

# %% [markdown]
# ### 2c. Keterangan Tabel I.3 menjadi status dan angka

# %%
kegiatan = data["I.3"][
    ["kegiatan", "keterangan_asli", "status", "terlaksana", "sasaran_orang", "tercapai_orang"]
]
bab.export_table(
    kegiatan.rename(columns=labels.column_label),
    "01_kegiatan_status",
    tempat="lampiran",
    title="Keterangan Kegiatan Peningkatan Kinerja PSM dan Status yang Dibaca darinya",
    source=tables.cite(sumber, "I.3"),
    notes='"..." = tidak disebutkan dalam Keterangan.',
)

# %% [markdown]
# ## 3. Pemeriksaan konsistensi
#
# Angka yang muncul di beberapa tempat (tabel, teks BAB I, data rujukan) diperiksa satu sama
# lain. Status **sesuai** berarti cocok, **tidak sesuai** berarti berbeda, **catatan** adalah
# hal yang perlu diketahui pembaca tanpa berarti salah. Temuan tentang sumber tidak
# menghentikan pengolahan data.

# %%
periksa = catalog.load("pemeriksaan_konsistensi")
bab.export_table(
    nil_where_blank(
        periksa[["pemeriksaan", "diharapkan", "ditemukan", "status", "keterangan"]],
        "keterangan",  # nothing to note: "–", not "..." (not available)
    ).rename(columns=labels.column_label),
    "01_pemeriksaan_konsistensi",
    tempat="lampiran",
    title="Hasil Pemeriksaan Konsistensi Tabel, Teks BAB I, dan Data Rujukan",
    source=tables.cite(
        sumber,
        "I.1",
        "I.2",
        "I.3",
        "I.4",
        extra="teks BAB I; " + dinsos.REFERENCE_SOURCE + "; Permensos No. 08 Tahun 2012",
    ),
)

# %%
hitung = periksa["status"].value_counts()
display(
    Markdown(
        f"Dari {angka(len(periksa))} pemeriksaan: "
        + ", ".join(f"**{angka(n)} {s}**" for s, n in hitung.items())
        + "."
    )
)

# %% [markdown]
# ## 4. Temuan

# %%
tidak_sesuai = periksa[periksa["status"] == "tidak sesuai"]
catatan = periksa[periksa["status"] == "catatan"]
daftar_tidak_sesuai = "\n".join(
    f"  - {r.pemeriksaan}: diharapkan {r.diharapkan}, ditemukan {r.ditemukan}"
    for r in tidak_sesuai.itertuples()
)
daftar_catatan = "\n".join(
    f"  - {r.pemeriksaan}: {r.diharapkan}, {r.ditemukan}" for r in catatan.itertuples()
)
display(
    Markdown(
        f"""
- **Isi.** BAB I mengutip {angka(len(sumber))} tabel Dinas Sosial dengan
  {angka(sum(len(d) for d in data.values()))} baris data; semuanya terbaca dan tersimpan di
  `data/processed/`, lengkap dengan sumber dan tahunnya.
- **Pembersihan.** {angka(len(ejaan))} nama ditulis tidak sesuai ejaan resmi dan dibaca
  sebagai nama resminya ({
            "; ".join(
                f"{a} → {b}"
                for a, b in zip(ejaan["Tertulis di sumber"], ejaan["Nama resmi"], strict=True)
            )
        }). Tanda "-" dibaca sebagai nihil
  ({angka(len(nihil))} jenis di Tabel I.1), bukan sebagai data yang hilang.
- **Yang tidak sesuai** ({angka(len(tidak_sesuai))}):
{daftar_tidak_sesuai}
- **Catatan** ({angka(len(catatan))}):
{daftar_catatan}
- Rincian PSM dan desa/kelurahan per kecamatan ada di notebook 03 (sebaran PSM menurut
  kecamatan).
- Semua angka yang dipakai notebook lain berasal dari tabel olahan yang sudah diperiksa ini.
"""
    )
)

# %% [markdown]
# ## Versi perangkat lunak

# %%
notebook.show_versions()
