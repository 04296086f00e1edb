#!/usr/bin/env bash
# The S3-protocol servers and peers the S3 remote's tests and benchmarks use. Idempotent: a binary
# already built at the pinned version is kept (cached under ~/.cache/mlops-ci by default).
#   s3s-fs 0.14.1 (crates.io, Apache-2.0): an S3 server over a directory that checks request
#   signatures and x-amz-checksum-sha256, so tests can show refusals (0.17 needs a newer rustc).
#   rclone (Debian): the benchmarks' practical limit for copying to S3.
set -euo pipefail
version=0.14.1
root="${MLOPS_S3S_ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/mlops-ci/s3s-fs-$version}"
if [ ! -x "$root/bin/s3s-fs" ]; then
  if ! command -v cargo >/dev/null; then
    echo "install-s3-server: cargo is needed to build s3s-fs $version (install rustup or Debian's cargo)" >&2
    exit 1
  fi
  cargo install "s3s-fs@$version" --features binary --locked --root "$root"
fi
mkdir -p "$HOME/.local/bin"
ln -sf "$root/bin/s3s-fs" "$HOME/.local/bin/s3s-fs"
if ! command -v rclone >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then echo "install-s3-server: need root to install rclone" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends rclone
fi
echo "s3s-fs: $root/bin/s3s-fs"
