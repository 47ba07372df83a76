"""Every word a reader sees that the library puts together, in Bahasa Indonesia, in one place.

Figure labels, table headers and report words are looked up here with :func:`t`; the
reader tables' columns and headers are listed in :data:`READER_TABLES` and built by
:func:`reader_table`. Nothing registers words at import time, so every module finds every
word whatever was imported first. There is one edition, in Indonesian (DESIGN.md).

>>> t("kecamatan")
'Kecamatan'
>>> t("reg.tanpa")
'tanpa PSM'
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: Reader-facing headers of the processed Dinas Sosial columns (:func:`column_label`).
COLUMNS: dict[str, str] = {
    "no": "No.",
    "jenis_di_sumber": "Jenis di sumber",
    "jenis_resmi": "Jenis PSKS resmi",
    "singkatan": "Singkatan",
    "kode_psks": "No. Permensos 08/2012",
    "ejaan_resmi": "Ejaan resmi",
    "jumlah": "Jumlah",
    "satuan": "Satuan",
    "nihil": "Nihil (-)",
    "sumber": "Sumber",
    "tahun": "Tahun",
    "kode_wilayah": "Kode wilayah",
    "kecamatan": "Kecamatan",
    "nama_di_sumber": "Nama di sumber",
    "jumlah_psm": "Jumlah PSM (orang)",
    "jumlah_desa": "Desa",
    "jumlah_kelurahan": "Kelurahan",
    "jumlah_desa_kelurahan": "Desa + kelurahan",
    "selisih_psm_desa_kelurahan": "Selisih PSM \u2212 desa/kelurahan",
    "no_di_sumber": "No. di sumber",
    "kegiatan": "Jenis kegiatan",
    "status": "Status",
    "terlaksana": "Terlaksana",
    "sasaran_orang": "Sasaran (orang)",
    "tercapai_orang": "Tercapai (orang)",
    "keterangan_asli": "Keterangan (tertulis)",
    "tahun_sumber": "Tahun sumber",
    "kode": "Kode",
    "nama": "Nama",
    "tingkat": "Tingkat",
    "kode_kecamatan": "Kode kecamatan",
    "tabel": "Tabel",
    "judul": "Judul",
    "judul_asli": "Judul tertulis",
    "sumber_asli": "Baris sumber tertulis",
    "berkas": "Berkas",
    "id": "Kode pemeriksaan",
    "pemeriksaan": "Pemeriksaan",
    "diharapkan": "Diharapkan",
    "ditemukan": "Ditemukan",
    "keterangan": "Keterangan",
}

_WORDS: dict[str, str] = {
    # pages, figures, tables
    "kecamatan": "Kecamatan",
    "jumlah": "Jumlah",
    "jumlah_psm": "Jumlah PSM (orang)",
    "desa_kelurahan": "Jumlah desa/kelurahan",
    "sumber": "Sumber",
    "tahun": "Tahun",
    "gambar": "Gambar",
    "tabel": "Tabel",
    "daftar_gambar": "DAFTAR GAMBAR",
    "daftar_tabel": "DAFTAR TABEL",
    "demo_banner": "DATA CONTOH - bukan data penelitian",
    "sesuai": "sesuai",
    "tidak_sesuai": "tidak sesuai",
    "catatan": "catatan",
    "ya": "ya",
    "tidak": "tidak",
    "diolah": "diolah",
    # the input families, as the demo banner names them
    "masukan_dinsos": "tabel Dinas Sosial",
    "masukan_survey": "jawaban kuesioner",
    "masukan_interviews": "pengodean wawancara",
    "masukan_register": "register PSM per desa",
    "masukan_reference": "referensi",
    "masukan_bps": "tabel BPS Kecamatan Bunut",
    # spread of the PSM over the kecamatan
    "sebar.desa": "Desa",
    "sebar.kelurahan": "Kelurahan",
    "sebar.selisih": "Selisih PSM \u2212 desa/kelurahan",
    "sebar.rasio": "PSM per desa/kelurahan",
    "sebar.pangsa": "Pangsa PSM",
    "sebar.harapan": "Harapan (proporsional)",
    "sebar.kontribusi": "(O \u2212 E)² / E",
    "sebar.kode": "Kode wilayah",
    "sebar.nama": "Nama",
    "sebar.tingkat": "Tingkat",
    # training
    "latih.sudah": "Sudah mengikuti Diklat",
    "latih.belum": "Belum mengikuti Diklat",
    "latih.keterangan": "Keterangan",
    "latih.persentase": "Persentase",
    "latih.dibentuk": "PSM mulai dibentuk di Kabupaten Pelalawan",
    "latih.peristiwa": "Peristiwa",
    "latih.sumber_teks": "Teks BAB I",
    "latih.no": "No.",
    "latih.kegiatan": "Jenis kegiatan",
    "latih.status": "Status",
    "latih.sasaran": "Sasaran (orang)",
    "latih.tercapai": "Tercapai (orang)",
    "latih.capaian": "Capaian",
    "latih.dan": "dan",
    # the PSM register per desa
    "reg.desa": "Desa/kelurahan",
    "reg.kecamatan": "Kecamatan",
    "reg.n_desa": "Desa/kelurahan",
    "reg.dengan_psm": "Dengan PSM",
    "reg.dengan_aktif": "Dengan PSM aktif",
    "reg.tanpa_psm": "Tanpa PSM",
    "reg.cakupan": "Cakupan PSM aktif",
    "reg.psm": "PSM",
    "reg.psm_aktif": "PSM aktif",
    "reg.psm_diklat": "PSM ber-Diklat",
    "reg.register": "PSM menurut register",
    "reg.tabel_i2": "PSM menurut Tabel I.2",
    "reg.selisih": "Selisih (register \u2212 Tabel I.2)",
    "reg.keterangan": "Keterangan",
    "reg.sama": "sama",
    "reg.beda": "berbeda",
    "reg.jumlah": "Jumlah",
    "reg.tanpa": "tanpa PSM",
    "reg.diklat_ya": "PSM sudah Diklat",
    "reg.diklat_tidak": "PSM belum Diklat",
    "reg.sumbu_x": "Jumlah PSM (orang)",
    # interviews
    "ww.no": "No.",
    "ww.pseudonim": "Informan (pseudonim)",
    "ww.kelompok": "Kelompok informan",
    "ww.jabatan": "Jabatan/kedudukan",
    "ww.tanggal": "Tanggal wawancara",
    "ww.segmen": "Jumlah segmen",
    "ww.informan": "Jumlah informan",
    "ww.persen_informan": "Persentase informan",
    "ww.kode": "Kode",
    "ww.label": "Temuan (kode)",
    "ww.pertanyaan": "Pertanyaan penelitian",
    "ww.peran": "Peranan",
    "ww.hambatan": "Hambatan",
    "ww.jumlah_kelompok": "Jumlah kelompok",
    "ww.kelompok_pendukung": "Kelompok yang menyebut",
    "ww.status": "Triangulasi",
    "ww.peringkat": "Peringkat",
    "ww.kutipan": "Kutipan",
    "ww.sitasi": "Sumber kutipan",
    "ww.dokumen": "Dokumen",
    "ww.pengkode": "Pengkode",
    "ww.unit": "Jumlah unit",
    "ww.keduanya": "Keduanya memberi kode",
    "ww.hanya1": "Hanya pengkode 1",
    "ww.hanya2": "Hanya pengkode 2",
    "ww.po": "Proporsi kesepakatan",
    "ww.kappa": "Kappa Cohen",
    "ww.kekuatan": "Kekuatan kesepakatan",
    "ww.perlu_dibahas": "Perlu dibahas",
    "ww.catatan": "Catatan",
    "ww.oleh": "Dikodekan oleh",
    "ww.tidak_oleh": "Tidak dikodekan oleh",
    "ww.indikator_kuesioner": "Indikator kuesioner",
    "ww.indeks": "Indeks kuesioner",
    "ww.kategori": "Kategori kuesioner",
} | {f"kolom.{name}": header for name, header in COLUMNS.items()}

#: Foreign (non-Indonesian) terms that generated text may contain. EYD V writes a foreign
#: term that is not an Indonesian word in italics: pages as Markdown ``*...*`` or HTML
#: ``<em>`` (:func:`italic_markdown`, :func:`italic_html`), Word as italic runs
#: (:func:`foreign_parts`). Names (Cronbach, Mann-Whitney, Monte Carlo, Likert) are not
#: foreign terms and stay upright; where an Indonesian term exists the text uses it
#: ("buku kode", not "codebook"), so a term here is one without a settled equivalent.
FOREIGN_TERMS = (
    "key informan",
    "purposive",
    "rank-biserial",
    "reverse",
    "item-total",
    "effect size",
    "codebook",
    "seed",
)

_FOREIGN = re.compile(
    r"(?<![\w*/.>-])("
    + "|".join(re.escape(term) for term in sorted(FOREIGN_TERMS, key=len, reverse=True))
    + r")(?![\w*/.<-]|\.\w)",
    flags=re.IGNORECASE,
)


def foreign_parts(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into ``(part, is_foreign)`` pieces, for writing italic runs in Word.

    >>> foreign_parts("Teknik purposive dan sensus")
    [('Teknik ', False), ('purposive', True), (' dan sensus', False)]
    >>> foreign_parts("r rank-biserial")
    [('r ', False), ('rank-biserial', True)]
    """
    text = str(text)
    out, start = [], 0
    for m in _FOREIGN.finditer(text):
        if m.start() > start:
            out.append((text[start : m.start()], False))
        out.append((m.group(0), True))
        start = m.end()
    if start < len(text) or not out:
        out.append((text[start:], False))
    return out


def italic_markdown(text: str) -> str:
    """``text`` with every foreign term of :data:`FOREIGN_TERMS` in Markdown italics.

    >>> italic_markdown("Key informan dipilih secara purposive; r rank-biserial 0,71.")
    '*Key informan* dipilih secara *purposive*; r *rank-biserial* 0,71.'
    >>> italic_markdown("*purposive* sudah miring; data/raw/seed.yml tidak diubah")
    '*purposive* sudah miring; data/raw/seed.yml tidak diubah'
    """
    return _FOREIGN.sub(r"*\1*", str(text))


def italic_html(text: str) -> str:
    """``text`` escaped for HTML, every foreign term in ``<em>``.

    >>> italic_html("Teknik: Purposive & sensus")
    'Teknik: <em>Purposive</em> &amp; sensus'
    """
    return "".join(
        f"<em>{html.escape(part)}</em>" if foreign else html.escape(part)
        for part, foreign in foreign_parts(text)
    )


#: The months, for dates as a thesis writes them ("15 April 2019").
#: What replaces a person's name inside an interview quote, by the roster group of the
#: person named (theses write "[nama informan]", never a pseudonym code, inside a quote).
QUOTE_NAMES = {"PSM": "[nama PSM]", "TKSK": "[nama TKSK]"}
QUOTE_NAME = "[nama informan]"

MONTHS = (
    "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
).split()

#: The reader tables that show columns of a frame as they are: per table, each column in
#: the order shown, with the key of its header in :func:`t`. ``"no"`` numbers the rows
#: from 1 when the frame has no such column. :func:`reader_table` builds them.
READER_TABLES: dict[str, dict[str, str]] = {
    "sebaran_kecamatan": {
        "kecamatan": "kecamatan",
        "jumlah_psm": "jumlah_psm",
        "jumlah_desa": "sebar.desa",
        "jumlah_kelurahan": "sebar.kelurahan",
        "jumlah_desa_kelurahan": "desa_kelurahan",
        "selisih": "sebar.selisih",
        "rasio": "sebar.rasio",
        "pangsa_psm_persen": "sebar.pangsa",
    },
    "sebaran_desa": {
        "no": "kolom.no",
        "kode": "sebar.kode",
        "nama": "sebar.nama",
        "tingkat": "sebar.tingkat",
    },
    "pelatihan_kegiatan": {
        "no": "latih.no",
        "kegiatan": "latih.kegiatan",
        "status": "latih.status",
        "sasaran_orang": "latih.sasaran",
        "tercapai_orang": "latih.tercapai",
        "capaian_persen": "latih.capaian",
    },
    "register_desa": {
        "desa_kelurahan": "reg.desa",
        "jumlah_psm": "reg.psm",
        "jumlah_psm_aktif": "reg.psm_aktif",
        "jumlah_psm_diklat": "reg.psm_diklat",
    },
    "register_cakupan": {
        "kecamatan": "reg.kecamatan",
        "jumlah_desa_kelurahan": "reg.n_desa",
        "dengan_psm": "reg.dengan_psm",
        "dengan_psm_aktif": "reg.dengan_aktif",
        "tanpa_psm": "reg.tanpa_psm",
        "cakupan_persen": "reg.cakupan",
        "jumlah_psm": "reg.psm",
        "jumlah_psm_aktif": "reg.psm_aktif",
        "jumlah_psm_diklat": "reg.psm_diklat",
    },
    "register_banding": {
        "kecamatan": "reg.kecamatan",
        "psm_register": "reg.register",
        "psm_tabel_i2": "reg.tabel_i2",
        "selisih": "reg.selisih",
        "keterangan": "reg.keterangan",
    },
    "wawancara_informan": {
        "no": "ww.no",
        "pseudonim": "ww.pseudonim",
        "kelompok": "ww.kelompok",
        "jabatan": "ww.jabatan",
        "tanggal_wawancara": "ww.tanggal",
        "jumlah_segmen": "ww.segmen",
    },
    "wawancara_kode_frekuensi": {
        "pertanyaan": "ww.pertanyaan",
        "label": "ww.label",
        "jumlah_segmen": "ww.segmen",
        "jumlah_informan": "ww.informan",
        "persen_informan": "ww.persen_informan",
        "jumlah_kelompok": "ww.jumlah_kelompok",
    },
    "wawancara_triangulasi": {
        "pertanyaan": "ww.pertanyaan",
        "label": "ww.label",
        "jumlah_informan": "ww.informan",
        "jumlah_kelompok": "ww.jumlah_kelompok",
        "kelompok": "ww.kelompok_pendukung",
        "status": "ww.status",
    },
    "wawancara_hambatan_peringkat": {
        "peringkat": "ww.peringkat",
        "label": "ww.label",
        "jumlah_informan": "ww.informan",
        "persen_informan": "ww.persen_informan",
        "jumlah_segmen": "ww.segmen",
        "kelompok": "ww.kelompok_pendukung",
    },
    "wawancara_kutipan": {
        "label": "ww.label",
        "kutipan": "ww.kutipan",
        "sitasi": "ww.sitasi",
    },
    "wawancara_kesepakatan": {
        "label": "ww.label",
        "jumlah_unit": "ww.unit",
        "keduanya": "ww.keduanya",
        "hanya_pengkode_1": "ww.hanya1",
        "hanya_pengkode_2": "ww.hanya2",
        "proporsi_kesepakatan": "ww.po",
        "kappa": "ww.kappa",
        "kekuatan": "ww.kekuatan",
        "perlu_dibahas": "ww.perlu_dibahas",
        "catatan": "ww.catatan",
    },
    "wawancara_ketidaksepakatan": {
        "pseudonim": "ww.pseudonim",
        "label": "ww.label",
        "dikodekan_oleh": "ww.oleh",
        "tidak_dikodekan_oleh": "ww.tidak_oleh",
        "kutipan": "ww.kutipan",
    },
    "wawancara_kaitan_kuesioner": {
        "pertanyaan": "ww.pertanyaan",
        "label": "ww.label",
        "jumlah_informan": "ww.informan",
        "nama_indikator": "ww.indikator_kuesioner",
        "indeks": "ww.indeks",
        "kategori": "ww.kategori",
    },
}


def t(key: str, /, **fmt: object) -> str:
    """The text for ``key``, formatted with ``fmt``.

    Parameters
    ----------
    key : str
        The word's key, e.g. ``"kecamatan"`` or ``"reg.tanpa"``.
    **fmt : object
        Values for ``{name}`` fields in the text.

    Returns
    -------
    str
        The Indonesian text.

    Raises
    ------
    KeyError
        ``key`` is not a word of this module.
    """
    text = _WORDS[key]
    return text.format(**fmt) if fmt else text


def column_label(name: str) -> str:
    """The reader-facing header of processed column ``name`` (:data:`COLUMNS`), or the name.

    >>> column_label("jumlah_psm"), column_label("lain")
    ('Jumlah PSM (orang)', 'lain')
    """
    return COLUMNS.get(name, name)


def reader_table(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """The columns of reader table ``name`` (:data:`READER_TABLES`) of ``df``, in order,
    under their Indonesian headers.

    Parameters
    ----------
    df : pandas.DataFrame
        The frame (any index) with every column the table lists (``"no"`` may be absent).
    name : str
        A key of :data:`READER_TABLES`, e.g. ``"wawancara_kutipan"``.

    Returns
    -------
    pandas.DataFrame
        One row per row of ``df`` in its order, 0-based index; the values as they are
        (``"no"``, when ``df`` has none: 1, 2, ...).

    Raises
    ------
    KeyError
        ``name`` is not a reader table, or ``df`` lacks one of its columns.
    """
    columns = READER_TABLES[name]
    out = df.reset_index(drop=True)
    if "no" in columns and "no" not in out.columns:
        out = out.assign(no=range(1, len(out) + 1))
    return out[list(columns)].rename(columns={c: t(k) for c, k in columns.items()})
