"""Consistency of the Dinas Sosial tables with each other, with the chapter's text and
with the official references -> ``data/processed/pemeriksaan_konsistensi.csv``.

Each check gives one row: ``id``, ``pemeriksaan`` (what is compared), ``diharapkan``,
``ditemukan``, ``status`` (``sesuai`` / ``tidak sesuai`` / ``catatan``) and
``keterangan``. A finding about the source is a row, never an error; only a broken input
(a claim missing from ``klaim_teks.csv``, say) raises
:class:`~psm_analysis.errors.DataError`.

The text's statements come from ``data/raw/dinsos/klaim_teks.csv`` (claim, value,
quote, place), not from this code: ``jumlah_jenis_psks``, ``jumlah_kecamatan``,
``psm_terlatih`` are required; claims named ``ejaan_psks...`` / ``ejaan_kecamatan...``
are spellings to judge; ``bunut_belum_semua_desa`` is used when present, and so is
``seksi_pembina_psm`` (the Seksi the text names as responsible for the PSM, looked up in
``struktur_organisasi.csv``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from psm_analysis.config import Paths, display_path, get_paths
from psm_analysis.dinsos.sources import CLAIMS_FILE
from psm_analysis.errors import DataError, Problem
from psm_analysis.labels import t
from psm_analysis.numbers import format_number, format_percent, parse_number

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from psm_analysis.dinsos.model import DinsosTables

COLUMNS = ["id", "pemeriksaan", "diharapkan", "ditemukan", "status", "keterangan"]
REQUIRED_CLAIMS = ("jumlah_jenis_psks", "jumlah_kecamatan", "psm_terlatih")

#: PSKS numbers in Permensos 08/2012 used by the checks.
PSKS_PSM = 2
PSKS_TKSK = 11


def _status(ok: bool) -> str:
    return t("sesuai") if ok else t("tidak_sesuai")


def _orang(n) -> str:
    return "tidak ada" if n is None else f"{format_number(n)} orang"


def _claims(tables: DinsosTables, paths: Paths) -> dict[str, object]:
    claims = {r.klaim: r for r in tables.klaim.itertuples(index=False)}
    missing = [c for c in REQUIRED_CLAIMS if c not in claims]
    if missing:
        raise DataError(
            [
                Problem(
                    "klaim teks yang diperlukan pemeriksaan tidak ada",
                    file=display_path(paths.raw_dinsos / CLAIMS_FILE, paths),
                    column="klaim",
                    value=c,
                )
                for c in missing
            ]
        )
    return claims


def _claim_number(claim, paths: Paths) -> int | float:
    parsed = parse_number(
        claim.nilai, file=display_path(paths.raw_dinsos / CLAIMS_FILE, paths), column="nilai"
    )
    if parsed.value is None:
        raise DataError(
            Problem(
                "nilai klaim teks kosong",
                file=display_path(paths.raw_dinsos / CLAIMS_FILE, paths),
                column="nilai",
                value=claim.klaim,
            )
        )
    return parsed.value


def _jumlah(tenaga: pd.DataFrame, kode_psks: int):
    hit = tenaga.loc[tenaga["kode_psks"] == kode_psks, "jumlah"]
    return None if hit.empty else int(hit.iloc[0])


def run_checks(tables: DinsosTables, paths: Paths | None = None) -> pd.DataFrame:
    """Every check of the tables, text and references, as one table (see module doc)."""
    import pandas as pd

    from psm_analysis.psks import is_official_spelling, normalize_psks, official_kinds
    from psm_analysis.regions import kecamatan_table, normalize_kecamatan

    paths = paths or get_paths()
    claims = _claims(tables, paths)
    rows: list[dict[str, str]] = []

    def add(id_, pemeriksaan, diharapkan, ditemukan, status, keterangan=""):
        rows.append(
            dict(
                zip(
                    COLUMNS,
                    [id_, pemeriksaan, diharapkan, ditemukan, status, keterangan],
                    strict=True,
                )
            )
        )

    tenaga, psm, keg = tables.tenaga_sosial, tables.psm_per_kecamatan, tables.kegiatan
    years = {
        r.tabel: (None if pd.isna(r.tahun) else int(r.tahun)) for r in tables.sumber.itertuples()
    }

    # 1. PSM total across the tables
    psm_i1 = _jumlah(tenaga, PSKS_PSM)
    sum_i2 = int(psm["jumlah_psm"].sum())
    add(
        "psm_total_tabel_I1_I2",
        "Jumlah PSM: Tabel I.1 = penjumlahan kecamatan di Tabel I.2",
        f"{_orang(psm_i1)} (Tabel I.1)",
        f"{_orang(sum_i2)} (penjumlahan {len(psm)} kecamatan, Tabel I.2)",
        _status(psm_i1 == sum_i2),
        f"Tabel I.1 bersumber data {years.get('I.1') or 'tanpa tahun'}, "
        f"Tabel I.2 data {years.get('I.2') or 'tanpa tahun'}.",
    )
    printed = tables.psm_jumlah_tercetak
    if printed is None:
        add(
            "psm_jumlah_tercetak_tabel_I2",
            "Baris Jumlah Tabel I.2 = penjumlahan barisnya",
            _orang(sum_i2),
            "tidak ada baris Jumlah",
            t("catatan"),
        )
    else:
        add(
            "psm_jumlah_tercetak_tabel_I2",
            "Baris Jumlah Tabel I.2 = penjumlahan barisnya",
            f"{_orang(sum_i2)} (penjumlahan)",
            f"{_orang(printed)} (tertulis)",
            _status(printed == sum_i2),
        )
    target_rows = keg[keg["sasaran_orang"].notna()]
    if target_rows.empty:
        add(
            "psm_total_tabel_I3",
            "Jumlah PSM dalam Keterangan Tabel I.3 = Tabel I.1",
            f"{_orang(psm_i1)} (Tabel I.1)",
            "Tabel I.3 tidak menyebut jumlah sasaran",
            t("catatan"),
        )
        diklat = None
    else:
        diklat = target_rows.iloc[0]
        add(
            "psm_total_tabel_I3",
            "Jumlah PSM dalam Keterangan Tabel I.3 = Tabel I.1",
            f"{_orang(psm_i1)} (Tabel I.1)",
            f"{_orang(int(diklat['sasaran_orang']))} (Tabel I.3: {diklat['kegiatan']})",
            _status(psm_i1 == int(diklat["sasaran_orang"])),
        )

    # 2. trained PSM: Tabel I.3 against the text
    claim = claims["psm_terlatih"]
    text_n = _claim_number(claim, paths)
    reached = (
        None
        if diklat is None or pd.isna(diklat["tercapai_orang"])
        else int(diklat["tercapai_orang"])
    )
    share = (
        f"{format_percent(100 * reached / int(diklat['sasaran_orang']))} dari "
        f"{_orang(int(diklat['sasaran_orang']))}; "
        if reached is not None
        else ""
    )
    add(
        "psm_terlatih_teks",
        "PSM yang telah mendapat Diklat: Tabel I.3 = teks",
        f'{_orang(text_n)} (teks: "{claim.nilai}", {claim.letak})',
        f"{_orang(reached)} (Tabel I.3)",
        _status(reached == text_n),
        f"{share}kutipan: {claim.kutipan}",
    )

    # 3. kecamatan and TKSK
    ref = kecamatan_table(paths)
    official = dict(zip(ref["kode"], ref["nama"], strict=True))
    found = set(psm["kode_wilayah"])
    missing = [official[k] for k in sorted(set(official) - found)]
    extra = sorted(found - set(official))
    note = []
    if missing:
        note.append("tidak ada di Tabel I.2: " + ", ".join(missing))
    if extra:
        note.append("bukan kecamatan resmi: " + ", ".join(extra))
    add(
        "kecamatan_resmi",
        "Kecamatan Tabel I.2 = kecamatan resmi Kemendagri",
        f"{len(official)} kecamatan (Kemendagri)",
        f"{len(found & set(official))} kecamatan resmi di Tabel I.2",
        _status(not missing and not extra),
        "; ".join(note),
    )
    claim = claims["jumlah_kecamatan"]
    n_text = _claim_number(claim, paths)
    add(
        "kecamatan_teks",
        "Jumlah kecamatan menurut teks = Kemendagri",
        f"{format_number(len(official))} kecamatan (Kemendagri)",
        f"{format_number(n_text)} kecamatan (teks: {claim.letak})",
        _status(n_text == len(official)),
    )
    tksk = _jumlah(tenaga, PSKS_TKSK)
    add(
        "tksk_per_kecamatan",
        "TKSK Tabel I.1 = satu orang per kecamatan",
        f"{_orang(len(official))} (satu per kecamatan)",
        f"{_orang(tksk)} (Tabel I.1)",
        _status(tksk == len(official)),
    )

    # 4. the 12 PSKS kinds
    claim = claims["jumlah_jenis_psks"]
    n_kinds_text = _claim_number(claim, paths)
    kinds = official_kinds(paths)
    listed = set(tenaga["kode_psks"].dropna().astype(int))
    absent = [k.jenis_resmi for k in kinds if k.no not in listed]
    add(
        "jenis_psks",
        "Jenis PSKS: yang disebut teks ada semua di Tabel I.1",
        f"{format_number(n_kinds_text)} jenis (teks; Permensos 08/2012 memuat {len(kinds)})",
        f"{format_number(len(listed))} jenis (Tabel I.1)",
        _status(len(listed) == n_kinds_text and not absent),
        ("jenis resmi yang tidak ada di Tabel I.1: " + ", ".join(absent)) if absent else "",
    )

    # 5. spellings: tables and text
    bad = tenaga[~tenaga["ejaan_resmi"].astype(bool)]
    for r in bad.itertuples():
        abbr = f" ({r.singkatan})" if isinstance(r.singkatan, str) else ""
        add(
            "ejaan_psks_tabel_I1",
            f"Ejaan jenis PSKS di Tabel I.1 (No. {r.no})",
            f"{r.jenis_resmi}{abbr}, Permensos 08/2012",
            f"{r.jenis_di_sumber}, Tabel I.1",
            _status(False),
            "ejaan tidak resmi di tabel; dibaca sebagai jenis resmi",
        )
    if bad.empty:
        add(
            "ejaan_psks_tabel_I1",
            "Ejaan jenis PSKS di Tabel I.1",
            "ejaan resmi",
            "semua resmi",
            _status(True),
        )
    bad = psm[~psm["ejaan_resmi"].astype(bool)]
    for r in bad.itertuples():
        add(
            "ejaan_kecamatan_tabel_I2",
            f"Ejaan kecamatan di Tabel I.2 (No. {r.no_di_sumber})",
            f"{r.kecamatan}, {r.kode_wilayah}, Kemendagri",
            f"{r.nama_di_sumber}, Tabel I.2",
            _status(False),
            "ejaan tidak resmi di tabel; dibaca sebagai kecamatan resmi",
        )
    if bad.empty:
        add(
            "ejaan_kecamatan_tabel_I2",
            "Ejaan kecamatan di Tabel I.2",
            "ejaan resmi",
            "semua resmi",
            _status(True),
        )
    for key, c in sorted(claims.items()):
        if key.startswith("ejaan_psks"):
            kind = normalize_psks(c.nilai, paths=paths)
            ok = is_official_spelling(c.nilai, kind)
            abbr = f" ({kind.singkatan})" if kind.singkatan else ""
            expected = f"{kind.jenis_resmi}{abbr}, Permensos 08/2012"
        elif key.startswith("ejaan_kecamatan"):
            kode, name = normalize_kecamatan(c.nilai, paths=paths)
            ok = c.nilai.strip().casefold() == name.casefold()
            expected = f"{name}, {kode}, Kemendagri"
        else:
            continue
        add(
            f"{key}_teks",
            "Ejaan di teks",
            expected,
            f"{c.nilai}, teks: {c.letak}",
            _status(ok),
            "" if ok else f"ejaan tidak resmi di teks; kutipan: {c.kutipan}",
        )

    # 6. PSM against desa+kelurahan
    same = psm[psm["selisih_psm_desa_kelurahan"] == 0]
    add(
        "psm_desa_kelurahan_sama",
        "Jumlah PSM = jumlah desa/kelurahan per kecamatan",
        f"{len(psm)} kecamatan",
        f"{len(same)} kecamatan sama",
        t("catatan"),
        "sama di: " + ", ".join(same["kecamatan"]) if len(same) else "",
    )
    for r in psm[psm["selisih_psm_desa_kelurahan"] != 0].itertuples():
        diff = int(r.selisih_psm_desa_kelurahan)
        more = "lebih banyak" if diff > 0 else "lebih sedikit"
        add(
            f"psm_desa_kelurahan_{r.kode_wilayah}",
            f"PSM dan desa/kelurahan: {r.kecamatan}",
            f"{format_number(r.jumlah_desa_kelurahan)} desa/kelurahan (Kemendagri)",
            f"{format_number(int(r.jumlah_psm))} PSM (Tabel I.2)",
            t("catatan"),
            f"PSM {more} daripada desa/kelurahan (selisih {format_number(abs(diff))})",
        )
    total_dk = int(psm["jumlah_desa_kelurahan"].sum())
    add(
        "psm_desa_kelurahan_total",
        "PSM dan desa/kelurahan: Kabupaten Pelalawan",
        f"{format_number(total_dk)} desa/kelurahan (Kemendagri)",
        f"{format_number(sum_i2)} PSM (Tabel I.2)",
        t("catatan"),
        f"selisih {format_number(sum_i2 - total_dk)}",
    )
    if "bunut_belum_semua_desa" in claims:
        c = claims["bunut_belum_semua_desa"]
        kode, name = normalize_kecamatan(c.nilai, paths=paths)
        r = psm[psm["kode_wilayah"] == kode]
        if not r.empty:
            n_psm, n_dk = int(r["jumlah_psm"].iloc[0]), int(r["jumlah_desa_kelurahan"].iloc[0])
            if n_psm < n_dk:
                status, why = _status(True), "PSM lebih sedikit daripada desa/kelurahan."
            else:
                status = t("catatan")
                why = (
                    "Jumlah PSM tidak kurang dari jumlah desa/kelurahan, jadi bila ada "
                    "desa/kelurahan tanpa PSM, yang lain memiliki lebih dari satu; Tabel I.2 "
                    "tidak merinci per desa."
                )
            add(
                "bunut_belum_semua_desa_teks",
                f"Teks: belum seluruh desa/kelurahan di {name} memiliki PSM",
                f"kurang dari {format_number(n_dk)} PSM ({n_dk} desa/kelurahan)",
                f"{format_number(n_psm)} PSM (Tabel I.2)",
                status,
                f"{why} Kutipan ({c.letak}): {c.kutipan}",
            )

    if "seksi_pembina_psm" in claims and tables.struktur is not None:
        c = claims["seksi_pembina_psm"]
        units = tables.struktur.set_index("unit")
        found = c.nilai in units.index
        parent = str(units.loc[c.nilai, "induk"]) if found else ""
        add(
            "seksi_pembina_psm_struktur",
            "Teks: Seksi yang bertanggung jawab atas kinerja PSM ada dalam struktur organisasi",
            f"{c.nilai} (Seksi)",
            f"{c.nilai}, di bawah {parent}" if found else "tidak ada dalam struktur_organisasi.csv",
            _status(found and units.loc[c.nilai, "jenis"] == "Seksi"),
            f"Kutipan ({c.letak}): {c.kutipan}",
        )

    # 7. years of the sources
    shown = "; ".join(
        f"{k}: {v if v is not None else 'tidak dicantumkan'}" for k, v in sorted(years.items())
    )
    distinct = {v for v in years.values()}
    add(
        "tahun_sumber",
        "Tahun data semua tabel sama",
        "satu tahun yang sama",
        shown,
        _status(len(distinct) == 1 and None not in distinct),
        "Tabel dari tahun berbeda dibandingkan; jumlah PSM di Tabel I.1 dan I.2 tetap dibaca "
        "sebagai jumlah pada tahun sumbernya masing-masing.",
    )
    return pd.DataFrame(rows, columns=COLUMNS).astype("str")
