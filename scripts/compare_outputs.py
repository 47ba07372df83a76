"""Compare the generated outputs of two project copies, file by file (sha256).

Used to show that a refactoring changes no output: run ``psm-analysis reproduce --force`` in
a clone at the old commit and in one at the new commit, then

    python scripts/compare_outputs.py /tmp/before /tmp/after

It prints, for data/processed, figures and reports/tables, the files that exist in only
one copy or differ, and exits 1 when there is any difference.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

FOLDERS = ("data/processed", "figures", "reports/tables")


def digests(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".gitkeep"
    }


def main(a: str, b: str) -> int:
    different = 0
    for sub in FOLDERS:
        da, db = digests(Path(a) / sub), digests(Path(b) / sub)
        same = sum(1 for k in da if db.get(k) == da[k])
        print(f"{sub}: {len(da)} vs {len(db)} files, {same} identical")
        for name in sorted(set(da) | set(db)):
            if da.get(name) != db.get(name):
                different += 1
                where = (
                    "only in first"
                    if name not in db
                    else "only in second"
                    if name not in da
                    else "differs"
                )
                print(f"  {where}: {sub}/{name}")
    return 1 if different else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: compare_outputs.py FIRST_ROOT SECOND_ROOT")
    sys.exit(main(sys.argv[1], sys.argv[2]))
