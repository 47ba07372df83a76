"""Shaping the processed questionnaire tables for the thesis
(notebook ``04_kinerja_psm_kuesioner``): reader-facing Indonesian headers, the layout
of a thesis table per indicator, the recap, the reliability and validity table, the
Diklat comparison and the findings in plain words.

Everything here takes the processed ``data/processed/kuesioner_*.csv`` (see
:mod:`psm_analysis.survey.pipeline`) as a dict by short name (:data:`TABLES`), read with
:func:`psm_analysis.catalog.load`; nothing reads data/raw.
"""

from __future__ import annotations

import pandas as pd

from psm_analysis.labels import italic_markdown
from psm_analysis.numbers import format_number, format_p, format_percent
from psm_analysis.survey.pipeline import TABLES  # noqa: F401  (notebook 04 reads report.TABLES)
from psm_analysis.survey.reliability import small_n_note
from psm_analysis.text import join_and

SOURCE = "Data kuesioner PSM Kecamatan Bunut, diolah"


def source_line(demo: bool) -> str:
    """The "Sumber" text of the questionnaire tables and figures.

    Parameters
    ----------
    demo : bool
        Whether the answers are synthetic demo data (:func:`is_demo`).

    Returns
    -------
    str
        The source line (Indonesian), marked "DATA CONTOH" for demo data.

    Examples
    --------
    >>> source_line(False)
    'Data kuesioner PSM Kecamatan Bunut, diolah'
    >>> source_line(True)
    'DATA CONTOH (sintetis), bukan data penelitian; diolah'
    """
    return "DATA CONTOH (sintetis), bukan data penelitian; diolah" if demo else SOURCE


def is_demo(t: dict[str, pd.DataFrame]) -> bool:
    """Whether the questionnaire answers are synthetic demo data ("DATA CONTOH").

    Parameters
    ----------
    t : dict of str to pandas.DataFrame
        The processed questionnaire tables by short name (:data:`TABLES`):
        ``{name: catalog.load(f"kuesioner_{name}") for name in TABLES}``.

    Returns
    -------
    bool
        True when any row of ``t["jawaban"]`` has ``data_contoh`` set.

    Raises
    ------
    KeyError
        A table or column is missing from ``t``.
    """
    return bool(t["jawaban"]["data_contoh"].any())


def _scale_labels(t: dict[str, pd.DataFrame], scale: str) -> list[tuple[int, str]]:
    s = t["skala"][t["skala"]["skala"] == scale]
    return sorted(zip(s["nilai"].astype(int), s["label"], strict=True), reverse=True)


def _scale_of_variable(t: dict[str, pd.DataFrame], variable: str) -> str:
    cb = t["buku_kode"]
    return str(cb.loc[cb["variabel"] == variable, "skala"].iloc[0])


def _rule_text(t: dict[str, pd.DataFrame], variable: str) -> str:
    k = t["kategori"]
    return str(k.loc[k["variabel"] == variable, "aturan"].iloc[0])


def _abbreviations(labels: list[tuple[int, str]]) -> dict[str, str]:
    """Short column heads for the answer labels, as Indonesian theses print them
    ("Sangat Setuju" -> "SS", "Ragu-ragu" -> "RR"); the full labels if two would clash."""
    import re

    short = {lab: "".join(w[0].upper() for w in re.split(r"[\s-]+", lab) if w) for _, lab in labels}
    if len(set(short.values())) < len(short) or not all(short.values()):
        return {lab: lab for _, lab in labels}
    return short


def answer_counts(row: pd.Series, values: list[int], reverse: bool) -> dict[int, int]:
    """How many respondents gave each answer to one item. The processed item table
    counts scores, which for a negative (reverse-scored) item are the answers turned
    round (score = low + high - answer); the counts under the answer labels must be the
    answers as given.

    >>> row = pd.Series({"f_5": 3, "f_4": 0, "f_3": 0, "f_2": 0, "f_1": 1})
    >>> answer_counts(row, [5, 4, 3, 2, 1], reverse=True)
    {5: 1, 4: 0, 3: 0, 2: 0, 1: 3}
    """
    low, high = min(values), max(values)
    return {v: int(row[f"f_{low + high - v if reverse else v}"]) for v in values}


def _counts_columns(
    counts: dict[int, int], labels: list[tuple[int, str]], short: dict[str, str]
) -> dict[str, object]:
    n = sum(counts.values())
    out: dict[str, object] = {}
    for v, lab in labels:
        out[f"{short[lab]} F"] = counts[v]
        out[f"{short[lab]} %"] = 100.0 * counts[v] / n if n else float("nan")
    return out


def _legend(labels: list[tuple[int, str]], short: dict[str, str]) -> str:
    parts = [
        f"{short[lab]} = {lab} (skor {v})" if short[lab] != lab else f"{lab} = skor {v}"
        for v, lab in labels
    ]
    return "; ".join(parts) + "; F = jumlah responden; % = persentase responden."


def indicator_table(t: dict[str, pd.DataFrame], indicator: str) -> tuple[pd.DataFrame, dict, str]:
    """The thesis table of one indicator: one row per item (No., Butir, Pernyataan, F and
    % per answer under short heads such as "SS F", Skor, Skor maks., Indeks, Kategori) and
    a closing row for the indicator.

    The item rows count the answers as given; the indicator row adds answers only where
    they point the same way: a negative statement's answers are counted after recoding
    (score = lowest + highest - answer), so that the row's counts give its score and
    index (:func:`recoded_row_note` says so under the table). Items dropped by the
    instrument test are not in the table; :func:`dropped_items_note` names them.

    Returns ``(table, number_format, notes_text)``: the notes text is the legend of the
    short heads, the recoding note (with a negative statement), the category rule and the
    dropped items.

    Parameters
    ----------
    t : dict of str to pandas.DataFrame
        The processed questionnaire tables by short name (:data:`TABLES`):
        ``{name: catalog.load(f"kuesioner_{name}") for name in TABLES}``.
    indicator : str
        Code of the indicator (``indikator`` column), e.g. ``"KIN_T1"``.

    Returns
    -------
    table : pandas.DataFrame
        One row per item of the indicator in codebook order, then one row for the
        indicator; columns "No.", "Butir", "Pernyataan" (reversed items marked), for each
        answer from the highest score down "<head> F" (orang) and "<head> %" (persen,
        0-100), "Skor", "Skor maks.", "Indeks (%)" (skor / skor maks. x 100) and
        "Kategori".
    number_format : dict
        Column -> format for :func:`psm_analysis.tables.export_table` (``"percent"`` for
        the % columns, 2 decimals for the index).
    notes_text : str
        The legend of the short heads and the category rule, Indonesian.

    Raises
    ------
    KeyError
        ``indicator`` is not an indicator of ``t["indikator"]``, or a table is missing.
    """
    items = t["butir"][t["butir"]["indikator"] == indicator]
    ind = t["indikator"].set_index("indikator").loc[indicator]
    variable = str(ind["variabel"])
    labels = _scale_labels(t, _scale_of_variable(t, variable))
    short = _abbreviations(labels)
    values = [v for v, _ in labels]
    rows = []
    for k, (_, r) in enumerate(items.iterrows(), start=1):
        statement = r["pernyataan"] + (
            " (pernyataan negatif, skor dibalik)" if bool(r["dibalik"]) else ""
        )
        counts = answer_counts(r, values, bool(r["dibalik"]))
        rows.append(
            {
                "No.": str(k),
                "Butir": r["butir"],
                "Pernyataan": statement,
                **_counts_columns(counts, labels, short),
                "Skor": int(r["skor_total"]),
                "Skor maks.": int(r["skor_maks"]),
                "Indeks (%)": float(r["indeks"]),
                "Kategori": r["kategori"],
            }
        )
    total = answer_counts(ind, values, reverse=False)  # scores: negative items recoded
    rows.append(
        {
            "No.": "",
            "Butir": "",
            "Pernyataan": f"Indikator: {ind['nama_indikator']}",
            **_counts_columns(total, labels, short),
            "Skor": int(ind["skor_total"]),
            "Skor maks.": int(ind["skor_maks"]),
            "Indeks (%)": float(ind["indeks"]),
            "Kategori": ind["kategori"],
        }
    )
    df = pd.DataFrame(rows)
    fmt = {c: "percent" for c in df.columns if c.endswith(" %")}
    fmt["Indeks (%)"] = 2
    notes = _legend(labels, short)
    if items["dibalik"].astype(bool).any():
        notes += " " + recoded_row_note(labels, short)
    dropped = dropped_items_note(t, indicator)
    return df, fmt, " ".join(filter(None, [notes, _rule_text(t, variable), dropped]))


def recoded_row_note(labels: list[tuple[int, str]], short: dict[str, str]) -> str:
    """The note of an indicator table with a negative statement: what its item rows and
    its indicator row count.

    The item rows count the answers as given; the indicator row adds answers only where
    they point the same way, so it counts the negative statements' answers after recoding
    (score = lowest + highest - answer), as the score and the index do.

    Parameters
    ----------
    labels : list of (int, str)
        The answer scale, ``(value, label)`` from the highest value down.
    short : dict of str to str
        The column head of each label (``"Sangat Setuju" -> "SS"``).

    Returns
    -------
    str
        Two Indonesian sentences.

    Examples
    --------
    >>> labels = [(5, "Sangat Setuju"), (4, "Setuju"), (3, "Ragu-ragu"),
    ...           (2, "Tidak Setuju"), (1, "Sangat Tidak Setuju")]
    >>> recoded_row_note(labels, _abbreviations(labels))  # doctest: +NORMALIZE_WHITESPACE
    'Pada baris butir, F dan % adalah jawaban seperti diberikan, juga pada pernyataan
    negatif. Baris indikator menjumlahkan jawaban yang searah: jawaban pernyataan negatif
    dihitung setelah dibalik (skor = 6 \u2212 jawaban; STS dihitung sebagai SS), seperti pada
    Skor dan Indeks.'
    """
    low, high = min(v for v, _ in labels), max(v for v, _ in labels)
    by_value = dict(labels)
    return (
        "Pada baris butir, F dan % adalah jawaban seperti diberikan, juga pada pernyataan "
        "negatif. Baris indikator menjumlahkan jawaban yang searah: jawaban pernyataan "
        f"negatif dihitung setelah dibalik (skor = {low + high} \u2212 jawaban; "
        f"{short[by_value[low]]} dihitung sebagai {short[by_value[high]]}), seperti pada "
        "Skor dan Indeks."
    )


def _tested_on(v: pd.DataFrame) -> str:
    """Where the instrument was tested, for a sentence: "uji coba (30 responden)"."""
    n = int(v["n"].max()) if len(v) else 0
    data = str(v["data_uji"].iloc[0]) if "data_uji" in v.columns and len(v) else "utama"
    where = "uji coba" if data == "uji_coba" else "jawaban utama"
    return f"{where} ({n} responden)"


def _failed_items(v: pd.DataFrame) -> str:
    """ "KIN12 (r hitung 0,055 < r kritis 0,361) dan ..." for the rows of ``v``."""
    parts = []
    for r in v.itertuples():
        if pd.isna(r.r_item_total):
            parts.append(f"{r.butir} (tidak bervariasi, r hitung tidak terdefinisi)")
        else:
            parts.append(
                f"{r.butir} (r hitung {format_number(float(r.r_item_total), 3)} < r kritis "
                f"{format_number(float(r.r_kritis), 3)})"
            )
    return join_and(parts)


def dropped_items_note(
    t: dict[str, pd.DataFrame], indicator: str | None = None, variable: str | None = None
) -> str:
    """The note saying which items failed the instrument test and what happened to them:
    dropped (*digugurkan*, left out of every later table, figure and index) or kept.

    Parameters
    ----------
    t : dict of str to pandas.DataFrame
        The processed questionnaire tables by short name (:data:`TABLES`):
        ``{name: catalog.load(f"kuesioner_{name}") for name in TABLES}``.
    indicator, variable : str, optional
        Only the items of this indicator, or of this variable; neither: every item.

    Returns
    -------
    str
        One or two Indonesian sentences; '' when every item concerned is valid.

    Raises
    ------
    KeyError
        A table or column is missing from ``t``.
    """
    v = t["validitas_butir"]
    if "tindakan" not in v.columns:
        return ""
    cb = t["buku_kode"].set_index("butir")
    keep = pd.Series(True, index=v.index)
    if indicator is not None:
        keep &= v["butir"].map(cb["indikator"]).eq(indicator)
    if variable is not None:
        keep &= v["variabel"].eq(variable)
    failed = v[keep & ~v["valid"].astype(bool)]
    out = []
    where = _tested_on(v)
    dropped = failed[failed["tindakan"] == "digugurkan"]
    if len(dropped):
        out.append(
            f"Butir {_failed_items(dropped)} tidak valid pada {where} dan digugurkan: "
            "tidak dihitung dalam tabel, gambar, dan indeks sesudah uji instrumen."
        )
    kept = failed[failed["tindakan"] != "digugurkan"]
    for var, g in kept.groupby("variabel", sort=False):
        whole = bool((v.loc[v["variabel"] == var, "tindakan"] != "dipakai").all())
        reason = "semua butir variabelnya tidak valid" if whole else "buku kode: pertahankan"
        out.append(
            f"Butir {_failed_items(g)} tidak valid pada {where}, tetapi tetap dihitung ({reason})."
        )
    return " ".join(out)


def instrument_sentence(t: dict[str, pd.DataFrame]) -> str:
    """Where the instrument was tested and how many items passed, then
    :func:`dropped_items_note` for every item.

    Parameters
    ----------
    t : dict of str to pandas.DataFrame
        The processed questionnaire tables by short name (:data:`TABLES`).

    Returns
    -------
    str
        Indonesian sentences; '' when no item could be tested.

    Raises
    ------
    KeyError
        A table or column is missing from ``t``.
    """
    v = t["validitas_butir"]
    if not len(v):
        return ""
    valid = int(v["valid"].astype(bool).sum())
    head = (
        f"Validitas dan reliabilitas diuji pada {_tested_on(v)}: {valid} dari {len(v)} butir valid."
    )
    return " ".join(filter(None, [head, dropped_items_note(t)]))


def recap_table(t: dict[str, pd.DataFrame], variable: str) -> tuple[pd.DataFrame, dict, str]:
    """Recap of a variable: one row per indicator and a total row.

    Parameters
    ----------
    t : dict of str to pandas.DataFrame
        The processed questionnaire tables by short name (:data:`TABLES`):
        ``{name: catalog.load(f"kuesioner_{name}") for name in TABLES}``.
    variable : str
        Code of the variable (``variabel`` column).

    Returns
    -------
    table : pandas.DataFrame
        One row per indicator of the variable, then one for the variable: "No.",
        "Indikator", "Dasar", "Jumlah butir", "Skor", "Skor maks.", "Rata-rata" (mean
        score on the answer scale), "Indeks (%)" (persen, 0-100) and "Kategori".
    number_format : dict
        2 decimals for "Rata-rata" and "Indeks (%)".
    notes_text : str
        The category rule of the variable, Indonesian.

    Raises
    ------
    KeyError
        ``variable`` is not in ``t["variabel"]``, or a table is missing.
    """
    ind = t["indikator"][t["indikator"]["variabel"] == variable]
    var = t["variabel"].set_index("variabel").loc[variable]
    rows = [
        {
            "No.": str(k),
            "Indikator": r["nama_indikator"],
            "Dasar": r["dasar"],
            "Jumlah butir": int(r["jumlah_butir"]),
            "Skor": int(r["skor_total"]),
            "Skor maks.": int(r["skor_maks"]),
            "Rata-rata": float(r["rata_rata"]),
            "Indeks (%)": float(r["indeks"]),
            "Kategori": r["kategori"],
        }
        for k, (_, r) in enumerate(ind.iterrows(), start=1)
    ]
    rows.append(
        {
            "No.": "",
            "Indikator": f"Variabel {var['nama_variabel']}",
            "Dasar": "",
            "Jumlah butir": int(var["jumlah_butir"]),
            "Skor": int(var["skor_total"]),
            "Skor maks.": int(var["skor_maks"]),
            "Rata-rata": float(var["rata_rata"]),
            "Indeks (%)": float(var["indeks"]),
            "Kategori": var["kategori"],
        }
    )
    notes = " ".join(
        filter(None, [_rule_text(t, variable), dropped_items_note(t, variable=variable)])
    )
    return pd.DataFrame(rows), {"Rata-rata": 2, "Indeks (%)": 2}, notes


def indicator_labels(t: dict[str, pd.DataFrame], width: int = 42) -> list[str]:
    """Axis labels of the indicators as the recapitulation tables number them (1, 2, ...
    within each variable, :func:`recap_table`), the whole name wrapped after ``width``
    characters: ``"1. Menginisiasi penanganan masalah\\nsosial"``.

    Parameters
    ----------
    t : dict of str to pandas.DataFrame
        The processed questionnaire tables by short name (:data:`TABLES`):
        ``{name: catalog.load(f"kuesioner_{name}") for name in TABLES}``.
    width : int
        Line length, in characters, after which a name wraps (never cut with "...").

    Returns
    -------
    list of str
        One label per row of ``t["indikator"]``, in its order: its number within its
        variable, a full stop, a space, the whole name with line breaks.

    Raises
    ------
    KeyError
        A table or column is missing from ``t``.
    """
    import textwrap

    ind = t["indikator"]
    number = ind.groupby("variabel", sort=False).cumcount() + 1
    return [
        textwrap.fill(f"{k}. {name}", width)
        for k, name in zip(number, ind["nama_indikator"], strict=True)
    ]


def likert_counts(t: dict[str, pd.DataFrame], variable: str) -> pd.DataFrame:
    """Answer counts per item of ``variable``: the answers as given, also for negative
    statements (marked "*"), columns from the most negative label to the most positive,
    for :func:`psm_analysis.plots.likert_diverging`. Reversal belongs to scores only.

    Parameters
    ----------
    t : dict of str to pandas.DataFrame
        The processed questionnaire tables by short name (:data:`TABLES`):
        ``{name: catalog.load(f"kuesioner_{name}") for name in TABLES}``.
    variable : str
        Code of the variable (``variabel`` column).

    Returns
    -------
    pandas.DataFrame
        One row per item of the variable, indexed by the item code and its whole
        statement ("KIN18* Saya jarang ..."); one int column per answer label (counts of
        respondents, orang), lowest answer first.

    Raises
    ------
    IndexError
        ``variable`` is not in the codebook (``t["buku_kode"]``).
    KeyError
        A table or column is missing from ``t``.
    """
    items = t["butir"][t["butir"]["variabel"] == variable]
    labels = sorted(_scale_labels(t, _scale_of_variable(t, variable)))
    values = [v for v, _ in labels]
    counts = [answer_counts(r, values, bool(r["dibalik"])) for _, r in items.iterrows()]
    data = {lab: [c[v] for c in counts] for v, lab in labels}
    index = [
        f"{b}{'*' if d else ''} {st}"
        for b, d, st in zip(items["butir"], items["dibalik"], items["pernyataan"], strict=True)
    ]
    return pd.DataFrame(data, index=index)


def profile_table(t: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Respondent profile: Karakteristik, Kategori, Jumlah (orang), Persentase.

    Parameters
    ----------
    t : dict of str to pandas.DataFrame
        The processed questionnaire tables by short name (:data:`TABLES`):
        ``{name: catalog.load(f"kuesioner_{name}") for name in TABLES}``.

    Returns
    -------
    pandas.DataFrame
        One row per category of each characteristic, in ``t["profil"]`` order;
        "Karakteristik" is written only on the first row of its group, "Jumlah (orang)"
        is an int count and "Persentase" is persen (0-100) of the respondents.

    Raises
    ------
    KeyError
        A table or column is missing from ``t``.
    """
    p = t["profil"]
    out = pd.DataFrame(
        {
            "Karakteristik": p["label"],
            "Kategori": p["kategori"],
            "Jumlah (orang)": p["f"].astype(int),
            "Persentase": p["persen"].astype(float),
        }
    )
    first = out["Karakteristik"].ne(out["Karakteristik"].shift())
    out.loc[~first, "Karakteristik"] = ""
    return out


def reliability_table(t: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Item validity (corrected item-total r against the critical r for the item's own
    n) and alpha if deleted.

    The critical r is the two-sided 5 % Pearson r for df = n - 2, from the t
    distribution (:func:`psm_analysis.survey.reliability.critical_r`).

    Parameters
    ----------
    t : dict of str to pandas.DataFrame
        The processed questionnaire tables by short name (:data:`TABLES`):
        ``{name: catalog.load(f"kuesioner_{name}") for name in TABLES}``.

    Returns
    -------
    pandas.DataFrame
        One row per item (``t["validitas_butir"]`` order): "Variabel", "Butir", "n"
        (complete respondents, orang), "r hitung", "r kritis", "Keterangan" ("Valid" /
        "Tidak valid"), "Alpha jika butir dihapus" and "Tindakan" ("Dipakai", "Digugurkan",
        "Dipertahankan").

    Raises
    ------
    KeyError
        A table or column is missing from ``t``.
    """
    v = t["validitas_butir"]
    return pd.DataFrame(
        {
            "Variabel": v["variabel"],
            "Butir": v["butir"],
            "n": v["n"].astype(int),
            "r hitung": v["r_item_total"].astype(float),
            "r kritis": v["r_kritis"].astype(float),
            "Keterangan": ["Valid" if bool(x) else "Tidak valid" for x in v["valid"]],
            "Alpha jika butir dihapus": v["alpha_jika_dihapus"].astype(float),
            "Tindakan": [str(x).capitalize() for x in v["tindakan"]],
        }
    )


def validity_note(t: dict[str, pd.DataFrame]) -> str:
    """The note under the validity table: which n each critical r uses.

    Parameters
    ----------
    t : dict of str to pandas.DataFrame
        The processed questionnaire tables by short name (:data:`TABLES`):
        ``{name: catalog.load(f"kuesioner_{name}") for name in TABLES}``.

    Returns
    -------
    str
        Where the items were tested ("Diuji pada uji coba (30 responden).") and one
        Indonesian sentence ending "dua sisi, taraf 0,05, df = n \u2212 2.".

    Raises
    ------
    KeyError
        A table or column is missing from ``t``.
    """
    v = t["validitas_butir"]
    ns = sorted({int(x) for x in v["n"]})
    if len(ns) == 1:
        which = f"n = {ns[0]} responden yang menjawab lengkap semua butir variabelnya"
    else:
        which = (
            "n tiap butir (kolom n): responden yang menjawab lengkap semua butir "
            "variabelnya, sehingga dapat berbeda antarvariabel"
        )
    tested = f"Diuji pada {_tested_on(v)}. " if "data_uji" in v.columns else ""
    return f"{tested}r kritis untuk {which}; dua sisi, taraf 0,05, df = n \u2212 2."


def alpha_table(t: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Cronbach's alpha per variable with Feldt's 95 % interval and the n caveat.

    Alpha is Cronbach (1951); the interval is Feldt's F-based interval (Feldt 1965;
    Feldt, Woodruff & Salih 1987), see
    :func:`psm_analysis.survey.reliability.cronbach_alpha`.

    Parameters
    ----------
    t : dict of str to pandas.DataFrame
        The processed questionnaire tables by short name (:data:`TABLES`):
        ``{name: catalog.load(f"kuesioner_{name}") for name in TABLES}``.

    Returns
    -------
    pandas.DataFrame
        One row per variable (``t["reliabilitas"]`` order): "Variabel" (name), "Jumlah
        butir", "n" (complete respondents, orang), "Alpha Cronbach", "Batas bawah 95 %",
        "Batas atas 95 %" (proportions, not persen) and "Catatan" (Indonesian caveats,
        '' when none).

    Raises
    ------
    KeyError
        A table or column is missing from ``t``.
    """
    a = t["reliabilitas"]
    names = t["variabel"].set_index("variabel")["nama_variabel"]
    return pd.DataFrame(
        {
            "Variabel": [names[v] for v in a["variabel"]],
            "Jumlah butir": a["jumlah_butir"].astype(int),
            "n": a["n"].astype(int),
            "Alpha Cronbach": a["alpha"].astype(float),
            "Batas bawah 95 %": a["ci_bawah"].astype(float),
            "Batas atas 95 %": a["ci_atas"].astype(float),
            "Catatan": a["catatan"].fillna(""),
        }
    )


def comparison_table(t: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The Diklat comparison with reader-facing headers.

    The test is the exact two-sided Mann-Whitney U test (midranks for ties, as R coin's
    ``wilcox_test(distribution = "exact")``) with the rank-biserial r (Kerby 2014), see
    :func:`psm_analysis.survey.compare.mann_whitney_exact`.

    Parameters
    ----------
    t : dict of str to pandas.DataFrame
        The processed questionnaire tables by short name (:data:`TABLES`):
        ``{name: catalog.load(f"kuesioner_{name}") for name in TABLES}``.

    Returns
    -------
    pandas.DataFrame
        One row per variable: "Variabel", "n Diklat <a>", "n Diklat <b>" (orang),
        "Median indeks <a> (%)", "Median indeks <b> (%)" (persen, 0-100), "U",
        "p (dua sisi)", "Metode p" ("eksak" / "asimtotik"), "p terkecil yang mungkin"
        (p-values as proportions 0-1) and "r rank-biserial" (-1 to 1); <a> and <b> are the
        group labels of the first row.

    Raises
    ------
    KeyError
        A table or column is missing from ``t``.
    """
    c = t["perbandingan_diklat"]
    names = t["variabel"].set_index("variabel")["nama_variabel"]
    a_lab = c["kelompok_a"].iloc[0]
    b_lab = c["kelompok_b"].iloc[0]
    return pd.DataFrame(
        {
            "Variabel": [names[v] for v in c["variabel"]],
            f"n Diklat {a_lab}": c["n_a"].astype(int),
            f"n Diklat {b_lab}": c["n_b"].astype(int),
            f"Median indeks {a_lab} (%)": c["median_a"].astype(float),
            f"Median indeks {b_lab} (%)": c["median_b"].astype(float),
            "U": c["u"].astype(float),
            "p (dua sisi)": c["p"].astype(float),
            "Metode p": c["metode"].fillna(""),
            "p terkecil yang mungkin": c["p_terkecil"].astype(float),
            "r rank-biserial": c["r_rank_biserial"].astype(float),
        }
    )


def difference_table(t: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The Diklat comparison as a census describes it: group sizes, medians and the
    effect size, without a test (the test is in :func:`comparison_table`, for the
    appendix).

    Parameters
    ----------
    t : dict of str to pandas.DataFrame
        The processed questionnaire tables by short name (:data:`TABLES`).

    Returns
    -------
    pandas.DataFrame
        One row per variable: "Variabel", "n Diklat <a>", "n Diklat <b>" (orang),
        "Median indeks <a> (%)", "Median indeks <b> (%)" (persen, 0-100) and
        "r rank-biserial" (-1 to 1; Kerby 2014).

    Raises
    ------
    KeyError
        A table or column is missing from ``t``.
    """
    full = comparison_table(t)
    return full.drop(columns=["U", "p (dua sisi)", "Metode p", "p terkecil yang mungkin"])


def group_column(t: dict[str, pd.DataFrame]) -> str | None:
    """The profile column the respondents are compared by.

    Parameters
    ----------
    t : dict of str to pandas.DataFrame
        The processed questionnaire tables by short name (:data:`TABLES`).

    Returns
    -------
    str or None
        The column (``"diklat"``), or None when the codebook names no ``group_field``
        (no comparison was computed).
    """
    c = t["perbandingan_diklat"]
    return None if c.empty else str(c["kolom"].iloc[0])


def group_labels(t: dict[str, pd.DataFrame]) -> tuple[str, str]:
    """The two compared answers of :func:`group_column`.

    Parameters
    ----------
    t : dict of str to pandas.DataFrame
        The processed questionnaire tables by short name (:data:`TABLES`).

    Returns
    -------
    (str, str)
        The first and second choice of the field, e.g. ``("Ya", "Tidak")``.

    Raises
    ------
    IndexError
        No comparison was computed (check :func:`group_column` first).
    """
    c = t["perbandingan_diklat"]
    return str(c["kelompok_a"].iloc[0]), str(c["kelompok_b"].iloc[0])


def no_comparison_text() -> str:
    """What the page says when no group comparison was computed.

    Returns
    -------
    str
        Indonesian markdown: why, and the codebook line that turns the comparison on.

    Examples
    --------
    >>> no_comparison_text()[:60]
    'Buku kode kuesioner tidak menyebut kolom pembanding (`group_'
    """
    return (
        "Buku kode kuesioner tidak menyebut kolom pembanding (`group_field`, misalnya "
        "`diklat`), jadi perbandingan menurut keikutsertaan Diklat tidak dihitung. Tambahkan "
        "`group_field: diklat` di `data/raw/survey/codebook.yml` untuk menghitungnya."
    )


def coverage_text(n: int, population: int | None, site: str = "Bunut") -> str:
    """Who the respondents are against the PSM of the kecamatan in Tabel I.2.

    The census wording only when the counts are equal; fewer respondents say how many of
    the PSM answered; more say that the data disagree with Tabel I.2.

    Parameters
    ----------
    n : int
        Respondents (orang).
    population : int or None
        PSM of the kecamatan in Tabel I.2 (orang); None when not known.
    site : str
        The kecamatan.

    Returns
    -------
    str
        One or two Indonesian sentences (markdown).

    Examples
    --------
    >>> coverage_text(10, 10)
    'Jumlah responden: **10 orang**, yaitu seluruh 10 PSM Kecamatan Bunut menurut Tabel I.2 (sensus).'
    >>> coverage_text(8, 10)
    '**8 dari 10 PSM** Kecamatan Bunut (Tabel I.2) menjawab kuesioner: bukan sensus; angka di halaman ini menggambarkan 8 PSM yang menjawab saja.'
    """
    if population is None:
        return (
            f"Jumlah responden: **{format_number(n)} orang**; jumlah PSM Kecamatan {site} "
            "pada Tabel I.2 tidak tersedia, jadi tidak dapat dikatakan apakah ini sensus."
        )
    if n == population:
        return (
            f"Jumlah responden: **{format_number(n)} orang**, yaitu seluruh "
            f"{format_number(population)} PSM Kecamatan {site} menurut Tabel I.2 (sensus)."
        )
    if n < population:
        return (
            f"**{format_number(n)} dari {format_number(population)} PSM** Kecamatan {site} "
            f"(Tabel I.2) menjawab kuesioner: bukan sensus; angka di halaman ini "
            f"menggambarkan {format_number(n)} PSM yang menjawab saja."
        )
    return (
        f"Jumlah responden (**{format_number(n)} orang**) lebih banyak daripada PSM Kecamatan "
        f"{site} menurut Tabel I.2 ({format_number(population)} orang): data kuesioner tidak "
        "sesuai dengan Tabel I.2. Periksa apakah ada responden yang tercatat dua kali atau "
        "bukan PSM Kecamatan " + site + "."
    )


def census_caveat(n: int, population: int | None, site: str = "Bunut") -> str:
    """The last finding: what the figures describe, and what one respondent is worth.

    Examples
    --------
    >>> census_caveat(10, 10)[:66]
    'Semua angka menggambarkan 10 PSM Kecamatan Bunut (sensus, bukan sa'
    >>> census_caveat(2, 10)[:59]
    'Angka menggambarkan 2 dari 10 PSM Kecamatan Bunut yang menj'
    """
    one = format_percent(100 / n if n else float("nan"))
    if population is not None and n == population:
        return (
            f"Semua angka menggambarkan {n} PSM Kecamatan {site} (sensus, bukan sampel): tidak "
            "ada galat sampel yang perlu diperkirakan, tetapi satu orang mengubah persentase "
            f"sebesar {one}."
        )
    if population is not None and n < population:
        return (
            f"Angka menggambarkan {n} dari {population} PSM Kecamatan {site} yang menjawab, "
            f"bukan seluruh PSM: PSM yang tidak menjawab tidak terwakili, dan satu orang "
            f"mengubah persentase sebesar {one}."
        )
    if population is not None:
        return (
            f"Jumlah responden ({n}) melebihi PSM Kecamatan {site} menurut Tabel I.2 "
            f"({population}): periksa data sebelum angka ini dipakai; satu orang mengubah "
            f"persentase sebesar {one}."
        )
    return f"Angka menggambarkan {n} responden yang menjawab; satu orang mengubah persentase sebesar {one}."


def smallest_p_text(t: dict[str, pd.DataFrame]) -> str:
    """A sentence on the smallest exact p the Diklat groups can reach, per variable,
    from the groups' sizes and the ties in their indices ('' when no variable has an
    exact test).

    Parameters
    ----------
    t : dict of str to pandas.DataFrame
        The processed questionnaire tables by short name (:data:`TABLES`):
        ``{name: catalog.load(f"kuesioner_{name}") for name in TABLES}``.

    Returns
    -------
    str
        Indonesian prose naming the group sizes (orang) and the smallest attainable
        two-sided p, written with a decimal comma; '' when no comparison is exact.

    Raises
    ------
    KeyError
        A table or column is missing from ``t``.
    """
    c = t["perbandingan_diklat"]
    c = c[(c["metode"] == "eksak") & c["p_terkecil"].notna()]
    if c.empty:
        return ""
    names = t["variabel"].set_index("variabel")["nama_variabel"]
    sizes = sorted({(int(a), int(b)) for a, b in zip(c["n_a"], c["n_b"], strict=True)})
    groups = "; ".join(f"{a} dan {b} orang" for a, b in sizes)
    values = sorted({round(float(p), 12) for p in c["p_terkecil"]})
    if len(values) == 1:
        where = format_p(values[0], 4).removeprefix("p = ")
        smallest = f"adalah {where}"
    else:
        smallest = "adalah " + "; ".join(
            f"{names[v]} {format_p(p, 4).removeprefix('p = ')}"
            for v, p in zip(c["variabel"], c["p_terkecil"], strict=True)
        )
    reach = (
        "jadi p < 0,05 hanya tercapai bila kedua kelompok hampir terpisah"
        if values[-1] < 0.05
        else "jadi p < 0,05 tidak mungkin tercapai dengan kelompok sebesar ini"
        if values[0] >= 0.05
        else "jadi p < 0,05 tidak mungkin tercapai untuk sebagian variabel dan untuk yang "
        "lain hanya bila kedua kelompok hampir terpisah"
    )
    return (
        f"Dengan kelompok {groups}, dan dengan nilai kembar pada indeks responden "
        f"diperhitungkan, nilai p eksak Mann-Whitney terkecil yang dapat dicapai {smallest} "
        f"(bila kedua kelompok terpisah sejauh mungkin), {reach}; karena itu ukuran efek "
        "lebih bermakna daripada nilai p."
    )


def comparison_sentences(t: dict[str, pd.DataFrame], census: bool = True) -> list[str]:
    """The Diklat comparison in words, one sentence per variable.

    For a census (the respondents are the whole population) there is nothing to infer
    to: the sentence gives the two medians with their group sizes and the effect size,
    the rank-biserial r (Kerby 2014) read as the share of pairs (one PSM of each group)
    in which the first group scores higher, ties counted half (U / (n1 n2)); its wording
    follows the group sizes (:func:`group_size_sentence`). No p-value or test verdict:
    the exact Mann-Whitney test stays in the appendix table
    (:func:`comparison_table`). For a sample the p-value follows the effect size.

    Parameters
    ----------
    t : dict of str to pandas.DataFrame
        The processed questionnaire tables by short name (:data:`TABLES`).
    census : bool
        Whether the respondents are the whole population.

    Returns
    -------
    list of str
        One Indonesian sentence (or two) per variable of ``t["perbandingan_diklat"]``.

    Raises
    ------
    KeyError
        A table or column is missing from ``t``.
    """
    out = []
    names = t["variabel"].set_index("variabel")["nama_variabel"]
    for _, c in t["perbandingan_diklat"].iterrows():
        name = names[c["variabel"]]
        if pd.isna(c["u"]):
            out.append(f"{name}: perbandingan Diklat tidak dapat dihitung (satu kelompok kosong).")
            continue
        n_a, n_b = int(c["n_a"]), int(c["n_b"])
        direction = (
            "lebih tinggi daripada"
            if c["median_a"] > c["median_b"]
            else "lebih rendah daripada"
            if c["median_a"] < c["median_b"]
            else "sama dengan"
        )
        pairs = n_a * n_b
        text = (
            f"{name}: median indeks PSM yang pernah Diklat ({n_a} orang) "
            f"{format_percent(c['median_a'])}, {direction} yang belum ({n_b} orang, "
            f"{format_percent(c['median_b'])}); r rank-biserial "
            f"{format_number(c['r_rank_biserial'], 3)}: pada "  # as in its table
            f"{format_number(c['u'], 0 if float(c['u']).is_integer() else 1)} dari "
            f"{pairs} pasangan (satu PSM dari tiap kelompok, nilai sama dihitung setengah) "
            "PSM yang pernah Diklat berindeks lebih tinggi."
        )
        if census:
            text += " " + group_size_sentence(n_a, n_b, float(c["r_rank_biserial"]))
        else:
            text += (
                f" Uji Mann-Whitney: {format_p(c['p'], 4)} ({c['metode']}); dengan {n_a} dan "
                f"{n_b} orang ini gambaran, bukan bukti pengaruh Diklat."
            )
        out.append(text)
    return out


#: Fewest people in each group for a difference between two groups of a census to be
#: told apart from the differences between people: below it one person is a fifth or
#: more of a group, and moving one person moves the medians and r by a large step.
MIN_GROUP = 5


def group_size_sentence(n_a: int, n_b: int, r: float) -> str:
    """What a difference between two groups of a census can say, tied to their sizes.

    Below :data:`MIN_GROUP` people in a group the difference cannot be told apart from
    the differences between people; with groups that large, a complete separation
    (r = +-1) is said as such, any other r as the overlap of the groups.

    Parameters
    ----------
    n_a, n_b : int
        The group sizes (orang).
    r : float
        The rank-biserial r (-1 to 1).

    Returns
    -------
    str
        One Indonesian sentence.

    Examples
    --------
    >>> group_size_sentence(7, 3, 0.71)
    'Dengan kelompok 7 dan 3 orang, perbedaan ini belum dapat dibedakan dari perbedaan antarorang.'
    >>> group_size_sentence(6, 5, 1.0)
    'Dengan kelompok 6 dan 5 orang, kedua kelompok tidak bertumpang tindih: setiap orang di satu kelompok berindeks lebih tinggi daripada setiap orang di kelompok lain.'
    >>> group_size_sentence(6, 5, 0.4)
    'Dengan kelompok 6 dan 5 orang, indeks kedua kelompok bertumpang tindih, sehingga perbedaan ini dibaca dari ukuran efeknya, bukan sebagai pemisahan kedua kelompok.'
    """
    head = f"Dengan kelompok {n_a} dan {n_b} orang, "
    if min(n_a, n_b) < MIN_GROUP:
        return head + "perbedaan ini belum dapat dibedakan dari perbedaan antarorang."
    if abs(r) >= 1:
        return head + (
            "kedua kelompok tidak bertumpang tindih: setiap orang di satu kelompok berindeks "
            "lebih tinggi daripada setiap orang di kelompok lain."
        )
    return head + (
        "indeks kedua kelompok bertumpang tindih, sehingga perbedaan ini dibaca dari ukuran "
        "efeknya, bukan sebagai pemisahan kedua kelompok."
    )


def _note_without_small_n(note: object, n: int) -> str:
    """The reliability note without its small-n caveat (the findings give n anyway)."""
    from psm_analysis.survey.reliability import small_n_note

    if note is None or (not isinstance(note, str) and pd.isna(note)):
        return ""
    caveat = small_n_note(n)
    parts = str(note).split("; " + caveat) if caveat else [str(note)]
    text = "".join(parts)
    return "" if text == caveat else text.strip()


def _validity_sentence(val: pd.DataFrame, names: pd.Series) -> str:
    """How many items pass their critical r; one r kritis only when every item has the
    same n, else the r kritis of each variable with its n."""
    invalid = val[~val["valid"].astype(bool)]
    pairs = val.drop_duplicates("variabel")[["variabel", "n", "r_kritis"]]
    if val["n"].nunique() == 1:
        crit = (
            f"r kritis {format_number(float(val['r_kritis'].iloc[0]), 3)} "
            f"(n = {int(val['n'].iloc[0])}; dua sisi, 0,05, df = n \u2212 2)"
        )
    else:
        crit = (
            "r kritis sesuai n variabelnya ("
            + "; ".join(
                f"{names[p.variabel]}: {format_number(float(p.r_kritis), 3)} untuk n = {int(p.n)}"
                for p in pairs.itertuples()
            )
            + "; dua sisi, 0,05, df = n \u2212 2)"
        )
    return (
        f"{len(val) - len(invalid)} dari {len(val)} butir memiliki korelasi butir-total "
        f"terkoreksi di atas {crit}"
        + (f"; yang di bawahnya: {', '.join(invalid['butir'])}." if len(invalid) else ".")
    )


def _extreme(ind: pd.DataFrame, pick, category: bool = False) -> str:
    """The indicator(s) with the highest (``pick=max``) or lowest index, naming every
    one that ties at the shown two decimals: "A dan B, sama-sama 78,00 %"."""
    shown = ind["indeks"].astype(float).round(2)
    best = pick(shown)
    rows = ind[shown == best]
    names = join_and([str(n) for n in rows["nama_indikator"]])
    value = format_percent(float(rows["indeks"].iloc[0]))
    cat = f", {rows['kategori'].iloc[0]}" if category else ""
    if len(rows) == 1:
        return f"{names} ({value}{cat})"
    return f"{names}, sama-sama {value}{cat.replace(', ', ' (', 1) + ')' if cat else ''}"


def findings(
    t: dict[str, pd.DataFrame], population: int | None = None, census: bool | None = None
) -> list[str]:
    """The findings in plain Indonesian (markdown bullet texts), with the n caveats.

    Parameters
    ----------
    t : dict of str to pandas.DataFrame
        The processed questionnaire tables by short name (:data:`TABLES`):
        ``{name: catalog.load(f"kuesioner_{name}") for name in TABLES}``.
    population : int, optional
        PSM of Kecamatan Bunut in Tabel I.2: the census wording only when the respondents
        are exactly that many (:func:`census_caveat`).
    census : bool, optional
        Whether the respondents are the whole population (every PSM of Kecamatan
        Bunut): then no p-value or test verdict is written. Default: the respondents
        equal ``population``, or ``population`` is unknown (this study is a census).

    Returns
    -------
    list of str
        Per variable its index (persen) and category, its highest and lowest indicator;
        per variable its Cronbach alpha with Feldt's 95 % interval; the items passing
        validity and those dropped; per variable the Diklat comparison
        (:func:`comparison_sentences`: no p-value for a census); last,
        the census caveat (how many persen one respondent is worth). Numbers in the
        Indonesian format.

    Raises
    ------
    KeyError
        A table or column is missing from ``t``.
    """
    out = []
    n = len(t["jawaban"])
    if census is None:
        census = population is None or n == population
    var = t["variabel"]
    for _, v in var.iterrows():
        out.append(
            f"**{v['nama_variabel']}**: indeks skor {format_percent(v['indeks'])} "
            f"(kategori **{v['kategori']}**), rata-rata {format_number(v['rata_rata'], 2)} "
            f"dari {n} responden dan {int(v['jumlah_butir'])} butir."
        )
        ind = t["indikator"][t["indikator"]["variabel"] == v["variabel"]]
        out.append(
            f"Indikator {v['nama_variabel']} tertinggi: {_extreme(ind, max)}; "
            f"terendah: {_extreme(ind, min, category=True)}."
        )
    rel = t["reliabilitas"]
    for _, r in rel.iterrows():
        name = var.set_index("variabel").loc[r["variabel"], "nama_variabel"]
        reason = _note_without_small_n(r["catatan"], int(r["n"]))
        if pd.isna(r["alpha"]):
            out.append(
                f"Reliabilitas {name}: alpha Cronbach tidak dapat dihitung "
                f"({reason + '; ' if reason else ''}n = {int(r['n'])})."
            )
            continue
        out.append(
            f"Reliabilitas {name}: alpha Cronbach {format_number(r['alpha'], 3)} "
            f"(selang Feldt 95 % {format_number(r['ci_bawah'], 3)} sampai "
            f"{format_number(r['ci_atas'], 3)}; n = {int(r['n'])})."
            + (f" Catatan: {reason}." if reason else "")
            + (
                " Dengan n sekecil ini nilai alpha mudah berubah bila satu responden menjawab lain."
                if small_n_note(int(r["n"]))
                else ""
            )
        )
    val = t["validitas_butir"]
    if len(val):
        out.append(_validity_sentence(val, var.set_index("variabel")["nama_variabel"]))
        out += list(filter(None, [dropped_items_note(t)]))
    out += comparison_sentences(t, census)
    out.append(census_caveat(n, population))
    return [italic_markdown(s) for s in out]  # foreign terms in italics (EYD V)
