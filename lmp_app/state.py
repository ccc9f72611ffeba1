"""Per-session state: the keys, the loaded data and the counts made from it.

Everything lives in ``st.session_state`` (one user's data never reaches another session), and
nothing is written to disk. A file is read once per upload; counts are made once per group and
filter and kept, so changing the question selection neither re-reads nor recounts.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable
from typing import Any

import streamlit as st

from lmp_app import memory
from lmp_core.counts import Counts, count
from lmp_core.disclosure import check_total, filter_hidden
from lmp_core.errors import SurveyError
from lmp_core.read import read_codebook, read_file
from lmp_core.read.codebook import CodebookEntry
from lmp_core.survey import Note, Survey

DEMO_DIR = Path(__file__).resolve().parent / "demo"
DEMO_FILE = DEMO_DIR / "lmp_ch2_3.csv"
DEMO_CODEBOOK = DEMO_DIR / "lmp_ch2_3_codebook.csv"
#: Report section 1.1: 63 schools and 24 municipalities were invited.
DEMO_POPULATIONS = {"Skoleleder": 63, "Skoleeier": 24}
DEMO_GROUP = "rolle"


class Keys:
    """Session-state keys (widgets that must survive a page change copy into these)."""

    LANG = "lang"
    DATA = "lmp_data"
    GROUP = "lmp_group"
    POPULATIONS = "lmp_populations"
    MIN_N = "lmp_min_group_size"
    COUNTS = "lmp_counts_cache"
    SELECTED = "lmp_selected_items"
    THEMES = "lmp_selected_themes"
    FILTER = "lmp_filter"
    EFFECT = "lmp_effect"
    SORT = "lmp_sort"
    COMMENTS = "lmp_report_comments"
    FIELDWORK_NOTES = "lmp_fieldwork_caveats"


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


def _release_later(_: object) -> None:
    # the session's state is kept this long for a reconnect; its memory can go back after that
    memory.release_after(float(st.get_option("server.disconnectedSessionTTL")) + 5)


@st.cache_resource(scope="session", on_release=_release_later, show_spinner=False)
def watch_session() -> bool:
    """Call once per run: when this session disconnects, its memory is given back later.

    A session-scoped resource is released when its session disconnects; the release hook is
    Streamlit's public way to learn that a tab has closed.
    """
    memory.configure_allocators()
    return True


def digest(data: bytes) -> str:
    """A fingerprint of uploaded bytes (to notice a new upload)."""
    return hashlib.sha256(data).hexdigest()


def load(data: bytes, name: str, *, codebook: dict[str, CodebookEntry] | None = None, codebook_name: str = "",
         sheet: str | None = None, dont_know: frozenset[str] = frozenset(), exclude: frozenset[str] = frozenset(),
         is_demo: bool = False) -> Loaded:
    """Read a file and make it this session's data; clears the counts of the previous file.

    Raises :class:`lmp_core.errors.SurveyError` for bad input (the page shows its message).
    """
    source = read_file(data, name, codebook=codebook, sheet=sheet, dont_know=dont_know, exclude=exclude)
    loaded = Loaded(name, digest(data), source, data, codebook, codebook_name, sheet, dont_know, exclude, is_demo)
    st.session_state[Keys.DATA] = loaded
    st.session_state[Keys.COUNTS] = {}
    for key in (Keys.SELECTED, Keys.THEMES, Keys.FILTER, Keys.FIELDWORK_NOTES):
        st.session_state.pop(key, None)
    if isinstance(source, Survey):
        group = DEMO_GROUP if DEMO_GROUP in source.group_candidates else None
        st.session_state[Keys.GROUP] = group
    else:
        st.session_state[Keys.GROUP] = None
    st.session_state[Keys.POPULATIONS] = dict(DEMO_POPULATIONS) if is_demo else {}
    return loaded


def load_demo() -> Loaded:
    """Load the built-in example survey (report chapters 2–3) with its codebook and populations."""
    codebook = read_codebook(DEMO_CODEBOOK.read_bytes(), DEMO_CODEBOOK.name)
    return load(DEMO_FILE.read_bytes(), DEMO_FILE.name, codebook=codebook, codebook_name=DEMO_CODEBOOK.name,
                is_demo=True)


def ensure_data() -> Loaded:
    """This session's data, loading the demo on first use."""
    if Keys.DATA not in st.session_state:
        load_demo()
    st.session_state.setdefault(Keys.MIN_N, 5)
    return st.session_state[Keys.DATA]


def counts_for(group: str | None, filters: dict[str, tuple[str, ...]] | None, lang: str) -> Counts:
    """Counts of the loaded survey by group and filter, made once and kept for the session."""
    loaded = ensure_data()
    if isinstance(loaded.source, Counts):
        return loaded.source
    return _cached((group, tuple(sorted((filters or {}).items())), lang),
                   lambda: count(loaded.source, group=group, filters=filters, lang=lang))


def _cached(key: tuple, make: Callable[[], Any]) -> Any:
    """``make()`` once per key and session (cleared with a new file); a bad-input error is kept too."""
    cache: dict[Any, Any] = st.session_state.setdefault(Keys.COUNTS, {})
    if key not in cache:
        try:
            cache[key] = make()
        except SurveyError as err:
            cache[key] = err
    if isinstance(cache[key], SurveyError):
        raise cache[key]
    return cache[key]


def hidden_for(group: str | None, filters: dict[str, tuple[str, ...]] | None, min_n: int, lang: str) -> dict[str, Note]:
    """Secondary suppression for this view (:mod:`lmp_core.disclosure`), worked out once per session.

    Raises ``SurveyError("total_hidden")`` for a total that would expose a hidden group; returns the
    groups a filter hides. A frequency table has no filters and no other groupings: nothing to hide.
    """
    loaded = ensure_data()
    if not isinstance(loaded.source, Survey):
        return {}
    source = loaded.source

    def work_out() -> dict[str, Note]:
        if group is None:
            check_total(source, filters, min_n)
        return filter_hidden(source, group, filters, min_n, lang)

    return _cached(("hidden", group, tuple(sorted((filters or {}).items())), min_n, lang), work_out)


def persist(widget_key: str, store_key: str, default: Any = None) -> None:
    """Before rendering a widget: give it the stored value (widget state is lost between pages)."""
    if widget_key not in st.session_state:
        st.session_state[widget_key] = st.session_state.get(store_key, default)


def store(widget_key: str, store_key: str) -> None:
    """After rendering a widget: keep its value for other pages."""
    st.session_state[store_key] = st.session_state.get(widget_key)
