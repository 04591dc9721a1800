#!/usr/bin/env bash
# One figure of bench/reference.sh, gateway beside stock socket.io in one run: the largest room (up to 10,000 clients) whose p95 broadcast round trip is at most 500 ms.
#   bench/broadcast.sh [--smoke] [other knobs of bench/reference.sh]
exec "$(dirname "$0")/reference.sh" --figures=broadcast "$@"
