"""Text as a terminal or a CI log can show it: what any message naming a file or a value passes through.

Apart from the problems' module, so that a build that changes nothing, which names its
output folder, need not import that module's dataclasses (5 ms of its 45).
"""

from __future__ import annotations

import re

# What a terminal or a CI log would act on rather than show: control characters (an
# escape sequence, a line break that starts a forged line), text-direction overrides, and
# GitHub's workflow commands (`::name::` at the start of a line, `##[name]` anywhere).
_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Text as it can safely be echoed on one line of a terminal or a CI log."""
    if text.isascii() and text.isprintable() and "##[" not in text and not text.lstrip().startswith("::"):
        return text  # the common case, and nothing below would change it
    text = _UNPRINTABLE.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text
    )
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")  # lone surrogates from bad file names
    text = text.replace("##[", "##\\[")
    stripped = text.lstrip()
    if stripped.startswith("::"):
        text = text[: len(text) - len(stripped)] + "\\" + stripped
    return text
