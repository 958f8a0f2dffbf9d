"""The opt-in external link check, against a local HTTP server on 127.0.0.1 (no internet)."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import ClassVar

import pytest
import tiny_site
from tiny_site import page

from nextround.cli import external_links


class _Handler(http.server.BaseHTTPRequestHandler):
    """Answers by path: /ok 200, /gone 404, /busy 429, /private 403, /slow late, /later 429 once."""

    hits: ClassVar[dict[str, list[float]]] = defaultdict(list)

    def do_GET(self):
        """Answer one request and record when it came."""
        path = self.path.split("?")[0]
        self.hits[path].append(time.monotonic())
        if path == "/slow":
            time.sleep(3)
        status, headers = 200, {}
        if path == "/gone":
            status = 404
        elif path == "/private":
            status = 403
        elif path == "/busy":
            status, headers = 429, {"Retry-After": "1"}
        elif path == "/later" and len(self.hits[path]) == 1:
            status, headers = 429, {"Retry-After": "2"}
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")
        except (BrokenPipeError, ConnectionResetError):
            pass  # The client gave up on /slow.

    def log_message(self, format, *args):
        """Keep the test output clean."""


@pytest.fixture
def server():
    _Handler.hits = defaultdict(list)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def fast_options(cache_dir: Path, **changes) -> external_links.Options:
    values = {"timeout": 1, "retries": 1, "retry_wait": 1, "cache_dir": cache_dir}
    return external_links.Options(**{**values, **changes})


# --- pure parts -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "kind", "reason"),
    [
        ({"text": "Rejected status code: 404 Not Found", "code": 404}, "broken", "404 Not Found"),
        ({"text": "Rejected status code: 410 Gone", "code": 410}, "broken", "410 Gone"),
        ({"text": "Rejected status code: 403 Forbidden", "code": 403}, "unknown", "403 Forbidden"),
        (
            {"text": "Rejected status code: 429 Too Many Requests", "code": 429},
            "unknown",
            "429 Too Many Requests",
        ),
        (
            {"text": "Rejected status code: 503 Service Unavailable", "code": 503},
            "unknown",
            "503 Service Unavailable",
        ),
        ({"text": "Timeout", "details": "Request timed out"}, "unknown", "Timeout"),
        (
            {"text": "Network error: Connection refused"},
            "unknown",
            "Network error: Connection refused",
        ),
    ],
)
def test_only_a_definite_answer_is_broken(status, kind, reason):
    assert external_links.classify("https://x.org/", status) == external_links.Verdict(
        "https://x.org/", kind, reason
    )


def test_the_report_maps_lychee_results_back_by_input_line():
    urls = ["https://a.org/x", "https://b.org"]
    data = {
        "error_map": {
            "urls.txt": [
                {
                    "url": "https://b.org/",
                    "status": {"code": 404, "text": "Rejected status code: 404 Not Found"},
                    "span": {"line": 2},
                }
            ]
        },
        "timeout_map": {
            "urls.txt": [
                {"url": "https://a.org/x", "status": {"text": "Timeout"}, "span": {"line": 1}}
            ]
        },
    }
    verdicts = external_links.read_report(data, urls)
    assert verdicts == {
        "https://b.org": external_links.Verdict("https://b.org", "broken", "404 Not Found"),
        "https://a.org/x": external_links.Verdict("https://a.org/x", "unknown", "Timeout"),
    }


def test_the_cache_keeps_successes_only():
    text = "https://a.org/,200,1795600000\nhttps://b.org/?q=1,2,404,1795600000\nhttps://c.org/,Error,1\n"
    assert external_links.prune_cache(text) == "https://a.org/,200,1795600000\n"


def test_lychee_runs_with_timeout_retries_concurrency_and_a_cache_that_expires(tmp_path):
    command = external_links.lychee_command("lychee", tmp_path / "urls.txt", fast_options(tmp_path))
    for option in (
        "--timeout=1",
        "--max-retries=1",
        "--max-concurrency=16",
        "--host-concurrency=2",
        "--cache",
        "--max-cache-age=1d",
        "--cache-exclude-status=..200,300..",
        "--format=json",
    ):
        assert option in command


# --- against a local server -----------------------------------------------------------------------


def test_dead_links_are_reported_at_their_lines_and_others_as_unknown(server, tmp_path):
    body = (
        "# Links\n\n"
        f"[works]({server}/ok)\n\n"
        f"[gone]({server}/gone)\n\n"
        f"<a href='{server}/busy'>busy</a>\n\n"
        f"[private]({server}/private) and [slow]({server}/slow)\n\n"
        f"Again [gone]({server}/gone).\n"
    )
    tiny_site.write_site(tmp_path, {"docs/index.md": page("Home", body)})
    cache = tmp_path / "cache"
    command = [
        sys.executable,
        "-m",
        "nextround.cli.external_links",
        "--timeout=1",
        "--retries=1",
        "--retry-wait=1",
        f"--cache-dir={cache}",
    ]
    run = subprocess.run(
        command,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=tiny_site.build_env(),
        check=False,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert run.stdout.splitlines() == [
        f"docs/index.md:10: Link '{server}/gone' is broken: the server answered 404 Not Found.",
        f"docs/index.md:12: Link '{server}/busy' could not be confirmed (429 Too Many Requests); "
        "status unknown, not counted as broken.",
        f"docs/index.md:14: Link '{server}/private' could not be confirmed (403 Forbidden); "
        "status unknown, not counted as broken.",
        f"docs/index.md:14: Link '{server}/slow' could not be confirmed (Timeout); "
        "status unknown, not counted as broken.",
        f"docs/index.md:16: Link '{server}/gone' is broken: the server answered 404 Not Found.",
        "Checked 6 external links (5 unique): 2 broken, 3 unknown.",
    ]
    cached = (cache / external_links.CACHE_FILE).read_text(encoding="utf-8")
    assert [line.rsplit(",", 2)[:2] for line in cached.splitlines()] == [[f"{server}/ok", "200"]]

    hits_before = len(_Handler.hits["/ok"])
    external_links.check_urls([f"{server}/ok"], fast_options(cache))
    assert len(_Handler.hits["/ok"]) == hits_before  # Answered from the cache.


def test_retry_after_is_honoured(server, tmp_path):
    verdicts = external_links.check_urls([f"{server}/later"], fast_options(tmp_path, retries=2))
    assert verdicts == {}
    first, second = _Handler.hits["/later"][:2]
    assert second - first >= 1.9
