"""What a YAML syntax error means, in an editor's words, and where to fix it.

libyaml names what it expected (`did not find expected key`) at the place it noticed,
which is often after the mistake: a key without its colon is noticed on the next line,
a line indented too far when its key turns up inside the text above. Each pattern here
recognises one mistake editors make, from the lines around the error, and says what to
type and where; anything else gets libyaml's problem in plainer words, and what it was
reading.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata

import yaml

Explained = tuple[tuple[int, int], str, str]  # (line, column), message, hint

_CHECK = "check the indentation and punctuation on this line and the one above"

# libyaml's words for what it was reading, in an editor's words.
_CONTEXT = {
    "while scanning a quoted scalar": "a quoted text",
    "while parsing a quoted scalar": "a quoted text",
    "while parsing a flow sequence": "a `[...]` list",
    "while parsing a flow mapping": "a `{...}` mapping",
    "while scanning a simple key": "a key",
    "while parsing a block mapping": "a block of `key: value` lines",
    "while parsing a block collection": "a list of `- item` lines",
    "while scanning a block scalar": "a block of text (`|` or `>`)",
    "while parsing a flow node": "a `[...]` list or `{...}` mapping",
    "while scanning a plain scalar": "a value",
    "while scanning for the next token": "a value",
}
_FLOW = ("while parsing a flow sequence", "while parsing a flow mapping", "while parsing a flow node")
_NOT_LINED_UP = ("did not find expected key", "did not find expected '-' indicator")
_MAPPING_VALUES = ("mapping values are not allowed in this context",)
_UNCLOSED = ("did not find expected ',' or ']'", "did not find expected ',' or '}'")

# libyaml's problems in an editor's words (the hint then says what to do).
_PLAIN = {
    "mapping values are not allowed in this context": "a colon and a space inside a value",
    "did not find expected key": "this line does not fit the lines around it",
    "did not find expected '-' indicator": "this line does not fit the list it is in",
    "found character that cannot start any token": "a character that cannot start a value",
    "did not find expected ',' or ']'": "expected a comma or the closing `]` of the list here",
    "did not find expected ',' or '}'": "expected a comma or the closing `}` here",
    "found unexpected end of stream": "the file ends before a text or list it opens is closed",
    "could not find expected ':'": "a key without its colon",
    "did not find expected comment or line break": "unexpected text after `|` or `>`",
    "found unexpected ':'": "a colon where a value was expected",
    "block sequence entries are not allowed in this context": "a `- ` list item inside a value",
}
COMMENT = re.compile(r"(?<=[ \t])#")  # where a comment may start: `#` after a space or a tab
# `title: 'Children's voice`: the apostrophe closes the quote, and what follows is a mistake.
_APOSTROPHE = re.compile(r"(?:^|[:\[{,-])\s+'[^']*'[A-Za-z]")
# A block line: its indentation, any `- `, its key and colon, then its value.
_LINE = re.compile(r"^(?P<lead> *(?:- +)*)(?:(?P<key>[A-Za-z_][\w-]*) *:(?: +|$))?(?P<value>.*)$")
# A value YAML reads as something other than text, because of its first character, when
# what follows shows it was meant as text: `*All* plans`, `[The letter](https://...) said`,
# `"Permanence" plans`, `@council`, `| pipe` ...
_NOT_TEXT = re.compile(
    r"""(?x)
    [*&!@%`]
    | [\[{] [^\]}]* [\]}] \s* [^\s#,\]}]   # a bracket closed, then more words
    | " [^"]* " \s* [^\s#\]}:]               # a quote closed, then more words
    | ' [^']* ' \s* [^\s#\]}:]
    | [|>] [-+1-9]{0,2} \ * [^\s#]           # `| text`, `>- text`, `>text` after a key
    | > \s* = \s* [0-9]                       # `>= 3 months`
    | [?-] \ + [^\s#]                        # `- text`, `? text`
    | [-?] \s* $                             # `owner: -`
    """
)
_MORE_THAN = re.compile(r">(?P<equal>\s*=)?\s*(?=[0-9])")  # `> 5`, `>=3`: a comparison, not a block
_DATE_THEN_COLON = re.compile(r":\s+([0-9]{4}-[0-9]{2}(?:-[0-9]{2})?) *:(?=\s*$|\s*[,}\]])")
_ID_LIKE = re.compile(r"[A-Za-z0-9][\w./-]*")  # an id, or a reference to one: no spaces
# The `[...]` list of a key whose items are ids, as far as a line shows it.
_REFERENCES = re.compile(r"\b(?:responds_to|sources|in_response_to|former_slugs): *\[(?P<listed>[^\[\]{}]*)$")
_EXAMPLE_LENGTH = 70  # a longer text gets where its quote marks go, by its first and last words
# Keys whose every value in an authority file is shown as typed, not read as Markdown
# (pasted.plain_fields lists them all; `note` is plain only in a source).
PLAIN_KEYS = frozenset({"name", "by", "title", "focus", "publisher", "via", "owner"})
# Keys whose texts are read as Markdown, and so may hold a list.
_MARKDOWN_KEYS = frozenset({"summary", "text", "note"})
# Keys whose value is a list (model.py's fields), and of those, the lists of ids.
ID_LIST_KEYS = frozenset({"sources", "responds_to", "in_response_to", "predecessors", "successors", "former_slugs"})
LIST_KEYS = ID_LIST_KEYS | {
    "actions",
    "area_grades",
    "data_sources",
    "delivery",
    "forms",
    "headline",
    "inspections",
    "issues",
    "notes",
    "plans",
    "priorities",
    "recommendations",
    "terms",
    "updates",
    "visited_in_parts",
    "workstreams",
}
# Link text holds no `[`: each `[` then starts at most one attempt that runs to the next, so a
# line of thousands of `[` costs its length, not the square of it.
_LINK = re.compile(r"\[([^\[\]\n]+)\]\([^)\s]*\)")
_CODE_ESCAPE = re.compile(r"\\(?:u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})")  # a character by its code: `\u00e9`
_ESCAPES = ("found unknown escape character", "did not find expected hexdecimal number")  # libyaml's words
CURLY = "“”‘’„"  # quote marks a word processor types


def explain(exc: yaml.MarkedYAMLError, lines: list[str]) -> Explained:
    """The error's position, message and hint."""
    mark, context = exc.problem_mark or exc.context_mark, exc.context_mark
    what = _CONTEXT.get(exc.context or "", exc.context)
    at_end = bool(mark and mark.line >= len(lines))
    if at_end and context:
        # At the end of the file the problem's mark is past the last line; where the
        # unfinished key, quote or bracket started is what the editor must fix.
        mark = context
    position = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if lines and position[0] > len(lines):
        # Still past the end (`headline: [` as the last line): point after the last character.
        position = (len(lines), len(lines[-1]) + 1)
    if found := _bullet_item(lines, position[0]):
        return found
    if found := _tight_dash(lines, position[0]):
        return found
    if exc.problem in (*_NOT_LINED_UP, *_MAPPING_VALUES) and (found := _text_before_items(lines, position[0] - 1)):
        return found
    if exc.problem in (*_NOT_LINED_UP, *_MAPPING_VALUES, *_UNCLOSED) and (found := _unopened(lines, position)):
        return found
    problem = exc.problem or exc.context or "not valid YAML"
    message = f"YAML syntax error: {_PLAIN.get(problem, problem)}"
    line = lines[position[0] - 1] if 0 < position[0] <= len(lines) else ""
    if exc.problem in _MAPPING_VALUES and (found := _tight_key_above(lines, position)):
        return found
    if exc.problem in _MAPPING_VALUES and (found := _key_read_as_text(lines, position)):
        return found
    if exc.problem in (*_MAPPING_VALUES, "found unexpected ':'") and (dated := _DATE_THEN_COLON.search(line)):
        # `date: 2026-11-20:`, `{date: 2026-11-20:, ...}`: a colon typed after a date, not a
        # text with a colon in it.
        return (
            (position[0], dated.end(1) + 1),
            "YAML syntax error: a colon after the date",
            f"delete the `:` after the date: `{dated[1]}`",
        )
    if exc.problem in _MAPPING_VALUES:
        # `title: Plan: 2017` -- the second ": " reads as a new key inside a value.
        value = _parts(line)["value"].rstrip()
        hint = _COLON_TOLD + "text, put the whole text in double quotes" + _quoted_line(lines, position)
        if value and value[0] in CURLY and (value[-1] in "’" or (value[-1] == "”" and "”" not in value[1:-1])):
            marks = " ".join(c for c in (value[0], value[-1]) if c in CURLY)
            hint = (
                "a colon followed by a space starts a new `key:`; the quote marks around this text are "
                f'typographic ({marks}), which YAML reads as part of the text: type straight quotes (") instead'
            )
        elif (listing := _list_below_text(lines, position)) == "note":
            # A note (an update's, a source's) is one paragraph: a list's marks are lost however written.
            hint = (
                "a colon at the end of a line starts a new `key:`; a note shows as one paragraph: write the list "
                "as sentences in the note, after `note: `, without the colon that ends the line"
            )
        elif listing is not None:
            hint = (
                "a colon at the end of a line starts a new `key:`; a text of several lines, such as one with a "
                f"list, is written after `|`: `{listing}: |`, then the whole text on the lines below it, indented "
                f"further than `{listing}:`, with an empty line before the list"
            )
        elif value and value[0] in CURLY:
            # `“Update: two posts filled.” The view is ...`: straight quotes there would close
            # the text before its end. Around the whole of it, the marks stay the text's own.
            how = quoted_example(_written_before(_parts(line)), value)
            hint = (
                "a colon followed by a space starts a new `key:`; put the whole text in straight double quotes "
                f"(its own quote marks stay inside them){how}"
            )
        elif '"' in value.split(" #")[0] and value[0] not in "\"'[{" and (name := _parts(line)["key"]):
            # `note: The "Care leavers' offer" tender: no bids`: in double quotes, its own `"` would end
            # the text; in a block, colons and quote marks are the text's own (and so is a `#`: a `"`
            # only in a note after it is no reason for one).
            hint = _COLON_TOLD + _block_hint(name)
        return position, message, hint
    if exc.problem == "did not find expected <document start>":
        # The file's first value (a quoted text, a `[...]` list) ended, and more follows.
        return (
            position,
            "YAML syntax error: the file goes on after its first value has ended",
            "a file is `key: value` lines from its start: if a line above this one is a note, put `# ` at its start",
        )
    if exc.problem in _NOT_LINED_UP and (found := _under_empty(lines, position)):
        return found
    if exc.problem in _NOT_LINED_UP and (found := _unclosed_above(lines, position[0] - 1)):
        return found
    if (
        exc.problem in _NOT_LINED_UP
        and 0 < position[0] <= len(lines)
        # The format's keys are lowercase: `Note: ...` starts a sentence of the text.
        and ((key := _parts(lines[position[0] - 1])["key"]) is None or key[0].isupper())
        and (block := _outside_block(lines, position[0] - 1, keyed=key is not None))
    ):
        return block  # a line of a `|` text one space short of the lines above it
    if exc.problem in _NOT_LINED_UP and (found := _not_lined_up(lines, position)):
        return found
    if exc.problem == "could not find expected ':'":
        # libyaml notices on a later line; the key without its colon is where it started reading.
        if context is not None and exc.context == "while scanning a simple key":
            position = (context.line + 1, context.column + 1)
        if 0 < position[0] <= len(lines) and (
            block := _outside_block(lines, position[0] - 1, keyed=_key_without_colon(lines, position[0] - 1))
        ):
            return block  # `"Too many children..." said the report` under `summary: |`, not indented
        continues = "; if this line continues the text above it, indent it as far as that text"
        tight = _TIGHT_COLON.match(lines[position[0] - 1]) if 0 < position[0] <= len(lines) else None
        if tight:
            # `owner:Assistant Director`: a colon with no space after it is part of the text.
            return _written_tight(tight, position)
        if found := _no_colon(lines, position[0] - 1, continues):
            return found
        hint = "write `key: value`, with a colon and a space after the key (or `- item` in a list)" + continues
        return position, message, hint
    if found := _inside_braces(lines, exc):
        return found
    if comment := _comment_in_brackets(lines, exc):
        # `{id: r1, text: Priority #1 for children}`: the comment takes the closing bracket.
        hidden_at, shown = comment
        # `responds_to: [ilacs-2023/r1 # LADO]`: a list of references with a note after one;
        # quoted, the note would become part of the id.
        refs = _REFERENCES.search(lines[hidden_at[0] - 1][: hidden_at[1] - 1])
        if refs and "]" in shown and all(_ID_LIKE.fullmatch(i.strip()) for i in refs["listed"].split(",")):
            listed = refs["listed"]
            note, closing = shown.split("]", 1)
            hint = (
                f"`{shown}` is read as a comment (a space and `#` start one, even inside {what}), so the "
                f"brackets are not closed; a note goes after the list: `[{listed.strip()}]{closing}  {note.strip()}`"
            )
        else:
            hint = (
                f"`{shown}` is read as a comment (a space and `#` start one, even inside {what}), so the "
                "brackets are not closed; if the `#` belongs to the text, put the text in double quotes, "
                'like `text: "Priority #1 for children"`'
            )
        return hidden_at, message, hint
    if apostrophe := _APOSTROPHE.search(line):
        parts = _parts(line)
        value = parts["value"].rstrip()
        whole = len(value) > 1 and value[0] == value[-1] == "'"
        how = quoted_example(_written_before(parts), value[1:-1]) if whole else ""
        if whole and len(value) - 2 > _EXAMPLE_LENGTH:
            # Too long to repeat: the marks it has are the ones to change.
            words = value[1:-1].split()
            how = f": change the `'` before `{words[0]}` and the one after `{words[-1]}` to `\"`"
        hint = (
            "a text in single quotes ends at the next `'`: write an apostrophe inside it as `''`, "
            f"or put the text in double quotes instead of single ones{how}"
        )
        # At the apostrophe, not at the letter after it, where YAML noticed.
        return (position[0], apostrophe.end() - 1), "YAML syntax error: this `'` ends the text in single quotes", hint
    if exc.problem in _ESCAPES and mark is not None:
        # `"Saved in S:\Children"`: inside double quotes a backslash starts an escape
        # (`\n`, `\t`), and `\C` is none. The backslash is what to change.
        backslash = line.rfind("\\", 0, mark.column + 1)
        return (
            (position[0], backslash + 1 if backslash >= 0 else position[1]),
            "YAML syntax error: inside double quotes a backslash starts an escape, like `\\n` for a new line",
            "write each `\\` in the text as `\\\\`, or put the text in single quotes instead of double ones "
            "(and write any `'` inside it as `''`)",
        )
    if exc.problem == "found invalid Unicode character escape code" and mark is not None:
        # `\ud800`: half of the pair of codes some programs write for one character, or past
        # the last character; no page can show it.
        backslash = line.rfind("\\", 0, mark.column + 1)
        code = _CODE_ESCAPE.match(line, backslash) if backslash >= 0 else None
        escape = code.group() if code else "the escape"
        return (
            (position[0], backslash + 1 if backslash >= 0 else position[1]),
            f"YAML syntax error: `{escape}` names no character",
            "type the character itself in place of its code, or delete it",
        )
    for marked in (mark, context):
        if marked is not None and (found := _not_text(lines, marked.line)):
            return found
    if at_end and exc.context == "while scanning a quoted scalar" and any(c in line for c in CURLY):
        # `title: "Voice of the child”`: a word processor's closing quote closes nothing.
        hint = "the text is closed with a typographic quote (” or ’), which YAML reads as text: type a straight one"
        return position, message, hint
    if at_end:
        return position, message, f"the file ends inside {what or 'a value'} that starts here: close it"
    if exc.context in _FLOW[:2] and context and mark and context.line < mark.line < len(lines):
        # `responds_to: [ilacs-2021/r1` with the next key below: the bracket's own line
        # lacks its close, which libyaml finds only at that key.
        opened, closed = ("[", "]") if exc.context == _FLOW[0] else ("{", "}")
        start = lines[context.line].rstrip()
        # Not where the next line goes on inside the bracket, further in than it: a `{...}`
        # written over two lines, with its mistake on the second.
        continued = _indent(lines[mark.line]) > context.column
        if start.count(opened) > start.count(closed) and mark.line == context.line + 1 and not continued:
            return (
                (context.line + 1, len(start) + 1),
                f"YAML syntax error: the `{opened}` on line {context.line + 1} is not closed",
                f"add `{closed}` at the end of line {context.line + 1}",
            )
    if what and exc.problem:
        started = (
            f" that starts at line {context.line + 1}, column {context.column + 1}"
            if context and context is not mark
            else ""
        )
        return position, message, f"this is inside {what}{started}; {_CHECK}"
    return position, message, _CHECK


def odd_name(char: str) -> str:
    """A character that looks like a space, like nothing, or like YAML's own, named for an editor."""
    if unicodedata.category(char) == "Co":  # Word's bullet in its Symbol font, U+F0B7
        return f"a character from a symbol font (U+{ord(char):04X})"
    name = unicodedata.name(char, "").lower()
    article = "an" if name[:1] in ("a", "e", "i", "o", "u") else "a"
    return f"{article} {name} (U+{ord(char):04X})" if name else f"the invisible character U+{ord(char):04X}"


def item_mark_hint(gap: str) -> str:
    """For a word processor's dash or bullet where a list item's `-` belongs, and the gap after it."""
    if "\t" in gap:  # as Word pastes a list: its mark, a tab, the item
        spaced = "tab" if gap == "\t" else "space and tab" if gap.strip(" ") == "\t" else "spaces and tabs"
        return f"retype it and the {spaced} after it as `- `, a hyphen and one space: a list item starts with `- `"
    return "retype it as `-`, the hyphen on the keyboard: a list item starts with `- `"


# A word processor's bullets, pasted where a list item's `- ` belongs (its dashes: load.py).
# Only a bullet before a key and its colon, or a `{`, as an entry starts: a bullet before
# words (`• Half of plans rewritten`, `• Pathway plans: half done`) is a text's own.
# `•`, `·`, Word's symbol-font bullet and others; Ofsted's reports mark their points with `◼`
# (U+25FC), which a copy from the PDF keeps.
BULLETS = "\u2022\u00b7\u25e6\u2023\u25aa\u25a0\u25fc\u25fe\u25ba\u27a2\u25cf\u2043\uf0b7"
_BULLET_ITEM = re.compile(rf"^(?P<lead> *)(?P<mark>[{BULLETS}])(?P<gap>[ \t]+)(?:[A-Za-z_][\w-]* *:(?: |$)|\{{)")


_TIGHT_DASH = re.compile(r"^(?P<lead> *)-(?P<key>[A-Za-z_][\w-]*) *:(?: |$)")


def _tight_dash(lines: list[str], number: int) -> Explained | None:
    """`-date: 2026-04-01`: a list item's hyphen with no space after it, which YAML reads as part of the key."""
    for at in (number, number - 1):
        if 0 < at <= len(lines) and (found := _TIGHT_DASH.match(lines[at - 1])):
            rest = lines[at - 1][len(found["lead"]) + 1 :].rstrip()
            return (
                (at, len(found["lead"]) + 1),
                "YAML syntax error: a list item's `-` needs a space after it",
                f"write `- {rest}`",
            )
    return None


def _bullet_item(lines: list[str], number: int) -> Explained | None:
    """`• date: 2026-04-01`: only where it breaks the file, so a bullet in a text is left alone.

    YAML notices on the bullet's line, or, where the bullet starts an entry, on the next: a
    line indented further, as the entry's other keys are. A bullet's line above one that is
    not (`    focus x` below a text's `◼ Supervision: too few`) is the text's, and blameless.
    """
    for at in (number, number - 1):
        if not 0 < at <= len(lines) or not (found := _BULLET_ITEM.match(lines[at - 1])):
            continue
        below = lines[number - 1] if number <= len(lines) else ""
        if at == number - 1 and len(below) - len(below.lstrip(" ")) <= len(found["lead"]):
            continue
        return (
            (at, len(found["lead"]) + 1),
            f"{odd_name(found['mark'])} where YAML needs a hyphen",
            item_mark_hint(found["gap"]),
        )
    return None


def in_double_quotes(text: str) -> str:
    """Text as it is written between YAML's double quotes: its backslashes and `"` escaped."""
    return text.replace("\\", "\\\\").replace('"', '\\"')


def quoted_example(before: str, text: str) -> str:
    """How text goes in double quotes, in the editor's own words: `, like` the line as it
    would be (before is what comes before the value, `title: `), or for a long text, where
    the marks go (an example cut short would be copied cut short)."""
    if len(text) <= _EXAMPLE_LENGTH:
        return f', like `{before}"{in_double_quotes(text)}"`'
    if '"' in text or "\\" in text:
        return ""  # each needs a backslash before it inside the quotes: an example would have to show them all
    words = text.split()
    return f': a `"` before `{words[0]}` and another after `{words[-1]}`'


def quote_hint(first: str) -> str:
    """For a value that starts with `first` and is not meant as YAML: quote the text."""
    return f"if the `{first}` is part of the text, put the whole text in double quotes"


# `note: >- Begun`, `title: |- 2024 to 2026 plan`: a block's `|` or `>` (with its chomping
# mark) and the text on the same line, where the text belongs on the lines below. Not
# `> 5 children` (more than five: _MORE_THAN) or `| A | B |` (a table's row).
_BLOCK_SAME_LINE = re.compile(r"(?P<mark>[|>][-+]?) *(?P<text>[^\s#][^|]*)")


def _block_on_its_line(parts: re.Match[str], block: re.Match[str], more_lines: bool) -> tuple[str, str]:
    """The message and hint for a text written after the `|` or `>` that starts a block of it."""
    mark, text, key = block["mark"], block["text"].rstrip(), parts["key"]
    if key:  # further in than the key, whose column is past any `- `
        depth, beyond = len(parts["lead"]) + 2, f"`{key}:`"
    else:  # a list item's own text: in line with it, past its `- `
        depth, beyond = len(parts["lead"]), "the `-`"
    hint = f"move the text after `{mark}` to the next line, indented {depth} spaces (further than {beyond})"
    if len(text) <= _EXAMPLE_LENGTH and not more_lines:
        one_line = text if read_as(text) == text else f'"{in_double_quotes(text)}"'
        hint += f"; or, for a text of one line, delete the `{mark}`: `{_before_value(parts)}{one_line}`"
    return f"YAML syntax error: `{mark}` starts a text on the lines below it, not on its own line", hint


def _not_text(lines: list[str], number: int) -> Explained | None:
    """A value on line number (0-based) that YAML read as something else because of how it starts."""
    if not 0 <= number < len(lines):
        return None
    parts = _parts(lines[number])
    value = parts["value"].rstrip()
    # Without a key, only a list item's own text: a `- ` or `>` line alone may be the
    # middle of a block of text, or a list item indented wrongly.
    item = not parts["key"] and parts["lead"].rstrip().endswith("-") and value.startswith(("|", ">"))
    if not value or not _NOT_TEXT.match(value) or (value[0] in "|>-?" and not parts["key"] and not item):
        return None
    if value[0] in "\"'" and value[-1] in ",]}":
        return None  # `"a", "b"]`: the items of a list written over several lines
    first = value[0]
    where = (number + 1, parts.start("value") + 1)
    last = _text_end(lines, number, len(parts["lead"]))
    if (parts["key"] or item) and (block := _BLOCK_SAME_LINE.fullmatch(value)) and not _MORE_THAN.match(value):
        return where, *_block_on_its_line(parts, block, last > number)
    outer = False
    if first == '"':
        # The usual fix, double quotes, would end at the first inner quote again. A text
        # that also ends with one was meant to be in them: its inner quotes are the text's.
        outer = len(value) > 1 and value.endswith('"') and last == number
        quote, escaping = "'", "writing any apostrophe in it as `''`"
        message = "YAML syntax error: the text goes on after its closing quote"
        meaning = "a text that starts with a quote mark ends at the next one"
        value = value[1:-1] if outer else value
    elif first == "'":
        quote, escaping = '"', 'writing any `"` in it as `\\"`'
        message = "YAML syntax error: the text goes on after its closing quote"
        meaning = "a text that starts with a quote mark ends at the next one"
    elif parts["key"] == "url" and (link := re.fullmatch(r"\[[^\[\]\n]*\]\((https?://[^\s()\[\]]{1,2000})\)", value)):
        # `url: [the report](https://...)`: quoted, it would be refused as no address.
        return (
            where,
            "YAML syntax error: `[` starts a list to YAML, and a `url` is the address alone",
            f"write the address without the Markdown link around it: `{_written_before(parts)}{link[1]}`",
        )
    elif parts["key"] in PLAIN_KEYS and first in "*[" and (found := _plain_field(parts["key"], value, last > number)):
        return (where, f"YAML syntax error: a text cannot start with `{first}` unless it is in quotes", found)
    elif parts["key"] not in PLAIN_KEYS and (more := _MORE_THAN.match(value)) and last == number:
        # `> 5 children`: in quotes, Markdown would read it as a quotation and drop the `>`.
        words = ("At least " if more["equal"] else "More than ") + value[more.end() :]
        written = f'"{in_double_quotes(words)}"' if read_as(words) != words else words
        return (
            where,
            "YAML syntax error: a text that starts with `>` must be in quotes, or in words",
            "at the start of a value, `>` has a meaning of its own to YAML, and at the start of a text Markdown reads "
            f"it as a quotation and does not show it: write it in words, like `{_before_value(parts)}{written}`",
        )
    elif parts["key"] and value in ("-", "?") and last == number:
        # `owner: -`, `published: ?`: a spreadsheet's way of saying none, or not known yet.
        # A list item's first key goes without its `- `, which starts the item.
        line = f"`{parts['key']}: {value}`" if parts["lead"].strip() else "the line"
        return (
            where,
            f"YAML syntax error: `{value}` alone is not a value",
            f"if it means none or not known yet, delete {line}: `{parts['key']}` is left out until it is known; "
            f'if `{value}` is the text itself, put it in double quotes, like `{parts["key"]}: "{value}"`',
        )
    elif parts["key"] and value.startswith("- ") and value[2:].strip() and last == number:
        rest, before, key = value[2:].strip(), _written_before(parts), parts["key"]
        items = [item.strip() for item in rest.split(",")]
        if key in ID_LIST_KEYS and all(_ID_LIKE.fullmatch(item) for item in items):
            hint = f"write the list in brackets, like `{before}[{', '.join(items)}]`"
        elif key in LIST_KEYS:
            hint = f"put the item on the next line, under `{key}:` and indented further, starting `- `"
        elif _parts(rest)["key"]:
            # `judgements: - overall: good`: a key and its value, which go under the key.
            hint = f"put what follows the `- ` on the next line, under `{key}:` and indented further"
        elif len(rest) > _EXAMPLE_LENGTH:
            hint = f"if the `- ` came with the text from a list, delete it, before `{rest.split()[0]}`"
        else:
            # `text: - Reduce caseloads.`, pasted from a list: in quotes it would still start
            # with a list's mark, which Markdown shows as a list of one item. A number or a
            # date is written as it is.
            read = read_as(rest)
            plain = read == rest or (isinstance(read, int | float | dt.date) and not isinstance(read, bool))
            written = rest if plain else f'"{in_double_quotes(rest)}"'
            hint = f"if the `- ` came with the text from a list, delete it, like `{before}{written}`"
        return where, "YAML syntax error: `- ` starts a list, which cannot follow a key on its line", hint
    else:
        named = "a backquote" if first == "`" else f"`{first}`"
        quote, escaping = '"', 'writing any `"` in it as `\\"`' if '"' in value else ""
        message = f"YAML syntax error: a text that starts with {named} must be in quotes"
        meaning = f"at the start of a value, {named} has a meaning of its own to YAML"
    lead = parts["lead"].strip() + (" " if parts["lead"].strip() else "")
    written = f"{lead}{parts['key']}: " if parts["key"] else lead
    named_quotes = "single quotes" if quote == "'" else "double quotes"
    also = f" ({escaping})" if escaping else ""
    if last == number and len(value) <= _EXAMPLE_LENGTH:
        text = value.replace("'", "''") if quote == "'" else in_double_quotes(value)
        return (
            where,
            message,
            f"{meaning}; put the whole text in {named_quotes}{also}, like `{written}{quote}{text}{quote}`",
        )
    # Too long to repeat, or over several lines: where the quote marks go, by the words
    # they go next to (an example cut short would be copied cut short).
    opening, ending = value.split()[0], lines[last].split()[-1]
    on = f" on line {last + 1}" if last > number else ""
    if outer:
        how = f"change the `\"` before `{opening}` and the one after `{ending.rstrip(chr(34))}` to `'`"
    else:
        how = f"a `{quote}` before `{opening}` and another after `{ending}`{on}"
    return where, message, f"{meaning}; put the whole text in {named_quotes}{also}: {how}"


_OPENING = {"]": "[", "}": "{"}


def _unopened(lines: list[str], position: tuple[int, int]) -> Explained | None:
    """A `]` or `}` that no bracket on its line opened: one typed twice (`[s1]]`), or a value
    whose opening bracket was left out (`visited: from: 2026-10-06, to: 2026-10-07}`)."""
    if not 0 < position[0] <= len(lines):
        return None
    line = lines[position[0] - 1]
    depth = {"]": 0, "}": 0}
    quote = ""
    for col, c in enumerate(line):
        if quote:
            quote = "" if c == quote else quote
        elif c in "'\"" and (col == 0 or line[col - 1] in " [{,:"):
            quote = c
        elif c == "#" and col and line[col - 1] == " ":
            return None  # a comment: what follows is not the value's
        elif c in "[{":
            depth["]" if c == "[" else "}"] += 1
        elif c in depth:
            depth[c] -= 1
            if depth[c] < 0:
                return _unopened_at(lines, position, col)
    return None


def _unopened_at(lines: list[str], position: tuple[int, int], col: int) -> Explained | None:
    number = position[0]
    line = lines[number - 1]
    closing = line[col]
    parts = _parts(line)
    value = (parts["value"] or "").rstrip()
    if (
        parts["key"]
        and value.endswith(closing)
        and _OPENING[closing] not in value
        # The value reads as a mapping's first key, and no line above leaves a `{...}` open.
        and re.match(r"[A-Za-z_][\w-]* *: ", value)
        and not _in_flow_above(lines, number)
    ):
        # `visited: from: ..., to: ...}`: the opening brace left out, and the colons inside read as keys.
        fixed = f"{parts['key']}: {_OPENING[closing]}{value}"
        return (
            (number, col + 1),
            f"YAML syntax error: the `{closing}` at the end has no `{_OPENING[closing]}` before it",
            f"put a `{_OPENING[closing]}` at the start of the value: `{fixed}`"
            if len(fixed) <= _EXAMPLE_LENGTH
            else f"put a `{_OPENING[closing]}` at the start of the value, after `{parts['key']}: `",
        )
    if col != position[1] - 1:
        return None  # the bracket may close one opened on a line above, and libyaml stopped elsewhere
    fixed = (line[:col] + line[col + 1 :]).strip()
    return (
        (number, col + 1),
        f"YAML syntax error: an extra `{closing}` that closes nothing",
        f"delete it: `{fixed}`" if len(fixed) <= _EXAMPLE_LENGTH else "delete it",
    )


def _in_flow_above(lines: list[str], number: int) -> bool:
    """Whether the line above (the nearest that is not empty or a comment) ends inside a `{...}`
    or `[...]`: with a comma or an opening bracket, as an entry written over several lines does."""
    for above in reversed(lines[: number - 1]):
        written = above.split(" #")[0].rstrip()
        if written and not written.lstrip().startswith("#"):
            return written.endswith((",", "{", "["))
    return False


def _written_before(parts: re.Match[str]) -> str:
    """What comes before a line's value, as the line writes it: `title: `, `- title: `, `- `."""
    lead = parts["lead"].strip()
    return (f"{lead} " if lead else "") + (f"{parts['key']}: " if parts["key"] else "")


def _before_value(parts: re.Match[str]) -> str:
    """What goes before a value, as an example repeats it: `key: `, or a list item's `- `."""
    return f"{parts['key']}: " if parts["key"] else "- "


def _plain_field(key: str, value: str, more_lines: bool) -> str | None:
    """For Markdown at the start of a text shown as typed: the text without it (quoting it would keep it)."""
    if value[0] == "*":
        bare, what = value.replace("*", ""), "Markdown's `*` would show as typed: write the text without it"
    elif _LINK.match(value):
        bare = _LINK.sub(r"\1", value)
        what = "a Markdown link would show as typed: write its words alone (the address belongs in `sources`)"
    else:
        return None
    bare = " ".join(bare.split())
    if not bare:
        return None
    shown = f"`{key}` is shown as plain text, so {what}"
    if more_lines or len(bare) > _EXAMPLE_LENGTH:
        return shown
    if read_as(bare) != bare:
        bare = f'"{in_double_quotes(bare)}"'
    return f"{shown}, like `{key}: {bare}`"


def read_as(value: str) -> object:
    """What YAML reads `value` as, written after a key on one line."""
    try:
        return yaml.safe_load(f"key: {value}")["key"]
    except (yaml.YAMLError, TypeError):
        return None


def _unclosed_above(lines: list[str], number: int) -> Explained | None:
    """A quoted text, above where libyaml stopped, that its own line does not close.

    `focus: "Children in care'`: the text runs on to the next `"`, lines below, inside
    another value, where libyaml at last finds something it cannot read.
    """

    def unquoted(text: str, quote: str) -> str:  # without the escaped quotes, which do not end it
        return text.replace("''", "") if quote == "'" else re.sub(r"\\.", "", text)

    # However far above: a quoted text runs on over whole entries, to the next quote mark.
    # The first quoted text found decides, so the lines are read once.
    for above in range(number - 1, -1, -1):
        parts = _parts(lines[above])
        value = parts["value"].rstrip()
        if not parts["key"] or value[:1] not in ('"', "'"):
            continue
        quote = value[0]
        if quote in unquoted(value[1:], quote) or any(
            quote in unquoted(line, quote) for line in lines[above + 1 : number]
        ):
            return None  # closed before the line libyaml stopped at: the mistake is elsewhere
        other = "'" if quote == '"' else '"'
        closed = f" in place of the `{other}` near its end" if other in value[-3:] else " too"
        there = f", on line {number + 1}" if quote in lines[number] else " below"
        return (
            (above + 1, parts.start("value") + 1),
            f"YAML syntax error: the text of `{parts['key']}` opens with `{quote}` and is not closed on its line",
            f"end it with `{quote}`{closed}: a text in `{quote}` runs on to the next `{quote}`{there}",
        )
    return None


# A value in `{...}` up to its `}`, or a comma that a key follows: a comma inside it is the text's.
_MEANT_VALUE = re.compile(r"(?:[^,}]|,(?!\s*[A-Za-z_][\w-]*:(?:\s|$)))*")
_UNESCAPED_QUOTE = re.compile(r'(?<!\\)"')  # a `"` that ends a text in double quotes: not `\"`
# What follows a value that ends its entry in `{...}`: the closing brace, or a comma and the next key.
_ENDS_ENTRY = re.compile(r"\s*(?:\}|,\s*(?:\}|[A-Za-z_][\w-]*:(?:\s|$)|$))")


def _inside_braces(lines: list[str], exc: yaml.MarkedYAMLError) -> Explained | None:
    """`{note: Agency use: rising}` or `{note: *Agency* use}`: a text in a `{...}` mapping that needs quotes."""
    mark, opened = exc.problem_mark, exc.context_mark
    if mark is None or not 0 <= mark.line < len(lines):
        return None
    # The `{` on this line, or on one above when the mapping goes on over several lines.
    above = exc.context == "while parsing a flow mapping" and opened is not None and opened.line < mark.line
    if "{" not in lines[mark.line][: mark.column] and not above:
        return None
    line = lines[mark.line]
    # The `key: value` of the mapping that libyaml stopped in: from the last `{` or `, `.
    start = max(line.rfind("{", 0, mark.column), line.rfind(", ", 0, mark.column) + 1) + 1
    entry = re.match(r"\s*(?P<key>[A-Za-z_][\w-]*): +(?P<value>[^,}]*)", line[start:])
    if entry is None:
        return None
    value = entry["value"].rstrip()
    if exc.problem == "did not find expected ',' or '}'" and (comma := _missing_comma(value)):
        # `{date: 2022-03-01, note: Slipped status: at-risk}`: quoting the text, as for a
        # colon in prose, would make the status part of the note and pass without a word.
        before, key = comma
        after = value[len(before) + 1 :]
        long = len(value) > _EXAMPLE_LENGTH  # too long to repeat: the words the fix goes next to
        hint = "inside `{...}` a comma ends each value: " + (
            f"write one after `{before.split()[-1]}`, before `{key}:`"
            if long
            else f"`{entry['key']}: {before}, {after}`"
        )
        if " " in before and any(c.isalpha() for c in before):  # a text of words, not a date, number or key
            text = in_double_quotes(value)
            hint += f"; if `{after}` is part of the text, put the whole text in double quotes"
            hint += (
                f': a `"` before `{value.split()[0]}` and another after `{value.split()[-1]}`'
                if long
                else f', like `{entry["key"]}: "{text}"`'
            )
        return (
            (mark.line + 1, start + entry.start("value") + len(before) + 2),
            f"YAML syntax error: a comma is missing before `{key}`",
            hint,
        )
    after_value = line[start + entry.end("value") :]
    quotes = [found.start() for found in _UNESCAPED_QUOTE.finditer(value)]
    if (
        exc.problem == "did not find expected ',' or '}'"
        and len(quotes) > 2
        and quotes[0] == 0
        and quotes[-1] == len(value) - 1
        and _ENDS_ENTRY.match(after_value)
    ):
        # `{note: "The "voice" panel met"}`: the inner quote ends the text; the last is the text's end.
        inner = value[1:-1].replace('\\"', '"').replace("'", "''")
        apostrophe = " (an apostrophe inside it written `''`)" if "'" in value else ""
        return (
            (mark.line + 1, start + entry.start("value") + quotes[1] + 1),
            'YAML syntax error: this `"` ends the text in double quotes',
            'a text in double quotes ends at the next `"`: write each `"` inside it as `\\"`, or put the text '
            f"in single quotes{apostrophe}, like `{entry['key']}: '{inner}'`",
        )
    if exc.context in ("while scanning an alias", "while scanning an anchor", "while scanning a tag") or (
        exc.problem == "did not find expected ',' or '}'" and ": " in value
    ):
        # The text as meant: on past a comma, unless a key follows it (`young people, carers
        # and staff attended.`), lest the hint's quotes leave the rest of the text outside.
        meant = _MEANT_VALUE.match(line, start + entry.start("value"))
        text = meant.group().rstrip() if meant else value
        how = (
            f': a `"` before `{text.split()[0]}` and another after `{text.split()[-1]}`'
            if len(text) > _EXAMPLE_LENGTH
            else f', like `{entry["key"]}: "{in_double_quotes(text)}"`'
        )
        return (
            (mark.line + 1, start + entry.start("value") + 1),
            f"YAML syntax error: the text of `{entry['key']}` must be in quotes",
            f"inside `{{...}}` a text with `: ` in it, or that starts with `*`, `&` or `!`, goes in double quotes{how}",
        )
    return None


def _missing_comma(value: str) -> tuple[str, str] | None:
    """(the value before it, the key) when a key follows the value with no comma.

    A key of the content format, after any value; or any word written as a key (a
    judgement's, which frameworks.yaml names) between two values written as keys are: a
    grade, a status, a date (`good in-care: inadequate`), where prose would go on in words
    (`recruitment update: 12 social workers started`).
    """
    from .model import keys  # only for this mistake: reading YAML needs no model

    known = keys()
    token = re.compile(r"[a-z0-9][a-z0-9-]*")
    for found in re.finditer(r"(?<=\S) ([a-z][a-z0-9_-]*): ", value):
        before, after = value[: found.start()], value[found.end() :].strip()
        if found[1] in known or (token.fullmatch(before) and token.fullmatch(after)):
            return before, found[1]
    return None


def _key_read_as_text(lines: list[str], position: tuple[int, int]) -> Explained | None:
    """A `key:` line read as more of the text above it: indented too far, or after a key with no colon.

    libyaml reports the key's colon (`mapping values are not allowed`), as it would a
    colon inside a text; what differs is that the colon ends the line's own key.
    """
    number = position[0] - 1
    if not 0 <= number < len(lines):
        return None
    here = _parts(lines[number])
    # The colon libyaml stopped at ends the line's key, or the first key of an item written
    # in braces (`- {date: ..., note: ...}`).
    flow = _FLOW_ITEM.match(lines[number]) if not here["key"] else None
    colon = len(here["lead"]) + len(here["key"]) if here["key"] else flow.end("key") if flow else -1
    if colon != position[1] - 1:
        return None
    written = [n for n in range(number) if _written(lines[n])]
    # Up past the lines without a key, which the text may have run over, to one with a key.
    top = next((n for n in reversed(written) if _parts(lines[n])["key"]), -1)
    started = _parts(lines[top]) if top >= 0 else None
    before = next((n for n in reversed(written) if n < top), -1)
    # `started: the new director…` below a text: words of it, however the lines around it lie
    # (a summary under a judgement's `in-care: good` looked like a key out of line).
    prose = started is not None and not here["lead"].strip() and len(here["value"].split()) >= 3
    if prose and started is not None and (hint := _words_as_key(lines, top, number, here["key"])):
        return _colon_in_text(position, hint)
    if (
        started is not None
        and before >= 0
        and not started["lead"].strip()
        and len(_parts(lines[before])["lead"]) == len(here["lead"]) > len(started["lead"])
        and _parts(lines[before])["key"]
    ):
        # `focus:` outdented between two keys that line up: it is the line out of place.
        return (
            (top + 1, len(started["lead"]) + 1),
            f"YAML syntax error: `{started['key']}:` is not lined up with the keys above and below it",
            f"indent `{started['key']}:` {len(here['lead'])} spaces, like line {before + 1}",
        )
    if (
        started is not None
        and started["value"].strip()
        and len(started["lead"]) < len(here["lead"])
        and all(_indent(lines[n]) > len(started["lead"]) for n in written if n > top)
    ):
        item = bool(here["lead"].strip())
        quote = "" if item else ", or, if the colon is part of the text, put the whole text in double quotes"
        if dash := _dash_missing(lines, top, first=_indent(lines[number]) == len(started["lead"]) + 2):
            # `date: ...` where a new update's `- date:` belongs, its other keys indented
            # under where the dash would be: the line above lacks the dash, not this its place.
            key = started["key"]
            otherwise = (
                f"if it belongs to the item above, indent `{key}:` like that item's keys"
                if _dash_missing(lines, top)  # an item above it, not the list's first
                else f"if not, indent the lines below it as far as `{key}:`"
            )
            return (
                (top + 1, len(started["lead"]) + 1),
                f"YAML syntax error: the lines below `{key}:` are indented as a list item's keys, but it has no `- `",
                f"{dash}; {otherwise}",
            )
        if not item and (hint := _words_as_key(lines, top, number, here["key"])):
            return _colon_in_text(position, hint)
        return (
            (position[0], _indent(lines[number]) + 1),
            f"YAML syntax error: {_named(here)} is indented further than `{started['key']}:` above it",
            f"YAML reads it as more of that text; {_place(lines, number)}{quote}",
        )
    # The text began on a line with no key, which lacks its colon.
    first = next((n for n in written if n > top), None)
    return None if first is None else _no_colon(lines, first)


def _colon_in_text(position: tuple[int, int], hint: str) -> Explained:
    """A colon inside a text, told at position, with the hint _words_as_key gives."""
    return position, "YAML syntax error: a colon and a space inside a value", hint


def _words_as_key(lines: list[str], top: int, number: int, word: str) -> str:
    """The hint for line number, under the text of the key on line top, that starts with a word
    and a colon that no entry holding that key has as a key (`started: the DCS…`, `note:` under
    a recommendation's `text:`): words of that text, not a key. Where the quote marks go
    (_marks); for a text that holds a `"`, a `\\`, a `#` or a tab, a block (`summary: |`), in
    which all of those are the text's own. "" for a key such an entry may hold, or a text
    already in quotes.
    """
    from .model import beside  # only for this mistake: reading YAML needs no model

    key = _parts(lines[top])
    known = beside(key["key"])
    if word in known:
        return ""
    # To the text's last line: further in than its key, no list item, and no key of its entry
    # (`next: a weekly tracker` below goes on with it too).
    last = number
    while last + 1 < len(lines) and lines[last + 1].strip() and _indent(lines[last + 1]) > len(key["lead"]):
        below = _parts(lines[last + 1])
        if below["lead"].strip() or below["key"] in known:
            break
        last += 1
    whole = " ".join([key["value"].strip(), *(lines[n].strip() for n in range(top + 1, last + 1))])
    if whole[0] in "\"'" + CURLY:
        return ""
    name = key["key"]
    if any(c in whole for c in '#\t"\\'):
        return _COLON_TOLD + _block_hint(name, f" (lines {top + 1} to {last + 1})")
    return f"{_COLON_TOLD}text, put the whole text in double quotes{_marks(whole, top, f'{name}:', last)}"


_COLON_TOLD = "a colon followed by a space (or at the end of a line) starts a new `key:`; if the colon is part of the "


def _block_hint(name: str, lines: str = "") -> str:
    """The end of a hint for a text with a colon that quote marks cannot simply go around (it
    holds a `"`, a `#`...): a `|` block, whose every character is the text's own."""
    return (
        f"text, write `{name}: |` and the text on the lines below it, indented further than `{name}:`{lines}: "
        "in such a text, colons and quote marks are its own"
    )


def _quoted_line(lines: list[str], position: tuple[int, int]) -> str:
    """How the line at position, a text with a colon in it there, is written in double
    quotes, as the end of a hint (quoted_example: the line itself, or for a long text
    where the marks go).

    The text of its key, or, where the line starts with no key of the format
    (`- Workforce: stability`, an item of a list of texts), the whole item; for a text
    that goes on over the lines below (_text_end), where the two marks go. "" where that is
    not plain to see: something else is under it, it is quoted already, or it holds a `#`
    or a tab (a comment, or part of the text?).
    """
    from .model import keys  # only for this mistake: reading YAML needs no model

    colon = position[0] - 1
    if not 0 <= colon < len(lines):
        return ""
    if position[1] - 1 < _parts(lines[colon]).start("value"):
        return ""  # the colon of the line's own key: what is wrong is above it
    # The line may go on with a text begun on a line above (`summary: Inspectors found`, then
    # `on the following: care leavers`): the quote marks go around that whole text, from its key's line.
    number = _text_start(lines, colon)
    parts = _parts(lines[number])
    if number < colon and parts["key"] not in keys():
        return ""  # a text under a key that is not the format's (`sumary:`): that key is wrong too
    lead = parts["lead"].strip()
    text = parts["value"].rstrip()
    if parts["key"] and parts["key"] not in keys():
        text, key = f"{parts['key']}: {text}", ""
    else:
        key = f"{parts['key']}: " if parts["key"] else ""
    if not (parts["key"] or lead) or not text or text[0] in "\"'" + CURLY:
        return ""  # a line that goes on with a text above it, or one in quotes
    # A paragraph pasted over several lines, further in than its key or in line with it:
    # the quote marks go around all of it (around the first line alone, the next would
    # read as a key of its own).
    last = _text_end(lines, number, len(parts["lead"]), level=True)
    whole = " ".join([text, *(lines[n].strip() for n in range(number + 1, last + 1))])
    after = next((n for n in range(last + 1, len(lines)) if _written(lines[n])), None)
    if after is not None and _indent(lines[after]) > len(parts["lead"]) and not _parts(lines[after])["key"]:
        return ""  # a list under it, or more that is not plain to read
    if last < colon or "#" in whole or "\t" in whole or (last > number and ('"' in whole or "\\" in whole)):
        return ""
    if last > number:
        return _marks(whole, number if number < colon else None, key.strip(), last)
    return quoted_example(f"{lead} {key}".lstrip(), text)


def _marks(whole: str, first: int | None, key: str, last: int) -> str:
    """The end of a hint: where the two `"` go around whole, a text from line first (0-based;
    None where the colon that is wrong is on that line) after key, to line last."""
    after_key = f", after `{key}`" if key else ""
    start = f"`{whole.split()[0]}`" + (f" on line {first + 1}{after_key}," if first is not None else "")
    return f': a `"` before {start} and another after `{whole.split()[-1]}` on line {last + 1}'


def _text_start(lines: list[str], number: int) -> int:
    """The line (0-based) where the text that line number is part of starts: the line of the
    key further out above it whose text it goes on with, else number itself."""
    column = _indent(lines[number])
    for n in range(number - 1, -1, -1):
        if not _written(lines[n]):
            return number  # what follows an empty line is not plainly more of a text above it
        upper = _parts(lines[n])
        if len(upper["lead"]) < column:  # a key further out: the text may be its
            return n if upper["key"] and upper["value"].strip() else number
        if upper["key"] or upper["lead"].strip():
            return number  # a key or an item beside it, or further in: the line is one of its own
    return number


def _text_end(lines: list[str], number: int, column: int, *, level: bool = False) -> int:
    """The last line (0-based) of a text that starts on line number, its key at column: the
    lines below it indented further that hold no key.

    With level, for a paragraph an editor pasted: also those in line with the key; and a
    line's `Word:` counts as text where it starts with a capital (`Next steps: a weekly
    tracker`), as the format's keys are lowercase. Not a list item or a comment, nor a
    lowercase key or a key written without its colon (`visited 2023-05`), which is the
    file going on: in the quotes, it would pass as words of the text.
    """
    last = number
    while last + 1 < len(lines) and lines[last + 1].strip():
        line = lines[last + 1]
        below, indent = _parts(line), _indent(line)
        if not level:
            goes_on = indent > column and not below["key"]
        else:
            goes_on = (
                indent >= column
                and not below["lead"].strip()
                and not line.lstrip().startswith("#")
                and (below["key"][0].isupper() if below["key"] else not _key_without_colon(lines, last + 1))
            )
        if not goes_on:
            break
        last += 1
    return last


def _no_colon(lines: list[str], number: int, also: str = "") -> Explained | None:
    """Line number (0-based) as a key and its value without the colon between them; `also` ends the hint."""
    missing = _NO_COLON.match(lines[number]) if 0 <= number < len(lines) else None
    if missing is None:
        return None
    keyed = _key_without_colon(lines, number)
    if block := _outside_block(lines, number, keyed=keyed):
        return block
    position = (number + 1, len(missing["lead"]) + 1)
    message = f"YAML syntax error: `{missing['word']}` has no colon after it"
    if not keyed and (missing["word"][0].isupper() or len(missing["rest"].split()) >= 3):
        # Keys are lowercase single words: this reads like a note whose `# ` was taken away,
        # or, inside an entry under a `key: text` line at least as far in, the rest of that text.
        above = _parts(lines[number - 1]) if number and missing["lead"] else None
        value = above["value"].strip() if above else ""
        if (
            above
            and above["key"]
            and value
            and value[0] not in "\"'[{|>&*!#"
            # As far in as that key, or less far: a text wrapped by hand onto the next line.
            and len(above["lead"]) >= len(missing["lead"])
        ):
            depth = len(above["lead"]) + 2  # past the key's first letter, after any `- `
            hint = (
                f"if this line goes on with the text of `{above['key']}` above, indent it further than "
                f"`{above['key']}:`, {depth} spaces; if it is a comment, put `# ` back at its start"
            )
            return position, message, hint
        note = "if this line is a comment, put `# ` back at its start; if it is a value, write a colon and a space"
        return position, message, f"{note} after its key"
    lead = missing["lead"].strip()
    example = f"{lead}{' ' if lead else ''}{missing['word']}: {missing['rest'].rstrip()}"
    return position, message, f"write a colon and a space after the key, like `{example}`{also}"


def _text_before_items(lines: list[str], number: int) -> Explained | None:
    """Line number (0-based), a list's item, below words between it and its key: a comment
    that lost its `# ` (`sources:` / `  Ofsted's reports` / `  - id: ...`), which YAML takes
    for the key's value, and the items for more of it; or, under a text's key (`summary:`),
    the text and a list in it, written without the `|` that keeps them."""
    if not 0 <= number < len(lines) or not lines[number].lstrip().startswith("- "):
        return None
    column, above, words = _indent(lines[number]), number - 1, []
    while above >= 0 and (not _written(lines[above]) or _indent(lines[above]) == column):
        if _written(lines[above]):
            parts = _parts(lines[above])
            if parts["lead"].strip() or parts["key"]:
                return None  # an item or a key: the list has begun, or this is not one
            words.append(above)
        above -= 1
    opened = _parts(lines[above]) if above >= 0 else None
    if (
        not words
        or opened is None
        or opened["key"] not in LIST_KEYS | _MARKDOWN_KEYS
        or _indent(lines[above]) >= column
        or opened["value"].split("#", 1)[0].strip()
    ):
        return None
    key = opened["key"]
    if key in _MARKDOWN_KEYS:
        # `summary:`, its words, then a list: all one text, which YAML reads only after `|`.
        after = len(lines[above].split("#", 1)[0].rstrip()) + 1
        hint = (
            "a note shows as one paragraph: write the list's items as sentences in it, after `note:`"
            if key == "note"
            else f"write `{key}: |`, then the text and the list on the lines below it, indented further than "
            f"`{key}:`, with an empty line before the list"
        )
        message = f"YAML syntax error: the text of `{key}:` goes on into a list, which YAML reads only after `|`"
        return (above + 1, after), message, hint
    first, last = words[-1] + 1, words[0] + 1
    these = f"line {first}" if first == last else f"lines {first} to {last}"
    return (
        (first, column + 1),
        f"YAML syntax error: words between `{opened['key']}:` and its list's first item",
        f"if they are a comment, put `# ` back at the start of {these}; if not, delete them: what is under "
        f"`{opened['key']}:` is its list, each item starting with `- `",
    )


def _outside_block(lines: list[str], number: int, *, keyed: bool = False) -> Explained | None:
    """Line number (0-based), meant as text of a `key: |` block above it but not indented as far."""
    found = outside_block(lines, number, keyed=keyed)
    if found is None:
        return None
    _, message, hint = found
    return (number + 1, _indent(lines[number]) + 1), f"YAML syntax error: {message}", hint


def outside_block(lines: list[str], number: int, *, keyed: bool = False) -> tuple[str, str, str] | None:
    """For line number (0-based) if it follows a `key: |` block less indented than its text: key, message, hint.

    keyed: the line reads as `key: value`, so it is taken for the block's text only where
    it is further in than the block's key, where no key of the file could stand.
    """
    indent = _indent(lines[number])
    above = number - 1
    while above >= 0 and (not lines[above].strip() or _indent(lines[above]) > indent):
        above -= 1  # the block's text so far, indented further than this line
    header = _BLOCK_HEADER.match(lines[above]) if above >= 0 else None
    if header is None or (keyed and indent <= header.start("key")):
        return None
    text = [_indent(lines[n]) for n in range(above + 1, number) if lines[n].strip()]
    depth = text[0] if text else len(header["lead"]) + 2
    return (
        header["key"],
        f"this line is not indented as far as the text of `{header['key']}:` above it",
        f"the lines of a `{header['mark']}` text are indented further than its key: indent this line {depth} spaces",
    )


_TIGHT_COLON = re.compile(r"^(?P<lead> *(?:- +)*)(?P<key>[A-Za-z_][\w-]*):(?P<rest>[^\s:/].*)$")
_BLOCK_HEADER = re.compile(r"^(?P<lead> *(?:- +)*)(?P<key>[A-Za-z_][\w-]*) *: +(?P<mark>[|>])[-+0-9]*\s*(?:#.*)?$")


def _tight_key_above(lines: list[str], position: tuple[int, int]) -> Explained | None:
    """`- id:r1` above `text: ...`: with no space after its colon, the first key is text,
    which the next line's key then runs on from (`a colon and a space inside a value`).

    Only where YAML stopped at the colon of a key lined up with the one written tight, as
    the entry's next key is: a line of a text that happens to hold `ratio:staff` is left to
    the other explanations.
    """
    number = position[0] - 1
    here = _parts(lines[number]) if 0 <= number < len(lines) else None
    if here is None or not here["key"] or len(here["lead"]) + len(here["key"]) + 1 != position[1]:
        return None
    above = next((n for n in range(number - 1, -1, -1) if _written(lines[n])), -1)
    tight = _TIGHT_COLON.match(lines[above]) if above >= 0 and not _parts(lines[above])["key"] else None
    # The format's keys are lowercase (`Note:` starts a sentence).
    if tight is None or not tight["key"].islower() or len(tight["lead"]) != len(here["lead"]):
        return None
    return _written_tight(tight, (above + 1, len(tight["lead"]) + 1))


def _written_tight(tight: re.Match[str], position: tuple[int, int]) -> Explained:
    """The error for a key that _TIGHT_COLON found with no space after its colon, told at position."""
    fixed = f"{tight['lead'].strip()} {tight['key']}: {tight['rest']}".strip()
    return (
        position,
        f"YAML syntax error: `{tight['key']}:` has no space after its colon",
        f"write a space after the colon, like `{fixed}`",
    )


def _not_lined_up(lines: list[str], position: tuple[int, int]) -> Explained | None:
    """A `key:` or `- ` line at an indentation that none of the blocks above it has."""
    number = position[0] - 1
    if not 0 <= number < len(lines):
        return None
    here = _parts(lines[number])
    if position[1] != _indent(lines[number]) + 1:
        return None  # libyaml stopped inside the line, not at where it starts
    line_up = _place(lines, number) if here["key"] or here["lead"].strip() else ""
    if not line_up:
        return None
    return (
        position,
        f"YAML syntax error: {_named(here)} is not lined up with the lines above it",
        line_up,
    )


_EMPTY = re.compile(r"^(?P<indent> *)(?:- +)?(?P<key>[^\s#:][^#:]*?): *(?P<empty>\[ *\]|\{ *\}) *(?:#.*)?$")


def _under_empty(lines: list[str], position: tuple[int, int]) -> Explained | None:
    """Entries written under `actions: []`, which says the list is empty (as the files of
    plans with no actions yet are written)."""
    number = position[0] - 1
    if not 0 <= number < len(lines):
        return None
    above = next((n for n in range(number - 1, -1, -1) if _written(lines[n])), None)
    if above is None or not (empty := _EMPTY.match(lines[above])):
        return None
    # Entries go two further in than the key (`- ` after `- actions: []` counts), or at its
    # column as `- ` items; a key one space off is one mislaid, which other hints tell.
    here, key_at = _indent(lines[number]), empty.start("key")
    if not (here >= key_at + 2 or (here == key_at and lines[number].lstrip().startswith("- "))):
        return None
    key, marks = empty["key"].strip(), empty["empty"].replace(" ", "")
    return (
        position,
        f"YAML syntax error: `{key}: {marks}` on line {above + 1} says it is empty, so nothing can go under it",
        f"delete `{marks}` after `{key}:` on line {above + 1}, and the lines below become its entries",
    )


def _place(lines: list[str], number: int) -> str:
    """Where line number should go (`_line_up`), first asking whether a `- ` item begins a list whose key is missing,
    or whether a key begins a new item without its `- `."""
    item = _parts(lines[number])["lead"].strip()
    first = (
        (_stray_dash(lines, number) or _first_dash_missing(lines, number) or _list_key_missing(lines, number))
        if item
        else _dash_missing(lines, number)
    )
    # With a likelier mistake offered first, the other place is named alone.
    line_up = _line_up(lines, number, whole=not first)
    return f"{first}; if not, {line_up}" if first and line_up else first or line_up


def _dash_missing(lines: list[str], number: int, *, first: bool = False) -> str:
    """A key written where the `- ` of a list would start a new item: `date:` under `- date:`.

    first: the lines below it are indented as an item's keys would be, so it may be the
    list's first item, right under the `updates:` that holds it.
    """
    here = _parts(lines[number])
    if here["lead"].strip() or not here["key"]:
        return ""
    at = _indent(lines[number])
    for n in range(number - 1, -1, -1):
        if not _written(lines[n]) or _indent(lines[n]) > at:
            continue  # inside the items above
        above = _parts(lines[n])
        if _indent(lines[n]) == at and above["lead"].strip():
            below = next((m for m in range(number + 1, len(lines)) if _written(lines[m])), None)
            # Its keys written under it, at its column: with the dash they belong 2 spaces further in.
            keys = below is not None and _indent(lines[below]) == at and not _parts(lines[below])["lead"].strip()
            also = f", and indent the item's lines below it 2 spaces further, in line with `{here['key']}:`"
            return f"if `{here['key']}:` starts a new item of the list, put `- ` before it, as on line {n + 1}" + (
                also if keys else ""
            )
        if first and _indent(lines[n]) < at and above["key"] and not above["value"].strip():
            return f"if `{here['key']}:` starts the first item of a list under `{above['key']}:`, put `- ` before it"
        return ""
    return ""


def _stray_dash(lines: list[str], number: int) -> str:
    """`- leadership: good` between `overall: good` and `help-and-protection: good`, at their
    column: a key of the entry around it, typed with a list's `- `. Told first, as putting
    a `- ` before the key above it, the other way to line them up, would start a list there.

    Not where its key, or one below it, is one the entry has already: that starts the
    entry's next item (`- date:` under an update's `note:`), whose dash is misplaced.
    """
    here = _parts(lines[number])
    if here["lead"].strip() != "-" or not here["key"]:
        return ""
    at = _indent(lines[number])
    above = _keys_at(lines, range(number - 1, -1, -1), at)
    below = _keys_at(lines, range(number + 1, len(lines)), at)
    if not above or not below or here["key"] in above or set(below) & set(above):
        return ""
    return f"if `{here['key']}:` is a key of the same entry as `{above[0]}:` above it, delete the `- ` before it"


def _keys_at(lines: list[str], numbers: range, at: int) -> list[str]:
    """The keys written at column at on the lines numbers walk, nearest first, until one is
    written further out (the `- ` line that starts their item counts, if its key is at at)."""
    keys = []
    for n in numbers:
        if not _written(lines[n]) or _indent(lines[n]) > at:
            continue
        parts = _parts(lines[n])
        if _indent(lines[n]) == at and not parts["lead"].strip() and parts["key"]:
            keys.append(parts["key"])
            continue
        if len(parts["lead"]) == at and parts["key"] and numbers.step < 0:
            keys.append(parts["key"])
        break
    return keys


def _first_dash_missing(lines: list[str], number: int) -> str:
    """`date:` and `status:` at the column of the `- ` item below them, right under `updates:`: the list's
    first item written without its dash."""
    at = _indent(lines[number])
    first = None
    for n in range(number - 1, -1, -1):
        if not _written(lines[n]) or _indent(lines[n]) > at:
            continue
        parts = _parts(lines[n])
        if _indent(lines[n]) == at:
            if parts["lead"].strip() or not parts["key"]:
                return ""
            first = n
            continue
        if first is None or not parts["key"] or parts["value"].strip():
            return ""
        key = _parts(lines[first])["key"]
        return (
            f"if `{key}:` on line {first + 1} starts the list's first item, put `- ` before it, and indent "
            f"the lines after it, to line {number}, 2 spaces further"
        )
    return ""


def _list_key_missing(lines: list[str], number: int) -> str:
    """What to write above a `- ` item (line number) that starts a list inside an entry with no key to hold it.

    `status: done` then, further in, `- date: ...`: the entry's `updates:` line was left
    out. Lining the item up with a list above, as the plain hint says, would make it
    another entry of that list, and a second round of errors. The list's name is taken
    from another list in the file whose items have the same keys.
    """
    above = next((n for n in range(number - 1, -1, -1) if _written(lines[n])), None)
    if above is None:
        return ""
    entry = _parts(lines[above])
    column = len(entry["lead"])
    if not entry["key"] or not entry["value"].strip() or _indent(lines[number]) < column:
        return ""
    # The line after it is further out than its keys, with a key the entry there has already:
    # an entry pasted where the cursor stood, only its first line indented with the cursor.
    # Its keys are not known from its first line alone (an action's `id` read as a source's),
    # and lining it up is the fix.
    after = next((n for n in range(number + 1, len(lines)) if _written(lines[n])), None)
    if after is not None:
        rest = _parts(lines[after])
        if (
            rest["key"]
            and not rest["lead"].strip()
            and _indent(lines[after]) < len(_parts(lines[number])["lead"])
            and rest["key"] in _keys_at(lines, range(number - 1, -1, -1), _indent(lines[after]))
        ):
            return ""
    key = entry["key"]
    if key in _MARKDOWN_KEYS and not _parts(lines[number])["key"] and entry["value"].strip()[0] not in "|>&*!":
        # `- Caseloads are high.` under `summary: "Key findings:"`: a list meant in the text.
        if key == "note":  # an update's or a source's, shown as one paragraph
            return (
                f"if the list is part of the note on line {above + 1}, write its items as sentences in the note: "
                "a note shows as one paragraph"
            )
        return (
            f"if the list is part of the text of `{key}:` on line {above + 1}, write that text after `|`: "
            f"`{key}: |`, then the text and the list on the lines below it, indented further than `{key}:`, "
            "with an empty line before the list"
        )
    like = f"indented {column} spaces, like `{key}:` on line {above + 1}"
    mine = _item_keys(lines, number)
    # The entry above is itself an item with this one's keys (a second update pasted as far
    # in as the first one's keys): it is the next item of that list, not a list inside it.
    start = next((n for n in range(above, -1, -1) if _written(lines[n]) and _indent(lines[n]) < column), None)
    if (
        start is not None
        and _parts(lines[start])["lead"].strip()
        and len(_parts(lines[start])["lead"]) == column
        and len(mine & _item_keys(lines, start)) * 2 > len(mine)
    ):
        return ""
    alike = (n for n, line in enumerate(lines) if n != number and _parts(line)["lead"].strip())
    alike = (n for n in alike if len(mine & _item_keys(lines, n)) * 2 > len(mine))
    # A few: each look for a list's name may read back to the top of the file.
    for n in itertools.islice(alike, 8):
        if name := _list_name(lines, n):
            return f"if it starts the `{name}:` of the entry above, write `{name}:` on the line before it, {like}"
    # None in the file yet (an action's first update): the list whose items hold these keys,
    # in an entry that holds the key above.
    from .model import list_holding  # only for this mistake: reading YAML needs no model

    if mine and (holding := list_holding(frozenset(mine), key)):
        return f"if it starts the `{holding}:` of the entry above, write `{holding}:` on the line before it, {like}"
    return f"if it starts a list inside the entry above, write the list's key and a colon on the line before it, {like}"


def _list_name(lines: list[str], number: int) -> str:
    """The key that holds the list whose `- ` item starts on line number, if it is a block of its own."""
    indent = _indent(lines[number])
    for n in range(number - 1, -1, -1):
        if not _written(lines[n]) or (_indent(lines[n]) == indent and _parts(lines[n])["lead"].strip()):
            continue  # an item of the same list, or a line inside one
        parts = _parts(lines[n])
        bare = bool(parts["key"]) and not parts["value"].strip()
        if _indent(lines[n]) < indent:
            return parts["key"] if bare else ""
        if _indent(lines[n]) == indent:
            # `updates:` with its items at its own indentation: only where they follow it at once.
            after = next((m for m in range(n + 1, number + 1) if _written(lines[m])), number)
            return parts["key"] if bare and _indent(lines[after]) == indent else ""
    return ""


def _line_up(lines: list[str], number: int, whole: bool) -> str:
    """Where line number should go: in line with the items of a list, or the keys of a mapping, open above it;
    whole: and the lines under it that move with it.

    One place, the nearest; for a `- ` item, the list whose items have its keys (an
    inspection's `type` and `visited` belong among inspections, not among its
    recommendations). A second place offered beside it was, more often than not, one
    that made another mistake.
    """
    from .model import beside  # only for this mistake: reading YAML needs no model

    here = _parts(lines[number])
    item = bool(here["lead"].strip())
    at = _indent(lines[number]) if item else len(here["lead"])
    mine = _item_keys(lines, number) if item else set()
    # A key goes among keys it can stand beside: `plans:` among `inspections:` and `name:`,
    # not among a recommendation's keys that happen to be nearer.
    fellows = frozenset() if item else beside(here["key"])
    # Each block still open above the line, nearest first: a list's `- ` items, or a mapping's keys.
    limit = 1 << 30
    places: list[tuple[int, int, str, int]] = []
    for n in range(number - 1, -1, -1):
        if not _written(lines[n]):
            continue
        parts = _parts(lines[n])
        col = _indent(lines[n]) if item else len(parts["lead"])
        if (parts["lead"].strip() if item else parts["key"]) and col < limit and col != at:
            said = f"{col} spaces, like line {n + 1}" if col else f"no indentation, like line {n + 1}"
            if not item and parts["lead"].strip():
                # `- date:` is indented less than its key: the key is what to line up with.
                said = f"{col} spaces, in line with `{parts['key']}:` on line {n + 1}"
            rank = -len(mine & _item_keys(lines, n)) if item else int(parts["key"] not in fellows)
            places.append((rank, len(places), said, col))
        limit = min(limit, _indent(lines[n]))
    if not places:
        return ""
    _, _, where, col = min(places)
    if item and (first := _first_out_of_line(lines, number, col)):
        return first
    where += _moved_with(lines, number, col) if whole else ""
    if item:
        return f"line up its `-` with the items of the list it belongs to: {where}"
    return f"indent `{here['key']}:` as far as the keys it belongs with: {where}"


def _first_out_of_line(lines: list[str], number: int, col: int) -> str:
    """For a `- ` item not lined up with the one item of its list above it: that first item
    moved instead, where it is the one out of place: this item is where a list goes, two
    spaces further in than its key or at the key's own column, and the first is neither.

    YAML takes a list's indentation from its first item, so the second is told it is out
    of line even when the first was typed a space too far in (`recommendations:` at 4
    spaces, `- id: r1` at 7, `- id: r2` at 6): moving the second, and every item after it,
    would line them up with the mistake.
    """
    above = [n for n in range(number - 1, -1, -1) if _written(lines[n])]
    first = next((n for n in above if _indent(lines[n]) == col), None)
    if first is None or not _parts(lines[first])["lead"].strip():
        return ""
    key = next((n for n in above if n < first), -1)
    parts = _parts(lines[key]) if key >= 0 else None
    if parts is None or not parts["key"] or parts["value"].split("#")[0].strip() or parts["lead"].strip():
        return ""  # the first item's list is not one opened by a `key:` on a line of its own
    at, key_at = _indent(lines[number]), _indent(lines[key])
    if at not in (key_at, key_at + 2) or col in (key_at, key_at + 2):
        return ""
    shift = at - col
    spaces = shifted(shift)
    last = next(n for n in above if n < number)  # the item's last written line, not a comment below it
    moved = f"line {first + 1}" if first == last else f"lines {first + 1} to {last + 1}"
    return (
        f"the list's first item, on line {first + 1}, is the one out of line: move {moved} {spaces}, "
        f"so that it starts {at} spaces in, like this one"
    )


def shifted(shift: int) -> str:
    """A move of a line by shift columns, as a hint says it: `1 space left`, `3 spaces right`."""
    return f"{abs(shift)} space{'s' if abs(shift) != 1 else ''} {'left' if shift < 0 else 'right'}"


def _moved_with(lines: list[str], number: int, target: int) -> str:
    """For a line that starts a block pasted too far in or out: the lines under it that move with it.

    Fixed one line at a time, each run of the check would find the next line out of place.
    They are the lines from the first under it, two further in (where they would be under
    it), up to the first line less far in than that, or the next item of its list where it
    belongs (`- id: A3` under a `- id: A2` two spaces short of it; not an item of a list
    written at its key's own indentation, `updates:` then `- date:`); none when they sit
    where they would under its place, left where they were meant.
    """
    at = _indent(lines[number])
    written = [n for n in range(number + 1, len(lines)) if _written(lines[n])]
    if not written or _indent(lines[written[0]]) - at != 2 or _indent(lines[written[0]]) - target == 2:
        return ""
    under = _indent(lines[written[0]])
    last = written[0]
    in_key_list = False  # after a key of its own with nothing after the colon, at the target's indentation
    for n in written[1:]:
        parts = _parts(lines[n])
        if _indent(lines[n]) < under:
            break
        if _indent(lines[n]) == target:
            if parts["lead"].strip() and not in_key_list:
                break
            if not parts["lead"].strip():
                in_key_list = bool(parts["key"]) and not parts["value"].strip()
        last = n
    shift = target - at
    spaces = shifted(shift)
    one = last == written[0]
    below = f"line {last + 1}" if one else f"lines {written[0] + 1} to {last + 1}"
    return f"; {below}, under it, {'moves' if one else 'move'} with it, {spaces}"


def _item_keys(lines: list[str], number: int) -> set[str]:
    """The keys of the `- ` item that starts on line number: its first, and those lined up under
    it; or those inside its braces, for an item written on one line (`- {date: ..., note: ...}`)."""
    first = _parts(lines[number])
    if _FLOW_ITEM.match(lines[number]):
        return set(_FLOW_KEY.findall(first["value"]))
    keys = {first["key"]} if first["key"] else set()
    column = len(first["lead"])
    for line in lines[number + 1 : number + 40]:
        if not _written(line):
            continue
        parts = _parts(line)
        if _indent(line) < column or parts["lead"].strip():
            break
        if len(parts["lead"]) == column and parts["key"]:
            keys.add(parts["key"])
    return keys


_FLOW_ITEM = re.compile(r" *- +\{ *(?P<key>[A-Za-z_][\w-]*) *:")
_FLOW_KEY = re.compile(r"[{,] *([A-Za-z_][\w-]*) *:")


def _named(parts: re.Match[str]) -> str:
    return "this `- ` item" if parts["lead"].strip() else f"`{parts['key']}:`"


def _parts(line: str) -> re.Match[str]:
    parts = _LINE.match(line)
    assert parts is not None  # every part of the pattern may be empty
    return parts


def _written(line: str) -> bool:
    """Whether a line holds more than space or a comment."""
    stripped = line.lstrip()
    return bool(stripped) and not stripped.startswith("#")


_NO_COLON = re.compile(r"^(?P<lead> *(?:- +)*)(?P<word>[A-Za-z_][\w-]*) +(?P<rest>[^\s:#].*)$")


def _list_below_text(lines: list[str], position: tuple[int, int]) -> str | None:
    """The key of a text whose line ends with a colon, a list's items below it (`summary:
    Key findings:` / `- Caseloads ...`), as a document is pasted onto one line: its key."""
    line = lines[position[0] - 1]
    parts = _parts(line)
    if parts["key"] not in _MARKDOWN_KEYS or position[1] < len(line.rstrip()):
        return None  # a title, say, is shown as typed: a list in it would run together
    below = next((text for text in lines[position[0] :] if _written(text)), "")
    # A word processor's bullet starts a pasted list, however far in; `- ` may start the next entry.
    pasted = below.lstrip()[:1] in BULLETS and below.lstrip()[1:2] in (" ", "\t")
    if not pasted and (_indent(below) <= len(parts["lead"]) or not below.lstrip().startswith(("- ", "* ", "1. "))):
        return None
    return str(parts["key"])


def _key_without_colon(lines: list[str], number: int) -> bool:
    """Whether line number (0-based) starts with a key of the format, or a word the file
    uses as a key elsewhere (`owner Head of Service`): that key without its colon, even
    under a `|` text, if no further in than the text's key."""
    from .model import keys  # only for this mistake: reading YAML needs no model

    missing = _NO_COLON.match(lines[number])
    if missing is None:
        return False
    return missing["word"] in keys() or any(_parts(line)["key"] == missing["word"] for line in lines)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _comment_in_brackets(lines: list[str], exc: yaml.MarkedYAMLError) -> tuple[tuple[int, int], str] | None:
    """Where, inside an unclosed `[...]` or `{...}`, a comment hides its closing bracket, and what it hides."""
    start, end = exc.context_mark, exc.problem_mark
    if exc.context not in _FLOW or start is None or end is None:
        return None
    for number in range(start.line, min(end.line + 1, len(lines))):
        line = lines[number]
        for found in COMMENT.finditer(line, start.column if number == start.line else 0):
            hidden = line[found.start() :].rstrip()
            if line[: found.start()].strip() and ("]" in hidden or "}" in hidden):
                return (number + 1, found.start() + 1), hidden
    return None
