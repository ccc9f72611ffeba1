"""Results page: the report's top-2 figure, answer distributions and Tabell 2.1 for chosen questions."""

from dataclasses import dataclass

import streamlit as st

from lmp_app.access import page_guard
from lmp_app.figures import show_chart
from lmp_app.i18n import lang, t
from lmp_app.reference import reference_for
from lmp_app.render import (
    banner_for,
    caveat_lines,
    caveats,
    chart_downloads,
    download,
    group_and_filter,
    md_escape,
    page_analysis,
    plain_table,
    show_error,
    summary_for,
    table_on_demand,
)
from lmp_app.state import (
    Keys,
    Loaded,
    ensure_data,
    groupings,
    indices_for,
    kinds_for,
    min_group_size,
    view_request,
    weights,
)
from lmp_core.analysis.analyse import long_tables, themes_with_index
from lmp_core.base.catalogue import words
from lmp_core.base.errors import SurveyError
from lmp_core.compute.indices import MAX_INDEX_ITEMS
from lmp_core.compute.reference import ReferenceResult
from lmp_core.compute.stats import Summary
from lmp_core.present.charts import (
    distribution_chart,
    group_caption,
    has_marks,
    index_chart,
    kind_chart,
    top2_chart,
    yes_share_chart,
)
from lmp_core.present.reference import reference_chart, reference_table
from lmp_core.present.report.sentences import (
    asked_sentence,
    index_sentence,
    kind_sentences,
    unshown_scale_sentences,
    weighting_sentences,
)
from lmp_core.present.tables import (
    banner_table,
    comparisons_table,
    frequency_table,
    group_stats_table,
    has_suppressed,
    index_items_table,
    index_table,
    kind_table,
    stats_table,
    suppressed_legend,
    to_csv_bytes,
    to_excel_bytes,
    weighted_comparisons_table,
    weighted_table,
)
from lmp_core.setup.survey import Item, Survey

page_guard()  # the access gate, also for a run that did not pass through streamlit_app.py

#: questions of other kinds drawn when the page opens (in the file's order); the rest are picked in the list. A
#: large export has scores of them, each a chart, a table and downloads
KINDS_SHOWN = 10


@dataclass(frozen=True)
class Settings:
    """The sidebar's choices: the group and filters, the effect size, the order and the chart options."""

    group: str | None
    filters: dict[str, tuple[str, ...]]
    effect: str
    sort: str
    show_ci: bool
    diverging: bool


def main() -> None:
    st.title(t("results_title"))
    loaded = ensure_data()
    items = loaded.source.items
    settings = sidebar(loaded)
    explain_no_group(loaded, settings.group)
    if not items:  # a file of single-choice, yes/no, multiple-response and number questions only
        only = summary_for((), settings.group, settings.filters)
        caveats(only)
        kinds_section(loaded, settings.group, settings.filters, caveat_lines(only))
        st.stop()
    chosen_themes, columns, labels = question_choice(items)
    try:
        summary = summary_for(columns, settings.group, settings.filters).sorted(settings.sort)
    except SurveyError as err:
        show_error(err)
        st.stop()
    caveats(summary)
    stem = loaded.name.rsplit(".", 1)[0]
    # each shown group beside the reference figures of the Data page (lmp_core.compute.reference)
    try:
        reference = reference_for(summary, settings.group, settings.filters, lang())
    except SurveyError as err:
        show_error(err)
        reference = None
    footnote = top2_section(summary, settings, reference, stem)
    table_section(summary, columns, settings, stem)
    if reference is not None:
        reference_section(reference, stem)
    banner_section(loaded, columns, settings, stem)
    weighted_section(loaded, summary, columns, settings, stem)
    index_section(loaded, chosen_themes, columns, labels, settings.group, bool(settings.filters))
    distribution_section(summary, settings, stem, footnote)
    kinds_section(loaded, settings.group, settings.filters, footnote)


def sidebar(loaded: Loaded) -> Settings:
    with st.sidebar:
        group, filters = group_and_filter(loaded, "results")
        effect = st.radio(t("effect_size"), ["d", "d_pooled", "hedges_g"], key="effect",
                          format_func=lambda v: t(f"effect_{v}"))
        sort = st.radio(t("sort_by"), ["file", "top2", "mean"], key="sort", format_func=lambda v: t(f"sort_{v}"))
        show_ci = st.checkbox(t("show_ci"), key="show_ci")
        diverging = st.checkbox(t("diverging"), key="diverging")
    return Settings(group, filters, effect, sort, show_ci, diverging)


def explain_no_group(loaded: Loaded, group: str | None) -> None:
    """Without a group: why none was chosen, and where the choice is (the sidebar, or the Data page when no
    column is offered yet)."""
    if group is not None or not isinstance(loaded.source, Survey) or st.session_state.get(Keys.FIRST_GROUP):
        return  # grouped, or the user chose none where a grouping was plain
    st.info(t("no_group_first", min_n=min_group_size()), icon=":material/group:")
    if not groupings():
        st.caption(t("no_group_none_offered"))
        st.page_link("pages/data.py", label=t("go_to_data"), icon=":material/table:")


def _themes_changed(items: tuple[Item, ...]) -> None:
    # a new theme choice shows all of its questions
    chosen = st.session_state["themes_widget"]
    st.session_state["questions_widget"] = [it.column for it in items if it.theme in chosen]
    st.session_state[Keys.SELECTED] = st.session_state["questions_widget"]


def question_choice(items: tuple[Item, ...]) -> tuple[list[str], tuple[str, ...], dict[str, str]]:
    """The themes and the questions the user picks (the page stops when none is picked), with each question's
    label as the lists show it."""
    themes = list(dict.fromkeys(it.theme for it in items))
    chosen_themes = st.multiselect(t("themes"), themes, default=st.session_state.get(Keys.THEMES) or themes[:1],
                                   key="themes_widget", on_change=_themes_changed, args=(tuple(items),),
                                   placeholder=t("choose_placeholder"), select_all=False)
    st.session_state[Keys.THEMES] = chosen_themes
    in_themes = [it.column for it in items if it.theme in chosen_themes]
    labels = {it.column: it.label if it.label == it.column else f"{it.label} ({it.column})" for it in items}
    kept = [c for c in (st.session_state.get(Keys.SELECTED) or []) if c in in_themes]
    if "questions_widget" not in st.session_state:
        st.session_state["questions_widget"] = kept or in_themes
    columns = st.multiselect(t("questions"), in_themes, key="questions_widget", format_func=labels.get,
                             placeholder=t("choose_placeholder"), select_all=False)
    st.session_state[Keys.SELECTED] = columns
    if not columns:
        st.info(t("select_something"))
        st.stop()
    return chosen_themes, tuple(columns), labels


def top2_section(summary: Summary, settings: Settings, reference: ReferenceResult | None, stem: str) -> list[str]:
    """The top-2 figure with the questions it cannot draw said, and its downloads; the caveats that travel with
    an exported chart (the first of each kind, with how many more there are)."""
    st.subheader(t("top2_heading"))
    top2 = top2_chart(summary, lang=lang(), show_ci=settings.show_ci, reference=reference)
    for sentence in unshown_scale_sentences(summary, lang()):  # a question without a figure says how many answered
        st.info(md_escape(sentence))  # the question's text comes from the file
    if has_marks(top2):
        show_chart(top2)
    st.caption(md_escape(group_caption(summary, lang())))
    footnote = caveat_lines(summary)
    chart_downloads(top2, f"{stem}_topp2", "top2", footnote)
    return footnote


def table_section(summary: Summary, columns: tuple[str, ...], settings: Settings, stem: str) -> None:
    """Tabell 2.1: wide for one or two groups; for more, the group figures and the comparisons in long form (the
    wide form would grow four columns per group and three per pair) with an omnibus test per question, every pair
    Holm-corrected, as letters (lmp_core.compute.groups); with its downloads."""
    st.subheader(t("table_heading"))
    code, effect = lang(), settings.effect
    if long_tables(summary):
        omnibus = st.radio(t("omnibus"), ["kruskal", "chi2"], key="omnibus", horizontal=True,
                           format_func=lambda v: t(f"omnibus_{v}"))
        tests = page_analysis(columns, settings.group, settings.filters, omnibus=omnibus).tests
        shown = group_stats_table(summary, lang=code, tests=tests)
        table_on_demand(shown, "show_table", t("table_show", count=len(shown)))
        pairs = comparisons_table(summary, lang=code, effect=effect, tests=tests)
        if not pairs.empty:
            st.caption(t("comparisons_heading"))
            # on demand: a table of every pair was half of the browser's drawing of the page (docs/utvikler/ytelse.md)
            table_on_demand(pairs, "show_pairs", t("comparisons_show", count=len(pairs)), at_once=0)
        st.caption(t("letters_footnote" if omnibus == "kruskal" else "letters_footnote_chi2"))
    else:
        shown = stats_table(summary, lang=code, effect=effect)
        table_on_demand(shown, "show_table", t("table_show", count=len(shown)))
    if has_suppressed(shown):
        st.caption(suppressed_legend(code, min_group_size()))
    st.caption(t(f"formula_{effect}"))
    c1, c2, _ = st.columns([1, 1, 4])
    with c1:
        download(t("download_csv"), lambda: to_csv_bytes(stats_table(summary, lang=code, effect=effect, formatted=False)),
                 f"{stem}_tabell.csv", "text/csv", "table_csv")
    with c2:
        download(t("download_xlsx"), lambda: to_excel_bytes({
            t("table_heading"): stats_table(summary, lang=code, effect=effect, formatted=False),
            t("dist_heading"): frequency_table(summary, lang=code, formatted=False)}),
            f"{stem}_tabell.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "table_xlsx")


def reference_section(reference: ReferenceResult, stem: str) -> None:
    """Each shown group beside the reference figures: the charts, the table, the sentences and the notes."""
    code = lang()
    st.subheader(t("ref_results_heading"))
    for statistic in ("mean", "top2"):
        reference_figure = reference_chart(reference, statistic, lang=code)
        if reference_figure is not None:
            show_chart(reference_figure)
    plain_table(reference_table(reference, lang=code), static=True)
    for comparison in reference.comparisons:
        st.text(comparison.sentence(code))
    for note in reference.note_texts(code):
        st.caption(md_escape(note))
    download(t("download_csv"), lambda: to_csv_bytes(reference_table(reference, lang=code, formatted=False)),
             f"{stem}_referanse.csv", "text/csv", "reference_csv")


def banner_section(loaded: Loaded, columns: tuple[str, ...], settings: Settings, stem: str) -> None:
    """Two grouping columns crossed, each cell its own protected view (lmp_core.compute.view.banner)."""
    group, filters, code = settings.group, settings.filters, lang()
    crossing = [c for c in groupings() if c != group and c not in filters]
    if not (group and crossing and isinstance(loaded.source, Survey)):
        return
    banner_by = st.selectbox(t("banner_by"), [None, *crossing], key="banner_by",
                             format_func=lambda v: t("banner_none") if v is None else v, placeholder=t("choose_one"))
    if banner_by is None:
        return
    st.subheader(md_escape(t("banner_heading", group=group, by=banner_by)))  # column names from the file
    try:
        parts = banner_for(columns, group, filters, banner_by)
    except SurveyError as err:
        show_error(err)
        return
    plain_table(banner_table(parts, lang=code), static=True)
    st.caption(md_escape(t("banner_caption", by=banner_by, min_n=min_group_size())))
    download(t("download_csv"), lambda: to_csv_bytes(banner_table(parts, lang=code, formatted=False)),
             f"{stem}_krysstabell.csv", "text/csv", "banner_csv")


def weighted_section(loaded: Loaded, summary: Summary, columns: tuple[str, ...], settings: Settings,
                     stem: str) -> None:
    """Weighted beside unweighted, for the same view's cells (lmp_core.compute.weights)."""
    chosen_weights = weights()
    if chosen_weights is None or not isinstance(loaded.source, Survey):
        return
    code = lang()
    st.subheader(t("weighted_heading"))
    for sentence in weighting_sentences(chosen_weights, code):
        st.text(sentence)
    try:
        weighed = page_analysis(columns, settings.group, settings.filters, weights=chosen_weights)
        cells = dict(weighed.weighted or {})
    except SurveyError as err:
        show_error(err)
        return
    plain_table(weighted_table(summary, cells, chosen_weights, lang=code), static=True)
    pairs = weighted_comparisons_table(summary, weighed.weighted_pairs or {}, lang=code)
    if not pairs.empty:
        plain_table(pairs, static=True)
    download(t("download_csv"), lambda: to_csv_bytes(weighted_table(summary, cells, chosen_weights, lang=code,
                                                                     formatted=False)),
             f"{stem}_vektet.csv", "text/csv", "weighted_csv")


def index_section(loaded: Loaded, chosen_themes: list[str], columns: tuple[str, ...], labels: dict[str, str],
                  group: str | None, filtered: bool) -> None:
    """The chosen themes as indices, with their reliability (lmp_core.compute.indices), for the same group and
    minimum, and an index of questions the user picks (a database sums them where the data lives; a frequency
    table has no respondents to make them from)."""
    makes_indices = isinstance(loaded.source, Survey) or loaded.database is not None
    if not makes_indices or len(columns) < 2:
        return
    code = lang()
    index_themes = themes_with_index(loaded.source.items, chosen_themes, MAX_INDEX_ITEMS)
    st.subheader(t("index_heading"))
    st.caption(t("index_intro"))
    own = tuple(st.multiselect(t("index_own"), columns, key="index_own", format_func=labels.get,
                               max_selections=MAX_INDEX_ITEMS, help=t("index_own_help"),
                               placeholder=t("choose_placeholder"), select_all=False))
    if filtered:
        st.info(t("index_no_filter"))
        return
    try:
        for index in indices_for(view_request(group=group), index_themes, code,
                                 custom=(t("index_own_name"), own) if len(own) >= 2 else None):
            st.text(index_sentence(index, code))
            plain_table(index_table(index, lang=code), static=True)
            plain_table(index_items_table(index, lang=code), static=True)
            if any(s.distribution for s in index.stats):
                show_chart(index_chart(index, lang=code))
    except SurveyError as err:
        show_error(err)


def distribution_section(summary: Summary, settings: Settings, stem: str, footnote: list[str]) -> None:
    """The answer distributions of every shown group, with their downloads."""
    st.subheader(t("dist_heading"))
    dist = distribution_chart(summary, lang=lang(), diverging=settings.diverging)
    if has_marks(dist):
        show_chart(dist)
    st.caption(md_escape(group_caption(summary, lang())))
    chart_downloads(dist, f"{stem}_svarfordeling", "dist", footnote)


def kinds_section(loaded: Loaded, group: str | None, filters: dict[str, tuple[str, ...]], footnote: list[str]
                ) -> None:
    """The questions of other kinds (single choice, yes/no, multiple response, numbers:
    :mod:`lmp_core.compute.kind_stats`), for the same group, filters and protective settings as the scales."""
    code = lang()
    stem = loaded.name.rsplit(".", 1)[0]
    try:
        kinds = kinds_for(group, filters, code)
    except SurveyError as err:
        show_error(err)
        kinds = []
    if kinds:
        kw = words("kinds", code)
        st.header(kw["heading"])
        names = {r.column: f"{r.question} ({kw['yes_no'] if r.yes_no else kw[r.kind]})" for r in kinds}
        # a large export has scores of them: the first few are drawn, the rest on demand (all are in the report)
        picked = st.multiselect(kw["choose"], list(names), default=list(names)[:KINDS_SHOWN], key="kinds_widget",
                                format_func=names.get, placeholder=t("choose_placeholder"), select_all=False)
        if len(picked) < len(names):
            st.caption(kw["shown_of"].format(shown=len(picked), total=len(names)))
        chosen_kinds = [r for r in kinds if r.column in picked]
        yes_no = [r for r in chosen_kinds if r.yes_no and any(g.base for g in r.shown())]
        if len(yes_no) > 1:  # a block of yes/no questions reads like the top-2 figure
            yes_chart = yes_share_chart(yes_no, lang=code)
            show_chart(yes_chart)
            chart_downloads(yes_chart, f"{stem}_ja", "kinds_yes", footnote)
        for i, r in enumerate(chosen_kinds):
            st.subheader(md_escape(names[r.column]))  # the question's text comes from the file
            if not r.has_figures():  # answered by none or too few, or every group hidden: say how many
                st.info(asked_sentence(r, min_group_size(), code))
                continue
            chart = kind_chart(r, lang=code)
            show_chart(chart)
            for sentence in kind_sentences(r, code):
                st.text(sentence)
            table = kind_table(r, lang=code)
            plain_table(table, static=True)
            if has_suppressed(table):
                st.caption(suppressed_legend(code, min_group_size()))
            if r.kind == "multi":
                st.caption(kw["multi_note"])
            download(t("download_csv"), lambda r=r: to_csv_bytes(kind_table(r, lang=code, formatted=False)),
                     f"{stem}_{i + 1}.csv", "text/csv", f"kind_csv_{i}")
            chart_downloads(chart, f"{stem}_{i + 1}", f"kind_{i}", footnote)


main()
