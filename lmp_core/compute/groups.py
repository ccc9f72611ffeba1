"""More than two groups, compared honestly: per question an omnibus test across all groups, then every pair
with Holm's correction, as significance letters the way SPSS Custom Tables and Displayr mark columns.

Per question (its substantive answers only, scored 1..k; "Vet ikke" and blanks left out, as everywhere):

- **Kruskal–Wallis** across the shown groups (tie-corrected, as ``scipy.stats.kruskal``) on the ordinal answers;
- **Mann–Whitney U** for each pair of groups (two-sided, asymptotic with the tie and continuity corrections, as
  ``scipy.stats.mannwhitneyu``), their p-values adjusted with **Holm**'s method within the question
  (:func:`holm`, as ``statsmodels.stats.multitest.multipletests``);
- **Cliff's delta** for each pair, the ordinal effect size: P(A > B) − P(A < B) = 2U/(n_A n_B) − 1;
- **letters**: group *i* gets letter ``ascii_uppercase[i]``; a group's cell lists the letters of the groups it
  lies significantly above (Holm-adjusted p < ``alpha`` and Cliff's delta > 0).

Only groups that are shown (not held back) and have answers take part. Both rank tests are computed from the
counts table (an answer's rank is its category's midrank), so they see exactly the numbers the tables show and
cost the same for a million respondents as for a hundred; scipy's own functions rank the answers one by one,
which took minutes on the benchmark's files, and are the reference the tests compare with to 1e-12.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

import numpy as np

from lmp_core.compute.stats import ItemSummary, Summary

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
    statistic: float | None  # Kruskal–Wallis H, or Pearson's chi-square with ``omnibus="chi2"``
    p_value: float | None
    pairs: tuple[PairTest, ...]
    letters: dict[str, str]  # group -> the letters of the groups it is significantly above ("" for none)
    omnibus: str = "kruskal"  # the test across all groups: "kruskal" or "chi2"

    def letter(self, group: str) -> str:
        """The group's own letter (A, B, C, … in the order of the groups)."""
        return string.ascii_uppercase[self.groups.index(group) % 26]

    def to_dict(self) -> dict[str, object]:
        """The ``"group_tests"`` entry of a question in the command line's JSON."""
        return {"test": "Kruskal-Wallis" if self.omnibus == "kruskal" else "Pearson chi-square",
                "statistic": self.statistic, "p_value": self.p_value,
                "pairwise": "Mann-Whitney U", "correction": "Holm", "alpha": ALPHA,
                "letters": {g: {"letter": self.letter(g), "above": self.letters[g]} for g in self.groups},
                "pairs": [{"a": t.a, "b": t.b, "u": t.u, "p": t.p, "p_holm": t.p_holm, "cliffs_delta": t.cliffs_delta}
                          for t in self.pairs]}


def _counts(item: ItemSummary, group: str) -> np.ndarray:
    """A group's substantive answers to a question as counts per answer, low to high."""
    stats = item.group(group)
    return np.array([stats.counts.get(label, 0) for label in item.item.scale.labels], dtype=float)


def _midranks(totals: np.ndarray) -> np.ndarray:
    """The rank every answer in each category gets when all answers are ranked together, ties sharing the
    mean of their ranks (what ``scipy.stats.rankdata`` gives each of them)."""
    before = np.concatenate([[0.0], np.cumsum(totals)[:-1]])
    return before + (totals + 1) / 2


def _kruskal(table: np.ndarray) -> tuple[float, float]:
    """Kruskal–Wallis H, tie-corrected, and its chi-square p from a groups × answers table of counts: the
    statistic ``scipy.stats.kruskal`` computes on the answers themselves (checked in tests/test_groups.py)."""
    from scipy.special import chdtrc

    totals = table.sum(axis=0)
    n = totals.sum()
    rank_sums = table @ _midranks(totals)
    sizes = table.sum(axis=1)
    h = 12 / (n * (n + 1)) * float((rank_sums**2 / sizes).sum()) - 3 * (n + 1)
    h /= 1 - float((totals**3 - totals).sum()) / (n**3 - n)
    return h, float(chdtrc(len(sizes) - 1, h))


def _mann_whitney(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """Mann–Whitney U of ``a`` (counts per answer) against ``b`` and its two-sided p: the normal approximation
    with the tie and continuity corrections, as ``scipy.stats.mannwhitneyu(method="asymptotic")`` computes it on
    the answers themselves (checked in tests/test_groups.py)."""
    from scipy.special import ndtr

    totals = a + b
    n1, n2 = a.sum(), b.sum()
    n = n1 + n2
    u1 = float(a @ _midranks(totals)) - n1 * (n1 + 1) / 2
    u = max(u1, n1 * n2 - u1)
    spread = np.sqrt(n1 * n2 / 12 * ((n + 1) - float((totals**3 - totals).sum()) / (n * (n - 1))))
    z = (u - n1 * n2 / 2 - 0.5) / spread
    return u1, float(np.clip(2 * ndtr(-z), 0, 1))


def holm(p_values: list[float]) -> np.ndarray:
    """Holm's step-down adjusted p-values: the i-th smallest times (m − i), made non-decreasing, capped at 1;
    what ``statsmodels.stats.multitest.multipletests(method="holm")`` returns (checked in tests/test_groups.py).
    Written out because statsmodels runs the garbage collector on every call, 70 ms each with a large survey
    in memory: three minutes for a hundred questions.

    >>> holm([0.01, 0.04, 0.03]).round(2).tolist()
    [0.03, 0.06, 0.06]
    """
    p = np.asarray(p_values, dtype=float)
    order = np.argsort(p)
    stepped = np.minimum(np.maximum.accumulate(p[order] * np.arange(len(p), 0, -1)), 1)
    out = np.empty_like(p)
    out[order] = stepped
    return out


def _chi2(table: np.ndarray) -> tuple[float, float]:
    """Pearson's chi-square test of the groups × answers table (answers nobody gave left out):
    ``scipy.stats.chi2_contingency`` without continuity correction."""
    from scipy.stats import chi2_contingency

    result = chi2_contingency(table[:, table.sum(axis=0) > 0], correction=False)
    return float(result.statistic), float(result.pvalue)


def group_tests(summary: Summary, alpha: float = ALPHA, omnibus: str = "kruskal") -> list[GroupTests]:
    """Omnibus, pairwise and letters for every question with three or more shown groups that answered.

    ``omnibus``: ``"kruskal"`` (Kruskal–Wallis on the ordinal answers, the default) or ``"chi2"`` (Pearson's
    chi-square on the whole answer distribution, an option for those who compare distributions rather than
    levels); the pairs and letters are Mann–Whitney with Holm either way.

    The tests work on the counts table (each answer's midrank times its count), so a million respondents cost
    no more than a hundred: ranking the answers themselves took minutes on the benchmark's files.
    """
    out = []
    shown = [g.name for g in summary.groups if not g.suppressed]
    for item in summary.items:
        samples = {g: _counts(item, g) for g in shown if not item.group(g).suppressed}
        samples = {g: x for g, x in samples.items() if x.sum()}
        groups = tuple(samples)
        if len(groups) < 3:
            continue
        table = np.array(list(samples.values()))
        if (table.sum(axis=0) > 0).sum() < 2:  # everyone gave the same answer: nothing to test
            out.append(GroupTests(item.item.column, groups, None, None, (), {g: "" for g in groups}, omnibus))
            continue
        h, p = _chi2(table) if omnibus == "chi2" else _kruskal(table)
        pairs, raw = [], []
        for i, a in enumerate(groups):
            for b in groups[i + 1:]:
                u, p_pair = _mann_whitney(samples[a], samples[b])
                pairs.append((a, b, u))
                raw.append(p_pair)
        adjusted = holm(raw)
        tests = tuple(PairTest(a, b, u, p_raw, float(p_adj),
                               2 * u / (samples[a].sum() * samples[b].sum()) - 1)
                      for (a, b, u), p_raw, p_adj in zip(pairs, raw, adjusted))
        above: dict[str, list[str]] = {g: [] for g in groups}
        letter = {g: string.ascii_uppercase[i % 26] for i, g in enumerate(groups)}
        for t in tests:
            if t.p_holm < alpha and t.cliffs_delta != 0:
                high, low = (t.a, t.b) if t.cliffs_delta > 0 else (t.b, t.a)
                above[high].append(letter[low])
        out.append(GroupTests(item.item.column, groups, float(h), float(p), tests,
                              {g: "".join(sorted(v)) for g, v in above.items()}, omnibus))
    return out
