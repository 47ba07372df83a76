"""The library's imports run one way (issue 8): the import-linter contracts in pyproject.toml
hold. ``layers``: each module imports only the layers below its own; ``acyclic``
(``acyclic_siblings``): no module imports itself through others, at any package level.
Imports inside functions count (grimp reads every import statement)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERS = "psm_analysis layers: each imports only the layers below it"
ACYCLIC = "psm_analysis: no import cycles between sibling modules or packages"


def test_contracts_are_kept(monkeypatch, capsys):
    from importlinter.cli import lint_imports

    monkeypatch.chdir(ROOT)
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True) == 0
    out = capsys.readouterr().out
    assert f"{LAYERS} KEPT" in out and f"{ACYCLIC} KEPT" in out


@pytest.mark.parametrize(
    ("module", "planted", "broken", "kept"),
    [
        # plumbing importing rendering: upwards, no cycle (banner imports only labels)
        ("csvtext.py", "from psm_analysis import banner", LAYERS, ACYCLIC),
        # survey.report imports survey.pipeline; the way back closes a cycle inside a
        # package, which the layers (between top-level modules) do not see
        ("survey/pipeline.py", "from psm_analysis.survey import report", ACYCLIC, LAYERS),
    ],
)
def test_a_planted_import_breaks_its_contract(
    tmp_path, monkeypatch, capsys, module, planted, broken, kept
):
    """The contracts are not vacuous: in a copy of the package with one import added inside
    a function, exactly the contract that forbids it fails."""
    from importlinter.cli import lint_imports

    src = tmp_path / "src"
    shutil.copytree(ROOT / "src" / "psm_analysis", src / "psm_analysis")
    target = src / "psm_analysis" / module
    target.write_text(
        target.read_text(encoding="utf-8") + f"\n\ndef _planted():\n    {planted}\n",
        encoding="utf-8",
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(src))
    for name in [m for m in sys.modules if m == "psm_analysis" or m.startswith("psm_analysis.")]:
        monkeypatch.delitem(sys.modules, name)
    assert lint_imports(config_filename=str(tmp_path / "pyproject.toml"), no_cache=True) == 1
    out = capsys.readouterr().out
    assert f"{broken} BROKEN" in out and f"{kept} KEPT" in out
