"""Real data if present, else demo: decided once, the same way, for every input family.

Each input family (questionnaire answers, interview codings, the PSM register) looks
first in its folder under ``data/raw`` and, only when that holds none of its files, in
the matching folder under ``data/demo``. :func:`real_or_demo` is that rule;
:func:`demo_kinds` reads back, from ``data/processed/sumber_masukan.csv``, which families
the last ``clean`` took from the demo inputs, for banners and the index.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from psm_analysis.config import Paths, get_paths

#: Processed file that records which inputs were used and whether they are demo data.
INPUTS_FILE = "sumber_masukan.csv"


def real_or_demo(
    raw_folder: Path, demo_folder: Path, find: Callable[[Path], list[Path]]
) -> tuple[list[Path], bool]:
    """The input files of one family and whether they are demo data.

    Parameters
    ----------
    raw_folder, demo_folder : Path
        The family's folder under ``data/raw`` and under ``data/demo``.
    find : callable
        ``find(folder) -> list[Path]``: the family's data files in a folder (empty when
        the folder is missing).

    Returns
    -------
    (list of Path, bool)
        ``(find(raw_folder), False)`` when that is not empty, else
        ``(find(demo_folder), True)``.
    """
    real = find(raw_folder)
    if real:
        return list(real), False
    return list(find(demo_folder)), True


def demo_kinds(paths: Paths | None = None, kinds: tuple[str, ...] | None = None) -> list[str]:
    """The input families (of ``kinds``, or all) the last ``clean`` took from demo data.

    Read from ``data/processed/sumber_masukan.csv`` (columns ``masukan``, ``berkas``,
    ``data_contoh``); empty while that file does not exist. Sorted by name.
    """
    path = (paths or get_paths()).processed / INPUTS_FILE
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    found = sorted({r["masukan"] for r in rows if r.get("data_contoh", "").lower() == "true"})
    return found if kinds is None else [k for k in found if k in kinds]
