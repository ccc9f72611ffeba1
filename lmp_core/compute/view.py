"""One view of a survey, from request to numbers: the object the app, the command line and the report share.

A :class:`ViewRequest` says what a user asked to see (group, filters, items, the grouping columns
protected together, minimum group size, invited populations, confidence, reference group, finite
population correction). :func:`make_view` counts once, leaving out what disclosure control holds back
in every view (:mod:`lmp_core.counting.disclosure`), and marks the cells whose answers were all held back. The
result holds numbers and message keys, never words: language enters at the edge.

Response rates: a group's invited number is the population of the whole group. With a filter the
view holds only part of the group, and its own population is not known, so a filtered view shows no
response rate (and no finite population correction) and says so.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

from lmp_core.base.errors import SurveyError
from lmp_core.compute.stats import MIN_GROUP_SIZE, Summary, summarize
from lmp_core.counting.counts import Counts, count, group_codes, row_filter
from lmp_core.counting.disclosure import HeldBack, held_back, held_note, pooled, pooling, shown, small
from lmp_core.setup.survey import Note, Survey

if TYPE_CHECKING:
    from lmp_core.counting.database import Counted


@dataclass(frozen=True)
class ViewRequest:
    """What one view shows. Hashable, so a page can cache on it.

    >>> ViewRequest.of(group="rolle", filters={"pulje": ["2"]}, populations={"Skoleleder": 63}).filters
    (('pulje', ('2',)),)
    """

    group: str | None = None
    filters: tuple[tuple[str, tuple[str, ...]], ...] = ()
    items: tuple[str, ...] | None = None
    #: the grouping columns protected together (None: the request's own group and filter columns)
    groupings: tuple[str, ...] | None = None
    min_group_size: int = MIN_GROUP_SIZE
    populations: tuple[tuple[str, int], ...] = ()
    confidence: float = 0.95
    reference: str | None = None
    top_k: int = 2
    dont_know_in_base: bool = False
    fpc: bool = False

    @classmethod
    def of(cls, *, filters: Mapping[str, Sequence[str]] | None = None, items: Sequence[str] | None = None,
           populations: Mapping[str, int] | None = None, groupings: Sequence[str] | None = None,
           **options: object) -> ViewRequest:
        """A request from plain dicts and lists (filters and populations sorted, so equal asks are equal)."""
        return cls(filters=tuple(sorted((k, tuple(str(v) for v in vs)) for k, vs in (filters or {}).items())),
                   items=tuple(items) if items is not None else None,
                   groupings=tuple(groupings) if groupings is not None else None,
                   populations=tuple(sorted((populations or {}).items())), **options)  # type: ignore[arg-type]

    @property
    def own_groupings(self) -> tuple[str, ...]:
        """The group and filter columns of this request (the grouping columns when none are given)."""
        return tuple(dict.fromkeys([*([self.group] if self.group else []), *self.filter_map]))

    @property
    def filter_map(self) -> dict[str, tuple[str, ...]]:
        """The filters as a dict (column -> allowed values)."""
        return dict(self.filters)


@dataclass(frozen=True, eq=False)
class View:
    """The counts of one request with every disclosure decision made; :meth:`summary` gives the numbers."""

    request: ViewRequest
    counts: Counts
    hidden_cells: frozenset[tuple[str, str]]
    hidden_groups: Mapping[str, Note]
    notes: tuple[Note, ...]
    #: what disclosure control held back for this view (None for a frequency table)
    held: HeldBack | None = None

    def summary(self, items: Sequence[str] | None = None) -> Summary:
        """Every statistic of the request's items (or ``items``), hidden cells and groups left out."""
        request = self.request
        chosen = list(items if items is not None else request.items or [it.column for it in self.counts.items])
        if request.group in chosen and len(chosen) > 1:
            chosen.remove(request.group)  # a question chosen as the group is this view's groups, not a row of it
        counts = self.counts.select(chosen)
        notes = tuple(n for n in self.notes if n[0] != "warn_left_out" or n[1].get("column") in chosen)
        if request.filters:  # invited numbers are for whole groups: no rate, no correction for a selection
            populations = {}
            if request.populations:
                notes += (("warn_filter_no_rate", {"columns": ", ".join(request.filter_map)}),)
        else:
            populations = dict(request.populations)
        return summarize(counts, populations=populations, top_k=request.top_k,
                         dont_know_in_base=request.dont_know_in_base, fpc=request.fpc,
                         confidence=request.confidence, reference=request.reference,
                         min_group_size=request.min_group_size, notes=notes, hide=self.hidden_groups,
                         hidden_cells=self.hidden_cells)

    def asking(self, request: ViewRequest, notes: Sequence[Note] = ()) -> View:
        """The same counts for a request that differs only in what is computed from them (items,
        populations, confidence, reference, top-k), with ``notes`` added: nothing is recounted."""
        return replace(self, request=request, notes=self.notes + tuple(notes))


def make_view(source: Survey | Counts, request: ViewRequest, *, held: HeldBack | None = None,
              notes: Sequence[Note] = (), lang: str = "nb") -> View:
    """Count the request once, leaving out what :func:`lmp_core.counting.disclosure.held_back` holds back.

    ``held`` may be passed in by a caller that makes many views (it must be for the request's
    grouping columns and minimum). The group and the filter columns must be grouping columns. A
    frequency table holds one grouping only: its small groups and cells are hidden by the statistics,
    and it cannot be filtered.
    """
    notes = tuple(notes)
    if isinstance(source, Counts):
        if request.filters:
            raise SurveyError("freq_no_filter", file=source.source)
        return View(request, source, frozenset(), {}, notes)
    groupings = request.own_groupings if request.groupings is None else request.groupings
    if request.group is not None and request.group not in groupings:
        count(source, group=request.group, lang=lang)  # its own message for an item or an unknown column
        raise SurveyError("not_a_group_column", column=request.group, choices=", ".join(groupings))
    for column in request.filter_map:
        if column not in groupings:
            raise SurveyError("not_a_group_column", column=column, choices=", ".join(groupings))
    source, pooled_notes = pooling(source, groupings, request.min_group_size, lang)
    notes += pooled_notes
    _refuse_pooled_filters(source, request, pooled_notes)
    counts = None
    if held is None and not request.filters and tuple(groupings) == ((request.group,) if request.group else ()):
        # the common case (the command line, one group column protected): the cells are the view's groups, so
        # the counts say whether anything is small; when nothing is, nothing is held back and one pass suffices
        counts = _when_nothing_is_small(source, request, lang)
        if counts is not None:
            held = HeldBack(np.zeros(source.n_rows, dtype=bool), {}, tuple(groupings), request.min_group_size)
    if held is None or held.columns != tuple(groupings) or held.min_group_size != request.min_group_size:
        held = held_back(source, request.min_group_size, groupings)
    if counts is None:
        counts = count(source, group=request.group, filters=request.filter_map, lang=lang, held=held)
    if request.group is not None and source.item_index(request.group) is not None:
        notes += (("group_is_question", {"column": request.group}),)
    in_view = held.rows if not held.rows.any() or not request.filters else held.rows[row_filter(source, request.filter_map)]
    notes += held_note(held.any, len(in_view), int(in_view.sum()), request.min_group_size)
    notes += left_out_caveats(source.notes)
    return View(request, counts, _emptied_cells(source, counts, request, held, lang), {}, notes, held)


#: Notes of answers a scale leaves out (outside its labels or codes)
OUTSIDE_SCALE = ("labels_outside_scale", "codes_outside_scale")


def left_out_caveats(notes: Sequence[Note]) -> tuple[Note, ...]:
    """Each question's answers outside its scale as a caveat of the figures ("warn_left_out": «q»: 7 answers
    outside the scale are left out), so the count a figure leaves out travels with it; the summary keeps those
    of its questions. A question read as single choice until the user places such answers says so
    ("warn_scale_pending": every answer counted, none left out, the choice waiting on the Data page)."""
    return tuple(("warn_left_out", {**params}) for key, params in notes if key in OUTSIDE_SCALE) + \
        tuple(("warn_scale_pending", {**params}) for key, params in notes if key == "scale_pending")


def counted_view(counted: Counted, request: ViewRequest, *, notes: Sequence[Note] = ()) -> View:
    """The view of counts made where the data lives (:func:`lmp_core.counting.database.count_in_database`), which
    applied the disclosure rule of :func:`lmp_core.counting.disclosure.held_back` there: its cells whose answers were
    all held back are shown as hidden, and the view says when anything was held back, as a view of a file does."""
    notes = (*notes, *counted.notes, *held_note(counted.held_any, counted.in_view, counted.held_rows,
                                                request.min_group_size))
    notes += left_out_caveats(counted.notes)
    return View(request, counted.counts, counted.emptied, {}, notes)


def _refuse_pooled_filters(source: Survey, request: ViewRequest, pooled_notes: Sequence[Note]) -> None:
    """A filter on a value pooled into "Øvrige" is refused with the reason (its respondents are too few to be
    shown on their own): the filter can choose "Øvrige" instead."""
    pooled_columns = {params["column"]: params["label"] for _, params in pooled_notes}
    for column, wanted in request.filter_map.items():
        if column in pooled_columns:
            from lmp_core.counting.counts import group_values

            present = set(group_values(source.values_of(column)).dropna())
            lost = [v for v in wanted if v not in present]
            if lost:
                raise SurveyError("filter_value_pooled", column=column, values=", ".join(lost),
                                  label=pooled_columns[column], min_n=request.min_group_size)


def _when_nothing_is_small(survey: Survey, request: ViewRequest, lang: str) -> Counts | None:
    """The request's counts when the rule of :func:`lmp_core.counting.disclosure.held_back` holds nothing back for its
    one grouping column (no group, and no item's answers in a group, between 1 and the minimum); else None.
    Only for a background group column (or none) that every row has a value of, whose groups are then exactly
    the rule's cells."""
    if request.group is not None and (not survey.has_column(request.group)
                                      or survey.item_index(request.group) is not None):
        return None
    counts = count(survey, group=request.group, lang=lang)
    if counts.no_group:
        return None
    low = request.min_group_size
    if small(np.asarray(counts.respondents), low).any():
        return None
    for j, item in enumerate(counts.items):
        substantive = counts.table[j, :, 1:item.scale.k + 1].sum(axis=1)
        given = counts.table[j, :, 1:].sum(axis=1)
        if (small(substantive, low) | small(given, low)).any():
            return None
    return counts


def _emptied_cells(survey: Survey, counts: Counts, request: ViewRequest, held: HeldBack,
                   lang: str) -> frozenset[tuple[str, str]]:
    """(item, group) cells of this view that had answers, all of them held back: shown as hidden, not as
    "nobody answered"."""
    if not held.answers:
        return frozenset()
    codes, _ = group_codes(survey, request.group, lang)
    in_view = ~held.rows
    mask = row_filter(survey, request.filter_map)
    if mask is not None:
        in_view &= mask
    out: set[tuple[str, str]] = set()
    for j, withheld in held.answers.items():
        rows = withheld & in_view & (codes >= 0)
        if not rows.any():
            continue
        per_group = np.bincount(codes[rows], minlength=len(counts.groups))
        item = counts.items[j]
        answered = counts.table[j, :, 1:].sum(axis=1)  # what is left after holding back
        out.update((item.column, counts.groups[g]) for g in np.flatnonzero((per_group > 0) & (answered == 0)))
    return frozenset(out)


#: Column names that usually hold the respondent's group (compared case-insensitively)
GROUP_NAMES = ("rolle", "role", "gruppe", "group", "respondentgruppe", "kategori")
#: Words in a column's name (or question) that plainly make it a grouping: a role, school, municipality or class
GROUP_WORDS = frozenset({*GROUP_NAMES, "skole", "school", "kommune", "municipality", "klasse", "class", "trinn",
                         "stilling", "enhet", "avdeling", "barnehage"})


def likely_group(survey: Survey, *, min_group_size: int = MIN_GROUP_SIZE) -> str | None:
    """The column the first results are grouped by, only when it is plainly a grouping: its name holds a word of
    :data:`GROUP_WORDS` (a role, school, municipality or class), it has at least two groups of ``min_group_size``
    respondents, and more than half the respondents answered it. Otherwise None: the first results are of
    everyone, and the user chooses a group (a rating question, a time of day, a comment is never guessed).
    Among several, a name of :data:`GROUP_NAMES` first, then the one with the fewest groups.

    >>> from lmp_core.load import read_file
    >>> rows = "".join(f"{k},{r},I stor grad\\n" for k, r in zip("ABCDEFABCDEF", "xyxyxyxyxyxy"))
    >>> likely_group(read_file(("Kommune,Rolle,q\\n" + rows).encode(), "x.csv"))
    'Rolle'
    >>> likely_group(read_file(b"Kommune,q\\nA,I stor grad\\nB,I stor grad\\n", "x.csv")) is None
    True
    """
    from lmp_core.counting.counts import group_factorized

    n = max(survey.n_rows, 1)
    plain: dict[str, int] = {}
    for column in survey.group_candidates:
        words = set(re.findall(r"\w+", column.casefold()))
        if not words & GROUP_WORDS:
            continue
        # the groups as the views count them (blank is no group), coded by polars: no pandas copy of the file's
        # background columns on the way to the Data page (0.8 s for 1,000,000 rows)
        codes, names = group_factorized(survey.series_of(column))
        sizes = np.bincount(codes[codes >= 0], minlength=len(names))
        if int(shown(sizes, min_group_size).sum()) >= 2 and int((codes >= 0).sum()) > n / 2:
            plain[column] = int((sizes > 0).sum())
    named = [c for name in GROUP_NAMES for c in plain if c.casefold() == name]
    return named[0] if named else (min(plain, key=lambda c: plain[c]) if plain else None)


def banner(source: Survey, request: ViewRequest, by: str, *, lang: str = "nb") -> list[tuple[str, Summary]]:
    """Two grouping columns crossed (rolle × pulje), as a banner table shows them: for each value of ``by``
    the request's view filtered to it, so every cell is the group's figure among the respondents with that
    value. Both columns must be grouping columns protected together (the request's ``groupings``): a cell
    under the minimum is hidden in its view, and no cell can be worked out from the others because disclosure
    control holds back the same answers in every view of those columns."""
    from lmp_core.counting.counts import group_values, natural_key

    if isinstance(source, Counts):
        raise SurveyError("freq_no_filter", file=source.source)
    groupings = request.own_groupings if request.groupings is None else request.groupings
    if by not in groupings:
        raise SurveyError("not_a_group_column", column=by, choices=", ".join(groupings))
    if by == request.group:
        raise SurveyError("banner_same_column", column=by)
    source = pooled(source, groupings, request.min_group_size, lang)
    values = sorted(group_values(source.values_of(by)).dropna().unique(), key=natural_key)
    held = held_back(source, request.min_group_size, groupings)
    out = []
    for value in values:
        filtered = replace(request, filters=tuple(sorted({**request.filter_map, by: (str(value),)}.items())),
                           groupings=tuple(groupings))
        view = make_view(source, filtered, held=held, lang=lang)
        out.append((str(value), view.summary()))
    return out
