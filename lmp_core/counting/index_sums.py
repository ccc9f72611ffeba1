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

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

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
    k = values.shape[1]
    sums = np.zeros((4, k, k))
    for _, block in row_blocks(values):
        present = np.isfinite(block)
        mask = present.astype(float)
        scores = np.where(present, block, 0.0)
        sums[0] += mask.T @ mask
        sums[1] += scores.T @ mask
        sums[2] += (scores**2).T @ mask
        sums[3] += scores.T @ scores
    return sums


def row_means(values: np.ndarray, min_answers: float) -> tuple[np.ndarray, np.ndarray]:
    """Each row's mean over its answered questions, its sum over their number, where it answered at least
    ``min_answers`` of them (NaN otherwise), and the number it answered; a block of rows at a time."""
    means, answered = np.full(len(values), np.nan), np.zeros(len(values), dtype=np.int64)
    for rows, block in row_blocks(values):
        present = np.isfinite(block)
        count = present.sum(axis=1)
        total = np.where(present, block, 0.0).sum(axis=1)
        answered[rows] = count
        with np.errstate(invalid="ignore", divide="ignore"):
            means[rows] = np.where(count >= min_answers, total / count, np.nan)
    return means, answered


def value_counts(values: np.ndarray, groups: np.ndarray, n_groups: int, counts: np.ndarray | None = None
                 ) -> tuple[np.ndarray, np.ndarray]:
    """The distinct finite ``values`` of rows in a group (``groups`` ≥ 0), ascending, and per group how many rows
    have each; ``counts[r]``: how many respondents row r stands for (a database's histogram), else one each."""
    live = np.isfinite(values) & (groups >= 0)
    distinct, where = np.unique(values[live], return_inverse=True)
    cell = groups[live] * len(distinct) + where.ravel()
    per_group = np.bincount(cell, weights=None if counts is None else counts[live], minlength=n_groups * len(distinct))
    return distinct, per_group.astype(np.int64).reshape(n_groups, len(distinct))
