"""The first results of a survey tool's export in the browser (issues #41 and #42): a user uploads an export made
to the layout of Google Forms, one to the layout of Nettskjema, SurveyXact's real example export (readSX's
``ex_survey2.xlsx``, 150 respondents; :mod:`tests.public_exports`, where it is on the machine) and two real survey
files that are on every machine (an SPSS file and a CSV of labels from ``../shared/data/external``), reaches the
results page with a chart and no group,
groups by a single-choice question (made a grouping column on the Data page), and downloads every report (the
Word one opened); no download fails and no error is shown."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from tests.browser import (
    _pick,
    acting,
    add_choice,
    download,
    finished_runs,
    go,
    main,
    open_app,
    upload,
    wait_for_run,
    watch_runs,
)
from tests.conftest import EXTERNAL, ROOT, free_port, serve, stop_app
from tests.public_exports import export_bytes
from tests.test_e2e import _docx_text_and_pictures
from tests.test_first_results import GRAD, HEARD, nettskjema_csv

pytestmark = pytest.mark.e2e


def google_forms_csv() -> bytes:
    """40 respondents in Google Forms' layout: a timestamp, then the questions' texts as headers, a "tick all"
    question as one cell of options joined by ", " and no role column (nothing is plainly a grouping)."""
    n = 40
    frame = pd.DataFrame({
        "Timestamp": [f"2024/03/{i % 28 + 1:02d} 10:{i % 60:02d}:00 AM CET" for i in range(n)],
        "I hvilken grad fungerer samarbeidet?": [GRAD[i % 5] for i in range(n)],
        "I hvilken grad er kurset nyttig?": [GRAD[(i * 3) % 5] for i in range(n)],
        "Hvordan fikk du høre om tilbudet?": [HEARD[i % 3] for i in range(n)],
        "Hva kan bli bedre?": [f"Mer tid til samarbeid, svar {i // 2}" if i % 3 else "" for i in range(n)],
    })
    return frame.to_csv(index=False).encode()


def _sidebar_group(page: Page, option: str) -> None:
    """Pick the results page's group in the sidebar and wait for the run it starts."""
    box = page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").filter(
        has=page.get_by_text("Gruppevariabel", exact=True))
    field = box.get_by_role("combobox")
    if field.input_value() != option:
        with acting(page):
            _pick(page, field, option)
        expect(field).to_have_value(option)


@pytest.mark.parametrize("name, make, choice, first", [
    ("skjema.csv", google_forms_csv, "Hvordan fikk du høre om tilbudet?", ""),
    ("data-123823.csv", lambda: nettskjema_csv(60), "radio", "rolle"),  # 60: each role × radio cell has 10
    # a real export: SurveyXact's workbook (Dataset, Structure, Labels); s_2 is a single choice of three options
    ("ex_survey2.xlsx", lambda: export_bytes("surveyxact/ex_survey2_first150.xlsx"), "s_2", ""),
    # real survey files on every machine (../shared/data/external): an SPSS file (EFC, 908 carers; e15relat,
    # the relationship to the cared-for, is single choice of 8 labelled options, some under the minimum and
    # pooled) and a CSV of labels (ESS Norway 2014, 143 respondents; vote: yes, no, not eligible); both are
    # grouping columns as uploaded
    ("EFC.sav", (EXTERNAL / "efc" / "EFC.sav").read_bytes, "e15relat", ""),
    ("ess_labels.csv", (EXTERNAL / "ess_norway_bst290" / "ess_labels.csv").read_bytes, "vote", ""),
])
def test_an_export_from_upload_to_word_report(page: Page, streamlit_url: str, tmp_path: Path, name, make, choice,
                                              first):
    path = tmp_path / name
    path.write_bytes(make())
    open_app(page, streamlit_url)
    upload(page, path)
    expect(main(page).get_by_text(f"Lest: {name}", exact=False)).to_be_visible()
    # grouping by the single-choice question is a choice on the Data page (it protects the column), made for
    # a question the file's setup did not offer as a grouping
    add_choice(page, "Variabler som kan brukes til gruppering og filter", choice)  # nothing when chosen already
    results = go(page, "Resultater")
    # the first group: none for Google Forms (nothing is plainly a grouping, and the page says so), rolle for
    # Nettskjema (two roles of 30); the user chooses none
    box = page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").filter(
        has=page.get_by_text("Gruppevariabel", exact=True))
    if first:
        expect(box.get_by_role("combobox")).to_have_value(first)
    else:  # no group (the box shows its placeholder until a choice is made)
        expect(results.get_by_text("Resultatene gjelder alle svarene samlet.", exact=False)).to_be_visible()
    _sidebar_group(page, "(ingen – alle samlet)")
    # a chart: an image drawn on the server (lmp_app/figures.py), or a Vega view where the converter failed
    expect(results.locator("[data-testid=stImage] img, [data-testid=stVegaLiteChart]").first).to_be_visible()
    _sidebar_group(page, choice)
    expect(results.get_by_test_id("stException")).to_have_count(0)
    area = go(page, "Rapport")
    file_name, docx = download(page, "report_docx", "Last ned DOCX")
    assert file_name.endswith("_rapport.docx")
    text, pictures, tables = _docx_text_and_pictures(docx)
    assert "Metode" in text and tables >= 1 and pictures >= 1  # the figures are images in the document
    _, html = download(page, "report_html", "Last ned HTML")
    assert html.startswith(b"<!")
    for key, label in (("report_xlsx", "Last ned XLSX"), ("report_pptx", "Last ned PPTX")):
        assert download(page, key, label)[1][:2] == b"PK"  # a zip: the Excel and PowerPoint files
    expect(area.get_by_test_id("stException")).to_have_count(0)
    expect(area.get_by_test_id("stDownloadButtonError")).to_have_count(0)


FAILING_PAGE = """
import streamlit as st
from lmp_app.render import download
from lmp_core.base.errors import SurveyError

def make() -> bytes:
    raise SurveyError("chart_failed", kind="PNG")

st.title("Nedlasting")
download("Last ned DOCX", make, "rapport.docx", "application/octet-stream", "report_docx")
"""


def test_a_failed_download_says_why_at_once(page: Page, tmp_path: Path):
    """A download whose bytes fail is said in the page, in bokmål, right after the click (Streamlit's own sign is
    an English "Failed to generate file for download"): the failure runs the page again by itself, without the
    user doing anything more. The page is the app's own download button in a page of its own, whose file always
    fails (no export of the tests makes a report fail any longer)."""
    import sys

    script = tmp_path / "failing.py"
    script.write_text(FAILING_PAGE)
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true", "--server.address",
           "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false"]
    proc, url = serve(cmd, port, tmp_path / "streamlit.log", env={"PYTHONPATH": str(ROOT)})
    try:
        watch_runs(page)
        page.goto(url)
        expect(main(page).get_by_role("heading", name="Nedlasting")).to_be_visible()
        button = main(page).locator(".st-key-report_docx").get_by_role("button", name="Last ned DOCX")
        expect(button).to_be_visible()
        before = finished_runs(page)
        button.click()
        wait_for_run(page, before)  # the run the failure starts
        expect(main(page).get_by_test_id("stAlertContentError")).to_contain_text(
            "Nedlastingen av rapport.docx mislyktes: Figuren kunne ikke lages som PNG. Prøv igjen, eller last ned "
            "tabellen i stedet.")
    finally:
        stop_app(proc)


def forms_export_with_blank_columns() -> bytes:
    """30 respondents in Microsoft Forms' layout (ID, times, e-mail, name, then the questions' texts): a role, a
    satisfaction question with "Somewhat satisfied" beside the five-point scale (rows 0, 4, …, 28: 8 of 30), a
    question on a grade scale and 24 questions no one was shown (blank in every row)."""
    n = 30
    satisfied = ["Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied",
                 "Very satisfied"]
    frame = pd.DataFrame({
        "ID": range(1, n + 1), "Start time": [f"3/{i % 28 + 1}/24 9:{i:02d}:00" for i in range(n)],
        "Completion time": [f"3/{i % 28 + 1}/24 9:{i + 4:02d}:00" for i in range(n)],
        "Email": ["anonymous"] * n, "Name": [""] * n,
        "Hvilken rolle har du?": [["Lærer", "Leder"][i % 2] for i in range(n)],
        "Hvor fornøyd er du med kurset?": [satisfied[i % 5] if i % 4 else "Somewhat satisfied" for i in range(n)],
        "I hvilken grad fungerer samarbeidet?": [GRAD[i % 5] for i in range(n)],
        **{f"Spørsmål {j} (ikke vist)": [""] * n for j in range(1, 25)},
    })
    return frame.to_csv(index=False).encode()


def test_the_data_page_on_a_forms_export_says_what_became_questions_and_asks(page: Page, streamlit_url: str,
                                                                                tmp_path: Path):
    """What the user guide's "Last opp" page shows (its picture is taken here with E2E_SCREENSHOTS=docs/screenshots):
    on a survey tool's export the Data page says how many of its columns became questions and asks where the
    answers outside a scale belong; placed in the scale, the question is a six-step scale."""
    import os

    path = tmp_path / "Kursevaluering.csv"
    path.write_bytes(forms_export_with_blank_columns())
    open_app(page, streamlit_url)
    upload(page, path)
    area = main(page)
    use = area.get_by_text("av 32 kolonner ble lest som spørsmål", exact=False)
    expect(use).to_contain_text("2 av 32 kolonner ble lest som spørsmål – 1 er bakgrunn")
    expect(area.get_by_text("25 kolonner har ingen rolle", exact=False)).to_be_visible()
    decision = area.locator(".st-key-outside_0")
    expect(decision).to_contain_text("'Somewhat satisfied' (8 av 30 svar). Hvor hører de hjemme i skalaen?")
    expect(decision).to_contain_text("vises spørsmålet som ett valg der alle svarene telles")
    expect(decision.get_by_role("button", name="Sett inn i skalaen")).to_be_disabled()
    shots = os.environ.get("E2E_SCREENSHOTS")
    if shots:
        page.mouse.move(0, 0)
        ask = area.get_by_text("Er det riktig? Tabellen under sier hvorfor", exact=False)
        top, bottom = decision.bounding_box(), ask.bounding_box()
        box = area.bounding_box()
        page.screenshot(path=Path(shots) / "last-opp-eksport.png", full_page=True, clip={
            "x": box["x"], "y": min(top["y"], bottom["y"]) - 16, "width": box["width"],
            "height": max(top["y"] + top["height"], bottom["y"] + bottom["height"]) - min(top["y"], bottom["y"]) + 32})
    field = decision.get_by_test_id("stSelectbox").get_by_role("combobox")
    with acting(page):
        _pick(page, field, "Mellom «Neither satisfied nor dissatisfied» og «Satisfied»")
    with acting(page):
        decision.get_by_role("button", name="Sett inn i skalaen").click()
    # read again: a scale of six steps, no question left to decide
    expect(area.locator(".st-key-outside_0")).to_have_count(0)
    expect(area.get_by_test_id("stException")).to_have_count(0)
