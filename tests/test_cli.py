"""The command line: the JSON contract, the other formats, and errors as one line with status 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from lmp_core.cli import main
from tests.conftest import FIXTURES, ROOT

FIXTURE = str(FIXTURES / "lmp_ch2_3.csv")


def test_json_contract(capsys):
    # the report's setup: rolle is the only grouping column protected (with pulje too, the 3 school
    # owners of pulje 1 would be held back: tests/test_disclosure.py)
    code = main(["summarize", FIXTURE, "--group", "rolle", "--groupings", "rolle", "--population", "Skoleleder=63",
                 "--population", "Skoleeier=24", "--format", "json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"groups", "items", "warnings", "intervals"}
    groups = {g["name"]: g for g in out["groups"]}
    # report section 1.1: 36 of 63 schools (57 %), 10 of 24 municipalities (42 %)
    assert groups["Skoleleder"]["respondents"] == 36 and round(groups["Skoleleder"]["response_rate"]) == 57
    assert groups["Skoleeier"]["respondents"] == 10 and round(groups["Skoleeier"]["response_rate"]) == 42
    item = out["items"][0]
    assert set(item) == {"column", "kind", "question", "theme", "scale", "stats", "comparisons"}
    assert item["kind"] == "scale"
    assert item["scale"][0] == "I svært liten grad" and item["scale"][-1] == "I svært stor grad"
    stat = item["stats"][0]
    assert {"group", "n", "dont_know", "missing", "counts", "top2_pct", "top2_ci", "mean", "sd", "mean_ci"} <= set(stat)
    comp = item["comparisons"][0]
    assert {"a", "b", "mean_diff", "d", "d_pooled", "hedges_g", "d_ci", "magnitude"} <= set(comp)
    # d is signed a - b: Skoleeier (a, first in the file) is higher on kunnskap_mobbing (4.50 vs 4.44)
    assert comp["a"] == "Skoleeier" and comp["d"] > 0
    assert any("57" in w for w in out["warnings"])


def test_top_pct_is_the_top_k_share_and_top2_pct_its_alias(capsys):
    """``top_pct`` holds the share of the top ``--top`` answers; ``top2_pct`` (and ``top2_ci``) keep the same values
    under the old name for one release (docs/referanse/kommandolinje.md)."""
    import pandas as pd

    assert main(["summarize", FIXTURE, "--group", "rolle", "--items", "praksis_skoleutvikling", "--top", "3",
                 "--format", "json"]) == 0
    stats = {s["group"]: s for s in json.loads(capsys.readouterr().out)["items"][0]["stats"]}
    # pandas on the raw file: the share of the three highest answers among the substantive ones
    raw = pd.read_csv(FIXTURE)
    top3 = ["I noen grad", "I stor grad", "I svært stor grad"]
    substantive = top3 + ["I svært liten grad", "I liten grad"]
    for group, answers in raw.groupby("rolle")["praksis_skoleutvikling"]:
        answered = answers[answers.isin(substantive)]
        assert stats[group]["top_pct"] == pytest.approx(100 * answered.isin(top3).mean())
        assert stats[group]["top2_pct"] == stats[group]["top_pct"] and stats[group]["top2_ci"] == stats[group]["top_ci"]


def test_items_and_csv_format(capsys):
    assert main(["summarize", FIXTURE, "--group", "rolle", "--items", "praksis_mobbing", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    lines = out.strip().splitlines()
    assert len(lines) == 2 and "praksis_mobbing" in lines[1]
    # as the app writes it, for Norwegian Excel: a BOM, ";" between fields and decimal commas
    assert out.startswith("\ufeff") and ";" in lines[0] and "," not in lines[0]


def test_population_in_another_script_of_digits(capsys):
    # Arabic-Indic digits are decimal digits (Unicode Nd): int() reads "٦٣" as 63, and so does the tool
    assert main(["summarize", FIXTURE, "--group", "rolle", "--groupings", "rolle", "--population", "Skoleleder=٦٣",
                 "--format", "json"]) == 0
    groups = {g["name"]: g for g in json.loads(capsys.readouterr().out)["groups"]}
    assert groups["Skoleleder"]["population"] == 63


def test_an_output_folder_without_write_permission(monkeypatch, tmp_path, capsys):
    # as root every folder is writable, so the permission is denied by the check's own source of truth
    import os

    monkeypatch.setattr(os, "access", lambda path, mode: False)
    assert main(["report", FIXTURE, "--out", str(tmp_path / "r.docx"), "--lang", "en"]) == 2
    assert "cannot be written" in capsys.readouterr().err
    assert not (tmp_path / "r.docx").exists()


def test_table_format_norwegian(capsys):
    assert main(["summarize", FIXTURE, "--group", "rolle"]) == 0
    out = capsys.readouterr().out
    assert "4,44" in out and "0,61" in out and "ingen/svak" in out


@pytest.mark.parametrize(
    "args, needle",
    [
        (["summarize", "/no/such/file.csv"], "file.csv"),
        (["summarize", FIXTURE, "--group", "nope"], "nope"),
        (["summarize", FIXTURE, "--group", "rolle", "--population", "Skoleleder=abc"], "Skoleleder=abc"),
        (["summarize", FIXTURE, "--group", "rolle", "--population", "Rektor=5"], "Rektor"),
        (["summarize", FIXTURE, "--group", "rolle", "--population", "Skoleleder=20"], "36"),
        (["summarize", FIXTURE, "--items", "q99"], "q99"),
        (["summarize", FIXTURE, "--top", "0"], "got '0'"),
        # issue #26: a superscript digit (str.isdigit() says yes, int() says no) and 400 digits (an overflow)
        (["summarize", FIXTURE, "--group", "rolle", "--population", "Skoleleder=6²"], "Skoleleder=6²"),
        (["summarize", FIXTURE, "--group", "rolle", "--population", "Skoleleder=" + "9" * 400], "1,000,000,000"),
        (["summarize", FIXTURE, "--min-group-size", "-5"], "--min-group-size"),
        (["summarize", FIXTURE, "--lang"], "--lang"),  # argparse's own errors are one line too
        (["report", FIXTURE, "--out", "/no/such/folder/r.docx"], "/no/such/folder"),
        (["report", FIXTURE, "--out", str(FIXTURES)], "is a folder"),
        (["report", FIXTURE, "--out", "/proc/r.docx"], "cannot be written"),  # the write itself fails
        (["report", FIXTURE, "--out", "r.docx", "--themes", "kunnskap,nope"], "nope"),
    ],
)
def test_bad_input_exits_2_with_one_line(args, needle):
    proc = subprocess.run([sys.executable, "-m", "lmp_core", *args, "--lang", "en"], capture_output=True, text=True,
                          cwd=ROOT)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and needle in lines[0]
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("option", ["--top", "--min-group-size", "--group", "--reference"])
def test_a_double_dash_as_an_options_value_is_a_usage_error_not_a_traceback(option, capsys):
    # argparse takes "--top=--" as an empty list, which no type conversion sees; the option fuzzer found the
    # traceback (tests/test_cli_fuzz.py) now and then
    with pytest.raises(SystemExit) as stopped:
        main(["summarize", FIXTURE, f"{option}=--"])
    assert stopped.value.code == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: argument {option}: expected one value")


def test_reference_group(capsys):
    assert main(["summarize", FIXTURE, "--group", "rolle", "--reference", "Skoleleder", "--format", "json"]) == 0
    comp = json.loads(capsys.readouterr().out)["items"][0]["comparisons"]
    assert [(c["a"], c["b"]) for c in comp] == [("Skoleeier", "Skoleleder")]
    assert main(["summarize", FIXTURE, "--group", "rolle", "--reference", "Rektor"]) == 2
