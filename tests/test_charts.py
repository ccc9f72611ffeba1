"""Charts keyed by question, never by display label: two questions never merge, no question or answer
category is dropped, group codes sort as numbers and print as integers. References are hand counts of
the generated files and of the report fixture."""

from __future__ import annotations

import unicodedata

import pandas as pd

from lmp_core import read_codebook, read_file
from lmp_core.charts import distribution_chart, distribution_frame, top2_chart, top2_frame
from lmp_core.counts import group_codes
from lmp_core.tables import stats_table
from lmp_core.view import ViewRequest, make_view
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
