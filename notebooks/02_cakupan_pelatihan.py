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
# # 02 Cakupan pelatihan Pekerja Sosial Masyarakat (PSM)
#
# **Pertanyaan.** Berapa banyak PSM di Kabupaten Pelalawan yang sudah mengikuti pendidikan
# dan pelatihan (Diklat) dan berapa yang belum? Kapan pelatihan PSM diadakan, dan berapa
# tahun berlalu tanpa pelatihan yang tercatat sampai tahun data? Bagaimana status
# kegiatan peningkatan kinerja PSM dari Dinas Sosial?
#
# **Sumber data.** Semua data dibaca dari `data/processed/` (hasil `psm-analysis clean`):
#
# - `kegiatan_peningkatan_kinerja.csv`: Tabel I.3, kegiatan peningkatan kinerja PSM
#   dengan statusnya, serta sasaran dan capaian yang tertulis di kolom Keterangan;
# - `diklat_psm.csv`: Tabel I.4, pendidikan dan pelatihan PSM beserta tahunnya;
# - `sumber_tabel.csv`: judul, baris "Sumber", dan tahun tiap tabel;
# - `klaim_teks.csv`: pernyataan dalam teks BAB I, di sini tahun PSM mulai dibentuk di
#   Kabupaten Pelalawan.
#
# Angka PSM di sini adalah **sensus** seluruh PSM kabupaten, bukan sampel: persentase di
# bawah adalah nilai pasti, tanpa selang kepercayaan.

# %%
import matplotlib.pyplot as plt
from IPython.display import Markdown, display

from psm_analysis import catalog, labels, notebook, plots, tables, training
from psm_analysis.numbers import format_number as angka
from psm_analysis.numbers import format_percent as persen

bab = notebook.setup("02")
bab.demo_banner(("dinsos",))

# %% [markdown]
# ## 1. Data

# %%
kegiatan = catalog.load("kegiatan_peningkatan_kinerja")
diklat = catalog.load("diklat_psm")
sumber = catalog.load("sumber_tabel")
tahun_tabel = sumber.set_index("tabel")["tahun"]
tahun_data = int(sumber["tahun"].max())  # tahun sumber terbaru di antara Tabel I.1-I.4
tahun_I3 = int(tahun_tabel["I.3"])
tables.preview(
    kegiatan[["kegiatan", "status", "sasaran_orang", "tercapai_orang", "keterangan_asli"]].rename(
        columns=labels.column_label
    )
)

# %% [markdown]
# ## 2. Berapa PSM yang sudah mengikuti Diklat?
#
# Keterangan Tabel I.3 untuk kegiatan Pendidikan dan Pelatihan memuat sasaran dan capaiannya.

# %%
cakupan = training.coverage(kegiatan)
display(
    Markdown(
        f"Dari **{angka(cakupan.target)} orang** PSM, **{angka(cakupan.trained)} orang** "
        f"(**{persen(cakupan.percent)}**) sudah mengikuti Diklat dan "
        f"**{angka(cakupan.untrained)} orang** ({persen(cakupan.percent_untrained)}) belum "
        f"(Tabel I.3, data {tahun_I3})."
    )
)

# %%
fig, ax = plt.subplots(figsize=(plots.TEXT_WIDTH, 2.4))
plots.waffle(
    ax,
    cakupan.trained,
    cakupan.target,
    ncols=20,
    filled_label=f"Sudah mengikuti Diklat: {angka(cakupan.trained)} orang "
    f"({persen(cakupan.percent)})",
    empty_label=f"Belum: {angka(cakupan.untrained)} orang ({persen(cakupan.percent_untrained)})",
)
gambar_cakupan = bab.save_figure(
    fig,
    "02_cakupan_diklat",
    caption=f"Cakupan Diklat PSM Kabupaten Pelalawan: {angka(cakupan.trained)} dari "
    f"{angka(cakupan.target)} PSM (satu kotak = satu orang)",
    source=tables.cite(sumber, "I.3"),
)
plt.show()
gambar_cakupan

# %%
bab.export_table(
    training.coverage_table(cakupan),
    "02_cakupan_diklat",
    tempat="lampiran",
    title="Cakupan Pendidikan dan Pelatihan (Diklat) PSM Kabupaten Pelalawan",
    source=tables.cite(sumber, "I.3"),
    number_format={"Persentase": "percent"},
)

# %% [markdown]
# ## 3. Kapan pelatihan diadakan?
#
# Tabel I.4 mencatat kegiatan pelatihan dan tahunnya; tahun PSM mulai dibentuk di Kabupaten
# Pelalawan berasal dari teks BAB I. Tahun tanpa pelatihan dihitung sampai tahun sumber
# terbaru dari tabel-tabel Dinas Sosial.

# %%
tahun_dibentuk = training.load_formation_year()
peristiwa = training.timeline_events(diklat, tahun_dibentuk)
pelatihan_pertama = int(diklat["tahun"].min())
pelatihan_terakhir = int(diklat["tahun"].max())
awal = tahun_dibentuk if tahun_dibentuk is not None else pelatihan_pertama
tanpa_pelatihan = training.years_without_training(diklat, tahun_data, since=awal)
sejak_terakhir = training.years_without_training(diklat, tahun_data)
if tahun_dibentuk is None:
    display(
        Markdown(
            "_Catatan: tahun pembentukan PSM belum ada di `data/processed/klaim_teks.csv`; "
            "garis waktu dimulai dari pelatihan pertama._"
        )
    )
training.events_table(peristiwa)

# %%
fig, ax = plt.subplots(figsize=(plots.TEXT_WIDTH, 3.2))
plots.timeline(
    ax,
    peristiwa,
    label="peristiwa",
    kind="jenis",
    colors={training.FORMED: plots.OKABE_ITO["orange"], training.TRAINING: plots.BASE},
    end=tahun_data,
    gap_years=tanpa_pelatihan,
    gap_label="Tahun tanpa pelatihan tercatat",
)
sumber_waktu = tables.cite(sumber, "I.4", extra="teks BAB I" if tahun_dibentuk else None)
isi_waktu = "pembentukan dan pelatihan" if tahun_dibentuk else "pelatihan"
gambar_waktu = bab.save_figure(
    fig,
    "02_garis_waktu_pelatihan",
    caption=f"Garis waktu {isi_waktu} PSM Kabupaten Pelalawan, {awal}–{tahun_data}",
    source=sumber_waktu,
)
plt.show()
gambar_waktu

# %%
bab.export_table(
    training.events_table(peristiwa),
    "02_garis_waktu_pelatihan",
    tempat="lampiran",
    title=("Pembentukan dan Pelatihan" if tahun_dibentuk else "Pelatihan")
    + " PSM Kabupaten Pelalawan",
    source=sumber_waktu,
    notes="Tabel I.4 tidak mencantumkan tahun sumbernya.",
)

# %% [markdown]
# ## 4. Status kegiatan peningkatan kinerja (Tabel I.3)

# %%
status = training.programme_status(kegiatan)
n_terlaksana = int(status["terlaksana"].sum())
bab.export_table(
    training.programme_table(kegiatan),
    "02_status_kegiatan",
    title="Status Kegiatan Peningkatan Kinerja PSM",
    source=tables.cite(sumber, "I.3"),
    number_format={"Capaian": "percent"},
    notes='"..." = tidak disebutkan dalam Tabel I.3.',
)

# %% [markdown]
# ## 5. Temuan

# %%
kurang = status.loc[~status["terlaksana"].astype(bool), "kegiatan"].to_list()
bimtek = status[status["kegiatan"].str.contains("Bimbingan Teknis", regex=False)]
bimtek_orang = int(bimtek["tercapai_orang"].iloc[0])
jeda = pelatihan_pertama - awal
s_d_I3 = [y for y in sejak_terakhir if y <= tahun_I3]
sesudah_I3 = [y for y in sejak_terakhir if y > tahun_I3]
tabel_terbaru = ", ".join(f"Tabel {x}" for x in sumber.loc[sumber["tahun"] == tahun_data, "tabel"])
kalimat_sesudah = (
    f", juga pada {training.format_years(sesudah_I3)} (tahun sumber terbaru, {tabel_terbaru})"
    if sesudah_I3
    else ""
)
kalimat_bentuk = (
    f"PSM mulai dibentuk di Kabupaten Pelalawan pada {tahun_dibentuk} (teks BAB I); "
    f"pelatihan pertama yang tercatat baru diadakan pada {pelatihan_pertama}, "
    f"{angka(jeda)} tahun kemudian. "
    if tahun_dibentuk is not None
    else f"Pelatihan pertama yang tercatat diadakan pada {pelatihan_pertama}. "
)
display(
    Markdown(
        f"""
- **Cakupan.** Baru {angka(cakupan.trained)} dari {angka(cakupan.target)} PSM
  ({persen(cakupan.percent)}) yang sudah mengikuti Diklat; {angka(cakupan.untrained)} orang
  ({persen(cakupan.percent_untrained)}) belum. Karena angka ini mencakup seluruh PSM
  kabupaten, persentasenya pasti, bukan perkiraan.
- **Waktu.** {kalimat_bentuk}Pelatihan terakhir tercatat pada {pelatihan_terakhir}; sesudahnya
  tidak ada pelatihan yang tercatat pada {training.format_years(s_d_I3)} (sampai tahun data Tabel I.3,
  {tahun_I3}){kalimat_sesudah}. Seluruhnya {angka(len(tanpa_pelatihan))} dari
  {angka(tahun_data - awal + 1)} tahun antara {awal} dan {tahun_data} tanpa pelatihan yang
  tercatat.
- **Kegiatan.** {angka(n_terlaksana)} dari {angka(len(status))} kegiatan dalam Tabel I.3
  berstatus terlaksana{"; yang kurang terlaksana: " + "; ".join(kurang) if kurang else ""}.
- **Batas data.** Tabel I.4 tidak mencantumkan tahun sumbernya, dan "tidak tercatat" belum
  tentu berarti "tidak ada": tabel itu hanya memuat pelatihan yang dilaporkan Dinas Sosial.
  Tabel I.3 mencatat Bimbingan Teknis terlaksana pada {angka(bimtek_orang)} orang PSM, tetapi
  tidak menyebutkan apakah mereka orang yang sama dengan peserta Diklat.
"""
    )
)

# %% [markdown]
# ## Versi perangkat lunak

# %%
notebook.show_versions()
