"""No text in a file can crash a native converter or the process: control characters (Word's manual line
break \\x0b, \\x01, form feed) in group names, labels, question texts, themes and comments give charts,
tables and reports in every format; a converter that dies anyway takes only its worker process down."""

from __future__ import annotations

import io
import os

import openpyxl
import pytest
from docx import Document
from pptx import Presentation

from lmp_core import SurveyError, count, read_codebook, read_file, summarize
from lmp_core.base.sanitize import xml_safe
from lmp_core.present.chart_images import convert, convert_json
from lmp_core.present.charts import distribution_chart, to_png, to_svg, top2_chart
from lmp_core.present.report import build_report, render
from lmp_core.present.tables import stats_table, to_excel_bytes
from tests.conftest import FIXTURES

CONTROL = "\x0b\x01\x0c\x1f"


@pytest.fixture(scope="module")
def dirty():
    """The report's fixture with control characters in every kind of text a file can carry."""
    data = (FIXTURES / "lmp_ch2_3.csv").read_text("utf-8")
    data = data.replace("Skoleeier", "Skole\x0beier").replace("Skoleleder", "Skole\x01leder")
    data = data.replace("Skulane har", "Skulane\x0b har\x07")  # a comment
    codebook = (FIXTURES / "lmp_ch2_3_codebook.csv").read_text("utf-8")
    codebook = codebook.replace("Kunnskapstilførsel", "Kunnskaps\x0ctilførsel").replace("klasseledelse,", "klasse\x1fledelse,")
    survey = read_file(data.encode(), "skitten.csv", codebook=read_codebook(codebook.encode(), "kodebok.csv"))
    return survey


def test_the_file_is_read_with_its_control_characters(dirty):
    # the reader keeps the text as it is; cleaning happens at each converter's edge
    assert any("\x0b" in g for g in dirty.background["rolle"].unique())


def test_charts_render_as_png_and_svg(dirty):
    summary = summarize(count(dirty, group="rolle"))
    for chart in (top2_chart(summary), distribution_chart(summary)):
        png = to_png(chart)
        assert png.startswith(b"\x89PNG")
        svg = to_svg(chart).decode()
        assert "Skole eier" in svg and not any(c in svg for c in CONTROL)


@pytest.mark.parametrize("suffix", [".docx", ".html", ".xlsx", ".pptx"])
def test_report_renders_in_every_format(dirty, suffix):
    report = build_report(dirty, group="rolle", populations={"Skole\x0beier": 24})
    data = render(report, "rapport" + suffix)
    if suffix == ".docx":
        text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
        assert "Skole eier" in text and not any(c in text for c in CONTROL)
    elif suffix == ".xlsx":
        book = openpyxl.load_workbook(io.BytesIO(data))
        cells = [str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if v]
        assert any("Skole eier" in c for c in cells) and not any(ch in c for c in cells for ch in CONTROL)
    elif suffix == ".pptx":
        assert len(Presentation(io.BytesIO(data)).slides) >= 3
    else:
        assert "Skole eier" in data.decode()


def test_table_exports_hold_no_control_characters(dirty):
    table = stats_table(summarize(count(dirty, group="rolle")), formatted=False)
    book = openpyxl.load_workbook(io.BytesIO(to_excel_bytes({"Tabell\x0b": table})))
    assert book.sheetnames == ["Tabell "]


def test_a_converter_that_dies_takes_only_its_worker_down():
    # vl-convert 1.9 panics and aborts its process on a raw \x01 in a label (seen: SIGABRT, exit -6);
    # convert_json sends the spec as given, so this reaches the converter unclean
    raw = ('{"$schema": "https://vega.github.io/schema/vega-lite/v6.json", "data": {"values": [{"q": "a\\u0001b", '
           '"v": 1}]}, "mark": "bar", "encoding": {"y": {"field": "q", "type": "nominal"}, '
           '"x": {"field": "v", "type": "quantitative"}}}')
    with pytest.raises(SurveyError, match="could not be made as PNG"):
        convert_json("png", raw)
    # this process is still here, and the next chart gets a new worker
    import json

    assert convert("png", json.loads(raw)).startswith(b"\x89PNG")


def test_xml_safe_replaces_every_character_xml_cannot_hold():
    from xml.etree import ElementTree as ET

    every = "".join(chr(c) for c in range(0x20)) + "\x7f\x85\ud800\ufffe\uffff" + "ok"
    cleaned = xml_safe(every)
    ET.fromstring(f"<a>{cleaned.replace('<', '').replace('&', '')}</a>")  # parses: nothing illegal left
    assert cleaned.endswith("ok") and "\t" in cleaned and "\n" in cleaned


def test_a_reports_charts_are_drawn_side_by_side_in_their_order_and_a_death_costs_one_worker():
    """convert_all: each chart's bytes where its call stands (the same bytes a lone call makes), two worker
    processes when two calls overlap (a machine of two cores or more), and a worker that dies in a batch is
    replaced while the other keeps drawing."""
    import json

    from lmp_core.present import chart_images

    def spec(k: int) -> dict:
        return {"data": {"values": [{"q": f"spørsmål {k}", "v": k + 1}]}, "mark": "bar",
                "encoding": {"y": {"field": "q", "type": "nominal"}, "x": {"field": "v", "type": "quantitative"}}}

    n = chart_images.PARALLEL_FROM  # the fewest drawn side by side
    alone = [convert("svg", spec(k)) for k in range(n)]
    assert len(set(alone)) == n  # different charts, so an order mixed up would show
    made = chart_images.convert_all([lambda k=k: convert("svg", spec(k)) for k in range(n)])
    assert made == alone
    pids = {w.process.pid for w in list(chart_images._free.queue) if w is not None and w.alive()}
    assert len(pids) == min(2, chart_images.WORKERS) == (2 if (os.cpu_count() or 1) >= 2 else 1)
    raw = json.dumps(spec(0) | {"data": {"values": [{"q": "a\x01b", "v": 1}]}})  # it aborts the converter (above)
    with pytest.raises(SurveyError, match="could not be made as PNG"):
        chart_images.convert_all([lambda k=k: convert("png", spec(k)) for k in range(n - 1)]
                                 + [lambda: convert_json("png", raw)])
    assert convert("png", spec(2)).startswith(b"\x89PNG")
