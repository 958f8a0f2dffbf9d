"""A real nginx on 127.0.0.1 as a career center runs it: for the tests, audit and bench.

`recipe_for` turns deploy/nginx.conf into a server that serves a built site
under /next-round/, changing only the port and the folder; `nginx_running`
starts nginx with that server (or any others) in the foreground, in a folder
of its own, and stops it when the block ends.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

RECIPE = Path(__file__).resolve().parent.parent / "deploy" / "nginx.conf"
PREFIX = "/next-round/"
MAIN = """\
daemon off;
user root;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
{servers}
}}
"""


class NginxMissingError(Exception):
    """nginx is not installed."""


class NginxFailedError(Exception):
    """nginx stopped, or did not listen in time."""


def recipe_for(port: int, site: Path) -> str:
    """deploy/nginx.conf with only its port and folder changed; each must be there exactly once."""
    text = RECIPE.read_text(encoding="utf-8")
    for old, new in [
        ("listen 80;", f"listen 127.0.0.1:{port};"),
        ("alias /var/www/next-round/;", f"alias {site}/;"),
    ]:
        if text.count(old) != 1:
            raise ValueError(f"deploy/nginx.conf should hold `{old}` once")
        text = text.replace(old, new)
    return text


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def nginx_running(servers: str, port: int, tmp: Path) -> Iterator[str]:
    """A real nginx with the `server` blocks `servers`; yields the base URL of `port`."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise NginxMissingError("nginx not found. Install Debian's package: apt-get install nginx")
    conf = tmp / "nginx.conf"
    conf.write_text(MAIN.format(tmp=tmp, servers=servers))
    process = subprocess.Popen([nginx, "-c", str(conf), "-p", str(tmp)], stderr=subprocess.PIPE)
    try:
        _wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_for_port(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise NginxFailedError(f"nginx stopped: {process.stderr.read().decode()}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise NginxFailedError("nginx did not start listening within 10 s")
