#!/bin/sh
# Usage: hash-requirements.sh REQUIREMENTS_FILE...
# Rewrites each requirements file as exact pins with the sha256 of every distribution PyPI has for
# each pinned version, the packages they pull in included, so that `pip install --require-hashes`
# (scripts/python/venv-run.sh) installs exactly the reviewed bytes. The pins stay what the file
# says; a package the file forgot to pin is added at the version the resolver picks. The comment
# lines at the top of the file are kept. The resolver (uv, pinned with hashes in
# requirements-uv.txt beside this script) runs from a throwaway venv; PyPI must be reachable.
set -eu

if [ "$#" -lt 1 ]; then
  echo "usage: hash-requirements.sh REQUIREMENTS_FILE..." >&2
  exit 2
fi

tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT INT TERM
python3 -m venv "$tools/venv"
here=$(cd "$(dirname "$0")" && pwd)
"$tools/venv/bin/python" -m pip install --disable-pip-version-check -q --require-hashes \
  -r "$here/requirements-uv.txt" >&2

for file in "$@"; do
  if [ ! -f "$file" ]; then
    echo "error: requirements file '$file' not found" >&2
    exit 2
  fi
  out="$tools/compiled.txt"
  # --native-tls: the system's trust roots, as pip uses them (a TLS-inspecting proxy's CA included).
  "$tools/venv/bin/uv" pip compile --quiet --native-tls --generate-hashes --no-header --no-annotate \
    --python-version 3.11 "$file" -o "$out"
  {
    sed -n '/^#/!q;p' "$file" | grep -v '^# Hashes:' || true
    echo "# Hashes: every distribution of every pin, for pip --require-hashes; regenerate with"
    echo "# sh scripts/python/hash-requirements.sh $file"
    cat "$out"
  } >"$file.tmp"
  mv "$file.tmp" "$file"
  echo "hashed $(grep -c '==' "$file") pins in $file" >&2
done
