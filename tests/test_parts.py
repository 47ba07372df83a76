"""The thesis parts outside BAB V (issue 22): each is built from its source, and a change in
the source (an item's wording, a category band, an informant's group, a desa's PSM) shows
in the table, the figure and the Word file made from it.

The expected values come from the project's codebooks (data/raw/survey/codebook.yml,
data/raw/interviews/codebook_wawancara.yml), the Kemendagri reference for Kecamatan Bunut
(14.05.08, one kelurahan and nine desa) and the demo data, cleaned into a copy of the
project; the recap totals are checked against the results tables of the same clean.
"""

from __future__ import annotations

import pytest
from docx import Document

from psm_analysis import catalog, parts, pipeline, plots, schedule, site, tablefiles
from psm_analysis.config import get_paths
from psm_analysis.errors import DataError
from psm_analysis.interviews.codebook import from_yaml
from psm_analysis.survey import analysis
from psm_analysis.survey.codebook import parse_codebook
from psm_analysis.survey.pipeline import codebook_frames

ROOT = get_paths().root
SURVEY_TEXT = (ROOT / "data/raw/survey/codebook.yml").read_text(encoding="utf-8")
INTERVIEW_CODEBOOK = ROOT / "data/raw/interviews/codebook_wawancara.yml"


def _frames(text: str = SURVEY_TEXT):
    cb = parse_codebook(text)
    items, scales = codebook_frames(cb)
    return cb, items, scales


@pytest.fixture(scope="module")
def cleaned(tmp_path_factory):
    """A copy of the project after ``psm-analysis clean`` (demo answers, codings, register)."""
    from conftest import copy_project

    root = copy_project(tmp_path_factory.mktemp("parts") / "project", notebooks=False)
    paths = get_paths(root)
    pipeline.clean(paths)
    return paths


def _docx_text(path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def _export(df, name, paths, **kw):
    rec = tablefiles.export_table(
        df,
        name,
        title=kw.pop("title", name),
        source="Uji",
        number=kw.pop("number", "II.1"),
        notebook="00",
        paths=paths,
        tempat=kw.pop("tempat", "II"),
        **kw,
    )
    return paths.tables / f"{name}.docx", rec


# ------------------------------------------------------------------------------ BAB II


def test_operationalisation_rows_are_the_codebooks_indicators():
    _, items, scales = _frames()
    table = parts.operationalisation_table(items, scales)
    assert len(table) == 15  # 9 Kinerja PSM + 6 Peran Dinas Sosial indicators
    assert list(table["Variabel"]).count("Kinerja PSM") == 1
    first = table.iloc[0]
    assert first["Indikator"] == "Menginisiasi penanganan masalah sosial"
    assert first["Item penilaian"] == (
        "KIN01. Saya segera mencari tahu ketika ada masalah sosial di desa saya.\n"
        "KIN02. Saya mengambil prakarsa menangani masalah sosial tanpa menunggu perintah."
    )
    assert set(table["Skala"]) == {"Ordinal (Likert 1–5)"}


def test_changed_wording_reaches_table_figure_and_word(tmp_path):
    old_item = "Saya segera mencari tahu ketika ada masalah sosial di desa saya."
    new_item = "Saya menelusuri setiap masalah sosial yang muncul di desa saya."
    old_ind, new_ind = "Pengendali program", "Pengawas jalannya program"
    text = SURVEY_TEXT.replace(old_item, new_item).replace(
        f"    name: {old_ind}\n", f"    name: {new_ind}\n"
    )
    _, items, scales = _frames(text)
    table = parts.operationalisation_table(items, scales)
    assert table.iloc[0]["Item penilaian"].startswith(f"KIN01. {new_item}")
    paths = get_paths(tmp_path)
    docx, _ = _export(table, "00_operasionalisasi_variabel", paths)
    words = _docx_text(docx)
    assert new_item in words and new_ind in words and old_item not in words
    fig = parts.framework_figure(items, ["PDS", "KIN"])
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert any(new_ind in t.replace("\n", " ") for t in texts)
    assert not any(old_ind in t.replace("\n", " ") for t in texts)
    rec = plots.save_figure(
        fig,
        "00_kerangka_pikiran",
        caption="Kerangka pikiran",
        source="Uji",
        number="II.1",
        notebook="00",
        paths=paths,
        tempat="II",
    )
    assert rec["label"] == "Gambar II.1"
    written = site.write_thesis_docx(paths)
    bab_ii = paths.reports / "bab_II.docx"
    assert bab_ii in written
    words = _docx_text(bab_ii)
    assert (
        "BAB II" in words and new_item in words and "Kerangka Pikiran" in words
    )  # caption case (text.caption_case)


def test_framework_figure_arrows_follow_the_order_and_reject_unknown_variables():
    _, items, _ = _frames()
    fig = parts.framework_figure(items, ["PDS", "KIN"], ["Keterbatasan anggaran"], "Meningkat")
    heads = [
        t.get_text().replace("\n", " ") for t in fig.axes[0].texts if t.get_fontweight() == "bold"
    ]
    assert heads[:3] == ["Peran Dinas Sosial", "Kinerja PSM", "Meningkat"]
    assert plots.text_overlaps(fig) == []
    with pytest.raises(ValueError, match=r"unknown variable\(s\) \['X'\]"):
        parts.framework_figure(items, ["X"])


def test_changed_category_band_reaches_the_measurement_table(tmp_path):
    text = SURVEY_TEXT.replace(
        "  method: equal_width\n  classes: 3\n", "  method: cut_points\n  cut_points: [50, 75]\n"
    )
    cb, items, _ = _frames(text)
    table = parts.category_table(items, analysis.category_table(cb))
    assert list(table["Indeks skor (%)"][:3]) == [
        "20,00 sampai < 50,00",
        "50,00 sampai < 75,00",
        "75,00 sampai 100,00",
    ]
    assert table.iloc[0]["Variabel"] == "Kinerja PSM (9 indikator, 18 butir)"
    docx, _ = _export(table, "00_kategori_indeks", get_paths(tmp_path))
    assert "50,00 sampai < 75,00" in _docx_text(docx)
    # the default codebook: three equal classes from the lowest index 20 %
    cb, items, _ = _frames()
    default = parts.category_table(items, analysis.category_table(cb))
    assert list(default["Indeks skor (%)"][:3]) == [
        "20,00 sampai < 46,67",
        "46,67 sampai < 73,33",
        "73,33 sampai 100,00",
    ]


def test_scoring_turns_negative_statements_round():
    _, items, scales = _frames()
    table = parts.scoring_table(items, scales)
    assert table.to_dict("list") == {
        "Jawaban": ["Sangat Setuju", "Setuju", "Ragu-ragu", "Tidak Setuju", "Sangat Tidak Setuju"],
        "Skor pernyataan positif": [5, 4, 3, 2, 1],
        "Skor pernyataan negatif": [1, 2, 3, 4, 5],
    }
    assert parts.negative_items_note(items) == "Pernyataan negatif (skor dibalik): KIN18, PDS10."


def test_themes_table_from_the_interview_codebook():
    table = parts.themes_table(from_yaml(INTERVIEW_CODEBOOK).to_frame())
    assert len(table) == 14
    assert table.iloc[0].to_dict() == {
        "Fokus penelitian": "Peranan Dinas Sosial dalam meningkatkan kinerja PSM",
        "Tema": "Penataan dan pemetaan PSM",
        "Indikator": "Tabel I.3 no. 1 (Penataan dan Pemetaan Jumlah PSM yang berperan aktif)",
        "Indikator kuesioner": "PDS_1",
    }
    assert (
        table.iloc[7]["Fokus penelitian"] == "Hambatan Dinas Sosial dalam meningkatkan kinerja PSM"
    )


# ----------------------------------------------------------------------------- BAB III


def test_informants_by_group_without_names(cleaned):
    informants = catalog.load("wawancara_informan", cleaned)
    table = parts.informants_table(informants)
    assert list(table["Kelompok informan"]) == [*parts.GROUPS, "Jumlah"]
    assert list(table["Jumlah (orang)"]) == [3, 1, 4, 2, 2, 12]
    assert list(table["Status"][:2]) == ["Key informan", "Informan"]
    assert table.iloc[2]["Jabatan"] == (
        "PSM (sudah mengikuti Diklat) (2 orang)\nPSM (belum mengikuti Diklat) (2 orang)"
    )
    text = table.to_csv()
    assert "I-0" not in text and "Hendra" not in text  # no id, no (demo) name
    assert parts.informant_notes(informants) == []


def test_changed_group_of_an_informant_shows_in_table_and_notes(cleaned, tmp_path):
    informants = catalog.load("wawancara_informan", cleaned)
    informants.loc[informants["id_informan"] == "I-04", "kelompok"] = "PSM"
    informants.loc[informants["id_informan"] == "I-12", "jumlah_segmen"] = 0
    table = parts.informants_table(informants)
    assert "TKSK" not in set(table["Kelompok informan"])
    assert table.set_index("Kelompok informan").loc["PSM", "Jumlah (orang)"] == 5
    notes = parts.informant_notes(informants)
    assert notes == [
        "Kelompok informan dalam rancangan penelitian yang belum ada dalam daftar informan: TKSK.",
        "Informan dalam daftar yang wawancaranya belum dikodekan: I-12 (Masyarakat); mereka "
        "dihitung dalam daftar, tetapi tidak dalam hasil wawancara.",
    ]
    docx, _ = _export(table, "00_informan", get_paths(tmp_path), number="III.1", notes=notes)
    words = _docx_text(docx)
    assert "belum ada dalam daftar informan: TKSK" in words
    population = parts.population_table(10, 10, informants)
    masyarakat = population.set_index("Unsur").loc["Informan: Masyarakat"]
    assert (
        masyarakat["Sampel (orang)"] == 1 and masyarakat["Populasi (orang)"] == "\u2013"
    )  # no population: nil, not "..."


def test_population_notes_state_the_census_against_table_I_2(cleaned):
    psm = catalog.load("psm_per_kecamatan", cleaned)
    bunut = int(psm.loc[psm["kecamatan"] == "Bunut", "jumlah_psm"].iloc[0])
    answered = len(catalog.load("kuesioner_jawaban", cleaned))
    assert (bunut, answered) == (10, 10)
    assert parts.population_notes(bunut, answered, None) == [
        "Semua 10 PSM Kecamatan Bunut menurut Tabel I.2 menjawab kuesioner (sensus lengkap).",
        "Belum ada wawancara yang dikodekan.",
    ]
    assert parts.population_notes(10, 8, None)[0] == (
        "Responden yang menjawab (8 orang) lebih sedikit daripada PSM Kecamatan Bunut menurut "
        "Tabel I.2 (10 orang): sensus belum lengkap, 2 PSM tidak menjawab."
    )
    table = parts.population_table(bunut, answered, None)
    assert table.iloc[0].to_dict() == {
        "Unsur": "PSM Kecamatan Bunut (responden kuesioner)",
        "Populasi (orang)": 10,
        "Sampel (orang)": 10,
        "Teknik": "Sensus (sampel jenuh)",
    }


def test_schedule_from_jadwal_yml(tmp_path):
    table = parts.schedule_table(schedule.read_schedule(ROOT / "data/raw/jadwal.yml"))
    assert list(table.columns[:3]) == ["No.", "Kegiatan", "Januari 2019"]
    row = table.set_index("Kegiatan").loc["Pengolahan dan analisis data"]
    assert [m for m in table.columns[2:] if row[m] == "X"] == ["April 2019", "Mei 2019"]
    bad = tmp_path / "jadwal.yml"
    bad.write_text(
        "bulan: [Mei 2019]\nkegiatan:\n  - kegiatan: Ujian\n    bulan: [Juni 2019]\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as err:
        schedule.read_schedule(bad)
    (p,) = err.value.problems
    assert (p.message, p.value, p.expected, p.column) == (
        "bulan kegiatan tidak ada dalam daftar 'bulan'",
        "Juni 2019",
        "Mei 2019",
        "kegiatan[1]",
    )


def test_no_jadwal_no_output(tmp_path):
    assert schedule.build_outputs(get_paths(tmp_path)).files == {}


# ------------------------------------------------------------------------------ BAB IV


def test_villages_of_bunut_with_codes_and_register(cleaned, tmp_path):
    villages = catalog.load("desa_kelurahan", cleaned)
    register = catalog.load("psm_per_desa", cleaned)
    table = parts.villages_table(villages, register)
    assert len(table) == 11 and table.iloc[0]["Kode wilayah"] == "14.05.08.1011"
    assert table.iloc[0]["Desa/Kelurahan"] == "Pangkalan Bunut"
    assert table.iloc[-1]["Tingkat"] == "9 desa, 1 kelurahan"
    bunut = register[register["kecamatan"] == "Bunut"]
    assert table.iloc[-1]["PSM (orang)"] == bunut["jumlah_psm"].sum()
    # a desa's PSM changed in the register shows in the table, its notes and Word
    register.loc[register["desa_kelurahan"] == "Keriung", "jumlah_psm"] = 3
    changed = parts.villages_table(villages, register)
    assert changed.set_index("Desa/Kelurahan").loc["Keriung", "PSM (orang)"] == 3
    notes = parts.villages_notes(changed)
    assert "Keriung" not in notes[0]
    docx, _ = _export(changed, "00_wilayah_bunut", get_paths(tmp_path), number="IV.1", notes=notes)
    assert "Sialang Kayu Batu" in _docx_text(docx)
    without = parts.villages_table(villages)
    assert "PSM (orang)" not in without.columns
    assert parts.villages_notes(without)[0].startswith("Register PSM belum tersedia")


# ---------------------------------------------------------------------------- Lampiran


def test_recap_totals_are_the_results_tables(cleaned):
    long = catalog.load("kuesioner_jawaban_panjang", cleaned)
    items = catalog.load("kuesioner_buku_kode", cleaned)
    per_item = catalog.load("kuesioner_butir", cleaned).set_index("butir")["skor_total"]
    per_ind = catalog.load("kuesioner_indikator", cleaned).set_index("indikator")["skor_total"]
    per_var = catalog.load("kuesioner_variabel", cleaned).set_index("variabel")["skor_total"]
    for v in ("KIN", "PDS"):
        m = parts.response_matrix(long, items, v)
        total = m.iloc[-1]
        assert total["Responden"] == "Jumlah" and len(m) == 11
        assert {b: int(total[b]) for b in m.columns[1:-1]} == {
            b: int(per_item[b]) for b in m.columns[1:-1]
        }
        assert int(total["Jumlah"]) == int(per_var[v])
        ind = parts.indicator_matrix(long, items, v)
        assert {c: int(ind.iloc[-1][c]) for c in ind.columns[1:-1]} == {
            c: int(per_ind[c]) for c in ind.columns[1:-1]
        }
    # a negative statement is recoded: KIN18's answer 5 scores 1
    kin18 = long[(long["butir"] == "KIN18")].set_index("responden")
    m = parts.response_matrix(long, items, "KIN").set_index("Responden")
    assert all(m.loc[r, "KIN18"] == 6 - kin18.loc[r, "jawaban"] for r in kin18.index)
    assert int(per_var["KIN"]) == 632  # 18 items less KIN12, dropped by the pilot test


def test_informant_list_by_code_and_role(cleaned):
    table = parts.informant_list(catalog.load("wawancara_informan", cleaned))
    assert table.iloc[0].to_dict() == {
        "No.": "1",
        "Kode informan": "I-01",
        "Kelompok": "Dinas Sosial",
        "Jabatan": "Kepala Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin",
        "Tanggal wawancara": "15 April 2019",
        "Segmen terkode": 7,
    }
    assert "nama" not in " ".join(table.columns).lower()


def test_questionnaire_lampiran_table_is_the_printed_one():
    _, items, scales = _frames()
    table = parts.questionnaire_table(items, scales, "PDS")
    numbered = table[table["No."] != ""]
    assert list(numbered["No."]) == [f"PDS{k:02d}" for k in range(1, 13)]
    assert list(table.columns) == ["No.", "Pernyataan", "SS", "S", "RR", "TS", "STS"]
    assert table.iloc[0]["Pernyataan"] == "Indikator: Penataan dan pemetaan PSM yang berperan aktif"


# ------------------------------------------------------------------ organisation chart


def _chart_texts(fig) -> list[str]:
    return [t.get_text().replace("\n", " ") for ax in fig.axes for t in ax.texts]


def test_organisation_chart_from_struktur_organisasi(tmp_path):
    from psm_analysis.dinsos.structure import read_structure

    structure = read_structure()
    seksi = "Seksi Identifikasi dan Penguatan Kapasitas"
    fig = parts.organisation_figure(structure, highlight=seksi)
    texts = _chart_texts(fig)
    assert texts[0] == "Kepala Dinas" and len(texts) == 16
    assert set(texts) == set(structure["unit"])
    shaded = [p for p in fig.axes[0].patches if p.get_facecolor()[:3] != (1.0, 1.0, 1.0)]
    assert len(shaded) == 1
    assert plots.text_overlaps(fig) == []
    # a unit renamed in the source is renamed in the chart and the Word file
    renamed = structure.replace({seksi: "Seksi Penguatan Kapasitas PSM"})
    fig = parts.organisation_figure(renamed)
    assert "Seksi Penguatan Kapasitas PSM" in _chart_texts(fig)
    assert seksi not in _chart_texts(fig)
    paths = get_paths(tmp_path)
    plots.save_figure(
        fig,
        "00_struktur_organisasi",
        caption="Struktur organisasi Dinas Sosial",
        source="Uji",
        number="IV.1",
        notebook="00",
        paths=paths,
        tempat="IV",
    )
    site.write_thesis_docx(paths)
    assert "Gambar IV.1 Struktur Organisasi Dinas Sosial" in _docx_text(
        paths.reports / "bab_IV.docx"
    )
    with pytest.raises(ValueError, match="is not a unit of the structure"):
        parts.organisation_figure(structure, highlight="Seksi Tidak Ada")


def test_structure_problems_are_located(tmp_path):
    from conftest import copy_raw

    from psm_analysis.dinsos.structure import read_structure

    copy_raw(tmp_path, "dinsos")
    path = tmp_path / "data/raw/dinsos/struktur_organisasi.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(",Seksi,Bidang Rehabilitasi Sosial,", ",Seksi,Bidang Rehabilitasi,", 1),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as err:
        read_structure(get_paths(tmp_path))
    (p,) = err.value.problems
    assert (p.message, p.row, p.column, p.value) == (
        "induk bukan unit dalam berkas ini",
        11,
        "induk",
        "Bidang Rehabilitasi",
    )
    assert p.file == "data/raw/dinsos/struktur_organisasi.csv"


def test_drawings_save_without_warnings(tmp_path):
    """A warning printed while a notebook saves a figure lands in the page's stderr output,
    split differently from run to run (the pages then differ): the drawings raise none,
    with the thesis style's constrained layout on."""
    import warnings

    from psm_analysis.dinsos.structure import read_structure

    _, items, _ = _frames()
    paths = get_paths(tmp_path)
    with plots.thesis_style(), warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = parts.framework_figure(items, ["PDS", "KIN"], ["Keterbatasan anggaran"], "Naik")
        plots.save_figure(fig, "a", caption="A", source="S", number="II.1", paths=paths)
        fig = parts.organisation_figure(read_structure())
        plots.save_figure(fig, "b", caption="B", source="S", number="IV.1", paths=paths)
