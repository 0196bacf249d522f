#!/usr/bin/env bash
# Playwright drives the system Chromium (its own browser download is not available
# everywhere); install Debian's package when it is missing and we are allowed to.
set -euo pipefail
chromium="${PLAYWRIGHT_CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Chromium for the browser tests (apt-get install chromium)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium not found at $chromium. Install it (Debian/Ubuntu: sudo apt-get install chromium)" >&2
echo "or point PLAYWRIGHT_CHROMIUM_PATH at a Chromium or Chrome binary." >&2
exit 1
