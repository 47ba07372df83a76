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


def join_and(names: list[str], word: str = "dan") -> str:
    """Names joined as Indonesian prose lists them: ``"A dan B"``, ``"A, B, dan C"``.

    A list of three or more takes a comma before the last "dan" or "atau" as well (EYD V,
    tanda koma: "Buku, majalah, dan jurnal termasuk sumber kepustakaan"); two names take
    none.

    Parameters
    ----------
    names : list of str
        One or more names (any values; each is turned into text).
    word : str
        The conjunction before the last name: "dan" (default) or "atau".

    Returns
    -------
    str
        The names joined.

    Examples
    --------
    >>> join_and(["A"]), join_and(["A", "B"]), join_and(["A", "B", "C"])
    ('A', 'A dan B', 'A, B, dan C')
    >>> join_and(["survey", "interviews", "register"], "atau")
    'survey, interviews, atau register'
    """
    names = [str(n) for n in names]
    if len(names) <= 2:
        return f" {word} ".join(names)
    return ", ".join(names[:-1]) + f", {word} " + names[-1]


#: Function words (kata tugas) that stay in lower case inside a title (EYD V, huruf
#: kapital: "kecuali kata tugas, seperti di, ke, dari, dan, yang, dan untuk yang tidak
#: terletak pada posisi awal").
FUNCTION_WORDS = frozenset(
    "di ke dari dan yang untuk atau pada dalam dengan oleh tentang terhadap menurut serta "
    "bagi per sebagai antara kepada daripada tanpa secara tiap atas sampai hingga bila "
    "karena agar namun tetapi sejak selama darinya padanya kepadanya baginya".split()
)

#: A word of a title; one glued to a digit, "_" or "." (a code, a file name) is left alone.
_TITLE_WORD = re.compile(r"(?<![\w.])[^\W\d_][^\W_]*\b(?!\.\w|_)")


def caption_case(title: str) -> str:
    """A table title or figure caption in the capitalisation of thesis titles (EYD V):
    the first letter of every word upper case, except function words
    (:data:`FUNCTION_WORDS`) not at the start; both parts of a hyphenated word
    ("Ragu-Ragu", "Desa/Kelurahan"); words that already hold a capital (PSM, KIN12,
    Diklat) and text in parentheses (an explanation, as written) unchanged.

    Parameters
    ----------
    title : str
        The title as written by the notebook or library.

    Returns
    -------
    str
        The title with the capitals of the rule; nothing else changes.

    Examples
    --------
    >>> caption_case("Operasionalisasi variabel penelitian")
    'Operasionalisasi Variabel Penelitian'
    >>> caption_case("Jumlah PSM menurut kecamatan di Kabupaten Pelalawan")
    'Jumlah PSM menurut Kecamatan di Kabupaten Pelalawan'
    >>> caption_case("Sebaran jawaban butir (*: pernyataan negatif, jawaban seperti diberikan)")
    'Sebaran Jawaban Butir (*: pernyataan negatif, jawaban seperti diberikan)'
    >>> caption_case("desa/kelurahan dengan dan tanpa PSM, 2008–2018")
    'Desa/Kelurahan dengan dan tanpa PSM, 2008–2018'
    >>> caption_case("00_operasionalisasi_variabel dari codebook.yml")
    '00_operasionalisasi_variabel dari codebook.yml'
    """
    out, depth, pos = [], 0, 0
    for m in _TITLE_WORD.finditer(title):
        before = title[pos : m.start()]
        depth += before.count("(") - before.count(")")
        out.append(before)
        word = m.group(0)
        first = not re.search(r"\w", title[: m.start()])
        if depth <= 0 and word.islower() and (first or word not in FUNCTION_WORDS):
            word = word[0].upper() + word[1:]
        out.append(word)
        pos = m.end()
    out.append(title[pos:])
    return "".join(out)
