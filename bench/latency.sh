#!/usr/bin/env bash
# One figure of bench/reference.sh, in one run: emit-to-receive p50/p99 in a 100-member room at 100 emits/s, in
# both set-ups beside stock socket.io: "separate" (the fallback gateway alone, DynamoDB Local in its own process)
# and "local" (the local stack as the README starts it: its gateway, then its API Gateway path). Only the room's
# members and a few more connect (the density figure needs bench/density.sh).
#   bench/latency.sh [--smoke] [--setup=separate|local|separate,local] [--latency-rate=10] [other knobs of bench/reference.sh]
#   bench/latency.sh --targets=apigw      # one target only (gateway, node, local-gateway, apigw)
exec "$(dirname "$0")/reference.sh" --figures=latency --setup=separate,local --connections=200 --baseline=20 "$@"
