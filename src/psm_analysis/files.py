"""Writing output files safely and deterministically.

- Every write is atomic: the bytes go to a temporary file in the same folder, which is
  then renamed over the target, so a failed run never leaves a half-written file.
- Same content, same bytes: CSVs use UTF-8, ``\\n`` line ends and no index column;
  Office files (xlsx, docx) get fixed document properties and fixed zip timestamps.
- A file whose bytes would not change is not touched (its mtime stays), which keeps
  incremental rebuilds honest.

pandas, openpyxl and python-docx are imported inside the functions that need them.
"""

from __future__ import annotations

import datetime as _dt
import io
import os
import re
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: The timestamp written into Office files and zip entries (the zip format's epoch).
FIXED_DATETIME = _dt.datetime(2000, 1, 1, 0, 0, 0)
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)

# New files get the usual permissions (0644 under the common umask 022), not the 0600
# that mkstemp gives its temporary file.
_UMASK = os.umask(0)
os.umask(_UMASK)
_FILE_MODE = 0o666 & ~_UMASK


def is_scratch_file(path: str | Path) -> bool:
    """True for the lock and temporary files editors and this project leave beside real
    files, which are never an input, an output or a change.

    - ``~$name.xlsx``: the owner file Microsoft Excel and Word create next to a file they
      have open (hidden on Windows; Word shortens the name: ``~$ta_dinas.docx``);
    - ``.~lock.name.xlsx#``: LibreOffice's lock file of an open document;
    - ``*.tmp`` (any case): this project's own atomic-write temporary files
      (:func:`write_bytes`) and Word's and Excel's ``~WRL0001.tmp``/``A1B2C3D4.tmp``
      while they save.

    Parameters
    ----------
    path : str or Path
        Only the file name counts; the file need not exist.

    Examples
    --------
    >>> [is_scratch_file(n) for n in ("~$data_dinas_sosial.xlsx", ".~lock.a.xlsx#", "x.TMP")]
    [True, True, True]
    >>> [is_scratch_file(n) for n in ("data_dinas_sosial.xlsx", "~catatan.txt", "a.tmpl")]
    [False, False, False]
    """
    name = Path(path).name
    return (
        name.startswith("~$")
        or (name.startswith(".~lock.") and name.endswith("#"))
        or name.lower().endswith(".tmp")
    )


def write_bytes(path: str | Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` atomically; return False (and write nothing) if the
    file already holds exactly these bytes."""
    path = Path(path)
    if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, _FILE_MODE)
        os.replace(tmp, path)
    except PermissionError as exc:
        # On Windows a file open in Excel or Word cannot be replaced.
        Path(tmp).unlink(missing_ok=True)
        from psm_analysis.errors import DataError, Problem, display_path

        raise DataError(
            Problem(
                "berkas tidak bisa ditimpa (mungkin sedang dibuka di Excel atau Word); "
                "tutup berkas itu lalu jalankan lagi",
                file=display_path(path),
            )
        ) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def write_text(path: str | Path, text: str) -> bool:
    """Write UTF-8 text with ``\\n`` line ends, atomically."""
    return write_bytes(path, text.encode("utf-8"))


def csv_bytes(df: pd.DataFrame) -> bytes:
    """The project's machine CSV: UTF-8, comma, dot decimal, no index, ``\\n`` line ends.

    Booleans are written ``true``/``false``; missing values as an empty cell.
    """
    out = df.copy()
    for col in out.columns:
        if str(out[col].dtype) in ("bool", "boolean"):
            out[col] = out[col].map({True: "true", False: "false"}, na_action="ignore")
    return out.to_csv(index=False, lineterminator="\n").encode("utf-8")


def write_csv(df: pd.DataFrame, path: str | Path) -> bool:
    """Write ``df`` as the project's machine CSV (see :func:`csv_bytes`), atomically."""
    return write_bytes(path, csv_bytes(df))


_CORE_DATES = re.compile(
    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)"
)


def normalize_zip(data: bytes, replace: dict[str, bytes] | None = None) -> bytes:
    """Rewrite a zip container (xlsx, docx) with fixed entry timestamps and attributes,
    so that the same content always gives the same bytes.

    The created/modified dates in ``docProps/core.xml`` are fixed too: openpyxl stamps
    the time of saving there whatever the workbook's properties say. ``replace``
    (``{entry name: content}``) puts new content in entries (in their place); the result
    is what normalizing a container with that content gives.
    """
    stamp = FIXED_DATETIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            new = zipfile.ZipInfo(info.filename, date_time=_ZIP_DATE)
            new.compress_type = zipfile.ZIP_DEFLATED
            new.external_attr = 0o600 << 16
            new.create_system = 0
            if replace and info.filename in replace:
                content = replace[info.filename]
            else:
                content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _CORE_DATES.sub(rb"\g<1>" + stamp + rb"\g<2>", content)
            dst.writestr(new, content)
    return buf.getvalue()


def workbook_bytes(wb) -> bytes:
    """Serialise an openpyxl workbook with fixed properties and zip timestamps."""
    wb.properties.creator = "psm-analysis"
    wb.properties.lastModifiedBy = "psm-analysis"
    wb.properties.created = FIXED_DATETIME
    wb.properties.modified = FIXED_DATETIME
    buf = io.BytesIO()
    wb.save(buf)
    return normalize_zip(buf.getvalue())


def write_workbook(wb, path: str | Path) -> bool:
    """Save an openpyxl workbook deterministically and atomically."""
    return write_bytes(path, workbook_bytes(wb))


def docx_bytes(document) -> bytes:
    """Serialise a python-docx Document with fixed core properties and zip timestamps."""
    cp = document.core_properties
    cp.author = "psm-analysis"
    cp.last_modified_by = "psm-analysis"
    cp.created = FIXED_DATETIME
    cp.modified = FIXED_DATETIME
    cp.revision = 1
    buf = io.BytesIO()
    document.save(buf)
    return normalize_zip(buf.getvalue())
