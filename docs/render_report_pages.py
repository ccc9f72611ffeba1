"""Render the demo report's .docx to PDF with LibreOffice (headless) and its pages to PNG.

    apt-get install -y libreoffice-writer-nogui poppler-utils
    .venv/bin/python docs/render_report_pages.py        # writes docs/report-pages/page-N.png

The README shows a page, so a reader sees the Word report before installing anything.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lmp_core import read_codebook, read_file  # noqa: E402
from lmp_core.present.report import build_report, render  # noqa: E402

DEMO = ROOT / "lmp_app" / "demo"
OUT = ROOT / "docs" / "report-pages"


def main() -> int:
    for tool in ("soffice", "pdftoppm"):
        if shutil.which(tool) is None:
            print(f"error: {tool} is missing: apt-get install -y libreoffice-writer-nogui poppler-utils",
                  file=sys.stderr)
            return 2
    codebook = read_codebook((DEMO / "lmp_ch2_3_codebook.csv").read_bytes())
    survey = read_file((DEMO / "lmp_ch2_3.csv").read_bytes(), "lmp_ch2_3.csv", codebook=codebook)
    report = build_report(survey, group="rolle", populations={"Skoleleder": 63, "Skoleeier": 24})
    with tempfile.TemporaryDirectory() as tmp:
        docx = Path(tmp) / "rapport.docx"
        docx.write_bytes(render(report, docx.name))
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(docx)], check=True,
                       capture_output=True)
        OUT.mkdir(parents=True, exist_ok=True)
        for old in OUT.glob("page-*.png"):
            old.unlink()
        subprocess.run(["pdftoppm", "-png", "-r", "70", str(Path(tmp) / "rapport.pdf"), str(OUT / "page")], check=True)
    pages = sorted(OUT.glob("page-*.png"))
    print(f"{len(pages)} pages: {', '.join(p.name for p in pages)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
