"""Codebook CSV: question texts, themes and scales per column.

Columns as in ``lmp_ch2_3_codebook.csv``: ``column, question_text, theme, scale, asked_to``, and
optionally ``labels`` spelling the codes out (``1=I svært liten grad;...;9=Vet ikke``). A ``scale``
names a known scale coded ``1..k`` low to high with ``9`` = "Vet ikke". A free-text column may have
a row with only a ``theme``: the report then quotes its comments in that theme's chapter.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pandas as pd

from lmp_core.errors import SurveyError
from lmp_core.read.sniff import inspect_text
from lmp_core.scales import KNOWN_SCALES, codebook_value_labels, parse_labels_spec


@dataclass(frozen=True)
class CodebookEntry:
    """What a codebook says about one column."""

    column: str
    question: str = ""
    theme: str = ""
    value_labels: dict[float, str] | None = None
    asked_to: str = ""


def with_scale(codebook: dict[str, CodebookEntry] | None, column: str, scale: str) -> dict[str, CodebookEntry]:
    """A copy of ``codebook`` in which ``column`` uses the known ``scale`` (question and theme kept)."""
    entries = dict(codebook or {})
    old = entries.get(column)
    entries[column] = CodebookEntry(column, old.question if old else "", old.theme if old else "",
                                    codebook_value_labels(scale), old.asked_to if old else "")
    return entries


def read_codebook(data: bytes, name: str = "codebook.csv") -> dict[str, CodebookEntry]:
    """Parse a codebook file into entries by column name."""
    layout = inspect_text(data, name)
    frame = pd.read_csv(io.BytesIO(layout.data), sep=layout.separator, dtype=str, keep_default_na=False)
    frame.columns = [c.strip().lower() for c in frame.columns]
    if "column" not in frame.columns:
        raise SurveyError("codebook_columns", file=name)
    entries: dict[str, CodebookEntry] = {}
    for row in frame.to_dict("records"):
        column = row["column"].strip()
        if not column:
            continue
        labels: dict[float, str] | None = None
        spec = row.get("labels", "").strip()
        scale = row.get("scale", "").strip()
        if spec:
            try:
                labels = parse_labels_spec(spec)
            except ValueError:
                raise SurveyError("codebook_bad_labels", file=name, column=column, value=spec) from None
        elif scale:
            if scale.lower() not in KNOWN_SCALES:
                raise SurveyError("codebook_unknown_scale", file=name, column=column, scale=scale,
                                  known=", ".join(sorted(KNOWN_SCALES)))
            labels = codebook_value_labels(scale.lower())
        entries[column] = CodebookEntry(column, row.get("question_text", "").strip(), row.get("theme", "").strip(),
                                        labels, row.get("asked_to", "").strip())
    return entries
