"""A survey tool's export uploaded in the app (AppTest): the Data page names the tool in one line, and the
e-mail addresses and names of a Google Forms export appear on no page and in no choice (issue #41)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from tests.export_kinds import EXPORTS

APP = str(ROOT / "streamlit_app.py")


@pytest.fixture(autouse=True)
def _clear_caches():
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    yield


def _everything_shown(at: AppTest) -> str:
    """Every text, table and choice the page shows, as one string."""
    parts: list[str] = []
    for kind in ("markdown", "text", "caption", "success", "info", "warning", "error", "title", "header",
                 "subheader"):
        parts += [str(e.value) for e in getattr(at, kind)]
    parts += [e.value.to_csv() for e in at.table] + [e.value.to_csv() for e in at.dataframe]
    for kind in ("selectbox", "multiselect", "radio"):
        parts += [" ".join(map(str, e.options)) for e in getattr(at, kind)]
    return "\n".join(parts)


def test_google_forms_export_names_its_tool_and_shows_no_email_or_name():
    at = AppTest.from_file(APP, default_timeout=90).run()
    data = (EXPORTS / "google_forms" / "made_responses.csv").read_bytes()
    at.file_uploader(key="upload").upload("svar.csv", data, "text/csv")
    at.run()
    assert not at.exception
    shown = _everything_shown(at)
    assert sum("eksport fra Google Forms" in t.value for t in at.text) == 1
    assert "Personvern: kolonnen «Email Address»" in shown
    for page in ("pages/data.py", "pages/results.py", "pages/report.py"):
        at.switch_page(page).run()
        assert not at.exception, page
        shown = _everything_shown(at)
        # the file's e-mail addresses (pupil0@example.org …) and names ("Ola A.") are nowhere
        assert "@example.org" not in shown and "Ola A." not in shown, page
