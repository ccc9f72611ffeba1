"""The results page's charts drawn on the server (lmp_app.figures): SVG images with alt text, the table's figures."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest import chart_svgs, chart_texts, plain_frame
from tests.conftest import ROOT


@pytest.fixture(autouse=True)
def _clear_caches():
    import streamlit as st

    st.cache_data.clear()
    yield


def _results() -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120).run()
    at.switch_page("pages/results.py").run()
    assert not at.exception and not at.error
    return at


def test_the_charts_are_svg_images_with_alt_text_showing_the_tables_figures():
    at = _results()
    assert not at.get("vega_lite_chart")  # no Vega view for the browser to build
    alts = [image.alt for element in at.get("image") for image in element.proto.imgs]
    svgs = chart_svgs(at)
    # the demo's first theme: the top-2 figure, its index and the distributions
    assert len(svgs) == len(alts) == 3
    assert alts[0] == ("Diagram: Andel som svarer i de to øverste kategoriene. "
                       "Tallene står i tabellene på siden og i nedlastingene.")
    assert alts[2].startswith("Diagram: Svarfordeling.")
    # every top-2 share of Tabell 2.1 is written on a bar of the first image, and nothing the table lacks
    table = plain_frame(at.table[0].value)
    shares = {f"{table.loc[q, f'{g} Topp 2 %']}" for q in table.index for g in ("Skoleleder", "Skoleeier")}
    written = {text.split(" (n=")[0].replace("\xa0%", "").strip() for text in chart_texts(svgs[0]) if "%" in text
               and "(%)" not in text}
    assert written == shares and len(shares) >= 3


def test_a_failing_converter_leaves_the_chart_to_the_browser(monkeypatch):
    from lmp_core.base.errors import SurveyError
    from lmp_core.present import chart_images

    def fail(*args, **kwargs):
        raise SurveyError("chart_failed", kind="SVG")

    monkeypatch.setattr(chart_images, "convert_json", fail)
    at = _results()
    assert len(at.get("vega_lite_chart")) == 3 and not at.get("image")
