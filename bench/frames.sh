#!/usr/bin/env bash
# Billed API Gateway messages per step, counted at the emulator while real Socket.IO clients (the Java client,
# websocket transport) use the example chat app through the local stack; then idle connections under the heartbeat
# run 120 times faster. Prints a Markdown table.
#
#   bench/frames.sh                                   # 10 clients, 50 events, 60 s idle
#   bench/frames.sh --clients=20 --events=100 --idle-seconds=120
#   bench/frames.sh --smoke                           # 3 clients, 5 events, 6 s idle
#   bench/frames.sh --counts=docs/benchmarks/counts.properties   # also merge the figures into the counts file
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/lib/build.sh
bench_build

classpath="$(bench_classpath)"
exec java ${JAVA_OPTS:--Xmx1g} -cp "$classpath" dev.skysocket.benchmarks.FrameCount "$@"
