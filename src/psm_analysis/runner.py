"""Execute jupytext notebooks with nbclient, one fresh kernel per notebook, and render
them to HTML.

Each notebook runs as jupyter-cache's executors run one: :class:`nbclient.NotebookClient`
starts a new kernel of this environment (the ``python3`` kernel of the environment's own
ipykernel, so a fresh clone needs no kernel installed by hand), runs every cell with the
notebooks folder as working directory, and shuts the kernel down. Nothing of one notebook
can reach the next. :func:`run_notebooks` runs several at once, in a thread pool as
large as the machine has cores. A failing cell stops its notebook; the page is still
written, with the error visible, and the result names the failing cell.
"""

from __future__ import annotations

import asyncio
import functools
import os
import re
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

#: Seconds one cell may run before the notebook counts as failed.
CELL_TIMEOUT = 600
#: Seconds a kernel may take to start and answer.
STARTUP_TIMEOUT = 120
#: Kernel options: quiet (no TCP warning, no "KeyboardInterrupt caught" as it is stopped),
#: no history database.
KERNEL_ARGS = ["--IPKernelApp.log_level=CRITICAL", "--HistoryManager.hist_file=:memory:"]
#: The page template (``resources/nbconvert/psm``): JupyterLab's look without any
#: script from a CDN, code hidden behind a button, a link back to the index.
TEMPLATES = Path(__file__).resolve().parent / "resources" / "nbconvert"


@dataclass
class NotebookResult:
    """What running one notebook gave.

    Attributes
    ----------
    name : str
        The notebook's file stem, e.g. ``"02_cakupan_pelatihan"``.
    html : pathlib.Path
        The page written.
    ok : bool
        Every cell ran.
    seconds : float
        Wall-clock time of reading, running and rendering, in seconds.
    error : str or None
        Where it failed: ``"sel 7 (`x = 1/0`): ZeroDivisionError: division by zero"``.
    """

    name: str
    html: Path
    ok: bool
    seconds: float
    error: str | None = None


def failing_cell(nb) -> str | None:
    """The first cell of executed notebook ``nb`` with an error output, as
    ``"sel 7 (`first line`): NameError: ..."`` (cells counted from 1, Markdown too);
    None if no cell failed."""
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


def page_title(nb, fallback: str) -> str:
    """The first Markdown heading of the notebook (its title), else ``fallback``."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            if line.startswith("#"):
                return line.lstrip("#").strip()
    return fallback


def kernel_env(root: Path, output: Path | None = None) -> dict[str, str]:
    """The environment of every notebook kernel: the project root (and the folder the
    outputs go to, when it is not the root), a fixed hash seed, and the kernel's own
    (inline) matplotlib backend."""
    from psm_analysis.config import ENV_OUTPUT, ENV_ROOT

    # The kernel is this environment's own python3 (jupyter_client swaps "python" for
    # sys.executable), found before any user-wide kernel of the same name.
    os.environ.setdefault("JUPYTER_PREFER_ENV_PATH", "1")
    env = dict(os.environ, PYTHONHASHSEED="0")
    env[ENV_ROOT] = str(root)
    env.pop(ENV_OUTPUT, None)
    if output is not None and Path(output) != Path(root):
        env[ENV_OUTPUT] = str(output)
    env.pop("MPLBACKEND", None)
    return env


def read_notebook(source: Path):
    """The jupytext notebook ``source`` as an nbformat notebook ready to run: cell ids
    numbered (nbformat's random ids would make each page differ), this environment's
    ``python3`` kernel."""
    import jupytext

    nb = jupytext.read(source)
    nb.metadata.pop("jupytext", None)
    for index, cell in enumerate(nb.cells, start=1):
        cell["id"] = f"sel-{index}"
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    return nb


def _kernel_manager():
    """A kernel manager for one notebook. On Linux the kernel talks over Unix sockets in
    the temporary folder: notebooks started at once then cannot pick the same TCP port
    (a port found free can be taken before the kernel binds it)."""
    from jupyter_client.manager import AsyncKernelManager

    if sys.platform.startswith("linux"):
        ip = os.path.join(tempfile.gettempdir(), f"psm-kernel-{uuid.uuid4().hex[:12]}")
        return AsyncKernelManager(kernel_name="python3", transport="ipc", ip=ip)
    return AsyncKernelManager(kernel_name="python3")


class Gate:
    """Kernels started before their notebooks' inputs are ready (``reproduce --force``
    starts them while clean runs on the other core): once started, each waits here
    until the gate is opened, then runs its notebook, or cancelled, then shuts down."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._go = False

    def open(self) -> None:
        """Let the notebooks run."""
        self._go = True
        self._event.set()

    def cancel(self) -> None:
        """Shut the waiting kernels down; no notebook runs (nothing if already open)."""
        self._event.set()

    def wait(self) -> bool:
        """Wait until opened (True) or cancelled (False)."""
        self._event.wait()
        return self._go


class Cancelled(Exception):
    """The notebook's gate was cancelled before it could run."""


def execute_notebook(
    source: Path,
    html_out: Path,
    root: Path,
    output: Path | None = None,
    gate: Gate | None = None,
    stop: threading.Event | None = None,
) -> NotebookResult:
    """Run ``source`` (a jupytext ``.py`` notebook) in a fresh kernel and write its page.

    Parameters
    ----------
    source : pathlib.Path
        The notebook, ``notebooks/NN_name.py``.
    html_out : pathlib.Path
        The HTML page to write (also when a cell failed: the error is on it).
    root : pathlib.Path
        The project root the kernel works on (``PSM_ANALYSIS_ROOT``).
    output : pathlib.Path, optional
        Where the kernel writes data/processed, figures and reports
        (``PSM_ANALYSIS_OUTPUT``); default the root.
    gate : Gate, optional
        Once the kernel is started and the notebook read, wait for the gate to open.
    stop : threading.Event, optional
        Once set, the kernel is shut down (the notebook fails where it was): the command
        was stopped (Ctrl+C).

    Returns
    -------
    NotebookResult
        Whether every cell ran, the time (from the gate's opening), and the failing
        cell.

    Raises
    ------
    OSError, ValueError
        The notebook cannot be read or the page cannot be written.
    Cancelled
        The gate was cancelled (the kernel is shut down, no page written).
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    t0 = time.perf_counter()

    async def run():
        nonlocal t0
        # The kernel is started here, so it is shut down here: nbclient shuts down only a
        # kernel manager it made itself. It boots in its own process while this thread
        # reads the notebook (on the demo, reproduce --force: 16,7-18,5 s against
        # 17,3-18,9 s with the notebook read first, three runs each: within the noise).
        km = _kernel_manager()
        await km.start_kernel(
            cwd=str(source.parent), env=kernel_env(root, output), extra_arguments=KERNEL_ARGS
        )
        client = None
        try:
            nb = read_notebook(source)
            if gate is not None:
                if not await asyncio.to_thread(gate.wait):
                    raise Cancelled(source.name)
                t0 = time.perf_counter()  # the time waited is clean's, not the notebook's
            client = NotebookClient(
                nb,
                km=km,
                timeout=CELL_TIMEOUT,
                startup_timeout=STARTUP_TIMEOUT,
                kernel_name="python3",
                resources={"metadata": {"path": str(source.parent)}},
                record_timing=False,
            )
            try:
                await _until_stopped(client.async_execute(), km, stop)
            except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
                error = (
                    failing_cell(nb) or f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
                )
                if isinstance(exc, DeadKernelError):
                    error = (
                        "kernel mati di tengah jalan (kehabisan memori, atau sel yang "
                        f"menghentikan proses Python); {error}"
                    )
                return nb, error
            return nb, None
        finally:
            if client is not None and client.kc is not None:
                client.kc.stop_channels()
            if await km.is_alive():
                await km.shutdown_kernel(now=True)  # nothing to save
            await km.cleanup_resources()

    nb, error = asyncio.run(run())
    write_page(nb, source, html_out)
    return NotebookResult(source.stem, html_out, error is None, time.perf_counter() - t0, error)


async def _until_stopped(execution, km, stop: threading.Event | None) -> None:
    """Await ``execution``; shut the kernel of ``km`` down as soon as ``stop`` is set
    (Ctrl+C reaches this process only: each kernel runs in a session of its own), so
    the notebook ends with nbclient's DeadKernelError instead of running to its end."""
    task = asyncio.ensure_future(execution)
    while stop is not None and not task.done():
        await asyncio.wait({task}, timeout=0.2)
        if stop.is_set() and not task.done():
            await km.shutdown_kernel(now=True)
            break
    await task


def write_page(nb, source: Path, html_out: Path) -> None:
    """Write the executed notebook ``nb`` as the HTML page ``html_out``, titled by its
    first heading."""
    import nbformat

    from psm_analysis.files import write_text

    nb.metadata["title"] = page_title(nb, source.stem)
    body, _ = page_exporter().from_notebook_node(nbformat.from_dict(nb))
    write_text(html_out, body)


def page_exporter():
    """nbconvert's HTML exporter with the project's page template (:data:`TEMPLATES`),
    without input and output prompts (:func:`_page_exporter_class`)."""
    exporter = _page_exporter_class()(template_name="psm", extra_template_basedirs=[str(TEMPLATES)])
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    return exporter


#: What nbconvert's HTMLExporter adds to a rendered page for screen readers and the
#: keyboard (nbconvert 7.17, ``exporters/html.py``): cells' inputs and outputs focusable,
#: an alternative text on images that have none (here in Indonesian).
_FOCUSABLE = re.compile(
    r'(<div (?:id="[^"]*" )?class="(?:jp-Cell-inputWrapper|[^"]*\bjp-OutputArea-output\b[^"]*)")'
)
_IMAGE_WITHOUT_ALT = re.compile(r"<img(?=\s)(?![^>]*\balt=)")


@functools.cache
def _page_exporter_class():
    """HTMLExporter, rendering the page by its template alone. nbconvert's exporter then
    parses the whole page with BeautifulSoup to add the attributes of :data:`_FOCUSABLE`
    and :data:`_IMAGE_WITHOUT_ALT`, 1,2 s of CPU in ``reproduce`` for the demo's pages
    (which hold their figures), in the process that also drives the kernels; here the
    same attributes are put in by two regular expressions on the template's own tags."""
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class PageExporter(HTMLExporter):
        def from_notebook_node(self, nb, resources=None, **kw):
            # HTMLExporter.from_notebook_node up to its BeautifulSoup pass
            info = nb.metadata.get("language_info", {})
            lexer = info.get("pygments_lexer", info.get("name", None))
            highlight = self.filters.get(
                "highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)
            )
            resources = self._init_resources(resources)
            data_type = WidgetsDataTypeFilter(
                notebook_metadata=self._nb_metadata, parent=self, resources=resources
            )
            self.register_filter("highlight_code", highlight)
            self.register_filter("filter_data_type", data_type)
            page, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
            page = _FOCUSABLE.sub(r'\1 tabindex="0"', page)
            return _IMAGE_WITHOUT_ALT.sub('<img alt="Gambar keluaran sel"', page), resources

    return PageExporter


def run_notebooks(
    jobs: list[tuple[Path, Path]],
    root: Path,
    workers: int,
    output: Path | None = None,
    gate: Gate | None = None,
) -> NotebookRuns:
    """Start running each ``(source, html_out)`` of ``jobs`` with
    :func:`execute_notebook`, ``workers`` at a time, each in a kernel of its own (after
    ``gate`` opens, when given). Iterate the result for ``(source, result)`` as each
    notebook finishes: a :class:`NotebookResult`, or the exception that kept the
    notebook from running at all (unreadable source, a kernel that did not start)."""
    return NotebookRuns(jobs, root, workers, output, gate)


class NotebookRuns:
    """Notebooks running in a thread pool (:func:`run_notebooks`); iterate for the
    results, :meth:`close` to cancel those not started and shut every kernel down (also
    as a context manager, and at the end of the iteration)."""

    def __init__(self, jobs, root, workers, output=None, gate=None) -> None:
        self._gate = gate
        self._stop = threading.Event()
        self._pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="psm-nb")
        self._futures = {
            self._pool.submit(
                execute_notebook, source, html, root, output, gate, self._stop
            ): source
            for source, html in jobs
        }

    def __iter__(self) -> Iterator[tuple[Path, NotebookResult | Exception]]:
        try:
            for future in as_completed(self._futures):
                try:
                    yield self._futures[future], future.result()
                except Exception as exc:
                    yield self._futures[future], exc
        finally:
            self.close()

    def open(self) -> None:
        """Open the gate the notebooks wait at (:class:`Gate`), if they were given one."""
        if self._gate is not None:
            self._gate.open()

    def close(self) -> None:
        """Cancel what has not started, let waiting kernels shut down, stop the running
        ones (when the iteration was stopped: Ctrl+C), wait for them."""
        for future in self._futures:
            future.cancel()
        if self._gate is not None:
            self._gate.cancel()
        self._stop.set()
        self._pool.shutdown(wait=True)

    def __enter__(self) -> NotebookRuns:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
