#!/usr/bin/env bash
# Makes sure the browser an end-to-end run needs is there: `chromium` (CHROME_PATH, else Debian's
# /usr/bin/chromium) or `firefox` (FIREFOX_PATH, else Debian's /usr/bin/firefox-esr). Installs the
# Debian package when running as root on Debian; otherwise fails with a clear message, never skips.
set -euo pipefail
case "${1:-}" in
  chromium) variable=CHROME_PATH; default=/usr/bin/chromium; package=chromium ;;
  firefox) variable=FIREFOX_PATH; default=/usr/bin/firefox-esr; package=firefox-esr ;;
  *) echo "usage: $0 chromium|firefox" >&2; exit 2 ;;
esac
chosen="${!variable:-}"
browser="${chosen:-$default}"
if [ -x "$browser" ]; then
  exit 0
fi
if [ -n "$chosen" ]; then
  echo "$variable is set to '$chosen', but no executable browser is there." >&2
  exit 1
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "$package is missing: installing Debian's $package package for the end-to-end tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
  exit 0
fi
echo "No browser at $default. Install it (Debian: apt-get install $package) or set $variable." >&2
exit 1
