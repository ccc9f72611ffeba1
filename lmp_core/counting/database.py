"""Count where the data lives: one query in PostgreSQL, DuckDB or SQLite, and only counts come back.

A national survey's respondent rows stay in the database. LMP Explorer sends aggregate queries and receives, for
every question, the number of respondents per *cell* and answer, where a cell is a combination of values of the
protected grouping columns (and the view's group and filter columns); and the number of respondents per cell. Those
counts are all the disclosure rule of :mod:`lmp_core.counting.disclosure` looks at, so it decides exactly as in
memory; :mod:`lmp_core.counting.db_counts` reads the distinct answers with the setup's reader (the setup file says
which columns are questions, their codes and the protected columns) and applies the rule, and every statistic
after it is the same code as for a file.

An index's sums (:mod:`lmp_core.counting.index_sums`: per pair of questions, over the respondents who answered
both, their number and the sums of scores, squares and products; per cell, respondents per number of questions
answered and sum of scores) are summed by two more queries per index (:func:`index_queries`), per cell, and the
cells the rule holds back are left out of them as out of the answers.

The questions of other kinds are counted by the same query: a single-choice question's and a ";"-list's answers
per distinct value (the reader gives each value its code, options and all), a number question's per distinct value
(:class:`~lmp_core.counting.counts.NumberCounts`), and a multiple-response set of columns gets one more query
(:func:`asked_query`) for the respondents asked, which depends on every column of the set.

What differs from a file, by nature: a table has no row order, so groups whose names hold no number, and the
options of a ";"-list, come in alphabetical order (a file gives them in the order they first appear).

The queries are plain SQL (``CAST``, ``COUNT(*)``, ``GROUP BY``, and ``UNION ALL`` or, for PostgreSQL, a lateral
``VALUES`` list; :func:`count_query`): the finest crossing is all the rule needs, so neither ``GROUPING SETS``
(which SQLite lacks) nor window functions are used.

Drivers (chosen for being Arrow-native, one small wheel each, no client libraries to install): Apache Arrow's ADBC
drivers for PostgreSQL (``adbc-driver-postgresql``) and SQLite (``adbc-driver-sqlite``), and DuckDB's own Python
package. A read-only role is enough: the query only reads. The address, user and password never appear in a
message, a note or the output: errors name the engine and the table.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

import polars as pl

from lmp_core.base.errors import SurveyError
from lmp_core.base.rules import MIN_GROUP_SIZE
from lmp_core.counting.db_counts import Counted, counted_from
from lmp_core.counting.index_sums import IndexSums
from lmp_core.counting.sql import codebook_questions, quote_name, quote_text
from lmp_core.setup.codebook import CodebookEntry
from lmp_core.setup.distinct import Reading, read_distinct
from lmp_core.setup.survey import Item

#: Seconds a query may run before it is stopped (PostgreSQL's statement_timeout).
TIMEOUT_S = 600
ENGINES = {"postgresql": "PostgreSQL", "postgres": "PostgreSQL", "duckdb": "DuckDB", "sqlite": "SQLite"}


#: Given the counted questions, the indices to sum (name → questions).
IndexSets = Callable[[tuple[Item, ...]], Mapping[str, Sequence[str]]]


def engine_of(url: str) -> str:
    """The engine a database address names: ``postgresql://…`` (or ``postgres://``), ``duckdb:`` /
    ``duckdb:///path.duckdb``, ``sqlite:///path.db``. Raises with the accepted forms, never repeating the address."""
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme not in ENGINES:
        raise SurveyError("db_bad_url", engines="postgresql://…, duckdb:///fil.duckdb, sqlite:///fil.db")
    return "postgresql" if scheme == "postgres" else scheme


def _path(url: str) -> str:
    """The file of a ``duckdb:`` or ``sqlite:`` address: ``duckdb:///data/svar.duckdb`` → ``/data/svar.duckdb``;
    empty (in memory) for ``duckdb:`` and ``duckdb://``."""
    rest = url.split(":", 1)[1]
    return rest[2:] if rest.startswith("//") else rest


class _Connection:
    """One connection, of whichever engine; ``arrow(sql)`` runs a query and gives its result as Arrow."""

    def __init__(self, url: str) -> None:
        self.engine = engine_of(url)
        self.name = ENGINES[self.engine]
        try:
            if self.engine == "duckdb":
                import duckdb

                path = _path(url)
                self._con: Any = duckdb.connect(path or ":memory:", read_only=bool(path))
                # no progress bar: DuckDB draws one on the terminal for a long query, into the JSON on stdout
                self._con.execute("SET enable_progress_bar = false")
            elif self.engine == "sqlite":
                import adbc_driver_sqlite.dbapi as sqlite

                self._con = sqlite.connect(_path(url) or ":memory:")
            else:
                import adbc_driver_postgresql.dbapi as postgresql

                url = "postgresql" + url[url.index(":"):]
                self._con = postgresql.connect(url)
                self._run(f"SET statement_timeout = {int(TIMEOUT_S * 1000)}")
        except SurveyError:
            raise
        except Exception as err:  # noqa: BLE001 - each driver has its own errors; none may echo the address
            raise SurveyError("db_connect", engine=self.name, reason=_reason(err)) from None

    def _run(self, sql: str) -> Any:
        if self.engine == "duckdb":
            return self._con.sql(sql).to_arrow_table()
        cursor = self._con.cursor()
        cursor.execute(sql)
        if cursor.description is None:  # a statement without rows (SET)
            return None
        return cursor.fetch_arrow_table()

    def frame(self, sql: str, table: str) -> pl.DataFrame:
        try:
            result = self._run(sql)
        except Exception as err:  # noqa: BLE001
            text = str(err).lower()
            if "statement timeout" in text or "canceling statement" in text:
                raise SurveyError("db_timeout", engine=self.name, table=table, seconds=TIMEOUT_S) from None
            if re.search(r"(does not exist|no such table|not found|catalog error)", text):
                raise SurveyError("db_no_table", engine=self.name, table=table) from None
            raise SurveyError("db_query_failed", engine=self.name, table=table, reason=_reason(err)) from None
        frame = pl.from_arrow(result)
        assert isinstance(frame, pl.DataFrame)
        return frame

    def close(self) -> None:
        with contextlib.suppress(Exception):  # closing a broken connection has nothing left to say
            self._con.close()


def _reason(err: BaseException) -> str:
    """The driver's first line, with anything that looks like an address, user or password taken out."""
    line = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    line = re.sub(r"[a-z][a-z0-9+.-]*://\S+", "…", line, flags=re.I)
    line = re.sub(r"(password|user|host|dbname)\s*=\s*\S+", r"\1=…", line, flags=re.I)
    line = re.sub(r'(user|role|database)\s+"[^"]*"', r'\1 "…"', line, flags=re.I)
    return line[:200]


def table_sql(table: str, engine: str) -> str:
    """A table's name as SQL: each dotted part quoted (``skole.svar`` → ``"skole"."svar"``); for DuckDB a Parquet
    or CSV file named by its path is read directly."""
    if engine == "duckdb" and re.search(r"\.(parquet|csv)$", table, flags=re.I):
        reader = "read_parquet" if table.lower().endswith(".parquet") else "read_csv"
        return f"{reader}({quote_text(table)})"
    return ".".join(quote_name(part) for part in table.split("."))


def count_query(source: str, keys: Sequence[str], questions: Sequence[str], *, engine: str = "duckdb"
                ) -> tuple[str, str]:
    """The two queries: answers per cell (``item, k0…, raw, n``) for every question, and respondents per cell.

    Every key and answer is cast to text, so one result holds every question whatever its type; a missing value
    stays NULL (a value of its own in a cell, as in memory). A column store (DuckDB) and SQLite get one ``GROUP BY``
    per question joined by ``UNION ALL`` (a column store reads two or three columns for each); PostgreSQL, which
    stores rows, gets one pass over the table that turns each row into one row per question (``CROSS JOIN
    LATERAL (VALUES …)``) before grouping, instead of a hundred scans of the whole table. A file DuckDB reads as it
    goes (``engine="file"``, :mod:`lmp_core.counting.stream`) gets one pass too, by DuckDB's ``UNPIVOT INCLUDE
    NULLS``, which streams in bounded memory where the lateral join does not (measured on 500,000 × 20: 180 MB and
    4.6 s, against 2.6 GB and 28 s).
    """
    key_sql = [f"CAST(t.{quote_name(k)} AS VARCHAR) AS k{i}" for i, k in enumerate(keys)]
    group_by = [f"t.{quote_name(k)}" for k in keys]
    if engine == "file" and questions:
        values = ", ".join(f"CAST(t.{quote_name(q)} AS VARCHAR) AS a{j}" for j, q in enumerate(questions))
        names = " ".join(f"WHEN 'a{j}' THEN {quote_text(q)}" for j, q in enumerate(questions))
        answers = (f"SELECT CASE u.item {names} END AS item, {''.join(f'u.k{i}, ' for i in range(len(keys)))}u.raw, "
                   f"COUNT(*) AS n FROM (SELECT {''.join(f'{k}, ' for k in key_sql)}{values} FROM {source} AS t) "
                   f"UNPIVOT INCLUDE NULLS (raw FOR item IN ({', '.join(f'a{j}' for j in range(len(questions)))})) "
                   f"AS u GROUP BY {', '.join(['u.item', *(f'u.k{i}' for i in range(len(keys))), 'u.raw'])}")
    elif engine == "postgresql" and questions:
        pairs = ", ".join(f"({quote_text(q)}, CAST(t.{quote_name(q)} AS VARCHAR))" for q in questions)
        answers = (f"SELECT v.item, {''.join(f'{k}, ' for k in key_sql)}v.raw, COUNT(*) AS n FROM {source} AS t "
                   f"CROSS JOIN LATERAL (VALUES {pairs}) AS v(item, raw) "
                   f"GROUP BY {', '.join(['v.item', *group_by, 'v.raw'])}")
    else:
        selects = []
        for question in questions:
            column = f"t.{quote_name(question)}"
            selects.append(f"SELECT {quote_text(question)} AS item, " + "".join(f"{k}, " for k in key_sql)
                           + f"CAST({column} AS VARCHAR) AS raw, COUNT(*) AS n FROM {source} AS t "
                           + f"GROUP BY {', '.join([*group_by, column])}")
        answers = "\nUNION ALL\n".join(selects)
    cells = (f"SELECT {', '.join(key_sql) or '1 AS k'}, COUNT(*) AS n FROM {source} AS t"
             + (f" GROUP BY {', '.join(group_by)}" if group_by else ""))
    return answers, cells


def count_in_database(url: str, table: str, codebook: Mapping[str, CodebookEntry], *, group: str | None = None,
                      groupings: Sequence[str] = (), min_group_size: int = MIN_GROUP_SIZE,
                      filters: Mapping[str, Sequence[str]] | None = None, items: Sequence[str] | None = None,
                      lang: str = "nb", index_sets: IndexSets | None = None, source: str | None = None) -> Counted:
    """Count ``table``'s questions (the setup's, or ``items``) per ``group`` in the database at ``url``, holding
    back what the disclosure rule over ``groupings`` (protected together, at ``min_group_size``) holds back.
    ``source``: the table as SQL when it is not ``table``'s name (a file DuckDB reads, e.g.
    ``read_csv('svar.csv')``: its answers are read in one pass, :func:`count_query`).

    Missing values: a NULL answer is blank; a NULL group value is no group (counted in no group's figures but in
    the total, as in memory). ``filters`` keep only rows whose values (in grouping columns) are listed.
    ``index_sets``: given the counted questions, the indices to make (name → questions); their sums
    (:mod:`lmp_core.counting.index_sums`) are summed in the database too (:func:`index_queries`), per cell, and
    the cells the rule holds back are left out of them as out of the answers.
    """
    connection = _Connection(url)
    try:
        one_pass = source is not None
        source = source or table_sql(table, connection.engine)
        schema = connection.frame(f"SELECT * FROM {source} WHERE 1 = 0", table).schema
        questions = codebook_questions(codebook, group=group, items=items)
        keys = list(dict.fromkeys([*groupings, *([group] if group else []), *(filters or {})]))
        missing = [c for c in [*questions, *keys] if c not in schema]
        if missing:
            raise SurveyError("db_missing_columns", engine=connection.name, table=table, columns=", ".join(missing),
                              available=", ".join(schema.names()))
        answer_sql, cell_sql = count_query(source, keys, questions,
                                           engine="file" if one_pass else connection.engine)
        answers = connection.frame(answer_sql, table)
        cells = connection.frame(cell_sql, table)
        reading = read_distinct(answers, cells, schema, codebook, questions, keys, table)
        set_sql = asked_query(source, keys, reading)
        asked = connection.frame(set_sql, table) if set_sql else None
        counted, rule = counted_from(reading, answers, cells, asked, keys=keys, group=group,
                                 groupings=tuple(groupings), min_group_size=min_group_size, filters=filters,
                                 table=table, lang=lang)
        sums: dict[str, IndexSums] = {}
        for name, columns in (index_sets(counted.counts.items) if index_sets else {}).items():
            chosen = [counted.counts.items[counted.counts.item_index(c)] for c in columns]
            histogram_sql, pair_sql = index_queries(source, keys, chosen, rule.code_of, rule.held_answers())
            sums[name] = rule.index_sums(chosen, connection.frame(histogram_sql, table),
                                         [connection.frame(sql, table) for sql in pair_sql])
    finally:
        connection.close()
    return replace(counted, index_sums=sums)


#: The protected columns and, per question, the values of the cells whose answers to it are held back
HeldCells = tuple[tuple[str, ...], Mapping[str, list[tuple[str | None, ...]]]]


def _score_sql(item: Item, code_of: Mapping[str | None, int], held: HeldCells = ((), {})) -> str:
    """A question's score in SQL, from its text as the counting query reads it (NULL: blank, "Vet ikke" or a value
    outside the scale, or an answer of a cell whose answers to it the question views hold back: ``held``)."""
    whens = [f"WHEN {quote_text(raw)} THEN {item.scale.scores[code - 1]!r}" for raw, code in code_of.items()
             if raw is not None and 1 <= code <= item.scale.k]
    if not whens:
        return "CAST(NULL AS DOUBLE PRECISION)"
    score = f"CASE CAST(t.{quote_name(item.column)} AS VARCHAR) {' '.join(whens)} END"
    columns, cells = held
    if cells.get(item.column):
        def same(column: str, value: str | None) -> str:
            name = f"t.{quote_name(column)}"
            return f"{name} IS NULL" if value is None else f"CAST({name} AS VARCHAR) = {quote_text(value)}"

        out = " OR ".join("(" + (" AND ".join(same(c, v) for c, v in zip(columns, values)) or "1 = 1") + ")"
                          for values in cells[item.column])
        score = f"CASE WHEN {out or '1 = 0'} THEN NULL ELSE {score} END"
    return f"CAST({score} AS DOUBLE PRECISION)"


#: Aggregates per query: PostgreSQL allows 1,664 columns in a result.
MAX_AGGREGATES = 1_200


def index_queries(source: str, keys: Sequence[str], items: Sequence[Item],
                  code_of: Mapping[str, Mapping[str | None, int]], held: HeldCells = ((), {})
                  ) -> tuple[str, list[str]]:
    """The queries of one index's sums per cell (``k0…`` the cell's key values): respondents per number of
    questions answered (``c``) and sum of scores (``s``), whose quotient is their index value; and the pairs'
    n, S, Q and P (:func:`lmp_core.counting.index_sums.pair_sums`; ``n_i_j``, ``s_i_j``, ``q_i_j``, ``p_i_j``),
    split over queries of at most :data:`MAX_AGGREGATES` columns. Missing values: a blank, "Vet ikke" or an answer
    outside the scale is no score, nor is an answer the question views hold back (``held``, the rule's
    :meth:`~lmp_core.counting.db_counts.Rule.held_answers`); a NULL key is a value of its own. Which (c, s) make an index value (at least
    :data:`~lmp_core.counting.index_sums.MIN_SHARE` of the questions answered) is decided with the counts."""
    key_sql = [f"CAST(t.{quote_name(k)} AS VARCHAR) AS k{i}" for i, k in enumerate(keys)]
    scored = (f"SELECT {''.join(f'{k}, ' for k in key_sql)}"
              + ", ".join(f"{_score_sql(it, code_of[it.column], held)} AS x{i}" for i, it in enumerate(items))
              + f" FROM {source} AS t")
    names = [f"k{i}" for i in range(len(keys))]
    group_by = f" GROUP BY {', '.join(names)}" if names else ""
    answered = " + ".join(f"(CASE WHEN x{i} IS NULL THEN 0 ELSE 1 END)" for i in range(len(items)))
    total = " + ".join(f"COALESCE(x{i}, 0)" for i in range(len(items)))
    histogram = (f"SELECT {''.join(f'{k}, ' for k in names)}c, s, COUNT(*) AS n FROM (SELECT "
                 f"{''.join(f'{k}, ' for k in names)}{answered} AS c, {total} AS s FROM ({scored}) AS x) AS y "
                 f"GROUP BY {', '.join([*names, 'c', 's'])}")
    aggregates = []
    for i in range(len(items)):
        for j in range(len(items)):
            where = f"x{i}" if i == j else f"CASE WHEN x{j} IS NOT NULL THEN x{i} END"
            if i <= j:
                aggregates.append(f"COUNT(x{i} + x{j}) AS n_{i}_{j}")
            aggregates.append(f"SUM({where}) AS s_{i}_{j}")
            aggregates.append(f"SUM({where} * x{i}) AS q_{i}_{j}")
            if i < j:
                aggregates.append(f"SUM(x{i} * x{j}) AS p_{i}_{j}")
    pairs = [f"SELECT {''.join(f'{k}, ' for k in names)}{', '.join(aggregates[start:start + MAX_AGGREGATES])} "
             f"FROM ({scored}) AS x{group_by}" for start in range(0, len(aggregates), MAX_AGGREGATES)]
    return histogram, pairs


def asked_query(source: str, keys: Sequence[str], reading: Reading) -> str | None:
    """Per cell, the respondents asked each multiple-response set of columns (``a0…``): those with a value in
    any of its columns that says they were asked (a tick, or with 0/1 columns any answer). None without such sets."""
    if not reading.column_sets:
        return None
    key_sql = [f"CAST(t.{quote_name(k)} AS VARCHAR) AS k{i}" for i, k in enumerate(keys)]
    asked = []
    for i, columns in enumerate(reading.column_sets.values()):
        tests = []
        for c in columns:
            raws = [raw for raw, code in reading.code_of[c].items() if raw is not None and code > 0]
            if raws:
                tests.append(f"CAST(t.{quote_name(c)} AS VARCHAR) IN ({', '.join(quote_text(r) for r in raws)})")
        asked.append(f"SUM(CASE WHEN {' OR '.join(tests) or '1 = 0'} THEN 1 ELSE 0 END) AS a{i}")
    group_by = f" GROUP BY {', '.join(f't.{quote_name(k)}' for k in keys)}" if keys else ""
    return f"SELECT {''.join(f'{k}, ' for k in key_sql)}{', '.join(asked)} FROM {source} AS t{group_by}"


