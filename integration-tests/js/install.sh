#!/bin/sh
# Installs the pinned socket.io-client for the integration tests (run by Maven before the ITs).
# Node and npm must be on PATH: the scenarios run the stock JavaScript client under Node.
set -e
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "[skysocket] The integration tests need Node.js (>= 18) and npm on PATH to run socket.io-client." >&2
  echo "[skysocket] Install Node, or skip them with -DskipITs." >&2
  exit 1
fi
if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)'; then
  echo "[skysocket] Node $(node --version) is too old: the integration tests need Node.js >= 18." >&2
  exit 1
fi
exec npm ci --no-audit --no-fund --loglevel=error
