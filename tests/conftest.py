"""Shared fixtures: a throw-away copy of the project, and one fully reproduced copy."""

from __future__ import annotations

import contextlib
import fnmatch
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def pytest_runtest_setup(item):
    """``@pytest.mark.needs("git", "make")``: skip, saying why, where a program is not on
    PATH (Windows without Git for Windows or make) or, for git, outside a git checkout
    (a ZIP download of the repository)."""
    for mark in item.iter_markers("needs"):
        missing = [program for program in mark.args if shutil.which(program) is None]
        if missing:
            pytest.skip(f"needs {', '.join(missing)} on PATH (not found)")
        if "git" in mark.args and not (REPO / ".git").exists():
            pytest.skip("needs a git checkout (git clone), not a ZIP download")


# On Windows, asyncio's selector loop as Jupyter chooses it (no pyzmq RuntimeWarning from
# the kernels the tests start in this process).
from psm_analysis.cli import use_selector_event_loop_on_windows  # noqa: E402

use_selector_event_loop_on_windows()

ARTIFACTS = REPO / "tests" / "artifacts"

#: What a project copy needs to run the pipeline (generated folders start empty). Of
#: data/raw only what git tracks is copied (see :func:`tracked_raw_files`); data/demo,
#: the notebooks and the library are copied whole.
COPY_ITEMS = [
    "data/raw",
    "data/demo",
    "notebooks",
    "src",
    "pyproject.toml",
    "requirements.lock",
    "thesis.yml",
]

#: The files of data/raw a project copy may take (relative to data/raw; ``*`` does not
#: cross folders): what the project ships - the Dinas Sosial tables, the reference, the
#: codebooks, the research schedule, READMEs. Questionnaire answers, interview codings, a document map, the PSM
#: register and the roster are never among them, whatever their names and even when the
#: researcher committed them (the survey and register folders are not git-ignored).
RAW_FILES_COPIED = (
    "README.md",
    "*/README.md",
    "*/.gitkeep",
    "dinsos/*",
    "reference/*",
    "survey/codebook.yml",
    "interviews/codebook_wawancara.yml",
    "interviews/codebook_wawancara.qdc",
    "jadwal.yml",
)


def _git_tracked(repo: Path, under: str) -> list[str] | None:
    """Files git tracks under ``repo/under`` (posix, relative to ``repo``), or None when
    ``repo`` is not the top of a git checkout or git is missing."""
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=repo,
            capture_output=True,
            encoding="utf-8",
            check=True,
        ).stdout.strip()
        if Path(top).resolve() != repo.resolve():
            return None
        out = subprocess.run(
            ["git", "ls-files", "-z", "--", under],
            cwd=repo,
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    return sorted(p for p in out.decode("utf-8").split("\0") if p)


def tracked_raw_files(repo: Path = REPO) -> list[str]:
    """The files of ``repo/data/raw`` a project copy takes, relative to ``repo``.

    Those matching :data:`RAW_FILES_COPIED` and, in a git checkout, tracked by git (``git
    ls-files data/raw``), so that no stray untracked file reaches a temporary folder
    either; outside a checkout (a source archive) the rule alone. A new input file of
    the project must be added to git (and, in a new place, to the rule) before the tests
    see it.
    """
    raw = repo / "data" / "raw"
    tracked = _git_tracked(repo, "data/raw")
    if tracked is None:
        tracked = sorted(p.relative_to(repo).as_posix() for p in raw.rglob("*") if p.is_file())
    return [rel for rel in tracked if (repo / rel).is_file() and _copied(rel[len("data/raw/") :])]


def _copied(rel: str) -> bool:
    """Whether ``rel`` (relative to data/raw) matches :data:`RAW_FILES_COPIED`."""
    return any(
        fnmatch.fnmatchcase(rel, pat) and rel.count("/") == pat.count("/")
        for pat in RAW_FILES_COPIED
    )


def copy_raw(dest: Path, *folders: str, repo: Path = REPO) -> list[str]:
    """Copy the tracked files of ``repo/data/raw`` (:func:`tracked_raw_files`), of only
    ``folders`` (e.g. ``"survey"``) when given, to the same places under ``dest``; return
    them relative to ``dest``."""
    prefixes = tuple(f"data/raw/{f.strip('/')}/" for f in folders) or ("data/raw/",)
    copied = [rel for rel in tracked_raw_files(repo) if rel.startswith(prefixes)]
    for rel in copied:
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(repo / rel, dest / rel)
    return copied


def copy_project(dest: Path, notebooks: bool = True, repo: Path = REPO) -> Path:
    """Copy the inputs of the project at ``repo`` to ``dest`` (generated folders empty):
    the tracked files of data/raw (:func:`tracked_raw_files`), the demo inputs, the
    notebooks (unless ``notebooks=False``: then an empty folder), the library and the
    package metadata."""
    ignore = shutil.ignore_patterns("__pycache__", "*.ipynb", ".ipynb_checkpoints")
    for item in COPY_ITEMS:
        src = repo / item
        if item == "data/raw":
            copy_raw(dest, repo=repo)
            continue
        if item == "notebooks" and not notebooks:
            (dest / item).mkdir(parents=True, exist_ok=True)
            continue
        if src.is_dir():
            shutil.copytree(src, dest / item, ignore=ignore)
        elif src.is_file():
            (dest / item).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / item)
    for folder in ("data/processed", "figures", "reports"):
        (dest / folder).mkdir(parents=True, exist_ok=True)
    return dest


def run_cli(
    *args: str, root: Path | None = None, pythonpath: Path | None = None
) -> subprocess.CompletedProcess:
    """Run the command line as ``python -m psm_analysis ARGS`` with this interpreter (works
    in a venv, conda or on Windows, where no ``bin/psm-analysis`` may exist), with
    PSM_ANALYSIS_ROOT at ``root`` when given; output captured as text."""
    env = dict(os.environ)
    if root is not None:
        env["PSM_ANALYSIS_ROOT"] = str(root)
    if pythonpath is not None:  # the library of a project copy instead of the installed one
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run(
        [sys.executable, "-m", "psm_analysis", *args],
        capture_output=True,
        encoding="locale",  # as the command writes to a pipe
        env=env,
    )


def digest(folder: Path) -> dict[str, str]:
    """sha256 of every file under ``folder``, by relative path."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def inputs_digest(root: Path) -> dict[str, str]:
    """Digest of the inputs no code may write: data/raw and data/demo."""
    return {f"{d}/{k}": v for d in ("data/raw", "data/demo") for k, v in digest(root / d).items()}


@pytest.fixture
def make_project(tmp_path):
    """A function making fresh copies of the project's inputs under tmp_path."""
    counter = iter(range(1000))

    def make(notebooks: bool = True) -> Path:
        return copy_project(tmp_path / f"project{next(counter)}", notebooks=notebooks)

    return make


@pytest.fixture
def project_copy(tmp_path, monkeypatch):
    """A fresh copy of the project's inputs, with PSM_ANALYSIS_ROOT pointing at it."""
    root = copy_project(tmp_path / "project")
    monkeypatch.setenv("PSM_ANALYSIS_ROOT", str(root))
    return root


@pytest.fixture(scope="session")
def cleaned(tmp_path_factory):
    """One copy of the project's inputs after ``clean`` (no notebooks), shared by the tests
    that only read it; a test that changes it works on a copy of its own."""
    from psm_analysis import pipeline
    from psm_analysis.config import get_paths

    root = copy_project(tmp_path_factory.mktemp("cleaned") / "project", notebooks=False)
    pipeline.clean(get_paths(root))
    return get_paths(root)


@pytest.fixture(scope="session")
def reproduced(tmp_path_factory):
    """One copy of the project after ``reproduce --force``: (root, progress lines, ok)."""
    from psm_analysis import pipeline
    from psm_analysis.config import get_paths

    root = copy_project(tmp_path_factory.mktemp("reproduced") / "project")
    (root / "inputs_before.json").write_text(json.dumps(inputs_digest(root)), encoding="utf-8")
    lines: list[str] = []
    ok = pipeline.reproduce(force=True, progress=lines.append, paths=get_paths(root))
    return root, lines, ok


#: The pandas options the library sets (``notebook.setup``); a test that sets others
#: restores them itself.
PANDAS_OPTIONS = ("display.max_columns", "display.max_rows", "display.width", "display.precision")


@contextlib.contextmanager
def restored_process_state():
    """Restore on exit what the library and tests change in this process: matplotlib
    rcParams and the figures opened inside, the pandas options ``notebook.setup`` sets,
    the warning filters, environment variables, the working directory and ``sys.path``.
    Notebooks need none of this: each runs in a fresh kernel."""
    import warnings

    import matplotlib
    import matplotlib.pyplot as plt
    import pandas as pd

    env, cwd, path = dict(os.environ), os.getcwd(), list(sys.path)
    figures = set(plt.get_fignums())
    options = {k: pd.get_option(k) for k in PANDAS_OPTIONS}
    with matplotlib.rc_context(), warnings.catch_warnings():
        try:
            yield
        finally:
            for number in set(plt.get_fignums()) - figures:
                plt.close(number)
            for k, v in options.items():
                pd.set_option(k, v)
            os.chdir(cwd)
            sys.path[:] = path
            os.environ.clear()
            os.environ.update(env)


@pytest.fixture(autouse=True)
def _restore_process_state():
    """A test that changes process state (matplotlib rcParams, pandas display options,
    environment, working directory, sys.path) gets it restored afterwards, so tests do not
    depend on their order (issue 8)."""
    with restored_process_state():
        yield
