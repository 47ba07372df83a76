"""Numbered thesis tables: ``reports/tables/<name>.xlsx``, ``.docx``, ``.md`` and the lists.

:func:`export_table` writes one table three ways, each with the number and title above
("Tabel 2.1 Jumlah PSM menurut kecamatan"), a header row, the body and a "Sumber: ..." line
below, and records number, title and source in ``reports/tables/<name>.json``, from which
:func:`write_lists` builds the DAFTAR TABEL (and the DAFTAR GAMBAR from the figures'
sidecars).

Indonesian numbers in the three formats
---------------------------------------
- ``.docx`` and ``.md``: numbers are written as text the Indonesian way (``1.250``,
  ``66,67``), so the table pastes into the thesis exactly as shown.
- ``.xlsx``: numbers stay numbers (so the researcher can still compute with them) and get
  an Excel number format. An xlsx file stores number formats in one fixed, locale-neutral
  syntax in which ``,`` is the thousands separator and ``.`` the decimal point
  (ECMA-376 Part 1, 18.8.31 numFmts); Excel shows them with the separators of the
  reader's system locale. ``#,##0.00`` therefore shows ``1.250,50`` on a Windows set to
  Bahasa Indonesia and ``1,250.50`` on an English one. Writing ``#.##0,00`` into the
  file would not give the Indonesian look: Excel would read the ``.`` as the decimal
  point. So the cells carry ``#,##0`` / ``#,##0.00`` (years ``0``, per cent
  ``#,##0.00" %"`` on a value in per cent), which is right for the Indonesian
  researcher's Excel and still correct elsewhere.

Column formats (``number_format``)
----------------------------------
A dict ``{column: spec}``; columns not named are inferred (integers: 0 decimals; other
numbers: 2 decimals; a column whose name contains "tahun"/"year": a plain year):

- an ``int`` ``d``: a number with ``d`` decimals,
- ``"percent"`` or ``"percent:1"``: a value already in per cent, shown ``66,67 %``,
- ``"year"``: an integer without thousands separator (``2015``),
- ``"text"``: written as is.
"""

from __future__ import annotations

import functools
import html
import io
import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

from psm_analysis.sheets import NA_TEXT, row_height  # noqa: E402


@dataclass(frozen=True)
class ColumnFormat:
    kind: str  # "number", "percent", "year", "text"
    decimals: int = 0

    @property
    def excel(self) -> str:
        if self.kind == "year":
            return "0"
        if self.kind == "text":
            return "@"
        code = "#,##0" + ("." + "0" * self.decimals if self.decimals else "")
        return code + '" %"' if self.kind == "percent" else code


def _parse_spec(spec: object, column: str) -> ColumnFormat:
    if isinstance(spec, bool):
        raise ValueError(f"number_format for {column!r}: {spec!r} is not a format")
    if isinstance(spec, int):
        if spec < 0:
            raise ValueError(f"number_format for {column!r}: decimals must be >= 0")
        return ColumnFormat("number", spec)
    if isinstance(spec, str):
        if spec in ("year", "text"):
            return ColumnFormat(spec)
        if spec == "percent":
            return ColumnFormat("percent", 2)
        if spec.startswith("percent:") and spec[8:].isdigit():
            return ColumnFormat("percent", int(spec[8:]))
    raise ValueError(
        f"number_format for {column!r}: {spec!r} is not one of int decimals, "
        "'percent', 'percent:N', 'year', 'text'"
    )


def column_formats(df: pd.DataFrame, number_format: dict | None = None) -> dict[str, ColumnFormat]:
    """The format of every column of ``df`` (see the module notes)."""
    import pandas as pd

    number_format = dict(number_format or {})
    unknown = set(number_format) - {str(c) for c in df.columns}
    if unknown:
        raise ValueError(f"number_format names columns not in the table: {sorted(unknown)}")
    out: dict[str, ColumnFormat] = {}
    for col in df.columns:
        name = str(col)
        if name in number_format:
            out[name] = _parse_spec(number_format[name], name)
            continue
        s = df[col]
        if s.dtype == object:
            values = [v for v in s.tolist() if not _is_missing(v)]
            if values and all(
                isinstance(v, int | float) and not isinstance(v, bool) for v in values
            ):
                s = pd.to_numeric(s)
        if pd.api.types.is_bool_dtype(s) or not pd.api.types.is_numeric_dtype(s):
            out[name] = ColumnFormat("text")
        elif "tahun" in name.lower() or "year" in name.lower():
            out[name] = ColumnFormat("year")
        elif pd.api.types.is_integer_dtype(s):
            out[name] = ColumnFormat("number", 0)
        else:
            vals = s.dropna()
            is_int = bool(len(vals)) and bool(((vals - vals.round()).abs() < 1e-9).all())
            out[name] = ColumnFormat("number", 0 if is_int else 2)
    return out


def _is_missing(value: object) -> bool:
    if value is None:
        return True
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def format_cell(value: object, fmt: ColumnFormat) -> str:
    """A cell as Indonesian text: ``1250`` -> ``"1.250"``, ``66.667`` (percent) ->
    ``"66,67 %"``, missing -> ``"..."``, True -> ``"ya"``."""
    from psm_analysis.numbers import format_number, format_percent

    if _is_missing(value):
        return NA_TEXT
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return "ya" if value else "tidak"
    if fmt.kind == "text" or isinstance(value, str):
        return str(value)
    if fmt.kind == "year":
        return str(int(value))
    if fmt.kind == "percent":
        return format_percent(float(value), decimals=fmt.decimals)
    return format_number(float(value), decimals=fmt.decimals)


def format_table(df: pd.DataFrame, number_format: dict | None = None) -> pd.DataFrame:
    """``df`` with every cell as Indonesian text (for display in a notebook)."""
    import pandas as pd

    fmts = column_formats(df, number_format)
    data = {
        str(col): [format_cell(v, fmts[str(col)]) for v in df[col].tolist()] for col in df.columns
    }
    return pd.DataFrame(data, index=df.index, dtype=object)


class ExportedTable(dict):
    """The record :func:`export_table` returns; in a notebook it displays as the
    numbered table with its "Sumber" line. ``.formatted`` is the Indonesian-text table."""

    formatted: pd.DataFrame
    right_aligned: list[str]

    def _repr_html_(self) -> str:
        body = _html_table(self.formatted, getattr(self, "right_aligned", ()))
        notes = "".join(f"<p><em>{html.escape(n)}</em></p>" for n in self.get("notes") or [])
        from psm_analysis.sidecars import number_span

        label = number_span("table", self["name"], self["label"])
        return (
            f'<p class="psm-caption psm-caption-tabel"><strong>{label}</strong> '
            f"{html.escape(self['title'])}</p>"
            f'{body}<p class="psm-sumber">{html.escape(self["source_line"])}</p>{notes}'
        )


def _html_table(formatted: pd.DataFrame, right_aligned) -> str:
    right = set(right_aligned)
    cols = [str(c) for c in formatted.columns]

    def cell(tag: str, col: str, text: object) -> str:
        align = "right" if col in right else "left"
        return f'<{tag} style="text-align:{align}">{html.escape(str(text))}</{tag}>'

    head = "".join(cell("th", c, c) for c in cols)
    rows = "".join(
        "<tr>" + "".join(cell("td", c, v) for c, v in zip(cols, row, strict=True)) + "</tr>"
        for row in formatted.itertuples(index=False)
    )
    return f'<table class="psm-table"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


class Preview:
    """A table shown in a notebook the way the thesis prints it (Indonesian numbers,
    "..." for not available, no row index), without writing any file."""

    def __init__(self, df: pd.DataFrame, number_format: dict | None = None):
        fmts = column_formats(df, number_format)
        self.formatted = format_table(df, number_format)
        self.right_aligned = [c for c, f in fmts.items() if f.kind in ("number", "percent", "year")]

    def _repr_html_(self) -> str:
        return _html_table(self.formatted, self.right_aligned)

    def __repr__(self) -> str:
        return self.formatted.to_string(index=False)


def preview(df: pd.DataFrame, number_format: dict | None = None) -> Preview:
    """Show ``df`` in a notebook as a thesis table (see :class:`Preview`); writes nothing.

    Parameters
    ----------
    df : pandas.DataFrame
        The table as the reader sees it (reader-facing column names); the index is not
        shown.
    number_format : dict, optional
        ``{column: spec}`` as in :func:`export_table` (module notes): int decimals,
        ``"percent"`` / ``"percent:N"`` (a value already in persen, 0-100), ``"year"``,
        ``"text"``; other columns are inferred.

    Returns
    -------
    Preview
        Displays (HTML in a notebook, text elsewhere) with Indonesian numbers and "..."
        for a missing value; ``.formatted`` is the table as text.

    Raises
    ------
    ValueError
        ``number_format`` names a column not in ``df`` or gives an unknown spec.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"Kecamatan": ["Bunut", "Kerumutan"], "PSM": [1250, None],
    ...                    "Pangsa": [66.667, 12.5]})
    >>> preview(df, {"Pangsa": "percent:1"})  # doctest: +NORMALIZE_WHITESPACE
    Kecamatan PSM Pangsa
        Bunut 1.250 66,7 %
    Kerumutan ... 12,5 %
    """
    return Preview(df, number_format)


def cite(
    sources: pd.DataFrame, *table_ids: str, processed: bool = True, extra: str | None = None
) -> str:
    """A "Sumber" text for tables of BAB I from ``sumber_tabel`` (columns ``tabel``,
    ``sumber``, ``tahun``): ``cite(src, "I.3", "I.4")`` ->
    ``"Dinas Sosial Kabupaten Pelalawan, 2017 (Tabel I.3); Dinas Sosial Kabupaten
    Pelalawan, tanpa tahun (Tabel I.4); diolah"``. ``extra`` (e.g. a reference) is added
    before "diolah".

    Parameters
    ----------
    sources : pandas.DataFrame
        One row per source table, as :func:`psm_analysis.dinsos.load_sumber_tabel` gives
        it: ``tabel`` ("I.1" ...), ``sumber``, ``tahun`` (missing when the source gives no
        year).
    *table_ids : str
        The tables cited, in the order to cite them.
    processed : bool
        End with "diolah" (the figures were computed from the sources).
    extra : str or None
        A further source, e.g. the Kemendagri decree, added before "diolah".

    Returns
    -------
    str
        The parts joined by "; ", without the "Sumber:" prefix.

    Raises
    ------
    KeyError
        A table id is not in ``sources``.

    Examples
    --------
    >>> import pandas as pd
    >>> src = pd.DataFrame({"tabel": ["I.3", "I.4"],
    ...                     "sumber": ["Dinas Sosial Kabupaten Pelalawan"] * 2,
    ...                     "tahun": [2017, None]})
    >>> cite(src, "I.3", "I.4").split("; ")  # doctest: +NORMALIZE_WHITESPACE
    ['Dinas Sosial Kabupaten Pelalawan, 2017 (Tabel I.3)',
     'Dinas Sosial Kabupaten Pelalawan, tanpa tahun (Tabel I.4)', 'diolah']
    >>> cite(src, "I.3", processed=False, extra="Kepmendagri 2025")
    'Dinas Sosial Kabupaten Pelalawan, 2017 (Tabel I.3); Kepmendagri 2025'
    """
    import pandas as pd

    by_id = sources.set_index("tabel")
    parts = []
    for tid in table_ids:
        if tid not in by_id.index:
            raise KeyError(f"table {tid!r} is not in the sources table")
        row = by_id.loc[tid]
        year = row["tahun"]
        when = "tanpa tahun" if pd.isna(year) else str(int(year))
        parts.append(f"{row['sumber']}, {when} (Tabel {tid})")
    if extra:
        parts.append(extra)
    if processed:
        parts.append("diolah")
    return "; ".join(parts)


def _source_line(source: str, lang: str) -> str:
    from psm_analysis.labels import t

    return f"{t('sumber', lang)}: {source}"


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
    lang: str | None = None,
    paths=None,
    order: int | None = None,
) -> ExportedTable:
    """Write ``reports/tables/<name>.xlsx``, ``.docx``, ``.md`` and the sidecar ``.json``.

    In a notebook, call it through the chapter object ``notebook.setup`` returns
    (``bab.export_table(df, name, title=..., source=...)``), which hands out the numbers;
    this function reads no notebook state. ``number`` is the reader-facing number ("2.1"),
    ``index`` its position in the notebook, ``notebook`` the notebook's number ("02"),
    ``lang`` the language of the label (``None``: Indonesian). Column
    names are written as given (make them reader-facing Indonesian); a named index
    becomes the first column, an unnamed one is dropped. ``notes`` are
    printed below the Sumber line. Returns the sidecar record (``kind``, ``name``,
    ``number``, ``label``, ``title``, ``source``, ``source_line``, ``notes``,
    ``notebook``, ``index``, ``lang``, ``files``), which displays as the table.
    """
    from psm_analysis.config import get_paths
    from psm_analysis.labels import t
    from psm_analysis.sidecars import check_name

    check_name(name)
    if not title or not source:
        raise ValueError("export_table needs a title and a source")
    if isinstance(notes, str):
        notes = [notes]
    notes = list(notes or [])
    lang = lang or "id"
    # a named index (e.g. items of a Likert table) is a column the reader needs
    named = any(n is not None for n in df.index.names)
    df = df.reset_index(drop=not named)
    fmts = column_formats(df, number_format)
    formatted = format_table(df, number_format)
    cols = [str(c) for c in df.columns]
    record = ExportedTable(
        kind="table",
        name=name,
        number=number,
        label=f"{t('tabel', lang)} {number}",
        title=title,
        source=source,
        source_line=_source_line(source, lang),
        notes=notes,
        notebook=notebook,
        index=index,
        order=order,
        lang=lang,
        columns=cols,
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
    record.right_aligned = [c for c, f in fmts.items() if f.kind in ("number", "percent", "year")]
    write_table_files(record, (paths or get_paths()).tables)
    return record


def _json_value(value: object) -> object:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _content(record: dict):
    """The formats and the Indonesian-text table of a table's sidecar record."""
    import pandas as pd

    cols = record["columns"]
    fmts = {c: ColumnFormat(k, d) for c, (k, d) in zip(cols, record["formats"], strict=True)}
    formatted = pd.DataFrame(record["cells"], columns=cols, dtype=object)
    return fmts, formatted


def write_table_files(record: dict, folder) -> None:
    """Write a table's ``.xlsx``, ``.docx``, ``.md`` and sidecar ``.json`` from its
    record (as :func:`export_table` makes it; ``reproduce`` calls this again when a
    table's final number differs from the one it had while its notebook ran)."""
    from psm_analysis import files
    from psm_analysis.sidecars import sidecar_text

    name = record["name"]
    fmts, formatted = _content(record)
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
        files.docx_bytes(_document(formatted, fmts, record, source_line, notes)),
    )
    files.write_text(
        folder / f"{name}.md", _markdown(formatted, fmts, label, title, source_line, notes)
    )
    files.write_text(folder / f"{name}.json", sidecar_text(dict(record)))


def rewrite_table_files(folder, labels: dict[str, tuple[str, str] | list[str]]) -> None:
    """Write each table of ``labels`` (``{name: (number, label)}``, e.g.
    ``{"02_cakupan_diklat": ("IV.6", "Tabel IV.6")}``) again under its new number, from
    its sidecar ``<folder>/<name>.json``: the ``.xlsx``, ``.docx`` and ``.md``, then the
    sidecar with the new number last, so that a sidecar never shows a number its table
    files do not have yet. Raises OSError or ValueError for a sidecar missing or not JSON."""
    import json
    from pathlib import Path

    from psm_analysis import files
    from psm_analysis.sidecars import sidecar_text

    folder = Path(folder)
    for name, (number, label) in labels.items():
        record = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
        relabelled = _relabelled_files(folder, record, label)
        record["number"], record["label"] = number, label
        if relabelled is None:
            write_table_files(record, folder)
            continue
        for file_name, data in relabelled.items():
            files.write_bytes(folder / file_name, data)
        files.write_text(folder / f"{name}.json", sidecar_text(record))


def _relabelled_files(folder, record: dict, label: str) -> dict[str, bytes] | None:
    """The ``.xlsx``, ``.docx`` and ``.md`` of table ``record`` with ``label`` in place of
    its label: the files as they are, with the label changed where
    :func:`write_table_files` put it (the title cell and the sheet name, the caption's
    text and SEQ field, the Markdown title), byte for byte what writing them anew
    gives, in a tenth of the time. None when a file is missing or does not have the
    label exactly there (then write them anew)."""
    import zipfile
    from xml.sax.saxutils import escape, quoteattr

    from psm_analysis.files import normalize_zip

    old, name, title = record["label"], record["name"], record["title"]
    word, _, old_number = old.rpartition(" ")
    new_word, _, number = label.rpartition(" ")
    old_head, _, old_seq = old_number.rpartition(".")
    head, _, seq = number.rpartition(".")
    if not (word and word == new_word and old_head and head):
        return None

    def swap(text: str, pairs: list[tuple[str, str]]) -> str | None:
        """``text`` with each (old, new) swapped; None unless each old is found exactly
        once (anywhere else the label stays: it is not derived from the number)."""
        for a, b in pairs:
            if text.count(a) != 1:
                return None
            text = text.replace(a, b)
        return text

    try:
        md = (folder / f"{name}.md").read_text(encoding="utf-8")
        xlsx = (folder / f"{name}.xlsx").read_bytes()
        docx = (folder / f"{name}.docx").read_bytes()
        with zipfile.ZipFile(io.BytesIO(xlsx)) as z:
            sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
            book = z.read("xl/workbook.xml").decode("utf-8")
        with zipfile.ZipFile(io.BytesIO(docx)) as z:
            body = z.read("word/document.xml").decode("utf-8")
    except (OSError, KeyError, zipfile.BadZipFile, UnicodeDecodeError):
        return None
    first = f"**{old}** {title}\n"
    if not md.startswith(first):
        return None
    md = f"**{label}** {title}\n" + md[len(first) :]
    old_sheet, new_sheet = _sheet_title(old), _sheet_title(label)
    sheet_pairs = [(f">{escape(f'{old} {title}')}</t>", f">{escape(f'{label} {title}')}</t>")]
    book_pairs = [(f"name={quoteattr(old_sheet)}", f"name={quoteattr(new_sheet)}")]
    quoted = "'" + old_sheet.replace("'", "''") + "'!"
    if quoted in book:
        book_pairs.append((quoted, "'" + new_sheet.replace("'", "''") + "'!"))
    if book.count(old_sheet) != len(book_pairs):
        return None
    # the title row's height follows the title's length (sheets.write_sheet)
    width = sum(
        float(w) * (int(hi) - int(lo) + 1)
        for w, lo, hi in re.findall(r'<col width="([0-9.]+)"[^>]* min="(\d+)" max="(\d+)"', sheet)
    )
    if row_height(f"{old} {title}", width) != row_height(f"{label} {title}", width):
        return None

    def caption(text: str, value: str) -> str:  # as add_caption and _seq_field write it
        return (
            f'<w:t>{escape(text)}</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> SEQ {escape(word)} \\* ARABIC \\s 1 '
            f'</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f"<w:r><w:t>{escape(value)}</w:t>"
        )

    body_pairs = [(caption(f"{word} {old_head}.", old_seq), caption(f"{word} {head}.", seq))]
    new_sheet_xml, new_book, new_body = (
        swap(sheet, sheet_pairs),
        swap(book, book_pairs),
        swap(body, body_pairs),
    )
    if new_sheet_xml is None or new_book is None or new_body is None:
        return None
    return {
        f"{name}.xlsx": normalize_zip(
            xlsx,
            {
                "xl/worksheets/sheet1.xml": new_sheet_xml.encode("utf-8"),
                "xl/workbook.xml": new_book.encode("utf-8"),
            },
        ),
        f"{name}.docx": normalize_zip(docx, {"word/document.xml": new_body.encode("utf-8")}),
        f"{name}.md": md.encode("utf-8"),
    }


def _sheet_title(label: str) -> str:
    """The worksheet's name: the label, "." being not allowed there (31 characters at
    most, Excel's limit)."""
    return label.replace(".", "_")[:31]


def _xlsx_value(value: object, fmt: ColumnFormat) -> object:
    if _is_missing(value):
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
    write_sheet(
        ws,
        cols,
        record["values"],
        title=f"{label} {title}",
        source_line=source_line,
        notes=notes,
        number_formats=[fmts[c].excel for c in cols],
        width_texts=[[c] + [str(v) for v in formatted[c].tolist()] for c in cols],
    )
    return wb


#: Paper and margins of the Word tables (cm): A4 with the usual thesis margins.
_PAPER = (21.0, 29.7)
_MARGINS = {"left": 4.0, "right": 3.0, "top": 3.0, "bottom": 3.0}
#: Font sizes (pt) tried from the largest down until the table fits the text width.
_FONT_SIZES = (11, 10, 9, 8)
#: Left + right cell padding of Word's "Table Grid" (2 x 0.19 cm) plus a little slack.
_CELL_PAD_CM = 0.40
#: Approximate advance widths of Times New Roman characters, in em (capitals, digits,
#: everything else), with a little to spare.
_CHAR_EM = {"upper": 0.68, "digit": 0.51, "other": 0.47}
#: Widest a column may grow (cm) before its text wraps.
_MAX_COL_CM = 8.0


def _em(text: str) -> float:
    """The advance width of ``text`` in em (see :data:`_CHAR_EM`)."""
    return sum(
        _CHAR_EM["upper" if c.isupper() else "digit" if c.isdigit() else "other"] for c in text
    )


def _cm(em: float, pt: float, bold: bool = False) -> float:
    """``em`` at font size ``pt`` in cm (bold text runs a little wider)."""
    return em * pt / 72 * 2.54 * (1.06 if bold else 1.0)


def _text_cm(text: str, pt: float, bold: bool = False) -> float:
    return _cm(_em(text), pt, bold)


def _words(text: str) -> list[str]:
    """The pieces Word will not break: words, split after hyphens ("Ragu-" "ragu")."""
    import re

    return re.findall(r"[^\s-]+-?|-", text) or [""]


@dataclass(frozen=True)
class _ColumnEms:
    """What the layout needs of one column, in em (measured once per table, then scaled
    to each font size tried: a width in cm is linear in the font size, and rounding is
    monotonic, so the largest width at a size is the largest em scaled)."""

    header: float  # the header on one line (bold)
    header_word: float  # its longest word (bold)
    body_word: float | None  # the longest word of the body (None: no body rows)
    body_line: float | None  # the longest body cell on one line (None: no body rows)
    any_word: float  # the longest word of header and body, not bold


def _measure(formatted) -> list[_ColumnEms]:
    out = []
    for col in formatted.columns:
        header = str(col)
        body = [str(v) for v in formatted[col].tolist()]
        header_word = max(_em(w) for w in _words(header))
        body_word = max((_em(w) for v in body for w in _words(v)), default=None)
        out.append(
            _ColumnEms(
                header=_em(header),
                header_word=header_word,
                body_word=body_word,
                body_line=max((_em(v) for v in body), default=None),
                any_word=max(header_word, body_word if body_word is not None else 0.0),
            )
        )
    return out


def _share(low: list[float], high: list[float], available: float) -> list[float]:
    """Widths from ``low`` towards ``high``, the room above ``sum(low)`` shared in
    proportion to what each column lacks."""
    if sum(high) <= available:
        return high
    lack = [h - lo for lo, h in zip(low, high, strict=True)]
    room = available - sum(low)
    total = sum(lack)
    return [lo + room * k / total for lo, k in zip(low, lack, strict=True)]


def _column_widths(
    ems: list[_ColumnEms], pt: float, available: float
) -> tuple[list[float], list[float]] | None:
    """Column widths (cm) for a table measured by :func:`_measure` at font size ``pt``
    and the widths each column's longest body line would need, or None if even the
    longest word of every column does not fit in ``available`` cm.

    Each column gets at least its longest word (so no word is broken across lines),
    then, while room is left, up to its longest body line, and last up to its header
    on one line; at each step the room is shared in proportion to what each column
    still lacks.
    """
    minimum, longest, body_w, full_w = [], [], [], []
    for m in ems:
        word = _cm(m.header_word, pt, True)
        if m.body_word is not None:
            word = max(word, _cm(m.body_word, pt))
        lo = word + _CELL_PAD_CM
        cap = max(lo, _MAX_COL_CM)
        line = (_cm(m.body_line, pt) if m.body_line is not None else 0.0) + _CELL_PAD_CM
        mid = min(max(line, lo), cap)
        minimum.append(lo)
        longest.append(max(line, lo))
        body_w.append(mid)
        full_w.append(min(max(mid, _cm(m.header, pt, True) + _CELL_PAD_CM), cap))
    if sum(minimum) > available:
        return None
    if sum(body_w) > available:
        # share by the uncapped line lengths, so the long text (quotes, statements)
        # gets most of the room
        return _share(minimum, longest, available), body_w
    return _share(body_w, full_w, available), body_w


#: A column squeezed narrower than this (cm), while its text is longer, reads badly.
_COMFORT_CM = 3.0


def _layout(formatted) -> tuple[bool, int, list[float]]:
    """(landscape, font size, column widths): portrait at the largest font size at which
    no column is squeezed below :data:`_COMFORT_CM`, else landscape; if nothing is
    comfortable, the layout in which every word fits and the most squeezed column
    suffers least."""
    ems = _measure(formatted)
    candidates = [(False, pt) for pt in _FONT_SIZES[:-1]] + [(True, pt) for pt in _FONT_SIZES]
    fitting = []
    for landscape, pt in candidates:
        width = (_PAPER[1] if landscape else _PAPER[0]) - _MARGINS["left"] - _MARGINS["right"]
        found = _column_widths(ems, pt, width)
        if found is None:
            continue
        widths, body = found
        ease = min(w / min(b, _COMFORT_CM) for w, b in zip(widths, body, strict=True))
        if ease >= 1 - 1e-9:
            return landscape, pt, widths
        fitting.append((ease, landscape, pt, widths))
    if fitting:  # the layout whose most squeezed column suffers least
        _, landscape, pt, widths = max(fitting, key=lambda f: f[0])
        return landscape, pt, widths
    # not even the words fit: smallest font on landscape, columns shrunk in proportion
    width = _PAPER[1] - _MARGINS["left"] - _MARGINS["right"]
    pt = _FONT_SIZES[-1]
    raw = [_cm(m.any_word, pt) + _CELL_PAD_CM for m in ems]
    return True, pt, [w * width / sum(raw) for w in raw]


def _page(section, landscape: bool) -> None:
    """A4 in the given orientation with the thesis margins."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(_PAPER[1]), Cm(_PAPER[0])
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(_PAPER[0]), Cm(_PAPER[1])
    section.left_margin, section.right_margin = Cm(_MARGINS["left"]), Cm(_MARGINS["right"])
    section.top_margin, section.bottom_margin = Cm(_MARGINS["top"]), Cm(_MARGINS["bottom"])


#: The language of the Word documents, so Word spell-checks them as Indonesian.
DOCX_LANGUAGE = "id-ID"


def thesis_document():
    """An empty Word document as the thesis sets it: A4 portrait, the thesis margins,
    Times New Roman 12 pt, language Indonesian (id-ID) for the document defaults and
    the Normal and Caption styles."""
    import copy

    # a copy of one made once: python-docx reading its template and the styles set up
    # took a third of a one-table document's time (a test checks the copy's bytes)
    return copy.deepcopy(_blank_thesis_document())


@functools.cache
def _blank_thesis_document():
    """The document :func:`thesis_document` copies; never changed itself."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    doc = Document()
    _page(doc.sections[0], False)
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    caption = doc.styles["Caption"]
    caption.font.name = "Times New Roman"
    caption.font.size = Pt(12)
    caption.font.italic = False
    caption.font.bold = False
    caption.font.color.rgb = RGBColor(0, 0, 0)
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    r_pr_default = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    targets = [s.element.get_or_add_rPr() for s in (normal, caption)]
    if r_pr_default is not None and r_pr_default.find(qn("w:rPr")) is not None:
        targets.append(r_pr_default.find(qn("w:rPr")))
    for r_pr in targets:
        for old in r_pr.findall(qn("w:lang")):
            r_pr.remove(old)
        lang = OxmlElement("w:lang")
        for attr in ("w:val", "w:eastAsia", "w:bidi"):
            lang.set(qn(attr), DOCX_LANGUAGE)
        r_pr.append(lang)
    return doc


def _seq_field(paragraph, identifier: str, value: str) -> None:
    """A Word SEQ field (``SEQ Tabel \\* ARABIC \\s 1``) showing ``value`` until Word
    updates it. ``\\s 1`` starts the count again after each Heading 1 (each BAB), so
    Word's "Insert Table of Figures" lists the captions under the thesis's numbers."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run_with(child):
        r = OxmlElement("w:r")
        r.append(child)
        paragraph._p.append(r)
        return r

    def char(kind: str):
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        return el

    run_with(char("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" SEQ {identifier} \\* ARABIC \\s 1 "
    run_with(instr)
    run_with(char("separate"))
    text = OxmlElement("w:t")
    text.text = value
    run_with(text)
    run_with(char("end"))


def add_caption(doc, word: str, number: str, title: str):
    """A Word caption paragraph (style Caption, centred): ``word`` and the chapter part
    of ``number`` as text, its last part as a SEQ field ("Tabel IV." + SEQ Tabel
    showing 3), then the title. Returns the paragraph."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    head, _, seq = number.rpartition(".")
    p = doc.add_paragraph(style="Caption")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.keep_with_next = word == "Tabel"
    p.add_run(f"{word} {head}." if head else f"{word} ")
    _seq_field(p, word, seq or number)
    p.add_run(f" {title}")
    return p


def add_source(doc, source_line: str, notes) -> None:
    """The "Sumber: ..." line (italic, 10 pt) and the notes under a table or figure."""
    from docx.shared import Pt

    src = doc.add_paragraph()
    r = src.add_run(source_line)
    r.italic = True
    r.font.size = Pt(10)
    for note in notes:
        r = doc.add_paragraph().add_run(note)
        r.font.size = Pt(10)


def add_table(doc, record: dict) -> bool:
    """Add a table with its caption above and the Sumber line and notes below to
    ``doc``; return whether it needs a landscape page."""
    fmts, formatted = _content(record)
    layout = _layout(formatted)
    _add_table(doc, record, fmts, formatted, layout)
    return layout[0]


def _add_table(doc, record: dict, fmts, formatted, layout) -> None:
    """:func:`add_table` with the record's content and :func:`_layout` already known."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml.ns import qn
    from docx.oxml.simpletypes import ST_HpsMeasure
    from docx.shared import Cm, Pt

    from psm_analysis.labels import t

    _, pt, widths = layout
    add_caption(doc, t("tabel", record.get("lang")), record["number"], record["title"])
    cols = [str(c) for c in formatted.columns]
    table = doc.add_table(rows=1, cols=len(cols))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, w in zip(table.columns, widths, strict=True):
        column.width = Cm(w)
    tbl = table._tbl
    tbl.remove(tbl.tr_lst[0])  # the rows come from _rows_xml
    grid = [gc.get(qn("w:w")) for gc in tbl.tblGrid.gridCol_lst]
    right = [fmts[col].kind in ("number", "percent", "year") for col in cols]
    for tr in _rows_xml(cols, formatted, grid, right, ST_HpsMeasure.convert_to_xml(Pt(pt))):
        tbl.append(tr)
    add_source(doc, record["source_line"], record.get("notes") or [])


def _rows_xml(cols: list[str], formatted, grid: list[str], right: list[bool], size: str) -> list:
    """The rows of a Word table as python-docx writes them, as ``w:tr`` elements: the
    header (``cols``, bold and centred, repeated on every page) and ``formatted``'s rows.
    Each cell is as wide as its grid column (``grid``, twips), its run at font size
    ``size`` (half-points); numbers (``right``) right-aligned, the missing marker
    centred, "66,67 %" with a no-break space before its sign.

    The XML is what python-docx writes for ``table.add_row()``, ``cell.text = ""``
    (the header's empty run), ``paragraph.add_run(text)``, ``run.bold``, ``font.size``
    and ``paragraph.alignment``, built as one string and parsed once (python-docx,
    element by element, took most of the time of a table; a test compares the two). A
    text with a tab or line break goes through python-docx's run text setter, which
    turns them into ``w:tab``/``w:br``.
    """
    from xml.sax.saxutils import escape

    from docx.oxml.ns import nsdecls
    from docx.oxml.parser import parse_xml

    cells = [f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{w}"/></w:tcPr><w:p>' for w in grid]
    special = []  # (row, cell, text) for python-docx's setter

    def run(i: int, j: int, text: str, r_pr: str) -> str:
        if not text:
            return f"<w:r>{r_pr}</w:r>"
        if any(c in text for c in "\t\r\n"):
            special.append((i, j, text))
            return f"<w:r>{r_pr}</w:r>"
        space = ' xml:space="preserve"' if len(text.strip()) < len(text) else ""
        return f"<w:r>{r_pr}<w:t{space}>{escape(text)}</w:t></w:r>"

    centre = '<w:pPr><w:jc w:val="center"/></w:pPr>'
    bold = f'<w:rPr><w:b/><w:sz w:val="{size}"/></w:rPr>'
    parts = ['<w:tr><w:trPr><w:tblHeader w:val="true"/></w:trPr>']
    for j, col in enumerate(cols):
        parts += [cells[j], centre, "<w:r/>", run(0, j, col, bold), "</w:p></w:tc>"]
    parts.append("</w:tr>")
    plain = f'<w:rPr><w:sz w:val="{size}"/></w:rPr>'
    for i, row in enumerate(formatted.itertuples(index=False), start=1):
        parts.append("<w:tr>")
        for j, text in enumerate(row):
            parts.append(cells[j])
            if text == NA_TEXT:
                parts.append(centre)
            elif right[j]:
                parts.append('<w:pPr><w:jc w:val="right"/></w:pPr>')
            parts += [run(i, j, str(text).replace(" %", "\u00a0%"), plain), "</w:p></w:tc>"]
        parts.append("</w:tr>")
    rows = list(parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(parts)}</w:tbl>"))
    for i, j, text in special:
        # header: tr > trPr, tc...; body: tr > tc...; tc > tcPr, p; the run is p's last
        rows[i][j + (i == 0)][-1][-1].text = text  # python-docx's CT_R.text
    return rows


def _document(formatted, fmts, record, source_line, notes):
    doc = thesis_document()
    layout = _layout(formatted)
    _page(doc.sections[0], layout[0])
    _add_table(doc, record, fmts, formatted, layout)
    return doc


def md_escape(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _markdown(formatted, fmts, label, title, source_line, notes) -> str:
    cols = [str(c) for c in formatted.columns]
    align = ["---:" if fmts[c].kind in ("number", "percent", "year") else ":---" for c in cols]
    lines = [f"**{label}** {title}", ""]
    lines.append("| " + " | ".join(md_escape(c) for c in cols) + " |")
    lines.append("| " + " | ".join(align) + " |")
    for row in formatted.itertuples(index=False):
        lines.append("| " + " | ".join(md_escape(v) for v in row) + " |")
    lines += ["", source_line]
    lines += [f"\n{n}" for n in notes]
    return "\n".join(lines) + "\n"


def write_thesis_document(path, records: list[dict], figures_folder, chapters: dict) -> None:
    """Write one Word document with every table and figure of ``records`` in thesis
    order: a Heading 1 per BAB (``chapters``: notebook number -> "IV"), table captions
    above their tables, figure captions below their figures, each with its Sumber line,
    a landscape page for a table too wide for portrait. The captions are SEQ fields
    restarting after each Heading 1, so Word renumbers them and builds the DAFTAR
    TABEL/GAMBAR with "Insert Table of Figures"."""
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    from psm_analysis import files
    from psm_analysis.labels import t

    doc = thesis_document()
    landscape = False
    heading = None
    for rec in records:
        bab = chapters.get(str(rec.get("notebook")), "")
        if rec["kind"] == "table":
            fmts, formatted = _content(rec)
            layout = _layout(formatted)
        wide = rec["kind"] == "table" and layout[0]
        if heading is not None and wide != landscape:
            _page(doc.add_section(WD_SECTION.NEW_PAGE), wide)
            landscape = wide
        elif heading is None and wide:
            _page(doc.sections[0], True)
            landscape = True
        if bab != heading:
            doc.add_heading(f"BAB {bab}", level=1)
            heading = bab
        if rec["kind"] == "table":
            _add_table(doc, rec, fmts, formatted, layout)
        else:
            png = next(f for f in rec["files"] if f.endswith(".png"))
            doc.add_picture(str(figures_folder / png), width=Cm(14))
            doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
            doc.paragraphs[-1].paragraph_format.keep_with_next = True
            add_caption(doc, t("gambar", rec.get("lang")), rec["number"], rec["caption"])
            add_source(doc, f"{t('sumber', rec.get('lang'))}: {rec['source']}", [])
        doc.add_paragraph()
    files.write_bytes(path, files.docx_bytes(doc))
