"""From validated answers to the thesis tables: scores, per-item / per-indicator /
per-variable summaries with categories, reliability and validity, the comparison of
respondents who did and did not attend Diklat, and the respondent profile.

Every function takes the *wide* answers table (one row per respondent: the id column,
the profile fields and one column per item with the raw answer, as produced by
:func:`psm_analysis.survey.answers.read_answers`) and the :class:`Codebook`.

Examples
--------
A codebook with one variable of two items on a 1-3 scale, the second a negative
statement, and four respondents (on a 1-3 scale the classes run from the lowest
possible index 33,33 % in steps of 22,22 %):

>>> from psm_analysis.survey.codebook import parse_codebook
>>> cb = parse_codebook('''
... id_column: {id: r, label: Responden}
... scales: {baik3: {values: {3: Baik, 2: Cukup Baik, 1: Kurang Baik}}}
... categories: {method: equal_width, classes: 3, labels: [Rendah, Sedang, Tinggi]}
... group_field: diklat
... profile: [{id: diklat, label: Diklat, type: choice, choices: [Ya, Tidak]}]
... variables: [{id: V, name: Pelayanan, scale: baik3}]
... indicators: [{id: I, variable: V, name: Pelayanan}]
... items:
...   - {id: B1, indicator: I, statement: Pelayanan cepat}
...   - {id: B2, indicator: I, statement: Pelayanan berbelit, reverse: true}
... ''')
>>> wide = pd.DataFrame({"r": ["a", "b", "c", "d"], "diklat": ["Ya", "Ya", "Tidak", "Tidak"],
...                      "B1": [3, 3, 2, 1], "B2": [1, 2, 2, 3]})
>>> score_matrix(wide, cb)["B2"].tolist()  # reversed: 1 + 3 - answer
[3.0, 2.0, 2.0, 1.0]
>>> item_table(wide, cb)[["butir", "skor_total", "skor_maks", "indeks", "kategori"]].to_dict("records")
[{'butir': 'B1', 'skor_total': 9, 'skor_maks': 12, 'indeks': 75.0, 'kategori': 'Sedang'}, {'butir': 'B2', 'skor_total': 8, 'skor_maks': 12, 'indeks': 66.66666666666666, 'kategori': 'Sedang'}]
>>> variable_table(wide, cb)[["n", "skor_total", "indeks", "kategori"]].to_dict("records")
[{'n': 8, 'skor_total': 17, 'indeks': 70.83333333333334, 'kategori': 'Sedang'}]
>>> g = group_comparison(wide, cb).round(2)
>>> g[["n_a", "n_b", "median_a", "median_b", "u", "r_rank_biserial"]].to_dict("records")
[{'n_a': 2, 'n_b': 2, 'median_a': 91.67, 'median_b': 50.0, 'u': 4.0, 'r_rank_biserial': 1.0}]
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from psm_analysis.numbers import format_number
from psm_analysis.survey import compare, reliability, scoring
from psm_analysis.survey.codebook import Codebook, ProfileField


def score_matrix(wide: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Scores (reverse-scored items turned round), indexed by respondent id, one
    column per item, float with NaN for a missing answer."""
    out = {}
    for item in codebook.items:
        scale = codebook.scale_of_item(item.id)
        s = pd.to_numeric(wide[item.id], errors="coerce").astype(float)
        s = scoring.reverse_scores(s, scale.low, scale.high) if item.reverse else s
        out[item.id] = s.to_numpy()
    return pd.DataFrame(
        out, index=pd.Index(wide[codebook.id_column].astype(str), name=codebook.id_column)
    )


def long_answers(wide: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """One row per respondent and item: ``responden, variabel, indikator, butir,
    jawaban, skor, dibalik`` (jawaban = answer as given, skor = after reversal)."""
    scores = score_matrix(wide, codebook)
    rows = []
    ids = wide[codebook.id_column].astype(str).tolist()
    for item in codebook.items:
        ind = codebook.indicator(item.indicator)
        raw = pd.to_numeric(wide[item.id], errors="coerce").tolist()
        for rid, ans, sc in zip(ids, raw, scores[item.id].tolist(), strict=True):
            rows.append(
                {
                    "responden": rid,
                    "variabel": ind.variable,
                    "indikator": ind.id,
                    "butir": item.id,
                    "jawaban": ans,
                    "skor": sc,
                    "dibalik": item.reverse,
                }
            )
    df = pd.DataFrame(rows)
    for col in ("jawaban", "skor"):
        df[col] = pd.array([None if pd.isna(v) else int(v) for v in df[col]], dtype="Int64")
    df["dibalik"] = df["dibalik"].astype(bool)
    return df.sort_values(["responden", "butir"], kind="stable").reset_index(drop=True)


def all_scale_values(codebook: Codebook) -> list[int]:
    return sorted({v for s in codebook.scales.values() for v in s.values}, reverse=True)


def _bounds_for(codebook: Codebook, var_id: str):
    scale = codebook.scale_of_variable(var_id)
    rule = codebook.categories
    return scoring.category_bounds(rule.method, rule.labels, scale.low, scale.high, rule.cut_points)


def _freq(scores: pd.DataFrame, codebook: Codebook, var_id: str, groups=None) -> pd.DataFrame:
    values = list(codebook.scale_of_variable(var_id).values)
    if groups is None:
        return scoring.frequency_table(scores, values)
    return scoring.grouped_frequency_table(scores, groups, values)


def _order_columns(df: pd.DataFrame, lead: list[str], codebook: Codebook) -> pd.DataFrame:
    vals = all_scale_values(codebook)
    counts = [f"f_{v}" for v in vals] + [f"persen_{v}" for v in vals]
    tail = ["skor_total", "skor_maks", "rata_rata", "indeks", "kategori"]
    for c in counts:
        if c not in df.columns:
            df[c] = np.nan
    return df[lead + counts + tail]


def item_table(wide: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Per item: counts and percents of each answer, total, mean, index, category."""
    scores = score_matrix(wide, codebook)
    parts = []
    for var in codebook.variables:
        items = [i.id for i in codebook.items_of_variable(var.id)]
        t = _freq(scores[items], codebook, var.id)
        bounds = _bounds_for(codebook, var.id)
        t["kategori"] = [scoring.categorize(x, bounds) for x in t["indeks"]]
        t.insert(0, "butir", t.index)
        parts.append(t)
    df = pd.concat(parts, ignore_index=True)
    meta = {
        i.id: (codebook.indicator(i.indicator).variable, i.indicator, i.statement, i.reverse)
        for i in codebook.items
    }
    df["variabel"] = [meta[b][0] for b in df["butir"]]
    df["indikator"] = [meta[b][1] for b in df["butir"]]
    df["pernyataan"] = [meta[b][2] for b in df["butir"]]
    df["dibalik"] = [bool(meta[b][3]) for b in df["butir"]]
    return _order_columns(
        df, ["variabel", "indikator", "butir", "pernyataan", "dibalik", "n"], codebook
    )


def _aggregate(wide: pd.DataFrame, codebook: Codebook, key: str) -> pd.DataFrame:
    """Per indicator (``key="indikator"``) or variable (``key="variabel"``): the
    answers of all its items summed, index and category."""
    scores = score_matrix(wide, codebook)
    parts = []
    for var in codebook.variables:
        items = codebook.items_of_variable(var.id)
        groups = {i.id: (i.indicator if key == "indikator" else var.id) for i in items}
        t = _freq(scores[[i.id for i in items]], codebook, var.id, groups)
        bounds = _bounds_for(codebook, var.id)
        t["kategori"] = [scoring.categorize(x, bounds) for x in t["indeks"]]
        t.insert(0, key, t.index)
        parts.append(t)
    return pd.concat(parts, ignore_index=True)


def indicator_table(wide: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Per indicator: the answers of all its items summed, index and category."""
    df = _aggregate(wide, codebook, "indikator")
    df["variabel"] = [codebook.indicator(i).variable for i in df["indikator"]]
    df["nama_indikator"] = [codebook.indicator(i).name for i in df["indikator"]]
    df["dasar"] = [codebook.indicator(i).source for i in df["indikator"]]
    lead = ["variabel", "indikator", "nama_indikator", "dasar", "jumlah_butir", "n"]
    return _order_columns(df, lead, codebook)


def variable_table(wide: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Per variable: the answers of all its items summed, index and category."""
    df = _aggregate(wide, codebook, "variabel")
    df["nama_variabel"] = [codebook.variable(v).name for v in df["variabel"]]
    df["jumlah_indikator"] = [
        sum(1 for i in codebook.indicators if i.variable == v) for v in df["variabel"]
    ]
    lead = ["variabel", "nama_variabel", "jumlah_indikator", "jumlah_butir", "n"]
    return _order_columns(df, lead, codebook)


def category_table(codebook: Codebook) -> pd.DataFrame:
    """The categorisation rule of each variable: one row per class, with the rule text
    (``aturan``) to print under the tables."""
    rows = []
    for var in codebook.variables:
        bounds = _bounds_for(codebook, var.id)
        text = scoring.rule_text(bounds, codebook.categories.method)
        for k, (lo, hi, lab) in enumerate(bounds, start=1):
            rows.append(
                {
                    "variabel": var.id,
                    "kelas": k,
                    "batas_bawah": round(lo, 6),
                    "batas_atas": round(hi, 6),
                    "kategori": lab,
                    "metode": codebook.categories.method,
                    "aturan": text,
                }
            )
    return pd.DataFrame(rows)


def respondent_indices(wide: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Per respondent and variable: total score, answers counted and index (percent)."""
    scores = score_matrix(wide, codebook)
    out = pd.DataFrame(index=scores.index)
    for var in codebook.variables:
        cols = [i.id for i in codebook.items_of_variable(var.id)]
        high = codebook.scale_of_variable(var.id).high
        total = scores[cols].sum(axis=1, min_count=1)
        n = scores[cols].notna().sum(axis=1)
        out[f"skor_{var.id}"] = total
        out[f"indeks_{var.id}"] = [
            scoring.score_index(t, k, high) if k else np.nan for t, k in zip(total, n, strict=True)
        ]
    return out


#: Note of a variable whose total score is the same for every respondent.
NOTE_NO_VARIANCE = "skor total tidak bervariasi: alpha tidak terdefinisi"

#: Note of a negative alpha.
NOTE_NEGATIVE = (
    "alpha negatif: rata-rata butir berkorelasi negatif satu sama lain; periksa apakah "
    "setiap pernyataan negatif ditandai dibalik (reverse) di buku kode"
)


def _note_constant(constant: list[str], k: int) -> str:
    names = ", ".join(constant)
    return (
        f"butir {names} tidak bervariasi (semua responden lengkap menjawab sama): "
        f"tetap dihitung sebagai butir dalam k = {k}, tetapi tidak menambah varians skor total"
    )


def _note_too_few(sub: pd.DataFrame, n: int) -> str:
    """Why fewer than 3 respondents are complete: the items whose missing answers cost
    complete respondents, with how many answered each."""
    if sub.shape[1] < 2:
        return "hanya satu butir: alpha memerlukan sedikitnya dua butir"
    culprits = [c for c in sub.columns if sub.drop(columns=c).dropna().shape[0] > n]
    head = f"hanya {n} responden menjawab semua butir (perlu sedikitnya 3)"
    if not culprits:
        return head
    answered = "; ".join(
        f"{c} dijawab {int(sub[c].notna().sum())} dari {len(sub)} responden" for c in culprits
    )
    return f"{head}: butir yang kosongnya mengurangi responden lengkap: {answered}"


def reliability_tables(wide: pd.DataFrame, codebook: Codebook, ci: float = 0.95):
    """Cronbach's alpha per variable and item validity.

    Returns
    -------
    (DataFrame, DataFrame)
        ``alpha``: ``variabel, jumlah_butir, n, alpha, ci_bawah, ci_atas, catatan``
        (alpha NaN, with the reason in ``catatan``, when it cannot be computed: fewer
        than 2 items or 3 complete respondents -- naming the items whose blanks leave
        too few -- or a total score that does not vary). ``catatan`` also warns of a
        negative alpha (check the reverse coding), names items that do not vary among
        the complete respondents, and gives the small-n caveat.
        ``items``: ``variabel, butir, n, rata_rata, r_item_total, r_kritis, valid,
        alpha_jika_dihapus``; ``n`` and ``r_kritis`` are those of the item's variable
        (complete respondents of that variable), so they can differ between variables.
    """
    scores = score_matrix(wide, codebook)
    alpha_rows, item_parts = [], []
    for var in codebook.variables:
        cols = [i.id for i in codebook.items_of_variable(var.id)]
        sub = scores[cols]
        complete = sub.dropna()
        n = int(complete.shape[0])
        notes: list[str] = []
        a = lo = hi = np.nan
        if len(cols) < 2 or n < 3:
            notes.append(_note_too_few(sub, n))
        else:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", reliability.SmallSampleWarning)
                    res = reliability.cronbach_alpha(sub, nan_policy="listwise", ci=ci)
                a, lo, hi = res.alpha, res.ci_low, res.ci_high
            except ValueError as err:
                if "does not vary" not in str(err):
                    raise
                notes.append(NOTE_NO_VARIANCE)
            if a < 0:
                notes.append(NOTE_NEGATIVE)
            constant = [c for c in cols if complete[c].nunique() == 1]
            if constant and not np.isnan(a):
                notes.append(_note_constant(constant, len(cols)))
        notes.append(reliability.small_n_note(n))
        alpha_rows.append(
            {
                "variabel": var.id,
                "jumlah_butir": len(cols),
                "n": n,
                "alpha": a,
                "ci_bawah": lo,
                "ci_atas": hi,
                "catatan": "; ".join(filter(None, notes)),
            }
        )
        if len(cols) < 2 or n < 3:
            continue
        t = reliability.item_analysis(sub, nan_policy="listwise")
        t.insert(0, "butir", t.index)
        t.insert(0, "variabel", var.id)
        item_parts.append(t)
    items = (
        pd.concat(item_parts, ignore_index=True)
        if item_parts
        else pd.DataFrame(
            columns=[
                "variabel",
                "butir",
                "n",
                "rata_rata",
                "r_item_total",
                "r_kritis",
                "valid",
                "alpha_jika_dihapus",
            ]
        )
    )
    return pd.DataFrame(alpha_rows), items


def group_comparison(
    wide: pd.DataFrame, codebook: Codebook, field: str | None = None
) -> pd.DataFrame:
    """Per variable, the respondents' index compared between the two choices of
    ``field`` (default: the codebook's ``group_field``, e.g. ``diklat``: Ya / Tidak)
    with the exact Mann-Whitney U test and the rank-biserial correlation.

    Columns: ``variabel, kolom, kelompok_a, kelompok_b, n_a, n_b, median_a, median_b,
    rata_rata_a, rata_rata_b, u, p, metode, p_terkecil, r_rank_biserial`` (``u`` and
    ``r_rank_biserial`` from group a's side: positive when group a scores higher;
    ``metode`` the method of ``p`` actually used, ``"eksak"`` or ``"asimtotik"``;
    ``p_terkecil`` the smallest two-sided exact p these groups can reach given their
    sizes and ties, see :func:`psm_analysis.survey.compare.mann_whitney_exact`).
    A group with no respondent gives NaN statistics and an empty ``metode``.
    """
    field = field or codebook.group_field
    if field is None:
        return pd.DataFrame()
    f = codebook.profile_field(field)
    a_lab, b_lab = f.choices[0], f.choices[1]
    idx = respondent_indices(wide, codebook)
    grp = [None if pd.isna(g) else str(g) for g in wide[field]]  # blank: in neither group
    rows = []
    for var in codebook.variables:
        values = idx[f"indeks_{var.id}"].to_numpy(dtype=float)
        a = np.array(
            [v for v, g in zip(values, grp, strict=True) if g == a_lab and not np.isnan(v)]
        )
        b = np.array(
            [v for v, g in zip(values, grp, strict=True) if g == b_lab and not np.isnan(v)]
        )
        rec = {
            "variabel": var.id,
            "kolom": field,
            "kelompok_a": a_lab,
            "kelompok_b": b_lab,
            "n_a": int(a.size),
            "n_b": int(b.size),
            "median_a": float(np.median(a)) if a.size else np.nan,
            "median_b": float(np.median(b)) if b.size else np.nan,
            "rata_rata_a": float(a.mean()) if a.size else np.nan,
            "rata_rata_b": float(b.mean()) if b.size else np.nan,
            "u": np.nan,
            "p": np.nan,
            "metode": "",
            "p_terkecil": np.nan,
            "r_rank_biserial": np.nan,
        }
        if a.size and b.size:
            r = compare.mann_whitney_exact(a, b)
            rec.update(
                u=r.u,
                p=r.p,
                metode=r.method,
                p_terkecil=r.p_smallest,
                r_rank_biserial=r.r_rank_biserial,
            )
        rows.append(rec)
    return pd.DataFrame(rows)


def _bin_labels(f: ProfileField) -> list[tuple[float, float, str]]:
    edges = list(f.bins)
    out = []
    lo = f.min
    for i, hi in enumerate(edges):
        if i == 0:
            lab = f"\u2264 {format_number(hi)}"
        elif f.type == "integer":
            lab = f"{format_number(edges[i - 1] + 1)}\u2013{format_number(hi)}"
        else:
            lab = f"> {format_number(edges[i - 1])} \u2013 {format_number(hi)}"
        out.append((lo if i == 0 else edges[i - 1], hi, lab))
    last = edges[-1]
    out.append(
        (
            last,
            np.inf,
            f"\u2265 {format_number(last + 1)}"
            if f.type == "integer"
            else f"> {format_number(last)}",
        )
    )
    return out


def profile_table(wide: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Respondent profile: per field and category, count ``f`` and percent.

    Choice fields keep the codebook's order of choices; number fields with ``bins`` are
    grouped into classes (upper edges inclusive); other number fields get one row per
    value. Missing answers are a category ``(kosong)`` when present.
    """
    rows = []
    n = len(wide)
    for f in codebook.profile:
        s = wide[f.id]
        if f.type == "choice":
            cats = [(c, int((s.astype("string") == c).sum())) for c in f.choices]
        elif f.type in ("integer", "number") and f.bins:
            x = pd.to_numeric(s, errors="coerce").astype(float)
            cats = []
            for i, (lo, hi, lab) in enumerate(_bin_labels(f)):
                inside = (x <= hi) & ((x > lo) if i > 0 else x.notna())
                cats.append((lab, int(inside.sum())))
        elif f.type in ("integer", "number"):
            x = pd.to_numeric(s, errors="coerce").dropna()
            cats = [(format_number(v), int((x == v).sum())) for v in sorted(x.unique())]
        else:
            vals = s.dropna().astype(str)
            cats = [(v, int((vals == v).sum())) for v in sorted(vals.unique())]
        missing = int(s.isna().sum())
        if missing:
            cats.append(("(kosong)", missing))
        for cat, count in cats:
            rows.append(
                {
                    "kolom": f.id,
                    "label": f.label,
                    "kategori": cat,
                    "f": count,
                    "persen": 100.0 * count / n if n else np.nan,
                }
            )
    return pd.DataFrame(rows)
