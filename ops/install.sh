#!/usr/bin/env bash
# ops/install.sh — install what claimwatch needs on this machine. Idempotent and fast when
# everything is already there.
#   (a) Python venv at $CW_VENV with `pip install -e ".[dev]"` (redone when pyproject.toml changes)
#   (b) redis-server from Debian apt, when missing
#   (c) Apache Kafka $CW_KAFKA_VERSION jars from Maven Central into $CW_DATA_DIR/kafka/VERSION/libs
#   (d) the web view's front-end files from the npm registry (ops/web/package-lock.json: Chart.js)
#       copied into streams/web/static/vendor/ (never a CDN at run time)
#   (e) Debian's chromium and chromium-driver for the browser tests, when missing (needs root)
# Usage: ops/install.sh [--python-only | --services-only]
set -euo pipefail
# shellcheck source=ops/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<EOF
Usage: ops/install.sh [--python-only | --services-only]
  (no flag)        Python venv + web assets + Redis + Kafka jars + Chromium (browser tests)
  --python-only    only the Python venv at $CW_VENV and the web view's front-end files (npm)
  --services-only  only redis-server (apt), the Kafka jars (Maven Central) and Chromium (apt)
EOF
}

do_python=1
do_services=1
for arg in "$@"; do
  case "$arg" in
    --python-only) do_services=0 ;;
    --services-only) do_python=0 ;;
    -h | --help)
      usage
      exit 0
      ;;
    *)
      usage >&2
      die "unknown argument: $arg"
      ;;
  esac
done
((do_python + do_services > 0)) || die "--python-only and --services-only exclude each other"

install_python() {
  local marker="$CW_VENV/.claimwatch-pyproject.sha256" want
  [[ -f "$CW_ROOT/pyproject.toml" ]] || die "no pyproject.toml in $CW_ROOT"
  want="$(cw_hash_file "$CW_ROOT/pyproject.toml")"

  if [[ -x "$CW_VENV/bin/python" ]] && "$CW_VENV/bin/python" -c 'pass' 2>/dev/null; then
    if [[ -f "$marker" && "$(<"$marker")" == "$want" ]]; then
      log "python: venv $CW_VENV is up to date"
      return 0
    fi
  else
    have "$CW_PYTHON" || die "$CW_PYTHON not found; install Python 3.11 or 3.12 (or set CW_PYTHON)"
    "$CW_PYTHON" -c 'import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] < (3, 13) else 1)' ||
      die "claimwatch needs Python 3.11 or 3.12; $CW_PYTHON is $("$CW_PYTHON" -V 2>&1). Set CW_PYTHON."
    log "python: creating venv at $CW_VENV with $("$CW_PYTHON" -V 2>&1)"
    "$CW_PYTHON" -m venv --clear "$CW_VENV" || die "could not create the venv (Debian: apt-get install -y python3-venv)"
  fi

  rm -f "$marker"
  log "python: pip install -e \"${CW_ROOT}[dev]\" (pyproject.toml changed or first install)"
  "$CW_VENV/bin/python" -m pip install --disable-pip-version-check --progress-bar off -q \
    -e "${CW_ROOT}[dev]" || die "pip install failed (see the output above)"
  printf '%s\n' "$want" >"$marker"
  log "python: venv ready ($("$CW_VENV/bin/python" -V 2>&1))"
}

install_redis() {
  cw_redis_password >/dev/null # generated once; ops/services.sh and every client use it
  cw_write_compose_env
  if have redis-server; then
    log "redis: $(redis-server --version | cut -d' ' -f1-3) already installed"
    return 0
  fi
  if ((EUID != 0)); then
    die "redis-server is not installed. Run as root: apt-get update && apt-get install -y redis-server"
  fi
  have apt-get || die "redis-server is not installed and there is no apt-get; install redis-server (>= 6) yourself"
  log "redis: installing redis-server with apt"
  # Keep the package's init scripts from starting a system-wide Redis on port 6379
  # (services.sh runs its own instance under $CW_DATA_DIR).
  local policy=/usr/sbin/policy-rc.d added_policy=0
  if [[ ! -e "$policy" ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    added_policy=1
  fi
  local rc=0
  {
    apt-get update -q &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends redis-server
  } || rc=$?
  if ((added_policy)); then rm -f "$policy"; fi
  ((rc == 0)) || die "apt-get install redis-server failed (exit $rc)"
  have redis-server || die "redis-server still not found after apt-get install"
  log "redis: installed $(redis-server --version | cut -d' ' -f1-3)"
}

# docker-compose (Debian's package) only validates docker-compose.yml in the tests; best effort.
install_compose_checker() {
  if have docker-compose || ((EUID != 0)) || ! have apt-get; then return 0; fi
  log "compose: installing docker-compose with apt (used to validate docker-compose.yml)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends docker-compose >/dev/null 2>&1 ||
    warn "could not install docker-compose; the compose validation test will be skipped"
}

# The web view's front-end files come from the npm registry at install time (pinned by
# ops/web/package-lock.json) and are copied next to the web package; nothing is fetched at run time.
WEB_VENDOR="$CW_ROOT/streams/web/static/vendor"
install_web_assets() {
  local lock="$CW_ROOT/ops/web/package-lock.json" marker="$WEB_VENDOR/.package-lock.sha256" want
  [[ -f "$lock" ]] || die "no $lock"
  want="$(cw_hash_file "$lock")"
  if [[ -f "$marker" && "$(<"$marker")" == "$want" && -s "$WEB_VENDOR/chart.umd.min.js" ]]; then
    log "web: front-end files up to date in $WEB_VENDOR"
    return 0
  fi
  have npm || die "npm not found (the web view's Chart.js comes from the npm registry). Install Node.js and npm: apt-get install -y nodejs npm"
  log "web: npm ci in ops/web (Chart.js, AsyncAPI spec schemas)"
  (cd "$CW_ROOT/ops/web" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error) >&2 ||
    die "npm ci in ops/web failed (see above)"
  mkdir -p "$WEB_VENDOR"
  cp "$CW_ROOT/ops/web/node_modules/chart.js/dist/chart.umd.min.js" "$WEB_VENDOR/chart.umd.min.js"
  cp "$CW_ROOT/ops/web/node_modules/chart.js/LICENSE.md" "$WEB_VENDOR/chart.js.LICENSE.md"
  printf '%s\n' "$want" >"$marker"
  log "web: Chart.js $(sed -n 's/.*"version": "\([^"]*\)".*/\1/p' "$CW_ROOT/ops/web/node_modules/chart.js/package.json" | head -n 1) copied to $WEB_VENDOR"
}

# Debian's Chromium and ChromeDriver drive the web view's browser tests (Playwright launches
# /usr/bin/chromium; no tool downloads a browser of its own).
install_browser() {
  if have chromium && have chromedriver; then
    log "browser: $(chromium --version 2>/dev/null | head -n 1) already installed"
    return 0
  fi
  if ((EUID != 0)) || ! have apt-get; then
    warn "chromium is not installed (the browser tests need it). As root: apt-get install -y chromium chromium-driver"
    return 0
  fi
  log "browser: installing chromium and chromium-driver with apt"
  {
    apt-get update -q >/dev/null &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver >/dev/null
  } || die "apt-get install chromium chromium-driver failed"
  have chromium || die "chromium still not found after apt-get install"
  log "browser: installed $(chromium --version 2>/dev/null | head -n 1)"
}

java_major() {
  local v
  v="$("$CW_JAVA" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)"
  case "$v" in
    1.*) v="${v#1.}" ;;
  esac
  printf '%s\n' "${v%%[.+-]*}"
}

kafka_jars_present() {
  compgen -G "$CW_KAFKA_LIBS/kafka_2.13-*.jar" >/dev/null
}

install_kafka() {
  if kafka_jars_present; then
    log "kafka: $CW_KAFKA_VERSION jars present in $CW_KAFKA_LIBS"
    return 0
  fi
  have "$CW_JAVA" || die "java not found (Kafka needs Java 11+). Install it: apt-get install -y openjdk-17-jre-headless"
  local major
  major="$(java_major)"
  [[ "$major" =~ ^[0-9]+$ && "$major" -ge 11 ]] ||
    die "Kafka $CW_KAFKA_VERSION needs Java 11+, found '$major'. Install: apt-get install -y openjdk-17-jre-headless"
  have "$CW_MVN" || die "mvn not found (needed once to fetch Kafka from Maven Central). Install it: apt-get install -y maven"

  log "kafka: fetching Apache Kafka $CW_KAFKA_VERSION from Maven Central into $CW_KAFKA_LIBS"
  local build="$CW_KAFKA_HOME/build" tmp="$CW_KAFKA_HOME/libs.partial"
  rm -rf "$build" "$tmp"
  mkdir -p "$build" "$tmp"
  # Work on a copy of the pom so that Maven leaves nothing behind in the source tree.
  cp "$CW_ROOT/ops/kafka/pom.xml" "$build/pom.xml"
  local mvn_log="$CW_LOG_DIR/kafka-install.log"
  if ! (
    cd "$build"
    "$CW_MVN" -B -ntp -Dstyle.color=never -Dkafka.version="$CW_KAFKA_VERSION" \
      dependency:copy-dependencies -DoutputDirectory="$tmp" -DincludeScope=runtime
  ) >"$mvn_log" 2>&1 </dev/null; then
    cw_tail_log "$mvn_log" 30
    die "mvn could not fetch Kafka $CW_KAFKA_VERSION (check access to Maven Central and the version); full log: $mvn_log"
  fi
  compgen -G "$tmp/kafka_2.13-*.jar" >/dev/null || die "mvn finished but no kafka_2.13-*.jar in $tmp"
  rm -rf "$CW_KAFKA_LIBS" "$build"
  mv "$tmp" "$CW_KAFKA_LIBS"
  log "kafka: $(find "$CW_KAFKA_LIBS" -name '*.jar' | wc -l) jars installed in $CW_KAFKA_LIBS"
}

cw_ensure_dirs
if ((do_python)); then
  install_python
  install_web_assets
fi
if ((do_services)); then
  install_redis
  install_kafka
  install_compose_checker
  install_browser
fi
log "install: done"
