#!/bin/sh
# The tests and the demo drive the system Chromium (Playwright cannot download browsers here).
set -eu
if [ -n "${SALESY_CHROMIUM:-}" ] || command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium (needed by the tests and the demo)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-color-emoji >/dev/null
  exit 0
fi
echo "No Chromium found. Install it (Debian: sudo apt-get install chromium) or set SALESY_CHROMIUM." >&2
exit 1
