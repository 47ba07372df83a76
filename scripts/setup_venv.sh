#!/bin/sh
# Create the project's venv from requirements.lock: what `make venv` runs.
# Usage: scripts/setup_venv.sh PYTHON VENV
#
# Fast path (about 20 s on 2 cores, see README "Reproducibility"):
#   1. a venv without pip (`venv --without-pip`: 0,1 s instead of 7,7 s for ensurepip);
#   2. uv from the package registry into it, by the base Python's pip (`pip --python`,
#      pip >= 22.3), else by the venv's own pip after ensurepip;
#   3. `uv pip install -r requirements.lock` (plus pip itself, so `pip` works in the venv)
#      and the project, editable;
#   4. the bytecode of the modules a rebuild imports, in two processes (uv writes none).
# Fallback: plain pip installs the same pinned versions when uv cannot be had.
set -eu
PY=$1
VENV=$2
BIN=$VENV/bin
QUIET="--quiet --disable-pip-version-check"

"$PY" -m venv --without-pip "$VENV"

get_uv() {
  "$PY" -m pip --python "$BIN/python" install $QUIET uv 2>/dev/null \
    || { "$BIN/python" -m ensurepip --default-pip >/dev/null \
         && "$BIN/python" -m pip install $QUIET uv; }
}

install_with_uv() {
  "$BIN/uv" pip install --quiet --python "$BIN/python" -r requirements.lock pip \
    && "$BIN/uv" pip install --quiet --python "$BIN/python" --no-deps --no-build-isolation -e .
}

if get_uv && install_with_uv; then
  echo "$VENV: requirements.lock installed with uv"
  # uv writes no bytecode at install; importing the modules a rebuild needs writes theirs,
  # so no kernel compiles them again (not even where PYTHONDONTWRITEBYTECODE is set), at a
  # fraction of the cost of compiling every package. Two processes share the work (one per
  # core): whichever imports a module first writes its bytecode, the other then loads it.
  WARM="import sys; sys.dont_write_bytecode = False; import"
  "$BIN/python" -c "$WARM pandas, scipy.stats" &
  "$BIN/python" -c "$WARM matplotlib.pyplot, matplotlib.backends.backend_pdf, fontTools.subset, \
ipykernel.kernelapp, nbclient, nbconvert, jupytext, docx, openpyxl, lxml.etree, pypdf, yaml, \
pyreadstat, krippendorff, pandas, scipy.stats
import pkgutil, importlib, psm_analysis
for m in pkgutil.walk_packages(psm_analysis.__path__, 'psm_analysis.'):
    if not m.name.endswith('__main__'):
        importlib.import_module(m.name)" || true
  wait || true
else
  echo "$VENV: uv not available, installing requirements.lock with pip"
  "$BIN/python" -m pip --version >/dev/null 2>&1 || "$BIN/python" -m ensurepip --default-pip
  "$BIN/python" -m pip install $QUIET -r requirements.lock
  "$BIN/python" -m pip install $QUIET --no-deps --no-build-isolation -e .
fi
