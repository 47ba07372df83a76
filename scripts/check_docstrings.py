"""numpydoc's validation of the docstrings of every library function the notebooks call.

The checks, exclusions and overrides are numpydoc's own, read from ``pyproject.toml``
(``[tool.numpydoc_validation]``) by numpydoc's ``parse_config``; each function is validated
with ``numpydoc.validate.validate``. What this file adds is only the choice of functions:
those the notebooks call, found from the notebooks' imports of ``psm_analysis`` modules and
names, and the chapter object that ``notebook.setup`` returns (``bab.save_figure(...)``).
(``numpydoc lint FILES`` validates every function of whole files, most of which no reader
calls.)

    python scripts/check_docstrings.py        # make lint runs it; exit 1 on any finding

tests/test_docstrings.py runs it too.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import sys
from pathlib import Path

from numpydoc.hooks.validate_docstrings import parse_config
from numpydoc.validate import validate

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"


def notebook_calls(source: str) -> set[tuple[str, str]]:
    """``(module or "module.Chapter", name)`` of each psm_analysis function called."""
    tree = ast.parse(source)
    alias: dict[str, tuple[str, ...]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("psm_analysis"):
            for a in node.names:
                full = f"{node.module}.{a.name}"
                try:
                    importlib.import_module(full)
                    alias[a.asname or a.name] = ("mod", full)
                except ImportError:
                    alias[a.asname or a.name] = ("obj", node.module, a.name)
    for node in ast.walk(tree):
        # ``bab = notebook.setup("03")``: bab is a Chapter
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Attribute)
            and node.value.func.attr == "setup"
            and isinstance(node.value.func.value, ast.Name)
            and alias.get(node.value.func.value.id) == ("mod", "psm_analysis.notebook")
        ):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    alias[target.id] = ("mod", "psm_analysis.notebook.Chapter")
    calls = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name):
            entry = alias.get(f.value.id)
            if entry and entry[0] == "mod":
                calls.add((entry[1], f.attr))
        elif isinstance(f, ast.Name) and alias.get(f.id, ("",))[0] == "obj":
            calls.add(alias[f.id][1:])
    return calls


def all_notebook_calls() -> set[tuple[str, str]]:
    """The calls of every numbered notebook in ``notebooks/``."""
    calls = set()
    for nb in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.py")):
        calls |= notebook_calls(nb.read_text(encoding="utf-8"))
    return calls


def functions(calls) -> dict[str, object]:
    """The called functions and methods (classes and other objects left out), by the
    dotted name of their definition (a re-exported function under its own module)."""
    out = {}
    for module, name in sorted(calls):
        if module.endswith(".Chapter"):
            obj = getattr(importlib.import_module(module.removesuffix(".Chapter")).Chapter, name)
        else:
            obj = getattr(importlib.import_module(module), name)
        if inspect.isclass(obj) or not inspect.isroutine(obj):
            continue
        out[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return out


def findings(names, config: dict | None = None) -> list[str]:
    """numpydoc's findings for the functions named (dotted paths), as ``numpydoc lint``
    prints them (``file:line: CODE message``), after the configured checks, exclusions and
    overrides."""
    config = config or parse_config(ROOT)
    out = []
    for name in sorted(names):
        if config["exclude"] and re.search(config["exclude"], name):
            continue
        report = validate(name)
        doc = report["docstring"] or ""
        where = f"{Path(report['file']).resolve().relative_to(ROOT)}:{report['file_line']}"
        for code, message in report["errors"]:
            if code not in config["checks"]:
                continue
            override = config["overrides"].get(code)
            if override is not None and override.search(doc):
                continue
            out.append(f"{where}: {code} {name}: {message}")
    return out


def main() -> int:
    found = findings(functions(all_notebook_calls()))
    print("\n".join(found) if found else "numpydoc: every function the notebooks call passes")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
