"""docker-compose.yml is closed by default and keeps what must survive a restart."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


def compose() -> dict[str, Any]:
    data = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    assert isinstance(data, dict)
    return data


def test_every_published_port_is_bound_to_loopback() -> None:
    for name, service in compose()["services"].items():
        for port in service.get("ports", []):
            assert str(port).startswith("127.0.0.1:"), f"{name} publishes {port} on every interface"


def test_redis_requires_a_password_and_keeps_an_append_only_file() -> None:
    redis = compose()["services"]["redis"]
    command = [str(x) for x in redis["command"]]
    assert "--requirepass" in command and "--appendonly" in command
    assert command[command.index("--appendonly") + 1] == "yes"
    worker_url = compose()["services"]["worker"]["environment"]["CW_REDIS_URL"]
    assert "${CW_REDIS_PASSWORD}@" in worker_url


def test_kafka_and_redis_both_persist() -> None:
    data = compose()
    assert {"kafka-data", "redis-data"} <= set(data["volumes"])
    mounts = {name: [str(v) for v in s.get("volumes", [])] for name, s in data["services"].items()}
    assert any(m.startswith("kafka-data:") for m in mounts["kafka"])
    assert any(m.startswith("redis-data:") for m in mounts["redis"])


@pytest.mark.skipif(shutil.which("docker-compose") is None, reason="docker-compose not installed")
def test_docker_compose_accepts_the_file() -> None:
    env = {"CW_REDIS_PASSWORD": "secret", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        ["docker-compose", "config", "-q"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
