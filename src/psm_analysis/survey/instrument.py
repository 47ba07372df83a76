"""Testing the instrument: where validity and reliability are tested, and what happens to
an item that fails.

Indonesian theses test a questionnaire on a pilot group (*uji coba*, respondents like the
study's but outside it) before the main survey, and drop (*gugurkan*) an item whose
corrected item-total r stays below the critical r, so that it counts in no later table,
figure or index. The codebook's ``instrument_test`` block says which data are tested
(``data: uji_coba`` or ``utama``; left out: the pilot where there is one) and what
happens to an invalid item (``invalid_items: gugurkan``, the default, or
``pertahankan``: kept, with a note). The pilot answers are files of the same shape as the
main answers (template, CSV, Google Forms export) in ``data/raw/survey/uji_coba/``, read by
the same readers; their profile columns may hold any value (the pilot respondents live
elsewhere), so they are read as optional text.

Examples
--------
Four items on a 1-3 scale tried on eight pilot respondents; B4 does not go with the
others (corrected item-total r -0,284 against the critical r 0,707 for n = 8), so it is
dropped and alpha is that of B1-B3:

>>> from psm_analysis.survey.codebook import parse_codebook
>>> cb = parse_codebook('''
... id_column: {id: r, label: Responden}
... scales: {s3: {values: {3: Baik, 2: Cukup, 1: Kurang}}}
... categories: {method: equal_width, classes: 3, labels: [Rendah, Sedang, Tinggi]}
... profile: [{id: desa, label: Desa, type: choice, choices: [A, B]}]
... variables: [{id: V, name: Pelayanan, scale: s3}]
... indicators: [{id: I, variable: V, name: Pelayanan}]
... items:
...   - {id: B1, indicator: I, statement: Satu}
...   - {id: B2, indicator: I, statement: Dua}
...   - {id: B3, indicator: I, statement: Tiga}
...   - {id: B4, indicator: I, statement: Empat}
... ''')
>>> import pandas as pd
>>> pilot = pd.DataFrame({"r": list("abcdefgh"), "desa": ["X"] * 8,
...                       "B1": [1, 2, 3, 1, 2, 3, 1, 3], "B2": [1, 2, 3, 1, 3, 3, 1, 3],
...                       "B3": [1, 2, 3, 2, 2, 3, 1, 3], "B4": [2, 1, 2, 3, 3, 1, 2, 2]})
>>> res = evaluate_instrument(pilot, cb, "uji_coba")
>>> res.dropped
('B4',)
>>> res.validity[["butir", "valid", "tindakan"]].to_dict("records")[3]
{'butir': 'B4', 'valid': False, 'tindakan': 'digugurkan'}
>>> res.reliability[["jumlah_butir", "alpha"]].round(3).to_dict("records")
[{'jumlah_butir': 3, 'alpha': 0.962}]
>>> [i.id for i in cb.without_items(res.dropped).items]
['B1', 'B2', 'B3']
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from psm_analysis.survey import analysis
from psm_analysis.survey.codebook import Codebook, ProfileField

#: The pilot answers' folder, under ``data/raw/survey`` (and ``data/demo/survey``).
PILOT_FOLDER = "uji_coba"

#: ``tindakan`` of an item in ``kuesioner_validitas_butir.csv``.
USED = "dipakai"
DROPPED = "digugurkan"
KEPT = "dipertahankan"


def pilot_folder(survey_folder: Path) -> Path:
    """The pilot folder inside a survey folder (``<survey_folder>/uji_coba``).

    Parameters
    ----------
    survey_folder : Path
        ``data/raw/survey`` or ``data/demo/survey``.

    Returns
    -------
    Path
        ``survey_folder / "uji_coba"`` (it may not exist).
    """
    return Path(survey_folder) / PILOT_FOLDER


def pilot_codebook(codebook: Codebook) -> Codebook:
    """The codebook the pilot answers are read with: the same items and scales, the
    profile columns optional text (pilot respondents come from other desa, kecamatan or
    groups, so the main survey's choices do not apply to them).

    Parameters
    ----------
    codebook : Codebook
        The questionnaire codebook.

    Returns
    -------
    Codebook
        A copy whose profile fields are ``type: text``, ``required: false``.
    """
    profile = tuple(ProfileField(p.id, p.label, "text", required=False) for p in codebook.profile)
    return dataclasses.replace(codebook, profile=profile, group_field=None)


@dataclass(frozen=True)
class InstrumentResult:
    """The outcome of :func:`evaluate_instrument`.

    ``data`` is ``"uji_coba"`` or ``"utama"``; ``validity`` the table
    ``kuesioner_validitas_butir`` (every item of the codebook that could be tested, with
    ``data_uji`` and ``tindakan``); ``reliability`` the table ``kuesioner_reliabilitas``
    (Cronbach's alpha of the items that stay, with ``data_uji``); ``dropped`` the items
    left out of every later table, figure and index, in codebook order.
    """

    data: str
    validity: pd.DataFrame
    reliability: pd.DataFrame
    dropped: tuple[str, ...]


def evaluate_instrument(test_wide: pd.DataFrame, codebook: Codebook, data: str) -> InstrumentResult:
    """Validity of every item and reliability of the items kept, on the test data.

    Validity is the corrected item-total r against the critical r for the variable's n
    (:func:`psm_analysis.survey.analysis.reliability_tables`). With ``invalid_items:
    gugurkan`` every item below its critical r (or without r: it does not vary) is
    dropped and alpha is computed from the items that stay; with ``pertahankan`` every
    item stays. One pass, as the usual procedure: r is not computed again after a drop.
    A variable every item of which fails keeps them all (it cannot be measured without
    items), and its alpha note says so (:data:`NOTE_ALL_INVALID`).

    Parameters
    ----------
    test_wide : pandas.DataFrame
        The answers tested (pilot or main), wide: the id column and one column per item.
    codebook : Codebook
        The questionnaire codebook (its ``instrument_test.invalid_items`` applies).
    data : {"uji_coba", "utama"}
        Which answers ``test_wide`` holds, written into ``data_uji``.

    Returns
    -------
    InstrumentResult
    """
    alpha, items = analysis.reliability_tables(test_wide, codebook)
    invalid = [str(b) for b, ok in zip(items["butir"], items["valid"], strict=True) if not ok]
    drop = codebook.instrument_test.invalid_items == "gugurkan"
    whole = _variables_all_invalid(codebook, invalid)
    dropped = tuple(
        i.id
        for i in codebook.items
        if drop and i.id in invalid and codebook.indicator(i.indicator).variable not in whole
    )
    if dropped:
        alpha = analysis.reliability_tables(test_wide, codebook.without_items(dropped))[0]
    if drop and whole:
        alpha["catatan"] = [
            "; ".join(filter(None, [NOTE_ALL_INVALID if v in whole else "", str(c)]))
            for v, c in zip(alpha["variabel"], alpha["catatan"], strict=True)
        ]
    items = items.assign(
        data_uji=data,
        tindakan=[
            USED if b not in invalid else DROPPED if b in dropped else KEPT for b in items["butir"]
        ],
    )
    return InstrumentResult(data, items, alpha.assign(data_uji=data), dropped)


#: Note of a variable every item of which fails: nothing is dropped, as the variable
#: would be left without items.
NOTE_ALL_INVALID = (
    "semua butir tidak valid pada data uji: tidak ada yang digugurkan, karena variabel "
    "tidak dapat diukur tanpa butir; periksa instrumen dan jumlah responden uji"
)


def _variables_all_invalid(codebook: Codebook, invalid: list[str]) -> set[str]:
    """The variables whose every item is in ``invalid``."""
    return {
        v.id
        for v in codebook.variables
        if all(i.id in invalid for i in codebook.items_of_variable(v.id))
    }
