"""Loading a file in the app (lmp_app.state.load) does the work the Data page needs once, and lets the file's
fingerprint be made while the file is read (#47: the 1,000,000-row file's time to the first chart)."""

from __future__ import annotations

import threading

from tests.conftest import FIXTURES

#: set by the fingerprint's hashing when it starts; the reading waits for it (a fingerprint made after the
#: reading never sets it while the reading waits)
HASHING = threading.Event()
#: what the reading saw: whether the hashing had started while the file was being read, and on which thread
SEEN: dict[str, object] = {}


def _load_script():
    import streamlit as st

    from lmp_app import state
    from tests.conftest import FIXTURES

    loaded = state.load((FIXTURES / "lmp_ch2_3.csv").read_bytes(), "lmp_ch2_3.csv")
    st.text(loaded.digest)


def test_the_fingerprint_is_made_while_the_file_is_read_and_is_the_files_sha256(monkeypatch):
    import hashlib

    from streamlit.testing.v1 import AppTest

    from lmp_app import state

    real_digest, real_read = state.digest, state.read_file

    def hashing(data: bytes) -> str:
        SEEN["hash_thread"] = threading.current_thread().name
        HASHING.set()
        return real_digest(data)

    def reading(*args, **kwargs):
        SEEN["read_thread"] = threading.current_thread().name
        SEEN["hashing_while_read"] = HASHING.wait(10)  # no timing: False only if the hashing waits for the reading
        return real_read(*args, **kwargs)

    HASHING.clear()
    SEEN.clear()
    monkeypatch.setattr(state, "digest", hashing)
    monkeypatch.setattr(state, "read_file", reading)
    at = AppTest.from_function(_load_script, default_timeout=120).run()
    assert not at.exception
    assert SEEN["hashing_while_read"] is True
    assert SEEN["hash_thread"] != SEEN["read_thread"]
    # the fingerprint is still the SHA-256 of the file's bytes (hashlib, independently of the app)
    assert at.text[0].value == hashlib.sha256((FIXTURES / "lmp_ch2_3.csv").read_bytes()).hexdigest()


#: set by the script when :func:`lmp_app.state.load` has returned; the data-quality checks wait for it
RETURNED = threading.Event()


def _checks_script():
    import importlib

    import streamlit as st

    from lmp_app import state
    from tests.conftest import FIXTURES

    here = importlib.import_module("tests.test_app_loading")  # the test's events (the script runs as its own module)

    loaded = state.load((FIXTURES / "lmp_ch2_3.csv").read_bytes(), "lmp_ch2_3.csv")
    here.SEEN["source_is_full"] = loaded.source is loaded.full
    here.RETURNED.set()
    chosen = loaded.chosen  # waits for the checks
    st.text(f"{chosen.left_out} {chosen.quality.n_rows} {chosen.survey is loaded.full}")


def test_a_new_files_quality_checks_are_made_beside_the_page_when_nobody_is_left_out(monkeypatch):
    from streamlit.testing.v1 import AppTest

    from lmp_app import state

    real = state.apply_choice

    def checking(*args, **kwargs):
        SEEN["checks_thread"] = threading.current_thread().name
        SEEN["after_load"] = RETURNED.wait(10)  # no timing: False only if load waits for the checks
        return real(*args, **kwargs)

    RETURNED.clear()
    SEEN.clear()
    monkeypatch.setattr(state, "apply_choice", checking)
    at = AppTest.from_function(_checks_script, default_timeout=120).run()
    assert not at.exception
    assert SEEN["after_load"] is True
    assert SEEN["checks_thread"].startswith("lmp-quality")
    assert SEEN["source_is_full"] is True  # nobody left out: the data in use is the whole file from the start
    # the demo's 46 respondents (report section 1.1), none left out, the whole file analysed
    assert at.text[0].value == "0 46 True"


#: the large file's checks wait for it: set by the test once it has seen the pages drawn without them
RELEASE = threading.Event()


def test_a_large_files_data_page_and_results_do_not_wait_for_its_checks(monkeypatch):
    """#47: the Data page's run that reads a file of at least ``CHECKS_LATER_ROWS`` respondents ends without
    waiting for the data-quality checks (it says they follow), the results page is drawn while they are still being
    made, and once they are made the Data page's next run draws the quality section. The checks are held until the
    test releases them, so nothing here depends on timing: without the change, the upload's run waits for them and
    the AppTest run times out."""
    from streamlit.testing.v1 import AppTest

    from lmp_app import state
    from tests.apptest import plain
    from tests.conftest import ROOT

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()  # the demo, its checks as usual
    real = state.apply_choice

    def held(*args, **kwargs):
        RELEASE.wait(120)
        return real(*args, **kwargs)

    RELEASE.clear()
    monkeypatch.setattr(state, "apply_choice", held)
    monkeypatch.setattr(state, "CHECKS_LATER_ROWS", 40)  # the demo's 46 respondents count as a large file here
    try:
        at.file_uploader(key="upload").upload("stor.csv", (FIXTURES / "lmp_ch2_3.csv").read_bytes(), "text/csv")
        at.run(timeout=20)
        assert not at.exception
        assert any("Lest: stor.csv" in plain(s.value) for s in at.success)
        infos = " ".join(plain(i.value) for i in at.info)
        assert "Kontrollene av de 46 respondentene lages nå og vises her om et øyeblikk." in infos
        assert not any("Med minst ett flagg" in plain(c.value) for c in at.caption)  # the section itself: not yet
        assert not at.session_state[state.Keys.DATA].applied.done()
        # the results are a click away while the checks are still being made
        at.switch_page("pages/results.py").run(timeout=20)
        assert not at.exception and at.get("image"), "the results page drew no chart while the checks were made"
        assert not at.session_state[state.Keys.DATA].applied.done()
    finally:
        RELEASE.set()
    at.session_state[state.Keys.DATA].applied.result(timeout=60)
    at.switch_page("pages/data.py").run()
    assert not at.exception
    # the section, drawn now: its summary line over the file's 46 respondents
    assert any("av 46." in plain(c.value) and "Med minst ett flagg" in plain(c.value) for c in at.caption)
    assert not any("vises her om et øyeblikk" in plain(i.value) for i in at.info)
