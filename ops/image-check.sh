#!/usr/bin/env bash
# ops/image-check.sh — check the Docker image without a Docker engine: docker-compose.yml is
# valid (docker-compose config), and ops/Dockerfile's install, run as its non-root user with its
# environment, gives a worker, a web view, an ingester and a replay that work
# (tests/integration/web/test_image.py and the compose tests, against the local Kafka and Redis).
# Needs root (to switch to the image's uid with setpriv).
set -euo pipefail
# shellcheck source=ops/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
exec "$CW_ROOT/ops/test.sh" -q tests/integration/web/test_image.py tests/unit/test_compose.py tests/unit/web/test_compose_desk.py "$@"
