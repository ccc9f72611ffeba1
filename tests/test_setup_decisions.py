"""The first five minutes on a real SPSS file (issue #28): background columns are no questions, the setup asks
one decision per worked-out scale, every view says the setup is unconfirmed until it is, the results page
opens on a question theme, and a saved setup protects the same grouping columns in every call."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from lmp_core import cli
from lmp_core.compute.decisions import setup_decisions, unconfirmed_note
from lmp_core.load import read_codebook, read_file
from lmp_core.present.tables import to_csv_bytes
from lmp_core.setup.codebook import protection
from lmp_core.setup.table import setup_codebook, setup_rows
from tests.apptest import plain
from tests.conftest import EXTERNAL, ROOT
from tests.wellbeing import BACKGROUND, SCALES, distinct_scales, write_wellbeing

APP = str(ROOT / "streamlit_app.py")


@pytest.fixture(scope="module")
def wellbeing(tmp_path_factory) -> bytes:
    return write_wellbeing(tmp_path_factory.mktemp("wb") / "survey.sav").read_bytes()


# --- the reader ---------------------------------------------------------------------------------------
def test_background_columns_of_the_well_being_survey_are_no_questions(wellbeing):
    survey = read_file(wellbeing, "survey.sav")
    questions = {it.column for it in (*survey.items, *survey.others, *survey.numbers)}
    # "do you smoke?" is a yes/no question (#27); "children" (yes/no) describes the respondent: background
    background = set(BACKGROUND) - {"smoke"}
    assert not questions & background
    assert {it.column for it in survey.others} == {"smoke"}
    # every scale question is one: 66 of them, in file order, beginning with the first scale
    assert [it.column for it in survey.items][:2] == ["op1", "op2"]
    assert len(survey.items) == sum(count for _, count, _, _ in SCALES)
    reasons = {s.column: s.key for s in survey.skipped}
    assert reasons["educ"] == reasons["marital"] == "background_by_name"
    assert reasons["agegp3"] == "background_by_name"
    # they still group, labelled as the file labels them
    assert {"educ", "agegp3", "marital", "sex"} <= set(survey.group_candidates)
    assert set(survey.values_of("agegp3").dropna()) == {"18 - 29", "30 - 44", "45+"}


def test_a_lone_label_set_of_number_bands_is_background_and_a_lone_scale_stays_a_question(tmp_path):
    import pyreadstat

    frame = pd.DataFrame({"q7": [1, 2, 3, 1, 2, 3] * 5, "q8": [1, 2, 3, 3, 2, 1] * 5})
    pyreadstat.write_sav(frame, str(tmp_path / "f.sav"), variable_value_labels={
        "q7": {1: "0-4 år", 2: "5-9 år", 3: "10 år eller mer"}, "q8": {1: "aldri", 2: "av og til", 3: "ofte"}},
        variable_measure={"q7": "ordinal", "q8": "ordinal"})
    survey = read_file((tmp_path / "f.sav").read_bytes(), "f.sav")
    assert [it.column for it in survey.items] == ["q8"]
    assert {s.column: s.key for s in survey.skipped}["q7"] == "background_bands"


def test_the_setup_asks_once_per_worked_out_scale(wellbeing):
    survey = read_file(wellbeing, "survey.sav")
    decisions = setup_decisions(survey)
    uncertain = [r.column for r in setup_rows(survey) if r.uncertain]
    # one confirmation per distinct scale the reader worked out, not one per column (63 of them)
    assert len(uncertain) > 50
    assert 1 <= len(decisions) <= distinct_scales()
    assert sorted(c for d in decisions for c in d.columns) == sorted(uncertain)
    # op and pc share one label set: one decision for both
    shared = next(d for d in decisions if "op1" in d.columns)
    assert "pc18" in shared.columns
    note = unconfirmed_note(decisions)
    assert note is not None and note[0] == "warn_setup_unconfirmed" and note[1]["count"] == len(uncertain)
    assert unconfirmed_note(decisions, frozenset(d.key for d in decisions)) is None


def test_reverse_keyed_candidates_are_proposed_from_the_label_and_the_item_rest_correlation(tmp_path):
    import pyreadstat

    rng = np.random.default_rng(5)
    trait = rng.integers(1, 6, 200)
    noise = lambda: rng.integers(-1, 2, 200)  # noqa: E731
    frame = pd.DataFrame({f"sk{i}": np.clip(trait + noise(), 1, 5) for i in range(1, 5)})
    frame["sk5"] = np.clip(6 - trait + noise(), 1, 5)  # worded the other way
    labels = {1: "aldri", 2: "sjelden", 3: "av og til", 4: "ofte", 5: "svært ofte"}
    pyreadstat.write_sav(frame, str(tmp_path / "r.sav"), variable_value_labels=dict.fromkeys(frame, labels),
                         column_labels={**{c: c for c in frame}, "sk2": "Jeg blir sjelden lei (reversert)"},
                         variable_measure=dict.fromkeys(frame, "ordinal"))
    survey = read_file((tmp_path / "r.sav").read_bytes(), "r.sav")
    (decision,) = setup_decisions(survey)
    candidates = dict(decision.reverse_candidates)
    # sk5 by its answers (pandas' correlation of sk5 with the sum of the others is negative); sk2 by its label
    rest = frame[["sk1", "sk2", "sk3", "sk4"]].sum(axis=1)
    assert frame["sk5"].corr(rest) < 0
    assert candidates == {"sk2": "reverse_by_label", "sk5": "reverse_by_correlation"}
    # proposed, never applied
    assert not any(it.reversed for it in survey.items)


# --- the saved setup protects alike in every command-line call -------------------------------------------
def _summarize(capsys, *args: str) -> tuple[int, dict | None, str]:
    code = cli.main(["summarize", *args, "--format", "json"])
    out, err = capsys.readouterr()
    return code, json.loads(out) if code == 0 else None, err


def test_the_setup_file_records_protection_and_the_command_line_reads_it(tmp_path, capsys, wellbeing):
    data = tmp_path / "survey.sav"
    data.write_bytes(wellbeing)
    assert cli.main(["setup", str(data), "--groupings", "sex,educ", "--min-group-size", "7"]) == 0
    saved = tmp_path / "oppsett.csv"
    saved.write_text(capsys.readouterr().out, encoding="utf-8")
    assert protection(read_codebook(saved.read_bytes(), saved.name)) == (("sex", "educ"), 7)
    code, _, err = _summarize(capsys, str(data), "--codebook", str(saved), "--group", "educ", "--items", "op1")
    assert code == 0 and "warning" not in err
    # a group outside the setup's protection is refused with the setup's columns named
    code, _, err = _summarize(capsys, str(data), "--codebook", str(saved), "--group", "marital")
    assert code == 2 and err.count("\n") == 1 and "sex, educ" in err and "protect" in err
    # without a setup the call warns which columns it leaves unprotected, and how to protect them
    code, _, err = _summarize(capsys, str(data), "--group", "educ", "--items", "op1")
    assert code == 0 and err.startswith("warning: ") and "agegp3" in err and "--groupings" in err
    assert "educ," not in err.split("--groupings")[0]  # the call's own group is protected


def test_a_saved_setup_closes_the_blank_group_leak_between_two_calls(tmp_path, capsys):
    # the case: two respondents with a blank role; 'summarize FILE' and 'summarize FILE --group rolle'
    # together gave their answers away (the total minus the shown groups); with one setup they cannot
    rows = ["rolle,pulje,q"] + [f"Leder,{1 + i % 2},I stor grad" for i in range(9)] + \
        [f"Eier,{1 + i % 2},I liten grad" for i in range(7)] + [",1,I svært stor grad", ",2,I svært stor grad"]
    data = tmp_path / "f.csv"
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    leak = _leaked(capsys, [str(data)], ["rolle"])
    assert leak == {"I svært stor grad": 2}  # the weakness: without a setup, the two blanks' answers
    survey = read_file(data.read_bytes(), data.name)
    setup = tmp_path / "oppsett.csv"
    setup.write_bytes(to_csv_bytes(setup_codebook(survey, groupings=("rolle", "pulje"), min_group_size=5),
                                   excel=False))
    assert _leaked(capsys, [str(data), "--codebook", str(setup)], ["rolle", "pulje"]) == {}


def _leaked(capsys, base: list[str], groups: list[str]) -> dict[str, int]:
    """What subtracting the shown groups of each ``--group`` call from the total call's counts gives away:
    the answers of fewer than the minimum (5) respondents, by label."""
    _, total, _ = _summarize(capsys, *base)
    leaked: dict[str, int] = {}
    for group in groups:
        _, split, _ = _summarize(capsys, *base, "--group", group)
        for whole, part in zip(total["items"], split["items"]):
            (everyone,) = whole["stats"]
            if everyone["n"] is None:
                continue
            rest = {label: n - sum((s["counts"] or {}).get(label, 0) for s in part["stats"] if s["n"] is not None)
                    for label, n in everyone["counts"].items()}
            if 0 < sum(rest.values()) < 5:
                leaked.update({k: v for k, v in rest.items() if v})
    return leaked


GROUP_VALUES = {"g": ["A", "B", ""], "h": ["x", "y", ""]}
ANSWERS = ["I svært liten grad", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad", ""]
person = st.tuples(*(st.sampled_from(v) for v in GROUP_VALUES.values()), st.sampled_from(ANSWERS))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.lists(person, min_size=6, max_size=40))
@example([("A", "x", "I svært liten grad")] * 6 + [("A", "y", "I svært liten grad")] * 5)
def test_no_two_command_line_calls_with_one_setup_give_away_a_small_group(tmp_path, capsys, people):
    # the differencing property over the command line: every call with the setup (the total, each group
    # column) publishes counts; no difference of a call's total and another call's shown groups may count
    # answers of fewer than the minimum respondents
    frame = pd.DataFrame(people, columns=[*GROUP_VALUES, "q"])
    frame.loc[0, "q"] = ANSWERS[0]
    data = tmp_path / "p.csv"
    data.write_text(frame.to_csv(index=False), encoding="utf-8")
    survey = read_file(data.read_bytes(), data.name)
    columns = tuple(c for c in GROUP_VALUES if c in survey.group_candidates)
    setup = tmp_path / "s.csv"
    setup.write_bytes(to_csv_bytes(setup_codebook(survey, groupings=columns, min_group_size=5), excel=False))
    base = [str(data), "--codebook", str(setup)]
    calls = {None: _summarize(capsys, *base)[1]}
    calls.update({c: _summarize(capsys, *base, "--group", c)[1] for c in columns})
    published = []  # (the respondents a figure stands for, its counts)
    everyone = np.ones(len(frame), dtype=bool)
    for column, call in calls.items():
        (item,) = call["items"]
        shown = [s for s in item["stats"] if s["n"] is not None]
        rows = {s["group"]: everyone if column is None else (frame[column].fillna("").astype(str) == s["group"]).to_numpy()
                for s in shown}
        counts = {s["group"]: np.array([s["counts"].get(lab, 0) for lab in ANSWERS[:5]]) for s in shown}
        published.append((np.logical_or.reduce(list(rows.values())) if rows else ~everyone,
                          sum(counts.values()) if shown else np.zeros(5, dtype=int)))
        published += [(rows[g], counts[g]) for g in rows]
    # a difference gives away answers only where one figure's respondents lie within the other's (A minus its part
    # x is the rest of A); two groups that do not nest (one call's x and y, or A and x where no x is in A: a run on
    # 2026-12-03 flagged 6 - 5 for those) subtract to no one's answers
    for (rows_a, a), (rows_b, b) in itertools.permutations(published, 2):
        if not (rows_b <= rows_a).all():
            continue
        rest = a - b
        if (rest >= 0).all():
            assert rest.sum() == 0 or rest.sum() >= 5, (a, b)


# --- the app ----------------------------------------------------------------------------------------------
def _app() -> AppTest:
    import streamlit

    streamlit.cache_data.clear()
    streamlit.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=90).run()
    assert not at.exception
    return at


def test_the_data_page_asks_one_decision_per_scale_and_every_view_says_unconfirmed_until_then(wellbeing):
    at = _app()
    at.file_uploader(key="upload").upload("survey.sav", wellbeing, "application/octet-stream").run()
    assert not at.exception
    survey = read_file(wellbeing, "survey.sav")
    decisions = setup_decisions(survey)
    asks = [w for w in at.warning if "Går den riktig vei" in plain(w.value)]
    assert len(asks) == len(decisions) <= distinct_scales()
    assert any("Bakgrunn" in plain(c.value) and "educ" in plain(c.value) for c in at.caption)
    # the results page opens on the first theme of questions, and says the setup is unconfirmed
    at.switch_page("pages/results.py").run()
    assert not at.exception
    assert at.multiselect(key="themes_widget").value == ["op"]
    assert any("Oppsettet er ikke bekreftet" in plain(w.value) for w in at.warning)
    assert not any("Ingen særskilte forbehold" in plain(c.value) for c in at.caption)
    # one click per decision; then no view says so
    at.switch_page("pages/data.py").run()
    for i in range(len(decisions)):
        at.button(key=f"decision_ok_{i}").click().run()
        assert not at.exception
    assert not [w for w in at.warning if "Går den riktig vei" in plain(w.value)]
    at.switch_page("pages/results.py").run()
    assert not any("Oppsettet er ikke bekreftet" in plain(w.value) for w in at.warning)


def test_turning_a_scale_round_confirms_it_and_reverses_its_questions(wellbeing):
    at = _app()
    at.file_uploader(key="upload").upload("survey.sav", wellbeing, "application/octet-stream").run()
    decisions = setup_decisions(read_file(wellbeing, "survey.sav"))
    i = next(i for i, d in enumerate(decisions) if "pss1" in d.columns)
    at.button(key=f"decision_turn_{i}").click().run()
    assert not at.exception
    from lmp_app.state import Keys

    survey = at.session_state[Keys.DATA].source
    assert survey.item("pss1").reversed and survey.item("pss10").reversed and not survey.item("op1").reversed
    assert survey.item("pss1").scale.labels[-1] == "never"
    remaining = [w for w in at.warning if "Går den riktig vei" in plain(w.value)]
    assert len(remaining) == len(decisions) - 1


def test_a_saved_setup_brings_back_its_protection_and_asks_nothing(wellbeing, tmp_path):
    survey = read_file(wellbeing, "survey.sav")
    setup = to_csv_bytes(setup_codebook(survey, groupings=("sex", "agegp3"), min_group_size=8))
    at = _app()
    at.file_uploader(key="codebook_upload").upload("oppsett.csv", setup, "text/csv").run()
    at.file_uploader(key="upload").upload("survey.sav", wellbeing, "application/octet-stream").run()
    assert not at.exception
    from lmp_app.state import Keys

    assert at.session_state[Keys.GROUPINGS] == ("sex", "agegp3")
    assert at.session_state[Keys.MIN_N] == 8
    assert not [w for w in at.warning if "Går den riktig vei" in plain(w.value)]
    at.switch_page("pages/results.py").run()
    assert not any("Oppsettet er ikke bekreftet" in plain(w.value) for w in at.warning)


def test_efc_asks_one_decision_for_its_one_worked_out_scale():
    # EFC (../shared/data/external/efc): e42dep (the elder's dependency) is ordered by its codes; the
    # carer's education (c172code, "carer's level of education") is background, not a question
    survey = read_file((EXTERNAL / "efc" / "EFC.sav").read_bytes(), "EFC.sav")
    assert [d.columns for d in setup_decisions(survey)] == [("e42dep",)]
    assert survey.item_index("c172code") is None and "c172code" in survey.group_candidates


def test_reverse_keyed_proposals_on_the_bfi_are_psychs_keys(tmp_path):
    # psych's bfi (real answers, 2,800 respondents; tests/real_files.py): the proposals are exactly the items
    # psych's bfi.keys scores the other way round (A1, C4, C5, E1, E2, O2, O5), and none is applied
    from tests.real_files import REVERSE_KEYED, write_bfi_sav

    survey = read_file(write_bfi_sav(tmp_path / "bfi.sav").read_bytes(), "bfi.sav")
    (decision,) = setup_decisions(survey)
    assert len(decision.columns) == 25
    assert {c for c, _ in decision.reverse_candidates} == REVERSE_KEYED
    assert survey.item_index("education") is None and "education" in survey.group_candidates
