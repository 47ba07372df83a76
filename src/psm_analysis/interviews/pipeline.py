"""Builder of the interview outputs: ``build_outputs(paths) -> BuildOutput``.

Inputs:

- codings: every CSV/XLSX, REFI-QDA project (``.qdpx``) and Word transcript (``.docx``) in
  ``data/raw/interviews`` other than the codebook, the document map and READMEs (formats:
  see :mod:`.segments`). When that folder holds no codings, the
  demo inputs in ``data/demo/interviews`` are used (``demo=True``) with the demo roster in
  ``data/demo/private``.
- the roster ``informan*.csv``/``.xlsx`` in ``data/raw/private`` (``data/demo/private`` for the
  demo), and optionally ``dokumen_informan.csv`` beside it or beside the codings;
- the codebook (:func:`.codebook.default_codebook_path`).

Outputs (``data/processed``), none holding a name from the roster -- memos and document
names have every roster name replaced by the pseudonym, quotes by "[nama PSM]" or
"[nama informan]" (:mod:`.privacy`), and
every output is checked for the names once more before it is returned:

======================================  =====================================================
``wawancara_informan.csv``              informants: id, pseudonym, group, position, date
``wawancara_segmen.csv``                every coded segment (all coders), ``analisis`` flag
``wawancara_kode_frekuensi.csv``        per code: segments, informants, groups
``wawancara_matriks_kode_kelompok.csv`` code x informant group (long, zeros included)
``wawancara_matriks_kode_informan.csv`` code x informant (long, zeros included)
``wawancara_triangulasi.csv``           groups supporting each code; single-group flag
``wawancara_hambatan_peringkat.csv``    hambatan ranked by informants
``wawancara_kutipan.csv``               quotes per code, pseudonymous
``wawancara_kesepakatan.csv``           Cohen's kappa per code; Krippendorff's alpha overall
``wawancara_ketidaksepakatan.csv``      the disagreements, to discuss
``wawancara_kesepakatan_karakter.csv``  agreement by character overlap (:mod:`.overlap`)
``wawancara_codebook.csv`` / ``.qdc``   the codebook as a table and as REFI-QDA
``wawancara_codebook_taguette.csv``     the codebook as Taguette imports it (tag, description)
``wawancara_pertanyaan.csv``            the interview guide: questions per code and group
======================================  =====================================================
"""

from __future__ import annotations

import pandas as pd

from psm_analysis import catalog
from psm_analysis.config import Paths, get_paths
from psm_analysis.contracts import BuildOutput, InputInfo
from psm_analysis.errors import DataError, Problem, display_path
from psm_analysis.interviews.inputs import Inputs, locate_inputs

PREFIX = "wawancara_"
SOURCE_REAL = "Hasil wawancara penelitian, Kecamatan Bunut"
SOURCE_DEMO = "DATA CONTOH - bukan data penelitian (wawancara rekaan)"


def _roster_or_problem(inputs: Inputs, paths: Paths):
    from psm_analysis.interviews.roster import load_roster

    if inputs.roster is None:
        folder = paths.demo / "private" if inputs.demo else paths.raw_private
        raise DataError(
            Problem(
                "daftar informan tidak ditemukan",
                file=display_path(folder),
                expected="informan.csv atau informan.xlsx (id_informan, nama, jabatan, kelompok, "
                "tanggal_wawancara)",
            )
        )
    return load_roster(inputs.roster, inputs.mapping_dirs)


def segments_frame(records: list[dict], roster, redact, redact_quote=None) -> pd.DataFrame:
    """The checked records as the segments table, names replaced by pseudonyms
    (``redact``), inside quotes by placeholders (``redact_quote``, default ``redact``)."""
    from psm_analysis.interviews.roster import norm_doc, pseudonym

    groups = dict(zip(roster.frame["id_informan"], roster.frame["kelompok"], strict=True))
    rows = []
    for i, r in enumerate(records, start=1):
        iid = r["id_informan"]
        quote = (redact_quote or redact)(" ".join(r["kutipan"].split()))
        rows.append(
            {
                "id_segmen": f"S-{i:04d}",
                "berkas": redact(r["berkas"]),
                "baris": r["baris"],
                "format": r["format"],
                "dokumen": redact(r["dokumen"]),
                "id_informan": iid,
                "pseudonim": pseudonym(iid, groups[iid]),
                "kelompok": groups[iid],
                "pengkode": redact(r["pengkode"]),
                "kode": r["kode"],
                "kutipan": quote,
                "memo": redact(r["memo"]),
                # positions in the transcript (QDA projects, Word), for the agreement by
                # character overlap
                "awal": r.get("awal"),
                "akhir": r.get("akhir"),
                "panjang_dokumen": r.get("panjang_dokumen"),
                # internal keys, dropped before writing
                "dokumen_kunci": norm_doc(r["dokumen"]),
                "kutipan_kunci": quote.casefold(),
            }
        )
    cols = [
        "id_segmen",
        "berkas",
        "baris",
        "format",
        "dokumen",
        "id_informan",
        "pseudonim",
        "kelompok",
        "pengkode",
        "kode",
        "kutipan",
        "memo",
        "awal",
        "akhir",
        "panjang_dokumen",
        "dokumen_kunci",
        "kutipan_kunci",
    ]
    return pd.DataFrame(rows, columns=cols).astype(
        {"awal": "Int64", "akhir": "Int64", "panjang_dokumen": "Int64"}
    )


def _informants(roster, seg: pd.DataFrame) -> pd.DataFrame:
    from psm_analysis.interviews.roster import public_roster

    df = public_roster(roster)
    a = seg[seg["analisis"]]
    df["jumlah_dokumen"] = (
        df["id_informan"].map(a.groupby("id_informan")["dokumen"].nunique()).fillna(0).astype(int)
    )
    df["jumlah_segmen"] = (
        df["id_informan"].map(a.groupby("id_informan").size()).fillna(0).astype(int)
    )
    return df


def build_tables(seg: pd.DataFrame, codebook, roster) -> dict[str, pd.DataFrame]:
    """Every interview table (without the ``sumber`` column), from the segments table."""
    from psm_analysis.interviews import analysis as an
    from psm_analysis.interviews.overlap import character_agreement
    from psm_analysis.interviews.quotes import with_citations

    seg = seg.copy()
    seg["analisis"] = an.analysis_mask(seg).astype(bool) if len(seg) else pd.Series(dtype=bool)
    a = seg[seg["analisis"]]
    informants = _informants(roster, seg)
    agree, disagree = an.agreement(seg, codebook)
    public_seg = seg.drop(columns=["dokumen_kunci", "kutipan_kunci"])
    return {
        "informan": informants,
        "segmen": public_seg.astype({"analisis": "bool"}),
        "kode_frekuensi": an.code_frequency(a, codebook, informants),
        "matriks_kode_kelompok": an.code_group_matrix(a, codebook, informants),
        "matriks_kode_informan": an.code_informant_matrix(a, codebook, informants),
        "triangulasi": an.triangulation(a, codebook, informants),
        "hambatan_peringkat": an.hambatan_ranking(a, codebook, informants),
        "kutipan": with_citations(an.quotes(a, codebook), seg, roster),
        "kesepakatan": agree,
        "ketidaksepakatan": disagree,
        "kesepakatan_karakter": character_agreement(seg, codebook),
        "codebook": codebook.to_frame(),
        "pertanyaan": codebook.questions_frame(),
    }


def build_outputs(paths: Paths | None = None) -> BuildOutput:
    """Read, check, pseudonymise and analyse the interview codings; write nothing."""
    from psm_analysis.files import csv_bytes
    from psm_analysis.interviews.codebook import (
        load_interview_codebook,
        to_qdc,
        to_taguette_csv,
        xsd_path,
    )
    from psm_analysis.interviews.privacy import (
        make_quote_redactor,
        make_redactor,
        place_names,
        scan_texts,
    )
    from psm_analysis.interviews.roster import pseudonym
    from psm_analysis.interviews.segments import read_all

    paths = paths or get_paths()
    inputs = locate_inputs(paths)
    if not inputs.codings:
        return BuildOutput()
    problems: list[Problem] = []
    codebook = roster = None
    from psm_analysis.interviews.codebook import default_codebook_path

    try:
        cb_path = default_codebook_path(paths)
        codebook = load_interview_codebook(cb_path, paths)
    except DataError as err:
        problems += err.problems
    try:
        roster = _roster_or_problem(inputs, paths)
    except DataError as err:
        problems += err.problems
    DataError.collect(problems)
    warnings: list[str] = []
    records = read_all(list(inputs.codings), codebook, roster, warnings)
    shown = {display_path(f): display_path(f, paths) for f in inputs.codings}
    records = [r | {"berkas": shown.get(r["berkas"], r["berkas"])} for r in records]

    names = {
        pseudonym(i, g): n
        for i, g, n in zip(
            roster.frame["id_informan"], roster.frame["kelompok"], roster.frame["nama"], strict=True
        )
    }
    places = place_names(paths)
    redact = make_redactor(names, places)
    people = zip(roster.frame["kelompok"], roster.frame["nama"], strict=True)
    seg = segments_frame(records, roster, redact, make_quote_redactor(people, places))
    tables = build_tables(seg, codebook, roster)
    source = SOURCE_DEMO if inputs.demo else SOURCE_REAL
    files: dict[str, object] = {}
    for name, df in tables.items():
        df = catalog.typed(f"{PREFIX}{name}.csv", df)  # one coder: no agreement rows
        if name not in ("codebook", "pertanyaan"):
            df = df.assign(sumber=source)
        files[f"{PREFIX}{name}.csv"] = df
    files[f"{PREFIX}codebook.qdc"] = to_qdc(codebook)
    files[f"{PREFIX}codebook_taguette.csv"] = to_taguette_csv(codebook)

    # Defence in depth: no output may hold a roster name, whatever column it came from.
    texts = {
        n: (csv_bytes(v) if isinstance(v, pd.DataFrame) else v).decode("utf-8")
        for n, v in files.items()
    }
    DataError.collect(scan_texts(texts, list(roster.frame["nama"]), places))

    # a transcript or codings file may be named after its informant ("wawancara_marzuki")
    # what a reader decided about a file (a QDA project's position convention)
    notes = {r["berkas"]: r.get("catatan_berkas", "") for r in records}
    used = [
        InputInfo(
            "interviews",
            redact(display_path(p, paths)),
            inputs.demo,
            redact(notes.get(display_path(p, paths), "")),
        )
        for p in inputs.codings
    ]
    used.append(InputInfo("interviews", display_path(inputs.roster, paths), inputs.demo))
    used.append(InputInfo("interviews", display_path(cb_path, paths), False))
    used.append(InputInfo("reference", display_path(xsd_path(paths), paths), False))
    return BuildOutput(files=files, inputs=used, warnings=warnings)
