"""`python -m psm_analysis` is the same as the `psm-analysis` command."""

from psm_analysis.cli import main

raise SystemExit(main())
