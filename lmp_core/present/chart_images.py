"""PNG and SVG bytes of a chart, made in a worker process so that no input can take the server down.

The chart renderer, vl-convert, is Rust: on some text it panics and *aborts the whole process*, which
Python cannot catch (in the app that ended every user's session). Two layers keep that from happening:

1. every string in the chart's spec is cleaned first (:func:`lmp_core.base.sanitize.safe_tree`), which
   removes every cause known today (control characters);
2. the conversion itself runs in a separate process. If that process dies or hangs, the caller gets a
   :class:`~lmp_core.base.errors.SurveyError` with a plain message and the next call starts a new worker;
   the server and every other session keep running.

One worker serves the whole process (calls wait their turn behind a lock); it is started on first use
as a plain child process (:mod:`lmp_core.present.chart_worker`) that imports nothing but vl-convert.
"""

from __future__ import annotations

import json
import select
import subprocess
import sys
import threading
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


_lock = threading.Lock()
_worker: _Worker | None = None


def convert_json(kind: Kind, spec_json: str, *, scale: float = 2.0, timeout: float = TIMEOUT_S) -> bytes:
    """Convert a Vega-Lite spec (JSON text, used as given) in the worker process.

    Raises ``SurveyError("chart_failed")`` when the converter fails, dies or takes longer than
    ``timeout`` seconds; the worker is then replaced for the next call.
    """
    global _worker
    with _lock:
        if _worker is None or not _worker.alive():
            _worker = _Worker()
        worker = _worker
        try:
            ok, payload = worker.call((kind, spec_json, scale), timeout)
        except (EOFError, OSError, TimeoutError):  # the worker died (a native abort) or hung
            worker.stop()
            _worker = None
            raise SurveyError("chart_failed", kind=kind.upper()) from None
    if not ok:
        raise SurveyError("chart_failed", kind=kind.upper())
    return payload


def convert(kind: Kind, spec: dict[str, Any], *, scale: float = 2.0) -> bytes:
    """PNG or SVG bytes of a Vega-Lite spec, its text cleaned for the converter first."""
    return convert_json(kind, json.dumps(safe_tree(spec)), scale=scale)
