"""Analysis of coded segments: frequencies, matrices, triangulation, the hambatan ranking,
quotes, and intercoder agreement.

Every function takes the segments table built by :mod:`.pipeline` (one row per coded
segment: ``id_segmen``, ``dokumen``, ``id_informan``, ``pseudonim``, ``kelompok``,
``pengkode``, ``kode``, ``kutipan``, ``analisis``) and returns a tidy DataFrame.

*Which codings are analysed.* Where two coders coded the same document, the frequencies,
matrices and quotes use one coding per document: that of the *main coder* (the coder with
the most segments overall; a tie goes to the first name in alphabetical order), or, for a
document the main coder did not code, the coder with the most segments in it. The other
codings serve the agreement only (column ``analisis``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import pandas as pd

from psm_analysis.interviews.codebook import Codebook
from psm_analysis.interviews.roster import GROUPS

ALL_CODES = "(semua kode)"


def main_coder(seg: pd.DataFrame) -> str:
    counts = seg.groupby("pengkode").size()
    return sorted(counts.index, key=lambda c: (-counts[c], c))[0]


def analysis_mask(seg: pd.DataFrame) -> pd.Series:
    """True for the segments the frequencies, matrices and quotes use (see module doc)."""
    if seg.empty:
        return pd.Series([], dtype=bool)
    main = main_coder(seg)
    chosen = {}
    for doc, g in seg.groupby("dokumen_kunci", sort=True):
        coders = g.groupby("pengkode").size()
        chosen[doc] = (
            main if main in coders.index else sorted(coders.index, key=lambda c: (-coders[c], c))[0]
        )
    return pd.Series(
        [chosen[d] == c for d, c in zip(seg["dokumen_kunci"], seg["pengkode"], strict=True)],
        index=seg.index,
    )


def _code_frame(codebook: Codebook) -> pd.DataFrame:
    return pd.DataFrame(
        [{"kode": c.path, "label": c.label, "pertanyaan": c.question} for c in codebook.codable]
    )


def code_frequency(seg: pd.DataFrame, codebook: Codebook, informants: pd.DataFrame) -> pd.DataFrame:
    """Per code: segments, informants (and their share of the coded informants), groups.

    The share is over the informants with at least one analysed segment
    (``jumlah_segmen`` > 0 in ``informants``): an informant interviewed but not yet coded
    cannot have mentioned anything, so counting them would understate every share. The
    pages name the uncoded ones (:func:`psm_analysis.interviews.results.coded_informants_text`).
    """
    base = _code_frame(codebook)
    n_inf = (
        int((informants["jumlah_segmen"] > 0).sum())
        if "jumlah_segmen" in informants
        else len(informants)
    )
    g = seg.groupby("kode")
    out = base.assign(
        jumlah_segmen=base["kode"].map(g.size()).fillna(0).astype(int),
        jumlah_informan=base["kode"].map(g["id_informan"].nunique()).fillna(0).astype(int),
        jumlah_kelompok=base["kode"].map(g["kelompok"].nunique()).fillna(0).astype(int),
    )
    out["persen_informan"] = (100 * out["jumlah_informan"] / n_inf).round(2) if n_inf else 0.0
    return out


def group_order(groups) -> list[str]:
    present = set(groups)
    return [g for g in GROUPS if g in present] + sorted(present - set(GROUPS))


def code_group_matrix(
    seg: pd.DataFrame, codebook: Codebook, informants: pd.DataFrame
) -> pd.DataFrame:
    """Long table code x informant group: segments and informants per cell (zeros
    included), with the number of informants of the group interviewed."""
    groups = group_order(informants["kelompok"])
    size = informants.groupby("kelompok").size()
    base = _code_frame(codebook)
    cells = seg.groupby(["kode", "kelompok"]).agg(
        jumlah_segmen=("id_segmen", "size"), jumlah_informan=("id_informan", "nunique")
    )
    rows = []
    for rec in base.to_dict("records"):
        for grp in groups:
            seg_n, inf_n = (
                cells.loc[(rec["kode"], grp)] if (rec["kode"], grp) in cells.index else (0, 0)
            )
            rows.append(
                rec
                | {
                    "kelompok": grp,
                    "informan_kelompok": int(size.get(grp, 0)),
                    "jumlah_segmen": int(seg_n),
                    "jumlah_informan": int(inf_n),
                }
            )
    return pd.DataFrame(rows)


def code_informant_matrix(
    seg: pd.DataFrame, codebook: Codebook, informants: pd.DataFrame
) -> pd.DataFrame:
    """Long table code x informant: segments per cell (zeros included)."""
    base = _code_frame(codebook)
    cells = seg.groupby(["kode", "id_informan"]).size()
    rows = []
    for rec in base.to_dict("records"):
        for inf in informants.to_dict("records"):
            rows.append(
                rec
                | {
                    "id_informan": inf["id_informan"],
                    "pseudonim": inf["pseudonim"],
                    "kelompok": inf["kelompok"],
                    "jumlah_segmen": int(cells.get((rec["kode"], inf["id_informan"]), 0)),
                }
            )
    return pd.DataFrame(rows)


def triangulation(seg: pd.DataFrame, codebook: Codebook, informants: pd.DataFrame) -> pd.DataFrame:
    """Per code: how many distinct informant groups support it, and which; a finding
    resting on one group is flagged (``satu_kelompok``)."""
    freq = code_frequency(seg, codebook, informants)
    order = group_order(informants["kelompok"])
    groups = seg.groupby("kode")["kelompok"].agg(
        lambda s: "; ".join(g for g in order if g in set(s))
    )
    freq["kelompok"] = freq["kode"].map(groups).astype(object).fillna("")  # no segment: float
    freq["satu_kelompok"] = freq["jumlah_kelompok"] == 1
    freq["status"] = np.select(
        [freq["jumlah_kelompok"] == 0, freq["jumlah_kelompok"] == 1],
        ["tidak muncul", "hanya satu kelompok"],
        "dikonfirmasi beberapa kelompok",
    )
    return freq[
        [
            "kode",
            "label",
            "pertanyaan",
            "jumlah_informan",
            "jumlah_segmen",
            "jumlah_kelompok",
            "kelompok",
            "satu_kelompok",
            "status",
        ]
    ].astype({"satu_kelompok": "bool"})


def hambatan_ranking(
    seg: pd.DataFrame, codebook: Codebook, informants: pd.DataFrame, question: str = "hambatan"
) -> pd.DataFrame:
    """The codes of ``question`` ranked by the number of informants who raise each
    (ties share the better rank; then more segments, then codebook order, list first)."""
    tri = triangulation(seg, codebook, informants)
    freq = code_frequency(seg, codebook, informants)
    df = tri.merge(freq[["kode", "persen_informan"]], on="kode")
    df = df[df["pertanyaan"] == question].copy()
    df["_order"] = range(len(df))
    df = df.sort_values(
        ["jumlah_informan", "jumlah_segmen", "_order"], ascending=[False, False, True]
    )
    df.insert(0, "peringkat", df["jumlah_informan"].rank(method="min", ascending=False).astype(int))
    return df[
        [
            "peringkat",
            "kode",
            "label",
            "jumlah_informan",
            "persen_informan",
            "jumlah_segmen",
            "jumlah_kelompok",
            "kelompok",
        ]
    ].reset_index(drop=True)


def quotes(seg: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Every analysed segment as a quote for the thesis, by code (codebook order), informant
    group and informant."""
    from psm_analysis.interviews.segments import informant_sort_key

    order = {p: i for i, p in enumerate(codebook.paths)}
    groups = {g: i for i, g in enumerate(GROUPS)}
    labels = {c.path: c.label for c in codebook.codes}
    recs = sorted(
        seg.to_dict("records"),
        key=lambda r: (
            order[r["kode"]],
            groups.get(r["kelompok"], len(groups)),
            informant_sort_key(r["id_informan"]),
            r["id_segmen"],
        ),
    )
    cols = [
        "kode",
        "label",
        "pertanyaan",
        "pseudonim",
        "kelompok",
        "dokumen",
        "kutipan",
        "id_segmen",
    ]
    return (
        pd.DataFrame(
            [r | {"label": labels[r["kode"]], "pertanyaan": r["kode"].split(".")[0]} for r in recs],
            columns=cols,
        )[cols]
        if recs
        else pd.DataFrame(columns=cols)
    )


# ----------------------------------------------------------------------------- agreement

#: A code whose Cohen's kappa is at or below this is flagged for discussion (the upper
#: bound of "cukup" / fair agreement on the Landis & Koch scale).
KAPPA_THRESHOLD = Fraction(2, 5)

#: Krippendorff's (2019, p. 356) standards for alpha: rely on data with alpha >= 0.800;
#: data with 0.667 <= alpha < 0.800 only for tentative conclusions.
ALPHA_RELIABLE = Fraction(4, 5)
ALPHA_TENTATIVE = Fraction(667, 1000)

#: Names of the coefficients in the ``koefisien`` column.
COHEN = "kappa Cohen"
KRIPPENDORFF = "alpha Krippendorff (nominal)"


@dataclass(frozen=True)
class KappaResult:
    """Cohen's kappa of one 2x2 table ``[[a, b], [c, d]]`` (rows: coder 1 yes/no;
    columns: coder 2 yes/no), computed exactly.

    ``kappa``, ``p_o`` and ``p_e`` are Fractions (None when undefined: an empty table,
    or kappa when p_e = 1); :attr:`value` gives kappa as a float (NaN when undefined).
    """

    a: int
    b: int
    c: int
    d: int
    kappa: Fraction | None
    p_o: Fraction | None
    p_e: Fraction | None

    @property
    def value(self) -> float:
        return math.nan if self.kappa is None else float(self.kappa)

    @property
    def label(self) -> str:
        return kappa_label(self.kappa)

    def to_frame(self) -> pd.DataFrame:
        """One row: ``a, b, c, d, kappa, p_o, p_e, kekuatan`` (floats, NaN if undefined)."""

        def f(x):
            return math.nan if x is None else float(x)

        return pd.DataFrame(
            [
                {
                    "a": self.a,
                    "b": self.b,
                    "c": self.c,
                    "d": self.d,
                    "kappa": f(self.kappa),
                    "p_o": f(self.p_o),
                    "p_e": f(self.p_e),
                    "kekuatan": self.label,
                }
            ]
        )


def kappa_2x2(a: int, b: int, c: int, d: int) -> KappaResult:
    r"""Cohen's kappa of a 2x2 table, in exact integer arithmetic.

    Notes
    -----
    With :math:`n = a + b + c + d`, :math:`p_o = (a + d) / n`,
    :math:`p_e = ((a+b)(a+c) + (c+d)(b+d)) / n^2` and
    :math:`\kappa = (p_o - p_e) / (1 - p_e)` (Cohen 1960), which for a 2x2 table is
    :math:`2(ad - bc) / ((a+b)(b+d) + (a+c)(c+d))`. Computed with
    :class:`fractions.Fraction`, so a kappa of exactly 0 is 0, not -3.5e-16, and gets
    its label (:func:`kappa_label`) from the exact value. Undefined when p_e = 1.

    Examples
    --------
    >>> k = kappa_2x2(1, 4, 4, 16)
    >>> k.p_o, k.p_e, k.kappa, k.label
    (Fraction(17, 25), Fraction(17, 25), Fraction(0, 1), 'lemah')
    >>> kappa_2x2(20, 5, 10, 15).kappa
    Fraction(2, 5)
    """
    a, b, c, d = (int(x) for x in (a, b, c, d))
    n = a + b + c + d
    if n == 0:
        return KappaResult(a, b, c, d, None, None, None)
    po = Fraction(a + d, n)
    pe = Fraction((a + b) * (a + c) + (c + d) * (b + d), n * n)
    kappa = None if pe == 1 else (po - pe) / (1 - pe)
    return KappaResult(a, b, c, d, kappa, po, pe)


def kappa_label(kappa: float | Fraction | None) -> str:
    """Landis & Koch (1977) strength of agreement, in Indonesian: below 0 "buruk",
    0 to 0.20 "lemah", to 0.40 "cukup", to 0.60 "sedang", to 0.80 "baik", above
    "sangat baik". Give it the exact value (a Fraction) where there is one.

    >>> kappa_label(Fraction(0)), kappa_label(Fraction(2, 5)), kappa_label(-0.1)
    ('lemah', 'cukup', 'buruk')
    """
    if kappa is None or (isinstance(kappa, float) and math.isnan(kappa)):
        return ""
    if kappa < 0:
        return "buruk"
    for limit, text in (
        (Fraction(1, 5), "lemah"),
        (Fraction(2, 5), "cukup"),
        (Fraction(3, 5), "sedang"),
        (Fraction(4, 5), "baik"),
    ):
        if kappa <= limit:
            return text
    return "sangat baik"


@dataclass(frozen=True)
class KrippendorffResult:
    """Krippendorff's alpha (nominal) of two coders' yes/no decisions.

    ``value`` from the ``krippendorff`` package (NaN when undefined: every decision
    the same); ``expected_agreement`` = 1 - D_e; ``n_decisions`` the pairable decisions
    per coder.
    """

    value: float
    observed_agreement: float
    expected_agreement: float
    n_decisions: int

    @property
    def label(self) -> str:
        return alpha_label(self.value)

    def to_frame(self) -> pd.DataFrame:
        """One row: ``alpha, p_o, p_e, n, kekuatan``."""
        return pd.DataFrame(
            [
                {
                    "alpha": self.value,
                    "p_o": self.observed_agreement,
                    "p_e": self.expected_agreement,
                    "n": self.n_decisions,
                    "kekuatan": self.label,
                }
            ]
        )


def alpha_label(alpha: float) -> str:
    """Krippendorff's (2019) reading of alpha, in Indonesian.

    >>> alpha_label(0.85), alpha_label(0.7), alpha_label(0.5)
    ('dapat diandalkan', 'hanya untuk simpulan sementara', 'tidak dapat diandalkan')
    """
    if alpha is None or math.isnan(alpha):
        return ""
    if alpha >= ALPHA_RELIABLE:
        return "dapat diandalkan"
    if alpha >= ALPHA_TENTATIVE:
        return "hanya untuk simpulan sementara"
    return "tidak dapat diandalkan"


def krippendorff_alpha_binary(coder1, coder2) -> KrippendorffResult:
    """Krippendorff's alpha (nominal) of two coders' yes/no (1/0) decisions.

    Parameters
    ----------
    coder1, coder2 : sequence of 0/1
        One decision per unit x code (same order for both coders), no missing values.

    Notes
    -----
    Computed by ``krippendorff.alpha(level_of_measurement="nominal")``. For two coders
    and binary values it equals :math:`1 - (n - 1)(b + c) / (n_0 n_1)`, with
    :math:`n` the number of values (twice the decisions), :math:`b + c` the
    disagreements and :math:`n_0, n_1` how often 0 and 1 were given (Krippendorff 2011,
    "Computing Krippendorff's alpha-reliability", binary data, two observers).

    References
    ----------
    .. [1] Krippendorff, K. (2019). Content analysis: an introduction to its
       methodology (4th ed.). Sage, ch. 12.
    .. [2] Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability.
       Annenberg School for Communication, University of Pennsylvania.
    .. [3] Hayes, A. F., & Krippendorff, K. (2007). Answering the call for a standard
       reliability measure for coding data. Communication Methods and Measures, 1(1),
       77-89.

    Examples
    --------
    >>> r = krippendorff_alpha_binary([1, 0, 1, 0], [1, 0, 0, 0])
    >>> round(r.value, 4), r.n_decisions  # 1 - 7 * 1 / (5 * 3) = 8/15
    (0.5333, 4)
    """
    import krippendorff

    x = np.asarray(coder1, dtype=int)
    y = np.asarray(coder2, dtype=int)
    n_units = int(x.size)
    values = np.concatenate([x, y])
    n = values.size
    n1 = int(values.sum())
    n0 = n - n1
    if n_units == 0:
        return KrippendorffResult(math.nan, math.nan, math.nan, 0)
    po = float(np.mean(x == y))
    pe = float(1 - Fraction(2 * n0 * n1, n * (n - 1))) if n > 1 else math.nan
    if n0 == 0 or n1 == 0:
        return KrippendorffResult(math.nan, po, pe, n_units)
    value = float(
        krippendorff.alpha(reliability_data=np.vstack([x, y]), level_of_measurement="nominal")
    )
    return KrippendorffResult(value, po, pe, n_units)


def _units(seg: pd.DataFrame, c1: str, c2: str):
    """Units of the agreement between coders c1 and c2: each distinct (document, quote
    text) either coded in a document both coded; with the codes each coder gave it."""
    docs1 = set(seg.loc[seg["pengkode"] == c1, "dokumen_kunci"])
    docs2 = set(seg.loc[seg["pengkode"] == c2, "dokumen_kunci"])
    shared = docs1 & docs2
    sub = seg[seg["dokumen_kunci"].isin(shared) & seg["pengkode"].isin([c1, c2])]
    units: dict[tuple, dict] = {}
    for r in sub.sort_values("id_segmen").to_dict("records"):
        key = (r["dokumen_kunci"], r["kutipan_kunci"])
        u = units.setdefault(
            key,
            {
                "dokumen": r["dokumen"],
                "pseudonim": r["pseudonim"],
                "kelompok": r["kelompok"],
                "kutipan": r["kutipan"],
                c1: set(),
                c2: set(),
            },
        )
        u[r["pengkode"]].add(r["kode"])
    return shared, units


def agreement(seg: pd.DataFrame, codebook: Codebook) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Intercoder agreement for every pair of coders that coded the same documents.

    The unit is a coded passage: each distinct quote text (whitespace and case aside) in a
    document both coders coded. For each code, each coder either gave the unit that code or
    not, which makes a 2x2 table per code; Cohen's kappa (exact, :func:`kappa_2x2`) and the
    proportion of agreement come from it. Per-code kappa is the primary figure: a code
    with kappa at or below :data:`KAPPA_THRESHOLD` is flagged (``perlu_dibahas``) for
    the coders to discuss.

    The overall row (``kode`` = ``"(semua kode)"``) is *not* a Cohen's kappa: it is
    Krippendorff's alpha (nominal) over the unit x code decisions of the codes either
    coder used on those units (:func:`krippendorff_alpha_binary`), named in the
    ``koefisien`` column.

    Passages that the coders cut differently count as different units. For the code they
    gave, that turns one agreement into two disagreements; for every other code it adds a
    unit both coders left uncoded, an agreement on "no", which can *raise* that code's
    kappa (e.g. from 1/6 to 1/3 when a code's table goes from a, b, c, d = 2, 1, 1, 1 to
    2, 1, 1, 2). So the effect on kappa can go either way: the figures are not a
    conservative bound. Passages should be cut the same way before coding (or aligned
    afterwards) for the agreement to measure the coding alone.

    Returns
    -------
    (DataFrame, DataFrame)
        The agreement table (:data:`AGREEMENT_COLUMNS`) and the disagreements
        (:data:`DISAGREEMENT_COLUMNS`).
    """
    labels = {c.path: c.label for c in codebook.codes}
    coders = sorted(seg["pengkode"].unique())
    rows, dis = [], []
    for i, c1 in enumerate(coders):
        for c2 in coders[i + 1 :]:
            shared, units = _units(seg, c1, c2)
            if not shared:
                continue
            dec1: list[int] = []
            dec2: list[int] = []
            for code in codebook.codable:
                a = b = c = d = 0
                col1, col2 = [], []
                for u in units.values():
                    y1, y2 = code.path in u[c1], code.path in u[c2]
                    col1.append(int(y1))
                    col2.append(int(y2))
                    a += y1 and y2
                    b += y1 and not y2
                    c += y2 and not y1
                    d += not y1 and not y2
                    if y1 != y2:
                        dis.append(
                            {
                                "pengkode_1": c1,
                                "pengkode_2": c2,
                                "dokumen": u["dokumen"],
                                "pseudonim": u["pseudonim"],
                                "kelompok": u["kelompok"],
                                "kode": code.path,
                                "label": code.label,
                                "dikodekan_oleh": c1 if y1 else c2,
                                "tidak_dikodekan_oleh": c2 if y1 else c1,
                                "kode_pengkode_1": "; ".join(sorted(u[c1])),
                                "kode_pengkode_2": "; ".join(sorted(u[c2])),
                                "kutipan": u["kutipan"],
                            }
                        )
                used = a + b + c > 0
                k = kappa_2x2(a, b, c, d)
                if used:
                    dec1 += col1
                    dec2 += col2
                flag = used and k.kappa is not None and k.kappa <= KAPPA_THRESHOLD
                note = "" if used else "tidak dipakai kedua pengkode"
                if used and k.kappa is None:
                    note = "kappa tak terdefinisi (kesepakatan peluang = 1)"
                if flag:
                    note = "kappa <= 0,40: definisi dan contoh kode perlu dibahas"
                rows.append(
                    _agreement_row(
                        c1,
                        c2,
                        len(shared),
                        code.path,
                        labels[code.path],
                        (a, b, c, d),
                        COHEN,
                        k.value if used else math.nan,
                        float(k.p_o) if used and k.p_o is not None else math.nan,
                        float(k.p_e) if used and k.p_e is not None else math.nan,
                        k.label if used else "",
                        flag,
                        note,
                    )
                )
            overall = krippendorff_alpha_binary(dec1, dec2)
            a = sum(x and y for x, y in zip(dec1, dec2, strict=True))
            b = sum(x and not y for x, y in zip(dec1, dec2, strict=True))
            c = sum(y and not x for x, y in zip(dec1, dec2, strict=True))
            d = len(dec1) - a - b - c
            rows.append(
                _agreement_row(
                    c1,
                    c2,
                    len(shared),
                    ALL_CODES,
                    "Semua kode yang dipakai (unit × kode)",
                    (a, b, c, d),
                    KRIPPENDORFF,
                    overall.value,
                    overall.observed_agreement,
                    overall.expected_agreement,
                    overall.label,
                    False,
                    "keputusan ya/tidak setiap unit × kode yang dipakai salah satu pengkode; "
                    "Krippendorff (2019); Hayes & Krippendorff (2007)"
                    if not math.isnan(overall.value)
                    else "alpha tak terdefinisi (semua keputusan sama)",
                )
            )
    agree = pd.DataFrame(rows, columns=AGREEMENT_COLUMNS)
    agree["perlu_dibahas"] = agree["perlu_dibahas"].astype(bool)
    # an undefined kappa is None: with no other value the column would be object
    floats = ["proporsi_kesepakatan", "kesepakatan_peluang", "nilai"]
    agree[floats] = agree[floats].astype(float)
    disagree = pd.DataFrame(dis, columns=DISAGREEMENT_COLUMNS)
    if not disagree.empty:
        order = {p: i for i, p in enumerate(codebook.paths)}
        disagree = disagree.sort_values(
            ["pengkode_1", "pengkode_2", "dokumen", "kutipan", "kode"],
            key=lambda s: s.map(order) if s.name == "kode" else s,
        ).reset_index(drop=True)
    return agree, disagree


AGREEMENT_COLUMNS = [
    "pengkode_1",
    "pengkode_2",
    "jumlah_dokumen",
    "kode",
    "label",
    "jumlah_unit",
    "keduanya",
    "hanya_pengkode_1",
    "hanya_pengkode_2",
    "tidak_keduanya",
    "proporsi_kesepakatan",
    "kesepakatan_peluang",
    "koefisien",
    "nilai",
    "kekuatan",
    "perlu_dibahas",
    "catatan",
]
DISAGREEMENT_COLUMNS = [
    "pengkode_1",
    "pengkode_2",
    "dokumen",
    "pseudonim",
    "kelompok",
    "kode",
    "label",
    "dikodekan_oleh",
    "tidak_dikodekan_oleh",
    "kode_pengkode_1",
    "kode_pengkode_2",
    "kutipan",
]


def _agreement_row(
    c1, c2, n_docs, code, label, table, coefficient, value, po, pe, strength, flag, note
) -> dict:
    a, b, c, d = (int(x) for x in table)

    def r(x):
        return None if x is None or math.isnan(x) else round(float(x), 4)

    return {
        "pengkode_1": c1,
        "pengkode_2": c2,
        "jumlah_dokumen": n_docs,
        "kode": code,
        "label": label,
        "jumlah_unit": a + b + c + d,
        "keduanya": a,
        "hanya_pengkode_1": b,
        "hanya_pengkode_2": c,
        "tidak_keduanya": d,
        "proporsi_kesepakatan": r(po),
        "kesepakatan_peluang": r(pe),
        "koefisien": coefficient,
        "nilai": r(value),
        "kekuatan": strength,
        "perlu_dibahas": bool(flag),
        "catatan": note,
    }
