"""Give a closed session's memory back to the operating system.

A session that ends leaves its survey, counts and charts as garbage in reference cycles, and the
freed blocks stay inside the allocators: glibc keeps one heap ("arena") per busy thread, and
Streamlit runs each session's script on its own threads, so a few hundred small frees scattered
over many arenas pin whole pages. Measured on the 20-session test (README, "Privacy"), the server
stayed about 70 MB above its starting point after every session had gone.

Three standard remedies, applied once per process and after sessions end:

* ``mallopt(M_ARENA_MAX, 2)``: at most two glibc arenas (the setting ``MALLOC_ARENA_MAX=2``
  that servers commonly use), so freed space is reused instead of spread out;
* pyarrow (pandas' string columns) allocates from the system allocator, not its own pool that
  never shrinks;
* after a session is released: ``gc.collect()`` (the cycles), then ``malloc_trim(0)`` (glibc hands
  free pages back).

All of it is a no-op where glibc is not the C library (macOS, Windows, musl).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import threading
from functools import cache

from streamlit.logger import get_logger

# Streamlit's own handler and level: one line per release in the server log, which the concurrency
# test waits for (it holds no data of any session)
_LOG = get_logger(__name__)
RELEASED = "memory released"
_M_ARENA_MAX = -8  # from glibc's malloc.h
_lock = threading.Lock()
_timer: threading.Timer | None = None


@cache
def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    if not name:
        return None
    try:
        libc = ctypes.CDLL(name)
        _ = (libc.malloc_trim, libc.mallopt)  # glibc only: AttributeError elsewhere
    except (OSError, AttributeError):
        return None
    return libc


@cache
def configure_allocators() -> bool:
    """Cap glibc's arenas and send pyarrow's allocations to the system allocator (once per process).

    Returns whether glibc was found.
    """
    try:
        import pyarrow

        pyarrow.set_memory_pool(pyarrow.system_memory_pool())
    except ImportError:  # pragma: no cover - pyarrow is a dependency of streamlit and pandas
        pass
    libc = _libc()
    if libc is None:
        return False
    libc.mallopt(_M_ARENA_MAX, 2)
    return True


def release_now() -> None:
    """Collect reference cycles, then let glibc return free pages to the operating system."""
    gc.collect()
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
    _log(RELEASED)


def _log(message: str) -> None:
    """Log ``message`` unless a stream of the log has been closed.

    The release runs on a timer thread, which can fire after the process's error stream has gone (pytest
    closes its captured stream at the end of a run while an in-process session's timer still waits); the
    logging module would print a ``--- Logging error ---`` report with a traceback instead of the line.
    """
    if not any(getattr(getattr(h, "stream", None), "closed", False) for h in _LOG.handlers):
        _LOG.info(message)


def release_after(seconds: float) -> None:
    """Run :func:`release_now` once, ``seconds`` from now; a later call postpones it.

    Called when a session disconnects with the time Streamlit keeps it for a reconnect, so the
    release comes after the session's data has been dropped and only once for many closing tabs.
    """
    global _timer
    with _lock:
        if _timer is not None:
            _timer.cancel()
        _timer = threading.Timer(seconds, release_now)
        _timer.daemon = True
        _timer.name = "lmp-release-memory"
        _timer.start()
