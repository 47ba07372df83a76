"""Synthetic, clearly labelled demo inputs for the interview analysis.

``write_demo_inputs(out_dir)`` writes, under ``out_dir``:

- ``private/informan_DEMO.csv`` -- a roster of 12 made-up informants (names invented for the
  demo; the ``keterangan`` column says so) covering every informant group, with the
  ``dokumen`` column mapping transcripts to informants;
- ``interviews/segmen_terkode_DEMO.csv`` -- the main coder's codings of all 12 transcripts in
  the project's own format (coder ``peneliti``; a ``catatan`` column marks them demo);
- ``interviews/taguette_highlights_DEMO__pengkode_2.csv`` -- a second coder's codings of 6 of
  the transcripts (one or two per group), shaped exactly as Taguette's highlights export
  (``id,document,tag,content``; CRLF; UTF-8), with a few deliberate disagreements.

Both research questions are covered (peran and hambatan codes). Some quotes name
informants, as real transcripts do, so that the privacy guard has work to do: the names
must not reach data/processed. Everything is fixed text plus a seeded random generator
(:data:`SEED`), so the same files come out byte for byte.
"""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

SEED = 20190415
MAIN_CODER = "peneliti"
SECOND_CODER = "pengkode_2"
DEMO_NOTE = "DATA CONTOH - nama rekaan, bukan data penelitian"

#: (id, name, position, group, interview date); every name is invented.
INFORMANTS = [
    (
        "I-01",
        "Hendra Wijaya",
        "Kepala Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin",
        "Dinas Sosial",
        "2019-04-15",
    ),
    (
        "I-02",
        "Rina Marlina",
        "Kepala Seksi Identifikasi dan Penguatan Kapasitas",
        "Dinas Sosial",
        "2019-04-15",
    ),
    (
        "I-03",
        "Fajar Nugraha",
        "Staf Seksi Identifikasi dan Penguatan Kapasitas",
        "Dinas Sosial",
        "2019-04-16",
    ),
    ("I-04", "Yusnita Harahap", "TKSK Kecamatan Bunut", "TKSK", "2019-04-22"),
    ("I-05", "Andika Pratama", "PSM (sudah mengikuti Diklat)", "PSM", "2019-04-23"),
    ("I-06", "Nurhayati Lubis", "PSM (sudah mengikuti Diklat)", "PSM", "2019-04-23"),
    ("I-07", "Irwan Syahputra", "PSM (belum mengikuti Diklat)", "PSM", "2019-04-24"),
    ("I-08", "Maya Safitri", "PSM (belum mengikuti Diklat)", "PSM", "2019-04-24"),
    ("I-09", "Joko Susanto", "Sekretaris Camat Bunut", "Pemerintah Kecamatan/Desa", "2019-04-25"),
    ("I-10", "Zulkifli Hasibuan", "Kepala Desa", "Pemerintah Kecamatan/Desa", "2019-04-26"),
    ("I-11", "Sri Rahayu", "Tokoh masyarakat", "Masyarakat", "2019-04-29"),
    ("I-12", "Dedi Kurniawan", "Warga penerima manfaat", "Masyarakat", "2019-04-29"),
]

#: The main coder's segments: informant -> [(code, quote)]. Quotes are invented.
SEGMENTS: dict[str, list[tuple[str, str]]] = {
    "I-01": [
        (
            "peran.pemetaan",
            "Setiap tahun kami minta data PSM yang masih aktif dari kecamatan, "
            "supaya jelas desa mana yang sudah ada PSM-nya dan mana yang belum.",
        ),
        (
            "peran.diklat",
            "Diklat dasar tugas dan fungsi PSM itu kami adakan tahun 2014, "
            "pesertanya dikirim dari tiap kecamatan.",
        ),
        (
            "peran.rapat_koordinasi",
            "Rapat koordinasi PSM kami buat di kabupaten, biasanya "
            "digabung dengan TKSK, paling tidak sekali setahun.",
        ),
        (
            "peran.honorarium",
            "Honorarium PSM tetap kami anggarkan walaupun jumlahnya belum "
            "besar, itu bentuk penghargaan kami.",
        ),
        (
            "peran.monev",
            "Laporan kegiatan PSM kami terima lewat TKSK, lalu kami evaluasi di akhir tahun.",
        ),
        (
            "hambatan.anggaran",
            "Terus terang anggaran untuk pelatihan sangat terbatas, jadi "
            "tidak semua PSM bisa kami panggil sekaligus.",
        ),
        (
            "hambatan.jarak_akses",
            "Bunut itu jauh dari Pangkalan Kerinci, kalau mau turun ke "
            "desa-desa butuh waktu dan biaya perjalanan.",
        ),
    ],
    "I-02": [
        (
            "peran.pemetaan",
            "Seksi kami yang menata data PSM; Pak Hendra minta datanya "
            "diperbarui setiap ada pergantian.",
        ),
        (
            "peran.diklat",
            "Yang sudah dapat Diklat baru sebagian, kami prioritaskan PSM yang "
            "paling aktif di desanya.",
        ),
        (
            "peran.bimtek",
            "Bimtek tahun 2015 itu materinya pendampingan penerima bantuan dan "
            "cara membuat laporan.",
        ),
        (
            "peran.pembinaan",
            "Pembinaan kami lakukan lewat TKSK, karena TKSK yang paling dekat "
            "dengan PSM di kecamatan.",
        ),
        (
            "peran.monev",
            "Kami ada format pelaporan bulanan, tapi yang rutin mengirim memang belum semua PSM.",
        ),
        (
            "hambatan.anggaran",
            "Kegiatan peningkatan kapasitas selalu menyesuaikan anggaran yang tersedia tahun itu.",
        ),
        (
            "hambatan.cakupan_pelatihan",
            "Dari seratus dua puluh PSM baru delapan puluh yang "
            "sudah ikut Diklat, sisanya masih menunggu giliran.",
        ),
        (
            "hambatan.beban_relawan",
            "PSM itu relawan, mereka punya pekerjaan sendiri, jadi kami "
            "tidak bisa menuntut terlalu banyak.",
        ),
    ],
    "I-03": [
        (
            "peran.bimtek",
            "Saya ikut menyiapkan Bimtek, pesertanya delapan puluh orang PSM dari "
            "dua belas kecamatan.",
        ),
        (
            "peran.honorarium",
            "Honor PSM dibayarkan per tahun, datanya dari daftar yang diusulkan kecamatan.",
        ),
        (
            "peran.monev",
            "Kalau ada kunjungan ke kecamatan, kami sekalian memantau kegiatan PSM di sana.",
        ),
        (
            "hambatan.anggaran",
            "Dana perjalanan dinas sedikit, sehingga monitoring ke desa tidak bisa sering.",
        ),
        (
            "hambatan.cakupan_pelatihan",
            "PSM yang baru diangkat belum pernah dapat pelatihan, "
            "karena Diklat terakhir sudah lama.",
        ),
        (
            "hambatan.jarak_akses",
            "Beberapa desa di Bunut harus lewat jalan tanah, kalau hujan susah dilewati.",
        ),
    ],
    "I-04": [
        (
            "peran.rapat_koordinasi",
            "Rapat koordinasi di kabupaten ada, saya biasanya yang "
            "menyampaikan undangan ke PSM di Bunut.",
        ),
        (
            "peran.pembinaan",
            "Saya sebagai TKSK berusaha membina PSM, misalnya membantu mereka mengisi laporan.",
        ),
        (
            "hambatan.kurang_pembinaan",
            "Dari dinas sendiri jarang ada yang turun membina PSM di "
            "sini, paling lewat telepon saja.",
        ),
        (
            "hambatan.koordinasi",
            "Kadang kegiatan dari dinas tidak sampai informasinya ke desa, "
            "koordinasinya belum jalan.",
        ),
        (
            "hambatan.jarak_akses",
            "Saya sendiri kalau mau ke desa yang jauh harus pakai motor berjam-jam.",
        ),
        (
            "hambatan.desa_tanpa_psm",
            "Masih ada desa di Bunut yang belum punya PSM, jadi "
            "masalah sosial di sana tidak ada yang melaporkan.",
        ),
        (
            "hambatan.cakupan_pelatihan",
            "Pak Andika dan Bu Nurhayati sudah ikut Diklat, tapi Irwan dan Maya belum pernah.",
        ),
    ],
    "I-05": [
        (
            "peran.diklat",
            "Nama saya Andika Pratama, saya ikut Diklat dasar PSM tahun 2014 di Pangkalan Kerinci.",
        ),
        (
            "peran.bimtek",
            "Bimtek itu berguna, kami diajari cara mendampingi penerima bantuan sosial.",
        ),
        ("peran.honorarium", "Honor ada, setahun sekali, cukup untuk uang bensin saja."),
        (
            "hambatan.cakupan_pelatihan",
            "Setelah 2015 tidak ada lagi pelatihan, padahal masalahnya makin banyak.",
        ),
        (
            "hambatan.kurang_pembinaan",
            "Pembinaan dari dinas kurang, kami jarang dikunjungi, paling Bu Yusnita yang datang.",
        ),
        (
            "hambatan.beban_relawan",
            "Saya juga berkebun, jadi waktu untuk kegiatan PSM harus dibagi.",
        ),
    ],
    "I-06": [
        (
            "peran.diklat",
            "Waktu Diklat kami belajar tugas dan fungsi PSM, itu sangat membantu saya di desa.",
        ),
        (
            "peran.rapat_koordinasi",
            "Rapat koordinasi pernah saya ikuti di kabupaten, di situ "
            "kami bisa menyampaikan keluhan.",
        ),
        (
            "hambatan.cakupan_pelatihan",
            "Teman-teman PSM yang baru belum dilatih, mereka sering bertanya ke saya.",
        ),
        (
            "hambatan.kurang_pembinaan",
            "Kami perlu dibina lebih sering, bukan hanya dipanggil kalau ada program.",
        ),
        (
            "hambatan.beban_relawan",
            "Namanya relawan, kadang semangat, kadang capek juga karena urusan keluarga.",
        ),
        (
            "hambatan.jarak_akses",
            "Rumah warga yang harus didampingi berjauhan, ongkosnya dari kantong sendiri.",
        ),
    ],
    "I-07": [
        ("peran.honorarium", "Honor PSM memang ada, tapi sering terlambat cairnya."),
        (
            "hambatan.cakupan_pelatihan",
            "Saya belum pernah ikut Diklat, jadi banyak belajar sendiri dari teman.",
        ),
        (
            "hambatan.kurang_pembinaan",
            "Bu Yusnita sebagai TKSK jarang sempat datang, orang dinas lebih jarang lagi.",
        ),
        (
            "hambatan.anggaran",
            "Tidak ada dana operasional untuk PSM, untuk fotokopi laporan pun pakai uang sendiri.",
        ),
        ("hambatan.jarak_akses", "Sinyal telepon di desa kami lemah, susah kalau mau lapor cepat."),
    ],
    "I-08": [
        ("hambatan.cakupan_pelatihan", "Saya PSM baru, belum dapat pelatihan apa pun dari dinas."),
        (
            "hambatan.kurang_pembinaan",
            "Tidak pernah ada pembinaan langsung, saya bingung tugas PSM itu sampai mana.",
        ),
        (
            "hambatan.beban_relawan",
            "Saya ibu rumah tangga juga, jadi kegiatan PSM saya kerjakan kalau sempat.",
        ),
    ],
    "I-09": [
        (
            "peran.pemetaan",
            "Kecamatan diminta dinas mendata PSM per desa, datanya kami kirim lewat TKSK.",
        ),
        (
            "peran.rapat_koordinasi",
            "Pernah ada rapat di kecamatan, Pak Hendra dari dinas hadir menjelaskan program.",
        ),
        (
            "hambatan.desa_tanpa_psm",
            "Belum semua desa di Kecamatan Bunut punya PSM, itu yang kami usulkan ke dinas.",
        ),
        (
            "hambatan.koordinasi",
            "Program dinas sering tidak melalui kecamatan, jadi kami tahunya belakangan.",
        ),
        (
            "hambatan.kurang_pembinaan",
            "PSM di sini butuh pendampingan, karena mereka belum semuanya paham tugasnya.",
        ),
    ],
    "I-10": [
        ("peran.pemetaan", "Desa mengusulkan nama calon PSM ke kecamatan, lalu didata dinas."),
        (
            "hambatan.desa_tanpa_psm",
            "Di desa tetangga belum ada PSM, warganya kalau ada masalah lapor ke kantor desa saja.",
        ),
        (
            "hambatan.koordinasi",
            "Kami di desa jarang dilibatkan, padahal PSM itu warga desa kami sendiri.",
        ),
    ],
    "I-11": [
        (
            "hambatan.desa_tanpa_psm",
            "Di dusun kami tidak ada PSM, jadi orang tua terlantar tidak ada yang mendata.",
        ),
        (
            "hambatan.kurang_pembinaan",
            "Saya lihat PSM di sini berjalan sendiri, tidak pernah "
            "kelihatan ada petugas dinas datang.",
        ),
        (
            "hambatan.beban_relawan",
            "PSM itu kerja tanpa gaji tetap, wajar kalau tidak bisa setiap hari.",
        ),
    ],
    "I-12": [
        (
            "hambatan.desa_tanpa_psm",
            "Waktu pendataan bantuan, yang datang perangkat desa, "
            "bukan PSM, karena di sini belum ada.",
        ),
    ],
}

#: Codes a second coder plausibly confuses with each code.
CONFUSABLE = {
    "peran.diklat": "peran.bimtek",
    "peran.bimtek": "peran.diklat",
    "peran.pemetaan": "peran.monev",
    "peran.monev": "peran.pembinaan",
    "peran.pembinaan": "peran.rapat_koordinasi",
    "peran.rapat_koordinasi": "peran.pembinaan",
    "peran.honorarium": "hambatan.anggaran",
    "hambatan.cakupan_pelatihan": "peran.diklat",
    "hambatan.kurang_pembinaan": "hambatan.koordinasi",
    "hambatan.koordinasi": "hambatan.kurang_pembinaan",
    "hambatan.desa_tanpa_psm": "peran.pemetaan",
    "hambatan.anggaran": "hambatan.beban_relawan",
    "hambatan.beban_relawan": "hambatan.anggaran",
    "hambatan.jarak_akses": "hambatan.kurang_pembinaan",
}
#: Transcripts the second coder coded: one or two per informant group.
SECOND_CODER_INFORMANTS = ("I-02", "I-04", "I-05", "I-07", "I-09", "I-11")


def document_name(informant_id: str) -> str:
    return f"Transkrip {informant_id}"


def roster_rows() -> list[dict]:
    return [
        {
            "id_informan": i,
            "nama": n,
            "jabatan": j,
            "kelompok": k,
            "tanggal_wawancara": d,
            "dokumen": document_name(i),
            "keterangan": DEMO_NOTE,
        }
        for i, n, j, k, d in INFORMANTS
    ]


def main_rows() -> list[dict]:
    return [
        {
            "id_informan": iid,
            "dokumen": document_name(iid),
            "kode": code,
            "kutipan": quote,
            "pengkode": MAIN_CODER,
            "catatan": "DATA CONTOH - kutipan rekaan",
        }
        for iid, segs in SEGMENTS.items()
        for code, quote in segs
    ]


def second_coder_rows(seed: int = SEED) -> list[list[str]]:
    """The second coder's Taguette highlight rows: ``[id, document, tag, content]``.

    For each main-coder segment of the chosen transcripts, the second coder highlights the
    same passage and, drawn from a seeded generator: usually gives the same tag (about
    74 %), sometimes a confusable one instead (15 %), sometimes both (7 %), or skips the
    passage (4 %).
    """
    rng = random.Random(seed)
    rows = []
    hl_id = 0
    for iid in SECOND_CODER_INFORMANTS:
        for code, quote in SEGMENTS[iid]:
            u = rng.random()
            if u < 0.04:
                continue
            hl_id += 1
            if u < 0.19:
                tags = [CONFUSABLE[code]]
            elif u < 0.26:
                tags = sorted([code, CONFUSABLE[code]])
            else:
                tags = [code]
            rows += [[str(hl_id), document_name(iid), t, quote] for t in tags]
    return rows


def _csv_text(header: list[str], rows: list[list[str]], lineterminator: str) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=lineterminator)
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def write_demo_inputs(out_dir: str | Path) -> list[Path]:
    """Write the interview demo inputs under ``out_dir``; return the files written."""
    from psm_analysis.files import write_bytes

    out = Path(out_dir)
    roster = roster_rows()
    main = main_rows()
    files = {
        out / "private" / "informan_DEMO.csv": _csv_text(
            list(roster[0]), [list(r.values()) for r in roster], "\n"
        ).encode("utf-8"),
        out / "interviews" / "segmen_terkode_DEMO.csv": _csv_text(
            list(main[0]), [list(r.values()) for r in main], "\n"
        ).encode("utf-8"),
        # Taguette: csv.writer with the default (excel) dialect -> CRLF, UTF-8 without BOM.
        out / "interviews" / f"taguette_highlights_DEMO__{SECOND_CODER}.csv": _csv_text(
            ["id", "document", "tag", "content"], second_coder_rows(), "\r\n"
        ).encode("utf-8"),
    }
    for path, data in files.items():
        write_bytes(path, data)
    return sorted(files)
