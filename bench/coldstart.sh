#!/usr/bin/env bash
# Cold start of the $connect and $default functions through the AWS Lambda runtime interface client: the Quarkus
# function.zip beside a plain-Java handler doing the same work with the same SDK clients, fresh JVMs, against
# DynamoDB Local and a loopback Management API; printed as a Markdown table with the conditions of the run.
#
#   bench/coldstart.sh                 # 3 runs, 30 warm calls per JVM
#   bench/coldstart.sh --smoke         # 1 run, 3 warm calls
#   bench/coldstart.sh --runs=5 --warm=50
#   bench/coldstart.sh --prime=off     # without the init-time priming (SKYSOCKET_PRIME=false), for before/after
#   COLDSTART_JVM_OPTS="-Xmx512m" bench/coldstart.sh   # child JVM options (default: Lambda's java17+ tiered
#                                                     # settings, -XX:TieredStopAtLevel=1)
#
# Needs: JDK 17+, Maven, unzip. The runtime client is resolved through bench/coldstart/pom.xml (not a module).
set -euo pipefail
cd "$(dirname "$0")/.."

# function.zip, the test classes and their class path (offline first; online if the local repo lacks a jar).
build=(-B -q -pl functions,examples/chat/lambda -am -DskipTests -Dskysocket.image.skip package
       dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test)
mvn -o "${build[@]}" >&2 || mvn -ntp "${build[@]}" >&2
runtime=(-B -q -pl shared dependency:build-classpath -Dmdep.outputFile=target/runtime.classpath
         -Dmdep.includeScope=runtime)
mvn -o "${runtime[@]}" >&2 || mvn -ntp "${runtime[@]}" >&2
ric=(-B -q -f bench/coldstart/pom.xml dependency:build-classpath -Dmdep.outputFile=target/ric.classpath)
mvn -o "${ric[@]}" >&2 || mvn -ntp "${ric[@]}" >&2

fn=functions/target/coldstart-fn
rm -rf "$fn" && mkdir -p "$fn" && unzip -q examples/chat/lambda/target/function.zip -d "$fn"

# The plain handler: the functions' classes and their test app (echo, join) with the shared module's runtime
# class path, no Quarkus.
plain="$PWD/functions/target/test-classes:$PWD/functions/target/classes:$PWD/api/target/classes"
plain+=":$PWD/shared/target/classes:$(cat shared/target/runtime.classpath)"
lambda_core=$(tr ':' '\n' < functions/target/bench.classpath | grep '/aws-lambda-java-core/' | head -1)
plain+=":$lambda_core"

classpath="functions/target/test-classes:functions/target/classes:$(cat functions/target/bench.classpath)"
exec java ${JAVA_OPTS:--Xmx1g} -Djava.util.logging.config.file=/dev/null \
  "-Dcoldstart.quarkus=$PWD/$fn" "-Dcoldstart.plain=$plain" "-Dcoldstart.ric=$(cat bench/coldstart/target/ric.classpath)" \
  "-Dcoldstart.jvm-opts=${COLDSTART_JVM_OPTS:--XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Xmx512m}" \
  -Dcoldstart.logs=functions/target/coldstart-logs -cp "$classpath" dev.skysocket.functions.bench.ColdStart "$@"
