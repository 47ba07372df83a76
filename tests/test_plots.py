"""Thesis figure style, helpers and deterministic figure files."""

from __future__ import annotations

import json

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from psm_analysis import notebook, plots  # noqa: E402
from psm_analysis.config import get_paths  # noqa: E402


@pytest.fixture
def paths(tmp_path):
    (tmp_path / "data").mkdir()
    yield get_paths(tmp_path)
    plt.close("all")


@pytest.fixture
def bab(paths):
    """Notebook 02's chapter: numbers its figures 2.1, 2.2, ..."""
    return notebook.setup("02", paths=paths)


def _bar_figure():
    fig, ax = plt.subplots()
    plots.bar_chart(
        ax,
        ["Ukui", "Bunut", "Langgam"],
        [12, 10, 8],
        highlight="Bunut",
        xlabel="Jumlah PSM (orang)",
    )
    return fig


def test_style_uses_dejavu_and_okabe_ito():
    with plots.thesis_style():
        assert matplotlib.rcParams["font.sans-serif"][0] == "DejaVu Sans"
        assert matplotlib.rcParams["savefig.dpi"] == 300
        assert matplotlib.rcParams["pdf.fonttype"] == 42
        cycle = matplotlib.rcParams["axes.prop_cycle"].by_key()["color"]
        assert cycle[0] == "#0072B2"
    assert plots.HIGHLIGHT == "#D55E00"
    assert plots.HIGHLIGHT not in (plots.BASE, plots.MUTED)


def test_axis_formatter_gives_decimal_comma():
    fmt = plots.decimal_comma_formatter()
    assert fmt(1.5) == "1,5"
    assert fmt(1250) == "1.250"
    assert fmt(0.25) == "0,25"
    assert plots.decimal_comma_formatter(decimals=2)(3) == "3,00"
    fig, ax = plt.subplots()
    assert plots.decimal_comma_axis(ax, axis="y") is ax
    assert ax.yaxis.get_major_formatter()(2.5, 0) == "2,5"
    with pytest.raises(ValueError, match="axis must be"):
        plots.decimal_comma_axis(ax, axis="z")
    plt.close(fig)


def test_save_figure_is_byte_identical_and_records_sidecar(paths, bab, tmp_path):
    meta = {
        "caption": "Jumlah PSM menurut kecamatan",
        "source": "Dinas Sosial Kabupaten Pelalawan, 2018",
    }
    rec1 = bab.save_figure(_bar_figure(), "psm_bar", **meta)
    png1 = (paths.figures / "psm_bar.png").read_bytes()
    pdf1 = (paths.figures / "psm_bar.pdf").read_bytes()
    other = get_paths(tmp_path / "other")
    rec2 = bab.save_figure(_bar_figure(), "psm_bar", paths=other, **meta)
    assert (other.figures / "psm_bar.png").read_bytes() == png1
    assert (other.figures / "psm_bar.pdf").read_bytes() == pdf1
    assert rec1 == rec2  # same name again keeps its number
    assert png1[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"Software" not in png1 and b"matplotlib" not in png1.lower()
    assert b"CreationDate" not in pdf1
    # 300 dpi: pHYs chunk holds 11811 pixels per metre
    assert (11811).to_bytes(4, "big") * 2 in png1
    side = json.loads((paths.figures / "psm_bar.json").read_text(encoding="utf-8"))
    assert side == {
        "kind": "figure",
        "name": "psm_bar",
        "number": "V.1",
        "label": "Gambar V.1",
        "caption": "Jumlah PSM menurut Kecamatan",  # caption case (text.caption_case)
        "source": "Dinas Sosial Kabupaten Pelalawan, 2018",
        "notebook": "02",
        "index": 1,
        "order": 1,
        "tempat": None,
        "files": ["psm_bar.png", "psm_bar.pdf"],
    }
    text = (paths.figures / "psm_bar.json").read_text(encoding="utf-8")
    assert text.index('"caption"') < text.index('"files"') < text.index('"kind"')


def test_pdf_text_is_extractable(paths, bab):
    from pypdf import PdfReader

    bab.save_figure(_bar_figure(), "psm_bar", caption="c", source="s")
    text = PdfReader(paths.figures / "psm_bar.pdf").pages[0].extract_text()
    assert "Bunut" in text and "Jumlah PSM (orang)" in text


def test_numbers_run_per_notebook(paths, bab):
    """Numbers come from the chapter object, not from process state: while no complete
    run has numbered the notebooks, a second chapter numbers from 1 again (reproduce
    sets the final numbers) and the first one goes on where it was."""
    fig = _bar_figure()
    a = bab.save_figure(fig, "a", caption="A", source="S")
    b = bab.save_figure(fig, "b", caption="B", source="S")
    a2 = bab.save_figure(fig, "a", caption="A", source="S")
    assert (a["label"], b["label"], a2["label"]) == ("Gambar V.1", "Gambar V.2", "Gambar V.1")
    c = notebook.setup("03", paths=paths).save_figure(fig, "c", caption="C", source="S")
    assert c["label"] == "Gambar V.1"
    with pytest.raises(ValueError, match="caption and a source"):
        bab.save_figure(fig, "d", caption="", source="S")
    with pytest.raises(ValueError, match="name must be"):
        bab.save_figure(fig, "../x", caption="C", source="S")


def test_bar_chart_highlights_and_sorts():
    fig, ax = plt.subplots()
    plots.bar_chart(ax, ["Langgam", "Bunut", "Ukui"], [8, 10, 12], highlight="Bunut")
    labels = [t.get_text() for t in ax.get_yticklabels()]
    positions = list(ax.get_yticks())
    order = [lab for _, lab in sorted(zip(positions, labels, strict=True), reverse=True)]
    assert order == ["Ukui", "Bunut", "Langgam"]  # largest at the top
    colors = {
        round(p.get_y() + p.get_height() / 2): matplotlib.colors.to_hex(p.get_facecolor())
        for p in ax.patches
    }
    bunut_pos = positions[labels.index("Bunut")]
    assert colors[round(bunut_pos)] == plots.HIGHLIGHT.lower()
    assert sorted(colors.values()).count(plots.BASE.lower()) == 2
    assert sorted(t.get_text() for t in ax.texts) == ["10", "12", "8"]
    plt.close(fig)


def test_waffle_fills_first_squares():
    fig, ax = plt.subplots()
    plots.waffle(ax, 80, 120, ncols=20, filled_label="Sudah", empty_label="Belum")
    faces = [matplotlib.colors.to_hex(p.get_facecolor()) for p in ax.patches]
    assert len(faces) == 120
    assert faces.count(plots.BASE.lower()) == 80
    assert faces.count(plots.MUTED.lower()) == 40
    with pytest.raises(ValueError):
        plots.waffle(ax, 130, 120)
    plt.close(fig)


def test_scatter_identity_groups_equal_points():
    fig, ax = plt.subplots()
    plots.scatter_identity(
        ax,
        [10, 10, 11, 9],
        [10, 10, 10, 9],
        ["Kerumutan", "Pangkalan Lesung", "Kuala Kampar", "Pelalawan"],
        identity_label="1:1",
        off_line_label="beda",
    )
    texts = sorted(t.get_text() for t in ax.texts)
    assert texts == ["Kerumutan, Pangkalan Lesung", "Kuala Kampar", "Pelalawan"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["1:1", "beda"]
    plt.close(fig)
    fig, ax = plt.subplots()
    plots.scatter_identity(ax, [10, 10], [10, 10], ["Kerumutan", "Bunut"], highlight="Bunut")
    by_text = {t.get_text(): t for t in ax.texts}
    assert sorted(by_text) == ["Bunut", "Kerumutan"]  # the highlighted name stands alone
    assert matplotlib.colors.to_hex(by_text["Bunut"].get_color()) == plots.HIGHLIGHT.lower()
    assert ax.get_legend() is None
    plt.close(fig)


def test_timeline_and_heatmap_draw():
    fig, ax = plt.subplots()
    ev = pd.DataFrame(
        {
            "tahun": [2008, 2014, 2015, 2015],
            "kegiatan": ["PSM dibentuk", "Diklat Dasar", "Sosialisasi", "Bimtek"],
        }
    )
    plots.timeline(
        ax, ev, gap_years=[2009, 2010, 2016, 2017], gap_label="Tanpa pelatihan", end=2018
    )
    assert [t.get_text() for t in ax.get_xticklabels()][0] == "2008"
    assert [t.get_text() for t in ax.get_xticklabels()][-1] == "2018"
    assert {t.get_text() for t in ax.texts} == {
        "PSM dibentuk",
        "Diklat Dasar",
        "Sosialisasi",
        "Bimtek",
        "Tanpa pelatihan",
    }
    # consecutive gap years are shaded as one span each: 2009-2010 and 2016-2017
    spans = sorted(round(p.get_x(), 1) for p in ax.patches if p.get_width() > 1)
    assert spans == [2008.5, 2015.5]
    fig2, ax2 = plt.subplots()
    plots.heatmap(ax2, pd.DataFrame({"a": [1.5, 2.0]}, index=["x", "y"]), decimals=1)
    assert sorted(t.get_text() for t in ax2.texts) == ["1,5", "2,0"]
    plt.close("all")


def test_likert_diverging_centres_neutral():
    counts = pd.DataFrame(
        {"STS": [1, 0], "TS": [1, 2], "N": [2, 2], "S": [4, 4], "SS": [2, 2]},
        index=["Item 1", "Item 2"],
    )
    fig, ax = plt.subplots()
    plots.likert_diverging(ax, counts)
    # first row (Item 1, drawn at the top): STS starts at -(10+10+20/2) = -30 per cent
    sts = [
        p
        for p in ax.patches
        if matplotlib.colors.to_hex(p.get_facecolor()) == plots.OKABE_ITO["vermillion"].lower()
    ]
    item1 = max(sts, key=lambda p: p.get_y())
    assert item1.get_x() == pytest.approx(-30)
    assert item1.get_width() == pytest.approx(10)
    assert ax.xaxis.get_major_formatter()(-40, 0) == "40"
    assert len(plots.likert_colors(5)) == 5
    with pytest.raises(ValueError):
        plots.likert_colors(9)
    plt.close(fig)


def test_likert_segment_labels_follow_the_percent_rule_of_tables():
    """Per cent inside the bars as tables and text print it: two decimals
    (numbers.PERCENT_DECIMALS), no "%" (the axis label says it, as a header does), in
    segments of plots.LIKERT_LABEL_MIN_PERCENT (15 %) or more; counts stay whole."""
    counts = pd.DataFrame(
        {"STS": [1, 0], "TS": [1, 1], "N": [2, 0], "S": [4, 1], "SS": [2, 1]},
        index=["Item 1", "Item 2"],
    )
    fig = plots.likert_figure(counts, xlabel="Persentase jawaban (%)")
    labels = [t.get_text() for t in fig.axes[0].texts if not t.get_text().startswith("Item")]
    # Item 1 (10 answers): 10, 10, 20, 40, 20 %, the two 10 % segments unlabelled;
    # Item 2 (3 answers): a third each
    assert sorted(labels) == ["20,00", "20,00", "33,33", "33,33", "33,33", "40,00"]
    assert all(plots.printed_size(fig, t.get_fontsize()) >= 9 for t in fig.axes[0].texts)
    assert plots.text_overlaps(fig) == []
    fig2, ax = plt.subplots()
    plots.likert_diverging(ax, counts, percent=False)
    assert sorted(t.get_text() for t in ax.texts) == ["1", "1", "1", "1", "1", "2", "2", "4"]
    plt.close("all")


def test_demo_figure_is_stamped_in_png_and_pdf(paths, bab):
    from pypdf import PdfReader

    plain = bab.save_figure(_bar_figure(), "asli", caption="c", source="s")
    fig = _bar_figure()
    rec = bab.save_figure(fig, "contoh", caption="c", source="s", demo=True)
    bab.save_figure(fig, "contoh", caption="c", source="s", demo=True)
    assert "demo" not in plain and rec["demo"] is True
    # drawn once, however often the figure is saved
    assert [t.get_text() for t in fig.texts] == ["DATA CONTOH"]
    text = PdfReader(paths.figures / "contoh.pdf").pages[0].extract_text()
    assert "DATA CONTOH" in text
    assert "DATA CONTOH" not in PdfReader(paths.figures / "asli.pdf").pages[0].extract_text()
    assert (paths.figures / "contoh.png").read_bytes() != (paths.figures / "asli.png").read_bytes()
