"""Every kind of question in the browser (issue #27): a user uploads an export with a scale, a single-choice
question, a yes/no question, a "tick all that apply" question (as 0/1 columns and as one ";"-separated column)
and a number; the Data page counts them, the results page shows each kind with its chart and table, the CSV of
the single-choice question holds pandas' crosstab, and the Word and Excel reports carry the chapter."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from tests.browser import add_choice, download, go, main, open_app, upload
from tests.test_e2e import _docx_text_and_pictures, _xlsx_sheets
from tests.test_kinds import HEARD, mixed_frame

pytestmark = pytest.mark.e2e


def test_every_kind_of_question_from_upload_to_report(page: Page, streamlit_url: str, tmp_path: Path):
    frame = mixed_frame()
    path = tmp_path / "alle_typer.csv"
    frame.to_csv(path, index=False)
    open_app(page, streamlit_url)
    upload(page, path)
    area = main(page)
    # one scale and five questions of other kinds (the two tick sets, the single choice, yes/no, the number)
    expect(area.get_by_text("Lest: alle_typer.csv — 150 respondenter, 6 spørsmål (1 med svarskala, 5 av andre "
                            "typer).")).to_be_visible()
    expect(area.get_by_text("Flere svar mulig: 3 alternativer skilt med «;» i én kolonne.")).to_be_visible()
    results = go(page, "Resultater")
    expect(results.get_by_role("heading", name="Andre spørsmål", exact=True)).to_be_visible()
    for heading in ("tiltak (Flere svar mulig)", "Hvordan fikk du høre om tilbudet? (Ett svar)", "deltok (Ja/nei)",
                    "tiltak_liste (Flere svar mulig)", "antall_elever (Tall)"):
        expect(results.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    expect(results.get_by_text("Flere svar mulig: andelene summerer seg til mer enn 100 %.").first).to_be_visible()
    # the single-choice question's table as CSV: each group's counts are pandas' crosstab of the uploaded file
    name, data = download(page, "kind_csv_1", "Last ned CSV")
    assert name == "alle_typer_2.csv"
    table = pd.read_csv(io.BytesIO(data), sep=";", encoding="utf-8-sig", dtype=str).set_index("Svaralternativ")
    column = "Hvordan fikk du høre om tilbudet?"
    answered = frame[frame[column] != "Vet ikke"]
    crosstab = pd.crosstab(answered[column], answered["rolle"])
    for option in crosstab.index:
        for group in crosstab.columns:
            assert int(table.loc[option, f"{group} n"]) == int(crosstab.loc[option, group])
    # the number question's chart as SVG: quartile boxes, and no single answer is drawn
    _, svg = download(page, "kind_4_svg", "Last ned SVG")
    assert b"Median" in svg
    area = go(page, "Rapport")
    _, docx = download(page, "report_docx", "Last ned DOCX")
    text, pictures, tables = _docx_text_and_pictures(docx)
    assert "Andre spørsmål" in text and "Flere svar var mulig, så andelene summerer seg til mer enn 100 prosent." in text
    share_yes = 100 * (frame.loc[frame["rolle"] == "Leder", "deltok"] == "Ja").mean()
    assert f"flest i Leder svarte «Ja» ({share_yes:.1f}".replace(".", ",").rstrip("0").rstrip(",") in text
    assert pictures >= 6 and tables >= 6
    _, xlsx = download(page, "report_xlsx", "Last ned XLSX")
    sheet = _xlsx_sheets(xlsx)["Andre spørsmål"]
    assert any("Kurs" in str(cell) for row in sheet for cell in row)
    expect(area.get_by_test_id("stException")).to_have_count(0)


def test_a_large_export_opens_with_its_first_questions_of_other_kinds_and_the_rest_on_demand(
        page: Page, streamlit_url: str, tmp_path: Path):
    """Twelve single-choice questions: the results page draws the first ten (in the file's order), says so, and
    draws the eleventh when the user picks it; the Word report has all twelve."""
    questions = [f"Hvor fikk du høre om tiltak {k}?" for k in range(1, 13)]
    path = tmp_path / "mange_valg.csv"
    pd.DataFrame({q: [HEARD[(i + k) % len(HEARD)] for i in range(60)]
                  for k, q in enumerate(questions)}).to_csv(path, index=False)
    open_app(page, streamlit_url)
    upload(page, path)
    expect(main(page).get_by_text("0 med svarskala, 12 av andre typer", exact=False)).to_be_visible()
    results = go(page, "Resultater")
    expect(results.get_by_text("Viser 10 av 12 spørsmål av andre typer.", exact=False)).to_be_visible()
    for q in questions[:10]:
        expect(results.get_by_role("heading", name=f"{q} (Ett svar)", exact=True)).to_be_visible()
    for q in questions[10:]:
        expect(results.get_by_role("heading", name=f"{q} (Ett svar)", exact=True)).to_have_count(0)
    add_choice(page, "Spørsmål av andre typer", f"{questions[10]} (Ett svar)")
    expect(results.get_by_role("heading", name=f"{questions[10]} (Ett svar)", exact=True)).to_be_visible()
    expect(results.get_by_text("Viser 11 av 12 spørsmål av andre typer.", exact=False)).to_be_visible()
    expect(results.get_by_role("heading", name=f"{questions[11]} (Ett svar)", exact=True)).to_have_count(0)
    go(page, "Rapport")
    _, docx = download(page, "report_docx", "Last ned DOCX")
    text, _, _ = _docx_text_and_pictures(docx)
    assert all(q in text for q in questions)
