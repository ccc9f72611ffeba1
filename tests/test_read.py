"""Readers: every format and layout gives the same counts as the plain fixture CSV."""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd
import pyreadstat
import pytest

from lmp_core.base.errors import SurveyError
from lmp_core.counting.counts import Counts, count
from lmp_core.load import read_codebook, read_file
from lmp_core.setup.survey import Survey
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def reference(fixture_csv) -> Counts:
    return count(read_file(fixture_csv, "lmp_ch2_3.csv"), group="rolle")


@pytest.fixture(scope="module")
def frame(fixture_csv) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(fixture_csv), dtype=str, keep_default_na=False)


def _same_counts(survey: Survey | Counts, reference: Counts) -> None:
    counts = survey if isinstance(survey, Counts) else count(survey, group="rolle")
    assert [i.column for i in counts.items] == [i.column for i in reference.items]
    assert counts.groups == reference.groups
    substantive = reference.items[0].scale.k + 1
    np.testing.assert_array_equal(counts.table[:, :, :substantive], reference.table[:, :, :substantive])


def test_semicolon_windows_1252(frame, reference):
    data = frame.to_csv(sep=";", index=False).encode("cp1252")
    survey = read_file(data, "export.csv")
    _same_counts(survey, reference)
    assert ("decoded_as", {"file": "export.csv", "encoding": "Windows-1252"}) in survey.notes


def test_tab_with_bom(frame, reference):
    data = frame.to_csv(sep="\t", index=False).encode("utf-8-sig")
    _same_counts(read_file(data, "export.tsv"), reference)


def test_qualtrics_three_header_rows(frame, reference):
    questions = ",".join(f"Question text {c}" for c in frame.columns)
    import_ids = ",".join(f'"{{""ImportId"":""QID{i}""}}"' for i, _ in enumerate(frame.columns))
    body = frame.to_csv(index=False).split("\n", 1)
    data = (body[0] + "\n" + questions + "\n" + import_ids + "\n" + body[1]).encode()
    survey = read_file(data, "qualtrics.csv")
    _same_counts(survey, reference)
    assert survey.item("kunnskap_mobbing").question == "Question text kunnskap_mobbing"
    assert survey.notes[0][0] == "header_rows_skipped"


def test_surveymonkey_two_header_rows(frame, reference):
    second = ",".join("Response" for _ in frame.columns)
    body = frame.to_csv(index=False).split("\n", 1)
    data = (body[0] + "\n" + second + "\n" + body[1]).encode()
    _same_counts(read_file(data, "monkey.csv"), reference)


def test_excel_sheet_choice_title_rows_and_blank_rows(frame, reference):
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        pd.DataFrame({"note": ["not this sheet"]}).to_excel(writer, sheet_name="Info", index=False)
        top = frame.iloc[:20]
        blank = pd.DataFrame([[None] * len(frame.columns)], columns=frame.columns)
        pd.concat([top, blank, frame.iloc[20:]]).to_excel(writer, sheet_name="Svar", index=False, startrow=2)
        writer.sheets["Svar"]["A1"] = "LMP survey 2016"
        writer.sheets["Svar"].merge_cells("A1:E1")
    data = buffer.getvalue()
    survey = read_file(data, "svar.xlsx", sheet="Svar")
    _same_counts(survey, reference)
    assert any(key == "blank_rows_dropped" for key, _ in survey.notes)
    with pytest.raises(SurveyError, match="Info, Svar"):
        read_file(data, "svar.xlsx", sheet="Ark9")


def test_spss_value_labels_and_user_missing(coded_csv, reference, tmp_path):
    coded = pd.read_csv(io.BytesIO(coded_csv))
    coded["rolle"] = coded["rolle"].map({"Skoleleder": 1, "Skoleeier": 2})
    coded = coded.drop(columns=["kommentar_kunnskap", "kommentar_praksis", "respondent_id"])
    items = [c for c in coded.columns if c.startswith(("kunnskap", "praksis"))]
    coded.loc[0, items[0]] = 9  # a declared user-missing "Vet ikke"
    labels = {c: {1: "I svært liten grad", 2: "I liten grad", 3: "I noen grad", 4: "I stor grad",
                  5: "I svært stor grad", 9: "Vet ikke"} for c in items}
    labels["rolle"] = {1: "Skoleleder", 2: "Skoleeier"}
    path = tmp_path / "lmp.sav"  # test data made here, not a user's file
    pyreadstat.write_sav(coded, str(path), column_labels={items[0]: "Kunnskap om mobbing"},
                         variable_value_labels=labels, missing_ranges={c: [9] for c in items})
    survey = read_file(path.read_bytes(), "lmp.sav")
    assert survey.item(items[0]).question == "Kunnskap om mobbing"
    counts = count(survey, group="rolle")
    first = counts.groups.index("Skoleeier")
    assert counts.table[0, first, 6] == 1  # the 9 counts as "Vet ikke", not as an answer
    assert counts.table[0, first, 1:6].sum() == reference.table[0, reference.groups.index("Skoleeier"), 1:6].sum() - 1


def test_frequency_table_round_trip(reference):
    data = reference.to_frame().to_csv(index=False).encode()
    counts = read_file(data, "frequencies.csv")
    assert isinstance(counts, Counts)
    _same_counts(counts, reference)
    assert counts.respondents == reference.respondents


def test_labels_outside_the_scale_are_reported(frame):
    broken = frame.copy()
    broken.loc[3, "praksis_mobbing"] = "Kanskje"
    survey = read_file(broken.to_csv(index=False).encode(), "x.csv")
    # a word outside the scale: single choice, every answer counted, until the user decides (issue #42)
    (note,) = [p for k, p in survey.notes if k == "scale_pending"]
    assert note["column"] == "praksis_mobbing" and note["count"] == 1 and "Kanskje" in note["labels"]
    assert survey.item_index("praksis_mobbing") is None
    assert any(it.column == "praksis_mobbing" and it.kind == "choice" for it in survey.others)
    # the scale kept by the user's choice: the answer is left out and reported
    from lmp_core.setup.codebook import with_order

    kept = read_file(broken.to_csv(index=False).encode(), "x.csv", codebook=with_order(None, "praksis_mobbing", None))
    (note,) = [p for k, p in kept.notes if k == "labels_outside_scale"]
    assert note["column"] == "praksis_mobbing" and note["count"] == 1 and "Kanskje" in note["labels"]
    assert kept.item("praksis_mobbing").scale.name == "grad"


def test_codebook_spelled_out_labels(coded_csv):
    codebook = b"column,question_text,theme,scale,labels\n" \
               b"kunnskap_mobbing,Mobbing?,Kunnskap,,1=I sv\xc3\xa6rt liten grad;2=I liten grad;3=I noen grad;" \
               b"4=I stor grad;5=I sv\xc3\xa6rt stor grad;9=Vet ikke\n"
    survey = read_file(coded_csv, "coded.csv", codebook=read_codebook(codebook))
    assert [i.column for i in survey.items] == ["kunnskap_mobbing"]
    assert survey.items[0].question == "Mobbing?"


def test_codebook_unknown_scale_is_named():
    with pytest.raises(SurveyError, match="'fancy'"):
        read_codebook(b"column,question_text,theme,scale\nq1,Q,T,fancy\n")


def test_codebook_cells_as_written_quotes_short_rows_and_blank_lines():
    # semicolons (a Norwegian Excel's CSV), a quoted text holding the separator, a row without its last cells
    # and a blank line: every cell is text as written, a missing cell is empty
    entries = read_codebook(b"Column;Question_text;Theme;Scale\r\n"
                            b"q1;\"Hvor godt; alt i alt?\";Kunnskap;grad\r\n\r\nq2;Andre\r\n")
    assert entries["q1"].question == "Hvor godt; alt i alt?" and entries["q1"].theme == "Kunnskap"
    assert entries["q1"].value_labels[5] == "I svært stor grad"
    assert entries["q2"].question == "Andre" and entries["q2"].theme == "" and entries["q2"].value_labels is None


def test_codebook_row_with_too_many_cells_is_named():
    # an unquoted comma in a question text moves every later cell: the row is named, never read shifted
    with pytest.raises(SurveyError) as err:
        read_codebook(b"column,question_text,theme\nq1,Hvor godt,Kunnskap\nq2,Hvor godt, alt i alt,Praksis\n",
                      "kodebok.csv")
    assert err.value.key == "ragged_rows" and err.value.params["row"] == 3
    assert "kodebok.csv" in err.value.message("nb")


def test_numeric_codes_without_codebook_are_explained(coded_csv):
    with pytest.raises(SurveyError, match="codebook"):
        read_file(coded_csv, "coded.csv")


def test_input_bytes_are_not_changed(fixture_csv):
    import hashlib

    before = hashlib.sha256(fixture_csv).hexdigest()
    buffer = bytearray(fixture_csv)
    read_file(buffer, "x.csv")
    assert hashlib.sha256(bytes(buffer)).hexdigest() == before


@pytest.mark.parametrize("encode", [
    pytest.param(lambda text: text.replace(",", "\t").encode("utf-16"), id="excel-unicode-text-utf16"),
    pytest.param(lambda text: text.encode("utf-32"), id="utf32-bom"),
    pytest.param(lambda text: text.replace("\n", "\r").encode("utf-8"), id="cr-only-old-mac"),
])
def test_wide_encodings_and_old_mac_line_ends_read_like_utf8(encode):
    # Excel's "Unicode text" is UTF-16 LE with a BOM and tabs; classic Mac OS ended lines with CR alone
    text = (FIXTURES / "lmp_ch2_3.csv").read_text("utf-8")
    reference = count(read_file(text.encode("utf-8"), "x.csv"), group="rolle")
    survey = read_file(encode(text), "eksport.txt")
    counts = count(survey, group="rolle")
    assert survey.n_rows == 46 and counts.groups == reference.groups
    assert (counts.table == reference.table).all()


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_cell_longer_than_excel_allows_is_refused_with_its_column_and_row(kind, tmp_path):
    # an unclosed quote mark swallows every row after it into one cell: one sentence names the column and the
    # row (the 31st under the header, counted by hand), never the text; CSV and Excel alike
    import openpyxl

    rows = [f"R{i},I stor grad,kort" for i in range(30)]
    if kind == "csv":
        data = ("id,q1,kommentar\n" + "\n".join(rows) + '\nR30,I liten grad,"hemmelig ' + "x y\n" * 2_000_000).encode()
    else:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["id", "q1", "kommentar"])
        for row in rows:
            sheet.append(row.split(","))
        sheet.append(["R30", "I liten grad", "hemmelig " + "x" * 40_000])  # openpyxl writes what Excel would not
        path = tmp_path / "lang.xlsx"
        book.save(path)
        data = path.read_bytes()
    with pytest.raises(SurveyError) as caught:
        read_file(data, f"lang.{kind}")
    message = caught.value.message("nb")
    if kind == "csv":  # the quote is never closed: the row is named, and what went wrong
        assert caught.value.key == "unclosed_quote" and message.startswith("lang.csv: rad 31 under overskriften")
    else:  # Excel's readers stop a cell at Excel's limit: a cell that reaches it is refused
        assert caught.value.key == "cell_too_long" and "«kommentar», rad 31 under overskriften" in message
        assert "32\xa0767" in message
    assert "hemmelig" not in message
    # a closed quote around 40,000 characters (over Excel's limit, the CSV reader's too) is the long cell
    closed = ("id,q1,kommentar\n" + "\n".join(rows) + '\nR30,I liten grad,"hemmelig ' + "x" * 40_000 + '"\n').encode()
    with pytest.raises(SurveyError) as caught:
        read_file(closed, "lang.csv")
    assert caught.value.key == "cell_too_long" and "rad 31" in caught.value.message("nb")


def test_a_parquet_file_gives_the_same_numbers_as_its_csv(tmp_path, capsys):
    # the fixture as a warehouse would export it (rolle as a category, pulje as a number): every statistic
    # equals the CSV's, in the core, on the command line and in the app
    import json

    import polars as pl
    from streamlit.testing.v1 import AppTest

    from lmp_core.cli import main
    from lmp_core.compute.stats import summarize
    from tests.conftest import ROOT

    frame = pl.read_csv(FIXTURES / "lmp_ch2_3.csv", infer_schema_length=0).with_columns(
        pl.col("rolle").cast(pl.Categorical), pl.col("pulje").cast(pl.Int64))
    path = tmp_path / "lmp.parquet"
    frame.write_parquet(path)
    csv = summarize(count(read_file((FIXTURES / "lmp_ch2_3.csv").read_bytes(), "x.csv"), group="rolle"))
    parquet = summarize(count(read_file(path.read_bytes(), path.name), group="rolle"))
    assert json.dumps(parquet.to_dict("nb"), sort_keys=True) == json.dumps(csv.to_dict("nb"), sort_keys=True)
    assert main(["summarize", str(path), "--group", "rolle", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["groups"] == json.loads(json.dumps(csv.to_dict("nb")))["groups"]
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    at.file_uploader(key="upload").upload(path.name, path.read_bytes(), "application/octet-stream").run()
    assert not at.exception and "lmp\\.parquet — 46 respondenter" in at.success[0].value
    with pytest.raises(SurveyError) as broken:
        read_file(b"PAR1" + b"\x00" * 20 + b"PAR1", "broken.parquet")
    assert broken.value.key == "unreadable_parquet" and "broken.parquet" in broken.value.message("nb")


def test_columns_on_threads_give_what_one_thread_gives(monkeypatch):
    # large files profile, code and count their columns on the machine's cores (lmp_core.base.threads): the survey and
    # its counts must be the same as on one thread, for codes (a codebook) and for labels (categories)
    from lmp_core.base import threads

    coded = read_codebook(b"column,question_text,theme,scale\n" + b"".join(
        f"q{i},Q{i},T,grad\n".encode() for i in range(1, 7)))
    rng = np.random.default_rng(3)
    frame = pd.DataFrame({"rolle": rng.choice(["A", "B", "C"], 3000),
                          **{f"q{i}": rng.choice([1, 2, 3, 4, 5, 9, None], 3000) for i in range(1, 7)}})
    labels = frame.assign(**{f"q{i}": frame[f"q{i}"].map(
        dict(enumerate(["I svært liten grad", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad"],
                       start=1)) | {9: "Vet ikke"}) for i in range(1, 7)})
    cases = [(frame.astype({f"q{i}": "Int64" for i in range(1, 7)}).to_csv(index=False).encode(), coded),
             (labels.to_csv(index=False).encode(), None)]
    for data, codebook in cases:
        monkeypatch.setattr(threads, "MIN_CELLS", 10**12)
        one = read_file(data, "x.csv", codebook=codebook)
        one_counts = count(one, group="rolle").table
        started = []
        monkeypatch.setattr(threads, "MIN_CELLS", 0)
        monkeypatch.setattr(threads.os, "cpu_count", lambda: 4)
        monkeypatch.setattr(threads, "ThreadPoolExecutor",
                            lambda started=started, **kw: started.append(kw) or ThreadPoolExecutor(**kw))
        many = read_file(data, "x.csv", codebook=codebook)
        assert started, "the threads were not used"
        assert [it.column for it in many.items] == [it.column for it in one.items] == [f"q{i}" for i in range(1, 7)]
        np.testing.assert_array_equal(many.codes, one.codes)
        np.testing.assert_array_equal(count(many, group="rolle").table, one_counts)
        assert many.notes == one.notes


@pytest.mark.parametrize("mark", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"])
def test_invisible_format_characters_count_as_the_visible_label(frame, reference, mark):
    # issue #26: a zero-width space (or joiner, non-joiner, word joiner, BOM, soft hyphen) pasted from Word before
    # half the answers of a question dropped them from n as "outside the scale"; they are the same answers
    marked = frame.copy()
    marked["kunnskap_mobbing"] = [mark + v if i % 2 and v else v for i, v in enumerate(marked["kunnskap_mobbing"])]
    marked["rolle"] = [v + mark if i % 3 == 0 else v for i, v in enumerate(marked["rolle"])]
    survey = read_file(marked.to_csv(index=False).encode(), "x.csv")
    _same_counts(survey, reference)  # every answer and group counted as the unmarked file counts it
    keys = {k: p for k, p in survey.notes}
    assert "labels_outside_scale" not in keys
    assert keys["format_chars_removed"]["column"] == "kunnskap_mobbing"
    assert keys["spellings_merged"] == {"column": "rolle", "count": 2}  # "Skoleleder\u200b", "Skoleeier\u200b"


def test_an_astronomical_count_in_a_frequency_table_is_named():
    # issue #26: polars could not cast 1e20 to a 64-bit integer and the traceback reached the user
    data = b"item,group,answer,count\nq1,A,I stor grad,1e20\nq1,A,I liten grad,3\n"
    with pytest.raises(SurveyError, match=r"freq.csv, row 2: the count '1e\+20' is over the limit of 1,000,000,000"):
        read_file(data, "freq.csv")


@pytest.mark.parametrize("kind", ["csv", "parquet"])
def test_more_columns_than_the_limit_get_the_tools_own_sentence(kind, tmp_path):
    # issue #26: 5,002 columns gave polars' "provided `new_columns` does not match number of columns"
    from lmp_core.load import MAX_COLUMNS

    frame = pd.DataFrame({f"q{i}": ["Enig", "Uenig"] for i in range(MAX_COLUMNS + 2)})
    if kind == "csv":
        data, name = frame.to_csv(index=False).encode(), "wide.csv"
    else:
        frame.to_parquet(tmp_path / "wide.parquet")
        data, name = (tmp_path / "wide.parquet").read_bytes(), "wide.parquet"
    with pytest.raises(SurveyError, match=rf"{name} has 5,002 columns, over the limit of 5,000\. Remove"):
        read_file(data, name)


def test_a_frequency_tables_groups_and_answers_drop_invisible_characters():
    # the same spelling rule as respondent files: "A\u200b" is group A, "\u200bI liten grad" is "I liten grad"
    data = ("item,group,answer,count\nq1,A\u200b,I stor grad,3\nq1,A,I liten grad,3\n"
            "q1,B,\u200bI liten grad,4\nq1,B,I stor grad,4\n").encode()
    counts = read_file(data, "f.csv")
    assert counts.groups == ("A", "B") and counts.respondents == (6, 8)
    assert counts.table[0, :, 2].tolist() == [3, 4]  # "I liten grad": 2 on the 5-point grad scale
