"""Summary -> tables (pandas) as the report prints them, and their CSV / Excel bytes.

Exports are made for Norwegian Excel: CSV as UTF-8 with BOM, ``;`` separator and decimal comma.
Cells that begin with ``=``, ``+``, ``-`` or ``@`` are prefixed with ``'`` so a spreadsheet shows
them as text and never runs them (OWASP "CSV injection").
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import pandas as pd

from lmp_core.base.catalogue import text, words
from lmp_core.base.fmt import number, percent
from lmp_core.base.rules import MIN_GROUP_SIZE
from lmp_core.base.sanitize import xml_safe
from lmp_core.compute.stats import Comparison, EffectSize, Summary

if TYPE_CHECKING:
    from lmp_core.compute.groups import GroupTests
    from lmp_core.compute.indices import Index
    from lmp_core.compute.kind_stats import KindResult
    from lmp_core.compute.waves import Trend
    from lmp_core.compute.weights import WeightedComparison, WeightedStats, Weights
from lmp_core.setup.survey import unique_labels


def heading(key: str, lang: str = "nb") -> str:
    """A column heading in ``lang``."""
    return words("table", lang)[key]


#: Statistics Norway's symbol for a figure that may not be published ("tall kan ikke offentliggjøres"); a
#: formatted table that holds it gets the legend line :func:`suppressed_legend`.
SUPPRESSED = ":"


def has_suppressed(frame: pd.DataFrame) -> bool:
    """Whether a formatted table holds a suppressed cell (and so needs its legend line)."""
    return bool((frame == SUPPRESSED).to_numpy().any())


def suppressed_legend(lang: str = "nb", min_group_size: int = MIN_GROUP_SIZE) -> str:
    """The legend line under a table with suppressed cells."""
    return text("suppressed_legend", lang, symbol=SUPPRESSED, min_n=min_group_size)


def stats_table(summary: Summary, *, lang: str = "nb", formatted: bool = True, effect: EffectSize = "d",
                leading_zero: bool = True, with_top2: bool = True, mark_suppressed: bool = False) -> pd.DataFrame:
    """Tabell 2.1: per question (its short label, made unique: :func:`lmp_core.setup.survey.unique_labels`) the
    n, mean and SD of each group, then d, its size word and the higher group.

    With ``formatted`` the numbers are strings at the report's precision in ``lang``
    (means and SDs 2 decimals, d 2 decimals, top-2 1 decimal); otherwise unrounded floats. A suppressed cell
    is ":" when formatted or ``mark_suppressed`` (a workbook for publication), else missing.
    """
    h = words("table", lang)
    rows = []
    labels = unique_labels([it.item for it in summary.items])
    for it in summary.items:
        row: dict[str, object] = {h["question"]: labels[it.item.column]}
        hidden = {g.name for g in summary.groups if g.suppressed}
        for s in it.stats:
            if s.group in hidden:
                continue  # a group below the minimum size has no column at all
            n = s.n if not s.suppressed else None
            row[f"{s.group} {h['n']}"] = number(n, 0, lang) if formatted and n is not None else n  # "22 597"
            row[f"{s.group} {h['mean']}"] = _fmt(s.mean, 2, lang, formatted, leading_zero)
            row[f"{s.group} {h['sd']}"] = _fmt(s.sd, 2, lang, formatted, leading_zero=not (formatted and not leading_zero))
            if with_top2:
                row[f"{s.group} {h['top2']}"] = _fmt(s.top2_pct, 1, lang, formatted, True)
            if (formatted or mark_suppressed) and s.suppressed:  # Statistics Norway's symbol: may not be published
                for key in ("n", "mean", "sd", "top2"):
                    if f"{s.group} {h[key]}" in row:
                        row[f"{s.group} {h[key]}"] = SUPPRESSED
        for c in it.comparisons:
            suffix = f" ({c.a}–{c.b})" if len(summary.groups) > 2 else ""
            value = c.effect(effect)
            row[h[effect] + suffix] = _fmt(abs(value) if (formatted and value is not None) else value, 2, lang,
                                           formatted, leading_zero)
            row[h["size"] + suffix] = _size(c, lang)
            row[h["higher"] + suffix] = c.higher() or ""
        rows.append(row)
    return pd.DataFrame(rows)


def group_stats_table(summary: Summary, *, lang: str = "nb", formatted: bool = True,
                      leading_zero: bool = True, tests: Sequence[GroupTests] = ()) -> pd.DataFrame:
    """Tabell 2.1's group figures in long form, one row per question and group (n, mean, SD, top-2 %): readable
    with any number of groups, where the wide form grows four columns per group. Hidden groups have no row.

    With ``tests`` (:func:`lmp_core.compute.groups.group_tests`) each group is named with its letter ("Lærer (A)") and
    an "above" column lists the letters of the groups it lies significantly above on that question.
    """
    h = words("table", lang)
    by_column = {t.column: t for t in tests}
    labels = unique_labels([it.item for it in summary.items])
    hidden = {g.name for g in summary.groups if g.suppressed}
    rows = []
    for it in summary.items:
        for s in it.stats:
            if s.group in hidden:
                continue
            n = s.n if not s.suppressed else None
            row = {h["question"]: labels[it.item.column], h["group"]: s.group,
                   h["n"]: number(n, 0, lang) if formatted and n is not None else n,
                   h["mean"]: _fmt(s.mean, 2, lang, formatted, leading_zero),
                   h["sd"]: _fmt(s.sd, 2, lang, formatted, leading_zero),
                   h["top2"]: _fmt(s.top2_pct, 1, lang, formatted, True)}
            if formatted and s.suppressed:
                row.update({h[key]: SUPPRESSED for key in ("n", "mean", "sd", "top2")})
            if tests:
                test = by_column.get(it.item.column)
                if test is not None and s.group in test.groups:
                    row[h["group"]] = f"{s.group} ({test.letter(s.group)})"
                row[h["above"]] = test.letters.get(s.group, "") if test is not None else ""
            rows.append(row)
    return pd.DataFrame(rows)


def comparisons_table(summary: Summary, *, lang: str = "nb", formatted: bool = True, effect: EffectSize = "d",
                      leading_zero: bool = True, tests: Sequence[GroupTests] = ()) -> pd.DataFrame:
    """Tabell 2.1's comparisons in long form, one row per question and pair of groups: the effect size, its
    size word (or why there is none) and the higher group; with ``tests``, Cliff's delta, the pair's
    Holm-adjusted p and the question's Kruskal–Wallis p (:mod:`lmp_core.compute.groups`)."""
    h = words("table", lang)
    pair_of = {(t.column, p.a, p.b): (t, p) for t in tests for p in t.pairs}
    labels = unique_labels([it.item for it in summary.items])
    rows = []
    for it in summary.items:
        for c in it.comparisons:
            value = c.effect(effect)
            rows.append({h["question"]: labels[it.item.column], h["groups"]: f"{c.a}–{c.b}",
                         h[effect]: _fmt(abs(value) if (formatted and value is not None) else value, 2, lang,
                                         formatted, leading_zero),
                         h["size"]: _size(c, lang),
                         h["higher"]: c.higher() or ""})
            if tests:
                test, pair = pair_of.get((it.item.column, c.a, c.b), (None, None))
                rows[-1][h["cliff"]] = _fmt(pair.cliffs_delta if pair else None, 2, lang, formatted, leading_zero)
                rows[-1][h["p_holm"]] = _p(pair.p_holm if pair else None, lang, formatted)
                omnibus = "p_chi2" if test is not None and test.omnibus == "chi2" else "p_omnibus"
                rows[-1][h[omnibus]] = _p(test.p_value if test else None, lang, formatted)
    return pd.DataFrame(rows)


def _size(c: Comparison, lang: str) -> str:
    """The size word, or why there is none; with too few answers for a word, d's interval ("KI −0,21 til 0,95")."""
    if c.magnitude:
        return text(c.magnitude, lang)
    if c.reason == "reason_few_for_size" and c.d_ci:
        return text("size_interval", lang, lo=number(c.d_ci[0], 2, lang), hi=number(c.d_ci[1], 2, lang))
    return text(c.reason, lang) if c.reason else ""


def _p(value: float | None, lang: str, formatted: bool) -> object:
    """A p-value as printed: three decimals, "< 0,001" below that."""
    if not formatted or value is None:
        return value if not formatted else "–"
    return f"< {number(0.001, 3, lang)}" if value < 0.001 else number(value, 3, lang)


def _fmt(value: float | None, decimals: int, lang: str, formatted: bool, leading_zero: bool) -> object:
    if not formatted:
        return value
    return number(value, decimals, lang, leading_zero=leading_zero)


def frequency_table(summary: Summary, *, lang: str = "nb", formatted: bool = True) -> pd.DataFrame:
    """Every item's full answer distribution per group: counts and percentages, "don't know" and blanks."""
    h = words("table", lang)
    rows = []
    for it in summary.items:
        for s in it.stats:
            if s.suppressed:
                continue
            for label, n in s.counts.items():
                pct = s.percents.get(label)
                rows.append({h["question"]: it.item.question, h["group"]: s.group, h["answer"]: label, h["count"]: n,
                             h["pct"]: percent(pct, 1, lang) if formatted else pct})
            rows.append({h["question"]: it.item.question, h["group"]: s.group, h["answer"]: h["missing"],
                         h["count"]: s.missing, h["pct"]: "" if formatted else None})
    return pd.DataFrame(rows)


def neutralize(value: object) -> object:
    """Prefix text that a spreadsheet would run as a formula; replace what XML cannot hold.

    >>> neutralize("=HYPERLINK(1)"), neutralize("-2"), neutralize("ok"), neutralize(-2), neutralize("a\x0bb")
    ("'=HYPERLINK(1)", "'-2", 'ok', -2, 'a b')
    """
    if not isinstance(value, str):
        return value
    value = xml_safe(value)
    if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text cell and heading neutralised."""
    out = frame.map(neutralize)
    out.columns = [neutralize(str(c)) for c in frame.columns]
    return out


def to_csv_bytes(frame: pd.DataFrame, *, excel: bool = True) -> bytes:
    """CSV bytes: for Norwegian Excel (BOM, ``;``, decimal comma) or plain UTF-8 with ``,``."""
    safe = safe_frame(frame)
    if excel:
        return safe.to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig")
    return safe.to_csv(index=False).encode("utf-8")


def to_excel_bytes(sheets: dict[str, pd.DataFrame], *, title: str = "", author: str = "",
                   language: str = "") -> bytes:
    """An .xlsx workbook with one sheet per table (names cut to Excel's 31 characters), its first row the
    header (bold, frozen), and the title, author and language in the file's properties."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        writer.book.properties.title = title or None
        writer.book.properties.creator = author or None
        writer.book.properties.language = language or None
        used: set[str] = set()
        for name, frame in sheets.items():
            sheet = _sheet_name(name, used)
            safe_frame(frame).to_excel(writer, sheet_name=sheet, index=False)
            ws = writer.sheets[sheet]
            ws.freeze_panes = "A2"  # the header row stays in view
            for col in ws.columns:
                width = max(len(str(c.value or "")) for c in col)
                ws.column_dimensions[col[0].column_letter].width = min(60, max(8, width + 2))
    return buffer.getvalue()


def _sheet_name(name: str, used: set[str]) -> str:
    """A sheet name Excel accepts and no other sheet of the book has: without ``[]:*?/\\``, not beginning or
    ending with an apostrophe, at most 31 characters, not Excel's reserved "History", and unique as Excel
    compares names (case-insensitively): a theme cut to 31 characters or spelled in other case gets ``_2``, ``_3``.

    >>> used = set(); [_sheet_name(n, used) for n in ("Tema", "tema", "x" * 40, "x" * 41, "'", "History")]
    ['Tema', 'tema_2', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxx_2', 'Ark', 'History_2']
    """
    clean = "".join(ch for ch in xml_safe(name) if ch not in "[]:*?/\\").strip("'")[:31].strip("'")
    clean = clean if clean.strip() else "Ark"
    base, candidate, i = clean, clean, 2
    while candidate.casefold() in used or candidate.casefold() == "history":
        suffix = f"_{i}"
        candidate = base[:31 - len(suffix)] + suffix
        i += 1
    used.add(candidate.casefold())
    return candidate


def index_table(index: Index, *, lang: str = "nb") -> pd.DataFrame:
    """An index per group: n, mean and SD. A group under the minimum has no row, as it has no column in the
    question tables."""
    h = words("table", lang)
    columns = [h["group"], h["n"], h["mean"], h["sd"]]
    top2 = any(s.top2_pct is not None for s in index.stats)
    if top2:
        columns.append(h["top2"])
    weighted = any(s.n_eff is not None for s in index.stats)
    if weighted:  # weighted beside unweighted (lmp_core.compute.weights)
        columns += [h["n_eff"], f"{h['mean']} {h['weighted']}", f"{h['sd']} {h['weighted']}"]
    rows = []
    for s in index.stats:
        if s.n is None:
            continue
        row = [s.group, number(s.n, 0, lang), number(s.mean, 2, lang), number(s.sd, 2, lang)]
        if top2:
            row.append(number(s.top2_pct, 1, lang))
        if weighted:
            row += [number(s.n_eff, 1, lang), number(s.weighted_mean, 2, lang), number(s.weighted_sd, 2, lang)]
        rows.append(dict(zip(columns, row)))
    return pd.DataFrame(rows, columns=columns)


def index_items_table(index: Index, *, lang: str = "nb") -> pd.DataFrame:
    """An index's questions: item-rest correlation and alpha if the question is left out."""
    h = words("table", lang)
    return pd.DataFrame([{h["question"]: column + (" (R)" if column in index.reversed else ""),
                          h["item_rest"]: number(index.item_rest.get(column), 2, lang),
                          h["alpha_if_dropped"]: number(index.alpha_if_dropped.get(column), 2, lang)}
                         for column in index.items])


def weighted_table(summary: Summary, cells: Mapping[tuple[str, str], WeightedStats], weights: Weights, *,
                   lang: str = "nb", formatted: bool = True) -> pd.DataFrame:
    """Unweighted and weighted side by side, one row per question and shown group: n and effective n, the
    top-2 share and the mean each without and with weights (:func:`lmp_core.compute.weights.weighted_stats`)."""
    h = words("table", lang)
    labels = unique_labels([it.item for it in summary.items])
    hidden = {g.name for g in summary.groups if g.suppressed}
    w = h["weighted"]
    rows = []
    for it in summary.items:
        for s in it.stats:
            if s.group in hidden:
                continue
            cell = cells.get((it.item.column, s.group))
            row: dict[str, object] = {h["question"]: labels[it.item.column], h["group"]: s.group}
            if s.suppressed or cell is None:
                row.update({k: SUPPRESSED if formatted else None for k in (
                    h["n"], h["n_eff"], h["top2"], f"{h['top2']} {w}", h["mean"], f"{h['mean']} {w}",
                    h["sd"], f"{h['sd']} {w}")})
            else:
                row[h["n"]] = number(s.n, 0, lang) if formatted else s.n
                row[h["n_eff"]] = _fmt(cell.n_eff, 1, lang, formatted, True)
                row[h["top2"]] = _fmt(s.top2_pct, 1, lang, formatted, True)
                row[f"{h['top2']} {w}"] = _fmt(cell.top2_pct, 1, lang, formatted, True)
                row[h["mean"]] = _fmt(s.mean, 2, lang, formatted, True)
                row[f"{h['mean']} {w}"] = _fmt(cell.mean, 2, lang, formatted, True)
                row[h["sd"]] = _fmt(s.sd, 2, lang, formatted, True)
                row[f"{h['sd']} {w}"] = _fmt(cell.sd, 2, lang, formatted, True)
            rows.append(row)
    return pd.DataFrame(rows)


def balance_table(frame: pd.DataFrame, *, lang: str = "nb") -> pd.DataFrame:
    """The weighting's before/after table (:func:`lmp_core.compute.weights.balance`) with its headings in ``lang``:
    shares with one decimal, standardised differences with two; a held-back share is ":"."""
    h = words("balance", lang)
    out = pd.DataFrame({h["characteristic"]: frame["characteristic"], h["category"]: frame["category"]})
    for key, places in (("invited", 1), ("respondents", 1), ("weighted", 1), ("asmd_respondents", 2),
                        ("asmd_weighted", 2)):
        out[h[key]] = [SUPPRESSED if held else number(v, places, lang) for v, held in zip(frame[key], frame["held"])]
    return out


def _labels_of(trend: Trend) -> dict[str, str]:
    return {q.column: q.label for q in trend.questions}  # unique (lmp_core.setup.survey.unique_labels)


def trend_table(trend: Trend, *, lang: str = "nb", formatted: bool = True) -> pd.DataFrame:
    """Each included question's n, top-2 share, mean and SD per group and wave (:mod:`lmp_core.compute.waves`);
    a group hidden in a wave is ":"."""
    h = words("table", lang)
    labels = _labels_of(trend)
    rows = []
    for p in trend.points:
        s = p.stats
        row: dict[str, object] = {h["question"]: labels[p.column], h["group"]: p.group, h["wave"]: p.wave}
        if s.suppressed:
            row.update({h[k]: SUPPRESSED if formatted else None for k in ("n", "top2", "mean", "sd")})
        else:
            row[h["n"]] = number(s.n, 0, lang) if formatted else s.n
            row[h["top2"]] = _fmt(s.top2_pct, 1, lang, formatted, True)
            row[h["mean"]] = _fmt(s.mean, 2, lang, formatted, True)
            row[h["sd"]] = _fmt(s.sd, 2, lang, formatted, True)
        rows.append(row)
    return pd.DataFrame(rows)


def trend_changes_table(trend: Trend, *, lang: str = "nb", formatted: bool = True) -> pd.DataFrame:
    """The change from wave to wave (later − earlier) per question and group: the top-2 share in percentage
    points and the mean, each with its interval, and d with its size word."""
    h = words("table", lang)
    labels = _labels_of(trend)

    def with_ci(row: dict[str, object], name: str, value: float | None, pair: tuple[float, float] | None,
                places: int) -> None:
        row[name] = _fmt(value, places, lang, formatted, True)
        if formatted:
            row[f"{name} {h['ci']}"] = "" if pair is None else \
                f"{number(pair[0], places, lang)} – {number(pair[1], places, lang)}"
        else:  # a spreadsheet gets the interval's ends as numbers
            row[f"{name} {h['ci']} low"], row[f"{name} {h['ci']} high"] = pair if pair else (None, None)

    rows = []
    for c in trend.changes:
        row: dict[str, object] = {h["question"]: labels[c.column], h["group"]: c.group, h["from"]: c.a, h["to"]: c.b}
        with_ci(row, h["change_top2"], c.top2_diff, c.top2_diff_ci, 1)
        with_ci(row, h["change_mean"], c.mean_diff, c.mean_diff_ci, 2)
        row[h["d"]] = _fmt(c.d, 2, lang, formatted, True)
        row[h["size"]] = text(c.magnitude, lang) if c.magnitude else (text(c.reason, lang) if c.reason else "")
        rows.append(row)
    return pd.DataFrame(rows)


def weighted_comparisons_table(summary: Summary, comparisons: Mapping[tuple[str, str, str], WeightedComparison], *,
                               lang: str = "nb", formatted: bool = True) -> pd.DataFrame:
    """Cohen's d of each pair without and with weights (:func:`lmp_core.compute.weights.weighted_comparisons`)."""
    h = words("table", lang)
    labels = unique_labels([it.item for it in summary.items])
    rows = []
    for it in summary.items:
        for c in it.comparisons:
            wc = comparisons.get((it.item.column, c.a, c.b))
            rows.append({h["question"]: labels[it.item.column], h["groups"]: f"{c.a}–{c.b}",
                         h["d"]: _fmt(c.d, 2, lang, formatted, True), h["size"]: _size(c, lang),
                         f"{h['d']} {h['weighted']}": _fmt(wc.d if wc else None, 2, lang, formatted, True),
                         f"{h['size']} {h['weighted']}": text(wc.magnitude, lang) if wc and wc.magnitude else ""})
    return pd.DataFrame(rows)


def banner_table(parts: Sequence[tuple[str, Summary]], *, lang: str = "nb", formatted: bool = True) -> pd.DataFrame:
    """A banner table (:func:`lmp_core.compute.view.banner`): one row per question, one column per group and value of
    the crossing column ("Skoleleder / 1"), each cell the mean and n, ":" for a hidden cell. Unformatted: a
    mean and an n column per cell."""
    h = words("table", lang)
    rows: dict[str, dict[str, object]] = {}
    labels: dict[str, str] = {}
    for value, summary in parts:
        labels.update(unique_labels([it.item for it in summary.items]))
        hidden = {g.name for g in summary.groups if g.suppressed}
        for it in summary.items:
            row = rows.setdefault(it.item.column, {h["question"]: labels[it.item.column]})
            for s in it.stats:
                name = f"{s.group} / {value}"
                shown = not (s.suppressed or s.group in hidden) and s.mean is not None
                if formatted:
                    row[name] = f"{number(s.mean, 2, lang)} ({number(s.n, 0, lang)})" if shown else SUPPRESSED
                else:
                    row[f"{name} {h['mean']}"] = s.mean if shown else None
                    row[f"{name} {h['n']}"] = s.n if shown else None
    return pd.DataFrame(list(rows.values()))


def kind_table(result: KindResult, *, lang: str = "nb", formatted: bool = True) -> pd.DataFrame:
    """A question of another kind as a table.

    Single choice and multiple response: one row per option (in the question's order) with each group's share
    and count, the base as the last row (and, for a set, the mean number ticked); with two shown groups a column
    of the difference in points with Newcombe's interval. A number: one row per group with n, mean, SD, median,
    quartiles and the mean's interval. A hidden group shows ":" (``formatted``) or nothing.
    """
    k = words("kinds", lang)
    rows: list[dict[str, object]] = []
    if result.kind == "number":
        for g in result.groups:
            if g.suppressed:
                rows.append({words("table", lang)["group"]: g.group,
                             **{k[c]: SUPPRESSED if formatted else None for c in
                                ("n", "mean", "sd", "median", "q1", "q3", "ci")}})
                continue
            values = {"n": g.n, "mean": g.mean, "sd": g.sd, "median": g.median, "q1": g.q1, "q3": g.q3}
            row: dict[str, object] = {words("table", lang)["group"]: g.group}
            for key, value in values.items():
                row[k[key]] = number(value, 0 if key == "n" else 2, lang) if formatted else value
            row[k["ci"]] = (f"[{number(g.mean_ci[0], 2, lang)}; {number(g.mean_ci[1], 2, lang)}]"
                            if g.mean_ci else "–") if formatted else (list(g.mean_ci) if g.mean_ci else None)
            rows.append(row)
        return _as_text(pd.DataFrame(rows)) if formatted else pd.DataFrame(rows)
    diffs = {d.option: d for d in result.differences} if len(result.shown()) == 2 else {}
    for option in result.options:
        row = {k["option"]: option}
        for g in result.groups:
            if g.suppressed:
                row[f"{g.group} %"] = SUPPRESSED if formatted else None
                row[f"{g.group} n"] = SUPPRESSED if formatted else None
            elif formatted:
                row[f"{g.group} %"] = percent(g.shares[option], 1, lang) if g.shares else "–"
                row[f"{g.group} n"] = number(g.counts[option] if g.counts else 0, 0, lang)
            else:
                row[f"{g.group} %"] = g.shares[option] if g.shares else None
                row[f"{g.group} n"] = g.counts[option] if g.counts else 0
        if diffs:
            d = diffs[option]
            row[k["diff"]] = (f"{number(d.diff, 1, lang)} [{number(d.diff_ci[0], 1, lang)}; "
                              f"{number(d.diff_ci[1], 1, lang)}]") if formatted else d.diff
            if d.p_holm is not None:
                row[k["p_holm"]] = number(d.p_holm, 3, lang) if formatted else d.p_holm
        rows.append(row)
    base = {k["option"]: k["base"]}
    for g in result.groups:
        base[f"{g.group} %"] = ""
        base[f"{g.group} n"] = (SUPPRESSED if formatted else None) if g.suppressed else (
            number(g.base, 0, lang) if formatted else g.base)
    rows.append(base)
    if result.kind == "multi":
        mean = {k["option"]: k["mean_ticked"]}
        for g in result.groups:
            value = None if g.suppressed else g.mean_ticked
            mean[f"{g.group} %"] = (SUPPRESSED if g.suppressed else number(value, 2, lang)) if formatted else value
            mean[f"{g.group} n"] = ""
        rows.append(mean)
    return _as_text(pd.DataFrame(rows)) if formatted else pd.DataFrame(rows)


def _as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell as the text it prints as (counts as whole numbers, blanks empty): one type per column."""
    return frame.map(lambda v: "" if v is None or (isinstance(v, float) and pd.isna(v)) else
                     (str(int(v)) if isinstance(v, (int, float)) and float(v).is_integer() else str(v)))
