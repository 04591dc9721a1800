#!/usr/bin/env bash
# The fallback gateway beside stock socket.io 4.8 (bench/node-reference), one after the other in ONE run, on
# loopback, against the same raw Engine.IO client swarm: memory per idle connection (density), emit-to-receive
# latency in a 100-member room at 100 emits/s, and the largest room whose p95 broadcast round trip stays under
# 500 ms. Prints Markdown tables and the exact conditions on standard output; progress on standard error.
#
#   bench/reference.sh                        # all three figures, 10,000 connections
#   bench/reference.sh --smoke                # seconds: 200 connections, small rooms (CI)
#   bench/reference.sh --figures=density --connections=5000 --local-delivery=true --gateway-jfr=/tmp/gw.jfr
#
# Knobs (--name=value): figures, targets (gateway,node), connections, baseline, steps, warmup, rounds,
# p95-limit-ms, latency-members, latency-rate, latency-seconds, latency-warmup-seconds, ping-interval-ms,
# ping-timeout-ms, gateway-heap, gateway-ram (default 2g, the task), gateway-jvm-options (replaces the image's
# JVM flags; quoted, space-separated), local-delivery, gateway-jfr, apigw-jfr (the local stack's JVM),
# gateway-nmt, connect-concurrency, connect-minutes, gateway-connections, log-dir.
set -euo pipefail
cd "$(dirname "$0")/.."

# Every connection is one descriptor in the client JVM and one in the server process.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

if [ ! -d bench/node-reference/node_modules/socket.io ]; then
  (cd bench/node-reference && npm ci --no-audit --no-fund --loglevel=error) >&2
fi

# The example app's gateway and local-stack jars with their lib/ (the servers under test) and the test classes (the harness); offline first.
build=(-B -q -DskipTests -Dskysocket.image.skip -pl benchmarks,examples/chat/gateway,examples/chat/local -am package
       dependency:build-classpath
       -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test)
# BENCH_NO_BUILD=1 runs what is already built (e.g. built beforehand under a lock shared with other builds).
if [ -z "${BENCH_NO_BUILD:-}" ]; then
  mvn -o "${build[@]}" >&2 || mvn -ntp "${build[@]}" >&2
fi

classpath="benchmarks/target/test-classes:benchmarks/target/classes:$(cat benchmarks/target/bench.classpath)"
# The client swarm is the load, not the subject: Parallel GC because G1's concurrent refinement took about a fifth
# of the swarm's CPU while it received broadcasts (perf, 2026-11-22), CPU the servers under test then lacked.
exec java ${JAVA_OPTS:--Xmx2g -XX:+UseParallelGC} -cp "$classpath" dev.skysocket.gateway.bench.ReferenceComparison \
  --gateway-classpath="examples/chat/gateway/target/chat-gateway.jar:examples/chat/gateway/target/lib/*" \
  --local-classpath="examples/chat/local/target/chat-local.jar:examples/chat/local/target/lib/*" \
  --node-server=bench/node-reference/server.js --log-dir=target/reference-bench "$@"
