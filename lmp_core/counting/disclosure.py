"""Disclosure control: no combination of views lets anyone work out the answers of a small group.

The same data can be viewed in many ways, and the difference of two views is a view of its own:
another grouping (pulje 1 + pulje 2 − school leaders = the hidden school owners), the total minus the
shown groups (= the respondents with no group value), an item's total minus the other group (= a hidden
item cell), a group minus a group of another column that lies inside it, a filtered view minus an
unfiltered one. Hiding small groups in each view on its own closes none of these.

**The rule** (:func:`held_back`). The *grouping columns* are the background columns a user may group
or filter by, protected together (the Data page's choice; ``--groupings`` on the command line). First the
small values of each grouping column (between 1 and ``min_group_size - 1`` respondents, a blank value counting as
a value) are pooled into one value, "Øvrige" (:func:`pooled`), when together they reach the minimum: a
ten-band column of 28 respondents keeps all 28 in its total, and its bands of 1–4 respondents are one group.
Then the joint crossing of the (pooled) columns splits the respondents into *cells* (every combination of
values). Then

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

The price: the finer the crossing, the more is held back (small values whose pool stays under the minimum, and
small cells of two or more columns' crossing). Every view says what is held back ("n=23 av 28; 5 i små grupper
er holdt tilbake": :func:`held_note`), and the Data page lets the user choose fewer grouping columns. The guarantee holds
among views made with the same grouping columns and minimum; changing either is a new setting.

Missing values: a blank grouping value is a value of its own in the crossing; in a view, respondents
with a blank value in the view's group column are counted under no group (and in the total).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from weakref import WeakKeyDictionary

import numpy as np
import polars as pl

from lmp_core.base.catalogue import text
from lmp_core.base.errors import Note
from lmp_core.base.rules import MIN_GROUP_SIZE
from lmp_core.counting.counts import first_appearance, group_factorized
from lmp_core.setup.survey import Survey

#: The catalogue key of the value small values are pooled into ("Øvrige", "Other")
POOLED = "pooled_group"


def small(sizes: np.ndarray | int, min_group_size: int) -> np.ndarray | bool:
    """Whether a count (of respondents or answers, in a cell or a group) is small: between 1 and
    ``min_group_size - 1``. The one comparison with the minimum that decides what is held back or hidden.

    >>> small(np.array([0, 1, 4, 5]), 5).tolist()
    [False, True, True, False]
    """
    out = (np.asarray(sizes) > 0) & (np.asarray(sizes) < min_group_size)
    return bool(out) if out.ndim == 0 else out


def shown(sizes: np.ndarray | int, min_group_size: int) -> np.ndarray | bool:
    """Whether a group of a view with ``sizes`` respondents (or answers) is shown: at least the minimum (a group
    of none is not shown either: it has no figures).

    >>> shown(np.array([0, 4, 5]), 5).tolist(), shown(5, 5)
    ([False, False, True], True)
    """
    out = np.asarray(sizes) >= min_group_size
    return bool(out) if out.ndim == 0 else out


def pooled_values(sizes: Mapping[str | None, int], min_group_size: int) -> frozenset[str | None]:
    """The values of one grouping column pooled into "Øvrige": its small values (:func:`small`; ``None``: blank),
    when together they reach the minimum; else none (they are then held back as cells under the minimum).

    >>> sorted(pooled_values({"A": 20, "B": 3, "C": 2, None: 1}, 5), key=str)
    ['B', 'C', None]
    >>> pooled_values({"A": 20, "B": 3}, 5)
    frozenset()
    """
    few = {v: n for v, n in sizes.items() if small(n, min_group_size)}
    return frozenset(few) if sum(few.values()) >= min_group_size else frozenset()


def pooled(survey: Survey, columns: Sequence[str], min_group_size: int, lang: str = "nb") -> Survey:
    """``survey`` with the small values of each background column of ``columns`` pooled into one value,
    "Øvrige" (:func:`pooled_values`; a blank among them too); the same survey when nothing is pooled. A question
    used as a grouping column is not pooled (its small answers are held back as cells). Cost: one factorising of
    each column."""
    return pooling(survey, columns, min_group_size, lang)[0]


#: Each survey's pooling per (columns, minimum, language), made once: a view, its other kinds, its indices and
#: the rule each ask, and each asking factorises every protected column (0.2 s for a column of 1,000,000 rows).
#: ``None``: nothing pooled. Weak keys: a survey let go of takes its entries along.
_POOLINGS: WeakKeyDictionary[Survey, dict[tuple, tuple[Survey, tuple[Note, ...]] | None]] = WeakKeyDictionary()


def pooling(survey: Survey, columns: Sequence[str], min_group_size: int,
            lang: str = "nb") -> tuple[Survey, tuple[Note, ...]]:
    """:func:`pooled`, and the notes that say which columns' small values were pooled."""
    key = (tuple(dict.fromkeys(columns)), min_group_size, lang)
    known = _POOLINGS.setdefault(survey, {})
    if key not in known:
        known[key] = _pooling(survey, key[0], min_group_size, lang)
        if known[key] is not None:  # pooling a pooled survey pools nothing
            _POOLINGS.setdefault(known[key][0], {})[key] = None
    return known[key] or (survey, ())


def _pooling(survey: Survey, columns: Sequence[str], min_group_size: int,
             lang: str) -> tuple[Survey, tuple[Note, ...]] | None:
    label = text(POOLED, lang)
    replaced, notes = [], []
    for column in dict.fromkeys(columns):
        if not survey.has_column(column) or survey.item_index(column) is not None:
            continue
        codes, names = group_factorized(survey.series_of(column))
        codes = np.where(codes < 0, len(names), codes)
        values = [*names, None]
        sizes = np.bincount(codes, minlength=len(values))
        pool = pooled_values(dict(zip(values, sizes.tolist())), min_group_size)
        if not pool:
            continue
        spelled = pl.Series(column, [label if v in pool else v for v in values], dtype=pl.String)
        replaced.append(spelled.gather(codes))
        notes.append(("warn_pooled", {"column": column, "label": label, "min_n": min_group_size}))
    if not replaced:
        return None
    return replace(survey, frame=survey.frame.with_columns(replaced)), tuple(notes)


def held_note(anything: bool, total: int, rows: int, min_group_size: int) -> tuple[Note, ...]:
    """What a view says it holds back: with ``rows`` of its ``total`` respondents held back, how many it counts and
    how many it holds back ("n=23 av 28; 5 i små grupper er holdt tilbake"); with answers only (``anything``),
    that some are; nothing when nothing is."""
    if rows:
        return (("warn_held_back_rows", {"shown": total - rows, "total": total, "held": rows,
                                         "min_n": min_group_size}),)
    return (("warn_held_back", {"min_n": min_group_size}),) if anything else ()


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
    """

    rows: np.ndarray
    answers: dict[int, np.ndarray] = field(default_factory=dict)
    columns: tuple[str, ...] = ()
    min_group_size: int = MIN_GROUP_SIZE

    @property
    def any(self) -> bool:
        """Whether anything is held back."""
        return bool(self.rows.any()) or bool(self.answers)

    def answer_mask(self, item: int) -> np.ndarray | None:
        """Respondents whose answer to item ``item`` is held back (rows held back not included)."""
        return self.answers.get(item)

    def shown_codes(self, codes: np.ndarray, items: Sequence[int]) -> tuple[np.ndarray, list[int]]:
        """The answers to ``items`` (columns of ``codes``) that the question views show, with the positions to read
        them at: each held-back answer counted as blank, so that an index or reliability figure made of them holds
        no answer a question view holds back (``codes`` itself when nothing of theirs is held back)."""
        if not any(j in self.answers for j in items):
            return codes, list(items)
        out = codes[:, list(items)].copy()
        for i, j in enumerate(items):
            if j in self.answers:
                out[self.answers[j], i] = 0
        return out, list(range(len(items)))


def held_back(survey: Survey, min_group_size: int, columns: Sequence[str] | None = None) -> HeldBack:
    """Respondents and answers to leave out of every view (the module's rule).

    ``columns``: the grouping columns protected together (None: every column offered as a group,
    ``survey.group_candidates``). Cells count respondents (rows); an item's cells count its
    substantive answers (codes ``1..k``) and its non-blank answers. Cost: one ``bincount`` per item over
    (cell, code), each kind summed from its codes, and no copy of the answers when no row is held back.

    >>> from lmp_core.load import read_file
    >>> rows = b"g,h,q\\n" + b"A,x,I stor grad\\n" * 6 + b"A,y,I liten grad\\n" * 2 + b"B,y,I stor grad\\n" * 5
    >>> h = held_back(read_file(rows, "x.csv"), 5)
    >>> int(h.rows.sum()), bool(h.rows[6:8].all())  # the two of A and y, though A and y are large
    (2, True)
    """
    columns = tuple(survey.group_candidates if columns is None else columns)
    cell = joint_cells(pooled(survey, columns, min_group_size), columns)
    n_cells = int(cell.max(initial=-1)) + 1
    sizes = np.bincount(cell, minlength=n_cells)
    rows = small(sizes, min_group_size)[cell]
    answers: dict[int, np.ndarray] = {}
    keep = ~rows
    everyone = bool(keep.all())  # the usual case: no row held back, so nothing is copied
    live = cell if everyone else cell[keep]
    codes = survey.codes if everyone else survey.codes[keep]
    # an item's codes are 0 (blank), 1..k (the scale) and k+1.. (other answers, "vet ikke"), below n_categories
    width = max((item.n_categories for item in survey.items), default=1)
    base = live * width
    for j, item in enumerate(survey.items):
        column = codes[:, j]
        # one bincount per item over (cell, code); the substantive answers are codes 1..k, the given ones 1..
        tally = np.bincount(base + column, minlength=n_cells * width).reshape(n_cells, width)
        substantive = tally[:, 1:item.scale.k + 1].sum(axis=1)
        given = substantive + tally[:, item.scale.k + 1:].sum(axis=1)
        few = small(substantive, min_group_size) | small(given, min_group_size)
        if few.any():
            out = np.zeros(survey.n_rows, dtype=bool)
            out[keep] = few[live] & (column > 0)
            answers[j] = out
    return HeldBack(rows, answers, columns, min_group_size)


def small_mask(codes: np.ndarray, n_groups: int, min_group_size: int) -> np.ndarray:
    """Per group code: whether it has between 1 and ``min_group_size - 1`` rows (code -1: no group)."""
    return small(np.bincount(codes[codes >= 0], minlength=n_groups), min_group_size)
