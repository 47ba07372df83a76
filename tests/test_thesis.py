"""Thesis numbering (thesis.yml), the final numbers after notebooks ran in parallel, and
the Word output a student pastes into the thesis: captions with SEQ fields, id-ID, table
captions above tables and figure captions below figures."""

from __future__ import annotations

import json
import os
import re
import sys
import zipfile
from pathlib import Path

import matplotlib
import pandas as pd
import pytest

from psm_analysis import notebook, site, thesis
from psm_analysis.config import get_paths
from psm_analysis.errors import DataError

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def paths(tmp_path):
    (tmp_path / "data").mkdir()
    return get_paths(tmp_path)


def test_default_plan_is_bab_v_in_roman_style(paths):
    """Results go into BAB V (hasil penelitian dan pembahasan), the Lampiran's numbers
    are L.n, and the project's own thesis.yml says the same."""
    plan = thesis.load_plan(paths)
    assert plan == thesis.Plan(5, "romawi", {}, {}, "L")
    assert plan.label_number(5, 12) == "V.12" and plan.label_number(4, 3) == "IV.3"
    assert plan.label_number("lampiran", 2) == "L.2" and plan.label_number("tidak", 1) == ""
    assert thesis.load_plan(get_paths(Path(__file__).resolve().parents[1])) == plan


def test_plan_from_thesis_yml(paths):
    (paths.root / "thesis.yml").write_text(
        'bab: 4\ngaya: arab\nnotebook:\n  "01": III\n', encoding="utf-8"
    )
    plan = thesis.load_plan(paths)
    assert (plan.chapter, plan.style, plan.notebooks) == (4, "arab", {"01": 3})
    recs = [
        {"kind": "table", "name": "a", "notebook": "01", "index": 1},
        {"kind": "table", "name": "b", "notebook": "02", "index": 1},
        {"kind": "table", "name": "c", "notebook": "03", "index": 1},
    ]
    assert thesis.assign(recs, plan)["table"] == {"a": "3.1", "b": "4.1", "c": "4.2"}


def test_bad_thesis_yml_says_where_in_indonesian(paths):
    (paths.root / "thesis.yml").write_text("bab: V1\ngaya: latin\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        thesis.load_plan(paths)
    texts = [str(p) for p in err.value.problems]
    assert texts == [
        "berkas thesis.yml, kolom 'bab': BAB tidak dikenal: nilai \"V1\" "
        "(yang diharapkan: angka Romawi atau angka biasa, mis. V atau 5)",
        "berkas thesis.yml, kolom 'gaya': gaya penomoran tidak dikenal: nilai \"latin\" "
        "(yang diharapkan: romawi (Tabel V.1) atau arab (Tabel 5.1))",
    ]


def _table(n: int) -> pd.DataFrame:
    return pd.DataFrame({"Kecamatan": ["Bunut", "Pelalawan"][:n], "Jumlah": [10, 17][:n]})


def _run_notebooks_in_parallel(paths):
    """Three notebooks started before any finished: each numbers from V.1."""
    chapters = [notebook.setup(nb, paths=paths) for nb in ("01", "02", "03")]
    one, two, three = chapters
    one.export_table(_table(2), "01_a", title="Tabel A", source="Sumber A")
    one.export_table(_table(1), "01_b", title="Tabel B", source="Sumber B")
    fig, ax = plt.subplots()
    ax.plot([1, 2])
    two.save_figure(fig, "02_g", caption="Garis", source="Sumber G")
    plt.close(fig)
    two.export_table(_table(2), "02_c", title="Tabel C", source="DATA CONTOH (sintetis); diolah")
    three.export_table(_table(1), "03_d", title="Tabel D", source="Sumber D")
    # the page of notebook 03 as the runner renders it: caption and a reference
    page = paths.reports / "03_x.html"
    shown = three.export_table(_table(1), "03_d", title="Tabel D", source="Sumber D")
    page.write_text(
        f"<html><body>{shown._repr_html_()}<p>lihat {two.ref('02_c')}</p></body></html>",
        encoding="utf-8",
    )
    (paths.notebooks).mkdir(exist_ok=True)
    (paths.notebooks / "03_x.py").write_text("# # Tiga\n", encoding="utf-8")
    return chapters


def test_parallel_notebooks_get_continuous_final_numbers(paths):
    chapters = _run_notebooks_in_parallel(paths)
    assert chapters[2].number("table", "03_d")[0] == "V.1"  # provisional
    site.write_reports(paths)
    md = (paths.reports / "daftar_tabel.md").read_text(encoding="utf-8")
    numbers = re.findall(r"^\| Tabel (V\.\d+) ", md, flags=re.M)
    assert numbers == ["V.1", "V.2", "V.3", "V.4"]  # no gap, no duplicate
    figs = (paths.reports / "daftar_gambar.md").read_text(encoding="utf-8")
    assert re.findall(r"^\| Gambar (V\.\d+) ", figs, flags=re.M) == ["V.1"]
    # each number beside its stable name (the file stem)
    # the demo mark once per table: its Sumber says DATA CONTOH, so no second mark
    assert "| Tabel V.3 | Tabel C | DATA CONTOH (sintetis); diolah |" in md and "`02_c`" in md
    # the table files carry the final number
    assert (paths.tables / "03_d.md").read_text(encoding="utf-8").startswith("**Tabel V.4**")
    from openpyxl import load_workbook

    assert load_workbook(paths.tables / "03_d.xlsx").active["A1"].value == "Tabel V.4 Tabel D"
    # the page: its caption and the reference in the prose
    page = (paths.reports / "03_x.html").read_text(encoding="utf-8")
    assert 'data-nomor="table:03_d">Tabel V.4</span>' in page
    assert 'lihat <span class="psm-nomor" data-nomor="table:02_c">Tabel V.3</span>' in page
    # a notebook run alone afterwards takes its numbers from the last complete run
    again = notebook.setup("03", paths=paths)
    assert again.number("table", "03_d")[0] == "V.4"
    assert again.ref("02_c", markup=False) == "Tabel V.3"
    index = (paths.reports / "index.html").read_text(encoding="utf-8")
    assert re.search(r"Tabel V\.3 Tabel C <span class=\"contoh\">DATA CONTOH</span>", index)
    # a second pass changes nothing
    before = {p: p.read_bytes() for p in paths.tables.iterdir()}
    site.write_reports(paths)
    assert {p: p.read_bytes() for p in paths.tables.iterdir()} == before


def test_renumbering_stopped_halfway_is_finished_by_the_next_pass(paths, monkeypatch):
    """A run stopped (Ctrl-C) while the tables are written again under their final
    numbers, here after a table's files and before its sidecar: a table's sidecar gets
    its number only after its files, so the next pass writes that table again (its
    files no longer carry the sidecar's label: built anew, not relabelled), and every
    table's files then carry its sidecar's number."""
    from psm_analysis import files

    _run_notebooks_in_parallel(paths)
    # workers=1 below: the writers in this process, where the stop is planted (a Ctrl-C
    # reaches every worker process too, each in the middle of its own table)
    real, sidecars = files.write_text, []

    def stop_before_the_second_sidecar(path, text):
        path = Path(path)
        if path.parent == paths.tables and path.suffix == ".json":
            sidecars.append(path.name)
            if len(sidecars) == 2:
                raise KeyboardInterrupt
        return real(path, text)

    monkeypatch.setattr(files, "write_text", stop_before_the_second_sidecar)
    with pytest.raises(KeyboardInterrupt):
        site.write_reports(paths, workers=1)
    # 01_a, 01_b keep V.1, V.2; 02_c done; 03_d's files written, its sidecar not
    assert sidecars == ["02_c.json", "03_d.json"]
    stale = json.loads((paths.tables / "03_d.json").read_text(encoding="utf-8"))["label"]
    assert stale != "Tabel V.4"
    assert (paths.tables / "03_d.md").read_text(encoding="utf-8").startswith("**Tabel V.4**")
    monkeypatch.setattr(files, "write_text", real)
    site.write_reports(paths)
    for sidecar in sorted(paths.tables.glob("*.json")):
        label = json.loads(sidecar.read_text(encoding="utf-8"))["label"]
        md = sidecar.with_suffix(".md").read_text(encoding="utf-8")
        assert md.startswith(f"**{label}**"), (sidecar.name, label, md[:20])
    assert (paths.tables / "03_d.md").read_text(encoding="utf-8").startswith("**Tabel V.4**")


def _paragraph_text(p) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def _seq_fields(xml: str) -> list[str]:
    return [s.strip() for s in re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>", xml)]


def test_word_captions_language_and_order(paths):
    _run_notebooks_in_parallel(paths)
    site.write_reports(paths)
    from docx import Document

    # one table's document: a Caption paragraph with a SEQ field above the table
    doc = Document(paths.tables / "02_c.docx")
    body = list(doc.element.body)
    tags = [el.tag.rsplit("}", 1)[1] for el in body]
    assert tags[:3] == ["p", "tbl", "p"]
    assert doc.paragraphs[0].style.name == "Caption"
    assert _paragraph_text(body[0]) == "Tabel V.3 Tabel C"
    xml = zipfile.ZipFile(paths.tables / "02_c.docx").read("word/document.xml").decode()
    assert _seq_fields(xml) == [r"SEQ Tabel \* ARABIC \s 1"]
    styles = zipfile.ZipFile(paths.tables / "02_c.docx").read("word/styles.xml").decode()
    assert 'w:lang w:val="id-ID"' in styles
    assert "en-US" not in styles
    # the one document of everything, in thesis order
    doc = Document(paths.reports / "tabel_dan_gambar.docx")
    body = list(doc.element.body)
    kinds = []
    for k, el in enumerate(body):
        if el.tag == f"{W}tbl":
            kinds.append(("table", _paragraph_text(body[k - 1])))
        elif el.findall(f".//{W}drawing"):
            kinds.append(("figure", _paragraph_text(body[k + 1])))
    assert kinds == [
        ("table", "Tabel V.1 Tabel A"),
        ("table", "Tabel V.2 Tabel B"),
        ("figure", "Gambar V.1 Garis"),  # the caption below the figure
        ("table", "Tabel V.3 Tabel C"),
        ("table", "Tabel V.4 Tabel D"),
    ]
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "BAB V" and doc.paragraphs[0].style.name == "Heading 1"
    assert texts.count("Sumber: Sumber A") == 1 and "Sumber: Sumber G" in texts
    xml = zipfile.ZipFile(paths.reports / "tabel_dan_gambar.docx").read("word/document.xml")
    fields = _seq_fields(xml.decode())
    assert fields.count(r"SEQ Tabel \* ARABIC \s 1") == 4
    assert fields.count(r"SEQ Gambar \* ARABIC \s 1") == 1


def test_places_number_per_bab_and_lampiran_and_thesis_yml_has_the_last_word(paths):
    """A notebook places its checking table in the Lampiran and a list nowhere;
    thesis.yml moves one results table to BAB IV. Numbers restart per place; the item
    placed nowhere has no number, is on no list and in no Word document; each place gets
    its own Word document."""
    from docx import Document

    (paths.root / "thesis.yml").write_text("tempat:\n  01_gambaran: IV\n", encoding="utf-8")
    bab = notebook.setup("01", paths=paths)
    bab.export_table(_table(2), "01_gambaran", title="Gambaran", source="S")
    bab.export_table(_table(2), "01_hasil", title="Hasil", source="S")
    bab.export_table(_table(1), "01_cek", title="Pemeriksaan.", source="S", tempat="lampiran")
    bab.export_table(_table(1), "01_daftar", title="Daftar berkas", source="S", tempat="tidak")
    fig, ax = plt.subplots()
    bab.save_figure(fig, "01_garis", caption="Garis", source="S", tempat="lampiran")
    assert bab.ref("01_cek", markup=False) == "Tabel L.1"
    assert bab.ref("01_daftar", markup=False) == "tabel berikut"
    assert bab.ref("01_gambaran", markup=False) == "Tabel IV.1"
    site.write_reports(paths)
    labels = {
        p.stem: json.loads(p.read_text(encoding="utf-8"))["label"]
        for p in paths.tables.glob("*.json")
    }
    assert labels == {
        "01_gambaran": "Tabel IV.1",
        "01_hasil": "Tabel V.1",
        "01_cek": "Tabel L.1",
        "01_daftar": "",
    }
    md = (paths.reports / "daftar_tabel.md").read_text(encoding="utf-8")
    assert re.findall(r"^\| (Tabel [^ ]+) ", md, flags=re.M) == [
        "Tabel IV.1",
        "Tabel V.1",
        "Tabel L.1",
    ]
    assert "01_daftar" not in md
    assert (
        (paths.tables / "01_daftar.md").read_text(encoding="utf-8").startswith("**Daftar Berkas**")
    )
    doc = Document(paths.reports / "tabel_dan_gambar.docx")
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["BAB IV", "BAB V", "LAMPIRAN"]
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    # a caption ends without a full stop
    assert captions == [
        "Tabel IV.1 Gambaran",
        "Tabel V.1 Hasil",
        "Tabel L.1 Pemeriksaan",
        "Gambar L.1 Garis",
    ]
    parts = sorted(p.name for p in paths.reports.glob("*.docx"))
    assert parts == ["bab_IV.docx", "bab_V.docx", "lampiran.docx", "tabel_dan_gambar.docx"]
    lampiran = Document(paths.reports / "lampiran.docx")
    assert [p.text for p in lampiran.paragraphs if p.style.name == "Heading 1"] == ["LAMPIRAN"]
    # moved back: the BAB IV document goes, the table is V.1 again
    (paths.root / "thesis.yml").write_text("bab: V\n", encoding="utf-8")
    site.write_reports(paths)
    assert not (paths.reports / "bab_IV.docx").exists()
    numbers = json.loads((paths.reports / "penomoran.json").read_text(encoding="utf-8"))
    assert numbers["nomor"]["table"]["01_gambaran"] == "V.1"
    assert ["01", "01_cek", "lampiran"] in numbers["urutan"]["table"]


def test_a_place_that_does_not_exist_is_refused(paths):
    (paths.root / "thesis.yml").write_text(
        "tempat:\n  01_a: bab lima\nlampiran: 12\n", encoding="utf-8"
    )
    with pytest.raises(DataError) as err:
        thesis.load_plan(paths)
    assert [str(p) for p in err.value.problems] == [
        "berkas thesis.yml, kolom 'tempat.01_a': tempat tidak dikenal: nilai \"bab lima\" "
        "(yang diharapkan: BAB (mis. V), lampiran, atau tidak)",
        "berkas thesis.yml, kolom 'lampiran': awalan nomor lampiran tidak dikenal: nilai "
        '"12" (yang diharapkan: huruf, mis. L (Tabel L.1))',
    ]
    (paths.root / "thesis.yml").unlink()
    with pytest.raises(ValueError, match="tempat 'bab VII' tidak dikenal"):
        notebook.setup("01", paths=paths).export_table(
            _table(1), "x", title="X", source="S", tempat="bab VII"
        )


def test_a_word_document_is_built_again_only_when_what_it_shows_changed(paths, monkeypatch):
    """Each thesis document records a hash of its records, figures and code: a second
    pass builds none again, a changed title rebuilds the documents that show it."""
    import os
    import zipfile

    (paths.root / "thesis.yml").write_text('tempat:\n  "01_a": lampiran\n', encoding="utf-8")
    _run_notebooks_in_parallel(paths)
    site.write_reports(paths)
    core = zipfile.ZipFile(paths.reports / "tabel_dan_gambar.docx").read("docProps/core.xml")
    assert re.search(rb"<dc:identifier>[0-9a-f]{64}</dc:identifier>", core)

    def rewritten(before: dict) -> list[str]:
        # the documents are written by worker processes: what was built shows on disk
        return sorted(p.name for p, t in before.items() if p.stat().st_mtime_ns != t)

    docs = {p: p.stat().st_mtime_ns for p in paths.reports.glob("*.docx")}
    assert sorted(p.name for p in docs) == ["bab_V.docx", "lampiran.docx", "tabel_dan_gambar.docx"]
    for p in docs:
        os.utime(p, ns=(1, 1))  # so a rewrite shows even on a coarse clock
    docs = dict.fromkeys(docs, 1)
    site.write_reports(paths)
    assert rewritten(docs) == []
    sidecar = paths.tables / "02_c.json"
    sidecar.write_text(
        sidecar.read_text(encoding="utf-8").replace('"Tabel C"', '"Tabel C baru"'),
        encoding="utf-8",
    )
    site.write_reports(paths)
    # the documents that show Tabel C; lampiran.docx does not
    assert rewritten(docs) == ["bab_V.docx", "tabel_dan_gambar.docx"]
    from docx import Document

    captions = [p.text for p in Document(paths.reports / "bab_V.docx").paragraphs]
    assert "Tabel V.2 Tabel C baru" in captions  # 01_a went to the Lampiran


def test_tables_built_once_and_copied_give_the_documents_built_anew(paths):
    """site.write_thesis_docx builds each table once and copies it into the other
    documents: every document is byte for byte the one built without the copies."""
    from psm_analysis import worddoc

    _run_notebooks_in_parallel(paths)
    site.write_reports(paths)
    shared: dict = {}
    _, records = site.renumber(paths)
    placed = [r for r in records if r["_tempat"] != "tidak"]
    groups = [("BAB V", [r for r in placed if r["_tempat"] == 5])]
    for i, built in enumerate((None, shared, shared)):
        worddoc.write_thesis_document(paths.reports / f"x{i}.docx", groups, paths.figures, built)
    assert shared and set(shared) == {r["name"] for r in groups[0][1] if r["kind"] == "table"}
    first = (paths.reports / "x0.docx").read_bytes()
    assert (paths.reports / "x1.docx").read_bytes() == first  # building, filling the cache
    assert (paths.reports / "x2.docx").read_bytes() == first  # copying from it
    # the documents reproduce wrote the same way: this project has only BAB V
    assert (paths.reports / "tabel_dan_gambar.docx").read_bytes() == first


def _write_pid(path: Path) -> None:
    import os

    path.write_text(str(os.getpid()), encoding="utf-8")


def _fail(message: str) -> None:
    raise ValueError(message)


def test_writers_run_in_worker_processes_and_their_errors_come_back(tmp_path):
    """site.run_writers: with two workers the writers run in other processes (the
    numbering step's table files and Word documents, at once on two cores); with one,
    here; a writer's error is raised after the others have finished."""
    import os

    calls = [(_write_pid, tmp_path / f"{i}.txt") for i in range(4)]
    site.run_writers(calls, workers=2)
    pids = {int((tmp_path / f"{i}.txt").read_text(encoding="utf-8")) for i in range(4)}
    assert os.getpid() not in pids and 1 <= len(pids) <= 2
    site.run_writers(calls[:2], workers=1)
    assert (tmp_path / "1.txt").read_text(encoding="utf-8") == str(os.getpid())
    with pytest.raises(ValueError, match="^berkas rusak$"):
        site.run_writers([(_fail, "berkas rusak"), (_write_pid, tmp_path / "x.txt")], workers=2)
    assert (tmp_path / "x.txt").is_file()


def test_a_first_build_writes_each_table_once_under_its_final_number(tmp_path):
    """Inside reproduce's build with no numbering of an earlier run
    (thesis.numbered_later), a notebook writes only a table's sidecar and the numbering
    step writes its files: the same bytes as tables written at once and renumbered."""
    direct = get_paths(tmp_path / "a")
    staged = get_paths(tmp_path / "b", tmp_path / "b" / ".psm-build")
    for p in (direct, staged):
        (p.root / "data").mkdir(parents=True)
    assert not thesis.numbered_later(direct) and thesis.numbered_later(staged)
    _run_notebooks_in_parallel(direct)
    site.write_reports(direct)
    _run_notebooks_in_parallel(staged)
    assert sorted(p.name for p in staged.tables.iterdir()) == [
        "01_a.json",
        "01_b.json",
        "02_c.json",
        "03_d.json",
    ]
    site.write_reports(staged)
    assert not thesis.numbered_later(staged)  # penomoran.json is there now
    names = sorted(p.name for p in direct.tables.iterdir())
    assert len(names) == 16 and sorted(p.name for p in staged.tables.iterdir()) == names
    for name in names:
        assert (staged.tables / name).read_bytes() == (direct.tables / name).read_bytes(), name


_INTERRUPTED_WRITERS = """
import sys, time
from pathlib import Path
from psm_analysis.site import run_writers

def write(path):
    time.sleep(1)
    Path(path).write_text("x", encoding="utf-8")

try:
    run_writers([(write, f"{sys.argv[1]}/{i}.txt") for i in range(8)], workers=2)
except KeyboardInterrupt:
    sys.exit(130)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process groups, /proc")
def test_ctrl_c_while_the_writers_run_stops_the_command(tmp_path):
    """Ctrl-C (SIGINT to the process group) while site.run_writers' worker processes
    write, once or twice: the command stops at once, and no worker is left. Before, a
    worker interrupted while idle or at work left the ProcessPoolExecutor waiting for
    it, and the command hung at its exit with its workers (a reproduce stopped in its
    numbering step never ended)."""
    import signal
    import subprocess
    import time

    def group(pgid: int) -> list[int]:
        found = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid:
                found.append(int(stat.parent.name))
        return found

    proc = subprocess.Popen(
        [sys.executable, "-c", _INTERRUPTED_WRITERS, str(tmp_path)], start_new_session=True
    )
    try:
        deadline = time.monotonic() + 60
        while len(group(proc.pid)) < 3 and time.monotonic() < deadline:  # both workers up
            time.sleep(0.05)
        assert len(group(proc.pid)) == 3
        os.killpg(proc.pid, signal.SIGINT)
        assert proc.wait(timeout=30) == 130
        while group(proc.pid) and time.monotonic() < deadline + 30:
            time.sleep(0.05)
        assert group(proc.pid) == []
        assert len(list(tmp_path.glob("*.txt"))) < 8  # the writers not started yet went
        # twice: the second Ctrl-C while the first one ends the workers
        proc = subprocess.Popen(
            [sys.executable, "-c", _INTERRUPTED_WRITERS, str(tmp_path)], start_new_session=True
        )
        while len(group(proc.pid)) < 3 and time.monotonic() < deadline + 60:
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGINT)
        time.sleep(0.3)  # not one signal: the second while the first is handled
        os.killpg(proc.pid, signal.SIGINT)
        proc.wait(timeout=30)
        while group(proc.pid) and time.monotonic() < deadline + 90:  # they see it gone
            time.sleep(0.05)
        assert group(proc.pid) == []
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)


def test_the_writers_work_in_fresh_processes_as_on_windows(tmp_path, monkeypatch):
    """Windows and macOS spawn site.run_writers' workers (a fresh Python that imports
    each writer by name; Linux forks): the numbering step's table files and Word
    documents written there are the bytes forked workers write."""
    import multiprocessing

    forked, spawned = get_paths(tmp_path / "a"), get_paths(tmp_path / "b")
    for p in (forked, spawned):
        (p.root / "data").mkdir(parents=True)
        _run_notebooks_in_parallel(p)
    site.write_reports(forked)
    real, asked = multiprocessing.get_context, []

    def spawn(method=None):
        asked.append(method)
        return real("spawn")

    monkeypatch.setattr(multiprocessing, "get_context", spawn)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)  # workers also on a one-core machine
    site.write_reports(spawned)
    assert asked == ["fork"]
    names = sorted(p.name for p in forked.tables.iterdir())
    assert len(names) == 16 and sorted(p.name for p in spawned.tables.iterdir()) == names
    for name in names:
        assert (spawned.tables / name).read_bytes() == (forked.tables / name).read_bytes(), name
    document = spawned.reports / site.THESIS_DOCX
    assert document.read_bytes() == (forked.reports / site.THESIS_DOCX).read_bytes()


def test_one_writer_at_a_time_runs_in_this_process(paths, monkeypatch):
    """write_reports(workers=1) (reproduce --jobs 1) writes everything in this process:
    no worker process is started; and the cores counted are those the process may use."""
    import multiprocessing
    import os

    from psm_analysis.config import available_cores

    _run_notebooks_in_parallel(paths)

    def no_processes(*args, **kwargs):
        raise AssertionError("a worker process was started")

    monkeypatch.setattr(multiprocessing, "get_context", no_processes)
    written = site.write_reports(paths, workers=1)
    assert paths.reports / "tabel_dan_gambar.docx" in written
    assert (paths.tables / "03_d.xlsx").is_file()
    if hasattr(os, "sched_getaffinity"):
        assert available_cores() == len(os.sched_getaffinity(0))
