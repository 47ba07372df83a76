"""Reading a REFI-QDA project (``.qdpx``): the coded text of NVivo, ATLAS.ti, MAXQDA,
QualCoder and every other tool that exports the standard.

A ``.qdpx`` is a zip archive holding one XML project (``project.qde``, namespace
``urn:QDA-XML:project:1.0``, schema ``data/raw/reference/refi_qda_project_1_0.xsd``) and
the sources it refers to under ``sources/`` (REFI-QDA 1.5, section 8). Each text source
has its plain text in a ``.txt`` (``plainTextPath``), and each ``PlainTextSelection``
under it gives ``startPosition``/``endPosition`` in that text (section 10.2: Unicode code
points counted from 0, end exclusive) with one ``Coding`` per code applied
(``CodeRef targetGUID`` -> a ``Code`` of the ``CodeBook``).

Real exports differ from the specification; every difference below is read:

- positions in UTF-16 code units (NVivo: a character above U+FFFF counts twice), CRLF
  counted as one character (ATLAS.ti keeps CRLF in the ``.txt`` and counts it once; QualCoder's
  import says so in ``load_text_source``), a BOM at the start of the ``.txt`` (QualCoder
  writes ``utf-8-sig``; not counted). The convention is decided per source: each
  candidate of :data:`CONVENTIONS` is tried, and the one under which the selections'
  ``name`` (QualCoder writes the selected text there) and word boundaries agree best is
  kept; a tie keeps the specification's;
- the ``.qde`` named after the project (ATLAS.ti) instead of ``project.qde``; the folder
  ``Sources/`` or ``sources/``; other entries (``sources/.root``) are ignored;
- the text taken from the ``.txt``, else the inline ``PlainTextContent``, else the
  ``richTextPath`` ``.docx``; a PDF's text from its ``Representation`` (a text source);
  ``internal://`` (inside the archive), ``relative://`` (against the project's
  ``basePath``, else the folder of the ``.qdpx``) and ``absolute://`` paths; a source that
  cannot be found is a located problem naming it;
- selections without a ``Coding`` (MAXQDA's memos on a passage) carry no code and are
  counted, not read; several ``Coding`` on one selection give one segment each; a
  zero-length or out-of-range selection is a located problem; GUIDs match whatever their
  case and braces; the namespace variants ``urn:QDA-XML:project:1:0`` and ``...:0:4`` (and
  none) are read as 1.0;
- a ``CodeRef`` that points at a ``Case`` (MAXQDA and NVivo code case text this way) puts
  the selection in that case rather than coding it;
- picture, audio, video and PDF-region selections are skipped and counted in
  :attr:`QdaProject.notes`.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from psm_analysis.errors import DataError, Problem, display_path

NS = "urn:QDA-XML:project:1.0"
#: Namespaces real tools write for a REFI-QDA project, read as :data:`NS`.
NS_VARIANTS = ("urn:QDA-XML:project:1:0", "urn:QDA-XML:project:0:4")
XSD_NAME = "refi_qda_project_1_0.xsd"

#: Position conventions tried per text source, in order of preference on a tie:
#: (key, what ``sumber_masukan.csv`` says, count UTF-16 units, count CRLF once).
CONVENTIONS = (
    ("titik_kode", "posisi dalam titik kode Unicode (spesifikasi REFI-QDA)", False, False),
    ("utf16", "posisi dalam unit UTF-16 (seperti NVivo)", True, False),
    ("crlf_satu", "posisi dengan CRLF dihitung satu karakter (seperti ATLAS.ti)", False, True),
    ("utf16_crlf_satu", "posisi dalam unit UTF-16 dengan CRLF dihitung satu karakter", True, True),
)
_SKIPPED = {
    "PictureSelection": "seleksi gambar",
    "AudioSelection": "seleksi audio",
    "VideoSelection": "seleksi video",
    "PDFSelection": "seleksi area PDF",
    "TranscriptSelection": "seleksi transkrip audio/video",
}


@dataclass(frozen=True)
class QdaCode:
    """One ``Code`` of the project's codebook: ``names`` from the top category down."""

    guid: str
    names: tuple[str, ...]
    description: str = ""
    color: str | None = None
    codable: bool = True


@dataclass(frozen=True)
class QdaCase:
    """One ``Case``: its name, description and the sources it groups."""

    guid: str
    name: str
    description: str = ""
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class QdaSource:
    """One text source: its name, its text as stored (BOM dropped) and the position
    convention its selections were read with (a key of :data:`CONVENTIONS`)."""

    guid: str
    name: str
    text: str
    convention: str


@dataclass
class QdaProject:
    """What :func:`read_qdpx` read from one ``.qdpx``.

    ``segments`` has one dict per coding of a text selection with the keys ``dokumen``,
    ``kode`` (the code's names from the top category, joined by " > "), ``kode_asli``
    (the code's own name), ``kategori`` (its categories, immediate parent first, joined by
    " > "), ``kutipan``, ``awal``, ``akhir`` (Python string indices into the source's
    text), ``pengkode``, ``memo``, ``kasus`` (case name, or ""), ``id_asli`` (the
    selection's guid) and ``baris`` (the selection's line in the ``.qde``).
    """

    path: str
    qde: str
    origin: str
    codes: list[QdaCode] = field(default_factory=list)
    cases: list[QdaCase] = field(default_factory=list)
    sources: list[QdaSource] = field(default_factory=list)
    segments: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_frame(self):
        """The segments as a DataFrame (columns as in :attr:`segments`)."""
        import pandas as pd

        cols = [
            "dokumen",
            "kode",
            "kode_asli",
            "kategori",
            "kutipan",
            "awal",
            "akhir",
            "pengkode",
            "memo",
            "kasus",
            "id_asli",
            "baris",
        ]
        return pd.DataFrame(self.segments, columns=cols)

    def conventions(self) -> str:
        """One sentence per source naming the position convention used (for
        ``sumber_masukan.csv``), then the notes."""
        labels = {k: label for k, label, _, _ in CONVENTIONS}
        parts = [f"{s.name}: {labels[s.convention]}" for s in self.sources]
        return "; ".join(parts + self.notes)


def _guid(value: str | None) -> str:
    return (value or "").strip().strip("{}").lower()


def _local(el) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _kids(el, name: str) -> list:
    return [c for c in el if _local(c) == name]


def _kid_text(el, name: str) -> str:
    found = _kids(el, name)
    return (found[0].text or "") if found else ""


# ----------------------------------------------------------------------------- positions


def unit_offsets(text: str, utf16: bool, crlf_one: bool):
    """Offsets (numpy int64, length ``len(text) + 1``) of each character of ``text`` in a
    counting convention: a character above U+FFFF counts 2 when ``utf16``, the CR of a
    CRLF counts 0 when ``crlf_one``; every other character 1."""
    import numpy as np

    widths = np.ones(len(text), dtype=np.int64)
    if utf16:
        for m in re.finditer("[\U00010000-\U0010ffff]", text):
            widths[m.start()] = 2
    if crlf_one:
        for m in re.finditer("\r\n", text):
            widths[m.start()] = 0
    out = np.zeros(len(text) + 1, dtype=np.int64)
    np.cumsum(widths, out=out[1:])
    return out


def to_index(offsets, position: int) -> int | None:
    """The Python index of the character at ``position`` units (None beyond the end)."""
    import numpy as np

    if position < 0 or position > int(offsets[-1]):
        return None
    return int(np.searchsorted(offsets, position, side="left"))


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _boundary(text: str, i: int) -> bool:
    """True when index ``i`` does not cut a word."""
    if i <= 0 or i >= len(text):
        return True
    return not (text[i - 1].isalnum() and text[i].isalnum())


def _score(text: str, selections: list[tuple[int, int, str]], utf16: bool, crlf: bool) -> int:
    offsets = unit_offsets(text, utf16, crlf)
    score = 0
    for start, end, name in selections:
        a, b = to_index(offsets, start), to_index(offsets, end)
        if a is None or b is None or a >= b:
            score -= 3
            continue
        quote = text[a:b]
        n = _norm(name)
        if n and n == _norm(quote):
            score += 3
        elif len(n) >= 5 and _norm(quote).startswith(n.rstrip(".… ")):
            score += 2
        score += _boundary(text, a) + _boundary(text, b)
    return score


def choose_convention(text: str, selections: list[tuple[int, int, str]]) -> str:
    """The key of :data:`CONVENTIONS` under which ``selections`` (start, end, name) fit
    ``text`` best; the specification's on a tie (and when the conventions agree)."""
    has_astral = re.search("[\U00010000-\U0010ffff]", text) is not None
    has_crlf = "\r\n" in text
    best, best_score = CONVENTIONS[0][0], None
    for key, _, utf16, crlf in CONVENTIONS:
        if (utf16 and not has_astral) or (crlf and not has_crlf):
            continue  # the same offsets as a candidate already tried
        s = _score(text, selections, utf16, crlf)
        if best_score is None or s > best_score:
            best, best_score = key, s
    return best


# ----------------------------------------------------------------------------- archive


class _Archive:
    """The entries of a ``.qdpx`` by their lower-cased path, and the paths outside it."""

    def __init__(self, zf: zipfile.ZipFile, path: Path, base_path: str | None):
        self.zf = zf
        self.path = path
        self.base = base_path
        self.names = {
            i.filename.replace("\\", "/").lower(): i.filename
            for i in zf.infolist()
            if not i.is_dir()
        }

    def read(self, url: str) -> tuple[bytes | None, str]:
        """The bytes at a REFI-QDA path, and what the path names (for a problem)."""
        url = url.strip()
        low = url.lower()
        if low.startswith("internal://"):
            rest = url[len("internal://") :].lstrip("/")
            for cand in (rest, "sources/" + rest):
                name = self.names.get(cand.replace("\\", "/").lower())
                if name is not None:
                    return self.zf.read(name), url
            return None, url
        if low.startswith("relative://"):
            rest = url[len("relative://") :].lstrip("/")
            base = Path(self.base) if self.base else self.path.parent
            target = base / rest
            if not target.is_file():
                target = self.path.parent / rest
        elif low.startswith("absolute://"):
            rest = url[len("absolute://") :]
            # absolute:///home/... (POSIX) or absolute://E:/Data/... (Windows)
            target = Path(rest[1:] if re.match(r"/[A-Za-z]:[/\\]", rest) else rest)
        else:
            target = self.path.parent / url
        try:
            return target.read_bytes(), url
        except OSError:
            return None, url


def _decode_text(data: bytes) -> str:
    """A source's ``.txt``: UTF-16 with a BOM, else UTF-8 (BOM dropped), else cp1252."""
    from psm_analysis.csvtext import decode

    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return decode(data)


def docx_plain_text(data: bytes) -> str:
    """The text of a ``.docx`` as a QDA tool shows it: one line per paragraph (tabs as
    ``\\t``, breaks as ``\\n``), table cells in order; text deleted with tracked changes
    (``w:del``) left out, inserted text (``w:ins``) kept (ECMA-376 part 1, 17.3 and 17.13.5)."""
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    lines = []
    for p in root.iter(f"{w}p"):
        parts = []
        for el in p.iter(f"{w}t", f"{w}tab", f"{w}br", f"{w}cr"):
            if any(a.tag == f"{w}del" for a in el.iterancestors()):
                continue
            if el.tag == f"{w}t":
                parts.append(el.text or "")
            else:
                parts.append("\t" if el.tag == f"{w}tab" else "\n")
        lines.append("".join(parts))
    return "\n".join(lines)


def _find_qde(names: dict[str, str]) -> str | None:
    if "project.qde" in names:
        return names["project.qde"]
    top = sorted(n for low, n in names.items() if low.endswith(".qde") and "/" not in low)
    return top[0] if len(top) == 1 else None


# ----------------------------------------------------------------------------- reading


def read_qdpx(path: str | Path) -> QdaProject:
    """Read the coded text selections of a REFI-QDA project archive.

    Parameters
    ----------
    path : str or Path
        A ``.qdpx`` file as NVivo, ATLAS.ti, MAXQDA or QualCoder export it.

    Returns
    -------
    QdaProject
        The codebook (:class:`QdaCode`, with hierarchy, descriptions and colours), the
        cases, the text sources with their text, one dict per coding of a text selection
        (see :class:`QdaProject`), the problems found (each located by the file and the
        line of the ``.qde``) and notes on what was skipped.

    Raises
    ------
    DataError
        When the file is not a zip archive, holds no ``.qde``, or its ``.qde`` is not XML
        with a root ``Project``.

    Notes
    -----
    Positions follow REFI-QDA 1.5, section 10.2 (code points, 0-based, end exclusive),
    unless the selections fit another convention better (:func:`choose_convention`);
    ``awal``/``akhir`` are always indices into :attr:`QdaSource.text`.
    """
    from lxml import etree

    path = Path(path)
    shown = display_path(path)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as err:
        raise DataError(
            Problem(
                f"berkas .qdpx tidak dapat dibuka sebagai arsip zip ({err})",
                file=shown,
                expected="proyek REFI-QDA (.qdpx) hasil ekspor NVivo, ATLAS.ti, MAXQDA "
                "atau QualCoder",
            )
        ) from None
    with zf:
        names = {i.filename.lower(): i.filename for i in zf.infolist() if not i.is_dir()}
        qde = _find_qde(names)
        if qde is None:
            raise DataError(
                Problem(
                    "arsip .qdpx tidak memuat satu berkas proyek .qde",
                    file=shown,
                    value=", ".join(sorted(names.values())[:8]),
                    expected="project.qde (atau <nama proyek>.qde) di akar arsip",
                )
            )
        data = zf.read(qde)
        for variant in NS_VARIANTS:
            data = data.replace(variant.encode(), NS.encode())
        try:
            root = etree.fromstring(data, parser=etree.XMLParser(huge_tree=True))
        except etree.XMLSyntaxError as err:
            raise DataError(
                Problem(
                    f"{qde} bukan XML yang sah ({err.msg})",
                    file=shown,
                    row=err.lineno or None,
                )
            ) from None
        if _local(root) != "Project":
            raise DataError(
                Problem(
                    f"akar {qde} bukan elemen Project",
                    file=shown,
                    value=_local(root),
                    expected="Project (urn:QDA-XML:project:1.0)",
                )
            )
        reader = _Reader(root, _Archive(zf, path, root.get("basePath")), shown, qde)
        return reader.read()


class _Reader:
    def __init__(self, root, archive: _Archive, shown: str, qde: str):
        self.root = root
        self.archive = archive
        self.shown = shown
        self.project = QdaProject(shown, qde, root.get("origin") or "")
        self.users: dict[str, str] = {}
        self.codes: dict[str, QdaCode] = {}
        self.cases: dict[str, QdaCase] = {}
        self.case_of_source: dict[str, str] = {}
        self.case_of_selection: dict[str, str] = {}
        self.notes: dict[str, str] = {}
        self.skipped: dict[str, int] = {}
        self.uncoded = 0

    def problem(self, message: str, el=None, **kw) -> None:
        self.project.problems.append(
            Problem(message, file=self.shown, sheet=self.project.qde, row=_line(el), **kw)
        )

    def read(self) -> QdaProject:
        root = self.root
        for users in _kids(root, "Users"):
            for u in _kids(users, "User"):
                self.users[_guid(u.get("guid"))] = (u.get("name") or u.get("id") or "").strip()
        for book in _kids(root, "CodeBook"):
            for codes in _kids(book, "Codes"):
                self._codes(codes, ())
        for cases in _kids(root, "Cases"):
            self._cases(cases)
        for notes in _kids(root, "Notes"):
            for note in _kids(notes, "Note"):
                self.notes[_guid(note.get("guid"))] = self._note_text(note)
        for sources in _kids(root, "Sources"):
            for src in sources:
                kind = _local(src)
                if kind == "TextSource":
                    self._text_source(src, src.get("name") or "", src)
                elif kind == "PDFSource":
                    self._count_skipped(src)
                    for rep in _kids(src, "Representation"):
                        self._text_source(rep, src.get("name") or rep.get("name") or "", src)
                elif kind in ("PictureSource", "AudioSource", "VideoSource"):
                    self._count_skipped(src)
        self.project.codes = list(self.codes.values())
        self.project.cases = list(self.cases.values())
        if self.uncoded:
            self.project.notes.append(f"{self.uncoded} seleksi teks tanpa kode dilewati")
        skipped = [f"{n} {what}" for what, n in sorted(self.skipped.items()) if n]
        if skipped:
            self.project.notes.append(
                ", ".join(skipped) + " dilewati (hanya seleksi teks yang dibaca)"
            )
        return self.project

    def _count_skipped(self, src) -> None:
        for el in src.iter():
            what = _SKIPPED.get(_local(el))
            if what and any(_local(c) == "Coding" for c in el):
                self.skipped[what] = self.skipped.get(what, 0) + 1

    def _codes(self, parent, names: tuple[str, ...]) -> None:
        for el in _kids(parent, "Code"):
            own = names + ((el.get("name") or "").strip(),)
            color = el.get("color")
            self.codes[_guid(el.get("guid"))] = QdaCode(
                _guid(el.get("guid")),
                own,
                _kid_text(el, "Description").strip(),
                color.upper() if color else None,
                el.get("isCodable", "true").strip().lower() in ("true", "1"),
            )
            self._codes(el, own)

    def _cases(self, parent) -> None:
        for el in _kids(parent, "Case"):
            guid = _guid(el.get("guid"))
            srcs = tuple(_guid(r.get("targetGUID")) for r in _kids(el, "SourceRef"))
            case = QdaCase(guid, (el.get("name") or "").strip(), _kid_text(el, "Description"), srcs)
            self.cases[guid] = case
            for s in srcs:
                self.case_of_source.setdefault(s, case.name)
            for r in _kids(el, "SelectionRef"):
                self.case_of_selection.setdefault(_guid(r.get("targetGUID")), case.name)

    def _note_text(self, note) -> str:
        inline = _kid_text(note, "PlainTextContent")
        if inline.strip():
            return inline.strip()
        url = note.get("plainTextPath")
        if url:
            data, _ = self.archive.read(url)
            if data is not None:
                return _decode_text(data).strip()
        return _kid_text(note, "Description").strip()

    def _source_text(self, el, name: str) -> str | None:
        """The plain text of a text source, or None (a problem recorded)."""
        tried = []
        url = el.get("plainTextPath")
        if url:
            data, what = self.archive.read(url)
            if data is not None:
                return _decode_text(data)
            tried.append(what)
        inline = [c for c in el if _local(c) == "PlainTextContent"]
        if inline:
            return inline[0].text or ""
        rich = el.get("richTextPath")
        if rich:
            data, what = self.archive.read(rich)
            if data is not None and rich.lower().endswith(".docx"):
                try:
                    return docx_plain_text(data)
                except (zipfile.BadZipFile, KeyError, ValueError):
                    pass
            elif data is not None:
                return _decode_text(data)
            tried.append(what)
        outside = [t for t in tried if not t.lower().startswith("internal://")]
        self.problem(
            "teks sumber tidak ditemukan" + (" (berkas di luar arsip .qdpx)" if outside else ""),
            el,
            column="plainTextPath" if url else "richTextPath",
            value=f"{name}: {', '.join(tried) or 'tanpa plainTextPath/PlainTextContent'}",
            expected="berkas .txt di folder sources/ arsip, atau di jalur yang disebut; "
            "ekspor ulang proyek dengan sumber tersimpan di dalamnya",
        )
        return None

    def _text_source(self, el, name: str, outer) -> None:
        text = self._source_text(el, name)
        selections = _kids(el, "PlainTextSelection")
        if text is None:
            return
        parsed = []
        for sel in selections:
            try:
                start = int(sel.get("startPosition", ""))
                end = int(sel.get("endPosition", ""))
            except ValueError:
                self.problem(
                    "posisi seleksi bukan bilangan bulat",
                    sel,
                    column="startPosition/endPosition",
                    value=f"{sel.get('startPosition')}-{sel.get('endPosition')}",
                    expected="dua bilangan bulat, awal < akhir",
                )
                continue
            parsed.append((sel, start, end))
        conv = choose_convention(text, [(s, e, sel.get("name") or "") for sel, s, e in parsed])
        _, _, utf16, crlf = next(c for c in CONVENTIONS if c[0] == conv)
        offsets = unit_offsets(text, utf16, crlf)
        source_guid = _guid(outer.get("guid"))
        self.project.sources.append(QdaSource(source_guid, name, text, conv))
        case = self.case_of_source.get(source_guid, "")
        for sel, start, end in parsed:
            self._selection(sel, start, end, text, offsets, name, case)

    def _selection(self, sel, start, end, text, offsets, name, case) -> None:
        a, b = to_index(offsets, start), to_index(offsets, end)
        sel_guid = _guid(sel.get("guid"))
        if a is None or b is None or start < 0 or a >= b:
            why = "seleksi kosong (awal = akhir)" if start == end else "seleksi di luar teks"
            self.problem(
                f"{why} di sumber '{name}'",
                sel,
                column="startPosition/endPosition",
                value=f"{start}-{end}",
                expected=f"0 <= awal < akhir <= {int(offsets[-1])} (panjang teks)",
            )
            return
        codings = _kids(sel, "Coding")
        memo_parts = [_kid_text(sel, "Description").strip()]
        memo_parts += [
            self.notes.get(_guid(r.get("targetGUID")), "") for r in _kids(sel, "NoteRef")
        ]
        memo = "\n".join(m for m in memo_parts if m)
        sel_case = self.case_of_selection.get(sel_guid, case)
        coded = []
        for coding in codings:
            for ref in _kids(coding, "CodeRef"):
                target = _guid(ref.get("targetGUID"))
                if target in self.cases:  # case text (MAXQDA, NVivo)
                    sel_case = self.cases[target].name
                    continue
                code = self.codes.get(target)
                if code is None:
                    self.problem(
                        "CodeRef menunjuk kode yang tidak ada di CodeBook",
                        ref,
                        column="CodeRef",
                        value=ref.get("targetGUID"),
                        expected="guid sebuah Code di CodeBook proyek",
                    )
                    continue
                user = _guid(coding.get("creatingUser")) or _guid(sel.get("creatingUser"))
                user = user or _guid(sel.get("modifyingUser"))
                coded.append((code, self.users.get(user, "")))
        if not coded:
            if not codings:
                self.uncoded += 1
            return
        for code, coder in coded:
            self.project.segments.append(
                {
                    "dokumen": name,
                    "kode": " > ".join(code.names),
                    "kode_asli": code.names[-1],
                    "kategori": " > ".join(reversed(code.names[:-1])),
                    "kutipan": text[a:b],
                    "awal": a,
                    "akhir": b,
                    "pengkode": coder,
                    "memo": memo,
                    "kasus": sel_case,
                    "id_asli": sel_guid,
                    "baris": _line(sel),
                }
            )


def read_codings(path: str | Path) -> tuple[list[dict], list[Problem]]:
    """A ``.qdpx`` as the canonical records of :mod:`.segments` (format ``"qdpx"``) and its
    problems; each record's ``catatan_berkas`` says what ``sumber_masukan.csv`` records of
    the file (:meth:`QdaProject.conventions`), ``teks_dokumen`` is the source's text."""
    shown = display_path(path)
    try:
        project = read_qdpx(path)
    except DataError as err:
        return [], list(err.problems)
    texts = {src.name: src.text for src in project.sources}
    records = [
        {
            "berkas": shown,
            "lembar": project.qde,
            "baris": s["baris"],
            "format": "qdpx",
            "dokumen": s["dokumen"].strip(),
            "id_informan": "",
            "kode_asli": s["kode_asli"],
            "kategori": s["kategori"],
            "kutipan": s["kutipan"],
            "pengkode": s["pengkode"] or Path(path).stem,
            "memo": s["memo"],
            "id_asli": s["id_asli"],
            "kasus": s["kasus"],
            "awal": s["awal"],
            "akhir": s["akhir"],
            "panjang_dokumen": len(texts[s["dokumen"]]),
            "teks_dokumen": texts[s["dokumen"]],
            "catatan_berkas": project.conventions(),
        }
        for s in project.segments
    ]
    return records, project.problems


def _line(el) -> int | None:
    return getattr(el, "sourceline", None) if el is not None else None


def schema_path(paths=None) -> Path:
    """The REFI-QDA project schema in data/raw/reference."""
    from psm_analysis.config import get_paths

    return (paths or get_paths()).raw_reference / XSD_NAME


def project_schema_problems(xml: bytes, file: str | None = None, paths=None) -> list[Problem]:
    """Problems found validating a ``.qde`` against the REFI-QDA project schema."""
    from lxml import etree

    xsd = schema_path(paths)
    if not xsd.is_file():
        return [
            Problem(
                "skema proyek REFI-QDA tidak ditemukan",
                file=display_path(xsd),
                expected=f"{XSD_NAME} (lihat data/raw/reference/README.md)",
            )
        ]
    schema = etree.XMLSchema(etree.parse(str(xsd)))
    doc = etree.fromstring(xml)
    if schema.validate(doc):
        return []
    return [
        Problem(f"tidak sesuai skema REFI-QDA: {e.message}", file=file, row=e.line)
        for e in schema.error_log
    ]


__all__ = [
    "CONVENTIONS",
    "QdaCase",
    "QdaCode",
    "QdaProject",
    "QdaSource",
    "choose_convention",
    "docx_plain_text",
    "read_codings",
    "read_qdpx",
]
