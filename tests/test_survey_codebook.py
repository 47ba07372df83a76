"""The codebook: the default is grounded in BAB I, and mistakes in a codebook are
reported with the file and the YAML line."""

from __future__ import annotations

import pytest

from psm_analysis.errors import DataError
from psm_analysis.survey import load_survey_codebook
from psm_analysis.survey.codebook import parse_codebook

GOOD = """\
id_column: {id: responden, label: Nomor responden}
scales:
  setuju5:
    values: {5: Sangat Setuju, 4: Setuju, 3: Ragu-ragu, 2: Tidak Setuju, 1: Sangat Tidak Setuju}
categories: {method: equal_width, classes: 3, labels: [Kurang Baik, Cukup Baik, Baik]}
profile:
  - {id: umur, label: Umur, type: integer, min: 17, max: 80}
variables:
  - {id: V, name: Kinerja, scale: setuju5}
indicators:
  - {id: I1, variable: V, name: Satu}
items:
  - {id: B1, indicator: I1, statement: Pernyataan satu}
  - {id: B2, indicator: I1, statement: Pernyataan dua}
"""


def test_good_minimal_codebook():
    cb = parse_codebook(GOOD, "cb.yml")
    assert cb.columns == ["responden", "umur", "B1", "B2"]
    assert cb.scale_of_item("B2").high == 5 and cb.scale_of_item("B2").low == 1


def test_default_codebook_follows_bab_i():
    cb = load_survey_codebook()
    assert cb.path == "data/raw/survey/codebook.yml"
    names = {v.id: v.name for v in cb.variables}
    assert names == {"KIN": "Kinerja PSM", "PDS": "Peran Dinas Sosial"}
    kin = [i for i in cb.indicators if i.variable == "KIN"]
    pds = [i for i in cb.indicators if i.variable == "PDS"]
    # Pasal 5 Permensos 01/2012: five tasks (a-e) and four functions (a-d)
    assert len(kin) == 9
    assert sum("tugas huruf" in i.source for i in kin) == 5
    assert sum("fungsi huruf" in i.source for i in kin) == 4
    # Tabel I.3: five programmes, plus pembinaan
    assert [i.source for i in pds][:5] == [f"Tabel I.3 nomor {k}" for k in range(1, 6)]
    assert "Pembinaan" in pds[5].name
    for ind in cb.indicators:
        assert 2 <= len(cb.items_of_indicator(ind.id)) <= 3
    profile = [p.id for p in cb.profile]
    assert profile == [
        "desa",
        "jenis_kelamin",
        "umur",
        "pendidikan",
        "lama_psm",
        "diklat",
        "bimtek",
    ]
    assert cb.group_field == "diklat"
    assert sum(i.reverse for i in cb.items) == 2


def test_default_desa_choices_are_the_bunut_reference():
    from psm_analysis import regions

    desa = regions.desa_of("Bunut")["nama"].tolist()
    assert len(desa) == 10
    assert list(load_survey_codebook().profile_field("desa").choices) == desa


def problems_of(text: str):
    with pytest.raises(DataError) as exc:
        parse_codebook(text, "cb.yml")
    return exc.value.problems


def one(problems, message):
    hits = [p for p in problems if p.message == message]
    assert len(hits) == 1, "\n".join(map(str, problems))
    assert hits[0].file == "cb.yml"
    return hits[0]


@pytest.mark.parametrize(
    ("old", "new", "message", "line", "value"),
    [
        (
            "  - {id: B2, indicator: I1,",
            "  - {id: B1, indicator: I1,",
            "kode butir ganda",
            14,
            "B1",
        ),
        ("scale: setuju5}", "scale: likert7}", "skala tidak dikenal", 9, "likert7"),
        ("  - {id: B2, indicator: I1, ", "  - {id: B2, ", "butir tidak punya indikator", 14, "B2"),
        (
            "  - {id: B2, indicator: I1,",
            "  - {id: B2, indicator: I9,",
            "butir menyebut indikator yang tidak ada",
            14,
            "I9",
        ),
        (
            "{id: I1, variable: V,",
            "{id: I1, variable: W,",
            "indikator menyebut variabel yang tidak ada",
            11,
            "W",
        ),
        ("{id: B1,", "{id: 1B,", "kode 'id' tidak sah", 13, "1B"),
        ("type: integer", "type: tanggal", "jenis kolom profil tidak dikenal", 7, "tanggal"),
        ("min: 17, max: 80", "min: 80, max: 17", "'min' lebih besar dari 'max'", 7, 80),
        ("classes: 3,", "classes: 4,", "jumlah kelas harus 3 atau 5", 5, 4),
        ("{id: umur,", "{id: B2,", "kode kolom dipakai dua kali", 14, "B2"),
        (
            "statement: Pernyataan dua}",
            "statement: Pernyataan dua, reverse: ya}",
            "kunci 'reverse' harus true atau false",
            14,
            "ya",
        ),
    ],
    ids=[
        "duplicate-item",
        "unknown-scale",
        "item-without-indicator",
        "unknown-indicator",
        "unknown-variable",
        "bad-id",
        "bad-profile-type",
        "min-above-max",
        "classes-4",
        "profile-id-equals-item",
        "reverse-not-bool",
    ],
)
def test_codebook_errors_name_line(old, new, message, line, value):
    assert old in GOOD
    p = one(problems_of(GOOD.replace(old, new, 1)), message)
    assert p.row == line
    assert p.value == value


def test_indicator_without_items_and_all_problems_together():
    text = GOOD.replace(
        "  - {id: I1, variable: V, name: Satu}",
        "  - {id: I1, variable: V, name: Satu}\n  - {id: I2, variable: V, name: Dua}",
    )
    text = text.replace("scale: setuju5}", "scale: nope}")
    problems = problems_of(text)
    assert one(problems, "indikator tidak punya butir").row == 12
    assert one(problems, "skala tidak dikenal").row == 9


def test_duplicate_yaml_key_and_bad_yaml_line():
    text = GOOD.replace("  setuju5:\n", "  setuju5:\n    label: A\n    label: B\n")
    p = one(problems_of(text), "kunci ganda dalam satu bagian")
    assert (p.row, p.column) == (5, "label")
    # the unclosed list on line 9 is noticed by the parser on line 10
    bad = problems_of(GOOD.replace("variables:\n", "variables:\n  - {id: V, name: [unclosed\n"))
    assert bad[0].message.startswith("YAML tidak sah") and bad[0].row == 10


def test_scale_problems():
    text = GOOD.replace("3: Ragu-ragu, ", "").replace("4: Setuju", "4: Sangat Setuju")
    problems = problems_of(text)
    assert one(problems, "label skala dipakai dua kali").column == "setuju5"
    assert one(problems, "nilai skala harus berurutan tanpa loncatan").value == "1, 2, 4, 5"


def test_cut_point_rules():
    ok = parse_codebook(
        GOOD.replace(
            "{method: equal_width, classes: 3,", "{method: cut_points, cut_points: [50, 75],"
        ),
        "cb.yml",
    )
    assert ok.categories.cut_points == (50.0, 75.0)
    p = one(
        problems_of(
            GOOD.replace(
                "{method: equal_width, classes: 3,", "{method: cut_points, cut_points: [75, 50],"
            )
        ),
        "cut_points harus naik dan di antara 0 dan 100",
    )
    assert p.row == 5 and p.value == "75, 50"
    p = one(
        problems_of(
            GOOD.replace(
                "{method: equal_width, classes: 3,", "{method: cut_points, cut_points: [50],"
            )
        ),
        "jumlah cut_points harus satu kurang dari jumlah label",
    )
    assert (p.value, p.expected) == (1, "2")


def test_missing_file_is_a_data_error(tmp_path):
    with pytest.raises(DataError, match="berkas buku kode tidak ditemukan"):
        load_survey_codebook(tmp_path / "tidak_ada.yml")


def test_cut_point_at_or_below_the_lowest_possible_index_is_a_codebook_problem():
    # on a 1-5 scale no index is below 20 %: a cut point of 15 used to pass the codebook
    # and crash the analysis with an English ValueError
    p = one(
        problems_of(
            GOOD.replace(
                "{method: equal_width, classes: 3,", "{method: cut_points, cut_points: [15, 60],"
            )
        ),
        "cut_points harus di atas indeks terendah skala",
    )
    assert (p.row, p.column, p.value, p.expected) == (
        5,
        "cut_points",
        "15, 60",
        "batas pertama di atas 20,00 % (skala setuju5: 1 sampai 5)",
    )
    # just above the lowest index is fine
    ok = parse_codebook(
        GOOD.replace(
            "{method: equal_width, classes: 3,", "{method: cut_points, cut_points: [20.5, 60],"
        )
    )
    assert ok.categories.cut_points == (20.5, 60.0)
