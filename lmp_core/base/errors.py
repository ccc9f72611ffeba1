"""The package's one error class.

Every problem with a user's input is raised as :class:`SurveyError`. It carries a message key and
the values it names, so the same error can be shown in bokmål or English; ``str(error)`` is the
English text (command line, logs of our own code, tests).
"""

from __future__ import annotations

from typing import Any

from lmp_core.base.catalogue import text

Note = tuple[str, dict[str, object]]


class SurveyError(ValueError):
    """Bad input or an impossible request, with a message that names the value and what to do.

    >>> str(SurveyError("empty_file", file="a.csv"))
    'a.csv is empty: there is nothing to read. Export the survey again and upload the new file.'
    """

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "nb") -> str:
        """The message in the user's language (``nb`` or ``en``), its numbers in the reader's convention."""
        from lmp_core.base.fmt import render_param

        return text(self.key, lang, **{k: render_param(v, lang) for k, v in self.params.items()})
