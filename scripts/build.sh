#!/usr/bin/env bash
# Build and install the extension into the local PostgreSQL 15.
set -euo pipefail
cd "$(dirname "$0")/.."
make -s -j2 COPT=-Werror
if [ "$(id -u)" -eq 0 ]; then make -s install >/dev/null; else sudo make -s install >/dev/null; fi
