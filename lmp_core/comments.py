"""Free-text comments: per column, filtered by group and a search word, with small groups hidden."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from lmp_core.counts import group_codes
from lmp_core.survey import Survey


@dataclass(frozen=True)
class Comments:
    """Comments of one column: ``rows`` has the columns group and comment, in file order."""

    column: str
    rows: pd.DataFrame
    total: int
    hidden_groups: tuple[str, ...]


def comments(survey: Survey, column: str, *, group: str | None = None, groups: Sequence[str] | None = None,
             search: str = "", min_group_size: int = 5, lang: str = "nb") -> Comments:
    """Non-blank comments of ``column``; groups with fewer than ``min_group_size`` respondents are
    left out (a comment can name a school). ``search`` keeps comments containing the word
    (case-insensitive, plain text, never a pattern)."""
    codes, names = group_codes(survey, group, lang)
    sizes = pd.Series(codes[codes >= 0]).value_counts()
    hidden = tuple(n for i, n in enumerate(names) if sizes.get(i, 0) < min_group_size)
    texts = survey.background[column].astype("string").str.strip()
    frame = pd.DataFrame({"group": [names[c] if c >= 0 else "" for c in codes], "comment": texts})
    frame = frame[frame["comment"].notna() & (frame["comment"] != "")]
    total = len(frame)
    frame = frame[~frame["group"].isin(hidden)]
    if groups is not None:
        frame = frame[frame["group"].isin(list(groups))]
    if search.strip():
        frame = frame[frame["comment"].str.contains(search.strip(), case=False, regex=False)]
    return Comments(column, frame.reset_index(drop=True), total, hidden)
