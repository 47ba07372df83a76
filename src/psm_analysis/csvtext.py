"""One decoder for every CSV and text input the project reads.

A CSV (or a YAML codebook, ``thesis.yml``) reaches the project from three kinds of
writers, and each is read the same way:

- UTF-8 without a BOM (Taguette, Python's ``csv`` module, LibreOffice, Google Forms);
- UTF-8 with a BOM (QualCoder's ``utf-8-sig``, Excel's "CSV UTF-8 (Comma delimited)");
- Windows-1252, as Excel on an Indonesian Windows writes "CSV (Comma delimited)" and
  "CSV (semicolon delimited)": typographic quotes, dashes and the ellipsis are single
  bytes (0x93/0x94, 0x96/0x97, 0x85) that are not UTF-8.

Notepad's "Unicode" (UTF-16 with its BOM) is decoded too. Bytes that are neither UTF-8
nor Windows-1252 (the five bytes Windows-1252 leaves undefined, or a NUL byte: a binary
file, or UTF-16 without a BOM) give a located Indonesian error, not a traceback and not a
silent replacement character.

The separator is a comma or a semicolon, whichever occurs more often outside quotes in
the first line (Excel in a locale with a decimal comma writes ``;``). A first line
``sep=;`` (Excel's own hint) sets it explicitly and is not part of the data.

This module sits in the bottom layer: it imports nothing of the project except
:mod:`psm_analysis.errors`.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from psm_analysis.errors import DataError, Problem

BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
#: What a user can do about a file that is not text in an encoding the project reads.
RESAVE = (
    "teks UTF-8 atau Windows-1252; simpan ulang, mis. Excel: Simpan Sebagai > "
    "CSV UTF-8, Notepad: Simpan Sebagai > Pengodean UTF-8"
)


def decode(data: bytes) -> str:
    """The text of a CSV file: UTF-8 (BOM dropped), else Windows-1252.

    >>> decode(b"\\xef\\xbb\\xbfid;nama")
    'id;nama'
    >>> decode("\\u201cDana\\u201d \\u2013 kurang\\u2026".encode("cp1252"))
    '“Dana” – kurang…'
    """
    if data.startswith(BOM):
        return data[len(BOM) :].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _bad_byte(data: bytes, shown: str, start: int, encoding: str) -> DataError:
    """A located error for the first byte at or after ``start`` that ``encoding`` cannot
    decode (a NUL byte counts as such): the line as a text editor shows it, the byte."""
    pos = data.find(b"\0")
    try:
        data.decode(encoding)
    except UnicodeDecodeError as err:
        pos = err.start if pos < 0 else min(pos, err.start)
    pos = max(pos, start)
    line = data.count(b"\n", 0, pos) + 1
    return DataError(
        Problem(
            "berkas bukan teks yang dapat dibaca",
            file=shown,
            row=line,
            value=f"bita 0x{data[pos]:02X}",
            expected=RESAVE,
        )
    )


def decode_strict(data: bytes, shown: str) -> str:
    """The text of an input file's bytes: UTF-8 (BOM dropped), UTF-16 with a BOM, else
    Windows-1252; ``shown`` names the file in the error.

    Raises
    ------
    DataError
        When the bytes are none of these (a NUL byte, a byte Windows-1252 leaves
        undefined, or invalid UTF-8 after a UTF-8 BOM), naming the file, the line and the
        byte.

    Examples
    --------
    >>> decode_strict("Catatan \u2013 PSM".encode("cp1252"), "a.yml")
    'Catatan – PSM'
    >>> decode_strict("kode: PSM".encode("utf-16"), "a.yml")
    'kode: PSM'
    >>> decode_strict(b"kode: A\\nnama: \\x81", "a.yml")
    Traceback (most recent call last):
    ...
    psm_analysis.errors.DataError: berkas a.yml, baris 2: berkas bukan teks yang dapat dibaca: ...
    """
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise _bad_byte(data, shown, 2, "utf-16") from None
    if data.startswith(BOM):
        try:
            text = data[len(BOM) :].decode("utf-8")
        except UnicodeDecodeError:
            raise _bad_byte(data, shown, len(BOM), "utf-8") from None
        if "\0" in text:
            raise _bad_byte(data, shown, len(BOM), "utf-8")
        return text
    if b"\0" not in data:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    raise _bad_byte(data, shown, 0, "cp1252")


def read_bytes(path: str | Path, shown: str | None = None) -> bytes:
    """The bytes of an input file.

    Raises
    ------
    DataError
        When the file is missing or cannot be read, naming it (``shown``, else ``path``).
    """
    path = Path(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise DataError(Problem("berkas tidak ditemukan", file=shown or str(path))) from None
    except PermissionError:
        raise DataError(
            Problem("berkas tidak dapat dibaca (tidak ada izin)", file=shown or str(path))
        ) from None
    except IsADirectoryError:
        raise DataError(
            Problem("berkas tidak dapat dibaca (ini sebuah folder)", file=shown or str(path))
        ) from None
    except OSError as err:
        raise DataError(
            Problem(f"berkas tidak dapat dibaca ({type(err).__name__})", file=shown or str(path))
        ) from None


def read_decoded(path: str | Path, shown: str | None = None) -> str:
    """The text of an input file (CSV, YAML, ...) as :func:`decode_strict` decodes it.

    Line ends are kept as written (``\\r\\n`` from Windows stays): the CSV reader and the
    YAML parser read both.

    Raises
    ------
    DataError
        When the file is missing, unreadable, or not text in an encoding the project
        reads; the message names the file (``shown``, else ``path``) and, for a bad
        byte, its line.
    """
    return decode_strict(read_bytes(path, shown), shown or str(path))


def yaml_problem(err: Exception, shown: str) -> Problem:
    """The located problem of a ``yaml.YAMLError`` raised while parsing file ``shown``:
    the line of the error as a text editor shows it, and PyYAML's own words for it.

    >>> import yaml
    >>> try:
    ...     yaml.safe_load("kode:\\n  - a\\n b: [")
    ... except yaml.YAMLError as err:
    ...     print(yaml_problem(err, "codebook.yml"))
    berkas codebook.yml, baris 3: YAML tidak sah: expected <block end>, but found '<block mapping start>'
    """
    mark = getattr(err, "problem_mark", None)
    return Problem(
        f"YAML tidak sah: {getattr(err, 'problem', None) or err}",
        file=shown,
        row=mark.line + 1 if mark is not None else None,
    )


def _count_outside_quotes(line: str, ch: str) -> int:
    n, quoted = 0, False
    for c in line:
        if c == '"':
            quoted = not quoted
        elif c == ch and not quoted:
            n += 1
    return n


def _sep_hint(text: str) -> tuple[str | None, str]:
    """Excel's ``sep=X`` first line: (X, text without that line), else (None, text)."""
    first, _, rest = text.partition("\n")
    line = first.rstrip("\r")
    if line.lower().startswith("sep=") and len(line) == 5:
        return line[4], rest
    return None, text


def separator(text: str) -> str:
    """``;`` when the first line has more semicolons than commas outside quotes, else ``,``.

    >>> separator('nama;"Jumlah, total"\\nA;1')
    ';'
    """
    first = text.split("\n", 1)[0]
    semi = _count_outside_quotes(first, ";")
    return ";" if semi > _count_outside_quotes(first, ",") else ","


def read_text(path: str | Path, shown: str | None = None) -> tuple[str, str]:
    """The decoded text of a CSV file and its separator.

    Raises
    ------
    DataError
        When the file cannot be read or is not text in an encoding the project reads
        (:func:`read_decoded`; the message is Indonesian and names the file).
    """
    sep, text = _sep_hint(read_decoded(path, shown))
    return text, sep or separator(text)


def records(text: str, sep: str) -> list[tuple[int, list[str]]]:
    """Every record of ``text`` with the line on which it starts (1-based, as a text
    editor shows it; a quoted cell may span several lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    out: list[tuple[int, list[str]]] = []
    line_before = 0
    for record in reader:
        out.append((line_before + 1, record))
        line_before = reader.line_num
    return out


def read_frame(path: str | Path, shown: str | None = None):
    """A CSV file as a pandas DataFrame of text (empty cells ``""``; repeated headers
    such as QualCoder's ``Category`` become ``Category.1``...)."""
    import pandas as pd

    text, sep = read_text(path, shown)
    df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, sep=sep)
    return df.fillna("")
