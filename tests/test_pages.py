"""The notebook pages' template (``resources/nbconvert/psm``) against nbconvert's own
``lab`` template, which it extends."""

from __future__ import annotations

import re

import nbformat
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
    ours = _code_blocks(page)

    assert len(ours) == 1 and ours == theirs
    assert "&lt;script&gt;" in ours[0] and "<script>alert" not in page
    assert cleaned == []
