#!/usr/bin/env bash
# A server's emitWithAck round trip on the local stack, both paths: the example app's `ask` (the server asks the
# client back and waits for its ack) against its `echo`, one at a time on one stock Java client per path.
# Prints a Markdown table.
#
#   bench/server-acks.sh                      # 200 rounds after 20 warm-up
#   bench/server-acks.sh --rounds=500 --warmup=50
#   bench/server-acks.sh --smoke              # 20 rounds, 5 warm-up
set -euo pipefail
cd "$(dirname "$0")/.."

# The benchmarks' test classes and their class path, unless bench/run-all.sh built them.
source bench/lib/build.sh
bench_build

classpath="$(bench_classpath)"
exec java ${JAVA_OPTS:--Xmx1g} -Djava.util.logging.config.file=/dev/null -cp "$classpath" \
  dev.skysocket.benchmarks.AckRoundTrip "$@"
