"""Charts keyed by question, never by display label: two questions never merge, no question or answer
category is dropped, group codes sort as numbers and print as integers. References are hand counts of
the generated files and of the report fixture."""

from __future__ import annotations

import unicodedata

import pandas as pd

from lmp_core import read_codebook, read_file
from lmp_core.compute.view import ViewRequest, make_view
from lmp_core.counting.counts import group_codes
from lmp_core.present.charts import distribution_chart, distribution_frame, top2_chart, top2_frame
from lmp_core.present.tables import stats_table
from tests.conftest import EXTERNAL, FIXTURES


def _demo():
    codebook = read_codebook((FIXTURES / "lmp_ch2_3_codebook.csv").read_bytes())
    return read_file((FIXTURES / "lmp_ch2_3.csv").read_bytes(), "lmp_ch2_3.csv", codebook=codebook)


def test_questions_with_the_same_short_label_stay_apart():
    # kunnskap_mobbing and praksis_mobbing are both "å forebygge og stoppe mobbing" after "..."
    survey = _demo()
    summary = make_view(survey, ViewRequest.of(group="rolle")).summary()
    frame = top2_frame(summary)
    assert frame.groupby("question")["column"].nunique().max() == 1  # one question per row label
    assert len(frame) == 8 * 2  # 8 questions x 2 groups, none merged
    labels = stats_table(summary)["Spørsmål"]
    assert labels.is_unique and any("(Kunnskapstilførsel)" in label for label in labels)
    spec = top2_chart(summary).to_dict()
    assert spec["layer"][0]["encoding"]["y"]["field"] == "question"


def test_every_category_of_every_question_is_drawn_with_mixed_scales():
    # ESS Norway: 0-10 scales with end labels only, 5-point agree scales and a health scale
    survey = read_file((EXTERNAL / "ess_norway_bst290" / "ess_labels.csv").read_bytes(), "ess_labels.csv")
    summary = make_view(survey, ViewRequest.of(group="gndr")).summary()
    frame = distribution_frame(summary)
    assert set(frame["column"]) == {it.column for it in survey.items}  # no question left out
    for it in survey.items:
        rows = frame[frame["column"] == it.column]
        assert set(rows["answer"]) == set(it.categories)  # no end category dropped
        for _, per_group in rows.groupby("group"):
            assert abs(per_group["pct"].sum() - 100) < 1e-9  # bars reach 100 %
    spec = distribution_chart(summary).to_dict()
    answers_in_legends = [set(part["spec"]["layer"][0]["encoding"]["color"]["scale"]["domain"])
                          for part in spec["vconcat"]]
    assert all(any(set(it.categories) <= d for d in answers_in_legends) for it in survey.items)


def test_group_codes_sort_as_numbers_and_print_as_integers():
    rows = ["pulje,q"] + [f"{p},I stor grad" for p in (3, 14, 4, 3, 14, 4)] + [",I stor grad"]
    survey = read_file("\n".join(rows).encode(), "p.csv")
    assert group_codes(survey, "pulje")[1] == ("3", "4", "14")


def test_two_spellings_of_one_name_are_one_group():
    composed, decomposed = "Skoleleder Å", unicodedata.normalize("NFD", "Skoleleder Å")
    assert composed != decomposed
    frame = pd.DataFrame({"g": [composed, decomposed] * 4, "q": ["I stor grad"] * 8})
    survey = read_file(frame.to_csv(index=False).encode(), "nfc.csv")
    assert group_codes(survey, "g")[1] == (composed,)


def _contrast_with_white(colour: str) -> float:
    """WCAG 2.1's contrast ratio (relative luminance, sRGB), as its definition writes it."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def test_group_colours_reach_three_to_one_and_groups_differ_by_shape_too():
    # WCAG 1.4.11 (non-text contrast, 3:1 against the white background) for every colour a group can get,
    # and 1.4.1 (not by colour alone): each group's bars end in its own shape, shown in the same legend
    from lmp_core.present.charts import group_colours, group_shapes

    colours = group_colours(24)
    assert len(set(colours)) == 24
    assert min(_contrast_with_white(c) for c in colours) >= 3.0, sorted(colours, key=_contrast_with_white)[:3]
    # checked against the definition's own example: black on white is 21:1
    assert round(_contrast_with_white("#000000"), 1) == 21.0
    survey = read_file((FIXTURES / "lmp_ch2_3.csv").read_bytes(), "x.csv")
    summary = make_view(survey, ViewRequest.of(group="rolle")).summary()
    spec = top2_chart(summary).to_dict()
    points = [layer for layer in spec["layer"] if (layer.get("mark") or {}).get("type") == "point"]
    assert len(points) == 1
    shape = points[0]["encoding"]["shape"]
    assert shape["field"] == "group" and shape["scale"]["range"] == group_shapes(2) == ["circle", "square"]
    assert len(set(group_shapes(10))) == 10


def test_every_chart_the_app_draws_is_valid_vega_lite():
    """The app converts its charts without Altair's validation against the Vega-Lite schema (jsonschema took about
    40 % of each spec's making: 15 ms against 9 ms, measured on SurveyXact's export). The schema still holds every
    chart: here each figure of two reports (the report's own survey by group, with the population's sizes, and
    a file with every kind of question), a diverging answer distribution and a chart with caveats, validated by
    Altair (``to_dict()`` raises on a spec the schema refuses)."""
    from lmp_core import count, summarize
    from lmp_core.present.charts import with_caveats
    from lmp_core.present.report import build_report
    from tests.test_kinds import mixed_frame

    demo = _demo()
    mixed = read_file(mixed_frame().to_csv(index=False).encode(), "svar.csv")
    charts = [figure.chart for report in (build_report(demo, group="rolle", populations={"Skoleleder": 63,
                                                                                          "Skoleeier": 24}),
                                          build_report(mixed, group="rolle"))
              for _, figure in report.figures()]
    summary = summarize(count(demo, group="rolle"))
    charts += [distribution_chart(summary, diverging=True), with_caveats(top2_chart(summary), ["Lav svarprosent."])]
    assert len(charts) >= 12
    for chart in charts:
        chart.to_dict()  # validates
