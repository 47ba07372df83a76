"""``psm-analysis export qdpx``: a REFI-QDA project that validates against the schema,
pseudonymised, and that reads back into the same segments."""

from __future__ import annotations

import zipfile

import qdpx_fixtures as fx
import word_fixtures as wf
from lxml import etree
from test_interviews_refi import PROJECT_XSD
from test_interviews_support import make_project

from psm_analysis.cli import main
from psm_analysis.interviews.codebook import load_interview_codebook
from psm_analysis.interviews.pipeline import build_outputs
from psm_analysis.interviews.roster import load_roster
from psm_analysis.interviews.segments import check_records, read_codings
from psm_analysis.labels import QUOTE_NAME, QUOTE_NAMES

OWN_CSV = (
    "id_informan,dokumen,kode,kutipan,pengkode,memo\n"
    'I-01,Wawancara Bambang,hambatan.anggaran,"Dana kurang, kata Pak Bambang.",peneliti,'
    "Bambang menekankan\n"
    "I-01,Wawancara Bambang,peran.diklat,Ikut Diklat 2014.,peneliti,\n"
    "I-01,Wawancara Bambang,peran.diklat,Ikut Diklat 2014.,pengkode_2,\n"
)


def _segments(seg):
    return sorted(
        zip(
            seg["id_informan"],
            seg["kode"],
            seg["pengkode"],
            [" ".join(q.split()) for q in seg["kutipan"]],
            seg["memo"],
            strict=True,
        )
    )


def test_export_validates_is_pseudonymised_and_round_trips(tmp_path, monkeypatch, capsys):
    paths = make_project(tmp_path)
    monkeypatch.setenv("PSM_ANALYSIS_ROOT", str(tmp_path))
    (paths.raw_interviews / "segmen_terkode.csv").write_text(OWN_CSV, encoding="utf-8")
    fx.nvivo_qdpx(paths.raw_interviews / "nvivo.qdpx")
    wf.build_docx(
        paths.raw_interviews / "Wawancara 03.docx",
        wf.para(wf.run("I: "), wf.start(0), wf.run("Kata Bu Rosmawati honornya kecil"), wf.end(0)),
        [wf.comment(0, "peneliti", ["Honorarium PSM"], ["30000001"])],
    )
    before = build_outputs(paths).files["wawancara_segmen.csv"]
    out = tmp_path / "ekspor" / "psm.qdpx"
    out.parent.mkdir()
    assert main(["export", "qdpx", "--out", str(out)]) == 0
    assert capsys.readouterr().out == f"{out}: 7 kodean ditulis sebagai proyek REFI-QDA.\n"
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        qde = zf.read("project.qde")
        texts = b"".join(zf.read(n) for n in names)
    schema = etree.XMLSchema(etree.parse(str(PROJECT_XSD)))
    assert schema.validate(etree.fromstring(qde)), schema.error_log
    assert len(names) == 4 and names[0] == "project.qde"
    for name in (b"Bambang", b"Rosmawati", b"Wulandari"):
        assert name not in texts
    assert b"I-01 (Dinas Sosial)" in texts and b"I-03 (PSM)" in texts
    # read back: the same segments (informant, code, coder, quote, memo)
    records, problems = read_codings(out)
    assert problems == []
    good, problems = check_records(
        records,
        load_interview_codebook(paths=paths),
        load_roster(paths.raw_private / "informan.csv"),
    )
    assert problems == []
    back = [
        (g["id_informan"], g["kode"], g["pengkode"], " ".join(g["kutipan"].split()), g["memo"])
        for g in good
    ]
    # the processed segments quote names as theses do ("[nama informan]"); the project
    # exported for a QDA tool keeps the pseudonym codes, so the researcher still sees who
    # is named: the same segments once the codes are read as placeholders
    roster = load_roster(paths.raw_private / "informan.csv")
    groups = dict(zip(roster.frame["id_informan"], roster.frame["kelompok"], strict=True))
    placeholder = {
        roster.pseudonym(i): QUOTE_NAMES.get(groups[i], QUOTE_NAME) for i in roster.names()
    }

    def as_in_theses(quote: str) -> str:
        for code, words in placeholder.items():
            quote = quote.replace(f"Pak {code}", f"Pak {words}").replace(code, words)
        return quote

    assert sorted((a, b, c, as_in_theses(q), m) for a, b, c, q, m in back) == _segments(before)
    # same inputs, same bytes
    again = tmp_path / "lagi.qdpx"
    assert main(["export", "qdpx", "--out", str(again)]) == 0
    assert again.read_bytes() == out.read_bytes()


def test_export_without_codings_is_a_problem(tmp_path, monkeypatch, capsys):
    make_project(tmp_path)
    monkeypatch.setenv("PSM_ANALYSIS_ROOT", str(tmp_path))
    assert main(["export", "qdpx", "--out", str(tmp_path / "x.qdpx")]) == 1
    assert "tidak ada kodean wawancara untuk diekspor" in capsys.readouterr().err
    assert not (tmp_path / "x.qdpx").exists()
