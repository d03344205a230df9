"""Process-level facts shared by the supervisor and the worker (kept import-light: the supervisor
should not load Faust just to know an exit code)."""

from __future__ import annotations

import ctypes
import signal

EXIT_REWIND = 75  # EX_TEMPFAIL: the worker exits to resume at the offsets stored with the state


def die_with_parent() -> None:
    """Linux: this process gets SIGTERM when its parent dies (even by kill -9), never lingers."""
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass
