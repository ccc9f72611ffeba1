"""Deterministic steps for the browser tests: every step waits for the state it needs, never for time.

Streamlit keeps the previous page's elements on screen while the next page's script runs (marked
``data-stale="true"`` only while it runs) and removes them in a render *after* it reports the run
finished, so for a moment the old page's elements stand beside the new ones, unmarked. A locator that
took the first match could hit one of those. So after each navigation these helpers wait until
1. the new page's own heading is in the main area,
2. the old page's heading has left it (the old elements are removed together),
3. the app says its script has finished (``data-test-script-state="notRunning"`` on ``stApp``), and
4. no stale element is left;
buttons are found by their widget key (``.st-key-…``), and other locators are scoped to the main
area (or the sidebar) with exact names.

"The new run has not started yet" looks the same in the page as "it has ended": both are idle. So every
step that starts a run (an upload, a choice, a click, a page change) counts the runs the server reports
finished (Streamlit's ``script_finished`` messages on the page's websocket, read with Streamlit's own
protobuf classes) before it acts, and waits until one more has finished before it waits for the page to be
idle (:func:`acting`). A file upload, for example, starts its run only when the upload is complete, so the
step cannot pass while the file is still on its way.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Locator, Page, Response, WebSocket, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

TIMEOUT_MS = 60_000  # a cold server on a busy CI machine imports scipy/statsmodels on its first run
# every expect() waits this long too (its own default is 5 s): on a cold server the first script run can
# take longer, and until it has run the browser shows Streamlit's page list instead of the app's
expect.set_options(timeout=TIMEOUT_MS)


def main(page: Page) -> Locator:
    """The page's main area (not the sidebar, where the navigation and the caveats live)."""
    return page.get_by_test_id("stMain")


def wait_idle(page: Page) -> None:
    """Wait until the script run has finished and every element of the previous run has left."""
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning",
                                                          timeout=TIMEOUT_MS)
    expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=TIMEOUT_MS)


_RUNS = "_lmp_finished_runs"  # the attribute on a Page that counts the runs its session finished
_SOCKETS = "_lmp_sockets"  # the attribute on a Page that counts the websockets it opened to the server


def watch_runs(page: Page) -> None:
    """Count the script runs the server reports finished to this page, and the page's connections to the server
    (once per page; before its first load).

    Every run ends in a ``ForwardMsg`` whose ``script_finished`` field says how; a run superseded by a newer one
    (``FINISHED_EARLY_FOR_RERUN``) is not counted, since the page it drew is not the one the step waits for.
    """
    if hasattr(page, _RUNS):
        return
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    done = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR}
    setattr(page, _RUNS, 0)
    setattr(page, _SOCKETS, 0)

    def on_frame(payload: bytes | str) -> None:
        if isinstance(payload, str):
            return
        msg = ForwardMsg.FromString(payload)
        if msg.WhichOneof("type") == "script_finished" and msg.script_finished in done:
            setattr(page, _RUNS, getattr(page, _RUNS) + 1)

    def on_socket(socket: WebSocket) -> None:
        setattr(page, _SOCKETS, getattr(page, _SOCKETS) + 1)
        socket.on("framereceived", on_frame)

    page.on("websocket", on_socket)


def finished_runs(page: Page) -> int:
    """How many script runs the server has reported finished to this page."""
    return getattr(page, _RUNS)


def _sockets(page: Page) -> int:
    return getattr(page, _SOCKETS, 0)


def wait_for_run(page: Page, before: int, sockets: int | None = None) -> None:
    """Wait until a run after the ``before``-th has finished, then until the page shows it (:func:`wait_idle`);
    with ``sockets`` (the page's connections when the step began), fail if the page reconnects meanwhile."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while finished_runs(page) <= before:
        if sockets is not None:
            same_connection(page, sockets)
        if time.monotonic() > deadline:
            raise AssertionError(f"no script run finished within {TIMEOUT_MS / 1000:.0f} s of the step")
        page.wait_for_timeout(20)  # lets Playwright deliver the websocket's frames
    wait_idle(page)


def same_connection(page: Page, sockets: int) -> None:
    """Fail, naming the cause, if the page has opened a connection to the server since it had ``sockets``.

    Streamlit's page reconnects when its websocket closes, and reruns the script on the new one; that run is not
    the one a step waits for, and a file whose upload was under way is dropped by the uploader (the page shows
    what it showed before the upload). A step that passed through a reconnect proves nothing about its action.
    """
    if _sockets(page) != sockets:
        raise AssertionError(f"the page reconnected to the server during the step ({_sockets(page) - sockets} new "
                             "websocket): the run it saw is the reconnect's, not the step's")


@contextmanager
def acting(page: Page) -> Iterator[None]:
    """Around a step that starts a script run: on leaving, wait for that run to finish and be drawn."""
    before, sockets = finished_runs(page), _sockets(page)
    yield
    wait_for_run(page, before, sockets)
    same_connection(page, sockets)


def click(page: Page, target: Locator) -> None:
    """Click ``target`` (a button, radio option or checkbox that reruns the script) and wait for that run."""
    with acting(page):
        target.click()


def heading(page: Page, title: str) -> Locator:
    """The main area's heading with exactly this text."""
    return main(page).get_by_role("heading", name=title, exact=True)


def open_app(page: Page, url: str) -> None:
    """A new session: the demo survey is loaded and the Data page has finished drawing."""
    page.set_default_timeout(TIMEOUT_MS)
    watch_runs(page)
    before = finished_runs(page)
    page.goto(url)
    # the session's first run: the run counter is read every 20 ms, where a waiting expect() polls every 500 ms
    wait_for_run(page, before)
    expect(heading(page, "Data")).to_be_visible()
    wait_idle(page)
    expect(main(page).get_by_text("46 respondenter")).to_be_visible()


def go(page: Page, title: str) -> Locator:
    """Click a page in the sidebar's navigation and wait until it has finished drawing; its main area."""
    old = main(page).locator("h1").first.inner_text().strip()
    with acting(page):
        page.get_by_test_id("stSidebarNavLink").filter(has_text=title).click()
    expect(heading(page, title)).to_be_visible()
    if old != title:  # the old page's title (h1) has gone; the new page may hold a section of that name
        expect(main(page).get_by_role("heading", level=1, name=old, exact=True)).to_have_count(0, timeout=TIMEOUT_MS)
    wait_idle(page)
    return main(page)


def _is_upload(response: Response) -> bool:
    return response.request.method == "PUT" and "/_stcore/upload_file/" in response.url


def uploader(page: Page, key: str = "upload") -> Locator:
    """The file input of the uploader with this widget key, in the main area.

    By key, never by position: while a run redraws the page, an uploader may be absent for a moment, and the
    n-th file input is then another uploader's (a forms export once went into the Data page's reference field).
    The Data page's keys: ``upload`` (the survey), ``codebook_upload``, ``reference_upload``; Fieldwork:
    ``invited_upload``; Over time: ``waves_upload``.
    """
    return main(page).locator(f".st-key-{key}").locator('input[type="file"]')


def upload(page: Page, path: Path, *, key: str = "upload") -> None:
    """Upload a file through the uploader with this widget key (:func:`uploader`) and wait until the run it
    starts ends.

    The page starts that run once the server has answered the file's upload request: so the step waits for the
    answer, then for a run that finished after it (a run that ended while the file was on its way is not it).
    """
    sockets = _sockets(page)
    field = uploader(page, key)
    expect(field).to_have_count(1)
    with page.expect_response(_is_upload, timeout=TIMEOUT_MS) as answer:
        field.set_input_files(path)
    assert answer.value.ok, f"the server refused the upload of {path.name}: HTTP {answer.value.status}"
    wait_for_run(page, finished_runs(page), sockets)
    same_connection(page, sockets)
    # the uploader shows the file (its name may be shortened on screen; its remove button names it in full)
    expect(main(page).locator(f".st-key-{key}").get_by_role("button", name=f"Remove {path.name}",
                                                            exact=True)).to_be_visible()


def download(page: Page, key: str, label: str) -> tuple[str, bytes]:
    """Click the download button with this widget key (and, as a check, this label); the file name and
    the bytes the browser received."""
    button = main(page).locator(f".st-key-{key}").get_by_role("button", name=label, exact=True)
    expect(button).to_have_count(1)
    with page.expect_download(timeout=TIMEOUT_MS) as info:
        button.click()
    done = info.value
    failure = done.failure()
    assert failure is None, f"download {label!r} failed in the browser: {failure}"
    return done.suggested_filename, Path(done.path()).read_bytes()


def _pick(page: Page, field: Locator, option: str, chosen: Locator | None = None) -> None:
    """Type ``option`` into a select box's or multiselect's text field and click it in the list.

    The option may belong to a run that has not reached the browser yet (a change just before, such as an
    upload or another choice, reruns the page and redraws the widget, closing its list): open the list again
    until the option is there, within the usual time. ``chosen``: where a multiselect shows its chosen
    options, which leave its list (a click that landed just before the redraw needs no second one).

    A multiselect's click counts when the option has become one of its chosen tags: on a busy machine a click on
    the list while it is being redrawn can be lost (no tag, no run: seen once in twelve runs with both cores
    busy), and the step then waited a minute for a run that never came. A select box's click is checked by its
    caller (the box shows the option).
    """
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while True:
        field.click()
        field.fill(option)  # filters the list to the option
        try:
            page.get_by_role("option", name=option, exact=True).click(timeout=5_000)
            if chosen is not None:
                expect(chosen_tag(chosen, option)).not_to_have_count(0, timeout=5_000)
            return
        except (PlaywrightTimeoutError, AssertionError):
            if time.monotonic() > deadline:
                raise
            page.keyboard.press("Escape")
            wait_idle(page)
            if chosen is not None and chosen_tag(chosen, option).count():
                return


def chosen_tag(box: Locator, option: str) -> Locator:
    """The tag of ``option`` among a multiselect's chosen options (a ``data-tag`` element named by its
    ``aria-label``; while the list is open the row of tags may be drawn twice): the text typed into the box to
    filter its list is part of the box's text too, so the box's text alone does not show a choice."""
    return box.locator("[data-tag]").and_(box.get_by_label(option, exact=True))


def choose(page: Page, label: str, option: str, *, shows: Locator | None = None) -> None:
    """Pick ``option`` in the main area's select box labelled ``label`` and wait for the run it starts.

    ``shows``: what that run draws. Give it when the next step leaves the page: the box shows the new value at
    once, before the server has run with it, and a page switch in that moment supersedes the run, so the
    choice is lost (seen once in 76 runs).
    """
    box = main(page).get_by_test_id("stSelectbox").filter(has=page.get_by_text(label, exact=True))
    expect(box).to_have_count(1)  # a widget of the previous run may linger for a moment after a rerun
    field = box.get_by_role("combobox")
    if field.input_value() == option:
        return
    with acting(page):
        _pick(page, field, option)
    expect(field).to_have_value(option)
    if shows is not None:
        expect(shows.first).to_be_visible()


def multiselect(page: Page, label: str) -> Locator:
    """The main area's multiselect labelled ``label``."""
    return main(page).get_by_test_id("stMultiSelect").filter(has=page.get_by_text(label, exact=True))


def add_choice(page: Page, label: str, option: str) -> None:
    """Add ``option`` to the main area's multiselect labelled ``label`` and wait for the run it starts; nothing when
    it is chosen already (a file's setup may have chosen it)."""
    box = multiselect(page, label)
    expect(box).to_have_count(1)  # a widget of the previous run may linger for a moment after a rerun
    if chosen_tag(box, option).count():
        return
    # the text field, not a chosen tag (whose centre is its remove button)
    with acting(page):
        _pick(page, box.get_by_role("combobox"), option, chosen=box)
    page.keyboard.press("Escape")
    expect(chosen_tag(box, option)).not_to_have_count(0)
    wait_idle(page)


def type_text(page: Page, label: str, value: str) -> None:
    """Type ``value`` into the main area's text field labelled ``label`` and commit it (Enter), then wait
    for the run it starts; the caller waits for what that run shows."""
    box = main(page).get_by_test_id("stTextInput").filter(has=page.get_by_text(label, exact=True))
    expect(box).to_have_count(1)
    field = box.get_by_role("textbox")
    with acting(page):
        field.fill(value)
        field.press("Enter")
    expect(field).to_have_value(value)
