"""The adversary across paths (issue #39): one setup, every path's published figures, and the combinations an
attacker tries on them.

Generated files have a protected school column with large schools, a small school (1-4 respondents), and a large
school where only 1-4 answered one question; or two small schools that together reach the minimum (pooled into
"Øvrige"). One setup protects the school column at a minimum of 5. Each path in :data:`PATHS` turns the file into
its published figures (records of n, answer counts, sum and sum of squares); the adversary then tries:

1. totals minus parts: a path's total minus the shown groups of the same or another path, per question, in n,
   answer counts, sum and sum of squares, must hold 0 or at least the minimum respondents (1 or 2 give each of
   their answers, from n, sum and sum of squares);
2. a number group of five with its quartiles: the 2nd, 3rd and 4th answers, and with n, mean and SD the 1st and
   5th (route 7 of the issue);
3. what no combination may depend on: the answers the rule holds back (the small school's, the 1-4 answers to a
   question of a large school) are changed, and every published figure of every path must stay the same bit for
   bit: a figure that moves carries information about them (route 5: an index made of held answers).

The paths are functions in a list (a file with and without a group, DuckDB, the report, ``--stream`` with and
without a group, the setup listing); trends and weighted figures have their own route tests
(tests/test_disclosure_routes.py) and join here by adding a function.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lmp_core.cli import main

SCALE = ["I svært liten grad", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad"]
MIN_N = 5
#: the one setup: what each column is (so that no reading of the file depends on an answer) and what is protected
CODEBOOK = "column,role,kind\nskole,background,\nq1,question,\nq2,question,\nantall,,number\n"
SETUP = ["--groupings", "skole", "--min-group-size", str(MIN_N)]


@dataclass(frozen=True)
class Record:
    """One published figure: the path, question, group, n, answer counts (scales), and sum and sum of squares
    (numbers and indices, from n, mean and SD)."""

    path: str
    item: str
    group: str
    n: int
    counts: tuple[int, ...] | None = None
    total: float | None = None
    squares: float | None = None


def _json(*args: str) -> dict:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["summarize", *args, "--format", "json"]) == 0
    return json.loads(buffer.getvalue())


def _moments(path: str, item: str, stats: dict) -> Record | None:
    n, mean, sd = stats.get("n"), stats.get("mean"), stats.get("sd")
    if not n or mean is None:
        return None
    return Record(path, item, stats["group"], n, None, n * mean, (n - 1) * (sd or 0.0) ** 2 + n * mean**2)


def _records(path: str, out: dict) -> list[Record]:
    records = []
    for item in out["items"]:
        for s in item["stats"]:
            if item["kind"] == "scale" and s.get("n"):
                records.append(Record(path, item["column"], s["group"], s["n"],
                                      tuple(s["counts"][label] for label in item["scale"])))
            elif item["kind"] == "number" and (record := _moments(path, item["column"], s)):
                records.append(record)
    for index in out.get("indices", []):
        records += [r for s in index["stats"] if (r := _moments(path, "index:" + index["name"], s))]
    return records


def _setup(csv: Path) -> list[str]:
    path = csv.with_name("oppsett.csv")
    path.write_text(CODEBOOK, encoding="utf-8")
    return [*SETUP, "--codebook", str(path)]


def summarize_total(csv: Path) -> tuple[list[Record], dict]:
    out = _json(str(csv), *_setup(csv), "--index-items", "q1,q2", "--index-name", "idx")
    return _records("summarize", out), out


def summarize_grouped(csv: Path) -> tuple[list[Record], dict]:
    out = _json(str(csv), *_setup(csv), "--group", "skole", "--index-items", "q1,q2", "--index-name", "idx")
    return _records("summarize --group", out), out


def database_grouped(csv: Path) -> tuple[list[Record], dict]:
    """The same view counted in DuckDB (``--database``): only counts per cell leave the database."""
    import duckdb

    db = csv.with_suffix(".duckdb")
    db.unlink(missing_ok=True)
    con = duckdb.connect(str(db))
    con.execute(f"CREATE TABLE svar AS SELECT * FROM read_csv('{csv}', all_varchar = true)")
    con.close()
    out = _json("--database", f"duckdb:///{db}", "--table", "svar", *_setup(csv), "--group", "skole",
                "--index-items", "q1,q2", "--index-name", "idx")
    return _records("database --group", out), out


def report_text(csv: Path) -> tuple[list[Record], object]:
    from lmp_core.compute.view import ViewRequest
    from lmp_core.load import read_codebook, read_file
    from lmp_core.present.report import build_report

    survey = read_file(csv.read_bytes(), csv.name, codebook=read_codebook(CODEBOOK.encode(), "oppsett.csv"))
    report = build_report(survey, ViewRequest.of(group="skole", groupings=["skole"], min_group_size=MIN_N))
    return [], (report.paragraphs(), {k: v.to_csv() for k, v in report.sheets.items()})


def stream_total(csv: Path) -> tuple[list[Record], dict]:
    """``--stream``: the file counted a batch at a time (DuckDB reading it), with the same setup."""
    out = _json(str(csv), "--stream", *_setup(csv), "--index-items", "q1,q2", "--index-name", "idx")
    return _records("stream", out), out


def stream_grouped(csv: Path) -> tuple[list[Record], dict]:
    out = _json(str(csv), "--stream", *_setup(csv), "--group", "skole", "--index-items", "q1,q2",
                "--index-name", "idx")
    return _records("stream --group", out), out


def setup_listing(csv: Path) -> tuple[list[Record], str]:
    """``setup``: the setup table (standard error) and the setup file (standard output), as text."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        assert main(["setup", str(csv), *_setup(csv)]) == 0
    return [], out.getvalue() + err.getvalue()


#: Each path: the file in, its records (for the sums) and everything it publishes (compared after a change)
PATHS: list[Callable[[Path], tuple[list[Record], object]]] = [summarize_total, summarize_grouped, database_grouped,
                                                               report_text, stream_total, stream_grouped,
                                                               setup_listing]


@dataclass(frozen=True)
class Case:
    frame: pd.DataFrame
    #: (row, column) of every answer the rule holds back from every view
    held: tuple[tuple[int, str], ...]


@st.composite
def cases(draw) -> Case:
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    sizes = {"A": draw(st.integers(5, 12)), "B": draw(st.integers(6, 12))}
    pooled = draw(st.booleans())
    if pooled:  # two small schools that together reach the minimum: "Øvrige"
        first = draw(st.integers(1, 4))
        sizes |= {"C": first, "D": draw(st.integers(max(1, MIN_N - first), 4))}
    else:  # one small school, held back
        sizes["C"] = draw(st.integers(1, 4))
    answered_q2_in_b = draw(st.integers(1, 4))  # too few answers to q2 in B: held back for q2
    rows = []
    for school, n in sizes.items():
        for i in range(n):
            q2 = "" if school == "B" and i >= answered_q2_in_b else SCALE[rng.integers(0, 5)]
            rows.append({"skole": school, "q1": SCALE[rng.integers(0, 5)], "q2": q2,
                         "antall": float(rng.integers(10, 500))})
    frame = pd.DataFrame(rows)
    # two equal numbers among the shown answers: a column of all-different numbers reads as an id whatever the
    # setup says (the reader's id detector), and whether they all differ would then depend on held answers
    frame.loc[1, "antall"] = frame.loc[0, "antall"]
    held = [(r, "q2") for r in np.flatnonzero((frame["skole"] == "B") & (frame["q2"] != ""))]
    if not pooled:
        held += [(r, c) for r in np.flatnonzero(frame["skole"] == "C") for c in ("q1", "q2", "antall")]
    return Case(frame, tuple((int(r), c) for r, c in held))


def _changed(case: Case, seed: int) -> pd.DataFrame:
    """The same file with every held-back answer replaced by another."""
    frame = case.frame.copy()
    rng = np.random.default_rng(seed)
    for row, column in case.held:
        if column == "antall":
            frame.at[row, column] = float(frame.at[row, column]) + float(rng.integers(1, 50))
        else:
            frame.at[row, column] = SCALE[(SCALE.index(frame.at[row, column]) + int(rng.integers(1, 5))) % 5]
    return frame


def _published(frame: pd.DataFrame, folder: Path) -> tuple[list[Record], list[object]]:
    csv = folder / "svar.csv"
    frame.to_csv(csv, index=False)
    records, everything = [], []
    for path in PATHS:
        found, published = path(csv)
        records += found
        everything.append(published)
    return records, everything


def _totals_minus_parts(records: list[Record]) -> None:
    """Every total (group "Alle") minus the shown groups of any path, per question: 0 or at least the minimum."""
    by_item: dict[str, list[Record]] = {}
    for r in records:
        by_item.setdefault(r.item, []).append(r)
    for item, found in by_item.items():
        totals = [r for r in found if r.group == "Alle"]
        paths = {r.path for r in found if r.group != "Alle"}
        for total in totals:
            for path in paths:
                parts = [r for r in found if r.path == path and r.group != "Alle"]
                rest = total.n - sum(r.n for r in parts)
                assert rest == 0 or rest >= MIN_N, (item, total.path, path, rest)
                if total.counts is not None:
                    left = np.subtract(total.counts, np.sum([r.counts for r in parts], axis=0))
                    assert (left >= 0).all() and (left.sum() == 0 or left.sum() >= MIN_N), (item, left)


def _route_seven(case: Case, out: dict) -> None:
    """A shown number group of five with quartiles gives its smallest and largest answers: none may."""
    number = next(i for i in out["items"] if i["column"] == "antall")  # the setup makes it a number question
    for s in number["stats"]:
        if s.get("n") == 5 and s.get("q1") is not None:
            n, mean, sd, middle = 5, s["mean"], s["sd"], [s["q1"], s["median"], s["q3"]]
            total = n * mean - sum(middle)
            squares = (n - 1) * sd**2 + n * mean**2 - sum(x * x for x in middle)
            root = math.sqrt(max(2 * squares - total**2, 0))
            values = case.frame.loc[case.frame["skole"] == s["group"], "antall"]
            found = ((total - root) / 2, (total + root) / 2)
            assert not np.allclose(found, (values.min(), values.max())), (s["group"], found)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(), st.integers(0, 1000))
def test_no_path_or_combination_of_paths_gives_a_held_back_answer(tmp_path_factory, case, seed):
    folder = tmp_path_factory.mktemp("paths")
    records, everything = _published(case.frame, folder)
    _totals_minus_parts(records)
    _route_seven(case, everything[1])
    # the held-back answers changed: nothing any path publishes may move
    if case.held:
        _, changed = _published(_changed(case, seed), folder)
        assert changed == everything
