"""Disclosure control: no combination of views lets anyone work out the answers of a small group.

The same data can be viewed in many ways, and the difference of two views is a view of its own:
another grouping (pulje 1 + pulje 2 − school leaders = the hidden school owners), the total minus the
shown groups (= the respondents with no group value), an item's total minus the other group (= a hidden
item cell), a group minus a group of another column that lies inside it, a filtered view minus an
unfiltered one. Hiding small groups in each view on its own closes none of these.

**The rule** (:func:`held_back`). The *grouping columns* are the background columns a user may group
or filter by, protected together (the Data page's choice; ``--groupings`` on the command line). Their
joint crossing splits the respondents into *cells* (every combination of values, a blank value counting
as a value). Then

* respondents in a cell with between 1 and ``min_group_size - 1`` respondents are left out of every
  aggregate, in every view;
* per item, the answers in a cell with between 1 and ``min_group_size - 1`` substantive answers, or
  as few non-blank answers ("don't know" included), are left out of that item's aggregates (counted as
  blank), in every view.

Why it holds: every figure any view shows (a group, a group within a filter, the total, a filtered
total) counts a union of cells, and each cell holds 0 or at least the minimum. Whatever sets of
respondents an attacker adds and subtracts (two views' difference, a partition's total minus its shown
parts), the result is again a union of cells, so it holds 0 or at least the minimum respondents, and
as many substantive answers. ``tests/test_disclosure.py`` tries to break it with generated surveys.

The price: the finer the crossing, the more is held back. Every view says when something is held back
(never how much), and the Data page lets the user choose fewer grouping columns. The guarantee holds
among views made with the same grouping columns and minimum; changing either is a new setting.

Missing values: a blank grouping value is a value of its own in the crossing; in a view, respondents
with a blank value in the view's group column are counted under no group (and in the total).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import polars as pl

from lmp_core.base.rules import MIN_GROUP_SIZE
from lmp_core.counting.counts import first_appearance, group_factorized
from lmp_core.setup.survey import Survey


def _codes(values: pl.Series) -> tuple[np.ndarray, int]:
    """Integer code per row (a blank value is a value of its own) and the number of codes."""
    codes, names = group_factorized(values)
    return np.where(codes < 0, len(names), codes), len(names) + 1


def joint_cells(survey: Survey, columns: Sequence[str]) -> np.ndarray:
    """The cell of each respondent in the crossing of ``columns`` (0, 1, …; one cell when no columns).

    >>> from lmp_core.load import read_file
    >>> s = read_file(b"g,h,q\\nA,x,I stor grad\\nA,y,I stor grad\\nB,x,I stor grad\\nA,x,I stor grad\\n", "x.csv")
    >>> joint_cells(s, ["g", "h"]).tolist()
    [0, 1, 2, 0]
    """
    cell = np.zeros(survey.n_rows, dtype=np.int64)
    for i, column in enumerate(columns):
        codes, k = _codes(survey.series_of(column))
        if i == 0:
            cell = codes  # one column's codes are its cells
            continue
        # renumber after each step (in order of first appearance) so that the codes stay small whatever the
        # number of columns
        cell = first_appearance(pl.Series(cell * k + codes))[0]
    return cell


@dataclass(frozen=True, eq=False)
class HeldBack:
    """What :func:`held_back` leaves out of every aggregate.

    ``rows[r]``: respondent ``r`` is left out of every view. ``answers[j][r]``: respondent ``r``'s
    answer to item ``j`` is left out (counted as blank). ``columns``: the grouping columns protected.
    ``cells``: each respondent's cell of the crossing (None when nothing is held back).
    """

    rows: np.ndarray
    answers: dict[int, np.ndarray] = field(default_factory=dict)
    columns: tuple[str, ...] = ()
    min_group_size: int = MIN_GROUP_SIZE
    cells: np.ndarray | None = None

    @property
    def any(self) -> bool:
        """Whether anything is held back."""
        return bool(self.rows.any()) or bool(self.answers)

    def answer_mask(self, item: int) -> np.ndarray | None:
        """Respondents whose answer to item ``item`` is held back (rows held back not included)."""
        return self.answers.get(item)

    def outside_index(self, items: Sequence[int]) -> np.ndarray | None:
        """Respondents an index of ``items`` leaves out (None: none): those held back, and every respondent of a
        cell where the question views hold back answers to one of its questions, so that no figure of the index
        (its n, mean, distribution, reliability) contains an answer a question view holds back."""
        cells = [np.unique(self.cells[self.answers[j]]) for j in items if j in self.answers and self.cells is not None]
        if not cells:
            return self.rows if self.rows.any() else None
        return self.rows | np.isin(self.cells, np.concatenate(cells))


def held_back(survey: Survey, min_group_size: int, columns: Sequence[str] | None = None) -> HeldBack:
    """Respondents and answers to leave out of every view (the module's rule).

    ``columns``: the grouping columns protected together (None: every column offered as a group,
    ``survey.group_candidates``). Cells count respondents (rows); an item's cells count its
    substantive answers (codes ``1..k``) and its non-blank answers. Cost: one ``bincount`` per item, and no
    copy of the answers when no row is held back.

    >>> from lmp_core.load import read_file
    >>> rows = b"g,h,q\\n" + b"A,x,I stor grad\\n" * 6 + b"A,y,I liten grad\\n" * 2 + b"B,y,I stor grad\\n" * 5
    >>> h = held_back(read_file(rows, "x.csv"), 5)
    >>> int(h.rows.sum()), bool(h.rows[6:8].all())  # the two of A and y, though A and y are large
    (2, True)
    """
    columns = tuple(survey.group_candidates if columns is None else columns)
    cell = joint_cells(survey, columns)
    n_cells = int(cell.max(initial=-1)) + 1
    sizes = np.bincount(cell, minlength=n_cells)
    rows = ((sizes > 0) & (sizes < min_group_size))[cell]
    answers: dict[int, np.ndarray] = {}
    keep = ~rows
    everyone = bool(keep.all())  # the usual case: no row held back, so nothing is copied
    live = cell if everyone else cell[keep]
    codes = survey.codes if everyone else survey.codes[keep]
    for j, item in enumerate(survey.items):
        column = codes[:, j]
        # one bincount per item over (cell, kind): kind 0 blank, 1 substantive (1..k), 2 other given ("vet ikke")
        kind = (column > 0).astype(np.int64) + (column > item.scale.k)
        tally = np.bincount(live * 3 + kind, minlength=n_cells * 3).reshape(n_cells, 3)
        substantive, given = tally[:, 1], tally[:, 1] + tally[:, 2]
        small = ((substantive > 0) & (substantive < min_group_size)) | ((given > 0) & (given < min_group_size))
        if small.any():
            out = np.zeros(survey.n_rows, dtype=bool)
            out[keep] = small[live] & (column > 0)
            answers[j] = out
    return HeldBack(rows, answers, columns, min_group_size, cell)


def small_mask(codes: np.ndarray, n_groups: int, min_group_size: int) -> np.ndarray:
    """Per group code: whether it has between 1 and ``min_group_size - 1`` rows (code -1: no group)."""
    sizes = np.bincount(codes[codes >= 0], minlength=n_groups)
    return (sizes > 0) & (sizes < min_group_size)
