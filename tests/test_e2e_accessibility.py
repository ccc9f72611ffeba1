"""Accessibility checked, not promised (WCAG 2.1 via axe-core, the engine Deque publishes; its script ships
inside the PyPI package axe-playwright-python, since this machine reaches PyPI and not npm): every page of the
app, with the demo and with three groups, and the downloaded HTML report, have no serious or critical
violation. The rules axe runs are WCAG 2.1 A and AA (``runOnly`` below); README names the criteria."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.browser import add_choice, choose, click, download, go, main, open_app, upload
from tests.conftest import EXTERNAL

pytestmark = pytest.mark.e2e
PAGES = ("Data", "Resultater", "Kommentarer", "Rapport", "Feltarbeid", "Over tid", "Metode")
#: WCAG 2.0 and 2.1, levels A and AA (axe's tags)
OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
           "resultTypes": ["violations"]}


def _serious(page: Page, where: str) -> list[str]:
    """The serious and critical violations on the page, one line each (rule, impact, first element)."""
    violations = Axe().run(page, options=OPTIONS).response["violations"]
    return [f"{where}: {v['id']} ({v['impact']}) at {v['nodes'][0]['target']}: {v['help']}"
            for v in violations if v["impact"] in ("serious", "critical")]


def test_every_page_and_the_html_report_pass_axe(page: Page, streamlit_url: str):
    open_app(page, streamlit_url)
    found: list[str] = []
    for title in PAGES:
        if title != "Data":
            go(page, title)
        found += _serious(page, title)
    go(page, "Rapport")
    _, data = download(page, "report_html", "Last ned HTML")
    report = page.context.new_page()
    report.set_content(data.decode("utf-8"))
    found += _serious(report, "HTML report")
    assert not found, "\n".join(found)


def test_the_results_page_with_three_groups_passes_axe(page: Page, streamlit_url: str, tmp_path):
    path = tmp_path / "EFC.sav"
    path.write_bytes((EXTERNAL / "efc" / "EFC.sav").read_bytes())
    open_app(page, streamlit_url)
    upload(page, path)
    label = "Variabler som kan brukes til gruppering og filter"
    add_choice(page, label, "c172code")  # nothing when the file's setup chose it already
    choose(page, "Gruppevariabel", "c172code",
           shows=main(page).get_by_text("Inviterte intermediate level of education", exact=True))
    found = _serious(page, "Data (EFC)")
    area = go(page, "Resultater")
    click(page, area.get_by_text("Vis hvert par", exact=False))  # the table of every pair, drawn on demand
    found += _serious(page, "Resultater (EFC, three groups)")
    assert not found, "\n".join(found)


def test_the_trend_page_with_two_waves_passes_axe(page: Page, streamlit_url: str, tmp_path):
    from tests.browser import heading
    from tests.test_waves import _sav, _wave2_frames

    frame, _ = _wave2_frames()
    path = tmp_path / "runde2.sav"
    path.write_bytes(_sav(frame))
    open_app(page, streamlit_url)
    go(page, "Over tid")
    upload(page, path, key="waves_upload")
    from playwright.sync_api import expect

    expect(heading(page, "Utvikling per spørsmål og gruppe")).to_be_visible()
    found = _serious(page, "Over tid (two waves, a question flagged)")
    assert not found, "\n".join(found)
