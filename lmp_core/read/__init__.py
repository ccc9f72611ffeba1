"""Bytes in -> a tidy :class:`~lmp_core.survey.Survey` (or, for a frequency table, its counts).

All format quirks end here: CSV (separator, encoding and survey-tool header rows detected),
Excel ``.xlsx`` (sheet choice, blank rows), SPSS ``.sav`` (value labels, variable labels,
declared user-missing codes), and pre-aggregated frequency tables (item, group, answer, count).
Nothing is written to disk; the caller's bytes are never changed.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

import pandas as pd
import polars as pl

from lmp_core.counts import Counts
from lmp_core.errors import SurveyError
from lmp_core.read.codebook import CodebookEntry, read_codebook
from lmp_core.read.columns import build_survey
from lmp_core.read.frequency import counts_from_frequency_table, frequency_columns
from lmp_core.read.text import TextLayout, inspect_text, looks_binary
from lmp_core.survey import Note, Survey

__all__ = ["MAX_BYTES", "MAX_COLUMNS", "excel_sheets", "is_excel", "read_codebook", "read_file"]

#: Largest file accepted (the app's upload limit says the same).
MAX_BYTES = 1024 * 1024 * 1024
#: Most columns read from one file.
MAX_COLUMNS = 5000

Progress = Callable[[float, str], None]


def _kind(data: bytes, name: str) -> str:
    lower = name.lower()
    if data.startswith((b"$FL2", b"$FL3")):
        return "spss"
    if data.startswith(b"PK\x03\x04"):
        return "excel"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "xls"
    # the bytes decide, not the name: a CSV saved as "x.xlsx" is read as the CSV it is
    if lower.endswith((".sav", ".zsav")) and looks_binary(data):
        return "spss"
    return "text"


def read_file(
    data: bytes,
    name: str,
    *,
    codebook: dict[str, CodebookEntry] | None = None,
    sheet: str | int | None = None,
    progress: Progress | None = None,
    dont_know: frozenset[str] = frozenset(),
    exclude: frozenset[str] = frozenset(),
) -> Survey | Counts:
    """Read one uploaded file.

    Returns a :class:`Survey` for respondent rows, or :class:`Counts` for a frequency table.
    ``dont_know`` adds answer texts to read as "don't know"; ``exclude`` takes question columns out.
    Raises :class:`SurveyError` with a message naming the file and what to do.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError("data must be bytes")
    data = bytes(data)
    if len(data) > MAX_BYTES:
        raise SurveyError("too_large", file=name, size_mb=len(data) // 2**20, limit_mb=MAX_BYTES // 2**20)
    if not _has_content(data):
        raise SurveyError("empty_file", file=name)
    kind = _kind(data, name)
    if progress:
        progress(0.05, name)
    options = {"codebook": codebook, "dont_know": dont_know, "exclude": exclude}
    if kind == "spss":
        result = _read_spss(data, name, **options)
    elif kind == "excel":
        result = _read_excel(data, name, sheet=sheet, **options)
    elif kind == "xls":
        raise SurveyError("unknown_format", file=name, detail="old Excel .xls; save it as .xlsx")
    else:
        if looks_binary(data):
            raise SurveyError("binary_as_csv", file=name)
        result = _read_text(data, name, **options)
    if progress:
        progress(1.0, name)
    return result


def _has_content(data: bytes) -> bool:
    """True when the bytes hold anything but white space (stops at the first such byte)."""
    return re.search(rb"\S", data) is not None


def _check_columns(columns: list[str], name: str) -> None:
    seen: set[str] = set()
    dupes = [c for c in columns if c in seen or seen.add(c)]  # type: ignore[func-returns-value]
    if dupes:
        raise SurveyError("duplicate_columns", file=name, columns=", ".join(dict.fromkeys(dupes)))


def _read_text(data: bytes, name: str, **options: Any) -> Survey | Counts:
    layout = inspect_text(data, name)
    try:
        frame = _read_csv_frame(layout, name)
    except _NotUtf8:
        layout = inspect_text(data, name, force_decode=True)
        frame = _read_csv_frame(layout, name)
    notes: list[Note] = []
    if layout.encoding.startswith("UTF-8 + "):
        notes.append(("mixed_encoding", {"file": name, "lines": layout.encoding.split("(")[1].rstrip(")")}))
    elif layout.encoding not in ("UTF-8", "UTF-8 (BOM)"):
        notes.append(("decoded_as", {"file": name, "encoding": layout.encoding}))
    if layout.tool:
        notes.append(("header_rows_skipped", {"file": name, "rows": layout.skip_after_header, "tool": layout.tool}))
    if len(layout.header) > MAX_COLUMNS:
        notes.append(("many_columns", {"file": name, "count": len(layout.header), "limit": MAX_COLUMNS}))
    frame = _drop_blank_rows(frame, name, notes)
    if frequency_columns(frame.columns) is not None:
        return counts_from_frequency_table(frame, name)
    return build_survey(frame, name, questions=layout.question_texts, notes=tuple(notes), **options)


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
    _check_columns(columns, name)
    columns = columns[:MAX_COLUMNS]
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
            elif head[column].n_unique() <= _MAX_CATEGORIES and \
                    float(head[column].str.len_chars().mean() or 0) < 60:
                schema[column] = pl.Categorical  # answer labels: counted by their integer ids
            else:
                schema[column] = pl.String
        if len(layout.header) > len(columns):  # more columns than are read: keep the first ones
            return pl.read_csv(io.BytesIO(layout.data), new_columns=columns, columns=list(range(len(columns))),
                               infer_schema=False, **common)
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
    try:
        for row_number, row in enumerate(reader, start=1):
            if row and len(row) != expected:
                return SurveyError("ragged_rows", file=name, row=row_number, found=len(row), expected=expected)
    except csv.Error as csv_err:
        return SurveyError("unreadable_csv", file=name, detail=str(csv_err))
    return SurveyError("unreadable_csv", file=name, detail=str(err).splitlines()[0][:200])


def _drop_blank_rows(frame: pl.DataFrame, name: str, notes: list[Note]) -> pl.DataFrame:
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


def is_excel(data: bytes) -> bool:
    """True when the bytes are an Excel workbook (a zip), whatever the file is called."""
    return _kind(data, "") == "excel"


def excel_sheets(data: bytes, name: str) -> list[str]:
    """Names of the sheets of an Excel file."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    except Exception as err:  # noqa: BLE001  openpyxl raises many kinds (zip, xml, key errors) for a broken file
        raise SurveyError("unreadable_excel", file=name, detail=type(err).__name__) from None
    try:
        return list(book.sheetnames)
    finally:
        book.close()


def _read_excel(data: bytes, name: str, *, sheet: str | int | None, **options: Any) -> Survey | Counts:
    sheets = excel_sheets(data, name)
    if sheet is None and len(sheets) > 1:
        # no sheet chosen: the first sheet that holds questions (a cover sheet is passed over)
        first_error: SurveyError | None = None
        for candidate in sheets:
            try:
                return _read_excel(data, name, sheet=candidate, **options)
            except SurveyError as err:
                first_error = first_error or err
        raise first_error  # type: ignore[misc]
    if sheet is None:
        sheet = sheets[0]
    elif isinstance(sheet, str) and sheet not in sheets:
        raise SurveyError("unknown_sheet", file=name, sheet=sheet, sheets=", ".join(sheets))
    try:
        raw = pd.read_excel(io.BytesIO(data), sheet_name=sheet, header=None, dtype=object, engine="openpyxl")
    except Exception as err:  # noqa: BLE001  see excel_sheets
        raise SurveyError("unreadable_excel", file=name, detail=type(err).__name__) from None
    notes: list[Note] = []
    raw = raw.dropna(axis=1, how="all")
    while len(raw) and raw.iloc[0].isna().all():  # blank rows above the header
        raw = raw.iloc[1:]
    if raw.empty:
        raise SurveyError("empty_file", file=name)
    # the header is the first row with text in most cells (merged title cells above it are skipped)
    header_row = 0
    for pos in range(min(10, len(raw))):
        filled = raw.iloc[pos].notna().mean()
        if filled >= 0.5:
            header_row = pos
            break
    header = [str(v).strip() if pd.notna(v) else f"column_{i + 1}" for i, v in enumerate(raw.iloc[header_row])]
    _check_columns(header, name)
    body = raw.iloc[header_row + 1:].reset_index(drop=True)
    body.columns = header
    if body.empty:
        raise SurveyError("header_only", file=name)
    frame = pl.DataFrame({c: _excel_column(body[c]) for c in header})
    frame = _drop_blank_rows(frame, name, notes)
    if frequency_columns(frame.columns) is not None:
        return counts_from_frequency_table(frame, name)
    if len(sheets) > 1:
        notes.append(("sheet_read", {"file": name, "sheet": str(sheet), "sheets": ", ".join(sheets)}))
    return build_survey(frame, name, notes=tuple(notes), **options)


def _excel_column(values: pd.Series) -> pl.Series:
    numeric = pd.to_numeric(values, errors="coerce")
    if numeric.notna().sum() == values.notna().sum():
        return pl.Series(values.name, numeric.to_numpy(dtype=float), nan_to_null=True)
    return pl.Series(values.name, [None if pd.isna(v) else str(v).strip() for v in values], dtype=pl.String)


def _read_spss(data: bytes, name: str, **options: Any) -> Survey:
    import pyreadstat

    try:
        df, meta = pyreadstat.read_sav(io.BytesIO(data), user_missing=True)
    except Exception as err:  # noqa: BLE001  pyreadstat raises its own ReadstatError and others for a damaged file
        raise SurveyError("unreadable_spss", file=name, detail=str(err)[:200]) from None
    ranges = {col: [(float(r["lo"]), float(r["hi"])) for r in rs] for col, rs in meta.missing_ranges.items()}
    for col, values in (meta.missing_user_values or {}).items():
        ranges.setdefault(col, []).extend((float(v), float(v)) for v in values if isinstance(v, (int, float)))
    questions = {c: lab for c, lab in meta.column_names_to_labels.items() if lab}
    frame = pl.from_pandas(df)
    return build_survey(frame, name, value_labels=meta.variable_value_labels, missing_ranges=ranges,
                        measures=meta.variable_measure, questions=questions, **options)
