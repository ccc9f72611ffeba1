"""Comparing with a reference figure (lmp_core.read.reference, lmp_core.compute.reference) against an independent
computation on the raw rows: scipy.stats.ttest_1samp / ttest_ind and statsmodels' proportions_ztest,
proportion_confint, confint_proportions_2indep and multipletests, run on the fixture's answers read with pandas.

The statistikkbank file is made to the layout Udir documents for "Elevundersøkelsen – Læringsmiljø" (a mean on the
1–5 scale per indicator and question, optionally with the standard deviation and the number of answers, filtered by
school year, grade and gender; ``*`` for a suppressed figure and a lightning for a break in the series:
statistikkportalen.udir.no, "Om statistikken" and "Ofte stilte spørsmål"). The exact columns of its export are not
documented; the file has title lines above a header as exports do.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from scipy import stats as sps
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint, proportions_ztest

from lmp_core import count, read_file, summarize
from lmp_core.base.errors import SurveyError
from lmp_core.compute.indices import view_indices
from lmp_core.compute.reference import compare_with_reference
from lmp_core.compute.view import ViewRequest
from lmp_core.read.reference import read_reference, typed_reference
from tests.conftest import FIXTURES, ROOT

SURVEY = FIXTURES / "lmp_ch2_3.csv"
SCALE = ["I svært liten grad", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad"]

#: made to the statistikkbank's documented layout (module docstring): title lines, a header, `*` and ⚡ cells
BANK = """Elevundersøkelsen - Læringsmiljø;;;;;;;
Utvalg: Nasjonalt, skoleår 2025-26, 7. trinn;;;;;;;
;;;;;;;
Enhetsnavn;Skoleår;Trinn;Kjønn;Indikator og spørsmål;Snitt;Standardavvik;Antall
Nasjonalt;2025-26;7. trinn;Begge kjønn;kunnskap;3,80;0,90;61 234
Nasjonalt;2025-26;7. trinn;Begge kjønn;kunnskap_mobbing;4,05;0,85;60 123
Nasjonalt;2025-26;7. trinn;Begge kjønn;kunnskap_klasseledelse;*;*;*
Nasjonalt;2025-26;7. trinn;Begge kjønn;kunnskap_laeringsmiljo;3,90 ⚡;0,80;59 000
Nasjonalt;2025-26;7. trinn;Begge kjønn;praksis_mobbing;3,70;0,95;60 500
""".encode()


def raw() -> pd.DataFrame:
    """The fixture's answers scored 1..5 in scale order, read with pandas (not the tool's reader)."""
    frame = pd.read_csv(SURVEY)
    for column in frame.columns[3:11]:
        frame[column] = frame[column].map({label: i + 1 for i, label in enumerate(SCALE)})
    return frame


@pytest.fixture(scope="module")
def survey():
    return read_file(SURVEY.read_bytes(), SURVEY.name)


def by(result, target, group):
    (row,) = [c for c in result.comparisons if c.target == target and c.group == group]
    return row


# --- reading -----------------------------------------------------------------------------------------


def test_the_statistikkbank_layout_keeps_suppressed_and_broken_cells_as_such():
    refs = read_reference(BANK, "elevundersokelsen.csv")
    assert refs.layout == "statistikkbank"
    values = {v.target: v for v in refs.values}
    assert values["kunnskap_mobbing"].value == 4.05 and values["kunnskap_mobbing"].n == 60123
    assert values["kunnskap_mobbing"].sd == 0.85 and values["kunnskap_mobbing"].scale == (1.0, 5.0)
    suppressed = values["kunnskap_klasseledelse"]
    assert (suppressed.value, suppressed.status, suppressed.n, suppressed.symbol) == (None, "suppressed", None, "*")
    broken = values["kunnskap_laeringsmiljo"]
    assert (broken.value, broken.status, broken.symbol) == (3.9, "broken", "⚡")
    # the filter columns with one value make the label; none varies, so no row is for one group only
    assert values["kunnskap"].label == "Nasjonalt, 2025-26, 7. trinn, Begge kjønn"
    assert all(v.group is None for v in refs.values)


def test_a_simple_table_reads_from_csv_and_excel_alike():
    frame = pd.DataFrame({"Spørsmål": ["kunnskap_mobbing", "kunnskap_mobbing"], "Gruppe": ["", "Skoleleder"],
                          "Statistikk": ["snitt", "topp2"], "Verdi": ["4,1", "62,5"], "Skala": ["1-5", ""],
                          "n": ["1 200", "300"], "SD": ["0,8", ""], "Etikett": ["Nasjonalt 2025", "Fylket 2025"],
                          "Kilde": ["Udir", "Udir"]})
    from_csv = read_reference(frame.to_csv(sep=";", index=False).encode("utf-8"), "ref.csv")
    excel = io.BytesIO()
    frame.to_excel(excel, index=False)
    from_excel = read_reference(excel.getvalue(), "ref.xlsx")
    assert from_csv.values == from_excel.values
    first, second = from_csv.values
    assert (first.group, first.statistic, first.value, first.scale, first.n, first.sd) == (
        None, "mean", 4.1, (1.0, 5.0), 1200, 0.8)
    assert (second.group, second.statistic, second.value, second.label) == ("Skoleleder", "top2", 62.5, "Fylket 2025")


@pytest.mark.parametrize(("content", "match"), [
    ("spørsmål;verdi\nq1;fire\n", r"ref\.csv, column 'verdi', row 2: 'fire' is not a number"),
    ("spørsmål;verdi;skala\nq1;4;5 til 1\n", r"column 'skala', row 2: '5 til 1' is not a scale"),
    ("spørsmål;verdi;skala\nq1;7;1-5\n", r"column 'verdi', row 2: 7.0 cannot be right"),
    ("spørsmål;statistikk;verdi\nq1;topp2;120\n", r"row 2: 120.0 cannot be right"),
    ("spørsmål;verdi;n\nq1;4;2,5\n", r"column 'n', row 2: 2,5 cannot be right"),
    ("spørsmål;statistikk;verdi\nq1;median;4\n", r"'median' is not a statistic that can be compared"),
    ("spørsmål;verdi\nq1;4\nQ1;3\n", r"row 3: 'q1' already has a reference .* \(row 2\)"),
    ("navn;tall\nq1;4\n", r"ref\.csv is not a reference file"),
])
def test_bad_reference_input_names_the_file_column_row_and_value(content, match):
    with pytest.raises(SurveyError, match=match):
        read_reference(content.encode("utf-8"), "ref.csv")


def test_a_bad_cell_is_refused_in_bokmal_too():
    with pytest.raises(SurveyError) as err:
        read_reference("spørsmål;verdi\nq1;fire\n".encode(), "ref.csv")
    assert err.value.message("nb").startswith("ref.csv, kolonne «verdi», rad 2: «fire» er ikke et tall")


def test_the_statistikkbank_layout_reads_alike_from_excel_with_its_title_lines():
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for line in BANK.decode("utf-8").splitlines():
        sheet.append([cell or None for cell in line.split(";")])
    data = io.BytesIO()
    book.save(data)
    from_excel = read_reference(data.getvalue(), "bank.xlsx")
    from_csv = read_reference(BANK, "bank.xlsx")
    assert from_excel.layout == "statistikkbank"
    # the source names the file; everything else is the same cell by cell, * and ⚡ included
    assert [v.to_dict() for v in from_excel.values] == [v.to_dict() for v in from_csv.values]


def test_a_statistikkbank_filter_column_with_several_values_names_each_row_s_group():
    layout = ("Enhetsnavn;Trinn;Indikator og spørsmål;Snitt\n"
              "Nasjonalt;Skoleleder;kunnskap_mobbing;4,1\n"
              "Nasjonalt;Skoleeier;kunnskap_mobbing;4,3\n")
    refs = read_reference(layout.encode(), "trinn.csv")
    assert [(v.group, v.value, v.label) for v in refs.values] == [("Skoleleder", 4.1, "Nasjonalt"),
                                                                   ("Skoleeier", 4.3, "Nasjonalt")]


# --- computing against scipy and statsmodels on the raw rows -----------------------------------------


def test_means_against_a_fixed_figure_equal_ttest_1samp_and_holm_equals_statsmodels(survey):
    summary = summarize(count(survey, group="rolle"))
    result = compare_with_reference(summary, read_reference(BANK, "bank.csv"))
    frame = raw()
    p_values = []
    for column, ref in (("kunnskap_mobbing", 4.05), ("praksis_mobbing", 3.70)):
        for group in ("Skoleeier", "Skoleleder"):
            answers = frame.loc[frame["rolle"] == group, column].dropna()
            test = sps.ttest_1samp(answers, popmean=ref)
            lo, hi = test.confidence_interval(0.95)
            row = by(result, column, group)
            assert row.difference == pytest.approx(answers.mean() - ref, abs=1e-12)
            assert row.ci == pytest.approx((lo - ref, hi - ref), abs=1e-10)
            assert row.p == pytest.approx(test.pvalue, rel=1e-9)
            assert (row.against, row.compared_with) == ("reference", ref)
            p_values.append((row, test.pvalue))
    # Holm over every comparison with a p (these four only: the others are suppressed, broken or not the same)
    tested = [c for c in result.comparisons if c.p is not None]
    assert len(tested) == 4
    adjusted = multipletests([p for _, p in p_values], method="holm")[1]
    for (row, _), expected in zip(p_values, adjusted):
        assert row.p_holm == pytest.approx(expected, rel=1e-9)


def test_suppressed_and_broken_references_give_a_reason_not_a_number(survey):
    result = compare_with_reference(summarize(count(survey, group="rolle")), read_reference(BANK, "bank.csv"))
    suppressed = by(result, "kunnskap_klasseledelse", "Skoleleder")
    assert suppressed.difference is None and suppressed.reason == "ref_suppressed"
    assert "skjermet (*)" in suppressed.sentence("nb") and "suppressed (*)" in suppressed.sentence("en")
    broken = by(result, "kunnskap_laeringsmiljo", "Skoleeier")
    assert broken.difference is None and broken.reason == "ref_broken"
    assert "3,90 ⚡" in broken.sentence("nb")


def test_a_top2_share_against_a_fixed_figure_equals_the_score_test_and_wilson(survey):
    refs = typed_reference([{"target": "kunnskap_mobbing", "statistic": "topp2", "value": "55", "label": "Fylket"}])
    result = compare_with_reference(summarize(count(survey, group="rolle")), refs)
    frame = raw()
    for group in ("Skoleeier", "Skoleleder"):
        answers = frame.loc[frame["rolle"] == group, "kunnskap_mobbing"].dropna()
        k, n = int((answers >= 4).sum()), len(answers)
        _, p = proportions_ztest(k, n, value=0.55, prop_var=0.55)
        lo, hi = proportion_confint(k, n, method="wilson")
        row = by(result, "kunnskap_mobbing", group)
        assert row.own == pytest.approx(100 * k / n) and row.difference == pytest.approx(100 * (k / n - 0.55))
        assert row.ci == pytest.approx((100 * (lo - 0.55), 100 * (hi - 0.55)), abs=1e-9)
        assert row.p == pytest.approx(p, rel=1e-9)


def test_part_whole_mean_equals_welch_against_the_rest_of_a_population_built_row_by_row(survey):
    frame = raw()
    school = frame.loc[frame["rolle"] == "Skoleleder", "kunnskap_mobbing"].dropna().to_numpy()
    rest = np.random.default_rng(45).integers(1, 6, size=400)  # the other schools of the municipality
    whole = np.concatenate([school, rest])  # the municipality's figure includes this school
    refs = typed_reference([{"target": "kunnskap_mobbing", "group": "Skoleleder", "value": f"{whole.mean():.15g}",
                             "n": str(len(whole)), "sd": f"{whole.std(ddof=1):.15g}", "scale": "1-5"}])
    result = compare_with_reference(summarize(count(survey, group="rolle")), refs, includes_group=True)
    row = by(result, "kunnskap_mobbing", "Skoleleder")
    test = sps.ttest_ind(school, rest, equal_var=False)
    assert row.against == "rest" and row.compared_with == pytest.approx(rest.mean(), abs=1e-9)
    assert row.difference == pytest.approx(school.mean() - rest.mean(), abs=1e-9)
    assert row.ci == pytest.approx(tuple(test.confidence_interval(0.95)), abs=1e-8)
    assert row.p == pytest.approx(test.pvalue, rel=1e-7)
    assert "resten av referansen" in row.sentence("nb")


def test_part_whole_share_equals_newcombe_and_the_pooled_z_test(survey):
    frame = raw()
    answers = frame.loc[frame["rolle"] == "Skoleleder", "kunnskap_mobbing"].dropna()
    k, n = int((answers >= 4).sum()), len(answers)
    rest_k, rest_n = 130, 240
    whole_pct = 100 * (k + rest_k) / (n + rest_n)
    refs = typed_reference([{"target": "kunnskap_mobbing", "group": "Skoleleder", "statistic": "topp2",
                             "value": f"{whole_pct:.15g}", "n": str(n + rest_n)}])
    result = compare_with_reference(summarize(count(survey, group="rolle")), refs, includes_group=True)
    row = by(result, "kunnskap_mobbing", "Skoleleder")
    _, p = proportions_ztest([k, rest_k], [n, rest_n])
    lo, hi = confint_proportions_2indep(k, n, rest_k, rest_n, method="newcomb", compare="diff")
    assert row.compared_with == pytest.approx(100 * rest_k / rest_n)
    assert row.difference == pytest.approx(100 * (k / n - rest_k / rest_n))
    assert row.ci == pytest.approx((100 * lo, 100 * hi), abs=1e-7)
    assert row.p == pytest.approx(p, rel=1e-7)


def test_an_index_mean_equals_ttest_1samp_on_each_respondents_index(survey):
    request = ViewRequest.of(group="rolle")
    (index,) = view_indices(survey, request, ["kunnskap"])
    result = compare_with_reference(summarize(count(survey, group="rolle")), read_reference(BANK, "bank.csv"),
                                    indices=[index], items=survey.items)
    frame = raw()
    # the index: each respondent's mean over the theme's four questions (none is missing in the fixture)
    per_person = frame[[c for c in frame.columns if c.startswith("kunnskap_")]].mean(axis=1)
    for group in ("Skoleeier", "Skoleleder"):
        test = sps.ttest_1samp(per_person[frame["rolle"] == group], popmean=3.80)
        row = by(result, "kunnskap", group)
        assert row.kind == "index" and row.difference == pytest.approx(per_person[frame["rolle"] == group].mean() - 3.8)
        assert row.ci == pytest.approx(tuple(x - 3.8 for x in test.confidence_interval(0.95)), abs=1e-10)
        assert row.p == pytest.approx(test.pvalue, rel=1e-9)


def test_part_whole_without_n_or_with_figures_that_cannot_include_the_group_gives_a_reason(survey):
    summary = summarize(count(survey, group="rolle"))
    refs = typed_reference([{"target": "kunnskap_mobbing", "value": "4", "scale": "1-5"},
                            # 36 school leaders cannot be part of 30 answers
                            {"target": "praksis_mobbing", "value": "4", "scale": "1-5", "n": "30", "sd": "1"},
                            # nor can the leaders' 30 top-two answers be part of 10 % of 40 (4)
                            {"target": "kunnskap_klasseledelse", "statistic": "topp2", "value": "10", "n": "40"}])
    result = compare_with_reference(summary, refs, includes_group=True)
    leaders = {c.target: c.reason for c in result.comparisons if c.group == "Skoleleder"}
    assert leaders == {"kunnskap_mobbing": "ref_whole_needs_n", "praksis_mobbing": "ref_whole_inconsistent",
                       "kunnskap_klasseledelse": "ref_whole_inconsistent"}


def test_part_whole_without_the_reference_sd_is_a_one_sample_t_against_the_rest_with_a_note(survey):
    frame = raw()
    school = frame.loc[frame["rolle"] == "Skoleleder", "kunnskap_mobbing"].dropna()
    refs = typed_reference([{"target": "kunnskap_mobbing", "group": "Skoleleder", "value": "4", "n": "536",
                             "scale": "1-5"}])
    result = compare_with_reference(summarize(count(survey, group="rolle")), refs, includes_group=True)
    row = by(result, "kunnskap_mobbing", "Skoleleder")
    rest = (536 * 4 - school.sum()) / (536 - len(school))  # the rest's mean, from the totals
    test = sps.ttest_1samp(school, popmean=rest)
    assert row.compared_with == pytest.approx(rest) and row.p == pytest.approx(test.pvalue, rel=1e-9)
    assert "ingen SD" in result.note_texts("nb")[0]


# --- like with like, and the view's protection ------------------------------------------------------


def test_a_mean_on_another_scale_or_a_top2_share_of_another_top_k_gives_a_warning_not_a_number(survey):
    refs = typed_reference([{"target": "kunnskap_mobbing", "value": "3,1", "scale": "1-4"},
                            {"target": "praksis_mobbing", "value": "3,1"},
                            {"target": "kunnskap_klasseledelse", "statistic": "topp2", "value": "60"}])
    summary = summarize(count(survey, group="rolle"), top_k=3)
    result = compare_with_reference(summary, refs)
    reasons = {c.target: c.reason for c in result.comparisons if c.group == "Skoleleder"}
    assert reasons == {"kunnskap_mobbing": "ref_scale_mismatch", "praksis_mobbing": "ref_scale_unknown",
                       "kunnskap_klasseledelse": "ref_topk_mismatch"}
    assert all(c.difference is None and c.p is None for c in result.comparisons)
    assert "1–4" in by(result, "kunnskap_mobbing", "Skoleleder").sentence("nb")


def test_a_group_the_view_holds_back_gets_no_difference(survey):
    # Skoleeier has 10 respondents: with a minimum of 11 the view holds it back
    summary = summarize(count(survey, group="rolle"), min_group_size=11)
    assert next(g for g in summary.groups if g.name == "Skoleeier").suppressed
    refs = typed_reference([{"target": "kunnskap_mobbing", "value": "4", "scale": "1-5"},
                            {"target": "praksis_mobbing", "group": "Skoleeier", "value": "4", "scale": "1-5"}])
    result = compare_with_reference(summary, refs)
    assert {c.group for c in result.comparisons} == {"Skoleleder"}
    assert result.notes == ()  # a reference for a held-back group is passed over without a word


def test_a_reference_naming_nothing_in_the_view_is_noted():
    refs = typed_reference([{"target": "finnes_ikke", "value": "4", "scale": "1-5"}])
    survey = read_file(SURVEY.read_bytes(), SURVEY.name)
    result = compare_with_reference(summarize(count(survey, group="rolle")), refs)
    assert result.comparisons == () and "«finnes_ikke»" in result.note_texts("nb")[0]


# --- the command line --------------------------------------------------------------------------------

#: a reference typed as a simple table (the Data page's form writes the same roles)
TYPED = "spørsmål;gruppe;statistikk;verdi;skala;n;etikett\n" \
        "kunnskap_mobbing;;topp2;55;;;Fylket 2025\n" \
        "praksis_mobbing;Skoleleder;snitt;3,5;1-5;;Kommunen 2024\n"


def summarize_json(tmp_path, reference: bytes, name: str, *extra: str) -> dict:
    path = tmp_path / name
    path.write_bytes(reference)
    proc = subprocess.run([sys.executable, "-m", "lmp_core", "summarize", str(SURVEY), "--group", "rolle",
                           "--format", "json", "--reference-file", str(path), *extra],
                          capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(proc.stdout)["reference"]


def from_json(block: dict, target: str, group: str) -> dict:
    (row,) = [c for c in block["comparisons"] if c["target"] == target and c["group"] == group]
    return row


def test_the_command_line_gives_the_statistikkbank_differences_that_scipy_gives(tmp_path):
    block = summarize_json(tmp_path, BANK, "bank.csv")
    frame = raw()
    for group in ("Skoleeier", "Skoleleder"):
        answers = frame.loc[frame["rolle"] == group, "kunnskap_mobbing"].dropna()
        test = sps.ttest_1samp(answers, popmean=4.05)
        row = from_json(block, "kunnskap_mobbing", group)
        assert row["difference"] == pytest.approx(answers.mean() - 4.05, abs=1e-12)
        assert row["ci"] == pytest.approx([x - 4.05 for x in test.confidence_interval(0.95)], abs=1e-10)
        assert row["p"] == pytest.approx(test.pvalue, rel=1e-9)
        suppressed = from_json(block, "kunnskap_klasseledelse", group)
        assert suppressed["reference"] is None and suppressed["reference_status"] == "suppressed"
        assert suppressed["difference"] is None and "skjermet" in suppressed["reason"]
    # the theme named in the file is compared as an index, without --index
    assert from_json(block, "kunnskap", "Skoleleder")["kind"] == "index"
    assert block["correction"] == "Holm" and block["includes_group"] is False


def test_the_command_line_gives_a_typed_table_s_differences_that_statsmodels_and_scipy_give(tmp_path):
    block = summarize_json(tmp_path, TYPED.encode("utf-8"), "typed.csv")
    frame = raw()
    answers = frame.loc[frame["rolle"] == "Skoleeier", "kunnskap_mobbing"].dropna()
    k, n = int((answers >= 4).sum()), len(answers)
    _, p = proportions_ztest(k, n, value=0.55, prop_var=0.55)
    lo, hi = proportion_confint(k, n, method="wilson")
    share = from_json(block, "kunnskap_mobbing", "Skoleeier")
    assert share["ci"] == pytest.approx([100 * (lo - 0.55), 100 * (hi - 0.55)], abs=1e-9)
    assert share["p"] == pytest.approx(p, rel=1e-9) and share["reference_label"] == "Fylket 2025"
    leaders = frame.loc[frame["rolle"] == "Skoleleder", "praksis_mobbing"].dropna()
    mean = from_json(block, "praksis_mobbing", "Skoleleder")
    assert mean["ci"] == pytest.approx([x - 3.5 for x in sps.ttest_1samp(leaders, 3.5).confidence_interval()], abs=1e-10)
    # the group-specific row is for Skoleleder only
    assert [c["group"] for c in block["comparisons"] if c["target"] == "praksis_mobbing"] == ["Skoleleder"]


def test_the_command_line_s_includes_group_flag_compares_with_the_rest(tmp_path):
    typed = "spørsmål;gruppe;verdi;skala;n;sd\npraksis_mobbing;Skoleleder;3,9;1-5;500;0,9\n"
    block = summarize_json(tmp_path, typed.encode(), "kommune.csv", "--reference-includes-group")
    row = from_json(block, "praksis_mobbing", "Skoleleder")
    assert block["includes_group"] is True and row["against"] == "rest" and row["method"] == "Welch t against the rest"


def test_the_command_line_holds_back_a_small_group_s_difference(tmp_path):
    block = summarize_json(tmp_path, BANK, "bank.csv", "--min-group-size", "11")
    assert {c["group"] for c in block["comparisons"]} == {"Skoleleder"}


def test_a_bad_reference_file_is_one_line_naming_the_cell(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("spørsmål;verdi\nkunnskap_mobbing;høy\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "lmp_core", "summarize", str(SURVEY), "--reference-file", str(path)],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines() == ["error: bad.csv, kolonne «verdi», rad 2: «høy» er ikke et tall. Skriv "
                                                "tallet (4,21), «*» for et skjermet tall eller la cellen stå tom."]


# --- the report ----------------------------------------------------------------------------------------


def reference_chapter(report):
    (section,) = [s for s in report.sections if s.title.startswith(("Sammenlignet med", "Compared with"))]
    return section


def test_the_report_s_chapter_gives_the_statistikkbank_differences_scipy_gives(survey):
    from lmp_core.base.fmt import number
    from lmp_core.present.report import Figure, Table, build_report

    report = build_report(survey, ViewRequest.of(group="rolle"), references=read_reference(BANK, "bank.csv"))
    section = reference_chapter(report)
    assert section.title == "Sammenlignet med Nasjonalt, 2025-26, 7. trinn, Begge kjønn"
    (table,) = [b.frame for b in section.blocks if isinstance(b, Table)]
    assert any(isinstance(b, Figure) for b in section.blocks)
    frame = raw()
    for group in ("Skoleeier", "Skoleleder"):
        answers = frame.loc[frame["rolle"] == group, "kunnskap_mobbing"].dropna()
        lo, hi = sps.ttest_1samp(answers, popmean=4.05).confidence_interval(0.95)
        (row,) = table[(table["Spørsmål/indeks"] == "kunnskap_mobbing") & (table["Gruppe"] == group)].to_dict("records")
        assert row["Referanse"] == "4,05" and row["Forskjell"] == number(answers.mean() - 4.05, 2)
        assert row["95 % KI"] == f"{number(lo - 4.05, 2)} – {number(hi - 4.05, 2)}"
        (suppressed,) = table[(table["Spørsmål/indeks"] == "kunnskap_klasseledelse") & (table["Gruppe"] == group)] \
            .to_dict("records")
        assert suppressed["Referanse"] == "skjermet (*)" and suppressed["Forskjell"] == "–"


def test_the_downloaded_report_of_a_typed_reference_has_the_chapter_and_statsmodels_numbers(tmp_path):
    import docx

    from lmp_core.base.fmt import number

    path = tmp_path / "typed.csv"
    path.write_text(TYPED, encoding="utf-8")
    out = tmp_path / "r.docx"
    subprocess.run([sys.executable, "-m", "lmp_core", "report", str(SURVEY), "--group", "rolle", "--reference-file",
                    str(path), "--out", str(out)], capture_output=True, text=True, cwd=ROOT, check=True)
    document = docx.Document(str(out))
    body = "\n".join(p.text for p in document.paragraphs)
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "Sammenlignet med Fylket 2025; Kommunen 2024" in body
    answers = raw().loc[lambda f: f["rolle"] == "Skoleeier", "kunnskap_mobbing"].dropna()
    k, n = int((answers >= 4).sum()), len(answers)
    lo, hi = proportion_confint(k, n, method="wilson")
    assert number(100 * (k / n - 0.55), 1) in cells
    assert f"{number(100 * (lo - 0.55), 1)} – {number(100 * (hi - 0.55), 1)}" in cells


# --- the charts ---------------------------------------------------------------------------------------


def _layers(spec: dict) -> list[dict]:
    return spec.get("layer", [])


def test_the_top2_chart_has_the_reference_as_a_tick_at_its_figure(survey):
    from lmp_core.present.charts import top2_chart

    summary = summarize(count(survey, group="rolle"))
    refs = typed_reference([{"target": "kunnskap_mobbing", "statistic": "topp2", "value": "55", "label": "Fylket"}])
    spec = top2_chart(summary, reference=compare_with_reference(summary, refs)).to_dict()
    ticks = [layer for layer in _layers(spec) if layer.get("name") == "reference_mark"]
    assert len(ticks) == 1 and ticks[0]["mark"]["type"] == "tick"
    values = spec["datasets"][ticks[0]["data"]["name"]]
    # one tick per shown group, at 55 %, on the rows the bars use (the group as the legend names it)
    assert sorted((v["group"], v["reference"]) for v in values) == [("Skoleeier (n=10)", 55.0),
                                                                     ("Skoleleder (n=36)", 55.0)]
    assert "reference_mark" not in json.dumps(top2_chart(summary).to_dict())


def test_the_reference_chart_draws_each_group_s_mean_and_the_reference_mark(survey):
    from lmp_core.present.reference import reference_chart

    summary = summarize(count(survey, group="rolle"))
    result = compare_with_reference(summary, read_reference(BANK, "bank.csv"))
    spec = reference_chart(result, "mean").to_dict()
    (tick,) = [layer for layer in _layers(spec) if layer.get("name") == "reference_mark"]
    marks = spec["datasets"][tick["data"]["name"]]
    # a suppressed (*) or broken (⚡) reference draws the group's point but no tick: no figure to mark
    assert {(v["column"], v["reference"]) for v in marks} == {("kunnskap_mobbing", 4.05), ("praksis_mobbing", 3.7)}
    assert tick["encoding"]["x"]["scale"]["domain"] == [1.0, 5.0]


# --- the app (AppTest): the Data page's upload and typed figures, the results page, the report preview -----------


@pytest.fixture
def app():
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120).run()
    assert not at.exception
    at.switch_page("pages/data.py").run()
    return at


def _reference_table(at) -> pd.DataFrame:
    from tests.apptest import plain_frame

    (table,) = [plain_frame(t.value) for t in at.table if "Referanse" in plain_frame(t.value).columns
                and "Forskjell" in plain_frame(t.value).columns]
    return table


def _chart_rows(at) -> list[dict]:
    """The data of each mark of every chart on the page (SVG images: Vega names each mark's data in them)."""
    from tests.apptest import chart_marks, chart_svgs

    return [mark for svg in chart_svgs(at) for mark in chart_marks(svg)]


def test_the_app_compares_the_demo_with_an_uploaded_statistikkbank_file_as_scipy_does(app):
    from lmp_core.base.fmt import number
    from tests.apptest import plain

    app.file_uploader(key="reference_upload").upload("bank.csv", BANK, "text/csv").run()
    assert not app.exception and not app.error
    assert any("5 referansetall fra bank.csv: 1 skjermet, 1 med brudd" in plain(c.value) for c in app.caption)
    app.switch_page("pages/results.py").run()
    assert not app.exception
    table = _reference_table(app)
    frame = raw()
    for group in ("Skoleeier", "Skoleleder"):
        answers = frame.loc[frame["rolle"] == group, "kunnskap_mobbing"].dropna()
        lo, hi = sps.ttest_1samp(answers, popmean=4.05).confidence_interval(0.95)
        (row,) = table[table["Spørsmål/indeks"].str.endswith("stoppe mobbing") & (table["Gruppe"] == group)] \
            .to_dict("records")
        assert row["Forskjell"] == number(answers.mean() - 4.05, 2)
        assert row["95 % KI"] == f"{number(lo - 4.05, 2)} – {number(hi - 4.05, 2)}"
    suppressed = table[table["Spørsmål/indeks"].str.endswith("klasseledelse")]
    assert set(suppressed["Referanse"]) == {"skjermet (*)"} and set(suppressed["Forskjell"]) == {"–"}
    # the mean chart marks the reference: 4,05 on the mobbing question, none for the suppressed one
    marks = {(r["question"].rsplit("... ", 1)[-1], float(r["reference"])) for r in _chart_rows(app) if "reference" in r}
    assert ("å forebygge og stoppe mobbing", 4.05) in marks and ("klasseledelse", 4.05) not in marks


def test_the_app_compares_typed_figures_and_the_report_has_the_chapter(app):
    from lmp_core.base.fmt import number

    app.text_area(key="reference_typed").input("kunnskap_mobbing;;topp2;55;;;;Fylket 2025").run()
    app.button(key="reference_use_typed").click().run()
    assert not app.exception and not app.error
    app.switch_page("pages/results.py").run()
    frame = raw()
    answers = frame.loc[frame["rolle"] == "Skoleleder", "kunnskap_mobbing"].dropna()
    k, n = int((answers >= 4).sum()), len(answers)
    lo, hi = proportion_confint(k, n, method="wilson")
    table = _reference_table(app)
    (row,) = table[table["Gruppe"] == "Skoleleder"].to_dict("records")
    assert row["Forskjell"] == number(100 * (k / n - 0.55), 1)
    assert row["95 % KI"] == f"{number(100 * (lo - 0.55), 1)} – {number(100 * (hi - 0.55), 1)}"
    # the top-2 figure has the reference as a mark at 55 % for both groups
    ticks = [r for r in _chart_rows(app) if "reference" in r and float(r["reference"]) == 55.0]
    assert {r["group"] for r in ticks} >= {"Skoleleder (n=36)", "Skoleeier (n=10)"}
    app.switch_page("pages/report.py").run()
    assert not app.exception
    headers = [h.value for h in app.header]
    assert any("Sammenlignet med Fylket 2025" in h for h in headers)


def test_bad_typed_figures_are_an_error_in_bokmal_not_a_traceback(app):
    app.text_area(key="reference_typed").input("kunnskap_mobbing;;snitt;mye").run()
    app.button(key="reference_use_typed").click().run()
    assert not app.exception
    assert "«mye» er ikke et tall" in app.error[0].value
