"""Footnote calls and bodies of structured sources: which body belongs to which call.

Readers collect the calls (a `Note` placed where the text calls it, with an optional link
key) and the bodies (marker, blocks, optional key) separately; `attach` pairs them:

1. by link key, when the source links call and body (`href="#footnote_1_3"`);
2. otherwise in document order by marker: each call takes the first unused body with its
   marker, so writings whose notes restart at 1 pair up in turn;
3. a body paragraph that opens with `FN<marker>` ("FN* All of the cases ...") is the body of
   the `<marker>` call even when the source ran it into the previous note.

Calls without a body and bodies without a call are reported, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...document import Block, Inline, Note, P, Span

_FN_PREFIX = re.compile(r"^\s*FN\s*(\*+|†|‡|\d+|[a-z])\.?\s")


def norm_marker(text: str) -> str:
    """`1.` `[fn1]` `fn1` `FN*` ` 12 ` -> `1` `1` `1` `*` `12`."""
    t = text.strip().strip("[]().").strip()
    t = re.sub(r"^(?:fn|FN|n)\s*", "", t)
    return t.strip(". ") or text.strip()


@dataclass
class Body:
    marker: str
    blocks: list[Block] = field(default_factory=list)
    key: str | None = None


@dataclass
class Call:
    note: Note
    key: str | None = None


def split_fn_paragraphs(bodies: list[Body], wanted: set[str]) -> list[Body]:
    """Bodies with an `FN<m>` paragraph inside, for a wanted marker m, split in two."""
    out: list[Body] = []
    for body in bodies:
        current = body
        out.append(current)
        for k, block in enumerate(list(body.blocks)):
            if k == 0 or not isinstance(block, P):
                continue
            m = _FN_PREFIX.match(_text(block.content))
            if m and norm_marker(m.group(1)) in wanted:
                moved = body.blocks[k:]
                del body.blocks[k:]
                _strip_prefix(moved[0], m.end())
                current = Body(norm_marker(m.group(1)), moved)
                out.append(current)
                wanted.discard(current.marker)
                break
    return out


def _text(content: list[Inline]) -> str:
    return "".join(i if isinstance(i, str) else _text(i.content) if isinstance(i, Span) else ""
                   for i in content)


def _strip_prefix(block: P, n: int) -> None:
    """Drop the first n visible characters (the `FN*` label) of a paragraph."""
    content = block.content
    while n > 0 and content and isinstance(content[0], str):
        if len(content[0]) <= n:
            n -= len(content[0])
            content.pop(0)
        else:
            content[0] = content[0][n:]
            n = 0


def attach(calls: list[Call], bodies: list[Body], warnings: list[str]) -> list[Body]:
    """Fill each call's note with its body.  Returns the bodies no call claimed."""
    used: set[int] = set()
    by_key = {b.key: k for k, b in enumerate(bodies) if b.key}
    pending: list[Call] = []
    for call in calls:
        k = by_key.get(call.key) if call.key else None
        if k is not None and k not in used:
            used.add(k)
            call.note.blocks = bodies[k].blocks
        else:
            pending.append(call)
    wanted = {norm_marker(c.note.marker) for c in pending}
    missing = wanted - {norm_marker(b.marker) for k, b in enumerate(bodies) if k not in used}
    if missing:
        bodies[:] = split_fn_paragraphs(bodies, set(missing))
        used = {k for k, b in enumerate(bodies) if any(b.blocks is c.note.blocks
                                                        for c in calls)}
    for call in pending:
        marker = norm_marker(call.note.marker)
        k = next((k for k, b in enumerate(bodies) if k not in used
                  and norm_marker(b.marker) == marker), None)
        if k is None:
            warnings.append(f"footnote {call.note.marker}: called but no note text found")
            call.note.blocks = [P([""])]
            continue
        used.add(k)
        call.note.blocks = bodies[k].blocks
    return [b for k, b in enumerate(bodies) if k not in used]
