"""psm-analysis: research compendium for the thesis on the Dinas Sosial Kabupaten Pelalawan
and the performance of its Pekerja Sosial Masyarakat (PSM), Kecamatan Bunut.

The package is imported by the CLI on every call, so this module stays light: no pandas,
matplotlib or statsmodels here. Import the submodules you need.
"""

__version__ = "0.1.0"

from psm_analysis.errors import DataError, Problem  # noqa: E402  (light: stdlib only)

__all__ = ["DataError", "Problem", "__version__"]
