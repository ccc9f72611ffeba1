"""Over time: this file and other waves of the same survey, matched question by question; each question's
trend per group and the change from wave to wave (lmp_core.compute.waves)."""

from pathlib import Path

import streamlit as st

from lmp_app.access import page_guard
from lmp_app.i18n import lang, t
from lmp_app.render import chart_downloads, download, md_escape, plain_table, quality_caveat, show_error
from lmp_app.state import Keys, Loaded, ensure_data, groupings, read_wave, trend_for
from lmp_core.base.errors import SurveyError
from lmp_core.compute.stats import note_text
from lmp_core.compute.waves import Trend, match_questions, waves_from_column
from lmp_core.present.charts import trend_chart
from lmp_core.present.tables import to_csv_bytes, trend_changes_table, trend_table
from lmp_core.setup.survey import Survey

page_guard()  # the access gate, also for a run that did not pass through streamlit_app.py


def main() -> None:
    st.title(t("waves_title"))
    st.caption(t("waves_intro"))
    quality_caveat()
    loaded = ensure_data()
    if not isinstance(loaded.source, Survey):
        show_error(SurveyError("freq_no_trend", file=loaded.name))
        st.stop()
    waves, wave_column = waves_section(loaded, loaded.source)
    if len(waves) < 2:
        st.session_state.pop(Keys.TREND, None)
        st.info(t("waves_need_two"))
        st.stop()
    trend = trend_section(loaded.source, waves, wave_column)
    st.session_state[Keys.TREND] = trend  # the report's trend chapter
    if not trend.points:
        st.info(t("waves_none_included"))
        st.stop()
    results_section(trend, Path(loaded.name).stem)


def waves_section(loaded: Loaded, source: Survey) -> tuple[list[tuple[str, Survey]], str | None]:
    """The waves: this file split by a wave column (among the protected grouping columns), or this file and the
    later ones the user uploads; and the wave column (None: uploaded waves)."""
    protected = [c for c in groupings() if c in source.groupable]
    wave_column = st.selectbox(t("waves_column"), [None, *protected], key=f"waves_column_{loaded.digest[:12]}",
                               format_func=lambda v: t("waves_column_none") if v is None else v,
                               help=t("waves_column_help"), placeholder=t("choose_one"))
    if wave_column is not None:
        try:
            return waves_from_column(source, wave_column, groupings()), wave_column
        except SurveyError as err:
            show_error(err)
            st.stop()
    st.text(t("waves_first_is", file=loaded.name))
    uploads = st.file_uploader(t("waves_upload"), type=["csv", "txt", "xlsx", "sav", "parquet"],
                               accept_multiple_files=True, key="waves_upload")
    with_setup = st.checkbox(md_escape(t("waves_use_setup", file=loaded.name)), value=True, key="waves_use_setup",
                             help=t("waves_use_setup_help"))
    waves: list[tuple[str, Survey]] = [(Path(loaded.name).stem, source)]
    for uploaded in uploads or []:
        try:
            wave = read_wave(uploaded.getvalue(), uploaded.name, with_setup=with_setup)
        except SurveyError as err:
            show_error(err, reading=True)
            continue
        if not isinstance(wave, Survey):
            show_error(SurveyError("freq_no_trend", file=uploaded.name))
            continue
        waves.append((Path(uploaded.name).stem, wave))
    return waves, None


def trend_section(source: Survey, waves: list[tuple[str, Survey]], wave_column: str | None) -> Trend:
    """The group to follow, the flagged questions to confirm (what changed between the waves is left out until
    the user confirms it), and the trend with its notes."""
    in_all = [c for c in source.groupable if c != wave_column and all(c in w.groupable for _, w in waves[1:])]
    current = st.session_state.get(Keys.GROUP)
    options = [None, *in_all]
    group = st.selectbox(t("group_column"), options, index=options.index(current) if current in options else 0,
                         format_func=lambda v: t("no_group") if v is None else v, key="waves_group",
                         placeholder=t("choose_one"))
    flagged = [q for q in match_questions(waves) if q.flags]
    confirmed: set[str] = set()
    if flagged:
        st.subheader(t("waves_flagged"))
        for q in flagged:
            for key, params in q.flags:
                st.warning(md_escape(note_text(key, params, lang())), icon=":material/warning:")
            if st.checkbox(t("waves_confirm"), key=f"waves_confirm_{q.column}", help=md_escape(q.column)):
                confirmed.add(q.column)
    try:
        trend = trend_for(waves, group, confirmed, lang())
    except SurveyError as err:
        show_error(err)
        st.stop()
    for key, params in trend.notes:
        if key != "wave_left_out":  # said above, with the reason
            st.caption(md_escape(note_text(key, params, lang())))
    return trend


def results_section(trend: Trend, stem: str) -> None:
    """The trend's chart and table, the changes from wave to wave, and their downloads."""
    st.subheader(t("waves_trend_heading"))
    chart = trend_chart(trend, lang=lang())
    st.altair_chart(chart, width="stretch")
    chart_downloads(chart, f"{stem}_utvikling", "trend")
    plain_table(trend_table(trend, lang=lang()), static=True)
    st.subheader(t("waves_changes_heading"))
    plain_table(trend_changes_table(trend, lang=lang()), static=True)
    st.caption(t("formula_d"))
    download(t("download_csv"), lambda: to_csv_bytes(trend_changes_table(trend, lang=lang(), formatted=False)),
             f"{stem}_endring.csv", "text/csv", "trend_csv")


main()
