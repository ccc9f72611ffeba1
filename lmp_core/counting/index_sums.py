"""The sums an index is computed from, made from respondents' scores in memory or by a database's query.

An index (:mod:`lmp_core.compute.indices`) needs, over the respondents the disclosure rule keeps:

- per pair of questions (i, j), over the respondents who answered both: their number nᵢⱼ, the sum of i's scores
  Sᵢⱼ, of i's squared scores Qᵢⱼ, and of the products Pᵢⱼ (the pairwise covariances and correlations);
- the number of respondents, and of those who answered at least one of the questions;
- per group, how many respondents have each index value (a respondent's value: the sum of their scores over the
  number of questions they answered, counted where they answered at least the index's minimum).

These are counts and sums, nothing per respondent, so a database can make them (:mod:`lmp_core.counting.database`)
and send back only them. Where the scores are whole numbers (every scale, unless the setup gives other scores)
each sum is exact in floating point whatever order the rows are added in, so the sums, and every statistic made
from them, are the same bits from a file and from a database.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from threadpoolctl import threadpool_limits

#: An index is counted for a respondent who answered at least this share of its questions ("Vet ikke" and
#: blanks are no answer).
MIN_SHARE = 0.5
#: Rows per block when summing over respondents: each block's temporaries stay a few MB, where whole-column
#: temporaries of 1,000,000 answers to 20 questions took 160 MB each (six of them: about 1 GB of the server's peak).
ROW_BLOCK = 1 << 16


@dataclass(frozen=True)
class IndexSums:
    """What one index is computed from (the module's list); ``pairs[0..3]`` are n, S, Q and P, each k × k."""

    pairs: np.ndarray
    #: respondents counted (answered or not), and those who answered at least one question
    rows: int
    answered: int
    #: the distinct index values, ascending, and per group how many respondents have each (groups × values)
    values: np.ndarray
    per_group: np.ndarray


def row_blocks(values: np.ndarray) -> Iterator[tuple[slice, np.ndarray]]:
    """``values`` a block of :data:`ROW_BLOCK` rows at a time (views, no copies), each with its rows' slice."""
    for start in range(0, len(values), ROW_BLOCK):
        rows = slice(start, min(start + ROW_BLOCK, len(values)))
        yield rows, values[rows]


def pair_sums(values: np.ndarray) -> np.ndarray:
    """n, S, Q and P (the module's list) of ``values`` (one row per respondent, one column per question, NaN where
    not answered) as four matrix products, a block of rows at a time: with X the scores (0 where missing) and M the
    pattern of answers (1 = present), n = MᵀM, S = XᵀM (``S[i, j]``: column i over the rows where j is present),
    Q = (X²)ᵀM, P = XᵀX."""
    sums = np.zeros((4, values.shape[1], values.shape[1]))
    for _, block in row_blocks(values):
        _add_pairs(sums, block)
    return sums


def _add_pairs(sums: np.ndarray, block: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Add a block's n, S, Q and P to ``sums``; returns the block's answer pattern and its scores (0 if none)."""
    present = np.isfinite(block)
    mask = present.astype(float)
    scores = np.where(present, block, 0.0)
    sums[0] += mask.T @ mask
    sums[1] += scores.T @ mask
    sums[2] += (scores**2).T @ mask
    sums[3] += scores.T @ scores
    return present, scores


#: Past this many (group, answered, sum) combinations the index values are counted by sorting them instead.
MAX_KEYS = 1 << 22


def sums_from_codes(codes: np.ndarray, columns: Sequence[int], tables: Sequence[np.ndarray], groups: np.ndarray,
                    n_groups: int, min_answers: float, keep: np.ndarray | None = None, *, row_values: bool = False
                    ) -> tuple[IndexSums, np.ndarray | None]:
    """An index's sums straight from the answers' codes, a block of rows at a time (no table of every score):
    ``codes[:, columns[i]]`` are question i's codes and ``tables[i][code]`` its score (NaN: no answer);
    ``groups`` each row's group (−1: none); ``keep`` the rows to count (None: all). Each row's index value is its
    sum of scores over the number of questions it answered where that is at least ``min_answers``. With
    ``row_values``, also each row's index value (NaN where not counted)."""
    k = len(columns)
    sums = np.zeros((4, k, k))
    whole = all(np.array_equal(t[np.isfinite(t)], np.round(t[np.isfinite(t)])) and (t[np.isfinite(t)] >= 0).all()
                for t in tables)
    top = int(sum(np.nanmax(t, initial=0) for t in tables)) + 1  # sums of scores run 0..top − 1
    by_key = whole and (n_groups + 1) * (k + 1) * top <= MAX_KEYS
    tally = np.zeros((n_groups + 1) * (k + 1) * top if by_key else 0)
    answered_parts, total_parts, group_parts = [], [], []
    values = np.full(len(codes), np.nan) if row_values else None
    scores = np.empty((min(ROW_BLOCK, len(codes)), k))
    # products of blocks of 65,536 rows × k questions: on one BLAS thread twice as fast as on two
    with threadpool_limits(limits=1, user_api="blas"):
        for start in range(0, len(codes), ROW_BLOCK):
            rows = slice(start, min(start + ROW_BLOCK, len(codes)))
            block = codes[rows]
            taken = None if keep is None else keep[rows]
            size = block.shape[0] if taken is None else int(taken.sum())
            out = scores[:size]
            for i, (j, table) in enumerate(zip(columns, tables)):
                column = block[:, j] if taken is None else block[taken, j]
                np.take(table, column, out=out[:, i], mode="clip")
            present, filled = _add_pairs(sums, out)
            answered = present.sum(axis=1)
            total = filled.sum(axis=1)
            group = groups[rows] if taken is None else groups[rows][taken]
            if by_key:
                key = ((group + 1) * (k + 1) + answered) * top + total.astype(np.int64)
                tally += np.bincount(key, minlength=len(tally))
            else:
                answered_parts.append(answered)
                total_parts.append(total)
                group_parts.append(group)
            if values is not None:
                with np.errstate(invalid="ignore", divide="ignore"):
                    mean = np.where((answered >= min_answers) & (answered > 0), total / answered, np.nan)
                if taken is None:
                    values[rows] = mean
                else:
                    values[np.flatnonzero(taken) + start] = mean
    if by_key:
        found = np.flatnonzero(tally)
        count = tally[found].astype(np.int64)
        group, rest = np.divmod(found, (k + 1) * top)
        answered, total = np.divmod(rest, top)
        group -= 1
    else:
        answered = np.concatenate(answered_parts) if answered_parts else np.zeros(0, dtype=np.int64)
        total = np.concatenate(total_parts) if total_parts else np.zeros(0)
        group = np.concatenate(group_parts) if group_parts else np.zeros(0, dtype=np.int64)
        count = np.ones(len(answered), dtype=np.int64)
    return index_sums(sums, answered, total, group, count, n_groups, min_answers), values


def index_sums(pairs: np.ndarray, answered: np.ndarray, total: np.ndarray, groups: np.ndarray, counts: np.ndarray,
               n_groups: int, min_answers: float) -> IndexSums:
    """:class:`IndexSums` from the pairs' sums and, per row of a histogram, the number of questions answered, the
    sum of the scores, the group (−1: none) and how many respondents have them: a respondent's index value is
    ``total / answered`` where they answered at least ``min_answers`` (and one) of the questions."""
    with np.errstate(invalid="ignore", divide="ignore"):
        value = np.where((answered >= min_answers) & (answered > 0), total.astype(float) / answered, np.nan)
    distinct, per_group = value_counts(value, groups, n_groups, counts)
    return IndexSums(pairs, int(counts.sum()), int(counts[answered > 0].sum()), distinct, per_group)


def value_counts(values: np.ndarray, groups: np.ndarray, n_groups: int, counts: np.ndarray | None = None
                 ) -> tuple[np.ndarray, np.ndarray]:
    """The distinct finite ``values`` of rows in a group (``groups`` ≥ 0), ascending, and per group how many rows
    have each; ``counts[r]``: how many respondents row r stands for (a database's histogram), else one each."""
    live = np.isfinite(values) & (groups >= 0)
    distinct, where = np.unique(values[live], return_inverse=True)
    cell = groups[live] * len(distinct) + where.ravel()
    per_group = np.bincount(cell, weights=None if counts is None else counts[live], minlength=n_groups * len(distinct))
    return distinct, per_group.astype(np.int64).reshape(n_groups, len(distinct))
