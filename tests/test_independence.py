"""Fisher's test by permutation (``lmp_core.compute.independence``): the batch statistic gives scipy's own
``fisher_exact(table, method=PermutationMethod(...))``, the reference, bit for bit: the same resamples, the same
table probabilities, the same p-value and statistic. Checked on tables of every shape the app meets (two groups or
more, empty cells, a category of one answer, a clear association, the largest table that is permuted)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats as sps

from lmp_core.compute.independence import PERMUTATION_BATCH, PERMUTATION_MAX_UNITS, fisher_by_permutation, independence

TABLES = {
    "3x4 with an empty cell": [[12, 5, 3, 1], [20, 8, 2, 0], [7, 3, 1, 2]],
    "2 groups, 5 categories": [[1, 0], [4, 2], [9, 3], [6, 7], [2, 5]],
    "a clear association": [[15, 1, 0], [2, 14, 1], [0, 2, 13]],
    "one answer in a category": [[1, 0, 0], [0, 9, 11]],
    "6 groups of a few each": [[2, 0, 1, 3, 0, 1], [0, 2, 2, 0, 3, 1]],
    # the largest table permuted (PERMUTATION_MAX_UNITS units), one category rare
    "2,000 units": [[600, 395, 2], [700, 300, 3]],
}


def _scipy(table: np.ndarray) -> tuple[float, float]:
    res = sps.fisher_exact(table, method=sps.PermutationMethod(n_resamples=9999, batch=PERMUTATION_BATCH,
                                                                rng=np.random.default_rng(2016)))
    return float(res.statistic), float(res.pvalue)


@pytest.mark.parametrize("name", TABLES)
def test_fisher_by_permutation_is_scipys_bit_for_bit(name):
    table = np.array(TABLES[name])
    assert table.sum() <= PERMUTATION_MAX_UNITS
    statistic, pvalue = fisher_by_permutation(table)
    assert (statistic, pvalue) == _scipy(table)
    assert 0 < statistic <= 1 and 1 / 10_000 <= pvalue <= 1


def test_the_independence_test_of_a_small_table_is_fishers_by_permutation():
    table = np.array(TABLES["a clear association"])
    key, statistic, pvalue = independence(table)
    assert key == "fisher_permutation" and (statistic, pvalue) == _scipy(table)
    assert pvalue == 1 / 10_000  # no resample is as unlikely as the table itself: (0 + 1) / (9,999 + 1)
