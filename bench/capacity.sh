#!/usr/bin/env bash
# DynamoDB capacity units per Skysocket operation, as DynamoDB Local reports them (ReturnConsumedCapacity=TOTAL);
# the broadcast lookup by room size and table size beside AWS's documented minimum and a Scan of every connection;
# an idle connection-hour on a simulated clock. Printed as Markdown tables.
#
#   bench/capacity.sh                                  # tables of 1,000 and 100,000 connections (the big one is slow)
#   bench/capacity.sh --tables=1000,10000 --rooms=10,1000,10000
#   bench/capacity.sh --smoke                          # a table of 100, rooms of 10 and 50
#   bench/capacity.sh --counts=docs/benchmarks/counts.properties   # also merge the figures into the counts file
#   bench/capacity.sh --recovery                       # what connection state recovery adds, per operation
set -euo pipefail
cd "$(dirname "$0")/.."

# Build the shared module's test classes and write their class path (offline first; online if the local repo
# lacks a jar), unless run-all.sh already did.
if [ -z "${SKYSOCKET_BENCH_BUILT:-}" ]; then
  build=(-B -q -pl shared test-compile dependency:build-classpath
         -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test)
  mvn -o "${build[@]}" >&2 || mvn -ntp "${build[@]}" >&2
fi

classpath="shared/target/test-classes:shared/target/classes:$(cat shared/target/bench.classpath)"
main=dev.skysocket.apigw.CapacityReport
if [[ " $* " == *" --recovery "* ]]; then
  main=dev.skysocket.apigw.RecoveryCapacityReport
fi
exec java ${JAVA_OPTS:--Xmx3g} -cp "$classpath" "$main" "$@"
