"""The catalog of processed files (issue 8): every file clean writes is in it, with the
columns and dtypes it really has, and the loaders type by it."""

from __future__ import annotations

import pandas as pd
import pytest

from psm_analysis import catalog, pipeline
from psm_analysis.config import get_paths


def test_every_processed_file_matches_its_catalog_entry(cleaned):
    names = sorted(p.name for p in cleaned.processed.iterdir() if p.name != ".gitkeep")
    assert names and set(names) <= set(catalog.CATALOG)
    for name in names:
        spec = catalog.entry(name)
        if not spec.is_table:
            continue
        df = catalog.load(name, cleaned)
        assert catalog.check_frame(name, df) == [], name
        for col, dtype in spec.columns.items():
            assert str(df[col].dtype) == dtype, (name, col)


def test_builders_declare_every_file_they_write(cleaned):
    written = {p.name for p in cleaned.processed.iterdir() if p.name != ".gitkeep"}
    for builder in catalog.BUILDERS:
        assert {e.name for e in catalog.files_of(builder)} <= written, builder


def test_ejaan_resmi_is_one_dtype_everywhere(cleaned):
    """It was bool in the cleaner and boolean in the loader: now both come from here."""
    for name in ("tenaga_sosial.csv", "psm_per_kecamatan.csv"):
        assert catalog.entry(name).columns["ejaan_resmi"] == "boolean"
        assert str(catalog.load(name, cleaned)["ejaan_resmi"].dtype) == "boolean"


def test_check_frame_names_what_differs():
    df = pd.DataFrame({"klaim": ["a"], "nilai": [1], "kutipan": ["q"]})
    assert catalog.check_frame("klaim_teks.csv", df) == [
        "klaim_teks.csv: columns ['klaim', 'nilai', 'kutipan'] differ from the catalog's "
        "['klaim', 'nilai', 'kutipan', 'letak']",
        "klaim_teks.csv: column 'nilai' is int64, catalog says str",
    ]


def test_a_builder_writing_an_unknown_file_is_a_programming_error():
    with pytest.raises(RuntimeError, match="'rahasia.csv' is not in the catalog"):
        pipeline._check_against_catalog("dinsos", {"rahasia.csv": pd.DataFrame()})


def test_load_of_a_stale_file_says_to_clean_again(tmp_path):
    paths = get_paths(tmp_path)
    paths.processed.mkdir(parents=True)
    (paths.processed / "klaim_teks.csv").write_text("klaim,nilai\na,1\n", encoding="utf-8")
    from psm_analysis.errors import DataError

    with pytest.raises(DataError) as err:
        catalog.load("klaim_teks", paths)
    assert str(err.value) == (
        "berkas data/processed/klaim_teks.csv: kolom berkas data olahan tidak sesuai katalog; "
        'jalankan ulang `psm-analysis clean`: nilai "kutipan, letak" '
        "(yang diharapkan: klaim, nilai, kutipan, letak)"
    )
