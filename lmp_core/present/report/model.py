"""The report's document model, built in the seed report's structure:

1. the data section (who was asked, how many answered, response rates, the caveats, Tabell 1.1);
2. one chapter per theme: Figur k.1 (top-2 shares per group), a paragraph reading it, Tabell k.1
   (means, SDs and Cohen's d), and the respondents' chosen comments;
3. a method appendix.

Groups below the minimum size are left out of every figure, table, sentence and quote.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import altair as alt
import pandas as pd

from lmp_core.analysis.analyse import Analysis, ColumnComments, long_tables, report_analysis
from lmp_core.base.catalogue import text, words
from lmp_core.base.fmt import whole
from lmp_core.compute.indices import Index
from lmp_core.compute.stats import MIN_GROUP_SIZE, note_text
from lmp_core.compute.view import View, ViewRequest
from lmp_core.compute.waves import Trend
from lmp_core.compute.weights import Weights
from lmp_core.counting.counts import Counts
from lmp_core.present.charts import group_caption, index_chart, top2_chart, trend_chart
from lmp_core.present.method import method_markdown
from lmp_core.present.report.sentences import (
    data_paragraphs,
    figure_paragraph,
    index_comparison_sentences,
    index_sentence,
    weighting_sentences,
)
from lmp_core.present.tables import (
    comparisons_table,
    frequency_table,
    group_stats_table,
    has_suppressed,
    index_table,
    stats_table,
    suppressed_legend,
    trend_changes_table,
    trend_table,
    weighted_comparisons_table,
    weighted_table,
)
from lmp_core.setup.survey import Survey

if TYPE_CHECKING:  # scipy, which kind_stats loads, is imported where a chapter of other kinds is made
    from lmp_core.compute.kind_stats import KindResult
    from lmp_core.compute.reference import ReferenceResult
    from lmp_core.compute.stats import Summary
    from lmp_core.read.reference import References


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = ""  # "" body text, "subheading"


@dataclass(frozen=True, eq=False)
class Figure:
    number: str
    caption: str
    chart: alt.TopLevelMixin
    reading: str = ""  # the sentences that read it, from the report's prose (slides, alternative text)

    @property
    def alt(self) -> str:
        """The alternative text of the image: its caption and the checked sentences that read it."""
        return f"{self.caption} {self.reading}".strip()


@dataclass(frozen=True, eq=False)
class Table:
    number: str
    caption: str
    frame: pd.DataFrame


@dataclass(frozen=True)
class Quote:
    text: str
    group: str


Block = Paragraph | Figure | Table | Quote


@dataclass(frozen=True)
class Section:
    number: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, eq=False)
class Report:
    title: str
    subtitle: str
    lang: str
    sections: tuple[Section, ...]
    sheets: dict[str, pd.DataFrame] = field(default_factory=dict)  # for the Excel workbook
    groups_line: str = ""
    author: str = ""
    date: str = ""  # ISO date (YYYY-MM-DD) the report is dated; "" for none

    @property
    def byline(self) -> str:
        """The author and the date as the title page prints them ("Kari Nordmann · 26. november 2026")."""
        from lmp_core.base.fmt import long_date

        return " · ".join(x for x in (self.author, long_date(self.date, self.lang) if self.date else "") if x)

    def figures(self) -> list[tuple[Section, Figure]]:
        return [(s, b) for s in self.sections for b in s.blocks if isinstance(b, Figure)]

    def paragraphs(self) -> list[str]:
        """All body text (what a test recomputes numbers from)."""
        return [b.text for s in self.sections for b in s.blocks if isinstance(b, Paragraph) and not b.style]




def _comment_theme(column: str, survey: Survey, themes: Sequence[str]) -> str | None:
    """The theme a comment column belongs to: the codebook's theme for it, else by name
    ("kommentar_kunnskap" goes with the kunnskap_* items, or with a theme starting "kunnskap")."""
    given = survey.text_theme(column)
    if given is not None:
        return given if given in themes else None
    stem = column.split("_", 1)[1] if "_" in column else column
    for it in survey.items:
        if it.theme in themes and (it.column.startswith(stem + "_") or it.theme.lower().startswith(stem.lower())):
            return it.theme
    return None


def build_report(
    source: Analysis | Survey | Counts,
    request: ViewRequest | None = None,
    *,
    group: str | None = None,
    populations: Mapping[str, int] | None = None,
    themes: Sequence[str] | None = None,
    quotes: Mapping[str, Sequence[str]] | None = None,
    lang: str = "nb",
    min_group_size: int = MIN_GROUP_SIZE,
    leading_zero: bool = True,
    title: str | None = None,
    subtitle: str | None = None,
    author: str = "",
    date: str = "",
    progress: Callable[[float, str], None] | None = None,
    notes: Sequence[tuple[str, dict]] = (),
    weights: Weights | None = None,
    trend: Trend | None = None,
    view: View | None = None,
    indices: Mapping[str, Index] | None = None,
    kinds: Sequence[KindResult] | None = None,
    references: References | None = None,
    reference_includes_group: bool = False,
) -> Report:
    """The report model of one analysis (:func:`lmp_core.analysis.analyse.report_analysis`), laid out: the same
    numbers the app and the command line show, none computed here.

    ``source`` is the analysis, or a survey or counts to make it of (with ``request``; without one, the view of
    ``group``, ``populations`` and ``min_group_size``; ``view``, ``weights``, ``indices`` (theme → its index, made
    in a database's visit), ``kinds`` and ``references`` as :func:`~lmp_core.analysis.analyse.report_analysis`
    takes them). ``quotes`` maps a comment column to the comments to quote (None: every comment of a group that is
    large enough); ``themes`` picks chapters (None: all, in file order); ``notes`` are caveats to add to the data
    section (e.g. fieldwork's "response rates differ by pulje"). ``title``, ``subtitle`` (default: the file's
    name), ``author`` and ``date`` (ISO) go on the title page and into the documents' properties. With weights the
    data section says how the figures were weighted and each chapter has a second table with the weighted figures
    beside the unweighted. With ``trend`` (:mod:`lmp_core.compute.waves`) a chapter shows each question's
    development over the waves. With reference figures a chapter "Sammenlignet med …" puts each shown group beside
    them.
    """
    if isinstance(source, Analysis):
        analysis = source
    else:
        if request is None:
            request = ViewRequest.of(group=group, populations=populations, min_group_size=min_group_size)
        analysis = report_analysis(source, request, themes=themes, lang=lang, view=view, weights=weights,
                                   indices=indices, references=references,
                                   reference_includes_group=reference_includes_group)
        if kinds is not None:
            analysis = analysis.with_parts(kinds=tuple(kinds))
    layout = _Layout(analysis, quotes, leading_zero)
    return layout.report(themes, notes=notes, trend=trend, progress=progress, title=title, subtitle=subtitle,
                         author=author, date=date)


@dataclass(frozen=True, eq=False)
class _Layout:
    """How one analysis is laid out as a report: its chapters in order, each from the analysis's figures."""

    analysis: Analysis
    quotes: Mapping[str, Sequence[str]] | None
    leading_zero: bool

    @property
    def lang(self) -> str:
        return self.analysis.request.lang

    @property
    def w(self) -> dict[str, str]:
        return words("report", self.lang)

    @property
    def min_group_size(self) -> int:
        return self.analysis.view.request.min_group_size

    def report(self, themes: Sequence[str] | None, *, notes: Sequence[tuple[str, dict]], trend: Trend | None,
               progress: Callable[[float, str], None] | None, title: str | None, subtitle: str | None,
               author: str, date: str) -> Report:
        """Data, a chapter per theme, other kinds, the reference, the trend, the other comments and the method."""
        analysis, lang, w = self.analysis, self.lang, self.w
        request, source = analysis.view.request, analysis.source
        counts = analysis.view.counts if request.items is None else analysis.view.counts.select(list(request.items))
        all_themes = list(dict.fromkeys(it.theme or w["other"] for it in counts.items))
        chosen = [t for t in all_themes if themes is None or t in themes]
        overall = analysis.summary_of([it.column for it in counts.items])
        sections = [self.data_section(overall, notes)]
        sheets: dict[str, pd.DataFrame] = {}
        used_comment_columns: set[str] = set()
        for k, theme in enumerate(chosen, start=2):
            if progress:
                progress((k - 1) / (len(chosen) + 1), theme)
            columns = [it.column for it in counts.items if (it.theme or w["other"]) == theme]
            section, sheets[theme] = self.theme_section(k, theme, columns, used_comment_columns)
            sections.append(section)
        self.add_closing_sections(sections, sheets, trend, [c for c in source.text_columns
                                                            if c not in used_comment_columns
                                                            and _comment_theme(c, source, all_themes) is None]
                                  if isinstance(source, Survey) else [])
        sheets[w["comments"]] = _all_quotes_frame(sections, lang)
        sheets["Frekvenser" if lang == "nb" else "Frequencies"] = frequency_table(
            analysis.summary_of([it.column for it in counts.items if (it.theme or w["other"]) in chosen]),
            lang=lang, formatted=False)
        if progress:
            progress(1.0, "")
        sections = [_without_empty_figures(section, lang, self.min_group_size) for section in sections]
        return Report(title or w["title"], source.source if subtitle is None else subtitle, lang, tuple(sections),
                      sheets, group_caption(overall, lang), author, date)

    def data_section(self, overall: Summary, notes: Sequence[tuple[str, dict]]) -> Section:
        """Chapter 1: the groups and their sizes, the caveats, how the figures were weighted, the size legend."""
        lang, w, weights = self.lang, self.w, self.analysis.weights
        blocks: list[Block] = [Paragraph(p) for p in data_paragraphs(overall.groups, lang,
                                                                     min_group_size=self.min_group_size)]
        blocks += [Paragraph(note_text(key, params, lang), "note")
                   for key, params in (*notes, *self.analysis.view.notes)]
        if weights is not None:
            blocks += [Paragraph(p) for p in weighting_sentences(weights, lang)]
            blocks += [Paragraph(note_text(key, params, lang), "note") for key, params in weights.notes]
        ranges = words("size_ranges", lang)
        legend = pd.DataFrame([(ranges[k], text(k, lang)) for k in ranges], columns=[w["d"], w["size"]])
        blocks.append(Table("1.1", f"{w['tab']} 1.1 {w['legend']}", legend))
        return Section("1", w["data"], tuple(blocks))

    def theme_section(self, k: int, theme: str, columns: list[str], used_comment_columns: set[str]
                      ) -> tuple[Section, pd.DataFrame]:
        """A theme's chapter (figure, reading, index, table, weighted table, quotes) and its sheet."""
        analysis, lang, w = self.analysis, self.lang, self.w
        summary = analysis.summary_of(columns)
        top = w["or"].join(f"«{lab[:1].lower() + lab[1:]}»" for lab in summary.items[0].item.scale.labels[-2:])
        n_line = group_caption(summary, lang)
        reading = figure_paragraph(summary, f"{k}.1", lang)
        blocks: list[Block] = [
            Figure(f"{k}.1", f"{w['fig']} {k}.1 {w['share'].format(top=top)}: {theme}. {n_line}.",
                   top2_chart(summary, lang=lang, title=theme), reading.split(". ", 1)[-1]),
            Paragraph(reading)]
        tables = itertools.count(2)  # Tabell k.1 is the chapter's table; the others follow in order
        blocks += self.index_blocks(k, theme, tables)
        blocks += self.table_blocks(k, theme, summary, n_line, tables)
        if analysis.weights is not None and analysis.weighted is not None:
            weighted = weighted_table(summary, analysis.weighted, analysis.weights, lang=lang)
            blocks.append(_numbered(f"{k}.{next(tables)}", w["tab"], f"{w['weighted_table']}: {theme}. {n_line}.",
                                    weighted))
            pairs = weighted_comparisons_table(summary, analysis.weighted_pairs or {}, lang=lang)
            if not pairs.empty:
                blocks.append(_numbered(f"{k}.{next(tables)}", w["tab"], f"{w['weighted_d']}: {theme}.", pairs))
        source = analysis.source
        if isinstance(source, Survey):
            for column in source.text_columns:
                if _comment_theme(column, source, [theme]) == theme:
                    used_comment_columns.add(column)
                    blocks += self.quote_blocks(column)
        return Section(str(k), theme, tuple(blocks)), self.sheet(summary)

    def index_blocks(self, k: int, theme: str, tables: Iterator[int]) -> list[Block]:
        """The theme as a whole: its index's reliability in one sentence, and the index per shown group."""
        index = self.analysis.index_of(theme)
        if index is None:
            return []
        lang, w = self.lang, self.w
        blocks: list[Block] = [Paragraph(index_sentence(index, lang))]
        if sum(s.n is not None for s in index.stats) > 1:  # the index per shown group, and how far apart
            sentences = [Paragraph(s) for s in index_comparison_sentences(index, lang)]
            blocks.append(_numbered(f"{k}.{next(tables)}", w["tab"], f"{w['index_table'].format(name=index.name)}.",
                                    index_table(index, lang=lang)))
            blocks += sentences
            chart = index_chart(index, lang=lang)
            blocks.append(Figure(f"{k}.2", f"{w['fig']} {k}.2 {chart.title}.", chart,
                                 " ".join(p.text for p in sentences)))
        return blocks

    def table_blocks(self, k: int, theme: str, summary: Summary, n_line: str, tables: Iterator[int]) -> list[Block]:
        """The chapter's table: long with the tests' letters for more than two groups, else wide; the legend of
        the held-back symbol under it."""
        lang, w, leading_zero = self.lang, self.w, self.leading_zero
        blocks: list[Block] = []
        if long_tables(summary):
            tests = self.analysis.tests_of([it.item.column for it in summary.items])
            table = group_stats_table(summary, lang=lang, leading_zero=leading_zero, tests=tests)
            blocks.append(Table(f"{k}.1", f"{w['tab']} {k}.1 {w['table']}: {theme}. {n_line}.", table))
            blocks.append(Paragraph(text("letters_footnote", lang), "note"))
            pairs = comparisons_table(summary, lang=lang, tests=tests)
            if not pairs.empty:
                blocks.append(_numbered(f"{k}.{next(tables)}", w["tab"], f"{w['pairs']}: {theme}.", pairs))
        else:
            table = stats_table(summary, lang=lang, leading_zero=leading_zero, with_top2=False)
            blocks.append(Table(f"{k}.1", f"{w['tab']} {k}.1 {w['table']}: {theme}. {n_line}.", table))
        if has_suppressed(table):  # the symbol's legend line, as Statistics Norway prints it under a table
            blocks.append(Paragraph(suppressed_legend(lang, self.min_group_size), "note"))
        return blocks

    def sheet(self, summary: Summary) -> pd.DataFrame:
        """A theme's sheet for the workbook, the held-back symbol's legend as its last line."""
        sheet = stats_table(summary, lang=self.lang, formatted=False, mark_suppressed=True)
        if has_suppressed(sheet):
            legend = suppressed_legend(self.lang, self.min_group_size)
            sheet = pd.concat([sheet, pd.DataFrame({sheet.columns[0]: [legend]})], ignore_index=True)
        return sheet

    def quote_blocks(self, column: str) -> list[Block]:
        return _quotes(self.analysis.comments_of(column), self.quotes, self.lang, self.w)

    def add_closing_sections(self, sections: list[Section], sheets: dict[str, pd.DataFrame], trend: Trend | None,
                             other_comments: Sequence[str]) -> None:
        """After the themes: the other kinds, the reference, the trend, the comments of no theme, the method."""
        analysis, lang, w = self.analysis, self.lang, self.w
        if analysis.kinds:
            kind_section = _kinds_section(analysis.kinds, str(len(sections) + 1), lang, self.leading_zero,
                                          self.min_group_size)
            if kind_section is not None:
                sections.append(kind_section[0])
                sheets[words("kinds", lang)["heading"]] = kind_section[1]
        if analysis.reference is not None and analysis.reference.comparisons:
            sections.append(_reference_section(analysis.reference, analysis.request.reference_includes_group,
                                               str(len(sections) + 1), lang))
        if trend is not None and trend.points:
            sections.append(_trend_section(trend, str(len(sections) + 1), lang, w))
        extra: list[Block] = []
        for column in other_comments:
            extra += self.quote_blocks(column)
        if extra:
            sections.append(Section(str(len(sections) + 1), w["more_comments"], tuple(extra)))
        sections.append(Section("", w["method"], tuple(_method_blocks(lang))))


def _without_empty_figures(section: Section, lang: str, min_group_size: int) -> Section:
    """The section with each figure that has nothing to draw (every group hidden or without answers) replaced by
    a sentence saying so: an empty chart has no size, and Word, HTML and slides could not be made of it."""
    from lmp_core.present.charts import has_marks

    blocks = tuple(b if not isinstance(b, Figure) or has_marks(b.chart) else
                   Paragraph(text("figure_no_data", lang, caption=b.caption.rstrip("."), min_n=min_group_size), "note")
                   for b in section.blocks)
    return Section(section.number, section.title, blocks)


def _kinds_section(results: Sequence[KindResult], number: str, lang: str, leading_zero: bool,
                   min_group_size: int = MIN_GROUP_SIZE) -> tuple[Section, pd.DataFrame] | None:
    """The chapter of the single-choice, yes/no, multiple-response and number questions, for the same view as
    the scale chapters: the yes/no questions' "yes" shares together first (as the seed's figures show top-2
    shares), then per question a subheading, its figure, its table and a sentence per finding; and the sheet
    of all their tables for the Excel workbook."""
    from lmp_core.present.charts import kind_chart, yes_share_chart
    from lmp_core.present.report.sentences import asked_sentence, kind_sentences
    from lmp_core.present.tables import kind_table

    w, k = words("report", lang), words("kinds", lang)
    results = [r for r in results if r.shown()]
    if not results:
        return None
    blocks: list[Block] = []
    figures, tables = itertools.count(1), itertools.count(1)
    yes_no = [r for r in results if r.yes_no and any(g.base for g in r.shown())]
    if yes_no:
        chart = yes_share_chart(yes_no, lang=lang)
        n = next(figures)
        blocks.append(Figure(f"{number}.{n}", f"{w['fig']} {number}.{n} {chart.title}.", chart))
    sheet = []
    for r in results:
        blocks.append(Paragraph(f"{r.question} ({k['yes_no'] if r.yes_no else k[r.kind]})", "subheading"))
        if not r.has_figures():  # no answers to show: why, instead of empty axes
            blocks.append(Paragraph(asked_sentence(r, min_group_size, lang)))
            continue
        sentences = kind_sentences(r, lang)
        n = next(figures)
        label = r.question if len(r.question) <= 80 else r.question[:77] + "…"
        blocks.append(Figure(f"{number}.{n}", f"{w['fig']} {number}.{n} {label}"
                             + (f" ({k['multi'].lower()})" if r.kind == "multi" else "") + ".",
                             kind_chart(r, lang=lang), " ".join(sentences)))
        t = next(tables)
        blocks.append(Table(f"{number}.{t}", f"{w['tab']} {number}.{t} {label}.", kind_table(r, lang=lang)))
        blocks += [Paragraph(sentence) for sentence in sentences]
        frame = kind_table(r, lang=lang, formatted=False)
        frame.insert(0, words("chart", lang)["question"], r.question)
        sheet.append(frame)
    return Section(number, k["heading"], tuple(blocks)), pd.concat(sheet, ignore_index=True)


def _reference_section(result: ReferenceResult, includes_group: bool, number: str, lang: str) -> Section:
    """The chapter "Sammenlignet med …" after the themes: each shown group beside the reference figures
    (:mod:`lmp_core.compute.reference`), a chart per measure with the reference as a mark, the table with the
    reference as a column, and a sentence per comparison under each question."""
    from lmp_core.present.reference import reference_chart, reference_heading, reference_table

    w = words("report", lang)
    source_name = result.source or text("ref_against_reference", lang)
    blocks: list[Block] = [Paragraph(text("ref_section_intro", lang, source=source_name))]
    if includes_group:
        blocks.append(Paragraph(text("ref_section_whole", lang)))
    figures = itertools.count(1)
    for statistic in ("mean", "top2"):
        chart = reference_chart(result, statistic, lang=lang)
        if chart is not None:
            n = next(figures)
            blocks.append(Figure(f"{number}.{n}", f"{w['fig']} {number}.{n} {text(f'ref_chart_title_{statistic}', lang)}.",
                                 chart))
    blocks.append(Table(f"{number}.1", f"{w['tab']} {number}.1 {text('ref_table_caption', lang)}.",
                        reference_table(result, lang=lang)))
    for target in dict.fromkeys((c.kind, c.question) for c in result.comparisons):
        kind, question = target
        blocks.append(Paragraph(text("ref_index_heading", lang, name=question) if kind == "index" else question,
                                "subheading"))
        blocks += [Paragraph(c.sentence(lang)) for c in result.comparisons if (c.kind, c.question) == target]
    blocks += [Paragraph(note, "note") for note in result.note_texts(lang)]
    return Section(number, reference_heading(result, lang), tuple(blocks))


def _numbered(number: str, word: str, caption: str, frame: pd.DataFrame) -> Table:
    """A table with its number in the caption ("Tabell 2.2 …")."""
    return Table(number, f"{word} {number} {caption}", frame)


def _trend_section(trend: Trend, number: str, lang: str, w: Mapping[str, str]) -> Section:
    """The trend chapter: the figure, what was left out and why, the change from wave to wave, the figures."""
    waves = ", ".join(trend.waves)
    blocks: list[Block] = [Paragraph(text("trend_paragraph", lang, waves=waves, count=len(trend.included)))]
    for q in trend.questions:
        if not q.included:
            blocks += [Paragraph(note_text(key, params, lang), "note") for key, params in q.flags]
            blocks.append(Paragraph(text("wave_left_out", lang, column=q.column), "note"))
    blocks += [Paragraph(note_text(key, params, lang), "note") for key, params in trend.notes
               if key != "wave_left_out"]
    blocks.append(Figure(f"{number}.1", f"{w['fig']} {number}.1 {w['trend']}: {waves}.",
                         trend_chart(trend, lang=lang, title=w["trend"])))
    blocks.append(Table(f"{number}.1", f"{w['tab']} {number}.1 {w['trend_changes']}.",
                        trend_changes_table(trend, lang=lang)))
    blocks.append(Table(f"{number}.2", f"{w['tab']} {number}.2 {w['trend_values']}.", trend_table(trend, lang=lang)))
    return Section(number, w["trend"], tuple(blocks))


def _quotes(found: ColumnComments | None, quotes: Mapping[str, Sequence[str]] | None, lang: str,
            w: dict[str, str]) -> list[Block]:
    """A column's comments to quote (the analysis's, :attr:`lmp_core.analysis.analyse.Analysis.comments`): only a
    column of written words (:func:`lmp_core.compute.comments.is_free_text`), the chosen ones (``quotes``; None:
    all shown), at most :data:`MAX_QUOTES` of them by the stated rule (:func:`lmp_core.compute.comments.quote_sample`),
    said under the heading."""
    from lmp_core.compute.comments import MAX_QUOTES, is_free_text, quote_sample

    if found is None:
        return []
    column, shown = found.column, found.shown.rows
    if quotes is not None:
        wanted = set(quotes.get(column, ()))
        shown = shown[shown["comment"].isin(wanted)]
    if shown.empty or not is_free_text(shown["comment"].tolist()):
        return []
    blocks: list[Block] = [Paragraph(w["quotes_intro"], "subheading")]
    if len(shown) > MAX_QUOTES:
        blocks.append(Paragraph(text("quotes_sampled", lang, shown=MAX_QUOTES, total=whole(len(shown), lang),
                                     every=whole(round(len(shown) / MAX_QUOTES), lang)), "note"))
        shown = shown.iloc[quote_sample(len(shown))]
    blocks += [Quote(str(r.comment), str(r.group)) for r in shown.itertuples()]
    wanted = None if quotes is None else set(quotes.get(column, ()))
    return blocks + _code_quotes(found, lang, wanted)


def _code_quotes(found: ColumnComments, lang: str, wanted: set[str] | None) -> list[Block]:
    """A coded comment column's quotes per code (only from groups whose coded counts are shown), each code's name
    and how many shown comments got it, then up to three quotes, among the comments chosen for the report
    (``wanted``; None: all)."""
    blocks: list[Block] = []
    for entry in found.by_code:
        chosen = [(g, q) for g, q in entry.quotes if wanted is None or q in wanted][:3]
        if chosen:
            blocks.append(Paragraph(f"{entry.code} ({entry.shown})"))
            blocks += [Quote(quote, quote_group) for quote_group, quote in chosen]
    return [Paragraph(text("coding_report_quotes", lang, column=found.column), "subheading"), *blocks] if blocks else []


def _all_quotes_frame(sections: Sequence[Section], lang: str) -> pd.DataFrame:
    rows = [{"Kapittel" if lang == "nb" else "Chapter": s.title, "Gruppe" if lang == "nb" else "Group": b.group,
             "Kommentar" if lang == "nb" else "Comment": b.text}
            for s in sections for b in s.blocks if isinstance(b, Quote)]
    return pd.DataFrame(rows)


def _method_blocks(lang: str) -> list[Block]:
    """The method text as paragraphs (list items and their wrapped lines joined; tables left out:
    the effect-size legend is Tabell 1.1)."""
    blocks: list[Block] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            blocks.append(Paragraph(" ".join(current).replace("**", ""), "method"))
            current.clear()

    for raw in method_markdown(lang).splitlines():
        line = raw.strip()
        if not line or line.startswith("|"):
            flush()
        elif line.startswith("###"):
            flush()
            blocks.append(Paragraph(line.lstrip("# ").strip(), "subheading"))
        elif line.startswith("- "):
            flush()
            current.append(line[2:])
        else:
            current.append(line)
    flush()
    return blocks
