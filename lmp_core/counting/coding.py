"""Coded comments as a multiple-response question, so they are counted and protected as any tick set.

:func:`coded_survey` applies a coding frame (:mod:`lmp_core.setup.coding`) to a comment column and adds the result
to the survey's other questions as a multiple-response set named by the comment column: one option per code
(column ``kommentar[Mobbing]``) and a last option for the comments with no code ("Ukodet"). Codes as every tick
set's (:mod:`lmp_core.setup.kinds`): 0 = not asked (the comment is blank or missing: outside the base), 1 = not
ticked, 2 = ticked. Counts, shares per group, intervals, tests, the report, the JSON and the rule that holds back
small groups (:mod:`lmp_core.counting.disclosure`) then come from the code every tick set goes through
(:func:`lmp_core.compute.kind_stats.kind_results`).

:func:`coded_table` and :func:`read_coded_table` write and read the coding as a table, one row per coded
comment: the respondent id and one 0/1 column per code, as QualtricsTools' "Coded" sheet and Displayr's coded
text are laid out, so coding done elsewhere (Excel, NVivo) can come in.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
import polars as pl

from lmp_core.base.catalogue import text
from lmp_core.base.errors import SurveyError
from lmp_core.read.sniff import inspect_text
from lmp_core.setup.coding import CodingFrame, answered, code_column, code_texts
from lmp_core.setup.kinds import TICK_LABELS
from lmp_core.setup.scales import Scale
from lmp_core.setup.survey import Item, Survey

if TYPE_CHECKING:
    import pandas as pd

#: The basis of a coded comment's option (a catalogue key).
CODED = "kind_coded"
_ONE = frozenset({"1", "1.0", "x", "ja", "yes", "true"})
_ZERO = frozenset({"", "0", "0.0", "nei", "no", "false"})


def uncoded_name(lang: str = "nb") -> str:
    """The name of the option for comments with no code ("Ukodet")."""
    return text("coding_uncoded", lang)


def comment_texts(survey: Survey, column: str) -> list[object]:
    """A comment column's texts per respondent (None where missing); :class:`SurveyError` for no such column."""
    if column not in survey.text_columns:
        raise SurveyError("coding_unknown_column", column=column, choices=", ".join(survey.text_columns) or "–")
    return survey.frame[column].cast(pl.String).to_list()


def coded_survey(survey: Survey, frames: Sequence[CodingFrame], *, lang: str = "nb") -> Survey:
    """``survey`` with each frame's coded comments as a multiple-response set, in place of the frames it had (every
    earlier frame is replaced by ``frames``; a coding read from a table stays unless a frame codes its column; a
    frame without codes adds nothing). The base of a set is the respondents who wrote a comment.

    A respondent's option is ticked when the comment gets the code (:func:`lmp_core.setup.coding.code_texts`);
    the last option, "Ukodet", when it gets none.
    """
    base = _without_coding(survey, [*(f.column for f in survey.coding), *(f.column for f in frames)])
    items, arrays = list(base.others), [base.other_codes] if base.other_codes is not None else []
    for frame in frames:
        if not frame.codes:
            continue
        if not frame.column:
            raise SurveyError("coding_no_column", choices=", ".join(base.text_columns) or "–")
        texts = comment_texts(base, frame.column)
        ticked = code_texts(frame, texts)
        new_items, codes = _coded_set(base, frame.column, frame.names, ticked, answered(texts), lang)
        items += new_items
        arrays.append(codes)
    if len(items) == len(base.others):
        return base
    return replace(base, others=tuple(items), other_codes=np.hstack(arrays).astype(np.int8),
                   coding=tuple(f for f in frames if f.codes))


def _without_coding(survey: Survey, columns: Iterable[str]) -> Survey:
    """``survey`` without the coded sets of ``columns`` (by a frame or from a table) and without their frames."""
    gone = set(columns)
    keep = [j for j, it in enumerate(survey.others) if it.basis[0] != CODED or it.set_name not in gone]
    frames = tuple(f for f in survey.coding if f.column not in gone)
    if len(keep) == len(survey.others):
        return replace(survey, coding=frames)
    codes = survey.other_codes[:, keep] if keep and survey.other_codes is not None else None
    return replace(survey, others=tuple(survey.others[j] for j in keep), other_codes=codes, coding=frames)


def _coded_set(survey: Survey, column: str, names: Sequence[str], ticked: np.ndarray, asked: np.ndarray,
               lang: str) -> tuple[list[Item], np.ndarray]:
    """The set's options (the codes, then "Ukodet") and their codes (0 not asked, 1 not ticked, 2 ticked)."""
    uncoded = asked & ~ticked.any(axis=1)
    options = [*names, uncoded_name(lang)]
    matrix = np.column_stack([ticked & asked[:, None], uncoded])
    theme = survey.text_theme(column) or column
    items = [Item(code_column(column, name), name, theme, Scale("multi", TICK_LABELS), (), kind="multi",
                  set_name=column, basis=(CODED, (("code", name),))) for name in options]
    codes = np.where(asked[:, None], np.where(matrix, 2, 1), 0).astype(np.int8)
    return items, codes


def coded_matrix(survey: Survey, column: str) -> tuple[tuple[str, ...], np.ndarray, np.ndarray]:
    """The coded set of ``column`` in ``survey``: its options (the codes, then "Ukodet"), which respondents have
    each (respondents × options) and which wrote a comment (the base)."""
    js = [j for j, it in enumerate(survey.others) if it.basis[0] == CODED and it.set_name == column]
    if not js or survey.other_codes is None:
        return (), np.zeros((survey.n_rows, 0), dtype=bool), np.zeros(survey.n_rows, dtype=bool)
    codes = survey.other_codes[:, js]
    return tuple(survey.others[j].question for j in js), codes == 2, codes[:, 0] > 0


def uncoded_comments(survey: Survey, column: str) -> np.ndarray:
    """The rows whose comment got no code (the list to write the next rule from)."""
    names, has, _ = coded_matrix(survey, column)
    return has[:, -1] if names else np.zeros(survey.n_rows, dtype=bool)


# --- the coding as a table: respondent id + one 0/1 column per code -----------------------------

def coded_table(survey: Survey, column: str) -> pd.DataFrame:
    """One row per respondent who wrote a comment in ``column``: the id (the survey's id column, else the row
    number from 1 as ``rad``) and one 0/1 column per code, "Ukodet" last. No comment text."""
    import pandas as pd

    names, has, asked = coded_matrix(survey, column)
    rows = np.flatnonzero(asked)
    id_name = survey.id_column or "rad"
    ids = survey.frame[survey.id_column].cast(pl.String).to_list() if survey.id_column else list(range(1, survey.n_rows + 1))
    table = pd.DataFrame({id_name: [ids[r] for r in rows]})
    for k, name in enumerate(names):
        table[name] = has[rows, k].astype(int)
    return table


def read_coded_table(data: bytes, name: str, survey: Survey, column: str, *, lang: str = "nb") -> Survey:
    """``survey`` with the coding a table gives (:func:`coded_table`'s layout; a column named "Ukodet"/"Uncoded"
    is read as derived and left out). The base is the respondents the table lists; a listed respondent with no
    1 is uncoded. :class:`SurveyError` for a table without an id and a code column, a value other than 0, 1 or
    blank, ids that are not in the survey, or a survey without ids (unless the table's ids are row numbers,
    ``rad``)."""
    layout = inspect_text(data, name)
    reader = csv.reader(io.StringIO(layout.data.decode("utf-8"), newline=""), delimiter=layout.separator)
    header = [h.strip() for h in next(reader, [])]
    skip = {uncoded_name("nb").casefold(), uncoded_name("en").casefold()}
    code_names = [h for h in header[1:] if h and h.casefold() not in skip]
    if len(header) < 2 or not code_names:
        raise SurveyError("coding_table_columns", file=name)
    position = _id_positions(survey, header[0])
    comment_texts(survey, column)  # the column must be a comment column
    ticked = np.zeros((survey.n_rows, len(code_names)), dtype=bool)
    asked = np.zeros(survey.n_rows, dtype=bool)
    unknown: list[str] = []
    for cells in reader:
        row = dict(zip(header, cells))
        key = (cells[0] if cells else "").strip()
        if not key:
            continue
        if key not in position:
            unknown.append(key)
            continue
        asked[position[key]] = True
        for k, code in enumerate(code_names):
            value = row.get(code, "").strip().lower()
            if value not in _ONE | _ZERO:
                raise SurveyError("coding_table_value", file=name, code=code, value=value, row=reader.line_num)
            ticked[position[key], k] = value in _ONE
    if unknown:
        raise SurveyError("coding_table_ids", file=name, count=len(unknown), example=unknown[0])
    base = _without_coding(survey, [column])  # the table's coding takes the place of the column's frame
    items, codes = _coded_set(base, column, code_names, ticked, asked, lang)
    arrays = [base.other_codes, codes] if base.other_codes is not None else [codes]
    return replace(base, others=(*base.others, *items), other_codes=np.hstack(arrays).astype(np.int8))


def _id_positions(survey: Survey, id_name: str) -> dict[str, int]:
    """Each respondent's row by id: the survey's id column, or the row number (from 1) for a table keyed ``rad``."""
    if survey.id_column:
        ids = survey.frame[survey.id_column].cast(pl.String).to_list()
        return {str(v).strip(): r for r, v in enumerate(ids) if v is not None}
    if id_name.casefold() == "rad":
        return {str(r + 1): r for r in range(survey.n_rows)}
    raise SurveyError("coding_table_no_id")
