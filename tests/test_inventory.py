"""Every file in data/raw accounted for (issue 20, item 5): ``clean`` lists each file it
did not read and why, names a file in the wrong folder with the folder it belongs in,
and refuses a roster with real names outside data/raw/private."""

from __future__ import annotations

import shutil

import pytest
from conftest import REPO, copy_project, run_cli
from fieldwork import clean

from psm_analysis.errors import DataError

DEMO = REPO / "data" / "demo"


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("inventory") / "base", notebooks=False)


@pytest.fixture
def root(base, tmp_path):
    dest = tmp_path / "p"
    shutil.copytree(base, dest)
    return dest


def test_the_shipped_project_reads_every_file_it_holds(root):
    result = clean(root)
    assert result.unread == []
    assert "tidak dibaca" not in result.summary()


def test_unread_files_are_listed_with_the_reason(root):
    (root / "data/raw/survey/catatan lapangan.docx").write_bytes(b"PK")
    (root / "data/raw/survey/~$jawaban.xlsx").write_bytes(b"x")
    (root / "data/raw/survey/.~lock.jawaban.ods#").write_bytes(b"x")
    (root / "data/raw/survey/jawaban lama.xls").write_bytes(b"x")
    shutil.copy(DEMO / "register/register_psm_DEMO.xlsx", root / "data/raw/register_psm.xlsx")
    result = clean(root)
    assert [str(u) for u in result.unread] == [
        "data/raw/register_psm.xlsx: tampaknya register PSM di folder yang tidak dibaca untuk "
        "itu: pindahkan ke data/raw/register/; DATA CONTOH dipakai sebagai gantinya",
        "data/raw/survey/.~lock.jawaban.ods#: berkas kunci Excel/LibreOffice (ada selama "
        "berkasnya dibuka): diabaikan",
        "data/raw/survey/catatan lapangan.docx: format .docx tidak dibaca oleh clean (yang "
        "dibaca: .xlsx, .ods, .csv)",
        "data/raw/survey/jawaban lama.xls: format .xls (Excel 97-2003) tidak dibaca: simpan "
        "ulang sebagai .xlsx",
        "data/raw/survey/~$jawaban.xlsx: berkas kunci Excel/LibreOffice (ada selama berkasnya "
        "dibuka): diabaikan",
    ]
    assert "  Berkas di data/raw yang tidak dibaca (5):" in result.summary()


@pytest.mark.parametrize(
    "source, dest, message",
    [
        (
            "survey/jawaban_kuesioner_DEMO.xlsx",
            "interviews/jawaban.xlsx",
            "berkas ini tampaknya jawaban kuesioner, bukan segmen wawancara berkode (yang "
            "diharapkan: pindahkan ke data/raw/survey/)",
        ),
        (
            "register/register_psm_DEMO.xlsx",
            "survey/register.xlsx",
            "berkas ini tampaknya register PSM, bukan jawaban kuesioner (yang diharapkan: "
            "pindahkan ke data/raw/register/)",
        ),
        (
            "interviews/segmen_terkode_DEMO.csv",
            "register/segmen.csv",
            "berkas ini tampaknya segmen wawancara berkode, bukan register PSM (yang "
            "diharapkan: pindahkan ke data/raw/interviews/)",
        ),
    ],
)
def test_an_input_in_another_inputs_folder_is_named_with_its_folder(root, source, dest, message):
    (root / "data/raw" / dest).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(DEMO / source, root / "data/raw" / dest)
    with pytest.raises(DataError) as err:
        clean(root)
    assert [str(p) for p in err.value.problems] == [f"berkas data/raw/{dest}: {message}"]


@pytest.mark.parametrize("folder", ["interviews", "survey", "."])
def test_a_roster_outside_private_is_refused_saying_git_would_publish_it(root, folder):
    dest = root / "data/raw" / folder / "informan.csv"
    shutil.copy(DEMO / "private/informan_DEMO.csv", dest)
    proc = run_cli("clean", root=root)
    assert proc.returncode == 1
    shown = f"data/raw/{folder}/informan.csv".replace("/./", "/")
    assert (
        f"  - berkas {shown}: daftar informan dengan nama asli di luar data/raw/private/: git "
        "akan ikut menerbitkannya (hanya data/raw/private/ yang diabaikan git) (yang "
        "diharapkan: pindahkan berkas ini ke data/raw/private/ (dan jangan di-commit))"
    ) in proc.stderr
    assert "Tidak ada berkas yang ditulis." in proc.stderr
    assert not (root / "data/processed/wawancara_informan.csv").exists()
    # in private/ it is accepted; without codings it is listed as not used yet
    shutil.move(dest, root / "data/raw/private/informan.csv")
    assert [str(u) for u in clean(root).unread] == [
        "data/raw/private/informan.csv: daftar informan dengan nama asli tidak dipakai: belum "
        "ada segmen berkode di data/raw/interviews/ (DATA CONTOH wawancara dipakai)"
    ]
