#!/usr/bin/env bash
# Make sure the browser tests have a Chromium: Debian's package where apt is available,
# otherwise Playwright's own download (what a user on macOS gets).
set -euo pipefail
python=${1:-python3}

for candidate in "${DEBRIEF_CHROMIUM:-}" /usr/bin/chromium "$(command -v chromium || true)" \
                 "$(command -v chromium-browser || true)"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    exit 0
  fi
done

if command -v apt-get >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing Debian's chromium for the browser tests..."
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
else
  echo "Downloading Playwright's Chromium for the browser tests..."
  "$python" -m playwright install chromium
fi
