"""Excel workbooks (.xlsx) through fastexcel (the Rust calamine reader, straight to Arrow): sheet choice, title
rows above the header, blank rows. openpyxl parsed a 100,000-row sheet ten times slower, cell by cell in Python."""

from __future__ import annotations

import io
from typing import Any

import polars as pl

from lmp_core.base.errors import Note, SurveyError
from lmp_core.read.frames import Table, check_columns, drop_blank_rows
from lmp_core.read.sniff import is_question_text_row

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


def _workbook(data: bytes, name: str) -> Any:
    """The workbook's reader (its size checked first: :func:`check_unpacked_size`)."""
    import fastexcel

    check_unpacked_size(data, name)
    try:
        return fastexcel.read_excel(data)
    except Exception as err:  # noqa: BLE001  calamine raises its own kinds (zip, xml, cell errors) for a broken file
        raise SurveyError("unreadable_excel", file=name, detail=type(err).__name__) from None


def excel_sheets(data: bytes, name: str) -> list[str]:
    """Names of the sheets of an Excel file."""
    return list(_workbook(data, name).sheet_names)


def sheet_frame(data: bytes, name: str, sheet: str | int) -> pl.DataFrame:
    """A sheet's cells as text, no header (for a reader that knows the sheet's layout)."""
    return _sheet(data, name, sheet)


def _sheet(data: bytes, name: str, sheet: str | int) -> pl.DataFrame:
    """A sheet's cells as text, no header yet (every column a string column; blank cells null)."""
    try:
        loaded = _workbook(data, name).load_sheet(sheet, header_row=None, dtypes="string", whitespace_as_null=True)
        return pl.from_arrow(loaded.to_arrow())
    except SurveyError:
        raise
    except Exception as err:  # noqa: BLE001  see _workbook
        raise SurveyError("unreadable_excel", file=name, detail=type(err).__name__) from None


def read_excel(data: bytes, name: str, *, sheet: str | int | None) -> Table:
    """One sheet's columns (``sheet``, else the first), the header found below any title rows.
    (:mod:`lmp_core.load` tries each sheet in turn when none is chosen, for the first that holds questions.)"""
    sheets = excel_sheets(data, name)
    if sheet is None:
        sheet = sheets[0]
    elif isinstance(sheet, str) and sheet not in sheets:
        raise SurveyError("unknown_sheet", file=name, sheet=sheet, sheets=", ".join(sheets))
    raw = _sheet(data, name, sheet)
    notes: list[Note] = []
    raw = raw.select([c for c in raw.columns if raw[c].null_count() < raw.height])  # empty columns
    filled = raw.select(pl.sum_horizontal(pl.all().is_not_null())).to_series() if raw.width else pl.Series([])
    start = next((i for i, k in enumerate(filled.to_list()) if k > 0), None)  # blank rows above the header
    if start is None:
        raise SurveyError("empty_file", file=name)
    # the header is the first row with text in most cells (merged title cells above it are skipped)
    header_row = next((i for i in range(start, min(start + 10, raw.height)) if filled[i] >= 0.5 * raw.width), start)
    header = [str(v).strip() if v is not None else f"column_{i + 1}" for i, v in enumerate(raw.row(header_row))]
    check_columns(header, name)
    body = raw.slice(header_row + 1)
    questions = _question_texts(header, body)
    if questions is not None:  # a second header row of question texts is no respondent
        body = body.slice(1)
        notes.append(("question_text_row", {"file": name}))
    if body.height == 0:
        raise SurveyError("header_only", file=name)
    frame = pl.DataFrame([_excel_column(body.to_series(i), c) for i, c in enumerate(header)])
    frame = drop_blank_rows(frame, name, notes)
    if len(sheets) > 1:
        notes.append(("sheet_read", {"file": name, "sheet": str(sheet), "sheets": ", ".join(sheets)}))
    return Table(frame, name, tuple(notes), questions=questions or {})


def _question_texts(header: list[str], body: pl.DataFrame) -> dict[str, str] | None:
    """The question texts of a second header row (:func:`~lmp_core.read.sniff.is_question_text_row`), else None."""
    if body.height < 2:
        return None
    rows = [["" if v is None else str(v) for v in row] for row in body.head(60).iter_rows()]
    if not is_question_text_row(header, rows[0], rows[1:]):
        return None
    return {h: q.strip() for h, q in zip(header, rows[0]) if q.strip() and q.strip() != h}


def _excel_column(values: pl.Series, name: str) -> pl.Series:
    """A column of cell texts: numbers when every filled cell is one (as Excel stores them), else trimmed text."""
    text = values.str.strip_chars().alias(name)
    numeric = text.cast(pl.Float64, strict=False)
    if numeric.null_count() == text.null_count():
        return numeric
    return text
