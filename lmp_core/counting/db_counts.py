"""A database's counts as the counts a file gives: the setup's reader on the distinct values, then the disclosure rule.

:mod:`lmp_core.counting.database` sends the queries; what comes back is, per *cell* (a combination of values of the
protected grouping columns, the group column and the filter columns: ``k0…``), the respondents, and per question
and distinct answer (``raw``) the respondents who gave it. Here:

1. the setup's reader (:func:`lmp_core.setup.distinct.read_distinct`) reads the *distinct* values, never respondents,
   so each answer gets the code (or number) it gets in a file, and each key value its group;
2. the rule (:class:`Rule`, the decision of :mod:`lmp_core.counting.disclosure` made on cells): a cell under the
   minimum is left out of every count; a question's answers in a cell with too few of them count as blank; a number
   question's answers in a cell with between 1 and the minimum − 1 of them are left out;
3. the counts per group: :class:`~lmp_core.counting.counts.Counts` of the scales and of the single-choice and
   multiple-response questions, and :class:`~lmp_core.counting.counts.NumberCounts` per number question.

Missing values: a NULL answer is blank; a NULL group value is no group (in the total, in no group's figures).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import polars as pl

from lmp_core.base.catalogue import text
from lmp_core.base.errors import Note, SurveyError
from lmp_core.base.rules import MIN_GROUP_SIZE
from lmp_core.counting.counts import Counts, NumberCounts, group_codes
from lmp_core.counting.disclosure import POOLED, pooled_values, small
from lmp_core.counting.index_sums import MIN_SHARE, IndexSums, index_sums, value_counts
from lmp_core.setup.distinct import Reading
from lmp_core.setup.survey import Item


@dataclass(frozen=True)
class Counted:
    """What the database gave, after the disclosure rule: the view's counts, the (question, group) cells whose
    answers were all held back (shown as hidden, not as "nobody answered"), and whether anything was held back."""

    counts: Counts
    emptied: frozenset[tuple[str, str]]
    held_any: bool
    #: what reading the answers found (codes outside a scale …), with the numbers of answers the whole table has
    notes: tuple[Note, ...] = ()
    #: each index's sums, summed in the database (``index_sets`` of :func:`count_in_database`)
    index_sums: Mapping[str, IndexSums] = field(default_factory=dict)
    #: the respondents in the view (filters applied), and those of them held back from every figure
    in_view: int = 0
    held_rows: int = 0
    #: the single-choice questions and multiple-response options, and the number questions counted by value
    others: Counts | None = None
    numbers: tuple[NumberCounts, ...] = ()


def _group_coding(reading: Reading, group: str | None, pools: Mapping[str, object], label: str, lang: str
                  ) -> tuple[dict, tuple[str, ...]]:
    """Each distinct raw group value's group code, and the groups' names; the group's small values are one group,
    "Øvrige", last (as :mod:`lmp_core.counting.counts` orders it)."""
    group_code_rows, names = group_codes(reading.survey, group, lang)
    group_of = dict(zip(reading.distinct[group], group_code_rows[reading.rows[group]].tolist())) if group else {}
    if group in pools:
        name_of = {raw: (label if raw in pools[group] else names[code] if code >= 0 else None)  # type: ignore[operator]
                   for raw, code in group_of.items()}
        names = (*(n for n in names if n in name_of.values() and n != label), label)
        group_of = {raw: names.index(name) if name is not None else -1 for raw, name in name_of.items()}
    return group_of, tuple(names)


def _others(rule: Rule, reading: Reading, answers_kept: pl.DataFrame, cells: pl.DataFrame,
            asked: pl.DataFrame | None, counts: Counts) -> Counts | None:
    """The single-choice and multiple-response questions per group of ``counts``, under ``rule``."""
    survey = reading.survey
    if not survey.others:
        return None
    chosen = [it for it in survey.others if it.column in reading.source_of]
    frames = [_set_member(rule, answers_kept, rule.kept(cells), asked, reading, it)
              if it.set_name in reading.column_sets and it.column in reading.column_sets[it.set_name]
              else rule.coded(answers_kept, it.column, reading.source_of[it.column]) for it in chosen]
    return Counts(counts.source, tuple(chosen), counts.groups, _tallied(rule, chosen, frames).table,
                  counts.respondents, counts.group_column, counts.no_group)


def _numbers(rule: Rule, reading: Reading, answers_kept: pl.DataFrame) -> list:
    """The number questions: their answers counted by value, a crossing cell with too few of them held back."""
    survey, distinct, numbers = reading.survey, reading.distinct, []
    for j, it in enumerate(survey.numbers):
        if it.column in distinct and survey.number_values is not None:
            value_of = dict(zip(distinct[it.column], survey.number_values[reading.rows[it.column], j].tolist()))
            numbers.append(rule.number_counts(it, answers_kept, value_of))
    return numbers


def counted_from(reading: Reading, answers: pl.DataFrame, cells: pl.DataFrame, asked: pl.DataFrame | None, *,
                 keys: Sequence[str], group: str | None, groupings: tuple[str, ...], min_group_size: int,
                 filters: Mapping[str, Sequence[str]] | None, table: str, lang: str) -> tuple[Counted, Rule]:
    """The counts of every question per group of ``group`` from the queries' results (``answers``: per cell and
    distinct answer; ``cells``: respondents per cell; ``asked``: per cell, respondents asked each multiple-response
    set of columns), under the rule over ``groupings`` at ``min_group_size``, in the view of ``filters``; and the
    rule, for the indices' sums."""
    survey, distinct = reading.survey, reading.distinct
    label = text(POOLED, lang)
    pools, pool_notes = _pools(reading, cells, keys, groupings, min_group_size, label)
    group_of, names = _group_coding(reading, group, pools, label, lang)
    allowed = {k: {str(a) for a in v} for k, v in (filters or {}).items()}
    # each filter's and protected column's values as the file reader spells them: a value with a trailing space,
    # an invisible character or another Unicode form is the same group, and so the same cell, as in a file
    spelled = {k: _spelled(survey, k, distinct[k], reading.rows[k]) for k in dict.fromkeys([*allowed, *groupings])}
    for k, raws in pools.items():  # a filter on a pooled value is refused, as in memory
        lost = sorted(allowed.get(k, set()) & {name for raw, name in spelled.get(k, {}).items() if raw in raws})
        if lost:
            raise SurveyError("filter_value_pooled", column=k, values=", ".join(lost), label=label,
                              min_n=min_group_size)
    spelled = {k: {raw: label if raw in pools.get(k, ()) else name for raw, name in names_.items()}
               for k, names_ in spelled.items()}

    # 1. the cells: the protected crossing (small values pooled), and which cells are under the minimum
    protected = [f"k{keys.index(c)}" for c in groupings]
    pooled_keys = {f"k{keys.index(c)}": raws for c, raws in pools.items()}
    cells = cells.with_columns(cell=_cell_of(cells, protected, [spelled[c] for c in groupings]))
    size = cells.group_by("cell").agg(pl.col("n").sum())
    small_cells = frozenset(size.filter(pl.Series(small(size["n"].to_numpy(), min_group_size)))["cell"].to_list())
    rule = Rule(tuple(keys), tuple(protected), small_cells, group, group_of, allowed, spelled, names,
                 reading.code_of, min_group_size, pooled=pooled_keys)
    kept = rule.counted(rule.kept(cells))
    groups = rule.groups_of(kept)
    n = kept["n"].to_numpy()
    respondents = tuple(int(v) for v in np.bincount(groups[groups >= 0], weights=n[groups >= 0],
                                                    minlength=len(names)))
    no_group = int(n[groups < 0].sum())

    # 2. per question: answers in a cell with too few of them count as blank; then summed per group
    answers_kept = rule.kept(answers)
    scales = _tallied(rule, reading.scales, [rule.coded(answers_kept, it.column, it.column) for it in reading.scales])
    counts = Counts(table, reading.scales, names, scales.table, respondents, group, no_group)

    # 3. the single-choice and multiple-response questions, and the numbers, counted and protected the same way
    others = _others(rule, reading, answers_kept, cells, asked, counts)
    numbers = _numbers(rule, reading, answers_kept)
    cell_values: dict[str, list[tuple[str | None, ...]]] = {}
    for cell, values in zip(cells["cell"].to_list(), cells.select(protected).rows()):
        cell_values.setdefault(cell, []).append(values)
    rule = replace(rule, held_cells=scales.held_cells, cell_values=cell_values)
    viewed = cells.filter(pl.Series(rule.in_view(cells), dtype=pl.Boolean))
    held_rows = int(viewed.filter(pl.col("cell").is_in(list(small_cells)))["n"].sum())
    return Counted(counts, frozenset(scales.emptied), bool(small_cells) or scales.held_any,
                   (*_notes(survey.notes, answers, reading.code_of), *pool_notes), in_view=int(viewed["n"].sum()),
                   held_rows=held_rows, others=others, numbers=tuple(numbers)), rule


@dataclass(frozen=True)
class _Tally:
    table: np.ndarray
    emptied: frozenset[tuple[str, str]]
    held_any: bool
    #: per question, the cells whose answers to it are held back
    held_cells: Mapping[str, frozenset[str]] = field(default_factory=dict)


def _tallied(rule: Rule, items: Sequence[Item], frames: Sequence[pl.DataFrame]) -> _Tally:
    """Each question's answers (``frames``: per cell and code, the cells held back left out) per group, with the
    answers of a cell with too few of them counted as blank; which (question, group) cells lost every answer so,
    and whether any answer was held back."""
    width = max((it.n_categories for it in items), default=1)
    table = np.zeros((len(items), len(rule.names), width), dtype=np.int64)
    emptied: set[tuple[str, str]] = set()
    held_any = False
    held_cells: dict[str, frozenset[str]] = {}
    for j, (item, rows) in enumerate(zip(items, frames)):
        codes = rows["code"].to_numpy().astype(np.int64)
        n = rows["n"].to_numpy().astype(np.int64)
        cell_ids, cell_index = np.unique(rows["cell"].to_numpy(), return_inverse=True)
        substantive = np.bincount(cell_index, weights=n * ((codes > 0) & (codes <= item.scale.k)),
                                  minlength=len(cell_ids))
        given = np.bincount(cell_index, weights=n * (codes > 0), minlength=len(cell_ids))
        few = small(substantive, rule.min_group_size) | small(given, rule.min_group_size)
        withheld = few[cell_index] & (codes > 0)
        held_any |= bool(withheld.any())
        if withheld.any():
            held_cells[item.column] = frozenset(cell_ids[few].tolist())
        groups = rule.groups_of(rows)
        live = rule.in_view(rows) & (groups >= 0)
        shown = np.where(withheld, 0, codes)
        np.add.at(table[j], (groups[live], shown[live]), n[live])
        if withheld.any():
            answered = table[j, :, 1:].sum(axis=1)
            emptied |= {(item.column, rule.names[g]) for g in np.unique(groups[live & withheld]) if answered[g] == 0}
    return _Tally(table, frozenset(emptied), held_any, held_cells)


def _set_member(rule: Rule, answers: pl.DataFrame, cells: pl.DataFrame, asked: pl.DataFrame | None,
                reading: Reading, item: Item) -> pl.DataFrame:
    """A multiple-response option in a set of columns, per cell and code: ticked (2) from its own answers, not
    ticked (1) the others the set's query counts as asked, not asked (0) the rest of the cell."""
    assert asked is not None
    keys = [f"k{i}" for i in range(len(rule.keys))]
    column = f"a{list(reading.column_sets).index(item.set_name)}"
    ticked = rule.coded(answers, item.column, item.column).filter(pl.col("code") == 2)
    base = cells.select([*keys, "cell", "n"])
    if keys:
        ticked = ticked.group_by(keys).agg(pl.col("n").sum().alias("t"))
        base = base.join(asked.select([*keys, column]), on=keys, how="left", nulls_equal=True)
        base = base.join(ticked, on=keys, how="left", nulls_equal=True)
    else:  # one cell
        base = base.with_columns(asked[column], t=pl.lit(int(ticked["n"].sum())))
    base = base.with_columns(pl.col(column).fill_null(0).cast(pl.Int64).alias("a"), pl.col("t").fill_null(0))
    parts = [base.with_columns(code=pl.lit(code, dtype=pl.Int64), n=expr.cast(pl.Int64)) for code, expr in
             ((2, pl.col("t")), (1, pl.col("a") - pl.col("t")), (0, pl.col("n") - pl.col("a")))]
    return pl.concat([p.select([*keys, "cell", "code", "n"]) for p in parts])


def _cell_of(frame: pl.DataFrame, protected: Sequence[str], spellings: Sequence[Mapping[str | None, str]]
             ) -> pl.Series:
    """Each row's cell: its values of the protected keys (``k0…``) as the file reader spells them
    (``spellings``, one per key), as one text."""
    if not protected:
        return pl.Series(["()"] * frame.height)
    return pl.Series([repr(tuple(s.get(v, v) for s, v in zip(spellings, t))) for t in frame.select(protected).rows()])


def _pools(reading: Reading, cells: pl.DataFrame, keys: Sequence[str], groupings: Sequence[str],
           min_group_size: int, label: str) -> tuple[dict[str, frozenset[str | None]], tuple[Note, ...]]:
    """Per protected column, the database's values pooled into "Øvrige": the decision of
    :func:`lmp_core.counting.disclosure.pooled_values` on the respondents per value as the file reader spells it."""
    pools: dict[str, frozenset[str | None]] = {}
    notes: list[Note] = []
    for column in dict.fromkeys(groupings):
        if reading.survey.item_index(column) is not None:
            continue  # a question as a grouping column: not pooled, as in memory
        name_of = {raw: name or None for raw, name in _spelled(reading.survey, column, reading.distinct[column],
                                                                reading.rows[column]).items()}
        sizes: dict[str | None, int] = {}
        for raw, n in zip(cells[f"k{keys.index(column)}"].to_list(), cells["n"].to_list()):
            sizes[name_of.get(raw)] = sizes.get(name_of.get(raw), 0) + int(n)
        chosen = pooled_values(sizes, min_group_size)
        if chosen:
            pools[column] = frozenset(raw for raw, name in name_of.items() if name in chosen)
            notes.append(("warn_pooled", {"column": column, "label": label, "min_n": min_group_size}))
    return pools, tuple(notes)


@dataclass(frozen=True)
class Rule:
    """The disclosure rule's decision on a table's cells, and how a row of a query's result (keys ``k0…``) maps to
    the view: its group, whether the filters keep it, each answer's code."""

    keys: tuple[str, ...]
    protected: tuple[str, ...]
    small_cells: frozenset[str]
    group: str | None
    group_of: Mapping[str | None, int]
    allowed: Mapping[str, set[str]]
    spelled: Mapping[str, Mapping[str | None, str]]
    names: tuple[str, ...]
    code_of: Mapping[str, Mapping[str | None, int]]
    min_group_size: int = MIN_GROUP_SIZE
    #: per question, the cells whose answers to it the question views hold back (an index holds them back too)
    held_cells: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: each cell's values of the protected columns, as the counting query returned them (several where pooled)
    cell_values: Mapping[str, list[tuple[str | None, ...]]] = field(default_factory=dict)
    #: per protected key (``k0…``), the values pooled into "Øvrige" (:func:`lmp_core.counting.disclosure.pooled`)
    pooled: Mapping[str, frozenset[str | None]] = field(default_factory=dict)

    def held_answers(self) -> tuple[tuple[str, ...], dict[str, list[tuple[str | None, ...]]]]:
        """The protected columns (by name), and per question the values of the cells whose answers to it the
        question views hold back: the index's query counts them as blank (:func:`lmp_core.counting.database.index_queries`),
        as :meth:`lmp_core.counting.disclosure.HeldBack.shown_codes` does in memory."""
        columns = tuple(self.keys[int(k[1:])] for k in self.protected)
        return columns, {q: [v for c in sorted(cells) for v in self.cell_values[c]]
                         for q, cells in self.held_cells.items()}

    def coded(self, answers: pl.DataFrame, question: str, column: str) -> pl.DataFrame:
        """``question``'s rows of the counting query's result (its answers are in ``column``) with each answer's
        code (``code``)."""
        rows = answers.filter(pl.col("item") == column)
        codes = [self.code_of[question].get(v, 0) for v in rows["raw"].to_list()]
        return rows.with_columns(code=pl.Series(codes, dtype=pl.Int64))

    def number_counts(self, item: Item, answers: pl.DataFrame, value_of: Mapping[str | None, float]
                      ) -> NumberCounts:
        """A number question's answers per group counted by value: those of the kept cells in the view, without a
        crossing cell's answers where it has between 1 and the minimum − 1 of them (as in memory)."""
        rows = answers.filter(pl.col("item") == item.column)
        values = np.array([value_of.get(v, np.nan) for v in rows["raw"].to_list()], dtype=float)
        n = rows["n"].to_numpy().astype(np.int64)
        answered = np.isfinite(values)
        cell_ids, cell_index = np.unique(rows["cell"].to_numpy(), return_inverse=True)
        per_cell = np.bincount(cell_index, weights=n * answered, minlength=len(cell_ids))
        withheld = small(per_cell, self.min_group_size)[cell_index]
        usable = self.in_view(rows) & answered & ~withheld
        groups = np.where(usable, self.groups_of(rows), -1)
        distinct, per_group = value_counts(values, groups, len(self.names), n)
        return NumberCounts(item, distinct, per_group)

    def kept(self, frame: pl.DataFrame) -> pl.DataFrame:
        """The rows of cells that are not held back (with their ``cell``)."""
        if "cell" not in frame.columns:
            spellings = [self.spelled[self.keys[int(k[1:])]] for k in self.protected]
            frame = frame.with_columns(cell=_cell_of(frame, self.protected, spellings))
        return frame.filter(~pl.col("cell").is_in(list(self.small_cells)))

    def counted(self, frame: pl.DataFrame) -> pl.DataFrame:
        """The rows that count: of cells not held back, in the view."""
        frame = self.kept(frame)
        return frame.filter(pl.Series(self.in_view(frame), dtype=pl.Boolean))

    def in_view(self, frame: pl.DataFrame) -> np.ndarray:
        mask = np.ones(frame.height, dtype=bool)
        for k, wanted in self.allowed.items():
            col = f"k{self.keys.index(k)}"
            mask &= np.array([self.spelled[k].get(v) in wanted for v in frame[col].to_list()], dtype=bool)
        return mask

    def groups_of(self, frame: pl.DataFrame) -> np.ndarray:
        if not self.group:
            return np.zeros(frame.height, dtype=np.int64)
        return np.array([self.group_of.get(v, -1) for v in frame[f"k{self.keys.index(self.group)}"].to_list()],
                        dtype=np.int64)

    def index_sums(self, items: Sequence[Item], histogram: pl.DataFrame, pairs: Sequence[pl.DataFrame]
                   ) -> IndexSums:
        """One index's sums over the kept cells in the view (:func:`index_queries`' results), as
        :func:`lmp_core.compute.indices.make_index` makes them from the respondents in memory."""
        k = len(items)
        total: dict[str, float] = {}
        for frame in map(self.counted, pairs):
            total |= {c: float(frame[c].fill_null(0).sum()) for c in frame.columns if c[:2] in ("n_", "s_", "q_", "p_")}
        sums = np.zeros((4, k, k))
        for i in range(k):
            for j in range(k):
                lo, hi = min(i, j), max(i, j)
                sums[:, i, j] = (total[f"n_{lo}_{hi}"], total[f"s_{i}_{j}"], total[f"q_{i}_{j}"],
                                 total[f"q_{i}_{i}"] if i == j else total[f"p_{lo}_{hi}"])
        rows = self.counted(histogram)
        return index_sums(sums, rows["c"].to_numpy().astype(np.int64), rows["s"].to_numpy().astype(float),
                          self.groups_of(rows), rows["n"].to_numpy().astype(np.int64), len(self.names), MIN_SHARE * k)


def _notes(notes: Sequence[Note], answers: pl.DataFrame, code_of: Mapping[str, Mapping[str | None, int]]
           ) -> tuple[Note, ...]:
    """The reader's notes on the distinct values, with each count of answers outside a scale taken from the whole
    table (the reader saw each value once): the answers given whose value the scale does not know."""
    out: list[Note] = []
    for key, params in notes:
        if key in ("codes_outside_scale", "labels_outside_scale") and params.get("column") in code_of:
            column = params["column"]
            outside = [raw for raw, code in code_of[column].items() if raw is not None and code == 0]
            rows = answers.filter((pl.col("item") == column) & pl.col("raw").is_in(outside))
            out.append((key, {**params, "count": int(rows["n"].sum())}))
        else:
            out.append((key, params))
    return tuple(out)


def _spelled(survey: Any, column: str, values: list[str | None], rows: slice) -> dict[str | None, str]:
    """Each distinct value of a grouping column as a user sees it (the name a filter lists)."""
    codes, names = group_codes(survey, column)
    return {v: (names[c] if c >= 0 else "") for v, c in zip(values, codes[rows].tolist())}
