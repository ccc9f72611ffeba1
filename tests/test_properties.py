"""Properties that need no oracle (hypothesis): symmetry, reversal, row order, intervals, and
raw rows versus their own frequency table."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lmp_core.compute.stats import summarize
from lmp_core.counting.counts import Counts, count
from lmp_core.load import read_file

GRAD = ["I svært liten grad", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad"]
REVERSED = {a: b for a, b in zip(GRAD, reversed(GRAD))}
ANSWERS = GRAD + ["Vet ikke", ""]

rows = st.lists(
    st.tuples(st.sampled_from(["A", "B", "C"]), st.sampled_from(ANSWERS), st.sampled_from(ANSWERS)),
    min_size=6, max_size=80,
).filter(lambda rs: len({r[0] for r in rs}) >= 2 and len({r[1] for r in rs if r[1] in GRAD}) >= 2
         and len({r[2] for r in rs if r[2] in GRAD}) >= 2)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])


def _csv(data: list[tuple[str, str, str]]) -> bytes:
    return pd.DataFrame(data, columns=["g", "q1", "q2"]).to_csv(index=False).encode()


def _summary(data, **kw):
    survey = read_file(_csv(data), "x.csv")
    return survey, summarize(count(survey, group="g"), min_group_size=1, **kw)


@SETTINGS
@given(rows)
def test_d_is_antisymmetric(data):
    counts = count(read_file(_csv(data), "x.csv"), group="g")
    assert list(counts.groups) == list(dict.fromkeys(r[0] for r in data))  # order of first appearance
    against = {ref: summarize(counts, min_group_size=1, reference=ref) for ref in counts.groups}
    for ref, summary in against.items():
        for it in summary.items:
            for c in it.comparisons:  # c is (a, ref); its mirror is (ref, a) in the summary against a
                (mirror,) = [m for m in against[c.a].item(it.item.column).comparisons if m.a == ref]
                if c.d is None:
                    assert mirror.d is None and mirror.reason == c.reason
                else:
                    assert abs(mirror.d + c.d) < 1e-12
                    assert abs(mirror.hedges_g + c.hedges_g) < 1e-12
                    assert mirror.magnitude == c.magnitude


@SETTINGS
@given(rows)
def test_top2_of_reversed_scale_is_bottom2(data):
    _, summary = _summary(data)
    flipped = [(g, REVERSED.get(a, a), REVERSED.get(b, b)) for g, a, b in data]
    _, reversed_summary = _summary(flipped)
    for it, rit in zip(summary.items, reversed_summary.items):
        assert it.item.scale == rit.item.scale
        for s, r in zip(it.stats, rit.stats):
            if s.n:
                assert abs(s.top2_pct - r.bottom2_pct) < 1e-9
                assert abs(s.mean - (it.item.scale.k + 1 - r.mean)) < 1e-9


@SETTINGS
@given(rows, st.randoms(use_true_random=False))
def test_row_order_does_not_matter(data, rnd):
    survey, _ = _summary(data)
    shuffled = list(data)
    rnd.shuffle(shuffled)
    survey2 = read_file(_csv(shuffled), "x.csv")
    c1, c2 = count(survey, group="g"), count(survey2, group="g")
    order = [c2.groups.index(g) for g in c1.groups]
    np.testing.assert_array_equal(c1.table, c2.table[:, order])


@SETTINGS
@given(rows)
def test_intervals_contain_estimates_and_stay_in_range(data):
    _, summary = _summary(data, populations=None)
    for it in summary.items:
        for s in it.stats:
            if s.n == 0:
                continue
            assert 0 <= s.top2_pct <= 100
            lo, hi = s.top2_ci
            assert 0 <= lo <= s.top2_pct + 1e-9 and s.top2_pct - 1e-9 <= hi <= 100
            if s.mean_ci is not None:
                assert s.mean_ci[0] <= s.mean <= s.mean_ci[1]
                assert s.sd >= 0
            assert abs(sum(v for v in s.percents.values() if v is not None) - 100) < 1e-9
        for c in it.comparisons:
            if c.d is not None:
                assert c.d_ci[0] <= c.d <= c.d_ci[1]


@SETTINGS
@given(rows)
def test_raw_rows_equal_their_frequency_table(data):
    survey, summary = _summary(data)
    table = count(survey, group="g").to_frame().to_csv(index=False).encode()
    counts = read_file(table, "freq.csv")
    assert isinstance(counts, Counts)
    from_table = summarize(counts, min_group_size=1)
    raw, table = summary.to_dict(), from_table.to_dict()
    # the one difference: the raw file's theme is its columns' common prefix (q1, q2: "q"); a frequency table's
    # questions carry none. Everything else of every item, group and comparison is equal
    assert [it.pop("theme") for it in raw["items"]] == ["q", "q"]
    assert [it.pop("theme") for it in table["items"]] == ["", ""]
    assert table == raw
    for a, b in zip(summary.items, from_table.items):
        assert [s.__dict__ for s in a.stats] == [s.__dict__ for s in b.stats]
        assert a.comparisons == b.comparisons


def test_item_asked_of_one_group_only_and_edge_cases():
    # q2 was put to group A only (blank for B): B gets no statistics and there is no comparison;
    # B has one answer on q1: a mean but no SD, and no d, each with its reason
    data = [("A", "I stor grad", "I liten grad"), ("A", "I liten grad", "I stor grad"), ("A", "I noen grad", "I noen grad"),
            ("B", "I stor grad", "")]
    survey = read_file(_csv(data), "x.csv")
    summary = summarize(count(survey, group="g"), min_group_size=1)
    q1, q2 = summary.items
    b1 = q1.group("B")
    assert b1.n == 1 and b1.mean == 4 and b1.sd is None and b1.reason == "reason_n1"
    (c,) = q1.comparisons
    assert c.d is None and c.reason == "reason_n1" and c.mean_diff == 3 - 4
    b2 = q2.group("B")
    assert b2.n == 0 and b2.mean is None and b2.reason == "reason_n0"
    assert q2.comparisons == ()


# --- group names: polars and pandas code a column alike, and as a hand-written spelling does ---
_SPELLINGS = ["Skole", " Skole", "Skole ", "Ski\u0301", "Sk\u00ed", "", "  ", "Oslo", "14", "3"]


def _by_hand(values: list[object]) -> tuple[list[int], tuple[str, ...]]:
    """The rule of counts.group_factorized written out per value: NFC, trimmed, blank is none, a whole float
    written as an integer; names in order of first appearance."""
    import unicodedata

    names: dict[str, int] = {}
    codes = []
    for v in values:
        if v is None:
            codes.append(-1)
            continue
        text = str(int(v)) if isinstance(v, float) else unicodedata.normalize("NFC", str(v)).strip()
        codes.append(names.setdefault(text, len(names)) if text else -1)
    return codes, tuple(names)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.lists(st.one_of(st.none(), st.sampled_from(_SPELLINGS)), max_size=30),
                 st.lists(st.one_of(st.none(), st.integers(-5, 40)), max_size=30),
                 st.lists(st.one_of(st.none(), st.integers(-5, 40).map(float)), max_size=30)))
def test_group_names_are_the_same_from_polars_and_pandas(values):
    import polars as pl

    from lmp_core.counting.counts import group_factorized

    series = pl.Series("g", values, strict=False)
    expected_codes, expected_names = _by_hand(values)
    for column in (series, series.to_pandas(use_pyarrow_extension_array=False)):
        codes, names = group_factorized(column)
        assert names == expected_names
        assert codes.tolist() == expected_codes
