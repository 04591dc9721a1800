#!/usr/bin/env bash
# One figure of bench/reference.sh, gateway beside stock socket.io in one run: memory per idle connected socket (RSS and live heap after GC) at 10,000 connections.
#   bench/density.sh [--smoke] [other knobs of bench/reference.sh]
exec "$(dirname "$0")/reference.sh" --figures=density "$@"
