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


def _file_index_sentence() -> str:
    """The reliability sentence of the report's first theme (Kunnskapstilførsel: the four kunnskap_ questions) as
    an index, derived from the coded respondent file with pandas, pingouin and statsmodels.

    Kept: the respondents outside any rolle x pulje cell of 1-4 (the setup protects both; the 3 school owners of
    pulje 1 are such a cell), 43 of 46; every kept cell has 7 or more answers to each question, so no answer is
    held back besides. Alpha by pingouin (pairwise covariances, psych's raw alpha), its 95 % interval by pingouin's
    formula unrounded (Feldt: 1 - (1 - alpha) F(q; n - 1, (n - 1)(k - 1))), n the respondents who answered any of
    the questions, omega of statsmodels' maximum-likelihood one-factor model ((sum lambda)^2 / ((sum lambda)^2 +
    sum(1 - lambda^2))), which the module's principal axes match to two decimals (tests/test_report.py)."""
    import numpy as np
    import pandas as pd
    import pingouin
    from scipy.stats import f as f_dist
    from statsmodels.multivariate.factor import Factor

    frame = pd.read_csv(FIXTURES / "lmp_ch2_3_coded.csv")
    held = frame.groupby(["rolle", "pulje"])["rolle"].transform("size") < 5
    assert held.sum() == 3 and (frame.loc[held, "rolle"] == "Skoleeier").all()
    data = frame.loc[~held, [c for c in frame.columns if c.startswith("kunnskap_")]]
    assert data.groupby([frame["rolle"], frame["pulje"]]).count().to_numpy().min() >= 5
    alpha, _ = pingouin.cronbach_alpha(data=data, nan_policy="pairwise")
    n, k = len(data), data.shape[1]
    low, high = (1 - (1 - alpha) * f_dist.isf(q, n - 1, (n - 1) * (k - 1)) for q in (0.025, 0.975))
    lam = np.abs(Factor(data.dropna().to_numpy(), n_factor=1, method="ml").fit().loadings[:, 0])
    omega = lam.sum() ** 2 / (lam.sum() ** 2 + (1 - lam**2).sum())
    answered = int(data.notna().any(axis=1).sum())

    def nb(x: float) -> str:
        return f"{x:.2f}".replace(".", ",")

    return (f"Indeksen «Kunnskapstilførsel» (fire spørsmål) har Cronbachs alfa {nb(alpha)} (95 % KI {nb(low)}–"
            f"{nb(high)}; n = {answered}) og McDonalds omega {nb(omega)}.")


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
        main(page).get_by_text("Tell i en database").click()  # an expander: it starts no run
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
        expect(area.get_by_text(_file_index_sentence(), exact=True)).to_be_visible()
        go(page, "Rapport")
        name, data = download(page, "report_docx", "Last ned DOCX")
        assert name.endswith(".docx")
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            text = z.read("word/document.xml").decode()
        assert "Skoleeier" in text and "Skoleleder" in text and str(db) not in text
        # each theme's index, summed in the database, as in the file's report
        assert "Cronbachs alfa" in text and _file_index_sentence().split(" (95 %")[0] in text
        page.close()
    finally:
        stop_app(proc)
    assert str(db) not in (tmp_path / "server.log").read_text(errors="replace")
