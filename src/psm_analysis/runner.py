"""Execute one jupytext notebook with nbclient and render it to HTML.

Each notebook runs in its own fresh kernel, started from this Python environment (the
``python3`` kernel of the environment's own ipykernel, so a fresh clone needs no kernel
installed by hand), with the notebooks folder as working directory. A failing cell
stops the run; the notebook is still rendered, with the error visible, and the result
names the failing cell.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

#: Seconds one cell may run before the notebook counts as failed.
CELL_TIMEOUT = 600


@dataclass
class NotebookResult:
    name: str  # file stem, e.g. "02_cakupan_pelatihan"
    html: Path
    ok: bool
    seconds: float
    error: str | None = None  # "sel 7 (baris pertama: ...): NameError: ..."


def _failing_cell(nb) -> str | None:
    for index, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                first = next((ln for ln in cell.source.splitlines() if ln.strip()), "")
                return (
                    f"sel {index} (`{first.strip()[:60]}`): {out.get('ename')}: {out.get('evalue')}"
                )
    return None


#: The page template (``resources/nbconvert/psm``): JupyterLab's look without any
#: script from a CDN, code hidden behind a button, a link back to the index.
TEMPLATES = Path(__file__).resolve().parent / "resources" / "nbconvert"


def _exporter():
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="psm", extra_template_basedirs=[str(TEMPLATES)])
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    return exporter


def page_title(nb, fallback: str) -> str:
    """The first Markdown heading of the notebook (its title), else ``fallback``."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            if line.startswith("#"):
                return line.lstrip("#").strip()
    return fallback


def execute_notebook(source: Path, html_out: Path, root: Path, exporter=None) -> NotebookResult:
    """Run ``source`` (a jupytext ``.py`` notebook) and write its HTML to ``html_out``."""
    import jupytext
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    from psm_analysis.files import write_text

    t0 = time.perf_counter()
    nb = jupytext.read(source)
    nb.metadata.pop("jupytext", None)
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    # The kernel is this environment's own python3 (jupyter_client swaps "python" for
    # sys.executable), found before any user-wide kernel of the same name.
    os.environ.setdefault("JUPYTER_PREFER_ENV_PATH", "1")
    env = dict(os.environ, PSM_ANALYSIS_ROOT=str(root), PYTHONHASHSEED="0")
    env.pop("MPLBACKEND", None)
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=CELL_TIMEOUT,
        resources={"metadata": {"path": str(source.parent)}},
        record_timing=False,
        # The kernel's own start-up chatter (e.g. its TCP transport warning) is noise here.
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    )
    error = None
    try:
        client.execute(env=env)
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
        error = _failing_cell(nb) or f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
    nb.metadata["title"] = page_title(nb, source.stem)
    body, _ = (exporter or _exporter()).from_notebook_node(nbformat.from_dict(nb))
    write_text(html_out, body)
    return NotebookResult(source.stem, html_out, error is None, time.perf_counter() - t0, error)
