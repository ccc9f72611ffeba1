"""Waves: the same survey run more than once, each question's trend per group, and what changed between runs.

Questions are matched by column name, then (for a column a later wave renamed) by the same question text.
A matched question is flagged, and left out of the trend until the user confirms it, when a later wave:

* words it differently (``wave_wording``; spaces and case do not count);
* has another scale (``wave_scale``: other answer labels) or another number of steps (``wave_steps``);
* codes its answers in the other order (``wave_order``: the file's codes run high → low where the first wave's
  run low → high, or the other way round; or its own value labels contradicted the first wave's setup it was
  read with). Scores always follow the labels, so the numbers stay right, but an answer order turned round
  changes how people answer (Udir's 2014 læringsmiljø indices moved for that reason). Only files with codes
  (SPSS, a coded CSV with a codebook) show their order; a file of labels cannot.

Each wave is one :class:`lmp_core.compute.view.View` of its own file with the same group and minimum, so each wave's
numbers are exactly what the results page shows for that file, disclosure control included. The change
between two consecutive waves, later − earlier, per question and group: the top-2 share's difference with
Newcombe's hybrid score interval (statsmodels ``confint_proportions_2indep``, ``method="newcomb"``), the mean's
difference with Welch's interval, and Cohen's d with Bonett's interval and size word as between groups
(:func:`lmp_core.compute.stats.compare_groups`; no size word under 10 answers). The waves are independent samples.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from lmp_core.base.errors import SurveyError
from lmp_core.base.rules import MIN_GROUP_SIZE
from lmp_core.compute.stats import GroupStats, compare_groups
from lmp_core.setup.survey import Item, Note, Survey, unique_labels

FLAGS = ("wave_wording", "wave_scale", "wave_steps", "wave_order")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def code_order(item: Item) -> str | None:
    """``up`` when the file's codes rise with the scale (1 = lowest), ``down`` when they fall, None when the
    file has no codes (a file of labels) or they follow no order."""
    codes = dict((label, code) for code, label in item.raw_labels)
    ranks = [codes.get(label) for label in item.scale.labels]
    if not item.raw_labels or any(r is None for r in ranks):
        return None
    if all(a < b for a, b in itertools.pairwise(ranks)):  # type: ignore[operator]
        return "up"
    if all(a > b for a, b in itertools.pairwise(ranks)):  # type: ignore[operator]
        return "down"
    return None


@dataclass(frozen=True)
class MatchedQuestion:
    """One question of the first wave and its column in each wave (None: not asked then), with what changed."""

    column: str
    label: str
    columns: tuple[str | None, ...]
    flags: tuple[Note, ...] = ()
    confirmed: bool = False

    @property
    def included(self) -> bool:
        """In the trend: nothing changed, or the user confirmed the change."""
        return not self.flags or self.confirmed


def match_questions(waves: Sequence[tuple[str, Survey]]) -> tuple[MatchedQuestion, ...]:
    """The first wave's questions matched in every wave, by column name, then by question text."""
    (first_name, first), *later = waves
    labels = unique_labels(first.items)  # two questions never share a label (a chart would merge them)
    out = []
    for it in first.items:
        columns: list[str | None] = [it.column]
        flags: list[Note] = []
        for name, survey in later:
            other = next((o for o in survey.items if o.column == it.column), None)
            if other is None and _norm(it.question) != _norm(it.column):
                other = next((o for o in survey.items if _norm(o.question) == _norm(it.question)), None)
            columns.append(other.column if other else None)
            if other is None:
                continue
            params = {"wave": name, "first": first_name, "column": it.column}
            if _norm(other.question) != _norm(it.question):
                flags.append(("wave_wording", {**params, "text": other.question[:200]}))
            if len(other.scale.labels) != len(it.scale.labels):
                flags.append(("wave_steps", {**params, "steps": len(other.scale.labels), "first_steps": len(it.scale.labels)}))
            elif tuple(map(_norm, other.scale.labels)) != tuple(map(_norm, it.scale.labels)):
                flags.append(("wave_scale", {**params, "scale": other.scale.span, "first_scale": it.scale.span}))
            before, now = code_order(it), code_order(other)
            # the reader saw the file's codes contradict the first wave's setup it was read with
            overruled = next((p for k, p in survey.notes
                              if k == "codebook_labels_overruled" and p.get("column") == other.column), None)
            if before and now and before != now:
                flags.append(("wave_order", {**params, "order": _order_words(other), "first_order": _order_words(it)}))
            elif overruled is not None:
                flags.append(("wave_order", {**params, "order": f"{overruled['code']:g} = {overruled['file_label']}",
                                             "first_order": f"{overruled['code']:g} = {overruled['codebook_label']}"}))
        out.append(MatchedQuestion(it.column, labels[it.column], tuple(columns), tuple(flags)))
    return tuple(out)


def _order_words(item: Item) -> str:
    """The first code and its label, e.g. "1 = I svært stor grad"."""
    code, label = min(item.raw_labels)
    return f"{code:g} = {label}"


@dataclass(frozen=True)
class TrendPoint:
    """One question, group and wave: the wave's own statistics (as its results page shows them)."""

    column: str
    group: str
    wave: str
    stats: GroupStats


@dataclass(frozen=True)
class TrendChange:
    """The change of one question in one group from wave ``a`` (earlier) to wave ``b`` (later): b − a."""

    column: str
    group: str
    a: str
    b: str
    top2_diff: float | None
    top2_diff_ci: tuple[float, float] | None
    mean_diff: float | None
    mean_diff_ci: tuple[float, float] | None
    d: float | None
    d_ci: tuple[float, float] | None
    magnitude: str | None
    reason: str | None = None


@dataclass(frozen=True, eq=False)
class Trend:
    """Every included question's statistics per group and wave, and the changes between consecutive waves."""

    waves: tuple[str, ...]
    group: str | None
    questions: tuple[MatchedQuestion, ...]
    points: tuple[TrendPoint, ...]
    changes: tuple[TrendChange, ...]
    notes: tuple[Note, ...] = ()

    @property
    def included(self) -> tuple[MatchedQuestion, ...]:
        return tuple(q for q in self.questions if q.included)

    def to_dict(self, lang: str = "nb") -> dict[str, object]:
        """The JSON of ``python -m lmp_core trend``."""
        from lmp_core.base.catalogue import text
        from lmp_core.compute.stats import note_text

        def pair(ci: tuple[float, float] | None) -> list[float] | None:
            return list(ci) if ci else None

        return {
            "waves": list(self.waves), "group": self.group,
            "questions": [{"column": q.column, "columns": list(q.columns), "included": q.included,
                           "confirmed": q.confirmed, "flags": [note_text(k, p, lang) for k, p in q.flags]}
                          for q in self.questions],
            "points": [{"column": p.column, "group": p.group, "wave": p.wave,
                        "n": None if p.stats.suppressed else p.stats.n, "top2_pct": p.stats.top2_pct,
                        "top2_ci": pair(p.stats.top2_ci), "mean": p.stats.mean, "sd": p.stats.sd,
                        "mean_ci": pair(p.stats.mean_ci)} for p in self.points],
            "changes": [{"column": c.column, "group": c.group, "from": c.a, "to": c.b, "top2_diff": c.top2_diff,
                         "top2_diff_ci": pair(c.top2_diff_ci), "mean_diff": c.mean_diff,
                         "mean_diff_ci": pair(c.mean_diff_ci), "d": c.d, "d_ci": pair(c.d_ci),
                         "magnitude": text(c.magnitude, lang) if c.magnitude else None} for c in self.changes],
            "warnings": [note_text(k, p, lang) for k, p in self.notes],
        }


def _top_count(item: Item, s: GroupStats, dont_know_in_base: bool) -> tuple[int, int]:
    """(answers in the top two, the share's base) of one group's statistics."""
    top = sum(s.counts.get(label, 0) for label in item.scale.labels[-2:])
    return top, s.n + (s.dont_know if dont_know_in_base else 0)


def _welch(a: GroupStats, b: GroupStats, confidence: float) -> tuple[float, float] | None:
    """Welch's interval for the difference of means b − a."""
    from scipy import stats as sps

    if a.sd is None or b.sd is None or a.n < 2 or b.n < 2:
        return None
    va, vb = a.sd**2 / a.n, b.sd**2 / b.n
    se = math.sqrt(va + vb)
    if se == 0:
        return None
    df = (va + vb) ** 2 / (va**2 / (a.n - 1) + vb**2 / (b.n - 1))
    half = float(sps.t.ppf(0.5 + confidence / 2, df)) * se
    diff = b.mean - a.mean  # type: ignore[operator]
    return (diff - half, diff + half)


def _check_waves(waves: Sequence[tuple[str, Survey]], group: str | None) -> list[str]:
    """The waves' names: two waves or more, each named once, each with the group column."""
    if len(waves) < 2:
        raise SurveyError("waves_need_two")
    names = [name for name, _ in waves]
    if len(set(names)) < len(names):
        raise SurveyError("waves_same_name", names=", ".join(names))
    for name, survey in waves:
        if group is not None and group not in survey.groupable:
            raise SurveyError("waves_no_group", column=group, wave=name)
    return names


def _wave_summaries(waves: Sequence[tuple[str, Survey]], questions: Sequence[MatchedQuestion], *,
                    group: str | None, groupings: Sequence[str] | None, min_group_size: int, confidence: float,
                    lang: str) -> list[dict[str, object]]:
    """Per wave, its included questions' summaries (column → item summary), each wave counted as its own view
    protecting the given grouping columns it has, with the group."""
    from lmp_core.compute.view import ViewRequest, make_view

    per_wave: list[dict[str, object]] = []
    for i, (_, survey) in enumerate(waves):
        protected = [c for c in (groupings or []) if c in survey.groupable]
        protected = list(dict.fromkeys([*([group] if group else []), *protected]))
        request = ViewRequest.of(group=group, groupings=protected, min_group_size=min_group_size,
                                 confidence=confidence)
        view = make_view(survey, request, lang=lang)
        columns = [q.columns[i] for q in questions if q.included and q.columns[i] is not None]
        summary = view.summary(columns) if columns else None
        per_wave.append({c: summary.item(c) for c in columns} if summary else {})
    return per_wave


def _change(column: str, group_name: str, a: tuple[str, Item, GroupStats], b: tuple[str, Item, GroupStats],
            confidence: float) -> TrendChange | None:
    """The change of one group's figures from wave ``a`` to wave ``b`` (None when either is hidden or empty)."""
    from statsmodels.stats.proportion import confint_proportions_2indep

    (wa, item_a, sa), (wb, item_b, sb) = a, b
    if sa.suppressed or sb.suppressed or sa.n == 0 or sb.n == 0:
        return None
    (ta, na), (tb, nb) = _top_count(item_a, sa, False), _top_count(item_b, sb, False)
    top_diff = top_ci = None
    if sa.top2_pct is not None and sb.top2_pct is not None and na and nb:
        top_diff = sb.top2_pct - sa.top2_pct
        lo, hi = confint_proportions_2indep(tb, nb, ta, na, method="newcomb", compare="diff", alpha=1 - confidence)
        top_ci = (100 * float(lo), 100 * float(hi))
    (cmp,) = compare_groups([replace(sb, group="b"), replace(sa, group="a")], ["b", "a"],
                            confidence=confidence) or (None,)
    mean_diff = sb.mean - sa.mean if sa.mean is not None and sb.mean is not None else None
    return TrendChange(column, group_name, wa, wb, top_diff, top_ci, mean_diff, _welch(sa, sb, confidence),
                       cmp.d if cmp else None, cmp.d_ci if cmp else None, cmp.magnitude if cmp else None,
                       cmp.reason if cmp else None)


def make_trend(waves: Sequence[tuple[str, Survey]], *, group: str | None = None,
               min_group_size: int = MIN_GROUP_SIZE, confirmed: Collection[str] = (),
               items: Sequence[str] | None = None, confidence: float = 0.95, lang: str = "nb",
               groupings: Sequence[str] | None = None) -> Trend:
    """The trend of the first wave's questions (or ``items``) over ``waves`` (name, survey), oldest first.

    ``confirmed``: flagged questions the user keeps in the trend. Each wave is counted as its own view with
    ``group`` and ``min_group_size`` (:func:`lmp_core.compute.view.make_view`), protecting ``groupings`` (those of
    them a wave has; default the group alone) as every other view of the same file does: a view that
    protected fewer columns than the results page would show answers the results page holds back.
    """
    names = _check_waves(waves, group)
    questions = match_questions(waves)
    known = {q.column for q in questions}
    unknown = [c for c in (items or []) if c not in known]
    if unknown:
        raise SurveyError("unknown_item", column=", ".join(unknown), choices=", ".join(sorted(known)))
    questions = tuple(replace(q, confirmed=q.column in confirmed) if q.flags else q for q in questions
                      if items is None or q.column in items)
    notes: list[Note] = []
    per_wave = _wave_summaries(waves, questions, group=group, groupings=groupings, min_group_size=min_group_size,
                               confidence=confidence, lang=lang)
    points: list[TrendPoint] = []
    changes: list[TrendChange] = []
    for q in questions:
        if not q.included:
            continue
        missing = [names[i] for i, c in enumerate(q.columns) if c is None]
        if missing:
            notes.append(("wave_not_asked", {"column": q.column, "waves": ", ".join(missing)}))
        series: dict[str, list[tuple[str, Item, GroupStats]]] = {}
        for i, column in enumerate(q.columns):
            if column is None:
                continue
            summary_item = per_wave[i][column]
            for s in summary_item.stats:  # type: ignore[attr-defined]
                points.append(TrendPoint(q.column, s.group, names[i], s))
                series.setdefault(s.group, []).append((names[i], summary_item.item, s))  # type: ignore[attr-defined]
        for group_name, rows in series.items():
            for a, b in itertools.pairwise(rows):
                change = _change(q.column, group_name, a, b, confidence)
                if change is not None:
                    changes.append(change)
    for q in questions:
        if not q.included:
            notes.append(("wave_left_out", {"column": q.column, "count": len(q.flags)}))
    # a file of answer texts has no codes: its answers are compared by their texts, but a questionnaire that
    # turned its answer order round between the waves (flagged where both waves have codes) cannot be seen
    textual = [names[i] for i, (_, survey) in enumerate(waves)
               if any(c is not None and not survey.item(c).raw_labels
                      for c in (q.columns[i] for q in questions if q.included))]
    if textual:
        notes.append(("wave_order_unseen", {"waves": ", ".join(textual)}))
    return Trend(tuple(names), group, questions, tuple(points), tuple(changes), tuple(notes))


def waves_from_column(survey: Survey, column: str, groupings: Sequence[str]) -> list[tuple[str, Survey]]:
    """One file with a wave column: one survey per value of ``column`` (numbers and names with numbers in
    their order, "2016" before "2018"; respondents without a value are left out, and said so).

    The column must be among the grouping columns every view protects (``groupings``): otherwise a wave's
    small group, hidden in its own view, could be worked out by subtracting it from the whole file's view.
    """
    import numpy as np
    import polars as pl

    from lmp_core.counting.counts import group_values, natural_key

    if column not in survey.groupable:
        raise SurveyError("unknown_group_column", column=column, choices=", ".join(survey.groupable))
    if column not in groupings:
        raise SurveyError("wave_column_not_protected", column=column)
    values = group_values(survey.values_of(column))
    names = sorted(values.dropna().unique(), key=natural_key)
    if len(names) < 2:
        raise SurveyError("waves_need_two")
    out = []
    for name in names:
        rows = (values == name).to_numpy(dtype=bool, na_value=False)
        out.append((str(name), replace(survey, source=f"{survey.source} ({column} = {name})",
                                        codes=np.asfortranarray(survey.codes[rows]),
                                        frame=survey.frame.filter(pl.Series(rows)))))
    return out
