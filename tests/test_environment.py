"""The set-up files agree with each other: pyproject, environment.yml, requirements.lock."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]


def _norm(name: str) -> str:
    return re.split(r"[<>=!~\[ ;]", name.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pyproject_packages() -> set[str]:
    meta = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    names = {_norm(d) for d in meta["dependencies"]}
    for extra in meta.get("optional-dependencies", {}).values():
        names |= {_norm(d) for d in extra}
    return names


def _environment_packages() -> set[str]:
    env = yaml.safe_load((REPO / "environment.yml").read_text())
    names = set()
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            names |= {_norm(d) for d in dep.get("pip", []) if not d.startswith("-")}
        else:
            names.add(_norm(dep))
    return names - {"python", "pip"}


def test_environment_yml_matches_pyproject():
    env, py = _environment_packages(), _pyproject_packages()
    assert env - py == set(), f"only in environment.yml: {sorted(env - py)}"
    assert py - env == set(), f"only in pyproject.toml: {sorted(py - env)}"


def test_environment_yml_is_named_and_on_conda_forge():
    env = yaml.safe_load((REPO / "environment.yml").read_text())
    assert env["name"] == "psm-analysis"
    assert env["channels"] == ["conda-forge"]


def test_lock_pins_every_dependency_exactly_and_has_no_urls():
    text = (REPO / "requirements.lock").read_text()
    pins = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        assert "://" not in line, f"index or download URL in requirements.lock: {line}"
        name, sep, version = line.partition("==")
        assert sep == "==" and version, f"not an exact pin: {line}"
        pins[_norm(name)] = version
    missing = _pyproject_packages() - set(pins)
    assert not missing, f"not pinned in requirements.lock: {sorted(missing)}"
    assert "setuptools" in pins  # needed by the --no-build-isolation editable install


def test_readme_quickstart_is_the_two_make_commands_and_ci_runs_the_second():
    readme = (REPO / "README.md").read_text()
    block = re.search(r"## Quickstart.*?```(?:sh|bash)?\n(.*?)```", readme, re.S)
    assert block, "README has no Quickstart code block"
    commands = [ln for ln in block.group(1).splitlines() if ln.strip() and not ln.startswith("#")]
    assert commands == ["make reproduce", "make test"]
    ci = (REPO / ".ci" / "run").read_text()
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

    minimum = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["requires-python"]
    version = minimum.removeprefix(">=")
    uv = shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")
    if uv is None:
        pytest.skip("uv is not installed (make venv installs it)")
    out = subprocess.run(
        [uv, "pip", "compile", str(REPO / "requirements.lock"), "--python-version", version]
        + ["--no-header", "--quiet"],  # to stdout ("-o -" writes a file named "-")
        capture_output=True,
        cwd=tmp_path,
        text=True,
    )
    assert out.returncode == 0, out.stderr
