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
        # resampled in batches: memory stays PERMUTATION_BATCH x units whatever the list's size
        res = sps.fisher_exact(observed, method=sps.PermutationMethod(
            n_resamples=9999, batch=PERMUTATION_BATCH, rng=np.random.default_rng(2016)))
        return "fisher_permutation", float(res.statistic), float(res.pvalue)
    if (expected < 5).any():
        # a long list with a few rare categories: those are pooled into one, then chi-square
        res = sps.chi2_contingency(_pool_sparse(observed, expected), correction=False)
        return "chi2_pooled", float(res.statistic), float(res.pvalue)
    res = sps.chi2_contingency(observed, correction=False)
    return "chi2", float(res.statistic), float(res.pvalue)
