"""Free-text comments: per column, filtered by group and a search word, with small groups hidden."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from lmp_core.compute.stats import MIN_GROUP_SIZE
from lmp_core.counting.counts import group_codes
from lmp_core.counting.disclosure import HeldBack, held_back, small_mask
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
    ``group``; ``hidden`` counts every comment left out."""
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


#: Most comments a report quotes from one column; more are sampled by :func:`quote_sample`.
MAX_QUOTES = 20
#: an answer that is a number, a time, a date or a code ("141", "12:05", "2024-03-01", "R0042", "$1"), not words
_NOT_WORDS = re.compile(r"^[\W_]*[A-Za-z]{0,3}[\d\s.,:/+\-–_]*\d[\d\s.,:/+\-–_]*[A-Za-z]{0,3}[\W_]*$")


def is_free_text(values: Sequence[str]) -> bool:
    """Whether a column's non-blank answers are written words, so that a report may quote them: not when more
    than half are numbers, times, dates or codes (completion seconds «141» are no comment).

    >>> is_free_text(["141", "97", "1203"]), is_free_text(["12:05", "2024-03-01"]), is_free_text(["Bra kurs", "8"])
    (False, False, True)
    """
    texts = [str(v).strip() for v in values if v is not None and str(v).strip()]
    if not texts:
        return False
    codes = sum(bool(_NOT_WORDS.match(t)) for t in texts)
    return codes * 2 <= len(texts)


def quote_sample(n: int, most: int = MAX_QUOTES) -> list[int]:
    """The positions of the comments a report quotes out of ``n`` (in file order): all when ``n <= most``, else
    ``most`` spread evenly: position ⌊i · n / most⌋ for i = 0 … most − 1 (a systematic sample, the same each time).

    >>> quote_sample(5), quote_sample(100, 4)
    ([0, 1, 2, 3, 4], [0, 25, 50, 75])
    """
    if n <= most:
        return list(range(n))
    return [i * n // most for i in range(most)]
