"""Waves (lmp_core.compute.waves): two waves of the demo survey, one with an answer order turned round.

References, computed here from the raw answers without the module: each wave's top-2 share and mean by
pandas; the mean's change and Welch's interval by statsmodels' ``CompareMeans.tconfint_diff(usevar=
"unequal")`` on the raw answers; the top-2 change's interval by statsmodels' Newcombe interval on counts
made here; d by the report's formula on numpy's means and SDs.
"""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest
from statsmodels.stats.proportion import confint_proportions_2indep
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW

from lmp_core import SurveyError, read_file
from lmp_core.cli import main
from lmp_core.compute.view import ViewRequest, make_view
from lmp_core.compute.waves import code_order, make_trend, match_questions, waves_from_column
from lmp_core.load import read_codebook
from tests.conftest import FIXTURES

REVERSED = "1=I svært stor grad;2=I stor grad;3=I noen grad;4=I liten grad;5=I svært liten grad;9=Vet ikke"
CHANGED = "kunnskap_klasseledelse"  # wave 2: six school leaders answer one step higher (4 → 5)


def _wave2_frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Wave 2: the fixture with six answers moved up and praksis_mobbing asked with the options turned round
    (its codes are 6 − code, and its codebook row says so)."""
    frame = pd.read_csv(FIXTURES / "lmp_ch2_3_coded.csv", dtype=str, keep_default_na=False)
    leaders = frame.index[(frame["rolle"] == "Skoleleder") & (frame[CHANGED] == "4")][:6]
    frame.loc[leaders, CHANGED] = "5"
    frame["praksis_mobbing"] = frame["praksis_mobbing"].map(lambda v: str(6 - int(v)) if v in {"1", "2", "3", "4", "5"} else v)
    book = pd.read_csv(FIXTURES / "lmp_ch2_3_codebook.csv", dtype=str, keep_default_na=False)
    book["labels"] = ""
    book.loc[book["column"] == "praksis_mobbing", "labels"] = REVERSED
    return frame, book


def _csv(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False).encode()


@pytest.fixture(scope="module")
def waves():
    codebook = read_codebook((FIXTURES / "lmp_ch2_3_codebook.csv").read_bytes(), "kodebok.csv")
    first = read_file((FIXTURES / "lmp_ch2_3_coded.csv").read_bytes(), "2016.csv", codebook=codebook)
    frame, book = _wave2_frames()
    second = read_file(_csv(frame), "2018.csv", codebook=read_codebook(_csv(book), "kodebok_2018.csv"))
    return [("2016", first), ("2018", second)]


def _scores(frame: pd.DataFrame, column: str, reversed_codes: bool = False) -> pd.Series:
    codes = pd.to_numeric(frame[column], errors="coerce")
    codes = codes.where(codes.between(1, 5))
    return 6 - codes if reversed_codes else codes


def test_the_reversed_question_is_flagged_and_left_out_until_confirmed(waves):
    flagged = {q.column: q for q in match_questions(waves) if q.flags}
    assert list(flagged) == ["praksis_mobbing"] and flagged["praksis_mobbing"].flags[0][0] == "wave_order"
    assert code_order(waves[0][1].item("praksis_mobbing")) == "up"
    assert code_order(waves[1][1].item("praksis_mobbing")) == "down"
    trend = make_trend(waves, group="rolle")
    assert "praksis_mobbing" not in {p.column for p in trend.points}
    assert ("wave_left_out", {"column": "praksis_mobbing", "count": 1}) in trend.notes
    kept = make_trend(waves, group="rolle", confirmed={"praksis_mobbing"})
    # confirmed: the scores follow the labels, so the same answers give the same mean in both waves
    means = {p.wave: p.stats.mean for p in kept.points if p.column == "praksis_mobbing" and p.group == "Skoleleder"}
    raw = pd.read_csv(FIXTURES / "lmp_ch2_3_coded.csv", dtype=str, keep_default_na=False)
    leaders = raw[raw["rolle"] == "Skoleleder"]
    assert means["2016"] == pytest.approx(means["2018"]) == pytest.approx(_scores(leaders, "praksis_mobbing").mean())


def test_each_wave_and_each_change_match_an_independent_computation(waves):
    trend = make_trend(waves, group="rolle")
    first = pd.read_csv(FIXTURES / "lmp_ch2_3_coded.csv", dtype=str, keep_default_na=False)
    second, _ = _wave2_frames()
    checked = 0
    for role in ("Skoleleder", "Skoleeier"):
        x1 = _scores(first[first["rolle"] == role], CHANGED).dropna()
        x2 = _scores(second[second["rolle"] == role], CHANGED).dropna()
        points = {p.wave: p.stats for p in trend.points if p.column == CHANGED and p.group == role}
        assert points["2016"].mean == pytest.approx(x1.mean()) and points["2018"].mean == pytest.approx(x2.mean())
        assert points["2018"].top2_pct == pytest.approx(100 * (x2 >= 4).mean())
        (change,) = [c for c in trend.changes if c.column == CHANGED and c.group == role]
        assert (change.a, change.b) == ("2016", "2018")
        assert change.mean_diff == pytest.approx(x2.mean() - x1.mean())
        welch = CompareMeans(DescrStatsW(x2.to_numpy()), DescrStatsW(x1.to_numpy())).tconfint_diff(usevar="unequal")
        assert change.mean_diff_ci == pytest.approx(welch, rel=1e-9)
        lo, hi = confint_proportions_2indep(int((x2 >= 4).sum()), len(x2), int((x1 >= 4).sum()), len(x1),
                                            method="newcomb", compare="diff")
        assert change.top2_diff == pytest.approx(100 * ((x2 >= 4).mean() - (x1 >= 4).mean()))
        assert change.top2_diff_ci == pytest.approx((100 * lo, 100 * hi), rel=1e-9)
        d = (x2.mean() - x1.mean()) / math.sqrt((x2.std() ** 2 + x1.std() ** 2) / 2)
        assert change.d == pytest.approx(d)
        checked += 1
    assert checked == 2
    leaders = next(c for c in trend.changes if c.column == CHANGED and c.group == "Skoleleder")
    assert leaders.mean_diff == pytest.approx(6 / 36)  # six of 36 answers one step higher


def test_a_changed_wording_or_scale_is_flagged_and_a_renamed_column_is_matched_by_its_text(waves):
    frame, book = _wave2_frames()
    book.loc[book["column"] == "kunnskap_mobbing", "question_text"] = "Har dere lært noe om mobbing?"
    frame = frame.rename(columns={"praksis_skoleutvikling": "p_skoleutv"})
    book.loc[book["column"] == "praksis_skoleutvikling", "column"] = "p_skoleutv"
    third = read_file(_csv(frame), "2020.csv", codebook=read_codebook(_csv(book), "kodebok_2020.csv"))
    matched = {q.column: q for q in match_questions([waves[0], ("2020", third)])}
    assert [k for k, _ in matched["kunnskap_mobbing"].flags] == ["wave_wording"]
    assert matched["praksis_skoleutvikling"].columns == ("praksis_skoleutvikling", "p_skoleutv")
    assert not matched["praksis_skoleutvikling"].flags


def test_an_spss_wave_whose_labels_contradict_the_first_waves_setup_is_read_by_its_own_labels_and_flagged():
    import pyreadstat  # noqa: F401 - the writer of the test file

    frame, _ = _wave2_frames()
    path = _sav(frame)
    codebook = read_codebook((FIXTURES / "lmp_ch2_3_codebook.csv").read_bytes(), "kodebok.csv")
    first = read_file((FIXTURES / "lmp_ch2_3.csv").read_bytes(), "demo.csv", codebook=codebook)  # labels only
    second = read_file(path, "2018.sav", codebook=codebook)  # the first wave's setup, one step
    assert any(k == "codebook_labels_overruled" and p["column"] == "praksis_mobbing" for k, p in second.notes)
    raw = pd.read_csv(FIXTURES / "lmp_ch2_3_coded.csv", dtype=str, keep_default_na=False)
    view = make_view(second, ViewRequest.of(group="rolle", groupings=["rolle"]))
    leaders = view.summary(["praksis_mobbing"]).items[0].group("Skoleleder")
    assert leaders.mean == pytest.approx(_scores(raw[raw["rolle"] == "Skoleleder"], "praksis_mobbing").mean())
    flagged = [q.column for q in match_questions([("demo", first), ("2018", second)]) if q.flags]
    assert flagged == ["praksis_mobbing"]


def _sav(frame: pd.DataFrame) -> bytes:
    import tempfile
    from pathlib import Path

    import pyreadstat

    up = {1: "I svært liten grad", 2: "I liten grad", 3: "I noen grad", 4: "I stor grad", 5: "I svært stor grad",
          9: "Vet ikke"}
    down = {**{6 - k: v for k, v in up.items() if k != 9}, 9: "Vet ikke"}
    items = [c for c in frame.columns if c.startswith(("kunnskap_", "praksis_"))]
    out = frame[["respondent_id", "rolle", "pulje"]].copy()
    for c in items:
        out[c] = pd.to_numeric(frame[c], errors="coerce")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "w.sav"
        pyreadstat.write_sav(out, str(path), variable_value_labels={c: down if c == "praksis_mobbing" else up
                                                                     for c in items})
        return path.read_bytes()


def test_the_trend_protects_what_the_results_page_protects(waves):
    # with pulje protected too, the 3 school owners of pulje 1 are held back in every view of the file: the
    # trend's first wave must show exactly the results page's numbers, not the numbers with them
    trend = make_trend(waves, group="rolle", groupings=["rolle", "pulje"])
    view = make_view(waves[0][1], ViewRequest.of(group="rolle", groupings=["rolle", "pulje"]))
    owners = view.summary(["kunnskap_mobbing"]).items[0].group("Skoleeier")
    (point,) = [p for p in trend.points if p.wave == "2016" and p.column == "kunnskap_mobbing" and p.group == "Skoleeier"]
    assert point.stats.n == owners.n == 7 and point.stats.mean == pytest.approx(owners.mean)


def test_cli_trend_json(tmp_path, capsys):
    frame, book = _wave2_frames()
    (tmp_path / "2018.csv").write_bytes(_csv(frame))
    (tmp_path / "kodebok_2018.csv").write_bytes(_csv(book))
    args = ["trend", str(FIXTURES / "lmp_ch2_3_coded.csv"), str(tmp_path / "2018.csv"),
            "--codebook", str(FIXTURES / "lmp_ch2_3_codebook.csv"), "--codebook", str(tmp_path / "kodebok_2018.csv"),
            "--names", "2016,2018", "--group", "rolle", "--format", "json", "--lang", "en"]
    assert main(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["waves"] == ["2016", "2018"]
    flagged = [q for q in out["questions"] if q["flags"]]
    assert [q["column"] for q in flagged] == ["praksis_mobbing"] and not flagged[0]["included"]
    assert "opposite order" in flagged[0]["flags"][0]
    change = next(c for c in out["changes"] if c["column"] == CHANGED and c["group"] == "Skoleleder")
    assert change["mean_diff"] == pytest.approx(6 / 36) and len(change["mean_diff_ci"]) == 2
    assert main([*args, "--confirm", "praksis_mobbing"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert any(p["column"] == "praksis_mobbing" for p in out["points"])
    assert main(["trend", str(FIXTURES / "lmp_ch2_3_coded.csv"), "--codebook",
                 str(FIXTURES / "lmp_ch2_3_codebook.csv")]) == 2
    assert "minst to runder" in capsys.readouterr().err


def test_the_report_gains_a_trend_chapter_with_the_flag_and_the_changes(waves):
    from lmp_core.present.report import build_report, render

    trend = make_trend(waves, group="rolle")
    report = build_report(waves[1][1], ViewRequest.of(group="rolle", groupings=["rolle"]), trend=trend)
    html = render(report, "r.html").decode("utf-8")
    assert "Utvikling over tid" in html and "motsatt rekkefølge" in html
    assert "Endring snitt" in html and "Tallene per runde" in html
    assert "praksis_mobbing er holdt utenfor utviklingen" in html


def test_one_file_with_a_wave_column_gives_the_same_trend_as_two_files(waves, tmp_path, capsys):
    first = pd.read_csv(FIXTURES / "lmp_ch2_3_coded.csv", dtype=str, keep_default_na=False)
    second, _ = _wave2_frames()
    second["praksis_mobbing"] = first["praksis_mobbing"]  # one file, one codebook: the same order in both waves
    both = pd.concat([first.assign(runde="2016"), second.assign(runde="2018")], ignore_index=True)
    codebook = read_codebook((FIXTURES / "lmp_ch2_3_codebook.csv").read_bytes(), "kodebok.csv")
    survey = read_file(_csv(both), "begge.csv", codebook=codebook)
    with pytest.raises(SurveyError) as err:
        waves_from_column(survey, "runde", ["rolle"])  # not protected: a wave's small group could be subtracted
    assert err.value.key == "wave_column_not_protected"
    split = waves_from_column(survey, "runde", ["rolle", "runde"])
    assert [name for name, _ in split] == ["2016", "2018"] and [w.n_rows for _, w in split] == [46, 46]
    one = make_trend(split, group="rolle", groupings=["rolle", "runde"])
    two = make_trend(waves, group="rolle")
    def pick(trend):
        return {c.group: (c.mean_diff, c.top2_diff, c.d) for c in trend.changes if c.column == CHANGED}

    assert set(pick(one)) == set(pick(two)) == {"Skoleleder", "Skoleeier"}
    for group, values in pick(two).items():
        assert pick(one)[group] == pytest.approx(values)
    path = tmp_path / "begge.csv"
    path.write_bytes(_csv(both))
    assert main(["trend", str(path), "--codebook", str(FIXTURES / "lmp_ch2_3_codebook.csv"), "--wave-column", "runde",
                 "--group", "rolle", "--groupings", "rolle,runde", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["waves"] == ["2016", "2018"]
    change = next(c for c in out["changes"] if c["column"] == CHANGED and c["group"] == "Skoleleder")
    assert change["mean_diff"] == pytest.approx(6 / 36)


def test_a_wave_of_answer_texts_is_said_to_hide_a_turned_answer_order(waves):
    # the demo as it ships (answer texts, no codes) against a coded wave: its answers are compared by their
    # texts, and the trend says that a questionnaire that turned its options round cannot be seen in that file
    codebook = read_codebook((FIXTURES / "lmp_ch2_3_codebook.csv").read_bytes(), "kodebok.csv")
    texts = read_file((FIXTURES / "lmp_ch2_3.csv").read_bytes(), "2014.csv", codebook=codebook)
    assert not texts.item("praksis_mobbing").raw_labels and code_order(texts.item("praksis_mobbing")) is None
    trend = make_trend([("2014", texts), waves[0]], group="rolle")
    assert ("wave_order_unseen", {"waves": "2014"}) in trend.notes
    assert "2014: fila har svartekster og ingen koder" in trend.to_dict("nb")["warnings"][-1]
    # two coded waves: every answer order can be seen, nothing to say
    assert not [k for k, _ in make_trend(waves, group="rolle").notes if k == "wave_order_unseen"]
