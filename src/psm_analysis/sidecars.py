"""The sidecar records of figures and thesis tables: one writer, one reader.

Every saved figure (``figures/<name>.json``) and exported table
(``reports/tables/<name>.json``) has a JSON sidecar: ``kind`` ("figure"/"table"),
``name``, ``number``, ``label``, ``notebook``, ``index``, ``files`` and the caption or
title. The notebook runner, the DAFTAR GAMBAR/TABEL pages and the index all read them
through :func:`read_sidecars`, so they cannot disagree about what exists.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

KINDS = ("figure", "table")
_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")


def check_name(name: str) -> None:
    """Raise ``ValueError`` unless ``name`` is a safe file stem (letters, digits, ``_``,
    ``-``, ``.``; not starting with ``-`` or ``.``)."""
    if not _NAME.fullmatch(name):
        raise ValueError(f"figure/table name must be letters, digits, '_', '-', '.', got {name!r}")


def sidecar_text(record: dict) -> str:
    """The sidecar JSON: sorted keys, two-space indent, UTF-8 text, final newline."""
    return json.dumps(record, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def _notebook_key(rec: dict) -> int:
    nb = rec.get("notebook")
    return int(nb) if nb is not None and str(nb).isdigit() else 10**6


def _sort_key(rec: dict) -> tuple:
    return (_notebook_key(rec), rec.get("index") or 0, rec.get("name", ""))


def record_order(rec: dict) -> tuple:
    """Figures and tables together in the order their notebook saved them (notebook,
    then ``order``), as the thesis prints them."""
    return (
        _notebook_key(rec),
        rec.get("order") or 0,
        rec.get("kind", ""),
        rec.get("index") or 0,
        rec.get("name", ""),
    )


def read_sidecars(
    folder: Path,
    kind: str | None = None,
    *,
    notebook: str | None = None,
    complete: bool = True,
) -> list[dict]:
    """The sidecar records in ``folder``, in thesis order (notebook, then index).

    Parameters
    ----------
    folder : Path
        ``figures/`` or ``reports/tables/``; a missing folder gives ``[]``.
    kind : {"figure", "table"} or None
        Only records of this kind (``None``: both).
    notebook : str or None
        Only records saved by this notebook number ("03").
    complete : bool
        Only records whose listed ``files`` all exist (a half-deleted figure is not
        listed anywhere).

    Returns
    -------
    list of dict
        Each record with ``"_path"`` (the sidecar's own path) added. Unreadable or
        foreign JSON files are skipped: they are not sidecars.
    """
    records = []
    if not folder.is_dir():
        return records
    for path in sorted(folder.glob("*.json")):
        try:
            rec = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            # unreadable, or deleted meanwhile by a notebook running in parallel
            continue
        if not isinstance(rec, dict) or rec.get("kind") not in KINDS:
            continue
        if kind is not None and rec.get("kind") != kind:
            continue
        if notebook is not None and str(rec.get("notebook")) != str(notebook):
            continue
        if complete and not all((folder / f).is_file() for f in rec.get("files", [])):
            continue
        rec.setdefault("name", path.stem)
        rec["_path"] = path
        records.append(rec)
    return sorted(records, key=_sort_key)


def outputs_of(folder: Path, notebook: str) -> list[Path]:
    """Every file notebook ``notebook`` saved in ``folder``: sidecars and their files
    (listed even when some are missing)."""
    found: list[Path] = []
    for rec in read_sidecars(folder, notebook=notebook, complete=False):
        found.append(rec["_path"])
        found += [folder / name for name in rec.get("files", [])]
    return found


#: A figure/table number on a rendered page: captions and references in the prose.
NUMBER_SPAN = re.compile(
    r'<span class="psm-nomor" data-nomor="(figure|table):([A-Za-z0-9_.-]+)">([^<]*)</span>'
)


def number_span(kind: str, name: str, words: str) -> str:
    """``words`` ("Tabel V.3") marked as the number of figure/table ``name``, so the
    final number can be put in after all notebooks ran (:func:`renumber_html`).

    >>> number_span("table", "05_kutipan", "Tabel V.3")
    '<span class="psm-nomor" data-nomor="table:05_kutipan">Tabel V.3</span>'
    """
    return (
        f'<span class="psm-nomor" data-nomor="{kind}:{html.escape(name)}">'
        f"{html.escape(words)}</span>"
    )


def renumber_html(text: str, labels: dict[str, dict[str, str]]) -> str:
    """``text`` with every marked number replaced by ``labels[kind][name]``
    ("Tabel V.4"); a name not in ``labels`` keeps its words.

    >>> renumber_html(number_span("table", "a", "Tabel V.1") + " dan",
    ...               {"table": {"a": "Tabel V.2"}, "figure": {}})
    '<span class="psm-nomor" data-nomor="table:a">Tabel V.2</span> dan'
    """

    def put(m: re.Match) -> str:
        kind, name, words = m.groups()
        new = labels.get(kind, {}).get(name)
        return number_span(kind, name, new) if new else m.group(0)

    return NUMBER_SPAN.sub(put, text)
