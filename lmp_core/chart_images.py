"""PNG and SVG bytes of a chart, made in a worker process so that no input can take the server down.

The chart renderer, vl-convert, is Rust: on some text it panics and *aborts the whole process*, which
Python cannot catch (in the app that ended every user's session). Two layers keep that from happening:

1. every string in the chart's spec is cleaned first (:func:`lmp_core.sanitize.safe_tree`), which
   removes every cause known today (control characters);
2. the conversion itself runs in a separate process. If that process dies or hangs, the caller gets a
   :class:`~lmp_core.errors.SurveyError` with a plain message and the next call starts a new worker;
   the server and every other session keep running.

One worker serves the whole process (calls wait their turn behind a lock); it is started on first use
with the ``spawn`` method (forking a threaded server is unsafe) and imports nothing but vl-convert.
"""

from __future__ import annotations

import json
import multiprocessing
import threading
from multiprocessing.connection import Connection
from typing import Any, Literal

from lmp_core.errors import SurveyError
from lmp_core.sanitize import safe_tree

Kind = Literal["png", "svg"]
#: seconds one chart may take before the worker is stopped (a 100-question chart takes about 2 s)
TIMEOUT_S = 120.0


def _serve(conn: Connection) -> None:
    """The worker's loop: (kind, spec JSON, scale) in, (True, bytes) or (False, error text) out."""
    import vl_convert as vlc

    while True:
        try:
            kind, spec, scale = conn.recv()
        except EOFError:  # the server went away
            return
        try:
            data = vlc.vegalite_to_png(spec, scale=scale) if kind == "png" else vlc.vegalite_to_svg(spec).encode()
            conn.send((True, data))
        except Exception as err:  # noqa: BLE001 - any converter error goes back to the caller as text
            conn.send((False, type(err).__name__))


class _Worker:
    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child,), daemon=True, name="lmp-chart-images")
        self.process.start()
        child.close()

    def alive(self) -> bool:
        return self.process.is_alive()

    def stop(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


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
            worker.conn.send((kind, spec_json, scale))
            if not worker.conn.poll(timeout):
                raise TimeoutError
            ok, payload = worker.conn.recv()
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
