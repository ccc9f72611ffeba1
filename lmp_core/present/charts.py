"""Altair chart builders (tested through ``.to_dict()``) and their PNG / SVG bytes (vl-convert).

* :func:`top2_chart` — the report's Figur 2.1: horizontal grouped bars of the share answering in
  the top two categories, the percentage written on each bar, group n in the legend.
* :func:`distribution_chart` — Figur 4.1–4.7: 100 % stacked bars per question and group, "Vet ikke"
  as its own grey segment; or diverging bars centred on the middle answer.
* :func:`option_chart`, :func:`yes_share_chart`, :func:`number_chart` — the questions of other kinds
  (:mod:`lmp_core.compute.kind_stats`): each option's share per group, yes/no questions' "yes" share as the top-2
  figure, and a number's quartile box per group (never a single answer).

Colours: ColorBrewer RdBu (colour-blind safe, ordered) for answers; Okabe–Ito for groups.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

import altair as alt
import pandas as pd

from lmp_core.base.catalogue import words
from lmp_core.base.fmt import number, percent, whole
from lmp_core.compute.stats import Summary
from lmp_core.setup.survey import unique_labels

if TYPE_CHECKING:
    from lmp_core.compute.indices import Index
    from lmp_core.compute.kind_stats import KindResult
    from lmp_core.compute.reference import ReferenceResult
    from lmp_core.compute.waves import Trend

# A chart's rows are counted cells (an answer × item × group each), never respondents; a file of thousands of
# questions gives more than altair's 5,000-row guard (meant for notebooks), and the chart images, the downloads
# and the pages all need the whole spec (Streamlit's own charts ignore the guard too). Set once, never re-enabled.
alt.data_transformers.disable_max_rows()

#: Group colours, each at least 3:1 against the white background (WCAG 1.4.11): the Okabe–Ito colours that
#: reach it (blue and vermillion first, the pair every kind of colour vision tells apart), then Paul Tol's
#: muted ones that do, then darker ColorBrewer and Material shades. Groups also differ by the shape at the end
#: of their bars (:data:`GROUP_SHAPES`), so colour is never the only cue.
GROUP_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#332288", "#999933", "#882255", "#000000"]
MORE_GROUP_COLOURS = ["#117733", "#AA4499", "#CC6677", "#1F78B4", "#A6761D", "#7570B3", "#E7298A", "#666666",
                      "#8C564B", "#6A3D9A", "#B15928", "#00695C", "#C2185B", "#8E6C00", "#5D4037", "#0B5394"]
#: The shapes that mark each group's bars and legend entry (a cue that does not depend on colour).
GROUP_SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down", "triangle-right",
                "triangle-left",
                # a star and a hexagon as SVG paths (Vega's wedge and arrow are too thin to tell apart)
                "M0,-1L0.24,-0.31L0.95,-0.31L0.38,0.12L0.59,0.81L0,0.38L-0.59,0.81L-0.38,0.12L-0.95,-0.31L-0.24,-0.31Z",
                "M0.87,-0.5L0.87,0.5L0,1L-0.87,0.5L-0.87,-0.5L0,-1Z"]
DONT_KNOW_COLOUR = "#9e9e9e"
_RDBU = {
    2: ["#ef8a62", "#67a9cf"],
    3: ["#ef8a62", "#e3e3e3", "#67a9cf"],
    4: ["#ca0020", "#f4a582", "#92c5de", "#0571b0"],
    5: ["#ca0020", "#f4a582", "#e3e3e3", "#92c5de", "#0571b0"],
    6: ["#b2182b", "#ef8a62", "#fddbc7", "#d1e5f0", "#67a9cf", "#2166ac"],
    7: ["#b2182b", "#ef8a62", "#fddbc7", "#e3e3e3", "#d1e5f0", "#67a9cf", "#2166ac"],
    8: ["#b2182b", "#d6604d", "#f4a582", "#fddbc7", "#d1e5f0", "#92c5de", "#4393c3", "#2166ac"],
    9: ["#b2182b", "#d6604d", "#f4a582", "#fddbc7", "#e3e3e3", "#d1e5f0", "#92c5de", "#4393c3", "#2166ac"],
    10: ["#67001f", "#b2182b", "#d6604d", "#f4a582", "#fddbc7", "#d1e5f0", "#92c5de", "#4393c3", "#2166ac", "#053061"],
    11: ["#67001f", "#b2182b", "#d6604d", "#f4a582", "#fddbc7", "#e3e3e3", "#d1e5f0", "#92c5de", "#4393c3",
         "#2166ac", "#053061"],
}


def palette(k: int) -> list[str]:
    """ColorBrewer RdBu for k ordered answers, low (red) to high (blue)."""
    if k in _RDBU:
        return list(_RDBU[k])
    return [_RDBU[11][round(i * 10 / (k - 1))] for i in range(k)]


def group_legend(summary: Summary, lang: str = "nb") -> dict[str, str]:
    """Group name -> legend label with its n ("Skoleleder (n=36)", "Lærer (n=278 451)")."""
    return {g.name: f"{g.name} (n={whole(g.respondents, lang)})" for g in summary.groups if not g.suppressed}


def group_caption(summary: Summary, lang: str = "nb") -> str:
    """The caption's n line: "Skoleleder: n=36; Skoleeier: n=10"."""
    return "; ".join(f"{g.name}: n={whole(g.respondents, lang)}" for g in summary.groups if not g.suppressed)


def group_colours(k: int) -> list[str]:
    """k group colours, distinct up to 24 (:data:`GROUP_COLOURS`, then :data:`MORE_GROUP_COLOURS`)."""
    colours = GROUP_COLOURS + MORE_GROUP_COLOURS
    return [colours[i % len(colours)] for i in range(k)]


def group_shapes(k: int) -> list[str]:
    """k group shapes (repeating after ten; with the colour, each group's pair stays its own)."""
    return [GROUP_SHAPES[i % len(GROUP_SHAPES)] for i in range(k)]


def wrap(label: str, width: int = 38) -> str:
    """A label broken into lines of at most ``width`` characters (the axes draw each line), never cut.

    >>> wrap("I hvilken grad har skolen fått kunnskap om klasseledelse", 20)
    'I hvilken grad har\\nskolen fått kunnskap\\nom klasseledelse'
    """
    return "\n".join(textwrap.wrap(label, width, break_long_words=False)) or label


# each line of a wrapped label on its own line of the axis
_SPLIT_LINES = "split(datum.label, '\\n')"
#: pixels one line of a 13-point axis label takes
LINE_PX = 16


def band_step(labels: Sequence[str], groups: int, step: int) -> int:
    """The height of one group's bar (``alt.Step``) so that each category's band (``groups`` bars) is tall enough
    for its wrapped label's lines: no label is hidden or drawn over another (a 10-question chart showed 5).

    >>> band_step(["a\\nb\\nc"], 1, 22), band_step(["a"], 2, 22)
    (50, 22)
    """
    lines = max((label.count("\n") + 1 for label in labels), default=1)
    return max(step, -(-(lines * LINE_PX + 2) // max(groups, 1)))


def _category_axis() -> alt.Axis:
    """The axis of a chart's categories: every label drawn (``labelOverlap`` off; the bands are tall enough for
    the wrapped lines, :func:`band_step`), each line of a label on its own line, the full text in the tooltip."""
    return alt.Axis(labelLimit=320, labelFontSize=13, labelExpr=_SPLIT_LINES, labelOverlap=False)


def _question_labels(summary: Summary) -> dict[str, str]:
    """Column -> the wrapped, unique label a chart shows: rows are keyed by it, so no two merge."""
    return {column: wrap(label) for column, label in unique_labels([it.item for it in summary.items]).items()}


def top2_frame(summary: Summary, lang: str = "nb") -> pd.DataFrame:
    """One row per question and group with the top-2 share, its interval and the printed label.

    ``question`` is the question's unique label; ``column`` its column. The printed label carries the
    question's own n where it differs from the group's number of respondents ("62,5 % (n=23)").
    """
    legend = group_legend(summary, lang)
    sizes = {g.name: g.respondents for g in summary.groups}
    labels = _question_labels(summary)
    rows = []
    for it in summary.items:
        for s in it.stats:
            if s.suppressed or s.top2_pct is None:
                continue
            text = percent(s.top2_pct, 1, lang) + (f" (n={whole(s.n, lang)})" if s.n != sizes.get(s.group) else "")
            rows.append({"question": labels[it.item.column], "column": it.item.column, "group": legend[s.group],
                         "pct": s.top2_pct, "lo": s.top2_ci[0] if s.top2_ci else None,
                         "hi": s.top2_ci[1] if s.top2_ci else None, "label": text, "n": s.n})
    return pd.DataFrame(rows, columns=["question", "column", "group", "pct", "lo", "hi", "label", "n"])


#: How far (pixels) a value label starts after its bar's end (past the group's shape).
LABEL_DX = 9


def top2_chart(summary: Summary, *, lang: str = "nb", show_ci: bool = False, title: str | None = None,
               width: int = 560, reference: ReferenceResult | None = None) -> alt.LayerChart:
    """Figur 2.1: grouped horizontal bars of the top-2 share per question, labelled "94,4 %"; with ``reference``
    (:mod:`lmp_core.compute.reference`) a black tick at each shown group's top-2 reference figure."""
    w = words("chart", lang)
    data = top2_frame(summary, lang)
    order = list(_question_labels(summary).values())
    groups = list(group_legend(summary, lang).values())
    legend = alt.Legend(orient="bottom", labelLimit=400, columns=min(len(groups), 3), symbolSize=90)
    colour = alt.Color("group:N", title=None, sort=groups,
                       scale=alt.Scale(domain=groups, range=group_colours(len(groups))), legend=legend)
    # the same field, domain and legend for the shape: Vega-Lite draws one legend of coloured shapes
    shape = alt.Shape("group:N", title=None, sort=groups,
                      scale=alt.Scale(domain=groups, range=group_shapes(len(groups))), legend=legend)
    y = alt.Y("question:N", sort=order, title=None, axis=_category_axis())
    base = alt.Chart(data).encode(y=y, yOffset=alt.YOffset("group:N", sort=groups, scale=alt.Scale(domain=groups)))
    bars = base.mark_bar().encode(
        x=alt.X("pct:Q", title=w["share"], scale=alt.Scale(domain=[0, 100])),
        color=colour,
        tooltip=[alt.Tooltip("question:N", title=w["question"]), alt.Tooltip("group:N", title=w["group"]),
                 alt.Tooltip("label:N", title=w["pct"]), alt.Tooltip("n:Q", title=w["n"])],
    )
    # each bar ends in its group's shape, so that groups differ by more than colour (WCAG 1.4.1)
    ends = base.mark_point(filled=True, size=60, opacity=1, stroke="#ffffff", strokeWidth=0.8).encode(
        x="pct:Q", color=colour, shape=shape)
    labels = base.mark_text(align="left", dx=LABEL_DX, fontSize=12).encode(x="hi:Q" if show_ci else "pct:Q",
                                                                          text="label:N")
    layers: list[alt.Chart] = [bars, ends, labels]
    if show_ci:
        layers.append(base.mark_rule(color="#333333").encode(x="lo:Q", x2="hi:Q"))
    if reference is not None:
        layers += _reference_ticks(summary, reference, lang)
    step = band_step(order, len(groups), 22 if len(groups) <= 4 else 14)
    chart = alt.layer(*layers).properties(width=width, height=alt.Step(step))
    return chart.properties(title=title or w["top2_title"]).configure_axis(labelFontSize=12, titleFontSize=12) \
        .configure_legend(labelFontSize=12)


def _reference_ticks(summary: Summary, reference: ReferenceResult, lang: str) -> list[alt.Chart]:
    """The top-2 references of the summary's questions as the chart's rows name them (its labels and legend)."""
    from lmp_core.present.reference import reference_frame, reference_ticks

    labels, legend = _question_labels(summary), group_legend(summary, lang)
    rows = [c for c in reference.comparisons if c.statistic == "top2" and c.target in labels and c.group in legend]
    if not rows:
        return []
    data = reference_frame(rows, lang)
    data["question"] = [labels[c] for c in data["column"]]
    data["group"] = [legend[g] for g in data["group"]]
    return [reference_ticks(data, (0, 100), lang)]


def distribution_frame(summary: Summary, lang: str = "nb", *, diverging: bool = False) -> pd.DataFrame:
    """One row per question, group and answer: percent of all who answered the item (with "don't know").

    Every category of every question is a row, each question with its own scale. For diverging bars
    the base is the substantive answers and the middle answer is split in two halves around zero;
    "don't know" is left out (its share is in the tooltip of the others).
    """
    legend = group_legend(summary, lang)
    labels_of = _question_labels(summary)
    rows = []
    for it in summary.items:
        k = it.item.scale.k
        labels = it.item.categories
        for s in it.stats:
            if s.suppressed or (s.n + s.dont_know) == 0:
                continue
            total = s.n + s.dont_know
            base = s.n if diverging else total
            if base == 0:
                continue
            start = 0.0
            if diverging:
                below = sum(s.counts[labels[c]] for c in range(k // 2)) + (s.counts[labels[k // 2]] / 2 if k % 2 else 0)
                start = -100 * below / base
            for c, label in enumerate(labels):
                if diverging and c >= k:
                    continue
                pct = 100 * s.counts[label] / base
                rows.append({"question": labels_of[it.item.column], "column": it.item.column,
                             "group": legend[s.group], "answer": label, "order": c, "pct": pct, "start": start,
                             "end": start + pct, "label": percent(pct, 0, lang), "count": s.counts[label],
                             "dk_pct": percent(s.dont_know_pct, 1, lang)})
                start += pct
    return pd.DataFrame(rows, columns=["question", "column", "group", "answer", "order", "pct", "start", "end",
                                       "label", "count", "dk_pct"])


def distribution_chart(summary: Summary, *, lang: str = "nb", diverging: bool = False, title: str | None = None,
                       width: int = 560) -> alt.TopLevelMixin:
    """Figur 4.x: 100 % stacked (or diverging) bars per question and group; "Vet ikke" grey.

    Questions that share a set of answers share one chart and its legend; questions with another set
    (a mixed selection) get a chart of their own below it, so every category of every question is drawn
    in its own colour. Percentages of 5 or more are written on their segments.
    """
    w = words("chart", lang)
    data = distribution_frame(summary, lang, diverging=diverging)
    groups = list(group_legend(summary, lang).values())
    by_scale: dict[tuple[str, ...], list[str]] = {}
    for it in summary.items:
        by_scale.setdefault(it.item.categories, []).append(it.item.column)
    parts = []
    for answers, columns in by_scale.items():
        first = next(it.item for it in summary.items if it.item.column == columns[0])
        k = first.scale.k
        shown = list(answers[:k]) if diverging else list(answers)
        colours = palette(k) + [DONT_KNOW_COLOUR] * (len(shown) - k)
        part = data[data["column"].isin(columns)]
        questions = list(dict.fromkeys(part["question"]))
        base = alt.Chart(part).encode(
            y=alt.Y("group:N", sort=groups, title=None, axis=alt.Axis(labelLimit=240)),
            x=alt.X("start:Q", title=w["pct"], scale=alt.Scale(domain=[-100, 100] if diverging else [0, 100])),
            x2="end:Q",
        )
        bars = base.mark_bar(stroke="#ffffff", strokeWidth=0.5).encode(
            color=alt.Color("answer:N", title=None, sort=shown, scale=alt.Scale(domain=shown, range=colours),
                            legend=alt.Legend(orient="bottom", columns=min(len(shown), 4), labelLimit=220)),
            order=alt.Order("order:Q"),
            tooltip=[alt.Tooltip("question:N", title=w["question"]), alt.Tooltip("group:N", title=w["group"]),
                     alt.Tooltip("answer:N", title=w["answer"]), alt.Tooltip("label:N", title=w["pct"]),
                     alt.Tooltip("count:Q", title=w["n"])],
        )
        values = base.mark_text(fontSize=10, color="#111111").encode(
            x=alt.X("mid:Q"), text="label:N").transform_calculate(mid="(datum.start + datum.end) / 2") \
            .transform_filter("datum.pct >= 5")
        parts.append(alt.layer(bars, values).properties(width=width, height=alt.Step(20)).facet(
            row=alt.Row("question:N", sort=questions, title=None,
                        header=alt.Header(labelAngle=0, labelAlign="left", labelFontWeight="bold", labelLimit=600,
                                          labelOrient="top", labelExpr=_SPLIT_LINES)),
        ))
    chart = parts[0] if len(parts) == 1 else alt.vconcat(*parts).resolve_scale(color="independent")
    return chart.properties(title=title or w["dist_title"]).configure_axis(labelFontSize=12) \
        .configure_legend(labelFontSize=12)


def has_marks(chart: object) -> bool:
    """Whether a chart has any row of data to draw: a chart of only hidden groups has none, and has no size as an
    image (vl-convert: "SVG has an invalid size"). Its data frames are read where they are (the chart, its layers,
    concatenated parts and facet spec), not through its spec, which would copy and limit a large one."""
    data = getattr(chart, "data", None)
    if isinstance(data, pd.DataFrame) and len(data):
        return True
    parts = [p for attr in ("layer", "vconcat", "hconcat", "concat")
             if isinstance(getattr(chart, attr, None), list) for p in getattr(chart, attr)]
    spec = getattr(chart, "spec", None)  # a facet's inner chart
    if spec is not None and spec is not alt.Undefined:
        parts.append(spec)
    return any(has_marks(p) for p in parts)


def with_caveats(chart: alt.TopLevelMixin, caveats: Sequence[str], lang: str = "nb") -> alt.TopLevelMixin:
    """The chart with its caveats under the title, so that an exported image carries them.

    One line per caveat, wrapped; none added when there are none.
    """
    if not caveats:
        return chart
    title = chart.title if isinstance(chart.title, str) else ""
    lead = "Forbehold: " if lang == "nb" else "Caveats: "
    lines = [line for i, caveat in enumerate(caveats)
             for line in textwrap.wrap((lead if i == 0 else "") + caveat, 110)]
    return chart.properties(title=alt.TitleParams(text=title, subtitle=lines, subtitleColor="#444444",
                                                  subtitleFontSize=11, anchor="start"))


def chart_spec(chart: alt.TopLevelMixin) -> dict:
    """A chart's Vega-Lite spec as it is drawn: not validated against Vega-Lite's schema on the way (about 40 % of
    its making); every chart the app draws is validated in the tests (``tests/test_charts.py``)."""
    return chart.to_dict(validate=False)


def to_png(chart: alt.TopLevelMixin, scale: float = 2.0) -> bytes:
    """PNG bytes of a chart (fonts embedded, offline), made in a worker process (:mod:`.chart_images`)."""
    from lmp_core.present.chart_images import convert

    return convert("png", chart_spec(chart), scale=scale)


def to_svg(chart: alt.TopLevelMixin) -> bytes:
    """SVG bytes of a chart, made in a worker process (:mod:`.chart_images`)."""
    from lmp_core.present.chart_images import convert

    return convert("svg", chart_spec(chart))


def progress_chart(timeline: pd.DataFrame, *, reminders: list[pd.Timestamp] | None = None, lang: str = "nb",
                   invited: dict[str, int] | None = None) -> alt.LayerChart:
    """Cumulative responses over time per group, with reminder dates as vertical rules."""
    w = words("progress_chart", lang)
    groups = list(dict.fromkeys(timeline["group"]))
    colour = alt.Color("group:N", title=None, scale=alt.Scale(domain=groups, range=group_colours(len(groups))),
                       legend=alt.Legend(orient="bottom"))
    lines = alt.Chart(timeline).mark_line(interpolate="step-after", point=True).encode(
        x=alt.X("time:T", title=w["time"], axis=alt.Axis(format="%d.%m")), y=alt.Y("answered:Q", title=w["responses"]),
        color=colour,
        tooltip=["group:N", alt.Tooltip("time:T", format="%d.%m.%Y %H:%M"), "answered:Q"])
    layers: list[alt.Chart] = [lines]
    if reminders:
        marks = pd.DataFrame({"time": reminders, "label": [w["reminder"]] * len(reminders)})
        layers.append(alt.Chart(marks).mark_rule(strokeDash=[4, 4], color="#555555").encode(x="time:T"))
        layers.append(alt.Chart(marks).mark_text(align="left", dx=3, dy=-6, color="#555555").encode(
            x="time:T", y=alt.value(8), text="label:N"))
    if invited:
        goal = pd.DataFrame({"group": list(invited), "invited": list(invited.values())})
        layers.append(alt.Chart(goal).mark_rule(opacity=0.4).encode(y="invited:Q", color=colour))
    return alt.layer(*layers).properties(width=560, height=300, title=w["title"])


def trend_chart(trend: Trend, *, lang: str = "nb", title: str | None = None) -> alt.TopLevelMixin:
    """Each included question's top-2 share per group over the waves (:mod:`lmp_core.compute.waves`): one panel per
    question, one line per group in the group colours and shapes; a group hidden in a wave has no point there."""
    w = words("chart", lang)
    labels = {q.column: q.label for q in trend.questions}
    rows = [{"question": wrap(labels[p.column]), "group": p.group, "wave": p.wave, "pct": p.stats.top2_pct,
             "n": p.stats.n} for p in trend.points if not p.stats.suppressed and p.stats.top2_pct is not None]
    data = pd.DataFrame(rows, columns=["question", "group", "wave", "pct", "n"])
    groups = list(dict.fromkeys(data["group"]))
    colour = alt.Color("group:N", title=None, sort=groups,
                       scale=alt.Scale(domain=groups, range=group_colours(len(groups))), legend=alt.Legend(orient="top"))
    shape = alt.Shape("group:N", title=None, sort=groups,
                      scale=alt.Scale(domain=groups, range=group_shapes(len(groups))), legend=alt.Legend(orient="top"))
    x = alt.X("wave:O", title=None, sort=list(trend.waves), axis=alt.Axis(labelAngle=0))
    y = alt.Y("pct:Q", title=w["share"], scale=alt.Scale(domain=[0, 100]))
    base = alt.Chart(data).encode(x=x, y=y, color=colour,
                                  tooltip=["question", "group", "wave", alt.Tooltip("pct:Q", format=".1f"), "n"])
    layered = alt.layer(base.mark_line(), base.mark_point(size=70, filled=True).encode(shape=shape),
                        data=data).properties(width=260, height=180)
    chart = layered.facet(facet=alt.Facet("question:N", title=None, sort=list(dict.fromkeys(data["question"])),
                                          header=alt.Header(labelExpr=_SPLIT_LINES, labelFontSize=12)), columns=2)
    return chart.properties(title=title or w["trend_title"])


def index_chart(index: Index, *, lang: str = "nb", title: str | None = None) -> alt.TopLevelMixin:
    """An index's distribution per shown group: 100 % stacked bars of its half-point bands ("4–4,5"), low to high
    in the answer palette; shares of 5 % or more written on their segments."""
    w = words("chart", lang)
    bands = index.bands
    names = [f"{_band_edge(bands[i], lang)}–{_band_edge(bands[i + 1], lang)}" for i in range(len(bands) - 1)]
    rows = []
    for s in index.stats:
        if not s.distribution:
            continue
        total = sum(s.distribution)
        start = 0.0
        for i, count in enumerate(s.distribution):
            pct = 100 * count / total
            rows.append({"group": s.group, "band": names[i], "order": i, "count": count, "pct": pct, "start": start,
                         "end": start + pct, "label": percent(pct, 0, lang)})
            start += pct
    data = pd.DataFrame(rows, columns=["group", "band", "order", "count", "pct", "start", "end", "label"])
    groups = list(dict.fromkeys(data["group"]))
    base = alt.Chart(data).encode(y=alt.Y("group:N", sort=groups, title=None),
                                  x=alt.X("start:Q", title=w["pct"], scale=alt.Scale(domain=[0, 100])), x2="end:Q")
    bars = base.mark_bar(stroke="#ffffff", strokeWidth=0.5).encode(
        color=alt.Color("band:N", title=w["index_band"], sort=names, scale=alt.Scale(domain=names, range=palette(len(names))),
                        legend=alt.Legend(orient="bottom", columns=min(len(names), 5))),
        order=alt.Order("order:Q"),
        tooltip=[alt.Tooltip("group:N", title=w["group"]), alt.Tooltip("band:N", title=w["index_band"]),
                 alt.Tooltip("label:N", title=w["pct"]), alt.Tooltip("count:Q", title=w["n"])])
    values = base.mark_text(fontSize=10, color="#111111").encode(x=alt.X("mid:Q"), text="label:N") \
        .transform_calculate(mid="(datum.start + datum.end) / 2").transform_filter("datum.pct >= 5")
    return alt.layer(bars, values).properties(width=560, height=alt.Step(24),
                                              title=title or w["index_title"].format(name=index.name))


def _band_edge(value: float, lang: str) -> str:
    """A band edge as written: whole numbers without decimals, halves with one ("4", "4,5")."""
    return number(value, 0 if float(value).is_integer() else 1, lang)


def _kind_legend(result: KindResult, lang: str = "nb") -> dict[str, str]:
    """Group name -> legend label with the group's base ("Leder (n=50)") for the shown groups."""
    return {g.group: f"{g.group} (n={whole(g.base if hasattr(g, 'base') else g.n, lang)})" for g in result.shown()}


def option_frame(result: KindResult, lang: str = "nb") -> pd.DataFrame:
    """One row per option and shown group of a single-choice question or multiple-response set: the share,
    its interval and its printed label; options in order of their share over all shown groups (largest first)."""
    legend = _kind_legend(result, lang)
    rows = []
    for g in result.shown():
        if not g.base:
            continue
        for option in result.options:
            lo, hi = g.share_ci[option]
            rows.append({"option": wrap(option), "group": legend[g.group], "pct": g.shares[option], "lo": lo,
                         "hi": hi, "label": percent(g.shares[option], 1, lang), "n": g.counts[option]})
    return pd.DataFrame(rows, columns=["option", "group", "pct", "lo", "hi", "label", "n"])


def option_order(result: KindResult) -> list[str]:
    """The options by their share of all shown respondents, largest first (ties in the question's order)."""
    totals = {o: sum(g.counts[o] for g in result.shown() if g.base) for o in result.options}
    return sorted(result.options, key=lambda o: -totals[o])


def option_chart(result: KindResult, *, lang: str = "nb", title: str | None = None, width: int = 560) -> alt.LayerChart:
    """Horizontal grouped bars of each option's share per group (the top-2 figure's look), options sorted by
    their overall share, the group's n in the legend; "flere svar mulig" in the title of a multiple-response
    set. Hidden groups have no bar."""
    k = words("kinds", lang)
    data = option_frame(result, lang)
    order = [wrap(o) for o in option_order(result)]
    groups = list(_kind_legend(result, lang).values())
    legend = alt.Legend(orient="bottom", labelLimit=400, columns=min(max(len(groups), 1), 3), symbolSize=90)
    colour = alt.Color("group:N", title=None, sort=groups,
                       scale=alt.Scale(domain=groups, range=group_colours(len(groups))), legend=legend)
    shape = alt.Shape("group:N", title=None, sort=groups,
                      scale=alt.Scale(domain=groups, range=group_shapes(len(groups))), legend=legend)
    y = alt.Y("option:N", sort=order, title=None, axis=_category_axis())
    base = alt.Chart(data).encode(y=y, yOffset=alt.YOffset("group:N", sort=groups, scale=alt.Scale(domain=groups)))
    bars = base.mark_bar().encode(
        x=alt.X("pct:Q", title=k["share"], scale=alt.Scale(domain=[0, 100])), color=colour,
        tooltip=[alt.Tooltip("option:N", title=k["option"]), alt.Tooltip("group:N", title=words("chart", lang)["group"]),
                 alt.Tooltip("label:N", title=k["share"]), alt.Tooltip("n:Q", title=k["n"])])
    ends = base.mark_point(filled=True, size=60, opacity=1, stroke="#ffffff", strokeWidth=0.8).encode(
        x="pct:Q", color=colour, shape=shape)
    labels = base.mark_text(align="left", dx=LABEL_DX, fontSize=12).encode(x="pct:Q", text="label:N")
    heading = title or wrap(result.question, 70)
    if result.kind == "multi":
        heading = f"{heading} ({k['multi'].lower()})"
    step = band_step(order, len(groups), 22 if len(groups) <= 4 else 14)
    chart = alt.layer(bars, ends, labels).properties(width=width, height=alt.Step(step), title=heading)
    return chart.configure_axis(labelFontSize=12, titleFontSize=12).configure_legend(labelFontSize=12)


def yes_share_chart(results: Sequence[KindResult], *, lang: str = "nb", width: int = 560) -> alt.LayerChart:
    """The yes/no questions as the seed report's figures show top-2 shares: one row per question, a bar per
    group with the share answering yes."""
    k = words("kinds", lang)
    rows = []
    yes_label = ""
    for r in results:
        yes = r.yes or r.options[-1]
        yes_label = yes_label or yes
        legend = _kind_legend(r, lang)
        for g in r.shown():
            if g.base:
                rows.append({"question": wrap(r.question), "group": legend[g.group], "pct": g.shares[yes],
                             "label": percent(g.shares[yes], 1, lang), "n": g.base})
    data = pd.DataFrame(rows, columns=["question", "group", "pct", "label", "n"])
    groups = list(dict.fromkeys(data["group"]))
    colour = alt.Color("group:N", title=None, sort=groups,
                       scale=alt.Scale(domain=groups, range=group_colours(len(groups))),
                       legend=alt.Legend(orient="bottom", labelLimit=400, columns=min(max(len(groups), 1), 3)))
    base = alt.Chart(data).encode(
        y=alt.Y("question:N", sort=list(dict.fromkeys(data["question"])), title=None,
                axis=_category_axis()),
        yOffset=alt.YOffset("group:N", sort=groups, scale=alt.Scale(domain=groups)))
    bars = base.mark_bar().encode(x=alt.X("pct:Q", title=k["yes_axis"], scale=alt.Scale(domain=[0, 100])),
                                  color=colour, tooltip=["question:N", "group:N", "label:N", "n:Q"])
    labels = base.mark_text(align="left", dx=4, fontSize=12).encode(x="pct:Q", text="label:N")
    step = band_step(list(dict.fromkeys(data["question"])), len(groups), 22 if len(groups) <= 4 else 14)
    chart = alt.layer(bars, labels).properties(width=width, height=alt.Step(step),
                                               title=k["yes_title"].format(yes=yes_label))
    return chart.configure_axis(labelFontSize=12, titleFontSize=12).configure_legend(labelFontSize=12)


def number_chart(result: KindResult, *, lang: str = "nb", title: str | None = None, width: int = 560) -> alt.LayerChart:
    """A number question per group as a box of its quartiles with the median marked and the mean as a dot:
    no single answer (a minimum, a maximum, an outlier) is drawn, only figures of at least the minimum number of
    respondents."""
    k = words("kinds", lang)
    legend = _kind_legend(result, lang)
    rows = [{"group": legend[g.group], "q1": g.q1, "median": g.median, "q3": g.q3, "mean": g.mean, "n": g.n,
             "label": f"{k['median']} {number(g.median, 1, lang)}"} for g in result.shown() if g.n]
    data = pd.DataFrame(rows, columns=["group", "q1", "median", "q3", "mean", "n", "label"])
    groups = list(data["group"])
    colour = alt.Color("group:N", title=None, sort=groups, legend=None,
                       scale=alt.Scale(domain=groups, range=group_colours(len(groups))))
    base = alt.Chart(data).encode(y=alt.Y("group:N", sort=groups, title=None, axis=alt.Axis(labelLimit=320)))
    box = base.mark_bar(size=18, opacity=0.75).encode(x=alt.X("q1:Q", title=k["value"]), x2="q3:Q", color=colour,
                                                      tooltip=["group:N", "n:Q", "q1:Q", "median:Q", "q3:Q", "mean:Q"])
    median = base.mark_tick(color="#111111", thickness=2, size=22).encode(x="median:Q")
    mean = base.mark_point(filled=True, color="#111111", size=50, shape="diamond").encode(x="mean:Q")
    labels = base.mark_text(align="left", dx=6, dy=-14, fontSize=11).encode(x="q3:Q", text="label:N")
    chart = alt.layer(box, median, mean, labels).properties(
        width=width, height=alt.Step(40),
        title=alt.TitleParams(title or wrap(result.question, 70), subtitle=k["number_title"]))
    return chart.configure_axis(labelFontSize=12, titleFontSize=12)


def kind_chart(result: KindResult, *, lang: str = "nb", title: str | None = None) -> alt.LayerChart:
    """The chart of a question of another kind: bars per option, or quartile boxes for a number."""
    if result.kind == "number":
        return number_chart(result, lang=lang, title=title)
    return option_chart(result, lang=lang, title=title)
