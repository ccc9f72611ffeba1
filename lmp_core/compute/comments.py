"""Free-text comments: per column, filtered by group and a search word, with small groups hidden."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from lmp_core.compute.stats import MIN_GROUP_SIZE
from lmp_core.counting.counts import group_codes
from lmp_core.counting.disclosure import HeldBack, held_back, pooled, small_mask
from lmp_core.setup.survey import Survey


@dataclass(frozen=True)
class Comments:
    """Comments of one column: ``rows`` has the columns group and comment, in file order."""

    column: str
    rows: pd.DataFrame
    total: int
    hidden_groups: tuple[str, ...]
    hidden: int = 0


def comments(survey: Survey, column: str, *, group: str | None = None, groups: Sequence[str] | None = None,
             search: str = "", min_group_size: int = MIN_GROUP_SIZE, lang: str = "nb",
             held: HeldBack | None = None) -> Comments:
    """Non-blank comments of ``column``; comments of respondents in a group with fewer than
    ``min_group_size`` respondents are left out (a comment can name a school), whichever grouping
    column makes the group small, so that switching groupings cannot tell whose they are
    (the respondents :func:`lmp_core.counting.disclosure.held_back` holds back; pass ``held`` to reuse it). ``search`` keeps comments containing the word
    (case-insensitive, plain text, never a pattern). ``hidden_groups`` are the hidden groups of
    ``group``; ``hidden`` counts every comment left out. A protected column's small values pooled into
    "Øvrige" (:func:`lmp_core.counting.disclosure.pooled`) are that group here too."""
    survey = pooled(survey, survey.group_candidates if held is None else held.columns, min_group_size, lang)
    codes, names = group_codes(survey, group, lang)
    hidden_groups = tuple(n for n, small in zip(names, small_mask(codes, len(names), min_group_size)) if small)
    texts = survey.background[column].astype("string").str.strip()
    frame = pd.DataFrame({"group": [names[c] if c >= 0 else "" for c in codes], "comment": texts})
    present = (frame["comment"].notna() & (frame["comment"] != "")).to_numpy(dtype=bool)
    frame = frame[present]
    total = len(frame)
    if held is None:
        held = held_back(survey, min_group_size)
    exposed = held.rows[present] | frame["group"].isin(hidden_groups).to_numpy()
    frame = frame[~exposed]
    if groups is not None:
        frame = frame[frame["group"].isin(list(groups))]
    if search.strip():
        frame = frame[frame["comment"].str.contains(search.strip(), case=False, regex=False)]
    return Comments(column, frame.reset_index(drop=True), total, hidden_groups, int(exposed.sum()))
