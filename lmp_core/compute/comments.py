"""Free-text comments: per column, filtered by group and a search word, with small groups hidden."""

from __future__ import annotations

import re
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
    #: each shown comment's row in the file (in the order of ``rows``)
    positions: tuple[int, ...] = ()


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
    positions = tuple(int(i) for i in frame.index)
    return Comments(column, frame.reset_index(drop=True), total, hidden_groups, int(exposed.sum()), positions)


@dataclass(frozen=True)
class CodeQuotes:
    """A code of a coded comment column and comments that got it, as (group, comment) pairs."""

    code: str
    quotes: tuple[tuple[str, str], ...]
    #: how many shown comments got the code (the quotes are the first ``per_code`` of them)
    shown: int
    #: per quote, the code's patterns it holds (why it got the code; none for "Ukodet" or coding from a table)
    hits: tuple[tuple[str, ...], ...] = ()


def quotes_by_code(survey: Survey, column: str, *, group: str | None = None, min_group_size: int = MIN_GROUP_SIZE,
                   groupings: Sequence[str] | None = None, lang: str = "nb", held: HeldBack | None = None,
                   per_code: int | None = 3) -> tuple[CodeQuotes, ...]:
    """Per code of the coding frame applied to ``column`` (:func:`lmp_core.counting.coding.coded_survey`), "Ukodet"
    last: the first ``per_code`` comments (file order; None: all) that got it. A quote is taken only from the
    comments :func:`comments` shows (never from a group under the minimum or a respondent held back) and only from
    a group whose coded counts are shown in the same view (:func:`lmp_core.compute.kind_stats.kind_results` with
    ``groupings``: a group with fewer commenters than the minimum shows neither counts nor quotes). Empty when
    the column is not coded."""
    from lmp_core.compute.kind_stats import kind_results
    from lmp_core.counting.coding import coded_matrix
    from lmp_core.setup.coding import hits

    names, has, _ = coded_matrix(survey, column)
    if not names:
        return ()
    shown = comments(survey, column, group=group, min_group_size=min_group_size, lang=lang, held=held)
    (result,) = kind_results(survey, group=group, groupings=groupings, min_group_size=min_group_size,
                             columns=[column], lang=lang)
    counted = {g.group for g in result.groups if not g.suppressed and g.base}
    rules = {c.name: c for f in survey.coding if f.column == column for c in f.codes}
    allowed = shown.rows["group"].isin(list(counted)).to_numpy()
    out = []
    for k, name in enumerate(names):
        picked = [i for i, row in enumerate(shown.positions) if has[row, k] and allowed[i]]
        rows = shown.rows.iloc[picked if per_code is None else picked[:per_code]]
        quotes = tuple((str(g), str(c)) for g, c in zip(rows["group"], rows["comment"]))
        code = rules.get(name)
        out.append(CodeQuotes(name, quotes, len(picked),
                              tuple(hits(code, c) if code else () for _, c in quotes)))
    return tuple(out)


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
