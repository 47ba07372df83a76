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
# # 04 Kinerja PSM dan peran Dinas Sosial menurut kuesioner
#
# **Pertanyaan.** Bagaimana PSM Kecamatan Bunut menilai kinerja mereka sendiri menurut
# tugas dan fungsi PSM (Pasal 5 Permensos Nomor 01 Tahun 2012), dan bagaimana mereka
# menilai peran Dinas Sosial Kabupaten Pelalawan melalui kegiatan pada Tabel I.3 dan
# pembinaan? Apakah PSM yang pernah mengikuti Diklat menilai berbeda dari yang belum?
#
# **Sumber data.** Semua data dibaca dari `data/processed/` (hasil `psm-analysis clean`):
#
# - `kuesioner_jawaban.csv`: jawaban yang sudah diperiksa, satu baris per responden;
# - `kuesioner_butir.csv`, `kuesioner_indikator.csv`, `kuesioner_variabel.csv`: frekuensi
#   jawaban, skor, indeks skor, dan kategori;
# - `kuesioner_kategori.csv`: aturan kategori dari buku kode;
# - `kuesioner_reliabilitas.csv`, `kuesioner_validitas_butir.csv`: alpha Cronbach dan
#   korelasi butir-total;
# - `kuesioner_perbandingan_diklat.csv`: perbandingan menurut keikutsertaan Diklat;
# - `kuesioner_profil.csv`: profil responden;
# - `psm_per_kecamatan.csv`: jumlah PSM Kecamatan Bunut (Tabel I.2), untuk memeriksa
#   apakah semua PSM menjawab.
#
# **Cara membaca.** Indeks skor = jumlah skor / (skor tertinggi × jumlah jawaban) × 100 %.
# Pernyataan negatif (ditandai `*`) dibalik skornya sebelum dihitung. Kuesioner ditujukan
# kepada **seluruh** PSM Kecamatan Bunut (sensus), jadi tidak ada galat sampel; tetapi
# kelompoknya kecil, sehingga satu orang menggeser persentase banyak dan setiap koefisien
# tidak stabil (jumlah responden dan PSM Bunut dihitung di bagian 1).

# %%
import matplotlib.pyplot as plt
from IPython.display import Markdown, display

from psm_analysis import catalog, notebook, plots, spread
from psm_analysis.numbers import format_number as angka
from psm_analysis.numbers import format_percent as persen
from psm_analysis.survey import report

bab = notebook.setup("04")
bab.demo_banner(("survey",))

# %% [markdown]
# ## 1. Data dan profil responden

# %%
t = {nama: catalog.load(f"kuesioner_{nama}") for nama in report.TABLES}
demo = report.is_demo(t)
sumber = report.source_line(demo)
n = len(t["jawaban"])
psm_bunut = int(
    catalog.load("psm_per_kecamatan").set_index("kecamatan").loc[spread.STUDY_SITE, "jumlah_psm"]
)
sensus = n == psm_bunut
display(
    Markdown(
        report.coverage_text(n, psm_bunut, spread.STUDY_SITE)
        + f" Satu orang = {persen(100 / n)} responden."
    )
)
# the respondents against Tabel I.2 and the register (index page: pemeriksaan antarsumber)
lintas = catalog.load("pemeriksaan_lintas_sumber")
for r in lintas[lintas["id"].str.contains("responden")].itertuples():
    if r.status != "sesuai":
        display(
            Markdown(
                f"**Pemeriksaan antarsumber** ({r.pemeriksaan}; {r.status}): {r.ditemukan}"
                + (f"; {r.keterangan}." if isinstance(r.keterangan, str) else ".")
            )
        )

# %%
bab.export_table(
    report.profile_table(t),
    "04_profil_responden",
    title="Profil Responden PSM Kecamatan Bunut",
    source=sumber,
    number_format={"Persentase": "percent"},
)

# %% [markdown]
# ## 2. Kinerja PSM per indikator
#
# Satu tabel untuk setiap indikator: frekuensi (F) dan persentase jawaban, skor, indeks,
# dan kategori tiap butir, dengan baris indikator di bawahnya. Aturan kategori dicetak di bawah
# setiap tabel.

# %%
variabel = t["variabel"].set_index("variabel")
indikator = t["indikator"]


def tabel_indikator(kode: str, nama_tabel: str) -> None:
    tabel, fmt, aturan = report.indicator_table(t, kode)
    baris = indikator.set_index("indikator").loc[kode]
    display(
        bab.export_table(
            tabel,
            nama_tabel,
            title=f"Tanggapan Responden tentang Indikator {baris['nama_indikator']}",
            source=sumber,
            number_format=fmt,
            notes=[aturan, f"Dasar indikator: {baris['dasar']}."],
            # one answer label (SS, S, ...) over its F and % columns
            spanning=[c.removesuffix(" F") for c in tabel.columns if c.endswith(" F")],
        )
    )


for k, kode in enumerate(indikator.loc[indikator["variabel"] == "KIN", "indikator"], start=1):
    tabel_indikator(kode, f"04_kinerja_indikator_{k:02d}")

# %% [markdown]
# ## 3. Peran Dinas Sosial per indikator

# %%
for k, kode in enumerate(indikator.loc[indikator["variabel"] == "PDS", "indikator"], start=1):
    tabel_indikator(kode, f"04_peran_indikator_{k:02d}")

# %% [markdown]
# ## 4. Rekapitulasi

# %%
for kode, nama in (("KIN", "04_rekap_kinerja"), ("PDS", "04_rekap_peran")):
    rekap, fmt, aturan = report.recap_table(t, kode)
    display(
        bab.export_table(
            rekap,
            nama,
            title=f"Rekapitulasi Indeks Skor Variabel {variabel.loc[kode, 'nama_variabel']}",
            source=sumber,
            number_format=fmt,
            notes=[aturan],
        )
    )

# %% [markdown]
# ## 5. Sebaran jawaban per butir
#
# Batang ke kiri: jawaban tidak setuju; ke kanan: setuju; jawaban ragu-ragu dibagi dua di
# tengah. Batang menunjukkan jawaban seperti diberikan responden. Butir bertanda `*` adalah
# pernyataan negatif: di sana jawaban setuju berarti penilaian yang kurang baik (skornya
# dibalik hanya untuk skor dan indeks).

# %%
for kode, nama in (("KIN", "04_sebaran_jawaban_kinerja"), ("PDS", "04_sebaran_jawaban_peran")):
    jumlah = report.likert_counts(t, kode)
    fig = plots.likert_figure(jumlah, xlabel="Persentase jawaban (%)")
    gambar = bab.save_figure(
        fig,
        nama,
        caption=f"Sebaran jawaban butir variabel {variabel.loc[kode, 'nama_variabel']}"
        + (
            " (*: pernyataan negatif, jawaban seperti diberikan)"
            if any("*" in str(b).split()[0] for b in jumlah.index)
            else ""
        ),
        source=sumber,
        demo=demo,
    )
    plt.show()  # the figure first, its caption below it
    display(gambar)

# %% [markdown]
# ## 6. Indeks skor per indikator

# %%
nama_indikator = report.indicator_labels(t, width=36)  # numbered as the recap tables
urutan_variabel = list(dict.fromkeys(indikator["variabel"]))
# each panel as high as its labels: 9 pt lines (0,16 in) and a gap under each bar
tinggi = [
    sum(
        0.16 * (nama_indikator[i].count("\n") + 1) + 0.14
        for i in indikator.index[indikator["variabel"] == v]
    )
    for v in urutan_variabel
]
fig, axes = plt.subplots(
    len(urutan_variabel),
    1,
    sharex=True,
    height_ratios=tinggi,
    figsize=(plots.TEXT_WIDTH, sum(tinggi) + 0.45 * len(tinggi) + 1.0),
    squeeze=False,
)
kategori = t["kategori"]
kelas_kin = kategori[kategori["variabel"] == "KIN"]
batas_sama = (
    kategori.groupby("variabel")[["batas_bawah", "batas_atas"]]
    .apply(lambda d: tuple(d.round(6).to_numpy().ravel()))
    .nunique()
    == 1
)
for k, (ax, kode) in enumerate(zip(axes[:, 0], urutan_variabel, strict=True)):
    bagian = indikator.index[indikator["variabel"] == kode]
    nama = [nama_indikator[i] for i in bagian]
    plots.bar_chart(
        ax,
        nama,
        indikator.loc[bagian, "indeks"].tolist(),
        sort=None,
        decimals=2,  # as the tables and the findings print the index
        xlabel="Indeks skor (%)" if k == len(urutan_variabel) - 1 else None,
        highlight=nama[int(indikator.loc[bagian, "indeks"].to_numpy().argmin())],
    )
    ax.set_xlim(0, 100)
    # the variable's name over its indicators, as in the recap tables (above the
    # category names on the first panel)
    ax.set_title(variabel.loc[kode, "nama_variabel"], pad=30 if k == 0 else 6)
    for batas in kelas_kin["batas_bawah"].iloc[1:]:
        ax.axvline(batas, color=plots.GREY_TEXT, linewidth=0.8, linestyle="--", zorder=1)
ax = axes[0, 0]
for r in kelas_kin.itertuples():  # category names above their bands
    ax.text(
        (r.batas_bawah + r.batas_atas) / 2,
        1.0,
        r.kategori.replace(" ", "\n"),  # one word a line: the bands are narrow
        transform=ax.get_xaxis_transform(),
        ha="center",
        va="bottom",
        fontsize=plots.MIN_TEXT_PT,
        color=plots.GREY_TEXT,
    )
batas_untuk = "" if batas_sama else f" variabel {variabel.loc['KIN', 'nama_variabel']}"
gambar = bab.save_figure(
    fig,
    "04_indeks_indikator",
    caption=f"Indeks skor per indikator (garis putus-putus: batas kategori{batas_untuk}; "
    "indikator terendah tiap variabel disorot)",
    source=sumber,
    demo=demo,
)
plt.show()  # the figure first, its caption below it
display(gambar)

# %% [markdown]
# ## 7. Validitas dan reliabilitas
#
# Instrumen diuji pada data yang disebut buku kode (`instrument_test`): jawaban uji coba di
# `data/raw/survey/uji_coba/` bila ada, selain itu jawaban utama. Butir yang tidak valid
# digugurkan (tidak dihitung dalam tabel, gambar, dan indeks di atas dan di bawah) atau,
# bila buku kode menyatakan `pertahankan`, tetap dihitung dengan catatan.
#
# Validitas butir: korelasi butir dengan total butir lain pada variabel yang sama
# (korelasi butir-total terkoreksi) dibandingkan dengan r kritis dari distribusi t (dua
# sisi, taraf 0,05, df = n − 2; n = responden yang menjawab lengkap semua butir variabelnya,
# jadi r kritis dapat berbeda antarvariabel). Reliabilitas: alpha Cronbach dengan selang
# kepercayaan Feldt 95 %. Selang ini menggambarkan ketelitian alpha antarresponden:
# seberapa jauh alpha butir-butir ini dapat bergeser bila responden lain yang serupa
# mengisinya. Bila instrumen diuji pada jawaban utama (seluruh PSM Bunut, sensus), selang
# ini bukan galat sampel untuk populasi PSM yang lebih luas. Kolom catatan memperingatkan alpha negatif
# (periksa butir yang seharusnya dibalik), butir yang tidak bervariasi, dan butir kosong
# yang membuat responden lengkap terlalu sedikit.

# %%
display(Markdown(report.instrument_sentence(t)))

# %%
bab.export_table(
    report.alpha_table(t),
    "04_reliabilitas",
    tempat="lampiran",
    title="Reliabilitas Instrumen (Alpha Cronbach)",
    source=sumber,
    number_format={"Alpha Cronbach": 3, "Batas bawah 95 %": 3, "Batas atas 95 %": 3},
)

# %%
bab.export_table(
    report.reliability_table(t),
    "04_validitas_butir",
    tempat="lampiran",
    title="Validitas Butir (Korelasi Butir-Total Terkoreksi)",
    source=sumber,
    number_format={"r hitung": 3, "r kritis": 3, "Alpha jika butir dihapus": 3},
    notes=[report.validity_note(t)],
)

# %% [markdown]
# ## 8. Pernah Diklat atau belum
#
# Indeks tiap responden dibandingkan antara PSM yang pernah dan belum pernah mengikuti
# Diklat dengan median tiap kelompok, jumlah orangnya, dan ukuran efek *rank-biserial*
# (positif: yang pernah Diklat lebih tinggi; r = 2U / (n1 × n2) − 1, jadi U / (n1 × n2)
# adalah bagian pasangan, satu PSM dari tiap kelompok, yang dimenangkan kelompok Diklat).
# Bila responden adalah seluruh PSM Kecamatan Bunut (sensus, bagian 1), tidak ada populasi
# lain yang ditaksir: teks tidak memakai nilai p. Uji Mann-Whitney U eksak (peringkat tengah
# untuk nilai kembar; kolom "p terkecil yang mungkin" = nilai p terkecil yang dapat dicapai
# kelompok sebesar ini) tersedia di tabel lampiran bagi pembaca yang memerlukannya.

# %%
if not t["perbandingan_diklat"].empty:
    perbedaan = bab.export_table(
        report.difference_table(t),
        "04_perbedaan_diklat",
        title="Indeks Skor menurut Keikutsertaan Diklat",
        source=sumber,
        number_format={
            c: 3 if c == "r rank-biserial" else "percent"
            for c in report.difference_table(t).columns
            if c.startswith(("Median", "r "))
        },
    )
    display(perbedaan)

# %%
if t["perbandingan_diklat"].empty:
    display(Markdown(report.no_comparison_text()))
else:
    perbandingan = report.comparison_table(t)
    desimal = {"p ": 4, "r ": 3, "Median": "percent", "U": 1}  # percentages: numbers.py
    uji = bab.export_table(
        perbandingan,
        "04_perbandingan_diklat",
        title="Uji Mann-Whitney U Indeks Skor menurut Keikutsertaan Diklat",
        source=sumber,
        tempat="lampiran",
        number_format={
            c: next(f for k, f in desimal.items() if c.startswith(k))
            for c in perbandingan.columns
            if c.startswith(tuple(desimal)) and c != "Metode p"
        },
    )
    display(uji)

# %%
kolom_kelompok = report.group_column(t)
if kolom_kelompok is not None:
    kelompok = report.group_labels(t)
    idx = t["indeks_responden"].merge(t["jawaban"][["responden", kolom_kelompok]], on="responden")
    fig, axes = plt.subplots(1, 2, figsize=(plots.TEXT_WIDTH, 3.0), sharey=True)
    for ax, kode in zip(axes, ("KIN", "PDS"), strict=True):
        for x, grup in enumerate(kelompok):
            nilai = idx.loc[idx[kolom_kelompok] == grup, f"indeks_{kode}"]
            ax.scatter(
                [x] * len(nilai),
                nilai,
                color=plots.BASE if x == 0 else plots.HIGHLIGHT,
                alpha=0.8,
            )
            if len(nilai):
                ax.hlines(nilai.median(), x - 0.25, x + 0.25, color=plots.GREY_TEXT)
        ax.set_xticks(  # each group with its size (orang)
            [0, 1],
            [
                f"{nama}\n(n = {angka((idx[kolom_kelompok] == grup).sum())})"
                for nama, grup in zip(("Pernah Diklat", "Belum"), kelompok, strict=True)
            ],
        )
        ax.set_xlim(-0.6, 1.6)
        ax.set_title(variabel.loc[kode, "nama_variabel"], fontsize=10)
    axes[0].set_ylabel("Indeks skor responden (%)")
    plots.decimal_comma_axis(axes[0], "y")
    gambar = bab.save_figure(
        fig,
        "04_indeks_diklat",
        caption="Indeks skor tiap responden menurut keikutsertaan Diklat (garis: median)",
        source=sumber,
        demo=demo,
    )
    plt.show()  # the figure first, its caption below it
    display(gambar)

# %% [markdown]
# ## 9. Temuan
#
# Temuan di bawah ditulis otomatis dari tabel di atas.

# %%
display(Markdown("\n".join(f"- {kalimat}" for kalimat in report.findings(t, psm_bunut))))

# %%
kalimat_p = "" if sensus else report.smallest_p_text(t)  # a census: no p-value in the text
cakupan_responden = (
    f"Sebanyak {angka(n)} responden adalah seluruh PSM Kecamatan {spread.STUDY_SITE}"
    if sensus
    else f"Sebanyak {angka(n)} responden dari {angka(psm_bunut)} PSM Kecamatan {spread.STUDY_SITE}"
    if n < psm_bunut
    else f"Sebanyak {angka(n)} responden (lebih dari {angka(psm_bunut)} PSM Kecamatan "
    f"{spread.STUDY_SITE} menurut Tabel I.2)"
)
display(
    Markdown(
        " ".join(
            filter(
                None,
                [
                    f"**Keterbatasan.** {cakupan_responden}, sehingga hasil tidak dapat "
                    "digeneralisasi ke kecamatan lain. Alpha Cronbach dan korelasi butir dari "
                    "sedikit responden (kolom n pada tabel reliabilitas dan validitas) mudah "
                    "berubah.",
                    kalimat_p,
                    "Penilaian kinerja adalah penilaian diri PSM.",
                ],
            )
        )
    )
)

# %%
notebook.show_versions()
