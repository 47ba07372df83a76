"""The interview codebook: the default from the seed, REFI-QDA .qdc write/read/validate."""

from __future__ import annotations

import uuid

import pytest
from lxml import etree

from psm_analysis.errors import DataError
from psm_analysis.interviews.codebook import (
    GUID_NAMESPACE,
    QDC_NS,
    Code,
    Codebook,
    from_qdc,
    load_interview_codebook,
    normalize_code,
    schema_problems,
    to_qdc,
)

EXPECTED_PATHS = [
    "peran",
    "peran.pemetaan",
    "peran.diklat",
    "peran.bimtek",
    "peran.rapat_koordinasi",
    "peran.honorarium",
    "peran.pembinaan",
    "peran.monev",
    "hambatan",
    "hambatan.cakupan_pelatihan",
    "hambatan.kurang_pembinaan",
    "hambatan.desa_tanpa_psm",
    "hambatan.anggaran",
    "hambatan.jarak_akses",
    "hambatan.koordinasi",
    "hambatan.beban_relawan",
]


@pytest.fixture(scope="module")
def codebook():
    return load_interview_codebook()


def test_default_codebook_holds_the_seed_codes(codebook):
    assert codebook.paths == EXPECTED_PATHS
    assert [c.path for c in codebook.codes if not c.codable] == ["peran", "hambatan"]
    assert codebook.get("hambatan.cakupan_pelatihan").indicator == (
        "Fenomena 1 BAB I; Tabel I.3 no. 2 (baru 80 dari 120 PSM mendapat Diklat)"
    )
    assert codebook.get("hambatan.kurang_pembinaan").label == "Kurangnya pembinaan terhadap PSM"
    assert codebook.get("peran").color == "#0072B2"


def test_written_qdc_validates_against_the_refi_qda_schema(codebook):
    data = to_qdc(codebook)
    assert schema_problems(data) == []
    root = etree.fromstring(data)
    assert root.tag == f"{{{QDC_NS}}}CodeBook"
    top = root.findall(f"{{{QDC_NS}}}Codes/{{{QDC_NS}}}Code")
    assert [c.get("name") for c in top] == ["peran", "hambatan"]
    assert [c.get("isCodable") for c in top] == ["false", "false"]
    nested = top[1].findall(f"{{{QDC_NS}}}Code")
    assert nested[1].get("name") == "kurang_pembinaan"
    assert nested[1].get("isCodable") == "true"


def test_qdc_round_trip_gives_the_same_codebook(codebook):
    back = from_qdc(to_qdc(codebook))
    assert back == codebook
    assert back.codes == codebook.codes
    assert to_qdc(back) == to_qdc(codebook)  # same bytes again


def test_guids_are_uuid5_of_the_code_path(codebook):
    code = codebook.get("hambatan.anggaran")
    assert code.guid == str(uuid.uuid5(GUID_NAMESPACE, "hambatan.anggaran")).upper()
    assert f'guid="{code.guid}"'.encode() in to_qdc(codebook)
    assert len({c.guid for c in codebook.codes}) == len(codebook.codes)


def test_malformed_guid_fails_the_schema(codebook):
    bad = to_qdc(codebook).replace(codebook.get("peran").guid.encode(), b"not-a-guid", 1)
    problems = schema_problems(bad)
    assert [str(p) for p in problems] == [
        "baris 4: nilai atribut 'guid' pada elemen 'Code' tidak sah: nilai \"not-a-guid\" "
        "(yang diharapkan: GUID 8-4-4-4-12 digit heksadesimal)"
    ]
    with pytest.raises(DataError) as err:
        from_qdc(bad)
    assert err.value.problems == problems


# Exactly as Taguette's export.codebook_xml writes it (XMLGenerator, flat codes named by
# their tag path, guid uuid5 upper-case, an empty <Sets/>).
TAGUETTE_QDC = (
    b'<?xml version="1.0" encoding="utf-8"?>\n'
    b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Taguette 1.4.1"><Codes>'
    b'<Code guid="5E1E2C33-64E4-5F3B-8C2B-2B1A4C38A0F1" name="hambatan.anggaran" '
    b'isCodable="true"/>'
    b'<Code guid="0A3C6F52-1B5E-5A44-9D0F-7F3E12B6C9A8" name="peran.diklat" '
    b'isCodable="true"/></Codes><Sets/></CodeBook>'
)


def test_flat_taguette_codebook_is_read_with_its_hierarchy():
    cb = from_qdc(TAGUETTE_QDC)
    assert cb.paths == ["hambatan", "hambatan.anggaran", "peran", "peran.diklat"]
    assert cb.get("hambatan").codable is False  # added as a grouping code
    assert cb.get("hambatan.anggaran").label == "hambatan.anggaran"


def test_resolve_accepts_tag_paths_typed_codes_and_qualcoder_categories(codebook):
    assert codebook.resolve("hambatan.anggaran") == "hambatan.anggaran"
    assert codebook.resolve(" Hambatan / Kurang pembinaan ") == "hambatan.kurang_pembinaan"
    assert codebook.resolve("Kurang pembinaan", ["Hambatan"]) == "hambatan.kurang_pembinaan"
    assert codebook.resolve("diklat") == "peran.diklat"  # unique key
    assert codebook.resolve("anggaran.kegiatan") is None
    assert normalize_code("peran:  Rapat Koordinasi") == "peran.rapat_koordinasi"


def test_yaml_problems_are_all_reported(tmp_path):
    f = tmp_path / "codebook_wawancara.yml"
    f.write_text(
        "pertanyaan:\n  peran: {label: Peran}\n"
        "kode:\n  - kode: diklat\n  - kode: peran.bimtek\n    warna: biru\n"
        "  - kode: peran.bimtek\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as err:
        load_interview_codebook(f)
    messages = [p.message for p in err.value.problems]
    assert messages == [
        "kode harus diawali pertanyaan penelitiannya",
        "warna kode tidak dikenali",
        "kode tercantum dua kali",
    ]


def test_codebook_rejects_duplicate_paths():
    with pytest.raises(ValueError):
        Codebook((Code("a", "A"), Code("a", "A")))


def test_codes_link_to_questionnaire_indicators(codebook):
    links = {c.path: c.survey for c in codebook.codes if c.survey}
    assert links["hambatan.kurang_pembinaan"] == "PDS_6"
    assert links["peran.diklat"] == "PDS_2"
    assert b"Kuesioner: PDS_6" in to_qdc(codebook)


def test_taguette_codebook_csv(codebook):
    from psm_analysis.interviews.codebook import to_taguette_csv

    lines = to_taguette_csv(codebook).decode("utf-8").splitlines()
    assert lines[0] == "tag,description"
    assert len(lines) == 1 + 14  # codable codes only
    assert lines[1] == (
        'peran.pemetaan,"Penataan dan pemetaan PSM. Dinas Sosial mendata, '
        'menata, dan memetakan PSM yang aktif per desa/kecamatan."'
    )


# QualCoder 3.6 refi.py ``codebook_exchange_xml`` (github.com/ccbogel/QualCoder, tag 3.6):
# the header below verbatim; categories are ``<Code ... isCodable="false">`` with the
# category memo as <Description>, codes ``<Code guid name isCodable="true" color=...>``
# with the code memo html.escape'd in <Description>, or self-closed when there is no memo;
# guids from uuid4 in lower case.
QUALCODER_QDC = b"""<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" xsi:schemaLocation="urn:QDA-XML:codebook:1.0 \
Codebook.xsd" origin="QualCoder" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><Codes>
<Code guid="0f6c1b7e-2d1a-4c55-9a0e-3b8d2f7c1a01" name="Hambatan" isCodable="false">
<Description>Hambatan yang dihadapi</Description>
<Code guid="0f6c1b7e-2d1a-4c55-9a0e-3b8d2f7c1a02" name="Kurang pembinaan" isCodable="true" \
color="#F5D0A9">
<Description>Pembinaan &amp; pengawasan &quot;jarang&quot;</Description>
</Code>
<Code guid="0f6c1b7e-2d1a-4c55-9a0e-3b8d2f7c1a03" name="Anggaran" isCodable="true" \
color="#81BEF7" />
</Code>
</Codes>
</CodeBook>
"""


def test_qualcoder_codebook_label_is_the_name_description_the_memo():
    cb = from_qdc(QUALCODER_QDC)
    assert [(c.path, c.label, c.description, c.codable, c.color) for c in cb.codes] == [
        ("hambatan", "Hambatan", "Hambatan yang dihadapi", False, None),
        (
            "hambatan.kurang_pembinaan",
            "Kurang pembinaan",
            'Pembinaan & pengawasan "jarang"',
            True,
            "#F5D0A9",
        ),
        ("hambatan.anggaran", "Anggaran", "", True, "#81BEF7"),
    ]
    assert cb.resolve("Kurang pembinaan", ["Hambatan"]) == "hambatan.kurang_pembinaan"


# The namespace spellings real exports carry (NVivo/ATLAS.ti/MAXQDA exports made to the
# "1:0" text of the standard, and the 0.4 draft): same elements, read as 1.0. ATLAS.ti puts
# the code comment in <Description>; flat code names with a ":" keep their group.
@pytest.mark.parametrize(
    ("ns", "origin"),
    [("urn:QDA-XML:codebook:1:0", "NVivo 14"), ("urn:QDA-XML:codebook:0:4", "ATLAS.ti 23")],
)
def test_namespace_variants_of_other_tools(ns, origin):
    xml = (
        f'<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="{ns}" origin="{origin}">'
        "<Codes>"
        '<Code guid="{7A0B9C1D-2E3F-4A5B-8C6D-7E8F9A0B1C2D}" name="Peran: Diklat" '
        'isCodable="true"><Description>Komentar: pelatihan dasar PSM</Description></Code>'
        '<Code guid="7A0B9C1D-2E3F-4A5B-8C6D-7E8F9A0B1C2E" name="Peran: Bimtek" '
        'isCodable="true"/>'
        "</Codes></CodeBook>"
    ).encode()
    cb = from_qdc(xml)
    assert [(c.path, c.label, c.description) for c in cb.codes] == [
        ("peran", "peran", ""),
        ("peran.diklat", "Peran: Diklat", "Komentar: pelatihan dasar PSM"),
        ("peran.bimtek", "Peran: Bimtek", ""),
    ]


def test_codes_colliding_after_normalisation_are_a_problem():
    xml = QUALCODER_QDC.replace(b'name="Anggaran"', b'name="kurang_pembinaan"')
    with pytest.raises(DataError) as err:
        from_qdc(xml)
    assert [str(p) for p in err.value.problems] == [
        "baris 8: nama kode bertabrakan dengan kode 'Kurang pembinaan' di baris 5: keduanya "
        "menjadi 'hambatan.kurang_pembinaan': nilai \"kurang_pembinaan\" (yang diharapkan: "
        "nama kode yang berbeda setelah huruf kecil dan spasi -> _)"
    ]


@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        (b"", ["baris 1: berkas .qdc kosong"]),
        (b"Kode;Deskripsi\n", ["baris 1: berkas .qdc bukan XML: tidak diawali tag '<'"]),
        (
            b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes></CodeBook>',
            ["baris 1: tag pembuka dan tag penutup XML tidak cocok"],
        ),
        (
            b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code name="a" '
            b'guid="0f6c1b7e-2d1a-4c55-9a0e-3b8d2f7c1a01" isCodable="true">'
            b"<Description>&nbsp;</Description></Code></Codes></CodeBook>",
            ["baris 1: entitas XML tidak dikenal (mis. &nbsp; dari HTML)"],
        ),
        (
            b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0">\n<Codes>\n'
            b'<Code guid="0f6c1b7e-2d1a-4c55-9a0e-3b8d2f7c1a01" isCodable="ya"/>\n'
            b"</Codes></CodeBook>",
            [
                "baris 3: nilai atribut 'isCodable' pada elemen 'Code' tidak sah: nilai \"ya\" "
                "(yang diharapkan: true atau false)",
                "baris 3: elemen 'Code' tidak punya atribut wajib 'name'",
            ],
        ),
        (
            b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Kodes/></CodeBook>',
            [
                "baris 1: elemen 'Kodes' tidak diharapkan di sini (yang diharapkan: Codes)",
            ],
        ),
        (
            b'<CodeBook xmlns="urn:example:codes"><Codes/></CodeBook>',
            [
                "baris 1: elemen akar 'CodeBook' bukan CodeBook REFI-QDA: nilai "
                '"urn:example:codes" (yang diharapkan: <CodeBook '
                'xmlns="urn:QDA-XML:codebook:1.0">)'
            ],
        ),
    ],
    ids=["empty", "csv", "tag-mismatch", "html-entity", "attributes", "element", "namespace"],
)
def test_invalid_qdc_gets_indonesian_problems(xml, expected):
    with pytest.raises(DataError) as err:
        from_qdc(xml)
    assert [str(p) for p in err.value.problems] == expected
