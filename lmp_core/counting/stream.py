"""Files larger than memory: the answers counted by DuckDB as it reads the file, never held whole.

A CSV or Parquet file of any length is counted as a database table is (:mod:`lmp_core.counting.database`): DuckDB
reads it in batches and sends back, per cell of the protected grouping columns (and the group column), the
respondents and each question's answers; the reading stage tells Parquet from delimited text
(:func:`lmp_core.read.parquet.is_parquet_file`), the setup's reader codes the distinct values
(:func:`lmp_core.setup.distinct.read_distinct`) and the disclosure rule
(:mod:`lmp_core.counting.db_counts`) holds back what it holds back in memory. So ``summarize --stream`` shows what
``summarize`` shows for the same file and setup: the same protection, the questions of every kind, respondents
without a group value in the total. The answers are read in one pass over the file (each row turned into one row per
question before grouping), since a CSV has no columns to read apart.

The codebook (the setup) is required: which columns are questions, their scales and the protected columns cannot
be worked out without reading the answers, and the point is not to read them into memory.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from lmp_core.base.errors import SurveyError
from lmp_core.counting.database import count_in_database
from lmp_core.counting.db_counts import Counted
from lmp_core.counting.sql import quote_text
from lmp_core.read.parquet import is_parquet_file
from lmp_core.setup.codebook import CodebookEntry


def stream_counts(path: Path, codebook: Mapping[str, CodebookEntry], **options: Any) -> Counted:
    """The counts of a CSV or Parquet file's questions per group, protected by the rule, in a streaming scan.

    ``options``: those of :func:`lmp_core.counting.database.count_in_database` (``group``, ``groupings``,
    ``min_group_size``, ``items``, ``lang``, ``index_sets``). Missing values as there: a blank answer is blank, a
    blank group value is no group (in the total, in no group's figures).
    """
    source = f"{'read_parquet' if is_parquet_file(path) else 'read_csv'}({quote_text(str(path))})"
    try:
        return count_in_database("duckdb:", path.name, codebook, source=source, **options)
    except SurveyError as err:
        if err.key == "db_missing_columns":  # in the words of a file, not of a database table
            raise SurveyError("stream_missing_columns", file=path.name, columns=err.params["columns"]) from None
        raise
