"""The data-quality checks' fast path (lmp_core.compute.quality, #47) against the plain code it replaced, kept
here as the reference: the grids' runs and IRV from the codes a block of rows at a time, duplicate rows found by
hashing rows, repeated ids compared in polars. Every flag and every index must be the reference's, bit for bit,
on generated surveys; the reference's own numbers are checked against pandas and hand counts in
tests/test_quality.py."""

from __future__ import annotations

import math
from dataclasses import replace
from unittest import mock

import numpy as np
import pandas as pd
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from lmp_core.compute import quality as q
from lmp_core.compute.quality import CHECKS, QualityColumns, Thresholds, grids, irv, quality, repeated_rows
from lmp_core.load import read_file

# --- the reference: lmp_core/compute/quality.py as it was before #47 (commit 34396f7), unchanged but for names --


def ref_longstring(values: np.ndarray) -> np.ndarray:
    values = np.asarray(values, dtype=float)
    given = ~np.isnan(values)
    run = given[:, 0].astype(np.int64) if values.shape[1] else np.zeros(values.shape[0], dtype=np.int64)
    longest = run.copy()
    for j in range(1, values.shape[1]):
        same = given[:, j] & given[:, j - 1] & (values[:, j] == values[:, j - 1])
        run = np.where(same, run + 1, given[:, j].astype(np.int64))
        np.maximum(longest, run, out=longest)
    return longest


def ref_irv(values: np.ndarray) -> np.ndarray:
    values = np.asarray(values, dtype=float)
    given = (~np.isnan(values)).sum(axis=1)
    out = np.full(values.shape[0], np.nan)
    ok = given >= 2
    if ok.any():
        out[ok] = np.nanstd(values[ok], axis=1, ddof=1)
    return out


def ref_grid_indices(survey, found):
    share = np.full(survey.n_rows, np.nan)
    lowest = np.full(survey.n_rows, np.nan)
    for _, columns in found:
        positions = [survey.item_index(c) for c in columns]
        codes = survey.codes[:, positions].astype(float)
        ks = np.array([survey.items[j].scale.k for j in positions])
        codes[(codes == 0) | (codes > ks)] = np.nan
        answered = (~np.isnan(codes)).any(axis=1)
        runs = np.where(answered, ref_longstring(codes) / len(columns), np.nan)
        share = np.fmax(share, runs)
        lowest = np.fmin(lowest, ref_irv(codes))
    return share, lowest


def ref_answer_codes(survey):
    parts = [survey.codes]
    if survey.other_codes is not None:
        parts.append(survey.other_codes)  # no metadata column among the generated questions
    return np.hstack(parts)


def ref_blank(survey):
    given = ref_answer_codes(survey) > 0
    positions = np.arange(given.shape[1])
    last = np.where(given.any(axis=1), np.where(given, positions, -1).max(axis=1), -1)
    asked = positions[None, :] <= last[:, None]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(last >= 0, (asked & ~given).sum(axis=1) / (last + 1), np.nan)


def ref_duplicates(survey, thresholds, id_column):
    codes = ref_answer_codes(survey)
    answered = (codes > 0).sum(axis=1)
    parts = [codes.astype(np.float64)]
    if survey.number_values is not None:
        numbers = survey.number_values
        parts.append(np.nan_to_num(numbers, nan=-1e300))
        answered = answered + np.isfinite(numbers).sum(axis=1)
    copies = pd.DataFrame(np.hstack(parts)).duplicated(keep="first").to_numpy() \
        & (answered >= thresholds.duplicate_min_answered)
    if id_column is None:
        return copies, np.zeros(survey.n_rows, dtype=bool)
    ids = survey.background[id_column].astype("string").str.strip()
    return copies, (ids.duplicated(keep="first") & ids.notna() & (ids != "")).to_numpy(dtype=bool)


# --- generated surveys ------------------------------------------------------------------------------------------

LABELS = ("I svært liten grad", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad", "Vet ikke")
#: ids that differ only in white space (pyarrow's utf8_trim_whitespace: ASCII and Unicode spaces), blanks, digits
ID_TEXTS = ("a", " a", "a\t", "\u00a0a", "\u2003a ", "a b", "", " ", None, "1", "1.0", "01", "\x1ca")


@pytest.fixture(scope="module")
def template():
    """Eight scale questions in two themes (a1–a4, b1–b4), 5 points and "Vet ikke" (code 6), as the reader
    makes them; each example replaces the answers, the background and the other questions."""
    header = ["id", *(f"{t}{i}" for t in "ab" for i in range(1, 5))]
    rows = [",".join([str(r), *[LABELS[(r + j) % 6] for j in range(8)]]) for r in range(12)]
    survey = read_file("\n".join([",".join(header), *rows]).encode(), "template.csv")
    assert [(it.column, it.theme, it.scale.k) for it in survey.items] == \
        [(c, c[0], 5) for c in header[1:]]
    return survey


ids = st.one_of(
    st.lists(st.sampled_from(ID_TEXTS), min_size=40, max_size=40).map(lambda v: pl.Series("id", v, pl.String)),
    st.lists(st.sampled_from((1, 2, 3, -4, None)), min_size=40, max_size=40).map(
        lambda v: pl.Series("id", v, pl.Int64)),
    # whole numbers past 2⁵³ with a blank: pandas holds them as floats, where 2⁵³ + 1 is 2⁵³
    st.lists(st.sampled_from((2 ** 53, 2 ** 53 + 1, 5, None)), min_size=40, max_size=40).map(
        lambda v: pl.Series("id", v, pl.Int64)),
    st.lists(st.sampled_from((1.5, 0.0, -0.0, math.nan, None)), min_size=40, max_size=40).map(
        lambda v: pl.Series("id", v, pl.Float64)))


@st.composite
def surveys(draw, template):
    n = draw(st.integers(1, 40))
    columns = draw(st.lists(st.sampled_from([it.column for it in template.items]), min_size=1, max_size=8,
                            unique=True))
    alphabet = draw(st.lists(st.integers(0, 6), min_size=1, max_size=3, unique=True))  # few: runs and copies
    codes = np.asfortranarray(draw(hnp.arrays(np.int8, (n, len(columns)), elements=st.sampled_from(alphabet))))
    items = tuple(template.item(c) for c in columns)
    survey = replace(template, items=items, codes=codes, id_column=None,
                     frame=pl.DataFrame([draw(ids)[:n]]))
    if draw(st.booleans()):  # single-choice questions after the scale questions
        others = tuple(replace(items[0], column=f"c{j}", kind="choice") for j in range(draw(st.integers(1, 3))))
        other = draw(hnp.arrays(np.int8, (n, len(others)), elements=st.integers(0, 2)))
        survey = replace(survey, others=others, other_codes=np.asfortranarray(other))
    if draw(st.booleans()):  # number questions: a blank equals a blank, −0.0 equals 0.0
        numbers = tuple(replace(items[0], column=f"n{j}", kind="number") for j in range(draw(st.integers(1, 2))))
        values = draw(hnp.arrays(np.float64, (n, len(numbers)),
                                 elements=st.sampled_from((math.nan, 0.0, -0.0, 2.5, math.inf))))
        survey = replace(survey, numbers=numbers, number_values=values)
    return survey


thresholds = st.builds(Thresholds, min_grid=st.integers(2, 4), irv_below=st.sampled_from((0.0, 0.5, 1.0, 1.5)),
                       longstring_share=st.sampled_from((0.5, 0.75, 1.0)),
                       duplicate_min_answered=st.integers(1, 5))


def same_bits(fast: np.ndarray, reference: np.ndarray) -> bool:
    """Equal arrays, dtype and shape; floats bit for bit (NaN where the reference has NaN)."""
    fast, reference = np.asarray(fast), np.asarray(reference)
    if fast.dtype != reference.dtype or fast.shape != reference.shape:
        return False
    if fast.dtype.kind == "f":
        return bool((fast.view(np.uint64) == reference.view(np.uint64)).all())
    return bool((fast == reference).all())


@settings(max_examples=300, deadline=None)
@given(st.data(), thresholds, st.booleans())
def test_every_flag_and_index_is_the_reference_s(template, data, limits, with_id):
    survey = data.draw(surveys(template))
    columns = QualityColumns(id="id" if with_id else None)
    found = quality(survey, limits, columns=columns)
    share, lowest = ref_grid_indices(survey, grids(survey, limits.min_grid))
    blank = ref_blank(survey)
    copies, same_id = ref_duplicates(survey, limits, columns.id)
    assert same_bits(found.longstring_share, share) and same_bits(found.irv, lowest)
    assert same_bits(found.nonresponse, blank)
    assert same_bits(found.flags["duplicate_answers"], copies) and same_bits(found.flags["duplicate_id"], same_id)
    # the flags from the reference's indices, as quality() makes them
    if grids(survey, limits.min_grid):
        assert same_bits(found.flags["straightlining"],
                         np.nan_to_num(share, nan=0.0) >= limits.longstring_share - 1e-12)
        assert same_bits(found.flags["low_variability"], np.nan_to_num(lowest, nan=np.inf) < limits.irv_below)
    assert same_bits(found.flags["nonresponse"], np.nan_to_num(blank, nan=0.0) > limits.nonresponse_share)
    assert set(found.flags) == set(CHECKS)


finite = st.one_of(st.integers(-5, 9).map(float), st.floats(-1e6, 1e6, allow_nan=False, allow_subnormal=False))


@settings(max_examples=300, deadline=None)
@given(hnp.arrays(np.float64, st.tuples(st.integers(0, 60), st.integers(1, 30)),
                  elements=st.one_of(finite, st.just(math.nan))),
       st.integers(1, 70), st.booleans())
def test_irv_a_block_at_a_time_is_nanstd_bit_for_bit(values, block, fortran):
    # any block size and either memory order: each row's standard deviation is the one numpy.nanstd gives
    values = np.asfortranarray(values) if fortran else values
    assert same_bits(irv(values, block=block), ref_irv(values))
    assert same_bits(q.longstring(values), ref_longstring(values))


def test_irv_on_a_large_matrix_of_fractions():
    # rows longer than numpy's pairwise block of 8 and blocks smaller than the matrix: the same bits
    rng = np.random.default_rng(47)
    values = rng.normal(3, 1.3, size=(5_000, 23))
    values[rng.random(values.shape) < 0.2] = np.nan
    assert same_bits(irv(values, block=999), ref_irv(values))


rows = hnp.arrays(np.int8, st.tuples(st.integers(1, 50), st.integers(1, 12)), elements=st.integers(0, 2))


@settings(max_examples=200, deadline=None)
@given(rows, st.sampled_from((lambda w: np.zeros(w.shape[0], np.uint64), lambda w: w[:, 0] & np.uint64(1))))
def test_repeated_rows_when_different_rows_share_a_hash(codes, weak_hash):
    # a hash that collides for every row, or for half of them: the rows are compared, pandas decides
    expected = pd.DataFrame(codes.astype(float)).duplicated(keep="first").to_numpy()
    with mock.patch.object(q, "row_hash", weak_hash):
        assert same_bits(repeated_rows([codes]), expected)
    assert same_bits(repeated_rows([codes]), expected)
