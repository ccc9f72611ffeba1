"""Fieldwork on the report's own design: 63 schools and 24 municipalities invited (report 1.1),
the fixture's 36 + 10 respondents matched to them, checked against counts worked out by hand."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from lmp_core import SurveyError, read_file
from lmp_core.cli import main
from lmp_core.compute.fieldwork import _represent, display_table, fieldwork, normalize_id
from lmp_core.compute.stats import note_text
from lmp_core.read.invitations import read_table
from tests.apptest import plain_frame
from tests.conftest import FIXTURES

# Report ch. 1: pulje 1 had 21 schools, pulje 2 "40 skoler og 18 kommuner"; 63 schools were invited in
# all, so the two schools the text does not place are put in pulje 2 (42). The fixture's respondents:
# Skoleleder 12 in pulje 1 and 24 in pulje 2; Skoleeier 3 and 7.
SCHOOLS = {"1": 21, "2": 42}
MUNICIPALITIES = {"1": 6, "2": 18}


def _invitation_list() -> pd.DataFrame:
    fixture = pd.read_csv(FIXTURES / "lmp_ch2_3.csv", dtype=str)
    rows = []
    for role, sizes in (("Skoleleder", SCHOOLS), ("Skoleeier", MUNICIPALITIES)):
        for pulje, size in sizes.items():
            answered = fixture[(fixture.rolle == role) & (fixture.pulje == pulje)]["respondent_id"].tolist()
            # the list writes ids its own way: lower case with a space ("r 05"); matching must not care
            rows += [{"enhet_id": f"{i[0].lower()} {i[1:]}", "rolle": role, "pulje": pulje, "fylke": "Trøndelag"}
                     for i in answered]
            rows += [{"enhet_id": f"N-{role[6:9]}-{pulje}-{k:02d}", "rolle": role, "pulje": pulje, "fylke": "Nordland"}
                     for k in range(size - len(answered))]
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def responses():
    frame = pd.read_csv(FIXTURES / "lmp_ch2_3.csv", dtype=str, keep_default_na=False)
    frame["innsendt"] = [f"{10 + i % 20:02d}.09.2016 {8 + i % 10:02d}:15" for i in range(len(frame))]
    frame.loc[3, "innsendt"] = "i går"  # unreadable
    extra = frame.iloc[[4]].copy()  # R05 answered twice
    unknown = frame.iloc[[5]].copy()
    unknown["respondent_id"] = "X99"  # an id nobody was invited with
    frame = pd.concat([frame, extra, unknown], ignore_index=True)
    return read_file(frame.to_csv(index=False).encode(), "svar.csv")


@pytest.fixture(scope="module")
def result(responses):
    return fieldwork(responses, _invitation_list(), group="rolle")


def test_counts_and_response_rates(result):
    progress = result.progress.set_index("group")
    # report 1.1: 36 of 63 schools (57 %), 10 of 24 municipalities (42 %)
    assert (progress.loc["Skoleleder", "invited"], progress.loc["Skoleleder", "answered"]) == (63, 36)
    assert (progress.loc["Skoleeier", "invited"], progress.loc["Skoleeier", "answered"]) == (24, 10)
    assert round(progress.loc["Skoleleder", "response_rate"]) == 57
    assert round(progress.loc["Skoleeier", "response_rate"]) == 42
    assert (progress.loc["Total", "invited"], progress.loc["Total", "answered"]) == (87, 46)


def test_non_respondents_are_the_27_schools_and_14_municipalities(result):
    nr = result.non_respondents
    assert len(nr) == (63 - 36) + (24 - 10)
    assert (nr.rolle == "Skoleleder").sum() == 27 and (nr.rolle == "Skoleeier").sum() == 14
    assert set(nr.columns) == {"enhet_id", "rolle", "pulje", "fylke"}  # invitation-list fields only
    assert nr.enhet_id.str.startswith("N-").all()


def test_unmatched_duplicates_and_dates_are_listed(result):
    assert result.unmatched_ids == ("x99",)
    assert result.duplicates == (("r05", 2),)
    assert result.unreadable_dates == ("i går",)
    texts = [note_text(k, p, "nb") for k, p in result.notes]
    assert any("x99" in t for t in texts) and any("r05 (2)" in t for t in texts) and any("i går" in t for t in texts)


def _fisher_two_sided(a: int, b: int, c: int, d: int) -> float:
    """Fisher's exact test by hand: hypergeometric tables as or less likely than the observed one."""
    row1, col1, n = a + b, a + c, a + b + c + d

    def prob(x: int) -> float:
        return math.comb(col1, x) * math.comb(n - col1, row1 - x) / math.comb(n, row1)

    observed = prob(a)
    lo, hi = max(0, row1 - (n - col1)), min(row1, col1)
    return sum(prob(x) for x in range(lo, hi + 1) if prob(x) <= observed * (1 + 1e-7))


def test_representativeness_by_pulje_and_role(result):
    by = {r.characteristic: r for r in result.representation}
    pulje = by["pulje"].table.set_index("category")
    # pulje 1: 21 + 6 = 27 invited, 12 + 3 = 15 answered; pulje 2: 42 + 18 = 60 invited, 24 + 7 = 31 answered
    assert (pulje.loc["1", "invited"], pulje.loc["1", "answered"]) == (27, 15)
    assert (pulje.loc["2", "invited"], pulje.loc["2", "answered"]) == (60, 31)
    assert pulje.loc["1", "share_invited"] == pytest.approx(100 * 27 / 87)
    assert pulje.loc["1", "share_answered"] == pytest.approx(100 * 15 / 46)
    assert pulje.loc["1", "response_rate"] == pytest.approx(100 * 15 / 27)
    assert by["pulje"].test == "fisher"
    assert by["pulje"].test_name("nb") == "Fishers eksakte test"
    assert by["pulje"].test_name("en") == "Fisher's exact test"
    # answered/not answered by pulje: [[12 + 3 not... ]] -> rows pulje 1, 2; columns not answered, answered
    assert by["pulje"].p_value == pytest.approx(_fisher_two_sided(12, 15, 29, 31), rel=1e-9)
    role = by["rolle"]
    assert role.p_value == pytest.approx(_fisher_two_sided(27, 36, 14, 10), rel=1e-9) or \
        role.p_value == pytest.approx(_fisher_two_sided(14, 10, 27, 36), rel=1e-9)
    # 10 of 24 = 41.7 % against 46 of 87 = 52.9 % overall is 11 points lower, but p is far above 0.05: one
    # reading, and it does not also say that the school owners answered less often
    assert role.reading[0] == "fw_no_clear_difference"
    assert note_text(*role.reading, "nb").startswith("Ingen tydelig forskjell i svarprosent etter rolle (p = ")
    # the invented county split is total (every respondent from Trøndelag, every non-respondent from
    # Nordland) and must be flagged, with the two rates: 46 of 46 and 0 of 41
    caveats = result.caveats()
    assert [p["characteristic"] for _, p in caveats] == ["fylke"]
    assert note_text(*caveats[0], "nb") == (
        "Svarprosenten varierer tydelig med fylke (p < 0,001): fra 0,0\xa0% for Nordland til 100,0\xa0% for "
        "Trøndelag, mot 52,9\xa0% samlet. De som svarte speiler ikke de inviterte på dette punktet.")


def test_timeline_is_cumulative_per_group(result):
    timeline = result.timeline
    assert timeline is not None
    per_group = timeline.groupby("group")["answered"].max().to_dict()
    assert per_group == {"Skoleleder": 36 - 1, "Skoleeier": 10} or per_group == {"Skoleleder": 36, "Skoleeier": 10 - 1}
    assert timeline["time"].is_monotonic_increasing


def test_a_group_under_the_minimum_shows_no_count_rate_or_line(responses, capsys, tmp_path):
    # with a minimum of 11 the 10 responding school owners are a small group: their count and rate are
    # not printed anywhere (table, JSON, timeline, readings), and the test statistic that would give them
    # is left out; the p-value and the total stay
    result = fieldwork(responses, _invitation_list(), group="rolle", min_group_size=11)
    progress = result.progress.set_index("group")
    assert progress.loc["Skoleeier", "held"] and pd.isna(progress.loc["Skoleeier", "answered"])
    assert pd.isna(progress.loc["Skoleeier", "response_rate"])
    assert progress.loc["Skoleleder", "answered"] == 36 and progress.loc["Total", "answered"] == 46
    shown = display_table(result.progress, "nb", 11).set_index("Gruppe")
    assert shown.loc["Skoleeier", "Svart"] == "færre enn 11" and shown.loc["Skoleeier", "Svarprosent"] == "–"
    assert set(result.timeline["group"]) == {"Skoleleder"}
    role = {r.characteristic: r for r in result.representation}["rolle"]
    assert role.statistic is None and role.p_value is not None
    assert "Skoleeier" not in note_text(*role.reading, "nb")
    assert "fw_held" in [k for k, _ in result.notes]
    dumped = json.dumps(result.to_dict(), default=str)
    assert "41.6" not in dumped and '"answered": 10' not in dumped
    # the command line passes its minimum through
    answers, invited = tmp_path / "svar.csv", tmp_path / "inviterte.csv"
    answers.write_bytes(responses_with_times())
    invited.write_bytes(invitation_csv())
    assert main(["fieldwork", str(answers), "--invited", str(invited), "--group", "rolle",
                 "--min-group-size", "11"]) == 0
    out = json.loads(capsys.readouterr().out)
    owners = next(row for row in out["progress"] if row["group"] == "Skoleeier")
    assert owners["answered"] is None and owners["held"] is True


def test_ids_match_tolerantly():
    assert normalize_id(" 007") == normalize_id("7") == "7"
    assert normalize_id("R 05") == normalize_id("r05")


def test_duplicate_invited_ids_are_an_error(responses):
    bad = _invitation_list()
    bad.loc[1, "enhet_id"] = bad.loc[0, "enhet_id"]
    with pytest.raises(SurveyError, match="invitation list"):
        fieldwork(responses, bad)


def test_command_line(tmp_path, capsys, responses):
    invited = tmp_path / "inviterte.csv"
    _invitation_list().to_csv(invited, index=False, sep=";", encoding="cp1252")  # as Norwegian Excel writes it
    answers = tmp_path / "svar.csv"
    frame = pd.read_csv(FIXTURES / "lmp_ch2_3.csv", dtype=str, keep_default_na=False)
    frame.to_csv(answers, index=False)
    assert main(["fieldwork", str(answers), "--invited", str(invited), "--id", "respondent_id", "--group", "rolle"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["invited"] == 87 and out["answered"] == 46 and len(out["non_respondents"]) == 41
    assert main(["fieldwork", str(answers), "--invited", str(invited), "--format", "csv"]) == 0
    assert capsys.readouterr().out.count("\n") == 42  # header + 41 units to remind
    (tmp_path / "empty.csv").write_bytes(b"")
    assert main(["fieldwork", str(answers), "--invited", str(tmp_path / "empty.csv")]) == 2
    assert capsys.readouterr().err.startswith("error:")


def test_read_table_excel(tmp_path):
    path = tmp_path / "inv.xlsx"
    _invitation_list().to_excel(path, index=False)
    assert len(read_table(path.read_bytes(), path.name)) == 87


def responses_with_times() -> bytes:
    """The fixture with a submission time column, as a web survey exports it (also for the browser test)."""
    frame = pd.read_csv(FIXTURES / "lmp_ch2_3.csv", dtype=str, keep_default_na=False)
    frame["innsendt"] = [f"{1 + i % 28:02d}.09.2016 {8 + i % 10:02d}:15" for i in range(len(frame))]
    return frame.to_csv(index=False).encode()


def invitation_csv() -> bytes:
    return _invitation_list().to_csv(index=False).encode()


def test_app_fieldwork_page():
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    at.file_uploader(key="upload").upload("svar.csv", responses_with_times(), "text/csv")
    at.run()
    at.switch_page("pages/fieldwork.py").run()
    assert at.info  # without an invitation list: what one would add
    at.file_uploader(key="invited_upload").upload("inviterte.csv", invitation_csv(), "text/csv")
    at.run()
    assert not at.exception and not at.error
    progress = plain_frame(at.table[0].value).reset_index()
    assert progress["Invitert"].tolist() == [63, 24, 87] and progress["Svart"].tolist() == [36, 10, 46]
    assert progress["Svarprosent"].tolist() == ["57,1\xa0%", "41,7\xa0%", "52,9\xa0%"]
    assert progress["Gruppe"].tolist()[-1] == "Totalt"
    assert [(m.label, m.value) for m in at.metric] == [("Invitert", "87"), ("Svart", "46"), ("Ikke svart", "41")]
    assert any(h.value == "Ikke svart (41) – til neste påminnelse" for h in at.subheader)
    # one reading per characteristic, the test named in Norwegian
    assert any(c.value.endswith("Fishers eksakte test") for c in at.caption)
    assert not any("svarte sjeldnere" in x.value for x in at.text)
    assert len(at.get("vega_lite_chart")) == 1  # responses over time
    nonrespondents = at.dataframe[0].value
    assert len(nonrespondents) == 41 and set(nonrespondents.columns) == {"enhet_id", "rolle", "pulje", "fylke"}
    at.multiselect(key="fw_nr_filter").set_value(["Skoleeier"]).run()
    assert len(at.dataframe[0].value) == 14
    at.text_input(key="fw_reminders").input("05.09.2016, 19.09.2016, snart").run()
    assert any("snart" in w.value for w in at.warning)
    # the county caveat reaches the results page's caveat panel
    at.switch_page("pages/results.py").run()
    assert any("fylke" in w.value for w in at.warning)
    # the list's invited numbers are the response rates' denominators: the Data page shows them entered,
    # and the report's data section gives the report's 57 and 42 per cent (section 1.1)
    at.switch_page("pages/data.py").run()
    assert any("36 av 63" in c.value for c in at.caption)
    at.switch_page("pages/report.py").run()
    data = next(x.value for x in at.text if x.value.startswith("Undersøkelsen ble besvart av"))
    assert "36 av 63 i gruppen Skoleleder (57 prosent)" in data and "10 av 24 i gruppen Skoleeier (42 prosent)" in data
    # a minimum of 11 set on the Data page makes the 10 owners a small group on this page too
    at.switch_page("pages/data.py").run()
    at.number_input(key="min_n_widget").set_value(11).run()
    at.switch_page("pages/fieldwork.py").run()
    at.file_uploader(key="invited_upload").upload("inviterte.csv", invitation_csv(), "text/csv")
    at.run()
    progress = plain_frame(at.table[0].value).reset_index()
    assert progress["Svart"].tolist() == ["36", "færre enn 11", "46"]
    assert "41,7\xa0%" not in progress["Svarprosent"].tolist()


def test_placeholder_dates_are_listed_not_a_crash(tmp_path, capsys):
    # 0001-01-01 and 9999-12-31 are what some systems write for "no date"; they once crashed the page and CLI
    invited = tmp_path / "inviterte.csv"
    _invitation_list().to_csv(invited, index=False)
    answers = tmp_path / "svar.csv"
    frame = pd.read_csv(FIXTURES / "lmp_ch2_3.csv", dtype=str, keep_default_na=False)
    frame["innsendt"] = ["0001-01-01", "9999-12-31"] + ["2016-09-01 10:00"] * (len(frame) - 2)
    frame.to_csv(answers, index=False)
    assert main(["fieldwork", str(answers), "--invited", str(invited), "--id", "respondent_id",
                 "--time", "innsendt"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["unreadable_dates"] == ["0001-01-01", "9999-12-31"]


def test_one_reading_per_characteristic_small_gap_and_no_test():
    # 2,000 units in two categories: 50 % against 56 % answered (hand count: 500/1000 and 560/1000) is
    # significant with this many units (chi-square), yet no category is 10 points from the overall 53 %
    answered = pd.Series([True] * 500 + [False] * 500 + [True] * 560 + [False] * 440)
    categories = pd.Series(["a"] * 1000 + ["b"] * 1000)
    rep = _represent(categories, answered, "region")
    assert rep.test == "fisher" and rep.p_value < 0.05
    assert rep.reading[0] == "fw_small_difference" and not rep.is_caveat
    assert note_text(*rep.reading, "en") == (
        "The response rate varies a little by region (p = 0.008), from 50.0% for a to 56.0% for b (53.0% "
        "overall); no category is 10 percentage points or more from the overall rate.")
    # one category only: nothing to test, said once
    single = _represent(pd.Series(["a"] * 10), pd.Series([True, False] * 5), "region")
    assert single.test == "none" and single.reading[0] == "fw_no_test"


def test_without_a_group_the_one_progress_row_is_the_total(responses):
    result = fieldwork(responses, _invitation_list())
    assert result.progress["group"].tolist() == ["Total"]
    assert display_table(result.progress, "nb").iloc[0, 0] == "Totalt"


def test_the_example_invitation_list_fits_the_demo():
    # the Fieldwork page offers this list with the demo; matched to the demo's respondents it gives the
    # report's section 1.1 (36 of 63 schools, 10 of 24 municipalities) and feeds those as populations
    from lmp_app.state import DEMO_FILE, EXAMPLE_INVITATIONS

    demo = read_file(DEMO_FILE.read_bytes(), DEMO_FILE.name)
    invited = read_table(EXAMPLE_INVITATIONS.read_bytes(), EXAMPLE_INVITATIONS.name)
    result = fieldwork(demo, invited, group="rolle")
    assert (result.invited, result.answered) == (87, 46)
    assert result.invited_by_group() == {"Skoleleder": 63, "Skoleeier": 24}
    assert not result.unmatched_ids and len(result.non_respondents) == 41
