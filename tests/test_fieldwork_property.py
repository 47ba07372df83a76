"""A dataset-level property test (issue 20, item 2): whole raw-input sets, generated.

Hypothesis draws which inputs are real or demo, 0-30 respondents with blanks and answer
patterns (constant ones included), ``missing_allowed`` and the comparison field on or
off, 0-4 coders with name variants, documents coded by one or several coders, informants
of 1-5 groups coded or not, and a register covering some or all kecamatan. For each set:

- ``clean`` either writes files that satisfy :mod:`psm_analysis.catalog` or raises a
  :class:`~psm_analysis.errors.DataError` whose every problem names its file; never any
  other exception;
- the survey, interview and register statistics and sentences accept what it wrote.

Examples: the profile named by ``PSM_HYPOTHESIS_PROFILE`` ("dev", "ci", "all"); with
``CI`` set the "ci" profile, else "dev". All are derandomised (the same examples every
run). ``make test-all`` sets "all". Time on the 2-core machine: see the README (section
"Real data and demo data").
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from conftest import copy_project
from fieldwork import INFORMANTS, Fieldwork, check_processed, respondent, survey_codebook
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from psm_analysis.errors import DataError

settings.register_profile(
    "dev", max_examples=10, derandomize=True, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)  # fmt: skip
settings.register_profile(
    "ci", max_examples=200, derandomize=True, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)  # fmt: skip
settings.register_profile(
    "all", max_examples=1000, derandomize=True, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)  # fmt: skip
CI = os.environ.get("CI", "").lower() not in ("", "0", "false", "no")
PROFILE = os.environ.get("PSM_HYPOTHESIS_PROFILE") or ("ci" if CI else "dev")

CB = survey_codebook()
ITEMS = [i.id for i in CB.items]
#: Coders as people type them: the same person in several spellings.
CODER_SPELLINGS = (
    ("peneliti", "Peneliti", "peneliti  "),
    ("pembimbing", "Pembimbing"),
    ("penguji",),
    ("asisten peneliti", "Asisten  Peneliti"),
)
GROUPS = sorted({i[3] for i in INFORMANTS})


def _codes() -> list[str]:
    from conftest import REPO

    from psm_analysis.interviews.codebook import load_interview_codebook

    path = REPO / "data/raw/interviews/codebook_wawancara.yml"
    return [c.path for c in load_interview_codebook(path).codes if c.codable]


CODES = _codes()


@st.composite
def surveys(draw):
    n = draw(st.integers(0, 30))
    rows = []
    for r in range(n):
        level = draw(st.one_of(st.none(), st.integers(1, 5)))
        blanks = (
            draw(st.frozensets(st.sampled_from(ITEMS), max_size=4))
            if draw(st.booleans())
            else frozenset()
        )
        diklat = draw(st.sampled_from(["Ya", "Tidak", None]))
        rows.append(respondent(CB, r, level, blanks, diklat=diklat))
    return rows


@st.composite
def codings(draw):
    """(segments, roster ids): informants of 1-5 groups, each coded by some of 0-4
    coders (spelled in any of their ways) or by none."""
    groups = draw(st.lists(st.sampled_from(GROUPS), min_size=1, max_size=5, unique=True))
    people = [i for i in INFORMANTS if i[3] in groups]
    n_coders = draw(st.integers(0, 4))
    coders = CODER_SPELLINGS[:n_coders]
    segments = []
    for iid, *_ in people:
        if not coders or not draw(st.booleans()):
            continue  # an informant interviewed and not (yet) coded
        doc = f"Transkrip {iid}"
        who = draw(st.lists(st.sampled_from(range(len(coders))), min_size=1, unique=True))
        passages = draw(st.lists(st.sampled_from(CODES), min_size=1, max_size=4, unique=True))
        for c in who:
            for k, code in enumerate(passages):
                if draw(st.integers(0, 4)) == 0:
                    continue  # this coder left the passage uncoded
                given = code if draw(st.integers(0, 3)) else draw(st.sampled_from(CODES))
                spelling = draw(st.sampled_from(coders[c]))
                segments.append(
                    (iid, doc, given, f"Kalimat pemeriksaan {iid} bagian {k + 1}.", spelling)
                )
    # a duplicated segment (same coder, document, code and quote) is a located DataError
    return segments, tuple(i[0] for i in people)


def _kecamatan() -> list[str]:
    from conftest import REPO

    from psm_analysis.config import get_paths
    from psm_analysis.regions import kecamatan_table

    return kecamatan_table(get_paths(REPO))["nama"].tolist()


KECAMATAN = _kecamatan()


@st.composite
def fieldwork(draw):
    survey = draw(st.one_of(st.none(), surveys()))
    edits = []
    if draw(st.booleans()):
        edits.append(("missing_allowed: false", "missing_allowed: true"))
    if draw(st.integers(0, 3)) == 0:
        edits.append(("group_field: diklat\n", ""))
    segments = roster = None
    if draw(st.booleans()):
        segments, roster = draw(codings())
    register = None
    if draw(st.booleans()):
        register = tuple(
            draw(st.lists(st.sampled_from(KECAMATAN), min_size=1, unique=True).map(sorted))
        )
    return Fieldwork(survey, edits, segments, roster, register)


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """A project copy without the library (the installed one runs), and the Dinas Sosial
    builder's output computed once: its inputs (the shipped Tabel I.1-I.4) are the same
    in every example, and it took a third of each example's time."""
    from psm_analysis.config import get_paths
    from psm_analysis.dinsos import build as dinsos_build

    root = copy_project(tmp_path_factory.mktemp("property") / "base", notebooks=False)
    shutil.rmtree(root / "src")
    dinsos = dinsos_build.build_outputs(get_paths(root))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(dinsos_build, "build_outputs", lambda paths: dinsos)
        yield root


def _statistics_accept(root) -> None:
    """The statistics and sentences of notebooks 03-05 on what clean wrote."""
    from psm_analysis import catalog
    from psm_analysis.config import get_paths
    from psm_analysis.interviews import results
    from psm_analysis.register import analysis as reg
    from psm_analysis.register.sources import table_i2
    from psm_analysis.survey import report

    paths = get_paths(root)
    t = {name: catalog.load(f"kuesioner_{name}", paths) for name in report.TABLES}
    assert report.findings(t, 10)
    report.smallest_p_text(t)
    report.validity_note(t)
    report.alpha_table(t)
    if not t["perbandingan_diklat"].empty:
        report.comparison_table(t)
    agree = catalog.load("wawancara_kesepakatan", paths)
    if agree.empty:
        segments = catalog.load("wawancara_segmen", paths)
        assert results.no_agreement_text(segments).endswith("tidak dihitung.")
    else:
        assert results.agreement_text(agree)
        results.reader_table(agree, "kesepakatan")
    per_desa = catalog.load("psm_per_desa", paths)
    comparison = reg.compare_with_table_i2(per_desa, table_i2(paths))
    reg.findings(comparison)
    reg.coverage(per_desa)


def _one_coder_constant_answers() -> Fieldwork:
    """The shapes of issue 20's report, kept as explicit examples: two questionnaires with
    the same answer everywhere and the comparison field off; one coder (in two spellings)
    who left an informant uncoded; a register of one kecamatan."""
    rows = [respondent(CB, r, 4) for r in range(2)]
    segs = [
        ("I-01", "Transkrip I-01", CODES[0], "Kalimat pemeriksaan I-01 bagian 1.", "peneliti"),
        ("I-01", "Transkrip I-01", CODES[1], "Kalimat pemeriksaan I-01 bagian 2.", "Peneliti"),
    ]
    return Fieldwork(rows, [("group_field: diklat\n", "")], segs, ("I-01", "I-02"), ("Bunut",))


def _no_respondent_split_coders() -> Fieldwork:
    """A header-only answers file (a located problem) with two coders who split the
    transcripts."""
    segs = [
        ("I-01", "Transkrip I-01", CODES[0], "Kalimat pemeriksaan I-01 bagian 1.", "peneliti"),
        ("I-03", "Transkrip I-03", CODES[2], "Kalimat pemeriksaan I-03 bagian 1.", "pembimbing"),
    ]
    return Fieldwork([], [], segs, ("I-01", "I-03"), None)


def _blanks_everywhere() -> Fieldwork:
    """Scattered blanks with ``missing_allowed: true``: no variable has three complete
    respondents; a header-only codings file."""
    rows = [respondent(CB, r, None, frozenset(ITEMS[r % 3 :: 3])) for r in range(9)]
    return Fieldwork(rows, [("missing_allowed: false", "missing_allowed: true")], [], None, None)


def _found_undefined_kappa_only() -> Fieldwork:
    """Found by the "all" profile: two coders (and spellings) agree on their one code, so
    every kappa is undefined or unused and ``nilai`` was an all-None ``object`` column."""
    segs = [
        ("I-04", "Transkrip I-04", "hambatan.kurang_pembinaan", "Kalimat pemeriksaan I-04 bagian 1.", "peneliti"),
        ("I-04", "Transkrip I-04", "hambatan.kurang_pembinaan", "Kalimat pemeriksaan I-04 bagian 1.", "pembimbing"),
        ("I-05", "Transkrip I-05", "peran.pembinaan", "Kalimat pemeriksaan I-05 bagian 1.", "peneliti  "),
        ("I-06", "Transkrip I-06", "hambatan.kurang_pembinaan", "Kalimat pemeriksaan I-06 bagian 1.", "peneliti  "),
        ("I-06", "Transkrip I-06", "hambatan.kurang_pembinaan", "Kalimat pemeriksaan I-06 bagian 1.", "Pembimbing"),
    ]  # fmt: skip
    edits = [("missing_allowed: false", "missing_allowed: true"), ("group_field: diklat\n", "")]
    return Fieldwork(None, edits, segs, tuple(i[0] for i in INFORMANTS), ("Ukui",))


@settings(settings.get_profile(PROFILE))
@example(fw=_found_undefined_kappa_only())
@example(fw=_one_coder_constant_answers())
@example(fw=_no_respondent_split_coders())
@example(fw=_blanks_everywhere())
@given(fw=fieldwork())
def test_clean_writes_catalog_files_or_located_problems(base, fw):
    from psm_analysis import pipeline
    from psm_analysis.config import get_paths

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(shutil.copytree(base, f"{tmp}/p"))
        fw.plant(root)
        try:
            pipeline.clean(paths=get_paths(root))
        except DataError as err:
            assert err.problems
            unlocated = [str(p) for p in err.problems if not p.file]
            assert unlocated == [], unlocated
            return
        assert check_processed(root) == []
        _statistics_accept(root)
