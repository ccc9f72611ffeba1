"""The one analysis: every part a page shows comes from :func:`lmp_core.analysis.analyse.analyse`, made when it is
first read and only then; the figures are the report's (36 of 63 school leaders, 10 of 24 school owners, report
section 1.1) or, for the plumbing, the same call's whole analysis."""

from __future__ import annotations

import pandas as pd
import pytest

from lmp_core import SurveyError, read_file
from lmp_core.analysis.analyse import Invitation, Request, analyse
from lmp_core.compute.view import ViewRequest
from tests.conftest import FIXTURES
from tests.test_fieldwork import _invitation_list


@pytest.fixture(scope="module")
def survey():
    return read_file((FIXTURES / "lmp_ch2_3.csv").read_bytes(), "lmp_ch2_3.csv")


def _invitation() -> Invitation:
    return Invitation(_invitation_list(), source="invitasjoner.csv", key="invitasjoner.csv", group="rolle")


def test_the_fieldwork_is_a_part_of_the_analysis_and_counts_no_question(survey):
    analysis = analyse(survey, Request(ViewRequest(items=()), kind_items=(), invitation=_invitation()))
    progress = analysis.fieldwork.progress.set_index("group")
    # report section 1.1: 36 of 63 schools and 10 of 24 municipalities answered
    assert (progress.loc["Skoleleder", "answered"], progress.loc["Skoleleder", "invited"]) == (36, 63)
    assert (progress.loc["Skoleeier", "answered"], progress.loc["Skoleeier", "invited"]) == (10, 24)
    # matching the list counted no question: the view and the summary were never made
    assert "view" not in analysis.__dict__ and "summary" not in analysis.__dict__


def test_raked_weights_are_the_analysis_weights_and_give_each_role_its_invited_share(survey):
    analysis = analyse(survey, Request(ViewRequest(group="rolle"), kind_items=(), invitation=_invitation(),
                                       rake_by=("rolle",)))
    weights = pd.Series(analysis.raked.values, index=survey.background["rolle"].to_numpy())
    # one characteristic: post-stratification, each role's weights sum to its invited share of the 87 (63 + 24)
    # times the 46 respondents (hand count of report section 1.1)
    shares = weights.groupby(level=0).sum() / weights.sum()
    assert shares["Skoleleder"] == pytest.approx(63 / 87) and shares["Skoleeier"] == pytest.approx(24 / 87)
    # the weighted figures use them: each shown cell has a weighted mean
    assert analysis.weights is not None and analysis.weighted


def test_complete_says_a_bad_request_at_once_and_parts_stay_lazy_without_it(survey):
    asked = Request(ViewRequest(), kind_items=(), index_themes=("Ikke et tema",))
    lazy = analyse(survey, asked)  # nothing made yet: no error
    assert lazy.__dict__.keys() & {"summary", "indices"} == set()
    with pytest.raises(SurveyError):
        analyse(survey, asked).complete()


def test_given_parts_are_kept_and_an_unknown_part_is_refused(survey):
    analysis = analyse(survey, Request(ViewRequest(group="rolle"), kind_items=()))
    summary = analysis.summary
    again = analysis.with_parts(indices=())
    assert again.summary is summary and again.indices == ()
    with pytest.raises(TypeError, match="not a part"):
        analysis.with_parts(sumary=summary)
