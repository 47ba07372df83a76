"""The PSM register: which desa and kelurahan have a PSM (phenomenon 3 of BAB I).

Tabel I.2 counts PSM per kecamatan only. The register (the SK penetapan PSM or the Dinas
Sosial list) names each PSM's desa/kelurahan, so it can show which desa are served.

- :mod:`~psm_analysis.register.read`: find and read register files (xlsx/csv);
- :mod:`~psm_analysis.register.validate`: check every row against the Kemendagri list;
- :mod:`~psm_analysis.register.template`: the data-entry workbook with drop-downs;
- :mod:`~psm_analysis.register.build`: the builder of ``psm_per_desa.csv``;
- :mod:`~psm_analysis.register.demo`: the seeded demo register (DATA CONTOH);
- :mod:`~psm_analysis.register.analysis`: coverage, desa without PSM, the comparison
  with Tabel I.2, reader tables and the Bunut dot chart;
- :mod:`~psm_analysis.register.sources`: the one place that imports the Dinas Sosial
  module.
"""
