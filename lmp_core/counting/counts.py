"""Survey -> counts table (item x group x answer): the one pass over the respondents.

Everything the statistics need comes from this table, so the same numbers come from raw rows or
from a frequency table that was all that could leave a secure data environment.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import numpy as np
import polars as pl

from lmp_core.base.catalogue import text
from lmp_core.base.errors import SurveyError
from lmp_core.base.rules import MAX_GROUPS
from lmp_core.base.spelling import group_name
from lmp_core.base.threads import each
from lmp_core.read.frames import whole_numbers
from lmp_core.setup.survey import Item, Survey

if TYPE_CHECKING:  # pandas is loaded where a pandas object is asked for
    import pandas as pd


class Withheld(Protocol):
    """What counting needs of a disclosure decision (:class:`lmp_core.counting.disclosure.HeldBack`, which is made from
    counts, so counting knows it only by this shape): the respondents held back from every count, and per
    question the answers held back (None: none)."""

    rows: np.ndarray

    def answer_mask(self, j: int) -> np.ndarray | None: ...

#: At most this many groups are compared.


@dataclass(frozen=True, eq=False)
class Counts:
    """Answer counts per item, group and category.

    ``table[i, g, c]`` is the number of respondents in group ``g`` whose answer to ``items[i]`` has
    code ``c`` (0 = blank / not asked, then the item's categories in order). ``respondents[g]``
    is the number of respondents in the group (rows, whatever they answered).
    """

    source: str
    items: tuple[Item, ...]
    groups: tuple[str, ...]
    table: np.ndarray
    respondents: tuple[int, ...]
    group_column: str | None = None
    no_group: int = 0

    def item_index(self, column: str) -> int:
        """Position of an item by its column name."""
        for i, it in enumerate(self.items):
            if it.column == column:
                return i
        raise SurveyError("unknown_item", column=column, choices=", ".join(i.column for i in self.items))

    def select(self, columns: Sequence[str]) -> Counts:
        """The counts of some items only, in the order given."""
        idx = [self.item_index(c) for c in columns]
        return Counts(self.source, tuple(self.items[i] for i in idx), self.groups, self.table[idx],
                      self.respondents, self.group_column, self.no_group)

    def to_frame(self) -> pd.DataFrame:
        """Long form: item, group, answer, count (answer "" = blank); the frequency-table format."""
        import pandas as pd

        rows = []
        for i, it in enumerate(self.items):
            labels = ("",) + it.categories
            for g, group in enumerate(self.groups):
                for c, label in enumerate(labels):
                    rows.append((it.column, group, label, int(self.table[i, g, c])))
        return pd.DataFrame(rows, columns=["item", "group", "answer", "count"])


@dataclass(frozen=True, eq=False)
class NumberCounts:
    """A number question's answers per group, as the count of each distinct value (after the disclosure rule):
    all its statistics (mean, SD, quartiles, tests) follow from these, from a file or from a database alike."""

    item: Item
    #: the distinct values, ascending, and per group how many answers have each (groups × values)
    values: np.ndarray
    per_group: np.ndarray

    def sample(self, g: int) -> np.ndarray:
        """Group ``g``'s answers, ascending."""
        return np.repeat(self.values, self.per_group[g])


def group_factorized(values: pl.Series | pd.Series) -> tuple[np.ndarray, tuple[str, ...]]:
    """A background column as a group code per row (-1 = no value) and the group names, in order of first
    appearance, spelled as a user sees them (:func:`lmp_core.base.spelling.group_name`: Unicode NFC, so a composed
    and a decomposed "é" are one group; invisible format characters removed; trimmed), blank as missing, and whole numbers read as floats (a blank makes a code column float)
    written without ".0". Only the distinct values are spelled out (a million rows hold a handful of groups);
    two spellings that become one name become one code.

    A polars column of text or whole numbers is coded by polars; any other column (dates, yes/no, decimals)
    as pandas writes its values, the spelling the app has always shown.

    >>> import polars as pl
    >>> codes, names = group_factorized(pl.Series(["B ", None, "A", "B", ""]))
    >>> codes.tolist(), names
    ([0, -1, 1, 0, -1], ('B', 'A'))
    >>> group_factorized(pl.Series([3.0, None, 14.0, 3.0]))[1]
    ('3', '14')
    """
    if isinstance(values, pl.Series):
        values = whole_numbers(values)
        if values.dtype == pl.Categorical:
            values = values.cast(pl.String)
        if values.dtype == pl.String or values.dtype.is_integer():
            codes, distinct = first_appearance(values)
            spelled = [group_name(v) for v in distinct.to_list()]
            return _merge_spellings(codes, spelled)
        values = values.to_pandas()
    import pandas as pd

    if pd.api.types.is_float_dtype(values) and (values.dropna() % 1 == 0).all():
        values = values.astype("Int64")
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    spelled = pd.Series(uniques, dtype=object).astype("string").tolist()
    return _merge_spellings(codes, ["" if name is pd.NA else group_name(name) for name in spelled])


def first_appearance(values: pl.Series) -> tuple[np.ndarray, pl.Series]:
    """Each row's code (0, 1, … in order of first appearance; -1 where blank) and the distinct values.

    >>> codes, distinct = first_appearance(pl.Series([7, None, 3, 7]))
    >>> codes.tolist(), distinct.to_list()
    ([0, -1, 1, 0], [7, 3])
    """
    distinct = values.unique(maintain_order=True).drop_nulls()
    codes = values.replace_strict(distinct, pl.int_range(distinct.len(), dtype=pl.Int64, eager=True),
                                  default=-1, return_dtype=pl.Int64).fill_null(-1).to_numpy()
    return codes, distinct


def _merge_spellings(codes: np.ndarray, spelled: list[str]) -> tuple[np.ndarray, tuple[str, ...]]:
    """Codes of distinct values -> codes of distinct names ("" is no name); the sentinel -1 stays -1."""
    order: dict[str, int] = {}
    remap = np.array([order.setdefault(name, len(order)) if name else -1 for name in spelled] + [-1], dtype=np.int64)
    return remap[codes], tuple(order)


def group_values(values: pl.Series | pd.Series) -> pd.Series:
    """A background column as the group names a user sees (:func:`group_factorized`), one per row.

    >>> import pandas as pd
    >>> group_values(pd.Series([3.0, None, 14.0])).tolist()
    ['3', <NA>, '14']
    """
    import pandas as pd

    codes, names = group_factorized(values)
    index = values.index if isinstance(values, pd.Series) else None
    return pd.Series(pd.array(np.array([*names, pd.NA], dtype=object)[codes], dtype="string"),
                     index=index, name=values.name)


_FIRST_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def natural_key(name: str) -> tuple[int, float, str]:
    """Sort key: numbers by value first ("2" before "14"), then names by their first number ("Skole 2" before
    "Skole 14", "J - 1st decile" before "H - 10th decile"), then text.

    >>> sorted(["14", "B", "Skole 14", "2", "A", "Skole 2"], key=natural_key)
    ['2', '14', 'Skole 2', 'Skole 14', 'A', 'B']
    """
    try:
        return (0, float(name), "")
    except ValueError:
        pass
    found = _FIRST_NUMBER.search(name)
    if found:
        return (1, float(found.group().replace(",", ".")), name)
    return (2, 0.0, name)


def group_codes(survey: Survey, group: str | None, lang: str = "nb") -> tuple[np.ndarray, tuple[str, ...]]:
    """Integer group code per row (-1 = no group value) and the group names in order of first appearance."""
    if group is None:
        return np.zeros(survey.n_rows, dtype=np.int64), (text("all_respondents", lang),)
    j = survey.item_index(group)
    if j is not None and not survey.has_column(group):
        # a question as the group (age group, education read as a question): its answers in scale order
        codes = survey.codes[:, j].astype(np.int64) - 1  # -1: blank
        present = np.flatnonzero(np.bincount(codes[codes >= 0], minlength=len(survey.items[j].categories)))
        if len(present) > MAX_GROUPS:
            raise SurveyError("too_many_groups", column=group, count=len(present), limit=MAX_GROUPS)
        remap = np.full(len(survey.items[j].categories) + 1, -1, dtype=np.int64)
        remap[present] = np.arange(len(present))
        return remap[codes], tuple(survey.items[j].categories[i] for i in present)
    codes, names = group_factorized(survey.series_of(group))
    if len(names) > MAX_GROUPS:
        raise SurveyError("too_many_groups", column=group, count=len(names), limit=MAX_GROUPS)
    # numeric codes (pulje 1, 2, 14) in numeric order, and names that each hold a number (Skole 1 … Skole 16,
    # deciles) by that number; other names in order of first appearance (the file's order)
    keys = [natural_key(name) for name in names]
    pooled = text("pooled_group", lang)  # small values pooled by lmp_core.counting.disclosure.pooled: always last
    numbered = [k[0] < 2 for k, name in zip(keys, names) if name != pooled]
    if (numbered and all(numbered)) or pooled in names:
        order = np.array(sorted(range(len(names)), key=lambda i: (
            names[i] == pooled, keys[i][:2] if all(numbered) else (0, i))), dtype=np.int64)  # stable on ties
        remap = np.empty(len(order), dtype=np.int64)
        remap[order] = np.arange(len(order))
        codes = np.where(codes >= 0, remap[np.maximum(codes, 0)], -1)
        names = tuple(names[i] for i in order)
    return codes.astype(np.int64), names


def row_filter(survey: Survey, filters: Mapping[str, Sequence[str]] | None) -> np.ndarray | None:
    """Boolean mask of rows whose background values are among the allowed ones (None = all rows)."""
    if not filters:
        return None
    mask = np.ones(survey.n_rows, dtype=bool)
    for column, allowed in filters.items():
        codes, names = group_factorized(survey.series_of(column))
        wanted = {str(a) for a in allowed}
        mask &= np.isin(codes, [i for i, name in enumerate(names) if name in wanted])
    if not mask.any():
        raise SurveyError("no_rows_after_filter", filter=", ".join(f"{k}={list(v)}" for k, v in filters.items()))
    return mask


def count(
    survey: Survey,
    *,
    group: str | None = None,
    filters: Mapping[str, Sequence[str]] | None = None,
    lang: str = "nb",
    held: Withheld | None = None,
) -> Counts:
    """Count every item's answers per group in one vectorised pass per item.

    Rows with no value in the group column are left out of every group (and counted in
    ``no_group``). ``filters`` keeps only rows whose background values are listed. ``held``
    (:func:`lmp_core.counting.disclosure.held_back`) leaves its respondents out of every count and its
    held-back answers counted as blank.

    >>> from lmp_core.load import read_file
    >>> s = read_file(b"g,q\\nA,I stor grad\\nA,Vet ikke\\nB,I liten grad\\n", "x.csv")
    >>> c = count(s, group="g")
    >>> c.groups, c.table[0, 0].tolist()
    (('A', 'B'), [0, 0, 0, 0, 1, 0, 1])
    """
    codes, names = group_codes(survey, group, lang)
    mask = row_filter(survey, filters)
    if held is not None and held.rows.any():
        mask = ~held.rows if mask is None else mask & ~held.rows
    no_group = int((codes < 0).sum() if mask is None else ((codes < 0) & mask).sum())
    if mask is not None:
        codes = np.where(mask, codes, -1)
    n_groups = len(names)
    width = max((it.n_categories for it in survey.items), default=1)  # a file of other kinds of question only
    keep = codes >= 0
    all_rows = bool(keep.all())
    base = codes * width if all_rows else codes[keep] * width
    table = np.empty((len(survey.items), n_groups, width), dtype=np.int64)

    def count_item(j: int) -> None:
        column = survey.codes[:, j]
        withheld = held.answer_mask(j) if held is not None else None
        if withheld is not None:
            column = np.where(withheld, 0, column)  # a held-back answer counts as blank
        column = column if all_rows else column[keep]
        table[j] = np.bincount(base + column, minlength=n_groups * width).reshape(n_groups, width)

    each(count_item, range(len(survey.items)), cells=survey.codes.size)
    respondents = tuple(int(v) for v in np.bincount(codes[keep], minlength=n_groups))
    return Counts(survey.source, survey.items, names, table, respondents, group, no_group)
