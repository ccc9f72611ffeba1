"""Each shown group beside a reference figure (national, county, last year's): the difference with its interval.

For every question and index of a view that a reference figure (:mod:`lmp_core.read.reference`) names, and every
group the view shows, the group's own figure is compared with the reference. Like is compared with like only:

- a **mean** with a mean on the same range (the question's scores 1..k, or 0..10; an index's items' range);
- a **top-2 share** with a top-2 share, and only when the view counts the top two answers (``top_k`` 2);
- an index with a mean only.

Anything else, and a reference suppressed (``*``), broken (⚡) or blank at the source, gives a reason and no
number. A group or cell that the view holds back gets no comparison at all, so no difference can disclose it.

**The reference as a fixed figure** (the national figure: its sampling error is negligible beside the group's):

- mean: one-sample t, t = (m − r)/(s/√n), df = n − 1; difference m − r with the interval
  (m − r) ± t(1 − α/2, n − 1)·s/√n (``scipy.stats.ttest_1samp(x, popmean=r)`` on the answers);
- top-2 share: the score test z = (p̂ − r)/√(r(1 − r)/n) (``statsmodels`` ``proportions_ztest(k, n, value=r,
  prop_var=r)``) with the group's Wilson interval minus r, the interval the tool gives every share; the two agree
  (the Wilson interval is the set of r the score test does not reject).

**The reference includes the group** (a municipality's figure that contains this school), given the reference's
N: the group is compared with the *rest* of the reference, whose figure is (N·r − n·m)/(N − n); the published
difference m − r is (1 − n/N) times the difference to the rest, so it is shrunk towards 0.

- mean with the reference's SD s_T: the rest's SD from the sums of squares,
  s_R² = ((N − 1)s_T² − (n − 1)s² − n(m − r)² − (N − n)(m_R − r)²)/(N − n − 1), and Welch's t test of the group
  against the rest (``scipy.stats.ttest_ind(group, rest, equal_var=False)``); without s_T the rest is taken as a
  fixed figure (one-sample t against m_R, with a note);
- share: the rest has N·r − k of N − n in its top two; Newcombe's hybrid score interval for the difference and the
  pooled two-proportion z test (``proportions_ztest([k, k_R], [n, N − n])``).

**Many questions at once**: the p-values of all comparisons of one request are adjusted together with Holm's
method, the tool's correction wherever it tests many differences (:func:`lmp_core.compute.groups.holm`); a
difference is called clear when its Holm-adjusted p is below 0.05. The intervals are the unadjusted 95 % ones.

Missing-value rule: the group's figure is the view's (substantive answers only; "Vet ikke" and blanks left out, in
the share's base only with ``dont_know_in_base``), unweighted; the finite population correction is not applied here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from scipy import special

from lmp_core.base.catalogue import text
from lmp_core.base.errors import Note
from lmp_core.base.fmt import NBSP, PValue, number, render_param
from lmp_core.compute.groups import ALPHA, holm
from lmp_core.compute.stats import Summary, wilson
from lmp_core.read.reference import References, ReferenceValue, _fold

if TYPE_CHECKING:
    from lmp_core.compute.indices import Index
    from lmp_core.compute.view import View
    from lmp_core.counting.counts import Counts
    from lmp_core.setup.survey import Item, Survey

Interval = tuple[float, float]


@dataclass(frozen=True)
class Difference:
    """A difference (group − what it is compared with), its interval, p and the method's name."""

    difference: float
    ci: Interval | None
    p: float | None
    method: str


@dataclass(frozen=True)
class ReferenceComparison:
    """One group on one question or index beside its reference figure.

    ``against`` is ``"reference"`` (a fixed figure) or ``"rest"`` (the reference without the group); ``compared_with``
    is that figure. Without a number, ``reason`` (a catalogue key) says why."""

    target: str
    kind: str  # "question" or "index"
    question: str
    group: str
    reference: ReferenceValue
    own: float | None = None
    n: int | None = None
    against: str | None = None
    compared_with: float | None = None
    difference: float | None = None
    ci: Interval | None = None
    p: float | None = None
    p_holm: float | None = None
    method: str = ""
    reason: str | None = None
    reason_params: dict[str, Any] = field(default_factory=dict)

    @property
    def statistic(self) -> str:
        """``mean`` or ``top2`` (the reference's)."""
        return self.reference.statistic

    def clear(self, alpha: float = ALPHA) -> bool:
        """True when the Holm-adjusted p is below ``alpha``."""
        return self.p_holm is not None and self.p_holm < alpha

    def direction(self, alpha: float = ALPHA) -> str:
        """``higher``, ``lower`` or ``unclear``."""
        if not self.clear(alpha) or self.difference is None or self.difference == 0:
            return "unclear"
        return "higher" if self.difference > 0 else "lower"

    def reason_text(self, lang: str = "nb") -> str | None:
        """Why there is no number, in ``lang``."""
        if self.reason is None:
            return None
        return text(self.reason, lang, **{k: render_param(v, lang) for k, v in self.reason_params.items()})

    def sentence(self, lang: str = "nb") -> str:
        """The plain sentence: the figures, the difference with its interval and what can be said."""
        label = self.reference.label or self.reference.source or text("ref_value_missing", lang)
        ref = reference_text(self.reference, lang)
        if self.difference is None:
            return text("ref_sentence_none", lang, group=self.group, ref=ref, label=label,
                        reason=self.reason_text(lang) or "")
        fig = _figure(self.statistic, lang)
        lo, hi = self.ci if self.ci else (math.nan, math.nan)
        direction = self.direction()
        params = {"group": self.group, "own": fig(self.own), "ref": ref, "label": label,
                  "diff": _diff(abs(self.difference), self.statistic, lang),
                  "signed": _diff(self.difference, self.statistic, lang, signed=True),
                  "lo": _diff(lo, self.statistic, lang, signed=True), "hi": _diff(hi, self.statistic, lang, signed=True),
                  "p": render_param(PValue(self.p_holm), lang) if self.p_holm is not None else "p = –"}
        out = text(f"ref_sentence_{direction}", lang, **params)
        if self.against == "rest":
            out += text("ref_sentence_rest", lang, rest=fig(self.compared_with))
        return out

    def to_dict(self, lang: str = "nb") -> dict[str, object]:
        """One entry of the JSON's ``reference.comparisons``."""
        return {"target": self.target, "kind": self.kind, "group": self.group, "statistic": self.statistic,
                "reference": self.reference.value, "reference_status": self.reference.status,
                "reference_label": self.reference.label, "reference_n": self.reference.n,
                "own": self.own, "n": self.n, "against": self.against, "compared_with": self.compared_with,
                "difference": self.difference, "ci": list(self.ci) if self.ci else None, "p": self.p,
                "p_holm": self.p_holm, "clear": self.clear(), "method": self.method or None,
                "reason": self.reason_text(lang), "sentence": self.sentence(lang)}


@dataclass(frozen=True)
class ReferenceResult:
    """Every comparison of one view with its reference figures, and notes on what was not used."""

    comparisons: tuple[ReferenceComparison, ...]
    notes: tuple[Note, ...]
    includes_group: bool
    confidence: float
    source: str = ""

    def of(self, target: str) -> list[ReferenceComparison]:
        """The comparisons of one question column or index name."""
        return [c for c in self.comparisons if c.target == target]

    def note_texts(self, lang: str = "nb") -> list[str]:
        """The notes as sentences."""
        return [text(key, lang, **{k: render_param(v, lang) for k, v in params.items()}) for key, params in self.notes]

    def to_dict(self, lang: str = "nb") -> dict[str, object]:
        """The JSON's ``reference`` block (docs/referanse/kommandolinje.md)."""
        return {"source": self.source, "includes_group": self.includes_group, "level": self.confidence,
                "correction": "Holm", "alpha": ALPHA,
                "comparisons": [c.to_dict(lang) for c in self.comparisons], "notes": self.note_texts(lang)}


def reference_text(ref: ReferenceValue, lang: str = "nb") -> str:
    """The reference figure as shown: its number, or why there is none ("skjermet (*)")."""
    if ref.value is not None and ref.status == "ok":
        return _figure(ref.statistic, lang)(ref.value)
    if ref.status == "suppressed":
        return f"{text('ref_value_suppressed', lang)} ({ref.symbol})"
    if ref.status == "broken":
        shown = _figure(ref.statistic, lang)(ref.value) + " " if ref.value is not None else ""
        return f"{shown}{ref.symbol or '⚡'}"
    return text("ref_value_missing", lang)


def _figure(statistic: str, lang: str):
    if statistic == "top2":
        return lambda v: "–" if v is None else (f"{number(v, 1, lang)}{NBSP}%" if lang == "nb" else f"{number(v, 1, lang)}%")
    return lambda v: number(v, 2, lang)


def _diff(value: float, statistic: str, lang: str, *, signed: bool = False) -> str:
    if not math.isfinite(value):
        return "–"
    shown = number(value, 1 if statistic == "top2" else 2, lang)
    if signed and value > 0:
        shown = "+" + shown
    return shown + ((" prosentpoeng" if lang == "nb" else " percentage points") if statistic == "top2" else "")


def _crit(confidence: float, df: float | None = None) -> float:
    q = 0.5 + confidence / 2
    return float(special.ndtri(q)) if df is None else float(special.stdtrit(df, q))


def mean_fixed(mean: float, sd: float, n: int, ref: float, confidence: float = 0.95) -> Difference:
    """One-sample t of a mean against a fixed figure (module docstring).

    >>> t = mean_fixed(4.2, 0.8, 25, 4.0)
    >>> round(t.difference, 2), [round(x, 3) for x in t.ci], round(t.p, 4)
    (0.2, [-0.13, 0.53], 0.2234)
    """
    se = sd / math.sqrt(n)
    diff = mean - ref
    half = _crit(confidence, n - 1) * se
    p = float(2 * special.stdtr(n - 1, -abs(diff) / se))
    return Difference(diff, (diff - half, diff + half), p, "one-sample t")


def share_fixed(count: float, n: float, ref_pct: float, confidence: float = 0.95) -> Difference:
    """Score test of a share against a fixed figure, with the Wilson interval minus the figure (in points).

    >>> t = share_fixed(18, 25, 60.0)
    >>> round(t.difference, 1), [round(x, 2) for x in t.ci], round(t.p, 4)
    (12.0, [-7.58, 25.72], 0.2207)
    """
    r = ref_pct / 100
    lo, hi = (float(x) for x in wilson(count, n, confidence))
    p_hat = count / n
    p = None if r in (0.0, 1.0) else float(2 * special.ndtr(-abs(p_hat - r) / math.sqrt(r * (1 - r) / n)))
    return Difference(100 * (p_hat - r), (100 * (lo - r), 100 * (hi - r)), p, "score test, Wilson interval")


def mean_rest(mean: float, sd: float, n: int, ref: float, ref_n: int, ref_sd: float | None,
              confidence: float = 0.95) -> tuple[Difference, float] | None:
    """The group against the rest of a reference that includes it: Welch's t, or a one-sample t against the rest's
    mean without the reference's SD. None when the figures cannot include the group."""
    rest_n = ref_n - n
    if rest_n < 2:
        return None
    rest = (ref_n * ref - n * mean) / rest_n
    if ref_sd is None:
        test = mean_fixed(mean, sd, n, rest, confidence)
        return Difference(test.difference, test.ci, test.p, "one-sample t against the rest"), rest
    ss = (ref_n - 1) * ref_sd**2 - (n - 1) * sd**2 - n * (mean - ref) ** 2 - rest_n * (rest - ref) ** 2
    if ss <= 0:
        return None
    v1, v2 = sd**2 / n, ss / (rest_n - 1) / rest_n
    se = math.sqrt(v1 + v2)
    df = (v1 + v2) ** 2 / (v1**2 / (n - 1) + v2**2 / (rest_n - 1))
    diff = mean - rest
    half = _crit(confidence, df) * se
    p = float(2 * special.stdtr(df, -abs(diff) / se))
    return Difference(diff, (diff - half, diff + half), p, "Welch t against the rest"), rest


def share_rest(count: float, n: float, ref_pct: float, ref_n: int,
               confidence: float = 0.95) -> tuple[Difference, float] | None:
    """The group's share against the rest of a reference that includes it (Newcombe interval, pooled z test).
    None when the figures cannot include the group."""
    from lmp_core.compute.kind_stats import newcombe

    rest_n = ref_n - n
    rest_count = ref_n * ref_pct / 100 - count
    if rest_n < 1 or not 0 <= rest_count <= rest_n:
        return None
    lo, hi = newcombe(count, n, rest_count, rest_n, confidence)
    diff = count / n - rest_count / rest_n
    pooled = (count + rest_count) / ref_n
    spread = math.sqrt(pooled * (1 - pooled) * (1 / n + 1 / rest_n))
    p = float(2 * special.ndtr(-abs(diff) / spread)) if spread > 0 else None
    return Difference(100 * diff, (100 * lo, 100 * hi), p, "pooled z test, Newcombe interval"), 100 * rest_count / rest_n


@dataclass(frozen=True)
class _Figure:
    """One shown group's own figures on a question or index: what a comparison needs."""

    group: str
    n: int
    mean: float | None
    sd: float | None
    top_count: float | None = None
    top_base: float | None = None


@dataclass(frozen=True)
class _Target:
    """A question or index a reference can name: its figures per shown group and its measure's range."""

    name: str
    kind: str
    question: str
    scale: tuple[float, float] | None
    figures: dict[str, _Figure]
    all_groups: frozenset[str]


def _range(items: Sequence[Item]) -> tuple[float, float] | None:
    ranges = {(min(it.scale.scores), max(it.scale.scores)) for it in items}
    return ranges.pop() if len(ranges) == 1 else None


def _question_targets(summary: Summary) -> list[_Target]:
    out = []
    for it in summary.items:
        top_labels = it.item.scale.labels[-summary.top_k:]
        figures = {}
        for s in it.stats:
            if s.suppressed or s.n == 0:
                continue  # held back or without answers: never compared
            base = s.n + (s.dont_know if summary.dont_know_in_base else 0)
            figures[s.group] = _Figure(s.group, s.n, s.mean, s.sd, float(sum(s.counts[lab] for lab in top_labels)),
                                       float(base))
        out.append(_Target(it.item.column, "question", it.item.question, _range([it.item]), figures,
                           frozenset(s.group for s in it.stats)))
    return out


def _index_targets(indices: Sequence[Index], items: Sequence[Item]) -> list[_Target]:
    by_column = {it.column: it for it in items}
    out = []
    for ix in indices:
        figures = {s.group: _Figure(s.group, s.n, s.mean, s.sd) for s in ix.stats
                   if s.n is not None and s.n > 0 and s.mean is not None}
        members = [by_column[c] for c in ix.items if c in by_column]
        out.append(_Target(ix.name, "index", ix.name, _range(members) if len(members) == len(ix.items) else None,
                           figures, frozenset(s.group for s in ix.stats)))
    return out


def _mismatch(target: _Target, ref: ReferenceValue, top_k: int) -> tuple[str, dict[str, Any]] | None:
    """Why the reference is not the same measure as the target's (None when it is)."""
    if ref.status != "ok" or ref.value is None:
        key = {"suppressed": "ref_suppressed", "broken": "ref_broken"}.get(ref.status, "ref_missing")
        return key, {"symbol": ref.symbol}
    if ref.statistic == "top2":
        if target.kind == "index":
            return "ref_index_share", {}
        return ("ref_topk_mismatch", {"top_k": top_k}) if top_k != 2 else None
    if ref.scale is None:
        return "ref_scale_unknown", {}
    if target.scale is None or tuple(ref.scale) != tuple(target.scale):
        return "ref_scale_mismatch", {"ref_scale": _scale_text(ref.scale), "own_scale": _scale_text(target.scale)}
    return None


def _scale_text(scale: tuple[float, float] | None) -> str:
    return "–" if scale is None else f"{scale[0]:g}–{scale[1]:g}"


def _compare(target: _Target, fig: _Figure, ref: ReferenceValue, *, includes_group: bool, top_k: int,
             confidence: float, notes: list[Note]) -> ReferenceComparison:
    """One group against one reference figure (module docstring)."""
    own = fig.mean if ref.statistic == "mean" else (100 * fig.top_count / fig.top_base if fig.top_base else None)
    row = ReferenceComparison(target.name, target.kind, target.question, fig.group, ref, own, fig.n)
    why = _mismatch(target, ref, top_k)
    if why is None and includes_group and ref.n is None:
        why = ("ref_whole_needs_n", {})
    if why is None and (own is None or (ref.statistic == "mean" and (fig.sd is None or fig.n < 2))):
        why = ("ref_no_answers", {})
    if why is not None:
        return replace(row, reason=why[0], reason_params=why[1])
    value = float(ref.value or 0.0)  # _mismatch has made sure there is one
    if ref.statistic == "mean" and fig.sd == 0:
        return replace(row, against="reference", compared_with=value, difference=own - value, reason="reason_sd0")
    if not includes_group:
        test = (mean_fixed(own, fig.sd, fig.n, value, confidence) if ref.statistic == "mean"
                else share_fixed(fig.top_count, fig.top_base, value, confidence))
        return replace(row, against="reference", compared_with=value, difference=test.difference, ci=test.ci,
                       p=test.p, method=test.method)
    ref_n = int(ref.n or 0)  # checked above: the part-whole correction needs it
    made = (mean_rest(own, fig.sd, fig.n, value, ref_n, ref.sd, confidence) if ref.statistic == "mean"
            else share_rest(fig.top_count, fig.top_base, value, ref_n, confidence))
    if made is None:
        return replace(row, reason="ref_whole_inconsistent")
    test, rest = made
    if ref.statistic == "mean" and ref.sd is None:
        notes.append(("ref_whole_no_sd", {"target": target.question}))
    return replace(row, against="rest", compared_with=rest, difference=test.difference, ci=test.ci, p=test.p,
                   method=test.method)


def _matches(refs: References, targets: Sequence[_Target], notes: list[Note]
             ) -> list[tuple[_Target, _Figure, ReferenceValue]]:
    """Each shown group of each named target with its reference: a row for the group, else the row for every
    group. A reference for a group the view holds back is passed over without a word (it would tell that the
    group exists and is small); one that names nothing in the view gets a note."""
    keyed: dict[str, _Target] = {}
    for t in targets:
        keyed.setdefault(_fold(t.name), t)
        keyed.setdefault(_fold(t.question), t)
    specific = {(id(keyed.get(_fold(r.target))), _fold(r.group), r.statistic) for r in refs.values if r.group}
    out = []
    for ref in refs.values:
        target = keyed.get(_fold(ref.target))
        groups = {_fold(g): g for g in target.all_groups} if target else {}
        if target is None or (ref.group is not None and _fold(ref.group) not in groups):
            notes.append(("ref_unmatched", {"target": ref.target, "group": ref.group}) if ref.group
                         else ("ref_unmatched_all", {"target": ref.target}))
            continue
        for name, fig in target.figures.items():
            if ref.group is not None and _fold(ref.group) != _fold(name):
                continue
            if ref.group is None and (id(target), _fold(name), ref.statistic) in specific:
                continue  # this group has a reference of its own
            out.append((target, fig, ref))
    return out


def compare_with_reference(summary: Summary, references: References, *, indices: Sequence[Index] = (),
                           items: Sequence[Item] = (), includes_group: bool = False) -> ReferenceResult:
    """Every shown group of every question and index that ``references`` names, beside its reference figure,
    with Holm's correction over all of them (module docstring).

    ``indices`` are the view's indices (:func:`lmp_core.compute.indices.view_indices`), ``items`` the survey's
    questions (an index's range is its items'); ``includes_group``: the references include the view's groups
    (the part-whole correction, which needs each reference's n).
    """
    notes: list[Note] = []
    targets = _question_targets(summary) + _index_targets(indices, [*items, *(it.item for it in summary.items)])
    rows = [_compare(t, fig, ref, includes_group=includes_group, top_k=summary.top_k,
                     confidence=summary.confidence, notes=notes)
            for t, fig, ref in _matches(references, targets, notes)]
    tested = [i for i, r in enumerate(rows) if r.p is not None]
    if tested:
        adjusted = holm([rows[i].p for i in tested])  # type: ignore[misc]
        for i, p in zip(tested, adjusted):
            rows[i] = replace(rows[i], p_holm=float(p))
    unique = [n for i, n in enumerate(notes) if n not in notes[:i]]
    return ReferenceResult(tuple(rows), tuple(unique), includes_group, summary.confidence, references.name)


def view_reference(source: Survey | Counts, view: View, references: References, *,
                   summary: Summary | None = None, indices: Sequence[Index] = (), includes_group: bool = False,
                   lang: str = "nb") -> ReferenceResult:
    """The comparison of one view (:mod:`lmp_core.compute.view`) with ``references``, for the command line, the
    report and the app alike: the view's questions (``summary``, else every question of the view), the given
    ``indices`` and, from a file, the index of every theme the references name that is not among them (the
    view's group and held-back respondents, :func:`lmp_core.compute.indices.view_indices`)."""
    from lmp_core.compute.indices import index_sets, view_indices
    from lmp_core.setup.survey import Survey

    summary = summary if summary is not None else view.summary()
    have = {_fold(ix.name) for ix in indices}
    named = {_fold(r.target) for r in references.values}
    themes = [t for t in dict.fromkeys(it.theme for it in source.items if it.theme)
              if _fold(t) in named and _fold(t) not in have]
    made: list[Index] = []
    if themes and isinstance(source, Survey) and not view.request.filters:
        sets = index_sets(source.items, themes)
        themes = [t for t in themes if len(sets[t]) >= 2]
        made = view_indices(source, view.request, themes, lang=lang, held=view.held) if themes else []
    return compare_with_reference(summary, references, indices=[*indices, *made], items=source.items,
                                  includes_group=includes_group)
