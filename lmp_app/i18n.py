"""The session's language, and the app's words from the one catalogue (:mod:`lmp_core.base.catalogue`)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from lmp_app.state import Keys
from lmp_core.base.catalogue import text


def lang() -> str:
    """The language chosen in this session (bokmål by default)."""
    return st.session_state.get(Keys.LANG, "nb")


def t(key: str, **params: Any) -> str:
    """The text for ``key`` in the session's language."""
    return text(key, lang(), **params)
