#!/usr/bin/env bash
# Room latency from a cold start: a fresh fallback gateway (beside a fresh DynamoDB Local, warmed first) and stock
# socket.io 4.8, one after the other in one run; the room of 100 connects, joins and takes 100 emits/s at once. Prints p50/p99
# per second after the first connection and from the 5th second on.
#   bench/cold-latency.sh [--cold-seconds=30] [--cold-from-second=5] [--targets=node,gateway]
#                         [--gateway-jvm-options="..."] [other knobs of bench/reference.sh]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d bench/node-reference/node_modules/socket.io ]; then
  (cd bench/node-reference && npm ci --no-audit --no-fund --loglevel=error) >&2
fi
build=(-B -q -DskipTests -Dskysocket.image.skip -pl benchmarks,examples/chat/gateway -am package
       dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test)
[ "${SKIP_BUILD:-}" = 1 ] || mvn -o "${build[@]}" >&2 || mvn -ntp "${build[@]}" >&2
classpath="benchmarks/target/test-classes:benchmarks/target/classes:$(cat benchmarks/target/bench.classpath)"
# AWS's DynamoDB is always warm: the fresh DynamoDB Local is warmed for 20 s before the gateway starts (set
# -Dskysocket.bench.store-warmup-seconds=0 in JAVA_OPTS to start the gateway beside a cold store).
exec java -Dskysocket.bench.store-warmup-seconds=20 ${JAVA_OPTS:--Xmx1g -XX:+UseParallelGC} -cp "$classpath" dev.skysocket.gateway.bench.ColdStartComparison \
  --gateway-classpath="examples/chat/gateway/target/chat-gateway.jar:examples/chat/gateway/target/lib/*" \
  --node-server=bench/node-reference/server.js --log-dir=target/cold-bench --connections=100 --baseline=10 "$@"
