"""The documentation: the site builds with MkDocs in strict mode (a broken link or a page outside the
navigation fails), and the README stays short and gives the commands CI runs."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_the_docs_site_builds_strictly(tmp_path):
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    built = {p.relative_to(tmp_path / "site").as_posix() for p in (tmp_path / "site").rglob("index.html")}
    # every page of the user guide is built (the guide is the newcomer's way in)
    guide = {p.stem for p in (ROOT / "docs" / "brukerveiledning").glob("*.md")}
    assert {f"brukerveiledning/{name}/index.html" for name in guide} <= built
    # and every page under docs/ is in the navigation: a page nobody can reach is a page nobody reads
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    pages = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    assert {p for p in pages if p not in nav} == set()


def test_the_readme_is_short_and_gives_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) < 150
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] in readme  # the test command CI ends in
    assert "streamlit run streamlit_app.py" in readme


def test_the_hosting_page_shows_the_deployment_files_the_tests_use():
    """docs/drift.md shows each file of deploy/ in full, as the hosting tests use it (tests/hosting.py reads them
    from deploy/), and shows no other version of a configuration file."""
    from tests.hosting import DEPLOY, code_blocks

    page = (ROOT / "docs" / "drift.md").read_text(encoding="utf-8")
    blocks = code_blocks(page)
    files = {p.name: p.read_text(encoding="utf-8") for p in DEPLOY.iterdir() if p.is_file()}
    assert set(files) == {"secrets.example.toml", "lmp-explorer@.service", "nginx-lmp-explorer.conf"}
    for name, text in files.items():
        assert text in blocks, f"docs/drift.md does not show deploy/{name} as it is"
    # a block that is a configuration file (its first line names where it goes) is one of those files
    shown = [b for b in blocks if b.startswith("# /etc/")]
    assert sorted(shown) == sorted(files.values())
