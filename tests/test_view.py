"""One request, one set of numbers: the command line, the core's view, the report and the app agree; invited
numbers give response rates but never narrow an interval unless the finite population correction is chosen.

Reference values: report section 1.1 (36 of 63 school leaders, 10 of 24 school owners) and Tabell 2.1."""

from __future__ import annotations

import csv
import io
import json
import math

import pytest
from streamlit.testing.v1 import AppTest

from lmp_core import read_codebook, read_file
from lmp_core.cli import main
from lmp_core.compute.view import ViewRequest, make_view
from lmp_core.present.report import build_report
from tests.apptest import plain_frame
from tests.conftest import FIXTURES, ROOT

DEMO = ROOT / "lmp_app" / "demo"
POPULATIONS = {"Skoleleder": 63, "Skoleeier": 24}
PUBLISHED = {row["column"]: row for row in csv.DictReader(io.StringIO(
    (FIXTURES / "lmp_ch2_3_published.csv").read_text("utf-8"))) if row["group"] == "Skoleleder"}


@pytest.fixture(scope="module")
def survey():
    codebook = read_codebook((DEMO / "lmp_ch2_3_codebook.csv").read_bytes())
    return read_file((DEMO / "lmp_ch2_3.csv").read_bytes(), "lmp_ch2_3.csv", codebook=codebook)


def _request(**options) -> ViewRequest:
    return ViewRequest.of(group="rolle", groupings=["rolle"], populations=POPULATIONS, **options)


def test_cli_core_report_and_app_give_the_same_numbers(survey, capsys):
    core = make_view(survey, _request()).summary()
    assert main(["summarize", str(DEMO / "lmp_ch2_3.csv"), "--codebook", str(DEMO / "lmp_ch2_3_codebook.csv"),
                 "--group", "rolle", "--groupings", "rolle", "--population", "Skoleleder=63",
                 "--population", "Skoleeier=24", "--format", "json"]) == 0
    cli = json.loads(capsys.readouterr().out)
    assert cli == json.loads(json.dumps(core.to_dict()))  # the same view, to the last digit
    report = build_report(survey, _request())
    # the report's cell of each question: its theme's sheet, its label's row
    means = {(name, row["Spørsmål"]): row["Skoleleder Snitt"] for name, frame in report.sheets.items()
             if "Skoleleder Snitt" in frame.columns for _, row in frame.iterrows()}
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    at.switch_page("pages/results.py").run()
    at.multiselect(key="themes_widget").set_value(list(survey.themes)).run()
    table = plain_frame(at.table[0].value).reset_index()
    assert len(table) == len(survey.items) == len(means)
    for item in cli["items"]:
        leaders = next(s for s in item["stats"] if s["group"] == "Skoleleder")
        shown = table.iloc[next(i for i, it in enumerate(survey.items) if it.column == item["column"])]
        assert shown["Skoleleder Snitt"] == f"{leaders['mean']:.2f}".replace(".", ",")
        it = survey.item(item["column"])
        assert math.isclose(means[(it.theme, it.label)], leaders["mean"])
        # report Tabell 2.1 / 3.1, the school leaders' mean as published
        assert round(leaders["mean"], 2) == pytest.approx(float(PUBLISHED[item["column"]]["published_mean"]))
    # report section 1.1: 57 % and 42 %
    rates = {g["name"]: round(g["response_rate"]) for g in cli["groups"]}
    assert rates == {"Skoleleder": 57, "Skoleeier": 42}


def test_invited_numbers_never_narrow_an_interval_unless_asked(survey):
    plain = make_view(survey, ViewRequest.of(group="rolle", groupings=["rolle"])).summary()
    with_rates = make_view(survey, _request()).summary()
    corrected = make_view(survey, _request(fpc=True)).summary()
    column = "kunnskap_mobbing"
    for group in ("Skoleleder", "Skoleeier"):
        a, b, c = (s.item(column).group(group) for s in (plain, with_rates, corrected))
        assert a.mean_ci == b.mean_ci and a.top2_ci == b.top2_ci
        assert c.mean_ci[1] - c.mean_ci[0] < b.mean_ci[1] - b.mean_ci[0]
        # the correction's factor, by hand: sqrt((N - n) / (N - 1)) on the half-width
        n, population = b.n, POPULATIONS[group]
        ratio = (c.mean_ci[1] - c.mean_ci[0]) / (b.mean_ci[1] - b.mean_ci[0])
        assert math.isclose(ratio, math.sqrt((population - n) / (population - 1)))
    keys = [key for key, _ in corrected.warnings]
    assert "warn_fpc" in keys and "warn_fpc_low_response" in keys
    assert "warn_fpc" not in [key for key, _ in with_rates.warnings]


def test_groups_that_hold_numbers_come_in_their_numbers_order_others_in_file_order():
    from lmp_core.counting.counts import group_codes
    from lmp_core.load import read_file

    def order(values: list[str]) -> tuple[str, ...]:
        rows = "\n".join(f"{v},I stor grad" for v in values)
        survey = read_file(f"g,q\n{rows}\n".encode(), "x.csv")
        codes, names = group_codes(survey, "g")
        assert [names[c] for c in codes] == values  # every row keeps its own group
        return names

    assert order(["Skole 3", "Skole 14", "Skole 4", "Skole 1"]) == ("Skole 1", "Skole 3", "Skole 4", "Skole 14")
    # ESS's income deciles (letters shuffled by design, ess_labels.csv): by the decile's number
    assert order(["J - 1st decile", "H - 10th decile", "R - 2nd decile"]) == (
        "J - 1st decile", "R - 2nd decile", "H - 10th decile")
    assert order(["Skoleleder", "Skoleeier", "Skoleleder"]) == ("Skoleleder", "Skoleeier")  # the file's order
    assert order(["Under 30", "30-39", "Under 30"]) == ("Under 30", "30-39")  # a tie keeps the file's order
