"""Consistency across sources -> ``data/processed/pemeriksaan_lintas_sumber.csv``.

Each source is checked on its own by its builder; this compares them with each other
(issue 20, item 4):

- the questionnaire respondents against the PSM of Kecamatan Bunut in Tabel I.2 and in
  the register (counts), and each respondent's desa against the register's desa (a
  respondent in a desa where the register has no PSM, or more respondents in a desa than
  the register's PSM there);
- the informants of the roster against the informants coded;
- the kecamatan the register covers against all kecamatan of the kabupaten.

One row per check, with the columns of ``pemeriksaan_konsistensi.csv``: ``id``,
``pemeriksaan``, ``diharapkan``, ``ditemukan``, ``status`` (``sesuai`` / ``tidak sesuai``
/ ``catatan``) and ``keterangan``. A disagreement is a finding, never an error: the
sources may be from different years. A comparison of real data with demo data is not
made (status ``catatan``, saying which is the demo).
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from psm_analysis.labels import t
from psm_analysis.numbers import format_number
from psm_analysis.text import join_and

OUTPUT_FILE = "pemeriksaan_lintas_sumber.csv"
COLUMNS = ["id", "pemeriksaan", "diharapkan", "ditemukan", "status", "keterangan"]
#: The study site (Tabel I.2 name) and the profile column holding a respondent's desa.
SITE = "Bunut"
DESA_COLUMN = "desa"


def _row(ident, what, expected, found, status, note="") -> dict[str, str]:
    return dict(zip(COLUMNS, [ident, what, expected, found, status, note], strict=True))


def _orang(n: int) -> str:
    return f"{format_number(n)} orang"


def respondent_checks(
    answers: pd.DataFrame | None,
    register: pd.DataFrame,
    psm_site: int | None,
    *,
    survey_demo: bool,
    register_demo: bool,
) -> list[dict[str, str]]:
    """The respondents against Tabel I.2 and the register (see the module doc).

    Parameters
    ----------
    answers : pandas.DataFrame or None
        ``kuesioner_jawaban.csv`` (``responden`` and ``desa`` columns); None when the
        questionnaire could not be built.
    register : pandas.DataFrame
        The validated register (``kecamatan``, ``desa_kelurahan``), one row per PSM.
    psm_site : int or None
        PSM of Kecamatan Bunut in Tabel I.2 (orang).
    survey_demo, register_demo : bool
        Whether the answers / the register are demo data.

    Returns
    -------
    list of dict
        Rows with :data:`COLUMNS`.
    """
    if answers is None:
        return []
    n = len(answers)
    rows = []
    if psm_site is not None:
        status = t("sesuai") if n == psm_site else t("catatan") if n < psm_site else None
        note = (
            "sensus: semua PSM menjawab"
            if n == psm_site
            else f"{format_number(n)} dari {format_number(psm_site)} PSM menjawab; bukan sensus"
            if n < psm_site
            else "responden lebih banyak daripada PSM: periksa responden ganda atau dari "
            "kecamatan lain"
        )
        rows.append(
            _row(
                "lintas_responden_tabel_i2",
                f"Jumlah responden kuesioner dan PSM Kecamatan {SITE} menurut Tabel I.2",
                _orang(psm_site),
                _orang(n),
                status or t("tidak_sesuai"),
                note,
            )
        )
    site = register[register["kecamatan"] == SITE]
    if survey_demo != register_demo:
        which = "jawaban kuesioner" if survey_demo else "register PSM"
        rows.append(
            _row(
                "lintas_responden_register",
                f"Responden kuesioner dan PSM Kecamatan {SITE} dalam register",
                "dua sumber data penelitian",
                f"{which} adalah DATA CONTOH",
                t("catatan"),
                "tidak dibandingkan: data penelitian tidak dibandingkan dengan data contoh",
            )
        )
        return rows
    if site.empty:
        rows.append(
            _row(
                "lintas_responden_register",
                f"Responden kuesioner dan PSM Kecamatan {SITE} dalam register",
                f"register memuat PSM Kecamatan {SITE}",
                f"register tidak memuat PSM Kecamatan {SITE}",
                t("catatan"),
                "desa responden tidak dapat dibandingkan dengan register",
            )
        )
        return rows
    rows.append(
        _row(
            "lintas_responden_register",
            f"Jumlah responden kuesioner dan PSM Kecamatan {SITE} dalam register",
            _orang(len(site)),
            _orang(n),
            t("sesuai") if n == len(site) else t("catatan") if n < len(site) else t("tidak_sesuai"),
            "" if n == len(site) else "jumlah berbeda",
        )
    )
    if DESA_COLUMN not in answers:
        return rows
    in_register = Counter(site["desa_kelurahan"].astype(str))
    answered = Counter(answers[DESA_COLUMN].dropna().astype(str))
    wrong = []
    for desa in sorted(answered):
        have = in_register.get(desa, 0)
        if answered[desa] > have:
            ids = answers.loc[answers[DESA_COLUMN] == desa, "responden"].astype(str).tolist()
            wrong.append(
                f"{desa}: {format_number(answered[desa])} responden ({', '.join(ids)}), "
                f"register mencatat {format_number(have)} PSM"
            )
    rows.append(
        _row(
            "lintas_desa_responden",
            f"Desa/kelurahan setiap responden dan desa PSM Kecamatan {SITE} dalam register",
            "setiap responden di desa yang menurut register memiliki PSM sebanyak itu",
            "sesuai di semua desa" if not wrong else "; ".join(wrong),
            t("sesuai") if not wrong else t("tidak_sesuai"),
            "" if not wrong else "periksa desa responden atau register",
        )
    )
    return rows


def informant_check(informants: pd.DataFrame | None) -> list[dict[str, str]]:
    """The roster's informants against the informants coded.

    Parameters
    ----------
    informants : pandas.DataFrame or None
        ``wawancara_informan.csv`` (``pseudonim``, ``jumlah_segmen``); None when there
        are no interview outputs.

    Returns
    -------
    list of dict
        One row with :data:`COLUMNS` (none without interview outputs).
    """
    if informants is None:
        return []
    uncoded = informants.loc[informants["jumlah_segmen"] == 0, "pseudonim"].astype(str).tolist()
    n = len(informants)
    return [
        _row(
            "lintas_informan_dikodekan",
            "Informan dalam daftar informan dan informan yang kutipannya dikodekan",
            f"{format_number(n)} informan dikodekan",
            f"{format_number(n - len(uncoded))} informan dikodekan",
            t("sesuai") if not uncoded else t("catatan"),
            f"belum dikodekan: {join_and(uncoded)}" if uncoded else "",
        )
    ]


def register_coverage_check(covered: list[str], all_kecamatan: list[str]) -> list[dict[str, str]]:
    """The kecamatan the register covers against all kecamatan of the kabupaten.

    Returns
    -------
    list of dict
        One row with :data:`COLUMNS`: ``sesuai`` when every kecamatan is covered, else
        ``catatan`` naming the others (their desa are left out of the analysis).
    """
    missing = [k for k in all_kecamatan if k not in set(covered)]
    return [
        _row(
            "lintas_register_kecamatan",
            "Kecamatan yang dimuat register PSM dan kecamatan Kabupaten Pelalawan",
            f"{format_number(len(all_kecamatan))} kecamatan",
            f"{format_number(len(all_kecamatan) - len(missing))} kecamatan",
            t("sesuai") if not missing else t("catatan"),
            f"register sebagian: tidak memuat {join_and(missing)}; analisis register hanya "
            "untuk kecamatan yang dimuat"
            if missing
            else "",
        )
    ]


def frame(rows: list[dict[str, str]]) -> pd.DataFrame:
    """The rows as the processed table (:data:`COLUMNS`, all text)."""
    return pd.DataFrame(rows, columns=COLUMNS)
