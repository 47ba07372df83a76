"""The data-entry workbook for the PSM register (``psm-analysis template register``).

Sheets:

- ``Petunjuk``: how to fill it in (Indonesian);
- ``Data``: row 1 the column ids (what the reader matches), one row per PSM from row 2;
  drop-downs for kecamatan, status, Diklat and Bimtek; a dependent drop-down for the
  desa/kelurahan of the kecamatan chosen in the same row; whole-number checks limiting
  years to :data:`~psm_analysis.register.validate.FIRST_YEAR` .. the current year; a
  check that the PSM id is unique; an input message on every column;
- ``Daftar`` (hidden): the lists: kecamatan (A), status, ya/tidak, and one column of
  desa/kelurahan per kecamatan, each a named range ``desa_<Kecamatan_name>`` that the
  desa drop-down reaches through ``INDIRECT("desa_"&SUBSTITUTE(B2," ","_"))``.

Every data-validation text stays within Excel's limits (:data:`EXCEL_LIMITS`); Excel
refuses to open a workbook that breaks them. Same inputs, same bytes.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from pathlib import Path

from psm_analysis.config import Paths
from psm_analysis.register.validate import FIRST_YEAR, STATUSES, YES_NO

#: The Data sheet's columns, in order.
TEMPLATE_COLUMNS = (
    "id_psm",
    "kecamatan",
    "desa_kelurahan",
    "status",
    "tahun_penetapan",
    "diklat",
    "tahun_diklat",
    "bimtek",
)
#: Rows of the Data sheet that get the checks (row 2 to this row).
LAST_ENTRY_ROW = 501
LIST_SHEET = "Daftar"
#: Excel's limits on data-validation texts (characters) and on a list formula.
EXCEL_LIMITS = {"errorTitle": 32, "error": 224, "promptTitle": 32, "prompt": 255, "formula1": 255}

_PROMPTS = {
    "id_psm": ("Id PSM", "Id unik tiap PSM, mis. PSM-001. Jangan isi nama PSM di sini."),
    "kecamatan": ("Kecamatan", "Pilih kecamatan tempat PSM bertugas."),
    "desa_kelurahan": (
        "Desa/kelurahan",
        "Pilih desa/kelurahan tempat PSM bertugas. Daftar mengikuti kecamatan di kolom B "
        "(isi kecamatan dahulu).",
    ),
    "status": ("Status", "aktif atau tidak aktif."),
    "tahun_penetapan": ("Tahun penetapan", "Tahun PSM ditetapkan (SK penetapan)."),
    "diklat": ("Diklat", "ya bila PSM sudah mengikuti Diklat, tidak bila belum."),
    "tahun_diklat": ("Tahun Diklat", "Tahun PSM mengikuti Diklat; kosongkan bila belum."),
    "bimtek": ("Bimtek", "ya bila PSM sudah mengikuti Bimtek, tidak bila belum."),
}
_HEAD_FILL = "D9E1F2"


def range_name(kecamatan: str) -> str:
    """The defined name of a kecamatan's desa list: ``desa_Bandar_Sei_Kijang``."""
    return "desa_" + kecamatan.replace(" ", "_")


def _instructions(first: int, last: int, demo: bool) -> list[str]:
    lines = [
        "Register Pekerja Sosial Masyarakat (PSM) per desa/kelurahan, Kabupaten Pelalawan",
        "",
        "PETUNJUK PENGISIAN",
        "1. Isi lembar 'Data': satu baris untuk satu PSM, mulai baris 2. Baris 1 berisi "
        "kode kolom dan jangan diubah.",
        "2. id_psm: id unik tiap PSM (mis. PSM-001). Jangan menulis nama PSM; bila register "
        "asli memuat kolom nama, kolom itu tidak pernah disalin ke keluaran.",
        "3. kecamatan: pilih dari daftar. desa_kelurahan: pilih dari daftar desa/kelurahan "
        "kecamatan itu (nama menurut Kepmendagri 2025).",
        f"4. status: {' atau '.join(STATUSES)}. diklat dan bimtek: {' atau '.join(YES_NO)}.",
        f"5. tahun_penetapan dan tahun_diklat: tahun {first} sampai {last} "
        f"(PSM ada sejak {FIRST_YEAR}); tahun_diklat dikosongkan bila belum Diklat.",
        "6. Desa/kelurahan tanpa PSM tidak perlu ditulis: analisis menghitungnya dari "
        "daftar Kemendagri.",
        "7. Periksa berkas: psm-analysis validate register NAMA_BERKAS.xlsx",
        "8. Simpan berkas di folder data/raw/register/ lalu jalankan psm-analysis reproduce.",
    ]
    if demo:
        lines[0:0] = ["DATA CONTOH - bukan data penelitian (dibuat acak dengan seed tetap)", ""]
    return lines


def template_workbook(
    rows: Sequence[Sequence[object]] = (),
    *,
    demo: bool = False,
    last_year: int | None = None,
    paths: Paths | None = None,
):
    """An openpyxl Workbook for entering the register; ``rows`` (in
    :data:`TEMPLATE_COLUMNS` order) are written from row 2 (the demo generator).
    ``last_year`` (default: this year) is the latest year the checks accept."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation

    from psm_analysis.regions import desa_table, kecamatan_table

    last_year = last_year or _dt.date.today().year
    kec = kecamatan_table(paths)["nama"].tolist()
    villages = desa_table(paths)

    wb = Workbook()
    info = wb.active
    info.title = "Petunjuk"
    for i, line in enumerate(_instructions(FIRST_YEAR, last_year, demo), start=1):
        info.cell(i, 1, line)
    info["A1"].font = Font(bold=True, size=12)
    info.column_dimensions["A"].width = 110

    ws = wb.create_sheet("Data")
    lists = wb.create_sheet(LIST_SHEET)
    lists.sheet_state = "hidden"
    sheet = quote_sheetname(LIST_SHEET)

    def column(j: int, head: str, values: Sequence[str]) -> str:
        letter = get_column_letter(j)
        lists.cell(1, j, head).font = Font(bold=True)
        for i, v in enumerate(values, start=2):
            lists.cell(i, j, v)
        return f"{sheet}!${letter}$2:${letter}${len(values) + 1}"

    ref_kec = column(1, "kecamatan", kec)
    ref_status = column(2, "status", list(STATUSES))
    ref_yes_no = column(3, "ya_tidak", list(YES_NO))
    for j, name in enumerate(kec, start=4):
        desa = villages.loc[villages["kecamatan"] == name, "nama"].tolist()
        wb.defined_names[range_name(name)] = DefinedName(
            range_name(name), attr_text=column(j, name, desa)
        )
        lists.column_dimensions[get_column_letter(j)].width = 24

    fill = PatternFill("solid", fgColor=_HEAD_FILL)
    for j, col in enumerate(TEMPLATE_COLUMNS, start=1):
        c = ws.cell(1, j, col)
        c.font = Font(bold=True)
        c.fill = fill
        ws.column_dimensions[get_column_letter(j)].width = 24 if j in (2, 3) else 16
    ws.freeze_panes = "A2"

    letter = {col: get_column_letter(j) for j, col in enumerate(TEMPLATE_COLUMNS, start=1)}
    last = LAST_ENTRY_ROW
    years = f"Isi tahun {FIRST_YEAR} sampai {last_year}."
    rules = {
        "id_psm": (
            {
                "type": "custom",
                "formula1": f"COUNTIF(${letter['id_psm']}$2:${letter['id_psm']}${last},"
                f"{letter['id_psm']}2)=1",
            },
            "Id PSM ini sudah dipakai di baris lain; setiap PSM perlu id yang unik.",
        ),
        "kecamatan": (
            {"type": "list", "formula1": ref_kec},
            "Pilih kecamatan dari daftar (12 kecamatan Kabupaten Pelalawan).",
        ),
        "desa_kelurahan": (
            {
                "type": "list",
                "formula1": f'INDIRECT("desa_"&SUBSTITUTE({letter["kecamatan"]}2," ","_"))',
            },
            "Pilih desa/kelurahan dari daftar kecamatan di kolom B; isi kecamatan dahulu.",
        ),
        "status": ({"type": "list", "formula1": ref_status}, "Pilih aktif atau tidak aktif."),
        "tahun_penetapan": (
            {
                "type": "whole",
                "operator": "between",
                "formula1": str(FIRST_YEAR),
                "formula2": str(last_year),
            },
            years,
        ),
        "diklat": ({"type": "list", "formula1": ref_yes_no}, "Pilih ya atau tidak."),
        "tahun_diklat": (
            {
                "type": "whole",
                "operator": "between",
                "formula1": str(FIRST_YEAR),
                "formula2": str(last_year),
            },
            years,
        ),
        "bimtek": ({"type": "list", "formula1": ref_yes_no}, "Pilih ya atau tidak."),
    }
    for col in TEMPLATE_COLUMNS:
        kwargs, error = rules[col]
        title, prompt = _PROMPTS[col]
        dv = DataValidation(allow_blank=True, **kwargs)
        dv.errorTitle = "Isian tidak sah"
        dv.error = error
        dv.promptTitle = title
        dv.prompt = prompt
        dv.showErrorMessage = True
        dv.showInputMessage = True
        dv.add(f"{letter[col]}2:{letter[col]}{last}")
        ws.add_data_validation(dv)

    for i, row in enumerate(rows, start=2):
        for j, v in enumerate(row, start=1):
            if v is not None:
                ws.cell(i, j, v)

    title = "Register PSM per desa/kelurahan, Kabupaten Pelalawan"
    wb.properties.title = ("DATA CONTOH - " if demo else "") + title
    wb.properties.subject = "Register PSM" + (
        " (data contoh, bukan data penelitian)" if demo else ""
    )
    wb.properties.keywords = "psm-analysis; register" + ("; demo; contoh" if demo else "")
    wb.active = 1
    return wb


def write_template(out: str | Path, paths: Paths | None = None) -> Path:
    """Write the empty register workbook to ``out`` (folders created); return its path.

    Raises
    ------
    DataError
        When ``out`` is not an ``.xlsx`` file.
    """
    from psm_analysis.errors import DataError, Problem
    from psm_analysis.files import write_workbook

    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise DataError(
            Problem(
                "templat harus berupa berkas .xlsx",
                file=str(out),
                value=out.suffix or "(tanpa ekstensi)",
                expected=".xlsx",
            )
        )
    write_workbook(template_workbook(paths=paths), out)
    return out
