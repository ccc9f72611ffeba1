"""Rendering helpers shared by the pages: caveats, downloads, errors, the results selection."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from lmp_app.i18n import lang, t
from lmp_app.state import (
    Keys,
    Loaded,
    _cached,
    analysis_for,
    ensure_data,
    groupings,
    min_group_size,
    persist,
    populations,
    quality_notes,
    store,
    view_request,
)
from lmp_core.base.catalogue import text
from lmp_core.base.errors import SurveyError
from lmp_core.compute.stats import Summary, note_text
from lmp_core.compute.weights import Weights
from lmp_core.counting.counts import group_values, natural_key
from lmp_core.counting.disclosure import pooled
from lmp_core.setup.survey import Survey

if TYPE_CHECKING:
    from lmp_core.analysis.analyse import Analysis

# every ASCII punctuation character: CommonMark lets each be escaped with a backslash, and escaping all
# of them leaves no Markdown syntax (links, images, emphasis, HTML, colour directives, LaTeX) to start
_MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")
# what Streamlit's Markdown still turns into links or icons *after* escapes are resolved (it scans the
# text itself): "https://", "www." and "a@b.no" become links, ":material/home:" an icon. An invisible
# word joiner (U+2060) after such a colon (one before a letter or "/") or "@", and inside "www.", leaves
# the text as typed but unmatched; a colon before a space or digit ("Lest: a.csv", "12:00") is left be.
_AFTER_TEXT_SCAN = re.compile(r"(\\:(?=[A-Za-z]|\\/)|\\@)|(?i:(www)(?=\\\.))")
WORD_JOINER = "\u2060"


def md_escape(text: str) -> str:
    """Text from a user's file made inert for Streamlit's Markdown: it shows exactly as typed.

    >>> md_escape("[x](https://a) *y* :smile: www.b.no a@b.no").replace(WORD_JOINER, "~")
    '\\\\[x\\\\]\\\\(https\\\\:~\\\\/\\\\/a\\\\) \\\\*y\\\\* \\\\:~smile\\\\: www~\\\\.b\\\\.no a\\\\@~b\\\\.no'
    """
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))
    return _AFTER_TEXT_SCAN.sub(lambda m: (m.group(1) or m.group(2)) + WORD_JOINER, escaped)


def md_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A table whose text cells and headings are made inert for Markdown (``st.table`` renders Markdown)."""
    out = frame.map(lambda v: md_escape(v) if isinstance(v, str) else v)
    out.columns = [md_escape(c) if isinstance(c, str) else c for c in frame.columns]
    return out


def show_error(err: SurveyError, *, reading: bool = False) -> None:
    """A bad-input message in the user's language (never a traceback); ``reading``: a file was being read."""
    message = err.message(lang())
    st.error(md_escape(t("bad_file", message=message) if reading else message), icon=":material/error:")


#: caveats of one kind are shown one by one up to this many (a response rate per group), merged above it
MERGE_OVER = 3


def caveats(summary: Summary) -> None:
    """The caveats, in the main area above the results: response rates, small groups, held-back answers,
    "don't know", unequal n. More than :data:`MERGE_OVER` caveats of one kind are merged into one box that
    says how many there are (the rest behind "show all"); notes from reading the file go in a closed box
    of their own. Plain text.
    """
    groups = summary.caveat_groups(lang())
    reading = summary.reading_notes(lang())
    with st.container(border=True):
        st.subheader(t("caveats"))
        if not groups:
            st.caption(t("no_caveats"))
        for texts in groups:
            if len(texts) <= MERGE_OVER:
                for text in texts:
                    st.warning(md_escape(text), icon=":material/warning:")
                continue
            st.warning(md_escape(t("caveat_more", first=texts[0], more=len(texts) - 1)), icon=":material/warning:")
            with st.expander(t("caveat_all", count=len(texts))):
                for text in texts:
                    st.text(text)
    if reading:
        with st.expander(t("reading_notes", count=len(reading))):
            for text in reading:
                st.text(text)


def quality_caveat() -> None:
    """The caveat that flagged respondents are left out (Data page's data-quality choice), on a page that shows no
    summary's caveats (comments, fieldwork, waves)."""
    for key, params in quality_notes():
        st.info(md_escape(note_text(key, params, lang())), icon=":material/filter_alt:")


def caveat_lines(summary: Summary) -> list[str]:
    """The caveats as an exported chart carries them: each kind's sentences, more than :data:`MERGE_OVER` of a
    kind merged into the first with how many more there are (as :func:`caveats` shows them)."""
    return [line for texts in summary.caveat_groups(lang())
            for line in (texts if len(texts) <= MERGE_OVER else [t("caveat_more", first=texts[0], more=len(texts) - 1)])]


def download(label: str, make: Callable[[], bytes], file_name: str, mime: str, key: str) -> None:
    """A download button whose bytes are made only when clicked.

    Streamlit writes an exception raised while making the bytes to the server log, and a converter's
    message can quote the respondent's text it choked on; so only the exception's type reaches the log.
    Why it failed is kept for the page, in the user's language (a bad-input message as the core words it, else
    a general sentence), and shown above the button at once (the failure reruns the page, :func:`_rerun_page`)
    and on every run after, until the download works.
    """
    failures: dict[str, str] = st.session_state.setdefault(Keys.DOWNLOAD_ERRORS, {})
    code = lang()
    run = get_script_run_ctx()
    session_id = run.session_id if run is not None else None
    if key in failures:
        st.error(md_escape(failures[key]), icon=":material/error:")  # the file's name and columns are text

    def make_quietly() -> bytes:
        try:
            data = make()
        except Exception as err:  # noqa: BLE001 - any failure, told without the data that caused it
            # made outside the page's run (no session to read the language from): the language of the page
            why = err.message(code) if isinstance(err, SurveyError) else text("download_failed_unknown", code)
            failures[key] = text("download_failed", code, file=file_name, why=why)
            _rerun_page(session_id)
            raise RuntimeError(f"download {key!r} failed ({type(err).__name__})") from None
        failures.pop(key, None)
        return data

    st.download_button(label, data=make_quietly, file_name=file_name, mime=mime, key=key, on_click="ignore")


def _rerun_page(session_id: str | None) -> None:
    """Run the page of the session whose download failed again, as it stands, so that the reason kept for it is
    shown at once: the bytes are made on a server thread after the click, outside any run of the page, and the
    browser shows only Streamlit's own English "Failed to generate file". The rerun is the one Streamlit makes
    when a source file is saved (the session's last client state, on its event loop)."""
    from streamlit.runtime import Runtime

    session = Runtime.instance().get_app_session(session_id) if session_id and Runtime.exists() else None
    if session is not None:
        session._call_soon_on_event_loop(lambda: session.request_rerun(session._client_state))


def chart_downloads(chart: object, file_stem: str, key: str, caveats: Sequence[str] = ()) -> None:
    """PNG and SVG download buttons for a chart (made only when clicked), the caveats written into the image."""
    from lmp_core.present.charts import has_marks, to_png, to_svg, with_caveats

    if not has_marks(chart):  # every group hidden: an image of nothing could not be made
        st.caption(t("figure_none", min_n=st.session_state.get(Keys.MIN_N)))
        return
    chart = with_caveats(chart, caveats, lang())

    c1, c2, _ = st.columns([1, 1, 4])
    with c1:
        download(t("download_png"), lambda: to_png(chart), f"{file_stem}.png", "image/png", f"{key}_png")
    with c2:
        download(t("download_svg"), lambda: to_svg(chart), f"{file_stem}.svg", "image/svg+xml", f"{key}_svg")


#: A cell as the tables print numbers: "4,44", "22 597", "57,1 %", "−0,12", "færre enn 5" is text; "–" missing.
_NUMBER = re.compile(r"^[−-]?[\d\u00a0\u202f ,.]*\d(\u00a0?%)?$|^–?$")


def _numeric_column(values: pd.Series) -> bool:
    """Whether every cell of a column is a number or a printed number (blank and "–" allowed)."""
    cells = [v for v in values if not (v is None or (isinstance(v, float) and pd.isna(v)))]
    return bool(cells) and all(isinstance(v, (int, float)) or bool(_NUMBER.match(str(v))) for v in cells) \
        and any(isinstance(v, (int, float)) or str(v) not in ("", "–") for v in cells)


def plain_table(frame: pd.DataFrame, *, static: bool = False) -> None:
    """A table of text from a user's file, shown as plain text, never HTML.

    ``static`` draws a fixed table (large, readable on a projector, its text in the page) instead
    of the scrollable grid.
    """
    if frame.shape[1] == 0:
        return  # nothing to show (e.g. no pair of groups large enough to compare)
    if static:  # st.table renders Markdown in cells and headings: escape every character that could start it
        safe = md_frame(frame)
        # the first column labels the rows; a long table repeats its labels, so it keeps a hidden row number
        keyed = safe.iloc[:, 0].is_unique
        first = 1 if keyed else 0
        safe = safe.set_index(safe.columns[0]) if keyed else safe
        # numbers right-aligned (cells and their headings), so that digits line up down a column
        numeric = [i for i in range(len(safe.columns)) if _numeric_column(frame.iloc[:, i + first])]
        styler = safe.style.set_properties(subset=safe.columns[numeric].tolist(), **{"text-align": "right !important"})
        styler = styler.set_table_styles([{"selector": f"th.col{i}", "props": "text-align: right !important"} for i in numeric])
        st.table(styler, hide_index=not keyed)
    else:
        st.dataframe(frame, hide_index=True, width="stretch")



#: a static table of more cells waits for the reader's switch: the browser draws each cell of ``st.table`` as
#: Markdown, about 1 ms of its processor a cell (docs/utvikler/ytelse.md)
CELLS_AT_ONCE = 300


def table_on_demand(frame: pd.DataFrame, key: str, label: str, *, at_once: int = CELLS_AT_ONCE) -> None:
    """A static table (:func:`plain_table`) drawn at once when it has at most ``at_once`` cells, a larger one when
    the reader turns its switch on (``label``, e.g. "Vis tabellen (60 rader)"); its downloads stay beside it."""
    if frame.size <= at_once or st.toggle(label, key=key):
        plain_table(frame, static=True)

@dataclass(frozen=True)
class Selection:
    """What the user chose to look at."""

    columns: tuple[str, ...]
    group: str | None
    filters: dict[str, tuple[str, ...]]


def group_and_filter(loaded: Loaded, prefix: str) -> tuple[str | None, dict[str, tuple[str, ...]]]:
    """Widgets for the group variable and an optional filter (stored for other pages)."""
    source = loaded.source
    if not isinstance(source, Survey):
        st.caption(t("freq_no_group"))
        return None, {}
    offered = groupings()  # only the columns protected together can group or filter
    options: list[str | None] = [None, *offered]
    persist(f"{prefix}_group", Keys.GROUP)
    if st.session_state.get(f"{prefix}_group") not in options:
        st.session_state[f"{prefix}_group"] = None
    group = st.selectbox(t("group_column"), options, key=f"{prefix}_group",
                         format_func=lambda v: t("no_group") if v is None else v, placeholder=t("choose_one"))
    store(f"{prefix}_group", Keys.GROUP)
    stored = st.session_state.get(Keys.FILTER) or (None, ())
    filter_options: list[str | None] = [None, *[c for c in offered if c != group]]
    column = st.selectbox(t("filter_column"), filter_options, key=f"{prefix}_filter_col",
                          index=filter_options.index(stored[0]) if stored[0] in filter_options else 0,
                          format_func=lambda v: t("no_filter") if v is None else v, placeholder=t("choose_one"))
    filters: dict[str, tuple[str, ...]] = {}
    if column is not None:
        # the values the views show: a protected column's small values pooled into "Øvrige"
        shown = pooled(source, offered, min_group_size(), lang())
        values = sorted(group_values(shown.values_of(column)).dropna().unique().tolist(), key=natural_key)
        default = [v for v in stored[1] if v in values] if stored[0] == column else values
        chosen = st.multiselect(t("filter_values"), values, default=default, key=f"{prefix}_filter_values", placeholder=t("choose_placeholder"), select_all=False)
        if chosen and len(chosen) < len(values):
            filters = {column: tuple(chosen)}
        st.session_state[Keys.FILTER] = (column, tuple(chosen))
    else:
        st.session_state[Keys.FILTER] = (None, ())
    return group, filters


def summary_for(columns: tuple[str, ...], group: str | None, filters: dict[str, tuple[str, ...]]) -> Summary:
    """The statistics of the chosen questions: the summary of their analysis (:func:`page_analysis`; the view is
    counted once per session, :func:`lmp_app.state.view_for`)."""
    return page_analysis(columns, group, filters).summary


def page_analysis(columns: tuple[str, ...], group: str | None, filters: dict[str, tuple[str, ...]], *,
                  omnibus: str = "kruskal", weights: Weights | None = None) -> Analysis:
    """The analysis of the chosen questions for the view :func:`summary_for` shows
    (:func:`lmp_app.state.analysis_for`): its tests with ``omnibus``, its weighted figures with ``weights``."""
    request = view_request(group=group, filters=filters, items=columns, populations=populations(group))
    return analysis_for(request, lang(), omnibus=omnibus, weights=weights)


def banner_for(columns: tuple[str, ...], group: str | None, filters: dict[str, tuple[str, ...]],
               by: str) -> list:
    """The view crossed with ``by`` (the analysis's ``banner``), with this session's protective settings, once per
    view and session."""
    from lmp_core.analysis.analyse import Request, analyse

    request = view_request(group=group, filters=filters, items=columns)
    code = lang()
    asked = Request(request, kind_items=(), lang=code, banner=by)
    return _cached(("banner", request, by, code), lambda: list(analyse(ensure_data().source, asked).banner or ()))
