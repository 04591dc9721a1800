# Sourced by the benchmark scripts, from the repository root. Not a script of its own.

# Builds the benchmarks module's test classes and the modules they need, and writes their class path to
# benchmarks/target/bench.classpath, unless bench/run-all.sh already did (SKYSOCKET_BENCH_BUILT). Offline first;
# online only if the local repository lacks a jar. test-compile, not compile: the gateway (built with -am) needs
# the shared module's test jar in the reactor.
bench_build() {
  if [ -z "${SKYSOCKET_BENCH_BUILT:-}" ]; then
    local build=(-B -q -pl benchmarks -am test-compile dependency:build-classpath
                 -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test)
    mvn -o "${build[@]}" >&2 || mvn -ntp "${build[@]}" >&2
  fi
}

# The class path of the benchmarks' test classes, once bench_build ran.
bench_classpath() {
  echo "benchmarks/target/test-classes:benchmarks/target/classes:$(cat benchmarks/target/bench.classpath)"
}
