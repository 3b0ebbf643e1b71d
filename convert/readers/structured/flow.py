"""From a flat run of blocks to the document model: the step every structured reader shares.

A reader turns its source into `Unit`s in reading order (header paragraphs, then for each
writing its byline and paragraphs, block quotes, note bodies are attached already), and
`assemble` builds the `Document`:

- a unit that holds only page breaks (a vendor's `[945 N.E.2d 485]` on its own line) gives
  its breaks to the next unit's start, and when the paragraph before it stops mid-sentence
  the page break cut one paragraph in two: the two halves become one paragraph again;
- a block quote belongs to the paragraph before it in the same writing;
- inline text is whitespace-normalised (HTML collapses runs of spaces).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...document import (
    Document, Inline, Note, P, PageBreak, Paragraph, Quote, Span, Writing,
)

# Characters that end a paragraph's last sentence.  A paragraph ending in anything else
# ("... the authorities cited", "(5 Bro. PC at 6,", "(award of $1,000,000);") was cut by a
# page break.  A colon ends: it opens the quotation or list that follows.
SENTENCE_END = ".?!:\"”’')]"


@dataclass
class Unit:
    kind: str  # "p" or "quote"
    content: list[Inline] = field(default_factory=list)


@dataclass
class WritingUnits:
    kind: str  # majority, concurrence, dissent, ...
    author: str | None = None
    byline: list[Inline] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)


_SPACE = re.compile(r"[\s\u00a0]+")


def squash(content: list[Inline]) -> list[Inline]:
    """Collapse whitespace runs (HTML rendering rules), trim both ends, merge strings."""
    out = squash_inner(content)
    _trim(out)
    return out


def squash_inner(content: list[Inline]) -> list[Inline]:
    out: list[Inline] = []
    for item in content:
        if isinstance(item, str):
            text = _SPACE.sub(" ", item)
            if out and isinstance(out[-1], str):
                out[-1] = _SPACE.sub(" ", out[-1] + text)
            elif text:
                out.append(text)
        elif isinstance(item, Span):
            item.content = squash_inner(item.content)
            if item.content or item.tag == "ref":
                out.append(item)
        else:
            if isinstance(item, Note):
                for block in item.blocks:
                    if isinstance(block, P):
                        block.content = squash(block.content)
                    elif isinstance(block, Quote):
                        for inner in block.blocks:
                            if isinstance(inner, P):
                                inner.content = squash(inner.content)
            out.append(item)
    return out


def _trim(content: list[Inline]) -> None:
    while content and isinstance(content[0], str) and not content[0].strip():
        content.pop(0)
    if content and isinstance(content[0], str):
        content[0] = content[0].lstrip()
    while content and isinstance(content[-1], str) and not content[-1].strip():
        content.pop()
    if content and isinstance(content[-1], str):
        content[-1] = content[-1].rstrip()


def visible(content: list[Inline]) -> str:
    out = []
    for item in content:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, Span):
            out.append(visible(item.content))
    return "".join(out)


def only_breaks(content: list[Inline]) -> bool:
    has_break = any(isinstance(i, PageBreak) for i in _flat(content))
    return has_break and not visible(content).strip() and not any(
        isinstance(i, Note) for i in _flat(content))


def _flat(content: list[Inline]):
    for item in content:
        if isinstance(item, Span):
            yield from _flat(item.content)
        else:
            yield item


def breaks_of(content: list[Inline]) -> list[PageBreak]:
    return [i for i in _flat(content) if isinstance(i, PageBreak)]


def ends_sentence(content: list[Inline]) -> bool:
    text = visible(content).rstrip()
    return not text or text[-1] in SENTENCE_END


# A paragraph this short that ends without punctuation is a heading or a label ("I",
# "Opinion"), not a sentence a page break cut.
HEADING_MAX_WORDS = 3


def _cuttable(unit: Unit) -> bool:
    return len(visible(unit.content).split()) > HEADING_MAX_WORDS


def _starts_with_break(content: list[Inline]) -> bool:
    for item in content:
        if isinstance(item, PageBreak):
            return True
        if isinstance(item, Span):
            return _starts_with_break(item.content)
        if isinstance(item, str) and not item.strip():
            continue
        return False
    return False


def mend(units: list[Unit]) -> list[Unit]:
    """Give marker-only units' page breaks to the next unit; rejoin paragraphs a page break
    cut in two."""
    out: list[Unit] = []
    pending: list[PageBreak] = []
    cut = False  # the last unit kept was followed by a marker-only unit mid-sentence
    for unit in units:
        unit.content = squash(unit.content)
        if only_breaks(unit.content):
            if not pending:
                cut = bool(out) and not ends_sentence(out[-1].content)
            pending.extend(breaks_of(unit.content))
            continue
        if not unit.content:
            continue
        if not pending and out and _starts_with_break(unit.content):
            # The source already put the break at the start of the next paragraph.
            cut = not ends_sentence(out[-1].content)
            pending = []
            if cut and unit.kind == out[-1].kind and _cuttable(out[-1]):
                prev = out[-1]
                prev.content = squash(prev.content + [" "] + unit.content)
                cut = False
                continue
        if pending and cut and unit.kind == out[-1].kind and _cuttable(out[-1]):
            prev = out[-1]
            prev.content = squash(prev.content + [" "] + pending + unit.content)
        else:
            unit.content = pending + unit.content
            out.append(unit)
        pending, cut = [], False
    if pending:  # breaks after the last text: at the end of the last unit
        if out:
            out[-1].content.extend(pending)
        else:
            out.append(Unit("p", pending))
    return out


def paragraphs(units: list[Unit]) -> list[Paragraph]:
    """Units to body paragraphs: a quote joins the paragraph before it."""
    result: list[Paragraph] = []
    for unit in mend(units):
        if unit.kind == "quote":
            quote = Quote([P(unit.content)])
            if result:
                result[-1].blocks.append(quote)
            else:
                result.append(Paragraph([quote]))
        else:
            result.append(Paragraph([P(unit.content)]))
    return result


def assemble(doc: Document, header: list[Unit], writings: list[WritingUnits]) -> Document:
    """Fill `doc.header` and `doc.body` from the reader's units."""
    head = mend(header)
    doc.header = [P(u.content) if u.kind == "p" else Quote([P(u.content)]) for u in head]
    for w in writings:
        units = list(w.units)
        if w.byline:
            units.insert(0, Unit("p", w.byline))
        doc.body.append(Writing(w.kind, w.author, paragraphs(units)))
    return doc
