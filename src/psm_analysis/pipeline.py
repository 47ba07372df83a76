"""The data flow: ``clean`` (data/raw -> data/processed) and ``reproduce`` (clean, then
execute the notebooks and render reports/).

Each input family has a *builder*, a function ``build_outputs(paths) -> BuildOutput``
that reads its inputs, validates them, and returns the processed files as in-memory
objects without writing anything. ``clean`` runs every builder, gathers all problems of
all builders into one :class:`~psm_analysis.errors.DataError`, and only when there are
none writes every file atomically. So a bad input writes nothing.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from psm_analysis import catalog
from psm_analysis.config import Paths, display_path, get_paths, html_path, notebook_sources
from psm_analysis.contracts import BuildOutput, InputInfo
from psm_analysis.errors import DataError
from psm_analysis.files import is_scratch_file
from psm_analysis.inputs import INPUTS_FILE


@dataclass
class CleanResult:
    written: list[Path]
    unchanged: list[Path]
    inputs: list[InputInfo]
    seconds: float

    def summary(self) -> str:
        demo = sorted({i.kind for i in self.inputs if i.demo})
        lines = [
            f"clean: {len(self.written)} berkas ditulis, {len(self.unchanged)} tidak berubah "
            f"({self.seconds:.1f} s) di data/processed/"
        ]
        if demo:
            lines.append("  DATA CONTOH dipakai untuk: " + ", ".join(demo))
        return "\n".join(lines)


def _load_builder(spec: str) -> Callable[[Paths], BuildOutput]:
    module, func = spec.split(":")
    return getattr(importlib.import_module(module), func)


def build_all(paths: Paths | None = None, progress: Callable[[str], None] | None = None):
    """Run every builder; return ``(files, inputs)`` or raise one DataError with all
    problems of all builders. Nothing is written."""
    paths = paths or get_paths()
    files: dict[str, Any] = {}
    inputs: list[InputInfo] = []
    problems = []
    for name, spec in catalog.BUILDERS.items():
        t0 = time.perf_counter()
        try:
            out = _load_builder(spec)(paths)
        except DataError as err:
            problems.extend(err.problems)
            if progress:
                progress(f"  [{name}] GAGAL: {len(err.problems)} masalah")
            continue
        clash = set(out.files) & set(files)
        if clash:
            raise RuntimeError(f"builder {name} writes files another builder writes: {clash}")
        _check_against_catalog(name, out.files)
        files.update(out.files)
        inputs.extend(out.inputs)
        if progress:
            progress(f"  [{name}] {len(out.files)} berkas ({time.perf_counter() - t0:.1f} s)")
    DataError.collect(problems)
    files[INPUTS_FILE] = _inputs_frame(inputs)
    return files, inputs


def _check_against_catalog(builder: str, files: dict[str, Any]) -> None:
    """A builder's files must be the catalog's: known names, its own, the declared
    columns and dtypes. A mismatch is a programming error (RuntimeError), not bad input."""
    import pandas as pd

    wrong = []
    for fname, obj in files.items():
        try:
            spec = catalog.entry(fname)
        except KeyError as err:
            wrong.append(str(err))
            continue
        if spec.builder != builder:
            wrong.append(f"{fname} belongs to builder {spec.builder!r}, not {builder!r}")
        elif isinstance(obj, pd.DataFrame):
            wrong.extend(catalog.check_frame(fname, obj))
    if wrong:
        raise RuntimeError(
            "processed files disagree with psm_analysis.catalog:\n" + "\n".join(wrong)
        )


def _inputs_frame(inputs: list[InputInfo]):
    import pandas as pd

    rows = sorted({(i.kind, i.path, i.demo) for i in inputs})
    return pd.DataFrame(rows, columns=["masukan", "berkas", "data_contoh"]).astype(
        {"data_contoh": "bool"}
    )


def write_outputs(files: dict[str, Any], folder: Path) -> tuple[list[Path], list[Path]]:
    """Write every file atomically; return (written, unchanged)."""
    from psm_analysis import files as fileio

    written, unchanged = [], []
    for name in sorted(files):
        obj = files[name]
        path = folder / name
        try:
            if isinstance(obj, bytes):
                changed = fileio.write_bytes(path, obj)
            elif isinstance(obj, str):
                changed = fileio.write_text(path, obj)
            else:
                changed = fileio.write_csv(obj, path)
        except DataError as err:
            # e.g. a file Excel holds open: say which files this run had already written
            raise DataError(err.problems, written=[display_path(p) for p in written]) from err
        (written if changed else unchanged).append(path)
    return written, unchanged


def clean(paths: Paths | None = None, progress: Callable[[str], None] | None = None) -> CleanResult:
    """data/raw (or the demo inputs where data/raw has none) -> data/processed."""
    paths = paths or get_paths()
    t0 = time.perf_counter()
    if progress:
        progress("clean: membaca dan memeriksa data/raw ...")
    files, inputs = build_all(paths, progress)
    written, unchanged = write_outputs(files, paths.processed)
    return CleanResult(written, unchanged, inputs, time.perf_counter() - t0)


# ---------------------------------------------------------------------------------------
# reproduce: clean, then every notebook, then the lists and the index; incremental.
# ---------------------------------------------------------------------------------------

STATE_FILE = "state.json"
_HASH_SKIP_DIRS = {"__pycache__", ".ipynb_checkpoints"}


def _hash_files(files: list[Path], base: Path) -> str:
    import hashlib

    h = hashlib.sha256()
    for p in sorted(files):
        h.update(p.relative_to(base).as_posix().encode())
        h.update(b"\0")
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def _tree_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return [
        p
        for p in folder.rglob("*")
        if p.is_file()
        and not (_HASH_SKIP_DIRS & set(p.relative_to(folder).parts))
        and not p.name.endswith(".pyc")
        and not is_scratch_file(p)
    ]


def _fingerprints(paths: Paths) -> dict[str, str]:
    """Hashes of everything a rebuild depends on, by group."""
    root = paths.root
    code = _tree_files(root / "src" / "psm_analysis")
    env = [
        root / n
        for n in ("requirements.lock", "pyproject.toml", "thesis.yml")
        if (root / n).is_file()
    ]
    raw = _tree_files(paths.raw) + _tree_files(paths.demo)
    return {
        "code": _hash_files(code, root),
        "environment": _hash_files(env, root),
        "raw": _hash_files(raw, root),
    }


def _load_state(paths: Paths) -> dict:
    import json

    path = paths.build_state / STATE_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _save_state(paths: Paths, state: dict) -> None:
    import json

    from psm_analysis.files import write_text

    write_text(paths.build_state / STATE_FILE, json.dumps(state, indent=1, sort_keys=True) + "\n")


def _key(*parts: str) -> str:
    import hashlib

    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def notebook_outputs(paths: Paths, source: Path) -> list[Path]:
    """The figures and thesis tables a notebook saved, from their sidecar records
    (``figures/*.json``, ``reports/tables/*.json``, whose ``notebook`` is its number)."""
    from psm_analysis.sidecars import outputs_of

    number = source.stem.split("_", 1)[0]
    return outputs_of(paths.figures, number) + outputs_of(paths.tables, number)


def _outputs_intact(paths: Paths, recorded: dict[str, int]) -> bool:
    for rel, size in recorded.items():
        p = paths.root / rel
        if not p.is_file() or p.stat().st_size != size:
            return False
    return True


def _record(paths: Paths, files: list[Path]) -> dict[str, int]:
    return {p.relative_to(paths.root).as_posix(): p.stat().st_size for p in files if p.is_file()}


def _clear_generated(paths: Paths, keep: tuple[Path, ...] = ()) -> None:
    """For --force: remove every generated file but ``keep`` (the folders' .gitkeep
    stays too)."""
    import shutil

    for folder in (paths.processed, paths.figures, paths.reports):
        if not folder.is_dir():
            continue
        for p in folder.iterdir():
            if p.name == ".gitkeep" or p in keep or is_scratch_file(p):
                continue
            if p.is_dir():
                shutil.rmtree(p)
            else:
                p.unlink()


@dataclass
class _Run:
    """What the steps of one ``reproduce`` share: where, what the inputs hash to, the
    state of the last runs, what was written, what failed, and each step's time."""

    paths: Paths
    say: Callable[[str], None]
    state: dict
    fp: dict[str, str]
    wrote: list[Path] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    times: dict[str, float] = field(default_factory=dict)
    scanner: Any = None  # the privacy scan (FileScanner), made when first needed

    def scan(self, files: list[Path]) -> list:
        """The privacy problems of ``files``; each file is read once while it is
        unchanged, so outputs scanned as soon as they appear are not read again at the
        end (step 4)."""
        if self.scanner is None:
            self.scanner = privacy_scanner(self.paths)
        return self.scanner(files)


def _seconds(x: float) -> str:
    """A duration the Indonesian way: ``1.25 -> "1,3 s"``."""
    from psm_analysis.numbers import format_number

    return f"{format_number(x, 1)} s"


def reproduce(
    force: bool = False,
    jobs: int | None = None,
    progress: Callable[[str], None] | None = print,
    paths: Paths | None = None,
) -> bool:
    """Rebuild everything that is out of date; return False if a notebook failed.

    Up to date means: the inputs of a step (raw and demo data, library code, the
    notebook's source, the locked environment, and for notebooks the processed data)
    hash to what they hashed to when the step last succeeded, and its outputs are still
    there. ``force`` clears every generated file and rebuilds all.

    Four steps: :func:`_step_clean`, :func:`_step_notebooks`, :func:`_step_site`,
    :func:`_step_privacy`. When clean has to run, the notebook kernels start (and import
    the heavy libraries) while it runs.
    """
    paths = paths or get_paths()
    t_start = time.perf_counter()
    state = _load_state(paths)
    if force:
        # Everything is rebuilt. Two hints of the last run survive: its times, to schedule
        # the notebooks longest first, and its thesis numbering, from which the notebooks
        # take numbers that are already final unless their counts changed (else every
        # table after the first notebook's is written twice: once by its notebook, once
        # renumbered).
        from psm_analysis.thesis import numbering_path

        _clear_generated(paths, keep=(numbering_path(paths),))
        state = {"seconds": state.get("seconds", {})}
    run = _Run(paths, progress or (lambda _msg: None), state, _fingerprints(paths))

    clean_key = _key(run.fp["code"], run.fp["environment"], run.fp["raw"])
    old = state.get("clean", {})
    clean_due = not (old.get("key") == clean_key and _outputs_intact(paths, old.get("outputs", {})))
    pool = None
    if clean_due and notebook_sources(paths):
        # New code, environment or raw data: the notebooks will (almost always) run again,
        # so their kernels start now and get ready while clean runs.
        pool = _start_pool(paths, jobs, len(notebook_sources(paths)))
        pool.wait_launched()
    try:
        _step_clean(run, clean_key, clean_due)
        pool = _step_notebooks(run, jobs, pool)
        # the kernels, idle now, write the tables whose final number differs from the
        # one they had while their notebook ran (on a fresh clone: most of them)
        _step_site(run, pool)
    except KeyboardInterrupt:
        if pool is not None:  # close() lets the running notebooks finish: say why it waits
            run.say("Dihentikan: menunggu notebook yang sedang berjalan selesai ...")
        raise
    finally:
        if pool is not None:
            pool.close()
    _step_privacy(run)

    total = time.perf_counter() - t_start
    if not run.wrote:
        run.say(f"Semua mutakhir: tidak ada yang dijalankan ({_seconds(total)}).")
    else:
        run.say(_written_summary(paths, total, run.times))
    if run.failures:
        run.say("GAGAL: " + "; ".join(run.failures))
    return not run.failures


def _workers(jobs: int | None, todo: int) -> int:
    import os

    # As many kernels as cores. Measured on 2 cores, fresh copies, `reproduce --force`
    # (scripts/benchmark_reproduce.py's (b)), 2 kernels against 3 in turn: 31,4-33,7 s
    # against 32,1-33,5 s, but 49-54 s of CPU against 56-60 s (each kernel costs 2,4 s of
    # CPU to start and preload).
    return max(1, min(jobs or os.cpu_count() or 1, todo))


def _start_pool(paths: Paths, jobs: int | None, todo: int):
    from psm_analysis.runner import NotebookPool

    return NotebookPool(paths.root, paths.notebooks, _workers(jobs, todo))


def _step_clean(run: _Run, clean_key: str, due: bool) -> None:
    """1. data/raw -> data/processed, unless nothing it depends on changed."""
    paths = run.paths
    if not due:
        run.say("[1/4] clean: masukan tidak berubah, dilewati")
        return
    t0 = time.perf_counter()
    result = clean(paths)
    run.wrote += result.written
    outputs = [paths.processed / name for name in _processed_names(paths)]
    run.state["clean"] = {"key": clean_key, "outputs": _record(paths, outputs)}
    _save_state(paths, run.state)
    run.times["clean"] = time.perf_counter() - t0
    run.say(
        f"[1/4] clean: {len(result.written)} berkas ditulis, {len(result.unchanged)} tidak "
        f"berubah ({_seconds(run.times['clean'])})"
    )
    for line in result.summary().splitlines()[1:]:
        run.say(line)


def _notebooks_due(run: _Run) -> tuple[list[Path], list[tuple[Path, str]]]:
    """(every notebook, those out of date with their new keys)."""
    paths, fp = run.paths, run.fp
    processed_hash = _hash_files(_tree_files(paths.processed), paths.root)
    sources = notebook_sources(paths)
    nb_state = run.state.setdefault("notebooks", {})
    todo = []
    for src in sources:
        key = _key(fp["code"], fp["environment"], processed_hash, src.read_bytes().hex())
        rec = nb_state.get(src.stem, {})
        if rec.get("key") != key or not _outputs_intact(paths, rec.get("outputs", {})):
            todo.append((src, key))
    return sources, todo


def _schedule_key(source: Path, seconds: dict[str, float]) -> tuple:
    """Longest first keeps both cores busy to the end: by the last run's times. Notebooks
    without one (a fresh clone, a new notebook) go first, in notebook order: nothing read
    before they run tells which takes longest (on the demo data neither the longest
    source nor the one with most code or figures is notebook 04, the longest to run).
    Measured on fresh copies (scripts/benchmark_reproduce.py's (b)): the notebooks took
    20,2-20,6 s in notebook order against 23,2-24,3 s longest source first."""
    known = source.stem in seconds
    return (known, -seconds.get(source.stem, 0.0), source.name)


def _step_notebooks(run: _Run, jobs: int | None, pool=None):
    """2. Every out-of-date notebook, in the pool's kernels (``pool``: kernels already
    started, else a pool is started when a notebook is due), longest first by the last
    run's times, to HTML in reports/. Returns the pool (None if none was needed), its
    kernels still up; the caller closes it."""
    paths, say = run.paths, run.say
    sources, todo = _notebooks_due(run)
    if not todo:
        say(f"[2/4] notebook: {len(sources)} notebook mutakhir, tidak ada yang dijalankan")
        return pool
    t0 = time.perf_counter()
    if pool is None:
        pool = _start_pool(paths, jobs, len(todo))
    else:
        warm = t0 - pool.started
        say(f"      kernel dimulai selama clean ({_seconds(warm)} lebih awal)")
    workers = _workers(jobs, len(todo))
    say(f"[2/4] notebook: menjalankan {len(todo)} dari {len(sources)} ({workers} sekaligus)")
    keys = dict(todo)
    nb_state = run.state["notebooks"]
    seconds = run.state.setdefault("seconds", {})
    todo.sort(key=lambda item: _schedule_key(item[0], seconds))
    results = pool.run([(src, html_path(paths, src)) for src, _ in todo])
    # Scanned for names while the kernels work (after giving them the notebooks), so that
    # step 4 reads again only what changed since.
    run.scan(generated_files(paths))
    for src, res in results:
        if isinstance(res, BaseException):  # the notebook could not even be run
            run.failures.append(f"{src.name}: {type(res).__name__}: {res}")
            say(f"      {src.name}: GAGAL: {type(res).__name__}: {res}")
            continue
        run.scan([res.html, *notebook_outputs(paths, src)])
        run.wrote.append(res.html)
        seconds[src.stem] = round(res.seconds, 2)
        if res.ok:
            nb_state[src.stem] = {
                "key": keys[src],
                "outputs": _record(paths, [res.html, *notebook_outputs(paths, src)]),
            }
            say(f"      {src.name}: selesai ({_seconds(res.seconds)})")
        else:
            nb_state.pop(src.stem, None)
            run.failures.append(f"{src.name}: {res.error}")
            say(f"      {src.name}: {_failed(res.error)} ({_seconds(res.seconds)})")
        _save_state(paths, run.state)
    run.times["notebook"] = time.perf_counter() - t0
    say(f"      notebook selesai dalam {_seconds(run.times['notebook'])}")
    return pool


def _failed(error: str | None) -> str:
    """``"GAGAL di sel 3 (...): ValueError: ..."``, or ``"GAGAL: ..."`` where no cell is
    named (a kernel that died).

    >>> _failed("sel 3 (`x = 1/0`): ZeroDivisionError: division by zero")
    'GAGAL di sel 3 (`x = 1/0`): ZeroDivisionError: division by zero'
    >>> _failed("kernel mati di tengah jalan (...); DeadKernelError: Kernel died")
    'GAGAL: kernel mati di tengah jalan (...); DeadKernelError: Kernel died'
    """
    error = error or ""
    return f"GAGAL di {error}" if error.startswith("sel ") else f"GAGAL: {error}"


def _step_site(run: _Run, pool=None) -> None:
    """3. The lists of figures and tables and the index page, when anything changed; the
    tables to write again under their final numbers go to ``pool``'s kernels, if any."""
    paths = run.paths
    index = paths.reports / "index.html"
    if not (run.wrote or run.failures or not index.is_file()):
        run.say("[3/4] index.html mutakhir, dilewati")
        return
    from psm_analysis import site as report

    t0 = time.perf_counter()
    writer = docx = None
    if pool is not None:
        docx = _kernel_thesis_docx(run, pool)  # first: the tables' shares queue behind it
        writer = _kernel_table_writer(pool, paths)
    run.wrote += report.write_reports(
        paths, failures=run.failures, rewrite_tables=writer, thesis_docx=docx
    )
    # the final thesis numbers may have rewritten a notebook's page and tables
    for rec in run.state.get("notebooks", {}).values():
        rec["outputs"] = _record(paths, [paths.root / rel for rel in rec.get("outputs", {})])
    _save_state(paths, run.state)
    run.times["daftar dan index"] = time.perf_counter() - t0
    run.say(
        f"[3/4] daftar gambar, daftar tabel, index.html ({_seconds(run.times['daftar dan index'])})"
    )


def _kernel_table_writer(pool, paths: Paths):
    """A :data:`psm_analysis.site.TableWriter` that shares the tables out over the pool's
    kernels (which have the table code imported already); tables a kernel could not
    write are written here, in this process, when waited for."""
    from psm_analysis.tables import rewrite_table_files

    def start(labels: dict[str, tuple[str, str]]):
        names = list(labels)
        shares = [{n: labels[n] for n in names[i :: pool.size]} for i in range(pool.size)]
        shares = [share for share in shares if share]
        codes = [
            "import psm_analysis.tables as _psm_tables\n"
            f"_psm_tables.rewrite_table_files({str(paths.tables)!r}, {share!r})\n"
            "del _psm_tables"
            for share in shares
        ]
        wait = pool.submit(codes)

        def done() -> None:
            for share, error in zip(shares, wait(), strict=True):
                if error is not None:
                    rewrite_table_files(paths.tables, share)

        return done

    return start


def _kernel_thesis_docx(run: _Run, pool) -> Callable[[], Path]:
    """Start building ``reports/tabel_dan_gambar.docx`` (every table and figure: 1-1,4 s)
    in one of the pool's kernels; return the function that waits for it. While it
    waits, this process scans what step 3 wrote for the privacy check (the pages and
    tables renumbered), so that step 4 has only the document left to read. A document
    the kernel could not build is built here."""
    from psm_analysis import site

    paths = run.paths
    wait = pool.submit(
        [
            "import psm_analysis.config as _psm_config, psm_analysis.site as _psm_site\n"
            f"_psm_site.write_final_thesis_docx(_psm_config.get_paths({str(paths.root)!r}))\n"
            "del _psm_config, _psm_site"
        ]
    )
    document = paths.reports / site.THESIS_DOCX

    def done() -> Path:
        run.scan([f for f in generated_files(paths) if f != document])
        if wait() != [None]:
            site.write_final_thesis_docx(paths)
        return document

    return done


def _step_privacy(run: _Run) -> None:
    """4. The privacy guard over everything generated, when anything was written."""
    paths, say = run.paths, run.say
    if not run.wrote:
        say("[4/4] pemeriksaan privasi: tidak ada berkas baru, dilewati")
        return
    t0 = time.perf_counter()
    leaks = run.scan(generated_files(paths))
    if leaks:
        for p in leaks:
            say(f"      BOCOR: {p}")
        run.state.pop("clean", None)
        run.state["notebooks"] = {}
        _save_state(paths, run.state)
        raise DataError(leaks, written=[display_path(f, paths) for f in generated_files(paths)])
    run.times["privasi"] = time.perf_counter() - t0
    say(f"[4/4] pemeriksaan privasi: tidak ada nama informan ({_seconds(run.times['privasi'])})")


def _processed_names(paths: Paths) -> list[str]:
    return sorted(
        p.name
        for p in paths.processed.iterdir()
        if p.is_file() and p.name != ".gitkeep" and not is_scratch_file(p)
    )


def generated_files(paths: Paths) -> list[Path]:
    """Every file reproduce generates (processed data, figures, reports)."""
    out = []
    for folder in (paths.processed, paths.figures, paths.reports):
        out += [
            p
            for p in _tree_files(folder)
            if p.name != ".gitkeep" and paths.build_state not in p.parents
        ]
    return sorted(out)


def privacy_scanner(paths: Paths):
    """A :class:`~psm_analysis.interviews.privacy.FileScanner` for the informants' names
    (and the names in the PSM register's name column); with no names, one that finds
    nothing."""
    from psm_analysis.interviews import privacy
    from psm_analysis.register.read import personal_names

    names = privacy.roster_names(paths)
    names += [v for n in personal_names(paths) for v in privacy.name_variants(n)]
    if not names:
        return lambda files: []
    return privacy.FileScanner(names, privacy.place_names(paths))


def privacy_scan(paths: Paths) -> list:
    """Problems for every generated file that contains an informant's name (or a name
    from the PSM register's name column)."""
    return privacy_scanner(paths)(generated_files(paths))


def _written_summary(paths: Paths, seconds: float, times: dict[str, float]) -> str:
    groups = {
        "data/processed": paths.processed,
        "figures": paths.figures,
        "reports": paths.reports,
    }
    parts = []
    for label, folder in groups.items():
        n = sum(1 for p in generated_files(paths) if folder in p.parents)
        parts.append(f"{label}: {n} berkas")
    steps = "; ".join(f"{name} {_seconds(t)}" for name, t in times.items())
    return (
        f"Selesai dalam {_seconds(seconds)} ({steps}). "
        + "; ".join(parts)
        + f". Buka {paths.reports / 'index.html'}"
    )
