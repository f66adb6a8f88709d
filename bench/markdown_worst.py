#!/usr/bin/env python3
"""Markdown rendering time against text length, for the worst inputs found.

Each family below is an input that makes Python-Markdown super-linear (or overflow the
stack) when given enough of it. For each family and length the script times
`tracker.text.render_markdown` (best of --repeat, cache cleared), then prints the cost of
each further character (the slope between the two longest texts) and the exponent of
the growth (time grows as length to that power: 1 is linear, 2 quadratic). Families
marked "formatted" sit at tracker.text's limits, so they are the most expensive texts
that still reach Markdown; the others are beyond the limits and are shown as written.
A random search adds the slowest of --search random mixes of markup within the limits.
The last line states the bound: render time <= a + b * length, b the worst slope.

--raw times plain Python-Markdown on the same families at small sizes, with no limits,
each in a child process that is stopped after --timeout seconds.

    python bench/markdown_worst.py                      # 4, 16 and 64 thousand characters
    python bench/markdown_worst.py --sizes 2000,8000 --raw
"""

from __future__ import annotations

import argparse
import math
import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compare import table

from tracker import text
from tracker.text import MAX_DEPTH, MAX_LINES, MAX_MARKUP, MAX_PARAGRAPHS

FILLER = "children and families social workers "


def filler(n: int) -> str:
    return (FILLER * (n // len(FILLER) + 1))[:n]


def at_limit(unit: str) -> Callable[[int], str]:
    """One paragraph: MAX_MARKUP units of markup up front, then plain words to the size."""

    def make(n: int) -> str:
        head = unit * (MAX_MARKUP // _marks(unit))
        return head + " " + filler(max(0, n - len(head) - 1))

    return make


def spread(unit: str) -> Callable[[int], str]:
    """One paragraph: MAX_MARKUP units of markup spread evenly through the words."""

    def make(n: int) -> str:
        k = MAX_MARKUP // _marks(unit)
        return "".join(unit + filler(n // k - len(unit)) for _ in range(k))

    return make


def repeated(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def paragraphs_at_limit(n: int) -> str:
    each = max(1, n // MAX_PARAGRAPHS)
    return "\n\n".join(at_limit("[")(each) for _ in range(MAX_PARAGRAPHS))


def lines_at_limit(n: int) -> str:
    """A list item followed by lazy continuation lines, MAX_LINES in all."""
    each = max(1, n // MAX_LINES)
    return "- *a* " + "\n".join(filler(each) for _ in range(MAX_LINES - 1))


def nesting_at_limit(n: int) -> str:
    """Lists nested MAX_DEPTH deep, the deepest item holding the words."""
    levels = "".join("    " * k + "- *x*\n" for k in range(MAX_DEPTH - 1))
    return levels + "    " * (MAX_DEPTH - 1) + "- " + filler(max(1, n - len(levels)))


def rules_at_limit(n: int) -> str:
    lines = ["---"] * (MAX_MARKUP - 1) + [filler(max(1, n - 4 * MAX_MARKUP))]
    return "\n".join(lines)


def _marks(unit: str) -> int:
    return max(1, sum(1 for _ in text._INLINE_MARKS.finditer(unit)))


FAMILIES: dict[str, tuple[str, Callable[[int], str]]] = {
    # Formatted: at the limits, the most Markdown is given.
    "`[` x32 then words": ("formatted", at_limit("[")),
    "`[` x32 spread": ("formatted", spread("[")),
    "`![` x32 then words": ("formatted", at_limit("![")),
    "`[a](` x32 then words": ("formatted", at_limit("[a](")),
    "`[a](<` then words": ("formatted", at_limit("[a](<")),
    "`[a][` x32 then words": ("formatted", at_limit("[a][")),
    "`[<` x16 then words": ("formatted", at_limit("[<")),
    "`[`+backtick x16": ("formatted", at_limit("[`")),
    "`[*` x16 then words": ("formatted", at_limit("[*")),
    "`<![CDATA[` x32": ("formatted", at_limit("<![CDATA[")),
    "`<!--` x32": ("formatted", at_limit("<!--")),
    "`<a b=` x32": ("formatted", at_limit("<a b=")),
    "backtick x32": ("formatted", at_limit("`")),
    "`*a` x32": ("formatted", at_limit("*a")),
    "`&amp;` x32": ("formatted", at_limit("&amp;")),
    "200 paragraphs at the limit": ("formatted", paragraphs_at_limit),
    "200 lines in one list item": ("formatted", lines_at_limit),
    "lists nested 8 deep": ("formatted", nesting_at_limit),
    "31 rules in a paragraph": ("formatted", rules_at_limit),
    "a long run of spaces": ("formatted", lambda n: "*a* " + " " * n + "b"),
    # Beyond the limits: shown as written.
    "`[` only": ("as written", repeated("[")),
    "`[a` only": ("as written", repeated("[a")),
    "`*a` only": ("as written", repeated("*a")),
    "`<![CDATA[` only": ("as written", repeated("<![CDATA[")),
    "`---` lines": ("as written", repeated("---\na\n")),
    "`*a*` paragraphs": ("as written", repeated("*a*\n\n")),
    "`1. ` nested": ("as written", repeated("1. ")),
}


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def render_time(source: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        text.render_markdown.cache_clear()
        started = time.perf_counter()
        text.render_markdown(source)
        best = min(best, time.perf_counter() - started)
    return best


def raw_time(name: str, n: int, timeout: float) -> float | None:
    """Plain Python-Markdown, no limits, in a child so a runaway can be stopped."""
    argv = [sys.executable, __file__, "--raw-child", name, str(n)]
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, check=True).stdout.strip()
    except subprocess.TimeoutExpired:
        return None
    return float("nan") if out == "stack" else float(out)


def raw_child(name: str, n: int) -> None:
    import markdown

    source = FAMILIES[name][1](n)
    md = markdown.Markdown(extensions=[], output_format="html")
    started = time.perf_counter()
    try:
        md.convert(source)
    except RecursionError:
        print("stack")
        return
    print(time.perf_counter() - started)


def search(trials: int, size: int, repeat: int, seed: int) -> str:
    """Random mixes of markup within the limits: the one slowest per character."""
    tokens = ["[", "]", "(", ")", "![", "`", "<", ">", "*", "_", "\\", "&amp;", '"', "'", "](", "][", "<!--", "-->"]
    tokens += ["<a ", "=", "**", "\n", "\n- ", "\n> ", "\n1. ", "\n    ", "\n#", "\n---\n", "  \n", "a", " "]
    rng = random.Random(seed)
    worst = (0.0, "")
    for _ in range(trials):
        core = "".join(rng.choice(tokens) for _ in range(rng.randint(5, 80)))
        source = core + " " + filler(size)
        if text.markdown_problem(source) is None:
            worst = max(worst, (render_time(source, repeat) / len(source), core))
    return worst[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sizes", default="4000,16000,64000", help="text lengths in characters, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="timings of each; the best is kept (default 3)")
    parser.add_argument("--search", type=int, default=300, help="random mixes to try within the limits (default 300)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--raw", action="store_true", help="also time plain Python-Markdown, with no limits")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds before a --raw run is stopped")
    parser.add_argument("--raw-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.raw_child:
        raw_child(args.raw_child[0], int(args.raw_child[1]))
        return 0
    sizes = sorted(int(s) for s in args.sizes.split(","))
    if len(sizes) < 2:
        parser.error("--sizes needs two lengths or more: the constant is the slope between the last two")

    render_time("*warm up*", 1)  # the first call imports Markdown
    overhead = render_time("*a*", 50)
    families = dict(FAMILIES)
    if args.search:
        core = search(args.search, sizes[-2], args.repeat, args.seed)
        families[f"random: {core[:24]!r}"] = ("formatted", lambda n: core + " " + filler(max(0, n - len(core) - 1)))
    rows, slopes = [], []
    for name, (path, make) in families.items():
        times, lengths = [], []
        for n in sizes:
            source = make(n)
            if path == "formatted":
                assert text.markdown_problem(source) is None, (name, text.markdown_problem(source))
            lengths.append(len(source))
            times.append(render_time(source, args.repeat))
        # The cost of each further character: the slope between the two longest texts.
        slope = (times[-1] - times[-2]) / (lengths[-1] - lengths[-2])
        exponent = math.log(times[-1] / times[-2]) / math.log(lengths[-1] / lengths[-2])
        if path == "formatted":
            slopes.append((slope, name))
        row = [name, path] + [f"{t * 1e3:.1f} ms" for t in times] + [f"{slope * 1e6:.2f}", f"{exponent:.2f}"]
        if args.raw and name in FAMILIES:  # the random mix is made here, not in the child
            raw = [raw_time(name, n, args.timeout) for n in sizes[:2]]
            row.append(", ".join("> timeout" if r is None else "stack" if r != r else f"{r:.2f} s" for r in raw))
        elif args.raw:
            row.append("–")
        rows.append(row)
        progress(" | ".join(row))
    header = ["input", "path"] + [f"{n} chars" for n in sizes] + ["µs per char", "exponent"]
    header += [f"raw Markdown at {sizes[0]}, {sizes[1]}"] if args.raw else []
    print(table(rows, header, set(range(2, len(header)))))
    slope, name = max(slopes)
    print(
        f"\nrender time <= a + b * length, with a = {overhead * 1e6:.0f} µs (a short text) and "
        f"b = {slope * 1e6:.1f} µs per character (worst: {name}); "
        f"a 30,000-character text: at most {(overhead + slope * 30_000) * 1e3:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
