"""Every link of the built site leads somewhere, and the feed, sitemap and data package are valid."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from .conftest import MISSING, Site

URL_ATTRIBUTES = {
    "a": ["href"],
    "area": ["href"],
    "link": ["href"],
    "script": ["src"],
    "img": ["src"],
    "source": ["src"],
    "iframe": ["src"],
    "audio": ["src"],
    "video": ["src", "poster"],
    "track": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "form": ["action"],
    "input": ["src"],
    "blockquote": ["cite"],
    "q": ["cite"],
    "ins": ["cite"],
    "del": ["cite"],
}
ID_REFERENCES = [
    "aria-labelledby",
    "aria-describedby",
    "aria-controls",
    "aria-owns",
    "aria-details",
    "aria-errormessage",
    "aria-activedescendant",
    "for",
    "headers",
    "form",
    "list",
]
EXTERNAL_SCHEMES = {"http", "https", "mailto"}
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@cache
def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def ids(path: Path) -> set[str]:
    return {el["id"] for el in _soup(path).find_all(id=True)}


def moved_to(soup: BeautifulSoup, url: str) -> str | None:
    """Where a page at an old address sends readers (a renamed authority's), as an address."""
    refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
    return urljoin(url, refresh["content"].split("url=", 1)[1]) if refresh else None


def page_url(site: Site, file: Path) -> str:
    """The address a page is read at; 404.html is served for any missing address, so use a deep one."""
    rel = file.relative_to(site.dir).as_posix()
    if rel == "404.html":
        return site.url(MISSING)
    return site.url(rel.removesuffix("index.html"))


def target_file(site: Site, url: str) -> Path | None:
    """The file an internal URL is served from, or None if it is outside the site."""
    parts = urlsplit(url)
    base = urlsplit(site.base)
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc) or not parts.path.startswith(base.path):
        return None
    rel = unquote(parts.path[len(base.path) :])
    if rel == "" or rel.endswith("/"):
        rel += "index.html"
    return site.dir / rel


def check_internal(site: Site, url: str, where: str, problems: list[str]) -> None:
    file = target_file(site, url)
    if file is None:
        problems.append(f"{where}: {url} is outside the site under {site.base}")
        return
    if not file.is_file():
        problems.append(f"{where}: {url} resolves to {file.relative_to(site.dir)}, which does not exist")
        return
    fragment = urlsplit(url).fragment
    if "#" in url and not fragment:
        problems.append(f"{where}: {url} has an empty fragment and goes nowhere")
    elif fragment and file.suffix == ".html" and unquote(fragment) not in ids(file):
        problems.append(f"{where}: {url} names #{fragment}, which {file.relative_to(site.dir)} does not have")


@pytest.mark.parametrize("name", ["content", "fixture"])
def test_every_link_and_reference_resolves(name, sites):
    site = sites[name]
    problems: list[str] = []
    internal = external = 0
    for file in site.html_files():
        rel = file.relative_to(site.dir).as_posix()
        soup = _soup(file)
        url = page_url(site, file)
        page_ids = ids(file)
        for a in soup.find_all("a"):
            if not a.get("href", "").strip():
                problems.append(f"{rel}: a link with no target: {str(a)[:120]}")
        for tag, attributes in URL_ATTRIBUTES.items():
            for el in soup.find_all(tag):
                for attribute in attributes:
                    value = el.get(attribute)
                    if value is None:
                        continue
                    value = value.strip()
                    where = f"{rel} <{tag} {attribute}={value!r}>"
                    scheme = urlsplit(value).scheme.lower()
                    if scheme and scheme not in ("http", "https"):
                        if scheme not in EXTERNAL_SCHEMES:
                            problems.append(f"{where}: only http, https and mailto links are allowed")
                        elif scheme == "mailto" and "@" not in value:
                            problems.append(f"{where}: mailto without an address")
                        external += 1
                        continue
                    if value.startswith("#"):  # this document, wherever it is served from
                        if value == "#" or unquote(value[1:]) not in page_ids:
                            problems.append(f"{where}: no element on the page has that id")
                        internal += 1
                        continue
                    resolved = urljoin(url, value)
                    if target_file(site, resolved) is None and scheme in ("http", "https"):
                        external += 1  # another site's page: not fetched here
                        continue
                    # Absolute on purpose: the canonical link, and a link that states the site's address.
                    deliberate = (tag == "link" and "canonical" in el.get("rel", [])) or el.get_text(
                        strip=True
                    ) == value
                    if rel != "404.html" and not deliberate and (scheme or value.startswith("/")):
                        problems.append(
                            f"{where}: internal links must be relative, so the site works under any sub-path"
                        )
                    check_internal(site, resolved, where, problems)
                    internal += 1
        for attribute in ID_REFERENCES:
            for el in soup.find_all(attrs={attribute: True}):
                values = el[attribute] if isinstance(el[attribute], list) else el[attribute].split()
                for ref in values:
                    if ref not in page_ids:
                        problems.append(f"{rel}: {attribute}={ref!r} names no element on the page")
        canonical = soup.find("link", rel="canonical")
        if rel != "404.html":
            # A page at an old address names the page it sends readers to as the one to index.
            target = moved_to(soup, url)
            if target is not None:
                check_internal(site, target, f"{rel} <meta http-equiv=refresh>", problems)
            assert canonical is not None and canonical["href"] == (target or url), f"{rel}: canonical is not {url}"
    if problems:
        raise AssertionError(
            f"{len(problems)} broken link(s) or reference(s) in the {name} site:\n" + "\n".join(problems)
        )
    assert internal > 50 and external > 5, (internal, external)


@pytest.mark.parametrize("name", ["content", "fixture"])
def test_every_feed_is_atom_with_unique_ids_and_working_links(name, sites):
    """The site's feed and every authority's: valid Atom, ids unique in each and never shared by two events."""
    site = sites[name]
    feeds = [site.dir / "feed.xml", *(site.dir / "authorities" / slug / "feed.xml" for slug in site.slugs)]
    assert all(path.is_file() for path in feeds)
    # At a renamed authority's old address, its feed as it is, for those subscribed there.
    for path in (site.dir / "authorities").glob("*/feed.xml"):
        if path.parent.name not in site.slugs:
            moved = [link.get("href") for link in ET.parse(path).getroot().findall(f"{ATOM}link[@rel='self']")]
            assert moved and moved[0].startswith(site.url("authorities/")), path
            assert path.read_bytes() == target_file(site, moved[0]).read_bytes(), path
    problems: list[str] = []
    titles: dict[str, str] = {}
    for path in feeds:
        rel = path.relative_to(site.dir).as_posix()
        root = ET.parse(path).getroot()
        assert root.tag == f"{ATOM}feed", rel
        for child in ("id", "title", "updated", "author"):
            assert root.find(f"{ATOM}{child}") is not None, f"{rel} has no <{child}>"
        self_links = [link.get("href") for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
        assert self_links == [site.url(rel)], rel
        entries = root.findall(f"{ATOM}entry")
        entry_ids = [e.findtext(f"{ATOM}id") for e in entries]
        assert all(entry_ids) and len(set(entry_ids)) == len(entry_ids), f"{rel}: entry ids are missing or repeated"
        for entry in entries:
            for child in ("title", "updated", "summary"):
                assert (entry.findtext(f"{ATOM}{child}") or "").strip(), f"{rel}: an entry has no <{child}>"
            dt.datetime.fromisoformat(entry.findtext(f"{ATOM}updated").replace("Z", "+00:00"))
            links = [
                link.get("href") for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"
            ]
            assert len(links) == 1
            key = entry.findtext(f"{ATOM}id")
            if titles.setdefault(key, entry.findtext(f"{ATOM}title")) != entry.findtext(f"{ATOM}title"):
                problems.append(f"{rel}: {key} names two different events")
            check_internal(site, links[0], f"{rel} entry {key}", problems)
    assert titles, "no feed has entries"
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("name", ["content", "fixture"])
def test_sitemap_and_robots_point_into_the_site(name, sites):
    site = sites[name]
    root = ET.parse(site.dir / "sitemap.xml").getroot()
    assert root.tag == f"{SITEMAP}urlset"
    locs = [url.findtext(f"{SITEMAP}loc") for url in root.findall(f"{SITEMAP}url")]
    assert locs and len(set(locs)) == len(locs)
    problems: list[str] = []
    for loc in locs:
        assert loc.startswith(site.base), f"{loc} is not under {site.base}"
        check_internal(site, loc, "sitemap", problems)
    assert not problems, "\n".join(problems)
    pages = {
        page_url(site, f)
        for f in site.html_files()
        if f.name != "404.html" and not moved_to(_soup(f), page_url(site, f))  # an old address is not listed
    }
    assert set(locs) == pages, f"pages missing from the sitemap: {pages - set(locs)}"
    for lastmod in root.iter(f"{SITEMAP}lastmod"):
        dt.date.fromisoformat(lastmod.text)
    robots = (site.dir / "robots.txt").read_text()
    assert f"Sitemap: {site.url('sitemap.xml')}" in robots.splitlines()


@pytest.mark.parametrize("name", ["content", "fixture"])
def test_data_package_is_valid(name, sites):
    import frictionless

    site = sites[name]
    report = frictionless.validate(str(site.dir / "data" / "datapackage.json"))
    if not report.valid:
        errors = report.flatten(["taskNumber", "rowNumber", "fieldNumber", "type", "message"])
        raise AssertionError(f"{name}: data/datapackage.json is not valid:\n" + "\n".join(map(str, errors)))
    package = json.loads((site.dir / "data" / "datapackage.json").read_text())
    for resource in package["resources"]:
        assert (site.dir / "data" / resource["path"]).is_file()
    data = json.loads((site.dir / "data" / "authorities.json").read_text())
    assert sorted(a["slug"] for a in data["authorities"]) == site.slugs
    for slug in site.slugs:
        assert json.loads((site.dir / "authorities" / f"{slug}.json").read_text())["slug"] == slug


def test_missing_addresses_get_the_404_page(sites, page, open_page):
    site = sites["content"]
    response = open_page(page, site, MISSING)
    assert page.locator("h1").inner_text() == "Page not found"
    assert response.headers["content-type"].startswith("text/html")
    page.get_by_role("link", name="the overview").click()
    page.wait_for_load_state()
    assert page.url == site.url(""), "the 404 page's link does not lead to the overview from a deep address"
    open_page(page, site, MISSING)
    page.get_by_role("link", name="Every authority, by name").click()
    page.wait_for_load_state()
    assert page.url == site.url("authorities/"), "the 404 page's link does not lead to the list from a deep address"
