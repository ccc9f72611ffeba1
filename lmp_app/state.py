"""Per-session state: the keys, the loaded data and the counts made from it.

Everything lives in ``st.session_state`` (one user's data never reaches another session), and
nothing is written to disk. A file is read once per upload; a view (:class:`lmp_core.compute.view.ViewRequest`)
is counted once and kept, so changing the question selection neither re-reads nor recounts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import streamlit as st

from lmp_app import memory
from lmp_core.analysis.analyse import Invitation, Request, analyse, protected_view
from lmp_core.base.catalogue import text
from lmp_core.base.errors import SurveyError
from lmp_core.compute.decisions import Decision, setup_decisions, unconfirmed_note
from lmp_core.compute.quality import Chosen, QualityChoice, apply_choice
from lmp_core.compute.stats import MIN_GROUP_SIZE
from lmp_core.compute.view import View, ViewRequest, likely_group
from lmp_core.compute.weights import Weights
from lmp_core.counting.coding import coded_survey, read_coded_table
from lmp_core.counting.counts import Counts
from lmp_core.counting.database import Counted, IndexSets, count_in_database
from lmp_core.counting.disclosure import HeldBack, held_back
from lmp_core.load import read_codebook, read_file
from lmp_core.setup.codebook import CodebookEntry, protection, quality_spec
from lmp_core.setup.coding import CodingFrame
from lmp_core.setup.survey import Survey

if TYPE_CHECKING:
    import pandas as pd

    from lmp_core.analysis.analyse import Analysis
    from lmp_core.compute.comments import Comments
    from lmp_core.compute.fieldwork import Fieldwork
    from lmp_core.compute.waves import Trend
    from lmp_core.read.reference import References

DEMO_DIR = Path(__file__).resolve().parent / "demo"
DEMO_FILE = DEMO_DIR / "lmp_ch2_3.csv"
DEMO_CODEBOOK = DEMO_DIR / "lmp_ch2_3_codebook.csv"
#: An invitation list that fits the demo (Fieldwork page): 63 schools and 24 municipalities, the demo's
#: 46 respondents among them, invented names and e-mail addresses (example.org).
EXAMPLE_INVITATIONS = DEMO_DIR / "invitasjonsliste_eksempel.csv"
#: Report section 1.1: 63 schools and 24 municipalities were invited.
DEMO_POPULATIONS = {"Skoleleder": 63, "Skoleeier": 24}
DEMO_GROUP = "rolle"
#: The report compares school leaders and school owners only: its setup protects that grouping alone
#: (with pulje as well, the 3 school owners of pulje 1 would be a cell under the minimum)
DEMO_GROUPINGS = ("rolle",)
#: Where the invited number of the whole sample (no group column) is kept: a key of no language.
ALL = "*all*"
#: The threads that make a new file's data-quality checks beside the Data page's other work (:func:`load`); they
#: hold no session's data after a check is made
_CHECKS = ThreadPoolExecutor(2, thread_name_prefix="lmp-quality")
#: A file of at least this many respondents: its data-quality checks (half a second of 1,000,000 rows x 20) start
#: when the Data page's run that read it has drawn the rest, the run ends without waiting for them, and the
#: quality section follows by itself a moment later (:func:`checks_later`, ``pages/data.py``); a smaller file's
#: checks take a few hundredths and start as soon as it is read
CHECKS_LATER_ROWS = 100_000


class Keys:
    """Session-state keys (widgets that must survive a page change copy into these)."""

    LANG = "lang"
    DATA = "lmp_data"
    GROUP = "lmp_group"
    POPULATIONS = "lmp_populations"
    MIN_N = "lmp_min_group_size"
    #: the session's cache of what was counted and computed (views, decisions, indices, kinds, analyses)
    CACHE = "lmp_cache"
    SELECTED = "lmp_selected_items"
    THEMES = "lmp_selected_themes"
    FILTER = "lmp_filter"
    EFFECT = "lmp_effect"
    SORT = "lmp_sort"
    COMMENTS = "lmp_report_comments"
    FIELDWORK_NOTES = "lmp_fieldwork_caveats"
    GROUPINGS = "lmp_groupings"
    FPC = "lmp_fpc"
    WEIGHTS = "lmp_weights"
    WAVES = "lmp_waves"
    TREND = "lmp_trend"
    #: the reference figures (lmp_core.read.reference.References) and whether they include this survey's groups
    REFERENCE = "lmp_reference"
    REFERENCE_INCLUDES = "lmp_reference_includes"
    #: the setup decisions the user confirmed (lmp_core.setup.table.Decision.key), for the loaded file
    CONFIRMED = "lmp_confirmed_setup"
    #: the access gate's state for this run (lmp_app.access.Access.state): "open" when no login is set up
    ACCESS = "lmp_access"
    #: the data-quality choice for the loaded file: (file digest, QualityChoice spec), saved with the setup
    QUALITY = "lmp_quality"
    #: downloads that failed, by button key: the message the page shows above the button on its next run
    DOWNLOAD_ERRORS = "lmp_download_errors"
    #: the column the loaded file's first results were grouped by (None: nothing was plainly a grouping)
    FIRST_GROUP = "lmp_first_group"
    #: the Data page's looks for a large file's data-quality checks since the run that read it (pages/data.py)
    CHECKS_LOOKS = "lmp_checks_looks"


@dataclass
class Loaded:
    """One loaded file: its name, hash, what was read, and the options it was read with."""

    name: str
    digest: str
    source: Survey | Counts
    data: bytes = field(repr=False, default=b"")
    codebook: dict[str, CodebookEntry] | None = None
    codebook_name: str = ""
    sheet: str | None = None
    dont_know: frozenset[str] = frozenset()
    exclude: frozenset[str] = frozenset()
    is_demo: bool = False
    #: counted in a database: the host's connection (the group is the counts' group column); None for a file
    database: Database | None = None
    #: the whole file as read (``source`` is it without the respondents the data-quality choice leaves out)
    full: Survey | None = None
    #: the data-quality choice as applied to ``full``, or its checks: being made on another thread, or (a large
    #: file's, :func:`checks_later`) still to be started (see :attr:`chosen`)
    applied: Chosen | Future[Chosen] | partial[Chosen] | None = field(default=None, repr=False)

    @property
    def chosen(self) -> Chosen | None:
        """The data-quality choice as applied to ``full`` (:func:`lmp_core.compute.quality.apply_choice`); starts
        its checks if they are still to be started, and waits for them while they are being made."""
        start_checks(self)
        if isinstance(self.applied, Future):
            self.applied = self.applied.result()  # an error of the checks is raised here, where they are used
        return self.applied


@dataclass(frozen=True)
class Database:
    """A connection the host configured in secrets.toml (``[databases.<name>]``): what the user sees is ``label``;
    the address never reaches the browser."""

    name: str
    label: str
    url: str = field(repr=False)
    table: str
    setup: str

    @property
    def codebook(self) -> dict[str, CodebookEntry]:
        """The setup file the host put beside the connection (questions, scales, protected columns)."""
        path = Path(self.setup)
        if not self.setup or not path.is_file():
            raise SurveyError("db_setup_missing", label=self.label)
        return read_codebook(path.read_bytes(), path.name)


def databases(secrets: Mapping[str, Any]) -> dict[str, Database]:
    """The host's database connections (``[databases.<name>]`` with ``url``, ``table``, ``setup`` and ``label``)."""
    out = {}
    for name, entry in (secrets.get("databases") or {}).items():
        if isinstance(entry, Mapping) and entry.get("url") and entry.get("table"):
            out[name] = Database(name, str(entry.get("label") or name), str(entry["url"]), str(entry["table"]),
                                 str(entry.get("setup") or ""))
    return out


def load_database(database: Database, group: str) -> Loaded:
    """Count the host's table in its database by ``group`` with the setup's protection; only counts come back
    (:mod:`lmp_core.counting.database`). Then the session's data is those counts, as a frequency table's would be."""
    codebook = database.codebook
    protected, setup_min = protection(codebook)
    minimum = setup_min or MIN_GROUP_SIZE
    protected = protected or (group,)
    counted = count_in_database(database.url, database.table, codebook, group=group, groupings=protected,
                                min_group_size=minimum)
    loaded = Loaded(database.label, digest(f"{database.name}|{group}".encode()), counted.counts, codebook=codebook,
                    database=database)
    st.session_state[Keys.DATA] = loaded
    st.session_state[Keys.CACHE] = {("db", protected, minimum, ()): counted}
    _forget_choices("upload_fingerprint")
    st.session_state[Keys.GROUPINGS] = protected
    st.session_state[Keys.MIN_N] = minimum
    st.session_state.pop("min_n_widget", None)
    st.session_state[Keys.GROUP] = None  # the counts are per group already
    st.session_state[Keys.POPULATIONS] = {}
    return loaded


def _database_counts(loaded: Loaded, request: ViewRequest, index_sets: IndexSets | None = None,
                     index_key: object = None) -> Counted:
    """The database's counts for a request's protection and filters (counted once per setting and session);
    with ``index_sets`` (named by ``index_key``) the indices' sums too."""
    database = loaded.database
    assert database is not None and isinstance(loaded.source, Counts)
    groupings_ = tuple(request.groupings or ())
    key = ("db", groupings_, request.min_group_size, request.filters, *((index_key,) if index_sets else ()))
    return _cached(key, lambda: count_in_database(
        database.url, database.table, loaded.codebook or {}, group=loaded.source.group_column, groupings=groupings_,
        min_group_size=request.min_group_size, filters=request.filter_map, index_sets=index_sets))


def _forget_choices(*extra: str) -> None:
    """A new source: the choices made for the previous one (questions, themes, filter, weights, waves) go."""
    for key in (Keys.SELECTED, Keys.THEMES, Keys.FILTER, Keys.FIELDWORK_NOTES, Keys.WEIGHTS,
                Keys.WAVES, Keys.TREND, "questions_widget", "themes_widget", *extra):
        st.session_state.pop(key, None)


def _release_later(_: object) -> None:
    # the session's state is kept this long for a reconnect; its memory can go back after that (a second later)
    memory.release_after(float(st.get_option("server.disconnectedSessionTTL")) + 1)


@st.cache_resource(scope="session", on_release=_release_later, show_spinner=False)
def watch_session() -> bool:
    """Call once per run: when this session disconnects, its memory is given back later.

    A session-scoped resource is released when its session disconnects; the release hook is
    Streamlit's public way to learn that a tab has closed.
    """
    memory.configure_allocators()
    return True


def digest(data: bytes) -> str:
    """A fingerprint of a file's bytes (the setup decisions a user confirmed belong to it)."""
    return hashlib.sha256(data).hexdigest()


def load(data: bytes, name: str, *, codebook: dict[str, CodebookEntry] | None = None, codebook_name: str = "",
         sheet: str | None = None, dont_know: frozenset[str] = frozenset(), exclude: frozenset[str] = frozenset(),
         is_demo: bool = False) -> Loaded:
    """Read a file and make it this session's data; clears the counts of the previous file.

    Raises :class:`lmp_core.base.errors.SurveyError` for bad input (the page shows its message).
    """
    # the fingerprint is made on another thread while the file is read (hashlib lets go of the interpreter lock):
    # hashing a 300 MB file takes a third of a second, which the reading hides
    with ThreadPoolExecutor(1, thread_name_prefix="lmp-digest") as pool:
        hashed = pool.submit(digest, data)
        source = read_file(data, name, codebook=codebook, sheet=sheet, dont_know=dont_know, exclude=exclude)
        fingerprint = hashed.result()
    source = _kept_coding(source, fingerprint)
    loaded = Loaded(name, fingerprint, source, data, codebook, codebook_name, sheet, dont_know, exclude, is_demo)
    st.session_state[Keys.DATA] = loaded
    st.session_state[Keys.CACHE] = {}
    _forget_choices()
    if st.session_state.get(Keys.CONFIRMED, ("", frozenset()))[0] != loaded.digest:
        st.session_state[Keys.CONFIRMED] = (loaded.digest, frozenset())
    minimum = st.session_state.get(Keys.MIN_N, MIN_GROUP_SIZE)
    likely = likely_group(source, min_group_size=minimum) if isinstance(source, Survey) else None
    # a saved setup's protection holds as it was saved (every call with the setup protects alike); else the
    # demo has the report's setup, and another file the likely group column, which the Data page shows
    protected, setup_min = protection(codebook)
    if isinstance(source, Survey):
        protected = tuple(c for c in protected if c in source.groupable)
    st.session_state[Keys.GROUPINGS] = protected or (DEMO_GROUPINGS if is_demo else ((likely,) if likely else ()))
    if setup_min is not None:
        st.session_state[Keys.MIN_N] = setup_min
        st.session_state.pop("min_n_widget", None)
    if protected and likely not in protected:
        likely = protected[0]
    st.session_state[Keys.GROUP] = likely
    st.session_state[Keys.FIRST_GROUP] = likely
    st.session_state[Keys.POPULATIONS] = {DEMO_GROUP: dict(DEMO_POPULATIONS)} if is_demo else {}
    if isinstance(source, Survey):
        # the same file read again (a fix) keeps the choice made for it; another file takes its setup's
        owner, spec = st.session_state.get(Keys.QUALITY) or ("", "")
        st.session_state[Keys.QUALITY] = (loaded.digest, spec if owner == loaded.digest else quality_spec(codebook))
        loaded.full = source
        _apply_quality(loaded, later=True)
    return loaded


def _kept_coding(source: Survey | Counts, fingerprint: str) -> Survey | Counts:
    """The same file read again (a change of its setup on the Data page) keeps the coding frames written on the
    comments page, unless the setup it was read with brings its own."""
    previous = st.session_state.get(Keys.DATA)
    if not isinstance(source, Survey) or source.coding or previous is None or previous.digest != fingerprint \
            or not isinstance(previous.source, Survey):
        return source
    frames = [f for f in previous.source.coding if f.column in source.text_columns]
    return coded_survey(source, frames, lang=st.session_state.get(Keys.LANG, "nb")) if frames else source


def quality_choice() -> QualityChoice:
    """The data-quality choice for the loaded file (Data page; saved with the setup)."""
    owner, spec = st.session_state.get(Keys.QUALITY) or ("", "")
    return QualityChoice.parse(spec) if spec and owner == ensure_data().digest else QualityChoice()


def set_quality_choice(choice: QualityChoice) -> bool:
    """Use ``choice`` on every page, download and the report: the flagged respondents of its checks are left out
    of the session's data (the whole file is kept). Weights chosen for the respondents before are dropped.
    True when the choice changed (the page then runs again with the new data)."""
    loaded = ensure_data()
    if choice == quality_choice():
        return False
    st.session_state[Keys.QUALITY] = (loaded.digest, choice.spec())
    set_weights(None)
    _apply_quality(loaded)
    return True


def quality_notes() -> tuple[tuple[str, dict[str, object]], ...]:
    """The caveat that flagged respondents are left out, while they are (the report says it as every view does)."""
    chosen = ensure_data().chosen
    return chosen.notes if chosen is not None and chosen.left_out else ()


def quality_changes(lang: str) -> tuple:
    """Per question, the top-2 share and mean with all respondents and under the choice (the analysis's
    ``changes``, :func:`lmp_core.analysis.analyse.analyse`), once per choice and session."""
    loaded = ensure_data()
    full, chosen = loaded.full, loaded.chosen
    if full is None or chosen is None:
        return ()
    asked = Request(ViewRequest(items=()), kind_items=(), lang=lang)
    return _cached(("quality_changes", lang), lambda: analyse(full, asked, quality=chosen, full=full).changes)


def sync_quality() -> bool:
    """Apply the choice again when the minimum group size or the protected grouping columns changed (they decide
    whether few may be left out); True when it was applied again."""
    loaded = ensure_data()
    chosen = loaded.chosen
    if loaded.full is not None and (chosen is None or chosen.protection != (min_group_size(), groupings())):
        _apply_quality(loaded)
        return True
    return False


def _apply_quality(loaded: Loaded, *, later: bool = False) -> None:
    """The session's data under the choice; every count made before is forgotten.

    ``later`` (a file just read): when the choice leaves nobody out and names no column, the session's data is
    the whole file at once, and the checks, which only the Data page's quality section shows, are made on another
    thread: a small file's while the page draws what comes before that section; a large file's
    (:data:`CHECKS_LATER_ROWS`) once the Data page's run has drawn the rest (:func:`start_checks`), so that they
    take no processor from it (half a second of a 1,000,000-row file's)."""
    if loaded.full is None:
        return
    choice, minimum, protected = quality_choice(), min_group_size(), groupings()
    if later and not choice.leave_out and not choice.columns:  # a chosen column may not exist: said at once
        loaded.source = loaded.full  # what apply_choice gives when it leaves nobody out
        loaded.applied = partial(apply_choice, loaded.full, choice, min_group_size=minimum, groupings=protected)
        if loaded.full.n_rows < CHECKS_LATER_ROWS:
            start_checks(loaded)
    else:
        chosen = apply_choice(loaded.full, choice, min_group_size=minimum, groupings=protected)
        loaded.source, loaded.applied = chosen.survey, chosen
    st.session_state[Keys.CACHE] = {}


def checks_later(loaded: Loaded) -> bool:
    """Whether the quality section of a file just read waits for its run's end: a file of at least
    :data:`CHECKS_LATER_ROWS` respondents whose checks are still to be made (the default choice); nothing else on
    the way to the results needs them."""
    return (isinstance(loaded.applied, (Future, partial)) and loaded.full is not None
            and loaded.full.n_rows >= CHECKS_LATER_ROWS)


def start_checks(loaded: Loaded) -> None:
    """Start ``loaded``'s data-quality checks on their thread if they are still to be started."""
    if isinstance(loaded.applied, partial):
        loaded.applied = _CHECKS.submit(loaded.applied)


def checks_made(loaded: Loaded) -> bool:
    """Whether ``loaded``'s data-quality checks are made (or failed: :attr:`Loaded.chosen` raises their error)."""
    return not isinstance(loaded.applied, (Future, partial)) or (
        isinstance(loaded.applied, Future) and loaded.applied.done())


def load_demo() -> Loaded:
    """Load the built-in example survey (report chapters 2–3) with its codebook and populations."""
    codebook = read_codebook(DEMO_CODEBOOK.read_bytes(), DEMO_CODEBOOK.name)
    return load(DEMO_FILE.read_bytes(), DEMO_FILE.name, codebook=codebook, codebook_name=DEMO_CODEBOOK.name,
                is_demo=True)


def ensure_data() -> Loaded:
    """This session's data, loading the demo on first use."""
    if Keys.DATA not in st.session_state:
        load_demo()
    st.session_state.setdefault(Keys.MIN_N, MIN_GROUP_SIZE)
    return st.session_state[Keys.DATA]


def decisions() -> tuple[Decision, ...]:
    """The loaded file's setup decisions (one per worked-out scale; none for a frequency table)."""
    source = ensure_data().source
    if not isinstance(source, Survey):
        return ()
    return _cached(("decisions",), lambda: setup_decisions(source))


def confirmed() -> frozenset[str]:
    """The keys of the decisions the user confirmed for the loaded file."""
    owner, keys = st.session_state.get(Keys.CONFIRMED) or ("", frozenset())
    return keys if owner == ensure_data().digest else frozenset()


def confirm(*keys: str) -> None:
    """Mark decisions as confirmed for the loaded file (kept when the file is read again with a fix)."""
    st.session_state[Keys.CONFIRMED] = (ensure_data().digest, confirmed() | set(keys))


def setup_notes() -> tuple[tuple[str, dict[str, object]], ...]:
    """The caveat that the setup is unconfirmed, while a decision is open (every view shows it)."""
    note = unconfirmed_note(decisions(), confirmed())
    return (note,) if note else ()


def min_group_size() -> int:
    """The smallest group size shown (Data page; default :data:`lmp_core.compute.stats.MIN_GROUP_SIZE`)."""
    return int(st.session_state.get(Keys.MIN_N, MIN_GROUP_SIZE))


def populations(group: str | None) -> dict[str, int]:
    """Invited numbers per group of one group column, as entered on the Data page (kept per column, so
    that choosing another group column and coming back keeps them)."""
    stored: dict[str | None, dict[str, int]] = st.session_state.get(Keys.POPULATIONS) or {}
    values = dict(stored.get(group) or {})
    if group is None and ALL in values:  # the whole sample's name is the session language's ("Alle", "All")
        values = {text("all_respondents", st.session_state.get(Keys.LANG, "nb")): values[ALL]}
    return values


def set_populations(group: str | None, values: dict[str, int]) -> None:
    """Keep the invited numbers of one group column."""
    stored: dict[str | None, dict[str, int]] = dict(st.session_state.get(Keys.POPULATIONS) or {})
    # without a group column there is one group, stored under a key of no language, so that a change of
    # language keeps the invited number
    if group is None:
        stored[group] = {ALL: next(iter(values.values()))} if values else {}
    else:
        stored[group] = dict(values)
    st.session_state[Keys.POPULATIONS] = stored


def groupings() -> tuple[str, ...]:
    """The grouping columns protected together (Data page; every candidate for an uploaded file)."""
    return tuple(st.session_state.get(Keys.GROUPINGS) or ())


def held_for(min_n: int) -> HeldBack:
    """Respondents and answers held back from every view (worked out once per setting and session)."""
    source = ensure_data().source
    if not isinstance(source, Survey):  # a frequency table holds no respondents to hold back
        raise TypeError("held_for needs a response file")
    columns = groupings()
    return _cached(("held", min_n, columns), lambda: held_back(source, min_n, columns))


def view_request(*, group: str | None = None, filters: dict[str, tuple[str, ...]] | None = None,
                 items: tuple[str, ...] | None = None, populations: dict[str, int] | None = None) -> ViewRequest:
    """A request with this session's protective settings (grouping columns, minimum group size)."""
    return ViewRequest.of(group=group, filters=filters, items=items or None, populations=populations,
                          groupings=groupings(), min_group_size=min_group_size(),
                          fpc=bool(st.session_state.get(Keys.FPC)))


def view_for(request: ViewRequest, lang: str) -> View:
    """The counted, disclosure-checked view of a request, made once per request and session.

    Changing the question selection asks the same view for other items, so it recounts nothing.
    """
    loaded = ensure_data()
    source = loaded.source
    held = held_for(request.min_group_size) if isinstance(source, Survey) else None
    notes = (source.notes if isinstance(source, Survey) else ()) + tuple(st.session_state.get(Keys.FIELDWORK_NOTES) or ()) \
        + setup_notes()
    # what is counted depends on the group, filters and minimum only
    to_count = ViewRequest(group=request.group, filters=request.filters, groupings=request.groupings,
                          min_group_size=request.min_group_size)
    # the language names only the whole sample's group ("Alle"/"All"): with a group column, a change of
    # language recounts nothing
    key = ("view", to_count, lang if request.group is None else None)
    if loaded.database is not None:  # counted in the database, the disclosure rule applied there
        view = _cached(key, lambda: protected_view(source, to_count, counted=_database_counts(loaded, to_count)))
        return view.asking(request, notes)
    view = _cached(key, lambda: protected_view(source, to_count, held=held, lang=lang))
    return view.asking(request, notes)


def analysis_for(request: ViewRequest, lang: str, *, omnibus: str = "kruskal",
                 weights: Weights | None = None) -> Analysis:
    """The analysis of a view's questions (:func:`lmp_core.analysis.analyse.analyse`; the view counted once per
    session, :func:`view_for`): the tests across three or more groups with ``omnibus``, and with ``weights`` (the
    session's chosen weights, :func:`weights`) the weighted figures of the view's cells and the weighted d of its
    pairs; made once per request, weights and session."""
    from lmp_core.analysis.analyse import Request, analyse

    view = view_for(request, lang)
    asked = Request(view.request, kind_items=(), omnibus=omnibus, lang=lang, weights=weights)
    # the view's caveats are in the key: confirming the setup or the fieldwork's notes change them, not the counts
    # (notes hold dicts, so their text stands for them)
    key = ("analysis", asked, _weights_key(weights), repr(view.notes))
    return _cached(key, lambda: _counted(analyse(ensure_data().source, asked, view=view)))


def _counted(analysis: Analysis) -> Analysis:
    """``analysis`` with its summary and weighted figures made: a bad input's error is raised (and kept by
    :func:`_cached`) here; the other parts are made when a page first reads them."""
    analysis.summary, analysis.weighted  # noqa: B018 - read for the error
    return analysis


def _weights_key(chosen: Weights | None) -> tuple | None:
    """What tells two sets of :func:`weights` apart in a cache key: the stored weights themselves (compared and
    kept alive by identity, so no other weights can take their place) and the protection their held-back
    respondents come from."""
    if chosen is None:
        return None
    return st.session_state.get(Keys.WEIGHTS), min_group_size(), groupings()


def indices_for(request: ViewRequest, themes: tuple[str, ...], lang: str,
                custom: tuple[str, tuple[str, ...]] | None = None) -> list:
    """The themes' indices, and ``custom`` (a name and the questions the user picked), for the view's group and
    minimum (the analysis's ``indices``), with the chosen weights beside (:func:`weights`), made once per request,
    weights and session."""
    from lmp_core.compute.indices import MAX_INDEX_ITEMS, index_sets

    loaded = ensure_data()
    source = loaded.source
    to_count = ViewRequest(group=request.group, groupings=request.groupings, min_group_size=request.min_group_size,
                           items=())
    asked = Request(to_count, kind_items=(), index_themes=themes, custom_index=(custom,) if custom else (),
                    max_index_items=MAX_INDEX_ITEMS, lang=lang)
    if loaded.database is not None:  # the indices' sums are summed in the database, under the same rule
        picked = dict([custom]) if custom else None
        in_database = _database_counts(loaded, replace(to_count, items=None),
                                       lambda found: index_sets(found, themes, picked, MAX_INDEX_ITEMS),
                                       ("indices", themes, custom))
        return list(analyse(in_database.counts, asked, counted=in_database).indices)
    chosen = weights()
    # the view's held-back respondents when its grouping columns are the session's (counted once per session)
    view = view_for(to_count, lang) if to_count.groupings == groupings() else None
    return _cached(("indices", to_count, themes, lang, _weights_key(chosen), custom),
                   lambda: list(analyse(source, replace(asked, weights=chosen), view=view).indices))


def report_analysis_for(request: ViewRequest, themes: tuple[str, ...], lang: str, *,
                        references: References | None = None, includes_group: bool = False) -> Analysis:
    """The analysis the report lays out (:func:`lmp_core.analysis.analyse.report_analysis`) for the chapters of
    ``themes``, with the chosen weights and reference figures, made once per request and session. From a database,
    the themes' indices and the other kinds are counted there (:func:`indices_for`, :func:`kinds_for`)."""
    from lmp_core.analysis.analyse import report_analysis, themes_with_index
    from lmp_core.compute.indices import MAX_INDEX_ITEMS

    loaded = ensure_data()
    source = loaded.source
    chosen = weights()
    key = ("report", request, themes, lang, _weights_key(chosen), references, includes_group)
    if loaded.database is None:
        def made() -> Analysis:
            analysis = report_analysis(source, request, themes=themes, lang=lang, weights=chosen,
                                       references=references, reference_includes_group=includes_group)
            if request.items is None:  # every other kind, as the results page made them for the same view
                analysis = analysis.with_parts(kinds=tuple(_kinds(request, lang)))
            return analysis.complete()

        return _cached(key, made)
    indices = {ix.name: ix for ix in indices_for(request, themes_with_index(source.items, themes, MAX_INDEX_ITEMS), lang)}
    kinds = kinds_for(request.group, {}, lang)
    return _cached(key, lambda: report_analysis(source, request, themes=themes, lang=lang, indices=indices,
                                                references=references, reference_includes_group=includes_group
                                                ).with_parts(kinds=tuple(kinds)).complete())


def weights() -> Weights | None:
    """The weights the user chose for this file (Data page's weight column or the Fieldwork page's raking), without
    the respondents every view holds back: their n and effective n count only respondents some view shows."""
    value: Weights | None = st.session_state.get(Keys.WEIGHTS)
    if value is None or not isinstance(ensure_data().source, Survey):
        return value
    return value.without(held_for(min_group_size()).rows)


def set_weights(value: Weights | None) -> None:
    """Use ``value`` on every page and in the report (None: unweighted)."""
    if value is None:
        st.session_state.pop(Keys.WEIGHTS, None)
    else:
        st.session_state[Keys.WEIGHTS] = value


def read_wave(data: bytes, name: str, *, with_setup: bool) -> Survey | Counts:
    """Another wave's file, read once per upload and session (with this file's setup when asked: the
    variable setup of one wave reused for the next in one step)."""
    loaded = ensure_data()
    cache: dict[tuple[str, bool], Survey | Counts | SurveyError] = st.session_state.setdefault(Keys.WAVES, {})
    key = (digest(data), with_setup)
    if key not in cache:
        try:
            cache[key] = read_file(data, name, codebook=loaded.codebook if with_setup else None)
        except SurveyError as err:
            cache[key] = err
    if isinstance(cache[key], SurveyError):
        raise cache[key]
    return cache[key]


def kinds_for(group: str | None, filters: dict[str, tuple[str, ...]], lang: str) -> list:
    """The single-choice, multiple-response and number questions for the view of ``group`` and ``filters``, with
    this session's protective settings (the analysis's ``kinds``), once per view and session."""
    loaded = ensure_data()
    source = loaded.source
    request = view_request(group=group, filters=filters)
    if loaded.database is not None:  # counted in the database with the scales, under the same rule
        counted = _database_counts(loaded, request)
        return list(analyse(source, Request(request, lang=lang), counted=counted).kinds)
    return _kinds(request, lang)


def _kinds(request: ViewRequest, lang: str) -> list:
    """Every other kind of a file's view, once per session for what they depend on: the group, filters, protection
    and confidence (not the scale questions picked, the invited numbers or the weights), so the report reuses the
    results page's (single-choice questions' tests by permutation take seconds on a large file)."""
    key = ("kinds", request.group, request.filters, request.groupings, request.min_group_size, request.confidence, lang)
    return _cached(key, lambda: list(analyse(ensure_data().source, Request(replace(request, items=None), lang=lang)).kinds))


def _comments(column: str, lang: str, groups: tuple[str, ...] | None = None, search: str = "") -> Analysis:
    """The analysis of the chosen group's view asking for the comments of ``column`` (and its quotes per code)."""
    request = view_request(group=st.session_state.get(Keys.GROUP))
    asked = Request(replace(request, items=()), kind_items=(), lang=lang, comments=(column,), comment_groups=groups,
                    comment_search=search)
    return analyse(ensure_data().source, asked, view=view_for(request, lang))


def comments_for(column: str, lang: str, *, groups: tuple[str, ...] | None = None, search: str = "") -> Comments:
    """The comments of ``column`` the view of the chosen group may show, with this session's protective settings
    (the analysis's ``comments``), once per choice and session."""
    request = view_request(group=st.session_state.get(Keys.GROUP))
    return _cached(("comments", column, request, groups, search, lang),
                   lambda: _comments(column, lang, groups, search).comments[0].shown)


def quotes_for(column: str, lang: str) -> tuple:
    """Per code of ``column``'s coding, the comments of the chosen group's view that got it, and the uncoded last
    (the analysis's ``comments``), once per coding and session (a new coding empties the cache)."""
    request = view_request(group=st.session_state.get(Keys.GROUP))
    return _cached(("quotes", column, request, lang), lambda: _comments(column, lang).comments[0].by_code)


def fieldwork_for(invited: pd.DataFrame, list_name: str, list_key: str, *, response_id: str | None,
                  invited_id: str | None, group: str | None, time: str | None) -> Fieldwork:
    """The responses matched to the invitation list (``list_key``: its content's digest), with this session's
    minimum (the analysis's ``fieldwork``), once per choice and session."""
    min_n = min_group_size()
    invitation = Invitation(invited, source=list_name, key=list_key, response_id=response_id, invited_id=invited_id,
                            group=group, time=time)
    asked = Request(ViewRequest(items=(), min_group_size=min_n), kind_items=(), invitation=invitation)
    return _cached(("fieldwork", invitation, min_n), lambda: analyse(ensure_data().source, asked).fieldwork)


def raked_for(invited: pd.DataFrame, list_name: str, list_key: str, by: tuple[str, ...], *,
              response_id: str | None, invited_id: str | None) -> Weights:
    """Weights that match the respondents to the invitation list on ``by`` (the analysis's ``raked``), once per
    choice and session."""
    min_n = min_group_size()
    invitation = Invitation(invited, source=list_name, key=list_key, response_id=response_id, invited_id=invited_id)
    asked = Request(ViewRequest(items=(), min_group_size=min_n), kind_items=(), invitation=invitation, rake_by=by)
    return _cached(("raked", invitation, by, min_n), lambda: analyse(ensure_data().source, asked).raked)


def trend_for(waves: list[tuple[str, Survey]], group: str | None, confirmed: set[str], lang: str) -> Trend:
    """The trend of the first wave's questions over ``waves`` for ``group``, with this session's protective
    settings (the analysis's ``trend``)."""
    request = ViewRequest(group=group, items=(), min_group_size=min_group_size(), groupings=groupings())
    asked = Request(request, kind_items=(), lang=lang, waves=tuple(waves), confirmed=tuple(sorted(confirmed)))
    trend = analyse(waves[0][1], asked).trend
    assert trend is not None  # the request has waves
    return trend


def set_coding(frame: CodingFrame) -> None:
    """Apply ``frame`` to its comment column (in place of its earlier frame) on every page, in the report and in
    the setup the Data page downloads: the coded comments become a multiple-response question of the loaded survey
    (:func:`lmp_core.counting.coding.coded_survey`); the counts made so far are forgotten."""
    loaded = ensure_data()
    if not isinstance(loaded.source, Survey):
        return
    frames = {f.column: f for f in loaded.source.coding}
    frames[frame.column] = frame
    loaded.source = coded_survey(loaded.source, list(frames.values()), lang=st.session_state.get(Keys.LANG, "nb"))
    st.session_state[Keys.CACHE] = {}


def set_coded_table(data: bytes, name: str, column: str) -> None:
    """Use the coding of ``column`` a table gives (respondent id and one 0/1 column per code: coding done elsewhere),
    in place of the column's frame (:func:`lmp_core.counting.coding.read_coded_table`)."""
    loaded = ensure_data()
    if isinstance(loaded.source, Survey):
        loaded.source = read_coded_table(data, name, loaded.source, column, lang=st.session_state.get(Keys.LANG, "nb"))
        st.session_state[Keys.CACHE] = {}


def coding_of(column: str) -> CodingFrame:
    """The coding frame of a comment column of the loaded survey (one without codes when none is set)."""
    source = ensure_data().source
    frames = {f.column: f for f in source.coding} if isinstance(source, Survey) else {}
    return frames.get(column) or CodingFrame(column, ())


def _cached(key: tuple, make: Callable[[], Any]) -> Any:
    """``make()`` once per key and session (cleared with a new file); a bad-input error is kept too."""
    cache: dict[Any, Any] = st.session_state.setdefault(Keys.CACHE, {})
    if key not in cache:
        try:
            cache[key] = make()
        except SurveyError as err:
            cache[key] = err
    if isinstance(cache[key], SurveyError):
        raise cache[key]
    return cache[key]


def persist(widget_key: str, store_key: str, default: Any = None) -> None:
    """Before rendering a widget: give it the stored value (widget state is lost between pages)."""
    if widget_key not in st.session_state:
        st.session_state[widget_key] = st.session_state.get(store_key, default)


def store(widget_key: str, store_key: str) -> None:
    """After rendering a widget: keep its value for other pages."""
    st.session_state[store_key] = st.session_state.get(widget_key)
