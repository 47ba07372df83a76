"""The notebook pages' template (``resources/nbconvert/psm``) against nbconvert's own
``lab`` template, which it extends."""

from __future__ import annotations

import re

import nbformat
from bs4 import BeautifulSoup
from nbconvert import HTMLExporter

from psm_analysis import runner

CODE = (
    "x = \"<script>alert('x')</script>\" if a < b & c > d else 'é'  # \"kutip\"\n"
    "\tprint(x, {'a': 1}, f'{x!r}')\n"
    "%matplotlib inline\n"
)


def _notebook():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Judul"), nbformat.v4.new_code_cell(CODE)]
    for i, cell in enumerate(nb.cells, start=1):
        cell["id"] = f"sel-{i}"  # as runner._read numbers them (nbformat's are random)
    nb.metadata["language_info"] = {"name": "python", "pygments_lexer": "ipython3"}
    return nb


def _code_blocks(page: str) -> list[str]:
    return re.findall(r'<div class="cm-editor cm-s-jupyter">(.*?)</div>\n</div>', page, re.S)


def test_the_code_shows_as_in_jupyterlabs_template_without_bleach(monkeypatch):
    """The page shows a cell's code exactly as the ``lab`` template does (pygments
    escapes it: no ``<script>`` gets through), but without passing it through bleach,
    which took half of a page's rendering time."""
    import nbconvert.filters.strings as strings

    cleaned: list[str] = []
    real = strings.bleach.clean
    monkeypatch.setattr(
        strings.bleach, "clean", lambda text, **kw: cleaned.append(text) or real(text, **kw)
    )
    lab = HTMLExporter(template_name="lab")
    lab.exclude_input_prompt = lab.exclude_output_prompt = True
    theirs = _code_blocks(lab.from_notebook_node(_notebook())[0])
    assert [c for c in cleaned if "alert" in c]  # lab's template does pass the code on
    cleaned.clear()

    page = runner.page_exporter().from_notebook_node(_notebook())[0]
    # nbconvert's exporter passes its page through BeautifulSoup, ours does not (next test)
    ours = _code_blocks(str(BeautifulSoup(page, features="html.parser")))

    assert len(ours) == 1 and ours == theirs
    assert "&lt;script&gt;" in ours[0] and "<script>alert" not in page
    assert cleaned == []


def test_the_page_is_nbconverts_without_its_beautifulsoup_pass():
    """runner.page_exporter renders by the template alone: nbconvert's HTMLExporter then
    parses the whole page with BeautifulSoup to make inputs and outputs focusable and
    give images an alternative text; ours adds the same attributes (the text in
    Indonesian), so the page parses to nbconvert's page."""
    nb = _notebook()
    png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
    nb.cells[1].outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="halo\n"),
        nbformat.v4.new_output("display_data", data={"image/png": png, "text/plain": "<Figure>"}),
        nbformat.v4.new_output(
            "display_data", data={"text/html": "<table><tr><td>1</td></tr></table>"}
        ),
    ]
    theirs_exporter = HTMLExporter(
        template_name="psm", extra_template_basedirs=[str(runner.TEMPLATES)]
    )
    theirs_exporter.exclude_input_prompt = theirs_exporter.exclude_output_prompt = True
    theirs = theirs_exporter.from_notebook_node(nb)[0]
    ours = runner.page_exporter().from_notebook_node(nb)[0]
    assert ours.count('tabindex="0"') == theirs.count('tabindex="0"') == 5
    assert ours.count('<img alt="Gambar keluaran sel" src="data:image/png;base64,') == 1
    parsed = str(BeautifulSoup(ours, features="html.parser"))
    english = "No description has been provided for this image"
    assert parsed.replace("Gambar keluaran sel", english) == theirs


def test_an_image_tag_broken_over_lines_gets_its_alternative_text_too():
    from psm_analysis.runner import _IMAGE_WITHOUT_ALT

    alt = '<img alt="Gambar keluaran sel"'
    assert (
        _IMAGE_WITHOUT_ALT.sub(alt, '<img\nsrc="a.png">')
        == '<img alt="Gambar keluaran sel"\nsrc="a.png">'
    )
    assert (
        _IMAGE_WITHOUT_ALT.sub(alt, '<img alt="Peta" src="a.png">')
        == '<img alt="Peta" src="a.png">'
    )
