"""Consistency across sources (issue 20, item 4): questionnaire respondents against
Tabel I.2 and the register, roster against codings, register coverage; and the demo
data agreeing with each other."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from fieldwork import Fieldwork, clean, demo_segments, respondent, survey_codebook

from psm_analysis import catalog
from psm_analysis.config import get_paths
from psm_analysis.register import crosscheck


def _register(desa: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"kecamatan": "Bunut", "desa_kelurahan": desa})


def _answers(desa: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"responden": [f"R{i + 1:02d}" for i in range(len(desa))], "desa": desa})


def _by_id(rows):
    return {r["id"]: r for r in rows}


def test_respondents_agreeing_with_tabel_i2_and_the_register():
    desa = ["Petani", "Petani", "Merbau"]
    rows = _by_id(
        crosscheck.respondent_checks(
            _answers(desa), _register(desa), 3, survey_demo=False, register_demo=False
        )
    )
    assert rows["lintas_responden_tabel_i2"]["status"] == "sesuai"
    assert rows["lintas_responden_tabel_i2"]["keterangan"] == "sensus: semua PSM menjawab"
    assert rows["lintas_responden_register"]["status"] == "sesuai"
    assert rows["lintas_desa_responden"]["ditemukan"] == "sesuai di semua desa"


def test_respondents_disagreeing_are_named_with_their_desa():
    rows = _by_id(
        crosscheck.respondent_checks(
            _answers(["Petani", "Petani", "Keriung"]),
            _register(["Petani", "Merbau", "Merbau", "Keriung"]),
            4,
            survey_demo=False,
            register_demo=False,
        )
    )
    assert rows["lintas_responden_tabel_i2"]["status"] == "catatan"
    assert rows["lintas_responden_tabel_i2"]["keterangan"] == "3 dari 4 PSM menjawab; bukan sensus"
    assert rows["lintas_responden_register"]["status"] == "catatan"
    assert rows["lintas_desa_responden"]["status"] == "tidak sesuai"
    assert rows["lintas_desa_responden"]["ditemukan"] == (
        "Petani: 2 responden (R01, R02), register mencatat 1 PSM"
    )
    more = _by_id(
        crosscheck.respondent_checks(
            _answers(["Petani"] * 5),
            _register(["Petani"]),
            1,
            survey_demo=False,
            register_demo=False,
        )
    )
    assert more["lintas_responden_tabel_i2"]["status"] == "tidak sesuai"
    assert more["lintas_responden_register"]["status"] == "tidak sesuai"


def test_real_answers_are_not_compared_with_a_demo_register():
    rows = _by_id(
        crosscheck.respondent_checks(
            _answers(["Petani"]), _register(["Merbau"]), 10, survey_demo=False, register_demo=True
        )
    )
    assert "lintas_desa_responden" not in rows
    assert rows["lintas_responden_register"]["ditemukan"] == "register PSM adalah DATA CONTOH"
    assert rows["lintas_responden_register"]["status"] == "catatan"


def test_informants_and_register_coverage_both_ways():
    inf = pd.DataFrame({"pseudonim": ["I-01 (PSM)", "I-02 (TKSK)"], "jumlah_segmen": [3, 0]})
    (row,) = crosscheck.informant_check(inf)
    assert (row["status"], row["keterangan"]) == ("catatan", "belum dikodekan: I-02 (TKSK)")
    (row,) = crosscheck.informant_check(inf.assign(jumlah_segmen=[3, 1]))
    assert (row["status"], row["keterangan"]) == ("sesuai", "")
    (row,) = crosscheck.register_coverage_check(["Bunut"], ["Langgam", "Bunut", "Ukui"])
    assert row["status"] == "catatan" and row["keterangan"].startswith(
        "register sebagian: tidak memuat Langgam dan Ukui;"
    )
    (row,) = crosscheck.register_coverage_check(["Bunut", "Langgam"], ["Langgam", "Bunut"])
    assert row["status"] == "sesuai"


@pytest.fixture
def demo_project(cleaned):
    """The shared cleaned copy of the demo (conftest.cleaned): read only."""
    return cleaned.root


def test_the_demo_data_agree_with_each_other(demo_project):
    """The demo survey is a census of the 10 Bunut PSM: their desa are the register's."""
    checks = catalog.load("pemeriksaan_lintas_sumber", get_paths(demo_project))
    assert checks["id"].tolist() == [
        "lintas_responden_tabel_i2",
        "lintas_responden_register",
        "lintas_desa_responden",
        "lintas_informan_dikodekan",
        "lintas_register_kecamatan",
    ]
    assert (checks["status"] == "sesuai").all(), checks.to_string()
    answers = catalog.load("kuesioner_jawaban", get_paths(demo_project))
    from psm_analysis.register.demo import demo_rows

    register_desa = sorted(r[2] for r in demo_rows(get_paths(demo_project)) if r[1] == "Bunut")
    assert sorted(answers["desa"]) == register_desa


def test_clean_with_real_answers_in_desa_without_psm(demo_project, tmp_path):
    cb = survey_codebook()
    root = tmp_path / "p"
    shutil.copytree(demo_project, root)
    Fieldwork(
        survey=[respondent(cb, r, None, desa="Keriung") for r in range(3)],
        segments=demo_segments(),
        register=("Bunut",),
    ).plant(root)
    clean(root)
    checks = catalog.load("pemeriksaan_lintas_sumber", get_paths(root)).set_index("id")
    # fieldwork.register_rows puts one Bunut PSM on each desa in Kemendagri order
    assert checks.loc["lintas_desa_responden", "ditemukan"] == (
        "Keriung: 3 responden (R01, R02, R03), register mencatat 1 PSM"
    )
    assert checks.loc["lintas_responden_tabel_i2", "keterangan"] == (
        "3 dari 10 PSM menjawab; bukan sensus"
    )
    assert checks.loc["lintas_register_kecamatan", "status"] == "catatan"
