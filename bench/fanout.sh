#!/usr/bin/env bash
# Fan-out load benchmark: signed PostToConnection calls/s from one ManagementApiFanout against the local API
# Gateway emulator, beside wrk's req/s on the same endpoint in the same run, printed as a Markdown table.
#
#   bench/fanout.sh                      # 1,000 connections, 20 rounds after >= 100,000 warm-up calls,
#                                        # maxInFlight 64, then wrk -t1 -c64 -d10s
#   bench/fanout.sh --big                # 10,000 connections
#   bench/fanout.sh --connections=500 --rounds=50 --max-in-flight=128 --wrk-seconds=5
#   bench/fanout.sh --post-path=SIGNED_HTTP  # signed requests on the SDK's Netty client instead of our own pool
#   bench/fanout.sh --post-path=SDK_CLIENT   # PostToConnection through the SDK client
#   FANOUT_JFR=/tmp/fanout.jfr bench/fanout.sh   # also record a JFR profile of the fan-out JVM
#
# Needs: JDK 17+, Maven; installs wrk (Debian package) when it is missing and we are root. Each of the two JVMs
# (emulator + fan-out, WebSocket clients) holds one socket per connection, so `ulimit -n` must exceed N + ~400.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing wrk" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >&2 \
      || echo "could not install wrk: only our worker's figure will be printed" >&2
  else
    echo "wrk is missing (apt-get install -y wrk): only our worker's figure will be printed" >&2
  fi
fi

# Raise the soft open-file limit to the hard one; 10,000 connections need more than the usual 1,024.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

source bench/lib/build.sh
bench_build

java_opts=(${JAVA_OPTS:--Xmx2g})
classpath="$(bench_classpath)"
if [ -n "${FANOUT_JFR:-}" ]; then
  # JFR announces itself on standard output; keep that clear for the table.
  java "${java_opts[@]}" "-XX:StartFlightRecording=filename=${FANOUT_JFR},settings=profile" -cp "$classpath" \
    dev.skysocket.gateway.bench.FanoutLoad "$@" | grep -v '\[jfr,startup\]'
else
  exec java "${java_opts[@]}" -cp "$classpath" dev.skysocket.gateway.bench.FanoutLoad "$@"
fi
