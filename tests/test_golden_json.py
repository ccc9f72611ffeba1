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
