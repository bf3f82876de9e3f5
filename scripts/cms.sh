#!/usr/bin/env bash
# `make cms`: the web editor locally, without Git knowledge (docs/redaktion.md).
# decap-server (Decap CMS's local backend, port 8081) writes the files of the checkout;
# the devserver rebuilds on every change and serves http://127.0.0.1:$PORT/admin/.
# Ctrl+C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
PROGRAMME="${1:-.}"
PORT="${2:-8000}"
# decap-server works on the Git checkout it is started in; config.yml's paths are relative to it.
PORT=8081 GIT_REPO_DIRECTORY="$(pwd)" node_modules/.bin/decap-server &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT INT TERM
echo "Redaktion: http://127.0.0.1:${PORT}/admin/ (lokales Speichern über decap-server, Port 8081; beenden mit Strg+C)"
.venv/bin/python scripts/devserver.py --port "$PORT" --programme "$PROGRAMME"
