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
    assert fmt["S %"] == "percent:1"
    # the short heads are explained before the category rule
    assert rule.startswith("SS = Sangat Setuju (skor 5); S = Setuju (skor 4); RR = Ragu-ragu")
    assert "STS = Sangat Tidak Setuju (skor 1); F = jumlah responden" in rule
    assert rule.endswith("73,33 % sampai 100,00 % = Baik.")
    negative, _, _ = report.indicator_table(t, "KIN_F4")
    assert negative["Pernyataan"].iloc[1].endswith("(pernyataan negatif, skor dibalik)")


def test_recap_alpha_comparison_profile(t):
    recap, _, _ = report.recap_table(t, "PDS")
    assert len(recap) == 7 and recap["Indikator"].iloc[-1] == "Variabel Peran Dinas Sosial"
    assert recap["Skor"].iloc[:-1].sum() == recap["Skor"].iloc[-1] == 398
    alpha = report.alpha_table(t)
    assert alpha["Variabel"].tolist() == ["Kinerja PSM", "Peran Dinas Sosial"]
    assert alpha["n"].tolist() == [10, 10]
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
    # the item's statement follows its code; the indicator names wrap, never cut
    assert "..." not in "".join(report.indicator_labels(t))
    assert report.indicator_labels(t)[1].replace("\n", " ") == (
        "KIN_T2 " + t["indikator"]["nama_indikator"].iloc[1]
    )


def test_findings_state_values_and_caveats(t):
    text = "\n".join(report.findings(t, 10))
    assert "**Kinerja PSM**: indeks skor 74,67 % (kategori **Baik**)" in text
    assert "alpha Cronbach 0,969" in text
    assert "r kritis 0,632 (n = 10; dua sisi" in text
    assert "p = 0,1167 (eksak)" in text
    assert "Dengan 7 dan 3 orang ini gambaran, bukan bukti pengaruh Diklat." in text
    assert "sensus, bukan sampel" in text and "10,00 %" in text
    assert report.source_line(True).startswith("DATA CONTOH")
    # built on demo answers: every finding says so (the last one is about the census)
    lines = report.findings(t, 10)
    assert all(s.startswith("(DATA CONTOH) ") for s in lines[:-1])
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
    with pytest.raises(KeyError):
        report.load("tidak_ada")


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
        "(DATA CONTOH) Reliabilitas Peran Dinas Sosial: alpha Cronbach tidak dapat dihitung "
        "(skor total tidak bervariasi: alpha tidak terdefinisi; n = 10)." in text
    )
    assert any(
        s.startswith("(DATA CONTOH) Reliabilitas Kinerja PSM: alpha Cronbach 0,969 ") for s in text
    )


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
    text = "\n".join(report.findings(dict(t, perbandingan_diklat=c)))
    assert "p = 0,2167 (asimtotik)" in text and "p = 0,1167 (eksak)" in text


def test_critical_r_is_not_one_number_when_n_differs(t):
    from psm_analysis.survey.reliability import critical_r

    v = t["validitas_butir"].copy()
    pds = v["variabel"] == "PDS"
    v.loc[pds, "n"] = 9
    v.loc[pds, "r_kritis"] = critical_r(9)  # r table, df 7: 0.666
    t2 = dict(t, validitas_butir=v)
    text = "\n".join(report.findings(t2))
    assert (
        "r kritis sesuai n variabelnya (Kinerja PSM: 0,632 untuk n = 10; Peran Dinas Sosial: "
        "0,666 untuk n = 9; dua sisi, 0,05, df = n - 2)" in text
    )
    assert "r kritis 0,632 (n" not in text
    note = report.validity_note(t2)
    assert note == (
        "r kritis untuk n tiap butir (kolom n): responden yang menjawab lengkap semua butir "
        "variabelnya, sehingga dapat berbeda antarvariabel; dua sisi, taraf 0,05, df = n - 2."
    )
    assert report.reliability_table(t2)["n"].tolist()[-1] == 9
    # the same n everywhere: one r kritis, and the note gives that n
    assert report.validity_note(t).startswith("r kritis untuk n = 10 responden yang menjawab")


def test_findings_carry_the_reliability_notes(t):
    rel = t["reliabilitas"].copy()
    kin = rel["variabel"] == "KIN"
    rel.loc[kin, "alpha"] = -0.5
    rel.loc[kin, "catatan"] = (
        "alpha negatif: rata-rata butir berkorelasi negatif satu sama lain; periksa apakah "
        "setiap pernyataan negatif ditandai dibalik (reverse) di buku kode; "
        "n = 10 < 30: koefisien tidak stabil; baca sebagai gambaran, bukan bukti"
    )
    text = report.findings(dict(t, reliabilitas=rel))
    assert any(
        s.startswith("(DATA CONTOH) Reliabilitas Kinerja PSM: alpha Cronbach -0,500 ")
        and "Catatan: alpha negatif: rata-rata butir berkorelasi negatif" in s
        and "ditandai dibalik (reverse) di buku kode. Dengan n sekecil ini" in s
        for s in text
    )
