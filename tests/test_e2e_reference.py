"""End to end in a real browser: a reference file uploaded on the Data page reaches the results page's top-2 figure
as a mark (in the chart's SVG, as downloaded) and the report as a chapter "Sammenlignet med …" (in the downloaded
Word file), with the difference statsmodels gives on the raw answers. One browser session."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Page, expect
from statsmodels.stats.proportion import proportion_confint

from lmp_core.base.fmt import number
from tests.browser import download, go, heading, main, open_app, upload
from tests.conftest import FIXTURES

pytestmark = pytest.mark.e2e

#: a simple reference table as a user writes it: a county's top-2 share, a national mean, a suppressed figure
REFERENCE = ("spørsmål;gruppe;statistikk;verdi;skala;n;sd;etikett;kilde\n"
             "kunnskap_mobbing;;topp2;55;;;;Fylket 2025;Udir\n"
             "kunnskap_klasseledelse;;snitt;4,05;1-5;60123;0,85;Nasjonalt 2025;Udir\n"
             "kunnskap_laeringsmiljo;;snitt;*;1-5;;;Nasjonalt 2025;Udir\n")


def test_an_uploaded_reference_is_a_mark_on_the_chart_and_a_chapter_in_the_report(page: Page, streamlit_url: str,
                                                                                 tmp_path: Path):
    path = tmp_path / "referanse.csv"
    path.write_text(REFERENCE, encoding="utf-8")
    open_app(page, streamlit_url)
    upload(page, path, key="reference_upload")
    expect(main(page).get_by_text("3 referansetall fra referanse.csv: 1 skjermet, 0 med brudd i tidsserien.")) \
        .to_be_visible()

    # the difference of the school leaders' top-2 share (the demo survey is the fixture) to 55 %, with Wilson's
    # interval, from statsmodels on the raw answers
    raw = pd.read_csv(FIXTURES / "lmp_ch2_3.csv")
    answers = raw.loc[raw["rolle"] == "Skoleleder", "kunnskap_mobbing"].dropna()
    k, n = int(answers.isin(["I stor grad", "I svært stor grad"]).sum()), len(answers)
    lo, hi = proportion_confint(k, n, method="wilson")

    area = go(page, "Resultater")
    expect(heading(page, "Sammenlignet med referansen")).to_be_visible()
    expect(area.get_by_role("cell", name=f"{number(100 * (lo - 0.55), 1)} – {number(100 * (hi - 0.55), 1)}",
                            exact=True)).to_have_count(1)
    expect(area.get_by_role("cell", name="skjermet (*)", exact=True).first).to_be_visible()
    name, svg = download(page, "top2_svg", "Last ned SVG")
    text = svg.decode("utf-8")
    # the reference mark: one black tick per shown group, drawn by the layer named reference_mark
    assert name == "lmp_ch2_3_topp2.svg" and "reference_mark_marks" in text
    assert text.count('aria-roledescription="tick"') == 2

    area = go(page, "Rapport")
    expect(area.get_by_role("heading", name=re.compile(r"Sammenlignet med Fylket 2025; Nasjonalt 2025"))) \
        .to_be_visible()
    _, data = download(page, "report_docx", "Last ned DOCX")
    from docx import Document

    document = Document(io.BytesIO(data))
    body = "\n".join(p.text for p in document.paragraphs)
    cells = {c.text for t in document.tables for r in t.rows for c in r.cells}
    assert "Sammenlignet med Fylket 2025; Nasjonalt 2025" in body
    assert number(100 * (k / n - 0.55), 1) in cells and "skjermet (*)" in cells
    expect(area.get_by_test_id("stException")).to_have_count(0)
