"""The fieldwork page's invitation list: a plain table (CSV or Excel), every cell read as text."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd

from lmp_core.base.errors import SurveyError
from lmp_core.read.sniff import inspect_text, looks_binary


def read_table(data: bytes, name: str) -> pd.DataFrame:
    """A plain table (CSV or Excel) with every cell as text: the invitation list."""
    if data.startswith(b"PK\x03\x04"):
        from lmp_core.read.excel import check_unpacked_size

        check_unpacked_size(data, name)
        try:
            frame = pd.read_excel(io.BytesIO(data), dtype=str, engine="calamine")
        except Exception as err:  # noqa: BLE001  calamine raises many kinds for a broken file
            raise SurveyError("unreadable_excel", file=name, detail=type(err).__name__) from None
    else:
        if looks_binary(data):
            raise SurveyError("binary_as_csv", file=name)
        layout = inspect_text(data, name, force_decode=True)
        try:
            frame = pd.read_csv(io.BytesIO(layout.data), sep=layout.separator, dtype=str, keep_default_na=False,
                                skiprows=range(1, 1 + layout.skip_after_header))
        except (pd.errors.ParserError, ValueError) as err:
            raise SurveyError("unreadable_csv", file=name, detail=str(err).splitlines()[0][:200]) from None
    frame.columns = [str(c).strip() for c in frame.columns]
    frame = frame.replace("", np.nan).dropna(how="all").fillna("")
    if frame.empty:
        raise SurveyError("header_only", file=name)
    return frame
