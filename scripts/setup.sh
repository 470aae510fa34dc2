#!/usr/bin/env bash
# Installs the Debian packages eco_monitor needs, only when one is missing.
# Runs apt-get update once before installing; does nothing when all are there.
set -euo pipefail
PKGS=(postgresql-15 postgresql-server-dev-15 postgresql-15-postgis-3
      postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl
      python3)
missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} == 0)); then
  echo "setup: all packages present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
