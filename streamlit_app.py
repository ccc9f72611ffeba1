"""LMP Explorer: the frame. Page config, language, per-session data, navigation."""

from pathlib import Path

import streamlit as st

from lmp_app.access import require_access
from lmp_app.i18n import t
from lmp_app.state import Keys, ensure_data, watch_session
from lmp_app.uploads import keep_uploads_in_memory
from lmp_app.warm import warm_imports

keep_uploads_in_memory()  # before any page can offer an upload: no part of one is spooled to disk

st.set_page_config(page_title="LMP Explorer", page_icon=":material/bar_chart:", layout="wide")
st.session_state.setdefault(Keys.LANG, "nb")
st.sidebar.radio(
    "Språk / Language", ["nb", "en"], index=["nb", "en"].index(st.session_state[Keys.LANG]), key="lang_widget",
    horizontal=True, format_func=lambda v: {"nb": "Norsk (bokmål)", "en": "English"}[v],
    # copied into a plain key: widget state does not survive a page change
    on_change=lambda: st.session_state.__setitem__(Keys.LANG, st.session_state["lang_widget"]))
#: (file, title, icon) of every page; the first is the default
PAGES = [("pages/data.py", "page_data", ":material/upload_file:"),
         ("pages/results.py", "page_results", ":material/bar_chart:"),
         ("pages/comments.py", "page_comments", ":material/chat:"),
         ("pages/report.py", "page_report", ":material/description:"),
         ("pages/fieldwork.py", "page_fieldwork", ":material/how_to_reg:"),
         ("pages/waves.py", "page_waves", ":material/timeline:"),
         ("pages/method.py", "page_method", ":material/functions:")]
# the one gate: a user who may not use the app sees the login or refusal page, at every address, and nothing else
require_access(url_paths=[Path(file).stem for file, _, _ in PAGES])
watch_session()
ensure_data()
warm_imports()  # the libraries the results page needs, loaded while this user is still on the Data page
page = st.navigation([st.Page(file, title=t(title), icon=icon, default=i == 0)
                      for i, (file, title, icon) in enumerate(PAGES)])
page.run()
