"""The comparison with a reference figure as a person reads it: a table with the reference as a column beside each
group's own figure, a chart with the reference as a mark (a tick) beside each group's point, and the tick layer the
top-2 figure gains (:func:`lmp_core.present.charts.top2_chart`). Nothing is computed here: the numbers are
:class:`lmp_core.compute.reference.ReferenceResult`'s."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from lmp_core.base.catalogue import text
from lmp_core.base.fmt import PValue, number, render_param, whole
from lmp_core.compute.reference import ReferenceComparison, ReferenceResult, reference_text
from lmp_core.read.reference import References

#: why a comparison has no number that still draws the group's point (the source withheld the reference)
SOURCE_REASONS = ("ref_suppressed", "ref_broken", "ref_missing")
#: the reference mark's colour (black on every group colour of the palette)
REFERENCE_COLOUR = "#111111"


def _heads(lang: str) -> dict[str, str]:
    keys = ("question", "group", "statistic", "own", "reference", "label", "against", "difference", "ci", "p", "note")
    return {k: text(f"ref_col_{k}", lang) for k in keys}


def _value(row: ReferenceComparison, value: float | None, lang: str) -> str:
    if value is None:
        return "–"
    return number(value, 1 if row.statistic == "top2" else 2, lang)


def _against(row: ReferenceComparison, lang: str) -> str:
    """"referansen", or "resten av referansen (3,95)" with the rest's figure."""
    if row.against is None:
        return ""
    said = text(f"ref_against_{row.against}", lang)
    return f"{said} ({_value(row, row.compared_with, lang)})" if row.against == "rest" else said


def reference_table(result: ReferenceResult, *, lang: str = "nb", formatted: bool = True) -> pd.DataFrame:
    """One row per question (or index) and shown group: its own figure, the reference beside it (a column), what
    it is compared with, the difference with its 95 % interval, the Holm-adjusted p and why there is no number.
    With ``formatted`` numbers are strings in ``lang`` (means 2 decimals, shares and points 1); otherwise floats."""
    h = _heads(lang)
    rows = []
    for c in result.comparisons:
        ci = c.ci
        rows.append({
            h["question"]: c.question, h["group"]: c.group, h["statistic"]: text(f"ref_stat_{c.statistic}", lang),
            h["own"]: _value(c, c.own, lang) if formatted else c.own,
            h["reference"]: reference_text(c.reference, lang) if formatted else c.reference.value,
            h["label"]: c.reference.label,
            h["against"]: _against(c, lang) if formatted else c.against,
            h["difference"]: _value(c, c.difference, lang) if formatted else c.difference,
            h["ci"]: (f"{_value(c, ci[0], lang)} – {_value(c, ci[1], lang)}" if ci else "–") if formatted
            else (list(ci) if ci else None),
            h["p"]: (str(render_param(PValue(c.p_holm), lang)) if c.p_holm is not None else "–") if formatted
            else c.p_holm,
            h["note"]: c.reason_text(lang) or "",
        })
    return pd.DataFrame(rows, columns=list(h.values()))


def references_table(references: References, *, lang: str = "nb") -> pd.DataFrame:
    """The reference figures as read: question, group (blank: every group), measure, the figure (or "skjermet (*)",
    "⚡"), its n, SD and scale, and its label."""
    h = _heads(lang)
    rows = [{h["question"]: v.target, h["group"]: v.group or "", h["statistic"]: text(f"ref_stat_{v.statistic}", lang),
             h["reference"]: reference_text(v, lang), "n": "" if v.n is None else whole(v.n, lang),
             "SD": "" if v.sd is None else number(v.sd, 2, lang),
             text("ref_col_scale", lang): "" if v.scale is None else f"{v.scale[0]:g}–{v.scale[1]:g}",
             h["label"]: v.label} for v in references.values]
    return pd.DataFrame(rows)


def reference_frame(comparisons: Sequence[ReferenceComparison], lang: str = "nb") -> pd.DataFrame:
    """The chart's rows: question, group, the group's own figure and the reference's (None when it has none)."""
    return pd.DataFrame([{"question": c.question, "column": c.target, "group": c.group, "own": c.own,
                          "reference": c.reference.value if c.reference.status == "ok" else None,
                          "shown": reference_text(c.reference, lang), "label": c.reference.label or c.reference.source,
                          "sentence": c.sentence(lang)} for c in comparisons],
                        columns=["question", "column", "group", "own", "reference", "shown", "label", "sentence"])


def reference_ticks(data: pd.DataFrame, x_domain: Sequence[float], lang: str = "nb") -> alt.Chart:
    """The reference as a mark: a black tick at the reference figure on each row of ``data`` (columns ``question``,
    ``group`` as the chart shows it, ``reference``), for layering on a chart with the same y and y-offset."""
    ticks = data.dropna(subset=["reference"])
    return alt.Chart(ticks).mark_tick(color=REFERENCE_COLOUR, thickness=3, size=18, orient="vertical").encode(
        x=alt.X("reference:Q", scale=alt.Scale(domain=list(x_domain))),
        y=alt.Y("question:N", title=None),
        yOffset=alt.YOffset("group:N"),
        tooltip=[alt.Tooltip("label:N", title=text("ref_col_label", lang)),
                 alt.Tooltip("shown:N", title=text("ref_col_reference", lang))],
    ).properties(name="reference_mark")


def reference_chart(result: ReferenceResult, statistic: str, *, lang: str = "nb",
                    scale: tuple[float, float] | None = None) -> alt.LayerChart | None:
    """Each group's own figure (a point) with the reference as a mark (a tick) per question or index, for the
    comparisons of one ``statistic`` (``mean`` on ``scale``, or ``top2`` on 0–100). None when there are none."""
    rows = [c for c in result.comparisons if c.statistic == statistic and c.own is not None
            and (c.difference is not None or c.reason in SOURCE_REASONS)]  # a different measure is not drawn
    if not rows:
        return None
    data = reference_frame(rows, lang)
    if statistic == "top2":
        domain = [0, 100]
    else:
        domain = list(scale or next((c.reference.scale for c in rows if c.reference.scale), (1, 5)))
    groups = list(dict.fromkeys(data["group"]))
    order = list(dict.fromkeys(data["question"]))
    base = alt.Chart(data).encode(y=alt.Y("question:N", sort=order, title=None, axis=alt.Axis(labelLimit=320)),
                                  yOffset=alt.YOffset("group:N", sort=groups, scale=alt.Scale(domain=groups)))
    points = base.mark_point(filled=True, size=90).encode(
        x=alt.X("own:Q", title=text(f"ref_axis_{statistic}", lang), scale=alt.Scale(domain=domain)),
        color=alt.Color("group:N", title=None, sort=groups, legend=alt.Legend(orient="bottom")),
        shape=alt.Shape("group:N", title=None, sort=groups, legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("group:N"), alt.Tooltip("sentence:N", title=text("ref_col_difference", lang))])
    ticks = reference_ticks(data, domain, lang)
    return alt.layer(points, ticks).properties(width=520, height=alt.Step(18),
                                               title=text(f"ref_chart_title_{statistic}", lang))


def reference_heading(result: ReferenceResult, lang: str = "nb") -> str:
    """"Sammenlignet med Nasjonalt, 2025-26, 7. trinn": the references' labels (at most two, then "…")."""
    labels = list(dict.fromkeys(c.reference.label for c in result.comparisons if c.reference.label))
    shown = "; ".join(labels[:2]) + ("; …" if len(labels) > 2 else "")
    return text("ref_section", lang, label=shown or result.source or text("ref_col_reference", lang).lower())
