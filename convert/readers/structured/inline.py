"""Inline content of structured sources: HTML/XML elements to the document model's inlines.

Formatting (`i`/`em`, `b`/`strong`, `u`, `sup`, `sub`) becomes `Span`s; citations the source
already marked become `ref` spans whose href follows the citation-linking scheme the `cite`
module uses (`https://www.courtlistener.com/c/{reporter}/{volume}/{page}/`); a reader's own
elements (note calls, page labels) are handled by the `hook` it passes.
"""

from __future__ import annotations

import re
from typing import Callable
from urllib.parse import quote

from ...document import Inline, PageBreak, Span
from . import pages

Hook = Callable[[object], "list[Inline] | None"]

_FORMAT = {"i": "i", "em": "i", "cite": "i", "italic": "i", "b": "b", "strong": "b",
           "bold": "b", "u": "u", "underline": "u", "sup": "sup", "superscript": "sup",
           "sub": "sub"}
# Elements whose content is laid out as its own line: a space keeps words apart.
_BREAKING = {"br", "p", "div", "center", "blockquote", "li", "tr", "td", "h1", "h2", "h3",
             "h4", "h5", "h6"}

_CASE_CITE = re.compile(r"^\s*(\d{1,5})\s+([A-Z][A-Za-z0-9.'‘’ ]*?[A-Za-z.'’])\s+(\d{1,6})\b")


def case_href(volume: str, reporter: str, page: str) -> str:
    """The citation link of a case citation (the `cite` module's scheme)."""
    rep = quote(" ".join(reporter.split()), safe=".'")
    return f"https://www.courtlistener.com/c/{rep}/{volume}/{page}/"


def citation_href(text: str) -> str | None:
    """The link for a marked citation whose text starts `volume reporter page`, else None
    (statutes and other marked references have no case link)."""
    m = _CASE_CITE.match(text)
    if not m:
        return None
    return case_href(m.group(1), m.group(2), m.group(3))


def local(tag) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def inlines(el, hook: Hook | None = None) -> list[Inline]:
    """The inline content of an element's children and text (not its tail)."""
    out: list[Inline] = []
    if el.text:
        out.append(el.text)
    for child in el:
        if isinstance(child.tag, str):
            got = hook(child) if hook else None
            out.extend(element(child, hook) if got is None else got)
        if child.tail:
            out.append(child.tail)
    return out


def element(el, hook: Hook | None = None) -> list[Inline]:
    tag = local(el.tag)
    if tag == "br":
        return [" "]
    inner = inlines(el, hook)
    if tag in _FORMAT:
        return [Span(_FORMAT[tag], inner)] if inner else []
    if tag in _BREAKING:
        return [" ", *inner, " "]
    return inner


def split_markers(content: list[Inline], accept: Callable[[str], "list[PageBreak] | None"]
                  ) -> list[Inline]:
    """Replace `[vol Rptr page]` markers in text (also inside spans) by the page breaks
    `accept` returns for them; a marker it declines stays text."""
    out: list[Inline] = []
    for item in content:
        if isinstance(item, str):
            pos = 0
            for m in pages.MARKER.finditer(item):
                breaks = accept(m.group(0))
                if breaks is None:
                    continue
                out.append(item[pos:m.start()])
                out.extend(breaks)
                pos = m.end()
            out.append(item[pos:])
        elif isinstance(item, Span):
            item.content = split_markers(item.content, accept)
            out.append(item)
        else:
            out.append(item)
    return [i for i in out if i != ""]
