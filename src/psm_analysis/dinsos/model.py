"""The cleaned Dinas Sosial tables as one object, and the names of their processed files."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: Processed file names, per table.
OUTPUT_FILES = {
    "I.1": "tenaga_sosial.csv",
    "I.2": "psm_per_kecamatan.csv",
    "I.3": "kegiatan_peningkatan_kinerja.csv",
    "I.4": "diklat_psm.csv",
}
DESA_FILE = "desa_kelurahan.csv"
SOURCES_OUT = "sumber_tabel.csv"
CHECKS_FILE = "pemeriksaan_konsistensi.csv"
WORKBOOK_FILE = "data_dinas_sosial.xlsx"
REFERENCE_SOURCE = "Kepmendagri No. 300.2.2-2138 Tahun 2025 (kode dan data wilayah)"


@dataclass
class DinsosTables:
    """The cleaned tables and what the checks need besides them."""

    sumber: pd.DataFrame
    tenaga_sosial: pd.DataFrame
    psm_per_kecamatan: pd.DataFrame
    kegiatan: pd.DataFrame
    diklat: pd.DataFrame
    desa_kelurahan: pd.DataFrame
    klaim: pd.DataFrame
    #: Tabel I.2's printed Jumlah and the sum of its rows (None when no Jumlah row).
    psm_jumlah_tercetak: int | None = None
    psm_jumlah_dihitung: int | None = None
    raw: dict[str, pd.DataFrame] = field(default_factory=dict)
    #: The organisation of the Dinas Sosial (``struktur_organisasi.csv``), None without it.
    struktur: pd.DataFrame | None = None
