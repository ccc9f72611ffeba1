"""lmp_app.memory: the release after sessions close runs once for many closing tabs, and later.

Its effect on the server's memory is measured by the concurrency test (tests/test_concurrency.py)."""

from __future__ import annotations

import time

from lmp_app import memory


def test_release_is_postponed_by_each_disconnect_and_runs_once(monkeypatch):
    calls: list[float] = []
    monkeypatch.setattr(memory, "release_now", lambda: calls.append(time.monotonic()))
    start = time.monotonic()
    for _ in range(20):  # twenty tabs closing within a moment
        memory.release_after(0.3)
        time.sleep(0.01)
    time.sleep(0.1)
    assert calls == []  # not yet: the last disconnect postponed it
    time.sleep(0.6)
    assert len(calls) == 1 and calls[0] - start >= 0.3


def test_allocators_are_configured_once():
    import pyarrow

    first = memory.configure_allocators()
    assert memory.configure_allocators() is first
    assert pyarrow.default_memory_pool().backend_name == "system"
    memory.release_now()  # collects and trims without error


def test_the_release_logs_its_line_and_nothing_once_the_log_stream_is_closed(monkeypatch, capsys):
    import io
    import logging

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    monkeypatch.setattr(memory._LOG, "handlers", [handler])
    monkeypatch.setattr(memory._LOG, "level", logging.INFO)
    memory.release_now()
    assert memory.RELEASED in stream.getvalue()  # the line the concurrency test waits for
    stream.close()  # as pytest's captured stream at the end of a run, with a session's timer still waiting
    memory.release_now()
    assert "Logging error" not in capsys.readouterr().err
