"""Shared fixtures: a throw-away copy of the project, and one fully reproduced copy."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "tests" / "artifacts"

#: What a project copy needs to run the pipeline (generated folders start empty).
COPY_ITEMS = [
    "data/raw",
    "data/demo",
    "notebooks",
    "src",
    "pyproject.toml",
    "requirements.lock",
    "thesis.yml",
]


def copy_project(dest: Path, notebooks: bool = True) -> Path:
    """Copy the inputs of the project to ``dest`` (generated folders empty)."""
    ignore = shutil.ignore_patterns("__pycache__", "*.ipynb", ".ipynb_checkpoints")
    for item in COPY_ITEMS:
        src = REPO / item
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
def reproduced(tmp_path_factory):
    """One copy of the project after ``reproduce --force``: (root, progress lines, ok)."""
    from psm_analysis import pipeline
    from psm_analysis.config import get_paths

    root = copy_project(tmp_path_factory.mktemp("reproduced") / "project")
    (root / "inputs_before.json").write_text(json.dumps(inputs_digest(root)), encoding="utf-8")
    lines: list[str] = []
    ok = pipeline.reproduce(force=True, progress=lines.append, paths=get_paths(root))
    return root, lines, ok


@pytest.fixture(autouse=True)
def _restore_process_state():
    """A test that changes process state (matplotlib rcParams, pandas display options)
    gets it restored afterwards, so tests do not depend on their order (issue 8)."""
    import sys

    mpl = sys.modules.get("matplotlib")
    rc = dict(mpl.rcParams) if mpl is not None else None
    pd = sys.modules.get("pandas")
    options = ("display.max_columns", "display.max_rows", "display.width", "display.precision")
    saved = {o: pd.get_option(o) for o in options} if pd is not None else None
    yield
    mpl = sys.modules.get("matplotlib")
    if mpl is not None:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if rc is not None:
                mpl.rcParams.update(rc)
            else:
                mpl.rcParams.update(mpl.rcParamsDefault)
    pd = sys.modules.get("pandas")
    if pd is not None:
        if saved is not None:
            for o, v in saved.items():
                pd.set_option(o, v)
        else:
            for o in options:
                pd.reset_option(o)
