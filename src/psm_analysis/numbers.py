"""Indonesian numbers: parsing what tables print, formatting what readers see.

Indonesian convention (and the one this project writes for readers): the dot separates
thousands, the comma separates decimals, a space comes before the percent sign.

Parsing (:func:`parse_number`, :func:`parse_series`) accepts

- ``"1250"``, ``"1.250"`` -> 1250 (dot = thousands, groups of exactly three digits);
  ``"1.250.000,5"`` -> 1250000.5;
- ``"1 250"`` -> 1250: BPS prints thousands separated by a space, a no-break space
  (U+00A0) or a thin space (U+2009, U+202F), again in groups of exactly three digits;
- a marker after the number, as BPS prints them: ``"1.250*"`` (angka sementara),
  ``"125 r"`` (revised), ``"12x"``, footnote digits ``"125¹"`` -> the number with
  ``marker`` ``"*"``, ``"r"``, ``"x"``, ``"1"``;
- ``"12,5"`` -> 12.5 (comma = decimals);
- ``"66,67%"`` or ``"66,67 %"`` -> 66.67 with ``percent=True``;
- ``"120 orang"`` -> 120 with ``unit="orang"`` (see :data:`UNITS`); ``"12,5 persen"``
  as ``"12,5 %"``;
- ``"Rp 1.250.000"`` (also ``"Rp1.250"``, ``"Rp. 1.250,50"``) -> 1250000 with ``unit="Rp"``;
- ``"-5"`` -> -5 (a sign directly before a digit);
- ``"-"``, ``"\u2013"``, ``"\u2014"``, ``"\u2212"`` (and ``"- orang"``) -> 0 with
  ``nil=True``: BPS tables print "-" for nil (zero);
- ``""``, ``"..."``, ``"\u2026"``, None, NaN -> ``value=None`` with ``na=True``: not
  available.

An **ambiguous** string is never guessed; it raises :class:`~psm_analysis.errors.DataError`:

- *a dot that is not a thousands separator*: a dot followed by anything but groups of
  exactly three digits, or a first group starting with 0 (``"1.25"``, ``"12.5"``,
  ``"0.500"``, ``"1250.5"``): an English decimal point or a typo for ``"1.250"``;
- *a comma followed by exactly three digits* after a first part of one to three digits not
  starting with 0 (``"1,250"``, ``"12,345"``): an English thousands separator or an
  Indonesian decimal. ``"0,125"`` and ``"1250,500"`` are not ambiguous (decimals);
- *English format* proper (``"1,250,000"``, ``"1,250.5"``) is an error of its own.

Numbers that come as numbers (from xlsx cells) are taken as they are.

Formatting: one rule per kind of figure
---------------------------------------
Every number a reader sees (page text, tables in every format, Word, figure labels) is
written by the functions below, so the rule lives here and nowhere else:

- **counts and amounts**: whole numbers without decimals, thousands grouped with "."
  (``1.250``);
- **percentages** (``format_percent``, table columns ``"percent"``): always
  :data:`PERCENT_DECIMALS` (two) decimals after a decimal comma, ``90,00`` as well as
  ``66,67``, in a table as in a sentence; the sign follows the number after a space in
  text (``"66,67 %"``), in a table it is written once in the header (``"Persentase (%)"``)
  and the cells carry the number only;
- **indices** (indeks skor, 0-100): percentages, so the same rule (``75,00``; no whole
  index loses its ",00");
- **negative numbers**: the minus sign U+2212 (:data:`MINUS`, ``"\u22125"``), not the
  hyphen; machine files (``data/processed``) keep the ASCII hyphen and the dot decimal;
- **messages** (a located :class:`~psm_analysis.errors.Problem`) quote a cell's value as
  the user's file has it (the raw text, ``"-5"``), and a number the user is asked to type
  (``yang diharapkan``) is written by :func:`format_typed`, with the hyphen-minus a
  keyboard and a spreadsheet take, not U+2212;
- **ranges**: an en dash U+2013 (:data:`RANGE_DASH`, ``"1\u20135"``, ``"2017\u20132019"``),
  :func:`format_range`;
- **not available**: ``"..."`` (BPS usage); **nil** and "nothing to note": ``"\u2013"``
  (:data:`NIL_TEXT`).
"""

from __future__ import annotations

import math
import numbers as _numbers
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal, localcontext

from psm_analysis.errors import DataError, Problem

#: Units recognised after a number (matched ignoring case) -> the spelling kept.
UNITS: dict[str, str] = {
    u.casefold(): u
    for u in (
        "orang",
        "jiwa",
        "KK",
        "kelompok",
        "organisasi",
        "lembaga",
        "desa",
        "kelurahan",
        "kecamatan",
        "unit",
        "kegiatan",
    )
}

#: Strings meaning nil (zero) and not available, as in BPS tables.
NIL_TOKENS = ("-", "\u2013", "\u2014", "\u2212")
NA_TOKENS = ("", "...", "\u2026")

#: Decimal places of every percentage (and index) a reader sees, in text and tables.
PERCENT_DECIMALS = 2
#: The minus sign of negative numbers shown to readers (U+2212), and the en dash of ranges.
MINUS = "\u2212"
RANGE_DASH = "\u2013"
#: A cell that means nil or "nothing to note" (BPS prints a dash); "..." is kept for not
#: available (:data:`NA_TOKENS`).
NIL_TEXT = "\u2013"

MSG_UNRECOGNISED = "bukan angka yang dikenali"
MSG_AMBIGUOUS_DOT = "angka ambigu: titik di sini bukan pemisah ribuan"
MSG_AMBIGUOUS_COMMA = (
    "angka ambigu: koma diikuti tepat tiga angka bisa pemisah ribuan (format Inggris) atau desimal"
)
MSG_ENGLISH = "format angka Inggris (koma sebagai pemisah ribuan)"
MSG_UNIT = "satuan tidak dikenali"
MSG_SPACE = "spasi di dalam angka bukan pemisah ribuan"
EXPECTED_SPACE = 'spasi hanya sebelum tiap tiga angka, mis. "1 250" atau "1.250"'
EXPECTED_NUMBER = (
    'angka format Indonesia, mis. "1.250", "12,5", "66,67 %", "120 orang", "-" (nihil) atau kosong'
)

_WS = re.compile(r"[\s\u00a0\u202f]+")
_SHAPE = re.compile(
    r"(?P<sign>[-+\u2212]?)(?P<core>\d[\d.,]*(?: \d[\d.,]*)*)\s*(?:(?P<pct>%)|(?P<unit>[^\W\d_][^\d%]*))?",
)
#: A space-grouped number: "1 250", "12 345 678,5" (spaces already collapsed to " ").
_SPACE_GROUPS = re.compile(r"[1-9]\d{0,2}(?: \d{3})+(?:[.,]\d+)?")
_SUPERSCRIPTS = "\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079"
#: A marker after a number: "*" or "**" (angka sementara), "r" (revised) or "x" right
#: after a digit, superscript footnote digits.
_MARKER = re.compile(rf"(?:(?<=\d) ?(?P<letter>[rx])|(?<=\S) ?(?P<sign>\*+|[{_SUPERSCRIPTS}]+))$")
_MARKER_DIGITS = str.maketrans(_SUPERSCRIPTS, "1230456789")
_RUPIAH = re.compile(r"(?i:rp)\.?\s*(?=[-+\u2212]?\d)")
_PERCENT_WORD = "persen"
_NIL_UNIT = re.compile(r"[-\u2013\u2014\u2212]\s*(?P<unit>[^\W\d_][^\d%]*)")
_INT = re.compile(r"\d+")
_DEC = re.compile(r"(?P<i>\d+),(?P<f>\d+)")
_THOUSANDS = re.compile(r"(?P<i>[1-9]\d{0,2}(?:\.\d{3})+)(?:,(?P<f>\d+))?")
_DOT_DECIMAL = re.compile(r"(?P<i>\d+)\.(?P<f>\d+)")
_ENGLISH = re.compile(r"(?P<i>[1-9]\d{0,2}(?:,\d{3})+)(?:\.(?P<f>\d+))?")


@dataclass(frozen=True)
class ParsedNumber:
    """One parsed cell.

    ``value`` is an ``int`` when the text had no decimals, a ``float`` otherwise, 0 when
    nil and ``None`` when not available.
    """

    value: int | float | None
    unit: str | None = None
    nil: bool = False
    na: bool = False
    percent: bool = False
    marker: str | None = None


NA = ParsedNumber(None, na=True)


def _problem(message: str, text: object, expected: str, where: dict) -> DataError:
    return DataError(Problem(message, value=text, expected=expected, **where))


def _unit(raw: str | None, text: str, where: dict) -> str | None:
    if raw is None:
        return None
    unit = UNITS.get(_WS.sub(" ", raw).strip().casefold())
    if unit is None:
        raise _problem(MSG_UNIT, text, "salah satu dari: " + ", ".join(UNITS.values()), where)
    return unit


def _decimal_reading(int_part: str, frac: str) -> str:
    stripped = frac.rstrip("0")
    if len(stripped) < len(frac):
        return f"{int_part},{stripped}" if stripped else int_part
    return f"{int_part},{frac}0"


def _core_value(core: str, text: str, where: dict) -> int | float:
    if " " in core:
        if not _SPACE_GROUPS.fullmatch(core):
            raise _problem(MSG_SPACE, text, EXPECTED_SPACE, where)
        core = core.replace(" ", "")
    if _INT.fullmatch(core):
        return int(core)
    m = _DEC.fullmatch(core)
    if m:
        i, f = m["i"], m["f"]
        if len(f) == 3 and len(i) <= 3 and not i.startswith("0"):
            raise _problem(
                MSG_AMBIGUOUS_COMMA,
                text,
                f'"{format_number(int(i + f))}" bila ribuan, '
                f'"{_decimal_reading(i, f)}" bila desimal',
                where,
            )
        return float(f"{i}.{f}")
    m = _THOUSANDS.fullmatch(core)
    if m:
        i = m["i"].replace(".", "")
        return float(f"{i}.{m['f']}") if m["f"] is not None else int(i)
    m = _ENGLISH.fullmatch(core)
    if m and ("." in core or core.count(",") > 1):
        value = float(core.replace(",", "")) if m["f"] else int(core.replace(",", ""))
        raise _problem(MSG_ENGLISH, text, f'format Indonesia: "{format_number(value)}"', where)
    m = _DOT_DECIMAL.fullmatch(core)
    if m:
        raise _problem(
            MSG_AMBIGUOUS_DOT,
            text,
            f'"{m["i"]},{m["f"]}" bila desimal; bila ribuan, titik tiap tiga angka (mis. "1.250")',
            where,
        )
    raise _problem(MSG_UNRECOGNISED, text, EXPECTED_NUMBER, where)


def parse_number(text: object, **where: object) -> ParsedNumber:
    """Parse one cell written the Indonesian way (see the module docstring).

    ``where`` (``file``, ``sheet``, ``row``, ``column``) locates the cell in the
    :class:`~psm_analysis.errors.DataError` raised for a bad or ambiguous value.

    >>> parse_number("1.250")
    ParsedNumber(value=1250, unit=None, nil=False, na=False, percent=False, marker=None)
    >>> parse_number("120 orang").unit
    'orang'
    >>> parse_number("1\u00a0250*").value, parse_number("1\u00a0250*").marker
    (1250, '*')
    >>> parse_number("-").nil, parse_number("...").na
    (True, True)
    """
    if text is None or text is NA:
        return NA
    if isinstance(text, bool):
        raise _problem(MSG_UNRECOGNISED, text, EXPECTED_NUMBER, where)
    if isinstance(text, _numbers.Integral):
        return ParsedNumber(int(text))
    if isinstance(text, _numbers.Real):
        value = float(text)
        if math.isnan(value):
            return NA
        if math.isinf(value):
            raise _problem(MSG_UNRECOGNISED, text, EXPECTED_NUMBER, where)
        return ParsedNumber(value)
    if not isinstance(text, str):
        try:
            import pandas as pd

            if pd.isna(text):
                return NA
        except (TypeError, ValueError):
            pass
        raise _problem(MSG_UNRECOGNISED, text, EXPECTED_NUMBER, where)
    s = _WS.sub(" ", text).strip()
    if s in NA_TOKENS:
        return NA
    m = _MARKER.search(s)
    if m:
        rest = s[: m.start()].rstrip()
        if rest in NA_TOKENS:  # a marker alone is no number
            raise _problem(MSG_UNRECOGNISED, text, EXPECTED_NUMBER, where)
        inner = parse_number(rest, **where)
        if inner.marker is not None:  # two markers ("12r*"): not a way BPS prints
            raise _problem(MSG_UNRECOGNISED, text, EXPECTED_NUMBER, where)
        return replace(inner, marker=m["letter"] or m["sign"].translate(_MARKER_DIGITS))
    if s in NIL_TOKENS:
        return ParsedNumber(0, nil=True)
    m = _NIL_UNIT.fullmatch(s)
    if m:
        return ParsedNumber(0, unit=_unit(m["unit"], text, where), nil=True)
    rupiah = _RUPIAH.match(s)
    if rupiah:
        s = s[rupiah.end() :]
    m = _SHAPE.fullmatch(s)
    if not m or (rupiah and (m["unit"] or m["pct"])):
        raise _problem(MSG_UNRECOGNISED, text, EXPECTED_NUMBER, where)
    value = _core_value(m["core"], text, where)
    if m["sign"] in ("-", "\u2212"):
        value = -value
    if rupiah:
        return ParsedNumber(value, unit="Rp")
    if m["unit"] is not None and _WS.sub(" ", m["unit"]).strip().casefold() == _PERCENT_WORD:
        return ParsedNumber(value, percent=True)
    return ParsedNumber(value, unit=_unit(m["unit"], text, where), percent=m["pct"] is not None)


def parse_series(
    values: Iterable[object],
    *,
    file: str | None = None,
    sheet: str | None = None,
    column: str | None = None,
    rows: Iterable[int] | None = None,
    first_row: int = 2,
):
    """Parse every cell of ``values`` (a Series or any iterable).

    Returns a DataFrame with the input's index and columns ``value`` (``Int64`` when every
    value is whole and written without decimals, else ``Float64``), ``unit``, ``nil``,
    ``na``, ``percent`` and ``marker``. Every bad cell is collected into one DataError; its row is
    taken from ``rows`` (Excel row numbers, aligned with ``values``) or counted from
    ``first_row``.
    """
    import pandas as pd

    series = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    if column is None and series.name is not None:
        column = str(series.name)
    row_numbers = list(rows) if rows is not None else None
    parsed: list[ParsedNumber] = []
    problems: list[Problem] = []
    for i, cell in enumerate(series.tolist()):
        row = row_numbers[i] if row_numbers is not None else first_row + i
        try:
            parsed.append(parse_number(cell, file=file, sheet=sheet, row=row, column=column))
        except DataError as err:
            problems.extend(err.problems)
            parsed.append(NA)
    DataError.collect(problems)
    all_int = all(p.value is None or isinstance(p.value, int) for p in parsed)
    value = pd.array([p.value for p in parsed], dtype="Int64" if all_int else "Float64")
    return pd.DataFrame(
        {
            "value": value,
            "unit": pd.array([p.unit for p in parsed], dtype="str"),
            "nil": [p.nil for p in parsed],
            "na": [p.na for p in parsed],
            "percent": [p.percent for p in parsed],
            "marker": pd.array([p.marker for p in parsed], dtype="str"),
        },
        index=series.index,
    )


def _is_na(x: object) -> bool:
    if x is None:
        return True
    try:
        return bool(x != x)  # NaN, pd.NA raises TypeError in bool()
    except TypeError:
        return True


def nil_where_blank(df, *columns: str):
    """``df`` with the empty cells of text ``columns`` written :data:`NIL_TEXT` ("–"):
    in a column such as "Keterangan" an empty cell means "nothing to note", which BPS
    tables print as a dash; "..." is kept for a value not available.

    Parameters
    ----------
    df : pandas.DataFrame
        The table as the reader sees it.
    *columns : str
        The columns whose empty cells (missing, "" or only spaces) mean nothing to note.

    Returns
    -------
    pandas.DataFrame
        A copy; other columns unchanged.

    Raises
    ------
    KeyError
        A column is not in ``df``.

    Examples
    --------
    >>> import pandas as pd
    >>> nil_where_blank(pd.DataFrame({"Keterangan": ["catatan", "", None]}), "Keterangan")
      Keterangan
    0    catatan
    1          –
    2          –
    """
    out = df.copy()
    for col in columns:
        blank = out[col].map(lambda v: _is_na(v) or not str(v).strip())
        out[col] = out[col].astype(object).where(~blank, NIL_TEXT)
    return out


def _unprintable(x: object) -> bool:
    """Missing (None, NaN, pd.NA) or infinite: no number to print."""
    return _is_na(x) or (isinstance(x, _numbers.Real) and math.isinf(x))


def format_number(x: object, decimals: int | None = None, *, na_rep: str = "") -> str:
    """``x`` the Indonesian way: ``1250 -> "1.250"``, ``66.667 -> "66,67"``.

    ``decimals=None`` writes whole numbers without decimals and other numbers rounded to
    two decimals without trailing zeros; an int ``decimals`` writes exactly that many.
    Rounding is half up on the number's shortest decimal form (2.675 -> "2,68").
    Missing values (None, NaN, pd.NA) and the infinities, which no table can print as a
    number, give ``na_rep``: a formatter never raises on a number.

    Parameters
    ----------
    x : int, float, Decimal-like or None
        The number, in whatever unit the caller shows (orang, tahun, persen ...); it is
        written as given, not scaled.
    decimals : int or None
        Decimal places after the comma (``None``: none for whole numbers, at most two
        otherwise).
    na_rep : str
        Text for a missing or infinite value.

    Returns
    -------
    str
        Thousands grouped with ".", decimals after ",", a leading minus sign U+2212
        (:data:`MINUS`) for negatives (the Indonesian number format; the typographic
        minus, not the hyphen).

    Examples
    --------
    >>> format_number(1250), format_number(66.666), format_number(-1234567.5, 2)
    ('1.250', '66,67', '\u22121.234.567,50')
    >>> format_number(float("inf"), na_rep="..."), format_number(None)
    ('...', '')
    >>> format_number(2.675), format_number(3, 1)
    ('2,68', '3,0')
    """
    if _unprintable(x):
        return na_rep
    d = Decimal(int(x)) if isinstance(x, _numbers.Integral) else Decimal(repr(float(x)))
    with localcontext() as ctx:
        ctx.prec = max(28, d.adjusted() + (decimals or 0) + 10)
        if decimals is None:
            if d == d.to_integral_value():
                places = 0
            else:
                d = d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize()
                places = max(0, -d.as_tuple().exponent)
        else:
            places = decimals
        q = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = MINUS if q < 0 else ""
    digits = f"{q.copy_abs():f}"
    int_part, _, frac = digits.partition(".")
    grouped = f"{int(int_part):,}".replace(",", ".")
    return f"{sign}{grouped},{frac}" if places else f"{sign}{grouped}"


def format_typed(x: object, decimals: int | None = None, *, na_rep: str = "") -> str:
    """``x`` as the user types it into a file, for messages: :func:`format_number` with the
    ASCII hyphen-minus instead of U+2212 (``-5``, ``-1.234,5``), because a spreadsheet or
    :func:`parse_number` reads that sign and a message must echo the value the file holds.

    Parameters
    ----------
    x : int, float or None
        The number, as :func:`format_number` takes it.
    decimals : int or None
        As in :func:`format_number`.
    na_rep : str
        Text for a missing or infinite value.

    Returns
    -------
    str
        Thousands grouped with ".", decimals after ",", a leading "-" for negatives.

    Examples
    --------
    >>> format_typed(-5), format_typed(-1234.5), format_typed(7.5), format_typed(None, na_rep="(kosong)")
    ('-5', '-1.234,5', '7,5', '(kosong)')
    """
    return format_number(x, decimals, na_rep=na_rep).replace(MINUS, "-")


def format_percent(x: object, decimals: int | None = PERCENT_DECIMALS, *, na_rep: str = "") -> str:
    """A percentage (already times 100) the Indonesian way: ``66.667 -> "66,67 %"``,
    ``90 -> "90,00 %"``; ``na_rep`` for a missing or infinite value.

    Every percentage a reader reads is written with the default, :data:`PERCENT_DECIMALS`
    (the project's one rule, module notes); ``decimals`` is for axis ticks only, which
    are marks of a scale, not reported figures.

    Parameters
    ----------
    x : int, float or None
        The percentage on the 0-100 scale (persen), not a proportion: ``0.5`` is written
        "0,5 %", not "50 %".
    decimals : int or None
        Decimal places, as in :func:`format_number` (default :data:`PERCENT_DECIMALS`;
        other values only for axis ticks).
    na_rep : str
        Text for a missing or infinite value.

    Returns
    -------
    str
        The number as :func:`format_number` writes it, followed by " %".

    Examples
    --------
    >>> format_percent(66.667), format_percent(90), format_percent(25, 0)
    ('66,67 %', '90,00 %', '25 %')
    >>> format_percent(None, na_rep="-")
    '-'
    """
    if _unprintable(x):
        return na_rep
    return f"{format_number(x, decimals)} %"


def format_range(low: object, high: object, decimals: int | None = None) -> str:
    """A range as Indonesian text sets it: the two numbers joined by an en dash U+2013
    without spaces (EYD V, tanda pisah "sampai dengan"): ``format_range(1, 5) -> "1\u20135"``.

    Parameters
    ----------
    low, high : int or float
        The ends, each written by :func:`format_number` with ``decimals`` (a year range
        is written with ``RANGE_DASH`` between the plain years: no thousands dot).
    decimals : int or None
        As in :func:`format_number`.

    Returns
    -------
    str
        ``"<low>\u2013<high>"``.

    Examples
    --------
    >>> format_range(1, 5), format_range(20, 46.667, 2)
    ('1\u20135', '20,00\u201346,67')
    """
    return f"{format_number(low, decimals)}{RANGE_DASH}{format_number(high, decimals)}"


def format_p_value(p: object, decimals: int = 4, *, na_rep: str = "") -> str:
    """A p-value for the reader: ``"0,0123"``; beyond the shown precision
    ``"< 0,0001"`` or ``"> 0,9999"`` rather than a misleading ``0,0000`` / ``1,0000``.
    A missing p (None, e.g. a Monte Carlo p that was not simulated, or NaN) gives
    ``na_rep``.

    >>> format_p_value(0.04567), format_p_value(4.8e-9), format_p_value(None, na_rep="...")
    ('0,0457', '< 0,0001', '...')
    """
    if _unprintable(p):
        return na_rep
    step = 10.0**-decimals
    if p < step:
        return f"< {format_number(step, decimals)}"
    if p > 1 - step:
        return f"> {format_number(1 - step, decimals)}"
    return format_number(p, decimals)


def format_p(p: object, decimals: int = 4, *, na_rep: str = "") -> str:
    """``"p = 0,0457"``, ``"p > 0,9999"`` or ``"p < 0,0001"`` (see :func:`format_p_value`);
    ``na_rep`` for a missing p.

    Parameters
    ----------
    p : float or None
        A probability between 0 and 1 (not a percentage).
    decimals : int
        Decimal places shown; a p below ``10**-decimals`` is written as "p < 0,0001".
    na_rep : str
        Text for a missing p (None, NaN).

    Returns
    -------
    str
        "p = ...", "p < ..." or "p > ..." with an Indonesian decimal comma, or ``na_rep``.

    Examples
    --------
    >>> format_p(0.04567), format_p(float("nan"), na_rep="...")
    ('p = 0,0457', '...')
    >>> format_p(4.8e-9), format_p(0.99999), format_p(0.5, 2)
    ('p < 0,0001', 'p > 0,9999', 'p = 0,50')
    """
    text = format_p_value(p, decimals, na_rep=na_rep)
    if _unprintable(p):
        return text
    return f"p {text}" if text[0] in "<>" else f"p = {text}"


def tick_formatter(
    decimals: int | None = 0, *, percent: bool = False, scale: float = 1.0
) -> Callable[..., str]:
    """A function ``(x, pos=None) -> str`` for axis ticks, without importing matplotlib
    (wrap it in ``matplotlib.ticker.FuncFormatter``). ``scale`` multiplies first
    (``scale=100`` shows fractions as percentages).

    >>> tick_formatter(percent=True, scale=100)(0.25)
    '25 %'
    """

    def fmt(x: float, pos: int | None = None) -> str:
        value = x * scale
        return format_percent(value, decimals) if percent else format_number(value, decimals)

    return fmt
