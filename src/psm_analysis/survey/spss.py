"""The cleaned answers as an SPSS ``.sav`` file with variable and value labels.

Items keep the answer as given (before reverse scoring) with the scale labels as value
labels; choice profile fields are coded 1..k in the codebook's order with the choices as
value labels; number fields stay numeric; the respondent id is a string.

pyreadstat writes the file's creation date and time into the header; they are replaced
by a fixed value so that the same answers always give the same bytes.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd

from psm_analysis.survey.codebook import Codebook

# Offsets of the header record (SPSS system file format): after "$FL2" (4), product
# name (60), layout code, nominal case size, compression, weight index, case count
# (5 x 4) and bias (8) come the creation date (9 bytes, "dd mmm yy") and time (8 bytes).
_DATE_OFFSET = 4 + 60 + 5 * 4 + 8
_FIXED_DATE = b"01 Jan 00"
_FIXED_TIME = b"00:00:00"

#: SPSS limits a variable label to 256 bytes.
_MAX_LABEL = 256


def _fit(text: str, limit: int = _MAX_LABEL) -> str:
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    return data[: limit - 3].decode("utf-8", errors="ignore") + "..."


def spss_frame(wide: pd.DataFrame, codebook: Codebook):
    """``(df, column_labels, value_labels)`` ready for ``pyreadstat.write_sav``."""
    df = pd.DataFrame(index=range(len(wide)))
    labels: dict[str, str] = {}
    value_labels: dict[str, dict[float, str]] = {}
    df[codebook.id_column] = wide[codebook.id_column].astype(str).to_numpy(dtype=object)
    labels[codebook.id_column] = _fit(codebook.id_label)
    for f in codebook.profile:
        labels[f.id] = _fit(f.label)
        s = wide[f.id]
        if f.type == "choice":
            codes = {c: float(i) for i, c in enumerate(f.choices, start=1)}
            df[f.id] = [
                codes.get(v, float("nan")) if isinstance(v, str) else float("nan")
                for v in s.astype(object)
            ]
            value_labels[f.id] = {code: c for c, code in codes.items()}
        elif f.type in ("integer", "number"):
            df[f.id] = pd.to_numeric(s, errors="coerce").astype(float).to_numpy()
        else:
            df[f.id] = ["" if pd.isna(v) else str(v) for v in s.astype(object)]
    for item in codebook.items:
        scale = codebook.scale_of_item(item.id)
        df[item.id] = pd.to_numeric(wide[item.id], errors="coerce").astype(float).to_numpy()
        prefix = "(dibalik) " if item.reverse else ""
        labels[item.id] = _fit(f"{item.id} {prefix}{item.statement}")
        value_labels[item.id] = {float(v): lab for v, lab in scale.values.items()}
    return df, labels, value_labels


def sav_bytes(wide: pd.DataFrame, codebook: Codebook, file_label: str = "") -> bytes:
    """The ``.sav`` file as bytes (deterministic: fixed creation date and time).

    Parameters
    ----------
    wide : DataFrame
        The cleaned answers (one row per respondent).
    codebook : Codebook
    file_label : str
        SPSS file label (at most 64 bytes; "DATA CONTOH" for demo data).
    """
    import pyreadstat

    df, labels, value_labels = spss_frame(wide, codebook)
    measure = {f.id: "nominal" for f in codebook.profile if f.type in ("choice", "text")}
    measure.update({f.id: "scale" for f in codebook.profile if f.type in ("integer", "number")})
    measure.update({i.id: "ordinal" for i in codebook.items})
    measure[codebook.id_column] = "nominal"
    fd, tmp = tempfile.mkstemp(suffix=".sav")
    os.close(fd)
    try:
        pyreadstat.write_sav(
            df,
            tmp,
            file_label=_fit(file_label, 64),
            column_labels=labels,
            variable_value_labels=value_labels,
            variable_measure=measure,
        )
        data = bytearray(Path(tmp).read_bytes())
    finally:
        Path(tmp).unlink(missing_ok=True)
    if data[:4] != b"$FL2":
        raise RuntimeError("pyreadstat did not write an SPSS system file header")
    data[_DATE_OFFSET : _DATE_OFFSET + 9] = _FIXED_DATE
    data[_DATE_OFFSET + 9 : _DATE_OFFSET + 17] = _FIXED_TIME
    return bytes(data)
