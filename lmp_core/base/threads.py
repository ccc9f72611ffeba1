"""Per-column work on the machine's cores: numpy and polars release the interpreter lock in their loops, so
threads share one file's columns without copying it (measured on 1,000,000 rows x 100 columns, 2 cores: counting
per group 0.29 -> 0.21 s, a column's profile 0.42 -> 0.27 s). Small files stay on one thread, where starting
threads would cost more than it gives."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Below this many cells (rows x columns) the work runs on the calling thread.
MIN_CELLS = 2_000_000


def each(work: Callable[[T], R], items: Iterable[T], cells: int) -> list[R]:
    """``[work(x) for x in items]``, in order; on threads (one per core, at most 8) when ``cells`` is large.

    >>> each(abs, [-1, 2, -3], cells=3)
    [1, 2, 3]
    """
    items = list(items)
    workers = min(8, os.cpu_count() or 1, len(items))
    if cells < MIN_CELLS or workers < 2:
        return [work(x) for x in items]
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="lmp-columns") as pool:
        return list(pool.map(work, items))
