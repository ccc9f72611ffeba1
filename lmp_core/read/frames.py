"""What every reader shares: the column limit, duplicate-column check and blank-row removal."""

from __future__ import annotations

import polars as pl

from lmp_core.errors import SurveyError
from lmp_core.survey import Note

#: Most columns read from one file.
MAX_COLUMNS = 5000


def check_columns(columns: list[str], name: str) -> None:
    """Refuse a file whose header names one column twice (naming them)."""
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
