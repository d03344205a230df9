"""`claimwatch worker` keeps one Faust worker process running: it restarts the process at once
when it exits to resume from the stored offsets (exit 75), and with a growing pause after a
crash; SIGTERM/SIGINT are passed on for a clean stop. The child dies with the supervisor."""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from types import FrameType

from streams.runtime.process import EXIT_REWIND, die_with_parent

log = logging.getLogger("claimwatch.supervisor")
STABLE_S = 60.0  # a run this long resets the crash backoff
MAX_PAUSE_S = 30.0


def supervise(
    child_args: list[str], on_stopped: Callable[[], object] | None = None, argv: list[str] | None = None
) -> int:
    """Run the worker until it is stopped on purpose; then `on_stopped` (leave the group)."""
    stopping = False
    proc: subprocess.Popen[bytes] | None = None

    def forward(signum: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True
        if proc is not None and proc.poll() is None:
            proc.send_signal(signum)

    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGINT, forward)
    pause = 0.0
    while True:
        started = time.monotonic()
        command = [*(argv or [sys.executable, "-m", "streams.worker_main"]), *child_args]
        proc = subprocess.Popen(command, preexec_fn=die_with_parent)
        rc = proc.wait()
        if stopping or rc == 0:
            if on_stopped is not None:
                on_stopped()
            return rc if rc >= 0 else 0
        if rc == EXIT_REWIND:
            print("claimwatch worker: restarting to resume at the offsets stored with the state", flush=True)
            continue
        pause = 0.0 if time.monotonic() - started > STABLE_S else min(max(pause * 2, 1.0), MAX_PAUSE_S)
        print(f"claimwatch worker: process exited with {rc}; restarting in {pause:.0f} s", flush=True)
        time.sleep(pause)
