"""One request, one result: :func:`analyse` gives the :class:`Analysis` every face shows.

The command line prints :meth:`Analysis.to_dict` (``summarize --format json``) or formats its parts as tables; the
pages ask ``lmp_app.state`` for it (made once per request and session) and render it; the report
(:func:`lmp_core.present.report.build_report`) lays it out. None of them computes a figure: the decisions of
what an analysis holds are made here once — which other kinds, which indices (:func:`themes_with_index`), the
tests across three or more groups (:func:`long_tables`), the weighted figures beside the unweighted, the comparison
with reference figures — each from a view whose cells the rule of :mod:`lmp_core.counting.disclosure` has
already protected (:mod:`lmp_core.compute.view`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any

from lmp_core.analysis.parts import ColumnComments, Invitation
from lmp_core.base.errors import SurveyError
from lmp_core.compute.view import ViewRequest

__all__ = ["Analysis", "ColumnComments", "Invitation", "Request", "analyse", "long_tables", "protected_view",
           "report_analysis", "themes_with_index"]

if TYPE_CHECKING:
    from lmp_core.base.errors import Note
    from lmp_core.compute.fieldwork import Fieldwork
    from lmp_core.compute.groups import GroupTests
    from lmp_core.compute.indices import Index
    from lmp_core.compute.kind_stats import KindResult
    from lmp_core.compute.quality import Change, Chosen
    from lmp_core.compute.reference import ReferenceResult
    from lmp_core.compute.stats import Summary
    from lmp_core.compute.view import View
    from lmp_core.compute.waves import Trend
    from lmp_core.compute.weights import WeightedComparison, WeightedStats, Weights
    from lmp_core.counting.counts import Counts
    from lmp_core.counting.database import Counted
    from lmp_core.counting.disclosure import HeldBack
    from lmp_core.read.reference import References
    from lmp_core.setup.survey import Item, Survey


@dataclass(frozen=True)
class Request:
    """What one analysis holds: the view (questions, group, filters, protection, top-k …) and what is added to it.

    ``kind_items``: the questions of other kinds (single choice, multiple response, numbers) by column or set
    name; None for all of them, ``()`` for none. ``index_themes``: the themes whose questions make an index
    (``"all"``: every theme), ``custom_index``: indices of questions picked by name. ``weights`` and ``references``
    are the chosen weights (before the view's held-back respondents are taken out) and reference figures; they are
    left out of the request's equality and hash, so a cache keyed on a request adds their identity to the key.
    ``comments``: the comment columns whose comments (``comment_groups``: of these groups only; ``comment_search``:
    with the word) and quotes per code the analysis holds, none from a respondent the view holds back, or with
    ``quote_any_grouping`` none that any grouping candidate holds back (the report's: a document outlives the
    session's protected columns). ``invitation``: an invitation list, for the fieldwork (progress,
    non-respondents, representation) and for weights raked to it on ``rake_by`` (then the analysis's weights).
    ``waves``: the waves of a trend, oldest first (left out of equality and hash, like the weights), with the
    flagged questions the user keeps (``confirmed``).
    """

    view: ViewRequest = field(default_factory=ViewRequest)
    kind_items: tuple[str, ...] | None = None
    index_themes: tuple[str, ...] = ()
    custom_index: tuple[tuple[str, tuple[str, ...]], ...] = ()
    max_index_items: int | None = None
    omnibus: str = "kruskal"
    lang: str = "nb"
    weights: Weights | None = field(default=None, compare=False)
    references: References | None = field(default=None, compare=False)
    reference_includes_group: bool = False
    #: the column a banner table crosses the group with (None: no banner)
    banner: str | None = None
    comments: tuple[str, ...] = ()
    comment_groups: tuple[str, ...] | None = None
    comment_search: str = ""
    quote_any_grouping: bool = False
    invitation: Invitation | None = None
    rake_by: tuple[str, ...] = ()
    waves: tuple[tuple[str, Survey], ...] = field(default=(), compare=False)
    confirmed: tuple[str, ...] = ()

    @property
    def indexed(self) -> bool:
        """Whether the request asks for any index (the JSON then has ``indices``, perhaps empty)."""
        return bool(self.index_themes or self.custom_index)


@dataclass(frozen=True, eq=False)
class Analysis:
    """Every figure of one request, protected: what the command line, the pages and the report show.

    Each part is computed when it is first read and then kept, so a page that shows one part counts nothing else
    (the Fieldwork page matches the invitation list without counting the questions), and :meth:`to_dict` reads
    every part the request asks for; :meth:`complete` computes them at once (a bad input's error is raised there).

    ``view``: the counted, protected cells; ``summary``: the scale questions (shares, intervals, means, d);
    ``tests``: per question with three or more shown groups, the omnibus test, the pairs and the letters;
    ``kinds``: the questions of other kinds; ``indices``; ``weights`` (the request's, or ``raked`` to its invitation
    list, without the respondents the view holds back) with ``weighted`` (question, group → weighted figures) and
    ``weighted_pairs`` (question, a, b → weighted d); ``reference``: each shown group beside the reference figures;
    ``changes``: per question, what leaving out the data-quality choice's respondents changes, and ``quality``: the
    data-quality part of the JSON; ``banner``: per value of the banner column, the summary of its respondents;
    ``comments``: per comment column asked for, its comments and quotes; ``fieldwork``: the responses matched to
    the invitation list; ``trend``: over the request's waves. The caveats are the summary's warnings and the
    weights' notes.

    The fields are what the analysis is made from: the ``source``, a ``given_view`` (a page's cached view, a
    database's counted view), what a database or a stream ``counted``, and the data-quality choice ``chosen`` with
    the whole file ``full`` and the choice as the setup wrote it (``quality_choice``).
    """

    request: Request
    source: Survey | Counts
    given_view: View | None = field(default=None, repr=False)
    counted: Counted | None = field(default=None, repr=False)
    chosen: Chosen | None = field(default=None, repr=False)
    full: Survey | None = field(default=None, repr=False)
    quality_choice: str = ""

    def with_parts(self, request: Request | None = None, **parts: Any) -> Analysis:
        """The same analysis (the parts computed so far kept) with ``parts`` given instead of computed — a
        database's indices, a report's reference comparison — and perhaps another ``request``."""
        new = replace(self, request=request or self.request)
        new.__dict__.update({k: v for k, v in self.__dict__.items() if k in _PARTS})
        unknown = set(parts) - _PARTS
        if unknown:
            raise TypeError(f"not a part of an analysis: {', '.join(sorted(unknown))}")
        new.__dict__.update(parts)
        return new

    def complete(self) -> Analysis:
        """Every part the request asks for, computed now."""
        for name in ("summary", "tests", "kinds", "indices", "weighted", "reference", "changes", "banner", "comments",
                     "fieldwork", "trend"):
            getattr(self, name)
        return self

    @cached_property
    def view(self) -> View:
        from lmp_core.setup.survey import Survey

        notes = self.source.notes if isinstance(self.source, Survey) else ()
        return self.given_view or protected_view(self.source, self.request.view, counted=self.counted, notes=notes,
                                                 lang=self.request.lang)

    @cached_property
    def summary(self) -> Summary:
        return self.view.summary(self.view.request.items)  # () when the request named only questions of other kinds

    @cached_property
    def tests(self) -> tuple[GroupTests, ...]:
        from lmp_core.compute.groups import group_tests

        return tuple(group_tests(self.summary, omnibus=self.request.omnibus))  # 3+ groups: omnibus, pairs, letters

    @cached_property
    def kinds(self) -> tuple[KindResult, ...]:
        if self.request.kind_items == ():
            return ()
        # the request's view: a page's other kinds need no counted view of the scales
        return tuple(other_kinds(self.source, self.request.view, kind_items=self.request.kind_items,
                                 lang=self.request.lang, counted=self.counted))

    @cached_property
    def raked(self) -> Weights | None:
        return _raked(self.source, self.request)

    @cached_property
    def weights(self) -> Weights | None:
        weights = self.request.weights if self.raked is None else self.raked
        if weights is not None and self.view.held is not None:
            weights = weights.without(self.view.held.rows)
        return weights

    @cached_property
    def indices(self) -> tuple[Index, ...]:
        if not self.request.indexed:
            return ()
        return tuple(indices_of(self.source, replace(self.request, weights=self.weights), counted=self.counted,
                                held=self.view.held))

    @cached_property
    def _weighted_parts(self) -> tuple[dict | None, dict | None]:
        return _weighted(self.source, self.view, self.weights, self.request.lang)

    @property
    def weighted(self) -> Mapping[tuple[str, str], WeightedStats] | None:
        return self._weighted_parts[0]

    @property
    def weighted_pairs(self) -> Mapping[tuple[str, str, str], WeightedComparison] | None:
        return self._weighted_parts[1]

    @cached_property
    def reference(self) -> ReferenceResult | None:
        request = self.request
        if request.references is None:
            return None
        from lmp_core.compute.reference import view_reference

        return view_reference(self.source, self.view, request.references, summary=self.summary,
                              indices=list(self.indices), includes_group=request.reference_includes_group,
                              lang=request.lang)

    @cached_property
    def changes(self) -> tuple[Change, ...]:
        return _changes(self.full, self.chosen, self.request.view.top_k, self.request.lang)

    @cached_property
    def quality(self) -> Mapping[str, Any] | None:
        return _quality(self.chosen, self.quality_choice, self.changes, self.request.lang)

    @cached_property
    def banner(self) -> tuple[tuple[str, Summary], ...] | None:
        return _banner(self.source, self.request)

    @cached_property
    def comments(self) -> tuple[ColumnComments, ...]:
        return _comments(self.source, self, self.request)

    @cached_property
    def fieldwork(self) -> Fieldwork | None:
        return _fieldwork(self.source, self.request)

    @cached_property
    def trend(self) -> Trend | None:
        return _trend(self.request)

    def summary_of(self, columns: Sequence[str]) -> Summary:
        """The summary of some of the view's questions (a report chapter's, a theme's), from the same counts."""
        return self.view.summary(list(columns))

    def tests_of(self, columns: Sequence[str]) -> list[GroupTests]:
        """The tests of the questions ``columns`` (for a table of some of the questions)."""
        wanted = set(columns)
        return [t for t in self.tests if t.column in wanted]

    def index_of(self, name: str) -> Index | None:
        """The index named ``name`` (a theme's, or one of picked questions), None without one."""
        return next((ix for ix in self.indices if ix.name == name), None)

    def comments_of(self, column: str) -> ColumnComments | None:
        """The comments and quotes of the comment column ``column`` (None: the analysis has none of it)."""
        return next((c for c in self.comments if c.column == column), None)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """The JSON of ``python -m lmp_core summarize --format json``: the summary's contract, each question with
        three or more groups with ``group_tests``, the other kinds after the scales, and ``indices``,
        ``weighting`` (each cell and pair gaining ``weighted``), ``reference``, ``coding``, ``quality`` and
        ``banner`` when asked for."""
        from lmp_core.setup.survey import Survey

        lang = lang or self.request.lang
        out = self.summary.to_dict(lang)
        tests = {t.column: t for t in self.tests}
        for item in out["items"]:
            if item["column"] in tests:
                item["group_tests"] = tests[item["column"]].to_dict()
        out["items"] += [r.to_dict(lang) for r in self.kinds]
        if self.request.indexed:
            out["indices"] = [ix.to_dict() for ix in self.indices]
        if self.weights is not None:
            _add_weighted(out, self, lang)
        if self.reference is not None:
            out["reference"] = self.reference.to_dict(lang)
        if isinstance(self.source, Survey) and self.source.coding:  # the rules behind each coded comment column
            out["coding"] = [frame.to_dict() for frame in self.source.coding]
        if self.quality is not None:
            out["quality"] = dict(self.quality)
        if self.banner is not None:
            out["banner"] = {"by": self.request.banner, "values": [
                {"value": value, **{k: part.to_dict(lang)[k] for k in ("groups", "items")}}
                for value, part in self.banner]}
        return out


#: The parts of an :class:`Analysis`, each computed when first read.
_PARTS = frozenset({"view", "summary", "tests", "kinds", "raked", "weights", "indices", "_weighted_parts", "reference",
                    "changes", "quality", "banner", "comments", "fieldwork", "trend"})


def _add_weighted(out: dict, analysis: Analysis, lang: str) -> None:
    """Each shown group's statistics gain ``"weighted"``; the output gains ``"weighting"``."""
    from lmp_core.compute.stats import note_text

    cells, pairs, weights = analysis.weighted or {}, analysis.weighted_pairs or {}, analysis.weights
    assert weights is not None  # only called with weights
    for item in out["items"]:
        for stats in item["stats"]:
            cell = cells.get((item["column"], stats["group"]))
            stats["weighted"] = cell.to_dict() if cell is not None else None
        for comparison in item.get("comparisons", ()):  # the other kinds have no weighted figures
            pair = pairs.get((item["column"], comparison["a"], comparison["b"]))
            comparison["weighted"] = pair.to_dict() if pair is not None else None
    out["weighting"] = weights.to_dict()
    out["warnings"].extend(note_text(key, params, lang) for key, params in weights.notes)


def themes_with_index(items: Sequence[Item], themes: Sequence[str], max_items: int) -> tuple[str, ...]:
    """The themes among ``themes`` that make an index: two questions or more, and no more than ``max_items``
    (the results page, the report and a database's counting visit ask the same)."""
    return tuple(th for th in themes if 2 <= sum(it.theme == th for it in items) <= max_items)


def long_tables(summary: Summary) -> bool:
    """More than two shown groups: the group figures and the comparisons in long form, with the tests across the
    groups (the wide form would grow four columns per group and three per pair)."""
    return len([g for g in summary.groups if not g.suppressed]) > 2


def report_analysis(source: Survey | Counts, request: ViewRequest, *, themes: Sequence[str] | None = None,
                    lang: str = "nb", view: View | None = None, weights: Weights | None = None,
                    invitation: Invitation | None = None, rake_by: tuple[str, ...] = (),
                    indices: Mapping[str, Index] | None = None, counted: Counted | None = None,
                    references: References | None = None, reference_includes_group: bool = False) -> Analysis:
    """The analysis a report lays out: the view of ``request`` with, from a file without filters, the index of each
    chapter's theme (of ``themes``, None: all) that :func:`themes_with_index` allows; from a database, the indices
    ``indices`` its visit made (or every theme's, from ``counted``); the other kinds when no questions are picked;
    each comment column's comments and quotes, none that any grouping candidate holds back; the weights given, or
    raked to ``invitation`` on ``rake_by``.
    """
    from lmp_core.compute.indices import MAX_INDEX_ITEMS
    from lmp_core.compute.view import make_view
    from lmp_core.setup.survey import Survey

    view = view or make_view(source, request, lang=lang)
    if (weights is not None or rake_by) and not isinstance(source, Survey):
        raise SurveyError("freq_no_weights", file=source.source)
    chapters = view.counts.items if request.items is None else view.counts.select(list(request.items)).items
    wanted = [th for th in dict.fromkeys(it.theme for it in chapters) if themes is None or th in themes]
    indexed: tuple[str, ...] = ()
    if counted is not None and indices is None:
        indexed = ("all",)
    elif isinstance(source, Survey) and not request.filters and indices is None:
        indexed = themes_with_index(chapters, wanted, MAX_INDEX_ITEMS)
    asked = Request(request, kind_items=None if request.items is None else (), index_themes=indexed,
                    max_index_items=MAX_INDEX_ITEMS if counted is not None else None, lang=lang, weights=weights,
                    invitation=invitation, rake_by=rake_by, comments=tuple(source.text_columns) if isinstance(source, Survey) else (),
                    quote_any_grouping=True)
    analysis = analyse(source, asked, view=view, counted=counted)
    if indices is not None:
        analysis = analysis.with_parts(indices=tuple(indices.values()))
    if references is None:
        return analysis
    from lmp_core.compute.reference import view_reference

    # beside the references: the indices a database's visit made; from a file, those the references name
    given = list(indices.values()) if indices is not None else [] if counted is None else list(analysis.indices)
    reference = view_reference(source, view, references, summary=analysis.summary, indices=given,
                               includes_group=reference_includes_group, lang=lang)
    return analysis.with_parts(replace(asked, references=references, reference_includes_group=reference_includes_group),
                               reference=reference)


def analyse(source: Survey | Counts, request: Request, *, view: View | None = None, counted: Counted | None = None,
            quality: Chosen | None = None, full: Survey | None = None, quality_choice: str = "") -> Analysis:
    """Every figure ``request`` asks of ``source``, protected, in one :class:`Analysis` (each part computed when
    first read).

    ``view``: the request's view when the caller made it already (a page's cached view, a database's counted
    view); else it is made when first needed (:func:`lmp_core.compute.view.make_view`, or from ``counted``:
    :func:`lmp_core.compute.view.counted_view`). ``counted``: what a database or a stream counted (its other kinds
    and indices' sums come from the same visit). ``quality`` (with ``full``, the whole file, and
    ``quality_choice``, the setup's choice as written): the data-quality part, each check's count on the whole file
    and what leaving out changes.
    """
    return Analysis(request, source, given_view=view, counted=counted, chosen=quality, full=full,
                    quality_choice=quality_choice)


def protected_view(source: Survey | Counts, request: ViewRequest, *, held: HeldBack | None = None,
                   counted: Counted | None = None, notes: Sequence[Note] = (), lang: str = "nb") -> View:
    """The counted view of ``request`` whose cells the disclosure rule has protected, with no statistic yet: what
    a page or a command caches and hands to :func:`analyse` for each request that differs only in what is computed
    from the same counts. From what a database or a stream counted (``counted``) or from ``source`` (``held``: the
    respondents its grouping columns hold back; ``notes``: the reader's caveats)."""
    from lmp_core.compute.view import counted_view, make_view

    if counted is not None:
        return counted_view(counted, request)
    return make_view(source, request, held=held, notes=notes, lang=lang)


def other_kinds(source: Survey | Counts, request: ViewRequest, *, kind_items: tuple[str, ...] | None = None,
                lang: str = "nb", counted: Counted | None = None) -> list[KindResult]:
    """The questions of other kinds (single choice, multiple response, numbers; ``kind_items`` picks among them, by
    column or set name) for the view of ``request``: counted in the same visit as the scales (``counted``, a
    database's or a stream's), or from the survey, with the view's protected columns and minimum."""
    from lmp_core.setup.survey import Survey

    if counted is not None:
        from lmp_core.compute.kind_stats import database_results

        return database_results(counted, min_group_size=request.min_group_size, confidence=request.confidence,
                                columns=kind_items)
    if not isinstance(source, Survey) or not (source.others or source.numbers) or kind_items == ():
        return []
    from lmp_core.compute.kind_stats import kind_results

    return kind_results(source, group=request.group, filters=request.filter_map, groupings=request.groupings,
                        min_group_size=request.min_group_size, columns=kind_items, confidence=request.confidence,
                        lang=lang)


def indices_of(source: Survey | Counts, request: Request, *, counted: Counted | None = None,
               held: HeldBack | None = None) -> list[Index]:
    """The indices of the request's themes and picked questions (none unless it asks for one), for the view's group
    and minimum, with the request's weights beside; from a database, from the sums ``counted`` brought back."""
    if not request.indexed:
        return []
    from lmp_core.compute.indices import view_indices

    return view_indices(source, request.view, list(request.index_themes), lang=request.lang,
                        max_items=request.max_index_items, weights=request.weights,
                        custom={name: list(columns) for name, columns in request.custom_index} or None,
                        sums=counted.index_sums if counted is not None else None, held=held)


def _weighted(source: Survey | Counts, view: View, weights: Weights | None, lang: str
              ) -> tuple[dict | None, dict | None]:
    """The weighted figures of each cell the view shows and the weighted d of each pair the summary compares."""
    if weights is None:
        return None, None
    from lmp_core.compute.weights import weighted_comparisons, weighted_stats
    from lmp_core.setup.survey import Survey

    if not isinstance(source, Survey):
        raise SurveyError("freq_no_weights", file=source.source)
    cells = weighted_stats(source, view, weights, lang=lang)
    return cells, weighted_comparisons(view.summary(), cells, view.request.confidence)


def _changes(full: Survey | None, chosen: Chosen | None, top_k: int, lang: str) -> tuple[Change, ...]:
    """Per question, the top-k share and mean with every respondent and without those the choice leaves out."""
    if chosen is None or full is None:
        return ()
    from lmp_core.analysis.parts import quality_changes

    return quality_changes(full, chosen, top_k=top_k, lang=lang)


def _quality(chosen: Chosen | None, choice: str, changes: tuple[Change, ...], lang: str) -> dict | None:
    """The data-quality part of the JSON: each check's count on the whole file, the setup's choice, how many are
    left out, and per question the change in top-k share and mean without them."""
    if chosen is None:
        return None
    from lmp_core.compute.stats import note_text

    return {**chosen.quality.to_dict(), "choice": choice, "left_out": chosen.left_out,
            "notes": [note_text(k, p, lang) for k, p in chosen.notes],
            "with_without": [c.to_dict() for c in changes]}


def _survey(source: Survey | Counts, error: str) -> Survey:
    """``source`` as a survey of respondents; a table of counts has none for the part asked (``error``)."""
    from lmp_core.setup.survey import Survey

    if not isinstance(source, Survey):
        raise SurveyError(error, file=source.source)
    return source


def _banner(source: Survey | Counts, request: Request) -> tuple[tuple[str, Summary], ...] | None:
    """Per value of the banner column, the view's summary of its respondents (None without a banner)."""
    if not request.banner:
        return None
    from lmp_core.analysis.parts import banner_of

    return banner_of(_survey(source, "freq_no_filter"), request.view, request.banner, lang=request.lang)


def _comments(source: Survey | Counts, analysis: Analysis, request: Request) -> tuple[ColumnComments, ...]:
    """The comments and quotes of the comment columns the request names."""
    if not request.comments:
        return ()
    from lmp_core.analysis.parts import column_comments

    view = analysis.view
    return column_comments(_survey(source, "freq_no_filter"), request.comments, view.request,
                           groups=request.comment_groups, search=request.comment_search,
                           held=None if request.quote_any_grouping else view.held, lang=request.lang)


def _fieldwork(source: Survey | Counts, request: Request) -> Fieldwork | None:
    """The responses matched to the request's invitation list (None without one), with the view's minimum."""
    if request.invitation is None:
        return None
    from lmp_core.analysis.parts import fieldwork_of

    return fieldwork_of(_survey(source, "fw_no_id"), request.invitation, min_group_size=request.view.min_group_size)


def _raked(source: Survey | Counts, request: Request) -> Weights | None:
    """Weights raked to the invitation list on the request's ``rake_by`` (None when it asks for none)."""
    if not request.rake_by:
        return None
    if request.invitation is None:
        raise SurveyError("weight_needs_list")
    if request.weights is not None:
        raise SurveyError("weight_one_source")
    from lmp_core.analysis.parts import raked_weights

    return raked_weights(_survey(source, "freq_no_weights"), request.invitation, request.rake_by,
                         min_group_size=request.view.min_group_size)


def _trend(request: Request) -> Trend | None:
    """The trend of the first wave's questions over the request's waves, for the view's group and protection."""
    if not request.waves:
        return None
    from lmp_core.analysis.parts import trend_of

    asked = request.view
    return trend_of(request.waves, group=asked.group, min_group_size=asked.min_group_size,
                    confirmed=request.confirmed, groupings=asked.groupings, lang=request.lang)
