#!/usr/bin/env bash
# Makes sure a Chromium is available for the end-to-end tests: CHROME_PATH if set, else Debian's
# /usr/bin/chromium, installed through apt-get when running as root on Debian.
set -euo pipefail
browser="${CHROME_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
  exit 0
fi
if [ -n "${CHROME_PATH:-}" ]; then
  echo "CHROME_PATH is set to '$CHROME_PATH', but no executable browser is there." >&2
  exit 1
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing: installing Debian's chromium package for the end-to-end tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "No Chromium found at /usr/bin/chromium. Install it (Debian: apt-get install chromium) or set CHROME_PATH." >&2
exit 1
