#!/usr/bin/env python3
"""What one authority costs at each stage of a build, each stage timed on its own.

Generates N synthetic authorities with ../shared/bench/synth.py (as bench/compare does),
then, in this one process, runs each stage of an authority's build over all of them and
divides: CPU time per authority (time.process_time), median of --repeat runs. Nothing is
written and no worker is started, so the figures are the stages' own cost, without
start-up, caching, files or processes; bench/compare measures whole builds.

The first line is a floor no build in Python can go below: libyaml's own events for the
file, with nothing kept. Hugo's cost per authority, to hold the total against, is its
cold build's CPU time from bench/compare divided by N.

    python bench/stages.py                  # 20 authorities, 5 runs
    python bench/stages.py -n 50 --repeat 9
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SYNTH = REPO.parent / "shared" / "bench" / "synth.py"
AS_OF = dt.date(2026, 11, 23)  # fixed, so the rules do the same work on any day


def stages(content: Path) -> list[tuple[str, Callable[[Any], object], list[Any]]]:
    """Each stage as (name, work on one authority, the inputs it works on)."""
    sys.path.insert(0, str(REPO))
    import yaml

    from tracker.derive import SiteView, derive_authority, summary
    from tracker.load import load_bytes
    from tracker.pipeline import settings
    from tracker.plain import spell_out
    from tracker.render import (
        authority_data,
        authority_feed,
        base_url,
        collapse_whitespace,
        environment,
        json_bytes,
        table_rows_encoded,
        template_text,
    )
    from tracker.theme import search_path
    from tracker.validate import Context, validate_authority

    site, frameworks = settings(content)
    paths = sorted((content / "authorities").glob("*.yaml"))
    raw = [path.read_bytes() for path in paths]
    docs = []
    for path, data in zip(paths, raw, strict=True):
        doc, problems = load_bytes(data, path.name)
        if doc is None:
            raise SystemExit(f"{path.name} cannot be read: {problems[0]}")
        docs.append((path.stem, doc))
    models = []
    for slug, doc in docs:
        model, problems = validate_authority(doc, Context(frameworks, AS_OF, slug))
        if model is None:
            raise SystemExit(f"{slug} fails its checks: {problems[0]}")
        models.append((slug, model))
    views = [derive_authority(slug, model, frameworks, AS_OF) for slug, model in models]
    view = SiteView(site, frameworks, AS_OF, ())
    base = base_url(view, None)
    env = environment(tuple(search_path(None)))

    def page(a: Any) -> str:
        return template_text(env, "authority.html", view, base, f"authorities/{a.slug}/", a=a)

    written = [page(a) for a in views]
    spelled = [spell_out(text) for text in written]

    def events(data: bytes) -> None:
        parser = yaml.CSafeLoader(data)
        while parser.get_event() is not None:
            pass

    def records(pair: tuple[Any, Any]) -> None:
        # As the cache stores them (cache.py): the model, and the summary in the check record.
        for value in (pair[0][1], pair[1]):
            body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            hashlib.blake2b(body, digest_size=32).digest()

    return [
        ("YAML events, libyaml alone (the floor)", events, raw),
        ("YAML read with every position", lambda data: load_bytes(data, "x.yaml"), raw),
        ("checked: typed model and rules", lambda d: validate_authority(d[1], Context(frameworks, AS_OF, d[0])), docs),
        ("derived: statuses, timeline", lambda m: derive_authority(m[0], m[1], frameworks, AS_OF), models),
        ("page template (Jinja)", page, views),
        ("page: acronyms spelled out", spell_out, written),
        ("page: whitespace collapsed", collapse_whitespace, spelled),
        ("feed", lambda a: authority_feed(view, base, a), views),
        ("JSON", lambda a: json_bytes(authority_data(a)), views),
        ("CSV rows", lambda a: table_rows_encoded(a, view), views),
        ("cache records: model and summary pickled", records, list(zip(models, map(summary, views), strict=True))),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=20, help="synthetic authorities to generate (default 20)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each stage; the median is shown (default 5)")
    parser.add_argument("--synth", type=Path, default=SYNTH, help=f"the generator (default {SYNTH})")
    args = parser.parse_args()
    if not args.synth.is_file():
        parser.error(f"no generator at {args.synth}; pass --synth")

    with tempfile.TemporaryDirectory(prefix="stages-") as tmp:
        content = Path(tmp) / "content"
        command = [sys.executable, str(args.synth), str(args.n), str(content), "--base", str(REPO / "content")]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        work = stages(content)
        times: dict[str, list[float]] = {name: [] for name, _, _ in work}
        for _ in range(args.repeat):
            # Interleaved: a change in the machine's speed falls on every stage alike.
            for name, step, inputs in work:
                started = time.process_time()
                for item in inputs:
                    step(item)
                times[name].append((time.process_time() - started) / len(inputs))

    medians = {name: statistics.median(runs) * 1000 for name, runs in times.items()}
    width = max(map(len, medians))
    print(f"{args.n} synthetic authorities; CPU time per authority, median of {args.repeat} runs")
    print()
    print(f"| {'stage':<{width}} | {'ms':>6} |")
    print(f"| {'-' * width} | {'-' * 5}: |")
    for name, ms in medians.items():
        print(f"| {name:<{width}} | {ms:>6.2f} |")
    total = sum(ms for name, ms in medians.items() if name != work[0][0])
    print(f"| {'total (without the floor)':<{width}} | {total:>6.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
