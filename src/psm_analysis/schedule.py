"""The research schedule (jadwal kegiatan penelitian, BAB III) from ``data/raw/jadwal.yml``.

The file is optional and edited by the researcher::

    judul: Jadwal kegiatan penelitian
    bulan: [Januari 2019, Februari 2019, Maret 2019]   # the columns, in order
    kegiatan:
      - kegiatan: Penyusunan proposal
        bulan: [Januari 2019, Februari 2019]            # months it runs (from the list)

Builder: ``build_outputs(paths) -> BuildOutput`` writes ``jadwal_penelitian.csv`` (one row
per activity and month, ``dijadwalkan`` true in the months it runs); no file, no output.
Every mistake (a month not in the list, an activity without a name) is one located
Indonesian problem.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from psm_analysis.config import Paths, get_paths
from psm_analysis.contracts import BuildOutput, InputInfo
from psm_analysis.errors import DataError, Problem, display_path

#: The schedule file, relative to data/raw.
FILE_NAME = "jadwal.yml"
COLUMNS = ["no", "kegiatan", "urutan_bulan", "bulan", "dijadwalkan", "sumber"]


def schedule_path(paths: Paths | None = None) -> Path:
    """``data/raw/jadwal.yml`` of the project."""
    return (paths or get_paths()).raw / FILE_NAME


def read_schedule(path: str | Path) -> pd.DataFrame:
    """Read and check a schedule file.

    Parameters
    ----------
    path : str or Path
        The YAML file (see the module docstring for its form).

    Returns
    -------
    pandas.DataFrame
        Columns ``no`` (activity number, 1, 2, ...), ``kegiatan``, ``urutan_bulan`` (1, 2,
        ... in the order of ``bulan``), ``bulan``, ``dijadwalkan`` (bool) and ``sumber``
        (the file), one row per activity and month.

    Raises
    ------
    DataError
        Every problem of the file at once: unreadable YAML, a missing ``bulan`` or
        ``kegiatan`` list, an activity without a name, a month not in ``bulan``.
    """
    import yaml

    path = Path(path)
    shown = display_path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise DataError(Problem(f"jadwal tidak dapat dibaca ({err})", file=shown)) from None
    expected = "kunci 'bulan' (daftar bulan) dan 'kegiatan' (daftar kegiatan dengan 'bulan')"
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("bulan"), list)
        or not isinstance(data.get("kegiatan"), list)
    ):
        raise DataError(
            Problem(
                "jadwal harus memuat daftar 'bulan' dan 'kegiatan'", file=shown, expected=expected
            )
        )
    months = [str(m).strip() for m in data["bulan"]]
    problems: list[Problem] = []
    rows = []
    for no, item in enumerate(data["kegiatan"], start=1):
        where = {"file": shown, "column": f"kegiatan[{no}]"}
        name = str(item.get("kegiatan") or "").strip() if isinstance(item, dict) else ""
        if not name:
            problems.append(
                Problem(
                    "kegiatan tanpa nama", value=item, expected="kegiatan: <nama kegiatan>", **where
                )
            )
            continue
        runs = item.get("bulan") or []
        runs = [str(m).strip() for m in ([runs] if isinstance(runs, str) else runs)]
        for m in runs:
            if m not in months:
                problems.append(
                    Problem(
                        "bulan kegiatan tidak ada dalam daftar 'bulan'",
                        value=m,
                        expected=", ".join(months),
                        **where,
                    )
                )
        for k, m in enumerate(months, start=1):
            rows.append(
                {
                    "no": no,
                    "kegiatan": name,
                    "urutan_bulan": k,
                    "bulan": m,
                    "dijadwalkan": m in runs,
                    "sumber": shown,
                }
            )
    DataError.collect(problems)
    return pd.DataFrame(rows, columns=COLUMNS).astype({"dijadwalkan": "bool"})


def build_outputs(paths: Paths | None = None) -> BuildOutput:
    """``jadwal_penelitian.csv`` from ``data/raw/jadwal.yml``; nothing when it is absent."""
    paths = paths or get_paths()
    path = schedule_path(paths)
    if not path.is_file():
        return BuildOutput()
    df = read_schedule(path)
    df["sumber"] = display_path(path, paths)
    return BuildOutput(
        files={"jadwal_penelitian.csv": df},
        inputs=[InputInfo("jadwal", display_path(path, paths), False)],
    )
