"""More than two groups, compared honestly: per question an omnibus test across all groups, then every pair
with Holm's correction, as significance letters the way SPSS Custom Tables and Displayr mark columns.

Per question (its substantive answers only, scored 1..k; "Vet ikke" and blanks left out, as everywhere):

- **Kruskal–Wallis** across the shown groups (``scipy.stats.kruskal``, tie-corrected) on the ordinal answers;
- **Mann–Whitney U** for each pair of groups (``scipy.stats.mannwhitneyu``, two-sided, asymptotic with the
  tie correction), their p-values adjusted with **Holm**'s method within the question
  (``statsmodels.stats.multitest.multipletests``);
- **Cliff's delta** for each pair, the ordinal effect size: P(A > B) − P(A < B) = 2U/(n_A n_B) − 1;
- **letters**: group *i* gets letter ``ascii_uppercase[i]``; a group's cell lists the letters of the groups it
  lies significantly above (Holm-adjusted p < ``alpha`` and Cliff's delta > 0).

Only groups that are shown (not held back) and have answers take part. The answers are expanded from the
counts table (each score repeated by its count), so the tests see exactly the numbers the tables show.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

import numpy as np

from lmp_core.stats import ItemSummary, Summary

ALPHA = 0.05


@dataclass(frozen=True)
class PairTest:
    """Two groups on one question: Mann–Whitney U, its raw and Holm-adjusted p, Cliff's delta (a over b)."""

    a: str
    b: str
    u: float
    p: float
    p_holm: float
    cliffs_delta: float


@dataclass(frozen=True)
class GroupTests:
    """One question across all its shown groups."""

    column: str
    groups: tuple[str, ...]
    statistic: float | None  # Kruskal–Wallis H
    p_value: float | None
    pairs: tuple[PairTest, ...]
    letters: dict[str, str]  # group -> the letters of the groups it is significantly above ("" for none)

    def letter(self, group: str) -> str:
        """The group's own letter (A, B, C, … in the order of the groups)."""
        return string.ascii_uppercase[self.groups.index(group) % 26]

    def to_dict(self) -> dict[str, object]:
        """The ``"group_tests"`` entry of a question in the command line's JSON."""
        return {"test": "Kruskal-Wallis", "statistic": self.statistic, "p_value": self.p_value,
                "pairwise": "Mann-Whitney U", "correction": "Holm", "alpha": ALPHA,
                "letters": {g: {"letter": self.letter(g), "above": self.letters[g]} for g in self.groups},
                "pairs": [{"a": t.a, "b": t.b, "u": t.u, "p": t.p, "p_holm": t.p_holm, "cliffs_delta": t.cliffs_delta}
                          for t in self.pairs]}


def _answers(item: ItemSummary, group: str) -> np.ndarray:
    """A group's substantive answers to a question, as scores, expanded from its counts."""
    stats = item.group(group)
    scale = item.item.scale
    return np.repeat(np.asarray(scale.scores, dtype=float), [stats.counts.get(label, 0) for label in scale.labels])


def group_tests(summary: Summary, alpha: float = ALPHA) -> list[GroupTests]:
    """Omnibus, pairwise and letters for every question with three or more shown groups that answered."""
    from scipy import stats as sps
    from statsmodels.stats.multitest import multipletests

    out = []
    shown = [g.name for g in summary.groups if not g.suppressed]
    for item in summary.items:
        samples = {g: _answers(item, g) for g in shown if not item.group(g).suppressed}
        samples = {g: x for g, x in samples.items() if len(x)}
        groups = tuple(samples)
        if len(groups) < 3:
            continue
        values = list(samples.values())
        if len(np.unique(np.concatenate(values))) < 2:  # everyone gave the same answer: nothing to test
            out.append(GroupTests(item.item.column, groups, None, None, (), {g: "" for g in groups}))
            continue
        h, p = sps.kruskal(*values)
        pairs, raw = [], []
        for i, a in enumerate(groups):
            for b in groups[i + 1:]:
                res = sps.mannwhitneyu(samples[a], samples[b], alternative="two-sided", method="asymptotic")
                pairs.append((a, b, float(res.statistic)))
                raw.append(float(res.pvalue))
        adjusted = multipletests(raw, method="holm")[1]
        tests = tuple(PairTest(a, b, u, p_raw, float(p_adj), 2 * u / (len(samples[a]) * len(samples[b])) - 1)
                      for (a, b, u), p_raw, p_adj in zip(pairs, raw, adjusted))
        above: dict[str, list[str]] = {g: [] for g in groups}
        letter = {g: string.ascii_uppercase[i % 26] for i, g in enumerate(groups)}
        for t in tests:
            if t.p_holm < alpha and t.cliffs_delta != 0:
                high, low = (t.a, t.b) if t.cliffs_delta > 0 else (t.b, t.a)
                above[high].append(letter[low])
        out.append(GroupTests(item.item.column, groups, float(h), float(p), tests,
                              {g: "".join(sorted(v)) for g, v in above.items()}))
    return out
