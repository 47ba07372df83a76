"""Helpers for the first and last cells of every notebook.

``bab = setup("02")`` applies the thesis figure style and pandas display options and
returns the notebook's :class:`Chapter`, which numbers its figures ("Gambar V.1") and
tables ("Tabel V.1") as the thesis does (``thesis.yml``): ``bab.save_figure(...)``,
``bab.export_table(...)``. No module-level state: everything goes through the chapter.
``show_versions()`` records the versions the notebook ran with. ``demo_banner()`` shows
the "DATA CONTOH" banner when a notebook's inputs are synthetic demo data.
"""

from __future__ import annotations

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
    "krippendorff",
    "openpyxl",
    "python-docx",
    "jupytext",
    "nbclient",
)


def _in_kernel() -> bool:
    """True when this code runs in a Jupyter kernel (not merely in a process that has
    imported ipykernel, as a test runner driving notebooks has)."""
    import sys

    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return type(shell).__name__ == "ZMQInteractiveShell"


@dataclass
class Chapter:
    """What one notebook's figures and tables need: its number and the numbers handed
    out so far. ``setup`` returns it; save figures and export tables
    through it, so nothing below the notebook layer reads state a notebook set.

    Numbers follow the thesis (:mod:`psm_analysis.thesis`): "Tabel V.1", continuous
    over the notebooks of a BAB; an item placed in the Lampiran is "Tabel L.1". While a notebook runs, the earlier notebooks' counts
    come from the last complete run; ``reproduce`` fixes every number once all
    notebooks have run.

    >>> import tempfile
    >>> from psm_analysis.config import get_paths
    >>> bab = Chapter("03", paths=get_paths(tempfile.mkdtemp()))
    >>> bab.number("figure", "a"), bab.number("figure", "b"), bab.number("figure", "a")
    (('V.1', 1), ('V.2', 2), ('V.1', 1))
    >>> bab.number("table", "t"), bab.number("table", "u", tempat="lampiran")
    (('V.1', 1), ('L.1', 2))
    >>> bab.ref("t", markup=False), bab.ref("u", markup=False)
    ('Tabel V.1', 'Tabel L.1')
    """

    notebook: str
    paths: object = None
    issued: dict[str, dict[str, int]] = field(
        default_factory=lambda: {"figure": {}, "table": {}}, repr=False
    )
    places: dict[str, int | str] = field(default_factory=dict, repr=False)
    order: dict[str, int] = field(default_factory=dict, repr=False)

    def _paths(self):
        from psm_analysis.config import get_paths

        return self.paths or get_paths()

    def number(self, kind: str, name: str, tempat: object = None) -> tuple[str, int]:
        """The reader-facing number of figure/table ``name`` and its place among this
        notebook's figures/tables: ``("V.3", 1)``; ``("", 2)`` for one placed nowhere.

        ``tempat``: the item's place, a BAB ("V"), "lampiran" or "tidak" (default: the
        notebook's BAB; ``thesis.yml``'s ``tempat`` overrides both). Saving the same name
        again (a re-run cell) keeps its number; a new name gets the next index. Raises
        ``ValueError`` for a kind other than "figure"/"table" or an unknown place.
        """
        from psm_analysis import thesis

        if kind not in self.issued:
            raise ValueError(f"kind must be 'figure' or 'table', got {kind!r}")
        paths = self._paths()
        plan = thesis.load_plan(paths)
        issued = self.issued[kind]
        key = f"{kind}:{name}"
        if name not in issued:
            issued[name] = len(issued) + 1
            self.places[key] = plan.place_of(name, self.notebook, tempat)
        self.order.setdefault(key, len(self.order) + 1)
        index, place = issued[name], self.places[key]
        local = sum(
            1
            for other, i in issued.items()
            if i <= index and self.places[f"{kind}:{other}"] == place
        )
        return thesis.provisional(paths, plan, kind, self.notebook, place, local), index

    def ref(self, name: str, *, markup: bool = True) -> str:
        """How the prose cites figure/table ``name``: "Tabel V.3".

        Parameters
        ----------
        name : str
            The stable name (slug) the figure or table was saved under
            ("05_kesepakatan_pengkode").
        markup : bool
            Wrap the words in a ``psm-nomor`` span (for Markdown), so that ``reproduce``
            can put in the final number after all notebooks ran, as it does for captions.

        Returns
        -------
        str
            "Tabel V.3" / "Gambar V.1" ("tabel berikut" for one placed nowhere), in its
            span when ``markup``.

        Raises
        ------
        KeyError
            No figure or table of that name was saved by this notebook yet, and the last
            complete run (``reports/penomoran.json``) did not number one either.
        """
        from psm_analysis import thesis
        from psm_analysis.labels import t
        from psm_analysis.sidecars import number_span

        for kind in ("table", "figure"):
            if name in self.issued[kind]:
                number = self.number(kind, name)[0]
                break
        else:
            known = thesis.read_numbering(self._paths()).get("nomor", {})
            kind = next((k for k in ("table", "figure") if name in known.get(k, {})), None)
            if kind is None:
                raise KeyError(f"no figure or table named {name!r} has been saved")
            number = known[kind][name]
        word = t("tabel" if kind == "table" else "gambar")
        words = f"{word} {number}" if number else f"{word.lower()} berikut"
        return number_span(kind, name, words) if markup else words

    def save_figure(self, fig, name: str, **kwargs):
        """Number and save a figure: :func:`psm_analysis.plots.save_figure` with this
        chapter's number, notebook and paths. Returns its sidecar record.

        Saving the same ``name`` again (a re-run cell) keeps its number.

        Parameters
        ----------
        fig : matplotlib.figure.Figure
            The figure to write.
        name : str
            File stem in ``figures/`` (letters, digits, ``_``, ``-``, ``.``).
        **kwargs
            Passed on to :func:`psm_analysis.plots.save_figure`: ``caption`` and ``source``
            (both required, Indonesian), ``demo`` (stamp "DATA CONTOH"), ``tempat``
            (a BAB such as "V", "lampiran", or "tidak": not numbered in the thesis;
            default the notebook's BAB); ``paths`` defaults to the chapter's.

        Returns
        -------
        FigureRecord
            The sidecar record (a dict): ``kind``, ``name``, ``number`` ("V.1"), ``label``
            ("Gambar V.1"), ``caption``, ``source``, ``notebook``, ``index``,
            ``files`` (the ``.png`` and ``.pdf`` written).

        Raises
        ------
        ValueError
            ``name`` is not a safe file stem, or ``caption`` or ``source`` is empty.
        """
        from psm_analysis import plots

        number, index = self.number("figure", name, kwargs.get("tempat"))
        kwargs.setdefault("paths", self.paths)
        kwargs.setdefault("order", self.order[f"figure:{name}"])
        return plots.save_figure(
            fig, name, number=number, index=index, notebook=self.notebook, **kwargs
        )

    def export_table(self, df, name: str, **kwargs):
        """Number and export a thesis table: :func:`psm_analysis.tablefiles.export_table`
        with this chapter's number, notebook and paths. Returns its record.

        Exporting the same ``name`` again (a re-run cell) keeps its number.

        Parameters
        ----------
        df : pandas.DataFrame
            The table as the reader sees it: reader-facing (Indonesian) column names, one row
            per table row; a named index becomes the first column, an unnamed one is dropped.
        name : str
            File stem in ``reports/tables/`` (letters, digits, ``_``, ``-``, ``.``).
        **kwargs
            Passed on to :func:`psm_analysis.tablefiles.export_table`: ``title`` and
            ``source`` (both required), ``number_format`` (column -> format), ``notes``,
            ``tempat`` (a BAB such as "V", "lampiran", or "tidak": not numbered in the
            thesis; default the notebook's BAB); ``paths`` defaults to the chapter's.

        Returns
        -------
        ExportedTable
            The sidecar record (a dict that displays as the table): ``kind``, ``name``,
            ``number``, ``label`` ("Tabel V.1"), ``title``, ``source``, ``source_line``,
            ``notes``, ``notebook``, ``index``, ``files`` (``.xlsx``, ``.docx``,
            ``.md``).

        Raises
        ------
        ValueError
            ``name`` is not a safe file stem, or ``title`` or ``source`` is empty.
        """
        from psm_analysis import tablefiles, thesis

        number, index = self.number("table", name, kwargs.get("tempat"))
        kwargs.setdefault("paths", self.paths)
        kwargs.setdefault("order", self.order[f"table:{name}"])
        kwargs.setdefault("write_files", not thesis.numbered_later(self._paths()))
        return tablefiles.export_table(
            df, name, number=number, index=index, notebook=self.notebook, **kwargs
        )

    def demo_banner(self, kinds: tuple[str, ...] | None = None) -> None:
        """:func:`demo_banner` for this chapter's project.

        Parameters
        ----------
        kinds : tuple of str or None
            Input families to ask about (e.g. ``("survey",)``; ``None``: all).

        Returns
        -------
        None
            The banner is displayed (in a notebook), not returned.
        """
        return demo_banner(kinds, self.paths)

    def demo_kinds(self, kinds: tuple[str, ...] | None = None) -> list[str]:
        """:func:`demo_kinds` for this chapter's project.

        Parameters
        ----------
        kinds : tuple of str or None
            Input families to ask about (e.g. ``("survey",)``; ``None``: all).

        Returns
        -------
        list of str
            The families among ``kinds`` that the last ``clean`` took from demo data, sorted;
            empty when none did or ``data/processed/sumber_masukan.csv`` does not exist.
        """
        return demo_kinds(kinds, self.paths)


def setup(number: str, *, forget_previous: bool | None = None, paths=None) -> Chapter:
    """Prepare a notebook: thesis figure style, display options; return its chapter.

    With ``forget_previous`` the figures and tables an earlier run of this notebook saved
    (found through their sidecars' ``notebook`` field) are removed first, so a renamed or
    dropped figure does not linger in the DAFTAR GAMBAR/TABEL; running the whole notebook
    writes them all again. By default this happens only inside a Jupyter kernel (a
    notebook run), not when a script or test calls ``setup``.

    Parameters
    ----------
    number : str
        The notebook's number as in its file name, e.g. ``"02"``; it orders the
        notebook's figures and tables among the others ("Gambar V.3", "Tabel V.5").
    forget_previous : bool or None
        Remove this notebook's earlier figure and table files first (``None``: only when
        running in a Jupyter kernel).
    paths : Paths, optional
        The project (default: the installed one).

    Returns
    -------
    Chapter
        Number figures and tables through it: ``bab.save_figure(...)``,
        ``bab.export_table(...)``.

    Raises
    ------
    ValueError
        ``number`` is not one to three digits.
    """
    if not re.fullmatch(r"\d{1,3}", str(number)):
        raise ValueError(f"notebook number must be digits like '02', got {number!r}")
    from psm_analysis import plots

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
    return Chapter(str(number), paths)


def forget_outputs(number: str, paths=None) -> list:
    """Delete the figure/table files (and sidecars) that notebook ``number`` saved before;
    return the deleted paths."""
    from psm_analysis.config import get_paths
    from psm_analysis.sidecars import outputs_of

    paths = paths or get_paths()
    removed = []
    for folder in (paths.figures, paths.tables):
        for target in outputs_of(folder, number):
            if target.parent == folder and target.is_file():
                target.unlink(missing_ok=True)
                removed.append(target)
    return removed


def show_versions():
    """A DataFrame of Python and the key packages' versions (index Paket, column Versi).

    Returns
    -------
    pandas.DataFrame
        One row per package: Python first, then :data:`KEY_PACKAGES` in order; index
        ``Paket`` (distribution name), column ``Versi`` (version string, or "tidak
        terpasang" when the package is not installed).

    Examples
    --------
    >>> show_versions().loc["Python", "Versi"] == platform.python_version()
    True
    """
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
    from psm_analysis.inputs import demo_kinds as used_demo

    return used_demo(paths, kinds)


def demo_banner(kinds: tuple[str, ...] | None = None, paths=None) -> None:
    """Display the "DATA CONTOH - bukan data penelitian" banner when demo inputs were used
    for any of ``kinds`` (e.g. ``("survey",)``); display nothing otherwise."""
    found = demo_kinds(kinds, paths)
    if not found:
        return None
    from IPython.display import display

    from psm_analysis.banner import banner_html, kind_names
    from psm_analysis.labels import t

    text = f"{t('demo_banner')} ({kind_names(found)})"
    display({"text/html": banner_html(found), "text/plain": text}, raw=True)
    return None
