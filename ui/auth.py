"""Who may write: an admin secret turns uploads on; without one the app is read-only.

Two ways in, both configured outside the code:
- a shared password: DASHBOARD_ADMIN_PASSWORD, or `admin_password = "…"` in .streamlit/secrets.toml;
  compared in constant time, with a pause after a wrong try;
- Streamlit's OIDC login (st.login) when secrets.toml has an [auth] section; then only the
  addresses listed in `admin_emails = ["…"]` are administrators (a provider lets anyone sign in).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time
import unicodedata
from collections.abc import Mapping
from typing import Any

import streamlit as st

from config import settings
from i18n import t

WRONG_PASSWORD_DELAY = 1.0  # seconds: makes guessing slow without locking anyone out
SESSION_KEY = "auth:admin"  # holds a digest of the secret that was accepted


def _secrets() -> Mapping[str, Any]:
    """st.secrets if a secrets.toml exists, else empty (reading st.secrets without one raises)."""
    return st.secrets if st.secrets.load_if_toml_exists() else {}


def _password() -> str | None:
    return settings().admin_password or _secrets().get("admin_password") or None


def _oidc_admins() -> set[str] | None:
    """Administrator e-mail addresses when OIDC login is configured ([auth] and admin_emails), else None."""
    secrets = _secrets()
    if "auth" not in secrets or not secrets.get("admin_emails"):
        return None
    emails = secrets["admin_emails"]
    return {str(email).lower() for email in ([emails] if isinstance(emails, str) else emails)}


def admin_configured() -> bool:
    """True if some administrator credential exists: only then are upload and writes offered."""
    return _password() is not None or _oidc_admins() is not None


def _logged_in() -> bool:
    """Signed in through OIDC (st.user has no is_logged_in at all without an [auth] section)."""
    return bool(st.user.get("is_logged_in", False))


def _literal(text: str) -> str:
    """Text as a Markdown code span: no markup and no autolink (a provider may put any string in
    the e-mail claim, and Markdown turns even a backslash-escaped address into a mailto: link)."""
    text = " ".join(text.split())[:320]  # one line, bounded: an address is at most 254 characters
    fence = "`" * (1 + max((len(run) for run in re.findall(r"`+", text)), default=0))
    return f"{fence} {text} {fence}"


def _utf8(text: str) -> bytes:
    """NFC-normalised UTF-8, so "ä" typed as one code point or as "a" + a combining mark is the same
    password (RFC 8265); "surrogatepass" because an environment variable with stray bytes holds lone
    surrogates, which plain UTF-8 refuses with a traceback on every page."""
    return unicodedata.normalize("NFC", text).encode("utf-8", "surrogatepass")


def _digest(secret: str) -> str:
    return hashlib.sha256(_utf8(secret)).hexdigest()


def is_admin() -> bool:
    """This session has signed in against the current secret (a changed secret signs everyone out)."""
    password, admins = _password(), _oidc_admins()
    if admins is not None and _logged_in() and _verified_email() in admins:
        return True
    return password is not None and st.session_state.get(SESSION_KEY) == _digest(password)


def _verified_email() -> str:
    """The signed-in address, unless the provider says it is unverified (`email_verified: false`): some
    providers let a user type any address, and an unverified one must not match admin_emails. Providers
    that send no such claim (Microsoft Entra ID) vouch for their addresses themselves."""
    if st.user.get("email_verified") is False:
        return ""
    return str(st.user.get("email", "")).lower()


def password_matches(given: str, secret: str) -> bool:
    """Constant time for equal lengths; any length, empty or not, is simply compared (never an error)."""
    return hmac.compare_digest(_utf8(given), _utf8(secret))


def require_admin(lang: str) -> bool:
    """True for a signed-in administrator; otherwise draw the sign-in and return False."""
    if not admin_configured():
        return False
    if is_admin():
        st.sidebar.button(t("auth.sign_out", lang), key="auth:sign_out", on_click=sign_out)
        return True
    admins = _oidc_admins()
    if admins is not None:
        if _logged_in():  # signed in, but not an administrator: say so, and let them switch accounts
            key = "auth.unverified" if st.user.get("email_verified") is False else "auth.not_allowed"
            st.error(t(key, lang, email=_literal(str(st.user.get("email", "?")))))
            st.sidebar.button(t("auth.sign_out", lang), key="auth:sign_out", on_click=sign_out)
        else:
            st.button(t("auth.login_oidc", lang), on_click=st.login, key="auth:oidc")
    password = _password()
    if password is None:
        return False
    st.write(t("auth.intro", lang))
    with st.form("auth:form"):
        given = st.text_input(t("auth.password", lang), type="password", key="auth:password")
        submitted = st.form_submit_button(t("auth.sign_in", lang))
    if submitted:
        if password_matches(given, password):
            st.session_state[SESSION_KEY] = _digest(password)
            st.rerun()
        time.sleep(WRONG_PASSWORD_DELAY)
        st.error(t("auth.wrong", lang))
    return False


def sign_out() -> None:
    """A button callback: it runs before the next script run, which then draws the signed-out page.
    (Called from the script body, st.rerun() after st.logout() would drop the provider redirect.)"""
    st.session_state.pop(SESSION_KEY, None)
    if _logged_in():
        st.logout()  # clears st.user, then the browser goes to the provider's end-session page
