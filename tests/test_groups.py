"""More than two groups (lmp_core.groups) against an independent computation on the raw file: EFC's
c86cop5 by education (c172code, three levels), read with pyreadstat, tested with scipy and corrected with
statsmodels directly on the respondents' answers, not on the counts."""

from __future__ import annotations

import itertools

import pyreadstat
import pytest
from scipy import stats as sps
from statsmodels.stats.multitest import multipletests

from lmp_core import count, read_file, summarize
from lmp_core.groups import group_tests
from lmp_core.tables import comparisons_table, group_stats_table
from tests.conftest import EXTERNAL

EFC = EXTERNAL / "efc" / "EFC.sav"


@pytest.fixture(scope="module")
def tests_and_raw():
    survey = read_file(EFC.read_bytes(), EFC.name)
    summary = summarize(count(survey, group="c172code"))
    frame, meta = pyreadstat.read_sav(str(EFC), apply_value_formats=False)
    return summary, group_tests(summary), frame, meta


def test_kruskal_wallis_holm_and_cliffs_delta_match_scipy_and_statsmodels_on_the_raw_answers(tests_and_raw):
    _, tests, frame, meta = tests_and_raw
    test = next(t for t in tests if t.column == "c86cop5")
    labels = meta.variable_value_labels["c172code"]
    # raw answers 1..4 (Never .. Always), per education level; missing codes dropped as SPSS declares them
    answers = {labels[code]: frame.loc[(frame["c172code"] == code) & frame["c86cop5"].between(1, 4), "c86cop5"]
               .to_numpy() for code in sorted(labels) if code in set(frame["c172code"].dropna())}
    samples = [answers[g] for g in test.groups]
    h, p = sps.kruskal(*samples)
    assert test.statistic == pytest.approx(h, rel=1e-12) and test.p_value == pytest.approx(p, rel=1e-12)
    raw = [sps.mannwhitneyu(answers[a], answers[b], alternative="two-sided", method="asymptotic")
           for a, b in itertools.combinations(test.groups, 2)]
    holm = multipletests([r.pvalue for r in raw], method="holm")[1]
    for pair, reference, adjusted, (a, b) in zip(test.pairs, raw, holm, itertools.combinations(test.groups, 2)):
        assert (pair.a, pair.b) == (a, b)
        assert pair.p == pytest.approx(reference.pvalue, rel=1e-12) and pair.p_holm == pytest.approx(adjusted, rel=1e-12)
        # Cliff's delta by its definition, P(A > B) - P(A < B), over every pair of answers
        x, y = answers[a][:, None], answers[b][None, :]
        assert pair.cliffs_delta == pytest.approx((x > y).mean() - (x < y).mean(), abs=1e-12)


def test_letters_name_the_groups_each_lies_significantly_above(tests_and_raw):
    summary, tests, _, _ = tests_and_raw
    test = next(t for t in tests if t.column == "c86cop5")
    # by hand from the pairs: a letter for each Holm-significant pair, on the side with the positive delta
    expected = {g: "" for g in test.groups}
    for pair in test.pairs:
        if pair.p_holm < 0.05:
            high, low = (pair.a, pair.b) if pair.cliffs_delta > 0 else (pair.b, pair.a)
            expected[high] += test.letter(low)
    assert test.letters == expected and any(test.letters.values())
    table = group_stats_table(summary, tests=tests).set_index(["Spørsmål", "Gruppe"])
    question = next(q for q in table.index.get_level_values(0) if q.endswith("c86cop5)"))
    for g in test.groups:
        assert table.loc[(question, f"{g} ({test.letter(g)})"), "Over (sign.)"] == test.letters[g]
    pairs = comparisons_table(summary, tests=tests)
    assert {"Cliffs delta", "p (Holm)", "p (Kruskal–Wallis)"} <= set(pairs.columns)


def test_two_groups_get_no_omnibus(tests_and_raw):
    survey = read_file(EFC.read_bytes(), EFC.name)
    assert group_tests(summarize(count(survey, group="c161sex"))) == []
