"""Column formats of thesis tables and the notebook preview.

Indonesian numbers in the three formats
---------------------------------------
- ``.docx`` and ``.md``: numbers are written as text the Indonesian way (``1.250``,
  ``66,67``), so the table pastes into the thesis exactly as shown.
- ``.xlsx``: numbers stay numbers (so the researcher can still compute with them) and get
  an Excel number format. An xlsx file stores number formats in one fixed, locale-neutral
  syntax in which ``,`` is the thousands separator and ``.`` the decimal point
  (ECMA-376 Part 1, 18.8.31 numFmts); Excel shows them with the separators of the
  reader's system locale. ``#,##0.00`` therefore shows ``1.250,50`` on a Windows set to
  Bahasa Indonesia and ``1,250.50`` on an English one. Writing ``#.##0,00`` into the
  file would not give the Indonesian look: Excel would read the ``.`` as the decimal
  point. So the cells carry ``#,##0`` / ``#,##0.00`` (years ``0``; a per-cent column
  of an exported table ``#,##0.00`` under its "(%)" header, ``#,##0.00" %"`` where a
  per-cent value is formatted without one), which is right for the Indonesian
  researcher's Excel and still correct elsewhere.

Column formats (``number_format``)
----------------------------------
A dict ``{column: spec}``; columns not named are inferred (integers: 0 decimals; other
numbers: 2 decimals; a column whose name contains "tahun"/"year": a plain year):

- an ``int`` ``d``: a number with ``d`` decimals,
- ``"percent"``: a value already in per cent, written by the one rule of
  :mod:`psm_analysis.numbers` (:data:`~psm_analysis.numbers.PERCENT_DECIMALS`, two
  decimals: ``66,67``, ``90,00``); the unit is written once, in the header
  (``"Persentase (%)"``, :func:`percent_headers`), not after every value. ``"percent:N"``
  is refused: a table cannot print percentages another way than the text does,
- ``"year"``: an integer without thousands separator (``2015``),
- ``"text"``: written as is.

The files of a numbered table are written by :mod:`psm_analysis.tablefiles`, its Word
form by :mod:`psm_analysis.worddoc`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from psm_analysis.labels import italic_html
from psm_analysis.numbers import NIL_TEXT, PERCENT_DECIMALS
from psm_analysis.sheets import NA_TEXT, header_spans


@dataclass(frozen=True)
class ColumnFormat:
    kind: str  # "number", "percent", "year", "text"
    decimals: int = 0

    @property
    def excel(self) -> str:
        if self.kind == "year":
            return "0"
        if self.kind == "text":
            return "@"
        code = "#,##0" + ("." + "0" * self.decimals if self.decimals else "")
        return code + '" %"' if self.kind == "percent" else code


def _parse_spec(spec: object, column: str) -> ColumnFormat:
    if isinstance(spec, bool):
        raise ValueError(f"number_format for {column!r}: {spec!r} is not a format")
    if isinstance(spec, int):
        if spec < 0:
            raise ValueError(f"number_format for {column!r}: decimals must be >= 0")
        return ColumnFormat("number", spec)
    if isinstance(spec, str):
        if spec in ("year", "text"):
            return ColumnFormat(spec)
        if spec == "percent":
            return ColumnFormat("percent", PERCENT_DECIMALS)
        if spec.startswith("percent:"):
            raise ValueError(
                f"number_format for {column!r}: {spec!r}: every percentage is written with "
                f"{PERCENT_DECIMALS} decimals (numbers.PERCENT_DECIMALS); use 'percent'"
            )
    raise ValueError(
        f"number_format for {column!r}: {spec!r} is not one of int decimals, "
        "'percent', 'year', 'text'"
    )


def column_formats(df: pd.DataFrame, number_format: dict | None = None) -> dict[str, ColumnFormat]:
    """The format of every column of ``df`` (see the module notes)."""
    number_format = dict(number_format or {})
    unknown = set(number_format) - {str(c) for c in df.columns}
    if unknown:
        raise ValueError(f"number_format names columns not in the table: {sorted(unknown)}")
    out: dict[str, ColumnFormat] = {}
    for col in df.columns:
        name = str(col)
        if name in number_format:
            out[name] = _parse_spec(number_format[name], name)
            continue
        s = df[col]
        if s.dtype == object:
            # a nil dash in a number column ("tidak berlaku") does not make it text
            values = [v for v in s.tolist() if not is_missing(v) and v != NIL_TEXT]
            if values and all(
                isinstance(v, int | float) and not isinstance(v, bool) for v in values
            ):
                s = pd.to_numeric(s.where(s != NIL_TEXT))
        if pd.api.types.is_bool_dtype(s) or not pd.api.types.is_numeric_dtype(s):
            out[name] = ColumnFormat("text")
        elif "tahun" in name.lower() or "year" in name.lower():
            out[name] = ColumnFormat("year")
        elif pd.api.types.is_integer_dtype(s):
            out[name] = ColumnFormat("number", 0)
        else:
            vals = s.dropna()
            is_int = bool(len(vals)) and bool(((vals - vals.round()).abs() < 1e-9).all())
            out[name] = ColumnFormat("number", 0 if is_int else 2)
    return out


def is_missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def format_cell(value: object, fmt: ColumnFormat) -> str:
    """A cell as Indonesian text: ``1250`` -> ``"1.250"``, ``66.667`` (percent) ->
    ``"66,67 %"``, missing -> ``"..."``, True -> ``"ya"``."""
    from psm_analysis.numbers import format_number, format_percent

    if is_missing(value):
        return NA_TEXT
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return "ya" if value else "tidak"
    if fmt.kind == "text" or isinstance(value, str):
        return str(value)
    if fmt.kind == "year":
        return str(int(value))
    if fmt.kind == "percent":
        return format_percent(float(value), decimals=fmt.decimals)
    return format_number(float(value), decimals=fmt.decimals)


def format_table(df: pd.DataFrame, number_format: dict | None = None) -> pd.DataFrame:
    """``df`` with every cell as Indonesian text (for display in a notebook)."""
    fmts = column_formats(df, number_format)
    data = {
        str(col): [format_cell(v, fmts[str(col)]) for v in df[col].tolist()] for col in df.columns
    }
    return pd.DataFrame(data, index=df.index, dtype=object)


def spanning_header(columns: list[str], groups: list[str] | None) -> list[list[str]] | None:
    """Two header rows for a table whose columns ``"<group> <sub>"`` share a group
    label (``"SS F"``, ``"SS %"`` under one ``"SS"``): ``[top, bottom]``, ``top`` the
    group (or the whole name of a column in no group, which then spans both rows),
    ``bottom`` the rest (``""`` for a column in no group). None without ``groups``.

    >>> spanning_header(["Butir", "SS F", "SS %", "S F", "S %", "Skor"], ["SS", "S"])
    [['Butir', 'SS', 'SS', 'S', 'S', 'Skor'], ['', 'F', '%', 'F', '%', '']]
    """
    if not groups:
        return None
    top, bottom = [], []
    for col in columns:
        group = next((g for g in groups if col.startswith(f"{g} ")), None)
        top.append(col if group is None else group)
        bottom.append("" if group is None else col[len(group) + 1 :])
    return [top, bottom]


def html_table(
    formatted: pd.DataFrame, right_aligned, header: list[list[str]] | None = None
) -> str:
    """The table as HTML (thead, tbody), numbers right-aligned; a two-row ``header``
    (:func:`spanning_header`) with its spans."""
    right = set(right_aligned)
    cols = [str(c) for c in formatted.columns]

    def cell(tag: str, col: str, text: object, span: str = "") -> str:
        align = "right" if col in right else "left"
        return f'<{tag}{span} style="text-align:{align}">{italic_html(str(text))}</{tag}>'

    if header is None:
        head = "<tr>" + "".join(cell("th", c, c) for c in cols) + "</tr>"
    else:
        rows_html = ["", ""]
        for row, first, last, nrows, text in header_spans(header):
            span = (f' colspan="{last - first + 1}"' if last > first else "") + (
                f' rowspan="{nrows}"' if nrows > 1 else ""
            )
            rows_html[row] += cell("th", cols[first] if first == last else "", text, span)
        head = "".join(f"<tr>{r}</tr>" for r in rows_html)
    rows = "".join(
        "<tr>" + "".join(cell("td", c, v) for c, v in zip(cols, row, strict=True)) + "</tr>"
        for row in formatted.itertuples(index=False)
    )
    return f'<table class="psm-table"><thead>{head}</thead><tbody>{rows}</tbody></table>'


class Preview:
    """A table shown in a notebook the way the thesis prints it (Indonesian numbers,
    "..." for not available, no row index), without writing any file."""

    def __init__(self, df: pd.DataFrame, number_format: dict | None = None):
        df, number_format = percent_headers(df, number_format)
        number_format = units_in_header(df, number_format, [str(c) for c in df.columns])
        fmts = column_formats(df, number_format)
        self.formatted = format_table(df, number_format)
        self.right_aligned = [c for c, f in fmts.items() if f.kind in ("number", "percent", "year")]

    def _repr_html_(self) -> str:
        return html_table(self.formatted, self.right_aligned)

    def __repr__(self) -> str:
        return self.formatted.to_string(index=False)


def preview(df: pd.DataFrame, number_format: dict | None = None) -> Preview:
    """Show ``df`` in a notebook as a thesis table (see :class:`Preview`); writes nothing.

    Parameters
    ----------
    df : pandas.DataFrame
        The table as the reader sees it (reader-facing column names); the index is not
        shown.
    number_format : dict, optional
        ``{column: spec}`` as in :func:`export_table` (module notes): int decimals,
        ``"percent"`` (a value already in persen, 0-100; its header gets "(%)"),
        ``"year"``, ``"text"``; other columns are inferred.

    Returns
    -------
    Preview
        Displays (HTML in a notebook, text elsewhere) with Indonesian numbers and "..."
        for a missing value; ``.formatted`` is the table as text.

    Raises
    ------
    ValueError
        ``number_format`` names a column not in ``df`` or gives an unknown spec.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"Kecamatan": ["Bunut", "Kerumutan"], "PSM": [1250, None],
    ...                    "Pangsa": [66.667, 12.5]})
    >>> preview(df, {"Pangsa": "percent"})  # doctest: +NORMALIZE_WHITESPACE
    Kecamatan   PSM Pangsa (%)
        Bunut 1.250      66,67
    Kerumutan   ...      12,50
    """
    return Preview(df, number_format)


def cite(
    sources: pd.DataFrame, *table_ids: str, processed: bool = True, extra: str | None = None
) -> str:
    """A "Sumber" text for tables of BAB I from ``sumber_tabel`` (columns ``tabel``,
    ``sumber``, ``tahun``): ``cite(src, "I.3", "I.4")`` ->
    ``"Dinas Sosial Kabupaten Pelalawan, 2017 (Tabel I.3); Dinas Sosial Kabupaten
    Pelalawan, tanpa tahun (Tabel I.4); diolah"``. ``extra`` (e.g. a reference) is added
    before "diolah".

    Parameters
    ----------
    sources : pandas.DataFrame
        One row per source table, as ``catalog.load("sumber_tabel")`` gives
        it: ``tabel`` ("I.1" ...), ``sumber``, ``tahun`` (missing when the source gives no
        year).
    *table_ids : str
        The tables cited, in the order to cite them.
    processed : bool
        End with "diolah" (the figures were computed from the sources).
    extra : str or None
        A further source, e.g. the Kemendagri decree, added before "diolah".

    Returns
    -------
    str
        The parts joined by "; ", without the "Sumber:" prefix.

    Raises
    ------
    KeyError
        A table id is not in ``sources``.

    Examples
    --------
    >>> import pandas as pd
    >>> src = pd.DataFrame({"tabel": ["I.3", "I.4"],
    ...                     "sumber": ["Dinas Sosial Kabupaten Pelalawan"] * 2,
    ...                     "tahun": [2017, None]})
    >>> cite(src, "I.3", "I.4").split("; ")  # doctest: +NORMALIZE_WHITESPACE
    ['Dinas Sosial Kabupaten Pelalawan, 2017 (Tabel I.3)',
     'Dinas Sosial Kabupaten Pelalawan, tanpa tahun (Tabel I.4)', 'diolah']
    >>> cite(src, "I.3", processed=False, extra="Kepmendagri 2025")
    'Dinas Sosial Kabupaten Pelalawan, 2017 (Tabel I.3); Kepmendagri 2025'
    """
    by_id = sources.set_index("tabel")
    parts = []
    for tid in table_ids:
        if tid not in by_id.index:
            raise KeyError(f"table {tid!r} is not in the sources table")
        row = by_id.loc[tid]
        year = row["tahun"]
        when = "tanpa tahun" if pd.isna(year) else str(int(year))
        parts.append(f"{row['sumber']}, {when} (Tabel {tid})")
    if extra:
        parts.append(extra)
    if processed:
        parts.append("diolah")
    return "; ".join(parts)


def record_content(record: dict) -> tuple[dict[str, ColumnFormat], pd.DataFrame]:
    """The column formats and the Indonesian-text table of a table's sidecar record (as
    :func:`psm_analysis.tablefiles.export_table` writes it: ``columns``, ``formats``,
    ``cells``)."""
    cols = record["columns"]
    fmts = {c: ColumnFormat(k, d) for c, (k, d) in zip(cols, record["formats"], strict=True)}
    formatted = pd.DataFrame(record["cells"], columns=cols, dtype=object)
    return fmts, formatted


def percent_headers(
    df: pd.DataFrame, number_format: dict | None
) -> tuple[pd.DataFrame, dict[str, object]]:
    """``df`` with every per-cent column's header saying "(%)": the unit of a table is
    written once, in its header (the rule of :mod:`psm_analysis.numbers`).

    Parameters
    ----------
    df : pandas.DataFrame
        The table with reader-facing headers.
    number_format : dict or None
        ``{column: spec}`` as in :func:`column_formats`.

    Returns
    -------
    (pandas.DataFrame, dict)
        ``df`` with the header of each ``"percent"`` column that does not end in "%" or
        "(%)" renamed ``"<header> (%)"``, and ``number_format`` keyed by the new headers.

    Examples
    --------
    >>> df = pd.DataFrame({"Pangsa PSM": [8.333], "SS %": [30.0], "Median (%)": [89.4]})
    >>> out, fmt = percent_headers(df, dict.fromkeys(df.columns, "percent"))
    >>> list(out.columns)
    ['Pangsa PSM (%)', 'SS %', 'Median (%)']
    """
    fmts = column_formats(df, number_format)
    renames = {
        col: f"{col} (%)"
        for col in df.columns
        if fmts[str(col)].kind == "percent" and not str(col).rstrip().endswith(("%", "(%)"))
    }
    renamed = {str(renames.get(k, k)): v for k, v in (number_format or {}).items()}
    return df.rename(columns=renames), renamed


def units_in_header(
    df: pd.DataFrame, number_format: dict | None, shown: list[str]
) -> dict[str, object]:
    """``number_format`` with every per-cent column whose header (``shown``: the label
    printed right above the cells) already says "%" or "(%)" shown as a plain number: the
    unit once, in the header, not after every value.

    >>> df = pd.DataFrame({"SS %": [30.0], "Persen": [12.5]})
    >>> units_in_header(df, {"SS %": "percent", "Persen": "percent"}, ["%", "Persen"])
    {'SS %': 2, 'Persen': 'percent'}
    """
    out: dict[str, object] = dict(number_format or {})
    fmts = column_formats(df, number_format)
    for col, label in zip([str(c) for c in df.columns], shown, strict=True):
        if fmts[col].kind == "percent" and label.rstrip().endswith(("%", "(%)")):
            out[col] = fmts[col].decimals
    return out


def right_aligned(fmts: dict[str, ColumnFormat]) -> list[str]:
    """The columns printed right-aligned: numbers, per cents and years."""
    return [c for c, f in fmts.items() if f.kind in ("number", "percent", "year")]
