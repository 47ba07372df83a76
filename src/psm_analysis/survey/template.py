"""The data-entry workbook for questionnaire answers, made from the codebook.

Sheets:

- ``Petunjuk``: how to fill it in (Indonesian);
- ``Data``: row 1 the column ids (what the reader matches), row 2 the statement or label
  of each column, one row per respondent from row 3; drop-down lists limited to the
  scale's values and the profile choices, whole/decimal-number checks for umur and lama
  menjadi PSM; header rows and the id column frozen;
- ``Pilihan``: the lists the drop-downs use;
- ``Buku kode``: the codebook (items with indicator, variable, statement, reverse).

Same codebook, same bytes (:func:`psm_analysis.files.workbook_bytes`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from psm_analysis.survey.codebook import Codebook, load_survey_codebook

#: Rows of the Data sheet that get the drop-down checks (row 3 to this row).
LAST_ENTRY_ROW = 202

#: Limits Excel enforces on a data validation; a longer text makes Excel "repair" the file
#: and drop the validation (ECMA-376 leaves them open; Excel's own dialog stops there).
ERROR_TITLE_MAX = 32
ERROR_MAX = 224
PROMPT_MAX = 255
FORMULA_MAX = 255
ERROR_TITLE = "Isian tidak sah"

_HEAD_FILL = "D9E1F2"
_LABEL_FILL = "F2F2F2"


def _instructions(codebook: Codebook, demo: bool) -> list[str]:
    scales = "; ".join(
        f"{s.label or s.id}: " + ", ".join(f"{v} = {lab}" for v, lab in s.values.items())
        for s in codebook.scales.values()
    )
    lines = [
        codebook.title,
        "",
        "PETUNJUK PENGISIAN",
        "1. Isi lembar 'Data': satu baris untuk satu responden, mulai baris 3.",
        "2. Baris 1 berisi kode kolom dan jangan diubah; baris 2 berisi pernyataan atau "
        "keterangan kolom.",
        f"3. Kolom '{codebook.id_column}' berisi nomor responden yang unik (mis. R01, R02, ...).",
        f"4. Jawaban butir diisi dengan angka skala; pilih dari daftar pada sel. Skala: {scales}.",
        "5. Kolom profil berisi pilihan dari daftar (desa, jenis kelamin, pendidikan, Diklat, "
        "Bimtek) atau angka (umur, lama menjadi PSM dalam tahun).",
        "6. Jangan menyisakan baris kosong di antara baris yang berisi.",
        "7. Jawaban kosong tidak diizinkan"
        + (
            " kecuali pada butir yang ditandai di lembar 'Buku kode'."
            if not codebook.missing_allowed
            else " (kecuali diatur lain)."
        ),
        "8. Periksa berkas sebelum dianalisis: psm-analysis validate survey NAMA_BERKAS.xlsx",
        "9. Simpan berkas di folder data/raw/survey/ lalu jalankan psm-analysis reproduce.",
        "",
        f"Buku kode: {codebook.path}",
    ]
    if demo:
        lines[0:0] = ["DATA CONTOH - bukan data penelitian (dibuat acak dengan seed tetap)", ""]
    return lines


def _fit(text: str, short: str, limit: int = ERROR_MAX) -> str:
    """``text`` when it fits in ``limit`` characters, else ``short`` (which names where the
    full list is), cut with an ellipsis if even that is too long."""
    if len(text) <= limit:
        return text
    return short if len(short) <= limit else short[: limit - 1] + "\u2026"


def template_workbook(
    codebook: Codebook, rows: Sequence[Sequence[object]] = (), demo: bool = False
):
    """An openpyxl Workbook for data entry; ``rows`` (lists in :attr:`Codebook.columns`
    order) are written from row 3 (used by the demo generator)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws_info = wb.active
    ws_info.title = "Petunjuk"
    for i, line in enumerate(_instructions(codebook, demo), start=1):
        ws_info.cell(i, 1, line)
    ws_info["A1"].font = Font(bold=True, size=12)
    ws_info.column_dimensions["A"].width = 120

    ws = wb.create_sheet("Data")
    lists = wb.create_sheet("Pilihan")
    cb_sheet = wb.create_sheet("Buku kode")

    head_fill = PatternFill("solid", fgColor=_HEAD_FILL)
    label_fill = PatternFill("solid", fgColor=_LABEL_FILL)
    columns = codebook.columns
    for j, col in enumerate(columns, start=1):
        c = ws.cell(1, j, col)
        c.font = Font(bold=True)
        c.fill = head_fill
        lab = ws.cell(2, j, codebook.label_of(col))
        lab.font = Font(italic=True, size=9)
        lab.fill = label_fill
        lab.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[get_column_letter(j)].width = (
            16 if j <= 1 + len(codebook.profile) else 12
        )
    ws.row_dimensions[2].height = 90
    ws.freeze_panes = "B3"

    # lists for drop-downs
    list_col = 0
    # every list lives in a range on Pilihan: a list typed into the formula ("a,b,c")
    # would hit Excel's 255-character limit for the formula
    list_ref: dict[str, str] = {}
    list_col_of: dict[str, str] = {}
    for scale in codebook.scales.values():
        list_col += 1
        lists.cell(1, list_col, f"skala {scale.id}")
        for i, v in enumerate(sorted(scale.values), start=2):
            lists.cell(i, list_col, v)
        letter = get_column_letter(list_col)
        list_ref[f"scale:{scale.id}"] = (
            f"{quote_sheetname('Pilihan')}!${letter}$2:${letter}${len(scale.values) + 1}"
        )
        list_col_of[f"scale:{scale.id}"] = letter
    for f in codebook.profile:
        if f.type != "choice":
            continue
        list_col += 1
        lists.cell(1, list_col, f.id)
        for i, choice in enumerate(f.choices, start=2):
            lists.cell(i, list_col, choice)
        letter = get_column_letter(list_col)
        list_ref[f"profile:{f.id}"] = (
            f"{quote_sheetname('Pilihan')}!${letter}$2:${letter}${len(f.choices) + 1}"
        )
        list_col_of[f"profile:{f.id}"] = letter

    def rng(j: int) -> str:
        letter = get_column_letter(j)
        return f"{letter}3:{letter}{LAST_ENTRY_ROW}"

    for j, col in enumerate(columns, start=1):
        if col == codebook.id_column:
            continue
        if col in {p.id for p in codebook.profile}:
            f = codebook.profile_field(col)
            if f.type == "choice":
                dv = DataValidation(
                    type="list", formula1=list_ref[f"profile:{f.id}"], allow_blank=True
                )
                dv.error = _fit(
                    f"Pilih salah satu: {f.allowed_text()}",
                    f"Pilih salah satu dari daftar pada sel (daftar lengkap: lembar 'Pilihan', "
                    f"kolom {list_col_of[f'profile:{f.id}']}).",
                )
            elif f.type in ("integer", "number"):
                dv = DataValidation(
                    type="whole" if f.type == "integer" else "decimal",
                    operator="between",
                    formula1=str(f.min if f.min is not None else 0),
                    formula2=str(f.max if f.max is not None else 10**6),
                    allow_blank=True,
                )
                dv.error = _fit(
                    f"Isi {f.allowed_text()}", "Isi angka dalam rentang yang diizinkan."
                )
            else:
                continue
        else:
            scale = codebook.scale_of_item(col)
            dv = DataValidation(
                type="list", formula1=list_ref[f"scale:{scale.id}"], allow_blank=True
            )
            dv.error = _fit(
                f"Isi salah satu nilai skala: {scale.allowed_text()}",
                f"Isi salah satu nilai skala {scale.low} sampai {scale.high} (arti tiap nilai: "
                f"lembar 'Buku kode'; daftar: lembar 'Pilihan', kolom "
                f"{list_col_of[f'scale:{scale.id}']}).",
            )
        dv.errorTitle = ERROR_TITLE
        dv.showErrorMessage = True
        dv.add(rng(j))
        ws.add_data_validation(dv)

    for i, row in enumerate(rows, start=3):
        for j, v in enumerate(row, start=1):
            if v is not None:
                ws.cell(i, j, v)

    # codebook sheet
    head = [
        "Kode",
        "Variabel",
        "Indikator",
        "Pernyataan",
        "Skor dibalik",
        "Boleh kosong",
        "Dasar indikator",
    ]
    for j, h in enumerate(head, start=1):
        c = cb_sheet.cell(1, j, h)
        c.font = Font(bold=True)
        c.fill = head_fill
    r = 2
    for item in codebook.items:
        ind = codebook.indicator(item.indicator)
        var = codebook.variable(ind.variable)
        values = [
            item.id,
            f"{var.id} {var.name}",
            f"{ind.id} {ind.name}",
            item.statement,
            "ya" if item.reverse else "tidak",
            "ya" if codebook.item_missing_allowed(item) else "tidak",
            ind.source,
        ]
        for j, v in enumerate(values, start=1):
            cb_sheet.cell(r, j, v)
        r += 1
    r += 1
    cb_sheet.cell(r, 1, "Skala jawaban").font = Font(bold=True)
    for scale in codebook.scales.values():
        r += 1
        cb_sheet.cell(r, 1, scale.id)
        cb_sheet.cell(r, 4, scale.allowed_text())
    r += 2
    cb_sheet.cell(r, 1, "Profil responden").font = Font(bold=True)
    for f in codebook.profile:
        r += 1
        cb_sheet.cell(r, 1, f.id)
        cb_sheet.cell(r, 2, f.label)
        cb_sheet.cell(r, 4, f.allowed_text())
        cb_sheet.cell(r, 6, "tidak" if f.required else "ya")
    for letter, width in zip("ABCDEFG", (10, 24, 40, 80, 12, 12, 40), strict=True):
        cb_sheet.column_dimensions[letter].width = width
    cb_sheet.freeze_panes = "A2"

    wb.properties.title = ("DATA CONTOH - " if demo else "") + codebook.title
    wb.properties.subject = "Jawaban kuesioner" + (
        " (data contoh, bukan data penelitian)" if demo else ""
    )
    wb.properties.keywords = "psm-analysis; kuesioner" + ("; demo; contoh" if demo else "")
    wb.active = 1
    return wb


def write_template(out: str | Path, codebook: str | Path | Codebook | None = None) -> Path:
    """Write the empty data-entry workbook to ``out`` and return its path.

    Parameters
    ----------
    out : str or Path
        The ``.xlsx`` file to write (folders are created).
    codebook : str, Path, Codebook or None
        ``None`` for the project's ``data/raw/survey/codebook.yml``.

    Raises
    ------
    DataError
        When the codebook has problems (nothing is written) or ``out`` is not ``.xlsx``.
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
    cb = codebook if isinstance(codebook, Codebook) else load_survey_codebook(codebook)
    write_workbook(template_workbook(cb), out)
    return out
