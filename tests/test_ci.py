"""CI fails, never skips, when a browser test has no browser (issue #40): `.ci/run` sets LMP_REQUIRE_BROWSER."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT


def _browser_test_without_chromium(**env: str) -> subprocess.CompletedProcess:
    """One browser test in a child pytest whose Chromium path does not exist."""
    child_env = {k: v for k, v in os.environ.items() if k != "LMP_REQUIRE_BROWSER"}
    child_env.update(CHROMIUM_PATH="/nonexistent/chromium", **env)
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:xdist",
                           "tests/test_e2e_hostile.py", "-k", "test_", "--maxfail=1"],
                          cwd=ROOT, env=child_env, capture_output=True, text=True, timeout=300)


def test_a_missing_browser_fails_the_run_where_ci_requires_it():
    required = _browser_test_without_chromium(LMP_REQUIRE_BROWSER="1")
    assert required.returncode == 1, required.stdout[-2000:]
    assert "Chromium is required here (LMP_REQUIRE_BROWSER)" in required.stdout
    # on a developer's machine without it, the same test is skipped with the install command
    optional = _browser_test_without_chromium()
    assert optional.returncode == 0 and "skipped" in optional.stdout, optional.stdout[-2000:]


def test_ci_requires_the_browser_and_the_database():
    script = (ROOT / ".ci" / "run").read_text()
    assert "LMP_REQUIRE_BROWSER=1" in script and "LMP_REQUIRE_POSTGRES=1" in script
