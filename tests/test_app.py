"""The app through Streamlit's AppTest: every page, the upload flow, selections, bad files."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest import chart_marks, chart_svgs, plain, plain_frame
from tests.conftest import EXTERNAL, FIXTURES, ROOT

APP = str(ROOT / "streamlit_app.py")
PAGES = ["pages/data.py", "pages/results.py", "pages/comments.py", "pages/report.py", "pages/method.py"]


@pytest.fixture(autouse=True)
def _clear_caches():
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    yield


_plain = plain


def _app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    return at


def _table(at: AppTest):
    """The first table on the page: the static results table, else the first grid."""
    if at.table:
        return plain_frame(at.table[0].value).reset_index()
    return at.dataframe[0].value


def _chart_rows(at: AppTest, index: int = 0) -> list[dict]:
    """The data of each mark of the page's ``index``-th chart (an SVG image: Vega names each mark's data in it)."""
    return chart_marks(chart_svgs(at)[index])


def _chart_texts(at: AppTest, index: int = 0) -> list[str]:
    return [row.get("label") for row in _chart_rows(at, index)]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs(page):
    at = _app()
    at.switch_page(page).run()
    assert not at.exception
    assert not at.error


def test_demo_loaded_at_start_shows_tabell_2_1():
    at = _app()
    assert "46" in at.success[0].value
    at.switch_page("pages/results.py").run()
    table = _table(at)
    row = table[table["Spørsmål"].str.contains("forebygge og stoppe mobbing")].iloc[0]
    # report Tabell 2.1, first row: Skoleleder 4,44 (0,61), Skoleeier 4,50 (0,71), d 0,08
    assert row["Skoleleder Snitt"] == "4,44" and row["Skoleleder SA"] == "0,61"
    assert row["Skoleeier Snitt"] == "4,50" and row["Skoleeier SA"] == "0,71"
    assert row["Cohens d"] == "0,08" and row["Størrelse"] == "ingen/svak"
    # caveat panel: response rates 57 % and 42 % from the demo's invited numbers (63 and 24)
    warnings = " ".join(_plain(w.value) for w in at.warning)
    assert "57\xa0%" in warnings and "42\xa0%" in warnings


def test_upload_fixture_then_tables_and_chart():
    at = _app()
    at.file_uploader(key="upload").upload("lmp_ch2_3.csv", (FIXTURES / "lmp_ch2_3.csv").read_bytes(), "text/csv")
    at.run()
    assert not at.exception
    assert "lmp_ch2_3.csv" in _plain(at.success[0].value)
    at.switch_page("pages/results.py").run()
    at.multiselect(key="themes_widget").set_value(["kunnskap", "praksis"]).run()
    table = _table(at)
    assert len(table) == 8
    by_question = table.set_index("Spørsmål")
    # report Tabell 2.1 and 3.1 (means and SDs of both groups, |d|)
    assert by_question.loc["kunnskap_skoleutvikling", "Skoleleder Snitt"] == "3,74"
    assert by_question.loc["kunnskap_skoleutvikling", "Skoleleder n"] == "35"
    assert by_question.loc["praksis_mobbing", "Skoleleder SA"] == "0,89"
    assert by_question.loc["praksis_skoleutvikling", "Cohens d"] == "0,54"
    assert by_question.loc["praksis_skoleutvikling", "Størrelse"] == "moderat"
    # Figur 2.1 / 3.1 percentages written on the bars
    labels = _chart_texts(at)
    for pct in ("94,4\xa0%", "90,0\xa0%", "72,2\xa0%"):
        assert pct in labels
    # 35 of the 36 school leaders answered kunnskap_skoleutvikling: the bar says so
    assert "65,7\xa0% (n=35)" in labels


def test_change_questions_and_group():
    at = _app()
    at.switch_page("pages/results.py").run()
    at.multiselect(key="questions_widget").set_value(["kunnskap_mobbing"]).run()
    assert len(_table(at)) == 1
    at.selectbox(key="results_group").set_value(None).run()
    table = _table(at)
    assert "Alle Snitt" in table.columns and table["Alle n"].iloc[0] == "46"
    assert not at.exception


def _protect_pulje_too(at: AppTest) -> None:
    """The demo protects rolle only (the report's grouping); a user adds pulje on the Data page."""
    offered = next(m for m in at.multiselect if m.label == "Variabler som kan brukes til gruppering og filter")
    offered.set_value(["rolle", "pulje"]).run()
    assert not at.exception
    assert "holdes tilbake" in " ".join(c.value for c in at.caption)  # the 3 owners of pulje 1


def test_filter_by_pulje_changes_n():
    at = _app()
    at.switch_page("pages/results.py").run()
    assert "pulje" not in at.selectbox(key="results_filter_col").options  # not protected: not offered
    at.switch_page("pages/data.py").run()
    _protect_pulje_too(at)
    at.switch_page("pages/results.py").run()
    at.selectbox(key="results_filter_col").set_value("pulje").run()
    at.multiselect(key="results_filter_values").set_value(["1"]).run()
    table = _table(at)
    # hand count of the fixture: 12 school leaders in pulje 1; its 3 school owners are held back
    assert set(table["Skoleleder n"].astype(int)) == {12}
    assert not any(c.startswith("Skoleeier") for c in table.columns)


@pytest.mark.parametrize("name, data", [
    ("empty.csv", b""),
    ("junk.csv", b"\x00\x01\x02binary\x00"),
    ("renamed.xlsx", b"PK\x03\x04not really a zip"),
    ("nothing.csv", b"a,b\nx,y\nz,w\n"),
])
def test_bad_file_shows_an_error_not_an_exception(name, data):
    at = _app()
    at.file_uploader(key="upload").upload(name, data, "application/octet-stream")
    at.run()
    assert not at.exception
    assert at.error and name in _plain(at.error[0].value)


def test_english_uses_decimal_points():
    at = _app()
    at.radio(key="lang_widget").set_value("en").run()
    at.switch_page("pages/results.py").run()
    table = _table(at)
    assert "4.44" in table["Skoleleder Mean"].tolist()


def test_comments_are_plain_text_and_searchable():
    at = _app()
    at.switch_page("pages/comments.py").run()
    table = _table(at)
    assert len(table) > 0
    at.text_input(key="comment_search").input("sektorleiinga").run()
    table = _table(at)
    assert len(table) == 1 and "sektorleiinga" in table["Kommentar"].iloc[0]
    assert not at.markdown or all("sektorleiinga" not in m.value for m in at.markdown)


def test_report_page_previews_and_offers_every_format():
    at = _app()
    at.switch_page("pages/report.py").run()
    assert not at.exception
    headers = [h.value for h in at.header]
    assert any("Kunnskapstilførsel" in h for h in headers) and any("Praksisendring" in h for h in headers)
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Last ned DOCX", "Last ned HTML", "Last ned XLSX", "Last ned PPTX"]
    texts = " ".join(x.value for x in at.text)
    assert "94,4 prosent" in texts and "«Skulane har jobba systematisk" in texts


def test_the_report_reuses_the_results_pages_other_kinds(monkeypatch):
    """A user who has seen the results page and opens the report: the single-choice questions' tests (Fisher's by
    permutation, seconds on a large file) are not made again, and the report holds the same results."""
    import lmp_core.compute.kind_stats as kind_stats
    from tests.test_first_results import ms_forms_csv

    made: list[object] = []
    real = kind_stats.kind_results

    def counted(*args, **kwargs):
        made.append(result := real(*args, **kwargs))
        return result

    monkeypatch.setattr(kind_stats, "kind_results", counted)
    at = _app()
    made.clear()  # the demo's
    at.file_uploader(key="upload").upload("ms_forms.csv", ms_forms_csv(), "text/csv")
    at.run()
    at.switch_page("pages/results.py").run()
    assert not at.exception and len(made) == 1 and made[0]  # the file's other kinds, made for the results page
    at.switch_page("pages/report.py").run()
    assert not at.exception and len(made) == 1  # not made again for the report
    shown = " ".join(x.value for x in [*at.header, *at.subheader, *at.text, *at.caption])
    assert all(kind.question[:40] in shown for kind in made[0])  # each of them in the report


def test_report_page_quotes_can_be_unticked():
    at = _app()
    at.switch_page("pages/report.py").run()
    before = sum(x.value.startswith("«") for x in at.text)
    at.multiselect(key="report_themes").set_value(["Praksisendring"]).run()
    after = sum(x.value.startswith("«") for x in at.text)
    assert 0 < after < before
    assert not any("Kunnskapstilførsel" in h.value for h in at.header)


def test_small_group_hidden_everywhere_and_the_total_still_shown():
    at = _app()
    at.number_input(key="min_n_widget").set_value(11).run()
    at.switch_page("pages/results.py").run()
    table = _table(at)
    assert not any(c.startswith("Skoleeier") for c in table.columns)  # hidden: 10 school owners
    spec_rows = _chart_rows(at)
    assert not any("Skoleeier" in str(r.get("group")) for r in spec_rows)
    # the total no longer gives them away as "total minus school leaders": they are held back from it
    at.selectbox(key="results_group").set_value(None).run()
    assert not at.exception and not at.error
    # everyone = the 36 school leaders, item by item (the owners are held back)
    assert _table(at)["Alle n"].astype(int).tolist() == table["Skoleleder n"].astype(int).tolist()
    assert "holdt tilbake" in " ".join(_plain(w.value) for w in at.warning)
    at.switch_page("pages/report.py").run()  # and a report without a grouping
    assert not at.exception and not at.error
    at.switch_page("pages/comments.py").run()
    assert "Skoleeier" not in set(_table(at)["Gruppe"])
    # the fixture's 2 school-owner comments on kunnskap (hand count) are hidden, and the page says so
    assert "2 kommentarer er skjult" in " ".join(c.value for c in at.caption)


def test_a_filter_cannot_expose_the_owners_of_pulje_1():
    # fixture: 3 school owners in pulje 1 and 7 in pulje 2 (hand count); all owners minus those of pulje 2
    # were pulje 1's three. Protecting pulje holds the three back everywhere: both views show the same 7
    at = _app()
    _protect_pulje_too(at)
    at.switch_page("pages/results.py").run()
    unfiltered = _table(at)
    at.selectbox(key="results_filter_col").set_value("pulje").run()
    at.multiselect(key="results_filter_values").set_value(["2"]).run()
    assert not at.exception
    filtered = _table(at)
    assert set(unfiltered["Skoleeier n"].astype(int)) == {7} == set(filtered["Skoleeier n"].astype(int))
    assert (filtered["Skoleleder n"].astype(int) <= 24).all()  # 24 school leaders in pulje 2 (hand count)


def test_fixes_exclude_an_item_and_mark_dont_know():
    at = _app()
    at.multiselect(key="fix_exclude").set_value(["kunnskap_mobbing"]).run()
    at.multiselect(key="fix_dk").set_value(["I liten grad"]).run()
    at.button(key="apply_fixes").click().run()
    assert not at.exception
    assert "7 spørsmål" in _plain(at.success[0].value)
    at.switch_page("pages/results.py").run()
    at.multiselect(key="themes_widget").set_value(["Praksisendring"]).run()
    table = _table(at)
    # with "I liten grad" counted as "don't know", school leaders' n on praksis_mobbing is under 36
    assert int(table["Skoleleder n"].iloc[0]) < 36


def test_a_change_of_language_keeps_the_invited_number_and_recounts_nothing():
    from lmp_app.state import Keys

    def switch(language: str) -> None:
        # what the sidebar's language radio does (AppTest loses that radio after its first change; a browser
        # does not)
        at.session_state[Keys.LANG] = language
        at.run()

    at = _app()  # the Data page
    views = [k for k in at.session_state[Keys.CACHE] if k[0] == "view"]
    switch("en")
    # grouped by rolle, a change of language asks for the view already counted
    assert [k for k in at.session_state[Keys.CACHE] if k[0] == "view"] == views
    switch("nb")
    # without a group column the one group is "Alle" in bokmål, "All" in English: its invited number stays
    at.selectbox(key="data_group").select_index(0).run()
    box = next(n for n in at.number_input if str(n.key).startswith("population_"))
    box.set_value(87).run()
    assert any("46 av 87 svarte" in c.value for c in at.caption)
    switch("en")
    assert any("46 of 87 answered" in c.value for c in at.caption)


def test_the_data_page_shows_the_setup_with_its_reasons_and_asks_to_confirm():
    # EFC (../shared/data/external/efc): e42dep is ordered by its codes (no label is known), so the page asks
    at = _app()
    at.file_uploader(key="upload").upload("EFC.sav", (EXTERNAL / "efc" / "EFC.sav").read_bytes(),
                                          "application/octet-stream").run()
    assert not at.exception
    # one decision for its one worked-out scale, the question named under it
    asks = [w for w in at.warning if "Går den riktig vei" in plain(w.value)]
    assert len(asks) == 1 and plain(asks[0].value).startswith("1 spørsmål har skalaen")
    assert any(plain(x.value) == "Spørsmålene: e42dep" for x in at.text)
    # EFC's 26 columns: a static table, so that no reason is cut short (a grid would cut them)
    setup = plain_frame(at.table[0].value)
    assert setup.index.name == "Kolonne" and not at.dataframe
    assert "bekreft" in setup.loc["e42dep", "Grunnlag"]
    assert setup.loc["c82cop1", "Grunnlag"] == "verdietikettene i fila"
    assert setup.loc["c161sex", "Rolle"] == "bakgrunn (gruppe/filter)"
    # EFC's Barthel index (0-100) is a score: not among the group columns, and the setup says why
    assert "barthtot" not in at.multiselect(key=next(k for k in at.session_state if str(k).startswith("groupings_"))).options
    assert "en skår, ikke som gruppe" in setup.loc["barthtot", "Grunnlag"] and setup.loc["barthtot", "Type"] == "Tall"
    # scales are named by their ends in their own words, not by the reader's ids ("grad", "agree")
    options = at.selectbox(key="fix_scale").options
    assert "I svært liten grad … I svært stor grad" in options and "grad" not in options


def test_three_groups_show_long_tables_with_every_pair_and_aligned_numbers():
    # EFC grouped by education (three levels): the wide Tabell 2.1 would need 22 columns for three questions;
    # the page shows one row per question and group, and one per question and pair
    import pyreadstat

    at = _app()
    at.file_uploader(key="upload").upload("EFC.sav", (EXTERNAL / "efc" / "EFC.sav").read_bytes(),
                                          "application/octet-stream").run()
    key = next(k for k in at.session_state if str(k).startswith("groupings_"))
    at.multiselect(key=key).set_value(["c172code"]).run()
    at.selectbox(key="data_group").set_value("c172code").run()
    at.switch_page("pages/results.py").run()
    assert not at.exception
    # the table of every pair is drawn on demand
    assert not any("Cliffs delta" in plain_frame(tb.value).columns for tb in at.table)
    at.toggle(key="show_pairs").set_value(True).run()
    groups, pairs = (plain_frame(tb.value).reset_index(drop=True) for tb in at.table[:2])
    assert list(groups.columns) == ["Spørsmål", "Gruppe", "n", "Snitt", "SA", "Topp 2 %", "Over (sign.)"]
    assert list(pairs.columns) == ["Spørsmål", "Grupper", "Cohens d", "Størrelse", "Høyest", "Cliffs delta",
                                   "p (Holm)", "p (Kruskal–Wallis)"]
    assert any(c.value.startswith("Bokstavene under «Over (sign.)»") for c in at.caption)
    groups["Gruppe"] = groups["Gruppe"].str.replace(r" \([A-Z]\)$", "", regex=True)  # the group's letter
    first = groups["Spørsmål"].iloc[0]
    assert len(groups[groups["Spørsmål"] == first]) == 3 and len(pairs[pairs["Spørsmål"] == first]) == 3
    # n by hand from the file (pyreadstat): answers to the first question per education level
    frame, meta = pyreadstat.read_sav(str(EXTERNAL / "efc" / "EFC.sav"), apply_value_formats=True)
    column = next(c for c, label in meta.column_names_to_labels.items() if label and label.startswith(first[:20]))
    by_hand = frame.dropna(subset=[column]).groupby("c172code").size()
    shown = groups[groups["Spørsmål"] == first].set_index("Gruppe")["n"].astype(int)
    assert shown.to_dict() == {k: int(v) for k, v in by_hand.items() if k in shown.index}
    # numbers right-aligned in the page's table (the Styler's CSS reaches the browser with the table)
    styles = at.table[0].proto.arrow_data.styler.styles
    assert all(f"th.col{i} {{ text-align: right !important }}" in styles for i in (2, 3, 4, 5))  # n, Snitt, SA, Topp 2 %
    assert "th.col0 {" not in styles and "th.col1 {" not in styles  # question and group stay left
    # the chi-square option: its p-value column and its own footnote
    at.radio(key="omnibus").set_value("chi2").run()
    pairs = plain_frame(at.table[1].value)
    assert "p (kjikvadrat)" in pairs.columns and "p (Kruskal–Wallis)" not in pairs.columns
    assert any(c.value.startswith("Testen på tvers av gruppene er Pearsons kjikvadrattest") for c in at.caption)



def test_a_long_results_table_waits_for_its_switch_and_a_short_one_does_not():
    # the benchmark's shape (docs/utvikler/ytelse.md): 20 questions x 3 groups, 60 rows x 7 columns = 420 cells,
    # more than the 300 drawn at once (lmp_app.render.CELLS_AT_ONCE); its downloads are there without the switch
    import numpy as np
    import pandas as pd

    scale = ["I svært liten grad", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad"]
    rng = np.random.default_rng(47)
    frame = pd.DataFrame({"rolle": np.repeat(["Lærer", "Rektor", "Skoleeier"], [40, 30, 20])})
    for i in range(1, 21):
        frame[f"q{i}"] = rng.choice(scale, size=len(frame))
    frame.loc[rng.choice(len(frame), size=9, replace=False), "q1"] = ""  # 9 unanswered: n differs from the rows
    at = _app()
    at.file_uploader(key="upload").upload("lang.csv", frame.to_csv(index=False).encode(), "text/csv").run()
    at.selectbox(key="data_group").set_value("rolle").run()
    at.switch_page("pages/results.py").run()
    assert not at.exception
    def tabell_2_1() -> list:  # the theme's index follows with its own two tables
        return [plain_frame(tb.value) for tb in at.table if "Over (sign.)" in plain_frame(tb.value).columns]

    assert not tabell_2_1() and at.toggle(key="show_table").label == "Vis tabellen (60 rader)"
    assert {"table_csv", "table_xlsx"} <= {b.proto.id.rsplit("-", 1)[-1] for b in at.get("download_button")}
    at.toggle(key="show_table").set_value(True).run()
    (shown,) = (frame.reset_index(drop=True) for frame in tabell_2_1())
    assert shown.shape == (60, 7)
    # n of the first question per group, by hand from the frame (pandas)
    first = shown[shown["Spørsmål"] == shown["Spørsmål"].iloc[0]]
    by_hand = frame.loc[frame["q1"] != "", "rolle"].value_counts()
    assert {g.rsplit(" (", 1)[0]: int(n) for g, n in zip(first["Gruppe"], first["n"])} == by_hand.to_dict()
    # a short table (the first five questions: 15 rows, 105 cells) is drawn at once, with no switch
    at.multiselect(key="questions_widget").set_value([f"q{i}" for i in range(1, 6)]).run()
    assert [len(frame) for frame in tabell_2_1()] == [15] and [tg.key for tg in at.toggle] == ["show_pairs"]

@pytest.mark.parametrize("relative, group", [("efc/EFC.sav", "c172code"), ("efc/EFC.sav", "e42dep"),
                                             ("circus_spss_many_labels/spss_many_labels.sav", "c12"),
                                             ("ess_norway_bst290/ess_labels.csv", "mainact")])
def test_real_files_with_more_than_two_groups_run_every_page(relative, group):
    # three to five groups, some of them too small to compare (circus' c12 once left no pair to compare and
    # the page raised an exception)
    import gzip

    source = EXTERNAL / relative
    data = gzip.decompress(source.read_bytes()) if source.suffix == ".gz" else source.read_bytes()
    at = _app()
    at.file_uploader(key="upload").upload(source.name, data, "application/octet-stream").run()
    key = next(k for k in at.session_state if str(k).startswith("groupings_"))
    at.multiselect(key=key).set_value([group]).run()
    at.selectbox(key="data_group").set_value(group).run()
    for page in ("results", "comments", "report", "fieldwork", "method"):
        at.switch_page(f"pages/{page}.py").run()
        assert not at.exception, (page, at.exception[0].stack_trace[-3:])


def test_a_numbered_group_read_as_a_score_can_be_made_a_group_on_the_data_page():
    # school numbers 1-16 look like a score (more than 11 numbers); the user says it is a group
    rows = "\n".join(f"{k},{'I stor grad' if k % 2 else 'I liten grad'}" for k in list(range(1, 17)) * 3)
    at = _app()
    at.file_uploader(key="upload").upload("skoler.csv", f"skole,q1\n{rows}\n".encode(), "text/csv").run()
    key = next(k for k in at.session_state if str(k).startswith("groupings_"))
    assert "skole" not in at.multiselect(key=key).options
    assert "skole" in at.multiselect(key="fix_exclude").options
    at.multiselect(key="fix_exclude").set_value(["skole"]).run()
    at.button(key="apply_fixes").click().run()
    assert not at.exception
    key = next(k for k in at.session_state if str(k).startswith("groupings_"))
    assert "skole" in at.multiselect(key=key).options


def test_a_background_column_can_be_made_a_single_choice_question_on_the_data_page():
    # "kilde" has no "?" in its header, so the reader keeps it as background; the user says it is a question
    rows = "\n".join(f"{['Nett', 'Kollega', 'Avis'][k % 3]},{'I stor grad' if k % 2 else 'I liten grad'}"
                     for k in range(30))
    at = _app()
    at.file_uploader(key="upload").upload("kilde.csv", f"kilde,q1\n{rows}\n".encode(), "text/csv").run()
    from lmp_app.state import Keys

    assert not at.session_state[Keys.DATA].source.others
    at.multiselect(key="fix_choice").set_value(["kilde"]).run()
    at.button(key="apply_fixes").click().run()
    assert not at.exception
    (other,) = at.session_state[Keys.DATA].source.others
    assert other.column == "kilde" and other.kind == "choice" and set(other.scale.labels) == {"Nett", "Kollega", "Avis"}
    at.switch_page("pages/results.py").run()
    assert any(h.value.startswith("kilde") for h in at.subheader)


@pytest.mark.parametrize("page", ["pages/data.py", "pages/results.py", "pages/report.py", "pages/waves.py",
                                  "pages/comments.py"])
def test_every_select_box_has_a_norwegian_placeholder(page):
    # Streamlit's own "Choose options" / "Choose an option" would stay English in the Norwegian interface (#28);
    # every multiselect and select box gives its own placeholder, and no English "Select all"
    at = _app()
    at.switch_page(page).run()
    assert not at.exception
    widgets = [*at.multiselect, *at.selectbox]
    assert widgets
    assert {w.placeholder for w in at.multiselect} <= {"Velg …"}
    assert {w.placeholder for w in at.selectbox} <= {"Velg ett …"}
    assert not any(w.proto.select_all for w in at.multiselect)
