"""The reader-facing words: one Indonesian edition in ``psm_analysis.labels``, every word
reachable whatever module was imported first (issue 19: words used to register when
``register.analysis`` was imported, so ``plots.desa_dot_chart`` called first raised
KeyError), every key the library looks up defined, and the reader tables built from one
table of columns."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from psm_analysis import labels

SRC = Path(__file__).resolve().parents[1] / "src" / "psm_analysis"

DOT_CHART_FIRST = """
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from psm_analysis import plots

fig, ax = plt.subplots()
plots.desa_dot_chart(ax, ["Desa A", "Desa B"], [0, 2], [0, 1])
print(ax.get_xlabel())
print("|".join(t.get_text() for t in ax.texts))
print("|".join(t.get_text() for t in ax.get_legend().get_texts()))
"""


def test_dot_chart_called_first_in_a_fresh_interpreter_finds_its_words():
    out = subprocess.run(
        [sys.executable, "-c", DOT_CHART_FIRST], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [
        "Jumlah PSM (orang)",
        "tanpa PSM",
        "PSM sudah Diklat|PSM belum Diklat|tanpa PSM",
    ]


def _looked_up_keys() -> dict[str, str]:
    """Every literal key passed to ``t(...)``/``labels.t(...)`` in the library, with where."""
    keys = {}
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            f = node.func
            name = (
                f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            )
            first = node.args[0]
            if name == "t" and isinstance(first, ast.Constant) and isinstance(first.value, str):
                keys[first.value] = f"{path.relative_to(SRC)}:{node.lineno}"
    return keys


def test_every_word_the_library_looks_up_is_defined():
    keys = _looked_up_keys()
    assert len(keys) > 30 and "reg.tanpa" in keys and "latih.dan" in keys
    missing = {k: where for k, where in keys.items() if k not in labels._WORDS}
    assert missing == {}


def test_one_indonesian_edition_without_registration():
    assert labels.t("kecamatan") == "Kecamatan"
    assert labels.t("ww.kappa") == "Kappa Cohen"
    assert not hasattr(labels, "register") and not hasattr(labels, "DEFAULT_LANG")
    with pytest.raises(KeyError):
        labels.t("tidak.ada")


def test_reader_table_selects_orders_numbers_and_renames():
    df = pd.DataFrame(
        {
            "kutipan": ["a", "b"],
            "label": ["L1", "L2"],
            "pseudonim": ["I-01", "I-02"],
            "sitasi": ["(W1)", "(W2)"],
            "x": 1,
        },
        index=[7, 3],
    )
    table = labels.reader_table(df, "wawancara_kutipan")
    assert list(table.columns) == ["Temuan (kode)", "Kutipan", "Sumber kutipan"]
    assert table.values.tolist() == [["L1", "a", "(W1)"], ["L2", "b", "(W2)"]]
    assert table.index.tolist() == [0, 1]
    numbered = labels.reader_table(
        df.assign(kelompok="PSM", jabatan="", tanggal_wawancara="", jumlah_segmen=3),
        "wawancara_informan",
    )
    assert numbered["No."].tolist() == [1, 2]
    with pytest.raises(KeyError):
        labels.reader_table(df, "wawancara_informan")  # no kelompok column


def test_every_reader_table_header_is_a_word():
    for name, columns in labels.READER_TABLES.items():
        headers = [labels.t(key) for key in columns.values()]
        assert len(set(headers)) == len(headers), name
