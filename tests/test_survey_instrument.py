"""Instrument testing (issue 21 item 1): where validity and reliability are tested and what
happens to an item that fails, as the codebook's ``instrument_test`` says."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from psm_analysis.config import get_paths
from psm_analysis.errors import DataError
from psm_analysis.survey.codebook import InstrumentTest, load_survey_codebook, parse_codebook
from psm_analysis.survey.demo import PILOT_FILE_NAME
from psm_analysis.survey.pipeline import build_outputs

REPO = Path(__file__).resolve().parents[1]
CODEBOOK = REPO / "data/raw/survey/codebook.yml"


def project(tmp_path: Path, instrument_test: str | None = None, pilot: bool = True) -> Path:
    """The committed codebook (its instrument_test block replaced when given) and the demo
    answers, with or without the demo pilot."""
    root = tmp_path / "p"
    (root / "data/raw/survey").mkdir(parents=True)
    text = CODEBOOK.read_text(encoding="utf-8")
    if instrument_test is not None:
        text = text.replace("instrument_test:\n  invalid_items: gugurkan\n", instrument_test)
    (root / "data/raw/survey/codebook.yml").write_text(text, encoding="utf-8")
    shutil.copytree(
        REPO / "data/demo/survey",
        root / "data/demo/survey",
        ignore=None if pilot else shutil.ignore_patterns("uji_coba"),
    )
    return root


def tables(root: Path) -> dict:
    out = build_outputs(get_paths(root))
    return {n[len("kuesioner_") : -4]: df for n, df in out.files.items() if n.endswith(".csv")}


def test_the_committed_codebook_drops_invalid_items_tested_on_the_pilot():
    assert load_survey_codebook(CODEBOOK).instrument_test == InstrumentTest(None, "gugurkan")


def test_pertahankan_keeps_every_item_and_says_so(tmp_path):
    from psm_analysis.survey import report

    t = tables(project(tmp_path, "instrument_test:\n  invalid_items: pertahankan\n"))
    v = t["validitas_butir"].set_index("butir")
    assert v.loc[["KIN12", "PDS12"], "tindakan"].tolist() == ["dipertahankan"] * 2
    assert len(t["butir"]) == 30 and not t["buku_kode"]["digugurkan"].any()
    # the numbers of before the pilot: all 18 and 12 items of the 10 PSM
    var = t["variabel"].set_index("variabel")
    assert var.loc["KIN", ["skor_total", "skor_maks"]].tolist() == [672, 900]
    assert var.loc["PDS", "skor_total"] == 398
    # alpha of all items, still on the pilot
    rel = t["reliabilitas"].set_index("variabel")
    # (0,933: with KIN12; the 0,942 of the 17 kept is KIN12's "alpha if deleted")
    assert rel.loc["KIN", "jumlah_butir"] == 18 and round(rel.loc["KIN", "alpha"], 3) == 0.933
    assert report.indicator_table(t, "KIN_F1")[2].endswith(
        "Butir KIN12 (r hitung 0,055 < r kritis 0,361) tidak valid pada uji coba (30 "
        "responden), tetapi tetap dihitung (buku kode: pertahankan)."
    )


def test_utama_tests_on_the_main_answers_and_ignores_the_pilot(tmp_path):
    out = build_outputs(get_paths(project(tmp_path, "instrument_test:\n  data: utama\n")))
    assert not any("uji_coba" in i.path for i in out.inputs)
    v = out.files["kuesioner_validitas_butir.csv"]
    assert set(v["data_uji"]) == {"utama"} and set(v["n"]) == {10}
    # on the 10 PSM of Bunut (critical r 0,632) six items fail, as issue 21 found
    failed = v.loc[~v["valid"].astype(bool), "butir"].tolist()
    assert len(failed) == 6
    kept = set(out.files["kuesioner_butir.csv"]["butir"])
    assert not kept & set(failed) and len(kept) == 24


def test_without_a_pilot_the_main_answers_are_tested(tmp_path):
    t = tables(project(tmp_path, pilot=False))
    assert set(t["validitas_butir"]["data_uji"]) == {"utama"}


def test_uji_coba_without_a_pilot_file_is_a_located_error(tmp_path):
    root = project(tmp_path, "instrument_test:\n  data: uji_coba\n", pilot=False)
    with pytest.raises(DataError) as err:
        build_outputs(get_paths(root))
    (problem,) = err.value.problems
    assert problem.file == "data/demo/survey/uji_coba"
    assert problem.message.startswith("buku kode meminta uji instrumen pada data uji coba")


def test_a_bad_pilot_file_is_reported_like_the_main_answers(tmp_path, monkeypatch):
    root = project(tmp_path)
    monkeypatch.setenv("PSM_ANALYSIS_ROOT", str(root))  # paths shown from the project root
    (root / "data/demo/survey/uji_coba" / PILOT_FILE_NAME).unlink()
    (root / "data/demo/survey/uji_coba/uji.csv").write_text(
        "responden,KIN01\nU01,9\n", encoding="utf-8"
    )
    with pytest.raises(DataError) as err:
        build_outputs(get_paths(root))
    problems = err.value.problems
    assert {p.file for p in problems} == {"data/demo/survey/uji_coba/uji.csv"}
    assert any(p.message == "kolom wajib tidak ada" and p.column == "KIN02" for p in problems)


def test_codebook_refuses_unknown_instrument_test_values():
    text = CODEBOOK.read_text(encoding="utf-8").replace(
        "  invalid_items: gugurkan\n", "  invalid_items: buang\n  data: pilot\n"
    )
    with pytest.raises(DataError) as err:
        parse_codebook(text, "codebook.yml")
    found = {(p.column, p.value, p.expected) for p in err.value.problems}
    assert found == {
        ("invalid_items", "buang", "gugurkan, pertahankan"),
        ("data", "pilot", "uji_coba, utama"),
    }


def test_validate_reads_a_pilot_file_as_a_pilot(tmp_path):
    from psm_analysis.survey import validate_file

    pilot = REPO / "data/demo/survey/uji_coba" / PILOT_FILE_NAME
    assert validate_file(pilot, CODEBOOK) == []
    # the same rows outside a uji_coba folder are main answers: the pilot's desa (Kecamatan
    # Pangkalan Kuras) are not choices of the Bunut questionnaire
    elsewhere = tmp_path / PILOT_FILE_NAME
    shutil.copy(pilot, elsewhere)
    problems = validate_file(elsewhere, CODEBOOK)
    assert len(problems) >= 30 and {p.column for p in problems} >= {"desa"}
    assert {p.message for p in problems if p.column == "desa"} == {"pilihan tidak dikenal"}
