"""Dinas Sosial tables: a generic reader, the cleaners of Tabel I.1-I.4, the builder.

:func:`read_table` reads any Dinas Sosial style table (CSV or XLSX): title rows, a one-
or two-row (merged) header, data, an optional "Jumlah"/"Total" row, and a footer with the
"Sumber:" line. The cleaners turn the four tables of BAB I (``data/raw/dinsos``) into
tidy tables with official names and codes; :func:`build_outputs` is the ``dinsos``
builder of ``psm-analysis clean`` (see :mod:`psm_analysis.pipeline`); the ``load_*``
functions read the processed tables back for the notebooks.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from psm_analysis import labels
from psm_analysis.config import Paths, get_paths
from psm_analysis.errors import DataError, Problem
from psm_analysis.files import workbook_bytes
from psm_analysis.numbers import NIL_TOKENS, format_number, parse_number, parse_series
from psm_analysis.regions import name_key

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

# --------------------------------------------------------------------------- reader

MSG_TOTAL = (
    "baris Jumlah tidak cocok: tertulis {tertulis}, hasil penjumlahan {n} baris di atasnya {hitung}"
)

_TOTAL_LABEL = re.compile(
    r"(jumlah|total)(\s+(total|seluruhnya|keseluruhan|kabupaten))?\s*:?", re.IGNORECASE
)
#: The source line, matched on a row's cells joined by spaces: "Sumber: ...",
#: "SUMBER DATA : ...", or "Sumber" and ": ..." in two cells.
_SUMBER = re.compile(r"sumber(\s+data)?\s*:", re.IGNORECASE)
#: The title of another table ("Tabel I.4 ...", "TABEL 3.1 ...") below the first one.
_TABLE_TITLE = re.compile(r"(?i:tabel)\s+(?:[IVXLC]+|\d+)(?:\.\d+)*\b")
MSG_SECOND_TABLE = "tabel kedua di lembar yang sama"
EXPECTED_ONE_TABLE = "satu tabel per lembar: pindahkan tabel ini ke lembar atau berkas sendiri"
_NOTE = re.compile(r"(keterangan|catatan|ket\.?)\s*:|\*", re.IGNORECASE)
_NUMBER_LIKE = re.compile(r"[-+\u2212]?\d")
#: A number, perhaps followed by "%" or one word (a unit): "1.250", "12,5 %", "120 orang",
#: or a rupiah amount "Rp 1.250.000".
_NUMBER_SHAPE = re.compile(r"(?:(?i:rp)\.?\s*)?[-+\u2212]?\d[\d.,]*\s*(?:%|[^\W\d_]+)?")
_CODE = re.compile(r"\d+(?:\.\d+){2,}")
_THOUSANDS_ONLY = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_COLUMN_NUMBER = re.compile(r"\(?(\d+)\)?")
#: Columns never summed against a total row (keys as :func:`name_key` gives them).
_ID_COLUMNS = {"no", "nomor", "nourut", "kode", "kodewilayah", "tahun"}

UNIT_SUFFIX = "_satuan"
NIL_SUFFIX = "_nihil"


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


def _read_csv_grid(path: Path) -> list[list[Any]]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
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


def _header_names(filled, first: int, last: int, width: int) -> list[str | None]:
    """Column names from header rows ``first..last`` (merged cells filled), joined."""
    names: list[str | None] = []
    for c in range(width):
        parts: list[str] = []
        for r in range(first, last + 1):
            v = filled[r][c]
            if v is not None and (not parts or parts[-1] != str(v)):
                parts.append(str(v))
        names.append(" ".join(parts) if parts else None)
    return names


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


def _is_numeric_column(name: str, cells) -> bool:
    filled_cells = [v for v in cells if v is not None]
    digits = [v for v in filled_cells if _looks_numeric(v)]
    nil = [v for v in filled_cells if isinstance(v, str) and v in NIL_TOKENS]
    return (
        bool(digits)
        and (len(digits) + len(nil)) * 2 > len(filled_cells)
        and not name_key(name).startswith("kode")
    )


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
                        tertulis=format_number(total.value),
                        hitung=format_number(s),
                        n=above.count(),
                    ),
                    row=t,
                    column=col,
                    value=cell,
                    expected=format_number(s),
                    show_value=False,
                    **where,
                )
            )
        prev = t
    return problems


def read_table(
    path: str | Path, sheet: str | int | None = None, *, check_total: bool = True
) -> pd.DataFrame:
    """Read a Dinas Sosial style table from CSV or XLSX.

    - Rows before the header with a single filled cell are the title
      (``df.attrs["judul"]``, joined with spaces).
    - The header is the first row with two or more filled cells, one of them text (a
      title row has one filled cell). In xlsx a header cell merged across columns, with
      sub-headers in the row below and nothing else in that row, makes a two-row header:
      the names are joined ("Jumlah PSM" over "L" -> "Jumlah PSM L"). A row numbering
      the columns ("(1)", "(2)", ...) under the header is skipped.
    - The "Sumber: ..." line is kept in ``df.attrs["sumber"]`` as written; lines starting
      "Keterangan:", "Catatan:" or "*" and everything after the Sumber line go to
      ``df.attrs["catatan"]``. Empty rows are dropped. A second table below the first
      (a row "Tabel ..." or a repeat of the header row) is an error.
    - A column whose filled cells mostly look like numbers ("1.250", "12,5 %",
      "120 orang", "-"; not dotted codes like "14.05.08", not a column named Kode...) is
      numeric: every cell is parsed with :func:`~psm_analysis.numbers.parse_number`
      (ambiguous or bad cells are errors); an xlsx number shown as a percentage (stored
      as 0.125 for 12,5 %) is read as printed (12.5), like the CSV. The column gets ``Int64``/``Float64`` values; when cells carry a
      unit ("120 orang") a column ``<name>_satuan`` is added, when some are nil ("-") a
      boolean column ``<name>_nihil``.
    - A row labelled "Jumlah"/"Total" is checked, for every numeric column (except No.,
      Kode, Tahun), against the sum of the data rows above it (since the previous total
      row, or all of them for a grand total); a mismatch is a DataError naming both
      numbers unless ``check_total=False``. The row is then dropped; its printed values
      are in ``df.attrs["jumlah"]`` and the sums in ``df.attrs["jumlah_dihitung"]``.

    Data in a column without a header is an error (in CSV, often an unquoted decimal
    comma). The index holds the row numbers as Excel (or a text editor) shows them (name
    ``baris``). ``df.attrs`` also holds ``berkas`` and ``lembar``. Every problem found is
    raised together in one :class:`~psm_analysis.errors.DataError`.
    """
    import pandas as pd

    from psm_analysis.errors import display_path

    path = Path(path)
    shown = display_path(path)
    if not path.is_file():
        raise DataError(Problem("berkas tidak ditemukan", file=shown))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        grid, merged, sheet_name = _read_csv_grid(path), [], None
    elif suffix in (".xlsx", ".xlsm"):
        grid, merged, sheet_name = _read_xlsx_grid(path, sheet, shown)
    else:
        raise DataError(
            Problem(
                "jenis berkas tidak didukung",
                file=shown,
                value=path.suffix,
                expected=".csv atau .xlsx",
            )
        )
    where = {"file": shown, "sheet": sheet_name}
    width = max((len(r) for r in grid), default=0)
    grid = [list(r) + [None] * (width - len(r)) for r in grid]

    header_row, header_end, title = _locate_header(grid, merged, where)
    names = _header_names(_filled(grid, merged), header_row, header_end, width)
    start = header_end + 1
    if start < len(grid) and _is_column_numbers(grid[start]):
        start += 1
    data, sumber, notes = _split_body(grid, start, grid[header_row], where)
    keep, columns = _column_names(names, data, width, where)

    totals = [
        r
        for r, cells in data
        if any(isinstance(v, str) and _TOTAL_LABEL.fullmatch(v) for v in cells)
    ]
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
    for col in columns:
        if not _is_numeric_column(col, body[col]):
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
        if parsed["unit"].notna().any():
            out[col + UNIT_SUFFIX] = parsed["unit"]
        if parsed["nil"].any():
            out[col + NIL_SUFFIX] = parsed["nil"].astype("boolean")
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
        }
    )
    return df


def _as_text(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


# --------------------------------------------------------------------------- words

_COLUMN_WORDS = {
    # key: (Indonesian, English)
    "no": ("No.", "No."),
    "jenis_di_sumber": ("Jenis di sumber", "Kind as printed"),
    "jenis_resmi": ("Jenis PSKS resmi", "Official PSKS kind"),
    "singkatan": ("Singkatan", "Abbreviation"),
    "kode_psks": ("No. Permensos 08/2012", "No. in Permensos 08/2012"),
    "ejaan_resmi": ("Ejaan resmi", "Official spelling"),
    "jumlah": ("Jumlah", "Number"),
    "satuan": ("Satuan", "Unit"),
    "nihil": ("Nihil (-)", "Nil (-)"),
    "sumber": ("Sumber", "Source"),
    "tahun": ("Tahun", "Year"),
    "kode_wilayah": ("Kode wilayah", "Area code"),
    "kecamatan": ("Kecamatan", "District"),
    "nama_di_sumber": ("Nama di sumber", "Name as printed"),
    "jumlah_psm": ("Jumlah PSM (orang)", "Number of PSM (persons)"),
    "jumlah_desa": ("Desa", "Villages (desa)"),
    "jumlah_kelurahan": ("Kelurahan", "Urban villages (kelurahan)"),
    "jumlah_desa_kelurahan": ("Desa + kelurahan", "All villages"),
    "selisih_psm_desa_kelurahan": ("Selisih PSM - desa/kelurahan", "PSM minus villages"),
    "no_di_sumber": ("No. di sumber", "No. as printed"),
    "kegiatan": ("Jenis kegiatan", "Activity"),
    "status": ("Status", "Status"),
    "terlaksana": ("Terlaksana", "Carried out"),
    "sasaran_orang": ("Sasaran (orang)", "Target (persons)"),
    "tercapai_orang": ("Tercapai (orang)", "Reached (persons)"),
    "keterangan_asli": ("Keterangan (tertulis)", "Remark as printed"),
    "tahun_sumber": ("Tahun sumber", "Source year"),
    "kode": ("Kode", "Code"),
    "nama": ("Nama", "Name"),
    "tingkat": ("Tingkat", "Level"),
    "kode_kecamatan": ("Kode kecamatan", "District code"),
    "tabel": ("Tabel", "Table"),
    "judul": ("Judul", "Title"),
    "judul_asli": ("Judul tertulis", "Title as printed"),
    "sumber_asli": ("Baris sumber tertulis", "Source line as printed"),
    "berkas": ("Berkas", "File"),
    "id": ("Kode pemeriksaan", "Check id"),
    "pemeriksaan": ("Pemeriksaan", "Check"),
    "diharapkan": ("Diharapkan", "Expected"),
    "ditemukan": ("Ditemukan", "Found"),
    "keterangan": ("Keterangan", "Remark"),
}
labels.register(
    {
        "id": {f"kolom.{k}": v[0] for k, v in _COLUMN_WORDS.items()}
        | {"ya": "ya", "tidak": "tidak", "diolah": "diolah"},
        "en": {f"kolom.{k}": v[1] for k, v in _COLUMN_WORDS.items()}
        | {"ya": "yes", "tidak": "no", "diolah": "processed"},
    }
)


def column_label(name: str, lang: str | None = None) -> str:
    """The reader-facing header of a processed column (falls back to the name)."""
    try:
        return labels.t(f"kolom.{name}", lang)
    except KeyError:
        return name


# --------------------------------------------------------------------------- sources

SOURCES_FILE = "sumber_tabel.csv"
CLAIMS_FILE = "klaim_teks.csv"
TABLE_IDS = ("I.1", "I.2", "I.3", "I.4")
_TITLE_PREFIX = re.compile(r"^Tabel\s+[IVXLC]+\.\d+\s*:?\s*")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _rel(paths: Paths, path: Path) -> str:
    try:
        return path.resolve().relative_to(paths.root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _read_plain_csv(path: Path, shown: str):
    import pandas as pd

    if not path.is_file():
        raise DataError(Problem("berkas tidak ditemukan", file=shown))
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def _require(df, columns: list[str], shown: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise DataError(
            Problem(
                "kolom tidak ada",
                file=shown,
                row=1,
                value=", ".join(missing),
                expected="kolom " + ", ".join(columns),
            )
        )


def read_sources(paths: Paths | None = None) -> pd.DataFrame:
    """``sumber_tabel.csv`` cleaned: ``tabel``, ``judul`` (without "Tabel I.x"),
    ``judul_asli``, ``sumber`` (the institution), ``sumber_asli`` (the printed line),
    ``tahun`` (``Int64``, NA when none is printed) and ``berkas`` (path in the project).

    The year of the Sumber line must agree with the ``tahun`` column, and every file
    named must exist.
    """
    import pandas as pd

    paths = paths or get_paths()
    path = paths.raw_dinsos / SOURCES_FILE
    shown = _rel(paths, path)
    raw = _read_plain_csv(path, shown)
    _require(raw, ["tabel", "judul", "sumber", "tahun", "berkas"], shown)
    problems: list[Problem] = []
    rows = []
    for i, r in enumerate(raw.itertuples(index=False), start=2):
        tahun = None
        if r.tahun.strip():
            if re.fullmatch(r"\d{4}", r.tahun.strip()):
                tahun = int(r.tahun)
            else:
                problems.append(
                    Problem(
                        "tahun tidak dikenali",
                        file=shown,
                        row=i,
                        column="tahun",
                        value=r.tahun,
                        expected="tahun empat angka atau kosong",
                    )
                )
        printed_year = _YEAR.findall(r.sumber)
        if printed_year and tahun != int(printed_year[-1]):
            problems.append(
                Problem(
                    "tahun tidak sama dengan tahun di baris Sumber",
                    file=shown,
                    row=i,
                    column="tahun",
                    value=r.tahun,
                    expected=printed_year[-1],
                )
            )
        target = paths.raw_dinsos / r.berkas
        if not target.is_file():
            problems.append(
                Problem(
                    "berkas tabel tidak ditemukan",
                    file=shown,
                    row=i,
                    column="berkas",
                    value=r.berkas,
                )
            )
        institution = re.sub(r"^Sumber\s*:\s*", "", r.sumber.strip(), flags=re.IGNORECASE)
        institution = re.sub(r"(,\s*(1[89]|20)\d\d)?\s*\.?$", "", institution).strip()
        rows.append(
            {
                "tabel": r.tabel.strip(),
                "judul": _TITLE_PREFIX.sub("", r.judul.strip()),
                "judul_asli": r.judul,
                "sumber": institution,
                "sumber_asli": r.sumber,
                "tahun": tahun,
                "berkas": _rel(paths, target),
            }
        )
    found = {row["tabel"] for row in rows}
    for t in TABLE_IDS:
        if t not in found:
            problems.append(
                Problem(
                    "tabel tidak tercantum",
                    file=shown,
                    column="tabel",
                    value=t,
                    expected=", ".join(TABLE_IDS),
                )
            )
    DataError.collect(problems)
    df = pd.DataFrame(rows)
    df["tahun"] = df["tahun"].astype("Int64")
    return df.astype(
        {c: "str" for c in ("tabel", "judul", "judul_asli", "sumber", "sumber_asli", "berkas")}
    )


def read_claims(paths: Paths | None = None) -> pd.DataFrame:
    """``klaim_teks.csv``: what the chapter's running text states (``klaim``, ``nilai``,
    ``kutipan``, ``letak``), checked by :mod:`psm_analysis.checks`."""
    paths = paths or get_paths()
    path = paths.raw_dinsos / CLAIMS_FILE
    shown = _rel(paths, path)
    df = _read_plain_csv(path, shown)
    _require(df, ["klaim", "nilai", "kutipan", "letak"], shown)
    dup = df["klaim"][df["klaim"].duplicated()]
    if len(dup):
        raise DataError(
            Problem("klaim tercantum dua kali", file=shown, column="klaim", value=dup.iloc[0])
        )
    return df.astype("str")


# --------------------------------------------------------------------------- cleaners


def _find_column(df, keys: tuple[str, ...], expected: str) -> str:
    for col in df.columns:
        if name_key(col) in keys:
            return col
    raise DataError(
        Problem(
            "kolom tidak ada",
            file=df.attrs.get("berkas"),
            sheet=df.attrs.get("lembar"),
            row=1,
            value=", ".join(str(c) for c in df.columns),
            expected=f"kolom {expected}",
        )
    )


def _where(df, row: int, column: str) -> dict:
    return {
        "file": df.attrs.get("berkas"),
        "sheet": df.attrs.get("lembar"),
        "row": row,
        "column": column,
    }


def clean_tenaga_sosial(
    df: pd.DataFrame, sumber: str, tahun: int | None, paths: Paths | None = None
) -> pd.DataFrame:
    """Tabel I.1 (as :func:`read_table` gives it) to one row per PSKS kind listed:
    ``no``, ``jenis_di_sumber``, ``jenis_resmi``, ``singkatan``, ``kode_psks`` (number in
    Permensos 08/2012), ``ejaan_resmi``, ``jumlah`` (0 when nil), ``satuan``, ``nihil``,
    ``sumber``, ``tahun``."""
    import pandas as pd

    from psm_analysis.psks import is_official_spelling, normalize_psks

    c_no = _find_column(df, ("no", "nomor"), "No.")
    c_kind = _find_column(
        df,
        ("tenagasosialmasyarakat", "jenis", "jenistenagasosial", "psks", "jenispsks"),
        "Tenaga Sosial Masyarakat",
    )
    c_n = _find_column(df, ("jumlah",), "Jumlah")
    problems: list[Problem] = _count_problems(df, c_n, "jumlah")
    kinds = []
    seen: dict[int, int] = {}
    for row, text in df[c_kind].items():
        try:
            kind = normalize_psks(text, paths=paths, **_where(df, row, c_kind))
        except DataError as err:
            problems.extend(err.problems)
            continue
        if kind.no in seen:
            problems.append(
                Problem(
                    f"jenis PSKS sudah tercantum di baris {seen[kind.no]}",
                    value=text,
                    **_where(df, row, c_kind),
                )
            )
        seen[kind.no] = row
        kinds.append((text, kind))
    DataError.collect(problems)
    if c_n + NIL_SUFFIX in df.columns:
        nihil = df[c_n + NIL_SUFFIX].fillna(False)
    else:
        nihil = pd.Series(False, index=df.index)
    satuan = (
        df[c_n + UNIT_SUFFIX]
        if c_n + UNIT_SUFFIX in df.columns
        else pd.Series(None, index=df.index, dtype="str")
    )
    out = pd.DataFrame(
        {
            "no": df[c_no].astype("Int64").to_numpy(),
            "jenis_di_sumber": [t for t, _ in kinds],
            "jenis_resmi": [k.jenis_resmi for _, k in kinds],
            "singkatan": [k.singkatan for _, k in kinds],
            "kode_psks": [k.no for _, k in kinds],
            "ejaan_resmi": [is_official_spelling(t, k) for t, k in kinds],
            "jumlah": df[c_n].astype("Int64").to_numpy(),
            "satuan": satuan.to_numpy(),
            "nihil": nihil.astype("bool").to_numpy(),
            "sumber": sumber,
            "tahun": tahun,
        }
    )
    return out.astype(
        {
            "kode_psks": "Int64",
            "tahun": "Int64",
            "singkatan": "str",
            "satuan": "str",
            "ejaan_resmi": "bool",
            "nihil": "bool",
        }
    )


def _count_problems(df: pd.DataFrame, col: str, what: str) -> list[Problem]:
    """A count of people or groups is a whole number, 0 or more."""
    import pandas as pd

    problems = []
    for row, n in df[col].items():
        if pd.isna(n):
            continue
        if n < 0 or n != int(n):
            problems.append(
                Problem(
                    f"{what} harus bilangan bulat 0 atau lebih",
                    value=format_number(n),
                    expected='bilangan bulat seperti 0, 12 atau 1.250 ("-" bila nihil)',
                    **_where(df, row, col),
                )
            )
    return problems


def clean_psm_per_kecamatan(
    df: pd.DataFrame, sumber: str, tahun: int | None, paths: Paths | None = None
) -> pd.DataFrame:
    """Tabel I.2 joined to the Kemendagri reference, one row per kecamatan sorted by code:
    ``kode_wilayah``, ``kecamatan`` (official), ``nama_di_sumber``, ``ejaan_resmi``,
    ``jumlah_psm``, ``jumlah_desa``, ``jumlah_kelurahan``, ``jumlah_desa_kelurahan``,
    ``selisih_psm_desa_kelurahan``, ``no_di_sumber``, ``sumber``, ``tahun``.
    The printed Jumlah row is not a row here (see ``df.attrs["jumlah"]``)."""
    import pandas as pd

    from psm_analysis.regions import kecamatan_table, normalize_kecamatan

    c_no = _find_column(df, ("no", "nomor"), "No.")
    c_kec = _find_column(df, ("kecamatan", "namakecamatan"), "Kecamatan")
    c_n = _find_column(df, ("jumlahpsmorang", "jumlahpsm", "psm", "jumlah"), "Jumlah PSM (Orang)")
    problems: list[Problem] = _count_problems(df, c_n, "jumlah PSM")
    rows = []
    seen: dict[str, int] = {}
    for row, name in df[c_kec].items():
        try:
            kode, official = normalize_kecamatan(name, paths=paths, **_where(df, row, c_kec))
        except DataError as err:
            problems.extend(err.problems)
            continue
        if kode in seen:
            problems.append(
                Problem(
                    f"kecamatan sudah tercantum di baris {seen[kode]}",
                    value=name,
                    **_where(df, row, c_kec),
                )
            )
        seen[kode] = row
        n = df.at[row, c_n]
        if pd.isna(n):
            problems.append(
                Problem(
                    "jumlah PSM kosong",
                    value="",
                    **_where(df, row, c_n),
                    expected='angka (0 atau "-" bila tidak ada)',
                )
            )
        rows.append(
            {
                "kode_wilayah": kode,
                "kecamatan": official,
                "nama_di_sumber": name,
                "ejaan_resmi": re.sub(r"\s+", " ", name).strip().casefold() == official.casefold(),
                "jumlah_psm": n,
                "no_di_sumber": df.at[row, c_no],
            }
        )
    DataError.collect(problems)
    ref = kecamatan_table(paths).rename(columns={"kode": "kode_wilayah"}).drop(columns="nama")
    out = pd.DataFrame(rows).merge(ref, on="kode_wilayah", how="left", validate="one_to_one")
    out["selisih_psm_desa_kelurahan"] = (
        out["jumlah_psm"].astype("Int64") - out["jumlah_desa_kelurahan"]
    )
    out["sumber"] = sumber
    out["tahun"] = tahun
    cols = [
        "kode_wilayah",
        "kecamatan",
        "nama_di_sumber",
        "ejaan_resmi",
        "jumlah_psm",
        "jumlah_desa",
        "jumlah_kelurahan",
        "jumlah_desa_kelurahan",
        "selisih_psm_desa_kelurahan",
        "no_di_sumber",
        "sumber",
        "tahun",
    ]
    out = out[cols].sort_values("kode_wilayah").reset_index(drop=True)
    ints = [
        "jumlah_psm",
        "jumlah_desa",
        "jumlah_kelurahan",
        "jumlah_desa_kelurahan",
        "selisih_psm_desa_kelurahan",
        "no_di_sumber",
        "tahun",
    ]
    return out.astype({c: "Int64" for c in ints} | {"ejaan_resmi": "bool"})


#: Statuses recognised at the start of Tabel I.3's Keterangan, longest first.
STATUSES = ("Tidak Terlaksana", "Belum Terlaksana", "Kurang Terlaksana", "Terlaksana")
_STATUS = re.compile(r"^(" + "|".join(STATUSES) + r")\b", re.IGNORECASE)
_TARGET = re.compile(r"\bdari\s+(\d[\d.]*)\s+orang", re.IGNORECASE)
_REACHED = (
    re.compile(r"\bbaru\s+(\d[\d.]*)", re.IGNORECASE),
    re.compile(r"\bpada\s+(\d[\d.]*)\s+orang", re.IGNORECASE),
    re.compile(r"(\d[\d.]*)\s+(?:orang\s+)?(?:yang\s+)?(?:telah|sudah)\b", re.IGNORECASE),
)


@dataclass(frozen=True)
class Keterangan:
    """Tabel I.3's Keterangan read: a status and the numbers of persons it states."""

    status: str
    terlaksana: bool
    sasaran_orang: int | None
    tercapai_orang: int | None


def parse_keterangan(text: str, **where: object) -> Keterangan:
    """Read a Keterangan such as "Kurang Terlaksana (dari 120 orang PSM baru 80 yang
    telah mendapat Diklat)": the status (one of :data:`STATUSES`), ``terlaksana`` (True
    only for "Terlaksana"; "Kurang Terlaksana" is False), the target ("dari N orang") and
    the number reached ("baru N", "pada N orang", "N yang telah"). A number the patterns
    do not explain is an error, so no number in the text is silently dropped.

    >>> parse_keterangan("Terlaksana pada 80 orang PSM")
    Keterangan(status='Terlaksana', terlaksana=True, sasaran_orang=None, tercapai_orang=80)
    """
    text = re.sub(r"\s+", " ", str(text or "")).strip()
    m = _STATUS.match(text)
    if not m:
        raise DataError(
            Problem(
                "status kegiatan tidak dikenali",
                value=text,
                expected="diawali " + ", ".join(STATUSES),
                **where,
            )
        )
    status = next(s for s in STATUSES if s.casefold() == m[1].casefold())
    explained: set[tuple[int, int]] = set()

    def grab(pattern):
        hit = pattern.search(text)
        if hit is None:
            return None
        explained.add(hit.span(1))
        return parse_number(hit[1], **where).value

    sasaran = grab(_TARGET)
    tercapai = None
    for pattern in _REACHED:
        value = grab(pattern)
        if value is not None and tercapai is None:
            tercapai = value
        elif value is not None and value != tercapai:
            raise DataError(
                Problem("dua jumlah tercapai yang berbeda dalam keterangan", value=text, **where)
            )
    for num in re.finditer(r"\d[\d.]*", text):
        if num.span() not in explained:
            raise DataError(
                Problem(
                    "angka dalam keterangan tidak dikenali",
                    value=text,
                    expected='"dari N orang" (sasaran), "baru N", "pada N orang" atau "N yang telah" (tercapai)',
                    **where,
                )
            )
    return Keterangan(status, status == "Terlaksana", sasaran, tercapai)


def clean_kegiatan(df: pd.DataFrame, sumber: str, tahun: int | None) -> pd.DataFrame:
    """Tabel I.3: ``no``, ``kegiatan``, ``status``, ``terlaksana``, ``sasaran_orang``,
    ``tercapai_orang``, ``keterangan_asli``, ``sumber``, ``tahun``."""
    import pandas as pd

    c_no = _find_column(df, ("no", "nomor"), "No.")
    c_act = _find_column(df, ("jeniskegiatan", "kegiatan"), "Jenis Kegiatan")
    c_note = _find_column(df, ("keterangan", "ket"), "Keterangan")
    problems: list[Problem] = []
    parsed = []
    for row, text in df[c_note].items():
        try:
            parsed.append(parse_keterangan(text, **_where(df, row, c_note)))
        except DataError as err:
            problems.extend(err.problems)
    DataError.collect(problems)
    out = pd.DataFrame(
        {
            "no": df[c_no].to_numpy(),
            "kegiatan": df[c_act].to_numpy(),
            "status": [k.status for k in parsed],
            "terlaksana": [k.terlaksana for k in parsed],
            "sasaran_orang": [k.sasaran_orang for k in parsed],
            "tercapai_orang": [k.tercapai_orang for k in parsed],
            "keterangan_asli": df[c_note].to_numpy(),
            "sumber": sumber,
            "tahun": tahun,
        }
    )
    return out.astype(
        {
            "no": "Int64",
            "sasaran_orang": "Int64",
            "tercapai_orang": "Int64",
            "tahun": "Int64",
            "terlaksana": "bool",
            "kegiatan": "str",
            "status": "str",
            "keterangan_asli": "str",
        }
    )


def clean_diklat(df: pd.DataFrame, sumber: str, tahun: int | None) -> pd.DataFrame:
    """Tabel I.4: ``no``, ``kegiatan``, ``tahun`` (the year of the activity),
    ``sumber``, ``tahun_sumber`` (NA: no year printed)."""
    import pandas as pd

    c_no = _find_column(df, ("no", "nomor"), "No.")
    c_act = _find_column(df, ("jeniskegiatan", "kegiatan"), "Jenis Kegiatan")
    c_year = _find_column(df, ("tahun",), "Tahun")
    problems = [
        Problem(
            "tahun kegiatan tidak masuk akal",
            value=format_number(v),
            expected="tahun empat angka, 1950-2100",
            **_where(df, row, c_year),
        )
        for row, v in df[c_year].items()
        if pd.notna(v) and not (float(v).is_integer() and 1950 <= v <= 2100)
    ]
    DataError.collect(problems)
    out = pd.DataFrame(
        {
            "no": df[c_no].to_numpy(),
            "kegiatan": df[c_act].to_numpy(),
            "tahun": df[c_year].to_numpy(),
            "sumber": sumber,
            "tahun_sumber": tahun,
        }
    )
    return out.astype({"no": "Int64", "tahun": "Int64", "tahun_sumber": "Int64", "kegiatan": "str"})


# --------------------------------------------------------------------------- builder

#: Processed file names, per table.
OUTPUT_FILES = {
    "I.1": "tenaga_sosial.csv",
    "I.2": "psm_per_kecamatan.csv",
    "I.3": "kegiatan_peningkatan_kinerja.csv",
    "I.4": "diklat_psm.csv",
}
DESA_FILE = "desa_kelurahan.csv"
SOURCES_OUT = "sumber_tabel.csv"
CHECKS_FILE = "pemeriksaan_konsistensi.csv"
WORKBOOK_FILE = "data_dinas_sosial.xlsx"
REFERENCE_SOURCE = "Kepmendagri No. 300.2.2-2138 Tahun 2025 (kode dan data wilayah)"


@dataclass
class DinsosTables:
    """The cleaned tables and what the checks need besides them."""

    sumber: pd.DataFrame
    tenaga_sosial: pd.DataFrame
    psm_per_kecamatan: pd.DataFrame
    kegiatan: pd.DataFrame
    diklat: pd.DataFrame
    desa_kelurahan: pd.DataFrame
    klaim: pd.DataFrame
    #: Tabel I.2's printed Jumlah and the sum of its rows (None when no Jumlah row).
    psm_jumlah_tercetak: int | None = None
    psm_jumlah_dihitung: int | None = None
    raw: dict[str, pd.DataFrame] = field(default_factory=dict)


def read_tables(paths: Paths | None = None) -> DinsosTables:
    """Read, clean and cross-check-ready the four tables of ``data/raw/dinsos``.
    Raises one DataError with every problem of every table."""
    import pandas as pd

    from psm_analysis.regions import desa_table

    paths = paths or get_paths()
    sources = read_sources(paths)
    meta = {r.tabel: r for r in sources.itertuples(index=False)}

    def year(t):
        v = meta[t].tahun
        return None if pd.isna(v) else int(v)

    steps = {
        "I.1": lambda df: clean_tenaga_sosial(df, meta["I.1"].sumber, year("I.1"), paths),
        "I.2": lambda df: clean_psm_per_kecamatan(df, meta["I.2"].sumber, year("I.2"), paths),
        "I.3": lambda df: clean_kegiatan(df, meta["I.3"].sumber, year("I.3")),
        "I.4": lambda df: clean_diklat(df, meta["I.4"].sumber, year("I.4")),
    }
    problems: list[Problem] = []
    raw: dict[str, Any] = {}
    cleaned: dict[str, Any] = {}
    for t, step in steps.items():
        try:
            # Tabel I.2's Jumlah row is a finding of the checks, not a broken file.
            raw[t] = read_table(paths.root / meta[t].berkas, check_total=(t != "I.2"))
            cleaned[t] = step(raw[t])
        except DataError as err:
            problems.extend(err.problems)
    claims = None
    try:
        claims = read_claims(paths)
    except DataError as err:
        problems.extend(err.problems)
    DataError.collect(problems)
    printed = raw["I.2"].attrs.get("jumlah", {})
    computed = raw["I.2"].attrs.get("jumlah_dihitung", {})
    return DinsosTables(
        sumber=sources,
        tenaga_sosial=cleaned["I.1"],
        psm_per_kecamatan=cleaned["I.2"],
        kegiatan=cleaned["I.3"],
        diklat=cleaned["I.4"],
        desa_kelurahan=desa_table(paths),
        klaim=claims,
        psm_jumlah_tercetak=next(iter(printed.values()), None),
        psm_jumlah_dihitung=next(iter(computed.values()), None),
        raw=raw,
    )


def build_outputs(paths: Paths | None = None):
    """The ``dinsos`` builder: every processed Dinas Sosial file, nothing written."""
    from psm_analysis.checks import run_checks
    from psm_analysis.contracts import BuildOutput, InputInfo
    from psm_analysis.psks import reference_path as psks_path
    from psm_analysis.regions import reference_path as wilayah_path

    paths = paths or get_paths()
    tables = read_tables(paths)
    checks = run_checks(tables, paths)
    files = {
        OUTPUT_FILES["I.1"]: tables.tenaga_sosial,
        OUTPUT_FILES["I.2"]: tables.psm_per_kecamatan,
        OUTPUT_FILES["I.3"]: tables.kegiatan,
        OUTPUT_FILES["I.4"]: tables.diklat,
        DESA_FILE: tables.desa_kelurahan,
        SOURCES_OUT: tables.sumber,
        CHECKS_FILE: checks,
        CLAIMS_FILE: read_claims(paths),
        WORKBOOK_FILE: workbook_bytes(build_workbook(tables, checks)),
    }
    inputs = [InputInfo("dinsos", b) for b in tables.sumber["berkas"]]
    inputs += [
        InputInfo("dinsos", _rel(paths, paths.raw_dinsos / SOURCES_FILE)),
        InputInfo("dinsos", _rel(paths, paths.raw_dinsos / CLAIMS_FILE)),
        InputInfo("reference", _rel(paths, wilayah_path(paths))),
        InputInfo("reference", _rel(paths, psks_path(paths))),
    ]
    return BuildOutput(files=files, inputs=inputs)


# --------------------------------------------------------------------------- workbook


def _sheet(wb, name: str, title: str, df: pd.DataFrame, source_line: str) -> None:
    import pandas as pd
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(name)
    ws.cell(row=1, column=1, value=title).font = Font(bold=True)
    header = [column_label(c) for c in df.columns]
    for j, text in enumerate(header, start=1):
        cell = ws.cell(row=3, column=j, value=text)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = [len(h) for h in header]
    for i, row in enumerate(df.itertuples(index=False), start=4):
        for j, v in enumerate(row, start=1):
            if pd.isna(v):
                value = None
            elif isinstance(v, bool) or type(v).__name__ == "bool_":
                value = labels.t("ya") if v else labels.t("tidak")
            elif hasattr(v, "item"):
                value = v.item()
            else:
                value = v
            ws.cell(row=i, column=j, value=value)
            widths[j - 1] = max(widths[j - 1], len(str(value)) if value is not None else 0)
    ws.cell(row=len(df) + 5, column=1, value=f"{labels.t('sumber')}: {source_line}")
    for j, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = min(max(w + 2, 8), 60)
    ws.freeze_panes = "A4"


def build_workbook(tables: DinsosTables, checks: pd.DataFrame):
    """The workbook for humans: one sheet per table, bold header, Sumber line."""
    import openpyxl
    import pandas as pd

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    meta = {r.tabel: r for r in tables.sumber.itertuples(index=False)}
    diolah = labels.t("diolah")

    def src(t, extra=""):
        m = meta[t]
        year = "" if pd.isna(m.tahun) else f", {m.tahun}"
        return f"{m.sumber}{year}{extra} ({diolah})"

    for t, df in (
        ("I.1", tables.tenaga_sosial),
        ("I.2", tables.psm_per_kecamatan),
        ("I.3", tables.kegiatan),
        ("I.4", tables.diklat),
    ):
        extra = f"; {REFERENCE_SOURCE}" if t == "I.2" else ""
        _sheet(wb, f"Tabel {t}", f"{labels.t('tabel')} {t} {meta[t].judul}", df, src(t, extra))
    _sheet(
        wb,
        "Desa-Kelurahan",
        "Desa dan kelurahan di Kabupaten Pelalawan",
        tables.desa_kelurahan,
        REFERENCE_SOURCE,
    )
    _sheet(wb, "Sumber Tabel", "Sumber tabel BAB I", tables.sumber, "BAB I skripsi (Tabel I.1-I.4)")
    _sheet(
        wb,
        "Pemeriksaan",
        "Pemeriksaan konsistensi tabel, teks dan data rujukan",
        checks,
        f"Tabel I.1-I.4 dan teks BAB I; {REFERENCE_SOURCE}; Permensos No. 08 Tahun 2012 ({diolah})",
    )
    return wb


# --------------------------------------------------------------------------- loaders

_TYPES: dict[str, dict[str, str]] = {
    "tenaga_sosial": {
        "no": "Int64",
        "kode_psks": "Int64",
        "jumlah": "Int64",
        "tahun": "Int64",
        "ejaan_resmi": "boolean",
        "nihil": "boolean",
    },
    "psm_per_kecamatan": {
        c: "Int64"
        for c in (
            "jumlah_psm",
            "jumlah_desa",
            "jumlah_kelurahan",
            "jumlah_desa_kelurahan",
            "selisih_psm_desa_kelurahan",
            "no_di_sumber",
            "tahun",
        )
    }
    | {"ejaan_resmi": "boolean"},
    "kegiatan_peningkatan_kinerja": {
        "no": "Int64",
        "sasaran_orang": "Int64",
        "tercapai_orang": "Int64",
        "tahun": "Int64",
        "terlaksana": "boolean",
    },
    "diklat_psm": {"no": "Int64", "tahun": "Int64", "tahun_sumber": "Int64"},
    "desa_kelurahan": {},
    "sumber_tabel": {"tahun": "Int64"},
    "pemeriksaan_konsistensi": {},
}


def _load(name: str, paths: Paths | None = None) -> pd.DataFrame:
    from psm_analysis.files import read_processed

    df = read_processed(name, paths)
    types = _TYPES[name]
    for col in df.columns:
        df[col] = df[col].astype(types.get(col, "str"))
    return df


def load_tenaga_sosial(paths: Paths | None = None) -> pd.DataFrame:
    """``data/processed/tenaga_sosial.csv`` (Tabel I.1), typed."""
    return _load("tenaga_sosial", paths)


def load_psm_per_kecamatan(paths: Paths | None = None) -> pd.DataFrame:
    """``data/processed/psm_per_kecamatan.csv`` (Tabel I.2 + Kemendagri), typed."""
    return _load("psm_per_kecamatan", paths)


def load_kegiatan(paths: Paths | None = None) -> pd.DataFrame:
    """``data/processed/kegiatan_peningkatan_kinerja.csv`` (Tabel I.3), typed."""
    return _load("kegiatan_peningkatan_kinerja", paths)


def load_diklat(paths: Paths | None = None) -> pd.DataFrame:
    """``data/processed/diklat_psm.csv`` (Tabel I.4), typed."""
    return _load("diklat_psm", paths)


def load_desa_kelurahan(paths: Paths | None = None) -> pd.DataFrame:
    """``data/processed/desa_kelurahan.csv`` (Kemendagri reference), typed."""
    return _load("desa_kelurahan", paths)


def load_sumber_tabel(paths: Paths | None = None) -> pd.DataFrame:
    """``data/processed/sumber_tabel.csv``, typed."""
    return _load("sumber_tabel", paths)


def load_pemeriksaan(paths: Paths | None = None) -> pd.DataFrame:
    """``data/processed/pemeriksaan_konsistensi.csv``."""
    return _load("pemeriksaan_konsistensi", paths)
