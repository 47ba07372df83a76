"""reproduce runs several notebooks in one kernel (issue 13): the kernel is put back to its
state after start-up between notebooks, so every page, figure and table is what a fresh
kernel per notebook gives; a kernel whose notebook failed is replaced."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import digest

from psm_analysis import pipeline, runner
from psm_analysis.config import get_paths

pytestmark = pytest.mark.slow

#: Notebook 1 changes everything a notebook can change in its process.
CHANGES = """\
# %%
open("count1.txt", "w").write(str(get_ipython().execution_count))
import os, random, sys, warnings
import matplotlib, matplotlib.pyplot as plt, numpy as np, pandas as pd
from pathlib import Path
Path("pid1.txt").write_text(str(os.getpid()))
Path("filters1.txt").write_text(repr(warnings.filters))
import locale, logging
Path("before1.txt").write_text(repr((
    matplotlib.get_backend(), os.umask(0o022), sys.getrecursionlimit(),
    locale.setlocale(locale.LC_ALL), logging.getLogger().level, len(logging.getLogger().handlers),
)))
os.umask(0o077)
sys.setrecursionlimit(4321)
logging.basicConfig(level=logging.DEBUG)
os.environ["TZ"] = "Asia/Jakarta"
import time; time.tzset()
from matplotlib_inline.config import InlineBackend  # what %config InlineBackend... sets
InlineBackend.instance().figure_formats = {"svg"}
get_ipython().ast_node_interactivity = "all"
matplotlib.use("agg")
secret = 42
matplotlib.rcParams["lines.linewidth"] = 7.25
pd.set_option("display.precision", 9)
np.seterr(divide="raise")
np.random.seed(1)
random.seed(1)
warnings.simplefilter("error")
os.environ["PSM_DIUBAH"] = "ya"
sys.path.insert(0, "/tidak-ada")
plt.figure()
os.chdir("..")
"""

#: Notebook 2 fails (its assert) if anything of notebook 1 is left.
CHECKS = """\
# %%
open("count2.txt", "w").write(str(get_ipython().execution_count))
assert "secret" not in globals(), '"secret" not in globals()'
import os, random, sys, warnings
import matplotlib, matplotlib.pyplot as plt, numpy as np, pandas as pd
from pathlib import Path
Path("pid2.txt").write_text(str(os.getpid()))
assert matplotlib.rcParams["lines.linewidth"] != 7.25, 'matplotlib.rcParams["lines.linewidth"] != 7.25'
assert pd.get_option("display.precision") == 6, 'pd.get_option("display.precision") == 6'
assert np.geterr()["divide"] == "warn", 'np.geterr()["divide"] == "warn"'
assert "PSM_DIUBAH" not in os.environ, '"PSM_DIUBAH" not in os.environ'
assert "/tidak-ada" not in sys.path, '"/tidak-ada" not in sys.path'
assert plt.get_fignums() == [], 'plt.get_fignums() == []'
assert repr(warnings.filters) == Path("filters1.txt").read_text(), "warnings.filters"
import locale, logging, time
now = repr((
    matplotlib.get_backend(), os.umask(0o022), sys.getrecursionlimit(),
    locale.setlocale(locale.LC_ALL), logging.getLogger().level, len(logging.getLogger().handlers),
))
assert now == Path("before1.txt").read_text(), now
assert "TZ" not in os.environ and time.tzname != ("WIB", "WIB"), time.tzname
from matplotlib_inline.config import InlineBackend
assert InlineBackend.instance().figure_formats == {"png"}, InlineBackend.instance().figure_formats
assert get_ipython().ast_node_interactivity == "last_expr", get_ipython().ast_node_interactivity
assert Path.cwd().name == "notebooks", 'Path.cwd().name == "notebooks"'

# %%
fig, ax = plt.subplots()
ax.plot([1, 2])
plt.show()
"""


def _notebooks(root: Path, texts: dict[str, str]) -> list[tuple[Path, Path]]:
    folder = root / "notebooks"
    folder.mkdir(parents=True, exist_ok=True)
    (root / "reports").mkdir(exist_ok=True)
    jobs = []
    for name, text in texts.items():
        src = folder / f"{name}.py"
        src.write_text(text, encoding="utf-8")
        jobs.append((src, root / "reports" / f"{name}.html"))
    return jobs


def _run_in_one_kernel(root: Path, jobs: list[tuple[Path, Path]]) -> dict:
    """``{source: result}`` of ``jobs`` run one after another by a one-kernel pool."""
    pool = runner.NotebookPool(root, root / "notebooks", workers=1)
    try:
        return dict(pool.run(jobs))
    finally:
        pool.close()


def test_second_notebook_in_a_kernel_sees_nothing_of_the_first(tmp_path):
    jobs = _notebooks(tmp_path, {"01_ubah": CHANGES, "02_periksa": CHECKS})
    results = _run_in_one_kernel(tmp_path, jobs)
    for src, _ in jobs:
        res = results[src]
        assert not isinstance(res, BaseException), res
        assert res.ok, (src.name, res.error)
    folder = tmp_path / "notebooks"
    # the same kernel ran both: it was reset, not replaced
    assert (folder / "pid2.txt").read_text() == (folder / "pid1.txt").read_text()
    # the second notebook's cells count as a fresh kernel's do
    assert (folder / "count2.txt").read_text() == (folder / "count1.txt").read_text()
    # and its figure is on its page as a PNG, as in a fresh kernel (not SVG, not lost to
    # the agg backend the first notebook switched to)
    first, page = (html.read_text(encoding="utf-8") for _, html in jobs)
    png = "data:image/png;base64,"  # the page template has one small PNG of its own
    assert page.count(png) == first.count(png) + 1 and "<svg" not in page


def test_a_kernel_whose_notebook_failed_is_replaced(tmp_path):
    jobs = _notebooks(
        tmp_path,
        {
            "01_gagal": CHANGES + "\n# %%\nraise ValueError('sengaja gagal')\n",
            "02_periksa": CHECKS,
        },
    )
    results = _run_in_one_kernel(tmp_path, jobs)
    failed, checked = (results[src] for src, _ in jobs)
    assert not failed.ok and "ValueError: sengaja gagal" in failed.error
    assert checked.ok, checked.error
    assert (tmp_path / "notebooks" / "pid2.txt").read_text() != (
        tmp_path / "notebooks" / "pid1.txt"
    ).read_text()


STAMP = """\
# %%
import time
open("start_{n}.txt", "w").write(repr(time.time()))
"""


def test_a_kernel_starts_its_next_notebook_while_the_page_of_the_last_is_written(
    tmp_path, monkeypatch
):
    """Pages are written by the pool's page thread: the kernel does not wait for them. A
    page that cannot be written is that notebook's error; the next notebook still runs
    and gets its page."""
    import time

    jobs = _notebooks(tmp_path, {"01_a": STAMP.format(n=1), "02_b": STAMP.format(n=2)})
    written: dict[str, float] = {}
    real = runner.write_page

    def slow_page(nb, source, html_out, exporter, error, seconds):
        time.sleep(2.0)
        if source.stem == "01_a":
            written[source.stem] = time.time()
            raise OSError("disk penuh")
        result = real(nb, source, html_out, exporter, error, seconds)
        written[source.stem] = time.time()
        return result

    monkeypatch.setattr(runner, "write_page", slow_page)
    results = _run_in_one_kernel(tmp_path, jobs)
    first, second = (results[src] for src, _ in jobs)
    assert isinstance(first, OSError) and str(first) == "disk penuh"
    assert second.ok and second.html.is_file() and second.seconds >= 2.0
    started = float((tmp_path / "notebooks" / "start_2.txt").read_text())
    # notebook 2 ran in the kernel while page 1 was still being written
    assert started < written["01_a"]


def test_a_notebook_that_kills_its_kernel_fails_and_the_next_gets_a_new_kernel(tmp_path):
    """A cell that ends the kernel's process (as running out of memory does): the notebook
    fails with a message that says so, and the next notebook runs in a new kernel (each
    kernel's one client goes with it)."""
    jobs = _notebooks(
        tmp_path,
        {
            "01_mati": "# %%\nimport os\nopen('pid1.txt', 'w').write(str(os.getpid()))\n"
            "\n# %%\nos._exit(1)\n",
            "02_periksa": "# %%\nimport os\nopen('pid2.txt', 'w').write(str(os.getpid()))\n",
        },
    )
    results = _run_in_one_kernel(tmp_path, jobs)
    died, checked = (results[src] for src, _ in jobs)
    assert not died.ok
    assert died.error.startswith("kernel mati di tengah jalan (kehabisan memori"), died.error
    assert "DeadKernelError" in died.error
    assert died.html.is_file()
    assert checked.ok, checked.error
    folder = tmp_path / "notebooks"
    assert (folder / "pid2.txt").read_text() != (folder / "pid1.txt").read_text()


def test_submitted_code_runs_in_the_pool_kernel_after_its_notebooks(tmp_path):
    """After the notebooks, the pool's kernels take code (reproduce gives them the tables
    to write under their final numbers): run in the same kernel, reset first, one answer
    per code, None or the error."""
    jobs = _notebooks(tmp_path, {"01_ubah": CHANGES})
    pool = runner.NotebookPool(tmp_path, tmp_path / "notebooks", workers=1)
    try:
        assert [r.ok for _, r in pool.run(jobs)] == [True]
        wait = pool.submit(
            [
                "import gc, os\nopen('pid_code.txt', 'w').write(str(os.getpid()))\n"
                "open('secret_code.txt', 'w').write(str('secret' in globals()))\n"
                "open('frozen.txt', 'w').write(str(gc.get_freeze_count()))",
                "raise ValueError('sengaja gagal')",
            ]
        )
        assert wait() == [None, "ValueError: sengaja gagal"]
    finally:
        pool.close()
    folder = tmp_path / "notebooks"  # the cwd the notebook left was put back
    assert (folder / "pid_code.txt").read_text() == (folder / "pid1.txt").read_text()
    assert (folder / "secret_code.txt").read_text() == "False"
    # the preloaded libraries' objects stay out of the garbage collector's walks, also
    # after a reset (runner.PRELOAD)
    assert int((folder / "frozen.txt").read_text()) > 100_000


def test_shared_kernel_gives_the_files_of_a_fresh_kernel_per_notebook(make_project, monkeypatch):
    """Every notebook in one kernel (jobs=1) against a new kernel for each notebook (every
    reset refused): processed data, figures, tables, pages and the Word document are
    byte-identical. In the first, the kernel writes the renumbered tables; in the second,
    with no kernel left to take them, reproduce writes them itself, and the Word document
    of all tables and figures too."""
    from psm_analysis import site, tables

    written_here: list[str] = []
    real = tables.rewrite_table_files
    monkeypatch.setattr(
        tables, "rewrite_table_files", lambda f, names: written_here.extend(names) or real(f, names)
    )
    documents_here: list[Path] = []
    real_docx = site.write_thesis_docx
    monkeypatch.setattr(
        site,
        "write_thesis_docx",
        lambda p, *a, **k: documents_here.append(p) or real_docx(p, *a, **k),
    )
    shared = make_project()
    assert pipeline.reproduce(force=True, jobs=1, progress=None, paths=get_paths(shared))
    assert written_here == []  # all written in the kernel
    assert documents_here == []

    async def refuse(self) -> bool:
        return False

    monkeypatch.setattr(runner._Kernel, "reset", refuse)
    fresh = make_project()
    assert pipeline.reproduce(force=True, jobs=1, progress=None, paths=get_paths(fresh))
    # a fresh project has no numbering of an earlier run: notebooks after 01 numbered
    # their tables from IV.1
    assert any(name.startswith("04_") for name in written_here)
    assert documents_here == [get_paths(fresh)]

    for folder in ("data/processed", "figures", "reports"):
        a, b = digest(shared / folder), digest(fresh / folder)
        a.pop(".build/state.json", None)
        b.pop(".build/state.json", None)
        assert a.keys() == b.keys(), folder
        differ = sorted(k for k in a if a[k] != b[k])
        assert differ == [], (folder, differ)
