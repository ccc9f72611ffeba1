"""Text from a file is plain text everywhere in the browser: group names that are Markdown links or images,
bare addresses and icon shortcodes show as typed, never as links, images or icons, and the page loads
nothing from an address in the file (a remote image would be a tracking beacon)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from tests.browser import go, main, open_app, upload
from tests.conftest import FIXTURES

pytestmark = pytest.mark.e2e
# group names (short enough to be read as groups, not as free text)
LINK = "[K](http://e.invalid):material/add:"
IMAGE = "![](http://e.invalid)"
COMMENT = "Se https://e.invalid/c og www.e.invalid :material/home: ![](https://e.invalid/k.png)"


def test_file_text_is_never_markup(page: Page, streamlit_url: str, tmp_path: Path):
    frame = pd.read_csv(FIXTURES / "lmp_ch2_3.csv", dtype=str, keep_default_na=False)
    frame["rolle"] = frame["rolle"].map({"Skoleleder": LINK, "Skoleeier": IMAGE})
    frame["kommentar_kunnskap"] = COMMENT
    path = tmp_path / "lenker.csv"
    frame.to_csv(path, index=False)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    open_app(page, streamlit_url)
    upload(page, path)
    expect(main(page).get_by_text("Lest: lenker.csv")).to_be_visible()
    for title in ("Data", "Resultater", "Kommentarer", "Rapport"):
        area = go(page, title) if title != "Data" else main(page)
        expect(area.locator('a[href*="e.invalid"]')).to_have_count(0)
        expect(area.locator('img[src*="e.invalid"]')).to_have_count(0)
        expect(area.get_by_test_id("stException")).to_have_count(0)
        if title == "Resultater":
            # the group names as typed, in the table and the chart's legend
            # (the app puts an invisible word joiner after "http:" so that no link is made of it)
            shown = area.get_by_test_id("stTable").first.inner_text().replace("\u2060", "")
            assert LINK in shown and IMAGE in shown
    assert not [url for url in requested if "e.invalid" in url]
