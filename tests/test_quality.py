"""Data-quality flags (lmp_core.compute.quality): planted respondents, independent references, the leave-out choice."""

from __future__ import annotations

import io
import json

import numpy as np
import pandas as pd
import pytest

from lmp_core.base.errors import SurveyError
from lmp_core.compute.quality import (
    CHECKS,
    QualityChoice,
    Thresholds,
    apply_choice,
    irv,
    longstring,
    quality,
    quality_columns,
    with_and_without,
)
from lmp_core.compute.stats import note_text
from lmp_core.load import read_file
from tests import planted
from tests.conftest import FIXTURES
from tests.planted import planted_rows, qualtrics_csv

PLANTED = {"speeding": planted.SPEEDERS, "straightlining": planted.STRAIGHT, "low_variability": (),
           "nonresponse": planted.NONRESPONSE, "duplicate_answers": tuple(planted.DUPLICATE_OF),
           "duplicate_id": tuple(planted.SAME_ID), "breakoff": planted.BREAKOFF}


@pytest.fixture(scope="module")
def survey():
    return read_file(qualtrics_csv(), "planted.csv")


@pytest.mark.parametrize("check", CHECKS)
def test_each_flag_finds_exactly_the_planted_respondents(survey, check):
    found = quality(survey)
    assert tuple(np.flatnonzero(found.flags[check])) == PLANTED[check]


def test_the_metadata_columns_are_found_by_name_and_content(survey):
    columns = quality_columns(survey)
    assert (columns.duration, columns.start, columns.end, columns.finished, columns.id) == \
        ("Duration (in seconds)", "StartDate", "EndDate", "Finished", "ResponseId")


def test_speeders_from_start_and_end_times_and_breakoffs_from_the_answers():
    # without the duration and Finished columns: the times from StartDate/EndDate, the break-off from where the
    # answers stop; the same planted respondents
    data = pd.read_csv(io.BytesIO(qualtrics_csv()), skiprows=[1, 2], dtype=str, keep_default_na=False)
    data = data.drop(columns=["Duration (in seconds)", "Finished", "Progress"])
    found = quality(read_file(data.to_csv(index=False).encode(), "no_duration.csv"))
    assert found.columns.duration is None and found.columns.start == "StartDate"
    assert tuple(np.flatnonzero(found.flags["speeding"])) == planted.SPEEDERS
    assert tuple(np.flatnonzero(found.flags["breakoff"])) == planted.BREAKOFF


def test_the_duration_rule_against_pandas(survey):
    # The file in Qualtrics' layout (no shared real export has a duration column, see tests/planted.py), read by
    # pandas on its own: faster than half the median of 'Duration (in seconds)' (mktginc.com's rule)
    raw = pd.read_csv(io.BytesIO(qualtrics_csv()), skiprows=[1, 2])
    seconds = raw["Duration (in seconds)"].astype(float)
    expected = (seconds < 0.5 * seconds.median()).to_numpy()
    found = quality(survey)
    assert found.median_seconds == seconds.median()
    assert (found.flags["speeding"] == expected).all() and expected.sum() == 3
    # the threshold is editable: at 0.6 × the median more are caught, as pandas says
    wider = quality(survey, Thresholds(speed_ratio=0.6))
    assert (wider.flags["speeding"] == (seconds < 0.6 * seconds.median()).to_numpy()).all()


def test_longstring_against_careless_published_test_data():
    # R careless tests/testthat/test-longstring.R with inst/testdata/lonstring-test-data.csv (ryentes/careless):
    # row i (1..9) is 10·i ones then 0,1,0,1…; row 10 is blocks of ten 1s and 0s; expected c(1:9*10, 10)
    rows = [[1] * (10 * i) + [0, 1] * ((100 - 10 * i) // 2) for i in range(1, 10)]
    rows.append(([1] * 10 + [0] * 10) * 5)
    assert longstring(np.array(rows, dtype=float)).tolist() == [10, 20, 30, 40, 50, 60, 70, 80, 90, 10]


def test_longstring_missing_rule_by_hand():
    # hand count: a blank breaks a run and is no run of its own
    values = np.array([[2, 2, np.nan, 2, 2, 2], [np.nan] * 6, [1, 2, 3, 4, 5, 5]])
    assert longstring(values).tolist() == [3, 0, 2]


def test_irv_against_careless_published_example():
    # R careless tests/testthat/test-irv.R, "example testdata taken from Curran 2016": rows rep(3,10),
    # 1..5 twice, five 1s then five 5s; SD with n−1 by hand: 0, sqrt(20/9), sqrt(40/9)
    data = np.array([[3] * 10, [1, 2, 3, 4, 5] * 2, [1] * 5 + [5] * 5], dtype=float)
    assert irv(data) == pytest.approx([0.0, (20 / 9) ** 0.5, (40 / 9) ** 0.5])


def test_longstring_share_and_irv_over_a_grid(survey):
    found = quality(survey)
    row = planted.STRAIGHT[0]
    assert found.longstring_share[row] == 1.0 and found.irv[row] == 0.0
    # the break-off answered Q1_1..Q1_3: a run of at most 3 of 6
    assert found.longstring_share[planted.BREAKOFF[0]] <= 0.5
    # low variability flags when the user sets a threshold (the default 0 flags nobody)
    assert tuple(np.flatnonzero(quality(survey, Thresholds(irv_below=0.01)).flags["low_variability"])) == \
        planted.STRAIGHT


def test_grids_shorter_than_the_minimum_are_not_judged(survey):
    found = quality(survey, Thresholds(min_grid=7))
    assert found.count("straightlining") == 0 and "straightlining" not in found.available


def test_at_least_two_flags():
    rows = planted_rows()
    rows[planted.STRAIGHT[0]]["Duration (in seconds)"] = 20  # a straight-liner who is also fast
    found = quality(read_file(qualtrics_csv(rows), "two.csv"))
    assert found.at_least(2) == 1
    assert found.at_least(1) == sum(len(v) for v in PLANTED.values())  # the others are flagged once each


def test_to_dict_has_counts_and_no_respondent(survey):
    out = quality(survey).to_dict()
    assert out["checks"]["speeding"] == {"flagged": 3, "available": True}
    assert out["any"] == 11 and out["at_least_two"] == 0
    assert "R_003" not in repr(out)


def test_choice_spec_round_trip_and_bad_spec():
    choice = QualityChoice.parse("speeding; breakoff; speed_ratio=0,4; min_grid=5")
    assert choice.leave_out == ("speeding", "breakoff") and choice.thresholds.min_grid == 5
    assert choice.spec() == "speeding;breakoff;speed_ratio=0.4;min_grid=5"
    with pytest.raises(SurveyError, match="fast"):
        QualityChoice.parse("fast")
    with pytest.raises(SurveyError, match="speed_ratio"):
        QualityChoice.parse("speed_ratio=3")


def test_leaving_out_keeps_the_file_and_says_so(survey):
    chosen = apply_choice(survey, QualityChoice(("speeding", "straightlining", "breakoff")), min_group_size=5)
    assert chosen.left_out == 8 and chosen.survey.n_rows == planted.N - 8 and survey.n_rows == planted.N
    assert note_text(*chosen.notes[0], "nb").startswith("8 respondenter med flagg er holdt utenfor")
    assert chosen.survey.notes[-1] == chosen.notes[0]  # every view of the survey shows it


def test_too_few_flagged_are_not_left_out(survey):
    # three speeders, minimum five: leaving them out would let their answers be worked out
    chosen = apply_choice(survey, QualityChoice(("speeding",)), min_group_size=5)
    assert chosen.left_out == 0 and chosen.survey is survey and chosen.notes[0][0] == "quality_too_few"
    assert apply_choice(survey, QualityChoice(("speeding",)), min_group_size=3).left_out == 3


def test_with_and_without_against_pandas(survey):
    choice = QualityChoice(("speeding", "straightlining", "breakoff"))
    chosen = apply_choice(survey, choice, min_group_size=5)
    changes = {c.column: c for c in with_and_without(survey, chosen, min_group_size=5)}
    raw = pd.read_csv(io.BytesIO(qualtrics_csv()), skiprows=[1, 2], keep_default_na=False)
    out = np.zeros(len(raw), dtype=bool)
    out[[*planted.SPEEDERS, *planted.STRAIGHT, *planted.BREAKOFF]] = True
    score = {label: i + 1 for i, label in enumerate(planted.LABELS)}
    for column in ("Q1_1", "Q2_4"):
        for rows, top, mean in ((raw, "top_with", "mean_with"), (raw[~out], "top_without", "mean_without")):
            values = rows[column][rows[column] != ""].map(score)
            assert getattr(changes[column], top) == pytest.approx(100 * (values >= 4).mean())
            assert getattr(changes[column], mean) == pytest.approx(values.mean())
    assert changes["Q1_1"].top_change == pytest.approx(changes["Q1_1"].top_without - changes["Q1_1"].top_with)
    # nothing left out: no comparison (it would show the few left out)
    assert with_and_without(survey, apply_choice(survey, QualityChoice(("speeding",)), min_group_size=5),
                            min_group_size=5) == ()


def test_finished_as_true_false_is_read_and_flags_breakoffs():
    # Qualtrics writes Finished as True/False in a label export: the reader once failed on a boolean column
    data = qualtrics_csv().decode().splitlines()
    head = data[0].split(",")
    at = head.index("Finished")
    rows = [line.split(",") for line in data[3:]]
    for row in rows:
        row[at] = "True" if row[at] == "1" else "False"
    text = "\n".join([*data[:3], *(",".join(r) for r in rows)]) + "\n"
    found = quality(read_file(text.encode(), "truefalse.csv"))
    assert tuple(np.flatnonzero(found.flags["breakoff"])) == planted.BREAKOFF


# --- the setup's choice on the command line: the JSON and the report alike -------------------------------------

CAVEAT = "8 respondenter med flagg er holdt utenfor"


@pytest.fixture
def files(tmp_path):
    from lmp_core.cli import main

    data = tmp_path / "planted.csv"
    data.write_bytes(qualtrics_csv())
    plain = tmp_path / "setup.csv"
    with open(plain, "w", encoding="utf-8") as out:
        import contextlib

        with contextlib.redirect_stdout(out):
            assert main(["setup", str(data), "--groupings", "Rolle"]) == 0
    setup = pd.read_csv(plain, dtype=str, keep_default_na=False)
    setup.loc[0, "quality"] = "speeding;straightlining;breakoff"
    chosen = tmp_path / "setup_quality.csv"
    setup.to_csv(chosen, index=False)
    return data, plain, chosen


def _summarize(capsys, *args):
    from lmp_core.cli import main

    assert main(["summarize", *map(str, args), "--format", "json", "--group", "Rolle"]) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_quality_counts_and_the_choice_change_the_json(capsys, files):
    data, plain, chosen = files
    kept = _summarize(capsys, data, "--codebook", plain, "--quality")
    assert kept["quality"]["checks"]["speeding"]["flagged"] == 3 and kept["quality"]["left_out"] == 0
    assert kept["quality"]["with_without"] == [] and sum(g["respondents"] for g in kept["groups"]) == planted.N
    out = _summarize(capsys, data, "--codebook", chosen, "--quality")
    assert out["quality"]["choice"] == "speeding;straightlining;breakoff" and out["quality"]["left_out"] == 8
    assert sum(g["respondents"] for g in out["groups"]) == planted.N - 8
    assert any(w.startswith(CAVEAT) for w in out["warnings"])
    # the choice applies to every call with the setup, with --quality or without
    plain_call = _summarize(capsys, data, "--codebook", chosen)
    assert "quality" not in plain_call and plain_call["groups"] == out["groups"]
    # the counts in the JSON against pandas on the file without the planted rows
    raw = pd.read_csv(io.BytesIO(qualtrics_csv()), skiprows=[1, 2], keep_default_na=False)
    raw = raw.drop(index=[*planted.SPEEDERS, *planted.STRAIGHT, *planted.BREAKOFF])
    q = next(i for i in out["items"] if i["column"] == "Q2_2")
    lærer = next(s for s in q["stats"] if s["group"] == "Lærer")
    assert lærer["n"] == ((raw["Rolle"] == "Lærer") & (raw["Q2_2"] != "")).sum()


def test_setup_keeps_the_choice(capsys, files):
    from lmp_core.cli import main

    data, _, chosen = files
    assert main(["setup", str(data), "--codebook", str(chosen)]) == 0
    again = pd.read_csv(io.StringIO(capsys.readouterr().out), dtype=str, keep_default_na=False)
    assert again.loc[0, "quality"] == "speeding;straightlining;breakoff"


def test_the_report_says_it_and_counts_the_same(capsys, files, tmp_path):
    from lmp_core.cli import main

    data, _, chosen = files
    out = tmp_path / "r.html"
    assert main(["report", str(data), "--codebook", str(chosen), "--group", "Rolle", "--out", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert CAVEAT in html
    # the report's group sizes are the JSON's with the same setup: the eight planted are all "Leder" (30 − 8)
    leder = next(g for g in _summarize(capsys, data, "--codebook", chosen)["groups"] if g["name"] == "Leder")
    assert leder["respondents"] == 22 and "Leder (n=22)" in html
    assert main(["report", str(data), "--group", "Rolle", "--groupings", "Rolle", "--out", str(out)]) == 0
    assert "med flagg er holdt utenfor" not in out.read_text(encoding="utf-8")


def test_quality_needs_respondent_rows(capsys):
    from lmp_core.cli import main

    # counted as it is read (--stream): no rows to judge, one line saying so
    assert main(["summarize", str(FIXTURES / "lmp_ch2_3_coded.csv"), "--stream", "--codebook",
                 str(FIXTURES / "lmp_ch2_3_codebook.csv"), "--quality", "--format", "json"]) == 2
    assert "datakvalitet kan bare kontrolleres" in capsys.readouterr().err
    assert main(["summarize", str(FIXTURES / "lmp_ch2_3.csv"), "--quality", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["quality"]["left_out"] == 0


# --- the app: the Data page's choice reaches the results page ------------------------------------------------

def test_app_data_page_choice_changes_the_results_view(capsys, files):
    from streamlit.testing.v1 import AppTest

    from tests.apptest import plain
    from tests.conftest import ROOT

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    at.file_uploader(key="upload").upload("planted.csv", qualtrics_csv(), "text/csv")
    at.run()
    assert not at.exception
    texts = [plain(str(x.value)) for x in at.table]
    assert any("For rask" in x for x in texts)
    leave = next(m for m in at.multiselect if m.key.startswith("quality_leave_"))
    leave.set_value(["speeding", "straightlining", "breakoff"]).run()
    assert not at.exception
    assert any(plain(i.value).startswith(CAVEAT) for i in at.info)
    at.switch_page("pages/results.py").run()
    assert not at.exception
    shown = " ".join(plain(w.value) for w in [*at.warning, *at.info, *at.caption])
    assert CAVEAT in shown
    for other in ("pages/comments.py", "pages/fieldwork.py", "pages/waves.py"):  # pages without a summary say it too
        at.switch_page(other).run()
        assert not at.exception and any(plain(i.value).startswith(CAVEAT) for i in at.info), other
    at.switch_page("pages/results.py").run()
    # the view's numbers are the command line's with the same setup choice
    data, _, chosen = files
    out = _summarize(capsys, data, "--codebook", chosen)
    q = next(i for i in out["items"] if i["column"] == "Q1_2")
    table = plain_frame_first(at)
    n_col = next(c for c in table.columns if c.endswith(" n") and "Leder" in c)  # the planted are all Leder
    row = table[table["Spørsmål"].str.contains("Q1_2")].iloc[0]
    assert int(row[n_col]) == next(s["n"] for s in q["stats"] if s["group"] == "Leder") < 30


def plain_frame_first(at):
    from tests.apptest import plain_frame

    return plain_frame(at.table[0].value).reset_index() if at.table else at.dataframe[0].value


def test_a_time_column_the_user_names():
    # a duration column under a name no rule knows, and no start and end times: speeding needs the user's choice
    data = pd.read_csv(io.BytesIO(qualtrics_csv()), skiprows=[1, 2], dtype=str, keep_default_na=False)
    data = data.drop(columns=["StartDate", "EndDate", "RecordedDate"]).rename(
        columns={"Duration (in seconds)": "Sekunder"})
    survey = read_file(data.to_csv(index=False).encode(), "own_names.csv")
    assert "speeding" not in quality(survey).available
    choice = QualityChoice.parse("speeding;duration=Sekunder")
    assert choice.spec() == "speeding;duration=Sekunder"
    chosen = apply_choice(survey, choice, min_group_size=3)
    assert tuple(np.flatnonzero(chosen.quality.flags["speeding"])) == planted.SPEEDERS and chosen.left_out == 3
    with pytest.raises(SurveyError, match="Tid"):
        apply_choice(survey, QualityChoice.parse("duration=Tid"), min_group_size=3)


def test_never_fewer_than_the_minimum_left_out_of_a_protected_group(survey):
    # the copy (row 50) is a Lærer, the rest are Leder: with Rolle protected, one Lærer left out could be worked
    # out by comparing the Lærer figures with and without; so nobody is left out
    choice = QualityChoice(("speeding", "straightlining", "breakoff", "duplicate_answers"))
    assert apply_choice(survey, choice, min_group_size=5).left_out == 9
    chosen = apply_choice(survey, choice, min_group_size=5, groupings=("Rolle",))
    assert chosen.left_out == 0 and chosen.notes[0][0] == "quality_too_few_in_group"
    kept = apply_choice(survey, QualityChoice(choice.leave_out[:3]), min_group_size=5, groupings=("Rolle",))
    assert kept.left_out == 8


def test_nettskjema_answer_time_in_milliseconds():
    # Nettskjema's last column $answer_time_ms (notes: survey-tool-exports.md § Nettskjema); hand count: eight at
    # 600 000 ms and two at 100 000 ms, median 600 s, half of it 300 s: the two fast ones
    times = [600_000] * 8 + [100_000] * 2
    rows = [f"{i},{['I stor grad', 'I liten grad'][i % 2]},{t}" for i, t in enumerate(times)]
    survey = read_file(("$submission_id,q1,$answer_time_ms\n" + "\n".join(rows) + "\n").encode(), "ns.csv")
    found = quality(survey)
    assert found.columns.duration == "$answer_time_ms" and found.median_seconds == 600.0
    assert tuple(np.flatnonzero(found.flags["speeding"])) == (8, 9)


def test_the_table_and_chart_show_counts_only(survey):
    from lmp_core.present.quality import change_table, quality_chart, quality_table

    found = quality(survey)
    table = quality_table(found, lang="nb").set_index("Kontroll")
    assert table.loc["For rask", "Flaggede respondenter"] == "3" and table.loc["Avbrutt", "Flaggede respondenter"] == "2"
    assert "0,50 × medianen" in table.loc["For rask", "Regel"]
    spec = quality_chart(found, lang="nb").to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert {r["check"]: r["n"] for r in rows} == {
        "For rask": 3, "Samme svar i hele temaet": 3, "Lav variasjon": 0, "Mange ubesvarte": 1,
        "Like svar som en annen": 1, "Samme id to ganger": 1, "Avbrutt": 2, "Minst to flagg": 0}
    assert "R_0" not in repr(spec) and "R_0" not in table.to_string()
    chosen = apply_choice(survey, QualityChoice(("speeding", "straightlining", "breakoff")), min_group_size=5)
    changes = change_table(with_and_without(survey, chosen, min_group_size=5), lang="nb")
    assert len(changes) == 12 and "Endring (prosentpoeng)" in changes.columns


def test_never_fewer_than_the_minimum_answers_to_a_question_left_out(survey):
    # three speeders answered everything, the two break-offs only Q1_1..Q1_3: leaving out both checks removes
    # five respondents but only three answers to Q1_4, which a comparison would show
    choice = QualityChoice(("speeding", "breakoff"))
    refused = apply_choice(survey, choice, min_group_size=5)
    assert refused.left_out == 0 and refused.notes[0][0] == "quality_too_few_in_group"
    assert "færre enn 5 svar" in note_text(*refused.notes[0], "nb")
    assert apply_choice(survey, choice, min_group_size=3).left_out == 5


def test_the_duration_rule_on_a_real_nettskjema_export():
    # A real export (nettskjemar's recorded test form 123823, tests/data/exports/nettskjema/SOURCE.md) with its
    # $answer_time_ms column: seconds, median and the speeders computed by pandas on the raw file, independently
    from tests.public_exports import export_bytes

    data = export_bytes("nettskjema/data-123823-2025-08-19-2249.txt")
    raw = pd.read_csv(io.BytesIO(data), sep=";", dtype=str)
    seconds = raw["$answer_time_ms"].astype(float) / 1000  # 74.63, 71.313, 70.23 s
    found = quality(read_file(data, "data-123823-2025-08-19-2249.txt"))
    assert found.columns.duration == "$answer_time_ms"
    assert found.seconds.tolist() == pytest.approx(seconds.tolist())
    assert found.median_seconds == pytest.approx(seconds.median())
    assert found.flags["speeding"].tolist() == (seconds < 0.5 * seconds.median()).tolist()
