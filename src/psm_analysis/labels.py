"""The words a reader sees, kept in one place per language.

Figure labels, table headers and report text are looked up here with :func:`t`, so an
English edition (``lang="en"``) needs only new entries, not new code. Subpackages
register their own words with :func:`register` at import time.

>>> t("kecamatan")
'Kecamatan'
>>> t("kecamatan", lang="en")
'District'
"""

from __future__ import annotations

#: The language of every reader-facing word unless a caller passes another. A constant:
#: nothing sets it; a notebook passes its language explicitly (``setup(..., lang="en")``).
DEFAULT_LANG = "id"

_WORDS: dict[str, dict[str, str]] = {
    "id": {
        "kecamatan": "Kecamatan",
        "jumlah": "Jumlah",
        "jumlah_psm": "Jumlah PSM (orang)",
        "desa_kelurahan": "Jumlah desa/kelurahan",
        "sumber": "Sumber",
        "tahun": "Tahun",
        "gambar": "Gambar",
        "tabel": "Tabel",
        "daftar_gambar": "DAFTAR GAMBAR",
        "daftar_tabel": "DAFTAR TABEL",
        "demo_banner": "DATA CONTOH - bukan data penelitian",
        "sesuai": "sesuai",
        "tidak_sesuai": "tidak sesuai",
        "catatan": "catatan",
    },
    "en": {
        "kecamatan": "District",
        "jumlah": "Total",
        "jumlah_psm": "Number of PSM (persons)",
        "desa_kelurahan": "Number of villages",
        "sumber": "Source",
        "tahun": "Year",
        "gambar": "Figure",
        "tabel": "Table",
        "daftar_gambar": "LIST OF FIGURES",
        "daftar_tabel": "LIST OF TABLES",
        "demo_banner": "DEMO DATA - not research data",
        "sesuai": "consistent",
        "tidak_sesuai": "inconsistent",
        "catatan": "note",
    },
}


def register(words: dict[str, dict[str, str]]) -> None:
    """Add words (``{lang: {key: text}}``); an existing key with other text is an error."""
    for lang, entries in words.items():
        table = _WORDS.setdefault(lang, {})
        for key, text in entries.items():
            if key in table and table[key] != text:
                raise KeyError(f"label {key!r} ({lang}) already defined as {table[key]!r}")
            table[key] = text


def t(key: str, lang: str | None = None, **fmt: object) -> str:
    """The text for ``key`` in ``lang`` (``None``: Indonesian), formatted with ``fmt``.

    A key missing in ``lang`` falls back to the Indonesian text; a key missing in
    Indonesian too raises ``KeyError``.
    """
    lang = lang or DEFAULT_LANG
    try:
        text = _WORDS[lang][key]
    except KeyError:
        text = _WORDS[DEFAULT_LANG][key]
    return text.format(**fmt) if fmt else text
