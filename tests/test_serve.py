"""The preview server: rebuilds on save, keeps the last good build, shows errors."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import Terminal, on_screen

from tracker import pipeline
from tracker.progress import ProgressLine
from tracker.serve import start

FIXTURE = Path(__file__).parent / "site_fixture"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        with error:  # it holds the response's socket; unclosed, a ResourceWarning fails a later test
            return error.code, error.read().decode()


def wait_for(predicate, seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[str, Path, list[str]]]:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    port = free_port()
    said: list[str] = []
    server, stop = start(content, tmp_path / "out", dt.date(2026, 11, 23), "127.0.0.1", port, None, said.append)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    time.sleep(0.5)  # let the watcher start before files change
    yield f"http://127.0.0.1:{port}/", content, said
    stop.set()
    server.shutdown()
    server.server_close()


def test_a_saved_change_appears_in_the_served_page(preview: tuple[str, Path, list[str]]) -> None:
    url, content, _ = preview
    status, body = fetch(url + "authorities/alpha/")
    assert status == 200
    assert BeautifulSoup(body, "html.parser").h1.get_text() == "Alpha Council"
    path = content / "authorities" / "alpha.yaml"
    path.write_text(path.read_text().replace("name: Alpha Council", "name: Alpha Borough Council"))
    assert wait_for(lambda: "Alpha Borough Council" in fetch(url + "authorities/alpha/")[1])
    # The terminal says which save each build is for, and when.
    assert any(re.fullmatch(r"\d\d:\d\d:\d\d changed: authorities/alpha\.yaml", line) for line in preview[2])


def test_a_file_made_and_gone_within_a_save_is_not_named(preview: tuple[str, Path, list[str]]) -> None:
    # `sed -i` and some editors write a temporary copy beside the file, then move it over it.
    url, content, said = preview
    path = content / "authorities" / "alpha.yaml"
    copy = content / "authorities" / "sedX1y2Z3"
    copy.write_text(path.read_text().replace("name: Alpha Council", "name: Alpha Borough Council"))
    os.replace(copy, path)
    assert wait_for(lambda: "Alpha Borough Council" in fetch(url + "authorities/alpha/")[1])
    time.sleep(0.5)  # for the watcher to tell of the copy's going, in a batch of its own if it comes late
    changed = [line for line in said if " changed: " in line]
    # Under load the copy's making may come in a batch of its own, while it is there: the last
    # build, the one the page shows, names the saved file alone.
    assert changed and changed[-1].endswith(" changed: authorities/alpha.yaml"), changed


def test_broken_content_keeps_the_last_good_build_and_shows_a_banner(preview: tuple[str, Path, list[str]]) -> None:
    url, content, said = preview
    path = content / "authorities" / "alpha.yaml"
    path.write_text(path.read_text().replace("name: Alpha Council", "name: Alpha Council\nnmae: typo"))
    assert wait_for(lambda: 'role="alert"' in fetch(url)[1])
    soup = BeautifulSoup(fetch(url + "authorities/alpha/")[1], "html.parser")
    banner = soup.select_one('[role="alert"]')
    # Its summary closes it, with no script: on a phone it would cover half the page.
    assert (
        banner.select_one("details[open] > summary").get_text()
        == "The content has 1 error; this preview shows the last good build."
    )
    assert "1 error; this preview shows the last good build" in banner.get_text()
    # What the terminal shows in backquotes is code on the page, not the backquotes.
    assert "unknown key nmae" in banner.get_text() and "`" not in banner.get_text()
    assert [code.get_text() for code in banner.select("li code")][1:] == ["nmae", "name"]
    assert "this entry has name already, on line 1" in banner.get_text()
    assert soup.h1.get_text() == "Alpha Council"  # the last good build
    assert any("alpha.yaml:2:1: error: unknown key `nmae`" in line for line in said)
    path.write_text(path.read_text().replace("\nnmae: typo", ""))
    assert wait_for(lambda: 'role="alert"' not in fetch(url)[1])


def test_a_save_made_while_the_first_build_runs_is_built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The watcher is set up once the first build has ended (workers fork before its thread
    # starts): a save made before then must still be found.
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    path = content / "authorities" / "alpha.yaml"
    build = pipeline.build

    def saved_during(*args: object, **kwargs: object) -> object:
        result = build(*args, **kwargs)  # type: ignore[arg-type]
        if "Alpha Borough Council" not in path.read_text():
            path.write_text(path.read_text().replace("name: Alpha Council", "name: Alpha Borough Council"))
        return result

    monkeypatch.setattr(pipeline, "build", saved_during)
    port = free_port()
    said: list[str] = []
    server, stop = start(content, tmp_path / "out", dt.date(2026, 11, 23), "127.0.0.1", port, None, said.append)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{port}/authorities/alpha/"
        assert wait_for(lambda: "Alpha Borough Council" in fetch(url)[1])
        assert any(line.endswith(" changed: authorities/alpha.yaml") for line in said)
    finally:
        stop.set()
        server.shutdown()
        server.server_close()


def test_missing_pages_get_the_404_page(preview: tuple[str, Path, list[str]]) -> None:
    status, body = fetch(preview[0] + "no/such/page/")
    assert status == 404
    assert BeautifulSoup(body, "html.parser").h1.get_text() == "Page not found"


def test_each_preview_build_has_a_progress_line_wiped_when_it_ends(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    screens: list[Terminal] = []

    class Shown(ProgressLine):
        AFTER = EVERY = 0.0  # every step shown: the fixture's few authorities take no time

    def progress() -> ProgressLine:
        screens.append(Terminal())
        return Shown(screens[-1])

    said: list[str] = []
    server, stop = start(
        content, tmp_path / "out", dt.date(2026, 11, 23), "127.0.0.1", free_port(), None, said.append, None, progress
    )
    stop.set()
    server.server_close()
    count = len(list((content / "authorities").glob("*.yaml")))
    [screen] = screens  # the first build, before serving
    assert f"Rendering authorities: {count} of {count}" in screen.getvalue()
    assert on_screen(screen.getvalue()) == ""  # wiped before the build's report
    assert said and said[-1].endswith("rebuilt")


def test_a_broken_template_of_the_publishers_is_named_at_its_line(tmp_path: Path) -> None:
    content, templates = tmp_path / "content", tmp_path / "templates"
    shutil.copytree(FIXTURE, content)
    templates.mkdir()
    (templates / "base.html").write_text("<!doctype html>\n{% endblok %}\n")
    said: list[str] = []
    server, stop = start(
        content, tmp_path / "out", dt.date(2026, 11, 23), "127.0.0.1", free_port(), templates, said.append
    )
    stop.set()
    server.server_close()
    assert said[-1].startswith(f"{templates / 'base.html'}:2: Encountered unknown tag 'endblok'")
    assert said[-1].endswith(": nothing to serve until it builds")
