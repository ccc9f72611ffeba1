"""The variable setup: what the reader made of each column and why, for the Data page to show and the
user to confirm or change, and as a codebook file that sets up the next wave of the same survey in one step.

Per column: its role (question, background — a group or filter —, id, comment or ignored), a question's
scale low to high, whether it is reverse-keyed, and the basis: the codebook, the file's value labels, a
known label set, the known labels among unknown ones (direction worked out: confirm), the codes' order
(confirm or reverse) or the numbers in the answers (confirm the number of steps). The file is the
codebook format (:mod:`lmp_core.setup.codebook`) with ``role``, ``reverse`` and ``dont_know`` added.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd
import polars as pl

from lmp_core.base.catalogue import text, words
from lmp_core.base.fmt import render_param
from lmp_core.setup.codebook import CodebookEntry
from lmp_core.setup.coding import setup_rows as coding_rows
from lmp_core.setup.scales import is_dont_know
from lmp_core.setup.survey import Item, Survey

#: Skipped-column reasons that give a role other than "background".
_ROLE_OF_REASON = {"id_column": "id", "free_text_column": "comment", "ignored_by_setup": "ignore",
                   "all_missing": "ignore", "single_value_column": "ignore"}
#: Bases the user should confirm (the reader worked them out rather than read them).
UNCERTAIN = frozenset({"basis_direction_labels", "basis_direction_codes", "basis_numbers"})


@dataclass(frozen=True)
class SetupRow:
    """One column of the setup."""

    column: str
    role: str  # question, background, id, comment, ignore
    scale: tuple[str, ...] = ()
    reverse: bool = False
    basis: tuple[str, tuple[tuple[str, str], ...]] = ("", ())
    reason: tuple[str, tuple[tuple[str, object], ...]] = ("", ())
    #: a question's kind (scale, choice, multi, number) and a multiple-response option's set
    kind: str = ""
    set_name: str = ""

    @property
    def uncertain(self) -> bool:
        """Whether the user should confirm this column's scale."""
        return self.basis[0] in UNCERTAIN


def _role_of(reason: str) -> str:
    """A skipped column's role. A survey tool's metadata and personal data get roles of their own, which the setup
    file leaves blank: the next file's columns are found again by name and content, never saved as a group."""
    if reason in ("metadata_email", "metadata_name"):
        return "private"
    if reason.startswith("metadata_"):
        return "metadata"
    return _ROLE_OF_REASON.get(reason, "background")


def setup_rows(survey: Survey) -> list[SetupRow]:
    """Every column of the file in the setup: questions first (in file order), then the others."""
    rows = [SetupRow(it.column, "question", it.scale.labels, it.reversed, it.basis, kind="scale")
            for it in survey.items]
    for it in (*survey.others, *survey.numbers):
        if it.basis[0] == "kind_coded":  # a code of a coding frame: saved as the frame's rows (setup_codebook)
            continue
        if it.kind == "multi" and it.basis[0] == "kind_multi_list":  # one column holding the set's options
            if any(r.column == it.set_name for r in rows):
                continue
            rows.append(SetupRow(it.set_name, "question", kind="multi", set_name=it.set_name,
                                 basis=("kind_multi_list", (("count", str(sum(o.set_name == it.set_name
                                                                             for o in survey.others))),
                                                            *it.basis[1]))))
            continue
        params = (("set", it.set_name), ("count", str(sum(o.set_name == it.set_name for o in survey.others)))) \
            if it.kind == "multi" else (("count", str(it.scale.k)),) if it.kind == "choice" else it.basis[1]
        rows.append(SetupRow(it.column, "question", it.scale.labels if it.kind == "choice" else (), False,
                             (it.basis[0], params), kind=it.kind, set_name=it.set_name))
    seen = {r.column for r in rows}
    for s in survey.skipped:
        if s.column in seen:
            continue
        seen.add(s.column)
        rows.append(SetupRow(s.column, _role_of(s.key), reason=(s.key, tuple(s.params.items()))))
    return rows


@dataclass(frozen=True)
class ColumnUse:
    """How many of a file's columns became what: questions, background (a group or filter), id or comments,
    and columns with no role (blank, one value, or taken out)."""

    total: int
    questions: int
    background: int
    no_role: int
    other: int  # id and comment columns

    @property
    def few_questions(self) -> bool:
        """Whether at most a tenth of the columns became questions (369 columns read as 1 question)."""
        return self.total >= 10 and self.questions * 10 <= self.total


def column_use(survey: Survey) -> ColumnUse:
    """Count the setup's columns by role (:func:`setup_rows`: a column holding a list of ticked options is one
    column, each 0/1 column of a set one)."""
    roles = [r.role for r in setup_rows(survey)]
    questions, background, no_role = roles.count("question"), roles.count("background"), roles.count("ignore")
    return ColumnUse(len(roles), questions, background, no_role, len(roles) - questions - background - no_role)


#: Reasons and bases whose parameters hold values from the answers. A range (lowest and highest value: often one
#: respondent's each) is never printed; a list of values holds only values at least the minimum of respondents gave.
_RANGES = {"kind_number": "kind_number_count", "score_column": "score_column_count"}
_VALUE_LISTS = {"not_a_scale": ", ", "yes_no_column": " / "}


def _frequent_values(survey: Survey, column: str, may_show: Callable[[int], bool] | None, separator: str) -> str:
    """A column's values (in order of first appearance, at most eight) given by a number of respondents that
    ``may_show`` allows, each quoted; "…" where any other value was left out (all of them without ``may_show``)."""
    if not survey.has_column(column) or may_show is None:
        return "…"
    values = survey.frame[column].cast(pl.String).drop_nulls()
    counts = dict(values.value_counts().iter_rows())
    distinct = values.unique(maintain_order=True).to_list()
    kept = [v for v in distinct if may_show(counts[v])]
    shown = [repr(v) if separator == ", " else v for v in kept[:8]]
    return separator.join([*shown, *(["…"] if len(shown) < len(distinct) else [])])


def _without_answers(survey: Survey, column: str, key: str, params: tuple[tuple[str, object], ...],
                     may_show: Callable[[int], bool] | None) -> tuple[str, dict[str, object]]:
    """A reason's or basis's key and parameters with no respondent's value in them (:data:`_RANGES`,
    :data:`_VALUE_LISTS`)."""
    if key in _RANGES:
        return _RANGES[key], {k: v for k, v in params if k not in ("low", "high")}
    if key in _VALUE_LISTS:
        return key, {**dict(params), "labels": _frequent_values(survey, column, may_show, _VALUE_LISTS[key])}
    return key, dict(params)


def setup_table(survey: Survey, lang: str = "nb", *, may_show: Callable[[int], bool] | None = None) -> pd.DataFrame:
    """The setup as the Data page shows it: column, role, scale low → high, reversed, basis or reason.

    No respondent's value is printed: a number column's range is left out, and a list of a column's values holds
    only values given by a number of respondents that ``may_show`` allows (the disclosure rule,
    :func:`lmp_core.counting.disclosure.shown` at the view's minimum; without it no value is listed;
    :func:`_without_answers`)."""
    w = words("setup", lang)
    out = []
    for row in setup_rows(survey):
        key, params = row.basis if row.role == "question" else row.reason
        key, shown = _without_answers(survey, row.column, key, params, may_show)
        basis = text(key, lang, **{k: render_param(v, lang) for k, v in shown.items()}) if key else ""
        if row.role == "question" and row.uncertain:
            basis = f"{basis} ({w['confirm']})"
        kinds = words("kinds", lang)
        kind = "" if row.role != "question" else (kinds["yes_no"] if row.basis[0] == "kind_yes_no" else
                                                   w["scale_kind"] if row.kind == "scale" else kinds[row.kind])
        out.append({w["column"]: row.column, w["role"]: w[row.role], w["kind"]: kind,
                    w["scale"]: (" < " if row.kind == "scale" else " / ").join(row.scale),
                    w["reverse"]: w["yes"] if row.reverse else "", w["basis"]: basis})
    return pd.DataFrame(out)


def _labels_spec(item: Item) -> str:
    """The codebook ``labels`` cell of a question: the file's own codes when it has them, else positions."""
    if item.raw_labels:
        pairs = list(item.raw_labels)
    else:
        substantive = item.scale.labels[::-1] if item.reversed else item.scale.labels  # as the file has them
        pairs = [(float(i + 1), lab) for i, lab in enumerate(substantive)]
        pairs += [(float(len(substantive) + 8 + i), lab) for i, lab in enumerate(item.other_labels)]
    return ";".join(f"{int(code) if float(code).is_integer() else code}={label}" for code, label in pairs)


def setup_codebook(survey: Survey, codebook: Mapping[str, CodebookEntry] | None = None, *,
                   groupings: tuple[str, ...] = (), min_group_size: int | None = None,
                   quality: str = "") -> pd.DataFrame:
    """The setup as a codebook file: read with ``--codebook`` or on the Data page, it reproduces this
    reading on the next file of the same survey (roles, scales, reversed items, themes, question texts) and
    its protection: the grouping columns protected together (``protect``) and the minimum group size, so that
    every call with the setup protects alike, its data-quality choice (``quality``, on the first row), and the
    comments' coding frames (``coding``, one row per code)."""
    codebook = codebook or {}
    records = []
    for row in setup_rows(survey):
        entry = codebook.get(row.column)
        record = {"column": row.column, "role": row.role if row.role in ("question", "background", "ignore") else "",
                  "question_text": "", "theme": "", "labels": "", "reverse": "ja" if row.reverse else "",
                  "dont_know": "", "asked_to": entry.asked_to if entry else "", "kind": row.kind,
                  "set": row.set_name if row.basis[0] != "kind_multi_list" else row.column,
                  "protect": "ja" if row.column in groupings else "",
                  "min_group_size": min_group_size if min_group_size is not None and
                  (row.column in groupings or (not groupings and not records)) else "",
                  "quality": "" if records else quality}
        if row.role == "question" and row.kind != "scale":
            record.update(question_text=entry.question if entry else "", theme=entry.theme if entry else "",
                          labels=";".join(f"{i + 1}={o}" for i, o in enumerate(row.scale)))
        elif row.role == "question":
            item = survey.item(row.column)
            record.update(question_text=item.question if item.question != item.column else "", theme=item.theme,
                          labels=_labels_spec(item),
                          dont_know=";".join(lab for lab in item.other_labels if not is_dont_know(lab)))
        elif entry is not None:
            record.update(question_text=entry.question, theme=entry.theme)
        records.append(record)
    records += coding_rows(survey.coding)  # the comments' coding frames, one row per code
    return pd.DataFrame(records, columns=["column", "role", "question_text", "theme", "labels", "reverse",
                                          "dont_know", "asked_to", "kind", "set", "protect", "min_group_size",
                                          "coding", "quality"])
