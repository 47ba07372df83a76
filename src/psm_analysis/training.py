"""Training of the PSM: coverage, timeline, and the programmes of Tabel I.3.

- :func:`coverage`: how many of the PSM have had the Diklat (Tabel I.3: "dari 120 orang
  PSM baru 80 yang telah mendapat Diklat"), how many not yet, and the share.
- :func:`timeline_events` / :func:`years_without_training`: when the PSM were formed in
  Kabupaten Pelalawan (a claim of the chapter's text, kept in ``klaim_teks.csv``), the
  training events of Tabel I.4, and the years up to the data year with no training
  recorded.
- :func:`programme_status`: the five programmes of Tabel I.3 with their status.

The counts are a census of the kabupaten's PSM; shares are exact, with no sampling
interval.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from psm_analysis import labels
from psm_analysis.errors import DataError, Problem
from psm_analysis.text import join_and

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

PROGRAMMES_FILE = "kegiatan_peningkatan_kinerja.csv"
CLAIMS_FILE = "klaim_teks.csv"
#: The claim (``klaim`` column) holding the year the PSM were formed in Pelalawan.
FORMATION_CLAIM = "psm_dibentuk_pelalawan"

#: Event kinds of the timeline.
FORMED = "pembentukan"
TRAINING = "pelatihan"


@dataclass(frozen=True)
class Coverage:
    """Training coverage: ``trained`` of ``target`` PSM."""

    programme: str
    target: int
    trained: int

    @property
    def untrained(self) -> int:
        return self.target - self.trained

    @property
    def percent(self) -> float:
        """Share trained, in per cent (exact; a census, not an estimate)."""
        return self.trained / self.target * 100

    @property
    def percent_untrained(self) -> float:
        return self.untrained / self.target * 100


def _where(name: str) -> str:
    return f"data/processed/{name}"


def coverage(programmes: pd.DataFrame, *, keyword: str = "pelatihan") -> Coverage:
    """The Diklat coverage from the programmes table (Tabel I.3, cleaned): the row whose
    ``kegiatan`` contains ``keyword`` (case-insensitive) and that has both
    ``sasaran_orang`` and ``tercapai_orang``.

    Parameters
    ----------
    programmes : pandas.DataFrame
        Tabel I.3 cleaned, as ``catalog.load("kegiatan_peningkatan_kinerja")`` gives it: one
        row per programme with ``kegiatan``, ``status``, ``terlaksana``, ``sasaran_orang``
        and ``tercapai_orang`` (orang; missing where the source gives none).
    keyword : str
        Text that the training programme's ``kegiatan`` contains.

    Returns
    -------
    Coverage
        ``programme`` (the row's ``kegiatan``), ``target`` and ``trained`` (orang), with
        ``untrained`` (orang) and ``percent`` / ``percent_untrained`` (persen, 0-100,
        exact: the PSM are a census).

    Raises
    ------
    DataError
        Not exactly one programme matches ``keyword`` with both counts, or the reached count
        is not between 0 and the target (or the target is not positive); located in
        ``data/processed/kegiatan_peningkatan_kinerja.csv``.
    KeyError
        A needed column is missing.
    """
    mask = programmes["kegiatan"].str.lower().str.contains(keyword.lower(), regex=False)
    rows = programmes[
        mask & programmes["sasaran_orang"].notna() & programmes["tercapai_orang"].notna()
    ]
    if len(rows) != 1:
        raise DataError(
            Problem(
                f"tidak tepat satu kegiatan '{keyword}' dengan sasaran dan capaian",
                file=_where(PROGRAMMES_FILE),
                column="kegiatan",
                value=len(rows),
                expected="1 baris",
            )
        )
    row = rows.iloc[0]
    target, trained = int(row["sasaran_orang"]), int(row["tercapai_orang"])
    if not 0 <= trained <= target or target <= 0:
        raise DataError(
            Problem(
                "capaian di luar sasaran",
                file=_where(PROGRAMMES_FILE),
                column="tercapai_orang",
                value=trained,
                expected=f"0 sampai {target}",
            )
        )
    return Coverage(str(row["kegiatan"]), target, trained)


def programme_status(programmes: pd.DataFrame) -> pd.DataFrame:
    """The programmes in table order: ``kegiatan``, ``status``, ``terlaksana``,
    ``sasaran_orang``, ``tercapai_orang``, ``capaian_persen`` (reached / target x 100
    where both are known).

    Parameters
    ----------
    programmes : pandas.DataFrame
        Tabel I.3 cleaned, as ``catalog.load("kegiatan_peningkatan_kinerja")`` gives it: one
        row per programme with ``kegiatan``, ``status``, ``terlaksana``, ``sasaran_orang``
        and ``tercapai_orang`` (orang; missing where the source gives none).

    Returns
    -------
    pandas.DataFrame
        One row per programme in table order, 0-based index; the five columns above plus
        ``capaian_persen`` (persen, 0-100; missing where a count is missing).

    Raises
    ------
    KeyError
        A needed column is missing.
    """
    out = programmes[["kegiatan", "status", "terlaksana", "sasaran_orang", "tercapai_orang"]].copy()
    out["capaian_persen"] = out["tercapai_orang"] / out["sasaran_orang"] * 100
    return out.reset_index(drop=True)


def formation_year(claims: pd.DataFrame, claim: str = FORMATION_CLAIM) -> int:
    """The year the PSM were formed in Kabupaten Pelalawan, from the text claims."""
    rows = claims[claims["klaim"] == claim]
    if len(rows) != 1:
        raise DataError(
            Problem(
                "klaim teks tidak ditemukan",
                file=CLAIMS_FILE,
                column="klaim",
                value=claim,
                expected="tepat satu baris",
            )
        )
    value = str(rows.iloc[0]["nilai"]).strip()
    if not (value.isdigit() and len(value) == 4):
        raise DataError(
            Problem(
                "tahun tidak dikenali",
                file=CLAIMS_FILE,
                column="nilai",
                value=value,
                expected="tahun empat angka, misalnya 2008",
            )
        )
    return int(value)


def timeline_events(
    training: pd.DataFrame, formed: int | None = None, *, formed_label: str | None = None
) -> pd.DataFrame:
    """Events by year: ``tahun``, ``peristiwa``, ``jenis`` (``pembentukan`` /
    ``pelatihan``). ``training`` is Tabel I.4 cleaned (``kegiatan``, ``tahun``).

    Parameters
    ----------
    training : pandas.DataFrame
        Tabel I.4 cleaned (``catalog.load("diklat_psm")``): one row per training, ``kegiatan`` and
        ``tahun`` (no missing years).
    formed : int or None
        The year the PSM were formed (:func:`load_formation_year`); ``None`` leaves that
        event out.
    formed_label : str or None
        Text of the formation event (default: the Indonesian label "PSM mulai dibentuk di
        Kabupaten Pelalawan").

    Returns
    -------
    pandas.DataFrame
        One row per event, sorted by year (stable: formation first within its year):
        ``tahun`` (int), ``peristiwa`` (str), ``jenis`` (``"pembentukan"`` or
        ``"pelatihan"``); 0-based index.

    Raises
    ------
    KeyError
        ``training`` lacks ``kegiatan`` or ``tahun``.
    """
    import pandas as pd

    rows = []
    if formed is not None:
        rows.append((formed, formed_label or labels.t("latih.dibentuk"), FORMED))
    for _, r in training.iterrows():
        rows.append((int(r["tahun"]), str(r["kegiatan"]), TRAINING))
    df = pd.DataFrame(rows, columns=["tahun", "peristiwa", "jenis"])
    return df.sort_values("tahun", kind="stable").reset_index(drop=True)


def years_without_training(
    training: pd.DataFrame, until: int, *, since: int | None = None
) -> list[int]:
    """Years in ``since..until`` (inclusive) with no training in ``training``.

    ``since=None`` starts the year after the last training, which answers "how long
    since the last training?"; give the formation year to list every gap.

    Parameters
    ----------
    training : pandas.DataFrame
        Tabel I.4 cleaned, with a ``tahun`` column (at least one row when ``since`` is
        ``None``).
    until : int
        Last year to consider (tahun), usually the year of the data.
    since : int or None
        First year to consider (tahun).

    Returns
    -------
    list of int
        The years (tahun) without training, ascending; empty when there is none.

    Raises
    ------
    ValueError
        ``since`` is ``None`` and ``training`` has no rows (no last training).

    Examples
    --------
    >>> import pandas as pd
    >>> years_without_training(pd.DataFrame({"tahun": [2010, 2012]}), 2015)
    [2013, 2014, 2015]
    >>> years_without_training(pd.DataFrame({"tahun": [2010, 2012]}), 2013, since=2009)
    [2009, 2011, 2013]
    """
    years = {int(y) for y in training["tahun"]}
    start = since if since is not None else max(years) + 1
    return [y for y in range(start, until + 1) if y not in years]


def coverage_table(cov: Coverage) -> pd.DataFrame:
    """The coverage as a reader-facing table: trained, not yet, total; persons and per cent.

    Parameters
    ----------
    cov : Coverage
        The result of :func:`coverage`.

    Returns
    -------
    pandas.DataFrame
        Three rows (sudah, belum mengikuti Diklat, jumlah) and three columns: group,
        number of PSM (int, orang) and share (float, persen 0-100; the total row 100).
    """
    import pandas as pd

    t = labels.t
    rows = [
        (t("latih.sudah"), cov.trained, cov.percent),
        (t("latih.belum"), cov.untrained, cov.percent_untrained),
        (t("jumlah"), cov.target, 100.0),
    ]
    return pd.DataFrame(
        rows,
        columns=[t("latih.keterangan"), t("jumlah_psm"), t("latih.persentase")],
    )


def events_table(events: pd.DataFrame) -> pd.DataFrame:
    """The timeline events as a reader-facing table: year, event, where it is stated.

    Parameters
    ----------
    events : pandas.DataFrame
        The output of :func:`timeline_events`.

    Returns
    -------
    pandas.DataFrame
        One row per event in the given order: year (int, tahun), event, and where it is
        stated ("Teks BAB I" for the formation, "Tabel I.4" for a training).

    Raises
    ------
    KeyError
        An event's ``jenis`` is neither ``"pembentukan"`` nor ``"pelatihan"``, or a column
        is missing.
    """
    import pandas as pd

    t = labels.t
    where = {FORMED: t("latih.sumber_teks"), TRAINING: f"{t('tabel')} I.4"}
    return pd.DataFrame(
        {
            t("tahun"): events["tahun"].astype(int).to_list(),
            t("latih.peristiwa"): events["peristiwa"].to_list(),
            t("sumber"): [where[k] for k in events["jenis"]],
        }
    )


def programme_table(programmes: pd.DataFrame) -> pd.DataFrame:
    """The programmes of Tabel I.3 as a reader-facing table (No., activity, status,
    target, reached, achieved in per cent).

    Parameters
    ----------
    programmes : pandas.DataFrame
        Tabel I.3 cleaned, as ``catalog.load("kegiatan_peningkatan_kinerja")`` gives it: one
        row per programme with ``kegiatan``, ``status``, ``terlaksana``, ``sasaran_orang``
        and ``tercapai_orang`` (orang; missing where the source gives none).

    Returns
    -------
    pandas.DataFrame
        One row per programme in table order: No. (from 1), activity, status, target and
        reached (Float64, orang; missing where the source gives none) and achieved
        (Float64, persen 0-100).

    Raises
    ------
    KeyError
        A needed column is missing.
    """
    st = programme_status(programmes)
    shown = st.astype({c: "Float64" for c in ("sasaran_orang", "tercapai_orang", "capaian_persen")})
    return labels.reader_table(shown, "pelatihan_kegiatan")


def format_years(years) -> str:
    """Years as prose: ``[2016]`` -> ``"2016"``, ``[2016, 2017, 2018]`` ->
    ``"2016, 2017, dan 2018"`` (no thousands separator in years).

    Parameters
    ----------
    years : iterable of int
        The years (tahun), in the order to write them.

    Returns
    -------
    str
        The years joined as :func:`psm_analysis.text.join_and` joins names (a comma before
        the word for "and" when three or more); ``""`` for none.

    Examples
    --------
    >>> format_years([2016]), format_years([2016, 2017, 2018]), format_years([])
    ('2016', '2016, 2017, dan 2018', '')
    """
    names = [str(int(y)) for y in years]
    return join_and(names, labels.t("latih.dan")) if names else ""


def load_formation_year(paths=None) -> int | None:
    """The year the PSM were formed in Kabupaten Pelalawan (claim
    ``psm_dibentuk_pelalawan`` of the text), or ``None`` when the processed claims do not
    hold it (yet).

    Parameters
    ----------
    paths : Paths, optional
        The project (default: the installed one).

    Returns
    -------
    int or None
        The year (tahun, four digits) as the thesis text states it in
        ``data/processed/klaim_teks.csv``.

    Raises
    ------
    DataError
        The claim appears more than once or its value is not a four-digit year (located in
        ``klaim_teks.csv``), or the claims file is stale (run ``psm-analysis clean``).
    """
    from psm_analysis import catalog
    from psm_analysis.config import get_paths

    if not ((paths or get_paths()).processed / CLAIMS_FILE).is_file():
        return None  # clean does not write the claims (yet)
    claims = catalog.load(CLAIMS_FILE, paths)
    if FORMATION_CLAIM not in set(claims["klaim"]):
        return None
    return formation_year(claims)
