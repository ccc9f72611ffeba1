"""Files larger than memory: ``summarize --stream`` counts a CSV or Parquet file as DuckDB reads it and gives
the in-memory path's numbers (the report's coded respondent file with its codebook), in bounded memory."""

from __future__ import annotations

import json
import subprocess
import sys

import duckdb
import pytest

from lmp_core import count, read_codebook, read_file, summarize
from lmp_core.base.errors import SurveyError
from lmp_core.cli import main
from lmp_core.counting.stream import stream_counts
from tests.conftest import FIXTURES, ROOT

CODED = FIXTURES / "lmp_ch2_3_coded.csv"
CODEBOOK = FIXTURES / "lmp_ch2_3_codebook.csv"
MAKE_SURVEY = ROOT.parent / "shared" / "bench" / "make_survey.py"


def _numbers(summary) -> dict:
    """Every statistic by item and group name (a frequency table lists only the answers it saw, so the
    category lists are not compared; their counts are, through n, don't know, missing and the means)."""
    return {it.item.column: {
        "question": it.item.question, "theme": it.item.theme,
        "stats": {s.group: (s.n, s.dont_know, s.missing, s.mean, s.sd, s.top2_pct, s.top2_ci, s.mean_ci)
                  for s in it.stats},
        "d": {f"{c.a}|{c.b}": (c.d, c.d_ci) for c in it.comparisons}} for it in summary.items}


@pytest.fixture(scope="module")
def codebook():
    return read_codebook(CODEBOOK.read_bytes(), CODEBOOK.name)


@pytest.mark.parametrize("kind", ["csv", "parquet"])
def test_streaming_gives_the_in_memory_numbers(codebook, tmp_path, kind):
    path = CODED
    if kind == "parquet":
        path = tmp_path / "svar.parquet"
        duckdb.sql(f"COPY (SELECT * FROM read_csv('{CODED}')) TO '{path}' (FORMAT parquet)")
    streamed = summarize(stream_counts(path, codebook, group="rolle").counts)
    in_memory = summarize(count(read_file(CODED.read_bytes(), CODED.name, codebook=codebook), group="rolle"))
    assert _numbers(streamed) == _numbers(in_memory)
    assert [(g.name, g.respondents) for g in streamed.groups] == [("Skoleeier", 10), ("Skoleleder", 36)]


def test_the_command_line_streams_and_says_what_it_needs(capsys):
    args = ["summarize", str(CODED), "--codebook", str(CODEBOOK), "--group", "rolle", "--format", "json"]
    assert main([*args, "--stream"]) == 0
    streamed = json.loads(capsys.readouterr().out)
    assert main(args) == 0
    local = json.loads(capsys.readouterr().out)
    assert streamed["groups"] == local["groups"]
    assert [s["mean"] for it in streamed["items"] for s in it["stats"]] == \
        [s["mean"] for it in local["items"] for s in it["stats"]]
    assert main(["summarize", str(CODED), "--group", "rolle", "--stream"]) == 2
    assert "--codebook" in capsys.readouterr().err
    with pytest.raises(SurveyError) as missing:
        stream_counts(CODED, read_codebook(b"column,scale\nfinnes_ikke,grad\n", "k.csv"), group="rolle")
    assert missing.value.key == "stream_missing_columns" and "finnes_ikke" in missing.value.message("nb")


def _streamed_peak(path, codebook) -> tuple[int, int]:
    """Respondents counted and peak resident memory (MB) of a subprocess that streams ``path``: its own high-water
    mark (VmHWM), not ru_maxrss, which starts at the test runner's size (Linux carries it into a forked child)."""
    code = (f"from pathlib import Path; from lmp_core import read_codebook, summarize; "
            f"from lmp_core.counting.stream import stream_counts; "
            f"s = summarize(stream_counts(Path({str(path)!r}), read_codebook(Path({str(codebook)!r}).read_bytes()), "
            f"group='rolle').counts); hwm = next(l for l in open('/proc/self/status') if l.startswith('VmHWM:')); "
            f"print(sum(g.respondents for g in s.groups), int(hwm.split()[1]) // 1024)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    respondents, peak_mb = map(int, out.stdout.split())
    return respondents, peak_mb


def test_streaming_memory_does_not_grow_with_the_rows(tmp_path):
    # 100,000 and 2,000,000 respondents x 20 items (../shared/bench/make_survey.py): twenty times the rows take
    # less than three times the memory (the file is read in batches). Measured with each process's own high-water
    # mark: 192 and 304 MB (1.6 x; DuckDB's UNPIVOT, counting per protected cell as a database does). ru_maxrss
    # would start at the test runner's resident size in a forked child and so hide most of the growth: bounded,
    # not flat
    codebook = tmp_path / "kodebok.csv"
    codebook.write_text("column,scale\n" + "".join(f"q{i},grad\n" for i in range(1, 21)), encoding="utf-8")
    peaks = {}
    for rows in (100_000, 2_000_000):
        path = tmp_path / f"svar_{rows}.csv"
        subprocess.run([sys.executable, str(MAKE_SURVEY), "--rows", str(rows), "--items", "20", "--coded", str(path)],
                       check=True, capture_output=True)
        respondents, peaks[rows] = _streamed_peak(path, codebook)
        assert respondents == rows
        path.unlink()
    print(f"\nstreaming peak memory: {peaks[100_000]} MB at 100,000 rows, {peaks[2_000_000]} MB at 2,000,000")
    assert peaks[2_000_000] < 3 * peaks[100_000], peaks
