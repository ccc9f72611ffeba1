"""Every path protects with the setup (issue 39): one setup protecting ``skole,rolle`` on a generated file where one
school has 3 respondents, and each path tried as an adversary would (a total minus the shown parts, one call's
figures minus another's).

The file (:func:`_write_file`, by hand): Aske skole and Bjørk skole 20 respondents each (every fourth a Leder, so 5
Leder and 15 Lærer in each), Cedertre skole 3 (1 Leder, 2 Lærer): 43 respondents, of whom the rule holds back the 3
of Cedertre (cells of 1 and 2 under the minimum of 5) and shows 40.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest

from lmp_core.cli import main

SCALE = ["I svært liten grad", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad"]
SCHOOLS = (("Aske skole", 20), ("Bjørk skole", 20), ("Cedertre skole", 3))
SMALL = "Cedertre skole"
CHOICE = "Hvilken transport bruker du mest?"
#: shown respondents by hand: 20 + 20, the 3 of Cedertre held back
SHOWN = 40


def _rows() -> list[dict[str, str]]:
    rng = np.random.default_rng(3)
    rows = []
    for school, size in SCHOOLS:
        for i in range(size):
            rows.append({"skole": school, "rolle": "Lærer" if i % 4 else "Leder", "kjonn": "KM"[i % 2],
                         "q1": SCALE[rng.integers(0, 5)], "q2": SCALE[rng.integers(0, 5)],
                         CHOICE: ["Buss", "Bil", "Sykkel"][rng.integers(0, 3)],
                         **{f"fag_{f}": "1" if rng.random() < 0.5 else "0" for f in ("norsk", "matte", "engelsk")},
                         "vekt": f"{rng.uniform(0.5, 2.0):.3f}",
                         # hours: the small school's respondents hold the lowest and the highest value
                         "timer": f"{rng.integers(2, 40)}.5" if school != SMALL else ("0.3", "41.7", "20.5")[i],
                         # a short text column: one value the small school's respondents alone gave
                         "stilling": "Fast" if school != SMALL else "Vikar hos rektor"})
    return rows


def _write_file(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _json(capsys, *args: str) -> dict:
    code, out, err = _run(capsys, *args, "--format", "json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> tuple[Path, Path]:
    """The response file and the setup that protects skole and rolle together (made by ``setup``)."""
    folder = tmp_path_factory.mktemp("routes")
    data = _write_file(folder / "svar.csv", _rows())
    setup = folder / "oppsett.csv"
    with pytest.MonkeyPatch.context() as mp:
        import io
        import sys

        out = io.StringIO()
        mp.setattr(sys, "stdout", out)
        mp.setattr(sys, "stderr", io.StringIO())
        assert main(["setup", str(data), "--groupings", "skole,rolle"]) == 0
    setup.write_text(out.getvalue(), encoding="utf-8")
    return data, setup


def _total(out: dict) -> int:
    return next(g["respondents"] for g in out["groups"] if g["name"] == "Alle") if len(out["groups"]) == 1 \
        else sum(g["respondents"] for g in out["groups"])


# --- route 6: weights ----------------------------------------------------------------------------------------

def test_weighted_json_with_other_kinds_and_no_hidden_total(files, capsys):
    """``--weight`` with single-choice and multiple-response questions gives JSON (it ended in KeyError:
    'comparisons'), and ``weighting.n`` is the total the unweighted view shows (40), not the 43 that include
    the held-back school."""
    data, setup = files
    out = _json(capsys, "summarize", data, "--codebook", setup, "--weight", "vekt")
    kinds = {it["kind"] for it in out["items"]}
    assert {"choice", "multi"} <= kinds, kinds  # the file has the kinds that made it crash
    assert _total(out) == SHOWN
    assert out["weighting"]["n"] == SHOWN
    # n_eff from the shown respondents' weights only: Kish (Σw)²/Σw² by hand over the 40
    w = np.array([float(r["vekt"]) for r in _rows() if r["skole"] != SMALL])
    assert out["weighting"]["n_eff"] == pytest.approx(w.sum() ** 2 / (w ** 2).sum())


def test_weighted_report_states_the_shown_total(files, capsys, tmp_path):
    data, setup = files
    report = tmp_path / "rapport.html"
    code, _, err = _run(capsys, "report", data, "--codebook", setup, "--weight", "vekt", "--out", report)
    assert code == 0, err
    html = report.read_text(encoding="utf-8")
    assert f"de {SHOWN} svarene" in html and "de 43 svarene" not in html


def _counts(out: dict) -> dict:
    """Per scale question and group: the answer counts (the figures an adversary subtracts)."""
    return {(it["column"], s["group"]): s["counts"] for it in out["items"] if it["kind"] == "scale"
            for s in it["stats"] if s.get("counts")}


def _minus(total: dict, parts: list[dict]) -> dict:
    return {k: v - sum(p.get(k, 0) for p in parts) for k, v in total.items()}


# --- route 1: --stream --------------------------------------------------------------------------------------

def test_stream_total_minus_the_shown_schools_gives_nothing(files, capsys):
    """The streamed total minus the schools the ordinary view shows: the small school's answers on today's code
    (the stream ignored the setup); nothing (all zero) when the stream protects as the file does."""
    data, setup = files
    total = _json(capsys, "summarize", data, "--codebook", setup, "--stream")
    schools = _json(capsys, "summarize", data, "--codebook", setup, "--group", "skole")
    assert _total(total) == SHOWN
    shown = [s for (column, group), s in _counts(schools).items() if column == "q1" and group != SMALL]
    assert len(shown) == 2
    assert set(_minus(_counts(total)[("q1", "Alle")], shown).values()) == {0}


def test_stream_by_role_minus_the_ordinary_by_role_gives_nothing(files, capsys):
    data, setup = files
    streamed = _counts(_json(capsys, "summarize", data, "--codebook", setup, "--group", "rolle", "--stream"))
    ordinary = _counts(_json(capsys, "summarize", data, "--codebook", setup, "--group", "rolle"))
    assert streamed.keys() == ordinary.keys()
    assert {k: set(_minus(streamed[k], [ordinary[k]]).values()) for k in streamed} == {k: {0} for k in streamed}


@pytest.mark.parametrize("extra", [(), ("--group", "rolle"), ("--group", "skole", "--index", "all"),
                                   ("--items", "q1,timer,fag")], ids=" ".join)
def test_stream_gives_the_file_paths_json(files, capsys, extra):
    """Same file, same setup: ``--stream`` and the file path give the same JSON (every kind of question, indices)."""
    data, setup = files
    assert _json(capsys, "summarize", data, "--codebook", setup, *extra, "--stream") == \
        _json(capsys, "summarize", data, "--codebook", setup, *extra)


# --- route 2: trend ------------------------------------------------------------------------------------------

def _sums(point: dict) -> tuple[float, float, float]:
    """n, the sum and the sum of squares of a trend point's answers (from n, mean and SD, divisor n − 1)."""
    n, mean, sd = point["n"], point["mean"], point["sd"]
    return n, n * mean, (n - 1) * sd ** 2 + n * mean ** 2


def test_trend_protects_with_the_setup(files, capsys, tmp_path):
    """``trend`` with the setup and no ``--groupings``: the ungrouped trend's n, sum and sum of squares minus those
    of the schools the grouped trend shows would give the small school's answers (n 3); they give nothing."""
    data, setup = files
    rows = _rows()
    for r in rows:  # the second wave: the same schools, other answers (the scale turned round)
        r["q1"] = SCALE[4 - SCALE.index(r["q1"])]
    later = _write_file(tmp_path / "svar2.csv", rows)
    base = ["trend", data, later, "--codebook", setup, "--names", "V1,V2"]
    whole = {(p["column"], p["wave"]): p for p in _json(capsys, *base)["points"] if p["group"] == "Alle"}
    grouped = _json(capsys, *base, "--group", "skole")["points"]
    for (column, wave), point in whole.items():
        parts = [_sums(p) for p in grouped if (p["column"], p["wave"]) == (column, wave) and p["n"]]
        assert len(parts) == 2, parts  # the two large schools
        assert _sums(point) == pytest.approx(tuple(map(sum, zip(*parts))), abs=1e-6), (column, wave)
    assert whole[("q1", "V1")]["n"] == SHOWN
    # a group the setup does not protect is refused, as summarize refuses it
    code, _, err = _run(capsys, *base, "--group", "kjonn")
    assert code == 2 and err.startswith("error:") and "kjonn" in err


# --- route 3: counts-sql -------------------------------------------------------------------------------------

def test_counts_sql_refuses_a_setup_it_cannot_apply(files, capsys, tmp_path):
    """The warehouse query counted every school, the small one too (its rows in the table it writes, and the
    ungrouped table minus the shown schools); with a setup that protects columns it is refused with one line that
    names the way that applies the rule (``summarize --database``)."""
    _, setup = files
    for group in ((), ("--group", "skole")):
        code, out, err = _run(capsys, "counts-sql", "--codebook", setup, "--table", "svar", *group)
        assert code == 2 and out == ""
        assert err.startswith("error:") and err.count("\n") == 1
        assert "skole, rolle" in err and "summarize --database" in err


# --- route 5: the setup's own listing ------------------------------------------------------------------------

@pytest.mark.parametrize("passed_back", [False, True])
def test_setup_prints_no_respondents_value(files, capsys, tmp_path, passed_back):
    """``setup`` prints no answer of the small school: not "28 ulike tall (0,30–41,70)", whose ends are its answers,
    nor the short text column's values one by one ('Vikar hos rektor', which only the small school's 3 gave); it
    prints the number of distinct values without the range, and only values at least 5 respondents gave. Passed back: the setup of an
    earlier wave that had neither column, with this wave's file."""
    data, _ = files
    extra: tuple[str, ...] = ("--groupings", "skole,rolle")
    if passed_back:
        earlier = _write_file(tmp_path / "forrige.csv", [{k: v for k, v in r.items() if k not in ("timer", "stilling")}
                                                         for r in _rows()])
        code, out, err = _run(capsys, "setup", earlier, "--groupings", "skole,rolle")
        assert code == 0, err
        (tmp_path / "oppsett.csv").write_text(out, encoding="utf-8")
        extra = ("--codebook", str(tmp_path / "oppsett.csv"))
    code, out, err = _run(capsys, "setup", data, *extra)
    assert code == 0, err
    printed = out + err
    for value in ("0,30", "41,70", "0.3", "41.7", "Vikar hos rektor", SMALL):
        assert value not in printed, value
    distinct = len({r["timer"] for r in _rows()})
    assert f"{distinct} ulike tall uten etiketter" in err
    assert "'Fast', …" in err  # the frequent value is named, the rare one left out


def test_the_apps_weighting_sentence_states_the_shown_total():
    """The app (Data page: skole and rolle protected, a weight column chosen): the sentence "de N svarene" counts
    the 40 respondents the views show, not the file's 43."""
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    rows = _rows()
    for i, row in enumerate(rows):  # a few weights that repeat: a column of all different numbers is an id
        row["vekt"] = ("0.8", "1.2", "1.5", "2.25")[i % 4]
    body = "\n".join([",".join(rows[0]), *(",".join(r.values()) for r in rows)]).encode() + b"\n"
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    at.file_uploader(key="upload").upload("svar.csv", body, "text/csv").run()
    protect = next(k for k in at.session_state if str(k).startswith("groupings_"))
    at.multiselect(key=protect).set_value(["skole", "rolle"]).run()
    weight = next(k for k in at.session_state if str(k).startswith("weight_column_"))
    at.selectbox(key=weight).set_value("vekt").run()
    assert not at.exception
    sentence = next(x.value for x in at.text if x.value.startswith("Vektet med"))
    assert f"de {SHOWN} svarene" in sentence, sentence


def test_stream_reads_tick_columns_as_the_file_does(capsys, tmp_path):
    """A set of tick columns marked "x" or blank: the stream (and a database) read each distinct value once, and a
    tick read as a tick there too (the reader paired values with other values' spellings, so an option's ticks
    counted as not ticked)."""
    rows = _rows()
    for row in rows:
        for option in ("norsk", "matte", "engelsk"):
            row[f"fag_{option}"] = "x" if row[f"fag_{option}"] == "1" else ""
    data = _write_file(tmp_path / "kryss.csv", rows)
    code, out, err = _run(capsys, "setup", data, "--groupings", "skole,rolle")
    assert code == 0, err
    setup = tmp_path / "oppsett.csv"
    setup.write_text(out, encoding="utf-8")
    streamed = _json(capsys, "summarize", data, "--codebook", setup, "--stream")
    assert streamed == _json(capsys, "summarize", data, "--codebook", setup)
    ticks = next(it for it in streamed["items"] if it["column"] == "fag")["stats"][0]["counts"]
    # by hand: the ticks of the cells (skole × rolle) with at least 5 respondents asked (who ticked anything); the
    # small school's cells and Bjørk skole's Leder (5 respondents, 3 asked) are held back
    options = ("norsk", "matte", "engelsk")
    cells: dict[tuple[str, str], list[dict[str, str]]] = {}
    for row in rows:
        if any(row[f"fag_{o}"] for o in options):
            cells.setdefault((row["skole"], row["rolle"]), []).append(row)
    assert sorted(len(v) for v in cells.values()) == [1, 2, 3, 5, 11, 14]
    assert ticks == {o: sum(r[f"fag_{o}"] == "x" for v in cells.values() if len(v) >= 5 for r in v) for o in options}
