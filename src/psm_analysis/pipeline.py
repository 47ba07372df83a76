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

from psm_analysis.config import Paths, get_paths
from psm_analysis.errors import DataError

#: (name, "module:function") of every builder, in order.
BUILDERS: list[tuple[str, str]] = [
    ("dinsos", "psm_analysis.dinsos:build_outputs"),
    ("survey", "psm_analysis.survey.pipeline:build_outputs"),
    ("interviews", "psm_analysis.interviews.pipeline:build_outputs"),
]

#: Processed file that records which inputs were used and whether they are demo data.
INPUTS_FILE = "sumber_masukan.csv"


@dataclass(frozen=True)
class InputInfo:
    """One input file a builder read."""

    kind: str  # "dinsos", "survey", "interviews", "reference"
    path: str  # relative to the project root, POSIX style
    demo: bool = False


@dataclass
class BuildOutput:
    """What a builder returns: files for data/processed (name -> DataFrame or bytes)
    and the inputs it used."""

    files: dict[str, Any] = field(default_factory=dict)
    inputs: list[InputInfo] = field(default_factory=list)


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
    for name, spec in BUILDERS:
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
        files.update(out.files)
        inputs.extend(out.inputs)
        if progress:
            progress(f"  [{name}] {len(out.files)} berkas ({time.perf_counter() - t0:.1f} s)")
    DataError.collect(problems)
    files[INPUTS_FILE] = _inputs_frame(inputs)
    return files, inputs


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
        if isinstance(obj, bytes):
            changed = fileio.write_bytes(path, obj)
        elif isinstance(obj, str):
            changed = fileio.write_text(path, obj)
        else:
            changed = fileio.write_csv(obj, path)
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
