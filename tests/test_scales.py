"""Scale recognition: known label sets in bokmål, nynorsk and English, reversed orders, "don't know"."""

from __future__ import annotations

import pytest

from lmp_core.base.errors import SurveyError
from lmp_core.setup.scales import coding_from_value_labels, is_dont_know, match_labels, normalize


@pytest.mark.parametrize(
    "labels, family, k",
    [
        (["I svært liten grad", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad"], "grad", 5),
        (["i  SVÆRT stor grad", "I nokon grad", "I liten grad"], "grad", 5),  # nynorsk, case, spaces
        (["Svært dårlig", "Dårlig", "Både og", "Bra", "Svært bra"], "innsats", 5),
        (["Helt uenig", "Litt uenig", "Verken enig eller uenig", "Litt enig", "Helt enig"], "enighet", 5),
        (["Heilt ueinig", "Ueinig", "Einig", "Heilt einig", "Verken einig eller ueinig"], "enighet", 5),
        (["Strongly agree", "Agree", "Disagree", "Strongly disagree"], "enighet", 4),
        (["Agree strongly", "Agree", "Neither agree nor disagree", "Disagree", "Disagree strongly"], "enighet", 5),
        (["Never", "Sometimes", "Often", "Always"], "hyppighet", 4),
        (["Aldri", "Sjelden", "Av og til", "Ofte", "Alltid"], "hyppighet", 5),
        (["Helt uenig", "Uenig", "Litt uenig", "Litt enig", "Enig", "Helt enig"], "enighet", 6),
        (["Strongly disagree", "Disagree", "Somewhat disagree", "Neither agree nor disagree", "Somewhat agree",
          "Agree", "Strongly agree"], "enighet", 7),
    ],
)
def test_known_families(labels, family, k):
    coding = match_labels("q", labels)
    assert coding.scale.name == family
    assert coding.scale.k == k


def test_order_comes_from_labels_not_from_file_order():
    # an export listing "Agree strongly" first (ESS codes it 1) still scores it highest
    coding = match_labels("gincdif", ["Agree strongly", "Agree", "Neither agree nor disagree", "Disagree",
                                      "Disagree strongly"])
    assert coding.mapping["Agree strongly"] == 5
    assert coding.mapping["Disagree strongly"] == 1


def test_reversed_spss_codes_score_by_label():
    coding = coding_from_value_labels("q", {1: "Agree strongly", 2: "Agree", 3: "Neither agree nor disagree",
                                            4: "Disagree", 5: "Disagree strongly", 8: "Don't know"})
    assert coding.mapping[1.0] == 5 and coding.mapping[5.0] == 1
    assert coding.other_labels == ("Don't know",)
    assert coding.mapping[8.0] == 6


@pytest.mark.parametrize("word", ["Vet ikke", "VET IKKE", "Ikke relevant", "Ønsker ikke å svare", "Don't know",
                                  "Don’t know what it is", "N/A", "Veit ikkje"])
def test_dont_know_words(word):
    assert is_dont_know(word)
    coding = match_labels("q", ["I stor grad", "I liten grad", "I noen grad", word])
    assert coding.other_labels == (word,)
    assert coding.mapping[word] == 6  # after the 5 substantive codes


def test_unknown_labels_named_in_message():
    with pytest.raises(SurveyError, match=r"'Kanskje'.*codebook") as info:
        match_labels("q7", ["I stor grad", "Kanskje", "Vet ikke"])
    assert "q7" in str(info.value)
    assert "kodebok" in info.value.message("nb")


def test_typo_is_read_and_reported():
    coding = match_labels("ST34Q01", ["Strongly disagree", "Disagree", "Agree", "Strong agree"])
    assert coding.mapping["Strong agree"] == 4
    assert ("fuzzy_label", {"column": "ST34Q01", "found": "Strong agree", "label": "Strongly agree"}) in coding.notes


def test_four_or_five_point_is_reported_not_silent():
    coding = match_labels("q", ["I stor grad", "I svært stor grad"])
    assert coding.scale.k == 5
    assert coding.notes and coding.notes[0][0] == "ambiguous_scale"


def test_zero_to_ten_with_labelled_ends():
    coding = match_labels("stflife", ["Extremely satisfied", "7", "8", "3"])
    assert coding.scale.k == 11
    assert coding.scale.scores[0] == 0 and coding.scale.scores[-1] == 10
    assert coding.mapping["Extremely satisfied"] == 11  # highest position
    assert coding.mapping["3"] == 4  # score 3 is the 4th answer (0,1,2,3)


def test_zero_to_ten_with_unknown_ends_is_an_error():
    with pytest.raises(SurveyError, match="Foo"):
        match_labels("q", ["Foo", "3", "7"])


def test_normalize_apostrophes_and_space():
    assert normalize("Don’t  know ") == "don't know"
