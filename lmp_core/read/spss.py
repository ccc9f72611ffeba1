"""SPSS .sav files through pyreadstat: value labels, variable labels, declared user-missing codes."""

from __future__ import annotations

import io

import polars as pl

from lmp_core.base.errors import SurveyError
from lmp_core.read.frames import Table, check_columns


def read_spss(data: bytes, name: str) -> Table:
    """Respondent rows with their labels; user-missing codes and ranges are passed on as missing."""
    import pyreadstat

    try:
        df, meta = pyreadstat.read_sav(io.BytesIO(data), user_missing=True)
    except Exception as err:  # noqa: BLE001  pyreadstat raises its own ReadstatError and others for a damaged file
        raise SurveyError("unreadable_spss", file=name, detail=str(err)[:200]) from None
    ranges = {col: [(float(r["lo"]), float(r["hi"])) for r in rs] for col, rs in meta.missing_ranges.items()}
    for col, values in (meta.missing_user_values or {}).items():
        ranges.setdefault(col, []).extend((float(v), float(v)) for v in values if isinstance(v, (int, float)))
    check_columns(list(df.columns), name)
    questions = {c: lab for c, lab in meta.column_names_to_labels.items() if lab}
    frame = pl.from_pandas(df)
    return Table(frame, name, value_labels=meta.variable_value_labels, missing_ranges=ranges,
                 measures=meta.variable_measure, questions=questions)
