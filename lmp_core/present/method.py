"""The method text shown in the app and appended to reports (our own words, never user data)."""

from __future__ import annotations

from lmp_core.base.catalogue import text


def method_markdown(lang: str = "nb") -> str:
    """The method section as Markdown, from the catalogue (:mod:`lmp_core.base.catalogue`)."""
    return text("method_markdown", lang)
