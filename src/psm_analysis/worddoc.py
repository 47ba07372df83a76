"""The thesis's Word side: page set-up, captions with SEQ fields, tables laid out to fit
the page, and ``reports/tabel_dan_gambar.docx`` with every table and figure.

Tables are written with python-docx's API; the one piece of XML written by hand is the
header row's ``w:tblHeader`` (repeat on each page), for which python-docx has no API.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from psm_analysis.sheets import NA_TEXT, header_spans
from psm_analysis.tables import record_content

#: Paper and margins of the Word tables (cm): A4 with the usual thesis margins.
_PAPER = (21.0, 29.7)
_MARGINS = {"left": 4.0, "right": 3.0, "top": 3.0, "bottom": 3.0}
#: The font size (pt) of every table's header and body: one size in all tables, portrait
#: or landscape (a table too wide for portrait goes landscape, not smaller).
TABLE_PT = 10
#: Left + right cell padding of Word's "Table Grid" (2 x 0.19 cm) plus a little slack.
_CELL_PAD_CM = 0.40
#: Characters Adobe's StandardEncoding places elsewhere than ASCII does, and the glyph
#: names of the non-ASCII characters the tables print; any other character is measured as
#: its base letter ("é" as "e") or, failing that, as the widest glyph (:data:`_WIDEST`).
_GLYPHS = {
    "'": "quotesingle",
    "`": "grave",
    "\u00a0": "space",
    "\u2018": "quoteleft",
    "\u2019": "quoteright",
    "\u201c": "quotedblleft",
    "\u201d": "quotedblright",
    "\u2013": "endash",
    "\u2014": "emdash",
    "\u2026": "ellipsis",
    "\u00b2": "twosuperior",
    "\u00b7": "periodcentered",
    "\u00d7": "multiply",
}
_WIDEST = "W"
#: Widest a column may grow (cm) before its text wraps.
_MAX_COL_CM = 8.0


@functools.cache
def _advance_widths(bold: bool) -> dict[str, float]:
    """Advance widths (em) of the Times glyphs, regular or bold, by character and glyph name.

    Read from Adobe's Times-Roman and Times-Bold font metrics (``ptmr8a.afm``,
    ``ptmb8a.afm``, the copies matplotlib ships in ``mpl-data/fonts/afm``). Times New
    Roman and its metric-compatible clone Liberation Serif (what LibreOffice uses for it)
    have the same advance widths for every ASCII character (checked against
    LiberationSerif-Regular/Bold.ttf with Pillow: within 0,0003 em); kerning, which only
    narrows pairs such as "Ta", is left out, so a measured word is never too short.
    """
    from pathlib import Path

    import matplotlib

    name = "ptmb8a.afm" if bold else "ptmr8a.afm"
    afm = Path(matplotlib.get_data_path()) / "fonts" / "afm" / name
    widths: dict[str, float] = {}
    for line in afm.read_text(encoding="latin-1").splitlines():
        if not line.startswith("C "):
            continue
        fields = dict(f.strip().split(" ", 1) for f in line.split(";") if f.strip())
        code, wx = int(fields["C"]), float(fields["WX"]) / 1000
        widths[fields["N"]] = wx
        if 32 <= code <= 126:
            widths[chr(code)] = wx
    for char, glyph in _GLYPHS.items():
        widths[char] = widths[glyph]
    return widths


def _em(text: str, bold: bool = False) -> float:
    """The advance width of ``text`` in Times New Roman, in em (:func:`_advance_widths`)."""
    import unicodedata

    widths = _advance_widths(bold)
    total = 0.0
    for c in text:
        width = widths.get(c)
        if width is None:
            base = unicodedata.normalize("NFD", c)[:1]
            width = widths.get(base, widths[_WIDEST])
        total += width
    return total


def _cm(em: float, pt: float) -> float:
    """``em`` at font size ``pt`` in cm."""
    return em * pt / 72 * 2.54


def _text_cm(text: str, pt: float, bold: bool = False) -> float:
    return _cm(_em(text, bold), pt)


def _words(text: str) -> list[str]:
    """The pieces Word will not break: words, split after hyphens ("Ragu-" "ragu")."""

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
    any_word: float  # the longest word of header (bold) and body


def _measure(formatted, headers: list[str] | None = None) -> list[_ColumnEms]:
    """Each column measured: its header (``headers``, the labels printed right above the
    cells; default the column names) and its body."""
    out = []
    for k, col in enumerate(formatted.columns):
        header = headers[k] if headers is not None else str(col)
        body = [str(v) for v in formatted[col].tolist()]
        header_word = max(_em(w, bold=True) for w in _words(header))
        body_word = max((_em(w) for v in body for w in _words(v)), default=None)
        out.append(
            _ColumnEms(
                header=_em(header, bold=True),
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
        word = _cm(m.header_word, pt)
        if m.body_word is not None:
            word = max(word, _cm(m.body_word, pt))
        lo = word + _CELL_PAD_CM
        cap = max(lo, _MAX_COL_CM)
        line = (_cm(m.body_line, pt) if m.body_line is not None else 0.0) + _CELL_PAD_CM
        mid = min(max(line, lo), cap)
        minimum.append(lo)
        longest.append(max(line, lo))
        body_w.append(mid)
        full_w.append(min(max(mid, _cm(m.header, pt) + _CELL_PAD_CM), cap))
    if sum(minimum) > available:
        return None
    if sum(body_w) > available:
        # share by the uncapped line lengths, so the long text (quotes, statements)
        # gets most of the room
        return _share(minimum, longest, available), body_w
    return _share(body_w, full_w, available), body_w


#: A column squeezed narrower than this (cm), while its text is longer, reads badly: the
#: table then goes landscape. 2 cm keeps a five- or six-column table with a text column
#: portrait, as theses print them (3 cm sent 30 of the demo's 42 thesis tables landscape,
#: 2 cm 24: the 17-column Likert tables and others that do not fit).
_COMFORT_CM = 2.0


def shown_headers(record: dict) -> list[str]:
    """The label printed right above each column's cells: its sub-label under a spanning
    group label ("F" under "SS"), else its name."""
    header = record.get("header")
    if not header:
        return [str(c) for c in record["columns"]]
    return [bottom or top for top, bottom in zip(*header, strict=True)]


def _layout(formatted, headers: list[str] | None = None) -> tuple[bool, int, list[float]]:
    """(landscape, font size, column widths), at :data:`TABLE_PT`: portrait when no
    column is squeezed below :data:`_COMFORT_CM`, else landscape; if neither is
    comfortable, the one in which every word fits and the most squeezed column suffers
    least."""
    ems = _measure(formatted, headers)
    candidates = [(False, TABLE_PT), (True, TABLE_PT)]
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
    # not even the words fit: landscape, some headers written bottom to top
    width = _PAPER[1] - _MARGINS["left"] - _MARGINS["right"]
    pt = TABLE_PT
    turned = _turned_widths(ems, pt, width)
    if turned is not None:
        return True, pt, turned
    # not even then: columns shrunk in proportion
    raw = [_cm(m.any_word, pt) + _CELL_PAD_CM for m in ems]
    return True, pt, [w * width / sum(raw) for w in raw]


#: The room across its column (em) that a header written bottom to top needs: one line
#: (single line spacing of Times New Roman, 1,15 em).
_LINE_EM = 1.15


def _turned_widths(ems: list[_ColumnEms], pt: float, available: float) -> list[float] | None:
    """Column widths (cm) in ``available`` cm with the headers of some columns written
    bottom to top, as theses print the item columns of a tabulation (19 columns "KIN01"
    ... do not fit across a landscape page at 10 pt); None if even then a body word does
    not fit.

    A column whose header word is wider than its body can be turned; alike columns (the
    same header and body widths: KIN01 ... KIN18) turn together, the group saving most
    first, until the table fits. The room left is shared as :func:`_column_widths` does.
    :func:`_turned` tells from the widths which headers are turned.
    """
    head = [_cm(m.header_word, pt) + _CELL_PAD_CM for m in ems]
    body = [max(_cm(m.body_word or 0.0, pt), _cm(_LINE_EM, pt)) + _CELL_PAD_CM for m in ems]
    need = [max(h, b) for h, b in zip(head, body, strict=True)]
    groups: dict[tuple[float, float], list[int]] = {}  # alike: same header and body need
    for j, (h, b) in enumerate(zip(head, body, strict=True)):
        if h > b:
            groups.setdefault((round(h, 2), round(b, 2)), []).append(j)
    for _, cols in sorted(groups.items(), key=lambda g: -(g[0][0] - g[0][1]) * len(g[1])):
        if sum(need) <= available:
            break
        for j in cols:
            need[j] = body[j]
    if sum(need) > available:
        return None
    high = []
    for n, h, m in zip(need, head, ems, strict=True):
        line = _cm(m.body_line or 0.0, pt) + _CELL_PAD_CM
        if n >= h:  # not turned: up to its header on one line
            line = max(line, _cm(m.header, pt) + _CELL_PAD_CM)
        high.append(min(max(n, line), max(n, _MAX_COL_CM)))
    return _share(need, high, available)


def _turned(headers: list[str], pt: float, widths: list[float]) -> list[bool]:
    """Which columns' headers are written bottom to top: those narrower than their
    header's longest word (:func:`_turned_widths`)."""
    return [
        w + 1e-9 < max(_text_cm(x, pt, bold=True) for x in _words(h)) + _CELL_PAD_CM
        for h, w in zip(headers, widths, strict=True)
    ]


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


#: The width of a figure in the Word documents (cm): the text width of a portrait A4
#: page with the thesis margins (:data:`_PAPER`, :data:`_MARGINS`), 21 - 4 - 3 = 14 cm.
#: :data:`psm_analysis.plots.TEXT_WIDTH` draws every figure at this width.
FIGURE_WIDTH_CM = _PAPER[0] - _MARGINS["left"] - _MARGINS["right"]
#: The tallest a figure may be in the Word documents (cm): the text height of a portrait
#: A4 page (29,7 - 3 - 3 = 23,7 cm) less room for a two-line caption and Sumber line below
#: it, which stay on the figure's page (a taller figure is shrunk to this height).
FIGURE_MAX_HEIGHT_CM = 19.5
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
    from docx.enum.text import WD_ALIGN_PARAGRAPH
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
    # Heading 1 as a thesis sets a BAB title (Word's default is blue Calibri Light): the
    # style stays Heading 1, so Word's Insert Table of Contents and the captions' \s 1
    # still work
    heading = doc.styles["Heading 1"]
    heading.font.name = "Times New Roman"
    heading.font.size = Pt(14)
    heading.font.bold = True
    heading.font.color.rgb = RGBColor(0, 0, 0)
    heading.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.paragraph_format.space_before = Pt(0)
    heading.element.get_or_add_rPr()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts = heading.element.rPr.find(qn("w:rFonts"))
        if fonts is not None and fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]
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


def add_text(paragraph, text: str) -> list:
    """Add ``text`` to ``paragraph`` as runs, every foreign term of
    :data:`psm_analysis.labels.FOREIGN_TERMS` in an italic run (EYD V); return the runs
    (for the caller's font size or bold)."""
    from psm_analysis.labels import foreign_parts

    runs = []
    for part, foreign in foreign_parts(text):
        run = paragraph.add_run(part)
        if foreign:
            run.italic = True
        runs.append(run)
    return runs


def add_caption(doc, word: str, number: str, title: str):
    """A Word caption paragraph (style Caption, centred): ``word`` and the chapter part
    of ``number`` as text, its last part as a SEQ field ("Tabel IV." + SEQ Tabel
    showing 3), then the title. Returns the paragraph."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    head, _, seq = number.rpartition(".")
    p = doc.add_paragraph(style="Caption")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # on the page of what follows it: a table's caption its table, a figure's its Sumber line
    p.paragraph_format.keep_with_next = True
    title = title.strip().removesuffix(".")  # a caption ends without a full stop
    if not number:  # placed nowhere in the thesis: the title alone, no SEQ field
        add_text(p, title)
        return p
    p.add_run(f"{word} {head}." if head else f"{word} ")
    _seq_field(p, word, seq or number)
    add_text(p, f" {title}")
    return p


def add_source(doc, source_line: str, notes) -> None:
    """The "Sumber: ..." line (italic, 10 pt) and the notes under a table or figure."""
    from docx.shared import Pt

    src = doc.add_paragraph()
    r = src.add_run(source_line)
    r.italic = True
    r.font.size = Pt(10)
    for note in notes:
        for r in add_text(doc.add_paragraph(), note):
            r.font.size = Pt(10)


def add_table(doc, record: dict) -> bool:
    """Add a table with its caption above and the Sumber line and notes below to
    ``doc``; return whether it needs a landscape page."""
    fmts, formatted = record_content(record)
    layout = _layout(formatted, shown_headers(record))
    _add_table(doc, record, fmts, formatted, layout)
    return layout[0]


def _add_table(doc, record: dict, fmts, formatted, layout) -> None:
    """:func:`add_table` with the record's content and :func:`_layout` already known:
    the caption, then the table (python-docx's API, as its quick start shows it: header
    bold and centred, repeated on each page; numbers right-aligned, the missing marker
    centred, "66,67 %" with a no-break space before its sign), then Sumber and notes."""
    from docx.enum.table import WD_ALIGN_VERTICAL, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt
    from docx.table import _Cell

    from psm_analysis.labels import t

    _, pt, widths = layout
    add_caption(doc, t("tabel"), record["number"], record["title"])
    cols = [str(c) for c in formatted.columns]
    spans = (
        header_spans(record["header"])
        if record.get("header")
        else [(0, j, j, 1, col) for j, col in enumerate(cols)]
    )
    header_rows = 1 + max(row + nrows - 1 for row, _, _, nrows, _ in spans)
    table = doc.add_table(rows=header_rows, cols=len(cols))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    turned = _turned(shown_headers(record), pt, widths)
    turned_cm = 0.0  # the longest header written bottom to top
    for row, first, last, nrows, text in spans:
        cell = table.cell(row, first)
        if last > first or nrows > 1:  # a group label over its columns, or over both rows
            cell = cell.merge(table.cell(row + nrows - 1, last))
            cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
        p = cell.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for r in add_text(p, text):
            r.bold = True
            r.font.size = Pt(pt)
        if first == last and row + nrows == header_rows and turned[first]:
            # too narrow for its word: written bottom to top (no python-docx API)
            direction = OxmlElement("w:textDirection")
            direction.set(qn("w:val"), "btLr")
            cell._tc.get_or_add_tcPr().append(direction)
            cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
            turned_cm = max(turned_cm, _text_cm(text, pt, bold=True) + _CELL_PAD_CM)
    if turned_cm:  # the last header row as tall as the longest turned header
        table.rows[header_rows - 1].height = Cm(turned_cm)
        table.rows[header_rows - 1].height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    for k in range(header_rows):
        header = OxmlElement("w:tblHeader")  # no python-docx API for "repeat header row"
        header.set(qn("w:val"), "true")
        table.rows[k]._tr.get_or_add_trPr().append(header)
    right = [fmts[col].kind in ("number", "percent", "year") for col in cols]
    width = [Cm(w) for w in widths]
    for j, w in enumerate(width):
        table.columns[j].width = w
    for row in table.rows[:header_rows]:  # a merged header cell: its columns' widths
        j = 0
        for tc in row._tr.tc_lst:
            tc.width = sum(width[j : j + tc.grid_span])
            j += tc.grid_span
    for row in formatted.itertuples(index=False):
        # the new row's cells from its own XML (python-docx's _Cell): row.cells walks the
        # whole table's grid for every row; the demo's 62 table documents took 1,86 s of
        # CPU that way, 1,39 s this way, the XML the same
        tr = table.add_row()._tr
        for j, (tc, text) in enumerate(zip(tr.tc_lst, row, strict=True)):
            cell = _Cell(tc, table)
            cell.width = width[j]
            p = cell.paragraphs[0]
            for r in add_text(p, str(text).replace(" %", "\u00a0%")):
                r.font.size = Pt(pt)
            if text == NA_TEXT:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif right[j]:
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for row in table.rows:  # a row is never split over two pages (no python-docx API)
        row._tr.get_or_add_trPr().insert(0, OxmlElement("w:cantSplit"))
    for cell in table.rows[-1].cells:  # the last row stays on the page of its Sumber line
        for p in cell.paragraphs:
            p.paragraph_format.keep_with_next = True
    add_source(doc, record["source_line"], record.get("notes") or [])


def table_document(record: dict):
    """A Word document holding one table (the ``.docx`` of a thesis table), on a
    landscape page when the table does not fit portrait."""
    fmts, formatted = record_content(record)
    doc = thesis_document()
    layout = _layout(formatted, shown_headers(record))
    _page(doc.sections[0], layout[0])
    _add_table(doc, record, fmts, formatted, layout)
    return doc


def write_thesis_document(
    path, groups: list[tuple[str, list[dict]]], figures_folder, built: dict | None = None
) -> None:
    """Write one Word document with the tables and figures of ``groups``: per group its
    Heading 1 ("BAB V", "LAMPIRAN") and its records in thesis order, table captions above
    their tables, figure captions below their figures, each with its Sumber line, a
    landscape section for a run of tables too wide for portrait. The captions are SEQ
    fields restarting after each Heading 1, so Word renumbers them and builds the DAFTAR
    TABEL/GAMBAR with "Insert Table of Figures".

    The document records what it was built from (a hash of the records, the figures'
    PNG files and this module's code, in its core property ``identifier``): one that
    would come out the same is not built again, which keeps the rebuild after an edit
    of one notebook short. ``built``, a dict shared by the documents written in one go
    (``tabel_dan_gambar.docx`` and one per place), keeps each table's caption, table and
    Sumber paragraphs as python-docx built them once; the other documents get copies
    (the demo's 62 tables: building them twice cost 1,4 s of CPU more)."""
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    from psm_analysis import files
    from psm_analysis.labels import t

    key = _document_key(groups, figures_folder)
    if _has_key(path, key):
        return  # built from these very records, figures and code before
    doc = thesis_document()
    doc.core_properties.identifier = key
    landscape = False
    first = True
    for heading, records in groups:
        for i, rec in enumerate(records):
            if rec["kind"] == "table":
                fmts, formatted = record_content(rec)
                layout = _layout(formatted, shown_headers(rec))
            wide = rec["kind"] == "table" and layout[0]
            if first:
                _page(doc.sections[0], wide)
                landscape = wide
            elif wide != landscape or i == 0:
                # a new BAB starts on a new page; so does a run of wide tables
                _page(doc.add_section(WD_SECTION.NEW_PAGE), wide)
                landscape = wide
            if i == 0:
                doc.add_heading(heading, level=1)
            first = False
            if rec["kind"] == "table":
                _add_table_once(doc, rec, fmts, formatted, layout, built)
            else:
                png = next(f for f in rec["files"] if f.endswith(".png"))
                picture = doc.add_picture(str(figures_folder / png), width=Cm(FIGURE_WIDTH_CM))
                if picture.height > Cm(FIGURE_MAX_HEIGHT_CM):  # caption and Sumber below it
                    picture.width = int(picture.width * Cm(FIGURE_MAX_HEIGHT_CM) / picture.height)
                    picture.height = Cm(FIGURE_MAX_HEIGHT_CM)
                doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
                doc.paragraphs[-1].paragraph_format.keep_with_next = True
                add_caption(doc, t("gambar"), rec["number"], rec["caption"])
                add_source(doc, f"{t('sumber')}: {rec['source']}", [])
            doc.add_paragraph()
    files.write_bytes(path, files.docx_bytes(doc))


def _add_table_once(doc, rec: dict, fmts, formatted, layout, built: dict | None) -> None:
    """:func:`_add_table`, or copies of the elements it built for ``rec`` in another
    document (``built``: table name -> elements; no relationships in them to remap)."""
    import copy

    body = doc.element.body
    if built is not None and rec["name"] in built:
        end = body[-1]  # the document's own w:sectPr stays last
        for element in built[rec["name"]]:
            end.addprevious(copy.deepcopy(element))
        return
    count = len(body)  # python-docx adds before the w:sectPr, which stays last
    _add_table(doc, rec, fmts, formatted, layout)
    if built is not None:
        built[rec["name"]] = [copy.deepcopy(el) for el in list(body)[count - 1 : -1]]


def _document_key(groups: list[tuple[str, list[dict]]], figures_folder) -> str:
    """A hash of what :func:`write_thesis_document` builds a document from."""
    import hashlib
    import json
    from importlib.metadata import version
    from pathlib import Path

    from psm_analysis import tables

    h = hashlib.sha256()
    for module in (__file__, tables.__file__):
        h.update(Path(module).read_bytes())
    h.update(version("python-docx").encode())
    for heading, records in groups:
        h.update(heading.encode())
        for rec in records:
            clean = {k: v for k, v in rec.items() if not k.startswith("_")}
            h.update(json.dumps(clean, sort_keys=True, ensure_ascii=False).encode())
            for name in rec.get("files", []) if rec.get("kind") == "figure" else []:
                if name.endswith(".png") and (Path(figures_folder) / name).is_file():
                    h.update(hashlib.sha256((Path(figures_folder) / name).read_bytes()).digest())
    return h.hexdigest()


def _has_key(path, key: str) -> bool:
    """Whether the Word document at ``path`` records ``key`` as its identifier."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            core = z.read("docProps/core.xml").decode("utf-8")
    except (OSError, KeyError, zipfile.BadZipFile, UnicodeDecodeError):
        return False
    return f">{key}</dc:identifier>" in core
