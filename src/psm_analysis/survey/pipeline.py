"""Builder of the questionnaire tables (see :mod:`psm_analysis.pipeline`).

Inputs: the codebook ``data/raw/survey/codebook.yml``, every other ``.xlsx`` /
``.csv`` in ``data/raw/survey/`` (the answers) and those in ``data/raw/survey/uji_coba/``
(the pilot answers the instrument is tested on, see :mod:`psm_analysis.survey.instrument`).
An item that fails validity is, by default, left out of every table after the validity
and reliability tables. When that folder holds no answers file,
the demo answers in ``data/demo/survey/`` are used and marked as demo data.

Outputs in ``data/processed/`` (nothing is written here; :func:`psm_analysis.pipeline.clean`
writes them):

===================================  ================================================
``kuesioner_jawaban.csv``            cleaned answers, one row per respondent (wide)
``kuesioner_jawaban_panjang.csv``    one row per respondent and item (answer, score)
``kuesioner_jawaban.sav``            the same for SPSS, with variable/value labels
``kuesioner_butir.csv``              per item: F and % per answer, score, index, category
``kuesioner_indikator.csv``          per indicator, aggregated
``kuesioner_variabel.csv``           per variable, aggregated
``kuesioner_kategori.csv``           the categorisation rule (classes and its text)
``kuesioner_reliabilitas.csv``       Cronbach's alpha per variable with Feldt's interval
                                     (items kept, on the data tested)
``kuesioner_validitas_butir.csv``    corrected item-total r, critical r, alpha if deleted,
                                     the data tested and what happened to the item
``kuesioner_perbandingan_diklat.csv``  Diklat yes/no: exact Mann-Whitney U, rank-biserial
``kuesioner_indeks_responden.csv``   per respondent: score and index per variable
``kuesioner_profil.csv``             respondent profile (F and %)
``kuesioner_buku_kode.csv``          the items with indicator, variable and scale
``kuesioner_skala.csv``              the answer scales (value, label)
===================================  ================================================
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from psm_analysis import catalog
from psm_analysis.config import Paths
from psm_analysis.contracts import BuildOutput, InputInfo
from psm_analysis.errors import DataError, Problem, display_path
from psm_analysis.inputs import real_or_demo
from psm_analysis.survey import analysis, instrument
from psm_analysis.survey.answers import ANSWER_SUFFIXES, Answers, read_answers_table, validate_table
from psm_analysis.survey.codebook import Codebook, default_codebook_path, load_survey_codebook
from psm_analysis.survey.spss import sav_bytes

PREFIX = "kuesioner_"

#: The processed CSV tables (``kuesioner_<name>.csv``), in the order :func:`tables` makes them.
TABLES = (
    "jawaban",
    "jawaban_panjang",
    "butir",
    "indikator",
    "variabel",
    "kategori",
    "reliabilitas",
    "validitas_butir",
    "perbandingan_diklat",
    "indeks_responden",
    "profil",
    "buku_kode",
    "skala",
)


def answer_files(folder: Path) -> list[Path]:
    """The answers files in ``folder`` (xlsx/csv; not the codebook, hidden files or
    Excel lock files ``~$...``), sorted by name."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file()
        and p.suffix.lower() in ANSWER_SUFFIXES
        and not p.name.startswith((".", "~$"))
    )


def find_inputs(paths: Paths) -> tuple[list[Path], bool]:
    """``(answers files, demo)``: the real answers in data/raw/survey, else the demo."""
    return real_or_demo(paths.raw_survey, paths.demo / "survey", answer_files)


def combine(answers: list[Answers], codebook: Codebook, demo: bool) -> pd.DataFrame:
    """The answers of all files in one wide table with ``berkas``, ``baris`` and
    ``data_contoh`` columns; a respondent id used in two files is a DataError."""
    problems = []
    seen: dict[str, tuple[str, int]] = {}
    frames = []
    for a in answers:
        df = a.data.copy()
        for rid, row in zip(df[codebook.id_column].astype(str), a.rows, strict=True):
            key = rid.casefold()
            if key in seen and seen[key][0] != a.file:
                problems.append(
                    Problem(
                        f"nomor responden ganda (sudah dipakai di berkas {seen[key][0]}, "
                        f"baris {seen[key][1]})",
                        file=a.file,
                        sheet=a.sheet,
                        row=row,
                        column=codebook.id_column,
                        value=rid,
                        expected="nomor responden yang unik di semua berkas",
                    )
                )
            seen.setdefault(key, (a.file, row))
        df["berkas"] = a.file
        df["baris"] = a.rows
        frames.append(df)
    DataError.collect(problems)
    wide = pd.concat(frames, ignore_index=True)
    wide["data_contoh"] = bool(demo)
    wide["data_contoh"] = wide["data_contoh"].astype(bool)
    return wide


def codebook_frames(codebook: Codebook) -> tuple[pd.DataFrame, pd.DataFrame]:
    items = []
    for i in codebook.items:
        ind = codebook.indicator(i.indicator)
        var = codebook.variable(ind.variable)
        items.append(
            {
                "butir": i.id,
                "variabel": var.id,
                "nama_variabel": var.name,
                "indikator": ind.id,
                "nama_indikator": ind.name,
                "dasar": ind.source,
                "pernyataan": i.statement,
                "dibalik": i.reverse,
                "boleh_kosong": codebook.item_missing_allowed(i),
                "skala": var.scale,
            }
        )
    scales = [
        {"skala": s.id, "nilai": v, "label": lab}
        for s in codebook.scales.values()
        for v, lab in s.values.items()
    ]
    return pd.DataFrame(items), pd.DataFrame(scales)


def _round(df: pd.DataFrame) -> pd.DataFrame:
    """Round floats to 10 decimals so the CSV bytes do not depend on the last bit."""
    out = df.copy()
    for col in out.columns:
        if pd.api.types.is_float_dtype(out[col]):
            out[col] = out[col].round(10)
    return out


def tables(
    wide: pd.DataFrame, codebook: Codebook, pilot: pd.DataFrame | None = None
) -> dict[str, pd.DataFrame]:
    """Every processed table (without the .sav) from the combined wide answers.

    The instrument is tested on ``pilot`` (the uji coba answers) when given, else on
    ``wide``; the items it drops (:mod:`psm_analysis.survey.instrument`) are left out of
    every table after the validity and reliability tables."""
    test = instrument.evaluate_instrument(
        wide if pilot is None else pilot, codebook, "utama" if pilot is None else "uji_coba"
    )
    alpha, items = test.reliability, test.validity
    items_cb, scales = codebook_frames(codebook)
    items_cb["digugurkan"] = items_cb["butir"].isin(test.dropped).astype(bool)
    codebook = codebook.without_items(test.dropped)
    indices = analysis.respondent_indices(wide, codebook).reset_index()
    out = {
        "jawaban": wide,
        "jawaban_panjang": analysis.long_answers(wide, codebook),
        "butir": analysis.item_table(wide, codebook),
        "indikator": analysis.indicator_table(wide, codebook),
        "variabel": analysis.variable_table(wide, codebook),
        "kategori": analysis.category_table(codebook),
        "reliabilitas": alpha,
        "validitas_butir": items,
        "perbandingan_diklat": analysis.group_comparison(wide, codebook),
        "indeks_responden": indices,
        "profil": analysis.profile_table(wide, codebook),
        "buku_kode": items_cb,
        "skala": scales,
    }
    if tuple(out) != TABLES:
        raise RuntimeError("survey.pipeline.TABLES is out of step with tables()")
    # a table with no rows (one respondent: no item validity) still has the catalog's dtypes
    return {
        f"{PREFIX}{k}.csv": _round(catalog.typed(f"{PREFIX}{k}.csv", v)) for k, v in out.items()
    }


def read_pilot(
    paths: Paths, codebook: Codebook, demo: bool
) -> tuple[list[Path], pd.DataFrame | None]:
    """The pilot (uji coba) answers the instrument is tested on, as ``(files, wide)``;
    ``([], None)`` when the instrument is tested on the main answers.

    The pilot is in ``data/raw/survey/uji_coba/`` (``data/demo/survey/uji_coba/`` while
    the main answers are the demo's), read and checked by the same readers as the main
    answers, with the profile columns as optional text
    (:func:`psm_analysis.survey.instrument.pilot_codebook`). The codebook's
    ``instrument_test.data`` chooses: ``uji_coba`` needs a pilot file, ``utama`` ignores
    one, left out uses the pilot where there is one.

    Raises
    ------
    DataError
        ``data: uji_coba`` and no pilot file; or every problem of the pilot files.
    """
    survey = paths.demo / "survey" if demo else paths.raw_survey
    folder = instrument.pilot_folder(survey)
    files = answer_files(folder)
    wanted = codebook.instrument_test.data
    if wanted == "utama" or (wanted is None and not files):
        return [], None
    if not files:
        raise DataError(
            Problem(
                "buku kode meminta uji instrumen pada data uji coba, tetapi tidak ada berkas "
                "jawaban uji coba (.xlsx/.csv)",
                file=display_path(folder, paths),
                expected="simpan jawaban uji coba di folder ini, atau tulis "
                "'instrument_test: {data: utama}' di buku kode",
            )
        )
    pilot_cb = instrument.pilot_codebook(codebook)
    answers = _read_valid(files, pilot_cb)
    return files, combine(answers, pilot_cb, demo)


def _read_valid(files, codebook) -> list:
    """The validated answers of every file, or one DataError with the problems of all of
    them (the main answers and the pilot are read alike)."""
    problems, answers = [], []
    for f in files:
        try:
            table = read_answers_table(f, codebook)
        except DataError as err:
            problems.extend(err.problems)
            continue
        ans, found = validate_table(table, codebook)
        problems.extend(found)
        if ans is not None:
            answers.append(ans)
    DataError.collect(problems)
    return answers


def build_outputs(paths: Paths) -> BuildOutput:
    """Read the codebook and the answers, validate everything, return the tables.

    Raises
    ------
    DataError
        With every problem of the codebook, or of all answers files at once.
    """
    cb_path = default_codebook_path(paths)
    codebook = load_survey_codebook(cb_path)
    files, demo = find_inputs(paths)
    if not files:
        raise DataError(
            Problem(
                "tidak ada berkas jawaban kuesioner (.xlsx/.csv) di data/raw/survey/ "
                "maupun data contoh di data/demo/survey/",
                file=display_path(paths.raw_survey),
                expected="jalankan `psm-analysis demo --out data/demo` atau simpan jawaban di data/raw/survey/",
            )
        )
    answers = _read_valid(files, codebook)
    wide = combine(answers, codebook, demo)
    pilot_files, pilot = read_pilot(paths, codebook, demo)
    out = tables(wide, codebook, pilot)
    label = "DATA CONTOH - bukan data penelitian" if demo else codebook.title
    out[f"{PREFIX}jawaban.sav"] = sav_bytes(wide, codebook, file_label=label)
    inputs = [InputInfo("survey", display_path(cb_path, paths), False)]
    inputs += [InputInfo("survey", display_path(f, paths), demo) for f in files + pilot_files]
    return BuildOutput(files=out, inputs=inputs)
