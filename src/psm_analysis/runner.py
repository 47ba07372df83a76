"""Execute jupytext notebooks with nbclient and render them to HTML.

Kernels are started from this Python environment (the ``python3`` kernel of the
environment's own ipykernel, so a fresh clone needs no kernel installed by hand), with the
notebooks folder as working directory. A failing cell stops the run; the notebook is
still rendered, with the error visible, and the result names the failing cell.

:class:`NotebookPool` starts its kernels before it is given any notebook, and has each
kernel import the heavy libraries (:data:`PRELOAD`) at once, so that start-up overlaps
with whatever the caller does meanwhile (``reproduce`` runs ``clean``). A pool kernel
then runs one notebook after another: before each notebook after its first, it is put
back to its state right after start-up (:func:`psm_analysis.kernelstate.fresh_kernel`:
no variable, figure, option or setting of the notebook before is left; the imported
modules stay). A kernel whose notebook failed is replaced by a new one.
:func:`execute_notebook` runs one notebook in a kernel of its own.
"""

from __future__ import annotations

import asyncio
import os
import queue
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

#: Seconds one cell may run before the notebook counts as failed.
CELL_TIMEOUT = 600
#: Seconds a kernel may take to start and answer.
STARTUP_TIMEOUT = 120
#: Run silently in every kernel before the notebook's first cell: the imports every
#: notebook does anyway (2-3 s of CPU), done while the kernel waits for work; then the
#: kernel's state is saved for :data:`RESET`. Not scipy: importing ``scipy.stats`` costs
#: 2,6 s (1,2 s of it rewriting docstrings, in scipy 1.17) and only the notebooks that
#: test something need it. Neither the library nor the notebooks import seaborn or
#: statsmodels (installed for the researcher's own analyses). Last, ``gc.freeze()``: the
#: objects of these libraries, which live as long as the kernel, leave the garbage
#: collector's view, so its full collections (while a notebook runs, and the one
#: IPython's reset makes between notebooks) walk only what the notebooks create. Measured
#: in one IPython shell running notebooks 03-05 of the demo project, twice each way:
#: each reset 0,10-0,12 s of CPU against 0,16-0,26 s, notebooks 04 and 05 about 5 % less.
PRELOAD = (
    "import pandas, matplotlib.pyplot, docx, openpyxl\n"
    "import psm_analysis.notebook, psm_analysis.plots, psm_analysis.tables\n"
    "import psm_analysis.kernelstate as _psm_kernelstate\n"
    "_psm_kernelstate.remember()\n"
    "del _psm_kernelstate\n"
    "import gc as _psm_gc\n"
    "_psm_gc.freeze()\n"
    "del _psm_gc"
)
#: Run silently in a pool kernel between two notebooks.
RESET = "import psm_analysis.kernelstate\npsm_analysis.kernelstate.fresh_kernel()"
#: Kernel options: quiet (no TCP warning, no "KeyboardInterrupt caught" as it is stopped),
#: no history database.
KERNEL_ARGS = ["--IPKernelApp.log_level=CRITICAL", "--HistoryManager.hist_file=:memory:"]


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


_JSONSCHEMA_LOCK = threading.Lock()


def _import_jsonschema_without_iri_parsers() -> None:
    """Import jsonschema (nbformat validates notebooks with it) without rfc3987-syntax.

    When rfc3987-syntax is installed (jupyter-events asks for ``jsonschema[format-nongpl]``),
    importing jsonschema imports it, and it builds about 35 Earley parsers for the "iri"
    string formats: 2,8 s of CPU on this project's 2-core test machine, more than all of
    nbformat, nbconvert, nbclient and jupytext together, for formats no notebook schema
    uses (upstream: python-jsonschema/jsonschema#1428, opendatahub-io/notebooks#3532).
    jsonschema imports it only if it can (``try: ... except ImportError``), so it is
    hidden for that one import and then given back: a later ``import rfc3987_syntax``
    works, but jsonschema in this process has no checker for the "iri" and
    "iri-reference" formats (psm-analysis checks no formats). Does nothing if jsonschema
    is already imported."""
    with _JSONSCHEMA_LOCK:
        if "jsonschema" in sys.modules:
            return
        hidden = "rfc3987_syntax" not in sys.modules
        if hidden:
            sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]
        try:
            import jsonschema  # noqa: F401  (imports jsonschema._format)
        except ImportError:
            pass
        finally:
            if hidden and sys.modules.get("rfc3987_syntax", False) is None:
                del sys.modules["rfc3987_syntax"]


def _exporter():
    _import_jsonschema_without_iri_parsers()
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="psm", extra_template_basedirs=[str(TEMPLATES)])
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    return exporter


class _SharedExporter:
    """One HTML exporter for all threads of a pool: its template is compiled once (not
    once per thread), and pages are rendered one at a time - rendering holds the GIL
    anyway, and ``from_notebook_node`` registers the notebook's own filters on the
    exporter's shared template environment."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._exporter = None

    def from_notebook_node(self, nb):
        with self._lock:
            if self._exporter is None:
                self._exporter = _exporter()
            return self._exporter.from_notebook_node(nb)


def page_title(nb, fallback: str) -> str:
    """The first Markdown heading of the notebook (its title), else ``fallback``."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            if line.startswith("#"):
                return line.lstrip("#").strip()
    return fallback


def kernel_env(root: Path) -> dict[str, str]:
    """The environment of every notebook kernel: the project root, a fixed hash seed, and
    the kernel's own (inline) matplotlib backend."""
    # The kernel is this environment's own python3 (jupyter_client swaps "python" for
    # sys.executable), found before any user-wide kernel of the same name.
    os.environ.setdefault("JUPYTER_PREFER_ENV_PATH", "1")
    env = dict(os.environ, PSM_ANALYSIS_ROOT=str(root), PYTHONHASHSEED="0")
    env.pop("MPLBACKEND", None)
    return env


def _read(source: Path):
    _import_jsonschema_without_iri_parsers()
    import jupytext

    nb = jupytext.read(source)
    nb.metadata.pop("jupytext", None)
    # nbformat gives each cell a random id, which the page carries: number them instead,
    # so the same notebook gives the same page
    for index, cell in enumerate(nb.cells, start=1):
        cell["id"] = f"sel-{index}"
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    return nb


async def _silent(kc, code: str) -> dict:
    """Run ``code`` in the kernel without output or history; return the execute reply."""
    msg_id = kc.execute(code, silent=True, store_history=False)
    while True:
        reply = await kc.get_shell_msg(timeout=STARTUP_TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


class _Kernel:
    """One started kernel that has run :data:`PRELOAD`; all calls on one event loop."""

    def __init__(self, cwd: Path, env: dict[str, str]):
        from jupyter_client.manager import AsyncKernelManager

        # Unix sockets on Linux: no TCP port to pick, so no clash between the kernels that
        # start at once (a port picked free can be taken before the kernel binds it).
        if sys.platform.startswith("linux"):
            # An absolute socket path: a relative one would resolve against the kernel's
            # working directory on one side and ours on the other.
            ip = os.path.join(tempfile.gettempdir(), f"psm-kernel-{uuid.uuid4().hex[:12]}")
            self.km = AsyncKernelManager(kernel_name="python3", transport="ipc", ip=ip)
        else:
            self.km = AsyncKernelManager(kernel_name="python3")
        self.cwd, self.env = cwd, env
        self.used = False  # has it run a notebook since it started (or was reset)?
        # One client for the kernel's life, for its notebooks and the code between them:
        # a new client costs 0,2-0,6 s to connect (jupyter_client's wait_for_ready waits
        # 0,2 s for IOPub to fall silent, and again when the new socket missed the first
        # reply), which the kernel spent idle between two notebooks.
        self.kc = None

    async def start(self, launched: Callable[[], None] | None = None) -> _Kernel:
        """Start the kernel and run :data:`PRELOAD`; ``launched`` is called once its
        process runs (before it is ready)."""
        await self.km.start_kernel(cwd=str(self.cwd), env=self.env, extra_arguments=KERNEL_ARGS)
        if launched is not None:
            launched()
        self.kc = self.km.client()
        self.kc.start_channels()
        try:
            await self.kc.wait_for_ready(timeout=STARTUP_TIMEOUT)
            self.kc.allow_stdin = False  # as nbclient sets its own client
            # A failed import only costs the head start: the notebook reports it itself.
            await _silent(self.kc, PRELOAD)
        except BaseException:
            await self.shutdown()
            raise
        return self

    async def reset(self) -> bool:
        """Put a kernel that ran a notebook back to its state after start-up (:data:`RESET`);
        False if that failed (then the kernel is no use for another notebook)."""
        try:
            reply = await _silent(self.kc, RESET)
        except Exception:
            return False
        return reply["content"].get("status") == "ok"

    async def call(self, code: str) -> str | None:
        """Run ``code`` silently; None if it ran, else why not (``"NameError: ..."``)."""
        try:
            reply = await _silent(self.kc, code)
        except Exception as exc:
            return f"{type(exc).__name__}: {exc}"
        content = reply["content"]
        if content.get("status") == "ok":
            return None
        return f"{content.get('ename')}: {content.get('evalue')}"

    async def execute(self, nb, source: Path) -> str | None:
        """Run every cell of ``nb`` (in place) in this kernel; None if all ran, else where
        it failed (``"sel 7 (baris pertama: ...): NameError: ..."``)."""
        from nbclient import NotebookClient
        from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

        client = NotebookClient(
            nb,
            km=self.km,
            kernel_name="python3",
            timeout=CELL_TIMEOUT,
            startup_timeout=STARTUP_TIMEOUT,
            resources={"metadata": {"path": str(source.parent)}},
            record_timing=False,
        )
        client.kc = self.kc  # ready: nbclient connects no client of its own
        error = None
        try:
            await client.async_execute()
        except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
            error = _failing_cell(nb) or f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
            if isinstance(exc, DeadKernelError):
                error = (
                    "kernel mati di tengah jalan (kehabisan memori, atau sel yang menghentikan "
                    f"proses Python); {error}"
                )
        return error

    async def run(self, nb, source: Path, html_out: Path, exporter) -> NotebookResult:
        t0 = time.perf_counter()
        error = await self.execute(nb, source)
        return write_page(nb, source, html_out, exporter, error, time.perf_counter() - t0)

    async def shutdown(self) -> None:
        if self.kc is not None:
            self.kc.stop_channels()
            self.kc = None
        try:
            if await self.km.is_alive():
                await self.km.shutdown_kernel(now=True)  # nothing left to save
        finally:
            await self.km.cleanup_resources()


def write_page(nb, source: Path, html_out: Path, exporter, error: str | None, seconds: float):
    """Write the executed notebook ``nb`` as the HTML page ``html_out``; its result."""
    import nbformat

    from psm_analysis.files import write_text

    nb.metadata["title"] = page_title(nb, source.stem)
    body, _ = exporter.from_notebook_node(nbformat.from_dict(nb))
    write_text(html_out, body)
    return NotebookResult(source.stem, html_out, error is None, seconds, error)


def execute_notebook(source: Path, html_out: Path, root: Path, exporter=None) -> NotebookResult:
    """Run ``source`` (a jupytext ``.py`` notebook) in a fresh kernel and write its HTML to
    ``html_out``."""
    t0 = time.perf_counter()
    nb = _read(source)

    async def go() -> NotebookResult:
        kernel = await _Kernel(source.parent, kernel_env(root)).start()
        try:
            return await kernel.run(nb, source, html_out, exporter or _exporter())
        finally:
            await kernel.shutdown()

    result = asyncio.run(go())
    result.seconds = time.perf_counter() - t0
    return result


class NotebookPool:
    """``workers`` threads, each starting a kernel (and its :data:`PRELOAD`) right away,
    then running the notebooks it is given one after another in that kernel, put back to
    its state after start-up before each (:data:`RESET`); a kernel whose notebook failed,
    or that could not be reset, is replaced.

    A kernel hands each executed notebook to the pool's page thread, which writes its
    HTML page, and goes on with the next notebook at once. Each kernel keeps one client
    for its notebooks and the code between them.

    Use: ``pool = NotebookPool(root, cwd, 3)``; ``pool.wait_launched()``; do other work; then
    ``for source, result in pool.run(jobs): ...`` (``result`` a :class:`NotebookResult`,
    or the exception that kept the notebook from running at all); then, if there is
    more work for the kernels, ``wait = pool.submit(codes)``, other work, ``wait()``;
    ``pool.close()``. The kernels stay up until ``close``, which shuts them down.
    """

    def __init__(self, root: Path, cwd: Path, workers: int):
        self.env, self.cwd = kernel_env(root), cwd
        self._jobs: queue.Queue = queue.Queue()
        self._results: queue.Queue = queue.Queue()
        self._stop = threading.Event()
        self._exporter = _SharedExporter()
        self._pages: queue.Queue = queue.Queue()
        # set by each kernel's thread once its kernel's process runs (or failed to start)
        self._launched = [threading.Event() for _ in range(max(1, workers))]
        self.started = time.perf_counter()
        self._threads = [
            threading.Thread(
                target=self._work, args=(launched,), name=f"psm-kernel-{i}", daemon=True
            )
            for i, launched in enumerate(self._launched)
        ]
        self._page_thread = threading.Thread(
            target=self._write_pages, name="psm-pages", daemon=True
        )
        for t in [*self._threads, self._page_thread]:
            t.start()

    def _write_pages(self) -> None:
        """Turn each executed notebook into its page, one after another, so that a
        kernel starts its next notebook at once (rendering a page takes 0,3-1 s of this
        process's CPU; done by the kernel's thread, it kept the kernel idle meanwhile)."""
        while True:
            item = self._pages.get()
            if item is None:
                break
            nb, source, html_out, error, ran = item
            t0 = time.perf_counter()
            try:
                result = write_page(nb, source, html_out, self._exporter, error, 0.0)
            except Exception as exc:
                self._results.put((source, exc))
                continue
            # the kernel's time and the page's, not the time the page waited for its turn
            result.seconds = ran + time.perf_counter() - t0
            self._results.put((source, result))

    def _work(self, launched: threading.Event) -> None:
        loop = asyncio.new_event_loop()

        def start() -> _Kernel | BaseException:
            try:
                return loop.run_until_complete(_Kernel(self.cwd, self.env).start(launched.set))
            except Exception as exc:
                return exc
            finally:
                launched.set()

        async def ready(kernel: _Kernel) -> _Kernel | None:
            """The kernel, put back as fresh if it ran a notebook; None if that failed."""
            if kernel.used and not await kernel.reset():
                await kernel.shutdown()
                return None
            kernel.used = True
            return kernel

        kernel = start()
        try:
            while True:
                job = self._jobs.get()
                if job is None:
                    break
                if job[0] == "code":
                    _, index, code, answers = job
                    try:
                        if isinstance(kernel, _Kernel):
                            kernel = loop.run_until_complete(ready(kernel))
                        if isinstance(kernel, _Kernel):
                            answers.put((index, loop.run_until_complete(kernel.call(code))))
                        else:
                            answers.put((index, "no kernel (it failed to start or reset)"))
                    except Exception as exc:
                        answers.put((index, f"{type(exc).__name__}: {exc}"))
                    continue
                source, html_out = job
                t0 = time.perf_counter()
                try:
                    nb = _read(source)  # an unreadable notebook leaves the kernel for the next
                    if isinstance(kernel, _Kernel):
                        kernel = loop.run_until_complete(ready(kernel))
                    if not isinstance(kernel, _Kernel):
                        # the head-start kernel failed, or could not be reset: a new one
                        kernel = start()
                        if isinstance(kernel, _Kernel):
                            kernel.used = True
                    if not isinstance(kernel, _Kernel):
                        raise kernel
                    try:
                        error = loop.run_until_complete(kernel.execute(nb, source))
                    except BaseException:
                        loop.run_until_complete(kernel.shutdown())
                        kernel = None
                        raise
                    if error is not None:
                        # a failed notebook may have left the kernel dead or stuck
                        loop.run_until_complete(kernel.shutdown())
                        kernel = None
                    # the page is written by the page thread while this kernel goes on
                    self._pages.put((nb, source, html_out, error, time.perf_counter() - t0))
                except Exception as exc:
                    self._results.put((source, exc))
        finally:
            if isinstance(kernel, _Kernel):
                loop.run_until_complete(kernel.shutdown())
            loop.close()

    def run(self, jobs: list[tuple[Path, Path]]) -> Iterator[tuple[Path, object]]:
        """Give the kernels every ``(source, html_out)`` now; the iterator returned yields
        ``(source, result)`` as each finishes (the caller may do other work first)."""
        for job in jobs:
            self._jobs.put(job)
        return (self._results.get() for _ in jobs)

    def wait_launched(self, timeout: float = 10.0) -> None:
        """Wait (at most ``timeout`` seconds) until each kernel's process runs, or failed
        to start. Work the caller starts after this does not hold up the launch: the
        threads that launch the kernels need this process's GIL for 0,4-0,5 s, and work
        started at once (``reproduce``'s clean) took it, so the kernels started 1 s late
        and one core stayed idle meanwhile."""
        deadline = time.perf_counter() + timeout
        for event in self._launched:
            event.wait(max(0.0, deadline - time.perf_counter()))

    @property
    def size(self) -> int:
        """How many kernels (threads) the pool has."""
        return len(self._threads)

    def submit(self, codes: list[str]) -> Callable[[], list[str | None]]:
        """Run each of ``codes`` silently in one of the kernels, after the notebooks given
        to :meth:`run` and the reset after them, while the caller goes on. Returns the
        function that waits for all of them and gives, per code, None if it ran or why
        it did not (a kernel that failed is not started again for this)."""
        answers: queue.Queue = queue.Queue()
        for index, code in enumerate(codes):
            self._jobs.put(("code", index, code, answers))

        def wait() -> list[str | None]:
            out: list[str | None] = [None] * len(codes)
            for _ in codes:
                index, error = answers.get()
                out[index] = error
            return out

        return wait

    def close(self) -> None:
        """Drop notebooks not yet started, let running ones finish, stop every kernel."""
        self._stop.set()
        try:
            while True:
                self._jobs.get_nowait()
        except queue.Empty:
            pass
        for _ in self._threads:
            self._jobs.put(None)
        for t in self._threads:
            t.join()
        self._pages.put(None)  # after the kernels: the pages of their last notebooks
        self._page_thread.join()
