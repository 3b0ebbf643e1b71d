#!/usr/bin/env bash
# Debian packages the tests and renderers need: pango for WeasyPrint, chromium for the browser
# test, pandoc for the Markdown round-trip, poppler-utils for pdftotext, fonts for PDF output.
# Installs only what is missing; needs root (or sudo) on a machine that lacks them.
set -euo pipefail
need=()
command -v chromium  >/dev/null 2>&1 || need+=(chromium)
command -v pandoc    >/dev/null 2>&1 || need+=(pandoc)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
ldconfig -p 2>/dev/null | grep -q libpango-1.0 || need+=(libpango-1.0-0 libpangoft2-1.0-0)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] || need+=(fonts-dejavu-core)
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing Debian packages: ${need[*]}"
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
