"""Disclosure control (lmp_core.counting.disclosure, lmp_core.compute.view): no combination of views gives away the answers of
fewer than the minimum number of respondents.

Reference counts are hand counts of the report fixture (``pd.crosstab(rolle, pulje)`` of lmp_ch2_3.csv):
school owners 3 in pulje 1 and 7 in pulje 2, school leaders 12 and 24. The routes an adversarial user
took (issue #11) are replayed as tests; the property test generates small surveys with several grouping
columns, blank values, item non-response and "don't know", produces every view the app and the command
line can show, and tries to rebuild a small set of answers by subtracting what they publish.
"""

from __future__ import annotations

import itertools
import json

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lmp_core.base.errors import SurveyError
from lmp_core.cli import main
from lmp_core.compute.comments import comments
from lmp_core.compute.view import ViewRequest, make_view
from lmp_core.counting.disclosure import held_back, pooled
from lmp_core.load import read_file
from lmp_core.present.report import build_report
from tests.conftest import FIXTURES

FIXTURE = FIXTURES / "lmp_ch2_3.csv"
SCALE = ["I svært liten grad", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad"]


@pytest.fixture(scope="module")
def survey():
    return read_file(FIXTURE.read_bytes(), FIXTURE.name)


def _answers(summary, group: str, column: str) -> dict[str, int] | None:
    s = summary.item(column).group(group)
    return None if s.suppressed else {**s.counts, "_dk": s.dont_know}


# --- the three routes of issue #11, replayed ------------------------------------------------------------
def test_another_grouping_cannot_rebuild_a_hidden_group(survey):
    # with a minimum of 11 the 10 school owners are hidden under rolle; before, pulje 1 + pulje 2 minus the
    # school leaders gave every answer of theirs
    request = ViewRequest.of(group="pulje", groupings=["rolle", "pulje"], min_group_size=11)
    by_pulje = make_view(survey, request).summary()
    by_rolle = make_view(survey, ViewRequest.of(group="rolle", groupings=["rolle", "pulje"],
                                                min_group_size=11)).summary()
    assert next(g for g in by_rolle.groups if g.name == "Skoleeier").suppressed
    raw = pd.read_csv(FIXTURE, dtype=str, keep_default_na=False)
    for it in survey.items:
        leaders = _answers(by_rolle, "Skoleleder", it.column)
        pulje = [_answers(by_pulje, p, it.column) for p in ("1", "2")]
        # all three cells are shown (the leaders, 36, and both pulje, 12 and 24 of them), so each sum is checked
        assert leaders is not None and None not in pulje
        # what the pulje view shows is exactly the leaders the rolle view shows: nothing of the owners
        assert {k: pulje[0][k] + pulje[1][k] for k in leaders} == leaders
        # and the leaders' answers as pandas counts them in the raw file
        assert {k: v for k, v in leaders.items() if k != "_dk"} == {
            label: int((raw.loc[raw["rolle"] == "Skoleleder", it.column] == label).sum()) for label in it.scale.labels}
    # the 10 owners are no pool (alone under 11): held back from every view, and the view says how many
    assert ("warn_held_back_rows", {"shown": 36, "total": 46, "held": 10, "min_n": 11}) in by_pulje.warnings


def test_blank_group_values_cannot_be_rebuilt_from_the_total():
    rows = ["g,q"] + [f"A,{SCALE[i % 5]}" for i in range(8)] + [f"B,{SCALE[i % 5]}" for i in range(7)]
    rows += ["," + SCALE[0], "," + SCALE[0]]  # two respondents with no group value
    survey = read_file("\n".join(rows).encode(), "blank.csv")
    total = make_view(survey, ViewRequest.of(groupings=["g"], min_group_size=5)).summary()
    groups = make_view(survey, ViewRequest.of(group="g", groupings=["g"], min_group_size=5)).summary()
    shown = [groups.item("q").group(g) for g in ("A", "B")]
    # total minus the shown groups was the two blanks' answers; now they are held back everywhere
    assert total.groups[0].respondents == 15 == sum(s.n for s in shown)
    assert total.item("q").stats[0].counts == {lab: sum(s.counts[lab] for s in shown) for lab in SCALE}


def test_a_hidden_item_cell_cannot_be_rebuilt_from_the_items_total():
    rows = ["g,q,r"] + [f"A,{SCALE[i % 5]},{SCALE[3]}" for i in range(8)]
    rows += [f"B,{SCALE[0] if i < 3 else ''},{SCALE[4]}" for i in range(7)]  # 3 answers to q in B
    survey = read_file("\n".join(rows).encode(), "cell.csv")
    total = make_view(survey, ViewRequest.of(groupings=["g"], min_group_size=5)).summary()
    groups = make_view(survey, ViewRequest.of(group="g", groupings=["g"], min_group_size=5)).summary()
    b = groups.item("q").group("B")
    assert b.suppressed and b.n == 0 and b.mean is None  # hidden, and no n anywhere
    assert total.item("q").stats[0].counts == groups.item("q").group("A").counts
    assert total.item("q").stats[0].n == 8
    assert total.item("r").stats[0].n == 15  # the other item keeps every answer
    # the JSON keeps no n, count or "don't know" of the hidden cell
    cell = next(s for s in groups.to_dict()["items"][0]["stats"] if s["group"] == "B")
    assert cell["n"] is None and cell["counts"] is None and cell["dont_know"] is None and cell["mean"] is None


def test_a_group_inside_another_grouping_cannot_be_subtracted_from_it():
    # fylke Oslo lies inside pulje 1, which has 2 more: pulje 1 minus Oslo were those 2
    rows = ["pulje,fylke,q"] + [f"1,Oslo,{SCALE[3]}"] * 8 + [f"1,Bergen,{SCALE[0]}"] * 2 + [f"2,Bergen,{SCALE[4]}"] * 9
    survey = read_file("\n".join(rows).encode(), "nested.csv")
    pulje = make_view(survey, ViewRequest.of(group="pulje", groupings=["pulje", "fylke"])).summary()
    fylke = make_view(survey, ViewRequest.of(group="fylke", groupings=["pulje", "fylke"])).summary()
    assert pulje.item("q").group("1").counts == fylke.item("q").group("Oslo").counts
    assert fylke.item("q").group("Bergen").n == 9


def test_the_demo_setup_reproduces_the_published_owners(survey):
    # the report groups by rolle only; protecting rolle alone keeps every owner (report Tabell 2.1: n=10)
    summary = make_view(survey, ViewRequest.of(group="rolle", groupings=["rolle"])).summary()
    assert summary.item("kunnskap_mobbing").group("Skoleeier").n == 10
    assert not any(key == "warn_held_back" for key, _ in summary.warnings)
    # protecting pulje too holds back the 3 owners of pulje 1 (a cell of the crossing under 5)
    both = make_view(survey, ViewRequest.of(group="rolle", groupings=["rolle", "pulje"])).summary()
    assert next(g for g in both.groups if g.name == "Skoleeier").respondents == 7


def test_a_filtered_view_shows_no_response_rate_and_says_why(survey):
    request = ViewRequest.of(group="rolle", groupings=["rolle", "pulje"], filters={"pulje": ["1"]},
                             populations={"Skoleleder": 63, "Skoleeier": 24}, min_group_size=3)
    summary = make_view(survey, request).summary()
    # 12 school leaders of pulje 1 are not "19 % of 63": the 63 invited are the whole group
    assert all(g.response_rate is None and g.population is None for g in summary.groups)
    assert ("warn_filter_no_rate", {"columns": "pulje"}) in summary.warnings
    unfiltered = make_view(survey, ViewRequest.of(group="rolle", populations={"Skoleleder": 63})).summary()
    leaders = next(g for g in unfiltered.groups if g.name == "Skoleleder")
    assert round(leaders.response_rate) == 57  # report section 1.1: 36 of 63


def test_group_and_filter_must_be_protected_columns(survey):
    with pytest.raises(SurveyError) as info:
        make_view(survey, ViewRequest.of(group="pulje", groupings=["rolle"]))
    assert info.value.key == "not_a_group_column" and "rolle" in info.value.message("nb")
    with pytest.raises(SurveyError):
        make_view(survey, ViewRequest.of(group="rolle", groupings=["rolle"], filters={"pulje": ["1"]}))


def test_totals_are_always_available_and_protected(capsys):
    # before, a total with a hidden group anywhere was refused: now the hidden respondents are held back
    assert main(["summarize", str(FIXTURE), "--groupings", "rolle", "--min-group-size", "11", "--format",
                 "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["groups"][0]["respondents"] == 36  # the 10 school owners are held back
    assert any("holdt tilbake" in w for w in out["warnings"])
    assert main(["summarize", str(FIXTURE), "--group", "rolle", "--groupings", "rolle", "--format", "json"]) == 0


def test_the_report_holds_back_what_the_views_hold_back(survey):
    report = build_report(survey, ViewRequest.of(group="pulje", groupings=["rolle", "pulje"], min_group_size=11))
    notes = [b.text for b in report.sections[0].blocks if getattr(b, "style", None) == "note"]
    assert any("holdt tilbake" in n for n in notes)
    assert "Skoleeier" not in " ".join(report.paragraphs())


def test_comments_of_held_back_respondents_are_left_out_everywhere():
    rows = ["rolle,fylke,q,kommentar"]
    rows += [f"Leder,Agder,I stor grad,leder-{i} skriver en lang kommentar om skolen" for i in range(8)]
    rows += [f"Leder,Viken,I stor grad,viken-{i} skriver en lang kommentar om skolen" for i in range(2)]
    rows += [f"Eier,Agder,I liten grad,eier-{i} skriver en lang kommentar om skolen" for i in range(6)]
    survey = read_file("\n".join(rows).encode(), "c.csv")
    assert set(survey.group_candidates) == {"rolle", "fylke"}
    assert held_back(survey, 5).rows.sum() == 2
    for group in (None, "rolle", "fylke"):
        found = comments(survey, "kommentar", group=group, min_group_size=5)
        assert found.total == 16 and found.hidden == 2 and len(found.rows) == 14
        assert not found.rows["comment"].str.startswith("viken").any()
    assert comments(survey, "kommentar", group="rolle", min_group_size=2).hidden == 0


# --- the property: generated surveys, every view, every subtraction ----------------------------------
GROUP_VALUES = {"g": ["A", "B", ""], "h": ["x", "y", "z", ""], "k": ["1", "2"]}
ANSWERS = SCALE + ["Vet ikke", ""]
person = st.tuples(*(st.sampled_from(v) for v in GROUP_VALUES.values()),
                   st.sampled_from(ANSWERS), st.sampled_from(ANSWERS))


def _views(frame: pd.DataFrame, columns: list[str]):
    """Every view the app and the command line can show: each grouping and the total, unfiltered and with
    each single filter value and each pair of values of another grouping column."""
    for group in [None, *columns]:
        yield group, {}
        for column in columns:
            if column == group:
                continue
            values = sorted({v for v in frame[column] if v})
            for k in (1, 2):
                for chosen in itertools.combinations(values, k):
                    yield group, {column: list(chosen)}


def _published(frame: pd.DataFrame, survey, columns: list[str], min_n: int) -> list[tuple[str, frozenset, tuple]]:
    """(item, set of respondents whose answers a shown figure counts, its count vector) for every shown group
    cell of every view, plus each view's sum of its shown groups (a partition's visible part)."""
    held = held_back(survey, min_n, columns)
    out = []
    for group, filters in _views(frame, columns):
        # every filter value is one the file holds, so every view has respondents: a refusal fails the test
        view = make_view(survey, ViewRequest.of(group=group, filters=filters, groupings=columns,
                                                min_group_size=min_n), held=held)
        summary = view.summary()
        keep = ~held.rows
        for column, values in filters.items():
            keep &= frame[column].isin(values).to_numpy()
        for j, it in enumerate(summary.items):
            answered = (survey.codes[:, j] > 0) & keep
            if held.answer_mask(j) is not None:
                answered &= ~held.answer_mask(j)
            union: set[int] = set()
            if j == 0:  # the respondents each shown group counts
                for info in summary.groups:
                    if not info.suppressed:
                        members = keep if group is None else keep & (frame[group] == info.name).to_numpy()
                        assert info.respondents == int(members.sum())
                        out.append(("_rows", frozenset(np.flatnonzero(members).tolist()), ()))
            for s in it.stats:
                if s.suppressed:
                    continue
                members = answered if group is None else answered & (frame[group] == s.group).to_numpy()
                ids = frozenset(np.flatnonzero(members).tolist())
                # the published numbers are exactly the answers of these respondents (checked with pandas)
                expected = frame.loc[sorted(ids), it.item.column].value_counts().to_dict()
                shown = {lab: n for lab, n in s.counts.items() if n}
                shown.update({lab: n for lab, n in expected.items() if lab == "Vet ikke"})
                assert shown == expected and s.dont_know == expected.get("Vet ikke", 0)
                out.append((it.item.column, ids, ()))
                union |= ids
            out.append((it.item.column, frozenset(union), ()))
    return out


def _as_pooled(frame: pd.DataFrame, survey, columns: list[str], min_n: int) -> pd.DataFrame:
    """``frame`` with each grouping column's values as the views show them: small values pooled into "Øvrige"
    (:func:`lmp_core.counting.disclosure.pooled`) where together they reach the minimum."""
    after = pooled(survey, columns, min_n)
    out = frame.copy()
    for column in columns:
        if after.frame[column].dtype != survey.frame[column].dtype or not after.frame[column].equals(
                survey.frame[column]):
            out[column] = after.frame[column].fill_null("").to_list()
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(person, min_size=6, max_size=45), st.integers(2, 6))
def test_no_subtraction_of_published_figures_isolates_fewer_than_the_minimum(people, min_n):
    frame = pd.DataFrame(people, columns=[*GROUP_VALUES, "q1", "q2"])
    frame["q1"] = frame["q1"].where(frame.index > 0, SCALE[0])  # every item has an answer somewhere
    frame["q2"] = frame["q2"].where(frame.index > 0, SCALE[4])
    survey = read_file(frame.to_csv(index=False).encode(), "p.csv")
    frame = frame.fillna("")
    columns = [c for c in GROUP_VALUES if c in survey.group_candidates]
    frame = _as_pooled(frame, survey, columns, min_n)
    published = _published(frame, survey, columns, min_n)
    scale = set(SCALE)
    for (item_a, a, _), (item_b, b, _) in itertools.product(published, repeat=2):
        if item_a != item_b or not b < a:
            continue
        rest = sorted(a - b)
        substantive = 0 if item_a == "_rows" else sum(frame.at[r, item_a] in scale for r in rest)
        # the difference is a set of respondents anyone can compute: it must hold none or enough of them
        assert len(rest) >= min_n, (item_a, rest, min_n)
        assert substantive == 0 or substantive >= min_n, (item_a, rest, min_n)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(person, min_size=6, max_size=45), st.integers(2, 6))
def test_the_one_pass_view_equals_the_full_disclosure_pass(people, min_n):
    # make_view skips the separate disclosure pass when one group column is protected and its counts show
    # nothing small: the counts, hidden cells and notes must be exactly those of the full pass
    frame = pd.DataFrame(people, columns=[*GROUP_VALUES, "q1", "q2"])
    frame["q1"] = frame["q1"].where(frame.index > 0, SCALE[0])
    frame["q2"] = frame["q2"].where(frame.index > 0, SCALE[4])
    survey = read_file(frame.to_csv(index=False).encode(), "p.csv")
    for group in [None, *[c for c in GROUP_VALUES if c in survey.group_candidates]]:
        columns = [group] if group else []
        request = ViewRequest.of(group=group, groupings=columns, min_group_size=min_n)
        fast = make_view(survey, request)
        full = make_view(survey, request, held=held_back(survey, min_n, columns))
        assert np.array_equal(fast.counts.table, full.counts.table) and fast.counts.groups == full.counts.groups
        assert fast.counts.respondents == full.counts.respondents and fast.hidden_cells == full.hidden_cells
        assert fast.notes == full.notes and np.array_equal(fast.held.rows, full.held.rows)
