"""The researcher's Windows laptop (issue 24): what a Git for Windows checkout, JupyterLab
from the environment and Python's Windows event loop give, checked on any system."""

from __future__ import annotations

import asyncio
import hashlib
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
LAB_SETTING = REPO / "jupyterlab-settings" / "psm-analysis.json"
DOCMANAGER = "@jupyterlab/docmanager-extension:plugin"


def _git(*args: str, cwd: Path = REPO) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, check=True, encoding="utf-8"
    ).stdout


def _setup_venv():
    spec = importlib.util.spec_from_file_location("setup_venv", REPO / "scripts/setup_venv.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --------------------------------------------------------------------- .gitattributes


@pytest.mark.needs("git")
def test_gitattributes_give_every_tracked_file_lf_or_no_conversion():
    """Each tracked file is text with ``eol=lf`` (code, docs, set-up, the schema) or
    never converted (``-text``: Office files, data files, byte for byte), whatever
    ``core.autocrlf`` says."""
    files = [f for f in _git("ls-files", "-z").split("\0") if f]
    attrs: dict[str, dict[str, str]] = {}
    out = subprocess.run(
        ["git", "check-attr", "-z", "text", "eol", "--stdin"],
        cwd=REPO,
        input="\0".join(files),
        capture_output=True,
        check=True,
        encoding="utf-8",
    ).stdout.split("\0")
    for path, attr, value in zip(out[0::3], out[1::3], out[2::3], strict=False):
        attrs.setdefault(path, {})[attr] = value
    kinds = {
        "src/psm_analysis/csvtext.py": ("set", "lf"),
        "README.md": ("set", "lf"),
        "environment.yml": ("set", "lf"),
        ".ci/run": ("set", "lf"),
        "Makefile": ("set", "lf"),
        "requirements.lock": ("set", "lf"),
        "data/raw/reference/refi_qda_codebook_1_0.xsd": ("set", "lf"),
        "data/raw/dinsos/tabel_I_1.csv": ("unset", "lf"),  # eol has no effect without text
        "data/demo/survey/jawaban_kuesioner_DEMO.xlsx": ("unset", "lf"),
    }
    for path, expected in kinds.items():
        assert (attrs[path]["text"], attrs[path]["eol"]) == expected, path
    converted = {f: a for f, a in attrs.items() if a["text"] != "unset" and a["eol"] != "lf"}
    assert converted == {}


@pytest.mark.needs("git")
def test_a_checkout_with_autocrlf_has_the_committed_bytes(tmp_path):
    """Git for Windows' default, ``core.autocrlf=true``, emulated: a clone made with it
    has, in every tracked file, exactly the bytes of the commit."""
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "-c", "core.autocrlf=true", "clone", "--quiet", str(REPO), str(clone)],
        check=True,
        capture_output=True,
    )
    # each file's bytes against its committed blob, by git's object id of the bytes
    # (sha1 of "blob <size>\\0<bytes>", the hash `git hash-object` gives)
    differ = []
    staged = [line for line in _git("ls-files", "-s", "-z", cwd=clone).split("\0") if line]
    assert len(staged) > 100
    for line in staged:
        meta, path = line.split("\t", 1)
        committed = meta.split()[1]
        data = (clone / path).read_bytes()
        if hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest() != committed:
            differ.append(path)
    assert differ == []
    reference = (clone / "data/raw/reference/wilayah_pelalawan_kepmendagri_2025.csv").read_bytes()
    assert b"\r\n" in reference  # its writer's CRLF, kept


def test_gitattributes_name_the_files_the_issue_lists():
    """Without git (a ZIP download) the rules can still be read."""
    rules = {
        tuple(line.split()[:2])
        for line in (REPO / ".gitattributes").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    for pattern in ("*.py", "*.md", "*.yml", "*.csv", "*.sh", ".ci/run", "*.xsd"):
        assert (pattern, "text") in rules, pattern
    for pattern in ("*.xlsx", "*.docx", "*.png", "*.pdf"):
        assert (pattern, "binary") in rules, pattern


# --------------------------------------------------------------------- JupyterLab


def test_the_setting_makes_the_jupytext_notebook_the_default_for_python_files():
    setting = json.loads(LAB_SETTING.read_text(encoding="utf-8"))
    assert setting == {DOCMANAGER: {"defaultViewers": {"python": "Jupytext Notebook"}}}
    # the viewer name is the one jupytext's JupyterLab extension registers its factory by
    extension = Path(sys.prefix, "share", "jupyter", "labextensions", "jupyterlab-jupytext")
    scripts = list(extension.rglob("*.js"))
    assert any(b'"Jupytext Notebook"' in p.read_bytes() for p in scripts)


def test_this_environments_jupyterlab_opens_python_files_as_notebooks():
    """The setting is installed in the environment the tests run in (make venv's .venv
    or conda's psm-analysis), and JupyterLab's own settings loader reads it."""
    from jupyterlab.commands import get_app_dir
    from jupyterlab_server.settings_utils import _get_overrides

    settings_dir = Path(get_app_dir()) / "settings"
    installed = settings_dir / "overrides.d" / "psm-analysis.json"
    assert installed.is_file(), (
        f"{installed} is missing: rebuild the environment (make venv, or "
        "conda env update -f environment.yml)"
    )
    assert installed.read_bytes() == LAB_SETTING.read_bytes()
    overrides, error = _get_overrides(str(settings_dir))
    assert not error
    assert overrides[DOCMANAGER]["defaultViewers"]["python"] == "Jupytext Notebook"


def test_setup_venv_and_the_conda_package_put_the_setting_in_the_same_place(tmp_path):
    """setup_venv.py copies the file where the settings package (environment.yml's
    ``./jupyterlab-settings``) installs it: its wheel, built as pip builds it."""
    import zipfile

    module = _setup_venv()
    dest = module.install_lab_setting(tmp_path / "venv")
    assert dest.read_bytes() == LAB_SETTING.read_bytes()
    rel = dest.relative_to(tmp_path / "venv").as_posix()
    assert rel == "share/jupyter/lab/settings/overrides.d/psm-analysis.json"
    build = tmp_path / "build"
    build.mkdir()
    code = (
        "import sys; from setuptools.build_meta import build_wheel; print(build_wheel(sys.argv[1]))"
    )
    source = tmp_path / "source"
    import shutil

    shutil.copytree(REPO / "jupyterlab-settings", source)
    name = subprocess.run(
        [sys.executable, "-c", code, str(build)],
        cwd=source,
        capture_output=True,
        check=True,
        encoding="utf-8",
    ).stdout.split()[-1]
    with zipfile.ZipFile(build / name) as wheel:
        data = [n for n in wheel.namelist() if ".data/data/" in n]
        assert [n.split(".data/data/", 1)[1] for n in data] == [rel]
        assert wheel.read(data[0]) == LAB_SETTING.read_bytes()


@pytest.mark.needs("make")
@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX user ids (no root on Windows)")
def test_make_lab_allows_root_only_as_root():
    out = subprocess.run(
        ["make", "-n", "-o", ".venv/.installed", "lab"],
        cwd=REPO,
        capture_output=True,
        check=True,
        encoding="utf-8",
    ).stdout
    lab = [line for line in out.splitlines() if "jupyter lab" in line]
    assert len(lab) == 1
    assert lab[0].endswith(" notebooks/")
    assert ("--allow-root" in lab[0]) == (os.getuid() == 0)


# --------------------------------------------------------------------- set-up script


def test_setup_venv_finds_the_venv_programs_where_each_system_puts_them(monkeypatch):
    module = _setup_venv()
    venv = Path("v")
    monkeypatch.setattr(module.os, "name", "nt")
    assert module.venv_executable(venv, "python") == venv / "Scripts" / "python.exe"
    monkeypatch.setattr(module.os, "name", "posix")
    assert module.venv_executable(venv, "uv") == venv / "bin" / "uv"


def test_setup_venv_refuses_a_second_argument():
    out = subprocess.run(
        [sys.executable, str(REPO / "scripts/setup_venv.py"), "a", "b"],
        capture_output=True,
        encoding="utf-8",
    )
    assert out.returncode == 2
    assert "python scripts/setup_venv.py" in out.stderr


# --------------------------------------------------------------------- event loop


def test_windows_gets_the_selector_event_loop_as_jupyter_sets_it(monkeypatch):
    """On Windows Python's default policy makes Proactor loops, which pyzmq warns about;
    the command line switches to the selector policy (jupyter_server does the same)."""
    from psm_analysis import cli

    class Proactor(asyncio.DefaultEventLoopPolicy):
        pass

    class Selector(asyncio.DefaultEventLoopPolicy):
        pass

    monkeypatch.setattr(asyncio, "WindowsProactorEventLoopPolicy", Proactor, raising=False)
    monkeypatch.setattr(asyncio, "WindowsSelectorEventLoopPolicy", Selector, raising=False)
    before = asyncio.get_event_loop_policy()
    try:
        asyncio.set_event_loop_policy(Proactor())
        monkeypatch.setattr(sys, "platform", "linux")
        cli.use_selector_event_loop_on_windows()
        assert type(asyncio.get_event_loop_policy()) is Proactor  # elsewhere: untouched
        monkeypatch.setattr(sys, "platform", "win32")
        cli.use_selector_event_loop_on_windows()
        assert type(asyncio.get_event_loop_policy()) is Selector
    finally:
        asyncio.set_event_loop_policy(before)


# --------------------------------------------------------------------- CI


def test_ci_runs_the_windows_emulation_and_encoding_warnings_of_project_code_fail():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "localedef -i id_ID -f CP1252 id_ID.CP1252" in ci
    assert "LC_ALL=id_ID.CP1252 PYTHONUTF8=0 .venv/bin/python -X warn_default_encoding" in ci
    assert ".venv/bin/python .ci/windows_checkout.py" in ci
    import tomllib

    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    filters = config["tool"]["pytest"]["ini_options"]["filterwarnings"]
    assert {
        "error::EncodingWarning:psm_analysis",
        "error::EncodingWarning:test_",
        "error::EncodingWarning:conftest",
    } <= set(filters)


def test_project_code_opening_text_without_an_encoding_fails_the_emulation(tmp_path):
    """Under ``-X warn_default_encoding`` the filters make an encoding-less ``open`` in
    project code an error (here in a throw-away module named like the library's)."""
    package = tmp_path / "psm_analysis_probe"
    package.mkdir()
    (package / "__init__.py").write_text(
        "from pathlib import Path\n\ndef read(p):\n    return Path(p).read_text()\n",
        encoding="utf-8",
    )
    code = (
        "import warnings, sys\n"
        "warnings.filterwarnings('error', category=EncodingWarning, module='psm_analysis')\n"
        "import psm_analysis_probe\n"
        "try:\n"
        "    psm_analysis_probe.read(sys.argv[1])\n"
        "except EncodingWarning as err:\n"
        "    print('error:', err)\n"
    )
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-X", "warn_default_encoding", "-c", code, str(tmp_path / "a.txt")],
        cwd=tmp_path,
        capture_output=True,
        encoding="utf-8",
        check=True,
    ).stdout
    assert out == "error: 'encoding' argument not specified\n"
