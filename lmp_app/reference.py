"""The reference figures of a session: read from an upload or typed on the Data page, kept in the session (never
on disk), and the comparison of a results view with them (:attr:`lmp_core.analysis.analyse.Analysis.reference`)."""

from __future__ import annotations

import streamlit as st

from lmp_app.state import Keys, _cached, ensure_data, view_for, view_request
from lmp_core.analysis.analyse import Request, analyse
from lmp_core.compute.reference import ReferenceResult
from lmp_core.compute.stats import Summary
from lmp_core.read.reference import References, read_reference, typed_text_reference


def references() -> References | None:
    """The reference figures in use (None: none)."""
    return st.session_state.get(Keys.REFERENCE)


def includes_group() -> bool:
    """Whether the user said the references include this survey's groups (the part-whole correction)."""
    return bool(st.session_state.get(Keys.REFERENCE_INCLUDES))


def set_references(value: References | None) -> None:
    """Use ``value`` on the results page and in the report (None: no reference)."""
    if value is None:
        st.session_state.pop(Keys.REFERENCE, None)
    else:
        st.session_state[Keys.REFERENCE] = value


def use_upload(data: bytes, name: str) -> References:
    """Read an uploaded reference file (a bad one raises :class:`SurveyError`) and use it."""
    value = read_reference(data, name)
    set_references(value)
    return value


def use_typed(typed: str, name: str) -> References:
    """Read typed reference lines and use them."""
    value = typed_text_reference(typed, name)
    set_references(value)
    return value


def reference_for(summary: Summary, group: str | None, filters: dict[str, tuple[str, ...]],
                  lang: str) -> ReferenceResult | None:
    """The results view's comparison with the references (None without references), once per view and session."""
    refs = references()
    if refs is None:
        return None
    columns = tuple(it.item.column for it in summary.items)
    request = view_request(group=group, filters=filters, items=columns)
    key = ("reference", refs, request, columns, summary.top_k, includes_group(), lang)  # by content: an id is reused
    asked = Request(request, kind_items=(), lang=lang, references=refs, reference_includes_group=includes_group())
    # the page's summary (its top-k, populations, confidence) is the one compared
    return _cached(key, lambda: analyse(ensure_data().source, asked, view=view_for(request, lang)
                                        ).with_parts(summary=summary).reference)
