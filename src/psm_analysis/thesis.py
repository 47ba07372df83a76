"""How the thesis numbers the figures and tables of the notebooks: ``thesis.yml``.

The results of every notebook go into one BAB of the thesis (by default BAB IV) and are
numbered the way the thesis numbers the tables of BAB I ("Tabel I.1"): "Tabel IV.1",
"Tabel IV.2", ... and "Gambar IV.1", ..., continuously in notebook order and, within a
notebook, in the order it saved them. ``thesis.yml`` at the project root may say
otherwise::

    bab: IV          # the BAB of every notebook's figures and tables
    gaya: romawi     # "romawi": Tabel IV.1; "arab": Tabel 4.1
    notebook:        # a BAB per notebook, where one differs
      "01": III

A missing file means the defaults. Notebooks run in parallel, so a notebook cannot know
how many tables the notebooks before it made: :func:`assign` gives the final numbers
from all sidecar records once every notebook has run, and :func:`write_numbering` keeps
them in ``reports/penomoran.json``, from which a notebook run alone takes its numbers
(:func:`provisional`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from psm_analysis import csvtext
from psm_analysis.config import Paths, display_path, get_paths
from psm_analysis.errors import DataError, Problem

#: The file at the project root.
THESIS_FILE = "thesis.yml"
#: The numbers of the last complete run, under reports/.
NUMBERING_FILE = "penomoran.json"
STYLES = ("romawi", "arab")
_ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(n: int) -> str:
    """``4`` -> ``"IV"`` (1 to 39, enough for the chapters of a thesis).

    >>> [roman(n) for n in (1, 4, 9, 14)]
    ['I', 'IV', 'IX', 'XIV']
    """
    if not 1 <= n < 40:
        raise ValueError(f"chapter number out of range: {n}")
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def _chapter_number(text: str) -> int | None:
    """``"IV"``, ``"iv"``, ``"4"`` or ``4`` -> 4; None for anything else."""
    s = str(text).strip().upper()
    if s.isdigit():
        return int(s) if 1 <= int(s) < 40 else None
    for n in range(1, 40):
        if roman(n) == s:
            return n
    return None


@dataclass(frozen=True)
class Plan:
    """Which BAB each notebook's figures and tables go into, and the style."""

    chapter: int = 4
    style: str = "romawi"
    notebooks: dict[str, int] = field(default_factory=dict)

    def chapter_of(self, notebook: str | None) -> int:
        return self.notebooks.get(str(notebook), self.chapter)

    def label_number(self, chapter: int, index: int) -> str:
        """``(4, 3)`` -> ``"IV.3"`` (romawi) or ``"4.3"`` (arab)."""
        head = roman(chapter) if self.style == "romawi" else str(chapter)
        return f"{head}.{index}"

    def chapter_text(self, chapter: int) -> str:
        return roman(chapter) if self.style == "romawi" else str(chapter)


def load_plan(paths: Paths | None = None) -> Plan:
    """``thesis.yml`` of the project (defaults when there is none).

    Raises
    ------
    DataError
        The file is not YAML, or names a BAB or style that does not exist.
    """
    import yaml

    paths = paths or get_paths()
    path = paths.root / THESIS_FILE
    if not path.is_file():
        return Plan()
    where = display_path(path, paths)
    text = csvtext.read_decoded(path, where)  # UTF-8, BOM, UTF-16 or cp1252 (Notepad)
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as err:
        raise DataError(csvtext.yaml_problem(err, where)) from None
    if not isinstance(data, dict):
        raise DataError(Problem("isi berkas harus berupa pasangan kunci: nilai", file=where))
    problems = []
    unknown = sorted(set(data) - {"bab", "gaya", "notebook"})
    for key in unknown:
        problems.append(
            Problem("kunci tidak dikenal", file=where, column=key, expected="bab, gaya, notebook")
        )
    chapter = _chapter_number(data.get("bab", "IV"))
    if chapter is None:
        problems.append(
            Problem(
                "BAB tidak dikenal",
                file=where,
                column="bab",
                value=data.get("bab"),
                expected="angka Romawi atau angka biasa, mis. IV atau 4",
            )
        )
    style = str(data.get("gaya", "romawi")).strip().lower()
    if style not in STYLES:
        problems.append(
            Problem(
                "gaya penomoran tidak dikenal",
                file=where,
                column="gaya",
                value=data.get("gaya"),
                expected="romawi (Tabel IV.1) atau arab (Tabel 4.1)",
            )
        )
    notebooks: dict[str, int] = {}
    per_notebook = data.get("notebook") or {}
    if not isinstance(per_notebook, dict):
        per_notebook = {}
        problems.append(
            Problem(
                "harus berupa pasangan nomor notebook: BAB",
                file=where,
                column="notebook",
                expected='mis. "01": III',
            )
        )
    for nb, bab in per_notebook.items():
        n = _chapter_number(bab)
        key = str(nb).zfill(2) if str(nb).isdigit() else str(nb)
        if n is None or not re.fullmatch(r"\d{2,3}", key):
            problems.append(
                Problem(
                    "notebook atau BAB tidak dikenal",
                    file=where,
                    column=f"notebook.{nb}",
                    value=bab,
                    expected='nomor notebook dan BAB, mis. "01": III',
                )
            )
            continue
        notebooks[key] = n
    DataError.collect(problems)
    return Plan(chapter or 4, style, notebooks)


def _order(rec: dict) -> tuple:
    nb = str(rec.get("notebook") or "")
    return (int(nb) if nb.isdigit() else 10**6, rec.get("index") or 0, rec.get("name", ""))


def assign(records: list[dict], plan: Plan) -> dict[str, dict[str, str]]:
    """The final number of every figure and table: ``{"figure": {name: "IV.1"},
    "table": {...}}``, continuous per BAB and kind in notebook order, then the order in
    which each notebook saved them.

    >>> recs = [
    ...     {"kind": "table", "name": "b", "notebook": "02", "index": 1},
    ...     {"kind": "table", "name": "a", "notebook": "01", "index": 2},
    ...     {"kind": "table", "name": "c", "notebook": "01", "index": 1},
    ...     {"kind": "figure", "name": "f", "notebook": "02", "index": 1},
    ... ]
    >>> assign(recs, Plan())
    {'figure': {'f': 'IV.1'}, 'table': {'c': 'IV.1', 'a': 'IV.2', 'b': 'IV.3'}}
    """
    out: dict[str, dict[str, str]] = {"figure": {}, "table": {}}
    counters: dict[tuple[str, int], int] = {}
    for rec in sorted(records, key=_order):
        kind = rec.get("kind")
        if kind not in out or rec["name"] in out[kind]:
            continue
        chapter = plan.chapter_of(rec.get("notebook"))
        counters[(kind, chapter)] = counters.get((kind, chapter), 0) + 1
        out[kind][rec["name"]] = plan.label_number(chapter, counters[(kind, chapter)])
    return out


def numbering_path(paths: Paths) -> Path:
    return paths.reports / NUMBERING_FILE


def read_numbering(paths: Paths) -> dict:
    """The numbering of the last complete run (``{}`` when there is none)."""
    path = numbering_path(paths)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_numbering(paths: Paths, numbers: dict, order: dict[str, list[list[str]]]) -> Path:
    """Write ``reports/penomoran.json``: the numbers and, per kind, ``[notebook, name]``
    in thesis order."""
    from psm_analysis.files import write_text

    path = numbering_path(paths)
    data = {"nomor": numbers, "urutan": order}
    write_text(path, json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n")
    return path


def provisional(paths: Paths, plan: Plan, kind: str, notebook: str, local_index: int) -> str:
    """The number a notebook gives figure/table ``name`` while it runs: the count of
    its kind in the earlier notebooks of its BAB in the last complete run
    (``reports/penomoran.json``) plus its place in this notebook. When the earlier
    notebooks made as many as last time, this is already the final number;
    :func:`assign`, after all notebooks ran, has the last word."""
    data = read_numbering(paths)
    chapter = plan.chapter_of(notebook)
    earlier = 0
    for nb, _ in data.get("urutan", {}).get(kind, []):
        if plan.chapter_of(nb) == chapter and nb.isdigit() and int(nb) < int(notebook):
            earlier += 1
    return plan.label_number(chapter, earlier + local_index)
