"""Sentences that read the numbers, in bokmål or English. Every number a sentence quotes comes
from the summary passed in, formatted as the report prints it ("94,4 prosent", "90 prosent",
"d = 0,46")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from lmp_core.base.catalogue import text
from lmp_core.base.fmt import number, whole
from lmp_core.compute.indices import Index
from lmp_core.compute.stats import (
    LOW_RESPONSE_RATE,
    MIN_GROUP_SIZE,
    SMALL_GROUP,
    Comparison,
    GroupInfo,
    ItemSummary,
    Summary,
)
from lmp_core.counting.disclosure import shown

if TYPE_CHECKING:
    from lmp_core.compute.kind_stats import KindResult
    from lmp_core.compute.weights import Weights


def pct_words(value: float, lang: str) -> str:
    """A share as the report writes it: one decimal, none when it is whole ("94,4", "90").

    >>> pct_words(94.444, "nb"), pct_words(90.0, "nb"), pct_words(65.71, "en")
    ('94,4', '90', '65.7')
    """
    rounded = round(value, 1)
    return number(rounded, 0 if rounded == int(rounded) else 1, lang)


def _quoted(label: str, lang: str) -> str:
    return f"«{label}»" if lang == "nb" else f"“{label}”"


def _top_words(summary: Summary, lang: str) -> str:
    scale = summary.items[0].item.scale
    top = [lab[:1].lower() + lab[1:] for lab in scale.labels[-summary.top_k:]]
    joiner = " eller " if lang == "nb" else " or "
    return joiner.join(_quoted(t, lang) for t in top)


def figure_paragraph(summary: Summary, figure_number: str, lang: str = "nb") -> str:
    """For a top-2 figure: per group the highest and lowest items with their shares, then where the
    groups differ, d and its size word from Tabell 1.1."""
    shown = [g for g in summary.groups if not g.suppressed]
    sentences: list[str] = []
    if lang == "nb":
        sentences.append(f"Figur {figure_number} viser andelen som svarer {_top_words(summary, lang)}.")
    else:
        sentences.append(f"Figure {figure_number} shows the share answering {_top_words(summary, lang)}.")
    for g in shown:
        ranked = [(it, it.group(g.name).top2_pct) for it in summary.items if it.group(g.name).top2_pct is not None]
        if not ranked:
            continue
        ranked.sort(key=lambda x: -x[1])
        best, worst = ranked[0], ranked[-1]
        if len(ranked) == 1 or best[1] == worst[1]:
            if lang == "nb":
                sentences.append(f"I gruppen {g.name} (n={whole(g.respondents, lang)}) svarer {pct_words(best[1], lang)} prosent "
                                 f"slik på {_quoted(best[0].item.label, lang)}.")
            else:
                sentences.append(f"In the group {g.name} (n={whole(g.respondents, lang)}), {pct_words(best[1], lang)} per cent "
                                 f"answer so on {_quoted(best[0].item.label, lang)}.")
            continue
        if lang == "nb":
            sentences.append(
                f"I gruppen {g.name} (n={whole(g.respondents, lang)}) er andelen høyest for {_quoted(best[0].item.label, lang)} "
                f"({pct_words(best[1], lang)} prosent) og lavest for {_quoted(worst[0].item.label, lang)} "
                f"({pct_words(worst[1], lang)} prosent).")
        else:
            sentences.append(
                f"In the group {g.name} (n={whole(g.respondents, lang)}) the share is highest for {_quoted(best[0].item.label, lang)} "
                f"({pct_words(best[1], lang)} per cent) and lowest for {_quoted(worst[0].item.label, lang)} "
                f"({pct_words(worst[1], lang)} per cent).")
    sentences += comparison_sentences(summary.items, lang)
    return " ".join(sentences)


#: Size words from the largest down: the order a paragraph names them in.
SIZES = ("size_large", "size_moderate", "size_small", "size_none")
_COUNT_WORDS = {"nb": ("to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti"),
                "en": ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")}


def _and(parts: Sequence[str], lang: str) -> str:
    """ "a, b og c" / "a, b and c"."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + (" og " if lang == "nb" else " and ") + parts[-1]


def _count(n: int, lang: str) -> str:
    """Two to ten in words (Språkrådet: small numbers in running text), larger as digits."""
    return _COUNT_WORDS[lang if lang in _COUNT_WORDS else "nb"][n - 2] if 2 <= n <= 10 else whole(n, lang)


def comparison_sentences(items: Sequence[ItemSummary], lang: str = "nb") -> list[str]:
    """Per pair of groups, as the seed note writes it: one sentence for the sizes of the differences
    (items gathered under each size word, largest first, each with its d), one for which group is higher.

    An item without d (a hidden group, too few answers) is left out. One item alone gets one sentence:
    "For «x» er forskjellen mellom A og B liten (d = 0,20); A har høyest snitt."
    """
    pairs: dict[tuple[str, str], list[tuple[ItemSummary, Comparison]]] = {}
    for it in items:
        for c in it.comparisons:
            if c.d is not None and c.magnitude is not None:
                pairs.setdefault((c.a, c.b), []).append((it, c))
    out = []
    for (a, b), found in pairs.items():
        if len(found) == 1:
            it, c = found[0]
            out.append(_one_comparison(it, c, lang))
            continue
        sizes = []
        for size in SIZES:
            named = [f"{_quoted(it.item.label, lang)} (d = {number(abs(c.d), 2, lang)})"
                     for it, c in sorted(found, key=lambda f: -abs(f[1].d)) if c.magnitude == size]
            if named:
                sizes.append(f"{text(size, lang)} for {_and(named, lang)}")
        # the size groups apart with a comma before the last "og", since each group has its own "og"
        joined = _and(sizes, lang) if len(sizes) < 2 else (
            ", ".join(sizes[:-1]) + (", og " if lang == "nb" else ", and ") + sizes[-1])
        out.append(f"Mellom {a} og {b} er forskjellen {joined}." if lang == "nb" else
                   f"Between {a} and {b} the difference is {joined}.")
        higher: dict[str | None, list[str]] = {}
        for it, c in found:
            higher.setdefault(c.higher(), []).append(_quoted(it.item.label, lang))
        if len(higher) == 1 and None not in higher:
            who = next(iter(higher))
            out.append(f"{who} har høyest snitt på alle {_count(len(found), lang)}." if lang == "nb" else
                       f"{who} has the higher mean on all {_count(len(found), lang)}.")
            continue
        parts = []
        for who, labels in higher.items():
            if who is None:
                parts.append(f"likt snitt på {_and(labels, lang)}" if lang == "nb" else
                             f"the same mean on {_and(labels, lang)}")
            else:
                parts.append(f"{who} har høyest snitt på {_and(labels, lang)}" if lang == "nb" else
                             f"{who} has the higher mean on {_and(labels, lang)}")
        text_ = "; ".join(parts)
        out.append(text_[:1].upper() + text_[1:] + ".")
    return out


def _one_comparison(it: ItemSummary, c: Comparison, lang: str) -> str:
    higher = c.higher()
    size = text(c.magnitude, lang)
    d = number(abs(c.d), 2, lang)
    if lang == "nb":
        who = f"{higher} har høyest snitt" if higher else "gruppene har likt snitt"
        return f"For {_quoted(it.item.label, lang)} er forskjellen mellom {c.a} og {c.b} {size} (d = {d}); {who}."
    who = f"{higher} has the higher mean" if higher else "the groups have the same mean"
    return f"For {_quoted(it.item.label, lang)} the difference between {c.a} and {c.b} is {size} (d = {d}); {who}."


def data_paragraphs(groups: Sequence[GroupInfo], lang: str = "nb", *, min_group_size: int = MIN_GROUP_SIZE) -> list[str]:
    """The data section: invited and answering per group, response rates, and the caveats."""
    out = []
    parts = []
    for g in groups:
        if g.suppressed:
            continue  # a hidden group is named only in the note below, without its numbers
        n, population = number(g.respondents, 0, lang), number(g.population, 0, lang)  # "22 597"
        if g.population:
            rate = number(round(100 * g.respondents / g.population), 0, lang)
            parts.append(f"{n} av {population} i gruppen {g.name} ({rate} prosent)" if lang == "nb"
                         else f"{n} of {population} in the group {g.name} ({rate} per cent)")
        else:
            parts.append(f"{n} i gruppen {g.name}" if lang == "nb" else f"{n} in the group {g.name}")
    if parts:
        joined = ", ".join(parts[:-1]) + (" og " if lang == "nb" else " and ") + parts[-1] if len(parts) > 1 else parts[0]
        out.append(f"Undersøkelsen ble besvart av {joined}." if lang == "nb" else f"The survey was answered by {joined}.")
    if any(g.population and not g.suppressed and 100 * g.respondents / g.population < LOW_RESPONSE_RATE
           for g in groups):
        out.append("Svarprosenten er lav. De som svarte kan være de mest positive eller de mest negative, og "
                   "resultatene må derfor tolkes med forsiktighet." if lang == "nb" else
                   "The response rate is low. Those who answered may be the most positive or the most negative, "
                   "so the results must be read with care.")
    small = [g for g in groups if not g.suppressed and g.respondents < SMALL_GROUP]
    for g in small:
        out.append(f"I gruppen {g.name} utgjør ett svar {pct_words(100 / g.respondents, lang)} prosentpoeng, så "
                   f"små forskjeller i prosent er ikke å stole på." if lang == "nb" else
                   f"In the group {g.name} one answer is {pct_words(100 / g.respondents, lang)} percentage points, "
                   f"so small differences in per cent cannot be relied on.")
    hidden = [g for g in groups if g.suppressed]
    for g in hidden:
        out.append(f"Gruppen {g.name} har færre enn {min_group_size} svar og er holdt utenfor for å verne "
                   f"respondentene." if lang == "nb" else
                   f"The group {g.name} has fewer than {min_group_size} answers and is left out to protect the "
                   f"respondents.")
    return out


def index_sentence(index: Index, lang: str = "nb") -> str:
    """The reliability of an index in one sentence: its questions, reversed ones, Cronbach's alpha with its
    interval and the n it rests on, and McDonald's omega where it can be estimated."""
    k = len(index.items)
    alpha = number(index.alpha, 2, lang) if index.alpha is not None else "–"
    ci = (f"{number(index.alpha_ci[0], 2, lang)}–{number(index.alpha_ci[1], 2, lang)}"
          if index.alpha_ci else "–")
    n = number(index.n, 0, lang)
    reversed_part = ""
    if index.reversed:
        reversed_part = (f", {_and(list(index.reversed), lang)} snudd" if lang == "nb"
                         else f", {_and(list(index.reversed), lang)} reversed")
    omega = "" if index.omega is None else (f" og McDonalds omega {number(index.omega, 2, lang)}" if lang == "nb"
                                             else f" and McDonald's omega {number(index.omega, 2, lang)}")
    if lang == "nb":
        return (f"Indeksen {_quoted(index.name, lang)} ({_count(k, lang) if k <= 10 else k} spørsmål{reversed_part}) "
                f"har Cronbachs alfa {alpha} (95 % KI {ci}; n = {n}){omega}.")
    return (f"The index {_quoted(index.name, lang)} ({_count(k, lang) if k <= 10 else k} questions{reversed_part}) "
            f"has Cronbach's alpha {alpha} (95% CI {ci}; n = {n}){omega}.")


def weighting_sentences(weights: Weights, lang: str = "nb") -> list[str]:
    """How the figures were weighted, with the design effect and Kish's effective n, and the
    R-indicator's plain reading when the weights come from the invitation list.

    >>> import numpy as np
    >>> from lmp_core.compute.weights import Weights
    >>> weighting_sentences(Weights(np.array([1.0, 1.0, 4.0]), "column", ("w",)), "en")[0]
    "Weighted by the file's weight column (w). The design effect is 1.50: the 3 responses give figures as precise as 2.0 unweighted responses."
    """
    from lmp_core.compute.weights import r_reading

    out = [text("weighting_sentence", lang, method=text(f"weight_method_{weights.method}", lang),
                variables=", ".join(weights.variables), deff=number(weights.deff, 2, lang),
                n=number(weights.n, 0, lang), n_eff=number(weights.n_eff, 1, lang))]
    if weights.r_indicator is not None:
        out.append(text(r_reading(weights.r_indicator), lang, r=number(weights.r_indicator, 2, lang),
                        variables=", ".join(weights.variables)))
    return out


def index_comparison_sentences(index: Index, lang: str = "nb") -> list[str]:
    """The index between groups: one sentence per pair with the size word (or why there is none) and d."""
    out = []
    for c in index.comparisons:
        if c.d is None:
            continue
        higher = c.higher()
        size = text(c.magnitude, lang) if c.magnitude else text(c.reason or "reason_few_for_size", lang)
        d = number(abs(c.d), 2, lang)
        if lang == "nb":
            who = f"{higher} ligger høyest" if higher else "gruppene ligger likt"
            out.append(f"På indeksen {_quoted(index.name, lang)} er forskjellen mellom {c.a} og {c.b} {size} "
                       f"(d = {d}); {who}.")
        else:
            who = f"{higher} is higher" if higher else "the groups are level"
            out.append(f"On the index {_quoted(index.name, lang)} the difference between {c.a} and {c.b} is {size} "
                       f"(d = {d}); {who}.")
    return out


def unshown_scale_sentences(summary: Summary, lang: str = "nb") -> list[str]:
    """One sentence per scale question with no figure in any group (none answered, or every group hidden or
    held back): how many answered, a count under the minimum said as "fewer than" ("«q»: færre enn 5 av 1838 har
    svar som kan vises"), instead of an empty axis and "Alle (n=0)"."""
    respondents = sum(g.respondents for g in summary.groups)
    out = []
    for it in summary.items:
        if any(s.top2_pct is not None for s in it.stats):
            continue
        answered = sum(s.n for s in it.stats if not s.suppressed)
        if not respondents:  # everyone held back
            why = text("kind_asked_held", lang, min_n=summary.min_group_size)
        elif not shown(answered, summary.min_group_size):
            why = text("kind_asked_few", lang, min_n=summary.min_group_size, respondents=whole(respondents, lang))
        else:
            why = text("kind_asked", lang, asked=whole(answered, lang), respondents=whole(respondents, lang))
        out.append(f"{_quoted(it.item.label, lang)}: {why[:1].lower()}{why[1:]}")
    return out


def asked_sentence(result: KindResult, min_group_size: int, lang: str = "nb") -> str:
    """How many of the view's respondents answered a question of another kind ("8 av 1 838 fikk dette
    spørsmålet"), and, when it shows no figure, why. ``asked`` counts the answers left after the disclosure rule,
    so a count under the minimum (none included: none, or all held back) is said as "fewer than" the minimum."""
    respondents = whole(result.respondents or 0, lang)
    if not result.respondents:  # everyone held back
        return text("kind_asked_held", lang, min_n=min_group_size)
    if not shown(result.asked or 0, min_group_size):
        return text("kind_asked_few", lang, min_n=min_group_size, respondents=respondents)
    key = "kind_asked_part" if result.has_figures() else "kind_asked"
    return text(key, lang, asked=whole(result.asked, lang), respondents=respondents)


def kind_sentences(result: KindResult, lang: str = "nb") -> list[str]:
    """One sentence per finding of a question of another kind, from its figures (each group's most chosen option
    or its mean and median; the test across groups with its p-value; for numbers d and its size word)."""
    from lmp_core.base.fmt import PValue, render_param

    q = _quoted(result.question, lang)
    out: list[str] = []
    shown = [g for g in result.shown() if (g.n if result.kind == "number" else g.base)]
    if result.kind == "number":
        for g in shown:
            out.append(text("kind_number_sentence", lang, question=q, group=g.group, mean=number(g.mean, 1, lang),
                            median=number(g.median, 1, lang), q1=number(g.q1, 1, lang), q3=number(g.q3, 1, lang),
                            n=g.n))
        for c in result.comparisons:
            if c["d"] is not None:
                size = f", {text(c['magnitude'], lang)}" if c["magnitude"] else ""
                out.append(text("kind_number_d", lang, a=c["a"], b=c["b"], d=number(abs(c["d"]), 2, lang),
                                size=size))
    else:
        key = "kind_multi_sentence" if result.kind == "multi" else "kind_choice_sentence"
        for g in shown:
            top = max(result.options, key=lambda o: g.counts[o])
            if not g.counts[top]:  # a set no one ticked: no "most ticked" of nothing
                out.append(text("kind_multi_none", lang, question=q, group=g.group, n=whole(g.base, lang)))
                continue
            extra = number(g.mean_ticked, 1, lang) if g.mean_ticked is not None else ""
            out.append(text(key, lang, question=q, group=g.group, option=_quoted(top, lang),
                            pct=pct_words(g.shares[top], lang), n=g.base, mean=extra))
        if result.kind == "multi" and any(g.tick_shares for g in shown):  # shares only where someone ticked
            out.append(text("kind_multi_sums", lang))
    if result.test and result.test.get("p") is not None and result.kind != "multi":
        name = text(f"kind_test_{result.test['test']}", lang)
        p = render_param(PValue(result.test["p"]), lang)
        v = result.test.get("cramers_v")
        out.append(text("kind_test_sentence", lang, test=name, p=p,
                        effect=f", Cramérs V = {number(v, 2, lang)}" if v is not None and lang == "nb" else
                        (f", Cramér's V = {number(v, 2, lang)}" if v is not None else "")))
    if result.kind == "multi" and result.differences:
        clear = [d for d in result.differences if d.p_holm is not None and d.p_holm < 0.05]
        out.append(text("kind_multi_tests", lang, count=len(clear), options=len(result.options)))
    return out
