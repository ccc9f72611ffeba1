"""Fieldwork: who has answered, who to remind, and whether the respondents resemble the invited.

Inputs: the response file (a :class:`Survey`) and an invitation list (one row per invited unit with
an id and known characteristics). Ids are matched tolerantly: case, spaces and leading zeros of
numbers do not matter ("007" = "7", " S07 " = "s07"). Responses whose id matches no invited unit
and units that answered more than once are listed, never dropped silently.

Representativeness, per characteristic: share among invited vs among respondents, response rate
per category, and a test of independence between category and answering: Fisher's exact test for
2 x 2 tables, otherwise Fisher's test by permutation (scipy ``fisher_exact`` with
``PermutationMethod``, fixed seed, in batches of 200 resamples so memory stays bounded) when an expected
count is below 5 and the list has at most 2,000 units, else Pearson's chi-square (for a longer list, with
the categories whose expected count is under 5 pooled into one).

Small groups: a group or category with between 1 and ``min_group_size - 1`` respondents shows no
count, rate or share (``answered`` is missing and ``held`` true; the page prints "færre enn 5"), its
line is left out of the timeline, and the test statistic (from which the counts could be solved) is
left out while the p-value stays. The total stays, and the reminder list names who has not answered:
its purpose. So the researcher holding the invitation list can still work out a small group's size,
never its answers (:mod:`lmp_core.counting.disclosure`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lmp_core.base.catalogue import text, words
from lmp_core.base.errors import SurveyError
from lmp_core.base.fmt import Pct, PValue
from lmp_core.compute.independence import independence
from lmp_core.counting.disclosure import MIN_GROUP_SIZE, small
from lmp_core.setup.survey import Note, Survey

ID_NAMES = ("id", "respondent_id", "respondentid", "responseid", "enhet_id", "skole_id", "skoleid", "orgnr",
            "organisasjonsnummer", "kommunenr", "unit_id", "invitasjon_id", "ref", "token")
TIME_NAMES = ("submitted", "submitdate", "submit_date", "date submitted", "innsendt", "tidspunkt", "enddate",
              "end date", "recordeddate", "completed", "besvart", "dato", "date", "timestamp", "levert")
DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d", "%d.%m.%Y %H:%M:%S",
                "%d.%m.%Y %H:%M", "%d.%m.%Y", "%d/%m/%Y %H:%M", "%d/%m/%Y", "%d.%m.%y")
#: Response-rate gaps (percentage points) that a caveat calls clear, when the test also agrees.
CLEAR_GAP = 10.0
ALPHA = 0.05


def normalize_id(value: object) -> str:
    """Id for matching: no surrounding or inner spaces, case-folded, numbers without leading zeros.

    >>> normalize_id(" 007 "), normalize_id("S 07"), normalize_id("r07")
    ('7', 's07', 'r07')
    """
    text = re.sub(r"\s+", "", str(value)).casefold()
    return text.lstrip("0") or "0" if text.isdigit() else text


def detect_id_column(frame: pd.DataFrame) -> str | None:
    """The id column by name, else the first column with one distinct value per row."""
    lowered = {c.lower(): c for c in frame.columns}
    for name in ID_NAMES:
        if name in lowered:
            return lowered[name]
    for c in frame.columns:
        values = frame[c].astype(str).str.strip()
        if values.ne("").all() and values.is_unique and len(values) > 1:
            return c
    return None


def detect_time_column(frame: pd.DataFrame) -> str | None:
    """A submission-time column by its name (web survey exports have one)."""
    lowered = {c.lower().strip(): c for c in frame.columns}
    for name in TIME_NAMES:
        if name in lowered:
            return lowered[name]
    return None


EARLIEST, LATEST = pd.Timestamp("1900-01-01"), pd.Timestamp("2200-01-01")


def parse_times(values: pd.Series) -> tuple[pd.Series, list[str]]:
    """Parse dates and times in ISO and Norwegian formats; returns the times and the unreadable values.

    Dates before 1900 or after 2200 (placeholders such as 0001-01-01 or 9999-12-31) count as unreadable.

    >>> times, bad = parse_times(pd.Series(["0001-01-01", "9999-12-31", "2016-03-01"]))
    >>> str(times[2].date()), bad
    ('2016-03-01', ['0001-01-01', '9999-12-31'])
    """
    text = values.astype("string").str.strip()
    parsed = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    todo = text.notna() & (text != "")
    for fmt in DATE_FORMATS:
        if not todo.any():
            break
        attempt = pd.to_datetime(text[todo], format=fmt, errors="coerce")
        # a survey is answered between 1900 and 2200: 0001-01-01 or 9999-12-31 is a placeholder, unreadable
        attempt = attempt[(attempt >= EARLIEST) & (attempt <= LATEST)].astype("datetime64[ns]")
        parsed[attempt.index] = attempt
        todo &= parsed.isna()
    bad = sorted(set(text[todo].dropna().tolist()))
    return parsed, bad


@dataclass(frozen=True, eq=False)
class Representation:
    """One characteristic of the invitation list: invited vs respondents, and a test."""

    characteristic: str
    table: pd.DataFrame  # category, invited, answered, share_invited, share_answered, response_rate
    test: str  # one of TESTS
    statistic: float | None
    p_value: float | None
    reading: Note  # one plain sentence: the caveat, a small difference, no clear difference, or no test

    def test_name(self, lang: str = "nb") -> str:
        """The test's name in ``lang`` ("Fishers eksakte test", "Fisher's exact test")."""
        return text(f"fw_test_{self.test}", lang)

    @property
    def is_caveat(self) -> bool:
        return self.reading[0].startswith("fw_caveat")


@dataclass(frozen=True, eq=False)
class Fieldwork:
    """Everything the fieldwork page and command line show."""

    invited: int
    answered: int
    progress: pd.DataFrame  # group, invited, answered, response_rate (%)
    non_respondents: pd.DataFrame  # invitation-list fields only
    unmatched_ids: tuple[str, ...]
    duplicates: tuple[tuple[str, int], ...]
    unreadable_dates: tuple[str, ...] = ()
    representation: tuple[Representation, ...] = ()
    timeline: pd.DataFrame | None = None  # time, group, answered (cumulative)
    notes: tuple[Note, ...] = field(default=())

    def invited_by_group(self) -> dict[str, int]:
        """Invited units per group (without the total): the response rates' denominators."""
        rows = self.progress[self.progress["group"] != "Total"]
        return {str(g): int(n) for g, n in zip(rows["group"], rows["invited"])}

    def caveats(self) -> list[Note]:
        """Notes for the results page and the report: rates that differ clearly between categories."""
        return [r.reading for r in self.representation if r.is_caveat]

    def to_dict(self) -> dict[str, object]:
        """JSON for ``python -m lmp_core fieldwork --format json``."""
        return {
            "invited": self.invited, "answered": self.answered,
            "progress": self.progress.to_dict("records"),
            "non_respondents": self.non_respondents.to_dict("records"),
            "unmatched_ids": list(self.unmatched_ids),
            "duplicates": [{"id": i, "responses": n} for i, n in self.duplicates],
            "unreadable_dates": list(self.unreadable_dates),
            "representativeness": [
                {"characteristic": r.characteristic, "test": r.test_name("en"), "statistic": r.statistic,
                 "p_value": r.p_value, "table": r.table.to_dict("records")} for r in self.representation],
        }


@dataclass(frozen=True, eq=False)
class IdMatch:
    """The response file matched to the invitation list by id, each id normalised (:func:`normalize_id`).

    ``keys``: each invited row's id; ``answer_ids``: each response's id ("" when blank).
    """

    response_id: str
    invited_id: str
    keys: pd.Series
    answer_ids: pd.Series

    def rows(self) -> pd.Series:
        """Each response's row in the invitation list (NaN: its id is not in the list)."""
        return self.answer_ids.map(pd.Series(np.arange(len(self.keys)), index=self.keys.to_numpy()))


def match_ids(responses: Survey, invited: pd.DataFrame, *, response_id: str | None = None,
              invited_id: str | None = None, source: str = "invitation list") -> IdMatch:
    """Match responses to the invitation list: the id columns given, else the file's id column or the one
    :func:`detect_id_column` finds; an error names the file when it has no id column, and the invitation list
    when an id is in it twice."""
    response_id = response_id or responses.id_column or detect_id_column(responses.background)
    if response_id is None or response_id not in responses.background.columns:
        raise SurveyError("fw_no_id", file=responses.source, columns=", ".join(responses.background.columns))
    invited_id = invited_id or detect_id_column(invited)
    if invited_id is None or invited_id not in invited.columns:
        raise SurveyError("fw_no_id", file=source, columns=", ".join(invited.columns))
    keys = invited[invited_id].map(normalize_id)
    if keys.duplicated().any():
        raise SurveyError("fw_duplicate_invited", file=source,
                          ids=", ".join(sorted(set(invited.loc[keys.duplicated(), invited_id].astype(str))))[:300])
    answer_ids = responses.background[response_id].astype("string").fillna("").map(normalize_id)
    return IdMatch(response_id, invited_id, keys, answer_ids)


def fieldwork(
    responses: Survey,
    invited: pd.DataFrame,
    *,
    response_id: str | None = None,
    invited_id: str | None = None,
    group: str | None = None,
    time: str | None = None,
    characteristics: Sequence[str] | None = None,
    source: str = "invitation list",
    min_group_size: int = MIN_GROUP_SIZE,
) -> Fieldwork:
    """Match responses to the invitation list and compute progress, reminders and representativeness.

    ``group`` is a column of the invitation list (e.g. rolle); ``time`` a column of the response
    file; ``characteristics`` the invitation-list columns to compare (default: every column with
    2-20 categories other than the id).
    """
    match = match_ids(responses, invited, response_id=response_id, invited_id=invited_id, source=source)
    if group is not None and group not in invited.columns:
        raise SurveyError("unknown_group_column", column=group, choices=", ".join(invited.columns))
    invited_id, keys, answer_ids = match.invited_id, match.keys, match.answer_ids
    counts = answer_ids[answer_ids != ""].value_counts()
    known = set(keys)
    unmatched = tuple(sorted(str(i) for i in counts.index if i not in known))
    duplicates = tuple((str(i), int(n)) for i, n in counts.items() if n > 1 and i in known)
    answered = keys.isin(counts.index)
    groups = invited[group].astype(str) if group else pd.Series("", index=invited.index)
    total = pd.DataFrame({"group": ["Total"], "invited": [len(invited)], "answered": [int(answered.sum())]})
    progress = total  # without a group the one row is the total, and says so
    if group:
        progress = pd.concat([pd.DataFrame({"group": groups, "invited": 1, "answered": answered.astype(int)})
                              .groupby("group", sort=False).sum().reset_index(), total], ignore_index=True)
    progress["response_rate"] = 100 * progress["answered"] / progress["invited"]
    progress = _hold_small(progress, "group", min_group_size, keep="Total")
    non_respondents = invited.loc[~answered].reset_index(drop=True)
    chosen = characteristics if characteristics is not None else [
        c for c in invited.columns if c != invited_id and 2 <= invited[c].nunique() <= 20]
    representation = tuple(_represent(invited[c].astype(str), answered, c, min_group_size) for c in chosen)
    timeline, bad_dates = None, []
    time = time or detect_time_column(responses.background)
    if time is not None and time in responses.background.columns:
        times, bad_dates = parse_times(responses.background[time])
        by_id = pd.DataFrame({"key": answer_ids, "time": times}).dropna()
        by_id = by_id[by_id["key"].isin(known)].sort_values("time").drop_duplicates("key")
        group_of = dict(zip(keys, groups))
        by_id["group"] = by_id["key"].map(group_of)
        by_id["answered"] = by_id.groupby("group").cumcount() + 1
        held_groups = set(progress.loc[progress["held"], "group"])
        timeline = by_id.loc[~by_id["group"].isin(held_groups), ["time", "group", "answered"]].reset_index(drop=True)
    notes: list[Note] = []
    if progress["held"].any() or any(r.table["held"].any() for r in representation):
        notes.append(("fw_held", {"min_n": min_group_size}))
    if unmatched:
        notes.append(("fw_unmatched", {"count": len(unmatched), "ids": ", ".join(unmatched[:20])}))
    if duplicates:
        notes.append(("fw_duplicates", {"count": len(duplicates),
                                        "ids": ", ".join(f"{i} ({n})" for i, n in duplicates[:20])}))
    if bad_dates:
        notes.append(("fw_bad_dates", {"column": time, "count": len(bad_dates), "values": ", ".join(bad_dates[:10])}))
    return Fieldwork(len(invited), int(answered.sum()), progress, non_respondents, unmatched, duplicates,
                     tuple(bad_dates), representation, timeline, tuple(notes))


def _hold_small(frame: pd.DataFrame, label: str, min_n: int, keep: str | None = None) -> pd.DataFrame:
    """Blank the count, rate and share of rows with 1 to ``min_n - 1`` respondents; mark them ``held``."""
    out = frame.copy()
    held = pd.Series(small(out["answered"].to_numpy(), min_n), index=out.index)
    if keep is not None:
        held &= out[label] != keep
    out["held"] = held
    out["answered"] = out["answered"].astype("Int64").mask(held)
    for column in ("response_rate", "share_answered"):
        if column in out.columns:
            out[column] = out[column].mask(held)
    return out


def _represent(categories: pd.Series, answered: pd.Series, name: str, min_n: int = MIN_GROUP_SIZE) -> Representation:
    table = pd.crosstab(categories, answered).reindex(columns=[False, True], fill_value=0)
    invited_n = table.sum(axis=1)
    answered_n = table[True]
    frame = pd.DataFrame({
        "category": table.index.astype(str), "invited": invited_n.to_numpy(), "answered": answered_n.to_numpy(),
        "share_invited": (100 * invited_n / invited_n.sum()).to_numpy(),
        "share_answered": (100 * answered_n / max(1, answered_n.sum())).to_numpy(),
        "response_rate": (100 * answered_n / invited_n).to_numpy(),
    })
    frame = _hold_small(frame, "category", min_n)
    test, statistic, p = independence(table.to_numpy())
    if frame["held"].any():
        statistic = None  # with the margins known, the statistic would give the held-back counts
    overall = 100 * answered.sum() / len(answered)
    return Representation(name, frame, test, statistic, p, _reading(frame, name, overall, p))


def _reading(frame: pd.DataFrame, name: str, overall: float, p: float | None) -> Note:
    """One plain reading per characteristic, so that no two sentences contradict each other.

    - no test possible (one category, or nobody / everybody answered): ``fw_no_test``;
    - p >= ALPHA: ``fw_no_clear_difference``, whatever the gaps (they may be chance);
    - p < ALPHA and a shown category at least CLEAR_GAP points from the overall rate: the caveat, naming the
      lowest and highest shown categories (``fw_caveat_range``; ``fw_caveat`` when fewer than two are shown);
    - p < ALPHA with every gap under CLEAR_GAP: ``fw_small_difference`` (a long list makes small gaps
      significant; they are named, not a caveat).
    Held-back categories are never named.
    """
    if p is None:
        return ("fw_no_test", {"characteristic": name})
    if p >= ALPHA:
        return ("fw_no_clear_difference", {"characteristic": name, "p": PValue(p)})
    shown = frame[~frame["held"]].sort_values("response_rate", kind="stable")
    extremes = {}
    if len(shown) >= 2:
        low, high = shown.iloc[0], shown.iloc[-1]
        extremes = {"low": low["category"], "low_rate": Pct(low["response_rate"], 1), "high": high["category"],
                    "high_rate": Pct(high["response_rate"], 1), "overall": Pct(overall, 1)}
    clear = bool((abs(shown["response_rate"] - overall) >= CLEAR_GAP).any())
    if clear and extremes:
        return ("fw_caveat_range", {"characteristic": name, "p": PValue(p), **extremes})
    if clear or not extremes:
        return ("fw_caveat", {"characteristic": name, "p": PValue(p)})
    return ("fw_small_difference", {"characteristic": name, "p": PValue(p), **extremes})




def display_table(frame: pd.DataFrame, lang: str = "nb", min_group_size: int = MIN_GROUP_SIZE) -> pd.DataFrame:
    """A progress or representativeness table with headings in ``lang`` and percentages formatted.

    Held-back counts read "færre enn 5" ("fewer than 5"), their rates and shares "–".
    """
    from lmp_core.base.fmt import percent

    h = words("fieldwork", lang)
    out = frame.copy()
    if "held" in out.columns:
        if out["held"].any():
            fewer = text("fewer_than", lang, min_n=min_group_size)
            out["answered"] = [fewer if held else str(int(n)) for n, held in zip(out["answered"], out["held"])]
        out = out.drop(columns="held")
    for column in ("response_rate", "share_invited", "share_answered"):
        if column in out.columns:
            out[column] = [percent(v, 1, lang) for v in out[column]]
    if "group" in out.columns:
        out["group"] = out["group"].replace({"Total": h["total"]})
    return out.rename(columns=h)
