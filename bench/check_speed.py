#!/usr/bin/env python3
"""How much `check` costs over merely parsing the same YAML.

Generates N synthetic authorities with ../shared/bench/synth.py into a temporary
folder, then runs, each in its own child process:

- load:  every .yaml file read and parsed with `yaml.load(text, Loader=yaml.CSafeLoader)`,
         the documents kept in a list (the floor: libyaml building Python objects);
- check: `tracker.pipeline.check` on the folder (positions, models, every rule).

Each child imports the same modules, then runs its workload --repeat times; the table
shows the median wall time and the child's peak resident memory (ru_maxrss from
os.wait4), which includes the interpreter and the imports. Exits 1 when check takes
more than --limit times the plain load (default 2).

    python bench/check_speed.py                 # 2000 authorities, 3 runs each
    python bench/check_speed.py -n 200 --repeat 5
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SYNTH = REPO.parent / "shared" / "bench" / "synth.py"
AS_OF = "2026-11-23"  # fixed, so the rules do the same work on any day


def workload(mode: str, content: Path, as_of: dt.date) -> str:
    """One run of a workload; returns a line describing what it did."""
    import yaml

    from tracker import pipeline

    if mode == "load":
        docs = [
            yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
            for path in sorted(content.rglob("*.yaml"))
        ]
        return f"{len(docs)} documents"
    checked = pipeline.check(content, as_of)
    if checked.content is None:
        # A check that stops early measures nothing: the synthetic content must pass.
        raise SystemExit(f"the synthetic content has {len(checked.errors)} errors, e.g. {checked.errors[0]}")
    return f"{len(checked.content.authorities)} authorities, {len(checked.problems)} warnings"


def child(mode: str, content: Path, repeat: int, as_of: dt.date) -> None:
    # Imported before the clock starts: the runs measure parsing and checking, not start-up.
    # (Both children import both, so their peak memory starts from the same baseline.)
    sys.path.insert(0, str(REPO))
    import yaml  # noqa: F401

    from tracker import pipeline  # noqa: F401

    times, what = [], ""
    for _ in range(repeat):
        started = time.perf_counter()
        what = workload(mode, content, as_of)
        times.append(time.perf_counter() - started)
    print(json.dumps({"times": times, "what": what}))


def measure(mode: str, content: Path, repeat: int, as_of: str) -> dict[str, Any]:
    """Run a workload in a fresh child; its times, and its own peak memory."""
    proc = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--child",
            mode,
            "--content",
            str(content),
            "--repeat",
            str(repeat),
            "--as-of",
            as_of,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)  # this child's rusage alone, not all children's
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{mode} failed with exit code {proc.returncode}")
    result: dict[str, Any] = json.loads(out)
    result["median"] = statistics.median(result["times"])
    result["peak_mib"] = usage.ru_maxrss / 1024  # Linux reports KiB
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=2000, help="synthetic authorities to generate (default 2000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each workload; the median is shown (default 3)")
    parser.add_argument("--synth", type=Path, default=SYNTH, help=f"the generator (default {SYNTH})")
    parser.add_argument("--content", type=Path, help="measure this content folder instead of generating one")
    parser.add_argument("--as-of", default=AS_OF, help=f"as-of date for check (default {AS_OF})")
    parser.add_argument("--limit", type=float, default=2.0, help="fail when check/load exceeds this (default 2)")
    parser.add_argument("--child", choices=["load", "check"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    as_of = dt.date.fromisoformat(args.as_of)

    if args.child:
        child(args.child, args.content, args.repeat, as_of)
        return 0

    with tempfile.TemporaryDirectory(prefix="check-speed-") as tmp:
        content = args.content
        if content is None:
            if not args.synth.is_file():
                parser.error(f"no generator at {args.synth}; pass --synth")
            content = Path(tmp) / "content"
            subprocess.run(
                [sys.executable, str(args.synth), str(args.n), str(content)], check=True, stdout=subprocess.DEVNULL
            )
        files = sorted(content.rglob("*.yaml"))
        size = sum(p.stat().st_size for p in files) / 2**20
        print(f"{len(files)} files, {size:.1f} MiB of YAML in {content}; {args.repeat} runs each, median shown")
        load = measure("load", content, args.repeat, args.as_of)
        check = measure("check", content, args.repeat, args.as_of)

    ratio = check["median"] / load["median"]
    print()
    print(f"| {'workload':<40} | {'median':>8} | {'runs (s)':<24} | {'peak memory':>11} |")
    print(f"| {'-' * 40} | {'-' * 7}: | {'-' * 24} | {'-' * 10}: |")
    for name, result in (("yaml.load CSafeLoader, kept in a list", load), ("pipeline.check", check)):
        runs = ", ".join(f"{t:.2f}" for t in result["times"])
        print(f"| {name:<40} | {result['median']:>6.2f} s | {runs:<24} | {result['peak_mib']:>7.0f} MiB |")
    print(f"| {'check / load':<40} | {ratio:>8.2f} | {'':<24} | {check['peak_mib'] / load['peak_mib']:>11.2f} |")
    print()
    print(f"load: {load['what']}; check: {check['what']}")
    if ratio > args.limit:
        print(f"FAIL: check takes {ratio:.2f} times the plain load (limit {args.limit:g})")
        return 1
    print(f"ok: check takes {ratio:.2f} times the plain load (limit {args.limit:g})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
