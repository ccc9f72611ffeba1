"""Codebook CSV: question texts, themes and scales per column.

Columns as in ``lmp_ch2_3_codebook.csv``: ``column, question_text, theme, scale, asked_to``, and
optionally ``labels`` spelling the codes out (``1=I svært liten grad;...;9=Vet ikke``). A ``scale``
names a known scale coded ``1..k`` low to high with ``9`` = "Vet ikke". A free-text column may have
a row with only a ``theme``: the report then quotes its comments in that theme's chapter.

The variable setup the Data page downloads is a codebook with three more columns (each optional, so
older codebooks read as before): ``role`` (``question``, ``background`` — a group or filter, never a
question — or ``ignore``), ``reverse`` (``ja``/``yes``: a reverse-keyed question, scored the other way
round) and ``dont_know`` (answers of this column that mean "don't know", separated by ``;``); and two for the
other kinds of question: ``kind`` (``scale``, ``choice``, ``multi`` or ``number``) and ``set`` (the
multiple-response set a ``multi`` column's option belongs to). Two more carry the survey's protection, so that
every call with one setup protects alike (the app, and the command line with ``--codebook``): ``protect``
(``ja``: a grouping column protected with the others, :mod:`lmp_core.counting.disclosure`) and ``min_group_size`` (the
smallest group shown, a whole number on any row; one value for the whole setup). A comment column's coding
frame is one row per code (:func:`lmp_core.setup.coding.setup_rows`): ``coding`` holds the code's patterns,
``set`` the comment column and ``question_text`` the code's name.
smallest group shown, a whole number on any row; one value for the whole setup). One more carries the data-quality
choice (:mod:`lmp_core.compute.quality`): ``quality``, on any row, the checks whose flagged respondents are left out
and any changed thresholds, separated by ``;`` (``speeding;breakoff;speed_ratio=0.4``; one value for the setup).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, replace

from lmp_core.base.errors import SurveyError
from lmp_core.base.spelling import whole_number
from lmp_core.read.sniff import inspect_text
from lmp_core.setup.scales import KNOWN_SCALES, codebook_value_labels, match_labels, normalize, parse_labels_spec


@dataclass(frozen=True)
class CodebookEntry:
    """What a codebook says about one column."""

    column: str
    question: str = ""
    theme: str = ""
    value_labels: dict[float, str] | None = None
    asked_to: str = ""
    role: str = ""
    reverse: bool = False
    dont_know: tuple[str, ...] = ()
    #: the kind of question (:data:`KINDS`; "" = as the reader finds it) and a multiple-response option's set
    kind: str = ""
    set_name: str = ""
    #: a grouping column protected together with the setup's other protected columns
    protect: bool = False
    #: the setup's smallest group size (the same on every row that gives one)
    min_group_size: int | None = None
    #: a code of a coding frame (:mod:`lmp_core.setup.coding`): its patterns; ``set_name`` is the comment column
    coding: str = ""
    #: the setup's data-quality choice (:class:`lmp_core.compute.quality.QualityChoice` spec; one for the setup)
    quality: str = ""


#: What a column can be in the setup ("" = as the reader finds it).
ROLES = ("question", "background", "ignore")
#: The kinds of question a setup can name ("" = as the reader finds it); see :mod:`lmp_core.setup.kinds`.
KINDS = ("scale", "choice", "multi", "number")
_YES = frozenset({"1", "ja", "yes", "true", "x", "sann", "y", "j"})


def protection(codebook: dict[str, CodebookEntry] | None) -> tuple[tuple[str, ...], int | None]:
    """The setup's protected grouping columns (file order) and its minimum group size (None: not given)."""
    entries = (codebook or {}).values()
    sizes = {e.min_group_size for e in entries if e.min_group_size is not None}
    return tuple(e.column for e in entries if e.protect), min(sizes) if sizes else None


def quality_spec(codebook: dict[str, CodebookEntry] | None) -> str:
    """The setup's data-quality choice as written (the first row that gives one; "" = keep everyone)."""
    return next((e.quality for e in (codebook or {}).values() if e.quality), "")


def with_scale(codebook: dict[str, CodebookEntry] | None, column: str, scale: str) -> dict[str, CodebookEntry]:
    """A copy of ``codebook`` in which ``column`` uses the known ``scale`` (question and theme kept)."""
    entries = dict(codebook or {})
    old = entries.get(column)
    entries[column] = replace(old, value_labels=codebook_value_labels(scale)) if old else \
        CodebookEntry(column, value_labels=codebook_value_labels(scale))
    return entries


def with_setup(codebook: dict[str, CodebookEntry] | None, *, reverse: frozenset[str] = frozenset(),
               background: frozenset[str] = frozenset(),
               choice: frozenset[str] | None = None) -> dict[str, CodebookEntry]:
    """A copy of ``codebook`` where exactly the columns in ``reverse`` are reverse-keyed, those in
    ``background`` are background variables and, when ``choice`` is given, exactly those are single-choice
    questions (the Data page's choices), all else kept.

    >>> book = with_setup(None, choice=frozenset({"kilde"}))
    >>> book["kilde"].kind, with_setup(book, choice=frozenset())["kilde"].kind
    ('choice', '')
    """
    entries = dict(codebook or {})
    for column in set(entries) | reverse | background | (choice or set()):
        old = entries.get(column) or CodebookEntry(column)
        role = "background" if column in background else ("" if old.role == "background" else old.role)
        kind = old.kind if choice is None else "choice" if column in choice else \
            ("" if old.kind == "choice" else old.kind)
        entries[column] = replace(old, reverse=column in reverse, role=role, kind=kind)
    return entries


def read_codebook(data: bytes, name: str = "codebook.csv") -> dict[str, CodebookEntry]:
    """Parse a codebook file into entries by column name: a codebook CSV, or an SPSS syntax file of variable and
    value labels (Nettskjema's "SPSS" download, :func:`read_spss_syntax`)."""
    if _SYNTAX.search(data[:65536].decode("utf-8", errors="replace")):
        return read_spss_syntax(data.decode("utf-8-sig", errors="replace"))
    layout = inspect_text(data, name)
    # a codebook is a few hundred rows: the standard library's reader, every cell as text, a missing cell as ""
    reader = csv.reader(io.StringIO(layout.data.decode("utf-8"), newline=""), delimiter=layout.separator)
    header = [c.strip().lower() for c in next(reader, [])]
    if "column" not in header:
        raise SurveyError("codebook_columns", file=name)
    entries: dict[str, CodebookEntry] = {}
    for cells in reader:
        if not any(cells):
            continue  # a blank line
        if len(cells) > len(header):  # a separator in an unquoted text: no cell can be trusted to be in its place
            raise SurveyError("ragged_rows", file=name, row=reader.line_num, found=len(cells), expected=len(header))
        row = dict(zip(header, cells + [""] * (len(header) - len(cells))))
        column = row["column"].strip()
        if not column:
            continue
        labels: dict[float, str] | None = None
        spec = row.get("labels", "").strip()
        scale = row.get("scale", "").strip()
        if spec:
            try:
                labels = parse_labels_spec(spec)
            except ValueError:
                raise SurveyError("codebook_bad_labels", file=name, column=column, value=spec) from None
        elif scale:
            if scale.lower() not in KNOWN_SCALES:
                raise SurveyError("codebook_unknown_scale", file=name, column=column, scale=scale,
                                  known=", ".join(sorted(KNOWN_SCALES)))
            labels = codebook_value_labels(scale.lower())
        role = row.get("role", "").strip().lower()
        if role and role not in ROLES:
            raise SurveyError("codebook_bad_role", file=name, column=column, value=role, roles=", ".join(ROLES))
        dont_know = tuple(w.strip() for w in row.get("dont_know", "").split(";") if w.strip())
        kind = row.get("kind", "").strip().lower() if not row.get("coding", "").strip() else ""
        if kind and kind not in KINDS:
            raise SurveyError("codebook_bad_kind", file=name, column=column, value=kind, kinds=", ".join(KINDS))
        set_name = row.get("set", "").strip()
        if kind == "multi" and not set_name:
            raise SurveyError("codebook_multi_no_set", file=name, column=column)
        size_text = row.get("min_group_size", "").strip()
        size = whole_number(size_text, low=1, high=1_000_000_000) if size_text else None
        if size_text and size is None:
            raise SurveyError("codebook_bad_min_size", file=name, column=column, value=size_text)
        entries[column] = CodebookEntry(column, row.get("question_text", "").strip(), row.get("theme", "").strip(),
                                        labels, row.get("asked_to", "").strip(), role,
                                        row.get("reverse", "").strip().lower() in _YES, dont_know, kind, set_name,
                                        row.get("protect", "").strip().lower() in _YES, size,
                                        coding=row.get("coding", "").strip(),
                                        quality=row.get("quality", "").strip())
    return entries


_SYNTAX = re.compile(r"^\s*(VARIABLE|VALUE) LABELS\b", re.IGNORECASE | re.MULTILINE)
_QUOTED = r"'((?:[^']|'')*)'|\"((?:[^\"]|\"\")*)\""
_VARIABLE_LABEL = re.compile(r"VARIABLE LABELS\s+(\S+)\s+(?:" + _QUOTED + r")\s*\.", re.IGNORECASE)
_VALUE_BLOCK = re.compile(r"VALUE LABELS\s+(\S+)\s+(.*?)\.\s*$", re.IGNORECASE | re.MULTILINE | re.DOTALL)
_VALUE_PAIR = re.compile(r"(?:'(-?[\d.]+)'|(-?[\d.]+))\s+(?:" + _QUOTED + r")")
_TICK_PAIRS = ({"yes", "no"}, {"ja", "nei"}, {"valgt", "ikke valgt"}, {"selected", "not selected"})


def read_spss_syntax(text: str) -> dict[str, CodebookEntry]:
    """Entries from SPSS syntax: ``VARIABLE LABELS name 'text'.`` as the question, ``VALUE LABELS name 1 'a' 2 'b'.``
    as the labels. Nettskjema writes one pair per variable; its checkbox options (``question.option`` with
    ``1 'Yes' 0 'No'``) are options of the set ``question`` (kind ``multi``), and labels that fit no known scale
    (yes / no / not applicable, an unordered list) make a single-choice question; labels of a known scale stay a
    scale.

    >>> e = read_spss_syntax("VARIABLE LABELS radio 'How happy?'.\\nVALUE LABELS radio\\n  1 'Very happy!'\\n  '-1' 'Very unhappy!'.")
    >>> e["radio"].question, e["radio"].value_labels, e["radio"].kind
    ('How happy?', {1.0: 'Very happy!', -1.0: 'Very unhappy!'}, 'choice')
    """
    questions = {m.group(1): (m.group(2) if m.group(2) is not None else m.group(3) or "").replace("''", "'")
                 for m in _VARIABLE_LABEL.finditer(text)}
    labels: dict[str, dict[float, str]] = {}
    for block in _VALUE_BLOCK.finditer(text):
        pairs = {float(m.group(1) or m.group(2)): (m.group(3) if m.group(3) is not None else m.group(4) or "")
                 for m in _VALUE_PAIR.finditer(block.group(2))}
        if pairs:
            labels[block.group(1)] = pairs
    entries: dict[str, CodebookEntry] = {}
    for column in dict.fromkeys([*questions, *labels]):
        value_labels = labels.get(column)
        kind, set_name = "", ""
        if value_labels and {normalize(v) for v in value_labels.values()} in _TICK_PAIRS and "." in column:
            kind, set_name = "multi", column.rsplit(".", 1)[0]
        elif value_labels:
            try:
                match_labels(column, list(value_labels.values()))
            except SurveyError:
                kind = "choice"
        entries[column] = CodebookEntry(column, questions.get(column, ""), value_labels=value_labels, kind=kind,
                                        set_name=set_name)
    return entries
