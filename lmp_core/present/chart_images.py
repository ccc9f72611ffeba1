"""PNG and SVG bytes of a chart, made in a worker process so that no input can take the server down.

The chart renderer, vl-convert, is Rust: on some text it panics and *aborts the whole process*, which
Python cannot catch (in the app that ended every user's session). Two layers keep that from happening:

1. every string in the chart's spec is cleaned first (:func:`lmp_core.base.sanitize.safe_tree`), which
   removes every cause known today (control characters);
2. the conversion itself runs in a separate process. If that process dies or hangs, the caller gets a
   :class:`~lmp_core.base.errors.SurveyError` with a plain message and the next call starts a new worker;
   the server and every other session keep running.

Up to :data:`WORKERS` workers serve the whole process, each a plain child process
(:mod:`lmp_core.present.chart_worker`) that imports nothing but vl-convert and draws one chart at a time. A call
takes the worker used last that is free (a second is started only when two calls overlap, as when a report's
charts are drawn together: :func:`convert_all`) and waits when all are busy.
"""

from __future__ import annotations

import json
import os
import queue
import select
import subprocess
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Literal

from lmp_core.base.errors import SurveyError
from lmp_core.base.sanitize import safe_tree
from lmp_core.present.chart_worker import read_message, write_message

Kind = Literal["png", "svg"]
#: seconds one chart may take before the worker is stopped (a 100-question chart takes about 2 s)
TIMEOUT_S = 120.0


_WORKER = Path(__file__).with_name("chart_worker.py")


class _Worker:
    """A ``python chart_worker.py`` child process spoken to over its stdin and stdout.

    A plain subprocess rather than :mod:`multiprocessing`: the server's ``__main__`` is Streamlit's (or
    a test runner's), and a spawned child would import it again.
    """

    def __init__(self) -> None:
        self.process = subprocess.Popen([sys.executable, str(_WORKER)], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

    def alive(self) -> bool:
        return self.process.poll() is None

    def call(self, message: tuple, timeout: float) -> tuple[bool, object]:
        stdin, stdout = self.process.stdin, self.process.stdout
        if stdin is None or stdout is None:  # never: both are pipes
            raise OSError("the chart worker has no pipes")
        write_message(stdin, message)
        ready, _, _ = select.select([stdout], [], [], timeout)
        if not ready:
            raise TimeoutError
        return read_message(stdout)  # type: ignore[return-value]

    def stop(self) -> None:
        self.process.kill()
        self.process.wait(timeout=5)
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()


#: worker processes at most: two charts drawn at once where the machine has two cores (vl-convert draws one chart
#: at a time in a process, and its threads do not draw two at once: measured, 40 charts in 0.80 s one by one and
#: 0.70 s from two threads to one process)
WORKERS = max(1, min(2, os.cpu_count() or 1))

#: the fewest charts drawn two at a time: a second worker costs its start (about 0.4 s of the processor, vl-convert's
#: engine), which a handful of charts (about 0.1 s each) would not win back in a short-lived process (a command line
#: report)
PARALLEL_FROM = 12

#: the free workers' slots, the one used last on top (None: a slot whose worker is not started yet)
_free: queue.LifoQueue[_Worker | None] = queue.LifoQueue()
for _ in range(WORKERS):
    _free.put(None)


def convert_json(kind: Kind, spec_json: str, *, scale: float = 2.0, timeout: float = TIMEOUT_S) -> bytes:
    """Convert a Vega-Lite spec (JSON text, used as given) in a worker process.

    Raises ``SurveyError("chart_failed")`` when the converter fails, dies or takes longer than
    ``timeout`` seconds; that worker is then replaced for the next call.
    """
    worker = _free.get()
    try:
        if worker is None or not worker.alive():
            worker = _Worker()
        try:
            ok, payload = worker.call((kind, spec_json, scale), timeout)
        except (EOFError, OSError, TimeoutError):  # the worker died (a native abort) or hung
            worker.stop()
            worker = None
            raise SurveyError("chart_failed", kind=kind.upper()) from None
    finally:
        _free.put(worker)
    if not ok:
        raise SurveyError("chart_failed", kind=kind.upper())
    return payload


def convert(kind: Kind, spec: dict[str, Any], *, scale: float = 2.0) -> bytes:
    """PNG or SVG bytes of a Vega-Lite spec, its text cleaned for the converter first."""
    return convert_json(kind, json.dumps(safe_tree(spec)), scale=scale)


def convert_all(make: Sequence[Callable[[], bytes]]) -> list[bytes]:
    """The results of ``make``'s calls (each a function of no arguments that converts one chart), in ``make``'s
    order: made by up to :data:`WORKERS` at once when there are at least :data:`PARALLEL_FROM`, else one by one;
    the first error is raised as one call alone would raise it."""
    if WORKERS == 1 or len(make) < PARALLEL_FROM:
        return [m() for m in make]
    with ThreadPoolExecutor(WORKERS, thread_name_prefix="chart") as pool:
        return list(pool.map(lambda m: m(), make))
