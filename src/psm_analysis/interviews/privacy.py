"""Privacy guard: informants' names never leave the private folder.

Two halves:

1. Before anything is written, :func:`make_redactor` replaces each roster name in a memo
   or document name by the informant's pseudonym ("I-03 (PSM)"), and
   :func:`make_quote_redactor` each name inside a quote by a placeholder ("[nama PSM]",
   "[nama informan]"), as theses quote interviews.
2. After ``reproduce`` wrote everything, :func:`scan_files` looks for the names in every
   file written (CSV, xlsx, docx, HTML, Markdown, JSON, notebooks, the text of PDF figures)
   and reports each file where one appears.

Which names are looked for (:func:`name_variants`):

- the full name as written in the roster, with anything after the first comma dropped
  (academic titles such as ", S.Sos"), and the same without the parts left out below
  ("Hj. Siti Aminah" -> "Siti Aminah");
- each of its parts (given name, family name, middle names), except parts that are too
  short or too common to identify anyone: parts of fewer than 3 letters, parts containing
  a dot (initials and titles like "H." or "Drs."), and a fixed list of honorifics,
  titles and particles (:data:`IGNORED_PARTS`: Bapak/Pak, Ibu/Bu, Hj, bin, binti, ...).

Matching ignores case and respects word boundaries ("Rina" does not match "Marina").
A name inside a document or file identifier is found too: its words may be joined by
``_``, ``-`` or ``.`` and it may touch ``_``, ``-``, ``.`` or digits ("wawancara_marzuki",
"Transkrip-Marzuki-Lubis.docx"); the builder redacts document columns and the input file
names it records (``sumber_masukan.csv``) like quotes, and the output scan uses the
same rule.
A name part inside an official place name of Pelalawan (:func:`place_names`: a marga
such as "Tanjung" in "Desa Tanjung Kuyo") is part of the place, not a person: it is
neither replaced nor reported there, and is everywhere else.
A part shared by two informants cannot be given one pseudonym; it becomes
``[nama disamarkan]``. Names of people who are not on the roster are not known to the
guard: add them to the roster or remove them from the codings.
"""

from __future__ import annotations

import hashlib
import html
import io
import re
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

from psm_analysis.errors import Problem, display_path

#: Name parts never looked for on their own (lowercase, without dots).
IGNORED_PARTS = frozenset(
    {
        "bapak",
        "pak",
        "ibu",
        "bu",
        "bpk",
        "sdr",
        "sdri",
        "saudara",
        "saudari",
        "hj",
        "hajjah",
        "haji",
        "bin",
        "binti",
        "al",
        "el",
        "dan",
        "drs",
        "dra",
        "ir",
        "dr",
        "prof",
        "ssos",
        "sos",
        "spd",
        "msi",
        "mm",
        "se",
        "sh",
        "st",
        "sip",
        "ap",
        "mpd",
        "skm",
        "amd",
    }
)
MIN_PART_LENGTH = 3
#: Replacement of a name part that several informants share.
AMBIGUOUS = "[nama disamarkan]"
TEXT_SUFFIXES = {
    ".csv",
    ".md",
    ".json",
    ".txt",
    ".html",
    ".htm",
    ".ipynb",
    ".qdc",
    ".qde",
    ".xml",
    ".svg",
    ".tex",
    ".py",
    ".yml",
    ".yaml",
}
#: Zip containers whose text parts are scanned; ``.qdpx`` is a REFI-QDA project (its
#: ``project.qde`` and its ``sources/*.txt``).
ZIP_SUFFIXES = {".xlsx", ".docx", ".pptx", ".odt", ".ods", ".qdpx"}


def name_variants(full_name: str) -> list[str]:
    """The strings looked for for one person: the full name and its meaningful parts.

    >>> name_variants("Hj. Siti Aminah Lubis, S.Sos")
    ['Hj. Siti Aminah Lubis', 'Siti Aminah Lubis', 'Siti', 'Aminah', 'Lubis']
    """
    base = " ".join(str(full_name).split(",")[0].split())
    if not base:
        return []
    parts = []
    for part in re.split(r"[\s\-]+", base):
        if "." in part or len(re.sub(r"\W", "", part)) < MIN_PART_LENGTH:
            continue
        if part.casefold() in IGNORED_PARTS or part in parts:
            continue
        parts.append(part)
    core = " ".join(parts)
    out = [base] + ([core] if len(parts) > 1 and core != base else [])
    return out + [p for p in parts if p not in out]


#: What joins the words of a name in prose and in an identifier ("wawancara_marzuki",
#: "Transkrip-Marzuki-Lubis.docx", "marzuki.lubis"): spaces, "_", "-" and ".".
JOINERS = r"[\s_.\-]+"
_JOINERS = re.compile(JOINERS)
#: A name starts and ends where no letter touches it: "_", "-", ".", digits and
#: punctuation are boundaries ("wawancara_marzuki2"), a letter is not ("Marina" != "Rina").
_NO_LETTER_BEFORE = r"(?<![^\W\d_])"
_NO_LETTER_AFTER = r"(?![^\W\d_])"


def _key(text: str) -> str:
    """A matched name in the form the variants are indexed by (joiners -> one space)."""
    return " ".join(_JOINERS.sub(" ", text).split()).casefold()


def _pattern(variants: Iterable[str]) -> re.Pattern | None:
    items = sorted(set(variants), key=lambda s: (-len(s), s.casefold()))
    if not items:
        return None
    alts = [JOINERS.join(re.escape(w) for w in _key(v).split()) for v in items]
    return re.compile(
        _NO_LETTER_BEFORE + "(?:" + "|".join(alts) + ")" + _NO_LETTER_AFTER, re.IGNORECASE
    )


def place_names(paths=None) -> list[str]:
    """The official names of Kabupaten Pelalawan, its kecamatan and desa/kelurahan (the
    Kemendagri reference in data/raw/reference); empty when that file is missing."""
    from psm_analysis.regions import load_wilayah, reference_path

    if not reference_path(paths).is_file():
        return []
    return sorted(set(load_wilayah(paths)["nama"]), key=str.casefold)


def _places_pattern(
    places: Iterable[str], variants: Iterable[str], bounded: bool = True
) -> re.Pattern | None:
    """The places (of ``places``) having a word of one of ``variants``: only those can
    hide a name part. ``bounded=False`` for scanning: a place is found even where
    markup stripped of its tags glues it to the next cell ("Tanjung BeringinTanjung
    Kuyo" in an xlsx's shared strings)."""
    words = {w for v in variants for w in _key(v).split()}
    pattern = _pattern(p for p in places if words & set(_key(p).split()))
    if pattern is None or bounded:
        return pattern
    inner = pattern.pattern[len(_NO_LETTER_BEFORE) : -len(_NO_LETTER_AFTER)]
    return re.compile(inner, re.IGNORECASE)


def _outside(text: str, places: re.Pattern | None, fn: Callable[[str], str]) -> str:
    """``fn`` applied to the pieces of ``text`` outside the matches of ``places``."""
    if places is None:
        return fn(text)
    out, last = [], 0
    for m in places.finditer(text):
        out += [fn(text[last : m.start()]), m.group(0)]
        last = m.end()
    return "".join(out + [fn(text[last:])])


def make_redactor(names: dict[str, str], places: Iterable[str] = ()) -> Callable[[str], str]:
    """A function replacing every variant of every name by its pseudonym.

    ``names`` maps pseudonym -> full name (the roster's ``nama``); a name part inside one
    of ``places`` (:func:`place_names`) is left as it is there.

    >>> redact = make_redactor({"I-07 (TKSK)": "Syafrizal Tanjung"}, ["Tanjung Kuyo"])
    >>> redact("Kata Pak Tanjung, di Desa Tanjung Kuyo belum ada PSM.")
    'Kata Pak I-07 (TKSK), di Desa Tanjung Kuyo belum ada PSM.'
    """
    return _redactor(list(names.items()), places, AMBIGUOUS)


def make_quote_redactor(
    people: Iterable[tuple[str, str]], places: Iterable[str] = ()
) -> Callable[[str], str]:
    """A function replacing every name inside an interview quote by a placeholder, as
    theses quote interviews: "[nama PSM]" for a PSM, "[nama TKSK]" for a TKSK,
    "[nama informan]" for anyone else (``labels.QUOTE_NAMES``). No pseudonym code enters
    the sentence, and a quote naming several informants does not tell which one did what.

    Parameters
    ----------
    people : iterable of (str, str)
        ``(kelompok, full name)`` of every informant of the roster.
    places : iterable of str
        Official place names (:func:`place_names`) in which a name part is left alone.

    Returns
    -------
    callable
        ``redact(text) -> text``; a name part two people of different groups share
        becomes "[nama informan]".

    Examples
    --------
    >>> redact = make_quote_redactor(
    ...     [("PSM", "Andika Pratama"), ("PSM", "Irwan Syahputra"), ("TKSK", "Yusnita Harahap")]
    ... )
    >>> redact("Pak Andika sudah ikut Diklat, tapi Irwan belum, kata Bu Yusnita Harahap.")
    'Pak [nama PSM] sudah ikut Diklat, tapi [nama PSM] belum, kata Bu [nama TKSK].'
    """
    from psm_analysis import labels

    pairs = [(labels.QUOTE_NAMES.get(g, labels.QUOTE_NAME), full) for g, full in people]
    return _redactor(pairs, places, labels.QUOTE_NAME)


def _redactor(
    pairs: list[tuple[str, str]], places: Iterable[str], ambiguous: str
) -> Callable[[str], str]:
    """``redact(text)`` replacing every variant of each ``(replacement, full name)`` pair's
    name by its replacement; a part two replacements claim becomes ``ambiguous``."""
    target: dict[str, str] = {}
    for pseudo, full in pairs:
        for v in name_variants(full):
            key = _key(v)
            if key in target and target[key] != pseudo:
                target[key] = ambiguous
            else:
                target[key] = pseudo
    pattern = _pattern(target)
    place_pattern = _places_pattern(places, target)

    repeats = (
        re.compile(
            "("
            + "|".join(re.escape(v) for v in sorted(set(target.values()), key=len, reverse=True))
            + r")(?:"
            + JOINERS
            + r"\1)+"
        )
        if target
        else None
    )

    def redact(text: str) -> str:
        if pattern is None or not isinstance(text, str) or not text:
            return text
        text = _outside(
            text, place_pattern, lambda t: pattern.sub(lambda m: target[_key(m.group(0))], t)
        )
        # "Siti Aminah" (or "Siti-Aminah") when the roster says "Siti Aminah Lubis": one
        # pseudonym, not two
        return repeats.sub(r"\1", text)

    return redact


def roster_names(paths=None) -> list[str]:
    """The names to look for in output files: the full names and their meaningful parts
    (see the module docstring for the rule), from the roster in use -- the real roster in
    data/raw/private when the real codings are used, else the demo roster -- plus those of
    a real roster that is present while the demo is in use (its names must not leak
    either). Sorted, unique."""
    from psm_analysis.config import get_paths
    from psm_analysis.interviews.inputs import locate_inputs
    from psm_analysis.interviews.roster import find_roster, read_roster

    paths = paths or get_paths()
    rosters = {locate_inputs(paths).roster, find_roster(paths.raw_private)} - {None}
    found: set[str] = set()
    for path in sorted(rosters):
        for full in read_roster(path).frame["nama"]:
            found.update(name_variants(full))
    return sorted(found, key=str.casefold)


# ----------------------------------------------------------------------------- scanning


def _png_text(data: bytes) -> str:
    """The text chunks (tEXt, iTXt, zTXt) of a PNG file, one per line."""
    import struct
    import zlib

    out, pos = [], 8
    while pos + 8 <= len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"tEXt":
            out.append(body.decode("latin-1").replace("\0", " "))
        elif kind == b"zTXt":
            key, _, rest = body.partition(b"\0")
            try:
                text = zlib.decompress(rest[1:]).decode("latin-1")
            except zlib.error:
                text = ""
            out.append(f"{key.decode('latin-1')} {text}")
        elif kind == b"iTXt":
            out.append(body.decode("utf-8", errors="replace").replace("\0", " "))
    return "\n".join(out)


def _strip_tags(text: str, sep: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", sep, text))


def file_parts(path: Path) -> list[tuple[str, bytes]]:
    """The pieces of a file that are scanned, as ``(kind, bytes)``: each XML,
    relationships or text part of a zip container (xlsx, docx, ...) as ``"markup"``;
    any other file (and a zip container that does not open) whole, its kind its
    lower-case suffix. :func:`part_texts` turns a piece into the texts searched."""
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix in ZIP_SUFFIXES:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                return [
                    ("markup", zf.read(info.filename))
                    for info in zf.infolist()
                    if info.filename.endswith((".xml", ".rels", ".txt", ".qde"))
                ]
        except zipfile.BadZipFile:
            return [("", data)]
    return [(suffix, data)]


def part_texts(kind: str, data: bytes) -> list[str]:
    """The texts of one piece of :func:`file_parts` in which a name could show: for
    markup both with tags removed and with tags turned into spaces (a name split over
    two runs or cells is found either way); PDF text via pypdf; for any other piece its
    bytes read as UTF-8."""
    if kind == "markup":
        raw = data.decode("utf-8", errors="replace")
        return [_strip_tags(raw, ""), _strip_tags(raw, " ")]
    if kind == ".png":
        # the pixels are compressed bytes, in which "Sri" turns up by chance; words can
        # only be in the text chunks (title, description, ...)
        return [_png_text(data)]
    if kind == ".pdf":
        texts = [data.decode("latin-1")]  # metadata (title, author) is plain text
        try:
            from pypdf import PdfReader

            reader = PdfReader(io.BytesIO(data))
            texts += [page.extract_text() or "" for page in reader.pages]
            meta = reader.metadata or {}
            texts += [str(v) for v in meta.values()]
        except Exception as err:  # an unreadable PDF is itself worth reporting
            texts.append(f"<pdf tidak terbaca: {err}>")
        return texts
    text = data.decode("utf-8", errors="replace")
    if kind in {".html", ".htm", ".xml", ".svg", ".qdc", ".ipynb", ".json"}:
        # embedded images are bytes, not text: "/sri4" in a PNG's base64 is no name (the
        # figures' own text is scanned in their PDF files)
        text = _BASE64_RUN.sub(" ", _BASE64_DATA.sub(";base64,", text))
        return [text, _strip_tags(text, ""), _strip_tags(text, " "), html.unescape(text)]
    return [text]


#: The payload of a ``data:...;base64,`` URI (an image embedded in a page), however short.
_BASE64_DATA = re.compile(r";base64,[A-Za-z0-9+/=\s]+")

#: A run of base64 (an image embedded in HTML, SVG or a notebook): 100 characters or more
#: of its alphabet, line breaks allowed, with no space - never prose.
_BASE64_RUN = re.compile(r"[A-Za-z0-9+/]{100,}(?:[\r\n]+[A-Za-z0-9+/]+)*=*")


def _mask(name: str) -> str:
    return name[0] + "*" * (len(name) - 2) + name[-1] if len(name) > 2 else "**"


class FileScanner:
    """The privacy scan of :func:`scan_files`, with its patterns compiled once and every
    file's result kept while the file stays as it was,
    so that ``reproduce`` can scan each output as soon as it is written and, at the end,
    read again only what changed since.

    ``scanner(files)`` returns the problems of ``files`` (as :func:`scan_files`).
    A file counts as unchanged while its size, modification time, inode and change time
    are. A piece of a file (:func:`file_parts`) with the same bytes as one searched
    before (the styles every Word table carries) is not searched again: its names are
    kept by its BLAKE2b hash.
    """

    def __init__(self, names: Iterable[str], places: Iterable[str] = ()):
        pattern_names = sorted({n for n in names if n and n.strip()}, key=str.casefold)
        self._compiled = [(n, _anchor(n), _pattern([n])) for n in pattern_names]
        self._places = _places_pattern(places, pattern_names, bounded=False)
        # per file: (size, mtime, inode, ctime) when scanned, and its problem or None;
        # every write is an atomic replace, so a rewritten file has a new inode
        self._seen: dict[Path, tuple[tuple[int, int, int, int], Problem | None]] = {}
        # per piece of a file (:func:`file_parts`), by kind and hash: the names in it
        self._pieces: dict[tuple[str, bytes], list[str]] = {}

    def _scan(self, f: Path) -> Problem | None:
        found: set[str] = set()
        for kind, data in file_parts(f):
            # every Word table carries the same 0.9 MB of styles: a piece already
            # searched (same kind, same bytes) is not searched again
            key = (kind, hashlib.blake2b(data, digest_size=16).digest())
            names = self._pieces.get(key)
            if names is None:
                names = self._pieces[key] = _found(
                    part_texts(kind, data), self._compiled, self._places
                )
            found.update(names)
        if not found:
            return None
        masked = ", ".join(_mask(n) for n, _, _ in self._compiled if n in found)
        return Problem(
            f"berkas keluaran memuat nama informan dari daftar privat ({masked}); "
            "hapus nama itu dari sumbernya, atau dari kode/teks yang menulisnya",
            file=display_path(f),
        )

    def __call__(self, files: Iterable[str | Path]) -> list[Problem]:
        problems = []
        for f in sorted(Path(p) for p in files):
            try:
                st = f.stat()
            except OSError:
                continue
            if not f.is_file():
                continue
            key = (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)
            seen = self._seen.get(f)
            if seen is None or seen[0] != key:
                try:
                    seen = (key, self._scan(f))
                except FileNotFoundError:
                    # gone since stat(): a notebook running meanwhile replaced or deleted
                    # it; a later call reads what is there then
                    continue
                self._seen[f] = seen
            if seen[1] is not None:
                problems.append(seen[1])
        return problems


def scan_files(
    files: Iterable[str | Path], names: Iterable[str], places: Iterable[str] = ()
) -> list[Problem]:
    """One problem per file in which any of ``names`` appears (ignoring case, whole words,
    not inside one of ``places``), naming the file. The message shows the names masked
    ("A****a"), so that a log does not repeat them.
    """
    return FileScanner(names, places)(files)


def _anchor(name: str) -> str:
    """The longest word of ``name``, casefolded: every match of the name contains it."""
    return max(_key(name).split() or [name.casefold()], key=len)


def _found(texts: list[str], compiled, places: re.Pattern | None = None) -> list[str]:
    """The names (of ``(name, anchor, pattern)``) that occur in any of ``texts`` outside
    the matches of ``places``; a plain substring test on the anchor first keeps large
    files (HTML with images) fast."""
    if places is not None:
        texts = [places.sub(" ", t) for t in texts]
    folded = [t.casefold() for t in texts]
    found = []
    for name, anchor, pat in compiled:
        if any(anchor in f for f in folded) and any(pat.search(t) for t in texts):
            found.append(name)
    return found


def scan_texts(
    texts: dict[str, str], full_names: Iterable[str], places: Iterable[str] = ()
) -> list[Problem]:
    """Like :func:`scan_files` for outputs still in memory (``{file name: text}``), with
    the variants of ``full_names``; used by the builder before it returns anything."""
    variants = sorted({v for n in full_names for v in name_variants(n)}, key=str.casefold)
    compiled = [(v, _anchor(v), _pattern([v])) for v in variants]
    place_pattern = _places_pattern(places, variants, bounded=False)
    problems = []
    for fname in sorted(texts):
        for v in _found([texts[fname]], compiled, place_pattern):
            problems.append(
                Problem(
                    "keluaran wawancara akan memuat nama informan dari daftar privat "
                    f"({_mask(v)}); periksa kolom jabatan/dokumen/pengkode",
                    file=f"data/processed/{fname}",
                )
            )
    return problems
