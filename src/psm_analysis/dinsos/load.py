"""Loaders of the processed Dinas Sosial files, typed by the catalog
(:mod:`psm_analysis.catalog`). Each returns a DataFrame of the file's columns in file
order and raises :class:`~psm_analysis.errors.DataError` when ``psm-analysis clean`` has
not written it yet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from psm_analysis import catalog
from psm_analysis.config import Paths

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def load_tenaga_sosial(paths: Paths | None = None) -> pd.DataFrame:
    """``data/processed/tenaga_sosial.csv`` (Tabel I.1), typed."""
    return catalog.load("tenaga_sosial", paths)


def load_psm_per_kecamatan(paths: Paths | None = None) -> pd.DataFrame:
    """``data/processed/psm_per_kecamatan.csv`` (Tabel I.2 + Kemendagri), typed."""
    return catalog.load("psm_per_kecamatan", paths)


def load_kegiatan(paths: Paths | None = None) -> pd.DataFrame:
    """``data/processed/kegiatan_peningkatan_kinerja.csv`` (Tabel I.3), typed."""
    return catalog.load("kegiatan_peningkatan_kinerja", paths)


def load_diklat(paths: Paths | None = None) -> pd.DataFrame:
    """``data/processed/diklat_psm.csv`` (Tabel I.4), typed."""
    return catalog.load("diklat_psm", paths)


def load_desa_kelurahan(paths: Paths | None = None) -> pd.DataFrame:
    """``data/processed/desa_kelurahan.csv`` (Kemendagri reference), typed."""
    return catalog.load("desa_kelurahan", paths)


def load_sumber_tabel(paths: Paths | None = None) -> pd.DataFrame:
    """``data/processed/sumber_tabel.csv``, typed."""
    return catalog.load("sumber_tabel", paths)


def load_pemeriksaan(paths: Paths | None = None) -> pd.DataFrame:
    """``data/processed/pemeriksaan_konsistensi.csv``."""
    return catalog.load("pemeriksaan_konsistensi", paths)


def load_klaim(paths: Paths | None = None) -> pd.DataFrame:
    """``data/processed/klaim_teks.csv``: the numbers BAB I's text states."""
    return catalog.load("klaim_teks", paths)
