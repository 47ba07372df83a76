"""Project paths, found from the package location, never from the working directory.

``get_paths()`` returns the :class:`Paths` of the project this package was installed from
(editable install, the normal case). The environment variable ``PSM_ANALYSIS_ROOT``
points it at another copy of the project, which the tests use to run the pipeline in a
temporary folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

ENV_ROOT = "PSM_ANALYSIS_ROOT"
ENV_OUTPUT = "PSM_ANALYSIS_OUTPUT"


def _find_root() -> Path:
    env = os.environ.get(ENV_ROOT)
    if env:
        return Path(env).resolve()
    here = Path(__file__).resolve()
    for parent in here.parents:
        if _is_project(parent):
            return parent
    return Path.cwd().resolve()


def _is_project(folder: Path) -> bool:
    """Whether ``folder`` is the root of a psm-analysis project: ``pyproject.toml`` and
    ``data/raw`` (a home folder that merely has a ``data/raw`` is not)."""
    return (folder / "pyproject.toml").is_file() and (folder / "data" / "raw").is_dir()


@dataclass(frozen=True)
class Paths:
    """Every folder of the compendium: the inputs under ``root``, the generated folders
    (data/processed, figures, reports) under ``output`` (default: ``root``)."""

    root: Path
    output: Path | None = None

    @cached_property
    def out(self) -> Path:
        """The folder holding data/processed, figures and reports."""
        return self.output or self.root

    @cached_property
    def data(self) -> Path:
        return self.root / "data"

    @cached_property
    def raw(self) -> Path:
        return self.data / "raw"

    @cached_property
    def raw_dinsos(self) -> Path:
        return self.raw / "dinsos"

    @cached_property
    def raw_reference(self) -> Path:
        return self.raw / "reference"

    @cached_property
    def raw_survey(self) -> Path:
        return self.raw / "survey"

    @cached_property
    def raw_interviews(self) -> Path:
        return self.raw / "interviews"

    @cached_property
    def raw_private(self) -> Path:
        return self.raw / "private"

    @cached_property
    def demo(self) -> Path:
        """Synthetic demo inputs (written by ``psm-analysis demo``), used only when
        the matching folder under data/raw holds no real data."""
        return self.data / "demo"

    @cached_property
    def processed(self) -> Path:
        return self.out / "data" / "processed"

    @cached_property
    def figures(self) -> Path:
        return self.out / "figures"

    @cached_property
    def reports(self) -> Path:
        return self.out / "reports"

    @cached_property
    def tables(self) -> Path:
        return self.reports / "tables"

    @cached_property
    def notebooks(self) -> Path:
        return self.root / "notebooks"

    @cached_property
    def build_state(self) -> Path:
        """Where reproduce keeps what it needs to know to skip up-to-date work."""
        return self.reports / ".build"


def available_cores() -> int:
    """The cores this process may run on: its CPU affinity where the system keeps one
    (Linux: ``taskset``, a container's cpuset), else :func:`os.cpu_count`; at least 1."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # Windows, macOS
        return os.cpu_count() or 1


def get_paths(root: str | Path | None = None, output: str | Path | None = None) -> Paths:
    """The project's paths.

    Parameters
    ----------
    root : str or Path, optional
        The project root (default: ``PSM_ANALYSIS_ROOT``, else the project this package
        was installed from).
    output : str or Path, optional
        The folder of the generated files, data/processed, figures and reports (default:
        ``PSM_ANALYSIS_OUTPUT`` when no ``root`` is given, else the root).

    Returns
    -------
    Paths
        Every folder of the project.
    """
    if root is None:
        root = _find_root()
        output = output or os.environ.get(ENV_OUTPUT) or None
    return Paths(Path(root).resolve(), Path(output).resolve() if output else None)


def display_path(path: str | Path, paths: Paths | None = None) -> str:
    """``path`` as the user should see it: relative to the project's output folder or its
    root (POSIX style) when it lies inside one, else unchanged. The one helper for this; every message and every
    ``berkas`` column uses it.

    Without ``paths``, a path outside the default project root (``PSM_ANALYSIS_ROOT``) is
    shown relative to the nearest folder above it that is a project root
    (``pyproject.toml`` and ``data/raw``): the project it belongs to, so a reader called on
    another project's file (a test's copy, a second project in the same session) records
    the same ``berkas`` as that project's own run.

    >>> display_path(get_paths("/tmp/proyek").root / "data" / "raw" / "t.csv", get_paths("/tmp/proyek"))
    'data/raw/t.csv'
    >>> display_path("/elsewhere/t.csv", get_paths("/tmp/proyek"))
    '/elsewhere/t.csv'
    """
    project = paths or get_paths()
    try:
        resolved = Path(path).resolve()
    except OSError:
        return str(path)
    # a file being built in the output folder is shown where it will end up
    for base in (project.out, project.root):
        try:
            return resolved.relative_to(base.resolve()).as_posix()
        except ValueError:
            pass
    if paths is None:
        for folder in resolved.parents:
            if _is_project(folder):
                return resolved.relative_to(folder).as_posix()
    return str(path)


def notebook_sources(paths: Paths | None = None) -> list[Path]:
    """The numbered notebooks (``notebooks/NN_*.py``), in order."""
    paths = paths or get_paths()
    return sorted(p for p in paths.notebooks.glob("[0-9][0-9]_*.py") if p.is_file())


def html_path(paths: Paths, source: Path) -> Path:
    """The rendered page of notebook ``source``: ``reports/<stem>.html``."""
    return paths.reports / f"{source.stem}.html"
