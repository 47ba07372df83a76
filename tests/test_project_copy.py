"""Project copies for tests take tracked files and demo inputs, never real data (issue 8).

A throw-away clone of the repository gets a roster in data/raw/private and answers,
codings and a register in data/raw, as the researcher would put them there; the copy the
tests build from it must leave every one of them out, with git and without (a source
archive).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, copy_project, tracked_raw_files

#: What a researcher puts in data/raw once the fieldwork is in (untracked; the roster is
#: git-ignored).
PLANTED = {
    "data/raw/private/informan.csv": b"id_informan,nama\r\nI-01,Nama Asli Informan\r\n",
    "data/raw/private/dokumen_informan.csv": b"dokumen,id_informan\r\nwawancara asli,I-01\r\n",
    "data/raw/survey/jawaban_kuesioner.xlsx": b"PK\x03\x04 jawaban asli",
    "data/raw/survey/jawaban_google_forms.csv": b"Timestamp,Nama desa\r\n",
    "data/raw/interviews/segmen_terkode.csv": b"id_informan,dokumen,kode,kutipan,pengkode\r\n",
    "data/raw/register/register_psm.xlsx": b"PK\x03\x04 register asli",
}


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, encoding="utf-8", check=True
    ).stdout


pytestmark = pytest.mark.needs("git")


@pytest.fixture
def clone(tmp_path):
    """A git clone of this repository (never the repository itself) with real-looking
    inputs planted in its data/raw."""
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("git or a git checkout is missing")
    repo = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "--quiet", "--no-checkout", str(REPO), str(repo)],
        check=True,
        capture_output=True,
    )
    _git("checkout", "--quiet", "HEAD", cwd=repo)
    for rel, data in PLANTED.items():
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        (repo / rel).write_bytes(data)
    return repo


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_planted_files_are_untracked_in_the_clone(clone):
    """The premise: git does not track what was planted (the roster is even ignored)."""
    status = _git("status", "--porcelain", "--ignored", "--", "data/raw", cwd=clone)
    lines = sorted(status.splitlines())
    assert "!! data/raw/private/dokumen_informan.csv" in lines
    assert "!! data/raw/private/informan.csv" in lines
    assert "?? data/raw/register/register_psm.xlsx" in lines
    assert {line[:3] for line in lines} <= {"?? ", "!! "}


def test_copy_leaves_out_roster_and_real_inputs(clone, tmp_path):
    dest = copy_project(tmp_path / "copy", notebooks=False, repo=clone)
    copied = _files(dest / "data" / "raw")
    for rel in PLANTED:
        assert not (dest / rel).exists(), rel
    assert [f"data/raw/{f}" for f in copied] == _git("ls-files", "data/raw", cwd=clone).split()
    assert _files(dest / "data" / "raw" / "private") == [".gitkeep"]
    # the tracked inputs and the demo inputs are there, byte for byte
    assert (dest / "data/raw/survey/codebook.yml").read_bytes() == (
        clone / "data/raw/survey/codebook.yml"
    ).read_bytes()
    assert _files(dest / "data" / "demo") == _files(clone / "data" / "demo")
    assert "informan_DEMO.csv" in " ".join(_files(dest / "data" / "demo"))


def test_committed_answers_and_register_and_stray_files_are_left_out(clone, tmp_path):
    """The survey and register folders are not git-ignored: a researcher may commit the
    real answers and register. The copy still leaves them out, and a stray untracked file
    next to the Dinas Sosial tables too."""
    committed = ["data/raw/survey/jawaban_kuesioner.xlsx", "data/raw/register/register_psm.xlsx"]
    _git("add", *committed, cwd=clone)
    identity = ["-c", "user.name=Uji", "-c", "user.email=uji@contoh.invalid"]
    _git(*identity, "commit", "--quiet", "-m", "jawaban asli", cwd=clone)
    assert set(committed) <= set(_git("ls-files", "data/raw", cwd=clone).split())
    (clone / "data/raw/dinsos/catatan_pribadi.txt").write_text("catatan\n", encoding="utf-8")
    dest = copy_project(tmp_path / "copy", notebooks=False, repo=clone)
    for rel in [*PLANTED, "data/raw/dinsos/catatan_pribadi.txt"]:
        assert not (dest / rel).exists(), rel
    assert (dest / "data/raw/dinsos/tabel_I_2.csv").is_file()


def test_without_git_the_rule_takes_what_a_checkout_has(clone, tmp_path):
    """A source archive (no .git): the rule alone gives the same files as with git, and
    still leaves the planted files out."""
    with_git = tracked_raw_files(clone)
    archive = tmp_path / "archive"
    shutil.copytree(clone, archive, ignore=shutil.ignore_patterns(".git"))
    assert all((archive / rel).is_file() for rel in PLANTED)
    assert tracked_raw_files(archive) == with_git
    dest = copy_project(tmp_path / "copy", notebooks=False, repo=archive)
    assert not any((dest / rel).exists() for rel in PLANTED)
    assert len(with_git) >= 15 and "data/raw/dinsos/tabel_I_2.csv" in with_git


def test_the_suites_own_copies_hold_no_untracked_raw_file(project_copy):
    """Whatever sits in this checkout's data/raw, the tests' copy has only the tracked
    files the project ships."""
    copied = [f"data/raw/{f}" for f in _files(project_copy / "data" / "raw")]
    assert copied == tracked_raw_files(REPO)
    assert not (project_copy / "data/raw/private/informan.csv").exists()
