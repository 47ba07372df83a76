"""Reading interview transcripts coded in Word (``.docx`` in ``data/raw/interviews``).

Two ways of coding in Word are read, both in the same file if need be:

- **Comments.** A comment anchored to a range of text (``w:commentRangeStart`` and
  ``w:commentRangeEnd`` with the comment's ``w:id``, ECMA-376 part 1, 17.13.4; the range may
  cross paragraphs and table cells) is a coded segment: the anchored text is the quote,
  each non-empty paragraph of the comment (``word/comments.xml``) is one code, the
  comment's ``w:author`` is the coder. A reply (``word/commentsExtended.xml``:
  ``w15:commentEx`` whose ``w15:paraIdParent`` is the ``w14:paraId`` of the last paragraph
  of another comment) is a memo of the comment it answers; a resolved comment
  (``w15:done="1"``) carries no code: its text (and its replies') is a memo of the coded
  segments its range overlaps. A comment with no range (only a ``w:commentReference``) is a
  located problem.
- **Coding tables.** A table whose header row has a transcript column (Transkrip, Teks,
  Jawaban, Kutipan; Transcript, Text, Answer) and a code column (Kode, Koding, Kategori;
  Code, Coding, Category), optionally a speaker column (Pelaku, Penutur, Informan,
  Narasumber; Speaker), gives a segment per row and code (codes in one cell are separated
  by line breaks or ``;``). The coder is the part of the file name after ``__``, else the
  document's author (core properties), else the file name.

The whole transcript text is kept: paragraphs in document order (table cells included), one
``\\n`` after each, tabs and breaks as ``\\t``/``\\n``; text inserted with tracked changes
(``w:ins``, ``w:moveTo``) counts, deleted text (``w:del``/``w:delText``, ``w:moveFrom``) does
not (ECMA-376 part 1, 17.13.5). Segment positions (``awal``, ``akhir``) are Python indices
into it. Speaker turns are recognised from labels at the start of a paragraph ("P:",
"Peneliti:", "I:", "Informan:", "Narasumber:") and from a legend ("P = Peneliti, I =
Informan"); each segment carries the speaker of the paragraph it starts in (``penutur``).

python-docx opens the file and reads the tables and the core properties; its comments API
(1.2) has no ranges, so the anchors are read from the XML with lxml.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from psm_analysis.errors import DataError, Problem, display_path

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"

#: Header words of a coding table's columns (lower case).
TRANSCRIPT_HEADERS = ("transkrip", "teks", "jawaban", "kutipan", "transcript", "text", "answer")
CODE_HEADERS = ("kode", "koding", "kategori", "code", "coding", "category", "codes")
SPEAKER_HEADERS = ("pelaku", "penutur", "informan", "narasumber", "speaker")
#: Speaker labels and what they stand for (lower case, without the colon).
SPEAKERS = {
    "p": "peneliti",
    "peneliti": "peneliti",
    "pewawancara": "peneliti",
    "t": "peneliti",
    "tanya": "peneliti",
    "i": "informan",
    "informan": "informan",
    "narasumber": "informan",
    "n": "informan",
    "j": "informan",
    "jawab": "informan",
}
_LABEL = re.compile(r"^\s*([A-Za-z][\w .]{0,24}?)\s*:\s")
_LEGEND = re.compile(r"\b([A-Z]{1,3})\s*[=:]\s*(Peneliti|Pewawancara|Informan|Narasumber)\b")


@dataclass
class WordTranscript:
    """What :func:`read_docx` read from one ``.docx``.

    ``segments`` has one dict per code: ``dokumen`` (the file name without extension),
    ``kode_asli`` (the code as written), ``kutipan``, ``awal``, ``akhir`` (indices into
    ``text``), ``pengkode``, ``memo``, ``penutur``, ``sumber`` ("komentar" or "tabel") and
    ``baris`` (the paragraph, counted from 1, where the segment starts).
    """

    path: str
    text: str = ""
    segments: list[dict] = field(default_factory=list)
    turns: list[tuple[int, int, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class _Walk:
    """The transcript text of ``w:body`` with the offsets of paragraphs, cells and
    comment anchors."""

    def __init__(self, body):
        from lxml import etree

        out: list[str] = []
        n = 0  # characters so far
        deleted = 0
        self.paragraphs: list[tuple[int, int]] = []
        self.cells: dict[object, tuple[int, int]] = {}
        self.starts: dict[str, tuple[int, int]] = {}
        self.ends: dict[str, int] = {}
        self.refs: dict[str, int] = {}  # comment id -> paragraph of its reference
        cell_start: dict[object, int] = {}
        para_start = 0
        for event, el in etree.iterwalk(body, events=("start", "end")):
            tag = el.tag
            if tag in (f"{W}del", f"{W}moveFrom"):
                deleted += 1 if event == "start" else -1
                continue
            if event == "end":
                if tag == f"{W}p":
                    self.paragraphs.append((para_start, n))
                    out.append("\n")
                    n += 1
                elif tag == f"{W}tc":
                    self.cells[el] = (cell_start.pop(el), max(n - 1, 0))
                continue
            if tag == f"{W}p":
                para_start = n
            elif tag == f"{W}tc":
                cell_start[el] = n
            elif deleted:
                continue
            elif tag == f"{W}t":
                out.append(el.text or "")
                n += len(el.text or "")
            elif tag in (f"{W}tab", f"{W}br", f"{W}cr") and el.getparent().tag == f"{W}r":
                out.append("\t" if tag == f"{W}tab" else "\n")
                n += 1
            elif tag == f"{W}commentRangeStart":
                self.starts[el.get(f"{W}id")] = (n, len(self.paragraphs) + 1)
            elif tag == f"{W}commentRangeEnd":
                self.ends[el.get(f"{W}id")] = n
            elif tag == f"{W}commentReference":
                self.refs[el.get(f"{W}id")] = len(self.paragraphs) + 1
        self.text = "".join(out)

    def paragraph_at(self, offset: int) -> int:
        """The paragraph (from 1) holding ``offset``."""
        import bisect

        return bisect.bisect_right([s for s, _ in self.paragraphs], offset) or 1


def _paragraph_text(p) -> str:
    parts = []
    for el in p.iter(f"{W}t", f"{W}tab", f"{W}br"):
        if any(a.tag in (f"{W}del", f"{W}moveFrom") for a in el.iterancestors()):
            continue
        parts.append(el.text or "" if el.tag == f"{W}t" else "\t" if el.tag == f"{W}tab" else "\n")
    return "".join(parts)


def _comments(zf: zipfile.ZipFile) -> tuple[dict, dict]:
    """``{id: {author, paragraphs, para_id}}`` from comments.xml and ``{paraId: (parent
    paraId or None, done)}`` from commentsExtended.xml."""
    from lxml import etree

    names = set(zf.namelist())
    comments = {}
    if "word/comments.xml" in names:
        root = etree.fromstring(zf.read("word/comments.xml"))
        for c in root.iter(f"{W}comment"):
            paras = c.findall(f"{W}p")
            comments[c.get(f"{W}id")] = {
                "author": (c.get(f"{W}author") or "").strip(),
                "paragraphs": [_paragraph_text(p).strip() for p in paras],
                "para_id": paras[-1].get(f"{W14}paraId") if paras else None,
            }
    extended = {}
    if "word/commentsExtended.xml" in names:
        root = etree.fromstring(zf.read("word/commentsExtended.xml"))
        for ex in root.iter(f"{W15}commentEx"):
            extended[ex.get(f"{W15}paraId")] = (
                ex.get(f"{W15}paraIdParent"),
                ex.get(f"{W15}done") in ("1", "true", "on"),
            )
    return comments, extended


def _speakers(walk: _Walk) -> list[tuple[int, int, str]]:
    """Speaker turns ``(start, end, speaker)`` from labels and a legend."""
    text = walk.text
    labels = dict(SPEAKERS)
    for m in _LEGEND.finditer(text[:2000]):
        labels[m.group(1).lower()] = SPEAKERS[m.group(2).lower()]
    turns: list[tuple[int, int, str]] = []
    for start, end in walk.paragraphs:
        m = _LABEL.match(text[start:end])
        who = labels.get(m.group(1).strip().lower()) if m else None
        if who:
            turns.append((start, end, who))
        elif turns and turns[-1][1] >= start - 1 and text[start:end].strip():
            turns[-1] = (turns[-1][0], end, turns[-1][2])  # the turn goes on
    return turns


def _speaker_at(turns, offset: int) -> str:
    return next((w for s, e, w in turns if s <= offset <= e), "")


def _header_column(cells: list[str], words: tuple[str, ...]) -> int | None:
    for i, c in enumerate(cells):
        t = c.strip().rstrip(":").casefold()
        if t in words or (t.split() and t.split()[0] in words):
            return i
    return None


def read_docx(path: str | Path) -> WordTranscript:
    """Read the coded segments and the whole text of a Word transcript.

    Parameters
    ----------
    path : str or Path
        A ``.docx`` written by Word or LibreOffice.

    Returns
    -------
    WordTranscript
        The transcript text, one segment per code of each comment and coding-table row
        (see :class:`WordTranscript`), the speaker turns, and the problems found (each
        located by the file and the paragraph).

    Raises
    ------
    DataError
        When the file is not a Word document.
    """
    import docx

    path = Path(path)
    shown = display_path(path)
    try:
        document = docx.Document(str(path))
        zf = zipfile.ZipFile(path)
    except Exception as err:
        raise DataError(
            Problem(f"berkas Word tidak dapat dibuka ({err})", file=shown, expected=".docx")
        ) from None
    result = WordTranscript(shown)
    with zf:
        comments, extended = _comments(zf)
    # python-docx's own tree: its table cells are the elements the walk records
    walk = _Walk(document.element.body)
    text = result.text = walk.text
    turns = result.turns = _speakers(walk)
    doc_name = path.stem
    by_para = {c["para_id"]: cid for cid, c in comments.items() if c["para_id"]}

    def parent_of(cid):
        para = comments[cid]["para_id"]
        parent = extended.get(para, (None, False))[0]
        return by_para.get(parent) if parent else None

    replies: dict[str, list[str]] = {}
    for cid, c in comments.items():
        p = parent_of(cid)
        if p is not None:
            body_text = " ".join(x for x in c["paragraphs"] if x)
            replies.setdefault(p, []).append(f"{c['author']}: {body_text}".strip(": "))
    resolved_memos = []
    for cid, c in comments.items():
        if parent_of(cid) is not None:
            continue  # a reply: a memo of its parent
        memo = "\n".join(replies.get(cid, []))
        if cid not in walk.starts or cid not in walk.ends:
            result.problems.append(
                Problem(
                    "komentar tanpa rentang teks (tidak diketahui teks mana yang dikodekan)",
                    file=shown,
                    row=walk.refs.get(cid),
                    column="komentar",
                    value=f"{c['author']}: {' '.join(x for x in c['paragraphs'] if x)}",
                    expected="pilih teksnya dulu, lalu Sisipkan > Komentar",
                )
            )
            continue
        a, para = walk.starts[cid]
        b = walk.ends[cid]
        done = extended.get(c["para_id"], (None, False))[1]
        if done:
            text_memo = " ".join(x for x in c["paragraphs"] if x)
            resolved_memos.append((a, b, "\n".join([f"{c['author']}: {text_memo}", memo]).strip()))
            continue
        if a >= b:
            result.problems.append(
                Problem(
                    "komentar pada rentang kosong",
                    file=shown,
                    row=para,
                    column="komentar",
                    value=" ".join(x for x in c["paragraphs"] if x),
                )
            )
            continue
        for code in (x for x in c["paragraphs"] if x):
            result.segments.append(
                {
                    "dokumen": doc_name,
                    "kode_asli": code,
                    "kutipan": text[a:b],
                    "awal": a,
                    "akhir": b,
                    "pengkode": c["author"],
                    "memo": memo,
                    "penutur": _speaker_at(turns, a),
                    "sumber": "komentar",
                    "baris": para,
                }
            )
    for a, b, memo in resolved_memos:
        for s in result.segments:
            if s["awal"] < b and a < s["akhir"]:
                s["memo"] = "\n".join(m for m in (s["memo"], memo) if m)
    if resolved_memos:
        result.notes.append(
            f"{len(resolved_memos)} komentar selesai (resolved) dibaca sebagai memo"
        )
    coder = path.stem.rsplit("__", 1)[-1] if "__" in path.stem else ""
    coder = coder or (document.core_properties.author or "").strip() or path.stem
    for table in document.tables:
        _coding_table(table, walk, turns, doc_name, coder, result)
    return result


def _coding_table(table, walk, turns, doc_name, coder, result) -> None:
    rows = table.rows
    if len(rows) < 2:
        return
    header = [c.text for c in rows[0].cells]
    t_col = _header_column(header, TRANSCRIPT_HEADERS)
    k_col = _header_column(header, CODE_HEADERS)
    if t_col is None or k_col is None or t_col == k_col:
        return
    s_col = _header_column(header, SPEAKER_HEADERS)
    for row in rows[1:]:
        cells = row.cells
        if max(t_col, k_col) >= len(cells):
            continue
        codes = [c.strip() for c in re.split(r"[\n;]", cells[k_col].text) if c.strip()]
        if not codes:
            continue
        a, b = walk.cells.get(cells[t_col]._tc, (0, 0))
        speaker = cells[s_col].text.strip() if s_col is not None and s_col < len(cells) else ""
        for code in codes:
            result.segments.append(
                {
                    "dokumen": doc_name,
                    "kode_asli": code,
                    "kutipan": walk.text[a:b],
                    "awal": a,
                    "akhir": b,
                    "pengkode": coder,
                    "memo": "",
                    "penutur": speaker or _speaker_at(turns, a),
                    "sumber": "tabel",
                    "baris": walk.paragraph_at(a),
                }
            )


def read_codings(path: str | Path) -> tuple[list[dict], list[Problem]]:
    """A ``.docx`` as the canonical records of :mod:`.segments` (format ``"word"``) and
    its problems."""
    shown = display_path(path)
    try:
        t = read_docx(path)
    except DataError as err:
        return [], list(err.problems)
    records = [
        {
            "berkas": shown,
            "lembar": None,
            "baris": s["baris"],
            "format": "word",
            "dokumen": s["dokumen"],
            "id_informan": "",
            "kode_asli": s["kode_asli"],
            "kategori": "",
            "kutipan": s["kutipan"],
            "pengkode": s["pengkode"] or Path(path).stem,
            "memo": s["memo"],
            "id_asli": "",
            "awal": s["awal"],
            "akhir": s["akhir"],
            "penutur": s["penutur"],
            "panjang_dokumen": len(t.text),
            "teks_dokumen": t.text,
            "catatan_berkas": "; ".join(t.notes),
        }
        for s in t.segments
    ]
    return records, t.problems


__all__ = ["WordTranscript", "read_codings", "read_docx"]
