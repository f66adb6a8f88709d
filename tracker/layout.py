"""How an authority file is laid out: rules run once the model has been tried, before its
errors are told.

A key written under the wrong entry, or indented too far or not far enough; `start` and
`end` for `from` and `to`; an entry among a list of ids; a `todo` that `new` left; a block
filled in but still commented out. Each settles what the model's errors would otherwise
say of the same mistake (report.settled), so that an editor reads one message for one
mistake. And, once the model's errors are told, a number the model took but not as
written (misread_numbers).
"""

from __future__ import annotations

import re
import typing
from typing import Any

from pydantic import BaseModel

from .explain import (
    ENTRIES,
    Report,
    as_read,
    deletion,
    entries_with,
    fields_at,
    fill_in,
    grades_hint,
    is_required,
    keys_of,
    leading_zero,
    models_at,
    value_at,
    with_ids,
)
from .load import BLOCK_END, BLOCK_START, Document, Path_, in_brackets, resolve_plain
from .model import (
    Action,
    Authority,
    Delivery,
    Frameworks,
    Inspection,
    Note,
    Plan,
    Recommendation,
    Source,
    Status,
    Update,
)
from .problems import listing


def misread_numbers(report: Report) -> None:
    """A number in range but not as written (`ofsted: 00123456` is 42798): the model takes it,
    so it is told here, also beside the errors of a file the model refused (where the model
    said nothing of it), so that it is not left for a later round of fixes."""
    data = report.doc.data
    listed = data.get("inspections") if isinstance(data, dict) else None
    counts = [("inspections", i, "recommendation_count") for i in range(len(listed) if isinstance(listed, list) else 0)]
    told = {(p.line, p.col) for p in report.problems}
    for path in [("codes", "dfe"), ("codes", "ofsted"), *counts]:
        node = report.doc.node(path)
        if node is None or not node.plain or node.raw is None or (node.raw.isdigit() and node.raw[0] != "0"):
            continue
        value = resolve_plain(node.raw)
        if isinstance(value, int) and node.raw != str(value) and report.doc.locate(path) not in told:
            report.error(
                path,
                f"`{path[-1]}`: {as_read(node.raw, value)}",
                leading_zero(node.raw) or "write the number in plain digits",
            )


def layout_rules(report: Report, frameworks: Frameworks, taken: bool) -> None:
    """The rules run once the model has been tried (taken: whether it took the file) and before
    its errors are told, since they settle what those errors would otherwise say."""
    _misplaced(report)
    _stray_keys(report)
    _period_ends(report)
    if not taken:
        _entries_among_ids(report)  # a list of ids with an entry among it: never taken
    _placeholders(report, frameworks)
    _left_commented(report)


def _misplaced(report: Report) -> None:
    """An entry written under the wrong heading (an inspection added after `plans:`), said once.

    Its keys are unknown where it is and its required ones missing; one error naming
    where it belongs replaces them all.
    """
    data = report.doc.data
    if not isinstance(data, dict):
        return
    lists: list[tuple[Path_, type[BaseModel], Any]] = [
        ((section,), model, data.get(section))
        for section, model in (("sources", Source), ("inspections", Inspection), ("plans", Plan), ("notes", Note))
    ]
    inspections, plans = data.get("inspections"), data.get("plans")  # the model says what else they are
    for i, inspection in enumerate(inspections if isinstance(inspections, list) else []):
        if isinstance(inspection, dict):
            lists.append((("inspections", i, "recommendations"), Recommendation, inspection.get("recommendations")))
            lists.append((("inspections", i, "notes"), Note, inspection.get("notes")))
    for i, plan in enumerate(plans if isinstance(plans, list) else []):
        if isinstance(plan, dict):
            actions = plan.get("actions")
            lists.append((("plans", i, "actions"), Action, actions))
            for j, action in enumerate(actions if isinstance(actions, list) else []):
                if isinstance(action, dict):  # an action written one step too far in
                    lists.append((("plans", i, "actions", j, "updates"), Update, action.get("updates")))
    for path, model, items in lists:
        here = keys_of(model)
        spans: dict[int, tuple[int, int]] | None = None  # each entry's first and last line, when needed
        started: set[str] = set()  # sections the file lacks, told once where to start
        for k, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, dict) or item.keys() <= here:
                continue  # nearly every entry: in its place
            fits = entries_with(item.keys(), but=model)
            if len(fits) != 1 or (model is Plan and item.keys() - here == {"status"}):
                continue  # a plan given a `status`, as a tracker has one, is told what a plan has instead
            kind, what, section, where = fits[0]
            unknown = ", ".join(f"`{key}`" for key in item if key not in here)
            if what == "an update":
                spans = spans or _spans(report.doc, path)
                hint = _update_of(report.doc, path, items, k, spans)
            elif len(path) >= 3 and any(one is kind and key == path[-3] for one, _, key, _ in ENTRIES):
                # One of the entries around it (an action under an action's updates): one step too far in.
                col = report.doc.locate((*path, k))[1]
                above, left = report.doc.locate(path[:-1])
                hint = (
                    f"move it and its lines {col - left} spaces left, so that its `-` is under the `-` of line {above}"
                )
            elif kind in (Source, Inspection, Plan, Delivery) and section not in data and (kin := _kin(items, kind)):
                # The first of its kind: its section's line is what is missing.
                line = report.doc.locate((*path, k))[0]
                own = [j for j in range(k + 1, len(items)) if isinstance(items[j], dict) and items[j].keys() <= here]
                # The first of its kind after the list's own entries, above which the section will start.
                after = next((j for j in range(own[-1] + 1, len(items)) if j in kin), None) if own else None
                if own and after is not None:
                    hint = (
                        f"the file has no `{section}:` yet: move it down to just above the entry on line "
                        f"{report.doc.locate((*path, after))[0]}, and write `{section}:` above them both"
                    )
                elif own:  # among the list's own entries: a section started here would take them
                    last = report.doc.locate((*path, own[-1]))[0]
                    hint = (
                        f"the file has no `{section}:` yet: move it below the last entry of `{path[-1]}:` (from "
                        f"line {last}), and write `{section}:` above it, on a line of its own, not indented"
                    )
                elif section in started:
                    report.settled_under.add((*path, k))
                    continue  # in the section the first one's hint starts
                else:
                    started.add(section)
                    hint = (
                        f"the file has no `{section}:` yet: write `{section}:` on a line of its own, not indented, "
                        f"just above line {line}"
                    )
            else:
                hint = f"move it {where}"
            report.error(
                (*path, k), f"this entry has the keys of {what} ({unknown}), but it is under `{path[-1]}:`", hint
            )
            report.settled_under.add((*path, k))


def _stray_keys(report: Report) -> None:
    """A key written one step too far in or out, told where it belongs, said once.

    An inspection's `summary:` indented under its `judgements:` would be told it is no
    grade (or too long for one); an action's `responds_to:` written as far in as its
    plan's keys, that it is unknown there. Either hint would lose what the editor wrote.
    """
    doc, data = report.doc, report.doc.data
    if not isinstance(data, dict):
        return
    inspections, plans = data.get("inspections"), data.get("plans")
    graded = (
        {key for kind in report.frameworks.types.values() for key in kind.judgements} if report.frameworks else set()
    )
    own = keys_of(Inspection) - graded
    for i, inspection in enumerate(inspections if isinstance(inspections, list) else []):
        if not isinstance(inspection, dict):
            continue
        judgements = inspection.get("judgements")
        for key in judgements if isinstance(judgements, dict) else ():
            if key in own:
                line, col = doc.locate(("inspections", i, "judgements"), key=True)
                report.error(
                    ("inspections", i, "judgements", key),
                    f"`{key}` is a key of the inspection, not a judgement, but it is written under `judgements:`",
                    f"write it as far in as `judgements:`: {col - 1} spaces, like line {line}",
                    key=True,
                )
                report.settled_under.add(("inspections", i, "judgements", key))
                report.settled.add(("inspections", i, key))  # missing there for this one reason
        _too_shallow(report, ("inspections", i), inspection, Inspection, "recommendations", Recommendation)
    for i, plan in enumerate(plans if isinstance(plans, list) else []):
        if not isinstance(plan, dict):
            continue
        _too_shallow(report, ("plans", i), plan, Plan, "actions", Action)
        actions = plan.get("actions")
        for j, action in enumerate(actions if isinstance(actions, list) else []):
            if isinstance(action, dict):
                _too_shallow(report, ("plans", i, "actions", j), action, Action, "updates", Update)


# What a period's ends are called elsewhere (a spreadsheet's columns, a form's fields).
_ENDS = {"start": "from", "starts": "from", "begin": "from", "end": "to", "ends": "to", "until": "to", "finish": "to"}


def _period_ends(report: Report) -> None:
    """A visit's or a period of delivery's ends written `start:` and `end:`: one error at each
    word, with the word to write, where the model would say each is unknown and that `from`
    and `to` are missing."""
    data = report.doc.data
    if not isinstance(data, dict):
        return
    inspections, delivery = data.get("inspections"), data.get("delivery")
    periods: list[tuple[Path_, Any]] = [
        (("inspections", i, "visited"), inspection.get("visited"))
        for i, inspection in enumerate(inspections if isinstance(inspections, list) else [])
        if isinstance(inspection, dict)
    ]
    periods += [(("delivery", i), period) for i, period in enumerate(delivery if isinstance(delivery, list) else [])]
    for path, period in periods:
        if not isinstance(period, dict):
            continue
        for key in period:
            meant = _ENDS.get(str(key).lower())
            if meant is None or meant in period:
                continue
            what = "a visit's dates are" if path[-1] == "visited" else "a period's dates are"
            report.error(
                (*path, key),
                f"`{key}` is written `{meant}` here",
                f"write `{meant}:` in place of `{key}:`: {what} `from:` and `to:`",
                key=True,
            )
            report.settled.update({(*path, key), (*path, meant)})


def _too_shallow(
    report: Report, path: Path_, entry: dict[Any, Any], model: type[BaseModel], key: str, child: type[BaseModel]
) -> None:
    """Keys of entry's last item under key (an action of a plan) written after it as far in as entry's own."""
    items = entry.get(key)
    if not isinstance(items, list) or not items or not isinstance(items[-1], dict) or not items[-1]:
        return
    if entry.keys() <= keys_of(model):
        return  # nearly always: every key is the entry's own
    last = items[-1]
    doc = report.doc
    what = next(name for kind, name, *_ in ENTRIES if kind is child)
    first = next(iter(last))
    line, col = doc.locate((*path, key, len(items) - 1, first), key=True)
    braces = doc.source_line(line)[: col - 1].rstrip().endswith("{")  # `- {date: ..., status: ...}`
    for stray in entry:
        if stray in keys_of(model) or stray not in keys_of(child):
            continue
        at, stray_col = doc.locate((*path, stray), key=True)
        if at <= line:
            continue  # written before the items, or on one line with them: another mistake
        if braces:
            hint = f"if it belongs to {what} above it, write it inside its braces on line {line}, after a comma"
        else:
            node = doc.node((*path, stray))
            lines = node is not None and doc.last_line(node.line, node.col) > at
            hint = (
                f"if it belongs to {what} above it, move it {col - stray_col} spaces right, in line with that one's "
                f"keys (line {line})" + (", and the lines of its value with it" if lines else "")
            )
        report.error((*path, stray), f"`{stray}` is a key of {what}, not of the entry it is written in", hint, key=True)
        report.settled.add((*path, stray))
        report.settled.add((*path, key, len(items) - 1, stray))  # missing there for this one reason


def _kin(items: list[Any], kind: type[BaseModel]) -> set[int]:
    """The indexes of the entries of items that have the keys of kind and of no other entry."""
    return {
        j
        for j, item in enumerate(items)
        if isinstance(item, dict) and [fit[0] for fit in entries_with(item.keys())] == [kind]
    }


def _entries_among_ids(report: Report) -> None:
    """Entries that follow a list of ids written one per line, and so became items of it, said once per run.

    `sources:` then `- ilacs-report`, then `- id: r1` with the `recommendations:` line
    left out: each entry would be told it "must be text", and the hint to write text
    there would lose the editor's recommendations.
    """
    lists: list[tuple[Path_, Any]] = []

    def walk(path: Path_, value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, (dict, list)):
                    walk((*path, key), item)
        elif isinstance(value, list):
            entries = [item for item in value if isinstance(item, (dict, list))]
            # A list of ids or names with an entry among them.
            if entries and len(entries) < len(value) and path and isinstance(path[-1], str):
                lists.append((path, value))
            for k, item in enumerate(value):
                if isinstance(item, (dict, list)):
                    walk((*path, k), item)

    walk((), report.doc.data)
    for path, items in lists:
        if models_at(Authority, (*path, 0)):
            continue  # a list of entries with text among them: the text is what is wrong
        said = False  # of the run of entries this item is in
        for k, item in enumerate(items):
            if not isinstance(item, dict):
                said = False
                continue
            fits = [] if said or not item else entries_with(item.keys())
            if len(fits) == 1:
                _, what, key, where = fits[0]
                report.error(
                    (*path, k),
                    f"this entry has the keys of {what}, but it is an item of `{path[-1]}`",
                    _own_list(report, path, key, where),
                )
                said = True
            if said:
                report.settled_under.add((*path, k))


def _own_list(report: Report, path: Path_, key: str, where: str) -> str:
    """Where an entry found in the list at path goes: likely a list of its own beside that one, its key left out."""
    beside = value_at(report.doc.data, path[:-1])
    if isinstance(beside, dict) and key in beside:
        return f"move it under `{key}:` on line {report.doc.locate((*path[:-1], key), key=True)[0]}"
    if key in fields_at(Authority, path[:-1]):
        return (
            f"if it starts the `{key}` of this entry, write `{key}:` on the line before it, in line with "
            f"`{path[-1]}:` on line {report.doc.locate(path, key=True)[0]}"
        )
    return f"move it {where}"


def _spans(doc: Document, path: Path_) -> dict[int, tuple[int, int]]:
    """The first and last line of each entry of the list at path."""
    starts: dict[int, tuple[tuple[int, int], tuple[int, int]]] = {}  # the first and last value's position
    depth = len(path)
    for at, node in doc.index.items():
        if len(at) > depth and at[:depth] == path and isinstance(k := at[depth], int):
            here = (node.line, node.col)
            first, last = starts.get(k, (here, here))
            starts[k] = (min(first, here), max(last, here))
    return {k: (first[0], doc.last_line(*last)) for k, (first, last) in starts.items()}


def _update_of(doc: Document, path: Path_, actions: list[Any], k: int, spans: dict[int, tuple[int, int]]) -> str:
    """Where an update written among the actions goes: most likely, the action above it (past other updates).

    Said in lines and spaces: an editor who only indents its first line, or by too little,
    makes of the rest another mistake.
    """
    j = next((j for j in range(k - 1, -1, -1) if not isinstance(actions[j], dict) or "id" in actions[j]), None)
    above = actions[j] if j is not None else None
    if j is None or not isinstance(above, dict) or not isinstance(above.get("id"), str):
        return "move it under an action's `updates:`"
    named = f"if it is an update to action `{above['id']}` above"
    first, last = spans.get(k, (0, 0))
    lines = f"line {first}" if first == last else f"lines {first} to {last}"
    dash = _dash_column(doc, (*path, k))
    if "updates" in above:
        under = _dash_column(doc, (*path, j, "updates", 0))
        if dash is None or under is None or under <= dash:
            return f"{named}, indent it as far as that action's other updates"
        return f"{named}, indent {lines} by {under - dash} more spaces, as far as that action's other updates"
    keys = doc.locate((*path, j, "id"), key=True)[1] - 1  # the action's keys' indent
    if dash is None or keys + 2 <= dash or in_brackets(doc.lines, doc.node((*path, j))):
        # A `{...}` action has no keys on lines of their own to line `updates:` up with.
        return f"{named}, write `updates:` under that action, lined up with its keys, and indent this entry further"
    # The lines to move first: written the other way round, the new line would shift them.
    return (
        f"{named}, indent {lines} by {keys + 2 - dash} more spaces, then write `updates:` on a new line "
        f"after line {spans[j][1]}, indented {keys} spaces like that action's keys"
    )


def _dash_column(doc: Document, path: Path_) -> int | None:
    """The indent of the `- ` that starts the list item at path, if it is written so."""
    node = doc.node(path)
    if node is None or node.col < 3:
        return None
    dash = node.col - 3
    return dash if doc.source_line(node.line)[dash : dash + 2] == "- " else None


# What `new` writes for a value to fill in, and what editors write for one: `todo`,
# `TODO: the date`, `TODO.`, `TODO fill in`, `[TODO]` in quotes; not a sentence that
# starts with the word (`Todo list agreed`).
_TODO = re.compile(r"\[?(?:TODO(?![A-Za-z0-9])|(?i:todo)(?::|\.?\]?$))")


# What a block `new` adds holds until it is filled in: `""`, `todo`, `[todo]`, a date to write.
_UNFILLED = re.compile(r'""|: todo\b|\[todo\]|YYYY-MM-DD')


def _left_commented(report: Report) -> None:
    """Each block `new` added whose values are filled in but whose lines are still commented
    out: YAML skips them, so nothing else would tell of them, and the page shows nothing."""
    doc = report.doc
    if BLOCK_START not in doc.text:
        return
    start = None
    for number, line in enumerate(doc.lines, 1):
        written = line.lstrip(" ")
        if written.startswith(BLOCK_END):
            inside = [doc.lines[n - 1].lstrip(" ") for n in range(start or number, number)]
            body = [
                (n, text[2:].split(" # ")[0])
                for n, text in enumerate(inside, start or number)
                if text.startswith("# ") and not text[2:].lstrip().startswith("#")
            ]
            # A line of YAML among them: the block is uncommented, and what is left are its notes.
            uncommented = any(text and not text.startswith("#") for text in inside)
            if start is not None and body and not uncommented and not any(_UNFILLED.search(v) for _, v in body):
                first, last = body[0][0], body[-1][0]
                report.warn_at(
                    (first, len(doc.lines[first - 1]) - len(doc.lines[first - 1].lstrip(" ")) + 1),
                    "this block that `new` added is filled in but still commented out: YAML skips its lines, so "
                    "the page will not show it",
                    f"remove the `# ` at the start of lines {first} to {last}, and delete the lines starting `##`",
                )
            start = None
        elif written.startswith(BLOCK_START):
            start = number + 1


def _placeholders(report: Report, frameworks: Frameworks) -> None:
    """Each `todo` that `new` wrote for a value to fill in, reported before anything else.

    It stands for a grade, a status, a number, a code or a reference. Left to the model
    and the rules, each would be found in a different round: a number's at once, a
    grade's or a source's only once the file has no other error. Found here, every one
    is said at once, and nothing else is said of it.
    """
    data = report.doc.data
    text = report.doc.text
    if "todo" not in text and "TODO" not in text and "Todo" not in text:
        return  # nearly every file: a search of its text (a plain one: fast) instead of a walk
    stack: list[tuple[Path_, Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for part, item in items:
            if isinstance(item, (dict, list)):
                stack.append(((*path, part), item))
            elif isinstance(item, str) and _TODO.match(item.strip()):
                key = next((str(p) for p in reversed(path + (part,)) if isinstance(p, str)), "value")
                shown = item.strip() if len(item.strip()) <= 40 else item.strip()[:39] + "…"
                if not isinstance(part, int):
                    written = f"`{key}: {shown}`"
                else:
                    written = f"`{key}: [{shown}]`" if len(value) == 1 else f"`{shown}` in `{key}`"
                hint = _todo_hint(report.doc, (*path, part), key, frameworks, shown)
                report.error((*path, part), f"{written} is a placeholder that was not filled in", hint)
                report.settled.add((*path, part))


def _todo_hint(doc: Document, path: Path_, key: str, frameworks: Frameworks, shown: str) -> str:
    data, delete = doc.data, deletion(doc, path, shown)
    if "judgements" in path and path[0] == "inspections" and isinstance(path[1], int):
        return grades_hint(data, path, key, frameworks, delete)
    if key == "sources" and path[0] == "sources":
        # The file's own list of sources, not an item's ids citing them.
        return "list the file's sources, each with its `id`, `title`, `publisher` and `url`"
    if key == "sources":
        sources = data.get("sources") if isinstance(data, dict) else None
        ids = [s["id"] for s in sources or [] if isinstance(s, dict) and isinstance(s.get("id"), str) and s["id"]]
        listed = listing(ids, last=True) if ids else "none has an id yet"
        cited = path if isinstance(path[-1], str) else path[:-1]  # `sources: todo`, or `sources: [todo]`
        optional = "" if is_required(Authority, cited) else f", or {delete}"
        return f"write the id of each source that says so, from the file's `sources:` ({listed}){optional}"
    if key == "responds_to" and path[0] == "plans" and (answered := _answered_points(data, path)):
        return (
            f"write the ids of the recommendations it answers, from those of the inspections its plan answers: "
            f"{listing(answered)}; or {delete}"
        )
    if key == "in_response_to" and (inspections := [i["id"] for i in with_ids(data, "inspections") if i["id"]]):
        # The file's own, in its order; of many, the last, which an editor adding an inspection
        # and then its plan has just written.
        listed = listing(inspections, last=True)
        return f"write the ids of the inspections it answers, from the file's: {listed}; or {delete}"
    if key in _TODO_HINTS:
        return _TODO_HINTS[key].format(delete=delete)
    if isinstance(path[-1], str):
        return fill_in(doc, Authority, path, "the value", shown)
    return "write the value, or delete the item"


def _answered_points(data: Any, path: Path_) -> list[str]:
    """The recommendation ids of the inspections an action's plan answers, from the file as written."""
    plan = value_at(data, path[:2])
    answered = plan.get("in_response_to") if isinstance(plan, dict) else None
    inspections = data.get("inspections") if isinstance(data, dict) else None
    if not isinstance(answered, list) or not isinstance(inspections, list):
        return []
    return [
        f"{i['id']}/{r['id']}"
        for i in inspections
        if isinstance(i, dict) and i.get("id") in answered and isinstance(i.get("recommendations"), list)
        for r in i["recommendations"]
        if isinstance(r, dict) and isinstance(r.get("id"), str)
    ]


# `{delete}`: how to remove the value where it is written (deletion).
_TODO_HINTS = {
    "status": "write one of: " + ", ".join(f"`{s}`" for s in typing.get_args(Status)),
    "workstream": "write the id of one of the plan's `workstreams`",
    "responds_to": "write the ids of the recommendations it answers, like `ilacs-2023/r1`, or {delete}",
    "in_response_to": "write the ids of the inspections it answers, like `ilacs-2023`, or {delete}",
    "recommendation_count": "write how many points the report lists, in digits, or {delete}",
    "gss": "write the ONS code, E and 8 digits, like `E06000051`, or delete it",
    "dfe": "write the 3-digit DfE local authority number, like `885`, or delete it",
    "ofsted": "write the 5- to 8-digit Ofsted URN, like `80584`, or delete it",
}
