"""Seeded synthetic questionnaire answers for the 10 PSM of Kecamatan Bunut.

The file has the shape of real input (the data-entry workbook of
:mod:`psm_analysis.survey.template`, filled in) and says it is demo data in its name
(``jawaban_kuesioner_DEMO.xlsx``), in the workbook properties and on its instructions
sheet. Desa/kelurahan names come from the Kemendagri reference (Kecamatan Bunut,
14.05.08); as BAB I notes, not every desa has a PSM, so some desa appear twice and some
not at all. About two thirds attended Diklat, as 80 of the 120 PSM of Kabupaten
Pelalawan did (Tabel I.3).

The answers come from a simple model (a respondent's general level, higher after
Diklat, plus noise per item) so that the analysis shows something to read; they are
not research data.
"""

from __future__ import annotations

import random
from pathlib import Path

from psm_analysis.survey.codebook import Codebook, load_survey_codebook

SEED = 20180401
N_RESPONDENTS = 10
FILE_NAME = "jawaban_kuesioner_DEMO.xlsx"
#: The demo pilot (uji coba): 30 PSM of another kecamatan, as Indonesian theses usually
#: try a questionnaire on 30 respondents outside the study before the main survey.
PILOT_SEED = 20180301
N_PILOT = 30
PILOT_FILE_NAME = "uji_coba_kuesioner_DEMO.xlsx"
PILOT_KECAMATAN = "Pangkalan Kuras"
#: Items the pilot respondents answer without regard to the rest (the model gives them no
#: common level), so that the demo shows items failing validity and being dropped.
PILOT_NOISE_ITEMS = ("KIN12", "PDS12")
#: Respondents (of 10) who attended Diklat: 80/120 of Kabupaten Pelalawan, rounded.
N_DIKLAT = 7


def _bunut_desa() -> list[str]:
    from psm_analysis import regions

    return regions.desa_of("Bunut")["nama"].tolist()


def _clip(x: float, lo: int, hi: int) -> int:
    return max(lo, min(hi, int(round(x))))


def demo_rows(
    codebook: Codebook, seed: int = SEED, desa_of_psm: list[str] | None = None
) -> list[list[object]]:
    """The demo respondents as rows in :attr:`Codebook.columns` order.

    ``desa_of_psm``: the desa of each Bunut PSM in the demo register (one name per PSM):
    the respondents are those PSM, so each one's desa is taken from it (in a seeded
    order) and answers and register agree. Without it, desa are drawn from the
    Kemendagri list. Every other value is drawn the same way either way.
    """
    rng = random.Random(seed)
    desa_all = _bunut_desa()
    desa = rng.sample(desa_all, 7)
    desa = desa + rng.sample(desa, N_RESPONDENTS - len(desa))
    rng.shuffle(desa)
    if desa_of_psm is not None:
        if len(desa_of_psm) != N_RESPONDENTS:
            raise ValueError(f"{len(desa_of_psm)} Bunut PSM in the register, not {N_RESPONDENTS}")
        desa = sorted(desa_of_psm)
        random.Random(seed + 1).shuffle(desa)  # its own generator: the rest stays as it was
    diklat = ["Ya"] * N_DIKLAT + ["Tidak"] * (N_RESPONDENTS - N_DIKLAT)
    rng.shuffle(diklat)
    rows = []
    for r in range(N_RESPONDENTS):
        attended = diklat[r] == "Ya"
        # Bimtek mostly went to the same people (Tabel I.3: 80 PSM each)
        bimtek = diklat[r] if rng.random() > 0.15 else ("Tidak" if attended else "Ya")
        level = rng.gauss(0.0, 0.55) + (0.45 if attended else -0.35)
        role = 0.6 * level + rng.gauss(0.0, 0.45)
        profile = {
            "desa": desa[r],
            "jenis_kelamin": rng.choice(["Laki-laki", "Laki-laki", "Perempuan"]),
            "umur": rng.randint(26, 58),
            "pendidikan": rng.choice(["SMA/SMK", "SMA/SMK", "SMA/SMK", "Diploma", "S1", "SMP"]),
            "lama_psm": rng.choice([1, 1.5, 2, 3, 4, 5, 6, 8, 10, 12]),
            "diklat": diklat[r],
            "bimtek": bimtek,
        }
        row: list[object] = [f"R{r + 1:02d}"]
        for f in codebook.profile:
            row.append(profile.get(f.id))
        for item in codebook.items:
            ind = codebook.indicator(item.indicator)
            scale = codebook.scale_of_item(item.id)
            centre = 3.7 if ind.variable.startswith("KIN") else 3.3
            latent = level if ind.variable.startswith("KIN") else role
            if ind.id == "PDS_2" and not attended:
                latent -= 0.8  # those left out of Diklat rate it lower
            score = _clip(centre + latent + rng.gauss(0.0, 0.6), scale.low, scale.high)
            answer = scale.low + scale.high - score if item.reverse else score
            row.append(answer)
        rows.append(row)
    return rows


def pilot_rows(codebook: Codebook, seed: int = PILOT_SEED) -> list[list[object]]:
    """The demo pilot respondents (``U01``...) as rows in :attr:`Codebook.columns` order:
    PSM of Kecamatan Pangkalan Kuras answering with the model of :func:`demo_rows`,
    except the items of :data:`PILOT_NOISE_ITEMS`, answered at random."""
    from psm_analysis import regions

    rng = random.Random(seed)
    desa_all = regions.desa_of(PILOT_KECAMATAN)["nama"].tolist()
    rows = []
    for r in range(N_PILOT):
        attended = rng.random() < 2 / 3
        level = rng.gauss(0.0, 0.55) + (0.45 if attended else -0.35)
        role = 0.6 * level + rng.gauss(0.0, 0.45)
        profile = {
            "desa": rng.choice(desa_all),
            "jenis_kelamin": rng.choice(["Laki-laki", "Laki-laki", "Perempuan"]),
            "umur": rng.randint(24, 60),
            "pendidikan": rng.choice(["SMA/SMK", "SMA/SMK", "SMA/SMK", "Diploma", "S1", "SMP"]),
            "lama_psm": rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12]),
            "diklat": "Ya" if attended else "Tidak",
            "bimtek": "Ya" if attended else "Tidak",
        }
        row: list[object] = [f"U{r + 1:02d}"]
        row += [profile.get(f.id) for f in codebook.profile]
        for item in codebook.items:
            scale = codebook.scale_of_item(item.id)
            if item.id in PILOT_NOISE_ITEMS:
                row.append(rng.randint(scale.low + 1, scale.high))
                continue
            kin = codebook.indicator(item.indicator).variable.startswith("KIN")
            latent = level if kin else role
            score = _clip(
                (3.7 if kin else 3.3) + latent + rng.gauss(0.0, 0.6), scale.low, scale.high
            )
            row.append(scale.low + scale.high - score if item.reverse else score)
        rows.append(row)
    return rows


def write_demo_inputs(
    out_dir: str | Path, codebook: Codebook | None = None, desa_of_psm: list[str] | None = None
) -> list[Path]:
    """Write ``<out_dir>/survey/jawaban_kuesioner_DEMO.xlsx`` and the pilot
    ``<out_dir>/survey/uji_coba/uji_coba_kuesioner_DEMO.xlsx``; return both paths.

    Same codebook, seeds and ``desa_of_psm`` (see :func:`demo_rows`), same bytes.
    """
    from psm_analysis.files import write_workbook
    from psm_analysis.survey.instrument import pilot_codebook, pilot_folder
    from psm_analysis.survey.template import template_workbook

    cb = codebook or load_survey_codebook()
    folder = Path(out_dir) / "survey"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FILE_NAME
    write_workbook(template_workbook(cb, demo_rows(cb, desa_of_psm=desa_of_psm), demo=True), path)
    pilot_dir = pilot_folder(folder)
    pilot_dir.mkdir(exist_ok=True)
    pilot = pilot_dir / PILOT_FILE_NAME
    pcb = pilot_codebook(cb)
    write_workbook(template_workbook(pcb, pilot_rows(pcb), demo=True), pilot)
    return [path, pilot]
