#!/usr/bin/env bash
# One figure of bench/reference.sh, gateway beside stock socket.io in one run: emit-to-receive p50/p99 in a 100-member room at 100 emits/s.
#   bench/latency.sh [--smoke] [other knobs of bench/reference.sh]
exec "$(dirname "$0")/reference.sh" --figures=latency "$@"
