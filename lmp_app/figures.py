"""Charts on a page as images drawn on the server.

A chart that needs no interaction reaches the browser as an SVG image made by vl-convert (the same worker as the
chart downloads, :mod:`lmp_core.present.chart_images`), not as a Vega view the browser builds and draws itself:
the browser's drawing of the results page was most of its time (docs/utvikler/ytelse.md). The image keeps the
chart's text as text (sharp at any zoom); its ``alt`` names the chart and where its figures are in words.
"""

from __future__ import annotations

import json

import altair as alt
import streamlit as st

from lmp_app.i18n import t
from lmp_core.base.errors import SurveyError
from lmp_core.present.charts import chart_spec


@st.cache_data(scope="session", max_entries=64, show_spinner=False)
def _svg(spec_json: str) -> str:
    """The SVG text of a Vega-Lite spec (JSON), once per session and spec: a rerun that keeps a chart redraws
    nothing."""
    from lmp_core.present.chart_images import convert

    return convert("svg", json.loads(spec_json)).decode("utf-8")


def chart_title(spec: dict) -> str:
    """A chart's title (from its Vega-Lite spec) as one line (a title may be a list of lines or title parameters)."""
    title = spec.get("title", "")
    text = title.get("text", "") if isinstance(title, dict) else title
    return " ".join(text) if isinstance(text, list) else str(text)


def show_chart(chart: alt.TopLevelMixin) -> None:
    """The chart as an SVG image at its own size (narrowed to the page when wider), with an ``alt`` text; when the
    converter fails, the browser draws it as a Vega view instead."""
    spec = chart_spec(chart)
    try:
        svg = _svg(json.dumps(spec, sort_keys=True))
    except SurveyError:
        st.altair_chart(chart, width="stretch")
        return
    st.image(svg, alt=t("chart_alt", title=chart_title(spec)), width="content")
