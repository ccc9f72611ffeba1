"""The deployment a host copies, run here: nginx from Debian's packages with deploy/nginx-lmp-explorer.conf in front
of two app instances started as deploy/lmp-explorer@.service starts them (tests/hosting.py puts in only the ports,
folders and certificate), all on loopback.

* the health check and the HTTP → HTTPS redirect answer through the proxy;
* an upload of 8 MB through the proxy reaches no temporary file of nginx or of the app (the watcher of
  tests/test_e2e_upload_memory.py on every nginx process); as a control, the same upload through the same file
  without ``proxy_request_buffering off`` is seen in nginx's temporary file;
* browser sessions at once (SESSIONS) through the proxy each upload their own file, see their own numbers on the
  results page and download a report with their own groups and no other session's; the memory each session adds
  to the server is measured and printed (docs/drift.md gives the figures of the last run).
"""

from __future__ import annotations

import io
import shutil
import ssl
import subprocess
import time
import urllib.error
import urllib.request
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Browser, expect

from tests.browser import download, go, main, upload, uploader, wait_idle, watch_runs
from tests.conftest import FIXTURES, free_port, serve, stop_app
from tests.hosting import nginx_conf, nginx_main, self_signed, unit_command
from tests.test_concurrency import _rss_mb
from tests.test_e2e_upload_memory import Watcher, _marked_survey

pytestmark = pytest.mark.e2e
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SESSIONS = 5  # enough to have several at once; the memory per session is printed, not asserted


class Apps:
    """Two app instances started as deploy/lmp-explorer@.service starts them (shared by this file's tests: each
    deployment below puts its own nginx in front of them)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.procs: list[subprocess.Popen] = []
        self.ports: tuple[int, int] = (free_port(), free_port())
        self.runtime_dirs: list[Path] = []

    def __enter__(self) -> Apps:
        secrets = self.folder / "secrets.toml"
        secrets.write_text("# no [auth]: the load test runs the app open\n", encoding="utf-8")
        for port in self.ports:
            runtime = self.folder / f"run-{port}"
            runtime.mkdir()
            self.runtime_dirs.append(runtime)
            command, env = unit_command(port, secrets=secrets, runtime_dir=runtime)
            # the unit's EnvironmentFile: the cookie secret, the same on every instance
            env["STREAMLIT_SERVER_COOKIE_SECRET"] = "c" * 48
            proc, _ = serve(command, port, self.folder / f"app-{port}.log", env=env)
            self.procs.append(proc)
        return self

    def __exit__(self, *exc: object) -> None:
        for proc in self.procs:
            stop_app(proc)

    def logs(self) -> str:
        return "".join(p.read_text(errors="replace") for p in self.folder.glob("*.log"))


@pytest.fixture(scope="module")
def apps(tmp_path_factory) -> Iterator[Apps]:
    with Apps(tmp_path_factory.mktemp("apps")) as running:
        yield running


class Deployment:
    """nginx with deploy/nginx-lmp-explorer.conf in front of the two app instances."""

    def __init__(self, folder: Path, apps: Apps, *, request_buffering: bool = False) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.apps = apps
        self.nginx: subprocess.Popen | None = None
        self.request_buffering = request_buffering
        self.http_port, self.https_port = free_port(), free_port()
        self.url = f"https://localhost:{self.https_port}"

    def __enter__(self) -> Deployment:
        cert, key = self_signed(self.folder)
        site = nginx_conf(http_port=self.http_port, https_port=self.https_port, app_ports=self.apps.ports,
                          cert=cert, key=key)
        if self.request_buffering:  # the control: the host's file without the line that keeps bodies off disk
            site = site.replace("proxy_request_buffering off;", "")
        (self.folder / "site.conf").write_text(site, encoding="utf-8")
        (self.folder / "nginx.conf").write_text(nginx_main(self.folder / "site.conf", self.folder), encoding="utf-8")
        self.nginx = subprocess.Popen([NGINX, "-c", str(self.folder / "nginx.conf"), "-g", "daemon off;"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 30
        while True:
            try:
                if self.get("/_stcore/health") == (200, b"ok"):
                    return self
            except OSError:
                pass
            assert self.nginx.poll() is None, (self.folder / "error.log").read_text(errors="replace")
            assert time.monotonic() < deadline, "nginx did not answer"
            time.sleep(0.2)

    def __exit__(self, *exc: object) -> None:
        if self.nginx is not None:
            self.nginx.terminate()
            self.nginx.wait(timeout=10)

    def get(self, path: str, *, https: bool = True) -> tuple[int, bytes]:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        base = self.url if https else f"http://localhost:{self.http_port}"

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        opener = urllib.request.build_opener(NoRedirect, urllib.request.HTTPSHandler(context=context))
        try:
            with opener.open(base + path, timeout=10) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, (e.headers.get("Location") or "").encode()

    def nginx_pids(self) -> list[int]:
        assert self.nginx is not None
        children = Path(f"/proc/{self.nginx.pid}/task/{self.nginx.pid}/children").read_text().split()
        return [self.nginx.pid, *map(int, children)]

    def temp_folders(self) -> list[Path]:
        return [self.folder / name for name in ("client_body", "proxy")] + self.apps.runtime_dirs

    def rss_mb(self) -> float:
        return sum(_rss_mb(p.pid) for p in self.apps.procs)


def _watched_upload(browser: Browser, deployment: Deployment, survey: Path, marker: bytes) -> set[str]:
    """Upload ``survey`` through the proxy at about 3 MB/s while every nginx process and app instance is watched;
    the temporary files that held the marker."""
    context = browser.new_context(ignore_https_errors=True)
    page = context.new_page()
    watch_runs(page)
    page.goto(deployment.url)
    expect(main(page).get_by_text("46 respondenter")).to_be_visible(timeout=60_000)
    wait_idle(page)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 0, "downloadThroughput": -1,
                                                 "uploadThroughput": 3 * 1024 * 1024})
    pids = deployment.nginx_pids() + [p.pid for p in deployment.apps.procs]
    watchers = [Watcher(pid, deployment.temp_folders(), marker) for pid in pids]
    for w in watchers:
        w.__enter__()
    try:
        upload(page, survey)
        expect(main(page).get_by_text(f"Lest: {survey.name}")).to_be_visible(timeout=60_000)
    finally:
        for w in watchers:
            w.__exit__(None, None, None)
    context.close()
    return set().union(*(w.holding for w in watchers))


def test_proxy_health_redirect_and_uploads_never_on_disk(browser: Browser, apps: Apps, tmp_path: Path):
    marker = f"MARK{uuid.uuid4().hex}"
    survey = _marked_survey(tmp_path, marker)
    with Deployment(tmp_path / "deploy", apps) as deployment:
        assert deployment.get("/_stcore/health") == (200, b"ok")
        status, location = deployment.get("/results", https=False)
        assert status == 301 and location.startswith(b"https://localhost/results")
        held = _watched_upload(browser, deployment, survey, marker.encode())
        logs = "".join(p.read_text(errors="replace") for p in (tmp_path / "deploy").glob("*.log")) + apps.logs()
    assert held == set(), f"upload bytes in temporary files behind the proxy: {held}"
    assert marker not in logs
    # the control: the same app instances behind an nginx without proxy_request_buffering off, which writes the
    # body to its temporary file, and the watcher sees it there
    with Deployment(tmp_path / "control", apps, request_buffering=True) as control:
        held = _watched_upload(browser, control, survey, marker.encode())
    assert any("/client_body/" in h for h in held), "the control upload was not seen in nginx's temporary file"


def _files(folder: Path) -> list[tuple[Path, str]]:
    """One file per session, 9,200 respondents (the demo 200 times), with its own group names. The comment columns
    stay in the first 46 rows only (200 copies of each would make every report a list of 9,200 quotes), and each
    respondent has an id of their own."""
    base = pd.read_csv(FIXTURES / "lmp_ch2_3.csv", dtype=str, keep_default_na=False)
    big = pd.concat([base] * 200, ignore_index=True)
    big.loc[len(base):, ["kommentar_kunnskap", "kommentar_praksis"]] = ""
    big["respondent_id"] = [str(100_000 + r) for r in range(len(big))]  # an id per respondent, as in a real file
    out = []
    for i in range(SESSIONS):
        frame = big.copy()
        frame["rolle"] = frame["rolle"].map({"Skoleleder": f"Leder{i:02d}", "Skoleeier": f"Eier{i:02d}"})
        path = folder / f"okt_{i:02d}.csv"
        frame.to_csv(path, index=False)
        out.append((path, f"Leder{i:02d}"))
    return out


def _session_flow(browser: Browser, url: str, files: list[tuple[Path, str]]) -> tuple[list[str], list]:
    """Open a session per file, upload them all at once, then check each session's results and report; the
    sessions that failed, each with its reason."""
    contexts = [browser.new_context(ignore_https_errors=True) for _ in files]
    pages = [c.new_page() for c in contexts]
    for page in pages:
        watch_runs(page)
        page.goto(url)
    for page in pages:
        expect(main(page).get_by_text("46 respondenter")).to_be_visible(timeout=120_000)
        wait_idle(page)
    for page, (path, _) in zip(pages, files):
        uploader(page).set_input_files(path)  # all uploads in flight at once
    failures: list[str] = []
    others = {group for _, group in files}
    for page, (path, group) in zip(pages, files):
        try:
            expect(main(page).get_by_text(f"Lest: {path.name}")).to_be_visible(timeout=120_000)
            wait_idle(page)
            area = go(page, "Resultater")
            table = area.get_by_test_id("stTable").first
            expect(table).to_contain_text(group, timeout=60_000)
            assert not any(o in table.inner_text() for o in others - {group})
            go(page, "Rapport")
            _, docx = download(page, "report_docx", "Last ned DOCX")
            with zipfile.ZipFile(io.BytesIO(docx)) as z:
                text = z.read("word/document.xml").decode()
            assert group in text and not any(o in text for o in others - {group})
        except AssertionError as why:  # each session's reason, in the failure message
            failures.append(f"{path.name}: {str(why)[:500]}")
    return failures, contexts


def test_sessions_at_once_through_the_proxy(browser: Browser, apps: Apps, tmp_path: Path, capsys):
    files = _files(tmp_path)
    with Deployment(tmp_path / "deploy", apps) as deployment:
        # warm-up: one session's whole path, so the libraries a session loads are in the baseline
        failures, contexts = _session_flow(browser, deployment.url, files[:1])
        for c in contexts:
            c.close()
        assert not failures, failures
        baseline = deployment.rss_mb()
        failures, contexts = _session_flow(browser, deployment.url, files)
        peak = deployment.rss_mb()
        for c in contexts:
            c.close()
        per_session = (peak - baseline) / SESSIONS
        size_mb = files[0][0].stat().st_size / 1e6
        with capsys.disabled():
            print(f"\nproxy: {SESSIONS} sessions through nginx, {len(failures)} failures; app memory: baseline "
                  f"{baseline:.0f} MB, with {SESSIONS} sessions open {peak:.0f} MB, {per_session:.1f} MB per session "
                  f"(each with a {size_mb:.1f} MB file of 9,200 respondents, results and report)")
    assert not failures, failures
