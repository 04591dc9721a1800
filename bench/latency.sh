#!/usr/bin/env bash
# One figure of bench/reference.sh, in one run: emit-to-receive p50/p99 in a 100-member room at 100 emits/s, on
# the fallback gateway, on stock socket.io, and on the local stack's API Gateway path. Only the room's members and
# a few more connect (the density figure needs bench/density.sh).
#   bench/latency.sh [--smoke] [--latency-rate=10] [other knobs of bench/reference.sh]
exec "$(dirname "$0")/reference.sh" --figures=latency --targets=gateway,node,apigw --connections=200 --baseline=20 "$@"
