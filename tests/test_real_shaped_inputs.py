"""The pipeline on real-shaped inputs (issue 8): answers, codings, a roster and a register
planted by ``scripts/plant_real_shaped_inputs.py`` into a copy of the project replace
every demo input, the DATA CONTOH banners go, the processed files still match the
catalog and no name leaks.

The same script plants the inputs into a clone for the whole suite (``make test`` there
must pass too; see the script's docstring).
"""

from __future__ import annotations

import csv
import importlib.util
import json
import shutil

import pytest
from conftest import REPO, copy_project

from psm_analysis import catalog, pipeline
from psm_analysis.config import get_paths

pytestmark = pytest.mark.slow

SCRIPT = REPO / "scripts" / "plant_real_shaped_inputs.py"
#: The notebooks fed by answers, codings or the register (01 and 02 read only the
#: Dinas Sosial tables, which are never demo data; 00 builds the thesis parts from all).
NOTEBOOKS = (
    "00_bagian_skripsi",
    "03_sebaran_psm_kecamatan",
    "04_kinerja_psm_kuesioner",
    "05_wawancara_peran_hambatan",
)
#: The banner as a page shows it (the notebooks' code, shown on the page, may name it).
BANNER = "DATA CONTOH - bukan data penelitian"
BANNER_CLASS = "psm-demo-banner"


def _script():
    spec = importlib.util.spec_from_file_location("plant_real_shaped_inputs", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """A copy (tracked files + demo) with the real-shaped inputs planted, reproduced."""
    plant = _script()
    root = copy_project(tmp_path_factory.mktemp("real_shaped") / "project", notebooks=False)
    for nb in NOTEBOOKS:
        shutil.copy2(REPO / "notebooks" / f"{nb}.py", root / "notebooks" / f"{nb}.py")
    files = plant.plant(root)
    lines: list[str] = []
    ok = pipeline.reproduce(force=True, progress=lines.append, paths=get_paths(root))
    return root, plant, files, lines, ok


def test_plant_writes_the_same_csv_bytes_for_the_same_seed(tmp_path):
    plant = _script()
    a = copy_project(tmp_path / "a", notebooks=False)
    b = copy_project(tmp_path / "b", notebooks=False)
    plant.plant(a)
    plant.plant(b)
    for rel in (plant.CODINGS_FILE, plant.QUALCODER_FILE, plant.ROSTER_FILE):
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel
    assert (a / plant.CODINGS_FILE).read_bytes().startswith(b"id_informan;dokumen;kode;")
    assert b"\x93belum merata\x94" in (a / plant.CODINGS_FILE).read_bytes()  # cp1252 quotes
    assert (a / plant.QUALCODER_FILE).read_bytes().startswith(b'\xef\xbb\xbf"File","Coder"')


def test_reproduce_succeeds_with_every_input_real(planted):
    root, plant, files, lines, ok = planted
    assert ok, "\n".join(lines)
    assert [p.relative_to(root).as_posix() for p in files] == list(plant.FILES)
    with (root / "data/processed/sumber_masukan.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["berkas"] for r in rows if r["data_contoh"] != "false"] == []
    used = {r["berkas"] for r in rows}
    assert set(plant.FILES) <= used
    assert not any(u.startswith("data/demo/") for u in used)


def test_demo_banners_are_gone(planted):
    root, *_ = planted
    pages = sorted((root / "reports").glob("*.html"))
    assert [p.stem for p in pages] == sorted([*NOTEBOOKS, "daftar_gambar", "daftar_tabel", "index"])
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert BANNER not in text and BANNER_CLASS not in text, page.name
    sidecars = sorted((root / "figures").glob("*.json"))
    assert len(sidecars) >= 6
    for sidecar in sidecars:
        assert json.loads(sidecar.read_text(encoding="utf-8")).get("demo") is not True, sidecar
    tables = sorted((root / "reports" / "tables").glob("*.md"))
    assert tables
    for table in tables:
        assert "DATA CONTOH" not in table.read_text(encoding="utf-8"), table.name


def test_processed_files_match_the_catalog(planted):
    root, *_ = planted
    paths = get_paths(root)
    names = sorted(p.name for p in paths.processed.iterdir() if p.name != ".gitkeep")
    assert set(names) == set(catalog.CATALOG)
    for name in names:
        if catalog.entry(name).is_table:
            assert catalog.check_frame(name, catalog.load(name, paths)) == [], name


def test_counts_follow_the_planted_inputs_and_names_are_pseudonymised(planted):
    root, plant, *_ = planted
    processed = root / "data" / "processed"
    with (processed / "kuesioner_indeks_responden.csv").open(encoding="utf-8") as fh:
        respondents = [r["responden"] for r in csv.DictReader(fh)]
    assert respondents == [f"P{i:03d}" for i in range(1, plant.N_RESPONDENTS + 1)]
    with (processed / "psm_per_desa.csv").open(encoding="utf-8") as fh:
        per_desa = list(csv.DictReader(fh))
    assert len(per_desa) == 118
    with (processed / "wawancara_kutipan.csv").open(encoding="utf-8") as fh:
        quotes = list(csv.DictReader(fh))
    # "Kata Bu Marlina" (I-04's given name) in I-01's quote: a placeholder by I-04's group
    # inside the quote; the transcript named after I-05's family name: the pseudonym
    assert any("Kata Bu [nama PSM], rapatnya jarang." in q["kutipan"] for q in quotes)
    assert not any("I-04 (PSM)" in q["kutipan"] for q in quotes)
    assert {q["dokumen"] for q in quotes if q["pseudonim"] == "I-05 (PSM)"} == {
        "wawancara I-05 (PSM)"
    }
    everything = "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for folder in (processed, root / "reports")
        for p in folder.rglob("*")
        if p.suffix in (".csv", ".md", ".html")
    )
    # "Tanjung" (I-07's marga) is a word of two desa: there, and only there, it may stay
    with (root / "data/raw/reference/wilayah_pelalawan_kepmendagri_2025.csv").open(
        encoding="utf-8"
    ) as fh:
        places = sorted({r["nama"] for r in csv.DictReader(fh)}, key=len, reverse=True)
    assert "Tanjung Kuyo" in everything
    for place in places:
        everything = everything.replace(place, "")
    for name in [n for _, n, _, _ in plant.INFORMANTS] + list(plant.REGISTER_NAMES):
        for part in name.replace("Drs. ", "").split():
            assert part not in everything, part


def test_qda_project_and_word_transcript_go_through_reproduce(planted):
    """The NVivo-shaped .qdpx and the Word transcript: their segments, pseudonymised; the
    position convention in sumber_masukan.csv; the agreement by character overlap; the
    unit named in notebook 05."""
    root, plant, *_ = planted
    processed = root / "data" / "processed"
    with (processed / "wawancara_segmen.csv").open(encoding="utf-8") as fh:
        seg = [r for r in csv.DictReader(fh) if r["format"] in ("qdpx", "word")]
    assert sorted({(r["format"], r["dokumen"], r["id_informan"]) for r in seg}) == [
        ("qdpx", "Wawancara lanjutan I-03", "I-03"),
        ("qdpx", "Wawancara lanjutan I-08", "I-08"),
        ("word", "Transkrip I-06", "I-06"),
    ]
    quotes = {r["kutipan"] for r in seg}
    # names inside a quote as theses quote interviews (issue 21): by the person's group
    assert "Kata Pak [nama informan], undangan rapat sering terlambat sampai." in quotes
    assert "Ada bimtek setahun sekali, kata Bu [nama PSM] juga begitu." in quotes
    assert {r["kode"] for r in seg if r["format"] == "word"} == {
        "peran.bimtek",
        "peran.pembinaan",
        "hambatan.desa_tanpa_psm",
    }
    with (processed / "sumber_masukan.csv").open(encoding="utf-8") as fh:
        notes = {r["berkas"]: r["catatan"] for r in csv.DictReader(fh)}
    assert notes[plant.QDPX_FILE].startswith(
        "Wawancara lanjutan I-03: posisi dalam unit UTF-16 (seperti NVivo)"
    )
    with (processed / "wawancara_kesepakatan_karakter.csv").open(encoding="utf-8") as fh:
        chars = list(csv.DictReader(fh))
    assert {(r["pengkode_1"], r["pengkode_2"], r["jumlah_dokumen"]) for r in chars} == {
        ("pembimbing", "peneliti", "2")
    }
    page = (root / "reports" / "05_wawancara_peran_hambatan.html").read_text(encoding="utf-8")
    assert "dengan <strong>unit karakter</strong>" in page


#: Per variant of the script: the page and a sentence it must show (issue 20).
VARIANT_SAYS = {
    "satu-pengkode": (
        "05_wawancara_peran_hambatan",
        "Semua segmen dikodekan oleh satu pengkode (peneliti), jadi belum ada dokumen yang "
        "dikodekan oleh dua pengkode; kesepakatan antarpengkode tidak dihitung.",
    ),
    "sedikit-responden": (
        "04_kinerja_psm_kuesioner",
        "<strong>3 dari 10 PSM</strong> Kecamatan Bunut (Tabel I.2) menjawab kuesioner: bukan "
        "sensus",
    ),
    "register-sebagian": (
        "03_sebaran_psm_kecamatan",
        "Register hanya memuat PSM Kecamatan Bunut (1 dari 12 kecamatan Kabupaten Pelalawan)",
    ),
    "informan-belum-dikodekan": (
        "05_wawancara_peran_hambatan",
        "Baru 9 dari 10 informan yang sudah dikodekan; persentase informan dihitung dari 9 "
        "informan yang dikodekan itu. Belum dikodekan: I-10 (PSM).",
    ),
}


@pytest.mark.parametrize("variant", list(VARIANT_SAYS))
def test_each_variant_of_the_fieldwork_weeks_reproduces(tmp_path, variant):
    """The script's variants (one coder, few respondents, a partial register, an uncoded
    informant): reproduce succeeds, every processed file matches the catalog, the page
    says what the shape means, and the names stay out."""
    plant = _script()
    assert tuple(VARIANT_SAYS) == plant.VARIANTS
    root = copy_project(tmp_path / "project", notebooks=False)
    for nb in NOTEBOOKS:
        shutil.copy2(REPO / "notebooks" / f"{nb}.py", root / "notebooks" / f"{nb}.py")
    files = plant.plant(root, variant=variant)
    assert (root / plant.QUALCODER_FILE in files) == (variant != "satu-pengkode")
    lines: list[str] = []
    assert pipeline.reproduce(force=True, progress=lines.append, paths=get_paths(root)), lines
    paths = get_paths(root)
    for entry in catalog.CATALOG.values():
        if entry.is_table:
            assert catalog.check_frame(entry.name, catalog.load(entry.name, paths)) == []
    page, sentence = VARIANT_SAYS[variant]
    assert sentence in (root / "reports" / f"{page}.html").read_text(encoding="utf-8")
    assert pipeline.privacy_scan(paths) == []
