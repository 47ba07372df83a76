"""CI: the project as the researcher's Windows laptop holds it, emulated on Linux.

1. A Git for Windows checkout: ``git clone`` with ``core.autocrlf=true`` (its default),
   which honours ``.gitattributes``.
2. Every text file there that ``.gitattributes`` does not pin (neither ``eol=lf`` nor
   ``-text``) is converted to CRLF, as a checkout without those rules would have it; and
   the inputs that never pass through git - the real-shaped answers, codings, roster and
   register ``scripts/plant_real_shaped_inputs.py`` generates, as the researcher saves
   them on Windows - get CRLF line ends too (Notepad and Excel write CRLF).
3. ``psm-analysis clean`` in that copy must give byte for byte the processed data it gives
   from the same inputs with LF line ends (each planted CSV is read once with LF, once
   with CRLF).

Usage: ``python .ci/windows_checkout.py WORKDIR`` (run from the checkout, with the project's
Python; prints what it did, exits 1 on a difference).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TEXT_SUFFIXES = {".csv", ".yml", ".yaml", ".md", ".qdc", ".txt", ".py", ".toml", ".json"}


def run(*cmd: str | Path, cwd: Path, env: dict | None = None) -> str:
    out = subprocess.run(
        [str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, encoding="utf-8"
    )
    if out.returncode != 0:
        sys.exit(f"windows_checkout: {' '.join(map(str, cmd))} failed:\n{out.stdout}{out.stderr}")
    return out.stdout


def to_crlf(path: Path, crlf: bool = True) -> bool:
    """Give the text file ``path`` CRLF (else LF) line ends; False when nothing changed
    (already so, or not text)."""
    data = path.read_bytes()
    if b"\0" in data:
        return False
    converted = data.replace(b"\r\n", b"\n")
    if crlf:
        converted = converted.replace(b"\n", b"\r\n")
    if converted == data:
        return False
    path.write_bytes(converted)
    return True


def unpinned_text_files(clone: Path) -> list[str]:
    """Tracked files that .gitattributes neither gives eol=lf nor marks -text."""
    files = [f for f in run("git", "ls-files", "-z", cwd=clone).split("\0") if f]
    out = subprocess.run(
        ["git", "check-attr", "-z", "text", "eol", "--stdin"],
        cwd=clone,
        input="\0".join(files),
        capture_output=True,
        encoding="utf-8",
        check=True,
    ).stdout.split("\0")
    attrs: dict[str, dict[str, str]] = {}
    for path, attr, value in zip(out[0::3], out[1::3], out[2::3], strict=False):
        attrs.setdefault(path, {})[attr] = value
    return sorted(f for f, a in attrs.items() if a["text"] != "unset" and a["eol"] != "lf")


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".gitkeep"
    }


def main(workdir: str) -> int:
    work = Path(workdir)
    clone = work / "psm-analysis"
    run("git", "-c", "core.autocrlf=true", "clone", "--quiet", REPO, clone, cwd=work)
    run("git", "config", "core.autocrlf", "true", cwd=clone)
    unpinned = unpinned_text_files(clone)
    converted = [f for f in unpinned if to_crlf(clone / f)]
    print(f"windows_checkout: {len(converted)} tracked text files not pinned by .gitattributes")
    env = dict(os.environ, PYTHONPATH=str(clone / "src"), PSM_ANALYSIS_ROOT=str(clone))
    python = sys.executable
    run(python, "scripts/plant_real_shaped_inputs.py", clone, cwd=clone, env=env)
    planted = run("git", "ls-files", "--others", "--exclude-standard", "-z", cwd=clone)
    planted += run(
        "git", "ls-files", "--others", "--ignored", "--exclude-standard", "-z", cwd=clone
    )
    inputs = sorted(
        {clone / f for f in planted.split("\0") if f.startswith("data/raw/") and f.endswith(".csv")}
    )
    assert inputs, "no planted CSV inputs"
    for p in inputs:  # LF first (some are planted with Excel's CRLF already)
        to_crlf(p, crlf=False)
    run(python, "-m", "psm_analysis", "clean", cwd=clone, env=env)
    lf = digest(clone / "data/processed")
    crlf_inputs = [p for p in inputs if to_crlf(p)]
    print(
        "windows_checkout: CRLF line ends in "
        + ", ".join(p.relative_to(clone).as_posix() for p in crlf_inputs)
    )
    assert crlf_inputs, "no planted input was converted to CRLF"
    run(python, "-m", "psm_analysis", "clean", cwd=clone, env=env)
    crlf = digest(clone / "data/processed")
    if crlf != lf:
        differ = sorted(k for k in lf.keys() | crlf.keys() if lf.get(k) != crlf.get(k))
        print(f"windows_checkout: processed data differ with CRLF inputs: {differ}")
        return 1
    print(f"windows_checkout: clean gives the same {len(lf)} processed files from CRLF inputs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
