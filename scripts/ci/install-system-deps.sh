#!/usr/bin/env bash
# Debian packages the tests use. Idempotent: skips apt when every command is already present.
set -euo pipefail
need=()
command -v git >/dev/null || need+=(git)
command -v openssl >/dev/null || need+=(openssl)
command -v python3 >/dev/null || need+=(python3)
python3 -c 'import venv, ensurepip' 2>/dev/null || need+=(python3-venv)
# The HTML report is checked in headless Chromium; serving images are built, pushed to a local OCI
# registry and run without a Docker daemon.
command -v chromium >/dev/null || need+=(chromium fonts-dejavu-core)
command -v podman >/dev/null || need+=(podman)
command -v runc >/dev/null || need+=(runc)
command -v docker-registry >/dev/null || need+=(docker-registry)
command -v skopeo >/dev/null || need+=(skopeo)
command -v umoci >/dev/null || need+=(umoci)
# The rendered Kubernetes manifests: `kubectl kustomize` builds each environment, and
# `podman kube play` runs the Deployment (its pause container needs catatonit).
command -v kubectl >/dev/null || need+=(kubernetes-client)
command -v catatonit >/dev/null || [ -x /usr/libexec/podman/catatonit ] || need+=(catatonit)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then echo "install-system-deps: need root to install: ${need[*]}" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
git config --global user.email >/dev/null 2>&1 || git config --global user.email "ci@localhost"
git config --global user.name >/dev/null 2>&1 || git config --global user.name "CI"
