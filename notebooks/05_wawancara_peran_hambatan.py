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
# # 05 Wawancara: peranan dan hambatan Dinas Sosial dalam meningkatkan kinerja PSM
#
# **Pertanyaan.** (a) Bagaimana peranan Dinas Sosial Kabupaten Pelalawan dalam meningkatkan
# kinerja Pekerja Sosial Masyarakat (PSM) di Kecamatan Bunut? (b) Apa hambatan yang
# dihadapinya? Keduanya dijawab dari wawancara dengan informan kunci yang dikodekan dengan
# buku kode penelitian (kode `peran.*` dan `hambatan.*`).
#
# **Sumber data.** Semua data dibaca dari `data/processed/` (hasil `psm-analysis clean`):
#
# - `wawancara_informan.csv`: informan dengan **pseudonim** (mis. "I-03 (PSM)"), kelompok,
#   jabatan, dan tanggal wawancara. Nama asli hanya ada di `data/raw/private/` (tidak masuk
#   git); di dalam kutipan setiap nama sudah diganti "[nama PSM]", "[nama TKSK]",
#   atau "[nama informan]" sebelum berkas apa pun ditulis;
# - `wawancara_kode_frekuensi.csv`, `wawancara_matriks_kode_kelompok.csv`,
#   `wawancara_matriks_kode_informan.csv`, `wawancara_triangulasi.csv`,
#   `wawancara_hambatan_peringkat.csv`, `wawancara_kutipan.csv`: hasil pengodean pengkode
#   utama;
# - `wawancara_kesepakatan.csv`, `wawancara_ketidaksepakatan.csv`: kesepakatan antarpengkode
#   pada dokumen yang dikodekan dua orang;
# - untuk perbandingan: `kegiatan_peningkatan_kinerja.csv` (Tabel I.3, notebook 02) dan
#   `kuesioner_indikator.csv` (indeks indikator kuesioner, notebook 04).
#
# Informan dipilih secara purposif, bukan sampel acak: angka di bawah menghitung **berapa
# informan menyebut suatu hal**, bukan perkiraan untuk populasi.

# %%
import matplotlib.pyplot as plt
from IPython.display import Markdown, display

from psm_analysis import catalog, notebook, plots, training
from psm_analysis.interviews import results
from psm_analysis.numbers import format_number as angka
from psm_analysis.numbers import format_percent as persen

bab = notebook.setup("05")
bab.demo_banner(("interviews", "survey"))  # the page quotes questionnaire figures too

informan = catalog.load("wawancara_informan")
tahun = results.year_span(informan)
DEMO = bool(bab.demo_kinds(("interviews",)))
ASAL = (
    f"DATA CONTOH wawancara (sintetis), bukan data penelitian, {tahun}"
    if DEMO
    else f"Hasil wawancara, {tahun}"
)
SUMBER = f"{ASAL}; diolah"

# %% [markdown]
# ## 1. Informan
#
# Setiap informan ditulis dengan pseudonim: nomor informan dan kelompoknya.

# %%
kelompok = results.group_sizes(informan)
n_informan = int((informan["jumlah_segmen"] > 0).sum())  # coded: the shares' denominator
display(
    Markdown(
        f"Ada **{angka(len(informan))} informan** dari **{angka(len(kelompok))} kelompok**: "
        + "; ".join(f"{r.kelompok} {angka(r.jumlah_informan)} orang" for r in kelompok.itertuples())
        + ". "
        + results.coded_informants_text(informan)
    )
)
bab.export_table(
    results.reader_table(informan, "informan"),
    "05_informan",
    tempat="lampiran",
    title="Informan Penelitian (Pseudonim)",
    source=SUMBER,
    notes="Nama informan tidak ditampilkan; pseudonim = nomor informan (kelompok).",
)

# %% [markdown]
# ## 2. Frekuensi kode
#
# Untuk setiap kode: berapa segmen (kutipan) yang diberi kode itu, berapa informan yang
# menyebutnya, dan dari berapa kelompok informan.

# %%
frekuensi = catalog.load("wawancara_kode_frekuensi")
bab.export_table(
    results.reader_table(frekuensi, "kode_frekuensi"),
    "05_frekuensi_kode",
    title="Frekuensi Kode Wawancara: Segmen dan Informan per Kode",
    source=SUMBER,
    number_format={"Persentase informan": "percent"},
)

# %% [markdown]
# ## 3. Matriks kode dan kelompok informan
#
# Sel = jumlah informan dalam kelompok (kolom) yang menyebut temuan (baris). Matriks yang kedua
# memperlihatkan setiap informan (jumlah segmen).

# %%
matriks_kelompok = catalog.load("wawancara_matriks_kode_kelompok")
lebar_kelompok = results.wide_by_group(matriks_kelompok, "jumlah_informan")
# each group with its size: the informants coded, the count's largest possible value
ukuran = results.group_sizes(informan[informan["jumlah_segmen"] > 0])
ukuran = dict(zip(ukuran["kelompok"], ukuran["jumlah_informan"], strict=True))
fig = plots.heatmap_figure(
    lebar_kelompok.rename(columns=lambda g: f"{g} (n = {angka(ukuran.get(g, 0))})"),
    colorbar_label="Jumlah informan",
)
gambar_matriks = bab.save_figure(
    fig,
    "05_matriks_kode_kelompok",
    caption="Matriks temuan wawancara menurut kelompok informan (jumlah informan yang "
    "menyebut temuan; n = informan dalam kelompok)",
    source=SUMBER,
    demo=DEMO,
)
plt.show()
gambar_matriks

# %%
tabel_matriks = lebar_kelompok.reset_index(names="Temuan (kode)")
bab.export_table(
    tabel_matriks,
    "05_matriks_kode_kelompok",
    tempat="lampiran",
    title="Matriks Temuan menurut Kelompok Informan (Jumlah Informan)",
    source=SUMBER,
)

# %%
matriks_informan = catalog.load("wawancara_matriks_kode_informan")
lebar_informan = results.wide_by_informant(matriks_informan)
# at most one segment per informant and finding: a yes/no matrix, and the caption says so
ya_tidak = bool(lebar_informan.isin([0, 1]).all().all())
fig = plots.heatmap_figure(
    lebar_informan,
    colorbar_label="Informan menyebut" if ya_tidak else "Jumlah segmen",
    vertical_columns=True,
)
gambar_informan = bab.save_figure(
    fig,
    "05_matriks_kode_informan",
    caption="Matriks temuan wawancara menurut informan "
    + ("(1: informan menyebut temuan, 0: tidak)" if ya_tidak else "(jumlah segmen)"),
    source=SUMBER,
    demo=DEMO,
)
plt.show()
gambar_informan

# %% [markdown]
# ## 4. Triangulasi sumber
#
# Temuan lebih kuat bila disebut oleh lebih dari satu kelompok informan. Temuan yang hanya
# bersandar pada satu kelompok ditandai dan perlu dibaca dengan hati-hati (atau dikonfirmasi
# dengan dokumen/observasi).

# %%
triangulasi = catalog.load("wawancara_triangulasi")
satu = triangulasi[triangulasi["satu_kelompok"]]
display(
    Markdown(
        "Temuan yang **hanya** disebut satu kelompok: "
        + (
            "; ".join(f"{r.label} ({r.kelompok})" for r in satu.itertuples())
            if len(satu)
            else "tidak ada"
        )
        + "."
    )
)
bab.export_table(
    results.reader_table(triangulasi, "triangulasi"),
    "05_triangulasi",
    title="Triangulasi Sumber: Kelompok Informan yang Menyebut Setiap Temuan",
    source=SUMBER,
)

# %% [markdown]
# ## 5. Peringkat hambatan
#
# Hambatan diurutkan menurut jumlah informan yang menyebutnya (peringkat sama bila jumlahnya
# sama).

# %%
peringkat = catalog.load("wawancara_hambatan_peringkat")
fig, ax = plt.subplots(figsize=(plots.TEXT_WIDTH, 3.4))
puncak = peringkat.loc[peringkat["peringkat"] == 1, "label"].tolist()
plots.bar_chart(
    ax,
    peringkat["label"],
    peringkat["jumlah_informan"],
    highlight=puncak,
    sort=None,
    xlabel=f"Jumlah informan (dari {angka(n_informan)})",
)
gambar_hambatan = bab.save_figure(
    fig,
    "05_peringkat_hambatan",
    caption="Hambatan Dinas Sosial dalam meningkatkan kinerja PSM menurut jumlah informan",
    source=SUMBER,
    demo=DEMO,
)
plt.show()
gambar_hambatan

# %%
bab.export_table(
    results.reader_table(peringkat, "hambatan_peringkat"),
    "05_peringkat_hambatan",
    tempat="lampiran",
    title="Peringkat Hambatan menurut Jumlah Informan",
    source=SUMBER,
    number_format={"Persentase informan": "percent"},
)

# %% [markdown]
# ## 6. Kutipan terpilih
#
# Dua kutipan per temuan, sedapat mungkin dari kelompok informan yang berbeda. Semua kutipan
# ada di `data/processed/wawancara_kutipan.csv`. Nama orang di dalam kutipan ditulis
# "[nama PSM]", "[nama TKSK]", atau "[nama informan]", sehingga kutipan tidak menunjukkan
# informan mana melakukan apa; setiap kutipan disertai sumbernya seperti dalam skripsi:
# "(Wawancara dengan Informan I-05, PSM, 15 April 2019)", tanggal dari daftar informan atau
# peta dokumen (tidak ditulis bila tidak diketahui).

# %%
kutipan = catalog.load("wawancara_kutipan")
for pertanyaan, judul in (("peran", "Peranan"), ("hambatan", "Hambatan")):
    display(
        bab.export_table(
            results.reader_table(results.selected_quotes(kutipan, 2, pertanyaan), "kutipan"),
            f"05_kutipan_{pertanyaan}",
            title=f"Kutipan Wawancara Terpilih tentang {judul} Dinas Sosial",
            source=SUMBER,
        )
    )

# %% [markdown]
# ## 7. Kesepakatan antarpengkode
#
# Sebagian dokumen dikodekan oleh dua pengkode. Unitnya adalah setiap kutipan yang diberi kode
# dalam dokumen yang dikodekan keduanya. **Ukuran utama** adalah kappa Cohen per kode
# (dihitung eksak dari tabel 2 × 2 ya/tidak setiap kode), dengan kekuatan kesepakatan menurut
# Landis dan Koch (1977); kode dengan kappa 0,40 atau kurang ditandai "perlu dibahas". Untuk
# angka keseluruhan dipakai **alpha Krippendorff (nominal)** atas keputusan ya/tidak setiap
# unit × kode yang dipakai salah satu pengkode (Krippendorff 2019; Hayes dan Krippendorff
# 2007), bukan kappa Cohen gabungan. Dengan unit sesedikit ini kappa per kode tidak stabil:
# satu perbedaan saja sudah menggeser nilainya jauh. Kutipan yang dipotong berbeda oleh kedua
# pengkode menjadi unit yang berbeda; akibatnya pada kappa bisa menurunkan atau menaikkan,
# jadi potongan kutipan sebaiknya disamakan sebelum kesepakatan dihitung. Bila kodean membawa
# posisi dalam transkrip (proyek REFI-QDA atau transkrip Word), kesepakatan juga dihitung
# dengan **unit karakter**; kalimat di bawah tabel menyebut unit mana yang dipakai.

# %%
kesepakatan = catalog.load("wawancara_kesepakatan")
if kesepakatan.empty:
    display(Markdown(f"_{results.no_agreement_text(catalog.load('wawancara_segmen'))}_"))
else:
    kalimat_kesepakatan = results.agreement_text(kesepakatan)
    display(Markdown("\n\n".join(kalimat_kesepakatan)))
    display(
        bab.export_table(
            results.reader_table(kesepakatan, "kesepakatan"),
            "05_kesepakatan_pengkode",
            tempat="lampiran",
            title="Kesepakatan Antarpengkode per Kode (Kappa Cohen)",
            source=SUMBER,
            number_format={"Proporsi kesepakatan": 2, "Kappa Cohen": 2},
            notes="Unit = kutipan berkode dalam dokumen yang dikodekan kedua pengkode. Perlu "
            "dibahas = kappa 0,40 atau kurang. Angka keseluruhan (alpha Krippendorff, nominal) "
            "ada pada teks di atas tabel.",
        )
    )

# %%
display(
    Markdown(
        "\n\n".join(
            results.character_agreement_text(catalog.load("wawancara_kesepakatan_karakter"))
        )
    )
)

# %%
ketidaksepakatan = catalog.load("wawancara_ketidaksepakatan")
if len(ketidaksepakatan):
    display(
        bab.export_table(
            results.reader_table(ketidaksepakatan, "ketidaksepakatan"),
            "05_ketidaksepakatan_pengkode",
            tempat="lampiran",
            title="Ketidaksepakatan Antarpengkode untuk Didiskusikan",
            source=SUMBER,
        )
    )

# %% [markdown]
# ## 8. Kaitan dengan notebook 02 sampai 04
#
# Beberapa temuan wawancara mengukur hal yang sama dengan data lain: cakupan Diklat dari
# Tabel I.3 (notebook 02) dan indikator peran Dinas Sosial dalam kuesioner (notebook 04).
# Kaitan kode dengan indikator kuesioner tercatat di buku kode (kunci `kuesioner`).

# %%
cakupan = training.coverage(catalog.load("kegiatan_peningkatan_kinerja"))
frek = frekuensi.set_index("kode")
baris = [
    f"- **Cakupan pelatihan.** Tabel I.3: baru **{angka(cakupan.trained)} dari "
    f"{angka(cakupan.target)} PSM** ({persen(cakupan.percent)}) yang mendapat Diklat; "
    f"{angka(cakupan.untrained)} orang belum."
]
if "hambatan.cakupan_pelatihan" in frek.index:
    f_cakupan = frek.loc["hambatan.cakupan_pelatihan"]
    baris[0] += (
        f" Dalam wawancara, **{angka(f_cakupan.jumlah_informan)} dari {angka(n_informan)} "
        f"informan** ({persen(f_cakupan.persen_informan)}) menyebut cakupan pelatihan yang "
        "terbatas sebagai hambatan."
    )
if "hambatan.kurang_pembinaan" in frek.index:
    f_binaan = frek.loc["hambatan.kurang_pembinaan"]
    baris.append(
        f"- **Kurangnya pembinaan** (fenomena 2 BAB I) disebut oleh "
        f"**{angka(f_binaan.jumlah_informan)} informan** dari "
        f"{angka(f_binaan.jumlah_kelompok)} kelompok."
    )
display(Markdown("\n".join(baris)))
kaitan = results.survey_links()
binaan = kaitan[kaitan["kode"] == "hambatan.kurang_pembinaan"]
if len(binaan) and binaan["indeks"].notna().all():
    display(Markdown(results.survey_link_text(binaan.iloc[0])))
bab.export_table(
    results.reader_table(kaitan, "kaitan_kuesioner"),
    "05_kaitan_kuesioner",
    title="Temuan Wawancara dan Indikator Kuesioner yang Mengukur Hal yang Sama",
    source=f"{ASAL}; kuesioner PSM"
    + ((" (DATA CONTOH)" if not DEMO else " (sintetis)") if bab.demo_kinds(("survey",)) else "")
    + "; diolah",
    number_format={"Indeks kuesioner": "percent"},
)

# %% [markdown]
# ## 9. Jawaban pertanyaan penelitian
#
# Ringkasan di bawah disusun dari tabel-tabel di atas (tidak ada angka yang diketik tangan).


# %%
def _daftar(df):
    return "; ".join(
        f"{results.inline(r.label)} ({angka(r.jumlah_informan)} informan, "
        f"{angka(r.jumlah_kelompok)} kelompok)"
        for r in df.itertuples()
    )


peran = triangulasi[(triangulasi["pertanyaan"] == "peran") & (triangulasi["jumlah_informan"] > 0)]
peran = peran.sort_values("jumlah_informan", ascending=False, kind="stable")
peran_kuat = peran[~peran["satu_kelompok"]]
peran_lemah = peran[peran["satu_kelompok"]]
hambatan_utama = peringkat[(peringkat["peringkat"] == 1) & (peringkat["jumlah_informan"] > 0)]
hambatan_lain = peringkat[(peringkat["peringkat"] > 1) & (peringkat["jumlah_informan"] > 0)]
teks = [
    "**(a) Peranan Dinas Sosial.** Menurut para informan, Dinas Sosial menjalankan perannya "
    f"terutama melalui: {_daftar(peran_kuat)}."
    if len(peran_kuat)
    else "**(a) Peranan Dinas Sosial.** Tidak ada peran yang disebut oleh lebih dari satu "
    "kelompok informan."
]
if len(peran_lemah):
    teks.append(
        f"Peran berupa {_daftar(peran_lemah)} hanya disebut oleh satu kelompok informan, "
        "sehingga belum terkonfirmasi oleh kelompok lain."
    )
teks.append(
    "\n\n**(b) Hambatan.** Hambatan yang paling banyak disebut adalah "
    f"{_daftar(hambatan_utama)}."
    + (f" Hambatan lain: {_daftar(hambatan_lain)}." if len(hambatan_lain) else "")
    if len(hambatan_utama)
    else "\n\n**(b) Hambatan.** Belum ada hambatan yang dikodekan dalam wawancara."
)
if "hambatan.cakupan_pelatihan" in frek.index and f_cakupan.jumlah_informan > 0:
    teks.append(
        "\n\nHambatan cakupan pelatihan sejalan dengan Tabel I.3: baru "
        f"{angka(cakupan.trained)} dari {angka(cakupan.target)} PSM "
        f"({persen(cakupan.percent)}) yang mendapat Diklat."
    )
if not kesepakatan.empty:
    # the conclusion on coding reliability: per-code kappas first, then the overall
    # Krippendorff's alpha (section 7)
    teks.append(
        "\n\n**Keandalan pengodean** (lihat "
        + bab.ref("05_kesepakatan_pengkode")
        + ("" if ketidaksepakatan.empty else " dan " + bab.ref("05_ketidaksepakatan_pengkode"))
        + "). "
        + " ".join(kalimat_kesepakatan)
    )
display(Markdown(" ".join(teks)))

# %% [markdown]
# ## Versi perangkat lunak

# %%
notebook.show_versions()
