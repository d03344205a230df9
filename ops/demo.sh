#!/usr/bin/env bash
# ops/demo.sh — the main job, end to end on this machine:
#   install, start Kafka and Redis, reset the claimwatch topics, start the worker and the web
#   view in the background, replay seeds/ in event-time order, print a compact summary of the
#   alerts in event-time order, point to the web view, then leave the worker and the web view
#   running (or stop both with --stop-worker).
# Usage: ops/demo.sh [--stop-worker]
set -euo pipefail
# shellcheck source=ops/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WORKER_LOG="$CW_LOG_DIR/worker.log"
WORKER_PIDFILE="$CW_RUN_DIR/worker.pid"
WORKER_READY="claimwatch worker ready"
WEB_LOG="$CW_LOG_DIR/web.log"
WEB_PIDFILE="$CW_RUN_DIR/web.pid"
CW_WORKER_READY_TIMEOUT="${CW_WORKER_READY_TIMEOUT:-120}"
CW_ALERTS_WAIT="${CW_ALERTS_WAIT:-10}"
CW_WEB_PORT="${CW_WEB_PORT:-8765}"
cw_require_int CW_WORKER_READY_TIMEOUT "$CW_WORKER_READY_TIMEOUT"
cw_require_int CW_ALERTS_WAIT "$CW_ALERTS_WAIT"
cw_require_int CW_WEB_PORT "$CW_WEB_PORT"
export CW_WEB_PORT
WEB_URL="http://127.0.0.1:$CW_WEB_PORT/"

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
stop_web() { cw_stop_pidfile web "$WEB_PIDFILE" claimwatch 10; }

on_exit() {
  local rc=$?
  if ((rc != 0)); then
    [[ -f "$WORKER_LOG" ]] && cw_tail_log "$WORKER_LOG" 30
    log "demo FAILED (exit $rc) after $(elapsed) s"
  fi
  if ((stop_worker_at_end)); then
    stop_web || true
    stop_worker || true
  fi
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

cd "$CW_ROOT"
"$CW_ROOT/ops/install.sh"
"$CW_ROOT/ops/services.sh" up
cw_export_endpoints
log "using CW_KAFKA_BOOTSTRAP=$CW_KAFKA_BOOTSTRAP CW_REDIS_URL=${CW_REDIS_URL/\/\/*@/\/\/***@}"

CLI="$CW_VENV/bin/claimwatch"
[[ -x "$CLI" ]] || die "$CLI not found: is [project.scripts] claimwatch in pyproject.toml installed? (ops/install.sh --python-only)"

# A previous demo's worker would consume the replay too, and its web view would show the old
# topics: stop both first.
stop_web
stop_worker

log "step 1/5: claimwatch reset --topics"
"$CLI" reset --topics

log "step 2/5: starting the worker (log $WORKER_LOG)"
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

log "step 3/5: starting the web view on $WEB_URL (log $WEB_LOG)"
if cw_port_open "$CW_WEB_PORT"; then
  die "port $CW_WEB_PORT is taken by $(cw_port_owner "$CW_WEB_PORT"); set CW_WEB_PORT to a free port"
fi
cw_rotate_log "$WEB_LOG"
cw_spawn "$WEB_PIDFILE" "$WEB_LOG" "$CLI" web
web_pid="$(tr -dc '0-9' <"$WEB_PIDFILE")"
wait_for_port "$CW_WEB_PORT" 30 || die "the web view did not listen on $CW_WEB_PORT within 30 s; see $WEB_LOG"

log "step 4/5: claimwatch replay seeds/ (open $WEB_URL to watch the alerts arrive)"
"$CLI" replay seeds/

log "step 5/5: claimwatch alerts --summary --wait $CW_ALERTS_WAIT (event-time order)"
"$CLI" alerts --summary --wait "$CW_ALERTS_WAIT"

if ((stop_worker_at_end)); then
  log "stopping the web view and the worker (--stop-worker)"
  stop_web
  stop_worker
  stop_worker_at_end=0
else
  cat >&2 <<EOF

[demo.sh] The desk: $WEB_URL  (live alerts, stories with timelines, stance tables, search, CSV)
          Every alert's evidence: $CLI alerts    A stance table: $CLI stance russia
[demo.sh] The worker (pid $worker_pid, log $WORKER_LOG) and the web view (pid $web_pid,
          log $WEB_LOG) keep running. To stop everything:
    kill $web_pid $worker_pid        # (ops/demo.sh --stop-worker stops both for you)
    $CW_ROOT/ops/services.sh down   # Kafka and Redis
EOF
fi
log "demo finished in $(elapsed) s"
