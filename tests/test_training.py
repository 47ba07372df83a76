"""Training coverage, timeline and programme status (values of the seed chapter)."""

from __future__ import annotations

import pandas as pd
import pytest

from psm_analysis import training
from psm_analysis.errors import DataError


@pytest.fixture
def programmes():
    # Tabel I.3 as the dinsos cleaner writes it (kegiatan_peningkatan_kinerja.csv)
    return pd.DataFrame(
        {
            "kegiatan": [
                "Penataan dan Pemetaan Jumlah PSM yang berperan aktif",
                "Pendidikan dan Pelatihan Tenaga Pekerja Sosial Masyarakat (PSM)",
                "Rapat koordinasi PSM",
                "Bimbingan Teknis Tenaga PSM",
                "Honorarium PSM",
            ],
            "status": [
                "Terlaksana",
                "Kurang Terlaksana",
                "Terlaksana",
                "Terlaksana",
                "Terlaksana",
            ],
            "terlaksana": pd.array([True, False, True, True, True], dtype="boolean"),
            "sasaran_orang": pd.array([None, 120, None, None, None], dtype="Int64"),
            "tercapai_orang": pd.array([None, 80, None, 80, None], dtype="Int64"),
        }
    )


@pytest.fixture
def diklat():
    return pd.DataFrame(
        {
            "kegiatan": [
                "Diklat Dasar Tugas dan Fungsi PSM",
                "Sosialisasi Jaringan Kerja PSM",
                "Bimbingan Teknis Tenaga PSM",
            ],
            "tahun": [2014, 2015, 2015],
        }
    )


def test_coverage_80_of_120(programmes):
    cov = training.coverage(programmes)
    assert cov.programme == "Pendidikan dan Pelatihan Tenaga Pekerja Sosial Masyarakat (PSM)"
    assert (cov.target, cov.trained, cov.untrained) == (120, 80, 40)
    assert cov.percent == pytest.approx(66.6666667)
    assert cov.percent_untrained == pytest.approx(33.3333333)
    from psm_analysis.numbers import format_percent

    assert format_percent(cov.percent) == "66,67 %"


def test_coverage_errors(programmes):
    with pytest.raises(DataError, match="tidak tepat satu kegiatan 'rapat'"):
        training.coverage(programmes, keyword="rapat")
    bad = programmes.copy()
    bad.loc[1, "tercapai_orang"] = 130
    with pytest.raises(DataError, match="capaian di luar sasaran.*130.*0 sampai 120"):
        training.coverage(bad)


def test_programme_status(programmes):
    st = training.programme_status(programmes)
    assert len(st) == 5
    assert list(st["status"]).count("Terlaksana") == 4
    assert st.loc[1, "capaian_persen"] == pytest.approx(200 / 3)
    assert pd.isna(st.loc[3, "capaian_persen"])  # Bimtek: reached 80, target not given


def test_timeline_and_gaps(diklat):
    claims = pd.DataFrame(
        {"klaim": ["jumlah_kecamatan", "psm_dibentuk_pelalawan"], "nilai": ["12", "2008"]}
    )
    formed = training.formation_year(claims)
    assert formed == 2008
    ev = training.timeline_events(diklat, formed)
    assert list(ev["tahun"]) == [2008, 2014, 2015, 2015]
    assert list(ev["jenis"]) == ["pembentukan", "pelatihan", "pelatihan", "pelatihan"]
    assert ev.loc[0, "peristiwa"] == "PSM mulai dibentuk di Kabupaten Pelalawan"
    assert training.years_without_training(diklat, 2017) == [2016, 2017]
    assert training.years_without_training(diklat, 2018) == [2016, 2017, 2018]
    assert training.years_without_training(diklat, 2017, since=formed) == [
        2008,
        2009,
        2010,
        2011,
        2012,
        2013,
        2016,
        2017,
    ]


def test_formation_year_errors():
    with pytest.raises(DataError, match="klaim teks tidak ditemukan.*psm_dibentuk_pelalawan"):
        training.formation_year(pd.DataFrame({"klaim": ["x"], "nilai": ["1"]}))
    with pytest.raises(DataError, match="tahun tidak dikenali.*sejak 2008"):
        training.formation_year(
            pd.DataFrame({"klaim": ["psm_dibentuk_pelalawan"], "nilai": ["sejak 2008"]})
        )


def test_reader_tables(programmes, diklat):
    cov = training.coverage(programmes)
    table = training.coverage_table(cov)
    assert list(table.columns) == ["Keterangan", "Jumlah PSM (orang)", "Persentase"]
    assert table.values.tolist() == [
        ["Sudah mengikuti Diklat", 80, pytest.approx(200 / 3)],
        ["Belum mengikuti Diklat", 40, pytest.approx(100 / 3)],
        ["Jumlah", 120, 100.0],
    ]
    ev = training.events_table(training.timeline_events(diklat, 2008))
    assert ev.values.tolist()[0] == [
        2008,
        "PSM mulai dibentuk di Kabupaten Pelalawan",
        "Teks BAB I",
    ]
    assert ev.values.tolist()[-1] == [2015, "Bimbingan Teknis Tenaga PSM", "Tabel I.4"]
    prog = training.programme_table(programmes)
    assert list(prog.columns) == [
        "No.",
        "Jenis kegiatan",
        "Status",
        "Sasaran (orang)",
        "Tercapai (orang)",
        "Capaian",
    ]
    assert prog.iloc[1, 3:].tolist() == [120, 80, pytest.approx(200 / 3)]
    assert training.format_years([2016, 2017, 2018]) == "2016, 2017, dan 2018"
    assert training.format_years([2016]) == "2016"


def test_on_the_seed_tables_read_from_data_raw():
    """The real Tabel I.3 and I.4, cleaned in memory (nothing written)."""
    from psm_analysis import dinsos

    tabs = dinsos.read_tables()
    cov = training.coverage(tabs.kegiatan)
    assert (cov.target, cov.trained, cov.untrained) == (120, 80, 40)
    assert training.years_without_training(tabs.diklat, 2018) == [2016, 2017, 2018]
    status = training.programme_status(tabs.kegiatan)
    assert int(status["terlaksana"].sum()) == 4


def test_load_formation_year_from_processed_claims(tmp_path):
    from psm_analysis.config import get_paths

    paths = get_paths(tmp_path)
    assert training.load_formation_year(paths) is None  # clean has not written the claims
    paths.processed.mkdir(parents=True)
    claims = paths.processed / "klaim_teks.csv"
    claims.write_text("klaim,nilai,kutipan,letak\njumlah_kecamatan,12,x,y\n", encoding="utf-8")
    assert training.load_formation_year(paths) is None  # the claim is not there
    claims.write_text(
        "klaim,nilai,kutipan,letak\n"
        'psm_dibentuk_pelalawan,2008,"... telah membentuk PSM di beberapa kecamatan sejak '
        'tahun 2008 ...","BAB I, A. Latar Belakang Masalah"\n',
        encoding="utf-8",
    )
    assert training.load_formation_year(paths) == 2008
