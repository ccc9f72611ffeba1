"""Deterministic steps for the browser tests: every step waits for the state it needs, never for time.

Streamlit keeps the previous page's elements on screen (marked ``data-stale="true"``) while the next
page's script runs, and a locator that matched the first element found could hit one of those. So
after each navigation or upload these helpers wait until
1. the new page's own heading is in the main area,
2. the app says its script has finished (``data-test-script-state="notRunning"`` on ``stApp``), and
3. no stale element is left on the page;
and all locators are scoped to the main area (or the sidebar) with exact names.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Locator, Page, expect

TIMEOUT_MS = 60_000  # a cold server on a busy CI machine imports scipy/statsmodels on its first run


def main(page: Page) -> Locator:
    """The page's main area (not the sidebar, where the navigation and the caveats live)."""
    return page.get_by_test_id("stMain")


def wait_idle(page: Page) -> None:
    """Wait until the script run has finished and every element of the previous run has left."""
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning",
                                                          timeout=TIMEOUT_MS)
    expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=TIMEOUT_MS)


def heading(page: Page, title: str) -> Locator:
    """The main area's heading with exactly this text."""
    return main(page).get_by_role("heading", name=title, exact=True)


def open_app(page: Page, url: str) -> None:
    """A new session: the demo survey is loaded and the Data page has finished drawing."""
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(url)
    expect(heading(page, "Data")).to_be_visible()
    wait_idle(page)
    expect(main(page).get_by_text("46 respondenter")).to_be_visible()


def go(page: Page, title: str) -> Locator:
    """Click a page in the sidebar's navigation and wait until it has finished drawing; its main area."""
    page.get_by_test_id("stSidebarNavLink").filter(has_text=title).click()
    expect(heading(page, title)).to_be_visible()
    wait_idle(page)
    return main(page)


def upload(page: Page, path: Path, *, index: int = 0) -> None:
    """Upload a file through the page's ``index``-th file input and wait until the run it starts ends."""
    page.locator('input[type="file"]').nth(index).set_input_files(path)
    # the uploader shows the file (its name may be shortened on screen; its remove button names it in full),
    # then the run the upload starts must end; the caller then waits for what that run shows
    expect(main(page).get_by_role("button", name=f"Remove {path.name}", exact=True)).to_be_visible()
    wait_idle(page)


def download(page: Page, label: str, *, within: Locator | None = None, nth: int = 0) -> tuple[str, bytes]:
    """Click a download button by its exact label; the file name and bytes the browser received."""
    scope = within if within is not None else main(page)
    button = scope.get_by_test_id("stDownloadButton").get_by_role("button", name=label, exact=True).nth(nth)
    with page.expect_download(timeout=TIMEOUT_MS) as info:
        button.click()
    done = info.value
    failure = done.failure()
    assert failure is None, f"download {label!r} failed in the browser: {failure}"
    return done.suggested_filename, Path(done.path()).read_bytes()
