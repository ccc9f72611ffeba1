"""Secondary suppression (lmp_core.disclosure): what is shown must not give a hidden group away.

Reference numbers are hand counts of the report fixture (``pd.crosstab(rolle, pulje)`` of
lmp_ch2_3.csv): school owners 3 in pulje 1 and 7 in pulje 2, school leaders 12 and 24. The property
test checks the guarantee itself against respondent counts made with pandas.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lmp_core.cli import main
from lmp_core.comments import comments
from lmp_core.counts import count
from lmp_core.disclosure import check_total, filter_hidden, hidden_rows
from lmp_core.errors import SurveyError
from lmp_core.read import read_file
from lmp_core.report import build_report
from lmp_core.stats import summarize
from tests.conftest import FIXTURES

FIXTURE = FIXTURES / "lmp_ch2_3.csv"


@pytest.fixture(scope="module")
def survey():
    return read_file(FIXTURE.read_bytes(), FIXTURE.name)


def test_the_difference_of_two_views_is_a_view(survey):
    # why filtered views need protecting: unfiltered school owners minus those of pulje 2 are
    # exactly the 3 school owners of pulje 1, a group below the minimum of 5
    owners = survey.background["rolle"] == "Skoleeier"
    everyone = count(survey, group="rolle")
    pulje2 = count(survey, group="rolle", filters={"pulje": ("2",)})
    pulje1 = count(survey, group="rolle", filters={"pulje": ("1",)})
    g = everyone.groups.index("Skoleeier")
    assert (owners & (survey.background["pulje"].astype(str) == "1")).sum() == 3
    assert np.array_equal(everyone.table[:, g] - pulje2.table[:, g], pulje1.table[:, g])


def test_a_group_with_a_small_filter_cell_is_hidden_from_filtered_views(survey):
    for values in (("1",), ("2",)):
        filters = {"pulje": values}
        hide = filter_hidden(survey, "rolle", filters, 5)
        assert list(hide) == ["Skoleeier"]  # 3 in pulje 1 < 5; leaders have 12 and 24
        summary = summarize(count(survey, group="rolle", filters=filters), min_group_size=5, hide=hide)
        owners, leaders = (next(g for g in summary.groups if g.name == n) for n in ("Skoleeier", "Skoleleder"))
        assert owners.suppressed and not leaders.suppressed
        assert leaders.respondents == {"1": 12, "2": 24}[values[0]]
        stats = [s for it in summary.items for s in it.stats if s.group == "Skoleeier"]
        assert all(s.suppressed and s.mean is None and s.reason == "reason_filter_cell" for s in stats)
        assert ("warn_filter_cell", {"group": "Skoleeier", "columns": "pulje", "min_n": 5}) in summary.warnings
    # with a minimum of 3 every cell (3, 7, 12, 24) is large enough
    assert filter_hidden(survey, "rolle", {"pulje": ("2",)}, 3) == {}
    # no filter, nothing to hide; the filtered total has cells 15 and 31
    assert filter_hidden(survey, "rolle", None, 5) == {}
    assert filter_hidden(survey, None, {"pulje": ("2",)}, 5) == {}
    assert list(filter_hidden(survey, None, {"pulje": ("2",)}, 16)) == ["Alle"]


def test_a_blank_filter_value_is_a_cell_of_its_own():
    rows = ["g,f,q"] + ["A,x,I stor grad"] * 6 + ["A,y,I liten grad"] * 6 + ["A,,I noen grad"] * 2
    survey = read_file("\n".join(rows).encode(), "blank.csv")
    # the 2 without a value are the difference between the unfiltered view and x + y
    assert list(filter_hidden(survey, "g", {"f": ("x", "y")}, 5)) == ["A"]
    assert filter_hidden(survey, "g", {"f": ("x", "y")}, 2) == {}


def test_no_total_beside_a_grouping_with_a_hidden_group(survey):
    check_total(survey, None, 10)  # school owners: 10, shown
    with pytest.raises(SurveyError) as info:
        check_total(survey, None, 11)
    assert info.value.key == "total_hidden" and info.value.params["columns"] == "rolle"
    assert "lmp_ch2_3.csv" in info.value.message("nb") and "rolle" in info.value.message("en")
    # within pulje 2 the school owners are 7
    check_total(survey, {"pulje": ("2",)}, 7)
    with pytest.raises(SurveyError):
        check_total(survey, {"pulje": ("2",)}, 8)
    with pytest.raises(SurveyError):
        build_report(survey, group=None, min_group_size=11)


def test_command_line_refuses_a_total_that_exposes_a_group(capsys):
    assert main(["summarize", str(FIXTURE), "--min-group-size", "11"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and "lmp_ch2_3.csv" in err[0] and "rolle" in err[0]
    assert main(["summarize", str(FIXTURE), "--min-group-size", "11", "--group", "rolle", "--format", "json"]) == 0
    assert main(["summarize", str(FIXTURE), "--format", "json"]) == 0  # 10 owners, minimum 5


def test_comments_of_a_group_hidden_under_any_grouping_are_left_out():
    rows = ["rolle,fylke,q,kommentar"]
    rows += [f"Leder,Agder,I stor grad,leder-{i} skriver en lang kommentar om skolen" for i in range(8)]
    rows += [f"Leder,Viken,I stor grad,viken-{i} skriver en lang kommentar om skolen" for i in range(2)]  # 2 in Viken: a hidden group of fylke
    rows += [f"Eier,Agder,I liten grad,eier-{i} skriver en lang kommentar om skolen" for i in range(6)]
    survey = read_file("\n".join(rows).encode(), "c.csv")
    assert set(survey.group_candidates) == {"rolle", "fylke"}
    assert hidden_rows(survey, 5).sum() == 2
    for group in (None, "rolle", "fylke"):
        found = comments(survey, "kommentar", group=group, min_group_size=5)
        assert found.total == 16 and found.hidden == 2 and len(found.rows) == 14
        assert not found.rows["comment"].str.startswith("viken").any()
    assert comments(survey, "kommentar", group="rolle", min_group_size=2).hidden == 0


VALUES = ["x", "y", "z", ""]
people = st.lists(st.tuples(st.sampled_from(["A", "B"]), st.sampled_from(VALUES)), min_size=4, max_size=60)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(people, st.integers(2, 6))
def test_no_two_nested_views_differ_by_a_few_people(data, min_n):
    """For every view of a group that is shown, any view containing it differs by 0 or ≥ min_n."""
    frame = pd.DataFrame(data, columns=["g", "f"])
    frame["q"] = "I stor grad"
    survey = read_file(frame.to_csv(index=False).encode(), "p.csv")
    present = sorted({v for v in frame["f"] if v})
    subsets = [s for k in range(1, len(present) + 1) for s in itertools.combinations(present, k)]

    def n(group: str, values: tuple[str, ...] | None) -> int:  # None: unfiltered (blank values too)
        rows = frame[frame["g"] == group]
        return len(rows) if values is None else int(rows["f"].isin(values).sum())

    for small in subsets:
        hide = filter_hidden(survey, "g", {"f": small}, min_n)
        for group in sorted(set(frame["g"])):
            if group in hide or n(group, small) < min_n:
                continue  # hidden in this view
            for large in [*[s for s in subsets if set(small) < set(s)], None]:
                diff = n(group, large) - n(group, small)
                assert diff == 0 or diff >= min_n, (group, small, large, diff)
