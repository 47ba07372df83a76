"""No text in a saved figure overlaps other text or a legend (issue 10).

``plots.save_figure`` measures the drawn boxes of every text artist (titles, axis and tick
labels, annotations, legend entries) and records any pair that intersects in the figure's
sidecar; the slow test checks every figure the notebooks saved.
"""

from __future__ import annotations

import json

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from psm_analysis import notebook, plots  # noqa: E402
from psm_analysis.config import get_paths  # noqa: E402


def test_overlapping_texts_are_found_and_recorded(tmp_path):
    plots.use_style()
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.text(0.5, 0.5, "Bunut Pelalawan", transform=ax.transAxes)
    ax.text(0.52, 0.5, "Kuala Kampar", transform=ax.transAxes)
    assert plots.text_overlaps(fig) == [("Bunut Pelalawan", "Kuala Kampar")]
    (tmp_path / "data").mkdir()
    bab = notebook.setup("03", paths=get_paths(tmp_path))
    with pytest.warns(UserWarning, match="texts overlap"):
        rec = bab.save_figure(fig, "tumpang", caption="c", source="s")
    assert rec["overlapping_text"] == [["Bunut Pelalawan", "Kuala Kampar"]]
    plt.close(fig)


def test_a_clean_figure_and_the_demo_stamp(tmp_path):
    plots.use_style()
    fig, ax = plt.subplots()
    ax.bar(["Bunut", "Pelalawan"], [10, 17], label="PSM")
    ax.legend(loc="upper left")
    ax.set_title("Jumlah PSM")
    plots.demo_stamp(fig)  # meant to lie across everything: not counted
    assert plots.text_overlaps(fig) == []
    plt.close(fig)


def test_crowded_column_names_and_binary_matrices():
    plots.use_style()
    wide = pd.DataFrame(
        [[1, 0, 1, 0, 1], [0, 1, 1, 1, 0]],
        index=["Penataan dan pemetaan PSM", "Rapat koordinasi PSM"],
        columns=["Dinas Sosial", "TKSK", "PSM", "Pemerintah Kecamatan/Desa", "Masyarakat"],
    )
    fig = plots.heatmap_figure(wide, "Temuan menurut kelompok informan", "Disebut")
    ax = fig.axes[0]
    # a 0/1 matrix: a legend of its two colours, no colour bar
    assert len(fig.axes) == 1
    legend = ax.get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["0 (tidak)", "1 (ya)"]
    assert legend.get_title().get_text() == "Disebut"
    assert plots.text_overlaps(fig) == []
    plt.close(fig)
    counts = wide * 3
    fig = plots.heatmap_figure(counts, "Temuan", "Jumlah informan")
    assert len(fig.axes) == 2  # counts keep their colour bar
    assert plots.text_overlaps(fig) == []
    plt.close(fig)


@pytest.mark.slow
def test_no_text_overlaps_in_any_notebook_figure(reproduced):
    root, lines, ok = reproduced
    assert ok, "\n".join(lines)
    records = [
        json.loads(p.read_text(encoding="utf-8")) for p in sorted((root / "figures").glob("*.json"))
    ]
    assert len(records) >= 10
    overlapping = {r["name"]: r["overlapping_text"] for r in records if "overlapping_text" in r}
    assert overlapping == {}


# ------------------------------------------------- layout without rasterising (issue 13)


def _crowded_figures():
    """Figures with known overlaps: two texts on each other, a text under a legend,
    long tick labels running into each other, an annotation; and a clean heatmap with a
    colour bar, laid out by constrained layout."""
    plots.use_style()
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.text(0.5, 0.5, "Bunut Pelalawan", transform=ax.transAxes)
    ax.text(0.52, 0.5, "Kuala Kampar", transform=ax.transAxes)
    ax.annotate("Kerumutan", xy=(0.1, 0.1), xytext=(0.55, 0.52), arrowprops={})
    yield fig
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.bar(["Dinas Sosial Kabupaten", "Pemerintah Kecamatan", "Masyarakat Desa"], [3, 5, 4])
    ax.plot([0, 2], [4, 4], label="Rata-rata kabupaten")
    ax.legend(loc="center")
    ax.text(1, 2.5, "tertutup legenda")
    ax.set_title("Judul yang cukup panjang untuk gambar kecil ini")
    yield fig
    wide = pd.DataFrame(
        [[1, 4, 2], [3, 0, 5]],
        index=["Penataan dan pemetaan PSM", "Rapat koordinasi PSM"],
        columns=["Dinas Sosial", "Pemerintah Kecamatan/Desa", "Masyarakat"],
    )
    yield plots.heatmap_figure(wide, "Temuan menurut kelompok informan", "Jumlah informan")


def _boxes_after_full_draw(fig):
    """Every drawn text's box and each legend's, measured after ``fig.canvas.draw()``
    (what text_overlaps did before it laid figures out without rasterising)."""
    from matplotlib.text import Text

    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    texts = [tuple(Text.get_window_extent(t, renderer).bounds) for t in plots._drawn_texts(fig)]
    legends = [tuple(lg.get_window_extent(renderer).bounds) for lg in plots._legends(fig)]
    return texts, legends


def test_layout_without_rasterising_finds_the_same_boxes_and_overlaps():
    from matplotlib.text import Text

    expected = [
        [
            ("Bunut Pelalawan", "Kuala Kampar"),
            ("Bunut Pelalawan", "Kerumutan"),
            ("Kuala Kampar", "Kerumutan"),
        ],
        None,  # checked against the full draw below
        [],
    ]
    for fast, full, want in zip(_crowded_figures(), _crowded_figures(), expected, strict=True):
        texts, legends = _boxes_after_full_draw(full)
        found = plots.text_overlaps(fast)
        renderer = fast._get_renderer()
        assert [
            tuple(Text.get_window_extent(t, renderer).bounds) for t in plots._drawn_texts(fast)
        ] == texts
        assert [
            tuple(lg.get_window_extent(renderer).bounds) for lg in plots._legends(fast)
        ] == legends
        # text_overlaps on the fully drawn figure (a second draw changes nothing)
        assert found == plots.text_overlaps(full)
        if want is not None:
            assert sorted(found) == sorted(want)
        else:
            assert ("tertutup legenda", "legenda") in found
            assert any("Dinas Sosial Kabupaten" in pair for pair in found)  # crowded ticks
        plt.close(fast)
        plt.close(full)


@pytest.mark.slow
def test_saved_files_same_after_layout_without_rasterising():
    """PNG and PDF bytes of a figure laid out without rasterising equal those of one
    fully drawn first, as save_figure did before."""
    for fast, full in zip(_crowded_figures(), _crowded_figures(), strict=True):
        plots.text_overlaps(fast)
        full.canvas.draw()
        assert plots._png_bytes(fast) == plots._png_bytes(full)
        assert plots._pdf_bytes(fast, "Judul") == plots._pdf_bytes(full, "Judul")
        plt.close(fast)
        plt.close(full)
