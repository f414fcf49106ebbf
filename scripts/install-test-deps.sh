#!/usr/bin/env bash
# Installs what the tests need from Debian: Chromium (driven by playwright-core) and the Noto CJK fonts so that
# Chinese renders in the console's browser journeys' screenshots, and python3-aiosmtpd, the real SMTP server the
# notification e-mail tests start (`/usr/bin/python3 -m aiosmtpd`: Debian's python, not a pyenv one on PATH), and
# poppler-utils (pdfinfo, pdftotext, pdffonts, pdfimages, pdftoppm) and unzip, with which the evidence package tests
# open PDFs and unpack ZIPs as a recipient would.
# Idempotent: does nothing when all are present. Needs root (CI machines of this kind run as root) or passwordless sudo.
set -euo pipefail
missing=()
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
[ -x /usr/bin/chromium ] || missing+=(chromium)
installed fonts-noto-cjk || missing+=(fonts-noto-cjk)
installed python3-aiosmtpd || missing+=(python3-aiosmtpd)
installed poppler-utils || missing+=(poppler-utils)
installed unzip || missing+=(unzip)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
SUDO=''
if [ "$(id -u)" -ne 0 ]; then SUDO='sudo'; fi
echo "Installing ${missing[*]} for the tests…"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
