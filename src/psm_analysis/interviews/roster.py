"""The informant roster and the pseudonyms used everywhere downstream.

The roster (``data/raw/private/informan.csv`` or ``.xlsx``; git-ignored) has one row per
informant: ``id_informan``, ``nama``, ``jabatan``, ``kelompok``, ``tanggal_wawancara`` and,
optionally, ``dokumen`` (the transcript name(s) used in the QDA tool, several separated by
``;``). Documents can instead be mapped in a small file ``dokumen_informan.csv`` (columns
``dokumen``, ``id_informan`` and, optionally, ``tanggal_wawancara`` when an informant was
interviewed more than once) in ``data/raw/private`` or ``data/raw/interviews``.

The pseudonym of an informant is ``"<id_informan> (<kelompok>)"``, e.g. ``"I-03 (PSM)"``.
The roster itself never leaves the private folder: only :func:`public_roster` (no names)
goes to data/processed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from psm_analysis import csvtext
from psm_analysis.errors import DataError, Problem, display_path

#: The informant groups of the study design, in the order tables show them.
GROUPS = ("Dinas Sosial", "TKSK", "PSM", "Pemerintah Kecamatan/Desa", "Masyarakat")
REQUIRED = ("id_informan", "nama", "jabatan", "kelompok", "tanggal_wawancara")
ROSTER_STEM = "informan"
MAPPING_NAME = "dokumen_informan.csv"
TABLE_SUFFIXES = (".csv", ".xlsx", ".ods")


def _norm_group(text: str) -> str | None:
    key = " ".join(str(text).split()).casefold()
    for g in GROUPS:
        if key == g.casefold():
            return g
    aliases = {
        "dinsos": "Dinas Sosial",
        "pemerintah kecamatan": "Pemerintah Kecamatan/Desa",
        "pemerintah desa": "Pemerintah Kecamatan/Desa",
        "kecamatan/desa": "Pemerintah Kecamatan/Desa",
        "tokoh masyarakat": "Masyarakat",
    }
    return aliases.get(key)


def _date_text(text: str) -> str:
    """An Excel date read as text ("2019-04-15 00:00:00") without its midnight time."""
    return re.sub(r"^(\d{4}-\d{2}-\d{2})[ T]00:00:00$", r"\1", text.strip())


def norm_doc(text: object) -> str:
    """Document names compare without case, surrounding spaces or a file extension."""
    s = " ".join(str(text).split()).casefold()
    for ext in (".docx", ".doc", ".txt", ".odt", ".pdf", ".rtf"):
        if s.endswith(ext):
            s = s[: -len(ext)]
    return s


#: Sheets read from a workbook in preference to the first one (lowercase).
PREFERRED_SHEETS = ("segmen", "segmen_terkode", "highlights", "informan", "dokumen_informan")


def read_roster_table(path: Path):
    """A CSV (decoded by :mod:`psm_analysis.csvtext`: UTF-8 with or without BOM, or
    Windows-1252 as Excel writes it; comma or semicolon) or a sheet of an xlsx (the first
    named in :data:`PREFERRED_SHEETS`, else the first sheet), all cells as text; returns
    (DataFrame, sheet name or None)."""
    import pandas as pd

    if path.suffix.lower() == ".xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(path, read_only=True)
        names = wb.sheetnames
        wb.close()
        preferred = [n for n in names if n.strip().lower() in PREFERRED_SHEETS]
        sheet = preferred[0] if preferred else names[0]
        df = pd.read_excel(path, dtype=str, keep_default_na=False, sheet_name=sheet)
        return df.fillna(""), sheet
    if path.suffix.lower() == ".ods":  # LibreOffice / WPS
        from psm_analysis.sheets import ods_grid

        grid, sheet = ods_grid(path, display_path(path), PREFERRED_SHEETS)
        text = [["" if v is None else str(v) for v in row] for row in grid]
        header = [h.strip() for h in text[0]] if text else []
        return pd.DataFrame(text[1:], columns=header, dtype=str), sheet
    return csvtext.read_frame(path, display_path(path)), None


@dataclass
class Roster:
    """The informants, indexed by id, with the document map."""

    frame: object  # pandas DataFrame: id_informan, nama, jabatan, kelompok, tanggal_wawancara
    documents: dict[str, str] = field(default_factory=dict)  # norm_doc(name) -> id_informan
    source: str | None = None
    # norm_doc(name) -> interview date, from the document map's optional tanggal_wawancara
    document_dates: dict[str, str] = field(default_factory=dict)

    def interview_date(self, informant_id: str, document: str = "") -> str:
        """The date of the interview a document records: the document map's
        ``tanggal_wawancara`` for that document, else the roster's date for the informant
        ('' when neither has one)."""
        date = self.document_dates.get(norm_doc(document), "")
        if date:
            return date
        row = self.frame.loc[self.frame["id_informan"] == informant_id, "tanggal_wawancara"]
        return str(row.iloc[0]) if len(row) else ""

    @property
    def ids(self) -> list[str]:
        return list(self.frame["id_informan"])

    def pseudonym(self, informant_id: str) -> str:
        row = self.frame.loc[self.frame["id_informan"] == informant_id]
        return pseudonym(informant_id, row["kelompok"].iloc[0])

    def group(self, informant_id: str) -> str:
        return self.frame.loc[self.frame["id_informan"] == informant_id, "kelompok"].iloc[0]

    def informant_for_document(self, document: str) -> str | None:
        return self.documents.get(norm_doc(document))

    def names(self) -> dict[str, str]:
        """id_informan -> full name (private: never written to data/processed)."""
        return dict(zip(self.frame["id_informan"], self.frame["nama"], strict=True))


def pseudonym(informant_id: str, group: str) -> str:
    """``pseudonym("I-03", "PSM") == "I-03 (PSM)"``."""
    return f"{informant_id} ({group})"


def read_roster(path: str | Path) -> Roster:
    """Read and check a roster; raise one DataError with every problem found."""
    path = Path(path)
    shown = display_path(path)
    try:
        df, sheet = read_roster_table(path)
    except DataError:
        raise
    except Exception as err:  # unreadable file: one clear problem
        raise DataError(
            Problem(f"daftar informan tidak dapat dibaca ({err})", file=shown)
        ) from None
    df.columns = [str(c).strip().lower() for c in df.columns]
    missing = [c for c in REQUIRED if c not in df.columns]
    if missing:
        raise DataError(
            Problem(
                "kolom wajib tidak ada di daftar informan",
                file=shown,
                sheet=sheet,
                value=", ".join(missing),
                expected=", ".join(REQUIRED),
            )
        )
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    documents: dict[str, str] = {}
    rows = []
    for i, rec in enumerate(df.to_dict("records"), start=2):
        rec = {k: str(v).strip() for k, v in rec.items()}
        if not any(rec.values()):
            continue
        where = {"file": shown, "sheet": sheet, "row": i}
        iid = rec["id_informan"]
        if not iid:
            problems.append(Problem("id_informan kosong", column="id_informan", **where))
            continue
        if iid in seen:
            problems.append(
                Problem(
                    f"id_informan sama dengan baris {seen[iid]}",
                    column="id_informan",
                    value=iid,
                    **where,
                )
            )
            continue
        seen[iid] = i
        if not rec["nama"]:
            problems.append(Problem("nama informan kosong", column="nama", **where))
        group = _norm_group(rec["kelompok"])
        if group is None:
            problems.append(
                Problem(
                    "kelompok informan tidak dikenal",
                    column="kelompok",
                    value=rec["kelompok"],
                    expected=", ".join(GROUPS),
                    **where,
                )
            )
            continue
        for doc in filter(None, (d.strip() for d in rec.get("dokumen", "").split(";"))):
            documents[norm_doc(doc)] = iid
        rows.append(
            {
                "id_informan": iid,
                "nama": rec["nama"],
                "jabatan": rec["jabatan"],
                "kelompok": group,
                "tanggal_wawancara": _date_text(rec["tanggal_wawancara"]),
            }
        )
    DataError.collect(problems)
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(REQUIRED))
    return Roster(frame, documents, shown)


def read_mapping(path: Path, roster: Roster) -> list[Problem]:
    """Add ``dokumen_informan.csv`` entries to ``roster.documents``; return problems."""
    shown = display_path(path)
    df, sheet = read_roster_table(path)
    df.columns = [str(c).strip().lower() for c in df.columns]
    if not {"dokumen", "id_informan"} <= set(df.columns):
        return [
            Problem(
                "kolom wajib tidak ada di peta dokumen", file=shown, expected="dokumen, id_informan"
            )
        ]
    problems = []
    ids = set(roster.ids)
    for i, rec in enumerate(df.to_dict("records"), start=2):
        doc, iid = str(rec["dokumen"]).strip(), str(rec["id_informan"]).strip()
        if not doc and not iid:
            continue
        if iid not in ids:
            problems.append(
                Problem(
                    "informan tidak ada di daftar informan",
                    file=shown,
                    row=i,
                    column="id_informan",
                    value=iid,
                )
            )
            continue
        roster.documents[norm_doc(doc)] = iid
        date = _date_text(str(rec.get("tanggal_wawancara", "") or ""))
        if date and date.lower() != "nan":
            roster.document_dates[norm_doc(doc)] = date
    return problems


def find_roster(folder: Path) -> Path | None:
    """``informan*.csv``/``.xlsx`` in ``folder`` (first by name), or None."""
    if not folder.is_dir():
        return None
    found = sorted(
        p
        for p in folder.iterdir()
        if p.is_file()
        and p.stem.lower().startswith(ROSTER_STEM)
        and p.suffix.lower() in TABLE_SUFFIXES
        and not p.name.startswith(".")
    )
    return found[0] if found else None


def load_roster(path: str | Path, mapping_dirs: tuple[Path, ...] = ()) -> Roster:
    """Read a roster and any ``dokumen_informan.csv`` found in ``mapping_dirs``."""
    roster = read_roster(path)
    problems = []
    for d in mapping_dirs:
        m = d / MAPPING_NAME
        if m.is_file():
            problems += read_mapping(m, roster)
    DataError.collect(problems)
    return roster


def public_roster(roster: Roster):
    """The informants without names: id, pseudonym, group, position, interview date."""
    df = roster.frame.drop(columns=["nama"]).copy()
    df.insert(
        1,
        "pseudonim",
        [pseudonym(i, g) for i, g in zip(df["id_informan"], df["kelompok"], strict=True)],
    )
    return df
