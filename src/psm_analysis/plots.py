"""The thesis figure style, plotting helpers, and deterministic figure files.

One style for every figure of the thesis (:func:`use_style`, or ``with thesis_style():``):
DejaVu Sans (shipped with matplotlib, so every machine draws the same glyphs), figures
drawn at the width Word inserts them (:data:`TEXT_WIDTH`, 14 cm) so that the sizes drawn
are the sizes printed, no text below :data:`MIN_TEXT_PT` (9 pt), the Okabe-Ito palette
(safe for colour-blind readers) with a named highlight colour for the study site (Bunut)
and a muted grey, and a decimal comma on axes (:func:`decimal_comma_axis`).

:func:`save_figure` writes ``figures/<name>.png`` (300 dpi) and ``figures/<name>.pdf``
with fixed metadata, so the same figure always gives the same bytes, and a sidecar
``figures/<name>.json`` with its number ("Gambar V.1"), caption and source, from which
:func:`psm_analysis.site.write_lists` builds the DAFTAR GAMBAR. Texts that overlap
(:func:`text_overlaps`) or print below 9 pt (:func:`small_texts`) are recorded in the
sidecar (``overlapping_text``, ``small_text``) with a warning.

The helpers take an Axes, draw on it and return it, so notebooks can combine them.
"""

from __future__ import annotations

import contextlib
import io
import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import matplotlib as mpl

from psm_analysis.numbers import PERCENT_DECIMALS, format_number, tick_formatter
from psm_analysis.sidecars import check_name, sidecar_text
from psm_analysis.text import caption_case
from psm_analysis.worddoc import FIGURE_WIDTH_CM

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
#: Default order of colours for series.
PALETTE = [
    OKABE_ITO[k]
    for k in (
        "blue",
        "orange",
        "bluish_green",
        "vermillion",
        "sky_blue",
        "reddish_purple",
        "yellow",
        "black",
    )
]
#: The colour of ordinary bars and points.
BASE = OKABE_ITO["blue"]
#: The study site (Kecamatan Bunut) and anything else the reader must find first.
HIGHLIGHT = OKABE_ITO["vermillion"]
#: Background, "not yet", context.
MUTED = "#BBBBBB"
#: Points that depart from a reference (e.g. off the 1:1 line).
OFF_LINE = OKABE_ITO["orange"]
#: Text and lines that should recede.
GREY_TEXT = "#555555"

#: Width every figure is drawn at, in inches: the width Word inserts it at,
#: :data:`psm_analysis.worddoc.FIGURE_WIDTH_CM` (14 cm, the text width of a portrait A4
#: page with 4 cm left and 3 cm right margins, read from the Word page set-up). Drawn at
#: the width it is printed, a figure's font sizes are the printed sizes.
TEXT_WIDTH = FIGURE_WIDTH_CM / 2.54
#: The smallest font size (pt) any text of a figure may have at the printed width.
MIN_TEXT_PT = 9.0
#: The narrowest Likert segment (per cent of its row) that carries its value: a label in
#: the tables' rule, "12,50" (:data:`psm_analysis.numbers.PERCENT_DECIMALS` decimals), is
#: 26 pt wide at 9 pt, and a segment of 15 % is 29 pt or more in a 14 cm figure (the
#: axis spans at most -100 to 100 %).
LIKERT_LABEL_MIN_PERCENT = 15.0

STYLE: dict[str, object] = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 10,
    "xtick.labelsize": 9,
    "ytick.labelsize": 9,
    "legend.fontsize": 9,
    "legend.frameon": False,
    "figure.figsize": (TEXT_WIDTH, 3.9),
    "figure.dpi": 100,
    "figure.facecolor": "white",
    "figure.constrained_layout.use": True,
    "savefig.dpi": 300,
    "savefig.facecolor": "white",
    "axes.prop_cycle": mpl.cycler(color=PALETTE),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": GREY_TEXT,
    "axes.linewidth": 0.8,
    "axes.grid": False,
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.6,
    "axes.axisbelow": True,
    "axes.formatter.use_locale": False,
    "xtick.color": GREY_TEXT,
    "ytick.color": GREY_TEXT,
    "xtick.labelcolor": "black",
    "ytick.labelcolor": "black",
    "pdf.fonttype": 42,  # TrueType: text in the PDF stays text (searchable, copyable)
    "ps.fonttype": 42,
    "svg.fonttype": "none",
    "svg.hashsalt": "psm-analysis",
    "path.simplify": True,
}

PNG_METADATA = {"Software": None}
PDF_METADATA = {"Creator": "psm-analysis", "Producer": None, "CreationDate": None}


# ---------------------------------------------------------------------------- style


def use_style() -> None:
    """Apply the thesis style to every later figure of this process."""
    mpl.rcParams.update(STYLE)


@contextlib.contextmanager
def thesis_style():
    """Apply the thesis style inside a ``with`` block only."""
    with mpl.rc_context(STYLE):
        yield


def decimal_comma_formatter(decimals: int | None = None, suffix: str = ""):
    """A matplotlib ``FuncFormatter`` writing ticks the Indonesian way (``1,5``; ``1.250``).

    ``decimals=None`` shows whole numbers without decimals and others with up to two.
    """
    from matplotlib.ticker import FuncFormatter

    base = tick_formatter(decimals)
    return FuncFormatter(lambda x, pos=None: base(x) + suffix)


def decimal_comma_axis(
    ax: Axes, axis: str = "y", decimals: int | None = None, suffix: str = ""
) -> Axes:
    """Give ``ax``'s ``axis`` ("x", "y" or "both") Indonesian tick labels; return ``ax``.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The axes to draw on.
    axis : {"x", "y", "both"}
        Which axis gets the formatter.
    decimals : int or None
        Decimal places of the ticks (``None``: none for whole numbers, up to two
        otherwise; see :func:`psm_analysis.numbers.format_number`).
    suffix : str
        Text after each number, e.g. ``" %"`` for values already in persen (0-100).

    Returns
    -------
    matplotlib.axes.Axes
        ``ax``, drawn on.

    Raises
    ------
    ValueError
        ``axis`` is not "x", "y" or "both".
    """
    if axis not in ("x", "y", "both"):
        raise ValueError(f"axis must be 'x', 'y' or 'both', got {axis!r}")
    for name in ("x", "y") if axis == "both" else (axis,):
        getattr(ax, f"{name}axis").set_major_formatter(decimal_comma_formatter(decimals, suffix))
    return ax


def colors_for(
    labels: Iterable[str], highlight: str | Iterable[str] | None = None, base: str = BASE
) -> list[str]:
    """One colour per label: :data:`HIGHLIGHT` for the highlighted ones, ``base`` else."""
    marked = _as_set(highlight)
    return [HIGHLIGHT if str(lab) in marked else base for lab in labels]


def _mark_ticks(ticklabels, marked: set[str]) -> None:
    """Bold, highlight-coloured tick labels for the marked names."""
    for tick in ticklabels:
        if tick.get_text() in marked:
            tick.set_fontweight("bold")
            tick.set_color(HIGHLIGHT)


def _as_set(items: str | Iterable[str] | None) -> set[str]:
    if items is None:
        return set()
    if isinstance(items, str):
        return {items}
    return {str(i) for i in items}


# ---------------------------------------------------------------------------- saving


def _png_bytes(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=300, metadata=PNG_METADATA)
    return buf.getvalue()


def _pdf_bytes(fig: Figure, title: str | None = None) -> bytes:
    meta = dict(PDF_METADATA)
    if title:
        meta["Title"] = title
    buf = io.BytesIO()
    with mpl.rc_context({"pdf.fonttype": 42, "svg.hashsalt": "psm-analysis"}):
        fig.savefig(buf, format="pdf", metadata=meta)
    return buf.getvalue()


class FigureRecord(dict):
    """The sidecar record :func:`save_figure` returns; in a notebook it displays as the
    figure's number, caption and source line (show the figure itself first)."""

    def _repr_html_(self) -> str:
        import html

        from psm_analysis.labels import italic_html, t
        from psm_analysis.sidecars import number_span

        return (
            f'<p class="psm-caption psm-caption-gambar"><strong>'
            f"{number_span('figure', self['name'], self['label'])}</strong> "
            f"{italic_html(self['caption'])}<br><small>{html.escape(t('sumber'))}: "
            f"{html.escape(self['source'])}</small></p>"
        )


def save_figure(
    fig: Figure,
    name: str,
    *,
    caption: str,
    source: str,
    number: str,
    index: int | None = None,
    notebook: str | None = None,
    demo: bool = False,
    paths=None,
    order: int | None = None,
    tempat: str | None = None,
) -> FigureRecord:
    """Write ``figures/<name>.png`` (300 dpi), ``.pdf`` and the sidecar ``.json``.

    In a notebook, call it through the chapter object ``notebook.setup`` returns
    (``bab.save_figure(fig, name, caption=..., source=...)``), which hands out the
    numbers; this function reads no notebook state.

    ``demo=True`` (a figure drawn from synthetic demo data) stamps "DATA CONTOH" across
    the figure, so it cannot pass for a research result once pasted into the thesis; the
    sidecar records ``"demo": true``.

    ``number`` is the reader-facing number ("2.1"), ``index`` its position in the
    notebook, ``notebook`` the notebook's number ("02"), ``order`` its place among the
    notebook's figures and tables together (for the one Word document of all of them),
    ``tempat`` its place in the thesis (a BAB, "lampiran" or "tidak"; ``None``: the
    notebook's BAB). The files are written atomically and are byte-identical for the same
    figure. Returns the sidecar record: ``kind``, ``name``, ``number``, ``label``
    ("Gambar V.1"), ``caption``, ``source``, ``notebook``, ``index``, ``order``,
    ``tempat``, ``files``.
    """
    from psm_analysis import files
    from psm_analysis.config import get_paths
    from psm_analysis.labels import t

    check_name(name)
    if not caption or not source:
        raise ValueError("save_figure needs a caption and a source")
    caption = caption_case(caption)  # one capitalisation for every caption (text.py)
    label = f"{t('gambar')} {number}" if number else ""
    folder = (paths or get_paths()).figures
    if demo:
        demo_stamp(fig)
    overlaps = text_overlaps(fig)
    small = _small_texts(fig, MIN_TEXT_PT, FIGURE_WIDTH_CM)  # laid out by text_overlaps
    png = _png_bytes(fig)
    # the number is not in the file: reproduce may renumber after all notebooks ran
    pdf = _pdf_bytes(fig, title=caption)
    record = FigureRecord(
        kind="figure",
        name=name,
        number=number,
        label=label,
        caption=caption,
        source=source,
        notebook=notebook,
        index=index,
        order=order,
        tempat=None if tempat is None else str(tempat),
        files=[f"{name}.png", f"{name}.pdf"],
    )
    if demo:
        record["demo"] = True
    import warnings

    if overlaps:
        # kept in the sidecar, where reproduce's tests look for it
        record["overlapping_text"] = [list(p) for p in overlaps]
        warnings.warn(f"{name}: texts overlap: {overlaps}", stacklevel=2)
    if small:
        record["small_text"] = [list(p) for p in small]
        warnings.warn(
            f"{name}: texts below {format_number(MIN_TEXT_PT)} pt at "
            f"{format_number(FIGURE_WIDTH_CM)} cm: {small}",
            stacklevel=2,
        )
    files.write_bytes(folder / f"{name}.png", png)
    files.write_bytes(folder / f"{name}.pdf", pdf)
    files.write_text(folder / f"{name}.json", sidecar_text(record))
    return record


def _drawn_texts(fig: Figure) -> list:
    """The text artists a reader sees in ``fig``: figure texts, titles, axis labels,
    tick labels of ticks in view, texts and annotations in the axes, legend texts (not
    the DATA CONTOH stamp, which is meant to lie across everything)."""
    texts = [t for t in fig.texts if t.get_gid() != DEMO_STAMP_GID]
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        texts += [ax.title, ax._left_title, ax._right_title, *ax.texts]
        for axis in (ax.xaxis, ax.yaxis):
            texts.append(axis.label)
            lo, hi = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if lo - 1e-9 <= tick.get_loc() <= hi + 1e-9:
                    texts += [tick.label1, tick.label2]
    for legend in _legends(fig):
        texts += [*legend.get_texts(), legend.get_title()]
    return [t for t in texts if t.get_visible() and t.get_text().strip()]


def _legends(fig: Figure) -> list:
    return [lg for lg in [*fig.legends, *(ax.get_legend() for ax in fig.axes)] if lg is not None]


def _laid_out(fig: Figure):
    """Lay ``fig`` out as a draw would (layout engine, ticks, legend placement, text
    sizes) without rasterising it, and return the renderer its texts were measured with:
    the canvas's own, at the figure's dpi, the one ``fig.canvas.draw()`` would use, so
    the boxes are the same as after a full draw (a test compares them)."""
    fig.draw_without_rendering()
    return fig._get_renderer()


def _labels_collide(fig: Figure, labels) -> bool:
    """Whether any two of ``labels`` (drawn texts of ``fig``) overlap."""
    renderer = _laid_out(fig)
    boxes = [t.get_window_extent(renderer) for t in labels if t.get_text()]
    return any(
        min(a.x1, b.x1) - max(a.x0, b.x0) > 0.5 and min(a.y1, b.y1) - max(a.y0, b.y0) > 0.5
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
    )


def text_overlaps(fig: Figure) -> list[tuple[str, str]]:
    """Pairs of texts whose drawn boxes intersect in ``fig``, and texts that run into a
    legend they are not part of: ``[("Bunut", "Pelalawan"), ...]`` (empty when the
    layout is clean). Boxes that merely touch do not count."""
    renderer = _laid_out(fig)
    from matplotlib.text import Text

    texts = _drawn_texts(fig)
    # the text's own box: an annotation's box would take in its leader line
    boxes = [Text.get_window_extent(t, renderer) for t in texts]

    def hit(a, b) -> bool:
        w = min(a.x1, b.x1) - max(a.x0, b.x0)
        h = min(a.y1, b.y1) - max(a.y0, b.y0)
        return w > 0.5 and h > 0.5

    found = []
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            if hit(boxes[i], boxes[j]):
                found.append((texts[i].get_text(), texts[j].get_text()))
    for legend in _legends(fig):
        box = legend.get_window_extent(renderer)
        own = {id(t) for t in [*legend.get_texts(), legend.get_title()]}
        for t, b in zip(texts, boxes, strict=True):
            if id(t) not in own and hit(b, box):
                found.append((t.get_text(), "legenda"))
    return found


def printed_size(fig: Figure, size: float, width_cm: float = FIGURE_WIDTH_CM) -> float:
    """A font size of ``fig`` (pt at the drawn size) at the printed width.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure, drawn ``fig.get_figwidth()`` inches wide.
    size : float
        A font size in ``fig`` (pt).
    width_cm : float
        The width the figure is printed at (cm; default: the width Word inserts it at,
        :data:`psm_analysis.worddoc.FIGURE_WIDTH_CM`).

    Returns
    -------
    float
        ``size * width_cm / drawn width (cm)``, in pt.
    """
    return size * width_cm / (fig.get_figwidth() * 2.54)


def _small_texts(fig: Figure, minimum: float, width_cm: float) -> list[tuple[str, float]]:
    """:func:`small_texts` of a figure already laid out."""
    found = []
    for text in _drawn_texts(fig):
        size = printed_size(fig, text.get_fontsize(), width_cm)
        if size < minimum - 1e-9:
            found.append((text.get_text(), round(size, 2)))
    return found


def small_texts(
    fig: Figure, minimum: float = MIN_TEXT_PT, width_cm: float = FIGURE_WIDTH_CM
) -> list[tuple[str, float]]:
    """The texts of ``fig`` smaller than ``minimum`` pt when the figure is printed
    ``width_cm`` wide, with their printed size: ``[("Bunut", 7.88), ...]`` (empty when
    every text is large enough).

    The texts are those a reader sees (:func:`text_overlaps` checks the same ones:
    titles, axis and tick labels, texts and annotations, legends, colour bars); a size
    at the printed width is the drawn size times the printed width over the drawn width
    (:func:`printed_size`).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure to check.
    minimum : float
        Smallest printed size allowed (pt; default :data:`MIN_TEXT_PT`, 9 pt).
    width_cm : float
        Printed width (cm; default :data:`psm_analysis.worddoc.FIGURE_WIDTH_CM`).

    Returns
    -------
    list of (str, float)
        Each text too small and its printed size (pt, two decimals), in drawing order.
    """
    _laid_out(fig)
    return _small_texts(fig, minimum, width_cm)


#: The gid of the demo stamp, so it is drawn once however often a figure is saved.
DEMO_STAMP_GID = "psm-demo-stamp"


def demo_stamp(fig: Figure) -> None:
    """Write "DATA CONTOH" diagonally across ``fig`` in a light colour (once)."""
    from psm_analysis.labels import t

    if any(txt.get_gid() == DEMO_STAMP_GID for txt in fig.texts):
        return
    word = t("demo_banner").split(" - ")[0]
    width, height = fig.get_size_inches()
    # as large as fits: the rotated word spans about 80 % of the shorter extent
    size = max(14.0, min(40.0, 0.8 * min(width, 2.2 * height) * 72 / (0.75 * len(word))))
    fig.text(
        0.5,
        0.5,
        word,
        ha="center",
        va="center",
        rotation=20,
        rotation_mode="anchor",
        fontsize=size,
        fontweight="bold",
        color=OKABE_ITO["vermillion"],
        alpha=0.18,
        zorder=100,
        gid=DEMO_STAMP_GID,
    )


# ---------------------------------------------------------------------------- helpers


def bar_chart(
    ax: Axes,
    labels: Sequence[str],
    values: Sequence[float],
    *,
    highlight: str | Iterable[str] | None = None,
    horizontal: bool = True,
    sort: str | None = "descending",
    value_labels: bool = True,
    decimals: int = 0,
    xlabel: str | None = None,
    ylabel: str | None = None,
    color: str = BASE,
) -> Axes:
    """Bars with one (or more) highlighted in :data:`HIGHLIGHT`, value labels beside them.

    ``sort`` is ``"descending"`` (largest at the top of a horizontal chart), ``"ascending"``
    or ``None`` (keep the order given; ties keep it too).

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The axes to draw on.
    labels : sequence of str
        One name per bar (e.g. kecamatan).
    values : sequence of float
        One value per bar, in the unit the axis label names (orang, persen ...), same
        length as ``labels``.
    highlight : str, iterable of str or None
        Label(s) drawn in :data:`HIGHLIGHT` (vermillion) with a bold tick label, e.g. the
        study site "Bunut".
    horizontal : bool
        Horizontal bars (names on the y axis) or vertical ones.
    sort : {"descending", "ascending", None}
        Bar order.
    value_labels : bool
        Write each value beside its bar, the Indonesian way.
    decimals : int
        Decimal places of the value labels.
    xlabel, ylabel : str or None
        Axis labels (Indonesian).
    color : str
        Colour of the other bars (default :data:`BASE`, Okabe-Ito blue).

    Returns
    -------
    matplotlib.axes.Axes
        ``ax``, drawn on.

    Raises
    ------
    ValueError
        ``labels`` and ``values`` differ in length, or ``sort`` is not one of the three.
    """
    pairs = list(zip([str(lab) for lab in labels], [float(v) for v in values], strict=True))
    if sort == "descending":
        pairs.sort(key=lambda p: -p[1])
    elif sort == "ascending":
        pairs.sort(key=lambda p: p[1])
    elif sort is not None:
        raise ValueError(f"sort must be 'descending', 'ascending' or None, got {sort!r}")
    names = [p[0] for p in pairs]
    vals = [p[1] for p in pairs]
    colors = colors_for(names, highlight, base=color)
    marked = _as_set(highlight)
    pos = list(range(len(names)))
    if horizontal:
        pos = pos[::-1]  # first item at the top
        ax.barh(pos, vals, color=colors, height=0.7)
        ax.set_yticks(pos, names)
        ax.tick_params(axis="y", length=0)
        ax.spines["left"].set_visible(False)
        ax.xaxis.grid(True)
        decimal_comma_axis(ax, "x")
        _mark_ticks(ax.get_yticklabels(), marked)
    else:
        ax.bar(pos, vals, color=colors, width=0.7)
        ax.set_xticks(pos, names)
        ax.yaxis.grid(True)
        decimal_comma_axis(ax, "y")
        _mark_ticks(ax.get_xticklabels(), marked)
    if vals and all(float(v).is_integer() for v in vals):
        from matplotlib.ticker import MaxNLocator

        (ax.xaxis if horizontal else ax.yaxis).set_major_locator(MaxNLocator(integer=True))
    if value_labels:
        vmax = max(vals) if vals else 0
        pad = vmax * 0.01
        for p, v, name in zip(pos, vals, names, strict=True):
            text = format_number(v, decimals=decimals)
            weight = "bold" if name in marked else "normal"
            # a white box keeps the number readable over grid or reference lines
            box = {"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none"}
            xy, align = (
                ((v + pad, p), ("center", "left"))
                if horizontal
                else ((p, v + pad), ("bottom", "center"))
            )
            ax.text(
                *xy,
                text,
                va=align[0],
                ha=align[1],
                fontsize=9,
                fontweight=weight,
                bbox=box,
                zorder=4,
            )
        if horizontal:
            ax.set_xlim(0, vmax * 1.1 if vmax else 1)
        else:
            ax.set_ylim(0, vmax * 1.12 if vmax else 1)
    if xlabel:
        ax.set_xlabel(xlabel)
    if ylabel:
        ax.set_ylabel(ylabel)
    return ax


def waffle(
    ax: Axes,
    filled: int,
    total: int,
    *,
    ncols: int = 20,
    filled_label: str | None = None,
    empty_label: str | None = None,
    filled_color: str = BASE,
    empty_color: str = MUTED,
    legend: bool = True,
) -> Axes:
    """A waffle chart: ``total`` squares in rows of ``ncols``, the first ``filled`` coloured.

    Squares fill row by row from the top left, so whole rows read as blocks of ``ncols``.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The axes to draw on.
    filled : int
        Squares coloured (e.g. PSM trained, orang).
    total : int
        All squares (e.g. all PSM, orang); one square per person.
    ncols : int
        Squares per row.
    filled_label, empty_label : str or None
        Legend texts of the two kinds of square (Indonesian).
    filled_color, empty_color : str
        Their colours (default :data:`BASE` and :data:`MUTED`).
    legend : bool
        Draw the legend below the chart (when a label is given).

    Returns
    -------
    matplotlib.axes.Axes
        ``ax``, drawn on.

    Raises
    ------
    ValueError
        Not ``0 <= filled <= total`` or ``total <= 0``.
    """
    from matplotlib.patches import Patch, Rectangle

    if not 0 <= filled <= total or total <= 0:
        raise ValueError(f"need 0 <= filled <= total and total > 0, got {filled}, {total}")
    nrows = -(-total // ncols)
    gap = 0.12
    for i in range(total):
        row, col = divmod(i, ncols)
        y = nrows - 1 - row
        ax.add_patch(
            Rectangle(
                (col + gap / 2, y + gap / 2),
                1 - gap,
                1 - gap,
                linewidth=0,
                facecolor=filled_color if i < filled else empty_color,
            )
        )
    ax.set_xlim(0, ncols)
    ax.set_ylim(0, nrows)
    ax.set_aspect("equal")
    ax.set_axis_off()
    if legend and (filled_label or empty_label):
        handles = [
            Patch(facecolor=filled_color, label=filled_label or ""),
            Patch(facecolor=empty_color, label=empty_label or ""),
        ]
        ax.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, 0.0),
            ncols=2,
            handlelength=1.2,
            handleheight=1.2,
            fontsize=10,
        )
    return ax


def timeline(
    ax: Axes,
    events: pd.DataFrame,
    *,
    year: str = "tahun",
    label: str = "kegiatan",
    kind: str | None = None,
    start: int | None = None,
    end: int | None = None,
    gap_years: Iterable[int] = (),
    gap_label: str | None = None,
    colors: dict[str, str] | None = None,
    wrap: int = 20,
    min_gap: float = 2,
) -> Axes:
    """A horizontal timeline: one marker per event, labels alternately above and below
    the line (stacked higher when a label on the same side is less than ``min_gap`` years
    away; wrapped at ``wrap`` characters), and shaded years in ``gap_years`` (e.g. years
    without training).

    ``kind`` names a column whose values pick the marker colour through ``colors``.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The axes to draw on.
    events : pandas.DataFrame
        One row per event (e.g. :func:`psm_analysis.training.timeline_events`) with the
        ``year`` and ``label`` columns (at least one row).
    year : str
        Column of the event years (tahun, whole numbers).
    label : str
        Column of the event texts.
    kind : str or None
        Column whose values pick each marker's colour through ``colors``.
    start, end : int or None
        First and last year on the axis (default: the events' and gaps' range).
    gap_years : iterable of int
        Years to shade (consecutive years shade as one band).
    gap_label : str or None
        Text written in each shaded band.
    colors : dict of str to str or None
        Value of ``kind`` -> colour (others :data:`BASE`).
    wrap : int
        Characters per label line.
    min_gap : float
        Years between labels on one side below which they stack (up to three levels).

    Returns
    -------
    matplotlib.axes.Axes
        ``ax``, drawn on.

    Raises
    ------
    KeyError
        A named column is missing.
    ValueError
        ``events`` is empty and ``start`` or ``end`` is not given.
    """

    ev = events.sort_values([year], kind="stable").reset_index(drop=True)
    years = [int(y) for y in ev[year]]
    lo = start if start is not None else min(years)
    hi = end if end is not None else max(years)
    import textwrap

    gaps = sorted(int(g) for g in gap_years)
    if gaps:
        lo, hi = min(lo, gaps[0]), max(hi, gaps[-1])
    ax.axhline(0, color=GREY_TEXT, linewidth=1.2, zorder=1)
    runs: list[list[int]] = []
    for g in gaps:
        if runs and g == runs[-1][-1] + 1:
            runs[-1].append(g)
        else:
            runs.append([g])
    last: dict[int, tuple[float, int]] = {}  # side -> (x of last label, its level)
    top = 1
    for i, row in ev.iterrows():
        y = int(row[year])
        side = 1 if i % 2 == 0 else -1
        prev = last.get(side)
        level = 1 if prev is None or y - prev[0] > min_gap else prev[1] % 3 + 1
        last[side] = (y, level)
        top = max(top, level)
        height = side * (0.35 + 0.75 * (level - 1))
        c = BASE
        if kind is not None and colors:
            c = colors.get(str(row[kind]), BASE)
        ax.plot([y], [0], marker="o", markersize=8, color=c, zorder=4)
        ax.plot([y, y], [0, height], color=c, linewidth=1, zorder=2)
        ax.text(
            y,
            height,
            textwrap.fill(str(row[label]), wrap),
            ha="center",
            va="bottom" if side > 0 else "top",
            fontsize=MIN_TEXT_PT,
            zorder=3,
            bbox={
                "boxstyle": "round,pad=0.3",
                "facecolor": "white",
                "edgecolor": c,
                "linewidth": 0.8,
            },
        )
    ax.set_xlim(lo - 1.0, hi + 1.0)
    # room under the lowest labels for the shaded years' label
    reach = 0.35 + 0.75 * (top - 1) + 0.9 + (0.45 if gap_label and runs else 0)
    ax.set_ylim(-reach, reach)
    for run in runs:
        ax.axvspan(run[0] - 0.5, run[-1] + 0.5, color=MUTED, alpha=0.3, linewidth=0, zorder=0)
        if gap_label:
            ax.text(
                (run[0] + run[-1]) / 2,
                -reach + 0.08,
                textwrap.fill(gap_label, max(10, 9 * len(run))),
                ha="center",
                va="bottom",
                fontsize=MIN_TEXT_PT,
                style="italic",
                color=GREY_TEXT,
                zorder=1,
            )
    ax.set_xticks(range(lo, hi + 1), [str(y) for y in range(lo, hi + 1)])
    ax.tick_params(axis="x", length=0)
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_visible(False)
    return ax


def scatter_identity(
    ax: Axes,
    x: Sequence[float],
    y: Sequence[float],
    labels: Sequence[str],
    *,
    highlight: str | Iterable[str] | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    identity_label: str | None = None,
    offsets: dict[str, tuple[float, float]] | None = None,
    off_line_label: str | None = None,
) -> Axes:
    """Points with the 1:1 line (y = x), each labelled.

    Points at the same place share one label ("Kerumutan, Pangkalan Lesung"); a
    highlighted name gets its own label in :data:`HIGHLIGHT` with a short leader line.
    Points off the line are drawn in :data:`OFF_LINE` (orange). Labels sit right of
    points on or below the line and left of points above it; ``offsets`` (first name of
    a label -> dx, dy in points) moves a label.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The axes to draw on.
    x, y : sequence of float
        Coordinates in the same unit on both axes (e.g. desa/kelurahan and PSM per
        kecamatan), same length as ``labels``.
    labels : sequence of str
        One name per point.
    highlight : str, iterable of str or None
        Name(s) drawn in :data:`HIGHLIGHT` with their own label.
    xlabel, ylabel : str or None
        Axis labels (Indonesian).
    identity_label : str or None
        Legend text of the 1:1 line.
    offsets : dict of str to (float, float) or None
        First name of a label -> its offset (dx, dy) in points.
    off_line_label : str or None
        Legend text of the points off the line (shown only when there are any).

    Returns
    -------
    matplotlib.axes.Axes
        ``ax``, drawn on.

    Raises
    ------
    ValueError
        ``x``, ``y`` and ``labels`` differ in length.
    """
    xs = [float(v) for v in x]
    ys = [float(v) for v in y]
    names = [str(v) for v in labels]
    marked = _as_set(highlight)
    lo = min(xs + ys)
    hi = max(xs + ys)
    span = hi - lo or 1
    lo_l, hi_l = lo - 0.08 * span - 0.5, hi + 0.08 * span + 0.5
    ax.plot(
        [lo_l, hi_l],
        [lo_l, hi_l],
        color=GREY_TEXT,
        linestyle="--",
        linewidth=1,
        zorder=1,
        label=identity_label,
    )
    groups: dict[tuple[float, float], list[str]] = {}
    for xi, yi, n in zip(xs, ys, names, strict=True):
        groups.setdefault((xi, yi), []).append(n)
    for (xi, yi), members in sorted(groups.items()):
        is_marked = any(m in marked for m in members)
        on_line = xi == yi
        ax.scatter(
            [xi],
            [yi],
            s=60 + 25 * (len(members) - 1),
            color=HIGHLIGHT if is_marked else (BASE if on_line else OFF_LINE),
            edgecolor="white",
            linewidth=0.8,
            zorder=3,
        )
        plain = sorted(m for m in members if m not in marked)
        special = sorted(m for m in members if m in marked)
        default = (-6, 0) if yi > xi else (6, -3)
        for group, is_special in ((plain, False), (special, True)):
            if not group:
                continue
            # a highlighted name sharing its point goes down and right, clear of the
            # neighbours' labels, with a leader line
            start = (36, -36) if is_special and plain else default
            dx, dy = (offsets or {}).get(group[0], start)
            style = {"fontsize": MIN_TEXT_PT}
            if is_special:
                style = {"fontsize": 9, "color": HIGHLIGHT, "fontweight": "bold"}
                if plain:
                    style["arrowprops"] = {"arrowstyle": "-", "color": HIGHLIGHT, "linewidth": 0.8}
            ax.annotate(
                ", ".join(group),
                (xi, yi),
                xytext=(dx, dy),
                textcoords="offset points",
                ha="left" if dx >= 0 else "right",
                va="center",
                **style,
            )
    ax.set_xlim(lo_l, hi_l)
    ax.set_ylim(lo_l, hi_l)
    ax.set_aspect("equal")
    ax.grid(True)
    decimal_comma_axis(ax, "both")
    if xlabel:
        ax.set_xlabel(xlabel)
    if ylabel:
        ax.set_ylabel(ylabel)
    if identity_label or off_line_label:
        from matplotlib.lines import Line2D

        handles = []
        if identity_label:
            handles.append(
                Line2D([], [], color=GREY_TEXT, linestyle="--", linewidth=1, label=identity_label)
            )
        if off_line_label and any(xi != yi for xi, yi in groups):
            handles.append(
                Line2D([], [], color=OFF_LINE, marker="o", linestyle="", label=off_line_label)
            )
        # above the plot, where no point or label can be
        ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.0, 1.01), borderaxespad=0)
    return ax


def heatmap(
    ax: Axes,
    data: pd.DataFrame,
    *,
    cmap: str = "Blues",
    annotate: bool = True,
    decimals: int = 0,
    vmin: float | None = None,
    vmax: float | None = None,
    colorbar_label: str | None = None,
    highlight_rows: str | Iterable[str] | None = None,
    xrotation: float = 0,
    show_zero: bool = True,
    wrap: int = 11,
) -> Axes:
    """A labelled heatmap of a numeric DataFrame (rows x columns), cells annotated with
    Indonesian numbers; a colour bar with decimal comma (whole-number ticks when every
    value is whole), or for a 0/1 matrix a legend of its two colours. ``show_zero=False``
    leaves zero cells unlabelled (less clutter in count matrices); ``xrotation`` turns
    the column labels (90 = vertical); upright labels wrap after ``wrap`` characters
    (and after a "/"), so that neighbours do not run into each other."""
    import textwrap

    import numpy as np
    from matplotlib.ticker import MaxNLocator

    values = data.to_numpy(dtype=float)
    finite_all = values[np.isfinite(values)]
    binary = bool(finite_all.size) and set(np.unique(finite_all)) <= {0.0, 1.0}
    if binary:
        vmin, vmax = 0, 1
    im = ax.imshow(values, cmap=cmap, aspect="auto", vmin=vmin, vmax=vmax)
    columns = [str(c) for c in data.columns]
    if xrotation == 0:
        columns = [textwrap.fill(c.replace("/", "/ "), wrap).replace("/ ", "/") for c in columns]
    ax.set_xticks(
        range(data.shape[1]),
        columns,
        rotation=xrotation,
        ha="center" if xrotation in (0, 90) else "right",
    )
    ax.set_yticks(range(data.shape[0]), [str(i) for i in data.index])
    ax.tick_params(length=0)
    for s in ax.spines.values():
        s.set_visible(False)
    _mark_ticks(ax.get_yticklabels(), _as_set(highlight_rows))
    if annotate:
        finite = values[np.isfinite(values)]
        lo = vmin if vmin is not None else (finite.min() if finite.size else 0)
        hi = vmax if vmax is not None else (finite.max() if finite.size else 1)
        mid = (lo + hi) / 2
        for i in range(values.shape[0]):
            for j in range(values.shape[1]):
                v = values[i, j]
                if not np.isfinite(v) or (v == 0 and not show_zero):
                    continue
                ax.text(
                    j,
                    i,
                    format_number(v, decimals=decimals),
                    ha="center",
                    va="center",
                    fontsize=MIN_TEXT_PT,
                    color="white" if v > mid else "black",
                )
    if binary:
        from matplotlib.patches import Patch

        handles = [
            Patch(facecolor=im.cmap(im.norm(v)), edgecolor=GREY_TEXT, linewidth=0.5, label=lab)
            for v, lab in ((0, "0 (tidak)"), (1, "1 (ya)"))
        ]
        # above the matrix, in one row: the columns keep the whole width
        ax.legend(
            handles=handles,
            title=colorbar_label,
            loc="lower left",
            bbox_to_anchor=(0.0, 1.02),
            borderaxespad=0,
            ncols=2,
        )
        return _upright_if_crowded(ax, data, xrotation)
    cbar = ax.figure.colorbar(im, ax=ax, shrink=0.8)
    if finite_all.size and np.all(finite_all == np.round(finite_all)):
        cbar.ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    cbar.ax.yaxis.set_major_formatter(decimal_comma_formatter())
    if colorbar_label:
        cbar.set_label(colorbar_label)
    return _upright_if_crowded(ax, data, xrotation)


def _upright_if_crowded(ax: Axes, data: pd.DataFrame, xrotation: float) -> Axes:
    """Turn the column names upright when, even wrapped, neighbours run into each other."""
    if xrotation == 0 and _labels_collide(ax.figure, ax.get_xticklabels()):
        ax.set_xticks(range(data.shape[1]), [str(c) for c in data.columns], rotation=90)
    return ax


def likert_colors(n: int) -> list[str]:
    """``n`` colours from disagreement (vermillion/orange) through a grey middle to
    agreement (sky blue/blue); colour-blind safe."""
    if not 2 <= n <= 7:
        raise ValueError(f"likert_colors supports 2 to 7 categories, got {n}")
    neg = [OKABE_ITO["vermillion"], OKABE_ITO["orange"], "#F5C77E"]  # strongest first
    pos = [OKABE_ITO["blue"], OKABE_ITO["sky_blue"], "#A6D4F2"]  # strongest first
    half = n // 2
    out = neg[:half] + (["#CCCCCC"] if n % 2 else []) + pos[:half][::-1]
    return out


def likert_diverging(
    ax: Axes,
    counts: pd.DataFrame,
    *,
    percent: bool = True,
    neutral: str | None = None,
    colors: Sequence[str] | None = None,
    xlabel: str | None = None,
    legend: bool = True,
    value_labels: bool = True,
) -> Axes:
    """Diverging stacked bars for Likert items.

    ``counts`` has one row per item (index = item label, top to bottom in this order) and
    one column per answer category, ordered from most negative to most positive (e.g.
    STS, TS, N, S, SS). The negative categories extend left of zero, the positive ones
    right; a middle (neutral) category, when the number of categories is odd or named by
    ``neutral``, is split half left, half right. With ``percent`` each row is shown as
    per cent of its answers (empty rows stay empty).

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The axes to draw on.
    counts : pandas.DataFrame
        Answer counts (orang), e.g. :func:`psm_analysis.survey.report.likert_counts`.
    percent : bool
        Show each row as persen (0-100) of its answers instead of counts.
    neutral : str or None
        The middle category's column (default: the middle one when their number is odd).
    colors : sequence of str or None
        One colour per category (default :func:`likert_colors`, colour-blind safe, 2 to 7
        categories).
    xlabel : str or None
        Axis label (Indonesian).
    legend : bool
        Draw the category legend above the bars.
    value_labels : bool
        Write segment values inside the bars: with ``percent`` the per cent of the row
        with :data:`~psm_analysis.numbers.PERCENT_DECIMALS` decimals and no "%" (the axis
        label carries the unit, as a table header does), the rule of every table and
        sentence, in segments of :data:`LIKERT_LABEL_MIN_PERCENT` or more; otherwise
        counts, in segments of one answer or more.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax``, drawn on.

    Raises
    ------
    ValueError
        Fewer than two categories, ``neutral`` not a column, or (with default colours)
        more than seven categories.
    """
    import numpy as np

    cats, vals, left_start = _likert_shares(counts, percent, neutral)
    n = len(cats)
    colors = list(colors) if colors is not None else likert_colors(n)
    items = [str(i) for i in counts.index]
    pos = np.arange(len(items))[::-1]
    ends = _likert_bars(ax, cats, vals, left_start, pos, 0.65, colors, value_labels, percent)
    ax.axvline(0, color=GREY_TEXT, linewidth=0.8, zorder=1)  # behind the bars and labels
    ax.set_yticks(pos, items)
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    _likert_xaxis(ax, left_start, ends, percent, xlabel)
    ax.xaxis.grid(True)
    if legend:
        ax.legend(
            loc="lower center",
            bbox_to_anchor=(0.5, 1.01),
            ncols=n if n <= 5 else (n + 1) // 2,
            fontsize=MIN_TEXT_PT,
            handlelength=1.2,
            columnspacing=1.0,
        )
    return ax


def _likert_shares(counts: pd.DataFrame, percent: bool, neutral: str | None):
    """The categories, the values to draw (counts, or per cent of each row) and where
    each row's bar starts left of zero (the middle category split half left)."""
    import numpy as np

    cats = [str(c) for c in counts.columns]
    n = len(cats)
    if n < 2:
        raise ValueError("likert_diverging needs at least two answer categories")
    if neutral is None and n % 2 == 1:
        neutral = cats[n // 2]
    if neutral is not None and neutral not in cats:
        raise ValueError(f"neutral category {neutral!r} is not a column of counts")
    mid = cats.index(neutral) if neutral is not None else n // 2
    vals = counts.to_numpy(dtype=float)
    if percent:
        totals = vals.sum(axis=1, keepdims=True)
        with np.errstate(invalid="ignore", divide="ignore"):
            vals = np.where(totals > 0, vals / totals * 100, 0.0)
    if neutral is not None:
        left_start = -(vals[:, :mid].sum(axis=1) + vals[:, mid] / 2)
    else:
        left_start = -vals[:, :mid].sum(axis=1)
    return cats, vals, left_start


def _likert_bars(ax, cats, vals, left_start, pos, height, colors, value_labels, percent):
    """Stack the categories' bars at ``pos`` (per cent with the tables' decimals from
    :data:`LIKERT_LABEL_MIN_PERCENT`, or counts from one answer, written in them); return
    where each row ends right of zero."""
    starts = left_start.copy()
    for j, cat in enumerate(cats):
        width = vals[:, j]
        ax.barh(
            pos,
            width,
            left=starts,
            color=colors[j],
            height=height,
            label=cat,
            edgecolor="white",
            linewidth=0.5,
            zorder=2,
        )
        if value_labels:
            for p, s, w in zip(pos, starts, width, strict=True):
                if w >= (LIKERT_LABEL_MIN_PERCENT if percent else 1):
                    dark = colors[j] in (OKABE_ITO["vermillion"], OKABE_ITO["blue"])
                    ax.text(
                        s + w / 2,
                        p,
                        format_number(w, decimals=PERCENT_DECIMALS if percent else 0),
                        ha="center",
                        va="center",
                        fontsize=MIN_TEXT_PT,
                        color="white" if dark else "black",
                    )
        starts = starts + width
    return starts


def _likert_xaxis(ax, left_start, ends, percent: bool, xlabel: str | None) -> None:
    """A symmetric x axis wide enough for every row, ticks without a minus sign."""
    import numpy as np
    from matplotlib.ticker import FuncFormatter, MultipleLocator

    lim = max(float(np.abs(left_start).max(initial=0)), float(ends.max(initial=0)), 1)
    if percent:
        lim = min(100.0, math.ceil((lim + 2) / 10) * 10)
        ax.xaxis.set_major_locator(MultipleLocator(25))
    else:
        lim = lim * 1.05
    ax.set_xlim(-lim, lim)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, p=None: format_number(abs(v))))
    if xlabel:
        ax.set_xlabel(xlabel)


def _wrap_to_width(fig: Figure, text: str, width_pt: float, size: float) -> str:
    """``text`` wrapped at word boundaries (``textwrap``, never cut) into lines at most
    ``width_pt`` points wide in the thesis font at ``size`` pt, measured by ``fig``'s
    renderer (a word longer than a line stands alone on its line)."""
    import textwrap

    from matplotlib.font_manager import FontProperties

    renderer = fig._get_renderer()
    prop = FontProperties(family=STYLE["font.sans-serif"], size=size)
    to_pt = 72 / fig.dpi

    def fits(line: str) -> bool:
        w = renderer.get_text_width_height_descent(line, prop, ismath=False)[0]
        return w * to_pt <= width_pt

    text = str(text)
    longest = max([len(w) for w in text.split()] + [1])
    for chars in range(max(len(text), 1), longest - 1, -1):
        lines = textwrap.wrap(text, chars, break_long_words=False) or [""]
        if all(fits(line) for line in lines):
            return "\n".join(lines)
    return "\n".join(textwrap.wrap(text, longest, break_long_words=False))


#: Geometry of :func:`likert_figure` rows, in points: one line of a statement, the gap
#: between a statement and its bar, the bar, and the gap below the bar.
_LIKERT_ROW = {"line": 10.5, "above_bar": 1.5, "bar": 11.0, "below_bar": 5.0}


def likert_figure(
    counts: pd.DataFrame,
    *,
    xlabel: str | None = None,
    percent: bool = True,
    neutral: str | None = None,
    colors: Sequence[str] | None = None,
    unit: str = "responden",
) -> Figure:
    """A thesis-width figure of diverging Likert bars, each item's whole statement above
    its bar and the bars across the whole width.

    The bars are those of :func:`likert_diverging`. Each row's label (the index of
    ``counts``, e.g. "KIN01 Saya segera ...") is written in full, wrapped at word
    boundaries to the width of the bars (never cut), above its bar; the legend of the
    answer categories stands above the chart. The number of answers is shown: in the
    axis label when every item has the same number ("n = 10 responden"), otherwise after
    each statement. The figure is :data:`TEXT_WIDTH` wide and as high as its rows need.

    Parameters
    ----------
    counts : pandas.DataFrame
        Answer counts (orang): one row per item (index = label, top to bottom in this
        order), one column per answer category from the most negative to the most
        positive, e.g. :func:`psm_analysis.survey.report.likert_counts`.
    xlabel : str or None
        Axis label (Indonesian), e.g. "Persentase jawaban (%)".
    percent : bool
        Show each row as persen (0-100) of its answers instead of counts.
    neutral : str or None
        The middle category's column (default: the middle one when their number is odd).
    colors : sequence of str or None
        One colour per category (default :func:`likert_colors`).
    unit : str
        What one answer is, after "n = 10" (Indonesian).

    Returns
    -------
    matplotlib.figure.Figure
        The figure; save it with ``bab.save_figure``.

    Raises
    ------
    ValueError
        As :func:`likert_diverging`, or ``counts`` has no rows.
    """
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib.patches import Patch
    from matplotlib.transforms import blended_transform_factory

    if counts.empty:
        raise ValueError("likert_figure needs at least one item")
    cats, vals, left_start = _likert_shares(counts, percent, neutral)
    colors = list(colors) if colors is not None else likert_colors(len(cats))
    totals = counts.to_numpy(dtype=float).sum(axis=1)
    same_n = bool(np.all(totals == totals[0]))
    labels = [str(i) for i in counts.index]
    if not same_n:
        labels = [f"{lab} (n = {format_number(n)})" for lab, n in zip(labels, totals, strict=True)]
    elif xlabel:
        xlabel = f"{xlabel}; n = {format_number(totals[0])} {unit}"
    # constrained layout also outside the thesis style: the legend "outside" the axes
    fig, ax = plt.subplots(figsize=(TEXT_WIDTH, 4.0), layout="constrained")
    _likert_xaxis(ax, left_start, left_start + vals.sum(axis=1), percent, xlabel)
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    fig.legend(
        handles=[Patch(facecolor=c, label=cat) for c, cat in zip(colors, cats, strict=True)],
        loc="outside upper center",
        ncols=len(cats) if len(cats) <= 5 else (len(cats) + 1) // 2,
        handlelength=0.8,
        handletextpad=0.4,
        columnspacing=0.7,
    )
    ax.set_ylim(0, 1)
    _laid_out(fig)
    box = ax.get_position()
    width_pt = box.width * fig.get_figwidth() * 72
    row = _LIKERT_ROW
    # a little to spare: the rasteriser's glyphs can run a little wider than their outlines
    wrapped = [_wrap_to_width(fig, lab, 0.97 * width_pt, MIN_TEXT_PT) for lab in labels]
    heights = [
        (w.count("\n") + 1) * row["line"] + row["above_bar"] + row["bar"] + row["below_bar"]
        for w in wrapped
    ]
    total = float(sum(heights))
    tops = total - np.concatenate([[0.0], np.cumsum(heights)[:-1]])
    centres = tops - np.array(heights) + row["below_bar"] + row["bar"] / 2
    _likert_bars(ax, cats, vals, left_start, centres, row["bar"], colors, True, percent)
    left = blended_transform_factory(ax.transAxes, ax.transData)
    for text, c in zip(wrapped, centres, strict=True):
        label = ax.text(
            0,
            c + row["bar"] / 2 + row["above_bar"],
            text,
            transform=left,
            va="bottom",
            fontsize=MIN_TEXT_PT,
        )
        # wrapped to the axes already: the layout must not shrink the axes for it again
        label.set_in_layout(False)
        # zero: behind the bars, seen just above and below them
        ax.vlines(
            0, c - row["bar"] / 2 - 2, c + row["bar"] / 2 + 2, color=GREY_TEXT, lw=0.8, zorder=1
        )
    # as high as the rows need: the space around the axes stays what the layout gave it
    around = fig.get_figheight() * (1 - box.height)
    fig.set_figheight(total / 72 + around)
    ax.set_ylim(0, total)
    return fig


def heatmap_figure(
    wide: pd.DataFrame,
    title: str | None = None,
    colorbar_label: str | None = None,
    vertical_columns: bool = False,
):
    """A thesis-width heatmap of a wide matrix (rows = findings); returns the Figure.

    Parameters
    ----------
    wide : pandas.DataFrame
        Numeric matrix, e.g. :func:`psm_analysis.interviews.results.wide_by_group`: one
        row per finding (code label), one column per group or informant, counts in the
        cells (annotated the Indonesian way).
    title : str or None
        Axes title (Indonesian); leave it out for a figure whose caption says the same
        (the caption goes under the figure in Word and on the pages).
    colorbar_label : str or None
        Label of the colour bar, with the unit (e.g. "Jumlah informan"); the legend
        title of a 0/1 matrix.
    vertical_columns : bool
        Turn the column labels to vertical (many informant columns).

    Returns
    -------
    matplotlib.figure.Figure
        A new figure :data:`TEXT_WIDTH` (14 cm) wide and 5.2 in high; save it with
        ``bab.save_figure``.
    """
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(TEXT_WIDTH, 5.2))
    heatmap(ax, wide, colorbar_label=colorbar_label, xrotation=90 if vertical_columns else 0)
    if title:  # above the legend of a 0/1 matrix, which stands above the matrix
        ax.set_title(title, pad=40 if ax.get_legend() else 6)
    return fig


def desa_dot_chart(
    ax: Axes,
    names: Sequence[str],
    counts: Sequence[int],
    trained: Sequence[int],
) -> Axes:
    """One dot per PSM for each desa (one row each, in the order given, first at the top):
    filled when the PSM had Diklat, hollow when not; a desa without a PSM gets a cross at
    zero and the words "tanpa PSM" in the highlight colour.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The axes to draw on.
    names : sequence of str
        One desa/kelurahan per row.
    counts : sequence of int
        PSM per desa (orang).
    trained : sequence of int
        PSM with Diklat per desa (orang, at most ``counts``); same length as ``counts``.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax``, drawn on.

    Raises
    ------
    ValueError
        ``counts`` and ``trained`` differ in length.
    """
    from matplotlib.lines import Line2D
    from matplotlib.ticker import MaxNLocator

    from psm_analysis import labels

    t = labels.t
    n = len(names)
    top = max([int(c) for c in counts] + [1])
    for i, (c, k) in enumerate(zip(counts, trained, strict=True)):
        y = n - 1 - i
        c, k = int(c), int(k)
        if c == 0:
            ax.scatter([0], [y], marker="x", s=60, color=HIGHLIGHT, linewidth=2, zorder=3)
            ax.annotate(
                t("reg.tanpa"),
                (0, y),
                xytext=(10, 0),
                textcoords="offset points",
                va="center",
                fontsize=9,
                color=HIGHLIGHT,
                fontweight="bold",
            )
            continue
        xs = list(range(1, c + 1))
        filled = [x <= k for x in xs]
        ax.scatter(
            [x for x, f in zip(xs, filled, strict=True) if f],
            [y] * sum(filled),
            s=90,
            color=BASE,
            edgecolor=BASE,
            zorder=3,
        )
        ax.scatter(
            [x for x, f in zip(xs, filled, strict=True) if not f],
            [y] * (c - sum(filled)),
            s=90,
            facecolor="white",
            edgecolor=BASE,
            linewidth=1.5,
            zorder=3,
        )
    ax.set_yticks(range(n - 1, -1, -1), [str(x) for x in names])
    for label, c in zip(ax.get_yticklabels(), counts, strict=True):
        if int(c) == 0:
            label.set_color(HIGHLIGHT)
            label.set_fontweight("bold")
    ax.axvline(0, color=GREY_TEXT, linewidth=0.8)
    ax.set_xlim(-0.4, top + 1.2)
    ax.set_ylim(-0.7, n - 0.3)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.grid(True)
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    ax.set_xlabel(t("reg.sumbu_x"))
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            color=BASE,
            markersize=8,
            label=t("reg.diklat_ya"),
        ),
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markerfacecolor="white",
            markeredgecolor=BASE,
            markersize=8,
            label=t("reg.diklat_tidak"),
        ),
        Line2D(
            [],
            [],
            marker="x",
            linestyle="",
            color=HIGHLIGHT,
            markersize=8,
            label=t("reg.tanpa"),
        ),
    ]
    ax.legend(handles=handles, loc="lower right")
    return ax
