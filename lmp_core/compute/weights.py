"""Weights: a weight column from the file, or non-response weights raked to the invitation list.

Two sources, both chosen by the user, never guessed (a column named "weight" may be body weight):

* :func:`from_column`: design or post-stratification weights shipped in the file (as ESS ships them).
  Every respondent needs a positive number; a blank, zero, negative or non-number is named.
* :func:`rake`: non-response weights from the invitation list. Respondents are matched to the list by
  id (:func:`lmp_core.compute.fieldwork.normalize_id`) and take the list's characteristics. The weights make the
  respondents' weighted counts equal the invited counts on every chosen characteristic: with one
  characteristic that is post-stratification (weight = invited / answered in the respondent's
  category), with more it is raking (iterative proportional fitting of the respondents' crossed table
  to the invited margins, by the library ``ipfn``; the weight of a respondent is the fitted count of
  their cell over the cell's respondents). Weights sum to the number invited: each respondent stands
  for that many invited units. A respondent the list does not know cannot be weighted: they are left out
  of the weighted numbers (never the unweighted), and a note says how many.

Kish's effective sample size of a set of weights is ``n_eff = (Σw)² / Σw²`` and the design effect of
weighting ``deff = n / n_eff`` (Kish 1965). :func:`weighted_stats` gives, per question and group of a
:class:`lmp_core.compute.view.View`, the weighted share in the top categories, mean and SD with intervals that
rest on the cell's own ``n_eff``; the same respondents and answers as the unweighted view, and nothing
for a cell or group the view hides (:mod:`lmp_core.counting.disclosure`).

Representativeness: :func:`balance` gives each characteristic's shares among the invited, the
respondents and the weighted respondents with absolute standardised differences, and
:func:`r_indicator` the R-indicator of Schouten, Cobben and Bethlehem (2009),
``R = 1 − 2·S(ρ̂)``, with ρ̂ each invited unit's response propensity from a logistic regression of
answering on the characteristics (statsmodels) and ``S`` their standard deviation over the invited
(divisor N − 1). R = 1: everyone equally likely to answer; lower: the respondents are less alike the
invited.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from lmp_core.base.errors import SurveyError
from lmp_core.base.rules import MIN_GROUP_SIZE
from lmp_core.counting.disclosure import pooled, small
from lmp_core.setup.survey import Note, Survey

#: Raking stops when every margin is within this share of its target (or after RAKE_ITERATIONS).
RAKE_TOLERANCE = 1e-8
RAKE_ITERATIONS = 1000
#: R-indicator readings: at or above the first value "high", at or above the second "moderate".
R_READINGS = ((0.9, "r_high"), (0.8, "r_moderate"), (-math.inf, "r_low"))


def kish(weights: np.ndarray) -> float:
    """Kish's effective sample size ``(Σw)² / Σw²`` of positive weights (0 for none).

    >>> kish(np.ones(10)), round(kish(np.array([1.0, 1.0, 4.0])), 3)
    (10.0, 2.0)
    """
    w = np.asarray(weights, dtype=float)
    total2 = float(np.dot(w, w))
    return float(w.sum() ** 2 / total2) if total2 > 0 else 0.0


@dataclass(frozen=True, eq=False)
class Weights:
    """One weight per respondent row of a survey (NaN: the respondent cannot be weighted).

    ``method``: ``column`` (from the file), ``poststratification`` (one characteristic) or ``raking``.
    ``variables``: the weight column, or the characteristics weighted by.
    """

    values: np.ndarray
    method: str
    variables: tuple[str, ...]
    notes: tuple[Note, ...] = ()
    r_indicator: float | None = None
    #: raking only: each characteristic's shares among invited, respondents and weighted (:func:`balance`)
    balance: pd.DataFrame | None = None

    @property
    def usable(self) -> np.ndarray:
        """Rows that have a weight."""
        return np.isfinite(self.values)

    @property
    def n(self) -> int:
        """Respondents with a weight."""
        return int(self.usable.sum())

    @property
    def n_eff(self) -> float:
        """Kish's effective sample size of all weighted respondents."""
        return kish(self.values[self.usable])

    @property
    def deff(self) -> float:
        """The design effect of weighting, ``n / n_eff`` (1 = no loss of precision)."""
        return self.n / self.n_eff if self.n_eff else math.nan

    def without(self, rows: np.ndarray | None) -> Weights:
        """These weights with the respondents of ``rows`` (a boolean mask: the rows the disclosure rule holds back,
        :class:`lmp_core.counting.disclosure.HeldBack`) left out, so that ``n``, ``n_eff`` and ``deff`` count only
        respondents some view shows: a total that includes a hidden group would give its size away.

        >>> Weights(np.array([1.0, 2.0, 4.0]), "column", ("w",)).without(np.array([False, False, True])).n
        2
        """
        if rows is None or not rows.any():
            return self
        return replace(self, values=np.where(rows, np.nan, self.values))

    def to_dict(self) -> dict[str, object]:
        """The ``"weighting"`` entry of the command line's JSON."""
        return {"method": self.method, "variables": list(self.variables), "n": self.n,
                "n_eff": self.n_eff, "deff": self.deff, "r_indicator": self.r_indicator}


def _numbers(raw: pd.Series) -> pd.Series:
    """Each value as a number (a decimal comma or point, spaces around ignored); NaN where it is none."""
    return pd.to_numeric(raw.astype("string").str.strip().str.replace(",", ".", regex=False), errors="coerce")


def weight_candidates(survey: Survey) -> tuple[str, ...]:
    """The background columns a user may choose as weights: every value given reads as a number (as
    :func:`from_column` reads it, decimal comma or point), at least one is given, and the column is not the id.

    Checked on the distinct values (a group column of a million rows has a handful).

    >>> from lmp_core.load import read_file
    >>> weight_candidates(read_file(b"g,w,q\\nA,\\"0,5\\",I stor grad\\nB,1.5,I liten grad\\nA,,I stor grad\\n", "x.csv"))
    ('w',)
    """
    out = []
    for column in survey.background.columns:
        if column == survey.id_column:
            continue
        distinct = pd.Series(survey.background[column].dropna().unique())
        if len(distinct) and _numbers(distinct).notna().all():
            out.append(column)
    return tuple(out)


def from_column(survey: Survey, column: str) -> Weights:
    """The weights in ``column`` of the file: every respondent must have a positive number.

    >>> from lmp_core.load import read_file
    >>> s = read_file(b"g,w,q\\nA,0.5,I stor grad\\nB,1.5,I liten grad\\nA,2,I stor grad\\n", "x.csv")
    >>> from_column(s, "w").values.tolist()
    [0.5, 1.5, 2.0]
    """
    if column not in survey.background.columns:
        raise SurveyError("weight_unknown_column", column=column,
                          choices=", ".join(map(str, survey.background.columns)))
    values = _numbers(survey.background[column])
    bad = values.isna() | ~(values > 0)
    if bad.any():
        rows = np.flatnonzero(bad.to_numpy())
        shown = ", ".join(str(int(r) + 2) for r in rows[:10]) + (", …" if len(rows) > 10 else "")  # row 1: header
        raise SurveyError("weight_bad_values", column=column, count=len(rows), rows=shown)
    return Weights(values.to_numpy(dtype=float), "column", (column,))


def rake(survey: Survey, invited: pd.DataFrame, by: Sequence[str], *, response_id: str | None = None,
         invited_id: str | None = None, source: str = "invitation list",
         min_group_size: int = MIN_GROUP_SIZE) -> Weights:
    """Non-response weights that make the respondents match the invited on each of ``by``.

    Each characteristic must be a column of the invitation list, and every category of it that was
    invited must have respondents (else no weight can stand for it: the error names it). The id columns are
    matched as the fieldwork page matches them (:func:`lmp_core.compute.fieldwork.match_ids`; None: found there).
    """
    from lmp_core.compute.fieldwork import match_ids

    by = list(dict.fromkeys(by))
    if not by:
        raise SurveyError("weight_no_characteristics", file=source)
    missing = [c for c in by if c not in invited.columns]
    if missing:
        raise SurveyError("unknown_group_column", column=", ".join(missing), choices=", ".join(invited.columns))
    match = match_ids(survey, invited, response_id=response_id, invited_id=invited_id, source=source)
    row_of = match.rows()  # each response's row in the list (NaN: not in it)
    matched = row_of.notna().to_numpy()
    answered = np.zeros(len(invited), dtype=bool)
    answered[row_of[matched].astype(int).to_numpy()] = True
    # the characteristics as codes over the invited list, the same codes for the respondents
    codes, sizes, names = [], [], []
    for column in by:
        values = invited[column].astype("string").fillna("").str.strip()
        code, uniques = pd.factorize(values, sort=False)
        codes.append(code)
        sizes.append(len(uniques))
        names.append([str(u) for u in uniques])
    targets = [np.bincount(code, minlength=k).astype(float) for code, k in zip(codes, sizes)]
    observed = [np.bincount(code[answered], minlength=k) for code, k in zip(codes, sizes)]
    for column, count_r, cats in zip(by, observed, names):
        empty = [cats[i] for i in np.flatnonzero(count_r == 0)]
        if empty:
            raise SurveyError("weight_empty_category", column=column, values=", ".join(empty[:10]))
    resp_rows = row_of[matched].astype(int).to_numpy()
    cell = np.ravel_multi_index(tuple(code[resp_rows] for code in codes), tuple(sizes))
    table = np.bincount(cell, minlength=int(np.prod(sizes))).reshape(sizes).astype(float)
    if len(by) == 1:
        fitted = targets[0]
    else:
        from ipfn import ipfn

        fitted = ipfn.ipfn(table.copy(), [t.copy() for t in targets], [[i] for i in range(len(by))],
                           convergence_rate=RAKE_TOLERANCE, max_iteration=RAKE_ITERATIONS).iteration()
    per_cell = np.divide(fitted, table, out=np.zeros_like(table), where=table > 0).ravel()
    values = np.full(survey.n_rows, np.nan)
    values[np.flatnonzero(matched)] = per_cell[cell]
    notes: list[Note] = []
    if (~matched).any():
        notes.append(("weight_unmatched", {"count": int((~matched).sum())}))
    method = "poststratification" if len(by) == 1 else "raking"
    list_cell = np.ravel_multi_index(tuple(codes), tuple(sizes))
    list_weights = np.where(answered, per_cell[list_cell], np.nan)
    return Weights(values, method, tuple(by), tuple(notes), r_indicator(invited, answered, by),
                   balance(invited, answered, list_weights, by, min_group_size))


def _dummies(invited: pd.DataFrame, by: Sequence[str]) -> pd.DataFrame:
    """One 0/1 column per category of each characteristic, the first category of each left out."""
    frame = invited[list(by)].astype("string").fillna("").apply(lambda s: s.str.strip())
    return pd.get_dummies(frame, drop_first=True, dtype=float)


def r_indicator(invited: pd.DataFrame, answered: np.ndarray, by: Sequence[str]) -> float | None:
    """Schouten, Cobben and Bethlehem's (2009) R-indicator: ``1 − 2·S(ρ̂)`` over the invited units.

    ρ̂ is the response propensity of a logistic regression of answering on the characteristics'
    categories (statsmodels GLM, binomial); with one characteristic that is its category's response
    rate. None when nobody or everybody answered.

    >>> inv = pd.DataFrame({"g": ["a"] * 4 + ["b"] * 4})
    >>> round(r_indicator(inv, np.array([1, 1, 1, 0, 1, 0, 0, 0], dtype=bool), ["g"]), 4)
    0.4655
    """
    import statsmodels.api as sm

    y = np.asarray(answered, dtype=float)
    if y.min() == y.max():
        return None
    x = sm.add_constant(_dummies(invited, by).to_numpy(), has_constant="add")
    fit = sm.GLM(y, x, family=sm.families.Binomial()).fit()
    rho = np.asarray(fit.fittedvalues)
    return float(1 - 2 * np.std(rho, ddof=1))


def r_reading(value: float) -> str:
    """The catalogue key of an R-indicator's plain reading (high, moderate or low)."""
    return next(key for low, key in R_READINGS if value >= low)


def balance(invited: pd.DataFrame, answered: np.ndarray, weights: np.ndarray, by: Sequence[str],
            min_group_size: int = MIN_GROUP_SIZE) -> pd.DataFrame:
    """Per characteristic and category: the share (%) among the invited, the respondents and the weighted
    respondents, and each one's absolute standardised difference from the invited,
    ``|p − p_inv| / √(p_inv (1 − p_inv))``.

    ``answered`` marks the invited units that answered; ``weights`` holds their weights in list order
    (NaN or 0 for the others). A category with 1 to ``min_group_size − 1`` respondents is ``held``: its
    respondents' shares (from which their number follows) are left out, as on the fieldwork page.
    """
    rows = []
    w = np.where(answered, np.nan_to_num(weights), 0.0)
    for column in by:
        values = invited[column].astype("string").fillna("").str.strip()
        for category in pd.unique(values):
            member = (values == category).to_numpy()
            p_inv = member.mean()
            p_resp = member[answered].mean() if answered.any() else math.nan
            p_w = w[member].sum() / w.sum() if w.sum() > 0 else math.nan
            sd = math.sqrt(p_inv * (1 - p_inv))
            held = small(int(member[answered].sum()), min_group_size)
            rows.append({"characteristic": column, "category": str(category), "invited": 100 * p_inv,
                         "respondents": math.nan if held else 100 * p_resp, "weighted": math.nan if held else 100 * p_w,
                         "asmd_respondents": math.nan if held else (abs(p_resp - p_inv) / sd if sd else 0.0),
                         "asmd_weighted": math.nan if held else (abs(p_w - p_inv) / sd if sd else 0.0),
                         "held": held})
    return pd.DataFrame(rows)


def weighted_mean_sd(x: np.ndarray, w: np.ndarray) -> tuple[float | None, float | None, float]:
    """Weighted mean ``Σw·x / Σw``, SD ``√(Σw(x − m)² / Σw · n_eff / (n_eff − 1))`` and Kish's n_eff of values
    ``x`` with weights ``w`` (None where undefined: no values, or n_eff ≤ 1 for the SD)."""
    n_eff = kish(w)
    if not len(w) or w.sum() <= 0:
        return None, None, n_eff
    mean = float(np.dot(w, x) / w.sum())
    if n_eff <= 1 or len(w) < 2:
        return mean, None, n_eff
    return mean, math.sqrt(float(np.dot(w, (x - mean) ** 2) / w.sum()) * n_eff / (n_eff - 1)), n_eff


@dataclass(frozen=True)
class WeightedStats:
    """One question in one group, weighted. ``n`` counts the respondents the numbers rest on."""

    item: str
    group: str
    n: int
    n_eff: float
    top2_pct: float | None
    top2_ci: tuple[float, float] | None
    mean: float | None
    sd: float | None
    mean_ci: tuple[float, float] | None

    @property
    def deff(self) -> float | None:
        return self.n / self.n_eff if self.n_eff else None

    def to_dict(self) -> dict[str, object]:
        """The ``"weighted"`` entry of a group's statistics in the command line's JSON."""
        return {"n": self.n, "n_eff": self.n_eff, "top2_pct": self.top2_pct,
                "top2_ci": list(self.top2_ci) if self.top2_ci else None, "mean": self.mean, "sd": self.sd,
                "mean_ci": list(self.mean_ci) if self.mean_ci else None}


def weighted_stats(survey: Survey, view: object, weights: Weights, items: Sequence[str] | None = None,
                   lang: str = "nb") -> dict[tuple[str, str], WeightedStats]:
    """(question, group) → weighted statistics for the cells ``view`` shows.

    The rows and answers are the view's own: its filter, without what disclosure control holds back,
    and without respondents who have no weight. Substantive answers only (code 1..k); "Vet ikke" is in
    the share's base when the view puts it there, never in the mean. With ``W = Σw`` over a cell's
    answers: share ``Σw·[top] / W`` with Wilson's interval on ``n_eff`` answers; mean ``m = Σw·x / W``;
    ``SD = √(Σw(x − m)² / W · n_eff / (n_eff − 1))`` (the usual SD when all weights are equal); the
    mean's interval ``m ± t(n_eff − 1) · SD / √n_eff``.
    """
    from scipy import special

    from lmp_core.compute.stats import wilson
    from lmp_core.compute.view import View
    from lmp_core.counting.counts import group_codes, row_filter

    assert isinstance(view, View)
    request = view.request
    summary = view.summary(items)
    if view.held is not None:  # the view's groups: a protected column's small values pooled into "Øvrige"
        survey = pooled(survey, view.held.columns, request.min_group_size, lang)
    codes_g, _ = group_codes(survey, request.group, lang)
    in_view = (codes_g >= 0) & weights.usable
    if view.held is not None:
        in_view &= ~view.held.rows
    mask = row_filter(survey, request.filter_map)
    if mask is not None:
        in_view &= mask
    groups = list(view.counts.groups)
    w_all = np.nan_to_num(weights.values)
    z = request.confidence
    out: dict[tuple[str, str], WeightedStats] = {}
    for it in summary.items:
        j = survey.item_index(it.item.column)
        if j is None:
            continue
        k = len(it.item.scale.labels)
        answer = survey.codes[:, j].astype(np.int64)
        rows = in_view & (answer > 0)
        if view.held is not None and j in view.held.answers:
            rows &= ~view.held.answers[j]
        substantive = rows & (answer <= k)
        base = rows if request.dont_know_in_base else substantive
        top = substantive & (answer > k - request.top_k)
        for s in it.stats:
            if s.suppressed or s.group not in groups:
                continue
            in_group = codes_g == groups.index(s.group)
            sub, bas = substantive & in_group, base & in_group
            wb, ws, x = w_all[bas], w_all[sub], answer[sub].astype(float)
            n_base, n_eff_base = int(bas.sum()), kish(wb)
            share = ci = mean = sd = mean_ci = None
            if n_base and wb.sum() > 0:
                share = 100 * float(w_all[top & in_group].sum() / wb.sum())
                lo, hi = wilson(share / 100 * n_eff_base, n_eff_base, z)
                ci = (100 * float(lo), 100 * float(hi))
            mean, sd, n_eff = weighted_mean_sd(x, ws)
            if mean is not None and sd is not None:
                half = float(special.stdtrit(n_eff - 1, 0.5 + z / 2)) * sd / math.sqrt(n_eff)
                mean_ci = (mean - half, mean + half)
            out[(it.item.column, s.group)] = WeightedStats(it.item.column, s.group, int(sub.sum()), n_eff,
                                                           share, ci, mean, sd, mean_ci)
    return out


@dataclass(frozen=True)
class WeightedComparison:
    """Two groups on one question, weighted: d = (m_a − m_b) / √((SD_a² + SD_b²)/2) of the weighted means and
    SDs, Bonett's interval on the cells' effective n, and the size word (none under 10 effective answers)."""

    item: str
    a: str
    b: str
    d: float | None
    d_ci: tuple[float, float] | None
    magnitude: str | None

    def to_dict(self) -> dict[str, object]:
        return {"d": self.d, "d_ci": list(self.d_ci) if self.d_ci else None}


def weighted_comparisons(summary: object, cells: Mapping[tuple[str, str], WeightedStats],
                         confidence: float = 0.95) -> dict[tuple[str, str, str], WeightedComparison]:
    """(question, a, b) → the weighted d of every pair the unweighted summary compares."""
    from scipy import special

    from lmp_core.compute.stats import MIN_N_FOR_SIZE, Summary, bonett_se, magnitude

    assert isinstance(summary, Summary)
    z = float(special.ndtri(0.5 + confidence / 2))
    out: dict[tuple[str, str, str], WeightedComparison] = {}
    for it in summary.items:
        for c in it.comparisons:
            wa, wb = cells.get((it.item.column, c.a)), cells.get((it.item.column, c.b))
            d = ci = size = None
            if wa and wb and None not in (wa.mean, wb.mean, wa.sd, wb.sd) and (wa.sd or wb.sd) \
                    and wa.n_eff > 1 and wb.n_eff > 1:
                d = (wa.mean - wb.mean) / math.sqrt((wa.sd**2 + wb.sd**2) / 2)  # type: ignore[operator]
                se = bonett_se(d, wa.sd, wb.sd, wa.n_eff, wb.n_eff)  # type: ignore[arg-type]
                ci = (d - z * se, d + z * se)
                size = magnitude(d) if min(wa.n_eff, wb.n_eff) >= MIN_N_FOR_SIZE else None
            out[(it.item.column, c.a, c.b)] = WeightedComparison(it.item.column, c.a, c.b, d, ci, size)
    return out
