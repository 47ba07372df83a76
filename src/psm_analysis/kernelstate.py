"""What running a notebook can change in the Python process, saved and put back.

``reproduce`` runs several notebooks one after another in one kernel: starting a kernel
and importing pandas, matplotlib and the library costs 2-3 s of CPU per kernel
(measured on 2 cores), more than some notebooks take. Between two notebooks the kernel is
put back as it was right after start-up, so each notebook sees what a fresh kernel would
show it, and its page, figures and tables come out byte-identical (a slow test compares a
shared-kernel run with a fresh kernel per notebook):

- the IPython user namespace (every variable, ``In``/``Out``), the execution count, which
  expressions display (``ast_node_interactivity``) and the inline figure formats
  (``%config InlineBackend...``);
- open matplotlib figures, every rcParam (``notebook.setup`` sets the thesis style) and
  the backend (``matplotlib.use``);
- every pandas option, numpy's error handling, print options and global random state,
  Python's ``random`` state;
- the warning filters (and which warnings were already shown, so a warning shows again),
  the root logger's level and handlers;
- environment variables (and the time zone they set), the working directory,
  ``sys.path``, the umask, the recursion limit and the locale.

Imported modules stay imported: that is the point. So a module-level variable a notebook
sets, or a library function it replaces (monkeypatching), would reach the next notebook:
the library keeps no notebook state in modules (issue 8), the notebooks patch nothing, and
a slow test compares a shared-kernel run with a fresh kernel per notebook.

The test suite's autouse fixture uses the same :func:`snapshot`/:func:`restore`.
"""

from __future__ import annotations

import os
import random
import sys
import time
import warnings
from dataclasses import dataclass, field
from typing import Any


@dataclass
class ProcessState:
    """A snapshot taken by :func:`snapshot`; put back by :func:`restore`."""

    environ: dict[str, str]
    cwd: str
    path: list[str]
    warning_filters: list
    showwarning: Any
    random_state: object
    umask: int = 0o022
    recursion_limit: int = 1000
    locale: str | None = None
    log_level: int = 30
    log_handlers: list = field(default_factory=list)
    rc: dict[str, Any] | None = None
    backend: str | None = None
    figures: set[int] = field(default_factory=set)
    pandas_options: dict[str, Any] | None = None
    numpy: tuple | None = None


def _pandas_option_names(pd) -> list[str]:
    """Every registered pandas option (pandas has no public list of them)."""
    try:
        from pandas._config.config import _registered_options

        return sorted(_registered_options)
    except ImportError:  # pragma: no cover - a pandas without the registry
        return ["display.max_columns", "display.max_rows", "display.width", "display.precision"]


def snapshot() -> ProcessState:
    """Save the process state listed in the module docstring (matplotlib, pandas and
    numpy only if already imported)."""
    import locale
    import logging

    umask = os.umask(0o022)
    os.umask(umask)
    root = logging.getLogger()
    state = ProcessState(
        environ=dict(os.environ),
        cwd=os.getcwd(),
        path=list(sys.path),
        warning_filters=list(warnings.filters),
        showwarning=warnings.showwarning,
        random_state=random.getstate(),
        umask=umask,
        recursion_limit=sys.getrecursionlimit(),
        locale=locale.setlocale(locale.LC_ALL),
        log_level=root.level,
        log_handlers=list(root.handlers),
    )
    mpl = sys.modules.get("matplotlib")
    if mpl is not None:
        state.rc = dict(mpl.rcParams)
        if "matplotlib.pyplot" in sys.modules:
            state.figures = set(mpl._pylab_helpers.Gcf.figs)
            state.backend = mpl.get_backend()
    pd = sys.modules.get("pandas")
    if pd is not None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # deprecated options warn when read
            state.pandas_options = {o: pd.get_option(o) for o in _pandas_option_names(pd)}
    np = sys.modules.get("numpy")
    if np is not None:
        state.numpy = (np.geterr(), np.get_printoptions(), np.random.get_state())
    return state


def restore(state: ProcessState) -> None:
    """Put back what :func:`snapshot` saved: close the figures opened since, restore the
    backend and rcParams (as matplotlib loaded them, if it was imported after the
    snapshot), the pandas options and numpy settings, the random states, the warning
    filters, the root logger, the environment (and the time zone), working directory,
    ``sys.path``, umask, recursion limit and locale."""
    import locale
    import logging

    mpl = sys.modules.get("matplotlib")
    if mpl is not None:
        if "matplotlib.pyplot" in sys.modules:
            plt = sys.modules["matplotlib.pyplot"]
            for num in set(mpl._pylab_helpers.Gcf.figs) - state.figures:
                plt.close(num)
            if state.backend is not None and mpl.get_backend() != state.backend:
                plt.switch_backend(state.backend)
        before = dict(state.rc) if state.rc is not None else dict(mpl.rcParamsOrig)
        before.pop("backend", None)
        # as matplotlib's own rc_context restores: no validation, no deprecation warnings
        dict.update(mpl.rcParams, before)
    pd = sys.modules.get("pandas")
    if pd is not None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if state.pandas_options is None:
                pd.reset_option("all")
            else:
                for option, value in state.pandas_options.items():
                    if pd.get_option(option) != value:
                        pd.set_option(option, value)
    np = sys.modules.get("numpy")
    if np is not None and state.numpy is not None:
        err, printopts, rng = state.numpy
        np.seterr(**err)
        np.set_printoptions(**printopts)
        np.random.set_state(rng)
    random.setstate(state.random_state)
    warnings.filters[:] = state.warning_filters
    warnings.showwarning = state.showwarning
    _forget_shown_warnings()
    root = logging.getLogger()
    root.setLevel(state.log_level)
    root.handlers[:] = state.log_handlers
    if dict(os.environ) != state.environ:
        os.environ.clear()
        os.environ.update(state.environ)
        if hasattr(time, "tzset"):  # not on Windows
            time.tzset()  # TZ may have changed
    if os.getcwd() != state.cwd:
        os.chdir(state.cwd)
    sys.path[:] = state.path
    os.umask(state.umask)
    sys.setrecursionlimit(state.recursion_limit)
    if state.locale is not None and locale.setlocale(locale.LC_ALL) != state.locale:
        try:
            locale.setlocale(locale.LC_ALL, state.locale)
        except locale.Error:  # a locale string this platform will not take back
            locale.setlocale(locale.LC_ALL, "C")


#: The private hook of the warnings module that catch_warnings calls (CPython 3.11-3.13).
_FILTERS_MUTATED = "_filters_mutated"


class _NeverRaised(Warning):
    """A warning category no code uses (for :func:`_forget_shown_warnings`)."""


def _forget_shown_warnings() -> None:
    """Make every warning show again, as ``warnings.catch_warnings`` does on exit: a
    change of the filters invalidates each module's record of warnings already shown."""
    mutated = getattr(warnings, _FILTERS_MUTATED, None)
    if mutated is not None:
        mutated()
    else:  # a Python without the private hook: a public change of the filters does it
        warnings.simplefilter("default", _NeverRaised, append=True)
        warnings.filters.remove(warnings.filters[-1])


@dataclass
class _ShellState:
    """What a notebook can change in IPython itself."""

    execution_count: int
    ast_node_interactivity: str
    inline: dict[str, Any]  # the InlineBackend configurable's traits a %config changes


#: The inline backend's settings ``%config InlineBackend.<name> = ...`` can change.
_INLINE_TRAITS = ("figure_formats", "print_figure_kwargs", "rc", "close_figures")

#: The state right after the kernel started (:func:`remember`), for :func:`fresh_kernel`.
#: Set only in a notebook kernel that ``reproduce`` started.
_STARTED: tuple[ProcessState, _ShellState] | None = None


def _inline_backend():
    try:
        from matplotlib_inline.config import InlineBackend
    except ImportError:  # pragma: no cover - ipykernel always brings it
        return None
    return InlineBackend.instance()


def remember() -> None:
    """In a kernel just started (and done with its imports): save its state, for
    :func:`fresh_kernel` before each later notebook.

    Raises
    ------
    RuntimeError
        If this is no IPython kernel.
    """
    import copy

    from IPython import get_ipython

    global _STARTED
    shell = get_ipython()
    if shell is None:
        raise RuntimeError("remember() needs an IPython kernel")
    cfg = _inline_backend()
    inline = {n: copy.deepcopy(getattr(cfg, n)) for n in _INLINE_TRAITS} if cfg else {}
    _STARTED = (
        snapshot(),
        _ShellState(shell.execution_count, shell.ast_node_interactivity, inline),
    )


def fresh_kernel() -> None:
    """In a kernel that has run a notebook: clear the IPython user namespace, set the
    execution count back and :func:`restore` the state, as :func:`remember` saved them.

    Raises
    ------
    RuntimeError
        If :func:`remember` was not called in this process, or it is no IPython kernel.
    """
    from IPython import get_ipython

    shell = get_ipython()
    if _STARTED is None or shell is None:
        raise RuntimeError("fresh_kernel() needs an IPython kernel that called remember()")
    import copy

    state, ipy = _STARTED
    shell.reset(new_session=False)  # what %reset -f does: every variable, In, Out
    shell.execution_count = ipy.execution_count
    shell.ast_node_interactivity = ipy.ast_node_interactivity
    cfg = _inline_backend()
    if cfg is not None and ipy.inline:
        changed = any(getattr(cfg, n) != v for n, v in ipy.inline.items())
        for name, value in ipy.inline.items():
            setattr(cfg, name, copy.deepcopy(value))
        if changed:
            from IPython.core.pylabtools import select_figure_formats

            select_figure_formats(shell, cfg.figure_formats, **cfg.print_figure_kwargs)
    restore(state)
