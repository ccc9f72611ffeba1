"""The libraries a page loads on first use, loaded once per server process in the background.

The first results page of a server would otherwise wait for statsmodels' factor analysis (McDonald's omega) and
scipy's distributions to load (half a second on the test machine, measured with py-spy in the browser benchmark);
a thread started by the first session loads them while that user is still on the Data page. Importing in another
thread is safe: a module imported by two threads at once is loaded once, the second waits for it.
"""

from __future__ import annotations

import contextlib
import importlib
import threading
from functools import cache

#: What the results page imports inside its functions on its first draw (lmp_core loads them lazily so the
#: command line's ``--help`` stays fast). Not what later pages need (statsmodels.api for weights, python-docx for
#: the report): loading them too took another second of the processor while the first upload was being read.
MODULES = ("scipy.stats", "scipy.special", "statsmodels.multivariate.factor", "statsmodels.stats.proportion")


def _load() -> None:
    for name in MODULES:
        try:
            importlib.import_module(name)
        except ImportError:  # a missing library is reported where it is used, with its own message
            continue
    # the chart worker draws the results page's charts (lmp_app.figures): started, with vl-convert's engine, before
    # the first results page is asked for (about a second on the test machine)
    from lmp_core.base.errors import SurveyError
    from lmp_core.present.chart_images import convert

    with contextlib.suppress(SurveyError):  # a failing converter is reported where a chart is drawn
        convert("svg", {"mark": "point"})


@cache  # once per process (it holds no one's data; no Streamlit cache is shared between sessions)
def warm_imports() -> threading.Thread:
    """Start loading :data:`MODULES` in a daemon thread (once per process); returns the thread."""
    thread = threading.Thread(target=_load, name="lmp-warm-imports", daemon=True)
    thread.start()
    return thread
