"""The landing page ``reports/index.html``: links to every rendered notebook, the lists
of figures and tables, the data sources (and which inputs are demo data) and the
consistency report. Built with the standard library only (csv, json, html), so
re-rendering it is quick.
"""

from __future__ import annotations

import csv
import html
from pathlib import Path

from psm_analysis.banner import kind_names
from psm_analysis.config import Paths, get_paths, html_path, notebook_sources
from psm_analysis.files import write_text
from psm_analysis.inputs import INPUTS_FILE, demo_kinds
from psm_analysis.labels import italic_html, italic_markdown, t
from psm_analysis.sidecars import read_sidecars
from psm_analysis.tablefiles import md_escape

_CSS = """
body{font-family:"DejaVu Sans",Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;
color:#222;line-height:1.45}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}.banner{background:#E69F00;color:#000;font-weight:bold;padding:.6rem 1rem;
border-radius:4px}.gagal{color:#a00;font-weight:bold}.ok{color:#060}
ul.figs{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:1rem;
list-style:none;padding:0}.thumb{max-width:100%;border:1px solid #ddd;margin-top:.8rem}
.status-tidak-sesuai{background:#fde2e2}.status-catatan{background:#fff6d6}
.contoh{background:#E69F00;color:#000;font-size:.75rem;font-weight:bold;padding:0 .3rem;
border-radius:3px;white-space:nowrap}
"""


def _read_csv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def notebook_title(source: Path) -> str:
    """The first Markdown heading of a jupytext percent notebook, else its file name."""
    for line in source.read_text(encoding="utf-8", errors="replace").splitlines():
        s = line.strip()
        if s.startswith("# #"):
            return s.lstrip("# ").strip()
    return source.stem


#: Reader-facing headers of ``sumber_tabel.csv`` on the index page.
_SOURCE_HEADERS = {
    "tabel": "Tabel",
    "judul": "Judul",
    "judul_asli": "Judul tertulis",
    "sumber": "Sumber",
    "sumber_asli": "Baris Sumber tertulis",
    "tahun": "Tahun",
    "berkas": "Berkas",
}


def _e(x: object) -> str:
    return html.escape("" if x is None else str(x))


def is_demo(rec: dict) -> bool:
    """Whether a figure or table shows synthetic demo data: its sidecar says so, or its
    source names DATA CONTOH."""
    return bool(rec.get("demo")) or "DATA CONTOH" in str(rec.get("source", ""))


#: The mark of a demo figure or table in the lists.
DEMO_MARK = ' <span class="contoh">DATA CONTOH</span>'


def marked_once(rec: dict) -> bool:
    """Whether a row of a list that also shows the source needs :data:`DEMO_MARK`: a
    demo item whose source line does not already say DATA CONTOH (the mark once per table
    or figure, issue 21)."""
    return is_demo(rec) and "DATA CONTOH" not in str(rec.get("source", ""))


def _table(
    rows: list[dict[str, str]],
    columns: list[str],
    status_col: str | None = None,
    headers: dict[str, str] | None = None,
) -> str:
    if not rows:
        return "<p>(belum ada)</p>"
    headers = headers or {}
    head = "".join(f"<th>{_e(headers.get(c, c))}</th>" for c in columns)
    body = []
    for r in rows:
        cls = ""
        if status_col:
            cls = f' class="status-{_e(r.get(status_col, "")).replace(" ", "-")}"'
        body.append(
            f"<tr{cls}>" + "".join(f"<td>{_e(r.get(c, ''))}</td>" for c in columns) + "</tr>"
        )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def build_index(
    paths: Paths, failures: list[str] | None = None, records: list[dict] | None = None
) -> str:
    failures = failures or []
    failed = {f.split(":", 1)[0] for f in failures}
    parts = [
        "<!DOCTYPE html>",
        '<html lang="id"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>psm-analysis: laporan analisis</title>",
        f"<style>{_CSS}</style></head><body>",
    ]
    demo = demo_kinds(paths)
    if demo:
        parts.append(
            f'<p class="banner">{_e(t("demo_banner"))}: {_e(kind_names(demo))} '
            "adalah data contoh sintetis.</p>"
        )
    parts.append(
        "<h1>Peranan Dinas Sosial Kabupaten Pelalawan dalam Meningkatkan Kinerja Pekerja "
        "Sosial Masyarakat (PSM) (Studi di Kecamatan Bunut)</h1>"
        "<p>Laporan analisis yang dibangun ulang dari data mentah dengan "
        "<code>psm-analysis reproduce</code>.</p>"
    )

    parts.append("<h2>Notebook</h2><ol>")
    for src in notebook_sources(paths):
        page = html_path(paths, src)
        status = (
            '<span class="gagal">GAGAL</span>'
            if src.name in failed
            else ('<span class="ok">berhasil</span>' if page.is_file() else "belum dijalankan")
        )
        link = (
            f'<a href="{_e(page.name)}">{_e(notebook_title(src))}</a>'
            if page.is_file()
            else _e(notebook_title(src))
        )
        parts.append(f"<li>{link} <small>({_e(src.name)}, {status})</small></li>")
    parts.append("</ol>")
    if failures:
        parts.append("<p class='gagal'>" + "<br>".join(_e(f) for f in failures) + "</p>")

    figures = _records(paths, "figure", records)
    parts.append(
        f"<h2>{_e(t('daftar_gambar'))}</h2>"
        '<p><a href="daftar_gambar.html">Daftar gambar lengkap</a> (judul, sumber, berkas)</p>'
        '<ul class="figs">'
    )
    for m in figures:
        name = m["name"]
        parts.append(
            f'<li><img src="../figures/{_e(name)}.png" alt="{_e(m.get("caption", name))}" '
            'class="thumb"><br>'
            f"{_e(m.get('label') or m.get('number', ''))} {italic_html(m.get('caption', ''))}"
            f"{DEMO_MARK if is_demo(m) else ''} "
            f'(<a href="../figures/{_e(name)}.png">PNG</a>, '
            f'<a href="../figures/{_e(name)}.pdf">PDF</a>)</li>'
        )
    parts.append("</ul>" if figures else "</ul><p>(belum ada)</p>")

    tables = _records(paths, "table", records)
    parts.append(
        f"<h2>{_e(t('daftar_tabel'))}</h2>"
        '<p><a href="daftar_tabel.html">Daftar tabel lengkap</a> (judul, sumber, berkas). '
        f'Semua tabel dan gambar dalam satu dokumen Word: <a href="{THESIS_DOCX}">'
        f"{THESIS_DOCX}</a>; per bagian: "
        + ", ".join(f'<a href="{_e(d.name)}">{_e(d.name)}</a>' for d in _part_documents(paths))
        + ". Instrumen lengkap untuk Lampiran: "
        + (
            ", ".join(
                f'<a href="{_e(d.name)}">{_e(d.name)}</a>'
                for d in sorted(paths.reports.glob("lampiran_*.docx"))
            )
            or "(belum ada)"
        )
        + ".</p><ul>"
    )
    for m in tables:
        name = m["name"]
        links = ", ".join(
            f'<a href="tables/{_e(name)}.{ext}">{ext}</a>'
            for ext in ("xlsx", "docx", "md")
            if (paths.tables / f"{name}.{ext}").is_file()
        )
        parts.append(
            f"<li>{_e(m.get('label') or m.get('number', ''))} {italic_html(m.get('title', ''))}"
            f"{DEMO_MARK if is_demo(m) else ''} ({links})</li>"
        )
    parts.append("</ul>" if tables else "</ul><p>(belum ada)</p>")

    parts.append("<h2>Sumber data</h2>")
    sources = _read_csv(paths.processed / "sumber_tabel.csv")
    parts.append(_table(sources, list(sources[0]) if sources else [], headers=_SOURCE_HEADERS))
    parts.append("<p>Berkas masukan yang dipakai:</p>")
    inputs = [
        {
            "masukan": kind_names([r.get("masukan", "")]),
            "berkas": r.get("berkas", ""),
            "data_contoh": "ya" if r.get("data_contoh") == "true" else "tidak",
        }
        for r in _read_csv(paths.processed / INPUTS_FILE)
    ]
    parts.append(
        _table(
            inputs,
            ["masukan", "berkas", "data_contoh"],
            headers={"masukan": "Masukan", "berkas": "Berkas", "data_contoh": "Data contoh"},
        )
    )
    parts.append(
        "<p>Tabel olahan lengkap ada di <code>data/processed/</code>; untuk dibaca manusia: "
        '<a href="../data/processed/data_dinas_sosial.xlsx">data_dinas_sosial.xlsx</a>.</p>'
    )

    parts.append("<h2>Pemeriksaan konsistensi</h2>")
    checks = _read_csv(paths.processed / "pemeriksaan_konsistensi.csv")
    parts.append(
        _table(checks, ["pemeriksaan", "diharapkan", "ditemukan", "status", "keterangan"], "status")
    )
    across = paths.processed / "pemeriksaan_lintas_sumber.csv"  # kuesioner, register, wawancara
    if across.is_file():
        parts.append("<h3>Antarsumber: kuesioner, register PSM, Tabel I.2, dan wawancara</h3>")
        parts.append(
            _table(
                _read_csv(across),
                ["pemeriksaan", "diharapkan", "ditemukan", "status", "keterangan"],
                "status",
            )
        )
    parts.append("</body></html>\n")
    return "\n".join(parts)


def write_reports(
    paths: Paths | None = None, failures: list[str] | None = None, workers: int | None = None
) -> list[Path]:
    """Give every figure and table its final thesis number (:func:`renumber`), then write
    the lists of figures and tables, the Word documents (:func:`write_thesis_docx`) and
    ``reports/index.html``; return the files written. The table files and Word documents
    are independent of each other and are written at once (:func:`run_writers`, with
    ``workers``)."""
    paths = paths or get_paths()
    later: list = []
    written, records = renumber(paths, later=later)
    docs: list = []  # the longest writer first
    written += write_thesis_docx(paths, records=records, later=docs)
    run_writers(docs + later, workers)
    written += write_lists(paths, records=records)
    index = paths.reports / "index.html"
    write_text(index, build_index(paths, failures, records=records))
    written.append(index)
    return written


def run_writers(calls: list[tuple], workers: int | None = None) -> None:
    """Run the independent file writers ``calls``, each ``(function, *arguments)``, as
    many at once as this process has cores (``workers``), in worker processes: writing
    Word and Excel files is pure Python, which one process runs on one core at a time.
    Linux forks the workers, so they import nothing again; elsewhere they start fresh.
    With one core, or one call, they run here, one after the other.

    On the demo's first build (62 tables written under their final numbers, the six Word
    documents) that is 3,0 s and 1,8 s of CPU.

    Raises
    ------
    Exception
        The first error a writer raised, once all of them have finished.
    """
    import sys

    from psm_analysis.config import available_cores

    workers = min(workers or available_cores(), len(calls))
    if workers < 2:
        for fn, *args in calls:
            fn(*args)
        return
    import multiprocessing
    import signal

    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    # Ctrl+C stops this process alone, and leaving the block ends the workers (daemons,
    # also ended at exit): a ProcessPoolExecutor with a worker interrupted, or with its
    # shutdown interrupted by a second Ctrl+C, waited for it, and the command hung
    ignore = (signal.SIGINT, signal.SIG_IGN)
    with context.Pool(workers, initializer=signal.signal, initargs=ignore) as pool:
        results = [pool.apply_async(fn, args) for fn, *args in calls]
        pool.close()
        pool.join()
    for result in results:
        result.get()


#: The one Word document of all tables and figures, in thesis order.
THESIS_DOCX = "tabel_dan_gambar.docx"


def _labels(records: list[dict]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {"figure": {}, "table": {}}
    for r in records:
        out[r["kind"]][r["name"]] = r["label"]
    return out


def renumber(paths: Paths, later: list | None = None) -> tuple[list[Path], list[dict]]:
    """Once all notebooks have run: the place and final number of every figure and table
    from all sidecars (:func:`psm_analysis.thesis.assign`), put into the sidecars, the
    table files (written again by :func:`psm_analysis.tablefiles.write_table_files` from
    the content their sidecar keeps), the numbers marked on the rendered notebook pages
    (captions and references in the prose) and ``reports/penomoran.json``, which keeps
    the numbers for the next run. Returns the files written and every record with its
    final number and its place (key ``_tempat``, not written), in thesis order.
    ``later``: a list the table writers are put in, ``(function, *arguments)``, for
    :func:`run_writers`, instead of being run here."""
    from psm_analysis import thesis
    from psm_analysis.sidecars import record_order, renumber_html, sidecar_text
    from psm_analysis.tablefiles import write_table_files

    plan = thesis.load_plan(paths)
    tables = read_sidecars(paths.tables, "table", complete=False)
    records = read_sidecars(paths.figures, "figure") + [
        rec  # a table whose files are missing is written from its content
        for rec in tables
        if "cells" in rec or all((paths.tables / f).is_file() for f in rec["files"])
    ]
    numbers = thesis.assign(records, plan)
    written: list[Path] = []
    changed = _final_numbers(records, numbers)
    ids = {id(rec) for rec in changed}
    unwritten = [  # saved with write_files=False (thesis.numbered_later)
        rec
        for rec in tables
        if "cells" in rec
        and id(rec) not in ids
        and not all((paths.tables / f).is_file() for f in rec["files"])
    ]
    for rec in changed + unwritten:
        written.append(rec["_path"])
        record = {k: v for k, v in rec.items() if not k.startswith("_")}
        if rec["kind"] == "table" and "cells" in rec:
            _run_or_keep(later, write_table_files, record, paths.tables)
            written += [paths.tables / f for f in rec["files"]]
        else:
            write_text(rec["_path"], sidecar_text(record))
    for rec in records:
        rec["_tempat"] = thesis.record_place(rec, plan)
    records.sort(key=lambda r: (thesis.place_rank(r["_tempat"]), record_order(r)))
    labels = _labels(records)
    for src in notebook_sources(paths):
        page = html_path(paths, src)
        if not page.is_file():
            continue
        text = page.read_text(encoding="utf-8")
        new_text = renumber_html(text, labels)
        if new_text != text and write_text(page, new_text):
            written.append(page)
    order = {
        kind: [
            [str(r.get("notebook")), r["name"], r["_tempat"]] for r in records if r["kind"] == kind
        ]
        for kind in ("figure", "table")
    }
    written.append(thesis.write_numbering(paths, numbers, order))
    return written, records


def _final_numbers(records: list[dict], numbers: dict[str, dict[str, str]]) -> list[dict]:
    """Put ``numbers`` (:func:`psm_analysis.thesis.assign`) and their labels into
    ``records``; return the records whose number changed."""
    changed = []
    for rec in records:
        new = numbers[rec["kind"]][rec["name"]]
        if rec["number"] == new:
            continue
        word = t("gambar" if rec["kind"] == "figure" else "tabel")
        rec["number"], rec["label"] = new, f"{word} {new}" if new else ""
        changed.append(rec)
    return changed


def _records(paths: Paths, kind: str, records: list[dict] | None) -> list[dict]:
    """The sidecar records of ``kind`` in thesis order: from ``records`` when given
    (renumbered and placed in memory), else read."""
    if records is None:
        return read_sidecars(paths.figures if kind == "figure" else paths.tables, kind)
    return [r for r in records if r["kind"] == kind]


def _in_thesis(records: list[dict]) -> list[dict]:
    """The records placed in a BAB or the Lampiran (not those placed nowhere)."""
    from psm_analysis.thesis import NOWHERE

    return [r for r in records if r.get("_tempat") != NOWHERE]


def write_thesis_docx(
    paths: Paths, records: list[dict] | None = None, later: list | None = None
) -> list[Path]:
    """The Word documents of the thesis's tables and figures, in thesis order, with
    captions and Sumber lines: ``reports/tabel_dan_gambar.docx`` with all of them, and
    one per place (``bab_V.docx``, ``lampiran.docx``, ...); the items placed nowhere are
    in none. Returns their paths. ``later``: as for :func:`renumber`; the documents are
    one writer, which builds each table once for all of them."""
    from psm_analysis import thesis

    plan = thesis.load_plan(paths)
    if records is None:
        records = renumber(paths)[1]
    placed = _in_thesis(records)
    groups: dict[int | str, list[dict]] = {}
    for rec in placed:
        groups.setdefault(rec["_tempat"], []).append(rec)
    headed = [(thesis.place_heading(place, plan), recs) for place, recs in groups.items()]
    documents = [(paths.reports / THESIS_DOCX, headed)]
    for place, recs in groups.items():
        stem = "lampiran" if place == thesis.LAMPIRAN else f"bab_{plan.chapter_text(place)}"
        path = paths.reports / f"{stem}.docx"
        documents.append((path, [(thesis.place_heading(place, plan), recs)]))
    # one writer, so that each table is built once and copied into the other documents
    _run_or_keep(later, _write_documents, documents, paths.figures)
    out = [path for path, _ in documents]
    for old in _part_documents(paths):
        if old not in out:  # a place that has nothing any more
            old.unlink()
    return out


def _write_documents(documents: list[tuple[Path, list]], figures: Path) -> None:
    """:func:`psm_analysis.worddoc.write_thesis_document` for each ``(path, groups)``,
    each table built once for all of them."""
    from psm_analysis import worddoc

    built: dict = {}
    for path, groups in documents:
        worddoc.write_thesis_document(path, groups, figures, built)


def _run_or_keep(later: list | None, fn, *args) -> None:
    """``fn(*args)`` now, or kept in ``later`` for :func:`run_writers`."""
    if later is None:
        fn(*args)
    else:
        later.append((fn, *args))


def _part_documents(paths: Paths) -> list[Path]:
    """The Word documents of single places in reports/ (``bab_V.docx``, ``lampiran.docx``)."""
    found = [*paths.reports.glob("bab_*.docx"), paths.reports / "lampiran.docx"]
    return sorted(p for p in found if p.is_file())


# ---------------------------------------------------------------------------- lists


_PAGE = """<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>{heading}</title>
<style>
body {{ font-family: "DejaVu Sans", Arial, sans-serif; max-width: 60em; margin: 2em auto;
       padding: 0 1em; color: #222; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 1px solid #bbb; padding: 0.4em 0.6em; vertical-align: top; text-align: left; }}
th {{ background: #eef3f8; }}
td.nomor {{ white-space: nowrap; font-weight: bold; }}
.contoh {{ background: #E69F00; color: #000; font-size: .75em; font-weight: bold;
          padding: 0 .3em; border-radius: 3px; white-space: nowrap; }}
img.thumb {{ max-width: 12em; max-height: 8em; border: 1px solid #ddd; }}
</style>
</head>
<body>
<p><a href="index.html">&larr; {back}</a></p>
<h1>{heading}</h1>
{body}
</body>
</html>
"""


def _links(names: list[str], prefix: str) -> tuple[str, str]:
    """HTML and Markdown links to each file, labelled by its extension (PNG, XLSX, ...)."""
    pairs = [(f, f.rsplit(".", 1)[-1].upper()) for f in names]
    html_links = " ".join(f'<a href="{prefix}{html.escape(f)}">{ext}</a>' for f, ext in pairs)
    md_links = ", ".join(f"[{ext}]({prefix}{f})" for f, ext in pairs)
    return html_links, md_links


def _figure_rows(records: list[dict]) -> tuple[str, str]:
    from psm_analysis.labels import t

    rows_html, rows_md = [], []
    for r in records:
        links, md_links = _links(r["files"], "../figures/")
        png = next((f for f in r["files"] if f.endswith(".png")), None)
        thumb = (
            f'<a href="../figures/{html.escape(png)}"><img class="thumb" '
            f'src="../figures/{html.escape(png)}" alt="{html.escape(r["label"])}"></a>'
            if png
            else ""
        )
        rows_html.append(
            f'<tr><td class="nomor">{html.escape(r["label"])}</td>'
            f"<td>{italic_html(r['caption'])}{DEMO_MARK if marked_once(r) else ''}<br><small>"
            f"{html.escape(t('sumber'))}: "
            f"{html.escape(r['source'])}</small></td><td>{thumb}</td>"
            f"<td><code>{html.escape(r['name'])}</code><br>{links}</td></tr>"
        )
        rows_md.append(
            f"| {r['label']} | {italic_markdown(md_escape(r['caption']))}{' (DATA CONTOH)' if marked_once(r) else ''} "
            f"| {md_escape(r['source'])} | `{r['name']}`: {md_links} |"
        )
    return "\n".join(rows_html), "\n".join(rows_md)


def _table_rows(records: list[dict]) -> tuple[str, str]:
    rows_html, rows_md = [], []
    for r in records:
        links, md_links = _links(r["files"], "tables/")
        rows_html.append(
            f'<tr><td class="nomor">{html.escape(r["label"])}</td>'
            f"<td>{italic_html(r['title'])}{DEMO_MARK if marked_once(r) else ''}</td>"
            f"<td>{html.escape(r['source'])}</td>"
            f"<td><code>{html.escape(r['name'])}</code><br>{links}</td></tr>"
        )
        rows_md.append(
            f"| {r['label']} | {italic_markdown(md_escape(r['title']))}{' (DATA CONTOH)' if marked_once(r) else ''} "
            f"| {md_escape(r['source'])} | `{r['name']}`: {md_links} |"
        )
    return "\n".join(rows_html), "\n".join(rows_md)


#: The words of the list pages.
_LIST_WORDS = {
    "nomor": "Nomor",
    "judul": "Judul",
    "sumber": "Sumber",
    "berkas": "Berkas",
    "pratinjau": "Pratinjau",
    "kosong": "Belum ada.",
    "kembali": "Kembali ke indeks",
}


def write_lists(paths=None, records: list[dict] | None = None) -> list[Path]:
    """Write ``reports/daftar_gambar.html`` + ``.md`` and ``reports/daftar_tabel.html`` +
    ``.md`` from the sidecars in ``figures/`` and ``reports/tables/`` (or from
    ``records``, as :func:`write_reports` passes them); return the paths.

    Entries are sorted by number; an entry whose files are missing is left out.
    """
    from psm_analysis import files
    from psm_analysis.config import get_paths
    from psm_analysis.labels import t

    paths = paths or get_paths()
    w = _LIST_WORDS
    out: list[Path] = []
    specs = [
        (
            "daftar_gambar",
            t("daftar_gambar"),
            _in_thesis(_records(paths, "figure", records)),
            _figure_rows,
            [w["nomor"], w["judul"], w["pratinjau"], w["berkas"]],
            [w["nomor"], w["judul"], w["sumber"], w["berkas"]],
        ),
        (
            "daftar_tabel",
            t("daftar_tabel"),
            _in_thesis(_records(paths, "table", records)),
            _table_rows,
            [w["nomor"], w["judul"], w["sumber"], w["berkas"]],
            [w["nomor"], w["judul"], w["sumber"], w["berkas"]],
        ),
    ]
    for stem, heading, records, rows_fn, head_html, head_md in specs:
        rows_html, rows_md = rows_fn(records)
        if records:
            body = (
                "<table>\n<thead><tr>"
                + "".join(f"<th>{h}</th>" for h in head_html)
                + "</tr></thead>\n<tbody>\n"
                + rows_html
                + "\n</tbody>\n</table>"
            )
            md = (
                f"# {heading}\n\n| "
                + " | ".join(head_md)
                + " |\n|"
                + "---|" * len(head_md)
                + "\n"
                + rows_md
                + "\n"
            )
        else:
            body = f"<p>{w['kosong']}</p>"
            md = f"# {heading}\n\n{w['kosong']}\n"
        page = _PAGE.format(heading=html.escape(heading), body=body, back=w["kembali"])
        for suffix, text in ((".html", page), (".md", md)):
            path = paths.reports / f"{stem}{suffix}"
            files.write_text(path, text)
            out.append(path)
    return out
