"""How far a long check or build has got, for the person at the terminal."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO


class ProgressLine:
    """How far a long check or build has got, on one line of a terminal, written over in place.

    Only on a terminal: a log or a pipe gets the report alone, as it always did. Only once
    the run has taken a second, so that a small site shows nothing; at most ten times a
    second; and wiped before anything else is printed.
    """

    AFTER = 1.0  # seconds
    EVERY = 0.1

    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream if stream.isatty() else None
        self.clock = clock
        self.due = clock() + self.AFTER
        self.width = 0  # of the line now shown

    def __call__(self, doing: str, done: int, total: int) -> None:
        if self.stream is None:
            return
        now = self.clock()
        # The last of a stage is always shown once the line is up: it never stops short.
        if now < self.due and not (done == total and self.width):
            return
        self.due = now + self.EVERY
        self._show(f"{doing} authorities: {done} of {total}")

    def clear(self) -> None:
        if self.width:
            self._show("", "\r")

    def _show(self, text: str, end: str = "") -> None:
        assert self.stream is not None
        self.stream.write(f"\r{text.ljust(self.width)}{end}")  # spaces over the rest of a longer line
        self.stream.flush()
        self.width = len(text)
