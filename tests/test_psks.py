"""PSKS kinds of Permensos 08/2012."""

import pytest

from psm_analysis.errors import DataError
from psm_analysis.psks import (
    is_official_spelling,
    normalize_psks,
    official_kinds,
    split_abbreviation,
)


def test_twelve_official_kinds_dunia_usaha_last():
    kinds = official_kinds()
    assert len(kinds) == 12
    assert kinds[-1].jenis_resmi == "Dunia Usaha"
    assert kinds[10].singkatan == "TKSK"


@pytest.mark.parametrize(
    ("name", "official"),
    [
        ("Pekerja Sosial Masyarakat (PSM)", "Pekerja Sosial Masyarakat"),
        ("PSM", "Pekerja Sosial Masyarakat"),
        ("psm", "Pekerja Sosial Masyarakat"),
        ("Taruna Siaga Bencana (TAGANA)", "Taruna Siaga Bencana"),
        ("Tenaga Kerja Sosial Kecamatan (TKSK)", "Tenaga Kesejahteraan Sosial Kecamatan"),
        ("Tenaga Kesejahteraan Sosial Kecamatan (TKSK)", "Tenaga Kesejahteraan Sosial Kecamatan"),
        (
            "Kesejahteraan Sosial Berbasis Masyarakat (WKSBM)",
            "Wahana Kesejahteraan Sosial Berbasis Masyarakat",
        ),
        ("WKSBM", "Wahana Kesejahteraan Sosial Berbasis Masyarakat"),
        ("karang  taruna", "Karang Taruna"),
        (
            "Lembaga Konsultasi Kesejahteraan Keluarga (LK3)",
            "Lembaga Konsultasi Kesejahteraan Keluarga",
        ),
        ("Dunia Usaha", "Dunia Usaha"),
    ],
)
def test_normalize_psks(name, official):
    assert normalize_psks(name).jenis_resmi == official


def test_official_spelling():
    tksk = normalize_psks("TKSK")
    assert is_official_spelling("Tenaga Kesejahteraan Sosial Kecamatan (TKSK)", tksk)
    assert not is_official_spelling("Tenaga Kerja Sosial Kecamatan (TKSK)", tksk)
    assert split_abbreviation(" Karang  Taruna ") == ("Karang Taruna", None)


def test_unknown_psks_lists_closest():
    with pytest.raises(DataError) as err:
        normalize_psks("Pekerja Sosial", file="t.csv", row=3, column="Jenis")
    assert str(err.value) == (
        "berkas t.csv, baris 3, kolom 'Jenis': jenis PSKS tidak dikenali: nilai "
        '"Pekerja Sosial" (yang diharapkan: jenis PSKS resmi (Permensos 08/2012); yang paling '
        "mirip: Pekerja Sosial Masyarakat, Pekerja Sosial Profesional)"
    )


def test_name_and_abbreviation_that_disagree():
    with pytest.raises(DataError) as err:
        normalize_psks("Karang Taruna (PSM)")
    assert str(err.value) == (
        'nama dan singkatan menunjuk jenis PSKS yang berbeda: nilai "Karang Taruna (PSM)" '
        "(yang diharapkan: Karang Taruna atau Pekerja Sosial Masyarakat, bukan keduanya)"
    )
