"""Real survey files nobody here wrote (../shared/data/external, see its README for provenance), uploaded in
a real browser: choose a group, visit every page, download the report; no page may show an exception, and
the report opens in Word's library with a figure for the chosen group."""

from __future__ import annotations

import gzip
import io
import re
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from tests.browser import add_choice, choose, download, go, main, open_app, upload
from tests.conftest import EXTERNAL
from tests.test_e2e import _csv, _png_size, _svg_text, _xlsx_sheets

pytestmark = pytest.mark.e2e
# file, the group chosen (a column the file's SOURCE.md describes), the group's values as the app shows them,
# the questions of the first theme the results page shows as it starts (read from the files: EFC's e42dep is
# a theme of its own, the circus file has one rating question, ESS's ppltrst a theme of its own,
# PISA's ST24Q01-ST24Q11 the reading-attitude block)
FILES = [
    ("efc/EFC.sav", "c161sex", "Male", ["e42dep"]),
    # a question as the group: the elder's dependency (an SPSS ordinal item, SOURCE.md), by its answer labels
    ("efc/EFC.sav", "e42dep", "moderately dependent", ["e42dep"]),
    ("circus_spss_many_labels/spss_many_labels.sav", "c12", None, ["c12c"]),
    ("ess_norway_bst290/ess_labels.csv", "gndr", "Female", ["ppltrst"]),
    ("pisaitems/pisaitems_labels.csv.gz", "CNT", "Canada", [f"ST24Q{i:02d}" for i in range(1, 12)]),
]


def _raw(path: Path) -> tuple[pd.DataFrame, dict[str, str]]:
    """The file as its own format's reader gives it: pyreadstat with the value labels applied and the variable
    labels (an SPSS file), pandas (a CSV, whose questions are named by their columns)."""
    if path.suffix == ".sav":
        import pyreadstat

        frame, meta = pyreadstat.read_sav(str(path), apply_value_formats=True)
        return frame, dict(meta.column_names_to_labels)
    frame = pd.read_csv(path)
    return frame, {c: c for c in frame.columns}


def _shown(label: str) -> str:
    """The words of a question label a chart shows: the app cuts a label over 70 characters after 67 (with "…");
    its first 60 characters up to a whole word stay in any case."""
    return label if len(label) <= 70 else label[:60].rsplit(" ", 1)[0]
PAGES = ("Resultater", "Kommentarer", "Rapport", "Feltarbeid", "Metode")


@pytest.mark.parametrize("relative, group, value, first_theme", FILES,
                         ids=[f"{f[0].split('/')[0]}-{f[1]}" for f in FILES])
def test_a_real_file_through_every_page(page: Page, streamlit_url: str, tmp_path: Path, relative: str,
                                        group: str, value: str | None, first_theme: list[str]):
    source = EXTERNAL / relative
    path = tmp_path / source.name.removesuffix(".gz")
    path.write_bytes(gzip.decompress(source.read_bytes()) if source.suffix == ".gz" else source.read_bytes())
    open_app(page, streamlit_url)
    upload(page, path)
    expect(main(page).get_by_text(f"Lest: {path.name}")).to_be_visible()
    # protect the chosen column (the Data page's choice of grouping columns), then group by it
    label = "Variabler som kan brukes til gruppering og filter"
    add_choice(page, label, group)  # waits until the last file's widget has left; nothing when chosen already
    # the Data page's invited-number field of the group's most frequent value (its label in the raw file): the run
    # that took the choice has drawn
    frame, labels = _raw(path)
    common = str(frame[group].value_counts().index[0])
    choose(page, "Gruppevariabel", group,
           shows=main(page).get_by_text(f"Inviterte {common}", exact=True))
    for title in PAGES:
        area = go(page, title)
        expect(area.get_by_test_id("stException")).to_have_count(0)
        if title == "Resultater":
            chart = area.get_by_test_id("stImage").locator("img").first  # drawn on the server (lmp_app.figures)
            expect(chart).to_be_visible()
            expect(chart).to_have_attribute("src", re.compile(r"^data:image/svg\+xml;base64,"))
            if value is not None:
                expect(area.get_by_test_id("stTable").first).to_contain_text(value)
            _downloads_name_every_question(page, [labels[c] for c in first_theme])
        if title == "Rapport":
            name, data = download(page, "report_docx", "Last ned DOCX")
            from docx import Document

            document = Document(io.BytesIO(data))
            assert name.endswith("_rapport.docx") and len(document.inline_shapes) >= 1


def _downloads_name_every_question(page: Page, labels: list[str]) -> None:
    """The results page's downloads open, and both chart images name every question the page shows (the
    first theme's, as it starts), each by its own label from the raw file: none merged with another, dropped or
    cut short (a long label is wrapped over lines: its words follow each other in the image's text)."""
    assert len(set(labels)) == len(labels)
    for key in ("top2", "dist"):
        name, data = download(page, f"{key}_svg", "Last ned SVG")
        text = " ".join(_svg_text(data).split())
        for label in labels:
            assert " ".join(_shown(label).split()) in text, f"{name}: {label!r} is missing"
        name, data = download(page, f"{key}_png", "Last ned PNG")
        assert _png_size(data)[1] > 200
    _, data = download(page, "table_csv", "Last ned CSV")
    assert len(_csv(data)) == len(labels)
    _, data = download(page, "table_xlsx", "Last ned Excel")
    assert all(len(rows) > 1 for rows in _xlsx_sheets(data).values())
