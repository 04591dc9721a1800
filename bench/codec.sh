#!/usr/bin/env bash
# The codec micro-benchmarks (JMH, benchmarks/target/benchmarks.jar) as a Markdown table of ns/op.
#
#   bench/codec.sh            # 1 fork, 5 × 2 s warm-up, 5 × 2 s measurement per benchmark (about 4 minutes)
#   bench/codec.sh --smoke    # in-process, one 100 ms iteration each: proves the benchmarks still run
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${SKYSOCKET_BENCH_BUILT:-}" ]; then
  build=(-B -q -pl benchmarks -am -DskipTests package)
  mvn -o "${build[@]}" >&2 || mvn -ntp "${build[@]}" >&2
fi

if [ "${1:-}" = "--smoke" ]; then
  jmh=(-f 0 -wi 0 -i 1 -r 100ms)
else
  jmh=(-f 1 -wi 5 -i 5 -w 2s -r 2s)
fi
csv=$(mktemp)
trap 'rm -f "$csv"' EXIT
java -jar benchmarks/target/benchmarks.jar CodecBenchmark "${jmh[@]}" -bm avgt -tu ns -rf csv -rff "$csv" >&2

echo "| benchmark | ns/op (± 99.9 %) |"
echo "|---|---:|"
# JMH's CSV: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit"
tail -n +2 "$csv" | tr -d '"' | awk -F, '{
  n = split($1, parts, "."); err = ($6 == "NaN" || $6 == "") ? "" : sprintf(" ± %.0f", $6);
  printf "| `%s` | %.0f%s |\n", parts[n], $5, err }'
