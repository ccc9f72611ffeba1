"""What every reader shares: the column limit and duplicate-column check, and blank-row removal."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import polars as pl

from lmp_core.base.errors import Note, SurveyError
from lmp_core.base.fmt import Fixed


@dataclass(frozen=True)
class Table:
    """What a reader makes of a file's bytes: its columns as a frame and what the format said about them
    (SPSS value labels, declared missing codes, measures, variable labels or a survey tool's question texts)
    and the notes from reading. :mod:`lmp_core.load` decides whether it is respondent rows (a survey) or a
    table of counts."""

    frame: pl.DataFrame
    name: str
    notes: tuple[Note, ...] = ()
    value_labels: Mapping[str, Mapping[float, str]] = field(default_factory=dict)
    missing_ranges: Mapping[str, list[tuple[float, float]]] = field(default_factory=dict)
    measures: Mapping[str, str] = field(default_factory=dict)
    questions: Mapping[str, str] = field(default_factory=dict)


#: Most columns read from one file.
MAX_COLUMNS = 5000
#: Most characters in one cell: Excel's own limit for a cell. A longer "answer" is nearly always a quote mark
#: left open, which swallowed the rows after it; every later step would carry the giant text.
MAX_CELL_CHARS = 32_767


def check_columns(columns: list[str], name: str) -> None:
    """Refuse a file with more than :data:`MAX_COLUMNS` columns, or whose header names one column twice (naming
    them). Reading only the first columns would silently lose the rest, the group or id column among them."""
    if len(columns) > MAX_COLUMNS:
        raise SurveyError("too_many_columns", file=name, count=Fixed(len(columns), 0), limit=Fixed(MAX_COLUMNS, 0))
    seen: set[str] = set()
    dupes = [c for c in columns if c in seen or seen.add(c)]  # type: ignore[func-returns-value]
    if dupes:
        raise SurveyError("duplicate_columns", file=name, columns=", ".join(dict.fromkeys(dupes)))


def drop_blank_rows(frame: pl.DataFrame, name: str, notes: list[Note]) -> pl.DataFrame:
    """The rows with at least one value (a note says how many blank ones went); no rows at all is an error."""
    if frame.height == 0:
        raise SurveyError("header_only", file=name)
    blank = pl.all_horizontal([pl.col(c).is_null() for c in frame.columns])
    n_blank = int(frame.select(blank.sum()).item())
    if n_blank:
        frame = frame.filter(~blank)
        notes.append(("blank_rows_dropped", {"file": name, "rows": n_blank}))
    if frame.height == 0:
        raise SurveyError("header_only", file=name)
    return frame


def check_cells(frame: pl.DataFrame, name: str) -> None:
    """Refuse a file with a text cell of :data:`MAX_CELL_CHARS` or more, naming its column and row (1 = the first
    row under the header), and never quoting the cell (it may hold a respondent's words)."""
    text_columns = [c for c, dtype in frame.schema.items() if dtype == pl.String]
    if not text_columns:
        return
    longest = frame.select(pl.col(text_columns).str.len_chars().max()).row(0)
    for column, length in zip(text_columns, longest):
        if length is not None and length >= MAX_CELL_CHARS:  # Excel readers stop a longer cell at the limit
            row = int(frame.select(pl.col(column).str.len_chars().arg_max()).item()) + 1
            raise SurveyError("cell_too_long", file=name, column=column, row=row, length=Fixed(length, 0),
                              limit=Fixed(MAX_CELL_CHARS, 0))


def whole_numbers(values: pl.Series) -> pl.Series:
    """A float column whose values are all whole numbers (a code column with blanks, from SPSS or Excel) as
    integers; any other column (decimals, NaN, infinities, or whole numbers beyond 2⁵³ that no integer type
    holds exactly) as it is.

    >>> whole_numbers(pl.Series([1.0, None, 3.0])).dtype, whole_numbers(pl.Series([1.0, 1e100])).dtype
    (Int64, Float64)
    """
    if not values.dtype.is_float():
        return values
    present = values.drop_nulls()
    if present.is_nan().any() or present.is_infinite().any() or not (present % 1 == 0).all() \
            or (present.len() and present.abs().max() >= 2**53):
        return values
    return values.cast(pl.Int64)
