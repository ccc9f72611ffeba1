"""Numbers as a reader expects them: decimal comma and "94,4 %" in bokmål (Språkrådet), point in English.

Formatting is Babel's (CLDR locale data); nothing here rounds differently from Python's ``round``
semantics of Babel (half-even on the decimal value).
"""

from __future__ import annotations

import math

from babel.numbers import format_decimal

from lmp_core.base.digits import NNBSP, whole  # noqa: F401 - counts in running text, with the numbers

LOCALES = {"nb": "nb_NO", "en": "en_GB"}
NBSP = "\u00a0"
class Pct(float):
    """A percentage (0-100) that renders as "57 %" in messages (``decimals`` after the comma)."""

    def __new__(cls, value: float, decimals: int = 0) -> Pct:
        obj = super().__new__(cls, value)
        obj.decimals = decimals
        return obj


class Fixed(float):
    """A number that renders with a fixed number of decimals in messages (e.g. a p-value, 3)."""

    def __new__(cls, value: float, decimals: int = 3) -> Fixed:
        obj = super().__new__(cls, value)
        obj.decimals = decimals
        return obj


class PValue(float):
    """A p-value as a reader writes it: "p = 0,234" or "p < 0,001"."""


def number(value: float | None, decimals: int = 2, lang: str = "nb", *, leading_zero: bool = True) -> str:
    """Format a number with a fixed number of decimals; "–" for a missing value.

    >>> number(4.4444, 2), number(0.61, 2, leading_zero=False), number(1234.5, 1, "en")
    ('4,44', ',61', '1,234.5')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    text = format_decimal(value, format=pattern, locale=LOCALES.get(lang, "nb_NO"), decimal_quantization=True)
    if not leading_zero:
        for zero in ("0,", "0.", "-0,", "-0."):
            if text.startswith(zero):
                text = text.replace("0", "", 1)
                break
    return text.replace("-", "−")


def percent(value: float | None, decimals: int = 1, lang: str = "nb") -> str:
    """A percentage given as 0-100: ``94,4 %`` with a no-break space in bokmål, ``94.4%`` in English.

    >>> percent(94.444), percent(94.444, lang="en")
    ('94,4\\xa0%', '94.4%')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = number(value, decimals, lang)
    return f"{text}{NBSP}%" if lang == "nb" else f"{text}%"


def long_date(iso: str, lang: str = "nb") -> str:
    """An ISO date as a reader writes it: "26. november 2026", "26 November 2026" (CLDR's long format).

    >>> long_date("2016-10-03"), long_date("2016-10-03", "en")
    ('3. oktober 2016', '3 October 2016')
    """
    from datetime import date

    from babel.dates import format_date

    return format_date(date.fromisoformat(iso), format="long", locale=LOCALES.get(lang, "nb_NO"))


class Sentences(tuple):
    """Messages, each ``(key, params)``, put into a message as one parameter and written in the reader's
    language when the message is (an error's detail: the first columns' own reasons).

    >>> render_param(Sentences([("excluded_by_user", {"column": "q1"})]), "en")
    "Column 'q1' was excluded by you."
    """


def render_param(value: object, lang: str) -> object:
    """Format one message parameter: percentages and floats in the reader's convention, sentences in the
    reader's language."""
    if isinstance(value, Sentences):
        from lmp_core.base.catalogue import text

        return " ".join(text(key, lang, **{k: render_param(v, lang) for k, v in params.items()})
                        for key, params in value)
    if isinstance(value, Pct):
        return percent(float(value), value.decimals, lang)
    if isinstance(value, PValue):
        return f"p < {number(0.001, 3, lang)}" if value < 0.001 else f"p = {number(float(value), 3, lang)}"
    if isinstance(value, Fixed):
        return number(float(value), value.decimals, lang)
    if isinstance(value, float):
        return number(value, 1, lang)
    if isinstance(value, int) and not isinstance(value, bool):
        return whole(value, lang)
    return value
