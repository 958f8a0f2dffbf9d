"""The recipes that need a host this machine lacks: GitHub Pages, Netlify, Apache.

What can be checked here: each sends the same policy and security headers as
deploy/nginx.conf (which tests/test_deploy_nginx.py runs for real); the Apache
cache rule picks exactly Material's fingerprinted files; the GitHub workflow
and the Netlify build call make targets that exist and publish `site/`.
"""

from __future__ import annotations

import re
import tomllib

import yaml
from conftest import ROOT

from nextround.cli.policy import stale_recipes
from nextround.render.inline_scripts import content_security_policy

DEPLOY = ROOT / "deploy"
# `add_header Name "value" always;` in nginx.conf (groups: name, value).
_NGINX_HEADER = re.compile(r'^\s*add_header ([\w-]+) "([^"]+)" always;', re.M)
# `Header always set Name "value"` in .htaccess (groups: name, value).
_APACHE_HEADER = re.compile(r'^\s*Header always set ([\w-]+) "([^"]+)"', re.M)
_MAKE_TARGET = re.compile(r"^([a-z-]+):", re.M)


def nginx_headers() -> dict[str, str]:
    return dict(_NGINX_HEADER.findall((DEPLOY / "nginx.conf").read_text(encoding="utf-8")))


def test_nginx_sends_the_policy_and_security_headers():
    headers = nginx_headers()
    assert headers["Content-Security-Policy"] == content_security_policy()
    assert len(headers) >= 5


def test_every_recipe_allows_exactly_the_inline_scripts_the_pages_carry():
    assert stale_recipes(content_security_policy()) == []


def test_netlify_sends_the_same_headers_and_builds_site():
    config = tomllib.loads((DEPLOY / "netlify.toml").read_text(encoding="utf-8"))
    assert config["headers"][0]["for"] == "/*"
    assert config["headers"][0]["values"] == nginx_headers()
    assert config["build"]["publish"] == "site"
    assert _make_targets(config["build"]["command"]) <= _makefile_targets()


def test_apache_sends_the_same_headers():
    text = (DEPLOY / "apache.htaccess").read_text(encoding="utf-8")
    assert dict(_APACHE_HEADER.findall(text)) == nginx_headers()


def test_apache_keeps_exactly_the_fingerprinted_files_for_a_year(site_dir):
    text = (DEPLOY / "apache.htaccess").read_text(encoding="utf-8")
    pattern = re.compile(re.search(r'<FilesMatch "([^"]+)">', text).group(1))
    kept = {p.name for p in site_dir.rglob("*") if p.is_file() and pattern.search(p.name)}
    assets = {  # every edition's assets/ (site/assets/, site/es/assets/)
        p.name
        for p in site_dir.rglob("*.min.*")
        if "assets" in p.relative_to(site_dir).parts and ".map" not in p.suffix
    }
    fingerprinted = {name for name in assets if re.search(r"\.[0-9a-f]{8}\.min\.", name)}
    assert kept == fingerprinted
    assert any(name.startswith("bundle.") for name in kept)
    assert any(name.startswith("scripts.") for name in kept), "our bundles are kept too"
    assert "sitemap.xml" not in kept


def test_github_pages_workflow_builds_checks_and_publishes_site():
    workflow = yaml.safe_load((DEPLOY / "github-pages.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    commands = [step["run"] for step in steps if "run" in step]
    assert set().union(*map(_make_targets, commands)) == {"build", "check"}
    assert set().union(*map(_make_targets, commands)) <= _makefile_targets()
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages"))
    assert upload["with"]["path"] == "site"
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def _make_targets(command: str) -> set[str]:
    return set(re.findall(r"\bmake ([a-z-]+)", command))


def _makefile_targets() -> set[str]:
    return set(_MAKE_TARGET.findall((ROOT / "Makefile").read_text(encoding="utf-8")))
