"""The data-entry template: every data validation within the limits Excel enforces.

Excel refuses (and "repairs" away) a validation whose error title is over 32 characters,
error message over 224, input prompt over 255, or list formula over 255 (Excel's Data
Validation dialog; openpyxl writes whatever it is given). The test reads the written
workbook back, as Excel would, and checks every validation.
"""

from __future__ import annotations

import re

import openpyxl
import pytest

from psm_analysis.config import get_paths
from psm_analysis.survey.codebook import load_survey_codebook, parse_codebook
from psm_analysis.survey.template import (
    ERROR_MAX,
    ERROR_TITLE_MAX,
    FORMULA_MAX,
    PROMPT_MAX,
    write_template,
)

CODEBOOK = get_paths().root / "data/raw/survey/codebook.yml"
# 60 village names: their list (about 900 characters) fits neither an error message nor
# a list formula typed into the validation.
MANY_VILLAGES = ", ".join(f"Desa Contoh Nomor {i:02d}" for i in range(1, 61))
LONG_SCALE = (
    "      5: Sangat setuju sekali dengan seluruh isi pernyataan di atas tanpa keraguan\n"
    "      4: Setuju dengan sebagian besar isi pernyataan di atas\n"
    "      3: Ragu-ragu, tidak dapat memilih antara setuju dan tidak setuju\n"
    "      2: Tidak setuju dengan sebagian besar isi pernyataan di atas\n"
    "      1: Sangat tidak setuju dengan seluruh isi pernyataan di atas tanpa keraguan\n"
)


def _long_codebook():
    text = CODEBOOK.read_text(encoding="utf-8")
    text, n = re.subn(
        r"choices: \[Pangkalan Bunut[^\]]*\]", f"choices: [{MANY_VILLAGES}]", text, count=1
    )
    assert n == 1
    text, n = re.subn(r"(      5: Sangat Setuju\n(?:      \d: .*\n){4})", LONG_SCALE, text, count=1)
    assert n == 1
    return parse_codebook(text, "codebook_panjang.yml")


def _validations(path):
    wb = openpyxl.load_workbook(path)
    return wb, {str(dv.sqref): dv for dv in wb["Data"].data_validations.dataValidation}


@pytest.mark.parametrize("which", ["project", "long"])
def test_every_validation_within_excel_limits(tmp_path, which):
    cb = load_survey_codebook(CODEBOOK) if which == "project" else _long_codebook()
    out = write_template(tmp_path / "templat.xlsx", cb)
    wb, dvs = _validations(out)
    assert len(dvs) == len(cb.columns) - 1  # every column but the respondent id
    for sqref, dv in dvs.items():
        assert len(dv.errorTitle or "") <= ERROR_TITLE_MAX, sqref
        assert len(dv.error or "") <= ERROR_MAX, sqref
        assert len(dv.prompt or "") <= PROMPT_MAX, sqref
        assert len(dv.promptTitle or "") <= ERROR_TITLE_MAX, sqref
        assert len(dv.formula1 or "") <= FORMULA_MAX, sqref
        assert dv.showErrorMessage and dv.error and dv.errorTitle == "Isian tidak sah"
        if dv.type == "list":  # a list is a range on Pilihan, never typed into the formula
            m = re.fullmatch(r"'Pilihan'!\$([A-Z]+)\$2:\$\1\$(\d+)", dv.formula1)
            assert m, dv.formula1
            values = [c.value for c in wb["Pilihan"][m[1]][1 : int(m[2])]]
            assert None not in values and len(values) == int(m[2]) - 1


def test_long_lists_point_to_the_pilihan_sheet(tmp_path):
    cb = _long_codebook()
    _, dvs = _validations(write_template(tmp_path / "templat.xlsx", cb))
    desa = dvs["B3:B202"]
    assert desa.formula1 == "'Pilihan'!$B$2:$B$61"
    assert desa.error == (
        "Pilih salah satu dari daftar pada sel (daftar lengkap: lembar 'Pilihan', kolom B)."
    )
    assert dvs["I3:I202"].error == (
        "Isi salah satu nilai skala 1 sampai 5 (arti tiap nilai: lembar 'Buku kode'; daftar: "
        "lembar 'Pilihan', kolom A)."
    )
    # short texts keep the full list
    assert dvs["C3:C202"].error == "Pilih salah satu: Laki-laki, Perempuan"
    assert dvs["D3:D202"].error == "Isi bilangan bulat dari 17 sampai 80"


def test_project_template_keeps_the_full_lists_in_its_messages(tmp_path):
    _, dvs = _validations(write_template(tmp_path / "templat.xlsx", load_survey_codebook(CODEBOOK)))
    assert dvs["B3:B202"].error == (
        "Pilih salah satu: Pangkalan Bunut, Petani, Merbau, Sungai Buluh, Lubuk Mas, "
        "Balam Merah, Bagan Laguh, Lubuk Mandian Gajah, Keriung, Sialang Kayu Batu"
    )
    assert dvs["I3:I202"].error == (
        "Isi salah satu nilai skala: 5 (Sangat Setuju), 4 (Setuju), 3 (Ragu-ragu), "
        "2 (Tidak Setuju), 1 (Sangat Tidak Setuju)"
    )
