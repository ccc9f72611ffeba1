"""Parquet files (columnar, typed; what a warehouse or DuckDB exports): read by polars, text as text.

Categorical and enum columns become text; numbers stay numbers; every other type (dates, lists) is read as
its text. The rest is the CSV path's: duplicate columns refused, blank rows dropped with a note, a frequency
table recognised, then :func:`~lmp_core.read.columns.build_survey`.
"""

from __future__ import annotations

import io
from typing import Any

import polars as pl

from lmp_core.counts import Counts
from lmp_core.errors import SurveyError
from lmp_core.read.columns import build_survey
from lmp_core.read.frames import check_columns, drop_blank_rows
from lmp_core.read.frequency import counts_from_frequency_table, frequency_columns
from lmp_core.survey import Note, Survey

#: The first bytes (and last) of every Parquet file.
MAGIC = b"PAR1"


def read_parquet(data: bytes, name: str, **options: Any) -> Survey | Counts:
    """A Parquet file: respondent rows (a Survey) or a frequency table (its Counts)."""
    try:
        schema = pl.read_parquet_schema(io.BytesIO(data))
    except Exception as err:  # noqa: BLE001  a broken file raises the engine's own kinds
        raise SurveyError("unreadable_parquet", file=name, detail=type(err).__name__) from None
    columns = list(schema)
    check_columns(columns, name)
    notes: list[Note] = []
    try:
        frame = pl.read_parquet(io.BytesIO(data), columns=columns)
    except Exception as err:  # noqa: BLE001  see above
        raise SurveyError("unreadable_parquet", file=name, detail=type(err).__name__) from None
    frame = frame.with_columns(_as_read(frame[c]) for c in frame.columns)
    frame = drop_blank_rows(frame, name, notes)
    if frequency_columns(frame.columns) is not None:
        return counts_from_frequency_table(frame, name)
    return build_survey(frame, name, notes=tuple(notes), **options)


def _as_read(series: pl.Series) -> pl.Series:
    """Numbers and text as they are; categories as their text; anything else as its text."""
    if series.dtype.is_numeric() or series.dtype == pl.String:
        return series
    if series.dtype == pl.Boolean:
        return series.cast(pl.Int8)
    return series.cast(pl.String)
