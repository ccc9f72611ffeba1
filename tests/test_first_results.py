"""The first results on a survey tool's export (issue #42): no statistic without answers, a question asked of few
says why, on files made here to the layouts of Microsoft Forms, Google Forms, LimeSurvey and Nettskjema exports.

Reference counts are hand counts with pandas on the generated rows (the base of a tick set: the rows with a tick in
any of its columns; a single-choice question's base: its answers other than blank and "Vet ikke")."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from lmp_core.compute.kind_stats import OptionGroup, kind_results
from lmp_core.load import read_file
from lmp_core.present.report.sentences import asked_sentence, kind_sentences
from lmp_core.present.tables import kind_table

SAT = ["Svært misfornøyd", "Misfornøyd", "Verken fornøyd eller misfornøyd", "Fornøyd", "Svært fornøyd"]
HEARD = ["Nettsiden", "En kollega", "Kommunen"]
OPTIONS = ["kurs", "veiledning", "nettverk"]
#: how a tick set marks "not ticked" in a layout: blank (LimeSurvey's Y/blank, SurveyMonkey), "No" in every row
NOT_TICKED = ("", "No", "N")


def _frame(rows: list[tuple], not_ticked: str) -> pd.DataFrame:
    """A file of the generated rows: a group, a satisfaction scale, an empty scale question, a single-choice
    question and a tick set of three columns ("Y" ticked, ``not_ticked`` otherwise)."""
    out = []
    for i, (group, sat, heard, ticks) in enumerate(rows):
        out.append({"id": f"R{i}", "rolle": group, "tilfredshet": sat, "tom": "",
                    "Hvordan fikk du høre om tilbudet?": heard,
                    **{f"tiltak_{o}": ("Y" if t else not_ticked) for o, t in zip(OPTIONS, ticks)}})
    return pd.DataFrame(out)


rows = st.lists(
    st.tuples(st.sampled_from(["Lærer", "Leder", "Rektor"]), st.sampled_from([*SAT, ""]),
              st.sampled_from([*HEARD, "Vet ikke", ""]), st.tuples(st.booleans(), st.booleans(), st.booleans())),
    min_size=12, max_size=70,
).filter(lambda rs: len({r[1] for r in rs if r[1]}) >= 2)
tick_rate = st.sampled_from([0.0, 0.3, 1.0])  # 0: a set no one ticked (blank or "No" in every row)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.filter_too_much],
          phases=(Phase.explicit, Phase.generate))  # no shrinking: a failing file is printed as generated
@given(rows, st.sampled_from(NOT_TICKED), tick_rate, st.booleans())
def test_no_share_without_answers(data, not_ticked, rate, empty_choice):
    """Every share shown rests on answers: its base is the hand count and above zero; a group, set or question
    with none shows no share, no "most ticked" sentence, no percentage in its table, and says how many answered."""
    rng = np.random.default_rng(len(data))
    data = [(g, s, "" if empty_choice else h, tuple(bool(t and rng.random() < rate) for t in ticks))
            for g, s, h, ticks in data]
    frame = _frame(data, not_ticked)
    survey = read_file(frame.to_csv(index=False).encode(), "svar.csv")
    results = {r.column: r for r in kind_results(survey, group="rolle", min_group_size=1)}  # none held back
    ticked = frame[[f"tiltak_{o}" for o in OPTIONS]].eq("Y")
    for r in results.values():
        for g in r.shown():
            assert isinstance(g, OptionGroup)
            rows_of = frame["rolle"] == g.group
            if r.kind == "multi":
                base = int((ticked.any(axis=1) & rows_of).sum())  # hand count: a tick in any column
            else:
                answers = frame.loc[rows_of, r.column]
                base = int((~answers.isin(["", "Vet ikke"]) & answers.notna()).sum())
            assert g.base == base
            if g.shares is not None:
                assert g.base > 0
            if g.tick_shares is not None:
                assert sum(g.counts.values()) > 0
        table = kind_table(r, lang="nb")
        for g in r.shown():
            if not g.base:
                assert not table[f"{g.group} %"].str.contains("%").any()
        sentences = " ".join(kind_sentences(r, "nb"))
        if r.kind == "multi" and not ticked.any(axis=None):
            assert "prosent" not in sentences and "kryss hver" not in sentences
        if not r.has_figures():
            assert "ingen tall vises" in asked_sentence(r, 1) or "å vise tall" in asked_sentence(r, 1)
    if not ticked.any(axis=None):  # a set no one ticked is no statistic: none of its shares, no figure
        tiltak = results.get("tiltak")
        assert tiltak is None or not tiltak.has_figures()
    if empty_choice:
        assert "Hvordan fikk du høre om tilbudet?" not in results \
            or not results["Hvordan fikk du høre om tilbudet?"].has_figures()


def test_a_set_of_no_in_every_row_is_not_every_option_ticked():
    """The issue's case: a tick set with "No" in every row was read as every respondent ticking every option
    ("100 % of Man (n=2384)", "i snitt 2,0 kryss hver"). Hand count: nobody ticked, so no share at all."""
    frame = pd.DataFrame({"Gender": ["Man", "Woman"] * 30, "tilfredshet": SAT * 12,
                          "kanal_a": ["No"] * 60, "kanal_b": ["No"] * 60})
    survey = read_file(frame.to_csv(index=False).encode(), "export.csv")
    (kanal,) = [r for r in kind_results(survey, group="Gender", min_group_size=5) if r.column == "kanal"]
    assert all(g.shares is None and g.mean_ticked is None for g in kanal.groups)
    assert not kanal.has_figures()
    assert "100" not in " ".join(kind_sentences(kanal, "nb"))
    # none of the 60 respondents ticked anything: said so instead of empty axes
    assert asked_sentence(kanal, 5, "nb").startswith("Færre enn 5 av 60 ")


def test_a_question_asked_of_few_says_how_many():
    """A single-choice question 8 of 200 answered (a routed question; hand count: rows 0, 25, …, 175): the whole
    sample's figure says "8 av 200 fikk dette spørsmålet"; by role (4 answers each, under the minimum 5, held
    back) no group shows a figure and the sentence says why, without revealing a count under the minimum."""
    n = 200
    question = "Hvordan fikk du høre om tilbudet?"
    frame = pd.DataFrame({"rolle": ["Lærer", "Leder"] * (n // 2), "tilfredshet": (SAT * n)[:n],
                          question: [HEARD[i % 3] if i % 25 == 0 else "" for i in range(n)]})
    survey = read_file(frame.to_csv(index=False).encode(), "routed.csv")
    (whole_sample,) = [r for r in kind_results(survey, min_group_size=5) if r.column == question]
    assert (whole_sample.asked, whole_sample.respondents) == (8, 200)
    assert whole_sample.has_figures()
    assert asked_sentence(whole_sample, 5, "nb") == "8 av 200 fikk dette spørsmålet."
    (by_role,) = [r for r in kind_results(survey, group="rolle", min_group_size=5) if r.column == question]
    assert not by_role.has_figures()
    assert asked_sentence(by_role, 5, "nb") == ("Færre enn 5 av 200 har svar på dette spørsmålet som kan vises, "
                                               "så ingen tall vises.")


def test_a_set_no_one_in_a_group_ticked_has_no_most_ticked_option():
    """Asked (a 0/1 set: a 0 is an answer) but no one ticked: the sentence says none ticked, never "most ticked
    «a» (0 prosent)", and there is no share of all ticks (a share of zero ticks)."""
    frame = pd.DataFrame({"rolle": ["Lærer", "Leder"] * 20, "tilfredshet": SAT * 8,
                          "kanal_a": [0] * 40, "kanal_b": [0] * 40})
    survey = read_file(frame.to_csv(index=False).encode(), "zeros.csv")
    (kanal,) = [r for r in kind_results(survey, group="rolle", min_group_size=5) if r.column == "kanal"]
    assert [g.base for g in kanal.groups] == [20, 20]
    assert all(g.tick_shares is None for g in kanal.groups)
    sentences = kind_sentences(kanal, "nb")
    assert sentences[0] == "«kanal»: ingen av de 20 i Lærer som fikk spørsmålet, krysset av."
