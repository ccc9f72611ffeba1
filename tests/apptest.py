"""Helpers for AppTest: what a reader sees of the app's escaped Markdown (lmp_app.render.md_escape)."""

from __future__ import annotations

import re

import pandas as pd


def plain(markdown: str) -> str:
    """The text a reader sees: backslash escapes resolved, invisible word joiners dropped."""
    return re.sub(r"\\(.)", r"\1", str(markdown)).replace("\u2060", "")


def plain_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A table from ``at.table`` as a reader sees it (``st.table`` gets escaped Markdown)."""
    out = frame.map(lambda v: plain(v) if isinstance(v, str) else v)
    out.columns = [plain(c) if isinstance(c, str) else c for c in frame.columns]
    out.index = pd.Index([plain(i) if isinstance(i, str) else i for i in frame.index],
                         name=plain(frame.index.name) if isinstance(frame.index.name, str) else frame.index.name)
    return out
