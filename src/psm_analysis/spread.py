"""How the PSM are spread over the kecamatan, against the number of desa/kelurahan.

The Dinas Sosial table (Tabel I.2) counts PSM per kecamatan; the Kemendagri reference
counts desa and kelurahan. This module puts them side by side (:func:`psm_vs_villages`),
names where they differ (:func:`exceptions`) and tests whether the PSM are allocated in
proportion to the number of desa/kelurahan (:func:`proportional_fit`).

All counts are a census (every PSM of the kabupaten), not a sample: no confidence
intervals are given, and the goodness-of-fit test is read as a description of how far
the allocation departs from a proportional one, not as an inference about a population.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from psm_analysis import labels
from psm_analysis.errors import DataError, Problem
from psm_analysis.numbers import format_p, format_p_value  # noqa: F401  (notebook 03 uses spread.format_p)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

STUDY_SITE = "Bunut"


def psm_vs_villages(df: pd.DataFrame) -> pd.DataFrame:
    """One row per kecamatan with ``jumlah_psm``, ``jumlah_desa_kelurahan``,
    ``selisih`` (PSM minus desa/kelurahan), ``rasio`` (PSM per desa/kelurahan) and
    ``pangsa_psm_persen`` (share of all PSM, in per cent); sorted by PSM (most first),
    then by name.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per kecamatan with ``kecamatan``, ``jumlah_psm`` and
        ``jumlah_desa_kelurahan`` (no missing counts), as ``catalog.load("psm_per_kecamatan")``
        gives it; other columns are kept.

    Returns
    -------
    pandas.DataFrame
        A copy with the two counts as int64 and the added columns ``selisih`` (int64,
        orang minus desa/kelurahan), ``rasio`` (float, PSM per desa/kelurahan) and
        ``pangsa_psm_persen`` (float, 0-100, the kecamatan's share of all PSM); new
        0-based index.

    Raises
    ------
    KeyError
        One of the three columns is missing.
    """
    out = df.copy()
    out["jumlah_psm"] = out["jumlah_psm"].astype("int64")
    out["jumlah_desa_kelurahan"] = out["jumlah_desa_kelurahan"].astype("int64")
    out["selisih"] = out["jumlah_psm"] - out["jumlah_desa_kelurahan"]
    out["rasio"] = out["jumlah_psm"] / out["jumlah_desa_kelurahan"]
    out["pangsa_psm_persen"] = out["jumlah_psm"] / out["jumlah_psm"].sum() * 100
    out = out.sort_values(["jumlah_psm", "kecamatan"], ascending=[False, True], kind="stable")
    return out.reset_index(drop=True)


def exceptions(df: pd.DataFrame) -> pd.DataFrame:
    """The kecamatan whose PSM count differs from their number of desa/kelurahan,
    sorted by name (from :func:`psm_vs_villages`' columns).

    Parameters
    ----------
    df : pandas.DataFrame
        The output of :func:`psm_vs_villages`, or its input (then it is computed first).

    Returns
    -------
    pandas.DataFrame
        The rows of :func:`psm_vs_villages` with ``selisih != 0``, same columns, sorted by
        ``kecamatan``, new 0-based index; empty when every kecamatan has one PSM per
        desa/kelurahan.
    """
    table = df if "selisih" in df.columns else psm_vs_villages(df)
    out = table[table["selisih"] != 0]
    return out.sort_values("kecamatan", kind="stable").reset_index(drop=True)


@dataclass(frozen=True)
class FitResult:
    """A chi-square goodness-of-fit of observed counts against expected counts."""

    statistic: float
    dof: int
    p_value: float
    p_value_lower: float
    observed: pd.Series
    expected: pd.Series
    n: int
    p_value_monte_carlo: float | None = None
    n_simulations: int = 0
    #: How many simulated allocations came closer to proportional (smaller X^2).
    n_simulated_closer: int | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def min_expected(self) -> float:
        return float(self.expected.min())

    def contributions(self) -> pd.Series:
        """Each category's share of the statistic, (O - E)^2 / E."""
        return (self.observed - self.expected) ** 2 / self.expected

    def to_frame(self) -> pd.DataFrame:
        """The test as one row: ``statistik`` (X^2), ``derajat_bebas``, ``p`` (asymptotic
        chi-square, upper tail), ``p_bawah`` (lower tail), ``p_monte_carlo`` (NaN when not
        simulated), ``n_simulasi``, ``n`` (total count), ``harapan_terkecil`` (smallest
        expected count)."""
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "statistik": self.statistic,
                    "derajat_bebas": self.dof,
                    "p": self.p_value,
                    "p_bawah": self.p_value_lower,
                    "p_monte_carlo": float("nan")
                    if self.p_value_monte_carlo is None
                    else self.p_value_monte_carlo,
                    "n_simulasi": self.n_simulations,
                    "n": self.n,
                    "harapan_terkecil": self.min_expected,
                }
            ]
        )


def proportional_fit(
    df: pd.DataFrame,
    *,
    observed: str = "jumlah_psm",
    weight: str = "jumlah_desa_kelurahan",
    label: str = "kecamatan",
    n_simulations: int = 100_000,
    seed: int = 2018,
) -> FitResult:
    r"""Chi-square goodness of fit of the counts in ``observed`` against counts
    proportional to ``weight`` (same total).

    Parameters
    ----------
    df : pandas.DataFrame
        One row per category (kecamatan) with the columns named by ``observed``,
        ``weight`` and ``label``.
    observed : str
        Column of observed counts (whole numbers >= 0, orang).
    weight : str
        Column of the weights the expected counts are proportional to (> 0).
    label : str
        Column naming the categories; it indexes the result's series.
    n_simulations : int
        Multinomial samples for the Monte Carlo p-value (0: none).
    seed : int
        Seed of ``numpy.random.default_rng`` for the simulation.

    Returns
    -------
    FitResult
        ``statistic`` (:math:`X^2`), ``dof`` (:math:`k - 1`), ``p_value`` (upper tail,
        asymptotic), ``p_value_lower`` (:math:`P(X^2 \le x^2)`), ``observed`` and
        ``expected`` (Series by label), ``n``, ``p_value_monte_carlo`` (None without
        simulation), ``n_simulations``, ``n_simulated_closer`` and ``notes`` (Indonesian
        cautions, e.g. expected counts below 5). p-values are proportions (0-1).

    Raises
    ------
    ValueError
        A weight is missing or not positive, or an observed count is missing, negative or
        not whole (the message names the rows).
    KeyError
        A named column is missing.

    Notes
    -----
    Expected counts are :math:`E_i = N w_i / \sum_j w_j` with :math:`N = \sum_i O_i`, the
    statistic :math:`X^2 = \sum_i (O_i - E_i)^2 / E_i` on :math:`k - 1` degrees of freedom
    (Pearson 1900; ``scipy.stats.chisquare``). Besides the asymptotic p-value, a Monte Carlo
    p-value draws ``n_simulations`` multinomial samples of size :math:`N` from the
    proportional allocation (seeded, so reproducible) and counts how often :math:`X^2` is at
    least the observed one, :math:`(b + 1) / (B + 1)` (Davison and Hinkley 1997, ch. 4;
    as R's ``chisq.test(simulate.p.value = TRUE)``); it does not rely on the expected counts
    being large.

    The PSM counts are a census, not a random sample: the test cannot say anything about
    a wider population. It only measures whether the allocation departs from a
    proportional one more than a chance allocation of the same number of people would.
    A p-value close to 1 means the counts fit *more* closely than chance allocation
    usually does, which points to allocation by a rule (about one PSM per village);
    ``p_value_lower`` (:math:`P(X^2 \le x^2)`) says how rare so close a fit would be.
    """
    import numpy as np
    from scipy import stats

    obs = df.set_index(label)[observed].astype(float)
    w = df.set_index(label)[weight].astype(float)
    bad_w = w.isna() | (w <= 0)
    if bad_w.any():
        raise ValueError(
            f"{weight} must be positive in every row (not in: {', '.join(map(str, w.index[bad_w]))})"
        )
    bad_o = obs.isna() | (obs < 0) | (obs.fillna(0) % 1 != 0)
    if bad_o.any():
        raise ValueError(
            f"{observed} must be a whole number >= 0 in every row "
            f"(not in: {', '.join(map(str, obs.index[bad_o]))})"
        )
    n = int(obs.sum())
    expected = w / w.sum() * n
    res = stats.chisquare(obs.to_numpy(), expected.to_numpy())
    notes = []
    if (expected < 5).any():
        notes.append("ada frekuensi harapan < 5; nilai p asimtotik kurang dapat diandalkan")
    p_mc = None
    n_closer = None
    if n_simulations:
        rng = np.random.default_rng(seed)
        probs = (w / w.sum()).to_numpy()
        sims = rng.multinomial(n, probs, size=n_simulations)
        e = expected.to_numpy()
        x2 = ((sims - e) ** 2 / e).sum(axis=1)
        p_mc = float((np.count_nonzero(x2 >= res.statistic - 1e-12) + 1) / (n_simulations + 1))
        n_closer = int(np.count_nonzero(x2 < res.statistic - 1e-12))
    return FitResult(
        statistic=float(res.statistic),
        dof=len(obs) - 1,
        p_value=float(res.pvalue),
        p_value_lower=float(stats.chi2.cdf(res.statistic, len(obs) - 1)),
        observed=obs,
        expected=expected,
        n=n,
        p_value_monte_carlo=p_mc,
        n_simulations=n_simulations,
        n_simulated_closer=n_closer,
        notes=notes,
    )


def fit_meaning(res: FitResult) -> str:
    """What a chi-square fit of a census means, in one Indonesian sentence without a
    p-value or test verdict: how close the allocation is to the proportional one, measured
    against the seeded chance allocations of :func:`proportional_fit`, and the largest
    gap between an observed and an expected count.

    Parameters
    ----------
    res : FitResult
        The result of :func:`proportional_fit`.

    Returns
    -------
    str
        One sentence; the comparison with chance allocations is left out when none were
        simulated. Closer than 95 % of them reads as "hampir persis sebanding", farther
        than 95 % as "jauh dari", anything between as "sejauh pembagian acak pada umumnya".

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"kecamatan": ["A", "B", "C"], "jumlah_psm": [10, 10, 11],
    ...                    "jumlah_desa_kelurahan": [10, 10, 10]})
    >>> fit_meaning(proportional_fit(df, n_simulations=1000, seed=1))
    'X² = 0,065 berarti pembagian 31 PSM ke 3 kecamatan hampir persis sebanding dengan jumlah desa/kelurahannya: tidak satu pun dari 1.000 pembagian acak dengan peluang sebanding yang lebih dekat; selisih terbesar antara jumlah PSM dan harapannya 0,67 orang (C).'
    """
    from psm_analysis.numbers import format_number

    gap = (res.observed - res.expected).abs()
    where = str(gap.idxmax())
    head = (
        f"X² = {format_number(res.statistic, 3)} berarti pembagian {format_number(res.n)} PSM ke "
    )
    head += f"{len(res.observed)} kecamatan "
    tail = (
        f"selisih terbesar antara jumlah PSM dan harapannya {format_number(float(gap.max()), 2)} "
        f"orang ({where})."
    )
    if not res.n_simulations or res.n_simulated_closer is None:
        return (
            head + f"berjarak sejauh itu dari pembagian sebanding jumlah desa/kelurahannya; {tail}"
        )
    total = res.n_simulations
    closer = res.n_simulated_closer
    farther = total - closer
    if closer < 0.05 * total:
        how = "hampir persis sebanding dengan jumlah desa/kelurahannya: " + (
            f"tidak satu pun dari {format_number(total)} pembagian acak dengan peluang "
            "sebanding yang lebih dekat"
            if closer == 0
            else f"hanya {format_number(closer)} dari {format_number(total)} pembagian acak "
            "dengan peluang sebanding yang lebih dekat"
        )
    elif farther < 0.05 * total:
        how = (
            "jauh dari pembagian sebanding jumlah desa/kelurahannya: lebih jauh daripada "
            f"{format_number(closer)} dari {format_number(total)} pembagian acak dengan "
            "peluang sebanding"
        )
    else:
        how = (
            "menyimpang dari pembagian sebanding jumlah desa/kelurahannya sejauh pembagian "
            f"acak pada umumnya ({format_number(closer)} dari {format_number(total)} "
            "pembagian acak dengan peluang sebanding lebih dekat)"
        )
    return head + how + "; " + tail


def spread_table(table: pd.DataFrame) -> pd.DataFrame:
    """:func:`psm_vs_villages` as a reader-facing table (same row order).

    Parameters
    ----------
    table : pandas.DataFrame
        The output of :func:`psm_vs_villages` (it also needs ``jumlah_desa`` and
        ``jumlah_kelurahan`` from the processed file).

    Returns
    -------
    pandas.DataFrame
        One row per kecamatan, eight columns under Indonesian headers: kecamatan, PSM
        (orang), desa, kelurahan, desa/kelurahan, selisih, PSM per desa/kelurahan and
        pangsa PSM (persen, 0-100); numbers unformatted.

    Raises
    ------
    KeyError
        A needed column is missing.
    """
    shown = table.astype({"jumlah_desa": "int64", "jumlah_kelurahan": "int64"})
    return labels.reader_table(shown, "sebaran_kecamatan")


def fit_table(res: FitResult) -> pd.DataFrame:
    """Observed, expected and each kecamatan's share of the chi-square statistic, in the
    order of the observed counts, with a total row.

    Parameters
    ----------
    res : FitResult
        The result of :func:`proportional_fit`.

    Returns
    -------
    pandas.DataFrame
        One row per kecamatan plus a last "Jumlah" row: kecamatan, observed PSM (int,
        orang), expected count (float, proportional to desa/kelurahan) and
        :math:`(O - E)^2 / E` (float); the totals are ``n``, the expected sum and
        :math:`X^2`.
    """
    import pandas as pd

    t = labels.t
    names = [str(i) for i in res.observed.index] + [t("jumlah")]
    contrib = res.contributions()
    return pd.DataFrame(
        {
            t("kecamatan"): names,
            t("jumlah_psm"): [*res.observed.astype(int).to_list(), int(res.n)],
            t("sebar.harapan"): [*res.expected.to_list(), float(res.expected.sum())],
            t("sebar.kontribusi"): [*contrib.to_list(), float(contrib.sum())],
        }
    )


def villages_table(villages: pd.DataFrame) -> pd.DataFrame:
    """:func:`villages_of` as a reader-facing table (No., code, name, level).

    Parameters
    ----------
    villages : pandas.DataFrame
        The output of :func:`villages_of` (``kode``, ``nama``, ``tingkat``).

    Returns
    -------
    pandas.DataFrame
        One row per desa/kelurahan in the given order: "No." (from 1), Kemendagri code,
        name and level ("Desa"/"Kelurahan", capitalised).
    """
    shown = villages.assign(tingkat=[str(v).capitalize() for v in villages["tingkat"]])
    return labels.reader_table(shown, "sebaran_desa")


def villages_of(kecamatan: str, paths=None) -> pd.DataFrame:
    """The desa and kelurahan of one kecamatan (official name) from
    ``data/processed/desa_kelurahan.csv``: ``kode``, ``nama``, ``tingkat``, sorted by code.

    The codes and names are those of Kepmendagri No. 300.2.2-2138 Tahun 2025
    (``data/raw/reference/wilayah_pelalawan_kepmendagri_2025.csv``).

    Parameters
    ----------
    kecamatan : str
        The kecamatan's official name, e.g. ``"Bunut"``.
    paths : Paths, optional
        The project (default: the installed one).

    Returns
    -------
    pandas.DataFrame
        One row per desa/kelurahan: ``kode`` (Kemendagri code, str), ``nama``,
        ``tingkat`` ("desa" or "kelurahan"), sorted by code, 0-based index.

    Raises
    ------
    DataError
        ``desa_kelurahan.csv`` is missing or stale (run ``psm-analysis clean``), or no
        desa/kelurahan has this kecamatan name.
    """
    from psm_analysis import catalog

    df = catalog.load("desa_kelurahan", paths)
    out = df[df["kecamatan"] == kecamatan]
    if out.empty:
        raise DataError(
            Problem(
                "kecamatan tidak ada di daftar desa/kelurahan",
                file="data/processed/desa_kelurahan.csv",
                column="kecamatan",
                value=kecamatan,
            )
        )
    return (
        out[["kode", "nama", "tingkat"]].sort_values("kode", kind="stable").reset_index(drop=True)
    )
