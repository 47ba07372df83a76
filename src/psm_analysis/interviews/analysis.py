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
import warnings

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
    """Per code: segments, informants (and their share of all informants), groups."""
    base = _code_frame(codebook)
    n_inf = len(informants)
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
    freq["kelompok"] = freq["kode"].map(groups).fillna("")
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


def kappa_2x2(a: int, b: int, c: int, d: int) -> tuple[float, float, float]:
    """(kappa, observed agreement p_o, chance agreement p_e) of a 2x2 table
    ``[[a, b], [c, d]]`` (rows: coder 1 yes/no; columns: coder 2 yes/no).

    Notes
    -----
    p_o = (a + d) / n;  p_e = ((a+b)(a+c) + (c+d)(b+d)) / n^2;
    kappa = (p_o - p_e) / (1 - p_e), computed by
    ``statsmodels.stats.inter_rater.cohens_kappa``. Undefined (NaN) when p_e = 1.
    """
    from statsmodels.stats.inter_rater import cohens_kappa

    n = a + b + c + d
    if n == 0:
        return math.nan, math.nan, math.nan
    po = (a + d) / n
    pe = ((a + b) * (a + c) + (c + d) * (b + d)) / n**2
    if math.isclose(pe, 1.0):
        return math.nan, po, pe
    with warnings.catch_warnings():  # its z statistic divides by 0 when kappa = 1
        warnings.simplefilter("ignore", RuntimeWarning)
        kappa = float(cohens_kappa(np.array([[a, b], [c, d]], dtype=float)).kappa)
    return kappa, po, pe


def kappa_label(kappa: float) -> str:
    """Landis & Koch (1977) strength of agreement, in Indonesian."""
    if kappa is None or math.isnan(kappa):
        return ""
    if kappa < 0:
        return "buruk"
    for limit, text in ((0.20, "lemah"), (0.40, "cukup"), (0.60, "sedang"), (0.80, "baik")):
        if kappa <= limit:
            return text
    return "sangat baik"


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
    not, which makes a 2x2 table per code; Cohen's kappa and the proportion of agreement
    come from it. The overall row pools the tables of the codes either coder used on
    those units (unit x code decisions). Passages that the coders cut differently count as
    different units, so kappa here is a conservative (lower) estimate.

    Returns (agreement table, disagreements table).
    """
    labels = {c.path: c.label for c in codebook.codes}
    coders = sorted(seg["pengkode"].unique())
    rows, dis = [], []
    for i, c1 in enumerate(coders):
        for c2 in coders[i + 1 :]:
            shared, units = _units(seg, c1, c2)
            if not shared:
                continue
            pooled = np.zeros(4, dtype=int)
            for code in codebook.codable:
                a = b = c = d = 0
                for u in units.values():
                    y1, y2 = code.path in u[c1], code.path in u[c2]
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
                if used:
                    pooled += [a, b, c, d]
                kappa, po, pe = kappa_2x2(a, b, c, d) if used else (math.nan,) * 3
                note = "" if used else "tidak dipakai kedua pengkode"
                if used and math.isnan(kappa):
                    note = "kappa tak terdefinisi (kesepakatan peluang = 1)"
                rows.append(
                    _agreement_row(
                        c1,
                        c2,
                        len(shared),
                        code.path,
                        labels[code.path],
                        (a, b, c, d),
                        kappa,
                        po,
                        pe,
                        note,
                    )
                )
            kappa, po, pe = kappa_2x2(*pooled)
            rows.append(
                _agreement_row(
                    c1,
                    c2,
                    len(shared),
                    ALL_CODES,
                    "Semua kode (gabungan)",
                    tuple(pooled),
                    kappa,
                    po,
                    pe,
                    "gabungan unit x kode yang dipakai",
                )
            )
    agree = pd.DataFrame(rows, columns=AGREEMENT_COLUMNS)
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
    "kappa",
    "kekuatan",
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


def _agreement_row(c1, c2, n_docs, code, label, table, kappa, po, pe, note) -> dict:
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
        "kappa": r(kappa),
        "kekuatan": kappa_label(kappa),
        "catatan": note,
    }
