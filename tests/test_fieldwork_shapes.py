"""Every builder is total over the shapes fieldwork produces (issue 20, item 1).

A student coding alone, two coders who split the transcripts, a codings file with only
its header, one or two questionnaires typed in, scattered blanks with
``missing_allowed: true``, a codebook without the Diklat comparison field: each used to
crash ``clean`` with "processed files disagree with psm_analysis.catalog". Each now gives
processed files that satisfy the catalog, and the pages say what cannot be computed.
"""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from conftest import copy_project, run_cli
from fieldwork import (
    INFORMANTS,
    Fieldwork,
    check_processed,
    clean,
    demo_segments,
    respondent,
    survey_codebook,
)

from psm_analysis.interviews import results
from psm_analysis.survey import report


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("shapes") / "base", notebooks=False)


@pytest.fixture
def project(base, tmp_path):
    def make(fw: Fieldwork):
        root = tmp_path / "p"
        shutil.copytree(base, root)
        fw.plant(root)
        return root

    return make


def _processed(root, name):
    from psm_analysis import catalog
    from psm_analysis.config import get_paths

    return catalog.load(name, get_paths(root))


@pytest.mark.parametrize("n", [1, 2])
def test_one_or_two_questionnaires(project, n):
    cb = survey_codebook()
    root = project(Fieldwork(survey=[respondent(cb, r, None) for r in range(n)]))
    clean(root)
    assert check_processed(root) == []
    assert _processed(root, "kuesioner_validitas_butir").empty
    rel = _processed(root, "kuesioner_reliabilitas")
    assert rel["alpha"].isna().all() and (rel["n"] == n).all()
    assert (
        rel["catatan"]
        .str.startswith(f"hanya {n} responden menjawab semua butir (perlu sedikitnya 3)")
        .all()
    )


def test_scattered_blanks_with_missing_allowed(project):
    cb = survey_codebook()
    items = [i.id for i in cb.items]
    rows = [
        respondent(cb, r, None, blanks=frozenset(items[k] for k in range(r % 3, len(items), 3)))
        for r in range(10)
    ]
    edits = [("missing_allowed: false", "missing_allowed: true")]
    root = project(Fieldwork(survey=rows, codebook_edits=edits))
    clean(root)
    assert check_processed(root) == []
    assert (_processed(root, "kuesioner_reliabilitas")["n"] == 0).all()
    assert _processed(root, "kuesioner_validitas_butir").empty


def test_codebook_without_the_diklat_comparison_field(project):
    root = project(Fieldwork(codebook_edits=[("group_field: diklat\n", "")]))
    clean(root)
    assert check_processed(root) == []
    t = {"perbandingan_diklat": _processed(root, "kuesioner_perbandingan_diklat")}
    assert t["perbandingan_diklat"].empty and report.group_column(t) is None
    assert "perbandingan menurut keikutsertaan Diklat tidak dihitung" in report.no_comparison_text()


def _agreement_and_text(root):
    agree = _processed(root, "wawancara_kesepakatan")
    return agree, results.no_agreement_text(_processed(root, "wawancara_segmen"))


def test_one_coder(project):
    root = project(Fieldwork(segments=demo_segments()))
    clean(root)
    assert check_processed(root) == []
    agree, text = _agreement_and_text(root)
    assert agree.empty and agree["nilai"].dtype == "float64"
    assert text.startswith("Semua segmen dikodekan oleh satu pengkode (peneliti)")
    assert text.endswith("kesepakatan antarpengkode tidak dihitung.")
    assert _processed(root, "wawancara_segmen")["analisis"].all()


def test_two_coders_who_split_the_transcripts(project):
    segs = [
        s[:4] + ("pembimbing" if s[0] in ("I-02", "I-04") else "peneliti",) for s in demo_segments()
    ]
    root = project(Fieldwork(segments=segs))
    clean(root)
    assert check_processed(root) == []
    agree, text = _agreement_and_text(root)
    assert agree.empty
    assert text.startswith("Pengkode pembimbing dan peneliti mengodekan dokumen yang berbeda-beda")
    # each coder's documents are analysed: no segment leaves the frequencies
    assert _processed(root, "wawancara_segmen")["analisis"].all()


def test_header_only_codings_file(project):
    root = project(Fieldwork(segments=[]))
    clean(root)
    assert check_processed(root) == []
    assert _processed(root, "wawancara_segmen").empty
    freq = _processed(root, "wawancara_kode_frekuensi")
    assert len(freq) > 0 and (freq["jumlah_segmen"] == 0).all()
    assert _agreement_and_text(root)[1] == (
        "Belum ada segmen berkode; kesepakatan antarpengkode tidak dihitung."
    )


def test_coder_names_differing_in_case_and_spacing_are_one_coder(project):
    segs = demo_segments()
    spelled = [s[:4] + ("Peneliti" if k % 5 == 0 else "peneliti",) for k, s in enumerate(segs)]
    root = project(Fieldwork(segments=spelled))
    from psm_analysis import pipeline
    from psm_analysis.config import get_paths

    result = pipeline.clean(paths=get_paths(root))
    seg = _processed(root, "wawancara_segmen")
    assert seg["pengkode"].unique().tolist() == ["peneliti"]
    assert seg["analisis"].all() and len(seg) == len(segs)
    n_upper = len(range(0, len(segs), 5))
    assert (
        f'  PERINGATAN: nama pengkode "Peneliti" ({n_upper} segmen), "peneliti" '
        f'({len(segs) - n_upper} segmen) dianggap satu pengkode "peneliti" (beda huruf '
        "besar/kecil atau spasi saja)"
    ) in result.summary().splitlines()


def test_three_coders_give_a_pair_column(project):
    segs = demo_segments()
    docs = sorted({s[1] for s in segs})[:3]
    extra = [s[:4] + (coder,) for coder in ("pembimbing", "penguji") for s in segs if s[1] in docs]
    root = project(Fieldwork(segments=segs + extra))
    clean(root)
    agree = _processed(root, "wawancara_kesepakatan")
    pairs = sorted(set(zip(agree["pengkode_1"], agree["pengkode_2"], strict=True)))
    assert pairs == [("pembimbing", "peneliti"), ("pembimbing", "penguji"), ("peneliti", "penguji")]
    table = results.reader_table(agree, "kesepakatan")
    assert "Pasangan pengkode" in table.columns
    assert table["Pasangan pengkode"].nunique() == 3


def test_two_coders_agreeing_on_their_only_code(project):
    """Found by the property test (profile "all"): two coders who gave the same one code to
    the same passages have kappa undefined (chance agreement 1) for it and NaN for every
    other code; the ``nilai`` column was all None/NaN, pandas made it ``object`` and clean
    stopped with "column 'nilai' is object, catalog says float64"."""
    segs = [
        ("I-04", "Transkrip I-04", "hambatan.kurang_pembinaan", "Kalimat I-04.", coder)
        for coder in ("peneliti", "pembimbing")
    ]
    root = project(Fieldwork(segments=segs, roster=("I-04",)))
    clean(root)
    assert check_processed(root) == []
    agree = _processed(root, "wawancara_kesepakatan").set_index("kode")
    row = agree.loc["hambatan.kurang_pembinaan"]
    assert (row["keduanya"], row["hanya_pengkode_1"], row["hanya_pengkode_2"]) == (1, 0, 0)
    assert (
        pd.isna(row["nilai"])
        and row["catatan"] == "kappa tak terdefinisi (kesepakatan peluang = 1)"
    )
    assert agree["nilai"].isna().all()


def test_a_bug_is_one_indonesian_line_and_a_log(tmp_path, base):
    """A catalog disagreement left after all this is a bug: no traceback on screen."""
    root = tmp_path / "p"
    shutil.copytree(base, root)
    # a builder that breaks its contract, as a future bug would
    path = root / "src/psm_analysis/register/build.py"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('"jumlah_psm": "int64",\n', '"jumlah_psm": "float64",\n', 1), encoding="utf-8"
    )
    proc = run_cli("clean", root=root, pythonpath=root / "src")
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith("psm-analysis clean: terjadi kesalahan program (bukan kesalahan data")
    log = last.split("rinciannya ditulis di ")[1].split(". Kirim")[0]
    logged = open(log, encoding="utf-8").read()
    assert "Traceback" in logged
    assert "column 'jumlah_psm' is float64, catalog says int64" in logged


def test_a_partial_register_is_analysed_for_its_kecamatan(project):
    from psm_analysis.config import get_paths
    from psm_analysis.register import analysis as reg
    from psm_analysis.register.sources import table_i2

    root = project(Fieldwork(register=("Bunut",)))
    clean(root)
    assert check_processed(root) == []
    per_desa = _processed(root, "psm_per_desa")
    assert per_desa["kecamatan"].unique().tolist() == ["Bunut"]
    assert len(per_desa) == 10 and per_desa["jumlah_psm"].sum() == 10
    i2 = table_i2(get_paths(root))
    comparison = reg.compare_with_table_i2(per_desa, i2)
    assert comparison["kecamatan"].tolist() == ["Bunut"] and comparison["sama"].all()
    assert reg.findings(comparison) == []
    assert reg.partial_note(per_desa, i2["kecamatan"].tolist()) == (
        "Register hanya memuat PSM Kecamatan Bunut (1 dari 12 kecamatan Kabupaten Pelalawan): "
        "semua angka register di bawah hanya untuk kecamatan itu, bukan untuk seluruh kabupaten."
    )
    # the premise the other way: a register of every kecamatan says nothing of the kind
    full = _processed(root, "psm_per_desa").iloc[:0]
    assert reg.partial_note(full.assign(kecamatan=[]), []) == ""


@pytest.mark.slow
def test_notebooks_say_what_cannot_be_computed(base, tmp_path):
    """Two questionnaires, no comparison field and one coder: notebooks 04 and 05 run and
    their pages say in Indonesian what is not computed, and no census is claimed."""
    from conftest import REPO

    from psm_analysis import pipeline
    from psm_analysis.config import get_paths

    cb = survey_codebook()
    root = tmp_path / "p"
    shutil.copytree(base, root)
    Fieldwork(
        survey=[respondent(cb, r, None) for r in range(2)],
        codebook_edits=[("group_field: diklat\n", "")],
        segments=demo_segments(),
        roster=tuple(i[0] for i in INFORMANTS),
        register=("Bunut",),
    ).plant(root)
    # one informant interviewed and not coded yet
    Fieldwork(
        segments=[s for s in demo_segments() if s[0] != "I-06"],
    ).plant(root)
    for nb in (
        "03_sebaran_psm_kecamatan",
        "04_kinerja_psm_kuesioner",
        "05_wawancara_peran_hambatan",
    ):
        shutil.copy2(REPO / "notebooks" / f"{nb}.py", root / "notebooks" / f"{nb}.py")
    lines: list[str] = []
    assert pipeline.reproduce(force=True, progress=lines.append, paths=get_paths(root)), lines
    page04 = (root / "reports/04_kinerja_psm_kuesioner.html").read_text(encoding="utf-8")
    assert "2 dari 10 PSM</strong> Kecamatan Bunut (Tabel I.2) menjawab kuesioner" in page04
    assert "sensus, bukan sampel" not in page04
    assert "perbandingan menurut keikutsertaan Diklat tidak dihitung" in page04
    assert "hanya 2 responden menjawab semua butir" in page04
    assert (
        "<strong>Pemeriksaan antarsumber</strong> (Jumlah responden kuesioner dan PSM Kecamatan "
        "Bunut menurut Tabel I.2; catatan): 2 orang; 2 dari 10 PSM menjawab; bukan sensus."
    ) in page04
    index = (root / "reports/index.html").read_text(encoding="utf-8")
    assert "Antarsumber: kuesioner, register PSM, Tabel I.2, dan wawancara" in index
    assert "belum dikodekan: I-06 (Masyarakat)" in index
    page05 = (root / "reports/05_wawancara_peran_hambatan.html").read_text(encoding="utf-8")
    assert "Semua segmen dikodekan oleh satu pengkode (peneliti)" in page05
    assert "kesepakatan antarpengkode tidak dihitung" in page05
    assert "Baru 5 dari 6 informan yang sudah dikodekan" in page05
    assert "Belum dikodekan: I-06 (Masyarakat)." in page05
    assert "0 informan, 0 kelompok" not in page05
    page03 = (root / "reports/03_sebaran_psm_kecamatan.html").read_text(encoding="utf-8")
    assert "Register hanya memuat PSM Kecamatan Bunut (1 dari 12 kecamatan" in page03
    assert "Dari 10 desa/kelurahan kecamatan yang dimuat register" in page03
    assert "118" not in page03.split("Desa dan kelurahan yang memiliki PSM")[1]


@pytest.mark.slow
def test_pages_with_a_register_without_bunut_and_nothing_coded(base, tmp_path):
    """Page 03 on a register of two other kecamatan; page 05 on a header-only codings
    file: no "(0 informan, 0 kelompok)", no census of obstacles nobody named."""
    from conftest import REPO

    from psm_analysis import pipeline
    from psm_analysis.config import get_paths

    root = tmp_path / "p"
    shutil.copytree(base, root)
    Fieldwork(segments=[], register=("Langgam", "Ukui")).plant(root)
    for nb in ("03_sebaran_psm_kecamatan", "05_wawancara_peran_hambatan"):
        shutil.copy2(REPO / "notebooks" / f"{nb}.py", root / "notebooks")
    lines: list[str] = []
    assert pipeline.reproduce(force=True, progress=lines.append, paths=get_paths(root)), lines
    page03 = (root / "reports/03_sebaran_psm_kecamatan.html").read_text(encoding="utf-8")
    assert "Register hanya memuat PSM Kecamatan Ukui dan Langgam (2 dari 12 kecamatan" in page03
    assert "tidak ada data: register tidak memuat PSM Kecamatan Bunut" in page03
    page05 = (root / "reports/05_wawancara_peran_hambatan.html").read_text(encoding="utf-8")
    assert "0 informan, 0 kelompok" not in page05
    assert "Belum ada hambatan yang dikodekan dalam wawancara." in page05
    assert "Belum ada segmen berkode; kesepakatan antarpengkode tidak dihitung." in page05
    assert (
        "Belum ada dari 6 informan yang dikodekan, jadi persentase informan belum dapat dihitung."
    ) in page05
