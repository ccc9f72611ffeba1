"""The one text catalogue: every word the tool says, in bokmål (``nb``) and English (``en``).

Messages (errors, warnings, notes, report sentences) and the app's own words are templates filled
with :meth:`str.format`, looked up by :func:`text`; the keys are stable identifiers used by
:class:`lmp_core.base.errors.SurveyError`, the warnings of a summary, the report and the pages. Words used
together (table headings, chart titles, report words, fieldwork headings) come as sets from
:func:`words`. The method section is :mod:`lmp_core.present.method`'s, by language. One fallback rule for all
(:func:`_in`): the language asked for, else English. Language enters only here, at the edge: counts
and statistics hold none.

The texts are kept by area (:mod:`.messages`, :mod:`.app`, :mod:`.report`, :mod:`.fieldwork`,
:mod:`.method`) and merged here into one lookup; a key belongs to one area only.
"""

from __future__ import annotations

from typing import Any

from lmp_core.base.catalogue.app import APP
from lmp_core.base.catalogue.coding import CODING
from lmp_core.base.catalogue.fieldwork import FIELDWORK
from lmp_core.base.catalogue.messages import MESSAGES
from lmp_core.base.catalogue.method import METHOD_EN, METHOD_NB
from lmp_core.base.catalogue.reference import REFERENCE
from lmp_core.base.catalogue.report import REPORT, WORD_SETS
from lmp_core.base.digits import whole

LANGUAGES = ("nb", "en")


def _merged(*areas: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for area in areas:
        twice = set(merged) & set(area)
        assert not twice, f"a key is in two areas of the catalogue: {twice}"
        merged.update(area)
    return merged


_TEXTS = _merged(MESSAGES, FIELDWORK, REPORT, APP, REFERENCE, CODING, {"method_markdown": {"nb": METHOD_NB, "en": METHOD_EN}})
_WORD_SETS = WORD_SETS

def text(key: str, lang: str = "nb", /, **params: Any) -> str:
    """The text for ``key`` in ``lang`` with ``params`` filled in.

    >>> text("size_small", "en")
    'small'
    """
    template = _in(_TEXTS[key], lang)
    if not params:
        return template
    # a count in a text has its thousands separated in the reader's way ("24 000 respondenter")
    return template.format(**{k: whole(v, lang) if isinstance(v, int) and not isinstance(v, bool) else v
                              for k, v in params.items()})


def words(name: str, lang: str = "nb") -> dict[str, str]:
    """The word set ``name`` (``table``, ``chart``, ``progress_chart``, ``report``, ``size_ranges``,
    ``fieldwork``) in ``lang``.

    >>> words("table", "en")["sd"], words("table", "de")["sd"]
    ('SD', 'SD')
    """
    return _in(_WORD_SETS[name], lang)


def _in(entry: dict[str, Any], lang: str) -> Any:
    """The one fallback rule: the entry in ``lang``, else in English (every entry has English)."""
    return entry.get(lang) or entry["en"]


def has_text(key: str) -> bool:
    """True when ``key`` is a known text."""
    return key in _TEXTS
