"""reproduce: every notebook executed and rendered, incremental reruns, failures reported,
byte-identical outputs, and the privacy guard."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import (  # tests/ is on sys.path (pytest rootdir-relative import)
    digest,
    inputs_digest,
    run_cli,
)

from psm_analysis import pipeline
from psm_analysis.config import get_paths

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]

NOTEBOOKS = [
    "00_bagian_skripsi",
    "01_data_dinas_sosial",
    "02_cakupan_pelatihan",
    "03_sebaran_psm_kecamatan",
    "04_kinerja_psm_kuesioner",
    "05_wawancara_peran_hambatan",
]


def _run(root: Path, **kw) -> tuple[bool, list[str]]:
    lines: list[str] = []
    ok = pipeline.reproduce(progress=lines.append, paths=get_paths(root), **kw)
    return ok, lines


def test_force_run_writes_every_report(reproduced):
    root, lines, ok = reproduced
    assert ok, "\n".join(lines)
    reports = root / "reports"
    for name in NOTEBOOKS:
        page = reports / f"{name}.html"
        assert page.is_file(), name
        assert "Traceback" not in page.read_text(encoding="utf-8"), name
    index = (reports / "index.html").read_text(encoding="utf-8")
    for name in NOTEBOOKS:
        assert f'href="{name}.html"' in index
    assert "DATA CONTOH - bukan data penelitian" in index  # survey/interviews are demo inputs
    for name in NOTEBOOKS:
        page = (reports / f"{name}.html").read_text(encoding="utf-8")
        banner = "DATA CONTOH - bukan data penelitian" in page
        # only the demo-fed notebooks
        assert banner == name.startswith(("00", "03", "04", "05")), name
    assert "Pemeriksaan konsistensi" in index
    pngs = sorted(p.stem for p in (root / "figures").glob("*.png"))
    pdfs = sorted(p.stem for p in (root / "figures").glob("*.pdf"))
    assert pngs and pngs == pdfs
    assert list((reports / "tables").glob("*.xlsx")) and list((reports / "tables").glob("*.docx"))
    assert any("[1/4] clean" in ln for ln in lines)
    # every step's time is in the summary, the Indonesian way (decimal comma)
    summary = next(ln for ln in lines if ln.startswith("Selesai dalam"))
    assert re.match(
        r"Selesai dalam \d+,\d s \(clean \d+,\d s; notebook \d+,\d s; "
        r"daftar dan index \d+,\d s; privasi \d+,\d s\)\. \d+ berkas baru atau berubah; "
        r"data/processed: \d+ berkas; ",
        summary,
    ), summary
    assert not (root / ".psm-build").exists()
    # the instruments in full for the Lampiran (issue 22), linked from the index
    from docx import Document

    questionnaire = [p.text for p in Document(reports / "lampiran_kuesioner.docx").paragraphs]
    assert any("Petunjuk pengisian" in t or "PETUNJUK PENGISIAN" in t for t in questionnaire)
    assert (reports / "lampiran_pedoman_wawancara.docx").is_file()
    assert 'href="lampiran_kuesioner.docx"' in index


def test_thesis_parts_are_in_their_word_documents(reproduced):
    """Issue 22: BAB II-IV and the Lampiran carry the parts made from the codebooks, the
    roster, Tabel I.2, the Kemendagri codes and the register, numbered per BAB."""
    from docx import Document

    root, _, ok = reproduced
    assert ok

    def words(name: str) -> str:
        doc = Document(str(root / "reports" / name))
        cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
        return "\n".join([p.text for p in doc.paragraphs] + cells)

    bab_ii = words("bab_II.docx")
    for title in (
        "Operasionalisasi Variabel Penelitian",  # caption case (text.caption_case)
        "Kerangka Pikiran Penelitian",
        "Kategori Indeks Skor Variabel dan Indikator",
    ):
        assert title in bab_ii
    assert "KIN01. Saya segera mencari tahu ketika ada masalah sosial di desa saya." in bab_ii
    bab_iii = words("bab_III.docx")
    assert "Key Informan dan Informan Penelitian" in bab_iii
    assert "Jadwal Kegiatan Penelitian" in bab_iii
    assert "Semua 10 PSM Kecamatan Bunut menurut Tabel I.2 menjawab kuesioner" in bab_iii
    assert "14.05.08.2018" in words("bab_IV.docx")
    lampiran = words("lampiran.docx")
    assert "Butir Kuesioner Variabel Kinerja PSM" in lampiran
    assert "Pedoman Wawancara menurut Kelompok Informan" in lampiran
    assert "Daftar Informan Penelitian" in lampiran and "I-12" in lampiran
    assert "Hendra Wijaya" not in lampiran + bab_iii  # a (demo) roster name never leaves


def test_durations_are_printed_with_a_decimal_comma():
    assert pipeline._seconds(1.25) == "1,3 s"
    assert pipeline._seconds(61.04) == "61,0 s"
    assert pipeline._seconds(1234.56) == "1.234,6 s"


def test_noop_rerun_then_one_changed_notebook(reproduced):
    root, _, _ = reproduced
    ok, lines = _run(root)
    assert ok
    assert "[1/4] clean: masukan tidak berubah, dilewati" in lines
    assert any("tidak ada yang dijalankan" in ln for ln in lines)
    assert lines[-1].startswith("Semua mutakhir")

    nb = root / "notebooks" / "02_cakupan_pelatihan.py"
    original = nb.read_text(encoding="utf-8")
    try:
        nb.write_text(original + "\n# %% [markdown]\n# Catatan tambahan.\n", encoding="utf-8")
        ok, lines = _run(root)
        assert ok, "\n".join(lines)
        assert any("menjalankan 1 dari 6" in ln for ln in lines)
        assert any("02_cakupan_pelatihan.py: selesai" in ln for ln in lines)
        assert not any("03_sebaran" in ln for ln in lines)
    finally:
        nb.write_text(original, encoding="utf-8")
        _run(root)


def test_a_deleted_figure_reruns_only_its_notebook(reproduced):
    root, _, _ = reproduced
    figure = root / "figures" / "03_psm_per_kecamatan.png"
    original = figure.read_bytes()
    figure.unlink()
    ok, lines = _run(root)
    assert ok, "\n".join(lines)
    assert any("menjalankan 1 dari 6" in ln for ln in lines)
    assert any("03_sebaran_psm_kecamatan.py: selesai" in ln for ln in lines)
    assert figure.read_bytes() == original


def test_two_force_runs_give_identical_figures_processed_and_pages(reproduced):
    root, _, _ = reproduced

    def reports() -> dict[str, str]:
        return {k: v for k, v in digest(root / "reports").items() if not k.startswith(".build")}

    figures, processed = digest(root / "figures"), digest(root / "data" / "processed")
    pages = reports()
    ok, lines = _run(root, force=True)
    assert ok, "\n".join(lines)
    assert digest(root / "figures") == figures
    assert digest(root / "data" / "processed") == processed
    # the pages too: their cells have numbered ids, not nbformat's random ones
    assert reports() == pages


def test_force_keeps_the_numbering_so_no_table_is_written_twice(reproduced, monkeypatch):
    """--force deletes every generated file but the last run's numbering: the notebooks
    then take their final numbers at once, and renumbering after them (in this process;
    the notebooks write their tables in their kernels) rewrites no table file."""
    from psm_analysis import tablefiles as tables

    root, _, _ = reproduced
    calls: list[str] = []
    real = tables.write_table_files
    monkeypatch.setattr(
        tables,
        "write_table_files",
        lambda record, folder: calls.append(record["name"]) or real(record, folder),
    )
    ok, lines = _run(root, force=True)
    assert ok, "\n".join(lines)
    assert (root / "reports" / "penomoran.json").is_file()
    assert calls == []


def test_failing_notebook_exits_nonzero_naming_it_and_still_renders(make_project):
    root = make_project(notebooks=False)
    (root / "notebooks" / "01_gagal.py").write_text(
        "# %% [markdown]\n# # Notebook yang gagal\n\n# %%\nx = 1\n\n# %%\nraise ValueError('sengaja gagal')\n",
        encoding="utf-8",
    )
    out = run_cli("reproduce", root=root)
    assert out.returncode == 1, out.stdout + out.stderr
    assert (
        "01_gagal.py: GAGAL di sel 3 (`raise ValueError('sengaja gagal')`): ValueError: sengaja gagal"
        in out.stdout
    )
    page = (root / "reports" / "01_gagal.html").read_text(encoding="utf-8")
    assert "sengaja gagal" in page and "ValueError" in page
    assert "GAGAL" in (root / "reports" / "index.html").read_text(encoding="utf-8")
    # A failed notebook is not recorded as done: the next run tries it again.
    out = run_cli("reproduce", root=root)
    assert out.returncode == 1 and "menjalankan 1 dari 1" in out.stdout


def test_a_notebook_that_cannot_be_read_fails_by_name_and_the_others_run(make_project):
    root = make_project(notebooks=False)
    (root / "notebooks" / "01_rusak.py").write_bytes(b"# %%\nx = '\xff\xfe'\n")
    (root / "notebooks" / "02_baik.py").write_text("# %%\nprint(1 + 1)\n", encoding="utf-8")
    ok, lines = _run(root)
    assert not ok
    assert any(ln.startswith("      01_rusak.py: GAGAL: UnicodeDecodeError") for ln in lines)
    assert any("02_baik.py: selesai" in ln for ln in lines)
    assert (root / "reports" / "02_baik.html").is_file()
    assert "01_rusak.py: UnicodeDecodeError" in (root / "reports" / "index.html").read_text(
        encoding="utf-8"
    )


def test_planted_leak_of_a_roster_name_fails_reproduce(reproduced):
    from psm_analysis.errors import DataError
    from psm_analysis.interviews import privacy

    root, _, _ = reproduced
    names = privacy.roster_names(get_paths(root))
    assert names
    leak = root / "notebooks" / "06_bocor.py"
    leak.write_text(f"# %%\nprint({names[0]!r})\n", encoding="utf-8")
    try:
        with pytest.raises(DataError) as err:
            _run(root)
        # named where it would have gone, and it did not go there: only the changed files
        # are read in a run that did not clean (the one new page here)
        assert "berkas reports/06_bocor.html" in str(err.value)
        assert ".psm-build" not in str(err.value)
        assert not (root / "reports" / "06_bocor.html").exists()
    finally:
        leak.unlink()
        (root / "reports" / "06_bocor.html").unlink(missing_ok=True)
        ok, lines = _run(root)
        assert ok, "\n".join(lines)


def test_reproduce_leaves_raw_and_demo_inputs_untouched(reproduced):
    root, _, _ = reproduced
    before = json.loads((root / "inputs_before.json").read_text(encoding="utf-8"))
    assert len(before) > 10
    assert inputs_digest(root) == before


def test_template_fill_validate_reproduce_with_real_answers(make_project, monkeypatch):
    """The researcher's path: template, fill in Excel, validate, reproduce. Real answers in
    data/raw/survey replace the demo answers, and notebook 04 drops its demo banner."""
    import pandas as pd
    from test_survey_pipeline import fill_template

    from psm_analysis.cli import main

    root = make_project(notebooks=False)
    shutil.copy(REPO / "notebooks" / "04_kinerja_psm_kuesioner.py", root / "notebooks")
    monkeypatch.setenv("PSM_ANALYSIS_ROOT", str(root))
    answers = root / "data" / "raw" / "survey" / "jawaban_kuesioner.xlsx"
    assert main(["template", "survey", "--out", str(answers)]) == 0
    fill_template(answers)
    assert main(["validate", "survey", str(answers)]) == 0

    ok, lines = _run(root)
    assert ok, "\n".join(lines)
    inputs = (root / "data" / "processed" / "sumber_masukan.csv").read_text(encoding="utf-8")
    assert "survey,data/raw/survey/jawaban_kuesioner.xlsx,false" in inputs
    assert "data/demo/survey" not in inputs
    items = pd.read_csv(root / "data" / "processed" / "kuesioner_butir.csv").set_index("butir")
    assert items.loc["KIN01", "indeks"] == 80.0  # answers 5, 4, 4, 3 of the filled template
    page = (root / "reports" / "04_kinerja_psm_kuesioner.html").read_text(encoding="utf-8")
    assert "DATA CONTOH - bukan data penelitian" not in page  # the banner
    assert "KIN01" in page


@pytest.mark.slow
def test_a_kernel_that_dies_is_named_and_the_next_notebook_runs_in_a_new_one(tmp_path):
    """A cell that ends its kernel's process: the result says the kernel died, the page is
    written, the next notebook runs in a kernel of its own, and no kernel is left
    running afterwards."""
    import os
    import shutil
    import subprocess

    from psm_analysis import runner

    nb_dir = tmp_path / "notebooks"
    nb_dir.mkdir()
    dies = nb_dir / "01_mati.py"
    dies.write_text("# %%\nimport os\nos._exit(1)\n", encoding="utf-8")
    lives = nb_dir / "02_hidup.py"
    lives.write_text("# %%\nprint(os.getpid())\n", encoding="utf-8")  # no `import os` here
    jobs = [(dies, tmp_path / "01.html"), (lives, tmp_path / "02.html")]
    results = dict(runner.run_notebooks(jobs, tmp_path, workers=1))
    dead = results[dies]
    assert not dead.ok and dead.error.startswith("kernel mati di tengah jalan")
    assert (tmp_path / "01.html").is_file()
    # a fresh kernel: the `os` the first notebook imported is not there
    assert (
        results[lives].error == "sel 1 (`print(os.getpid())`): NameError: name 'os' is not defined"
    )
    if shutil.which("pgrep"):  # this process's own kernels, none left
        left = subprocess.run(
            ["pgrep", "-P", str(os.getpid()), "-f", "ipykernel_launcher"],
            capture_output=True,
            text=True,
        )
        assert left.stdout.split() == []


def _own_kernels() -> list[int]:
    """The ipykernel processes this process started and that still run."""
    import psutil

    return [
        p.pid
        for p in psutil.Process().children(recursive=True)
        if p.is_running()
        and p.status() != psutil.STATUS_ZOMBIE
        and any("ipykernel_launcher" in part for part in p.cmdline())
    ]


def test_a_forced_run_starts_the_kernels_while_clean_runs(make_project, monkeypatch):
    """reproduce --force: every notebook runs after clean, so their kernels (as many as
    run at once) start while clean runs on the other core, and wait for it."""
    import time

    root = make_project(notebooks=False)
    for name in ("01_satu", "02_dua", "03_tiga"):
        (root / "notebooks" / f"{name}.py").write_text(
            "# %%\nfrom psm_analysis.config import get_paths\n"
            "print('berkas olahan:', len(list(get_paths().processed.glob('*.csv'))))\n",
            encoding="utf-8",
        )
    real, seen = pipeline.clean, []

    def clean_seeing_kernels(paths, *args, **kwargs):
        deadline = time.monotonic() + 60
        while len(_own_kernels()) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        seen.append(len(_own_kernels()))
        return real(paths, *args, **kwargs)

    monkeypatch.setattr(pipeline, "clean", clean_seeing_kernels)
    ok, lines = _run(root, force=True, jobs=2)
    assert ok, "\n".join(lines)
    assert seen == [2]  # two of three started before clean wrote anything
    # and each ran after clean: it found the processed data
    page = (root / "reports" / "01_satu.html").read_text(encoding="utf-8")
    assert re.search(r"berkas olahan: [1-9][0-9]", page)
    assert _own_kernels() == []


def test_a_forced_run_whose_clean_fails_leaves_no_kernel(make_project, monkeypatch):
    from psm_analysis.errors import DataError

    root = make_project(notebooks=False)
    (root / "notebooks" / "01_satu.py").write_text("# %%\nprint(1)\n", encoding="utf-8")

    def failing_clean(paths, *args, **kwargs):
        import time

        deadline = time.monotonic() + 60
        while not _own_kernels() and time.monotonic() < deadline:
            time.sleep(0.05)
        raise DataError("masukan rusak")

    monkeypatch.setattr(pipeline, "clean", failing_clean)
    with pytest.raises(DataError, match="masukan rusak"):
        _run(root, force=True)
    assert _own_kernels() == []
    assert not (root / "reports" / "01_satu.html").exists()


def test_stopped_notebook_runs_shut_their_running_kernels_down(tmp_path):
    """Ctrl+C in reproduce while notebooks run: the iteration over runner.NotebookRuns
    ends, and its close() (the same call) shuts the running kernels down at once. A
    kernel runs in a session of its own, so Ctrl+C does not reach it; before, the
    command waited for every running notebook to finish (9 s on the demo's
    reproduce --force, up to the cell timeout on real data)."""
    import time

    from psm_analysis import runner

    started, finished = tmp_path / "mulai.txt", tmp_path / "selesai.txt"
    source = tmp_path / "01_lama.py"
    source.write_text(
        "# %%\nimport pathlib, time\n"
        f"pathlib.Path({str(started)!r}).write_text('x')\n"
        "time.sleep(60)\n"
        f"pathlib.Path({str(finished)!r}).write_text('x')\n",
        encoding="utf-8",
    )
    runs = runner.run_notebooks([(source, tmp_path / "01.html")], tmp_path, workers=1)
    deadline = time.monotonic() + 120
    while not started.is_file() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert started.is_file()
    t0 = time.monotonic()
    runs.close()
    assert time.monotonic() - t0 < 20
    assert not finished.exists()
    assert _own_kernels() == []
