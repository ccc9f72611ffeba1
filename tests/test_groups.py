"""More than two groups (lmp_core.compute.groups) against an independent computation on the raw file: EFC's
c86cop5 by education (c172code, three levels), read with pyreadstat, tested with scipy and corrected with
statsmodels directly on the respondents' answers, not on the counts."""

from __future__ import annotations

import itertools

import pyreadstat
import pytest
from scipy import stats as sps
from statsmodels.stats.multitest import multipletests

from lmp_core import count, read_file, summarize
from lmp_core.compute.groups import group_tests
from lmp_core.present.tables import comparisons_table, group_stats_table
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


def test_no_size_word_for_a_group_under_ten_answers_the_interval_instead():
    # 8 answers against 20: d is computed, but a size word would claim more than it can tell (the rule);
    # the table shows d's interval where the word would stand
    from lmp_core.base.fmt import number
    from lmp_core.present.tables import stats_table

    rows = [("A", "I stor grad" if i < 6 else "I liten grad") for i in range(8)] + \
        [("B", "I noen grad" if i < 14 else "I svært stor grad") for i in range(20)]
    survey = read_file(("g,q\n" + "\n".join(f"{g},{a}" for g, a in rows) + "\n").encode(), "x.csv")
    summary = summarize(count(survey, group="g"))
    (comparison,) = summary.items[0].comparisons
    assert comparison.d is not None and comparison.magnitude is None and comparison.reason == "reason_few_for_size"
    lo, hi = comparison.d_ci
    assert stats_table(summary).loc[0, "Størrelse"] == f"KI {number(lo, 2)} til {number(hi, 2)} (under 10 svar)"
    # ten answers each get their word again (the report's Skoleeier group has exactly ten)
    rows10 = rows + [("A", "I stor grad"), ("A", "I liten grad")]
    survey10 = read_file(("g,q\n" + "\n".join(f"{g},{a}" for g, a in rows10) + "\n").encode(), "x.csv")
    assert summarize(count(survey10, group="g")).items[0].comparisons[0].magnitude is not None


def test_the_json_and_the_report_carry_the_letters(tests_and_raw, capsys, tmp_path):
    import json

    from lmp_core.cli import main

    _, tests, _, _ = tests_and_raw
    test = next(t for t in tests if t.column == "c86cop5")
    assert main(["summarize", str(EFC), "--group", "c172code", "--items", "c86cop5", "--format", "json"]) == 0
    item = json.loads(capsys.readouterr().out)["items"][0]
    got = item["group_tests"]
    assert got["p_value"] == pytest.approx(test.p_value) and got["correction"] == "Holm"
    assert {g: v["above"] for g, v in got["letters"].items()} == test.letters and any(test.letters.values())
    assert [p["p_holm"] for p in got["pairs"]] == pytest.approx([p.p_holm for p in test.pairs])
    out = tmp_path / "efc.docx"
    assert main(["report", str(EFC), "--group", "c172code", "--out", str(out)]) == 0
    from docx import Document

    doc = Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Over (sign.)" in [c.text for t in doc.tables for c in t.rows[0].cells]
    assert "Parvise sammenligninger (Holm-korrigert)" in text and "Kruskal–Wallis-test" in text
    # the letters in the Word table are the ones computed for the question
    rows = [[c.text for c in r.cells] for t in doc.tables for r in t.rows]
    marked = {r[1]: r[-1] for r in rows if len(r) > 2 and "c86cop5" in r[0]}
    assert {g: marked.get(f"{g} ({test.letter(g)})") for g in test.groups} == test.letters


def test_the_chi_square_option_matches_scipy_on_the_raw_answers(tests_and_raw, capsys):
    import pandas as pd
    from scipy.stats import chi2_contingency

    from lmp_core.cli import main

    summary, tests, frame, meta = tests_and_raw
    chi = next(t for t in group_tests(summary, omnibus="chi2") if t.column == "c86cop5")
    labels = meta.variable_value_labels["c172code"]
    answered = frame[frame["c86cop5"].between(1, 4) & frame["c172code"].notna()]
    table = pd.crosstab(answered["c172code"].map(labels), answered["c86cop5"])  # counted here from the raw file
    reference = chi2_contingency(table.loc[list(chi.groups)].to_numpy(), correction=False)
    assert chi.statistic == pytest.approx(reference.statistic, rel=1e-12)
    assert chi.p_value == pytest.approx(reference.pvalue, rel=1e-12)
    kruskal = next(t for t in tests if t.column == "c86cop5")
    assert chi.letters == kruskal.letters  # the pairs are Mann-Whitney with Holm either way
    assert main(["summarize", str(EFC), "--group", "c172code", "--items", "c86cop5", "--omnibus", "chi2",
                 "--format", "json"]) == 0
    import json

    got = json.loads(capsys.readouterr().out)["items"][0]["group_tests"]
    assert got["test"] == "Pearson chi-square" and got["p_value"] == pytest.approx(reference.pvalue, rel=1e-12)
    pairs = comparisons_table(summary, tests=[chi])
    assert "p (kjikvadrat)" in pairs.columns
