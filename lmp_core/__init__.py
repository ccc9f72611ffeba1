"""LMP Explorer's core: read survey files, count, compute the report's statistics, build
charts, tables and reports. Pure Python; never imports Streamlit.

Flow: :func:`read_file` -> :func:`count` -> :func:`summarize` -> tables / charts / report.
"""

from lmp_core.counts import Counts, count
from lmp_core.errors import SurveyError
from lmp_core.read import read_codebook, read_file
from lmp_core.stats import Summary, summarize
from lmp_core.survey import Item, Survey

__all__ = ["Counts", "Item", "Summary", "Survey", "SurveyError", "count", "read_codebook", "read_file", "summarize"]
