#!/usr/bin/env python
"""Time the rebuild, by hand (not a timed test). Prints, from one run on this machine:

(a) naive baseline: ``jupyter nbconvert --to html --execute`` on each notebook, one after
    the other (the notebooks converted from jupytext first, untimed; data already clean);
(b) ``psm-analysis reproduce --force`` from a clean state;
(c) a no-op ``psm-analysis reproduce`` right after (b);
and the ratios (b)/(a) (target <= 0.6) and (c)/(a) (target <= 0.05).

Each measurement runs in its own temporary copy of the project's inputs, so the working
tree is not touched. Usage: ``python scripts/benchmark_reproduce.py`` (or ``make benchmark``).
"""

from __future__ import annotations

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
ITEMS = ["data/raw", "data/demo", "notebooks", "src", "pyproject.toml", "requirements.lock"]


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


def run(cmd: list[str], root: Path, cwd: Path | None = None) -> float:
    env = dict(os.environ, PSM_ANALYSIS_ROOT=str(root), JUPYTER_PREFER_ENV_PATH="1")
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=cwd or root, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="psm-bench-") as tmp:
        base = copy_inputs(Path(tmp) / "baseline")
        run([str(BIN / "psm-analysis"), "clean"], base)
        notebooks = sorted((base / "notebooks").glob("[0-9][0-9]_*.py"))
        ipynbs = []
        for nb in notebooks:
            run([str(BIN / "jupytext"), "--quiet", "--to", "ipynb", str(nb)], base)
            ipynbs.append(nb.with_suffix(".ipynb"))
        a = 0.0
        for nb in ipynbs:
            a += run(
                [str(BIN / "jupyter"), "nbconvert", "--to", "html", "--execute", str(nb)],
                base,
                cwd=nb.parent,
            )

        fresh = copy_inputs(Path(tmp) / "reproduce")
        b = run([str(BIN / "psm-analysis"), "reproduce", "--force"], fresh)
        c = run([str(BIN / "psm-analysis"), "reproduce"], fresh)

    print(
        f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"notebooks: {len(notebooks)}")
    print(f"(a) nbconvert --execute, one after the other : {a:7.2f} s")
    print(f"(b) psm-analysis reproduce --force           : {b:7.2f} s")
    print(f"(c) psm-analysis reproduce (nothing changed) : {c:7.2f} s")
    print(f"(b)/(a) = {b / a:.3f}  (target <= 0.6)")
    print(f"(c)/(a) = {c / a:.3f}  (target <= 0.05)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
