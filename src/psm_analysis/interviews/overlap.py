"""Intercoder agreement by character overlap, as QDA tools' coding comparison computes it.

Where two coders' segments carry positions in the same transcript (REFI-QDA projects,
Word transcripts), each character of the transcript is a unit: for each code, each coder
either coded that character with it or not. This removes the weakness of passage units
(:func:`.analysis.agreement`): two coders who cut a passage differently still agree on the
characters they both coded.

Per code and coder pair, over the documents both coders coded (same document, same text
length):

- the 2x2 counts of characters (both coded, coder 1 only, coder 2 only, neither);
- the percentage agreement :math:`p_o = (a + d) / N` over all characters of those
  documents;
- Cohen's kappa per document, :math:`\\kappa_d = (p_{o,d} - p_{e,d}) / (1 - p_{e,d})`
  (Cohen 1960), averaged over the documents weighted by their length in characters,
  :math:`\\kappa = \\sum_d L_d \\kappa_d / \\sum_d L_d`, as NVivo's coding comparison
  computes kappa per code and source over characters (help page "Run a Coding Comparison
  query", NVivo 10-12) and its section "How can I calculate an average Kappa coefficient or
  percentage agreement across multiple sources or nodes?" weights sources by their size.
  A document where both coders coded every character alike with the code counts
  :math:`\\kappa_d = 1` (NVivo: K = 1 on complete agreement). A document where *neither*
  coder used the code is left out of the kappa average (its kappa is undefined, p_e = 1;
  NVivo shows 1 there), so that a code one coder never applied cannot score well from the
  documents both left uncoded; it still counts in the percentage agreement.

Over all codes either coder used, Krippendorff's alpha (nominal) of the binary decisions
per character x code (Krippendorff 2019, ch. 12; his "unitizing" alpha reduces to this
when every character is a unit), by its closed form for two coders,
:math:`1 - (n - 1)(b + c) / (n_0 n_1)` (:func:`binary_alpha`), which gives the value of
:func:`.analysis.krippendorff_alpha_binary` (the ``krippendorff`` package; the tests check
it) without building millions of decisions.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from psm_analysis.interviews.analysis import (
    ALL_CODES,
    KAPPA_THRESHOLD,
    kappa_2x2,
    kappa_label,
)
from psm_analysis.interviews.codebook import Codebook

#: Names of the coefficients in the ``koefisien`` column.
COHEN_CHARS = "kappa Cohen per karakter (rerata tertimbang panjang dokumen)"
KRIPPENDORFF_CHARS = "alpha Krippendorff (nominal, biner per karakter × kode)"

COLUMNS = [
    "pengkode_1",
    "pengkode_2",
    "jumlah_dokumen",
    "jumlah_karakter",
    "kode",
    "label",
    "keduanya",
    "hanya_pengkode_1",
    "hanya_pengkode_2",
    "tidak_keduanya",
    "proporsi_kesepakatan",
    "koefisien",
    "nilai",
    "kekuatan",
    "perlu_dibahas",
    "catatan",
]


def coded_mask(length: int, spans) -> np.ndarray:
    """A boolean array of ``length`` characters, True inside any ``(start, end)`` span
    (Python slice bounds)."""
    mask = np.zeros(int(length), dtype=bool)
    for start, end in spans:
        mask[max(int(start), 0) : min(int(end), int(length))] = True
    return mask


def document_counts(mask1: np.ndarray, mask2: np.ndarray) -> tuple[int, int, int, int]:
    """``(a, b, c, d)``: characters coded by both, by coder 1 only, by coder 2 only, by
    neither."""
    a = int(np.count_nonzero(mask1 & mask2))
    b = int(np.count_nonzero(mask1 & ~mask2))
    c = int(np.count_nonzero(~mask1 & mask2))
    return a, b, c, int(mask1.size) - a - b - c


def weighted_kappa(tables: list[tuple[int, int, int, int]]) -> float | None:
    """Cohen's kappa per document, averaged weighted by document length (the sum of each
    table), over the documents where either coder used the code; a document coded alike
    throughout counts 1. None when no document has the code.

    >>> round(weighted_kappa([(2, 1, 1, 6), (0, 0, 0, 30)]), 4)  # the second is left out
    0.5238
    >>> round(weighted_kappa([(2, 1, 1, 6), (0, 5, 0, 30)]), 4)  # (10 * 0.5238 + 35 * 0) / 45
    0.1164
    """
    used = [t for t in tables if t[0] + t[1] + t[2] > 0]
    total = sum(sum(t) for t in used)
    if total == 0:
        return None
    acc = 0.0
    for t in used:
        k = kappa_2x2(*t).kappa
        acc += sum(t) * (1.0 if k is None else float(k))
    return acc / total


def binary_alpha(a: int, b: int, c: int, d: int) -> float:
    """Krippendorff's alpha (nominal) of two coders' binary decisions from their 2x2
    counts: :math:`1 - (n - 1)(b + c) / (n_0 n_1)` with :math:`n = 2(a + b + c + d)`,
    :math:`n_1 = 2a + b + c`, :math:`n_0 = 2d + b + c` (Krippendorff 2011, binary data,
    two observers); NaN when every decision is the same. The same value as
    :func:`.analysis.krippendorff_alpha_binary` (the ``krippendorff`` package) without
    building the millions of decisions a transcript's characters make.

    >>> round(binary_alpha(1, 1, 0, 2), 4)  # krippendorff_alpha_binary([1,0,1,0],[1,0,0,0])
    0.5333
    """
    n = 2 * (a + b + c + d)
    n1 = 2 * a + b + c
    n0 = n - n1
    if n0 == 0 or n1 == 0:
        return math.nan
    return 1 - (n - 1) * (b + c) / (n0 * n1)


def _positioned(seg: pd.DataFrame) -> pd.DataFrame:
    need = {"awal", "akhir", "panjang_dokumen"}
    if seg.empty or not need <= set(seg.columns):
        return seg.iloc[0:0]
    return seg[seg["awal"].notna() & seg["akhir"].notna() & seg["panjang_dokumen"].notna()]


def character_agreement(seg: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Per coder pair and code, the agreement over the characters of the documents both
    coders coded; one overall row (``kode`` = ``"(semua kode)"``) with Krippendorff's alpha.

    Parameters
    ----------
    seg : pandas.DataFrame
        The segments table with ``pengkode``, ``dokumen_kunci`` (or ``dokumen``), ``kode``,
        ``awal``, ``akhir`` (Python indices into the transcript) and ``panjang_dokumen``
        (its length in characters); rows without positions are ignored.
    codebook : Codebook
        For the order and labels of the codes.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COLUMNS`; counts in characters, ``proporsi_kesepakatan`` 0-1,
        ``nilai`` the weighted kappa (per code) or alpha (overall row). Empty when no two
        coders coded the same positioned document.

    Notes
    -----
    See the module docstring for the formulas and their sources. A document whose two
    codings report different text lengths is not compared (the transcripts differ).
    """
    from psm_analysis.interviews.analysis import alpha_label

    pos = _positioned(seg)
    rows: list[dict] = []
    if pos.empty:
        return _typed(pd.DataFrame(rows, columns=COLUMNS))
    doc_col = "dokumen_kunci" if "dokumen_kunci" in pos.columns else "dokumen"
    labels = {c.path: c.label for c in codebook.codes}
    order = {p: i for i, p in enumerate(codebook.paths)}
    coders = sorted(pos["pengkode"].unique())
    for i, c1 in enumerate(coders):
        for c2 in coders[i + 1 :]:
            s1, s2 = pos[pos["pengkode"] == c1], pos[pos["pengkode"] == c2]
            docs = []
            for doc in sorted(set(s1[doc_col]) & set(s2[doc_col])):
                l1 = set(s1.loc[s1[doc_col] == doc, "panjang_dokumen"].astype(int))
                l2 = set(s2.loc[s2[doc_col] == doc, "panjang_dokumen"].astype(int))
                if len(l1 | l2) == 1:
                    docs.append((doc, l1.pop()))
            if not docs:
                continue
            codes = sorted(
                set(s1.loc[s1[doc_col].isin([d for d, _ in docs]), "kode"])
                | set(s2.loc[s2[doc_col].isin([d for d, _ in docs]), "kode"]),
                key=lambda p: order.get(p, len(order)),
            )
            n_chars = sum(length for _, length in docs)
            totals = [0, 0, 0, 0]  # over every character x code, for alpha
            for code in codes:
                tables = []
                for doc, length in docs:
                    spans = []
                    for s in (s1, s2):
                        rows_ = s[(s[doc_col] == doc) & (s["kode"] == code)]
                        spans.append(zip(rows_["awal"], rows_["akhir"], strict=True))
                    m1, m2 = coded_mask(length, spans[0]), coded_mask(length, spans[1])
                    tables.append(document_counts(m1, m2))
                a, b, c, d = (sum(t[k] for t in tables) for k in range(4))
                totals = [totals[0] + a, totals[1] + b, totals[2] + c, totals[3] + d]
                kappa = weighted_kappa(tables)
                flag = kappa is not None and kappa <= KAPPA_THRESHOLD
                rows.append(
                    _row(
                        c1,
                        c2,
                        len(docs),
                        n_chars,
                        code,
                        labels.get(code, code),
                        (a, b, c, d),
                        COHEN_CHARS,
                        kappa,
                        kappa_label(kappa) if kappa is not None else "",
                        flag,
                        "kappa <= 0,40: definisi dan contoh kode perlu dibahas" if flag else "",
                    )
                )
            a, b, c, d = totals
            alpha = binary_alpha(a, b, c, d)
            rows.append(
                _row(
                    c1,
                    c2,
                    len(docs),
                    n_chars,
                    ALL_CODES,
                    "Semua kode yang dipakai (karakter × kode)",
                    (a, b, c, d),
                    KRIPPENDORFF_CHARS,
                    alpha,
                    alpha_label(alpha),
                    False,
                    "keputusan ya/tidak setiap karakter × kode yang dipakai salah satu "
                    "pengkode; Krippendorff (2019)"
                    if not math.isnan(alpha)
                    else "alpha tak terdefinisi (semua keputusan sama)",
                )
            )
    return _typed(pd.DataFrame(rows, columns=COLUMNS))


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    ints = ["jumlah_dokumen", "jumlah_karakter", "keduanya", "hanya_pengkode_1"]
    ints += ["hanya_pengkode_2", "tidak_keduanya"]
    return df.astype(
        {c: "int64" for c in ints}
        | {"proporsi_kesepakatan": "float64", "nilai": "float64", "perlu_dibahas": "bool"}
    )


def _row(c1, c2, n_docs, n_chars, code, label, table, coefficient, value, strength, flag, note):
    a, b, c, d = (int(x) for x in table)
    n = a + b + c + d
    return {
        "pengkode_1": c1,
        "pengkode_2": c2,
        "jumlah_dokumen": n_docs,
        "jumlah_karakter": n_chars,
        "kode": code,
        "label": label,
        "keduanya": a,
        "hanya_pengkode_1": b,
        "hanya_pengkode_2": c,
        "tidak_keduanya": d,
        "proporsi_kesepakatan": round((a + d) / n, 4) if n else None,
        "koefisien": coefficient,
        "nilai": None if value is None or math.isnan(value) else round(float(value), 4),
        "kekuatan": strength,
        "perlu_dibahas": bool(flag),
        "catatan": note,
    }


__all__ = [
    "COLUMNS",
    "binary_alpha",
    "character_agreement",
    "coded_mask",
    "document_counts",
    "weighted_kappa",
]
