"""Bytes in -> a tidy :class:`~lmp_core.setup.survey.Survey` (or, for a frequency table, its counts).

All format quirks end here, one module per format: :mod:`~lmp_core.read.delimited` (CSV; separator,
encoding and survey-tool header rows found by :mod:`~lmp_core.read.sniff`), :mod:`~lmp_core.read.excel`
(sheet choice, blank rows), :mod:`~lmp_core.read.spss` (value labels, variable labels, declared
user-missing codes), :mod:`~lmp_core.read.parquet` (typed columns from a warehouse), :mod:`~lmp_core.counting.frequency` (pre-aggregated tables: item, group, answer,
count), :mod:`~lmp_core.setup.codebook` and :mod:`~lmp_core.read.invitations` (the fieldwork page's
invitation list); :mod:`~lmp_core.setup.columns` turns any of them into a Survey.
Nothing is written to disk; the caller's bytes are never changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from lmp_core.base.errors import SurveyError
from lmp_core.counting.coding import coded_survey
from lmp_core.counting.counts import Counts
from lmp_core.counting.frequency import counts_from_frequency_table, frequency_columns
from lmp_core.read.delimited import read_text
from lmp_core.read.excel import excel_sheets, read_excel
from lmp_core.read.frames import MAX_COLUMNS, Table
from lmp_core.read.parquet import MAGIC, read_parquet
from lmp_core.read.sniff import looks_binary
from lmp_core.read.spss import read_spss
from lmp_core.read.surveyxact import is_surveyxact, read_surveyxact
from lmp_core.setup.codebook import CodebookEntry, read_codebook
from lmp_core.setup.coding import frames_from_codebook
from lmp_core.setup.columns import build_survey
from lmp_core.setup.survey import Survey

__all__ = ["MAX_BYTES", "MAX_COLUMNS", "excel_sheets", "is_excel", "read_codebook", "read_file"]

#: Largest file accepted (the app's upload limit says the same).
MAX_BYTES = 1024 * 1024 * 1024

Progress = Callable[[float, str], None]


def _kind(data: bytes, name: str) -> str:
    lower = name.lower()
    if data.startswith((b"$FL2", b"$FL3")):
        return "spss"
    if data.startswith(b"PK\x03\x04"):
        return "excel"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "xls"
    if data.startswith(MAGIC) and data.endswith(MAGIC):
        return "parquet"
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
    if kind == "excel":
        result = _first_sheet_with_questions(data, name, sheet, options)
    elif kind == "xls":
        raise SurveyError("unknown_format", file=name, detail="old Excel .xls; save it as .xlsx")
    elif kind == "spss":
        result = survey_or_counts(read_spss(data, name), **options)
    elif kind == "parquet":
        result = survey_or_counts(read_parquet(data, name), **options)
    else:
        if looks_binary(data):
            raise SurveyError("binary_as_csv", file=name)
        result = survey_or_counts(read_text(data, name), **options)
    if progress:
        progress(1.0, name)
    return result


def survey_or_counts(table: Table, **options: Any) -> Survey | Counts:
    """A frequency table (item, group, answer, count columns) as its counts; respondent rows as a survey
    (:func:`~lmp_core.setup.columns.build_survey`, with the format's labels and question texts)."""
    if frequency_columns(table.frame.columns) is not None:
        return counts_from_frequency_table(table.frame, table.name)
    survey = build_survey(table.frame, table.name, value_labels=table.value_labels,
                          missing_ranges=table.missing_ranges, measures=table.measures, questions=table.questions,
                          notes=table.notes, **options)
    frames = frames_from_codebook(options.get("codebook"), file=table.name)  # a saved setup's coding frames
    return coded_survey(survey, frames) if frames else survey


def _first_sheet_with_questions(data: bytes, name: str, sheet: str | int | None,
                                options: dict[str, Any]) -> Survey | Counts:
    """The chosen sheet; with none chosen, the first sheet that holds questions (a cover sheet is passed over),
    else the first sheet's own message."""
    sheets = excel_sheets(data, name)
    if sheet is None and is_surveyxact(sheets):
        return survey_or_counts(read_surveyxact(data, name), **options)
    if sheet is not None or len(sheets) == 1:
        return survey_or_counts(read_excel(data, name, sheet=sheet), **options)
    first_error: SurveyError | None = None
    for candidate in sheets:
        try:
            return survey_or_counts(read_excel(data, name, sheet=candidate), **options)
        except SurveyError as err:
            first_error = first_error or err
    raise first_error  # type: ignore[misc]


def _has_content(data: bytes) -> bool:
    """True when the bytes hold anything but white space (stops at the first such byte)."""
    return re.search(rb"\S", data) is not None


def is_excel(data: bytes) -> bool:
    """True when the bytes are an Excel workbook (a zip), whatever the file is called."""
    return _kind(data, "") == "excel"
