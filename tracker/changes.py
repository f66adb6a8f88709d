"""What a pull request changed in the files it edits, against the same files on the branch it
goes into: ids renamed (part of addresses readers keep), inspections, points and actions
deleted, what an action's own fields or its published updates said, rewritten, and grades
rewritten with no correction to tell readers. Told as warnings, with what the change broke;
each function reads both versions as plain data (the base loader's), so a file that fails
its own rules is compared too.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import re
import typing
from collections.abc import Collection, Iterable, Iterator
from typing import Any, NamedTuple

from pydantic_core import PydanticCustomError

from .load import Document, Path_
from .model import SLUG_PATTERN, PartialDate, Status
from .problems import Problem

Renamed = tuple[Path_, str, str, str]  # where the id is now, what has it, the id before, the id now


# Both versions are plain data, which may hold anything where a list or a mapping belongs.
def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


_OWNER = {"recommendation": "inspection", "action": "plan"}  # what holds a list of each


def renamed_ids(before: Any, now: Any) -> list[Renamed]:
    """Ids this change renamed in a file it edits (before and now: the file's data): each is
    part of an address readers have.

    An id is renamed where, in the same list, the entry that had it has another that the
    list did not have (an entry removed, or another added, moves none of the others').
    """
    old, new = dict(_id_lists(before)), dict(_id_lists(now))
    found: list[Renamed] = []
    # An inspection's or a plan's new id, for the list of points or actions it holds: renamed
    # together, each is told. _id_lists gives each outer list before the lists inside it.
    owners: dict[tuple[str, str], str] = {}
    for (kind, parent), (_, was) in old.items():
        owner = owners.get((_OWNER.get(kind, ""), parent), parent)
        path, ids = new.get((kind, owner), ((), []))
        gone, added = set(was) - set(ids), set(ids) - set(was)
        for index, (then, given) in enumerate(zip(was, ids, strict=False)):
            if then and given and then != given and then in gone and given in added:
                found.append(((*path, index, "id"), kind, then, given))
                owners[kind, then] = given
    # Actions renumbered after a reorder keep every id, each on another action: known by
    # their titles, each the same in one plan before and after.
    said = {r[0] for r in found}
    titled, titled_now = _titled(before), _titled(now)
    for plan_id, action_id, path, action in _actions(now):
        key = (plan_id, str(action.get("title")))
        named = titled.get(key)
        if named is not None and named != action_id and key in titled_now and (*path, "id") not in said:
            found.append(((*path, "id"), "action", named, action_id))
    return found


def _titled(data: Any) -> dict[tuple[str, str], str]:
    """A file's actions by (plan id, title), where the plan has that title once: their ids."""
    pairs = [(plan_id, action.get("title"), action_id) for plan_id, action_id, _, action in _actions(data)]
    counted = collections.Counter((plan_id, str(title)) for plan_id, title, _ in pairs if isinstance(title, str))
    return {
        (plan_id, title): action_id
        for plan_id, title, action_id in pairs
        if isinstance(title, str) and counted[plan_id, title] == 1
    }


def renamed_problem(doc: Document, renamed: Renamed) -> Problem:
    path, kind, then, given = renamed
    linked = {
        "recommendation": "links to it on its page are",
        "plan": "links to it and to each of its actions on its page (and their entries in the feeds) are",
    }.get(kind, "links to it on its page (and its entries in the feeds) are")
    why = "part of its address" if kind == "plan" else "an address, not a number to keep in order"
    return doc.problem(
        path,
        f"{kind} `{then}` is renamed `{given}`: {linked} made from its id, so a link a reader kept will find nothing",
        f"keep the id it had before this change, `{then}`: an id is {why} (if the old id was itself wrong, let "
        "this warning stand)",
        severity="warning",
    )


def renamed_references(now: Any, renamed: Iterable[Renamed]) -> list[tuple[str, str]]:
    """(before, now) as a plan's `responds_to` and `in_response_to` name what was renamed: an
    inspection by its id, a recommendation as `inspection/id` (now: the file's data)."""
    pairs: list[tuple[str, str]] = []
    for path, kind, then, given in renamed:
        if kind == "inspection":
            pairs.append((then, given))
        elif kind == "recommendation":
            inspection = now["inspections"][path[1]]["id"]
            pairs.append((f"{inspection}/{then}", f"{inspection}/{given}"))
    return pairs


def renamed_reference_problems(problems: list[Problem], file: str, pairs: list[tuple[str, str]]) -> list[Problem]:
    """A file's problems, told with what this change renamed: a reference to the id before
    (an error whose hint, read alone, says to remove it) says to give the id back, and the
    renamed point's own "no action answers it" (a consequence) goes."""
    renamed = dict(pairs)
    unanswered = {f"no plan action responds to recommendation `{given}`" for _, given in pairs}
    told: list[Problem] = []
    for p in problems:
        if p.file != file:
            told.append(p)
            continue
        if p.message in unanswered:
            continue
        written = _UNKNOWN_REFERENCE.fullmatch(p.message)
        ref = written[1] or written[2] if written else ""
        # A point's reference is broken by its point's rename, or its inspection's.
        then = ref if ref in renamed else ref.partition("/")[0] if ref.partition("/")[0] in renamed else ""
        if then:
            was, now = then.rpartition("/")[2], renamed[then].rpartition("/")[2]
            meant = renamed[then] + ref[len(then) :]
            p = dataclasses.replace(
                p,
                hint=f"this change renamed `{was}` `{now}`: give it back its id, `{was}`, which readers' links "
                f"and this reference use (or, if the new id must stay, write `{meant}` here)",
            )
        told.append(p)
    return told


_UNKNOWN_REFERENCE = re.compile(r"`(.+)` is not a recommendation in this file|unknown inspection `(.+)`")


class Rewritten(typing.NamedTuple):
    path: Path_  # where the value is now, its key last
    action: str  # the action's id
    then: str | None  # None: an update did not say it
    given: str | None  # None: the key is gone
    recorded: str | None  # the date of an update that already says so
    update: str | None = None  # the date of the update rewritten; None: the action's own


def rewritten_actions(before: Any, now: Any, renamed: Collection[Renamed]) -> list[Rewritten]:
    """An action's own `due` or `status` this change rewrote or removed (before and now: the
    file's data; renamed: the ids it renamed).

    They are what the plan set at its start: a date moved since, or progress made, is an
    update's, dated, which the page shows (the date beside the first, with how often it
    moved). Rewritten on the action, an overdue action stops being overdue with nothing
    to show it was, and a done one is done from the plan's first day. A value that was not
    valid before is a correction, a date written more or less precisely the same, and an
    id now on another action's title (renumbered) is told as renamed.
    """
    was = _actions_before(before, renamed)
    titled = _titled(before)
    found: list[Rewritten] = []
    for plan_id, action_id, path, action in _actions(now):
        if titled.get((plan_id, str(action.get("title"))), action_id) != action_id:
            continue
        old = was.get((plan_id, action_id), ((), {}))[1]
        updates = [u for u in _listed(action.get("updates")) if isinstance(u, dict)]
        for key in ("due", "status"):
            then, given = old.get(key), action.get(key)
            if key == "due":
                then_date, given_date = _date_of(then), _date_of(given)
                # A date now written so that it is not one is an error of its own, not a deletion.
                if then_date is None or (given is not None and (given_date is None or given_date.end == then_date.end)):
                    continue
            elif not (_valid(key, then) and _valid(key, given) and then != given):
                continue
            said = next((str(u.get("date")) for u in updates if given is not None and u.get(key) == given), None)
            found.append(Rewritten((*path, key), action_id, str(then), given, said))
        found += _rewritten_updates(action_id, path, old.get("updates"), updates)
    return found


def _rewritten_updates(action_id: str, path: Path_, before: Any, updates: list[dict[str, Any]]) -> list[Rewritten]:
    """The status or due date an update already published is given, changed to or loses, and
    the updates published that are gone, by this change: an update records its day, the page
    says when each status was reached (a `done` given to an old update makes the action done
    that day), and feed readers were told of each."""
    was = [u for u in _listed(before) if isinstance(u, dict)]
    # Each known by its date, where its action has one update of that day.
    dated = collections.Counter(str(u.get("date")) for u in updates)
    was_dated = collections.Counter(str(u.get("date")) for u in was)
    old = {u["date"]: u for u in was if isinstance(u.get("date"), str) and was_dated[u["date"]] == 1}
    found: list[Rewritten] = []
    # Each published update paired with the update it is now: by its date, or, where its
    # date is gone, by the one new date alone that falls within it or holds it (`2018-10`
    # given its day), and that no other gone date could be.
    pairs = [
        (k, day)
        for k, u in enumerate(updates)
        if isinstance(day := u.get("date"), str) and dated[day] == 1 and day in old
    ]
    now_days = {str(u.get("date")) for u in updates}
    gone = [day for day in old if day not in now_days]
    fresh = [k for k, u in enumerate(updates) if str(u.get("date")) not in old]
    for day in gone:
        near = [k for k in fresh if _nested(day, updates[k].get("date"))]
        if len(near) == 1 and sum(_nested(other, updates[near[0]].get("date")) for other in gone) == 1:
            k = near[0]
            pairs.append((k, day))
            found.append(Rewritten((*path, "updates", k, "date"), action_id, day, str(updates[k]["date"]), None, day))
        else:  # deleted, or its date changed past knowing: told at `updates:`
            found.append(Rewritten((*path, "updates"), action_id, None, None, None, day))
    for k, day in pairs:
        for key in ("status", "due"):
            then, given = old[day].get(key), updates[k].get(key)
            if given is None and _valid(key, then):
                # Taken away: told at the update, the key being gone.
                found.append(Rewritten((*path, "updates", k, key), action_id, then, None, None, day))
                continue
            # Given where it was not, or changed; not where it was not valid (a correction).
            if not _valid(key, given) or (then is not None and not _valid(key, then)):
                continue
            if then is not None and (then == given or (key == "due" and _date_of(then) == _date_of(given))):
                continue
            found.append(Rewritten((*path, "updates", k, key), action_id, then, given, None, day))
    return found


def _nested(day: str, other: Any) -> bool:
    """Whether two dates, one perhaps more precise than the other, can be the same day."""
    a, b = _date_of(day), _date_of(other)
    if a is None or b is None:
        return False
    return a.start <= b.start <= b.end <= a.end or b.start <= a.start <= a.end <= b.end


def _valid(key: str, value: Any) -> bool:
    """Whether value is a status, or a date, as the key asks."""
    if not isinstance(value, str):
        return False
    return value in _STATUSES if key == "status" else _date_of(value) is not None


_STATUSES = frozenset(typing.get_args(Status))


def _date_of(value: Any) -> PartialDate | None:
    try:
        return PartialDate.parse(value) if isinstance(value, str) else None
    except PydanticCustomError:
        return None


def _plans(data: Any) -> Iterator[tuple[int, str, list[Any]]]:
    """Each plan in an authority file's data with an id of its own and a list of actions: (where,
    its id, its actions). A plan whose id the file repeats (an error of its own) cannot be told
    from the other: matched, its actions would be told renamed or deleted."""
    listed = _listed(data.get("plans")) if isinstance(data, dict) else []
    ids = collections.Counter(p["id"] for p in listed if isinstance(p, dict) and isinstance(p.get("id"), str))
    for i, plan in enumerate(listed):
        if (
            isinstance(plan, dict)
            and isinstance(plan.get("id"), str)
            and isinstance(plan.get("actions"), list)
            and ids[plan["id"]] == 1
        ):
            yield i, plan["id"], plan["actions"]


def _actions(data: Any) -> Iterator[tuple[str, str, Path_, dict[str, Any]]]:
    """Each action with an id, in a plan with one: (the plan's id, its id, where it is, its keys)."""
    for i, plan_id, actions in _plans(data):
        for j, action in enumerate(actions):
            if isinstance(action, dict) and isinstance(action.get("id"), str):
                yield plan_id, action["id"], ("plans", i, "actions", j), action


def _actions_before(before: Any, renamed: Collection[Renamed]) -> dict[tuple[str, str], tuple[Path_, dict[str, Any]]]:
    """The actions of the file before the change, where they were and their keys, by (plan id,
    id) as they are now: a plan's rename followed; a plan or action whose id the file repeated,
    which cannot be matched, left out (the plan by _plans)."""
    actions = list(_actions(before))
    pairs = collections.Counter((plan_id, action_id) for plan_id, action_id, _, _ in actions)
    now_named = {then: given for _, kind, then, given in renamed if kind == "plan"}
    return {
        (now_named.get(plan_id, plan_id), action_id): (path, action)
        for plan_id, action_id, path, action in actions
        if pairs[plan_id, action_id] == 1
    }


class Deleted(NamedTuple):
    """An action a change took out of a plan it keeps."""

    path: Path_  # where it is told: where it was, or where it went
    plan: str  # the plan it was in
    action: str
    moved_to: str | None  # the plan it is in now, if it was moved
    beside: str  # where it was, by the action now beside it: "after `A1`"; "" when none is
    dropped: bool  # it was already dropped, by its own status or its latest update's


def _was_dropped(action: dict[str, Any]) -> bool:
    said = [u["status"] for u in _listed(action.get("updates")) if isinstance(u, dict) and u.get("status")]
    return (said[-1] if said else action.get("status")) == "dropped"


def deleted_actions(before: Any, now: Any, renamed: Collection[Renamed]) -> list[Deleted]:
    """The actions this change took out of a plan it keeps (renamed: the ids it renamed): deleted,
    or moved to another plan.

    An action that goes takes its row, its link and its feed entries with it, and, if it
    was late, the page's count of what is late: a plan that dropped it says so in an update
    (`status: dropped`).
    One moved keeps its row but not its link, which is made of both ids.
    """
    was = _actions_before(before, renamed)
    # A plan whose id the file repeats is left out by _plans.
    kept: dict[str, tuple[Path_, dict[str, int]]] = {
        plan_id: (("plans", i, "actions"), {}) for i, plan_id, _ in _plans(now)
    }
    elsewhere: dict[str, list[tuple[str, Path_]]] = {}
    for plan_id, action_id, path, _ in _actions(now):
        kept[plan_id][1][action_id] = int(path[3])
        elsewhere.setdefault(action_id, []).append((plan_id, path))
    renamed_in = {(r[0][:2], r[2]) for r in renamed if r[1] == "action"}
    order: dict[str, list[str]] = {}  # each plan's actions before, in their order
    for plan_id, action_id in was:
        order.setdefault(plan_id, []).append(action_id)
    found: list[Deleted] = []
    for (plan_id, action_id), (_, action) in was.items():
        if plan_id not in kept or action_id in kept[plan_id][1]:
            continue
        path, now_at = kept[plan_id]
        if (path[:2], action_id) in renamed_in:
            continue
        dropped = _was_dropped(action)
        moved = [(other, to) for other, to in elsewhere.get(action_id, []) if (other, action_id) not in was]
        if moved:
            found.append(Deleted((*moved[0][1], "id"), plan_id, action_id, moved[0][0], "", dropped))
            continue
        # Told where it was: at the first action after it that is still there, else the
        # last before it; named, since the line is that action's.
        ids = order[plan_id]
        k = ids.index(action_id)
        after = next((a for a in ids[k + 1 :] if a in now_at), None)
        before_it = next((a for a in reversed(ids[:k]) if a in now_at), None)
        if after is not None:
            found.append(Deleted((*path, now_at[after]), plan_id, action_id, None, f"before `{after}`", dropped))
        elif before_it is not None:
            found.append(Deleted((*path, now_at[before_it]), plan_id, action_id, None, f"after `{before_it}`", dropped))
        else:
            found.append(Deleted(path, plan_id, action_id, None, "", dropped))
    return found


class DeletedPoint(NamedTuple):
    """An inspection a change took out of the file, or a point out of an inspection it keeps."""

    path: Path_  # where it is told: the entry now beside where it was, else the list or its owner
    kind: str  # "inspection" or "recommendation"
    inspection: str  # a point's inspection, by its id now; "" for an inspection
    id: str
    beside: str  # where it was, by the entry now beside it: "after `r2`"; "" when none is


def deleted_points(before: Any, now: Any, renamed: Collection[Renamed]) -> list[DeletedPoint]:
    """The inspections this change deleted, and the points it deleted from inspections it kept
    (renamed: the ids it renamed, which are told as such): each is on the page, with an
    address, and is part of the record of what Ofsted found and asked."""
    old, new = dict(_id_lists(before)), dict(_id_lists(now))
    named_now = {then: given for _, kind, then, given in renamed if kind == "inspection"}
    found: list[DeletedPoint] = []
    for (kind, owner), (_, was) in old.items():
        if kind not in ("inspection", "recommendation"):
            continue
        owner = named_now.get(owner, owner)
        if (kind, owner) not in new:
            continue  # a point of an inspection deleted whole: told with it
        path, ids = new[kind, owner]
        renamed_here = {then for at, what, then, _ in renamed if what == kind and at[:-2] == path}
        repeated = {i for i, n in collections.Counter(was).items() if n > 1}
        for k, entry in enumerate(was):
            if not entry or entry in ids or entry in renamed_here or entry in repeated:
                continue
            after = next((i for i in was[k + 1 :] if i in ids), None)
            before_it = next((i for i in reversed(was[:k]) if i in ids), None)
            if after is not None:
                at, beside = (*path, ids.index(after)), f"before `{after}`"
            elif before_it is not None:
                at, beside = (*path, ids.index(before_it)), f"after `{before_it}`"
            else:  # none left: told at the inspection, or at the top of the file
                at, beside = (path[:-1] + ("id",) if kind == "recommendation" else ()), ""
            found.append(DeletedPoint(at, kind, owner if kind == "recommendation" else "", entry, beside))
    return found


def deleted_point_problem(doc: Document, deleted: DeletedPoint) -> Problem:
    path, kind, inspection, point, beside = deleted
    where = f", which came {beside}," if beside else ""
    if kind == "inspection":
        message = (
            f"inspection `{point}`{where} is deleted by this change: its place on the timeline, its grades and its "
            "points go from the page, and links to them find nothing"
        )
        hint = (
            "an inspection that took place stays in the record; if it was recorded by mistake, or in the wrong "
            "authority's file, let this warning stand"
        )
    else:
        message = (
            f"point `{point}` of inspection `{inspection}`{where} is deleted by this change: it goes from the "
            "checklist, and links to it find nothing"
        )
        hint = (
            "a point the report sets stays listed, in the report's words, even once it is answered; if it is not "
            "in the report, let this warning stand"
        )
    return doc.problem(path, message, hint, key=bool(path), severity="warning")


class Restated(NamedTuple):
    """A fact of an inspection the change kept, stated otherwise now (or not at all): a grade,
    a date, a point's words."""

    path: Path_  # where it is told: the value now, else the list or the inspection it was in
    inspection: str  # its id now
    fact: str  # what is stated: a judgement's key, an area's name, a date's key, a point
    then: str
    given: str | None  # None: no longer given
    elsewhere: bool  # the change adds a correction, but not to this inspection
    # or "date", or "words" (a point's, too long to quote in a message), or "moved" (a point's
    # words now under another id, given), or "redated" or "gone" (a correction readers were told of)
    kind: str = "grade"


_GRADE = re.compile(SLUG_PATTERN)


def restated(before: Any, now: Any, renamed: Collection[Renamed], today: dt.date) -> list[Restated]:
    """The facts of inspections this change kept that it restated or took out, where it added no
    correction note to the inspection: the grades (of judgements, and of areas within them),
    the dates of the visit and the report, and the words of each point. A reader, or a
    committee paper, may have them as they were. A value that is not what its key holds is an
    error of its own, told instead; a point's words wrapped otherwise are the same words. today:
    the check's as-of date, the day a correction made now is dated (_corrected)."""
    named_now = {then: given for _, kind, then, given in renamed if kind == "inspection"}
    # A point renamed by the change, by the place of its inspection now and its old id: its
    # words, reworded too, are still words a reader may have (the rename is told of its own).
    points_named = {(path[1], then): given for path, kind, then, given in renamed if kind == "recommendation"}
    was = _inspections(before, named_now)
    added = _corrected(before, now, today)
    found: list[Restated] = []
    for ident, (index, entry) in _inspections(now, {}).items():
        if ident not in was:
            continue  # added by this change: nothing was published
        old = was[ident][1]
        at: Path_ = ("inspections", index)
        # Points whose words are under another id now: told whether or not a correction is added,
        # as links, not facts, are what moved.
        points, then_points = _points(entry), _points(old)
        held = {words: point for point, (_, words) in points.items()}  # each point's id now, by its words
        reworded: dict[str, str] = {}  # point now: its words before, where they are no point's now
        for was_named, (_, then) in then_points.items():
            point = points_named.get((index, was_named), was_named)
            if point not in points or points[point][1] == then:
                continue
            moved = held.get(then)
            if moved is None:
                reworded[point] = then
            else:
                # A point put in above it, the ids after it counted on: what cites this id now
                # cites other words.
                path = at + ("recommendations", points[point][0], "id")
                found.append(Restated(path, ident, f"point `{point}`", then, moved, added, "moved"))
        found += _unsaid(at, ident, old, entry, added)
        if _corrected(old, entry, today):
            continue
        grades = _mapping(entry.get("judgements"))
        for key, then in _mapping(old.get("judgements")).items():
            given = grades.get(key)
            if not _is_grade(then) or (given is not None and (not _is_grade(given) or given == then)):
                continue
            where = ("judgements", key) if given is not None else ("judgements",)
            path = at + (where if "judgements" in entry else ("id",))
            found.append(Restated(path, ident, f"`{key}`", then, given, added))
        areas = _areas(entry)
        named = {a.get("area") for a in _listed(entry.get("area_grades")) if isinstance(a, dict)}
        for area, (_, then) in _areas(old).items():
            place, given = areas.get(area, (None, None))
            if given == then or (given is None and area in named):  # not a grade now: an error of its own
                continue
            path = at + (("area_grades", place, "grade") if place is not None else ("area_grades",))
            if "area_grades" not in entry:
                path = at + ("id",)
            found.append(Restated(path, ident, f"area “{area}”", then, given, added))
        for key in ("visited", "published"):
            then_days, given_days = _days(old.get(key)), _days(entry.get(key))
            if then_days is None or (given_days is None and key in entry):
                continue  # none before, or not a date now (an error of its own)
            if given_days == then_days or (
                given_days is not None
                and _by_month(old.get(key))
                and then_days[0] <= given_days[0]
                and given_days[1] <= then_days[1]
            ):
                continue  # the same days, or a month told more exactly (its day found): nothing said was wrong
            path = at + ((key,) if key in entry else ("id",))
            given = _dated(entry[key]) if key in entry else None
            found.append(Restated(path, ident, f"`{key}`", _dated(old[key]), given, added, "date"))
        for point, then in reworded.items():
            path = at + ("recommendations", points[point][0], "text")
            found.append(Restated(path, ident, f"point `{point}`", then, points[point][1], added, "words"))
    return found


def _days(value: Any) -> tuple[dt.date, dt.date] | None:
    """The first and last days a date, or a visit's `from` and `to`, covers, read as the model
    reads them; None if it is not one."""
    try:
        if isinstance(value, str):
            day = PartialDate.parse(value)
            return day.start, day.end
        if isinstance(value, dict) and isinstance(value.get("from"), str) and isinstance(value.get("to"), str):
            return PartialDate.parse(value["from"]).start, PartialDate.parse(value["to"]).end
    except (ValueError, PydanticCustomError):
        pass
    return None


def _by_month(value: Any) -> bool:
    """Whether a date, or a visit's `from` or `to`, is given as a month alone (`2023-05`): days
    found within it later tell it more exactly, where days narrowed say the visit was shorter."""
    parts = [value.get("from"), value.get("to")] if isinstance(value, dict) else [value]
    return any(isinstance(part, str) and len(part.strip()) == 7 for part in parts)


def _dated(value: Any) -> str:
    """A date, or a visit's first and last days, as a message gives it (one _days reads)."""
    return f"{value['from']} to {value['to']}" if isinstance(value, dict) else str(value)


def _points(inspection: dict[str, Any]) -> dict[str, tuple[int, str]]:
    """An inspection's points, by id: their places and words, however wrapped."""
    return _once(
        (str(r["id"]), (k, " ".join(r["text"].split())))
        for k, r in enumerate(_listed(inspection.get("recommendations")))
        if isinstance(r, dict) and isinstance(r.get("id"), str) and isinstance(r.get("text"), str)
    )


def _inspections(data: Any, named_now: dict[str, str]) -> dict[str, tuple[int, dict[str, Any]]]:
    """A file's inspections by id (as it is now, after named_now's renames), with their places:
    an id given twice (an error of its own) cannot be told from the other, and is left out."""
    listed = _listed(data.get("inspections")) if isinstance(data, dict) else []
    entries = [(k, e) for k, e in enumerate(listed) if isinstance(e, dict)]
    ids = [named_now.get(str(e.get("id", "")), str(e.get("id", ""))) for _, e in entries]
    repeated = {i for i, n in collections.Counter(ids).items() if n > 1}
    return {i: entry for i, entry in zip(ids, entries, strict=True) if i and i not in repeated}


def _is_grade(value: Any) -> bool:
    return isinstance(value, str) and _GRADE.fullmatch(value) is not None


def _areas(inspection: dict[str, Any]) -> dict[str, tuple[int, str]]:
    """An inspection's graded areas, by name: their places and grades."""
    listed = inspection.get("area_grades")
    return _once(
        (str(a["area"]), (k, str(a["grade"])))
        for k, a in enumerate(_listed(listed))
        if isinstance(a, dict) and isinstance(a.get("area"), str) and _is_grade(a.get("grade"))
    )


def _once(pairs: Iterable[tuple[str, tuple[int, str]]]) -> dict[str, tuple[int, str]]:
    """Entries by name, each with its place and value; a name given twice (an error of its own)
    cannot be told from its copy, and is left out."""
    listed = list(pairs)
    repeated = {n for n, c in collections.Counter(name for name, _ in listed).items() if c > 1}
    return {name: place for name, place in listed if name not in repeated}


def _corrected(before: Any, now: Any, today: dt.date) -> bool:
    """Whether now holds a correction note that before did not: new words, of a day that had
    none or of today (a second fix on a day that has a note is told in that note). An older note
    reworded (a typo mended), or one given another date, tells readers of nothing new."""
    had = _corrections(before)
    days, words = {day for day, _ in had}, {text for _, text in had}
    return any(
        text not in words and (day not in days or day == today.isoformat()) for day, text in _corrections(now) - had
    )


def _corrections(data: Any) -> collections.Counter[tuple[str, str]]:
    """The correction notes of an inspection, or of a whole file (its own and its inspections'),
    each as its date (as written) and words."""
    if not isinstance(data, dict):
        return collections.Counter()
    found = collections.Counter((day, text) for _, day, text in _own_corrections(data))
    for inspection in _listed(data.get("inspections")):
        found += _corrections(inspection)
    return found


def _own_corrections(entry: dict[str, Any]) -> list[tuple[int, str, str]]:
    """An entry's own correction notes: each one's place in its notes, date (as written) and words."""
    return [
        (k, str(n.get("date")), " ".join(str(n.get("text")).split()))
        for k, n in enumerate(_listed(entry.get("notes")))
        if isinstance(n, dict) and n.get("kind") == "correction"
    ]


def _unsaid(at: Path_, ident: str, old: dict[str, Any], entry: dict[str, Any], added: bool) -> list[Restated]:
    """The corrections readers were told of that this change takes out, or dates otherwise: the
    page and the feeds told them on that day, and a correction is part of the record. One whose
    words changed on its own day is a fix told in that day's note, not one taken out."""
    now = _own_corrections(entry)
    days, found = {day for _, day, _ in now}, []
    for _, day, text in _own_corrections(old):
        if day in days:
            continue
        moved = next(((k, other) for k, other, words in now if words == text), None)
        if moved is not None:
            path = at + ("notes", moved[0], "date")
            found.append(Restated(path, ident, "correction", day, moved[1], added, "redated"))
        else:
            path = at + (("notes",) if now else ("id",))
            found.append(Restated(path, ident, "correction", day, None, added, "gone"))
    return found


_THIS = {"grade": "this grade", "date": "this date", "words": "these words"}


def restated_problem(doc: Document, change: Restated) -> Problem:
    path, inspection, fact, then, given, elsewhere, kind = change
    tell = (
        "add a note to the inspection with `kind: correction`, today's date as its `date`, and what the page said "
        "before (docs/editing.md, section 4.8)"
    )
    if kind in ("redated", "gone"):
        said = f"inspection `{inspection}`'s correction of {then}"
        return doc.problem(
            path,
            f"{said} is dated {given} now: the feeds told readers of it on {then}"
            if given
            else f"{said} is taken out by this change: readers told of it, on the page and in the feeds, find no "
            "record of it",
            "keep the note as it was, with its date: a correction is part of the record; if it was itself wrong, "
            "say so in a correction dated today",
            key=path[-1] == "notes",
            severity="warning",
        )
    if kind == "moved":
        return doc.problem(
            path,
            f"inspection `{inspection}`'s {fact} has other words than before this change, and its words are under "
            f"`{given}` now: the link to each point on the page, and each action answering it, now lead to other "
            "words",
            "keep each point's id with its words, and give a point added an id the inspection has not used (an id is "
            "an address, not a number to keep in order: docs/editing.md, section 4.6)",
            severity="warning",
        )
    if elsewhere:
        hint = (
            "a correction this change adds or rewrites is on another entry: if it tells of "
            f"{_THIS[kind]}, move it into this inspection's notes, as a correction goes with the entry it corrects"
        )
    elif kind == "words":
        hint = f"if the site published words that were wrong, not only mistyped, {tell}; if not, let this warning stand"
    else:
        hint = f"if the site has published it, {tell}; if it was never published, let this warning stand"
    if kind == "words":
        message = (
            f"inspection `{inspection}`'s {fact} is worded otherwise than before this change: a reader who read it "
            "on the site is not told it changed"
        )
    else:
        now = f"is `{given}` now" if given else "is not given now"
        message = (
            f"inspection `{inspection}`'s {fact} was `{then}` before this change, and {now}: a reader who saw "
            f"`{then}` on the site is not told it changed"
        )
    return doc.problem(path, message, hint, key=path[-1] not in ("id", "grade", "text"), severity="warning")


def deleted_problem(doc: Document, deleted: Deleted) -> Problem:
    path, plan_id, action_id, moved_to, beside, dropped = deleted
    if moved_to is not None:
        return doc.problem(
            path,
            f"action `{action_id}` is moved from plan `{plan_id}` to plan `{moved_to}`: its address on its page (and "
            "its entries in the feeds) includes its plan's id, so a link a reader kept will find nothing",
            f"if a new plan took it over, keep it in plan `{plan_id}` with an update saying so, and add it to plan "
            f"`{moved_to}` as an action of its own; if it was in the wrong plan, let this warning stand",
            severity="warning",
        )
    where = f", which came {beside}," if beside else ""
    keep = (
        "it was already dropped: keep it as it was, so that its row says so"
        if dropped
        else "if the plan dropped it or merged it into another, keep it, and add an update with `status: dropped` "
        "whose note says why (its row then says so, and it is no longer counted, nor overdue)"
    )
    return doc.problem(
        path,
        f"action `{action_id}` of plan `{plan_id}`{where} is deleted by this change: its row goes from the page, "
        "and links to it and its entries in the feeds find nothing",
        f"{keep}; if it was added by mistake, let this warning stand",
        key=True,
        severity="warning",
    )


def rewritten_problem(doc: Document, rewritten: Rewritten) -> Problem:
    path, action_id, then, given, recorded, update = rewritten
    key = path[-1]
    if update is not None and key == "updates":
        return doc.problem(
            path,
            f"action `{action_id}`'s update of {update} is deleted, or its date changed, by this change: an update "
            "records what was so on its day, and feed readers were told of it",
            "put it back as it was; if its date was typed wrong and this corrects it, let this warning stand",
            key=True,
            severity="warning",
        )
    if update is not None and key == "date":
        return doc.problem(
            path,
            f"action `{action_id}`'s update of {update} is dated {given} by this change: feed readers will be "
            "told of it again, as a new update",
            f"if {given} is the date its source gives, let this warning stand; if not, put back `date: {then}`",
            severity="warning",
        )
    if update is not None and given is None:
        return doc.problem(
            path[:-1],
            f"action `{action_id}`'s update of {update} said `{key}: {then}` before this change, which takes it "
            "away: the page says when each status was reached and each date moved",
            f"put back `{key}: {then}` (if it was a typing mistake, let this warning stand)",
            severity="warning",
        )
    if update is not None:
        was = f"said `{key}: {then}`" if then else f"gave no `{key}`"
        return doc.problem(
            path,
            f"action `{action_id}`'s update of {update} {was} before this change: an update records what was so "
            "on its day, and the page says when each status was reached and each date moved",
            f"leave the update as it was, and add one dated the day it changed, with `{key}: {given}` and a note "
            "(if it was a typing mistake, let this warning stand)",
            severity="warning",
        )
    mistake = f" (if `{then}` was a typing mistake, let this warning stand)"
    if given is None:
        # The key is gone: told at the action, its first line.
        return doc.problem(
            path[:-1],
            f"action `{action_id}`'s own `due` of `{then}` is deleted by this change: the page shows the date "
            "the plan set, and whether the action is overdue by it",
            f"put back `due: {then}`: an update cannot take a date away, but its note can say the plan has set "
            f"none since{mistake}",
            key=True,
            severity="warning",
        )
    if key == "due":
        told = "the page shows the date the plan set, and a date moved since (from an update) beside it"
        to_add = f"dated the day the plan moved it, with `due: {given}` and a note saying why"
    else:
        told = "an action's progress is told by its updates, each dated, which the page shows"
        to_add = f"dated the day it changed, with `status: {given}` and a note"
    hint = (
        f"put back `{key}: {then}`: the update of {recorded} already says `{given}`"
        if recorded
        else f"put back `{key}: {then}` and add an update {to_add}{mistake}"
    )
    return doc.problem(
        path, f"action `{action_id}`'s own `{key}` was `{then}` before this change: {told}", hint, severity="warning"
    )


def _id_lists(data: Any) -> Iterator[tuple[tuple[str, str], tuple[Path_, list[str]]]]:
    """Each list of entries with ids in an authority file's data, by what it holds and whose it is:
    (kind, the id of the entry it is in), (its path, its ids in order)."""
    if not isinstance(data, dict):
        return

    def ids(path: Path_, entries: Any) -> tuple[Path_, list[str]]:
        return path, [e["id"] if isinstance(e, dict) and isinstance(e.get("id"), str) else "" for e in _listed(entries)]

    for section, kind, inner, inner_kind in (
        ("inspections", "inspection", "recommendations", "recommendation"),
        ("plans", "plan", "actions", "action"),
    ):
        path, outer = ids((section,), data.get(section))
        yield (kind, ""), (path, outer)
        # An entry whose id the file repeats (an error of its own) cannot be told from the other.
        repeated = {i for i, n in collections.Counter(outer).items() if n > 1}
        for index, entry in enumerate(data[section] if outer else []):
            if isinstance(entry, dict) and outer[index] and outer[index] not in repeated:
                yield (inner_kind, outer[index]), ids((section, index, inner), entry.get(inner))
