# shellcheck shell=bash
# ops/lib.sh — shared settings and helpers for the ops/ scripts.
# Source it (`source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"`); do not run it.
# Every CW_* setting below can be overridden by an environment variable of the same name,
# except CW_ROOT, which is always the folder that holds this ops/ directory.

if [[ -n "${_CW_LIB_LOADED:-}" ]]; then
  return 0
fi
_CW_LIB_LOADED=1

CW_ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Make a path absolute (relative paths are taken from the caller's working directory).
cw_abspath() {
  case "$1" in
    /*) printf '%s\n' "$1" ;;
    *) printf '%s/%s\n' "$PWD" "$1" ;;
  esac
}

CW_DATA_DIR="$(cw_abspath "${CW_DATA_DIR:-$CW_ROOT/.cw}")"
CW_VENV="$(cw_abspath "${CW_VENV:-$CW_ROOT/.venv}")"
CW_PYTHON="${CW_PYTHON:-python3}"
CW_KAFKA_VERSION="${CW_KAFKA_VERSION:-3.9.1}"
CW_KAFKA_PORT="${CW_KAFKA_PORT:-9092}"
CW_KAFKA_CONTROLLER_PORT="${CW_KAFKA_CONTROLLER_PORT:-9093}"
CW_KAFKA_HEAP="${CW_KAFKA_HEAP:-512m}"
CW_KAFKA_JAVA_OPTS="${CW_KAFKA_JAVA_OPTS:-}"
CW_KAFKA_START_TIMEOUT="${CW_KAFKA_START_TIMEOUT:-90}"
CW_REDIS_PORT="${CW_REDIS_PORT:-6379}"
CW_REDIS_SAVE="${CW_REDIS_SAVE-60 1}"
CW_REDIS_APPENDONLY="${CW_REDIS_APPENDONLY:-yes}" # "no" only to restore an RDB backup (see ops/README.md)
CW_REDIS_START_TIMEOUT="${CW_REDIS_START_TIMEOUT:-20}"
CW_STOP_TIMEOUT="${CW_STOP_TIMEOUT:-30}"
CW_JAVA="${CW_JAVA:-java}"
CW_MVN="${CW_MVN:-mvn}"

# Derived locations (not meant to be overridden one by one: move CW_DATA_DIR instead).
CW_LOG_DIR="$CW_DATA_DIR/logs"
CW_RUN_DIR="$CW_DATA_DIR/run"
CW_KAFKA_HOME="$(cw_abspath "${CW_KAFKA_HOME:-$CW_DATA_DIR/kafka/$CW_KAFKA_VERSION}")" # jars; shareable
CW_KAFKA_LIBS="$CW_KAFKA_HOME/libs"
CW_KAFKA_CONF_DIR="$CW_DATA_DIR/kafka"
CW_KAFKA_DATA="$CW_DATA_DIR/kafka-data"
CW_REDIS_DIR="$CW_DATA_DIR/redis"
CW_REDIS_PASSWORD_FILE="$CW_REDIS_DIR/password"

export CW_ROOT CW_DATA_DIR CW_VENV CW_PYTHON CW_KAFKA_VERSION CW_KAFKA_PORT \
  CW_KAFKA_CONTROLLER_PORT CW_KAFKA_HEAP CW_KAFKA_JAVA_OPTS CW_KAFKA_START_TIMEOUT \
  CW_REDIS_PORT CW_REDIS_SAVE CW_REDIS_APPENDONLY CW_REDIS_START_TIMEOUT CW_STOP_TIMEOUT CW_JAVA CW_MVN \
  CW_LOG_DIR CW_RUN_DIR CW_KAFKA_HOME CW_KAFKA_LIBS CW_KAFKA_CONF_DIR CW_KAFKA_DATA CW_REDIS_DIR \
  CW_REDIS_PASSWORD_FILE

CW_SCRIPT="${CW_SCRIPT:-$(basename "$0")}"

log() { printf '[%s] %s\n' "$CW_SCRIPT" "$*" >&2; }
warn() { printf '[%s] WARNING: %s\n' "$CW_SCRIPT" "$*" >&2; }
die() {
  printf '[%s] ERROR: %s\n' "$CW_SCRIPT" "$*" >&2
  exit 1
}
have() { command -v "$1" >/dev/null 2>&1; }

cw_require_int() { # NAME VALUE
  [[ "$2" =~ ^[0-9]+$ ]] || die "$1 must be a number, got '$2'"
}
for _cw_var in CW_KAFKA_PORT CW_KAFKA_CONTROLLER_PORT CW_REDIS_PORT CW_KAFKA_START_TIMEOUT \
  CW_REDIS_START_TIMEOUT CW_STOP_TIMEOUT; do
  cw_require_int "$_cw_var" "${!_cw_var}"
done
unset _cw_var

cw_ensure_dirs() { mkdir -p "$CW_DATA_DIR" "$CW_LOG_DIR" "$CW_RUN_DIR"; }

# The Redis password: generated once (48 hex characters, file mode 600), read by every client
# (the claimwatch settings read CW_REDIS_PASSWORD_FILE; the exported URL carries it too).
cw_redis_password() {
  if [[ ! -s "$CW_REDIS_PASSWORD_FILE" ]]; then
    mkdir -p "$(dirname "$CW_REDIS_PASSWORD_FILE")"
    (
      umask 077
      od -An -tx1 -N24 /dev/urandom | tr -d ' \n' >"$CW_REDIS_PASSWORD_FILE.tmp"
      mv -f "$CW_REDIS_PASSWORD_FILE.tmp" "$CW_REDIS_PASSWORD_FILE"
    )
  fi
  chmod 600 "$CW_REDIS_PASSWORD_FILE"
  tr -d '[:space:]' <"$CW_REDIS_PASSWORD_FILE"
}

# docker compose reads .env at the project root: the same password for the compose stack
# (git-ignored, mode 600; rewritten when the password file changes).
cw_write_compose_env() {
  local env_file="$CW_ROOT/.env" password
  password="$(cw_redis_password)"
  if [[ -f "$env_file" ]] && grep -qx "CW_REDIS_PASSWORD=$password" "$env_file"; then return 0; fi
  (
    umask 077
    {
      if [[ -f "$env_file" ]]; then grep -v '^CW_REDIS_PASSWORD=' "$env_file" || true; fi
      printf 'CW_REDIS_PASSWORD=%s\n' "$password"
    } >"$env_file.tmp"
    mv -f "$env_file.tmp" "$env_file"
  )
}

# Endpoints of the local services, for the tests and the claimwatch CLI.
cw_export_endpoints() {
  export CW_KAFKA_BOOTSTRAP="127.0.0.1:$CW_KAFKA_PORT"
  export CW_REDIS_URL="redis://:$(cw_redis_password)@127.0.0.1:$CW_REDIS_PORT/0"
  export CW_REDIS_PASSWORD_FILE
}

# True when something accepts TCP connections on 127.0.0.1:PORT.
cw_port_open() { # PORT [HOST]
  local port=$1 host=${2:-127.0.0.1}
  (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
}

# Wait until PORT answers; false after TIMEOUT seconds.
wait_for_port() { # PORT TIMEOUT [HOST]
  local port=$1 timeout=$2 host=${3:-127.0.0.1}
  local deadline=$((SECONDS + timeout))
  until cw_port_open "$port" "$host"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
}

# Describe who listens on PORT (best effort, for error messages).
cw_port_owner() { # PORT
  local out=""
  if have ss; then
    out="$(ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*users:((\(.*\)))/\1/p' | head -n 1)"
  fi
  printf '%s\n' "${out:-unknown process}"
}

# True when PID is a live (non-zombie) process.
cw_pid_alive() { # PID
  local pid=$1 stat
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if [[ -r "/proc/$pid/stat" ]]; then
    stat="$(<"/proc/$pid/stat")" || return 1
    stat="${stat##*) }"
    [[ "${stat%% *}" != Z ]] || return 1
  fi
}

# Print the PID from PIDFILE when that process is alive and its command line contains
# PATTERN (guards against a recycled pid); false otherwise.
cw_running_pid() { # PIDFILE PATTERN
  local pidfile=$1 pattern=$2 pid cmdline
  [[ -s "$pidfile" ]] || return 1
  pid="$(tr -dc '0-9' <"$pidfile")"
  cw_pid_alive "$pid" || return 1
  if [[ -r "/proc/$pid/cmdline" ]]; then
    cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline")"
    [[ "$cmdline" == *"$pattern"* ]] || return 1
  fi
  printf '%s\n' "$pid"
}

# Stop the process recorded in PIDFILE: SIGTERM, wait up to TIMEOUT s, then SIGKILL.
cw_stop_pidfile() { # NAME PIDFILE PATTERN [TIMEOUT]
  local name=$1 pidfile=$2 pattern=$3 timeout=${4:-$CW_STOP_TIMEOUT}
  local pid deadline
  if ! pid="$(cw_running_pid "$pidfile" "$pattern")"; then
    log "$name: not running"
    rm -f "$pidfile"
    return 0
  fi
  log "$name: stopping pid $pid (SIGTERM, up to ${timeout}s)"
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + timeout))
  while cw_pid_alive "$pid"; do
    if ((SECONDS >= deadline)); then
      warn "$name: pid $pid still alive after ${timeout}s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 1
      break
    fi
    sleep 0.3
  done
  rm -f "$pidfile"
  log "$name: stopped"
}

# Start COMMAND... detached (own session, immune to SIGHUP and to Ctrl-C in the caller's
# terminal), stdout+stderr appended to LOGFILE, and its pid written to PIDFILE.
cw_spawn() { # PIDFILE LOGFILE COMMAND...
  local pidfile=$1 logfile=$2
  shift 2
  rm -f "$pidfile"
  local -a detach=()
  if have setsid; then detach=(setsid); fi
  # The inner shell writes its own pid, then execs the command, so the pid is the command's.
  # shellcheck disable=SC2016
  "${detach[@]}" nohup bash -c 'echo "$$" >"$0"; exec "$@"' "$pidfile" "$@" \
    >>"$logfile" 2>&1 </dev/null &
  local i
  for ((i = 0; i < 50; i++)); do
    [[ -s "$pidfile" ]] && return 0
    sleep 0.1
  done
  die "could not start $1 (no pid written to $pidfile); see $logfile"
}

# Keep the previous run's log as LOG.1 so that a fresh start gets a fresh log.
cw_rotate_log() { # LOGFILE
  if [[ -s "$1" ]]; then mv -f "$1" "$1.1"; fi
}

cw_tail_log() { # LOGFILE [LINES]
  local file=$1 lines=${2:-30}
  if [[ -f "$file" ]]; then
    printf -- '----- last %s lines of %s -----\n' "$lines" "$file" >&2
    tail -n "$lines" "$file" >&2
    printf -- '----- end of %s -----\n' "$file" >&2
  else
    printf -- '(no log file at %s)\n' "$file" >&2
  fi
}

cw_hash_file() { sha256sum "$1" | cut -d' ' -f1; }

cw_is_ci() {
  case "${CI:-}" in
    [Tt][Rr][Uu][Ee] | 1 | [Yy][Ee][Ss]) return 0 ;;
    *) return 1 ;;
  esac
}
