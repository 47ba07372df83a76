"""The questionnaire codebook: variables, indicators, items, answer scales, respondent
profile fields, the missing-answer rule and the categorisation rule.

The codebook is a human-editable YAML file (default ``data/raw/survey/codebook.yml``).
:func:`load_survey_codebook` reads and checks it; every mistake in it (a duplicate id, an item
without an indicator, an unknown scale, ...) is reported at once as one
:class:`~psm_analysis.errors.DataError` naming the file and the YAML line.

The file holds flat lists, so that the researcher edits one line per thing::

    id_column: {id: responden, label: Nomor responden}
    missing_allowed: false
    scales:
      setuju5:
        values: {5: Sangat Setuju, 4: Setuju, 3: Ragu-ragu, 2: Tidak Setuju,
                 1: Sangat Tidak Setuju}
    categories: {method: equal_width, classes: 3,
                 labels: [Kurang Baik, Cukup Baik, Baik]}
    profile:
      - {id: umur, label: Umur (tahun), type: integer, min: 17, max: 80}
    variables:
      - {id: X, name: Kinerja PSM, scale: setuju5}
    indicators:
      - {id: X1, variable: X, name: Menginisiasi penanganan masalah sosial}
    items:
      - {id: X1_1, indicator: X1, statement: "Saya ...", reverse: false}
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from psm_analysis import csvtext
from psm_analysis.errors import DataError, Problem, display_path

#: Ids are used as column headers and as SPSS variable names.
ID_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,31}$")
ID_RULE = "huruf di depan, lalu huruf/angka/garis bawah, paling panjang 32 karakter"
PROFILE_TYPES = ("text", "choice", "integer", "number")


@dataclass(frozen=True)
class Scale:
    """An answer scale: ``values`` maps each score to its label, highest first."""

    id: str
    values: dict[int, str]
    label: str = ""

    @property
    def low(self) -> int:
        return min(self.values)

    @property
    def high(self) -> int:
        return max(self.values)

    def allowed_text(self) -> str:
        return ", ".join(f"{v} ({lab})" for v, lab in self.values.items())


@dataclass(frozen=True)
class ProfileField:
    """A respondent profile field (desa, jenis kelamin, umur, ...)."""

    id: str
    label: str
    type: str = "text"
    choices: tuple[str, ...] = ()
    min: float | None = None
    max: float | None = None
    required: bool = True
    bins: tuple[float, ...] = ()  # upper class edges for the profile table (numbers)

    def allowed_text(self) -> str:
        if self.type == "choice":
            return ", ".join(self.choices)
        if self.type in ("integer", "number"):
            kind = "bilangan bulat" if self.type == "integer" else "angka"
            lo = "" if self.min is None else f" {_num(self.min)}"
            hi = "" if self.max is None else f" {_num(self.max)}"
            if lo and hi:
                return f"{kind} dari{lo} sampai{hi}"
            return kind
        return "teks"


@dataclass(frozen=True)
class Variable:
    id: str
    name: str
    scale: str


@dataclass(frozen=True)
class Indicator:
    id: str
    variable: str
    name: str
    source: str = ""


@dataclass(frozen=True)
class Item:
    id: str
    indicator: str
    statement: str
    reverse: bool = False
    missing_allowed: bool = False


@dataclass(frozen=True)
class CategoryRule:
    """How an index (0-100 %) becomes a category.

    ``method="equal_width"``: ``len(labels)`` classes of equal width between the lowest
    and the highest possible index of the scale. ``method="cut_points"``: explicit
    boundaries (``len(labels) - 1`` increasing numbers). A value equal to a boundary
    belongs to the higher class.
    """

    method: str
    labels: tuple[str, ...]
    cut_points: tuple[float, ...] = ()


#: Where validity and reliability are tested (codebook ``instrument_test.data``): the
#: pilot answers in ``data/raw/survey/uji_coba/`` or the main answers. ``None`` (the key
#: left out): the pilot where there is one, else the main answers.
TEST_DATA = ("uji_coba", "utama")
#: What happens to an item that fails validity (``instrument_test.invalid_items``):
#: left out of every later table, figure and index, or kept with a note.
INVALID_ITEMS = ("gugurkan", "pertahankan")


@dataclass(frozen=True)
class InstrumentTest:
    """Where the instrument is tested and what happens to an invalid item.

    ``data`` is ``"uji_coba"`` (the pilot file), ``"utama"`` (the main answers) or
    ``None`` (the pilot where there is one, else the main answers); ``invalid_items`` is
    ``"gugurkan"`` (the default, as Indonesian theses drop an invalid item before the
    analysis) or ``"pertahankan"``.
    """

    data: str | None = None
    invalid_items: str = "gugurkan"


@dataclass(frozen=True)
class Codebook:
    """A checked codebook. Use :func:`load_survey_codebook` to make one."""

    path: str
    title: str
    id_column: str
    id_label: str
    missing_allowed: bool
    scales: dict[str, Scale]
    categories: CategoryRule
    profile: tuple[ProfileField, ...]
    variables: tuple[Variable, ...]
    indicators: tuple[Indicator, ...]
    items: tuple[Item, ...]
    group_field: str | None = None
    instrument_test: InstrumentTest = field(default_factory=InstrumentTest)
    _lookup: dict = field(default_factory=dict, repr=False, compare=False)

    # -- lookups -------------------------------------------------------------------
    def item(self, item_id: str) -> Item:
        return {i.id: i for i in self.items}[item_id]

    def indicator(self, ind_id: str) -> Indicator:
        return {i.id: i for i in self.indicators}[ind_id]

    def variable(self, var_id: str) -> Variable:
        return {v.id: v for v in self.variables}[var_id]

    def profile_field(self, field_id: str) -> ProfileField:
        return {p.id: p for p in self.profile}[field_id]

    def scale_of_item(self, item_id: str) -> Scale:
        ind = self.indicator(self.item(item_id).indicator)
        return self.scales[self.variable(ind.variable).scale]

    def scale_of_variable(self, var_id: str) -> Scale:
        return self.scales[self.variable(var_id).scale]

    def items_of_indicator(self, ind_id: str) -> list[Item]:
        return [i for i in self.items if i.indicator == ind_id]

    def items_of_variable(self, var_id: str) -> list[Item]:
        inds = {i.id for i in self.indicators if i.variable == var_id}
        return [i for i in self.items if i.indicator in inds]

    def item_missing_allowed(self, item: Item) -> bool:
        return self.missing_allowed or item.missing_allowed

    def without_items(self, item_ids) -> Codebook:
        """The codebook with the items ``item_ids`` left out (dropped invalid items), and
        with any indicator or variable left without items left out too."""
        gone = set(item_ids)
        items = tuple(i for i in self.items if i.id not in gone)
        inds = tuple(i for i in self.indicators if any(x.indicator == i.id for x in items))
        variables = tuple(v for v in self.variables if any(i.variable == v.id for i in inds))
        return dataclasses.replace(self, items=items, indicators=inds, variables=variables)

    @property
    def columns(self) -> list[str]:
        """Every data column, in template order: id, profile fields, items."""
        return [self.id_column, *(p.id for p in self.profile), *(i.id for i in self.items)]

    def label_of(self, column: str) -> str:
        """The reader-facing text of a column (its statement or label)."""
        if column == self.id_column:
            return self.id_label
        for p in self.profile:
            if p.id == column:
                return p.label
        for i in self.items:
            if i.id == column:
                return i.statement
        return column


def default_codebook_path(paths=None) -> Path:
    """``data/raw/survey/codebook.yml`` of the project."""
    from psm_analysis.config import get_paths

    return (paths or get_paths()).raw_survey / "codebook.yml"


# ---------------------------------------------------------------------------------------
# YAML with line numbers
# ---------------------------------------------------------------------------------------


class _LineDict(dict):
    line: int = 0


class _LineList(list):
    line: int = 0


class _Loader(yaml.SafeLoader):
    """A SafeLoader that remembers the line of every mapping and list and reports
    duplicate keys instead of silently keeping the last one."""

    duplicate_keys: list[tuple[object, int]]


def _construct_map(loader: _Loader, node):
    loader.flatten_mapping(node)
    out = _LineDict()
    out.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in out:
            loader.duplicate_keys.append((key, key_node.start_mark.line + 1))
        out[key] = loader.construct_object(value_node, deep=True)
    return out


def _construct_seq(loader: _Loader, node):
    out = _LineList(loader.construct_object(n, deep=True) for n in node.value)
    out.line = node.start_mark.line + 1
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_seq)


def _num(x: float) -> str:
    """Indonesian number text for messages (decimal comma, no trailing zeros)."""
    if float(x).is_integer():
        return f"{int(x)}"
    return f"{x}".replace(".", ",")


def _line(obj, default: int | None = None) -> int | None:
    return getattr(obj, "line", default)


# ---------------------------------------------------------------------------------------
# Loading and checking
# ---------------------------------------------------------------------------------------


class _Checker:
    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []

    def add(self, message, line=None, key=None, value=None, expected=None):
        self.problems.append(
            Problem(message, file=self.file, row=line, column=key, value=value, expected=expected)
        )

    def text(self, d, key, line, required=True, default=""):
        value = d.get(key) if isinstance(d, dict) else None
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.add(f"kunci '{key}' wajib diisi", line, key, expected="teks")
            return default
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            self.add(f"kunci '{key}' harus berupa teks", line, key, value, "teks")
            return default
        return str(value).strip()

    def boolean(self, d, key, line, default=False):
        value = d.get(key, default)
        if not isinstance(value, bool):
            self.add(f"kunci '{key}' harus true atau false", line, key, value, "true, false")
            return default
        return value

    def ident(self, d, key, line):
        value = self.text(d, key, line)
        if value and not ID_PATTERN.match(value):
            self.add(f"kode '{key}' tidak sah", line, key, value, ID_RULE)
        return value

    def mapping_list(self, raw, key) -> list:
        value = raw.get(key)
        if value is None:
            self.add(f"bagian '{key}' tidak ada atau kosong", _line(raw, 1), key, expected="daftar")
            return []
        if not isinstance(value, list):
            self.add(f"bagian '{key}' harus berupa daftar", _line(value, _line(raw)), key)
            return []
        out = []
        for entry in value:
            if not isinstance(entry, dict):
                self.add(
                    f"setiap isi bagian '{key}' harus berupa pasangan kunci: nilai",
                    _line(value),
                    key,
                    entry,
                )
            else:
                out.append(entry)
        return out


def load_survey_codebook(path: str | Path | None = None) -> Codebook:
    """Read and check a codebook YAML file (default: the project's).

    Parameters
    ----------
    path : str or Path, optional
        The YAML file. ``None`` means ``data/raw/survey/codebook.yml`` of the project.

    Returns
    -------
    Codebook

    Raises
    ------
    DataError
        With every problem found: unreadable YAML, a missing key, a duplicate id, an
        unknown scale, indicator or variable, an item without an indicator, an indicator
        or variable without items, a bad categorisation rule, a bad profile field.
    """
    path = Path(path) if path is not None else default_codebook_path()
    file = display_path(path)
    if not path.is_file():
        raise DataError(Problem("berkas buku kode tidak ditemukan", file=file))
    # UTF-8 (BOM or not), UTF-16 or cp1252 as Notepad saves it, located errors otherwise
    return parse_codebook(csvtext.read_decoded(path, file), file)


def parse_codebook(text: str, file: str = "codebook.yml") -> Codebook:
    """Parse and check codebook YAML ``text``; ``file`` names it in messages."""
    loader = _Loader(text)
    loader.duplicate_keys = []
    try:
        raw = loader.get_single_data()
    except yaml.YAMLError as err:
        raise DataError(csvtext.yaml_problem(err, file)) from None
    finally:
        loader.dispose()
    ck = _Checker(file)
    for key, line in loader.duplicate_keys:
        ck.add("kunci ganda dalam satu bagian", line, str(key), key)
    if not isinstance(raw, dict):
        ck.add("buku kode harus berupa pasangan kunci: nilai", 1)
        DataError.collect(ck.problems)

    title = ck.text(raw, "title", _line(raw), required=False, default="Kuesioner")
    missing_allowed = ck.boolean(raw, "missing_allowed", _line(raw), default=False)

    # id column
    idc = raw.get("id_column")
    if not isinstance(idc, dict):
        ck.add("bagian 'id_column' wajib ada (id dan label)", _line(raw), "id_column", idc)
        id_column, id_label = "responden", "Nomor responden"
    else:
        id_column = ck.ident(idc, "id", _line(idc))
        id_label = ck.text(idc, "label", _line(idc), required=False, default=id_column)

    scales = _parse_scales(raw, ck)
    categories = _parse_categories(raw, ck)
    profile = _parse_profile(ck.mapping_list(raw, "profile"), ck)
    variables, indicators, items = _parse_structure(raw, ck, scales)

    # one namespace for all column ids
    seen: dict[str, int | None] = {id_column: _line(idc)}
    for obj, line in [(p, ln) for p, ln in profile] + [(i, ln) for i, ln in items]:
        if obj.id.casefold() in {s.casefold() for s in seen}:
            ck.add("kode kolom dipakai dua kali", line, "id", obj.id, "kode yang unik")
        seen[obj.id] = line
    for var, line in variables:
        if var.id in {i.id for i, _ in indicators}:
            ck.add("kode variabel sama dengan kode indikator", line, "id", var.id, "kode yang unik")

    group_field = raw.get("group_field")
    if group_field is not None:
        match = [p for p, _ in profile if p.id == group_field]
        if not match:
            ck.add(
                "group_field menyebut kolom profil yang tidak ada",
                _line(raw),
                "group_field",
                group_field,
                ", ".join(p.id for p, _ in profile),
            )
        elif match[0].type != "choice" or len(match[0].choices) != 2:
            ck.add(
                "group_field harus kolom pilihan dengan tepat dua pilihan",
                _line(raw),
                "group_field",
                group_field,
            )

    _check_cut_points_above_lowest(raw, categories, variables, scales, ck)
    instrument_test = _parse_instrument_test(raw, ck)

    DataError.collect(ck.problems)
    return Codebook(
        path=file,
        title=title,
        id_column=id_column,
        id_label=id_label,
        missing_allowed=missing_allowed,
        scales=scales,
        categories=categories,
        profile=tuple(p for p, _ in profile),
        variables=tuple(v for v, _ in variables),
        indicators=tuple(i for i, _ in indicators),
        items=tuple(i for i, _ in items),
        group_field=group_field,
        instrument_test=instrument_test,
    )


def _parse_instrument_test(raw, ck: _Checker) -> InstrumentTest:
    """The optional ``instrument_test`` block: ``data`` (uji_coba, utama) and
    ``invalid_items`` (gugurkan, pertahankan)."""
    spec = raw.get("instrument_test")
    if spec is None:
        return InstrumentTest()
    if not isinstance(spec, dict):
        ck.add(
            "bagian 'instrument_test' harus berupa pasangan kunci: nilai",
            _line(raw),
            "instrument_test",
            spec,
            "data: uji_coba atau utama; invalid_items: gugurkan atau pertahankan",
        )
        return InstrumentTest()
    out = InstrumentTest()
    for key, allowed in (("data", TEST_DATA), ("invalid_items", INVALID_ITEMS)):
        value = spec.get(key)
        if value is None:
            continue
        if value not in allowed:
            ck.add(
                f"nilai instrument_test.{key} tidak dikenal",
                _line(spec),
                key,
                value,
                ", ".join(allowed),
            )
            continue
        out = dataclasses.replace(out, **{key: value})
    for key in spec:
        if key not in ("data", "invalid_items"):
            ck.add(
                "kunci tidak dikenal di instrument_test",
                _line(spec),
                str(key),
                key,
                "data, invalid_items",
            )
    return out


def _parse_scales(raw, ck: _Checker) -> dict[str, Scale]:
    scales: dict[str, Scale] = {}
    block = raw.get("scales")
    if not isinstance(block, dict) or not block:
        ck.add(
            "bagian 'scales' wajib ada dan berisi paling sedikit satu skala", _line(raw), "scales"
        )
        return scales
    for sid, spec in block.items():
        line = _line(spec, _line(block))
        if not isinstance(sid, str) or not ID_PATTERN.match(sid):
            ck.add("kode skala tidak sah", line, "scales", sid, ID_RULE)
            continue
        values = spec.get("values") if isinstance(spec, dict) else None
        if not isinstance(values, dict) or len(values) < 2:
            ck.add(
                "skala harus punya 'values' dengan paling sedikit dua nilai",
                line,
                sid,
                expected="misalnya {5: Sangat Setuju, ..., 1: Sangat Tidak Setuju}",
            )
            continue
        clean: dict[int, str] = {}
        for v, lab in values.items():
            if isinstance(v, bool) or not isinstance(v, int):
                ck.add("nilai skala harus bilangan bulat", _line(values), sid, v, "bilangan bulat")
                continue
            if not isinstance(lab, str) or not lab.strip():
                ck.add("setiap nilai skala perlu label", _line(values), sid, v, "teks label")
                continue
            clean[v] = lab.strip()
        labels = [lab.casefold() for lab in clean.values()]
        if len(set(labels)) != len(labels):
            ck.add("label skala dipakai dua kali", _line(values), sid, expected="label yang unik")
        if clean and sorted(clean) != list(range(min(clean), max(clean) + 1)):
            ck.add(
                "nilai skala harus berurutan tanpa loncatan",
                _line(values),
                sid,
                ", ".join(str(v) for v in sorted(clean)),
            )
        if clean and min(clean) < 1:
            ck.add("nilai skala terendah harus 1 atau lebih", _line(values), sid, min(clean))
        ordered = dict(sorted(clean.items(), reverse=True))
        scales[sid] = Scale(sid, ordered, str(spec.get("label", sid)))
    return scales


def _parse_categories(raw, ck: _Checker) -> CategoryRule:
    spec = raw.get("categories")
    fallback = CategoryRule("equal_width", ("Kurang Baik", "Cukup Baik", "Baik"))
    if not isinstance(spec, dict):
        ck.add("bagian 'categories' wajib ada", _line(raw), "categories")
        return fallback
    line = _line(spec)
    method = spec.get("method", "equal_width")
    labels = spec.get("labels")
    if not isinstance(labels, list) or not all(isinstance(x, str) and x.strip() for x in labels):
        ck.add("categories.labels harus daftar label teks", line, "labels", labels)
        return fallback
    labels_t = tuple(x.strip() for x in labels)
    if method == "equal_width":
        classes = spec.get("classes", len(labels_t))
        if classes not in (3, 5):
            ck.add("jumlah kelas harus 3 atau 5", line, "classes", classes, "3, 5")
        elif classes != len(labels_t):
            ck.add(
                "jumlah label kategori tidak sama dengan jumlah kelas",
                line,
                "labels",
                len(labels_t),
                str(classes),
            )
        return CategoryRule("equal_width", labels_t)
    if method == "cut_points":
        cuts = spec.get("cut_points")
        if not isinstance(cuts, list) or not all(
            isinstance(c, (int, float)) and not isinstance(c, bool) for c in cuts
        ):
            ck.add("cut_points harus daftar angka (persen)", line, "cut_points", cuts)
            return fallback
        if len(cuts) != len(labels_t) - 1:
            ck.add(
                "jumlah cut_points harus satu kurang dari jumlah label",
                line,
                "cut_points",
                len(cuts),
                str(len(labels_t) - 1),
            )
        if any(b <= a for a, b in zip(cuts, cuts[1:], strict=False)) or any(
            c <= 0 or c >= 100 for c in cuts
        ):
            ck.add(
                "cut_points harus naik dan di antara 0 dan 100",
                line,
                "cut_points",
                ", ".join(_num(c) for c in cuts),
            )
        return CategoryRule("cut_points", labels_t, tuple(float(c) for c in cuts))
    ck.add("metode kategori tidak dikenal", line, "method", method, "equal_width, cut_points")
    return fallback


def _check_cut_points_above_lowest(raw, categories, variables, scales, ck: _Checker) -> None:
    """Each cut point must lie above the lowest possible index (``low / high x 100``)
    of every scale a variable uses: no index can fall below it."""
    if categories.method != "cut_points" or not categories.cut_points:
        return
    from psm_analysis.numbers import format_number

    cuts = categories.cut_points
    for sid in dict.fromkeys(v.scale for v, _ in variables):
        scale = scales.get(sid)
        if scale is None or not scale.values:
            continue
        lowest = scale.low / scale.high * 100
        if cuts[0] <= lowest:
            ck.add(
                "cut_points harus di atas indeks terendah skala",
                _line(raw.get("categories")),
                "cut_points",
                ", ".join(_num(c) for c in cuts),
                f"batas pertama di atas {format_number(lowest, 2)} % "
                f"(skala {sid}: {scale.low} sampai {scale.high})",
            )


def _parse_profile(entries, ck: _Checker) -> list[tuple[ProfileField, int | None]]:
    out = []
    for e in entries:
        line = _line(e)
        fid = ck.ident(e, "id", line)
        label = ck.text(e, "label", line, required=False, default=fid)
        ftype = e.get("type", "text")
        if ftype not in PROFILE_TYPES:
            ck.add(
                "jenis kolom profil tidak dikenal", line, "type", ftype, ", ".join(PROFILE_TYPES)
            )
            ftype = "text"
        choices: tuple[str, ...] = ()
        if ftype == "choice":
            raw_choices = e.get("choices")
            if not isinstance(raw_choices, list) or len(raw_choices) < 2:
                ck.add("kolom pilihan perlu 'choices' dengan paling sedikit dua pilihan", line, fid)
            else:
                choices = tuple(str(c).strip() for c in raw_choices)
                if len({c.casefold() for c in choices}) != len(choices):
                    ck.add("pilihan dipakai dua kali", line, fid, expected="pilihan yang unik")
        lo, hi = e.get("min"), e.get("max")
        for key, v in (("min", lo), ("max", hi)):
            if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))):
                ck.add(f"'{key}' harus angka", line, key, v)
        if isinstance(lo, (int, float)) and isinstance(hi, (int, float)) and lo > hi:
            ck.add("'min' lebih besar dari 'max'", line, "min", lo, f"paling besar {_num(hi)}")
        required = ck.boolean(e, "required", line, default=True)
        bins = e.get("bins", [])
        if bins and (
            ftype not in ("integer", "number")
            or not isinstance(bins, list)
            or not all(isinstance(b, (int, float)) and not isinstance(b, bool) for b in bins)
            or any(b2 <= b1 for b1, b2 in zip(bins, bins[1:], strict=False))
        ):
            ck.add(
                "'bins' harus daftar angka yang naik, hanya untuk kolom angka", line, "bins", bins
            )
            bins = []

        def num(v):
            return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None

        field = ProfileField(fid, label, ftype, choices, num(lo), num(hi), required, tuple(bins))
        out.append((field, line))
    return out


def _parse_structure(raw, ck: _Checker, scales: dict[str, Scale]):
    variables, indicators, items = [], [], []
    seen_ids: dict[str, str] = {}

    def unique(kind: str, value: str, line):
        if not value:
            return
        if value in seen_ids:
            ck.add(f"kode {kind} ganda", line, "id", value, "kode yang unik")
        seen_ids[value] = kind

    for e in ck.mapping_list(raw, "variables"):
        line = _line(e)
        vid = ck.ident(e, "id", line)
        unique("variabel", vid, line)
        name = ck.text(e, "name", line)
        scale = ck.text(e, "scale", line)
        if scale and scales and scale not in scales:
            ck.add("skala tidak dikenal", line, "scale", scale, ", ".join(scales))
        variables.append((Variable(vid, name, scale), line))
    var_ids = {v.id for v, _ in variables}

    for e in ck.mapping_list(raw, "indicators"):
        line = _line(e)
        iid = ck.ident(e, "id", line)
        unique("indikator", iid, line)
        var = ck.text(e, "variable", line)
        if var and var not in var_ids:
            ck.add(
                "indikator menyebut variabel yang tidak ada",
                line,
                "variable",
                var,
                ", ".join(sorted(var_ids)),
            )
        name = ck.text(e, "name", line)
        source = ck.text(e, "source", line, required=False)
        indicators.append((Indicator(iid, var, name, source), line))
    ind_ids = {i.id for i, _ in indicators}

    for e in ck.mapping_list(raw, "items"):
        line = _line(e)
        item_id = ck.ident(e, "id", line)
        unique("butir", item_id, line)
        ind = e.get("indicator")
        if ind is None or (isinstance(ind, str) and not ind.strip()):
            ck.add("butir tidak punya indikator", line, "indicator", item_id, "kode indikator")
            ind = ""
        elif str(ind) not in ind_ids:
            ck.add(
                "butir menyebut indikator yang tidak ada",
                line,
                "indicator",
                ind,
                ", ".join(sorted(ind_ids)),
            )
        statement = ck.text(e, "statement", line)
        reverse = ck.boolean(e, "reverse", line, default=False)
        miss = ck.boolean(e, "missing_allowed", line, default=False)
        items.append((Item(item_id, str(ind), statement, reverse, miss), line))

    for ind, line in indicators:
        if ind.id and not any(i.indicator == ind.id for i, _ in items):
            ck.add("indikator tidak punya butir", line, "id", ind.id, "paling sedikit satu butir")
    for var, line in variables:
        if var.id and not any(i.variable == var.id for i, _ in indicators):
            ck.add(
                "variabel tidak punya indikator",
                line,
                "id",
                var.id,
                "paling sedikit satu indikator",
            )
    return variables, indicators, items
