#!/usr/bin/env bash
# ops/test.sh — the project's one test command.
#   installs what is missing (ops/install.sh), starts Kafka and Redis (ops/services.sh up),
#   then runs pytest from the project root with the given arguments (default: -q tests).
# The tests get CW_KAFKA_BOOTSTRAP and CW_REDIS_URL pointing at the local services.
# Services that were already running are left running. Services this script started are
# stopped at exit only when CI=true; otherwise they stay up for the next run.
# pytest's exit code 5 (no tests collected) is reported as a failure.
set -euo pipefail
# shellcheck source=ops/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

"$CW_ROOT/ops/install.sh"

started=()
for s in redis kafka; do
  if ! "$CW_ROOT/ops/services.sh" status "$s" >/dev/null 2>&1; then started+=("$s"); fi
done

# shellcheck disable=SC2317  # invoked by the EXIT trap
stop_started() {
  if ((${#started[@]})); then
    log "CI: stopping the services this run started: ${started[*]}"
    "$CW_ROOT/ops/services.sh" down "${started[@]}" || warn "could not stop ${started[*]}"
  fi
}
if cw_is_ci; then
  trap stop_started EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
fi

"$CW_ROOT/ops/services.sh" up
cw_export_endpoints
log "tests use CW_KAFKA_BOOTSTRAP=$CW_KAFKA_BOOTSTRAP CW_REDIS_URL=${CW_REDIS_URL/\/\/*@/\/\/***@}"

if (($# == 0)); then set -- -q tests; fi
cd "$CW_ROOT"
rc=0
"$CW_VENV/bin/python" -m pytest "$@" || rc=$?
case "$rc" in
  0) ;;
  5)
    log "FAILED: pytest collected no tests (exit 5) for: $*"
    log "check that the test files exist and match test_*.py; an empty test run is a failure here"
    ;;
  *) log "FAILED: pytest exited with $rc" ;;
esac
exit "$rc"
