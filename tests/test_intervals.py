"""Each effect size's interval belongs to that effect size, checked against independent references.

References:
- R statpsych ``ci.stdmean2`` (Bonett 2008), the two examples in its documentation (versions 1.4 and
  1.6), "Unweighted standardizer" row: the report's average-variance d.
- pingouin ``compute_esci`` (Hedges & Olkin 1985 standard error, t(n₁+n₂−2) critical value, as R
  effsize ``cohen.d``) for pooled d and Hedges' g, run here.
- The report's own respondents (fixture), where school owners (10) and leaders (36) are unequal groups.
"""

from __future__ import annotations

import json
import math

import pingouin
import pytest
from scipy import stats as sps

from lmp_core.compute.stats import INTERVAL_METHODS, bonett_se, summarize
from lmp_core.counting.counts import count
from lmp_core.load import read_file

Z = float(sps.norm.ppf(0.975))


@pytest.mark.parametrize(("m1", "m2", "sd1", "sd2", "n1", "n2", "se", "ll", "ul"), [
    # statpsych 1.6 documentation: SE 0.2053887, LL 0.10657659, UL 0.9116857
    (20.9, 19.1, 3.85, 3.19, 50, 50, 0.2053887, 0.10657659, 0.9116857),
    # statpsych 1.4 documentation: SE 0.2844012, LL 0.6170771, UL 1.731909
    (35.1, 26.7, 7.32, 6.98, 30, 30, 0.2844012, 0.6170771, 1.731909),
])
def test_bonett_interval_matches_statpsych(m1, m2, sd1, sd2, n1, n2, se, ll, ul):
    d = (m1 - m2) / math.sqrt((sd1**2 + sd2**2) / 2)
    got = bonett_se(d, sd1, sd2, n1, n2)
    assert got == pytest.approx(se, abs=1e-7)
    assert (d - Z * got, d + Z * got) == pytest.approx((ll, ul), abs=1e-6)


@pytest.fixture(scope="module")
def summary(fixture_csv):
    return summarize(count(read_file(fixture_csv, "lmp_ch2_3.csv"), group="rolle"))


def test_every_comparison_carries_the_interval_of_its_own_effect_size(summary):
    checked = 0
    for it in summary.items:
        for c in it.comparisons:
            if c.d is None:
                continue
            a, b = it.group(c.a), it.group(c.b)
            se = bonett_se(c.d, a.sd, b.sd, a.n, b.n)
            assert c.interval("d") == pytest.approx((c.d - Z * se, c.d + Z * se), abs=1e-12)
            for kind in ("d_pooled", "hedges_g"):
                reference = pingouin.compute_esci(stat=c.effect(kind), nx=a.n, ny=b.n, eftype="cohen", decimals=12)
                assert c.interval(kind) == pytest.approx(tuple(reference), abs=1e-9)
            checked += 1
    assert checked == 8  # the report's eight questions, Skoleleder against Skoleeier


def test_the_d_interval_is_no_longer_the_pooled_ds(summary):
    # with 36 against 10 respondents and unequal SDs, Bonett's interval for the report's d is not the
    # Hedges-Olkin interval put around it (the old, mismatched one): the bounds must differ somewhere
    differences = []
    for it in summary.items:
        for c in it.comparisons:
            a, b = it.group(c.a), it.group(c.b)
            old = pingouin.compute_esci(stat=c.d, nx=a.n, ny=b.n, eftype="cohen", decimals=12)
            differences.append(max(abs(c.d_ci[0] - old[0]), abs(c.d_ci[1] - old[1])))
    assert max(differences) > 0.01


def test_json_names_each_intervals_level_and_method(summary, capsys):
    from lmp_core.cli import main
    from tests.conftest import FIXTURES

    out = summary.to_dict("en")["intervals"]
    assert out["level"] == 0.95 and out["fpc_groups"] == []
    assert set(INTERVAL_METHODS) <= set(out) and "Bonett" in out["d_ci"] and "Hedges" in out["hedges_g_ci"]
    assert main(["summarize", str(FIXTURES / "lmp_ch2_3.csv"), "--group", "rolle", "--format", "json",
                 "--population", "Skoleleder=63", "--population", "Skoleeier=24", "--fpc"]) == 0
    dumped = json.loads(capsys.readouterr().out)
    assert sorted(dumped["intervals"]["fpc_groups"]) == ["Skoleeier", "Skoleleder"]
    comparison = dumped["items"][0]["comparisons"][0]
    assert {"d_ci", "d_pooled_ci", "hedges_g_ci"} <= set(comparison)


def test_wilson_equals_statsmodels_proportion_confint():
    # the closed form in lmp_core.compute.stats against statsmodels' own, for whole and fractional counts (an effective n),
    # the ends (0 and n) and three levels
    import numpy as np
    from statsmodels.stats.proportion import proportion_confint

    from lmp_core.compute.stats import wilson

    nobs = np.array([1, 2, 5, 10, 36, 46, 1000, 12.5, 7.3])
    for level in (0.9, 0.95, 0.99):
        for n in nobs:
            counts = np.unique(np.concatenate([np.arange(0, int(n) + 1), [n, n / 3]]))
            lo, hi = wilson(counts, np.full_like(counts, n, dtype=float), level)
            ref_lo, ref_hi = proportion_confint(counts, n, alpha=1 - level, method="wilson")
            assert np.allclose(lo, ref_lo, rtol=0, atol=1e-13) and np.allclose(hi, ref_hi, rtol=0, atol=1e-13)
