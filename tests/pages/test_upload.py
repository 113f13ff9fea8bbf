"""The upload page's gate (AppTest), the CLI's write path it calls, and no raw HTML anywhere in the UI."""

from __future__ import annotations

import ast
import tomllib
import unicodedata
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from config import ROOT
from loaders import ingest, preview
from store import db
from tests.helpers import run_page, tables
from ui import auth

PASSWORD = "kissa-kävelee-123"  # noqa: S105  (this test's own admin secret)
GOOD = (
    "indicator,region,period,value\n"
    "care_guarantee_7day_share,358,2025-06,79.5\n"
    "care_guarantee_7day_share,18,2025-06,70\n"
)
BAD = "indicator,region,period,value\ncare_guarantee_7day_share,18,2025-01,x\n"


def test_without_a_secret_the_page_refuses_and_the_menu_has_no_upload(app_env: Path) -> None:
    at = run_page("pages/upload.py")
    assert not at.exception
    assert "vain luku" in at.info[0].value
    assert not at.text_input and not at.get("file_uploader")
    app = run_page("app.py")
    assert not app.exception
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        app.switch_page("pages/upload.py")


def test_with_a_secret_a_wrong_password_is_refused_and_the_right_one_opens_the_uploader(
    app_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DASHBOARD_ADMIN_PASSWORD", PASSWORD)
    at = AppTest.from_file(str(ROOT / "pages" / "upload.py"), default_timeout=30).run()
    assert not at.get("file_uploader")
    at.text_input(key="auth:password").input("kissa")
    at.button[0].click().run()  # the form's submit button: the typed value goes with it
    assert [e.value for e in at.error] == ["Väärä salasana."]
    assert not at.get("file_uploader")
    at.text_input(key="auth:password").input(PASSWORD)
    at.button[0].click().run()
    assert not at.exception and not at.error
    assert len(at.file_uploader) == 1 and at.file_uploader[0].accept_multiple_files
    app = run_page("app.py").switch_page("pages/upload.py").run()  # listed in the menu now
    assert not app.exception and app.title[0].value == "Lataa tiedostoja"


def try_password(monkeypatch: pytest.MonkeyPatch, secret: str, typed: str) -> AppTest:
    """The upload page with `secret` as the admin secret, after one try with `typed`."""
    monkeypatch.setenv("DASHBOARD_ADMIN_PASSWORD", secret)
    at = AppTest.from_file(str(ROOT / "pages" / "upload.py"), default_timeout=30).run()
    at.text_input(key="auth:password").input(typed)
    return at.button[0].click().run()


LONG = "pitkä-salasana-" * 300  # 4 500 characters


@pytest.mark.parametrize(
    ("secret", "typed"),
    [
        (PASSWORD, ""),  # empty
        (PASSWORD, " "),
        (PASSWORD, PASSWORD + " "),  # no trimming: a space is a character
        (PASSWORD, PASSWORD.upper()),  # case matters, also for ä
        (PASSWORD, PASSWORD[:-1]),  # a prefix
        (PASSWORD, PASSWORD.replace("ä", "a")),  # an ASCII look-alike
        (PASSWORD, "x" * 1_000_000),  # very long try
        (LONG, LONG[:-1]),
        ("🔑-avain-ǅ-ß", "🔑-avain-ǅ-ss"),  # non-ASCII secret, case-folded try
        ("salainen\udcff", "salainen\ufffd"),  # stray byte in the environment vs. its replacement char
    ],
    ids=["empty", "space", "trailing-space", "upper", "prefix", "ascii", "1MB", "long-prefix", "emoji", "stray-byte"],
)
def test_a_wrong_password_is_refused_without_an_error(
    app_env: Path, monkeypatch: pytest.MonkeyPatch, secret: str, typed: str
) -> None:
    # What is refused, not the pause: a short one here. The real pause is in the test above, and
    # tests/e2e/test_signin.py shows it holds back only the session that tried.
    monkeypatch.setattr(auth, "WRONG_PASSWORD_DELAY", 0.01)
    at = try_password(monkeypatch, secret, typed)
    assert not at.exception
    assert [e.value for e in at.error] == ["Väärä salasana."]
    assert not at.get("file_uploader") and auth.SESSION_KEY not in at.session_state


@pytest.mark.parametrize(
    ("secret", "typed"),
    [
        (LONG, LONG),  # very long
        ("🔑-avain-ǅ-ß", "🔑-avain-ǅ-ß"),  # non-ASCII, outside the BMP too
        (unicodedata.normalize("NFD", PASSWORD), unicodedata.normalize("NFC", PASSWORD)),  # "ä" as a + ¨
        (" väli ", " väli "),  # spaces are part of it
    ],
    ids=["long", "emoji", "nfd-vs-nfc", "spaces"],
)
def test_the_right_password_opens_the_uploader(
    app_env: Path, monkeypatch: pytest.MonkeyPatch, secret: str, typed: str
) -> None:
    at = try_password(monkeypatch, secret, typed)
    assert not at.exception and not at.error
    assert len(at.file_uploader) == 1


def test_an_empty_secret_is_no_secret(app_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASHBOARD_ADMIN_PASSWORD", "")
    at = run_page("pages/upload.py")
    assert not at.exception and "vain luku" in at.info[0].value
    assert not at.text_input and not at.get("file_uploader")  # nothing to type an empty password into


def test_changing_the_secret_signs_the_session_out(app_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = try_password(monkeypatch, PASSWORD, PASSWORD)
    assert len(at.file_uploader) == 1
    monkeypatch.setenv("DASHBOARD_ADMIN_PASSWORD", PASSWORD + "-uusi")
    at.run()
    assert not at.get("file_uploader") and at.text_input(key="auth:password")


def signed_in(monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("DASHBOARD_ADMIN_PASSWORD", PASSWORD)
    at = AppTest.from_file(str(ROOT / "pages" / "upload.py"), default_timeout=30).run()
    at.text_input(key="auth:password").input(PASSWORD)
    return at.button[0].click().run()


def test_upload_previews_every_file_then_tallenna_writes_the_good_ones(
    app_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = signed_in(monkeypatch)
    at.file_uploader[0].set_value([("hyvä.csv", GOOD.encode(), "text/csv"), ("huono.csv", BAD.encode(), "text/csv")])
    at.run()
    assert not at.exception
    summary, problems = tables(at)  # the problems as a static table: long "expected" texts wrap
    assert list(summary["Tiedosto"]) == ["hyvä.csv", "huono.csv"]
    assert list(summary["Tila"]) == ["kelpaa", "hylätty"] and list(summary["Alueet"]) == ["18, 358", ""]
    assert problems.iloc[0]["Missä"] == "virhe: huono.csv:2:value"
    assert problems.iloc[0]["Ongelma"].endswith("; löytyi: 'x'")
    with db.connect_readonly(app_env) as con:
        assert con.execute("SELECT count(*) FROM observations_v WHERE source_file = 'hyvä.csv'").fetchone() == (0,)

    at.button(key="upload:save").click().run()
    assert not at.exception and not at.error
    assert list(at.dataframe[-1].value["Tila"]) == ["tallennettu", "hylätty"]
    with db.connect_readonly(app_env) as con:
        assert con.execute("SELECT count(*) FROM observations_v WHERE source_file = 'hyvä.csv'").fetchone() == (2,)


def test_preview_then_save_goes_through_the_cli_code_path(demo_copy: Path, tmp_path: Path) -> None:
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    paths = preview.save_uploads(
        [("C:\\Users\\x\\hyvä.csv", GOOD.encode()), ("../../etc/huono.csv", BAD.encode())], uploads
    )
    assert [p.name for p in paths] == ["hyvä.csv", "huono.csv"]
    with db.connect_readonly(demo_copy) as con:
        before = con.execute("SELECT count(*) FROM observations").fetchone()[0]

    outcomes = ingest.check_files(paths)
    summary = preview.summary_frame(outcomes)
    assert summary.to_dict("records") == [
        {
            "file": "hyvä.csv",
            "status": "checked",
            "rows": 2,
            "indicators": "care_guarantee_7day_share",
            "regions": "18, 358",
            "periods": "2025-06",
            "warnings": 0,
            "errors": 0,
        },
        {
            "file": "huono.csv",
            "status": "refused",
            "rows": 0,
            "indicators": "",
            "regions": "",
            "periods": "",
            "warnings": 0,
            "errors": 1,
        },
    ]
    problems, more = preview.problem_frame(outcomes)
    assert problems.to_dict("records") == [
        {"kind": "error", "file": "huono.csv", "row": 2, "column": "value", "expected": "a number", "found": "x"}
    ]
    assert more == {}
    finnish, _ = preview.problem_frame(outcomes, lang="fi")  # the page passes the user's language
    assert finnish[["expected", "found"]].to_dict("records") == [{"expected": "luku", "found": "x"}]

    ingest.write(outcomes, demo_copy)
    assert [o.status for o in outcomes] == ["loaded", "refused"]
    with db.connect_readonly(demo_copy) as con:
        assert con.execute("SELECT count(*) FROM observations").fetchone()[0] == before + 2
        assert con.execute(
            "SELECT value FROM observations_v WHERE source_file = 'hyvä.csv' AND region_code = '358'"
        ).fetchone() == (79.5,)


def test_a_hostile_file_name_and_cell_show_literally_in_the_problem_table(
    app_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The problem table is Markdown (its long texts wrap): a link, bold or math from a file stays text."""
    at = signed_in(monkeypatch)
    name, cell = "[x](https:⁄⁄evil.example)*b*.csv", "**lihava** $x^2$ <b>b</b> [y](https://evil.example)"
    hostile = BAD.replace(",x\n", f',"{cell}"\n')
    at.file_uploader[0].set_value([(name, hostile.encode(), "text/csv")]).run()
    assert not at.exception
    [table] = [node.value for node in at.main if node.type == "markdown" and node.value.startswith("| ")]
    assert "](https" not in table and "**" not in table.replace("\\*\\*", "") and "<b>" not in table
    _, problems = tables(at)  # as a reader sees it: the file's text as written
    assert problems.iloc[0]["Missä"].startswith(f"virhe: {name}:2:value")
    assert problems.iloc[0]["Ongelma"].endswith(f"löytyi: '{cell}'")


def _stylesheets(tree: ast.Module) -> set[str]:
    """Module constants that name a .css file beside the module: NAME = Path(__file__).with_name("x.css")."""
    found = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            value = ast.unparse(node.value)
            if value.startswith("Path(__file__).with_name(") and value.endswith(".css')"):
                found.add(node.targets[0].id)
    return found


def html_calls(source: str, name: str) -> list[str]:
    """Calls that render raw HTML: any unsafe_allow_html that is not literally False, and st.html, unless its
    one argument is a stylesheet shipped beside the module (a file of ours, never text from data)."""
    found = []
    tree = ast.parse(source)
    stylesheets = _stylesheets(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        unsafe = any(
            k.arg == "unsafe_allow_html" and not (isinstance(k.value, ast.Constant) and k.value.value is False)
            for k in node.keywords
        )
        ours = len(node.args) == 1 and ast.unparse(node.args[0]) in stylesheets and not node.keywords
        if unsafe or (called == "html" and not ours):
            found.append(f"{name}:{node.lineno}")
    return found


def test_no_page_renders_raw_html() -> None:
    files = [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "ui").glob("*.py")]
    hits = [hit for path in files for hit in html_calls(path.read_text(encoding="utf-8"), path.name)]
    assert hits == []


def test_the_html_check_catches_unsafe_calls() -> None:
    source = "import streamlit as st\nst.markdown(text, unsafe_allow_html=True)\nst.html(text)\nst.write(text)\n"
    assert html_calls(source, "probe.py") == ["probe.py:2", "probe.py:3"]
    # a stylesheet of ours passes; the same call on a name that is not one, or with more to render, does not
    sheet = "CSS = Path(__file__).with_name('a.css')\nOTHER = Path(user)\nst.html(CSS)\nst.html(OTHER)\n"
    sheet += "st.html(CSS, unsafe_allow_javascript=True)\n"
    assert html_calls(sheet, "probe.py") == ["probe.py:4", "probe.py:5"]


def test_server_config_caps_uploads_and_keeps_xsrf() -> None:
    server = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["server"]
    assert server["maxUploadSize"] <= 50 and server["enableXsrfProtection"] is True
