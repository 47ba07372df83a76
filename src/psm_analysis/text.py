"""Normalising names for comparison: place names, column headers, kinds of PSKS.

Sits below the readers, so the reference modules (regions, PSKS) and the printed-table
reader share one rule instead of importing each other.
"""

from __future__ import annotations

import re

_NON_WORD = re.compile(r"[\W_]+")


def name_key(name: object) -> str:
    """Comparison key of a name: case, spacing and punctuation ignored.

    Parameters
    ----------
    name : object
        Any value; it is turned into text first.

    Returns
    -------
    str
        The case-folded name with every run of non-word characters and ``_`` removed.

    >>> name_key(" Bandar  Sei-Kijang ") == name_key("bandar seikijang")
    True
    >>> name_key("Kecamatan/Subdistrict")
    'kecamatansubdistrict'
    """
    return _NON_WORD.sub("", str(name).casefold())


def join_and(names: list[str]) -> str:
    """Names joined as Indonesian prose lists them: ``"A, B dan C"``.

    >>> join_and(["A"]), join_and(["A", "B"]), join_and(["A", "B", "C"])
    ('A', 'A dan B', 'A, B dan C')
    """
    names = [str(n) for n in names]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " dan " + names[-1]
