"""What a newcomer does in the first five minutes (issue #28), on two real files no other test uploads
(tests/real_files.py): upload, confirm the setup in no more decisions than the file has scales, see the first
theme's results with the caveats, download the report and open it.

1. psych's bfi as SPSS: 25 items on one 6-point scale whose direction is only the codes' order, gender,
   education (its own labels: background, not a question), age.
2. carData's WVS as a survey tool's CSV: no rating scale, two yes/no questions, a three-option answer.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from tests.browser import add_choice, click, download, go, main, open_app, upload
from tests.real_files import REVERSE_KEYED, write_bfi_sav, write_wvs_csv
from tests.test_e2e import _docx_text_and_pictures

pytestmark = pytest.mark.e2e


def test_a_newcomer_sets_up_an_spss_file_in_one_decision_and_gets_the_report(page: Page, streamlit_url: str,
                                                                              tmp_path: Path):
    path = write_bfi_sav(tmp_path / "bfi.sav")
    open_app(page, streamlit_url)
    upload(page, path)
    area = main(page)
    expect(area.get_by_text("Lest: bfi.sav — 2800 respondenter, 25 spørsmål.", exact=False)).to_be_visible()
    # one decision for the one scale, with psych's reverse-keyed items proposed under it
    asks = area.get_by_text("Går den riktig vei, fra lavest til høyest?", exact=False)
    expect(asks).to_have_count(1)
    proposed = area.get_by_text("Kan være snudd (foreslått, ikke gjort):", exact=False)
    expect(proposed).to_be_visible()
    assert all(item in proposed.inner_text() for item in REVERSE_KEYED)
    expect(area.get_by_text("Bakgrunn (kan brukes til gruppe og filter): gender, education", exact=False)).to_be_visible()
    # before the decision, the results page says the setup is unconfirmed; it opens on the first theme
    results = go(page, "Resultater")
    expect(results.get_by_text("Oppsettet er ikke bekreftet", exact=False)).to_be_visible()
    themes = results.locator(".st-key-themes_widget")
    expect(themes.get_by_text("A", exact=True)).to_be_visible()
    expect(results.get_by_text("education", exact=True)).to_have_count(0)
    # the decision: turn the proposed items round, then confirm the scale is the right way
    area = go(page, "Data")
    click(page, area.locator(".st-key-decision_cand_0").get_by_role("button"))
    expect(area.get_by_text("Fila er lest på nytt med rettingene.", exact=True)).to_be_visible()
    expect(area.get_by_text("Bekreftet:", exact=False)).to_be_visible()
    results = go(page, "Resultater")
    expect(results.get_by_text("Oppsettet er ikke bekreftet", exact=False)).to_have_count(0)
    expect(results.get_by_role("heading", name="Forbehold")).to_be_visible()
    area = go(page, "Rapport")
    _, docx = download(page, "report_docx", "Last ned DOCX")
    text, pictures, tables = _docx_text_and_pictures(docx)
    assert "Oppsettet er ikke bekreftet" not in text and pictures >= 5 and tables >= 5
    expect(area.get_by_test_id("stException")).to_have_count(0)
    # the setup saved from the Data page carries the turned items and the protected columns; uploaded beside
    # the file in a new session, it asks nothing and protects the same columns
    go(page, "Data")
    # no column is protected until one is a grouping ("gender" is no plain grouping): the newcomer makes it one
    add_choice(page, "Variabler som kan brukes til gruppering og filter", "gender")
    name, saved = download(page, "setup_csv", "Last ned oppsettet (CSV)")
    setup = pd.read_csv(io.BytesIO(saved), sep=";", encoding="utf-8-sig", dtype=str).fillna("").set_index("column")
    assert set(setup.index[setup["reverse"] == "ja"]) == REVERSE_KEYED
    assert list(setup.index[setup["protect"] == "ja"]) == ["gender"]
    (tmp_path / name).write_bytes(saved)
    open_app(page, streamlit_url)
    upload(page, tmp_path / name, key="codebook_upload")
    upload(page, path)
    area = main(page)
    expect(area.get_by_text("Lest: bfi.sav", exact=False)).to_be_visible()
    expect(area.get_by_text("Går den riktig vei", exact=False)).to_have_count(0)
    results = go(page, "Resultater")
    expect(results.get_by_text("Oppsettet er ikke bekreftet", exact=False)).to_have_count(0)


def test_a_newcomer_opens_a_csv_without_scales_and_gets_its_questions_and_report(page: Page, streamlit_url: str,
                                                                                 tmp_path: Path):
    path = write_wvs_csv(tmp_path / "wvs.csv")
    open_app(page, streamlit_url)
    upload(page, path)
    area = main(page)
    expect(area.get_by_text("wvs.csv — 5381 respondenter", exact=False)).to_be_visible()
    expect(area.get_by_text("Går den riktig vei", exact=False)).to_have_count(0)  # nothing to decide
    results = go(page, "Resultater")
    expect(results.get_by_role("heading", name="Andre spørsmål", exact=True)).to_be_visible()
    for heading in ("religion (Ja/nei)", "degree (Ja/nei)"):
        expect(results.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    area = go(page, "Rapport")
    _, docx = download(page, "report_docx", "Last ned DOCX")
    text, pictures, _ = _docx_text_and_pictures(docx)
    assert "Andre spørsmål" in text and pictures >= 1
    expect(area.get_by_test_id("stException")).to_have_count(0)
