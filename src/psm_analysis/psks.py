"""The 12 kinds of Potensi dan Sumber Kesejahteraan Sosial (PSKS), Permensos 08/2012.

The list is ``data/raw/reference/psks_permensos_08_2012.csv`` (``no``, ``jenis_resmi``,
``singkatan``, ``alias`` with other spellings separated by ``|``).
:func:`normalize_psks` maps a name as written in a table ("Kesejahteraan Sosial Berbasis
Masyarakat (WKSBM)", "Tenaga Kerja Sosial Kecamatan (TKSK)", "PSM") to the official kind,
through the name, the aliases and the abbreviation in parentheses.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from psm_analysis import csvtext
from psm_analysis.config import Paths, get_paths
from psm_analysis.errors import DataError, Problem
from psm_analysis.text import name_key

REFERENCE_FILE = "psks_permensos_08_2012.csv"

MSG_UNKNOWN = "jenis PSKS tidak dikenali"
MSG_CONFLICT = "nama dan singkatan menunjuk jenis PSKS yang berbeda"

_ABBR = re.compile(r"^(?P<name>.*?)\s*\((?P<abbr>[^()]+)\)\s*$")


@dataclass(frozen=True)
class PsksKind:
    """One official PSKS kind."""

    no: int
    jenis_resmi: str
    singkatan: str | None


def split_abbreviation(text: str) -> tuple[str, str | None]:
    """``"Pekerja Sosial Masyarakat (PSM)" -> ("Pekerja Sosial Masyarakat", "PSM")``."""
    text = re.sub(r"\s+", " ", str(text)).strip()
    m = _ABBR.match(text)
    if m and m["name"]:
        return m["name"], m["abbr"].strip()
    return text, None


def reference_path(paths: Paths | None = None) -> Path:
    return (paths or get_paths()).raw_reference / REFERENCE_FILE


@lru_cache(maxsize=8)
def _load(path_str: str, mtime_ns: int):
    from psm_analysis.errors import display_path

    shown = display_path(path_str)
    df = csvtext.read_frame(path_str, shown)
    columns = ["no", "jenis_resmi", "singkatan", "alias"]
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise DataError(
            Problem(
                "kolom referensi PSKS tidak ada",
                file=shown,
                row=1,
                value=", ".join(missing),
                expected=", ".join(columns),
            )
        )
    bad = [
        Problem("nomor urut tidak sah", file=shown, row=i, column="no", value=v, expected="angka")
        for i, v in enumerate(df["no"], start=2)
        if not v.strip().isdigit()
    ]
    DataError.collect(bad)
    df["no"] = df["no"].astype("int64")
    return df


def psks_table(paths: Paths | None = None):
    """The official kinds: ``no``, ``jenis_resmi``, ``singkatan``, ``alias``."""
    path = reference_path(paths)
    if not path.is_file():
        from psm_analysis.errors import display_path

        raise DataError(Problem("berkas referensi PSKS tidak ditemukan", file=display_path(path)))
    return _load(str(path), path.stat().st_mtime_ns).copy()


def official_kinds(paths: Paths | None = None) -> list[PsksKind]:
    """The 12 kinds in the order of the Permensos."""
    df = psks_table(paths)
    return [
        PsksKind(int(r.no), r.jenis_resmi, r.singkatan or None) for r in df.itertuples(index=False)
    ]


def _tables(paths: Paths | None):
    names: dict[str, PsksKind] = {}
    abbrs: dict[str, PsksKind] = {}
    df = psks_table(paths)
    for kind, alias in zip(official_kinds(paths), df["alias"], strict=True):
        names[name_key(kind.jenis_resmi)] = kind
        for a in filter(None, (s.strip() for s in alias.split("|"))):
            names.setdefault(name_key(a), kind)
        if kind.singkatan:
            abbrs[name_key(kind.singkatan)] = kind
    return names, abbrs


def is_official_spelling(text: str, kind: PsksKind) -> bool:
    """True when the name part of ``text`` is the official name (ignoring case and
    spacing; the abbreviation in parentheses is not judged)."""
    name, _ = split_abbreviation(text)
    return name.casefold() == kind.jenis_resmi.casefold()


def normalize_psks(name: str, *, paths: Paths | None = None, **where: object) -> PsksKind:
    """The official PSKS kind of ``name`` (name, alias or abbreviation).

    An unknown name, or a name and abbreviation pointing at different kinds, raises
    :class:`~psm_analysis.errors.DataError` (``where`` locates the cell).

    >>> normalize_psks("Tenaga Kerja Sosial Kecamatan (TKSK)").jenis_resmi
    'Tenaga Kesejahteraan Sosial Kecamatan'
    """
    names, abbrs = _tables(paths)
    text, abbr = split_abbreviation(name if isinstance(name, str) else "")
    by_name = names.get(name_key(text)) or abbrs.get(name_key(text))
    by_abbr = None
    if abbr:
        by_abbr = abbrs.get(name_key(abbr)) or names.get(name_key(abbr))
    if by_name and by_abbr and by_name != by_abbr:
        raise DataError(
            Problem(
                MSG_CONFLICT,
                value=name,
                expected=f"{by_name.jenis_resmi} atau {by_abbr.jenis_resmi}, bukan keduanya",
                **where,
            )
        )
    kind = by_name or by_abbr
    if kind is not None:
        return kind
    official = [k.jenis_resmi for k in official_kinds(paths)]
    keys = {name_key(k): k for k in official}
    close = [
        keys[k] for k in difflib.get_close_matches(name_key(text), list(keys), n=3, cutoff=0.6)
    ]
    if close:
        expected = "jenis PSKS resmi (Permensos 08/2012); yang paling mirip: " + ", ".join(close)
    else:
        expected = "salah satu jenis PSKS resmi (Permensos 08/2012): " + ", ".join(official)
    raise DataError(Problem(MSG_UNKNOWN, value=name, expected=expected, **where))
