#!/usr/bin/env bash
# Open-packet latency on the local stack: time from each WebSocket 101 to the Engine.IO open packet `0{...}`,
# p50/p99/max over N raw clients, printed as a Markdown table with the conditions of the run.
#
#   bench/open-latency.sh                    # 200 connections after 20 warm-up, one at a time
#   bench/open-latency.sh --smoke            # 10 connections, 3 warm-up
#   bench/open-latency.sh --connections=500 --warmup=50 --concurrency=8
#   OPEN_JFR=/tmp/open.jfr bench/open-latency.sh   # also records a JFR profile
#
# Needs: JDK 17+, Maven. Exit 1 when a client got no open packet.
set -euo pipefail
cd "$(dirname "$0")/.."

build=(-B -q -pl benchmarks -am test-compile dependency:build-classpath
       -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test)
mvn -o "${build[@]}" >&2 || mvn -ntp "${build[@]}" >&2

classpath="benchmarks/target/test-classes:benchmarks/target/classes:$(cat benchmarks/target/bench.classpath)"
java_opts=(${JAVA_OPTS:--Xmx1g})
if [ -n "${OPEN_JFR:-}" ]; then
  java_opts+=("-XX:StartFlightRecording=filename=${OPEN_JFR},settings=profile")
fi
# JFR and the stack's start-up log speak on standard output; keep it for the table.
java "${java_opts[@]}" -Djava.util.logging.config.file=/dev/null -cp "$classpath" \
  dev.skysocket.gateway.bench.open.OpenLatency "$@" | grep -v '\[jfr,startup\]\|^Skysocket'
