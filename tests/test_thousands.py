"""Numbers in every text a reader sees are written as the reader's language writes them (#32): a count of five
digits or more has its thousands separated (bokmål "13 000" with a narrow no-break space, English "13,000"), in
caveats, notes, captions, chart labels and legends, the report's text; a four-digit number stays as it is.

A survey of 24,000 respondents (groups of 13,000 and 11,000, questions answered by between 10,000 and 13,000 of
a group) goes through every page of the app (AppTest) and through every chart the pages draw, written as SVG by
vl-convert; no text may hold a run of five digits. The JSON and the CSV/Excel downloads keep raw numbers."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lmp_core.base.fmt import whole
from lmp_core.compute.kind_stats import kind_results
from lmp_core.compute.view import ViewRequest, make_view
from lmp_core.load import read_file
from lmp_core.present.charts import distribution_chart, kind_chart, to_svg, top2_chart, yes_share_chart
from lmp_core.present.report import build_report, render
from tests.apptest import plain
from tests.conftest import ROOT

RUN = re.compile(r"\d{5,}")
SCALE = ["I svært liten grad", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad"]


def _survey() -> bytes:
    rng = np.random.default_rng(32)
    n = 24_000
    frame = pd.DataFrame({"rolle": ["Lærer"] * 13_000 + ["Leder"] * 11_000})
    for i in range(4):
        answers = np.array(SCALE, dtype=object)[rng.integers(0, 5, n)]
        answers[rng.random(n) < 0.05 * (i + 1)] = ""  # 5-20 % blank: each question's n differs
        frame[f"kunnskap_{i + 1}"] = answers
    frame["Har skolen en plan mot mobbing?"] = np.where(rng.random(n) < 0.7, "Ja", "Nei")
    frame["Hvor hørte du om programmet?"] = np.array(["Nettsiden", "En kollega", "Kommunen"])[rng.integers(0, 3, n)]
    return frame.to_csv(index=False).encode()


@pytest.fixture(scope="module")
def data() -> bytes:
    return _survey()


def test_whole():
    assert whole(278_451) == "278\u202f451" and whole(278_451, "en") == "278,451"
    assert whole(2016) == "2016" and whole(10_000) == "10\u202f000" and whole(1_234_567) == "1\u202f234\u202f567"


def _texts(at: AppTest) -> list[str]:
    out = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "success", "info", "warning",
                 "error", "exception"):
        out += [plain(str(e.value)) for e in at.get(kind)]
    for table in at.table:
        frame = table.value
        out += [plain(str(v)) for v in [*frame.columns, *frame.index, *frame.to_numpy().ravel()]]
    return out


# bokmål only: AppTest formats a radio's options outside the script run, where the session's language cannot be
# read, so an English session's radio cannot be parsed; the English counts go through the same whole() (below)
@pytest.mark.parametrize("lang", ["nb"])
def test_no_page_shows_an_unseparated_count(data, lang):
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.session_state["lang"] = lang
    at.run()
    at.file_uploader(key="upload").upload("kartlegging.csv", data, "text/csv").run()
    assert not at.exception
    seen: dict[str, list[str]] = {}
    for page in ("pages/data.py", "pages/results.py", "pages/comments.py", "pages/report.py", "pages/fieldwork.py",
                 "pages/waves.py", "pages/method.py"):
        at.switch_page(page).run()
        assert not at.exception, page
        texts = _texts(at)
        assert texts, page
        seen[page] = [t for t in texts if RUN.search(t)]
    assert {p: t for p, t in seen.items() if t} == {}
    # the caveat that names the varying numbers of answers is there, separated (so the search had something to find)
    at.switch_page("pages/results.py").run()
    joined = " ".join(_texts(at))
    sep = "\u202f" if lang == "nb" else ","
    assert re.search(rf"\b1[0-3]{re.escape(sep)}\d{{3}}\b", joined)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_no_chart_and_no_report_text_shows_an_unseparated_count(data, lang):
    survey = read_file(data, "kartlegging.csv")
    request = ViewRequest.of(group="rolle")
    summary = make_view(survey, request, lang=lang).summary()
    svgs = {"top2": to_svg(top2_chart(summary, lang=lang)), "dist": to_svg(distribution_chart(summary, lang=lang))}
    results = kind_results(survey, group="rolle", min_group_size=5, lang=lang)
    yes_no = [r for r in results if r.yes]
    assert yes_no
    svgs["yes"] = to_svg(yes_share_chart(yes_no, lang=lang))
    for r in results:
        svgs[r.column] = to_svg(kind_chart(r, lang=lang))
    texts = {name: " ".join(re.findall(r">([^<>]+)<", svg.decode())) for name, svg in svgs.items()}
    assert {name: RUN.findall(t) for name, t in texts.items() if RUN.search(t)} == {}
    assert any(whole(13_000, lang) in t for t in texts.values())  # the legends' n, separated
    html = render(build_report(survey, request, lang=lang), "rapport.html").decode()
    visible = re.sub(r"<[^>]+>", " ", re.sub(r"<(script|style)\b.*?</\1>|data:[^\"' ]+", " ", html, flags=re.S))
    assert RUN.findall(visible) == []
    assert whole(13_000, lang) in visible
