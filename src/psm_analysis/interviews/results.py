"""Loaders and reshaping helpers for notebook 05 (interview results).

Notebooks read the interview results only from ``data/processed/wawancara_*.csv`` through
:func:`load`, and reshape them with the helpers here (no analysis logic in notebooks).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from psm_analysis.interviews.pipeline import PREFIX
from psm_analysis.interviews.roster import GROUPS

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: Tables the builder writes (``wawancara_<name>.csv``).
NAMES = (
    "informan",
    "segmen",
    "kode_frekuensi",
    "matriks_kode_kelompok",
    "matriks_kode_informan",
    "triangulasi",
    "hambatan_peringkat",
    "kutipan",
    "kesepakatan",
    "ketidaksepakatan",
    "codebook",
)


def load(name: str, paths=None) -> pd.DataFrame:
    """``data/processed/wawancara_<name>.csv`` (see :data:`NAMES`), typed."""
    from psm_analysis.files import read_processed

    if name not in NAMES:
        raise ValueError(f"unknown interview table {name!r}; one of {NAMES}")
    df = read_processed(f"{PREFIX}{name}", paths)
    for col in ("id_informan", "kode", "kelompok", "pseudonim", "kutipan", "dokumen"):
        if col in df.columns:
            df[col] = df[col].fillna("").astype(str)
    return df


def group_columns(groups) -> list[str]:
    present = set(groups)
    return [g for g in GROUPS if g in present] + sorted(present - set(GROUPS))


def wide_by_group(
    matrix: pd.DataFrame, value: str = "jumlah_informan", question: str | None = None
) -> pd.DataFrame:
    """The code x group matrix as a wide table: rows = code labels (codebook order),
    columns = informant groups (study-design order)."""
    df = matrix if question is None else matrix[matrix["pertanyaan"] == question]
    order = list(dict.fromkeys(df["label"]))
    wide = df.pivot_table(
        index="label", columns="kelompok", values=value, aggfunc="sum", sort=False
    ).reindex(index=order)
    wide = wide[group_columns(wide.columns)]
    wide.index.name = None
    wide.columns.name = None
    return wide.astype(int)


def wide_by_informant(matrix: pd.DataFrame, question: str | None = None) -> pd.DataFrame:
    """The code x informant matrix as a wide table: rows = code labels, columns = informant
    ids in order, values = segments."""
    from psm_analysis.interviews.segments import informant_sort_key

    df = matrix if question is None else matrix[matrix["pertanyaan"] == question]
    order = list(dict.fromkeys(df["label"]))
    cols = sorted(df["id_informan"].unique(), key=informant_sort_key)
    wide = df.pivot_table(
        index="label", columns="id_informan", values="jumlah_segmen", aggfunc="sum", sort=False
    ).reindex(index=order, columns=cols)
    wide.index.name = None
    wide.columns.name = None
    return wide.astype(int)


def group_sizes(informants: pd.DataFrame) -> pd.DataFrame:
    """Informants per group, in study-design order: ``kelompok``, ``jumlah_informan``."""
    import pandas as pd

    counts = informants.groupby("kelompok").size()
    return pd.DataFrame(
        {
            "kelompok": group_columns(counts.index),
            "jumlah_informan": [int(counts[g]) for g in group_columns(counts.index)],
        }
    )


def selected_quotes(
    quotes: pd.DataFrame, per_code: int = 2, question: str | None = None
) -> pd.DataFrame:
    """Up to ``per_code`` quotes per code, preferring informants of different groups (the
    first quote of each group in turn), in codebook order."""
    import pandas as pd

    df = quotes if question is None else quotes[quotes["pertanyaan"] == question]
    out = []
    for _, g in df.groupby("kode", sort=False):
        firsts = g.drop_duplicates("kelompok")
        rest = g.drop(firsts.index)
        out.append(pd.concat([firsts, rest]).head(per_code))
    return pd.concat(out).reset_index(drop=True) if out else df.head(0)
