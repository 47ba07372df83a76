"""``psm-analysis demo --out DIR``: write every synthetic demo input.

The demo inputs have the same shapes as real inputs (the questionnaire answers as the
researcher enters them, the interview codings and an informant roster) and say they are
demo data in their file names and metadata. The committed copies in ``data/demo/`` are
what ``clean`` uses while ``data/raw`` holds no real answers or codings; a test checks
that this command regenerates them byte for byte.
"""

from __future__ import annotations

from pathlib import Path


def write_demo(out_dir: str | Path) -> list[Path]:
    """Write the questionnaire, interview and PSM register demo inputs under ``out_dir``; return the
    files written, sorted."""
    from psm_analysis.interviews.demo import write_demo_inputs as interviews_demo
    from psm_analysis.register.demo import demo_rows as register_rows
    from psm_analysis.register.demo import write_demo_inputs as register_demo
    from psm_analysis.survey.demo import write_demo_inputs as survey_demo

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    # the survey respondents are the Bunut PSM of the register: same desa (issue 20)
    bunut = [row[2] for row in register_rows() if row[1] == "Bunut"]
    written = (
        list(survey_demo(out, desa_of_psm=bunut))
        + list(interviews_demo(out))
        + list(register_demo(out))
    )
    return sorted(Path(p) for p in written)
