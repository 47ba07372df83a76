"""Reading and validating questionnaire answers.

Accepted inputs (the format is recognised from the file, not from its name):

- the data-entry workbook written by :func:`psm_analysis.survey.template.write_template`
  (sheet ``Data``; header row of column ids, optionally a second row with the statements),
  or any ``.xlsx`` whose first sheet has the codebook's columns;
- CSV with a comma or semicolon separator, UTF-8 with or without BOM, or cp1252 (what
  Excel in an Indonesian locale writes: ``;`` and decimal comma), decoded by
  :mod:`psm_analysis.csvtext`;
- a Google Forms export (``.csv`` or ``.xlsx``): first column ``Timestamp`` /
  ``Stempel waktu``, optional ``Email Address`` / ``Alamat email``, headers are the full
  statements and labels, answers are scale labels (``Setuju``) or numbers. Google Forms
  adds `` 2``, `` 3``... to a repeated title; the n-th item with that statement is meant.
  A "Multiple choice grid" (the usual Likert layout) gives one column per grid row, titled
  ``Title [row text]``: the row text is matched to the item.

A column title equals a codebook statement or label when they differ only in case,
spacing, quote characters or trailing punctuation; a title close to one (a typo, an
edited copy) is reported with ``maksud Anda: ...``. The column codes may sit on row 2 or
3, under group titles ("Profil", "Variabel X", often merged cells); codes found further
down are reported with their row. A scale answer may carry its label: ``4 (Setuju)``,
``4 - Setuju``, ``4. Setuju`` (the number and the label must agree).

Every problem in a file is collected (unknown or missing columns, a value outside the
scale, text where a number belongs, a duplicate respondent id, an empty row between
filled ones, a missing answer where the codebook forbids it, ...) and reported at once;
each names the file, the sheet, the row number as Excel shows it and the column header.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from psm_analysis import csvtext
from psm_analysis.errors import DataError, Problem, display_path
from psm_analysis.survey.codebook import Codebook, ProfileField, load_survey_codebook
from psm_analysis.survey.instrument import PILOT_FOLDER, pilot_codebook

ANSWER_SUFFIXES = (".xlsx", ".xlsm", ".ods", ".csv")
TIMESTAMP_HEADERS = {"timestamp", "stempel waktu", "cap waktu"}
EMAIL_HEADERS = {"email address", "alamat email", "email", "surel"}
DATA_SHEET = "Data"
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
#: A scale value written with its label: "4 (Setuju)", "4 - Setuju", "4. Setuju".
_SCALE_WITH_LABEL = re.compile(
    r"^\s*(\d+)\s*(?:\(\s*(.+?)\s*\)|(?:[-\u2013\u2014.:=]|\s)\s*(.+?))\s*$"
)


@dataclass
class RawTable:
    """Cells of one input file before validation."""

    file: str
    sheet: str | None
    header: list[str]
    rows: list[tuple[int, list[object]]]  # (row number as shown, cells)
    kind: str  # "xlsx", "csv", "google_forms"
    header_row: int = 1  # the last row above the answers (2 when statements follow codes)
    header_at: int = 1  # the row holding the column codes or titles


@dataclass
class Answers:
    """Validated answers of one file: one row per respondent.

    ``data`` has the id column (text), the profile fields (text or numbers, canonical
    spelling of choices) and one column per item holding the raw answer (``Int64``,
    missing as ``<NA>``); ``rows`` the row number of each respondent in the file.
    """

    file: str
    sheet: str | None
    kind: str
    data: pd.DataFrame
    rows: list[int] = field(default_factory=list)


def _norm(text: object) -> str:
    return " ".join(str(text).replace("\u00a0", " ").split()).casefold()


def _is_empty(v: object) -> bool:
    return v is None or (isinstance(v, str) and not v.strip()) or (isinstance(v, float) and v != v)


def _show(v: object) -> object:
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


# ---------------------------------------------------------------------------------------
# Reading files into RawTable
# ---------------------------------------------------------------------------------------


def read_answers_table(path: str | Path, codebook: Codebook | None = None) -> RawTable:
    """Read the cells of an answers file (xlsx or csv) without validating them.

    Raises
    ------
    DataError
        When the file cannot be read at all (unknown extension, damaged file, no header).
    """
    path = Path(path)
    file = display_path(path)
    suffix = path.suffix.lower()
    if suffix not in ANSWER_SUFFIXES:
        raise DataError(
            Problem(
                "jenis berkas jawaban tidak didukung",
                file=file,
                value=path.suffix or "(tanpa ekstensi)",
                expected=", ".join(ANSWER_SUFFIXES),
            )
        )
    if suffix == ".csv":
        table = _read_csv(path, file)
    elif suffix == ".ods":
        table = _read_ods(path, file)
    else:
        table = _read_xlsx(path, file)
    if codebook is not None:
        _find_header_row(table, codebook)
    if not any(not _is_empty(h) for h in table.header):
        raise DataError(
            Problem("berkas tidak punya baris judul kolom", file=file, sheet=table.sheet, row=1)
        )
    # the template's row 2 (statements), kept too when Excel saves the template as CSV
    if codebook is not None and table.rows:
        if _is_label_row(table.rows[0][1], table.header, codebook):
            table.rows = table.rows[1:]
            table.header_row = table.header_at + 1
    if _norm(table.header[0]) in TIMESTAMP_HEADERS:
        table.kind = "google_forms"
    return table


def _read_xlsx(path: Path, file: str) -> RawTable:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(path, data_only=True, read_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as err:
        raise DataError(
            Problem(f"berkas Excel tidak dapat dibuka ({type(err).__name__})", file=file)
        ) from None
    ws = wb[DATA_SHEET] if DATA_SHEET in wb.sheetnames else wb.worksheets[0]
    values = [list(r) for r in ws.iter_rows(values_only=True)]
    wb.close()
    if not values:
        return RawTable(file, ws.title, [], [], "xlsx")
    header = ["" if v is None else str(v).strip() for v in values[0]]
    rows = [(i + 2, list(r)) for i, r in enumerate(values[1:])]
    return RawTable(file, ws.title, header, rows, "xlsx")


def _read_ods(path: Path, file: str) -> RawTable:
    """An ``.ods`` workbook (LibreOffice, WPS): its ``Data`` sheet, else the first."""
    from psm_analysis.sheets import ods_grid

    values, sheet = ods_grid(path, file, (DATA_SHEET,))
    if not values:
        return RawTable(file, sheet, [], [], "xlsx")
    header = ["" if v is None else str(v).strip() for v in values[0]]
    return RawTable(file, sheet, header, [(i + 2, r) for i, r in enumerate(values[1:])], "xlsx")


#: Rows searched for the column codes: a sheet may put group titles ("Profil",
#: "Variabel X", often merged cells) above them. Codes found on a later row are reported.
HEADER_ROWS = 3
_HEADER_SEARCH = 10


def _find_header_row(table: RawTable, codebook: Codebook) -> None:
    """Move the header to row 2 or 3 when the column codes (or titles) are there rather
    than on row 1; codes found further down (up to row 10) are a located problem."""
    index = _HeaderIndex(codebook)
    candidates = [(1, table.header)] + [
        (row, ["" if _is_empty(c) else str(c).strip() for c in cells])
        for row, cells in table.rows[: _HEADER_SEARCH - 1]
    ]
    hits = [(sum(index.lookup(h) is not None for h in cells), row) for row, cells in candidates]
    best, row = max(hits, key=lambda t: (t[0], -t[1]))
    if best == 0 or row == 1 or hits[0][0] * 2 >= best:
        return  # row 1 holds the codes (the statements under them match as well)
    if row > HEADER_ROWS:
        raise DataError(
            Problem(
                f"kode kolom ditemukan di baris {row}, bukan di baris judul",
                file=table.file,
                sheet=table.sheet,
                row=row,
                expected=f"kode kolom di baris 1 (paling bawah baris {HEADER_ROWS}, di bawah "
                "judul kelompok); hapus baris di atasnya",
            )
        )
    position = next(i for i, (r, _) in enumerate(table.rows) if r == row)
    table.header = candidates[position + 1][1]
    table.rows = table.rows[position + 1 :]
    table.header_at = table.header_row = row


def _is_label_row(cells: list[object], header: list[str], codebook: Codebook) -> bool:
    """True when the row under the header repeats the statements (template row 2)."""
    ids = {c.casefold(): c for c in codebook.columns}
    hits = total = 0
    for h, v in zip(header, cells, strict=False):
        if _is_empty(v) or h.casefold() not in ids:
            continue
        total += 1
        hits += _norm(v) == _norm(codebook.label_of(ids[h.casefold()]))
    return total > 0 and hits * 2 >= total


def _read_csv(path: Path, file: str) -> RawTable:
    text, sep = csvtext.read_text(path, file)
    header: list[str] = []
    rows: list[tuple[int, list[object]]] = []
    for i, (start, record) in enumerate(csvtext.records(text, sep)):
        if i == 0:
            header = [h.strip() for h in record]
        else:
            rows.append((start, [c if c.strip() else None for c in record]))
    return RawTable(file, None, header, rows, "csv")


# ---------------------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------------------


class _Ctx:
    def __init__(self, table: RawTable):
        self.table = table
        self.problems: list[Problem] = []

    def add(self, message, row=None, column=None, value=None, expected=None):
        self.problems.append(
            Problem(
                message,
                file=self.table.file,
                sheet=self.table.sheet,
                row=row,
                column=column,
                value=value,
                expected=expected,
            )
        )


#: Quote characters that a title may carry or lose on the way through a form tool.
_QUOTES = "\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u00ab\u00bb`\u00b4"
_TRAILING = ".,;:!?\u2026 "
#: Google Forms "Multiple choice grid": one column per grid row, titled "Title [row text]".
_GRID = re.compile(r"^(?P<title>.*?)\s*\[(?P<row>[^\[\]]+)\]\s*$")


def _loose(text: object) -> str:
    """A title compared without case, spacing, quote characters or trailing punctuation.

    >>> _loose(' \u201cSaya  membantu warga\u201d. ')
    'saya membantu warga'
    """
    s = str(text).replace("\u00a0", " ")
    s = "".join(c for c in s if c not in _QUOTES)
    return " ".join(s.split()).casefold().rstrip(_TRAILING)


class _HeaderIndex:
    """Finds the codebook column a header means: its id, its statement or label (loosely
    compared), Google Forms' "statement 2" for a repeated title, or the row text of a
    Google Forms grid column "Title [row text]"."""

    def __init__(self, codebook: Codebook):
        self.by_id = {c.casefold(): c for c in codebook.columns}
        self.by_label: dict[str, list[str]] = {}
        for c in codebook.columns:
            self.by_label.setdefault(_loose(codebook.label_of(c)), []).append(c)
        self.codebook = codebook

    def _direct(self, h: str) -> str | None:
        target = self.by_id.get(h.strip().casefold())
        if target is None and _loose(h) in self.by_label:
            target = self.by_label[_loose(h)][0]
        if target is None:
            m = re.match(r"^(.*\S)\s+(\d+)$", h.strip())
            if m and _loose(m.group(1)) in self.by_label:
                same = self.by_label[_loose(m.group(1))]
                n = int(m.group(2))
                if 2 <= n <= len(same):
                    target = same[n - 1]
        return target

    def lookup(self, h: object) -> str | None:
        if _is_empty(h):
            return None
        h = str(h)
        target = self._direct(h)
        if target is None:
            m = _GRID.match(h)
            if m:
                target = self._direct(m.group("row"))
        return target

    def near(self, h: str) -> str | None:
        """The statement or label closest to ``h`` (with its column id), when close
        enough to be a typo or an edited copy; else None."""
        import difflib

        m = _GRID.match(h)
        key = _loose(m.group("row") if m else h)
        labels = {k: v[0] for k, v in self.by_label.items()}
        found = difflib.get_close_matches(key, list(labels), n=1, cutoff=0.85)
        if not found:
            return None
        col = labels[found[0]]
        return f'"{self.codebook.label_of(col)}" ({col})'


def _map_headers(table: RawTable, codebook: Codebook, ctx: _Ctx) -> dict[int, str]:
    """Column index -> codebook column id; problems for unknown, duplicate, missing."""
    index = _HeaderIndex(codebook)
    gf = table.kind == "google_forms"
    mapping: dict[int, str] = {}
    hrow = table.header_at
    for j, h in enumerate(table.header):
        if _is_empty(h):
            has_data = any(j < len(cells) and not _is_empty(cells[j]) for _, cells in table.rows)
            if has_data:
                ctx.add("kolom tanpa judul berisi data", hrow, f"(kolom ke-{j + 1})")
            continue
        key = _norm(h)
        if gf and j == 0 and key in TIMESTAMP_HEADERS:
            continue
        if gf and key in EMAIL_HEADERS:
            continue
        target = index.lookup(h)
        if target is None:
            near = index.near(h)
            ctx.add(
                "kolom tidak dikenal dalam buku kode" + (f"; maksud Anda: {near}?" if near else ""),
                hrow,
                h,
                expected="kode kolom atau pernyataan dari buku kode "
                f"({codebook.path}), mis. {', '.join(codebook.columns[:3])}",
            )
            continue
        if target in mapping.values():
            ctx.add("kolom muncul dua kali", hrow, h, expected=f"satu kolom '{target}'")
            continue
        mapping[j] = target
    present = set(mapping.values())
    for c in codebook.columns:
        if c in present:
            continue
        if c == codebook.id_column and gf:
            continue  # Google Forms: ids are given by row order
        ctx.add("kolom wajib tidak ada", hrow, c, expected=f"kolom '{c}' ({codebook.label_of(c)})")
    return mapping


def _parse_number(v: object) -> float | None:
    """A number from a cell (int, float or text with a decimal point or comma)."""
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, str):
        s = v.strip().replace("\u00a0", "")
        if _NUMBER.match(s):
            return float(s.replace(",", "."))
    return None


def _check_profile(f: ProfileField, v: object, row: int, header: str, ctx: _Ctx):
    if _is_empty(v):
        if f.required:
            ctx.add("isian profil wajib diisi", row, header, None, f.allowed_text())
        return None
    if f.type == "choice":
        text = _norm(v.isoformat() if isinstance(v, _dt.date) else _show(v))
        for c in f.choices:
            if _norm(c) == text:
                return c
        ctx.add("pilihan tidak dikenal", row, header, _show(v), f.allowed_text())
        return None
    if f.type in ("integer", "number"):
        x = _parse_number(v)
        if x is None:
            ctx.add(
                "teks di tempat yang harus berisi angka", row, header, _show(v), f.allowed_text()
            )
            return None
        if f.type == "integer" and not x.is_integer():
            ctx.add("harus bilangan bulat", row, header, _show(v), f.allowed_text())
            return None
        if (f.min is not None and x < f.min) or (f.max is not None and x > f.max):
            ctx.add("angka di luar rentang yang diizinkan", row, header, _show(v), f.allowed_text())
            return None
        return int(x) if f.type == "integer" else x
    return str(_show(v)).strip()


def _check_answer(codebook: Codebook, item_id: str, v: object, row: int, header: str, ctx: _Ctx):
    item = codebook.item(item_id)
    scale = codebook.scale_of_item(item_id)
    allowed = scale.allowed_text()
    if _is_empty(v):
        if not codebook.item_missing_allowed(item):
            ctx.add("jawaban kosong, padahal butir ini wajib dijawab", row, header, None, allowed)
        return None
    x = _parse_number(v)
    labelled = _SCALE_WITH_LABEL.match(v) if isinstance(v, str) and x is None else None
    if labelled:  # "4 (Setuju)", "4 - Setuju", "4. Setuju"
        n, label = int(labelled.group(1)), labelled.group(2) or labelled.group(3)
        if n in scale.values and _loose(scale.values[n]) == _loose(label):
            return n
        ctx.add("angka dan label skala tidak cocok", row, header, _show(v), allowed)
        return None
    if x is None:
        key = _loose(v)
        for value, label in scale.values.items():
            if _loose(label) == key:
                return value
        ctx.add("teks di tempat yang harus berisi angka skala", row, header, _show(v), allowed)
        return None
    if not x.is_integer() or int(x) not in scale.values:
        ctx.add("nilai di luar skala jawaban", row, header, _show(v), allowed)
        return None
    return int(x)


def validate_table(table: RawTable, codebook: Codebook) -> tuple[Answers | None, list[Problem]]:
    """Check every cell of ``table`` against ``codebook``.

    Returns the :class:`Answers` (``None`` when the columns themselves are wrong) and
    the list of every problem found (empty when the file is valid).
    """
    ctx = _Ctx(table)
    mapping = _map_headers(table, codebook, ctx)
    columns_wrong = bool(ctx.problems)
    width = len(table.header)
    # trailing empty rows are fine; an empty row between filled ones is not
    rows = list(table.rows)
    while rows and all(_is_empty(c) for c in rows[-1][1]):
        rows.pop()
    if not rows:
        ctx.add(
            "tidak ada baris jawaban",
            table.header_row + 1,
            expected="paling sedikit satu responden",
        )
    records, row_numbers = [], []
    first_seen: dict[str, int] = {}
    header_of = {col: table.header[j] for j, col in mapping.items()}
    for n, (row, cells) in enumerate(rows):
        if all(_is_empty(c) for c in cells):
            ctx.add(
                "baris kosong di antara baris yang berisi",
                row,
                None,
                expected="hapus baris kosong ini",
            )
            continue
        if len(cells) > width and any(not _is_empty(c) for c in cells[width:]):
            ctx.add(
                "baris berisi lebih banyak sel daripada jumlah judul kolom",
                row,
                f"(kolom ke-{width + 1})",
                _show(next(c for c in cells[width:] if not _is_empty(c))),
                f"{width} kolom",
            )
        rec: dict[str, object] = {}
        for j, col in mapping.items():
            v = cells[j] if j < len(cells) else None
            header = header_of[col]
            if col == codebook.id_column:
                if _is_empty(v):
                    ctx.add(
                        "nomor responden kosong", row, header, None, "nomor responden yang unik"
                    )
                    rec[col] = None
                    continue
                rid = str(_show(v)).strip()
                if rid.casefold() in first_seen:
                    ctx.add(
                        f"nomor responden ganda (sudah dipakai di baris {first_seen[rid.casefold()]})",
                        row,
                        header,
                        rid,
                        "nomor responden yang unik",
                    )
                else:
                    first_seen[rid.casefold()] = row
                rec[col] = rid
            elif col in {p.id for p in codebook.profile}:
                rec[col] = _check_profile(codebook.profile_field(col), v, row, header, ctx)
            else:
                rec[col] = _check_answer(codebook, col, v, row, header, ctx)
        if codebook.id_column not in mapping.values():  # Google Forms without an id question
            rec[codebook.id_column] = f"R{n + 1:02d}"
        records.append(rec)
        row_numbers.append(row)
    if columns_wrong:
        return None, ctx.problems
    data = _frame(records, codebook)
    return Answers(table.file, table.sheet, table.kind, data, row_numbers), ctx.problems


def _frame(records: list[dict], codebook: Codebook) -> pd.DataFrame:
    cols = codebook.columns
    df = pd.DataFrame.from_records(records, columns=cols)
    df[codebook.id_column] = df[codebook.id_column].astype("string")
    for f in codebook.profile:
        if f.type == "integer":
            df[f.id] = pd.array(df[f.id].tolist(), dtype="Int64")
        elif f.type == "number":
            df[f.id] = pd.array(df[f.id].tolist(), dtype="Float64")
        else:
            df[f.id] = df[f.id].astype("string")
    for item in codebook.items:
        df[item.id] = pd.array(df[item.id].tolist(), dtype="Int64")
    return df


def read_answers(path: str | Path, codebook: Codebook) -> Answers:
    """Read and validate one answers file; raise one :class:`DataError` with every
    problem, or return the :class:`Answers`."""
    table = read_answers_table(path, codebook)
    answers, problems = validate_table(table, codebook)
    DataError.collect(problems)
    assert answers is not None  # no problems means the columns were right
    return answers


def validate_file(path: str | Path, codebook: str | Path | Codebook | None = None) -> list[Problem]:
    """Every problem in an answers file (empty list: valid). Writes nothing.

    Parameters
    ----------
    path : str or Path
        The answers file (.xlsx or .csv, template, plain CSV or Google Forms export). A
        file in a ``uji_coba`` folder is a pilot: its profile columns are read as optional
        text (:func:`psm_analysis.survey.instrument.pilot_codebook`).
    codebook : str, Path, Codebook or None
        The codebook; ``None`` means the project's ``data/raw/survey/codebook.yml``.
        Problems in the codebook itself are returned too.
    """
    try:
        cb = codebook if isinstance(codebook, Codebook) else load_survey_codebook(codebook)
        if Path(path).parent.name == PILOT_FOLDER:  # a pilot's profile columns are free text
            cb = pilot_codebook(cb)
        table = read_answers_table(path, cb)
    except DataError as err:
        return list(err.problems)
    return validate_table(table, cb)[1]
