"""Count where the data lives: one query in PostgreSQL, DuckDB or SQLite, and only counts come back.

A national survey's respondent rows stay in the database. LMP Explorer sends one aggregate query and receives,
for every question, the number of respondents per *cell* and answer, where a cell is a combination of values
of the protected grouping columns (and the view's group column); and the number of respondents per cell. Those
counts are all the disclosure rule of :mod:`lmp_core.counting.disclosure` looks at (cell sizes, and per question
and cell the substantive and the given answers), so it decides here exactly as in memory: a cell under the
minimum is left out of every count, a question's answers in a cell with too few of them count as blank. The
counts then become the same :class:`~lmp_core.counting.counts.Counts` the in-memory path makes, and every statistic
after it is the same code.

The setup (which columns are questions, their scales and codes, the protected columns) comes from the setup file:
it cannot be worked out without reading the answers. The questions' answers are turned into the setup's codes by
the very reader the files go through (:func:`lmp_core.setup.columns.build_survey`), run on the *distinct* values the
query returned (never on respondents), so a code means the same here as in a file.

An index's sums (:mod:`lmp_core.counting.index_sums`: per pair of questions, over the respondents who answered
both, their number and the sums of scores, squares and products; per cell, respondents per number of questions
answered and sum of scores) are summed by two more queries per index (:func:`index_queries`), per cell, and the
cells the rule holds back are left out of them as out of the answers.

What differs from a file, by nature: a table has no row order, so groups whose names hold no number come in
alphabetical order (a file gives them in the order they first appear); only questions with an answer scale are
counted (single-choice questions, ticked sets and numbers are not counted here).

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
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import polars as pl

from lmp_core.base.errors import Note, SurveyError
from lmp_core.base.rules import MIN_GROUP_SIZE
from lmp_core.counting.counts import Counts, group_codes
from lmp_core.counting.index_sums import MIN_SHARE, IndexSums, value_counts
from lmp_core.counting.sql import codebook_questions, quote_name, quote_text
from lmp_core.setup.codebook import CodebookEntry
from lmp_core.setup.columns import build_survey
from lmp_core.setup.survey import Item

#: Seconds a query may run before it is stopped (PostgreSQL's statement_timeout).
TIMEOUT_S = 600
ENGINES = {"postgresql": "PostgreSQL", "postgres": "PostgreSQL", "duckdb": "DuckDB", "sqlite": "SQLite"}


@dataclass(frozen=True)
class Counted:
    """What the database gave, after the disclosure rule: the view's counts, the (question, group) cells whose
    answers were all held back (shown as hidden, not as "nobody answered"), and whether anything was held back."""

    counts: Counts
    emptied: frozenset[tuple[str, str]]
    held_any: bool
    #: what reading the answers found (codes outside a scale …), with the numbers of answers the whole table has
    notes: tuple[Note, ...] = ()
    #: each index's sums, summed in the database (``index_sets`` of :func:`count_in_database`)
    index_sums: Mapping[str, IndexSums] = field(default_factory=dict)


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
    LATERAL (VALUES …)``) before grouping, instead of a hundred scans of the whole table.
    """
    key_sql = [f"CAST(t.{quote_name(k)} AS VARCHAR) AS k{i}" for i, k in enumerate(keys)]
    group_by = [f"t.{quote_name(k)}" for k in keys]
    if engine == "postgresql" and questions:
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


def _typed(values: list[str | None], dtype: pl.DataType) -> pl.Series:
    """Text from the database back in its column's type (numbers as numbers, so a code reads as in a file). A
    column said to be numeric whose values are not all numbers stays text: SQLite reports a type per value, and
    an empty result's column types are guesses."""
    series = pl.Series(values, dtype=pl.String)
    if dtype.is_numeric() or dtype == pl.Null:
        numbers = series.cast(pl.Float64, strict=False)
        if numbers.null_count() == series.null_count():
            whole = numbers.drop_nulls()
            return numbers.cast(pl.Int64) if dtype.is_integer() or (whole == whole.round()).all() else numbers
        return series
    if dtype == pl.Boolean:
        return series.str.to_lowercase().is_in(["true", "t", "1"]).set(series.is_null(), None)
    return series


def count_in_database(url: str, table: str, codebook: Mapping[str, CodebookEntry], *, group: str | None = None,
                      groupings: Sequence[str] = (), min_group_size: int = MIN_GROUP_SIZE,
                      filters: Mapping[str, Sequence[str]] | None = None, items: Sequence[str] | None = None,
                      lang: str = "nb", index_sets: IndexSets | None = None) -> Counted:
    """Count ``table``'s questions (the setup's, or ``items``) per ``group`` in the database at ``url``, holding
    back what the disclosure rule over ``groupings`` (protected together, at ``min_group_size``) holds back.

    Missing values: a NULL answer is blank; a NULL group value is no group (counted in no group's figures but in
    the total, as in memory). ``filters`` keep only rows whose values (in grouping columns) are listed.
    ``index_sets``: given the counted questions, the indices to make (name → questions); their sums
    (:mod:`lmp_core.counting.index_sums`) are summed in the database too (:func:`index_queries`), per cell, and
    the cells the rule holds back are left out of them as out of the answers.
    """
    connection = _Connection(url)
    try:
        source = table_sql(table, connection.engine)
        schema = connection.frame(f"SELECT * FROM {source} WHERE 1 = 0", table).schema
        questions = codebook_questions(codebook, group=group, items=items)
        keys = list(dict.fromkeys([*groupings, *([group] if group else []), *(filters or {})]))
        missing = [c for c in [*questions, *keys] if c not in schema]
        if missing:
            raise SurveyError("db_missing_columns", engine=connection.name, table=table, columns=", ".join(missing),
                              available=", ".join(schema.names()))
        answer_sql, cell_sql = count_query(source, keys, questions, engine=connection.engine)
        answers = connection.frame(answer_sql, table)
        cells = connection.frame(cell_sql, table)
        counted, rule = _counted(answers, cells, schema, codebook, questions, keys, group=group,
                                 groupings=tuple(groupings), min_group_size=min_group_size, filters=filters,
                                 table=table, lang=lang)
        sums: dict[str, IndexSums] = {}
        for name, columns in (index_sets(counted.counts.items) if index_sets else {}).items():
            chosen = [counted.counts.items[counted.counts.item_index(c)] for c in columns]
            histogram_sql, pair_sql = index_queries(source, keys, chosen, rule.code_of)
            sums[name] = rule.index_sums(chosen, connection.frame(histogram_sql, table),
                                         [connection.frame(sql, table) for sql in pair_sql])
    finally:
        connection.close()
    return replace(counted, index_sums=sums)


def _score_sql(item: Item, code_of: Mapping[str | None, int]) -> str:
    """A question's score in SQL, from its text as the counting query reads it (NULL: blank, "Vet ikke" or a value
    outside the scale)."""
    whens = [f"WHEN {quote_text(raw)} THEN {item.scale.scores[code - 1]!r}" for raw, code in code_of.items()
             if raw is not None and 1 <= code <= item.scale.k]
    if not whens:
        return "CAST(NULL AS DOUBLE PRECISION)"
    return f"CAST(CASE CAST(t.{quote_name(item.column)} AS VARCHAR) {' '.join(whens)} END AS DOUBLE PRECISION)"


#: Aggregates per query: PostgreSQL allows 1,664 columns in a result.
MAX_AGGREGATES = 1_200


def index_queries(source: str, keys: Sequence[str], items: Sequence[Item],
                  code_of: Mapping[str, Mapping[str | None, int]]) -> tuple[str, list[str]]:
    """The queries of one index's sums per cell (``k0…`` the cell's key values): respondents per number of
    questions answered (``c``) and sum of scores (``s``), whose quotient is their index value; and the pairs'
    n, S, Q and P (:func:`lmp_core.counting.index_sums.pair_sums`; ``n_i_j``, ``s_i_j``, ``q_i_j``, ``p_i_j``),
    split over queries of at most :data:`MAX_AGGREGATES` columns. Missing values: a blank, "Vet ikke" or an answer
    outside the scale is no score; a NULL key is a value of its own. Which (c, s) make an index value (at least
    :data:`~lmp_core.counting.index_sums.MIN_SHARE` of the questions answered) is decided with the counts."""
    key_sql = [f"CAST(t.{quote_name(k)} AS VARCHAR) AS k{i}" for i, k in enumerate(keys)]
    scored = (f"SELECT {''.join(f'{k}, ' for k in key_sql)}"
              + ", ".join(f"{_score_sql(it, code_of[it.column])} AS x{i}" for i, it in enumerate(items))
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


def _counted(answers: pl.DataFrame, cells: pl.DataFrame, schema: pl.Schema, codebook: Mapping[str, CodebookEntry],
             questions: Sequence[str], keys: Sequence[str], *, group: str | None, groupings: tuple[str, ...],
             min_group_size: int, filters: Mapping[str, Sequence[str]] | None, table: str, lang: str
             ) -> tuple[Counted, _Rule]:
    # 1. the setup's reader on the distinct values only: the questions as a file makes them, each distinct raw
    # answer's code, and each distinct key value's group (the same spelling and order rules as a file)
    distinct: dict[str, list[str | None]] = {}
    for q in questions:
        distinct[q] = sorted(set(answers.filter(pl.col("item") == q)["raw"].to_list()), key=lambda v: (v is None, v))
    for i, k in enumerate(keys):
        distinct[k] = sorted(set(cells[f"k{i}"].to_list()), key=lambda v: (v is None, v or ""))
    height = max((len(v) for v in distinct.values()), default=1)
    skeleton = pl.DataFrame({c: _typed(v + [None] * (height - len(v)), schema[c]) for c, v in distinct.items()})
    survey = build_survey(skeleton, table, codebook={c: e for c, e in codebook.items() if c in skeleton.columns})
    items = tuple(survey.item(q) for q in questions if survey.item_index(q) is not None)
    code_of = {it.column: dict(zip(distinct[it.column], survey.codes[: len(distinct[it.column]),
                                                                      survey.item_index(it.column)].tolist()))
               for it in items}
    group_code_rows, names = group_codes(survey, group, lang)
    group_of = dict(zip(distinct[group], group_code_rows[: len(distinct[group])].tolist())) if group else {}
    allowed = {k: {str(a) for a in v} for k, v in (filters or {}).items()}
    spelled = {k: _spelled(survey, k, distinct[k]) for k in allowed}

    # 2. the cells: the protected crossing, and which cells are under the minimum
    protected = [f"k{keys.index(c)}" for c in groupings]
    cells = cells.with_columns(cell=_cell_of(cells, protected))
    size = cells.group_by("cell").agg(pl.col("n").sum())
    small_cells = frozenset(size.filter((pl.col("n") > 0) & (pl.col("n") < min_group_size))["cell"].to_list())
    rule = _Rule(tuple(keys), tuple(protected), small_cells, group, group_of, allowed, spelled, names, code_of)
    kept = rule.kept(cells)
    kept_view = rule.in_view(kept)
    kept_groups = rule.groups_of(kept)
    n_groups = len(names)
    respondents = np.bincount(kept_groups[kept_view & (kept_groups >= 0)], weights=kept["n"].to_numpy()[
        kept_view & (kept_groups >= 0)], minlength=n_groups).astype(np.int64)
    no_group = int(kept["n"].to_numpy()[kept_view & (kept_groups < 0)].sum())

    # 3. per question: answers in a cell with too few of them count as blank; then summed per group
    width = max((it.n_categories for it in items), default=1)
    table_ = np.zeros((len(items), n_groups, width), dtype=np.int64)
    emptied: set[tuple[str, str]] = set()
    held_any = bool(small_cells)
    answers_all = answers
    answers = rule.kept(answers)
    for j, item in enumerate(items):
        rows = answers.filter(pl.col("item") == item.column)
        codes = np.array([code_of[item.column].get(v, 0) for v in rows["raw"].to_list()], dtype=np.int64)
        n = rows["n"].to_numpy().astype(np.int64)
        cell_ids, cell_index = np.unique(rows["cell"].to_numpy(), return_inverse=True)
        substantive = np.bincount(cell_index, weights=n * ((codes > 0) & (codes <= item.scale.k)),
                                  minlength=len(cell_ids))
        given = np.bincount(cell_index, weights=n * (codes > 0), minlength=len(cell_ids))
        small = ((substantive > 0) & (substantive < min_group_size)) | ((given > 0) & (given < min_group_size))
        withheld = small[cell_index] & (codes > 0)
        held_any |= bool(withheld.any())
        view = rule.in_view(rows)
        groups = rule.groups_of(rows)
        live = view & (groups >= 0)
        shown = np.where(withheld, 0, codes)
        np.add.at(table_[j], (groups[live], shown[live]), n[live])
        if withheld.any():
            answered = table_[j, :, 1:].sum(axis=1)
            for g in np.unique(groups[live & withheld]):
                if answered[g] == 0:
                    emptied.add((item.column, names[g]))
    counts = Counts(table, items, names, table_, tuple(int(v) for v in respondents), group, no_group)
    return Counted(counts, frozenset(emptied), held_any, _notes(survey.notes, answers_all, code_of)), rule


def _cell_of(frame: pl.DataFrame, protected: Sequence[str]) -> pl.Series:
    """Each row's cell: its values of the protected keys (``k0…``), as one text."""
    if not protected:
        return pl.Series(["()"] * frame.height)
    return pl.Series([repr(t) for t in frame.select(protected).rows()])


@dataclass(frozen=True)
class _Rule:
    """The disclosure rule's decision on a table's cells, and how a row of a query's result (keys ``k0…``) maps to
    the view: its group, whether the filters keep it, each answer's code."""

    keys: tuple[str, ...]
    protected: tuple[str, ...]
    small_cells: frozenset[str]
    group: str | None
    group_of: Mapping[str | None, int]
    allowed: Mapping[str, set[str]]
    spelled: Mapping[str, Mapping[str | None, str]]
    names: tuple[str, ...]
    code_of: Mapping[str, Mapping[str | None, int]]

    def kept(self, frame: pl.DataFrame) -> pl.DataFrame:
        """The rows of cells that are not held back (with their ``cell``)."""
        if "cell" not in frame.columns:
            frame = frame.with_columns(cell=_cell_of(frame, self.protected))
        return frame.filter(~pl.col("cell").is_in(list(self.small_cells)))

    def counted(self, frame: pl.DataFrame) -> pl.DataFrame:
        """The rows that count: of cells not held back, in the view."""
        frame = self.kept(frame)
        return frame.filter(pl.Series(self.in_view(frame), dtype=pl.Boolean))

    def in_view(self, frame: pl.DataFrame) -> np.ndarray:
        mask = np.ones(frame.height, dtype=bool)
        for k, wanted in self.allowed.items():
            col = f"k{self.keys.index(k)}"
            mask &= np.array([self.spelled[k].get(v) in wanted for v in frame[col].to_list()], dtype=bool)
        return mask

    def groups_of(self, frame: pl.DataFrame) -> np.ndarray:
        if not self.group:
            return np.zeros(frame.height, dtype=np.int64)
        return np.array([self.group_of.get(v, -1) for v in frame[f"k{self.keys.index(self.group)}"].to_list()],
                        dtype=np.int64)

    def index_sums(self, items: Sequence[Item], histogram: pl.DataFrame, pairs: Sequence[pl.DataFrame]
                   ) -> IndexSums:
        """One index's sums over the kept cells in the view (:func:`index_queries`' results), as
        :func:`lmp_core.compute.indices.make_index` makes them from the respondents in memory."""
        k = len(items)
        total: dict[str, float] = {}
        for frame in map(self.counted, pairs):
            total |= {c: float(frame[c].fill_null(0).sum()) for c in frame.columns if c[:2] in ("n_", "s_", "q_", "p_")}
        sums = np.zeros((4, k, k))
        for i in range(k):
            for j in range(k):
                lo, hi = min(i, j), max(i, j)
                sums[:, i, j] = (total[f"n_{lo}_{hi}"], total[f"s_{i}_{j}"], total[f"q_{i}_{j}"],
                                 total[f"q_{i}_{i}"] if i == j else total[f"p_{lo}_{hi}"])
        rows = self.counted(histogram)
        answered, total_, n = (rows[c].to_numpy() for c in ("c", "s", "n"))
        answered = answered.astype(np.int64)
        with np.errstate(invalid="ignore", divide="ignore"):
            value = np.where(answered >= MIN_SHARE * k, total_.astype(float) / answered, np.nan)
        distinct, per_group = value_counts(value, self.groups_of(rows), len(self.names), n.astype(np.int64))
        return IndexSums(sums, int(n.sum()), int(n[answered > 0].sum()), distinct, per_group)


def _notes(notes: Sequence[Note], answers: pl.DataFrame, code_of: Mapping[str, Mapping[str | None, int]]
           ) -> tuple[Note, ...]:
    """The reader's notes on the distinct values, with each count of answers outside a scale taken from the whole
    table (the reader saw each value once): the answers given whose value the scale does not know."""
    out: list[Note] = []
    for key, params in notes:
        if key in ("codes_outside_scale", "labels_outside_scale") and params.get("column") in code_of:
            column = params["column"]
            outside = [raw for raw, code in code_of[column].items() if raw is not None and code == 0]
            rows = answers.filter((pl.col("item") == column) & pl.col("raw").is_in(outside))
            out.append((key, {**params, "count": int(rows["n"].sum())}))
        else:
            out.append((key, params))
    return tuple(out)


def _spelled(survey: Any, column: str, values: list[str | None]) -> dict[str | None, str]:
    """Each distinct value of a grouping column as a user sees it (the name a filter lists)."""
    codes, names = group_codes(survey, column)
    return {v: (names[c] if c >= 0 else "") for v, c in zip(values, codes[: len(values)].tolist())}
