"""REFI-QDA project archives (``.qdpx``) shaped as each tool writes them, for the tests.

- QualCoder: ``src/qualcoder/refi.py`` (repository ccbogel/QualCoder), ``RefiExport``:
  ``project_xml`` builds the ``.qde`` by string concatenation (``<?xml version="1.0"
  encoding="utf-8"?>``, then ``<Project xmlns:xsd=... xmlns:xsi=... name=... origin=...
  creatingUserGUID=... creationDateTime=... xmlns="urn:QDA-XML:project:1.0">``, ``Users``,
  ``CodeBook`` with categories as ``isCodable="false"`` codes holding their codes,
  ``Cases``, ``Sources``); ``export_project`` writes ``project.qde`` in UTF-8 without a BOM
  and each source's plain text to ``sources/<guid>.txt`` with ``encoding="utf-8-sig"`` (a
  BOM), then ``shutil.make_archive`` (which stores the ``sources/`` directory entry);
  ``text_selection_xml`` writes a ``PlainTextSelection`` whose ``name`` is the selected
  text, a ``Description`` for the coding memo, one ``Coding`` with ``creatingUser`` and
  a ``CodeRef``; ``create_guid`` writes lower-case GUIDs. Its ``Case`` ``SourceRef`` carries
  the guid of ``get_sources``, not the one ``sources_xml`` gives the ``TextSource`` (a
  fresh ``create_guid``), so a QualCoder case does not reach its source.
- NVivo (REFI-QDA export): GUIDs in upper case, the folder ``Sources/``, ``.txt`` in
  UTF-8 with a BOM and CRLF line ends, positions in UTF-16 code units (the REFI-QDA 1.5
  section 10.2 note on implementations that count .NET string indices; QualCoder's import,
  ``load_text_source``, adds a character per CRLF for Windows exports); selection names
  not the selected text.
- ATLAS.ti: the ``.qde`` named after the project, CRLF in the ``.txt`` counted as one
  character (QualCoder's ``load_text_source``: "Atlas stored correct positions in the
  project.qde xml as though it is \\n - one character"), other entries in the archive.
- MAXQDA: ``PlainTextSelection`` without ``Coding`` holding only a ``Description``
  (QualCoder's ``load_codings_for_text``: "MAXQDA. Some PlainTextSelection elements DO NOT
  have a Coding element"), text inline in ``PlainTextContent`` allowed by the schema, a
  ``CodeRef`` pointing at a ``Case`` for case text ("Some Coding guids match a Case guid").
"""

from __future__ import annotations

import html
import io
import uuid
import zipfile
from pathlib import Path

NS = "urn:QDA-XML:project:1.0"


def guid(n: int, upper: bool = False) -> str:
    g = str(uuid.UUID(int=n + 0x1000_0000_0000_4000_8000_0000_0000_0000))
    return g.upper() if upper else g


def write_zip(path: Path, entries: dict[str, bytes], dirs: tuple[str, ...] = ()) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for d in dirs:
            zf.writestr(zipfile.ZipInfo(d), b"")
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


def esc(text: str) -> str:
    return html.escape(text)


# ----------------------------------------------------------------------------- QualCoder

#: The transcript of document "Wawancara 02" (informant I-02).
QC_TEXT = (
    "P: Bagaimana peran Dinas Sosial?\n"
    "Informan: Diklat pertama tahun 2014 di Pekanbaru.\n"
    "Honor PSM sering terlambat, kata Bu Wulandari.\n"
)


def qualcoder_qdpx(path: Path, text: str = QC_TEXT) -> Path:
    """A QualCoder export: category 'peran' holding codes 'diklat' and 'honorarium', one
    coder 'rina', two codings (one with a memo naming the informant)."""
    u, cat, c_diklat, c_hon, case, src, txt = (guid(i) for i in range(1, 8))
    s1 = text.index("Diklat pertama")
    e1 = s1 + len("Diklat pertama tahun 2014 di Pekanbaru.")
    s2 = text.index("Honor PSM")
    e2 = s2 + len("Honor PSM sering terlambat")
    xml = '<?xml version="1.0" encoding="utf-8"?>\n'
    xml += "<Project "
    xml += (
        'xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    )
    xml += 'name="psm.qda" origin="QualCoder 3.6" '
    xml += f'creatingUserGUID="{guid(99)}" creationDateTime="2019-05-10T08:00:00Z" '
    xml += f'xmlns="{NS}">\n'
    xml += f'<Users>\n<User guid="{u}" name="rina" />\n</Users>\n'
    xml += "<CodeBook>\n<Codes>\n"
    xml += f'<Code guid="{cat}" name="peran" isCodable="false">\n'
    xml += f'<Code guid="{c_diklat}" name="diklat" isCodable="true" color="#0072b2" />\n'
    xml += f'<Code guid="{c_hon}" name="honorarium" isCodable="true" color="#E69F00">\n'
    xml += "<Description>Honor PSM dan ketepatan waktunya</Description>\n</Code>\n"
    xml += "</Code>\n</Codes>\n</CodeBook>\n"
    xml += f'<Cases>\n<Case guid="{case}" name="Kasus I-02">\n<Description />\n'
    xml += f'<SourceRef targetGUID="{guid(50)}"/>\n</Case>\n</Cases>\n'
    xml += "<Sources>\n"
    xml += f'<TextSource plainTextPath="internal://{txt}.txt" '
    xml += f'creatingUser="{u}" creationDateTime="2019-05-10T08:00:00Z" '
    xml += f'guid="{src}" name="Wawancara 02">\n'
    for i, (s, e, cid, memo) in enumerate(
        [(s1, e1, c_diklat, ""), (s2, e2, c_hon, "Bu Wulandari mengeluh")], start=20
    ):
        xml += f'<PlainTextSelection guid="{guid(i)}" startPosition="{s}" endPosition="{e}" '
        xml += f'name="{esc(text[s:e])}" creatingUser="{u}" '
        xml += 'creationDateTime="2019-05-10T09:00:00Z">\n'
        if memo:
            xml += f"<Description>{esc(memo)}</Description>\n"
        xml += f'<Coding guid="{guid(i + 10)}" creatingUser="{u}" >\n'
        xml += f'<CodeRef targetGUID="{cid}" />\n</Coding>\n</PlainTextSelection>\n'
    xml += "</TextSource>\n</Sources>\n</Project>"
    return write_zip(
        path,
        {
            "project.qde": xml.encode("utf-8"),
            f"sources/{txt}.txt": text.encode("utf-8-sig"),
        },
        dirs=("sources/",),
    )


# ----------------------------------------------------------------------------- NVivo

#: A transcript with a character above U+FFFF before the coded passage, CRLF line ends.
NVIVO_TEXT = (
    "P: Apa hambatannya?\r\n"
    "Informan: Jujur saja \U0001f605 dananya kecil sekali.\r\n"
    "Pembinaan dari dinas juga jarang.\r\n"
)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def nvivo_qdpx(path: Path, text: str = NVIVO_TEXT) -> Path:
    """An NVivo export: upper-case GUIDs, ``Sources/``, BOM + CRLF ``.txt``, positions
    in UTF-16 code units; two users; one selection coded with two codes."""
    u1, u2 = guid(1, True), guid(2, True)
    c_hamb, c_ang, c_pemb = guid(3, True), guid(4, True), guid(5, True)
    src, txt = guid(6, True), guid(7, True)
    q1 = "dananya kecil sekali."
    q2 = "Pembinaan dari dinas juga jarang."
    sels = []
    for q in (q1, q2):
        i = text.index(q)
        sels.append((utf16_len(text[:i]), utf16_len(text[: i + len(q)])))
    xml = '<?xml version="1.0" encoding="utf-8"?>\n'
    xml += f'<Project name="Wawancara PSM" origin="NVivo 14" xmlns="{NS}">\n'
    xml += f'  <Users>\n    <User guid="{u1}" name="Rina" />\n'
    xml += f'    <User guid="{u2}" name="Dedi" />\n  </Users>\n'
    xml += "  <CodeBook>\n    <Codes>\n"
    xml += f'      <Code guid="{c_hamb}" name="Hambatan" isCodable="true">\n'
    xml += f'        <Code guid="{c_ang}" name="Anggaran" isCodable="true" />\n'
    xml += f'        <Code guid="{c_pemb}" name="Kurang pembinaan" isCodable="true" />\n'
    xml += "      </Code>\n    </Codes>\n  </CodeBook>\n"
    xml += "  <Sources>\n"
    xml += f'    <TextSource guid="{src}" name="Wawancara 04" '
    xml += f'plainTextPath="internal://{txt}.txt" creatingUser="{u1}">\n'
    xml += f'      <PlainTextSelection guid="{guid(20, True)}" name="Referensi 1" '
    xml += f'startPosition="{sels[0][0]}" endPosition="{sels[0][1]}" creatingUser="{u1}">\n'
    xml += f'        <Coding guid="{guid(30, True)}" creatingUser="{u1}">\n'
    xml += f'          <CodeRef targetGUID="{c_ang}" />\n        </Coding>\n'
    xml += f'        <Coding guid="{guid(31, True)}" creatingUser="{u2}">\n'
    xml += f'          <CodeRef targetGUID="{c_pemb.lower()}" />\n        </Coding>\n'
    xml += "      </PlainTextSelection>\n"
    xml += f'      <PlainTextSelection guid="{guid(21, True)}" name="Referensi 2" '
    xml += f'startPosition="{sels[1][0]}" endPosition="{sels[1][1]}" creatingUser="{u2}">\n'
    xml += f'        <Coding guid="{{{guid(32, True)}}}">\n'
    xml += f'          <CodeRef targetGUID="{{{c_pemb}}}" />\n        </Coding>\n'
    xml += "      </PlainTextSelection>\n"
    xml += "    </TextSource>\n  </Sources>\n</Project>\n"
    return write_zip(
        path,
        {
            "project.qde": xml.encode("utf-8"),
            f"Sources/{txt}.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
        },
    )


# ----------------------------------------------------------------------------- ATLAS.ti

ATLAS_TEXT = (
    "Peneliti: Bagaimana rapat koordinasi?\r\n"
    "Informan: Rapat koordinasi dengan PSM diadakan setiap triwulan.\r\n"
    "Jarak ke desa jauh, harus naik pompong.\r\n"
)


def atlas_qdpx(path: Path, text: str = ATLAS_TEXT) -> Path:
    """An ATLAS.ti export: ``Wawancara PSM.qde``, ``sources/.root``, CRLF counted once."""
    u, c1, c2, src, txt = (guid(i) for i in range(1, 6))
    flat = text.replace("\r\n", "\n")
    q1 = "Rapat koordinasi dengan PSM diadakan setiap triwulan."
    q2 = "Jarak ke desa jauh"
    sels = [(flat.index(q), flat.index(q) + len(q)) for q in (q1, q2)]
    xml = '<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n'
    xml += f'<Project xmlns="{NS}" name="Wawancara PSM" origin="ATLAS.ti 23">'
    xml += f'<Users><User guid="{u}" name="Peneliti Utama"/></Users>'
    xml += "<CodeBook><Codes>"
    xml += f'<Code guid="{c1}" name="peran: rapat koordinasi" isCodable="true"/>'
    xml += f'<Code guid="{c2}" name="hambatan: jarak akses" isCodable="true"/>'
    xml += "</Codes></CodeBook><Sources>"
    xml += f'<TextSource guid="{src}" name="Wawancara 03.docx" '
    xml += f'plainTextPath="internal://{txt}.txt">'
    for i, ((s, e), c) in enumerate(zip(sels, (c1, c2), strict=True), start=20):
        xml += f'<PlainTextSelection guid="{guid(i)}" name="{i - 19}:{i - 19}" '
        xml += f'startPosition="{s}" endPosition="{e}" creatingUser="{u}">'
        xml += f'<Coding guid="{guid(i + 10)}" creatingUser="{u}">'
        xml += f'<CodeRef targetGUID="{c}"/></Coding></PlainTextSelection>'
    xml += "</TextSource></Sources></Project>"
    return write_zip(
        path,
        {
            "Wawancara PSM.qde": xml.encode("utf-8"),
            f"sources/{txt}.txt": text.encode("utf-8"),
            "sources/.root": b"",
        },
    )


# ----------------------------------------------------------------------------- MAXQDA

MAXQDA_TEXT = "Kami belum punya PSM di desa ini. Pelatihan hanya untuk sebagian PSM."


def maxqda_qdpx(path: Path, text: str = MAXQDA_TEXT) -> Path:
    """A MAXQDA export: inline ``PlainTextContent``, a memo-only selection, a Case whose
    name is an informant id referenced by a ``CodeRef`` (case text)."""
    u, c_desa, c_cak, case, src = (guid(i) for i in range(1, 6))
    q1 = "Kami belum punya PSM di desa ini."
    q2 = "Pelatihan hanya untuk sebagian PSM."
    s1, s2 = text.index(q1), text.index(q2)
    xml = '<?xml version="1.0" encoding="UTF-8"?>\n'
    xml += f'<Project name="psm" origin="MAXQDA 2022" xmlns="{NS}" '
    xml += 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
    xml += f'<Users><User guid="{u}" name="Andi" id="AN"/></Users>\n'
    xml += "<CodeBook><Codes>\n"
    xml += f'<Code guid="{guid(9)}" name="hambatan" isCodable="true">\n'
    xml += f'<Code guid="{c_desa}" name="desa tanpa psm" isCodable="true"/>\n'
    xml += f'<Code guid="{c_cak}" name="cakupan pelatihan" isCodable="true"/>\n'
    xml += "</Code></Codes></CodeBook>\n"
    xml += f'<Cases><Case guid="{case}" name="I-04"/></Cases>\n'
    xml += f'<Sources><TextSource guid="{src}" name="Transkrip desa">\n'
    xml += f"<PlainTextContent>{esc(text)}</PlainTextContent>\n"
    xml += f'<PlainTextSelection guid="{guid(20)}" startPosition="{s1}" '
    xml += f'endPosition="{s1 + len(q1)}" creatingUser="{u}">\n'
    xml += f'<Coding guid="{guid(30)}" creatingUser="{u}"><CodeRef targetGUID="{c_desa}"/>'
    xml += "</Coding>\n"
    xml += f'<Coding guid="{guid(31)}" creatingUser="{u}"><CodeRef targetGUID="{case}"/>'
    xml += "</Coding>\n</PlainTextSelection>\n"
    xml += f'<PlainTextSelection guid="{guid(21)}" startPosition="{s2}" '
    xml += f'endPosition="{s2 + len(q2)}" creatingUser="{u}">\n'
    xml += "<Description>Catatan: cek data pelatihan</Description>\n</PlainTextSelection>\n"
    xml += f'<PlainTextSelection guid="{guid(22)}" startPosition="{s2}" '
    xml += f'endPosition="{s2 + len(q2)}" creatingUser="{u}">\n'
    xml += f'<Coding guid="{guid(32)}" creatingUser="{u}"><CodeRef targetGUID="{c_cak}"/>'
    xml += "</Coding>\n</PlainTextSelection>\n"
    xml += "</TextSource></Sources>\n</Project>\n"
    return write_zip(path, {"project.qde": xml.encode("utf-8")})


def docx_bytes(paragraphs: list[str]) -> bytes:
    """A minimal WordprocessingML package (ECMA-376 part 1: ``[Content_Types].xml``,
    ``_rels/.rels``, ``word/document.xml``), one ``w:p``/``w:r``/``w:t`` per paragraph."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{esc(p)}</w:t></w:r></w:p>' for p in paragraphs
    )
    doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>'
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", types)
        zf.writestr("_rels/.rels", rels)
        zf.writestr("word/document.xml", doc)
    return buf.getvalue()
