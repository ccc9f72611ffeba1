"""Stage 5, analysis: one request and one result for every face (command line, pages, report).

:func:`lmp_core.analysis.analyse.analyse` takes a source (a survey, a frequency table's counts, or what a database
or a stream counted) and a :class:`~lmp_core.analysis.analyse.Request`, and returns one
:class:`~lmp_core.analysis.analyse.Analysis` holding every figure the views show, already protected by the rule of
:mod:`lmp_core.counting.disclosure`. The faces only format it.
"""
