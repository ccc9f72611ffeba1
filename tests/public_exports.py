"""Public survey-tool exports, read where they are kept instead of copied into this repository.

The public exports in the tests (``tests/data/exports/<tool>/SOURCE.md`` names each: repository, path, commit,
licence) are other projects' files, so this repository holds none of their bytes. A test reads them from
``../shared/data/exports/<relative>`` when the project's shared folder has them, else from a local snapshot of
the source repository (``$LMP_EXPORT_MIRROR/<owner>+<name>/repo``, a bare git directory as the snapshot tool
writes it, default ``/work/.mirror``) at the recorded commit, undoing the recording where the file is kept inside
one (Nettskjema's API answers are recorded by vcr: a text body, or base64 of gzip). Where neither is on the
machine, the tests that need the file are skipped with the reason and where to put it.
"""

from __future__ import annotations

import base64
import io
import os
import subprocess
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from tests.conftest import SHARED

MIRROR = Path(os.environ.get("LMP_EXPORT_MIRROR", "/work/.mirror"))
SHARED_EXPORTS = SHARED / "data" / "exports"


@dataclass(frozen=True)
class Public:
    repo: str  # owner+name, as the snapshot folder names it
    commit: str
    path: str
    recorded: str = ""  # the request address whose recorded answer is the file (vcr cassettes)
    first_rows: int = 0  # keep a workbook's Dataset sheet to its header and this many rows


_QUALTRICS = ("ropensci+qualtRics", "71261227849c3518db6c855d3520f9db6ea1bd4c")
_NETTSKJEMA = ("capro-uio+nettskjemar", "df41e23042788525e980e2802e5182c581861e37",
               "inst/_vcr/ns_get_form_reports.yml")
PUBLIC = {
    "qualtrics/sample.csv": Public(*_QUALTRICS, "tests/testthat/files/sample.csv"),
    "qualtrics/sample_legacy.csv": Public(*_QUALTRICS, "tests/testthat/files/sample_legacy.csv"),
    "nettskjema/data-123823-2025-08-19-2249.txt": Public(*_NETTSKJEMA, "/api/v3/form/123823/csv-report"),
    "nettskjema/data-123823-2025-08-19-2249.xlsx": Public(*_NETTSKJEMA, "/api/v3/form/123823/excel-report"),
    "nettskjema/data-123823-2025-08-19-2249.sps": Public(*_NETTSKJEMA, "/api/v3/form/123823/spss-syntax"),
    "surveyxact/ex_survey2_first150.xlsx": Public("NIFU-NO+readSX", "61e14539fce4bde5f44e732a214b4ebbc90406de",
                                                  "inst/extdata/ex_survey2.xlsx", first_rows=150),
}


class Missing(Exception):
    """A public export that is on neither the shared folder nor a local snapshot."""


def _git_show(source: Public) -> bytes:
    git_dir = MIRROR / source.repo / "repo"
    if not git_dir.is_dir():
        raise Missing(f"{source.repo} at {source.commit[:7]}: no snapshot at {git_dir}")
    run = subprocess.run(["git", "--git-dir", str(git_dir), "show", f"{source.commit}:{source.path}"],
                         capture_output=True, timeout=60)
    if run.returncode:
        raise Missing(f"{source.repo}: {source.path} not at {source.commit[:7]}")
    return run.stdout


def _recorded(cassette: bytes, address: str) -> bytes:
    """The body of the recorded answer to ``address`` in a vcr cassette."""
    import yaml

    for interaction in yaml.safe_load(cassette)["http_interactions"]:
        if interaction["request"]["uri"].endswith(address):
            body = interaction["response"]["body"]
            if "raw_gzip" in body:
                return zlib.decompress(base64.b64decode(body["raw_gzip"]), wbits=47)
            return body["string"].encode("utf-8")
    raise Missing(f"no recorded answer to {address}")


def _first_rows(workbook: bytes, rows: int) -> bytes:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(workbook))
    sheet = book["Dataset"]
    sheet.delete_rows(rows + 2, sheet.max_row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@cache
def public_bytes(relative: str) -> bytes:
    """The public export ``relative`` (a key of :data:`PUBLIC`); :class:`Missing` where it cannot be had here."""
    shared = SHARED_EXPORTS / relative
    if shared.is_file():
        return shared.read_bytes()
    source = PUBLIC[relative]
    data = _git_show(source)
    if source.recorded:
        data = _recorded(data, source.recorded)
    if source.first_rows:
        data = _first_rows(data, source.first_rows)
    return data


def export_bytes(relative: str) -> bytes:
    """An export's bytes: a file made here from the tests' data, a public one as :func:`public_bytes` finds it;
    a test that needs a public export that is not on this machine is skipped, saying where to put it."""
    if relative not in PUBLIC:
        return (Path(__file__).resolve().parent / "data" / "exports" / relative).read_bytes()
    try:
        return public_bytes(relative)
    except Missing as why:
        pytest.skip(f"public export {relative} not on this machine ({why}); put it at {SHARED_EXPORTS / relative}")


def available(relative: str) -> bool:
    try:
        return relative not in PUBLIC or bool(public_bytes(relative))
    except Missing:
        return False
