"""The thesis parts outside the results chapter, built from the same sources as the results
(issue 22): the konsep operasional of BAB II, the informants, population and sample and the
schedule of BAB III, the wilayah of BAB IV, and the instruments and tabulations of the
Lampiran.

Every function takes processed tables (``catalog.load(name)``, or frames of the same shape
made from a codebook before any answer exists) and returns a reader-facing
:class:`pandas.DataFrame` (Indonesian headers) or a matplotlib Figure; nothing here reads
``data/raw`` or writes a file. Notebook ``00_bagian_skripsi`` places them
(``bab.export_table(..., tempat="II")``); :mod:`psm_analysis.instruments` prints the
questionnaire and the interview guide from the same rows.

The frames are named after their processed files:

- ``items``: ``kuesioner_buku_kode.csv`` (butir, variabel, nama_variabel, indikator,
  nama_indikator, dasar, pernyataan, dibalik, boleh_kosong, skala);
- ``scales``: ``kuesioner_skala.csv`` (skala, nilai, label);
- ``categories``: ``kuesioner_kategori.csv`` (variabel, kelas, batas_bawah, batas_atas,
  kategori, metode, aturan);
- ``codes``: ``wawancara_codebook.csv``; ``questions``: ``wawancara_pertanyaan.csv``;
- ``informants``: ``wawancara_informan.csv`` (no names: the roster never leaves
  data/raw/private);
- ``answers_long``: ``kuesioner_jawaban_panjang.csv`` (responden, variabel, indikator,
  butir, jawaban, skor);
- ``villages``: ``desa_kelurahan.csv``; ``psm_per_village``: ``psm_per_desa.csv``;
  ``psm_per_district``: ``psm_per_kecamatan.csv``; ``schedule``: ``jadwal_penelitian.csv``.
"""

from __future__ import annotations

import re
import textwrap

import pandas as pd

from psm_analysis.interviews.roster import GROUPS
from psm_analysis.numbers import NIL_TEXT, format_number, nil_where_blank

__all__ = ["GROUPS"]  # the informant groups, in the order tables show them

#: The group whose informants are the key informants: the officials of the institution
#: the thesis studies (Dinas Sosial Kabupaten Pelalawan).
KEY_GROUP = "Dinas Sosial"

#: The kecamatan of the study (Kemendagri code and name).
DISTRICT_CODE = "14.05.08"
DISTRICT_NAME = "Bunut"


def load_optional(name: str, paths=None) -> pd.DataFrame | None:
    """A processed file read with :func:`psm_analysis.catalog.load`, or None when the
    builder wrote none (no interviews coded yet, no register, no ``jadwal.yml``).

    Parameters
    ----------
    name : str
        The catalog name ("jadwal_penelitian").
    paths : Paths or None
        The project (default: the installed one).

    Returns
    -------
    pandas.DataFrame or None
        The table, or None when ``data/processed/<name>.csv`` does not exist.
    """
    from psm_analysis import catalog
    from psm_analysis.config import get_paths

    spec = catalog.entry(name)
    if not ((paths or get_paths()).processed / spec.name).is_file():
        return None
    return catalog.load(name, paths)


def answer_abbreviations(labels: list[str]) -> dict[str, str]:
    """Short column heads of the answer labels, as the results tables print them
    ("Sangat Setuju" -> "SS", "Ragu-ragu" -> "RR"); the full labels if two would clash.

    Parameters
    ----------
    labels : list of str
        The answer labels of one scale, highest score first.

    Returns
    -------
    dict of str to str
        Label -> short head.

    Examples
    --------
    >>> answer_abbreviations(["Sangat Setuju", "Setuju", "Ragu-ragu"])
    {'Sangat Setuju': 'SS', 'Setuju': 'S', 'Ragu-ragu': 'RR'}
    """
    short = {lab: "".join(w[0].upper() for w in re.split(r"[\s-]+", lab) if w) for lab in labels}
    if len(set(short.values())) < len(short) or not all(short.values()):
        return {lab: lab for lab in labels}
    return short


def _scale_labels(scales: pd.DataFrame, scale: str) -> list[tuple[int, str]]:
    s = scales[scales["skala"] == scale]
    return sorted(zip(s["nilai"].astype(int), s["label"], strict=True), reverse=True)


def _variables(items: pd.DataFrame) -> list[tuple[str, str]]:
    """(variabel, nama_variabel) in codebook order."""
    seen = items.drop_duplicates("variabel")
    return list(zip(seen["variabel"], seen["nama_variabel"], strict=True))


def _indicators(items: pd.DataFrame, variable: str) -> list[tuple[str, str, str]]:
    """(indikator, nama_indikator, dasar) of one variable in codebook order."""
    sub = items[items["variabel"] == variable].drop_duplicates("indikator")
    return list(zip(sub["indikator"], sub["nama_indikator"], sub["dasar"], strict=True))


# ------------------------------------------------------------------------ questionnaire


def questionnaire_table(items: pd.DataFrame, scales: pd.DataFrame, variable: str) -> pd.DataFrame:
    """The statements of one variable as the questionnaire prints them: a heading row per
    indicator, then one row per statement with an empty box per answer to tick.

    The item numbers are the item codes (``butir``) the data-entry template
    (``psm-analysis template survey``, row 1 of sheet Data) and every results table use;
    reverse-scored statements carry no mark.

    Parameters
    ----------
    items : pandas.DataFrame
        ``kuesioner_buku_kode.csv`` (or :func:`psm_analysis.survey.pipeline.codebook_frames`).
    scales : pandas.DataFrame
        ``kuesioner_skala.csv``.
    variable : str
        Code of the variable (``variabel``), e.g. ``"KIN"``.

    Returns
    -------
    pandas.DataFrame
        Columns "No." (the item code; empty on an indicator row), "Pernyataan" (the
        statement, or "Indikator: <name>"), then one column per answer, highest score first,
        headed by its short form ("SS", "S", "RR", "TS", "STS"), all empty.

    Raises
    ------
    KeyError
        A column is missing from ``items`` or ``scales``.
    """
    sub = items[items["variabel"] == variable]
    labels = [lab for _, lab in _scale_labels(scales, str(sub["skala"].iloc[0]))]
    heads = list(answer_abbreviations(labels).values())
    rows = []
    for ind, name, _ in _indicators(items, variable):
        rows.append({"No.": "", "Pernyataan": f"Indikator: {name}", **dict.fromkeys(heads, "")})
        for _, r in sub[sub["indikator"] == ind].iterrows():
            rows.append(
                {"No.": r["butir"], "Pernyataan": r["pernyataan"], **dict.fromkeys(heads, "")}
            )
    return pd.DataFrame(rows, columns=["No.", "Pernyataan", *heads])


def answer_legend(scales: pd.DataFrame, scale: str) -> str:
    """The answer columns' legend ("SS = Sangat Setuju; S = Setuju; ...").

    Parameters
    ----------
    scales : pandas.DataFrame
        ``kuesioner_skala.csv``.
    scale : str
        Code of the scale (``skala``).

    Returns
    -------
    str
        One "short = label" per answer, highest score first, separated by "; ".
    """
    labels = [lab for _, lab in _scale_labels(scales, scale)]
    short = answer_abbreviations(labels)
    return "; ".join(f"{short[lab]} = {lab}" for lab in labels)


# ----------------------------------------------------------------------------- BAB II


def operationalisation_table(items: pd.DataFrame, scales: pd.DataFrame) -> pd.DataFrame:
    """Operasionalisasi variabel: Variabel | Indikator | Item penilaian | Skala.

    Parameters
    ----------
    items : pandas.DataFrame
        ``kuesioner_buku_kode.csv``.
    scales : pandas.DataFrame
        ``kuesioner_skala.csv``.

    Returns
    -------
    pandas.DataFrame
        One row per indicator in codebook order: "Variabel" (its name on the first row of
        each variable only, as a thesis prints it), "Indikator", "Item penilaian" (every
        statement of the indicator with its item number, one per line: "KIN01. Saya ..."),
        "Skala" ("Ordinal (Likert 1–5)" for the scale's lowest and highest score).
    """
    rows = []
    for var, var_name in _variables(items):
        for k, (ind, name, _) in enumerate(_indicators(items, var)):
            sub = items[items["indikator"] == ind]
            values = [v for v, _ in _scale_labels(scales, str(sub["skala"].iloc[0]))]
            rows.append(
                {
                    "Variabel": var_name if k == 0 else "",
                    "Indikator": name,
                    "Item penilaian": "\n".join(
                        f"{b}. {s}" for b, s in zip(sub["butir"], sub["pernyataan"], strict=True)
                    ),
                    "Skala": f"Ordinal (Likert {min(values)}–{max(values)})",
                }
            )
    return pd.DataFrame(rows, columns=["Variabel", "Indikator", "Item penilaian", "Skala"])


def themes_table(codes: pd.DataFrame) -> pd.DataFrame:
    """The qualitative side of the operationalisation: the interview codebook's research
    questions, themes (codes) and their indicators.

    Parameters
    ----------
    codes : pandas.DataFrame
        ``wawancara_codebook.csv``.

    Returns
    -------
    pandas.DataFrame
        One row per codable code in codebook order: "Fokus penelitian" (the label of its
        research question, on the first row of each only), "Tema", "Indikator" ("–",
        :data:`~psm_analysis.numbers.NIL_TEXT`, when the codebook gives none: nothing to
        note, not "not available"), "Indikator kuesioner" (the questionnaire indicator the
        theme speaks to, or "–").
    """
    labels = dict(zip(codes["kode"], codes["label"], strict=True))
    rows, last = [], None
    for _, c in codes[codes["dapat_dikodekan"].astype(bool)].iterrows():
        q = c["pertanyaan"]
        rows.append(
            {
                "Fokus penelitian": labels.get(q, q) if q != last else "",
                "Tema": c["label"],
                "Indikator": c["indikator"],
                "Indikator kuesioner": c["indikator_kuesioner"],
            }
        )
        last = q
    return nil_where_blank(
        pd.DataFrame(
            rows, columns=["Fokus penelitian", "Tema", "Indikator", "Indikator kuesioner"]
        ),
        "Indikator",
        "Indikator kuesioner",
    )


def scoring_table(items: pd.DataFrame, scales: pd.DataFrame) -> pd.DataFrame:
    """Teknik pengukuran, the scoring: each answer's score for a positive and a negative
    (reverse-scored) statement; negative score = lowest + highest - answer.

    Parameters
    ----------
    items : pandas.DataFrame
        ``kuesioner_buku_kode.csv`` (its scales and reverse flags).
    scales : pandas.DataFrame
        ``kuesioner_skala.csv``.

    Returns
    -------
    pandas.DataFrame
        One row per answer of each scale in use, highest first: "Jawaban", "Skor pernyataan
        positif", "Skor pernyataan negatif", and "Skala" when the codebook uses several.
    """
    used = list(dict.fromkeys(items["skala"]))
    rows = []
    for scale in used:
        labels = _scale_labels(scales, scale)
        low, high = min(v for v, _ in labels), max(v for v, _ in labels)
        for v, lab in labels:
            rows.append(
                {
                    "Skala": scale,
                    "Jawaban": lab,
                    "Skor pernyataan positif": v,
                    "Skor pernyataan negatif": low + high - v,
                }
            )
    df = pd.DataFrame(rows)
    return df if len(used) > 1 else df.drop(columns="Skala")


def negative_items_note(items: pd.DataFrame) -> str:
    """The sentence under the scoring table naming the negative statements.

    Parameters
    ----------
    items : pandas.DataFrame
        ``kuesioner_buku_kode.csv``.

    Returns
    -------
    str
        The negative statements' codes ("Pernyataan negatif (skor dibalik): KIN18."), or
        "Semua pernyataan positif." when there is none.
    """
    neg = list(items.loc[items["dibalik"].astype(bool), "butir"])
    return (
        f"Pernyataan negatif (skor dibalik): {', '.join(neg)}."
        if neg
        else ("Semua pernyataan positif.")
    )


def category_table(items: pd.DataFrame, categories: pd.DataFrame) -> pd.DataFrame:
    """Teknik pengukuran, the categories: the index bands of each variable and its
    indicators, with the score range of one respondent on the variable.

    The index of a respondent, an indicator or a variable is total score / (highest score x
    number of answers) x 100 (:func:`psm_analysis.survey.scoring.score_index`); its
    category is the band it falls in (a boundary belongs to the higher band).

    Parameters
    ----------
    items : pandas.DataFrame
        ``kuesioner_buku_kode.csv``.
    categories : pandas.DataFrame
        ``kuesioner_kategori.csv``.

    Returns
    -------
    pandas.DataFrame
        One row per band of each variable: "Variabel" (its name and its number of
        indicators and items, on the first band only), "Indeks skor (%)" ("20,00 sampai < 46,67";
        the last band up to and including 100,00), "Kategori".
    """
    rows = []
    for var, name in _variables(items):
        bands = categories[categories["variabel"] == var].sort_values("kelas")
        n_ind = len(_indicators(items, var))
        n_items = int((items["variabel"] == var).sum())
        for k, (_, b) in enumerate(bands.iterrows()):
            last = k == len(bands) - 1
            lo, hi = format_number(b["batas_bawah"], 2), format_number(b["batas_atas"], 2)
            rows.append(
                {
                    "Variabel": (f"{name} ({n_ind} indikator, {n_items} butir)" if k == 0 else ""),
                    "Indeks skor (%)": f"{lo} sampai {hi}" if last else f"{lo} sampai < {hi}",
                    "Kategori": b["kategori"],
                }
            )
    return pd.DataFrame(rows, columns=["Variabel", "Indeks skor (%)", "Kategori"])


#: The width the drawings are made at (inches): the width Word inserts a figure at,
#: ``psm_analysis.worddoc.FIGURE_WIDTH_CM`` (14 cm; parts is below worddoc and cannot
#: import it: tests/test_figure_layout.py checks every saved figure has that width).
_FIGURE_IN = 14 / 2.54
#: Font sizes of the drawings (pt): the text of a box, and a bold heading. Drawn at the
#: printed width, so no text is below ``psm_analysis.plots.MIN_TEXT_PT`` (9 pt) in print.
_TEXT_PT = 9.0
_HEAD_PT = 10.0


def _chars(width: float, size: float, bold: bool = False) -> int:
    """Characters per line of a box ``width`` (share of :data:`_FIGURE_IN`) wide, at
    ``size`` pt: DejaVu Sans runs about 0.58 em a character in Indonesian words (a
    little wider bold), and 4 pt stay free on each side."""
    usable = width * _FIGURE_IN * 72 - 8
    return max(8, int(usable / (size * 0.58 * (1.12 if bold else 1.0))))


def _wrap(text: str, chars: int, indent: str = "") -> str:
    """``text`` in lines of at most ``chars`` characters, broken between words only."""
    return textwrap.fill(
        text, chars, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False
    )


def _text_in(text: str, size: float) -> float:
    """The height of ``text`` (lines) at ``size`` pt, in inches (1.25 line spacing)."""
    return (text.count("\n") + 1) * size * 1.25 / 72


def _box(
    ax,
    x: float,
    y: float,
    w: float,
    h: float,
    text: str,
    *,
    bold: bool = False,
    fill: str = "white",
    size: float = _TEXT_PT,
) -> None:
    from matplotlib.patches import FancyBboxPatch

    ax.add_patch(
        FancyBboxPatch(
            (x, y),
            w,
            h,
            boxstyle="round,pad=0,rounding_size=0.01",
            linewidth=1.0,
            edgecolor="black",
            facecolor=fill,
        )
    )
    ax.text(
        x + w / 2,
        y + h / 2,
        text,
        ha="center",
        va="center",
        fontsize=size,
        fontweight="bold" if bold else "normal",
        wrap=False,
    )


def _canvas(width_in: float, height_in: float):
    """A figure with one borderless axes for a drawing: the thesis style's constrained
    layout kept (matplotlib turns it back on when saving), its padding set to nothing."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(width_in, height_in))
    engine = fig.get_layout_engine()
    if engine is not None:
        engine.set(w_pad=0, h_pad=0, wspace=0, hspace=0)
    else:  # outside the thesis style too the axes fill the figure: 1 unit = 1 inch high
        fig.subplots_adjust(left=0, right=1, bottom=0, top=1)
    return fig, ax


def _arrow(ax, start: tuple[float, float], end: tuple[float, float], dashed: bool = False):
    ax.annotate(
        "",
        xy=end,
        xytext=start,
        arrowprops={
            "arrowstyle": "-|>",
            "color": "black",
            "lw": 1.2,
            "linestyle": "--" if dashed else "-",
            "shrinkA": 0,
            "shrinkB": 0,
        },
    )


def framework_figure(
    items: pd.DataFrame,
    order: list[str] | None = None,
    obstacles: list[str] | None = None,
    outcome: str | None = None,
):
    """Kerangka pikiran: each variable a column of boxes (its name, then its indicators),
    arrows from one variable to the next in ``order``, an optional outcome box at the end
    and an optional box of obstacles (the interview codebook's ``hambatan`` themes) with a
    dashed arrow onto the first arrow.

    Parameters
    ----------
    items : pandas.DataFrame
        ``kuesioner_buku_kode.csv``: the variables and indicators in codebook order.
    order : list of str or None
        Variable codes from left to right (default: codebook order). The arrow runs from
        each to the next, e.g. ``["PDS", "KIN"]``: the role of the Dinas Sosial acts on
        the performance of the PSM.
    obstacles : list of str or None
        Labels of the obstacle themes (``wawancara_codebook.csv`` rows under ``hambatan``).
    outcome : str or None
        Text of a last box the last variable leads to ("Kinerja PSM meningkat").

    Returns
    -------
    matplotlib.figure.Figure
        The figure (14 cm wide, the thesis figure width).

    Raises
    ------
    ValueError
        ``order`` names a variable the codebook does not have.
    """

    names = dict(_variables(items))
    order = list(order or names)
    unknown = [v for v in order if v not in names]
    if unknown:
        raise ValueError(f"unknown variable(s) {unknown}; the codebook has {list(names)}")
    columns = [(names[v], [n for _, n, _ in _indicators(items, v)]) for v in order]
    if outcome:
        columns.append((outcome, []))
    obstacles = list(obstacles or [])
    k = len(columns)
    gap = 0.045
    # the outcome box has no indicators under it: narrower, the variables wider
    narrow = 0.2 if outcome and k > 1 else None
    width = (1 - gap * (k + 1) - (narrow or 0)) / (k - 1 if narrow else k)
    widths = [width] * (k - 1) + [narrow or width]
    lefts = [gap + sum(widths[:j]) + j * gap for j in range(k)]
    # every text wrapped to its box, each row of boxes as high as its longest text
    heads = [
        _wrap(title, _chars(w, _HEAD_PT, bold=True))
        for (title, _), w in zip(columns, widths, strict=True)
    ]
    boxes = [
        [_wrap(f"{i + 1}. {ind}", _chars(w - 0.02, _TEXT_PT)) for i, ind in enumerate(inds)]
        for (_, inds), w in zip(columns, widths, strict=True)
    ]
    head_h = max(_text_in(h, _HEAD_PT) for h in heads) + 0.14
    n_rows = max([len(col) for col in boxes] + [1])
    row_h = [
        max(_text_in(col[i], _TEXT_PT) for col in boxes if i < len(col)) + 0.12
        for i in range(n_rows)
    ]
    step = 0.08  # between two boxes
    per_col = -(-len(obstacles) // 2) if len(obstacles) > 4 else len(obstacles)
    ob_w = (1 - 2 * gap) / (2 if per_col < len(obstacles) else 1)
    listed = [_wrap(f"- {ob}", _chars(ob_w - 0.04, _TEXT_PT), indent="  ") for ob in obstacles]
    ob_rows = [
        max(_text_in(t, _TEXT_PT) for t in listed[r::per_col]) + 0.04 for r in range(per_col)
    ]
    low_h = 0.36 + sum(ob_rows) + 0.06 if obstacles else 0.0
    top = 0.05 + head_h + 0.12 + sum(row_h) + step * n_rows + (0.3 + low_h if obstacles else 0)
    fig, ax = _canvas(_FIGURE_IN, top)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, top)
    ax.axis("off")
    y_head = top - 0.05 - head_h
    for j, (head, col) in enumerate(zip(heads, boxes, strict=True)):
        x, width = lefts[j], widths[j]
        _box(ax, x, y_head, width, head_h, head, bold=True, fill="#EEEEEE", size=_HEAD_PT)
        y = y_head - 0.12 + step
        for i, text in enumerate(col):
            y -= row_h[i] + step
            _box(ax, x + 0.01, y, width - 0.02, row_h[i], text)
        if j < k - 1:
            _arrow(ax, (x + width, y_head + head_h / 2), (x + width + gap, y_head + head_h / 2))
    if obstacles:
        x, w, y0 = gap, 1 - 2 * gap, 0.02
        _box(ax, x, y0, w, low_h, "")
        ax.text(
            x + 0.015,
            y0 + low_h - 0.08,
            "Hambatan (tema wawancara)",
            ha="left",
            va="top",
            fontsize=_TEXT_PT,
            fontweight="bold",
        )
        for i, text in enumerate(listed):
            col, row = divmod(i, per_col)
            ax.text(
                x + 0.02 + col * ob_w,
                y0 + low_h - 0.36 - sum(ob_rows[:row]),
                text,
                ha="left",
                va="top",
                fontsize=_TEXT_PT,
            )
        if k > 1:
            mid = lefts[1] - gap / 2
            _arrow(ax, (mid, y0 + low_h), (mid, y_head + head_h / 2 - 0.08), dashed=True)
    return fig


# ------------------------------------------------------------------------ interview guide


def guide_table(questions: pd.DataFrame, codes: pd.DataFrame, groups=None) -> pd.DataFrame:
    """The interview guide (pedoman wawancara) as rows: for each informant group, the
    questions it is asked, per research question (fokus) and theme, numbered 1, 2, ...
    within the group.

    A question with an empty ``kelompok`` is asked of every group; a group is listed when
    at least one question is asked of it.

    Parameters
    ----------
    questions : pandas.DataFrame
        ``wawancara_pertanyaan.csv`` (:meth:`psm_analysis.interviews.codebook.Codebook.
        questions_frame`).
    codes : pandas.DataFrame
        ``wawancara_codebook.csv``: the labels of the research questions.
    groups : sequence of str or None
        The groups, in order (default :data:`GROUPS`).

    Returns
    -------
    pandas.DataFrame
        Columns "Kelompok informan", "Fokus penelitian" (the research question's label),
        "Tema" (the code's label; the research question's own label for a question asked
        about the whole theme), "Indikator", "No." (int) and "Pertanyaan", in group order,
        then codebook order.
    """
    labels = dict(zip(codes["kode"], codes["label"], strict=True))
    rows = []
    for group in list(groups or GROUPS):
        mine = questions[(questions["kelompok"] == "") | (questions["kelompok"] == group)]
        for k, (_, q) in enumerate(mine.iterrows(), start=1):
            rows.append(
                {
                    "Kelompok informan": group,
                    "Fokus penelitian": labels.get(q["pertanyaan"], q["pertanyaan"]),
                    "Tema": q["label"],
                    "Indikator": q["indikator"],
                    "No.": k,
                    "Pertanyaan": q["pertanyaan_wawancara"],
                }
            )
    columns = ["Kelompok informan", "Fokus penelitian", "Tema", "Indikator", "No.", "Pertanyaan"]
    return pd.DataFrame(rows, columns=columns)


def blank_repeats(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """``df`` with a cell of ``columns`` emptied where it repeats the row above within the
    same values of the columns before it, as a printed table groups rows.

    Parameters
    ----------
    df : pandas.DataFrame
        The table.
    columns : list of str
        The grouping columns, outermost first.

    Returns
    -------
    pandas.DataFrame
        A copy, the repeated cells "".

    Examples
    --------
    >>> df = pd.DataFrame({"a": ["x", "x", "y"], "b": ["p", "p", "p"]})
    >>> blank_repeats(df, ["a", "b"])["b"].tolist()
    ['p', '', 'p']
    """
    out = df.copy().astype({c: object for c in columns})
    keys = df[columns].astype(str)
    for j, col in enumerate(columns):
        same = (keys[columns[: j + 1]] == keys[columns[: j + 1]].shift()).all(axis=1)
        out.loc[same, col] = ""
    return out


# ----------------------------------------------------------------------------- BAB III


def _with_segments(informants: pd.DataFrame) -> pd.Series:
    """Whether each informant has a coded interview (at least one segment)."""
    return informants["jumlah_segmen"].astype(int) > 0


def informants_table(informants: pd.DataFrame) -> pd.DataFrame:
    """Key informan dan informan: per group of the roster its status, its positions and
    its count; no name and no id.

    The key informants are the officials of the institution studied (:data:`KEY_GROUP`);
    every other group's members are informants.

    Parameters
    ----------
    informants : pandas.DataFrame
        ``wawancara_informan.csv`` (id_informan, pseudonim, jabatan, kelompok,
        tanggal_wawancara, jumlah_dokumen, jumlah_segmen).

    Returns
    -------
    pandas.DataFrame
        One row per group in :data:`GROUPS` order (groups outside it after them), then a
        "Jumlah" row: "No.", "Kelompok informan", "Status" ("Key informan"/"Informan"),
        "Jabatan" (each position once, with "(n orang)" when several hold it, one per
        line), "Jumlah (orang)".
    """
    order = [g for g in GROUPS if g in set(informants["kelompok"])]
    order += sorted(set(informants["kelompok"]) - set(order))
    rows = []
    for k, group in enumerate(order, start=1):
        sub = informants[informants["kelompok"] == group]
        counts = sub["jabatan"].value_counts(sort=False)
        rows.append(
            {
                "No.": str(k),
                "Kelompok informan": group,
                "Status": "Key informan" if group == KEY_GROUP else "Informan",
                "Jabatan": "\n".join(
                    f"{j} ({n} orang)" if n > 1 else str(j) for j, n in counts.items()
                ),
                "Jumlah (orang)": len(sub),
            }
        )
    rows.append(
        {
            "No.": "",
            "Kelompok informan": "Jumlah",
            "Status": "",
            "Jabatan": "",
            "Jumlah (orang)": len(informants),
        }
    )
    return pd.DataFrame(rows)


def informant_notes(informants: pd.DataFrame) -> list[str]:
    """What the informants table cannot show by itself: a group of the study design with no
    informant on the roster, and an informant with no coded interview.

    Parameters
    ----------
    informants : pandas.DataFrame
        ``wawancara_informan.csv``.

    Returns
    -------
    list of str
        Indonesian sentences; empty when the roster and the codings agree.
    """
    notes = []
    missing = [g for g in GROUPS if g not in set(informants["kelompok"])]
    if missing:
        notes.append(
            "Kelompok informan dalam rancangan penelitian yang belum ada dalam daftar "
            f"informan: {', '.join(missing)}."
        )
    silent = informants[~_with_segments(informants)]
    if len(silent):
        notes.append(
            "Informan dalam daftar yang wawancaranya belum dikodekan: "
            + ", ".join(silent["pseudonim"])
            + "; mereka dihitung dalam daftar, tetapi tidak dalam hasil wawancara."
        )
    return notes


def population_table(psm_bunut: int | None, respondents: int, informants) -> pd.DataFrame:
    """Populasi dan sampel: the PSM of Kecamatan Bunut (Tabel I.2) as a census, the
    informants by purposive choice, and who actually answered or was interviewed.

    Parameters
    ----------
    psm_bunut : int or None
        Number of PSM in Kecamatan Bunut (``psm_per_kecamatan.csv``, Tabel I.2); None when
        unknown.
    respondents : int
        Respondents who answered the questionnaire (rows of ``kuesioner_jawaban.csv``).
    informants : pandas.DataFrame or None
        ``wawancara_informan.csv``; None when there are no interviews yet.

    Returns
    -------
    pandas.DataFrame
        Columns "Unsur", "Populasi (orang)" ("–" for the informants: they are chosen,
        not drawn from a population, so there is no number to give, which is not "not
        available"), "Sampel (orang)" (respondents who answered; informants
        with a coded interview), "Teknik" ("Sensus (sampel jenuh)" or "Purposive").
    """
    rows = [
        {
            "Unsur": "PSM Kecamatan Bunut (responden kuesioner)",
            "Populasi (orang)": psm_bunut,
            "Sampel (orang)": respondents,
            "Teknik": "Sensus (sampel jenuh)",
        }
    ]
    if informants is not None:
        for group in [g for g in GROUPS if g in set(informants["kelompok"])]:
            sub = informants[informants["kelompok"] == group]
            rows.append(
                {
                    "Unsur": f"Informan: {group}",
                    "Populasi (orang)": NIL_TEXT,
                    "Sampel (orang)": int(_with_segments(sub).sum()),
                    "Teknik": "Purposive",
                }
            )
    df = pd.DataFrame(rows)
    return df.astype({"Populasi (orang)": object, "Sampel (orang)": "Int64"})


def population_notes(psm_bunut: int | None, respondents: int, informants) -> list[str]:
    """The mismatches between the design and the data, stated under the population table.

    Parameters
    ----------
    psm_bunut : int or None
        Number of PSM in Kecamatan Bunut (Tabel I.2).
    respondents : int
        Respondents who answered.
    informants : pandas.DataFrame or None
        ``wawancara_informan.csv``.

    Returns
    -------
    list of str
        One sentence about the census (complete, short of the population, or above it) and
        the informant sentences of :func:`informant_notes`.
    """
    n = format_number(respondents)
    if psm_bunut is None:
        notes = [f"Jumlah PSM Kecamatan Bunut tidak tersedia; {n} responden menjawab."]
    elif respondents == psm_bunut:
        notes = [
            f"Semua {n} PSM Kecamatan Bunut menurut Tabel I.2 menjawab kuesioner (sensus lengkap)."
        ]
    elif respondents < psm_bunut:
        notes = [
            f"Responden yang menjawab ({n} orang) lebih sedikit daripada PSM Kecamatan Bunut "
            f"menurut Tabel I.2 ({format_number(psm_bunut)} orang): sensus belum lengkap, "
            f"{format_number(psm_bunut - respondents)} PSM tidak menjawab."
        ]
    else:
        notes = [
            f"Responden yang menjawab ({n} orang) lebih banyak daripada PSM Kecamatan Bunut "
            f"menurut Tabel I.2 ({format_number(psm_bunut)} orang): periksa daftar PSM atau "
            "jawaban ganda."
        ]
    if informants is None:
        return notes + ["Belum ada wawancara yang dikodekan."]
    return notes + informant_notes(informants)


def schedule_table(schedule: pd.DataFrame) -> pd.DataFrame:
    """Jadwal kegiatan penelitian: one row per activity, one column per month, "X" where
    the activity runs.

    Parameters
    ----------
    schedule : pandas.DataFrame
        ``jadwal_penelitian.csv``.

    Returns
    -------
    pandas.DataFrame
        "No.", "Kegiatan", then the months in the file's order.
    """
    wide = schedule.pivot_table(
        index=["no", "kegiatan"], columns="urutan_bulan", values="dijadwalkan", aggfunc="any"
    )
    months = schedule.drop_duplicates("urutan_bulan").set_index("urutan_bulan")["bulan"]
    out = wide.reset_index()
    out.columns = ["No.", "Kegiatan", *[months[c] for c in wide.columns]]
    for m in out.columns[2:]:
        out[m] = out[m].map(lambda x: "X" if bool(x) else "")
    out["No."] = out["No."].astype(str)
    return out


# ----------------------------------------------------------------------------- BAB IV


def villages_table(
    villages: pd.DataFrame,
    psm_per_village: pd.DataFrame | None = None,
    district: str = DISTRICT_NAME,
) -> pd.DataFrame:
    """Desa dan kelurahan of a kecamatan with their Kemendagri codes and, when the PSM
    register is there, the PSM per desa.

    Parameters
    ----------
    villages : pandas.DataFrame
        ``desa_kelurahan.csv`` (Kepmendagri codes).
    psm_per_village : pandas.DataFrame or None
        ``psm_per_desa.csv`` (the PSM register), or None without a register.
    district : str
        The kecamatan (default the study site, Bunut).

    Returns
    -------
    pandas.DataFrame
        One row per desa/kelurahan in code order, then "Jumlah": "No.", "Kode wilayah",
        "Desa/Kelurahan", "Tingkat" ("Desa"/"Kelurahan"), and with a register "PSM
        (orang)", "PSM aktif (orang)", "PSM ikut Diklat (orang)".

    Raises
    ------
    ValueError
        ``district`` has no desa in ``villages``.
    """
    sub = villages[villages["kecamatan"] == district].sort_values("kode")
    if sub.empty:
        raise ValueError(f"no desa/kelurahan of kecamatan {district!r}")
    out = pd.DataFrame(
        {
            "No.": [str(k) for k in range(1, len(sub) + 1)],
            "Kode wilayah": sub["kode"].to_list(),
            "Desa/Kelurahan": sub["nama"].to_list(),
            "Tingkat": sub["tingkat"].str.capitalize().to_list(),
        }
    )
    total = {
        "No.": "",
        "Kode wilayah": "",
        "Desa/Kelurahan": "Jumlah",
        "Tingkat": f"{(sub['tingkat'] == 'desa').sum()} desa, "
        f"{(sub['tingkat'] == 'kelurahan').sum()} kelurahan",
    }
    if psm_per_village is not None:
        reg = psm_per_village.set_index("kode_wilayah")
        for col, head in (
            ("jumlah_psm", "PSM (orang)"),
            ("jumlah_psm_aktif", "PSM aktif (orang)"),
            ("jumlah_psm_diklat", "PSM ikut Diklat (orang)"),
        ):
            values = reg[col].reindex(sub["kode"]).astype("Int64").to_list()
            out[head] = pd.array(values, dtype="Int64")
            total[head] = int(pd.Series(values, dtype="Int64").sum())
    out = pd.concat([out, pd.DataFrame([total])], ignore_index=True)
    return out.astype({c: "Int64" for c in out.columns if "(orang)" in c})


def villages_notes(table: pd.DataFrame) -> list[str]:
    """The desa/kelurahan without a PSM in the register, under :func:`villages_table`.

    Parameters
    ----------
    table : pandas.DataFrame
        The output of :func:`villages_table`.

    Returns
    -------
    list of str
        One sentence naming them, or none (also without a register).
    """
    if "PSM (orang)" not in table.columns:
        return ["Register PSM belum tersedia: jumlah PSM per desa belum dapat ditampilkan."]
    rows = table[table["Desa/Kelurahan"] != "Jumlah"]
    none = rows.loc[rows["PSM (orang)"].fillna(0) == 0, "Desa/Kelurahan"].to_list()
    if not none:
        return ["Setiap desa/kelurahan memiliki sekurang-kurangnya satu PSM dalam register."]
    return [f"Desa/kelurahan tanpa PSM dalam register ({len(none)}): {', '.join(none)}."]


#: The caption of :func:`area_population_table` in BAB IV.
AREA_POPULATION_TITLE = "Luas Wilayah dan Jumlah Penduduk menurut Desa/Kelurahan di Kecamatan Bunut"


def area_population_table(table: pd.DataFrame) -> pd.DataFrame:
    """Area, population and density per desa/kelurahan (BPS), with a "Jumlah" row.

    Parameters
    ----------
    table : pandas.DataFrame
        ``luas_penduduk_desa.csv`` (from the BPS tables in ``data/raw/bps/``), with rows.

    Returns
    -------
    pandas.DataFrame
        One row per desa/kelurahan in code order, then "Jumlah": "No.", "Kode wilayah",
        "Desa/Kelurahan", "Luas (km²)", "Penduduk (jiwa)", "Kepadatan (jiwa/km²)" (the
        total's density is total population over total area).
    """
    sub = table.sort_values("kode").reset_index(drop=True)
    luas = pd.array(sub["luas_km2"], dtype="Float64")
    pen = pd.array(sub["penduduk"], dtype="Int64")
    out = pd.DataFrame(
        {
            "No.": [str(k) for k in range(1, len(sub) + 1)],
            "Kode wilayah": sub["kode"].to_list(),
            "Desa/Kelurahan": sub["desa_kelurahan"].to_list(),
            "Luas (km²)": luas,
            "Penduduk (jiwa)": pen,
            "Kepadatan (jiwa/km²)": pd.array(sub["kepadatan"], dtype="Float64"),
        }
    )
    total_luas, total_pen = float(luas.sum()), int(pen.sum())
    total = {
        "No.": "",
        "Kode wilayah": "",
        "Desa/Kelurahan": "Jumlah",
        "Luas (km²)": total_luas,
        "Penduduk (jiwa)": total_pen,
        "Kepadatan (jiwa/km²)": total_pen / total_luas if total_luas else None,
    }
    out = pd.concat([out, pd.DataFrame([total])], ignore_index=True)
    return out.astype(
        {"Luas (km²)": "Float64", "Penduduk (jiwa)": "Int64", "Kepadatan (jiwa/km²)": "Float64"}
    )


# ----------------------------------------------------------------------------- Lampiran


def response_matrix(answers_long: pd.DataFrame, items: pd.DataFrame, variable: str) -> pd.DataFrame:
    """Rekapitulasi jawaban responden of one variable: respondents x items, the scores after
    recoding (a negative statement's score turned round), with each respondent's total and
    a closing row of the totals per item.

    Parameters
    ----------
    answers_long : pandas.DataFrame
        ``kuesioner_jawaban_panjang.csv`` (responden, butir, skor, ...).
    items : pandas.DataFrame
        ``kuesioner_buku_kode.csv`` (the item order).
    variable : str
        Code of the variable, e.g. ``"KIN"``.

    Returns
    -------
    pandas.DataFrame
        "Responden", one column per item (its code, codebook order; a missing answer NA;
        an item dropped after the instrument test left out), "Jumlah"; the last row
        "Jumlah".
    """
    kept = items[(items["variabel"] == variable) & ~_dropped(items)]
    order = list(kept["butir"])
    sub = answers_long[answers_long["butir"].isin(order)]
    wide = sub.pivot_table(
        index="responden", columns="butir", values="skor", aggfunc="sum", dropna=False
    ).reindex(columns=order)
    missing = sub[sub["skor"].isna()]
    for r, b in zip(missing["responden"], missing["butir"], strict=True):
        wide.loc[r, b] = float("nan")
    return _with_totals(wide)


def _dropped(items: pd.DataFrame) -> pd.Series:
    """The items the instrument test dropped (``digugurkan`` in the codebook table)."""
    if "digugurkan" not in items.columns:
        return pd.Series(False, index=items.index)
    return items["digugurkan"].fillna(False).astype(bool)


def _with_totals(wide: pd.DataFrame) -> pd.DataFrame:
    wide = wide.copy()
    wide.columns.name = None
    wide["Jumlah"] = wide.sum(axis=1, min_count=1)
    totals = wide.sum(axis=0, min_count=1)
    out = pd.concat([wide, totals.to_frame("Jumlah").T])
    out = out.astype("Int64")
    out.index.name = "Responden"
    return out.reset_index()


def indicator_matrix(
    answers_long: pd.DataFrame, items: pd.DataFrame, variable: str
) -> pd.DataFrame:
    """Respondents x indicators of one variable: the sum of each respondent's scores (after
    recoding) over each indicator's items, the respondent's total, and the totals row.

    Parameters
    ----------
    answers_long : pandas.DataFrame
        ``kuesioner_jawaban_panjang.csv``.
    items : pandas.DataFrame
        ``kuesioner_buku_kode.csv`` (the indicator order).
    variable : str
        Code of the variable.

    Returns
    -------
    pandas.DataFrame
        "Responden", one column per indicator (its code), "Jumlah"; the last row "Jumlah".
    """
    order = [ind for ind, _, _ in _indicators(items, variable)]
    sub = answers_long[answers_long["indikator"].isin(order)]
    wide = sub.pivot_table(
        index="responden", columns="indikator", values="skor", aggfunc="sum", dropna=False
    ).reindex(columns=order)
    return _with_totals(wide)


def indicator_legend(items: pd.DataFrame, variable: str) -> str:
    """The indicator codes of :func:`indicator_matrix` with their names and items.

    Parameters
    ----------
    items : pandas.DataFrame
        ``kuesioner_buku_kode.csv``.
    variable : str
        Code of the variable.

    Returns
    -------
    str
        "KIN_T1 = Menginisiasi penanganan masalah sosial (KIN01-KIN02); ...".
    """
    parts_ = []
    for ind, name, _ in _indicators(items, variable):
        codes = list(items.loc[items["indikator"] == ind, "butir"])
        span = codes[0] if len(codes) == 1 else f"{codes[0]}–{codes[-1]}"
        parts_.append(f"{ind} = {name} ({span})")
    return "; ".join(parts_) + "."


def informant_list(informants: pd.DataFrame) -> pd.DataFrame:
    """Daftar informan by code and role (no names), for the Lampiran.

    Parameters
    ----------
    informants : pandas.DataFrame
        ``wawancara_informan.csv``.

    Returns
    -------
    pandas.DataFrame
        "No.", "Kode informan" (the pseudonym "I-03 (PSM)" quotes cite), "Kelompok",
        "Jabatan", "Tanggal wawancara" ("15 April 2019"), "Segmen terkode".
    """
    from psm_analysis.interviews.results import format_date

    return pd.DataFrame(
        {
            "No.": [str(k) for k in range(1, len(informants) + 1)],
            "Kode informan": informants["id_informan"].to_list(),
            "Kelompok": informants["kelompok"].to_list(),
            "Jabatan": informants["jabatan"].to_list(),
            "Tanggal wawancara": [format_date(d) for d in informants["tanggal_wawancara"]],
            "Segmen terkode": informants["jumlah_segmen"].astype(int).to_list(),
        }
    )


# ------------------------------------------------------------------ organisation chart


def _line(ax, xs, ys) -> None:
    ax.plot(xs, ys, color="black", lw=0.9, solid_capstyle="butt")


def organisation_figure(structure: pd.DataFrame, highlight: str | None = None):
    """Bagan struktur organisasi: the Kepala Dinas at the top, the Sekretariat on a branch
    to the right with its Subbagian below it, the Bidang in a row with their Seksi stacked
    under each, joined by lines as an organisation chart is drawn.

    Parameters
    ----------
    structure : pandas.DataFrame
        ``struktur_organisasi.csv`` (no, unit, jenis, induk, sumber, tingkat).
    highlight : str or None
        A unit to mark (shaded, bold): the Seksi responsible for the PSM.

    Returns
    -------
    matplotlib.figure.Figure
        The chart, 14 cm wide.

    Raises
    ------
    ValueError
        The structure has no Kepala Dinas, or ``highlight`` is not one of its units.
    """

    heads = structure[structure["jenis"] == "Kepala Dinas"]
    if heads.empty:
        raise ValueError("the structure has no Kepala Dinas")
    if highlight is not None and highlight not in set(structure["unit"]):
        raise ValueError(f"{highlight!r} is not a unit of the structure")
    head = heads["unit"].iloc[0]
    secretariat = list(structure.loc[structure["jenis"] == "Sekretariat", "unit"])
    subs = list(structure.loc[structure["induk"].isin(secretariat), "unit"])
    fields = list(structure.loc[structure["jenis"] == "Bidang", "unit"])
    sections = {b: list(structure.loc[structure["induk"] == b, "unit"]) for b in fields}
    n_cols = max(len(fields), 1)
    col_w = 1 / n_cols
    w = col_w * 0.9
    indent = 0.035  # a Seksi under its Bidang

    def wrap(text: str, width: float, size: float, bold: bool) -> str:
        return _wrap(text, _chars(width, size, bold))

    def tall(text: str, size: float) -> float:
        return _text_in(text, size) + 0.12

    # every text wrapped to its box; the boxes of a row as high as its longest text
    head_t = wrap(head, w, _HEAD_PT, True)
    sec_t = wrap(secretariat[0], w, _HEAD_PT, True) if secretariat else ""
    gap_sub, left_sub = 0.02, 0.56
    sub_w = (1 - 0.005 - left_sub - gap_sub * (len(subs) - 1)) / max(len(subs), 1)
    sub_t = [wrap(s, sub_w, _TEXT_PT, s == highlight) for s in subs]
    field_t = [wrap(b, w, _TEXT_PT, True) for b in fields]
    sec_rows = [
        [wrap(s, w - indent, _TEXT_PT, s == highlight) for s in sections[b]] for b in fields
    ]
    deepest = max([len(v) for v in sec_rows] + [0])
    head_h = tall(head_t, _HEAD_PT)
    sec_h = tall(sec_t, _HEAD_PT) if secretariat else 0.0
    sub_h = max([tall(s, _TEXT_PT) for s in sub_t] + [0.0])
    field_h = max([tall(b, _TEXT_PT) for b in field_t] + [0.0])
    row_h = [
        max(tall(col[i], _TEXT_PT) for col in sec_rows if i < len(col)) for i in range(deepest)
    ]
    step = 0.1
    top = 0.05 + head_h + 0.45 + field_h + sum(row_h) + step * deepest + 0.05
    if secretariat:
        top += 0.3 + sec_h + (0.35 + sub_h if subs else 0)
    fig, ax = _canvas(_FIGURE_IN, top)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, top)
    ax.axis("off")

    def box(x, y, width, height, name, text, size=_TEXT_PT, bold=False):
        mark = name == highlight
        _box(
            ax,
            x,
            y,
            width,
            height,
            text,
            bold=mark or bold,
            fill="#D9D9D9" if mark else "white",
            size=size,
        )

    # Kepala Dinas
    y = top - 0.05 - head_h
    box(0.5 - w / 2, y, w, head_h, head, head_t, size=_HEAD_PT, bold=True)
    trunk_top = y
    # Sekretariat on the right branch, its Subbagian below it
    if secretariat:
        ys = y - 0.3 - sec_h
        sx = 1 - col_w + (col_w - w) / 2
        box(sx, ys, w, sec_h, secretariat[0], sec_t, size=_HEAD_PT, bold=True)
        _line(ax, [0.5, sx], [ys + sec_h / 2] * 2)
        y = ys
        if subs:
            ysub = ys - 0.35 - sub_h
            # right of the trunk, side by side
            centres = [left_sub + k * (sub_w + gap_sub) + sub_w / 2 for k in range(len(subs))]
            bus = ys - 0.17
            _line(ax, [sx + w / 2, sx + w / 2], [ys, bus])
            _line(ax, [min(centres), max(centres)], [bus, bus])
            for c, name, text in zip(centres, subs, sub_t, strict=True):
                _line(ax, [c, c], [bus, ysub + sub_h])
                box(c - sub_w / 2, ysub, sub_w, sub_h, name, text)
            y = ysub
    # Bidang row and their Seksi
    yb = y - 0.45 - field_h
    bus = yb + field_h + 0.2
    centres = [col_w * (k + 0.5) for k in range(len(fields))]
    _line(ax, [0.5, 0.5], [trunk_top, bus])
    if centres:
        _line(ax, [min(centres), max(centres)], [bus, bus])
    for c, name, text, col in zip(centres, fields, field_t, sec_rows, strict=True):
        _line(ax, [c, c], [bus, yb + field_h])
        box(c - w / 2, yb, w, field_h, name, text, bold=True)
        rail = c - w / 2 + indent / 2
        last = yb
        ysec = yb
        for i, (sec, sec_text) in enumerate(zip(sections[name], col, strict=True)):
            ysec -= step + row_h[i]
            box(c - w / 2 + indent, ysec, w - indent, row_h[i], sec, sec_text)
            _line(ax, [rail, c - w / 2 + indent], [ysec + row_h[i] / 2] * 2)
            last = ysec + row_h[i] / 2
        if sections[name]:
            _line(ax, [rail, rail], [yb, last])
    return fig
