"""A survey file in Qualtrics' documented CSV layout with planted careless respondents, for the data-quality tests.

Layout (qualtrics.com/support/survey-platform/responses/download-data/understanding-your-dataset/, and
ropensci/qualtRics ``tests/testthat/files/sample.csv``): three header rows (field ids, question texts,
``{"ImportId": …}``), the metadata columns ``StartDate, EndDate, Status, Progress, Duration (in seconds),
Finished, RecordedDate, ResponseId`` and then the questions. No real export with a duration column is among the
shared data sets, so this file is generated to that layout.
"""

from __future__ import annotations

import csv
import io

import numpy as np

LABELS = ("Helt uenig", "Litt uenig", "Verken enig eller uenig", "Litt enig", "Helt enig")
GRIDS = ("Q1", "Q2")
PER_GRID = 6
N = 60
#: The planted respondents (0-based data rows) of each check; the speeders, straight-liners and break-offs are
#: all in odd rows (Rolle "Leder"), so that leaving them out leaves no group with fewer than five out
SPEEDERS = (3, 17, 29)
STRAIGHT = (5, 23, 41)
DUPLICATE_OF = {50: 10}  # row 50 copies row 10's answers (another id, another time)
SAME_ID = {55: 12}  # row 55 has row 12's ResponseId (other answers)
BREAKOFF = (33, 47)  # Finished = 0, nothing after Q1_3
NONRESPONSE = (36,)  # answered the first and the last question only


def planted_rows(seed: int = 7) -> list[dict[str, object]]:
    """The respondents as dicts (answers as labels, "" = blank)."""
    rng = np.random.default_rng(seed)
    rows = []
    for r in range(N):
        answers = {}
        for grid in GRIDS:
            codes = rng.integers(0, 5, PER_GRID)
            if (codes == codes[0]).all():  # no unplanted straight-liner
                codes[1] = (codes[0] + 1) % 5
            answers.update({f"{grid}_{i + 1}": LABELS[c] for i, c in enumerate(codes)})
        seconds = int(rng.integers(320, 900))
        rows.append({"ResponseId": f"R_{r:03d}", "Duration (in seconds)": seconds, "Finished": 1,
                     "Rolle": ("Lærer", "Leder")[r % 2], **answers})
    for r in SPEEDERS:
        rows[r]["Duration (in seconds)"] = 30 + r
    for n, r in enumerate(STRAIGHT):
        rows[r].update({f"Q1_{i + 1}": LABELS[(n * 2) % 5] for i in range(PER_GRID)})
    for r, source in DUPLICATE_OF.items():
        rows[r].update({k: v for k, v in rows[source].items() if k.startswith("Q") or k == "Rolle"})
    for r, source in SAME_ID.items():
        rows[r]["ResponseId"] = rows[source]["ResponseId"]
    for r in BREAKOFF:
        rows[r]["Finished"] = 0
        rows[r].update({f"{g}_{i + 1}": "" for g in GRIDS for i in range(PER_GRID) if (g, i) > ("Q1", 2)})
    for r in NONRESPONSE:
        rows[r].update({f"{g}_{i + 1}": "" for g in GRIDS for i in range(PER_GRID)
                        if (g, i) not in (("Q1", 0), ("Q2", PER_GRID - 1))})
    return rows


def qualtrics_csv(rows: list[dict[str, object]] | None = None) -> bytes:
    """The rows as a Qualtrics CSV export (three header rows; start and end times from the durations)."""
    rows = rows if rows is not None else planted_rows()
    questions = [f"{g}_{i + 1}" for g in GRIDS for i in range(PER_GRID)]
    head = ["StartDate", "EndDate", "Status", "Progress", "Duration (in seconds)", "Finished", "RecordedDate",
            "ResponseId", *questions, "Rolle"]
    texts = ["Start Date", "End Date", "Response Type", "Progress", "Duration (in seconds)", "Finished",
             "Recorded Date", "Response ID", *[f"Hvor enig er du? - påstand {q}" for q in questions], "Rolle"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(head)
    writer.writerow(texts)
    writer.writerow([f'{{"ImportId":"{h}"}}' for h in head])
    for r, row in enumerate(rows):
        start = np.datetime64("2024-03-01T08:00:00") + np.timedelta64(r * 3600, "s")
        end = start + np.timedelta64(int(row["Duration (in seconds)"]), "s")
        stamp = [str(t).replace("T", " ") for t in (start, end)]
        writer.writerow([stamp[0], stamp[1], 0, 100 if row["Finished"] else 25, row["Duration (in seconds)"],
                         row["Finished"], stamp[1], row["ResponseId"], *[row[q] for q in questions], row["Rolle"]])
    return out.getvalue().encode("utf-8")
