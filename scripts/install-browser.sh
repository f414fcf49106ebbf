#!/usr/bin/env bash
# Installs what the console's browser journeys need from Debian: Chromium (driven by playwright-core) and the Noto
# CJK fonts so that Chinese renders in screenshots. Idempotent: does nothing when both are present. Needs root (CI
# machines of this kind run as root) or passwordless sudo.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed' || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
SUDO=''
if [ "$(id -u)" -ne 0 ]; then SUDO='sudo'; fi
echo "Installing ${missing[*]} for the browser journeys…"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
