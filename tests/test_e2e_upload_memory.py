"""An upload never touches the disk (README, "Privacy"): a file of several MB with a unique marker is uploaded
through the browser, slowed so that the transfer lasts seconds, while a watcher reads every file the server
process holds open in the temporary folders (a spooled part is an unnamed file there, visible only as an open
file of the process) and every file left in them; none may hold the marker. Before the server's turn the
watcher proves on this test's own process that it sees a part Starlette spools to disk."""

from __future__ import annotations

import os
import tempfile
import threading
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser import main, open_app, upload
from tests.conftest import start_app, stop_app

pytestmark = pytest.mark.e2e


class Watcher:
    """Reads, every few milliseconds, each file process ``pid`` holds open under ``folders`` (deleted or not)
    and records the ones that hold ``marker``."""

    def __init__(self, pid: int, folders: list[Path], marker: bytes) -> None:
        self.pid, self.folders, self.marker = pid, [str(f) for f in folders], marker
        self.seen: set[str] = set()  # every temporary file the process held open
        self.holding: set[str] = set()  # those that held the marker
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Watcher:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        fd_dir = f"/proc/{self.pid}/fd"
        while not self._stop.is_set():
            try:
                fds = os.listdir(fd_dir)
            except OSError:
                return
            for fd in fds:
                try:
                    target = os.readlink(f"{fd_dir}/{fd}")
                except OSError:
                    continue
                if not any(target.startswith(folder + "/") for folder in self.folders):
                    continue
                self.seen.add(target)
                try:
                    with open(f"{fd_dir}/{fd}", "rb") as fh:  # the open file itself, even when it has no name
                        if _holds_marker(fh, self.marker):
                            self.holding.add(target)
                except OSError:
                    continue
            self._stop.wait(0.002)


def _holds_marker(fh, marker: bytes, chunk: int = 1 << 20) -> bool:
    """Whether an open file holds ``marker``, read a megabyte at a time (a chunk overlaps the last by the marker's
    length less one): reading whole files took the test runner to 4.7 GB once a benchmark's 4.3 GB file was in
    /tmp (the left-over check reads every file there)."""
    tail = b""
    while block := fh.read(chunk):
        if marker in tail + block:
            return True
        tail = block[-(len(marker) - 1):]
    return False


def _marked_survey(folder: Path, marker: str, rows: int = 60_000) -> Path:
    """A CSV of about 8 MB whose comment column holds the marker in every row (every chunk of it carries one)."""
    scale = ["I svært liten grad", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad"]
    lines = ["rolle,kunnskap_mobbing,kommentar"]
    lines += [f"{'Lærer' if i % 2 else 'Leder'},{scale[i % 5]},{marker} svar nummer {i} med litt mer tekst"
              for i in range(rows)]
    path = folder / "stor_fil.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_watcher_sees_a_part_spooled_to_disk(tmp_path: Path):
    # the control: Starlette's spool at its default limit, in this process, goes to an unnamed file in the
    # temporary folder; the watcher must find the marker in it
    marker = uuid.uuid4().hex.encode()
    with Watcher(os.getpid(), [Path(tempfile.gettempdir()).resolve()], marker) as watcher, \
            tempfile.SpooledTemporaryFile(max_size=1024 * 1024) as spool:
        spool.write(marker * (2 * 1024 * 1024 // len(marker)))  # past the limit: rolled over to disk
        assert spool._rolled  # the fact the control needs
        pause = threading.Event()
        for _ in range(500):
            if watcher.holding:
                break
            pause.wait(0.01)
    assert watcher.holding, "the watcher did not see a spooled temporary file"


def test_an_upload_never_reaches_a_temporary_file(browser: Browser, tmp_path: Path):
    spool_dir = tmp_path / "tmp"  # the server's temporary folder, and the system's, are both watched
    spool_dir.mkdir()
    marker = f"MARK{uuid.uuid4().hex}"
    path = _marked_survey(tmp_path, marker)
    assert path.stat().st_size > 5 * 1024 * 1024
    folders = [spool_dir.resolve(), Path(tempfile.gettempdir()).resolve(), Path("/var/tmp"), Path("/dev/shm")]
    proc, url = start_app(tmp_path / "server.log", env={"TMPDIR": str(spool_dir)})
    try:
        context = browser.new_context()
        page = context.new_page()
        open_app(page, url)
        # about 3 MB/s: the transfer takes seconds, so every part of it is open long enough to be read
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 0, "downloadThroughput": -1,
                                                     "uploadThroughput": 3 * 1024 * 1024})
        with Watcher(proc.pid, folders, marker.encode()) as watcher:
            upload(page, path)
            expect(main(page).get_by_text(f"Lest: {path.name}")).to_be_visible()
        context.close()
    finally:
        stop_app(proc)
    assert not watcher.holding, f"upload bytes in temporary files: {watcher.holding}"
    left = [p for folder in folders if folder.is_dir() for p in folder.rglob("*") if p.is_file() and p != path]
    assert not [p for p in left if _holds(p, marker.encode())], "a temporary file left behind holds the upload"
    assert marker not in (tmp_path / "server.log").read_text(errors="replace")


def _holds(path: Path, marker: bytes) -> bool:
    try:
        with path.open("rb") as fh:  # in chunks: /tmp may hold a benchmark's 4 GB file
            return _holds_marker(fh, marker)
    except OSError:
        return False
