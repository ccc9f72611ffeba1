"""Report: a document model in the seed report's structure, and its renderers (docx, html, xlsx, pptx).

:func:`build_report` makes the model from a survey; ``render`` writes it in the format a file name
asks for. Text is generated deterministically from the numbers (:mod:`lmp_core.present.report.sentences`).
"""

from lmp_core.present.report.model import Block, Figure, Paragraph, Quote, Report, Section, Table, build_report
from lmp_core.present.report.render import FORMATS, render

__all__ = ["FORMATS", "Block", "Figure", "Paragraph", "Quote", "Report", "Section", "Table", "build_report", "render"]
