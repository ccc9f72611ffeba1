"""The setup's decisions, worked out from the answers: one confirmation per scale the reader worked out
rather than read, the reverse-keyed questions to propose under it, and the caveat while any is open.
They need the answers' statistics (:mod:`lmp_core.compute.indices`), so they come after counting, not with the
reading of the columns (:mod:`lmp_core.setup.table`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from lmp_core.setup.survey import Item, Note, Survey
from lmp_core.setup.table import UNCERTAIN


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
    :func:`lmp_core.compute.indices.pairwise`), its signs turned so that the loadings sum to a positive number (as psych's
    ``principal``), and a question with a negative loading is proposed. Unlike an item-rest correlation this
    is not thrown off by two reverse-keyed questions in one theme. Blank and "don't know" are no score. Only
    the names of the proposed questions leave this function.
    """
    from lmp_core.compute.indices import pairwise, scores

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
