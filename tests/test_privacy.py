"""Respondents stay anonymous: no HTML from files, no disk writes, no shared caches."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from lmp_core import count, read_codebook, read_file, summarize
from lmp_core.present.report import build_report, render
from tests.conftest import FIXTURES, ROOT

UI_FILES = [ROOT / "streamlit_app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "lmp_app").glob("*.py")]


def test_no_raw_html_and_no_shared_or_disk_caches():
    for path in UI_FILES:
        source = path.read_text("utf-8")
        assert "unsafe_allow_html" not in source, path
        assert "st.html(" not in source, path
        assert "persist=" not in source, path
        # no cache shared between sessions holds a user's data: state is per session, and the only
        # cache allowed is session-scoped (Streamlit drops it when the session disconnects)
        shared = re.findall(r"st\.cache_(?:data|resource)(?!\(scope=\"session\")", source)
        assert not shared, path


def _snapshot(folder: Path) -> set[str]:
    return {str(p) for p in folder.rglob("*")} if folder.exists() else set()


def test_reading_and_reporting_write_nothing_to_disk():
    watched = [Path(tempfile.gettempdir()), ROOT, Path.home()]
    before = {str(f): _snapshot(f) for f in watched if f != Path.home()}
    home_before = set(os.listdir(Path.home()))
    data = (FIXTURES / "lmp_ch2_3.csv").read_bytes()
    survey = read_file(data, "lmp_ch2_3.csv", codebook=read_codebook((FIXTURES / "lmp_ch2_3_codebook.csv")
                                                                     .read_bytes()))
    summarize(count(survey, group="rolle"))
    report = build_report(survey, group="rolle")
    for fmt in (".docx", ".html", ".xlsx", ".pptx"):
        render(report, f"r{fmt}")
    for folder, files in before.items():
        new = _snapshot(Path(folder)) - files
        assert not [f for f in new if "__pycache__" not in f and ".hypothesis" not in f], new
    assert set(os.listdir(Path.home())) <= home_before | {".cache"}


def test_streamlit_config_keeps_data_in():
    config = (ROOT / ".streamlit" / "config.toml").read_text()
    assert 'gatherUsageStats = false' in config
    assert 'showErrorDetails = "none"' in config
