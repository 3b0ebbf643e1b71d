"""Collect the text that citations are looked for in, from an AKN tree.

In: a parsed AKN document.  Out: `Segment`s in reading order, one per block of running text (a
`p` of the body, a `p` of a footnote, a table cell's `p`), each with its text and the text
nodes (`Piece`s) it was put together from, so a span of the text can be found again in the
tree.  Inline markup (`i`, `b`, `span`, an existing `ref`, ...) is transparent; a page marker
(`eop`) adds no text; a footnote (`authorialNote`) adds none either: its paragraphs are
segments of their own, read at the call (for id. and supra) as a reader reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ..akn.names import q

# Where running text lives: citations in the caption (header) are the opinion's own, not
# citations it makes; meta holds no text of the opinion.
TEXT_PARTS = ("judgmentBody", "conclusions", "attachments")
BLOCKS = frozenset(q(t) for t in ("p", "heading", "subheading", "num", "blockList"))
SEGMENT_TAGS = frozenset({q("p")})
# Elements whose content is not running text of this segment.
OPAQUE = frozenset({q("authorialNote"), q("noteRef"), q("eop"), q("eol"), q("img"),
                    q("marker"), q("br")})
OWNERS = frozenset({q("paragraph"), q("authorialNote")})  # what a citation row names


@dataclass
class Piece:
    node: etree._Element
    slot: str  # "text": node.text; "tail": node.tail
    start: int  # offset of the piece in the segment text
    end: int
    locked: bool = False  # inside an existing ref/a: never wrapped again

    @property
    def container(self) -> etree._Element:
        return self.node if self.slot == "text" else self.node.getparent()


@dataclass
class Segment:
    element: etree._Element
    text: str
    pieces: list[Piece]
    rank: tuple  # reading order across segments and the notes called inside them
    owner: str | None  # eId of the enclosing paragraph or note
    calls: list[tuple[int, etree._Element]] = field(default_factory=list)  # notes at offsets

    def order(self, offset: int) -> tuple:
        """Sort key of a position in this segment among all segments' positions."""
        return self.rank + (offset,)


def _owner(el: etree._Element) -> str | None:
    node = el
    while node is not None:
        if node.tag in OWNERS and node.get("eId"):
            return node.get("eId")
        node = node.getparent()
    return None


def _segment(p: etree._Element, rank: tuple) -> tuple[Segment, list]:
    parts: list[str] = []
    pieces: list[Piece] = []
    notes: list[tuple[int, etree._Element]] = []
    pos = 0

    def add(node, slot, text, locked):
        nonlocal pos
        if text:
            parts.append(text)
            pieces.append(Piece(node, slot, pos, pos + len(text), locked))
            pos += len(text)

    def walk(el, locked):
        add(el, "text", el.text, locked)
        for child in el:
            if not isinstance(child.tag, str):
                pass
            elif child.tag == q("authorialNote"):
                notes.append((pos, child))
            elif child.tag in OPAQUE:
                pass
            else:
                walk(child, locked or child.tag in (q("ref"), q("a")))
            add(child, "tail", child.tail, locked)

    walk(p, False)
    return Segment(p, "".join(parts), pieces, rank, _owner(p), notes), notes


def collect(tree) -> list[Segment]:
    """Every segment of the document's running text, in reading order."""
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    doc = next((c for c in root if isinstance(c.tag, str)), None)
    if doc is None:
        return []
    out: list[Segment] = []

    def blocks(el, rank):
        """The p's under `el` (not inside notes, which their call reads)."""
        k = 0
        for child in el:
            if not isinstance(child.tag, str):
                continue
            if child.tag == q("p"):
                take(child, rank + (k,))
                k += 1
            elif child.tag != q("authorialNote"):
                blocks_inline(child, rank + (k,))
                k += 1

    def blocks_inline(el, rank):
        # Containers and inline elements that are not p: look for p's below them, and for
        # notes called in headings and nums (which are not segments themselves).
        if el.tag in (q("heading"), q("num"), q("subheading")):
            for j, note in enumerate(x for x in el.iter(q("authorialNote"))
                                     if _nearest_note_parent(x) is el):
                blocks(note, rank + (j,))
            return
        blocks(el, rank)

    def take(p, rank):
        seg, notes = _segment(p, rank)
        out.append(seg)
        for offset, note in notes:
            blocks(note, rank + (offset,))

    for k, part in enumerate(doc):
        if isinstance(part.tag, str) and etree.QName(part).localname in TEXT_PARTS:
            blocks(part, (k,))
    out.sort(key=lambda s: s.rank)
    return out


def _nearest_note_parent(note):
    node = note.getparent()
    while node is not None and node.tag not in (q("heading"), q("num"), q("subheading"), q("p")):
        node = node.getparent()
    return node


def header_segments(tree) -> list[Segment]:
    """The caption's text blocks (where an opinion prints its own citation)."""
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    doc = next((c for c in root if isinstance(c.tag, str)), None)
    header = doc.find(q("header")) if doc is not None else None
    if header is None:
        return []
    return [_segment(p, (k,))[0] for k, p in enumerate(header.iter(q("p")))]
