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
# # 00 Bagian skripsi di luar BAB hasil
#
# **Tujuan.** Menyusun tabel dan gambar skripsi yang bukan hasil penelitian, tetapi berasal
# dari sumber yang sama dengan hasilnya, agar tidak berbeda dari data:
#
# - **BAB II** (konsep operasional): operasionalisasi variabel, tema wawancara, teknik
#   pengukuran (skor jawaban dan kategori indeks), dan gambar kerangka pikiran;
# - **BAB III** (metode): *key informan* dan informan; populasi dan sampel; jadwal penelitian;
# - **BAB IV** (gambaran umum lokasi): desa dan kelurahan Kecamatan Bunut dengan kode
#   Kemendagri dan jumlah PSM per desa; luas wilayah dan jumlah penduduk per desa (BPS);
# - **Lampiran**: butir kuesioner, pedoman wawancara, rekapitulasi jawaban responden,
#   dan daftar informan.
#
# **Sumber data.** Semua dibaca dari `data/processed/` (hasil `psm-analysis clean`):
# `kuesioner_buku_kode.csv`, `kuesioner_skala.csv`, `kuesioner_kategori.csv` (buku kode
# kuesioner), `kuesioner_jawaban_panjang.csv` (jawaban), `wawancara_codebook.csv`,
# `wawancara_pertanyaan.csv`, `wawancara_informan.csv` (buku kode dan daftar informan tanpa
# nama), `psm_per_kecamatan.csv` (Tabel I.2), `desa_kelurahan.csv` (Kemendagri),
# `psm_per_desa.csv` (register PSM), `jadwal_penelitian.csv` (`data/raw/jadwal.yml`) dan
# `luas_penduduk_desa.csv` (tabel BPS di `data/raw/bps/`).
# Kuesioner dan pedoman wawancara lengkap untuk dicetak dibuat dengan
# `psm-analysis instrumen kuesioner --out kuesioner.docx` dan
# `psm-analysis instrumen wawancara --out pedoman_wawancara.docx`.

# %%
import matplotlib.pyplot as plt
from IPython.display import Markdown, display

from psm_analysis import catalog, notebook, parts, tables
from psm_analysis.survey import report

bab = notebook.setup("00")
bab.demo_banner(("survey", "interviews", "register"))

butir = catalog.load("kuesioner_buku_kode")
skala = catalog.load("kuesioner_skala")
kategori = catalog.load("kuesioner_kategori")
jawaban = catalog.load("kuesioner_jawaban_panjang")
responden = catalog.load("kuesioner_jawaban")
kode_wawancara = parts.load_optional("wawancara_codebook")
pertanyaan = parts.load_optional("wawancara_pertanyaan")
informan = parts.load_optional("wawancara_informan")
jadwal = parts.load_optional("jadwal_penelitian")
register_desa = parts.load_optional("psm_per_desa")
desa = catalog.load("desa_kelurahan")
kecamatan = catalog.load("psm_per_kecamatan")
sumber_tabel = catalog.load("sumber_tabel")

DEMO = set(bab.demo_kinds())
BUKU_KODE = "Buku kode kuesioner (data/raw/survey/codebook.yml)"
BUKU_KODE_WAWANCARA = "Buku kode wawancara (data/raw/interviews/codebook_wawancara.yml)"
SUMBER_JAWABAN = report.source_line("survey" in DEMO)
SUMBER_INFORMAN = (
    "DATA CONTOH daftar informan (sintetis), bukan data penelitian; diolah"
    if "interviews" in DEMO
    else "Daftar informan penelitian (tanpa nama); diolah"
)
variabel = list(dict.fromkeys(butir["variabel"]))
nama_variabel = dict(zip(butir["variabel"], butir["nama_variabel"], strict=False))

# %% [markdown]
# ## 1. BAB II: operasionalisasi variabel
#
# Setiap indikator dengan butir pernyataannya, bernomor sama dengan kuesioner, templat entri
# data, dan semua tabel hasil.

# %%
bab.export_table(
    parts.operationalisation_table(butir, skala),
    "00_operasionalisasi_variabel",
    title="Operasionalisasi variabel penelitian",
    source=BUKU_KODE,
    notes=[f"Skala jawaban: {parts.answer_legend(skala, butir['skala'].iloc[0])}."],
    tempat="II",
)

# %%
if kode_wawancara is not None:
    tema = bab.export_table(
        parts.themes_table(kode_wawancara),
        "00_tema_wawancara",
        title="Fokus, tema, dan indikator wawancara",
        source=BUKU_KODE_WAWANCARA,
        tempat="II",
    )
else:
    tema = Markdown("Buku kode wawancara belum diolah: belum ada wawancara yang dikodekan.")
tema

# %% [markdown]
# ## 2. BAB II: teknik pengukuran

# %%
bab.export_table(
    parts.scoring_table(butir, skala),
    "00_skor_jawaban",
    title="Skor jawaban pernyataan positif dan negatif",
    source=BUKU_KODE,
    notes=[
        parts.negative_items_note(butir)
        + " Skor pernyataan negatif = skor terendah + skor tertinggi \u2212 skor jawaban."
    ],
    tempat="II",
)

# %%
bab.export_table(
    parts.category_table(butir, kategori),
    "00_kategori_indeks",
    title="Kategori indeks skor variabel dan indikator",
    source=BUKU_KODE,
    notes=[
        "Indeks = jumlah skor / (skor tertinggi × jumlah jawaban) × 100 %; indikator memakai "
        "kategori variabelnya. " + kategori["aturan"].iloc[0]
    ],
    tempat="II",
)

# %% [markdown]
# ## 3. BAB II: kerangka pikiran
#
# Peran Dinas Sosial (variabel kegiatan Tabel I.3 dan pembinaan) diarahkan pada kinerja PSM
# (tugas dan fungsi menurut Permensos 01/2012); hambatan adalah tema wawancara.

# %%
urutan = [v for v in ("PDS", "KIN") if v in variabel] or variabel
hambatan = (
    []
    if kode_wawancara is None
    else list(
        kode_wawancara.loc[
            (kode_wawancara["pertanyaan"] == "hambatan")
            & kode_wawancara["dapat_dikodekan"].astype(bool),
            "label",
        ]
    )
)
fig = parts.framework_figure(
    butir, urutan, hambatan, outcome="Kinerja PSM Kecamatan Bunut meningkat"
)
gambar = bab.save_figure(
    fig,
    "00_kerangka_pikiran",
    caption="Kerangka pikiran penelitian",
    source=BUKU_KODE + "; " + BUKU_KODE_WAWANCARA,
    tempat="II",
)
plt.show()
gambar

# %% [markdown]
# ## 4. BAB III: informan, populasi dan sampel, jadwal

# %%
bunut = kecamatan.loc[kecamatan["kecamatan"] == parts.DISTRICT_NAME, "jumlah_psm"]
psm_bunut = None if bunut.empty or bunut.isna().all() else int(bunut.iloc[0])
if informan is not None:
    tabel_informan = bab.export_table(
        parts.informants_table(informan),
        "00_informan",
        title="Key informan dan informan penelitian",
        source=SUMBER_INFORMAN,
        notes=parts.informant_notes(informan),
        tempat="III",
    )
else:
    tabel_informan = Markdown("Daftar informan belum diolah.")
tabel_informan

# %%
bab.export_table(
    parts.population_table(psm_bunut, len(responden), informan),
    "00_populasi_sampel",
    title="Populasi dan sampel penelitian",
    source=tables.cite(sumber_tabel, "I.2", processed=False) + "; " + SUMBER_JAWABAN,
    notes=parts.population_notes(psm_bunut, len(responden), informan),
    tempat="III",
)

# %%
if jadwal is not None:
    tabel_jadwal = bab.export_table(
        parts.schedule_table(jadwal),
        "00_jadwal_penelitian",
        title="Jadwal kegiatan penelitian",
        source="Rencana penelitian (data/raw/jadwal.yml)",
        tempat="III",
    )
else:
    tabel_jadwal = Markdown("Tanpa `data/raw/jadwal.yml` tidak ada tabel jadwal.")
tabel_jadwal

# %% [markdown]
# ## 5. BAB IV: struktur organisasi Dinas Sosial dan wilayah Kecamatan Bunut
#
# Struktur menurut Peraturan Bupati Pelalawan Nomor 62 Tahun 2016 seperti dikutip BAB I
# (`data/raw/dinsos/struktur_organisasi.csv`); Seksi yang menurut BAB I bertanggung jawab
# atas kinerja PSM diarsir (pemeriksaan `seksi_pembina_psm_struktur` pada laporan
# konsistensi).

# %%
struktur = parts.load_optional("struktur_organisasi")
if struktur is not None:
    klaim = catalog.load("klaim_teks").set_index("klaim")
    seksi = klaim.loc["seksi_pembina_psm", "nilai"] if "seksi_pembina_psm" in klaim.index else None
    seksi = seksi if seksi in set(struktur["unit"]) else None
    fig = parts.organisation_figure(struktur, highlight=seksi)
    bagan = bab.save_figure(
        fig,
        "00_struktur_organisasi",
        caption="Struktur organisasi Dinas Sosial Kabupaten Pelalawan",
        source=str(struktur["sumber"].iloc[0]),
        tempat="IV",
    )
    plt.show()
else:
    bagan = Markdown("Tanpa `data/raw/dinsos/struktur_organisasi.csv` tidak ada bagan.")
bagan

# %%
wilayah = parts.villages_table(desa, register_desa)
sumber_wilayah = "Kepmendagri No. 300.2.2-2138 Tahun 2025 (kode wilayah)"
if register_desa is not None:
    sumber_wilayah += (
        "; DATA CONTOH register PSM (sintetis), bukan data penelitian"
        if "register" in DEMO
        else "; Register PSM Dinas Sosial Kabupaten Pelalawan"
    )
bab.export_table(
    wilayah,
    "00_wilayah_bunut",
    title="Desa dan kelurahan di Kecamatan Bunut serta jumlah PSM",
    source=sumber_wilayah,
    notes=parts.villages_notes(wilayah),
    tempat="IV",
)

# %%
luas_penduduk = catalog.load("luas_penduduk_desa")
if len(luas_penduduk):
    tabel_luas = bab.export_table(
        parts.area_population_table(luas_penduduk),
        "00_luas_penduduk_bunut",
        title=parts.AREA_POPULATION_TITLE,
        source="; ".join(dict.fromkeys(luas_penduduk["sumber"].astype(str))),
        notes=["Kepadatan = jumlah penduduk dibagi luas wilayah (jiwa/km²), dihitung."],
        tempat="IV",
    )
else:
    tabel_luas = Markdown(
        "Tabel luas wilayah dan jumlah penduduk per desa/kelurahan belum ada: simpan tabel "
        "BPS *Kecamatan Bunut Dalam Angka* (.csv, .xlsx atau .ods) di `data/raw/bps/`."
    )
tabel_luas

# %% [markdown]
# ## 6. Lampiran: instrumen penelitian

# %%
for v in variabel:
    display(
        bab.export_table(
            parts.questionnaire_table(butir, skala, v),
            f"00_kuesioner_{v}",
            title=f"Butir kuesioner variabel {nama_variabel[v]}",
            source=BUKU_KODE,
            notes=[f"Keterangan: {parts.answer_legend(skala, butir['skala'].iloc[0])}."],
            tempat="lampiran",
        )
    )

# %%
if pertanyaan is not None and len(pertanyaan):
    pedoman = parts.guide_table(pertanyaan, kode_wawancara)
    tabel_pedoman = bab.export_table(
        parts.blank_repeats(
            pedoman.drop(columns="Indikator"),
            ["Kelompok informan", "Fokus penelitian", "Tema"],
        ),
        "00_pedoman_wawancara",
        title="Pedoman wawancara menurut kelompok informan",
        source=BUKU_KODE_WAWANCARA,
        tempat="lampiran",
    )
else:
    tabel_pedoman = Markdown("Buku kode wawancara belum memuat `pertanyaan_wawancara`.")
tabel_pedoman

# %% [markdown]
# Kuesioner dan pedoman wawancara lengkap (surat pengantar, identitas responden, petunjuk
# pengisian; pedoman per kelompok informan), siap dicetak untuk Lampiran, ditulis sebagai
# dokumen Word tersendiri di `reports/`, sama dengan `psm-analysis instrumen kuesioner` dan
# `psm-analysis instrumen wawancara`.

# %%
from psm_analysis import instruments
from psm_analysis.config import get_paths

laporan = get_paths().reports
berkas_instrumen = [instruments.write_questionnaire(laporan / "lampiran_kuesioner.docx")]
if pertanyaan is not None and len(pertanyaan):
    berkas_instrumen.append(
        instruments.write_interview_guide(laporan / "lampiran_pedoman_wawancara.docx")
    )
Markdown("Ditulis: " + ", ".join(f"`reports/{p.name}`" for p in berkas_instrumen) + ".")

# %% [markdown]
# ## 7. Lampiran: rekapitulasi jawaban responden dan daftar informan
#
# Skor setelah pembalikan pernyataan negatif; jumlah per butir, per indikator, dan per
# variabel sama dengan tabel hasil notebook 04.

# %%
for v in variabel:
    display(
        bab.export_table(
            parts.response_matrix(jawaban, butir, v),
            f"00_rekap_jawaban_{v}",
            title=f"Rekapitulasi skor jawaban responden variabel {nama_variabel[v]}",
            source=SUMBER_JAWABAN,
            notes=[parts.negative_items_note(butir[butir["variabel"] == v])],
            tempat="lampiran",
        )
    )
    display(
        bab.export_table(
            parts.indicator_matrix(jawaban, butir, v),
            f"00_rekap_indikator_{v}",
            title=f"Rekapitulasi skor responden per indikator variabel {nama_variabel[v]}",
            source=SUMBER_JAWABAN,
            notes=[parts.indicator_legend(butir, v)],
            tempat="lampiran",
        )
    )

# %%
if informan is not None:
    daftar = bab.export_table(
        parts.informant_list(informan),
        "00_daftar_informan",
        title="Daftar informan penelitian",
        source=SUMBER_INFORMAN,
        notes=["Nama informan tidak dicantumkan; kutipan menyebut kode informan."],
        tempat="lampiran",
    )
else:
    daftar = Markdown("Daftar informan belum diolah.")
daftar

# %%
notebook.show_versions()
