"""Every download works after each kind of grouping (issue #42): on each real export in the tests (the files made
to survey tools' layouts in tests/data/exports, the public exports where they are on the machine, and two real
survey files on every machine), grouped by nothing, by a single-choice question and by a protected column whose
small values are pooled, every download button of the Data, results and report pages is clicked (the bytes its
click makes) and what comes back is opened: Word with python-docx, PowerPoint with python-pptx, HTML parsed,
PNG with Pillow, SVG as XML, CSV and Excel with pandas. "Last ned DOCX" after grouping by a single-choice
question failed without a word."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from lmp_core.counting.counts import group_values
from lmp_core.load import read_file
from tests.conftest import EXTERNAL, ROOT
from tests.export_kinds import EXPORTS
from tests.public_exports import PUBLIC, export_bytes
from tests.test_first_results import ms_forms_csv, nettskjema_csv, somewhat_csv

MIN_N = 5  # the app's smallest group size as uploaded
MADE = sorted(str(p.relative_to(EXPORTS)) for p in EXPORTS.glob("*/*") if p.suffix in (".csv", ".xlsx"))
#: files made here to the layouts of Microsoft Forms and Nettskjema (tests/test_first_results.py), one with
#: answers outside a scale (a single-choice question until the user decides)
GENERATED = {"ms_forms.csv": ms_forms_csv, "data-123823.csv": lambda: nettskjema_csv(60), "forms.csv": somewhat_csv}
REAL = {"EFC.sav": EXTERNAL / "efc" / "EFC.sav", "ess_labels.csv": EXTERNAL / "ess_norway_bst290" / "ess_labels.csv"}


def _bytes(name: str) -> bytes:
    if name in GENERATED:
        return GENERATED[name]()
    return REAL[name].read_bytes() if name in REAL else export_bytes(name)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.add(tag)


def _open(file_name: str, data: bytes) -> None:
    """Open a downloaded file as its reader would, failing on a file that is not what its name says."""
    suffix = Path(file_name).suffix
    if suffix == ".docx":
        import docx

        assert docx.Document(io.BytesIO(data)).paragraphs
    elif suffix == ".pptx":
        import pptx

        assert len(pptx.Presentation(io.BytesIO(data)).slides) >= 1
    elif suffix == ".html":
        page = _Page()
        page.feed(data.decode("utf-8"))
        assert {"html", "body", "h1"} <= page.tags
    elif suffix == ".png":
        from PIL import Image

        with Image.open(io.BytesIO(data)) as image:
            assert image.format == "PNG" and image.size[0] > 0
    elif suffix == ".svg":
        assert ET.fromstring(data).tag.endswith("svg")
    elif suffix == ".csv":
        assert not pd.read_csv(io.BytesIO(data), sep=";", encoding="utf-8-sig").empty  # for Norwegian Excel
    elif suffix == ".xlsx":
        assert pd.read_excel(io.BytesIO(data), sheet_name=None, engine="openpyxl")
    else:
        raise AssertionError(f"a download of an unknown kind: {file_name}")


def _groupings(data: bytes, name: str) -> dict[str, str | None]:
    """The three kinds of grouping this file offers: none, a single-choice question that can group, and a
    grouping column with a value under the minimum (pooled into «Øvrige»), where the file has them."""
    survey = read_file(data, name)
    out: dict[str, str | None] = {"none": None}
    choice = [it.column for it in survey.others if it.kind == "choice" and it.column in survey.groupable]
    if choice:
        out["choice"] = choice[0]
    for column in survey.group_candidates:
        sizes = group_values(survey.values_of(column)).value_counts()
        if (sizes < MIN_N).any() and (sizes >= MIN_N).sum() >= 2:
            out["pooled"] = column
            break
    return out


@pytest.fixture
def made(monkeypatch) -> dict[str, Callable[[], bytes]]:
    """The bytes each download button of the runs would make on a click, by file name."""
    found: dict[str, Callable[[], bytes]] = {}
    original = MediaFileManager.add_deferred

    def spy(self, data_callable, mimetype, coordinates, file_name=None, **kw):
        found[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name, **kw)

    monkeypatch.setattr(MediaFileManager, "add_deferred", spy)
    return found


@pytest.fixture(autouse=True)
def _clear_caches():
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.mark.parametrize("name", [*MADE, *GENERATED, *REAL, *(p for p in PUBLIC if not p.endswith(".sps"))])
def test_every_download_after_each_grouping_opens(name, made):
    data = _bytes(name)
    kinds = _groupings(data, Path(name).name)
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=180).run()
    at.file_uploader(key="upload").upload(Path(name).name, data, "application/octet-stream")
    at.run()
    assert not at.exception and not at.error
    offered = next(m for m in at.multiselect if m.key and m.key.startswith("groupings_"))
    offered.set_value(list(dict.fromkeys([*offered.value, *(c for c in kinds.values() if c)]))).run()
    opened: set[tuple[str, str]] = set()
    for kind, column in kinds.items():
        at.switch_page("pages/data.py").run()
        at.selectbox(key="data_group").set_value(column).run()
        for page in ("pages/data.py", "pages/results.py", "pages/report.py"):
            made.clear()
            at.switch_page(page).run()
            assert not at.exception, (kind, page)
            assert not [e.value for e in at.error], (kind, page)
            for file_name, make in made.items():
                _open(file_name, make())
                opened.add((kind, Path(file_name).suffix))
    for kind in kinds:  # each grouping gave the four reports and a table to open (a figure where one is drawn)
        assert {(kind, s) for s in (".docx", ".html", ".xlsx", ".pptx", ".csv")} <= opened, kind
    if name in ("ms_forms.csv", "EFC.sav", "ess_labels.csv"):  # files large enough for a figure in every grouping
        assert {(kind, s) for kind in kinds for s in (".png", ".svg")} <= opened
