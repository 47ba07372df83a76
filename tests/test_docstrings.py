"""Every public function a notebook calls documents itself in numpydoc form (issue 8,
item 9): a "Parameters" section naming each parameter, a "Returns" section, and a
"Raises" section when its source raises (or its docstring mentions) DataError,
ValueError or KeyError.

The functions are found the way a reader would: from the notebooks' own imports of
psm_analysis modules and names, and the chapter object that ``notebook.setup`` returns
(``bab.save_figure(...)``). The numpydoc section format is the one in the numpydoc style
guide (https://numpydoc.readthedocs.io/en/latest/format.html): a title line followed by
a line of hyphens as long as the title.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"

#: Exceptions a caller can get that a docstring must name under "Raises".
CALLER_ERRORS = ("DataError", "ValueError", "KeyError")


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


def resolve(module: str, name: str):
    if module.endswith(".Chapter"):
        return getattr(importlib.import_module(module[: -len(".Chapter")]).Chapter, name)
    return getattr(importlib.import_module(module), name)


def _section(doc: str, title: str) -> str | None:
    """The body of numpydoc section ``title`` (up to the next section), or None."""
    m = re.search(rf"^{title}\n-{{{len(title)}}}\n", doc, flags=re.M)
    if not m:
        return None
    rest = doc[m.end() :]
    nxt = re.search(r"^\w[\w ]*\n-{3,}\n", rest, flags=re.M)
    return rest[: nxt.start()] if nxt else rest


def _documented_names(section: str) -> set[str]:
    """Parameter names at the start of numpydoc entries ("a, b : int" names two)."""
    names = set()
    for line in section.splitlines():
        if not line or line[0].isspace():
            continue
        head = line.split(" : ")[0]
        names.update(n.strip() for n in head.split(","))
    return names


def docstring_gaps(func) -> list[str]:
    """What ``func``'s docstring lacks; empty when it is complete."""
    doc = inspect.getdoc(func) or ""
    gaps = []
    params = []
    for p in inspect.signature(func).parameters.values():
        if p.name in ("self", "cls"):
            continue
        prefix = {p.VAR_POSITIONAL: "*", p.VAR_KEYWORD: "**"}.get(p.kind, "")
        params.append(prefix + p.name)
    if params:
        section = _section(doc, "Parameters")
        if section is None:
            gaps.append("Parameters")
        else:
            named = _documented_names(section)
            missing = [p for p in params if p not in named and p.lstrip("*") not in named]
            if missing:
                gaps.append(f"Parameters lacks {missing}")
    if _section(doc, "Returns") is None:
        gaps.append("Returns")
    try:
        source = inspect.getsource(func)
    except (OSError, TypeError):
        source = ""
    raised = [e for e in CALLER_ERRORS if re.search(rf"raise {e}\b", source) or e in doc]
    if raised:
        section = _section(doc, "Raises")
        if section is None:
            gaps.append(f"Raises ({', '.join(raised)})")
        else:
            missing = [e for e in raised if e not in section]
            if missing:
                gaps.append(f"Raises lacks {missing}")
    return gaps


def _all_notebook_calls() -> set[tuple[str, str]]:
    calls = set()
    for nb in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.py")):
        calls |= notebook_calls(nb.read_text(encoding="utf-8"))
    return calls


def test_finder_sees_module_name_and_chapter_calls():
    source = (
        "from psm_analysis import notebook, spread\n"
        "from psm_analysis.numbers import format_number as angka\n"
        "bab = notebook.setup('03')\n"
        "angka(3)\n"
        "spread.format_p(0.5)\n"
        "bab.save_figure(fig, 'x')\n"
    )
    assert notebook_calls(source) == {
        ("psm_analysis.notebook", "setup"),
        ("psm_analysis.numbers", "format_number"),
        ("psm_analysis.spread", "format_p"),
        ("psm_analysis.notebook.Chapter", "save_figure"),
    }


def test_checker_finds_a_planted_undocumented_function():
    def planted(df, pct=True):
        """Summarise ``df``."""
        if pct:
            raise ValueError("no")
        return df

    assert docstring_gaps(planted) == ["Parameters", "Returns", "Raises (ValueError)"]

    def half(df, pct=True):
        """Summarise.

        Parameters
        ----------
        df : DataFrame
            Input.

        Returns
        -------
        DataFrame
            Output.

        Raises
        ------
        KeyError
            Never.
        """
        if pct:
            raise ValueError("no")
        return df

    assert docstring_gaps(half) == ["Parameters lacks ['pct']", "Raises lacks ['ValueError']"]


def test_checker_accepts_a_complete_docstring():
    def whole(a, b, *rest, **kwargs):
        """Sum.

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

    assert docstring_gaps(whole) == []


def test_every_function_the_notebooks_call_has_a_numpydoc_docstring():
    calls = _all_notebook_calls()
    assert len(calls) > 60  # the five notebooks call ~85 library functions
    gaps = {}
    for module, name in sorted(calls):
        obj = resolve(module, name)
        if inspect.isclass(obj) or not callable(obj):
            continue
        found = docstring_gaps(obj)
        if found:
            gaps[f"{module}.{name}"] = found
    assert gaps == {}
