"""The first results on a survey tool's export (issue #42): no statistic without answers, a question asked of few
says why, on files made here to the layouts of Microsoft Forms, Google Forms, LimeSurvey and Nettskjema exports.

Reference counts are hand counts with pandas on the generated rows (the base of a tick set: the rows with a tick in
any of its columns; a single-choice question's base: its answers other than blank and "Vet ikke")."""

from __future__ import annotations

import contextlib
import io
import itertools
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from lmp_core.base.errors import SurveyError
from lmp_core.compute.kind_stats import OptionGroup, kind_results
from lmp_core.load import read_file
from lmp_core.present.report.sentences import asked_sentence, kind_sentences
from lmp_core.present.tables import kind_table

SAT = ["Svært misfornøyd", "Misfornøyd", "Verken fornøyd eller misfornøyd", "Fornøyd", "Svært fornøyd"]
HEARD = ["Nettsiden", "En kollega", "Kommunen"]
OPTIONS = ["kurs", "veiledning", "nettverk"]
#: how a tick set marks "not ticked": blank (LimeSurvey's Y/blank, SurveyMonkey). A set of Y/N columns is read
#: by its columns holding one value only (a column of "Y" and "N" is no tick column), so "N" and "No" are tested
#: in every row (below), not mixed with "Y".
NOT_TICKED = ("",)


def _frame(rows: list[tuple], not_ticked: str) -> pd.DataFrame:
    """A file of the generated rows: a group, a satisfaction scale, an empty scale question, a single-choice
    question and a tick set of three columns ("Y" ticked, ``not_ticked`` otherwise)."""
    out = []
    for i, (group, sat, heard, ticks) in enumerate(rows):
        out.append({"id": f"R{i}", "rolle": group, "tilfredshet": sat, "tom": "",
                    "Hvordan fikk du høre om tilbudet?": heard,
                    **{f"tiltak_{o}": ("Y" if t else not_ticked) for o, t in zip(OPTIONS, ticks)}})
    return pd.DataFrame(out)


rows = st.lists(
    st.tuples(st.sampled_from(["Lærer", "Leder", "Rektor"]), st.sampled_from([*SAT, ""]),
              st.sampled_from([*HEARD, "Vet ikke", ""]), st.tuples(st.booleans(), st.booleans(), st.booleans())),
    min_size=12, max_size=70,
).filter(lambda rs: len({r[1] for r in rs if r[1]}) >= 2)
tick_rate = st.sampled_from([0.0, 0.3, 1.0])  # 0: a set no one ticked (blank or "No" in every row)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.filter_too_much],
          phases=(Phase.explicit, Phase.reuse, Phase.generate))  # no shrinking: a failing file is printed as generated
@given(rows, st.sampled_from(NOT_TICKED), tick_rate, st.booleans())
def test_no_share_without_answers(data, not_ticked, rate, empty_choice):
    """Every share shown rests on answers: its base is the hand count and above zero; a group, set or question
    with none shows no share, no "most ticked" sentence, no percentage in its table, and says how many answered."""
    rng = np.random.default_rng(len(data))
    data = [(g, s, "" if empty_choice else h, tuple(bool(t and rng.random() < rate) for t in ticks))
            for g, s, h, ticks in data]
    frame = _frame(data, not_ticked)
    survey = read_file(frame.to_csv(index=False).encode(), "svar.csv")
    results = {r.column: r for r in kind_results(survey, group="rolle", min_group_size=1)}  # none held back
    ticked = frame[[f"tiltak_{o}" for o in OPTIONS]].eq("Y")
    for r in results.values():
        for g in r.shown():
            assert isinstance(g, OptionGroup)
            rows_of = frame["rolle"] == g.group
            if r.kind == "multi":
                base = int((ticked.any(axis=1) & rows_of).sum())  # hand count: a tick in any column
            else:
                answers = frame.loc[rows_of, r.column]
                base = int((~answers.isin(["", "Vet ikke"]) & answers.notna()).sum())
            assert g.base == base
            if g.shares is not None:
                assert g.base > 0
            if g.tick_shares is not None:
                assert sum(g.counts.values()) > 0
        table = kind_table(r, lang="nb")
        for g in r.shown():
            if not g.base:
                assert not table[f"{g.group} %"].str.contains("%").any()
        sentences = " ".join(kind_sentences(r, "nb"))
        if r.kind == "multi" and not ticked.any(axis=None):
            assert "prosent" not in sentences and "kryss hver" not in sentences
        if not r.has_figures():
            assert "ingen tall vises" in asked_sentence(r, 1) or "å vise tall" in asked_sentence(r, 1)
    if not ticked.any(axis=None):  # a set no one ticked is no statistic: none of its shares, no figure
        tiltak = results.get("tiltak")
        assert tiltak is None or not tiltak.has_figures()
    if empty_choice:
        assert "Hvordan fikk du høre om tilbudet?" not in results \
            or not results["Hvordan fikk du høre om tilbudet?"].has_figures()


def test_a_set_of_no_in_every_row_is_not_every_option_ticked():
    """The issue's case: a tick set with "No" in every row was read as every respondent ticking every option
    ("100 % of Man (n=2384)", "i snitt 2,0 kryss hver"). Hand count: nobody ticked, so no share at all."""
    frame = pd.DataFrame({"Gender": ["Man", "Woman"] * 30, "tilfredshet": SAT * 12,
                          "kanal_a": ["No"] * 60, "kanal_b": ["No"] * 60})
    survey = read_file(frame.to_csv(index=False).encode(), "export.csv")
    (kanal,) = [r for r in kind_results(survey, group="Gender", min_group_size=5) if r.column == "kanal"]
    assert kanal.options == ("a", "b")  # named by the columns, not "No" twice
    assert all(g.shares is None and g.mean_ticked is None for g in kanal.groups)
    assert not kanal.has_figures()
    assert "100" not in " ".join(kind_sentences(kanal, "nb"))
    # none of the 60 respondents ticked anything: said so instead of empty axes
    assert asked_sentence(kanal, 5, "nb").startswith("Færre enn 5 av 60 ")


def test_a_question_asked_of_few_says_how_many():
    """A single-choice question 8 of 200 answered (a routed question; hand count: rows 0, 25, …, 175): the whole
    sample's figure says "8 av 200 fikk dette spørsmålet"; by role (4 answers each, under the minimum 5, held
    back) no group shows a figure and the sentence says why, without revealing a count under the minimum."""
    n = 200
    question = "Hvordan fikk du høre om tilbudet?"
    frame = pd.DataFrame({"rolle": ["Lærer", "Leder"] * (n // 2), "tilfredshet": (SAT * n)[:n],
                          question: [HEARD[i % 3] if i % 25 == 0 else "" for i in range(n)]})
    survey = read_file(frame.to_csv(index=False).encode(), "routed.csv")
    (whole_sample,) = [r for r in kind_results(survey, min_group_size=5) if r.column == question]
    assert (whole_sample.asked, whole_sample.respondents) == (8, 200)
    assert whole_sample.has_figures()
    assert asked_sentence(whole_sample, 5, "nb") == "8 av 200 fikk dette spørsmålet."
    (by_role,) = [r for r in kind_results(survey, group="rolle", min_group_size=5) if r.column == question]
    assert not by_role.has_figures()
    assert asked_sentence(by_role, 5, "nb") == ("Færre enn 5 av 200 har svar på dette spørsmålet som kan vises, "
                                               "så ingen tall vises.")


def test_a_set_no_one_in_a_group_ticked_has_no_most_ticked_option():
    """Asked (a 0/1 set: a 0 is an answer) but no one ticked: the sentence says none ticked, never "most ticked
    «a» (0 prosent)", and there is no share of all ticks (a share of zero ticks)."""
    frame = pd.DataFrame({"rolle": ["Lærer", "Leder"] * 20, "tilfredshet": SAT * 8,
                          "kanal_a": [0] * 40, "kanal_b": [0] * 40})
    survey = read_file(frame.to_csv(index=False).encode(), "zeros.csv")
    (kanal,) = [r for r in kind_results(survey, group="rolle", min_group_size=5) if r.column == "kanal"]
    assert [g.base for g in kanal.groups] == [20, 20]
    assert all(g.tick_shares is None for g in kanal.groups)
    sentences = kind_sentences(kanal, "nb")
    assert sentences[0] == "«kanal»: ingen av de 20 i Lærer som fikk spørsmålet, krysset av."


GRAD = ["I svært liten grad", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad"]


def ms_forms_csv() -> bytes:
    """28 respondents in Microsoft Forms' layout: ID, start and completion times, e-mail and name, then the
    questions' texts as headers; a "tick all that apply" question as one cell of options each ended by ";"."""
    rng = np.random.default_rng(3)
    n = 28
    frame = pd.DataFrame({
        "ID": range(1, n + 1), "Start time": [f"1/{i % 28 + 1}/24 10:{i:02d}:00" for i in range(n)],
        "Completion time": [f"1/{i % 28 + 1}/24 10:{i + 5:02d}:00" for i in range(n)],
        "Email": ["anonymous"] * n, "Name": [""] * n,
        "Hvilken rolle har du?": [["Lærer", "Leder", "Assistent"][i % 3] for i in range(n)],
        "Hvor godt fungerer samarbeidet?": [GRAD[i % 5] for i in range(n)],
        "Hvilke tiltak?": [";".join(o for o in ["Kurs", "Veiledning", "Nettverk"] if rng.random() < .5) + ";"
                           for _ in range(n)],
        "Hvordan fikk du høre om tilbudet?": [HEARD[i % 3] for i in range(n)],
        "Kommentar": [f"Svar nummer {i} var fint" if i % 2 else "" for i in range(n)],
    })
    return frame.to_csv(index=False).encode()


def nettskjema_csv(n: int = 12) -> bytes:
    """``n`` respondents in Nettskjema's API CSV layout: ";"-separated, every field quoted, "$" columns from the
    backend (an ISO time with offset, the answer time in ms), a radio question's codes, 0/1 checkbox columns."""
    rows = ['"$submission_id";"$created";"rolle";"samarbeid";"radio";"checkbox.kurs";"checkbox.veiledning";'
            '"freetext";"$answer_time_ms"']
    for i in range(n):
        rows.append(f'"{1000 + i}";"2023-06-01T20:{i % 60:02d}:15+02:00";"{["Lærer", "Leder"][i % 2]}";"{GRAD[i % 5]}";'
                    f'"{[1, 2, -1][i % 3]}";"{i % 2}";"{(i // 2) % 2}";"{"Bra kurs" if i % 3 == 0 else ""}";'
                    f'"{141000 + i * 977}"')
    return "\n".join(rows).encode()


@pytest.mark.parametrize("name, make", [("ms_forms.csv", ms_forms_csv), ("data-123823.csv", nettskjema_csv)])
def test_every_report_download_works_after_each_grouping(name, make):
    """The Word, HTML, Excel and PowerPoint reports are made after grouping by nothing and by each column that
    can group (a role, a single-choice question, a time, a comment): a grouping whose every group is under the
    minimum has empty figures, which vl-convert cannot make an image of ("SVG has an invalid size"), so each
    such figure is a sentence saying why it is left out."""
    from lmp_core.compute.view import ViewRequest
    from lmp_core.present.report import Figure, Paragraph, build_report, render

    survey = read_file(make(), name)
    groupings = [None, *survey.group_candidates]
    assert len(groupings) >= 3
    for group in groupings:
        report = build_report(survey, ViewRequest.of(group=group, min_group_size=5))
        for fmt in (".docx", ".html", ".xlsx", ".pptx"):
            assert render(report, "rapport" + fmt)[:2] in (b"PK", b"<!")
        blocks = [b for s in report.sections for b in s.blocks]
        if not any(isinstance(b, Figure) for b in blocks[1:]):
            assert any(isinstance(b, Paragraph) and "ingen figur" in b.text for b in blocks)


def test_a_time_of_day_is_never_a_scale():
    """A column of clock times ("05:11", "6", …, "14:45") was read as a 5-14 scale and the user was asked whether
    "05:11 < 6 < 7 < … < 12:00" runs the right way; times and dates are never a scale's steps."""
    from lmp_core.setup.scales import match_labels

    times = ["05:11", "6", "7", "8", "9", "10", "11", "12:00", "13", "14:45"]
    with pytest.raises(SurveyError, match="fit no known scale"):
        match_labels("Når på dagen?", times)
    frame = pd.DataFrame({"rolle": ["Lærer", "Leder"] * 15, "tilfredshet": SAT * 6,
                          "Når på dagen?": (times * 3)[:30]})
    survey = read_file(frame.to_csv(index=False).encode(), "times.csv")
    assert [it.column for it in survey.items] == ["tilfredshet"]
    # a 1-5 scale written as numbers is still one
    assert match_labels("q", ["1", "2", "3", "4", "5"]).scale.name == "1-5"


def test_the_first_group_is_none_unless_a_column_is_plainly_a_grouping():
    """The first results were grouped by a rating question 8 of 1,838 answered, a time, a comment. A column is
    the first group only when its name says role, school, municipality or class, it has two groups of the
    minimum and most respondents answered it."""
    from lmp_core.compute.view import likely_group

    # Microsoft Forms: "Hvilken rolle har du?" (9, 10 and 9 respondents, everyone answered)
    assert likely_group(read_file(ms_forms_csv(), "ms_forms.csv")) == "Hvilken rolle har du?"
    # Nettskjema: rolle (6 and 6) rather than the time "$created" or the radio question's codes
    assert likely_group(read_file(nettskjema_csv(), "data-123823.csv")) == "rolle"
    n = 100
    frame = pd.DataFrame({
        "tilfredshet": (SAT * n)[:n],
        "Vurder kurset": [["Bra", "Dårlig"][i % 2] if i < 8 else "" for i in range(n)],  # 8 of 100 answered
        "Skole": [["A", "B"][i % 2] if i < 8 else "" for i in range(n)],  # a school column few answered
        "Klasse": [f"{i % 40}" for i in range(n)],  # 40 classes, none with 5
        "Kommune": ["Oslo", "Bergen"] * (n // 2),
    })
    survey = read_file(frame.to_csv(index=False).encode(), "few.csv")
    assert likely_group(survey) == "Kommune"
    # counted as the views count groups, without a pandas copy of the background columns (on upload, the Data page
    # waited 0.8 s for that copy of a 1,000,000-row file before it drew anything)
    assert "background" not in vars(survey)
    assert likely_group(read_file(frame.drop(columns="Kommune").to_csv(index=False).encode(), "few.csv")) is None
    # answered by everyone, in groups of at least five, and still no grouping: a Likert item, a ten-band daily
    # time and a comment (the first groups)
    bands = [f"{h}–{h + 1} timer" for h in range(10)]
    others = pd.DataFrame({"tilfredshet": (SAT * n)[:n], "I hvilken grad trives du?": (GRAD * n)[:n],
                           "Hvor mye tid bruker du daglig?": (bands * n)[:n],
                           "Kommentar": [["Bra", "Dårlig", "Greit"][i % 3] for i in range(n)]})
    survey = read_file(others.to_csv(index=False).encode(), "others.csv")
    assert "Kommentar" in survey.group_candidates  # it could group, if chosen
    assert likely_group(survey) is None


def test_the_results_page_without_a_group_says_why_and_where_to_choose():
    """Uploaded with no plain grouping: the results are of everyone, the page says why no group was chosen, and
    the choice is one click away (the sidebar's group box, or a link to the Data page when none is offered)."""
    from streamlit.testing.v1 import AppTest

    from tests.apptest import plain
    from tests.conftest import ROOT

    frame = pd.DataFrame({"tilfredshet": (SAT * 12)[:60], "Vurder kurset": ["Bra", "Dårlig", ""] * 20})
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    at.file_uploader(key="upload").upload("export.csv", frame.to_csv(index=False).encode(), "text/csv")
    at.run()
    at.switch_page("pages/results.py").run()
    assert not at.exception
    assert at.selectbox(key="results_group").value is None
    infos = " ".join(plain(i.value) for i in at.info)
    assert "Ingen kolonne er valgt som gruppe" in infos
    assert any("Data-siden" in plain(c.value) for c in at.caption)


def test_the_data_page_says_how_much_of_the_file_became_questions():
    """A 40-column export of which one column is a question ("1 av 369 kolonner ble lest som spørsmål"): the
    Data page says how many columns became what (hand count: 1 question, 1 group, 1 id, 37 blank) and points to
    the fix that changes it."""
    from streamlit.testing.v1 import AppTest

    from lmp_core.setup.table import column_use
    from tests.apptest import plain
    from tests.conftest import ROOT

    n = 30
    frame = pd.DataFrame({"id": [f"R{i}" for i in range(n)], "rolle": ["Lærer", "Leder"] * (n // 2),
                          "tilfredshet": (SAT * n)[:n], **{f"tom_{j}": [""] * n for j in range(37)}})
    data = frame.to_csv(index=False).encode()
    use = column_use(read_file(data, "wide.csv"))
    assert (use.total, use.questions, use.background, use.other, use.no_role) == (40, 1, 1, 1, 37)
    assert use.few_questions
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    at.file_uploader(key="upload").upload("wide.csv", data, "text/csv")
    at.run()
    assert not at.exception
    warnings = " ".join(plain(w.value) for w in at.warning)
    assert "1 av 40 kolonner ble lest som spørsmål – 1 er bakgrunn" in warnings
    assert "37 kolonner har ingen rolle" in warnings
    assert any("Rett opp det som ble feil" in plain(c.value) for c in at.caption)


def _axis_labels(svg: str) -> list[tuple[float, int, str]]:
    """The category axis's labels in a vl-convert SVG: (y, lines, first line) of each label drawn."""
    import re

    out = []
    for group in re.findall(r'<g class="mark-text role-axis-label"[^>]*>(.*?)</g>', svg, re.S):
        texts = re.findall(r'<text[^>]*transform="translate\(([-\d.]+),([-\d.]+)\)"[^>]*>(.*?)</text>', group, re.S)
        if texts and not texts[0][2].strip().isdigit():  # the category axis, not the 0–100 one
            for _, y, body in texts:
                lines = re.findall(r"<tspan[^>]*>(.*?)</tspan>", body) or [body]
                out.append((float(y), len(lines), lines[0]))
    return out


def _assert_apart(labels: list[tuple[float, int, str]]) -> None:
    """No two labels overlap: 15 px a line (the SVG's dy), the next label starts below this one."""
    for (y1, lines1, _), (y2, _, _) in itertools.pairwise(labels):
        assert y2 - y1 >= lines1 * 15


def _assert_every_option_drawn(survey, column: str, options: list[str]) -> None:
    """The question's chart (vl-convert SVG) has a label for each option, 15 px or more apart."""
    from lmp_core.present.charts import kind_chart, to_svg

    (result,) = [r for r in kind_results(survey, min_group_size=1) if r.column == column]
    labels = _axis_labels(to_svg(kind_chart(result)).decode())
    assert sorted(label for _, _, label in labels) == sorted(options)
    ys = sorted(y for y, _, _ in labels)
    assert min(b - a for a, b in itertools.pairwise(ys)) >= 15


def test_every_category_label_of_a_chart_is_drawn():
    """A chart of ten long questions labelled five, a chart of 27 phone models every second: in the SVG (vl-convert)
    every category has its label, and no two labels overlap (each band is as tall as its label's lines)."""
    from lmp_core.compute.view import ViewRequest, make_view
    from lmp_core.present.charts import to_svg, top2_chart

    n = 40
    topics = ["klasseledelse", "mobbing", "vurdering for læring", "lesing", "regning", "samarbeid med hjemmet",
              "overgangen fra barnehage", "digitale ferdigheter", "psykisk helse", "tilpasset opplæring"]
    columns = {f"I hvilken grad opplever du at skolen arbeider systematisk og godt med {t} i hverdagen?":
               [GRAD[(i + j) % 5] for i in range(n)] for j, t in enumerate(topics)}
    phones = [f"Samsung Galaxy S{j} Ultra" for j in range(27)]
    columns["Hvilken telefon har du?"] = [phones[i % 27] for i in range(n)]
    columns["rolle"] = ["Lærer", "Leder"] * (n // 2)
    survey = read_file(pd.DataFrame(columns).to_csv(index=False).encode(), "wide.csv")
    for group in (None, "rolle"):
        summary = make_view(survey, ViewRequest.of(group=group, min_group_size=1)).summary()
        labels = _axis_labels(to_svg(top2_chart(summary)).decode())
        assert len(labels) == 10 and all(label.startswith("I hvilken grad") for _, _, label in labels)
        _assert_apart(labels)
    _assert_every_option_drawn(survey, "Hvilken telefon har du?", phones)


def test_the_report_quotes_written_words_only_and_a_stated_sample():
    """Completion seconds («141») were quoted as comments, and a 3,000-row file's report had 12,019 paragraphs:
    columns of seconds and clock times are not quoted, and a column of 3,000 comments gives 20 quotes, every 150th
    in file order (positions 0, 150, …, 2850: ⌊i · 3000 / 20⌋), with the rule said in the report and its method
    text."""
    from lmp_core.compute.view import ViewRequest
    from lmp_core.present.report import Paragraph, Quote, build_report

    n = 3000
    frame = pd.DataFrame({"rolle": ["Lærer", "Leder"] * (n // 2), "tilfredshet": (SAT * n)[:n],
                          # each comment twice (a column of 3,000 different texts is read as an id)
                          "Kommentar til kurset": [f"Kommentar nummer {i // 2} om kurset" for i in range(n)],
                          "Tid brukt": [f"{100 + i % 90} s" for i in range(n)],  # read as free text by the setup
                          "Klokka": [f"{i % 24:02d}:{i % 60:02d}" for i in range(n)]})
    survey = read_file(frame.to_csv(index=False).encode(), "big.csv")
    # the clock times are the survey tool's metadata, never a comment column; the seconds are read as text
    assert {"Kommentar til kurset", "Tid brukt"} <= set(survey.text_columns) and "Klokka" not in survey.text_columns
    report = build_report(survey, ViewRequest.of(group="rolle", min_group_size=5))
    quotes = [b for s in report.sections for b in s.blocks if isinstance(b, Quote)]
    assert [q.text for q in quotes] == [f"Kommentar nummer {i * 150 // 2} om kurset" for i in range(20)]
    texts = [b.text for s in report.sections for b in s.blocks if isinstance(b, Paragraph)]
    assert any("viser 20 av 3000 kommentarer" in t for t in texts)  # four digits without a space
    assert any("jevnt fordelt i filens rekkefølge" in t and "⌊i · n / 20⌋" in t for t in texts)
    assert sum(len(s.blocks) for s in report.sections) < 200


SATISFIED = ["Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied"]


def somewhat_csv() -> bytes:
    """28 respondents, Microsoft Forms' satisfaction question with a label no known scale has: "Somewhat
    satisfied" in rows 0, 4, …, 24 (7 of 28, hand count), the five known labels in the others."""
    frame = pd.DataFrame({"Hvilken rolle har du?": ["Lærer", "Leder"] * 14,
                          "Hvor fornøyd er du?": [SATISFIED[i % 5] if i % 4 else "Somewhat satisfied"
                                                  for i in range(28)],
                          "Hvor godt fungerer samarbeidet?": [GRAD[i % 5] for i in range(28)]})
    return frame.to_csv(index=False).encode()


def test_answers_outside_the_scale_are_counted_until_the_user_decides(tmp_path):
    """The 7 "Somewhat satisfied" of 28 were "regnet som manglende": until the user says where they belong, the
    question is single choice with every answer counted (hand count on the generated rows: 7 "Somewhat
    satisfied", rows 0, 4, …, 24; "Very dissatisfied" in rows 5, 10, 15, 25 …), in the scale's order with the
    word after it, and every figure's caveat says the choice is waiting and that no answer is left out. Through
    the command line too."""
    import json

    from lmp_core.cli import main as cli
    from lmp_core.compute.view import ViewRequest, make_view

    survey = read_file(somewhat_csv(), "forms.csv")
    assert [it.column for it in survey.items] == ["Hvor godt fungerer samarbeidet?"]
    (choice,) = [r for r in kind_results(survey, min_group_size=5) if r.column == "Hvor fornøyd er du?"]
    assert choice.kind == "choice" and choice.options == (*SATISFIED, "Somewhat satisfied")
    (everyone,) = choice.groups
    frame = pd.read_csv(io.BytesIO(somewhat_csv()))
    assert everyone.counts == frame["Hvor fornøyd er du?"].value_counts().to_dict()  # pandas on the raw file
    assert everyone.base == 28 and everyone.counts["Somewhat satisfied"] == 7
    caveats = [line for kind in make_view(survey, ViewRequest.of(min_group_size=5)).summary().caveat_groups("nb")
               for line in kind]
    (pending,) = [c for c in caveats if "Hvor fornøyd er du?" in c]
    assert "alle svarene telles (ingen er utelatt)" in pending and "7 svar ('Somewhat satisfied')" in pending
    assert "Valget venter på Data-siden" in pending
    assert not any("utenfor skalaen" in c for c in caveats)  # no answer is out of any figure
    from lmp_core.present.report import build_report

    report = build_report(survey, ViewRequest.of(min_group_size=5))
    assert any("Valget venter på Data-siden" in getattr(b, "text", "") for s in report.sections for b in s.blocks)
    path = tmp_path / "forms.csv"
    path.write_bytes(somewhat_csv())
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        cli(["summarize", str(path), "--format", "json"])
    result = json.loads(out.getvalue())
    (cli_choice,) = [it for it in result["items"] if it["column"] == "Hvor fornøyd er du?"]
    assert cli_choice["kind"] == "choice" and cli_choice["stats"][0]["counts"]["Somewhat satisfied"] == 7
    assert any("Valget venter på Data-siden" in w for w in result["warnings"])


def test_answers_outside_the_scale_kept_out_are_in_every_figures_caveat():
    """Kept out of the scale by the user's choice (the setup's kind "scale"): the figure rests on 21 of 28, and
    its caveat says 7 answers are left out and which; another question's figure has no such caveat."""
    from lmp_core.compute.view import ViewRequest, make_view
    from lmp_core.setup.codebook import with_order

    survey = read_file(somewhat_csv(), "forms.csv", codebook=with_order(None, "Hvor fornøyd er du?", None))
    view = make_view(survey, ViewRequest.of(min_group_size=5))
    summary = view.summary(["Hvor fornøyd er du?"])
    assert summary.items[0].stats[0].n == 21
    caveats = [line for kind in summary.caveat_groups("nb") for line in kind]
    assert any("7 svar utenfor skalaen" in c and "Somewhat satisfied" in c for c in caveats)
    other = [line for kind in view.summary(["Hvor godt fungerer samarbeidet?"]).caveat_groups("nb") for line in kind]
    assert not any("utenfor skalaen" in c for c in other)


def test_a_word_outside_a_scale_on_a_google_forms_export_is_a_pending_choice():
    """A file made to Google Forms' layout (tests/data/exports/google_forms) with one answer changed to a word
    outside its scale: that question is single choice with all of its answers, the others stay scales."""
    from tests.export_kinds import EXPORTS

    frame = pd.read_csv(EXPORTS / "google_forms" / "made_responses.csv", dtype=str, keep_default_na=False)
    before = read_file(frame.to_csv(index=False).encode(), "svar.csv")
    column = before.items[0].column
    frame.loc[frame.index[:3], column] = "Somewhat"
    survey = read_file(frame.to_csv(index=False).encode(), "svar.csv")
    assert [it.column for it in survey.items] == [it.column for it in before.items[1:]]
    (choice,) = [r for r in kind_results(survey, min_group_size=1) if r.column == column]
    answered = frame[column].str.strip().ne("")
    assert choice.groups[0].base == int(answered.sum())  # pandas: every non-blank answer counts
    assert choice.groups[0].counts["Somewhat"] == 3
    assert [p["count"] for k, p in survey.notes if k == "scale_pending"] == [3]


def test_the_saved_setup_keeps_the_decision_on_answers_outside_the_scale():
    """The setup the Data page saves reads the next file as decided: placed in the scale (six steps), kept out of
    it (five steps, the 7 answers outside it in the caveat; the setup's labels of a known scale no longer refuse
    an answer they do not name) or not yet decided (asked again, single choice until then)."""
    from lmp_core.present.tables import to_csv_bytes
    from lmp_core.setup.codebook import read_codebook, with_order
    from lmp_core.setup.table import setup_codebook

    column = "Hvor fornøyd er du?"

    def again(book):
        first = read_file(somewhat_csv(), "forms.csv", codebook=book)
        saved = read_codebook(to_csv_bytes(setup_codebook(first, book)), "oppsett.csv")
        return read_file(somewhat_csv(), "forms.csv", codebook=saved)

    placed = again(with_order(None, column, [*SATISFIED[:3], "Somewhat satisfied", *SATISFIED[3:]]))
    assert placed.item(column).scale.labels == (*SATISFIED[:3], "Somewhat satisfied", *SATISFIED[3:])
    kept = again(with_order(None, column, None))
    assert kept.item(column).scale.labels == tuple(SATISFIED)
    assert [p["count"] for k, p in kept.notes if k == "labels_outside_scale"] == [7]
    undecided = again(None)
    assert [p["count"] for k, p in undecided.notes if k == "scale_pending"] == [7]
    assert any(it.column == column and it.kind == "choice" for it in undecided.others)


def _upload_somewhat():
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    at.file_uploader(key="upload").upload("forms.csv", somewhat_csv(), "text/csv")
    return at.run()


def test_answers_outside_the_scale_are_a_decision_on_the_data_page():
    """The Data page asks where "Somewhat satisfied" belongs; until then the results page shows the question as
    single choice with all 28 answers and the caveat; placed between "Neither…" and "Satisfied" it is a
    six-step scale with every answer (hand count: 28 answered, 7 of them at step 4)."""
    from lmp_app.state import Keys
    from tests.apptest import plain

    at = _upload_somewhat()
    assert not at.exception
    warnings = " ".join(plain(w.value) for w in at.warning)
    assert "'Somewhat satisfied' (7 av 28 svar). Hvor hører de hjemme i skalaen?" in warnings
    at.switch_page("pages/results.py").run()
    assert not at.exception
    shown = " ".join(plain(w.value) for w in at.warning) + " ".join(plain(m.value) for m in at.markdown)
    assert "Valget venter på Data-siden" in shown
    assert "Somewhat satisfied" in " ".join(e.value.to_csv() for e in at.table)
    at.switch_page("pages/data.py").run()
    at.selectbox(key="outside_place_0_0").set_value(3).run()  # between step 3 and step 4
    at.button(key="outside_scale_0").click().run()
    assert not at.exception
    survey = at.session_state[Keys.DATA].source
    item = survey.item("Hvor fornøyd er du?")
    assert item.scale.labels == (*SATISFIED[:3], "Somewhat satisfied", *SATISFIED[3:])
    counts = make_view_counts(survey, "Hvor fornøyd er du?")
    assert counts == [4, 5, 5, 7, 4, 3]  # hand count: rows i % 5 of those not i % 4 == 0, then the 7
    assert not [n for n in survey.notes if n[0] in ("scale_pending", "labels_outside_scale")]


def make_view_counts(survey, column: str) -> list[int]:
    from lmp_core.compute.view import ViewRequest, make_view

    (stats,) = make_view(survey, ViewRequest.of(min_group_size=5)).summary([column]).items[0].stats
    return list(stats.counts.values())


def test_answers_outside_the_scale_kept_as_single_choice_on_the_data_page():
    """Kept as single choice: every one of the 28 answers counts, and the setup says so (no decision left)."""
    from lmp_app.state import Keys

    at = _upload_somewhat()
    at.button(key="outside_choice_0").click().run()
    assert not at.exception
    survey = at.session_state[Keys.DATA].source
    assert "Hvor fornøyd er du?" not in [it.column for it in survey.items]
    (choice,) = [r for r in kind_results(survey, min_group_size=5) if r.column == "Hvor fornøyd er du?"]
    (everyone,) = choice.groups
    assert everyone.base == 28 and everyone.counts["Somewhat satisfied"] == 7
    assert not [n for n in survey.notes if n[0] == "scale_pending"]


def test_a_scale_question_asked_of_few_says_why_instead_of_empty_axes():
    """A scale question 3 of 200 answered (hand count: rows 0, 70, 140) showed empty axes and "Alle (n=0)": the
    page says how many could answer instead, and draws no empty chart."""
    from streamlit.testing.v1 import AppTest

    from lmp_core.compute.view import ViewRequest, make_view
    from lmp_core.present.report.sentences import unshown_scale_sentences
    from tests.apptest import plain
    from tests.conftest import ROOT

    n = 200
    frame = pd.DataFrame({"tilfredshet": (SAT * n)[:n],
                          "samarbeid": [GRAD[i % 5] if i % 70 == 0 else "" for i in range(n)]})
    data = frame.to_csv(index=False).encode()
    summary = make_view(read_file(data, "few.csv"), ViewRequest.of(min_group_size=5)).summary(["samarbeid"])
    assert unshown_scale_sentences(summary) == [
        "«samarbeid»: færre enn 5 av 200 har svar på dette spørsmålet som kan vises, så ingen tall vises."]
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    at.file_uploader(key="upload").upload("few.csv", data, "text/csv")
    at.run()
    at.switch_page("pages/results.py").run()
    themes = at.multiselect(key="themes_widget")
    themes.set_value(list(themes.options)).run()
    at.multiselect(key="questions_widget").set_value(["samarbeid"]).run()
    assert not at.exception
    assert any("færre enn 5 av 200" in plain(i.value) for i in at.info)
    assert not at.get("vega_lite_chart")  # no chart of nothing


def test_a_failed_download_says_why_in_the_page(monkeypatch):
    """"Last ned DOCX" failed without a word (only the server log had `download 'report_docx' failed
    (SurveyError)`): the reason is kept in the user's language, the clicking session's page is run again at once
    (the bytes are made after the click, outside any run: the rerun Streamlit makes when a source file is saved,
    with the session's last client state) and the reason is shown above the button; a download that works
    starts no run."""
    from streamlit.runtime import Runtime
    from streamlit.runtime.media_file_manager import MediaFileManager
    from streamlit.testing.v1 import AppTest

    from tests.apptest import plain

    made: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def spy(self, data_callable, mimetype, coordinates, file_name=None, **kw):
        made[file_name] = data_callable  # the bytes a click would make
        return original(self, data_callable, mimetype, coordinates, file_name, **kw)

    monkeypatch.setattr(MediaFileManager, "add_deferred", spy)
    reruns: list[object] = []

    class Session:  # the running server's AppSession of the page that clicked
        _client_state = "the last run's widgets and page"

        def request_rerun(self, client_state):
            reruns.append(client_state)

        def _call_soon_on_event_loop(self, callback):
            callback()

    real = Runtime.instance  # AppTest's stand-in for the server

    class Server:
        def get_app_session(self, session_id):
            return Session() if session_id else None

        def __getattr__(self, name):
            return getattr(real(), name)


    def page():
        from lmp_app.render import download
        from lmp_core.base.errors import SurveyError

        def make() -> bytes:
            raise SurveyError("chart_failed", kind="PNG")

        download("Last ned DOCX", make, "rapport.docx", "application/octet-stream", "report_docx")
        download("Last ned CSV", lambda: b"a,b\n", "tabell.csv", "text/csv", "table_csv")

    at = AppTest.from_function(page, default_timeout=60).run()
    assert not at.error
    with monkeypatch.context() as clicked:  # the clicks, on the server's thread
        clicked.setattr(Runtime, "instance", classmethod(lambda cls: Server()))
        clicked.setattr(Runtime, "exists", classmethod(lambda cls: True))
        assert made["tabell.csv"]() == b"a,b\n" and reruns == []  # a download that works reruns nothing
        with pytest.raises(RuntimeError, match="report_docx"):
            made["rapport.docx"]()
    assert reruns == ["the last run's widgets and page"]  # the page is run again at once
    at.run()
    assert [plain(e.value) for e in at.error] == [
        "Nedlastingen av rapport.docx mislyktes: Figuren kunne ikke lages som PNG. Prøv igjen, eller last ned "
        "tabellen i stedet."]


# --- The same failures on files made to a survey tool's documented layout (issue #42's Done-when) ---------------


def surveymonkey_blank_set_csv(n: int = 60) -> bytes:
    """``n`` respondents in SurveyMonkey's two-row layout (tests/data/exports/surveymonkey/SOURCE.md and
    /work/shared/notes/survey-tool-exports.md §8): question texts in row 1, blank where a question continues,
    options / "Response" / "Open-Ended Response" in row 2, the metadata columns ``Respondent ID … Custom Data 1``,
    one column per option of a multi-select question holding the option's text when ticked, blank otherwise. The
    set "Which devices do you use at school?" is blank in every row (no one ticked, or the question was never
    shown); "What is your role?" groups."""
    meta = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name",
            "Last Name", "Custom Data 1"]
    devices = ["Laptop", "Tablet", "Phone", "Other (please specify)"]
    sat = ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"]
    head = [*meta, "What is your role?", "Which devices do you use at school?", "", "", "",
            "How satisfied are you with the school's website?"]
    second = [""] * len(meta) + ["Response", *devices, "Response"]
    body = [[str(11400000000 + 137 * i), "431234567", f"03/{i % 28 + 1:02d}/2024 10:00:00 AM",
             f"03/{i % 28 + 1:02d}/2024 10:05:00 AM", f"192.0.2.{i % 250}", "", "", "", "",
             ["Pupil", "Teacher"][i % 2], "", "", "", "", sat[i % 5]] for i in range(n)]
    out = io.StringIO()
    pd.DataFrame([head, second, *body]).to_csv(out, index=False, header=False)
    return out.getvalue().encode()


@pytest.mark.parametrize("name, data", [
    ("surveymonkey.csv", surveymonkey_blank_set_csv()),
    # Qualtrics' documented three-row layout (tests/data/exports/qualtrics/SOURCE.md, notes §7): its set Q8_1…Q8_3
    # ("Which follow-up would you like? - Mentoring" …) is blank in every row
    ("made_true_false.csv", None),
])
def test_a_set_blank_in_every_row_of_a_tool_export_shows_no_share(name, data):
    """The issue's "100 % of Man (n=2384)" on a tool's export: a tick set of one column per option, blank in every
    row, goes through the upload's path (the reader sniffing the tool's layout, the setup, the results and the
    report) and shows no share of it anywhere: it is no question with figures, and the report says nothing of it.
    Hand count: 0 of the file's rows has a tick in the set."""
    from lmp_core.compute.view import ViewRequest
    from lmp_core.present.report import build_report, render
    from tests.export_kinds import EXPORTS, analysed_kinds

    data = data or (EXPORTS / "qualtrics" / name).read_bytes()
    survey = read_file(data, name)
    kinds = analysed_kinds(survey)
    set_columns = [c for c in kinds if c.startswith(("Which devices", "Q8_"))]
    assert set_columns and all(kinds[c] not in ("multi", "choice", "scale") for c in set_columns)
    group = "What is your role?" if name == "surveymonkey.csv" else "Q1"
    assert group in survey.group_candidates
    for result in kind_results(survey, group=group, min_group_size=5):
        texts = " ".join([*kind_sentences(result, "nb"), asked_sentence(result, 5, "nb")])
        if any(c.startswith(("Which devices", "Q8_")) for c in (result.column, *result.options)):
            assert not result.has_figures() and "100" not in texts
    html = render(build_report(survey, ViewRequest.of(group=group, min_group_size=5)), "rapport.html").decode()
    assert "Which devices" not in html and "Which follow-up" not in html


def google_forms_csv(n: int = 40, extra: dict[str, list[str]] | None = None) -> bytes:
    """``n`` respondents in Google Forms' response-sheet layout (tests/data/exports/google_forms/SOURCE.md and
    /work/shared/notes/survey-tool-exports.md §5): ``Timestamp`` ("dd/mm/yyyy hh:mm:ss"), ``Email Address``, one
    column per question with its text as header, a multiple-choice grid as ``Question [Row]``; ``extra`` columns
    are further questions."""
    frame = pd.DataFrame({
        "Timestamp": [f"{i % 28 + 1:02d}/03/2024 10:{i % 60:02d}:{(7 * i) % 60:02d}" for i in range(n)],
        "Email Address": [f"elev{i}@example.org" for i in range(n)],
        "Hvilken rolle har du?": [["Elev", "Lærer"][i % 2] for i in range(n)],
        "Hvor fornøyd er du med skolen?": [SAT[i % 5] for i in range(n)],
        **(extra or {}),
    })
    return frame.to_csv(index=False).encode()


def test_a_time_of_day_on_a_google_forms_export_is_never_a_scale():
    """The issue's "1 spørsmål har skalaen 05:11 < 6 < 7 < … < 14:45 … Går den riktig vei" and the report's
    "Andel som svarer «13» eller «14:45»", on a Google Forms export (layout: google_forms_csv's docstring) whose
    short-answer question was answered with clock times and hours: through the reader, the setup, the decisions
    the Data page asks and the report, the times are no scale and never a share's answer."""
    from lmp_core.compute.decisions import setup_decisions
    from lmp_core.compute.view import ViewRequest
    from lmp_core.present.report import build_report, render

    times = ["05:11", "6", "7", "8", "9", "10", "11", "12:00", "13", "14:45"]
    question = "Når på dagen leser du lekser?"
    survey = read_file(google_forms_csv(extra={question: (times * 4)[:40]}), "Skjema (svar) - Skjemasvar 1.csv")
    assert [it.column for it in survey.items] == ["Hvor fornøyd er du med skolen?"]
    for decision in setup_decisions(survey):
        assert question not in getattr(decision, "columns", ()) and "14:45" not in str(decision)
    for group in (None, "Hvilken rolle har du?"):
        html = render(build_report(survey, ViewRequest.of(group=group, min_group_size=5)), "rapport.html").decode()
        shares = re.findall(r"Andel som svarer[^<]*", html)
        assert shares and not any(t in s for s in shares for t in ("14:45", "05:11", "«13»"))


def _whole_axis_labels(svg: str) -> list[str]:
    """The category axis's labels in a vl-convert SVG, each label's lines joined by a space."""
    out = []
    for group in re.findall(r'<g class="mark-text role-axis-label"[^>]*>(.*?)</g>', svg, re.S):
        texts = re.findall(r"<text[^>]*>(.*?)</text>", group, re.S)
        if texts and not texts[0].strip().isdigit():  # the category axis, not the 0–100 one
            out += [" ".join(re.findall(r"<tspan[^>]*>(.*?)</tspan>", body) or [body]) for body in texts]
    return out


def test_every_category_label_of_a_chart_from_a_google_forms_export_is_drawn():
    """The issue's "a chart of ten items labels five of them; a chart of 27 phone models labels every second one",
    on a Google Forms export (layout: google_forms_csv's docstring): a multiple-choice grid of ten rows
    (``Question [Row]``, long rows) and a multiple-choice question of 27 options, read by the upload's reader and
    setup; in the SVG (vl-convert) of the view's top-two chart and of the question's chart every category has its
    label, and no two labels overlap."""
    from lmp_core.compute.view import ViewRequest, make_view
    from lmp_core.present.charts import to_svg, top2_chart

    n = 40
    topics = ["klasseledelse", "mobbing", "vurdering for læring", "lesing", "regning", "samarbeid med hjemmet",
              "overgangen fra barnehage", "digitale ferdigheter", "psykisk helse", "tilpasset opplæring"]
    grid = {f"I hvilken grad arbeider skolen godt med dette? [Skolen arbeider systematisk og godt med {t} i "
            f"hverdagen]": [GRAD[(i + j) % 5] for i in range(n)] for j, t in enumerate(topics)}
    phones = [f"Samsung Galaxy S{j} Ultra" for j in range(27)]
    survey = read_file(google_forms_csv(n, {**grid, "Hvilken telefon har du?": [phones[i % 27] for i in range(n)]}),
                       "Skjema (svar).csv")
    grid_items = [it for it in survey.items if it.column in grid]
    assert len(grid_items) == 10
    for group in (None, "Hvilken rolle har du?"):
        summary = make_view(survey, ViewRequest.of(group=group, min_group_size=1)).summary()
        labels = _axis_labels(to_svg(top2_chart(summary)).decode())
        # the ten grid rows, each by its row (the question is their theme), and "Hvor fornøyd er du med skolen?"
        assert len(labels) == 11
        whole = [f"Skolen arbeider systematisk og godt med {t} i hverdagen" for t in topics]
        # over 70 characters a label is its first 67 and "…" (the whole text is in the tooltip and the table)
        shown = [w if len(w) <= 70 else w[:67].rstrip() + "…" for w in whole]
        assert sorted(_whole_axis_labels(to_svg(top2_chart(summary)).decode())) == sorted(
            [*shown, "Hvor fornøyd er du med skolen?"])
        _assert_apart(labels)
    _assert_every_option_drawn(survey, "Hvilken telefon har du?", phones)


def nettskjema_comments_csv(n: int) -> bytes:
    """``n`` respondents in Nettskjema's API CSV layout (tests/data/exports/nettskjema/SOURCE.md, notes §1): ";"
    separated, every field quoted, the backend's ``$submission_id``, ``$created`` and ``$answer_time_ms`` (the
    completion time in ms, last), the questions by their codebook ids; ``freetext`` holds a comment in every row
    (each twice: a column of n different texts is read as an id)."""
    rows = ['"$submission_id";"$created";"rolle";"samarbeid";"freetext";"$answer_time_ms"']
    for i in range(n):
        rows.append(f'"{30000 + i}";"2023-06-01T{i % 24:02d}:{i % 60:02d}:15+02:00";"{["Lærer", "Leder"][i % 2]}";'
                    f'"{GRAD[i % 5]}";"Kommentar nummer {i // 2} om kurset";"{141000 + (i * 977) % 90000}"')
    return "\n".join(rows).encode()


def qualtrics_comments_csv(n: int) -> bytes:
    """``n`` respondents in Qualtrics' CSV layout (tests/data/exports/qualtrics/SOURCE.md, notes §7): field ids, the
    questions' texts, the ``{"ImportId":…}`` row, then one row per response with ``Duration (in seconds)`` (the
    issue's «141») and a free-text question ``Q10`` (each comment twice)."""
    ids = ["StartDate", "Duration (in seconds)", "Finished", "ResponseId", "Q1", "Q3", "Q10"]
    texts = ["Start Date", "Duration (in seconds)", "Finished", "Response ID", "What is your role?",
             "How much do you agree?", "Any other comments?"]
    imports = ["startDate", "duration", "finished", "_recordId", "QID1", "QID3", "QID10"]
    agree = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]
    body = [[f"2024-03-01 09:{i % 60:02d}:00", str(141 + (i * 7) % 900), "TRUE", f"R_{i:012x}",
             ["Teacher", "Leader"][i % 2], agree[i % 5], f"Comment number {i // 2} on the course"] for i in range(n)]
    out = io.StringIO()
    pd.DataFrame([ids, texts, [f'{{"ImportId":"{x}"}}' for x in imports], *body]).to_csv(out, index=False,
                                                                                        header=False)
    return out.getvalue().encode()


@pytest.mark.parametrize("name, make, group, comment, seconds", [
    ("data-123823-2025-08-19-2249.txt", nettskjema_comments_csv, "rolle", "Kommentar nummer {} om kurset",
     "$answer_time_ms"),
    ("qualtrics.csv", qualtrics_comments_csv, "Q1", "Comment number {} on the course", "Duration (in seconds)"),
])
def test_a_tool_exports_report_quotes_written_words_and_a_stated_sample(name, make, group, comment, seconds):
    """The issue's «141» quoted as a comment and 12,019 paragraphs from 3,000 rows, on a Nettskjema and a Qualtrics
    export (layouts: the generators' docstrings) of 3,000 respondents with a completion-time column and a comment
    in every row, through the upload's reader, setup and report: the completion time is the tool's metadata, never
    a comment column; the quotes are the comments, every 150th in file order (⌊i · 3000 / 20⌋, i = 0 … 19, the rule
    the report states), none of them a number; and the report has under 200 blocks."""
    from lmp_core.compute.view import ViewRequest
    from lmp_core.present.report import Paragraph, Quote, build_report

    n = 3000
    survey = read_file(make(n), name)
    assert seconds not in survey.text_columns and seconds in {c for cs in survey.metadata.values() for c in cs}
    assert len(survey.text_columns) == 1
    report = build_report(survey, ViewRequest.of(group=group, min_group_size=5))
    quotes = [b.text for s in report.sections for b in s.blocks if isinstance(b, Quote)]
    assert quotes == [comment.format(i * 150 // 2) for i in range(20)]
    assert not any(re.fullmatch(r"[\d\s.,:]+", q) for q in quotes)
    texts = [b.text for s in report.sections for b in s.blocks if isinstance(b, Paragraph)]
    assert any("viser 20 av 3000 kommentarer" in t for t in texts)
    assert any("jevnt fordelt i filens rekkefølge" in t and "⌊i · n / 20⌋" in t for t in texts)
    assert sum(len(s.blocks) for s in report.sections) < 200
