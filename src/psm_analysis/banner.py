"""The "DATA CONTOH" banner: which input families are demo data, as a reader calls them,
and the banner's HTML. Used by the notebook helpers and the index page alike.
"""

from __future__ import annotations

import html

from psm_analysis.labels import t


def kind_names(kinds: list[str]) -> str:
    """The input kinds as a reader calls them.

    >>> kind_names(["interviews", "survey"])
    'pengodean wawancara, jawaban kuesioner'
    >>> kind_names(["lain"])
    'lain'
    """
    out = []
    for kind in kinds:
        try:
            out.append(t(f"masukan_{kind}"))
        except KeyError:
            out.append(kind)
    return ", ".join(out)


def banner_html(kinds: list[str]) -> str:
    """The HTML of the demo banner naming the input kinds."""
    text = html.escape(t("demo_banner"))
    detail = html.escape(kind_names(kinds))
    return (
        '<div class="psm-demo-banner" style="background:#fff3cd;border:2px solid #d55e00;'
        "color:#7a2e00;padding:0.8em 1em;margin:0.5em 0;font-weight:bold;font-size:1.2em;"
        f'text-align:center">{text}<br><span style="font-weight:normal;font-size:0.8em">'
        f"({detail})</span></div>"
    )
