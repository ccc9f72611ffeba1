"""How a text from a file is spelled before it is compared: one rule for answer labels and group names.

Text pasted from Word or a web form carries invisible *format characters* (Unicode category Cf: a zero-width
space, zero-width joiner and non-joiner, word joiner, byte order mark, soft hyphen, direction marks). A reader
cannot see them, so two spellings that differ only by them are one answer or one group: they are removed,
with Unicode normalisation and trimming, wherever labels and group names are compared.
"""

from __future__ import annotations

import unicodedata


def without_format_chars(text: str) -> str:
    """``text`` without Unicode format characters (category Cf).

    Only a text that is not printable can hold one (Python counts Cf as unprintable), so the common case
    costs one check.

    >>> without_format_chars("\\u200bI stor grad\\u00ad"), without_format_chars("Skole\\ufeff 1")
    ('I stor grad', 'Skole 1')
    """
    if text.isprintable():
        return text
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def has_format_chars(text: str) -> bool:
    """Whether ``text`` holds a format character that :func:`without_format_chars` removes.

    >>> has_format_chars("I stor grad"), has_format_chars("I\\u2060stor grad")
    (False, True)
    """
    return without_format_chars(text) != text


def group_name(value: object) -> str:
    """A group value spelled as a user sees it: Unicode NFC (a composed and a decomposed "é" are one name),
    format characters removed, trimmed.

    >>> group_name(" Skole\\u200b A "), group_name("Cafe\\u0301") == group_name("Café")
    ('Skole A', True)
    """
    return without_format_chars(unicodedata.normalize("NFC", str(value))).strip()


#: The largest number an option takes (a population, a minimum group size): above any survey, and small enough
#: for every later step to hold it as a 64-bit integer and a float.
MAX_OPTION_NUMBER = 1_000_000_000


def whole_number(text: str, *, low: int = 0, high: int = MAX_OPTION_NUMBER) -> int | None:
    """``text`` as a whole number in ``low..high``, or None.

    Digits of any script that writes decimal digits (Unicode category Nd: "٣٦" is 36) are read as
    :func:`int` reads them; a superscript ("6²"), a fraction, a sign other than a leading minus, a space inside
    or an empty text is not a number here. The length is checked before :func:`int` runs, so 400 digits cost
    nothing.

    >>> whole_number("63"), whole_number("٣٦"), whole_number("6²"), whole_number("9" * 400), whole_number("-1")
    (63, 36, None, None, None)
    """
    text = text.strip()
    digits = text[1:] if text.startswith("-") else text
    if not digits or len(digits) > len(str(MAX_OPTION_NUMBER)) or \
            not all(unicodedata.category(ch) == "Nd" for ch in digits):
        return None
    value = int(text)
    return value if low <= value <= high else None
