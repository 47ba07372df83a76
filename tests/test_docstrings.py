"""Every public function a notebook calls passes numpydoc's own validation
(``numpydoc.validate``), with the checks, exclusions and overrides configured in
``pyproject.toml`` under ``[tool.numpydoc_validation]``. ``scripts/check_docstrings.py``
picks the functions (from the notebooks' imports and the chapter object) and applies the
configuration; ``make lint`` runs the same script."""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location(
    "check_docstrings", ROOT / "scripts/check_docstrings.py"
)
check = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check)

PLANTED = '''
def undocumented(df, pct=True):
    """Summarise ``df``.

    The extended summary of a function whose parameters and result go unsaid.
    """
    return df


def wrapper(df):
    """Summarise ``df`` as :func:`undocumented` does."""
    return undocumented(df)


def misnamed(df):
    """Summarise ``df``.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table.

    Returns
    -------
    pandas.DataFrame
        The same table.
    """
    return df


def whole(a, b, *rest, **kwargs):
    """Sum the terms.

    Parameters
    ----------
    a, b : int
        Terms.
    *rest : int
        More terms.
    **kwargs
        Ignored.

    Returns
    -------
    int
        The sum.
    """
    return a + b + sum(rest)
'''


@pytest.fixture
def planted(tmp_path, monkeypatch):
    (tmp_path / "planted_docs.py").write_text(textwrap.dedent(PLANTED), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "planted_docs", raising=False)
    monkeypatch.setattr(check, "ROOT", tmp_path)  # findings name files relative to ROOT
    config = check.parse_config(ROOT)
    return lambda name: [
        f.split(": ", 1)[1] for f in check.findings([f"planted_docs.{name}"], config)
    ]


def test_finder_sees_module_name_and_chapter_calls():
    source = (
        "from psm_analysis import catalog, notebook, spread\n"
        "from psm_analysis.numbers import format_number as angka\n"
        "bab = notebook.setup('03')\n"
        "angka(3)\n"
        "spread.format_p(0.5)\n"
        "catalog.load('psm_per_kecamatan')\n"
        "bab.save_figure(fig, 'x')\n"
    )
    assert check.notebook_calls(source) == {
        ("psm_analysis.notebook", "setup"),
        ("psm_analysis.numbers", "format_number"),
        ("psm_analysis.spread", "format_p"),
        ("psm_analysis.catalog", "load"),
        ("psm_analysis.notebook.Chapter", "save_figure"),
    }


def test_numpydoc_finds_missing_and_unknown_parameters(planted):
    pr01, rt01 = planted("undocumented")  # a set's order in the message varies by run
    assert pr01 in (
        "PR01 planted_docs.undocumented: Parameters {'df', 'pct'} not documented",
        "PR01 planted_docs.undocumented: Parameters {'pct', 'df'} not documented",
    )
    assert rt01 == "RT01 planted_docs.undocumented: No Returns section found"
    assert planted("misnamed") == [
        "PR01 planted_docs.misnamed: Parameters {'df'} not documented",
        "PR02 planted_docs.misnamed: Unknown parameters {'frame'}",
    ]


def test_a_one_line_wrapper_and_a_complete_docstring_pass(planted):
    assert planted("wrapper") == []
    assert planted("whole") == []


def test_every_function_the_notebooks_call_passes_numpydoc():
    functions = check.functions(check.all_notebook_calls())
    assert len(functions) > 60  # the five notebooks call ~80 library functions
    assert "psm_analysis.catalog.load" in functions
    assert check.findings(functions) == []
