"""Real survey files from ../shared/data/external, read through the product's readers and checked
against numbers computed independently: plain pandas on the *codes* CSV files that came with each
data set (another file and another code path than the one under test), with the rules of each
data set's SOURCE.md written out by hand below.
"""

from __future__ import annotations

import gzip
import math

import numpy as np
import pandas as pd
import pytest

from lmp_core.compute.stats import summarize
from lmp_core.counting.counts import count
from lmp_core.load import read_file
from tests.conftest import EXTERNAL


def _reference(values: pd.Series) -> dict[str, float]:
    v = values.dropna().astype(float)
    return {"n": len(v), "mean": v.mean(), "sd": v.std(ddof=1)}


def _d(a: dict[str, float], b: dict[str, float]) -> float:
    return (a["mean"] - b["mean"]) / math.sqrt((a["sd"] ** 2 + b["sd"] ** 2) / 2)


# --- EFC (SPSS, user-missing 9 declared but unlabelled) ---------------------------------------------
@pytest.fixture(scope="module")
def efc():
    survey = read_file((EXTERNAL / "efc" / "EFC.sav").read_bytes(), "EFC.sav")
    return survey, summarize(count(survey, group="c161sex"), min_group_size=1)


def test_efc_items_and_user_missing(efc):
    survey, summary = efc
    items = [i.column for i in survey.items]
    assert items[:1] + items[-9:] == ["e42dep"] + [f"c{82 + i}cop{i + 1}" for i in range(9)]
    # groups by SPSS value labels; the user-missing 9 of c161sex is no group
    assert [g.name for g in summary.groups] == ["Female", "Male"]
    assert [g.respondents for g in summary.groups] == [686, 215]


@pytest.mark.parametrize("item", ["c82cop1", "c85cop4", "c87cop6", "c90cop9", "e42dep"])
def test_efc_against_pandas(efc, item):
    _, summary = efc
    codes = pd.read_csv(EXTERNAL / "efc" / "EFC_codes.csv")
    codes = codes[codes[item] != 9]  # SOURCE.md: 9 is SPSS user-missing for every item
    ref = {sex: _reference(codes.loc[codes.c161sex == code, item]) for sex, code in (("Male", 1), ("Female", 2))}
    top2 = {sex: 100 * (codes.loc[codes.c161sex == code, item] >= 3).sum() / ref[sex]["n"]
            for sex, code in (("Male", 1), ("Female", 2))}
    it = summary.item(item)
    for sex in ("Male", "Female"):
        s = it.group(sex)
        assert s.n == ref[sex]["n"]
        assert s.mean == pytest.approx(ref[sex]["mean"], abs=1e-12)
        assert s.sd == pytest.approx(ref[sex]["sd"], abs=1e-12)
        assert s.top2_pct == pytest.approx(top2[sex], abs=1e-9)
    (comp,) = it.comparisons
    assert (comp.a, comp.b) == ("Female", "Male")
    assert comp.d == pytest.approx(_d(ref["Female"], ref["Male"]), abs=1e-12)


def test_efc_user_missing_left_out_of_the_mean():
    # SOURCE.md: c90cop9 mean 3.027 with the 9s counted as answers, 2.932 without
    survey = read_file((EXTERNAL / "efc" / "EFC.sav").read_bytes(), "EFC.sav")
    s = summarize(count(survey)).item("c90cop9").stats[0]
    assert round(s.mean, 3) == 2.932
    codes = pd.read_csv(EXTERNAL / "efc" / "EFC_codes.csv")
    assert s.missing == int(codes.c90cop9.isna().sum() + (codes.c90cop9 == 9).sum())  # 6 blank + 14 nines


# --- circus (SPSS, "don't know" 99 and filter -2 not declared missing) ------------------------------
def test_circus_dont_know_and_filter_codes():
    survey = read_file((EXTERNAL / "circus_spss_many_labels" / "spss_many_labels.sav").read_bytes(), "c.sav")
    s = summarize(count(survey)).item("c12c").stats[0]
    # SOURCE.md: c12c n_valid 495, mean 6.834, SD 2.803; 99 = 5 (don't know), -2 = 1913 (filter)
    assert (s.n, s.dont_know, s.missing) == (495, 5, 1913)
    assert (round(s.mean, 3), round(s.sd, 3)) == (6.834, 2.803)
    codes = pd.read_csv(EXTERNAL / "circus_spss_many_labels" / "spss_many_labels_codes.csv")
    valid = codes.c12c[(codes.c12c >= 0) & (codes.c12c <= 10)]
    assert s.top2_pct == pytest.approx(100 * (valid >= 9).mean(), abs=1e-9)
    # the vignette group variable is offered as a group
    assert "selv1" in survey.group_candidates


# --- ESS Norway (labels CSV; agree scales coded 1 = agree strongly; 0-10 labelled at the ends) ------
@pytest.fixture(scope="module")
def ess():
    survey = read_file((EXTERNAL / "ess_norway_bst290" / "ess_labels.csv").read_bytes(), "ess_labels.csv")
    return summarize(count(survey, group="gndr"), min_group_size=1)


@pytest.mark.parametrize("item, reversed_codes", [("gincdif", True), ("freehms", True), ("health", True),
                                                  ("ppltrst", False), ("stflife", False), ("happy", False),
                                                  ("imwbcnt", False)])
def test_ess_against_pandas(ess, item, reversed_codes):
    codes = pd.read_csv(EXTERNAL / "ess_norway_bst290" / "ess_codes.csv")
    codebook = pd.read_csv(EXTERNAL / "ess_norway_bst290" / "ess_codebook.csv")
    # ESS codes of the factor positions (codebook: position -> ess_code)
    lookup = codebook[codebook.variable == item].set_index("position")["ess_code"]
    values = codes[item].map(lookup)
    if reversed_codes:
        # 1 = "Agree strongly" / "Very good": the explorer scores the favourable end highest, 6 - code
        values = 6 - values
    it = ess.item(item)
    ref = {}
    for sex, code in (("Male", 1), ("Female", 2)):
        ref[sex] = _reference(values[codes.gndr == code])
        s = it.group(sex)
        assert s.n == ref[sex]["n"]
        assert s.mean == pytest.approx(ref[sex]["mean"], abs=1e-12)
        assert s.sd == pytest.approx(ref[sex]["sd"], abs=1e-12)
        top = values[codes.gndr == code].dropna()
        threshold = 4 if reversed_codes else 9  # SOURCE.md: top-2 = ESS codes 1,2 resp. 9,10
        assert s.top2_pct == pytest.approx(100 * (top >= threshold).mean(), abs=1e-9)
    assert it.comparisons[0].d == pytest.approx(_d(ref["Male"], ref["Female"]), abs=1e-12)


def test_ess_empty_categories_still_shown(ess):
    # SOURCE.md: "You can't be too careful" has no answers and must still show as 0 %
    s = ess.item("ppltrst").group("Male")
    assert s.counts["You can't be too careful"] == 0
    assert s.percents["You can't be too careful"] == 0.0


# --- PISA (labels CSV, 66,690 rows; "Don’t know what it is"; the typo "Strong agree") ---------------
@pytest.fixture(scope="module")
def pisa():
    data = gzip.decompress((EXTERNAL / "pisaitems" / "pisaitems_labels.csv.gz").read_bytes())
    survey = read_file(data, "pisaitems_labels.csv")
    return survey, summarize(count(survey, group="CNT"))


@pytest.mark.parametrize("item", ["ST24Q01", "ST25Q03", "ST26Q01", "ST26Q05", "ST34Q04", "ST37Q07", "ST41Q01"])
def test_pisa_against_pandas(pisa, item):
    _, summary = pisa
    codes = pd.read_csv(EXTERNAL / "pisaitems" / "pisaitems_codes.csv", usecols=["CNT", item])
    values = codes[item].astype(float)
    k = int(values.max())
    if item.startswith("ST26Q"):
        values = values.where(values != 1) - 1  # SOURCE.md: level 1 = "Don’t know what it is", excluded
        k -= 1
    it = summary.item(item)
    ref = {}
    for country in ("Canada", "Mexico", "United States"):
        v = values[country == codes.CNT]
        ref[country] = _reference(v)
        s = it.group(country)
        assert s.n == ref[country]["n"]
        assert s.mean == pytest.approx(ref[country]["mean"], abs=1e-12)
        assert s.sd == pytest.approx(ref[country]["sd"], abs=1e-12)
        assert s.top2_pct == pytest.approx(100 * (v.dropna() >= k - 1).mean(), abs=1e-9)
    ds = {(c.a, c.b): c.d for c in it.comparisons}
    assert ds[("Canada", "Mexico")] == pytest.approx(_d(ref["Canada"], ref["Mexico"]), abs=1e-12)
    assert ds[("Mexico", "United States")] == pytest.approx(_d(ref["Mexico"], ref["United States"]), abs=1e-12)


def test_pisa_dont_know_and_typos(pisa):
    survey, summary = pisa
    assert survey.item("ST26Q01").other_labels == ("Don’t know what it is",)
    assert summary.item("ST26Q01").group("Canada").dont_know > 0
    assert survey.item("ST34Q01").scale.labels[-1] == "Strongly agree"
    assert any(k == "fuzzy_label" and p["found"] == "Strong agree" for k, p in survey.notes)
    assert len(survey.items) == 80
    assert np.all(survey.codes >= 0)
