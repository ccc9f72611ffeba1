"""The one protection rule (lmp_core.counting.disclosure) on the paths an adversary took in issue #39: indices,
number questions, and totals kept whole by pooling small values into "Øvrige".

Each test replays an attack and states what it recovered before the rule was applied there.
"""

from __future__ import annotations

import contextlib
import io
import json
import math

import numpy as np
import pytest

from lmp_core.cli import main
from lmp_core.compute.indices import view_indices
from lmp_core.compute.view import ViewRequest
from lmp_core.load import read_file

SCALE = ["I svært liten grad", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad"]


def _summarize(path, *args: str) -> dict:
    """``summarize`` of a file (``path``) or, with ``path`` None, of the database ``args`` name, as JSON."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["summarize", *([str(path)] if path is not None else []), "--format", "json", *args]) == 0
    return json.loads(buffer.getvalue())


# --- route 5: an index counted answers the question views hold back --------------------------------------------------
def _index_file(held: list[int]) -> bytes:
    """Schools A and B (10 each) and C (6): all answer q2; in C only three answer q1 (``held``, scores 1-5), so C's
    q1 answers are held back in every question view (3 answers, under 5)."""
    rows = ["skole,q1,q2"]
    for school, n in (("A", 10), ("B", 10)):
        rows += [f"{school},{SCALE[i % 5]},{SCALE[(i + 2) % 5]}" for i in range(n)]
    rows += [f"C,{SCALE[h - 1]},{SCALE[2]}" for h in held] + [f"C,,{SCALE[2]}"] * (6 - len(held))
    return "\n".join(rows).encode()


def _index_json(held: list[int]) -> dict:
    survey = read_file(_index_file(held), "idx.csv")
    request = ViewRequest.of(group="skole", groupings=["skole"])
    (index,) = view_indices(survey, request, [], custom={"idx": ["q1", "q2"]})
    return index.to_dict()


def test_an_index_holds_back_what_the_question_views_hold_back():
    survey = read_file(_index_file([1, 1, 5]), "idx.csv")
    from lmp_core.compute.view import make_view

    view = make_view(survey, ViewRequest.of(group="skole", groupings=["skole"])).summary()
    assert view.item("q1").group("C").suppressed  # the question view holds C's three q1 answers back
    # before: C's index n (6), mean and half-point distribution gave each held answer: (q1 + 3) / 2 per respondent,
    # so the bands 2.0 and 4.0 held the 1, 1 and 5; the index of a file that differs only in those answers differed
    low, high = _index_json([1, 1, 5]), _index_json([5, 5, 4])
    assert low == high
    c = next(s for s in low["stats"] if s["group"] == "C")
    # C's index is made of the answers its question views show: q2 only, "I noen grad" (3) for all six
    assert c["n"] == 6 and c["mean"] == 3.0 and c["sd"] == 0.0


def test_an_index_from_a_database_holds_back_the_same_cells(tmp_path):
    duckdb = pytest.importorskip("duckdb")
    from lmp_core.counting.database import count_in_database
    from lmp_core.load import read_codebook

    path = tmp_path / "idx.csv"
    path.write_bytes(_index_file([1, 1, 5]))
    con = duckdb.connect(str(tmp_path / "idx.duckdb"))
    con.execute(f"CREATE TABLE svar AS SELECT * FROM read_csv('{path}')")
    con.close()
    codebook = read_codebook(b"column,role\nskole,background\nq1,question\nq2,question\n", "setup.csv")
    counted = count_in_database(f"duckdb:///{tmp_path / 'idx.duckdb'}", "svar", codebook, group="skole",
                                groupings=("skole",), index_sets=lambda items: {"idx": ["q1", "q2"]})
    request = ViewRequest.of(group="skole", groupings=["skole"])
    (from_db,) = view_indices(counted.counts, request, [], custom={"idx": ["q1", "q2"]}, sums=counted.index_sums)
    assert from_db.to_dict() == _index_json([1, 1, 5])
    c = next(s for s in from_db.stats if s.group == "C")
    assert c.n == 6 and c.mean == 3.0  # C's held q1 answers are in no sum of the database's either


# --- route 7: a number question's quartiles in a group of five ------------------------------------------------------
def _attack(stats: dict) -> tuple[float, float] | None:
    """Route 7: in a group of five the quartiles are its 2nd, 3rd and 4th answers; n, mean and SD give the sum and
    the sum of squares, and so the smallest and largest answer (a quadratic)."""
    if stats.get("q1") is None or stats["n"] != 5:
        return None
    n, mean, sd = stats["n"], stats["mean"], stats["sd"]
    middle = [stats["q1"], stats["median"], stats["q3"]]
    total = n * mean - sum(middle)
    squares = (n - 1) * sd**2 + n * mean**2 - sum(x * x for x in middle)
    # x + y = total, x² + y² = squares
    root = math.sqrt(max(2 * squares - total**2, 0))
    return (total - root) / 2, (total + root) / 2


def test_a_number_group_of_five_gives_no_smallest_or_largest_answer(tmp_path):
    leaders = [12.0, 30.0, 41.0, 57.0, 480.0]  # the group of exactly five
    rows = ["rolle,antall_elever"] + [f"Leder,{v}" for v in leaders] + [f"Lærer,{20 + 7 * i}" for i in range(20)]
    path = tmp_path / "tall.csv"
    path.write_text("\n".join(rows), encoding="utf-8")
    out = _summarize(path, "--group", "rolle")
    item = next(i for i in out["items"] if i["column"] == "antall_elever")
    leader = next(s for s in item["stats"] if s["group"] == "Leder")
    assert leader["n"] == 5 and leader["mean"] == pytest.approx(np.mean(leaders))  # still shown
    # before: q1 30, median 41, q3 57, and the attack gave 12 and 480 exactly
    assert _attack(leader) is None
    assert leader["q1"] is None and leader["median"] is None and leader["q3"] is None
    teachers = next(s for s in item["stats"] if s["group"] == "Lærer")
    # from 20 answers the quartiles are shown: numpy's linear interpolation (pandas' quantile)
    assert [teachers["q1"], teachers["median"], teachers["q3"]] == pytest.approx(
        list(np.percentile([20 + 7 * i for i in range(20)], [25, 50, 75])))


# --- protect without destroying: small values pooled, totals whole --------------------------------------------------
BANDS = ["Under 30 min", "30-60 min", "1-2 timer", "2-3 timer", "3-4 timer", "4-5 timer", "5-6 timer", "6-7 timer",
         "7-8 timer", "Over 8 timer"]
#: respondents per band: only the first reaches five (hand-made; 28 in all, as the Microsoft Forms export of #39)
PER_BAND = [5, 4, 4, 3, 3, 3, 2, 2, 1, 1]


def _forms_like() -> bytes:
    rows = ["Hvor mye tid bruker du daglig?,Hvor fornøyd er du?"]
    for b, (band, n) in enumerate(zip(BANDS, PER_BAND)):
        rows += [f"{band},{SCALE[(b + i) % 5]}" for i in range(n)]
    return "\n".join(rows).encode()


def test_a_protected_ten_band_column_keeps_all_28_in_the_total():
    from lmp_core.compute.view import make_view

    survey = read_file(_forms_like(), "forms.csv")
    column = survey.group_candidates[0]
    total = make_view(survey, ViewRequest.of(groupings=[column])).summary()
    # before: "Alle (n=5)", the 23 respondents of the bands under five held back from the total too
    assert total.groups[0].respondents == 28
    question = total.items[0]
    assert question.stats[0].n == 28
    # hand count: band b's i-th respondent answers SCALE[(b + i) % 5]
    expected = {label: 0 for label in SCALE}
    for b, n in enumerate(PER_BAND):
        for i in range(n):
            expected[SCALE[(b + i) % 5]] += 1
    assert question.stats[0].counts == expected
    # grouped: the band of five, and the 23 others pooled into "Øvrige" (last), so no group under five follows
    grouped = make_view(survey, ViewRequest.of(group=column, groupings=[column])).summary()
    assert [(g.name, g.respondents) for g in grouped.groups] == [(BANDS[0], 5), ("Øvrige", 23)]
    assert any(key == "warn_pooled" for key, _ in grouped.warnings)
    assert not any(key.startswith("warn_held_back") for key, _ in grouped.warnings)
    english = make_view(survey, ViewRequest.of(group=column, groupings=[column]), lang="en").summary()
    assert [g.name for g in english.groups] == [BANDS[0], "Other"]


def test_a_pool_under_the_minimum_is_held_back_and_the_view_says_how_many(tmp_path):
    # the report's 10 school owners alone are under a minimum of 11: nothing to pool them with, so they are held
    # back from every view (the total too, else the total minus the leaders would be them), and the view says so
    from tests.conftest import FIXTURES

    out = _summarize(FIXTURES / "lmp_ch2_3.csv", "--groupings", "rolle", "--min-group-size", "11")
    assert out["groups"][0]["respondents"] == 36
    assert "n=36 av 46; 10 i små grupper er holdt tilbake" in " ".join(out["warnings"])
    english = _summarize(FIXTURES / "lmp_ch2_3.csv", "--groupings", "rolle", "--min-group-size", "11", "--lang", "en")
    assert "n=36 of 46; 10 in small groups are held back" in " ".join(english["warnings"])


@pytest.mark.parametrize("grouped", [False, True])
def test_a_database_pools_as_the_file_does(tmp_path, grouped):
    duckdb = pytest.importorskip("duckdb")
    path = tmp_path / "forms.csv"
    path.write_bytes(_forms_like().replace(b"Hvor mye tid bruker du daglig?", b"tid").replace(
        b"Hvor forn\xc3\xb8yd er du?", b"fornoyd"))
    setup = tmp_path / "setup.csv"
    setup.write_text("column,role\ntid,background\nfornoyd,question\n", encoding="utf-8")
    con = duckdb.connect(str(tmp_path / "forms.duckdb"))
    con.execute(f"CREATE TABLE svar AS SELECT * FROM read_csv('{path}')")
    con.close()
    options = ["--codebook", str(setup), "--groupings", "tid", *(["--group", "tid"] if grouped else [])]
    expected = _summarize(path, *options)
    got = _summarize(None, "--database", f"duckdb:///{tmp_path / 'forms.duckdb'}", "--table", "svar", *options)
    assert got == expected
    assert sum(g["respondents"] for g in got["groups"]) == 28
    if grouped:
        assert [g["name"] for g in got["groups"]] == [BANDS[0], "Øvrige"]


def test_a_filter_on_a_pooled_value_is_refused_with_the_reason():
    from lmp_core.base.errors import SurveyError
    from lmp_core.compute.view import make_view

    survey = read_file(_forms_like(), "forms.csv")
    column = survey.group_candidates[0]
    with pytest.raises(SurveyError) as info:
        make_view(survey, ViewRequest.of(filters={column: [BANDS[8]]}, groupings=[column]))
    assert info.value.key == "filter_value_pooled" and "«Øvrige»" in info.value.message("nb")
    # "Øvrige" itself can be chosen: its 23 respondents
    pool = make_view(survey, ViewRequest.of(filters={column: ["Øvrige"]}, groupings=[column])).summary()
    assert pool.groups[0].respondents == 23


def test_comments_and_weighted_figures_see_the_pooled_groups():
    from lmp_core.compute.comments import comments
    from lmp_core.compute.view import make_view
    from lmp_core.compute.weights import from_column, weighted_stats

    rows = _forms_like().decode().splitlines()
    rows = [rows[0] + ",kommentar,vekt"] + [f"{r},kommentar {i},{1 + i % 3}" for i, r in enumerate(rows[1:])]
    survey = read_file("\n".join(rows).encode(), "forms.csv")
    column = next(c for c in survey.group_candidates if c.startswith("Hvor mye"))
    found = comments(survey, "kommentar", group=column, min_group_size=5,
                     held=make_view(survey, ViewRequest.of(groupings=[column])).held)
    # every comment is shown, under the band of five or "Øvrige" (never under a band of one to four)
    assert found.total == 28 and len(found.rows) == 28 and found.hidden == 0
    assert set(found.rows["group"]) == {BANDS[0], "Øvrige"}
    view = make_view(survey, ViewRequest.of(group=column, groupings=[column]))
    cells = weighted_stats(survey, view, from_column(survey, "vekt"))
    # the pooled group's weighted n: its 23 respondents (hand count: PER_BAND[1:]), not a band's
    assert {g: s.n for (_, g), s in cells.items()} == {BANDS[0]: 5, "Øvrige": 23}


def test_the_app_shows_all_28_and_offers_oevrige_as_a_filter_value():
    from streamlit.testing.v1 import AppTest

    from tests.apptest import plain_frame
    from tests.conftest import ROOT

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    at.file_uploader(key="upload").upload("forms.csv", _forms_like(), "text/csv").run()
    assert not at.exception
    key = next(k for k in at.session_state if str(k).startswith("groupings_"))
    column = "Hvor mye tid bruker du daglig?"
    at.multiselect(key=key).set_value([column]).run()  # protected, as the app protects it by default
    at.switch_page("pages/results.py").run()
    at.selectbox(key="results_group").set_value(None).run()
    assert not at.exception and not at.error
    # before: "Alle (n=5)"; now every respondent is counted, and the bands under five are "Øvrige"
    table = plain_frame(at.table[0].value)
    assert table["Alle n"].tolist() == ["28"]
    at.selectbox(key="results_filter_col").set_value(column).run()
    assert at.multiselect(key="results_filter_values").options == [BANDS[0], "Øvrige"]


def test_a_database_refuses_a_filter_on_a_pooled_value_as_the_file_does(tmp_path):
    duckdb = pytest.importorskip("duckdb")
    from lmp_core.base.errors import SurveyError
    from lmp_core.counting.database import count_in_database
    from lmp_core.load import read_codebook

    path = tmp_path / "forms.csv"
    path.write_bytes(_forms_like().replace(b"Hvor mye tid bruker du daglig?", b"tid"))
    con = duckdb.connect(str(tmp_path / "forms.duckdb"))
    con.execute(f"CREATE TABLE svar AS SELECT * FROM read_csv('{path}')")
    con.close()
    codebook = read_codebook("column,role\ntid,background\nHvor fornøyd er du?,question\n".encode(), "setup.csv")
    url = f"duckdb:///{tmp_path / 'forms.duckdb'}"
    with pytest.raises(SurveyError) as info:
        count_in_database(url, "svar", codebook, groupings=("tid",), filters={"tid": [BANDS[8]]})
    assert info.value.key == "filter_value_pooled"
    pool = count_in_database(url, "svar", codebook, groupings=("tid",), filters={"tid": ["Øvrige"]})
    assert pool.counts.respondents == (23,)
