"""Counting as SQL, for data that stays in a warehouse (DuckDB, MotherDuck, PostgreSQL, BigQuery…).

:func:`counts_sql` writes one query that turns a table of respondent rows into the long frequency table
the app and the command line read (``item, group, answer, count``; :mod:`lmp_core.counting.frequency`). Only
the counts leave the warehouse; the statistics are then the same as from the rows themselves, since every
statistic here comes from the counts (:mod:`lmp_core.counting.counts`).

The query is plain SQL (``CASE``, ``COUNT(*)``, ``GROUP BY``, ``UNION ALL``, ``ORDER BY``), one ``SELECT`` per
question, the rows ordered by the question's place in the codebook (``position``), group and answer:

- an answer code the codebook labels becomes its label (``1`` → "I svært liten grad", ``9`` → "Vet ikke");
  a code it does not label, and a blank, become the empty answer (a blank: missing, as in the app);
- a question without labels (role ``question``, answers stored as text) is counted by its text;
- with a group column, rows without a group value are left out (the app leaves them out of every group).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from lmp_core.base.errors import SurveyError
from lmp_core.setup.codebook import CodebookEntry


def quote_name(name: str) -> str:
    """An SQL identifier: ``rolle`` → ``"rolle"`` (a quote inside is doubled).

    >>> print(quote_name('a"b'))
    "a""b"
    """
    return '"' + name.replace('"', '""') + '"'


def quote_text(value: str) -> str:
    """An SQL string literal: ``Don't know`` → ``'Don''t know'``."""
    return "'" + value.replace("'", "''") + "'"


def _code(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def codebook_questions(codebook: Mapping[str, CodebookEntry], *, group: str | None = None,
                       items: Sequence[str] | None = None) -> list[str]:
    """The codebook's questions to count (for the warehouse query and the streaming count alike): its rows
    with labels whose role is not ``background`` or ``ignore``, and the rows whose role is ``question``,
    other than ``group``; only ``items`` when given (an item the codebook lacks is an error)."""
    questions = [c for c, e in codebook.items() if c != group and (
        e.role == "question" or (e.value_labels and e.role not in ("background", "ignore")))]
    if items is not None:
        unknown = [c for c in items if c not in codebook]
        if unknown:
            raise SurveyError("unknown_item", column=", ".join(unknown), choices=", ".join(questions))
        questions = [c for c in questions if c in items]
    if not questions:
        raise SurveyError("sql_no_questions", columns=", ".join(codebook))
    return questions


def counts_sql(codebook: Mapping[str, CodebookEntry], table: str, *, group: str | None = None,
               items: Sequence[str] | None = None) -> str:
    """The query that counts every question of ``codebook`` (or ``items``) per ``group`` in ``table``.

    ``table`` is inserted as written: a table's name, or for DuckDB e.g. ``read_parquet('svar.parquet')``.
    Questions are the codebook's rows with labels (a scale or codes) whose role is not ``background`` or
    ``ignore``, and the rows whose role is ``question`` (answers stored as text), other than ``group``.
    """
    questions = codebook_questions(codebook, group=group, items=items)
    group_sql = f"CAST({quote_name(group)} AS VARCHAR)" if group else None
    selects = []
    for position, column in enumerate(questions, start=1):
        entry, name = codebook[column], quote_name(column)
        if entry.value_labels:
            cases = " ".join(f"WHEN {_code(code)} THEN {quote_text(label)}"
                             for code, label in sorted(entry.value_labels.items()))
            answer = f"CASE {name} {cases} ELSE '' END"
        else:
            answer = f"COALESCE(CAST({name} AS VARCHAR), '')"
        keys = [quote_text(column), *([group_sql] if group_sql else []), answer]
        select = (f"SELECT {position} AS position, {quote_text(column)} AS item, "
                  + (f"{group_sql} AS {quote_name('group')}, " if group_sql
                                                               else "")
                  + f"{answer} AS answer, COUNT(*) AS {quote_name('count')}\nFROM {table}"
                  + (f"\nWHERE {quote_name(group)} IS NOT NULL" if group else "")
                  + f"\nGROUP BY {', '.join(keys[1:])}")
        selects.append(select)
    # a set order: an engine that works in parallel returns rows in any order, and the reader takes the groups in
    # the order it first meets them
    order = "1, 3, 4" if group else "1, 3"  # position (the codebook's order), group, answer
    return "\nUNION ALL\n".join(selects) + f"\nORDER BY {order}\n"
