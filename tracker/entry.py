"""The program: `build.py` and the `tracker` command start here."""

from __future__ import annotations

import os
import sys
from typing import NoReturn

from .fingerprint import replay


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
    words = sys.argv[1:]
    shown = replay(words)
    if shown is None:
        from .cli import run

        code = run(words)
    else:
        print(shown, file=sys.stderr)
        code = 0
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader that went away, or a closed stream
            code = code or 1
    os._exit(code)
