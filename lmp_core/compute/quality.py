"""Data quality: flags for speeders, straight-liners, duplicates, break-offs and item non-response.

Flags never delete. :func:`quality` flags respondents; :func:`apply_choice` gives the survey the user chose to
analyse (the flagged respondents of the chosen checks left out, with a note every view shows); the whole file
stays. The checks and their defaults (sources in ``../shared/notes/question-kinds-text-quality.md`` § 3):

- ``speeding``: completion time below ``speed_ratio`` × the median completion time (default ½, mktginc.com's
  rule). Time from a duration column (seconds; milliseconds for Nettskjema's ``$answer_time_ms``) or from start
  and end times. The median is over every respondent with a time; a blank, unreadable or negative time
  (Questback writes −1 after a break) is no time and never flagged.
- ``straightlining``: the longstring (Johnson 2005; R ``careless::longstring``), the longest run of one answer
  in a grid (the scale questions of one theme, in file order), as a share of the grid's questions; flagged when
  the share reaches ``longstring_share`` (default 1: the whole grid) in any grid of at least ``min_grid``
  questions (default 6). The answers are the codes as clicked (a reverse-keyed question is not turned round);
  a blank or "don't know" breaks a run.
- ``low_variability``: the intra-individual response variability (IRV, Dunn et al. 2018; ``careless::irv``),
  the standard deviation (n − 1) of a respondent's scores across a grid, blanks and "don't know" left out;
  flagged when below ``irv_below`` in any grid of at least ``min_grid`` questions with at least two scores.
  The default 0 flags nobody: the careless vignette gives no rule of thumb, so the user sets one.
- ``nonresponse``: the share of the questions the respondent was asked that were left blank, above
  ``nonresponse_share`` (default ½; our choice). Asked = the questions up to and including the respondent's last
  answered one, in the order of the scale questions (file order) and then the questions of other kinds (each
  multiple-response option one): questions after a break-off are the break-off's, not non-response. A
  respondent who answered nothing is a break-off, not a non-responder. Metadata columns are no questions.
- ``duplicate_answers``: the same answers to every question (scale and other kinds, blanks included) as an
  earlier respondent who answered at least ``duplicate_min_answered`` questions (default 10, our choice: with
  few questions identical answers happen by chance). The first passes and later copies are flagged, as
  QuestionPro does.
- ``duplicate_id``: a respondent id seen on an earlier row (the id column the reader found).
- ``breakoff``: stopped before the end: ``Finished`` false (Qualtrics), ``lastpage`` below the highest
  (LimeSurvey); with neither column, the last answered question (in the order above) comes before the last
  question that at least half of the respondents answered (so an optional last question does not flag everyone).

The metadata columns are found in one place, :func:`quality_columns`, by name and content.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace

import numpy as np
import pandas as pd
import polars as pl

from lmp_core.base.errors import SurveyError
from lmp_core.base.fmt import Sentences
from lmp_core.compute.fieldwork import ID_NAMES
from lmp_core.counting.disclosure import small
from lmp_core.setup.survey import Note, Survey

#: The metadata columns a user may choose (:func:`quality_columns`), by their key in the setup's ``quality`` cell
COLUMN_KEYS = ("duration", "start", "end", "finished", "lastpage", "id")
#: The checks, in the order the Data page shows them.
CHECKS = ("speeding", "straightlining", "low_variability", "nonresponse", "duplicate_answers", "duplicate_id",
          "breakoff")


@dataclass(frozen=True)
class Thresholds:
    """Each check's threshold, with its source's default (see the module's docstring)."""

    speed_ratio: float = 0.5
    min_grid: int = 6
    longstring_share: float = 1.0
    irv_below: float = 0.0
    nonresponse_share: float = 0.5
    duplicate_min_answered: int = 10

    def __post_init__(self) -> None:
        for name, low, high in (("speed_ratio", 0.0, 1.0), ("longstring_share", 0.0, 1.0),
                                ("nonresponse_share", 0.0, 1.0), ("irv_below", 0.0, 100.0),
                                ("min_grid", 2, 1000), ("duplicate_min_answered", 1, 100_000)):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or not low <= value <= high:
                raise SurveyError("quality_bad_threshold", name=name, value=value, low=low, high=high)

    def to_dict(self) -> dict[str, float]:
        """The thresholds by name."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class QualityColumns:
    """The metadata columns the checks use (None: the file has none). ``duration_scale`` turns the duration
    column into seconds (1, or 0.001 for milliseconds)."""

    duration: str | None = None
    duration_scale: float = 1.0
    start: str | None = None
    end: str | None = None
    finished: str | None = None
    lastpage: str | None = None
    id: str | None = None


#: Duration column names (normalised: lower case, single spaces) and their unit in seconds
_DURATION_NAMES = {"duration (in seconds)": 1.0, "dauer (in sekunden)": 1.0, "duration": 1.0, "tid brukt": 1.0,
                   "tid brukt (sekunder)": 1.0, "varighet": 1.0, "interviewtime": 1.0, "$answer_time_ms": 0.001,
                   "answer_time_ms": 0.001, "duration_ms": 0.001}
_START_NAMES = ("startdate", "start date", "start time", "starttid", "starttidspunkt", "started", "startet",
                "datestamp_start", "anfangsdatum")
_END_NAMES = ("enddate", "end date", "completion time", "end time", "sluttid", "submitdate", "date submitted",
              "fullført tidspunkt", "fullført", "enddatum")
_FINISHED_NAMES = ("finished", "beendet", "fullført (ja/nei)", "completed")
_LASTPAGE_NAMES = ("lastpage", "last page", "siste side")
_MORE_ID_NAMES = ("$submission_id", "submission_id", "respid", "respondent", "lfdn", "response id")
_FALSE_WORDS = frozenset({"0", "false", "nei", "no", "usann", "falsch"})
_TRUE_WORDS = frozenset({"1", "true", "ja", "yes", "sann", "wahr"})


def _normal(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().lower())


def quality_columns(survey: Survey, **chosen: str | None) -> QualityColumns:
    """The metadata columns of ``survey`` the checks need, found by name and content, or as the user chose
    (``duration=``, ``start=``, ``end=``, ``finished=``, ``lastpage=``; a chosen column must exist).

    A duration column must hold numbers; start and end columns times that :func:`lmp_core.compute.fieldwork.parse_times`
    reads for at least half of the filled rows; a finished column only yes/no words or 0/1.
    """
    frame = survey.background
    by_name = {_normal(c): c for c in frame.columns}
    for column in chosen.values():
        if column is not None and column not in frame.columns:
            raise SurveyError("quality_unknown_column", column=column, choices=", ".join(frame.columns))
    # an id by its name first: the reader's id is any column of unique values (a start time), and an id column
    # with a duplicate, the very thing to find, is no id to the reader
    found: dict[str, object] = {"id": next((by_name[n] for n in (*ID_NAMES, *_MORE_ID_NAMES) if n in by_name),
                                           survey.id_column)}
    for name, scale in _DURATION_NAMES.items():
        column = by_name.get(name)
        if column is not None and pd.to_numeric(frame[column], errors="coerce").notna().any():  # holds numbers
            found.update(duration=column, duration_scale=scale)
            break
    for key, names in (("start", _START_NAMES), ("end", _END_NAMES)):
        column = next((by_name[n] for n in names if n in by_name and _are_times(frame[by_name[n]])), None)
        found[key] = column
    found["finished"] = next((by_name[n] for n in _FINISHED_NAMES if n in by_name
                              and _are_yes_no(frame[by_name[n]])), None)
    found["lastpage"] = next((by_name[n] for n in _LASTPAGE_NAMES if n in by_name
                              and pd.to_numeric(frame[by_name[n]], errors="coerce").notna().any()), None)
    for key, column in chosen.items():
        if column is not None:
            found[key] = column
            if key == "duration":
                found["duration_scale"] = _DURATION_NAMES.get(_normal(column), 1.0)
    return QualityColumns(**found)  # type: ignore[arg-type]


def _are_times(values: pd.Series) -> bool:
    from lmp_core.compute.fieldwork import parse_times

    filled = values.dropna().head(500)  # the first filled rows tell whether a column holds times
    if filled.empty:
        return False
    times, _ = parse_times(filled.astype(str))
    return bool(times.notna().mean() >= 0.5)


def _are_yes_no(values: pd.Series) -> bool:
    words = {str(v).strip().lower().removesuffix(".0") for v in values.dropna().unique()}
    return bool(words) and words <= (_FALSE_WORDS | _TRUE_WORDS)


def longstring(values: np.ndarray) -> np.ndarray:
    """The longest run of one answer per row (R ``careless::longstring``): ``values`` is respondents × questions,
    NaN for no answer. A NaN breaks a run and is no run of its own; a row of NaN has 0.

    >>> longstring(np.array([[1, 1, 2, 2, 2], [3, np.nan, 3, 3, np.nan], [np.nan] * 5]))
    array([3, 2, 0])
    """
    values = np.asarray(values, dtype=float)
    return _longest_runs(values, ~np.isnan(values))


def _longest_runs(values: np.ndarray, given: np.ndarray) -> np.ndarray:
    """Per row, the longest run of equal ``values`` in the cells where ``given`` is true, column by column (a
    column of a Fortran-ordered matrix is contiguous)."""
    run = given[:, 0].astype(np.int64) if values.shape[1] else np.zeros(values.shape[0], dtype=np.int64)
    longest = run.copy()
    for j in range(1, values.shape[1]):
        same = given[:, j] & given[:, j - 1] & (values[:, j] == values[:, j - 1])
        run = np.where(same, run + 1, given[:, j])
        np.maximum(longest, run, out=longest)
    return longest


#: Rows per block of :func:`irv`'s arithmetic (its temporaries stay a few megabytes)
BLOCK = 16_384


def irv(values: np.ndarray, *, block: int = BLOCK) -> np.ndarray:
    """Intra-individual response variability per row (R ``careless::irv``): the standard deviation with n − 1 of
    the row's values, NaN left out; NaN for a row with fewer than two values.

    >>> irv(np.array([[3.0] * 4, [1, 2, 3, np.nan], [1, np.nan, np.nan, np.nan]])).tolist()
    [0.0, 1.0, nan]
    """
    values = np.asarray(values, dtype=float)
    return _row_sd(values, ~np.isnan(values), block)


def _row_sd(values: np.ndarray, given: np.ndarray, block: int) -> np.ndarray:
    """:func:`irv` of the cells where ``given`` is true, ``block`` rows at a time, with ``numpy.nanstd``'s own
    arithmetic (the mean Σx/n, then Σ(x − mean)² / (n − 1) summed along each row of a C-ordered copy, the
    square root), so every bit is the one ``nanstd`` gives; NaN where fewer than two cells are given."""
    out = np.full(values.shape[0], np.nan)
    for start in range(0, values.shape[0], block):
        rows = slice(start, start + block)
        has = given[rows]
        n = has.sum(axis=1, dtype=np.intp)
        cells = values[rows].astype(np.float64, order="C")
        np.copyto(cells, 0.0, where=~has)
        with np.errstate(invalid="ignore", divide="ignore"):
            cells -= cells.sum(axis=1, keepdims=True) / n[:, None]
            np.copyto(cells, 0.0, where=~has)
            cells *= cells
            var = cells.sum(axis=1) / (n - 1)
        ok = n >= 2
        out[rows][ok] = np.sqrt(var[ok])
    return out


def grids(survey: Survey, min_grid: int) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The grids of rating questions: the scale questions of each theme (file order), of at least ``min_grid``."""
    themes: dict[str, list[str]] = {}
    for item in survey.items:
        if item.kind == "scale" and item.theme:
            themes.setdefault(item.theme, []).append(item.column)
    return tuple((theme, tuple(columns)) for theme, columns in themes.items() if len(columns) >= min_grid)


@dataclass(frozen=True, eq=False)
class Quality:
    """Each respondent's flags and indices (one entry per row of the survey; NaN where an index has no value).

    ``flags`` maps each check of :data:`CHECKS` to a boolean array; ``available`` names the checks the file
    allows (speeding needs a time, duplicate ids an id column, the grid checks a grid of ``min_grid``).
    """

    n_rows: int
    thresholds: Thresholds
    columns: QualityColumns
    grids: tuple[tuple[str, tuple[str, ...]], ...]
    flags: Mapping[str, np.ndarray]
    available: tuple[str, ...]
    seconds: np.ndarray
    median_seconds: float | None
    longstring_share: np.ndarray
    irv: np.ndarray
    nonresponse: np.ndarray
    notes: tuple[Note, ...] = ()

    def count(self, check: str) -> int:
        """How many respondents ``check`` flags."""
        return int(self.flags[check].sum())

    def flagged(self, checks: Sequence[str]) -> np.ndarray:
        """True for each respondent flagged by any of ``checks``."""
        out = np.zeros(self.n_rows, dtype=bool)
        for check in checks:
            out |= self.flags[check]
        return out

    @property
    def flag_counts(self) -> np.ndarray:
        """How many checks flag each respondent."""
        return np.sum([self.flags[c] for c in CHECKS], axis=0).astype(int) if self.n_rows else np.zeros(0, int)

    def at_least(self, k: int) -> int:
        """How many respondents at least ``k`` checks flag (the ``nFlags`` of R ``ufs::carelessReport``)."""
        return int((self.flag_counts >= k).sum())

    def to_dict(self) -> dict:
        """The JSON form: counts per check, never a respondent's row."""
        return {"respondents": self.n_rows,
                "checks": {c: {"flagged": self.count(c), "available": c in self.available} for c in CHECKS},
                "any": self.at_least(1), "at_least_two": self.at_least(2),
                "median_seconds": self.median_seconds, "thresholds": self.thresholds.to_dict(),
                "columns": {f.name: getattr(self.columns, f.name) for f in fields(self.columns)},
                "grids": [{"theme": t, "questions": len(cs)} for t, cs in self.grids]}


def _seconds(survey: Survey, columns: QualityColumns) -> np.ndarray:
    """Each respondent's completion time in seconds (NaN: none, unreadable or negative)."""
    frame = survey.background
    if columns.duration is not None:
        seconds = pd.to_numeric(frame[columns.duration], errors="coerce").to_numpy(dtype=float)
        seconds = seconds * columns.duration_scale
    elif columns.start is not None and columns.end is not None:
        from lmp_core.compute.fieldwork import parse_times

        start, _ = parse_times(frame[columns.start].astype("string"))
        end, _ = parse_times(frame[columns.end].astype("string"))
        seconds = (end - start).dt.total_seconds().to_numpy(dtype=float)
    else:
        return np.full(survey.n_rows, np.nan)
    return np.where(seconds >= 0, seconds, np.nan)


def _grid_indices(survey: Survey, found: Sequence[tuple[str, tuple[str, ...]]]) -> tuple[np.ndarray, np.ndarray]:
    """Per respondent, the highest longstring share and the lowest IRV over the grids (NaN: no value), from the
    codes as they are (0 = no answer)."""
    share = np.full(survey.n_rows, np.nan)
    lowest = np.full(survey.n_rows, np.nan)
    for _, columns in found:
        positions = [survey.item_index(c) for c in columns]
        codes = survey.codes[:, positions]  # a copy
        ks = np.array([survey.items[j].scale.k for j in positions])
        codes[codes > ks] = 0  # blank and "don't know" are no answer on the grid
        given = codes != 0
        runs = np.where(given.any(axis=1), _longest_runs(codes, given) / len(columns), np.nan)
        share = np.fmax(share, runs)
        lowest = np.fmin(lowest, _row_sd(codes, given, BLOCK))
    return share, lowest


def _metadata(columns: QualityColumns) -> set[str]:
    return {c for c in (columns.duration, columns.start, columns.end, columns.finished, columns.lastpage, columns.id)
            if c}


def _answer_parts(survey: Survey, columns: QualityColumns) -> list[np.ndarray]:
    """The scale and choice questions' codes (respondents × questions, 0 = blank), metadata columns left out
    (a 0/1 ``Finished`` may be read as a yes/no question): the scale questions' matrix, then the others'."""
    parts = [survey.codes]
    if survey.other_codes is not None:
        meta = _metadata(columns)
        keep = [j for j, it in enumerate(survey.others) if it.column not in meta]
        parts.append(survey.other_codes[:, keep])
    return parts


def _asked_and_last(survey: Survey, columns: QualityColumns) -> tuple[np.ndarray, np.ndarray, int]:
    """How many questions each respondent answered, each respondent's last answered position (−1: none) and the
    last position that at least half of the respondents answered (positions in :func:`_answer_parts`' order)."""
    given = np.hstack([part > 0 for part in _answer_parts(survey, columns)])
    last = np.full(survey.n_rows, -1, dtype=np.int64)
    for j in range(given.shape[1]):
        last[given[:, j]] = j
    common = np.flatnonzero(given.mean(axis=0) >= 0.5) if survey.n_rows else np.zeros(0, int)
    return given.sum(axis=1), last, int(common.max()) if common.size else -1


def _breakoff(survey: Survey, columns: QualityColumns, last: np.ndarray, end: int) -> np.ndarray:
    """Stopped before the end (see the module's docstring for the three rules)."""
    frame = survey.background
    if columns.finished is not None:
        words = frame[columns.finished].astype("string").str.strip().str.lower().str.removesuffix(".0")
        return words.isin(list(_FALSE_WORDS)).to_numpy(dtype=bool, na_value=False)
    if columns.lastpage is not None:
        pages = pd.to_numeric(frame[columns.lastpage], errors="coerce")
        return (pages < pages.max()).to_numpy(dtype=bool, na_value=False)
    return last < end


def _duplicates(survey: Survey, thresholds: Thresholds, columns: QualityColumns,
                answered: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Later copies of an earlier respondent's answers (of those who answered enough, ``answered`` counting the
    coded questions), and later rows of an id seen before."""
    parts = _answer_parts(survey, columns)
    if survey.number_values is not None:
        meta = _metadata(columns)
        keep = [j for j, it in enumerate(survey.numbers) if it.column not in meta]
        numbers = survey.number_values[:, keep]
        # a blank is a value of its own, equal to another blank; + 0.0 makes −0.0 the 0.0 it equals
        parts.append(np.nan_to_num(numbers, nan=-1e300) + 0.0)
        answered = answered + np.isfinite(numbers).sum(axis=1)
    copies = repeated_rows(parts) & (answered >= thresholds.duplicate_min_answered)
    if columns.id is None:
        return copies, np.zeros(survey.n_rows, dtype=bool)
    return copies, _repeated_ids(survey, columns.id)


def repeated_rows(parts: Sequence[np.ndarray]) -> np.ndarray:
    """True for each row equal to an earlier row in every column of ``parts`` (matrices side by side; equal values
    are equal bytes, so no NaN or −0.0): pandas' ``DataFrame.duplicated(keep="first")``. Each row's bytes are
    hashed to 64 bits, and each row whose hash came before is compared with the first row of that hash; if two
    different rows share a hash, pandas compares the rows.

    >>> repeated_rows([np.array([[1, 2], [3, 4], [1, 2], [1, 3]], dtype=np.int8)]).tolist()
    [False, False, True, False]
    """
    n = parts[0].shape[0]
    raw = np.hstack([np.ascontiguousarray(p).view(np.uint8).reshape(n, -1) for p in parts])
    words = np.hstack([raw, np.zeros((n, -raw.shape[1] % 8), np.uint8)]).view(np.uint64)
    ids, _ = pd.factorize(row_hash(words))  # numbered in order of first appearance
    seen = np.maximum.accumulate(ids)
    first = np.ones(n, dtype=bool)
    first[1:] = ids[1:] > seen[:-1]
    later = np.flatnonzero(~first)
    if (words[later] == words[np.flatnonzero(first)[ids[later]]]).all():
        return ~first
    return pd.DataFrame(words).duplicated(keep="first").to_numpy()  # a collision


def row_hash(words: np.ndarray) -> np.ndarray:
    """A 64-bit hash of each row of ``words`` (unsigned 64-bit), pandas' ``hash_array`` chained over the columns."""
    out = np.zeros(words.shape[0], dtype=np.uint64)
    for j in range(words.shape[1]):
        out = pd.util.hash_array(out ^ words[:, j])
    return out


def _repeated_ids(survey: Survey, column: str) -> np.ndarray:
    """Later rows of an id seen before: the id as text without white space around it (pandas'
    ``astype("string").str.strip()``, that is pyarrow's ``utf8_trim_whitespace``); a blank or empty id is no id.
    Whole numbers and text are compared in polars; a column of another type as pandas does."""
    values = survey.frame[column]
    if values.dtype.is_integer() and (not values.null_count() or int(values.abs().max() or 0) <= 2 ** 53):
        # pandas holds a whole-number column with blanks as floats, exact up to 2⁵³
        ids = values
    elif values.dtype == pl.String:
        import pyarrow.compute as pc

        ids = pl.Series(pc.utf8_trim_whitespace(values.to_arrow()))
    else:
        text = survey.background[column].astype("string").str.strip()
        return (text.duplicated(keep="first") & text.notna() & (text != "")).to_numpy(dtype=bool)
    repeated = ~ids.is_first_distinct() & ids.is_not_null()
    if ids.dtype == pl.String:
        repeated &= ids != ""
    return repeated.to_numpy()


def quality(survey: Survey, thresholds: Thresholds | None = None, *,
            columns: QualityColumns | None = None) -> Quality:
    """Every check of :data:`CHECKS` on ``survey`` (see the module's docstring for each rule and its
    missing-value rule). ``columns``: the metadata columns (default :func:`quality_columns`).

    >>> from lmp_core.load import read_file
    >>> rows = "id,q1,q2\\n1,I stor grad,I liten grad\\n1,I stor grad,I liten grad\\n2,I liten grad,\\n"
    >>> found = quality(read_file(rows.encode(), "x.csv"), Thresholds(duplicate_min_answered=2))
    >>> found.count("duplicate_id"), found.count("duplicate_answers"), found.count("breakoff")
    (1, 1, 1)
    """
    thresholds = thresholds or Thresholds()
    columns = columns or quality_columns(survey)
    seconds = _seconds(survey, columns)
    timed = np.isfinite(seconds)
    median = float(np.median(seconds[timed])) if timed.any() else None
    speeding = timed & (seconds < thresholds.speed_ratio * median) if median is not None else np.zeros_like(timed)
    found = grids(survey, thresholds.min_grid)
    share, lowest = _grid_indices(survey, found)
    answered, last, end = _asked_and_last(survey, columns)
    with np.errstate(invalid="ignore", divide="ignore"):  # every answer is asked: blanks = asked − answered
        blank = np.where(last >= 0, (last + 1 - answered) / (last + 1), np.nan)
    copies, same_id = _duplicates(survey, thresholds, columns, answered)
    flags = {"speeding": speeding,
             "straightlining": np.nan_to_num(share, nan=0.0) >= thresholds.longstring_share - 1e-12,
             "low_variability": np.nan_to_num(lowest, nan=np.inf) < thresholds.irv_below,
             "nonresponse": np.nan_to_num(blank, nan=0.0) > thresholds.nonresponse_share,
             "duplicate_answers": copies, "duplicate_id": same_id,
             "breakoff": _breakoff(survey, columns, last, end)}
    if not found:  # no grid: no run or variability to judge
        flags["straightlining"] = flags["low_variability"] = np.zeros(survey.n_rows, dtype=bool)
    available = tuple(c for c in CHECKS if not (
        (c == "speeding" and median is None) or (c in ("straightlining", "low_variability") and not found)
        or (c == "duplicate_id" and columns.id is None)))
    notes: tuple[Note, ...] = tuple(("quality_unavailable_" + c, {"min_grid": thresholds.min_grid})
                                    for c in ("speeding", "straightlining") if c not in available)
    return Quality(survey.n_rows, thresholds, columns, found, flags, available, seconds, median, share, lowest,
                   blank, notes)


@dataclass(frozen=True)
class QualityChoice:
    """The setup's decision: leave out the respondents flagged by ``leave_out`` (none: keep everyone), with
    ``thresholds``. Saved with the setup as one text (:meth:`spec`), e.g. ``speeding;breakoff;speed_ratio=0.4``.

    >>> QualityChoice.parse("speeding;breakoff;speed_ratio=0.4").spec()
    'speeding;breakoff;speed_ratio=0.4'
    """

    leave_out: tuple[str, ...] = ()
    thresholds: Thresholds = field(default_factory=Thresholds)
    #: metadata columns the user chose, as (:data:`COLUMN_KEYS` key, column) pairs; the others are found
    columns: tuple[tuple[str, str], ...] = ()

    def spec(self) -> str:
        """The choice as the setup file's ``quality`` cell (thresholds only where they differ from the default;
        chosen columns as ``duration=Tid brukt``)."""
        default = Thresholds()
        changed = [f"{f.name}={getattr(self.thresholds, f.name):g}" for f in fields(Thresholds)
                   if getattr(self.thresholds, f.name) != getattr(default, f.name)]
        return ";".join([*self.leave_out, *changed, *(f"{key}={column}" for key, column in self.columns)])

    @classmethod
    def parse(cls, spec: str, *, file: str = "") -> QualityChoice:
        """A choice from its :meth:`spec`; :class:`SurveyError` names an unknown check or threshold."""
        checks: list[str] = []
        values: dict[str, float] = {}
        columns: dict[str, str] = {}
        names = {f.name: f.type for f in fields(Thresholds)}
        for part in (p.strip() for p in spec.split(";")):
            if not part:
                continue
            name, _, value = (s.strip() for s in part.partition("="))
            if not value and name in CHECKS:
                checks.append(name)
            elif value and name in COLUMN_KEYS:
                columns[name] = value
            elif value and name in names:
                try:
                    number = float(value.replace(",", "."))
                except ValueError:
                    raise SurveyError("quality_bad_spec", file=file, value=part, known=", ".join(
                        [*CHECKS, *names])) from None
                values[name] = int(number) if names[name] in ("int", int) else number
            else:
                raise SurveyError("quality_bad_spec", file=file, value=part, known=", ".join([*CHECKS, *names]))
        return cls(tuple(dict.fromkeys(checks)), replace(Thresholds(), **values), tuple(columns.items()))


@dataclass(frozen=True, eq=False)
class Chosen:
    """The survey to analyse under a :class:`QualityChoice`: ``survey`` without the flagged respondents (the
    whole file when nothing is left out), how many were left out and why (``notes``, which every view shows)."""

    survey: Survey
    quality: Quality
    left_out: int
    notes: tuple[Note, ...] = ()
    #: the smallest group size and the protected grouping columns the choice was applied with
    min_group_size: int = 0
    groupings: tuple[str, ...] = ()

    @property
    def protection(self) -> tuple[int, tuple[str, ...]]:
        """The minimum group size and protected grouping columns the choice was applied under."""
        return self.min_group_size, self.groupings


def apply_choice(survey: Survey, choice: QualityChoice, *, min_group_size: int,
                 groupings: Sequence[str] = ()) -> Chosen:
    """Leave out the respondents flagged by the choice's checks.

    Never fewer than ``min_group_size``, in all and in any group of the protected ``groupings`` (each
    combination of their values, blank being a value), nor fewer answers to any question among them: a view with
    them could be subtracted from a view without them and show their answers, so then nobody is left out and the
    note says why. A group made of several combinations then loses none or at least the minimum too.
    """
    found = quality(survey, choice.thresholds, columns=quality_columns(survey, **dict(choice.columns)))
    done = {"min_group_size": min_group_size, "groupings": tuple(groupings)}
    if not choice.leave_out:
        return Chosen(survey, found, 0, **done)
    unknown = [c for c in choice.leave_out if c not in CHECKS]
    if unknown:
        raise SurveyError("quality_bad_spec", file=survey.source, value=", ".join(unknown), known=", ".join(CHECKS))
    out = found.flagged(choice.leave_out)
    n = int(out.sum())
    if small(n, min_group_size):
        return Chosen(survey, found, 0, (("quality_too_few", {"n": n, "min_n": min_group_size}),), **done)
    if n == 0:
        return Chosen(survey, found, 0, (("quality_none_left_out", {}),), **done)
    if _few_in_a_group(survey, out, groupings, min_group_size):
        return Chosen(survey, found, 0, (("quality_too_few_in_group", {"min_n": min_group_size,
                                                                       "columns": ", ".join(groupings) or "–"}),), **done)
    note: Note = ("warn_quality_left_out", {"n": n, "checks": Sentences([("quality_list_" + c, {})
                                                                          for c in choice.leave_out])})
    return Chosen(without_rows(survey, out, (note,)), found, n, (note,), **done)


def _few_in_a_group(survey: Survey, out: np.ndarray, groupings: Sequence[str], min_group_size: int) -> bool:
    """Whether a combination of the grouping columns' values (the whole sample without any) holds between 1 and
    ``min_group_size`` − 1 of the respondents to leave out, or of those of them who answered a question, or gave
    it a substantive answer (the rule :mod:`lmp_core.counting.disclosure` applies to a group's answers)."""
    if groupings:
        cells = pd.DataFrame({c: survey.values_of(c).astype("string").fillna("").to_numpy()[out] for c in groupings})
        cell = cells.groupby(list(groupings), sort=False).ngroup().to_numpy()
    else:
        cell = np.zeros(int(out.sum()), dtype=np.int64)
    counts = [np.ones(cell.size, dtype=bool)]
    for codes, items in ((survey.codes, survey.items), (survey.other_codes, survey.others)):
        if codes is None:
            continue
        ks = np.array([it.scale.k for it in items])
        left = codes[out]
        counts += [*(left > 0).T, *((left > 0) & (left <= ks)).T]
    if survey.number_values is not None:
        counts += list(np.isfinite(survey.number_values[out]).T)
    for has in counts:
        sizes = np.bincount(cell[has], minlength=int(cell.max(initial=-1)) + 1)
        if small(sizes, min_group_size).any():
            return True
    return False


def without_rows(survey: Survey, rows: np.ndarray, notes: Sequence[Note] = ()) -> Survey:
    """``survey`` without the respondents where ``rows`` is true (every answer matrix and the background alike),
    with ``notes`` added; the caller's survey is not changed."""
    keep = ~np.asarray(rows, dtype=bool)
    return replace(survey, codes=np.asfortranarray(survey.codes[keep]), frame=survey.frame.filter(pl.Series(keep)),
                   other_codes=None if survey.other_codes is None else np.asfortranarray(survey.other_codes[keep]),
                   number_values=None if survey.number_values is None else survey.number_values[keep],
                   notes=(*survey.notes, *notes))


@dataclass(frozen=True)
class Change:
    """One question's top-k share (%) and mean with all respondents and without the flagged ones (None: not
    shown, e.g. hidden by the disclosure rule), and the changes (without − with)."""

    column: str
    label: str
    top_with: float | None
    top_without: float | None
    mean_with: float | None
    mean_without: float | None

    @property
    def top_change(self) -> float | None:
        """Percentage points."""
        return None if self.top_with is None or self.top_without is None else self.top_without - self.top_with

    @property
    def mean_change(self) -> float | None:
        """On the scale's scores."""
        return None if self.mean_with is None or self.mean_without is None else self.mean_without - self.mean_with

    def to_dict(self) -> dict:
        """The JSON form."""
        return {"column": self.column, "top_with": self.top_with, "top_without": self.top_without,
                "top_change": self.top_change, "mean_with": self.mean_with, "mean_without": self.mean_without,
                "mean_change": self.mean_change}


def with_and_without(full: Survey, chosen: Chosen, *, min_group_size: int, top_k: int = 2,
                     lang: str = "nb") -> tuple[Change, ...]:
    """Per scale question, the whole sample's top-k share and mean with every respondent (``full``) and under
    the choice (``chosen.survey``), each from the same view the results pages make (no group; blanks and
    "don't know" out of the base). Empty when nobody is left out: :func:`apply_choice` leaves out none or at
    least ``min_group_size``, so the change never shows fewer respondents' answers than a group may."""
    from lmp_core.compute.view import ViewRequest, make_view
    from lmp_core.setup.survey import unique_labels

    if not chosen.left_out:
        return ()
    request = ViewRequest(min_group_size=min_group_size, top_k=top_k, groupings=())
    before = make_view(full, request, lang=lang).summary()
    after = make_view(chosen.survey, request, lang=lang).summary()
    labels = unique_labels(full.items)
    out = []
    for a, b in zip(before.items, after.items):
        x, y = a.stats[0], b.stats[0]
        out.append(Change(a.item.column, labels[a.item.column], x.top2_pct, y.top2_pct, x.mean, y.mean))
    return tuple(out)
