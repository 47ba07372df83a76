"""Where the thesis places the figures and tables of the notebooks, and how it numbers
them: ``thesis.yml``.

Each figure and table has a place (*tempat*): a BAB, the Lampiran, or none ("tidak": shown
on its notebook's page, not numbered in the thesis). By default the results of every
notebook go into BAB V (hasil penelitian dan pembahasan, as the Ilmu Pemerintahan skripsi
of Universitas Islam Riau orders its chapters: II tinjauan pustaka and konsep
operasional, III metode, IV gambaran umum lokasi, V hasil, VI penutup). Numbers restart
in each BAB and follow the style of BAB I ("Tabel I.1"): "Tabel V.1", "Gambar V.1", ...,
in notebook order and, within a notebook, in the order it saved them; the Lampiran's are
"Tabel L.1". A notebook gives an item its place (``bab.export_table(..., tempat="lampiran")``);
``thesis.yml`` at the project root has the last word::

    bab: V           # the BAB of every notebook's figures and tables
    gaya: romawi     # "romawi": Tabel V.1; "arab": Tabel 5.1
    lampiran: L      # the Lampiran's numbers: Tabel L.1
    notebook:        # a BAB per notebook, where one differs
      "01": IV
    tempat:          # a place per figure or table (its stable name), where one differs
      03_uji_khi_kuadrat: lampiran
      01_daftar_tabel_dinas_sosial: tidak

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
#: The places that are not a BAB.
LAMPIRAN, NOWHERE = "lampiran", "tidak"
#: The default BAB of the results.
RESULTS_CHAPTER = 5
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


def parse_place(text: object) -> int | str | None:
    """A place as ``thesis.yml`` or ``tempat=`` gives it: ``"V"``/``"5"``/``5`` -> 5,
    ``"Lampiran"`` -> ``"lampiran"``, ``"tidak"`` -> ``"tidak"``; None for anything else.

    >>> [parse_place(x) for x in ("V", 4, "lampiran", "Tidak", "bab lima")]
    [5, 4, 'lampiran', 'tidak', None]
    """
    s = str(text).strip().lower()
    if s in (LAMPIRAN, NOWHERE):
        return s
    return _chapter_number(s)


@dataclass(frozen=True)
class Plan:
    """Which BAB each notebook's figures and tables go into, the places of single items,
    and the numbering style."""

    chapter: int = RESULTS_CHAPTER
    style: str = "romawi"
    notebooks: dict[str, int] = field(default_factory=dict)
    items: dict[str, int | str] = field(default_factory=dict)
    appendix: str = "L"

    def chapter_of(self, notebook: str | None) -> int:
        return self.notebooks.get(str(notebook), self.chapter)

    def place_of(self, name: str, notebook: str | None, tempat: object = None) -> int | str:
        """The place of figure/table ``name``: ``thesis.yml``'s ``tempat`` for it, else
        the notebook's ``tempat=``, else the notebook's BAB. A BAB number, "lampiran" or
        "tidak". Raises ``ValueError`` for a ``tempat=`` that is none of these."""
        if name in self.items:
            return self.items[name]
        if tempat is not None:
            place = parse_place(tempat)
            if place is None:
                raise ValueError(
                    f"tempat {tempat!r} tidak dikenal: BAB (mis. 'V'), 'lampiran' atau 'tidak'"
                )
            return place
        return self.chapter_of(notebook)

    def label_number(self, place: int | str, index: int) -> str:
        """``(4, 3)`` -> ``"IV.3"`` (romawi) or ``"4.3"`` (arab); ``("lampiran", 2)`` ->
        ``"L.2"``; ``("tidak", 1)`` -> ``""`` (not numbered)."""
        if place == NOWHERE:
            return ""
        return f"{self.place_text(place)}.{index}"

    def place_text(self, place: int | str) -> str:
        """The heading part of a place: ``"V"``, ``"5"``, ``"L"``, ``""``."""
        if place == LAMPIRAN:
            return self.appendix
        if place == NOWHERE:
            return ""
        return roman(int(place)) if self.style == "romawi" else str(place)

    def chapter_text(self, chapter: int) -> str:
        return roman(chapter) if self.style == "romawi" else str(chapter)


def place_rank(place: int | str) -> tuple[int, int]:
    """Thesis order of places: the BABs in order, then the Lampiran, then "tidak"."""
    if place == LAMPIRAN:
        return (1, 0)
    if place == NOWHERE:
        return (2, 0)
    return (0, int(place))


def place_heading(place: int | str, plan: Plan) -> str:
    """The Heading 1 of a place in the Word documents: "BAB V", "LAMPIRAN"."""
    return "LAMPIRAN" if place == LAMPIRAN else f"BAB {plan.chapter_text(int(place))}"


def _pairs(data: dict, key: str, shape: str, example: str, where: str, problems: list) -> dict:
    """``data[key]`` as a mapping (``{}`` when absent); anything else adds a problem
    ("harus berupa pasangan <shape>") and counts as ``{}``."""
    value = data.get(key) or {}
    if isinstance(value, dict):
        return value
    problems.append(
        Problem(f"harus berupa pasangan {shape}", file=where, column=key, expected=example)
    )
    return {}


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
    unknown = sorted(set(data) - {"bab", "gaya", "notebook", "tempat", "lampiran"})
    for key in unknown:
        problems.append(
            Problem(
                "kunci tidak dikenal",
                file=where,
                column=key,
                expected="bab, gaya, lampiran, notebook, tempat",
            )
        )
    chapter = _chapter_number(data.get("bab", RESULTS_CHAPTER))
    if chapter is None:
        problems.append(
            Problem(
                "BAB tidak dikenal",
                file=where,
                column="bab",
                value=data.get("bab"),
                expected="angka Romawi atau angka biasa, mis. V atau 5",
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
                expected="romawi (Tabel V.1) atau arab (Tabel 5.1)",
            )
        )
    notebooks: dict[str, int] = {}
    per_notebook = _pairs(
        data, "notebook", "nomor notebook: BAB", 'mis. "01": III', where, problems
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
    items: dict[str, int | str] = {}
    per_item = _pairs(
        data,
        "tempat",
        "nama gambar/tabel: tempat",
        "mis. 03_uji_khi_kuadrat: lampiran",
        where,
        problems,
    )
    for name, place in per_item.items():
        parsed = parse_place(place)
        if parsed is None:
            problems.append(
                Problem(
                    "tempat tidak dikenal",
                    file=where,
                    column=f"tempat.{name}",
                    value=place,
                    expected="BAB (mis. V), lampiran, atau tidak",
                )
            )
            continue
        items[str(name)] = parsed
    appendix = str(data.get("lampiran", "L")).strip()
    if not re.fullmatch(r"[A-Za-z]{1,3}", appendix):
        problems.append(
            Problem(
                "awalan nomor lampiran tidak dikenal",
                file=where,
                column="lampiran",
                value=data.get("lampiran"),
                expected="huruf, mis. L (Tabel L.1)",
            )
        )
        appendix = "L"
    DataError.collect(problems)
    return Plan(chapter or RESULTS_CHAPTER, style, notebooks, items, appendix)


def _order(rec: dict) -> tuple:
    nb = str(rec.get("notebook") or "")
    return (int(nb) if nb.isdigit() else 10**6, rec.get("index") or 0, rec.get("name", ""))


def record_place(rec: dict, plan: Plan) -> int | str:
    """The place of a sidecar record (its ``tempat``, overridden by ``thesis.yml``); a
    ``tempat`` not understood counts as the notebook's BAB."""
    try:
        return plan.place_of(rec["name"], rec.get("notebook"), rec.get("tempat"))
    except ValueError:
        return plan.chapter_of(rec.get("notebook"))


def assign(records: list[dict], plan: Plan) -> dict[str, dict[str, str]]:
    """The final number of every figure and table: ``{"figure": {name: "V.1"},
    "table": {...}}``, continuous per place and kind in notebook order, then the order in
    which each notebook saved them; "" for the ones placed nowhere.

    >>> recs = [
    ...     {"kind": "table", "name": "b", "notebook": "02", "index": 1},
    ...     {"kind": "table", "name": "a", "notebook": "01", "index": 2},
    ...     {"kind": "table", "name": "c", "notebook": "01", "index": 1},
    ...     {"kind": "table", "name": "d", "notebook": "01", "index": 3, "tempat": "lampiran"},
    ...     {"kind": "figure", "name": "f", "notebook": "02", "index": 1},
    ... ]
    >>> assign(recs, Plan())
    {'figure': {'f': 'V.1'}, 'table': {'c': 'V.1', 'a': 'V.2', 'd': 'L.1', 'b': 'V.3'}}
    """
    out: dict[str, dict[str, str]] = {"figure": {}, "table": {}}
    counters: dict[tuple[str, int | str], int] = {}
    for rec in sorted(records, key=_order):
        kind = rec.get("kind")
        if kind not in out or rec["name"] in out[kind]:
            continue
        place = record_place(rec, plan)
        counters[(kind, place)] = counters.get((kind, place), 0) + 1
        out[kind][rec["name"]] = plan.label_number(place, counters[(kind, place)])
    return out


def numbering_path(paths: Paths) -> Path:
    return paths.reports / NUMBERING_FILE


def numbered_later(paths: Paths) -> bool:
    """Whether what a notebook saves now gets its final number only after all notebooks
    ran, so its table files are best written then, once: inside ``reproduce``'s build
    (the outputs in its staging folder, not the project) when no earlier complete run
    left its numbering (``reports/penomoran.json``), as on a first build, where most
    numbers change (43 of the demo's 62 tables)."""
    return paths.out != paths.root and not numbering_path(paths).is_file()


def read_numbering(paths: Paths) -> dict:
    """The numbering of the last complete run (``{}`` when there is none)."""
    path = numbering_path(paths)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_numbering(paths: Paths, numbers: dict, order: dict[str, list[list[str]]]) -> Path:
    """Write ``reports/penomoran.json``: the numbers and, per kind, ``[notebook, name,
    place]`` in thesis order."""
    from psm_analysis.files import write_text

    path = numbering_path(paths)
    data = {"nomor": numbers, "urutan": order}
    write_text(path, json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n")
    return path


def provisional(
    paths: Paths, plan: Plan, kind: str, notebook: str, place: int | str, local_index: int
) -> str:
    """The number a notebook gives a figure/table while it runs: the count of its kind in
    its place in the earlier notebooks in the last complete run
    (``reports/penomoran.json``) plus its place in this notebook. When the earlier
    notebooks made as many as last time, this is already the final number;
    :func:`assign`, after all notebooks ran, has the last word."""
    data = read_numbering(paths)
    earlier = 0
    for entry in data.get("urutan", {}).get(kind, []):
        nb, name = entry[0], entry[1]
        where = entry[2] if len(entry) > 2 else plan.chapter_of(nb)
        if name in plan.items:
            where = plan.items[name]
        if where == place and nb.isdigit() and int(nb) < int(notebook):
            earlier += 1
    return plan.label_number(place, earlier + local_index)
