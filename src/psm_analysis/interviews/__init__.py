"""Interview codings: pseudonymised informants, coded segments (own CSV/XLSX, Taguette,
QualCoder reports, REFI-QDA projects from any QDA tool, Word transcripts), the REFI-QDA
codebook, matrices, triangulation, intercoder agreement and the
privacy guard.

Modules: :mod:`.codebook`, :mod:`.roster`, :mod:`.segments` (reading and checking),
:mod:`.refi` (REFI-QDA projects), :mod:`.word` (Word transcripts),
:mod:`.analysis`, :mod:`.privacy`, :mod:`.pipeline` (the builder), :mod:`.demo`,
:mod:`.results` (loaders for notebooks). Heavy imports happen inside the functions.
"""

from __future__ import annotations

from pathlib import Path

from psm_analysis.errors import DataError, Problem, display_path


def validate_file(
    path: str | Path, codebook: str | Path | None = None, roster: str | Path | None = None
) -> list[Problem]:
    """Every problem in one codings file (own CSV/XLSX, Taguette or QualCoder export, a
    REFI-QDA project ``.qdpx``, a Word transcript ``.docx``).

    ``codebook`` defaults to the project's codebook, ``roster`` to the roster in use
    (data/raw/private, else the demo roster). Problems: unreadable or unrecognised file,
    codes missing from the codebook, informants not in the roster, documents mapped to no
    informant, empty quotes, duplicated segments -- each with file and row.
    """
    from psm_analysis.interviews.codebook import load_interview_codebook
    from psm_analysis.interviews.inputs import locate_inputs
    from psm_analysis.interviews.roster import load_roster
    from psm_analysis.interviews.segments import check_records, read_codings

    problems: list[Problem] = []
    cb = rs = None
    try:
        cb = load_interview_codebook(codebook)
    except DataError as err:
        problems += err.problems
    try:
        if roster is not None:
            rs = load_roster(roster, (Path(roster).parent, Path(path).parent))
        else:
            # the researcher's real roster when there is one, else the roster in use (demo)
            from psm_analysis.config import get_paths
            from psm_analysis.interviews.roster import find_roster

            paths = get_paths()
            inputs = locate_inputs(paths)
            real = find_roster(paths.raw_private)
            found = real or inputs.roster
            dirs = (paths.raw_private, paths.raw_interviews) if real else inputs.mapping_dirs
            if found is None:
                problems.append(
                    Problem(
                        "daftar informan tidak ditemukan; beri --roster FILE",
                        file="data/raw/private",
                    )
                )
            else:
                rs = load_roster(found, dirs + (Path(path).parent,))
    except DataError as err:
        problems += err.problems
    records, probs = read_codings(path)
    problems += probs
    if cb is not None and rs is not None:
        problems += check_records(records, cb, rs)[1]
    elif not probs and not Path(path).is_file():
        problems.append(Problem("berkas tidak ditemukan", file=display_path(path)))
    return problems


__all__ = ["validate_file"]
