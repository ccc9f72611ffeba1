"""Delimited text (CSV, TSV, ";"-separated): layout from :mod:`lmp_core.read.sniff`, parsing with polars."""

from __future__ import annotations

import io
from typing import Any

import polars as pl

from lmp_core.base.errors import Note, SurveyError
from lmp_core.read.frames import Table, check_columns, drop_blank_rows
from lmp_core.read.sniff import QUESTION_ROW, TextLayout, inspect_text


def read_text(data: bytes, name: str) -> Table:
    """A delimited text file's columns, with the survey tool's question texts when its header rows give them."""
    layout = inspect_text(data, name)
    try:
        try:
            frame = _read_csv_frame(layout, name)
        except _NotUtf8:
            layout = inspect_text(data, name, force_decode=True)
            frame = _read_csv_frame(layout, name)
    except OSError:
        # polars inflates text that starts with a compressor's magic bytes (zlib's "x\x01", gzip's, zstd's) and
        # fails on what follows: such a file is no CSV text
        raise SurveyError("binary_as_csv", file=name) from None
    notes: list[Note] = []
    if layout.encoding.startswith("UTF-8 + "):
        notes.append(("mixed_encoding", {"file": name, "lines": layout.encoding.split("(")[1].rstrip(")")}))
    elif layout.encoding not in ("UTF-8", "UTF-8 (BOM)"):
        notes.append(("decoded_as", {"file": name, "encoding": layout.encoding}))
    if layout.tool == QUESTION_ROW:
        notes.append(("question_text_row", {"file": name}))
    elif layout.tool:
        notes.append(("header_rows_skipped", {"file": name, "rows": layout.skip_after_header, "tool": layout.tool}))
    frame = drop_blank_rows(frame, name, notes)
    return Table(frame, name, tuple(notes), questions=layout.question_texts)


class _NotUtf8(Exception):
    """The CSV parser met bytes that are not UTF-8 after a UTF-8 start."""


#: Text columns with at most this many distinct values in the first rows are read as categories.
_MAX_CATEGORIES = 40
#: Integer columns whose first 2,000 values lie in this range are answer codes, read as 16-bit
#: integers (a quarter of the memory of int64); larger ones (ids, counts) as int64.
_CODE_RANGE = (-999, 999)


def _read_csv_frame(layout: TextLayout, name: str) -> pl.DataFrame:
    """Parse with polars: a first look at 2,000 rows fixes the column types, then one full read
    with small integer columns as Int16 and text as strings; a column that turns out not to fit
    sends the whole file through the all-text reader."""
    columns = [c if c else f"column_{i + 1}" for i, c in enumerate(layout.header)]
    check_columns(columns, name)
    common: dict[str, Any] = {
        "separator": layout.separator, "has_header": False, "skip_rows": 1 + layout.skip_after_header,
        "quote_char": '"', "null_values": [""], "try_parse_dates": False,
    }
    try:
        head = pl.read_csv(io.BytesIO(layout.data), n_rows=2000, infer_schema_length=2000, new_columns=columns,
                           columns=list(range(len(columns))), **common)
        schema: dict[str, Any] = {}
        for column, dtype in head.schema.items():
            if dtype.is_integer():
                low, high = head[column].min(), head[column].max()
                fits = low is None or (_CODE_RANGE[0] <= low and high <= _CODE_RANGE[1])
                schema[column] = pl.Int16 if fits else pl.Int64
            elif dtype.is_float():
                schema[column] = pl.Float64
            elif dtype == pl.Boolean:
                # TRUE/FALSE (Qualtrics' Finished) stays the text it is: a yes/no answer or a status, read as such
                schema[column] = pl.String
            elif head[column].n_unique() <= _MAX_CATEGORIES and \
                    float(head[column].str.len_chars().mean() or 0) < 60:
                schema[column] = pl.Categorical  # answer labels: counted by their integer ids
            else:
                schema[column] = pl.String
        # the full schema in column order (overrides by name do not follow new_columns)
        try:
            return pl.read_csv(io.BytesIO(layout.data), schema=schema, **common)
        except pl.exceptions.ComputeError as err:
            if "utf-8" in str(err).lower() or "utf8" in str(err).lower():
                raise
            # a code column with a large value further down: 64-bit integers for all of them
            wide = {c: (pl.Int64 if d == pl.Int16 else d) for c, d in schema.items()}
            return pl.read_csv(io.BytesIO(layout.data), schema=wide, **common)
    except pl.exceptions.NoDataError:
        raise SurveyError("header_only", file=name) from None
    except pl.exceptions.ComputeError as err:
        if "utf-8" in str(err).lower() or "utf8" in str(err).lower():
            raise _NotUtf8 from None
        if "could not parse" in str(err) or "parse" in str(err):
            return _read_text_as_strings(layout, columns, name)
        raise _ragged_or(err, layout, name) from None
    except pl.exceptions.PolarsError as err:
        raise _ragged_or(err, layout, name) from None


def _read_text_as_strings(layout: TextLayout, columns: list[str], name: str) -> pl.DataFrame:
    try:
        frame = pl.read_csv(io.BytesIO(layout.data), separator=layout.separator, has_header=False,
                            new_columns=columns, skip_rows=1 + layout.skip_after_header, infer_schema=False,
                            null_values=[""], columns=list(range(len(columns))))
    except pl.exceptions.ComputeError as err:
        if "utf-8" in str(err).lower() or "utf8" in str(err).lower():
            raise _NotUtf8 from None
        raise _ragged_or(err, layout, name) from None
    except pl.exceptions.PolarsError as err:
        raise _ragged_or(err, layout, name) from None
    # columns that are whole numbers throughout are numbers
    casts = []
    for c in frame.columns:
        as_int = frame[c].str.strip_chars().cast(pl.Int64, strict=False)
        if as_int.null_count() == frame[c].null_count():
            casts.append(as_int.alias(c))
    return frame.with_columns(casts) if casts else frame


def _ragged_or(err: Exception, layout: TextLayout, name: str) -> SurveyError:
    import csv

    reader = csv.reader(io.StringIO(layout.data.decode("utf-8", errors="replace"), newline=""),
                        delimiter=layout.separator)
    expected = len(layout.header)
    row_number = 0
    try:
        for row_number, row in enumerate(reader, start=1):
            if row and len(row) != expected:
                return SurveyError("ragged_rows", file=name, row=row_number, found=len(row), expected=expected)
    except csv.Error as csv_err:
        if "field larger than field limit" in str(csv_err):
            # a quote mark opened and never closed: the rest of the file became one field. Row 1 is the header,
            # so the failing row (the one after the last read) is row_number under the header
            return SurveyError("unclosed_quote", file=name, row=row_number)
        return SurveyError("unreadable_csv", file=name, detail=str(csv_err))
    return SurveyError("unreadable_csv", file=name, detail=str(err).splitlines()[0][:200])
