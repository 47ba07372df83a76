"""Known EYD slips in what the project writes (issue 21, item 7).

Every generated sentence and caption of the reproduced demo (the pages' prose, the titles,
captions, notes and Sumber lines of every figure and table) is checked against a list of
slips a supervisor marks (EYD V, Badan Pengembangan dan Pembinaan Bahasa 2022; KBBI for the
standard spellings). Table cells are data (names, quoted BAB I text, file paths) and are
left out; so are code, file paths and decree numbers ("No. 300.2.2-2138").
"""

from __future__ import annotations

import html
import json
import re

import pytest

#: pattern -> what EYD/KBBI writes instead
SLIPS = {
    r"\bantar [a-z]": "antar- is bound: antarresponden, antarpengkode",
    r"\blebih (?:tinggi|rendah|besar|kecil|baik|buruk|sedikit) dari\b": "lebih ... daripada",
    r"\b(?:dimana|disini|didalam|diatas|dibawah|dimana-mana)\b": "di mana, di sini, di dalam",
    r"\b(?:sekedar|resiko|merubah|dirubah|nampak|apotik|karna)\b": "sekadar, risiko, mengubah",
    r"\bcodebook\b": "buku kode",
    r"(?<![\d.-])\b\d{1,4}-\d{1,4}\b(?!-\d)": "a range takes an en dash: 1–5, 2008–2018",
}


def _prose(page: str) -> str:
    """The text a reader reads on a page, without code, tables and images."""
    page = re.sub(r"<script.*?</script>|<style.*?</style>", " ", page, flags=re.S)
    page = re.sub(
        r'<div class="jp-Cell-inputWrapper.*?</div>\s*</div>\s*</div>', " ", page, flags=re.S
    )
    page = re.sub(r"<table.*?</table>", " ", page, flags=re.S)
    page = re.sub(r"<code>.*?</code>|<img[^>]*>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def _clean(text: str) -> str:
    """Without file paths and decree numbers, which keep their own spelling."""
    text = re.sub(r"\S+\.(?:ya?ml|csv|xlsx|docx|qdc|qdpx|py)\b", " ", text)
    return re.sub(r"No\. [\d.]+-\d+", " ", text)


def slips_in(text: str) -> list[str]:
    """Each slip of :data:`SLIPS` in ``text`` (what matched, with the words around it).

    >>> [s.split(" | ")[0] for s in slips_in("Beda antar responden lebih tinggi dari (Likert 1-5).")]
    ['antar r', 'lebih tinggi dari', '1-5']
    >>> slips_in("Antarresponden, lebih tinggi daripada itu, Likert 1–5, lihat codebook.yml, "
    ...          "Kepmendagri No. 300.2.2-2138, tanggal 2019-04-15.")
    []
    """
    text = _clean(text)
    return [
        f"{m.group(0)} | {text[max(0, m.start() - 30) : m.end() + 30]}"
        for pattern in SLIPS
        for m in re.finditer(pattern, text)
    ]


@pytest.mark.slow
def test_no_known_slip_in_the_reproduced_demo(reproduced):
    root, _, ok = reproduced
    assert ok
    found = {}
    for page in sorted((root / "reports").glob("*.html")):
        hits = slips_in(_prose(page.read_text(encoding="utf-8")))
        if hits:
            found[page.name] = hits
    for sidecar in sorted(
        [*(root / "figures").glob("*.json"), *(root / "reports" / "tables").glob("*.json")]
    ):
        rec = json.loads(sidecar.read_text(encoding="utf-8"))
        text = " ".join(str(rec.get(k) or "") for k in ("title", "caption", "source"))
        text += " " + " ".join(rec.get("notes") or [])
        hits = slips_in(text)
        if hits:
            found[sidecar.name] = hits
    assert found == {}
