"""Collect the text that citations are looked for in, from an AKN tree.

In: a parsed AKN document.  Out: `Segment`s in reading order, one per block of running text (a
`p` of the body, a `p` of a footnote, a table cell's `p`), each with its text and the text
nodes (`Piece`s) it was put together from, so a span of the text can be found again in the
tree.  Inline markup (`i`, `b`, `span`, an existing `ref`, ...) is transparent; a page marker
(`eop`) adds no text; a footnote (`authorialNote`) adds none either: its paragraphs are
segments of their own, read at the call (for id. and supra) as a reader reads them.

`joined` reads as one text the consecutive blocks a reader broke inside a citation ("258 U. S."
at the end of one paragraph, "574, 580 (1922)" opening the next), so the citation is found
whole; each citation found in it is then placed back on the block that holds it.
"""

from __future__ import annotations

import re
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


# A block that ends inside a citation the reader split over two blocks (a paragraph break
# put where a page, a column or a PDF line ended), and the block that continues it:
#   "... Oklahoma v. Texas, 258 U. S."  +  "574, 580 (1922), and ..."     (slip opinion, raw text)
#   "... Graham, 473 U.S. 159, 105 S."  +  "Ct. 3099 (1985)"
#   "... Google LLC, 405 F. Supp. 3d"   +  "862, 866 (N.D. Cal. 2019)"    (PDF lines)
#   "... citizenship under 8 U.S.C."    +  "§ 1427. The United States ..."
#   "... held that 8"                   +  "U.S.C. § 1427 precludes ..."
#   "... No. 17-CV-183, 2019"           +  "WL 5212394, at *3-4"
#   "... peculiar to the case.” Id. at" +  "732 (internal citation omitted)"
# The end is a volume (a number), maybe with up to `SPLIT_REPORTER_WORDS` words of a reporter
# after it (abbreviations, or an edition: "2d", "4th"), or a pin cite's "at"; the start is a
# page, a section sign, an abbreviation or a reporter in capitals ("WL", "LEXIS").
SPLIT_REPORTER_WORDS = 4  # "U. S." is 2, "F. Supp. 2d" 3, "U.S. Dist. LEXIS" 3: room for one more
_OPEN_END = re.compile(
    rf"(?:(?<![\w.,-])\d{{1,4}}(?:\s+(?:[A-Z][\w.'’]*|\d(?:d|th|st|nd|rd)\b)){{0,{SPLIT_REPORTER_WORDS}}}"
    r"|(?<!\w)at)\s*$")
_CONTINUES = re.compile(r"^\s*(?:§|\d|\*\d|[A-Z][A-Za-z'’]*\.[\w.'’]*(?=\s)|[A-Z]{2,5}(?=\s))")


# `_OPEN_END` matches at the end of a block: a volume, the reporter words and the spaces
# between take far fewer characters than this, so only the block's tail is searched (the
# look-behind still sees the character before it).
_OPEN_END_REACH = 200


def _open_end(text: str) -> bool:
    return bool(_OPEN_END.search(text, max(0, len(text) - _OPEN_END_REACH)))


@dataclass
class Joined(Segment):
    """Consecutive segments of one flow (the body, or one note) read as one text, so a
    citation the reader split between them is found whole.  `parts` are (offset, segment)."""

    parts: list[tuple[int, Segment]] = field(default_factory=list)

    def place(self, found):
        """A citation found in the joined text, moved onto the one segment that holds it
        whole (its own offsets, order and owner); one that straddles two stays here."""
        for offset, seg in self.parts:
            if offset <= found.start and found.end <= offset + len(seg.text):
                found.segment, found.start, found.end = seg, found.start - offset, \
                    found.end - offset
                return found
        return found


def _flow(seg: Segment):
    node = seg.element.getparent()
    while node is not None and node.tag != q("authorialNote"):
        node = node.getparent()
    return node


def joined(segments: list[Segment]) -> list[Segment]:
    """The segments to read, with each run of segments split inside a citation joined."""
    out: list[Segment] = []
    run: list[Segment] = []
    for seg in segments:
        if run and _CONTINUES.match(seg.text) and _open_end(run[-1].text) \
                and _flow(run[-1]) is _flow(seg):
            run.append(seg)
            continue
        if run:
            out.append(_join(run))
        run = [seg]
    if run:
        out.append(_join(run))
    return out


def _join(run: list[Segment]) -> Segment:
    if len(run) == 1:
        return run[0]
    first = run[0]
    text, pieces, calls, parts = "", [], [], []
    for seg in run:
        if text:
            text += " "
        offset = len(text)
        parts.append((offset, seg))
        pieces += [Piece(p.node, p.slot, p.start + offset, p.end + offset, p.locked)
                   for p in seg.pieces]
        calls += [(at + offset, note) for at, note in seg.calls]
        text += seg.text
    return Joined(first.element, text, pieces, first.rank, first.owner, calls, parts)
