"""Local preview: serve the site, rebuild when content or templates change.

While the content is broken the last good build stays up, and every page carries a
banner listing the errors, so an editor sees the problem where they are looking. No
failure of a rebuild stops the watching: the next save is always tried.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import html
import os
import re
import socket
import sys
import threading
from collections.abc import Callable
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import fingerprint, pipeline
from .files import missing_content_hint, shown_path
from .problems import Problem, format_text, summary
from .progress import ProgressLine
from .terminal import printable
from .theme import search_path, template_failure
from .units import ContentChanged

# At the top of the page, not pinned there: pinned, it covered what the keyboard reached as
# the page scrolled under it (WCAG 2.4.11).
BANNER_STYLE = (
    "margin:0;padding:1rem;background:#942514;color:#fff;font:1rem/1.4 system-ui,sans-serif;max-height:50vh;"
    "overflow:auto"
)
# Folded, and smaller: the page built.
WARNING_STYLE = "margin:0;padding:.5rem 1rem;background:#fd0;color:#0b0c0c;font:1rem/1.4 system-ui,sans-serif"
# Where a banner goes: after the page's skip link, which stays the first thing the keyboard reaches.
_BANNER_AT = re.compile(rb'<body[^>]*>\s*(?:<a class="skip-link"[^>]*>.*?</a>)?', re.S)


class ServeError(Exception):
    """The preview cannot start; the message says why and what to do."""


class Preview:
    """The served folder and the problems of the latest build attempt."""

    def __init__(
        self,
        content: Path,
        out: Path,
        as_of: dt.date,
        base_url: str,
        templates: Path | None = None,
        echo: Callable[[str], None] = print,
        cache: Path | None = None,
        progress: Callable[[], ProgressLine] | None = None,
    ) -> None:
        self.content, self.out, self.as_of, self.base_url = content, out, as_of, base_url
        self.templates, self.echo, self.cache = templates, echo, cache
        self.progress = progress  # a new line for each build: the first of a large site is long
        # Worker processes are forked only for the first build, before the server's
        # threads start; a rebuild after an edit redoes one authority, from the cache.
        self.jobs: int | None = None
        self.problems: list[Problem] = []
        self.failure = ""  # why the last attempt wrote nothing, when it was not the content
        self.failed = False
        # Warnings printed already: site.yaml's placeholders, printed again at every save,
        # pushed what the save itself caused out of sight.
        self.told: set[Problem] = set()
        self.lock = threading.Lock()
        # Held while a build writes: on Ctrl+C the preview waits for it, or its new folder
        # would be written into the temporary one after that was removed.
        self.building = threading.Lock()

    def rebuild(self) -> None:
        """Build once; whatever goes wrong is reported, never raised."""
        with self.building:
            self._rebuild()

    def _rebuild(self) -> None:
        failure = ""
        line = self.progress() if self.progress is not None else None
        try:
            result, written = pipeline.build(
                self.content,
                self.out,
                self.as_of,
                self.base_url,
                templates=self.templates,
                jobs=self.jobs,
                cache=self.cache,
                progress=line,
            )
            problems = result.problems
        except Exception as exc:
            problems, written = [], False
            # A template at fault is named at its file and line: a publisher's, as `build` names
            # it, or one of the package's own that a developer is changing under the preview.
            in_template = next(
                (said for folder in search_path(self.templates) if (said := template_failure(exc, folder))), None
            )
            said = str(exc) if isinstance(exc, ContentChanged) else f"{exc.__class__.__name__}: {exc}"
            failure = printable(in_template or f"the build failed: {said}")
        finally:
            if line is not None:
                line.clear()
        self.jobs = 1
        with self.lock:
            self.problems, self.failed, self.failure = problems, not written, failure
        fresh = [p for p in problems if p.is_error or p not in self.told]
        self.told.update(p for p in problems if not p.is_error)
        if fresh:
            self.echo(format_text(fresh))
        again = len(problems) - len(fresh)
        said = summary(problems) + (f" ({again} shown before)" if again else "")
        state = (
            "rebuilt"
            if written
            else "serving the last good build"
            if self.built
            else "nothing to serve until it builds"
        )
        self.echo(f"{failure or said}: {state}")

    @property
    def built(self) -> bool:
        """Whether a good build is there to serve."""
        return (self.out / "index.html").is_file()

    def banner(self) -> bytes:
        """The errors of a failed build, open above the page; else its warnings, folded, since the page built."""
        with self.lock:
            failed, problems, failure = self.failed, self.problems, self.failure
        if not failed:
            warnings = [p for p in problems if not p.is_error]
            if not warnings:
                return b""
            # What a pull request's check would say too (a renamed file's broken links), one
            # click away: printed only in the terminal, an editor looking at the page missed it.
            told = f"{len(warnings)} warning{'s' * (len(warnings) != 1)}"
            return (
                f'<div role="status" style="{WARNING_STYLE}"><details><summary style="cursor:pointer">'
                f"<strong>The content has {told}; the page built.</strong></summary>{_listed(warnings)}"
                "</details></div>"
            ).encode()
        errors = [p for p in problems if p.is_error]
        items = _listed(errors, f"<li>{html.escape(failure)}</li>" if failure else "")
        count = len(errors) + bool(failure)
        shows = "this preview shows the last good build" if self.built else "it has not built yet"
        # Open, and closed by its summary without a script: on a phone it would cover the page.
        return (
            f'<div role="alert" style="{BANNER_STYLE}"><details open><summary style="cursor:pointer">'
            f"<strong>The content has {count} error{'s' * (count != 1)}; {shows}.</strong></summary>{items}"
            "</details></div>"
        ).encode()


def _listed(problems: list[Problem], more: str = "") -> str:
    """Problems as a list, each at its place with the line it is on, as the terminal gives them."""
    items = "".join(
        f"<li><code>{html.escape(p.file)}:{p.line}:{p.col}</code> {_marked(p.message)}"
        + (f'<br><code style="white-space:pre-wrap">{html.escape(p.source_line)}</code>' if p.source_line else "")
        + (f"<br><small>hint: {_marked(p.hint)}</small>" if p.hint else "")
        + "</li>"
        for p in problems
    )
    return f'<ul style="margin:.5rem 0 0;padding-left:1.25rem">{items}{more}</ul>'


def _marked(words: str) -> str:
    """A problem's words as HTML: what the terminal shows in backquotes, as code."""
    return _CODE.sub(r"<code>\1</code>", html.escape(words))


_CODE = re.compile(r"`([^`]+)`")


class Handler(SimpleHTTPRequestHandler):
    preview: Preview

    def __init__(self, *args: object, preview: Preview, **kwargs: object) -> None:
        self.preview = preview
        super().__init__(*args, directory=str(preview.out), **kwargs)  # type: ignore[arg-type]

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the terminal is for build results."""

    def do_GET(self) -> None:
        try:
            path = Path(self.translate_path(self.path))
            is_dir, is_file = path.is_dir(), path.is_file()
        except (OSError, ValueError):  # a name too long for the file system, a NUL byte
            path, is_dir, is_file = self.preview.out / "-", False, False
        address = urlsplit(self.path)
        if is_dir and not address.path.endswith("/"):
            # The page's relative links need the folder's slash, as any web server gives it.
            self.send_response(301)
            self.send_header("Location", address.path + "/" + (f"?{address.query}" if address.query else ""))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if is_dir:
            path = path / "index.html"
            is_file = path.is_file()
        status = 200
        if not is_file:
            path, status = self.preview.out / "404.html", 404
        if path.is_file():
            body = path.read_bytes()
        else:  # the content has never built: there is only the banner to show
            body = (
                b'<!doctype html><html lang="en-GB"><meta name="viewport" content="width=device-width, '
                b'initial-scale=1"><title>No build yet</title><body></body></html>'
            )
            path = path.with_suffix(".html")
        if path.suffix == ".html":
            banner = self.preview.banner()
            at = _BANNER_AT.search(body) if banner else None
            if at:
                body = body[: at.end()] + banner + body[at.end() :]
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    request_queue_size = 128  # a page's burst of requests for assets must not be refused
    daemon_threads = True
    preview: Preview

    def handle_error(self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any) -> None:
        """Quiet when the browser went away first (a page left before it loaded): that is no fault,
        and its traceback in the terminal read as one, pushing the build's report out of sight."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def files_state(paths: list[Path]) -> dict[str, tuple[int, int]]:
    """Each file under paths that the watcher watches, with its modification time and size:
    what a save changes (an editor's swap file, which the watcher ignores, is left out).

    Listed as the build's fingerprint lists the content, without recursion: a content
    folder may nest folders thousands deep."""
    from watchfiles import Change, DefaultFilter

    watched = DefaultFilter()
    state: dict[str, tuple[int, int]] = {}
    for top in paths:
        for found in fingerprint.tree_files(top):
            if found is not None and watched(Change.modified, found[1]):
                state[found[1]] = (found[2].st_mtime_ns, found[2].st_size)
    return state


def _shown(path: str, roots: list[Path]) -> str:
    """A changed file's name as an editor knows it: from the content or templates folder it is in."""
    for root in roots:
        with contextlib.suppress(ValueError):
            return printable(Path(path).resolve().relative_to(root.resolve()).as_posix())
    return printable(path)


# The kinds of file a build reads, from the content and the templates.
_BUILT_FROM = (".yaml", ".yml", ".csv", ".html", ".xml", ".css", ".js", ".svg", ".json", ".txt")


def watch(preview: Preview, paths: list[Path], stop: threading.Event, before: dict[str, tuple[int, int]]) -> None:
    """Rebuild after every change until stopped, whatever a rebuild or the watcher meets.

    before is the files as they were when the last build began: a save made while the
    watcher was not yet set up (during the first build, which is long for a large site) is
    found by comparing them once it is, and built.
    """
    from watchfiles import Change
    from watchfiles import watch as watch_files

    while not stop.is_set():
        try:
            # An empty set of changes now and then says the watcher is set up and waiting.
            changes = watch_files(*paths, stop_event=stop, debounce=300, rust_timeout=500, yield_on_timeout=True)
            for changed in changes:
                now = files_state(paths) if before else {}
                missed = {path for path in before.keys() | now.keys() if before.get(path) != now.get(path)}
                before = {}
                # Which save this build is for: its report may read as the last one did. A file
                # made and gone again (`sed -i`'s, an editor's temporary copy) is none, unless the
                # build reads files of its kind.
                passing = {
                    path
                    for kind, path in changed
                    if not os.path.lexists(path) and (kind == Change.added or not path.endswith(_BUILT_FROM))
                }
                names = sorted({_shown(path, paths) for path in missed | {path for _, path in changed} - passing})
                if names and not stop.is_set():
                    what = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
                    preview.echo(f"{dt.datetime.now():%H:%M:%S} changed: {what}")
                    preview.rebuild()
        except Exception as exc:
            preview.echo(printable(f"watching stopped ({exc}); starting again"))
            before = files_state(paths)
            stop.wait(1)


def _bind(host: str, port: int, handler: Callable[..., Handler]) -> _Server:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise ServeError(f"cannot serve on host {host!r}: {exc}; use --host 127.0.0.1") from None
    family = infos[0][0]
    server_class: type[_Server] = type("Server", (_Server,), {"address_family": family})
    try:
        return server_class((host, port), handler)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise ServeError(
                f"port {port} is already in use (another preview?); stop it, or pick another with --port {port + 1}"
            ) from None
        if exc.errno == errno.EACCES:
            raise ServeError(f"port {port} needs administrator rights; pick one above 1023 with --port 8000") from None
        raise ServeError(f"cannot serve on {host} port {port}: {exc.strerror}") from None


def address(host: str, port: int) -> str:
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def start(
    content: Path,
    out: Path,
    as_of: dt.date,
    host: str,
    port: int,
    templates: Path | None = None,
    echo: Callable[[str], None] = print,
    cache: Path | None = None,
    progress: Callable[[], ProgressLine] | None = None,
) -> tuple[_Server, threading.Event]:
    """Bind, build once, and return the server (not yet serving) and the watcher's stop switch."""
    if not content.is_dir():
        # Watching it would fail, and fail again, once a second, for ever.
        raise ServeError(f"the content folder {shown_path(content)} does not exist; {missing_content_hint(content)}")
    preview = Preview(content, out, as_of, address(host, port), templates, echo, cache, progress)
    server = _bind(host, port, partial(Handler, preview=preview))
    server.preview = preview
    watched = [content, *search_path(templates)]
    before = files_state(watched)
    preview.rebuild()
    stop = threading.Event()
    threading.Thread(target=watch, args=(preview, watched, stop, before), daemon=True).start()
    return server, stop


def run(server: _Server, stop: threading.Event) -> None:
    """Serve until Ctrl+C (or a signal the caller turned into one), then stop watching, once a
    build under way has ended (a second Ctrl+C stops at once)."""
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.server_close()
        building = server.preview.building
        if not building.acquire(blocking=False):
            server.preview.echo("stopping once the build under way ends (Ctrl+C again to stop now)")
            building.acquire()
        building.release()
