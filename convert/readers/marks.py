"""Private-use sentinels that carry inline objects (note calls, page breaks) through the text
steps (line joining, paragraph splitting) of the readers, and their expansion into inline
content at the end.  Input text is scrubbed of these code points first."""

from __future__ import annotations

import re
from typing import Callable

from ..document import Inline

_CALL_OPEN, _CALL_CLOSE = "\ue000", "\ue001"
_PAGE_OPEN, _PAGE_CLOSE = "\ue002", "\ue003"
OPENERS = {_CALL_OPEN: _CALL_CLOSE, _PAGE_OPEN: _PAGE_CLOSE}
_PRIVATE = re.compile("[\ue000-\ue003]")
TOKEN_PATTERN = "\ue000(\\d+)\ue001|\ue002([^\ue003]*)\ue003"
_TOKEN = re.compile(TOKEN_PATTERN)


def scrub(text: str) -> str:
    """Remove our sentinel code points from raw input."""
    return _PRIVATE.sub("", text)


def call(index: int) -> str:
    return f"{_CALL_OPEN}{index}{_CALL_CLOSE}"


def page(label: str | None) -> str:
    return f"{_PAGE_OPEN}{label or ''}{_PAGE_CLOSE}"


def has_call(text: str) -> bool:
    return _CALL_OPEN in text


def visible(text: str) -> str:
    """Text without sentinels (for measuring and classifying lines)."""
    if _CALL_OPEN not in text and _PAGE_OPEN not in text:  # most lines: no regex pass
        return text
    return _TOKEN.sub("", text)


def expand(text: str, note: Callable[[int], Inline], page_break: Callable[[str | None], Inline],
           plain: Callable[[str], list[Inline]] | None = None) -> list[Inline]:
    """Split text at sentinels into strings and the inline objects they stand for.  `plain`
    may further parse the text runs (e.g. Markdown emphasis)."""
    out: list[Inline] = []
    pos = 0
    for m in _TOKEN.finditer(text):
        if m.start() > pos:
            run = text[pos:m.start()]
            out.extend(plain(run) if plain else [run])
        if m.group(1) is not None:
            out.append(note(int(m.group(1))))
        else:
            out.append(page_break(m.group(2) or None))
        pos = m.end()
    if pos < len(text):
        out.extend(plain(text[pos:]) if plain else [text[pos:]])
    return out
