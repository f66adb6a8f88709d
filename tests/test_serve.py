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

from tracker import pipeline, theme
from tracker.progress import ProgressLine
from tracker.serve import run, start

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
    # The line it is on, as the terminal shows it.
    assert [code.get_text() for code in banner.select("li code")][1:] == ["nmae", "nmae: typo", "name"]
    assert "this entry has name already, on line 1" in banner.get_text()
    assert soup.h1.get_text() == "Alpha Council"  # the last good build
    # After the skip link, which stays the keyboard's first stop; not pinned over the page,
    # where it covered what the keyboard reached as the page scrolled under it.
    first, second = soup.body.find_all(True, recursive=False)[:2]
    assert first["class"] == ["skip-link"] and second is banner
    assert "sticky" not in banner["style"] and "fixed" not in banner["style"]
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


def test_a_broken_template_of_the_packages_own_is_named_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A developer changing the package's templates under the preview is told where, as a
    # publisher is, not just the exception's name.
    content, own = tmp_path / "content", tmp_path / "own"
    shutil.copytree(FIXTURE, content)
    shutil.copytree(theme.default_templates(), own)
    page = own / "authority.html"
    page.write_text(
        page.read_text().replace("{{ a.name }}{% endblock %}", "{{ no_such_value.at_all() }}{% endblock %}", 1)
    )
    monkeypatch.setattr(theme, "default_templates", lambda: own)
    said: list[str] = []
    server, stop = start(content, tmp_path / "out", dt.date(2026, 11, 23), "127.0.0.1", free_port(), None, said.append)
    stop.set()
    server.server_close()
    [line] = [n for n, text in enumerate(page.read_text().splitlines(), 1) if "no_such_value" in text]
    assert said[-1].startswith(f"{page}:{line}: 'no_such_value' is undefined")
    assert said[-1].endswith(": nothing to serve until it builds")


def test_a_page_the_browser_leaves_before_it_loads_prints_no_traceback(
    preview: tuple[str, Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    # Moving on before a page has loaded closes its connection: the server's write then
    # fails, and a traceback in the terminal read as the editor's fault.
    url, _, _ = preview
    port = int(url.rsplit(":", 1)[1].strip("/"))
    for _ in range(20):
        with socket.create_connection(("127.0.0.1", port)) as s:
            s.sendall(b"GET /authorities/alpha/ HTTP/1.1\r\nHost: x\r\n\r\n")
            # Closed at once, unread, with a reset: as a browser drops a page it has left.
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    assert fetch(url)[0] == 200  # still serving
    time.sleep(0.5)  # for the handlers' threads to finish their writes
    assert "Traceback" not in capsys.readouterr().err


def test_stopping_waits_for_the_build_under_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Stopped mid-build, the temporary folder was removed while the build went on writing
    # its new site into it, and left there.
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    said: list[str] = []
    server, stop = start(content, tmp_path / "out", dt.date(2026, 11, 23), "127.0.0.1", free_port(), None, said.append)
    entered, release = threading.Event(), threading.Event()
    build = pipeline.build

    def slow(*args: object, **kwargs: object) -> object:
        entered.set()
        release.wait(15)
        return build(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "build", slow)
    time.sleep(0.5)  # let the watcher start before the file changes
    path = content / "authorities" / "alpha.yaml"
    path.write_text(path.read_text().replace("name: Alpha Council", "name: Alpha Borough Council"))
    assert entered.wait(15)

    def interrupted() -> None:
        raise KeyboardInterrupt  # Ctrl+C, as serve_forever meets it

    monkeypatch.setattr(server, "serve_forever", interrupted)
    stopped = threading.Event()

    def stopping() -> None:
        run(server, stop)
        stopped.set()

    threading.Thread(target=stopping, daemon=True).start()
    assert not stopped.wait(1)  # the build is still writing
    assert said[-1] == "stopping once the build under way ends (Ctrl+C again to stop now)"
    release.set()
    assert stopped.wait(15)
    assert said[-1].endswith("rebuilt")  # it ended before the preview did


def test_warnings_are_shown_closed_on_the_page_and_printed_once(preview: tuple[str, Path, list[str]]) -> None:
    # A renamed file's warning that links to it will break was only in the terminal, among
    # site.yaml's same warnings printed again at every save.
    url, content, said = preview
    soup = BeautifulSoup(fetch(url + "authorities/alpha/")[1], "html.parser")
    banner = soup.select_one('[role="status"] > details')
    assert banner is not None and not banner.has_attr("open")  # the page built: one click away
    assert banner.summary.get_text() == "The content has 2 warnings; the page built."
    places = [li.code.get_text() for li in banner.select("li")]
    assert [place.removeprefix(f"{content}/") for place in places] == [
        "authorities/alpha.yaml:19:9",
        "authorities/beta.yaml:31:130",
    ]
    assert soup.select_one('[role="alert"]') is None
    assert soup.body.find_all(True, recursive=False)[1] is banner.parent  # after the skip link
    first = [line for line in said if ": warning: " in line]
    assert len(first) == 1 and first[0].count(": warning: ") == 2  # the first build's report
    path = content / "authorities" / "alpha.yaml"
    path.write_text(path.read_text().replace("name: Alpha Council", "name: Alpha Borough Council"))
    assert wait_for(lambda: said[-1] == "0 errors, 2 warnings (2 shown before): rebuilt")
    assert [line for line in said if ": warning: " in line] == first  # not printed again
