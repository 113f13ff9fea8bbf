"""deploy/nginx_site.py: the committed site is its output, nginx accepts it for any count of replicas, and
a cookie can only ever pick one of the listed replicas. tests/e2e/test_replicas.py runs it with traffic."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from config import ROOT
from deploy.nginx_site import main, site

NGINX = Path("/usr/sbin/nginx")


def test_the_committed_site_is_the_generators_output_for_two_replicas() -> None:
    committed = (ROOT / "deploy" / "rrp-dashboard.nginx.conf").read_text(encoding="utf-8")
    rewrite = "python deploy/nginx_site.py 8501 8502 > deploy/rrp-dashboard.nginx.conf"
    assert committed == site([8501, 8502]), f"the committed site is out of date: {rewrite}"


def test_each_replica_is_balanced_pinned_by_its_cookie_and_backed_by_the_others() -> None:
    text = site([8501, 8502, 8503], listen=9000)
    balanced = re.search(r"upstream rrp_dashboard \{(.*?)\}", text, re.S).group(1)
    assert "least_conn;" in balanced
    assert re.findall(r"server (\S+) max_fails", balanced) == ["127.0.0.1:8501", "127.0.0.1:8502", "127.0.0.1:8503"]
    pinned = re.search(r"upstream rrp_8502 \{(.*?)\}", text, re.S).group(1)
    assert re.findall(r"server (\S+) max_fails", pinned) == ["127.0.0.1:8502"]
    assert re.findall(r"server (\S+) backup", pinned) == ["127.0.0.1:8503", "127.0.0.1:8501"]
    cookie_map = re.search(r"map \$cookie_rrp_replica \$rrp_upstream \{(.*?)\}", text, re.S).group(1)
    # Whatever a browser sends, proxy_pass gets one of these upstream names, never text from the request.
    assert re.findall(r"\n\s+(\S+) (\S+);", cookie_map) == [
        ("default", "rrp_dashboard"), ('"8501"', "rrp_8501"), ('"8502"', "rrp_8502"), ('"8503"', "rrp_8503")
    ]  # fmt: skip
    assert "proxy_pass http://$rrp_upstream;" in text and "listen 127.0.0.1:9000;" in text


@pytest.mark.parametrize(
    ("ports", "listen"), [([], 8080), ([8501, 8501], 8080), ([8501], 8501), ([70000], 8080), ([8501], 0)]
)
def test_a_wrong_port_list_is_refused(ports: list[int], listen: int) -> None:
    with pytest.raises(ValueError, match="port"):
        site(ports, listen)


def test_the_command_line_names_what_is_wrong(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["8501", "8501"])
    assert "different replica ports" in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.parametrize("ports", [[8501], [8501, 8502], [8501, 8502, 8503, 8504]])
def test_nginx_accepts_the_site(tmp_path: Path, ports: list[int]) -> None:
    if not NGINX.is_file():
        pytest.fail(f"nginx is missing at {NGINX}: make test installs Debian's package as root")
    (tmp_path / "site.conf").write_text(site(ports), encoding="utf-8")
    kinds = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    temp = " ".join(f"{kind}_temp_path {tmp_path}/{kind};" for kind in kinds)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid; events {{}} http {{ access_log off; {temp} include {tmp_path}/site.conf; }}",
        encoding="utf-8",
    )
    command = [str(NGINX), "-t", "-p", str(tmp_path), "-e", str(tmp_path / "error.log")]
    command += ["-c", str(tmp_path / "nginx.conf")]
    checked = subprocess.run(command, capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, checked.stderr
    assert "syntax is ok" in checked.stderr
