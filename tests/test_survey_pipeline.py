"""End to end: template -> fill (openpyxl) -> validate -> build_outputs; the demo
answers; the SPSS file read back with its labels; the CLI's validate/template."""

from __future__ import annotations

import shutil
import time
import zipfile
from pathlib import Path

import pandas as pd
import pyreadstat
import pytest
from conftest import copy_raw
from openpyxl import load_workbook

from psm_analysis.cli import main
from psm_analysis.config import get_paths
from psm_analysis.errors import DataError
from psm_analysis.survey import load_survey_codebook, validate_file
from psm_analysis.survey.demo import FILE_NAME, PILOT_FILE_NAME, write_demo_inputs
from psm_analysis.survey.pipeline import TABLES, build_outputs
from psm_analysis.survey.template import LAST_ENTRY_ROW, write_template

REPO = Path(__file__).resolve().parents[1]

EXPECTED_FILES = {f"kuesioner_{n}.csv" for n in TABLES} | {"kuesioner_jawaban.sav"}


@pytest.fixture
def root(tmp_path, monkeypatch):
    """A project copy with only what the survey builder reads."""
    root = tmp_path / "project"
    copy_raw(root, "survey", "reference")  # tracked files only: never real answers
    shutil.copytree(REPO / "data/demo/survey", root / "data/demo/survey")
    (root / "data/processed").mkdir(parents=True)
    monkeypatch.setenv("PSM_ANALYSIS_ROOT", str(root))
    return root


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# ---------------------------------------------------------------------------------------
# demo answers
# ---------------------------------------------------------------------------------------


def test_demo_inputs_are_deterministic_and_committed(tmp_path):
    # the respondents are the register's Bunut PSM: their desa (as `psm-analysis demo`)
    from psm_analysis.register.demo import demo_rows

    bunut = [row[2] for row in demo_rows() if row[1] == "Bunut"]
    a = write_demo_inputs(tmp_path / "a", desa_of_psm=bunut)
    b = write_demo_inputs(tmp_path / "b", desa_of_psm=bunut)
    assert [p.relative_to(tmp_path / "a").as_posix() for p in a] == [
        f"survey/{FILE_NAME}",
        f"survey/uji_coba/{PILOT_FILE_NAME}",
    ]
    for x, y in zip(a, b, strict=True):
        assert x.read_bytes() == y.read_bytes()
        assert x.read_bytes() == (REPO / "data/demo" / x.relative_to(tmp_path / "a")).read_bytes()


def test_demo_is_marked_and_follows_bab_i():
    path = REPO / "data/demo/survey" / FILE_NAME
    assert "DEMO" in path.name
    wb = load_workbook(path)
    assert wb.properties.title.startswith("DATA CONTOH")
    assert "demo" in wb.properties.keywords
    assert wb["Petunjuk"]["A1"].value.startswith("DATA CONTOH - bukan data penelitian")
    assert validate_file(path) == []
    data = pd.read_excel(path, sheet_name="Data", skiprows=[1])
    assert len(data) == 10
    assert (data["diklat"] == "Ya").sum() == 7  # 80 of 120 PSM had Diklat: about 2/3
    from psm_analysis import regions

    assert set(data["desa"]) <= set(regions.desa_of("Bunut")["nama"])
    assert data["desa"].nunique() < 10  # BAB I: not every desa has a PSM


def test_builder_uses_demo_when_raw_has_only_the_codebook(root):
    out = build_outputs(get_paths())
    assert set(out.files) == EXPECTED_FILES
    assert [(i.path, i.demo) for i in out.inputs] == [
        ("data/raw/survey/codebook.yml", False),
        (f"data/demo/survey/{FILE_NAME}", True),
        (f"data/demo/survey/uji_coba/{PILOT_FILE_NAME}", True),
    ]
    var = out.files["kuesioner_variabel.csv"].set_index("variabel")
    # measured on the committed demo answers (10 respondents x 18 and 12 items), after
    # the pilot dropped KIN12 (scores 40 of 50) and PDS12 (32 of 50): 672 - 40 of 900 - 50
    assert var.loc["KIN", ["jumlah_butir", "n", "skor_total", "skor_maks"]].tolist() == [
        17,
        170,
        632,
        850,
    ]
    assert var.loc["KIN", "indeks"] == pytest.approx(100 * 632 / 850)
    assert var.loc["KIN", "kategori"] == "Baik"
    assert var.loc["PDS", ["n", "skor_total"]].tolist() == [110, 366]
    assert var.loc["PDS", "kategori"] == "Cukup Baik"
    # reliability of the 17 and 11 items kept, on the 30 pilot respondents
    rel = out.files["kuesioner_reliabilitas.csv"].set_index("variabel")
    assert round(rel.loc["KIN", "alpha"], 3) == 0.942 and rel.loc["KIN", "n"] == 30
    assert rel.loc["KIN", "jumlah_butir"] == 17 and rel.loc["KIN", "data_uji"] == "uji_coba"
    assert rel.loc["KIN", "catatan"] == ""
    cmp_ = out.files["kuesioner_perbandingan_diklat.csv"].set_index("variabel")
    assert cmp_.loc["KIN", ["n_a", "n_b"]].tolist() == [7, 3]
    wide = out.files["kuesioner_jawaban.csv"]
    assert wide["data_contoh"].all() and wide["berkas"].iloc[0].endswith(FILE_NAME)
    rule = out.files["kuesioner_kategori.csv"]
    assert rule["aturan"].iloc[0].startswith("Kategori indeks skor (3 kelas sama lebar")


def test_builder_output_is_byte_deterministic(root):
    from psm_analysis.files import csv_bytes

    a, b = build_outputs(get_paths()), build_outputs(get_paths())
    for name in EXPECTED_FILES:
        x, y = a.files[name], b.files[name]
        if isinstance(x, bytes):
            assert x == y, name
        else:
            assert csv_bytes(x) == csv_bytes(y), name
    sav = a.files["kuesioner_jawaban.sav"]
    assert sav[92:109] == b"01 Jan 0000:00:00"  # creation date/time fixed in the header


# ---------------------------------------------------------------------------------------
# end to end with a filled template
# ---------------------------------------------------------------------------------------

FILL = [
    # responden, desa, jk, umur, pendidikan, lama, diklat, bimtek, then KIN01, KIN18 (rev.)
    ["A1", "Petani", "Perempuan", 34, "S1", 2.5, "Ya", "Ya", 5, 1],
    ["A2", "Merbau", "Laki-laki", 45, "SMA/SMK", 6, "Ya", "Tidak", 4, 2],
    ["A3", "Keriung", "Laki-laki", 29, "SMP", 1, "Tidak", "Tidak", 4, 2],
    ["A4", "Petani", "Perempuan", 51, "Diploma", 12, "Tidak", "Ya", 3, 5],
]


def fill_template(path: Path) -> None:
    cb = load_survey_codebook()
    wb = load_workbook(path)
    ws = wb["Data"]
    header = [c.value for c in ws[1]]
    for r, values in enumerate(FILL, start=3):
        for c_id, v in zip(header[:8], values[:8], strict=True):
            ws.cell(r, header.index(c_id) + 1, v)
        for item in cb.items:
            v = values[8] if item.id == "KIN01" else values[9] if item.id == "KIN18" else 4
            ws.cell(r, header.index(item.id) + 1, v)
    wb.save(path)


def test_template_fill_validate_build(root):
    template = root / "templat.xlsx"
    assert write_template(template) == template
    wb = load_workbook(template)
    assert wb.sheetnames == ["Petunjuk", "Data", "Pilihan", "Buku kode"]
    ws = wb["Data"]
    cb = load_survey_codebook()
    assert [c.value for c in ws[1]] == cb.columns
    assert ws.cell(2, cb.columns.index("KIN01") + 1).value == cb.item("KIN01").statement
    assert ws.freeze_panes == "B3"
    dvs = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    assert len(dvs) == len(cb.columns) - 1  # every column but the id
    col = {c: ws.cell(1, i + 1).column_letter for i, c in enumerate(cb.columns)}
    kin01 = dvs[f"{col['KIN01']}3:{col['KIN01']}{LAST_ENTRY_ROW}"]
    assert kin01.type == "list" and kin01.formula1 == "'Pilihan'!$A$2:$A$6"
    assert [wb["Pilihan"].cell(r, 1).value for r in range(2, 7)] == [1, 2, 3, 4, 5]
    umur = dvs[f"{col['umur']}3:{col['umur']}{LAST_ENTRY_ROW}"]
    assert (umur.type, umur.formula1, umur.formula2) == ("whole", "17.0", "80.0")
    desa = dvs[f"{col['desa']}3:{col['desa']}{LAST_ENTRY_ROW}"]
    letter = desa.formula1.split("$")[1]
    choices = [c.value for c in wb["Pilihan"][letter][1:]]
    assert choices == list(cb.profile_field("desa").choices)
    assert wb["Buku kode"]["D2"].value == cb.items[0].statement
    assert "PETUNJUK PENGISIAN" in [c.value for c in wb["Petunjuk"]["A"]]

    answers = root / "data/raw/survey/jawaban_2026.xlsx"
    shutil.copy(template, answers)
    fill_template(answers)
    assert validate_file(answers) == []
    out = build_outputs(get_paths())
    assert [(i.path, i.demo) for i in out.inputs][1:] == [
        ("data/raw/survey/jawaban_2026.xlsx", False)
    ]
    items = out.files["kuesioner_butir.csv"].set_index("butir")
    # KIN01 answers 5, 4, 4, 3: total 16 of 4 x 5 -> 80 % (Baik)
    assert items.loc["KIN01", ["n", "f_5", "f_4", "f_3", "skor_total", "skor_maks"]].tolist() == [
        4,
        1,
        2,
        1,
        16,
        20,
    ]
    assert items.loc["KIN01", "indeks"] == 80.0 and items.loc["KIN01", "kategori"] == "Baik"
    assert items.loc["KIN01", "persen_4"] == 50.0
    # KIN18 is reverse-scored: answers 1, 2, 2, 5 -> scores 5, 4, 4, 1: 14 of 20 -> 70 %
    assert items.loc["KIN18", ["skor_total", "indeks", "kategori"]].tolist() == [
        14,
        70.0,
        "Cukup Baik",
    ]
    long = out.files["kuesioner_jawaban_panjang.csv"]
    k18 = long[(long["butir"] == "KIN18") & (long["responden"] == "A4")].iloc[0]
    assert (k18["jawaban"], k18["skor"], bool(k18["dibalik"])) == (5, 1, True)
    prof = out.files["kuesioner_profil.csv"]
    umur = prof[prof["kolom"] == "umur"].set_index("kategori")["f"].to_dict()
    assert umur == {"\u2264 30": 1, "31\u201340": 1, "41\u201350": 1, "\u2265 51": 1}
    lama = prof[prof["kolom"] == "lama_psm"].set_index("kategori")["f"].to_dict()
    assert lama == {"\u2264 2": 1, "> 2 \u2013 5": 1, "> 5 \u2013 10": 1, "> 10": 1}
    assert not out.files["kuesioner_jawaban.csv"]["data_contoh"].any()

    # the .sav reads back with its variable and value labels
    sav = root / "k.sav"
    sav.write_bytes(out.files["kuesioner_jawaban.sav"])
    df, meta = pyreadstat.read_sav(str(sav))
    assert df["responden"].tolist() == ["A1", "A2", "A3", "A4"]
    assert df["KIN18"].tolist() == [1.0, 2.0, 2.0, 5.0]  # answers as given
    assert meta.column_names_to_labels["KIN18"].startswith("KIN18 (dibalik) Saya jarang")
    assert meta.column_names_to_labels["umur"] == "Umur (tahun)"
    assert meta.variable_value_labels["KIN01"] == {
        5.0: "Sangat Setuju",
        4.0: "Setuju",
        3.0: "Ragu-ragu",
        2.0: "Tidak Setuju",
        1.0: "Sangat Tidak Setuju",
    }
    assert meta.variable_value_labels["diklat"] == {1.0: "Ya", 2.0: "Tidak"}
    assert df["diklat"].tolist() == [1.0, 1.0, 2.0, 2.0]
    assert df["lama_psm"].tolist() == [2.5, 6.0, 1.0, 12.0]
    assert meta.variable_measure["KIN01"] == "ordinal"
    labelled, _ = pyreadstat.read_sav(str(sav), apply_value_formats=True)
    assert labelled["desa"].tolist() == ["Petani", "Merbau", "Keriung", "Petani"]


def test_bad_raw_answers_raise_every_problem(root):
    bad = root / "data/raw/survey/jawaban.csv"
    cb = load_survey_codebook()
    lines = [",".join(cb.columns)]
    row = ["R1", "Petani", "Laki-laki", "40", "S1", "3", "Ya", "Ya"] + ["4"] * len(cb.items)
    lines.append(",".join(row))
    row2 = list(row)
    row2[0], row2[3], row2[8] = "R1", "200", "7"
    lines.append(",".join(row2))
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as exc:
        build_outputs(get_paths())
    got = sorted((p.row, p.column) for p in exc.value.problems)
    assert got == [(3, "KIN01"), (3, "responden"), (3, "umur")]


def test_same_id_in_two_files(root):
    cb = load_survey_codebook()
    row = ["R1", "Petani", "Laki-laki", "40", "S1", "3", "Ya", "Ya"] + ["4"] * len(cb.items)
    for name in ("a.csv", "b.csv"):
        (root / "data/raw/survey" / name).write_text(
            ",".join(cb.columns) + "\n" + ",".join(row) + "\n", encoding="utf-8"
        )
    with pytest.raises(DataError) as exc:
        build_outputs(get_paths())
    [p] = exc.value.problems
    assert (p.file, p.row, p.column) == ("data/raw/survey/b.csv", 2, "responden")
    assert "data/raw/survey/a.csv, baris 2" in p.message


# ---------------------------------------------------------------------------------------
# CLI: exit codes, messages on stderr, nothing written
# ---------------------------------------------------------------------------------------


def test_cli_validate_valid_and_invalid(root, capsys):
    good = root / "data/demo/survey" / FILE_NAME
    before = tree(root)
    assert main(["validate", "survey", str(good)]) == 0
    assert "valid, tidak ada masalah" in capsys.readouterr().out
    bad = root / "bad.csv"
    cb = load_survey_codebook()
    row = ["R1", "Sorek", "Laki-laki", "40", "S1", "3", "Ya", "Ya"] + ["4"] * len(cb.items)
    bad.write_text(",".join(cb.columns) + "\n" + ",".join(row) + "\n", encoding="utf-8")
    before = tree(root)
    assert main(["validate", "survey", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "1 masalah ditemukan" in err
    assert "baris 2, kolom 'desa': pilihan tidak dikenal: nilai \"Sorek\"" in err
    assert "Traceback" not in err
    assert tree(root) == before


def test_cli_validate_usage_errors(root, capsys):
    assert main(["validate", "survey", str(root / "tidak_ada.xlsx")]) == 2
    assert "berkas tidak ditemukan" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["validate", "survey"])
    assert exc.value.code == 2


def test_cli_validate_with_other_codebook(root, capsys):
    cb_file = root / "cb.yml"
    cb_file.write_text(
        (root / "data/raw/survey/codebook.yml")
        .read_text(encoding="utf-8")
        .replace("id: KIN18", "id: KIN17"),
        encoding="utf-8",
    )
    good = root / "data/demo/survey" / FILE_NAME
    assert main(["validate", "survey", str(good), "--codebook", str(cb_file)]) == 1
    err = capsys.readouterr().err
    assert "kode butir ganda" in err and "cb.yml" in err


def test_cli_template(root, capsys):
    out = root / "keluar" / "templat.xlsx"
    assert main(["template", "survey", "--out", str(out)]) == 0
    assert out.is_file() and "Templat ditulis" in capsys.readouterr().out
    time.sleep(1.1)  # openpyxl stamps the save time: it must not reach the bytes
    again = root / "t2.xlsx"
    main(["template", "survey", "--out", str(again)])
    assert out.read_bytes() == again.read_bytes()
    assert b"2000-01-01T00:00:00Z</dcterms:modified>" in zipfile.ZipFile(out).read(
        "docProps/core.xml"
    )
    broken = root / "broken.yml"
    broken.write_text("scales: [\n", encoding="utf-8")
    target = root / "tidak_ditulis.xlsx"
    assert main(["template", "survey", "--out", str(target), "--codebook", str(broken)]) == 1
    err = capsys.readouterr().err
    assert "YAML tidak sah" in err and "Traceback" not in err
    assert not target.exists()
