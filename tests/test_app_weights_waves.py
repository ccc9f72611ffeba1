"""Weights and waves through the app (AppTest).

Weights: a weight column chosen on the Data page, raking to the invitation list on the Fieldwork page; the results
page and the report show weighted beside unweighted. The expected numbers are numpy's weighted averages of the
uploaded file (tests/test_weights.py checks the rest against statsmodels). Waves: the Over tid page with a later
wave uploaded or with a protected wave column; expected changes counted by hand (six answers one step up)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from streamlit.testing.v1 import AppTest

from lmp_core.base.fmt import number
from tests.apptest import plain, plain_frame
from tests.conftest import FIXTURES, ROOT

APP = str(ROOT / "streamlit_app.py")
LIST = ROOT / "lmp_app" / "demo" / "invitasjonsliste_eksempel.csv"
SCALE = ["I svært liten grad", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad"]


def _weighted_file() -> pd.DataFrame:
    frame = pd.read_csv(FIXTURES / "lmp_ch2_3.csv", dtype=str, keep_default_na=False)
    rng = np.random.default_rng(11)
    frame["dweight"] = np.round(rng.uniform(0.3, 3.0, len(frame)), 2).astype(str)
    frame["weight"] = rng.integers(55, 110, len(frame)).astype(str)  # body weight in kg: never a weight unasked
    return frame


def raked_reference() -> tuple[float, float, float]:
    """The school leaders' top-2 share of "to prevent and stop bullying" (kunnskap_mobbing) unweighted and raked
    to the demo invitation list on rolle and pulje, and the list's R-indicator, derived from the raw files here.

    Answered: the invited ids found in the response file (R01-R46; N01-N41 did not answer). Raking: iterative
    proportional fitting of the respondents' rolle x pulje table to the invited margins (Deming and Stephan 1940),
    each respondent weighted by fitted / observed in their cell. R-indicator (Schouten, Cobben and Bethlehem 2009,
    "Indicators for the representativeness of survey response", Survey Methodology 35(1), 101-113):
    R = 1 - 2 S(rho), rho the response propensities of a logistic regression of answering on rolle and pulje (main
    effects, fitted here by Newton-Raphson) and S their standard deviation over the invited (divisor N - 1)."""
    frame = pd.read_csv(FIXTURES / "lmp_ch2_3.csv", dtype=str, keep_default_na=False)
    invited = pd.read_csv(LIST, sep=";", dtype=str, encoding="utf-8-sig")
    answered = invited["enhet_id"].isin(frame["respondent_id"]).to_numpy()
    table = pd.crosstab(invited.loc[answered, "rolle"], invited.loc[answered, "pulje"]).astype(float)
    fitted, by_role, by_pulje = table.copy(), invited["rolle"].value_counts(), invited["pulje"].value_counts()
    for _ in range(200):
        fitted = fitted.mul(by_role / fitted.sum(axis=1), axis=0)
        fitted = fitted.mul(by_pulje / fitted.sum(axis=0), axis=1)
    assert (fitted.sum(axis=1) - by_role).abs().max() < 1e-9 and (fitted.sum(axis=0) - by_pulje).abs().max() < 1e-9
    cell = (fitted / table).stack()
    weight = np.array([cell[(role, pulje)] for role, pulje in zip(frame["rolle"], frame["pulje"])])
    x = frame["kunnskap_mobbing"].map({label: i + 1 for i, label in enumerate(SCALE)})
    keep = ((frame["rolle"] == "Skoleleder") & x.notna()).to_numpy()
    top2 = (x[keep] >= 4).to_numpy()
    design = np.column_stack([np.ones(len(invited)), invited["rolle"] == "Skoleleder", invited["pulje"] == "2"])
    design, y, beta = design.astype(float), answered.astype(float), np.zeros(3)
    for _ in range(50):
        rho = 1 / (1 + np.exp(-design @ beta))
        beta += np.linalg.solve(design.T @ (design * (rho * (1 - rho))[:, None]), design.T @ (y - rho))
    rho = 1 / (1 + np.exp(-design @ beta))
    return 100 * top2.mean(), 100 * np.average(top2, weights=weight[keep]), 1 - 2 * rho.std(ddof=1)


def _weighted_rows(at: AppTest) -> pd.DataFrame:
    heading = next(i for i, h in enumerate(at.subheader) if h.value == "Uvektet og vektet")
    assert heading >= 0
    for table in at.table:
        frame = plain_frame(table.value).reset_index()
        if "Snitt vektet" in frame.columns:
            return frame
    raise AssertionError("no weighted table on the page")


def test_a_weight_column_is_chosen_never_guessed_and_shown_beside_the_unweighted():
    frame = _weighted_file()
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.file_uploader(key="upload").upload("vektet.csv", frame.to_csv(index=False).encode(), "text/csv").run()
    key = next(k for k in at.session_state if str(k).startswith("weight_column_"))
    box = at.selectbox(key=key)
    assert box.value is None and {"dweight", "weight"} <= set(box.options)  # offered, not chosen
    at.switch_page("pages/results.py").run()
    assert "Uvektet og vektet" not in [h.value for h in at.subheader]
    at.switch_page("pages/data.py").run()
    at.selectbox(key=key).set_value("dweight").run()
    assert not at.exception
    assert any("Vektet med vektkolonnen i fila (dweight)" in x.value for x in at.text)
    at.switch_page("pages/results.py").run()
    at.multiselect(key="themes_widget").set_value(["kunnskap"]).run()
    rows = _weighted_rows(at).set_index(["Spørsmål", "Gruppe"])
    x = frame["kunnskap_mobbing"].map({label: i + 1 for i, label in enumerate(SCALE)})
    w = frame["dweight"].astype(float)
    for role in ("Skoleleder", "Skoleeier"):
        keep = (frame["rolle"] == role) & x.notna()
        row = rows.loc[("kunnskap_mobbing", role)]
        assert row["Snitt vektet"] == number(np.average(x[keep], weights=w[keep]), 2, "nb")
        assert row["Topp 2 % vektet"] == number(100 * np.average(x[keep] >= 4, weights=w[keep]), 1, "nb")
        assert row["Effektiv n"] == number(w[keep].sum() ** 2 / (w[keep] ** 2).sum(), 1, "nb")
        assert row["n"] == str(int(keep.sum()))
    # the theme's index per group gains its weighted mean beside the unweighted
    index = next(plain_frame(t.value) for t in at.table if "Snitt vektet" in plain_frame(t.value).columns
                 and "Effektiv n" in plain_frame(t.value).columns and "Gruppe" not in plain_frame(t.value).columns)
    assert set(index.index) == {"Skoleleder", "Skoleeier"}


def test_raking_to_the_invitation_list_reaches_results_and_report():
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("pages/fieldwork.py").run()
    at.file_uploader(key="invited_upload").upload(LIST.name, LIST.read_bytes(), "text/csv").run()
    assert not at.exception
    at.multiselect(key="fw_weight_by").set_value(["rolle", "pulje"]).run()
    texts = " ".join(x.value for x in at.text)
    unweighted, weighted, r = raked_reference()
    assert (number(unweighted, 1, "nb"), number(weighted, 1, "nb"), number(r, 2, "nb")) == ("94,4", "94,3", "0,86")
    assert "Vektet med raking mot invitasjonslista (rolle, pulje)" in texts and f"R-indikatoren er {r:.2f}".replace(
        ".", ",") in texts
    balance = next(plain_frame(t.value) for t in at.table if "Svarte vektet %" in plain_frame(t.value).columns)
    assert len(balance) == 4  # rolle: 2 categories, pulje: 2
    at.button(key="fw_weight_apply").click().run()
    assert "Vektene brukes nå i resultater og rapport." in [s.value for s in at.success]
    at.switch_page("pages/results.py").run()
    rows = _weighted_rows(at).set_index(["Spørsmål", "Gruppe"])
    # raking on rolle and pulje moves the school leaders' share of "to prevent and stop bullying" from 94,4 % to
    # 94,3 % (pulje 1: 12 of 21 schools answered, pulje 2: 24 of 42), derived in raked_reference
    row = rows.loc[("å forebygge og stoppe mobbing", "Skoleleder")]  # kunnskap_mobbing: the first theme is shown
    assert (row["Topp 2 %"], row["Topp 2 % vektet"]) == (f"{unweighted:.1f}".replace(".", ","),
                                                       f"{weighted:.1f}".replace(".", ","))
    at.switch_page("pages/report.py").run()
    assert not at.exception
    assert any("Vektet med raking mot invitasjonslista" in x.value for x in at.text)


def test_the_over_time_page_flags_the_turned_question_and_the_report_has_the_trend():
    from tests.test_waves import _sav, _wave2_frames

    frame, _ = _wave2_frames()
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("pages/waves.py").run()
    assert not at.exception and at.info  # one wave: asks for another
    at.file_uploader(key="waves_upload").upload("runde2.sav", _sav(frame), "application/octet-stream").run()
    assert not at.exception
    warnings = " ".join(plain(w.value) for w in at.warning)
    assert "praksis_mobbing: svaralternativene står i motsatt rekkefølge i runde2" in warnings
    changes = next(plain_frame(t.value) for t in at.table if "Endring snitt" in plain_frame(t.value).columns)
    assert "å forebygge og stoppe mobbing (Praksisendring)" not in set(changes["Spørsmål"])
    leaders = changes[(changes["Spørsmål"] == "klasseledelse (Kunnskapstilførsel)") & (changes["Gruppe"] == "Skoleleder")]
    assert leaders["Endring snitt"].tolist() == ["0,17"]  # six of 36 answers one step higher: 6/36
    at.checkbox(key="waves_confirm_praksis_mobbing").check().run()
    changes = next(plain_frame(t.value) for t in at.table if "Endring snitt" in plain_frame(t.value).columns)
    assert "å forebygge og stoppe mobbing (Praksisendring)" in set(changes["Spørsmål"])
    at.switch_page("pages/report.py").run()
    assert not at.exception
    assert any("Utvikling over tid" in h.value for h in at.header)


def test_one_file_with_a_protected_wave_column_gives_the_trend_on_the_over_time_page():
    from tests.test_waves import CHANGED, _wave2_frames

    first = pd.read_csv(FIXTURES / "lmp_ch2_3_coded.csv", dtype=str, keep_default_na=False)
    second, _ = _wave2_frames()
    second["praksis_mobbing"] = first["praksis_mobbing"]
    both = pd.concat([first.assign(runde="2016"), second.assign(runde="2018")], ignore_index=True)
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.file_uploader(key="codebook_upload").upload("kodebok.csv", (FIXTURES / "lmp_ch2_3_codebook.csv").read_bytes(),
                                                   "text/csv").run()
    at.file_uploader(key="upload").upload("begge.csv", both.to_csv(index=False).encode(), "text/csv").run()
    key = next(k for k in at.session_state if str(k).startswith("groupings_"))
    at.switch_page("pages/waves.py").run()
    wave_key = next(k for k in at.session_state if str(k).startswith("waves_column_"))
    assert "runde" not in at.selectbox(key=wave_key).options  # not protected yet: not offered
    at.switch_page("pages/data.py").run()
    at.multiselect(key=key).set_value(["rolle", "runde"]).run()
    at.switch_page("pages/waves.py").run()
    at.selectbox(key=wave_key).set_value("runde").run()
    assert not at.exception
    at.selectbox(key="waves_group").set_value("rolle").run()
    changes = next(plain_frame(t.value) for t in at.table if "Endring snitt" in plain_frame(t.value).columns)
    leaders = changes[changes["Spørsmål"].str.endswith("(Kunnskapstilførsel)")
                      & changes["Spørsmål"].str.startswith("klasseledelse") & (changes["Gruppe"] == "Skoleleder")]
    assert leaders["Endring snitt"].tolist() == ["0,17"] and CHANGED == "kunnskap_klasseledelse"
    assert set(changes["Fra"]) == {"2016"} and set(changes["Til"]) == {"2018"}


def test_another_weight_column_gives_its_own_weighted_figures():
    # the results page's analysis is cached per request and weights (lmp_app.state.analysis_for): choosing another
    # weight column recomputes the weighted figures; expected: numpy's weighted mean of the uploaded file
    frame = _weighted_file()
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.file_uploader(key="upload").upload("vektet.csv", frame.to_csv(index=False).encode(), "text/csv").run()
    key = next(k for k in at.session_state if str(k).startswith("weight_column_"))
    x = frame["kunnskap_mobbing"].map({label: i + 1 for i, label in enumerate(SCALE)})
    keep = (frame["rolle"] == "Skoleleder") & x.notna()
    for column in ("dweight", "weight", "dweight"):
        at.switch_page("pages/data.py").run()
        at.selectbox(key=key).set_value(column).run()
        at.switch_page("pages/results.py").run()
        at.multiselect(key="themes_widget").set_value(["kunnskap"]).run()
        assert not at.exception
        row = _weighted_rows(at).set_index(["Spørsmål", "Gruppe"]).loc[("kunnskap_mobbing", "Skoleleder")]
        w = frame[column].astype(float)
        assert row["Snitt vektet"] == number(np.average(x[keep], weights=w[keep]), 2, "nb")
