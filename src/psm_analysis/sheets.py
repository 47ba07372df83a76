"""The one xlsx sheet writer: every workbook the project writes for humans looks alike.

Thesis tables (``reports/tables/*.xlsx``) and the Dinas Sosial workbook
(``data/processed/data_dinas_sosial.xlsx``) both write their sheets with
:func:`write_sheet`: bold title on row 1, a bordered header row, bordered body, numbers
right-aligned with an Excel number format, a missing value shown as "..." (as in BPS
tables), the Sumber line and notes below, wrapped within the table's width, the header
row frozen and repeated on every printed A4 page.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from copy import copy

#: Shown for a missing (not available) value, as in BPS tables.
NA_TEXT = "..."


def row_height(text: str, width: float) -> int | None:
    """The height (points) of a row whose one cell, ``width`` characters wide (the sum
    of the table's column widths), wraps ``text``: 15 per line, counting a character as
    1,1 of Excel's width unit; None for one line (Excel's default height)."""
    lines = math.ceil(len(text) * 1.1 / max(width, 1))
    return 15 * lines if lines > 1 else None


def header_spans(header: list[list[str]]) -> list[tuple[int, int, int, int, str]]:
    """The cells of a two-row header as ``(row, first column, last column, rows, text)``:
    a group label over the run of columns that share it, a column in no group over both
    rows.

    >>> header_spans([["Butir", "SS", "SS", "Skor"], ["", "F", "%", ""]])
    [(0, 0, 0, 2, 'Butir'), (0, 1, 2, 1, 'SS'), (1, 1, 1, 1, 'F'), (1, 2, 2, 1, '%'), (0, 3, 3, 2, 'Skor')]
    """
    top, bottom = header
    out, j = [], 0
    while j < len(top):
        if not bottom[j]:
            out.append((0, j, j, 2, top[j]))
            j += 1
            continue
        end = j
        while end + 1 < len(top) and bottom[end + 1] and top[end + 1] == top[j]:
            end += 1
        out.append((0, j, end, 1, top[j]))
        out += [(1, k, k, 1, bottom[k]) for k in range(j, end + 1)]
        j = end + 1
    return out


def write_sheet(
    ws,
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    title: str,
    source_line: str,
    notes: Sequence[str] = (),
    number_formats: Sequence[str | None] | None = None,
    width_texts: Sequence[Sequence[str]] | None = None,
    header_rows: list[list[str]] | None = None,
) -> None:
    """Fill the openpyxl worksheet ``ws`` with one table.

    Parameters
    ----------
    ws : openpyxl.worksheet.worksheet.Worksheet
        An empty sheet.
    header : sequence of str
        Column headers as the reader sees them.
    rows : sequence of sequences
        Cell values, row by row: ``None`` is missing (written "..."), ``int``/``float``
        are stored as numbers, anything else as text.
    title : str
        Row 1 ("Tabel V.1 Judul").
    source_line : str
        The "Sumber: ..." line under the table (italic).
    notes : sequence of str
        Lines under the Sumber line.
    number_formats : sequence of str or None, optional
        Excel number format per column for numeric cells (default ``"General"``).
    width_texts : sequence of sequences of str, optional
        Per column, the texts whose length sets the column width (default: the header
        and the cell values).
    header_rows : list of two lists of str, optional
        A two-row header with spanning group labels (:func:`header_spans`) in place of
        ``header``'s one row.
    """
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    ncols = len(header)
    ws.cell(row=1, column=1, value=title).font = Font(bold=True)
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    header_row = 2
    spans = (
        header_spans(header_rows)
        if header_rows
        else [(0, j, j, 1, str(col)) for j, col in enumerate(header)]
    )
    for row, first, last, nrows, text in spans:
        for r in range(row, row + nrows):
            for j in range(first, last + 1):  # every cell of a merged range gets a border
                c = ws.cell(row=header_row + r, column=j + 1)
                c.font = Font(bold=True)
                c.border = border
                c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.cell(row=header_row + row, column=first + 1, value=text)
        if last > first or nrows > 1:
            ws.merge_cells(
                start_row=header_row + row,
                start_column=first + 1,
                end_row=header_row + row + nrows - 1,
                end_column=last + 1,
            )
    if header_rows:
        header_row += 1  # the body starts below the second header row
    # the first body cell of each kind is styled, the others copy its style: setting a
    # style hashes it to find it in the workbook's list, per cell (openpyxl's own
    # WorksheetCopy copies _style the same way; the file is the same)
    styled: dict[tuple, object] = {}
    for i, row in enumerate(rows, start=header_row + 1):
        for j, value in enumerate(row, start=1):
            c = ws.cell(row=i, column=j, value=value)
            number = isinstance(c.value, int | float) and not isinstance(c.value, bool)
            kind = (c.value is None, number and j, c.number_format)
            if kind in styled:
                if c.value is None:
                    c.value = NA_TEXT
                c._style = copy(styled[kind]._style)
                continue
            styled[kind] = c
            c.border = border
            if c.value is None:
                c.value = NA_TEXT
                c.alignment = Alignment(horizontal="center")
            elif number:
                if number_formats and number_formats[j - 1]:
                    c.number_format = number_formats[j - 1]
                c.alignment = Alignment(horizontal="right")
            else:
                c.alignment = Alignment(wrap_text=True, vertical="top")
    last = header_row + len(rows)
    ws.cell(row=last + 1, column=1, value=source_line).font = Font(italic=True)
    for k, note in enumerate(notes, start=last + 2):
        ws.cell(row=k, column=1, value=note)
    if width_texts is None:
        width_texts = [
            [str(h)] + ["" if r[j] is None else str(r[j]) for r in rows]
            for j, h in enumerate(header)
        ]
    for j, texts in enumerate(width_texts, start=1):
        width = max(len(t) for t in texts) + 2
        ws.column_dimensions[get_column_letter(j)].width = min(max(width, 8), 60)
    # title, Sumber line and notes wrap within the table's width instead of running
    # far to the right (which would also shrink the printed table)
    total = sum(ws.column_dimensions[get_column_letter(j)].width for j in range(1, ncols + 1))
    for r in [1, last + 1, *range(last + 2, last + 2 + len(notes))]:
        c = ws.cell(row=r, column=1)
        c.alignment = Alignment(wrap_text=True, vertical="top")
        if ncols > 1:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)
        height = row_height(str(c.value or ""), total)
        if height is not None:
            ws.row_dimensions[r].height = height
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    first_header = 2
    # printing: A4, one page wide, header row repeated, landscape for wide tables
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if ncols > 8 else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = f"{first_header}:{header_row}"


def ods_grid(path, shown: str, preferred: Sequence[str] = ()) -> tuple[list[list[object]], str]:
    """The cells of one sheet of an OpenDocument spreadsheet (``.ods``, as LibreOffice
    Calc and WPS Office save), read by pandas through odfpy.

    Parameters
    ----------
    path : path-like
        The file.
    shown : str
        The file as messages name it.
    preferred : sequence of str
        Sheet names (compared without case) read in preference to the first sheet.

    Returns
    -------
    (list of list, str)
        Every row from the first, each a list of cell values (text, int, float; None for
        an empty cell; whole-number floats as int, as Calc shows them), and the sheet's
        name.

    Raises
    ------
    DataError
        When the file cannot be opened as a spreadsheet.
    """
    import zipfile

    import pandas as pd

    from psm_analysis.errors import DataError, Problem

    try:
        sheets = pd.read_excel(path, engine="odf", header=None, sheet_name=None, dtype=object)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as err:
        raise DataError(
            Problem(
                f"berkas LibreOffice (.ods) tidak dapat dibuka ({type(err).__name__})", file=shown
            )
        ) from None
    if not sheets:
        raise DataError(Problem("berkas .ods tidak punya lembar", file=shown))
    wanted = {p.casefold() for p in preferred}
    name = next((n for n in sheets if str(n).strip().casefold() in wanted), next(iter(sheets)))

    def cell(v):
        if v is None or (isinstance(v, float) and math.isnan(v)):
            return None
        if isinstance(v, float) and v.is_integer():
            return int(v)
        return v

    grid = [[cell(v) for v in row] for row in sheets[name].itertuples(index=False)]
    return grid, str(name)
