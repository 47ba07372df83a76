"""Loaders and reshaping helpers for notebook 05 (interview results).

Notebooks read the interview results only from ``data/processed/wawancara_*.csv`` through
:func:`load`, and reshape them with the helpers here (no analysis logic in notebooks).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from psm_analysis.interviews.pipeline import PREFIX
from psm_analysis.interviews.roster import GROUPS
from psm_analysis.labels import register, t

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


def inline(label: str) -> str:
    """A code label inside a sentence: first letter lower case unless the first word is an
    acronym ("Kurangnya pembinaan terhadap PSM" -> "kurangnya pembinaan terhadap PSM")."""
    first = label.split(" ", 1)[0]
    if len(first) > 1 and first[1:].islower():
        return label[0].lower() + label[1:]
    return label


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


def survey_links(paths=None) -> pd.DataFrame:
    """Codes set beside the questionnaire indicator that measures the same thing (the
    codebook's ``kuesioner`` key): per linked code, the informants who raised it and the
    indicator's index and category from ``kuesioner_indikator.csv`` (empty when the
    questionnaire has not been processed)."""
    from psm_analysis.config import get_paths

    cb = load("codebook", paths)
    freq = load("kode_frekuensi", paths)
    df = cb[cb["indikator_kuesioner"].fillna("") != ""][["kode", "indikator_kuesioner"]]
    df = df.merge(
        freq[["kode", "label", "pertanyaan", "jumlah_informan", "persen_informan"]], on="kode"
    )
    survey_file = (paths or get_paths()).processed / "kuesioner_indikator.csv"
    if survey_file.is_file():
        from psm_analysis.files import read_processed

        ind = read_processed("kuesioner_indikator", paths)[
            ["indikator", "nama_indikator", "indeks", "kategori"]
        ]
        df = df.merge(ind, left_on="indikator_kuesioner", right_on="indikator", how="left")
        df = df.drop(columns=["indikator"])
    else:
        df = df.assign(nama_indikator="", indeks=float("nan"), kategori="")
    return df[
        [
            "kode",
            "label",
            "pertanyaan",
            "jumlah_informan",
            "persen_informan",
            "indikator_kuesioner",
            "nama_indikator",
            "indeks",
            "kategori",
        ]
    ]


# ----------------------------------------------------------------------------- thesis tables

_WORDS = {
    "id": {
        "ww.no": "No.",
        "ww.pseudonim": "Informan (pseudonim)",
        "ww.kelompok": "Kelompok informan",
        "ww.jabatan": "Jabatan/kedudukan",
        "ww.tanggal": "Tanggal wawancara",
        "ww.segmen": "Jumlah segmen",
        "ww.informan": "Jumlah informan",
        "ww.persen_informan": "Persentase informan",
        "ww.kode": "Kode",
        "ww.label": "Temuan (kode)",
        "ww.pertanyaan": "Pertanyaan penelitian",
        "ww.peran": "Peranan",
        "ww.hambatan": "Hambatan",
        "ww.jumlah_kelompok": "Jumlah kelompok",
        "ww.kelompok_pendukung": "Kelompok yang menyebut",
        "ww.status": "Triangulasi",
        "ww.peringkat": "Peringkat",
        "ww.kutipan": "Kutipan",
        "ww.dokumen": "Dokumen",
        "ww.pengkode": "Pengkode",
        "ww.unit": "Jumlah unit",
        "ww.keduanya": "Keduanya memberi kode",
        "ww.hanya1": "Hanya pengkode 1",
        "ww.hanya2": "Hanya pengkode 2",
        "ww.po": "Proporsi kesepakatan",
        "ww.kappa": "Kappa Cohen",
        "ww.kekuatan": "Kekuatan kesepakatan",
        "ww.catatan": "Catatan",
        "ww.oleh": "Dikodekan oleh",
        "ww.tidak_oleh": "Tidak dikodekan oleh",
        "ww.indikator_kuesioner": "Indikator kuesioner",
        "ww.indeks": "Indeks kuesioner",
        "ww.kategori": "Kategori kuesioner",
    },
    "en": {
        "ww.no": "No.",
        "ww.pseudonim": "Informant (pseudonym)",
        "ww.kelompok": "Informant group",
        "ww.jabatan": "Position",
        "ww.tanggal": "Interview date",
        "ww.segmen": "Segments",
        "ww.informan": "Informants",
        "ww.persen_informan": "Share of informants",
        "ww.kode": "Code",
        "ww.label": "Finding (code)",
        "ww.pertanyaan": "Research question",
        "ww.peran": "Role",
        "ww.hambatan": "Obstacle",
        "ww.jumlah_kelompok": "Groups",
        "ww.kelompok_pendukung": "Groups raising it",
        "ww.status": "Triangulation",
        "ww.peringkat": "Rank",
        "ww.kutipan": "Quote",
        "ww.dokumen": "Document",
        "ww.pengkode": "Coder",
        "ww.unit": "Units",
        "ww.keduanya": "Both coded",
        "ww.hanya1": "Coder 1 only",
        "ww.hanya2": "Coder 2 only",
        "ww.po": "Proportion of agreement",
        "ww.kappa": "Cohen's kappa",
        "ww.kekuatan": "Strength of agreement",
        "ww.catatan": "Note",
        "ww.oleh": "Coded by",
        "ww.tidak_oleh": "Not coded by",
        "ww.indikator_kuesioner": "Questionnaire indicator",
        "ww.indeks": "Questionnaire index",
        "ww.kategori": "Questionnaire category",
    },
}


register(_WORDS)


def _t(key: str, lang: str | None = None) -> str:
    return t(key, lang)


def _question_word(q: str, lang: str | None) -> str:
    return _t(f"ww.{q}", lang) if q in ("peran", "hambatan") else q


def informant_table(informants: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """The informants as the thesis lists them (pseudonymous, no names)."""
    import pandas as pd

    return pd.DataFrame(
        {
            _t("ww.no", lang): range(1, len(informants) + 1),
            _t("ww.pseudonim", lang): informants["pseudonim"],
            _t("ww.kelompok", lang): informants["kelompok"],
            _t("ww.jabatan", lang): informants["jabatan"],
            _t("ww.tanggal", lang): informants["tanggal_wawancara"],
            _t("ww.segmen", lang): informants["jumlah_segmen"],
        }
    )


def frequency_table(freq: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(
        {
            _t("ww.pertanyaan", lang): [_question_word(q, lang) for q in freq["pertanyaan"]],
            _t("ww.label", lang): freq["label"],
            _t("ww.segmen", lang): freq["jumlah_segmen"],
            _t("ww.informan", lang): freq["jumlah_informan"],
            _t("ww.persen_informan", lang): freq["persen_informan"],
            _t("ww.jumlah_kelompok", lang): freq["jumlah_kelompok"],
        }
    )


def triangulation_table(tri: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(
        {
            _t("ww.pertanyaan", lang): [_question_word(q, lang) for q in tri["pertanyaan"]],
            _t("ww.label", lang): tri["label"],
            _t("ww.informan", lang): tri["jumlah_informan"],
            _t("ww.jumlah_kelompok", lang): tri["jumlah_kelompok"],
            _t("ww.kelompok_pendukung", lang): tri["kelompok"].fillna(""),
            _t("ww.status", lang): tri["status"],
        }
    )


def ranking_table(rank: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(
        {
            _t("ww.peringkat", lang): rank["peringkat"],
            _t("ww.label", lang): rank["label"],
            _t("ww.informan", lang): rank["jumlah_informan"],
            _t("ww.persen_informan", lang): rank["persen_informan"],
            _t("ww.segmen", lang): rank["jumlah_segmen"],
            _t("ww.kelompok_pendukung", lang): rank["kelompok"].fillna(""),
        }
    )


def quotes_table(quotes: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(
        {
            _t("ww.label", lang): quotes["label"],
            _t("ww.pseudonim", lang): quotes["pseudonim"],
            _t("ww.kutipan", lang): [f"\u201c{q}\u201d" for q in quotes["kutipan"]],
        }
    )


def agreement_table(agree: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(
        {
            _t("ww.label", lang): agree["label"],
            _t("ww.unit", lang): agree["jumlah_unit"],
            _t("ww.keduanya", lang): agree["keduanya"],
            _t("ww.hanya1", lang): agree["hanya_pengkode_1"],
            _t("ww.hanya2", lang): agree["hanya_pengkode_2"],
            _t("ww.po", lang): agree["proporsi_kesepakatan"],
            _t("ww.kappa", lang): agree["kappa"],
            _t("ww.kekuatan", lang): agree["kekuatan"].fillna(""),
            _t("ww.catatan", lang): agree["catatan"].fillna(""),
        }
    )


def disagreement_table(dis: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(
        {
            _t("ww.pseudonim", lang): dis["pseudonim"],
            _t("ww.label", lang): dis["label"],
            _t("ww.oleh", lang): dis["dikodekan_oleh"],
            _t("ww.tidak_oleh", lang): dis["tidak_dikodekan_oleh"],
            _t("ww.kutipan", lang): [f"\u201c{q}\u201d" for q in dis["kutipan"]],
        }
    )


def survey_link_table(links: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(
        {
            _t("ww.pertanyaan", lang): [_question_word(q, lang) for q in links["pertanyaan"]],
            _t("ww.label", lang): links["label"],
            _t("ww.informan", lang): links["jumlah_informan"],
            _t("ww.indikator_kuesioner", lang): links["nama_indikator"].fillna(""),
            _t("ww.indeks", lang): links["indeks"],
            _t("ww.kategori", lang): links["kategori"].fillna(""),
        }
    )
