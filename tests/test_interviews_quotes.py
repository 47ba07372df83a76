"""Quotes cited as theses cite interviews (issue 21 item 6): the date from the document
map or the roster, left out when unknown; the demo quotes carry no pseudonym code."""

from __future__ import annotations

from test_interviews_support import ROSTER_CSV, make_project

from psm_analysis.interviews.pipeline import build_outputs
from psm_analysis.interviews.quotes import citation

CODINGS = (
    "id_informan,dokumen,kode,kutipan,pengkode\n"
    "I-01,Wawancara Bambang,hambatan.anggaran,Dananya kecil.,peneliti\n"
    "I-03,Wawancara 03,peran.diklat,Saya ikut Diklat.,peneliti\n"
    "I-03,Wawancara 03b,peran.diklat,Diklat kedua lebih lengkap.,peneliti\n"
    "I-04,Wawancara 04,hambatan.desa_tanpa_psm,Desa kami belum ada PSM.,peneliti\n"
)


def test_citation_with_and_without_date():
    assert citation("I-05", "PSM", "2019-04-15") == (
        "(Wawancara dengan Informan I-05, PSM, 15 April 2019)"
    )
    assert citation("I-05", "PSM", "") == "(Wawancara dengan Informan I-05, PSM)"
    assert citation("I-09", "Pemerintah Kecamatan/Desa", "Mei 2019") == (
        "(Wawancara dengan Informan I-09, Pemerintah Kecamatan/Desa, Mei 2019)"
    )


def test_dates_come_from_the_document_map_then_the_roster(tmp_path):
    # I-04 has no date in the roster; I-03 was interviewed a second time ("Wawancara 03b")
    roster = ROSTER_CSV.replace(
        "Pemerintah Kecamatan/Desa,2019-05-05,", "Pemerintah Kecamatan/Desa,,"
    )
    paths = make_project(tmp_path, roster=roster)
    (paths.raw_private / "dokumen_informan.csv").write_text(
        "dokumen,id_informan,tanggal_wawancara\nWawancara 03b,I-03,2019-06-20\n", encoding="utf-8"
    )
    (paths.raw_interviews / "segmen_terkode.csv").write_text(CODINGS, encoding="utf-8")
    quotes = build_outputs(paths).files["wawancara_kutipan.csv"]
    cited = dict(zip(quotes["kutipan"], quotes["sitasi"], strict=True))
    assert cited == {
        "Dananya kecil.": "(Wawancara dengan Informan I-01, Dinas Sosial, 2 Mei 2019)",
        "Saya ikut Diklat.": "(Wawancara dengan Informan I-03, PSM, 4 Mei 2019)",
        "Diklat kedua lebih lengkap.": "(Wawancara dengan Informan I-03, PSM, 20 Juni 2019)",
        "Desa kami belum ada PSM.": ("(Wawancara dengan Informan I-04, Pemerintah Kecamatan/Desa)"),
    }


def test_demo_quotes_name_nobody_and_cite_the_interview(tmp_path):
    paths = make_project(tmp_path, roster=None, demo=True)
    quotes = build_outputs(paths).files["wawancara_kutipan.csv"]
    assert not quotes["kutipan"].str.contains(r"I-\d", regex=True).any()
    i04 = quotes[quotes["kutipan"].str.contains("sudah ikut Diklat, tapi")]
    assert i04["kutipan"].tolist() == [
        "Pak [nama PSM] dan Bu [nama PSM] sudah ikut Diklat, tapi [nama PSM] dan [nama PSM] "
        "belum pernah."
    ]
    assert i04["sitasi"].tolist() == ["(Wawancara dengan Informan I-04, TKSK, 22 April 2019)"]
    own = quotes[quotes["kutipan"].str.startswith("Nama saya")]
    assert own["kutipan"].tolist() == [
        "Nama saya [nama PSM], saya ikut Diklat dasar PSM tahun 2014 di Pangkalan Kerinci."
    ]
    assert own["sitasi"].tolist() == ["(Wawancara dengan Informan I-05, PSM, 23 April 2019)"]
