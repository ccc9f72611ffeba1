"""Comments page: free text as plain text, filtered by group and a search word, with counts."""

import streamlit as st

from lmp_app.access import page_guard
from lmp_app.i18n import lang, t
from lmp_app.render import plain_table, quality_caveat
from lmp_app.state import Keys, ensure_data, held_for, min_group_size
from lmp_core.compute.comments import comments
from lmp_core.setup.survey import Survey

page_guard()  # the access gate, also for a run that did not pass through streamlit_app.py

st.title(t("comments_title"))
quality_caveat()
loaded = ensure_data()
source = loaded.source
if not isinstance(source, Survey) or not source.text_columns:
    st.info(t("no_comments"))
    st.stop()
column = st.selectbox(t("comment_column"), list(source.text_columns), key="comment_column", placeholder=t("choose_one"))
group = st.session_state.get(Keys.GROUP)
min_n = min_group_size()
held = held_for(min_n)
everything = comments(source, column, group=group, min_group_size=min_n, lang=lang(), held=held)
present = list(dict.fromkeys(everything.rows["group"]))
c1, c2 = st.columns([2, 3])
chosen = c1.multiselect(t("groups"), present, default=present, key="comment_groups", placeholder=t("choose_placeholder"), select_all=False)
word = c2.text_input(t("search"), key="comment_search")
result = comments(source, column, group=group, groups=chosen, search=word, min_group_size=min_n, lang=lang(),
                  held=held)
st.caption(t("comment_count", shown=len(result.rows), total=result.total))
if result.hidden:
    st.caption(t("comments_hidden", count=result.hidden, min_n=min_n))
plain_table(result.rows.rename(columns={"group": t("col_group"), "comment": t("col_comment")}))
