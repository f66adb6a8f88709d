"""The program: `build.py` and the `tracker` command start here."""

from __future__ import annotations

import os
import sys
from typing import NoReturn

from .clock import UnreadableEpoch, default_as_of
from .fingerprint import Words, replay


def program() -> NoReturn:
    """The command line, then an exit that does not free every object.

    A build that would change nothing, given the words of an earlier build, is known
    before the command line's library is imported (fingerprint.replay); anything else
    goes to the command line (cli.run).

    A check or build ends holding hundreds of thousands of objects (every problem, every
    summary, the modules), and Python's orderly exit frees them one by one: 50 to 70 ms of
    a 0.75 s check of 153 authorities. Nothing is left to tidy by then (workers have
    stopped, the site is swapped in, temporary folders are removed), so once the output
    is flushed the process just ends. An unexpected exception still ends as Python ends it.
    """
    # On Windows click expands the words itself (globs, ~, %VARIABLES%), from the
    # environment and the disk, so they are not the build's words: it is given none.
    try:
        words = None if os.name == "nt" else Words(sys.argv[1:], default_as_of())
    except UnreadableEpoch:  # unless --as-of names the day, the command line says so
        words = None
    shown, looked = replay(words) if words is not None else (None, None)
    code = 0
    if shown is None:
        from .cli import run

        code = run(words._replace(looked=looked) if words is not None else None)
    else:
        try:  # as click writes it: UTF-8, whatever the stream was opened with
            sys.stderr.buffer.write(f"{shown}\n".encode())
        except OSError:  # a reader that went away
            code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader that went away, or a closed stream
            code = code or 1
    os._exit(code)
