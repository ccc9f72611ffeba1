"""The setup's reader on a database's distinct values: each answer's code and each key value's group, as in a file.

A database (or a file DuckDB streams) sends back distinct values, never respondents. :func:`read_distinct` lays
them out as a small table, one column's values per row and blanks elsewhere, and reads it with the setup's reader
(:func:`lmp_core.setup.columns.build_survey`), so that the counting of :mod:`lmp_core.counting.db_counts` codes
each answer as a file's reading codes it. Missing values: a NULL answer or key value stays blank.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import polars as pl

from lmp_core.setup.codebook import CodebookEntry
from lmp_core.setup.columns import build_survey
from lmp_core.setup.survey import Item, Survey


def _typed(values: list[str | None], dtype: pl.DataType) -> pl.Series:
    """Text from the database back in its column's type (numbers as numbers, so a code reads as in a file). A
    column said to be numeric whose values are not all numbers stays text: SQLite reports a type per value, and
    an empty result's column types are guesses."""
    series = pl.Series(values, dtype=pl.String)
    if dtype.is_numeric() or dtype == pl.Null:
        numbers = series.cast(pl.Float64, strict=False)
        if numbers.null_count() == series.null_count():
            whole = numbers.drop_nulls()
            # whole numbers as such, whatever the column's type says (SQLite's guess of a REAL column can be INTEGER)
            return numbers.cast(pl.Int64) if (whole == whole.round()).all() else numbers
        return series
    if dtype == pl.Boolean:
        return series.str.to_lowercase().is_in(["true", "t", "1"]).set(series.is_null(), None)
    return series


@dataclass(frozen=True)
class Reading:
    """What the setup's reader makes of the distinct values the counting query returned: the questions of every
    kind, each distinct answer's code (or number), and each distinct key value's group."""

    survey: Survey
    #: each column's distinct values, and the rows of the reader's table that hold them (one column at a time)
    distinct: Mapping[str, list[str | None]]
    rows: Mapping[str, slice]
    scales: tuple[Item, ...]
    #: per question (scale, single choice or multiple-response option): each distinct answer's code
    code_of: Mapping[str, Mapping[str | None, int]]
    #: per multiple-response option or single choice: the column its answers are in (a list's options share one)
    source_of: Mapping[str, str]
    #: the multiple-response sets of several columns: whether a respondent was asked depends on them all
    column_sets: Mapping[str, tuple[str, ...]]


def read_distinct(answers: pl.DataFrame, cells: pl.DataFrame, schema: pl.Schema,
                  codebook: Mapping[str, CodebookEntry], questions: Sequence[str], keys: Sequence[str],
                  table: str) -> Reading:
    """The setup's reader on the distinct values only, one column at a time (each row of its table holds one
    column's value and blanks elsewhere, so a code never depends on another column's value: the same code as in a
    file wherever a file's code depends on the value alone; a multiple-response set's "asked" is counted by
    :func:`asked_query`)."""
    distinct: dict[str, list[str | None]] = {}
    for q in questions:
        distinct[q] = sorted(set(answers.filter(pl.col("item") == q)["raw"].to_list()), key=lambda v: (v is None, v))
    for i, k in enumerate(keys):
        distinct[k] = sorted(set(cells[f"k{i}"].to_list()), key=lambda v: (v is None, v or ""))
    # each value twice: a column whose values all differ would read as a respondent id (a number question's)
    rows: dict[str, slice] = {}
    start = 0
    for c, values in distinct.items():
        rows[c] = slice(start, start + len(values))
        start += 2 * len(values)
    height = max(start, 1)
    skeleton = pl.DataFrame({c: _typed([None] * rows[c].start + v + v + [None] * (height - rows[c].start - 2 * len(v)),
                                       schema[c]) for c, v in distinct.items()})
    survey = build_survey(skeleton, table, codebook={c: e for c, e in codebook.items() if c in skeleton.columns})
    scales = tuple(survey.item(q) for q in questions if survey.item_index(q) is not None)
    code_of = {it.column: dict(zip(distinct[it.column], survey.codes[rows[it.column], j].tolist()))
               for j, it in enumerate(survey.items) if it.column in distinct}
    source_of: dict[str, str] = {}
    for j, it in enumerate(survey.others):
        column = it.column if it.column in distinct else it.column.split("[", 1)[0]  # a list's option: "liste[A]"
        if column in distinct and survey.other_codes is not None:
            source_of[it.column] = column
            code_of[it.column] = dict(zip(distinct[column], survey.other_codes[rows[column], j].tolist()))
    members: dict[str, list[str]] = {}
    for it in survey.others:
        if it.kind == "multi" and source_of.get(it.column) == it.column:
            members.setdefault(it.set_name, []).append(it.column)
    return Reading(survey, distinct, rows, scales, code_of, source_of,
                    {name: tuple(cols) for name, cols in members.items()})
