"""Stage 1, bytes to a table: one module per format (:mod:`.delimited` for CSV with :mod:`.sniff`,
:mod:`.excel`, :mod:`.spss`, :mod:`.parquet`), the invitation list (:mod:`.invitations`) and what every reader
shares (:mod:`.frames`: the :class:`~lmp_core.read.frames.Table` a reader returns, the column and cell limits,
blank rows). A reader knows formats, never questions. :func:`lmp_core.load.read_file` is the entry point."""
