"""The builder contract: what every input family's builder returns.

A *builder* is a function ``build_outputs(paths) -> BuildOutput`` that reads its inputs,
validates them and returns the processed files as in-memory objects, writing nothing.
The orchestration layer (:mod:`psm_analysis.pipeline`) runs every builder, gathers every
problem into one :class:`~psm_analysis.errors.DataError`, and writes only when there are
none. This module is a leaf: builders import it, it imports nothing of the project.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class InputInfo:
    """One input file a builder read.

    ``kind`` is the input family ("dinsos", "survey", "interviews", "register",
    "reference"), ``path`` is relative to the project root in POSIX style, ``demo`` says
    whether it is synthetic demo data, ``note`` what the reader decided about the file
    (e.g. the position convention of a REFI-QDA project), in Indonesian, or "".
    """

    kind: str
    path: str
    demo: bool = False
    note: str = ""


@dataclass
class BuildOutput:
    """What a builder returns: files for data/processed (name -> DataFrame, bytes or str),
    the inputs it used, and warnings for the researcher (Indonesian sentences about inputs
    that were read but changed or left aside, e.g. coder names merged)."""

    files: dict[str, Any] = field(default_factory=dict)
    inputs: list[InputInfo] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
