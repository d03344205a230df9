"""Child-process helpers shared by the benchmark and the integration tests."""

from __future__ import annotations

import subprocess


def stop_process(proc: subprocess.Popen[str] | subprocess.Popen[bytes], grace_s: float = 20.0) -> None:
    """SIGTERM, wait up to grace_s, then SIGKILL: a Faust worker gets the chance to commit offsets."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(grace_s)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)
