"""A test of independence for a table of counts (categories in rows, groups or answered/not in columns).

Fisher's exact test for 2 x 2 tables; otherwise Fisher's test by permutation (scipy ``fisher_exact`` with
``PermutationMethod``, fixed seed, in batches of 200 resamples so memory stays bounded) when an expected count
is below 5 and the table holds at most 2,000 units, else Pearson's chi-square without continuity correction
(for a larger table, with the rows whose expected count is under 5 pooled into one). The fieldwork page's
representativeness and the single-choice questions' group tests share it.
"""

from __future__ import annotations

import numpy as np
from scipy import stats as sps

#: Tables up to this many units get Fisher's test by permutation when counts are small; larger ones pool
#: their rare rows and use chi-square (a permutation of 200,000 units 9,999 times would stall).
PERMUTATION_MAX_UNITS = 2_000
#: Resamples per vectorised step of the permutation test: memory is this many times the table's units.
PERMUTATION_BATCH = 200
#: The tests by key; their names are in the catalogue (``fw_test_<key>``).
TESTS = ("none", "fisher", "fisher_permutation", "chi2_pooled", "chi2")


def _pool_sparse(observed: np.ndarray, expected: np.ndarray) -> np.ndarray:
    """The rows (categories) with an expected count under 5 added into one row; kept apart when that leaves
    fewer than two rows (the test then has nothing to compare)."""
    sparse = (expected < 5).any(axis=1)
    pooled = np.vstack([observed[~sparse], observed[sparse].sum(axis=0, keepdims=True)])
    return pooled if pooled.shape[0] >= 2 and (pooled.sum(axis=0) > 0).all() else observed


def fisher_by_permutation(observed: np.ndarray) -> tuple[float, float]:
    """Fisher's exact test of an r x c table by permutation: scipy's ``fisher_exact`` with
    ``PermutationMethod(n_resamples=9999, batch=PERMUTATION_BATCH, rng=default_rng(2016))``, the same resamples
    and the same numbers, bit for bit, with the statistic computed for a whole batch at once.

    The statistic of a resample is the probability of its table given the margins (``random_table.pmf``,
    multivariate hypergeometric); the p-value is the share of the 9,999 resamples and the table itself whose
    probability is at most the table's (scipy's ``permutation_test``, ``alternative="less"``, with its own
    tolerance for ties). scipy's ``fisher_exact`` tabulates each resample with ``crosstab`` in a Python loop
    (0.5 s a test, most of a results page's time for a survey with single-choice questions); here each batch of
    resampled row labels is tabulated with one ``bincount`` and its probabilities with one call of scipy's
    ``random_table.pmf``. The units are laid out as scipy's ``_untabulate`` does (row by row, cell by cell), so
    ``permutation_test`` draws the same permutations. Every row and column of ``observed`` must hold a count
    (``independence`` drops empty ones), so a resample's table has the observed shape.
    """
    rows, cols = observed.shape
    cells = np.arange(rows * cols)
    x = np.repeat(cells // cols, observed.ravel())  # each unit's row ...
    y = np.repeat(cells % cols, observed.ravel())  # ... and column, as scipy's _untabulate lays them out
    table = sps.random_table(observed.sum(axis=1), observed.sum(axis=0))

    def statistic(labels: np.ndarray, axis: int = -1) -> np.ndarray:
        flat = np.asarray(labels).reshape(-1, y.size) * cols + y  # one resample per row: its units' cells
        offset = np.arange(flat.shape[0])[:, None] * (rows * cols)
        tables = np.bincount((flat + offset).ravel(), minlength=flat.shape[0] * rows * cols)
        return table.pmf(tables.reshape(*np.shape(labels)[:-1], rows, cols))

    res = sps.permutation_test((x,), statistic, permutation_type="pairings", alternative="less", vectorized=True,
                               n_resamples=9999, batch=PERMUTATION_BATCH, rng=np.random.default_rng(2016))
    return float(np.clip(res.statistic, None, 1.0)), float(res.pvalue)


def independence(observed: np.ndarray) -> tuple[str, float | None, float | None]:
    """Test key, statistic and p-value for a table of counts; "none" when a margin leaves nothing to compare
    (fewer than two rows or columns with counts)."""
    observed = observed[observed.sum(axis=1) > 0][:, observed.sum(axis=0) > 0]
    if observed.shape[0] < 2 or observed.shape[1] < 2:
        return "none", None, None
    expected = sps.contingency.expected_freq(observed)
    if observed.shape == (2, 2):
        res = sps.fisher_exact(observed)
        return "fisher", float(res.statistic), float(res.pvalue)
    if (expected < 5).any() and observed.sum() <= PERMUTATION_MAX_UNITS:
        statistic, pvalue = fisher_by_permutation(observed)
        return "fisher_permutation", statistic, pvalue
    if (expected < 5).any():
        # a long list with a few rare categories: those are pooled into one, then chi-square
        res = sps.chi2_contingency(_pool_sparse(observed, expected), correction=False)
        return "chi2_pooled", float(res.statistic), float(res.pvalue)
    res = sps.chi2_contingency(observed, correction=False)
    return "chi2", float(res.statistic), float(res.pvalue)
