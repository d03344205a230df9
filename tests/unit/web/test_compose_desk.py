"""docker-compose.yml runs the whole desk: Kafka, Redis, worker, ingester, web view (and push
sinks on request), every port on loopback, every stateful store on a named volume."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[3]
CLAIMWATCH = ("worker", "ingester", "web", "push")


def compose() -> dict[str, Any]:
    data = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    assert isinstance(data, dict)
    return data


def test_the_desk_services_are_there_and_share_the_image() -> None:
    services = compose()["services"]
    assert {"kafka", "redis", *CLAIMWATCH} <= set(services)
    assert services["worker"]["build"]["dockerfile"] == "ops/Dockerfile"
    for name in CLAIMWATCH:
        s = services[name]
        assert s["image"] == "claimwatch:dev"
        assert s["command"][0] == "claimwatch"
        assert "${CW_REDIS_PASSWORD}@redis:6379" in s["environment"]["CW_REDIS_URL"]
        assert s["environment"]["CW_KAFKA_BOOTSTRAP"] == "kafka:19092"
    assert services["ingester"]["command"] == ["claimwatch", "ingest"]
    assert services["web"]["command"] == ["claimwatch", "web"]
    assert services["push"]["profiles"] == ["push"]  # only with a sinks file


def test_metrics_and_the_web_view_are_published_on_loopback_only() -> None:
    services = compose()["services"]
    published = {name: [str(p) for p in s.get("ports", [])] for name, s in services.items()}
    assert published["web"] == ["127.0.0.1:8765:8765"]
    assert published["worker"] == ["127.0.0.1:6066:6066"]
    assert published["ingester"] == ["127.0.0.1:6068:6068"]
    assert published["push"] == ["127.0.0.1:6069:6069"]
    # Inside the container they listen on every interface, or the published port would be dead.
    assert services["web"]["environment"]["CW_WEB_BIND"] == "0.0.0.0"
    assert services["ingester"]["environment"]["CW_INGEST_METRICS_BIND"] == "0.0.0.0"


def test_all_state_persists_in_named_volumes() -> None:
    data = compose()
    assert {"kafka-data", "redis-data", "worker-data"} <= set(data["volumes"])
    mounts = {n: [str(v) for v in s.get("volumes", [])] for n, s in data["services"].items()}
    assert any(m.startswith("worker-data:/home/claimwatch") for m in mounts["worker"])
    for stateless in ("web", "ingester"):
        assert mounts.get(stateless, []) == []  # their state is in Redis and Kafka


def test_the_dockerfile_runs_as_a_non_root_user_with_an_entrypoint() -> None:
    text = (ROOT / "ops" / "Dockerfile").read_text()
    assert "USER 10001:10001" in text
    assert 'ENTRYPOINT ["/app/ops/docker-entrypoint.sh"]' in text
    assert "CW_WORKER_DATA_DIR=/home/claimwatch/.cw/faust" in text
    ignore = (ROOT / "ops" / "Dockerfile.dockerignore").read_text().split()
    assert ".env" in ignore  # the Redis password never enters the image


@pytest.mark.skipif(shutil.which("docker-compose") is None, reason="docker-compose not installed")
def test_docker_compose_accepts_the_file_with_every_profile() -> None:
    env = {"CW_REDIS_PASSWORD": "secret", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        ["docker-compose", "--profile", "push", "config", "--services"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert set(done.stdout.split()) == {"kafka", "redis", *CLAIMWATCH}
