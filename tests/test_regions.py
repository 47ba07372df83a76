"""Kemendagri reference: kecamatan, desa/kelurahan, name normalisation."""

import shutil

import pytest

from psm_analysis import regions
from psm_analysis.config import get_paths
from psm_analysis.errors import DataError
from psm_analysis.regions import (
    desa_of,
    desa_table,
    kecamatan_table,
    normalize_kecamatan,
)


def test_twelve_kecamatan_and_118_villages():
    kec = kecamatan_table()
    assert len(kec) == 12
    assert kec["jumlah_desa_kelurahan"].sum() == 118
    assert kec["jumlah_desa"].sum() == 104
    assert kec["jumlah_kelurahan"].sum() == 14
    assert kec["kode"].tolist() == [f"14.05.{i:02d}" for i in range(1, 13)]


@pytest.mark.parametrize(
    ("nama", "kode", "desa", "kelurahan"),
    [
        ("Bunut", "14.05.08", 9, 1),
        ("Pangkalan Kuras", "14.05.03", 16, 1),
        ("Bandar Petalangan", "14.05.12", 10, 1),
        ("Pangkalan Kerinci", "14.05.02", 4, 3),
        ("Kuala Kampar", "14.05.10", 9, 1),
        ("Teluk Meranti", "14.05.09", 8, 1),
    ],
)
def test_counts_per_kecamatan(nama, kode, desa, kelurahan):
    row = kecamatan_table().set_index("nama").loc[nama]
    assert (row["kode"], row["jumlah_desa"], row["jumlah_kelurahan"]) == (kode, desa, kelurahan)
    assert row["jumlah_desa_kelurahan"] == desa + kelurahan


def test_level_digit_agrees_with_tingkat():
    df = desa_table()
    digit = df["kode"].str.split(".").str[3].str[0]
    assert (digit.map({"1": "kelurahan", "2": "desa"}) == df["tingkat"]).all()


def test_desa_of_bunut():
    bunut = desa_of("bunut")
    assert len(bunut) == 10
    assert bunut["nama"].iloc[0] == "Pangkalan Bunut"
    assert (bunut["tingkat"] == "kelurahan").sum() == 1
    assert set(bunut["kecamatan"]) == {"Bunut"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Bunut", ("14.05.08", "Bunut")),
        ("  BUNUT ", ("14.05.08", "Bunut")),
        ("Kec. Bunut", ("14.05.08", "Bunut")),
        ("Kecamatan Bunut", ("14.05.08", "Bunut")),
        ("kuala  kampar", ("14.05.10", "Kuala Kampar")),
        ("Bandar Pelatangan", ("14.05.12", "Bandar Petalangan")),
        ("Bandar Seikijang", ("14.05.11", "Bandar Sei Kijang")),
        ("Bandar Sekijang", ("14.05.11", "Bandar Sei Kijang")),
        ("Bandar Sei-Kijang", ("14.05.11", "Bandar Sei Kijang")),
        ("Pkl. Kerinci", ("14.05.02", "Pangkalan Kerinci")),
        ("Pkl Kuras", ("14.05.03", "Pangkalan Kuras")),
    ],
)
def test_normalize_kecamatan(name, expected):
    assert normalize_kecamatan(name) == expected


def test_unknown_kecamatan_lists_closest_names():
    with pytest.raises(DataError) as err:
        normalize_kecamatan("Pangkalan Kurass", file="t.csv", row=5, column="Kecamatan")
    assert str(err.value) == (
        "berkas t.csv, baris 5, kolom 'Kecamatan': nama kecamatan tidak dikenali: "
        'nilai "Pangkalan Kurass" (yang diharapkan: nama kecamatan resmi; yang paling mirip: '
        "Pangkalan Kuras, Pangkalan Kerinci, Pangkalan Lesung)"
    )


def test_unknown_kecamatan_without_close_name_lists_all():
    with pytest.raises(DataError) as err:
        normalize_kecamatan("Jakarta")
    assert str(err.value) == (
        'nama kecamatan tidak dikenali: nilai "Jakarta" (yang diharapkan: salah satu '
        "kecamatan resmi: Bandar Petalangan, Bandar Sei Kijang, Bunut, Kerumutan, "
        "Kuala Kampar, Langgam, Pangkalan Kerinci, Pangkalan Kuras, Pangkalan Lesung, "
        "Pelalawan, Teluk Meranti, Ukui)"
    )


def test_broken_reference_is_a_data_error(tmp_path):
    ref = tmp_path / "data" / "raw" / "reference"
    ref.mkdir(parents=True)
    src = get_paths().raw_reference / regions.REFERENCE_FILE
    text = src.read_text(encoding="utf-8").replace(
        "14.05.08.2001,Petani,desa", "14.05.08.1001,Petani,desa"
    )
    (ref / regions.REFERENCE_FILE).write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as err:
        kecamatan_table(get_paths(tmp_path))
    (p,) = err.value.problems
    assert (p.message, p.row, p.column, p.value) == (
        "kode wilayah tidak cocok dengan tingkatnya",
        src.read_text(encoding="utf-8").splitlines().index("14.05.08.2001,Petani,desa,14.05.08")
        + 1,
        "kode",
        "14.05.08.1001",
    )
    shutil.rmtree(ref)
    with pytest.raises(DataError, match="berkas referensi wilayah tidak ditemukan"):
        kecamatan_table(get_paths(tmp_path))
