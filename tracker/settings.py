"""site.yaml's and frameworks.yaml's rules beyond their models: addresses that are only
examples, what an accessibility statement has to say, a change to where the content
manager sends editors, and scales, grades and judgements sound enough for every authority
file to be checked against them."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .explain import Report
from .files import shown_path, slugify
from .load import Document, load_file
from .model import NO_GRADE, PLACEHOLDER_REPO, Accessibility, Frameworks, Site, site_folder
from .problems import Problem, did_you_mean, format_text
from .shape import parse_model
from .text import markdown_problem
from .validate import STALE_AFTER, not_after

# Domains reserved for examples (RFC 2606, RFC 6761): no reader can reach them.
_EXAMPLE_HOST = re.compile(r"(^|\.)(example\.(com|net|org)|example|test|invalid|localhost)$", re.IGNORECASE)


def validate_site(
    doc: Document, as_of: dt.date | None = None, addressed: bool = True
) -> tuple[Site | None, list[Problem]]:
    """site.yaml's model and rules; those about the as-of day only when it is given, and
    about `base_url` only for a build not given the site's address (addressed False): a check
    cannot know it, and the build that publishes may be given it."""
    report = Report(doc)
    site = parse_model(doc, Site, report)
    if site is None:
        return None, report.problems
    if (wrong := site_folder(site.base_url)) is not None:
        report.error(
            ("base_url",),
            f"`base_url` {wrong[0]}: every address on the site is made by adding to it",
            f"write `{wrong[1]}`",
        )
    elif not addressed and _EXAMPLE_HOST.search(urlsplit(site.base_url).hostname or ""):
        report.warn(
            ("base_url",),
            f"`{site.base_url}` is an example address: the feeds, the data's links and printed pages would "
            "give readers an address that leads nowhere",
            "set `base_url` to the address the site is published at, or give it when building, with "
            "`--base-url` (as the workflow that publishes to GitHub Pages does)",
        )
    if _EXAMPLE_HOST.search(urlsplit(site.publisher.url).hostname or ""):
        report.warn(
            ("publisher", "url"),
            f"`{site.publisher.url}` is an example address, not the publisher's",
            "set `publisher` to the organisation that publishes the site and its web address: every page names it",
        )
    if _EXAMPLE_HOST.search(site.contact.rpartition("@")[2]):
        report.warn(
            ("contact",),
            f"`{site.contact}` is an example address that nobody reads",
            "set it to a mailbox a person reads: the accessibility statement tells readers to write to it",
        )
    _accessibility(site.accessibility, "accessibility" in (doc.data or {}), as_of, report)
    if site.cms is not None and site.cms.repo == PLACEHOLDER_REPO:
        report.warn(
            ("cms", "repo"),
            f"`{PLACEHOLDER_REPO}` is a placeholder",
            "write the GitHub repository the content manager saves to, as OWNER/NAME",
        )
    return site, report.problems


def _accessibility(stated: Accessibility | None, written: bool, as_of: dt.date | None, report: Report) -> None:
    """What the regulations ask an accessibility statement to say, and only the publisher can."""
    if stated is None:
        if written:  # empty: an error already says so
            return
        report.warn(
            (),
            "site.yaml does not say how accessible the site is: its accessibility statement has no compliance status",
            "once the site has been tested against the accessibility standard (WCAG 2.2 AA), add at the end of "
            "site.yaml, with your own values: `accessibility: {status: partially-compliant, prepared: YYYY-MM-DD, "
            'tested: YYYY-MM-DD, issues: ["what fails, and what a reader can do instead"]}` '
            "(docs/content-format.md explains each)",
        )
        return
    if stated.status != "fully-compliant" and not stated.issues:
        report.warn(
            ("accessibility", "status"),
            f"a site that is `{stated.status}` lists what is not accessible",
            "add `issues`: each thing that fails, the success criterion it fails, when it will be fixed, and what a "
            "reader can do instead",
        )
    if stated.status == "fully-compliant" and stated.issues:
        report.warn(
            ("accessibility", "issues"),
            "a `fully-compliant` site has no issues to list",
            "if these fail WCAG 2.2 AA, write `status: partially-compliant`; otherwise remove them",
        )
    if stated.tested is None:
        report.warn(
            ("accessibility", "tested_by" if stated.tested_by is not None else "status"),
            "the statement does not say when the site was last tested"
            + (", only by whom" if stated.tested_by is not None else ""),
            "add `tested`: the day (YYYY-MM-DD) of the last test against WCAG 2.2 AA, on which the status rests",
        )
    if stated.reviewed is not None and stated.reviewed.end < stated.prepared.start:
        report.error(
            ("accessibility", "reviewed"),
            f"the statement was reviewed ({stated.reviewed}) before it was prepared ({stated.prepared})",
            "check both dates: `reviewed` is the last time the statement was looked at again",
        )
    if as_of is None:
        return
    dated = {"prepared": stated.prepared, "reviewed": stated.reviewed, "tested": stated.tested}
    not_after(report, ((("accessibility", key), key, date) for key, date in dated.items()), as_of)
    last, done = stated.prepared, "prepared"
    if stated.reviewed is not None and stated.reviewed.end >= last.end:
        last, done = stated.reviewed, "reviewed"
    if as_of - last.end > STALE_AFTER:
        report.warn(
            ("accessibility", done),
            f"the accessibility statement was last {done} {last}, over a year before the as-of date {as_of}",
            "review it against the site as it is now (the regulations ask for a regular review, at least once a "
            "year), and write the day in `reviewed`",
        )


_MOST_JUDGEMENTS = 100


def _key_for(label: str) -> str:
    """A grade's key made of its label's words, other than the one kept for no grade."""
    return next(key for key in (slugify(label), "none-of-these") if key and key != NO_GRADE)


def validate_frameworks(doc: Document) -> tuple[Frameworks | None, list[Problem]]:
    report = Report(doc)
    frameworks = parse_model(doc, Frameworks, report)
    if frameworks is None:
        return None, report.problems
    for name, scale in frameworks.scales.items():
        labelled: dict[str, str] = {}  # a label as readers tell them apart: the first grade with it
        for grade, label in scale.items():
            if (first := labelled.setdefault(" ".join(label.split()).casefold(), grade)) != grade:
                # Pages would name two places on the scale alike, and the map's key would list both.
                report.error(
                    ("scales", name, grade),
                    f"grade `{grade}` has the label of grade `{first}`, `{label}`",
                    "give each grade of a scale its own label, as the reports word it",
                )
            if grade == NO_GRADE:
                # The key of the list of authorities with no single grade (grades/none/, and
                # the data's `none`): a grade of that name would lose its page to it.
                report.error(
                    ("scales", name, grade),
                    f"grade `{grade}` is the site's own name for no single grade: its page would be that list's",
                    f"give the grade a key from its label's words, e.g. `{_key_for(label)}`",
                    key=True,
                )
            elif meant := _misspelt_grade(grade, label):
                # An error, so that no authority file is checked against it: each would
                # otherwise be told to write the misspelling.
                report.error(
                    ("scales", name, grade),
                    f"grade `{grade}` misspells the words of its label, `{label}`",
                    f"authority files write a grade as its label's words: write `{meant}`",
                    key=True,
                )
    # Each type's judgements are limited; across the types, so is the number of different
    # ones: every one is a field of each inspection's form in the content manager.
    if len(judgements := frameworks.judgement_keys()) > _MOST_JUDGEMENTS:
        first = judgements[_MOST_JUDGEMENTS]
        key = next(key for key, kind in frameworks.types.items() if first in kind.judgements)
        report.error(
            ("types", key, "judgements", first),
            f"frameworks.yaml has more than {_MOST_JUDGEMENTS} different judgements across its types",
            "give judgements that mean the same the same key in every type (`overall`, "
            "`help-and-protection`), or remove types no inspection uses",
            key=True,
        )
    for key, kind in frameworks.types.items():
        at = ("types", key)
        if kind.graded:
            if kind.scale is None:
                report.error(
                    at + ("scale",),
                    f"graded type `{key}` has no `scale`",
                    "name one of the scales, or set `graded: false`",
                )
            elif kind.scale not in frameworks.scales:
                report.error(
                    at + ("scale",), f"unknown scale `{kind.scale}`", did_you_mean(kind.scale, frameworks.scales)
                )
            if not kind.headline:
                report.error(
                    at + ("headline",),
                    f"graded type `{key}` has no `headline` judgements",
                    "list the judgement keys overviews show, e.g. `headline: [overall]`",
                )
            for i, judgement in enumerate(kind.headline):
                if judgement not in kind.judgements:
                    report.error(
                        at + ("headline", i),
                        f"headline judgement `{judgement}` is not among this type's judgements",
                        did_you_mean(judgement, kind.judgements),
                    )
        else:
            for name in ("scale", "headline", "judgements"):
                if getattr(kind, name):
                    report.error(
                        at + (name,),
                        f"ungraded type `{key}` has `{name}`",
                        f"remove `{name}`, or set `graded: true`",
                        key=True,
                    )
        if kind.description and (problem := markdown_problem(kind.description)):
            report.warn(at + ("description",), *problem)
        if kind.in_use and kind.in_use.from_ and kind.in_use.to and kind.in_use.to.end < kind.in_use.from_.start:
            report.error(at + ("in_use", "to"), "`in_use.to` is before `in_use.from`", "swap the two dates")
        for judgement in kind.judgements:
            start, end = kind.judgement_period(judgement)
            if start and end and end.end < start.start:
                report.error(at + ("judgements", judgement, "to"), "`to` is before `from`", "swap the two dates")
    return (None if any(p.is_error for p in report.problems) else frameworks), report.problems


def _misspelt_grade(grade: str, label: str) -> str | None:
    """The key a grade's label spells, when the key is that with a word misspelt: `requires-improvment`.

    A slip is one letter left out, added, changed or swapped with the next, in a word of
    five letters or more. A key that is not its label's words at all (`ri`), or words of
    them in another form (`area` for "Areas", `childrens` for "Children's"), is a choice.
    """
    said = [word.replace("'", "") for word in re.findall(r"[a-z]+(?:'[a-z]+)*", label.lower().replace("’", "'"))]
    written = grade.split("-")
    meant = [w if w in said else next((m for m in said if _slip(w, m)), w) for w in written]
    return "-".join(meant) if meant != written and all(w in said for w in meant) else None


def _slip(written: str, meant: str) -> bool:
    """Whether written is meant with one letter left out, added, changed or swapped, before the
    word's last two: a change there makes another form of it (`required`, `declined`, `areas`)."""
    if min(len(written), len(meant)) < 5:
        return False
    end = max(len(written), len(meant)) - 2
    if len(written) == len(meant):
        differ = [k for k in range(len(meant)) if written[k] != meant[k]]
        swapped = (
            len(differ) == 2
            and differ[1] == differ[0] + 1
            and written[differ[0]] == meant[differ[1]]
            and written[differ[1]] == meant[differ[0]]
        )
        return (len(differ) == 1 or swapped) and differ[-1] < end
    short, long = sorted((written, meant), key=len)
    return len(long) - len(short) == 1 and any(long[:k] + long[k + 1 :] == short for k in range(end))


# The content manager's settings that send editors elsewhere: their logins, and their changes.
_CMS_REACH = {
    "auth_url": "the content manager sends each editor's GitHub login through it",
    "repo": "the content manager saves each editor's changes to it",
}


def cms_changes(doc: Document, before: bytes | None) -> list[Problem]:
    """A warning at each `cms` setting this change makes or changes that sends editors elsewhere.

    A pull request may change site.yaml as it may any content; one that sets `auth_url` to a
    server of its author's would receive the GitHub login of every editor after it is merged.
    """
    now = doc.data.get("cms") if isinstance(doc.data, dict) else None
    if not isinstance(now, dict) or before is None:  # None: no commit says what the change is
        return []
    try:
        # The file as it was may hold anything: the base loader builds plain text only.
        then = yaml.load(before, yaml.CBaseLoader)
    except (yaml.YAMLError, RecursionError):
        then = None
    was = then.get("cms") if isinstance(then, dict) else None
    was = was if isinstance(was, dict) else {}
    report = Report(doc)
    for key, reach in _CMS_REACH.items():
        if now.get(key) is not None and str(now[key]) != str(was.get(key, "")):
            earlier = f"; if this change did not mean to, put back `{was[key]}`" if was.get(key) else ""
            report.warn(
                ("cms", key),
                f"this change sets `cms.{key}`, and {reach}",
                f"a maintainer should confirm it is the publisher's own before this is merged{earlier}",
            )
    return report.problems


class FrameworksError(Exception):
    """frameworks.yaml is missing or does not pass the checker."""


def load_frameworks(content: Path) -> Frameworks:
    """frameworks.yaml as the tools that write content (`new`, `import`) need it, or FrameworksError."""
    path = content / "frameworks.yaml"
    if not path.is_file():
        raise FrameworksError(f"there is no {shown_path(path)}; pass the content folder with --content")
    doc, problems = load_file(path, shown_path(path))
    frameworks = None
    if doc is not None:
        frameworks, found = validate_frameworks(doc)
        problems = problems + found
    if frameworks is None:
        raise FrameworksError(
            f"{shown_path(path)} has errors, so the inspection types are not known:\n"
            f"{format_text([p for p in problems if p.is_error])}"
        )
    return frameworks
