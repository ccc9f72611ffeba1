"""Excel workbooks (.xlsx) through openpyxl: sheet choice, title rows above the header, blank rows."""

from __future__ import annotations

import io
from typing import Any

import pandas as pd
import polars as pl

from lmp_core.counts import Counts
from lmp_core.errors import SurveyError
from lmp_core.read.columns import build_survey
from lmp_core.read.frames import check_columns, drop_blank_rows
from lmp_core.read.frequency import counts_from_frequency_table, frequency_columns
from lmp_core.survey import Note, Survey

#: The most an Excel file may unpack to (its XML), and the highest packing ratio of a large part: an
#: ordinary sheet packs 5-20 times; a part that packs a hundredfold is one huge repeated text, which the
#: XML parser would blow up to many times its size in memory.
MAX_UNPACKED_BYTES = 2 * 1024**3
MAX_PACKING_RATIO = 100
_LARGE_PART = 64 * 1024**2


def check_unpacked_size(data: bytes, name: str) -> None:
    """Refuse, before parsing, an Excel file whose parts would unpack to more than memory can hold.

    The zip directory states each part's packed and unpacked size; nothing is unpacked to find out.
    """
    import zipfile

    try:
        parts = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except zipfile.BadZipFile:
        raise SurveyError("unreadable_excel", file=name, detail="BadZipFile") from None
    unpacked = sum(p.file_size for p in parts)
    packed_hard = any(p.file_size > _LARGE_PART and p.file_size > MAX_PACKING_RATIO * max(p.compress_size, 1)
                      for p in parts)
    if unpacked > MAX_UNPACKED_BYTES or packed_hard:
        raise SurveyError("excel_unpacks_too_large", file=name, size_mb=unpacked // 2**20,
                          limit_mb=MAX_UNPACKED_BYTES // 2**20)


def excel_sheets(data: bytes, name: str) -> list[str]:
    """Names of the sheets of an Excel file (its size checked first: :func:`check_unpacked_size`)."""
    import openpyxl

    check_unpacked_size(data, name)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    except Exception as err:  # noqa: BLE001  openpyxl raises many kinds (zip, xml, key errors) for a broken file
        raise SurveyError("unreadable_excel", file=name, detail=type(err).__name__) from None
    try:
        return list(book.sheetnames)
    finally:
        book.close()


def read_excel(data: bytes, name: str, *, sheet: str | int | None, **options: Any) -> Survey | Counts:
    """One sheet (``sheet``, else the first that holds questions) as a Survey or a frequency table's Counts."""
    sheets = excel_sheets(data, name)
    if sheet is None and len(sheets) > 1:
        # no sheet chosen: the first sheet that holds questions (a cover sheet is passed over)
        first_error: SurveyError | None = None
        for candidate in sheets:
            try:
                return read_excel(data, name, sheet=candidate, **options)
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
    check_columns(header, name)
    body = raw.iloc[header_row + 1:].reset_index(drop=True)
    body.columns = header
    if body.empty:
        raise SurveyError("header_only", file=name)
    frame = pl.DataFrame({c: _excel_column(body[c]) for c in header})
    frame = drop_blank_rows(frame, name, notes)
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
