"""LMP Explorer's core: read survey files, count, compute the report's statistics, build
charts, tables and reports. Pure Python; never imports Streamlit.

Flow: :func:`read_file` -> :func:`count` -> :func:`summarize` -> tables / charts / report.

The names below are imported when first used (PEP 562), so that ``python -m lmp_core --help`` and
``import lmp_core.cli`` do not load pandas, scipy and statsmodels before they are needed.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_WHERE = {"Counts": "lmp_core.counting.counts", "count": "lmp_core.counting.counts", "SurveyError": "lmp_core.base.errors",
          "read_codebook": "lmp_core.load", "read_file": "lmp_core.load", "Summary": "lmp_core.compute.stats",
          "summarize": "lmp_core.compute.stats", "Item": "lmp_core.setup.survey", "Survey": "lmp_core.setup.survey"}

__all__ = ["Counts", "Item", "Summary", "Survey", "SurveyError", "count", "read_codebook", "read_file", "summarize"]

if TYPE_CHECKING:
    from lmp_core.base.errors import SurveyError
    from lmp_core.compute.stats import Summary, summarize
    from lmp_core.counting.counts import Counts, count
    from lmp_core.load import read_codebook, read_file
    from lmp_core.setup.survey import Item, Survey


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(import_module(_WHERE[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'lmp_core' has no attribute {name!r}")
