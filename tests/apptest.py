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


def chart_svgs(at) -> list[str]:
    """The SVG text of every chart a page shows as an image (:mod:`lmp_app.figures`: an SVG data URI)."""
    import base64

    prefix = "data:image/svg+xml;base64,"
    return [base64.b64decode(image.url[len(prefix):]).decode("utf-8")
            for element in at.get("image") for image in element.proto.imgs if image.url.startswith(prefix)]


def chart_texts(svg: str) -> list[str]:
    """The text a chart image shows (axis labels, titles, the values written on the bars), one string per text mark."""
    import xml.etree.ElementTree as ET

    return ["".join(node.itertext()) for node in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]


def chart_marks(svg: str) -> list[dict[str, str]]:
    """Each mark's data in a chart image, ``field -> value`` as printed: Vega names it in the mark's ``aria-label``
    (``"pct: 90; question: …; group: Skoleeier (n=10)"``); axes and legends, which describe themselves, are left out."""
    import html
    import xml.etree.ElementTree as ET

    marks = []
    for node in ET.fromstring(svg).iter():
        label = node.get("aria-label")
        if label and node.get("role") == "graphics-symbol" and node.get("aria-roledescription") not in ("axis", "legend"):
            marks.append(dict(part.split(": ", 1) for part in html.unescape(label).split("; ") if ": " in part))
    return marks
