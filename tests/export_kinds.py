"""What the tool made of each column of a survey export: the kind of question, or why it is none (a helper for
tests/test_exports.py, compared with tests/data/exports/expectations.py)."""

from __future__ import annotations

from pathlib import Path

from lmp_core.load import read_file
from lmp_core.setup.survey import Survey

EXPORTS = Path(__file__).resolve().parent / "data" / "exports"

#: Reasons (catalogue keys) of columns that are no question, by the role they name.
_ROLE_OF_REASON = {"id_column": "id", "free_text_column": "text", "all_missing": "empty"}


def analysed_kinds(survey: Survey) -> dict[str, str]:
    """Column -> ``scale``/``choice``/``multi``/``number`` for the columns analysed as questions, else the role the
    tool gave it (``metadata``, ``private``, ``id``, ``text``, ``empty`` or ``background``). A delimited list's
    options (``column[option]``) count once, as their column."""
    kinds: dict[str, str] = {}
    for s in survey.skipped:
        kinds[s.column] = _ROLE_OF_REASON.get(s.key, "background")
    for role, columns in survey.metadata.items():
        for column in columns:
            kinds[column] = "private" if role in ("email", "name") else "id" if role == "id" else "metadata"
    for it in (*survey.items, *survey.others, *survey.numbers):
        column = it.set_name if it.basis[0] == "kind_multi_list" else it.column
        kinds[column] = "scale" if it.kind == "scale" else it.kind
    return kinds


def read_export(relative: str) -> Survey:
    """The export read as an upload is (a public one from where :mod:`tests.public_exports` finds it)."""
    from tests.public_exports import export_bytes

    survey = read_file(export_bytes(relative), Path(relative).name)
    assert isinstance(survey, Survey)
    return survey
