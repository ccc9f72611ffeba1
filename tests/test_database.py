"""Counting where the data lives (lmp_core.counting.database): the same survey gives the same JSON from a file, from
PostgreSQL, from DuckDB (over a Parquet file) and from SQLite, hidden cells hidden alike; a read-only role is enough;
every failure is one sentence; no address, user or password appears in any output.

The reference is the in-memory path on the same rows (``summarize FILE``), itself checked against the report's
published tables (tests/test_published.py). PostgreSQL is a real server from Debian's packages: the fixture starts
a cluster of its own on a Unix socket (no TCP port), with password login, a loading role and a read-only role.
Without PostgreSQL's programs the PostgreSQL cases are skipped, unless LMP_REQUIRE_POSTGRES is set (CI sets it:
there a missing server is a failure, not a skip).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from lmp_core.base.errors import SurveyError
from lmp_core.cli import main
from lmp_core.compute.view import ViewRequest, make_view
from lmp_core.counting import database
from lmp_core.counting.database import count_in_database
from lmp_core.load import read_codebook, read_file
from tests.conftest import FIXTURES

CODED = FIXTURES / "lmp_ch2_3_coded.csv"
CODEBOOK = FIXTURES / "lmp_ch2_3_codebook.csv"
PG_BIN = next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)), None) \
    if Path("/usr/lib/postgresql").is_dir() else None
READER_PASSWORD = "lese-Passord-9f3e1c"
OWNER_PASSWORD = "eier-Passord-51ab7d"


def _generated(folder: Path) -> tuple[Path, Path]:
    """A survey with what a national file has and the report's lacks: numeric group codes (skole 1–12), a second
    protected column with small crossings, blanks and NULL group values, don't-know codes (9), codes no label
    names (7: missing), and a question nobody in one school answered. Rows are sorted by school and gender, so a
    file's first-appearance order of the genders and a table's alphabetical order agree (a table has no order)."""
    rng = np.random.default_rng(20261202)
    n = 2_400
    skole = rng.integers(1, 13, n)
    kjonn = rng.choice(["Gutt", "Jente", "Annet"], n, p=[0.49, 0.49, 0.02])
    frame = pd.DataFrame({"elev_id": np.arange(1, n + 1), "skole": skole, "kjonn": kjonn})
    for q in range(1, 7):
        answers = rng.choice([1, 2, 3, 4, 5, 9, 7, None], n, p=[0.1, 0.15, 0.3, 0.25, 0.12, 0.04, 0.02, 0.02])
        frame[f"trivsel_{q}"] = pd.array(answers, dtype="Int64")
    frame.loc[frame["skole"] == 12, "trivsel_6"] = pd.NA  # nobody at school 12 was asked question 6
    frame.loc[rng.choice(n, 30, replace=False), "skole"] = -1  # no school given
    frame["skole"] = frame["skole"].astype("Int64").mask(frame["skole"] == -1)
    frame = frame.sort_values(["skole", "kjonn", "elev_id"], na_position="last").reset_index(drop=True)
    path = folder / "elevundersokelse.csv"
    frame.to_csv(path, index=False)
    labels = "1=Svært lite;2=Lite;3=Noe;4=Mye;5=Svært mye;9=Vet ikke"
    rows = ["column,role,question_text,theme,labels,reverse,dont_know,asked_to,kind,set,protect,min_group_size"]
    rows += [f"trivsel_{q},question,Trivsel {q},trivsel,{labels},,,,scale,,," for q in range(1, 7)]
    rows += ["skole,background,Skole,,,,,,,,yes,5", "kjonn,background,Kjønn,,,,,,,,yes,5",
             "elev_id,ignore,,,,,,,,,,"]
    setup = folder / "oppsett.csv"
    setup.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path, setup


def _kinds(folder: Path) -> tuple[Path, Path]:
    """A survey with every kind of question (tests/test_kinds.py's: a scale, a single choice, yes/no, a
    multiple-response set as 0/1 columns and as one ";"-list, a number), three respondents in a third role (held
    back), and the setup `setup --groupings rolle` writes for it. Rows are sorted by role and list, so a file's
    first-appearance order of the roles and of the list's options is the alphabetical order a table gives."""
    from tests.test_kinds import mixed_frame

    frame = mixed_frame(small_group=3).sort_values(["rolle", "tiltak_liste"], kind="stable")
    path = folder / "svar_typer.csv"
    frame.to_csv(path, index=False)
    return path, _setup_of(path, "rolle", folder / "oppsett_typer.csv")


def _setup_of(path: Path, groupings: str, setup: Path) -> Path:
    """The setup ``setup PATH --groupings GROUPINGS`` writes, saved as ``setup``."""
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert main(["setup", str(path), "--groupings", groupings]) == 0
    setup.write_text(out.getvalue(), encoding="utf-8")
    return setup


def _spellings(folder: Path) -> tuple[Path, Path]:
    """tests/test_disclosure_routes.py's survey (skole and rolle protected together, one school of 3) with its
    schools spelled as exports spell them: a trailing or a leading space, an invisible character, a no-break space,
    Unicode's decomposed form (NFD). The file reader reads each as its school; a database's cells must be the same
    (a spelling of two respondents was a cell of its own, held back, and the totals' difference gave their answers)."""
    import unicodedata

    from tests.test_disclosure_routes import _rows, _write_file

    rows = _rows()
    variants = ["Aske skole ", " Aske skole", "Aske\u200b skole", "Aske skole\u00a0", "Aske skole"]
    for i, row in enumerate(rows):
        if row["skole"] == "Aske skole":
            row["skole"] = variants[i % len(variants)]
        elif row["skole"] == "Bjørk skole":  # an accent that has a decomposed form
            row["skole"] = unicodedata.normalize("NFD" if i % 2 else "NFC", "Bjørk skóle")
    path = _write_file(folder / "skrivemater.csv", rows)
    return path, _setup_of(path, "skole,rolle", folder / "oppsett_skrivemater.csv")


@pytest.fixture(scope="module")
def surveys(tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    folder = tmp_path_factory.mktemp("surveys")
    return {"report": (CODED, CODEBOOK), "generated": _generated(folder), "kinds": _kinds(folder),
            "spellings": _spellings(folder)}


def _arrow(csv: Path) -> pa.Table:
    return duckdb.sql(f"SELECT * FROM read_csv('{csv}')").to_arrow_table()


@pytest.fixture(scope="module")
def postgres(surveys):
    """A PostgreSQL cluster on a Unix socket with both surveys loaded by an owner role; yields the URL of a
    read-only role (SELECT on the tables, nothing else)."""
    if PG_BIN is None:
        if os.environ.get("LMP_REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL is required here (LMP_REQUIRE_POSTGRES) but /usr/lib/postgresql/*/bin is missing")
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    # a folder of its own under /tmp: pytest's are private to the user running it, whom initdb (run as the
    # postgres user when the tests run as root) cannot enter
    folder = Path(tempfile.mkdtemp(prefix="lmp-pg-"))
    data, socket = folder / "data", folder
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_postgres:
        shutil.chown(folder, "postgres")
    pwfile = folder / "pw"
    pwfile.write_text(OWNER_PASSWORD + "\n")
    if as_postgres:
        shutil.chown(pwfile, "postgres")
    subprocess.run([*as_postgres, str(PG_BIN / "initdb"), "-D", str(data), "-U", "eier", "--pwfile", str(pwfile),
                    "-A", "scram-sha-256"], check=True, capture_output=True)
    subprocess.run([*as_postgres, str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w",
                    "-o", f"-c listen_addresses='' -k {socket}", "start"], check=True, capture_output=True)
    owner = f"postgresql:///postgres?host={socket}&user=eier&password={OWNER_PASSWORD}"
    import adbc_driver_postgresql.dbapi as pg

    try:
        with pg.connect(owner) as con:
            cur = con.cursor()
            for name, (csv, _) in surveys.items():
                cur.adbc_ingest(name, _arrow(csv), mode="replace")
            cur.execute(f"CREATE ROLE leser LOGIN PASSWORD '{READER_PASSWORD}'")
            cur.execute("GRANT SELECT ON report, generated, kinds, spellings TO leser")
            # a view that takes two seconds to read, for the timeout
            cur.execute("CREATE VIEW slow AS SELECT r.* FROM report r, pg_sleep(2)")
            cur.execute("GRANT SELECT ON slow TO leser")
            con.commit()
        yield f"postgresql:///postgres?host={socket}&user=leser&password={READER_PASSWORD}"
    finally:
        subprocess.run([*as_postgres, str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"],
                       capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def files(tmp_path_factory, surveys) -> dict[str, dict[str, str]]:
    """The same rows as a DuckDB database, as Parquet (read by DuckDB) and as SQLite."""
    folder = tmp_path_factory.mktemp("dbfiles")
    out: dict[str, dict[str, str]] = {"duckdb": {}, "parquet": {}, "sqlite": {}}
    con = duckdb.connect(str(folder / "svar.duckdb"))
    import adbc_driver_sqlite.dbapi as sqlite

    with sqlite.connect(str(folder / "svar.db")) as lite:
        for name, (csv, _) in surveys.items():
            con.execute(f"CREATE TABLE {name} AS SELECT * FROM read_csv('{csv}')")
            parquet = folder / f"{name}.parquet"
            con.execute(f"COPY {name} TO '{parquet}' (FORMAT parquet)")
            out["duckdb"][name] = f"duckdb:///{folder / 'svar.duckdb'}|{name}"
            out["parquet"][name] = f"duckdb:|{parquet}"
            lite.cursor().adbc_ingest(name, _arrow(csv), mode="replace")
            out["sqlite"][name] = f"sqlite:///{folder / 'svar.db'}|{name}"
        lite.commit()
    con.close()
    return out


def _json(capsys, args: list[str]) -> tuple[dict, str]:
    assert main(args) == 0, capsys.readouterr().err
    captured = capsys.readouterr()
    return json.loads(captured.out), captured.out + captured.err


# indices too (--index: every theme's; --index-items: questions picked): their sums are summed in the database
CALLS = [("report", ["--group", "rolle"]),
         ("report", ["--group", "rolle", "--groupings", "rolle,pulje", "--min-group-size", "5", "--index", "all"]),
         ("report", ["--group", "pulje", "--groupings", "rolle,pulje", "--min-group-size", "10", "--index", "all"]),
         ("generated", ["--group", "skole", "--index", "all"]),  # the setup protects skole and kjonn together, at 5
         ("generated", ["--group", "kjonn", "--index-items", "trivsel_1,trivsel_2,trivsel_6", "--index-name", "egen"]),
         ("generated", ["--group", "skole", "--min-group-size", "12", "--index", "all"]),
         ("generated", ["--group", "kjonn", "--min-group-size", "12", "--index", "all"]),  # "Annet" held back
         # single choice, yes/no, multiple response (columns and a list), numbers; "Rektor" (3) held back
         ("kinds", ["--group", "rolle"]),
         ("kinds", ["--group", "rolle", "--min-group-size", "48"]),
         # --items naming a scale, a single choice, a number, a set of tick columns by its name and a list (a
         # database reads only these: the list is named, so the reader's caveat on it is given from both)
         ("kinds", ["--group", "rolle", "--items", "tilfredshet,deltok,antall_elever,tiltak,tiltak_liste"]),
         # one school spelled five ways, another in two Unicode forms: the same cells as the file reader's
         ("spellings", []),
         ("spellings", ["--group", "skole"])]


@pytest.mark.parametrize(("survey", "options"), CALLS, ids=[f"{s}:{' '.join(o)}" for s, o in CALLS])
def test_the_same_json_from_a_file_postgresql_duckdb_parquet_and_sqlite(capsys, surveys, files, postgres, survey,
                                                                        options):
    csv, setup = surveys[survey]
    common = ["--codebook", str(setup), *options, "--format", "json"]
    expected, _ = _json(capsys, ["summarize", str(csv), *common])
    sources = {"postgresql": f"{postgres}|{survey}", **{engine: tables[survey] for engine, tables in files.items()}}
    for engine, source in sources.items():
        url, table = source.split("|")
        got, output = _json(capsys, ["summarize", "--database", url, "--table", table, *common])
        assert got == expected, engine
        assert READER_PASSWORD not in output and "leser" not in output
    # the rule held something back in the protected calls, so the comparison covers hidden cells and groups
    if "--groupings" in options or survey == "generated":
        assert any("holdt tilbake" in w or "skjult" in w for w in expected["warnings"])
    # every kind of question was compared too, a group hidden where the rule hides one
    if survey == "kinds" and "--items" in options:
        assert [(item["column"], item["kind"]) for item in expected["items"]] == [
            ("tilfredshet", "scale"), ("tiltak", "multi"), ("tiltak_liste", "multi"), ("deltok", "choice"),
            ("antall_elever", "number")]
    elif survey == "kinds":
        kinds = {item["column"]: item["kind"] for item in expected["items"]}
        assert sorted(kinds.values()) == ["choice", "choice", "multi", "multi", "number", "scale"], kinds
        leder, _, rektor = expected["items"][-1]["stats"]  # the number question's
        # Leder: 50 respondents, 45 of them gave a number (a cell of fewer than 48 answers: all held back there);
        # Rektor: 3 respondents, hidden
        assert leder["n"] == (0 if "48" in options else 45) and rektor.get("suppressed")
    # the indices were compared too, with a group hidden where the rule hides one
    if "--index" in options or "--index-items" in options:
        assert expected["indices"] and all(ix["alpha"] is not None for ix in expected["indices"])
        if options[:4] == ["--group", "kjonn", "--min-group-size", "12"]:
            assert [s["n"] is None for s in expected["indices"][0]["stats"]] == [True, False, False]


def test_hidden_cells_are_hidden_alike_with_filters(surveys, files):
    """The function behind --database, with a filter (the app's filter), against the in-memory view."""
    csv, setup = surveys["generated"]
    codebook = read_codebook(setup.read_bytes(), setup.name)
    survey = read_file(csv.read_bytes(), csv.name, codebook=codebook)
    for filters in ({"kjonn": ["Jente"]}, {"skole": ["3", "4", "12"]}):
        request = ViewRequest.of(group="skole", groupings=("skole", "kjonn"), min_group_size=5, filters=filters)
        in_memory = make_view(survey, request)
        url, table = files["duckdb"]["generated"].split("|")
        counted = count_in_database(url, table, codebook, group="skole", groupings=("skole", "kjonn"),
                                    min_group_size=5, filters=filters)
        assert counted.counts.groups == in_memory.counts.groups
        assert np.array_equal(counted.counts.table, in_memory.counts.table)
        assert counted.counts.respondents == in_memory.counts.respondents
        assert counted.counts.no_group == in_memory.counts.no_group
        assert counted.emptied == in_memory.hidden_cells
        assert counted.held_any == in_memory.held.any


@pytest.mark.parametrize("survey", ["report", "kinds"])
def test_a_report_from_the_database_is_the_files(tmp_path, surveys, files, survey):
    """The report (its Word text: chapters, index sentences and tables, the chapter of other kinds) from DuckDB over
    Parquet is the one the file gives, word for word, but for the respondents' comments: text never leaves the
    database, so the file's side is read without its comment columns."""
    from docx import Document

    csv, setup = surveys[survey]
    comments = read_file(csv.read_bytes(), csv.name, codebook=read_codebook(setup.read_bytes(), setup.name)).text_columns
    if comments:
        plain = tmp_path / csv.name
        pd.read_csv(csv).drop(columns=list(comments)).to_csv(plain, index=False)
        csv = plain
    url, table = files["parquet"][survey].split("|")
    common = ["--codebook", str(setup), "--group", "rolle", "--subtitle", "LMP", "--date", "2026-12-03"]

    def text(args: list[str], name: str) -> list[str]:
        out = tmp_path / name
        assert main(["report", *args, *common, "--out", str(out)]) == 0
        document = Document(str(out))
        return [p.text for p in document.paragraphs] + [c.text for t in document.tables for r in t.rows
                                                         for c in r.cells]

    expected = text([str(csv)], f"{survey}_fil.docx")
    got = text(["--database", url, "--table", table], f"{survey}_db.docx")
    assert got == expected
    joined = "\n".join(expected)
    assert "Skoleleder" in joined or "Lærer" in joined
    if survey == "report":
        assert "Cronbachs alfa" in joined  # each theme's index
    else:
        assert "Hvordan fikk du høre om tilbudet?" in joined and "antall_elever" in joined  # the other kinds


def _error(capsys, args: list[str]) -> str:
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), captured.err
    return lines[0]


def test_every_failure_is_one_sentence_without_credentials(capsys, surveys, postgres, monkeypatch):
    setup = str(surveys["report"][1])
    base = ["summarize", "--codebook", setup, "--group", "rolle"]
    wrong = postgres.replace(READER_PASSWORD, "feil-passord-77")
    messages = [
        _error(capsys, [*base, "--database", "mysql://leser:" + READER_PASSWORD + "@db/x", "--table", "report"]),
        _error(capsys, [*base, "--database", wrong, "--table", "report"]),
        _error(capsys, [*base, "--database", postgres, "--table", "finnes_ikke"]),
        _error(capsys, [*base, "--database", postgres, "--table", "generated"]),  # the report's columns are not there
        _error(capsys, [*base, "--database", postgres]),
        _error(capsys, [*base, "--database", postgres, "--table", "report", str(CODED)]),
    ]
    monkeypatch.setattr(database, "TIMEOUT_S", 1)
    messages.append(_error(capsys, [*base, "--database", postgres, "--table", "slow"]))
    assert "ikke av en kjent type" in messages[0]
    assert "Fikk ikke kontakt med PostgreSQL" in messages[1]
    assert "ingen tabell finnes_ikke" in messages[2]
    assert "har ikke kolonnene" in messages[3]
    assert "--table" in messages[4]
    assert "enten en svarfil eller --database" in messages[5]
    assert "mer enn 1 sekunder" in messages[6]
    for message in messages:
        assert READER_PASSWORD not in message and "feil-passord" not in message
        assert "leser" not in message and "host=" not in message


def test_only_counts_leave_the_database(surveys, files, monkeypatch):
    """What the queries return has one row per cell and answer (or per cell), never one per respondent."""
    seen: list[int] = []
    original = database._Connection.frame

    def spy(self, sql, table):
        frame = original(self, sql, table)
        seen.append(frame.height)
        return frame

    monkeypatch.setattr(database._Connection, "frame", spy)
    csv, setup = surveys["generated"]
    url, table = files["sqlite"]["generated"].split("|")
    count_in_database(url, table, read_codebook(setup.read_bytes(), setup.name), group="skole",
                      groupings=("skole", "kjonn"), index_sets=lambda items: {"trivsel": [it.column for it in items]})
    rows = len(pd.read_csv(csv))
    # schema (0 rows), answers (at most 13 schools × 3 genders × 8 answers × 6 questions), cells (at most 13 × 3)
    assert seen[0] == 0 and seen[1] <= 13 * 3 * 8 * 6 and seen[2] <= 13 * 3
    assert seen[1] < rows and seen[2] < rows
    # the index: respondents per cell, number of questions answered (0–6) and sum of scores (0–30); then one
    # row of pair sums per cell
    assert len(seen) == 5 and seen[3] <= 13 * 3 * 7 * 31 and seen[4] <= 13 * 3


def test_a_bad_address_names_no_part_of_it():
    with pytest.raises(SurveyError) as err:
        count_in_database("oracle://leser:hemmelig@db:1521/x", "t", {})
    assert "hemmelig" not in str(err.value) and "leser" not in str(err.value)


# --- the app: a connection the host configured, chosen on the Data page ---------------------------------------------

def _setup_with_protection(folder: Path) -> Path:
    """The report's setup with rolle and pulje protected, as `setup --groupings rolle,pulje` writes it."""
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["setup", str(CODED), "--codebook", str(CODEBOOK), "--groupings", "rolle,pulje"]) == 0
    path = folder / "oppsett.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_the_data_page_counts_in_a_configured_database(tmp_path, files, capsys):
    from streamlit.testing.v1 import AppTest

    from tests.apptest import plain
    from tests.conftest import ROOT

    setup = _setup_with_protection(tmp_path)
    url, table = files["duckdb"]["report"].split("|")
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.secrets["databases"] = {"lmp": {"label": "LMP-undersøkelsen (database)", "url": url, "table": table,
                                       "setup": str(setup)}}
    at.run()
    assert not at.exception
    at.selectbox(key="db_choice").set_value("lmp").run()
    assert at.selectbox(key="db_group").options == ["rolle", "pulje"]
    at.selectbox(key="db_group").set_value("rolle").run()
    at.button(key="db_count").click().run()
    assert not at.exception
    success = plain(at.success[0].value)
    assert success.startswith("Talt i databasen: LMP-undersøkelsen (database)") and "8 spørsmål, 2 grupper" in success
    page_text = " ".join(str(e.value) for kind in ("markdown", "caption", "success", "info") for e in at.get(kind))
    assert url not in page_text and "duckdb" not in page_text
    # the results page's table: the file's numbers with rolle and pulje protected (the CLI's, compared above)
    at.switch_page("pages/results.py").run()
    assert not at.exception
    expected, _ = _json(capsys, ["summarize", str(CODED), "--codebook", str(setup), "--group", "rolle",
                                 "--format", "json"])
    table_frame = at.table[0].value
    # each question's n per group as the file gives it: school owners 7 (the 3 of pulje 1 held back), leaders 36/35
    for row, item in zip(table_frame.itertuples(index=False), expected["items"]):
        n = {s["group"]: s["n"] for s in item["stats"]}
        assert (int(row[0]), int(row[4])) == (n["Skoleeier"], n["Skoleleder"])
    assert [int(v) for v in table_frame.iloc[:, 0]] == [7, 7, 7, 7]
    # the chosen theme's index, summed in the database: the sentence and table the file's index gives
    from lmp_core.compute.indices import view_indices
    from lmp_core.present.report.sentences import index_sentence
    from lmp_core.present.tables import index_table

    theme = at.multiselect(key="themes_widget").value[0]
    codebook = read_codebook(setup.read_bytes(), setup.name)
    survey = read_file(CODED.read_bytes(), CODED.name, codebook=codebook)
    (index,) = view_indices(survey, ViewRequest.of(group="rolle", groupings=("rolle", "pulje"), min_group_size=5),
                            [theme])
    assert index.alpha is not None and [s.n for s in index.stats] == [7, 36]
    assert index_sentence(index, "nb") in [plain(e.value) for e in at.text]
    from tests.apptest import plain_frame

    expected_table = index_table(index, lang="nb")
    expected_table = expected_table.set_index(expected_table.columns[0])  # the page shows the groups as rows
    assert any(plain_frame(e.value).astype(str).equals(expected_table.astype(str)) for e in at.table)


def test_an_index_summed_over_several_queries_equals_the_file(surveys, files, monkeypatch):
    """A long index's pair sums are split over queries (PostgreSQL allows 1,664 columns): split into queries of
    seven columns here, the index is still the file's, bit for bit."""
    from lmp_core.compute.indices import index_sets, view_indices

    csv, setup = surveys["generated"]
    codebook = read_codebook(setup.read_bytes(), setup.name)
    survey = read_file(csv.read_bytes(), csv.name, codebook=codebook)
    request = ViewRequest.of(group="kjonn", groupings=("skole", "kjonn"), min_group_size=5)
    (expected,) = view_indices(survey, request, ["trivsel"])
    monkeypatch.setattr(database, "MAX_AGGREGATES", 7)
    url, table = files["duckdb"]["generated"].split("|")
    counted = count_in_database(url, table, codebook, group="kjonn", groupings=("skole", "kjonn"), min_group_size=5,
                                index_sets=lambda items: index_sets(items, ["trivsel"]))
    (got,) = view_indices(counted.counts, request, ["trivsel"], sums=counted.index_sums)
    assert got.to_dict() == expected.to_dict()
    assert expected.alpha is not None and expected.stats[0].n == 35  # "Annet": its small cells held back


def test_the_results_page_shows_every_kind_counted_in_a_database(surveys, files):
    """A database's single-choice, yes/no, multiple-response and number questions on the results page: the same
    tables the file gives (the kinds survey in DuckDB; "Rektor", 3 respondents, hidden)."""
    from streamlit.testing.v1 import AppTest

    from lmp_core.compute.kind_stats import kind_results
    from lmp_core.present.tables import kind_table
    from tests.apptest import plain_frame
    from tests.conftest import ROOT

    csv, setup = surveys["kinds"]
    url, table = files["duckdb"]["kinds"].split("|")
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.secrets["databases"] = {"typer": {"label": "Alle typer", "url": url, "table": table, "setup": str(setup)}}
    at.run()
    at.selectbox(key="db_choice").set_value("typer").run()
    at.selectbox(key="db_group").set_value("rolle").run()
    at.button(key="db_count").click().run()
    at.switch_page("pages/results.py").run()
    assert not at.exception
    codebook = read_codebook(setup.read_bytes(), setup.name)
    survey = read_file(csv.read_bytes(), csv.name, codebook=codebook)
    expected = kind_results(survey, group="rolle", groupings=("rolle",), min_group_size=5)
    assert [r.kind for r in expected] == ["multi", "multi", "choice", "choice", "number"]
    shown = [plain_frame(e.value).astype(str) for e in at.table]
    for result in expected:
        frame = kind_table(result, lang="nb")
        frame = frame.set_index(frame.columns[0]).astype(str)
        assert any(s.equals(frame) for s in shown), result.column


def test_every_kind_without_a_group_or_protection_is_the_files(surveys, files):
    """No group and no protected column: one cell (the queries have no GROUP BY keys); the kinds as in memory."""
    from lmp_core.compute.kind_stats import database_results, kind_results

    csv, setup = surveys["kinds"]
    codebook = read_codebook(setup.read_bytes(), setup.name)
    survey = read_file(csv.read_bytes(), csv.name, codebook=codebook)
    expected = kind_results(survey, groupings=(), min_group_size=5)
    url, table = files["sqlite"]["kinds"].split("|")
    counted = count_in_database(url, table, codebook, groupings=())
    got = database_results(counted, min_group_size=5)
    assert [r.to_dict() for r in got] == [r.to_dict() for r in expected]
    assert counted.counts.respondents == (153,) and [r.kind for r in got] == ["multi", "multi", "choice", "choice",
                                                                             "number"]
