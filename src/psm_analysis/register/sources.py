"""Everything this package takes from the Dinas Sosial tables, imported in one place.

When :mod:`psm_analysis.dinsos` moves, only these imports change.
"""

from __future__ import annotations

from psm_analysis.config import Paths


def table_i2(paths: Paths | None = None):
    """Tabel I.2 cleaned from data/raw/dinsos (``kode_wilayah``, ``kecamatan``,
    ``jumlah_psm``, ...), for callers that run before ``clean`` has written anything."""
    from psm_analysis.dinsos import read_tables

    return read_tables(paths).psm_per_kecamatan


def dinsos_tables(paths: Paths | None = None):
    """All cleaned Dinas Sosial tables from data/raw/dinsos (the demo generator needs
    Tabel I.2 and the Diklat and Bimtek counts of Tabel I.3)."""
    from psm_analysis.dinsos import read_tables

    return read_tables(paths)
