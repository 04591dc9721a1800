#!/usr/bin/env bash
# The monthly cost tables (Markdown) and the PNG charts, computed from the measured counts file and the prices and
# assumptions in bench/cost/inputs.properties. Re-run after the benchmarks; never edit the output by hand.
#
#   bench/cost.sh                                     # counts from docs/benchmarks/counts.properties, no charts
#   bench/cost.sh --charts=docs/benchmarks            # also draw the charts there
#   bench/cost.sh --counts=FILE --inputs=FILE --charts=DIR
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${SKYSOCKET_BENCH_BUILT:-}" ]; then
  # test-compile, not compile: the gateway (built with -am) needs the shared module's test jar in the reactor.
  build=(-B -q -pl benchmarks -am test-compile dependency:build-classpath
         -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test)
  mvn -o "${build[@]}" >&2 || mvn -ntp "${build[@]}" >&2
fi

classpath="benchmarks/target/classes:$(cat benchmarks/target/bench.classpath)"
exec java ${JAVA_OPTS:--Xmx512m} -Djava.awt.headless=true -cp "$classpath" \
  dev.skysocket.benchmarks.cost.CostReport "$@"
