"""The thesis-layout tables and findings of notebook 04, from the demo answers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from psm_analysis.config import get_paths
from psm_analysis.survey import report
from psm_analysis.survey.pipeline import build_outputs

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def t(tmp_path_factory):
    """The processed tables built from the committed demo answers only."""
    root = tmp_path_factory.mktemp("survey_report")
    (root / "data/raw/survey").mkdir(parents=True)
    shutil.copy(REPO / "data/raw/survey/codebook.yml", root / "data/raw/survey/codebook.yml")
    shutil.copytree(REPO / "data/demo/survey", root / "data/demo/survey")
    out = build_outputs(get_paths(root))
    assert all(i.demo for i in out.inputs[1:])
    return {
        name[len("kuesioner_") : -4]: df for name, df in out.files.items() if name.endswith(".csv")
    }


def test_indicator_table_in_thesis_layout(t):
    table, fmt, rule = report.indicator_table(t, "KIN_T1")
    assert list(table.columns[:5]) == [
        "No.",
        "Butir",
        "Pernyataan",
        "SS F",
        "SS %",
    ]
    assert list(table.columns[-4:]) == ["Skor", "Skor maks.", "Indeks (%)", "Kategori"]
    assert table["Butir"].tolist() == ["KIN01", "KIN02", ""]
    last = table.iloc[-1]
    assert last["Pernyataan"] == "Indikator: Menginisiasi penanganan masalah sosial"
    # the indicator row sums its items: 39 + 34 = 73 of 100
    assert (last["Skor"], last["Skor maks."], last["Indeks (%)"], last["Kategori"]) == (
        73,
        100,
        73.0,
        "Cukup Baik",
    )
    assert table.iloc[:2]["SS F"].sum() == last["SS F"]
    assert fmt["S %"] == "percent"  # two decimals, as every percentage (numbers.py)
    # the short heads are explained before the category rule
    assert rule.startswith("SS = Sangat Setuju (skor 5); S = Setuju (skor 4); RR = Ragu-ragu")
    assert "STS = Sangat Tidak Setuju (skor 1); F = jumlah responden" in rule
    assert rule.endswith("73,33 % sampai 100,00 % = Baik.")
    negative, _, rule = report.indicator_table(t, "KIN_F4")
    assert negative["Pernyataan"].iloc[1].endswith("(pernyataan negatif, skor dibalik)")
    # item rows: answers as given (KIN18 negative: 1 SS, 0 S, 2 RR, 4 TS, 3 STS)
    heads = ["SS F", "S F", "RR F", "TS F", "STS F"]
    assert negative[heads].iloc[1].tolist() == [1, 0, 2, 4, 3]
    # the indicator row adds only answers pointing the same way: KIN17 as given plus
    # KIN18 recoded (3 STS count as SS, 4 TS as S, 1 SS as STS), so that its counts give
    # its score: 6 x 5 + 7 x 4 + 4 x 3 + 2 x 2 + 1 x 1 = 75 (the raw sums 4, 3, 4, 6, 3
    # would give 59 beside an index of 75 %)
    last = negative.iloc[-1]
    assert last[heads].tolist() == [6, 7, 4, 2, 1]
    assert (
        sum(v * f for v, f in zip([5, 4, 3, 2, 1], last[heads], strict=True)) == last["Skor"] == 75
    )
    assert last["SS %"] == 30.0 and last["STS %"] == 5.0
    assert (
        "Pada baris butir, F dan % adalah jawaban seperti diberikan, juga pada pernyataan "
        "negatif. Baris indikator menjumlahkan jawaban yang searah: jawaban pernyataan "
        "negatif dihitung setelah dibalik (skor = 6 \u2212 jawaban; STS dihitung sebagai SS), "
        "seperti pada Skor dan Indeks." in rule
    )
    # honorarium (PDS_5): PDS09 as given plus PDS10 recoded -> 66 of 100
    honor, _, _ = report.indicator_table(t, "PDS_5")
    assert honor[heads].iloc[-1].tolist() == [2, 4, 12, 2, 0] and honor["Skor"].iloc[-1] == 66
    # all items positive: the row is the plain sum of the answers, and no recoding note
    assert table.iloc[:2][heads].sum().tolist() == table[heads].iloc[-1].tolist()
    assert "dibalik" not in report.indicator_table(t, "KIN_T1")[2]


def test_dropped_items_are_named_and_left_out(t):
    # the demo pilot (30 PSM of Kecamatan Pangkalan Kuras) fails KIN12 and PDS12
    v = t["validitas_butir"].set_index("butir")
    assert v.loc[["KIN12", "PDS12"], "tindakan"].tolist() == ["digugurkan", "digugurkan"]
    assert (v.drop(["KIN12", "PDS12"])["tindakan"] == "dipakai").all()
    assert set(v["n"]) == {30} and set(v["data_uji"]) == {"uji_coba"}
    assert round(v.loc["KIN12", "r_item_total"], 3) == 0.055
    assert round(v.loc["KIN12", "r_kritis"], 3) == 0.361
    # gone from every later table: items, indicators, Likert counts, recap
    assert "KIN12" not in set(t["butir"]["butir"]) and "PDS12" not in set(t["butir"]["butir"])
    assert set(t["jawaban_panjang"]["butir"]) == set(t["butir"]["butir"])
    assert len(t["butir"]) == 28
    f1, _, note = report.indicator_table(t, "KIN_F1")
    assert f1["Butir"].tolist() == ["KIN11", ""]
    assert note.endswith(
        "Butir KIN12 (r hitung 0,055 < r kritis 0,361) tidak valid pada uji coba "
        "(30 responden) dan digugurkan: tidak dihitung dalam tabel, gambar, dan indeks "
        "sesudah uji instrumen."
    )
    assert "digugurkan" not in report.indicator_table(t, "KIN_T1")[2]
    assert not any(i.startswith(("KIN12", "PDS12")) for i in report.likert_counts(t, "KIN").index)
    assert (
        "KIN12" in report.recap_table(t, "KIN")[2]
        and "PDS12" not in report.recap_table(t, "KIN")[2]
    )
    assert report.instrument_sentence(t) == (
        "Validitas dan reliabilitas diuji pada uji coba (30 responden): 28 dari 30 butir "
        "valid. Butir KIN12 (r hitung 0,055 < r kritis 0,361) dan PDS12 (r hitung \u22120,037 < "
        "r kritis 0,361) tidak valid pada uji coba (30 responden) dan digugurkan: tidak "
        "dihitung dalam tabel, gambar, dan indeks sesudah uji instrumen."
    )
    rel = report.reliability_table(t).set_index("Butir")
    assert rel.loc["KIN12", ["Keterangan", "Tindakan"]].tolist() == ["Tidak valid", "Digugurkan"]
    assert report.validity_note(t).startswith("Diuji pada uji coba (30 responden). r kritis")
    # kept instead (pertahankan): the note says so, the item stays
    kept = t["validitas_butir"].copy()
    kept.loc[kept["butir"] == "KIN12", "tindakan"] = "dipertahankan"
    assert report.dropped_items_note(dict(t, validitas_butir=kept), variable="KIN") == (
        "Butir KIN12 (r hitung 0,055 < r kritis 0,361) tidak valid pada uji coba "
        "(30 responden), tetapi tetap dihitung (buku kode: pertahankan)."
    )


def test_recap_alpha_comparison_profile(t):
    recap, _, _ = report.recap_table(t, "PDS")
    assert len(recap) == 7 and recap["Indikator"].iloc[-1] == "Variabel Peran Dinas Sosial"
    # 398 of the 12 items less PDS12's 32, dropped by the pilot
    assert recap["Skor"].iloc[:-1].sum() == recap["Skor"].iloc[-1] == 366
    alpha = report.alpha_table(t)
    assert alpha["Variabel"].tolist() == ["Kinerja PSM", "Peran Dinas Sosial"]
    assert alpha["n"].tolist() == [30, 30] and alpha["Jumlah butir"].tolist() == [17, 11]
    cmp_ = report.comparison_table(t)
    assert cmp_[["n Diklat Ya", "n Diklat Tidak"]].iloc[0].tolist() == [7, 3]
    prof = report.profile_table(t)
    assert prof["Karakteristik"].iloc[0] == "Desa/Kelurahan" and prof["Karakteristik"].iloc[1] == ""
    assert prof["Jumlah (orang)"].iloc[:10].sum() == 10
    counts = report.likert_counts(t, "KIN")
    assert list(counts.columns) == [
        "Sangat Tidak Setuju",
        "Tidak Setuju",
        "Ragu-ragu",
        "Setuju",
        "Sangat Setuju",
    ]
    assert counts.index[-1].startswith("KIN18* ") and (counts.sum(axis=1) == 10).all()
    # the item's whole statement follows its code, as the codebook writes both
    assert counts.index[0] == (
        "KIN01 Saya segera mencari tahu ketika ada masalah sosial di desa saya."
    )
    # the indicator names wrap, never cut, numbered per variable as the recap tables
    # number them (no codebook id such as KIN_T2, which no reader table shows)
    labels = [lab.replace("\n", " ") for lab in report.indicator_labels(t, width=30)]
    assert "..." not in "".join(labels) and "…" not in "".join(labels)
    assert labels[1] == (
        "2. Mendorong, menggerakkan, dan mengembangkan kegiatan kesejahteraan sosial"
    )
    assert labels[9] == "1. Penataan dan pemetaan PSM yang berperan aktif"
    recap, _, _ = report.recap_table(t, "PDS")
    assert recap[["No.", "Indikator"]].iloc[0].tolist() == ["1", labels[9][3:]]


def test_findings_state_values_and_caveats(t):
    text = "\n".join(report.findings(t, 10))
    assert "**Kinerja PSM**: indeks skor 74,35 % (kategori **Baik**)" in text
    assert "dari 10 responden dan 17 butir." in text
    assert "alpha Cronbach 0,942 (selang Feldt 95 % 0,907 sampai 0,968; n = 30)." in text
    assert "n sekecil ini" not in text  # 30 pilot respondents: no small-n caveat
    assert "r kritis 0,361 (n = 30; dua sisi" in text
    # a census: effect size and group sizes, no p-value or verdict
    assert (
        "Kinerja PSM: median indeks PSM yang pernah Diklat (7 orang) 89,41 %, "
        "lebih tinggi daripada yang belum (3 orang, 64,71 %); r *rank-biserial* 0,714: pada 18 "
        "dari 21 pasangan (satu PSM dari tiap kelompok, nilai sama dihitung setengah) PSM "
        "yang pernah Diklat berindeks lebih tinggi. Dengan kelompok 7 dan 3 orang, perbedaan "
        "ini belum dapat dibedakan dari perbedaan antarorang."
    ) in report.findings(t, 10)
    assert "pada 16,5 dari 21 pasangan" in text
    assert "p =" not in text and "p <" not in text and "perbedaan besar" not in text
    assert "sensus, bukan sampel" in text and "10,00 %" in text
    assert report.source_line(True).startswith("DATA CONTOH")
    # built on demo answers: the page's banner and each table's Sumber say so, not every
    # sentence (the demo mark once per page and per table, issue 21 item 7)
    lines = report.findings(t, 10)
    assert not any("DATA CONTOH" in s for s in lines)
    # the census wording only when the respondents are the PSM of Tabel I.2
    assert "sensus" not in report.findings(t, 12)[-1]
    assert report.findings(t, 12)[-1].startswith("Angka menggambarkan 10 dari 12 PSM")
    assert report.findings(t, 8)[-1].startswith("Jumlah responden (10) melebihi PSM")
    assert "sensus" not in report.findings(t)[-1]


def test_findings_name_ties(t):
    ind = t["indikator"].copy()
    kin = ind["variabel"] == "KIN"
    first, second = ind.index[kin][:2]
    ind.loc[[first, second], "indeks"] = 99.0
    text = "\n".join(report.findings(dict(t, indikator=ind)))
    a, b = ind.loc[[first, second], "nama_indikator"]
    assert f"Indikator Kinerja PSM tertinggi: {a} dan {b}, sama-sama 99,00 %;" in text


def test_findings_say_why_an_alpha_is_missing(t):
    # a variable whose alpha could not be computed gets a sentence giving the reason,
    # not "alpha Cronbach  (selang Feldt 95 %  sampai ; ...)" with empty numbers
    t = dict(t)
    rel = t["reliabilitas"].copy()
    rel.loc[rel["variabel"] == "PDS", ["alpha", "ci_bawah", "ci_atas"]] = float("nan")
    rel.loc[rel["variabel"] == "PDS", "catatan"] = (
        "skor total tidak bervariasi: alpha tidak terdefinisi"
    )
    t["reliabilitas"] = rel
    text = report.findings(t)
    assert (
        "Reliabilitas Peran Dinas Sosial: alpha Cronbach tidak dapat dihitung "
        "(skor total tidak bervariasi: alpha tidak terdefinisi; n = 30)." in text
    )
    assert any(s.startswith("Reliabilitas Kinerja PSM: alpha Cronbach 0,942 ") for s in text)


def test_answer_heads_fall_back_to_full_labels_when_initials_clash():
    assert report._abbreviations([(2, "Baik"), (1, "Buruk")]) == {"Baik": "Baik", "Buruk": "Buruk"}
    assert report._abbreviations([(2, "Sangat Setuju"), (1, "Setuju")]) == {
        "Sangat Setuju": "SS",
        "Setuju": "S",
    }


def test_smallest_p_text_uses_each_variables_tie_structure(t):
    from math import comb

    # demo indices: no tie reaches the extremes, so 2 / C(10, 3) (scipy's exact
    # distribution for two completely separated groups of 7 and 3 gives the same)
    from scipy.stats import mannwhitneyu

    from psm_analysis.survey import compare

    separated = mannwhitneyu(range(10, 17), range(3), method="exact").pvalue
    assert separated == pytest.approx(2 / comb(10, 3))
    assert t["perbandingan_diklat"]["p_terkecil"].tolist() == pytest.approx([separated] * 2)
    text = report.smallest_p_text(t)
    assert text.startswith(
        "Dengan kelompok 7 dan 3 orang, dan dengan nilai kembar pada indeks responden "
        "diperhitungkan, nilai p eksak Mann-Whitney terkecil yang dapat dicapai adalah 0,0167 "
    )
    # with the ties of issue 11 (coin: 1/120) for one variable the values are given apiece
    tied = compare.mann_whitney_exact([60, 70, 80, 80, 80, 80, 90], [40, 50, 50])
    t2 = dict(t)
    c = t["perbandingan_diklat"].copy()
    c.loc[c["variabel"] == "KIN", "p_terkecil"] = tied.p_smallest
    t2["perbandingan_diklat"] = c
    assert "adalah Kinerja PSM 0,0083; Peran Dinas Sosial 0,0167 (bila" in report.smallest_p_text(
        t2
    )
    # an asymptotic p has no attainable minimum to report
    c2 = c.assign(metode="asimtotik")
    assert report.smallest_p_text(dict(t, perbandingan_diklat=c2)) == ""


def test_reachable_p_wording_follows_the_smallest_attainable_p(t):
    """Issue 20: "p < 0,05 hanya tercapai bila ..." only when p < 0.05 can be reached."""
    from psm_analysis.survey import compare

    text = report.smallest_p_text(t)  # 7 and 3 respondents: 0,0167 can be reached
    assert "jadi p < 0,05 hanya tercapai bila kedua kelompok hampir terpisah;" in text
    # 2 and 2 respondents: the smallest exact p is 2 / C(4, 2) = 1/3
    small = compare.mann_whitney_exact([80, 90], [40, 50])
    assert small.p_smallest == pytest.approx(1 / 3)
    c = t["perbandingan_diklat"].assign(p_terkecil=small.p_smallest, n_a=2, n_b=2)
    text = report.smallest_p_text(dict(t, perbandingan_diklat=c))
    assert "adalah 0,3333 (bila kedua kelompok terpisah sejauh mungkin), jadi p < 0,05 " in text
    assert "tidak mungkin tercapai dengan kelompok sebesar ini;" in text
    assert "hanya tercapai" not in text
    # one variable can reach it, the other cannot
    c.loc[c["variabel"] == "KIN", "p_terkecil"] = 1 / 60
    text = report.smallest_p_text(dict(t, perbandingan_diklat=c))
    assert "tidak mungkin tercapai untuk sebagian variabel dan untuk yang lain hanya bila" in text


def test_coverage_text_says_census_only_when_the_counts_agree():
    assert report.coverage_text(10, 10).endswith("menurut Tabel I.2 (sensus).")
    assert "sensus" not in report.coverage_text(11, 10).replace("bukan sensus", "")
    assert report.coverage_text(11, 10).startswith(
        "Jumlah responden (**11 orang**) lebih banyak daripada PSM Kecamatan Bunut menurut "
        "Tabel I.2 (10 orang): data kuesioner tidak sesuai dengan Tabel I.2."
    )
    assert report.coverage_text(3, 10).startswith("**3 dari 10 PSM** Kecamatan Bunut")
    assert "bukan sensus" in report.coverage_text(3, 10)
    assert "tidak dapat dikatakan apakah ini sensus" in report.coverage_text(3, None)


def test_comparison_names_the_method_used(t):
    cmp_ = report.comparison_table(t)
    assert "p eksak (dua sisi)" not in cmp_.columns
    assert cmp_["Metode p"].tolist() == ["eksak", "eksak"]
    c = t["perbandingan_diklat"].copy()
    c["metode"] = ["eksak", "asimtotik"]
    cmp2 = report.comparison_table(dict(t, perbandingan_diklat=c))
    assert cmp2["Metode p"].tolist() == ["eksak", "asimtotik"]
    # a sample (not a census): the p-value and its method follow the effect size
    text = "\n".join(report.findings(dict(t, perbandingan_diklat=c), census=False))
    assert "Uji Mann-Whitney: p = 0,2167 (asimtotik); dengan 7 dan 3 orang ini gambaran" in text
    assert "p = 0,1167 (eksak)" in text
    assert "p = 0," not in "\n".join(report.findings(dict(t, perbandingan_diklat=c)))
    # the census table for BAB V has no test; the appendix table keeps it
    assert list(report.difference_table(t).columns) == [
        "Variabel",
        "n Diklat Ya",
        "n Diklat Tidak",
        "Median indeks Ya (%)",
        "Median indeks Tidak (%)",
        "r rank-biserial",
    ]
    assert cmp_["p (dua sisi)"].round(4).tolist() == [0.1167, 0.2167]


def test_group_size_wording_follows_n():
    assert report.group_size_sentence(7, 3, 0.71) == (
        "Dengan kelompok 7 dan 3 orang, perbedaan ini belum dapat dibedakan dari perbedaan "
        "antarorang."
    )
    assert report.group_size_sentence(5, 5, -1.0).startswith(
        "Dengan kelompok 5 dan 5 orang, kedua kelompok tidak bertumpang tindih"
    )
    assert "bertumpang tindih, sehingga" in report.group_size_sentence(12, 8, 0.3)


def test_critical_r_is_not_one_number_when_n_differs(t):
    from psm_analysis.survey.reliability import critical_r

    v = t["validitas_butir"].copy()
    pds = v["variabel"] == "PDS"
    v.loc[pds, "n"] = 9
    v.loc[pds, "r_kritis"] = critical_r(9)  # r table, df 7: 0.666
    t2 = dict(t, validitas_butir=v)
    text = "\n".join(report.findings(t2))
    assert (
        "r kritis sesuai n variabelnya (Kinerja PSM: 0,361 untuk n = 30; Peran Dinas Sosial: "
        "0,666 untuk n = 9; dua sisi, 0,05, df = n \u2212 2)" in text
    )
    assert "r kritis 0,361 (n" not in text
    note = report.validity_note(t2)
    assert note == (
        "Diuji pada uji coba (30 responden). "
        "r kritis untuk n tiap butir (kolom n): responden yang menjawab lengkap semua butir "
        "variabelnya, sehingga dapat berbeda antarvariabel; dua sisi, taraf 0,05, df = n \u2212 2."
    )
    assert report.reliability_table(t2)["n"].tolist()[-1] == 9
    # the same n everywhere: one r kritis, and the note gives that n
    assert "r kritis untuk n = 30 responden yang menjawab" in report.validity_note(t)


def test_findings_carry_the_reliability_notes(t):
    rel = t["reliabilitas"].copy()
    kin = rel["variabel"] == "KIN"
    rel.loc[kin, "alpha"] = -0.5
    rel.loc[kin, "n"] = 10
    rel.loc[kin, "catatan"] = (
        "alpha negatif: rata-rata butir berkorelasi negatif satu sama lain; periksa apakah "
        "setiap pernyataan negatif ditandai dibalik (reverse) di buku kode; "
        "n = 10 < 30: koefisien tidak stabil; baca sebagai gambaran, bukan bukti"
    )
    text = report.findings(dict(t, reliabilitas=rel))
    assert any(
        s.startswith("Reliabilitas Kinerja PSM: alpha Cronbach \u22120,500 ")
        and "Catatan: alpha negatif: rata-rata butir berkorelasi negatif" in s
        and "ditandai dibalik (*reverse*) di buku kode. Dengan n sekecil ini" in s
        for s in text
    )
