"""Phenomenon 3: which desa and kelurahan have a PSM.

From ``psm_per_desa.csv`` (every desa/kelurahan of Pelalawan with its PSM counts):

- :func:`without_psm`: the desa/kelurahan with no PSM;
- :func:`coverage`: per kecamatan, desa with at least one active PSM / all desa;
- :func:`compare_with_table_i2` and :func:`findings`: the register's count per kecamatan
  against Tabel I.2 (differences are findings: the two may be from different years);
- reader tables (Indonesian headers); the dot chart of each desa is
  :func:`psm_analysis.plots.desa_dot_chart`.

All counts are a census of the register: no sampling intervals.
"""

from __future__ import annotations

import pandas as pd

from psm_analysis import labels
from psm_analysis.numbers import format_number

#: The register as a source ("Sumber"), real and demo.
SOURCE = "Register PSM Dinas Sosial Kabupaten Pelalawan"
DEMO_SOURCE = "Register PSM DATA CONTOH (sintetis), bukan data penelitian"


def source_name(demo: bool) -> str:
    """The register as cited in a "Sumber" line (without "diolah").

    Parameters
    ----------
    demo : bool
        Whether the register is the synthetic demo register.

    Returns
    -------
    str
        :data:`SOURCE`, or :data:`DEMO_SOURCE` (marked "DATA CONTOH") for demo data.

    Examples
    --------
    >>> source_name(False)
    'Register PSM Dinas Sosial Kabupaten Pelalawan'
    """
    return DEMO_SOURCE if demo else SOURCE


def without_psm(per_desa: pd.DataFrame, kecamatan: str | None = None) -> pd.DataFrame:
    """The desa/kelurahan without any PSM (of one kecamatan, or all), by code.

    Parameters
    ----------
    per_desa : pandas.DataFrame
        ``catalog.load("psm_per_desa")``: one row per desa/kelurahan with ``kode_wilayah``
        (Kemendagri code), ``desa_kelurahan``, ``kecamatan`` and the int counts
        ``jumlah_psm``, ``jumlah_psm_aktif``, ``jumlah_psm_diklat`` (orang).
    kecamatan : str or None
        Official name of one kecamatan; ``None``: all.

    Returns
    -------
    pandas.DataFrame
        The rows of ``per_desa`` with ``jumlah_psm == 0``, same columns, sorted by
        ``kode_wilayah``, 0-based index.

    Raises
    ------
    KeyError
        A needed column is missing.
    """
    out = per_desa[per_desa["jumlah_psm"] == 0]
    if kecamatan is not None:
        out = out[out["kecamatan"] == kecamatan]
    return out.sort_values("kode_wilayah").reset_index(drop=True)


def coverage(per_desa: pd.DataFrame) -> pd.DataFrame:
    """Per kecamatan (by code of its first desa): ``jumlah_desa_kelurahan``,
    ``dengan_psm``, ``dengan_psm_aktif``, ``tanpa_psm``, ``cakupan_persen`` (desa with
    at least one active PSM / all desa x 100), ``jumlah_psm``, ``jumlah_psm_aktif``,
    ``jumlah_psm_diklat``.

    Parameters
    ----------
    per_desa : pandas.DataFrame
        ``catalog.load("psm_per_desa")``: one row per desa/kelurahan with ``kode_wilayah``
        (Kemendagri code), ``desa_kelurahan``, ``kecamatan`` and the int counts
        ``jumlah_psm``, ``jumlah_psm_aktif``, ``jumlah_psm_diklat`` (orang).

    Returns
    -------
    pandas.DataFrame
        One row per kecamatan, sorted by ``kode_kecamatan`` (the desa code without its
        last part): ``kode_kecamatan``, ``kecamatan``, ``jumlah_desa_kelurahan``,
        ``dengan_psm``, ``dengan_psm_aktif``, ``tanpa_psm`` (int64, counts of
        desa/kelurahan), ``cakupan_persen`` (float, persen 0-100), ``jumlah_psm``,
        ``jumlah_psm_aktif``, ``jumlah_psm_diklat`` (int64, orang).

    Raises
    ------
    KeyError
        A needed column is missing.
    """
    df = per_desa.assign(
        kode_kecamatan=per_desa["kode_wilayah"].str.rsplit(".", n=1).str[0],
        _dengan=per_desa["jumlah_psm"] > 0,
        _aktif=per_desa["jumlah_psm_aktif"] > 0,
    )
    g = df.groupby(["kode_kecamatan", "kecamatan"], sort=True)
    out = pd.DataFrame(
        {
            "jumlah_desa_kelurahan": g.size(),
            "dengan_psm": g["_dengan"].sum(),
            "dengan_psm_aktif": g["_aktif"].sum(),
            "jumlah_psm": g["jumlah_psm"].sum(),
            "jumlah_psm_aktif": g["jumlah_psm_aktif"].sum(),
            "jumlah_psm_diklat": g["jumlah_psm_diklat"].sum(),
        }
    ).reset_index()
    out["tanpa_psm"] = out["jumlah_desa_kelurahan"] - out["dengan_psm"]
    out["cakupan_persen"] = out["dengan_psm_aktif"] / out["jumlah_desa_kelurahan"] * 100
    cols = [
        "kode_kecamatan",
        "kecamatan",
        "jumlah_desa_kelurahan",
        "dengan_psm",
        "dengan_psm_aktif",
        "tanpa_psm",
        "cakupan_persen",
        "jumlah_psm",
        "jumlah_psm_aktif",
        "jumlah_psm_diklat",
    ]
    ints = [c for c in cols[2:] if c != "cakupan_persen"]
    return out[cols].astype({c: "int64" for c in ints})


def partial_note(per_desa: pd.DataFrame, all_kecamatan: list[str]) -> str:
    """What a register of only some kecamatan covers, in Indonesian ('' when it covers all).

    Parameters
    ----------
    per_desa : pandas.DataFrame
        :func:`load_psm_per_desa` (only the desa of the kecamatan the register covers).
    all_kecamatan : list of str
        Every kecamatan of the kabupaten (Kemendagri), in order.

    Returns
    -------
    str
        '' for a register of every kecamatan; else one sentence naming the kecamatan it
        covers and saying that every figure below is for those only.

    Examples
    --------
    >>> partial_note(pd.DataFrame({"kecamatan": ["Bunut", "Bunut"]}), ["Langgam", "Bunut"])
    'Register hanya memuat PSM Kecamatan Bunut (1 dari 2 kecamatan Kabupaten Pelalawan): semua angka register di bawah hanya untuk kecamatan itu, bukan untuk seluruh kabupaten.'
    """
    covered = [k for k in all_kecamatan if k in set(per_desa["kecamatan"])]
    if len(covered) == len(all_kecamatan):
        return ""
    from psm_analysis.text import join_and

    which = join_and(covered) if covered else "(tidak ada)"
    return (
        f"Register hanya memuat PSM Kecamatan {which} ({format_number(len(covered))} dari "
        f"{format_number(len(all_kecamatan))} kecamatan Kabupaten Pelalawan): semua angka "
        "register di bawah hanya untuk kecamatan itu, bukan untuk seluruh kabupaten."
    )


def compare_with_table_i2(per_desa: pd.DataFrame, table_i2: pd.DataFrame) -> pd.DataFrame:
    """Per kecamatan (Tabel I.2's ``kode_wilayah``, ``kecamatan``, ``jumlah_psm``):
    ``psm_register``, ``psm_tabel_i2``, ``selisih`` (register minus Tabel I.2) and
    ``sama``; by code.

    Parameters
    ----------
    per_desa : pandas.DataFrame
        ``catalog.load("psm_per_desa")``: one row per desa/kelurahan with ``kode_wilayah``
        (Kemendagri code), ``desa_kelurahan``, ``kecamatan`` and the int counts
        ``jumlah_psm``, ``jumlah_psm_aktif``, ``jumlah_psm_diklat`` (orang).
    table_i2 : pandas.DataFrame
        Tabel I.2 per kecamatan (``catalog.load("psm_per_kecamatan")``):
        ``kode_wilayah`` (kecamatan code), ``kecamatan``, ``jumlah_psm`` (no missing).

    Returns
    -------
    pandas.DataFrame
        One row per kecamatan of Tabel I.2 that ``per_desa`` covers (a partial register
        is compared for its kecamatan only), sorted by code: ``kode_wilayah``,
        ``kecamatan``, ``psm_register``, ``psm_tabel_i2``, ``selisih`` (int64, orang) and
        ``sama`` (bool).

    Raises
    ------
    KeyError
        A needed column is missing.
    """
    reg = coverage(per_desa).set_index("kode_kecamatan")["jumlah_psm"]
    table_i2 = table_i2[table_i2["kode_wilayah"].astype(str).isin(reg.index)]  # covered only
    out = pd.DataFrame(
        {
            "kode_wilayah": table_i2["kode_wilayah"].astype(str),
            "kecamatan": table_i2["kecamatan"].astype(str),
            "psm_register": table_i2["kode_wilayah"].map(reg).fillna(0).astype("int64"),
            "psm_tabel_i2": table_i2["jumlah_psm"].astype("int64"),
        }
    )
    out["selisih"] = out["psm_register"] - out["psm_tabel_i2"]
    out["sama"] = out["selisih"] == 0
    return out.sort_values("kode_wilayah").reset_index(drop=True)


def findings(comparison: pd.DataFrame) -> list[str]:
    """One Indonesian sentence per kecamatan whose register count differs from Tabel I.2
    (empty when all agree). These are findings, not errors.

    Parameters
    ----------
    comparison : pandas.DataFrame
        The output of :func:`compare_with_table_i2`.

    Returns
    -------
    list of str
        In the comparison's order; counts in the Indonesian number format, the difference
        signed ("+2", "-1").

    Raises
    ------
    KeyError
        A needed column is missing.
    """
    out = []
    for r in comparison[~comparison["sama"]].itertuples(index=False):
        sign = "+" if r.selisih > 0 else "\u2212"
        out.append(
            f"Kecamatan {r.kecamatan}: register mencatat {format_number(r.psm_register)} PSM, "
            f"Tabel I.2 mencatat {format_number(r.psm_tabel_i2)} (selisih "
            f"{sign}{format_number(abs(r.selisih))}); kedua sumber mungkin dari tahun yang "
            "berbeda."
        )
    return out


# ------------------------------------------------------------------------ reader tables


def coverage_table(cov: pd.DataFrame) -> pd.DataFrame:
    """:func:`coverage` for the thesis, with a Jumlah row.

    Parameters
    ----------
    cov : pandas.DataFrame
        The output of :func:`coverage`.

    Returns
    -------
    pandas.DataFrame
        One row per kecamatan and a last "Jumlah" row (sums; its coverage recomputed from
        the sums, not averaged): kecamatan, desa/kelurahan, with PSM, with active PSM,
        without PSM (int, desa), coverage by active PSM (float, persen 0-100), PSM, active
        PSM, PSM with Diklat (int, orang).

    Raises
    ------
    KeyError
        A needed column is missing.
    """
    body = cov.drop(columns="kode_kecamatan")
    total = body.drop(columns=["kecamatan", "cakupan_persen"]).sum().to_dict()
    total["kecamatan"] = labels.t("reg.jumlah")
    total["cakupan_persen"] = total["dengan_psm_aktif"] / total["jumlah_desa_kelurahan"] * 100
    body = pd.concat([body, pd.DataFrame([total])], ignore_index=True)
    ints = [c for c in body.columns if c not in ("kecamatan", "cakupan_persen")]
    body = body.astype({c: "int64" for c in ints} | {"cakupan_persen": "float64"})
    return labels.reader_table(body, "register_cakupan")


def villages_table(per_desa: pd.DataFrame, kecamatan: str) -> pd.DataFrame:
    """The desa/kelurahan of one kecamatan with PSM, active PSM and PSM with Diklat.

    Parameters
    ----------
    per_desa : pandas.DataFrame
        ``catalog.load("psm_per_desa")``: one row per desa/kelurahan with ``kode_wilayah``
        (Kemendagri code), ``desa_kelurahan``, ``kecamatan`` and the int counts
        ``jumlah_psm``, ``jumlah_psm_aktif``, ``jumlah_psm_diklat`` (orang).
    kecamatan : str
        Official name of the kecamatan.

    Returns
    -------
    pandas.DataFrame
        One row per desa/kelurahan of the kecamatan, by code, 0-based index: name, PSM,
        active PSM, PSM with Diklat (int, orang); empty for an unknown name.

    Raises
    ------
    KeyError
        A needed column is missing.
    """
    df = per_desa[per_desa["kecamatan"] == kecamatan].sort_values("kode_wilayah")
    return labels.reader_table(df, "register_desa")


def comparison_table(comparison: pd.DataFrame) -> pd.DataFrame:
    """:func:`compare_with_table_i2` for the thesis.

    Parameters
    ----------
    comparison : pandas.DataFrame
        The output of :func:`compare_with_table_i2`.

    Returns
    -------
    pandas.DataFrame
        One row per kecamatan in the given order: kecamatan, PSM in the register, PSM in
        Tabel I.2, difference (register - Tabel I.2; int, orang) and a note ("sama" /
        "berbeda").

    Raises
    ------
    KeyError
        A needed column is missing.
    """
    words = {True: labels.t("reg.sama"), False: labels.t("reg.beda")}
    df = comparison.assign(keterangan=comparison["sama"].map(words))
    return labels.reader_table(df, "register_banding")


# ------------------------------------------------------------------------------- figure
