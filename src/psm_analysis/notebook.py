"""Helpers for the first and last cells of every notebook.

``setup("02")`` applies the thesis figure style, sets the notebook number used to number
figures ("Gambar 2.1") and tables ("Tabel 2.1"), and sets pandas display options.
``show_versions()`` records the versions the notebook ran with. ``demo_banner()`` shows
the "DATA CONTOH" banner when a notebook's inputs are synthetic demo data.
"""

from __future__ import annotations

import html
import platform
import re
from dataclasses import dataclass, field
from importlib import metadata

#: Packages whose versions a notebook records (distribution names).
KEY_PACKAGES = (
    "psm-analysis",
    "pandas",
    "numpy",
    "scipy",
    "matplotlib",
    "seaborn",
    "statsmodels",
    "openpyxl",
    "python-docx",
    "jupytext",
    "nbclient",
)


@dataclass
class _Numbering:
    """Which notebook is running and the numbers handed out so far (name -> index)."""

    notebook: str | None = None
    lang: str = "id"
    issued: dict[str, dict[str, int]] = field(default_factory=lambda: {"figure": {}, "table": {}})


_STATE = _Numbering()


def _in_kernel() -> bool:
    """True when this code runs in a Jupyter kernel (not merely in a process that has
    imported ipykernel, as a test runner driving notebooks has)."""
    import sys

    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return type(shell).__name__ == "ZMQInteractiveShell"


def setup(
    number: str, lang: str = "id", *, forget_previous: bool | None = None, paths=None
) -> None:
    """Prepare a notebook: thesis figure style, numbering, display options.

    With ``forget_previous`` the figures and tables an earlier run of this notebook saved
    (found through their sidecars' ``notebook`` field) are removed first, so a renamed or
    dropped figure does not linger in the DAFTAR GAMBAR/TABEL; running the whole notebook
    writes them all again. By default this happens only inside a Jupyter kernel (a
    notebook run), not when a script or test calls ``setup``.

    Parameters
    ----------
    number : str
        The notebook's number as in its file name, e.g. ``"02"``; figures become
        "Gambar 2.1", "Gambar 2.2", ... and tables "Tabel 2.1", ...
    lang : str
        Language of reader-facing words (``"id"`` or ``"en"``).
    forget_previous : bool or None
        Remove this notebook's earlier figure and table files first (``None``: only when
        running in a Jupyter kernel).
    """
    if not re.fullmatch(r"\d{1,3}", str(number)):
        raise ValueError(f"notebook number must be digits like '02', got {number!r}")
    from psm_analysis import labels, plots

    _STATE.notebook = str(number)
    _STATE.lang = lang
    _STATE.issued = {"figure": {}, "table": {}}
    labels.DEFAULT_LANG = lang
    plots.use_style()
    if forget_previous is None:
        forget_previous = _in_kernel()
    if forget_previous:
        forget_outputs(str(number), paths)

    import pandas as pd

    pd.set_option("display.max_columns", 50)
    pd.set_option("display.max_rows", 200)
    pd.set_option("display.width", 120)
    pd.set_option("display.precision", 2)


def forget_outputs(number: str, paths=None) -> list:
    """Delete the figure/table files (and sidecars) that notebook ``number`` saved before;
    return the deleted paths."""
    import json

    from psm_analysis.config import get_paths

    paths = paths or get_paths()
    removed = []
    for folder in (paths.figures, paths.tables):
        if not folder.is_dir():
            continue
        for sidecar in sorted(folder.glob("*.json")):
            try:
                rec = json.loads(sidecar.read_text(encoding="utf-8"))
            except FileNotFoundError:
                # another notebook running at the same time forgot its own outputs
                continue
            except (ValueError, UnicodeDecodeError):
                continue
            if not isinstance(rec, dict) or rec.get("notebook") != number:
                continue
            if rec.get("kind") not in ("figure", "table"):
                continue
            for name in rec.get("files", []):
                target = folder / name
                if target.parent == folder and target.is_file():
                    target.unlink(missing_ok=True)
                    removed.append(target)
            sidecar.unlink(missing_ok=True)
            removed.append(sidecar)
    return removed


def current_notebook() -> str | None:
    """The number given to :func:`setup` (``None`` outside a set-up notebook)."""
    return _STATE.notebook


def current_lang() -> str:
    return _STATE.lang


def issue_number(kind: str, name: str) -> tuple[str, int]:
    """The reader-facing number of figure/table ``name``: ``("2.1", 1)``.

    Saving the same name again (a re-run cell) keeps its number; a new name gets the
    next index. Without :func:`setup` the numbers have no chapter part ("1", "2", ...).
    """
    if kind not in _STATE.issued:
        raise ValueError(f"kind must be 'figure' or 'table', got {kind!r}")
    issued = _STATE.issued[kind]
    if name not in issued:
        issued[name] = len(issued) + 1
    index = issued[name]
    if _STATE.notebook is None:
        return str(index), index
    return f"{int(_STATE.notebook)}.{index}", index


def show_versions():
    """A DataFrame of Python and the key packages' versions (index Paket, column Versi)."""
    import pandas as pd

    rows = [("Python", platform.python_version())]
    for dist in KEY_PACKAGES:
        try:
            rows.append((dist, metadata.version(dist)))
        except metadata.PackageNotFoundError:
            rows.append((dist, "tidak terpasang"))
    return pd.DataFrame(rows, columns=["Paket", "Versi"]).set_index("Paket")


def demo_kinds(kinds: tuple[str, ...] | None = None, paths=None) -> list[str]:
    """The input kinds (of ``kinds``, or all) for which ``clean`` used demo data,
    according to ``data/processed/sumber_masukan.csv``; empty if it does not exist."""
    from psm_analysis.config import get_paths
    from psm_analysis.report import demo_kinds as all_demo_kinds

    found = all_demo_kinds(paths or get_paths())
    return found if kinds is None else [k for k in found if k in kinds]


_KIND_WORDS = {
    "id": {
        "masukan_dinsos": "tabel Dinas Sosial",
        "masukan_survey": "jawaban kuesioner",
        "masukan_interviews": "pengodean wawancara",
        "masukan_register": "register PSM per desa",
    },
    "en": {
        "masukan_dinsos": "Dinas Sosial tables",
        "masukan_survey": "questionnaire answers",
        "masukan_interviews": "interview codings",
        "masukan_register": "PSM register by village",
    },
}


def kind_names(kinds: list[str], lang: str | None = None) -> str:
    """The input kinds as a reader calls them: ``["interviews", "survey"]`` ->
    ``"pengodean wawancara, jawaban kuesioner"`` (an unknown kind stays as it is)."""
    from psm_analysis.labels import register, t

    register(_KIND_WORDS)
    out = []
    for kind in kinds:
        try:
            out.append(t(f"masukan_{kind}", lang))
        except KeyError:
            out.append(kind)
    return ", ".join(out)


def banner_html(kinds: list[str], lang: str | None = None) -> str:
    """The HTML of the demo banner naming the input kinds."""
    from psm_analysis.labels import t

    text = html.escape(t("demo_banner", lang))
    detail = html.escape(kind_names(kinds, lang))
    return (
        '<div class="psm-demo-banner" style="background:#fff3cd;border:2px solid #d55e00;'
        "color:#7a2e00;padding:0.8em 1em;margin:0.5em 0;font-weight:bold;font-size:1.2em;"
        f'text-align:center">{text}<br><span style="font-weight:normal;font-size:0.8em">'
        f"({detail})</span></div>"
    )


def demo_banner(kinds: tuple[str, ...] | None = None, paths=None) -> None:
    """Display the "DATA CONTOH - bukan data penelitian" banner when demo inputs were used
    for any of ``kinds`` (e.g. ``("survey",)``); display nothing otherwise."""
    found = demo_kinds(kinds, paths)
    if not found:
        return None
    from IPython.display import display

    from psm_analysis.labels import t

    text = f"{t('demo_banner')} ({kind_names(found)})"
    display({"text/html": banner_html(found), "text/plain": text}, raw=True)
    return None
