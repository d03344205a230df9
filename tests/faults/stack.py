"""A private Kafka + Redis for the fault tests, started by ops/services.sh under a temporary data
dir and free ports, so killing them never touches the services other tests use."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

from streams.settings import free_port

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ROOT / "ops" / "services.sh"


class Stack:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        default_home = ROOT / ".cw" / "kafka" / os.environ.get("CW_KAFKA_VERSION", "3.9.1")
        self.env = {
            **os.environ,
            "CW_DATA_DIR": str(data_dir),
            "CW_KAFKA_HOME": os.environ.get("CW_KAFKA_HOME", str(default_home)),
            "CW_KAFKA_PORT": str(free_port()),
            "CW_KAFKA_CONTROLLER_PORT": str(free_port()),
            "CW_REDIS_PORT": str(free_port()),
            "CW_KAFKA_HEAP": "384m",
        }

    def _services(self, *args: str) -> None:
        subprocess.run(
            ["bash", str(SERVICES), *args], env=self.env, check=True, capture_output=True, timeout=180
        )

    def up(self, *services: str, **env: str) -> None:
        subprocess.run(
            ["bash", str(SERVICES), "up", *services],
            env={**self.env, **env},
            check=True,
            capture_output=True,
            timeout=180,
        )

    def down(self) -> None:
        self._services("down")

    def kill(self, service: str) -> None:
        """kill -9, as a crash or an OOM killer would."""
        pidfile = self.data_dir / "run" / f"{service}.pid"
        os.kill(int(pidfile.read_text().strip()), signal.SIGKILL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and self._port_open(service):
            time.sleep(0.1)

    def _port_open(self, service: str) -> bool:
        import socket

        port = int(self.env["CW_REDIS_PORT" if service == "redis" else "CW_KAFKA_PORT"])
        with socket.socket() as s:
            s.settimeout(0.2)
            return s.connect_ex(("127.0.0.1", port)) == 0

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.env['CW_KAFKA_PORT']}"

    @property
    def redis_url(self) -> str:
        password = (self.data_dir / "redis" / "password").read_text().strip()
        return f"redis://:{password}@127.0.0.1:{self.env['CW_REDIS_PORT']}/0"


def redis_cli(stack: Stack, *args: str) -> str:
    password = (stack.data_dir / "redis" / "password").read_text().strip()
    cmd = ["redis-cli", "-p", stack.env["CW_REDIS_PORT"], "--no-auth-warning", "-a", password, *args]
    return subprocess.run(cmd, capture_output=True, text=True, check=True, timeout=60).stdout


def snapshot_redis(stack: Stack, into: Path) -> None:
    """A point-in-time copy of Redis's data (what a backup or an old RDB file would hold)."""
    redis_cli(stack, "SAVE")
    shutil.copy(stack.data_dir / "redis" / "dump.rdb", into)


def restore_redis(stack: Stack, snapshot: Path) -> None:
    """Redis dies and comes back from an older snapshot: everything written since is gone. The
    documented restore: start without the append-only file (so the RDB is loaded), then turn it on."""
    stack.kill("redis")
    shutil.rmtree(stack.data_dir / "redis" / "appendonlydir", ignore_errors=True)
    shutil.copy(snapshot, stack.data_dir / "redis" / "dump.rdb")
    stack.up("redis", CW_REDIS_APPENDONLY="no")
    redis_cli(stack, "CONFIG", "SET", "appendonly", "yes")
