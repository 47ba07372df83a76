"""LibreOffice Calc and WPS Office save ``.ods`` (issue 20, item 5): answers, codings,
the roster and the register saved so are read like their ``.xlsx``/``.csv`` twins.

The fixtures are written by pandas' own ODF writer (``DataFrame.to_excel(engine="odf")``,
odfpy), which writes the OpenDocument table cells (``table:table-cell`` with
``office:value-type``) LibreOffice Calc writes; they hold the cells of the committed demo
inputs, so every processed file must equal the one built from those inputs.
"""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from fieldwork import clean

from psm_analysis.config import get_paths


def _to_ods(frames: dict[str, pd.DataFrame], path, header=True) -> None:
    with pd.ExcelWriter(path, engine="odf") as writer:
        for name, df in frames.items():
            df.to_excel(writer, sheet_name=name, index=False, header=header)


@pytest.fixture(scope="module")
def projects(tmp_path_factory, cleaned):
    """(demo project, the same inputs as real .ods files) both cleaned; the first is the
    shared cleaned copy (conftest.cleaned), read only."""
    demo = cleaned.root
    ods = tmp_path_factory.mktemp("ods") / "ods"
    shutil.copytree(demo, ods)
    raw, d = ods / "data/raw", demo / "data/demo"
    sheets = pd.read_excel(d / "survey/jawaban_kuesioner_DEMO.xlsx", sheet_name="Data", header=None)
    _to_ods({"Data": sheets}, raw / "survey/jawaban_kuesioner.ods", header=False)
    # the pilot (uji coba) too: with real answers the demo pilot is not used
    (raw / "survey/uji_coba").mkdir()
    pilot = pd.read_excel(
        d / "survey/uji_coba/uji_coba_kuesioner_DEMO.xlsx", sheet_name="Data", header=None
    )
    _to_ods({"Data": pilot}, raw / "survey/uji_coba/uji_coba_kuesioner.ods", header=False)
    reg = pd.read_excel(d / "register/register_psm_DEMO.xlsx", sheet_name="Data", header=None)
    _to_ods({"Data": reg}, raw / "register/register_psm.ods", header=False)
    for f in (d / "interviews").iterdir():
        _to_ods(
            {"segmen": pd.read_csv(f, dtype=str, keep_default_na=False)},
            raw / "interviews" / f"{f.stem.replace('_DEMO', '')}.ods",
        )
    roster = pd.read_csv(d / "private/informan_DEMO.csv", dtype=str, keep_default_na=False)
    _to_ods({"informan": roster}, raw / "private/informan.ods")
    clean(ods)
    return demo, ods


@pytest.mark.parametrize(
    "name",
    [
        "kuesioner_jawaban_panjang.csv",
        "kuesioner_butir.csv",
        "kuesioner_reliabilitas.csv",
        "psm_per_desa.csv",
        "wawancara_kode_frekuensi.csv",
        "wawancara_kesepakatan.csv",
        "wawancara_informan.csv",
    ],
)
def test_ods_inputs_give_the_same_tables(projects, name):
    demo, ods = projects
    a = pd.read_csv(demo / "data/processed" / name)
    b = pd.read_csv(ods / "data/processed" / name)
    drop = [c for c in ("berkas", "sumber", "data_contoh") if c in a.columns]
    pd.testing.assert_frame_equal(a.drop(columns=drop), b.drop(columns=drop))


def test_ods_files_are_the_inputs_used(projects):
    _, ods = projects
    used = pd.read_csv(get_paths(ods).processed / "sumber_masukan.csv")
    files = set(used["berkas"])
    assert {
        "data/raw/survey/jawaban_kuesioner.ods",
        "data/raw/register/register_psm.ods",
        "data/raw/interviews/segmen_terkode.ods",
        "data/raw/private/informan.ods",
    } <= files
    assert not used["data_contoh"].any()
