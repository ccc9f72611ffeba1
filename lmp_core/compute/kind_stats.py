"""Statistics for the questions that are no scale: single choice (yes/no among them), multiple response, numbers.

Every figure comes from the same view as the scales' (:mod:`lmp_core.compute.view`): the request's group, filters and
grouping columns, and what :mod:`lmp_core.counting.disclosure` holds back. Single-choice and multiple-response questions
are counted by :func:`lmp_core.counting.counts.count` on :meth:`Survey.other_survey` (same respondents, same rule); a
number question's answers held back are those of a crossing cell with between 1 and ``min_group_size - 1``
answers, as for a scale. A group under the minimum is hidden for every kind; no minimum or maximum is ever shown.

**Single choice.** Per group: n (answers other than "don't know" and blank), the count and share of each
option with Wilson's 95 % interval. Across the shown groups: a test of independence on options x groups
(:func:`lmp_core.compute.independence.independence`: Fisher's exact test for 2 x 2, by permutation when an expected count
is under 5, else Pearson's chi-square) and Cramér's V = sqrt(X² / (n · (min(r, c) − 1))) from Pearson's X². For
each pair of groups, the difference in each option's share with Newcombe's hybrid score interval (method 10;
statsmodels' ``confint_proportions_2indep(method="newcomb")``).

**Multiple response.** The base is the respondents asked (a value in any column of the set; see
:mod:`lmp_core.setup.kinds`). Per group and option: the share of the base who ticked it, with Wilson's interval
(shares add to more than 100 %), and the option's share of all ticks; the mean number ticked = ticks / base. For
each pair of groups and each option: the difference with Newcombe's interval and a test (Fisher's exact test on
the 2 x 2 table), the p-values adjusted with Holm's method over the set's options.

**Number.** Per group: n, mean, SD (n − 1), median and quartiles (linear interpolation, numpy's default and
pandas' ``quantile``; only from at least :data:`lmp_core.base.rules.MIN_ANSWERS_FOR_QUARTILES` answers, since from
fewer they are single answers that with n, mean and SD give the smallest and largest), the mean's t interval. Two groups: Welch's t-test and d = (m₁ − m₂)/√((s₁² + s₂²)/2) (the
report's d); more: Kruskal–Wallis.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from scipy import special

from lmp_core.base.catalogue import text
from lmp_core.base.rules import MIN_ANSWERS_FOR_QUARTILES
from lmp_core.compute.groups import holm
from lmp_core.compute.stats import magnitude, wilson
from lmp_core.counting.counts import Counts, NumberCounts, count, group_codes, row_filter
from lmp_core.counting.disclosure import held_back, joint_cells, pooled, shown, small
from lmp_core.counting.index_sums import value_counts
from lmp_core.setup.survey import Item, Survey

if TYPE_CHECKING:
    from lmp_core.counting.db_counts import Counted

Interval = tuple[float, float]


def newcombe(count1: float, n1: float, count2: float, n2: float, confidence: float = 0.95) -> Interval:
    """Newcombe's hybrid score interval for p₁ − p₂ from the two Wilson intervals (Newcombe 1998, method 10):
    lower = d − √((p₁ − l₁)² + (u₂ − p₂)²), upper = d + √((u₁ − p₁)² + (p₂ − l₂)²).

    >>> [round(x, 4) for x in newcombe(56, 70, 48, 80)]
    [0.0524, 0.3339]
    """
    l1, u1 = (float(v) for v in wilson(count1, n1, confidence))
    l2, u2 = (float(v) for v in wilson(count2, n2, confidence))
    p1, p2 = count1 / n1, count2 / n2
    d = p1 - p2
    return d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)


@dataclass(frozen=True)
class OptionGroup:
    """One group's answers to a single-choice question or a multiple-response set (counts and shares per
    option; ``base``: the share's denominator)."""

    group: str
    base: int | None
    counts: dict[str, int] | None
    shares: dict[str, float] | None
    share_ci: dict[str, Interval] | None
    dont_know: int | None = None
    #: multiple response: each option's share of all ticks, and the mean number ticked
    tick_shares: dict[str, float] | None = None
    mean_ticked: float | None = None
    suppressed: bool = False

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"group": self.group, "base": self.base, "counts": self.counts, "shares": self.shares,
                               "share_ci": {k: list(v) for k, v in self.share_ci.items()} if self.share_ci else None}
        if self.dont_know is not None:
            out["dont_know"] = self.dont_know
        if self.tick_shares is not None or self.mean_ticked is not None:
            out.update(tick_shares=self.tick_shares, mean_ticked=self.mean_ticked)
        if self.suppressed:
            out["suppressed"] = True
        return out


@dataclass(frozen=True)
class OptionDifference:
    """Group a minus group b on one option: the difference in shares (points) with Newcombe's interval."""

    a: str
    b: str
    option: str
    diff: float
    diff_ci: Interval
    p: float | None = None
    p_holm: float | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"a": self.a, "b": self.b, "option": self.option, "diff": self.diff,
                               "diff_ci": list(self.diff_ci)}
        if self.p is not None:
            out.update(p=self.p, p_holm=self.p_holm)
        return out


@dataclass(frozen=True)
class NumberGroup:
    """One group's answers to a number question (no minimum or maximum: they belong to one respondent; median and
    quartiles None under :data:`lmp_core.base.rules.MIN_ANSWERS_FOR_QUARTILES` answers)."""

    group: str
    n: int | None
    mean: float | None = None
    sd: float | None = None
    median: float | None = None
    q1: float | None = None
    q3: float | None = None
    mean_ci: Interval | None = None
    suppressed: bool = False

    def to_dict(self) -> dict[str, Any]:
        out = {"group": self.group, "n": self.n, "mean": self.mean, "sd": self.sd, "median": self.median,
               "q1": self.q1, "q3": self.q3, "mean_ci": list(self.mean_ci) if self.mean_ci else None}
        if self.suppressed:
            out["suppressed"] = True
        return out


@dataclass(frozen=True)
class KindResult:
    """One question of another kind for one view: per group figures, the test across groups and the pairs."""

    kind: str  # choice, multi, number
    column: str  # the column (choice, number) or the set's name (multi)
    question: str
    theme: str
    options: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()  # multi: the option columns, in option order
    groups: tuple[OptionGroup | NumberGroup, ...] = ()
    test: dict[str, Any] | None = None
    differences: tuple[OptionDifference, ...] = ()
    comparisons: tuple[dict[str, Any], ...] = ()
    yes: str | None = None  # a yes/no question's "yes"
    #: the view's respondents who answered (an option or "don't know"; a set: the base) and all its respondents,
    #: over every group, hidden ones included (the page says "8 av 1 838 fikk dette spørsmålet")
    asked: int | None = None
    respondents: int | None = None

    @property
    def yes_no(self) -> bool:
        """Whether this is a yes/no question (a choice of a yes and a no)."""
        return self.yes is not None

    def shown(self) -> list[OptionGroup | NumberGroup]:
        """The groups not hidden."""
        return [g for g in self.groups if not g.suppressed]

    def has_figures(self) -> bool:
        """Whether any shown group has a share or mean to show (a base above zero): without one there is no
        statistic, only the sentence of how many answered."""
        return any((g.n if isinstance(g, NumberGroup) else g.base) for g in self.shown())

    def to_dict(self, lang: str = "nb") -> dict[str, Any]:
        """The JSON contract of a non-scale item (``kind``; ``options`` and per group ``counts``, ``shares``,
        ``share_ci``, ``base``; for numbers ``n, mean, sd, median, q1, q3, mean_ci``)."""
        out: dict[str, Any] = {"column": self.column, "kind": self.kind, "question": self.question,
                               "theme": self.theme}
        if self.kind != "number":
            out["options"] = list(self.options)
        if self.kind == "multi":
            out["columns"] = list(self.columns)
        if self.yes_no:
            out["yes_no"] = True
        out["stats"] = [g.to_dict() for g in self.groups]
        out["test"] = self.test
        if self.kind != "number":
            out["differences"] = [d.to_dict() for d in self.differences]
        else:
            out["comparisons"] = [{**c, "magnitude": text(c["magnitude"], lang) if c["magnitude"] else None}
                                  for c in self.comparisons]
        return out


def kind_results(survey: Survey, *, group: str | None = None, filters: dict[str, Sequence[str]] | None = None,
                 groupings: Sequence[str] | None = None, min_group_size: int, columns: Sequence[str] | None = None,
                 confidence: float = 0.95, lang: str = "nb") -> list[KindResult]:
    """Every non-scale question of ``survey`` (or those of ``columns``: a column, or a multiple-response set's
    name) for the view of ``group``, ``filters`` and the protected ``groupings``."""
    wanted = set(columns) if columns is not None else None
    known = {it.set_name or it.column for it in survey.others} | {it.column for it in survey.numbers}
    if wanted is not None and not wanted & known:
        return []  # none asked for: nothing is counted (and scipy.stats is not loaded)
    own = tuple(dict.fromkeys([*([group] if group else []), *(filters or {})]))
    protected = tuple(groupings) if groupings is not None else own
    survey = pooled(survey, protected, min_group_size, lang)  # small values of a grouping column as one group
    other = survey.other_survey(extra=tuple(c for c in (*protected, *own) if survey.item_index(c) is not None))
    counted = None
    if other is not None:
        held = held_back(other, min_group_size, protected)
        counted = count(other, group=group, filters=filters, lang=lang, held=held)
    names: tuple[str, ...] = ()
    sizes: tuple[int, ...] = ()
    numbers: list[NumberCounts] = []
    if survey.numbers and survey.number_values is not None:
        base = other if other is not None else survey
        names, sizes, numbers = _number_counts(survey, base, group, filters, protected, min_group_size, lang, wanted)
    return results_from_counts(counted, numbers, names, sizes, min_group_size=min_group_size,
                               confidence=confidence, columns=columns)


def results_from_counts(others: Counts | None, numbers: Sequence[NumberCounts], names: Sequence[str],
                        sizes: Sequence[int], *, min_group_size: int, confidence: float = 0.95,
                        columns: Sequence[str] | None = None) -> list[KindResult]:
    """The results of the single-choice and multiple-response questions counted in ``others`` and of the number
    questions' ``numbers`` (per group of ``names``; ``sizes``: the group's respondents in the view), as
    :func:`kind_results` makes them from a file and :mod:`lmp_core.counting.database` counts them in a database.
    ``columns``: only these questions (a column, or a multiple-response set's name)."""
    wanted = set(columns) if columns is not None else None
    out: list[KindResult] = []
    if others is not None:
        out += _choice_results(others, min_group_size, confidence, wanted)
    out += [_number_result(nc, names, sizes, min_group_size, confidence)
            for nc in numbers if wanted is None or nc.item.column in wanted]
    return out


def database_results(counted: Counted, *, min_group_size: int, confidence: float = 0.95,
                     columns: Sequence[str] | None = None) -> list[KindResult]:
    """:func:`results_from_counts` of what a database counted (:mod:`lmp_core.counting.database`): its
    single-choice and multiple-response counts and its number questions, per group of its counts."""
    return results_from_counts(counted.others, counted.numbers, counted.counts.groups, counted.counts.respondents,
                               min_group_size=min_group_size, confidence=confidence, columns=columns)


def _hidden(counted: Counts, min_group_size: int) -> list[bool]:
    """Groups under the minimum in this view, none left among them (all held back) included, as the scales'
    summary hides them."""
    return [not shown(r, min_group_size) for r in counted.respondents]


def _choice_results(counted: Counts, min_n: int, confidence: float, wanted: set[str] | None) -> list[KindResult]:
    from lmp_core.compute.independence import independence

    out: list[KindResult] = []
    hidden = _hidden(counted, min_n)
    sets: dict[str, list[int]] = {}
    for j, item in enumerate(counted.items):
        if item.kind == "choice" and (wanted is None or item.column in wanted):
            out.append(_choice(counted, j, item, hidden, min_n, confidence, independence))
        elif item.kind == "multi" and (wanted is None or item.set_name in wanted):
            sets.setdefault(item.set_name, []).append(j)
    for name, members in sets.items():
        out.append(_multi(counted, name, members, hidden, min_n, confidence))
    order = {it.column: i for i, it in enumerate(counted.items)}
    first = {r.column: min(order.get(c, math.inf) for c in (r.columns or (r.column,))) for r in out}
    return sorted(out, key=lambda r: first[r.column])


def _choice(counted: Counts, j: int, item: Item, hidden: list[bool], min_n: int, confidence: float,
            independence: Any) -> KindResult:
    options = item.scale.labels
    k = len(options)
    groups: list[OptionGroup] = []
    table = counted.table[j]
    for g, name in enumerate(counted.groups):
        row = table[g]
        n = int(row[1:k + 1].sum())
        if hidden[g] or small(n, min_n):
            groups.append(OptionGroup(name, None, None, None, None, suppressed=True))
            continue
        counts = {o: int(row[1 + i]) for i, o in enumerate(options)}
        lo, hi = wilson(np.array(list(counts.values())), n, confidence) if n else (None, None)
        groups.append(OptionGroup(
            name, n, counts, {o: 100 * c / n for o, c in counts.items()} if n else None,
            {o: (100 * float(lo[i]), 100 * float(hi[i])) for i, o in enumerate(options)} if n else None,
            dont_know=int(row[k + 1:].sum())))
    shown = [(g, s) for g, s in enumerate(groups) if not s.suppressed and s.base]
    test = None
    if len(shown) >= 2:
        observed = np.array([[s.counts[o] for s in (x[1] for x in shown)] for o in options])  # options x groups
        key, _, p = independence(observed)
        test = {"test": key, "p": p, **_cramers_v(observed)}
    differences = []
    for (_, a), (_, b) in _pairs(shown):
        for o in options:
            lo, hi = newcombe(a.counts[o], a.base, b.counts[o], b.base, confidence)
            differences.append(OptionDifference(a.group, b.group, o, 100 * (a.counts[o] / a.base - b.counts[o] / b.base),
                                                (100 * lo, 100 * hi)))
    from lmp_core.setup.kinds import yes_option

    return KindResult("choice", item.column, item.question, item.theme, options, (item.column,), tuple(groups), test,
                      tuple(differences), yes=yes_option(options), asked=int(table[:, 1:].sum()),
                      respondents=int(sum(counted.respondents)))


def _cramers_v(observed: np.ndarray) -> dict[str, Any]:
    """Pearson's X² on the table (no continuity correction) and Cramér's V from it."""
    kept = observed[observed.sum(axis=1) > 0][:, observed.sum(axis=0) > 0]
    n = kept.sum()
    if kept.shape[0] < 2 or kept.shape[1] < 2 or n == 0:
        return {"chi2": None, "df": None, "cramers_v": None}
    expected = np.outer(kept.sum(axis=1), kept.sum(axis=0)) / n
    chi2 = float(((kept - expected) ** 2 / expected).sum())
    df = (kept.shape[0] - 1) * (kept.shape[1] - 1)
    return {"chi2": chi2, "df": df, "cramers_v": math.sqrt(chi2 / (n * (min(kept.shape) - 1)))}


def _pairs(shown: list[tuple[int, Any]]) -> list[tuple[tuple[int, Any], tuple[int, Any]]]:
    return [(shown[i], shown[k]) for i in range(len(shown)) for k in range(i + 1, len(shown))]


def _multi(counted: Counts, name: str, members: list[int], hidden: list[bool], min_n: int,
           confidence: float) -> KindResult:
    from scipy import stats as sps

    items = [counted.items[j] for j in members]
    options = tuple(it.question for it in items)
    groups: list[OptionGroup] = []
    for g, group in enumerate(counted.groups):
        ticked = np.array([int(counted.table[j, g, 2]) for j in members])
        base = int(counted.table[members[0], g, 1:3].sum())  # asked: the same for every option of the set
        if hidden[g] or small(base, min_n):
            groups.append(OptionGroup(group, None, None, None, None, suppressed=True))
            continue
        if base == 0:
            groups.append(OptionGroup(group, 0, {o: 0 for o in options}, None, None))
            continue
        lo, hi = wilson(ticked, base, confidence)
        total = int(ticked.sum())
        groups.append(OptionGroup(
            group, base, dict(zip(options, (int(t) for t in ticked))),
            {o: 100 * float(t) / base for o, t in zip(options, ticked)},
            {o: (100 * float(lo[i]), 100 * float(hi[i])) for i, o in enumerate(options)},
            tick_shares={o: 100 * float(t) / total for o, t in zip(options, ticked)} if total else None,
            mean_ticked=total / base))
    shown = [(g, s) for g, s in enumerate(groups) if not s.suppressed and s.base]
    differences: list[OptionDifference] = []
    for (_, a), (_, b) in _pairs(shown):
        p_values = [float(sps.fisher_exact([[a.counts[o], a.base - a.counts[o]],
                                            [b.counts[o], b.base - b.counts[o]]]).pvalue) for o in options]
        adjusted = holm(p_values)
        for i, o in enumerate(options):
            lo, hi = newcombe(a.counts[o], a.base, b.counts[o], b.base, confidence)
            differences.append(OptionDifference(a.group, b.group, o, 100 * (a.counts[o] / a.base - b.counts[o] / b.base),
                                                (100 * lo, 100 * hi), p_values[i], float(adjusted[i])))
    test = {"test": "fisher", "correction": "holm", "per": "option"} if differences else None
    first = items[0]
    return KindResult("multi", name, name, first.theme, options, tuple(it.column for it in items), tuple(groups), test,
                      tuple(differences), asked=int(counted.table[members[0], :, 1:3].sum()),
                      respondents=int(sum(counted.respondents)))


def _number_counts(survey: Survey, base: Survey, group: str | None, filters: dict[str, Sequence[str]] | None,
                   protected: tuple[str, ...], min_n: int, lang: str, wanted: set[str] | None
                   ) -> tuple[tuple[str, ...], tuple[int, ...], list[NumberCounts]]:
    """The groups, their respondents in the view, and each number question's answers per group counted by value,
    without the answers the rule holds back: those of respondents held back, and those of a crossing cell with
    between 1 and ``min_n`` − 1 answers."""
    codes, names = group_codes(base, group, lang)
    keep = codes >= 0
    mask = row_filter(base, filters)
    if mask is not None:
        keep &= mask
    held_rows = held_back(base, min_n, protected).rows  # respondents of a crossing cell under the minimum
    keep &= ~held_rows
    cell = joint_cells(base, protected)
    n_cells = int(cell.max(initial=-1)) + 1
    sizes = np.bincount(codes[keep], minlength=len(names))
    out = []
    for j, item in enumerate(survey.numbers):
        if wanted is not None and item.column not in wanted:
            continue
        values = survey.number_values[:, j]
        answered = ~np.isnan(values)
        per_cell = np.bincount(cell[answered & ~held_rows], minlength=n_cells)
        withheld = small(per_cell, min_n)[cell]  # answers of a crossing cell under the minimum
        usable = keep & answered & ~withheld
        distinct, per_group = value_counts(values[usable], codes[usable], len(names))
        out.append(NumberCounts(item, distinct, per_group))
    return names, tuple(int(v) for v in sizes), out


def _number_result(counted: NumberCounts, names: Sequence[str], sizes: Sequence[int], min_n: int,
                   confidence: float) -> KindResult:
    """One number question's statistics per group (each group's answers in ascending order, so the sums do not
    depend on how the respondents were ordered)."""
    from scipy import stats as sps

    item = counted.item
    groups: list[NumberGroup] = []
    samples: list[tuple[str, np.ndarray]] = []
    for g, name in enumerate(names):
        x = counted.sample(g)
        if not shown(sizes[g], min_n) or small(len(x), min_n):
            groups.append(NumberGroup(name, None, suppressed=True))
            continue
        if len(x) == 0:
            groups.append(NumberGroup(name, 0))
            continue
        mean, sd = float(x.mean()), float(x.std(ddof=1)) if len(x) > 1 else None
        # from fewer answers the quartiles are single answers (a group of five: its 2nd, 3rd and 4th), and with
        # n, sum and sum of squares the smallest and largest follow
        q1, median, q3 = (float(v) for v in np.percentile(x, [25, 50, 75])) \
            if len(x) >= MIN_ANSWERS_FOR_QUARTILES else (None, None, None)
        ci = None
        if sd is not None:
            half = float(special.stdtrit(len(x) - 1, 0.5 + confidence / 2)) * sd / math.sqrt(len(x))
            ci = (mean - half, mean + half)
        groups.append(NumberGroup(name, len(x), mean, sd, median, q1, q3, ci))
        samples.append((name, x))
    test: dict[str, Any] | None = None
    comparisons: list[dict[str, Any]] = []
    if len(samples) == 2:
        (a, xa), (b, xb) = samples
        welch = sps.ttest_ind(xa, xb, equal_var=False)
        sa, sb = float(xa.std(ddof=1)), float(xb.std(ddof=1))
        d = (float(xa.mean()) - float(xb.mean())) / math.sqrt((sa ** 2 + sb ** 2) / 2) if sa + sb > 0 else None
        test = {"test": "welch_t", "statistic": float(welch.statistic), "df": float(welch.df),
                "p": float(welch.pvalue)}
        comparisons.append({"a": a, "b": b, "mean_diff": float(xa.mean() - xb.mean()), "d": d,
                            "magnitude": magnitude(d) if d is not None and min(len(xa), len(xb)) >= 10 else None})
    elif len(samples) > 2:
        kw = sps.kruskal(*(x for _, x in samples))
        test = {"test": "kruskal", "statistic": float(kw.statistic), "p": float(kw.pvalue)}
    return KindResult("number", item.column, item.question, item.theme, groups=tuple(groups), test=test,
                      comparisons=tuple(comparisons), asked=int(counted.per_group.sum()),
                      respondents=int(sum(sizes)))
