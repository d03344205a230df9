"""The supervisor restarts a worker that exits to resume (75) at once, and stops with it."""

from __future__ import annotations

import sys
from pathlib import Path

from streams.runtime.process import EXIT_REWIND
from streams.runtime.supervisor import supervise


def test_a_rewind_exit_restarts_the_worker_and_a_clean_exit_ends_supervision(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    child = tmp_path / "child.py"
    child.write_text(
        "import sys, pathlib\n"
        f"p = pathlib.Path({str(runs)!r})\n"
        "n = len(p.read_text().splitlines()) if p.exists() else 0\n"
        "p.write_text(p.read_text() + 'run\\n' if p.exists() else 'run\\n')\n"
        f"sys.exit({EXIT_REWIND} if n == 0 else 0)\n"
    )
    stopped = []
    rc = supervise([], on_stopped=lambda: stopped.append(True), argv=[sys.executable, str(child)])
    assert rc == 0 and runs.read_text().count("run") == 2 and stopped == [True]
