#!/usr/bin/env python3
"""What one content file can cost `check`, for the worst inputs found.

Each family below is a mistake or an oddity an editor's file may hold, repeated until
the file is the size asked for: many problems at once, long lines, long texts, many
comments. For each family and size, a child process reads the file with every
position and checks it against the models and rules (`load_bytes` and
`validate_authority`, as `check` does for each authority), best of --repeat; the table
shows the time, the cost per MB at the largest size and the exponent of the growth
between the two largest sizes (time grows as size to that power: 1 is linear, 2
quadratic). A child still running after --timeout seconds is stopped and shown as such.

Content files are at most 2 MB (tracker/load.py, MAX_FILE_BYTES), so what one file can
cost is bounded by this table's slope times 2 MB, as long as every exponent is near 1.
The exit code is 1 when an exponent exceeds --limit or a child timed out.

    python bench/check_worst.py                          # 64, 256 and 1024 thousand characters
    python bench/check_worst.py --sizes 20000,80000 --only separators
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compare import table

REPO = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2026, 11, 23)  # fixed, so the rules do the same work on any day

# A small valid file; each family adds its own part after it.
HEAD = """\
name: Worst Case
codes: {gss: E06000017, dfe: 857, ofsted: 80547}
region: East Midlands
sources:
  - id: s1
    title: A source
    url: https://example.org/report
"""


def lines(make: Callable[[int], str], head: str = "") -> Callable[[int], str]:
    """A part of head, then line after line of make(i) until the file has n characters."""

    def build(n: int) -> str:
        parts, size, i = [HEAD, head], len(HEAD) + len(head), 0
        while size < n:
            line = make(i)
            parts.append(line)
            size, i = size + len(line), i + 1
        return "".join(parts)

    return build


def one_line(prefix: str, item: Callable[[int], str], suffix: str) -> Callable[[int], str]:
    """One line of prefix, items joined by commas, suffix: n characters in all."""

    def build(n: int) -> str:
        parts, size, i = [], len(HEAD) + len(prefix) + len(suffix), 0
        while size < n:
            parts.append(item(i))
            size, i = size + len(parts[-1]) + 2, i + 1
        return HEAD + prefix + ", ".join(parts) + suffix

    return build


def values_then_block(n: int) -> str:
    """Many values, then a `|` text whose every line holds a bracket and a comment mark."""
    half = lines(lambda i: f"  - v{i}\n", "extra:\n")(n // 2)
    return half + "note: |\n" + "".join(f"  see (a #{i}\n" for i in range((n - len(half)) // 14))


NOTE = "notes:\n  - sources: [s1]\n    text:"


def spaced_visit(n: int) -> str:
    """A visit's dates with a long run of spaces between two words: no range of days, and the
    search for one must not try each split of the spaces."""
    head = HEAD + 'inspections:\n  - id: x\n    type: ilacs\n    visited: "a'
    return head + " " * max(n - len(head) - 3, 1) + 'b"\n'


def brackets_after_a_link(n: int) -> str:
    """A title that starts with a Markdown link, then a run of `[`: a syntax error whose hint
    takes the link's words out of the line, with a search that must not start again at each `[`."""
    head = HEAD + "  - id: s2\n    url: https://example.org/\n    title: [a](b) "
    return head + "[" * max(n - len(head) - 1, 1) + "\n"


def long_notes(text: str) -> Callable[[int], str]:
    """Notes on the authority, each of text, until the file has n characters."""
    note = f"  - sources: [s1]\n    text: {json.dumps(text)}\n"
    return lines(lambda i: note, "notes:\n")


def long_summaries(text: str) -> Callable[[int], str]:
    """Visits, each summed up in text, until the file has n characters (a file has at most 50 notes)."""
    # Characters past U+FFFF written as they are: JSON's escapes for them, in pairs, are not YAML's.
    body = f"    published: 2020-02-01\n    summary: {json.dumps(text, ensure_ascii=False)}\n"
    return lines(lambda i: inspection(i, body), "inspections:\n")


def plain_text_cut(n: int) -> str:
    """An unquoted text over many lines, the last cut short by a comment."""
    return lines(lambda i: f"      word{i} and more\n", NOTE + "\n")(n) + "      see (item # 3 of the plan)\n"


def many_ids_then_typos(n: int) -> str:
    """2,000 sources (the most a file may have), then points citing sources that do not exist."""
    sources = "".join(f"  - {{id: source-{i}, title: T, url: 'https://example.org/{i}'}}\n" for i in range(1999))
    points = lines(
        lambda i: inspection(
            i,
            "    published: 2020-02-01\n    recommendations:\n"
            + "".join(f"      - {{id: r{k}, text: a, sources: [sourse-{i}-{k}]}}\n" for k in range(200)),
        ),
        "inspections:\n",
    )
    return points(n).replace(HEAD, HEAD.replace("sources:\n", "sources:\n" + sources), 1)


def points_then_actions(n: int) -> str:
    """An inspection's 200 points, then plans whose actions answer points that do not exist."""
    points = "".join(f"      - {{id: r{k}, text: a}}\n" for k in range(200))
    head = "inspections:\n" + inspection(0, "    published: 2020-02-01\n    recommendations:\n" + points) + "plans:\n"

    def action(i: int) -> str:
        plan = f"  - id: p{i}\n    title: P\n    sources: [s1]\n    in_response_to: [fv-0]\n    actions:\n"
        line = f"      - {{id: A{i}, title: t, status: on-track, owner: o, responds_to: [fv-0/q{i}]}}\n"
        return (plan if i % 1000 == 0 else "") + line  # a plan holds at most 1,000 actions

    return lines(action, head)(n)


def escaped_notes_on_one_line(n: int) -> str:
    """Plans and their actions in `[...]` on one line, each update's note written with an escape."""
    parts, size, i = [], len(HEAD) + 10, 0
    while size < n:
        plan = f"{{id: p{i}, title: t, actions: [" if i % 1000 == 0 else ""
        update = '{date: 2026-01-01, note: "1.\\tX"}'  # a numbered line, as the page would flatten it
        parts.append(f"{plan}{{id: a{i}, title: t, status: on-track, updates: [{update}]}}")
        if i % 1000 == 999:
            parts[-1] += "]}"
        size, i = size + len(parts[-1]) + 2, i + 1
    return HEAD + "plans: [" + ", ".join(parts) + ("]}" if i % 1000 else "") + "]\n"


def unknown_workstreams(n: int) -> str:
    """Plans of 100 workstreams each, whose actions name workstreams that do not exist."""
    workstreams = "".join(f"      - {{id: ws-{k}, title: W}}\n" for k in range(100))

    def action(i: int) -> str:
        plan = f"  - id: p{i}\n    title: P\n    workstreams:\n{workstreams}    actions:\n" if i % 1000 == 0 else ""
        return plan + f"      - {{id: a{i}, title: t, status: on-track, workstream: wx-{i % 100}}}\n"

    return lines(action, "plans:\n")(n)


def terms_nearly_matching(n: int) -> str:
    """The most terms a file may have, each of the most words a term may have, that the long
    points it explains nearly match at every word: each is looked for at every word."""
    terms = "".join(f"  - {{term: a a a a a z{i}, meaning: m, sources: [s1]}}\n" for i in range(20))
    visit = "  - id: mv\n    type: monitoring-visit\n    visited: 2020-01\n    sources: [s1]\n    recommendations:\n"
    return lines(lambda i: f"      - {{id: r{i}, text: {'a ' * 9_000}x}}\n", f"terms:\n{terms}inspections:\n{visit}")(n)


def cited(source: int) -> str:
    return f"      - {{id: r1, text: a, sources: [s{source}]}}\n"


def inspection(i: int, body: str) -> str:
    return f"  - id: fv-{i}\n    type: focused-visit\n    sources: [s1]\n{body}"


FAMILIES: dict[str, Callable[[int], str]] = {
    "values, then a `|` text of `(a #1` lines": values_then_block,
    'one line of quoted `"a #"` items': one_line("extra: [(x, ", lambda i: '"a #"', "]\n"),
    "one line of items in braces, cut by commas": one_line(
        "notes: [{sources: [s1], text: ", lambda i: f"and again {i}", "}]\n"
    ),
    "tight comments after values": lines(lambda i: f"  - value{i} #x{i}\n", "extra:\n"),
    "line separators": lines(lambda i: f"  - value{i}\u2028\n", "extra:\n"),
    "a day past its month's end": lines(lambda i: inspection(i, "    published: 2020-02-30\n"), "inspections:\n"),
    "unknown keys": lines(lambda i: inspection(i, f"    publised{i}: 2020-02-01\n"), "inspections:\n"),
    "duplicate inspection ids": lines(lambda i: inspection(0, "    published: 2020-02-01\n"), "inspections:\n"),
    "a point citing unknown sources": lines(
        lambda i: inspection(i, f"    published: 2020-02-01\n    recommendations:\n{cited(i + 2)}"), "inspections:\n"
    ),
    "points citing unknown sources among 2,000": many_ids_then_typos,
    "actions answering unknown points": points_then_actions,
    "update notes with an escape, all on one line": escaped_notes_on_one_line,
    "actions naming unknown workstreams among 100": unknown_workstreams,
    "HTML tags in a plain text": lines(lambda i: f"      <b>word{i}</b> &amp; more\n", NOTE + " >-\n"),
    "a plain text over many lines, cut by a comment": plain_text_cut,
    "actions written among the notes": lines(
        lambda i: f"  - {{id: a{i}, status: done, owner: x, due: 2020-01-01}}\n", "notes:\n"
    ),
    "a visit's dates with a long run of spaces": spaced_visit,
    "flow lists nested deep": lines(lambda i: "  - " + "[" * 30 + "a" + "]" * 30 + "\n", "extra:\n"),
    "a run of `[` after a link, in a title": brackets_after_a_link,
    # Texts at their longest (20,000 characters) of what a rule's pattern must not try again
    # at each character: soft hyphens, `[` before a spaced link, spaces after a `>`, `[^`.
    "notes of soft hyphens": long_notes("x" + "\u00ad" * 19_990),
    "notes of `[` before a spaced link": long_notes("[" * 19_990 + "] (https://example.org/)"),
    "notes of spaces after a `>`": long_notes(">" + " " * 19_990 + "x"),
    "notes of `[^`, as a footnote's mark starts": long_notes("[^" * 9_995),
    "terms that long points nearly match at every word": terms_nearly_matching,
    # Links a page refuses, each address written with a character reference, and addresses
    # run together: each link or address once, not a search of the whole text for each.
    "summaries of refused links written with a character reference": long_summaries(
        "\n\n".join(" ".join(f"[a](x{j}-{k}&#65;)" for k in range(15)) for j in range(60))
    ),
    "summaries of `http://` run together": long_summaries("http://" * 2_855),
    "summaries of images never closed, `![a](`": long_summaries("![a](" * 3_995),
    # A link's address held to a `url:`'s rules, at a text's length, not a `url:`'s.
    "summaries of a link whose address is commas": long_summaries("[a](https://a.org/" + "," * 19_900 + ")"),
    "summaries of invisible characters and flags": long_summaries(
        "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f\u200b" * 2_400
    ),
}


def check_time(source: bytes, repeat: int) -> float:
    from tracker.cli import collect_less
    from tracker.load import load_bytes
    from tracker.pipeline import settings
    from tracker.validate import Context, validate_authority

    collect_less()  # as `check` does
    _, frameworks = settings(REPO / "content")
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        doc, _problems = load_bytes(source, "worst-case.yaml")
        if doc is not None:
            validate_authority(doc, Context(frameworks, AS_OF, "worst-case"))
        best = min(best, time.perf_counter() - started)
    return best


def child_time(name: str, n: int, repeat: int, timeout: float) -> float | None:
    """The family's check time at size n, in a child so that a runaway can be stopped."""
    argv = [sys.executable, __file__, "--child", name, str(n), "--repeat", str(repeat)]
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, check=True).stdout
    except subprocess.TimeoutExpired:
        return None
    return float(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sizes", default="64000,256000,1024000", help="file sizes in characters, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="timings of each; the best is kept (default 3)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a child is stopped (default 60)")
    parser.add_argument("--limit", type=float, default=1.3, help="the largest exponent that passes (default 1.3)")
    parser.add_argument("--only", help="the families whose name contains this text")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        name, n = args.child
        print(check_time(FAMILIES[name](int(n)).encode(), args.repeat))
        return 0
    sizes = sorted(int(s) for s in args.sizes.split(","))
    if len(sizes) < 2:
        parser.error("--sizes needs two sizes or more: the exponent is taken between the last two")
    families = [name for name in FAMILIES if args.only is None or args.only in name]
    if not families:
        parser.error(f"no family's name contains {args.only!r}")

    rows, failed = [], False
    for name in families:
        times = []
        for n in sizes:
            taken = child_time(name, n, args.repeat, args.timeout)
            times.append(taken)
            if taken is None:
                break  # a larger file would only take longer
        if None in times:
            failed = True
            cells = [f"{t:.2f} s" if t is not None else f"> {args.timeout:.0f} s" for t in times]
            cells += [""] * (len(sizes) - len(times)) + ["–", "–"]
        else:
            done = [t for t in times if t is not None]
            exponent = math.log(max(done[-1], 1e-6) / max(done[-2], 1e-6)) / math.log(sizes[-1] / sizes[-2])
            failed = failed or exponent > args.limit
            cells = [f"{t:.2f} s" for t in done] + [f"{done[-1] / sizes[-1] * 1e6:.2f}", f"{exponent:.2f}"]
        rows.append([name, *cells])
        print(" | ".join(rows[-1]), file=sys.stderr, flush=True)
    header = ["file", *(f"{n:,} chars" for n in sizes), "s per million chars", "exponent"]
    print(table(rows, header, set(range(1, len(header)))))
    print(f"\nexponent limit {args.limit}: {'exceeded' if failed else 'kept'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
