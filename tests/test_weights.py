"""Weights (lmp_core.compute.weights) against independent computations.

References, each computed here without the module's code:
* weighted shares and means: numpy's ``np.average`` over the respondents' answers; the SD and the
  mean's interval from statsmodels' ``DescrStatsW`` with the weights rescaled to sum to Kish's n_eff
  (its ``ddof=1`` then gives Σw(x−m)²/W · n_eff/(n_eff−1)); the share's interval from statsmodels'
  Wilson interval on n_eff;
* with all weights equal, every weighted number must equal the unweighted one, which
  tests/test_intervals.py and the published tables check;
* raking: the defining property (weighted respondents per category = invited per category, on every
  characteristic) and a plain numpy iterative proportional fitting written in this test;
  post-stratification by hand: invited / answered in the category (report 1.1: 63/36 and 24/10);
* the R-indicator: with one characteristic (or the crossed cells) the logistic regression's propensity
  of a unit is its category's response rate, so R = 1 − 2·sd(rates over the invited units), counted by
  hand from the example invitation list.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from statsmodels.stats.proportion import proportion_confint
from statsmodels.stats.weightstats import DescrStatsW

from lmp_core import SurveyError, read_file
from lmp_core.cli import main
from lmp_core.compute.view import ViewRequest, make_view
from lmp_core.compute.weights import balance, from_column, kish, r_indicator, rake, weighted_comparisons, weighted_stats
from lmp_core.load import read_codebook
from lmp_core.read.invitations import read_table
from tests.conftest import FIXTURES

DEMO = Path(__file__).resolve().parents[1] / "lmp_app" / "demo"
LIST = DEMO / "invitasjonsliste_eksempel.csv"
SCALE = ["I svært liten grad", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad"]


@pytest.fixture(scope="module")
def survey():
    codebook = read_codebook((FIXTURES / "lmp_ch2_3_codebook.csv").read_bytes(), "codebook.csv")
    return read_file((FIXTURES / "lmp_ch2_3.csv").read_bytes(), "lmp_ch2_3.csv", codebook=codebook)


@pytest.fixture(scope="module")
def invited():
    return read_table(LIST.read_bytes(), LIST.name)


@pytest.fixture(scope="module")
def weighted_file():
    """The fixture with a design-weight column (deterministic, 0.4–2.9) and a 'weight' column of body weights."""
    frame = pd.read_csv(FIXTURES / "lmp_ch2_3.csv", dtype=str, keep_default_na=False)
    rng = np.random.default_rng(7)
    frame["dweight"] = np.round(rng.uniform(0.4, 2.9, len(frame)), 3).astype(str)
    frame["weight"] = rng.integers(55, 110, len(frame)).astype(str)  # kilograms: must never be used unasked
    return frame


def _answers(frame: pd.DataFrame, column: str) -> pd.Series:
    return frame[column].map({label: i + 1 for i, label in enumerate(SCALE)})


def test_a_weight_column_matches_numpy_and_statsmodels(weighted_file):
    codebook = read_codebook((FIXTURES / "lmp_ch2_3_codebook.csv").read_bytes(), "codebook.csv")
    survey = read_file(weighted_file.to_csv(index=False).encode(), "w.csv", codebook=codebook)
    weights = from_column(survey, "dweight")
    view = make_view(survey, ViewRequest.of(group="rolle", groupings=["rolle"]))
    cells = weighted_stats(survey, view, weights)
    w_all = weighted_file["dweight"].astype(float)
    checked = 0
    for column in ("kunnskap_mobbing", "praksis_klasseledelse", "praksis_skoleutvikling"):
        for role in ("Skoleleder", "Skoleeier"):
            x = _answers(weighted_file, column)
            keep = (weighted_file["rolle"] == role) & x.notna()
            xs, ws = x[keep].to_numpy(float), w_all[keep].to_numpy()
            cell = cells[(column, role)]
            assert cell.n == keep.sum()
            assert cell.mean == pytest.approx(np.average(xs, weights=ws), rel=1e-12)
            assert cell.top2_pct == pytest.approx(100 * np.average(xs >= 4, weights=ws), rel=1e-12)
            n_eff = ws.sum() ** 2 / (ws**2).sum()
            assert cell.n_eff == pytest.approx(n_eff, rel=1e-12)
            described = DescrStatsW(xs, weights=ws * n_eff / ws.sum(), ddof=1)
            assert cell.sd == pytest.approx(described.std, rel=1e-9)
            lo, hi = described.tconfint_mean(0.05)
            assert cell.mean_ci == pytest.approx((lo, hi), rel=1e-9)
            wlo, whi = proportion_confint(np.average(xs >= 4, weights=ws) * n_eff, n_eff, method="wilson")
            assert cell.top2_ci == pytest.approx((100 * wlo, 100 * whi), rel=1e-9)
            checked += 1
    assert checked == 6
    # d of the weighted means and SDs (the report's formula) for the first question
    x = _answers(weighted_file, "kunnskap_mobbing")
    parts = {}
    for role in ("Skoleleder", "Skoleeier"):
        keep = (weighted_file["rolle"] == role) & x.notna()
        xs, ws = x[keep].to_numpy(float), w_all[keep].to_numpy()
        m = np.average(xs, weights=ws)
        n_eff = ws.sum() ** 2 / (ws**2).sum()
        parts[role] = (m, math.sqrt(np.average((xs - m) ** 2, weights=ws) * n_eff / (n_eff - 1)))
    pair = next(v for k, v in weighted_comparisons(view.summary(), cells).items() if k[0] == "kunnskap_mobbing")
    (ma, sa), (mb, sb) = parts[pair.a], parts[pair.b]
    assert pair.d == pytest.approx((ma - mb) / math.sqrt((sa**2 + sb**2) / 2), rel=1e-9)
    assert weights.deff == pytest.approx(len(w_all) / kish(w_all.to_numpy()))


def test_equal_weights_give_the_unweighted_numbers(survey):
    view = make_view(survey, ViewRequest.of(group="rolle", groupings=["rolle"]))
    ones = type(from_column(survey, "pulje"))(np.full(survey.n_rows, 3.0), "column", ("three",))
    cells = weighted_stats(survey, view, ones)
    for it in view.summary().items:
        for s in it.stats:
            cell = cells[(it.item.column, s.group)]
            assert cell.n_eff == pytest.approx(s.n)
            assert cell.top2_pct == pytest.approx(s.top2_pct)
            assert cell.mean == pytest.approx(s.mean)
            assert cell.sd == pytest.approx(s.sd)
            assert cell.mean_ci == pytest.approx(s.mean_ci)
            assert cell.top2_ci == pytest.approx(s.top2_ci)
    pairs = weighted_comparisons(view.summary(), cells)
    for it in view.summary().items:
        for c in it.comparisons:
            pair = pairs[(it.item.column, c.a, c.b)]
            assert pair.d == pytest.approx(c.d) and pair.d_ci == pytest.approx(c.d_ci)
            assert pair.magnitude == c.magnitude


def test_a_column_named_weight_is_never_used_unasked_and_bad_weights_are_named(weighted_file):
    codebook = read_codebook((FIXTURES / "lmp_ch2_3_codebook.csv").read_bytes(), "codebook.csv")
    survey = read_file(weighted_file.to_csv(index=False).encode(), "w.csv", codebook=codebook)
    out = weighted_file.copy()
    out.loc[4, "dweight"] = "0"
    out.loc[9, "dweight"] = ""
    bad = read_file(out.to_csv(index=False).encode(), "w.csv", codebook=codebook)
    with pytest.raises(SurveyError) as err:
        from_column(bad, "dweight")
    assert err.value.key == "weight_bad_values" and err.value.params["rows"] == "6, 11"
    with pytest.raises(SurveyError, match="no column called 'vekt'"):
        from_column(survey, "vekt")
    # the reader gives no column a weight role; nothing is weighted unless the user names a column
    assert all("weight" not in (s.key or "") for s in survey.skipped)


def test_poststratification_is_invited_over_answered(survey, invited):
    weights = rake(survey, invited, ["rolle"], response_id="respondent_id", invited_id="enhet_id")
    roles = survey.background["rolle"].to_numpy()
    # report 1.1: 63 schools with 36 answers, 24 municipalities with 10
    assert np.allclose(weights.values[roles == "Skoleleder"], 63 / 36)
    assert np.allclose(weights.values[roles == "Skoleeier"], 24 / 10)
    assert weights.method == "poststratification" and weights.values.sum() == pytest.approx(87)


def _ipf(table: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    fitted = table.astype(float).copy()
    for _ in range(500):
        fitted *= (rows / fitted.sum(axis=1))[:, None]
        fitted *= (cols / fitted.sum(axis=0))[None, :]
    return fitted


def test_raking_meets_the_invited_margins_and_a_plain_ipf(survey, invited):
    # a third characteristic, fylke, that is not in the response file: raking must take it from the list
    invited = invited.copy()
    invited["fylke"] = ["Nordland" if i % 3 else "Troms" for i in range(len(invited))]
    weights = rake(survey, invited, ["pulje", "fylke"], response_id="respondent_id", invited_id="enhet_id")
    keys = invited["enhet_id"].str.casefold()
    answered = keys.isin(survey.background["respondent_id"].str.casefold()).to_numpy()
    list_of = dict(zip(keys, invited.index))
    rows_in_list = [list_of[i.casefold()] for i in survey.background["respondent_id"]]
    for column in ("pulje", "fylke"):
        values = invited[column].astype(str).to_numpy()
        of_respondents = values[rows_in_list]
        for category in np.unique(values):
            assert weights.values[of_respondents == category].sum() == pytest.approx((values == category).sum(), rel=1e-6)
    # the same fit by a plain numpy IPF on the respondents' pulje × fylke table
    pulje, fylke = invited["pulje"].astype(str), invited["fylke"]
    p_cats, f_cats = sorted(pulje.unique()), sorted(fylke.unique())
    table = np.array([[((pulje == p) & (fylke == f) & answered).sum() for f in f_cats] for p in p_cats])
    fitted = _ipf(table, np.array([(pulje == p).sum() for p in p_cats]), np.array([(fylke == f).sum() for f in f_cats]))
    for r, i in enumerate(rows_in_list):
        p, f = p_cats.index(str(invited.at[i, "pulje"])), f_cats.index(invited.at[i, "fylke"])
        assert weights.values[r] == pytest.approx(fitted[p, f] / table[p, f], rel=1e-6)
    # the weighted results with these weights equal numpy's weighted average of the raw answers
    frame = pd.read_csv(FIXTURES / "lmp_ch2_3.csv", dtype=str, keep_default_na=False)
    cells = weighted_stats(survey, make_view(survey, ViewRequest.of(group=None)), weights)
    x = _answers(frame, "praksis_mobbing")
    keep = x.notna().to_numpy()
    (cell,) = [v for k, v in cells.items() if k[0] == "praksis_mobbing"]
    assert cell.mean == pytest.approx(np.average(x[keep], weights=weights.values[keep]), rel=1e-12)
    assert cell.n_eff == pytest.approx(kish(weights.values[keep]), rel=1e-12)
    shown = weights.balance.set_index(["characteristic", "category"])
    assert shown["asmd_weighted"].max() < 1e-6 and shown["asmd_respondents"].max() > 0
    assert weights.method == "raking"


def test_r_indicator_matches_its_formula_on_the_example_list(survey, invited):
    keys = invited["enhet_id"].str.casefold()
    answered = keys.isin(survey.background["respondent_id"].str.casefold()).to_numpy()
    # by hand: each invited unit's propensity is its cell's response rate (rolle × pulje, four cells)
    cell = invited["rolle"] + "/" + invited["pulje"].astype(str)
    rates = pd.Series(answered, index=invited.index).groupby(cell).transform("mean").to_numpy()
    expected = 1 - 2 * math.sqrt(((rates - rates.mean()) ** 2).sum() / (len(rates) - 1))
    crossed = invited.assign(cell=cell)
    assert r_indicator(crossed, answered, ["cell"]) == pytest.approx(expected, rel=1e-9)
    # rolle only: 36/63 and 10/24
    rates = np.where(invited["rolle"] == "Skoleleder", 36 / 63, 10 / 24)
    assert r_indicator(invited, answered, ["rolle"]) == pytest.approx(1 - 2 * np.std(rates, ddof=1), rel=1e-9)
    weights = rake(survey, invited, ["rolle", "pulje"], response_id="respondent_id", invited_id="enhet_id")
    # main effects of rolle and pulje (no interaction): the logistic regression fitted by numpy in the reference
    from tests.test_app_weights_waves import raked_reference

    assert weights.r_indicator == pytest.approx(raked_reference()[2], rel=1e-9)


def test_a_category_nobody_answered_in_is_named(survey, invited):
    invited = invited.copy()
    invited.loc[invited["enhet_id"].str.startswith("N0"), "pulje"] = "3"
    with pytest.raises(SurveyError) as err:
        rake(survey, invited, ["pulje"], response_id="respondent_id", invited_id="enhet_id")
    assert err.value.key == "weight_empty_category" and err.value.params["values"] == "3"


def test_balance_holds_back_a_small_category(invited):
    answered = np.zeros(len(invited), dtype=bool)
    answered[:3] = True  # three respondents, all Skoleleder of pulje 1
    frame = balance(invited, answered, np.where(answered, 1.0, np.nan), ["rolle"], min_group_size=5)
    row = frame.set_index("category").loc["Skoleleder"]
    assert bool(row["held"]) and math.isnan(row["respondents"]) and row["invited"] == pytest.approx(100 * 63 / 87)


def test_cli_weighting_json(capsys):
    codebook = str(FIXTURES / "lmp_ch2_3_codebook.csv")
    assert main(["summarize", str(FIXTURES / "lmp_ch2_3.csv"), "--codebook", codebook, "--group", "rolle",
                 "--invited", str(LIST), "--weight-by", "rolle,pulje", "--format", "json",
                 "--items", "kunnskap_mobbing"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["weighting"]["method"] == "raking" and out["weighting"]["variables"] == ["rolle", "pulje"]
    assert set(out["weighting"]) >= {"method", "variables", "deff", "r_indicator"}
    for stats in out["items"][0]["stats"]:
        assert set(stats["weighted"]) >= {"n_eff", "top2_pct", "top2_ci", "mean", "sd", "mean_ci"}
    assert main(["summarize", str(FIXTURES / "lmp_ch2_3.csv"), "--codebook", codebook, "--weight", "rolle"]) == 2
    assert "ikke er positive tall (rad 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …)" in capsys.readouterr().err


def test_an_index_shows_its_weighted_mean_beside_the_unweighted(weighted_file):
    from lmp_core.compute.indices import view_indices

    codebook = read_codebook((FIXTURES / "lmp_ch2_3_codebook.csv").read_bytes(), "codebook.csv")
    survey = read_file(weighted_file.to_csv(index=False).encode(), "w.csv", codebook=codebook)
    weights = from_column(survey, "dweight")
    request = ViewRequest.of(group="rolle", groupings=["rolle"])
    (index,) = view_indices(survey, request, ["Kunnskapstilførsel"], weights=weights)
    columns = [c for c in weighted_file.columns if c.startswith("kunnskap_")]
    scores = weighted_file[columns].apply(lambda col: col.map({label: i + 1 for i, label in enumerate(SCALE)}))
    person = scores.mean(axis=1).where(scores.notna().sum(axis=1) >= len(columns) / 2)
    w = weighted_file["dweight"].astype(float)
    for s in index.stats:
        keep = (weighted_file["rolle"] == s.group) & person.notna()
        assert s.weighted_mean == pytest.approx(np.average(person[keep], weights=w[keep]), rel=1e-12)
        assert s.n_eff == pytest.approx(kish(w[keep].to_numpy()), rel=1e-12)
        assert s.mean == pytest.approx(person[keep].mean(), rel=1e-12)  # the unweighted one is unchanged
    (plain,) = view_indices(survey, request, ["Kunnskapstilførsel"])
    assert all(s.n_eff is None for s in plain.stats)
    assert "weighted" in index.to_dict()["stats"][0] and "weighted" not in plain.to_dict()["stats"][0]
