"""Bytes of a delimited text file -> UTF-8 bytes, separator and header rows to skip.

Encoding: UTF-16 or UTF-32 when the file starts with their byte-order mark (Excel's "Unicode text"),
else UTF-8 (with or without BOM) when the bytes decode as UTF-8, else Windows-1252 (what Norwegian Excel
writes), else Latin-1; detected, never asked. Line endings: CR LF, LF, or CR alone (old Mac files). Separator: ``,`` ``;`` or tab,
sniffed from the first lines. Extra header rows: Qualtrics (question texts, then ``{"ImportId"``
JSON) and SurveyMonkey (a second row of answer options such as "Response") are recognised, and so is any
second header row of question texts under a row of variable codes (:func:`is_question_text_row`); the question
texts are kept.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from lmp_core.base.errors import SurveyError

SEPARATORS = (",", ";", "\t")


@dataclass(frozen=True)
class TextLayout:
    """What :func:`inspect_text` found out about a text file."""

    data: bytes
    encoding: str
    separator: str
    header: tuple[str, ...]
    skip_after_header: int = 0
    tool: str = ""
    question_texts: dict[str, str] = field(default_factory=dict)


_WIDE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"), (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
              (b"\xff\xfe", "utf-16-le", "UTF-16"), (b"\xfe\xff", "utf-16-be", "UTF-16"))


def normalize_text_bytes(data: bytes, name: str) -> tuple[bytes, str | None]:
    """UTF-16/UTF-32 text (by its byte-order mark) as UTF-8, and CR-only line endings as LF.

    Returns the bytes and the wide encoding's name (None for anything else).

    >>> normalize_text_bytes("a,b\\r1,2\\r".encode("utf-16"), "x.txt")
    (b'a,b\\n1,2\\n', 'UTF-16')
    """
    wide = None
    for bom, codec, label in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                data, wide = data[len(bom):].decode(codec).encode("utf-8"), label
            except UnicodeDecodeError:
                raise SurveyError("unreadable_csv", file=name, detail=f"not valid {label}") from None
            break
    if b"\r" in data[:65536] and b"\n" not in data:
        data = data.replace(b"\r", b"\n")  # only CR ends lines (classic Mac OS); never inside a CR LF file
    return data, wide


def looks_binary(data: bytes) -> bool:
    """True when the first bytes hold NULs or a known binary signature (zip, SPSS, OLE); text that
    starts with a UTF-16/UTF-32 byte-order mark is text (its NULs are half its characters)."""
    head = data[:8192]
    if head.startswith(tuple(bom for bom, _, _ in _WIDE_BOMS)):
        return False
    return b"\x00" in head or head.startswith((b"PK\x03\x04", b"$FL2", b"$FL3", b"\xd0\xcf\x11\xe0"))


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes to text and name the encoding used."""
    data, wide = normalize_text_bytes(data, name)
    if wide:
        return data.decode("utf-8"), wide
    if re.search(rb"\S", data) is None:
        raise SurveyError("empty_file", file=name)
    if looks_binary(data):
        raise SurveyError("binary_as_csv", file=name)
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "UTF-8 (BOM)"
        except UnicodeDecodeError:
            data = data[3:]  # a BOM, then bytes of another encoding (mixed): decode the rest below
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    utf8_lines = 0
    for line in lines:
        try:
            line.decode("utf-8")
            utf8_lines += bool(re.search(rb"[\x80-\xff]", line))
        except UnicodeDecodeError:
            pass
    if utf8_lines:
        # UTF-8 lines with non-ASCII letters beside lines that are not UTF-8: decode line by line
        out, legacy = [], 0
        for line in lines:
            try:
                out.append(line.decode("utf-8"))
            except UnicodeDecodeError:
                out.append(_legacy(line))
                legacy += 1
        return "\n".join(out), f"UTF-8 + Windows-1252 ({legacy})"
    return _legacy(data), "Windows-1252"


def _legacy(data: bytes) -> str:
    """Windows-1252 (Norwegian Excel), with Latin-1 for the five bytes it leaves undefined."""
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _sniff_separator(sample: str) -> str:
    lines = [ln for ln in sample.splitlines()[:20] if ln.strip()]
    best, best_score = ",", -1.0
    for sep in SEPARATORS:
        try:
            counts = [len(next(csv.reader([ln], delimiter=sep))) for ln in lines]
        except csv.Error:
            continue
        if not counts or counts[0] < 2:
            continue
        same = sum(1 for c in counts if c == counts[0]) / len(counts)
        score = same * 1000 + counts[0]
        if score > best_score:
            best, best_score = sep, score
    return best


def _utf8_prefix_ok(sample: bytes) -> bool:
    """True when a prefix of the file is UTF-8 (a character cut at the end of the sample is fine)."""
    try:
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError as err:
        return err.start >= len(sample) - 3 and err.reason == "unexpected end of data"


#: Rows looked at for header rows under the first (the rest of the file is parsed by polars).
_SAMPLE_ROWS = 60
#: The ``tool`` of a layout whose second row holds the question texts, whichever tool wrote it.
QUESTION_ROW = "question_texts"
_NUMBER = re.compile(r"^\s*[-+]?\d+(?:[.,]\d+)?\s*$")


def _is_number(text: str) -> bool:
    return bool(_NUMBER.match(text))


def is_question_text_row(header: Sequence[str], row: Sequence[str], data: Sequence[Sequence[str]]) -> bool:
    """Whether ``row`` (the one under the header) is a second header row of question texts, not a respondent.

    Per column, the row's cell is *for* a header when it is text above answers that are all numbers, or when it
    reads as a question (at least five words, or it ends with "?": an answer label such as "I svært liten grad"
    has four, and a respondent's row of such labels is no header) and no respondent gave it as an answer; it is
    *against* when it is a number above numbers, or an answer some respondent below also gave (a second
    respondent). A header row has cells in at least half the columns, evidence for in at least half of them, and
    evidence against in at most a tenth.

    >>> is_question_text_row(["id", "s1"], ["Løpenummer", "Hvor ofte blir du mobbet?"], [["1", "Ofte"], ["2", "Aldri"]])
    True
    >>> is_question_text_row(["id", "s1"], ["7", "Ofte"], [["1", "Ofte"], ["2", "Aldri"]])
    False
    >>> is_question_text_row(["g", "q1"], ["A", "I liten grad"], [["B", "I svært liten grad"]] * 5)
    False
    """
    filled = for_ = against = 0
    for i, head in enumerate(header):
        cell = row[i].strip() if i < len(row) else ""
        if not cell:
            continue
        filled += 1
        below = [r[i].strip() for r in data if i < len(r) and r[i].strip()]
        numbers_below = bool(below) and all(_is_number(v) for v in below)
        if cell in below or (numbers_below and _is_number(cell)):
            against += 1
        elif cell != head and ((numbers_below and not _is_number(cell)) or len(cell.split()) >= 5 or
                               cell.endswith("?")):
            for_ += 1
    return filled * 2 >= len(header) and for_ * 2 >= filled and against * 10 <= filled and bool(data)


def inspect_text(data: bytes, name: str, *, force_decode: bool = False) -> TextLayout:
    """Sniff the encoding, separator and survey-tool header rows of a text file.

    Only the first 64 KiB are decoded when they are UTF-8 (the CSV parser checks the rest and the
    caller retries with ``force_decode`` if it is not); otherwise the whole file is decoded as
    Windows-1252 and handed on as UTF-8.
    """
    data, wide = normalize_text_bytes(data, name)
    if re.search(rb"\S", data) is None:
        raise SurveyError("empty_file", file=name)
    if looks_binary(data):
        raise SurveyError("binary_as_csv", file=name)
    bom = data.startswith(b"\xef\xbb\xbf")
    body = data[3:] if bom else data
    if not force_decode and _utf8_prefix_ok(body[:65536]):
        encoding, utf8 = wide or ("UTF-8 (BOM)" if bom else "UTF-8"), body
        sample = body[:65536].decode("utf-8", errors="ignore")
    else:
        text, encoding = decode(data, name)
        utf8 = body if encoding in ("UTF-8", "UTF-8 (BOM)") else text.encode("utf-8")
        sample = text[:65536]
    separator = _sniff_separator(sample)
    try:
        rows = list(csv.reader(io.StringIO(sample, newline=""), delimiter=separator))[:_SAMPLE_ROWS]
    except csv.Error as err:
        raise SurveyError("unreadable_csv", file=name, detail=str(err)) from None
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise SurveyError("empty_file", file=name)
    header = tuple(cell.strip() for cell in rows[0])
    skip, tool, questions = 0, "", {}
    if len(rows) >= 3 and any(cell.strip().startswith('{"ImportId"') for cell in rows[2]):
        skip, tool = 2, "Qualtrics"
        questions = {h: q.strip() for h, q in zip(header, rows[1]) if q.strip() and q.strip() != h}
    elif len(rows) >= 2 and any(cell.strip() in ("Response", "Open-Ended Response") for cell in rows[1]):
        skip, tool = 1, "SurveyMonkey"
        # SurveyMonkey puts the question in row 1 (once per block) and the option in row 2
        current, named = "", []
        for i, h in enumerate(header):
            opt = rows[1][i].strip() if i < len(rows[1]) else ""
            current = h or current
            column = h
            if opt and opt not in ("Response", "Open-Ended Response"):
                column = h or f"{current} – {opt}"
                questions[column] = f"{current} – {opt}"
            named.append(column or f"column_{i + 1}")
        header = tuple(named)
    elif len(rows) >= 2 and header[:2] == ("V1", "V2") and "ResponseID" in (c.strip() for c in rows[1]):
        # Qualtrics' legacy export: V1… codes over a row of names (ResponseID, …) and question texts
        skip, tool = 1, "Qualtrics"
        questions = {h: q.strip() for h, q in zip(header, rows[1]) if q.strip() and q.strip() != h}
    elif len(rows) >= 3 and is_question_text_row(header, rows[1], rows[2:]):
        skip, tool = 1, QUESTION_ROW
        questions = {h: q.strip() for h, q in zip(header, rows[1]) if q.strip() and q.strip() != h}
    return TextLayout(utf8, encoding, separator, header, skip, tool, questions)
