"""Who may use a hosted LMP Explorer: one gate before any page runs.

The host configures login in ``.streamlit/secrets.toml`` (never committed): Streamlit's ``[auth]`` section with
one provider section per identity provider, named ``feide`` (Feide, operated by Sikt) and ``entra`` (Microsoft
Entra ID), and an ``[access]`` section with the allow-list::

    [access]
    feide_realms = ["uio.no"]            # home organisations: the realm of eduPersonPrincipalName
    entra_tenants = ["<tenant GUID>"]    # the tid claim
    entra_roles = ["LMP.Analytiker"]     # optional: an Entra user also needs one of these app roles
    max_session_hours = 8                # counted from the ID token's iat

Without an ``[auth]`` section the app runs open, as on an analyst's own machine, and the Data page says so.

The decision (:func:`decide`) is a pure function of the ID token's claims (``st.user``: Streamlit keeps the ID
token's claims only, plus the provider's section name), the policy and the clock, so every branch is tested
without a browser. Only claims the identity provider vouches for are used: Feide's
``https://n.feide.no/claims/eduPersonPrincipalName`` (or its ``userid_sec`` form ``feide:ola@uio.no``), Entra's
``tid`` and ``roles``; never ``email`` (Feide marks it unverified). No claim value is ever logged.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import streamlit as st

from lmp_app.i18n import lang, t
from lmp_app.state import Keys
from lmp_core.base.fmt import number

FEIDE = "feide"
ENTRA = "entra"
PROVIDERS = (FEIDE, ENTRA)
EPPN = "https://n.feide.no/claims/eduPersonPrincipalName"
USERID_SEC = "https://n.feide.no/claims/userid_sec"
#: Streamlit's login cookie lasts 30 days; a hosted session is cut at this age unless the host sets another.
DEFAULT_MAX_HOURS = 8.0


@dataclass(frozen=True)
class Policy:
    """The host's allow-list. ``login`` is False when no ``[auth]`` section exists (the app runs open)."""

    login: bool
    providers: tuple[str, ...] = ()
    feide_realms: frozenset[str] = frozenset()
    entra_tenants: frozenset[str] = frozenset()
    entra_roles: frozenset[str] = frozenset()
    max_session_hours: float = DEFAULT_MAX_HOURS


@dataclass(frozen=True)
class Access:
    """What the gate decided: ``state`` is one of ``open`` (no login configured), ``login`` (not logged in),
    ``allowed``, ``refused`` or ``expired``; ``reason`` is a catalogue key saying why a user is refused."""

    state: str
    reason: str = ""

    @property
    def allowed(self) -> bool:
        return self.state in ("open", "allowed")


def _lower_set(values: Any) -> frozenset[str]:
    if isinstance(values, str):
        values = [values]
    return frozenset(str(v).strip().lower() for v in values or () if str(v).strip())


def policy_from(secrets: Mapping[str, Any]) -> Policy:
    """The policy in a secrets mapping (``st.secrets`` or a dict of the same shape)."""
    auth = secrets.get("auth")
    if not auth:
        return Policy(login=False)
    providers = tuple(name for name in PROVIDERS if isinstance(auth.get(name), Mapping))
    access = secrets.get("access") or {}
    hours = access.get("max_session_hours", DEFAULT_MAX_HOURS)
    return Policy(login=True, providers=providers, feide_realms=_lower_set(access.get("feide_realms")),
                  entra_tenants=_lower_set(access.get("entra_tenants")),
                  entra_roles=frozenset(str(r) for r in access.get("entra_roles") or ()),
                  max_session_hours=float(hours))


def feide_realm(claims: Mapping[str, Any]) -> str:
    """The home organisation of a Feide user: the realm after ``@`` of eduPersonPrincipalName, or of the
    ``feide:`` entry of userid_sec; empty when the token carries neither."""
    eppn = claims.get(EPPN)
    if not isinstance(eppn, str):
        secondary = claims.get(USERID_SEC) or ()
        eppn = next((s.removeprefix("feide:") for s in secondary
                     if isinstance(s, str) and s.startswith("feide:")), "")
    return eppn.rsplit("@", 1)[1].lower() if "@" in eppn else ""


def decide(claims: Mapping[str, Any], policy: Policy, now: float) -> Access:
    """The gate's decision for a user with these ID-token ``claims`` at time ``now`` (seconds since the epoch).

    Rules, in order: no login configured → open; not logged in → login; an ``iat`` older than
    ``max_session_hours`` (or none) → expired; a Feide user whose realm is in ``feide_realms`` → allowed; an Entra
    user whose ``tid`` is in ``entra_tenants`` and, if ``entra_roles`` is set, who holds one of them → allowed;
    anyone else → refused. An empty allow-list lets nobody in (a host that forgets it is closed, not open).
    """
    if not policy.login:
        return Access("open")
    if not claims.get("is_logged_in"):
        return Access("login")
    iat = claims.get("iat")
    if not isinstance(iat, (int, float)) or now - float(iat) > policy.max_session_hours * 3600:
        return Access("expired")
    provider = claims.get("provider")
    if provider == FEIDE and provider in policy.providers:
        realm = feide_realm(claims)
        if not realm:
            return Access("refused", "access_no_realm")
        return Access("allowed") if realm in policy.feide_realms else Access("refused", "access_other_org")
    if provider == ENTRA and provider in policy.providers:
        if str(claims.get("tid", "")).lower() not in policy.entra_tenants:
            return Access("refused", "access_other_org")
        roles = claims.get("roles") or ()
        if policy.entra_roles and not policy.entra_roles.intersection(r for r in roles if isinstance(r, str)):
            return Access("refused", "access_no_role")
        return Access("allowed")
    return Access("refused", "access_other_org")


def _drop_session_data() -> None:
    """Forget everything this session holds (its survey, counts, choices), keeping only the language."""
    for key in list(st.session_state.keys()):
        if key not in (Keys.LANG, "lang_widget"):
            del st.session_state[key]


def log_out() -> None:
    """The logout button: the session's data goes at once, then Streamlit's logout (and the provider's)."""
    _drop_session_data()
    st.logout()


def _logout_button(key: str, where: Any = st) -> None:
    where.button(t("access_logout"), key=key, on_click=log_out, type="primary")


def _gate_page(access: Access, policy: Policy) -> Callable[[], None]:
    def page() -> None:
        st.title(t("app_title"))
        if access.state == "login":
            st.write(t("access_login_intro"))
            for name in policy.providers:
                st.button(t(f"access_login_{name}"), key=f"login_{name}", on_click=st.login, args=[name],
                          type="primary")
            if not policy.providers:
                st.error(t("access_no_provider"))
        elif access.state == "expired":
            hours = policy.max_session_hours
            st.warning(t("access_expired", hours=number(hours, 0 if hours == int(hours) else 3, lang())))
            _logout_button("logout_expired")
        else:
            st.error(t("access_refused"))
            st.write(t(access.reason))
            _logout_button("logout_refused")

    return page


def _evaluate() -> tuple[Access, Policy, dict[str, Any]]:
    secrets = _secrets()
    if secrets is None:
        return Access("refused", "access_bad_config"), Policy(login=True), {}
    policy = policy_from(secrets)
    claims = st.user.to_dict() if policy.login else {}
    return decide(claims, policy, time.time()), policy, claims


def _refuse(access: Access, policy: Policy) -> None:
    _drop_session_data()  # an expired or refused login keeps nothing from before
    _gate_page(access, policy)()
    st.stop()


def require_access(url_paths: Sequence[str] = ()) -> Access:
    """Run the gate; when the user may not use the app, draw the gate page at every address and stop.

    Called in ``streamlit_app.py`` before the navigation, so it covers every page and every URL; ``url_paths`` are
    the app's page addresses, which then show the gate too (rather than Streamlit's "page not found").
    """
    access, policy, claims = _evaluate()
    if access.allowed:
        st.session_state[Keys.ACCESS] = access.state
        if access.state == "allowed":
            st.sidebar.text(t("access_signed_in", name=str(claims.get("name") or claims.get("sub") or "")))
            _logout_button("logout", st.sidebar)
        return access
    _drop_session_data()
    gate = _gate_page(access, policy)
    pages = [st.Page(gate, title=t("app_title"), url_path="login", default=True)]
    pages += [st.Page(_alias(gate, path), title=t("app_title"), url_path=path) for path in url_paths]
    st.navigation(pages, position="hidden").run()
    st.stop()
    return access  # not reached


def _alias(page: Callable[[], None], name: str) -> Callable[[], None]:
    """The gate page under another address (Streamlit tells pages apart by their function)."""
    def alias() -> None:
        page()

    alias.__name__ = f"gate_{name}"
    return alias


def page_guard() -> None:
    """The first line of every page: make sure the run passed through ``streamlit_app.py`` and its gate.

    Streamlit 1.67 keeps its first multipage mode for an app beside a ``pages/`` folder until some run calls
    ``st.navigation`` (the class flag ``PagesManager.uses_pages_directory``, set when the server starts): when a
    process's first request is a page's own address (``/results``), that page's file runs by itself, the main
    script's gate never runs, and the sidebar lists the folder's files. Such a run is turned into a normal one
    (the flag cleared, the script run again through ``streamlit_app.py``); the gate's decision is also made again
    here, as it costs a few dictionary lookups.
    """
    from streamlit import config
    from streamlit.runtime.pages_manager import PagesManager

    # AppTest sets the flag again before every run it makes and runs the page file alone by design; a rerun there
    # would only lose the click that started the run, so there the decision below is the guard
    if PagesManager.uses_pages_directory and not config.get_option("global.appTest"):
        PagesManager.uses_pages_directory = False
        st.rerun()
    access, policy, _ = _evaluate()
    if not access.allowed:
        _refuse(access, policy)


def host_secrets() -> dict[str, Any]:
    """The host's secrets (login, database connections); empty without a readable secrets file."""
    return _secrets() or {}


def _secrets() -> dict[str, Any] | None:
    """The host's secrets: empty when no secrets file exists (the app runs open), None when one exists but cannot
    be read (the app stays closed: a typo in the host's file must not open it to everyone)."""
    from pathlib import Path

    if st.secrets.load_if_toml_exists():
        return st.secrets.to_dict()
    paths = st.get_option("secrets.files") or ()
    return None if any(Path(p).exists() for p in paths) else {}
