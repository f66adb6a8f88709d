"""Markdown from content into HTML that can carry no script.

Markdown's output, raw HTML included, goes through nh3, which keeps only a short list
of tags and attributes and only http, https and mailto links. Raw HTML is therefore
stripped: a <script> or <style> element disappears with its content, other tags
disappear and leave their text.
"""

from __future__ import annotations

import re
from functools import lru_cache

import markdown
import nh3
from markupsafe import Markup

TAGS = {"p", "ul", "ol", "li", "em", "strong", "a", "blockquote", "code", "pre", "br"}
SCHEMES = {"http", "https", "mailto"}


_MD = markdown.Markdown(extensions=[], output_format="html")
# A link whose address nh3 refused keeps its text but must not stay a link with no target.
_DEAD_LINK = re.compile(r'<a rel="noopener noreferrer">(.*?)</a>', re.S)


@lru_cache(maxsize=4096)
def render_markdown(text: str) -> Markup:
    html = _MD.reset().convert(text)
    clean = nh3.clean(
        html,
        tags=TAGS,
        attributes={"a": {"href"}},
        url_schemes=SCHEMES,
        link_rel="noopener noreferrer",
        url_relative="deny",
    )
    return Markup(_DEAD_LINK.sub(r"\1", clean))


def render_inline(text: str) -> Markup:
    """Markdown for short text shown inside a sentence or list item: no wrapping paragraph."""
    html = str(render_markdown(text))
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)
