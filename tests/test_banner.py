"""Two grouping columns crossed (rolle × pulje) as a banner table: each cell checked against a hand count of the
fixture (pandas), the hidden cell hidden, and no cell recoverable from the totals the other views show."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from lmp_core import SurveyError, read_codebook, read_file
from lmp_core.cli import main
from lmp_core.compute.view import ViewRequest, banner, make_view
from lmp_core.present.tables import banner_table
from tests.conftest import FIXTURES

SCALE = {"I svært liten grad": 1, "I liten grad": 2, "I noen grad": 3, "I stor grad": 4, "I svært stor grad": 5}


@pytest.fixture(scope="module")
def survey():
    codebook = read_codebook((FIXTURES / "lmp_ch2_3_codebook.csv").read_bytes(), "kodebok.csv")
    return read_file((FIXTURES / "lmp_ch2_3.csv").read_bytes(), "lmp_ch2_3.csv", codebook=codebook)


def test_each_cell_is_the_hand_count_and_the_small_cell_is_hidden(survey):
    request = ViewRequest.of(group="rolle", groupings=["rolle", "pulje"])
    parts = banner(survey, request, "pulje")
    assert [value for value, _ in parts] == ["1", "2"]
    raw = pd.read_csv(FIXTURES / "lmp_ch2_3.csv", dtype=str, keep_default_na=False)
    scores = raw["praksis_skoleutvikling"].map(SCALE)
    by_cell = scores.groupby([raw["rolle"], raw["pulje"]]).agg(["mean", "count"])
    table = banner_table(parts).set_index("Spørsmål")
    row = table.loc["skoleutvikling (Praksisendring)"]
    for role, pulje in (("Skoleleder", "1"), ("Skoleleder", "2"), ("Skoleeier", "2")):
        mean, n = by_cell.loc[(role, pulje)]
        assert row[f"{role} / {pulje}"] == f"{mean:.2f} ({int(n)})".replace(".", ",")
    # the report's 3 school owners of pulje 1 are under the minimum of 5: hidden in the banner ...
    assert row["Skoleeier / 1"] == ":" and by_cell.loc[("Skoleeier", "1"), "count"] == 3
    # ... and not recoverable: the owners' total in the rolle view is the sum of the cells shown
    total = make_view(survey, request).summary(["praksis_skoleutvikling"]).items[0].group("Skoleeier")
    owners_2 = parts[1][1].item("praksis_skoleutvikling").group("Skoleeier")
    assert total.n == owners_2.n == 7 and total.mean == pytest.approx(owners_2.mean)


def test_only_a_protected_column_can_cross(survey):
    with pytest.raises(SurveyError) as err:
        banner(survey, ViewRequest.of(group="rolle", groupings=["rolle"]), "pulje")
    assert err.value.key == "not_a_group_column"
    with pytest.raises(SurveyError):
        banner(survey, ViewRequest.of(group="rolle", groupings=["rolle", "pulje"]), "rolle")


def test_the_json_has_the_banner(capsys):
    assert main(["summarize", str(FIXTURES / "lmp_ch2_3.csv"), "--codebook", str(FIXTURES / "lmp_ch2_3_codebook.csv"),
                 "--group", "rolle", "--groupings", "rolle,pulje", "--banner", "pulje", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)["banner"]
    assert out["by"] == "pulje" and [v["value"] for v in out["values"]] == ["1", "2"]
    owners_1 = next(s for s in out["values"][0]["items"][0]["stats"] if s["group"] == "Skoleeier")
    assert owners_1["n"] is None and owners_1["mean"] is None


def test_the_results_page_shows_the_banner_table():
    from streamlit.testing.v1 import AppTest

    from tests.apptest import plain, plain_frame
    from tests.conftest import ROOT

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    key = next(k for k in at.session_state if str(k).startswith("groupings_"))
    at.multiselect(key=key).set_value(["rolle", "pulje"]).run()
    at.switch_page("pages/results.py").run()
    at.selectbox(key="banner_by").set_value("pulje").run()
    assert not at.exception
    # the heading names the file's columns, escaped for Markdown; a reader sees them as written
    assert any(plain(h.value) == "Krysstabell: rolle × pulje" for h in at.subheader)
    banner_frame = next(plain_frame(t.value) for t in at.table if "Skoleeier / 1" in plain_frame(t.value).columns)
    assert set(banner_frame["Skoleeier / 1"]) == {":"}
