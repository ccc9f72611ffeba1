"""Text from a file made safe for the native converters (vl-convert, python-docx, python-pptx, openpyxl).

XML 1.0 cannot hold most C0 control characters, lone surrogates or U+FFFE/U+FFFF; lxml (Word,
PowerPoint) and openpyxl (Excel) raise on them, and the chart renderer vl-convert *aborts the whole
process* on some of them (a Rust panic that Python cannot catch). Every string is cleaned at the edge
of those converters: the vertical tab and form feed (Word's manual line and page breaks) become a
space, every other character that cannot be held becomes U+FFFD, the replacement character, so the
reader sees that something was there. Tab, newline and carriage return are kept.
"""

from __future__ import annotations

import re
from typing import Any

# C0 controls except \t \n \r; DEL and the C1 controls (allowed by XML 1.0 but not by the converters'
# text layout, and never meaningful in survey text); lone surrogates; the two non-characters
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_AS_SPACE = {"\x0b": " ", "\x0c": " "}


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 or a converter cannot hold replaced.

    >>> xml_safe("linje\\x0bbrudd, klokke\\x07, ok")
    'linje brudd, klokke\\ufffd, ok'
    >>> xml_safe("Svært enig\\tog\\nmer")
    'Svært enig\\tog\\nmer'
    """
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: _AS_SPACE.get(m.group(), "\ufffd"), text)


def safe_value(value: Any) -> Any:
    """A string made XML-safe; any other value unchanged (numbers, None, dates)."""
    return xml_safe(value) if isinstance(value, str) else value


def safe_tree(obj: Any) -> Any:
    """Every string in nested dicts and lists (a chart's JSON spec) made XML-safe, keys included.

    >>> safe_tree({"title": "a\\x01", "data": [{"x\\x0b": ["b\\x0c", 1]}]})
    {'title': 'a\\ufffd', 'data': [{'x ': ['b ', 1]}]}
    """
    if isinstance(obj, str):
        return xml_safe(obj)
    if isinstance(obj, dict):
        return {safe_tree(k): safe_tree(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [safe_tree(v) for v in obj]
    return obj
