"""Writing the project's interview coding as a REFI-QDA project (``.qdpx``), so the
researcher can move to QualCoder, NVivo, ATLAS.ti or MAXQDA
(``psm-analysis export qdpx --out FILE.qdpx``).

The archive holds ``project.qde`` (validated against
``data/raw/reference/refi_qda_project_1_0.xsd`` before anything is written) and one
``sources/<guid>.txt`` per document, UTF-8 without a BOM, positions in Unicode code points
(REFI-QDA 1.5, sections 8 and 10.2):

- ``Users``: the coders; ``CodeBook``: the codebook, each code named by its key under its
  parent (as :func:`.codebook.to_qdc` writes it), with colour and the label and description
  in ``Description``;
- ``Cases``: one per informant, named by the informant id (so that reading the file back
  maps each document to its informant), ``Description`` the pseudonym; ``SourceRef`` to
  each of the informant's documents;
- ``Sources``: one ``TextSource`` per document. Its text is the transcript where the
  project has it (a REFI-QDA project or a Word transcript read from data/raw/interviews);
  for codings without a transcript (the project's own table, Taguette, QualCoder reports)
  it is the document's quotes, one paragraph each. Each coded passage is a
  ``PlainTextSelection`` with one ``Coding`` per code, its memo as ``Description``.

Everything is pseudonymised as the processed tables are (:mod:`.privacy`): the transcript
is redacted piece by piece between selection boundaries, so positions stay exact; the
written text is scanned for the roster's names once more. Same inputs, same bytes (GUIDs
are ``uuid5`` of stable keys, zip entries carry a fixed date).
"""

from __future__ import annotations

import io
import uuid
import zipfile
from pathlib import Path

from psm_analysis.errors import DataError, Problem

NS = "urn:QDA-XML:project:1.0"
_GUIDS = uuid.UUID("3b9e2f8a-6c1d-5e4f-8a7b-2c3d4e5f6a7b")
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def _guid(*key: object) -> str:
    return str(uuid.uuid5(_GUIDS, "\x1f".join(map(str, key))))


def _document_texts(records: list[dict]) -> tuple[dict[str, str], list[tuple[int, int]]]:
    """Per document key, its text; per record, its (start, end) in that text."""
    from psm_analysis.interviews.roster import norm_doc

    texts: dict[str, str] = {}
    base: dict[str, str | None] = {}
    spans: list[tuple[int, int]] = []
    for r in records:
        key = norm_doc(r["dokumen"])
        own = r.get("teks_dokumen")
        if key not in texts:
            texts[key] = own or ""
            base[key] = own
        text = texts[key]
        if own is not None and own == base[key] and r.get("awal") is not None:
            spans.append((int(r["awal"]), int(r["akhir"])))
            continue
        quote = r["kutipan"].strip()
        at = text.find(quote) if quote else -1
        if at < 0:
            sep = "\n\n" if text else ""
            at = len(text) + len(sep)
            texts[key] = text + sep + quote
        spans.append((at, at + len(quote)))
    return texts, spans


def _redact_keeping_positions(text: str, cuts: set[int], redact) -> tuple[str, dict[int, int]]:
    """``text`` redacted piece by piece between ``cuts``, and where each cut moved."""
    points = sorted({0, len(text)} | {c for c in cuts if 0 <= c <= len(text)})
    out, moved, n = [], {}, 0
    for a, b in zip(points, points[1:], strict=False):
        moved[a] = n
        piece = redact(text[a:b])
        out.append(piece)
        n += len(piece)
    moved[len(text)] = n
    return "".join(out), moved


def project_bytes(records: list[dict], codebook, roster, redact, origin: str) -> bytes:
    """The ``.qdpx`` archive of checked records (:func:`.segments.check_records`)."""
    from lxml import etree

    from psm_analysis.interviews.codebook import _description_text
    from psm_analysis.interviews.roster import norm_doc

    def el(parent, tag, **attrs):
        e = etree.SubElement(parent, f"{{{NS}}}{tag}")
        for k, v in attrs.items():
            e.set(k, str(v))
        return e

    texts, spans = _document_texts(records)
    cuts: dict[str, set[int]] = {k: set() for k in texts}
    for r, (a, b) in zip(records, spans, strict=True):
        cuts[norm_doc(r["dokumen"])] |= {a, b}
    redacted = {k: _redact_keeping_positions(t, cuts[k], redact) for k, t in texts.items()}

    root = etree.Element(f"{{{NS}}}Project", nsmap={None: NS})
    root.set("name", "psm-analysis wawancara")
    root.set("origin", origin)
    coders = sorted({redact(r["pengkode"]) for r in records})
    users = el(root, "Users") if coders else None
    for c in coders:
        el(users, "User", guid=_guid("user", c), name=c)
    book = el(el(root, "CodeBook"), "Codes")

    def add(parent, code):
        e = el(parent, "Code", guid=code.guid, name=code.key)
        e.set("isCodable", "true" if code.codable else "false")
        if code.color:
            e.set("color", code.color)
        el(e, "Description").text = _description_text(code)
        for child in codebook.children(code.path):
            add(e, child)

    for top in codebook.children(None):
        add(book, top)

    docs: dict[str, dict] = {}
    for r, span in zip(records, spans, strict=True):
        key = norm_doc(r["dokumen"])
        d = docs.setdefault(key, {"name": redact(r["dokumen"]), "informants": set(), "sel": {}})
        d["informants"].add(r["id_informan"])
        coder = redact(r["pengkode"])
        sel = d["sel"].setdefault((span, coder), {"codes": [], "memos": []})
        if r["kode"] not in sel["codes"]:
            sel["codes"].append(r["kode"])
        memo = redact(r.get("memo") or "").strip()
        if memo and memo not in sel["memos"]:
            sel["memos"].append(memo)
    informants = sorted({i for d in docs.values() for i in d["informants"]})
    if informants:
        cases = el(root, "Cases")
        for iid in informants:
            case = el(cases, "Case", guid=_guid("case", iid), name=iid)
            el(case, "Description").text = roster.pseudonym(iid)
            for key in sorted(k for k, d in docs.items() if iid in d["informants"]):
                el(case, "SourceRef", targetGUID=_guid("source", key))
    files: dict[str, bytes] = {}
    sources = el(root, "Sources")
    for key in sorted(docs):
        d = docs[key]
        text, moved = redacted[key]
        txt = _guid("text", key)
        src = el(sources, "TextSource", guid=_guid("source", key), name=d["name"])
        src.set("plainTextPath", f"internal://{txt}.txt")
        files[f"sources/{txt}.txt"] = text.encode("utf-8")
        for ((a, b), coder), sel in sorted(d["sel"].items()):
            start, end = moved[a], moved[b]
            s = el(
                src,
                "PlainTextSelection",
                guid=_guid("selection", key, a, b, coder),
                name=text[start:end][:200],
                startPosition=start,
                endPosition=end,
                creatingUser=_guid("user", coder),
            )
            if sel["memos"]:
                el(s, "Description").text = "\n".join(sel["memos"])
            for code in sel["codes"]:
                coding = el(s, "Coding", guid=_guid("coding", key, a, b, coder, code))
                coding.set("creatingUser", _guid("user", coder))
                el(coding, "CodeRef", targetGUID=codebook.get(code).guid)
    qde = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in [("project.qde", qde), *sorted(files.items())]:
            info = zipfile.ZipInfo(name, _ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return buf.getvalue()


def export_qdpx(out: str | Path, paths=None) -> int:
    """Write the interview coding in use (data/raw, else the demo) as a ``.qdpx``.

    Parameters
    ----------
    out : str or Path
        The archive to write (atomically).
    paths : Paths, optional
        The project (default: the installed one).

    Returns
    -------
    int
        The number of codings written.

    Raises
    ------
    DataError
        The inputs have problems (as ``clean`` reports them), the project has no interview
        codings, the written ``project.qde`` does not validate against the REFI-QDA project
        schema, or a roster name would reach the file.
    """
    from psm_analysis import __version__
    from psm_analysis.config import get_paths
    from psm_analysis.files import write_bytes
    from psm_analysis.interviews.codebook import default_codebook_path, load_interview_codebook
    from psm_analysis.interviews.inputs import locate_inputs
    from psm_analysis.interviews.pipeline import _roster_or_problem
    from psm_analysis.interviews.privacy import make_redactor, place_names, scan_texts
    from psm_analysis.interviews.refi import project_schema_problems
    from psm_analysis.interviews.segments import read_all

    paths = paths or get_paths()
    inputs = locate_inputs(paths)
    if not inputs.codings:
        raise DataError(
            Problem(
                "tidak ada kodean wawancara untuk diekspor",
                file="data/raw/interviews",
                expected="berkas kodean (CSV/XLSX, .qdpx, .docx)",
            )
        )
    codebook = load_interview_codebook(default_codebook_path(paths), paths)
    roster = _roster_or_problem(inputs, paths)
    records = read_all(list(inputs.codings), codebook, roster)
    names = {roster.pseudonym(i): n for i, n in roster.names().items()}
    places = place_names(paths)
    redact = make_redactor(names, places)
    data = project_bytes(records, codebook, roster, redact, f"psm-analysis {__version__}")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        qde = zf.read("project.qde")
        texts = {n: zf.read(n).decode("utf-8") for n in zf.namelist()}
    shown = str(out)
    DataError.collect(project_schema_problems(qde, f"{shown} (project.qde)", paths))
    DataError.collect(scan_texts(texts, list(roster.frame["nama"]), places))
    write_bytes(out, data)
    return len(records)


__all__ = ["export_qdpx", "project_bytes"]
