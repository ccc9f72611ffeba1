"""Fieldwork page: progress against the invitation list, who to remind, representativeness."""

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from lmp_app.access import page_guard
from lmp_app.i18n import lang, t
from lmp_app.render import download, md_escape, plain_table, quality_caveat, show_error
from lmp_app.state import (
    EXAMPLE_INVITATIONS,
    Keys,
    analysis_for,
    digest,
    ensure_data,
    fieldwork_for,
    min_group_size,
    populations,
    raked_for,
    set_populations,
    set_weights,
    view_request,
    weights,
)
from lmp_core.base.errors import SurveyError
from lmp_core.base.fmt import Pct, number, percent
from lmp_core.compute.fieldwork import Fieldwork, detect_id_column, detect_time_column, display_table, parse_times
from lmp_core.compute.stats import note_text
from lmp_core.present.charts import progress_chart
from lmp_core.present.report.sentences import weighting_sentences
from lmp_core.present.tables import balance_table, to_csv_bytes, to_excel_bytes
from lmp_core.read.invitations import read_table
from lmp_core.setup.survey import Survey

page_guard()  # the access gate, also for a run that did not pass through streamlit_app.py


@dataclass(frozen=True)
class ListChoice:
    """The invitation list read, and the columns the user matched it by."""

    invited: pd.DataFrame
    name: str
    key: str  # the list's content digest
    invited_id: str
    response_id: str
    group: str | None
    time: str | None


def main() -> None:
    st.title(t("fw_title"))
    st.caption(t("fw_intro"))
    quality_caveat()
    loaded = ensure_data()
    source = loaded.source
    uploaded = st.file_uploader(t("fw_upload"), type=["csv", "txt", "xlsx"], key="invited_upload")
    if loaded.is_demo:  # an invitation list that fits the demo survey: 63 schools and 24 municipalities
        download(t("fw_example"), EXAMPLE_INVITATIONS.read_bytes, EXAMPLE_INVITATIONS.name, "text/csv", "fw_example")
    if uploaded is None or not isinstance(source, Survey):
        without_list()
        st.stop()
    try:
        invited = read_table(uploaded.getvalue(), uploaded.name)
    except SurveyError as err:
        show_error(err, reading=True)
        st.stop()
    choice = list_choice(source, invited, uploaded.name, digest(uploaded.getvalue()))
    reminders = reminder_times()
    try:
        result = fieldwork_for(choice.invited, choice.name, choice.key, response_id=choice.response_id,
                               invited_id=choice.invited_id, group=choice.group, time=choice.time)
    except SurveyError as err:
        show_error(err)
        st.stop()
    progress_section(result, source, choice.group, reminders)
    nonrespondents_section(result, choice.group)
    representation_section(result)
    weighting_section(choice)


def without_list() -> None:
    """Without an invitation list: the response rates of the invited numbers entered on the Data page."""
    st.info(t("fw_without"))
    group = st.session_state.get(Keys.GROUP)
    entered = populations(group)
    if entered:
        st.text(t("fw_rates_only"))
        request = view_request(group=group, populations=entered)
        for info in analysis_for(request, lang()).summary.groups:  # rates as the statistics compute them
            if info.response_rate is not None and not info.suppressed:
                st.text(t("response_rate_line", group=info.name, respondents=info.respondents,
                          population=info.population, rate=percent(Pct(info.response_rate), 0, lang())))
    st.session_state.pop(Keys.FIELDWORK_NOTES, None)


def list_choice(source: Survey, invited: pd.DataFrame, name: str, key: str) -> ListChoice:
    """The id columns of the list and the responses, the list's group column and the responses' time column,
    each guessed and chosen by the user."""
    columns = list(invited.columns)
    background = list(source.background.columns)
    c1, c2 = st.columns(2)
    guess = detect_id_column(invited)
    invited_id = c1.selectbox(t("fw_invited_id"), columns, index=columns.index(guess) if guess in columns else 0,
                              key="fw_invited_id", placeholder=t("choose_one"))
    response_guess = source.id_column or detect_id_column(source.background)
    response_id = c2.selectbox(t("fw_response_id"), background,
                               index=background.index(response_guess) if response_guess in background else 0,
                               key="fw_response_id", placeholder=t("choose_one"))
    c3, c4 = st.columns(2)
    group_options = [None, *[c for c in columns if c != invited_id and 1 < invited[c].nunique() <= 30]]
    group = c3.selectbox(t("fw_group"), group_options, key="fw_group",
                         index=group_options.index("rolle") if "rolle" in group_options else 0,
                         format_func=lambda v: t("fw_none") if v is None else v, placeholder=t("choose_one"))
    time_guess = detect_time_column(source.background)
    time_options = [None, *background]
    time = c4.selectbox(t("fw_time"), time_options, key="fw_time",
                        index=time_options.index(time_guess) if time_guess in time_options else 0,
                        format_func=lambda v: t("fw_none") if v is None else v, placeholder=t("choose_one"))
    return ListChoice(invited, name, key, invited_id, response_id, group, time)


def reminder_times() -> list[pd.Timestamp]:
    """The reminders' times the user typed (marked on the progress chart); the unreadable ones said."""
    reminder_text = st.text_input(t("fw_reminders"), key="fw_reminders")
    if not reminder_text.strip():
        return []
    parsed, bad = parse_times(pd.Series([p.strip() for p in reminder_text.split(",") if p.strip()]))
    if bad:
        st.warning(md_escape(t("fw_bad_reminders", values=", ".join(bad))))
    return [x for x in parsed.dropna()]


def progress_section(result: Fieldwork, source: Survey, group: str | None, reminders: list[pd.Timestamp]) -> None:
    """The invited numbers handed to every page, the notes, the counts and the progress per group over time."""
    st.session_state[Keys.FIELDWORK_NOTES] = result.caveats()
    # the list's invited numbers are the response rates' denominators on every page and in the report
    set_populations(None, {"all": result.invited})
    fed = result.invited_by_group() if group in source.groupable else {}
    if fed:
        set_populations(group, fed)
    st.caption(t("fw_populations_fed", group=group) if fed else t("fw_population_fed"))
    for key, params in result.notes:
        st.warning(md_escape(note_text(key, params, lang())), icon=":material/warning:")
    m1, m2, m3 = st.columns(3)
    m1.metric(t("fw_invited_count"), number(result.invited, 0, lang()))
    m2.metric(t("fw_answered_count"), number(result.answered, 0, lang()),
              help=percent(Pct(100 * result.answered / max(1, result.invited)), 0, lang()))
    m3.metric(t("fw_not_answered_count"), number(result.invited - result.answered, 0, lang()))
    st.subheader(t("fw_progress"))
    plain_table(display_table(result.progress, lang(), min_group_size()), static=True)
    if result.timeline is not None and not result.timeline.empty:
        invited_per_group = {str(r.group): int(r.invited) for r in result.progress.itertuples()
                             if r.group != "Total" and not r.held}
        st.altair_chart(progress_chart(result.timeline, reminders=reminders, lang=lang(), invited=invited_per_group),
                        width="stretch")


def nonrespondents_section(result: Fieldwork, group: str | None) -> None:
    """Who has not answered (the list's own fields), filtered by group, with downloads for the reminders."""
    st.subheader(t("fw_nonrespondents", count=number(len(result.non_respondents), 0, lang())))
    nonrespondents = result.non_respondents
    if group:
        shown_groups = st.multiselect(t("fw_filter"), sorted(nonrespondents[group].unique()), key="fw_nr_filter",
                                      placeholder=t("choose_placeholder"), select_all=False)
        if shown_groups:
            nonrespondents = nonrespondents[nonrespondents[group].isin(shown_groups)]
    plain_table(nonrespondents)
    d1, d2, _ = st.columns([1, 1, 4])
    with d1:
        download(t("download_csv"), lambda: to_csv_bytes(nonrespondents), "ikke_svart.csv", "text/csv", "fw_nr_csv")
    with d2:
        download(t("download_xlsx"), lambda: to_excel_bytes({t("fw_nonrespondents"): nonrespondents}),
                 "ikke_svart.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "fw_nr_xlsx")


def representation_section(result: Fieldwork) -> None:
    """Per characteristic of the list, respondents against invited, with the test and its reading."""
    st.subheader(t("fw_representation"))
    for rep in result.representation:
        st.text(rep.characteristic)
        plain_table(display_table(rep.table, lang(), min_group_size()), static=True)
        st.caption(md_escape(t("fw_test", test=rep.test_name(lang()))))
        sentence = note_text(*rep.reading, lang())
        if rep.is_caveat:
            st.warning(md_escape(sentence), icon=":material/warning:")
        else:
            st.text(sentence)


def weighting_section(choice: ListChoice) -> None:
    """Weights raked to the list on the characteristics the user picks, applied on every page when asked."""
    st.subheader(t("fw_weighting"))
    st.caption(t("fw_weighting_intro"))
    invited = choice.invited
    characteristics = [c for c in invited.columns if c != choice.invited_id and 1 < invited[c].nunique() <= 30]
    by = st.multiselect(t("fw_weight_by"), characteristics, key="fw_weight_by",
                        default=[choice.group] if choice.group in characteristics else characteristics[:1],
                        placeholder=t("choose_placeholder"), select_all=False)
    current = weights()
    if by:
        try:
            raked = raked_for(invited, choice.name, choice.key, tuple(by), response_id=choice.response_id,
                              invited_id=choice.invited_id)
        except SurveyError as err:
            show_error(err)
        else:
            for sentence in weighting_sentences(raked, lang()):
                st.text(sentence)
            for key, params in raked.notes:
                st.warning(md_escape(note_text(key, params, lang())), icon=":material/warning:")
            if raked.balance is not None:
                plain_table(balance_table(raked.balance, lang=lang()), static=True)
            if st.button(t("fw_weight_apply"), key="fw_weight_apply", type="primary"):
                set_weights(raked)
                current = raked
    if current is not None and current.method != "column":
        st.success(t("fw_weight_applied"))
        if st.button(t("fw_weight_remove"), key="fw_weight_remove"):
            set_weights(None)
            st.rerun()


main()
