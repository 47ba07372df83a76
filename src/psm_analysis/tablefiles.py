"""Numbered thesis tables: ``reports/tables/<name>.xlsx``, ``.docx``, ``.md`` and the
sidecar ``.json``.

:func:`export_table` writes one table three ways, each with the number and title above
("Tabel V.1 Jumlah PSM menurut kecamatan"), a header row, the body and a "Sumber: ..."
line below, and records number, title, source and content in ``reports/tables/<name>.json``,
from which :func:`psm_analysis.site.write_lists` builds the DAFTAR TABEL and
:func:`write_table_files` writes the table again under its final number. Column formats
and Indonesian numbers: :mod:`psm_analysis.tables`; the Word table:
:mod:`psm_analysis.worddoc`.
"""

from __future__ import annotations

import html
import math

import pandas as pd

from psm_analysis.tables import (
    ColumnFormat,
    column_formats,
    format_table,
    html_table,
    is_missing,
    percent_headers,
    record_content,
    right_aligned,
    spanning_header,
    units_in_header,
)
from psm_analysis.text import caption_case


class ExportedTable(dict):
    """The record :func:`export_table` returns; in a notebook it displays as the
    numbered table with its "Sumber" line. ``.formatted`` is the Indonesian-text table."""

    formatted: pd.DataFrame
    right_aligned: list[str]

    def _repr_html_(self) -> str:
        body = html_table(self.formatted, getattr(self, "right_aligned", ()), self.get("header"))
        notes = "".join(f"<p><em>{html.escape(n)}</em></p>" for n in self.get("notes") or [])
        from psm_analysis.sidecars import number_span

        label = number_span("table", self["name"], self["label"])
        from psm_analysis.labels import italic_html

        return (
            f'<p class="psm-caption psm-caption-tabel"><strong>{label}</strong> '
            f"{italic_html(self['title'])}</p>"
            f'{body}<p class="psm-sumber">{html.escape(self["source_line"])}</p>{notes}'
        )


def export_table(
    df: pd.DataFrame,
    name: str,
    *,
    title: str,
    source: str,
    number_format: dict | None = None,
    notes: list[str] | str | None = None,
    number: str,
    index: int | None = None,
    notebook: str | None = None,
    paths=None,
    order: int | None = None,
    tempat: str | None = None,
    spanning: list[str] | None = None,
    write_files: bool = True,
) -> ExportedTable:
    """Write ``reports/tables/<name>.xlsx``, ``.docx``, ``.md`` and the sidecar ``.json``.

    In a notebook, call it through the chapter object ``notebook.setup`` returns
    (``bab.export_table(df, name, title=..., source=...)``), which hands out the numbers;
    this function reads no notebook state. ``number`` is the reader-facing number ("V.1"),
    ``index`` its position in the notebook, ``notebook`` the notebook's number ("02"). Column
    names are written as given (make them reader-facing Indonesian); a named index
    becomes the first column, an unnamed one is dropped. ``notes`` are
    printed below the Sumber line. ``spanning``: group labels printed once over the
    columns named ``"<group> <sub>"`` (``["SS", "S"]`` puts one "SS" over "SS F" and
    "SS %", shown "F" and "%"), in every format but Markdown. A per-cent column's header
    says "(%)" (added when it does not end in "%") and its values are shown without the
    sign. ``write_files=False`` writes only the sidecar, from which the numbering step
    writes the files under the final number (:func:`psm_analysis.thesis.numbered_later`).
    Returns the sidecar
    record (``kind``, ``name``,
    ``number``, ``label``, ``title``, ``source``, ``source_line``, ``notes``,
    ``notebook``, ``index``, ``files``), which displays as the table.
    """
    from psm_analysis.config import get_paths
    from psm_analysis.labels import t
    from psm_analysis.sidecars import check_name

    check_name(name)
    if not title or not source:
        raise ValueError("export_table needs a title and a source")
    title = caption_case(title)  # one capitalisation for every caption (text.py)
    if isinstance(notes, str):
        notes = [notes]
    notes = list(notes or [])
    # a named index (e.g. items of a Likert table) is a column the reader needs
    named = any(n is not None for n in df.index.names)
    df = df.reset_index(drop=not named)
    df, number_format = percent_headers(df, number_format)
    cols = [str(c) for c in df.columns]
    header = spanning_header(cols, spanning)
    shown = [b or t_ for t_, b in zip(*header, strict=True)] if header else cols
    number_format = units_in_header(df, number_format, shown)
    fmts = column_formats(df, number_format)
    formatted = format_table(df, number_format)
    record = ExportedTable(
        kind="table",
        name=name,
        number=number,
        label=f"{t('tabel')} {number}" if number else "",
        title=title,
        source=source,
        source_line=f"{t('sumber')}: {source}",
        notes=notes,
        notebook=notebook,
        index=index,
        order=order,
        tempat=None if tempat is None else str(tempat),
        columns=cols,
        **({"header": header} if header else {}),
        # the content, so the files can be written again under the final number
        formats=[[fmts[c].kind, fmts[c].decimals] for c in cols],
        cells=[[str(v) for v in row] for row in formatted.itertuples(index=False)],
        values=[
            [_json_value(_xlsx_value(v, fmts[c])) for c, v in zip(cols, row, strict=True)]
            for row in df.itertuples(index=False)
        ],
        files=[f"{name}.xlsx", f"{name}.docx", f"{name}.md"],
    )
    record.formatted = formatted
    record.right_aligned = right_aligned(fmts)
    folder = (paths or get_paths()).tables
    if write_files:
        write_table_files(record, folder)
    else:
        from psm_analysis import files
        from psm_analysis.sidecars import sidecar_text

        files.write_text(folder / f"{name}.json", sidecar_text(dict(record)))
    return record


def _json_value(value: object) -> object:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def write_table_files(record: dict, folder) -> None:
    """Write a table's ``.xlsx``, ``.docx``, ``.md`` and sidecar ``.json`` from its
    record (as :func:`export_table` makes it; ``reproduce`` calls this again when a
    table's final number differs from the one it had while its notebook ran)."""
    from psm_analysis import files, worddoc
    from psm_analysis.sidecars import sidecar_text

    name = record["name"]
    fmts, formatted = record_content(record)
    label, title, source_line, notes = (
        record["label"],
        record["title"],
        record["source_line"],
        record.get("notes") or [],
    )
    files.write_bytes(
        folder / f"{name}.xlsx",
        files.workbook_bytes(_workbook(record, fmts, formatted, label, title, source_line, notes)),
    )
    files.write_bytes(
        folder / f"{name}.docx",
        files.docx_bytes(worddoc.table_document(record)),
    )
    files.write_text(
        folder / f"{name}.md", _markdown(formatted, fmts, label, title, source_line, notes)
    )
    files.write_text(folder / f"{name}.json", sidecar_text(dict(record)))


def _sheet_title(label: str) -> str:
    """The worksheet's name: the label, "." being not allowed there (31 characters at
    most, Excel's limit)."""
    return (label or "Tabel").replace(".", "_")[:31]


def _xlsx_value(value: object, fmt: ColumnFormat) -> object:
    if is_missing(value):
        return None
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return "ya" if value else "tidak"
    if fmt.kind == "text":
        return str(value)
    if isinstance(value, str):
        return value
    f = float(value)
    if fmt.kind == "year" or (fmt.decimals == 0 and f == int(f)):
        return int(f) if math.isfinite(f) and f == int(f) else f
    return f


def _workbook(record, fmts, formatted, label, title, source_line, notes):
    from openpyxl import Workbook

    from psm_analysis.sheets import write_sheet

    wb = Workbook()
    ws = wb.active
    ws.title = _sheet_title(label)
    cols = record["columns"]
    header = record.get("header")
    shown = [b or top for top, b in zip(*header, strict=True)] if header else cols
    write_sheet(
        ws,
        cols,
        record["values"],
        title=f"{label} {title}".strip(),
        source_line=source_line,
        notes=notes,
        number_formats=[fmts[c].excel for c in cols],
        width_texts=[
            [h] + [str(v) for v in formatted[c].tolist()] for c, h in zip(cols, shown, strict=True)
        ],
        header_rows=header,
    )
    return wb


def md_escape(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _markdown(formatted, fmts, label, title, source_line, notes) -> str:
    """The table as Markdown; foreign terms in italics (labels.FOREIGN_TERMS)."""
    from psm_analysis.labels import italic_markdown

    def md_escape(text: str) -> str:
        return italic_markdown(str(text).replace("|", "\\|").replace("\n", " "))

    title = italic_markdown(title)
    cols = [str(c) for c in formatted.columns]
    align = ["---:" if fmts[c].kind in ("number", "percent", "year") else ":---" for c in cols]
    lines = [f"**{label}** {title}" if label else f"**{title}**", ""]
    lines.append("| " + " | ".join(md_escape(c) for c in cols) + " |")
    lines.append("| " + " | ".join(align) + " |")
    for row in formatted.itertuples(index=False):
        lines.append("| " + " | ".join(md_escape(v) for v in row) + " |")
    lines += ["", source_line]
    lines += [f"\n{n}" for n in notes]
    return "\n".join(lines) + "\n"
