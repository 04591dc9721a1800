#!/usr/bin/env bash
# Runs every benchmark, then regenerates the generated sections of docs/benchmarks.md and README.md, the counts file
# (docs/benchmarks/counts.properties) the cost model reads, and the charts (docs/benchmarks/*.png).
#
#   bench/run-all.sh                     # full sizes; slow (the 100,000-connection table alone loads for many minutes)
#   bench/run-all.sh --only=frames,cost  # some of them, in the list's order
#   bench/run-all.sh --smoke             # tiny sizes, everything under target/bench-smoke, docs untouched (CI)
#
# Each benchmark's Markdown (standard output) goes to OUT/NAME.md and its log to OUT/NAME.log. In docs/benchmarks.md
# and README.md the lines between "<!-- generated:NAME -->" and "<!-- /generated:NAME -->" are replaced by OUT/NAME.md; a
# benchmark without markers only leaves its file. A failing benchmark stops the run with exit status 1.
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=false
only=""
for arg in "$@"; do
  case "$arg" in
    --smoke) smoke=true ;;
    --only=*) only=",${arg#--only=}," ;;
    *) echo "usage: bench/run-all.sh [--smoke] [--only=name,name]" >&2; exit 2 ;;
  esac
done

if $smoke; then out=target/bench-smoke; else out=docs/benchmarks; fi
mkdir -p "$out"
counts="$out/counts.properties"

# The list. One entry per benchmark: "name|arguments for a full run|arguments for --smoke"; the command is
# bench/NAME.sh. Add a line here (and markers in docs/benchmarks.md) for a new benchmark. Order matters: cost reads
# the counts that capacity and frames write.
benchmarks=(
  "codec||--smoke"
  "fanout||--connections=50 --rounds=2 --warmup=100 --wrk-seconds=0"
  "capacity|--counts=$counts|--smoke --counts=$counts"
  "frames|--counts=$counts|--smoke --counts=$counts"
  "cost|--counts=$counts --charts=$out|--counts=$counts --charts=$out"
  "reference||--smoke"
  "open-latency||--smoke"
  "coldstart||--smoke"
  "ordered||--smoke"
)

# One build for all: every module the benchmarks use, test classes, the JMH jar and each module's class path.
echo "building" >&2
build=(-B -q -pl benchmarks -am -DskipTests package dependency:build-classpath
       -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test)
mvn -o "${build[@]}" >&2 || mvn -ntp "${build[@]}" >&2
export SKYSOCKET_BENCH_BUILT=1

docs=(docs/benchmarks.md README.md)
if $smoke; then
  # The section replacement is exercised on copies.
  cp docs/benchmarks.md "$out/benchmarks.md"
  cp README.md "$out/README.md"
  docs=("$out/benchmarks.md" "$out/README.md")
fi

replace_section() {
  local name=$1 file=$2 doc
  for doc in "${docs[@]}"; do
    grep -qF "<!-- generated:$name -->" "$doc" || continue
    awk -v start="<!-- generated:$name -->" -v end="<!-- /generated:$name -->" -v file="$file" '
      $0 == start { print; while ((getline line < file) > 0) print line; close(file); skipping = 1; next }
      $0 == end { skipping = 0 }
      !skipping { print }' "$doc" > "$doc.tmp"
    mv "$doc.tmp" "$doc"
  done
}

for entry in "${benchmarks[@]}"; do
  IFS='|' read -r name full quick <<< "$entry"
  if [ -n "$only" ] && [[ "$only" != *",$name,"* ]]; then
    continue
  fi
  if $smoke; then args=$quick; else args=$full; fi
  echo "running bench/$name.sh $args" >&2
  started=$SECONDS
  # shellcheck disable=SC2086 # the argument strings are split on purpose
  if ! "bench/$name.sh" $args > "$out/$name.md" 2> "$out/$name.log"; then
    echo "bench/$name.sh failed; the end of $out/$name.log:" >&2
    tail -n 30 "$out/$name.log" >&2
    exit 1
  fi
  echo "  done in $((SECONDS - started)) s -> $out/$name.md" >&2
  replace_section "$name" "$out/$name.md"
done
echo "all benchmarks ran; results in $out" >&2
