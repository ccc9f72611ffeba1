"""The browser steps of tests/browser.py themselves: a step passes only on the run its own action started."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, WebSocketRoute, expect

from tests.browser import main, open_app, upload
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
