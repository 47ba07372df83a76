"""Reliability and item validity: Cronbach's alpha with Feldt's interval, alpha if item
deleted, corrected item-total correlation and its critical value.

All functions take a table with one row per respondent and one column per item (a
DataFrame or a 2-D array), check their arguments with exceptions (never ``assert``) and
count ``n`` after dropping incomplete rows.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

# scipy.special, not scipy.stats: the same functions (scipy.stats' f.isf is
# special.fdtri(dfn, dfd, 1 - q), its t.isf is -special.stdtrit(df, q)) without the 1 s
# import of scipy.stats, which clean would otherwise pay for two numbers
from scipy import special

#: Below this many complete respondents a reliability figure is flagged as unstable.
SMALL_N = 30

NAN_POLICIES = ("listwise", "raise")


class SmallSampleWarning(UserWarning):
    """The statistic rests on too few respondents to mean much."""


@dataclass(frozen=True)
class CronbachResult:
    """Cronbach's alpha of one set of items.

    Attributes
    ----------
    alpha : float
    ci_low, ci_high : float
        Feldt's interval at level ``ci``.
    ci : float
        Confidence level of the interval.
    n : int
        Complete respondents (after listwise deletion).
    k : int
        Items.
    """

    alpha: float
    ci_low: float
    ci_high: float
    ci: float
    n: int
    k: int

    def to_frame(self) -> pd.DataFrame:
        """The result as a one-row DataFrame (columns named as the attributes)."""
        return pd.DataFrame([asdict(self)])


def _as_frame(data) -> pd.DataFrame:
    if isinstance(data, pd.DataFrame):
        df = data.copy()
    else:
        arr = np.asarray(data, dtype=float)
        if arr.ndim != 2:
            raise ValueError("data must be 2-D: one row per respondent, one column per item")
        df = pd.DataFrame(arr, columns=[f"item{i + 1}" for i in range(arr.shape[1])])
    try:
        df = df.apply(lambda s: pd.to_numeric(s, errors="raise")).astype(float)
    except (ValueError, TypeError) as err:
        raise ValueError(f"data must hold numbers only ({err})") from None
    return df


def _complete(data, nan_policy: str) -> pd.DataFrame:
    if nan_policy not in NAN_POLICIES:
        raise ValueError(f"nan_policy must be one of {NAN_POLICIES}, not {nan_policy!r}")
    df = _as_frame(data)
    if df.isna().any().any():
        if nan_policy == "raise":
            raise ValueError("data holds missing values (use nan_policy='listwise')")
        df = df.dropna(axis=0, how="any")
    if df.shape[1] < 2:
        raise ValueError("at least two items (columns) are needed")
    if df.shape[0] < 2:
        raise ValueError("at least two complete respondents (rows) are needed")
    return df


def _alpha(df: pd.DataFrame) -> float:
    k = df.shape[1]
    item_var = df.var(axis=0, ddof=1).sum()
    total_var = df.sum(axis=1).var(ddof=1)
    if total_var <= 1e-12 * max(1.0, item_var):
        return float("nan")
    return k / (k - 1) * (1.0 - item_var / total_var)


def small_n_note(n: int) -> str:
    """An Indonesian caveat for a reliability figure from ``n`` respondents ('' if none).

    >>> small_n_note(10)
    'n = 10 < 30: koefisien tidak stabil; baca sebagai gambaran, bukan bukti'
    >>> small_n_note(40)
    ''
    """
    if n < SMALL_N:
        return f"n = {n} < {SMALL_N}: koefisien tidak stabil; baca sebagai gambaran, bukan bukti"
    return ""


def cronbach_alpha(data, nan_policy: str = "listwise", ci: float = 0.95) -> CronbachResult:
    """Cronbach's alpha with Feldt's confidence interval.

    Parameters
    ----------
    data : DataFrame or array-like
        One row per respondent, one column per item (numbers; missing as NaN).
    nan_policy : {"listwise", "raise"}
        ``"listwise"`` drops every respondent with a missing answer; ``"raise"``
        raises ``ValueError`` if any answer is missing.
    ci : float
        Confidence level of the interval, strictly between 0 and 1.

    Returns
    -------
    CronbachResult
        alpha, Feldt's interval (``ci_low``, ``ci_high``), ``n`` after listwise
        deletion and ``k``. Alpha is negative when the items correlate negatively on
        average (typically a negative statement not reverse-scored).

    Raises
    ------
    ValueError
        On a bad ``nan_policy`` or ``ci``, fewer than 2 items or fewer than 2 complete
        respondents, non-numeric data, or a total score that does not vary (every
        respondent with the same sum, e.g. all answers identical): alpha divides by the
        variance of the total score and is then undefined.

    Warns
    -----
    SmallSampleWarning
        When fewer than ``SMALL_N`` (30) complete respondents remain.

    Notes
    -----
    With :math:`k` items, item variances :math:`s_i^2` and the variance of the total
    score :math:`s_X^2` (both with ``ddof=1``),

    .. math:: \\alpha = \\frac{k}{k-1}\\left(1 - \\frac{\\sum_i s_i^2}{s_X^2}\\right)

    Feldt's interval (Feldt, Woodruff & Salih 1987), with :math:`n` the number of
    respondents *after* listwise deletion, :math:`df_1 = n - 1`,
    :math:`df_2 = (n-1)(k-1)` and :math:`\\gamma = 1 - ci`:

    .. math::

        \\alpha_L = 1 - (1-\\alpha)\\,F_{1-\\gamma/2}(df_1, df_2), \\qquad
        \\alpha_U = 1 - (1-\\alpha)\\,F_{\\gamma/2}(df_1, df_2)

    The interval is the precision of alpha across respondents: how far alpha of these
    items could move had other respondents of the same kind answered them. The Bunut
    PSM are a census of 10 people, so it is not the sampling error of an estimate for
    a larger population of PSM.

    References
    ----------
    .. [1] Cronbach, L. J. (1951). Coefficient alpha and the internal structure of
       tests. Psychometrika, 16(3), 297-334.
    .. [2] Feldt, L. S., Woodruff, D. J., & Salih, F. A. (1987). Statistical inference
       for coefficient alpha. Applied Psychological Measurement, 11(1), 93-103.

    Examples
    --------
    Three items answered by five respondents (item variances 1.3 each, total-score
    variance 9.3, so alpha = 1.5 x (1 - 3.9 / 9.3) = 27/31); n = 5 also emits a
    :class:`SmallSampleWarning`:

    >>> import pandas as pd
    >>> df = pd.DataFrame({"B1": [4, 5, 3, 4, 2], "B2": [4, 4, 3, 5, 2],
    ...                    "B3": [3, 5, 2, 4, 3]})
    >>> r = cronbach_alpha(df)
    >>> round(r.alpha, 3), round(r.ci_low, 3), round(r.ci_high, 3), r.n, r.k
    (0.871, 0.348, 0.986, 5, 3)

    A respondent with a missing answer is dropped before ``n`` is counted:

    >>> df.loc[5] = [1, 2, None]
    >>> r = cronbach_alpha(df)
    >>> round(r.alpha, 3), r.n
    (0.871, 5)
    """
    if not isinstance(ci, (int, float)) or isinstance(ci, bool) or not 0 < ci < 1:
        raise ValueError(f"ci must be a number strictly between 0 and 1, not {ci!r}")
    df = _complete(data, nan_policy)
    n, k = df.shape
    if n < SMALL_N:
        warnings.warn(small_n_note(n), SmallSampleWarning, stacklevel=2)
    alpha = _alpha(df)
    if math.isnan(alpha):
        raise ValueError(
            "the total score does not vary (every respondent has the same sum): alpha is undefined"
        )
    gamma = 1.0 - ci
    df1, df2 = n - 1, (n - 1) * (k - 1)
    # F upper quantiles: f.isf(q, df1, df2) = fdtri(df1, df2, 1 - q)
    low = 1.0 - (1.0 - alpha) * special.fdtri(df1, df2, 1 - gamma / 2)
    high = 1.0 - (1.0 - alpha) * special.fdtri(df1, df2, gamma / 2)
    return CronbachResult(float(alpha), float(low), float(high), float(ci), int(n), int(k))


def critical_r(n: int, significance: float = 0.05) -> float:
    """Critical Pearson r for ``n`` pairs, two-tailed, from the t distribution.

    :math:`r = t / \\sqrt{df + t^2}` with :math:`t = t_{1-\\alpha/2}(df)`, :math:`df = n - 2`.

    Examples
    --------
    The printed r-table value for n = 10 (df = 8) is 0.632:

    >>> round(critical_r(10), 3)
    0.632
    >>> round(critical_r(30), 3)
    0.361
    """
    if not isinstance(n, (int, np.integer)) or n < 3:
        raise ValueError(f"n must be an integer of at least 3, not {n!r}")
    if not 0 < significance < 1:
        raise ValueError("significance must be strictly between 0 and 1")
    df = n - 2
    t = -special.stdtrit(df, significance / 2)  # t.isf(significance / 2, df)
    return float(t / math.sqrt(df + t * t))


def item_analysis(data, nan_policy: str = "listwise", significance: float = 0.05) -> pd.DataFrame:
    """Per item: mean, corrected item-total r, critical r, validity and alpha if deleted.

    Parameters
    ----------
    data : DataFrame or array-like
        One row per respondent, one column per item.
    nan_policy : {"listwise", "raise"}
        As in :func:`cronbach_alpha`.
    significance : float
        Two-tailed significance level of the critical r (df = n - 2).

    Returns
    -------
    DataFrame
        Indexed by item: ``n``, ``rata_rata``, ``r_item_total`` (correlation of the
        item with the total of the *other* items), ``r_kritis``, ``valid``
        (``r_item_total > r_kritis``), ``alpha_jika_dihapus`` (alpha of the other
        items; NaN when only one item would remain).

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"B1": [4, 5, 3, 4, 2], "B2": [4, 4, 3, 5, 2],
    ...                    "B3": [3, 5, 2, 4, 3]})
    >>> t = item_analysis(df)
    >>> t["r_item_total"].round(3).tolist()
    [0.877, 0.724, 0.668]
    >>> round(float(t.loc["B1", "r_kritis"]), 3), t["valid"].tolist()
    (0.878, [False, False, False])
    >>> t["alpha_jika_dihapus"].round(3).tolist()
    [0.7, 0.844, 0.894]
    """
    df = _complete(data, nan_policy)
    n, k = df.shape
    r_crit = critical_r(n, significance) if n >= 3 else float("nan")
    total = df.sum(axis=1)
    rows = {}
    for col in df.columns:
        rest = total - df[col]
        if df[col].std(ddof=1) == 0 or rest.std(ddof=1) == 0:
            r = float("nan")
        else:
            r = float(np.corrcoef(df[col], rest)[0, 1])
        a_del = _alpha(df.drop(columns=col)) if k > 2 else float("nan")
        rows[col] = {
            "n": n,
            "rata_rata": float(df[col].mean()),
            "r_item_total": r,
            "r_kritis": r_crit,
            "valid": bool(r > r_crit) if not math.isnan(r) else False,
            "alpha_jika_dihapus": a_del,
        }
    out = pd.DataFrame.from_dict(rows, orient="index")
    out["valid"] = out["valid"].astype(bool)
    return out
