"""Local preview: serve the site, rebuild when content or templates change.

While the content is broken the last good build stays up, and every page carries a
banner listing the errors, so an editor sees the problem where they are looking.
"""

from __future__ import annotations

import datetime as dt
import html
import threading
from collections.abc import Callable
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from . import pipeline
from .problems import Problem, format_text, summary

BANNER_STYLE = (
    "position:sticky;top:0;z-index:100;margin:0;padding:1rem;background:#942514;color:#fff;"
    "font:1rem/1.4 system-ui,sans-serif;max-height:50vh;overflow:auto"
)


class Preview:
    """The served folder and the problems of the latest build attempt."""

    def __init__(
        self, content: Path, out: Path, as_of: dt.date, base_url: str, echo: Callable[[str], None] = print
    ) -> None:
        self.content, self.out, self.as_of, self.base_url, self.echo = content, out, as_of, base_url, echo
        self.problems: list[Problem] = []
        self.failed = False
        self.lock = threading.Lock()

    def rebuild(self) -> None:
        result, written = pipeline.build(self.content, self.out, self.as_of, self.base_url)
        with self.lock:
            self.problems, self.failed = result.problems, not written
        if result.problems:
            self.echo(format_text(result.problems))
        state = "serving the last good build" if not written else "rebuilt"
        self.echo(f"{summary(result.problems)}: {state}")

    def banner(self) -> bytes:
        with self.lock:
            if not self.failed:
                return b""
            errors = [p for p in self.problems if p.is_error]
        items = "".join(
            f"<li><code>{html.escape(p.file)}:{p.line}:{p.col}</code> {html.escape(p.message)}"
            + (f"<br><small>hint: {html.escape(p.hint)}</small>" if p.hint else "")
            + "</li>"
            for p in errors
        )
        return (
            f'<div role="alert" style="{BANNER_STYLE}"><p style="margin:0 0 .5rem"><strong>The content has '
            f"{len(errors)} error{'s' * (len(errors) != 1)}; this preview shows the last good build.</strong></p>"
            f'<ul style="margin:0;padding-left:1.25rem">{items}</ul></div>'
        ).encode()


class Handler(SimpleHTTPRequestHandler):
    preview: Preview

    def __init__(self, *args: object, preview: Preview, **kwargs: object) -> None:
        self.preview = preview
        super().__init__(*args, directory=str(preview.out), **kwargs)  # type: ignore[arg-type]

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the terminal is for build results."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        status = 200
        if not path.is_file():
            path, status = self.preview.out / "404.html", 404
        if path.is_file():
            body = path.read_bytes()
        else:  # the content has never built: there is only the banner to show
            body = b'<!doctype html><html lang="en-GB"><title>No build yet</title><body></body></html>'
            path = path.with_suffix(".html")
        if path.suffix == ".html":
            banner = self.preview.banner()
            if banner:
                body = body.replace(b"<body>", b"<body>" + banner, 1)
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def watch(preview: Preview, paths: list[Path], stop: threading.Event) -> None:
    from watchfiles import watch as watch_files

    for _ in watch_files(*paths, stop_event=stop, debounce=300):
        preview.rebuild()


def start(
    content: Path, out: Path, as_of: dt.date, host: str, port: int, templates: Path, echo: Callable[[str], None] = print
) -> tuple[ThreadingHTTPServer, threading.Event]:
    """Build once, then return the server (not yet serving) and the watcher's stop switch."""
    preview = Preview(content, out, as_of, f"http://{host}:{port}/", echo)
    preview.rebuild()
    server = ThreadingHTTPServer((host, port), partial(Handler, preview=preview))
    stop = threading.Event()
    threading.Thread(target=watch, args=(preview, [content, templates], stop), daemon=True).start()
    return server, stop


def serve(
    content: Path, out: Path, as_of: dt.date, host: str, port: int, templates: Path, echo: Callable[[str], None] = print
) -> None:
    server, stop = start(content, out, as_of, host, port, templates, echo)
    echo(f"Serving {out} at http://{host}:{port}/ (Ctrl+C to stop); watching {content} and {templates}")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.server_close()
