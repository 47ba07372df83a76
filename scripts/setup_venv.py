"""Create the project's venv from requirements.lock: what ``make venv`` runs, and what a
Windows user runs without make (Anaconda Prompt, cmd or PowerShell, in the project folder)::

    python scripts/setup_venv.py          # creates .venv with this Python
    python scripts/setup_venv.py VENV     # another folder (the Makefile passes .venv)

Pure Python, standard library only, the same on Linux, macOS and Windows. The venv is
built with the Python that runs this script (``make venv PYTHON=/path/to/python3.11``).

Fast path (about 20 s on 2 cores, see README "Reproducibility"):

1. a venv without pip (``venv --without-pip``: 0,1 s instead of 7,7 s for ensurepip);
2. uv from the package registry into it, by this Python's pip (``pip --python``,
   pip >= 22.3), else by the venv's own pip after ensurepip;
3. ``uv pip sync requirements.lock`` (exactly the lock: a package dropped from it is
   removed); then ``uv pip install -r requirements.lock pip``: pip itself (so ``pip``
   works in the venv) and, on Windows and macOS, the platform-only dependencies a lock
   frozen on Linux cannot list (pywin32, pywinpty and colorama on Windows, appnope on
   macOS; on Linux it finds everything in place, 0,1 s); then the project, editable;
4. JupyterLab's setting that opens the ``.py`` notebooks as notebooks
   (``jupyterlab-settings/psm-analysis.json``, copied into the venv's
   ``share/jupyter/lab/settings/overrides.d``);
5. the bytecode of the modules a rebuild imports, in two processes (uv writes none).

When uv cannot be had, or cannot install the lock, plain pip installs the same pinned
versions (saying so). uv reads ``UV_INDEX_URL``, not pip's ``PIP_INDEX_URL`` or pip.conf:
behind a package mirror, set ``UV_INDEX_URL`` too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCK = "requirements.lock"
QUIET = ["--quiet", "--disable-pip-version-check"]
#: The JupyterLab setting (source) and where it goes, relative to the venv.
LAB_SETTING = ROOT / "jupyterlab-settings" / "psm-analysis.json"
LAB_SETTING_DEST = Path("share", "jupyter", "lab", "settings", "overrides.d", "psm-analysis.json")

# uv writes no bytecode at install; importing the modules a rebuild needs writes theirs,
# so no kernel compiles them again (not even where PYTHONDONTWRITEBYTECODE is set), at a
# fraction of the cost of compiling every package. Two processes share the work (one per
# core): whichever imports a module first writes its bytecode, the other then loads it.
_WARM = "import sys; sys.dont_write_bytecode = False; import "
WARM_UP = [
    _WARM + "pandas, scipy.stats",
    _WARM
    + "psm_analysis.runner, jsonschema\n"
    + "import matplotlib.pyplot, matplotlib.backends.backend_pdf, fontTools.subset, "
    + "ipykernel.kernelapp, nbclient, nbconvert, jupytext, docx, openpyxl, lxml.etree, "
    + "pypdf, yaml, pyreadstat, krippendorff, pandas, scipy.stats\n"
    + "import pkgutil, importlib, psm_analysis\n"
    + "for m in pkgutil.walk_packages(psm_analysis.__path__, 'psm_analysis.'):\n"
    + "    if not m.name.endswith('__main__'):\n"
    + "        importlib.import_module(m.name)",
]


def venv_executable(venv: Path, name: str) -> Path:
    """``venv/bin/name`` (``venv\\Scripts\\name.exe`` on Windows)."""
    if os.name == "nt":
        return venv / "Scripts" / f"{name}.exe"
    return venv / "bin" / name


def _run(*cmd, quiet: bool = False) -> bool:
    out = subprocess.DEVNULL if quiet else None
    return subprocess.run([str(c) for c in cmd], cwd=ROOT, stdout=out, stderr=out).returncode == 0


def get_uv(python: Path, uv: Path) -> bool:
    """uv in the venv: by this Python's pip, else by the venv's own pip."""
    if uv.is_file():
        return True
    if _run(sys.executable, "-m", "pip", "--python", python, "install", *QUIET, "uv", quiet=True):
        return True
    # this Python has no pip, or one older than 22.3 (no --python): the venv's own pip
    if not _run(python, "-m", "pip", "--version", quiet=True):
        _run(python, "-m", "ensurepip", "--default-pip", quiet=True)
    return _run(python, "-m", "pip", "install", *QUIET, "uv")


def install_with_uv(python: Path, uv: Path) -> bool:
    """The lock, pip, the platform-only dependencies and the project, with uv."""
    pip = [uv, "pip"]
    where = ["--quiet", "--python", python]
    return (
        _run(*pip, "sync", *where, LOCK)
        and _run(*pip, "install", *where, "-r", LOCK, "pip")
        and _run(*pip, "install", *where, "--no-deps", "--no-build-isolation", "-e", ".")
    )


def install_with_pip(python: Path) -> None:
    """The same pinned versions with plain pip (compiles bytecode itself)."""
    if not _run(python, "-m", "pip", "--version", quiet=True):
        subprocess.run([str(python), "-m", "ensurepip", "--default-pip"], check=True)
    for args in (["-r", LOCK], ["--no-deps", "--no-build-isolation", "-e", "."]):
        subprocess.run([str(python), "-m", "pip", "install", *QUIET, *args], cwd=ROOT, check=True)


def install_lab_setting(venv: Path) -> Path:
    """Copy the JupyterLab setting into the venv; return where it went."""
    dest = venv / LAB_SETTING_DEST
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(LAB_SETTING, dest)
    return dest


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 (pyproject.toml's requires-python)
        print(
            f"setup_venv: {sys.executable} is Python {sys.version.split()[0]}, not >= 3.11 "
            "(make venv PYTHON=/path/to/python3.11, or run this script with Python 3.11)",
            file=sys.stderr,
        )
        return 1
    if len(argv) > 1 or (argv and argv[0].startswith("-")):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    venv = (ROOT / argv[0]) if argv else ROOT / ".venv"
    shown = os.path.relpath(venv, ROOT) if venv.is_relative_to(ROOT) else str(venv)
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python, uv = venv_executable(venv, "python"), venv_executable(venv, "uv")

    used_uv = False
    if get_uv(python, uv):
        used_uv = install_with_uv(python, uv)
        if not used_uv:
            # e.g. a registry only pip is configured for (uv reads UV_INDEX_URL, not pip.conf)
            print(f"{shown}: uv could not install {LOCK} (messages above); trying plain pip")
    else:
        print(f"{shown}: uv could not be installed; installing {LOCK} with plain pip")
    if not used_uv:
        install_with_pip(python)
    install_lab_setting(venv)
    if used_uv:
        print(f"{shown}: {LOCK} installed with uv")
        warm = [subprocess.Popen([str(python), "-c", code], cwd=ROOT) for code in WARM_UP]
        for proc in warm:
            proc.wait()  # a failed warm-up only costs the first rebuild some time
    else:
        print(f"{shown}: {LOCK} installed with pip")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
