"""The report: the .docx has the report's chapters, figures, Tabell 2.1/3.1's numbers and text that
quotes the report's percentages; every number a sentence quotes is recomputed here; exports
neutralise formula-like cells; every format renders."""

from __future__ import annotations

import csv
import io
import itertools
import re

import openpyxl
import pandas as pd
import pytest
from docx import Document

from lmp_core import count, read_codebook, read_file, summarize
from lmp_core.base.fmt import number
from lmp_core.present.report import build_report, render
from tests.conftest import FIXTURES, ROOT

DEMO = ROOT / "lmp_app" / "demo"
POPULATIONS = {"Skoleleder": 63, "Skoleeier": 24}  # report section 1.1
PUBLISHED = list(csv.DictReader(io.StringIO((FIXTURES / "lmp_ch2_3_published.csv").read_text("utf-8"))))


@pytest.fixture(scope="module")
def survey():
    codebook = read_codebook((DEMO / "lmp_ch2_3_codebook.csv").read_bytes())
    return read_file((FIXTURES / "lmp_ch2_3.csv").read_bytes(), "lmp_ch2_3.csv", codebook=codebook)


@pytest.fixture(scope="module")
def report(survey):
    return build_report(survey, group="rolle", populations=POPULATIONS)


@pytest.fixture(scope="module")
def docx(report):
    return Document(io.BytesIO(render(report, "rapport.docx")))


def test_docx_chapters_figures_and_tables(docx):
    headings = [p.text for p in docx.paragraphs if p.style.name.startswith("Heading")]
    assert "2. Kunnskapstilførsel" in headings and "3. Praksisendring" in headings
    assert headings[0] == "1. Om datagrunnlaget"
    captions = [p.text for p in docx.paragraphs if p.style.name == "Caption"]
    assert any(c.startswith("Figur 2.1") and "n=36" in c and "n=10" in c for c in captions)
    assert any(c.startswith("Tabell 3.1") for c in captions)
    assert len(docx.inline_shapes) == 4  # Figur 2.1 and 3.1, and each theme's index distribution (2.2, 3.2)
    assert any(c.startswith("Figur 2.2 Fordelingen av indeksen «Kunnskapstilførsel»") for c in captions)


def test_docx_tables_equal_tabell_2_1_and_3_1(docx, survey):
    # tables: 1.1 (legend), 2.1, 2.2 (the index per group), 3.1, 3.2; compare every n, mean, SD and |d| of 2.1
    # and 3.1 with the published numbers
    labels = {it.column: it.label for it in survey.items}
    questions = [t for t in docx.tables if t.rows[0].cells[0].text == "Spørsmål"]
    assert len(questions) == 2
    for table_number, table in (("2.1", questions[0]), ("3.1", questions[1])):
        header = [c.text for c in table.rows[0].cells]
        rows = {values["Spørsmål"]: values for values in
                (dict(zip(header, (c.text for c in row.cells))) for row in table.rows[1:])}
        published = [r for r in PUBLISHED if r["table"] == table_number]
        assert len(rows) == 4 and len(published) == 8
        for row in published:
            values = rows[labels[row["column"]]]
            assert values[f"{row['group']} Snitt"] == number(float(row["published_mean"]), 2)
            assert values[f"{row['group']} SA"] == number(float(row["published_sd"]), 2)
            assert values[f"{row['group']} n"] == row["n_used"]
            assert values["Cohens d"] == number(float(row["published_d"]), 2)


def test_docx_text_quotes_the_reports_percentages(docx):
    body = " ".join(p.text for p in docx.paragraphs)
    # report ch. 2-3: "94,4 prosent av skoleledere", "90 prosent av skoleeierne", "65,7 prosent", "72,2 prosent"
    for quoted in ("94,4 prosent", "90 prosent", "65,7 prosent", "72,2 prosent"):
        assert quoted in body
    # the data section: 36 of 63 (57 %), 10 of 24 (42 %), and the non-response caveat
    assert "36 av 63" in body and "57 prosent" in body and "10 av 24" in body and "42 prosent" in body
    assert "de mest positive eller de mest negative" in body
    # one sentence per finding, as the seed note writes it, not the same sentence for every item: the items
    # gathered under their size words (d from Tabell 2.1), then which group is higher on all of them
    assert ("Mellom Skoleeier og Skoleleder er forskjellen liten for «hvordan utvikle et positivt læringsmiljø» "
            "(d = 0,46), «skoleutvikling» (d = 0,40) og «klasseledelse» (d = 0,20), og ingen/svak for «å forebygge "
            "og stoppe mobbing» (d = 0,08). Skoleeier har høyest snitt på alle fire.") in body
    assert body.count("Mellom Skoleeier og Skoleleder") == 2 and "For «" not in body


def _nb(value: float, decimals: int) -> str:
    """A number as the report prints it in bokmål: a decimal comma, the minus sign U+2212."""
    return f"{value:.{decimals}f}".replace(".", ",").replace("-", "\u2212")


def _pct(value: float) -> str:
    """A share as the report's sentences quote it: one decimal, none when it rounds to a whole number."""
    return _nb(value, 0 if round(value, 1) == int(round(value, 1)) else 1)


def _allowed_numbers() -> set[str]:
    """Every number the text may quote, counted by pandas in the raw file (lmp_ch2_3.csv; its questions' themes
    from the demo codebook; answers scored 1-5 in scale order), formatted as printed."""
    import numpy as np
    import pingouin
    from scipy.stats import f as f_dist
    from statsmodels.multivariate.factor import Factor

    frame = pd.read_csv(FIXTURES / "lmp_ch2_3.csv", dtype=str, keep_default_na=False)
    themes = pd.read_csv(DEMO / "lmp_ch2_3_codebook.csv").groupby("theme", sort=False)["column"].apply(list)
    scale = ["I svært liten grad", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad"]
    answers = frame[[c for columns in themes for c in columns]].apply(lambda c: c.map(
        {label: i + 1 for i, label in enumerate(scale)}))
    role = frame["rolle"]
    allowed: set[str] = set()
    for column in answers.columns:
        by_role = answers[column].groupby(role)
        allowed |= {_pct(100 * (x.dropna() >= 4).mean()) for _, x in by_role}  # top 2: the two highest answers
        (m1, m2), (s1, s2) = by_role.mean().to_numpy(), by_role.std().to_numpy()  # pandas: n - 1 in the SD
        allowed.add(_nb(abs(m1 - m2) / np.sqrt((s1**2 + s2**2) / 2), 2))  # the report's d: the SDs' mean square
    for name, respondents in role.value_counts().items():
        population = POPULATIONS[name]
        allowed |= {str(respondents), str(population), _nb(round(100 * respondents / population), 0),
                    _pct(100 / respondents)}  # one respondent's share
    allowed |= {"2.1", "3.1", "2", "3", "1"}  # figure numbers
    # each chapter's index: alpha by its formula on the pairwise covariances (psych's raw alpha), its interval
    # as pingouin computes it (called here directly), and the respondents who answered any of the theme's questions
    for columns in themes:
        data = answers[columns]
        cov, k = data.cov().to_numpy(), data.shape[1]
        alpha, rounded = pingouin.cronbach_alpha(data=data, nan_policy="pairwise")
        # pingouin rounds its interval to three decimals (0,645 would print as 0,64 or 0,65 by the rounding
        # rule): its own formula, unrounded, with scipy's F quantiles
        n = len(data)
        ci = [1 - (1 - alpha) * f_dist.isf(q, n - 1, (n - 1) * (k - 1)) for q in (0.025, 0.975)]
        assert ci == pytest.approx(list(rounded), abs=0.0005 + 1e-12)
        allowed |= {_nb(k / (k - 1) * (1 - np.trace(cov) / cov.sum()), 2), _nb(ci[0], 2), _nb(ci[1], 2),
                    str(int(data.notna().any(axis=1).sum())), "95"}
        # omega of a one-factor model: statsmodels' maximum likelihood here, the module's principal axes
        lam = np.abs(Factor(data.dropna().to_numpy(), n_factor=1, method="ml").fit().loadings[:, 0])
        allowed.add(_nb(lam.sum() ** 2 / (lam.sum() ** 2 + (1 - lam**2).sum()), 2))
        # the index's d between the groups: each respondent's mean over the theme (at least half answered), then
        # the report's d on the two groups' means and SDs
        index = data.mean(axis=1).where(data.notna().sum(axis=1) >= data.shape[1] / 2)
        (m1, m2), (s1, s2) = index.groupby(role).mean().to_numpy(), index.groupby(role).std().to_numpy()
        allowed.add(_nb(abs(m1 - m2) / np.sqrt((s1**2 + s2**2) / 2), 2))
    return allowed


def test_every_number_in_the_text_is_recomputed(report, survey):
    allowed = _allowed_numbers()
    quoted = [n for p in report.paragraphs() for n in re.findall(r"\d+(?:[.,]\d+)?", p)]
    assert quoted, "the text quotes no numbers"
    assert set(quoted) <= allowed, set(quoted) - allowed


@pytest.mark.parametrize("fmt", [".docx", ".html", ".xlsx", ".pptx"])
def test_every_format_renders(report, fmt):
    data = render(report, f"rapport{fmt}")
    assert len(data) > 1000
    if fmt == ".html":
        page = data.decode("utf-8")
        assert "data:image/png;base64," in page and "Kunnskapstilførsel" in page
    if fmt == ".pptx":
        from pptx import Presentation

        deck = Presentation(io.BytesIO(data))
        assert len(deck.slides) == 5  # title + Figur 2.1, 2.2 (the index's distribution), 3.1, 3.2
        texts = " ".join(sh.text_frame.text for s in deck.slides for sh in s.shapes if sh.has_text_frame)
        assert "57 prosent" in texts and "Figur 2.1" in texts


def test_a_reports_charts_are_drawn_once_for_all_its_formats_and_let_go_with_it(survey, monkeypatch):
    """Word, HTML and PowerPoint of one report (a page's three download buttons) draw each chart once; the images
    go when the report does, so no later report can be handed them."""
    import gc
    import importlib

    rendering = importlib.import_module("lmp_core.present.report.render")  # the package's `render` is the function

    drawn: list[int] = []
    real = rendering.to_png
    monkeypatch.setattr(rendering, "to_png", lambda chart, scale=2.0: drawn.append(id(chart)) or real(chart, scale))
    report = build_report(survey, group="rolle", populations=POPULATIONS)
    charts = [id(figure.chart) for _, figure in report.figures()]
    assert len(charts) == 4  # Figur 2.1, 2.2, 3.1, 3.2
    pictures = {}
    for fmt in (".docx", ".html", ".pptx"):
        pictures[fmt] = render(report, f"rapport{fmt}")
    assert sorted(drawn) == sorted(charts)  # once each, not once per format
    from pptx import Presentation

    deck_images = {s.image.blob for slide in Presentation(io.BytesIO(pictures[".pptx"])).slides
                   for s in slide.shapes if s.shape_type == 13}  # 13: a picture
    word_images = {r.target_part.blob for r in Document(io.BytesIO(pictures[".docx"])).part.rels.values()
                   if "image" in r.reltype}
    assert deck_images == word_images and len(word_images) == 4  # the same four pictures in both
    del report, pictures
    gc.collect()
    assert not set(charts) & set(rendering._IMAGES)


def test_formula_like_comments_are_neutralised_and_html_escaped(tmp_path):
    frame = pd.read_csv(FIXTURES / "lmp_ch2_3.csv", dtype=str, keep_default_na=False)
    frame.loc[2, "kommentar_kunnskap"] = '=HYPERLINK("http://x","klikk")'
    frame.loc[3, "kommentar_kunnskap"] = "<script>alert(1)</script> @SUM(A1) og mer tekst her"
    survey = read_file(frame.to_csv(index=False).encode(), "x.csv")
    report = build_report(survey, group="rolle")
    book = openpyxl.load_workbook(io.BytesIO(render(report, "r.xlsx")))
    values = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "'=HYPERLINK(\"http://x\",\"klikk\")" in values
    assert not any(v.startswith(("=", "+", "-", "@")) for v in values)
    page = render(report, "r.html").decode()
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_hidden_group_disappears_everywhere(survey):
    # the small-cell rule with the minimum raised above 10: the school owners are gone
    report = build_report(survey, group="rolle", populations=POPULATIONS, min_group_size=11)
    doc = Document(io.BytesIO(render(report, "r.docx")))
    body = " ".join(p.text for p in doc.paragraphs)
    table_text = " ".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "Skoleleder" in body
    assert "Skoleeier" not in table_text
    assert "Skoleeier (n=" not in body and "10 av 24" not in body
    assert "færre enn 11" in body  # the visible note
    book = openpyxl.load_workbook(io.BytesIO(render(report, "r.xlsx")))
    cells = " ".join(str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row)
    assert "Skoleeier" not in cells


def test_report_command_line(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "rapport.docx"
    proc = subprocess.run([sys.executable, "-m", "lmp_core", "report", str(FIXTURES / "lmp_ch2_3.csv"), "--group",
                           "rolle", "--population", "Skoleleder=63", "--population", "Skoleeier=24", "--out", str(out),
                           "--author", "Kari Nordmann", "--date", "2016-10-03"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    document = Document(str(out))
    assert "Skoleleder" in " ".join(p.text for p in document.paragraphs)
    assert document.core_properties.author == "Kari Nordmann" and "Kari Nordmann · 3. oktober 2016" in document.paragraphs[2].text
    bad_date = subprocess.run([sys.executable, "-m", "lmp_core", "report", str(FIXTURES / "lmp_ch2_3.csv"), "--out",
                               str(tmp_path / "r.docx"), "--date", "03.10.2016"], capture_output=True, text=True, cwd=ROOT)
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr and "Traceback" not in bad_date.stderr
    bad = subprocess.run([sys.executable, "-m", "lmp_core", "report", str(FIXTURES / "lmp_ch2_3.csv"), "--out",
                          str(tmp_path / "r.pdf")], capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2 and bad.stderr.startswith("error:") and "r.pdf" in bad.stderr


def test_codebook_theme_places_a_comment_column_whatever_its_name():
    # the fixture's kunnskap comments under a name that says nothing: the codebook puts them back in
    # chapter Kunnskapstilførsel; without it they go to "Andre kommentarer"
    frame = pd.read_csv(FIXTURES / "lmp_ch2_3.csv", dtype=str, keep_default_na=False)
    data = frame.rename(columns={"kommentar_kunnskap": "fritekst_a"}).to_csv(index=False).encode()
    cb_text = (FIXTURES / "lmp_ch2_3_codebook.csv").read_text("utf-8")
    with_row = read_codebook((cb_text.rstrip("\n") + "\nfritekst_a,Kommentar,Kunnskapstilførsel,,,both\n").encode(),
                             "cb.csv")
    wanted = next(c for c in frame["kommentar_kunnskap"] if c and frame.loc[frame["kommentar_kunnskap"] == c,
                                                                             "rolle"].iloc[0] == "Skoleleder")

    def chapter_of(codebook) -> str:
        report = build_report(read_file(data, "x.csv", codebook=codebook), group="rolle")
        return next(s.title for s in report.sections for b in s.blocks if getattr(b, "text", None) == wanted)

    assert read_file(data, "x.csv", codebook=with_row).text_theme("fritekst_a") == "Kunnskapstilførsel"
    assert chapter_of(with_row) == "Kunnskapstilførsel"
    assert chapter_of(read_codebook(cb_text.encode(), "cb.csv")) == "Andre kommentarer"


def test_title_author_date_and_language_reach_every_format(survey):
    # what the report page's fields pass: written on the title page and into each file's properties
    report = build_report(survey, group="rolle", populations=POPULATIONS, title="Læringsmiljøprosjektet",
                          subtitle="Pulje 1 og 2", author="Kari Nordmann", date="2016-10-03")
    doc = Document(io.BytesIO(render(report, "r.docx")))
    props = doc.core_properties
    assert (props.title, props.subject, props.author, props.language) == (
        "Læringsmiljøprosjektet", "Pulje 1 og 2", "Kari Nordmann", "nb-NO")
    assert props.created.date().isoformat() == "2016-10-03"
    assert [p.text for p in doc.paragraphs[:3]] == ["Læringsmiljøprosjektet", "Pulje 1 og 2",
                                                   "Kari Nordmann · 3. oktober 2016"]
    # the text's own language (proofing, screen readers), not python-docx's en-US
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    assert doc.styles.element.find(f"{ns}docDefaults").find(f".//{ns}lang").get(f"{ns}val") == "nb-NO"
    deck = __import__("pptx").Presentation(io.BytesIO(render(report, "r.pptx")))
    assert (deck.core_properties.title, deck.core_properties.author) == ("Læringsmiljøprosjektet", "Kari Nordmann")
    assert "Kari Nordmann · 3. oktober 2016" in deck.slides[0].placeholders[1].text_frame.text
    book = openpyxl.load_workbook(io.BytesIO(render(report, "r.xlsx")))
    assert (book.properties.title, book.properties.creator) == ("Læringsmiljøprosjektet", "Kari Nordmann")
    page = render(report, "r.html").decode()
    assert '<html lang="nb-NO">' in page and '<meta name="author" content="Kari Nordmann">' in page
    # without an author nobody is named, least of all the library
    plain = Document(io.BytesIO(render(build_report(survey, group="rolle"), "r.docx")))
    assert plain.core_properties.author == "" and plain.core_properties.title == "Resultater fra spørreundersøkelsen"


def test_pictures_have_alternative_text_and_tables_header_rows(report, docx):
    # every figure's description is its caption and the report's own sentences that read it
    figures = [b for _, b in report.figures()]
    descriptions = [s._inline.docPr.get("descr") for s in docx.inline_shapes]
    assert descriptions == [f.alt for f in figures]
    assert all(f.caption in d and f.reading and f.reading in d for f, d in zip(figures, descriptions))
    # every Word table's first row is marked as a header row (repeated across pages)
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for table in docx.tables:
        assert table.rows[0]._tr.find(f"{ns}trPr/{ns}tblHeader") is not None
    from pptx import Presentation

    deck = Presentation(io.BytesIO(render(report, "r.pptx")))
    pictures = [sh for s in deck.slides for sh in s.shapes if sh.shape_type == 13]
    assert [p._element.nvPicPr.cNvPr.get("descr") for p in pictures] == [f.alt for f in figures]
    page = render(report, "r.html").decode()
    assert all(f'alt="{__import__("html").escape(f.alt)}"' in page for f in figures)
    assert '<th scope="col">' in page


def test_a_paragraph_names_each_group_that_is_higher_when_they_differ(survey):
    # the first chapter's comparisons with one mean difference turned round and one made equal: the sentence
    # about who is higher names each group with its items (the d values are Tabell 2.1's)
    from dataclasses import replace

    from lmp_core.present.report.sentences import comparison_sentences

    items = list(summarize(count(survey, group="rolle")).items[:4])
    flipped = [replace(items[1], comparisons=(replace(items[1].comparisons[0], mean_diff=-items[1].comparisons[0].mean_diff),)),
               replace(items[3], comparisons=(replace(items[3].comparisons[0], mean_diff=0.0),))]
    sentences = comparison_sentences([items[0], flipped[0], items[2], flipped[1]], "nb")
    assert sentences[1] == ("Skoleeier har høyest snitt på «å forebygge og stoppe mobbing» og «hvordan utvikle et "
                            "positivt læringsmiljø»; Skoleleder har høyest snitt på «klasseledelse»; likt snitt på "
                            "«skoleutvikling».")
    english = comparison_sentences(items[:1], "en")
    assert english == ["For “å forebygge og stoppe mobbing” the difference between Skoleeier and Skoleleder is "
                       "none/weak (d = 0.08); Skoleeier has the higher mean."]


def test_large_numbers_in_the_text_are_thousands_separated():
    # Elevundersøkelsen-sized groups: "12 034 av 22 597" (no-break space, Språkrådet), 53 % by hand
    from lmp_core.compute.stats import GroupInfo
    from lmp_core.present.report.sentences import data_paragraphs

    groups = [GroupInfo("Elever", 12034, 22597, 100 * 12034 / 22597)]
    assert data_paragraphs(groups, "nb")[0] == "Undersøkelsen ble besvart av 12\xa0034 av 22\xa0597 i gruppen Elever (53 prosent)."
    assert data_paragraphs(groups, "en")[0] == "The survey was answered by 12,034 of 22,597 in the group Elever (53 per cent)."


def test_a_suppressed_cell_shows_statistics_norways_symbol_and_its_legend_everywhere():
    # group A: 10 respondents, only 3 answered q2 (under the minimum of 5): A's q2 figures are ":" with the
    # legend line under the table, in the app's table, the Word report and the HTML report
    from lmp_core.present.tables import stats_table

    rows = [("A", "I stor grad", "I stor grad" if i < 3 else "")  for i in range(10)] + \
        [("B", "I liten grad", "I noen grad") for _ in range(8)]
    data = "rolle,q1,q2\n" + "\n".join(",".join(r) for r in rows) + "\n"
    survey = read_file(data.encode(), "x.csv")
    table = stats_table(summarize(count(survey, group="rolle")), lang="nb").set_index("Spørsmål")
    assert table.loc["q2", ["A n", "A Snitt", "A SA", "A Topp 2 %"]].tolist() == [":"] * 4
    assert table.loc["q1", "A n"] == "10"  # a hand count
    report = build_report(survey, group="rolle")
    legend = ": = tall kan ikke offentliggjøres (færre enn 5 svar)"
    body = " ".join(p.text for p in Document(io.BytesIO(render(report, "r.docx"))).paragraphs)
    assert legend in body
    assert legend in render(report, "r.html").decode()
    book = openpyxl.load_workbook(io.BytesIO(render(report, "r.xlsx")))
    cells = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert ":" in cells and legend in cells
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    at.file_uploader(key="upload").upload("x.csv", data.encode(), "text/csv").run()
    at.switch_page("pages/results.py").run()
    assert any(c.value == legend for c in at.caption)


def test_word_headings_come_in_order_without_skipping_a_level(docx):
    # WCAG 1.3.1 (info and relationships): Title, then Heading 1 for chapters, Heading 2 below them
    levels = [0 if p.style.name == "Title" else int(p.style.name.split()[-1])
              for p in docx.paragraphs if p.style.name == "Title" or p.style.name.startswith("Heading")]
    assert levels[0] == 0 and all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels


def test_themes_that_collide_as_excel_sheet_names_still_make_a_report():
    # issue #26: themes equal once cut to Excel's 31 characters, or equal but for case (Excel compares sheet
    # names case-insensitively), raised KeyError in the Excel writer: a valid survey whose report could not be made
    long = "Kunnskap om mobbing og klasseledelse i skolen"
    themes = ["Tema", "tema", long + " A", long + " B"]
    rows = list(csv.DictReader(io.StringIO((FIXTURES / "lmp_ch2_3_codebook.csv").read_text("utf-8"))))
    for i, row in enumerate(rows):
        row["theme"] = themes[i % 4]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    survey = read_file((FIXTURES / "lmp_ch2_3.csv").read_bytes(), "lmp_ch2_3.csv",
                       codebook=read_codebook(out.getvalue().encode()))
    report = build_report(survey, group="rolle")
    book = openpyxl.load_workbook(io.BytesIO(render(report, "r.xlsx")))
    names = book.sheetnames
    assert len({n.casefold() for n in names}) == len(names) == len(report.sheets)
    assert all(len(n) <= 31 for n in names)
    assert {"Tema", "tema_2", long[:31], long[:29] + "_2"} <= set(names)
    for fmt in ("docx", "html", "pptx"):
        assert render(report, f"r.{fmt}")
