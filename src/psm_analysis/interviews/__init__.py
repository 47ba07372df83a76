"""interviews inputs (being written: see the open issue)."""
