"""Print the longest main-thread task that runs our code, per page, on a 4x slower CPU.

Builds the site into a temporary folder, serves it with nginx as deploy/nginx.conf
does, and loads the home page, a guide, the templates page, the progress page and
the plan in Chromium with its CPU slowed 4 times (as Lighthouse's mobile setting
simulates), recording a performance trace. For each page it prints the longest
task in which any of our code ran, how much of that task was ours, and the time
all our code took. Our goal is no task of ours over 50 ms.

Run with `make bench`, or `PYTHONPATH=. .venv/bin/python tests/bench/long_tasks.py`.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from nextround import nginx
from nextround.cli.audit import PAGES
from nextround.cli.handouts import CHROMIUM_FLAGS, chromium_path
from nextround.engine.build_command import build_site

ROOT = Path(__file__).resolve().parents[2]
OURS = "assets/next-round/"
PAGES_TRACED = {**PAGES, "plan": "next-30-days/"}
# Trace events that run a script: a call, a script's first run, a timer's callback.
_SCRIPT_EVENTS = {"FunctionCall", "EvaluateScript", "TimerFire"}
GOAL_MS = 50


def trace(browser, url: str) -> list[dict]:
    """The complete events of the page's main thread while `url` loads on a 4x slower CPU."""
    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    categories = ["devtools.timeline", "disabled-by-default-devtools.timeline"]
    browser.start_tracing(page=page, categories=categories)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(800)
    events = json.loads(browser.stop_tracing())["traceEvents"]
    context.close()
    main = {
        event["tid"]
        for event in events
        if event.get("name") == "thread_name" and event["args"].get("name") == "CrRendererMain"
    }
    return [event for event in events if event.get("ph") == "X" and event["tid"] in main]


def ours_in(events: list[dict], task: dict) -> float:
    """Microseconds of our scripts inside `task` (outermost script events only)."""
    start, end = task["ts"], task["ts"] + task["dur"]
    spans = sorted(
        (event["ts"], event["ts"] + event["dur"])
        for event in events
        if event["name"] in _SCRIPT_EVENTS
        and start <= event["ts"] < end
        and OURS in json.dumps(event.get("args", {}))
    )
    total, reached = 0.0, 0.0
    for first, last in spans:
        if last > reached:
            total += last - max(first, reached)
            reached = last
    return total


def main() -> int:
    """Build, serve, trace each page; print one line per page."""
    executable = chromium_path()
    if executable is None:
        print("Chromium not found: install Debian's package (apt-get install chromium).")
        return 2
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="next-round-tasks-") as folder:
        site, tmp = Path(folder) / "site", Path(folder) / "nginx"
        tmp.mkdir()
        error = build_site(ROOT / "mkdocs.yml", site)
        if error:
            print(f"The site did not build:\n{error}")
            return 2
        port = nginx.free_port()
        rows = []
        served = nginx.nginx_running(nginx.recipe_for(port, site), port, tmp)
        with served as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=executable, headless=True, args=CHROMIUM_FLAGS
            )
            for name, path in PAGES_TRACED.items():
                events = trace(browser, base + nginx.PREFIX.lstrip("/") + path)
                tasks = [event for event in events if event["name"] == "RunTask"]
                with_ours = [(ours_in(events, task), task) for task in tasks]
                with_ours = [(mine, task) for mine, task in with_ours if mine] or [(0, {"dur": 0})]
                mine, longest = max(with_ours, key=lambda item: item[1]["dur"])
                total = sum(share for share, _ in with_ours)
                rows.append((name, longest["dur"], mine, max(s for s, _ in with_ours), total))
            browser.close()
    print("\nLongest task running our code, Chromium with a 4x slower CPU (ms)")
    print(f"{'Page':<11}{'task':>7}{'ours in it':>12}{'longest of ours':>17}{'all ours':>10}")
    for name, task, mine, longest_ours, total in rows:
        print(
            f"{name:<11}{task / 1000:>7.0f}{mine / 1000:>12.1f}"
            f"{longest_ours / 1000:>17.1f}{total / 1000:>10.1f}"
        )
    worst = max(row[3] for row in rows) / 1000
    verdict = "met" if worst <= GOAL_MS else "MISSED"
    print(f"Our code in any one task: at most {worst:.1f} ms (goal {GOAL_MS} ms): {verdict}")
    return 0 if worst <= GOAL_MS else 1


if __name__ == "__main__":
    sys.exit(main())
