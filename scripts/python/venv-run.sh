#!/bin/sh
# Usage: venv-run.sh REQUIREMENTS_FILE COMMAND [ARGS...]
# Runs COMMAND inside a virtual environment holding exactly the pinned requirements. The venv lives
# in <repo>/.mlops/venvs/<hash of the requirements file>, so a change of pins gets a fresh one and
# an unchanged file reuses it. A venv counts only once its `.complete` marker exists, so an
# interrupted install is redone rather than trusted.
set -eu

if [ "$#" -lt 2 ]; then
  echo "usage: venv-run.sh REQUIREMENTS_FILE COMMAND [ARGS...]" >&2
  exit 2
fi
requirements=$1
shift

if [ ! -f "$requirements" ]; then
  echo "error: requirements file '$requirements' not found (from $(pwd))" >&2
  exit 2
fi

if ! command -v python3 >/dev/null 2>&1; then
  echo "error: this stage needs Python 3 (python3 was not found on PATH)." >&2
  echo "  Debian/Ubuntu: apt-get install python3 python3-venv   macOS: brew install python" >&2
  exit 127
fi
if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  echo "error: python3 has no working 'venv' module (needed to install the pinned requirements)." >&2
  echo "  Debian/Ubuntu: apt-get install python3-venv" >&2
  exit 127
fi

script_dir=$(cd "$(dirname "$0")" && pwd)
root=$script_dir
while [ "$root" != "/" ] && [ ! -d "$root/.git" ] && [ ! -d "$root/.mlops" ]; do
  root=$(dirname "$root")
done
if [ "$root" = "/" ]; then root=$(cd "$script_dir/../.." && pwd); fi

if command -v sha256sum >/dev/null 2>&1; then
  digest=$(sha256sum "$requirements" | cut -c1-16)
else
  digest=$(python3 -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest()[:16])' "$requirements")
fi
venv="$root/.mlops/venvs/$digest"

if [ ! -f "$venv/.complete" ]; then
  echo "creating Python environment for $requirements in .mlops/venvs/$digest (first run only)…" >&2
  rm -rf "$venv"
  mkdir -p "$root/.mlops/venvs"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --disable-pip-version-check -q -r "$requirements" >&2
  : > "$venv/.complete"
fi

PATH="$venv/bin:$PATH"
VIRTUAL_ENV=$venv
export PATH VIRTUAL_ENV
exec "$@"
