"""The tidy survey every reader produces: answers as category codes, plus background columns.

Answers are held as one ``int8`` matrix (respondents x items, column-major), so counting is one
vectorised pass per item: ``0`` = blank / not asked, ``1..k`` = the substantive answers in scale
order, ``k+1..k+m`` = the item's non-substantive answers ("Vet ikke", ...).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
import polars as pl

from lmp_core.base.errors import Note
from lmp_core.setup.scales import Scale

if TYPE_CHECKING:  # pandas is loaded where a pandas frame is first asked for (a summary from the command line needs none)
    import pandas as pd

    from lmp_core.setup.coding import CodingFrame


#: The kinds of question, in the order a page shows them.
KINDS = ("scale", "choice", "multi", "number")


#: a grid row's column, "Question [Row]" (Google Forms): a question text, a space, the row in brackets; not a
#: code heading such as LimeSurvey's "G1Q2[SQ001]"
_GRID_ROW = re.compile(r".*\S\s\[([^\[\]]+)\]")


@dataclass(frozen=True)
class Item:
    """One question: its column, text, theme, scale and non-substantive answers."""

    column: str
    question: str
    theme: str
    scale: Scale
    other_labels: tuple[str, ...] = ()
    asked_to: str = ""
    #: scored the other way round (reverse-keyed, from the setup): labels shown as "(R)"
    reversed: bool = False
    #: where the scale came from: a catalogue key (``basis_codebook``, ``basis_labels``, …) and its values
    basis: tuple[str, tuple[tuple[str, str], ...]] = ("", ())
    #: a numeric column's codes and their labels as the file has them (for the setup file)
    raw_labels: tuple[tuple[float, str], ...] = ()
    #: the kind of question (:data:`KINDS`): ``scale`` (ordered answers), ``choice`` (one unordered answer; yes/no
    #: is a choice of two), ``multi`` (one option of a multiple-response set: 1 = not ticked, 2 = ticked) or
    #: ``number`` (a count or measurement, held as numbers, not codes)
    kind: str = "scale"
    #: a multiple-response option's set (the question it belongs to)
    set_name: str = ""

    @property
    def label(self) -> str:
        """A short label for charts: the part after "..." of a long question, the row of a grid's
        ``Question [Row]`` (Google Forms; the question is the theme), else the question."""
        grid = _GRID_ROW.fullmatch(self.question)
        text = (grid.group(1) if grid else
                self.question.split("...")[-1].strip(" .") if "..." in self.question else self.question)
        return text if len(text) <= 70 else text[:67].rstrip() + "…"

    @property
    def categories(self) -> tuple[str, ...]:
        """All answer labels in code order: substantive low -> high, then non-substantive."""
        return self.scale.labels + self.other_labels

    @property
    def n_categories(self) -> int:
        """Number of codes including 0 (missing)."""
        return 1 + len(self.categories)


def unique_labels(items: Sequence[Item]) -> dict[str, str]:
    """Column -> a short label that no other of ``items`` has: the theme is added where short labels
    collide ("mobbing (Kunnskap)", "mobbing (Praksis)"), and the column where that is not enough.
    Charts and tables key their rows by these, so two questions are never drawn as one.

    >>> from lmp_core.setup.scales import KNOWN_SCALES
    >>> grad = KNOWN_SCALES["grad"]
    >>> its = [Item("k_m", "Kunnskap om ... mobbing", "Kunnskap", grad), Item("p_m", "Praksis ... mobbing", "Praksis", grad),
    ...        Item("p_x", "Praksis ... mobbing", "Praksis", grad)]
    >>> list(unique_labels(its).values())
    ['mobbing (Kunnskap)', 'mobbing (Praksis, p_m)', 'mobbing (Praksis, p_x)']
    """
    base = {it.column: it.label + (" (R)" if it.reversed else "") for it in items}
    labels = dict(base)
    counts = Counter(labels.values())
    for it in items:
        if counts[base[it.column]] > 1:
            labels[it.column] = f"{base[it.column]} ({it.theme})" if it.theme else f"{base[it.column]} ({it.column})"
    counts = Counter(labels.values())
    for it in items:
        if counts[labels[it.column]] > 1:
            labels[it.column] = f"{base[it.column]} ({it.theme + ', ' if it.theme else ''}{it.column})"
    return labels


@dataclass(frozen=True)
class Skipped:
    """A column that is not a question, with the reason (a text key and its values)."""

    column: str
    key: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class Survey:
    """Respondent-level answers as read from one file.

    ``codes[:, j]`` holds the answers to ``items[j]``; ``frame`` holds every other column (group and filter
    candidates, ids, free text) as read, one row per respondent, and ``background`` is the same as a pandas
    DataFrame, made the first time it is asked for.
    """

    source: str
    items: tuple[Item, ...]
    codes: np.ndarray
    frame: pl.DataFrame
    text_columns: tuple[str, ...] = ()
    group_candidates: tuple[str, ...] = ()
    id_column: str | None = None
    skipped: tuple[Skipped, ...] = ()
    notes: tuple[Note, ...] = ()
    #: (text column, theme) pairs a codebook gives for free-text columns
    text_themes: tuple[tuple[str, str], ...] = ()
    #: the questions that are no scale: single-choice questions and multiple-response options (``kind`` choice
    #: or multi), coded as the scale questions are, in ``other_codes``; their columns stay background columns too
    others: tuple[Item, ...] = ()
    other_codes: np.ndarray | None = None
    #: number questions and their values (float, NaN = blank), one column each in ``number_values``
    numbers: tuple[Item, ...] = ()
    number_values: np.ndarray | None = None
    #: the coding frames applied to the comment columns (:func:`lmp_core.counting.coding.coded_survey`): each is a
    #: multiple-response set in ``others`` named by its comment column, one option per code and one for "Ukodet"
    coding: tuple[CodingFrame, ...] = ()
    #: the columns the survey tool added, by role (``time``, ``duration``, ``status``, ``finished``, ``email``, …:
    #: :mod:`lmp_core.setup.metadata`); the values of all but e-mail and names stay in ``frame`` for completion and
    #: data-quality checks, and none of them is a question or a group
    metadata: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def n_rows(self) -> int:
        """Number of respondents (rows) read."""
        return int(self.codes.shape[0])

    @cached_property
    def background(self) -> pd.DataFrame:
        """The background columns as a pandas DataFrame (numpy dtypes; an integer column with blanks is float)."""
        import pandas as pd

        if not self.frame.width:
            return pd.DataFrame(index=range(self.n_rows))
        return self.frame.to_pandas(use_pyarrow_extension_array=False)

    def has_column(self, column: str) -> bool:
        """Whether ``column`` is a background column (not a question)."""
        return column in self.frame.columns

    def text_theme(self, column: str) -> str | None:
        """The theme the codebook gives a free-text column, if any."""
        return dict(self.text_themes).get(column)

    def item(self, column: str) -> Item:
        """The item of a column; :class:`SurveyError` when there is none."""
        from lmp_core.base.errors import SurveyError

        for it in self.items:
            if it.column == column:
                return it
        raise SurveyError("unknown_item", column=column, choices=", ".join(i.column for i in self.items))

    @property
    def groupable(self) -> tuple[str, ...]:
        """Every column that can group or filter: the background candidates, then the questions with few
        enough answers (an age group or education level read as a question)."""
        from lmp_core.base.rules import MAX_GROUPS

        return (*self.group_candidates, *(it.column for it in self.items if len(it.categories) <= MAX_GROUPS))

    def values_of(self, column: str) -> pd.Series:
        """A column's values per respondent, for grouping and filtering: a background column as read, or a
        question's answer labels (blank where unanswered), so that any column can be the group.

        :class:`SurveyError` (``unknown_group_column``) when the file has no such column.
        """
        import pandas as pd

        if self.has_column(column):
            return self.background[column]
        j = self._question_index(column)
        labels = np.array([None, *self.items[j].categories], dtype=object)
        return pd.Series(labels[self.codes[:, j]], name=column, dtype=object)

    def series_of(self, column: str) -> pl.Series:
        """:meth:`values_of` as a polars Series: a background column as read, or a question's answer labels."""
        if self.has_column(column):
            return self.frame[column]
        j = self._question_index(column)
        labels = pl.Series(column, [None, *self.items[j].categories], dtype=pl.String)
        return labels.gather(self.codes[:, j].astype(np.int64)).alias(column)

    def _question_index(self, column: str) -> int:
        j = self.item_index(column)
        if j is None:
            from lmp_core.base.errors import SurveyError

            raise SurveyError("unknown_group_column", column=column, choices=", ".join(self.groupable))
        return j

    def item_index(self, column: str) -> int | None:
        """The position of a question column among the items, None for any other column."""
        return next((j for j, it in enumerate(self.items) if it.column == column), None)

    def other_survey(self, extra: tuple[str, ...] = ()) -> Survey | None:
        """The single-choice and multiple-response questions as a survey of their own, over the same respondents
        and background columns, so that they are counted and protected by the same code and rule as the scales
        (None when the file has none). ``extra``: question columns to add as background columns (a scale question
        used as the group or a filter)."""
        if not self.others or self.other_codes is None:
            return None
        frame = self.frame
        added = [self.series_of(c) for c in dict.fromkeys(extra) if not self.has_column(c)]
        if added:
            frame = frame.with_columns(added)
        return Survey(self.source, self.others, self.other_codes, frame, (), self.group_candidates, self.id_column)

    @property
    def other_questions(self) -> int:
        """How many questions of other kinds the file holds (a multiple-response set counts once)."""
        return len({it.set_name or it.column for it in self.others}) + len(self.numbers)

    @property
    def themes(self) -> tuple[str, ...]:
        """Themes in order of first appearance."""
        return tuple(dict.fromkeys(it.theme for it in self.items))
