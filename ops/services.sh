#!/usr/bin/env bash
# ops/services.sh — run the local Kafka (KRaft, single node) and Redis that claimwatch uses.
# Usage: ops/services.sh up|down|status|logs [kafka|redis ...]
# Data and logs live under $CW_DATA_DIR (default .cw/ at the project root).
set -euo pipefail
# shellcheck source=ops/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KAFKA_LOG="$CW_LOG_DIR/kafka.log"
KAFKA_PIDFILE="$CW_RUN_DIR/kafka.pid"
KAFKA_PROPS="$CW_KAFKA_CONF_DIR/server.properties"
KAFKA_CLUSTER_ID_FILE="$CW_KAFKA_CONF_DIR/cluster.id"
KAFKA_LOG4J="$CW_ROOT/ops/kafka/log4j.properties"
KAFKA_MAIN_CLASS="kafka.Kafka"
REDIS_LOG="$CW_LOG_DIR/redis.log"
REDIS_PIDFILE="$CW_RUN_DIR/redis.pid"
REDIS_CONF="$CW_REDIS_DIR/redis.conf"

usage() {
  cat <<EOF
Usage: ops/services.sh COMMAND [kafka|redis ...]
  up      start the services (no-op for those already running)
  down    stop them (SIGTERM, then SIGKILL after CW_STOP_TIMEOUT=${CW_STOP_TIMEOUT}s)
  status  one line per service; exit 0 when all of them run, 3 otherwise
  logs    follow the logs (tail -F); add --no-follow to print the last lines and exit
Without a service name, the command applies to both (redis and kafka).
Kafka 127.0.0.1:$CW_KAFKA_PORT (controller $CW_KAFKA_CONTROLLER_PORT), Redis 127.0.0.1:$CW_REDIS_PORT,
data and logs under $CW_DATA_DIR.
EOF
}

# ---------------------------------------------------------------- redis

redis_pid() { cw_running_pid "$REDIS_PIDFILE" redis-server; }

redis_up() {
  local pid
  if pid="$(redis_pid)"; then
    if wait_for_port "$CW_REDIS_PORT" "$CW_REDIS_START_TIMEOUT"; then
      log "redis: already running (pid $pid, port $CW_REDIS_PORT); nothing to do"
      return 0
    fi
    die "redis: pid $pid is alive but port $CW_REDIS_PORT does not answer; run 'ops/services.sh down redis' and retry"
  fi
  if cw_port_open "$CW_REDIS_PORT"; then
    die "redis: port $CW_REDIS_PORT is already in use by another process ($(cw_port_owner "$CW_REDIS_PORT")). Stop it, or choose another port with CW_REDIS_PORT=..."
  fi
  have redis-server || die "redis-server is not installed; run ops/install.sh --services-only"

  mkdir -p "$CW_REDIS_DIR"
  cw_rotate_log "$REDIS_LOG"
  rm -f "$REDIS_PIDFILE"
  redis_render_config
  log "redis: starting on 127.0.0.1:$CW_REDIS_PORT (password in $CW_REDIS_PASSWORD_FILE, data $CW_REDIS_DIR, log $REDIS_LOG)"
  redis-server "$REDIS_CONF" || {
    cw_tail_log "$REDIS_LOG" 30
    die "redis: redis-server failed to start"
  }
  if ! wait_for_port "$CW_REDIS_PORT" "$CW_REDIS_START_TIMEOUT"; then
    cw_tail_log "$REDIS_LOG" 30
    die "redis: port $CW_REDIS_PORT did not answer within ${CW_REDIS_START_TIMEOUT}s"
  fi
  local i
  for ((i = 0; i < 20; i++)); do
    pid="$(redis_pid)" && break
    sleep 0.1
  done
  log "redis: started (pid ${pid:-?}, port $CW_REDIS_PORT)"
}

# The config file (mode 600: it holds the password). Loopback only, a password, and both the
# append-only file (every write, fsync each second) and RDB snapshots: a restart loses at most
# the last second, and the worker replays that from Kafka (state and offsets are stored together).
redis_render_config() {
  local password
  password="$(cw_redis_password)"
  (
    umask 077
    {
      printf 'port %s\nbind 127.0.0.1\nprotected-mode yes\ndaemonize yes\n' "$CW_REDIS_PORT"
      printf 'dir %s\npidfile %s\nlogfile %s\ndbfilename dump.rdb\n' "$CW_REDIS_DIR" "$REDIS_PIDFILE" "$REDIS_LOG"
      printf 'save "%s"\nappendonly %s\nappendfsync everysec\nrequirepass %s\n' "$CW_REDIS_SAVE" "$CW_REDIS_APPENDONLY" "$password"
    } >"$REDIS_CONF.tmp"
    mv -f "$REDIS_CONF.tmp" "$REDIS_CONF"
  )
}

redis_down() { cw_stop_pidfile redis "$REDIS_PIDFILE" redis-server; }

redis_status() {
  local pid
  if pid="$(redis_pid)" && cw_port_open "$CW_REDIS_PORT"; then
    printf '%-6s running  pid %-7s port %-5s log %s\n' redis "$pid" "$CW_REDIS_PORT" "$REDIS_LOG"
    return 0
  elif [[ -n "${pid:-}" ]]; then
    printf '%-6s starting pid %-7s port %-5s log %s (port not answering yet)\n' redis "$pid" "$CW_REDIS_PORT" "$REDIS_LOG"
  elif cw_port_open "$CW_REDIS_PORT"; then
    printf '%-6s stopped  pid %-7s port %-5s log %s (port used by another process: %s)\n' redis - "$CW_REDIS_PORT" "$REDIS_LOG" "$(cw_port_owner "$CW_REDIS_PORT")"
  else
    printf '%-6s stopped  pid %-7s port %-5s log %s\n' redis - "$CW_REDIS_PORT" "$REDIS_LOG"
  fi
  return 3
}

# ---------------------------------------------------------------- kafka

kafka_pid() { cw_running_pid "$KAFKA_PIDFILE" "$KAFKA_MAIN_CLASS"; }

kafka_java() { # extra args... (classpath and logging set here)
  "$CW_JAVA" -cp "$CW_KAFKA_LIBS/*" -Dlog4j.configuration="file:$KAFKA_LOG4J" \
    -Dkafka.logs.dir="$CW_LOG_DIR" "$@"
}

kafka_render_config() {
  local text
  mkdir -p "$CW_KAFKA_CONF_DIR" "$CW_KAFKA_DATA"
  text="$(<"$CW_ROOT/ops/kafka/server.properties.template")"
  text="${text//@CW_KAFKA_PORT@/$CW_KAFKA_PORT}"
  text="${text//@CW_KAFKA_CONTROLLER_PORT@/$CW_KAFKA_CONTROLLER_PORT}"
  text="${text//@CW_KAFKA_DATA_DIR@/$CW_KAFKA_DATA}"
  [[ "$text" != *@CW_* ]] || die "kafka: unreplaced placeholder left in server.properties.template"
  printf '%s\n' "$text" >"$KAFKA_PROPS.tmp"
  mv -f "$KAFKA_PROPS.tmp" "$KAFKA_PROPS"
}

# Format the storage directory once; the cluster id is kept in $KAFKA_CLUSTER_ID_FILE.
kafka_format_storage() {
  local meta="$CW_KAFKA_DATA/meta.properties" id format_log="$CW_LOG_DIR/kafka-format.log"
  if [[ -f "$meta" ]]; then
    id="$(sed -n 's/^cluster.id=//p' "$meta")"
    if [[ -n "$id" && ! -s "$KAFKA_CLUSTER_ID_FILE" ]]; then printf '%s\n' "$id" >"$KAFKA_CLUSTER_ID_FILE"; fi
    log "kafka: storage $CW_KAFKA_DATA already formatted (cluster id ${id:-?})"
    return 0
  fi
  if [[ -s "$KAFKA_CLUSTER_ID_FILE" ]]; then
    id="$(tr -d '[:space:]' <"$KAFKA_CLUSTER_ID_FILE")"
  else
    id="$(kafka_java kafka.tools.StorageTool random-uuid 2>>"$format_log" |
      grep -Eo '^[A-Za-z0-9_-]{22}$' | tail -n 1)" || true
    [[ -n "$id" ]] || {
      cw_tail_log "$format_log" 30
      die "kafka: could not generate a cluster id with StorageTool random-uuid"
    }
    printf '%s\n' "$id" >"$KAFKA_CLUSTER_ID_FILE"
  fi
  log "kafka: formatting storage $CW_KAFKA_DATA (cluster id $id)"
  if ! kafka_java kafka.tools.StorageTool format -t "$id" -c "$KAFKA_PROPS" >>"$format_log" 2>&1; then
    cw_tail_log "$format_log" 30
    die "kafka: StorageTool format failed"
  fi
}

kafka_up() {
  local pid
  if pid="$(kafka_pid)"; then
    if cw_port_open "$CW_KAFKA_PORT"; then
      log "kafka: already running (pid $pid, port $CW_KAFKA_PORT); nothing to do"
      return 0
    fi
    log "kafka: pid $pid is alive but port $CW_KAFKA_PORT does not answer yet; waiting"
    kafka_wait_ready "$pid"
    return 0
  fi
  local port
  for port in "$CW_KAFKA_PORT" "$CW_KAFKA_CONTROLLER_PORT"; do
    if cw_port_open "$port"; then
      die "kafka: port $port is already in use by another process ($(cw_port_owner "$port")). Stop it, or choose other ports with CW_KAFKA_PORT / CW_KAFKA_CONTROLLER_PORT"
    fi
  done
  compgen -G "$CW_KAFKA_LIBS/kafka_2.13-*.jar" >/dev/null ||
    die "kafka: no Kafka $CW_KAFKA_VERSION jars in $CW_KAFKA_LIBS; run ops/install.sh --services-only"
  have "$CW_JAVA" || die "kafka: java not found; apt-get install -y openjdk-17-jre-headless"

  kafka_render_config
  kafka_format_storage
  cw_rotate_log "$KAFKA_LOG"
  log "kafka: starting $CW_KAFKA_VERSION on 127.0.0.1:$CW_KAFKA_PORT (controller $CW_KAFKA_CONTROLLER_PORT, heap $CW_KAFKA_HEAP, log $KAFKA_LOG)"
  local -a opts=()
  # shellcheck disable=SC2206  # CW_KAFKA_JAVA_OPTS is a whitespace-separated list of JVM flags
  opts=(-Xms"$CW_KAFKA_HEAP" -Xmx"$CW_KAFKA_HEAP" -XX:+ExitOnOutOfMemoryError
    -Djava.awt.headless=true $CW_KAFKA_JAVA_OPTS)
  cw_spawn "$KAFKA_PIDFILE" "$KAFKA_LOG" "$CW_JAVA" "${opts[@]}" -cp "$CW_KAFKA_LIBS/*" \
    -Dlog4j.configuration="file:$KAFKA_LOG4J" -Dkafka.logs.dir="$CW_LOG_DIR" \
    "$KAFKA_MAIN_CLASS" "$KAFKA_PROPS"
  pid="$(tr -dc '0-9' <"$KAFKA_PIDFILE")"
  kafka_wait_ready "$pid"
}

kafka_wait_ready() { # PID
  local pid=$1 started=$SECONDS deadline=$((SECONDS + CW_KAFKA_START_TIMEOUT))
  while :; do
    if ! cw_pid_alive "$pid"; then
      cw_tail_log "$KAFKA_LOG" 30
      rm -f "$KAFKA_PIDFILE"
      die "kafka: the broker (pid $pid) exited during startup; see $KAFKA_LOG"
    fi
    if grep -q "Kafka Server started" "$KAFKA_LOG" 2>/dev/null && cw_port_open "$CW_KAFKA_PORT"; then
      log "kafka: started (pid $pid, port $CW_KAFKA_PORT) in $((SECONDS - started))s"
      return 0
    fi
    if ((SECONDS >= deadline)); then
      cw_tail_log "$KAFKA_LOG" 30
      die "kafka: not ready after ${CW_KAFKA_START_TIMEOUT}s (pid $pid still running; stop it with 'ops/services.sh down kafka', or raise CW_KAFKA_START_TIMEOUT)"
    fi
    sleep 0.5
  done
}

kafka_down() { cw_stop_pidfile kafka "$KAFKA_PIDFILE" "$KAFKA_MAIN_CLASS"; }

kafka_status() {
  local pid
  if pid="$(kafka_pid)" && cw_port_open "$CW_KAFKA_PORT"; then
    printf '%-6s running  pid %-7s port %-5s log %s\n' kafka "$pid" "$CW_KAFKA_PORT" "$KAFKA_LOG"
    return 0
  elif [[ -n "${pid:-}" ]]; then
    printf '%-6s starting pid %-7s port %-5s log %s (port not answering yet)\n' kafka "$pid" "$CW_KAFKA_PORT" "$KAFKA_LOG"
  elif cw_port_open "$CW_KAFKA_PORT"; then
    printf '%-6s stopped  pid %-7s port %-5s log %s (port used by another process: %s)\n' kafka - "$CW_KAFKA_PORT" "$KAFKA_LOG" "$(cw_port_owner "$CW_KAFKA_PORT")"
  else
    printf '%-6s stopped  pid %-7s port %-5s log %s\n' kafka - "$CW_KAFKA_PORT" "$KAFKA_LOG"
  fi
  return 3
}

# ---------------------------------------------------------------- main

cmd="${1:-}"
[[ $# -gt 0 ]] && shift
follow=1
services=()
for arg in "$@"; do
  case "$arg" in
    kafka | redis) services+=("$arg") ;;
    --no-follow) follow=0 ;;
    -h | --help)
      usage
      exit 0
      ;;
    *)
      usage >&2
      die "unknown service or option: $arg (expected kafka or redis)"
      ;;
  esac
done
((${#services[@]})) || services=(redis kafka)

case "$cmd" in
  up)
    cw_ensure_dirs
    for s in "${services[@]}"; do "${s}_up"; done
    ;;
  down)
    # Stop Kafka before Redis (reverse start order).
    for s in kafka redis; do
      if [[ " ${services[*]} " == *" $s "* ]]; then "${s}_down"; fi
    done
    ;;
  status)
    rc=0
    for s in "${services[@]}"; do "${s}_status" || rc=3; done
    exit "$rc"
    ;;
  logs)
    files=()
    for s in "${services[@]}"; do
      case "$s" in
        kafka) files+=("$KAFKA_LOG") ;;
        redis) files+=("$REDIS_LOG") ;;
      esac
    done
    if ((follow)); then
      exec tail -n 50 -F "${files[@]}"
    fi
    for f in "${files[@]}"; do cw_tail_log "$f" 50 2>&1; done
    ;;
  -h | --help | help)
    usage
    ;;
  *)
    usage >&2
    [[ -z "$cmd" ]] && die "missing command"
    die "unknown command: $cmd"
    ;;
esac
