"""The JSON of ``summarize`` on every file the project knows, and HTML reports, recorded and compared byte for byte.

A change of structure changes no output (docs/architecture.md, "Behaviour-neutral changes"): the JSON of each
request below, on the demo survey, the fixtures, the real files in ``../shared/data/external/`` and the
benchmark's generated files (small), must stay the same bytes. ``tests/test_golden_json.py`` compares;

    python -m tests.golden            # write tests/data/golden/ again (only for an intended change)

records. The recorded outputs hold only aggregate figures the disclosure rule has already protected (what the
command line prints), gzip-compressed with no time stamp so that the same bytes give the same file.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import sys
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

from tests.conftest import EXTERNAL, FIXTURES, ROOT

GOLDEN = ROOT / "tests" / "data" / "golden"
DEMO = ROOT / "lmp_app" / "demo"
BENCH_ROWS = 3000  # the benchmark's generators at a small size: a few seconds for every request
BENCH_ITEMS = 12

_SEED = str(FIXTURES / "lmp_ch2_3.csv")
_SEED_CODED = str(FIXTURES / "lmp_ch2_3_coded.csv")
_SEED_BOOK = str(FIXTURES / "lmp_ch2_3_codebook.csv")
_DEMO = [str(DEMO / "lmp_ch2_3.csv"), "--codebook", str(DEMO / "lmp_ch2_3_codebook.csv")]
_EFC = str(EXTERNAL / "efc" / "EFC.sav")
_ESS = str(EXTERNAL / "ess_norway_bst290" / "ess_labels.csv")
_CIRCUS = str(EXTERNAL / "circus_spss_many_labels" / "spss_many_labels.sav")
_CODED = f"{{work}}/coded_{BENCH_ROWS}x{BENCH_ITEMS}.csv"
_LABELS = f"{{work}}/labels_{BENCH_ROWS}x{BENCH_ITEMS}.csv"
_PISA = str(EXTERNAL / "pisaitems" / "pisaitems_labels.csv")  # read from its .gz (see _read_path)

#: name -> the arguments after ``summarize`` (``{work}``: the folder of generated files)
CASES: dict[str, list[str]] = {
    # the demo survey, with its codebook
    "demo": _DEMO,
    "demo_group": [*_DEMO, "--group", "rolle"],
    "demo_protected": [*_DEMO, "--group", "rolle", "--groupings", "rolle,pulje", "--min-group-size", "11"],
    "demo_top3": [*_DEMO, "--group", "rolle", "--top", "3"],
    "demo_index": [*_DEMO, "--group", "rolle", "--index", "all"],
    "demo_index_items": [*_DEMO, "--group", "pulje", "--index-items", "kunnskap_mobbing,praksis_mobbing",
                         "--index-name", "mobbing"],
    "demo_weight": [*_DEMO, "--group", "rolle", "--invited", str(DEMO / "invitasjonsliste_eksempel.csv"),
                    "--weight-by", "rolle,pulje"],
    "demo_reference_group": [*_DEMO, "--group", "rolle", "--reference", "Skoleleder"],
    "demo_reference_file": [*_DEMO, "--group", "rolle", "--reference-file", "{work}/bank.csv"],
    "demo_quality": [*_DEMO, "--group", "rolle", "--quality"],
    "demo_coding": [*_DEMO, "--group", "rolle", "--coding", "{work}/frame.csv"],
    "demo_items_en": [*_DEMO, "--group", "pulje", "--items", "kunnskap_mobbing,praksis_skoleutvikling",
                      "--lang", "en", "--dont-know-in-base"],
    "demo_population_fpc": [*_DEMO, "--group", "rolle", "--population", "Skoleleder=63", "--population",
                            "Skoleeier=24", "--fpc", "--omnibus", "chi2"],
    # the fixtures
    "seed": [_SEED],
    "seed_group": [_SEED, "--group", "rolle"],
    "seed_banner": [_SEED, "--group", "rolle", "--groupings", "rolle,pulje", "--banner", "pulje"],
    "seed_three_groups": [_SEED, "--group", "pulje", "--omnibus", "chi2"],
    "seed_coded": [_SEED_CODED, "--codebook", _SEED_BOOK, "--group", "rolle"],
    "seed_coded_stream": [_SEED_CODED, "--codebook", _SEED_BOOK, "--group", "rolle", "--stream"],
    "seed_coded_duckdb": ["--database", "duckdb:", "--table", "{work}/seed.parquet", "--codebook", _SEED_BOOK,
                          "--group", "rolle", "--index", "all"],
    "seed_weight_column": [_SEED, "--group", "rolle", "--weight", "pulje"],
    # the real files
    "efc": [_EFC],
    "efc_group": [_EFC, "--group", "c161sex"],
    "efc_protected_top3": [_EFC, "--group", "c161sex", "--groupings", "c161sex,c172code", "--top", "3",
                           "--min-group-size", "20"],
    "ess_group": [_ESS, "--group", "gndr"],
    "ess_protected": [_ESS, "--group", "gndr", "--groupings", "gndr,vote", "--top", "3"],
    "circus_group": [_CIRCUS, "--group", "selv1"],
    "circus_protected": [_CIRCUS, "--groupings", "selv1,c12,c12a"],
    "pisa_group": [_PISA, "--group", "CNT"],
    "pisa_top3": [_PISA, "--top", "3", "--items", "ST24Q01,ST24Q02,ST24Q03,ST26Q01"],
    # the benchmark's generated files, small
    "bench_coded": [_CODED, "--codebook", f"{{work}}/codebook_{BENCH_ITEMS}.csv",
                    "--group", "rolle"],
    "bench_coded_index": [_CODED, "--codebook",
                          f"{{work}}/codebook_{BENCH_ITEMS}.csv", "--group", "rolle", "--index", "all", "--top", "3"],
    "bench_labels": [_LABELS, "--group", "rolle"],
    "bench_labels_nogroup": [_LABELS],
    "bench_mixed": ["{work}/mixed.csv", "--group", "rolle"],
    "bench_mixed_weight": ["{work}/mixed.csv", "--group", "rolle", "--weight", "antall_elever", "--index-items",
                           "skala_1,skala_2,skala_3", "--index-name", "skala"],
    "bench_mixed_items": ["{work}/mixed.csv", "--items", "skala_1,deltok_1,tiltak,antall_elever",
                          "--group", "rolle", "--groupings", "rolle,deltok_2"],
}


#: name -> the arguments after ``report`` (an HTML report; its SHA-256 is recorded, the file is large)
REPORTS: dict[str, list[str]] = {
    "demo": [*_DEMO, "--group", "rolle"],
    "seed_pulje": [_SEED, "--group", "pulje"],
    "demo_weights_items": [*_DEMO, "--group", "rolle", "--invited", str(DEMO / "invitasjonsliste_eksempel.csv"),
                           "--weight-by", "rolle,pulje", "--items", "kunnskap_mobbing,praksis_mobbing"],
    "demo_reference_coding": [*_DEMO, "--group", "rolle", "--reference-file", "{work}/bank.csv", "--coding",
                              "{work}/frame.csv"],
    "seed_protected_en": [_SEED, "--group", "rolle", "--groupings", "rolle,pulje", "--min-group-size", "11",
                          "--lang", "en"],
    "mixed_weight_column": ["{work}/mixed.csv", "--group", "rolle", "--weight", "antall_elever"],
    "seed_duckdb": ["--database", "duckdb:", "--table", "{work}/seed.parquet", "--codebook", _SEED_BOOK,
                    "--group", "rolle", "--subtitle", "seed"],  # the table's path would be the subtitle
}
REPORT_HASHES = GOLDEN / "reports.json"


def prepare(work: Path) -> None:
    """Write the generated inputs into ``work``: the benchmark's files (small), a coding frame, reference figures
    and the coded fixture as Parquet (for DuckDB)."""
    import duckdb

    from benchmarks.bench import make_files, write_mixed

    work.mkdir(parents=True, exist_ok=True)
    make_files(work, BENCH_ROWS, BENCH_ITEMS, BENCH_ROWS, BENCH_ITEMS)
    if not (work / "mixed.csv").exists():
        write_mixed(work / "mixed.csv", BENCH_ROWS)
    from tests.test_coding import FRAME_CSV  # the frame and the figures the coding and reference tests use
    from tests.test_reference import BANK

    (work / "frame.csv").write_bytes(FRAME_CSV)
    (work / "bank.csv").write_bytes(BANK)
    if not (work / "seed.parquet").exists():
        duckdb.sql(f"COPY (SELECT * FROM read_csv('{_SEED_CODED}')) TO '{work / 'seed.parquet'}' (FORMAT parquet)")


def _read_path(path: str) -> bytes:
    """The command line's reader, with PISA's file read from its ``.gz`` (no 80 MB copy on disk)."""
    p = Path(path)
    gz = p.with_name(p.name + ".gz")
    if not p.exists() and gz.is_file():
        return gzip.decompress(gz.read_bytes())
    return _original_read_path(path)


from lmp_core import cli  # noqa: E402

_original_read_path = cli._read_path


@contextlib.contextmanager
def _captured() -> Iterator[tuple[io.StringIO, io.StringIO]]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
            mock.patch.object(cli, "_read_path", _read_path):
        yield out, err


def run(name: str, work: Path) -> bytes:
    """The bytes ``python -m lmp_core summarize … --format json`` writes for case ``name``, and its exit status
    as the first line (an error is an output too)."""
    argv = ["summarize", *(a.replace("{work}", str(work)) for a in CASES[name]), "--format", "json"]
    with _captured() as (out, err):
        code = cli.main(argv)
    text = out.getvalue() if code == 0 else err.getvalue()
    return f"exit {code}\n{text}".encode()


def report_hash(name: str, work: Path) -> str:
    """The SHA-256 of the HTML report of case ``name`` (``exit N`` when the command fails)."""
    import hashlib

    out = work / f"report_{name}.html"
    argv = ["report", *(a.replace("{work}", str(work)) for a in REPORTS[name]), "--out", str(out)]
    with _captured():
        code = cli.main(argv)
    return hashlib.sha256(out.read_bytes()).hexdigest() if code == 0 else f"exit {code}"


def path_of(name: str) -> Path:
    return GOLDEN / f"{name}.json.gz"


def recorded(name: str) -> bytes:
    return gzip.decompress(path_of(name).read_bytes())


def record(work: Path, names: list[str] | None = None) -> None:
    import json

    prepare(work)
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name in names or CASES:
        path_of(name).write_bytes(gzip.compress(run(name, work), mtime=0))
        print(f"{name}: {len(recorded(name))} bytes", file=sys.stderr)
    if not names:
        hashes = {name: report_hash(name, work) for name in REPORTS}
        REPORT_HASHES.write_text(json.dumps(hashes, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    record(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "tmp-golden", sys.argv[2:] or None)
