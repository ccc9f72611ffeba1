"""Fuzzing (hypothesis): random bytes and random CSV text either read or raise SurveyError — never
anything else — and random well-formed surveys give statistics in range."""

from __future__ import annotations

import math

import pandas as pd
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from lmp_core import Counts, SurveyError, count, read_file, summarize

GRAD = ["I svært liten grad", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad", "Vet ikke", ""]
FAST = settings(max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck))

csv_text = st.lists(
    st.lists(st.one_of(st.sampled_from(GRAD + ["A", "B", "9", "-2", '"', ";", ",", "\t", "=1+1", "\u00e6\u00f8\u00e5"]),
                       st.text(max_size=6)), min_size=1, max_size=6),
    min_size=1, max_size=12,
).map(lambda rows: "\n".join(",".join(r) for r in rows))


def _read_or_error(data: bytes, name: str) -> None:
    try:
        result = read_file(data, name)
    except SurveyError as err:
        assert err.message("nb") and err.message("en")
        return
    if not isinstance(result, Counts):
        summarize(count(result), min_group_size=1)


@FAST
@given(st.binary(max_size=400), st.sampled_from(["x.csv", "x.xlsx", "x.sav", "x.txt"]))
@example(b"x\x01\x02\x01", "x.csv")  # zlib's magic bytes: polars tried to inflate them (found by this test in CI)
@example(b"\x1f\x8b\x08\x00", "x.csv")  # gzip's
@example(b"\x28\xb5\x2f\xfd", "x.csv")  # zstd's
def test_random_bytes(data, name):
    _read_or_error(data, name)


@FAST
@given(csv_text, st.sampled_from(["utf-8", "cp1252", "utf-8-sig"]))
# found by this test: a whole number beyond 2^53 could not become an integer column (polars raised), and a
# column of one large code (10^10) made numpy refuse its offset as a 16-bit number
@example("I svært liten grad,I liten grad\nI svært liten grad,1E100", "utf-8")
@example("I svært liten grad,I liten grad\nI svært liten grad,1E10", "utf-8")
def test_random_csv_text(text, encoding):
    _read_or_error(text.encode(encoding, errors="replace"), "x.csv")


survey = st.integers(min_value=1, max_value=40).flatmap(lambda n: st.tuples(
    st.lists(st.sampled_from(["A", "B", "C", ""]), min_size=n, max_size=n),
    st.lists(st.lists(st.sampled_from(GRAD), min_size=n, max_size=n), min_size=1, max_size=3),
))


@settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck))
@given(survey, st.integers(min_value=1, max_value=6))
def test_wellformed_surveys_stay_in_range(data, min_group_size):
    groups, columns = data
    frame = pd.DataFrame({"g": groups, **{f"q{i}": col for i, col in enumerate(columns)}})
    data = frame.to_csv(index=False).encode()
    # about 1 in 600 examples: no answer on a scale step at all (blank, or only "Vet ikke", which names no scale)
    if not any(answer and answer != "Vet ikke" for column in columns for answer in column):
        try:  # refused with its message ("header row but no answers"), or read with nothing on a scale
            read_file(data, "x.csv")
        except SurveyError as refused:
            assert refused.key in ("header_only", "no_items")
        assume(False)  # not a survey to check further
    s = read_file(data, "x.csv")  # any other refusal fails the test
    group = "g" if "g" in s.group_candidates else None
    summary = summarize(count(s, group=group), min_group_size=min_group_size,
                        populations=None)
    for it in summary.items:
        for x in it.stats:
            assert x.n >= 0 and x.dont_know >= 0 and x.missing >= 0
            for v in (x.top2_pct, x.bottom2_pct, x.dont_know_pct, *x.percents.values()):
                assert v is None or 0 <= v <= 100
            assert x.sd is None or x.sd >= 0
            if x.top2_ci:
                lo, hi = x.top2_ci
                assert 0 <= lo <= x.top2_pct + 1e-9 and x.top2_pct <= hi + 1e-9 and hi <= 100 + 1e-9
            if x.mean is not None:
                assert 1 <= x.mean <= 5
            if x.mean_ci:
                assert x.mean_ci[0] <= x.mean <= x.mean_ci[1]
            if x.suppressed:
                assert x.mean is None and x.top2_pct is None and not any(x.counts.values())
        for c in it.comparisons:
            assert c.d is None or math.isfinite(c.d)
            if c.d_ci:
                assert c.d_ci[0] <= c.d <= c.d_ci[1]
