"""The Dinas Sosial tables of BAB I (Tabel I.1-I.4): sources, cleaners, checks, builder.

Modules, each importing only those above it in this list (and lower layers):

- :mod:`~psm_analysis.dinsos.sources`: ``sumber_tabel.csv`` and ``klaim_teks.csv``;
- :mod:`~psm_analysis.dinsos.model`: the cleaned tables as one object, file names;
- :mod:`~psm_analysis.dinsos.cleaners`: Tabel I.1-I.4 -> tidy tables;
- :mod:`~psm_analysis.dinsos.checks`: consistency checks -> ``pemeriksaan_konsistensi.csv``;
- :mod:`~psm_analysis.dinsos.build`: the ``dinsos`` builder and the workbook.

The processed files are read with :func:`psm_analysis.catalog.load`; their reader-facing
column headers are :func:`psm_analysis.labels.column_label`.

The generic reader of printed tables is :mod:`psm_analysis.printed_table`. The names
notebooks use are importable from this package.
"""

from psm_analysis.dinsos.build import build_outputs, build_workbook, read_tables
from psm_analysis.dinsos.cleaners import (
    STATUSES,
    Keterangan,
    clean_diklat,
    clean_kegiatan,
    clean_psm_per_kecamatan,
    clean_tenaga_sosial,
    parse_keterangan,
)
from psm_analysis.dinsos.model import (
    CHECKS_FILE,
    DESA_FILE,
    OUTPUT_FILES,
    REFERENCE_SOURCE,
    SOURCES_OUT,
    WORKBOOK_FILE,
    DinsosTables,
)
from psm_analysis.dinsos.sources import (
    CLAIMS_FILE,
    SOURCES_FILE,
    TABLE_IDS,
    read_claims,
    read_sources,
)

__all__ = [
    "CHECKS_FILE",
    "CLAIMS_FILE",
    "DESA_FILE",
    "OUTPUT_FILES",
    "REFERENCE_SOURCE",
    "SOURCES_FILE",
    "SOURCES_OUT",
    "STATUSES",
    "TABLE_IDS",
    "WORKBOOK_FILE",
    "DinsosTables",
    "Keterangan",
    "build_outputs",
    "build_workbook",
    "clean_diklat",
    "clean_kegiatan",
    "clean_psm_per_kecamatan",
    "clean_tenaga_sosial",
    "parse_keterangan",
    "read_claims",
    "read_sources",
    "read_tables",
]
