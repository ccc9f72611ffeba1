"""Many users at once: ten browser sessions (SESSIONS, a tab each) against one app server on loopback, each
uploading its own file at the same time; every session must see only its own numbers, every session must be gone
after the tabs close, the server log holds nothing from the uploaded files, and the server's memory
comes back down to its baseline after the sessions close.

The baseline is a warm server: a first round of sessions has uploaded, shown results and closed, so the
libraries a session imports and the allocator's working set for a round of sessions at once are counted in it.
Two more rounds run; after each the memory must be back near the baseline (at least a quarter of
what the sessions added must come back), and the second must not leave more behind than the first did beyond
the allocator's variation (a closed session keeps nothing).

Why a warm-up of 20, not of one session: measured over six rounds after a one-session warm-up, the server
held 381, 394, 397, 399, 401 and 394 MB after each round closed (baseline 336 MB). The working set grows over
the first two rounds of 20 and then stays, so a second-round bound of 15 MB failed about one run in three when
it was measured from the first round (19 MB once). After a warm-up of 20 a single round still varied by up to
16 MB, so the bound is on the two measured rounds together: 40 MB, where sessions that were kept would leave
what a round holds at its peak (65-77 MB) every round."""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Browser, BrowserContext, expect

from lmp_app.memory import RELEASED
from tests.browser import go, uploader, wait_idle, watch_runs
from tests.conftest import FIXTURES, start_app, stop_app

pytestmark = pytest.mark.e2e
SESSIONS = 10
TTL = 1  # seconds a closed tab's session is kept for a reconnect (each round waits for it twice)


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _files(folder: Path) -> list[tuple[Path, int, str]]:
    """One file per session: its own group names, its own number of respondents, a secret comment."""
    base = pd.read_csv(FIXTURES / "lmp_ch2_3.csv", dtype=str, keep_default_na=False)
    out = []
    big = pd.concat([base] * 200, ignore_index=True)  # 9,200 rows: enough data per session to see in memory
    for i in range(SESSIONS):
        frame = big.iloc[: len(big) - i].copy()
        frame["rolle"] = frame["rolle"].map({"Skoleleder": f"Leder{i:02d}", "Skoleeier": f"Eier{i:02d}"})
        secret = f"hemmelig-kommentar-{i:02d}"
        frame.loc[frame.index[0], "kommentar_kunnskap"] = secret
        path = folder / f"okt_{i:02d}.csv"
        frame.to_csv(path, index=False)
        out.append((path, len(frame), secret))
    return out


def _open_and_upload(browser: Browser, url: str, files) -> tuple[BrowserContext, list]:
    """A tab per file, all in one browser (a Streamlit session is a tab's connection, not a browser's cookies: ten
    tabs are ten sessions, and tabs that share cookies are the stricter case for a leak between them). One browser
    rather than ten: the tabs share its cache of the app's scripts, which ten fresh browsers would each fetch and
    compile again (about 1.3 s of Chromium's processor per tab, 20 s of this test's two minutes)."""
    context = browser.new_context()
    pages = [context.new_page() for _ in files]
    for page in pages:
        watch_runs(page)
        page.goto(url)
    for page, (path, _, _) in zip(pages, files):
        expect(page.get_by_test_id("stMain").get_by_text("46 respondenter")).to_be_visible(timeout=120_000)
        wait_idle(page)
        uploader(page).set_input_files(path)  # all uploads in flight at once
    return context, pages


def _releases(log: Path) -> int:
    """How many times the server has given memory back (lmp_app.memory logs one line each time)."""
    return log.read_text(errors="replace").count(RELEASED)


def _wait_for_release(log: Path, seen: int, timeout: float = 120) -> int:
    """Wait until the server logs a memory release after the ``seen`` ones; the new count.

    The release runs TTL + 1 s after the last tab closed, by the server's own timer: this polls the
    log for the line it writes, the state the test needs, rather than sleeping a guessed time.
    """
    deadline = time.monotonic() + timeout
    while _releases(log) <= seen:
        assert time.monotonic() < deadline, "the server never gave memory back after the sessions closed"
        time.sleep(0.2)  # polling interval, not a synchronisation delay
    return _releases(log)


def _close_and_purge(browser: Browser, url: str, context: BrowserContext, log: Path) -> None:
    """Close the tabs and wait until the server has dropped their sessions and given the memory back."""
    seen = _releases(log)
    context.close()
    # 1. the closed sessions expire (TTL) and the release for their disconnects has run ...
    seen = _wait_for_release(log, seen)
    # 2. ... but Streamlit's session store (a TTL cache) drops expired entries on its next write, which the
    # next tab to connect makes; its own close schedules the release that finds the dropped sessions
    late = browser.new_context()
    page = late.new_page()
    watch_runs(page)
    page.goto(url)
    expect(page.get_by_test_id("stMain").get_by_text("46 respondenter")).to_be_visible(timeout=60_000)
    wait_idle(page)
    late.close()
    _wait_for_release(log, seen)


def _active_sessions(url: str) -> int:
    import urllib.request

    with urllib.request.urlopen(f"{url}/_stcore/metrics?families=active_sessions", timeout=10) as r:
        for line in r.read().decode().splitlines():
            if line.startswith("active_sessions "):
                return int(float(line.split()[1]))
    return -1


def _round(browser: Browser, url: str, files, pid: int, log: Path) -> tuple[int, float, float]:
    """SESSIONS sessions at once, each checked for its own data; then closed. (failures, peak, after)."""
    context, pages = _open_and_upload(browser, url, files)
    peak = _rss_mb(pid)
    assert _active_sessions(url) == len(files)
    failures = 0
    for i, (page, (path, rows, _)) in enumerate(zip(pages, files)):
        try:
            page.bring_to_front()  # the tab in view: a tab behind others is not drawn
            area = page.get_by_test_id("stMain")
            expect(area.get_by_text(f"Lest: {path.name}")).to_be_visible(timeout=120_000)
            expect(area.get_by_text(f"{rows} respondenter")).to_be_visible()
            wait_idle(page)
            area = go(page, "Resultater")
            table = area.get_by_test_id("stTable").first  # Tabell 2.1 (the theme's index follows)
            expect(table).to_contain_text(f"Leder{i:02d}", timeout=60_000)
            text = table.inner_text()
            others = [f"Leder{j:02d}" for j in range(SESSIONS) if j != i]
            assert not any(o in text for o in others), f"session {i} sees another session's data"
        except AssertionError:
            failures += 1
        peak = max(peak, _rss_mb(pid))
    _close_and_purge(browser, url, context, log)
    return failures, peak, _rss_mb(pid)


def test_ten_sessions_at_once_see_only_their_own_data(browser: Browser, tmp_path: Path, capsys):
    log = tmp_path / "server.log"
    proc, url = start_app(log, "--server.disconnectedSessionTTL", str(TTL))
    try:
        files = _files(tmp_path)
        # warm up: a session's imports and the allocator's working set for a round of sessions belong to the baseline
        failures0, _, _ = _round(browser, url, files, proc.pid, log)
        baseline = _rss_mb(proc.pid)
        failures1, peak1, after1 = _round(browser, url, files, proc.pid, log)
        failures2, peak2, after2 = _round(browser, url, files, proc.pid, log)
        with capsys.disabled():
            print(f"\nconcurrency: {SESSIONS} sessions × 3 rounds, {failures0 + failures1 + failures2} failures; server memory: "
                  f"baseline {baseline:.0f} MB, round 1 peak {peak1:.0f} → after closing {after1:.0f} MB, "
                  f"round 2 peak {peak2:.0f} → after closing {after2:.0f} MB")
        assert failures0 == failures1 == failures2 == 0
        assert _active_sessions(url) == 0
        # sessions that were kept would keep all they added: at least a quarter must come back here, and the two
        # rounds together (below) must leave nothing more than the allocator's variation
        assert after1 - baseline <= 3 * (peak1 - baseline) / 4, "closed sessions' memory was not given back"
        # a round of open sessions holds about 3 MB each at its peak (65-77 MB for 20, about 30 MB for 10, measured):
        # sessions that were kept would leave that behind every round, 60 MB or more over the two measured rounds of
        # 10. Measured over both rounds, not one: with 20 a round, the two rounds together left 6 to 26 MB in seven
        # runs (one round alone up to 17), which per-round bounds could not tell from a leak; 40 MB catches sessions
        # kept by the second round
        assert after2 - baseline <= 40, "two rounds of sessions left memory behind"
        server_log = log.read_text(errors="replace")
        assert not any(secret in server_log for _, _, secret in files)
    finally:
        stop_app(proc)
