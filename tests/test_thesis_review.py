"""What a supervisor checks on the reproduced demo (issue 21, items 3 and 4, and its "Done
when"): where each table goes, and no p-value or test verdict in the text of a census.

The placement rules are the issue's: results in BAB V (numbered V.1, V.2, ...), cleaning and
checking tables and statistical tests in the Lampiran (L.1, L.2, ...), a table that shows the
numbers of a figure of the same name in the Lampiran or nowhere, the list of BAB I table
files nowhere, no numbered table whose numbers are all zero. The text rule is DESIGN.md's:
the respondents are the whole population (a census of 10 PSM, 120 PSM for the kabupaten),
so a page's prose carries no p-value and no test verdict; the tests sit in Lampiran tables.
"""

from __future__ import annotations

import html
import json
import re

import pytest

#: A p-value or a test verdict in prose: "p = 0,12", "p < 0,05", "signifikan", ...
VERDICT = re.compile(
    r"\bp\s*[=<>≤≥]\s*\d|\bsignifikan|\bperbedaan besar\b|\bH0\b|\bhipotesis nol\b|\bditolak\b",
    re.IGNORECASE,
)


def _numbers(root) -> dict[str, dict[str, str]]:
    return json.loads((root / "reports" / "penomoran.json").read_text(encoding="utf-8"))["nomor"]


def _sequence(numbers: dict[str, str], prefix: str) -> list[int]:
    return sorted(int(n.split(".")[1]) for n in numbers.values() if n.startswith(prefix + "."))


@pytest.mark.slow
def test_demo_places_results_in_bab_v_and_checks_and_tests_in_the_lampiran(reproduced):
    root, _, ok = reproduced
    assert ok
    nomor = _numbers(root)
    tables, figures = nomor["table"], nomor["figure"]
    # numbering restarts per BAB and runs without gaps: Tabel V.1 ..., Tabel L.1 ...
    for prefix in ("II", "III", "IV", "V", "L"):
        got = _sequence(tables, prefix)
        assert got == list(range(1, len(got) + 1)), prefix
    assert len(_sequence(tables, "V")) >= 20 and len(_sequence(tables, "L")) >= 15
    assert _sequence(figures, "V") == list(range(1, len(_sequence(figures, "V")) + 1))
    results = [n for n in tables if re.match(r"04_(kinerja|peran)_indikator_|04_rekap_", n)]
    results += ["05_kutipan_peran", "05_kutipan_hambatan", "04_profil_responden"]
    assert len(results) == 17 + 3 and all(tables[n].startswith("V.") for n in results)
    cleaning = ["01_ejaan_nama_resmi", "01_kegiatan_status", "01_pemeriksaan_konsistensi"]
    tests = ["03_uji_khi_kuadrat", "04_perbandingan_diklat", "04_reliabilitas"]
    tests += ["04_validitas_butir", "05_kesepakatan_pengkode", "05_ketidaksepakatan_pengkode"]
    assert {n: tables[n][:2] for n in cleaning + tests} == {n: "L." for n in cleaning + tests}
    # a table with the numbers of the figure of the same name: Lampiran or nowhere
    repeats = sorted(set(tables) & set(figures))
    assert len(repeats) >= 4
    assert all(tables[n] == "" or tables[n].startswith("L.") for n in repeats), repeats
    assert tables["01_daftar_tabel_dinas_sosial"] == ""  # file paths: on the page only
    for path in sorted((root / "reports" / "tables").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        if record.get("kind") != "table" or not tables.get(record["name"]):
            continue
        numeric = [
            v
            for row in record["values"]
            for v, (kind, _) in zip(row, record["formats"], strict=True)
            if kind in ("number", "percent") and v is not None
        ]
        assert not numeric or any(v != 0 for v in numeric), record["name"]


def _prose(page: str) -> str:
    """A page's text without code, images and the Lampiran tables shown on it (caption,
    table, Sumber line and notes)."""
    from test_language import _page_text  # the notebooks' markdown cells kept

    page = _page_text(page, markup=True)
    page = re.sub(
        r'<p class="psm-caption psm-caption-tabel"><strong>(?:(?!</strong>).)*Tabel L\.'
        r'(?:(?!<p class="psm-sumber">).)*<p class="psm-sumber">.*?</p>(?:<p><em>.*?</em></p>)*',
        " ",
        page,
        flags=re.S,
    )
    page = re.sub(r"<code>.*?</code>|<img[^>]*>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def test_prose_filter_keeps_the_text_and_drops_lampiran_tables():
    page = (
        '<p>Median 89,41 % dan 64,71 %.</p><p class="psm-caption psm-caption-tabel"><strong>'
        "<span>Tabel L.20</span></strong> Uji</p><table><tr><td>p = 0,12</td></tr></table>"
        '<p class="psm-sumber">Sumber: x</p><p><em>p &gt; 0,9999</em></p>'
        '<p class="psm-caption psm-caption-tabel"><strong><span>Tabel V.21</span></strong> '
        'Indeks</p><table></table><p class="psm-sumber">Sumber: y</p><p><em>p = 0,2</em></p>'
    )
    text = _prose(page)
    assert "89,41 %" in text and "Tabel V.21" in text
    assert "Tabel L.20" not in text and "0,9999" not in text
    assert [m.group(0) for m in VERDICT.finditer(text)] == ["p = 0"]


@pytest.mark.slow
def test_no_p_value_or_test_verdict_in_the_text_of_a_census(reproduced):
    root, _, ok = reproduced
    assert ok
    pages = sorted((root / "reports").glob("0*.html"))
    assert len(pages) == 6
    found = {}
    for page in pages:
        text = _prose(page.read_text(encoding="utf-8"))
        hits = [text[max(0, m.start() - 60) : m.end() + 30] for m in VERDICT.finditer(text)]
        if hits:
            found[page.name] = hits
    assert found == {}
    # the tests are there, in the Lampiran tables on the pages
    chi = (root / "reports" / "03_sebaran_psm_kecamatan.html").read_text(encoding="utf-8")
    assert "derajat bebas = 11; p &gt; 0,9999" in chi
