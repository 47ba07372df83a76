"""Finding and reading PSM register files.

A register has one row per PSM. Accepted files (recognised by extension):

- the data-entry workbook of :mod:`psm_analysis.register.template` (sheet ``Data``), or
  any ``.xlsx``/``.xlsm`` whose first sheet holds the columns;
- CSV with a comma or semicolon separator, UTF-8 (with or without BOM) or cp1252, as
  Excel saves it.

The header row is the first of the top ten rows that names at least three register
columns (so a title row above the table is allowed). Headers are matched ignoring case,
spaces and punctuation, through :data:`COLUMNS`' accepted spellings.

A column holding names (``nama``, ``nama_psm``, ...) is personal data: it is never
carried into a validated table or an output; :func:`personal_names` hands its values to
the privacy scan of ``reproduce``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from psm_analysis.config import Paths, get_paths
from psm_analysis.errors import DataError, Problem, display_path
from psm_analysis.regions import name_key

REGISTER_SUFFIXES = (".xlsx", ".xlsm", ".ods", ".csv")
DATA_SHEET = "Data"
#: The folder under data/raw (and data/demo) that holds the register.
FOLDER = "register"

#: column id -> accepted header spellings (compared with :func:`regions.name_key`).
COLUMNS: dict[str, tuple[str, ...]] = {
    "id_psm": ("id_psm", "id", "id psm", "no psm", "nomor psm", "kode psm", "no induk psm"),
    "kecamatan": ("kecamatan", "kec", "nama kecamatan"),
    "desa_kelurahan": (
        "desa_kelurahan",
        "desa/kelurahan",
        "desa",
        "kelurahan",
        "desa kel",
        "nama desa",
        "wilayah tugas",
    ),
    "status": ("status", "status psm", "keaktifan"),
    "tahun_penetapan": (
        "tahun_penetapan",
        "tahun penetapan",
        "tahun ditetapkan",
        "tahun sk",
        "tahun pengangkatan",
        "tahun diangkat",
    ),
    "diklat": ("diklat", "ikut diklat", "sudah diklat", "pendidikan dan pelatihan"),
    "tahun_diklat": ("tahun_diklat", "tahun diklat"),
    "bimtek": ("bimtek", "ikut bimtek", "sudah bimtek", "bimbingan teknis"),
}
#: Columns a register must have (``tahun_diklat`` may be left out).
REQUIRED = (
    "id_psm",
    "kecamatan",
    "desa_kelurahan",
    "status",
    "tahun_penetapan",
    "diklat",
    "bimtek",
)
#: Headers of a column of names: personal data, read only for the privacy scan.
NAME_HEADERS = ("nama", "nama psm", "nama lengkap", "nama lengkap psm", "nama pekerja sosial")

_KEYS = {name_key(h): col for col, spellings in COLUMNS.items() for h in spellings}
_NAME_KEYS = {name_key(h) for h in NAME_HEADERS}


@dataclass
class RegisterTable:
    """The cells of one register file, before validation.

    ``columns`` maps a column id to its index in a row, ``headers`` to the header as
    written; ``rows`` holds ``(row number as Excel shows it, cells)`` of every non-empty
    row below the header; ``names`` the values of a name column (personal data).
    """

    file: str
    sheet: str | None
    header_row: int
    columns: dict[str, int]
    headers: dict[str, str]
    rows: list[tuple[int, list[object]]]
    names: list[str]


def register_folder(paths: Paths | None = None) -> Path:
    """``data/raw/register``: where the real register goes."""
    return (paths or get_paths()).raw / FOLDER


def demo_folder(paths: Paths | None = None) -> Path:
    """``data/demo/register``: the seeded demo register."""
    return (paths or get_paths()).demo / FOLDER


def register_files(folder: Path) -> list[Path]:
    """The register files in ``folder`` (xlsx/xlsm/csv; not hidden files, not Excel's lock
    files ``~$...``), sorted by name."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file()
        and p.suffix.lower() in REGISTER_SUFFIXES
        and not p.name.startswith((".", "~$"))
    )


def find_inputs(paths: Paths | None = None) -> tuple[list[Path], bool]:
    """``(files, demo)``: the real register in data/raw/register, else the demo."""
    from psm_analysis.inputs import real_or_demo

    return real_or_demo(register_folder(paths), demo_folder(paths), register_files)


def _cell(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, str):
        text = " ".join(value.replace("\u00a0", " ").split())
        return text or None
    if isinstance(value, float) and value != value:
        return None
    return value


def _csv_grid(path: Path) -> list[list[object]]:
    """The cells of a register CSV, decoded by the project's one CSV decoder
    (:mod:`psm_analysis.csvtext`: UTF-8 with or without BOM, or Windows-1252; comma or
    semicolon; Excel's ``sep=`` line)."""
    from psm_analysis import csvtext

    text, sep = csvtext.read_text(path, display_path(path))
    return [[_cell(c) for c in row] for _, row in csvtext.records(text, sep)]


def _xlsx_grid(path: Path, shown: str) -> tuple[list[list[object]], str]:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as err:
        raise DataError(
            Problem(f"berkas Excel tidak dapat dibuka ({type(err).__name__})", file=shown)
        ) from None
    ws = wb[DATA_SHEET] if DATA_SHEET in wb.sheetnames else wb.worksheets[0]
    grid = [[_cell(v) for v in row] for row in ws.iter_rows(values_only=True)]
    wb.close()
    return grid, ws.title


def _header_index(grid: list[list[object]]) -> int | None:
    """Index of the header row: the first of the top ten naming three register columns,
    else the first non-empty row; None for an empty grid."""
    first = None
    for i, row in enumerate(grid[:10]):
        if not any(v is not None for v in row):
            continue
        first = i if first is None else first
        if len({_KEYS.get(name_key(v)) for v in row if v is not None} - {None}) >= 3:
            return i
    return first


def read_register(path: str | Path) -> RegisterTable:
    """Read one register file's cells, locating its columns.

    Raises
    ------
    DataError
        When the file is of another kind, cannot be opened, is empty, holds no PSM row,
        or lacks a required column (each missing column is one problem).
    """
    path = Path(path)
    shown = display_path(path)
    suffix = path.suffix.lower()
    if suffix not in REGISTER_SUFFIXES:
        raise DataError(
            Problem(
                "jenis berkas register tidak didukung",
                file=shown,
                value=path.suffix or "(tanpa ekstensi)",
                expected=", ".join(REGISTER_SUFFIXES),
            )
        )
    if suffix == ".csv":
        grid, sheet = _csv_grid(path), None
    elif suffix == ".ods":
        from psm_analysis.sheets import ods_grid

        grid, sheet = ods_grid(path, shown, (DATA_SHEET,))
        grid = [[_cell(v) for v in row] for row in grid]
    else:
        grid, sheet = _xlsx_grid(path, shown)
    head = _header_index(grid)
    if head is None:
        raise DataError(
            Problem(
                "berkas register kosong: tidak ada baris judul kolom maupun data",
                file=shown,
                sheet=sheet,
                expected="baris judul kolom lalu satu baris per PSM "
                "(buat templat: psm-analysis template register --out BERKAS.xlsx)",
            )
        )
    header = grid[head]
    columns: dict[str, int] = {}
    headers: dict[str, str] = {}
    name_cols: list[int] = []
    for j, h in enumerate(header):
        if h is None:
            continue
        key = name_key(h)
        col = _KEYS.get(key)
        if col is not None and col not in columns:
            columns[col] = j
            headers[col] = str(h)
        elif key in _NAME_KEYS:
            name_cols.append(j)
    missing = [c for c in REQUIRED if c not in columns]
    problems = [
        Problem(
            "kolom wajib tidak ada di baris judul",
            file=shown,
            sheet=sheet,
            row=head + 1,
            value=c,
            expected="kolom " + ", ".join(REQUIRED) + " (tahun_diklat boleh tidak ada)",
        )
        for c in missing
    ]
    rows = [
        (i + 1, list(row))
        for i, row in enumerate(grid[head + 1 :], start=head + 1)
        if any(v is not None for v in row)
    ]
    if not rows:
        problems.append(
            Problem(
                "register tidak berisi satu pun PSM",
                file=shown,
                sheet=sheet,
                row=head + 2,
                expected="satu baris per PSM di bawah baris judul",
            )
        )
    DataError.collect(problems)
    names = sorted(
        {str(row[j]) for _, row in rows for j in name_cols if j < len(row) and row[j] is not None}
    )
    return RegisterTable(shown, sheet, head + 1, columns, headers, rows, names)


def personal_names(paths: Paths | None = None) -> list[str]:
    """The names in the name column of every register file present (real and demo), for
    the privacy scan: none of them may appear in an output. A file that cannot be read
    gives none (``clean`` reports it)."""
    paths = paths or get_paths()
    found: set[str] = set()
    for path in register_files(register_folder(paths)) + register_files(demo_folder(paths)):
        try:
            found.update(read_register(path).names)
        except DataError:
            continue
    return sorted(n for n in found if re.search(r"[^\W\d_]", n))
