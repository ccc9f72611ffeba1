"""Counting in a database from the browser: the host configures a connection in secrets.toml (``[databases.<name>]``,
never typed into the browser); the user picks it on the Data page, counts, reads the results and downloads the
report. The database is a DuckDB file made from the report's coded respondent file, its setup protects rolle and
pulje (tests/test_database.py compares every number of this path with the file's, in PostgreSQL as well)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import duckdb
import pytest
from playwright.sync_api import Browser, expect

from tests.browser import choose, click, download, go, main, open_app, wait_idle
from tests.conftest import FIXTURES, start_app, stop_app
from tests.hosting import to_toml
from tests.test_database import _setup_with_protection

pytestmark = pytest.mark.e2e


def _file_index_sentence(setup: Path) -> str:
    """The reliability sentence of the report's first theme as an index, from the respondent file itself."""
    from lmp_core.compute.indices import view_indices
    from lmp_core.compute.view import ViewRequest
    from lmp_core.load import read_codebook, read_file
    from lmp_core.present.report.sentences import index_sentence

    coded = FIXTURES / "lmp_ch2_3_coded.csv"
    survey = read_file(coded.read_bytes(), coded.name, codebook=read_codebook(setup.read_bytes(), setup.name))
    theme = next(it.theme for it in survey.items)
    request = ViewRequest.of(group="rolle", groupings=("rolle", "pulje"), min_group_size=5)
    (index,) = view_indices(survey, request, [theme])
    return index_sentence(index, "nb")


def test_counting_in_a_configured_database(browser: Browser, tmp_path: Path):
    db = tmp_path / "skole.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute(f"CREATE TABLE svar AS SELECT * FROM read_csv('{FIXTURES / 'lmp_ch2_3_coded.csv'}')")
    setup = _setup_with_protection(tmp_path)
    url = f"duckdb:///{db}"
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(to_toml({"databases": {"lmp": {"label": "LMP-undersøkelsen 2016", "url": url,
                                                       "table": "svar", "setup": str(setup)}}}), encoding="utf-8")
    proc, app = start_app(tmp_path / "server.log", "--secrets.files", str(secrets))
    try:
        page = browser.new_page()
        open_app(page, app)
        click(page, main(page).get_by_text("Tell i en database"))
        choose(page, "Database", "LMP-undersøkelsen 2016")
        choose(page, "Grupper etter", "rolle")
        click(page, main(page).get_by_role("button", name="Tell i databasen"))
        expect(main(page).get_by_text("Talt i databasen: LMP-undersøkelsen 2016")).to_be_visible()
        wait_idle(page)
        assert str(db) not in page.content() and "duckdb:" not in page.content()
        area = go(page, "Resultater")
        table = area.get_by_test_id("stTable").first
        # school owners: 7 of 10 (the 3 of pulje 1 are under the minimum and held back), as from the file
        expect(table).to_contain_text("Skoleeier n")
        first_row = table.locator("tbody tr").first.inner_text()
        assert first_row.split("\t")[1].strip() == "7", first_row
        expect(page.get_by_text("holdt tilbake").first).to_be_visible()
        # the first theme's index, its sums summed in the database: the sentence the file's index gives
        expect(area.get_by_text(_file_index_sentence(setup), exact=True)).to_be_visible()
        go(page, "Rapport")
        name, data = download(page, "report_docx", "Last ned DOCX")
        assert name.endswith(".docx")
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            text = z.read("word/document.xml").decode()
        assert "Skoleeier" in text and "Skoleleder" in text and str(db) not in text
        # each theme's index, summed in the database, as in the file's report
        assert "Cronbachs alfa" in text and _file_index_sentence(setup).split(" (95 %")[0] in text
        page.close()
    finally:
        stop_app(proc)
    assert str(db) not in (tmp_path / "server.log").read_text(errors="replace")
