"""A frame of raw columns -> :class:`~lmp_core.setup.survey.Survey`: which columns are questions, on
which scale, and which are background, ids or free text.

:func:`build_survey` is a loop over detectors, one per kind of column, tried in order; the first that answers
decides, with its reason (docs/architecture.md lists them):

1. nothing to read, or the setup says ignore;
2. a scale: a codebook entry with a scale or labels; SPSS value labels that fit a known scale (or an ordinal
   column, ordered by its codes); text answers that fit a known scale — unless the column is taken out, has
   only two answers, or has a label set of its own that describes the respondent (education, age bands);
3. otherwise (:data:`OTHER_DETECTORS`): an id (one value per row), free text (long or many distinct values), a
   respondent's characteristic, labels not understood, a score (numbers without labels: never a group), no
   known scale, a single value, numeric codes without a codebook, and last a background column;
4. the single-choice, multiple-response and number questions among the background columns
   (:mod:`lmp_core.setup.kinds`).

Answers outside a question's scale are counted as missing and reported with their values.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import dataclass, field, replace
from functools import partial

import numpy as np
import polars as pl

from lmp_core.base.errors import SurveyError
from lmp_core.base.fmt import Fixed, Sentences
from lmp_core.base.rules import MAX_GROUPS  # most groups a background column may have to be offered
from lmp_core.base.spelling import group_name, has_format_chars
from lmp_core.base.threads import each
from lmp_core.read.frames import check_cells, whole_numbers
from lmp_core.setup.codebook import CodebookEntry
from lmp_core.setup.kinds import characteristic_name, detect_kinds
from lmp_core.setup.metadata import PRIVATE_ROLES, recognise_tool, role_by_content, role_by_name
from lmp_core.setup.scales import (
    KNOWN_LABEL_WORDS,
    Coding,
    Scale,
    coding_from_value_labels,
    is_dont_know,
    is_not_asked,
    match_labels,
    normalize,
    numbers_named_scale,
    reversed_coding,
)
from lmp_core.setup.survey import Item, Note, Skipped, Survey

#: More distinct answers than this and a text column is not a rating question.
MAX_CATEGORIES = 40
#: A numeric column without value labels that has more distinct numbers than this (a 0-10 rating has 11),
#: or any number with decimals, is a score or measurement (an index, an age, hours): never offered as a group.
MAX_CODE_VALUES = 11
_NUMERIC = (pl.Int8, pl.Int16, pl.Int32, pl.Int64, pl.UInt8, pl.UInt16, pl.UInt32, pl.UInt64, pl.Float32,
            pl.Float64)
_ID_NAME = re.compile(r"(^|_)(id|respondent|respondentid|responseid|løpenr|lopenr)($|_)", re.IGNORECASE)


def _is_numeric(series: pl.Series) -> bool:
    return series.dtype in _NUMERIC


def _contradicts(codebook: Mapping[float, str], own: Mapping[float, str]) -> bool:
    """Whether the file's own value labels put one of the codebook's labels on another code (the answer
    order turned round, say); labels only one of them has (a translation, an extra code) do not count.

    >>> _contradicts({1: "Lite", 2: "Mye"}, {1.0: "mye", 2.0: "lite"}), _contradicts({1: "Lite"}, {1: " lite", 9: "Vet ikke"})
    (True, False)
    >>> _contradicts({1: "Lite", 2: "Mye"}, {1: "Little", 2: "Much"})
    False
    """
    theirs = {normalize(v): float(k) for k, v in codebook.items()}
    return any(normalize(v) in theirs and theirs[normalize(v)] != float(k) for k, v in own.items())


def _is_score(series: pl.Series, uniques: pl.Series) -> bool:
    """Whether a numeric column without value labels is a score rather than codes: more than
    :data:`MAX_CODE_VALUES` distinct numbers, or numbers with decimals."""
    if not _is_numeric(series) or uniques.len() == 0:
        return False
    as_float = uniques.cast(pl.Float64)
    return uniques.len() > MAX_CODE_VALUES or bool((as_float != as_float.floor()).any())


def _theme_of(column: str) -> str:
    grid = re.match(r"^(.*\S)\s*\[[^\]]+\]$", column)  # Google Forms' "Question [Row]", LimeSurvey's Q1[SQ001]
    if grid:
        return grid.group(1)
    if "_" in column:
        return column.split("_", 1)[0]
    return re.sub(r"\d+$", "", column)


def name_themes(columns: list[str]) -> dict[str, str]:
    """Themes from variable names when no codebook gives them: the part before "_" (kunnskap_mobbing), else
    the name without its last digits (ST24Q01 -> ST24Q). Names that share nothing that way but differ only
    in their numbers (c82cop1, c83cop2, …: SPSS numbering) share the letters between the numbers (cop).

    >>> name_themes(["kunnskap_a", "kunnskap_b", "ST24Q01", "ST24Q02", "c82cop1", "c83cop2", "e42dep"])
    {'kunnskap_a': 'kunnskap', 'kunnskap_b': 'kunnskap', 'ST24Q01': 'ST24Q', 'ST24Q02': 'ST24Q', 'c82cop1': 'cop', 'c83cop2': 'cop', 'e42dep': 'e42dep'}
    """
    themes = {c: _theme_of(c) for c in columns}
    sizes: dict[str, int] = {}
    for theme in themes.values():
        sizes[theme] = sizes.get(theme, 0) + 1
    lone = [c for c in columns if sizes[themes[c]] == 1 and "_" not in c]
    by_shape: dict[str, list[str]] = {}
    for c in lone:
        by_shape.setdefault(re.sub(r"\d+", "#", c), []).append(c)
    for shape, members in by_shape.items():
        letters = max(re.findall(r"[^#]+", shape), key=len, default="")
        if len(members) > 1 and letters:
            themes.update(dict.fromkeys(members, letters))
    return themes


class IntProfile:
    """An integer column as positions into its value range, for one-pass counting and coding.

    A value v sits at position ``v - low + 1`` (0 for a blank); ``counts`` is the bincount of the positions.
    Coding is then a table lookup (no hashing), the fast path for large coded files. The positions are made
    again when the codes are (:meth:`codes`), so that a file's profiles hold only their counts.
    """

    MAX_RANGE = 1_000_000

    def __init__(self, series: pl.Series, low: int, counts: np.ndarray) -> None:
        self.series, self.low, self.counts = series, low, counts

    @classmethod
    def of(cls, series: pl.Series) -> IntProfile | None:
        """The profile of an integer series, or None when its range is too wide."""
        low, high = series.min(), series.max()
        if low is None:
            return cls(series, 0, np.array([len(series)]))
        if int(high) - int(low) > cls.MAX_RANGE:
            return None
        return cls(series, int(low), np.bincount(cls._positions(series, int(low), int(high)),
                                                  minlength=int(high) - int(low) + 2))

    @staticmethod
    def _positions(series: pl.Series, low: int, high: int) -> np.ndarray:
        base = low - 1
        # positions in the narrowest integer type that holds them (a lookup index needs no more)
        dtype = np.int16 if high - base < 2**15 else np.int32
        values = series.fill_null(base).to_numpy()
        if np.iinfo(dtype).min <= base <= np.iinfo(dtype).max:  # (values - base) fits dtype, so wrapping is exact
            return np.subtract(values, base, dtype=dtype, casting="unsafe")
        return np.subtract(values, base, dtype=np.int64).astype(dtype)  # a large base (codes around 10¹⁰)

    @property
    def n_non_null(self) -> int:
        return int(self.counts.sum() - self.counts[0])

    def values(self) -> np.ndarray:
        """The values present, ascending."""
        return np.flatnonzero(self.counts[1:]) + self.low

    def lookup(self, coding: Coding) -> tuple[np.ndarray, dict[str, int]]:
        """The code of each position, and the counts of values outside the coding (they become blank)."""
        lut = np.full(len(self.counts), -1, dtype=np.int8)
        lut[0] = 0
        for key, code in coding.mapping.items():
            if isinstance(key, (int, float)) and float(key).is_integer():
                pos = int(key) - self.low + 1
                if 0 < pos < len(lut):
                    lut[pos] = code
        outside = {str(i + self.low - 1): int(self.counts[i]) for i in np.flatnonzero((lut < 0) & (self.counts > 0))}
        lut[lut < 0] = 0
        return lut, outside

    def codes(self, lut: np.ndarray) -> np.ndarray:
        """The column's codes through a table from :meth:`lookup`."""
        if len(self.counts) == 1:  # nothing but blanks
            return np.zeros(len(self.series), dtype=np.int8)
        return np.take(lut, self._positions(self.series, self.low, self.low + len(self.counts) - 2))


def apply_coding(series: pl.Series, coding: Coding) -> tuple[np.ndarray, dict[str, int]]:
    """Map raw answers to int8 codes; returns the codes and the counts of values outside the scale."""
    if _is_numeric(series):
        values = series.cast(pl.Float64)
        keys = [float(k) for k in coding.mapping if isinstance(k, (int, float))]
        mapping = {float(k): v for k, v in coding.mapping.items() if isinstance(k, (int, float))}
    else:
        values = series.cast(pl.String)
        by_norm = {normalize(k): v for k, v in coding.mapping.items()}
        uniques = values.drop_nulls().unique().to_list()
        mapping = {u: by_norm[normalize(u)] for u in uniques if u.strip() and normalize(u) in by_norm}
        mapping.update({u: 0 for u in uniques if not u.strip()})
        keys = list(mapping)
    mapped = values.replace_strict(keys, [mapping[k] for k in keys], default=-1, return_dtype=pl.Int8)
    blank = values.is_null()
    mapped = pl.select(pl.when(blank).then(0).otherwise(mapped)).to_series()
    outside: dict[str, int] = {}
    bad = mapped == -1
    if bad.any():
        counts = values.filter(bad).value_counts(sort=True)
        for value, count in counts.iter_rows():
            text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
            outside[text] = int(count)
        mapped = pl.select(pl.when(bad).then(0).otherwise(mapped)).to_series()
    return mapped.to_numpy().astype(np.int8, copy=False), outside


def _codebook_text_coding(column: str, labels: Mapping[float, str], values: list[str],
                          dont_know: frozenset[str]) -> Coding:
    """Text answers with the codebook's labels: a known scale when the labels make one (answers the labels do not
    name are outside it: counted in the caveat, as a setup that keeps the scale without them says), else the
    codebook's own order (its codes, low to high) — the user's statement, not a guess."""
    try:
        return match_labels(column, list(labels.values()) + values, dont_know=dont_know)
    except SurveyError:
        with suppress(SurveyError):
            return match_labels(column, list(labels.values()), dont_know=dont_know)
        by_label = {normalize(lab): code for code, lab in labels.items()}
        present = [normalize(v) for v in values if v.strip()]
        other = [lab for code, lab in sorted(labels.items()) if is_dont_know(lab) or normalize(lab) in dont_know]
        substantive = [(code, lab) for code, lab in sorted(labels.items()) if lab not in other]
        if len(substantive) < 2 or any(p not in by_label for p in present):
            raise
        scale = Scale("codes", tuple(lab for _, lab in substantive), tuple(float(c) for c, _ in substantive))
        mapping: dict[object, int] = {lab: i + 1 for i, (_, lab) in enumerate(substantive)}
        mapping.update({lab: len(substantive) + 1 + i for i, lab in enumerate(other)})
        return Coding(scale, tuple(other), mapping)


def _match_text_column(column: str, values: list[str], dont_know: frozenset[str] = frozenset()) -> Coding:
    """Match a text column's answers to a scale. When most answers are known labels and a few are
    not (a stray "Kanskje"), the known ones decide the scale and the rest are reported as outside it."""
    try:
        return match_labels(column, values, dont_know=dont_know)
    except SurveyError as unmatched:
        known = [v for v in values if _known_label(v) or is_dont_know(v) or normalize(v) in dont_know]
        if len({normalize(v) for v in known if not is_dont_know(v)}) < 2 or len(known) < len(values) / 2:
            raise
        try:
            return match_labels(column, known, dont_know=dont_know)
        except SurveyError:
            part = _largest_matching_part(column, known, dont_know, len(values))
            if part is None:
                raise unmatched from None
            return part


def _largest_matching_part(column: str, known: list[str], dont_know: frozenset[str], total: int) -> Coding | None:
    """Known labels of two scales in one column ("Somewhat satisfied" among "Very dissatisfied … Very
    satisfied"): the scale that the most answers fit when one or two labels are left outside it, provided those
    answers are at least half the column's; the labels left out are then reported as outside the scale."""
    from itertools import combinations

    labels = sorted({v for v in known if not is_dont_know(v) and normalize(v) not in dont_know})
    for size in (1, 2):
        best: tuple[int, Coding] | None = None
        for left_out in combinations(labels, size):
            rest = [v for v in known if v not in left_out]
            if len(rest) < total / 2:
                continue
            try:
                coding = match_labels(column, rest, dont_know=dont_know)
            except SurveyError:
                continue
            if best is None or len(rest) > best[0]:
                best = (len(rest), coding)
        if best is not None:
            return best[1]
    return None


def _settle_ambiguous(items: list[Item], arrays: list[np.ndarray | Callable[[], np.ndarray]], raw: list[tuple[pl.Series, Coding]],
                      pending: list[int], notes: list[Note]) -> None:
    """A column whose labels fit a 4- and a 5-point variant takes the scale that other columns of
    the same family in the file show in full (one questionnaire uses one scale); the note stays
    only where the file itself cannot tell. Linear in the number of columns: the settled scales of a
    family are collected once (distinct label sets), not looked up per pending column."""
    waiting = set(pending)
    settled_scales: dict[str, dict[tuple[str, ...], tuple[object, frozenset[str]]]] = {}
    for i, it in enumerate(items):
        if i not in waiting:
            settled_scales.setdefault(it.scale.name, {}).setdefault(
                it.scale.labels, (it.scale, frozenset(normalize(lab) for lab in it.scale.labels)))
    done: set[str] = set()
    for j in pending:
        item = items[j]
        series, coding = raw[j]
        observed = {normalize(lab) for lab in coding.mapping if coding.mapping[lab] and coding.mapping[lab] <= coding.scale.k}
        siblings = [scale for scale, labels in settled_scales.get(item.scale.name, {}).values() if observed <= labels]
        if not siblings:
            continue
        scale = max(siblings, key=lambda s: s.k)
        settled = match_labels(item.column, list(scale.labels) + list(coding.mapping))
        done.add(item.column)
        text = series.cast(pl.String) if series.dtype == pl.Categorical else series
        arrays[j] = apply_coding(text, settled)[0]
        items[j] = replace(item, scale=settled.scale, other_labels=settled.other_labels)
    notes[:] = [n for n in notes if not (n[0] == "ambiguous_scale" and n[1].get("column") in done)]


def _label_sets(value_labels: Mapping[str, Mapping[float, str]]) -> Counter[frozenset[str]]:
    """How many columns carry each set of value labels (normalised, "don't know" and not-asked left out)."""
    return Counter(_label_set(labels) for labels in value_labels.values())


def _label_set(labels: Mapping[float, str]) -> frozenset[str]:
    return frozenset(normalize(v) for v in labels.values() if not is_dont_know(v) and not is_not_asked(v))


#: A label that is a band of numbers: "18 - 29", "45+", "10 år eller mer", "under 5"
_BAND = re.compile(r"\d\s*[-–]\s*\d|\d\s*\+|\d.*\b(eller mer|eller flere|or more|or over)\b|"
                   r"\b(under|over|minst|mer enn|færre enn|less than|more than|at least)\s*\d", re.IGNORECASE)


def background_reason(column: str, question: str, labels: Mapping[float, str], sharing: int,
                      known_scale: bool = False) -> Skipped | None:
    """Why a column with value labels that fit no known scale is background rather than a question, or None.

    A multi-item scale's label set is shared by its questions; a respondent's characteristic (education, age
    bands, marital status) has a set of its own. A set no other column shares is background when the name
    or a short variable label names a characteristic (:func:`~lmp_core.setup.kinds.is_background_name`), or
    when most of its labels are bands of numbers ("18 - 29", "45+"; also where the numbers made them look like
    a known 0–10 scale, ``known_scale``). A lone question on a scale of its own ("never … often") stays a
    question.

    >>> background_reason("educ", "highest level of education", {1: "primary", 2: "some secondary"}, 1).key
    'background_by_name'
    >>> background_reason("q3", "", {1: "18 - 29", 2: "30 - 44", 3: "45+"}, 1).key
    'background_bands'
    >>> background_reason("educ", "", {1: "primary", 2: "secondary"}, 2) is None, background_reason("q4", "", {1: "never", 2: "often"}, 1)
    (True, None)
    """
    if sharing != 1:
        return None
    shown = ", ".join(repr(v) for v in list(labels.values())[:6]) + (", …" if len(labels) > 6 else "")
    substantive = [v for v in labels.values() if not is_dont_know(v) and not is_not_asked(v)]
    name = characteristic_name(column, question) if not known_scale else None
    if name is not None:
        return Skipped(column, "background_by_name", {"column": column, "labels": shown, "name": name})
    if substantive and sum(bool(_BAND.search(v)) for v in substantive) * 2 > len(substantive):
        return Skipped(column, "background_bands", {"column": column, "labels": shown})
    return None


@dataclass(frozen=True)
class _File:
    """What the file and the user say about all columns."""

    value_labels: Mapping[str, Mapping[float, str]]
    missing_ranges: Mapping[str, list[tuple[float, float]]]
    measures: Mapping[str, str]
    questions: Mapping[str, str]
    dont_know: frozenset[str]
    exclude: frozenset[str]
    sharing: Counter[frozenset[str]]
    notes: list[Note]
    #: the survey tool whose layout the file shows (None for any other file), and the ranges of the groups of
    #: numeric code columns that its layout makes scales (:func:`tool_code_scales`)
    tool: str | None = None
    code_scales: Mapping[str, tuple[int, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class _Column:
    """One column as the detectors see it: its values (an integer column with its profile of codes, categories
    with their labels), its distinct non-blank answers and how many answered, and its setup entry."""

    name: str
    series: pl.Series
    profile: IntProfile | None
    category_labels: dict[int, str]
    uniques: pl.Series
    n_non_null: int
    entry: CodebookEntry | None
    dont_know: frozenset[str]


def _facts(series: pl.Series, profile: IntProfile | None, entry: CodebookEntry | None,
           dont_know: frozenset[str]) -> _Column:
    """The facts of one column, counted once (a profile's bincount where there is one)."""
    column = series.name
    series = whole_numbers(series)  # whole-number floats (SPSS, Excel) are codes
    if series.dtype.is_integer() and profile is None:
        profile = IntProfile.of(series)
    elif not series.dtype.is_integer() and series.dtype != pl.Categorical:
        profile = None
    category_labels: dict[int, str] = {}
    if series.dtype == pl.Categorical:
        # answers read as categories: count and code their integer ids, match their few labels
        present = series.unique().drop_nulls()
        category_labels = dict(zip(present.to_physical().to_list(), present.cast(pl.String).to_list()))
        series = series.cast(pl.String) if profile is None else series
    if profile is not None and series.dtype == pl.Categorical:
        labels_present = [category_labels[int(v)] for v in profile.values()]
        non_blank = [v for v in labels_present if v.strip()]
        n_non_null = profile.n_non_null - sum(int(profile.counts[int(v) - profile.low + 1])
                                              for v in profile.values() if not category_labels[int(v)].strip())
        uniques = pl.Series(column, non_blank, dtype=pl.String)
    elif profile is not None:
        n_non_null = profile.n_non_null
        uniques = pl.Series(column, profile.values(), dtype=pl.Int64)  # ascending
    else:
        non_null = series.drop_nulls()
        if series.dtype == pl.String:
            non_null = non_null.filter(non_null.str.strip_chars() != "")
        n_non_null = non_null.len()
        uniques = non_null.unique(maintain_order=True)
    column_dk = dont_know | {normalize(w) for w in entry.dont_know} if entry is not None else dont_know
    return _Column(column, series, profile, category_labels, uniques, n_non_null, entry, column_dk)


def _nothing_to_read(col: _Column) -> Skipped | None:
    """Detector: a column with no answer at all."""
    return Skipped(col.name, "all_missing", {"column": col.name}) if col.n_non_null == 0 else None


def _ignored_by_setup(col: _Column) -> Skipped | None:
    """Detector: the setup says to ignore the column."""
    return Skipped(col.name, "ignored_by_setup", {"column": col.name}) \
        if col.entry is not None and col.entry.role == "ignore" else None


#: Questback EFS's codes for a question not seen (−77), a hidden text box (−66) and a text box left empty (−99).
_EFS_MISSING = (-77, -66, -99)


def _questback_missing(frame: pl.DataFrame, notes: list[Note]) -> pl.DataFrame:
    """A Questback EFS export (``lfdn`` and ``dispcode`` columns) with its missing codes −77, −66 and −99 blank in
    the ``v_`` variables, so that a tick column of 0/1 and −77 ("not seen") is a tick column; any other frame as
    it is."""
    if not {"lfdn", "dispcode"} <= set(frame.columns):
        return frame
    coded = [c for c in frame.columns if c.startswith("v_")]
    fixes = [pl.when(pl.col(c).cast(pl.String).str.strip_chars().is_in([str(v) for v in _EFS_MISSING]))
             .then(None).otherwise(pl.col(c)).alias(c) for c in coded]
    if fixes:
        frame = frame.with_columns(fixes)
        notes.append(("questback_missing_codes", {"columns": len(coded)}))
    return frame


def tool_code_scales(frame: pl.DataFrame, codebook: Mapping[str, CodebookEntry],
                     value_labels: Mapping[str, Mapping[float, str]], notes: list[Note]) -> dict[str, tuple[int, int]]:
    """In a survey tool's export, the groups of numeric code columns that are read as scales: two or more columns
    whose names share a stem (a matrix question's rows: Nettskjema's ``radio_matrix.grants``, Questback's ``v_1``,
    ``v_2``), no labels, whole numbers from 0 or 1 up to 3–11, and not ticks alone (0/1). The evidence is the
    layout, not labels: one decision per group, the analyst's default (a battery of ratings is a scale), with a
    note that says so and how to change it. Column -> (low, high) of its group."""
    from lmp_core.setup.kinds import stem_of

    groups: dict[str, list[str]] = {}
    for column, dtype in frame.schema.items():
        if (dtype.is_integer() or dtype.is_float()) and column not in codebook and column not in value_labels \
                and role_by_name(column) is None and (stem := stem_of(column)) is not None:
            groups.setdefault(stem, []).append(column)
    out: dict[str, tuple[int, int]] = {}
    for stem, columns in groups.items():
        # tick columns (0/1 only) beside them are a set of their own (lmp_core.setup.kinds)
        members = [c for c in columns if not set(frame[c].drop_nulls().cast(pl.Float64).unique()) <= {0.0, 1.0}]
        values = pl.concat([frame[c].cast(pl.Float64) for c in members]).drop_nulls() if members else pl.Series([])
        if len(members) < 2 or values.len() == 0 or not bool((values == values.floor()).all()):
            continue
        low, high = int(values.min()), int(values.max())
        if low in (0, 1) and 3 <= high - low + 1 <= 11 and high > 1:
            out.update(dict.fromkeys(members, (low, high)))
            notes.append(("tool_codes_as_scale", {"set": stem, "count": len(members), "low": low, "high": high}))
    return out


def _say_tool(columns: list[str], notes: list[Note], at: int, source: str, metadata: Mapping[str, list[str]],
              questions: int) -> None:
    """One line after the reader's notes (``at``), before the column notes: which survey tool's export this is
    and what followed from it."""
    tool = recognise_tool(columns, notes)
    if tool is not None:
        notes.insert(at, ("tool_recognised", {"file": source, "tool": tool, "questions": questions,
                                             "metadata": sum(len(c) for c in metadata.values())}))


def _named_numbers(column: str, ctx: _File, uniques: pl.Series) -> tuple[int, int] | None:
    """The range of a numeric rating that its header or question text names ("on a scale of 1 to 5"), when every
    answer is a whole number in it; else None."""
    named = numbers_named_scale(ctx.questions.get(column, "") or column)
    if named is None or uniques.len() == 0:
        return None
    values = uniques.cast(pl.Float64)
    inside = bool(((values >= named[0]) & (values <= named[1]) & (values == values.floor())).all())
    return named if inside else None


def _written_with_decimals(frame: pl.DataFrame) -> frozenset[str]:
    """The columns a text file wrote with decimal points (``77.0``: Nettskjema's number questions) when its other
    numbers have none (its codes, ``"1"``); none when every number column is decimal (an Excel sheet's numbers)."""
    floats = frozenset(c for c, dtype in frame.schema.items() if dtype.is_float())
    return floats if any(dtype.is_integer() for dtype in frame.schema.values()) else frozenset()


def _as_read(series: pl.Series) -> pl.Series:
    """A column's values as the file has them (answers read as categories as their texts)."""
    return series.cast(pl.String) if series.dtype == pl.Categorical else series


def _metadata(col: _Column, ctx: _File) -> Skipped | None:
    """Detector: a column the survey tool added (:mod:`lmp_core.setup.metadata`): by its name or question text, or
    by its answers (e-mail or IP addresses, dates and times, file names). A setup that names the column's role or
    kind decides instead; an id by name must hold one value per row."""
    if col.entry is not None and (col.entry.role or col.entry.kind or col.entry.value_labels is not None):
        return None
    role = role_by_name(col.name, ctx.questions.get(col.name, ""))
    if role is None and not _is_numeric(col.series):
        role = role_by_content([str(v) for v in col.uniques.head(200).to_list()], col.name)
    if role == "id":
        return Skipped(col.name, "id_column", {"column": col.name}) if col.uniques.len() == col.n_non_null else None
    return Skipped(col.name, f"metadata_{role}", {"column": col.name, "role": role}) if role else None


@dataclass(frozen=True)
class _ScaleVerdict:
    """The scale detector's verdict: a coding and its basis (a question on a scale), or why not — a label
    error (``reason``), what was said of the column on the way (``skipped``: taken out by the user, two
    answers only), or that its labels are its own and describe the respondent (``own_set``)."""

    coding: Coding | None = None
    basis: tuple[str, dict[str, object]] = ("", {})
    reason: SurveyError | None = None
    skipped: tuple[Skipped, ...] = ()
    own_set: Skipped | None = None


def _scale(col: _Column, ctx: _File) -> _ScaleVerdict:
    """Detector: a question on a scale, from the setup's labels, the file's value labels (a setup from another
    file that reads them otherwise is overruled, with a note), or text answers that fit a known scale."""
    column, series, entry, uniques = col.name, col.series, col.entry, col.uniques
    coding: Coding | None = None
    reason: SurveyError | None = None
    basis: tuple[str, dict[str, object]] = ("", {})
    try:
        if entry is not None and (entry.role == "background" or entry.kind in ("choice", "multi", "number")):
            pass  # the setup says: a group or filter, or a question of another kind (lmp_core.setup.kinds)
        elif (entry is not None and entry.value_labels is not None and column in ctx.value_labels
              and _is_numeric(series) and _contradicts(entry.value_labels, ctx.value_labels[column])):
            # the file states its own codes; a codebook or setup from another file (an earlier wave) that
            # reads them otherwise is stale here: the file's labels win, and the user is told
            basis = ("basis_value_labels", {})
            code = min(ctx.value_labels[column])
            ctx.notes.append(("codebook_labels_overruled", {
                "column": column, "code": Fixed(code, 0), "file_label": ctx.value_labels[column][code],
                "codebook_label": entry.value_labels.get(code, "–")}))
            coding = coding_from_value_labels(
                column, ctx.value_labels[column], observed=uniques.to_list(),
                user_missing=ctx.missing_ranges.get(column, []), ordinal=ctx.measures.get(column) == "ordinal")
        elif entry is not None and entry.value_labels is not None:
            basis = ("basis_codebook", {})
            if _is_numeric(series):
                # the codebook's codes state the order (low to high); SPSS's declared missing codes still hold
                coding = coding_from_value_labels(column, entry.value_labels, observed=uniques.to_list(),
                                                  user_missing=ctx.missing_ranges.get(column, []), ordinal=True)
            else:
                coding = _codebook_text_coding(column, entry.value_labels, uniques.to_list(), col.dont_know)
        elif column in ctx.value_labels and _is_numeric(series):
            basis = ("basis_value_labels", {})
            coding = coding_from_value_labels(
                column, ctx.value_labels[column], observed=uniques.to_list(),
                user_missing=ctx.missing_ranges.get(column, []), ordinal=ctx.measures.get(column) == "ordinal")
        elif _is_numeric(series) and column in ctx.code_scales:
            basis = ("basis_tool_codes", {"tool": ctx.tool or ""})
            low, high = ctx.code_scales[column]
            coding = coding_from_value_labels(column, {float(v): str(v) for v in range(low, high + 1)},
                                              observed=uniques.to_list(), ordinal=True)
            coding = replace(coding, notes=tuple(n for n in coding.notes if n[0] != "warn_steps_from_values"))
        elif _is_numeric(series) and (named := _named_numbers(column, ctx, uniques)) is not None:
            basis = ("basis_named_range", {"low": named[0], "high": named[1]})
            coding = coding_from_value_labels(column, {float(v): str(v) for v in range(named[0], named[1] + 1)},
                                              observed=uniques.to_list(), ordinal=True)
            # the steps come from the header's words, not from the numbers seen
            coding = replace(coding, notes=tuple(n for n in coding.notes if n[0] != "warn_steps_from_values"))
        elif not _is_numeric(series) and uniques.len() <= MAX_CATEGORIES:
            basis = ("basis_labels", {})
            coding = _match_text_column(column, uniques.to_list(), col.dont_know)
    except SurveyError as err:
        reason = err
    if coding is None:
        return _ScaleVerdict(reason=reason)
    if entry is not None and entry.reverse:
        coding = reversed_coding(coding)
    if basis[0] != "basis_codebook":
        # the scale's own origin when the reader had to work something out, so the Data page can ask
        found = {key for key, _ in coding.notes}
        if "direction_from_codes" in found:
            basis = ("basis_direction_codes", {})
        elif "direction_from_labels" in found:
            basis = ("basis_direction_labels", {})
        elif "warn_steps_from_values" in found:
            basis = ("basis_numbers", {})
        elif coding.scale.name != "codes":
            basis = (basis[0], {**basis[1], "scale": coding.scale.name})  # a basis's own values stay
    if column in ctx.exclude:
        return _ScaleVerdict(skipped=(Skipped(column, "excluded_by_user", {"column": column}),))
    own_set = background_reason(column, ctx.questions.get(column, ""), ctx.value_labels[column],
                                ctx.sharing[_label_set(ctx.value_labels[column])], coding.scale.name != "codes") \
        if entry is None and column in ctx.value_labels else None
    if own_set is not None:  # a characteristic of the respondent (education, age bands), not a question
        return _ScaleVerdict(own_set=own_set)
    if coding.scale.k == 2 and entry is None:
        return _ScaleVerdict(skipped=(Skipped(column, "yes_no_column", {"column": column,
                                                                       "labels": " / ".join(coding.scale.labels)}),))
    return _ScaleVerdict(coding, basis)


_CODE_TEXT = re.compile(r"-?\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class _Pending:
    """Words outside a scale the reader guessed from the answers: the note that asks the user where they
    belong, and the order of the single-choice question that counts every answer until then."""

    note: Note
    entry: CodebookEntry


def _pending_outside(col: _Column, scale: _ScaleVerdict) -> _Pending | None:
    """Detector: a text column whose answers fit a known scale but for some words ("Somewhat satisfied", 7 of
    28, beside a five-point scale without it) is no scale until the user says where the words belong (the
    Data page); until then it is a single-choice question in which every answer counts, its options in the
    scale's order and the words after them. A setup's labels or kind decide instead; a numeric column and codes
    written as text (a stray "9") stay a scale whose caveat counts the answers outside it."""
    entry, coding = col.entry, scale.coding
    if coding is None or _is_numeric(col.series) or (entry is not None and (entry.kind or entry.value_labels)):
        return None
    known = {normalize(k): code for k, code in coding.mapping.items() if isinstance(k, str)}
    values = [v for v in col.uniques.cast(pl.String).to_list() if v.strip()]
    outside = [v for v in values if normalize(v) not in known and not _CODE_TEXT.fullmatch(v.strip())]
    if not outside:  # the usual case: decided from the few distinct answers, the column itself never copied
        return None
    texts = col.series.cast(pl.String)
    steps: dict[int, str] = {}
    for v in values:  # each step in the file's own spelling, in the scale's order
        if 1 <= known.get(normalize(v), 0) <= coding.scale.k:
            steps.setdefault(known[normalize(v)], v)
    order = [steps[code] for code in sorted(steps)] + outside
    note = ("scale_pending", {"column": col.name, "scale": coding.scale.span, "count": int(texts.is_in(outside).sum()),
                              "labels": ", ".join(repr(v) for v in outside), "values": tuple(outside),
                              "steps": tuple(steps[code] for code in sorted(steps))})
    labels = {float(i + 1): v for i, v in enumerate(order)}
    order_entry = replace(entry or CodebookEntry(col.name), kind="choice", value_labels=labels)
    return _Pending(note, order_entry)


def _question(col: _Column, scale: _ScaleVerdict, ctx: _File) -> tuple[Item, np.ndarray | Callable[[], np.ndarray]]:
    """A scale question's item and its codes (or how to make them, with the other columns' on the machine's
    cores), with the notes on answers outside the scale and invisible characters."""
    column, series, entry, profile, category_labels = col.name, col.series, col.entry, col.profile, col.category_labels
    coding, basis = scale.coding, scale.basis
    assert coding is not None
    codes: np.ndarray | Callable[[], np.ndarray]
    if profile is not None and category_labels:
        by_norm = {normalize(k): v for k, v in coding.mapping.items()}
        by_id: dict[object, int] = {i: by_norm.get(normalize(lab), 0)
                                    for i, lab in category_labels.items()
                                    if normalize(lab) in by_norm or not lab.strip()}
        lut, outside_ids = profile.lookup(Coding(coding.scale, coding.other_labels, by_id))
        outside = {category_labels[int(i)]: n for i, n in outside_ids.items()}
        codes = partial(profile.codes, lut)  # made with the others
    elif profile is not None:
        lut, outside = profile.lookup(coding)
        codes = partial(profile.codes, lut)
    else:
        codes, outside = apply_coding(series, coding)
    if not _is_numeric(series):
        raw_texts = category_labels.values() if category_labels else series.drop_nulls().unique().to_list()
        hidden = sum(has_format_chars(str(v)) for v in raw_texts)
        if hidden:
            ctx.notes.append(("format_chars_removed", {"column": column, "count": hidden}))
    if outside:
        key = "codes_outside_scale" if _is_numeric(series) else "labels_outside_scale"
        ctx.notes.append((key, {"column": column, "scale": coding.scale.span,
                                "codes": ", ".join(outside), "labels": ", ".join(repr(v) for v in outside),
                                "count": sum(outside.values())}))
    for key, params in coding.notes:
        ctx.notes.append((key, params))
    question = (entry.question if entry and entry.question else "") or ctx.questions.get(column, "") or column
    theme = entry.theme if entry and entry.theme else ""  # else from the names, after the loop
    labels_of = coding.scale.labels + coding.other_labels
    raw_labels = tuple(sorted((float(raw), labels_of[code - 1]) for raw, code in coding.mapping.items()
                              if isinstance(raw, (int, float)) and code >= 1)) if _is_numeric(series) else ()
    item = Item(column, question, theme, coding.scale, coding.other_labels, entry.asked_to if entry else "",
                bool(entry and entry.reverse), (basis[0], tuple((k, str(v)) for k, v in basis[1].items())), raw_labels)
    return item, codes


@dataclass(frozen=True)
class _Other:
    """A column that is no scale question, as a background column: its values (labels for codes, declared
    missing codes blank), their distinct values as text, and what the setup and the user said."""

    column: _Column
    series: pl.Series
    uniques: pl.Series
    texts: pl.Series
    n_unique: int
    mean_length: float
    labels: Mapping[float, str] | None
    chosen: bool  # the user or the setup made it background


def _background_values(col: _Column, ctx: _File) -> _Other:
    """The column's values as a group or filter shows them, with a note when spellings were merged."""
    column, series = col.name, col.series
    if series.dtype == pl.Categorical:
        series = series.cast(pl.String)
    labels = ctx.value_labels.get(column)
    if labels is None and col.entry is not None and col.entry.kind == "choice" and col.entry.value_labels:
        labels = col.entry.value_labels  # a single-choice question's codes, spelled out by the setup
    if _is_numeric(series) and ctx.missing_ranges.get(column):
        # declared user-missing codes (e.g. 9) are no group or filter value
        as_float = series.cast(pl.Float64)
        is_missing = pl.any_horizontal([as_float.is_between(lo, hi) for lo, hi in ctx.missing_ranges[column]])
        series = pl.select(pl.when(is_missing).then(None).otherwise(series)).to_series().alias(column)
    if labels and _is_numeric(series):
        series = series.cast(pl.Float64).replace_strict(
            list(labels), list(labels.values()), default=series.cast(pl.String), return_dtype=pl.String)
    uniques = series.drop_nulls().unique(maintain_order=True)
    n_unique = uniques.len()
    texts = uniques.cast(pl.String)
    if series.dtype == pl.String and n_unique <= MAX_CATEGORIES:
        # groups are compared by their spelling (lmp_core.base.spelling.group_name): say when
        # two spellings of one name become one group
        folded = {group_name(v) for v in texts.to_list()} - {""}
        merged = n_unique - len(folded) - int(any(not v.strip() for v in texts.to_list()))
        if merged > 0:
            ctx.notes.append(("spellings_merged", {"column": column, "count": merged}))
    chosen = column in ctx.exclude or (col.entry is not None and col.entry.role == "background")
    return _Other(col, series, uniques, texts, n_unique, float(texts.str.len_chars().mean() or 0.0), labels, chosen)


def _id(o: _Other, scale: _ScaleVerdict) -> Skipped | None:
    """Detector: an id column (one short value per row, and at least 20 rows or an id's name)."""
    col = o.column
    if o.n_unique == col.n_non_null and (col.n_non_null >= 20 or _ID_NAME.search(col.name)) and o.mean_length < 40:
        return Skipped(col.name, "id_column", {"column": col.name})
    return None


def _free_text(o: _Other, scale: _ScaleVerdict) -> Skipped | None:
    """Detector: comments (long texts, or more distinct texts than a question has answers)."""
    if o.labels or _is_numeric(o.series):
        return None
    # every answer written once, in a sentence's length (comments), or a survey tool's "other, say which" text
    # (Qualtrics' Q9_4_TEXT, "… - Other - Text")
    each_once = o.n_unique == o.column.n_non_null >= 10 and o.mean_length >= 15
    other_text = o.column.name.endswith("_TEXT") or _OTHER_TEXT.search(o.column.name)
    if o.mean_length > 30 or o.n_unique > MAX_CATEGORIES or each_once or other_text:
        return Skipped(o.column.name, "free_text_column", {"column": o.column.name})
    return None


_OTHER_TEXT = re.compile(r"(other|annet|andre) - text$|please specify\)?$", re.IGNORECASE)


def _own_label_set(o: _Other, scale: _ScaleVerdict) -> Skipped | None:
    """Detector: a characteristic of the respondent with labels of its own (:func:`background_reason`)."""
    return scale.own_set


def _labels_not_understood(o: _Other, scale: _ScaleVerdict) -> Skipped | None:
    """Detector: answers that look like a scale's (known labels, "don't know") that could not be read as one:
    the scale detector's own reason."""
    if scale.reason is not None and any(is_dont_know(v) or _known_label(v) for v in o.texts.to_list()):
        return Skipped(o.column.name, scale.reason.key, scale.reason.params)
    return None


def _is_a_score(o: _Other) -> bool:
    # a score is no group, unless the user said it is one (the Data page's fixes or the setup's role)
    return _is_score(o.series, o.uniques) if not o.labels and not o.chosen else False


def _score(o: _Other, scale: _ScaleVerdict) -> Skipped | None:
    """Detector: a score or measurement (many numbers, or decimals), never a group."""
    if not _is_a_score(o):
        return None
    low, high = float(o.uniques.min()), float(o.uniques.max())
    places = 0 if low.is_integer() and high.is_integer() else 2
    return Skipped(o.column.name, "score_column", {"column": o.column.name, "count": o.n_unique,
                                                   "low": Fixed(low, places), "high": Fixed(high, places)})


def _not_a_scale(o: _Other, scale: _ScaleVerdict) -> Skipped | None:
    """Detector: answers that are no known scale (a group or filter, or a question the setup can name)."""
    if scale.reason is not None and o.n_unique > 1:
        shown = ", ".join(repr(v) for v in o.texts.to_list()[:8]) + (", …" if o.n_unique > 8 else "")
        return Skipped(o.column.name, "not_a_scale", {"column": o.column.name, "labels": shown})
    return None


def _single_value(o: _Other, scale: _ScaleVerdict) -> Skipped | None:
    """Detector: one value in every answered row."""
    return Skipped(o.column.name, "single_value_column", {"column": o.column.name}) if o.n_unique == 1 else None


def _numeric_codes(o: _Other, scale: _ScaleVerdict) -> Skipped | None:
    """Detector: 3 to 11 numeric codes without labels (a scale the codebook can name)."""
    if _is_numeric(o.series) and 3 <= o.n_unique <= 11 and o.labels is None:
        return Skipped(o.column.name, "numeric_without_codebook", {"column": o.column.name})
    return None


def _background(o: _Other, scale: _ScaleVerdict) -> Skipped:
    """Detector, the last: a background column (a group or filter)."""
    return Skipped(o.column.name, "background_column", {"column": o.column.name})


#: What a column that is no scale question is, tried in this order; the last always answers.
OTHER_DETECTORS: tuple[Callable[[_Other, _ScaleVerdict], Skipped | None], ...] = (
    _id, _free_text, _own_label_set, _labels_not_understood, _score, _not_a_scale, _single_value, _numeric_codes,
    _background)


def build_survey(
    frame: pl.DataFrame,
    source: str,
    *,
    codebook: Mapping[str, CodebookEntry] | None = None,
    value_labels: Mapping[str, Mapping[float, str]] | None = None,
    missing_ranges: Mapping[str, list[tuple[float, float]]] | None = None,
    measures: Mapping[str, str] | None = None,
    questions: Mapping[str, str] | None = None,
    notes: tuple[Note, ...] = (),
    dont_know: frozenset[str] = frozenset(),
    exclude: frozenset[str] = frozenset(),
) -> Survey:
    """Classify the columns of ``frame`` and code the answers of every question.

    ``dont_know`` names extra answer texts to treat as "don't know" (normalised); ``exclude``
    names question columns the user took out (they stay as background columns).
    """
    dont_know = frozenset(normalize(w) for w in dont_know)
    codebook = codebook or {}
    value_labels = value_labels or {}
    missing_ranges = missing_ranges or {}
    measures = measures or {}
    questions = questions or {}
    all_notes: list[Note] = list(notes)
    n = frame.height
    if n == 0:
        raise SurveyError("header_only", file=source)
    check_cells(frame, source)
    frame = _questback_missing(frame, all_notes)
    for column in codebook:
        if column not in frame.columns and not codebook[column].coding:  # a code's row names no column
            all_notes.append(("codebook_missing_column", {"column": column, "file": source}))
    items: list[Item] = []
    arrays: list[np.ndarray | Callable[[], np.ndarray]] = []  # a question's codes, or how to make them
    skipped: list[Skipped] = []
    background: dict[str, pl.Series] = {}
    text_columns: list[str] = []
    groups: list[str] = []
    id_column: str | None = None
    pending_ambiguous: list[int] = []
    pending_choices: dict[str, CodebookEntry] = {}
    metadata: dict[str, list[str]] = {}
    sharing = _label_sets(value_labels)
    raw_columns: list[tuple[pl.Series, Coding]] = []
    # the profiles of the integer columns and of the categories' ids (a pass over each) on the machine's cores
    counted = [c for c, dtype in frame.schema.items() if dtype.is_integer() or dtype == pl.Categorical]
    profiles = dict(zip(counted, each(lambda c: IntProfile.of(frame[c].to_physical()), counted,
                                      cells=n * len(counted))))
    tool = recognise_tool(frame.columns, notes)
    ctx = _File(value_labels, missing_ranges, measures, questions, dont_know, exclude, sharing, all_notes, tool,
                tool_code_scales(frame, codebook, value_labels, all_notes) if tool else {})
    for column in frame.columns:
        col = _facts(frame[column], profiles.get(column), codebook.get(column), dont_know)
        # the detectors, in order: nothing to read, the setup's "ignore", a question on a scale; then, for a
        # column that is no scale, what else it is (id, free text, background of its own kind, score, …); the
        # single-choice, multiple-response and number questions are found among the background columns after
        # the loop (lmp_core.setup.kinds), where a set of columns can be seen together
        verdict = _nothing_to_read(col) or _ignored_by_setup(col) or _metadata(col, ctx)
        if verdict is not None:
            skipped.append(verdict)
            if verdict.key.startswith("metadata_"):
                role = verdict.key.removeprefix("metadata_")
                metadata.setdefault(role, []).append(column)
                if role in PRIVATE_ROLES:
                    all_notes.append((f"private_{role}", {"column": column}))
                else:  # kept for completion and data-quality checks, never a group
                    background[column] = _as_read(col.series)
            elif verdict.key == "id_column":
                id_column = id_column or column
                background[column] = _as_read(col.series)
            continue
        scale = _scale(col, ctx)
        pending = _pending_outside(col, scale)
        if pending is not None:  # a single-choice question until the user places the words outside the scale
            all_notes.append(pending.note)
            pending_choices[column] = pending.entry
            scale = _ScaleVerdict()
        if scale.coding is not None:
            if any(key == "ambiguous_scale" for key, _ in scale.coding.notes):
                pending_ambiguous.append(len(items))
            item, codes = _question(col, scale, ctx)
            items.append(item)
            arrays.append(codes)
            raw_columns.append((col.series, scale.coding))
            continue
        skipped.extend(scale.skipped)
        other = _background_values(col, ctx)
        verdict = next(v for detect in OTHER_DETECTORS if (v := detect(other, scale)) is not None)
        skipped.append(verdict)
        if verdict.key == "id_column":
            id_column = id_column or column
        elif verdict.key == "free_text_column":
            text_columns.append(column)
        elif 1 < other.n_unique <= MAX_GROUPS and not _is_a_score(other):
            groups.append(column)
        background[column] = other.series
    _settle_ambiguous(items, arrays, raw_columns, pending_ambiguous, all_notes)
    kinds = detect_kinds(background, skipped, text_columns=text_columns, questions=questions,
                         codebook={**codebook, **pending_choices},
                         n_rows=n, tool=tool, measured=_written_with_decimals(frame) if tool else frozenset(),
                         label_sets={c: _label_set(labels) for c, labels in value_labels.items() if c in background})
    all_notes.extend(kinds.notes)
    for column in pending_choices:  # the reason the setup table gives: a decision the user has still to make
        if column in kinds.reasons:
            kinds.reasons[column] = ("kind_choice_pending", {"column": column})
    kinds.others[:] = [replace(it, basis=("kind_choice_pending", ())) if it.column in pending_choices else it
                       for it in kinds.others]
    named = name_themes([it.column for it in items if not it.theme])
    items = [replace(it, theme=named[it.column]) if not it.theme else it for it in items]
    # a question of another kind takes a theme from its name only when another question shares it
    # (kunnskap_deltok beside kunnskap_mobbing); otherwise it has none and goes with the other questions
    shared = name_themes([it.column for it in (*items, *kinds.others, *kinds.numbers)])
    sizes = Counter(shared.values())

    def themed(it: Item) -> Item:
        if it.theme or it.set_name or sizes[shared[it.column]] < 2:
            return it
        return replace(it, theme=shared[it.column])

    others, numbers = tuple(map(themed, kinds.others)), tuple(map(themed, kinds.numbers))
    if not items and not others and not numbers:  # a file of choice, yes/no or number questions is a survey too
        detail = Sentences([(s.key, s.params) for s in skipped[:5]
                            if s.key in ("unknown_labels", "numeric_without_codebook")])
        raise SurveyError("no_items", file=source, detail=detail)
    _say_tool(frame.columns, all_notes, len(notes), source, metadata, len(items) + len({it.set_name or it.column for it in others})
              + len(numbers))
    codes = np.zeros((n, len(items)), dtype=np.int8, order="F")

    def fill(j: int) -> None:
        made = arrays[j]
        codes[:, j] = made() if callable(made) else made

    each(fill, range(len(arrays)), cells=n * len(arrays))
    text_themes = tuple((c, codebook[c].theme) for c in text_columns if c in codebook and codebook[c].theme)
    # a comment column read as a multiple-response list is a question, not a comment
    text_columns = [c for c in text_columns if c not in kinds.reasons]
    return Survey(source=source, items=tuple(items), codes=codes, frame=pl.DataFrame(background),
                  text_columns=tuple(text_columns), group_candidates=tuple(groups), id_column=id_column,
                  skipped=tuple(skipped), notes=tuple(all_notes), text_themes=text_themes, others=others,
                  other_codes=np.column_stack(kinds.other_codes) if kinds.other_codes else None,
                  numbers=numbers,
                  number_values=np.column_stack(kinds.number_values) if kinds.number_values else None,
                  metadata={role: tuple(columns) for role, columns in metadata.items()})


def _known_label(value: object) -> bool:
    """True when a text is a label of some known scale (a hint the column was meant as a question)."""
    return normalize(value) in KNOWN_LABEL_WORDS
