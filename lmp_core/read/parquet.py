"""Parquet files (columnar, typed; what a warehouse or DuckDB exports): read by polars, text as text.

Categorical and enum columns become text; numbers stay numbers; every other type (dates, lists) is read as
its text. The rest is the CSV path's: duplicate columns refused, blank rows dropped with a note, a frequency
table recognised by :mod:`lmp_core.load`.
"""

from __future__ import annotations

import io
from pathlib import Path

import polars as pl

from lmp_core.base.errors import Note, SurveyError
from lmp_core.read.frames import Table, check_columns, drop_blank_rows

#: The first bytes (and last) of every Parquet file.
MAGIC = b"PAR1"


def is_parquet_file(path: Path) -> bool:
    """Whether the file at ``path`` begins as every Parquet file does (:data:`MAGIC`), from its first four bytes
    only (a file streamed past memory is never read whole; anything else is read as delimited text)."""
    with path.open("rb") as handle:
        return handle.read(4) == MAGIC


def read_parquet(data: bytes, name: str) -> Table:
    """A Parquet file's columns, text as text."""
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
    return Table(frame, name, tuple(notes))


def _as_read(series: pl.Series) -> pl.Series:
    """Numbers and text as they are; categories as their text; anything else as its text."""
    if series.dtype.is_numeric() or series.dtype == pl.String:
        return series
    if series.dtype == pl.Boolean:
        return series.cast(pl.Int8)
    return series.cast(pl.String)
