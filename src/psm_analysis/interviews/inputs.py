"""Which interview inputs are in use: the codings and roster in data/raw, else the demo
ones (the rule of :func:`psm_analysis.inputs.real_or_demo`). A leaf of the interviews
package, so the builder and the privacy scan both import it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from psm_analysis.config import Paths, get_paths
from psm_analysis.inputs import real_or_demo


@dataclass(frozen=True)
class Inputs:
    """Where the interview inputs in use are."""

    codings: tuple[Path, ...]
    roster: Path | None
    mapping_dirs: tuple[Path, ...]
    demo: bool


def locate_inputs(paths: Paths | None = None) -> Inputs:
    """The codings and roster in use: data/raw when it holds codings, else the demo."""
    from psm_analysis.interviews.roster import find_roster
    from psm_analysis.interviews.segments import codings_files

    paths = paths or get_paths()
    codings, demo = real_or_demo(paths.raw_interviews, paths.demo / "interviews", codings_files)
    if not demo:
        return Inputs(
            tuple(codings),
            find_roster(paths.raw_private),
            (paths.raw_private, paths.raw_interviews),
            False,
        )
    demo_codings = paths.demo / "interviews"
    demo_private = paths.demo / "private"
    return Inputs(tuple(codings), find_roster(demo_private), (demo_private, demo_codings), True)
