"""Counts in running text: thousands separated as the reader's language writes them (no imports, so the text
catalogue and the number formats can both use it)."""

from __future__ import annotations

#: Between thousands in a count in running text (bokmål): the narrow no-break space, "278 451".
NNBSP = "\u202f"


def whole(value: int, lang: str = "nb") -> str:
    """A count as running text writes it: thousands separated from five digits on (nb "278 451" with a narrow
    no-break space, en "278,451"); four digits as they are ("2016", "9200"), as Språkrådet allows and a year needs.

    >>> whole(278451), whole(278451, "en"), whole(9200), whole(-12345)
    ('278\u202f451', '278,451', '9200', '−12\u202f345')
    """
    value = int(value)
    sign = "−" if value < 0 else ""
    digits = str(abs(value))
    if len(digits) < 5:
        return sign + digits
    groups = [digits[max(0, i - 3):i] for i in range(len(digits), 0, -3)][::-1]
    return sign + (NNBSP if lang == "nb" else ",").join(groups)
