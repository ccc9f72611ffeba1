"""The core never imports Streamlit; pages hold no statistics."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.conftest import EXTERNAL, ROOT


def test_core_does_not_import_streamlit():
    code = ("import sys, lmp_core, lmp_core.cli, lmp_core.load, lmp_core.compute.stats, lmp_core.present.tables;"
            "import pkgutil, importlib;"
            "[importlib.import_module(m.name) for m in pkgutil.walk_packages(lmp_core.__path__, 'lmp_core.')"
            " if m.name not in ('lmp_core.__main__',)];"
            "bad = [m for m in sys.modules if m == 'streamlit' or m.startswith('streamlit.')];"
            "print(bad); sys.exit(1 if bad else 0)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def streamlit_references(source: str) -> list[str]:
    """Every place in Python source that could reach Streamlit: an import of it in any form (``import``,
    ``from … import``, ``importlib.import_module``, ``__import__``, inside a function), or any name,
    attribute or string in the code that names it. Comments and docstrings may mention it."""
    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        elif isinstance(node, ast.Name):
            names = [node.id]
        elif isinstance(node, ast.Attribute):
            names = [node.attr]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            names = [node.value]
        found += [f"line {node.lineno}: {n!r}" for n in names if "streamlit" in n.lower()]
    return found


def test_the_reference_finder_catches_every_form():
    for code in ("import streamlit", "import streamlit.testing.v1 as t", "from streamlit import cache_data",
                 "def f():\n    import streamlit as st", "import importlib\nimportlib.import_module('streamlit')",
                 "__import__('streamlit')", "name = 'stream' 'lit'\nx = __import__(name)"):
        assert streamlit_references(code), code
    assert not streamlit_references('"""Never imports Streamlit."""\nimport pandas  # not streamlit')


def test_core_source_never_references_streamlit():
    found = {str(path.relative_to(ROOT)): refs for path in (ROOT / "lmp_core").rglob("*.py")
             if (refs := streamlit_references(path.read_text("utf-8")))}
    assert not found, found


def test_ruff_is_clean():
    # the repository's own configuration (ruff.toml); ruff is pinned in requirements-dev.txt
    proc = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_command_line_starts_without_the_heavy_libraries():
    # `python -m lmp_core --help` must not wait for pandas, scipy, statsmodels or polars (1.3 s before): they
    # are imported by the command that uses them. Checked by what is loaded, never by a clock
    code = ("import sys, lmp_core.cli as c; c.build_parser().format_help(); "
            "print(sorted(m for m in ('numpy', 'pandas', 'scipy', 'statsmodels', 'polars', 'altair') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_summarize_does_not_load_scipy_stats_or_statsmodels():
    # scipy.stats costs 0.8 s of every run (a third of reading a million respondents): summarize, with three
    # groups and the JSON's rank tests, needs only scipy.special (quantiles) and its own closed forms, each
    # checked against scipy.stats / statsmodels in tests/test_intervals.py and tests/test_groups.py. That holds
    # for scale questions (the benchmark files); EFC's questions of other kinds (hours of care, sum scores, a
    # yes/no question) have their tests from scipy.stats, so the run asks for its scale questions only
    scales = "e42dep," + ",".join(f"c{82 + i}cop{i + 1}" for i in range(9))
    code = ("import sys, io, contextlib, lmp_core.cli as c\n"
            f"args = ['summarize', r'{EXTERNAL / 'efc' / 'EFC.sav'}', '--group', 'c172code', '--format', 'json', "
            f"'--items', '{scales}']\n"
            "with contextlib.redirect_stdout(io.StringIO()): assert c.main(args) == 0\n"
            "print(sorted(m for m in ('scipy.stats', 'statsmodels') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]", out.stdout


def test_summarize_of_a_csv_does_not_load_pandas():
    # pandas costs 0.2-0.3 s of every command-line run (a fifth of summarising 200,000 respondents): a CSV, its
    # codebook, a group, two protected grouping columns (a small group held back) and the JSON's tests run on
    # polars and numpy alone; the background becomes a pandas frame only where a page or a report asks for one
    # (Survey.background)
    demo = ROOT / "lmp_app" / "demo"
    code = ("import sys, io, contextlib, lmp_core.cli as c\n"
            f"args = ['summarize', r'{demo / 'lmp_ch2_3.csv'}', '--codebook', r'{demo / 'lmp_ch2_3_codebook.csv'}',"
            " '--group', 'rolle', '--groupings', 'rolle,pulje', '--population', 'Skoleleder=63', '--format', 'json']\n"
            "with contextlib.redirect_stdout(io.StringIO()) as out: assert c.main(args) == 0\n"
            "assert '\"items\"' in out.getvalue()\n"
            "print(sorted(m for m in ('pandas', 'pyarrow') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "[]", out.stdout


def import_graph(package: str = "lmp_core") -> dict[str, set[str]]:
    """Module → the package's modules it imports, every import counted: at the top, inside a function, and
    under ``TYPE_CHECKING`` (an import put off to dodge a circle is still a circle)."""
    root = ROOT / package
    modules = {}
    for path in root.rglob("*.py"):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        modules[name.removesuffix(".__init__")] = path
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            found = {t for t in targets if t in modules}
            # importing a.b.c runs the package a.b's __init__ first (the root's lazy one excepted): an edge too
            found |= {".".join(t.split(".")[:i]) for t in found for i in range(2, t.count(".") + 1)}
            graph[name] |= {t for t in found if t in modules and t != name and not name.startswith(t + ".")}
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import circles of ``graph``: its strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_importing_a_module_imports_its_package():
    # lmp_core.read's __init__ once imported counts, and counts imported lmp_core.read.frames: a circle that
    # only the package's own import shows (python -m lmp_core summarize failed with ImportError)
    graph = import_graph()
    assert "lmp_core.read" in graph["lmp_core.counting.counts"]


def test_the_circle_finder_finds_a_circle():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_the_core_has_no_import_circle():
    # counts <-> disclosure <-> survey and view <-> weights <-> indices were circles; none may come back
    assert circles(import_graph()) == []


def test_the_app_is_above_the_core():
    # lmp_app may import the core; the core never imports lmp_app or a page
    for path in (ROOT / "lmp_core").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                assert not any(n.split(".")[0] in ("lmp_app", "pages") for n in names), path


#: The core's stages in the order the data flows; a module may import its own stage and earlier ones only.
STAGES = ("base", "read", "setup", "counting", "compute", "analysis", "present")


def stage_of(module: str) -> int:
    """The stage of a core module; the entry points (``load``, ``cli``, the package itself) come after all."""
    parts = module.split(".")
    return STAGES.index(parts[1]) if len(parts) > 1 and parts[1] in STAGES else len(STAGES)


def test_imports_run_from_later_stages_to_earlier_ones():
    graph = import_graph()
    assert {m.split(".")[1] for m in graph if m.count(".") >= 2} <= set(STAGES)  # no module outside a stage
    upward = [(a, b) for a, targets in graph.items() for b in targets if stage_of(b) > stage_of(a)]
    assert upward == []


def test_the_stage_rule_catches_an_upward_import():
    assert stage_of("lmp_core.read.delimited") < stage_of("lmp_core.setup.columns") < stage_of("lmp_core.load")


def test_no_stage_is_named_like_a_name_the_package_exports():
    # lmp_core.count (a function, PEP 562) and a stage folder lmp_core/count/ clashed: once the folder was
    # imported, "from lmp_core import count" gave the folder, and every later count(...) raised TypeError
    import lmp_core

    folders = {p.name for p in (ROOT / "lmp_core").iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert not folders & set(lmp_core.__all__)


#: The one module that decides which respondents, answers, cells and groups are held back (issue #39)
DISCLOSURE_RULE = ROOT / "lmp_core" / "counting" / "disclosure.py"
MINIMUM_NAMES = ("min_group_size", "min_n", "MIN_GROUP_SIZE", "low_n")


def _minimum(node: ast.AST) -> bool:
    name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""
    return name in MINIMUM_NAMES


def decisions_on_the_minimum(source: str) -> list[int]:
    """The lines of ``source`` that compare a count with the disclosure minimum (``n < min_group_size``,
    ``0 < n < min_n``, ``size >= request.min_group_size``): a decision of what to hold back. Comparing the
    minimum with a constant (checking the option itself) is no such decision."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(map(_minimum, operands)) and not all(isinstance(o, ast.Constant) or _minimum(o) for o in operands):
                found.append(node.lineno)
    return found


def test_the_minimum_finder_catches_every_form():
    for line in ("x = n < min_group_size", "x = 0 < n < min_n", "x = sizes >= request.min_group_size",
                 "x = (n > 0) & (n < self.min_group_size)", "if len(x) < MIN_GROUP_SIZE: pass"):
        assert decisions_on_the_minimum(line) == [1], line
    assert decisions_on_the_minimum("if min_group_size < 1: raise ValueError") == []
    assert decisions_on_the_minimum("x = small(n, min_group_size)") == []


def test_one_module_decides_what_is_held_back():
    # which respondents, answers, cells and groups are held back is decided in lmp_core/counting/disclosure.py
    # alone (small, shown, pooled_values, held_back); every other module asks it, so that no path has a copy of the
    # rule of its own (issue #39: five copies, each path with its own leak)
    found = {}
    for folder in ("lmp_core", "lmp_app", "pages"):
        for path in (ROOT / folder).rglob("*.py"):
            if path != DISCLOSURE_RULE:
                lines = decisions_on_the_minimum(path.read_text(encoding="utf-8"))
                if lines:
                    found[str(path.relative_to(ROOT))] = lines
    lines = decisions_on_the_minimum((ROOT / "streamlit_app.py").read_text(encoding="utf-8"))
    assert not found and not lines, found
    assert decisions_on_the_minimum(DISCLOSURE_RULE.read_text(encoding="utf-8"))  # the rule itself is found


# --- the faces read one analysis; functions a reader can hold in mind ---------------------------------------

#: The statistics of a view in lmp_core/compute/: only the analysis stage (lmp_core/analysis/) calls them; the
#: command line, the app (lmp_app/, whose state caches the analyses it asks for), the pages and the present stage
#: (tables, charts, the report) read the :class:`Analysis` that :func:`analyse` returns instead.
STATISTICS = {
    "lmp_core.compute.stats": {"summarize"},
    "lmp_core.compute.view": {"make_view", "counted_view", "banner"},
    "lmp_core.compute.groups": {"group_tests"},
    "lmp_core.compute.indices": {"view_indices", "make_index", "index_from_sums"},
    "lmp_core.compute.weights": {"weighted_stats", "weighted_comparisons", "rake"},
    "lmp_core.compute.kind_stats": {"kind_results", "database_results", "results_from_counts"},
    "lmp_core.compute.reference": {"view_reference"},
    "lmp_core.compute.quality": {"with_and_without"},
    "lmp_core.compute.comments": {"comments", "quotes_by_code"},
    "lmp_core.compute.fieldwork": {"fieldwork"},
    "lmp_core.compute.waves": {"make_trend"},
}


def statistics_used(source: str) -> list[str]:
    """Each statistic of :data:`STATISTICS` that ``source`` imports (``from lmp_core.compute.x import f``, in any
    function), or reaches as an attribute of a compute module (``groups.group_tests``, ``lmp_core.compute.groups
    .group_tests``)."""
    every = set().union(*STATISTICS.values())
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module in STATISTICS:
            found += [f"{node.module}.{a.name}" for a in node.names if a.name in STATISTICS[node.module]]
        elif isinstance(node, ast.Attribute) and node.attr in every and (
                "compute" in ast.unparse(node.value)
                or (isinstance(node.value, ast.Name) and node.value.id in {m.rsplit(".", 1)[1] for m in STATISTICS})):
            found.append(ast.unparse(node))
    return found


def test_the_statistics_finder_catches_every_form():
    assert statistics_used("from lmp_core.compute.groups import group_tests\n") == \
        ["lmp_core.compute.groups.group_tests"]
    assert statistics_used("def f(s):\n    from lmp_core.compute.weights import Weights, weighted_stats\n") == \
        ["lmp_core.compute.weights.weighted_stats"]
    assert statistics_used("import lmp_core.compute.indices\nlmp_core.compute.indices.view_indices(s, r, [])\n") == \
        ["lmp_core.compute.indices.view_indices"]
    assert statistics_used("from lmp_core.compute import groups\ngroups.group_tests(s)\n") == ["groups.group_tests"]
    assert statistics_used("from lmp_core.compute.indices import MAX_INDEX_ITEMS, Index\n") == []


#: What the faces may take from the analysis stage: the one function, its request and result (with the types of
#: its parts), the protected view a page caches for it, and two decisions a page lays out by.
ANALYSIS_API = {"analyse", "Request", "Analysis", "ColumnComments", "Invitation", "protected_view", "report_analysis",
                "themes_with_index", "long_tables"}


def analysis_bypassed(source: str) -> list[str]:
    """What ``source`` takes from the analysis stage beside :data:`ANALYSIS_API` (an import of another name or
    module of ``lmp_core.analysis``), and each call of a method named ``summary`` (a view's statistics, made
    beside the analysis; the analysis's own part is the attribute ``summary``)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("lmp_core.analysis"):
            found += [f"{node.module}.{a.name}" for a in node.names
                      if node.module != "lmp_core.analysis.analyse" or a.name not in ANALYSIS_API]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "summary":
            found.append(ast.unparse(node))
    return found


def test_the_bypass_finder_catches_every_form():
    assert analysis_bypassed("from lmp_core.analysis.analyse import analyse, indices_of\n") == \
        ["lmp_core.analysis.analyse.indices_of"]
    assert analysis_bypassed("def f():\n    from lmp_core.analysis.parts import trend_of\n") == \
        ["lmp_core.analysis.parts.trend_of"]
    assert analysis_bypassed("groups = view_for(r, 'nb').summary().groups\n") == ["view_for(r, 'nb').summary()"]
    assert analysis_bypassed("groups = analysis_for(r, 'nb').summary.groups\n") == []


def test_every_face_reads_the_one_analysis_and_computes_no_statistic():
    """The command line, the pages and the report get every figure from :func:`lmp_core.analysis.analyse.analyse`
    (docs/architecture.md): a page, a helper of the app, the report or a command that asks compute/ for a
    statistic itself, takes a part from the analysis stage beside the one function, or asks a view for its
    summary assembles a second analysis."""
    files = sorted((ROOT / "pages").glob("*.py")) + sorted((ROOT / "lmp_app").rglob("*.py")) \
        + [ROOT / "streamlit_app.py", ROOT / "lmp_core" / "cli.py"] \
        + sorted((ROOT / "lmp_core" / "present").rglob("*.py"))
    found = {str(p.relative_to(ROOT)): used for p in files
             if (used := statistics_used(text := p.read_text(encoding="utf-8")) + analysis_bypassed(text))}
    assert found == {}



def stage_work_in_counting(source: str) -> list[str]:
    """What a counting module does that belongs to an earlier stage: reading a file's bytes (``open``,
    ``.read_bytes``, ``.read_text``: the read stage's) or running the setup's reader (``build_survey``)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and any(a.name == "build_survey" for a in node.names):
            found.append(f"{node.module}.build_survey")
        elif isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in ("open", "read_bytes", "read_text", "build_survey"):
                found.append(ast.unparse(node.func))
    return found


def test_the_streaming_and_database_paths_enter_at_the_stage_they_replace():
    # a stream's file is told apart by the read stage (read.parquet.is_parquet_file) and a database's distinct
    # values are read by the setup's reader in setup/ (setup.distinct.read_distinct): counting/ only counts
    assert stage_work_in_counting("from lmp_core.setup.columns import build_survey\n") == \
        ["lmp_core.setup.columns.build_survey"]
    assert stage_work_in_counting("with path.open('rb') as f:\n    f.read(4)\n") == ["path.open"]
    found = {str(p.relative_to(ROOT)): used for p in sorted((ROOT / "lmp_core" / "counting").rglob("*.py"))
             if (used := stage_work_in_counting(p.read_text(encoding="utf-8")))}
    assert found == {}

#: The functions longer than 60 lines, each with why (also in docs/architecture.md, "Long functions").
LONG_FUNCTIONS = {
    "lmp_core/cli.py:build_parser": "the command line's options, one add_argument each: a list, not logic",
    "lmp_core/setup/columns.py:build_survey": "the detector loop and the Survey it builds (by keyword): one pass "
                                              "over the columns, each detector a function of its own",
    "lmp_core/setup/columns.py:_scale": "one detector with its ordered reasons (why a column is or is not a scale)",
    "benchmarks/bench.py:browser_session": "a benchmark script, not shipped",
    "benchmarks/bench.py:format_report": "a benchmark script, not shipped",
}


def long_functions() -> dict[str, int]:
    """``path:name`` → lines (``end_lineno - lineno + 1``) of every function outside tests/ longer than 60 lines."""
    out = {}
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in ("tests", ".venv", "node_modules") or relative.parts[0].startswith("."):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > 60:
                out[f"{relative.as_posix()}:{node.name}"] = node.end_lineno - node.lineno + 1
    return out


def test_no_function_outside_tests_is_longer_than_60_lines_but_the_listed():
    found = long_functions()
    assert sorted(set(found) - set(LONG_FUNCTIONS)) == [], found
    assert sorted(set(LONG_FUNCTIONS) - set(found)) == [], "listed but no longer long: take it off the list"
