#!/bin/sh
# Usage: venv-run.sh REQUIREMENTS_FILE COMMAND [ARGS...]
# Runs COMMAND inside a virtual environment holding exactly the pinned requirements, installed with
# pip's --require-hashes: every package (dependencies included) must be pinned with ==, and each
# downloaded file must match one of its listed sha256 hashes, so a replaced file on the index or a
# dependency nobody pinned fails the install instead of running (scripts/python/hash-requirements.sh
# writes such a file). The venv lives
# in <repo>/.mlops/venvs/<first 16 hex of the requirements file's sha256>, so a change of pins gets
# a fresh one and an unchanged file reuses it. A venv counts only once its `.complete` marker
# exists, so an interrupted install is redone rather than trusted. (The venv is built in place, not
# in a temp dir renamed at the end: a venv's scripts carry its absolute path in their shebangs.)
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
  echo "error: this step needs Python 3, and python3 was not found on PATH." >&2
  echo "  Debian/Ubuntu: apt-get install python3 python3-venv    macOS: brew install python" >&2
  exit 127
fi
# Debian and Ubuntu ship the venv module without ensurepip, which venv needs to install pip.
if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  echo "error: $(command -v python3) has no working 'venv' module (it creates the environment for the pinned requirements)." >&2
  echo "  Debian/Ubuntu: apt-get install python3-venv" >&2
  exit 127
fi

script_dir=$(cd "$(dirname "$0")" && pwd)
root=$script_dir
# -e, not -d: in a git worktree .git is a file.
while [ "$root" != "/" ] && [ ! -e "$root/.git" ] && [ ! -d "$root/.mlops" ]; do
  root=$(dirname "$root")
done
if [ "$root" = "/" ]; then root=$(cd "$script_dir/../.." && pwd); fi

if command -v sha256sum >/dev/null 2>&1; then
  digest=$(sha256sum "$requirements" | cut -c1-16)
else
  digest=$(python3 -c 'import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest()[:16])' "$requirements")
fi
venvs="$root/.mlops/venvs"
venv="$venvs/$digest"

# A venv whose python no longer starts (python3 upgraded or removed since) is rebuilt too.
ready() {
  [ -f "$venv/.complete" ] && "$venv/bin/python" -c '' >/dev/null 2>&1
}

if ! ready; then
  mkdir -p "$venvs"
  # Parallel stages may ask for the same venv at once: one builds it, the others wait. flock
  # (util-linux) releases the lock even if the builder is killed; without it, build unlocked.
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$venv.lock"
    flock 9
  fi
  if ! ready; then
    echo "creating Python environment for $requirements in .mlops/venvs/$digest (first run only)…" >&2
    rm -rf "$venv"
    python3 -m venv "$venv"
    # --no-deps: the file already lists the whole closure, hashed; letting pip re-resolve extras such
    # as uvicorn[standard] would name them unpinned and --require-hashes would refuse them.
    "$venv/bin/python" -m pip install --disable-pip-version-check -q --require-hashes --no-deps -r "$requirements" >&2
    : >"$venv/.complete"
  fi
  exec 9>&-
fi

PATH="$venv/bin:$PATH"
VIRTUAL_ENV=$venv
export PATH VIRTUAL_ENV
exec "$@"
