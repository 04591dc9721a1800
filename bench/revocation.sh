#!/usr/bin/env bash
# How long a revocation takes on the local stack: the example app's /admin revoke(user) from a stock Java client,
# timed to the last of the user's clients seeing its disconnect, for a user with 1 and with N connections.
# Prints a Markdown table.
#
#   bench/revocation.sh                       # 20 rounds per size, N = 100
#   bench/revocation.sh --rounds=50 --sockets=200
#   bench/revocation.sh --smoke               # 3 rounds, N = 10
set -euo pipefail
cd "$(dirname "$0")/.."

# The benchmarks' test classes and their class path, unless bench/run-all.sh built them.
source bench/lib/build.sh
bench_build

classpath="$(bench_classpath)"
exec java ${JAVA_OPTS:--Xmx1g} -Djava.util.logging.config.file=/dev/null -cp "$classpath" \
  dev.skysocket.benchmarks.RevocationTime "$@"
