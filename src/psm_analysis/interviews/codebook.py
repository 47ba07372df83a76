"""The interview codebook: hierarchical codes tied to the research questions.

A code is known by its *path*: the research question (``peran`` or ``hambatan``), a dot,
and a short key, e.g. ``hambatan.kurang_pembinaan``. Deeper paths (``a.b.c``) work the
same way. The two question codes group the others and are not applied to segments.

Two file forms hold a codebook:

- ``codebook_wawancara.yml`` (the project's default, edited by hand; see the comments in
  ``data/raw/interviews/codebook_wawancara.yml``);
- a REFI-QDA codebook ``.qdc`` (root ``CodeBook`` in the namespace
  ``urn:QDA-XML:codebook:1.0``, nested ``Code`` elements with ``guid``, ``name``,
  ``isCodable``, optional ``color`` and ``Description``), the exchange format of Taguette,
  QualCoder, ATLAS.ti, MAXQDA and NVivo. Every ``.qdc`` read or written is validated
  against the schema in ``data/raw/reference/refi_qda_codebook_1_0.xsd``.

In a ``.qdc`` written here, each ``Code``'s ``name`` is its key (the last part of the path),
nested under its parent, so QualCoder shows the key as the code name and the question as
its category. The ``guid`` is ``uuid5`` of the path in a fixed namespace, so the same
codebook always gives the same bytes. ``Description`` holds, one per line, the label a
reader sees, the description, ``Indikator: ...`` and ``Kuesioner: ...`` (the questionnaire
indicator the code speaks to); :func:`from_qdc` reads them back from a file whose
``origin`` is ``psm-analysis``, so a codebook survives the round trip unchanged.

A ``.qdc`` written by another tool is read as the standard means it: a code's label is
its ``name`` and ``<Description>`` is its description (QualCoder writes the code memo
there, ATLAS.ti the code comment, NVivo the description). Categories (``isCodable="false"``
codes holding codes, as QualCoder and NVivo write them) become the parents. The namespace
variants real tools write (``urn:QDA-XML:codebook:1:0``, ``...:0:4``) are read as 1.0. A
flat ``.qdc`` as Taguette writes it (each ``name`` a full dotted tag path, and an empty
``<Sets/>`` that the schema does not allow and that is dropped before validation) is read
too. An invalid file gets Indonesian problems naming the element, attribute and line; two
codes whose names become the same path ("Jarak akses" and "jarak_akses") are a problem.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from psm_analysis import csvtext
from psm_analysis.errors import DataError, Problem, display_path

#: XML namespace of REFI-QDA codebooks.
QDC_NS = "urn:QDA-XML:codebook:1.0"
#: ``origin`` of the ``.qdc`` files written here (their Description holds several fields).
OWN_ORIGIN = "psm-analysis"
#: Namespace of the deterministic code guids (uuid5 of the code path).
GUID_NAMESPACE = uuid.UUID("6f1c2d2e-5a0b-5b7e-9c43-0d1f5e3a7b21")
#: File name of the schema under data/raw/reference.
XSD_NAME = "refi_qda_codebook_1_0.xsd"
#: Default codebook file names in data/raw/interviews, in order of preference.
CODEBOOK_STEM = "codebook_wawancara"
CODEBOOK_SUFFIXES = (".qdc", ".yml", ".yaml")
#: The research questions, in the order the thesis asks them.
QUESTIONS = ("peran", "hambatan")
_INDICATOR_PREFIX = "Indikator: "
_SURVEY_PREFIX = "Kuesioner: "
_SEPARATORS = re.compile(r"\s*(?:\.|/|:|>|\\)\s*")


def normalize_code(text: object) -> str:
    """A code as typed (``"Hambatan / Kurang pembinaan"``) in canonical path form
    (``"hambatan.kurang_pembinaan"``): lowercase, parts split on ``. / : > \\``, spaces
    inside a part become ``_``.

    >>> normalize_code(" Hambatan / Kurang  pembinaan ")
    'hambatan.kurang_pembinaan'
    """
    if text is None:
        return ""
    parts = [p for p in _SEPARATORS.split(str(text).strip().lower()) if p]
    return ".".join(re.sub(r"\s+", "_", p.strip()) for p in parts)


@dataclass(frozen=True)
class Code:
    """One code of the codebook."""

    path: str
    label: str
    description: str = ""
    indicator: str = ""
    color: str | None = None
    codable: bool = True
    #: The questionnaire indicator (data/raw/survey/codebook.yml) the code speaks to.
    survey: str = ""
    #: The interview guide's questions for this code or theme: ``(group, question)``
    #: pairs in codebook order, group ``""`` for every informant group (YAML
    #: ``pertanyaan_wawancara``; see :func:`interview_questions`).
    interview_questions: tuple[tuple[str, str], ...] = ()

    @property
    def key(self) -> str:
        return self.path.rsplit(".", 1)[-1]

    @property
    def parent(self) -> str | None:
        return self.path.rsplit(".", 1)[0] if "." in self.path else None

    @property
    def question(self) -> str:
        return self.path.split(".", 1)[0]

    @property
    def guid(self) -> str:
        return str(uuid.uuid5(GUID_NAMESPACE, self.path)).upper()


@dataclass(frozen=True)
class Codebook:
    """An ordered set of codes; parents always come before their children."""

    codes: tuple[Code, ...]
    source: str | None = field(default=None, compare=False)

    def __post_init__(self):
        seen = set()
        for c in self.codes:
            if c.path in seen:
                raise ValueError(f"duplicate code path {c.path!r}")
            seen.add(c.path)

    @property
    def paths(self) -> list[str]:
        return [c.path for c in self.codes]

    @property
    def codable(self) -> list[Code]:
        return [c for c in self.codes if c.codable]

    def get(self, path: str) -> Code | None:
        return self._index().get(path)

    def _index(self) -> dict[str, Code]:
        return {c.path: c for c in self.codes}

    def children(self, path: str | None) -> list[Code]:
        return [c for c in self.codes if c.parent == path]

    def resolve(self, text: object, categories: list[str] | None = None) -> str | None:
        """The path of the code a coding tool wrote, or None if the codebook lacks it.

        ``text`` is a tag path (Taguette: ``hambatan.anggaran``), a path typed in Excel,
        or a code name with its ``categories`` from the immediate parent upwards
        (QualCoder). A bare key that is unique in the codebook also resolves, so a
        QDA project whose codes were imported without their hierarchy still works.
        """
        name = normalize_code(text)
        if not name:
            return None
        index = self._index()
        if categories:
            cats = [normalize_code(c) for c in categories if normalize_code(c)]
            full = ".".join([*reversed(cats), name])
            if full in index:
                return full
        if name in index:
            return name
        key = name.rsplit(".", 1)[-1]
        matches = [c.path for c in self.codes if c.key == key]
        return matches[0] if len(matches) == 1 else None

    def to_frame(self):
        """The codebook as a table (one row per code) for data/processed."""
        import pandas as pd

        rows = [
            {
                "kode": c.path,
                "pertanyaan": c.question,
                "induk": c.parent or "",
                "label": c.label,
                "deskripsi": c.description,
                "indikator": c.indicator,
                "indikator_kuesioner": c.survey,
                "dapat_dikodekan": c.codable,
                "warna": c.color or "",
                "guid": c.guid,
            }
            for c in self.codes
        ]
        return pd.DataFrame(rows).astype({"dapat_dikodekan": "bool"})

    def questions_frame(self):
        """The interview guide as a table (``wawancara_pertanyaan.csv``): one row per
        question of a code or theme, in codebook order.

        Returns
        -------
        pandas.DataFrame
            Columns ``kode`` (the code's path), ``pertanyaan`` (its research question,
            ``peran``/``hambatan``), ``label`` (the code's label), ``indikator``,
            ``kelompok`` (the informant group the question is for; empty: every group),
            ``no`` (1, 2, ... within the code) and ``pertanyaan_wawancara`` (the question).
        """
        import pandas as pd

        rows = [
            {
                "kode": c.path,
                "pertanyaan": c.question,
                "label": c.label,
                "indikator": c.indicator,
                "kelompok": group,
                "no": k,
                "pertanyaan_wawancara": text,
            }
            for c in self.codes
            for k, (group, text) in enumerate(c.interview_questions, start=1)
        ]
        columns = [
            "kode",
            "pertanyaan",
            "label",
            "indikator",
            "kelompok",
            "no",
            "pertanyaan_wawancara",
        ]
        return pd.DataFrame(rows, columns=columns).astype({"no": "int64"})


# ----------------------------------------------------------------------------- building


def _ordered(codes: list[Code]) -> tuple[Code, ...]:
    """Parents before children, siblings in their given order; missing ancestors added
    as non-codable grouping codes labelled with their key."""
    by_path: dict[str, Code] = {}
    order: list[str] = []
    for c in codes:
        parts = c.path.split(".")
        for i in range(1, len(parts)):
            anc = ".".join(parts[:i])
            if anc not in by_path:
                by_path[anc] = Code(anc, parts[i - 1], codable=False)
                order.append(anc)
        if c.path in by_path and c.path in order:
            order.remove(c.path)
        by_path[c.path] = c
        order.append(c.path)
    position = {p: i for i, p in enumerate(order)}

    def sort_key(path: str):
        parts = path.split(".")
        return [position[".".join(parts[: i + 1])] for i in range(len(parts))]

    return tuple(by_path[p] for p in sorted(order, key=sort_key))


def _check_color(value, where: dict) -> tuple[str | None, list[Problem]]:
    if value in (None, ""):
        return None, []
    text = str(value).strip()
    if re.fullmatch(r"#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})", text):
        return text.upper(), []
    return None, [Problem("warna kode tidak dikenali", value=text, expected="#RRGGBB", **where)]


#: Key of ``pertanyaan_wawancara`` for the questions asked of every informant group.
ALL_GROUPS_KEY = "semua"
_QUESTION_PREFIX = "Pertanyaan wawancara"


def interview_questions(value, where: dict) -> tuple[tuple[tuple[str, str], ...], list[Problem]]:
    """The ``pertanyaan_wawancara`` of a code or theme as ``(group, question)`` pairs.

    Two forms are read: a list of questions (asked of every informant group), or a mapping
    from an informant group of the roster (:data:`.roster.GROUPS`, e.g. ``PSM``,
    ``Dinas Sosial``) or ``semua`` (every group) to one question or a list of them.

    Parameters
    ----------
    value : list, dict, str or None
        The YAML value.
    where : dict
        ``file`` and ``column`` of the entry, for the problems.

    Returns
    -------
    pairs : tuple of (str, str)
        ``(group, question)`` in the file's order; group ``""`` for every group.
    problems : list of Problem
        An unknown group, or a question that is not text.
    """
    from psm_analysis.interviews.roster import GROUPS, _norm_group

    if value in (None, "", [], {}):
        return (), []
    groups = value.items() if isinstance(value, dict) else [(ALL_GROUPS_KEY, value)]
    pairs: list[tuple[str, str]] = []
    problems: list[Problem] = []
    for key, questions in groups:
        is_all = str(key).strip().casefold() == ALL_GROUPS_KEY
        group = "" if is_all else _norm_group(str(key))
        if group is None:
            problems.append(
                Problem(
                    "kelompok informan pada pertanyaan_wawancara tidak dikenal",
                    value=key,
                    expected=f"{ALL_GROUPS_KEY} atau salah satu dari: {', '.join(GROUPS)}",
                    **where,
                )
            )
            continue
        for q in [questions] if isinstance(questions, str) else list(questions or []):
            if not isinstance(q, str) or not q.strip():
                problems.append(
                    Problem(
                        "pertanyaan wawancara harus berupa teks",
                        value=q,
                        expected="satu kalimat tanya per baris daftar",
                        **where,
                    )
                )
                continue
            pairs.append((group, " ".join(q.split())))
    return tuple(pairs), problems


def from_yaml(path: str | Path) -> Codebook:
    """Read the project's YAML codebook; raise one DataError with every problem."""
    import yaml

    path = Path(path)
    shown = display_path(path)
    text = csvtext.read_decoded(path, shown)  # UTF-8, BOM, UTF-16 or cp1252 (Notepad)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise DataError(csvtext.yaml_problem(err, shown)) from None
    if not isinstance(data, dict) or not isinstance(data.get("kode"), list):
        raise DataError(
            Problem(
                "codebook harus memuat daftar 'kode'",
                file=shown,
                expected="kunci 'pertanyaan' dan 'kode' seperti codebook bawaan",
            )
        )
    problems: list[Problem] = []
    codes: list[Code] = []
    for qkey, q in (data.get("pertanyaan") or {}).items():
        q = q or {}
        where = {"file": shown, "column": f"pertanyaan.{qkey}"}
        color, probs = _check_color(q.get("warna"), where)
        problems += probs
        asked, probs = interview_questions(q.get("pertanyaan_wawancara"), where)
        problems += probs
        codes.append(
            Code(
                normalize_code(qkey),
                str(q.get("label") or qkey),
                str(q.get("deskripsi") or "").strip(),
                str(q.get("indikator") or "").strip(),
                color,
                codable=False,
                interview_questions=asked,
            )
        )
    seen: set[str] = {c.path for c in codes}
    for i, item in enumerate(data["kode"], start=1):
        where = {"file": shown, "column": f"kode[{i}]"}
        if not isinstance(item, dict) or not item.get("kode"):
            problems.append(Problem("entri kode tanpa 'kode'", value=item, **where))
            continue
        p = normalize_code(item["kode"])
        if "." not in p:
            problems.append(
                Problem(
                    "kode harus diawali pertanyaan penelitiannya",
                    value=item["kode"],
                    expected="mis. 'hambatan.anggaran'",
                    **where,
                )
            )
            continue
        if p in seen:
            problems.append(Problem("kode tercantum dua kali", value=item["kode"], **where))
            continue
        seen.add(p)
        color, probs = _check_color(item.get("warna"), where)
        problems += probs
        asked, probs = interview_questions(item.get("pertanyaan_wawancara"), where)
        problems += probs
        codes.append(
            Code(
                p,
                str(item.get("label") or p.rsplit(".", 1)[-1]),
                str(item.get("deskripsi") or "").strip(),
                str(item.get("indikator") or "").strip(),
                color,
                bool(item.get("dapat_dikodekan", True)),
                str(item.get("kuesioner") or "").strip(),
                asked,
            )
        )
    DataError.collect(problems)
    return Codebook(_ordered(codes), source=shown)


# ----------------------------------------------------------------------------- REFI-QDA


def xsd_path(paths=None) -> Path:
    from psm_analysis.config import get_paths

    return (paths or get_paths()).raw_reference / XSD_NAME


#: Namespaces real tools write for a REFI-QDA codebook, read as :data:`QDC_NS`: the
#: standard's own text spells it ``1:0`` in places, and exports made to the 0.4 draft say
#: ``0:4``; the elements and attributes of a codebook are the same.
QDC_NS_VARIANTS = ("urn:QDA-XML:codebook:1:0", "urn:QDA-XML:codebook:0:4")

_SYNTAX_MESSAGES = (
    ("Document is empty", "berkas .qdc kosong"),
    ("Start tag expected", "berkas .qdc bukan XML: tidak diawali tag '<'"),
    ("Opening and ending tag mismatch", "tag pembuka dan tag penutup XML tidak cocok"),
    ("Entity '", "entitas XML tidak dikenal (mis. &nbsp; dari HTML)"),
    ("AttValue", "nilai atribut XML harus diapit tanda kutip"),
    ("Premature end of data", "XML terpotong: ada tag yang tidak ditutup"),
    ("Couldn't find end of Start Tag", "XML terpotong: ada tag yang tidak ditutup"),
    ("EndTag", "XML terpotong: ada tag yang tidak ditutup"),
    ("Extra content at the end", "ada isi setelah elemen akar CodeBook"),
    ("Input is not proper UTF-8", "berkas .qdc bukan teks UTF-8"),
)
_ELEMENT = re.compile(r"Element '(?:\{[^}]*\})?([^']+)'(?:, attribute '([^']+)')?: (.*)")
_EXPECTED = re.compile(r"Expected is \( ?(.*?) ?\)")


def _local(names: str) -> str:
    return ", ".join(re.sub(r"\{[^}]*\}", "", n).strip() for n in names.split(","))


def _schema_message(message: str) -> tuple[str, object, str | None]:
    """libxml2's English text of a schema error as (Indonesian message, value, expected)."""
    m = _ELEMENT.match(message)
    if not m:
        return "tidak sesuai skema REFI-QDA codebook 1.0", None, None
    element, attribute, rest = m.groups()
    expected = _EXPECTED.search(rest)
    expected_text = _local(expected.group(1)) if expected else None
    if "No matching global declaration" in rest:
        ns = re.match(r"Element '\{([^}]*)\}", message)
        return (
            f"elemen akar '{element}' bukan CodeBook REFI-QDA",
            ns.group(1) if ns else "(tanpa namespace)",
            f'<CodeBook xmlns="{QDC_NS}">',
        )
    if "is required but missing" in rest:
        name = re.search(r"attribute '([^']+)'", rest)
        return f"elemen '{element}' tidak punya atribut wajib '{name.group(1)}'", None, None
    if "is not allowed" in rest:
        return f"atribut '{attribute}' tidak dikenal pada elemen '{element}'", None, None
    if "This element is not expected" in rest:
        return f"elemen '{element}' tidak diharapkan di sini", None, expected_text
    if "Missing child element" in rest:
        return f"elemen '{element}' kurang elemen di dalamnya", None, expected_text
    if attribute:
        value = re.search(r"(?:The value )?'([^']*)' is not", rest)
        allowed = {
            "guid": "GUID 8-4-4-4-12 digit heksadesimal",
            "isCodable": "true atau false",
            "color": "#RRGGBB",
        }.get(attribute)
        return (
            f"nilai atribut '{attribute}' pada elemen '{element}' tidak sah",
            value.group(1) if value else None,
            allowed,
        )
    return f"elemen '{element}' tidak sesuai skema REFI-QDA codebook 1.0", None, None


def _syntax_problem(err, file: str | None) -> Problem:
    text = next((t for key, t in _SYNTAX_MESSAGES if err.msg.startswith(key)), None)
    return Problem(
        text or "berkas .qdc bukan XML yang sah",
        file=file,
        row=err.lineno if err.lineno else None,
    )


def schema_problems(xml: bytes, file: str | None = None, paths=None) -> list[Problem]:
    """Problems found validating ``xml`` against the REFI-QDA codebook schema, each in
    Indonesian and located at the line of the element."""
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(xsd_path(paths))))
    try:
        doc = etree.fromstring(xml)
    except etree.XMLSyntaxError as err:
        return [_syntax_problem(err, file)]
    if schema.validate(doc):
        return []
    problems = []
    for e in schema.error_log:
        message, value, expected = _schema_message(e.message)
        problems.append(Problem(message, file=file, row=e.line, value=value, expected=expected))
    return problems


def _description_text(c: Code) -> str:
    lines = [c.label]
    if c.description:
        lines.append(c.description)
    if c.indicator:
        lines.append(_INDICATOR_PREFIX + c.indicator)
    if c.survey:
        lines.append(_SURVEY_PREFIX + c.survey)
    for group, question in c.interview_questions:
        lines.append(f"{_QUESTION_PREFIX}{f' ({group})' if group else ''}: {question}")
    return "\n".join(lines)


def to_qdc(codebook: Codebook, origin: str = OWN_ORIGIN) -> bytes:
    """The codebook as REFI-QDA ``.qdc`` bytes (UTF-8, deterministic)."""
    from lxml import etree

    root = etree.Element(f"{{{QDC_NS}}}CodeBook", nsmap={None: QDC_NS})
    root.set("origin", origin)
    codes_el = etree.SubElement(root, f"{{{QDC_NS}}}Codes")

    def add(parent_el, code: Code):
        el = etree.SubElement(parent_el, f"{{{QDC_NS}}}Code")
        el.set("guid", code.guid)
        el.set("name", code.key)
        el.set("isCodable", "true" if code.codable else "false")
        if code.color:
            el.set("color", code.color)
        desc = etree.SubElement(el, f"{{{QDC_NS}}}Description")
        desc.text = _description_text(code)
        for child in codebook.children(code.path):
            add(el, child)

    for top in codebook.children(None):
        add(codes_el, top)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def _drop_empty_sets(data: bytes) -> bytes:
    """Taguette writes an empty ``<Sets/>``, which the schema does not allow (a ``Sets``
    needs at least one ``Set``); drop it so such files are read. Other XML is unchanged."""
    from lxml import etree

    try:
        root = etree.fromstring(data)
    except etree.XMLSyntaxError:
        return data  # reported by schema_problems
    empty = [el for el in root.findall(f"{{{QDC_NS}}}Sets") if len(el) == 0]
    if not empty:
        return data
    for el in empty:
        root.remove(el)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def from_qdc(source: str | Path | bytes, paths=None) -> Codebook:
    """Read a REFI-QDA codebook (a path or the bytes); validate it against the schema."""
    from lxml import etree

    if isinstance(source, bytes):
        data, shown = source, None
    else:
        shown = display_path(source)
        try:
            data = Path(source).read_bytes()
        except OSError as err:
            raise DataError(Problem(f"codebook tidak dapat dibaca ({err})", file=shown)) from None
    for variant in QDC_NS_VARIANTS:
        data = data.replace(variant.encode(), QDC_NS.encode())
    data = _drop_empty_sets(data)
    DataError.collect(schema_problems(data, shown, paths))
    root = etree.fromstring(data)
    ns = {"q": QDC_NS}
    own = root.get("origin") == OWN_ORIGIN
    codes: list[Code] = []
    problems: list[Problem] = []
    first_name: dict[str, tuple[str, int]] = {}

    def walk(el, parent_path: str | None):
        for code_el in el.findall("q:Code", ns):
            name = code_el.get("name", "")
            key = normalize_code(name)
            path = key if parent_path is None else f"{parent_path}.{key}"
            if path in first_name:
                other, line = first_name[path]
                problems.append(
                    Problem(
                        f"nama kode bertabrakan dengan kode '{other}' di baris {line}: "
                        f"keduanya menjadi '{path}'",
                        file=shown,
                        row=code_el.sourceline,
                        value=name,
                        expected="nama kode yang berbeda setelah huruf kecil dan spasi -> _",
                    )
                )
                continue
            first_name[path] = (name, code_el.sourceline)
            desc_el = code_el.find("q:Description", ns)
            text = (desc_el.text or "") if desc_el is not None else ""
            color = code_el.get("color")
            asked: tuple[tuple[str, str], ...] = ()
            if own:
                label, description, indicator, survey, asked = _parse_own_description(text, name)
            else:  # another tool: the name is the label, Description the description
                label, description, indicator, survey = name.strip(), text.strip(), "", ""
            codes.append(
                Code(
                    path,
                    label,
                    description,
                    indicator,
                    color.upper() if color else None,
                    code_el.get("isCodable") in ("true", "1"),
                    survey,
                    asked,
                )
            )
            walk(code_el, path)

    walk(root.find("q:Codes", ns), None)
    DataError.collect(problems)
    return Codebook(_ordered(codes), source=shown)


_QUESTION_LINE = re.compile(rf"^{_QUESTION_PREFIX}(?: \((?P<group>[^)]*)\))?: (?P<q>.*)$")


def _parse_own_description(text: str, name: str):
    """(label, description, indicator, questionnaire indicator, interview questions) from
    the Description :func:`to_qdc` writes: the label, the description, ``Indikator: ...``,
    ``Kuesioner: ...``, then ``Pertanyaan wawancara (group): ...``, one per line."""
    lines = text.split("\n") if text else []
    label = lines[0].strip() if lines and lines[0].strip() else name
    rest = lines[1:]
    asked: list[tuple[str, str]] = []
    while rest and (m := _QUESTION_LINE.match(rest[-1])):
        rest.pop()
        asked.insert(0, (m["group"] or "", m["q"]))
    survey = indicator = ""
    if rest and rest[-1].startswith(_SURVEY_PREFIX):
        survey = rest.pop()[len(_SURVEY_PREFIX) :]
    if rest and rest[-1].startswith(_INDICATOR_PREFIX):
        indicator = rest.pop()[len(_INDICATOR_PREFIX) :]
    return label, "\n".join(rest), indicator, survey, tuple(asked)


# ----------------------------------------------------------------------------- finding


def default_codebook_path(paths=None) -> Path:
    """The codebook in use: ``data/raw/interviews/codebook_wawancara.qdc`` if present,
    else ``codebook_wawancara.yml`` (two at once is an error the caller reports)."""
    from psm_analysis.config import get_paths

    folder = (paths or get_paths()).raw_interviews
    found = codebook_files(folder)
    if len(found) > 1:
        raise DataError(
            Problem(
                "lebih dari satu codebook di folder wawancara; simpan satu saja",
                file=display_path(folder),
                value=", ".join(p.name for p in found),
            )
        )
    return found[0] if found else folder / f"{CODEBOOK_STEM}.yml"


def codebook_files(folder: Path) -> list[Path]:
    return [
        folder / f"{CODEBOOK_STEM}{s}"
        for s in CODEBOOK_SUFFIXES
        if (folder / f"{CODEBOOK_STEM}{s}").is_file()
    ]


def is_codebook_file(path: Path) -> bool:
    return path.stem.lower().startswith("codebook") and path.suffix.lower() in CODEBOOK_SUFFIXES


def load_interview_codebook(path: str | Path | None = None, paths=None) -> Codebook:
    """Read a codebook file (``.yml``/``.yaml`` or ``.qdc``); default: the project's."""
    path = Path(path) if path is not None else default_codebook_path(paths)
    if not path.is_file():
        raise DataError(Problem("codebook tidak ditemukan", file=display_path(path)))
    if path.suffix.lower() == ".qdc":
        return from_qdc(path, paths)
    return from_yaml(path)


def to_taguette_csv(codebook: Codebook) -> bytes:
    """The codable codes as a codebook Taguette imports (Project > Import codebook: a CSV
    with a ``tag`` and a ``description`` column; Taguette reads no .qdc). Each tag is the
    code path, so Taguette's highlights export names the codes exactly as the codebook does.
    """
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["tag", "description"])
    for c in codebook.codable:
        w.writerow([c.path, f"{c.label}. {c.description}".strip()])
    return buf.getvalue().encode("utf-8")
