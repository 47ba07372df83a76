"""Counts under the answer labels are the answers respondents gave, also for negative
(reverse-scored) statements, in every format a reader sees: the notebook's HTML and the
xlsx, docx and md files of the thesis table (issue 10: KIN18 showed SS 3 and STS 1 where
respondents answered STS 3 and SS 1)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from psm_analysis import tablefiles
from psm_analysis.config import get_paths
from psm_analysis.survey import report
from psm_analysis.survey.pipeline import build_outputs

REPO = Path(__file__).resolve().parents[1]
#: The answer labels of the agreement scale, by value (data/raw/survey/codebook.yml).
SHORT = {5: "SS", 4: "S", 3: "RR", 2: "TS", 1: "STS"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("survey_counts")
    (root / "data/raw/survey").mkdir(parents=True)
    shutil.copy(REPO / "data/raw/survey/codebook.yml", root / "data/raw/survey/codebook.yml")
    shutil.copytree(REPO / "data/demo/survey", root / "data/demo/survey")
    out = build_outputs(get_paths(root))
    t = {n[len("kuesioner_") : -4]: df for n, df in out.files.items() if n.endswith(".csv")}
    return root, t


def _raw_counts(t, item: str) -> dict[str, int]:
    answers = t["jawaban"][item].dropna().astype(int)
    return {SHORT[v]: int((answers == v).sum()) for v in SHORT}


def _reversed_items(t):
    b = t["butir"]
    return b[b["dibalik"].astype(bool)][["indikator", "butir"]].itertuples(index=False)


def test_there_are_negative_items_whose_answers_are_not_symmetric(built):
    _, t = built
    items = list(_reversed_items(t))
    assert {i.butir for i in items} >= {"KIN18", "PDS10"}
    # the test means something only if reversing would change the counts
    assert any(_raw_counts(t, i.butir)["SS"] != _raw_counts(t, i.butir)["STS"] for i in items)


def test_counts_under_answer_labels_are_the_raw_answers_in_every_format(built, tmp_path):
    root, t = built
    paths = get_paths(root)
    checked = 0
    for indicator, item in _reversed_items(t):
        table, fmt, notes = report.indicator_table(t, indicator)
        assert "F dan % adalah jawaban seperti diberikan, juga pada pernyataan negatif" in notes
        raw = _raw_counts(t, item)
        row = table[table["Butir"] == item].iloc[0]
        assert {k: int(row[f"{k} F"]) for k in SHORT.values()} == raw
        name = f"uji_{indicator.lower()}"
        rec = tablefiles.export_table(
            table, name, title="Uji", source="uji", number_format=fmt, number="V.1", paths=paths
        )
        heads = [f"{k} F" for k in SHORT.values()]
        # HTML as the notebook page shows it
        html_row = re.search(
            rf"<tr><td[^>]*>\d+</td><td[^>]*>{item}</td>(.*?)</tr>", rec._repr_html_()
        ).group(1)
        cells = re.findall(r"<td[^>]*>(.*?)</td>", html_row)
        cols = list(table.columns)[2:]
        assert {h: int(cells[cols.index(h)]) for h in heads} == {
            f"{k} F": v for k, v in raw.items()
        }
        # xlsx
        ws = load_workbook(paths.tables / f"{name}.xlsx").active
        rows = [[c.value for c in r] for r in ws.iter_rows()]
        header = next(r for r in rows if r and r[0] == "No.")
        data = next(r for r in rows if r and len(r) > 1 and r[1] == item)
        assert {h: data[header.index(h)] for h in heads} == {f"{k} F": v for k, v in raw.items()}
        # docx
        doc_table = Document(paths.tables / f"{name}.docx").tables[0]
        header = [c.text for c in doc_table.rows[0].cells]
        data = next([c.text for c in r.cells] for r in doc_table.rows if r.cells[1].text == item)
        assert {h: int(data[header.index(h)]) for h in heads} == {
            f"{k} F": v for k, v in raw.items()
        }
        # md
        md = (paths.tables / f"{name}.md").read_text(encoding="utf-8").splitlines()
        header = [c.strip() for c in next(ln for ln in md if ln.startswith("| No.")).split("|")]
        data = [c.strip() for c in next(ln for ln in md if f"| {item} |" in ln).split("|")]
        assert {h: int(data[header.index(h)]) for h in heads} == {
            f"{k} F": v for k, v in raw.items()
        }
        checked += 1
    assert checked >= 2


def test_the_likert_chart_counts_the_answers_as_given(built):
    _, t = built
    counts = report.likert_counts(t, "KIN")
    raw = _raw_counts(t, "KIN18")
    row = counts.loc[[i for i in counts.index if i.startswith("KIN18* ")][0]]
    assert int(row["Sangat Setuju"]) == raw["SS"]
    assert int(row["Sangat Tidak Setuju"]) == raw["STS"]
