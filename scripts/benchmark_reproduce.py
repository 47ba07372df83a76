#!/usr/bin/env python
"""Time the set-up and the rebuild, by hand (not a timed test). Prints, from one run on
this machine:

(p) plain pip: a new venv, ``pip install -r requirements.lock`` and the project (editable,
    no deps), with pip's cache as it is;
(v) ``make venv`` in a fresh ``git clone`` of this repository (uv, with uv's cache as it is);
(a) naive baseline: ``jupyter nbconvert --to html --execute`` on each notebook, one after
    the other (the notebooks converted from jupytext first, untimed; data already clean);
(b) ``python -m psm_analysis reproduce --force`` from a clean state (a copy of the inputs
    that was never built: no notebook times, no thesis numbering of an earlier run);
(c) a no-op ``python -m psm_analysis reproduce`` right after (b);
(d) ``reproduce --force`` again in the same copy: the rebuild of a project built before,
    which keeps the last run's notebook times and numbering;
(e) edit-to-document latency, per notebook: one Markdown line of the notebook changed,
    then ``reproduce`` (that notebook's page, its tables, the lists,
    ``tabel_dan_gambar.docx`` and the index), against (a) for that notebook alone;
and the ratios (v)/(p) (target <= 0.25), (b)/(a) and (d)/(a) (target <= 0.45), (c)/(a)
(target <= 0.02) and (e)/(a of the notebook) (target <= 1.3).

Each measurement runs in its own temporary folder, so the working tree is not touched.
(a)-(c) use this Python's environment. Usage: ``python scripts/benchmark_reproduce.py``
(or ``make benchmark``); ``--no-venv`` skips (p) and (v), ``--repeat N`` repeats (a)-(c).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
ITEMS = [
    "data/raw",
    "data/demo",
    "notebooks",
    "src",
    "pyproject.toml",
    "requirements.lock",
    "thesis.yml",
]


def copy_inputs(dest: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "*.ipynb", ".ipynb_checkpoints")
    for item in ITEMS:
        src = REPO / item
        if src.is_dir():
            shutil.copytree(src, dest / item, ignore=ignore)
        else:
            shutil.copy2(src, dest / item)
    for folder in ("data/processed", "figures", "reports"):
        (dest / folder).mkdir(parents=True, exist_ok=True)
    return dest


def run(cmd: list[str], root: Path, cwd: Path | None = None, said: list | None = None) -> float:
    """Seconds ``cmd`` took; its output lines go to ``said`` when given."""
    env = dict(os.environ, PSM_ANALYSIS_ROOT=str(root), JUPYTER_PREFER_ENV_PATH="1")
    t0 = time.perf_counter()
    out = subprocess.run(
        cmd, cwd=cwd or root, env=env, check=True, stdout=subprocess.PIPE, text=True
    ).stdout
    seconds = time.perf_counter() - t0
    if said is not None:
        said.extend(out.splitlines())
    return seconds


def timed(cmd: list[str], cwd: Path) -> float:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PSM_ANALYSIS_ROOT")}
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def bench_venv(tmp: Path) -> tuple[float, float]:
    """(plain pip, make venv on a fresh clone), in seconds."""
    python = getattr(sys, "_base_executable", None) or shutil.which("python3") or sys.executable
    tmp.mkdir(parents=True)
    quiet = ["--quiet", "--disable-pip-version-check"]
    plain = tmp / "pip-venv"
    pip = [str(plain / "bin" / "python"), "-m", "pip", "install", *quiet]
    t0 = time.perf_counter()
    timed([python, "-m", "venv", str(plain)], tmp)
    timed([*pip, "-r", str(REPO / "requirements.lock")], tmp)
    timed([*pip, "--no-deps", "--no-build-isolation", "-e", str(REPO)], tmp)
    p = time.perf_counter() - t0

    clone = tmp / "clone"
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(clone)], check=True)
    v = timed(["make", "venv", f"PYTHON={python}"], clone)
    return p, v


def cpu_seconds() -> float:
    """User + system CPU seconds of this process's finished children and their
    descendants (the kernels a run starts are reaped by it): compared with the wall time
    it shows how busy the cores were."""
    try:
        import resource
    except ImportError:  # Windows
        return float("nan")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bench_reproduce(tmp: Path, said: list[str]):
    """(notebooks, naive nbconvert, reproduce --force, no-op reproduce, reproduce --force
    again, {notebook: (nbconvert alone, reproduce after an edit)}), in seconds; the
    output lines of the two reproduce --force go to ``said``."""
    py = [sys.executable, "-m", "psm_analysis"]
    base = copy_inputs(tmp / "baseline")
    run([*py, "clean"], base)
    notebooks = sorted((base / "notebooks").glob("[0-9][0-9]_*.py"))
    ipynbs = []
    for nb in notebooks:
        run([str(BIN / "jupytext"), "--quiet", "--to", "ipynb", str(nb)], base)
        ipynbs.append(nb.with_suffix(".ipynb"))
    alone: dict[str, float] = {}
    cpu0 = cpu_seconds()
    for nb in ipynbs:
        alone[nb.stem] = run(
            [str(BIN / "jupyter"), "nbconvert", "--log-level=ERROR", "--to", "html", "--execute"]
            + [str(nb)],
            base,
            cwd=nb.parent,
        )
    a = sum(alone.values())
    fresh = copy_inputs(tmp / "reproduce")
    cpu1 = cpu_seconds()
    b = run([*py, "reproduce", "--force"], fresh, said=said)
    cpu2 = cpu_seconds()
    said.append(
        f"CPU (user + system, all processes): (a) {cpu1 - cpu0:.1f} s, (b) {cpu2 - cpu1:.1f} s"
    )
    c = run([*py, "reproduce"], fresh)
    again: list[str] = []
    d = run([*py, "reproduce", "--force"], fresh, said=again)
    said.append("(d) said: " + again[-1])
    edits = {}
    for nb in notebooks:
        source = fresh / "notebooks" / nb.name
        text = source.read_text(encoding="utf-8")
        source.write_text(text.replace("# %% [markdown]\n# ", "# %% [markdown]\n# (diubah) ", 1))
        edits[nb.stem] = (alone[nb.stem], run([*py, "reproduce"], fresh))
        source.write_text(text, encoding="utf-8")
        run([*py, "reproduce"], fresh)
    return len(notebooks), a, b, c, d, edits


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-venv", action="store_true", help="skip the set-up timing")
    parser.add_argument("--repeat", type=int, default=1, help="rebuild timings to take")
    args = parser.parse_args(argv)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"machine: {platform.platform()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, load average {load:.1f}",
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="psm-bench-") as tmp:
        if not args.no_venv:
            p, v = bench_venv(Path(tmp) / "venv")
            print(f"(p) plain pip install of requirements.lock  : {p:7.2f} s")
            print(f"(v) make venv on a fresh clone (uv)         : {v:7.2f} s")
            print(f"(v)/(p) = {v / p:.3f}  (target <= 0.25)", flush=True)
        for i in range(args.repeat):
            said: list[str] = []
            n, a, b, c, d, edits = bench_reproduce(Path(tmp) / f"rebuild{i}", said)
            print(f"notebooks: {n}")
            print("reproduce --force said:", *("  " + line for line in said), sep="\n")
            print(f"(a) nbconvert --execute, one after the other : {a:7.2f} s")
            print(f"(b) python -m psm_analysis reproduce --force : {b:7.2f} s")
            print(f"(c) python -m psm_analysis reproduce (no-op) : {c:7.2f} s")
            print(f"(d) reproduce --force again, same copy       : {d:7.2f} s")
            print(f"(b)/(a) = {b / a:.3f}  (target <= 0.45)")
            print(f"(c)/(a) = {c / a:.3f}  (target <= 0.02)")
            print(f"(d)/(a) = {d / a:.3f}  (target <= 0.45)")
            print("(e) one notebook edited, then reproduce, against nbconvert of it alone:")
            for stem, (alone, edit) in edits.items():
                print(f"    {stem:34s}: {edit:6.2f} s / {alone:6.2f} s = {edit / alone:.2f}")
            worst = max(edit / alone for alone, edit in edits.values())
            print(f"(e) worst = {worst:.2f}  (target <= 1.3)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
