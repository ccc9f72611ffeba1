"""The browser steps of tests/browser.py themselves: a step passes only on the run its own action started."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, WebSocketRoute, expect

from tests.browser import add_choice, chosen_tag, finished_runs, main, multiselect, open_app, upload
from tests.conftest import FIXTURES

pytestmark = pytest.mark.e2e


def test_an_upload_through_a_reconnect_fails_the_step_with_its_cause(page: Page, streamlit_url: str, tmp_path: Path):
    """Streamlit's page reconnects when its websocket closes and reruns the script on the new one, and its uploader
    drops a file whose upload was under way: the page shows the demo again with an empty uploader. An upload step
    that counted the reconnect's run as its own passed, and the test failed later, far from the cause."""
    sockets: list[WebSocketRoute] = []

    def through(socket: WebSocketRoute) -> None:
        socket.connect_to_server()
        sockets.append(socket)

    page.route_web_socket("**/_stcore/stream", through)
    open_app(page, streamlit_url)
    # the connection drops as the file leaves the browser
    page.on("request", lambda r: r.method == "PUT" and len(sockets) == 1 and sockets[0].close())
    path = tmp_path / "andre.csv"
    path.write_bytes((FIXTURES / "lmp_ch2_3.csv").read_bytes().replace(b"Skoleleder", b"Leder"))
    with pytest.raises(AssertionError, match="reconnected to the server during the step"):
        upload(page, path)
    assert len(sockets) == 2
    expect(main(page).get_by_text("Lest: andre.csv")).to_have_count(0)  # the upload was indeed lost


def test_a_lost_click_in_a_multiselects_list_is_made_again(page: Page, streamlit_url: str, monkeypatch):
    """On a busy machine a click on a multiselect's list while it was redrawn was lost: no tag, no run, and the
    step waited a minute for a run that never came (tests/test_e2e.py's reversed question, about once in twelve
    runs with both cores busy). Here the first click on the list lands on the page's title instead, as a lost one
    does: the step sees no tag, picks again, and ends on the run of the choice."""
    open_app(page, streamlit_url)
    main(page).get_by_text("Rett opp det som ble feil", exact=True).click()
    real = Page.get_by_role
    lost: list[str] = []

    def get_by_role(self: Page, role: str, **kwargs):
        if role == "option" and not lost:
            lost.append(kwargs.get("name", ""))
            return real(self, "heading", name="Data", exact=True)
        return real(self, role, **kwargs)

    monkeypatch.setattr(Page, "get_by_role", get_by_role)
    label = "Snu skalaen (spørsmål med motsatt retning, merkes (R))"
    before = finished_runs(page)
    add_choice(page, label, "kunnskap_mobbing")
    assert lost == ["kunnskap_mobbing"] and finished_runs(page) > before
    expect(chosen_tag(multiselect(page, label), "kunnskap_mobbing")).not_to_have_count(0)
