"""LMP Explorer: the frame. Page config, language, per-session data, navigation."""

import streamlit as st

from lmp_app.i18n import t
from lmp_app.state import Keys, ensure_data, watch_session
from lmp_app.uploads import keep_uploads_in_memory

keep_uploads_in_memory()  # before any page can offer an upload: no part of one is spooled to disk

st.set_page_config(page_title="LMP Explorer", page_icon=":material/bar_chart:", layout="wide")
st.session_state.setdefault(Keys.LANG, "nb")
st.sidebar.radio(
    "Språk / Language", ["nb", "en"], index=["nb", "en"].index(st.session_state[Keys.LANG]), key="lang_widget",
    horizontal=True, format_func=lambda v: {"nb": "Norsk (bokmål)", "en": "English"}[v],
    # copied into a plain key: widget state does not survive a page change
    on_change=lambda: st.session_state.__setitem__(Keys.LANG, st.session_state["lang_widget"]))
watch_session()
ensure_data()
page = st.navigation([
    st.Page("pages/data.py", title=t("page_data"), icon=":material/upload_file:", default=True),
    st.Page("pages/results.py", title=t("page_results"), icon=":material/bar_chart:"),
    st.Page("pages/comments.py", title=t("page_comments"), icon=":material/chat:"),
    st.Page("pages/report.py", title=t("page_report"), icon=":material/description:"),
    st.Page("pages/fieldwork.py", title=t("page_fieldwork"), icon=":material/how_to_reg:"),
    st.Page("pages/waves.py", title=t("page_waves"), icon=":material/timeline:"),
    st.Page("pages/method.py", title=t("page_method"), icon=":material/functions:"),
])
page.run()
