"""Data quality in a real browser: flag, leave out on the Data page, see it said on the results page and in the
downloaded report. One browser session (tests/planted.py: a file in Qualtrics' layout with planted respondents)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser import add_choice, download, go, heading, main, open_app, upload, wait_idle
from tests.planted import qualtrics_csv

pytestmark = pytest.mark.e2e
CAVEAT = "8 respondenter med flagg er holdt utenfor"


def test_leaving_flagged_respondents_out_is_said_on_the_results_page_and_in_the_report(page: Page, streamlit_url: str,
                                                                                       tmp_path: Path):
    data = tmp_path / "planted.csv"
    data.write_bytes(qualtrics_csv())
    open_app(page, streamlit_url)
    upload(page, data)
    area = main(page)
    expect(area.get_by_text("Lest: planted.csv", exact=False)).to_be_visible()
    expect(heading(page, "Datakvalitet")).to_be_visible()
    # the counts per check, never a list of respondents (3 speeders, 3 straight-liners, 2 break-offs planted)
    expect(area.get_by_text("Med minst ett flagg: 11 av 60. Med minst to: 0.")).to_be_visible()
    for check in ("For rask", "Samme svar i hele temaet", "Avbrutt"):
        add_choice(page, "Hold utenfor respondenter flagget av", check)
    expect(area.get_by_text(CAVEAT, exact=False).first).to_be_visible()
    expect(heading(page, "Med / uten flaggede").or_(area.get_by_text("Med / uten flaggede", exact=True))).to_be_visible()
    wait_idle(page)

    area = go(page, "Resultater")
    expect(area.get_by_text(CAVEAT, exact=False).first).to_be_visible()

    area = go(page, "Rapport")
    name, report = download(page, "report_html", "Last ned HTML")
    assert name == "planted_rapport.html" and CAVEAT in report.decode("utf-8")
    expect(area.get_by_test_id("stException")).to_have_count(0)
