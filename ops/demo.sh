#!/usr/bin/env bash
# ops/demo.sh — the main job, end to end on this machine:
#   install, start Kafka and Redis, reset the claimwatch topics, start the worker in the
#   background, replay seeds/ in event-time order, print the alerts, then leave the worker
#   running (or stop it with --stop-worker).
# Usage: ops/demo.sh [--stop-worker]
set -euo pipefail
# shellcheck source=ops/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WORKER_LOG="$CW_LOG_DIR/worker.log"
WORKER_PIDFILE="$CW_RUN_DIR/worker.pid"
WORKER_READY="claimwatch worker ready"
CW_WORKER_READY_TIMEOUT="${CW_WORKER_READY_TIMEOUT:-120}"
CW_ALERTS_WAIT="${CW_ALERTS_WAIT:-20}"
cw_require_int CW_WORKER_READY_TIMEOUT "$CW_WORKER_READY_TIMEOUT"
cw_require_int CW_ALERTS_WAIT "$CW_ALERTS_WAIT"

stop_worker_at_end=0
for arg in "$@"; do
  case "$arg" in
    --stop-worker) stop_worker_at_end=1 ;;
    -h | --help)
      sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *) die "unknown argument: $arg (usage: ops/demo.sh [--stop-worker])" ;;
  esac
done

t0="$(date +%s.%N)"
elapsed() { awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

stop_worker() { cw_stop_pidfile worker "$WORKER_PIDFILE" claimwatch 20; }

on_exit() {
  local rc=$?
  if ((rc != 0)); then
    [[ -f "$WORKER_LOG" ]] && cw_tail_log "$WORKER_LOG" 30
    log "demo FAILED (exit $rc) after $(elapsed) s"
  fi
  if ((stop_worker_at_end)); then stop_worker || true; fi
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

cd "$CW_ROOT"
"$CW_ROOT/ops/install.sh"
"$CW_ROOT/ops/services.sh" up
cw_export_endpoints
log "using CW_KAFKA_BOOTSTRAP=$CW_KAFKA_BOOTSTRAP CW_REDIS_URL=$CW_REDIS_URL"

CLI="$CW_VENV/bin/claimwatch"
[[ -x "$CLI" ]] || die "$CLI not found: is [project.scripts] claimwatch in pyproject.toml installed? (ops/install.sh --python-only)"

# A previous demo's worker would consume the replay too: stop it first.
stop_worker

log "step 1/4: claimwatch reset --topics"
"$CLI" reset --topics

log "step 2/4: starting the worker (log $WORKER_LOG)"
cw_ensure_dirs
cw_rotate_log "$WORKER_LOG"
cw_spawn "$WORKER_PIDFILE" "$WORKER_LOG" "$CLI" worker
worker_pid="$(tr -dc '0-9' <"$WORKER_PIDFILE")"
deadline=$((SECONDS + CW_WORKER_READY_TIMEOUT))
until grep -qF "$WORKER_READY" "$WORKER_LOG" 2>/dev/null; do
  cw_pid_alive "$worker_pid" || die "the worker (pid $worker_pid) exited before it was ready; see $WORKER_LOG"
  ((SECONDS < deadline)) ||
    die "the worker (pid $worker_pid) did not log '$WORKER_READY' within ${CW_WORKER_READY_TIMEOUT}s; see $WORKER_LOG"
  sleep 0.5
done
log "worker ready (pid $worker_pid) after $(elapsed) s"

log "step 3/4: claimwatch replay seeds/"
"$CLI" replay seeds/

log "step 4/4: claimwatch alerts --wait $CW_ALERTS_WAIT"
"$CLI" alerts --wait "$CW_ALERTS_WAIT"

if ((stop_worker_at_end)); then
  log "stopping the worker (--stop-worker)"
  stop_worker
  stop_worker_at_end=0
else
  cat >&2 <<EOF
[demo.sh] the worker keeps running (pid $worker_pid, log $WORKER_LOG). To stop everything:
    kill $worker_pid                # the worker (ops/demo.sh --stop-worker stops it for you)
    $CW_ROOT/ops/services.sh down   # Kafka and Redis
EOF
fi
log "demo finished in $(elapsed) s"
