"""What a person reads of the data-quality checks (:mod:`lmp_core.compute.quality`): a table of how many each
check flags, a chart of the same, and the "med / uten flaggede" table. Counts only, never a respondent's row."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from lmp_core.base.catalogue import text
from lmp_core.base.fmt import number, whole
from lmp_core.compute.quality import CHECKS, Change, Quality


def _rule(check: str, found: Quality, lang: str) -> str:
    """The check's rule with its threshold, in words."""
    t = found.thresholds
    params = {"ratio": number(t.speed_ratio, 2, lang), "grid": t.min_grid,
              "share": number(100 * t.longstring_share, 0, lang), "irv": number(t.irv_below, 2, lang),
              "blank": number(100 * t.nonresponse_share, 0, lang), "answered": t.duplicate_min_answered,
              "median": "–" if found.median_seconds is None else number(found.median_seconds, 0, lang)}
    return text("quality_rule_" + check, lang, **params)


def quality_table(found: Quality, *, lang: str = "nb") -> pd.DataFrame:
    """One row per check: its name, its rule with the threshold, and how many respondents it flags ("–" where
    the file lacks what the check needs)."""
    rows = [{text("quality_col_check", lang): text("quality_name_" + c, lang),
             text("quality_col_rule", lang): _rule(c, found, lang),
             text("quality_col_flagged", lang): whole(found.count(c), lang) if c in found.available else "–"}
            for c in CHECKS]
    return pd.DataFrame(rows)


def quality_chart(found: Quality, *, lang: str = "nb") -> alt.Chart:
    """A bar per available check: how many respondents it flags, and a last bar for "at least two"."""
    rows = [{"check": text("quality_name_" + c, lang), "n": found.count(c)} for c in CHECKS if c in found.available]
    rows.append({"check": text("quality_at_least_two", lang), "n": found.at_least(2)})
    frame = pd.DataFrame(rows)
    axis = text("quality_col_flagged", lang)
    return alt.Chart(frame).mark_bar(color="#4c78a8").encode(
        x=alt.X("n:Q", title=axis, axis=alt.Axis(tickMinStep=1, format="d")),
        y=alt.Y("check:N", title=None, sort=None),
        tooltip=[alt.Tooltip("check:N", title=text("quality_col_check", lang)), alt.Tooltip("n:Q", title=axis)],
    ).properties(width=420, height=alt.Step(24))


def change_table(changes: Sequence[Change], *, lang: str = "nb", top_k: int = 2) -> pd.DataFrame:
    """Per question, top-k share and mean with and without the flagged respondents, and the change."""
    def fmt(value: float | None, decimals: int, sign: bool = False) -> str:
        if value is None:
            return "–"
        if round(value, decimals) == 0:  # no "−0,0"
            return number(0.0, decimals, lang)
        shown = number(value, decimals, lang)
        return "+" + shown if sign and value > 0 else shown

    rows = []
    for c in changes:
        rows.append({text("quality_col_question", lang): c.label,
                     text("quality_col_top_with", lang, k=top_k): fmt(c.top_with, 0),
                     text("quality_col_top_without", lang, k=top_k): fmt(c.top_without, 0),
                     text("quality_col_top_change", lang): fmt(c.top_change, 1, True),
                     text("quality_col_mean_with", lang): fmt(c.mean_with, 2),
                     text("quality_col_mean_without", lang): fmt(c.mean_without, 2),
                     text("quality_col_mean_change", lang): fmt(c.mean_change, 2, True)})
    return pd.DataFrame(rows)
