"""LICENSE and CITATION.cff: present, consistent with pyproject.toml, and CITATION.cff valid
against the Citation File Format 1.2.0 JSON Schema (vendored in tests/reference with its
provenance; cffconvert needs jsonschema < 4, so jsonschema validates it directly)."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import jsonschema
import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((REPO / "tests/reference/cff_schema_1_2_0.json").read_text(encoding="utf-8"))
THESIS_TITLE = (
    "Peranan Dinas Sosial Kabupaten Pelalawan Dalam Meningkatkan Kinerja Pekerja Sosial "
    "Masyarakat (PSM) (Studi di Kecamatan Bunut)"
)


def _citation() -> dict:
    return yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))


def _errors(doc: dict) -> list[str]:
    validator = jsonschema.Draft7Validator(SCHEMA)
    return sorted(e.message for e in validator.iter_errors(doc))


def test_citation_is_valid_cff_1_2_0():
    doc = _citation()
    assert doc["cff-version"] == "1.2.0"
    assert _errors(doc) == []


def test_citation_names_the_thesis_the_version_and_the_licence():
    doc = _citation()
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert doc["version"] == project["version"] == "0.1.0"
    assert f'"{THESIS_TITLE}"' in doc["title"]
    assert doc["preferred-citation"]["type"] == "thesis"
    assert doc["preferred-citation"]["title"] == THESIS_TITLE
    assert doc["license"] == project["license"]["text"] == "MIT"
    assert doc["authors"] and doc["preferred-citation"]["authors"] == doc["authors"]


def test_licence_file_is_the_mit_licence():
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n\nCopyright (c) ")
    assert "Permission is hereby granted, free of charge, to any person obtaining a copy" in text
    assert 'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND' in text


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("authors"), "'authors' is a required property"),
        (
            lambda d: d.update(license="MIT License"),
            "'MIT License' is not valid under any of the given schemas",
        ),
        (lambda d: d.update(version=[0, 1]), "[0, 1] is not valid under any of the given schemas"),
    ],
)
def test_schema_rejects_a_broken_citation(change, message):
    """The validation can fail: no author, a licence that is not an SPDX id, a list as version."""
    doc = _citation()
    change(doc)
    assert message in _errors(doc)
