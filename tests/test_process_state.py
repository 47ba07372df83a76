"""Tests leave the process as they found it (issue 8): what one test changes - matplotlib
rcParams and figures, pandas options, environment, working directory, sys.path - is
restored by the autouse fixture in conftest, so no test depends on the order of others.

The first pair runs in file order: one test changes everything, the next one checks that
it was put back. The context manager itself is checked directly as well.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from conftest import restored_process_state

#: What the first test saw before it changed anything.
BEFORE: dict[str, object] = {}
ENV = "PSM_TEST_PROCESS_STATE"


def _state() -> dict[str, object]:
    return {
        "linewidth": matplotlib.rcParams["lines.linewidth"],
        "font": list(matplotlib.rcParams["font.sans-serif"]),
        "dpi": matplotlib.rcParams["savefig.dpi"],
        "precision": pd.get_option("display.precision"),
        "max_columns": pd.get_option("display.max_columns"),
        "env": os.environ.get(ENV),
        "cwd": os.getcwd(),
        "path": list(sys.path),
        "figures": plt.get_fignums(),
    }


def _change_everything(tmp_path: Path) -> None:
    from psm_analysis import notebook

    notebook.setup("04")  # thesis style + pandas display options, as a notebook does
    matplotlib.rcParams["lines.linewidth"] = 7.25
    pd.set_option("display.precision", 9)
    os.environ[ENV] = "diubah"
    os.chdir(tmp_path)
    sys.path.insert(0, str(tmp_path))
    plt.figure()


def test_a_changes_process_state(tmp_path):
    BEFORE.update(_state())
    _change_everything(tmp_path)
    after = _state()
    assert after["linewidth"] == 7.25 and after["precision"] == 9
    assert after["max_columns"] == 50 and after["dpi"] == 300  # notebook.setup's values
    assert after["env"] == "diubah" and after["cwd"] == str(tmp_path)
    assert len(after["figures"]) == len(BEFORE["figures"]) + 1


def test_b_finds_it_restored():
    if not BEFORE:
        pytest.skip("checks what test_a_changes_process_state changed; run the module")
    assert _state() == BEFORE


def test_context_manager_restores_everything(tmp_path):
    before = _state()
    with restored_process_state():
        _change_everything(tmp_path)
        assert _state() != before
    assert _state() == before


def test_every_pandas_option_numpy_random_and_warnings_are_restored():
    """Not only the options the library sets: any option a notebook or test may set."""
    import random
    import warnings

    import numpy as np

    def state():
        return (
            pd.get_option("display.float_format"),
            pd.get_option("styler.format.decimal"),
            np.geterr()["divide"],
            np.get_printoptions()["precision"],
            np.random.get_state()[1].tolist(),
            random.getstate(),
            list(warnings.filters),
        )

    before = state()
    with restored_process_state():
        pd.set_option("display.float_format", "{:.1f}".format)
        pd.set_option("styler.format.decimal", ",")
        np.seterr(divide="raise")
        np.set_printoptions(precision=2)
        random.seed(5)
        np.random.seed(5)
        warnings.simplefilter("error")
        assert all(a != b for a, b in zip(state(), before, strict=True))
    assert state() == before


@pytest.mark.parametrize("private_hook", [True, False])
def test_a_warning_already_shown_shows_again_after_restore(monkeypatch, private_hook):
    """As in a fresh kernel, a notebook sees its warnings even if the notebook before it
    in the same kernel triggered them; also on a Python without warnings' private hook."""
    import warnings

    from psm_analysis import kernelstate

    if not private_hook:  # as on a Python whose warnings module lacks (or renamed) it
        monkeypatch.setattr(kernelstate, "_FILTERS_MUTATED", "_no_such_hook")
    shown: list[str] = []
    monkeypatch.setattr(
        warnings, "showwarning", lambda message, *a, **k: shown.append(str(message))
    )
    warnings.simplefilter("default")  # each warning once per place

    def warn() -> None:
        warnings.warn("data contoh", UserWarning, stacklevel=1)

    warn()
    warn()
    assert shown == ["data contoh"]
    # what restore() does last with the warnings (the pandas and numpy parts of restore
    # happen to reset the record too, through catch_warnings; a kernel without them must
    # not depend on that)
    kernelstate._forget_shown_warnings()
    warn()
    assert shown == ["data contoh", "data contoh"]
