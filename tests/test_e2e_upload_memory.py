"""An upload never touches the disk (README, "Privacy"): a file of several MB with a unique marker is uploaded
through the browser, slowed so that the transfer lasts seconds, while a watcher reads every file the server
process holds open in the temporary folders (a spooled part is an unnamed file there, visible only as an open
file of the process) and every file left in them; none may hold the marker. The control runs the same upload
through a server whose spool limit is Starlette's default (lmp_app.uploads.keep_uploads_in_memory made a no-op):
there the watcher must find the marker in the part the server spools to disk. A watcher that cannot read the
server's open files fails the test, and it must have seen the server's sockets while the upload ran."""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser import main, open_app, upload
from tests.conftest import ROOT, free_port, serve, start_app, stop_app

pytestmark = pytest.mark.e2e


class Watcher:
    """Reads, every few milliseconds, each file process ``pid`` holds open under ``folders`` (deleted or not)
    and records the ones that hold ``marker``."""

    def __init__(self, pid: int, folders: list[Path], marker: bytes) -> None:
        self.pid, self.folders, self.marker = pid, [str(f) for f in folders], marker
        self.seen: set[str] = set()  # every temporary file the process held open
        self.holding: set[str] = set()  # those that held the marker
        self.sockets: set[str] = set()  # the process's sockets: proof the watcher read its open files
        self.scans = 0
        self.error: OSError | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Watcher:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        if self.error is not None:  # the process's open files could not be listed: nothing was watched
            raise AssertionError(f"the watcher stopped: {self.error}")

    def _run(self) -> None:
        fd_dir = f"/proc/{self.pid}/fd"
        while not self._stop.is_set():
            try:
                fds = os.listdir(fd_dir)
            except OSError as error:
                self.error = error
                return
            self.scans += 1
            for fd in fds:
                try:
                    target = os.readlink(f"{fd_dir}/{fd}")
                except OSError:
                    continue  # closed between the listing and this read
                if target.startswith("socket:"):
                    self.sockets.add(target)
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


def _upload_watched(browser: Browser, tmp_path: Path, *, spool_to_disk: bool) -> tuple[Watcher, list[Path], str]:
    """Upload the marked survey to a new server (its temporary folder its own) at about 3 MB/s while a watcher reads
    the server's open files; ``spool_to_disk``: the control, with Starlette's default spool limit."""
    spool_dir = tmp_path / "tmp"  # the server's temporary folder, and the system's, are both watched
    spool_dir.mkdir()
    marker = f"MARK{uuid.uuid4().hex}"
    path = _marked_survey(tmp_path, marker)
    assert path.stat().st_size > 5 * 1024 * 1024
    folders = [spool_dir.resolve(), Path(tempfile.gettempdir()).resolve(), Path("/var/tmp"), Path("/dev/shm")]
    env = {"TMPDIR": str(spool_dir)}
    if spool_to_disk:  # the app with keep_uploads_in_memory a no-op, run as `streamlit run` runs it
        port = free_port()
        control = ("import sys, lmp_app.uploads as u; u.keep_uploads_in_memory = lambda: 0; "
                   "from streamlit.web import cli; sys.argv = sys.argv[1:]; sys.exit(cli.main())")
        proc, url = serve([sys.executable, "-c", control, "streamlit", "run", str(ROOT / "streamlit_app.py"),
                           "--server.headless", "true", "--server.address", "127.0.0.1", "--server.port", str(port),
                           "--browser.gatherUsageStats", "false"], port, tmp_path / "server.log", env=env)
    else:
        proc, url = start_app(tmp_path / "server.log", env=env)
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
    # the watcher read the server's open files all along: its sockets, over the seconds the upload took
    assert watcher.sockets and watcher.scans >= 10, (watcher.sockets, watcher.scans)
    return watcher, folders, marker


def test_the_watcher_sees_a_part_the_server_spools_to_disk(browser: Browser, tmp_path: Path):
    # the control: the same upload to a server with Starlette's default spool (1 MB) rolls the part over to an
    # unnamed file in the server's temporary folder; the watcher must find the marker in it
    watcher, _, _ = _upload_watched(browser, tmp_path, spool_to_disk=True)
    assert watcher.holding, "the watcher did not see the server's spooled temporary file"


def test_an_upload_never_reaches_a_temporary_file(browser: Browser, tmp_path: Path):
    watcher, folders, marker = _upload_watched(browser, tmp_path, spool_to_disk=False)
    assert not watcher.holding, f"upload bytes in temporary files: {watcher.holding}"
    left = [p for folder in folders if folder.is_dir() for p in folder.rglob("*") if p.is_file()
            and p != tmp_path / "stor_fil.csv"]
    assert not [p for p in left if _holds(p, marker.encode())], "a temporary file left behind holds the upload"
    assert marker not in (tmp_path / "server.log").read_text(errors="replace")


def _holds(path: Path, marker: bytes) -> bool:
    try:
        with path.open("rb") as fh:  # in chunks: /tmp may hold a benchmark's 4 GB file
            return _holds_marker(fh, marker)
    except OSError:
        return False
