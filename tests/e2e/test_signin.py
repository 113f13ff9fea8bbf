"""Sign-in in a real browser: OpenID Connect through a real provider on 127.0.0.1 (oidc-provider-mock),
and the admin password's pause after a wrong try, which holds back only the session that tried."""

from __future__ import annotations

import json
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import free_port, own_port, recording, screenshot, start_server, wait_until_drawn, warm_up

pytestmark = pytest.mark.e2e

ADMIN = "tiina.tilastoija@hyvinvointialue.fi"
OUTSIDER = "ulla.ulkopuolinen@example.fi"
SPOOF = "kuka-tahansa"  # a user whose e-mail claim is ADMIN's, unverified
PASSWORD = "pää-käyttäjä-7"  # noqa: S105  (this test's own admin secret)
UPLOADER = "[data-testid='stFileUploader']"
LOCAL = "127.0.0.1"
RUNNING = "[data-testid='stApp'][data-test-script-state='running']"


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    """oidc-provider-mock in its own process: any client id, and a sign-in form that asks for the `sub`,
    which it also gives as the `email` claim. One predefined user claims the administrator's address
    without the provider having verified it."""
    port = free_port()
    spoof = json.dumps({"sub": SPOOF, "email": ADMIN, "email_verified": False})
    process = subprocess.Popen(
        [sys.executable, "-m", "oidc_provider_mock", "--host", LOCAL, "--port", str(port), "--user-claims", spoof],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    issuer = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(f"{issuer}/.well-known/openid-configuration", timeout=2):
                break
        except OSError:
            time.sleep(0.2)
    else:
        process.terminate()
        pytest.fail(f"oidc-provider-mock did not start at {issuer}:\n{process.communicate(timeout=10)[0]}")
    yield issuer
    process.terminate()
    process.wait(timeout=10)


def secrets_file(directory: Path, app_port: int, issuer: str) -> Path:
    """An [auth] section as README's Security section shows it, in a temporary directory (never the repo)."""
    path = directory / "secrets.toml"
    path.write_text(
        f'admin_emails = ["{ADMIN.upper()}"]\n'  # addresses compare case-insensitively
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_hex(32)}"\n'
        'client_id = "rrp-dashboard"\n'
        f'client_secret = "{secrets.token_hex(16)}"\n'
        f'server_metadata_url = "{issuer}/.well-known/openid-configuration"\n',
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="module")
def oidc_url(provider: str, demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    directory = tmp_path_factory.mktemp("signin")
    store = directory / "dashboard.duckdb"
    shutil.copyfile(demo_db.resolve(), store)
    port = own_port()  # the redirect address names it
    secrets_path = secrets_file(directory, port, provider)
    # --secrets.files replaces the default places, so no developer's ~/.streamlit/secrets.toml joins in
    url, server = start_server(store, "--secrets.files", str(secrets_path), port=port)
    warm_up(url)
    yield url
    server.terminate()
    server.wait(timeout=10)


FAILED_LOAD = "Failed to load resource"


def forget_the_providers_failures(page: Page, app: str, since: int) -> None:
    """The provider's pages link a stylesheet on a CDN, which the test browser cannot load (it reaches
    127.0.0.1 only: tests/e2e/conftest.py), and have no favicon. Failed loads of resources outside the app,
    logged since index `since` (while the browser was on the provider's pages), are not the app's."""
    logged = page.console_errors  # type: ignore[attr-defined]
    logged[since:] = [error for error in logged[since:] if not error.startswith(FAILED_LOAD) or f"({app}/" in error]


def second_page(tab: Page) -> Page:
    """Another page of the tab's context: a session of its own (the password sign-in lives in the session)."""
    return recording(tab.context.new_page())


def open_upload(page: Page, url: str) -> None:
    page.goto(f"{url}/lataa")
    wait_until_drawn(page)
    page.get_by_role("heading", name="Lataa tiedostoja").wait_for(timeout=30_000)
    assert page.locator("[data-testid='stException']").count() == 0, page.inner_text("body")[:2000]


def sign_in_with_provider(page: Page, url: str, email: str) -> None:
    """The real redirect flow: the app's button → /auth/login → the provider's form → /oauth2callback → app."""
    open_upload(page, url)
    since = len(page.console_errors)  # type: ignore[attr-defined]
    page.get_by_role("button", name="Kirjaudu organisaation tunnuksella").click()
    page.wait_for_url("http://127.0.0.1:*/oauth2/authorize*", timeout=30_000)
    page.locator("input[name='sub']").fill(email)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{url}/**", timeout=30_000)  # back in the app, signed in: the callback set the cookie
    forget_the_providers_failures(page, url, since)
    open_upload(page, url)  # straight on: the entry page the provider returned to need not draw first


def sign_out(page: Page, url: str) -> None:
    """The sidebar's button → /auth/logout → the provider's end-session form → back to the app."""
    since = len(page.console_errors)  # type: ignore[attr-defined]
    page.get_by_role("button", name="Kirjaudu ulos").click()
    page.get_by_role("button", name="End session").click(timeout=30_000)
    page.wait_for_url(f"{url}/**", timeout=30_000)
    forget_the_providers_failures(page, url, since)
    open_upload(page, url)
    page.get_by_role("button", name="Kirjaudu organisaation tunnuksella").wait_for(timeout=30_000)
    assert page.get_by_role("button", name="Kirjaudu ulos").count() == 0


@pytest.fixture
def password_url(demo_db: Path, tmp_path: Path) -> Iterator[str]:
    """For the one test below, which runs first: its server is gone before the OIDC one takes the worker's port."""
    store = tmp_path / "dashboard.duckdb"
    shutil.copyfile(demo_db.resolve(), store)
    url, server = start_server(store, DASHBOARD_ADMIN_PASSWORD=PASSWORD)
    warm_up(url)
    yield url
    server.terminate()
    server.wait(timeout=10)


def admin_turn(admin: Page) -> None:
    """One whole run of the other session: sign in (the uploader appears) or sign out (the form returns)."""
    if admin.locator(UPLOADER).count():
        admin.get_by_role("button", name="Kirjaudu ulos").click()
        admin.get_by_label("Ylläpitäjän salasana").wait_for(timeout=60_000)
    else:
        admin.get_by_label("Ylläpitäjän salasana").fill(PASSWORD)
        admin.get_by_role("button", name="Kirjaudu").click()
        admin.locator(UPLOADER).wait_for(timeout=60_000)
    wait_until_drawn(admin)


def test_a_wrong_password_pauses_only_its_own_session(password_url: str, page: Page) -> None:
    """While one session sits in its pause after a wrong try, another signs in or out, and its whole run
    is over before the pause ends: shown by the order of events, not by a clock. Were the pause to hold
    the server, the other run could only end after it, in every round; on a loaded machine one round
    may miss the second, so up to five rounds are tried and one overlap proves the point."""
    guesser, admin = page, second_page(page)
    try:
        open_upload(guesser, password_url)
        open_upload(admin, password_url)
        rounds = []
        while len(rounds) < 5 and not any(rounds):
            guesser.get_by_label("Ylläpitäjän salasana").fill("väärä")
            guesser.get_by_role("button", name="Kirjaudu").click()
            guesser.wait_for_selector(RUNNING, timeout=30_000)  # the guesser's run has started: its pause is next
            admin_turn(admin)
            rounds.append(guesser.locator(RUNNING).count() == 1)  # the guesser is still in its pause
            wait_until_drawn(guesser)
            guesser.get_by_text("Väärä salasana.").wait_for(timeout=30_000)
            assert guesser.locator(UPLOADER).count() == 0
        assert any(rounds), rounds
        screenshot(guesser, "signin-wrong-password")
        assert guesser.console_errors == [] and admin.console_errors == []  # type: ignore[attr-defined]
    finally:
        admin.close()


def test_an_address_in_admin_emails_gets_the_uploader_until_it_signs_out(oidc_url: str, page: Page) -> None:
    open_upload(page, oidc_url)
    assert page.locator(UPLOADER).count() == 0
    assert page.get_by_label("Ylläpitäjän salasana").count() == 0  # no password configured: OIDC only

    sign_in_with_provider(page, oidc_url, ADMIN)
    page.locator(UPLOADER).wait_for(timeout=30_000)
    screenshot(page, "signin-oidc-admin")
    assert page.get_by_role("button", name="Kirjaudu organisaation tunnuksella").count() == 0

    sign_out(page, oidc_url)
    screenshot(page, "signin-oidc-signed-out")
    assert page.locator(UPLOADER).count() == 0
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_an_address_not_in_admin_emails_is_told_so_and_gets_no_uploader(oidc_url: str, page: Page) -> None:
    sign_in_with_provider(page, oidc_url, OUTSIDER)
    refusal = page.locator("[data-testid='stAlertContentError']")
    refusal.get_by_text(f"Tunnuksella {OUTSIDER} ei ole ylläpito-oikeutta.").wait_for(timeout=30_000)
    assert refusal.locator("a").count() == 0  # the address is text, not a mailto: link
    screenshot(page, "signin-oidc-not-admin")
    assert page.locator(UPLOADER).count() == 0

    sign_out(page, oidc_url)  # so another account can be tried
    assert page.get_by_text("ei ole ylläpito-oikeutta").count() == 0
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_an_unverified_admin_address_gets_no_uploader(oidc_url: str, page: Page) -> None:
    sign_in_with_provider(page, oidc_url, SPOOF)
    refusal = page.locator("[data-testid='stAlertContentError']")
    refusal.get_by_text(f"ei ole vahvistanut tunnuksen {ADMIN} sähköpostiosoitetta").wait_for(timeout=30_000)
    assert page.locator(UPLOADER).count() == 0
    sign_out(page, oidc_url)
