"""Render a :class:`~lmp_core.present.report.model.Report` as Word, HTML, Excel or PowerPoint bytes.

Text from a respondent's file (comments, labels) is escaped in HTML and neutralised in Excel;
charts are PNG images made by vl-convert (offline).
"""

from __future__ import annotations

import base64
import html
import io
import threading
import weakref
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

import pandas as pd

from lmp_core.base.errors import SurveyError
from lmp_core.base.sanitize import safe_value, xml_safe
from lmp_core.present.chart_images import convert_all
from lmp_core.present.charts import to_png
from lmp_core.present.report.model import Block, Figure, Paragraph, Quote, Report, Table
from lmp_core.present.tables import to_excel_bytes

FORMATS = (".docx", ".html", ".xlsx", ".pptx")
#: The document language as Word, PowerPoint and HTML tag it (BCP 47).
LANGUAGE_TAGS = {"nb": "nb-NO", "en": "en-GB"}


def render(report: Report, file_name: str) -> bytes:
    """The report in the format its file name ends in (``rapport.docx``; a bare ``.docx`` has no suffix).

    Every text is made XML-safe first (:mod:`lmp_core.base.sanitize`): python-docx, python-pptx and
    openpyxl refuse control characters, and a comment or group name from a file may hold them.
    """
    suffix = Path(file_name).suffix.lower()
    renderers: dict[str, Callable[[Report], bytes]] = {".docx": to_docx, ".html": to_html, ".xlsx": to_xlsx,
                                                       ".pptx": to_pptx}
    if suffix not in renderers:
        raise SurveyError("unknown_output_format", file=file_name)
    safe = _xml_safe(report)
    if suffix != ".xlsx":  # the charts' images first, drawn side by side where the machine has the cores
        convert_all([partial(_png, figure) for _, figure in safe.figures()])
    return renderers[suffix](safe)


def _xml_safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.map(safe_value)
    out.columns = [safe_value(c) for c in frame.columns]
    return out


def _xml_safe_block(block: Block) -> Block:
    if isinstance(block, Paragraph):
        return replace(block, text=xml_safe(block.text))
    if isinstance(block, Figure):  # the chart's own text is cleaned when it is drawn (chart_images)
        return replace(block, caption=xml_safe(block.caption), reading=xml_safe(block.reading))
    if isinstance(block, Table):
        return replace(block, caption=xml_safe(block.caption), frame=_xml_safe_frame(block.frame))
    return replace(block, text=xml_safe(block.text), group=xml_safe(block.group))


def _xml_safe(report: Report) -> Report:
    """A copy of the report whose every text the native writers can hold."""
    sections = tuple(replace(s, title=xml_safe(s.title), blocks=tuple(_xml_safe_block(b) for b in s.blocks))
                     for s in report.sections)
    return replace(report, title=xml_safe(report.title), subtitle=xml_safe(report.subtitle), sections=sections,
                   author=xml_safe(report.author),
                   sheets={xml_safe(k): _xml_safe_frame(v) for k, v in report.sheets.items()},
                   groups_line=xml_safe(report.groups_line))


#: Each chart's PNG, made once for every format of one report: the Word, HTML and PowerPoint files of a page's
#: download buttons are made from the same report (on their clicks), so its charts are drawn once, not three
#: times. Keyed by the chart object's identity and dropped when the chart is (``weakref.finalize``): an image
#: lives no longer than the report that holds its chart, and no other report (or session) can reach it.
_IMAGES: dict[int, bytes] = {}
_IMAGES_LOCK = threading.Lock()


def _png(figure: Figure) -> bytes:
    key = id(figure.chart)
    image = _IMAGES.get(key)
    if image is None:
        image = to_png(figure.chart, scale=2)
        with _IMAGES_LOCK:
            if key not in _IMAGES:  # another format's thread may have drawn it meanwhile
                _IMAGES[key] = image
                weakref.finalize(figure.chart, _IMAGES.pop, key, None)
    return image


def _docx_table(doc: object, block: Table) -> None:
    """A real Word table under its caption: a bold header row repeated on each page, the first column wide, the
    figures right-aligned in 9 pt."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Emu, Pt

    doc.add_paragraph(block.caption, style="Caption")  # type: ignore[attr-defined]
    frame = block.frame
    table = doc.add_table(rows=1, cols=len(frame.columns))  # type: ignore[attr-defined]
    table.style = "Light List Accent 1"
    table.autofit = False
    for cell, name in zip(table.rows[0].cells, frame.columns):
        cell.text = str(name)
        cell.paragraphs[0].runs[0].bold = True
    _repeat_as_header(table.rows[0])
    for row in frame.itertuples(index=False):
        cells = table.add_row().cells
        for cell, value in zip(cells, row):
            cell.text = "" if value is None else str(value)
    first = Cm(5.0) if len(frame.columns) > 3 else Cm(6.0)
    other = Emu(int((Cm(16.0) - first) / max(1, len(frame.columns) - 1)))
    for i, col in enumerate(table.columns):  # the grid LibreOffice and Word lay out by
        col.width = first if i == 0 else other
    for row in table.rows:
        for i, cell in enumerate(row.cells):
            cell.width = first if i == 0 else other
            for par in cell.paragraphs:
                if i:
                    par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                for run in par.runs:
                    run.font.size = Pt(9)
    doc.add_paragraph()  # type: ignore[attr-defined]


def to_docx(report: Report) -> bytes:
    """An editable Word document: headings, figures as images, real tables, numbered captions."""
    from docx import Document
    from docx.shared import Cm, Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
    _docx_properties(doc, report)
    doc.add_heading(report.title, level=0)
    if report.subtitle:
        doc.add_paragraph(report.subtitle, style="Subtitle")
    if report.byline:
        doc.add_paragraph(report.byline)
    for section in report.sections:
        doc.add_heading(f"{section.number}. {section.title}" if section.number else section.title, level=1)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                if block.style == "subheading":
                    doc.add_heading(block.text, level=2)  # under a chapter (Heading 1): no level skipped
                else:
                    doc.add_paragraph(block.text)
            elif isinstance(block, Figure):
                doc.add_paragraph(block.caption, style="Caption")
                doc.add_picture(io.BytesIO(_png(block)), width=Cm(16))
                picture = doc.inline_shapes[-1]._inline.docPr  # the alternative text screen readers read
                picture.set("descr", block.alt)
                picture.set("title", block.caption)
            elif isinstance(block, Table):
                _docx_table(doc, block)
            elif isinstance(block, Quote):
                par = doc.add_paragraph(f"«{block.text}»" if report.lang == "nb" else f"“{block.text}”",
                                        style="Quote")
                par.add_run(f" ({block.group})").italic = True
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _docx_properties(doc: object, report: Report) -> None:
    """Title, subject, author and language in the file's properties; the text's language for proofing and
    screen readers (python-docx writes "python-docx" as the author unless told otherwise)."""
    from datetime import datetime

    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    props = doc.core_properties
    props.title, props.subject = report.title, report.subtitle
    props.author = props.last_modified_by = report.author
    props.language = LANGUAGE_TAGS.get(report.lang, "nb-NO")
    props.comments = ""
    if report.date:
        props.created = props.modified = datetime.fromisoformat(report.date)
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = defaults.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        defaults.append(lang)
    lang.set(qn("w:val"), props.language)


def _repeat_as_header(row: object) -> None:
    """Mark a Word table's first row as its header row, repeated on every page the table runs over."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


_CSS = """
body{font-family:Calibri,Arial,sans-serif;max-width:960px;margin:2em auto;color:#222;line-height:1.45}
h1{font-size:1.9em} h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
figure{margin:1em 0;page-break-inside:avoid} figcaption,.caption{font-weight:bold;font-size:.95em;margin:.6em 0}
img{max-width:100%} table{border-collapse:collapse;margin:.4em 0 1.2em;page-break-inside:avoid;font-size:.92em}
th,td{border:1px solid #bbb;padding:.25em .55em} td{text-align:right} td:first-child{text-align:left}
th{background:#eef3f8} blockquote{margin:.5em 1.5em;font-style:italic;color:#333}
@media print{body{margin:0;max-width:none} h2{page-break-before:auto}}
"""


def to_html(report: Report) -> bytes:
    """One self-contained HTML file (charts inline as PNG), printable; all text escaped."""
    e = html.escape
    out = [f"<!DOCTYPE html><html lang=\"{LANGUAGE_TAGS.get(report.lang, 'nb-NO')}\"><head><meta charset=\"utf-8\">",
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
           f"<meta name=\"author\" content=\"{e(report.author)}\">" if report.author else "",
           f"<meta name=\"dcterms.date\" content=\"{e(report.date)}\">" if report.date else "",
           f"<title>{e(report.title)}</title><style>{_CSS}</style></head><body><main>",
           f"<h1>{e(report.title)}</h1>", f"<p class=\"subtitle\">{e(report.subtitle)}</p>" if report.subtitle else "",
           f"<p>{e(report.byline)}</p>" if report.byline else ""]
    for section in report.sections:
        heading = f"{section.number}. {section.title}" if section.number else section.title
        out.append(f"<h2>{e(heading)}</h2>")
        for block in section.blocks:
            if isinstance(block, Paragraph):
                out.append(f"<h3>{e(block.text)}</h3>" if block.style == "subheading" else f"<p>{e(block.text)}</p>")
            elif isinstance(block, Figure):
                data = base64.b64encode(_png(block)).decode("ascii")
                out.append(f"<figure><figcaption>{e(block.caption)}</figcaption>"
                           f"<img alt=\"{e(block.alt)}\" src=\"data:image/png;base64,{data}\"></figure>")
            elif isinstance(block, Table):
                head = "".join(f"<th scope=\"col\">{e(str(c))}</th>" for c in block.frame.columns)
                rows = "".join("<tr>" + "".join(f"<td>{e('' if v is None else str(v))}</td>" for v in row) + "</tr>"
                               for row in block.frame.itertuples(index=False))
                out.append(f"<p class=\"caption\">{e(block.caption)}</p><table><thead><tr>{head}</tr></thead>"
                           f"<tbody>{rows}</tbody></table>")
            elif isinstance(block, Quote):
                out.append(f"<blockquote>{e(block.text)} ({e(block.group)})</blockquote>")
    out.append("</main></body></html>")
    return "".join(out).encode("utf-8")


def to_xlsx(report: Report) -> bytes:
    """Every table (one sheet per theme), the full frequency tables and the quoted comments."""
    return to_excel_bytes(report.sheets, title=report.title, author=report.author,
                          language=LANGUAGE_TAGS.get(report.lang, "nb-NO"))


def to_pptx(report: Report) -> bytes:
    """Slides for the meeting: a title slide with the data, then one slide per figure."""
    from pptx import Presentation
    from pptx.util import Inches, Pt

    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    props = deck.core_properties
    props.title, props.subject = report.title, report.subtitle
    props.author = props.last_modified_by = report.author
    props.language = LANGUAGE_TAGS.get(report.lang, "nb-NO")
    title = deck.slides.add_slide(deck.slide_layouts[0])
    title.shapes.title.text = report.title
    data_text = " ".join(b.text for b in report.sections[0].blocks if isinstance(b, Paragraph) and not b.style)
    title.placeholders[1].text = "\n".join(x for x in (report.subtitle, report.byline, data_text) if x)
    for _, figure in report.figures():
        slide = deck.slides.add_slide(deck.slide_layouts[5])
        slide.shapes.title.text = figure.caption.split(":", 1)[-1].split(".", 1)[0].strip() or figure.caption
        slide.shapes.title.text_frame.paragraphs[0].font.size = Pt(28)
        picture = slide.shapes.add_picture(io.BytesIO(_png(figure)), Inches(0.6), Inches(1.4),
                                           height=Inches(4.6))
        picture._element.nvPicPr.cNvPr.set("descr", figure.alt)  # the alternative text
        box = slide.shapes.add_textbox(Inches(0.6), Inches(6.1), Inches(12), Inches(1.2)).text_frame
        box.word_wrap = True
        box.text = figure.caption
        box.paragraphs[0].font.size = Pt(12)
        box.paragraphs[0].font.bold = True
        reading = box.add_paragraph()
        reading.text = figure.reading.split(". ")[0].rstrip(".") + "."
        reading.font.size = Pt(14)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()
