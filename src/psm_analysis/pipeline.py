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
from psm_analysis.config import (
    Paths,
    available_cores,
    display_path,
    get_paths,
    html_path,
    notebook_sources,
)
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
    #: the builders' warnings, and every file of data/raw not read with the reason
    warnings: list[str] = field(default_factory=list)
    unread: list = field(default_factory=list)

    def summary(self) -> str:
        demo = sorted({i.kind for i in self.inputs if i.demo})
        lines = [
            f"clean: {len(self.written)} berkas ditulis, {len(self.unchanged)} tidak berubah "
            f"({self.seconds:.1f} s) di data/processed/"
        ]
        if demo:
            lines.append("  DATA CONTOH dipakai untuk: " + ", ".join(demo))
        lines += [f"  PERINGATAN: {w}" for w in self.warnings]
        if self.unread:
            lines.append(f"  Berkas di data/raw yang tidak dibaca ({len(self.unread)}):")
            lines += [f"    - {u}" for u in self.unread]
        return "\n".join(lines)


def _load_builder(spec: str) -> Callable[[Paths], BuildOutput]:
    module, func = spec.split(":")
    return getattr(importlib.import_module(module), func)


def build_all(
    paths: Paths | None = None,
    progress: Callable[[str], None] | None = None,
    warnings: list[str] | None = None,
):
    """Run every builder; return ``(files, inputs)`` or raise one DataError with all
    problems of all builders. Nothing is written. The builders' warnings are appended
    to ``warnings``."""
    paths = paths or get_paths()
    files: dict[str, Any] = {}
    inputs: list[InputInfo] = []
    problems = []
    for name, spec in catalog.BUILDERS.items():
        t0 = time.perf_counter()
        try:
            builder = _load_builder(spec)
            # a builder that compares sources is given the files built before it
            out = (
                builder(paths, dict(files))
                if getattr(builder, "reads_built", False)
                else builder(paths)
            )
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
        if warnings is not None:
            warnings.extend(out.warnings)
    # a file two builders read (Tabel I.1: dinsos, and register to check against it)
    DataError.collect({str(p): p for p in problems}.values())  # each problem said once
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

    rows = sorted({(i.kind, i.path, i.demo, i.note) for i in inputs})
    return pd.DataFrame(rows, columns=["masukan", "berkas", "data_contoh", "catatan"]).astype(
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
    from psm_analysis import inventory

    inventory.check(paths)  # a roster outside private/, an input in another's folder
    warnings: list[str] = []
    files, inputs = build_all(paths, progress, warnings)
    unread = inventory.unread(paths, [i.path for i in inputs], {i.kind for i in inputs if i.demo})
    written, unchanged = write_outputs(files, paths.processed)
    return CleanResult(written, unchanged, inputs, time.perf_counter() - t0, warnings, unread)


# ---------------------------------------------------------------------------------------
# reproduce: clean, then every notebook, then the lists and the index; incremental; built
# in a staging folder and put in place only once complete.
# ---------------------------------------------------------------------------------------

STATE_FILE = "state.json"
#: The staging folder under the project root: each run that has work builds into it,
#: and only a complete build replaces the project's outputs.
STAGING = ".psm-build"
#: The folders reproduce generates, relative to the output folder.
GENERATED = ("data/processed", "figures", "reports")
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
        p = paths.out / rel
        if not p.is_file() or p.stat().st_size != size:
            return False
    return True


def _record(paths: Paths, files: list[Path]) -> dict[str, int]:
    return {p.relative_to(paths.out).as_posix(): p.stat().st_size for p in files if p.is_file()}


@dataclass
class _Run:
    """What the steps of one ``reproduce`` share: where it builds, what the inputs hash
    to, the state of the last runs, what was written, what failed, each step's time."""

    paths: Paths
    say: Callable[[str], None]
    state: dict
    fp: dict[str, str]
    wrote: list[Path] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    times: dict[str, float] = field(default_factory=dict)


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
    there. ``force`` rebuilds all.

    Four steps: :func:`_step_clean`, :func:`_step_notebooks`, :func:`_step_site`,
    :func:`_step_privacy`. They build into a staging folder (:data:`STAGING`), a copy of
    the outputs; only when all four have run are the project's outputs replaced by the
    new ones (:func:`replace_outputs`), and files no longer generated removed. A run
    that stops on the way (bad input, a name found by the privacy scan, Ctrl+C, a file
    held open by Excel) leaves every earlier output as it was.

    Raises
    ------
    DataError
        Bad input (nothing written), a name found by the privacy scan, or an output that
        cannot be replaced because another program holds it open (nothing replaced).
    """
    import shutil

    paths = get_paths(paths.root) if paths is not None else get_paths()
    say = progress or (lambda _msg: None)
    t_start = time.perf_counter()
    state = {} if force else _load_state(paths)
    fp = _fingerprints(paths)
    clean_key = _key(fp["code"], fp["environment"], fp["raw"])
    old = state.get("clean", {})
    clean_due = not (old.get("key") == clean_key and _outputs_intact(paths, old.get("outputs", {})))
    if not (force or clean_due or _notebooks_due(_Run(paths, say, state, fp))[1]):
        if (paths.reports / "index.html").is_file() and _site_intact(paths, state):
            say("[1/4] clean: masukan tidak berubah, dilewati")
            say(f"[2/4] notebook: {len(notebook_sources(paths))} notebook mutakhir")
            say(
                "Semua mutakhir: tidak ada yang dijalankan "
                f"({_seconds(time.perf_counter() - t_start)})."
            )
            return True

    stage = get_paths(paths.root, paths.root / STAGING)
    _prepare_stage(paths, stage, force)
    if force:
        # the last run's times and numbering survive a forced rebuild as hints
        state = {"seconds": _load_state(paths).get("seconds", {})}
    run = _Run(stage, say, state, fp)
    # every notebook runs after a forced clean: their kernels start while clean runs
    started = None
    try:
        if force:
            started = _start_notebooks(run, notebook_sources(stage), jobs)
        _step_clean(run, clean_key, clean_due or force)
        _step_notebooks(run, jobs, started)
        _step_site(run, jobs)
        changes = output_changes(stage, paths)
        # the names to look for come from data/raw: when clean ran they may be new, and
        # every output is read; else only the outputs this run changed
        _step_privacy(run, None if "clean" in run.times else sorted(changes[0].values()))
        replaced = replace_outputs(stage, paths, changes)
    except DataError as err:
        err.written = []  # what was written went to the staging folder, now removed
        raise
    finally:
        if started is not None:
            started.close()  # kernels waiting for a clean that failed shut down
        shutil.rmtree(stage.out, ignore_errors=True)

    total = time.perf_counter() - t_start
    if not replaced:
        say(f"Semua mutakhir: tidak ada berkas yang berubah ({_seconds(total)}).")
    else:
        say(_written_summary(paths, total, run.times, len(replaced)))
    if run.failures:
        say("GAGAL: " + "; ".join(run.failures))
    return not run.failures


def _prepare_stage(paths: Paths, stage: Paths, force: bool) -> None:
    """An empty staging folder holding a copy of the project's outputs (for ``force``:
    only the thesis numbering of the last run, so the notebooks take final numbers)."""
    import shutil

    from psm_analysis.thesis import numbering_path

    shutil.rmtree(stage.out, ignore_errors=True)  # left by a run that was killed
    for sub in GENERATED:
        (stage.out / sub).mkdir(parents=True, exist_ok=True)
    if force:
        keep = numbering_path(paths)
        if keep.is_file():
            shutil.copy2(keep, numbering_path(stage))
        return
    for sub in GENERATED:
        for p in _output_files(paths.out / sub):
            target = stage.out / sub / p.relative_to(paths.out / sub)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(p, target)


def _output_files(folder: Path) -> list[Path]:
    """The generated files in ``folder``: not ``.gitkeep``, not the lock files Excel,
    Word and LibreOffice keep beside a file they have open (:func:`_tree_files` leaves
    out :func:`~psm_analysis.files.is_scratch_file`), which belong to that program."""
    return [p for p in _tree_files(folder) if p.name != ".gitkeep"]


def output_changes(stage: Paths, paths: Paths) -> tuple[dict[Path, Path], list[Path]]:
    """What replacing the project's outputs (``paths``) by those built in ``stage`` takes:
    ``({target: staged file}, [targets that go])``, the first the new or changed files,
    the second the old files that are changed or no longer generated. Files with the
    same bytes are in neither."""
    new: dict[Path, Path] = {}  # target -> staged file
    going: list[Path] = []  # targets to move aside: changed or no longer generated
    for sub in GENERATED:
        staged = {p.relative_to(stage.out / sub): p for p in _output_files(stage.out / sub)}
        current = {p.relative_to(paths.out / sub): p for p in _output_files(paths.out / sub)}
        for rel, p in staged.items():
            target = paths.out / sub / rel
            old = current.get(rel)
            if old is not None and _same_bytes(old, p):
                continue
            new[target] = p
            if old is not None:
                going.append(target)
        going += [p for rel, p in current.items() if rel not in staged]
    return new, going


def replace_outputs(stage: Paths, paths: Paths, changes=None) -> list[Path]:
    """Put the outputs built in ``stage`` in place of the project's (``paths``): every
    new or changed file is moved in, every file the build no longer has is removed,
    files with the same bytes are left alone (``changes``: :func:`output_changes`, when
    known). Returns the files replaced or added.

    All or nothing, also when stopped (Ctrl+C): the old files that go are first moved
    aside, and put back if the new ones cannot all be moved in; if one cannot be moved
    (on Windows: open in Excel or Word, ``PermissionError``), the ones moved so far go
    back and nothing is replaced.

    Raises
    ------
    DataError
        "Tutup berkas X (sedang dibuka di Excel/Word), lalu jalankan lagi", naming the file
        that could not be replaced; every earlier output is intact.
    """
    import os

    new, going = changes or output_changes(stage, paths)
    aside = stage.out / ".lama"
    moved: list[tuple[Path, Path]] = []
    moved_in: list[Path] = []
    try:
        for i, target in enumerate(sorted(going)):
            backup = aside / str(i)
            backup.parent.mkdir(parents=True, exist_ok=True)
            os.replace(target, backup)
            moved.append((target, backup))
        for target, staged_file in sorted(new.items()):
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged_file, target)
            moved_in.append(target)
    except BaseException as exc:  # also Ctrl+C: the staging folder, backups and all, goes
        had_old = {target for target, _ in moved}
        for target in moved_in:
            if target not in had_old:
                target.unlink()
        for target, backup in reversed(moved):
            os.replace(backup, target)
        if not isinstance(exc, PermissionError):
            raise
        held = Path(exc.filename) if exc.filename else None
        name = display_path(held, paths) if held is not None else "keluaran"
        raise DataError(
            f"Tutup berkas {name} (sedang dibuka di Excel/Word), lalu jalankan lagi. "
            "Semua keluaran sebelumnya tetap utuh."
        ) from exc
    for folder in (paths.out / sub for sub in GENERATED):
        _remove_empty_dirs(folder)
    return sorted(new)


def _same_bytes(a: Path, b: Path) -> bool:
    return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()


def _remove_empty_dirs(folder: Path) -> None:
    for d in sorted((p for p in folder.rglob("*") if p.is_dir()), reverse=True):
        if not any(d.iterdir()):
            d.rmdir()


def _workers(jobs: int | None, todo: int) -> int:
    """As many kernels at once as ``jobs`` or this process's cores, at most ``todo``."""
    return max(1, min(jobs or available_cores(), todo))


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
    processed_hash = _hash_files(_tree_files(paths.processed), paths.out)
    sources = notebook_sources(paths)
    nb_state = run.state.get("notebooks", {})
    todo = []
    for src in sources:
        key = _key(fp["code"], fp["environment"], processed_hash, src.read_bytes().hex())
        rec = nb_state.get(src.stem, {})
        if rec.get("key") != key or not _outputs_intact(paths, rec.get("outputs", {})):
            todo.append((src, key))
    return sources, todo


def _schedule_key(source: Path, seconds: dict[str, float]) -> tuple:
    """Longest first by the last run's times keeps the cores busy to the end; notebooks
    without a time (a fresh clone, a new notebook) first, in notebook order."""
    known = source.stem in seconds
    return (known, -seconds.get(source.stem, 0.0), source.name)


def _start_notebooks(run: _Run, sources: list[Path], jobs: int | None):
    """Start the kernels of ``sources``, longest first by the last run's times, as many
    as :func:`_step_notebooks` runs at once; each waits for the gate (opened there)
    before it runs its notebook (:meth:`~psm_analysis.runner.NotebookRuns.open`)."""
    from psm_analysis.runner import Gate, run_notebooks

    seconds = run.state.get("seconds", {})
    order = sorted(sources, key=lambda src: _schedule_key(src, seconds))
    gate = Gate()
    jobs_ = [(src, html_path(run.paths, src)) for src in order]
    out = run.paths
    return run_notebooks(jobs_, out.root, _workers(jobs, len(order)), out.out, gate)


def _step_notebooks(run: _Run, jobs: int | None, started=None) -> None:
    """2. Every out-of-date notebook, each in a fresh kernel, as many at once as cores,
    longest first by the last run's times, to HTML in reports/. ``started``: the
    notebooks :func:`_start_notebooks` started (every one), waiting to run."""
    from psm_analysis.runner import run_notebooks

    paths, say = run.paths, run.say
    sources, todo = _notebooks_due(run)
    if not todo:
        say(f"[2/4] notebook: {len(sources)} notebook mutakhir, tidak ada yang dijalankan")
        return
    t0 = time.perf_counter()
    workers = _workers(jobs, len(todo))
    say(f"[2/4] notebook: menjalankan {len(todo)} dari {len(sources)} ({workers} sekaligus)")
    keys = dict(todo)
    nb_state = run.state.setdefault("notebooks", {})
    seconds = run.state.setdefault("seconds", {})
    if started is not None and len(todo) == len(sources):
        runs = started
        runs.open()
    else:
        todo.sort(key=lambda item: _schedule_key(item[0], seconds))
        jobs_ = [(src, html_path(paths, src)) for src, _ in todo]
        runs = run_notebooks(jobs_, paths.root, workers, output=paths.out)
    for src, res in runs:
        if isinstance(res, BaseException):  # the notebook could not even be run
            run.failures.append(f"{src.name}: {type(res).__name__}: {res}")
            say(f"      {src.name}: GAGAL: {type(res).__name__}: {res}")
            continue
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


def _step_site(run: _Run, jobs: int | None = None) -> None:
    """3. The final thesis numbers, the lists of figures and tables, the Word document and
    the index page, when anything changed."""
    paths = run.paths
    index = paths.reports / "index.html"
    if not (run.wrote or run.failures or not index.is_file() or not _site_intact(paths, run.state)):
        run.say("[3/4] index.html mutakhir, dilewati")
        return
    from psm_analysis import site as report

    t0 = time.perf_counter()
    written = report.write_reports(paths, failures=run.failures, workers=jobs)
    run.wrote += written
    run.state["site"] = _record(paths, written)
    # the final thesis numbers may have rewritten a notebook's page and tables, or
    # written its tables (thesis.numbered_later)
    sources = {src.stem: src for src in notebook_sources(paths)}
    for stem, rec in run.state.get("notebooks", {}).items():
        files = {paths.out / rel for rel in rec.get("outputs", {})}
        if stem in sources:
            files.update(notebook_outputs(paths, sources[stem]))
        rec["outputs"] = _record(paths, sorted(files))
    _save_state(paths, run.state)
    run.times["daftar dan index"] = time.perf_counter() - t0
    run.say(
        f"[3/4] daftar gambar, daftar tabel, index.html ({_seconds(run.times['daftar dan index'])})"
    )


def _site_intact(paths: Paths, state: dict) -> bool:
    """Whether the files the numbering step wrote last time (the Word documents, the
    lists, the numbering) are still there: one deleted is written again."""
    return all((paths.out / rel).is_file() for rel in state.get("site", {}))


def _step_privacy(run: _Run, files: list[Path] | None = None) -> None:
    """4. The privacy guard over the generated files (``files``; default all), when
    anything was written; a name found keeps the whole build from replacing the
    outputs."""
    paths, say = run.paths, run.say
    if not run.wrote:
        say("[4/4] pemeriksaan privasi: tidak ada berkas baru, dilewati")
        return
    t0 = time.perf_counter()
    leaks = privacy_scan(paths, files)
    if leaks:
        for p in leaks:
            say(f"      BOCOR: {p}")
        raise DataError(leaks)
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


def privacy_scan(paths: Paths, files: list[Path] | None = None) -> list:
    """Problems for every generated file (of ``files``; default all) that contains an
    informant's name (or a name from the PSM register's name column)."""
    from psm_analysis.interviews import privacy
    from psm_analysis.register.read import personal_names

    names = privacy.roster_names(paths)
    names += [v for n in personal_names(paths) for v in privacy.name_variants(n)]
    if not names:
        return []
    import dataclasses

    scan = privacy.FileScanner(names, privacy.place_names(paths))
    found = scan(generated_files(paths) if files is None else files)
    # a file of the staging folder is named where it would have gone
    return [
        dataclasses.replace(p, file=p.file.removeprefix(f"{STAGING}/")) if p.file else p
        for p in found
    ]


def _written_summary(paths: Paths, seconds: float, times: dict[str, float], changed: int) -> str:
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
        f"Selesai dalam {_seconds(seconds)} ({steps}). {changed} berkas baru atau berubah; "
        + "; ".join(parts)
        + f". Buka {paths.reports / 'index.html'}"
    )
