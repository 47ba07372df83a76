"""The library's imports run one way (issue 8): the import-linter layers contract in
pyproject.toml holds, and no psm_analysis module imports itself through others, counting
imports inside functions (grimp reads every import statement)."""

from __future__ import annotations

import os
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]


def _cycles(graph) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph.modules):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.find_modules_directly_imported_by(start))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append(
                        (child, iter(sorted(graph.find_modules_directly_imported_by(child))))
                    )
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                comp = []
                while True:
                    m = stack.pop()
                    on_stack.discard(m)
                    comp.append(m)
                    if m == node:
                        break
                if len(comp) > 1:
                    found.append(sorted(comp))
    return found


def test_cycle_finder_finds_a_planted_cycle():
    graph = grimp.ImportGraph()
    for a, b in [("p.a", "p.b"), ("p.b", "p.c"), ("p.c", "p.a"), ("p.c", "p.d")]:
        graph.add_import(importer=a, imported=b)
    assert _cycles(graph) == [["p.a", "p.b", "p.c"]]


def test_no_import_cycle_among_psm_analysis_modules():
    graph = grimp.build_graph("psm_analysis", cache_dir=None)
    assert len(graph.modules) > 40
    assert _cycles(graph) == []


def test_layers_contract_is_kept(monkeypatch):
    from importlinter.cli import lint_imports

    monkeypatch.chdir(ROOT)
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True) == 0


def test_an_upward_import_breaks_the_contract(tmp_path, monkeypatch):
    """The contract is not vacuous: a copy of the package where numbers imports plots
    (a low layer importing rendering) fails it."""
    import shutil
    import sys

    from importlinter.cli import lint_imports

    src = tmp_path / "src"
    shutil.copytree(ROOT / "src" / "psm_analysis", src / "psm_analysis")
    numbers = src / "psm_analysis" / "numbers.py"
    numbers.write_text(
        numbers.read_text(encoding="utf-8")
        + "\n\ndef _up():\n    from psm_analysis import plots\n",
        encoding="utf-8",
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(src))
    for name in [m for m in sys.modules if m == "psm_analysis" or m.startswith("psm_analysis.")]:
        monkeypatch.delitem(sys.modules, name)
    assert os.fspath(src) in sys.path[0]
    assert lint_imports(config_filename=str(tmp_path / "pyproject.toml"), no_cache=True) == 1
