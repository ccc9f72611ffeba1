"""Coding comments in a real browser (issue #46): a code written on the comments page is counted on the results page
and in the downloaded report, as a multiple-response question, with its quotes. One browser session."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser import download, go, main, open_app, wait_idle

pytestmark = pytest.mark.e2e


def _fill(page: Page, label: str, value: str) -> None:
    """Fill a field of the coding form (a form sends nothing until its button is clicked)."""
    box = main(page).get_by_test_id("stTextInput").filter(has=page.get_by_text(label, exact=True))
    expect(box).to_have_count(1)
    box.get_by_role("textbox").fill(value)


def test_a_code_written_on_the_comments_page_is_counted_on_the_results_page_and_in_the_report(
        page: Page, streamlit_url: str):
    open_app(page, streamlit_url)
    area = go(page, "Kommentarer")
    expect(area.get_by_text("Ingen koder ennå", exact=False)).to_be_visible()
    # the demo's comments on knowledge: "jobbet" (R26, R32) and nynorsk "jobba" (R01, a school owner) share a stem
    _fill(page, "Kodenavn", "Tidligere arbeid")
    _fill(page, "Ord", "jobbet")
    area.get_by_role("button", name="Lagre koden", exact=True).click()
    wait_idle(page)
    # the counts: the demo protects rolle, and the 2 school owners' comments are under the minimum of 5, so the
    # base is the 6 school leaders who commented, 2 of them with the code (R26, R32)
    expect(area.get_by_text("Tidligere arbeid (2)", exact=True)).to_be_visible()
    counts = area.get_by_test_id("stDataFrame").filter(has_text="Grunnlag (n)")
    expect(counts).to_have_count(1)
    expect(area.get_by_text("Ukodede kommentarer (skriv neste regel ut fra dem) (4)", exact=False)).to_be_visible()

    results = go(page, "Resultater")
    expect(results.get_by_role("heading", name="kommentar_kunnskap (Flere svar mulig)", exact=True)).to_be_visible()
    table = results.get_by_test_id("stTable").filter(has_text="Tidligere arbeid")
    expect(table).to_have_count(1)
    expect(table).to_contain_text("Ukodet")

    go(page, "Rapport")
    name, data = download(page, "report_html", "Last ned HTML")
    assert name.endswith(".html")
    html = data.decode("utf-8")
    assert "Tidligere arbeid" in html and "Ukodet" in html  # the coded question's table
    assert "Sitater per kode: kommentar_kunnskap" in html and "Tidligere arbeid (2)" in html
    assert "Skulane har jobba" not in html.split("Sitater per kode")[1]  # the owners' comment is held back
