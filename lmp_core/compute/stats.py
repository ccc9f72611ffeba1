"""Counts -> shares, intervals, means, SDs and effect sizes, for every item and group at once.

Missing-value rule: "don't know"-type answers and blanks are left out of means, SDs and (by
default) percentage bases; n is the number of substantive answers. Scores are 1..k in scale order
(0..10 for eleven-point scales), whatever codes the file used.

Formulas (n = substantive answers, x = scores, N = invited population of the group):

* share of an answer or of the top-k answers: p = count / n (base n + don't know with
  ``dont_know_in_base=True``); 95 % Wilson interval: (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n),
  clipped to [0, 1], the closed form of ``statsmodels``' ``proportion_confint(method="wilson")`` (:func:`wilson`).
* mean m = Σx/n; sample SD s = √(Σ(x−m)²/(n−1)) (undefined for n = 1); interval
  m ± t(0.975, n−1)·s/√n.
* finite population correction when N is known (the whole population was invited):
  FPC = √((N−n)/(N−1)) multiplies the standard error; Wilson uses the effective n = n/FPC².
* Cohen's d as the report computes it (default): (m₁−m₂)/√((s₁²+s₂²)/2); pooled d:
  (m₁−m₂)/√(((n₁−1)s₁²+(n₂−1)s₂²)/(n₁+n₂−2)); Hedges' g = pooled d · J, exact
  J = Γ(df/2)/(√(df/2)·Γ((df−1)/2)), df = n₁+n₂−2. Signed a − b.
* intervals for the effect sizes (level ``confidence``), each matching its own d: the report's d:
  Bonett (2008), d ± z·SE, SE = √(d²(s₁⁴/(n₁−1) + s₂⁴/(n₂−1))/(8s⁴) + (s₁²/(n₁−1) + s₂²/(n₂−1))/s²)
  with s² = (s₁²+s₂²)/2 (R statpsych ``ci.stdmean2``, "unweighted standardizer"); pooled d and
  Hedges' g: Hedges & Olkin (1985), e ± t(n₁+n₂−2)·SE, SE = √((n₁+n₂)/(n₁n₂) + e²/(2(n₁+n₂))) for
  the effect e (pingouin ``compute_esci``, R effsize ``cohen.d``).
* size words of the report's Tabell 1.1 on |d| at the printed precision (two decimals):
  < 0.20 ingen/svak, 0.20–0.49 liten, 0.50–0.79 moderat, ≥ 0.80 stor.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import numpy as np
from scipy import special

from lmp_core.base.catalogue import text
from lmp_core.base.errors import SurveyError
from lmp_core.base.fmt import Pct, render_param
from lmp_core.counting.counts import Counts
from lmp_core.counting.disclosure import MIN_GROUP_SIZE, shown, small
from lmp_core.setup.survey import Item, Note

SHARE_CI_METHOD = "wilson"
#: The method of every interval, as the JSON names it (``Summary.to_dict()["intervals"]``).
INTERVAL_METHODS = {
    "top2_ci": "Wilson score interval (Brown, Cai & DasGupta 2001)",
    "mean_ci": "t interval, mean ± t(n−1)·SD/√n",
    "d_ci": "Bonett (2008): d ± z·SE, SE for the average-variance d",
    "d_pooled_ci": "Hedges & Olkin (1985) SE, d ± t(n₁+n₂−2)·SE",
    "hedges_g_ci": "Hedges & Olkin (1985) SE, g ± t(n₁+n₂−2)·SE",
}
#: Response rates below this (in %) get the non-response warning.
LOW_RESPONSE_RATE = 70.0
#: Groups smaller than this get the "one answer is x points" warning.
SMALL_GROUP = 30
#: With fewer answers than this in either group, a difference gets no size word (its interval says more).
MIN_N_FOR_SIZE = 10
#: "Don't know" shares from this (in %) are flagged.
DONT_KNOW_FLAG = 10.0
#: Message keys of caveats (the rest of a summary's warnings are notes from reading the file)
CAVEAT_PREFIXES = ("warn_", "fw_")
#: Under this response rate (%) the finite population correction's assumption is doubtful
FPC_MIN_RESPONSE_RATE = 80

EffectSize = Literal["d", "d_pooled", "hedges_g"]


def wilson(count: np.ndarray | float, nobs: np.ndarray | float,
           confidence: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Wilson's score interval of ``count`` successes in ``nobs``: the closed form, clipped to [0, 1], that
    ``statsmodels.stats.proportion.proportion_confint(method="wilson")`` computes (tests/test_intervals.py checks
    it against statsmodels). Written out here because that module loads ``scipy.stats``, which costs 0.8 s of
    every command-line run, a third of reading a million respondents; the quantile comes from ``scipy.special``.

    >>> [round(float(x), 4) for x in wilson(9, 10)]
    [0.5958, 0.9821]
    """
    count, nobs = np.asarray(count, dtype=float), np.asarray(nobs, dtype=float)
    z = float(special.ndtri(0.5 + confidence / 2))
    p = count / nobs
    denom = 1 + z**2 / nobs
    center = (p + z**2 / (2 * nobs)) / denom
    half = z * np.sqrt(p * (1 - p) / nobs + z**2 / (4 * nobs**2)) / denom
    return np.clip(center - half, 0, 1), np.clip(center + half, 0, 1)


def magnitude(d: float | None) -> str | None:
    """Size word key of the report's Tabell 1.1 for |d| rounded to two decimals.

    >>> magnitude(0.08), magnitude(-0.196), magnitude(0.5), magnitude(0.8), magnitude(None)
    ('size_none', 'size_small', 'size_moderate', 'size_large', None)
    """
    if d is None or not math.isfinite(d):
        return None
    size = round(abs(d) + 1e-12, 2)
    if size < 0.2:
        return "size_none"
    if size < 0.5:
        return "size_small"
    if size < 0.8:
        return "size_moderate"
    return "size_large"


def hedges_j(df: float) -> float:
    """Exact small-sample correction J = Γ(df/2) / (√(df/2) Γ((df−1)/2)) (JASP, Hedges 1981).

    >>> round(hedges_j(44), 5)
    0.98284
    """
    return float(math.exp(special.gammaln(df / 2) - 0.5 * math.log(df / 2) - special.gammaln((df - 1) / 2)))


@dataclass(frozen=True)
class GroupStats:
    """One item's statistics in one group. Missing numbers are None, with ``reason`` saying why."""

    group: str
    n: int
    dont_know: int
    missing: int
    counts: dict[str, int]
    percents: dict[str, float | None]
    top2_pct: float | None
    top2_ci: tuple[float, float] | None
    bottom2_pct: float | None
    dont_know_pct: float | None
    mean: float | None
    sd: float | None
    mean_ci: tuple[float, float] | None
    suppressed: bool = False
    reason: str | None = None
    reason_params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Comparison:
    """Two groups on one item: signed a − b."""

    a: str
    b: str
    mean_diff: float | None
    d: float | None
    d_pooled: float | None
    hedges_g: float | None
    d_ci: tuple[float, float] | None
    magnitude: str | None
    reason: str | None = None
    d_pooled_ci: tuple[float, float] | None = None
    hedges_g_ci: tuple[float, float] | None = None

    def effect(self, kind: EffectSize = "d") -> float | None:
        """The effect size of the chosen kind."""
        return {"d": self.d, "d_pooled": self.d_pooled, "hedges_g": self.hedges_g}[kind]

    def interval(self, kind: EffectSize = "d") -> tuple[float, float] | None:
        """The interval that belongs to the effect size of the chosen kind (:data:`INTERVAL_METHODS`)."""
        return {"d": self.d_ci, "d_pooled": self.d_pooled_ci, "hedges_g": self.hedges_g_ci}[kind]

    def higher(self) -> str | None:
        """The group with the higher mean, or None when equal or unknown."""
        if self.mean_diff is None or self.mean_diff == 0:
            return None
        return self.a if self.mean_diff > 0 else self.b


@dataclass(frozen=True)
class ItemSummary:
    """An item with its per-group statistics and pairwise comparisons."""

    item: Item
    stats: tuple[GroupStats, ...]
    comparisons: tuple[Comparison, ...]

    def group(self, name: str) -> GroupStats:
        """The statistics of one group."""
        for s in self.stats:
            if s.group == name:
                return s
        raise KeyError(name)


@dataclass(frozen=True)
class GroupInfo:
    """A group's respondents, invited population and response rate (in %)."""

    name: str
    respondents: int
    population: int | None
    response_rate: float | None
    suppressed: bool = False


@dataclass(frozen=True)
class Summary:
    """Everything the report shows for a set of items and groups."""

    groups: tuple[GroupInfo, ...]
    items: tuple[ItemSummary, ...]
    warnings: tuple[Note, ...]
    top_k: int = 2
    dont_know_in_base: bool = False
    fpc: bool = False
    min_group_size: int = MIN_GROUP_SIZE
    group_column: str | None = None
    confidence: float = 0.95

    def item(self, column: str) -> ItemSummary:
        """The summary of one item by column name."""
        for it in self.items:
            if it.item.column == column:
                return it
        raise KeyError(column)

    def sorted(self, by: Literal["file", "top2", "mean"] = "file", group: str | None = None) -> Summary:
        """Items ranked as the report's text ranks them: highest top-2 share or mean first.

        The key is ``group``'s value (the first shown group when None); items without one go last.
        """
        if by == "file" or not self.items:
            return self
        names = [g.name for g in self.groups if not g.suppressed]
        name = group if group in names else (names[0] if names else None)

        def key(it: ItemSummary) -> float:
            if name is None:
                return math.inf
            s = it.group(name)
            value = s.top2_pct if by == "top2" else s.mean
            return -value if value is not None else math.inf

        return replace(self, items=tuple(sorted(self.items, key=key)))

    def warning_texts(self, lang: str = "nb") -> list[str]:
        """The warnings as sentences in ``lang``."""
        return [note_text(key, params, lang) for key, params in self.warnings]

    def caveat_groups(self, lang: str = "nb") -> list[list[str]]:
        """The caveats (not the notes from reading the file) as sentences, one list per kind, in order."""
        groups: dict[str, list[str]] = {}
        for key, params in self.warnings:
            if key.startswith(CAVEAT_PREFIXES):
                groups.setdefault(key, []).append(note_text(key, params, lang))
        return list(groups.values())

    def reading_notes(self, lang: str = "nb") -> list[str]:
        """The notes from reading the file (decoding, typos, left-out answers) as sentences."""
        return [note_text(key, params, lang) for key, params in self.warnings if not key.startswith(CAVEAT_PREFIXES)]

    def to_dict(self, lang: str = "nb") -> dict[str, Any]:
        """The stable JSON contract of ``python -m lmp_core summarize --format json``."""
        return {
            "groups": [{"name": g.name, "respondents": None if g.suppressed else g.respondents,
                        "population": g.population, "response_rate": None if g.suppressed else g.response_rate,
                        **({"suppressed": True} if g.suppressed else {})} for g in self.groups],
            "items": [
                {
                    "column": it.item.column,
                    "kind": "scale",
                    "question": it.item.question,
                    "theme": it.item.theme,
                    "scale": list(it.item.scale.labels),
                    "stats": [
                        {"group": s.group, "n": None if s.suppressed else s.n,
                         "dont_know": None if s.suppressed else s.dont_know,
                         "missing": None if s.suppressed else s.missing,
                         "counts": None if s.suppressed else s.counts, "top2_pct": s.top2_pct,
                         "top2_ci": _list(s.top2_ci),
                         "mean": s.mean, "sd": s.sd, "mean_ci": _list(s.mean_ci),
                         **({"note": note_text(s.reason, s.reason_params, lang)} if s.reason else {})}
                        for s in it.stats
                    ],
                    "comparisons": [
                        {"a": c.a, "b": c.b, "mean_diff": c.mean_diff, "d": c.d, "d_pooled": c.d_pooled,
                         "hedges_g": c.hedges_g, "d_ci": _list(c.d_ci), "d_pooled_ci": _list(c.d_pooled_ci),
                         "hedges_g_ci": _list(c.hedges_g_ci),
                         "magnitude": text(c.magnitude, lang) if c.magnitude else None,
                         **({"note": text(c.reason, lang)} if c.reason else {})}
                        for c in it.comparisons
                    ],
                }
                for it in self.items
            ],
            "warnings": self.warning_texts(lang),
            "intervals": {
                "level": self.confidence, **INTERVAL_METHODS,
                # the finite population correction narrows the share and mean intervals of these groups only
                "fpc_groups": [g.name for g in self.groups if self.fpc and g.population and not g.suppressed],
            },
        }


def note_text(key: str, params: Mapping[str, Any], lang: str = "nb") -> str:
    """A note's sentence with its numbers formatted for ``lang``."""
    return text(key, lang, **{k: render_param(v, lang) for k, v in params.items()})


def _list(ci: tuple[float, float] | None) -> list[float] | None:
    return None if ci is None else [ci[0], ci[1]]


def _opt(x: float) -> float | None:
    return float(x) if math.isfinite(x) else None


def summarize(
    counts: Counts,
    *,
    populations: Mapping[str, int] | None = None,
    top_k: int = 2,
    dont_know_in_base: bool = False,
    fpc: bool = False,
    confidence: float = 0.95,
    reference: str | None = None,
    min_group_size: int = MIN_GROUP_SIZE,
    notes: Sequence[Note] = (),
    hide: Mapping[str, Note] | None = None,
    hidden_cells: Collection[tuple[str, str]] = (),
) -> Summary:
    """Compute every statistic for every item and group of a counts table.

    ``populations`` gives invited numbers per group (response rates). ``fpc`` applies the finite
    population correction √((N−n)/(N−1)) to the intervals of groups with a population: an explicit
    choice, since it assumes the non-respondents answer like the respondents (a warning says so, and a
    second one when a group's response rate is under 80 %).
    Pairs are all group pairs in order, or each group against ``reference``. Groups with fewer
    than ``min_group_size`` respondents, and cells with fewer substantive answers, are hidden;
    so are the groups in ``hide`` (secondary suppression, :mod:`lmp_core.counting.disclosure`), each with
    the note that says why in place of the usual "fewer than" warning; so are the (item column,
    group) cells in ``hidden_cells``, whose answers disclosure control held back
    (:func:`lmp_core.counting.disclosure.held_back`). A hidden cell shows no numbers at all, not even its n.
    """
    hide = dict(hide or {})
    populations = dict(populations or {})
    for g, value in populations.items():
        if g not in counts.groups:
            raise SurveyError("unknown_population_group", group=g, choices=", ".join(counts.groups))
        respondents = counts.respondents[counts.groups.index(g)]
        if not isinstance(value, (int, np.integer)) or value < respondents:
            raise SurveyError("bad_population", group=g, respondents=respondents, value=value)
    if reference is not None and reference not in counts.groups:
        raise SurveyError("unknown_population_group", group=reference, choices=", ".join(counts.groups))
    if top_k < 1:
        raise SurveyError("bad_top_k", value=top_k)
    table = counts.table.astype(np.float64)
    n_items, _, width = table.shape
    # per-item masks over the category axis: substantive answers, their scores, top-k and bottom-k
    scores = np.zeros((n_items, width))
    sub = np.zeros((n_items, width), dtype=bool)
    top = np.zeros((n_items, width), dtype=bool)
    bottom = np.zeros((n_items, width), dtype=bool)
    dk = np.zeros((n_items, width), dtype=bool)
    for i, it in enumerate(counts.items):
        k = it.scale.k
        sub[i, 1:k + 1] = True
        scores[i, 1:k + 1] = it.scale.scores
        kk = min(top_k, k)
        top[i, k + 1 - kk:k + 1] = True
        bottom[i, 1:1 + kk] = True
        dk[i, k + 1:it.n_categories] = True
    n = (table * sub[:, None, :]).sum(-1)
    n_dk = (table * dk[:, None, :]).sum(-1)
    n_missing = table[:, :, 0]
    base = n + n_dk if dont_know_in_base else n
    with np.errstate(divide="ignore", invalid="ignore"):
        top_count = (table * top[:, None, :]).sum(-1)
        top_pct = 100 * top_count / base
        bottom_pct = 100 * (table * bottom[:, None, :]).sum(-1) / base
        dk_pct = 100 * n_dk / (n + n_dk)
        mean = (table * scores[:, None, :]).sum(-1) / n
        dev2 = (table * (scores[:, None, :] - mean[:, :, None]) ** 2 * sub[:, None, :]).sum(-1)
        sd = np.sqrt(dev2 / (n - 1))
        sd = np.where(n > 1, sd, np.nan)
        # finite population correction per group
        pop = np.array([populations.get(g, np.nan) for g in counts.groups], dtype=np.float64)[None, :]
        use_fpc = fpc & np.isfinite(pop)
        fpc_factor = np.where(use_fpc, np.sqrt(np.clip((pop - n) / (pop - 1), 0, None)), 1.0)
        tcrit = special.stdtrit(np.maximum(n - 1, 1), 0.5 + confidence / 2)  # t quantile
        half = tcrit * sd / np.sqrt(n) * fpc_factor
        n_eff = np.where(fpc_factor > 0, base / fpc_factor**2, np.inf)
        share = top_count / base
    usable = np.isfinite(n_eff) & (base > 0)
    lo, hi = wilson(np.where(usable, share * n_eff, 0), np.where(usable, n_eff, 1), confidence)
    lo = np.where(np.isfinite(n_eff), lo, share)
    hi = np.where(np.isfinite(n_eff), hi, share)
    suppressed_group = [not shown(r, min_group_size) or g in hide for g, r in zip(counts.groups, counts.respondents)]
    items: list[ItemSummary] = []
    for i, it in enumerate(counts.items):
        labels = it.categories
        group_stats: list[GroupStats] = []
        for g, group in enumerate(counts.groups):
            cell = counts.table[i, g]
            ni = int(n[i, g])
            hidden = suppressed_group[g] or small(ni, min_group_size) or (it.column, group) in hidden_cells
            reason, params = None, {}
            if group in hide:
                reason, params = "reason_filter_cell", {"min_n": min_group_size}
            elif hidden:
                reason, params = "reason_suppressed", {"min_n": min_group_size}
            elif ni == 0:
                reason = "reason_n0"
            elif ni == 1:
                reason = "reason_n1"
            ok = ni > 0 and not hidden
            group_stats.append(GroupStats(
                group=group, n=ni if not hidden else 0,
                dont_know=int(n_dk[i, g]) if not hidden else 0,
                missing=int(n_missing[i, g]) if not hidden else 0,
                counts={lab: (int(cell[c + 1]) if not hidden else 0) for c, lab in enumerate(labels)},
                percents={lab: (_opt(100 * cell[c + 1] / base[i, g]) if ok and (c < it.scale.k or dont_know_in_base)
                                else None) for c, lab in enumerate(labels)},
                top2_pct=_opt(top_pct[i, g]) if ok else None,
                top2_ci=(100 * float(lo[i, g]), 100 * float(hi[i, g])) if ok else None,
                bottom2_pct=_opt(bottom_pct[i, g]) if ok else None,
                dont_know_pct=_opt(dk_pct[i, g]) if not hidden else None,
                mean=_opt(mean[i, g]) if ok else None,
                sd=_opt(sd[i, g]) if ok else None,
                mean_ci=((float(mean[i, g] - half[i, g]), float(mean[i, g] + half[i, g]))
                         if ok and math.isfinite(half[i, g]) else None),
                suppressed=hidden, reason=reason, reason_params=params,
            ))
        items.append(ItemSummary(it, tuple(group_stats), tuple(_comparisons(group_stats, counts.groups, reference, confidence))))
    groups = tuple(
        GroupInfo(g, counts.respondents[j], populations.get(g),
                  100 * counts.respondents[j] / populations[g] if populations.get(g) and not suppressed_group[j]
                  else None, suppressed_group[j])
        for j, g in enumerate(counts.groups))
    warnings = list(notes) + _warnings(counts, groups, items, fpc and bool(populations), min_group_size, hide)
    return Summary(groups, tuple(items), tuple(warnings), top_k, dont_know_in_base, fpc and bool(populations),
                   min_group_size, counts.group_column, confidence)


def _pairs(groups: Sequence[str], reference: str | None) -> list[tuple[str, str]]:
    if reference is not None:
        return [(g, reference) for g in groups if g != reference]
    return [(a, b) for i, a in enumerate(groups) for b in groups[i + 1:]]


def bonett_se(d: float, sd1: float, sd2: float, n1: int, n2: int) -> float:
    """Standard error of the average-variance d (Bonett 2008; R statpsych ``ci.stdmean2``).

    SE = √(d²(v₁²/(n₁−1) + v₂²/(n₂−1))/(8s⁴) + (v₁/(n₁−1) + v₂/(n₂−1))/s²), vᵢ = sᵢ², s² = (v₁+v₂)/2.
    statpsych's example: m 20.9 and 19.1, SD 3.85 and 3.19, n 50 and 50 gives SE 0.2053887.

    >>> d = (20.9 - 19.1) / math.sqrt((3.85**2 + 3.19**2) / 2)
    >>> round(bonett_se(d, 3.85, 3.19, 50, 50), 7)
    0.2053887
    """
    v1, v2 = sd1**2, sd2**2
    s2 = (v1 + v2) / 2
    return math.sqrt(d**2 * (v1**2 / (n1 - 1) + v2**2 / (n2 - 1)) / (8 * s2**2) + (v1 / (n1 - 1) + v2 / (n2 - 1)) / s2)


def hedges_olkin_se(effect: float, n1: int, n2: int) -> float:
    """Standard error of pooled d or g: √((n₁+n₂)/(n₁n₂) + e²/(2(n₁+n₂))) (Hedges & Olkin 1985).

    >>> round(hedges_olkin_se(0.5, 30, 30), 6)
    0.262202
    """
    return math.sqrt((n1 + n2) / (n1 * n2) + effect**2 / (2 * (n1 + n2)))


def compare_groups(stats: list[GroupStats], groups: Sequence[str], reference: str | None = None,
                   confidence: float = 0.95) -> list[Comparison]:
    """Each pair of groups (or each against ``reference``): the mean difference, d with its interval and size
    word, pooled d and Hedges' g with theirs. Hidden groups and groups without answers are left out."""
    return _comparisons(stats, groups, reference, confidence)


def _comparisons(stats: list[GroupStats], groups: Sequence[str], reference: str | None,
                 confidence: float = 0.95) -> list[Comparison]:
    by_name = {s.group: s for s in stats}
    out: list[Comparison] = []
    for a_name, b_name in _pairs(groups, reference):
        a, b = by_name[a_name], by_name[b_name]
        if a.suppressed or b.suppressed or a.n == 0 or b.n == 0:
            continue  # asked of one group only, or hidden: nothing to compare
        diff = a.mean - b.mean  # type: ignore[operator]
        if a.sd is None or b.sd is None:
            out.append(Comparison(a_name, b_name, diff, None, None, None, None, None, "reason_n1"))
            continue
        if a.sd == 0 and b.sd == 0:
            out.append(Comparison(a_name, b_name, diff, None, None, None, None, None, "reason_sd0"))
            continue
        d = diff / math.sqrt((a.sd**2 + b.sd**2) / 2)
        df = a.n + b.n - 2
        pooled_sd = math.sqrt(((a.n - 1) * a.sd**2 + (b.n - 1) * b.sd**2) / df)
        d_pooled = diff / pooled_sd
        g = d_pooled * hedges_j(df) if df > 1 else None
        z = float(special.ndtri(0.5 + confidence / 2))  # Bonett: normal quantile
        t = float(special.stdtrit(df, 0.5 + confidence / 2))  # Hedges-Olkin as pingouin and R effsize: t(n1+n2-2)

        def around(e: float, se: float, crit: float) -> tuple[float, float]:
            return (e - crit * se, e + crit * se)

        # under MIN_N_FOR_SIZE answers a size word would claim more than d can tell: the interval is shown instead
        few = min(a.n, b.n) < MIN_N_FOR_SIZE
        out.append(Comparison(
            a_name, b_name, diff, d, d_pooled, g, around(d, bonett_se(d, a.sd, b.sd, a.n, b.n), z),
            None if few else magnitude(d), "reason_few_for_size" if few else None,
            d_pooled_ci=around(d_pooled, hedges_olkin_se(d_pooled, a.n, b.n), t),
            hedges_g_ci=around(g, hedges_olkin_se(g, a.n, b.n), t) if g is not None else None))
    return out


def _warnings(counts: Counts, groups: Sequence[GroupInfo], items: Sequence[ItemSummary], fpc: bool,
              min_group_size: int, hide: Mapping[str, Note]) -> list[Note]:
    out: list[Note] = []
    for g in groups:
        if g.suppressed:
            out.append(hide.get(g.name) or ("warn_suppressed", {"group": g.name, "min_n": min_group_size}))
            continue
        if g.response_rate is not None and g.response_rate < LOW_RESPONSE_RATE:
            out.append(("warn_low_response", {"group": g.name, "rate": Pct(g.response_rate),
                                              "respondents": g.respondents, "population": g.population}))
        if 0 < g.respondents < SMALL_GROUP:
            out.append(("warn_small_group", {"group": g.name, "n": g.respondents, "pct": 100.0 / g.respondents}))
    for j, g in enumerate(groups):
        if g.suppressed:
            continue
        ns = [it.stats[j].n for it in items if it.stats[j].n > 0]
        if ns and min(ns) != max(ns):
            out.append(("warn_unequal_n", {"group": g.name, "n_min": min(ns), "n_max": max(ns)}))
    for it in items:
        for s in it.stats:
            if s.dont_know_pct is not None and s.dont_know_pct >= DONT_KNOW_FLAG:
                out.append(("warn_dont_know", {"question": it.item.question, "group": s.group,
                                               "pct": Pct(s.dont_know_pct), "count": s.dont_know,
                                               "total": s.n + s.dont_know}))
    if counts.no_group:
        out.append(("warn_missing_group", {"count": counts.no_group, "column": counts.group_column}))
    if fpc:
        out.append(("warn_fpc", {}))
        low = [g.name for g in groups if g.response_rate is not None and g.response_rate < FPC_MIN_RESPONSE_RATE]
        if low:
            out.append(("warn_fpc_low_response", {"groups": ", ".join(low), "rate": FPC_MIN_RESPONSE_RATE}))
    unique: list[Note] = []  # one note said once (a filter hides every group with the same note)
    for note in out:
        if note not in unique:
            unique.append(note)
    return unique
