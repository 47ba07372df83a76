"""Reshaping helpers and reader tables for notebook 05 (interview results).

Notebooks read the interview results from ``data/processed/wawancara_*.csv`` with
``catalog.load("wawancara_<name>")`` and reshape them with the helpers here (no analysis
logic in notebooks).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from psm_analysis import labels
from psm_analysis.interviews.roster import GROUPS
from psm_analysis.text import join_and

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def inline(label: str) -> str:
    """A code label inside a sentence: first letter lower case unless the first word is an
    acronym ("Kurangnya pembinaan terhadap PSM" -> "kurangnya pembinaan terhadap PSM").

    Parameters
    ----------
    label : str
        The code's label as the codebook writes it (capitalised).

    Returns
    -------
    str
        The label with its first letter lower-cased when the first word is an ordinary
        word (rest lower case), unchanged otherwise.

    Examples
    --------
    >>> inline("Kurangnya pembinaan terhadap PSM")
    'kurangnya pembinaan terhadap PSM'
    >>> inline("TKSK mendampingi PSM"), inline("A")
    ('TKSK mendampingi PSM', 'A')
    """
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
    columns = informant groups (study-design order).

    Parameters
    ----------
    matrix : pandas.DataFrame
        ``catalog.load("wawancara_matriks_kode_kelompok")``: one row per code x group (zeros
        included) with ``label``, ``kelompok``, ``pertanyaan`` and the ``value`` column.
    value : str
        The count to show: ``"jumlah_informan"`` (orang) or ``"jumlah_segmen"``.
    question : str or None
        Keep only the codes of this research question (``"peran"``, ``"hambatan"``);
        ``None``: all.

    Returns
    -------
    pandas.DataFrame
        One row per code label (first-appearance order), one int column per informant
        group (Dinas Sosial, TKSK, PSM, Pemerintah Kecamatan/Desa, Masyarakat, then any
        other sorted); no index or column names.

    Raises
    ------
    KeyError
        A needed column is missing.
    """
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
    ids in order, values = segments.

    Parameters
    ----------
    matrix : pandas.DataFrame
        ``catalog.load("wawancara_matriks_kode_informan")``: one row per code x informant
        (zeros included) with ``label``, ``id_informan``, ``pertanyaan`` and
        ``jumlah_segmen``.
    question : str or None
        Keep only the codes of this research question; ``None``: all.

    Returns
    -------
    pandas.DataFrame
        One row per code label (first-appearance order), one int column per informant id
        (natural order: I-2 before I-10), values the number of coded segments.

    Raises
    ------
    KeyError
        A needed column is missing.
    """
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


def year_span(informants: pd.DataFrame) -> str:
    """The years of the interviews: ``"2019"`` or ``"2019-2020"`` (``"tanpa tahun"`` if no
    date has a year).

    Parameters
    ----------
    informants : pandas.DataFrame
        ``catalog.load("wawancara_informan")``, with ``tanggal_wawancara`` (free text; the
        first 19xx/20xx in each is taken as its year).

    Returns
    -------
    str
        The earliest year, or "earliest-latest" when they differ; "tanpa tahun" if none.

    Raises
    ------
    KeyError
        ``tanggal_wawancara`` is missing.

    Examples
    --------
    >>> import pandas as pd
    >>> year_span(pd.DataFrame({"tanggal_wawancara": ["2019-04-15", "Mei 2020", None]}))
    '2019–2020'
    >>> year_span(pd.DataFrame({"tanggal_wawancara": ["tidak dicatat"]}))
    'tanpa tahun'
    """
    import re

    years = sorted(
        {
            m.group(0)
            for d in informants["tanggal_wawancara"].fillna("").astype(str)
            if (m := re.search(r"\b(19|20)\d{2}\b", d))
        }
    )
    if not years:
        return "tanpa tahun"
    return years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}"


def group_sizes(informants: pd.DataFrame) -> pd.DataFrame:
    """Informants per group, in study-design order: ``kelompok``, ``jumlah_informan``.

    Parameters
    ----------
    informants : pandas.DataFrame
        ``catalog.load("wawancara_informan")``: one row per informant with ``kelompok``.

    Returns
    -------
    pandas.DataFrame
        One row per group that has informants (Dinas Sosial, TKSK, PSM, Pemerintah
        Kecamatan/Desa, Masyarakat, then others sorted): ``kelompok`` and
        ``jumlah_informan`` (int, orang).

    Raises
    ------
    KeyError
        ``kelompok`` is missing.
    """
    import pandas as pd

    counts = informants["kelompok"].fillna("").value_counts(sort=False)
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
    first quote of each group in turn), in codebook order.

    Parameters
    ----------
    quotes : pandas.DataFrame
        ``catalog.load("wawancara_kutipan")``: one row per quote with ``kode``,
        ``kelompok``, ``pertanyaan``.
    per_code : int
        Most quotes kept per code.
    question : str or None
        Keep only the quotes of this research question; ``None``: all.

    Returns
    -------
    pandas.DataFrame
        The same columns; per code (in input order) first one quote per group, then the
        rest, cut at ``per_code``; 0-based index. Empty (same columns) when no quote is
        left.

    Raises
    ------
    KeyError
        A needed column is missing.
    """
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
    questionnaire has not been processed).

    Parameters
    ----------
    paths : Paths, optional
        The project (default: the installed one).

    Returns
    -------
    pandas.DataFrame
        One row per code with a questionnaire indicator: ``kode``, ``label``,
        ``pertanyaan``, ``jumlah_informan`` (orang), ``persen_informan`` (persen, 0-100),
        ``indikator_kuesioner``, ``nama_indikator``, ``indeks`` (persen, 0-100; NaN
        without questionnaire) and ``kategori``.

    Raises
    ------
    DataError
        An interview or questionnaire table is missing or stale (run
        ``psm-analysis clean``).
    """
    from psm_analysis import catalog
    from psm_analysis.config import get_paths

    cb = catalog.load("wawancara_codebook", paths)
    freq = catalog.load("wawancara_kode_frekuensi", paths)
    df = cb[cb["indikator_kuesioner"].fillna("") != ""][["kode", "indikator_kuesioner"]]
    df = df.merge(
        freq[["kode", "label", "pertanyaan", "jumlah_informan", "persen_informan"]], on="kode"
    )
    survey_file = (paths or get_paths()).processed / "kuesioner_indikator.csv"
    if survey_file.is_file():
        ind = catalog.load("kuesioner_indikator", paths)[
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


def format_date(value: object) -> str:
    """An ISO date as a thesis writes it: ``"2019-04-15"`` -> ``"15 April 2019"``; any
    other text is returned as it is, a missing value as ``""``."""
    import re

    import pandas as pd

    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if not m or not 1 <= int(m.group(2)) <= 12:
        return text
    return f"{int(m.group(3))} {labels.MONTHS[int(m.group(2)) - 1]} {m.group(1)}"


def _readable(col: str, values: pd.Series) -> pd.Series:
    import pandas as pd

    if col == "pertanyaan":
        return values.map(lambda q: labels.t(f"ww.{q}") if q in ("peran", "hambatan") else q)
    if col == "tanggal_wawancara":
        return values.map(format_date)
    if col == "kutipan":
        return values.fillna("").map(lambda q: f"\u201c{q}\u201d")
    if col in ("dikodekan_oleh", "tidak_dikodekan_oleh"):
        return values.map(coder_label)
    if not pd.api.types.is_numeric_dtype(values):
        return values.fillna("")
    return values


def reader_table(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """An interview table as the thesis shows it: the columns of
    ``labels.READER_TABLES["wawancara_<name>"]`` under their Indonesian headers.

    The research question is written as a word ("Peranan"/"Hambatan"), the interview date
    as "15 April 2019", a quote in quotation marks (\u201c\u201d), a coder as a reader
    reads the name ("Pengkode 2"), missing text as ''. For ``"kesepakatan"`` only the
    per-code rows (Cohen's kappa, Cohen 1960; strength words of Landis & Koch 1977) are
    shown: the overall Krippendorff's alpha is not a kappa and is left to
    :func:`agreement_text`.

    Parameters
    ----------
    df : pandas.DataFrame
        ``catalog.load("wawancara_<name>")`` (or a selection of its rows, e.g.
        :func:`selected_quotes`; for ``"kaitan_kuesioner"``, :func:`survey_links`).
    name : str
        The table: ``"informan"`` (numbered from 1), ``"kode_frekuensi"``,
        ``"triangulasi"``, ``"hambatan_peringkat"``, ``"kutipan"``, ``"kesepakatan"``,
        ``"ketidaksepakatan"`` or ``"kaitan_kuesioner"``.

    Returns
    -------
    pandas.DataFrame
        One row per input row (per code for ``"kesepakatan"``, with a first column
        "Pasangan pengkode" ("A dan B") when more than one pair of coders is compared), in
        input order, 0-based index. Counts are orang (informants) or segments; ``persen_*`` and the
        questionnaire index persen (0-100); the proportion of agreement 0-1 and kappa -1
        to 1.

    Raises
    ------
    KeyError
        ``name`` is not one of these tables, or a column it shows is missing.
    """
    if name == "kesepakatan":
        df = per_code_agreement(df)
    columns = labels.READER_TABLES[f"wawancara_{name}"]
    df = df.reset_index(drop=True)
    shown = df.assign(**{c: _readable(c, df[c]) for c in columns if c in df.columns})
    table = labels.reader_table(shown, f"wawancara_{name}")
    if name == "kesepakatan" and len(df):
        pairs = df["pengkode_1"] + " dan " + df["pengkode_2"]
        if pairs.nunique() > 1:  # three coders or more: say which pair each row compares
            table.insert(0, "Pasangan pengkode", pairs.to_numpy())
    return table


def per_code_agreement(agree: pd.DataFrame) -> pd.DataFrame:
    """The per-code rows of the agreement table (Cohen's kappa), without the overall
    Krippendorff's alpha row, ``nilai`` renamed ``kappa``."""
    from psm_analysis.interviews.analysis import COHEN

    rows = agree[agree["koefisien"] == COHEN]
    return rows.rename(columns={"nilai": "kappa"}).reset_index(drop=True)


def survey_link_text(link) -> str:
    """The questionnaire figure quoted beside the interviews' "kurang pembinaan" finding.

    Parameters
    ----------
    link : row of :func:`survey_links`
        With ``nama_indikator``, ``indeks`` (persen, 0-100) and ``kategori``.

    Returns
    -------
    str
        One markdown bullet. It carries no demo mark: the page's banner names the
        questionnaire answers when they are demo data (the mark once per page, issue 21).

    Examples
    --------
    >>> from types import SimpleNamespace as Row
    >>> row = Row(nama_indikator="Pembinaan", indeks=61.5, kategori="Cukup Baik")
    >>> survey_link_text(row)
    '- Dalam kuesioner PSM (notebook 04), indikator **Pembinaan** mendapat indeks **61,50 %** (kategori Cukup Baik); wawancara menjelaskan mengapa pembinaan dinilai demikian.'
    """
    from psm_analysis.numbers import format_percent

    return (
        f"- Dalam kuesioner PSM (notebook 04), indikator **{link.nama_indikator}** mendapat "
        f"indeks **{format_percent(link.indeks)}** (kategori {link.kategori}); wawancara menjelaskan "
        "mengapa pembinaan dinilai demikian."
    )


def coded_informants_text(informants: pd.DataFrame) -> str:
    """Which informants are coded, when some are not: the shares' denominator.

    Parameters
    ----------
    informants : pandas.DataFrame
        ``load("informan")``: one row per roster informant with ``pseudonim`` and
        ``jumlah_segmen`` (analysed segments).

    Returns
    -------
    str
        '' when every informant is coded; else an Indonesian sentence saying how many are
        coded, that percentages of informants are over those, and naming the others (none
        coded: that no percentage can be computed yet).

    Examples
    --------
    >>> import pandas as pd
    >>> coded_informants_text(pd.DataFrame({"pseudonim": ["I-01 (PSM)", "I-02 (TKSK)"],
    ...                                     "jumlah_segmen": [4, 0]}))
    'Baru 1 dari 2 informan yang sudah dikodekan; persentase informan dihitung dari 1 informan yang dikodekan itu. Belum dikodekan: I-02 (TKSK).'
    """
    uncoded = informants.loc[informants["jumlah_segmen"] == 0, "pseudonim"].tolist()
    if not uncoded:
        return ""
    n, m = len(informants), len(informants) - len(uncoded)
    if m == 0:
        return (
            f"Belum ada dari {n} informan yang dikodekan, jadi persentase informan belum "
            "dapat dihitung."
        )
    return (
        f"Baru {m} dari {n} informan yang sudah dikodekan; persentase informan dihitung dari "
        f"{m} informan yang dikodekan itu. Belum dikodekan: {join_and(uncoded)}."
    )


def no_agreement_text(segments: pd.DataFrame) -> str:
    """Why the agreement table is empty, in Indonesian.

    Parameters
    ----------
    segments : pandas.DataFrame
        ``load("segmen")``: every coded segment with ``pengkode`` and ``dokumen``.

    Returns
    -------
    str
        One sentence: no segment coded yet, one coder only (named), or several coders
        who coded different documents (named); each ends saying that the agreement is
        not computed.

    Examples
    --------
    >>> import pandas as pd
    >>> no_agreement_text(pd.DataFrame({"pengkode": ["peneliti"], "dokumen": ["T1"]}))
    'Semua segmen dikodekan oleh satu pengkode (peneliti), jadi belum ada dokumen yang dikodekan oleh dua pengkode; kesepakatan antarpengkode tidak dihitung.'
    """
    end = "kesepakatan antarpengkode tidak dihitung."
    coders = sorted(segments["pengkode"].dropna().unique())
    if not coders:
        return f"Belum ada segmen berkode; {end}"
    if len(coders) == 1:
        return (
            f"Semua segmen dikodekan oleh satu pengkode ({coders[0]}), jadi belum ada "
            f"dokumen yang dikodekan oleh dua pengkode; {end}"
        )
    return (
        f"Pengkode {join_and(coders)} mengodekan dokumen yang berbeda-beda, jadi belum "
        f"ada dokumen yang dikodekan oleh dua pengkode; {end}"
    )


def agreement_text(agree: pd.DataFrame) -> list[str]:
    """What the agreement figures say, per coder pair, in Indonesian: the per-code
    kappas first (how many codes, which at or below the threshold), then the overall
    Krippendorff's alpha by name, then the conclusion drawn from both.

    The coding is called usable only when no code is flagged and alpha reaches 0.800;
    with alpha from 0.667 and flagged codes, only for tentative conclusions once those
    codes are discussed; below 0.667 the codes must be discussed and the documents
    coded again (Krippendorff 2019's standards).

    Parameters
    ----------
    agree : pandas.DataFrame
        ``catalog.load("wawancara_kesepakatan")``: per coder pair (``pengkode_1``,
        ``pengkode_2``) one row per code and the overall row (``kode`` is ``ALL_CODES``).

    Returns
    -------
    list of str
        One markdown paragraph per coder pair, sorted by coder names; numbers in the
        Indonesian format (kappa 2 decimals, alpha 3).

    Raises
    ------
    IndexError
        A coder pair has no overall (Krippendorff's alpha) row.
    KeyError
        A needed column is missing.
    """
    from psm_analysis.interviews import analysis as an
    from psm_analysis.numbers import format_number as num

    out = []
    for (c1, c2), g in agree.groupby(["pengkode_1", "pengkode_2"], sort=True):
        per = per_code_agreement(g)
        used = per[per[["keduanya", "hanya_pengkode_1", "hanya_pengkode_2"]].sum(axis=1) > 0]
        flagged = used[used["perlu_dibahas"].astype(bool)]
        overall = g[g["kode"] == an.ALL_CODES].iloc[0]
        kappas = used["kappa"].dropna()
        head = (
            f"Pengkode **{coder_label(c1)}** dan **{coder_label(c2)}** sama-sama mengodekan "
            f"**{num(int(overall.jumlah_dokumen))} dokumen**. Kappa Cohen per kode (ukuran "
            f"utama) untuk {num(len(used))} kode yang dipakai"
            + (
                f" berkisar {num(kappas.min(), 2)} sampai {num(kappas.max(), 2)}"
                if len(kappas)
                else ""
            )
            + "; "
            + (
                f"**{num(len(flagged))} kode** bernilai 0,40 atau kurang dan perlu dibahas: "
                + "; ".join(
                    f"{inline(r.label)} (kappa {num(r.kappa, 2)}, {r.kekuatan})"
                    for r in flagged.itertuples()
                )
                + "."
                if len(flagged)
                else "tidak ada kode yang bernilai 0,40 atau kurang."
            )
        )
        alpha = overall.nilai
        if alpha is None or math.isnan(float(alpha)):
            out.append(head + " Alpha Krippendorff keseluruhan tidak terdefinisi.")
            continue
        alpha = float(alpha)
        whole = (
            f" Secara keseluruhan, alpha Krippendorff (nominal) atas keputusan ya/tidak "
            f"setiap unit × kode adalah **{num(alpha, 3)}** ({overall.kekuatan} menurut "
            "Krippendorff 2019: 0,800 ke atas dapat diandalkan, 0,667 sampai di bawah 0,800 hanya "
            "untuk simpulan sementara)."
        )
        if alpha >= float(an.ALPHA_RELIABLE) and flagged.empty:
            end = " Pengodean dapat dipakai; ketidaksepakatan di bawah tetap bahan diskusi."
        elif alpha >= float(an.ALPHA_TENTATIVE):
            end = " Pengodean hanya dapat dipakai untuk simpulan sementara" + (
                "; kode yang ditandai perlu dibahas dan dikodekan ulang sebelum temuan "
                "yang bersandar padanya dipakai."
                if len(flagged)
                else "."
            )
        else:
            end = (
                " Pengodean belum dapat diandalkan: definisi kode"
                + (" yang ditandai" if len(flagged) else "")
                + " perlu dibahas dan dokumen dikodekan ulang sebelum temuan di atas dipakai "
                "sebagai simpulan."
            )
        out.append(head + whole + end)
    return out


def character_agreement_text(chars: pd.DataFrame) -> list[str]:
    """Which unit the agreement used, in Indonesian: the coded passage only, or also the
    character (where both coders' segments carry positions in the same transcript), with
    the per-code kappa range and Krippendorff's alpha over characters per coder pair.

    Parameters
    ----------
    chars : pandas.DataFrame
        ``load("kesepakatan_karakter")`` (:func:`.overlap.character_agreement`).

    Returns
    -------
    list of str
        One markdown paragraph: the unit when ``chars`` is empty, else one per coder pair
        (kappa 2 decimals, alpha 3, percentage agreement as persen with 1 decimal).

    Raises
    ------
    KeyError
        A needed column is missing.
    """
    from psm_analysis.interviews import analysis as an
    from psm_analysis.numbers import format_number as num

    if chars.empty:
        return [
            "Unit kesepakatan di atas adalah **kutipan berkode**: kodean yang ada tidak "
            "membawa posisi karakter dalam transkrip yang sama bagi dua pengkode, sehingga "
            "kesepakatan per karakter tidak dihitung."
        ]
    out = []
    for (c1, c2), g in chars.groupby(["pengkode_1", "pengkode_2"], sort=True):
        per = g[g["kode"] != an.ALL_CODES]
        overall = g[g["kode"] == an.ALL_CODES].iloc[0]
        kappas = per["nilai"].dropna()
        alpha = overall["nilai"]
        out.append(
            f"Karena kodean **{coder_label(c1)}** dan **{coder_label(c2)}** membawa posisi "
            f"dalam transkrip, kesepakatan juga dihitung dengan **unit karakter** atas "
            f"{num(int(overall.jumlah_karakter))} karakter dari "
            f"{num(int(overall.jumlah_dokumen))} dokumen (seperti perbandingan kodean NVivo): "
            f"kappa Cohen per kode (rerata tertimbang panjang dokumen) untuk "
            f"{num(len(per))} kode"
            + (
                f" berkisar {num(kappas.min(), 2)} sampai {num(kappas.max(), 2)}"
                if len(kappas)
                else ""
            )
            + "; alpha Krippendorff biner per karakter "
            + (
                f"{num(alpha, 3)} ({overall.kekuatan})"
                if not math.isnan(alpha)
                else "tak terdefinisi"
            )
            + "."
        )
    return out


def coder_label(name: object) -> str:
    """A coder's user name as a reader reads it: ``"pengkode_2"`` -> ``"Pengkode 2"``.

    >>> coder_label("pengkode_2"), coder_label("peneliti")
    ('Pengkode 2', 'Peneliti')
    """
    text = " ".join(str(name).replace("_", " ").split())
    return text[:1].upper() + text[1:]
