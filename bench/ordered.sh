#!/usr/bin/env bash
# Direct vs ordered delivery side by side in ONE run, on loopback: two local stacks of the example app (one with
# skysocket.apigw-message-delivery=direct, one with =ordered: the emulated SQS FIFO queue and event source mapping),
# both running while stock socket.io-clients measure emit -> echo round trips on each in turn, twice (A B A B), at a
# steady rate and in bursts of back-to-back emits, after one unreported pass of each that warms both JVMs up. Prints a Markdown table on standard output, progress on stderr.
#
#   bench/ordered.sh                       # 10 clients x 10 emits/s for 20 s, bursts of 200 x 4 measured rounds
#   bench/ordered.sh --smoke               # seconds
#   bench/ordered.sh --clients=20 --rate=10 --seconds=30 --burst=200 --rounds=5
#   bench/ordered.sh --no-build            # examples/chat/local/target/chat-local.jar is already built
set -euo pipefail
cd "$(dirname "$0")/.."

clients=10 rate=10 seconds=20 warmup=5 burst=200 rounds=5 build=true
for arg in "$@"; do
  case "$arg" in
    --smoke) clients=2 rate=10 seconds=3 warmup=1 burst=20 rounds=2 ;;
    --clients=*) clients="${arg#*=}" ;;
    --rate=*) rate="${arg#*=}" ;;
    --seconds=*) seconds="${arg#*=}" ;;
    --warmup=*) warmup="${arg#*=}" ;;
    --burst=*) burst="${arg#*=}" ;;
    --rounds=*) rounds="${arg#*=}" ;;
    --no-build) build=false ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done

if [ ! -d integration-tests/js/node_modules/socket.io-client ]; then
  (cd integration-tests/js && npm ci --no-audit --no-fund --loglevel=error) >&2
fi
if $build; then
  args=(-B -q -DskipTests -Dskysocket.image.skip -pl examples/chat/local -am package)
  mvn -o "${args[@]}" >&2 || mvn -ntp "${args[@]}" >&2
fi

logs=target/ordered-bench
mkdir -p "$logs"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

declare -A port
for mode in direct ordered; do
  port[$mode]=$(free_port)
  java -Xmx512m -Dskysocket.apigw-message-delivery="$mode" -Dskysocket.apigw-port="${port[$mode]}" \
    -Dskysocket.dynamodb-port=0 -Dskysocket.gateway-port=0 -Dskysocket.gateway-management-port=0 \
    -jar examples/chat/local/target/chat-local.jar >"$logs/$mode.log" 2>&1 &
  pids+=($!)
done
for mode in direct ordered; do
  for _ in $(seq 1 120); do
    (exec 3<>"/dev/tcp/127.0.0.1/${port[$mode]}") 2>/dev/null && break
    sleep 0.5
  done
done

measure() {  # mode, options json -> one JSON line
  node bench/ordered/latency.mjs "ws://127.0.0.1:${port[$1]}" /dev "$2"
}
steady="{\"clients\":$clients,\"rate\":$rate,\"seconds\":$seconds,\"warmup\":$warmup}"
bursty="{\"clients\":1,\"burst\":$burst,\"rounds\":$rounds}"
started=$(date -u +%H:%M)
declare -A result
for mode in direct ordered; do
  echo "warm-up: $mode" >&2
  measure "$mode" "$steady" >/dev/null
  measure "$mode" "$bursty" >/dev/null
done
for pass in 1 2; do
  for mode in direct ordered; do
    echo "pass $pass: $mode steady" >&2
    result[$mode,steady,$pass]=$(measure "$mode" "$steady")
    echo "pass $pass: $mode burst" >&2
    result[$mode,burst,$pass]=$(measure "$mode" "$bursty")
  done
done
load=$(cut -d' ' -f1-3 /proc/loadavg)

field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }
echo "Direct vs ordered delivery on the local stack, $(date -u +%F) $started-$(date -u +%H:%M) UTC, load $load;"
echo "$(nproc) cores. Steady: $clients clients x $rate emits/s, $seconds s after $warmup s; burst: 1 client, $burst back-to-back emits, $((rounds - 1)) measured rounds."
echo
echo "| load | mode | pass | round trips | lost | p50 ms | p99 ms | max ms |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
for load_kind in steady burst; do
  for pass in 1 2; do
    for mode in direct ordered; do
      r=${result[$mode,$load_kind,$pass]}
      echo "| $load_kind | $mode | $pass | $(field "$r" samples) | $(field "$r" lost) | $(field "$r" p50) | $(field "$r" p99) | $(field "$r" max) |"
    done
  done
done
