"""Quality gates run on the built site in a real browser.

The session builds three sites with the real build command, each laid out under the
sub-path /tracker/ the way a GitHub Pages project site is, and serves each from a
local threaded http.server that answers missing paths with the site's 404.html:

- "content": the real content/ folder, every page of which the audits below read;
- "cases": the real content with the authorities tests name for what their pages show
  (a focus that fits its card, a checklist that sends readers to the report) taken
  from the frozen copies in tests/seeds, so that an editor's correct change to one of
  them cannot turn a pull request's tests red (tests/seeds/README.md);
- "fixture": tests/browser/fixture/ (with content/frameworks.yaml), small authorities
  that reach the template branches the real content does not (no inspections, an
  imported-only history, several regions, two headline judgements, a council that
  was abolished and its successor, a very long word, a plan table with filters), and
  reference data that places only some of them on the map.

Playwright drives Debian's Chromium (/usr/bin/chromium; browser downloads are
blocked, so `playwright install` is never run). axe-core comes from npm, pinned in
tests/browser/package.json and package-lock.json, and is installed with `npm ci`
into .cache/axe (git-ignored) the first time it is missing.

Without Chromium, npm or Java the tests that need them skip, with the reason; when
the environment variable CI is set they fail instead.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import CONTENT_AS_OF

from tracker.model import PartialDate

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
AS_OF = CONTENT_AS_OF.isoformat()
SUBPATH = "tracker"  # the site is served from http://127.0.0.1:<port>/tracker/
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_CACHE = REPO / ".cache" / "axe"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
MISSING = "no-such-page/deeper/"  # a missing address under the sub-path: the server answers with 404.html

SOURCES = {"content": REPO / "content", "fixture": HERE / "fixture"}  # every page of each is audited
BUILT = {**SOURCES, "cases": REPO / "content"}
FROZEN = REPO / "tests" / "seeds" / "authorities"  # the authorities the "cases" site takes from tests/seeds


def _slugs(content: Path) -> list[str]:
    return sorted(p.stem for p in (content / "authorities").glob("*.yaml"))


def page_paths(site: str) -> list[tuple[str, str]]:
    """(kind, path under the base URL) of every page kind of a site, known before it is built."""
    pages = [
        ("overview", ""),
        ("frameworks", "frameworks/"),
        ("analysis", "analysis/"),
        ("grade", "grades/inadequate/"),
        ("grades", "grades/"),
        ("authorities", "authorities/"),
        ("about", "about/"),
        ("accessibility", "accessibility/"),
        ("404", MISSING),
    ]
    pages[1:1] = [("authority", f"authorities/{slug}/") for slug in _slugs(BUILT[site])]
    return pages


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """`site_page` runs a test on every page kind of both sites: (site name, kind, path)."""
    if "site_page" in metafunc.fixturenames:
        params = [(site, kind, path) for site in SOURCES for kind, path in page_paths(site)]
        metafunc.parametrize(
            "site_page",
            params,
            ids=[
                f"{site}:{path.rstrip('/') or 'overview'}" if kind != "404" else f"{site}:404"
                for site, kind, path in params
            ],
        )


def unavailable(reason: str) -> None:
    """Skip, with the reason, on a developer's machine; fail under CI, where everything must run."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (and CI is set, so this is a failure, not a skip)", pytrace=False)
    pytest.skip(reason)


# The built and served sites --------------------------------------------------------------


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files; a missing path gets the site's 404.html with status 404, as on GitHub Pages."""

    not_found: Path

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code == 404 and self.not_found.is_file():
            body = self.not_found.read_bytes()
            self.send_response(404, message)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Site:
    name: str
    root: Path  # what the server serves; the site itself is root/tracker
    base: str  # http://127.0.0.1:<port>/tracker/
    build_log: str = ""
    pages: list[tuple[str, str]] = field(default_factory=list)

    @property
    def dir(self) -> Path:
        return self.root / SUBPATH

    def url(self, path: str = "") -> str:
        return self.base + path

    @property
    def slugs(self) -> list[str]:
        # By their JSON: a folder may be the page at a renamed authority's old address.
        return sorted(p.stem for p in (self.dir / "authorities").glob("*.json"))

    @property
    def in_being(self) -> list[str]:
        """The authorities not abolished before the as-of date: those the overview's table lists."""
        index = json.loads((self.dir / "data" / "authorities.json").read_text(encoding="utf-8"))
        return [
            a["slug"]
            for a in index["authorities"]
            if not a["abolished"] or PartialDate.parse(a["abolished"]).end >= CONTENT_AS_OF
        ]

    def html_files(self) -> list[Path]:
        """The site's public pages; admin/ is Decap CMS's single-page app, tested on its own."""
        return sorted(p for p in self.dir.rglob("*.html") if p.relative_to(self.dir).parts[0] != "admin")


def _build(name: str, source: Path, out: Path, base: str) -> str:
    if name == "fixture":  # the fixture uses the real inspection types
        content = out.parent / "content"
        shutil.copytree(source, content)
        shutil.copy(REPO / "content" / "frameworks.yaml", content / "frameworks.yaml")
        source = content
    elif name == "cases":
        content = out.parent / "content"
        shutil.copytree(source, content)
        for frozen in FROZEN.glob("*.yaml"):
            shutil.copy(frozen, content / "authorities" / frozen.name)
        source = content
    result = subprocess.run(
        [
            sys.executable,
            "build.py",
            "build",
            "--content",
            str(source),
            "--out",
            str(out),
            "--as-of",
            AS_OF,
            "--base-url",
            base,
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if result.returncode != 0:
        pytest.fail(f"building {name} failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return result.stdout + result.stderr


@pytest.fixture(scope="session")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Site]]:
    servers: list[http.server.ThreadingHTTPServer] = []
    running: list[http.server.ThreadingHTTPServer] = []
    built: dict[str, Site] = {}
    try:
        for name, source in BUILT.items():
            root = tmp_path_factory.mktemp(f"site-{name}") / "www"
            root.mkdir()
            handler = type("Handler", (_Handler,), {"not_found": root / SUBPATH / "404.html"})
            # Bind first (port 0: a free port), so the build knows its base URL and no one takes the port.
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
            server.daemon_threads = True
            servers.append(server)
            base = f"http://127.0.0.1:{server.server_address[1]}/{SUBPATH}/"
            log = _build(name, source, root / SUBPATH, base)
            threading.Thread(target=server.serve_forever, name=f"serve-{name}", daemon=True).start()
            running.append(server)
            built[name] = Site(name, root, base, log, page_paths(name))
        yield built
    finally:
        for server in servers:
            if server in running:  # shutdown() waits for serve_forever, so only for started servers
                server.shutdown()
            server.server_close()


# The browser -----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing: install Debian's chromium package (browser downloads are blocked)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def _shared_page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def page(_shared_page: Any) -> Any:
    """One page for the whole session (fast), reset to a desktop screen for each test."""
    _shared_page.set_viewport_size({"width": 1280, "height": 800})
    _shared_page.emulate_media(media="screen")
    return _shared_page


@pytest.fixture
def nojs_page(browser: Any) -> Iterator[Any]:
    """A page in a context with JavaScript disabled, as readers without JavaScript get it."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 800}, locale="en-GB")
    yield context.new_page()
    context.close()


@pytest.fixture
def noscript_page(browser: Any) -> Iterator[Any]:
    """A page whose own scripts never load: the no-JavaScript DOM, but axe-core can still run in it.

    (axe.run never settles in a context with JavaScript disabled: its timers do not fire.)
    """
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-GB")
    context.route("**/*", lambda route: route.abort() if route.request.resource_type == "script" else route.continue_())
    yield context.new_page()
    context.close()


def goto(page: Any, site: Site, path: str) -> Any:
    """Open a page of a site; every page answers 200 except the missing one, which answers 404."""
    response = page.goto(site.url(path), wait_until="load")
    assert response is not None
    expected = 404 if path == MISSING else 200
    assert response.status == expected, f"{site.url(path)} answered {response.status}, not {expected}"
    return response


@pytest.fixture
def open_page() -> Callable[[Any, Site, str], Any]:
    return goto


# axe-core ---------------------------------------------------------------------------------


def _axe_version_wanted() -> str:
    return json.loads((HERE / "package.json").read_text())["devDependencies"]["axe-core"]


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe.min.js of the pinned axe-core, installed from npm into .cache/axe once."""
    script = AXE_CACHE / "node_modules" / "axe-core" / "axe.min.js"
    installed = AXE_CACHE / "node_modules" / "axe-core" / "package.json"
    lock = (HERE / "package-lock.json").read_bytes()
    cached_lock = AXE_CACHE / "package-lock.json"
    if (
        script.is_file()
        and installed.is_file()
        and cached_lock.is_file()
        and cached_lock.read_bytes() == lock
        and json.loads(installed.read_text())["version"] == _axe_version_wanted()
    ):
        return script
    npm = shutil.which("npm")
    if npm is None:
        unavailable("npm is missing, so axe-core cannot be installed")
    AXE_CACHE.mkdir(parents=True, exist_ok=True)
    shutil.copy(HERE / "package.json", AXE_CACHE / "package.json")
    shutil.copy(HERE / "package-lock.json", cached_lock)
    result = subprocess.run(
        [npm, "ci", "--prefix", str(AXE_CACHE), "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0 or not script.is_file():
        cached_lock.unlink(missing_ok=True)
        unavailable(f"npm ci of axe-core into {AXE_CACHE} failed:\n{result.stdout}\n{result.stderr}")
    return script


def format_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v.get('impact')}): {v['help']}\n  {v['helpUrl']}")
        for node in v["nodes"][:10]:
            lines.append(f"    at {' '.join(map(str, node['target']))}\n      {node['html'][:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", "\n        ")
            if summary:
                lines.append(f"        {summary}")
        if len(v["nodes"]) > 10:
            lines.append(f"    ... and {len(v['nodes']) - 10} more")
    return "\n".join(lines)


@pytest.fixture
def axe(axe_script: Path) -> Callable[[Any, str], None]:
    """axe(page, where): run axe-core's WCAG 2.2 A and AA rules on the page; fail with every violation."""

    def check(page: Any, where: str) -> None:
        if not page.evaluate("() => typeof window.axe === 'object'"):
            page.add_script_tag(path=str(axe_script))
        # Behind a box that may scroll, the gradients of its scroll shadows leave axe unable to
        # say what the words stand on: it files the contrast of every word in such a box (905 on
        # the overview) as incomplete, tested by no one. Without them for the run, the words are
        # tested on the page's white, which is what they stand on but for a shadow's edge.
        results = page.evaluate(
            """tags => {
              const plain = document.createElement('style');
              plain.textContent = '.table-wrap, .figure__scroll { background: none !important; }';
              document.head.append(plain);
              return axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
                .finally(() => plain.remove());
            }""",
            AXE_TAGS,
        )
        violations = results["violations"]
        assert results["testEngine"]["name"] == "axe-core"
        if violations:
            raise AssertionError(
                f"axe-core {results['testEngine']['version']} found {len(violations)} "
                f"WCAG 2.2 AA violation(s) on {where}:\n{format_violations(violations)}"
            )

    return check
