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


#: the note the Data page shows while a large file's checks are made (``pages/data.py`` ``quality_later``)
LATER = "vises her om et øyeblikk"
#: a watch in the page: whether the note was ever drawn (the run that shows it ends before the checks are made,
#: so the note may stand for a few tenths of a second only)
_LATER_WATCH_JS = """(text) => {
  window.__laterSeen = false;
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid=stMain]')?.textContent.includes(text)) {
      window.__laterSeen = true;
      observer.disconnect();
    }
  }).observe(document.body, {childList: true, subtree: true, characterData: true});
}"""


def test_a_large_files_checks_follow_by_themselves_after_the_page_has_said_what_it_read(page: Page, streamlit_url: str,
                                                                                         tmp_path: Path):
    """#47: a file of 101,200 respondents (the demo's 46, 2,200 times): the run that reads it ends without waiting
    for the data-quality checks and says they follow; with no click, the page is run once more when they are
    made, and draws the section. The step counts the runs the server reports finished (tests/browser.py): the
    upload's and exactly one more, whatever the timing."""
    import pandas as pd

    from tests.browser import finished_runs, wait_for_run
    from tests.conftest import FIXTURES

    base = pd.read_csv(FIXTURES / "lmp_ch2_3.csv", dtype=str, keep_default_na=False)
    big = pd.concat([base] * 2_200, ignore_index=True)
    text_columns = [c for c in big.columns if c.startswith("kommentar")]
    big.loc[len(base):, text_columns] = ""  # the comments stay in the first 46 rows
    data = tmp_path / "stor.csv"
    big.to_csv(data, index=False)
    open_app(page, streamlit_url)
    page.evaluate(_LATER_WATCH_JS, LATER)
    runs = finished_runs(page)
    upload(page, data)
    wait_for_run(page, runs + 1)  # the run the checks start when they are made, after the upload's
    area = main(page)
    expect(area.get_by_text("Lest: stor.csv — 101 200 respondenter", exact=False)).to_be_visible()
    assert page.evaluate("() => window.__laterSeen"), "the page waited for the checks: their note was never drawn"
    expect(heading(page, "Datakvalitet")).to_be_visible()
    expect(area.get_by_text("Med minst ett flagg:", exact=False)).to_contain_text("av 101 200.")
    expect(area.get_by_text(LATER, exact=False)).to_have_count(0)
    assert finished_runs(page) == runs + 2  # the upload's run and the one after the checks; no run after that
    area = go(page, "Resultater")
    expect(area.locator("[data-testid=stImage] img").first).to_be_visible()
