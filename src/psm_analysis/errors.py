"""Errors a user can cause (bad file, bad value, unknown name).

Every such error is a :class:`DataError` (a ``ValueError``) holding one or more
:class:`Problem` records. A problem names where it is (file, sheet, row number as Excel
shows it, column header), the bad value and what was expected, in Indonesian, because
the researcher reads it. The CLI prints every problem, exits 1 and shows no traceback.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from psm_analysis.config import display_path  # noqa: F401  (re-exported: one helper, in config)


def _fmt_value(value: object) -> str:
    if value is None:
        return "(kosong)"
    text = str(value)
    return f'"{text}"'


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as known.

    ``row`` is the row number as Excel (or a text editor) shows it: 1-based, counting the
    header row. ``message`` says what is wrong, in Indonesian, without the location.
    """

    message: str
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    value: object = None
    expected: str | None = None
    show_value: bool = True

    @property
    def location(self) -> str:
        parts = []
        if self.file is not None:
            parts.append(f"berkas {self.file}")
        if self.sheet is not None:
            parts.append(f"lembar '{self.sheet}'")
        if self.row is not None:
            parts.append(f"baris {self.row}")
        if self.column is not None:
            parts.append(f"kolom '{self.column}'")
        return ", ".join(parts)

    def __str__(self) -> str:
        text = self.message
        if self.show_value and self.value is not None:
            text += f": nilai {_fmt_value(self.value)}"
        if self.expected:
            text += f" (yang diharapkan: {self.expected})"
        loc = self.location
        return f"{loc}: {text}" if loc else text

    def to_dict(self) -> dict[str, object]:
        return {
            "berkas": self.file,
            "lembar": self.sheet,
            "baris": self.row,
            "kolom": self.column,
            "nilai": None if self.value is None else str(self.value),
            "masalah": self.message,
            "diharapkan": self.expected,
        }


class DataError(ValueError):
    """A user-caused input error carrying every :class:`Problem` found.

    >>> err = DataError(Problem("angka tidak dikenali", file="t.csv", row=3, column="Jumlah", value="12x"))
    >>> str(err)
    'berkas t.csv, baris 3, kolom \\'Jumlah\\': angka tidak dikenali: nilai "12x"'
    """

    def __init__(self, problems: Problem | str | Iterable[Problem], written: Iterable[str] = ()):
        """``written``: the files (as the user sees their paths) that were already
        written when the problem was found; empty when nothing was written."""
        if isinstance(problems, str):
            problems = [Problem(problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        self.written: list[str] = list(written)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def collect(cls, problems: Iterable[Problem]) -> None:
        """Raise one DataError with all problems, if there are any."""
        problems = list(problems)
        if problems:
            raise cls(problems)
