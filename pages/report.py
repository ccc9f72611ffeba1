"""Report page: pick chapters and comments, preview the text and figures, download each format."""

from dataclasses import dataclass

import streamlit as st

from lmp_app.access import page_guard
from lmp_app.i18n import lang, t
from lmp_app.reference import includes_group, references
from lmp_app.render import download, md_escape, plain_table, show_error
from lmp_app.state import (
    Keys,
    Loaded,
    comments_for,
    ensure_data,
    populations,
    quality_notes,
    report_analysis_for,
    setup_notes,
    view_request,
)
from lmp_core.base.catalogue import words
from lmp_core.base.errors import SurveyError
from lmp_core.counting.counts import Counts
from lmp_core.present.report import Figure, Paragraph, Quote, Report, Table, build_report, render
from lmp_core.setup.survey import Survey

page_guard()  # the access gate, also for a run that did not pass through streamlit_app.py

MIME = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".html": "text/html",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}


@dataclass(frozen=True)
class Options:
    """What the user sets for the report: the title page, the chapters and the figures' leading zero."""

    title: str
    subtitle: str
    author: str
    date: str
    chapters: tuple[str, ...]
    leading_zero: bool


def main() -> None:
    st.title(t("report_title"))
    st.caption(t("report_intro"))
    loaded = ensure_data()
    options = report_options(loaded)
    quotes = quote_choices(loaded.source)
    try:
        report = make_report(options, quotes)
    except SurveyError as err:
        show_error(err)
        st.stop()
    stem = loaded.name.rsplit(".", 1)[0] + ("_rapport" if lang() == "nb" else "_report")
    columns = st.columns(4)
    for column, fmt in zip(columns, (".docx", ".html", ".xlsx", ".pptx")):
        with column:
            # render() picks the format from the whole file name's suffix (".docx" alone has none)
            download(t("report_download", fmt=fmt.lstrip(".").upper()), lambda name=stem + fmt: render(report, name),
                     stem + fmt, MIME[fmt], f"report_{fmt.lstrip('.')}")
    preview(report)


def report_options(loaded: Loaded) -> Options:
    """The title page and the documents' properties (without them Word names "python-docx" as the author), the
    chapters and the leading zero."""
    themes = list(dict.fromkeys(it.theme for it in loaded.source.items))
    c1, c2 = st.columns(2)
    title = c1.text_input(t("report_field_title"), value=words("report", lang())["title"], key="report_title_text")
    subtitle = c2.text_input(t("report_field_subtitle"), value=loaded.name, key="report_subtitle")
    c3, c4 = st.columns(2)
    author = c3.text_input(t("report_field_author"), key="report_author")
    dated = c4.date_input(t("report_field_date"), value="today", format="DD.MM.YYYY", key="report_date")
    chosen = st.multiselect(t("report_themes"), themes, default=themes, key="report_themes",
                            placeholder=t("choose_placeholder"), select_all=False)
    leading_zero = st.checkbox(t("report_leading_zero"), value=True, key="report_leading_zero")
    return Options(title.strip(), subtitle.strip(), author.strip(), dated.isoformat() if dated else "",
                   tuple(chosen), leading_zero)


def quote_choices(source: Survey | Counts) -> dict[str, list[str]] | None:
    """Per comment column, the comments the user keeps ticked for the report (None: the file has none)."""
    if not isinstance(source, Survey) or not source.text_columns:
        return None
    quotes: dict[str, list[str]] = {}
    with st.expander(t("report_quotes")):
        for column in source.text_columns:
            rows = comments_for(column, lang()).rows
            st.text(f"{t('comment_column')}: {column}")
            table = rows.rename(columns={"group": t("col_group"), "comment": t("col_comment")})
            table.insert(0, "✓", True)
            # a grid shows the respondents' text as plain text; only the tick column can be edited
            edited = st.data_editor(table, key=f"quotes_{column}", hide_index=True, width="stretch",
                                    disabled=[t("col_group"), t("col_comment")])
            quotes[column] = edited.loc[edited["✓"], t("col_comment")].tolist()
    return quotes


def make_report(options: Options, quotes: dict[str, list[str]] | None) -> Report:
    """The report of the results page's view (its group, the Data page's invited numbers and minimum) laid out
    from the session's analysis, with a progress bar while it is made."""
    group = st.session_state.get(Keys.GROUP)
    request = view_request(group=group, populations=populations(group))
    progress = st.progress(0.0, text=t("report_making"))
    analysis = report_analysis_for(request, options.chapters, lang(), references=references(),
                                   includes_group=includes_group())
    notes = (*(st.session_state.get(Keys.FIELDWORK_NOTES) or ()), *setup_notes(), *quality_notes())
    report = build_report(analysis, themes=list(options.chapters), quotes=quotes, title=options.title or None,
                          subtitle=options.subtitle, author=options.author, date=options.date,
                          leading_zero=options.leading_zero, notes=notes, trend=st.session_state.get(Keys.TREND),
                          progress=lambda f, what: progress.progress(min(1.0, f), text=t("report_making")))
    progress.empty()
    return report


def preview(report: Report) -> None:
    """The report as the page shows it: headings, text, figures, tables and quotes, all file text as plain text."""
    st.subheader(t("report_preview"))
    st.header(md_escape(report.title), anchor=False)
    for line in (report.subtitle, report.byline):
        if line:
            st.text(line)
    for section in report.sections:
        st.header(md_escape(f"{section.number}. {section.title}" if section.number else section.title), divider="gray")
        for block in section.blocks:
            if isinstance(block, Paragraph):
                st.text(block.text)
            elif isinstance(block, Figure):
                st.caption(md_escape(block.caption))
                st.altair_chart(block.chart, width="stretch")
            elif isinstance(block, Table):
                st.caption(md_escape(block.caption))
                plain_table(block.frame, static=True)
            elif isinstance(block, Quote):
                st.text(f"«{block.text}» ({block.group})")


main()
