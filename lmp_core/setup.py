"""The variable setup: what the reader made of each column and why, for the Data page to show and the
user to confirm or change, and as a codebook file that sets up the next wave of the same survey in one step.

Per column: its role (question, background — a group or filter —, id, comment or ignored), a question's
scale low to high, whether it is reverse-keyed, and the basis: the codebook, the file's value labels, a
known label set, the known labels among unknown ones (direction worked out: confirm), the codes' order
(confirm or reverse) or the numbers in the answers (confirm the number of steps). The file is the
codebook format (:mod:`lmp_core.read.codebook`) with ``role``, ``reverse`` and ``dont_know`` added.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lmp_core.catalogue import text, words
from lmp_core.fmt import render_param
from lmp_core.read.codebook import CodebookEntry
from lmp_core.scales import is_dont_know
from lmp_core.survey import Item, Note, Survey

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


def setup_rows(survey: Survey) -> list[SetupRow]:
    """Every column of the file in the setup: questions first (in file order), then the others."""
    rows = [SetupRow(it.column, "question", it.scale.labels, it.reversed, it.basis, kind="scale")
            for it in survey.items]
    for it in (*survey.others, *survey.numbers):
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
        rows.append(SetupRow(s.column, _ROLE_OF_REASON.get(s.key, "background"),
                             reason=(s.key, tuple(s.params.items()))))
    return rows


def setup_table(survey: Survey, lang: str = "nb") -> pd.DataFrame:
    """The setup as the Data page shows it: column, role, scale low → high, reversed, basis or reason."""
    w = words("setup", lang)
    out = []
    for row in setup_rows(survey):
        if row.role == "question":
            basis_key, params = row.basis
            basis = text(basis_key, lang, **{k: render_param(v, lang) for k, v in params}) if basis_key else ""
            if row.uncertain:
                basis = f"{basis} ({w['confirm']})"
        else:
            basis = text(row.reason[0], lang, **{k: render_param(v, lang) for k, v in row.reason[1]}) \
                if row.reason[0] else ""
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
                   groupings: tuple[str, ...] = (), min_group_size: int | None = None) -> pd.DataFrame:
    """The setup as a codebook file: read with ``--codebook`` or on the Data page, it reproduces this
    reading on the next file of the same survey (roles, scales, reversed items, themes, question texts) and
    its protection: the grouping columns protected together (``protect``) and the minimum group size, so that
    every call with the setup protects alike."""
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
                  (row.column in groupings or (not groupings and not records)) else ""}
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
    return pd.DataFrame(records, columns=["column", "role", "question_text", "theme", "labels", "reverse",
                                          "dont_know", "asked_to", "kind", "set", "protect", "min_group_size"])


@dataclass(frozen=True)
class Decision:
    """One confirmation the setup asks for: every question the reader put on one worked-out scale.

    ``key`` names the scale's labels whatever their order (a decision stays the same one when the user turns
    the scale round); ``reverse_candidates`` are questions of those whose variable label says they are
    reverse-keyed, or whose answers go against the rest of their theme's (a negative loading on the theme's
    first principal component, psych's rule).
    They are proposed, never applied.
    """

    key: str
    scale: tuple[str, ...]
    basis: str
    columns: tuple[str, ...]
    reverse_candidates: tuple[tuple[str, str], ...] = ()


#: Words in a variable label that mark a reverse-keyed question
_REVERSE_WORDS = re.compile(r"\b(revers\w*|omvendt\w*|snudd|negativt formulert|negatively worded)\b|\(r\)",
                            re.IGNORECASE)


def decision_key(labels: tuple[str, ...]) -> str:
    """The key of a decision about a scale with these labels, in any order.

    >>> decision_key(("Agree", "Disagree")) == decision_key(("Disagree", "Agree"))
    True
    """
    return " | ".join(sorted(labels))


def reverse_candidates(survey: Survey, columns: tuple[str, ...]) -> dict[str, str]:
    """Questions among ``columns`` that may be reverse-keyed, with the reason key (``reverse_by_label`` or
    ``reverse_by_correlation``).

    Within each theme of three or more of the questions, the rule of psych's ``alpha(check.keys=TRUE)``: the
    first principal component of the questions' correlations (pairwise complete, as
    :func:`lmp_core.indices.pairwise`), its signs turned so that the loadings sum to a positive number (as psych's
    ``principal``), and a question with a negative loading is proposed. Unlike an item-rest correlation this
    is not thrown off by two reverse-keyed questions in one theme. Blank and "don't know" are no score. Only
    the names of the proposed questions leave this function.
    """
    from lmp_core.indices import pairwise, scores

    found: dict[str, str] = {}
    for column in columns:
        item = survey.item(column)
        if item.question != item.column and _REVERSE_WORDS.search(item.question):
            found[column] = "reverse_by_label"
    themes: dict[str, list[str]] = {}
    for column in columns:
        themes.setdefault(survey.item(column).theme, []).append(column)
    for members in themes.values():
        if len(members) < 3:
            continue
        _, corr = pairwise(scores(survey, members))
        if not np.isfinite(corr).all():
            continue  # a question without variance or a pair nobody answered: nothing to go by
        values, vectors = np.linalg.eigh(corr)
        loadings = vectors[:, -1] * np.sqrt(max(values[-1], 0.0))
        loadings = -loadings if loadings.sum() < 0 else loadings
        for column, loading in zip(members, loadings):
            if loading < 0 and column not in found:
                found[column] = "reverse_by_correlation"
    return found


def setup_decisions(survey: Survey) -> tuple[Decision, ...]:
    """The setup's open questions, one per worked-out scale: the questions whose scale the reader worked out
    rather than read (:data:`UNCERTAIN`), grouped by the scale's labels (in any order) and the basis, in file
    order. A file of 62 questions on one worked-out scale asks once, not 62 times."""
    grouped: dict[tuple[str, str], list[Item]] = {}
    for item in survey.items:
        if item.basis[0] in UNCERTAIN:
            grouped.setdefault((decision_key(item.scale.labels), item.basis[0]), []).append(item)
    decisions = []
    for (key, basis), members in grouped.items():
        columns = tuple(it.column for it in members)
        candidates = reverse_candidates(survey, columns)
        decisions.append(Decision(key, members[0].scale.labels, basis, columns,
                                  tuple((c, candidates[c]) for c in columns if c in candidates)))
    return tuple(decisions)


def unconfirmed_note(decisions: tuple[Decision, ...], confirmed: frozenset[str] = frozenset()) -> Note | None:
    """The caveat that the setup is unconfirmed, while any decision's key is not in ``confirmed``; else None.
    A setup file read with the data (``--codebook``, or uploaded beside it) is the user's statement: its
    questions ask nothing, so a saved setup is a confirmed one."""
    open_ = [d for d in decisions if d.key not in confirmed]
    if not open_:
        return None
    columns = [c for d in open_ for c in d.columns]
    shown = ", ".join(columns[:6]) + (", …" if len(columns) > 6 else "")
    return ("warn_setup_unconfirmed", {"count": len(columns), "decisions": len(open_), "columns": shown})
