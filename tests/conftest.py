"""Shared paths and fixtures. Reference data is read from ../shared, never copied in."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = SHARED / "fixtures"
EXTERNAL = SHARED / "data" / "external"


@pytest.fixture(scope="session")
def fixture_csv() -> bytes:
    return (FIXTURES / "lmp_ch2_3.csv").read_bytes()


@pytest.fixture(scope="session")
def coded_csv() -> bytes:
    return (FIXTURES / "lmp_ch2_3_coded.csv").read_bytes()


@pytest.fixture(scope="session")
def codebook_csv() -> bytes:
    return (FIXTURES / "lmp_ch2_3_codebook.csv").read_bytes()
