"""End to end in a real browser (Debian's chromium through playwright): upload the report's
fixture, open the results, read Tabell 2.1's numbers off the page, save a screenshot."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import FIXTURES

pytestmark = pytest.mark.e2e
SHOTS = os.environ.get("E2E_SCREENSHOTS")


def _shot(page: Page, tmp_path: Path, name: str) -> None:
    page.mouse.move(0, 0)
    page.wait_for_timeout(600)  # let vega finish drawing
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=folder / f"{name}.png", full_page=True)


def test_upload_and_results(page: Page, streamlit_url: str, tmp_path: Path):
    page.set_default_timeout(60_000)
    page.goto(streamlit_url)
    expect(page.get_by_role("heading", name="Data")).to_be_visible()
    expect(page.get_by_text("46 respondenter")).to_be_visible()  # the demo is loaded at start
    page.locator('input[type="file"]').first.set_input_files(FIXTURES / "lmp_ch2_3.csv")
    expect(page.get_by_text("Lest: lmp_ch2_3.csv")).to_be_visible()
    _shot(page, tmp_path, "data")
    page.get_by_test_id("stSidebarNavLink").filter(has_text="Resultater").click()
    expect(page.get_by_role("heading", name="Resultater")).to_be_visible()
    table = page.get_by_test_id("stTable")
    expect(table).to_be_visible()
    # report Tabell 2.1: Skoleleder 4,44 (0,61) and 3,74 (0,78); d 0,08 and 0,40
    for number in ("4,44", "0,61", "3,74", "0,78", "0,08", "0,40", "ingen/svak"):
        expect(table).to_contain_text(number)
    expect(page.get_by_test_id("stVegaLiteChart").first.locator("canvas, svg").first).to_be_visible()
    expect(page.get_by_text("57\xa0%").first).to_be_visible()
    _shot(page, tmp_path, "results")


def test_comments_and_method_pages(page: Page, streamlit_url: str, tmp_path: Path):
    page.set_default_timeout(60_000)
    page.goto(streamlit_url)
    expect(page.get_by_text("46 respondenter")).to_be_visible()
    page.get_by_test_id("stSidebarNavLink").filter(has_text="Kommentarer").click()
    expect(page.get_by_role("heading", name="Kommentarer")).to_be_visible()
    expect(page.get_by_test_id("stDataFrame")).to_be_visible()
    _shot(page, tmp_path, "comments")
    page.get_by_test_id("stSidebarNavLink").filter(has_text="Rapport").click()
    expect(page.get_by_text("Last ned DOCX")).to_be_visible()
    expect(page.get_by_text("94,4 prosent").first).to_be_visible()
    _shot(page, tmp_path, "report")
    page.get_by_test_id("stSidebarNavLink").filter(has_text="Metode").click()
    expect(page.get_by_role("heading", name="Metode", exact=True)).to_be_visible()
    expect(page.get_by_role("cell", name="ingen/svak")).to_be_visible()  # Tabell 1.1 on the method page
    _shot(page, tmp_path, "method")


def test_fieldwork_progress_and_reminder_list(page: Page, streamlit_url: str, tmp_path: Path):
    from tests.test_fieldwork import invitation_csv, responses_with_times

    answers, invited = tmp_path / "svar.csv", tmp_path / "inviterte.csv"
    answers.write_bytes(responses_with_times())
    invited.write_bytes(invitation_csv())
    page.set_default_timeout(60_000)
    page.goto(streamlit_url)
    expect(page.get_by_text("46 respondenter")).to_be_visible()
    page.locator('input[type="file"]').first.set_input_files(answers)
    expect(page.get_by_text("Lest: svar.csv")).to_be_visible()
    page.get_by_test_id("stSidebarNavLink").filter(has_text="Feltarbeid").click()
    expect(page.get_by_role("heading", name="Feltarbeid")).to_be_visible()
    page.locator('input[type="file"]').first.set_input_files(invited)
    expect(page.get_by_role("heading", name="Framdrift")).to_be_visible()
    table = page.get_by_test_id("stTable").first
    expect(table).to_contain_text("57,1")
    expect(table).to_contain_text("41,7")
    expect(page.get_by_test_id("stVegaLiteChart").first.locator("canvas, svg").first).to_be_visible()
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible()
    expect(page.get_by_text("Ikke svart – til neste påminnelse")).to_be_visible()
    _shot(page, tmp_path, "fieldwork")
