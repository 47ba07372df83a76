#!/bin/sh
# Create the project's venv from requirements.lock: what `make venv` runs.
# Usage: scripts/setup_venv.sh PYTHON VENV
#
# Fast path (about 20 s on 2 cores, see README "Reproducibility"):
#   1. a venv without pip (`venv --without-pip`: 0,1 s instead of 7,7 s for ensurepip);
#   2. uv from the package registry into it, by the base Python's pip (`pip --python`,
#      pip >= 22.3), else by the venv's own pip after ensurepip;
#   3. `uv pip sync requirements.lock` (exactly the lock: a package dropped from it is
#      removed), then pip itself (so `pip` works in the venv) and the project, editable;
#   4. the bytecode of the modules a rebuild imports, in two processes (uv writes none).
# When uv cannot be had, or cannot install the lock, plain pip installs the same pinned
# versions (saying so). uv reads UV_INDEX_URL, not pip's PIP_INDEX_URL or pip.conf: behind
# a package mirror, set UV_INDEX_URL too.
set -eu
PY=$1
VENV=$2
BIN=$VENV/bin
QUIET="--quiet --disable-pip-version-check"

# pyproject.toml's requires-python
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "setup_venv: $PY is not Python >= 3.11 (make venv PYTHON=/path/to/python3.11)" >&2
  exit 1
fi

"$PY" -m venv --without-pip "$VENV"

get_uv() {
  [ -x "$BIN/uv" ] && return 0
  "$PY" -m pip --python "$BIN/python" install $QUIET uv 2>/dev/null && return 0
  # the base Python has no pip, or one older than 22.3 (no --python): the venv's own pip
  "$BIN/python" -m pip --version >/dev/null 2>&1 || "$BIN/python" -m ensurepip --default-pip >/dev/null
  "$BIN/python" -m pip install $QUIET uv
}

install_with_uv() {
  "$BIN/uv" pip sync --quiet --python "$BIN/python" requirements.lock \
    && "$BIN/uv" pip install --quiet --python "$BIN/python" pip \
    && "$BIN/uv" pip install --quiet --python "$BIN/python" --no-deps --no-build-isolation -e .
}

USE_UV=no
if get_uv; then
  if install_with_uv; then
    USE_UV=yes
  else
    # e.g. a registry only pip is configured for (uv reads UV_INDEX_URL, not pip.conf)
    echo "$VENV: uv could not install requirements.lock (messages above); trying plain pip" >&2
  fi
else
  echo "$VENV: uv could not be installed; installing requirements.lock with plain pip" >&2
fi

if [ "$USE_UV" = yes ]; then
  echo "$VENV: requirements.lock installed with uv"
  # uv writes no bytecode at install; importing the modules a rebuild needs writes theirs,
  # so no kernel compiles them again (not even where PYTHONDONTWRITEBYTECODE is set), at a
  # fraction of the cost of compiling every package. Two processes share the work (one per
  # core): whichever imports a module first writes its bytecode, the other then loads it.
  WARM="import sys; sys.dont_write_bytecode = False; import"
  "$BIN/python" -c "$WARM pandas, scipy.stats" &
  "$BIN/python" -c "$WARM psm_analysis.runner, jsonschema
import matplotlib.pyplot, matplotlib.backends.backend_pdf, fontTools.subset, \
ipykernel.kernelapp, nbclient, nbconvert, jupytext, docx, openpyxl, lxml.etree, pypdf, yaml, \
pyreadstat, krippendorff, pandas, scipy.stats
import pkgutil, importlib, psm_analysis
for m in pkgutil.walk_packages(psm_analysis.__path__, 'psm_analysis.'):
    if not m.name.endswith('__main__'):
        importlib.import_module(m.name)" || true
  wait || true
else
  "$BIN/python" -m pip --version >/dev/null 2>&1 || "$BIN/python" -m ensurepip --default-pip
  "$BIN/python" -m pip install $QUIET -r requirements.lock
  "$BIN/python" -m pip install $QUIET --no-deps --no-build-isolation -e .
fi
