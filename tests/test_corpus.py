"""The bad-input corpus (tests/corpus/, made by make_corpus.py): every file gives its clear message,
or is read with what was left out listed, in the core, on the command line and in the app, with no
traceback. The run prints how many corpus files there are and the share handled."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lmp_core import Survey, SurveyError, count, read_codebook, read_file, summarize
from lmp_core.cli import main
from tests.apptest import plain
from tests.conftest import FIXTURES, ROOT

CORPUS = Path(__file__).with_name("corpus")
CODEBOOK = FIXTURES / "lmp_ch2_3_codebook.csv"
# file -> (outcome, the message key that must appear: an error's key, or a note / skipped column key)
EXPECTED: dict[str, tuple[str, str | None]] = {
    "empty.csv": ("error", "empty_file"),
    "only_header.csv": ("error", "header_only"),
    "binary_junk.csv": ("error", "binary_as_csv"),
    "truncated.sav": ("error", "unreadable_spss"),
    "ragged_rows.csv": ("error", "ragged_rows"),
    "duplicate_columns.csv": ("error", "duplicate_columns"),
    "excel_renamed.csv": ("ok", None),
    "csv_named.xlsx": ("ok", None),
    "bom_mixed_encodings.csv": ("ok", "mixed_encoding"),
    "semicolon_decimal_comma.csv": ("ok", "decoded_as"),
    "excel_sheets_merged_blank_rows.xlsx": ("ok", "sheet_read"),
    "spss_missing_range.sav": ("ok", None),
    "group_one_level.csv": ("ok", "single_value_column"),
    "group_hundreds.csv": ("ok", None),
    "item_all_missing.csv": ("ok", "all_missing"),
    "group_of_one.csv": ("ok", None),
    "identical_answers.csv": ("ok", None),
    "labels_fit_no_scale.csv": ("ok", "not_a_scale"),
    "codes_outside_scale.csv": ("ok", "codes_outside_scale"),
    "thousands_of_columns.csv": ("ok", None),
    "html_names_and_comments.csv": ("ok", None),
}
NEEDS_CODEBOOK = {"codes_outside_scale.csv"}


def _files() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.name != "make_corpus.py" and p.is_file())


def test_every_corpus_file_has_an_expectation():
    assert {p.name for p in _files()} == set(EXPECTED)


def _read(path: Path):
    codebook = read_codebook(CODEBOOK.read_bytes()) if path.name in NEEDS_CODEBOOK else None
    return read_file(path.read_bytes(), path.name, codebook=codebook)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_core(name):
    path = CORPUS / name
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    outcome, key = EXPECTED[name]
    if outcome == "error":
        with pytest.raises(SurveyError) as info:
            _read(path)
        assert info.value.key == key
        assert name in str(info.value) and name in info.value.message("nb")
    else:
        survey = _read(path)
        assert isinstance(survey, Survey) and survey.items
        keys = {k for k, _ in survey.notes} | {s.key for s in survey.skipped}
        if key:
            assert key in keys
        for group in (None, *[g for g in survey.group_candidates if g in ("rolle",)]):
            summary = summarize(count(survey, group=group))
            for it in summary.items:
                for s in it.stats:
                    assert s.top2_pct is None or 0 <= s.top2_pct <= 100
                    assert s.sd is None or s.sd >= 0
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # never a changed input file


def test_specific_corpus_findings():
    # a group of one is hidden; identical answers give no d, with the reason
    summary = summarize(count(_read(CORPUS / "group_of_one.csv"), group="rolle"))
    assert [g.name for g in summary.groups if g.suppressed] == ["Rektor"]
    same = summarize(count(_read(CORPUS / "identical_answers.csv"), group="rolle"))
    assert all(c.d is None and c.reason == "reason_sd0" for it in same.items for c in it.comparisons)
    # hundreds of groups: not offered, and a clear message when asked for
    hundreds = _read(CORPUS / "group_hundreds.csv")
    assert "skole" not in hundreds.group_candidates
    with pytest.raises(SurveyError, match="368"):
        count(hundreds, group="skole")
    # codes 99, -2 and 7 outside the 1-5 scale are named and counted as missing
    odd = _read(CORPUS / "codes_outside_scale.csv")
    notes = [p for k, p in odd.notes if k == "codes_outside_scale"]
    assert {n["codes"] for n in notes} == {"99", "-2", "7"}
    # SPSS missing range 7-9: the 8s ("Ønsker ikke å svare") are non-substantive, not answers
    spss = summarize(count(_read(CORPUS / "spss_missing_range.sav"), group="rolle"), min_group_size=1)
    assert sum(s.dont_know for s in spss.items[0].stats) == 3


def test_file_over_the_limit(monkeypatch):
    import lmp_core.load as reader

    monkeypatch.setattr(reader, "MAX_BYTES", 1000)
    with pytest.raises(SurveyError, match=r"big\.csv.*MB") as info:
        read_file(b"x" * 2000, "big.csv")
    assert info.value.key == "too_large"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_command_line(name, capsys):
    args = ["summarize", str(CORPUS / name), "--format", "json"]
    if name == "group_of_one.csv":  # without a grouping the total would give the group of one away
        args += ["--group", "rolle"]
    if name in NEEDS_CODEBOOK:
        args += ["--codebook", str(CODEBOOK)]
    code = main(args)
    captured = capsys.readouterr()
    if EXPECTED[name][0] == "error":
        assert code == 2
        lines = captured.err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ") and name in lines[0]
    else:
        assert code == 0 and captured.out.startswith("{")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_app(name):
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120).run()
    if name in NEEDS_CODEBOOK:
        at.file_uploader(key="codebook_upload").upload(CODEBOOK.name, CODEBOOK.read_bytes(), "text/csv")
    at.file_uploader(key="upload").upload(name, (CORPUS / name).read_bytes(), "application/octet-stream")
    at.run()
    assert not at.exception
    if EXPECTED[name][0] == "error":
        assert at.error and name in plain(at.error[0].value)
    else:
        assert not at.error and name in plain(at.success[0].value)
        at.switch_page("pages/results.py").run()
        assert not at.exception


def test_zz_corpus_summary(capsys):
    """The share of the corpus handled with a clear message or a clean read in the core, each file's check run
    here again: the figure does not depend on which of this file's tests ran before it on this worker."""
    total = len(EXPECTED)
    handled = 0
    for name in EXPECTED:
        try:
            test_core(name)
        except (AssertionError, SurveyError, pytest.fail.Exception):
            continue
        handled += 1
    with capsys.disabled():
        print(f"\ncorpus: {total} files, {handled} handled with a clear message or a clean read "
              f"({100 * handled / total:.0f} %)")
    assert handled == total
