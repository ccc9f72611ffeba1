"""A pre-aggregated frequency table (long form: item, group, answer, count) -> counts.

For results made where only aggregates may leave a secure data environment. Column names are
recognised in English and Norwegian (item/spørsmål, group/gruppe, answer/svar, count/antall/n).
An empty answer is a blank. A group's respondents are the largest total over its items.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from lmp_core.base.errors import SurveyError
from lmp_core.base.fmt import Fixed
from lmp_core.base.spelling import group_name
from lmp_core.counting.counts import Counts
from lmp_core.setup.scales import match_labels, normalize
from lmp_core.setup.survey import Item

#: The largest count one row of a frequency table may hold: far above any survey (a billion answers), and low
#: enough that no sum over a file within the size limit can overflow a 64-bit integer.
MAX_COUNT = 1_000_000_000

FREQUENCY_COLUMNS = {
    "item": ("item", "question", "variable", "spørsmål", "sporsmal", "spm"),
    "group": ("group", "gruppe"),
    "answer": ("answer", "svar", "response", "label", "value"),
    "count": ("count", "n", "antall", "frequency", "freq", "frekvens"),
}


def frequency_columns(columns: list[str]) -> dict[str, str] | None:
    """The columns of a frequency table by role, or None when the frame is not one."""
    lowered = {c.strip().lower(): c for c in columns}
    found: dict[str, str] = {}
    for role, names in FREQUENCY_COLUMNS.items():
        for n in names:
            if n in lowered:
                found[role] = lowered[n]
                break
    if {"item", "answer", "count"} <= set(found) and len(columns) <= 6:
        return found
    return None


def counts_from_frequency_table(frame: pl.DataFrame, name: str) -> Counts:
    """Build the counts table from a long frequency table."""
    roles = frequency_columns(frame.columns)
    if roles is None:
        raise SurveyError("freq_columns", file=name, found=", ".join(frame.columns))
    items_col, answer_col, count_col = roles["item"], roles["answer"], roles["count"]
    group_col = roles.get("group")
    df = frame.with_columns(
        pl.col(items_col).cast(pl.String).str.strip_chars(),
        pl.col(answer_col).cast(pl.String).str.strip_chars().fill_null(""),
        (pl.col(group_col).cast(pl.String).str.strip_chars() if group_col else pl.lit("Alle")).alias("__group"),
    )
    # group names spelled as everywhere else (lmp_core.base.spelling.group_name): one name per visible spelling
    distinct = [g for g in df["__group"].unique().to_list() if g is not None]
    df = df.with_columns(pl.col("__group").replace({g: group_name(g) for g in distinct}))
    counts_raw = df[count_col]
    counts = counts_raw.cast(pl.Float64, strict=False)
    bad = counts.is_null() | (counts < 0) | (counts % 1 != 0)
    if bad.any():
        row = int(bad.arg_max()) + 2
        raise SurveyError("freq_bad_count", file=name, value=str(counts_raw[row - 2]), row=row)
    if (counts > MAX_COUNT).any():
        row = int((counts > MAX_COUNT).arg_max()) + 2
        raise SurveyError("freq_count_too_large", file=name, value=str(counts_raw[row - 2]), row=row,
                          limit=Fixed(MAX_COUNT, 0))
    df = df.with_columns(counts.cast(pl.Int64).alias("__count"))
    item_names = df[items_col].unique(maintain_order=True).to_list()
    groups = tuple(df["__group"].unique(maintain_order=True).to_list())
    items: list[Item] = []
    codings = []
    for col in item_names:
        answers = df.filter(pl.col(items_col) == col)[answer_col].to_list()
        coding = match_labels(col, [a for a in answers if a])
        codings.append(coding)
        items.append(Item(col, col, "", coding.scale, coding.other_labels))
    width = max(it.n_categories for it in items)
    table = np.zeros((len(items), len(groups), width), dtype=np.int64)
    g_index = {g: i for i, g in enumerate(groups)}
    i_index = {c: i for i, c in enumerate(item_names)}
    for col, group, answer, n in df.select(items_col, "__group", answer_col, "__count").iter_rows():
        coding = codings[i_index[col]]
        code = 0 if not answer else {normalize(k): v for k, v in coding.mapping.items()}[normalize(answer)]
        table[i_index[col], g_index[group], code] += n
    respondents = tuple(int(v) for v in table.sum(axis=2).max(axis=0))
    return Counts(name, tuple(items), groups, table, respondents, group_col)
