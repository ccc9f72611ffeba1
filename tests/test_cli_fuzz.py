"""Fuzzing the command line's options (hypothesis): any option value, any output path, ends in exit status 0 or
2 with one ``error:`` line, never a traceback. Run in-process (``lmp_core.cli.main``), so an exception that
escapes is a failure here; argparse's own exits come as SystemExit."""

from __future__ import annotations

import contextlib
import io
import os

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lmp_core import cli
from tests.conftest import FIXTURES

FIXTURE = str(FIXTURES / "lmp_ch2_3.csv")
CODEBOOK = str(FIXTURES / "lmp_ch2_3_codebook.csv")

#: Numbers as a user might type them: any Unicode digit (superscripts, Arabic-Indic, fullwidth), signs,
#: spaces, decimals, exponents, huge and empty
digits = st.sampled_from(list("0123456789²³¹٣٦۷०１２߁") + ["½", "Ⅻ"])
numbers = st.one_of(
    st.integers(min_value=-10**30, max_value=10**30).map(str),
    st.lists(digits, max_size=8).map("".join),
    st.tuples(st.sampled_from(["", "-", "+", " ", "--"]), st.text("0123456789.,e ²", max_size=6)).map("".join),
    st.just("9" * 400), st.just(""), st.text(max_size=5),
)
names = st.one_of(st.sampled_from(["rolle", "pulje", "kunnskap_mobbing", "kommentar_kunnskap", "respondent_id",
                                   "Skoleleder", "kunnskap", "all", ""]), st.text(max_size=6))
name_lists = st.lists(names, max_size=3).map(",".join)


def _run(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(argv)
        except SystemExit as exit_:  # argparse: a usage error (2) or --help (0)
            code = int(exit_.code or 0)
    return code, err.getvalue()


def _check(argv: list[str]) -> None:
    code, err = _run(argv)
    assert code in (0, 2), (argv, code, err)
    assert "Traceback" not in err
    if code == 2:
        errors = [line for line in err.splitlines() if line.startswith("error: ")]
        assert len(errors) == 1, (argv, err)


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))


@FUZZ
@given(st.dictionaries(st.sampled_from(["--top", "--min-group-size", "--group", "--items", "--groupings",
                                        "--reference", "--banner", "--index", "--index-items", "--weight",
                                        "--omnibus", "--lang", "--sheet"]),
                       st.one_of(numbers, names, name_lists), max_size=4),
       st.lists(st.tuples(names, numbers).map("=".join), max_size=2),
       st.booleans())
@example({"--top": "²"}, [], False)
@example({}, ["Skoleleder=6²"], False)  # str.isdigit() says yes, int() says no (issue #26)
@example({}, ["Skoleleder=" + "9" * 400], False)  # an overflow when made a float (issue #26)
@example({"--min-group-size": "-5"}, [], True)
@example({"--group": "rolle"}, ["Skoleleder=٣٦"], False)  # Arabic-Indic digits: int() reads 36
def test_summarize_options(options, populations, coded):
    argv = ["summarize", FIXTURE, "--format", "json"]
    if coded:
        argv += ["--codebook", CODEBOOK]
    for option, value in options.items():
        argv += [option, value] if not value.startswith("-") else [f"{option}={value}"]
    for population in populations:
        argv.append(f"--population={population}")
    _check(argv)


@pytest.fixture(scope="module")
def places(tmp_path_factory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("out")
    (root / "folder.docx").mkdir()
    return {"root": str(root), "folder": str(root / "folder.docx"), "missing": str(root / "no" / "such")}


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(["root", "folder", "missing", "proc", "empty", "dot"]),
       st.one_of(st.sampled_from(["r.docx", "r.html", "r.xlsx", "r.pptx", "r.txt", "r", ".docx", "..", ""]),
                 st.text(max_size=8)),
       st.one_of(st.none(), name_lists), st.one_of(st.none(), numbers))
def test_report_out_paths_and_options(places, where, file_name, themes, date):
    base = {"proc": "/proc", "empty": "", "dot": "."}.get(where, places.get(where, ""))
    out = os.path.join(base, file_name) if base else file_name
    argv = ["report", FIXTURE, "--group", "rolle", "--out", out]
    if themes is not None:
        argv.append(f"--themes={themes}")
    if date is not None:
        argv.append(f"--date={date}")
    here = os.getcwd()
    os.chdir(places["root"])  # a relative --out lands in the test's folder, never in the project
    try:
        _check(argv)
    finally:
        os.chdir(here)
