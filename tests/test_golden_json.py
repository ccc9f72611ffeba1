"""``summarize``'s JSON is the same bytes as recorded (tests/golden.py) for every request on the demo, the fixtures,
the real files and the benchmark's generated files: a change of structure changes no figure, no key, no order."""

from __future__ import annotations

import difflib

import pytest

from tests import golden


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    folder = tmp_path_factory.mktemp("golden")
    golden.prepare(folder)
    return folder


def test_every_case_is_recorded():
    assert sorted(p.name.removesuffix(".json.gz") for p in golden.GOLDEN.glob("*.json.gz")) == sorted(golden.CASES)


@pytest.mark.parametrize("name", list(golden.CASES))
def test_the_json_is_byte_identical_to_the_recorded(name, work):
    got, want = golden.run(name, work), golden.recorded(name)
    if got != want:
        diff = difflib.unified_diff(want.decode().splitlines(), got.decode().splitlines(), "recorded", "now",
                                    lineterm="", n=2)
        pytest.fail(f"{name}: the JSON changed\n" + "\n".join(list(diff)[:60]))


def _stats(value):
    """Every dict in ``value`` that has a ``top_pct``."""
    if isinstance(value, dict):
        if "top_pct" in value:
            yield value
        for inner in value.values():
            yield from _stats(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _stats(inner)


@pytest.mark.parametrize("name", ["demo_top3", "efc_protected_top3", "demo_weight", "pisa_top3"])
def test_top_pct_and_top2_pct_hold_the_same_top_k_share(name):
    # top2_pct / top2_ci are the former names of top_pct / top_ci, kept for one release
    import json

    head, _, body = golden.recorded(name).decode().partition("\n")
    cells = list(_stats(json.loads(body)))
    assert head == "exit 0" and cells
    assert all(c["top_pct"] == c["top2_pct"] and c["top_ci"] == c["top2_ci"] for c in cells)


@pytest.mark.parametrize("name", list(golden.REPORTS))
def test_the_html_report_is_byte_identical_to_the_recorded(name, work):
    # the report is laid out from the analysis (lmp_core.present.report.build_report): the same figures, words,
    # charts and order give the same HTML file
    import json

    recorded = json.loads(golden.REPORT_HASHES.read_text(encoding="utf-8"))
    assert golden.report_hash(name, work) == recorded[name]


def _without(value, keys: frozenset[str]):
    """``value`` with every dict's ``keys`` taken out (order of the others kept)."""
    if isinstance(value, dict):
        return {k: _without(v, keys) for k, v in value.items() if k not in keys}
    if isinstance(value, list):
        return [_without(v, keys) for v in value]
    return value


@pytest.mark.parametrize("name", list(golden.CASES))
def test_the_json_differs_from_the_one_before_the_analysis_stage_only_by_the_renamed_keys(name):
    # tests/data/golden/before_top_pct.sha256.json: SHA-256 of each case's output as first recorded (commit 1418fbd's
    # code, before the analysis stage and the top_pct/top_ci names); the recorded output without the two new keys,
    # written as the command line writes JSON (json.dump, ensure_ascii=False, indent=2), must be those bytes
    import hashlib
    import json

    before = json.loads((golden.GOLDEN / "before_top_pct.sha256.json").read_text())[name]
    head, _, body = golden.recorded(name).decode().partition("\n")
    if head == "exit 0" and body.lstrip().startswith("{"):
        tail = body[len(body.rstrip()):]  # the line end the command line prints after the JSON
        body = json.dumps(_without(json.loads(body), frozenset({"top_pct", "top_ci"})), ensure_ascii=False,
                          indent=2) + tail
    assert hashlib.sha256(f"{head}\n{body}".encode()).hexdigest() == before
