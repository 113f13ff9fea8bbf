"""The nginx site in front of N dashboard replicas, one per port.

    python deploy/nginx_site.py 8501 8502 > /etc/nginx/conf.d/rrp-dashboard.conf   [--listen 8080]

deploy/rrp-dashboard.nginx.conf is this script's output for 8501 8502 (tests/deploy checks they agree);
bench/replicas.py and tests/e2e/test_replicas.py run its output with their own ports. A replica is one
port here, one `rrp-dashboard@PORT` unit and one argument to deploy/check-replicas.
"""

from __future__ import annotations

import argparse
import sys

HEAD = """\
# nginx in front of {count} dashboard replicas (Debian: /etc/nginx/conf.d/rrp-dashboard.conf), written by
# `python deploy/nginx_site.py {ports}`: run it again with one more port to add a replica.
# Each replica is started by deploy/rrp-dashboard@.service on its port (README "Running several replicas").

# WebSocket: Streamlit keeps each session on one websocket (/_stcore/stream); pass the upgrade on,
# and keep plain requests on pooled keep-alive connections.
map $http_upgrade $rrp_connection {{
    default upgrade;
    ""      "";
}}

# Sticky sessions without nginx Plus. A browser without a (known) rrp_replica cookie goes to the replica
# with the fewest open connections, which is the fewest open dashboard tabs (each holds a websocket), and
# the cookie names the replica (its port) that answered. With it, the page, its websocket, its uploads and its
# /media downloads reach that replica; if it is down, the next one takes over (its `backup`). Only the
# names below are ever proxied to: an unknown cookie value means "no cookie".
upstream rrp_dashboard {{
    least_conn;
{servers}    keepalive 32;
}}
{pinned}
map $cookie_rrp_replica $rrp_upstream {{
    default rrp_dashboard;
{cookie_to_upstream}}}

# The replica that answered. After a retry nginx lists every address it tried: no cookie then, and the
# browser's next request chooses again among the replicas that are up.
map $upstream_addr $rrp_answered {{
    default "";
{answered}}}

map $rrp_upstream $rrp_set_cookie {{
    rrp_dashboard "rrp_replica=$rrp_answered; Path=/; HttpOnly; SameSite=Lax";
    default       "";
}}
"""

SERVER = """
server {{
    listen 127.0.0.1:{listen};  # TLS and the public address belong to the load balancer or a server block in front
    server_name _;

    # Streamlit refuses files over server.maxUploadSize = 50 (MB, .streamlit/config.toml) with its own
    # message; nginx lets 1 MB more through for the multipart envelope, so that message is what users see.
    client_max_body_size 51m;

    location / {{
        proxy_pass http://$rrp_upstream;  # an upstream name from the map above, never an address from a request
        proxy_http_version 1.1;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $rrp_connection;
        proxy_set_header Host $http_host;  # with its port: Streamlit compares the websocket's Origin with it
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_read_timeout 1h;  # an open dashboard tab is an idle websocket between reruns
        proxy_send_timeout 1h;
        proxy_buffering off;    # script-run messages go out as they are made
        proxy_request_buffering off;  # uploads stream to Streamlit, which checks the size
        proxy_next_upstream error timeout http_502 http_503;  # a replica that is down: try the next one
        add_header Set-Cookie $rrp_set_cookie always;  # empty (not sent) once the browser has a known cookie
    }}

    # For the load balancer or monitor in front: healthy while at least one replica answers.
    location = /_stcore/health {{
        proxy_pass http://rrp_dashboard;
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        access_log off;
    }}
}}
"""
# Open-source nginx checks health passively: a replica that fails twice in 10 s gets no new requests
# for 10 s. deploy/check-replicas asks each replica's /_stcore/health actively.
HEALTH = "max_fails=2 fail_timeout=10s"
MAX_REPLICAS = 64


def site(ports: list[int], listen: int = 8080) -> str:
    """The site configuration for replicas on 127.0.0.1 at `ports`, listening on 127.0.0.1:`listen`."""
    if not 1 <= len(ports) <= MAX_REPLICAS or len(set(ports)) != len(ports):
        raise ValueError(f"1 to {MAX_REPLICAS} different replica ports, got {ports}")
    if not all(0 < port < 65536 for port in (*ports, listen)) or listen in ports:
        raise ValueError(f"ports 1–65535, the listen port ({listen}) not a replica's: {ports}")
    address = [f"127.0.0.1:{port}" for port in ports]
    servers = "".join(f"    server {a} {HEALTH};\n" for a in address)
    pinned = ""
    for i, port in enumerate(ports):
        others = "".join(f"    server {a} backup;\n" for a in address[i + 1 :] + address[:i])
        pinned += f"\nupstream rrp_{port} {{\n    server {address[i]} {HEALTH};\n{others}    keepalive 16;\n}}\n"
    return HEAD.format(
        count=len(ports),
        ports=" ".join(map(str, ports)),
        servers=servers,
        pinned=pinned,
        cookie_to_upstream="".join(f'    "{port}" rrp_{port};\n' for port in ports),
        answered="".join(f'    "{a}" "{port}";\n' for a, port in zip(address, ports, strict=True)),
    ) + SERVER.format(listen=listen)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ports", nargs="+", type=int, help="each replica's port on 127.0.0.1")
    parser.add_argument("--listen", type=int, default=8080, help="nginx's own port on 127.0.0.1")
    args = parser.parse_args(argv)
    try:
        sys.stdout.write(site(args.ports, args.listen))
    except ValueError as error:
        parser.error(str(error))


if __name__ == "__main__":
    main()
