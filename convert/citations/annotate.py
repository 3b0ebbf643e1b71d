"""Wrap marked citations in AKN `ref` elements and list their references in `meta`.

In: `Mark`s and `Reference`s (see `resolve`) over the segments of a tree.  Out: the same tree,
each mark's text inside `ref` elements, one `TLCReference` per reference (see
`convert.akn.refs`).

Markup never crosses an element boundary: each text node a citation covers gets its own
`ref` around the part it holds.  A citation split by a page marker or a footnote call
("550 U.S.<eop/> 544") becomes two `ref`s with the same `href` and `refersTo`, one each side,
so neither link swallows the marker (which renders as a link of its own).  Text inside an
existing `ref` or `a` is never wrapped again.
"""

from __future__ import annotations

from lxml import etree

from ..akn.refs import RefWriter
from .resolve import Mark, Reference
from .segments import Piece


def _parts(mark: Mark) -> list[tuple[Piece, int, int]] | None:
    """The (piece, start, end) parts of a mark's span, trimmed of spaces; None if the span
    touches locked text."""
    out = []
    for piece in mark.found.segment.pieces:
        a, b = max(mark.start, piece.start), min(mark.end, piece.end)
        if a >= b:
            continue
        if piece.locked:
            return None
        text = mark.found.segment.text
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((piece, a - piece.start, b - piece.start))
    return out


def _wrap(piece: Piece, a: int, b: int, ref: etree._Element) -> None:
    node = piece.node
    if piece.slot == "text":
        text = node.text
        node.text = text[:a] or None
        ref.text, ref.tail = text[a:b], text[b:] or None
        node.insert(0, ref)
    else:
        text = node.tail
        node.tail = text[:a] or None
        ref.text, ref.tail = text[a:b], text[b:] or None
        parent = node.getparent()
        parent.insert(parent.index(node) + 1, ref)


def annotate(tree, marks: list[Mark], references: list[Reference]) -> list[etree._Element]:
    """Write the marks into the tree; returns the new `ref` elements in document order."""
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    writer = RefWriter(root)
    planned = [(mark, _parts(mark)) for mark in marks]
    planned = [(mark, parts) for mark, parts in planned if parts]
    if not planned:
        return []
    for ref in references:
        if any(mark.reference is ref for mark, _ in planned):
            ref.eid = writer.reference(ref.key, ref.kind, ref.href, ref.label)
    jobs = []
    for mark, parts in planned:  # ids in reading order
        for piece, a, b in parts:
            el = writer.ref(mark.reference.eid, mark.found.kind, mark.reference.href)
            jobs.append((piece, a, b, el))
    # Split text nodes from their ends backwards, so earlier offsets stay valid.  Keyed by the
    # text node itself: a node may be reached through more than one piece (segments.joined).
    for piece, a, b, el in sorted(jobs, key=lambda j: (id(j[0].node), j[0].slot, j[1]),
                                  reverse=True):
        _wrap(piece, a, b, el)
    return [el for *_, el in jobs]
