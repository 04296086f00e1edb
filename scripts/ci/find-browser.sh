#!/usr/bin/env bash
# Prints the path of a Chrome or Chromium that headless tests can launch, or exits 1. The one lookup
# both scripts/ci/install-system-deps.sh (install a browser only when this finds none) and the tests
# (test/support/tools.ts findBrowser) use, so they never disagree about what is installed.
#
# Order: CHROME_BIN when set (GitHub's ubuntu-latest sets it to its Google Chrome), Google Chrome,
# then Chromium. A snap's Chromium is refused: Ubuntu's `chromium-browser` package only installs a
# stub that starts the snap, and the snap's private /tmp cannot open the pages the tests write there.
set -u

usable() {
  local path
  path=$(command -v "$1" 2>/dev/null) || return 1
  [ -x "$path" ] || return 1
  local real
  real=$(readlink -f "$path")
  case "$real" in /snap/*) return 1 ;; esac
  # The stub is a shell script that execs /snap/bin/chromium; Google's own wrapper is a script too.
  if head -c 2 "$real" 2>/dev/null | grep -q '^#!' && grep -q '/snap/' "$real" 2>/dev/null; then return 1; fi
  printf '%s\n' "$path"
}

for candidate in "${CHROME_BIN:-}" google-chrome-stable google-chrome /opt/google/chrome/chrome chromium chromium-browser; do
  [ -n "$candidate" ] || continue
  usable "$candidate" && exit 0
done
exit 1
