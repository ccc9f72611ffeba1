"""Indices: a theme (or any chosen questions) as one score per respondent, with its reliability.

A respondent's index is the mean of their scores on the index's questions (each scored 1..k in scale order;
reverse-keyed questions are already turned round by the variable setup), counted only when they answered at
least ``min_share`` of the questions ("Vet ikke" and blanks are no answer; default half). Per group: n, mean,
SD of the index, and d between groups (the report's formula, :mod:`lmp_core.compute.stats`).

Reliability, over the respondents who are not held back (:mod:`lmp_core.counting.disclosure`), with each pair of
questions on the respondents who answered both (pairwise, as R psych's ``alpha`` does):

- Cronbach's alpha and Feldt's 95 % interval, as ``pingouin.cronbach_alpha(nan_policy="pairwise")`` gives them
  (its interval unrounded), from the pairwise covariances (:func:`pairwise`: matrix products, not a loop over
  the pairs);
- alpha if a question is left out: the same formula on the other questions' part of the covariance matrix;
- each question's item-rest correlation (psych's ``r.drop``): its covariance with the sum of the others over
  the square root of its variance times the others' sum's variance, from the pairwise covariance matrix.

Checked against psych's published output for its ``bfi`` agreeableness scale (tests/test_indices.py).
- McDonald's omega (total, one factor): a one-factor model fitted to the pairwise correlation matrix by
  iterated principal axes (statsmodels ``Factor(method="pa")``; iterated to convergence it is the
  least-squares fit that psych's default ``fm="minres"`` finds), then ω = (Σλ)² / ((Σλ)² + Σ(1 − λ²)). It
  needs three questions (two give no identified factor) and a model that converges; otherwise None.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from lmp_core.base.errors import SurveyError
from lmp_core.base.rules import MIN_GROUP_SIZE
from lmp_core.compute.stats import Comparison, GroupStats, compare_groups
from lmp_core.compute.view import ViewRequest
from lmp_core.counting.counts import Counts, group_codes
from lmp_core.counting.disclosure import HeldBack, held_back, pooled, shown
from lmp_core.counting.index_sums import MIN_SHARE, IndexSums, pair_sums, sums_from_codes
from lmp_core.setup.survey import Item, Survey

if TYPE_CHECKING:
    from lmp_core.compute.weights import Weights

#: The app and the report make indices of themes with at most this many questions (a file whose names make
#: one theme of thousands of columns is no index; the command line takes any size).
MAX_INDEX_ITEMS = 60


@dataclass(frozen=True)
class IndexGroup:
    """The index in one group: respondents with an index, its mean and SD (None when hidden)."""

    group: str
    n: int | None
    mean: float | None
    sd: float | None
    #: the share (%) whose index lies in the top two answers (index ≥ k − 1), where every question has k answers
    top2_pct: float | None = None
    #: with weights (:mod:`lmp_core.compute.weights`): Kish's effective n, the weighted mean and SD
    n_eff: float | None = None
    weighted_mean: float | None = None
    weighted_sd: float | None = None
    #: respondents per half-point band of the index (:attr:`Index.bands`; empty when hidden)
    distribution: tuple[int, ...] = ()


@dataclass(frozen=True)
class Index:
    """One index: its questions, reliability, and statistics per group."""

    name: str
    items: tuple[str, ...]
    reversed: tuple[str, ...]
    min_share: float
    n: int  # respondents who answered both of at least one pair (the reliability's base)
    alpha: float | None
    alpha_ci: tuple[float, float] | None
    omega: float | None
    item_rest: dict[str, float | None]
    alpha_if_dropped: dict[str, float | None]
    stats: tuple[IndexGroup, ...]
    comparisons: tuple[Comparison, ...]
    #: the edges of the half-point bands the distribution counts ([1, 1.5), [1.5, 2), …, [k − 0.5, k])
    bands: tuple[float, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """The JSON contract (README): name, items, reversed, min_share, alpha, alpha_ci, omega, item_rest, …"""
        return {"name": self.name, "items": list(self.items), "reversed": list(self.reversed),
                "min_share": self.min_share, "n": self.n, "alpha": self.alpha,
                "alpha_ci": list(self.alpha_ci) if self.alpha_ci else None, "omega": self.omega,
                "item_rest": self.item_rest, "alpha_if_dropped": self.alpha_if_dropped,
                "bands": list(self.bands),
                "stats": [{"group": s.group, "n": s.n, "mean": s.mean, "sd": s.sd, "top2_pct": s.top2_pct,
                           "distribution": list(s.distribution) or None,
                           **({"weighted": {"n_eff": s.n_eff, "mean": s.weighted_mean, "sd": s.weighted_sd}}
                              if s.n_eff is not None else {})} for s in self.stats],
                "comparisons": [{"a": c.a, "b": c.b, "d": c.d, "d_ci": list(c.d_ci) if c.d_ci else None}
                                for c in self.comparisons]}


def _finite(x: float) -> float | None:
    """A number, or None where it is undefined (no variance: NaN or infinite)."""
    return float(x) if np.isfinite(x) else None


def covariances(sums: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The pairwise covariance and correlation matrices from a pair's sums (n, S, Q, P of
    :func:`lmp_core.counting.index_sums.pair_sums`): cov = (P − SᵢSⱼ/n)/(n − 1) and
    corr = (nP − SᵢSⱼ)/√((nQᵢ − Sᵢ²)(nQⱼ − Sⱼ²)); NaN where a pair has fewer than two rows or no variance."""
    n, sums_, squares, products = sums
    with np.errstate(invalid="ignore", divide="ignore"):
        cov = (products - sums_ * sums_.T / n) / (n - 1)
        spread = n * squares - sums_**2  # n² times column i's variance over the pair's rows (×(n−1)/n)
        corr = (n * products - sums_ * sums_.T) / np.sqrt(spread * spread.T)
    # a column without variance over a pair's rows: exactly 0 for whole-number scores; allow for rounding otherwise
    flat = spread <= 1e-9 * n * squares
    cov[n < 2] = np.nan
    corr[(n < 2) | flat | flat.T] = np.nan
    np.fill_diagonal(corr, np.where(np.isnan(np.diag(corr)), np.nan, 1.0))
    return cov, corr


def pairwise(data: pd.DataFrame | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The covariance and correlation matrices of ``data``'s columns, each pair over the rows that have both
    (pairwise complete, as pandas' ``DataFrame.cov()``/``corr()``, R's ``use="pairwise"`` and psych compute
    them; NaN where a pair has fewer than two rows or no variance): :func:`covariances` of the sums
    :func:`lmp_core.counting.index_sums.pair_sums` makes with four matrix products, a block of rows at a time. For
    200,000 answers to 50 questions this takes a tenth of a second, where pandas' loop over the pairs takes 0.8 s.
    """
    return covariances(pair_sums(np.asarray(data, dtype=float)))


def omega_total(data: pd.DataFrame | np.ndarray, corr: np.ndarray | None = None) -> float | None:
    """McDonald's omega of a one-factor model on the pairwise correlations of ``data`` (one column per question;
    ``corr``: those correlations, when :func:`pairwise` has made them already).

    None for fewer than three questions, a question without variance, or a model that does not fit.
    """
    if data.shape[1] < 3:
        return None
    return omega_of(pairwise(data)[1] if corr is None else corr)


def omega_of(corr: np.ndarray) -> float | None:
    """:func:`omega_total` from the pairwise correlations themselves."""
    if corr.shape[0] < 3:
        return None
    if not np.isfinite(corr).all():
        return None
    import warnings

    from statsmodels.multivariate.factor import Factor

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fit = Factor(corr=corr, n_factor=1, method="pa").fit(maxiter=500, tol=1e-10)
    except (ValueError, np.linalg.LinAlgError):
        return None
    loadings = np.asarray(fit.loadings)[:, 0]
    if loadings.sum() < 0:  # a factor's sign is arbitrary: turn it so that it runs with the index
        loadings = -loadings
    common = loadings.sum() ** 2
    unique = np.clip(1 - loadings**2, 0, None).sum()
    return _finite(common / (common + unique))


def _alpha(cov: np.ndarray, n: int, confidence: float = 0.95) -> tuple[float, tuple[float, float]]:
    """Cronbach's alpha, k/(k − 1)·(1 − tr C/ΣC) on the pairwise covariances C, and Feldt's interval,
    1 − (1 − α)·F⁻¹ with n − 1 and (n − 1)(k − 1) degrees of freedom (n: the rows, answered or not), which is
    what ``pingouin.cronbach_alpha(nan_policy="pairwise")`` returns before it rounds the interval to three
    decimals (tests/test_indices.py compares them)."""
    from scipy.special import fdtri  # the F distribution's quantile (scipy.stats is not loaded for it)

    k = cov.shape[0]
    with np.errstate(invalid="ignore", divide="ignore"):  # no variance: alpha is undefined (None by the caller)
        alpha = k / (k - 1) * (1 - np.trace(cov) / cov.sum())
    df1, df2 = n - 1, (n - 1) * (k - 1)
    low, high = (1 - (1 - alpha) * fdtri(df1, df2, q) for q in (0.5 + confidence / 2, 0.5 - confidence / 2))
    return float(alpha), (float(low), float(high))


def _position(survey: Survey, column: str) -> int:
    """A question's position among the survey's items; refused with the choices for any other column."""
    j = survey.item_index(column)
    if j is None:
        raise SurveyError("unknown_item", column=column, choices=", ".join(it.column for it in survey.items))
    return j


def _score_table(item: Item) -> np.ndarray:
    """A question's score by code: NaN for 0 (blank) and for the answers after the scale ("Vet ikke")."""
    return np.array([np.nan, *item.scale.scores, *[np.nan] * len(item.other_labels)], dtype=float)


def score_matrix(survey: Survey, columns: Sequence[str]) -> np.ndarray:
    """Each respondent's score on each question, one row per respondent and one column per question (NaN for
    blank or "Vet ikke")."""
    out = np.empty((survey.n_rows, len(columns)))
    for i, column in enumerate(columns):
        j = _position(survey, column)
        out[:, i] = _score_table(survey.items[j])[survey.codes[:, j]]
    return out


def scores(survey: Survey, columns: Sequence[str]) -> pd.DataFrame:
    """:func:`score_matrix` as a table with the questions' columns."""
    return pd.DataFrame(score_matrix(survey, columns), columns=list(columns), copy=False)


def make_index(survey: Survey, columns: Sequence[str], *, name: str, group: str | None = None,
               min_share: float = MIN_SHARE, held: HeldBack | None = None,
               min_group_size: int = MIN_GROUP_SIZE, lang: str = "nb", weights: np.ndarray | None = None) -> Index:
    """The index of ``columns`` (at least two questions) with its reliability and per-group statistics
    (:func:`index_from_sums` on the respondents' sums); with ``weights`` (one per respondent row, NaN: none) each
    shown group also gets its weighted mean and SD and Kish's effective n
    (:func:`lmp_core.compute.weights.weighted_mean_sd`). Reliability stays unweighted."""
    if len(columns) < 2:
        raise SurveyError("index_too_few", name=name)
    positions = [_position(survey, c) for c in columns]
    codes, names = group_codes(survey, group, lang)
    keep = None if held is None or not held.rows.any() else ~held.rows
    # an answer a question view holds back is in no index figure either (its n, mean, bands, reliability)
    answers, read_at = (survey.codes, positions) if held is None else held.shown_codes(survey.codes, positions)
    sums, value = sums_from_codes(answers, read_at, [_score_table(survey.items[j]) for j in positions], codes,
                                  len(names), min_share * len(columns), keep, row_values=weights is not None)
    weighted = None
    if weights is not None and value is not None:
        from lmp_core.compute.weights import weighted_mean_sd

        w_all = np.asarray(weights, dtype=float)
        weighted = []
        for g in range(len(names)):
            has = (codes == g) & np.isfinite(value) & np.isfinite(w_all)
            w_mean, w_sd, n_eff = weighted_mean_sd(value[has], w_all[has]) \
                if shown(sums.per_group[g].sum(), min_group_size) else (None, None, None)
            weighted.append((n_eff, w_mean, w_sd))
    return index_from_sums(name, [survey.items[survey.item_index(c)] for c in columns], sums, names,
                           min_share=min_share, min_group_size=min_group_size, weighted=weighted)


def _moments(values: np.ndarray, counts: np.ndarray) -> tuple[int, float, float]:
    """n, mean and SD (n − 1) of ``values`` where each occurs ``counts`` times; the sums exactly rounded
    (``math.fsum``), so they do not depend on how the respondents were ordered."""
    n = int(counts.sum())
    mean = math.fsum(values * counts) / n if n else math.nan
    sd = math.sqrt(math.fsum(counts * (values - mean) ** 2) / (n - 1)) if n > 1 else math.nan
    return n, mean, sd


def index_from_sums(name: str, items: Sequence[Item], sums: IndexSums, names: Sequence[str], *,
                    min_share: float = MIN_SHARE, min_group_size: int = MIN_GROUP_SIZE,
                    weighted: Sequence[tuple[float | None, float | None, float | None]] | None = None) -> Index:
    """The index of ``items`` from its sums (:class:`lmp_core.counting.index_sums.IndexSums`, made in memory by
    :func:`make_index` or by a database's query), per group of ``names``; a group under ``min_group_size``
    respondents with an index is hidden. ``weighted``: per group (n_eff, mean, SD) of the weighted index."""
    columns = [it.column for it in items]
    k = len(items)
    cov, corr = covariances(sums.pairs)  # each pair over the respondents who answered both, as psych and pingouin
    total, trace, rows = cov.sum(), np.trace(cov), cov.sum(axis=1)
    alpha, ci = _alpha(cov, sums.rows)
    item_rest, dropped = {}, {}
    for i, column in enumerate(columns):
        rest_var = total - 2 * rows[i] + cov[i, i]  # the variance of the other questions' sum
        with np.errstate(invalid="ignore", divide="ignore"):
            item_rest[column] = _finite((rows[i] - cov[i, i]) / np.sqrt(cov[i, i] * rest_var))
            if k >= 3:  # alpha of the others, from the same matrix: what pingouin gives on them (k/(k-1)(1-tr/sum))
                dropped[column] = _finite((k - 1) / (k - 2) * (1 - (trace - cov[i, i]) / rest_var))
    all_scores = [x for it in items for x in it.scale.scores]
    bands = np.arange(min(all_scores), max(all_scores) + 0.25, 0.5)
    # a top-2 share means something only where every question has the same answers: the index is then on their
    # scale, and "top two" is an index of at least the second highest score
    highs = {tuple(it.scale.scores) for it in items}
    top_from = sorted(next(iter(highs)))[-2] if len(highs) == 1 and len(next(iter(highs))) >= 3 else None
    stats: list[IndexGroup] = []
    as_group_stats: list[GroupStats] = []
    for g, label in enumerate(names):
        counts = sums.per_group[g]
        n, mean_, sd_ = _moments(sums.values, counts)
        visible = shown(n, min_group_size)
        mean = mean_ if visible and n else None
        sd = sd_ if visible and n > 1 else None
        top2 = float(100 * (counts[sums.values >= top_from].sum() / n)) if visible and n and top_from is not None \
            else None
        # half-point bands, the last one closed ([k − 0.5, k]), as numpy's histogram counts them
        distribution = tuple(int(v) for v in np.histogram(sums.values, bins=bands, weights=counts)[0]) \
            if visible and n else ()
        extra = weighted[g] if weighted is not None and visible else (None, None, None)
        stats.append(IndexGroup(label, n if visible else None, mean, sd, top2, *extra, distribution=distribution))
        as_group_stats.append(GroupStats(label, n if visible else 0, 0, 0, {}, {}, None, None, None, None, mean, sd,
                                         None, suppressed=not visible))
    comparisons = compare_groups(as_group_stats, names) if len(names) > 1 else []
    return Index(name, tuple(columns), tuple(it.column for it in items if it.reversed), min_share, sums.answered,
                 _finite(alpha), (float(ci[0]), float(ci[1])) if _finite(alpha) is not None else None,
                 omega_of(corr), item_rest, dropped, tuple(stats), tuple(comparisons),
                 tuple(float(b) for b in bands))


def index_sets(items: Sequence[Item], themes: Sequence[str], custom: Mapping[str, Sequence[str]] | None = None,
               max_items: int | None = None) -> dict[str, list[str]]:
    """Each index's name and questions among ``items``: the ``themes`` (``["all"]``: every theme with two or more
    questions; with ``max_items``, only themes of at most that many) and ``custom`` (name → questions the user
    picked). An unknown theme or question is refused with the choices named."""
    known = list(dict.fromkeys(it.theme for it in items if it.theme))
    size = {t: sum(it.theme == t for it in items) for t in known}
    chosen = [t for t in known if size[t] >= 2] if list(themes) == ["all"] else list(themes)
    if max_items is not None:  # the app and the report: themes of a sensible size only
        chosen = [t for t in chosen if size.get(t, 0) <= max_items]
    unknown = [t for t in chosen if t not in known]
    if unknown:
        raise SurveyError("unknown_theme", themes=", ".join(unknown), choices=", ".join(known))
    sets = {theme: [it.column for it in items if it.theme == theme] for theme in chosen}
    columns = {it.column for it in items}
    for name, picked in (custom or {}).items():
        for column in picked:
            if column not in columns:
                raise SurveyError("unknown_item", column=column, choices=", ".join(it.column for it in items))
        sets[name] = list(dict.fromkeys(picked))
    return sets


def view_indices(source: Survey | Counts, request: ViewRequest, themes: Sequence[str], *,
                 lang: str = "nb", max_items: int | None = None, weights: Weights | None = None,
                 custom: Mapping[str, Sequence[str]] | None = None,
                 sums: Mapping[str, IndexSums] | None = None, held: HeldBack | None = None) -> list[Index]:
    """The indices of ``themes`` and ``custom`` (:func:`index_sets`) for the same view: its group, its minimum
    and the respondents its grouping columns hold back (:mod:`lmp_core.compute.indices`).

    ``source`` counts from a database: ``sums`` are the indices' sums its query made, under the same rule
    (:func:`lmp_core.counting.database.count_in_database` with the same sets); a frequency table has none.
    ``held``: what the request's grouping columns hold back, when the caller has it already."""
    sets = index_sets(source.items, themes, custom, max_items)
    if isinstance(source, Counts):
        if sums is None or any(name not in sums for name in sets):
            raise SurveyError("freq_no_index", file=source.source)
        for name, columns in sets.items():
            if len(columns) < 2:
                raise SurveyError("index_too_few", name=name)
        return [index_from_sums(name, [source.items[source.item_index(c)] for c in columns], sums[name],
                                source.groups, min_share=MIN_SHARE, min_group_size=request.min_group_size)
                for name, columns in sets.items()]
    groupings = request.own_groupings if request.groupings is None else request.groupings
    source = pooled(source, groupings, request.min_group_size, lang)  # the groups the question views show
    if held is None:
        held = held_back(source, request.min_group_size, groupings)
    return [make_index(source, columns, name=name, group=request.group, held=held,
                       min_group_size=request.min_group_size, lang=lang,
                       weights=weights.values if weights is not None else None)
            for name, columns in sets.items()]
