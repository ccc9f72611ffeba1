"""An SPSS file shaped like the well-being survey of 439 adults that a newcomer tried (the survey file of Julie
Pallant's *SPSS Survival Manual*): its variable names, variable labels, value-label sets and measures as that
file declares them — background variables first (sex, age, age bands, marital status, children, education,
source of stress, smoking) and then seven multi-item scales, two of them on one shared agreement set, plus the
scales' totals as numbers. The answers are random (seeded): the file tests what the reader makes of the
columns, not any statistic.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyreadstat

AGREE4 = {1: "strongly disagree", 2: "disagree", 3: "agree", 4: "strongly agree"}
AGREE5 = {1: "strongly disagree", 2: "disagree", 3: "neutral", 4: "agree", 5: "strongly agree"}
AGREE7 = {1: "strongly disagree", 2: "moderately disagree", 3: "slightly disagree", 4: "neither",
          5: "slightly agree", 6: "moderately agree", 7: "strongly agree"}
OFTEN = {1: "never", 2: "almost never", 3: "sometimes", 4: "fairly often", 5: "very often"}
AFFECT = {1: "very slightly or not at all", 2: "a little", 3: "moderately", 4: "quite a bit", 5: "extremely"}
#: (stem, how many items, label set, variable label) of each multi-item scale
SCALES = (("op", 6, AGREE5, "optimism"), ("mast", 7, AGREE4, "mastery"), ("pn", 20, AFFECT, "affect"),
          ("lifsat", 5, AGREE7, "life satisfaction"), ("pss", 10, OFTEN, "perceived stress"),
          ("pc", 18, AGREE5, "perceived control of internal states"))
BACKGROUND = {
    "sex": ({1: "MALES", 2: "FEMALES"}, "sex", "nominal"),
    "agegp3": ({1: "18 - 29", 2: "30 - 44", 3: "45+"}, "age 3 groups", "ordinal"),
    "agegp5": ({1: "18 - 24", 2: "25 - 32", 3: "33 - 40", 4: "41 - 49", 5: "50+"}, "age 5 groups", "ordinal"),
    "marital": ({1: "single", 2: "steady relationship", 3: "living with partner", 4: "married first time",
                 5: "remarried", 6: "separated", 7: "divorced", 8: "widowed"}, "marital status", "ordinal"),
    "child": ({1: "yes", 2: "no"}, "children", "nominal"),
    "educ": ({1: "primary", 2: "some secondary", 3: "completed high school", 4: "some additional training",
              5: "completed undergraduate", 6: "postgraduate completed"}, "highest level of education", "ordinal"),
    "source": ({1: "work", 2: "spouse or partner", 3: "relationships", 4: "children", 5: "family",
                6: "health/illness", 7: "life in general", 8: "money/finances", 9: "lack of time, too much to do"},
               "major source of stress", "nominal"),
    "smoke": ({1: "yes", 2: "no"}, "do you smoke?", "nominal"),
}
N = 439


def write_wellbeing(path: Path, seed: int = 439) -> Path:
    """Write the file to ``path`` (a test's temporary folder) and return it."""
    rng = np.random.default_rng(seed)
    columns: dict[str, np.ndarray] = {"id": np.arange(1, N + 1)}
    labels: dict[str, dict[int, str]] = {}
    variable_labels: dict[str, str] = {"id": "id"}
    measures: dict[str, str] = {"id": "scale"}
    for name, (value_labels, label, measure) in BACKGROUND.items():
        if name == "agegp3":
            columns["age"] = rng.integers(18, 82, N)
            variable_labels["age"], measures["age"] = "age", "scale"
        columns[name] = rng.integers(1, len(value_labels) + 1, N)
        labels[name], variable_labels[name], measures[name] = value_labels, label, measure
    for stem, count, value_labels, label in SCALES:
        for i in range(1, count + 1):
            name = f"{stem}{i}"
            columns[name] = rng.integers(1, len(value_labels) + 1, N).astype(float)
            columns[name][rng.random(N) < 0.02] = np.nan
            labels[name], variable_labels[name], measures[name] = value_labels, f"{label} {i}", "ordinal"
        total = np.nansum(np.column_stack([columns[f"{stem}{i}"] for i in range(1, count + 1)]), axis=1)
        columns[f"t{stem}"] = total
        variable_labels[f"t{stem}"], measures[f"t{stem}"] = f"total {label}", "scale"
    frame = pd.DataFrame(columns)
    pyreadstat.write_sav(frame, str(path), column_labels=variable_labels, variable_value_labels=labels,
                         variable_measure=measures)
    return path


def distinct_scales() -> int:
    """How many distinct answer scales the file's questions use (op and pc share one)."""
    return len({tuple(value_labels.values()) for _, _, value_labels, _ in SCALES})
