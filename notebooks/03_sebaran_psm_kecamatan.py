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
# # 03 Sebaran PSM menurut kecamatan
#
# **Pertanyaan.** Bagaimana PSM Kabupaten Pelalawan tersebar di kecamatan-kecamatannya, dan
# di mana posisi Kecamatan Bunut, lokasi penelitian? Apakah jumlah PSM per kecamatan mengikuti
# jumlah desa dan kelurahannya (satu PSM untuk satu desa/kelurahan), dan di mana
# pengecualiannya?
#
# **Sumber data.** Semua data dibaca dari `data/processed/` (hasil `psm-analysis clean`):
#
# - `psm_per_kecamatan.csv`: Tabel I.2 (jumlah PSM per kecamatan, Dinas Sosial) yang
#   digabung dengan jumlah desa dan kelurahan per kecamatan menurut data wilayah Kemendagri;
# - `desa_kelurahan.csv`: daftar desa dan kelurahan Kabupaten Pelalawan (Kemendagri);
# - `sumber_tabel.csv`: baris "Sumber" dan tahun tiap tabel.
#
# Jumlah PSM adalah **sensus**: semua PSM kabupaten tercakup, jadi tidak ada galat sampel.

# %%
import matplotlib.pyplot as plt
from IPython.display import Markdown, display

from psm_analysis import catalog, dinsos, labels, notebook, plots, spread, tables
from psm_analysis.numbers import format_number as angka
from psm_analysis.numbers import format_percent as persen
from psm_analysis.register import analysis as register

bab = notebook.setup("03")
bab.demo_banner(("dinsos", "register"))

# %% [markdown]
# ## 1. Data

# %%
psm = catalog.load("psm_per_kecamatan")
sumber = catalog.load("sumber_tabel")
sebaran = spread.psm_vs_villages(psm)
lokasi = spread.STUDY_SITE
bunut = sebaran.set_index("kecamatan").loc[lokasi]
sumber_psm = tables.cite(sumber, "I.2")
sumber_gabungan = tables.cite(sumber, "I.2", extra=dinsos.REFERENCE_SOURCE)
tables.preview(
    sebaran[
        ["kode_wilayah", "kecamatan", "nama_di_sumber", "jumlah_psm", "jumlah_desa_kelurahan"]
    ].rename(columns=labels.column_label)
)

# %% [markdown]
# ## 2. Jumlah PSM per kecamatan

# %%
peringkat = int((sebaran["jumlah_psm"] > bunut["jumlah_psm"]).sum()) + 1
sama = int((sebaran["jumlah_psm"] == bunut["jumlah_psm"]).sum())
display(
    Markdown(
        f"Kecamatan {lokasi} memiliki **{angka(bunut['jumlah_psm'])} PSM** "
        f"({persen(bunut['pangsa_psm_persen'])} dari {angka(sebaran['jumlah_psm'].sum())} PSM "
        f"kabupaten), sama banyak dengan {angka(sama - 1)} kecamatan lain; "
        f"{angka(peringkat - 1)} kecamatan memiliki lebih banyak PSM."
    )
)

# %%
fig, ax = plt.subplots(figsize=(plots.TEXT_WIDTH, 3.8))
plots.bar_chart(
    ax,
    sebaran["kecamatan"],
    sebaran["jumlah_psm"],
    highlight=lokasi,
    xlabel="Jumlah PSM (orang)",
)
gambar_batang = bab.save_figure(
    fig,
    "03_psm_per_kecamatan",
    tempat="IV",
    caption=f"Jumlah PSM menurut kecamatan di Kabupaten Pelalawan (Kecamatan {lokasi} "
    "sebagai lokasi penelitian ditandai)",
    source=sumber_psm,
)
plt.show()
gambar_batang

# %% [markdown]
# ## 3. PSM dibandingkan dengan jumlah desa/kelurahan
#
# Bila setiap desa atau kelurahan memiliki tepat satu PSM, titik sebuah kecamatan terletak
# pada garis 1:1. Titik di atas garis berarti PSM lebih banyak daripada desa/kelurahan.

# %%
fig, ax = plt.subplots(figsize=(plots.TEXT_WIDTH, 5.2))
plots.scatter_identity(
    ax,
    sebaran["jumlah_desa_kelurahan"],
    sebaran["jumlah_psm"],
    sebaran["kecamatan"],
    highlight=lokasi,
    xlabel="Jumlah desa dan kelurahan (Kemendagri)",
    ylabel="Jumlah PSM (orang)",
    identity_label="Satu PSM per desa/kelurahan (garis 1:1)",
    off_line_label="PSM lebih banyak daripada desa/kelurahan",
    offsets={"Pangkalan Kuras": (-8, 0)},
)
gambar_sebar = bab.save_figure(
    fig,
    "03_psm_dan_desa_kelurahan",
    tempat="IV",
    caption="Jumlah PSM dan jumlah desa/kelurahan per kecamatan di Kabupaten Pelalawan",
    source=sumber_gabungan,
)
plt.show()
gambar_sebar

# %%
bab.export_table(
    spread.spread_table(sebaran),
    "03_psm_dan_desa_kelurahan",
    tempat="lampiran",
    title="Jumlah PSM, Desa, dan Kelurahan menurut Kecamatan di Kabupaten Pelalawan",
    source=sumber_gabungan,
    number_format={"Pangsa PSM": "percent", "PSM per desa/kelurahan": 2},
)

# %%
pengecualian = spread.exceptions(sebaran)
n_sama = len(sebaran) - len(pengecualian)
rincian = "; ".join(
    f"{r.kecamatan}: {angka(r.jumlah_psm)} PSM untuk {angka(r.jumlah_desa_kelurahan)} "
    f"desa/kelurahan (rasio {angka(r.rasio, 2)})"
    for r in pengecualian.itertuples()
)
display(
    Markdown(
        f"Di **{angka(n_sama)} dari {angka(len(sebaran))} kecamatan** jumlah PSM sama persis "
        f"dengan jumlah desa/kelurahan. Pengecualiannya: {rincian}. Jumlah seluruhnya "
        f"{angka(sebaran['jumlah_psm'].sum())} PSM untuk "
        f"{angka(sebaran['jumlah_desa_kelurahan'].sum())} desa/kelurahan."
    )
)

# %% [markdown]
# ## 4. Uji kecocokan khi-kuadrat: apakah PSM dibagi sebanding dengan desa/kelurahan?
#
# Frekuensi harapan tiap kecamatan adalah seluruh PSM kabupaten dibagi sebanding dengan
# jumlah desa/kelurahannya. Statistik X² = Σ (O − E)² / E mengukur seberapa jauh pembagian
# yang teramati menyimpang dari pembagian sebanding itu.
#
# **Yang dapat dan tidak dapat dikatakan uji ini.** Data PSM adalah sensus, bukan sampel
# acak, jadi uji ini tidak menaksir apa pun tentang populasi yang lebih luas. Uji ini hanya
# membandingkan pembagian yang teramati dengan pembagian yang terjadi bila semua PSM
# ditempatkan secara acak dengan peluang sebanding jumlah desa/kelurahan. Karena itu teks
# tidak memakai nilai p atau putusan uji; angka uji lengkap ada di tabel lampiran. Kedekatan
# dengan pembagian sebanding **bukan** bukti bahwa pembagian itu "adil"; uji ini juga tidak
# menilai apakah satu PSM per desa cukup untuk kebutuhan masyarakat.

# %%
uji = spread.proportional_fit(psm)
bab.export_table(
    spread.fit_table(uji),
    "03_uji_khi_kuadrat",
    tempat="lampiran",
    title="Jumlah PSM Teramati dan Harapan bila Sebanding dengan Jumlah Desa/Kelurahan",
    source=sumber_gabungan,
    number_format={"Harapan (proporsional)": 2, labels.t("sebar.kontribusi"): 3},
    notes=f"X² = {angka(uji.statistic, 3)}; derajat bebas = {uji.dof}; "
    f"{spread.format_p(uji.p_value)} (asimtotik); Monte Carlo "
    f"{spread.format_p(uji.p_value_monte_carlo)} ({angka(uji.n_simulations)} pembagian acak); "
    f"ekor bawah {spread.format_p(uji.p_value_lower)}; frekuensi harapan terkecil "
    f"{angka(uji.min_expected, 2)}"
    + (f" ({uji.notes[0]})" if uji.notes else "")
    + ". Data sensus: uji menggambarkan pembagian, bukan menaksir populasi.",
)

# %%
kalimat_uji = spread.fit_meaning(uji)  # one sentence, no p-value: a census
display(Markdown(f"{kalimat_uji} Angka uji lengkap: {bab.ref('03_uji_khi_kuadrat')}."))

# %% [markdown]
# ## 5. Desa dan kelurahan di Kecamatan Bunut

# %%
desa_bunut = spread.villages_of(lokasi)
bab.export_table(
    spread.villages_table(desa_bunut),
    "03_desa_kelurahan_bunut",
    tempat="tidak",  # BAB IV has it with the Kemendagri codes (notebook 00)
    title=f"Desa dan Kelurahan di Kecamatan {lokasi}",
    source=dinsos.REFERENCE_SOURCE,
    notes="Nama menurut Kepmendagri 2025; beberapa nama dieja lain dalam kompilasi 2018 "
    "(lihat data/raw/reference/README.md), tetapi jumlah desa/kelurahan per kecamatan "
    "sama dalam keduanya.",
)

# %% [markdown]
# ## 6. Temuan

# %%
n_desa = int((desa_bunut["tingkat"] == "desa").sum())
n_kel = int((desa_bunut["tingkat"] == "kelurahan").sum())
kalimat_rasio = (
    ", tepat satu PSM per desa/kelurahan bila dibagi rata" if bunut["selisih"] == 0 else ""
)
kalimat_bunut_teks = (
    f"dengan {angka(bunut['jumlah_psm'])} PSM untuk {angka(bunut['jumlah_desa_kelurahan'])} "
    "desa/kelurahan, itu hanya mungkin bila sebagian desa memiliki lebih dari satu PSM, "
    "atau bila teks dan Tabel I.2 menggambarkan waktu yang berbeda. Hal ini perlu dicek "
    "dengan data per desa."
    if bunut["selisih"] >= 0
    else f"jumlah PSM Bunut memang {angka(-bunut['selisih'])} lebih sedikit daripada "
    "jumlah desa/kelurahannya."
)
display(
    Markdown(
        f"""
- **Bunut.** Kecamatan {lokasi} memiliki {angka(bunut["jumlah_psm"])} PSM untuk
  {angka(bunut["jumlah_desa_kelurahan"])} desa/kelurahan ({angka(n_desa)} desa dan
  {angka(n_kel)} kelurahan): rasio {angka(bunut["rasio"], 2)}{kalimat_rasio}. Pangsanya {persen(bunut["pangsa_psm_persen"])} dari PSM
  kabupaten.
- **Pola.** Di {angka(n_sama)} dari {angka(len(sebaran))} kecamatan jumlah PSM sama dengan
  jumlah desa/kelurahan. Pengecualiannya: {rincian}. Karena itu jumlah PSM kabupaten
  ({angka(sebaran["jumlah_psm"].sum())}) berbeda dari jumlah desa/kelurahan
  ({angka(sebaran["jumlah_desa_kelurahan"].sum())}).
- **Uji khi-kuadrat.** {kalimat_uji} Karena datanya sensus, uji ini hanya
  menggambarkan pembagian itu, bukan menaksir populasi.
- **Catatan.** Tabel I.2 tidak merinci PSM per desa. Teks BAB I menyatakan belum seluruh
  desa/kelurahan di Bunut memiliki PSM; {kalimat_bunut_teks}
"""
    )
)

# %% [markdown]
# ## 7. Desa dan kelurahan yang memiliki PSM (fenomena ketiga)
#
# BAB I menyebut bahwa belum setiap desa/kelurahan di Kecamatan Bunut memiliki PSM. Tabel I.2
# hanya menghitung PSM per kecamatan, jadi tidak dapat menunjukkan desa mana yang dilayani.
# Bagian ini memakai register PSM (satu baris per PSM dengan desa/kelurahannya) yang diolah
# menjadi `psm_per_desa.csv`: semua desa/kelurahan menurut Kemendagri di setiap kecamatan yang
# dimuat register (register seluruh kabupaten: semua desa/kelurahan Kabupaten Pelalawan),
# termasuk yang tidak memiliki PSM. Sebuah desa/kelurahan **tercakup** bila memiliki
# sekurang-kurangnya satu PSM aktif; cakupan = desa tercakup / semua desa.

# %%
per_desa = catalog.load("psm_per_desa")
register_contoh = bool(bab.demo_kinds(("register",)))
nama_register = register.source_name(register_contoh)
sumber_register = f"{nama_register}; {dinsos.REFERENCE_SOURCE}; diolah"
cakupan = register.coverage(per_desa)
tanpa = register.without_psm(per_desa)
tanpa_bunut = register.without_psm(per_desa, lokasi)
# a register of only some kecamatan is analysed for those only, and says so
catatan_sebagian = register.partial_note(per_desa, psm["kecamatan"].tolist())
wilayah = "kecamatan yang dimuat register" if catatan_sebagian else "Kabupaten Pelalawan"
ada_lokasi = lokasi in set(cakupan["kecamatan"])
if catatan_sebagian:
    display(Markdown(f"**{catatan_sebagian}**"))
bab.export_table(
    register.coverage_table(cakupan),
    "03_cakupan_psm_desa",
    title="Desa/Kelurahan dengan dan tanpa PSM menurut Kecamatan di Kabupaten Pelalawan",
    source=sumber_register,
    number_format={"Cakupan PSM aktif": "percent"},
    notes=[
        "Cakupan PSM aktif = desa/kelurahan dengan sekurang-kurangnya satu PSM aktif "
        "dibagi semua desa/kelurahan kecamatan."
    ]
    + ([catatan_sebagian] if catatan_sebagian else []),
)

# %%
per_kecamatan = "; ".join(
    f"{kec}: {', '.join(g['desa_kelurahan'])}" for kec, g in tanpa.groupby("kecamatan", sort=False)
)
c_bunut = cakupan.set_index("kecamatan").loc[lokasi] if ada_lokasi else None
kalimat_bunut = (
    f" Di Kecamatan {lokasi}: {angka(len(tanpa_bunut))} dari "
    f"{angka(c_bunut['jumlah_desa_kelurahan'])} desa/kelurahan tanpa PSM"
    + (f" ({', '.join(tanpa_bunut['desa_kelurahan'])})" if len(tanpa_bunut) else "")
    + f"; cakupan PSM aktif {persen(c_bunut['cakupan_persen'])}."
    if ada_lokasi
    else f" Register tidak memuat PSM Kecamatan {lokasi}."
)
display(
    Markdown(
        f"Dari {angka(len(per_desa))} desa/kelurahan {wilayah}, "
        f"**{angka(len(tanpa))} tidak memiliki PSM** menurut register"
        + (f" ({per_kecamatan})." if len(tanpa) else ".")
        + kalimat_bunut
    )
)

# %%
desa_b = per_desa[per_desa["kecamatan"] == lokasi].sort_values(
    ["jumlah_psm", "desa_kelurahan"], ascending=[False, True], kind="stable"
)
if ada_lokasi:
    fig, ax = plt.subplots(figsize=(plots.TEXT_WIDTH, 0.32 * len(desa_b) + 1.2))
    plots.desa_dot_chart(
        ax, desa_b["desa_kelurahan"], desa_b["jumlah_psm"], desa_b["jumlah_psm_diklat"]
    )
    gambar_desa = bab.save_figure(
        fig,
        "03_psm_per_desa_bunut",
        tempat="IV",
        caption=f"Jumlah PSM per desa/kelurahan di Kecamatan {lokasi} (satu titik satu PSM; "
        "titik penuh: sudah Diklat; silang: tanpa PSM)",
        source=f"{nama_register}; diolah",
        demo=register_contoh,
    )
    plt.show()
    display(gambar_desa)

# %%
if ada_lokasi:
    display(
        bab.export_table(
            register.villages_table(per_desa, lokasi),
            "03_psm_per_desa_bunut",
            tempat="lampiran",
            title=f"Jumlah PSM, PSM Aktif, dan PSM Ber-Diklat per Desa/Kelurahan di Kecamatan {lokasi}",
            source=f"{nama_register}; diolah",
        )
    )

# %% [markdown]
# **Register dan Tabel I.2.** Jumlah PSM per kecamatan dalam register dibandingkan dengan
# Tabel I.2. Selisih bukan kesalahan data: kedua sumber dapat berasal dari tahun yang berbeda.

# %%
perbandingan = register.compare_with_table_i2(per_desa, psm)
bab.export_table(
    register.comparison_table(perbandingan),
    "03_register_dan_tabel_I_2",
    tempat="lampiran",
    title="Jumlah PSM menurut Register dan Tabel I.2 per Kecamatan",
    source=tables.cite(sumber, "I.2", extra=nama_register),
)

# %%
temuan_banding = register.findings(perbandingan)
dua_atau_lebih = desa_b[desa_b["jumlah_psm"] >= 2]["desa_kelurahan"].tolist()
tanpa_aktif = desa_b[(desa_b["jumlah_psm"] > 0) & (desa_b["jumlah_psm_aktif"] == 0)]
kalimat_tanpa = (
    f"{angka(len(tanpa_bunut))} dari {angka(c_bunut['jumlah_desa_kelurahan'])} desa/kelurahan "
    f"belum memiliki PSM ({', '.join(tanpa_bunut['desa_kelurahan'])}), sejalan dengan BAB I"
    if ada_lokasi and len(tanpa_bunut)
    else "semua desa/kelurahan memiliki PSM; register ini tidak mendukung pernyataan BAB I"
    if ada_lokasi
    else f"tidak ada data: register tidak memuat PSM Kecamatan {lokasi}"
)
rincian_bunut = (
    f"""
  {"Desa/kelurahan dengan dua PSM atau lebih: " + ", ".join(dua_atau_lebih) + "." if dua_atau_lebih else ""}
  {"Memiliki PSM tetapi tidak ada yang aktif: " + ", ".join(tanpa_aktif["desa_kelurahan"]) + "." if len(tanpa_aktif) else ""}
  Cakupan PSM aktif {angka(c_bunut["dengan_psm_aktif"])} dari
  {angka(c_bunut["jumlah_desa_kelurahan"])} desa/kelurahan ({persen(c_bunut["cakupan_persen"])});
  {angka(c_bunut["jumlah_psm_diklat"])} dari {angka(c_bunut["jumlah_psm"])} PSM sudah Diklat."""
    if ada_lokasi
    else ""
)
judul_wilayah = "Kecamatan dalam register" if catatan_sebagian else "Kabupaten"
display(
    Markdown(
        f"""
- **Bunut.** Menurut register, {kalimat_tanpa}.{rincian_bunut}
- **{judul_wilayah}.** {angka(len(tanpa))} dari {angka(len(per_desa))} desa/kelurahan tanpa PSM;
  cakupan PSM aktif {persen(cakupan["dengan_psm_aktif"].sum() / len(per_desa) * 100)}.
- **Register dan Tabel I.2.** {" ".join(temuan_banding) if temuan_banding else "Jumlah PSM per kecamatan dalam register sama dengan Tabel I.2 di semua kecamatan."}
"""
    )
)

# %% [markdown]
# ## Versi perangkat lunak

# %%
notebook.show_versions()
