"""Readers: every format and layout gives the same counts as the plain fixture CSV."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pyreadstat
import pytest

from lmp_core.counts import Counts, count
from lmp_core.errors import SurveyError
from lmp_core.read import read_codebook, read_file
from lmp_core.survey import Survey
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
    (note,) = [p for k, p in survey.notes if k == "labels_outside_scale"]
    assert note["column"] == "praksis_mobbing" and note["count"] == 1 and "Kanskje" in note["labels"]
    assert survey.item("praksis_mobbing").scale.name == "grad"


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
