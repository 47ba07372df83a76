"""The generic reader of printed Dinas Sosial / BPS tables (CSV, XLSX or ODS).

:func:`read_printed_table` reads a table as such offices print it: title rows, a one- or
two-row (merged) header, data, optional "Jumlah"/"Total" rows (checked against the sum
of the rows above), and a footer with the "Sumber:" line and notes. It also reads BPS
"Dalam Angka" tables: bilingual labels ("Kecamatan/Subdistrict", "Jumlah/Total",
"Sumber/Source:"), a total row labelled with the kabupaten, thousands separated by
spaces and markers after numbers. It knows nothing of Tabel I.1-I.4; the ``dinsos``
package cleans those.
"""

from __future__ import annotations

import csv
import io
import math
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from psm_analysis import csvtext
from psm_analysis.config import display_path
from psm_analysis.errors import DataError, Problem
from psm_analysis.numbers import NIL_TOKENS, format_typed, parse_number, parse_series
from psm_analysis.text import name_key

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


# --------------------------------------------------------------------------- reader

MSG_TOTAL = (
    "baris Jumlah tidak cocok: tertulis {tertulis}, hasil penjumlahan {n} baris di atasnya {hitung}"
)

#: A total row's label: "Jumlah", "JUMLAH", "Total", "Jumlah Total", "Jumlah Seluruhnya",
#: and BPS "Dalam Angka" bilingual "Jumlah/Total".
_TOTAL_LABEL = re.compile(
    r"(jumlah|total)(\s*/\s*total)?(\s+(total|seluruhnya|keseluruhan|kabupaten))?\s*:?",
    re.IGNORECASE,
)
#: A region named in a title ("... di Kabupaten Pelalawan", "... in Pelalawan Regency"):
#: a last row labelled with it ("Pelalawan", "Kabupaten Pelalawan") is the total row, as
#: BPS "Dalam Angka" tables by kecamatan label it. Matched on :func:`name_key` text.
_REGION_PREFIX = re.compile(r"(kabupaten|kab|kota|provinsi)(?=\w)")
#: The source line, matched on a row's cells joined by spaces: "Sumber: ...",
#: "SUMBER DATA : ...", "Sumber" and ": ..." in two cells, BPS "Sumber/Source: ...".
_SUMBER = re.compile(r"sumber(\s+data)?(\s*/\s*source)?\s*:|source\s*:", re.IGNORECASE)
#: The title of another table ("Tabel I.4 ...", "TABEL 3.1 ...") below the first one.
_TABLE_TITLE = re.compile(r"(?i:tabel)\s+(?:[IVXLC]+|\d+)(?:\.\d+)*\b")
MSG_SECOND_TABLE = "tabel kedua di lembar yang sama"
EXPECTED_ONE_TABLE = "satu tabel per lembar: pindahkan tabel ini ke lembar atau berkas sendiri"
_NOTE = re.compile(r"(keterangan|catatan|ket\.?)(\s*/\s*notes?)?\s*:|notes?\s*:|\*", re.IGNORECASE)
_NUMBER_LIKE = re.compile(r"[-+\u2212]?\d")
#: A number, perhaps followed by "%" or one word (a unit): "1.250", "12,5 %", "120 orang",
#: or a rupiah amount "Rp 1.250.000"; thousands may be spaced as BPS prints them
#: ("1 250"), and a marker may follow ("1.250*", "125 r", "125\u00b9").
_NUMBER_SHAPE = re.compile(
    r"(?:(?i:rp)\.?\s*)?[-+\u2212]?\d[\d.,]*(?:\s\d{3}(?:[.,]\d+)?)*\s*(?:%|[^\W\d_]+)?"
    r"\s*(?:\*+|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+)?"
)
#: Words of the English half of a BPS bilingual header ("Kecamatan/Subdistrict",
#: "Jumlah PSM/Number of Community Social Workers", "Laki-laki/Male").
_ENGLISH_WORDS = frozenset(
    """of the and by in per for to number total subdistrict subdistricts district districts
    regency regencies city municipality province village villages urban rural male female
    sex population people persons person household households area year years source
    note notes social worker workers community welfare name names type kind activity
    activities training budget percentage percent density age group code description
    remarks realization target amount family families poor officer officers facilitator
    facilitators youth organization organizations volunteer volunteers disability
    disabilities elderly children child aid assistance institution institutions""".split()
)
_CODE = re.compile(r"\d+(?:\.\d+){2,}")
_THOUSANDS_ONLY = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_COLUMN_NUMBER = re.compile(r"\(?(\d+)\)?")
#: Columns never summed against a total row (keys as :func:`name_key` gives them).
_ID_COLUMNS = {"no", "nomor", "nourut", "kode", "kodewilayah", "tahun"}

UNIT_SUFFIX = "_satuan"
NIL_SUFFIX = "_nihil"
#: Flag column of the markers printed after numbers ("*", "r", "x", "1" for "\u00b9").
MARKER_SUFFIX = "_tanda"


def _cell(value: Any) -> Any:
    """Blank -> None, text whitespace collapsed, numbers kept."""
    if value is None:
        return None
    if isinstance(value, str):
        text = re.sub(r"\s+", " ", value).strip()
        return text or None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _guess_delimiter(text: str) -> str:
    """The delimiter (",", ";" or tab) that splits the most of the first lines into the
    same number (> 1) of fields; "," on a tie. Excel in an Indonesian locale writes ";"."""
    lines = [line for line in text.splitlines()[:30] if line.strip()]
    best, best_score = ",", 0
    for d in (",", ";", "\t"):
        counts = [len(r) for r in csv.reader(lines, delimiter=d)]
        top = max(counts, default=0)
        score = sum(c == top for c in counts) if top > 1 else 0
        if score > best_score:
            best, best_score = d, score
    return best


def _read_csv_grid(path: Path, shown: str) -> list[list[Any]]:
    text = csvtext.read_decoded(path, shown)
    delimiter = _guess_delimiter(text)
    return [[_cell(c) for c in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _read_xlsx_grid(path: Path, sheet: str | int | None, shown: str):
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, data_only=True)
    except Exception as err:  # zipfile.BadZipFile, KeyError, ...
        raise DataError(
            Problem("berkas Excel tidak dapat dibaca", file=shown, value=type(err).__name__)
        ) from err
    if sheet is None:
        ws = wb.worksheets[0]
    elif isinstance(sheet, int) and 0 <= sheet < len(wb.worksheets):
        ws = wb.worksheets[sheet]
    elif isinstance(sheet, str) and sheet in wb.sheetnames:
        ws = wb[sheet]
    else:
        raise DataError(
            Problem(
                "lembar tidak ada di berkas",
                file=shown,
                value=sheet,
                expected="salah satu dari: " + ", ".join(wb.sheetnames),
            )
        )
    grid = [[_cell(_xlsx_value(c)) for c in row] for row in ws.iter_rows()]
    merged = [(r.min_row, r.min_col, r.max_row, r.max_col) for r in ws.merged_cells.ranges]
    return grid, merged, ws.title


def _read_ods_grid(path: Path, sheet: str | int | None, shown: str):
    """The cells of a LibreOffice sheet (first sheet, or ``sheet`` by name; merged cells
    are not seen, so a two-row header needs .xlsx) and the sheet's name."""
    from psm_analysis.sheets import ods_grid

    grid, name = ods_grid(path, shown, (sheet,) if isinstance(sheet, str) else ())
    return [[_cell(v) for v in row] for row in grid], name


def _xlsx_value(cell) -> Any:
    """A cell's value as printed: a number shown with a "%" format (stored as a
    fraction, 0.125 for 12,5 %) is scaled to percent like the CSV of the same table."""
    v = cell.value
    if (
        isinstance(v, (int, float))
        and not isinstance(v, bool)
        and "%" in (cell.number_format or "")
        and math.isfinite(v)
    ):
        from decimal import Decimal

        scaled = Decimal(repr(v)) * 100
        return int(scaled) if isinstance(v, int) else float(scaled)
    return v


def _filled(grid, merged):
    """Value of every cell with merged ranges filled from their top-left cell."""
    out = [list(row) for row in grid]
    for r0, c0, r1, c1 in merged:
        value = grid[r0 - 1][c0 - 1] if r0 - 1 < len(grid) and c0 - 1 < len(grid[r0 - 1]) else None
        for r in range(r0, min(r1, len(out)) + 1):
            for c in range(c0, c1 + 1):
                if c - 1 < len(out[r - 1]):
                    out[r - 1][c - 1] = value
    return out


def _non_empty(row) -> list[Any]:
    return [v for v in row if v is not None]


def _is_text(v: Any) -> bool:
    return isinstance(v, str) and not _NUMBER_LIKE.match(v)


def _looks_numeric(v: Any) -> bool:
    """A cell that should be read as a number: any number, or text shaped like one
    (digits and separators, perhaps "%" or one word after them) that is not a dotted
    code such as "14.05.08". Bad numbers of that shape ("1.25", "5 ekor") are then
    reported by the parser rather than taken as text."""
    if not isinstance(v, str):
        return True
    if _CODE.fullmatch(v) and not _THOUSANDS_ONLY.fullmatch(v):
        return False
    return bool(_NUMBER_SHAPE.fullmatch(v))


def _is_column_numbers(row) -> bool:
    """A row "(1) (2) (3)" or "1 2 3" under the header, numbering the columns."""
    cells = [(i, v) for i, v in enumerate(row) if v is not None]
    if len(cells) < 2:
        return False
    for k, (_, v) in enumerate(cells, start=1):
        m = _COLUMN_NUMBER.fullmatch(str(v)) if not isinstance(v, float) else None
        if isinstance(v, bool) or not (v == k or (m and int(m[1]) == k)):
            return False
    return True


def _column_letter(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i + 1)


def _locate_header(grid, merged, where) -> tuple[int, int, list[str]]:
    """(first header row, last header row, title texts), 0-based rows."""
    header_row = None
    title: list[str] = []
    for i, row in enumerate(grid):
        cells = _non_empty(row)
        if len(cells) >= 2 and any(_is_text(v) for v in cells):
            header_row = i
            break
        title.extend(str(v) for v in cells)
    if header_row is None:
        raise DataError(
            Problem(
                "baris judul kolom tidak ditemukan",
                expected="satu baris dengan sedikitnya dua judul kolom",
                **where,
            )
        )
    header_end = header_row
    for r0, _c0, r1, _c1 in merged:
        if r0 - 1 == header_row:
            header_end = max(header_end, r1 - 1)
    if header_end == header_row and header_row + 1 < len(grid):
        nxt = grid[header_row + 1]
        spans = [(c0, c1) for r0, c0, _r1, c1 in merged if r0 - 1 == header_row and c1 > c0]
        span_cols = {c for c0, c1 in spans for c in range(c0, c1 + 1)}
        under = [nxt[c - 1] for c in sorted(span_cols)]
        outside = [v for c, v in enumerate(nxt, start=1) if v is not None and c not in span_cols]
        if spans and _non_empty(under) and not outside:
            header_end = header_row + 1
    return header_row, header_end, title


def _is_english(part: str, indonesian: str) -> bool:
    words = re.findall(r"[^\W\d_]+", part.casefold())
    return bool(words) and (
        any(w in _ENGLISH_WORDS for w in words) or name_key(part) == name_key(indonesian)
    )


def indonesian_part(label: str) -> str:
    """The Indonesian half of a BPS bilingual label "Indonesia/English"; other labels,
    slashes within Indonesian ("Desa/Kelurahan", "L/P") included, as they are.

    The label is cut at the first "/" after which every "/"-separated part holds an
    English word (:data:`_ENGLISH_WORDS`) or repeats the Indonesian text ("No./No.").

    >>> indonesian_part("Kecamatan/Subdistrict"), indonesian_part("Jumlah/Total")
    ('Kecamatan', 'Jumlah')
    >>> indonesian_part("Desa/Kelurahan/Village/Urban Village")
    'Desa/Kelurahan'
    >>> indonesian_part("Desa/Kelurahan"), indonesian_part("L/P")
    ('Desa/Kelurahan', 'L/P')
    """
    parts = label.split("/")
    for i in range(1, len(parts)):
        head = "/".join(parts[:i]).strip()
        if head and all(_is_english(p, head) for p in parts[i:]):
            return head
    return label


def _header_names(
    filled, first: int, last: int, width: int
) -> tuple[list[str | None], list[str | None]]:
    """Column names from header rows ``first..last`` (merged cells filled), joined, with
    the Indonesian half of each bilingual cell ("Kecamatan/Subdistrict" -> "Kecamatan");
    and the headers as printed."""
    names: list[str | None] = []
    printed: list[str | None] = []
    for c in range(width):
        parts: list[str] = []
        for r in range(first, last + 1):
            v = filled[r][c]
            if v is not None and (not parts or parts[-1] != str(v)):
                parts.append(str(v))
        names.append(" ".join(indonesian_part(p) for p in parts) if parts else None)
        printed.append(" ".join(parts) if parts else None)
    return names, printed


def _split_body(grid, start: int, header: list[Any], where: dict):
    """Data rows as (Excel row, cells), the Sumber line and the notes, from ``start``.

    A row titling another table ("Tabel I.4 ...") or repeating the header row
    (``header``, its filled cells) is an error: a second table on the sheet would
    otherwise be read as more data rows or notes."""
    data: list[tuple[int, list[Any]]] = []
    sumber = None
    notes: list[str] = []
    header_key = [str(v).casefold() for v in _non_empty(header)]
    for i in range(start, len(grid)):
        cells = _non_empty(grid[i])
        if not cells:
            continue
        first = str(cells[0])
        joined = " ".join(str(v) for v in cells)
        if _TABLE_TITLE.match(first) or [str(v).casefold() for v in cells] == header_key:
            raise DataError(
                Problem(
                    MSG_SECOND_TABLE, row=i + 1, value=first, expected=EXPECTED_ONE_TABLE, **where
                )
            )
        if sumber is not None:
            notes.append(joined)
        elif _SUMBER.match(joined):
            sumber = joined
        elif len(cells) == 1 and _NOTE.match(first):
            notes.append(first)
        else:
            data.append((i + 1, grid[i]))
    return data, sumber, notes


def _column_names(names, data, width: int, where) -> tuple[list[int], list[str]]:
    """Kept column positions and unique names; data under no header is an error."""
    keep = [
        c for c in range(width) if names[c] is not None or any(r[c] is not None for _, r in data)
    ]
    columns: list[str] = []
    problems: list[Problem] = []
    for c in keep:
        name = names[c] or f"Kolom {_column_letter(c)}"
        if names[c] is None:
            row, value = next((r, cells[c]) for r, cells in data if cells[c] is not None)
            problems.append(
                Problem(
                    "sel berisi data di kolom tanpa judul",
                    row=row,
                    column=name,
                    value=value,
                    expected="judul kolom di baris judul, atau sel kosong (pada CSV: "
                    "koma dalam angka harus diberi tanda kutip)",
                    **where,
                )
            )
        base, k = name, 2
        while name in columns:
            name, k = f"{base} ({k})", k + 1
        columns.append(name)
    DataError.collect(problems)
    return keep, columns


def _is_numeric_column(name: str, cells, total_cells=()) -> bool:
    """Numeric when most filled cells look like numbers (or nil "-"), or when a total row
    holds a number in the column (the column is summed, whatever its cells say). Never a
    column named Kode...: codes stay text."""
    if name_key(name).startswith("kode"):
        return False
    filled_cells = [v for v in cells if v is not None]
    digits = [v for v in filled_cells if _looks_numeric(v)]
    nil = [v for v in filled_cells if isinstance(v, str) and v in NIL_TOKENS]
    if digits and (len(digits) + len(nil)) * 2 > len(filled_cells):
        return True
    return name_key(name) not in _ID_COLUMNS and any(
        v is not None and _looks_numeric(v) for v in total_cells
    )


def _label(cells) -> str | None:
    """A row's label: its first text cell that is not a number."""
    return next((v for v in cells if _is_text(v)), None)


def _is_region_total(label: str | None, title: str) -> bool:
    """``label`` ("Pelalawan", "Kabupaten Pelalawan", "Kab. Pelalawan") names the region
    the title covers ("... di Kabupaten Pelalawan", "... in Pelalawan Regency")."""
    if label is None:
        return False
    key = _REGION_PREFIX.sub("", name_key(indonesian_part(label)), count=1)
    title_key = name_key(title)
    return bool(key) and any(
        k in title_key for k in (f"kabupaten{key}", f"kota{key}", f"provinsi{key}", f"{key}regency")
    )


def _total_rows(data, title: str) -> list[int]:
    """Excel rows of the total rows: labelled "Jumlah", "Total", "Jumlah/Total"..., and a
    last row labelled with the region of the title (BPS: "Pelalawan" under the
    kecamatan of Kabupaten Pelalawan)."""
    totals = [
        r
        for r, cells in data
        if any(isinstance(v, str) and _TOTAL_LABEL.fullmatch(v) for v in cells)
    ]
    if data and data[-1][0] not in totals and _is_region_total(_label(data[-1][1]), title):
        totals.append(data[-1][0])
    return totals


def _check_totals(values, total_cells, col, where, check_total, printed, computed):
    """Compare each total row (``total_cells``: Excel row -> cell) of numeric column
    ``col`` with the sum of the parsed ``values`` above it; record the printed and
    computed totals; return the problems."""
    problems: list[Problem] = []
    prev = 0
    for t, cell in total_cells.items():
        try:
            total = parse_number(cell, row=t, column=col, **where)
        except DataError as err:
            problems.extend(err.problems)
            continue
        if total.na:
            continue
        above = values[(values.index < t) & (values.index > prev)]
        if above.empty:  # a total right after a sub-total: the grand total
            above = values[values.index < t]
        ok = math.isclose(float(above.sum()), float(total.value), abs_tol=1e-6)
        if not ok and prev:  # a grand total after sub-totals
            everything = values[values.index < t]
            if math.isclose(float(everything.sum()), float(total.value), abs_tol=1e-6):
                above, ok = everything, True
        s = float(above.sum())
        s = int(s) if s.is_integer() and not isinstance(total.value, float) else s
        printed[col], computed[col] = total.value, s
        if not ok and check_total:
            problems.append(
                Problem(
                    MSG_TOTAL.format(
                        tertulis=format_typed(total.value),
                        hitung=format_typed(s),
                        n=above.count(),
                    ),
                    row=t,
                    column=col,
                    value=cell,
                    expected=format_typed(s),
                    show_value=False,
                    **where,
                )
            )
        prev = t
    return problems


def read_printed_table(
    path: str | Path, sheet: str | int | None = None, *, check_total: bool = True
) -> pd.DataFrame:
    """Read a Dinas Sosial style table from CSV, XLSX or ODS (LibreOffice).

    - Rows before the header with a single filled cell are the title
      (``df.attrs["judul"]``, joined with spaces).
    - The header is the first row with two or more filled cells, one of them text (a
      title row has one filled cell). In xlsx a header cell merged across columns, with
      sub-headers in the row below and nothing else in that row, makes a two-row header:
      the names are joined ("Jumlah PSM" over "L" -> "Jumlah PSM L"). A row numbering
      the columns ("(1)", "(2)", ...) under the header is skipped. A bilingual BPS
      header names its column by its Indonesian half (:func:`indonesian_part`:
      "Kecamatan/Subdistrict" -> "Kecamatan"); ``df.attrs["judul_kolom"]`` keeps the
      header as printed for every column whose name differs from it.
    - The "Sumber: ..." (or "Sumber/Source: ...") line is kept in ``df.attrs["sumber"]``
      as written; lines starting "Keterangan:", "Catatan:", "Catatan/Note:" or "*" and
      everything after the Sumber line go to ``df.attrs["catatan"]``. Empty rows are
      dropped. A second table below the first (a row "Tabel ..." or a repeat of the
      header row) is an error.
    - A column whose filled cells mostly look like numbers ("1.250", "12,5 %",
      "120 orang", "1 250", "1.250*", "-"; not dotted codes like "14.05.08", not a column
      named Kode...) is numeric, and so is a column with a number in a total row: every
      cell is parsed with :func:`~psm_analysis.numbers.parse_number` (ambiguous or bad
      cells are errors: every cell of a numeric column that is not a number, nil or NA
      is a located error). An xlsx number shown as a percentage (stored as 0.125 for
      12,5 %) is read as printed (12.5), like the CSV. The column gets
      ``Int64``/``Float64`` values; when cells carry a unit ("120 orang") a column
      ``<name>_satuan`` is added, when some are nil ("-") a boolean column
      ``<name>_nihil``, when some carry a BPS marker ("1 250*", "125 r", "12x",
      "125\u00b9") a column ``<name>_tanda`` ("*", "r", "x", "1").
    - A row labelled "Jumlah", "Total", "Jumlah Total", "Jumlah/Total"..., or a last row
      labelled with the kabupaten the title names ("Pelalawan" under a title "... di
      Kabupaten Pelalawan" or "... in Pelalawan Regency"), is a total row. It is
      checked, for every numeric column (except No., Kode, Tahun), against the sum of
      the data rows above it (since the previous total row, or all of them for a grand
      total); a mismatch is a DataError naming both numbers unless
      ``check_total=False``. The row is then dropped; its printed values are in
      ``df.attrs["jumlah"]`` and the sums in ``df.attrs["jumlah_dihitung"]``.
    - The text of every numeric cell as the file writes it ("-5", "12 orang") is kept in
      ``df.attrs["teks_sel"]`` (column -> Excel row -> text), so that a message about a
      parsed number quotes the cell, not a reformatted number (:func:`cell_as_written`).

    Data in a column without a header is an error (in CSV, often an unquoted decimal
    comma). The index holds the row numbers as Excel (or a text editor) shows them (name
    ``baris``). ``df.attrs`` also holds ``berkas`` and ``lembar``. Every problem found is
    raised together in one :class:`~psm_analysis.errors.DataError`.
    """
    import pandas as pd

    path = Path(path)
    shown = display_path(path)
    if not path.is_file():
        raise DataError(Problem("berkas tidak ditemukan", file=shown))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        grid, merged, sheet_name = _read_csv_grid(path, shown), [], None
    elif suffix in (".xlsx", ".xlsm"):
        grid, merged, sheet_name = _read_xlsx_grid(path, sheet, shown)
    elif suffix == ".ods":
        (grid, sheet_name), merged = _read_ods_grid(path, sheet, shown), []
    else:
        raise DataError(
            Problem(
                "jenis berkas tidak didukung",
                file=shown,
                value=path.suffix,
                expected=".csv, .xlsx atau .ods",
            )
        )
    where = {"file": shown, "sheet": sheet_name}
    width = max((len(r) for r in grid), default=0)
    grid = [list(r) + [None] * (width - len(r)) for r in grid]

    header_row, header_end, title = _locate_header(grid, merged, where)
    names, printed_headers = _header_names(_filled(grid, merged), header_row, header_end, width)
    start = header_end + 1
    if start < len(grid) and _is_column_numbers(grid[start]):
        start += 1
    data, sumber, notes = _split_body(grid, start, grid[header_row], where)
    keep, columns = _column_names(names, data, width, where)

    totals = _total_rows(data, " ".join(title))
    frame = pd.DataFrame(
        [[cells[c] for c in keep] for _, cells in data],
        columns=columns,
        index=pd.Index([r for r, _ in data], name="baris"),
        dtype=object,
    )
    body = frame.drop(index=totals)
    if body.empty:
        raise DataError(Problem("tabel tidak berisi baris data", **where))

    problems: list[Problem] = []
    out: dict[str, Any] = {}
    printed: dict[str, Any] = {}
    computed: dict[str, Any] = {}
    written: dict[str, dict[int, str]] = {}
    for col in columns:
        if not _is_numeric_column(col, body[col], [frame.at[t, col] for t in totals]):
            out[col] = pd.array(
                [None if v is None else _as_text(v) for v in body[col]], dtype="str"
            )
            continue
        try:
            parsed = parse_series(body[col], column=col, rows=list(body.index), **where)
        except DataError as err:
            problems.extend(err.problems)
            continue
        out[col] = parsed["value"]
        written[col] = {r: v for r, v in body[col].items() if isinstance(v, str)}
        if parsed["unit"].notna().any():
            out[col + UNIT_SUFFIX] = parsed["unit"]
        if parsed["nil"].any():
            out[col + NIL_SUFFIX] = parsed["nil"].astype("boolean")
        if parsed["marker"].notna().any():
            out[col + MARKER_SUFFIX] = parsed["marker"]
        if name_key(col) not in _ID_COLUMNS and totals:
            cells = {t: frame.at[t, col] for t in totals}
            problems += _check_totals(
                parsed["value"], cells, col, where, check_total, printed, computed
            )
    DataError.collect(problems)
    df = pd.DataFrame(out, index=body.index)
    df.attrs.update(
        {
            "judul": " ".join(title) or None,
            "sumber": sumber,
            "catatan": notes,
            "berkas": shown,
            "lembar": sheet_name,
            "jumlah": printed,
            "jumlah_dihitung": computed,
            "teks_sel": written,
            "judul_kolom": {
                col: printed_headers[c]
                for col, c in zip(columns, keep, strict=True)
                if printed_headers[c] is not None and printed_headers[c] != col
            },
        }
    )
    return df


def cell_as_written(df: pd.DataFrame, row: int, column: str) -> str:
    """The cell ``(row, column)`` of a table read by :func:`read_printed_table` as the
    user's file writes it, for a located message: the text of a CSV or ODS cell
    (``"-5"``, ``"-6 orang"``), or an xlsx number written by
    :func:`~psm_analysis.numbers.format_typed` (``-5``, ``7,5``; hyphen-minus, not the
    minus sign U+2212 of reader-facing tables).

    Parameters
    ----------
    df : pandas.DataFrame
        A table from :func:`read_printed_table` (its ``attrs["teks_sel"]``); without that
        record the parsed value is written by ``format_typed``.
    row : int
        The Excel row number (the index of ``df``).
    column : str
        A column of ``df``.

    Returns
    -------
    str
        The cell's text.

    Raises
    ------
    KeyError
        ``row`` or ``column`` is not in ``df``.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"Jumlah": [-5, 7.5]}, index=[3, 4])
    >>> df.attrs["teks_sel"] = {"Jumlah": {3: "-5"}}
    >>> cell_as_written(df, 3, "Jumlah"), cell_as_written(df, 4, "Jumlah")
    ('-5', '7,5')
    """
    text = df.attrs.get("teks_sel", {}).get(column, {}).get(row)
    return text if text is not None else format_typed(df.at[row, column])


def _as_text(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)
