"""Secondary suppression: hide what would let a hidden group be worked out from what is shown.

:func:`lmp_core.stats.summarize` hides a group with fewer than ``min_group_size`` respondents
(primary suppression). That is not enough when the same data can be viewed in more than one way,
because the difference between two views is a view of its own:

* **Total minus groups.** The total of everyone, minus the shown groups of a grouping, gives the
  hidden group. So no total is shown while some grouping column has a group with
  ``0 < n < min_group_size`` respondents (:func:`check_total`).
* **Unfiltered minus filtered.** With a filter on a column F, a group's numbers over the chosen
  values of F, subtracted from its unfiltered numbers, give the respondents with the other values.
  Every view with a filter on F is a union of the group's *cells* (its respondents with one value
  of F; no value is a cell too), and so is the difference of two such views. When every non-empty
  cell has at least ``min_group_size`` respondents, no difference shows fewer people than that;
  a group with a smaller cell is hidden from every view filtered on F (:func:`filter_hidden`).
* **Comments.** A comment shown under "everyone" but missing under a grouping belongs to a hidden
  group; so comments of respondents who are in a hidden group of *any* grouping column are left
  out everywhere (:func:`hidden_rows`).

Missing values: a blank group value is no group (those respondents are counted under no group
and cannot be subtracted out); a blank filter value is a cell of its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from lmp_core.counts import group_codes, row_filter
from lmp_core.errors import SurveyError
from lmp_core.survey import Note, Survey


def _codes(values: pd.Series, *, blank_is_value: bool) -> np.ndarray:
    text = values.astype("string").str.strip()
    text = text.mask(text == "")
    codes, _ = pd.factorize(text, use_na_sentinel=not blank_is_value)
    return codes.astype(np.int64)


def small_mask(codes: np.ndarray, n_groups: int, min_group_size: int) -> np.ndarray:
    """Per group code: whether it has between 1 and ``min_group_size - 1`` rows (code -1: no group)."""
    sizes = np.bincount(codes[codes >= 0], minlength=n_groups)
    return (sizes > 0) & (sizes < min_group_size)


def small_groups(survey: Survey, column: str, min_group_size: int, mask: np.ndarray | None = None) -> tuple[str, ...]:
    """Groups of ``column`` with between 1 and ``min_group_size - 1`` respondents (among ``mask``)."""
    codes, names = group_codes(survey, column)
    if mask is not None:
        codes = np.where(mask, codes, -1)
    return tuple(name for name, small in zip(names, small_mask(codes, len(names), min_group_size)) if small)


def check_total(survey: Survey, filters: Mapping[str, Sequence[str]] | None, min_group_size: int) -> None:
    """Raise ``SurveyError("total_hidden")`` when a total (no grouping) would expose a hidden group.

    Every grouping column offered (``survey.group_candidates``) is checked within the filter.

    >>> from lmp_core.read import read_file
    >>> s = read_file(b"g,q\\n" + b"A,I stor grad\\n" * 6 + b"B,I liten grad\\n" * 2, "x.csv")
    >>> try:
    ...     check_total(s, None, 5)
    ... except SurveyError as err:
    ...     print(err.key, err.params["columns"])
    total_hidden g
    >>> check_total(s, None, 2)
    """
    mask = row_filter(survey, filters)
    exposing = [c for c in survey.group_candidates if c not in (filters or {})
                and small_groups(survey, c, min_group_size, mask)]
    if exposing:
        raise SurveyError("total_hidden", file=survey.source, columns=", ".join(exposing), min_n=min_group_size)


def filter_hidden(survey: Survey, group: str | None, filters: Mapping[str, Sequence[str]] | None,
                  min_group_size: int, lang: str = "nb") -> dict[str, Note]:
    """Groups to hide from a view filtered on ``filters``' columns, each with the note that says why.

    A group is hidden when, for some combination of values of the filter columns, between 1 and
    ``min_group_size - 1`` of its respondents have that combination.
    """
    if not filters:
        return {}
    codes, names = group_codes(survey, group, lang)
    cell = codes.copy()
    for column in filters:
        values = _codes(survey.background[column], blank_is_value=True)
        cell = cell * (int(values.max(initial=0)) + 1) + values
    keep = codes >= 0
    pairs = pd.DataFrame({"group": codes[keep], "cell": cell[keep]}).value_counts()
    small = {int(g) for (g, _), n in pairs.items() if 0 < n < min_group_size}
    columns = ", ".join(filters)
    return {names[g]: ("warn_filter_cell", {"group": names[g], "columns": columns, "min_n": min_group_size})
            for g in sorted(small)}


def hidden_rows(survey: Survey, min_group_size: int) -> np.ndarray:
    """Rows in a group of fewer than ``min_group_size`` respondents under any grouping column."""
    out = np.zeros(survey.n_rows, dtype=bool)
    for column in survey.group_candidates:
        codes, names = group_codes(survey, column)
        out |= (codes >= 0) & small_mask(codes, len(names), min_group_size)[np.maximum(codes, 0)]
    return out
