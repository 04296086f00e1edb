#!/usr/bin/env bash
# Runs ci.yml's `test` job on this machine as GitHub's hosted runner would: as a user that is not root
# (`runner`, home /home/runner, passwordless sudo, as on ubuntu-latest), through the repository's own
# workflow runner (scripts/e2e/run-workflow.mjs), from a fresh clone of this repository's HEAD into
# /home/runner/work/<repo>/<repo>. Every step of the job runs: checkout, setup-node, the system
# packages script (here as that user, through sudo), npm ci, lint and typecheck, the unit tests and
# the summary that fails on a skip. Run it as root or as a user with passwordless sudo.
#
#   bash scripts/ci/hosted-runner-proof.sh            # the job with a subset of the unit suite
#   bash scripts/ci/hosted-runner-proof.sh --full     # the job with the whole unit suite
#
# The subset is the job's `test-files` input (workflow_dispatch), chosen as the tests whose outcome
# can depend on who runs them and on the checkout: rootless podman and the registry (image,
# image-cli), the browser (report), Python venvs under the user's home (venv-run), git with the
# user's own configuration (git-branch-remote), a clone of the checkout pushed to a bare remote
# (retrain), and the skip check itself (test-summary). The rest of the suite is plain Node over temp
# directories and runs, in full, in the same `.ci/run` as root; running it twice would add about
# five minutes to a run that must stay under thirty on two cores. A --full run found two faults the
# subset now covers: skopeo stopping on /run/containers without XDG_RUNTIME_DIR, and a shallow
# checkout that cannot be pushed to a bare remote (ci.yml checks out with fetch-depth: 0).
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
user=runner
home=/home/$user
subset="test/image.test.ts test/image-cli.test.ts test/report.test.ts test/venv-run.test.ts test/git-branch-remote.test.ts test/retrain.test.ts test/test-summary.test.ts"
full=false
[ "${1:-}" = "--full" ] && full=true

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}

# The runner user: not root, a home under /home, passwordless sudo, subordinate ids for rootless
# podman (GitHub's image has all four; useradd on Debian gives the last one by default).
command -v sudo >/dev/null 2>&1 || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
  --no-install-recommends -o DPkg::Lock::Timeout=300 sudo
if ! id "$user" >/dev/null 2>&1; then
  as_root useradd --create-home --home-dir "$home" --shell /bin/bash "$user"
fi
if ! as_root test -f /etc/sudoers.d/$user; then
  echo "$user ALL=(ALL) NOPASSWD:ALL" | as_root tee /etc/sudoers.d/$user >/dev/null
  as_root chmod 0440 /etc/sudoers.d/$user
fi

# A bare repository holding this clone's HEAD plays GitHub's copy of the repository; the job's
# checkout clones it. Made by root and handed to the user, so git's ownership check is satisfied.
name=$(basename "$src")
work="$home/work"
proof="$work/_proof"
workspace="$work/$name/$name"
as_root rm -rf "$proof" "$workspace" "$work/_temp" "$work/_artifacts"
as_root mkdir -p "$proof"
as_root git clone --quiet --bare "$src" "$proof/origin.git"
sha=$(git -C "$src" rev-parse HEAD)
# setup-node's `cache: npm` restores ~/.npm on GitHub; here the first proof on a machine starts the
# user's cache from the caller's, which `npm ci` has just filled, instead of downloading it all again.
caller_cache=$(npm config get cache 2>/dev/null || true)
if ! as_root test -d "$home/.npm" && [ -n "$caller_cache" ] && [ -d "$caller_cache/_cacache" ]; then
  as_root mkdir -p "$home/.npm"
  as_root cp -a "$caller_cache/_cacache" "$home/.npm/"
  as_root chown -R "$user:$user" "$home/.npm"
fi
as_root chown -R "$user:$user" "$work"
# The runner's session has XDG_RUNTIME_DIR=/run/user/UID (systemd-logind makes it); podman and skopeo
# keep their runtime state and look for registry credentials there. Without it they fall back to
# /run/containers/UID, which a root podman run leaves unreadable (mode 700), so skopeo stops.
uid=$(id -u "$user")
as_root install -d -o "$user" -g "$user" -m 0700 "/run/user/$uid"

if $full; then
  event=push
  payload='{"ref":"refs/heads/main","after":"'"$sha"'","repository":{"full_name":"acme/mlops"}}'
  inputs=()
else
  event=workflow_dispatch
  payload='{"ref":"refs/heads/main","repository":{"full_name":"acme/mlops"},"inputs":{}}'
  inputs=(--input "test-files=$subset")
fi
echo "$payload" | as_root tee "$proof/event.json" >/dev/null

log="$proof/job.log"
echo "hosted-runner proof: ci.yml job test as $user (non-root, passwordless sudo), $event at ${sha:0:12}, log $log"
started=$(date +%s)
status=0
# sudo -H gives the user's own HOME and a clean environment, as the runner service has.
as_root sudo -u "$user" -H -- node "$src/scripts/e2e/run-workflow.mjs" \
  --workflow "$src/.github/workflows/ci.yml" --job test --event "$event" --payload "$proof/event.json" \
  --workspace "$workspace" --runner-temp "$work/_temp" --checkout-remote "$proof/origin.git" \
  --sha "$sha" --ref refs/heads/main --artifacts "$work/_artifacts" --env "XDG_RUNTIME_DIR=/run/user/$uid" \
  "${inputs[@]}" 2>"$log" || status=$?
seconds=$(($(date +%s) - started))
# The job's own summary line, as its step printed it.
sed -n -E 's/^\[test#[0-9]+\] (unit: [0-9]+ passed, [0-9]+ failed.*)$/hosted-runner proof: \1/p' "$log" | tail -n 1
if [ "$status" -ne 0 ]; then
  echo "hosted-runner proof: FAILED after ${seconds}s; the end of the job's log:" >&2
  tail -n 60 "$log" >&2
  exit 1
fi
echo "hosted-runner proof: passed in ${seconds}s"
