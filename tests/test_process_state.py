"""Tests leave the process as they found it: what a test changes - matplotlib rcParams and
figures, the pandas options ``notebook.setup`` sets, environment, working directory,
sys.path, warning filters - is restored by the autouse fixture in conftest, so no test
depends on the order of others. Checked on the context manager itself, in one test."""

from __future__ import annotations

import os
import sys
import warnings

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from conftest import restored_process_state

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
        "warnings": list(warnings.filters),
    }


def test_context_manager_restores_what_a_notebook_setup_and_a_test_change(tmp_path):
    from psm_analysis import notebook

    before = _state()
    with restored_process_state():
        notebook.setup("04", paths=None)  # thesis style + pandas display options
        matplotlib.rcParams["lines.linewidth"] = 7.25
        pd.set_option("display.precision", 9)
        os.environ[ENV] = "diubah"
        os.chdir(tmp_path)
        sys.path.insert(0, str(tmp_path))
        plt.figure()
        warnings.simplefilter("error")
        after = _state()
        assert after["linewidth"] == 7.25 and after["precision"] == 9
        assert after["max_columns"] == 50 and after["dpi"] == 300  # notebook.setup's values
        assert after["env"] == "diubah" and after["cwd"] == str(tmp_path)
        assert len(after["figures"]) == len(before["figures"]) + 1
        assert after["warnings"] != before["warnings"]
    assert _state() == before
