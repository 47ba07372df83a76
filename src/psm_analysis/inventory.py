"""Every file in ``data/raw`` accounted for (issue 20, item 5).

``clean`` reads some files of ``data/raw`` and not others. Before it reads anything,
:func:`check` refuses two things that would go wrong silently:

- a roster with real names (``id_informan`` and a filled ``nama`` column) outside
  ``data/raw/private``: only that folder is ignored by git, so a commit would publish the
  names;
- a file in an input folder that the builder of that folder would read, but which holds
  another input (answers saved in ``interviews/``, a register in ``survey/``): it is named
  with the folder it belongs in instead of failing as a bad file of the wrong kind.

After the builders have run, :func:`unread` lists every file they did not read and why
(a lock file, a format no reader takes, a file that looks like another input's in a
folder no builder reads, such as a register saved in ``data/raw/`` itself). READMEs and
``.gitkeep`` are documentation and are not listed.

What a file holds is recognised from its first rows (:func:`sniff`), with the readers' own
column spellings.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from psm_analysis.config import Paths, display_path
from psm_analysis.errors import DataError, Problem

#: Kind of input -> (its folder under data/raw, how a message names it).
KINDS = {
    "survey": ("survey", "jawaban kuesioner"),
    "interviews": ("interviews", "segmen wawancara berkode"),
    "roster": ("private", "daftar informan dengan nama asli"),
    "register": ("register", "register PSM"),
}
TABLE_SUFFIXES = (".csv", ".xlsx", ".xlsm", ".ods")
LOCK_PREFIXES = ("~$", ".~lock.")
#: Documentation and system files: never listed.
QUIET = {".gitkeep", ".ds_store", "thumbs.db", "desktop.ini"}
_ROWS = 10


@dataclass(frozen=True)
class Unread:
    """A file of data/raw that ``clean`` did not read, and why (Indonesian)."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def _first_rows(path: Path) -> list[list[str]]:
    """The first rows of a table file as text ('' for empty cells); [] when unreadable."""
    try:
        suffix = path.suffix.lower()
        if suffix == ".csv":
            from psm_analysis import csvtext

            text, sep = csvtext.read_text(path, display_path(path))
            rows = [row for _, row in csvtext.records(text, sep)][:_ROWS]
        elif suffix == ".ods":
            from psm_analysis.sheets import ods_grid

            rows = ods_grid(path, display_path(path))[0][:_ROWS]
        else:
            from openpyxl import load_workbook

            wb = load_workbook(path, read_only=True, data_only=True)
            ws = wb["Data"] if "Data" in wb.sheetnames else wb.worksheets[0]
            rows = [list(r) for r in ws.iter_rows(max_row=_ROWS, values_only=True)]
            wb.close()
    except Exception:  # a damaged file is the reader's to report, not this guess's
        return []
    return [["" if v is None else str(v).strip() for v in row] for row in rows]


def sniff(path: Path, item_ids: Iterable[str] = ()) -> str | None:
    """What input ``path`` holds, from its first rows: a key of :data:`KINDS`, or None.

    Parameters
    ----------
    path : Path
        A ``.csv``, ``.xlsx``, ``.xlsm`` or ``.ods`` file.
    item_ids : iterable of str
        The questionnaire's item codes (``KIN01``...), which mark an answers file.

    Returns
    -------
    str or None
        ``"roster"`` (``id_informan`` and ``nama`` with a name under it),
        ``"interviews"`` (the header of a codings format), ``"survey"`` (``responden`` or
        a Google Forms timestamp with three or more item codes, or five item codes),
        ``"register"`` (``kecamatan`` and two more register columns), else None.
    """
    from psm_analysis.interviews.segments import detect_format
    from psm_analysis.register.read import _KEYS
    from psm_analysis.text import name_key

    items = {i.casefold() for i in item_ids}
    rows = _first_rows(path)
    for k, row in enumerate(rows):
        low = [c.casefold() for c in row]
        if "id_informan" in low and "nama" in low:
            col = low.index("nama")
            if any(len(r) > col and r[col] for r in rows[k + 1 :]):
                return "roster"
        if detect_format(row):
            return "interviews"
        marks = {"responden", "timestamp", "stempel waktu", "cap waktu"}
        if len(items & set(low)) >= 3 and (marks & set(low) or len(items & set(low)) >= 5):
            return "survey"
        keys = {_KEYS.get(name_key(c)) for c in row if c} - {None}
        if "kecamatan" in keys and len(keys) >= 3:
            return "register"
    return None


def _tables(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() in TABLE_SUFFIXES and not p.name.startswith((".", "~$"))
    )


def _item_ids(paths: Paths) -> list[str]:
    from psm_analysis.survey.codebook import default_codebook_path, load_survey_codebook

    try:
        return [i.id for i in load_survey_codebook(default_codebook_path(paths)).items]
    except DataError:
        return []  # the survey builder reports the codebook


def check(paths: Paths) -> None:
    """Refuse, before anything is read, a roster outside ``data/raw/private`` and a file
    an input folder's builder would read but which holds another input.

    Raises
    ------
    DataError
        One problem per such file, naming the folder it belongs in.
    """
    items = _item_ids(paths)
    problems = []
    own = {"survey": paths.raw_survey, "interviews": paths.raw_interviews}
    own["register"] = paths.raw / "register"
    for path in _tables(paths.raw):
        if any(
            path.is_relative_to(f)
            for f in (paths.raw_private, paths.raw_dinsos, paths.raw_reference)
        ):
            continue  # the roster's place; the shipped tables and references
        kind = sniff(path, items)
        shown = display_path(path, paths)
        if kind == "roster":
            problems.append(
                Problem(
                    "daftar informan dengan nama asli di luar data/raw/private/: git akan ikut "
                    "menerbitkannya (hanya data/raw/private/ yang diabaikan git)",
                    file=shown,
                    expected="pindahkan berkas ini ke data/raw/private/ (dan jangan di-commit)",
                )
            )
            continue
        folder = next((k for k, f in own.items() if path.is_relative_to(f)), None)
        if folder is not None and kind is not None and kind != folder:
            problems.append(
                Problem(
                    f"berkas ini tampaknya {KINDS[kind][1]}, bukan {KINDS[folder][1]}",
                    file=shown,
                    expected=f"pindahkan ke data/raw/{KINDS[kind][0]}/",
                )
            )
    DataError.collect(problems)


def unread(paths: Paths, read: Iterable[str], demo_kinds: Iterable[str] = ()) -> list[Unread]:
    """Every file of ``data/raw`` not among ``read`` (paths relative to the project root,
    as :class:`~psm_analysis.contracts.InputInfo` records them), with the reason.

    Parameters
    ----------
    paths : Paths
        The project.
    read : iterable of str
        The files the builders read.
    demo_kinds : iterable of str
        The input families taken from demo data (``"survey"``, ...): a file of that
        family found elsewhere says that the demo data took its place.

    Returns
    -------
    list of Unread
        Sorted by path.
    """
    from psm_analysis.interviews.inputs import locate_inputs
    from psm_analysis.interviews.refi import XSD_NAME

    done = set(read)
    # the REFI-QDA project schema: read by `validate interviews` and `export qdpx`, not clean
    done.add(display_path(paths.raw_reference / XSD_NAME, paths))
    interviews = locate_inputs(paths)
    if not interviews.demo:  # the codings files are recorded under pseudonymised names
        done |= {display_path(p, paths) for p in interviews.codings}
        done |= {display_path(d / "dokumen_informan.csv", paths) for d in interviews.mapping_dirs}
    demo = set(demo_kinds)
    items = None
    out = []
    for path in sorted(p for p in paths.raw.rglob("*") if p.is_file()):
        shown = display_path(path, paths)
        name = path.name.lower()
        if shown in done or name in QUIET or (name.startswith("readme") and name.endswith(".md")):
            continue
        suffix = path.suffix.lower()
        if path.name.startswith(LOCK_PREFIXES) or name.endswith("#"):
            reason = "berkas kunci Excel/LibreOffice (ada selama berkasnya dibuka): diabaikan"
        elif suffix == ".xls":
            reason = "format .xls (Excel 97-2003) tidak dibaca: simpan ulang sebagai .xlsx"
        elif suffix not in TABLE_SUFFIXES:
            reason = (
                f"format {suffix or '(tanpa ekstensi)'} tidak dibaca oleh clean "
                "(yang dibaca: .xlsx, .ods, .csv)"
            )
        else:
            items = _item_ids(paths) if items is None else items
            kind = sniff(path, items)
            if kind is None:
                reason = "isinya tidak dikenali sebagai masukan mana pun"
            else:
                folder, label = KINDS[kind]
                family = "interviews" if kind == "roster" else kind
                instead = "; DATA CONTOH dipakai sebagai gantinya" if family in demo else ""
                reason = (
                    f"tampaknya {label} di folder yang tidak dibaca untuk itu: pindahkan ke "
                    f"data/raw/{folder}/{instead}"
                )
                if path.parent == paths.raw / folder:
                    reason = f"{label} lain di folder yang sama: hanya satu berkas yang dibaca"
                    if kind == "roster" and interviews.demo:
                        reason = (
                            f"{label} tidak dipakai: belum ada segmen berkode di "
                            "data/raw/interviews/ (DATA CONTOH wawancara dipakai)"
                        )
        out.append(Unread(shown, reason))
    return out
