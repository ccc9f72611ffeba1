"""A small run of the benchmark: it runs, and this package's numbers equal the naive pandas
reference's exactly (n, mean, SD, top-2 %, d for every item, group and pair). Timings are printed,
never asserted."""

from __future__ import annotations

from benchmarks.bench import format_report, make_files, run


def test_small_benchmark_agrees_with_naive(tmp_path, capsys):
    files = make_files(tmp_path, 20_000, 20, 20_000, 20)
    report = run(files, repeat=1)
    for kind in ("coded", "labels"):
        assert report[kind]["max_difference_vs_naive"] < 1e-9
        for contender in ("lmp", "floor", "naive"):
            assert report[kind][contender]["total"] > 0
    with capsys.disabled():
        print("\n" + format_report(report))
