"""Method page: formulas, Tabell 1.1, missing values and intervals in plain words."""

import streamlit as st

from lmp_app.access import page_guard
from lmp_app.i18n import lang, t
from lmp_core.present.method import method_markdown

page_guard()  # the access gate, also for a run that did not pass through streamlit_app.py

st.title(t("method_title"))
st.markdown(method_markdown(lang()))
