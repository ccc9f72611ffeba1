"""The figures of the app's views beside the results' :class:`~lmp_core.analysis.analyse.Analysis`: the protected
view an analysis is made from, the indices, the banner and the reference comparison a results page asks for one at
a time (the indices: :func:`lmp_core.analysis.analyse.indices_of`), the data-quality changes, the comments and their quotes per code, the fieldwork, the raked weights and the
trend over waves.

A page asks ``lmp_app.state`` (which caches each per request and session), and the state asks these functions:
no page and no helper of the app calls a statistic of :mod:`lmp_core.compute` itself (``tests/test_architecture.py``
fails if one does). Each takes the view's :class:`~lmp_core.compute.view.ViewRequest` where it has one, so the
group, the protected columns and the minimum are the view's.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from lmp_core.compute.comments import CodeQuotes, Comments
    from lmp_core.compute.fieldwork import Fieldwork
    from lmp_core.compute.quality import Change, Chosen
    from lmp_core.compute.reference import ReferenceResult
    from lmp_core.compute.stats import Summary
    from lmp_core.compute.view import View, ViewRequest
    from lmp_core.compute.waves import Trend
    from lmp_core.compute.weights import Weights
    from lmp_core.counting.counts import Counts
    from lmp_core.counting.database import Counted
    from lmp_core.counting.disclosure import HeldBack
    from lmp_core.read.reference import References
    from lmp_core.setup.survey import Survey


def protected_view(source: Survey | Counts, request: ViewRequest, *, held: HeldBack | None = None,
                   counted: Counted | None = None, lang: str = "nb") -> View:
    """The counted view of ``request`` whose cells the disclosure rule has protected: from what a database counted
    (``counted``, the rule applied there; :func:`lmp_core.compute.view.counted_view`) or from ``source``
    (:func:`lmp_core.compute.view.make_view`, ``held``: the respondents its grouping columns hold back)."""
    from lmp_core.compute.view import counted_view, make_view

    if counted is not None:
        return counted_view(counted, request)
    return make_view(source, request, held=held, lang=lang)


def banner_of(source: Survey, request: ViewRequest, by: str, *, lang: str = "nb") -> list[tuple[str, Summary]]:
    """Per value of ``by``, the summary of the view of ``request`` among its respondents
    (:func:`lmp_core.compute.view.banner`: both columns protected together)."""
    from lmp_core.compute.view import banner

    return banner(source, request, by, lang=lang)


def reference_of(source: Survey | Counts, view: View, references: References, *, summary: Summary,
                 includes_group: bool = False, lang: str = "nb") -> ReferenceResult:
    """Each shown group of ``summary`` (a summary of ``view``) beside the reference figures
    (:func:`lmp_core.compute.reference.view_reference`)."""
    from lmp_core.compute.reference import view_reference

    return view_reference(source, view, references, summary=summary, includes_group=includes_group, lang=lang)


def quality_changes(full: Survey, chosen: Chosen, *, lang: str = "nb") -> tuple[Change, ...]:
    """Per question, the top-2 share and mean with every respondent of ``full`` and under the choice ``chosen``
    (:func:`lmp_core.compute.quality.with_and_without`, the choice's minimum group size)."""
    from lmp_core.compute.quality import with_and_without

    return with_and_without(full, chosen, min_group_size=chosen.min_group_size, lang=lang)


def comments_of(survey: Survey, column: str, request: ViewRequest, *, groups: Sequence[str] | None = None,
                search: str = "", held: HeldBack | None = None, lang: str = "nb") -> Comments:
    """The comments of ``column`` the view of ``request`` may show, by its group (``groups``: only these;
    ``search``: only those with the word), none from a group under its minimum or a respondent held back
    (:func:`lmp_core.compute.comments.comments`)."""
    from lmp_core.compute.comments import comments

    return comments(survey, column, group=request.group, groups=groups, search=search,
                    min_group_size=request.min_group_size, lang=lang, held=held)


def quotes_of(survey: Survey, column: str, request: ViewRequest, *, held: HeldBack | None = None,
              lang: str = "nb") -> tuple[CodeQuotes, ...]:
    """Per code of ``column``'s coding, every comment of the view that got it, and the uncoded comments last
    (:func:`lmp_core.compute.comments.quotes_by_code`)."""
    from lmp_core.compute.comments import quotes_by_code

    return quotes_by_code(survey, column, group=request.group, min_group_size=request.min_group_size,
                          groupings=request.groupings, lang=lang, held=held, per_code=None)


@dataclass(frozen=True)
class ColumnComments:
    """A comment column's comments the report may quote (``shown``) and, when the column is coded, per code the
    comments that got it, the uncoded last (``by_code``; empty when it is not coded)."""

    column: str
    shown: Comments
    by_code: tuple[CodeQuotes, ...]


def report_comments(survey: Survey, request: ViewRequest, *, lang: str = "nb") -> tuple[ColumnComments, ...]:
    """Each comment column's comments for the report of the view of ``request``: none from a group under its
    minimum or a respondent any grouping candidate holds back (:func:`lmp_core.compute.comments.comments`), and
    quotes per code only from groups whose coded counts the view shows
    (:func:`lmp_core.compute.comments.quotes_by_code`)."""
    return tuple(ColumnComments(column, comments_of(survey, column, request, lang=lang),
                                quotes_of(survey, column, request, lang=lang))
                 for column in survey.text_columns)


def fieldwork_of(survey: Survey, invited: pd.DataFrame, *, response_id: str | None, invited_id: str | None,
                 group: str | None, time: str | None, source: str, min_group_size: int) -> Fieldwork:
    """The responses matched to the invitation list: progress, non-respondents and representation
    (:func:`lmp_core.compute.fieldwork.fieldwork`)."""
    from lmp_core.compute.fieldwork import fieldwork

    return fieldwork(survey, invited, response_id=response_id, invited_id=invited_id, group=group, time=time,
                     source=source, min_group_size=min_group_size)


def raked_weights(survey: Survey, invited: pd.DataFrame, by: Sequence[str], *, response_id: str | None,
                  invited_id: str | None, source: str, min_group_size: int) -> Weights:
    """Weights that make the respondents match the invitation list on ``by`` (:func:`lmp_core.compute.weights.rake`)."""
    from lmp_core.compute.weights import rake

    return rake(survey, invited, by, response_id=response_id, invited_id=invited_id, source=source,
                min_group_size=min_group_size)


def trend_of(waves: Sequence[tuple[str, Survey]], *, group: str | None, min_group_size: int,
             confirmed: Collection[str], groupings: Sequence[str] | None, lang: str = "nb") -> Trend:
    """The trend of the first wave's questions over ``waves`` (:func:`lmp_core.compute.waves.make_trend`)."""
    from lmp_core.compute.waves import make_trend

    return make_trend(waves, group=group, min_group_size=min_group_size, confirmed=confirmed, lang=lang,
                      groupings=groupings)
