"""One decoder for every CSV the project reads.

A CSV reaches the project from three kinds of writers, and each is read the same way:

- UTF-8 without a BOM (Taguette, Python's ``csv`` module, LibreOffice, Google Forms);
- UTF-8 with a BOM (QualCoder's ``utf-8-sig``, Excel's "CSV UTF-8 (Comma delimited)");
- Windows-1252, as Excel on an Indonesian Windows writes "CSV (Comma delimited)" and
  "CSV (semicolon delimited)": typographic quotes, dashes and the ellipsis are single
  bytes (0x93/0x94, 0x96/0x97, 0x85) that are not UTF-8.

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
        When the file cannot be read (the message is Indonesian and names the file).
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataError(Problem("berkas tidak ditemukan", file=shown or str(path))) from None
    except PermissionError:
        raise DataError(
            Problem("berkas tidak dapat dibaca (tidak ada izin)", file=shown or str(path))
        ) from None
    except OSError as err:
        raise DataError(
            Problem(f"berkas tidak dapat dibaca ({type(err).__name__})", file=shown or str(path))
        ) from None
    sep, text = _sep_hint(decode(data))
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
