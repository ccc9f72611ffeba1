"""Real survey files nobody here wrote (../shared/data/external, see its README for provenance), uploaded in
a real browser: choose a group, visit every page, download the report; no page may show an exception, and
the report opens in Word's library with a figure for the chosen group."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser import add_choice, choose, download, go, main, open_app, upload
from tests.conftest import EXTERNAL
from tests.test_e2e import _csv, _png_size, _svg_text, _xlsx_sheets

pytestmark = pytest.mark.e2e
# file, the group chosen (a column the file's SOURCE.md describes), the group's values as the app shows them
FILES = [
    ("efc/EFC.sav", "c161sex", "Male"),
    # a question as the group: the elder's dependency (an SPSS ordinal item, SOURCE.md), by its answer labels
    ("efc/EFC.sav", "e42dep", "moderately dependent"),
    ("circus_spss_many_labels/spss_many_labels.sav", "c12", None),
    ("ess_norway_bst290/ess_labels.csv", "gndr", "Female"),
    ("pisaitems/pisaitems_labels.csv.gz", "CNT", "Canada"),
]
PAGES = ("Resultater", "Kommentarer", "Rapport", "Feltarbeid", "Metode")


@pytest.mark.parametrize("relative, group, value", FILES, ids=[f"{f[0].split('/')[0]}-{f[1]}" for f in FILES])
def test_a_real_file_through_every_page(page: Page, streamlit_url: str, tmp_path: Path, relative: str,
                                        group: str, value: str | None):
    source = EXTERNAL / relative
    path = tmp_path / source.name.removesuffix(".gz")
    path.write_bytes(gzip.decompress(source.read_bytes()) if source.suffix == ".gz" else source.read_bytes())
    open_app(page, streamlit_url)
    upload(page, path)
    expect(main(page).get_by_text(f"Lest: {path.name}")).to_be_visible()
    # protect the chosen column (the Data page's choice of grouping columns), then group by it
    label = "Variabler som kan brukes til gruppering og filter"
    offered = main(page).get_by_test_id("stMultiSelect").filter(has=page.get_by_text(label, exact=True))
    expect(offered).to_have_count(1)  # the last file's widget has left
    if group not in offered.inner_text():
        add_choice(page, label, group)
    # the Data page's invited-number field of the group's first value: the run that took the choice has drawn
    from lmp_core import read_file
    from lmp_core.counting.counts import group_codes

    first = group_codes(read_file(path.read_bytes(), path.name), group)[1][0]
    choose(page, "Gruppevariabel", group,
           shows=main(page).get_by_text(f"Inviterte {first}", exact=True))
    for title in PAGES:
        area = go(page, title)
        expect(area.get_by_test_id("stException")).to_have_count(0)
        if title == "Resultater":
            chart = area.get_by_test_id("stVegaLiteChart").first
            expect(chart.locator("canvas, svg").first).to_be_visible()
            if value is not None:
                expect(area.get_by_test_id("stTable").first).to_contain_text(value)
            _downloads_name_every_question(page, path)
        if title == "Rapport":
            name, data = download(page, "report_docx", "Last ned DOCX")
            from docx import Document

            document = Document(io.BytesIO(data))
            assert name.endswith("_rapport.docx") and len(document.inline_shapes) >= 1


def _downloads_name_every_question(page: Page, path: Path) -> None:
    """The results page's downloads open, and both chart images name every question the page shows (the
    first theme's, as it starts), each by its own label: none merged with another, dropped or cut short."""
    from lmp_core import read_file
    from lmp_core.present.charts import wrap
    from lmp_core.setup.survey import unique_labels

    survey = read_file(path.read_bytes(), path.name)
    first = survey.items[0].theme
    shown = [it for it in survey.items if it.theme == first]
    labels = list(unique_labels(shown).values())
    assert len(set(labels)) == len(labels)
    for key in ("top2", "dist"):
        name, data = download(page, f"{key}_svg", "Last ned SVG")
        text = _svg_text(data)
        for label in labels:
            for line in wrap(label).split("\n"):  # a long label is wrapped over lines, never cut
                assert line in text, f"{name}: {line!r} is missing"
        name, data = download(page, f"{key}_png", "Last ned PNG")
        assert _png_size(data)[1] > 200
    _, data = download(page, "table_csv", "Last ned CSV")
    assert len(_csv(data)) == len(shown)
    _, data = download(page, "table_xlsx", "Last ned Excel")
    assert all(len(rows) > 1 for rows in _xlsx_sheets(data).values())
