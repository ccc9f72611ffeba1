"""A small run of the benchmark: it runs, and this package's numbers equal the naive pandas
reference's exactly (n, mean, SD, top-2 %, d for every item, group and pair). Timings are printed,
never asserted: the run's figures (the app, .xlsx against CSV, the streaming run, the goals table) must
each be there and be real measurements."""

from __future__ import annotations

import openpyxl

from benchmarks.bench import GOALS, format_report, make_files, run
from tests.conftest import CHROMIUM


def test_small_benchmark_agrees_with_naive(tmp_path, capsys, monkeypatch):
    # small sizes (the figures are checked against the naive reference, not against time): every part of the run
    # is still taken; one file of labels (2,000 x 20) serves the labels contenders and the .xlsx's CSV, so it is
    # written once; the browser session's file has the 1,000 rows of the session that costs what any file costs,
    # so one session (a fresh server and browser, about 8 s) serves as both
    monkeypatch.setenv("CHROMIUM_PATH", CHROMIUM)  # the browser the suite's browser tests run (CI installs that one)
    files = make_files(tmp_path, 2_000, 20, 2_000, 20)
    report = run(files, repeat=1, with_app=True, xlsx_rows=2_000, big_rows=20_000, mixed_rows=2_000,
                 browser_rows=1_000)
    for kind in ("coded", "labels"):
        assert report[kind]["max_difference_vs_naive"] < 1e-9
        for contender in ("lmp", "floor", "naive"):
            assert report[kind][contender]["total"] > 0
    # the .xlsx the benchmark wrote holds the CSV's rows, and both were read
    sheet = openpyxl.load_workbook(tmp_path / "labels_2000x20.xlsx", read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2_001 and len(rows[0]) == 22
    assert report["xlsx"]["xlsx"]["read"] > 0 and report["xlsx"]["csv"]["read"] > 0
    # the streaming run read a file of the rows asked for, and measured its memory
    assert report["big"]["rows"] == 20_000 and report["big"]["peak_mb"] > 0 and report["big"]["seconds"] > 0
    # the app's figures are medians of ``repeat`` runs, as every other figure, and say so
    assert report["app"]["first_results_s"] > 0 and report["app"]["rerun_s"] > 0
    assert (report["app"]["sessions"], report["app"]["reruns"], report["report_docx_runs"]) == (1, 1, 1)
    assert "(median of 1 sessions)" in format_report(report) and report["report_docx_s"] > 0
    # the file with every kind of question was written, summarized and measured
    assert report["mixed"]["rows"] == 2_000 and report["mixed"]["lmp"]["total"] > 0
    assert report["mixed"]["lmp"]["peak_mb"] > 0 and "every kind of question" in format_report(report)
    # the browser session uploaded its file in Chromium and reached the results page; each phase was measured
    browser = report["browser"]
    assert browser["file"] == "labels_1000x20.csv" and 0 < browser["read_s"] < browser["first_results_s"]
    assert list(browser["phases"]) == ["upload", "data_page", "results_page"]
    assert browser["server_peak_mb"] >= browser["server_before_mb"] > 0 and browser["cli"]["peak_mb"] > 0
    # one round (``repeat``): its session set against its own command-line process
    assert [r["ratio"] for r in browser["rounds"]] == [browser["ratio"]]
    assert browser["ratio"] == browser["first_chart_s"] / browser["cli"]["total"]
    # the processor time of each (a clock tick is 10 ms: the upload of a small file may take none of the server's)
    assert all(x["server_cpu_s"] >= 0 and x["browser_cpu_s"] >= 0 for x in browser["phases"].values())
    assert browser["phases"]["results_page"]["server_cpu_s"] > 0 and browser["phases"]["results_page"]["browser_cpu_s"] > 0
    # and a 1,000-row file of the same questions: what a session costs whatever the size
    assert browser["small"]["file"] == "labels_1000x20.csv" and browser["small"]["first_results_s"] > 0
    assert browser["growing_s"] == browser["first_results_s"] - browser["small"]["first_results_s"]
    # what the results page drew, counted in the browser: its charts as images (lmp_app.figures), no Vega view,
    # the index's tables (Tabell 2.1, 420 cells, waits for its switch), the first chart before the page had finished
    drawn = browser["small"]["phases"]["results_page"]
    assert drawn["images"] >= 2 and drawn["vega_views"] == 0 and drawn["tables"] >= 1 and drawn["table_cells"] > 0
    assert 0 < drawn["first_chart_s"] <= drawn["s"]
    # from choosing the file: the first chart after the Data page said what it read, before the page had finished
    assert browser["read_s"] < browser["first_chart_s"] <= browser["first_results_s"]
    text = format_report(report)
    goal_rows = [line for line in text.splitlines() if line.endswith(("| met |", "| not met |"))]
    # two whole-process ratios, --help, peak memory, .xlsx, the streaming run (its two limits), the browser's four,
    # the app's two
    assert len(goal_rows) == 12 and set(GOALS) >= {"coded", "labels", "xlsx", "big_ratio", "big_peak_mb"}
    with capsys.disabled():
        print("\n" + text)
