"""The set-up files agree with each other: pyproject, environment.yml, requirements.lock;
and the environment the tests run in (make venv, conda) has the locked versions."""

from __future__ import annotations

import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]


def _norm(name: str) -> str:
    return re.split(r"[<>=!~\[ ;]", name.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pyproject_packages() -> set[str]:
    meta = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = {_norm(d) for d in meta["dependencies"]}
    for extra in meta.get("optional-dependencies", {}).values():
        names |= {_norm(d) for d in extra}
    return names


def _lock() -> dict[str, str]:
    """requirements.lock as {normalised name: exact version}."""
    pins = {}
    for line in (REPO / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        assert "://" not in line, f"index or download URL in requirements.lock: {line}"
        name, sep, version = line.partition("==")
        assert sep == "==" and version, f"not an exact pin: {line}"
        pins[_norm(name)] = version
    return pins


def _lock_python() -> str:
    """The Python version the lock was made with, from its header ("Python 3.11 venv")."""
    head = (REPO / "requirements.lock").read_text(encoding="utf-8").split("\n", 3)[:3]
    found = re.search(r"\bPython (3\.\d+)\b", " ".join(head))
    assert found, "requirements.lock's header does not say which Python made it"
    return found.group(1)


def _environment() -> dict:
    return yaml.safe_load((REPO / "environment.yml").read_text(encoding="utf-8"))


def test_environment_yml_is_conda_forge_python_and_the_lock():
    """conda gives only Python (as the lock was made) and pip, from conda-forge alone
    (``nodefaults``: not Anaconda's ``defaults`` channel); pip installs exactly
    requirements.lock, then the project (editable) and the JupyterLab setting: so every
    package has the version `make venv` installs, on every system."""
    env = _environment()
    assert env["name"] == "psm-analysis"
    assert env["channels"] == ["conda-forge", "nodefaults"]
    conda = [d for d in env["dependencies"] if not isinstance(d, dict)]
    pip = [d for d in env["dependencies"] if isinstance(d, dict)]
    assert conda == [f"python={_lock_python()}", "pip"]
    assert pip == [{"pip": ["-r requirements.lock", "-e .", "./jupyterlab-settings"]}]
    assert (REPO / "jupyterlab-settings" / "pyproject.toml").is_file()


def test_environment_python_is_the_lock_python_and_pyproject_minimum():
    minimum = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "requires-python"
    ]
    assert minimum == f">={_lock_python()}"


def test_this_environment_has_every_locked_version():
    """The environment running the tests (make venv's .venv, or conda's psm-analysis)
    holds each package of requirements.lock at its pinned version: the drift the README
    promises against, checked by version and not only by name."""
    wrong = {}
    for name, pinned in _lock().items():
        try:
            installed = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            installed = None
        if installed != pinned:
            wrong[name] = (pinned, installed)
    assert wrong == {}, f"(locked, installed) in {sys.prefix}: {wrong}"
    assert f"{sys.version_info.major}.{sys.version_info.minor}" == _lock_python()


def test_lock_pins_every_dependency_exactly_and_has_no_urls():
    pins = _lock()
    missing = _pyproject_packages() - set(pins)
    assert not missing, f"not pinned in requirements.lock: {sorted(missing)}"
    assert "setuptools" in pins  # needed by the --no-build-isolation editable install


def test_readme_quickstart_is_the_two_make_commands_and_ci_runs_the_second():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quickstart.*?```(?:sh|bash)?\n(.*?)```", readme, re.S)
    assert block, "README has no Quickstart code block"
    commands = [ln for ln in block.group(1).splitlines() if ln.strip() and not ln.startswith("#")]
    assert commands == ["make reproduce", "make test"]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "\nmake test\n" in ci


@pytest.mark.slow
def test_every_pin_installs_on_the_oldest_python_pyproject_allows(tmp_path):
    """requirements.lock once pinned soupsieve 4.1.3, which needs Python 3.11.5: the
    quickstart then failed on Debian 12's python3 (3.11.2) though pyproject says >= 3.11.
    uv resolves the lock for the oldest allowed version (asks the package registry, so it
    runs with the slow tests, in CI)."""
    import shutil
    import subprocess
    import sys

    minimum = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "requires-python"
    ]
    version = minimum.removeprefix(">=")
    uv = shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")
    if uv is None:
        pytest.skip("uv is not installed (make venv installs it)")
    out = subprocess.run(
        [uv, "pip", "compile", str(REPO / "requirements.lock"), "--python-version", version]
        + ["--no-header", "--quiet"],  # to stdout ("-o -" writes a file named "-")
        capture_output=True,
        cwd=tmp_path,
        encoding="utf-8",
    )
    assert out.returncode == 0, out.stderr


#: What a lock frozen on Linux cannot list: dependencies that exist only on other systems.
PLATFORM_ONLY = {
    "x86_64-pc-windows-msvc": {"colorama", "pywinpty", "pywin32"},
    "aarch64-apple-darwin": {"appnope"},
}


@pytest.mark.slow
@pytest.mark.parametrize("platform", sorted(PLATFORM_ONLY))
def test_environment_yml_installs_exactly_the_lock_on_windows_and_macos(platform, tmp_path):
    """uv resolves environment.yml's pip section as conda's pip would run it (a
    requirements file in this folder) for Windows and macOS: every locked package at its
    locked version, and nothing else but the platform-only dependencies. Asks the package
    registry, so it runs with the slow tests (CI)."""
    import shutil
    import subprocess

    uv = shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")
    if uv is None:
        pytest.skip("uv is not installed (make venv installs it)")
    (pip_section,) = [d["pip"] for d in _environment()["dependencies"] if isinstance(d, dict)]
    # conda writes the section to condaenv.<random>.requirements.txt beside environment.yml
    requirements = REPO / f"condaenv.test-{tmp_path.name}.requirements.txt"
    requirements.write_text("\n".join(pip_section) + "\n", encoding="utf-8")
    try:
        out = subprocess.run(
            [uv, "pip", "compile", requirements.name, "--python-version", _lock_python()]
            + ["--python-platform", platform, "--no-header", "--quiet"],
            cwd=REPO,
            capture_output=True,
            encoding="utf-8",
        )
    finally:
        requirements.unlink()
    assert out.returncode == 0, out.stderr
    resolved = {}
    for line in out.stdout.splitlines():
        name, sep, version = line.partition("==")
        if sep and not line.startswith((" ", "#")):
            resolved[_norm(name)] = version.strip()
    lock = _lock()
    assert {n: resolved.get(n) for n in lock} == lock
    assert set(resolved) - set(lock) <= PLATFORM_ONLY[platform]
