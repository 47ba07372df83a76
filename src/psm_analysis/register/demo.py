"""The seeded demo register: one row per PSM of Kabupaten Pelalawan, invented.

It agrees with the Dinas Sosial tables in data/raw/dinsos: as many PSM per kecamatan as
Tabel I.2 counts, and as many with Diklat and with Bimtek as Tabel I.3 reports (80 of
120). Within a kecamatan the PSM are spread over its desa/kelurahan at random (seeded):
every desa gets one while there are enough, the rest go to desa drawn at random. In
Kecamatan Bunut the spread is fixed so that the analysis shows every branch: some desa
have two PSM, some none, and one desa only an inactive one.

The file is the register template filled in (``register_psm_DEMO.xlsx``), and says it is
demo data in its name, its properties and its instructions sheet. No name column: the
demo has ids only. Same Dinas Sosial tables and seed, same bytes.
"""

from __future__ import annotations

import random
from pathlib import Path

from psm_analysis.config import Paths

SEED = 20180402
FILE_NAME = "register_psm_DEMO.xlsx"
#: The latest year in the demo (Tabel I.2's source year); also the template's limit.
DEMO_YEAR = 2018
BUNUT = "14.05.08"
#: PSM per desa/kelurahan of Bunut, in a seeded order: 3 x 2, 4 x 1, 3 x 0 = 10 PSM.
BUNUT_SPREAD = (2, 2, 2, 1, 1, 1, 1, 0, 0, 0)
#: Share of PSM left inactive (one of them in Bunut, alone in its desa).
INACTIVE_SHARE = 0.1


def _reached(kegiatan, keyword: str) -> int:
    rows = kegiatan[kegiatan["kegiatan"].str.lower().str.contains(keyword)]
    values = rows["tercapai_orang"].dropna()
    if len(values) != 1:
        raise RuntimeError(f"Tabel I.3 has no single count for {keyword!r}")
    return int(values.iloc[0])


def demo_rows(paths: Paths | None = None, seed: int = SEED) -> list[list[object]]:
    """The demo PSM as rows in :data:`~psm_analysis.register.template.TEMPLATE_COLUMNS`
    order, sorted by kecamatan and desa code."""
    from psm_analysis.regions import desa_table
    from psm_analysis.register.sources import dinsos_tables

    rng = random.Random(seed)
    tables = dinsos_tables(paths)
    villages = desa_table(paths)
    psm = []  # (kode desa, nama desa, kecamatan)
    for r in tables.psm_per_kecamatan.itertuples(index=False):
        desa = villages[villages["kode_kecamatan"] == r.kode_wilayah]
        pairs = list(zip(desa["kode"], desa["nama"], strict=True))
        n = int(r.jumlah_psm)
        if r.kode_wilayah == BUNUT and n == sum(BUNUT_SPREAD) == len(pairs):
            counts = list(BUNUT_SPREAD)
            rng.shuffle(counts)
        else:
            counts = [0] * len(pairs)
            for i in range(min(n, len(pairs))):
                counts[i] = 1
            rng.shuffle(counts)
            for _ in range(max(0, n - len(pairs))):
                counts[rng.randrange(len(pairs))] += 1
        for (kode, nama), k in zip(pairs, counts, strict=True):
            psm += [(kode, nama, r.kecamatan)] * k
    psm.sort()
    n = len(psm)
    order = list(range(n))
    bunut = [i for i in order if psm[i][0].startswith(BUNUT + ".")]
    # one Bunut PSM alone in its desa is inactive; the rest of the inactive ones elsewhere
    alone = [i for i in bunut if sum(p[0] == psm[i][0] for p in psm) == 1]
    others = [i for i in order if i not in bunut]
    inactive = set(rng.sample(alone, 1) if alone else [])
    inactive |= set(rng.sample(others, round(INACTIVE_SHARE * n) - len(inactive)))
    # Diklat: as many as Tabel I.3 says, Bunut's share rounded
    trained_total = _reached(tables.kegiatan, "pendidikan dan pelatihan")
    in_bunut = round(len(bunut) * trained_total / n)
    trained = set(rng.sample(bunut, in_bunut)) | set(rng.sample(others, trained_total - in_bunut))
    # Bimtek: as many as Tabel I.3 says, mostly the same people as Diklat
    bimtek_total = _reached(tables.kegiatan, "bimbingan teknis")
    swap = min(5, len(trained), n - len(trained))
    bimtek = set(sorted(trained)[swap:]) | set(rng.sample(sorted(set(order) - trained), swap))
    extra = bimtek_total - len(bimtek)
    if extra > 0:
        bimtek |= set(rng.sample(sorted(set(order) - bimtek), extra))
    elif extra < 0:
        bimtek -= set(rng.sample(sorted(bimtek), -extra))
    rows = []
    for i, (_, desa, kec) in enumerate(psm):
        year = rng.randint(1995, DEMO_YEAR - 1)
        rows.append(
            [
                f"PSM-{i + 1:03d}",
                kec,
                desa,
                "tidak aktif" if i in inactive else "aktif",
                year,
                "ya" if i in trained else "tidak",
                rng.randint(max(year, 2008), DEMO_YEAR) if i in trained else None,
                "ya" if i in bimtek else "tidak",
            ]
        )
    return rows


def write_demo_inputs(out_dir: str | Path, paths: Paths | None = None) -> list[Path]:
    """Write ``<out_dir>/register/register_psm_DEMO.xlsx``; return ``[path]``."""
    from psm_analysis.files import write_workbook
    from psm_analysis.register.template import template_workbook

    folder = Path(out_dir) / "register"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FILE_NAME
    wb = template_workbook(demo_rows(paths), demo=True, last_year=DEMO_YEAR, paths=paths)
    write_workbook(wb, path)
    return [path]
