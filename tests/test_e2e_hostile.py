"""A hostile file cannot take the server down, reach another session or leak into the log: one session
uploads a survey with control characters and a sentinel string in every field (group names, answers'
column names, question texts, comments), exercises every page and every download; a second session opened
before keeps working; the server's output never contains the sentinel."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Browser, expect

from tests.browser import download, go, main, open_app, upload
from tests.conftest import FIXTURES, start_app, stop_app

pytestmark = pytest.mark.e2e
SENTINEL = "ZQXSENTINEL"


def _hostile(folder: Path) -> Path:
    frame = pd.read_csv(FIXTURES / "lmp_ch2_3.csv", dtype=str, keep_default_na=False)
    frame["rolle"] = frame["rolle"].map({"Skoleleder": f"Leder\x0b{SENTINEL}", "Skoleeier": f"Eier\x01{SENTINEL}"})
    frame["kommentar_kunnskap"] = f"Hemmelig\x0b{SENTINEL} kommentar \x07 =SUM(A1)"
    frame = frame.rename(columns={"kunnskap_mobbing": f"kunnskap_{SENTINEL}\x0c"})
    path = folder / f"fiendtlig_{SENTINEL}.csv"
    frame.to_csv(path, index=False)
    return path


def test_a_hostile_file_harms_no_one(browser: Browser, tmp_path: Path):
    log = tmp_path / "server.log"
    proc, url = start_app(log)
    try:
        other = browser.new_context().new_page()
        open_app(other, url)  # a bystander, on the demo
        page = browser.new_context().new_page()
        open_app(page, url)
        path = _hostile(tmp_path)
        upload(page, path)
        expect(main(page).get_by_text(f"Lest: {path.name}")).to_be_visible()
        go(page, "Resultater")
        for key, label in (("top2_png", "Last ned PNG"), ("top2_svg", "Last ned SVG"), ("dist_png", "Last ned PNG"),
                           ("dist_svg", "Last ned SVG"), ("table_csv", "Last ned CSV"),
                           ("table_xlsx", "Last ned Excel")):
            _, data = download(page, key, label)
            assert data
            if key.endswith("svg"):  # text: the control characters were replaced before drawing
                assert b"\x0b" not in data and b"\x01" not in data and SENTINEL.encode() in data
        go(page, "Kommentarer")
        area = go(page, "Rapport")
        for fmt in ("docx", "html", "xlsx", "pptx"):
            _, data = download(page, f"report_{fmt}", f"Last ned {fmt.upper()}")
            assert len(data) > 1000
        expect(area.get_by_test_id("stException")).to_have_count(0)
        # fieldwork: an invitation list with the sentinel and control characters in names and addresses; the
        # reminder list in both formats (a failing download once wrote the invitee's name and e-mail to the log)
        go(page, "Feltarbeid")
        frame = pd.read_csv(FIXTURES / "lmp_ch2_3.csv", dtype=str, keep_default_na=False)
        invited = pd.DataFrame({"respondent_id": [*frame["respondent_id"], "N1", "N2"],
                                "navn": [f"Navn\x0b{SENTINEL}"] * (len(frame) + 2),
                                "epost": [f"{SENTINEL}\x01@example.org"] * (len(frame) + 2)})
        listed = tmp_path / f"inviterte_{SENTINEL}.csv"
        invited.to_csv(listed, index=False)
        upload(page, listed, key="invited_upload")
        expect(main(page).get_by_text("Ikke svart (2) – til neste påminnelse")).to_be_visible()
        for key, label in (("fw_nr_csv", "Last ned CSV"), ("fw_nr_xlsx", "Last ned Excel")):
            _, data = download(page, key, label)
            assert data
        # over time: the hostile file again as a later wave (its names in the chart, the tables and the CSV)
        area = go(page, "Over tid")
        later = tmp_path / f"fiendtlig_{SENTINEL}_runde2.csv"
        later.write_bytes(path.read_bytes())
        upload(page, later, key="waves_upload")
        expect(area.get_by_text("Utvikling per spørsmål og gruppe", exact=True)).to_be_visible()
        for key, label in (("trend_svg", "Last ned SVG"), ("trend_csv", "Last ned CSV")):
            _, data = download(page, key, label)
            assert data and b"\x0b" not in data and b"\x01" not in data
        expect(area.get_by_test_id("stException")).to_have_count(0)
        # error paths: a broken Excel file and a binary "CSV", both named with the sentinel
        go(page, "Data")
        for name, data in ((f"ødelagt_{SENTINEL}.xlsx", b"PK\x03\x04" + SENTINEL.encode() * 50),
                           (f"binær_{SENTINEL}.csv", b"\x00\x01" + SENTINEL.encode() * 50)):
            broken = tmp_path / name
            broken.write_bytes(data)
            upload(page, broken)
            expect(main(page).get_by_test_id("stAlert").filter(has_text=name).first).to_be_visible()
            expect(main(page).get_by_test_id("stException")).to_have_count(0)
        go(page, "Metode")
        # the bystander's session still works: the server process is alive and answers
        assert proc.poll() is None
        area = go(other, "Resultater")
        expect(area.get_by_test_id("stTable").first).to_contain_text("4,44")  # report Tabell 2.1
        assert SENTINEL not in area.inner_text()
    finally:
        stop_app(proc)
    assert SENTINEL not in log.read_text(errors="replace")
