"""The core never imports Streamlit; pages hold no statistics."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_core_does_not_import_streamlit():
    code = ("import sys, lmp_core, lmp_core.cli, lmp_core.read, lmp_core.stats, lmp_core.tables;"
            "import pkgutil, importlib;"
            "[importlib.import_module(m.name) for m in pkgutil.walk_packages(lmp_core.__path__, 'lmp_core.')"
            " if m.name not in ('lmp_core.__main__',)];"
            "bad = [m for m in sys.modules if m == 'streamlit' or m.startswith('streamlit.')];"
            "print(bad); sys.exit(1 if bad else 0)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_core_source_never_mentions_streamlit():
    for path in (ROOT / "lmp_core").rglob("*.py"):
        assert "import streamlit" not in path.read_text("utf-8"), path
