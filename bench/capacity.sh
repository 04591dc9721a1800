#!/usr/bin/env bash
# DynamoDB capacity units per Skysocket operation, as DynamoDB Local reports them (ReturnConsumedCapacity=TOTAL),
# printed as a Markdown table. Runs in well under a minute.
#
#   bench/capacity.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# Build the shared module's test classes and write their class path (offline first; online if the local repo
# lacks a jar).
build=(-B -q -pl shared test-compile dependency:build-classpath
       -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test)
mvn -o "${build[@]}" >&2 || mvn -ntp "${build[@]}" >&2

classpath="shared/target/test-classes:shared/target/classes:$(cat shared/target/bench.classpath)"
exec java ${JAVA_OPTS:--Xmx1g} -cp "$classpath" dev.skysocket.apigw.CapacityReport "$@"
