"""Raw inputs in the shapes fieldwork produces, written into a project copy (issue 20).

The tests of odd shapes (one coder, few respondents, a header-only file, a partial
register) and the dataset-level property test build their projects with these helpers.
Every file is written as a researcher's tool writes it: answers and codings as CSV with
the project's own headers (README "Input files the readers accept"), the roster as
``data/raw/private/informan.csv``, the register with the columns of
``psm-analysis template register``. Contents come from the committed demo inputs and the
codebooks, so the tests do not depend on what the researcher has put in ``data/raw``.
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass, field
from pathlib import Path

from conftest import REPO

from psm_analysis.register.template import TEMPLATE_COLUMNS

DEMO = REPO / "data" / "demo"
SURVEY_FILE = "data/raw/survey/jawaban_kuesioner.csv"
CODINGS_FILE = "data/raw/interviews/segmen_terkode.csv"
ROSTER_FILE = "data/raw/private/informan.csv"
REGISTER_FILE = "data/raw/register/register_psm.csv"
CODINGS_HEADER = ["id_informan", "dokumen", "kode", "kutipan", "pengkode"]
ROSTER_HEADER = ["id_informan", "nama", "jabatan", "kelompok", "tanggal_wawancara", "dokumen"]
REGISTER_HEADER = list(TEMPLATE_COLUMNS)  # as `psm-analysis template register` has them
#: Invented informants, one per group and a second PSM: (id, name, position, group).
INFORMANTS = (
    ("I-01", "Hendra Wijaya", "Kepala Bidang", "Dinas Sosial"),
    ("I-02", "Yusnita Harahap", "TKSK Kecamatan Bunut", "TKSK"),
    ("I-03", "Rahmat Hidayat", "PSM Desa Petani", "PSM"),
    ("I-04", "Sri Wahyuni", "PSM Desa Merbau", "PSM"),
    ("I-05", "Budi Santoso", "Sekretaris Desa Keriung", "Pemerintah Kecamatan/Desa"),
    ("I-06", "Nurul Aini", "Warga Desa Lubuk Mas", "Masyarakat"),
)


def csv_bytes(header: list[str], rows: list[list[object]]) -> bytes:
    """A CSV as Excel writes "CSV UTF-8": comma, CRLF, minimal quoting."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(["" if v is None else v for v in r] for r in rows)
    return buf.getvalue().encode("utf-8")


def write(root: Path, rel: str, data: bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def survey_codebook():
    from psm_analysis.survey import load_survey_codebook

    return load_survey_codebook(REPO / "data/raw/survey/codebook.yml")


def survey_header(cb) -> list[str]:
    return list(cb.columns)


def respondent(cb, r: int, level: int | None, blanks: frozenset[str] = frozenset(), **profile):
    """One respondent's row (in :func:`survey_header` order): ``level`` answers every item
    the same (a constant pattern), ``None`` answers item k with ``1 + (r + k) % 5``."""
    fields = {f.id: f for f in cb.profile}
    row = {
        cb.id_column: f"R{r + 1:02d}",
        "desa": fields["desa"].choices[r % len(fields["desa"].choices)],
        "jenis_kelamin": fields["jenis_kelamin"].choices[r % 2],
        "umur": 25 + r,
        "pendidikan": "SMA/SMK",
        "lama_psm": 1 + r % 9,
        "diklat": "Ya" if r % 3 else "Tidak",
        "bimtek": "Ya" if r % 2 else "Tidak",
    } | profile
    for k, item in enumerate(cb.items):
        scale = cb.scale_of_item(item.id)
        value = level if level is not None else scale.low + (r + k) % (scale.high - scale.low + 1)
        row[item.id] = None if item.id in blanks else value
    return [row.get(c) for c in survey_header(cb)]


@dataclass
class Fieldwork:
    """One set of raw inputs; ``None`` for a family leaves the demo inputs in use.

    ``survey``: respondent rows (:func:`respondent`); ``codebook_edits``: (old, new)
    replacements in the questionnaire codebook text; ``segments``: (informant, document,
    code, quote, coder) rows; ``roster``: informant ids of :data:`INFORMANTS`;
    ``register``: kecamatan the register covers (their Tabel I.2 counts of PSM).
    """

    survey: list[list[object]] | None = None
    codebook_edits: list[tuple[str, str]] = field(default_factory=list)
    segments: list[tuple[str, str, str, str, str]] | None = None
    roster: tuple[str, ...] | None = None
    register: tuple[str, ...] | None = None

    def plant(self, root: Path) -> None:
        if self.codebook_edits:
            path = root / "data/raw/survey/codebook.yml"
            text = path.read_text(encoding="utf-8")
            for old, new in self.codebook_edits:
                assert old in text, old
                text = text.replace(old, new)
            path.write_text(text, encoding="utf-8")
        if self.survey is not None:
            write(root, SURVEY_FILE, csv_bytes(survey_header(survey_codebook()), self.survey))
        if self.segments is not None:
            write(root, CODINGS_FILE, csv_bytes(CODINGS_HEADER, [list(s) for s in self.segments]))
            ids = self.roster or tuple(i[0] for i in INFORMANTS)
            rows = [
                [iid, name, job, group, "2026-02-03", f"Transkrip {iid}"]
                for iid, name, job, group in INFORMANTS
                if iid in ids
            ]
            write(root, ROSTER_FILE, csv_bytes(ROSTER_HEADER, rows))
        if self.register is not None:
            write(
                root, REGISTER_FILE, csv_bytes(REGISTER_HEADER, register_rows(root, self.register))
            )


@functools.cache
def _register_reference():
    """The desa of every kecamatan and Tabel I.2's PSM per kecamatan, from the files the
    project ships (the same in every project copy), read once."""
    from psm_analysis.config import get_paths
    from psm_analysis.regions import desa_table
    from psm_analysis.register.sources import table_i2

    paths = get_paths(REPO)
    return desa_table(paths), table_i2(paths).set_index("kecamatan")["jumlah_psm"]


def register_rows(root: Path, kecamatan: tuple[str, ...]) -> list[list[object]]:
    """As many PSM per kecamatan as Tabel I.2 says, on its desa in turn; the Bunut PSM on
    the desa of the demo respondents (so that answers and register agree)."""
    villages, i2 = _register_reference()
    rows = []
    for kec in kecamatan:
        desa = villages.loc[villages["kecamatan"] == kec, "nama"].tolist()
        for k in range(int(i2[kec])):
            n = len(rows) + 1
            rows.append(
                [f"SK-{n:03d}", kec, desa[k % len(desa)], "aktif", 2010, "ya", 2014, "tidak"]
            )
    return rows


def demo_segments() -> list[tuple[str, str, str, str, str]]:
    """The demo codings of the main coder, as (informant, document, code, quote, coder),
    limited to the informants of :data:`INFORMANTS`."""
    with (DEMO / "interviews/segmen_terkode_DEMO.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    ids = {i[0] for i in INFORMANTS}
    return [
        (r["id_informan"], r["dokumen"], r["kode"], r["kutipan"], r["pengkode"])
        for r in rows
        if r["id_informan"] in ids
    ]


def clean(root: Path):
    """``psm-analysis clean`` on ``root``; returns the CleanResult."""
    from psm_analysis import pipeline
    from psm_analysis.config import get_paths

    return pipeline.clean(paths=get_paths(root))


def check_processed(root: Path) -> list[str]:
    """Every processed CSV, as :func:`psm_analysis.catalog.load` reads it, against the
    catalog: the mismatches (empty when all conform)."""
    from psm_analysis import catalog
    from psm_analysis.config import get_paths

    paths = get_paths(root)
    wrong = []
    for entry in catalog.CATALOG.values():
        if entry.is_table and (paths.processed / entry.name).is_file():
            wrong += catalog.check_frame(entry.name, catalog.load(entry.name, paths))
    return wrong
