"""The questions that are no scale: single choice (yes/no among them), multiple response and numbers.

:func:`~lmp_core.setup.columns.build_survey` first finds the scale questions; every other column stays a
background column (a group or filter), and these detectors then say which of them are questions of another kind.
They are tried in this order, and the first that fits decides, with its reason (a catalogue key):

1. the setup (codebook) names the kind: ``kind`` = ``choice``, ``multi`` (with ``set``) or ``number``;
2. a **multiple-response set** of columns: two or more columns whose names share a stem (``kanal_1``,
   ``kanal_2``; ``checkbox.venner``; ``Q5_1``) and whose values are all ticks: 0/1, 1/blank, a tick pair of
   labels ("Valgt"/"Ikke valgt", "Selected"/"Not selected") or the option's own text/blank. A respondent with
   no value in any column of the set was not asked (the base leaves them out); with 0/1 columns a row of
   zeros is "ticked nothing", with text/blank columns it cannot be told from "not asked" (the base is then
   the respondents with at least one tick, SPSS's MULT RESPONSE default, and a note says so);
3. a **delimited list**: one text column whose answers are options separated by ``;`` or ``|``;
4. **yes/no** and other answers to a question: text answers of which at least two begin with a yes/no word
   (Ja, Nei, Yes, No, …) and together make at least half the answers ("Yes, currently", "Yes, previously",
   "No"), or SPSS codes with two value labels;
5. a **number**: numbers without value labels with more than 11 distinct values or decimals (a count, hours,
   a sum score), unless the name says it is a background measure (age, year of birth);
6. a **single choice**: text answers (2 to 40 distinct) that fit no scale, when the question's own text
   reads as a question (it ends with "?") and the name is no usual background name.

Anything else stays a background column only: education, age bands or municipality are the respondents'
characteristics, not questions. The Data page and the setup file can change any verdict.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np
import polars as pl

from lmp_core.base.spelling import group_name
from lmp_core.setup.codebook import CodebookEntry
from lmp_core.setup.scales import Scale, is_dont_know, is_not_asked, normalize
from lmp_core.setup.survey import Item, Note, Skipped

#: Most options of a single-choice question or a multiple-response set.
MAX_OPTIONS = 40
#: The two answers of a multiple-response option in its codes: 1 = not ticked, 2 = ticked (0 = not asked).
TICK_LABELS = ("not_ticked", "ticked")
_YES_WORDS = frozenset({"ja", "yes", "j", "y", "sant", "true", "jo", "oui", "si", "sí"})
_NO_WORDS = frozenset({"nei", "no", "n", "usant", "false", "nein", "nej", "non"})
_TICKED = frozenset({"1", "valgt", "avkrysset", "krysset av", "selected", "checked", "ticked", "x", "true"})
_NOT_TICKED = frozenset({"0", "ikke valgt", "ikkje valt", "ikke avkrysset", "not selected", "unchecked",
                         "not checked", "not ticked", "false"})
#: Words in a column name that make it a respondent's characteristic (a group or filter), not a question.
BACKGROUND_WORDS = frozenset({
    "rolle", "role", "gruppe", "group", "kjønn", "kjonn", "sex", "gender", "gndr", "kön", "alder", "age", "agea",
    "agegp", "aldersgruppe", "fødselsår", "fodselsar", "birthyear", "yob", "utdanning", "educ", "education",
    "edu", "edlevel", "kommune", "municipality", "fylke", "county", "region", "skole", "school", "pulje", "klasse",
    "trinn", "yrke", "occupation", "stilling", "sektor", "sector", "cntry", "country", "land", "marital",
    "sivilstand", "inntekt", "income", "wave", "runde", "year", "år", "weight", "vekt", "pspwght", "dweight",
    "child", "children", "barn", "kids",
})
_STEM = re.compile(r"^(.+?)[_.:#\s-]+([^_.:#\s-]+)$")
_TRAILING_NUMBER = re.compile(r"^(.*\D)(\d+)$")
_BRACKET = re.compile(r"^(.+?)\[([^\]]+)\]$")
#: An option that asks for the respondent's own words ("Other (please specify)"): ticked when it holds any text.
_OTHER_OPTION = re.compile(r"\b(other|annet|anna|andre|sonstige[sn]?|andet|annat|please specify|spesifiser)\b",
                           re.IGNORECASE)
#: The separator the SurveyMonkey reader puts between a question and its option (lmp_core.read.sniff).
_OPTION_DASH = " – "
_DELIMITERS = (";", "|", ", ")


@dataclass
class Found:
    """What the detectors found: the coded choice and multiple-response items, the number items, each
    question column's reason, and notes for the reader."""

    others: list[Item] = field(default_factory=list)
    other_codes: list[np.ndarray] = field(default_factory=list)
    numbers: list[Item] = field(default_factory=list)
    number_values: list[np.ndarray] = field(default_factory=list)
    reasons: dict[str, tuple[str, dict[str, object]]] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)


def stem_of(column: str) -> str | None:
    """The shared part of a multiple-response column's name, or None.

    >>> stem_of("kanal_1"), stem_of("checkbox.venner"), stem_of("Q5_1"), stem_of("kanal2"), stem_of("kanal")
    ('kanal', 'checkbox', 'Q5', 'kanal', None)
    >>> stem_of("G1Q2[SQ001]")
    'G1Q2'
    """
    bracket = _BRACKET.match(column)  # LimeSurvey's Q1[SQ001]
    if bracket:
        return bracket.group(1)
    match = _STEM.match(column) or _TRAILING_NUMBER.match(column)
    return match.group(1).rstrip("_.:# -") if match else None


def is_background_name(column: str) -> bool:
    """Whether a column's name says it holds a respondent's characteristic (kjønn, alder, agegp3, educ, …).

    >>> is_background_name("agegp3"), is_background_name("Kjønn"), is_background_name("e17age")
    (True, True, True)
    >>> is_background_name("antall_elever"), is_background_name("c12hour")
    (False, False)
    """
    words = [w for w in re.split(r"[^0-9a-zæøåäöü]+", column.casefold()) if w]
    letters = [w for w in re.split(r"[^a-zæøåäöü]+", column.casefold()) if w]  # e17age -> e, age
    return any(w in BACKGROUND_WORDS for w in (*words, *letters, *(re.sub(r"\d+$", "", w) for w in words)))


#: A variable label of at most this many words may name a background characteristic ("highest level of
#: education"); a longer one is a question's text, whose words say nothing about the column's role.
SHORT_LABEL = 5


def characteristic_name(column: str, label: str = "") -> str | None:
    """The column's name, or its short variable label, when it names a characteristic of the respondent
    (:func:`is_background_name`); else None.

    >>> characteristic_name("q7", "highest level of education"), characteristic_name("q7", "Do you enjoy school as much as you did last year?")
    ('highest level of education', None)
    """
    short = label if len(label.split()) <= SHORT_LABEL else ""
    return next((name for name in (column, short) if name and is_background_name(name)), None)


def is_yes_no(options: tuple[str, ...]) -> bool:
    """Whether two options are a no and a yes (in any order), as a yes/no question's are.

    >>> is_yes_no(("Nei", "Ja")), is_yes_no(("Yes", "No")), is_yes_no(("Yes, currently", "No", "Yes, previously"))
    (True, True, False)
    """
    words = {_first_word(o) for o in options}
    return len(options) == 2 and len(words & _YES_WORDS) == 1 and len(words & _NO_WORDS) == 1


def yes_option(options: tuple[str, ...]) -> str | None:
    """The "yes" of a yes/no question's two options, or None for any other question.

    >>> yes_option(("Nei", "Ja")), yes_option(("Yes, currently", "No", "Yes, previously"))
    ('Ja', None)
    """
    return next((o for o in options if _first_word(o) in _YES_WORDS), None) if is_yes_no(options) else None


def _first_word(text: str) -> str:
    return re.split(r"[^0-9a-zæøåäöü]+", normalize(text), maxsplit=1)[0]


def _non_blank(series: pl.Series) -> pl.Series:
    values = series.drop_nulls()
    if values.dtype == pl.String:
        values = values.filter(values.str.strip_chars() != "")
    return values


def _tick_column(series: pl.Series) -> str | None:
    """How a column marks a tick: ``"01"`` (0/1 numbers or a tick pair of labels), ``"1"`` (1 or blank),
    ``"text"`` (one text, or blank), or None when it is no tick column."""
    values = _non_blank(series)
    if values.len() == 0:
        return None
    if series.dtype.is_numeric():
        distinct = set(values.cast(pl.Float64).unique().to_list())
        if distinct <= {0.0, 1.0}:
            return "01" if 0.0 in distinct else "1"
        return None
    distinct = {normalize(v) for v in values.unique().to_list()}
    if distinct <= _TICKED | _NOT_TICKED and distinct & _TICKED:
        return "01" if distinct & _NOT_TICKED else "1"
    return "text" if len(distinct) == 1 else None


def _ticked(series: pl.Series) -> np.ndarray:
    """Whether each row's value is a tick (a 1, a tick label, or any text in a text/blank column). A "no"
    ("No", "N", "Nei") is never a tick: a column of "No" in every row is a set no one ticked."""
    if series.dtype.is_numeric():
        return (series.cast(pl.Float64).fill_null(0.0) == 1.0).to_numpy()
    texts = series.cast(pl.String).fill_null("")
    distinct = texts.unique().to_list()  # once: polars' unique() need not keep its order between two calls
    normalized = [normalize(v) for v in distinct]
    ticks = {raw for raw, norm in zip(distinct, normalized)
             if norm and (norm in _TICKED or (norm not in _NOT_TICKED and norm not in _NO_WORDS))}
    return texts.is_in(list(ticks)).to_numpy()


def _answered(series: pl.Series) -> np.ndarray:
    if series.dtype == pl.String:
        return (series.is_not_null() & (series.str.strip_chars() != "")).to_numpy()
    return series.is_not_null().to_numpy()


def _option_label(column: str, stem: str, series: pl.Series, layout: str, questions: Mapping[str, str]) -> str:
    """An option's text: the option itself in a text/blank column, else the column's question text (its part
    after the last " - ", as Qualtrics and SurveyMonkey write "Question - Option"), else the name's end."""
    marks = _TICKED | _NOT_TICKED | _YES_WORDS | _NO_WORDS  # a tick mark ("Y", "N", "No") names no option
    if layout == "text" and normalize(_non_blank(series)[0]) not in marks:
        return group_name(_non_blank(series)[0])
    question = questions.get(column, "").strip()
    if question and question != column:
        return question.rsplit(" - ", 1)[-1].strip() or question
    return column[len(stem):].lstrip("_.:# -") or column


def detect_kinds(background: Mapping[str, pl.Series], skipped: list[Skipped], *, text_columns: list[str],
                 questions: Mapping[str, str], codebook: Mapping[str, CodebookEntry], n_rows: int,
                 tool: str | None = None, label_sets: Mapping[str, frozenset[str]] | None = None,
                 measured: frozenset[str] = frozenset()) -> Found:
    """Run the detectors (the module's order) over the columns left as background or free text. In a survey
    tool's export (``tool``), a column of a few whole-number codes without labels is a single-choice question
    (the tool wrote it as one), not a background column. ``label_sets``: the value labels of the columns that have
    them; a labelled column is no ticked-text option, and one whose label set other columns share (a battery of
    single-choice questions) is a single-choice question unless its name or short text names a characteristic.
    ``measured``: the columns a tool's text export wrote with decimal points beside codes without: numbers."""
    found = Found()
    label_sets = label_sets or {}
    shared = Counter(label_sets.values())
    reason_of = {s.column: s for s in skipped}
    candidates = [c for c in background if reason_of.get(c) is None or
                  (reason_of[c].key != "id_column" and not reason_of[c].key.startswith("metadata_"))]
    candidates += [c for c in text_columns if c not in candidates]
    series_of = dict(background)
    taken: set[str] = set()

    def entry(column: str) -> CodebookEntry | None:
        return codebook.get(column)

    # 1-2: multiple-response sets, named by the setup or found by their stem
    sets: dict[str, list[str]] = {}
    for column in candidates:
        e = entry(column)
        if e is not None and e.kind == "multi" and e.set_name:
            sets.setdefault(e.set_name, []).append(column)
    for name, members in sets.items():
        if members == [name] and series_of[name].dtype == pl.String:  # one column holding the set's options
            if _add_delimited(found, name, series_of[name], questions, codebook, "multi"):
                taken.add(name)
            continue
        _add_set(found, name, members, series_of, questions, codebook, reason="kind_multi_setup")
        taken.update(members)
    by_stem: dict[str, list[str]] = {}
    for column in candidates:
        question = questions.get(column, "")
        stem = question.rsplit(_OPTION_DASH, 1)[0] if _OPTION_DASH in question else stem_of(column)
        if column in taken or stem is None or (entry(column) is not None and entry(column).kind):
            continue
        by_stem.setdefault(stem, []).append(column)
        if _BRACKET.match(column):
            series_of[column] = _yes_no_as_ticks(series_of[column])
    for stem, members in by_stem.items():
        ticks = [c for c in members if (layout := _tick_column(series_of[c])) and
                 not (layout == "text" and c in label_sets)]  # a sibling such as an "other, say which"
        if len(ticks) >= 2:  # text column is no option, unless it is the set's "Other (please specify)"
            ticks += [c for c in members if c not in ticks and _OTHER_OPTION.search(questions.get(c, "") or c)]
        # a stem that is a question's text ("Which devices do you use at school?") names no characteristic
        if 2 <= len(ticks) <= MAX_OPTIONS and not (len(stem.split()) <= SHORT_LABEL and is_background_name(stem)):
            _add_set(found, stem, ticks, series_of, questions, codebook, reason="kind_multi_columns")
            taken.update(ticks)
    # a bracketed column read as ticks that joined no set is read as it is (its Ja/Nein, not 1/0)
    series_of.update({c: background[c] for c in background if c not in taken})
    for column in candidates:
        if column in taken:
            continue
        series = series_of[column]
        e = entry(column)
        kind = e.kind if e is not None else ""
        if kind == "number" or (not kind and (_is_number(column, series, reason_of.get(column)) or
                                              column in measured)):
            if series.dtype.is_numeric():
                why = reason_of.get(column)
                _add_number(found, column, series, questions, codebook,
                            "kind_number_setup" if kind else "kind_number", why.params if why and not kind else {})
                taken.add(column)
            continue
        if not kind and column in label_sets and shared[label_sets[column]] > 1 and len(label_sets[column]) > 2 \
                and not characteristic_name(column, questions.get(column, "")) and series.dtype == pl.String:
            if _add_choice(found, column, series, questions, codebook, "kind_choice_labels", least=1):
                taken.add(column)
            continue
        if not kind and tool and _tool_codes(column, series, reason_of.get(column)):
            if _add_choice(found, column, series, questions, codebook, "kind_choice_tool_codes", least=1):
                taken.add(column)
            continue
        if kind in ("", "choice", "multi") and series.dtype == pl.String:
            if kind in ("", "multi") and _add_delimited(found, column, series, questions, codebook, kind):
                taken.add(column)
                continue
            verdict = "kind_choice_setup" if kind == "choice" else _choice_reason(column, series, questions,
                                                                                  reason_of.get(column))
            if verdict is not None and _add_choice(found, column, series, questions, codebook, verdict):
                taken.add(column)
    return found


def _yes_no_as_ticks(series: pl.Series) -> pl.Series:
    """A LimeSurvey option column in long answers (``Ja``/``Nein``/``N/A``, ``Yes``/``No``): yes as 1, no as 0 and
    N/A (the respondent never reached the question) blank; any other column as it is."""
    if series.dtype.is_numeric():
        return series
    texts = series.cast(pl.String)
    words = {v: _first_word(v) for v in texts.drop_nulls().unique().to_list()}
    present = {w for v, w in words.items() if v.strip() and not (is_not_asked(v) or is_dont_know(v))}
    if not present or not present <= _YES_WORDS | _NO_WORDS or not present & _YES_WORDS:
        return series
    mapping = {v: (None if is_not_asked(v) or is_dont_know(v) else "1" if w in _YES_WORDS else
                   "0" if w in _NO_WORDS else None) for v, w in words.items()}
    return texts.replace_strict(mapping, default=None, return_dtype=pl.String)


def _is_number(column: str, series: pl.Series, reason: Skipped | None) -> bool:
    return reason is not None and reason.key == "score_column" and not is_background_name(column)


def _choice_reason(column: str, series: pl.Series, questions: Mapping[str, str],
                   reason: Skipped | None) -> str | None:
    """Why a text column is a single-choice question (a catalogue key), or None when it is background."""
    if reason is not None and reason.key not in ("not_a_scale", "unknown_labels", "background_column",
                                                 "yes_no_column"):
        return None
    if characteristic_name(column, questions.get(column, "")):
        return None  # a respondent's characteristic ("child": yes/no) is background, not a question
    tally = _non_blank(series).value_counts()  # the distinct answers and how often each was given
    distinct = tally[:, 0].to_list()
    if not 2 <= len(distinct) <= MAX_OPTIONS:
        return None
    firsts = [_first_word(v) for v in distinct]
    weights = tally[:, 1].to_list()
    words = {w for w in firsts if w in _YES_WORDS | _NO_WORDS}
    share = sum(n for w, n in zip(firsts, weights) if w in words) / max(sum(weights), 1)
    if words & _YES_WORDS and words & _NO_WORDS and share >= 0.5:
        return "kind_yes_no" if len(distinct) - sum(is_dont_know(v) for v in distinct) == 2 else "kind_choice_answers"
    question = (questions.get(column, "") or column).strip()  # a CSV's header is often the question itself
    if ("?" in question or "selected choice" in question.casefold()) and not is_background_name(column):
        return "kind_choice_question"
    return None


def _theme(column: str, codebook: Mapping[str, CodebookEntry]) -> str:
    e = codebook.get(column)
    return e.theme if e is not None and e.theme else ""


def _question(column: str, questions: Mapping[str, str], codebook: Mapping[str, CodebookEntry]) -> str:
    e = codebook.get(column)
    return (e.question if e is not None and e.question else "") or questions.get(column, "") or column


def _tool_codes(column: str, series: pl.Series, reason: Skipped | None) -> bool:
    """Whether a column of a survey tool's export holds a single-choice question's codes: 1 to 11 distinct whole
    numbers without labels, and a name that is no respondent's characteristic."""
    if not series.dtype.is_integer() or reason is None or is_background_name(column) or \
            reason.key not in ("numeric_without_codebook", "background_column", "single_value_column"):
        return False
    return 1 <= series.drop_nulls().n_unique() <= 11


def _add_choice(found: Found, column: str, series: pl.Series, questions: Mapping[str, str],
                codebook: Mapping[str, CodebookEntry], reason: str, *, least: int = 2) -> bool:
    """Code a single-choice column: its options in the order the setup gives, else yes before no, else by
    first appearance; "don't know" answers after them."""
    texts = series.cast(pl.String)
    raw = texts.drop_nulls().unique(maintain_order=True).to_list()
    spelling = {v: "" if is_not_asked(v) else group_name(v) for v in raw}  # "Filter" (not asked): blank
    distinct = list(dict.fromkeys(v for v in spelling.values() if v))
    e = codebook.get(column)
    if e is not None and e.value_labels:  # the setup's options, given or not ("yes" / "no" / "not applicable")
        distinct = list(dict.fromkeys([*(group_name(lab) for _, lab in sorted(e.value_labels.items())), *distinct]))
    if not least <= len(distinct) <= MAX_OPTIONS:
        return False
    other = [v for v in distinct if is_dont_know(v) or (e is not None and normalize(v) in
                                                        {normalize(w) for w in e.dont_know})]
    options = [v for v in distinct if v not in other]
    if e is not None and e.value_labels:
        order = [group_name(lab) for _, lab in sorted(e.value_labels.items())]
        options = [o for o in order if o in options] + [o for o in options if o not in order]
    elif is_yes_no(tuple(options)):
        options.sort(key=lambda v: _first_word(v) in _YES_WORDS)  # no, then yes: "yes" is the high end
    if len(options) < least:
        return False
    code_of = {v: i + 1 for i, v in enumerate([*options, *other])}
    codes = texts.replace_strict({v: code_of.get(spelled, 0) for v, spelled in spelling.items()}, default=0,
                                 return_dtype=pl.Int8).fill_null(0).to_numpy()
    found.others.append(Item(column, _question(column, questions, codebook), _theme(column, codebook),
                             Scale("choice", tuple(options)), tuple(other), kind="choice",
                             basis=(reason, ())))
    found.other_codes.append(codes)
    found.reasons[column] = (reason, {"column": column, "count": len(options)})
    return True


def _add_set(found: Found, name: str, members: list[str], series_of: Mapping[str, pl.Series],
             questions: Mapping[str, str], codebook: Mapping[str, CodebookEntry], *, reason: str) -> None:
    """A multiple-response set of columns, one option each; a row with no value in any column was not asked."""
    layouts = [_tick_column(series_of[c]) or "01" for c in members]
    asked = np.zeros(len(next(iter(series_of.values()))), dtype=bool)
    for c in members:
        asked |= _ticked(series_of[c]) if layouts[members.index(c)] in ("text", "1") else _answered(series_of[c])
    for c, layout in zip(members, layouts):
        ticked = _ticked(series_of[c])
        codes = np.where(asked, np.where(ticked, 2, 1), 0).astype(np.int8)
        label = _option_label(c, name, series_of[c], layout, questions)
        found.others.append(Item(c, label, _theme(c, codebook) or name, Scale("multi", TICK_LABELS), (),
                                 kind="multi", set_name=name, basis=(reason, ())))
        found.other_codes.append(codes)
        found.reasons[c] = (reason, {"column": c, "set": name, "count": len(members)})
    if any(layout in ("text", "1") for layout in layouts):
        found.notes.append(("multi_base_ticked", {"set": name}))


def _add_delimited(found: Found, column: str, series: pl.Series, questions: Mapping[str, str],
                   codebook: Mapping[str, CodebookEntry], kind: str) -> bool:
    """One column holding the ticked options separated by ";" (Microsoft Forms ends each with it), "|" or ", "
    (Google Forms): a set of its own, options in order of first appearance (:func:`split_options`). Only when at
    least a tenth of the answers hold the separator, the options repeat and the repeated ones make nine in ten of
    the ticks; an option one respondent wrote in ("Other") is gathered as :data:`OTHER_OPTION`."""
    values = _non_blank(series)
    if values.len() == 0:
        return False
    for sep in _DELIMITERS:
        with_sep = values.str.contains(sep, literal=True)
        if float(with_sep.mean() or 0) < (0.0 if kind == "multi" else 0.1) or not with_sep.any():
            continue
        # the distinct answers, in order of first appearance, with how many gave each (one pass; rows by cell)
        counts = values.value_counts()
        n_of = dict(zip(counts[:, 0].to_list(), counts[:, 1].to_list()))
        given = {v: n_of[v] for v in values.unique(maintain_order=True).to_list()}
        options_of = split_options(list(given), sep)
        if sep == ", " and (any(o[:1].islower() for parts in options_of.values() for o in parts) or
                            not any(len(parts) > 1 for parts in options_of.values())):
            continue  # a fragment of a sentence ("currently"), or one answer per row: single choice, not a list
        tally: Counter[str] = Counter()
        for cell, parts in options_of.items():
            tally.update(dict.fromkeys(parts, given[cell]))
        one_off = {o for o, n in tally.items() if n == 1} if values.len() >= 20 else set()
        if one_off and sum(n for o, n in tally.items() if o not in one_off) < 0.9 * sum(tally.values()):
            continue  # sentences with commas, not ticked options
        options_of = {c: list(dict.fromkeys(OTHER_OPTION if o in one_off else o for o in parts))
                      for c, parts in options_of.items()}
        options = list(dict.fromkeys(o for parts in options_of.values() for o in parts))
        ticks = sum(len(parts) * given[c] for c, parts in options_of.items())
        if not 2 <= len(options) <= MAX_OPTIONS or ticks < 2 * len(options) or max(len(o) for o in options) > 80:
            continue
        _add_list_items(found, column, series.cast(pl.String), options_of, options, sep, questions, codebook)
        return True
    return False


#: The option the one-off answers of a delimited list are gathered under (what respondents wrote for "Other").
OTHER_OPTION = "Annet"


def split_options(cells: list[str], sep: str) -> dict[str, list[str]]:
    """Each cell's options, split against the options found across the whole column: two parts that always come
    together, the second beginning in lower case, are one option that holds the separator ("Music, art and
    drama"). Parts are spelled by one rule (:func:`~lmp_core.base.spelling.group_name`); blank parts dropped.

    >>> split_options(["Sports, Music, art and drama", "Music, art and drama", "Sports"], ", ")["Sports, Music, art and drama"]
    ['Sports', 'Music, art and drama']
    """
    parts_of = {c: [group_name(p.strip()) for p in c.split(sep) if p.strip()] for c in cells}
    while True:
        count: Counter[str] = Counter(p for parts in parts_of.values() for p in parts)
        follow: Counter[tuple[str, str]] = Counter(pair for parts in parts_of.values() for pair in pairwise(parts))
        pair = next(((a, b) for (a, b), n in follow.items() if n == count[a] == count[b] and b[:1].islower()), None)
        if pair is None or sep.strip() not in (",", ""):
            return parts_of
        joined = f"{pair[0]}{sep}{pair[1]}"
        for cell, parts in parts_of.items():
            merged: list[str] = []
            for part in parts:
                if merged and merged[-1] == pair[0] and part == pair[1]:
                    merged[-1] = joined
                else:
                    merged.append(part)
            parts_of[cell] = merged


def _add_list_items(found: Found, column: str, texts: pl.Series, options_of: Mapping[str, list[str]],
                    options: list[str], sep: str, questions: Mapping[str, str],
                    codebook: Mapping[str, CodebookEntry]) -> None:
    """The options of a delimited list as a set: a row with no option was not asked (or ticked nothing). Each
    option's ticks are the rows whose answer holds it, found among the distinct answers (``options_of``)."""
    asked = texts.is_in([c for c, parts in options_of.items() if parts]).fill_null(False).to_numpy()
    question = _question(column, questions, codebook)
    for option in options:
        ticked = texts.is_in([c for c, parts in options_of.items() if option in parts]).fill_null(False).to_numpy()
        found.others.append(Item(f"{column}[{option}]", option, _theme(column, codebook) or column,
                                 Scale("multi", TICK_LABELS), (), kind="multi", set_name=column,
                                 basis=("kind_multi_list", (("separator", sep),))))
        found.other_codes.append(np.where(asked, np.where(ticked, 2, 1), 0).astype(np.int8))
    found.reasons[column] = ("kind_multi_list", {"column": column, "set": column, "count": len(options),
                                                 "separator": sep, "question": question})
    found.notes.append(("multi_base_ticked", {"set": column}))


def _add_number(found: Found, column: str, series: pl.Series, questions: Mapping[str, str],
                codebook: Mapping[str, CodebookEntry], reason: str, params: Mapping[str, object]) -> None:
    values = series.cast(pl.Float64).fill_null(np.nan).to_numpy()
    found.numbers.append(Item(column, _question(column, questions, codebook), _theme(column, codebook),
                              Scale("number", ()), (), kind="number",
                              basis=(reason, tuple((k, v) for k, v in params.items() if k != "column"))))
    found.number_values.append(values)
    found.reasons[column] = (reason, {"column": column})
