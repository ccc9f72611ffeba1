"""Shared paths and fixtures. Reference data is read from ../shared, never copied in."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = SHARED / "fixtures"
EXTERNAL = SHARED / "data" / "external"


@pytest.fixture(scope="session")
def fixture_csv() -> bytes:
    return (FIXTURES / "lmp_ch2_3.csv").read_bytes()


@pytest.fixture(scope="session")
def coded_csv() -> bytes:
    return (FIXTURES / "lmp_ch2_3_coded.csv").read_bytes()


@pytest.fixture(scope="session")
def codebook_csv() -> bytes:
    return (FIXTURES / "lmp_ch2_3_codebook.csv").read_bytes()


# --- a real app server and Debian's chromium for the browser tests -------------------------------
import os  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import urllib.request  # noqa: E402

#: Debian's chromium-headless-shell (the package of that name): the same Chromium without the desktop browser
#: around it, as Playwright itself runs headless tests. Measured here (2026-12-07, four rounds each, the same
#: session in one run: open the app, upload the fixture, the results page's first table): the browser, its driver and
#: the test's process took 3.1-3.4 s of processor time with it against 4.1-4.6 s with Debian's full chromium; the
#: browser tests are about half the suite's time. The benchmark's browser session keeps the full browser (what a user
#: runs).
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/lib/chromium/chromium-headless-shell")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def _worker_index() -> int:
    """0 without pytest-xdist; N for its worker ``gwN``."""
    return int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)


def pytest_configure(config) -> None:
    """Under pytest-xdist each worker gets a temporary folder of its own (``TMPDIR``, inherited by the app
    servers, browsers and databases it starts), so a test that watches the temporary folder for an uploaded
    file's bytes, or for files left behind, sees its own worker's processes only, as in a serial run."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return
    own = Path(tempfile.gettempdir()) / f"lmp-tests-{os.environ['PYTEST_XDIST_WORKER']}-{os.getpid()}"
    own.mkdir(mode=0o1777, exist_ok=True)
    own.chmod(0o1777)  # as /tmp: a database test's cluster folder belongs to the postgres user
    os.environ["TMPDIR"] = str(own)
    tempfile.tempdir = None  # gettempdir() reads TMPDIR again


#: The longest tests' files (a minute or more each on two cores), longest first. They are collected first, so under
#: ``-n 2 --dist worksteal`` (the README's command), which hands each worker one half of the collection in order,
#: they run one after another on one worker from the start while the other runs short tests; a worker that runs out
#: takes the back half of the other's remaining queue. So no two of them share the processor at once (a browser
#: session of one made another's time out) and the run never ends waiting for one of them. The other tests keep
#: their order.
LONGEST = ("tests/test_concurrency.py", "tests/test_e2e_first_results.py", "tests/test_e2e_proxy.py",
           "tests/test_bench.py", "tests/test_e2e_hostile.py", "tests/test_e2e_login.py", "tests/test_stream.py")


def pytest_collection_modifyitems(config, items) -> None:
    rank = {name: i for i, name in enumerate(LONGEST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(LONGEST)))  # stable: the rest keep order


_next_port = [0]


def free_port() -> int:
    """A free loopback port from this worker's own range (20000 + 2000 × worker), so two pytest-xdist workers
    never start their servers on the same port between the check and the bind."""
    low = 20_000 + 2_000 * _worker_index()
    for _ in range(2_000):
        port = low + _next_port[0] % 2_000
        _next_port[0] += 1
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {low}-{low + 1999}")


def start_app(log_path: Path, *extra: str, env: dict[str, str] | None = None,
              port: int | None = None) -> tuple[subprocess.Popen, str]:
    """Start ``streamlit run`` on a free loopback port (or ``port``) and wait until it is healthy (``env``:
    variables to set for the server beside the test's own)."""
    port = port or free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"), "--server.headless", "true",
           "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false",
           *extra]
    return serve(cmd, port, log_path, env=env)


def serve(cmd: list[str], port: int, log_path: Path, *, env: dict[str, str] | None = None
          ) -> tuple[subprocess.Popen, str]:
    """Start the app server ``cmd`` (listening on loopback ``port``) and wait until it is healthy."""
    with open(log_path, "wb") as fh:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=fh, stderr=subprocess.STDOUT, start_new_session=True,
                                env={**os.environ, **(env or {})})
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited {proc.returncode}:\n{log_path.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read() == b"ok":
                    return proc, url
        except OSError:
            pass
        if time.monotonic() > deadline:
            stop_app(proc)
            raise RuntimeError(f"streamlit not healthy after 60 s:\n{log_path.read_text()}")
        time.sleep(0.3)


def stop_app(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


@pytest.fixture(scope="session")
def streamlit_url(tmp_path_factory):
    proc, url = start_app(tmp_path_factory.mktemp("st") / "streamlit.log")
    try:
        yield url
    finally:
        stop_app(proc)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        # CI sets LMP_REQUIRE_BROWSER: there a missing browser fails every browser test instead of skipping it
        if os.environ.get("LMP_REQUIRE_BROWSER"):
            pytest.fail(f"Chromium is required here (LMP_REQUIRE_BROWSER) but {CHROMIUM} is missing")
        pytest.skip(f"{CHROMIUM} missing: apt-get install -y chromium-headless-shell")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # reduced motion (a user's own setting, which Streamlit honours): lists and tabs appear without their entry
    # animation, so a click lands on an option that is already where it will stay
    return {**browser_context_args, "viewport": {"width": 1400, "height": 1000}, "reduced_motion": "reduce"}


def pytest_runtest_logreport(report) -> None:
    """With ``LMP_FAILURES`` naming a file, each failure's report is appended to it the moment it happens (under
    pytest-xdist the terminal shows a failure's traceback only when the whole run ends): a long repeated run of the
    browser tests says what failed while it goes on (docs/utvikler/tester.md)."""
    path = os.environ.get("LMP_FAILURES")
    if path and report.failed:
        with open(path, "a", encoding="utf-8") as out:
            out.write(f"===== {report.nodeid} ({report.when})\n{report.longreprtext}\n")

