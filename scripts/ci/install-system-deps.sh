#!/usr/bin/env bash
# The system tools the tests use, on Debian 12/13 and on Ubuntu 24.04 as GitHub's ubuntu-latest
# image has it. What is already installed is used; apt installs only what is missing. Runs as root,
# or as a user with passwordless sudo (GitHub's `runner` user, or the user scripts/ci/hosted-runner-
# proof.sh creates). Idempotent: a second run changes nothing.
#
# What ubuntu-latest ships (actions/runner-images, images/ubuntu/Ubuntu2404-Readme.md): git, openssl,
# python3, sudo, Google Chrome (CHROME_BIN=/usr/bin/google-chrome), podman 4.9, buildah, skopeo, and
# runc through Docker's containerd.io. It lacks docker-registry, so that one is installed there. Its
# Chromium is a snap on a plain Ubuntu, which the tests cannot use (scripts/ci/find-browser.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
me=$(id -un)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    echo "install-system-deps: '$*' needs root: run this as root or as a user with passwordless sudo" >&2
    return 1
  fi
}
have() { command -v "$1" >/dev/null 2>&1; }

distro=unknown
if [ -r /etc/os-release ]; then distro=$(. /etc/os-release && echo "${ID:-unknown}"); fi

need=()
have git || need+=(git)
have openssl || need+=(openssl)
have python3 || need+=(python3)
python3 -c 'import venv, ensurepip' 2>/dev/null || need+=(python3-venv)

# The HTML report is checked in a headless browser. Debian's chromium is a real package; on Ubuntu
# it is a snap, so there the runner image's Google Chrome (or CHROME_BIN) must be present.
if ! bash "$here/find-browser.sh" >/dev/null; then
  case "$distro" in
    ubuntu)
      echo "install-system-deps: no usable Chrome or Chromium: Ubuntu's chromium is a snap the tests" \
        "cannot use; install Google Chrome (GitHub's runner image has it) or point CHROME_BIN at one" >&2
      exit 1
      ;;
    *) need+=(chromium fonts-dejavu-core) ;;
  esac
fi

# Serving images are built, pushed to a local OCI registry and run without a Docker daemon. The
# tests run podman with `--runtime runc`; the runner image's runc comes with containerd.io, which
# Ubuntu's runc package would conflict with, so it is installed only when absent.
have podman || need+=(podman)
have runc || need+=(runc)
have docker-registry || need+=(docker-registry)
have skopeo || need+=(skopeo)
# The rendered Kubernetes manifests: `kubectl kustomize` builds each environment, and
# `podman kube play` runs the Deployment (its pause container needs catatonit).
have kubectl || need+=(kubernetes-client)
have catatonit || [ -x /usr/libexec/podman/catatonit ] || need+=(catatonit)
# The rendered alerting rules are checked with promtool, and a real Prometheus scrapes a server
# in the tests (Debian's prometheus package has both; Ubuntu's too).
have promtool || need+=(prometheus)
# Rootless podman (any user but root) maps the image's users through newuidmap/newgidmap.
if [ "$(id -u)" -ne 0 ]; then
  have newuidmap || need+=(uidmap)
  have slirp4netns || need+=(slirp4netns)
fi

if [ ${#need[@]} -gt 0 ]; then
  echo "install-system-deps: installing ${need[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o DPkg::Lock::Timeout=300 "${need[@]}"
fi

# Rootless podman also needs a range of subordinate ids for this user. GitHub's runner user has one;
# a user made with useradd on Debian does too, but one made otherwise may not.
if [ "$(id -u)" -ne 0 ]; then
  if ! grep -q "^${me}:" /etc/subuid 2>/dev/null || ! grep -q "^${me}:" /etc/subgid 2>/dev/null; then
    echo "install-system-deps: giving $me subordinate ids 100000-165535 for rootless podman"
    as_root usermod --add-subuids 100000-165535 --add-subgids 100000-165535 "$me"
    podman system migrate >/dev/null 2>&1 || true
  fi
fi

git config --global user.email >/dev/null 2>&1 || git config --global user.email "ci@localhost"
git config --global user.name >/dev/null 2>&1 || git config --global user.name "CI"
