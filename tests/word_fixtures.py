"""Word transcripts (``.docx``) written the way Word writes comments and tracked changes.

The package starts from python-docx's default template (the parts Word itself writes:
styles, settings, fonts, theme), whose ``add_comment`` creates ``word/comments.xml`` and its
relationship; then ``word/document.xml`` and ``word/comments.xml`` are replaced by markup in
the shape Word 2016-365 saves (ECMA-376 part 1):

- a commented range: ``w:commentRangeStart w:id`` before the first run, ``w:commentRangeEnd``
  after the last (in another paragraph or table cell when the range crosses them), then a
  run ``<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference
  w:id/></w:r>`` (17.13.4.2-17.13.4.5);
- ``w:comment w:id w:author w:date w:initials`` holding ``w:p`` paragraphs, each with a
  ``w14:paraId``, the first starting with ``w:annotationRef`` (17.13.4.2);
- ``word/commentsExtended.xml`` (MS-DOCX 2.5.3.1): ``w15:commentEx w15:paraId`` (the last
  paragraph of the comment), ``w15:paraIdParent`` for a reply, ``w15:done="1"`` when
  resolved; its content type ``...wordprocessingml.commentsExtended+xml`` and relationship
  ``http://schemas.microsoft.com/office/2011/relationships/commentsExtended``;
- tracked changes: ``w:ins w:id w:author w:date`` around inserted runs, ``w:del`` around
  deleted runs whose text is in ``w:delText`` (17.13.5.18, 17.13.5.14).
"""

from __future__ import annotations

import io
import zipfile
from html import escape
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
W15_NS = "http://schemas.microsoft.com/office/word/2012/wordml"
DATE = "2019-05-12T10:00:00Z"


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def start(cid: int) -> str:
    return f'<w:commentRangeStart w:id="{cid}"/>'


def end(cid: int) -> str:
    return (
        f'<w:commentRangeEnd w:id="{cid}"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/>'
        f'</w:rPr><w:commentReference w:id="{cid}"/></w:r>'
    )


def ref(cid: int) -> str:
    """A comment reference without a range (a comment on a point)."""
    return (
        f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
        f'<w:commentReference w:id="{cid}"/></w:r>'
    )


def ins(text: str, n: int = 90) -> str:
    return f'<w:ins w:id="{n}" w:author="Rina" w:date="{DATE}">{run(text)}</w:ins>'


def dele(text: str, n: int = 91) -> str:
    return (
        f'<w:del w:id="{n}" w:author="Rina" w:date="{DATE}"><w:r>'
        f'<w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>'
    )


def para(*parts: str) -> str:
    return f"<w:p>{''.join(parts)}</w:p>"


def table(rows: list[list[str]]) -> str:
    """Rows of cells, each cell the inner markup of one paragraph."""
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in rows[0])
    body = "".join(
        "<w:tr>" + "".join(f"<w:tc>{para(c)}</w:tc>" for c in r) + "</w:tr>" for r in rows
    )
    return f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>'


def comment(cid: int, author: str, paragraphs: list[str], para_ids: list[str]) -> str:
    ps = []
    for i, (text, pid) in enumerate(zip(paragraphs, para_ids, strict=True)):
        anno = '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>'
        ps.append(
            f'<w:p w14:paraId="{pid}" w14:textId="77777777"><w:pPr><w:pStyle '
            f'w:val="CommentText"/></w:pPr>{anno if i == 0 else ""}{run(text)}</w:p>'
        )
    initials = "".join(w[0] for w in author.split())
    return (
        f'<w:comment w:id="{cid}" w:author="{escape(author)}" w:date="{DATE}" '
        f'w:initials="{initials}">{"".join(ps)}</w:comment>'
    )


def build_docx(
    path: Path,
    body: str,
    comments: list[str] = (),
    extended: list[tuple[str, str | None, bool]] = (),
    author: str = "",
) -> Path:
    """Write a .docx: ``body`` the inner markup of ``w:body``, ``comments`` the
    ``w:comment`` elements, ``extended`` ``(paraId, paraIdParent, done)`` per comment."""
    import docx

    d = docx.Document()
    p = d.add_paragraph("x")
    d.add_comment(p.runs, text="x", author="x")
    d.core_properties.author = author
    buf = io.BytesIO()
    d.save(buf)
    doc_xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}" xmlns:w14="{W14_NS}"><w:body>{body}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    )
    comments_xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:comments xmlns:w="{W_NS}" xmlns:w14="{W14_NS}">{"".join(comments)}</w:comments>'
    )
    ext_xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w15:commentsEx xmlns:w15="{W15_NS}">'
        + "".join(
            f'<w15:commentEx w15:paraId="{pid}"'
            + (f' w15:paraIdParent="{parent}"' if parent else "")
            + f' w15:done="{1 if done else 0}"/>'
            for pid, parent, done in extended
        )
        + "</w15:commentsEx>"
    )
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = doc_xml.encode()
            elif info.filename == "word/comments.xml":
                data = comments_xml.encode()
            elif info.filename == "[Content_Types].xml" and extended:
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/word/commentsExtended.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/>'
                    b"</Types>",
                )
            elif info.filename == "word/_rels/document.xml.rels" and extended:
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rId90" Type="http://schemas.microsoft.com/office/2011/'
                    b'relationships/commentsExtended" Target="commentsExtended.xml"/>'
                    b"</Relationships>",
                )
            out.writestr(info, data)
        if extended:
            out.writestr("word/commentsExtended.xml", ext_xml.encode())
    return path


def transcript_docx(path: Path) -> Path:
    """The coded transcript of the tests: a legend, a comment over two paragraphs with two
    codes, a label as a code, a reply, a resolved comment, tracked changes, a comment on a
    point, an unknown code, and a coding table."""
    body = "".join(
        [
            para(run("Keterangan: P = Peneliti, I = Informan")),
            para(run("P: Bagaimana peran Dinas Sosial bagi PSM?")),
            para(
                run("I: Dinas Sosial mengadakan diklat "), start(0), run("tahun 2014 di Pekanbaru.")
            ),
            para(run("Setelah itu ada bimtek"), end(0), run(" sekali.")),
            para(
                run("I: "),
                start(1),
                start(3),
                run("Honor kami"),
                end(3),
                run(" "),
                ins("sering "),
                run("terlambat"),
                dele(" sekali"),
                end(1),
                run("."),
            ),
            para(run("P: Ada lagi?"), ref(4)),
            para(run("I: "), start(5), run("Gaji kecil"), end(5), run(".")),
            table(
                [
                    [run("No"), run("Pelaku"), run("Transkrip"), run("Kode")],
                    [
                        run("1"),
                        run("Informan"),
                        start(6) + run("Jarak ke desa jauh") + end(6),
                        run("hambatan.jarak_akses"),
                    ],
                    [run("2"), run("Peneliti"), run("Apa lagi?"), ""],
                    [
                        run("3"),
                        run("Informan"),
                        run("Dananya kecil."),
                        run("Hambatan / Anggaran; hambatan.koordinasi"),
                    ],
                ]
            ),
        ]
    )
    comments = [
        comment(0, "Rina Putri", ["peran.diklat", "Peran > Bimtek"], ["10000001", "10000002"]),
        comment(1, "Dedi", ["Honorarium PSM"], ["10000003"]),
        comment(2, "Rina Putri", ["Setuju, kata Bu Wulandari juga"], ["10000004"]),
        comment(3, "Rina Putri", ["cek lagi di notulen"], ["10000005"]),
        comment(4, "Dedi", ["hambatan.anggaran"], ["10000006"]),
        comment(5, "Dedi", ["hambatan.gaji"], ["10000007"]),
        comment(6, "Dedi", ["Jarak dan akses wilayah"], ["10000008"]),
    ]
    extended = [
        ("10000002", None, False),
        ("10000003", None, False),
        ("10000004", "10000003", False),
        ("10000005", None, True),
        ("10000006", None, False),
        ("10000007", None, False),
        ("10000008", None, False),
    ]
    # Word writes the reply's range too: the same as its parent's
    body = body.replace(start(1), start(1) + start(2)).replace(end(1), end(1) + end(2))
    return build_docx(path, body, comments, extended, author="Rina Putri")
