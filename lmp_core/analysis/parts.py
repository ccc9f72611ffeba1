"""The parts of an :class:`~lmp_core.analysis.analyse.Analysis` beside the scales, each made by
:func:`~lmp_core.analysis.analyse.analyse` when its :class:`~lmp_core.analysis.analyse.Request` asks for it: the
banner, the comments and their quotes per code, the data-quality changes, the fieldwork, the raked weights and
the trend over waves. Only the analysis stage calls these (``tests/test_architecture.py`` fails if a page, a helper
of the app or the report imports this module); each is a figure of :mod:`lmp_core.compute` for the view's group,
protected columns and minimum.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from lmp_core.compute.comments import CodeQuotes, Comments
    from lmp_core.compute.fieldwork import Fieldwork
    from lmp_core.compute.quality import Change, Chosen
    from lmp_core.compute.stats import Summary
    from lmp_core.compute.view import ViewRequest
    from lmp_core.compute.waves import Trend
    from lmp_core.compute.weights import Weights
    from lmp_core.counting.disclosure import HeldBack
    from lmp_core.setup.survey import Survey


@dataclass(frozen=True)
class Invitation:
    """An invitation list to match the responses to: its table (``frame``; left out of equality and hash, ``key``
    tells two lists apart: its content's digest or its file name), its name as the messages give it
    (``source``), the id columns of the responses and of the list (None: found by name), and for the fieldwork,
    the list's column to compare groups by (``group``) and the responses' time column (``time``)."""

    frame: pd.DataFrame = field(compare=False, repr=False)
    source: str
    key: str
    response_id: str | None = None
    invited_id: str | None = None
    group: str | None = None
    time: str | None = None


@dataclass(frozen=True)
class ColumnComments:
    """A comment column's comments the view may show (``shown``) and, when the column is coded, per code the
    comments that got it, the uncoded last (``by_code``; empty when it is not coded)."""

    column: str
    shown: Comments
    by_code: tuple[CodeQuotes, ...]


def banner_of(source: Survey, request: ViewRequest, by: str, *, lang: str = "nb") -> tuple[tuple[str, Summary], ...]:
    """Per value of ``by``, the summary of the view of ``request`` among its respondents
    (:func:`lmp_core.compute.view.banner`: both columns protected together)."""
    from lmp_core.compute.view import banner

    return tuple(banner(source, request, by, lang=lang))


def quality_changes(full: Survey, chosen: Chosen, *, top_k: int = 2, lang: str = "nb") -> tuple[Change, ...]:
    """Per question, the top-k share and mean with every respondent of ``full`` and under the choice ``chosen``
    (:func:`lmp_core.compute.quality.with_and_without`, the choice's minimum group size)."""
    from lmp_core.compute.quality import with_and_without

    return with_and_without(full, chosen, min_group_size=chosen.min_group_size, top_k=int(top_k), lang=lang)


def column_comments(survey: Survey, columns: Sequence[str], request: ViewRequest, *,
                    groups: Sequence[str] | None = None, search: str = "", held: HeldBack | None = None,
                    lang: str = "nb") -> tuple[ColumnComments, ...]:
    """Per comment column of ``columns``, the comments the view of ``request`` may show, by its group (``groups``:
    only these; ``search``: only those with the word; :func:`lmp_core.compute.comments.comments`), and per code of
    the column's coding every comment of the view that got it, the uncoded last
    (:func:`lmp_core.compute.comments.quotes_by_code`): none from a group under its minimum or a respondent held
    back (``held``; None: any grouping candidate's)."""
    from lmp_core.compute.comments import comments, quotes_by_code

    return tuple(ColumnComments(
        column,
        comments(survey, column, group=request.group, groups=groups, search=search,
                 min_group_size=request.min_group_size, lang=lang, held=held),
        quotes_by_code(survey, column, group=request.group, min_group_size=request.min_group_size,
                       groupings=request.groupings, lang=lang, held=held, per_code=None))
        for column in columns)


def fieldwork_of(survey: Survey, invitation: Invitation, *, min_group_size: int) -> Fieldwork:
    """The responses matched to the invitation list: progress, non-respondents and representation
    (:func:`lmp_core.compute.fieldwork.fieldwork`)."""
    from lmp_core.compute.fieldwork import fieldwork

    return fieldwork(survey, invitation.frame, response_id=invitation.response_id,
                     invited_id=invitation.invited_id, group=invitation.group, time=invitation.time,
                     source=invitation.source, min_group_size=min_group_size)


def raked_weights(survey: Survey, invitation: Invitation, by: Sequence[str], *, min_group_size: int) -> Weights:
    """Weights that make the respondents match the invitation list on ``by`` (:func:`lmp_core.compute.weights.rake`)."""
    from lmp_core.compute.weights import rake

    return rake(survey, invitation.frame, by, response_id=invitation.response_id,
                invited_id=invitation.invited_id, source=invitation.source, min_group_size=min_group_size)


def trend_of(waves: Sequence[tuple[str, Survey]], *, group: str | None, min_group_size: int,
             confirmed: Collection[str], groupings: Sequence[str] | None, lang: str = "nb") -> Trend:
    """The trend of the first wave's questions over ``waves`` (:func:`lmp_core.compute.waves.make_trend`)."""
    from lmp_core.compute.waves import make_trend

    return make_trend(waves, group=group, min_group_size=min_group_size, confirmed=confirmed, lang=lang,
                      groupings=groupings)
