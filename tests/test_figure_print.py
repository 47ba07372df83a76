"""Figures that print (issue 21, item 8).

Every figure is drawn at the width Word inserts it (14 cm, the text width of a portrait A4
page with 4 cm left and 3 cm right margins), so its font sizes are the printed sizes; no
text is below 9 pt there. Likert charts use the whole width and show each statement whole;
captions say what the legend shows; counts show their n; no title repeats the caption.

The fast tests draw every plotting function with data shaped like the demo's (the survey
charts from the demo answers themselves); the slow test measures the PDF files reproduce
wrote, independently of matplotlib (pypdf reads each text's size from the PDF).
"""

from __future__ import annotations

import json
import math
import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
import test_survey_report  # noqa: E402

from psm_analysis import notebook, parts, plots, worddoc  # noqa: E402

#: The processed questionnaire tables of the committed demo answers.
t = test_survey_report.t
from psm_analysis.config import get_paths  # noqa: E402

#: The twelve kecamatan of Kabupaten Pelalawan (Kepmendagri 2025) with PSM and
#: desa/kelurahan counts of the size BAB I prints.
KECAMATAN = {
    "Langgam": (8, 8),
    "Pangkalan Kerinci": (11, 7),
    "Bandar Sei Kijang": (5, 5),
    "Pangkalan Kuras": (17, 17),
    "Ukui": (12, 12),
    "Pangkalan Lesung": (10, 10),
    "Bunut": (10, 10),
    "Pelalawan": (9, 9),
    "Bandar Petalangan": (11, 11),
    "Kuala Kampar": (10, 10),
    "Kerumutan": (10, 10),
    "Teluk Meranti": (9, 9),
}
GROUPS = ["Dinas Sosial", "TKSK", "PSM", "Pemerintah Kecamatan/Desa", "Masyarakat"]
FINDINGS = [
    "Penataan dan pemetaan PSM",
    "Pendidikan dan pelatihan (Diklat) PSM",
    "Bimbingan teknis (Bimtek) PSM",
    "Rapat koordinasi PSM",
    "Honorarium PSM",
    "Pembinaan dan pendampingan PSM",
    "Cakupan pelatihan PSM terbatas",
    "Kurangnya pembinaan terhadap PSM",
    "Desa/kelurahan belum memiliki PSM",
    "Keterbatasan anggaran",
    "Jarak dan akses wilayah",
    "Koordinasi yang belum berjalan baik",
    "Beban kerja PSM sebagai relawan",
]


@pytest.fixture(autouse=True)
def _style():
    with plots.thesis_style():
        yield
    plt.close("all")


def _png_size(data: bytes) -> tuple[int, int]:
    """Width and height in pixels from the PNG's IHDR chunk."""
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_one_width_for_drawing_and_inserting(tmp_path):
    # worddoc's page: A4 (21 cm) less the 4 cm left and 3 cm right margins
    assert worddoc._PAPER[0] == 21.0
    assert (worddoc._MARGINS["left"], worddoc._MARGINS["right"]) == (4.0, 3.0)
    assert worddoc.FIGURE_WIDTH_CM == 14.0
    assert plots.TEXT_WIDTH * 2.54 == pytest.approx(14.0)
    assert matplotlib.rcParams["figure.figsize"][0] == pytest.approx(plots.TEXT_WIDTH)
    # the PNG is 14 cm at 300 dpi, and Word inserts it 14 cm wide: drawn = printed size
    (tmp_path / "data").mkdir()
    paths = get_paths(tmp_path)
    bab = notebook.setup("03", paths=paths)
    fig, ax = plt.subplots()
    ax.bar(["Bunut", "Ukui"], [10, 12])
    bab.save_figure(fig, "psm", caption="Jumlah PSM", source="Uji", tempat="V")
    assert _png_size((paths.figures / "psm.png").read_bytes())[0] == int(14 / 2.54 * 300)  # 1653
    from docx import Document

    from psm_analysis import site

    site.write_thesis_docx(paths)
    (shape,) = Document(str(paths.reports / "bab_V.docx")).inline_shapes
    assert shape.width.cm == pytest.approx(14.0)


def test_small_texts_are_measured_at_the_printed_width(tmp_path):
    # drawn 16 cm wide (as before) and printed 14 cm wide: the 9 pt tick labels print at
    # 9 x 14 / 16 = 7,875 pt, the 10 pt axis label at 8,75 pt
    fig, ax = plt.subplots(figsize=(16 / 2.54, 3))
    ax.bar(["Bunut", "Ukui"], [10, 12])
    ax.set_xlabel("Kecamatan")
    small = dict(plots.small_texts(fig))
    assert small["Bunut"] == 7.88 and small["Kecamatan"] == 8.75
    assert plots.printed_size(fig, 9) == pytest.approx(7.875)
    (tmp_path / "data").mkdir()
    bab = notebook.setup("03", paths=get_paths(tmp_path))
    with pytest.warns(UserWarning, match="texts below 9 pt at 14 cm"):
        rec = bab.save_figure(fig, "lebar", caption="c", source="s")
    assert ["Bunut", 7.88] in rec["small_text"] and ["Kecamatan", 8.75] in rec["small_text"]
    # drawn at the printed width the same texts are large enough
    fig.set_figwidth(plots.TEXT_WIDTH)
    assert plots.small_texts(fig) == []
    rec = bab.save_figure(fig, "pas", caption="c", source="s")
    assert "small_text" not in rec


def _helper_figures(t):
    """(name, figure) for every plotting function, with data shaped like the demo's."""
    from psm_analysis.dinsos.structure import read_structure
    from psm_analysis.survey import report

    names = list(KECAMATAN)
    fig, ax = plt.subplots(figsize=(plots.TEXT_WIDTH, 3.8))
    plots.bar_chart(
        ax, names, [p for p, _ in KECAMATAN.values()], highlight="Bunut", xlabel="PSM (orang)"
    )
    yield "bar_chart", fig
    fig, ax = plt.subplots(figsize=(plots.TEXT_WIDTH, 2.4))
    plots.waffle(ax, 80, 120, filled_label="Sudah: 80 orang", empty_label="Belum: 40 orang")
    yield "waffle", fig
    fig, ax = plt.subplots(figsize=(plots.TEXT_WIDTH, 3.2))
    events = pd.DataFrame(
        {
            "tahun": [2008, 2011, 2014, 2015],
            "kegiatan": ["PSM dibentuk", "Diklat Dasar PSM", "Sosialisasi PSM", "Bimtek PSM"],
        }
    )
    plots.timeline(ax, events, gap_years=[2016, 2017, 2018], gap_label="Tanpa pelatihan", end=2018)
    yield "timeline", fig
    fig, ax = plt.subplots(figsize=(plots.TEXT_WIDTH, 5.2))
    plots.scatter_identity(
        ax,
        [d for _, d in KECAMATAN.values()],
        [p for p, _ in KECAMATAN.values()],
        names,
        highlight="Bunut",
        xlabel="Desa dan kelurahan",
        ylabel="PSM (orang)",
        identity_label="Satu PSM per desa/kelurahan (garis 1:1)",
        off_line_label="PSM lebih banyak daripada desa/kelurahan",
        offsets={"Pangkalan Kuras": (-8, 0)},
    )
    yield "scatter_identity", fig
    counts = pd.DataFrame(
        [[(i + j) % 4 for j in range(5)] for i in range(len(FINDINGS))],
        index=FINDINGS,
        columns=[f"{g} (n = {n})" for g, n in zip(GROUPS, [3, 2, 4, 2, 1], strict=True)],
    )
    yield "heatmap_figure", plots.heatmap_figure(counts, colorbar_label="Jumlah informan")
    binary = pd.DataFrame(
        [[(i * j) % 3 == 1 for j in range(12)] for i in range(len(FINDINGS))],
        index=FINDINGS,
        columns=[f"I-{k:02d}" for k in range(1, 13)],
    ).astype(int)
    yield (
        "heatmap_figure (0/1)",
        plots.heatmap_figure(binary, colorbar_label="Informan menyebut", vertical_columns=True),
    )
    for kode in ("KIN", "PDS"):
        yield (
            f"likert_figure {kode}",
            plots.likert_figure(report.likert_counts(t, kode), xlabel="Persentase jawaban (%)"),
        )
    desa = ["Pangkalan Bunut", "Petani", "Merbau", "Sungai Buluh", "Lubuk Mas", "Balam Merah"]
    fig, ax = plt.subplots(figsize=(plots.TEXT_WIDTH, 0.32 * len(desa) + 1.2))
    plots.desa_dot_chart(ax, desa, [2, 1, 1, 1, 0, 1], [1, 1, 0, 1, 0, 0])
    yield "desa_dot_chart", fig
    yield (
        "framework_figure",
        parts.framework_figure(
            t["buku_kode"], ["PDS", "KIN"], FINDINGS[6:], outcome="Kinerja PSM meningkat"
        ),
    )
    yield "organisation_figure", parts.organisation_figure(read_structure())


def test_every_plotting_function_prints_at_9_pt_or_more(t):
    smallest = {}
    for name, fig in _helper_figures(t):
        assert fig.get_figwidth() * 2.54 == pytest.approx(14.0), name
        assert plots.small_texts(fig) == [], name
        sizes = [plots.printed_size(fig, x.get_fontsize()) for x in plots._drawn_texts(fig)]
        smallest[name] = round(min(sizes), 2)
        assert plots.text_overlaps(fig) == [], name
        plt.close(fig)
    assert len(smallest) == 11
    # the smallest texts are exactly at the minimum: the check looked at real texts
    assert min(smallest.values()) == 9.0 and smallest["waffle"] == 10.0


def test_likert_figure_uses_the_width_and_shows_whole_statements(t):
    from psm_analysis.survey import report

    counts = report.likert_counts(t, "KIN")
    fig = plots.likert_figure(counts, xlabel="Persentase jawaban (%)")
    plots.small_texts(fig)  # laid out
    (ax,) = fig.axes
    # the bars span the whole width: no tick labels beside them
    assert ax.get_position().width > 0.95
    assert [x.get_text() for x in ax.get_yticklabels()] == []
    texts = [x.get_text() for x in ax.texts]
    for code, statement in zip(t["butir"]["butir"], t["butir"]["pernyataan"], strict=True):
        if code.startswith("KIN"):
            # item code as in the codebook, the statement whole (wrapped, never cut)
            assert any(
                x.replace("\n", " ").startswith(f"{code}")
                and x.replace("\n", " ").endswith(statement)
                for x in texts
            ), code
    assert "KIN01 Saya segera mencari tahu ketika ada masalah sosial di desa saya." in texts
    assert not any("…" in x or "..." in x for x in texts)
    assert any("\n" in x for x in texts)  # long statements wrap
    # every item answered by the 10 respondents: n once, in the axis label
    assert ax.get_xlabel() == "Persentase jawaban (%); n = 10 responden"
    # items with different numbers of answers: each statement says its n
    fewer = counts.copy()
    fewer.iloc[0, 0] -= 1
    fig = plots.likert_figure(fewer, xlabel="Persentase jawaban (%)")
    texts = [
        x.get_text().replace("\n", " ") for x in fig.axes[0].texts if x.get_text()[:3] == "KIN"
    ]
    assert fig.axes[0].get_xlabel() == "Persentase jawaban (%)"
    assert texts[0].endswith("di desa saya. (n = 9)")
    assert sum("(n = 10)" in x for x in texts) == len(counts) - 1
    with pytest.raises(ValueError, match="at least one item"):
        plots.likert_figure(counts.iloc[:0])


def test_heatmap_figure_has_no_title_unless_asked():
    wide = pd.DataFrame([[1, 2], [0, 3]], index=FINDINGS[:2], columns=GROUPS[:2])
    fig = plots.heatmap_figure(wide, colorbar_label="Jumlah informan")
    assert [fig.axes[0].get_title(loc=loc) for loc in ("left", "center", "right")] == [""] * 3
    assert plots.heatmap_figure(wide, "Temuan", "Jumlah").axes[0].get_title(loc="left") == "Temuan"


# ------------------------------------------------------------ the files reproduce wrote


def _pdf_texts(path) -> tuple[float, list[tuple[float, str]]]:
    """The page width (cm) of a figure PDF and each text run with its size (pt), as
    pypdf reads them: the font size times the scale of the text and current matrices."""
    from pypdf import PdfReader

    page = PdfReader(path).pages[0]
    runs: list[tuple[float, str]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            m0 = tm[0] * cm[0] + tm[1] * cm[2]
            m1 = tm[0] * cm[1] + tm[1] * cm[3]
            runs.append((size * math.hypot(m0, m1), text.strip()))

    page.extract_text(visitor_text=visit)
    return float(page.mediabox.width) / 72 * 2.54, runs


def _repeats_caption(line: str, caption: str) -> bool:
    """A line of three words or more whose words are nearly all in the caption."""
    words = re.findall(r"\w+", line.lower())
    said = set(re.findall(r"\w+", caption.lower()))
    return len(words) >= 3 and sum(w in said for w in words) >= 0.8 * len(words)


def test_a_title_repeating_the_caption_is_recognised():
    # the informant matrix's old title over its caption, and two texts that are not
    caption = "Matriks temuan wawancara menurut informan (jumlah segmen)"
    assert _repeats_caption("Temuan menurut informan", caption)
    assert not _repeats_caption("Informan menyebut", caption)  # two words: a legend title
    assert not _repeats_caption("Peran Dinas Sosial", "Indeks skor per indikator")


@pytest.mark.slow
def test_saved_figures_print(reproduced):
    root, lines, ok = reproduced
    assert ok, "\n".join(lines)
    folder = root / "figures"
    records = {
        p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))
    }
    assert len(records) >= 14
    smallest = {}
    texts = {}
    for name, rec in records.items():
        assert "small_text" not in rec, (name, rec["small_text"])
        width, runs = _pdf_texts(folder / f"{name}.pdf")
        assert width == pytest.approx(14.0, abs=0.01), name
        runs = [(s, x) for s, x in runs if x != "DATA CONTOH"]
        smallest[name] = min(s for s, _ in runs)
        texts[name] = [x for _, x in runs]
        # no title (a text at the title size or larger) repeats the caption under it
        titles = [x for s, x in runs if s >= plots.STYLE["axes.titlesize"] - 0.01]
        assert not [x for x in titles if _repeats_caption(x, rec["caption"])], name
    assert min(smallest.values()) == pytest.approx(9.0, abs=0.01), smallest
    # the caption says what the legend shows: a 0/1 matrix, not "jumlah segmen"
    informan = records["05_matriks_kode_informan"]["caption"]
    if "1 (ya)" in texts["05_matriks_kode_informan"]:
        assert informan.endswith("(1: informan menyebut temuan, 0: tidak)")
    else:
        assert informan.endswith("(jumlah segmen)")
    # counts show their n: group sizes, respondents
    assert any(x.startswith("Dinas Sosial") for x in texts["05_matriks_kode_kelompok"])
    assert any("(n = " in x for x in texts["05_matriks_kode_kelompok"])
    diklat = " ".join(texts["04_indeks_diklat"])
    assert "(n = 7)" in diklat and "(n = 3)" in diklat
    for name in ("04_sebaran_jawaban_kinerja", "04_sebaran_jawaban_peran"):
        assert "Persentase jawaban (%); n = 10 responden" in texts[name]
    # whole statements with the codebook's item codes, no internal indicator codes
    likert = " ".join(texts["04_sebaran_jawaban_kinerja"])
    assert "KIN01 Saya segera mencari tahu ketika ada masalah sosial di desa saya." in likert
    assert not any("KIN_" in x or "PDS_" in x for x in texts["04_indeks_indikator"])
