"""Scoring: answer counts and percents, mean, score index and category.

The score index of an item (or of an indicator or a variable, summing all their
answers) is::

    index = total score / (highest scale value x number of answers) x 100 %

Its category follows the codebook's rule: equal-width classes between the lowest and the
highest possible index (``lowest value / highest value x 100`` and 100), or explicit
cut points. A value on a boundary belongs to the higher class. :func:`rule_text` gives
the sentence printed under every table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from psm_analysis.numbers import format_number

#: Tolerance when comparing an index with a class boundary (floating point).
_EPS = 1e-9


def score_index(total: float, n: int, high: int) -> float:
    """Score index in percent: ``total / (high * n) * 100``.

    Parameters
    ----------
    total : float
        Sum of the scores.
    n : int
        Number of answers summed.
    high : int
        Highest value of the scale.

    Returns
    -------
    float
        NaN when ``n`` is 0.

    Examples
    --------
    Ten respondents answered an item on a 1-5 scale with a total score of 42:

    >>> score_index(42, 10, 5)
    84.0
    """
    if n <= 0:
        return float("nan")
    return float(total) / (high * n) * 100.0


def category_bounds(
    method: str,
    labels: Sequence[str],
    low: int,
    high: int,
    cut_points: Sequence[float] = (),
) -> list[tuple[float, float, str]]:
    """The classes of the categorisation rule as ``(lower, upper, label)`` in percent.

    Parameters
    ----------
    method : {"equal_width", "cut_points"}
        ``equal_width``: ``len(labels)`` classes of equal width between the lowest
        possible index ``low / high * 100`` and 100. ``cut_points``: the given boundaries.
    labels : sequence of str
        Category labels from the lowest class to the highest.
    low, high : int
        Lowest and highest value of the answer scale.
    cut_points : sequence of float
        Boundaries (percent), only for ``method="cut_points"``.

    Examples
    --------
    Three classes on a 1-5 scale (lowest possible index 20 %):

    >>> [(round(a, 2), round(b, 2), lab) for a, b, lab in
    ...  category_bounds("equal_width", ["Kurang Baik", "Cukup Baik", "Baik"], 1, 5)]
    [(20.0, 46.67, 'Kurang Baik'), (46.67, 73.33, 'Cukup Baik'), (73.33, 100.0, 'Baik')]
    """
    lowest = low / high * 100.0
    k = len(labels)
    if k < 2:
        raise ValueError("at least two category labels are needed")
    if method == "equal_width":
        width = (100.0 - lowest) / k
        edges = [lowest + i * width for i in range(k)] + [100.0]
    elif method == "cut_points":
        if len(cut_points) != k - 1:
            raise ValueError("cut_points must have one element fewer than labels")
        edges = [lowest, *map(float, cut_points), 100.0]
        if any(b <= a for a, b in zip(edges, edges[1:], strict=False)):
            raise ValueError("cut points must increase between the lowest index and 100")
    else:
        raise ValueError(f"unknown method {method!r}")
    return [(edges[i], edges[i + 1], labels[i]) for i in range(k)]


def categorize(index: float, bounds: Sequence[tuple[float, float, str]]) -> str | None:
    """The category label of ``index`` (percent); ``None`` for NaN.

    >>> b = category_bounds("equal_width", ["Kurang Baik", "Cukup Baik", "Baik"], 1, 5)
    >>> categorize(84.0, b), categorize(46.67, b), categorize(100 * 140 / 300, b)
    ('Baik', 'Cukup Baik', 'Cukup Baik')
    """
    if index is None or (isinstance(index, float) and np.isnan(index)):
        return None
    label = bounds[0][2]
    for lo, _hi, lab in bounds:
        if index >= lo - _EPS:
            label = lab
    return label


def rule_text(bounds: Sequence[tuple[float, float, str]], method: str) -> str:
    """The categorisation rule as the sentence printed under a table (Indonesian).

    >>> b = category_bounds("equal_width", ["Kurang Baik", "Cukup Baik", "Baik"], 1, 5)
    >>> print(rule_text(b, "equal_width"))
    Kategori indeks skor (3 kelas sama lebar antara indeks terendah 20,00 % dan tertinggi 100,00 %): 20,00 % sampai < 46,67 % = Kurang Baik; 46,67 % sampai < 73,33 % = Cukup Baik; 73,33 % sampai 100,00 % = Baik.
    """
    parts = []
    for i, (lo, hi, lab) in enumerate(bounds):
        last = i == len(bounds) - 1
        parts.append(
            f"{format_number(lo, 2)} % sampai {'' if last else '< '}{format_number(hi, 2)} % = {lab}"
        )
    if method == "equal_width":
        head = (
            f"Kategori indeks skor ({len(bounds)} kelas sama lebar antara indeks terendah "
            f"{format_number(bounds[0][0], 2)} % dan tertinggi {format_number(bounds[-1][1], 2)} %)"
        )
    else:
        head = "Kategori indeks skor (batas kelas ditetapkan dalam buku kode)"
    return f"{head}: " + "; ".join(parts) + "."


def frequency_table(scores: pd.DataFrame, values: Sequence[int]) -> pd.DataFrame:
    """Per column of ``scores``: n, count and percent of each value, total, mean and
    score index.

    Parameters
    ----------
    scores : DataFrame
        One row per respondent, one column per item; missing answers as NaN/<NA>.
    values : sequence of int
        The scale values (any order); the highest is the index denominator. Output
        columns ``f_<v>`` and ``persen_<v>`` follow the highest value first.

    Returns
    -------
    DataFrame
        Indexed by item, columns ``n``, ``f_<v>``..., ``persen_<v>``..., ``skor_total``,
        ``skor_maks``, ``rata_rata``, ``indeks``.

    Examples
    --------
    >>> df = pd.DataFrame({"B1": [5, 4, 4, 3], "B2": [2, 3, None, 1]})
    >>> t = frequency_table(df, [1, 2, 3, 4, 5])
    >>> t.loc[["B1"], ["n", "f_5", "f_4", "persen_4", "skor_total", "rata_rata", "indeks"]].to_dict("records")
    [{'n': 4, 'f_5': 1, 'f_4': 2, 'persen_4': 50.0, 'skor_total': 16, 'rata_rata': 4.0, 'indeks': 80.0}]
    >>> t.loc[["B2"], ["n", "skor_total", "indeks"]].to_dict("records")
    [{'n': 3, 'skor_total': 6, 'indeks': 40.0}]
    """
    values = sorted(values, reverse=True)
    high = max(values)
    rows = {}
    for col in scores.columns:
        s = pd.to_numeric(scores[col], errors="coerce").dropna()
        counts = {v: int((s == v).sum()) for v in values}
        rows[col] = _summary({}, counts, int(s.sum()), high)
    return pd.DataFrame.from_dict(rows, orient="index")


def _summary(rec: dict, counts: dict[int, int], total: int, high: int) -> dict:
    """Fill ``rec`` with n, f_<v>, persen_<v>, skor_total, skor_maks, rata_rata, indeks."""
    n = sum(counts.values())
    rec["n"] = n
    rec.update({f"f_{v}": c for v, c in counts.items()})
    rec.update({f"persen_{v}": (100.0 * c / n) if n else float("nan") for v, c in counts.items()})
    rec["skor_total"] = total
    rec["skor_maks"] = high * n
    rec["rata_rata"] = total / n if n else float("nan")
    rec["indeks"] = score_index(total, n, high)
    return rec


def grouped_frequency_table(
    scores: pd.DataFrame, groups: Mapping[str, str], values: Sequence[int]
) -> pd.DataFrame:
    """:func:`frequency_table` summed over the items of each group (indicator or
    variable): every answer of every item of the group counts once.

    ``groups`` maps each column of ``scores`` to its group; the result is indexed by
    group in first-seen order and adds ``jumlah_butir``. ``rata_rata`` is the mean
    score per answer.

    Examples
    --------
    >>> df = pd.DataFrame({"B1": [5, 4], "B2": [3, 4], "B3": [2, 2]})
    >>> t = grouped_frequency_table(df, {"B1": "I1", "B2": "I1", "B3": "I2"}, range(1, 6))
    >>> t[["jumlah_butir", "n", "f_4", "skor_total", "indeks"]].to_dict("index")
    {'I1': {'jumlah_butir': 2, 'n': 4, 'f_4': 2, 'skor_total': 16, 'indeks': 80.0}, 'I2': {'jumlah_butir': 1, 'n': 2, 'f_4': 0, 'skor_total': 4, 'indeks': 40.0}}
    """
    per_item = frequency_table(scores, values)
    order = list(dict.fromkeys(groups[c] for c in scores.columns))
    values = sorted(values, reverse=True)
    high = max(values)
    out = {}
    for g in order:
        cols = [c for c in scores.columns if groups[c] == g]
        sub = per_item.loc[cols]
        counts = {v: int(sub[f"f_{v}"].sum()) for v in values}
        rec = {"jumlah_butir": len(cols)}
        out[g] = _summary(rec, counts, int(sub["skor_total"].sum()), high)
    return pd.DataFrame.from_dict(out, orient="index")


def reverse_scores(values: pd.Series, low: int, high: int) -> pd.Series:
    """Reverse-score a negative statement: ``low + high - value``.

    >>> reverse_scores(pd.Series([5, 4, 1]), 1, 5).tolist()
    [1, 2, 5]
    """
    return (low + high) - values
