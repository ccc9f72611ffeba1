"""The first results of a survey tool's export in the browser (issues #41 and #42): a user uploads an export made
to the layout of Google Forms, one to the layout of Nettskjema and SurveyXact's real example export (readSX's
``ex_survey2.xlsx``, 150 respondents; :mod:`tests.public_exports`), reaches the results page with a chart and no group,
groups by a single-choice question (made a grouping column on the Data page), and downloads every report (the
Word one opened); no download fails and no error is shown."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from tests.browser import _pick, acting, add_choice, download, go, main, open_app, upload
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
])
def test_an_export_from_upload_to_word_report(page: Page, streamlit_url: str, tmp_path: Path, name, make, choice,
                                              first):
    path = tmp_path / name
    path.write_bytes(make())
    open_app(page, streamlit_url)
    upload(page, path)
    expect(main(page).get_by_text(f"Lest: {name}", exact=False)).to_be_visible()
    # grouping by the single-choice question is a choice on the Data page (it protects the column)
    add_choice(page, "Variabler som kan brukes til gruppering og filter", choice)
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
    expect(results.get_by_test_id("stVegaLiteChart").first).to_be_visible()
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
