"""SurveyXact's Excel export: the sheets ``Dataset`` (one row per respondent, generated variable names such as
``v_1_1``, ``s_2``, ``stato_1``), ``Structure`` (per variable: ``questionName``, ``variableName``, ``questionType``,
``subType``, ``questionText``, ``choiceValue``, ``choiceText``) and ``Labels`` (no header: variable, code, label).

The dataset's codes get the Labels sheet's value labels (as SPSS's would) and the Structure's question texts; an
option of a multiple-choice question ("Closed"/"Multiple") gets "question - option", so its set and option are read
as a tool's "Question - Option" columns are (:mod:`lmp_core.setup.kinds`). Sources: NIFU-NO/readSX's README and
example files (``../shared/notes/survey-tool-exports.md`` §2).
"""

from __future__ import annotations

from lmp_core.read.excel import read_excel, sheet_frame
from lmp_core.read.frames import Table

#: The sheets of a SurveyXact workbook.
SHEETS = ("Dataset", "Structure", "Labels")


def is_surveyxact(sheets: list[str]) -> bool:
    """Whether a workbook's sheets are SurveyXact's three.

    >>> is_surveyxact(["Labels", "Dataset", "Structure"]), is_surveyxact(["Sheet1"])
    (True, False)
    """
    return set(SHEETS) <= set(sheets)


def read_surveyxact(data: bytes, name: str) -> Table:
    """The Dataset sheet with the Labels sheet's value labels and the Structure sheet's question texts."""
    table = read_excel(data, name, sheet="Dataset")
    columns = set(table.frame.columns)
    labels: dict[str, dict[float, str]] = {}
    for variable, code, label in sheet_frame(data, name, "Labels").iter_rows():
        try:
            value = float(str(code).strip())
        except ValueError:
            continue  # a blank or text code is no label of a numeric answer
        if variable in columns and label is not None:
            labels.setdefault(str(variable).strip(), {})[value] = " ".join(str(label).split())
    structure = sheet_frame(data, name, "Structure")
    header = [str(v or "").strip() for v in structure.row(0)]
    questions: dict[str, str] = {}
    for row in structure.slice(1).iter_rows():
        cells = dict(zip(header, row))
        variable, text = str(cells.get("variableName") or "").strip(), " ".join(str(cells.get("questionText") or "").split())
        if variable not in columns or not text:
            continue
        choice = " ".join(str(cells.get("choiceText") or "").split())
        multiple = str(cells.get("subType") or "").strip() == "Multiple" and choice
        questions[variable] = f"{text} - {choice}" if multiple else text
    notes = tuple(n for n in table.notes if n[0] != "sheet_read")
    return Table(table.frame, name, notes, value_labels=labels, questions=questions)

