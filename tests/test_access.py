"""The access gate (lmp_app.access): the decision for every kind of user, and the app through AppTest with
``at.user`` (Streamlit's stand-in for ``st.user``) for each branch. The login's redirects through a real OpenID
provider are in tests/test_e2e_login.py.

The claim shapes are the providers' own: Feide puts the user's eduPersonPrincipalName under
``https://n.feide.no/claims/eduPersonPrincipalName`` (https://docs.feide.no/reference/apis/userinfo.html), Entra ID
the tenant in ``tid`` and app roles in ``roles`` (Microsoft's ID-token claims reference); Streamlit adds
``is_logged_in`` and ``provider`` (the secrets section's name) to the ID token's claims."""

from __future__ import annotations

import time

import pytest
from streamlit.testing.v1 import AppTest

from lmp_app.access import EPPN, USERID_SEC, Access, Policy, decide, feide_realm, policy_from
from tests.conftest import ROOT

APP = str(ROOT / "streamlit_app.py")
NOW = 1_800_000_000.0
TENANT = "9a5b3f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"
OTHER_TENANT = "11111111-2222-3333-4444-555555555555"
SECRETS = {
    "auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
             "feide": {"client_id": "lmp", "client_secret": "s",
                       "server_metadata_url": "https://auth.dataporten.no/.well-known/openid-configuration"},
             "entra": {"client_id": "lmp", "client_secret": "s",
                       "server_metadata_url": f"https://login.microsoftonline.com/{TENANT}/v2.0/"
                                              ".well-known/openid-configuration"}},
    "access": {"feide_realms": ["uio.no", "Oslo.Kommune.no"], "entra_tenants": [TENANT],
               "entra_roles": ["LMP.Analytiker"], "max_session_hours": 8},
}
POLICY = policy_from(SECRETS)


def feide(eppn: str, **extra) -> dict:
    return {"is_logged_in": True, "provider": "feide", "sub": "f-123", "name": "Ola Nordmann",
            "iat": int(NOW) - 60, EPPN: eppn, **extra}


def entra(tid: str, roles=("LMP.Analytiker",), **extra) -> dict:
    return {"is_logged_in": True, "provider": "entra", "sub": "e-456", "name": "Kari Nordmann",
            "iat": int(NOW) - 60, "tid": tid, "roles": list(roles), **extra}


# --- the decision ------------------------------------------------------------------------------------------------

def test_policy_reads_the_hosts_allow_list():
    assert Policy(login=True, providers=("feide", "entra"), feide_realms=frozenset({"uio.no",
                            "oslo.kommune.no"}), entra_tenants=frozenset({TENANT}),
                            entra_roles=frozenset({"LMP.Analytiker"}), max_session_hours=8.0) == POLICY
    assert policy_from({}) == Policy(login=False)
    assert policy_from({"connections": {"x": 1}}).login is False  # secrets without [auth]: the app runs open


@pytest.mark.parametrize(("claims", "expected"), [
    ({}, Access("login")),
    ({"is_logged_in": False}, Access("login")),
    (feide("ola@uio.no"), Access("allowed")),
    (feide("OLA@OSLO.KOMMUNE.NO"), Access("allowed")),              # realms compare without case
    (feide("ola@ntnu.no"), Access("refused", "access_other_org")),
    (feide("ola@uio.no.evil.example"), Access("refused", "access_other_org")),
    ({**feide("x"), EPPN: None, USERID_SEC: ["feide:ola@uio.no"]}, Access("allowed")),
    ({k: v for k, v in feide("x").items() if k != EPPN}, Access("refused", "access_no_realm")),
    # the e-mail is not vouched for by Feide: it never lets anyone in
    ({**{k: v for k, v in feide("x").items() if k != EPPN}, "email": "ola@uio.no"},
     Access("refused", "access_no_realm")),
    (entra(TENANT), Access("allowed")),
    (entra(TENANT.upper()), Access("allowed")),
    (entra(OTHER_TENANT), Access("refused", "access_other_org")),
    (entra(TENANT, roles=()), Access("refused", "access_no_role")),
    (entra(TENANT, roles=("Annet",)), Access("refused", "access_no_role")),
    # a Feide-shaped claim from another provider section counts for nothing
    ({**entra(OTHER_TENANT), EPPN: "ola@uio.no"}, Access("refused", "access_other_org")),
    ({**feide("ola@uio.no"), "provider": "google"}, Access("refused", "access_other_org")),
    (feide("ola@uio.no", iat=int(NOW) - 8 * 3600 - 1), Access("expired")),
    (feide("ola@uio.no", iat=int(NOW) - 8 * 3600 + 5), Access("allowed")),
    ({k: v for k, v in feide("ola@uio.no").items() if k != "iat"}, Access("expired")),
])
def test_decide(claims, expected):
    assert decide(claims, POLICY, NOW) == expected


def test_no_login_configured_is_open_and_an_empty_allow_list_lets_nobody_in():
    assert decide({}, Policy(login=False), NOW) == Access("open")
    closed = policy_from({"auth": SECRETS["auth"]})  # [auth] without [access]
    assert decide(feide("ola@uio.no"), closed, NOW).state == "refused"
    assert decide(entra(TENANT), closed, NOW).state == "refused"


def test_roles_are_optional_for_entra():
    no_roles = policy_from({**SECRETS, "access": {**SECRETS["access"], "entra_roles": []}})
    assert decide(entra(TENANT, roles=()), no_roles, NOW) == Access("allowed")


def test_feide_realm():
    assert feide_realm({EPPN: "ola@UiO.no"}) == "uio.no"
    assert feide_realm({USERID_SEC: ["nin:123", "feide:kari@ntnu.no"]}) == "ntnu.no"
    assert feide_realm({EPPN: "no-at-sign"}) == ""
    assert feide_realm({}) == ""


# --- the app through AppTest ------------------------------------------------------------------------------------

def _app(user: dict | None = None, secrets: dict | None = SECRETS) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if secrets:
        at.secrets.update(secrets)
    if user is not None:
        at.user = {k: v for k, v in user.items()}
    return at.run()


def _sees_app(at: AppTest) -> bool:
    return any(title.value == "Data" for title in at.title) or bool(at.get("file_uploader"))


def _texts(at: AppTest) -> str:
    parts = [e.value for kind in ("markdown", "error", "warning", "info", "title", "text") for e in at.get(kind)]
    return "\n".join(str(p) for p in parts)


def test_open_app_says_so_on_the_data_page():
    at = _app(secrets=None)
    assert not at.exception
    assert _sees_app(at)
    assert any("Åpen tilgang" in i.value for i in at.info)


def test_logged_out_user_sees_only_the_login_buttons():
    at = _app({"is_logged_in": False})
    assert not at.exception
    assert not _sees_app(at)
    assert [b.label for b in at.button] == ["Logg inn med Feide", "Logg inn med Microsoft (Entra ID)"]
    assert "Lest" not in _texts(at) and "respondenter" not in _texts(at)
    assert "lmp_data" not in at.session_state  # the demo survey is not even loaded


def test_allowed_user_sees_the_data_page_without_the_open_notice():
    at = _app(feide("ola@uio.no", iat=int(time.time()) - 60))
    assert not at.exception
    assert _sees_app(at)
    assert not any("Åpen tilgang" in i.value for i in at.info)
    assert any(t.value == "Innlogget: Ola Nordmann" for t in at.sidebar.text)
    assert any(b.label == "Logg ut" for b in at.sidebar.button)


@pytest.mark.parametrize("user", [feide("ola@ntnu.no"), entra(OTHER_TENANT), entra(TENANT, roles=())],
                         ids=["feide-other-realm", "entra-other-tenant", "entra-no-role"])
def test_user_outside_the_allow_list_sees_no_access_and_nothing_of_the_app(user):
    at = _app({**user, "iat": int(time.time()) - 60})
    assert not at.exception
    assert [e.value for e in at.error] == ["Ingen tilgang"]
    assert [b.label for b in at.button] == ["Logg ut"]
    assert not _sees_app(at)
    assert "lmp_data" not in at.session_state
    # nor can another page be reached: every address is the gate (the browser test opens /results); no page file
    # is registered at all
    with pytest.raises(ValueError, match=r"Known pages: \['LMP Explorer', 'data', 'results', 'comments'"):
        at.switch_page("pages/results.py")


def test_an_old_login_expires_and_drops_the_sessions_data():
    at = _app(feide("ola@uio.no", iat=int(time.time()) - 60))
    assert "lmp_data" in at.session_state
    at.user = feide("ola@uio.no", iat=int(time.time()) - 9 * 3600)
    at.run()
    assert "lmp_data" not in at.session_state
    assert any("eldre enn 8 timer" in w.value for w in at.warning)
    assert not _sees_app(at)


def test_logout_drops_the_sessions_data_at_once():
    at = _app(feide("ola@uio.no", iat=int(time.time()) - 60))
    assert "lmp_data" in at.session_state
    next(b for b in at.sidebar.button if b.label == "Logg ut").click().run()
    assert at.user.get("is_logged_in") is False
    assert "lmp_data" not in at.session_state
    assert not _sees_app(at)
    assert [b.label for b in at.button] == ["Logg inn med Feide", "Logg inn med Microsoft (Entra ID)"]


def test_every_page_runs_the_guard_first():
    """Each page's first statement after its imports is page_guard(): a run that skipped streamlit_app.py (see
    lmp_app.access.page_guard) must not draw anything before the gate."""
    import ast

    for path in sorted((ROOT / "pages").glob("*.py")):
        body = [n for n in ast.parse(path.read_text()).body
                if not isinstance(n, (ast.Import, ast.ImportFrom)) and not (
                    isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
        first = body[0]
        assert isinstance(first, ast.Expr) and isinstance(first.value, ast.Call), path.name
        assert getattr(first.value.func, "id", "") == "page_guard", path.name


def test_english_gate():
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets.update(SECRETS)
    at.user = {"is_logged_in": False}
    at.session_state["lang"] = "en"
    at.run()
    assert [b.label for b in at.button] == ["Log in with Feide", "Log in with Microsoft (Entra ID)"]
