"""The generated Decap CMS config, in Decap itself.

The pinned decap-cms package comes from npm (into .cache/decap, like axe-core) and is
checked against the hash in the admin page. The admin page and config the build publishes are
served with Decap's in-memory `test-repo` backend in place of GitHub; each hand-written
authority file and site.yaml is opened in its form, edited, and saved, and `check` is
run on what Decap wrote: the data must be the same but for the edit.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import http.server
import json
import shutil
import subprocess
import tarfile
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import CONTENT_AS_OF

from tracker import cms, pipeline
from tracker.model import Cms

from .conftest import REPO, unavailable

AS_OF = CONTENT_AS_OF
SEEDS = ("shropshire", "warwickshire", "worcestershire", "devon")  # the hand-written files, and a visit in parts


@pytest.fixture(scope="module")
def decap_dist() -> Path:
    """decap-cms's dist/ folder, from the npm package at the pinned version (cached in .cache/decap)."""
    dist = REPO / ".cache" / "decap" / cms.DECAP_VERSION / "package" / "dist"
    if not (dist / "decap-cms.js").is_file():
        if shutil.which("npm") is None:
            unavailable("npm is needed to fetch decap-cms")
        with tempfile.TemporaryDirectory() as tmp:
            packed = subprocess.run(
                ["npm", "pack", f"decap-cms@{cms.DECAP_VERSION}", "--pack-destination", tmp, "--silent"],
                capture_output=True,
                text=True,
                timeout=300,
            )
            if packed.returncode != 0:
                unavailable(f"npm pack decap-cms failed: {packed.stderr.strip()[:300]}")
            tarball = next(Path(tmp).glob("decap-cms-*.tgz"))
            with tarfile.open(tarball) as archive:
                safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}  # Python 3.11.4 and later
                archive.extractall(dist.parent.parent, **safe)
    return dist


def test_decap_package_matches_the_pinned_hash(decap_dist: Path) -> None:
    digest = base64.b64encode(hashlib.sha384((decap_dist / "decap-cms.js").read_bytes()).digest()).decode()
    assert f"sha384-{digest}" == cms.DECAP_SRI


def tree(folder: Path) -> dict[str, Any]:
    return {
        p.name: tree(p) if p.is_dir() else {"content": p.read_text(encoding="utf-8")} for p in sorted(folder.iterdir())
    }


@pytest.fixture(scope="module")
def decap_page(decap_dist: Path, browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, str]]:
    root = tmp_path_factory.mktemp("decap")
    (root / "admin").mkdir()
    (root / "dist").symlink_to(decap_dist)
    # The page the build publishes, loading the same file from here (the hash still has to
    # match), and the published config with Decap's in-memory backend instead of GitHub.
    html = cms.index_html().replace(cms.DECAP_URL, "/dist/decap-cms.js")
    (root / "admin" / "index.html").write_text(html, encoding="utf-8")
    frameworks = pipeline.settings(REPO / "content")[1]
    config = yaml.safe_load(cms.config_text(frameworks, Cms(repo="example-org/improvement-tracker")))
    config["backend"], config["publish_mode"] = {"name": "test-repo"}, "simple"
    (root / "admin" / "config.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    handler = type("Quiet", (http.server.SimpleHTTPRequestHandler,), {"log_message": lambda *a: None})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context(viewport={"width": 1300, "height": 900}, locale="en-GB")
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        files = tree(REPO / "content")
        files["authorities"] = {f"{slug}.yaml": files["authorities"][f"{slug}.yaml"] for slug in SEEDS}
        page.add_init_script(f"window.repoFiles = {json.dumps({'content': files})};")
        yield page, f"http://127.0.0.1:{server.server_address[1]}/admin/"
        assert errors == []
    finally:
        context.close()
        server.shutdown()
        server.server_close()


def test_decap_edits_each_file_into_content_that_passes_check(decap_page: tuple[Any, str], tmp_path: Path) -> None:
    page, base = decap_page
    page.goto(base, wait_until="networkidle")
    page.get_by_role("button", name="Login").click(timeout=20000)
    original, content = tmp_path / "original", tmp_path / "content"
    for folder in (original, content):
        (folder / "authorities").mkdir(parents=True)
        for name in ("site.yaml", "frameworks.yaml", *(f"authorities/{slug}.yaml" for slug in SEEDS)):
            shutil.copy(REPO / "content" / name, folder / name)
    entries = [("authorities", slug, f"authorities/{slug}.yaml") for slug in SEEDS]
    entries.append(("settings", "site", "site.yaml"))
    for name, slug, relative in entries:
        page.goto("about:blank")
        page.goto(f"{base}#/collections/{name}/entries/{slug}", wait_until="load")
        box = page.locator("input[type=text]").first
        box.wait_for(timeout=20000)
        assert "error" not in page.inner_text("body").lower(), slug
        box.fill(box.input_value() + " (edited)")
        page.get_by_role("button", name="Publish").first.click(timeout=10000)
        page.get_by_text("Publish now").click(timeout=10000)
        path = json.dumps(relative.split("/"))
        page.wait_for_function(
            f"{path}.reduce((n, k) => n && n[k], window.repoFiles.content).content.includes('(edited)')", timeout=20000
        )
        node = page.evaluate("window.repoFiles")["content"]
        for part in relative.split("/"):
            node = node[part]
        (content / relative).write_text(node["content"], encoding="utf-8")
        assert "# yaml-language-server" not in node["content"]  # Decap drops comments, as expected
    after = pipeline.check(content, AS_OF)
    assert not after.errors, [f"{p.file}:{p.line}: {p.message}" for p in after.errors]
    before = pipeline.check(original, AS_OF)
    assert before.content is not None and after.content is not None
    for slug in SEEDS:
        authority = before.content.authorities[slug]
        edited = after.content.authorities[slug]
        assert edited.name == authority.name + " (edited)"
        assert edited.model_copy(update={"name": authority.name}) == authority, slug
    assert after.content.site.title == before.content.site.title + " (edited)"
