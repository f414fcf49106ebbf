#!/usr/bin/env bash
# System packages the tests need beyond Node (idempotent; skipped when present). Debian packages only.
set -euo pipefail
need=()
command -v exiftool >/dev/null 2>&1 || true # exiftool-vendored ships its own Perl script; nothing needed yet.
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq "${need[@]}"; else echo "Please install: ${need[*]}" >&2; exit 1; fi
fi
