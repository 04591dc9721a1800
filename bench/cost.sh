#!/usr/bin/env bash
# The monthly cost tables (Markdown) and the PNG charts, computed from the measured counts file and the prices and
# assumptions in bench/cost/inputs.properties. Re-run after the benchmarks; never edit the output by hand.
#
#   bench/cost.sh                                     # counts from docs/benchmarks/counts.properties, no charts
#   bench/cost.sh --charts=docs/benchmarks            # also draw the charts there
#   bench/cost.sh --counts=FILE --inputs=FILE --charts=DIR
set -euo pipefail
cd "$(dirname "$0")/.."

# The benchmarks' test classes and their class path, unless bench/run-all.sh built them.
source bench/lib/build.sh
bench_build

classpath="benchmarks/target/classes:$(cat benchmarks/target/bench.classpath)"
exec java ${JAVA_OPTS:--Xmx512m} -Djava.awt.headless=true -cp "$classpath" \
  dev.skysocket.benchmarks.cost.CostReport "$@"
