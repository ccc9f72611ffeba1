"""Comments page: free text as plain text, filtered by group and a search word, with counts; and the comments' coding
frame (codes made and edited here, counted as a multiple-response question)."""

import pandas as pd
import streamlit as st

from lmp_app.access import page_guard
from lmp_app.i18n import lang, t
from lmp_app.render import download, md_escape, plain_table, quality_caveat, show_error
from lmp_app.state import (
    coding_of,
    comments_for,
    ensure_data,
    kinds_for,
    min_group_size,
    quotes_for,
    set_coded_table,
    set_coding,
)
from lmp_core.base.errors import SurveyError
from lmp_core.counting.coding import coded_matrix, coded_table
from lmp_core.present.tables import kind_table, to_csv_bytes
from lmp_core.setup.coding import CodingFrame, frame_csv, frame_table, make_code, read_frame
from lmp_core.setup.survey import Survey

page_guard()  # the access gate, also for a run that did not pass through streamlit_app.py


def main() -> None:
    st.title(t("comments_title"))
    quality_caveat()
    source = ensure_data().source
    if not isinstance(source, Survey) or not source.text_columns:
        st.info(t("no_comments"))
        st.stop()
    column = st.selectbox(t("comment_column"), list(source.text_columns), key="comment_column",
                          placeholder=t("choose_one"))
    comments_section(column)
    coding_section(source, column)


def comments_section(column: str) -> None:
    """The comments of ``column`` the chosen group's view may show, filtered by group and a search word, with how
    many are shown and how many are held back."""
    everything = comments_for(column, lang())
    present = list(dict.fromkeys(everything.rows["group"]))
    c1, c2 = st.columns([2, 3])
    chosen = c1.multiselect(t("groups"), present, default=present, key="comment_groups",
                            placeholder=t("choose_placeholder"), select_all=False)
    word = c2.text_input(t("search"), key="comment_search")
    result = comments_for(column, lang(), groups=tuple(chosen), search=word)
    st.caption(t("comment_count", shown=len(result.rows), total=result.total))
    if result.hidden:
        st.caption(t("comments_hidden", count=result.hidden, min_n=min_group_size()))
    plain_table(result.rows.rename(columns={"group": t("col_group"), "comment": t("col_comment")}))


def coding_section(source: Survey, column: str) -> None:
    """The coding frame of ``column``: a form for one code, the codes with their counts (the same protected counts
    as on the Results page), quotes per code and the uncoded comments."""
    st.subheader(t("coding_heading"))
    st.caption(t("coding_intro"))
    frame = coding_of(column)
    with st.form("coding_form", clear_on_submit=True):
        name = st.text_input(t("coding_code"), key="coding_code")
        c1, c2 = st.columns(2)
        words = c1.text_input(t("coding_words"), key="coding_words", help=t("coding_patterns_help"))
        starts = c2.text_input(t("coding_starts"), key="coding_starts", help=t("coding_patterns_help"))
        phrases = c1.text_input(t("coding_phrases"), key="coding_phrases", help=t("coding_patterns_help"))
        exclusions = c2.text_input(t("coding_exclusions"), key="coding_exclusions", help=t("coding_patterns_help"))
        if st.form_submit_button(t("coding_save")):
            try:
                code = make_code(name, words, starts, phrases, exclusions, file=column)
            except SurveyError as err:
                show_error(err)
            else:
                set_coding(frame.with_code(code))
                st.toast(md_escape(t("coding_saved", code=code.name)))
                frame = coding_of(column)
    u1, u2 = st.columns(2)
    upload = u1.file_uploader(t("coding_upload_frame"), type=["csv", "txt"], key="coding_upload")
    table = u2.file_uploader(t("coding_upload_table"), type=["csv", "txt"], key="coding_table_upload")
    for seen, uploaded, use in (
            ("coding_upload_seen", upload, lambda f: set_coding(read_frame(f.getvalue(), f.name, column=column))),
            ("coding_table_seen", table, lambda f: set_coded_table(f.getvalue(), f.name, column))):
        if uploaded is not None and st.session_state.get(seen) != uploaded.file_id:
            st.session_state[seen] = uploaded.file_id  # used once: a later edit is not undone
            try:
                use(uploaded)
            except SurveyError as err:
                show_error(err, reading=True)
    frame = coding_of(column)
    if not coded_matrix(ensure_data().source, column)[0]:
        st.info(t("coding_none"))
        return
    coding_results(column, frame)


def coding_results(column: str, frame: CodingFrame) -> None:
    """The frame's rules, the counts per code, the downloads, quotes per code and the uncoded comments."""
    source = ensure_data().source
    if frame.codes:  # a coding read from a table has no rules
        st.markdown(f"**{t('coding_codes')}**")
        headings = {"code": t("coding_code"), "words": t("coding_words"), "word_starts": t("coding_starts"),
                    "phrases": t("coding_phrases"), "exclusions": t("coding_exclusions")}
        plain_table(frame_table(frame).drop(columns=["column"]).rename(columns=headings))
        c1, c2 = st.columns(2)
        remove = c1.selectbox(t("coding_remove_pick"), list(frame.names), key="coding_remove_pick")
        if c2.button(t("coding_remove"), key="coding_remove"):
            set_coding(frame.without(remove))
            st.rerun()
    result = next((r for r in kinds_for(None, {}, lang()) if r.column == column), None)
    if result is not None:
        shown = result.shown()
        st.caption(t("coding_counts_caption", base=shown[0].base if shown and shown[0].base is not None else 0))
        plain_table(kind_table(result, lang=lang()))
    d1, d2 = st.columns(2)
    if frame.codes:
        with d1:
            download(t("coding_download_frame"), lambda: frame_csv(frame), f"kodeskjema_{column}.csv", "text/csv",
                     "coding_frame_csv")
    with d2:
        download(t("coding_download_table"), lambda: to_csv_bytes(coded_table(source, column)),
                 f"koding_{column}.csv", "text/csv", "coding_table_csv")
    quotes = quotes_for(column, lang())
    st.markdown(f"**{t('coding_quotes')}**")
    for entry in quotes[:-1]:
        with st.expander(md_escape(f"{entry.code} ({entry.shown})")):  # a code's name may come from a file
            table = pd.DataFrame(entry.quotes[:3], columns=[t("col_group"), t("col_comment")])
            table[t("coding_hits")] = [", ".join(h) for h in entry.hits[:3]] if entry.hits else ""
            plain_table(table)
    uncoded = quotes[-1]
    st.markdown(f"**{t('coding_uncoded_list')}** ({uncoded.shown})")
    plain_table(pd.DataFrame(uncoded.quotes, columns=[t("col_group"), t("col_comment")]))


main()
