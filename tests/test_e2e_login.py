"""Login in a real browser against a local OpenID provider: the redirects st.login, st.logout and the gate make.

The provider is oidc-provider-mock 0.3.4 (the last release for Python 3.11), started in this process on
``localhost``; it signs real RS256 ID tokens and puts non-standard claims (Feide's eduPersonPrincipalName URL claim,
Entra's ``tid`` and ``roles``) into the ID token, which is all Streamlit keeps of a login. The app is started with
deploy/secrets.example.toml, only its addresses, credentials and allow-list changed (tests/hosting.py), so the
file a host copies is the file tested. Everything runs on ``localhost``: the login's state cookie is bound to the
host name, and a mix with 127.0.0.1 would break it.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser import go, wait_idle, watch_runs
from tests.conftest import free_port, start_app, stop_app
from tests.hosting import login_secrets

pytestmark = pytest.mark.e2e
oidc = pytest.importorskip("oidc_provider_mock")

EPPN = "https://n.feide.no/claims/eduPersonPrincipalName"
TENANT = "9a5b3f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"
USERS = {
    "ola": {"name": "Ola Nordmann", EPPN: "ola@uio.no"},                       # Feide, an allowed realm
    "per": {"name": "Per Utenfor", EPPN: "per@ntnu.no"},                       # Feide, another organisation
    "kari": {"name": "Kari Analytiker", "tid": TENANT, "roles": ["LMP.Analytiker"]},      # Entra, allowed
    "nils": {"name": "Nils Uten Rolle", "tid": TENANT, "roles": ["Annet"]},               # Entra, no role
}
#: what must never reach the server's log: every claim value of every user
CLAIM_VALUES = [v for claims in USERS.values() for v in claims.values() if isinstance(v, str)] + ["LMP.Analytiker"]


@pytest.fixture(scope="module")
def provider():
    os.environ["AUTHLIB_INSECURE_TRANSPORT"] = "1"  # the provider serves plain HTTP on loopback
    users = [oidc.User(sub=sub, claims=claims) for sub, claims in USERS.items()]
    with oidc.run_server_in_thread(port=0, user_claims=users) as server:
        yield server.server_port


def _start(tmp_path: Path, provider_port: int, secrets_text: str | None = None, **access) -> tuple:
    port = free_port()
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(secrets_text if secrets_text is not None else login_secrets(
        port, provider_port, feide_realms=["uio.no"], entra_tenants=[TENANT], entra_roles=["LMP.Analytiker"],
        **access), encoding="utf-8")
    log = tmp_path / "server.log"
    proc, _ = start_app(log, "--secrets.files", str(secrets), port=port, env={"AUTHLIB_INSECURE_TRANSPORT": "1"})
    return proc, f"http://localhost:{port}", log


def _login_page(page: Page) -> None:
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("button", name="Logg inn med Feide")).to_be_visible(timeout=60_000)
    expect(main.get_by_role("button", name="Logg inn med Microsoft (Entra ID)")).to_be_visible()
    expect(page.get_by_text("respondenter")).to_have_count(0)
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)


def _log_in(page: Page, provider_port: int, button: str, sub: str) -> None:
    page.get_by_test_id("stMain").get_by_role("button", name=button).click()
    page.wait_for_url(f"http://localhost:{provider_port}/oauth2/authorize*", timeout=30_000)
    page.locator('input[name="sub"]').fill(sub)
    page.get_by_role("button", name="Authorize").click()


def _refused(page: Page, url: str, why: str) -> None:
    """The refusal shows, with why, at the app's address and at another page's; then log out."""
    for address in (None, f"{url}/results"):
        if address:
            watch_runs(page)
            page.goto(address)
        main = page.get_by_test_id("stMain")
        expect(main.get_by_text("Ingen tilgang")).to_be_visible(timeout=60_000)
        expect(main.get_by_text(why)).to_be_visible()
        expect(main.get_by_role("button", name="Logg ut")).to_be_visible()
        expect(page.get_by_text("respondenter")).to_have_count(0)
        expect(page.get_by_text("Tabell")).to_have_count(0)
        expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
    page.get_by_test_id("stMain").get_by_role("button", name="Logg ut").click()
    page.get_by_role("button", name="End session").click()
    _login_page(page)


def _log_out(page: Page, url: str) -> None:
    page.get_by_test_id("stSidebar").get_by_role("button", name="Logg ut").click()
    end = page.get_by_role("button", name="End session")  # the provider's own logout (end_session_endpoint)
    expect(end).to_be_visible(timeout=30_000)
    end.click()
    page.wait_for_url(f"{url}/**", timeout=30_000)


def test_login_refusal_deny_and_logout_in_the_browser(browser: Browser, provider: int, tmp_path: Path):
    proc, url, log = _start(tmp_path, provider)
    try:
        context = browser.new_context()
        page = context.new_page()
        # the process's very first request is a page's own address: the gate holds there too (lmp_app.access)
        watch_runs(page)
        page.goto(f"{url}/results")
        _login_page(page)
        expect(page.get_by_test_id("stMain").get_by_text("Tabell")).to_have_count(0)

        # a Feide user of an allowed organisation gets in, sees the Data page and can use the app
        _log_in(page, provider, "Logg inn med Feide", "ola")
        main = page.get_by_test_id("stMain")
        expect(main.get_by_text("46 respondenter")).to_be_visible(timeout=60_000)
        expect(page.get_by_test_id("stSidebar").get_by_text("Innlogget: Ola Nordmann")).to_be_visible()
        expect(main.get_by_text("Åpen tilgang")).to_have_count(0)
        assert any(c["name"].startswith("_streamlit_user") for c in context.cookies())
        wait_idle(page)
        area = go(page, "Resultater")
        expect(area.get_by_test_id("stTable").first).to_be_visible(timeout=60_000)

        # logout: the provider's end-session page, then back at the login; the login cookie is gone
        _log_out(page, url)
        _login_page(page)
        assert not any(c["name"].startswith("_streamlit_user") for c in context.cookies())

        # a Feide user of another organisation: "Ingen tilgang", a logout button and nothing of the app, also at
        # another page's address
        _log_in(page, provider, "Logg inn med Feide", "per")
        _refused(page, url, "Organisasjonen eller rollen din har ikke tilgang")

        # an Entra user of the allowed tenant without the app role: refused; with it: in
        _log_in(page, provider, "Logg inn med Microsoft (Entra ID)", "nils")
        _refused(page, url, "har ikke en rolle som gir tilgang")
        _log_in(page, provider, "Logg inn med Microsoft (Entra ID)", "kari")
        expect(page.get_by_test_id("stMain").get_by_text("46 respondenter")).to_be_visible(timeout=60_000)
        expect(page.get_by_test_id("stSidebar").get_by_text("Innlogget: Kari Analytiker")).to_be_visible()
        wait_idle(page)
        _log_out(page, url)
        _login_page(page)

        # the user says no at the provider: back at the login, not in
        page.get_by_test_id("stMain").get_by_role("button", name="Logg inn med Feide").click()
        page.wait_for_url(f"http://localhost:{provider}/oauth2/authorize*", timeout=30_000)
        page.get_by_role("button", name="Deny").click()
        _login_page(page)
        context.close()
    finally:
        stop_app(proc)
    server_log = log.read_text(errors="replace")
    assert [v for v in CLAIM_VALUES if v in server_log] == []


def test_an_old_login_is_cut_off(browser: Browser, provider: int, tmp_path: Path):
    # 0.002 hours (7.2 s) from the ID token's iat; the login cookie itself would last 30 days
    proc, url, _ = _start(tmp_path, provider, max_session_hours=0.002)
    try:
        context = browser.new_context()
        page = context.new_page()
        watch_runs(page)
        page.goto(url)
        _login_page(page)
        _log_in(page, provider, "Logg inn med Feide", "ola")
        expect(page.get_by_test_id("stMain").get_by_text("46 respondenter")).to_be_visible(timeout=60_000)
        logged_in = time.time()
        time.sleep(max(0.0, logged_in + 8 - time.time()))  # wait out the configured age (not a synchronisation)
        page.reload()  # a new session with the same 30-day cookie
        main = page.get_by_test_id("stMain")
        expect(main.get_by_text("Innloggingen din er eldre enn 0,002 timer")).to_be_visible(timeout=60_000)
        expect(page.get_by_text("respondenter")).to_have_count(0)
        main.get_by_role("button", name="Logg ut").click()
        page.get_by_role("button", name="End session").click()
        _login_page(page)
        context.close()
    finally:
        stop_app(proc)


def test_an_unreadable_login_setup_keeps_the_app_closed(browser: Browser, provider: int, tmp_path: Path):
    broken = login_secrets(1, provider, feide_realms=["uio.no"], entra_tenants=[], entra_roles=[])
    proc, url, _ = _start(tmp_path, provider, secrets_text=broken.replace("[access]", "[access"))
    try:
        page = browser.new_page()
        watch_runs(page)
        page.goto(url)
        expect(page.get_by_test_id("stMain").get_by_text("kan ikke leses")).to_be_visible(timeout=60_000)
        expect(page.get_by_text("respondenter")).to_have_count(0)
        page.close()
    finally:
        stop_app(proc)
