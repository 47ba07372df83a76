"""Reader-facing headers of the processed Dinas Sosial columns (Indonesian and English)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from psm_analysis import labels

if TYPE_CHECKING:  # pragma: no cover
    pass


# --------------------------------------------------------------------------- words

_COLUMN_WORDS = {
    # key: (Indonesian, English)
    "no": ("No.", "No."),
    "jenis_di_sumber": ("Jenis di sumber", "Kind as printed"),
    "jenis_resmi": ("Jenis PSKS resmi", "Official PSKS kind"),
    "singkatan": ("Singkatan", "Abbreviation"),
    "kode_psks": ("No. Permensos 08/2012", "No. in Permensos 08/2012"),
    "ejaan_resmi": ("Ejaan resmi", "Official spelling"),
    "jumlah": ("Jumlah", "Number"),
    "satuan": ("Satuan", "Unit"),
    "nihil": ("Nihil (-)", "Nil (-)"),
    "sumber": ("Sumber", "Source"),
    "tahun": ("Tahun", "Year"),
    "kode_wilayah": ("Kode wilayah", "Area code"),
    "kecamatan": ("Kecamatan", "District"),
    "nama_di_sumber": ("Nama di sumber", "Name as printed"),
    "jumlah_psm": ("Jumlah PSM (orang)", "Number of PSM (persons)"),
    "jumlah_desa": ("Desa", "Villages (desa)"),
    "jumlah_kelurahan": ("Kelurahan", "Urban villages (kelurahan)"),
    "jumlah_desa_kelurahan": ("Desa + kelurahan", "All villages"),
    "selisih_psm_desa_kelurahan": ("Selisih PSM - desa/kelurahan", "PSM minus villages"),
    "no_di_sumber": ("No. di sumber", "No. as printed"),
    "kegiatan": ("Jenis kegiatan", "Activity"),
    "status": ("Status", "Status"),
    "terlaksana": ("Terlaksana", "Carried out"),
    "sasaran_orang": ("Sasaran (orang)", "Target (persons)"),
    "tercapai_orang": ("Tercapai (orang)", "Reached (persons)"),
    "keterangan_asli": ("Keterangan (tertulis)", "Remark as printed"),
    "tahun_sumber": ("Tahun sumber", "Source year"),
    "kode": ("Kode", "Code"),
    "nama": ("Nama", "Name"),
    "tingkat": ("Tingkat", "Level"),
    "kode_kecamatan": ("Kode kecamatan", "District code"),
    "tabel": ("Tabel", "Table"),
    "judul": ("Judul", "Title"),
    "judul_asli": ("Judul tertulis", "Title as printed"),
    "sumber_asli": ("Baris sumber tertulis", "Source line as printed"),
    "berkas": ("Berkas", "File"),
    "id": ("Kode pemeriksaan", "Check id"),
    "pemeriksaan": ("Pemeriksaan", "Check"),
    "diharapkan": ("Diharapkan", "Expected"),
    "ditemukan": ("Ditemukan", "Found"),
    "keterangan": ("Keterangan", "Remark"),
}
labels.register(
    {
        "id": {f"kolom.{k}": v[0] for k, v in _COLUMN_WORDS.items()}
        | {"ya": "ya", "tidak": "tidak", "diolah": "diolah"},
        "en": {f"kolom.{k}": v[1] for k, v in _COLUMN_WORDS.items()}
        | {"ya": "yes", "tidak": "no", "diolah": "processed"},
    }
)


def column_label(name: str, lang: str | None = None) -> str:
    """The reader-facing header of a processed column (falls back to the name)."""
    try:
        return labels.t(f"kolom.{name}", lang)
    except KeyError:
        return name
