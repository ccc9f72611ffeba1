"""Stage 2, a table to questions: which column is what (:mod:`.columns`, with :mod:`.kinds` for the kinds of
question other than scales and :mod:`.scales` for answer labels), the codebook or saved setup file
(:mod:`.codebook`), the :class:`~lmp_core.setup.survey.Survey` they make, and the setup table the Data page shows
(:mod:`.table`). Imports only :mod:`lmp_core.base` and :mod:`lmp_core.read`."""
