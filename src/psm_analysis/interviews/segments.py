"""Reading coded segments from the input formats, and checking them.

A REFI-QDA project (``.qdpx``: NVivo, ATLAS.ti, MAXQDA, QualCoder) is read by
:mod:`.refi` (format ``qdpx``, a row per coding of a text selection, with its positions);
a Word transcript (``.docx``, codes in comments or a coding table) by :mod:`.word`
(format ``word``; a code may also be written as the code's label).
The tables, recognised by their header row:

- ``segmen`` -- the project's own CSV/XLSX (``segmen_terkode.csv``): ``id_informan``,
  ``dokumen``, ``kode``, ``kutipan``, ``pengkode`` (``dokumen`` and ``pengkode`` may be
  left empty: the document is then the informant id, the coder the file name).
- ``taguette`` -- Taguette's highlights export (``id``, ``document``, ``tag``, ``content``;
  one row per highlight and tag; comma-separated UTF-8; CRLF line ends). The export holds no
  coder, so the coder is taken from the file name: the part after the last ``__``
  (``taguette__pengkode_2.csv`` -> ``pengkode_2``), else the whole file stem. Highlights
  without a tag (an empty ``tag``) carry no code and are skipped.
- ``qualcoder`` -- QualCoder's coded-text report (Reports > Coding reports > export csv or
  xlsx). 3.6 and later: ``File`` (or ``Case`` followed by ``Filename``), ``Coder``,
  ``Coded``, ``Id``, ``Codename``, ``Coded_Memo``, then one ``Category`` column per level
  (immediate parent first); the CSV is UTF-8 with a BOM, every cell quoted. 3.3-3.5 xlsx:
  ``File/case``, ``Coder``, ``Coded``, ``Id``, ``Codename``, ``Category``... (no memo; the
  first column holds the file name, or the case name of a case report). Image and
  audio/video codings (``Id`` ``imid:``/``avid:``) are skipped. The CSV of 3.5 and earlier
  (one column per code, no coder) is refused with a message naming the export to use.

Taguette and QualCoder name documents, not informants: documents map to informants through
the roster's ``dokumen`` column or ``dokumen_informan.csv`` (see :mod:`.roster`).

Every problem of every file is collected (codes not in the codebook, informants not in the
roster, documents without an informant, empty quotes, duplicated segments), located by file
and row as Excel shows it.
"""

from __future__ import annotations

import re
from pathlib import Path

from psm_analysis.errors import DataError, Problem, display_path
from psm_analysis.interviews.codebook import Codebook, normalize_code
from psm_analysis.interviews.roster import Roster, norm_doc, read_roster_table

#: Canonical columns of a read segment.
COLUMNS = [
    "berkas",
    "lembar",
    "baris",
    "format",
    "dokumen",
    "id_informan",
    "kode_asli",
    "kategori",
    "kutipan",
    "pengkode",
    "memo",
    "id_asli",
]

#: The header of each field, per format (for messages that name the column).
FIELDS = {
    "segmen": {
        "dokumen": "dokumen",
        "informan": "id_informan",
        "kode": "kode",
        "kutipan": "kutipan",
    },
    "taguette": {
        "dokumen": "document",
        "informan": "document",
        "kode": "tag",
        "kutipan": "content",
    },
    "qualcoder": {"dokumen": "File", "informan": "File", "kode": "Codename", "kutipan": "Coded"},
    "qdpx": {
        "dokumen": "TextSource name",
        "informan": "TextSource name",
        "kode": "CodeRef",
        "kutipan": "PlainTextSelection",
    },
    "word": {"dokumen": "dokumen", "informan": "dokumen", "kode": "kode", "kutipan": "teks"},
}
SUFFIXES = (".csv", ".xlsx", ".ods", ".qdpx", ".docx")
#: Columns of QualCoder's coded-text report (3.6 and later, after ``File``/``Case``).
QUALCODER_COLUMNS = frozenset({"Coder", "Coded", "Id", "Codename", "Coded_Memo"})
#: The same in the xlsx of QualCoder 3.3-3.5, in this order after ``File/case``.
QUALCODER_COLUMNS_OLD = ("Coder", "Coded", "Id", "Codename")
#: What to export instead of QualCoder's one-column-per-code CSV (3.5 and earlier).
QUALCODER_EXPORT_HINT = (
    "laporan QualCoder per segmen: Reports > Coding reports, lalu Export 'xlsx' "
    "(QualCoder 3.3-3.5) atau 'csv'/'xlsx' (QualCoder 3.6 ke atas)"
)


def _is_qualcoder_code_columns(df) -> bool:
    """QualCoder 3.5's (and earlier) CSV coding report: one column per code (header: the
    sorted code names), each cell the coded text, a line break and the file or case name
    (``report_codes.py`` ``export_csv_file`` at tag 3.5)."""
    cells = [v for col in df.columns for v in df[col] if str(v).strip()]
    return bool(cells) and all("\n" in str(v).rstrip("\n") for v in cells)


def detect_format(columns: list[str]) -> str | None:
    """``"segmen"``, ``"taguette"``, ``"qualcoder"`` or None, from the header row."""
    cols = [str(c).strip() for c in columns]
    low = {c.lower() for c in cols}
    if cols and cols[0] in ("File", "Case") and QUALCODER_COLUMNS <= set(cols):
        return "qualcoder"
    # QualCoder 3.3-3.5 xlsx: no Coded_Memo, the file or case name under "File/case"
    if cols[:5] == ["File/case", *QUALCODER_COLUMNS_OLD]:
        return "qualcoder"
    if cols[:4] == ["id", "document", "tag", "content"]:
        return "taguette"
    if {"id_informan", "kode", "kutipan"} <= low:
        return "segmen"
    return None


def _coder_from_name(path: Path) -> str:
    stem = path.stem
    return stem.rsplit("__", 1)[-1] if "__" in stem else stem


def read_codings(path: str | Path) -> tuple[list[dict], list[Problem]]:
    """Read one codings file into canonical records (see :data:`COLUMNS`)."""
    path = Path(path)
    if path.suffix.lower() == ".qdpx":
        from psm_analysis.interviews import refi

        return refi.read_codings(path)
    if path.suffix.lower() == ".docx":
        from psm_analysis.interviews import word

        return word.read_codings(path)
    shown = display_path(path)
    try:
        df, sheet = read_roster_table(path)
    except DataError as err:
        return [], list(err.problems)
    except Exception as err:  # unreadable: one clear problem
        return [], [Problem(f"berkas kodean tidak dapat dibaca ({err})", file=shown)]
    fmt = detect_format(list(df.columns))
    if fmt is None and sheet is None and _is_qualcoder_code_columns(df):
        return [], [
            Problem(
                "laporan CSV QualCoder 3.5 atau lebih lama (satu kolom per kode, tanpa "
                "pengkode) tidak dapat dipakai",
                file=shown,
                value=", ".join(map(str, df.columns)),
                expected=QUALCODER_EXPORT_HINT,
            )
        ]
    if fmt is None:
        return [], [
            Problem(
                "format berkas kodean tidak dikenali",
                file=shown,
                sheet=sheet,
                value=", ".join(map(str, df.columns)),
                expected="kolom id_informan, dokumen, kode, kutipan, pengkode; atau ekspor "
                "Taguette (id, document, tag, content); atau laporan QualCoder "
                "(File, Coder, Coded, Id, Codename, Coded_Memo, Category; atau File/case, "
                "Coder, Coded, Id, Codename, Category dari QualCoder 3.3-3.5)",
            )
        ]
    if fmt == "segmen":
        df.columns = [str(c).strip().lower() for c in df.columns]
    records = []
    default_coder = _coder_from_name(path)
    category_cols = [c for c in df.columns if str(c).startswith("Category")]
    for i, rec in enumerate(df.to_dict("records"), start=2):
        rec = {k: ("" if v is None else str(v)) for k, v in rec.items()}
        base = {
            "berkas": shown,
            "lembar": sheet,
            "baris": i,
            "format": fmt,
            "kategori": "",
            "memo": "",
            "id_asli": "",
        }
        if fmt == "segmen":
            if not any(v.strip() for v in rec.values()):
                continue
            iid = rec.get("id_informan", "").strip()
            records.append(
                base
                | {
                    "dokumen": rec.get("dokumen", "").strip() or iid,
                    "id_informan": iid,
                    "kode_asli": rec.get("kode", "").strip(),
                    "kutipan": rec.get("kutipan", ""),
                    "pengkode": rec.get("pengkode", "").strip() or default_coder,
                    "memo": rec.get("memo", ""),
                }
            )
        elif fmt == "taguette":
            if not rec["tag"].strip():
                continue  # a highlight without a tag carries no code
            records.append(
                base
                | {
                    "dokumen": rec["document"].strip(),
                    "id_informan": "",
                    "kode_asli": rec["tag"].strip(),
                    "kutipan": rec["content"],
                    "pengkode": default_coder,
                    "id_asli": rec["id"].strip(),
                }
            )
        else:
            ident = rec["Id"].strip()
            if ident.startswith(("imid:", "avid:")):
                continue
            # a 3.3-3.5 "File/case" is a file name, or a case name in a case report
            first = df.columns[0]
            case = rec[first].strip() if first in ("Case", "File/case") else ""
            doc = rec["Filename"] if "Filename" in rec else rec[df.columns[0]]
            cats = [rec[c].strip() for c in category_cols if rec[c].strip()]
            records.append(
                base
                | {
                    "dokumen": doc.strip(),
                    "id_informan": "",
                    "kode_asli": rec["Codename"].strip(),
                    "kategori": " > ".join(cats),
                    "kutipan": rec["Coded"],
                    "pengkode": rec["Coder"].strip() or default_coder,
                    "memo": rec.get("Coded_Memo", ""),
                    "id_asli": ident,
                    "kasus": case,
                    "kolom_dokumen": "Filename" if "Filename" in rec else first,
                }
            )
    return records, []


def _norm_text(text: str) -> str:
    return " ".join(text.split()).casefold()


def check_records(
    records: list[dict], codebook: Codebook, roster: Roster, codebook_name: str | None = None
) -> tuple[list[dict], list[Problem]]:
    """Resolve codes and informants; return the good records (with ``kode``) and every
    problem found. ``records`` may come from several files."""
    problems: list[Problem] = []
    good: list[dict] = []
    ids = set(roster.ids)
    seen: dict[tuple, dict] = {}
    cb_name = codebook_name or codebook.source or "codebook"
    for r in records:
        f = FIELDS[r["format"]]
        where = {"file": r["berkas"], "sheet": r["lembar"], "row": r["baris"]}
        ok = True
        cats = [c for c in r["kategori"].split(" > ") if c]
        path = codebook.resolve(r["kode_asli"], cats or None)
        if path is None and r["format"] == "word":
            # a code typed in a Word comment may be the code's label
            label = " ".join(r["kode_asli"].split()).casefold()
            path = next((c.path for c in codebook.codes if c.label.casefold() == label), None)
        if not r["kode_asli"]:
            problems.append(Problem("kode kosong", column=f["kode"], **where))
            ok = False
        elif path is None:
            shown = r["kode_asli"] + (f" (kategori {r['kategori']})" if r["kategori"] else "")
            if r["format"] == "word":
                quote = " ".join(r["kutipan"].split())
                quote = quote if len(quote) <= 60 else quote[:57] + "..."
                shown += f' pada teks "{quote}" di dokumen {r["dokumen"]}'
            problems.append(
                Problem(
                    "kode tidak ada di codebook",
                    column=f["kode"],
                    value=shown,
                    expected=f"salah satu kode di {cb_name}",
                    **where,
                )
            )
            ok = False
        elif not codebook.get(path).codable:
            problems.append(
                Problem(
                    "kode ini hanya pengelompok dan tidak dipakai untuk segmen",
                    column=f["kode"],
                    value=r["kode_asli"],
                    expected="kode turunannya, mis. " + path + ".<kode>",
                    **where,
                )
            )
            ok = False
        iid = r["id_informan"]
        if r["format"] == "segmen":
            if not iid:
                problems.append(Problem("id_informan kosong", column=f["informan"], **where))
                ok = False
            elif iid not in ids:
                problems.append(
                    Problem(
                        "informan tidak ada di daftar informan",
                        column=f["informan"],
                        value=iid,
                        expected=f"id_informan di {roster.source}",
                        **where,
                    )
                )
                ok = False
        else:
            case = r.get("kasus", "")
            iid = case if case in ids else roster.informant_for_document(case) if case else None
            iid = iid or roster.informant_for_document(r["dokumen"]) or ""
            if not iid:
                column = r.get("kolom_dokumen") or f["informan"]
                problems.append(
                    Problem(
                        "dokumen tidak terpetakan ke informan",
                        column=column,
                        value=r["dokumen"],
                        expected=f"kolom 'dokumen' di {roster.source} atau dokumen_informan.csv",
                        **where,
                    )
                )
                ok = False
        if not r["kutipan"].strip():
            problems.append(Problem("kutipan kosong", column=f["kutipan"], **where))
            ok = False
        if not ok:
            continue
        # a QDA project's selections have positions: the same words coded twice in one
        # transcript are two segments there
        key = (r["pengkode"], norm_doc(r["dokumen"]), path, _norm_text(r["kutipan"]))
        key += (r.get("awal"),)
        if key in seen:
            first = seen[key]
            where_first = (
                f"berkas {first['berkas']} baris {first['baris']}"
                if first["berkas"] != r["berkas"]
                else f"baris {first['baris']}"
            )
            problems.append(
                Problem(
                    f"segmen ganda: sama dengan {where_first} (pengkode, "
                    "dokumen, kode, dan kutipan sama)",
                    column=f["kutipan"],
                    **where,
                )
            )
            continue
        seen[key] = r
        good.append(r | {"id_informan": iid, "kode": path})
    return good, problems


def codings_files(folder: Path) -> list[Path]:
    """The codings files in ``folder``: CSV/XLSX, REFI-QDA projects (``.qdpx``) and Word
    transcripts (``.docx``) except the codebook, the document map and READMEs (hidden files and Excel lock files ``~$...`` aside)."""
    from psm_analysis.interviews.codebook import is_codebook_file
    from psm_analysis.interviews.roster import MAPPING_NAME

    if not folder.is_dir():
        return []
    out = []
    for p in sorted(folder.rglob("*")):
        name = p.name.lower()
        if (
            not p.is_file()
            or name.startswith((".", "~$"))
            or p.suffix.lower() not in SUFFIXES
            or is_codebook_file(p)
            or name == MAPPING_NAME
            or name.startswith("readme")
        ):
            continue
        out.append(p)
    return out


def coder_key(name: str) -> str:
    """A coder's name compared without case and spacing differences.

    >>> coder_key("  Peneliti ") == coder_key("peneliti")
    True
    """
    return " ".join(name.split()).casefold()


def merge_coder_spellings(records: list[dict]) -> tuple[list[dict], list[str]]:
    """One spelling per coder: names equal but for case and spacing are one coder.

    "peneliti" typed once as "Peneliti" must not make a second coder (whose segments
    would leave the analysis and enter the agreement as another person). Each group of
    spellings takes its most frequent one (the first in sorting on a tie).

    Returns
    -------
    (list of dict, list of str)
        The records with ``pengkode`` replaced, and one Indonesian warning per coder
        whose spellings were merged, naming them and their counts.
    """
    from collections import Counter

    counts = Counter(r["pengkode"] for r in records)
    groups: dict[str, list[str]] = {}
    for name in sorted(counts):
        groups.setdefault(coder_key(name), []).append(name)
    chosen, warnings = {}, []
    for names in groups.values():
        best = sorted(names, key=lambda n: (-counts[n], n))[0]
        chosen.update(dict.fromkeys(names, best))
        if len(names) > 1:
            listed = ", ".join(f'"{n}" ({counts[n]} segmen)' for n in names)
            warnings.append(
                f'nama pengkode {listed} dianggap satu pengkode "{best}" '
                "(beda huruf besar/kecil atau spasi saja)"
            )
    return [r | {"pengkode": chosen[r["pengkode"]]} for r in records], warnings


def read_all(
    files: list[Path], codebook: Codebook, roster: Roster, warnings: list[str] | None = None
) -> list[dict]:
    """Read and check every codings file; raise one DataError with every problem.

    Coder names that differ only in case or spacing are merged
    (:func:`merge_coder_spellings`); a warning for each is appended to ``warnings``.
    """
    records: list[dict] = []
    problems: list[Problem] = []
    for f in files:
        recs, probs = read_codings(f)
        records += recs
        problems += probs
    records, merged = merge_coder_spellings(records)
    if warnings is not None:
        warnings.extend(merged)
    good, probs = check_records(records, codebook, roster)
    DataError.collect(problems + probs)
    return good


def informant_sort_key(informant_id: str):
    """Natural order: I-2 before I-10."""
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", informant_id)]


__all__ = [
    "COLUMNS",
    "check_records",
    "codings_files",
    "coder_key",
    "merge_coder_spellings",
    "detect_format",
    "normalize_code",
    "read_all",
    "read_codings",
]
