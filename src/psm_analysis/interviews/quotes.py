"""Quotes cited as theses cite interviews: "(Wawancara dengan Informan I-05, PSM,
15 April 2019)".

The date is the interview's: the document map's ``tanggal_wawancara`` for the quote's
document when it has one (an informant interviewed twice), else the roster's date for the
informant; without either the date is left out. Names inside the quote are replaced
before (:func:`psm_analysis.interviews.privacy.make_quote_redactor`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from psm_analysis.interviews.results import format_date

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from psm_analysis.interviews.roster import Roster


def citation(informant_id: str, group: str, date: object = "") -> str:
    """The citation of a quote.

    Parameters
    ----------
    informant_id : str
        The informant's id (``"I-05"``).
    group : str
        The informant's group (``"PSM"``).
    date : str, optional
        The interview date: ISO (``"2019-04-15"``, written "15 April 2019"), any other
        text as it is, empty or missing: left out.

    Returns
    -------
    str
        ``"(Wawancara dengan Informan I-05, PSM, 15 April 2019)"``.

    Examples
    --------
    >>> citation("I-05", "PSM", "2019-04-23")
    '(Wawancara dengan Informan I-05, PSM, 23 April 2019)'
    >>> citation("I-05", "PSM", None)
    '(Wawancara dengan Informan I-05, PSM)'
    """
    parts = [f"Wawancara dengan Informan {informant_id}", group, format_date(date)]
    return "(" + ", ".join(p for p in parts if p) + ")"


def with_citations(quotes: pd.DataFrame, seg: pd.DataFrame, roster: Roster) -> pd.DataFrame:
    """``quotes`` with ``tanggal_wawancara`` (as the inputs write it) and ``sitasi``.

    Parameters
    ----------
    quotes : pandas.DataFrame
        :func:`psm_analysis.interviews.analysis.quotes`: one row per quote with
        ``id_segmen`` and ``kelompok``.
    seg : pandas.DataFrame
        The segments table with ``id_segmen``, ``id_informan`` and ``dokumen_kunci`` (the
        document's key before names were replaced).
    roster : Roster
        The informants and the document map.

    Returns
    -------
    pandas.DataFrame
        A copy of ``quotes`` with the two columns added at the end.
    """
    by_id = seg.set_index("id_segmen")
    dates = [
        roster.interview_date(by_id.at[s, "id_informan"], by_id.at[s, "dokumen_kunci"])
        for s in quotes["id_segmen"]
    ]
    ids = [by_id.at[s, "id_informan"] for s in quotes["id_segmen"]]
    return quotes.assign(
        tanggal_wawancara=dates,
        sitasi=[citation(i, g, d) for i, g, d in zip(ids, quotes["kelompok"], dates, strict=True)],
    )
