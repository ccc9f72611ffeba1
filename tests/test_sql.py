"""Counting in a warehouse: the query ``python -m lmp_core counts-sql`` writes, run by DuckDB over the report's
coded respondent file (as a table and as Parquet), gives a frequency table whose statistics equal the
in-memory path's exactly (n, mean, SD, top-2 %, d for every question, group and pair)."""

from __future__ import annotations

import json

import duckdb
import polars as pl
import pytest

from lmp_core import count, read_codebook, read_file, summarize
from lmp_core.cli import main
from lmp_core.counting.counts import Counts
from tests.conftest import FIXTURES

CODED = FIXTURES / "lmp_ch2_3_coded.csv"
CODEBOOK = FIXTURES / "lmp_ch2_3_codebook.csv"


def _numbers(summary) -> dict:
    return {it.item.column: {"stats": {s.group: [s.n, s.dont_know, s.mean, s.sd, s.top2_pct] for s in it.stats},
                             "d": {f"{c.a}|{c.b}": c.d for c in it.comparisons}} for it in summary.items}


@pytest.fixture(scope="module")
def in_memory():
    codebook = read_codebook(CODEBOOK.read_bytes(), CODEBOOK.name)
    return _numbers(summarize(count(read_file(CODED.read_bytes(), CODED.name, codebook=codebook), group="rolle")))


def _sql(capsys, table: str) -> str:
    assert main(["counts-sql", "--codebook", str(CODEBOOK), "--table", table, "--group", "rolle"]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("source", ["table", "parquet"])
def test_the_warehouse_query_gives_the_in_memory_numbers(in_memory, capsys, tmp_path, source):
    con = duckdb.connect()
    con.execute(f"CREATE TABLE svar AS SELECT * FROM read_csv('{CODED}', header = true)")
    table = "svar"
    if source == "parquet":
        path = tmp_path / "svar.parquet"
        con.execute(f"COPY svar TO '{path}' (FORMAT parquet)")
        table = f"read_parquet('{path}')"
    frequencies = con.sql(_sql(capsys, table)).pl()
    assert frequencies.columns == ["position", "item", "group", "answer", "count"]
    # the result as a user brings it to the explorer: a CSV file of counts
    data = frequencies.write_csv().encode()
    counts = read_file(data, "antall.csv")
    assert isinstance(counts, Counts)
    assert _numbers(summarize(counts)) == in_memory


def test_codes_the_codebook_does_not_label_and_blanks_are_missing(capsys):
    # an out-of-scale code (7) and a blank: both missing in the app, both the empty answer in the query
    con = duckdb.connect()
    con.execute("CREATE TABLE svar (rolle VARCHAR, q1 INTEGER)")
    con.execute("INSERT INTO svar VALUES ('A', 1), ('A', 7), ('A', NULL), ('B', 5), (NULL, 4)")
    from lmp_core.counting.sql import counts_sql

    sql = counts_sql(read_codebook(b"column,scale\nq1,grad\n", "k.csv"), "svar", group="rolle")
    rows = sorted(con.execute(sql).fetchall(), key=str)
    # the row without a group is left out, as the app leaves it out of every group
    assert rows == sorted([(1, "q1", "A", "I svært liten grad", 1), (1, "q1", "A", "", 2),
                           (1, "q1", "B", "I svært stor grad", 1)], key=str)


def test_a_name_with_a_quote_cannot_break_out_of_the_query():
    from lmp_core.counting.sql import counts_sql

    codebook = read_codebook(b'column,scale\n"q""1; DROP TABLE svar; --",grad\n', "k.csv")
    con = duckdb.connect()
    con.execute('CREATE TABLE svar ("q""1; DROP TABLE svar; --" INTEGER)')
    con.execute("INSERT INTO svar VALUES (4), (5)")
    rows = con.execute(counts_sql(codebook, "svar")).fetchall()
    assert sorted(r[2] for r in rows) == ["I stor grad", "I svært stor grad"]
    assert con.execute("SELECT COUNT(*) FROM svar").fetchone() == (2,)


def test_json_of_both_paths_match_on_the_command_line(capsys, tmp_path):
    con = duckdb.connect()
    con.execute(f"CREATE TABLE svar AS SELECT * FROM read_csv('{CODED}', header = true)")
    path = tmp_path / "antall.csv"
    con.sql(_sql(capsys, "svar")).pl().write_csv(path)
    assert main(["summarize", str(path), "--format", "json"]) == 0
    warehouse = json.loads(capsys.readouterr().out)
    assert main(["summarize", str(CODED), "--codebook", str(CODEBOOK), "--group", "rolle", "--format", "json"]) == 0
    local = json.loads(capsys.readouterr().out)
    assert [g["respondents"] for g in warehouse["groups"]] == [g["respondents"] for g in local["groups"]]
    assert pl.DataFrame(warehouse["items"][0]["stats"])["mean"].to_list() == \
        pl.DataFrame(local["items"][0]["stats"])["mean"].to_list()
