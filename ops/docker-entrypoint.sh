#!/bin/sh
# claimwatch image entrypoint: make sure the user's data directory exists and is writable, then
# run the command (default `claimwatch worker`). Works as any non-root user whose HOME is
# writable; says what is wrong instead of letting the worker restart forever.
set -eu
data="${CW_WORKER_DATA_DIR:-${HOME:-/tmp}/.cw/faust}"
if ! mkdir -p "$data" 2>/dev/null || [ ! -w "$data" ]; then
  echo "claimwatch: cannot write to $data (user $(id -u):$(id -g), HOME=${HOME:-unset})." >&2
  echo "claimwatch: set CW_WORKER_DATA_DIR to a writable directory, or mount a volume there." >&2
  exit 78
fi
if [ "$#" -eq 0 ]; then
  set -- claimwatch worker
fi
exec "$@"
