"""`build.py new authority|inspection|plan|action`: starter content that passes `check`.

A scaffold only ever adds commented-out lines, so the checker's verdict is the same
right after it as before; an existing file keeps every byte it had; and once an editor
does what the notes say (fill in, uncomment), the result passes `check` too, while a
block uncommented without being filled in fails it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from conftest import CONTENT_AS_OF, SEEDS, copy_seed_content

from tracker import pipeline
from tracker.cli import main
from tracker.model import Frameworks, InspectionType
from tracker.scaffold import END, SCHEMA_LINE, START, action_block, load_frameworks, plan_block, slug_for

REPO = Path(__file__).parent.parent
AS_OF = CONTENT_AS_OF


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """The real site.yaml and frameworks.yaml, and the three hand-written authorities."""
    return copy_seed_content(tmp_path / "content")


def run(content: Path, *args: str) -> Result:
    return CliRunner().invoke(main, [args[0], args[1], "--content", str(content), *args[2:]])


def check(content: Path) -> pipeline.Checked:
    return pipeline.check(content, AS_OF)


def summary(result: pipeline.Checked) -> tuple[int, list[str]]:
    """Error count, and the warnings' messages (their lines move when lines are added)."""
    return len(result.errors), sorted(p.message for p in result.problems if not p.is_error)


def only_insertions(old: str, new: str) -> list[str]:
    """The lines new adds to old; fails if anything of old was changed, moved or removed."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    added: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        assert op in ("equal", "insert"), f"{op} of lines {i1 + 1}-{i2} of the old file"
        added += b[j1:j2] if op == "insert" else []
    return added


# What an editor does with a block: fill in the TODOs (or delete the optional lines), then uncomment.

FILLED = Callable[[str, str, str], "str | None"]  # (block kind, key, placeholder) -> value, or None to delete


def kind_of(title: str) -> str:
    return (
        "source"
        if title.startswith("new source")
        else "action"
        if title.startswith("new action")
        else "plan"
        if title.startswith("new plan")
        else "inspection"
    )


PLACEHOLDER = re.compile(
    r"^(?P<lead>\s*(?:- )?)(?P<key>[\w-]+): (?P<value>\"\"|todo|YYYY-MM-DD|\[todo\]"
    r"|\{from: YYYY-MM-DD, to: YYYY-MM-DD\})(?:\s+#.*)?$"
)


def finish(text: str, fill: FILLED | None, *, delete_empty_lists: bool = True) -> str:
    """Uncomment every block as its notes say, dropping the "##" notes; fill each placeholder with fill()."""
    out: list[str] = []
    title = ""
    inside = False
    for line in text.splitlines():
        stripped = line.lstrip()
        if stripped.startswith(END):
            inside = False
            continue
        if stripped.startswith(START):
            inside, title = True, stripped[len(START) :]
            continue
        if inside:
            if stripped.startswith("##"):
                continue
            line = line.replace("# ", "", 1) if stripped.startswith("# ") else line.replace("#", "", 1)
            match = PLACEHOLDER.match(line)
            if match and fill is not None:
                value = fill(kind_of(title), match["key"], match["value"])
                if value is None:
                    continue
                line = f"{match['lead']}{match['key']}: {value}"
        out.append(line)
    result = "\n".join(out) + "\n"
    if delete_empty_lists:  # "Also delete the line `actions: []` just above this block"
        empty_then_block = r"^(\s*)(actions|sources|inspections|plans): \[\](?:\s+#.*)?\n(?=(?:\1.*\n)*?\1\2:\n)"
        result = re.sub(empty_then_block, "", result, flags=re.M)
    return result


def visit(kind: InspectionType) -> tuple[dt.date, dt.date, dt.date]:
    start = kind.in_use.from_.start if kind.in_use and kind.in_use.from_ else dt.date(2012, 11, 1)
    start += dt.timedelta(days=40)
    return start, start + dt.timedelta(days=4), start + dt.timedelta(days=34)


def filler(frameworks: Frameworks, type_key: str, suffix: str = "") -> FILLED:
    kind = frameworks.types[type_key]
    start, end, published = visit(kind)
    grade = next(iter(frameworks.scales[kind.scale])) if kind.scale else "good"
    values = {
        ("source", "id"): f"new-report{suffix}",
        ("source", "title"): "The report",
        ("source", "publisher"): "Ofsted",
        ("source", "url"): "https://example.org/report",
        ("source", "published"): str(published),
        ("inspection", "id"): f"new-inspection{suffix}",
        ("inspection", "visited"): f"{{from: {start}, to: {end}}}",
        ("inspection", "published"): str(published),
        ("inspection", "focus"): "Care leavers",
        ("inspection", "summary"): "What the report found.",
        ("inspection", "sources"): f"[new-report{suffix}]",
        ("inspection", "recommendation_count"): "3",
        ("inspection", "text"): "Improve supervision.",
    }

    def fill(block: str, key: str, placeholder: str) -> str | None:
        if (block, key) in values:
            return values[block, key]
        if block == "inspection" and placeholder == "todo":
            return grade  # a headline judgement
        raise AssertionError(f"no value for {block}.{key}")

    return fill


# Slugs ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Worcestershire County Council", "worcestershire"),
        ("Shropshire Council", "shropshire"),
        ("Rutland County Council", "rutland"),
        ("City of York Council", "york"),
        ("Bristol City Council", "bristol"),
        ("Kingston upon Hull City Council", "kingston-upon-hull"),
        ("London Borough of Camden", "camden"),
        ("Royal Borough of Windsor and Maidenhead", "windsor-and-maidenhead"),
        ("Barnsley Metropolitan Borough Council", "barnsley"),
        ("City of Bradford Metropolitan District Council", "bradford"),
        ("Council of the Isles of Scilly", "isles-of-scilly"),
        ("Brighton & Hove City Council", "brighton-and-hove"),
        ("St. Helens Borough Council", "st-helens"),
        ("Bournemouth, Christchurch and Poole Council", "bournemouth-christchurch-and-poole"),
        ("City of London Corporation", "city-of-london"),
        ("North Yorkshire Council", "north-yorkshire"),
        ("Council", "council"),  # nothing left once the council words go: keep them
    ],
)
def test_slug_is_the_place_name(name: str, slug: str) -> None:
    assert slug_for(name) == slug


# new authority ----------------------------------------------------------------------------


def test_new_authority_is_a_valid_commented_starter(content: Path) -> None:
    before = summary(check(content))
    result = run(content, "new", "authority", "Rutland County Council")
    assert result.exit_code == 0, result.output
    path = content / "authorities" / "rutland.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_LINE
    assert "name: Rutland County Council\n" in text
    assert yaml.safe_load(text) == {"name": "Rutland County Council"}  # everything else is a comment
    after = check(content)
    errors, warnings = summary(after)
    assert errors == 0 and warnings == sorted(before[1] + ["this authority has no inspections"])
    assert "python build.py new inspection rutland TYPE" in result.output
    # The next commands work on the same folder as this one.
    assert f"Check your work: python build.py check --content {content} " in result.output
    assert "ilacs" in result.output  # the types to choose from
    # Written as given, with the name pages would use said: only the editor knows it.
    assert 'not "Bolton Council"; so "Rutland County Council" is likely "Rutland"), and fill' in result.output


def test_new_authority_starter_fills_in_and_passes(content: Path) -> None:
    run(content, "new", "authority", "Rutland County Council")
    path = content / "authorities" / "rutland.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("# codes: {gss: todo, dfe: todo, ofsted: todo}", "codes: {gss: E06000017, dfe: 857}")
    text = text.replace('# region: ""', "region: East Midlands")
    path.write_text(text, encoding="utf-8")
    assert summary(check(content))[0] == 0
    # Uncommented but not filled in, each placeholder is an error.
    path.write_text(
        text.replace("codes: {gss: E06000017, dfe: 857}", "codes: {gss: todo, dfe: todo, ofsted: todo}").replace(
            "region: East Midlands", 'region: ""'
        ),
        encoding="utf-8",
    )
    assert len(check(content).errors) == 4


def test_new_authority_refuses_to_overwrite(content: Path) -> None:
    path = content / "authorities" / "worcestershire.yaml"
    before = path.read_bytes()
    result = run(content, "new", "authority", "Worcestershire County Council")
    assert result.exit_code == 1
    assert "already exists, so nothing was written" in result.output
    assert "new inspection worcestershire TYPE" in result.output
    assert path.read_bytes() == before


def test_new_authority_refuses_a_council_already_there_under_its_place_name(content: Path) -> None:
    # `Bedford Borough` in its file, at bedford-borough.yaml; "Bedford Borough Council" in
    # the command, whose address would be `bedford`: one council, two files.
    folder = content / "authorities"
    text = (folder / "worcestershire.yaml").read_text(encoding="utf-8")
    (folder / "worcestershire.yaml").unlink()
    (folder / "worcestershire-county.yaml").write_text(
        text.replace("name: Worcestershire", "name: Worcestershire County"), encoding="utf-8"
    )
    result = run(content, "new", "authority", "Worcestershire County Council")
    assert result.exit_code == 1
    assert "worcestershire-county.yaml is already Worcestershire County, which looks like the same council" in (
        result.output
    )
    assert "new inspection worcestershire-county TYPE" in result.output
    assert not (folder / "worcestershire.yaml").exists()
    # Chosen with --slug, the address is the editor's decision: another authority.
    assert run(content, "new", "authority", "Worcestershire County Council", "--slug", "worcs").exit_code == 0


@pytest.mark.parametrize(
    ("written", "typed", "refused"),
    [
        ("City of Kingston upon Hull", "Hull City Council", True),  # its short name
        ("Durham", "County Durham", True),
        ("Brighton and Hove", "Brighton", True),
        ("North Somerset", "Somerset", False),  # a council of its own
        ("Cheshire East", "Cheshire", False),
        ("Bath and North East Somerset", "Somerset", False),
        ("Kingston upon Hull", "Kingston upon Thames", False),
    ],
)
def test_new_authority_refuses_a_council_already_there_under_a_longer_name(
    content: Path, written: str, typed: str, refused: bool
) -> None:
    folder = content / "authorities"
    text = (folder / "worcestershire.yaml").read_text(encoding="utf-8")
    (folder / "worcestershire.yaml").write_text(
        text.replace("name: Worcestershire", f"name: {written}"), encoding="utf-8"
    )
    result = run(content, "new", "authority", typed)
    assert (result.exit_code == 1) is refused, result.output
    if refused:
        assert f"worcestershire.yaml is already {written}, which looks like the same council" in result.output


def test_new_authority_refuses_an_address_another_file_keeps(content: Path) -> None:
    # Worcestershire's file was renamed: a new file at its old address would be a second
    # file for the same council, and take the page that sends readers to the first.
    path = content / "authorities" / "worcestershire.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "former_slugs: [worcestershire-county]\n", encoding="utf-8")
    result = run(content, "new", "authority", "Worcestershire County Council", "--slug", "worcestershire-county")
    assert result.exit_code == 1
    assert "authorities/worcestershire-county/ was the address of the authority in" in result.output
    assert "new inspection worcestershire TYPE" in result.output
    assert not (content / "authorities" / "worcestershire-county.yaml").exists()


def test_new_authority_with_an_awkward_name_and_slug(content: Path) -> None:
    result = run(content, "new", "authority", "Yes: Council #1", "--slug", "yes-1")
    assert result.exit_code == 0, result.output
    assert yaml.safe_load((content / "authorities" / "yes-1.yaml").read_text())["name"] == "Yes: Council #1"
    assert summary(check(content))[0] == 0
    bad = run(content, "new", "authority", "Somewhere", "--slug", "Some_Where")
    assert bad.exit_code == 2 and "some-where" in bad.output


@pytest.mark.parametrize(("args", "given"), [(["Con"], "NAME"), (["Aux Council", "--slug", "aux"], "--slug")])
def test_new_authority_refuses_an_address_windows_keeps_for_a_device(
    content: Path, args: list[str], given: str
) -> None:
    result = run(content, "new", "authority", *args)
    assert result.exit_code == 2 and f"Invalid value for {given}:" in result.output
    slug = "con" if given == "NAME" else "aux"
    assert f"`{slug}` cannot be a file name on Windows, which keeps it for a device" in result.output
    assert not (content / "authorities" / f"{slug}.yaml").exists()


# new inspection ---------------------------------------------------------------------------


def test_bad_type_gets_did_you_mean(content: Path) -> None:
    result = run(content, "new", "inspection", "worcestershire", "ilcas")
    assert result.exit_code == 2
    assert "`ilcas` is not an inspection type in frameworks.yaml; did you mean `ilacs`?" in result.output
    shouted = run(content, "new", "inspection", "worcestershire", "ILACS")  # several types start `ilacs`
    assert "`ILACS` is not an inspection type in frameworks.yaml; did you mean `ilacs`?" in shouted.output
    other = run(content, "new", "inspection", "worcestershire", "xyz")
    assert other.exit_code == 2 and "expected one of" in other.output


def test_unknown_authority_gets_did_you_mean(content: Path) -> None:
    result = run(content, "new", "inspection", "worcestershir", "ilacs")
    assert result.exit_code == 2
    assert "did you mean `worcestershire`?" in result.output


@pytest.mark.parametrize("named", ["worcestershire.yaml", "content/authorities/worcestershire.yaml"])
def test_an_authority_is_named_by_its_file_too(content: Path, named: str) -> None:
    result = run(content, "new", "action", named, "--plan", "sip")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Added to {content / 'authorities' / 'worcestershire.yaml'}")


def inspection_types() -> list[str]:
    return list(load_frameworks(REPO / "content").types)


@pytest.mark.parametrize("slug", SEEDS)
def test_new_inspection_keeps_every_byte_and_passes_check(content: Path, slug: str) -> None:
    path = content / "authorities" / f"{slug}.yaml"
    frameworks = load_frameworks(content)
    for type_key in inspection_types():
        old = path.read_text(encoding="utf-8")
        before = summary(check(content))
        result = run(content, "new", "inspection", slug, type_key)
        assert result.exit_code == 0, result.output
        new = path.read_text(encoding="utf-8")
        added = only_insertions(old, new)
        assert all(not line.strip() or line.lstrip().startswith("#") for line in added), added
        assert summary(check(content)) == before, type_key
        assert f"new {type_key} inspection" in result.output
        assert frameworks.types[type_key].graded == ("judgements:" in "".join(added))


def test_a_new_report_goes_among_the_files_ofsted_reports_not_under_its_last_heading(content: Path) -> None:
    # Shropshire's sources end with a `# --- Press` part: a new letter at the end would sit in it.
    path = content / "authorities" / "shropshire.yaml"
    assert run(content, "new", "inspection", "shropshire", "focused-visit").exit_code == 0
    lines = path.read_text(encoding="utf-8").splitlines()
    block = next(n for n, line in enumerate(lines) if "new source: the focused-visit letter" in line)
    headings = [n for n, line in enumerate(lines) if line.startswith("  # --- ")]
    publishers = [line.split("publisher: ")[1] for line in lines[:block] if "  publisher: " in line]
    assert publishers and set(publishers) == {"Ofsted"}
    assert next(n for n in headings if n > block) == next(
        n for n, line in enumerate(lines) if "Council documents" in line
    )


@pytest.mark.parametrize("type_key", inspection_types())
def test_new_inspection_filled_in_passes_and_unfilled_fails(content: Path, type_key: str) -> None:
    frameworks = load_frameworks(content)
    path = content / "authorities" / "worcestershire.yaml"
    run(content, "new", "inspection", "worcestershire", type_key)
    scaffolded = path.read_text(encoding="utf-8")

    path.write_text(finish(scaffolded, filler(frameworks, type_key)), encoding="utf-8")
    result = check(content)
    assert not result.errors, [f"{p.line}: {p.message}" for p in result.errors]
    assert result.content is not None
    added = next(i for i in result.content.authorities["worcestershire"].inspections if i.id == "new-inspection")
    assert added.type == type_key and added.sources == ["new-report"]

    # Uncommented as it came, it fails, and every error points at a value still to fill in.
    path.write_text(finish(scaffolded, None), encoding="utf-8")
    errors = check(content).errors
    placeholders = {n for n, line in enumerate(path.read_text().splitlines(), 1) if PLACEHOLDER.match(line)}
    assert errors and {p.line for p in errors} <= placeholders


@pytest.mark.parametrize(
    ("type_key", "example"),
    [
        ("sif", "sif-2026"),
        ("ilacs", "ilacs-2026-03"),  # in use until March 2026: its last month, not this one
        ("ilacs-2026", "ilacs-2026-12"),
        ("monitoring-visit", "mv-2026-12"),
    ],
)
def test_the_example_id_is_the_type_and_when_and_never_a_types_name(
    type_key: str, example: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `ilacs-2026` read as the name of the 2026 framework; `ilacs-2026-2026` said its year twice.
    from tracker import scaffold

    monkeypatch.setattr(scaffold, "default_as_of", lambda: dt.date(2026, 12, 3))
    blocks = scaffold.inspection_blocks(load_frameworks(REPO / "content"), type_key)
    written = "\n".join(line for block in blocks for line in block.item)
    assert f"e.g. {example} (the type and when the visit began)" in written


def test_two_inspections_on_a_new_authority_share_one_list(content: Path) -> None:
    frameworks = load_frameworks(content)
    run(content, "new", "authority", "Rutland County Council")
    assert run(content, "new", "inspection", "rutland", "ilacs").exit_code == 0
    assert run(content, "new", "inspection", "rutland", "monitoring-visit").exit_code == 0
    path = content / "authorities" / "rutland.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("\n# inspections:\n") == 1 and text.count("\n# sources:\n") == 1
    assert summary(check(content))[0] == 0

    first, second = filler(frameworks, "ilacs"), filler(frameworks, "monitoring-visit", "-2")
    seen: dict[tuple[str, str], int] = {}

    def fill(block: str, key: str, placeholder: str) -> str | None:
        seen[block, key] = seen.get((block, key), 0) + 1
        return (first if seen[block, key] == 1 else second)(block, key, placeholder)

    path.write_text(finish(text, fill), encoding="utf-8")
    result = check(content)
    assert not result.errors, [f"{p.line}: {p.message}" for p in result.errors]
    assert result.content is not None
    assert [i.id for i in result.content.authorities["rutland"].inspections] == ["new-inspection", "new-inspection-2"]


# new plan and new action ------------------------------------------------------------------


def action_filler(workstream: str | None = None, ref: str | None = None) -> FILLED:
    values = {
        ("action", "id"): "Z1",
        ("action", "title"): "Recruit more social workers",
        ("action", "status"): "on-track",
        ("action", "owner"): "Director of Children's Services",
        ("action", "due"): "2026-03-31",
        ("action", "workstream"): workstream or "A",
        ("plan", "id"): "new-plan",
        ("plan", "title"): "Improvement plan",
        ("plan", "adopted"): "2024-02",
    }

    def fill(block: str, key: str, placeholder: str) -> str | None:
        if key == "responds_to":
            return f"[{ref}]" if ref else None
        if key in ("sources", "in_response_to"):
            return None  # "or delete the line"
        return values[block, key]

    return fill


def test_new_action_into_a_closed_plan_says_it_is_closed(content: Path) -> None:
    # Named with --plan, as the help allows: the steps say what belongs in a closed plan.
    path = content / "authorities" / "shropshire.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("    in_response_to: [fv-2023-11]\n", "    in_response_to: [fv-2023-11]\n    closed: 2025-06\n"),
        encoding="utf-8",
    )
    result = run(content, "new", "action", "shropshire", "--plan", "implementation-plan-2024")
    assert result.exit_code == 0, result.output
    assert (
        "Plan `implementation-plan-2024` is closed (2025-06): add to it only an action it had before then; a new "
        f"one goes in the plan in force (python build.py new action shropshire --content {content})."
    ) in " ".join(result.output.split())
    result = run(content, "new", "action", "shropshire", "--plan", "action-plan-2018")
    assert "is closed" not in result.output


def test_new_action_into_an_empty_plan(content: Path) -> None:
    path = content / "authorities" / "shropshire.yaml"
    old = path.read_text(encoding="utf-8")
    before = summary(check(content))
    # Its plans answer earlier inspections than its latest: none is current, so the plan is named.
    refused = run(content, "new", "action", "shropshire")
    assert refused.exit_code == 1 and refused.output.splitlines() == [
        f"Error: no open plan in {path} answers the June 2025 inspection or a visit since, so none is current. Start "
        f"one with `python build.py new plan shropshire --content {content}`, or add to an earlier plan with "
        f"`python build.py new action shropshire --plan <its id> --content {content}` (action-plan-2011, "
        "action-plan-2018 or implementation-plan-2024)."
    ]
    result = run(content, "new", "action", "shropshire", "--plan", "implementation-plan-2024")
    assert result.exit_code == 0, result.output
    assert "new action in plan implementation-plan-2024" in result.output
    assert "Delete the line `actions: []`" in result.output
    new = path.read_text(encoding="utf-8")
    only_insertions(old, new)
    assert summary(check(content)) == before

    path.write_text(finish(new, action_filler(ref="slac-2011/i1")), encoding="utf-8")
    result_ok = check(content)
    assert not result_ok.errors, [f"{p.line}: {p.message}" for p in result_ok.errors]
    assert result_ok.content is not None
    plan = result_ok.content.authorities["shropshire"].plans[-1]
    assert [(a.id, a.status, a.responds_to) for a in plan.actions] == [("Z1", "on-track", ["slac-2011/i1"])]
    # The one extra step, forgotten: the checker names it.
    path.write_text(finish(new, action_filler(ref="slac-2011/i1"), delete_empty_lists=False), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    empty = max(n for n, line in enumerate(lines, start=1) if line == "    actions: []")  # the new plan's, last
    assert [p.message for p in check(content).errors] == [f"duplicate key `actions` (also on line {empty})"]


def test_new_action_into_a_plan_with_workstreams_and_actions(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(REPO / "tests" / "site_fixture", content)
    path = content / "authorities" / "alpha.yaml"
    old = path.read_text(encoding="utf-8")
    before = summary(check(content))
    result = run(content, "new", "action", "alpha", "--plan", "sip")
    assert result.exit_code == 0, result.output
    new = path.read_text(encoding="utf-8")
    added = "".join(only_insertions(old, new))
    assert "workstream: todo" in added and "Delete the line" not in result.output
    assert summary(check(content)) == before
    path.write_text(finish(new, action_filler(workstream="A", ref="sif-2016/r3")), encoding="utf-8")
    checked = check(content)
    assert not checked.errors, [f"{p.line}: {p.message}" for p in checked.errors]


def test_new_action_goes_into_the_named_plan_when_one_above_has_no_id(tmp_path: Path) -> None:
    # A half-written plan (no id yet) above it: its place still counts in the list.
    content = tmp_path / "content"
    shutil.copytree(REPO / "tests" / "site_fixture", content)
    path = content / "authorities" / "alpha.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("plans:\n", "plans:\n  - title: Draft\n    sources: []\n    actions: []\n", 1))
    result = run(content, "new", "action", "alpha", "--plan", "sip")
    assert result.exit_code == 0, result.output
    assert "new action in plan sip" in result.output
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(n for n, line in enumerate(lines) if "new action in plan" in line)
    assert lines.index("  - title: Draft") < lines.index("  - id: sip") < start


def test_new_plan_then_its_action(content: Path) -> None:
    path = content / "authorities" / "warwickshire.yaml"
    old = path.read_text(encoding="utf-8")
    assert run(content, "new", "plan", "warwickshire").exit_code == 0
    only_insertions(old, path.read_text(encoding="utf-8"))
    path.write_text(finish(path.read_text(encoding="utf-8"), action_filler()), encoding="utf-8")
    assert not check(content).errors
    result = run(content, "new", "action", "warwickshire", "--plan", "new-plan")
    assert result.exit_code == 0, result.output
    path.write_text(finish(path.read_text(encoding="utf-8"), action_filler()), encoding="utf-8")
    checked = check(content)
    assert not checked.errors, [f"{p.line}: {p.message}" for p in checked.errors]


def test_new_action_plan_choice(content: Path) -> None:
    typo = run(content, "new", "action", "shropshire", "--plan", "action-plan-201")
    assert typo.exit_code == 2 and "did you mean `action-plan-2011` or `action-plan-2018`?" in typo.output
    run(content, "new", "authority", "Rutland County Council")
    none = run(content, "new", "action", "rutland")
    assert none.exit_code == 1 and "has no plans yet" in none.output and "new plan rutland" in none.output


# Files as editors leave them ----------------------------------------------------------------


def test_crlf_bom_and_no_final_newline_are_kept(content: Path) -> None:
    path = content / "authorities" / "warwickshire.yaml"
    text = path.read_text(encoding="utf-8").rstrip("\n").replace("\n", "\r\n")
    raw = b"\xef\xbb\xbf" + text.encode("utf-8")
    path.write_bytes(raw)
    result = run(content, "new", "inspection", "warwickshire", "focused-visit")
    assert result.exit_code == 0, result.output
    new = path.read_bytes()
    assert new.startswith(b"\xef\xbb\xbf") and b"\n" not in new.replace(b"\r\n", b"")
    only_insertions(raw.decode("utf-8"), new.decode("utf-8"))
    assert not check(content).errors


def test_broken_file_is_refused_and_left_alone(content: Path) -> None:
    path = content / "authorities" / "warwickshire.yaml"
    broken = path.read_bytes().replace(b"inspections:", b"inspections:\n\t- oops", 1)
    path.write_bytes(broken)
    result = run(content, "new", "inspection", "warwickshire", "ilacs")
    assert result.exit_code == 1
    assert "cannot be read as YAML" in result.output and "tab character" in result.output
    assert path.read_bytes() == broken


def test_scaffolds_pass_yamllint(content: Path) -> None:
    from yamllint import linter
    from yamllint.config import YamlLintConfig

    config = YamlLintConfig(file=str(REPO / ".yamllint.yaml"))
    run(content, "new", "authority", "Rutland County Council")
    run(content, "new", "inspection", "rutland", "sif")
    run(content, "new", "plan", "rutland")
    run(content, "new", "inspection", "shropshire", "ilacs")
    run(content, "new", "action", "shropshire")
    for slug in ("rutland", "shropshire"):
        text = (content / "authorities" / f"{slug}.yaml").read_text(encoding="utf-8")
        problems = [f"{p.line}: {p.desc} ({p.rule})" for p in linter.run(text, config)]
        assert problems == [], slug


def test_a_new_plan_offers_the_latest_full_inspection_not_a_visit_since() -> None:
    # A plan answers the inspection whose points it takes up; a visit letter after it is
    # not that inspection, and a plan that names none is never shown as current.
    data = {"inspections": [{"id": "ilacs-2025", "type": "ilacs"}, {"id": "mv-2026-09", "type": "monitoring-visit"}]}
    [line] = [row for row in plan_block(data, "x", {"ilacs"}).item if "in_response_to" in row]
    assert "e.g. [ilacs-2025]; a plan that names none is not shown as current" in line


def test_a_second_action_is_offered_the_next_id_and_a_point_not_yet_answered() -> None:
    data = {"inspections": [{"id": "ilacs-2025", "recommendations": [{"id": "r1"}, {"id": "r2"}]}]}
    plan = {"in_response_to": ["ilacs-2025"], "actions": [{"id": "A1", "responds_to": ["ilacs-2025/r1"]}]}
    lines = action_block(data, plan).item
    assert any("e.g. A2 (this plan has A1)" in line for line in lines)
    assert any("e.g. [ilacs-2025/r2]" in line for line in lines)


def test_a_second_unfinished_action_is_offered_the_id_after_the_first_ones(tmp_path: Path) -> None:
    # Two `new action` blocks in a row, neither filled in yet: the second is not offered the same id.
    content = tmp_path / "content"
    shutil.copytree(REPO / "tests" / "site_fixture", content)
    run(content, "new", "action", "alpha")
    run(content, "new", "action", "alpha")
    text = (content / "authorities" / "alpha.yaml").read_text(encoding="utf-8")
    offered = re.findall(r"e\.g\. (A\d+) \(this plan has ([^)]*)\)", text)
    assert offered == [("A7", "…, A3, A4, A5, A6"), ("A8", "…, A3, A4, A5, A6; 1 unfinished above")]
    # A block uncommented and given its id, its notes kept, is an action like the others, not
    # an unfinished block.
    path = content / "authorities" / "alpha.yaml"
    block = re.search(r"## ---- new action.*?## ---- end of", text, re.DOTALL)
    assert block is not None
    uncommented = re.sub(r"(?m)^(\s*)# (?!#)", r"\1", block.group()).replace('- id: ""', "- id: A7", 1)
    path.write_text(text[: block.start()] + uncommented + text[block.end() :], encoding="utf-8")
    run(content, "new", "action", "alpha")
    offered = re.findall(r"e\.g\. (A\d+) \(this plan has ([^)]*)\)", path.read_text(encoding="utf-8"))
    assert ("A9", "…, A4, A5, A6, A7; 1 unfinished above") in offered
    # In a plan with no actions yet, the first block writes `actions:` above its item.
    run(content, "new", "action", "delta")
    run(content, "new", "action", "delta")
    delta = (content / "authorities" / "delta.yaml").read_text(encoding="utf-8")
    assert re.findall(r"e\.g\. (A\d+)( \(this plan has [^)]*\))?", delta) == [
        ("A1", ""),
        ("A2", " (this plan has 1 unfinished above)"),
    ]


def test_new_action_goes_to_the_current_plan_not_the_last_open_one(tmp_path: Path) -> None:
    # The page's current plan answers the latest inspection; a later open plan that names
    # none is not it, though it comes last in the file.
    content = tmp_path / "content"
    shutil.copytree(REPO / "tests" / "site_fixture", content)
    path = content / "authorities" / "alpha.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  - {id: later, title: Later plan, actions: []}\n")
    result = run(content, "new", "action", "alpha")
    assert result.exit_code == 0, result.output
    assert "new action in plan sip" in result.output


def test_a_block_filled_in_but_left_commented_out_is_told(content: Path) -> None:
    path = content / "authorities" / "shropshire.yaml"
    assert run(content, "new", "action", "shropshire", "--plan", "implementation-plan-2024").exit_code == 0
    told = (
        "this block that `new` added is filled in but still commented out: YAML skips its lines, so the page "
        "will not show it"
    )
    assert told not in summary(check(content))[1]  # as `new` wrote it, waiting for its values
    # Each value written where it stands, the lines left behind their `# `; the lines the
    # action has no value for deleted.
    filled = path.read_text(encoding="utf-8")
    for key, value in (("- id", "Z1"), ("title", "Recruit more social workers"), ("status", "on-track")):
        filled = re.sub(rf'^(\s*# +{key}: )(?:""|todo)', rf"\g<1>{value}", filled, count=1, flags=re.M)
    filled = re.sub(r"^\s*# +(?:owner|due|responds_to|sources|workstream): .*\n", "", filled, flags=re.M)
    path.write_text(filled, encoding="utf-8")
    lines = filled.splitlines()
    # From the block's first line, which starts its plan's `actions:`, to its last with a value.
    first = next(n for n, line in enumerate(lines, 1) if line.strip() == "# actions:")
    last = next(n for n, line in enumerate(lines, 1) if re.match(r"\s*# +status: on-track", line))
    warned = [(p.line, p.message, p.hint) for p in check(content).problems if p.message == told]
    assert warned == [
        (first, told, f"remove the `# ` at the start of lines {first} to {last}, and delete the lines starting `##`")
    ]
    # Uncommented as its notes say, its `##` notes not yet deleted: what is left behind a
    # `#` is notes (`# progress goes under updates:`), not the block.
    start = next(n for n, line in enumerate(lines, 1) if line.lstrip().startswith(START))
    end = next(n for n, line in enumerate(lines, 1) if line.lstrip().startswith(END))
    uncommented = [
        line.replace("# ", "", 1) if first <= n < end and line.lstrip().startswith("# ") else line
        for n, line in enumerate(lines, 1)
        # The example update deleted; and the plan's `actions: []`, as the block's notes ask.
        if "YYYY-MM-DD" not in line and n != start - 1
    ]
    path.write_text("\n".join(uncommented) + "\n", encoding="utf-8")
    assert told not in summary(check(content))[1]


def test_new_run_from_inside_the_content_says_where_to_run_it(content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(content / "authorities")
    result = CliRunner().invoke(main, ["new", "plan", "worcestershire"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for SLUG: there is no content folder content; this folder is inside the content folder "
        "`..`: run the command from the folder that holds it (`cd ../..`), or pass `--content ..`"
    )
