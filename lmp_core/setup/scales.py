"""Ordered answer scales, the "don't know" words, and matching a column's labels to a scale.

A :class:`Scale` lists its substantive answers from low to high and scores them ``1..k``
(``0..10`` for eleven-point scales), so higher always means more / better, whatever codes the
file used: an export coded ``1 = "Agree strongly"`` comes out the right way round because the order
comes from the known label set, not from the codes.

Non-substantive answers ("Vet ikke", "Ikke relevant", "Don't know", ...) are recognised by their
text, never scored, and kept apart. "Not asked" answers (filters) count as missing.
Labels are matched case- and whitespace-insensitively; curly apostrophes equal straight ones.
A label that is one typo away from a known label ("Strong agree") is read as that label, and the
reading is reported; labels that fit no scale raise :class:`SurveyError` naming them.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise

from lmp_core.base.errors import SurveyError
from lmp_core.base.spelling import without_format_chars

#: Category code of a blank or not-asked answer in the coded arrays of a survey.
MISSING = 0


@dataclass(frozen=True)
class Scale:
    """An ordered set of substantive answers, low to high, with their scores.

    >>> s = Scale("grad", ("I liten grad", "I noen grad", "I stor grad"))
    >>> s.k, s.scores
    (3, (1.0, 2.0, 3.0))
    """

    name: str
    labels: tuple[str, ...]
    scores: tuple[float, ...] = ()

    def __post_init__(self) -> None:
        if not self.scores:
            object.__setattr__(self, "scores", tuple(float(i + 1) for i in range(len(self.labels))))
        if len(self.scores) != len(self.labels):
            raise SurveyError("codebook_bad_labels", file="", column=self.name, value=str(self.labels))

    @property
    def span(self) -> str:
        """The scale as a reader knows it, by its ends, in the answers' own words (the name is an id).

        >>> Scale("grad", ("I liten grad", "I noen grad", "I stor grad")).span
        'I liten grad … I stor grad'
        """
        return f"{self.labels[0]} … {self.labels[-1]}" if self.labels else self.name

    @property
    def k(self) -> int:
        """Number of substantive answers."""
        return len(self.labels)


def normalize(label: object) -> str:
    """Fold a label for matching: NFKC, invisible format characters (:mod:`lmp_core.base.spelling`), case,
    whitespace, apostrophes and trailing dots.

    >>> normalize("  I  Svært stor GRAD. ")
    'i svært stor grad'
    >>> normalize("Don’t know")
    "don't know"
    >>> normalize("\u200bI stor grad")
    'i stor grad'
    """
    s = without_format_chars(unicodedata.normalize("NFKC", str(label)))
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    s = re.sub(r"\s+", " ", s).strip().rstrip(".").strip()
    return s.casefold()


# --- the known label sets -------------------------------------------------------------------
# Each family has variants; a variant is the labels low -> high as a respondent sees them.
_FAMILIES: dict[str, list[tuple[str, ...]]] = {
    "grad": [
        ("I svært liten grad", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad"),
        ("I svært liten grad", "I liten grad", "I nokon grad", "I stor grad", "I svært stor grad"),
        ("I svært liten grad", "I liten grad", "I stor grad", "I svært stor grad"),
        ("Ikke i det hele tatt", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad"),
        ("To a very small extent", "To a small extent", "To some extent", "To a large extent",
         "To a very large extent"),
        ("Not at all", "To a small extent", "To some extent", "To a large extent", "To a very large extent"),
    ],
    "innsats": [
        ("Svært dårlig", "Dårlig", "Både og", "Bra", "Svært bra"),
        ("Svært dårleg", "Dårleg", "Både og", "Bra", "Svært bra"),
        ("Svært dårlig", "Dårlig", "Verken bra eller dårlig", "Bra", "Svært bra"),
        ("Svært dårlig", "Dårlig", "Bra", "Svært bra"),
        ("Very poor", "Poor", "Fair", "Good", "Very good"),
        ("Very poor", "Poor", "Neither good nor poor", "Good", "Very good"),
        ("Very bad", "Bad", "Fair", "Good", "Very good"),
        ("Very poor", "Poor", "Good", "Very good"),
        ("Very poor", "Poor", "Fair", "Good", "Excellent"),
        ("Poor", "Fair", "Good", "Very good", "Excellent"),
        ("Sehr schlecht", "Schlecht", "Mittelmäßig", "Gut", "Sehr gut"),
        ("Mycket dålig", "Dålig", "Varken bra eller dålig", "Bra", "Mycket bra"),
        ("Meget dårlig", "Dårlig", "Hverken god eller dårlig", "God", "Meget god"),
    ],
    "enighet": [
        ("Helt uenig", "Litt uenig", "Verken enig eller uenig", "Litt enig", "Helt enig"),
        ("Helt uenig", "Uenig", "Verken enig eller uenig", "Enig", "Helt enig"),
        ("Heilt ueinig", "Ueinig", "Verken einig eller ueinig", "Einig", "Heilt einig"),
        ("Heilt ueinig", "Litt ueinig", "Verken einig eller ueinig", "Litt einig", "Heilt einig"),
        ("Helt uenig", "Litt uenig", "Litt enig", "Helt enig"),
        ("Helt uenig", "Uenig", "Enig", "Helt enig"),
        ("Helt uenig", "Uenig", "Litt uenig", "Litt enig", "Enig", "Helt enig"),
        ("Helt uenig", "Uenig", "Litt uenig", "Verken enig eller uenig", "Litt enig", "Enig", "Helt enig"),
        ("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"),
        ("Disagree strongly", "Disagree", "Neither agree nor disagree", "Agree", "Agree strongly"),
        ("Strongly disagree", "Disagree", "Agree", "Strongly agree"),
        ("Disagree strongly", "Disagree", "Agree", "Agree strongly"),
        ("Strongly disagree", "Disagree", "Slightly disagree", "Slightly agree", "Agree", "Strongly agree"),
        ("Strongly disagree", "Disagree", "Somewhat disagree", "Neither agree nor disagree", "Somewhat agree",
         "Agree", "Strongly agree"),
        ("Strongly disagree", "Somewhat disagree", "Neither agree nor disagree", "Somewhat agree", "Strongly agree"),
        ("Stimme gar nicht zu", "Stimme nicht zu", "Weder noch", "Stimme zu", "Stimme voll zu"),
        ("Stimme überhaupt nicht zu", "Stimme eher nicht zu", "Teils/teils", "Stimme eher zu",
         "Stimme voll und ganz zu"),
        ("Tar helt avstånd", "Tar delvis avstånd", "Varken eller", "Instämmer delvis", "Instämmer helt"),
        ("Instämmer inte alls", "Instämmer delvis", "Instämmer till stor del", "Instämmer helt"),
        ("Helt uenig", "Delvist uenig", "Hverken enig eller uenig", "Delvist enig", "Helt enig"),
    ],
    "hyppighet": [
        ("Aldri", "Sjelden", "Av og til", "Ofte", "Alltid"),
        ("Aldri", "Sjelden", "Noen ganger", "Ofte", "Svært ofte"),
        ("Aldri", "Sjelden", "Noen ganger", "Ofte", "Alltid"),
        ("Aldri", "Sjeldan", "Av og til", "Ofte", "Alltid"),
        ("Aldri", "Sjelden", "Ofte", "Alltid"),
        ("Never", "Rarely", "Sometimes", "Often", "Always"),
        ("Never", "Sometimes", "Often", "Always"),
        ("Almost never", "Sometimes", "Often", "Almost always"),
        ("Never or almost never", "A few times a year", "About once a month", "Several times a month",
         "Several times a week"),
        ("Never", "A few times a year", "About once a month", "Several times a month", "Several times a week"),
        ("Never or almost never", "Several times a month", "Several times a week", "Several times a day"),
        ("Never or hardly ever", "Some lessons", "Most lessons", "All lessons"),
        ("Nie", "Selten", "Manchmal", "Oft", "Immer"),
        ("Aldrig", "Sällan", "Ibland", "Ofta", "Alltid"),
        ("Aldrig", "Sjældent", "Nogle gange", "Ofte", "Altid"),
    ],
    "tilfredshet": [
        ("Svært misfornøyd", "Misfornøyd", "Verken fornøyd eller misfornøyd", "Fornøyd", "Svært fornøyd"),
        ("Svært misnøgd", "Misnøgd", "Verken nøgd eller misnøgd", "Nøgd", "Svært nøgd"),
        ("Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied"),
        ("Svært ufornøyd", "Ufornøyd", "Verken fornøyd eller ufornøyd", "Fornøyd", "Svært fornøyd"),
        ("Svært ufornøyd", "Ufornøyd", "Verken eller", "Fornøyd", "Svært fornøyd"),
        ("Svært misfornøyd", "Misfornøyd", "Verken eller", "Fornøyd", "Svært fornøyd"),
        ("Svært ufornøyd", "Ufornøyd", "Fornøyd", "Svært fornøyd"),
        ("Very unsatisfied", "Unsatisfied", "Neutral", "Satisfied", "Very satisfied"),
        ("Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"),
        ("Very unsatisfied", "Unsatisfied", "Neither satisfied nor unsatisfied", "Satisfied", "Very satisfied"),
        ("Very unsatisfied", "Unsatisfied", "Satisfied", "Very satisfied"),
        ("Very dissatisfied", "Dissatisfied", "Satisfied", "Very satisfied"),
        ("Extremely dissatisfied", "Somewhat dissatisfied", "Neither satisfied nor dissatisfied",
         "Somewhat satisfied", "Extremely satisfied"),
        ("Sehr unzufrieden", "Unzufrieden", "Weder zufrieden noch unzufrieden", "Zufrieden", "Sehr zufrieden"),
        ("Mycket missnöjd", "Missnöjd", "Varken nöjd eller missnöjd", "Nöjd", "Mycket nöjd"),
        ("Meget utilfreds", "Utilfreds", "Hverken tilfreds eller utilfreds", "Tilfreds", "Meget tilfreds"),
    ],
    "viktighet": [
        ("Ikke viktig", "Litt viktig", "Ganske viktig", "Svært viktig"),
        ("Ikke viktig", "Litt viktig", "Ganske viktig", "Veldig viktig"),
        ("Ikkje viktig", "Litt viktig", "Ganske viktig", "Svært viktig"),
        ("Ikke viktig i det hele tatt", "Lite viktig", "Verken viktig eller uviktig", "Viktig", "Svært viktig"),
        ("Not at all important", "Slightly important", "Moderately important", "Very important",
         "Extremely important"),
        ("Not important", "Slightly important", "Moderately important", "Very important"),
        ("Überhaupt nicht wichtig", "Weniger wichtig", "Teils/teils", "Wichtig", "Sehr wichtig"),
        ("Inte alls viktigt", "Inte särskilt viktigt", "Ganska viktigt", "Mycket viktigt"),
        ("Slet ikke vigtigt", "Mindre vigtigt", "Vigtigt", "Meget vigtigt"),
    ],
    "sannsynlighet": [
        ("Svært usannsynlig", "Usannsynlig", "Verken sannsynlig eller usannsynlig", "Sannsynlig", "Svært sannsynlig"),
        ("Svært usannsynleg", "Usannsynleg", "Verken sannsynleg eller usannsynleg", "Sannsynleg", "Svært sannsynleg"),
        ("Extremely unlikely", "Somewhat unlikely", "Neither likely nor unlikely", "Somewhat likely",
         "Extremely likely"),
        ("Very unlikely", "Unlikely", "Neither likely nor unlikely", "Likely", "Very likely"),
        ("Sehr unwahrscheinlich", "Eher unwahrscheinlich", "Teils/teils", "Eher wahrscheinlich",
         "Sehr wahrscheinlich"),
        ("Mycket osannolikt", "Ganska osannolikt", "Varken eller", "Ganska sannolikt", "Mycket sannolikt"),
        ("Meget usandsynligt", "Usandsynligt", "Hverken eller", "Sandsynligt", "Meget sandsynligt"),
    ],
}

#: Names a codebook may use for the families, low -> high labels of the family's first variant.
KNOWN_SCALES: dict[str, Scale] = {name: Scale(name, variants[0]) for name, variants in _FAMILIES.items()}
KNOWN_SCALES["kvalitet"] = Scale("kvalitet", _FAMILIES["innsats"][0])
KNOWN_SCALES["agree"] = Scale("agree", _FAMILIES["enighet"][8])
KNOWN_SCALES["quality"] = Scale("quality", _FAMILIES["innsats"][4])
KNOWN_SCALES["frequency"] = Scale("frequency", _FAMILIES["hyppighet"][5])
KNOWN_SCALES["extent"] = Scale("extent", _FAMILIES["grad"][4])

_VARIANTS: tuple[tuple[int, str, int, tuple[str, ...], frozenset[str]], ...] = tuple(
    (f_order, family, order, variant, frozenset(normalize(v) for v in variant))
    for f_order, (family, variants) in enumerate(_FAMILIES.items())
    for order, variant in enumerate(variants)
)

#: Every label of every known scale (normalised), to tell a mistyped question from a background column.
KNOWN_LABEL_WORDS: frozenset[str] = frozenset(normalize(lab) for vs in _FAMILIES.values() for v in vs for lab in v)

#: Non-substantive answers, shown apart and never scored (normalised forms).
DONT_KNOW_WORDS: frozenset[str] = frozenset(
    normalize(w)
    for w in (
        "Vet ikke", "Veit ikke", "Vet ikkje", "Veit ikkje", "Ikke relevant", "Ikkje relevant",
        "Ikke aktuelt", "Ikkje aktuelt", "Ønsker ikke å svare", "Ønskjer ikkje å svare", "Vil ikke svare",
        "Vil ikkje svare", "Kan ikke svare", "Usikker/vet ikke", "Don't know", "Dont know", "Do not know",
        "Don't know what it is", "N/A", "NA", "Not applicable", "Prefer not to say", "Prefer not to answer",
        "Refusal", "Refused", "No answer", "Weiß nicht", "Keine Angabe", "Weiß nicht / keine Angabe",
        "Kann ich nicht sagen", "Vet inte", "Vet ej", "Ingen åsikt", "Vil ikke oplyse", "Ved ikke", "Ved ikke/ikke relevant",
        "Ikke relevant/ved ikke", "Ns/Nc", "NS/NC", "Ns", "Nc", "No sabe", "No sé", "No sabe/no contesta",
        "No sabe / No contesta", "No contesta", "Prefiero no responder", "No aplica", "Veit ikkje/ikkje relevant",
    )
)
_DONT_KNOW_PREFIXES = ("vet ikke", "veit ikkje", "veit ikke", "don't know", "weiß nicht", "vet inte", "ved ikke",
                       "no sabe", "ns/nc")
#: Answers meaning the question was not put to the respondent: counted as missing.
NOT_ASKED_WORDS: frozenset[str] = frozenset(normalize(w) for w in ("Filter", "Not asked", "Ikke spurt", "Skipped"))

# End points of 0-10 scales whose middle is labelled only by digits (ESS style): (low, high).
_END_PAIRS: tuple[tuple[str, str], ...] = (
    ("Extremely dissatisfied", "Extremely satisfied"),
    ("Extremely unhappy", "Extremely happy"),
    ("You can't be too careful", "Most people can be trusted"),
    ("Worse place to live", "Better place to live"),
    ("Bad for the economy", "Good for the economy"),
    ("Cultural life undermined", "Cultural life enriched"),
    ("No trust at all", "Complete trust"),
    ("Extremely bad", "Extremely good"),
    ("Extremely unlikely", "Extremely likely"),
    ("Extremely unimportant", "Extremely important"),
    ("Not at all", "Completely"),
    ("Svært misfornøyd", "Svært fornøyd"),
    ("Svært ulykkelig", "Svært lykkelig"),
    ("Ingen tillit", "Full tillit"),
    ("Ikke i det hele tatt", "I svært stor grad"),
    ("I liten grad", "I stor grad"),
)
_LOW_ENDS = {normalize(lo): (lo, hi) for lo, hi in _END_PAIRS}
_HIGH_ENDS = {normalize(hi): (lo, hi) for lo, hi in _END_PAIRS}
_LEADING_NUMBER = re.compile(r"^\(?(-?\d+)\)?\s*(?:=|-|:|\.|\))?\s*(.*)$")
_NAMED_RANGE = re.compile(r"(?:scale|skala|skalaen|likert)\D{0,12}?(0|1)\s*(?:to|til|bis|till|-|–)\s*(5|7|10)\b",
                          re.IGNORECASE)


def numbers_named_scale(text: str) -> tuple[int, int] | None:
    """The range of a numeric rating that its header or question text names ("on a scale of 1 to 5", "på en
    skala fra 0 til 10"), or None: 1–5, 1–7, 0–10 (and 0–5, 1–10).

    >>> numbers_named_scale("On a scale of 1 to 5, how much do you like school?"), numbers_named_scale("Alder")
    ((1, 5), None)
    """
    match = _NAMED_RANGE.search(text)
    return (int(match.group(1)), int(match.group(2))) if match else None


#: a time of day ("05:11", "14.45", "9:30:12") or a date ("2024-03-01", "1.3.2024", "1/3/24"): never a scale step
_TIME_OR_DATE = re.compile(r"^\d{1,2}[:.]\d{2}([:.]\d{2})?$|^\d{4}-\d{1,2}-\d{1,2}|^\d{1,2}[./]\d{1,2}[./]\d{2,4}$")


def is_dont_know(label: object) -> bool:
    """True for a non-substantive answer such as "Vet ikke" or "Don't know what it is".

    >>> is_dont_know("VET IKKE"), is_dont_know("I stor grad")
    (True, False)
    """
    n = normalize(label)
    return n in DONT_KNOW_WORDS or n.startswith(_DONT_KNOW_PREFIXES)


def is_not_asked(label: object) -> bool:
    """True for a filter / not-asked answer, which counts as missing."""
    return normalize(label) in NOT_ASKED_WORDS


@dataclass(frozen=True)
class Coding:
    """How one column's raw answers map to category codes.

    ``mapping`` sends each raw answer (a label or a numeric code) to ``1..k`` for the substantive
    answers in scale order, ``k+1..k+m`` for the non-substantive answers in ``other_labels``, and
    ``MISSING`` (0) for not-asked answers. ``notes`` are (text key, params) pairs to report.
    """

    scale: Scale
    other_labels: tuple[str, ...]
    mapping: Mapping[object, int]
    notes: tuple[tuple[str, dict[str, object]], ...] = field(default=())


#: Prefixes that turn a word into its opposite (ufornøyd, unsatisfied, dissatisfied, inactive, …).
_NEGATING_PREFIXES = ("u", "un", "in", "im", "ir", "il", "dis", "mis", "non", "non-", "ikke-", "ikkje-")
#: Words that negate what follows (ikke enig, not satisfied, nicht zufrieden, inte nöjd, no satisfecho).
_NEGATING_WORDS = frozenset({"ikke", "ikkje", "not", "no", "nicht", "kein", "keine", "inte", "ej", "ei", "never",
                             "aldri", "uten", "without"})


def negation_differs(a: str, b: str) -> bool:
    """True when two labels differ by a negation (a typo never turns a label into its opposite).

    >>> negation_differs("svært ufornøyd", "svært fornøyd"), negation_differs("very unsatisfied", "very satisfied")
    (True, True)
    >>> negation_differs("ikke enig", "enig"), negation_differs("strong agree", "strongly agree")
    (True, False)
    """
    wa, wb = a.split(), b.split()
    if (set(wa) ^ set(wb)) & _NEGATING_WORDS:
        return True
    for x, y in zip(wa, wb):
        if x != y:
            short, long_ = sorted((x, y), key=len)
            if any(long_ == prefix + short for prefix in _NEGATING_PREFIXES):
                return True
    return False


def _fuzzy_candidates(substantive: list[str]) -> list[tuple[int, int, int, str, tuple[str, ...], dict[str, str]]]:
    """Variants that hold every label when each unknown one is read as its one close known label."""
    out = []
    for f_order, family, order, variant, normed_set in _VARIANTS:
        normed = [normalize(v) for v in variant]
        fuzzy: dict[str, str] = {}
        for lab in substantive:
            if lab in normed_set:
                continue
            close = difflib.get_close_matches(lab, normed, n=1, cutoff=0.85)
            if not close or close[0] in substantive or close[0] in fuzzy.values() or negation_differs(lab, close[0]):
                break
            fuzzy[lab] = close[0]
        else:
            out.append((len(fuzzy), f_order, order, family, variant, fuzzy))
    return out


def _match_variant(substantive: list[str]) -> tuple[str, tuple[str, ...], dict[str, str], int]:
    """Best known variant for normalised labels: (family, variant, fuzzy readings, other length).

    Exact matches beat typo-tolerant ones. A variant whose every label was seen wins (the shortest
    such); otherwise the family's usual variant is taken, and the length of another variant that
    would also fit is returned so the choice can be reported (e.g. 4- or 5-point "grad").
    """
    candidates: list[tuple[int, int, int, str, tuple[str, ...], dict[str, str]]] = []
    wanted = set(substantive)
    for f_order, family, order, variant, normed_set in _VARIANTS:
        if wanted <= normed_set:
            candidates.append((0, f_order, order, family, variant, {}))
    if not candidates:
        candidates = _fuzzy_candidates(substantive)
    if not candidates:
        return "", (), {}, 0
    fewest = min(c[0] for c in candidates)
    best = [c for c in candidates if c[0] == fewest]
    full = [c for c in best if len(c[4]) == len(substantive)]
    if full:
        chosen = min(full, key=lambda c: (len(c[4]), c[1], c[2]))
        # every label of a 4-point variant seen, but a 5-point one of the family also holds them all
        longer = [len(c[4]) for c in best if c[3] == chosen[3] and len(c[4]) > len(chosen[4])]
        return chosen[3], chosen[4], chosen[5], (min(longer) if longer else 0)
    chosen = min(best, key=lambda c: (c[1], c[2]))
    others = [len(c[4]) for c in best if c[3] == chosen[3] and len(c[4]) != len(chosen[4])]
    return chosen[3], chosen[4], chosen[5], (others[0] if others else 0)


def _numeric_scale(column: str, substantive: list[str], raw: dict[str, object]) -> tuple[Scale, dict[str, int]] | None:
    """Scales whose labels carry their own numbers ("(1) Not useful", "0 = keine", "7") or
    0-10 scales labelled only at the end points. None when the labels are not of that kind."""
    numbered: dict[str, int] = {}
    words: list[str] = []
    if any(_TIME_OR_DATE.match(lab) for lab in substantive):  # "05:11 < 6 < … < 14:45" is clock times, no scale
        return None
    for lab in substantive:
        m = _LEADING_NUMBER.match(lab)
        if m:
            numbered[lab] = int(m.group(1))
        else:
            words.append(lab)
    if not numbered:
        return None
    if words:
        # digits in the middle, words at the ends: a 0-10 scale (ESS), oriented by known end words
        if len(words) > 2 or not set(numbered.values()) <= set(range(1, 10)):
            return None
        end_texts: dict[int, str] = {}
        for w in words:
            if w in _LOW_ENDS:
                numbered[w] = 0
                end_texts.update({0: str(raw[w]), 10: _LOW_ENDS[w][1]})
            elif w in _HIGH_ENDS:
                numbered[w] = 10
                end_texts.update({0: _HIGH_ENDS[w][0], 10: str(raw[w])})
            else:
                raise SurveyError("unknown_labels", column=column, labels=", ".join(repr(str(raw[w])) for w in words))
        for w in words:  # an observed end keeps its own spelling
            end_texts[numbered[w]] = str(raw[w])
        values = range(11)
    else:
        values = range(min(numbered.values()), max(numbered.values()) + 1)
        if len(set(numbered.values())) != len(numbered) or len(values) < 3 or len(values) > 11:
            return None
    by_value = {v: k for k, v in numbered.items()}
    ends = end_texts if words else {}
    labels = tuple(str(raw[by_value[v]]) if v in by_value else ends.get(v, str(v)) for v in values)
    scale = Scale("0-10" if len(values) == 11 and values[0] == 0 else f"{values[0]}-{values[-1]}", labels,
                  tuple(float(v) for v in values))
    return scale, {lab: list(values).index(v) + 1 for lab, v in numbered.items()}


def match_labels(column: str, labels: Iterable[object], *, dont_know: Iterable[str] = ()) -> Coding:
    """Find the scale of a column from the distinct answer texts it holds.

    Raises :class:`SurveyError` (``unknown_labels``) naming the labels when no known scale fits.

    >>> c = match_labels("q", ["Agree strongly", "Disagree", "Don't know"])
    >>> c.scale.labels[-1], c.mapping["Agree strongly"], c.mapping["Don't know"]
    ('Agree strongly', 5, 6)
    """
    raw: dict[str, object] = {}
    for lab in labels:
        if lab is None or (isinstance(lab, float) and lab != lab) or str(lab).strip() == "":
            continue
        raw.setdefault(normalize(lab), lab)
    extra = {normalize(w) for w in dont_know}
    other = [n for n in raw if is_dont_know(n) or n in extra]
    not_asked = [n for n in raw if is_not_asked(n)]
    substantive = [n for n in raw if n not in other and n not in not_asked]
    notes: list[tuple[str, dict[str, object]]] = []
    if not substantive:
        raise SurveyError("unknown_labels", column=column, labels=", ".join(repr(str(v)) for v in raw.values()))
    numeric = _numeric_scale(column, substantive, raw)
    if numeric is not None:
        scale, codes = numeric
        if scale.name != "0-10":
            # the numbers seen are all there is: the scale may be longer than its highest answer
            notes.append(("warn_steps_from_values", {"column": column, "low": scale.labels[0],
                                                     "high": scale.labels[-1], "k": scale.k}))
    else:
        family, variant, fuzzy, other_length = _match_variant(substantive)
        if not variant:
            unknown = [n for n in substantive if not any(n in {normalize(v) for v in var}
                                                        for vs in _FAMILIES.values() for var in vs)]
            shown = unknown or substantive
            raise SurveyError("unknown_labels", column=column, labels=", ".join(repr(str(raw[n])) for n in shown))
        if other_length:
            # e.g. only "I stor grad"/"I svært stor grad" seen: 4- or 5-point? Say which was taken.
            notes.append(("ambiguous_scale", {"column": column, "k1": other_length, "k2": len(variant)}))
        scale = Scale(family, variant)
        normed = [normalize(v) for v in variant]
        codes = {}
        for lab in substantive:
            target = fuzzy.get(lab, lab)
            codes[lab] = normed.index(target) + 1
            if lab in fuzzy:
                notes.append(("fuzzy_label", {"column": column, "found": str(raw[lab]), "label": variant[codes[lab] - 1]}))
    other_labels = tuple(str(raw[n]) for n in other)
    mapping: dict[object, int] = {}
    for n, original in raw.items():
        if n in codes:
            mapping[original] = codes[n]
        elif n in other:
            mapping[original] = scale.k + 1 + other.index(n)
        else:
            mapping[original] = MISSING
    return Coding(scale, other_labels, mapping, tuple(notes))


def coding_from_value_labels(
    column: str,
    value_labels: Mapping[float, str],
    *,
    observed: Iterable[float] = (),
    user_missing: Iterable[tuple[float, float]] = (),
    ordinal: bool = False,
) -> Coding:
    """The coding of a numeric column whose codes carry labels (SPSS, or a codebook's ``labels``).

    Labels decide the order where they match a known scale (so ``1 = "Agree strongly"`` is scored
    high). Declared user-missing codes and codes labelled "don't know" are non-substantive;
    not-asked codes are missing. Where the labels fit no known scale, an ``ordinal`` column is
    ordered by its codes (the file's own statement of order) and scored by them; otherwise
    :class:`SurveyError` names the labels.
    """
    ranges = [(float(lo), float(hi)) for lo, hi in user_missing]
    labels = {float(k): str(v) for k, v in value_labels.items()}
    observed_codes = {float(v) for v in observed if v == v}
    missing_codes = {c for c in set(labels) | observed_codes if any(lo <= c <= hi for lo, hi in ranges)}
    missing_codes |= {lo for lo, hi in ranges if lo == hi}
    dk_codes = [c for c in sorted(labels) if is_dont_know(labels[c])]
    na_codes = [c for c in sorted(labels) if is_not_asked(labels[c])]
    # grades or ratings labelled by their numbers, then one answer in words after them ("1" … "6", "Ikke fått
    # karakter"): that answer is off the scale, kept apart as "don't know" is
    digits = [c for c in labels if re.fullmatch(r"\d+", labels[c].strip())]
    words_only = [c for c in labels if c not in digits and c not in dk_codes + na_codes and c not in missing_codes]
    if len(digits) >= 3 and len(words_only) == 1 and words_only[0] > max(digits):
        dk_codes = sorted(dk_codes + words_only)
    missing_unlabelled = sorted((missing_codes | set()) - set(labels))
    labelled = [c for c in labels if c not in missing_codes and c not in dk_codes and c not in na_codes]
    # unlabelled codes count as answers only between labelled end points (0-10 scales labelled at
    # the ends); others are outside the scale and reported by the reader
    lo_code, hi_code = (min(labelled), max(labelled)) if labelled else (0.0, -1.0)
    substantive_codes = sorted(set(labelled) | {c for c in observed_codes - set(labels) - missing_codes
                                                if lo_code < c < hi_code})
    sub_labels = {c: labels.get(c, _code_text(c)) for c in substantive_codes}
    notes: tuple[tuple[str, dict[str, object]], ...] = ()
    try:
        coding = match_labels(column, list(sub_labels.values()))
        by_label = {normalize(k): v for k, v in coding.mapping.items()}
        code_map = {c: by_label[normalize(lab)] for c, lab in sub_labels.items()}
        # value labels declare the whole set: a 4-point set that a 5-point variant would also hold is 4-point
        scale, notes = coding.scale, tuple(n for n in coding.notes if n[0] != "ambiguous_scale")
    except SurveyError:
        # the labels are no known scale as a whole: the ones that are known tell the direction; only when
        # none can, the file's own statement of order (an ordinal column) orders by code, and a note asks
        direction = known_direction(sub_labels)
        if direction is None and (not ordinal or len(substantive_codes) < 3):
            raise
        order = substantive_codes[::-1] if direction == "reversed" else substantive_codes
        scores = tuple(float(i + 1) for i in range(len(order))) if direction == "reversed" else tuple(order)
        scale = Scale("codes", tuple(sub_labels[c] for c in order), scores)
        code_map = {c: i + 1 for i, c in enumerate(order)}
        shown = {"column": column, "low": sub_labels[order[0]], "high": sub_labels[order[-1]],
                 "labels": ", ".join(repr(sub_labels[c]) for c in substantive_codes)}
        notes = (("direction_from_labels" if direction else "direction_from_codes", shown),)
    other_codes = [c for c in sorted(set(dk_codes) | (missing_codes & set(labels))) if c not in na_codes]
    other_labels = tuple(labels[c] for c in other_codes)
    mapping: dict[object, int] = dict(code_map)
    for i, c in enumerate(other_codes):
        mapping[c] = scale.k + 1 + i
    for c in na_codes + missing_unlabelled:
        mapping[c] = MISSING
    return Coding(scale, other_labels, mapping, notes)


def reversed_coding(coding: Coding) -> Coding:
    """The same answers scored the other way round (a reverse-keyed question): the labels in the opposite
    order on the same scores, so the answer that was lowest scores highest; non-substantive answers stay."""
    k = coding.scale.k
    scale = Scale(coding.scale.name, coding.scale.labels[::-1], coding.scale.scores)
    mapping = {raw: (k + 1 - code if 1 <= code <= k else code) for raw, code in coding.mapping.items()}
    return Coding(scale, coding.other_labels, mapping, coding.notes)


def known_direction(labels: Mapping[float, str]) -> str | None:
    """Which way codes run, told by the labels that belong to a known scale when the set as a whole does not:
    ``"ascending"`` (higher code, more positive), ``"reversed"``, or None when fewer than two labels are
    known or they disagree. A label's place is its position in the known variants that hold it (0 = lowest).

    >>> known_direction({1: "Strongly agree", 2: "Agree", 3: "Neither", 4: "Disagree", 5: "Strongly disagree"})
    'reversed'
    >>> known_direction({1: "18-29", 2: "30-44", 3: "45+"}) is None
    True
    """
    places: dict[float, float] = {}
    for code, label in labels.items():
        n = normalize(label)
        found = [variant.index(lab) / (len(variant) - 1)
                 for *_, variant, normed in _VARIANTS if n in normed
                 for lab in variant if normalize(lab) == n]
        if found:
            places[code] = sum(found) / len(found)
    codes = sorted(places)
    if len(codes) < 2:
        return None
    steps = [places[b] - places[a] for a, b in pairwise(codes)]
    if all(s > 0 for s in steps):
        return "ascending"
    if all(s < 0 for s in steps):
        return "reversed"
    return None


def _code_text(code: float) -> str:
    return str(int(code)) if float(code).is_integer() else str(code)


def parse_labels_spec(spec: str) -> dict[float, str]:
    """Parse a codebook ``labels`` cell: ``"1=I svært liten grad;...;5=I svært stor grad;9=Vet ikke"``.

    >>> parse_labels_spec("1=Nei; 2=Ja")
    {1.0: 'Nei', 2.0: 'Ja'}
    """
    out: dict[float, str] = {}
    for part in str(spec).split(";"):
        if not part.strip():
            continue
        code, sep, label = part.partition("=")
        if not sep or not label.strip():
            raise ValueError(part)
        out[float(code.strip())] = label.strip()
    if not out:
        raise ValueError(spec)
    return out


def codebook_value_labels(scale_name: str) -> dict[float, str]:
    """Value labels of a named scale in the fixture's convention: ``1..k`` low to high, 9 = "Vet ikke"."""
    scale = KNOWN_SCALES[scale_name]
    labels = {float(i + 1): lab for i, lab in enumerate(scale.labels)}
    labels[9.0] = "Vet ikke"
    return labels
