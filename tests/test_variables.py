"""Variables right, or asked (issue 12): direction, negation, partial scales, any column as the group,
don't-know words, SPSS missing codes, themes from names.

References are computed independently, from the files' codes with pandas (ESS codes: SOURCE.md of
../shared/data/external/ess_norway_bst290; EFC: its SOURCE.md), or counted by hand where the file is made
here (written with pyreadstat, an SPSS writer independent of the reader's path).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pandas as pd
import pyreadstat
import pytest

from lmp_core.cli import main
from lmp_core.compute.stats import summarize
from lmp_core.counting.counts import count
from lmp_core.load import read_codebook, read_file
from lmp_core.setup.scales import negation_differs
from tests.conftest import EXTERNAL

ESS = EXTERNAL / "ess_norway_bst290"


def _sav(frame: pd.DataFrame, **meta) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.sav"
        pyreadstat.write_sav(frame, str(path), **meta)
        return path.read_bytes()


def _top2(data: bytes, name: str, item: str, **options) -> float:
    survey = read_file(data, name, **options)
    return summarize(count(survey), min_group_size=1).item(item).stats[0].top2_pct


# --- direction: never from code order when labels exist ----------------------------------------------
def test_reversed_codes_with_an_unknown_middle_label_are_scored_by_the_known_labels():
    # ESS 2014 Norway, gincdif: coded 1 = "Agree strongly" ... 5 = "Disagree strongly" (SOURCE.md). Written as
    # SPSS with the middle label renamed "Neither" (no known scale holds it): the known labels must still
    # turn the scale, so top-2 is the share of codes 1-2 (agree), counted here with pandas.
    codes = pd.read_csv(ESS / "ess_codes.csv")
    codebook = pd.read_csv(ESS / "ess_codebook.csv")
    lookup = codebook[codebook.variable == "gincdif"].set_index("position")["ess_code"]
    values = codes["gincdif"].map(lookup).dropna().astype(int)
    labels = {1: "Agree strongly", 2: "Agree", 3: "Neither", 4: "Disagree", 5: "Disagree strongly"}
    data = _sav(pd.DataFrame({"gincdif": values}), variable_value_labels={"gincdif": labels},
                variable_measure={"gincdif": "ordinal"})
    survey = read_file(data, "ess_gincdif.sav")
    assert survey.items[0].scale.labels[-1] == "Agree strongly"
    assert [k for k, _ in survey.notes] == ["direction_from_labels"]
    reference = 100 * (values <= 2).mean()
    assert _top2(data, "ess_gincdif.sav", "gincdif") == pytest.approx(reference, abs=1e-9)
    assert reference > 50  # the code order would have given the share of codes 4-5 instead


def test_codes_alone_give_the_order_only_with_a_note_that_asks():
    # no label known: an ordinal SPSS column is ordered by its codes, and the reader says so and asks
    data = _sav(pd.DataFrame({"q": [1, 2, 3, 3, 4]}),
                variable_value_labels={"q": {1: "Low", 2: "Medium-low", 3: "Medium-high", 4: "High"}},
                variable_measure={"q": "ordinal"})
    survey = read_file(data, "q.sav")
    (note,) = [n for n in survey.notes if n[0] == "direction_from_codes"]
    assert note[1]["low"] == "Low" and note[1]["high"] == "High"


# --- negation: a typo never turns a label into its opposite ------------------------------------------
@pytest.mark.parametrize(("answers", "top2"), [
    # hand count: 2 of 8 answers are in the top two (Svært fornøyd, Fornøyd)
    (["Svært fornøyd", "Svært ufornøyd", "Svært ufornøyd", "Fornøyd", "Ufornøyd", "Svært ufornøyd", "Ufornøyd",
      "Verken eller"], 25.0),
    (["Very satisfied", "Very unsatisfied", "Very unsatisfied", "Satisfied", "Unsatisfied", "Very unsatisfied",
      "Neutral", "Unsatisfied"], 25.0),
])
def test_negated_labels_are_the_low_end(answers, top2):
    data = pd.DataFrame({"q": answers}).to_csv(index=False).encode()
    assert _top2(data, "s.csv", "q") == pytest.approx(top2)


def test_a_negation_is_never_read_as_a_typo():
    assert negation_differs("svært ufornøyd", "svært fornøyd")
    assert negation_differs("dissatisfied", "satisfied") and negation_differs("ikke enig", "enig")
    assert not negation_differs("strong agree", "strongly agree")  # PISA's typo stays a typo


# --- the number of steps never from observed values alone, unsaid --------------------------------------
def test_a_scale_read_from_its_numbers_alone_says_so_in_every_view(tmp_path, capsys):
    # nobody chose 5: the reader sees 1-4; that may be wrong, so every view carries the caveat
    path = tmp_path / "tall.csv"
    path.write_text("q\n1 = Helt uenig\n2\n3\n4\n4\n2\n3\n4\n1 = Helt uenig\n3\n", encoding="utf-8")
    assert main(["summarize", str(path), "--min-group-size", "1", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert any("skalaen er lest fra tallene i svarene alene" in w for w in out["warnings"])
    # with the codebook's 5 steps, top-2 is 4 and 5 of five (3 of 10), not 3 and 4 of four (6 of 10)
    codebook = tmp_path / "kodebok.csv"
    codebook.write_text("column,labels\nq,1=Helt uenig;2=Uenig;3=Verken eller;4=Enig;5=Helt enig\n", "utf-8")
    data = pd.DataFrame({"q": [1, 2, 3, 4, 4, 2, 3, 4, 1, 3]}).to_csv(index=False).encode()
    assert _top2(data, "tall.csv", "q", codebook=read_codebook(codebook.read_bytes())) == pytest.approx(30.0)


# --- any column can be the group ---------------------------------------------------------------------
def test_an_ordinal_spss_question_can_be_the_group_on_the_command_line(tmp_path, capsys):
    # EFC (SOURCE.md): e42dep, the elder's dependency, is an ordinal item; grouped by it, c82cop1's mean per
    # dependency level must equal pandas' on the codes (9 = user missing in both columns)
    path = tmp_path / "EFC.sav"
    path.write_bytes((EXTERNAL / "efc" / "EFC.sav").read_bytes())
    assert main(["summarize", str(path), "--group", "e42dep", "--items", "c82cop1", "--format", "json",
                 "--min-group-size", "1"]) == 0
    out = json.loads(capsys.readouterr().out)
    codes = pd.read_csv(EXTERNAL / "efc" / "EFC_codes.csv")
    codes = codes[(codes.c82cop1 != 9) & (codes.e42dep != 9)].dropna(subset=["c82cop1", "e42dep"])
    reference = codes.groupby("e42dep")["c82cop1"].agg(["mean", "count"])
    names = {1: "independent", 2: "slightly dependent", 3: "moderately dependent", 4: "severely dependent"}
    stats = {s["group"]: s for s in out["items"][0]["stats"]}
    assert [g["name"] for g in out["groups"]] == list(names.values())  # scale order, not file order
    for code, name in names.items():
        assert stats[name]["n"] == reference.loc[code, "count"]
        assert stats[name]["mean"] == pytest.approx(reference.loc[code, "mean"], abs=1e-12)


# --- don't-know words, SPSS missing codes, themes -----------------------------------------------------
@pytest.mark.parametrize("word", ["Ns/Nc", "No sabe", "Vet inte", "Ved ikke", "Weiß nicht", "Veit ikkje"])
def test_dont_know_in_seven_languages(word):
    data = pd.DataFrame({"q": ["Agree", "Disagree", word, "Strongly agree", "Agree"]}).to_csv(index=False).encode()
    survey = read_file(data, "dk.csv")
    assert word in survey.items[0].other_labels
    assert _top2(data, "dk.csv", "q") == pytest.approx(75.0)  # 3 of the 4 substantive answers


def test_spss_declared_missing_codes_hold_when_a_codebook_gives_the_labels():
    # EFC SOURCE.md: c90cop9 mean 2.932 without the declared-missing 9s (3.027 with them)
    codebook = read_codebook(b"column,labels\nc90cop9,1=never;2=sometimes;3=often;4=always\n")
    survey = read_file((EXTERNAL / "efc" / "EFC.sav").read_bytes(), "EFC.sav", codebook=codebook)
    assert summarize(count(survey)).item("c90cop9").stats[0].mean == pytest.approx(2.932, abs=5e-4)


def test_spss_items_numbered_alike_share_a_theme():
    survey = read_file((EXTERNAL / "efc" / "EFC.sav").read_bytes(), "EFC.sav")
    assert survey.themes == ("e42dep", "cop")  # c82cop1 … c90cop9: one chapter, not nine


def test_two_spellings_of_one_group_are_one_group_and_the_reader_says_so():
    import unicodedata

    composed = "Skolé"
    decomposed = unicodedata.normalize("NFD", composed)
    data = (f"g,q\n{composed},Enig\n{decomposed},Uenig\n {composed} ,Enig\nAnnen,Enig\nAnnen,Uenig\n"
            f"{composed},Enig\n").encode()
    survey = read_file(data, "g.csv")
    assert ("spellings_merged", {"column": "g", "count": 2}) in survey.notes
    summary = summarize(count(survey, group="g"), min_group_size=1)
    assert [(g.name, g.respondents) for g in summary.groups] == [(composed, 4), ("Annen", 2)]


def test_continuous_scores_are_never_offered_as_groups():
    # EFC's documented sum scores and ages (EFC codebook, sjPlot): Barthel index 0-100 (21 values), neg_c_7
    # 7-28, pos_v_4 5-16, quol_5 0-25, c12hour 4-168 hours, ages; each would make 12-70 tiny groups
    survey = read_file((EXTERNAL / "efc" / "EFC.sav").read_bytes(), "EFC.sav")
    scores = {"barthtot", "neg_c_7", "pos_v_4", "quol_5", "c12hour", "e17age", "c160age"}
    assert not scores & set(survey.groupable)
    assert {"e16sex", "c172code", "e15relat"} <= set(survey.groupable)
    reasons = {s.column: s for s in survey.skipped}
    assert {c for c in scores if reasons[c].key == "score_column"} == scores
    from lmp_core.setup.table import setup_table

    table = setup_table(survey, "nb").set_index("Kolonne")
    # a score is a number question (issue #27): its mean, median and quartiles per group, never a group itself;
    # the listing gives no range (issue #39: the lowest and the highest value are often one respondent's each)
    assert table.loc["barthtot"].iloc[-1] == ("Tallspørsmål: 21 ulike tall uten etiketter leses som et "
                                              "antall, en måling eller en skår, ikke som gruppe.")
    assert {it.column for it in survey.numbers} == scores - {"e17age", "c160age"}  # ages are background
    # few numbers with decimals are a measurement too (a mean score per respondent), whole codes are not
    frame = pd.DataFrame({"snitt": [2.5, 3.0, 3.5, 4.0] * 5, "pulje": [1, 2] * 10,
                          "q": ["I stor grad", "I liten grad"] * 10})
    small = read_file(frame.to_csv(index=False).encode(), "x.csv")
    assert "snitt" not in small.groupable and "pulje" in small.groupable


def test_a_note_names_a_scale_by_its_ends_not_its_id():
    # code 7 on a five-point "grad" scale (codes 1-5): the note names the scale in the answers' own words
    from lmp_core.compute.stats import note_text

    codebook = read_codebook(b"column,scale\nq1,grad\n", "kodebok.csv")
    survey = read_file(b"q1\n1\n5\n7\n4\n", "svar.csv", codebook=codebook)
    note = next(n for n in survey.notes if n[0] == "codes_outside_scale")
    assert "utenfor skalaen «I svært liten grad … I svært stor grad»: 7" in note_text(*note, "nb")


def test_the_setup_can_make_a_numbered_column_a_group():
    rows = "\n".join(f"{k},I stor grad" for k in list(range(1, 17)) * 2)
    data = f"skole,q1\n{rows}\n".encode()
    assert "skole" not in read_file(data, "x.csv").groupable
    codebook = read_codebook(b"column,role\nskole,background\n", "oppsett.csv")
    assert "skole" in read_file(data, "x.csv", codebook=codebook).groupable
