"""The coding frame ("kodeskjema"): comments coded into themes by rules a reader can check.

A frame belongs to one comment column and holds codes; a code has **words**, **word starts** (``mobb*``),
**phrases** (``vet ikke``) and **exclusions** (any of the three; a comment with an exclusion does not get the
code). A comment gets every code one of whose patterns it holds and none of whose exclusions, so it may get
several; an answered comment with no code is **Ukodet** (uncoded), a blank one is not asked (outside the base).

Matching, after Norwegian normalisation (the same for the comment and the pattern):

- the text is NFC-normalised and case-folded, and split into words at every character that is no letter or
  digit (Unicode ``\\w`` without ``_``), so a pattern only ever matches whole words (*word boundaries*): ``mobb*``
  matches "Mobbing" and "mobbesaker" but not "antimobb";
- a **word** matches a word with the same Snowball stem (``snowballstemmer``'s Norwegian algorithm, which strips
  bokmål and nynorsk endings: "skolene" and "skolen" → "skol", "skulane" → "skul", "mobbingen" → "mobbing");
- a **word start** matches any word that begins with it (no stemming: the start is what is written);
- a **phrase** matches its words one after another, each by its stem, so "vet ikke" matches "Vet ikke.";
- stop words (the Norwegian list of the ``stop-words`` package, ``stop_words/stop-words/norwegian.txt``:
  172 bokmål and nynorsk function words such as "og", "ikke", "ikkje", "eg") are never a code's word or word
  start on their own: they are in almost every comment; they may stand in a phrase.

The frame is a table (one row per code: ``code``, ``words``, ``word_starts``, ``phrases``, ``exclusions``, and the
``column`` it codes; several patterns in a cell are separated by ``;``, ``,`` or a new line), read by
:func:`read_frame` and written by :func:`frame_table`; in the saved setup a code is one row
(:func:`setup_rows`, :func:`frames_from_codebook`). Bad rules raise :class:`SurveyError` naming the code.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from lmp_core.base.catalogue import text
from lmp_core.base.errors import SurveyError
from lmp_core.read.sniff import inspect_text

if TYPE_CHECKING:
    import pandas as pd

    from lmp_core.setup.codebook import CodebookEntry

#: The fewest letters of a word start: a shorter one (``s*``) would code almost every comment.
MIN_START_LETTERS = 3
#: The frame table's columns, and the Norwegian names read as the same.
FRAME_COLUMNS = ("column", "code", "words", "word_starts", "phrases", "exclusions")
_ALIASES = {"kolonne": "column", "kode": "code", "ord": "words", "ordstart": "word_starts",
            "ordstarter": "word_starts", "fraser": "phrases", "frase": "phrases", "unntak": "exclusions"}
_WORD = re.compile(r"[^\W_]+")
_SEPARATORS = re.compile(r"[;,\n]")


@cache
def _stemmer() -> Any:  # snowballstemmer has no type hints
    import snowballstemmer

    return snowballstemmer.stemmer("norwegian")


@cache
def stop_words() -> frozenset[str]:
    """The Norwegian stop words (bokmål and nynorsk) of the ``stop-words`` package, case-folded."""
    from stop_words import get_stop_words

    return frozenset(w.casefold() for w in get_stop_words("norwegian"))


def words_of(text_: str) -> list[str]:
    """A text's words, NFC-normalised and case-folded, split at every character that is no letter or digit.

    >>> words_of("Vet IKKE. Mobbe-saker/skulane")
    ['vet', 'ikke', 'mobbe', 'saker', 'skulane']
    """
    return _WORD.findall(unicodedata.normalize("NFC", text_).casefold())


@lru_cache(maxsize=2**17)  # a survey's comments use a few thousand words, each many times
def stem(word: str) -> str:
    """A case-folded word's Snowball stem (Norwegian).

    >>> stem("skolene"), stem("skulane"), stem("mobbingen")
    ('skol', 'skul', 'mobbing')
    """
    return _stemmer().stemWord(word)


@dataclass(frozen=True)
class Code:
    """One code of a frame: its name and patterns, each as written (case-folded, NFC)."""

    name: str
    words: tuple[str, ...] = ()
    starts: tuple[str, ...] = ()  # without the "*"
    phrases: tuple[str, ...] = ()
    exclusions: tuple[str, ...] = ()  # patterns as written: a word, a start ("ikke*") or a phrase

    def spec(self) -> str:
        """The code's patterns in one text: ``mobbing; mobb*; "vet ikke"; -antimobbing`` (``-`` an exclusion).

        >>> Code("Mobbing", ("mobbing",), ("mobb",), ("vet ikke",), ("antimobbing",)).spec()
        'mobbing; mobb*; "vet ikke"; -antimobbing'
        """
        parts = [*self.words, *(f"{s}*" for s in self.starts), *(f'"{p}"' for p in self.phrases)]
        parts += [f'-"{e}"' if " " in e else f"-{e}" for e in self.exclusions]
        return "; ".join(parts)


@dataclass(frozen=True)
class CodingFrame:
    """The codes of one comment column, in the order they are shown."""

    column: str
    codes: tuple[Code, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """The codes' names in order."""
        return tuple(c.name for c in self.codes)

    def to_dict(self) -> dict[str, object]:
        """The frame in the JSON: its comment column and each code's patterns as written (word starts with "*").

        >>> CodingFrame("k", (make_code("Mobbing", "mobbing", "mobb*"),)).to_dict()["codes"][0]["word_starts"]
        ['mobb*']
        """
        return {"column": self.column, "codes": [
            {"code": c.name, "words": list(c.words), "word_starts": [f"{s}*" for s in c.starts],
             "phrases": list(c.phrases), "exclusions": list(c.exclusions)} for c in self.codes]}

    def with_code(self, code: Code) -> CodingFrame:
        """A copy with ``code`` added, or in place of the code of the same name."""
        if code.name in self.names:
            return CodingFrame(self.column, tuple(code if c.name == code.name else c for c in self.codes))
        return CodingFrame(self.column, (*self.codes, code))

    def without(self, name: str) -> CodingFrame:
        """A copy without the code ``name``."""
        return CodingFrame(self.column, tuple(c for c in self.codes if c.name != name))


def split_patterns(cell: str) -> list[str]:
    """A cell's patterns, separated by ``;``, ``,`` or a new line, stripped of spaces and quotes.

    >>> split_patterns(' mobbing; "vet ikke",\\nmobb* ')
    ['mobbing', 'vet ikke', 'mobb*']
    """
    parts = (p.strip().strip("\"'«»“”").strip() for p in _SEPARATORS.split(cell or ""))
    return [p for p in parts if p]


def make_code(name: str, words: str = "", starts: str = "", phrases: str = "", exclusions: str = "", *,
              file: str = "", uncoded: Iterable[str] = ()) -> Code:
    """A code from the texts of its fields (the comments page's form, a row of the frame table), checked.

    A word written with ``*`` at the end is a word start and one with a space a phrase, whatever field holds
    it. :class:`SurveyError` for a blank name, the name of the uncoded comments, a code without patterns, a
    pattern without letters, a word start shorter than :data:`MIN_START_LETTERS` or a stop word on its own (except as an
    exclusion).

    >>> make_code("Mobbing", "mobbing, krenkelser", "mobb*", "ikke trygg").spec()
    'mobbing; krenkelser; mobb*; "ikke trygg"'
    """
    name = " ".join(name.split())
    if name.casefold() in {u.casefold() for u in (*uncoded, text("coding_uncoded", "nb"), text("coding_uncoded", "en"))}:
        raise SurveyError("coding_reserved", file=file, code=name)
    found: dict[str, list[str]] = {"words": [], "starts": [], "phrases": []}
    for pattern in [*split_patterns(words), *split_patterns(starts), *split_patterns(phrases)]:
        kind, value = _pattern(pattern, name, file)
        found[kind].append(value)
    excluded = [_pattern(p, name, file, exclusion=True) for p in split_patterns(exclusions)]
    if not any(found.values()):
        raise SurveyError("coding_no_patterns", file=file, code=name)
    return Code(name, *(tuple(dict.fromkeys(found[k])) for k in ("words", "starts", "phrases")),
                tuple(dict.fromkeys(f"{v}*" if k == "starts" else v for k, v in excluded)))


def _pattern(pattern: str, code: str, file: str, *, exclusion: bool = False) -> tuple[str, str]:
    """A pattern's kind (``words``, ``starts``, ``phrases``) and its normal form, checked (a stop word may only
    exclude: it would give the code to almost every comment)."""
    is_start = pattern.endswith("*")
    words = words_of(pattern.rstrip("*"))
    if not words:
        raise SurveyError("coding_bad_pattern", file=file, code=code, pattern=pattern)
    if len(words) > 1:
        return "phrases", " ".join(words)
    if is_start and len(words[0]) < MIN_START_LETTERS:
        raise SurveyError("coding_short_start", file=file, code=code, pattern=pattern, min_letters=MIN_START_LETTERS)
    if words[0] in stop_words() and not exclusion:
        raise SurveyError("coding_stop_word", file=file, code=code, pattern=pattern)
    return ("starts" if is_start else "words"), words[0]


def _holds(pattern: str, kind: str, words: Sequence[str], stems: Sequence[str], stem_set: frozenset[str]) -> bool:
    """Whether a comment (its words, their stems) holds one pattern."""
    if kind == "starts":
        return any(w.startswith(pattern) for w in words)
    if kind == "words":
        return stem(pattern) in stem_set
    wanted = [stem(w) for w in pattern.split()]
    k = len(wanted)
    return any(list(stems[i:i + k]) == wanted for i in range(len(stems) - k + 1))


def _has_code(code: Code, words: Sequence[str], stems: Sequence[str]) -> bool:
    stem_set = frozenset(stems)
    for exclusion in code.exclusions:
        kind = "starts" if exclusion.endswith("*") else "phrases" if " " in exclusion else "words"
        if _holds(exclusion.rstrip("*"), kind, words, stems, stem_set):
            return False
    return (any(_holds(p, "words", words, stems, stem_set) for p in code.words)
            or any(_holds(p, "starts", words, stems, stem_set) for p in code.starts)
            or any(_holds(p, "phrases", words, stems, stem_set) for p in code.phrases))


def hits(code: Code, text_: str) -> tuple[str, ...]:
    """The patterns of ``code`` that ``text_`` holds, as :meth:`Code.spec` writes them (none when an exclusion holds:
    the comment does not get the code), to show why a comment got a code.

    >>> hits(make_code("Mobbing", "mobbing", "krenk*"), "Mobbingen og krenkende ord")
    ('mobbing', 'krenk*')
    """
    words = words_of(text_)
    stems = [stem(w) for w in words]
    if not _has_code(code, words, stems):
        return ()
    stem_set = frozenset(stems)
    return (*(p for p in code.words if _holds(p, "words", words, stems, stem_set)),
            *(f"{p}*" for p in code.starts if _holds(p, "starts", words, stems, stem_set)),
            *(f'"{p}"' for p in code.phrases if _holds(p, "phrases", words, stems, stem_set)))


def answered(texts: Sequence[object]) -> np.ndarray:
    """Whether each comment was written (not blank, not missing): the coding's base."""
    return np.array([isinstance(t, str) and bool(t.strip()) for t in texts], dtype=bool)


def code_texts(frame: CodingFrame, texts: Sequence[object]) -> np.ndarray:
    """Which codes each comment gets: a boolean matrix, comments × codes (a blank or missing comment gets none).

    >>> frame = CodingFrame("k", (make_code("Mobbing", starts="mobb*"), make_code("Skole", "skole")))
    >>> code_texts(frame, ["Mobbingen i skulen", "Skolene er gode", None, "Antimobbing"]).astype(int).tolist()
    [[1, 0], [0, 1], [0, 0], [0, 0]]
    """
    out = np.zeros((len(texts), len(frame.codes)), dtype=bool)
    seen: dict[str, np.ndarray] = {}
    for i, value in enumerate(texts):
        if not isinstance(value, str) or not value.strip():
            continue
        if value not in seen:
            words = words_of(value)
            stems = [stem(w) for w in words]
            seen[value] = np.array([_has_code(c, words, stems) for c in frame.codes], dtype=bool)
        out[i] = seen[value]
    return out


# --- the frame as a table ----------------------------------------------------------------------

def frame_table(frame: CodingFrame) -> pd.DataFrame:
    """The frame as a table, one row per code (:data:`FRAME_COLUMNS`); :func:`read_frame` reads it back."""
    import pandas as pd

    rows = [{"column": frame.column, "code": c.name, "words": "; ".join(c.words),
             "word_starts": "; ".join(f"{s}*" for s in c.starts), "phrases": "; ".join(c.phrases),
             "exclusions": "; ".join(c.exclusions)} for c in frame.codes]
    return pd.DataFrame(rows, columns=list(FRAME_COLUMNS))


def frame_csv(frame: CodingFrame) -> bytes:
    """:func:`frame_table` as CSV (UTF-8 with a byte-order mark, so Excel reads æ, ø and å)."""
    return frame_table(frame).to_csv(index=False).encode("utf-8-sig")


def read_frame(data: bytes, name: str = "kodeskjema.csv", *, column: str = "") -> CodingFrame:
    """A coding frame from its table (CSV; English or Norwegian headers: ``kode``, ``ord``, ``ordstart``, ``fraser``,
    ``unntak``, ``kolonne``). ``column``: the comment column when the table names none."""
    layout = inspect_text(data, name)
    reader = csv.reader(io.StringIO(layout.data.decode("utf-8"), newline=""), delimiter=layout.separator)
    header = [_ALIASES.get(h.strip().lower(), h.strip().lower()) for h in next(reader, [])]
    if "code" not in header:
        raise SurveyError("coding_columns", file=name)
    codes: list[Code] = []
    for cells in reader:
        row = dict(zip(header, cells + [""] * (len(header) - len(cells))))
        if not any(v.strip() for v in row.values()):
            continue
        column = column or row.get("column", "").strip()
        if not row["code"].strip():
            raise SurveyError("coding_no_name", file=name, row=reader.line_num)
        code = make_code(row["code"], row.get("words", ""), row.get("word_starts", ""), row.get("phrases", ""),
                         row.get("exclusions", ""), file=name)
        if code.name in (c.name for c in codes):
            raise SurveyError("coding_twice", file=name, code=code.name)
        codes.append(code)
    return CodingFrame(column, tuple(codes))


# --- the frame in the saved setup --------------------------------------------------------------

def code_column(column: str, code: str) -> str:
    """The name of a code's option in the coded set (and its row in the saved setup): ``kommentar[Mobbing]``."""
    return f"{column}[{code}]"


def setup_rows(frames: Iterable[CodingFrame]) -> list[dict[str, str]]:
    """The frames as rows of the saved setup (:mod:`lmp_core.setup.codebook`): one per code, its option's column
    (:func:`code_column`), ``set`` = the comment column, ``question_text`` = the code's name, ``coding`` = its
    patterns (:meth:`Code.spec`)."""
    return [{"column": code_column(f.column, c.name), "question_text": c.name, "set": f.column, "coding": c.spec()}
            for f in frames for c in f.codes]


def code_from_spec(name: str, spec: str, *, file: str = "") -> Code:
    """A code from its :meth:`Code.spec` (``-`` marks an exclusion).

    >>> code_from_spec("Mobbing", 'mobbing; mobb*; "vet ikke"; -antimobbing') == make_code(
    ...     "Mobbing", "mobbing", "mobb*", "vet ikke", "antimobbing")
    True
    """
    parts = [p.strip() for p in spec.split(";") if p.strip()]
    excluded = [p[1:] for p in parts if p.startswith("-")]
    kept = [p for p in parts if not p.startswith("-")]
    return make_code(name, ";".join(kept), exclusions=";".join(excluded), file=file)


def frames_from_codebook(codebook: Mapping[str, CodebookEntry] | None, *, file: str = "") -> tuple[CodingFrame, ...]:
    """The coding frames a saved setup holds (its rows with a ``coding`` cell), one per comment column."""
    frames: dict[str, list[Code]] = {}
    for entry in (codebook or {}).values():
        if entry.coding:
            frames.setdefault(entry.set_name, []).append(code_from_spec(entry.question or entry.column,
                                                                        entry.coding, file=file))
    return tuple(CodingFrame(column, tuple(codes)) for column, codes in frames.items())
