"""What an analyst calls each column of the exports in this folder, written before the tool was run on them.

Kinds of question: ``scale`` (ordered answers), ``choice`` (one unordered answer, yes/no among them), ``multi`` (an
option of a tick-all-that-apply question, or a column that holds the whole list) and ``number``. Columns that are no
question: ``id``, ``metadata`` (timestamps, durations, status, progress, IP, language, file uploads, …), ``private``
(e-mail addresses and names: a privacy warning, in no view), ``text`` (free text) and ``background`` (a respondent's
characteristic: a group or filter). ``empty`` marks a column blank in every row (nothing to analyse).

``real`` says whether the file is a public export as its tool wrote it (see SOURCE.md beside it) or one made here to
the tool's documented layout.
"""

from __future__ import annotations

QUESTION_KINDS = frozenset({"scale", "choice", "multi", "number"})
#: Columns that must never be analysed as a question.
NEVER_QUESTIONS = frozenset({"id", "metadata", "private", "text"})

_QUALTRICS_META = {
    "StartDate": "metadata", "EndDate": "metadata", "Status": "metadata", "IPAddress": "metadata",
    "Progress": "metadata", "Duration (in seconds)": "metadata", "Finished": "metadata", "RecordedDate": "metadata",
    "ResponseId": "id", "RecipientLastName": "private", "RecipientFirstName": "private", "RecipientEmail": "private",
    "ExternalReference": "metadata", "LocationLatitude": "metadata", "LocationLongitude": "metadata",
    "DistributionChannel": "metadata", "UserLanguage": "metadata",
}

_NETTSKJEMA = {
    "$submission_id": "id", "$created": "metadata", "freetext": "text", "radio": "choice",
    "checkbox.questionnaires": "multi", "checkbox.events": "multi", "checkbox.logs": "multi", "dropdown": "choice",
    "radio_matrix.grants": "scale", "radio_matrix.lecture": "scale", "radio_matrix.email": "scale",
    **{f"checkbox_matrix.{r}.{o}": "multi" for r in (1, 2) for o in ("IT", "colleague", "admin", "union", "internet")},
    "date": "metadata", "time": "metadata", "datetime": "metadata", "number_decimal": "number",
    "number_integer": "number", "slider": "scale", "attachment_1": "metadata", "attachment_2": "metadata",
    "$answer_time_ms": "metadata",
}

EXPECTED: dict[str, dict[str, object]] = {
    "qualtrics/sample.csv": {"real": True, "tool": "Qualtrics", "columns": {
        **_QUALTRICS_META, "Q1": "choice", "Q2": "text", "Q2 - Topics": "empty"}},
    "qualtrics/sample_legacy.csv": {"real": True, "tool": "Qualtrics", "columns": {
        "V1": "id", "V2": "metadata", "V3": "private", "V4": "metadata", "V5": "private", "V6": "metadata",
        "V7": "metadata", "V8": "metadata", "V9": "metadata", "V10": "metadata", "Q1": "choice", "Q2": "text",
        "LocationLatitude": "metadata", "LocationLongitude": "metadata", "LocationAccuracy": "metadata"}},
    "qualtrics/made_true_false.csv": {"real": False, "tool": "Qualtrics", "columns": {
        **_QUALTRICS_META, "Q1": "background", "Q2_1": "scale", "Q2_2": "scale", "Q2_3": "scale", "Q3": "scale",
        "Q7_1": "multi", "Q7_2": "multi", "Q7_3": "multi", "Q7_4": "multi",
        "Q8_1": "empty", "Q8_2": "empty", "Q8_3": "empty", "Q9": "choice", "Q9_4_TEXT": "text", "Q10": "text"}},
    "nettskjema/data-123823-2025-08-19-2249.txt": {"real": True, "tool": "Nettskjema", "columns": _NETTSKJEMA},
    "nettskjema/data-123823-2025-08-19-2249.xlsx": {"real": True, "tool": "Nettskjema", "columns": _NETTSKJEMA},
    "generic/two_header_rows.csv": {"real": False, "tool": "", "columns": {
        "id": "id", "skole": "background", "trinn": "background", "s1": "scale", "s2": "scale", "s3": "scale",
        "s4": "scale", "kommentar": "text"}},
    "google_forms/made_responses.csv": {"real": False, "tool": "Google Forms", "columns": {
        "Timestamp": "metadata", "Email Address": "private", "What subjects do you enjoy?": "multi",
        "How would you rate the following? [Teachers]": "scale",
        "How would you rate the following? [Classmates]": "scale",
        "How would you rate the following? [Canteen]": "scale",
        "On a scale of 1 to 5, how much do you like school?": "scale",
        "How often do you read at home?": "scale", "Name": "private"}},
    "microsoft_forms/made_norwegian.xlsx": {"real": False, "tool": "Microsoft Forms", "columns": {
        "ID": "id", "Starttidspunkt": "metadata", "Fullføringstidspunkt": "metadata", "E-postadresse": "private",
        "Navn": "private", "Tidspunkt for siste endring": "metadata",
        "Hvilke kanaler bruker du for å få informasjon fra skolen?": "multi",
        "Hvor fornøyd er du med informasjonen fra skolen?": "scale",
        "Hvor viktig er det for deg å få beskjed om prøver?": "scale", "Hva kan skolen gjøre bedre?": "text"}},
    "limesurvey/made_code_headings.csv": {"real": False, "tool": "LimeSurvey", "columns": {
        "id": "id", "submitdate": "metadata", "lastpage": "metadata", "startlanguage": "metadata", "seed": "metadata",
        "startdate": "metadata", "datestamp": "metadata", "G1Q1": "background",
        "G1Q2[SQ001]": "multi", "G1Q2[SQ002]": "multi", "G1Q2[SQ003]": "multi",
        "G1Q3[SQ001]": "multi", "G1Q3[SQ002]": "multi", "G1Q3[SQ003]": "multi", "G1Q3[SQ004]": "multi",
        "G1Q4[SQ001]": "scale", "G1Q4[SQ002]": "scale", "G1Q4[SQ003]": "scale", "G1Q5": "text"}},
    "surveymonkey/made_two_rows.csv": {"real": False, "tool": "SurveyMonkey", "columns": {
        "Respondent ID": "id", "Collector ID": "metadata", "Start Date": "metadata", "End Date": "metadata",
        "IP Address": "metadata", "Email Address": "private", "First Name": "private", "Last Name": "private",
        "Custom Data 1": "metadata", "Which devices do you use at school?": "multi",
        "Which devices do you use at school? – Tablet": "multi", "Which devices do you use at school? – Phone": "multi",
        "Which devices do you use at school? – Other (please specify)": "multi",
        "How satisfied are you with the school's website?": "scale", "What would you improve?": "text"}},
    "questback/made_efs.csv": {"real": False, "tool": "Questback", "columns": {
        "lfdn": "id", "external_lfdn": "metadata", "tester": "metadata", "dispcode": "metadata",
        "lastpage": "metadata", "quality": "metadata", "duration": "metadata", "datetime": "metadata",
        "lastaccs": "metadata", "v_1": "scale", "v_2": "scale", "v_3": "scale", "v_4": "multi", "v_5": "multi",
        "v_6": "multi", "v_7": "text"}},
}


def _surveyxact() -> dict[str, str]:
    """SurveyXact's example survey (readSX): what its Structure and Labels sheets say each variable is."""
    cols: dict[str, str] = {}
    cols.update({f"v_1_{i}": "multi" for i in range(1, 17)})
    cols.update({"s_2": "background", "s_4_1": "multi", "s_4_2": "multi", "s_4_3": "multi", "s_6": "choice",
                 "m_1": "background"})
    cols.update({f"s_11_{i}": "multi" for i in range(1, 11)})
    cols.update({f"p_{i:02d}": "choice" for i in range(1, 59)})  # has the subject / had it / will choose it / …
    cols.update({"a_p": "text", "pb_1": "choice", "a_fp": "text"})
    cols.update({f"i_{i:02d}": "scale" for i in range(1, 19)})  # I liten grad, 2, 3, I stor grad
    cols.update({f"fp_{i:02d}": "scale" for i in range(1, 20)})  # Ikke viktig … Veldig viktig
    cols.update({f"up_{i:02d}": "scale" for i in range(1, 15)})  # Helt uenig … Helt enig
    cols.update({f"hm_{i}": "scale" for i in range(1, 8)})
    cols.update({f"hn_{i}": "scale" for i in range(1, 8)})
    cols.update({"b_1": "background", "b_2": "background", "b_3": "background", "b_4": "background",
                 "b_5": "background", "b_6_1": "background", "b_6_2": "background", "b_6_3": "background"})
    cols.update({f"b_7_{i}": "scale" for i in range(1, 5)})  # grades 1–6 (and "no grade")
    cols.update({f"b_8_{i}": "scale" for i in range(1, 4)})  # goal grades 1–6
    cols.update({f"bp_{i:02d}": "scale" for i in range(59)})
    cols.update({"b_1_1": "background"})  # Skole
    cols.update({f"stato_{i}": "metadata" for i in range(1, 6)})
    cols.update({"s_1": "text", "s_3": "text", "s_5": "text", "s_7": "text"})
    return cols


def _blank_in_every_row(relative: str, sheet: str) -> set[str]:
    """The columns of a workbook's sheet with no value in any row (read with openpyxl, not with the tool): nothing
    to analyse, whatever the question is (the trimmed SurveyXact file keeps 150 of 1,000 respondents, and many
    programme subjects were chosen by none of them)."""
    import io

    import openpyxl

    from tests.public_exports import Missing, public_bytes

    try:
        book = openpyxl.load_workbook(io.BytesIO(public_bytes(relative)), read_only=True)
    except Missing:  # not on this machine: the tests that need the file are skipped
        return set()
    rows = book[sheet].iter_rows(values_only=True)
    header = next(rows)
    filled = [False] * len(header)
    for row in rows:
        filled = [f or (v is not None and str(v).strip() != "") for f, v in zip(filled, row)]
    return {str(h) for h, f in zip(header, filled) if not f}


_SX = "surveyxact/ex_survey2_first150.xlsx"
_SX_BLANK = _blank_in_every_row(_SX, "Dataset")
EXPECTED[_SX] = {"real": True, "tool": "SurveyXact", "columns": {
    c: ("empty" if c in _SX_BLANK else kind) for c, kind in _surveyxact().items()}}
