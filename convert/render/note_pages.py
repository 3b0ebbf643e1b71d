"""Keep every footnote on the PDF page of its call.

WeasyPrint floats each note to the foot of the page where its call is laid out
(`float: footnote; footnote-policy: block`, see stylesheets/pdf.css), with one exception:
when a block at the foot of a page would leave a single line there (an orphan), WeasyPrint
pushes the page's last notes to the next page to make room for a second line of that block
(weasyprint/layout/block.py, "first try to report footnotes").  That separates a note from its
call.  CSS cannot switch the heuristic off (`orphans`/`widows` only change when it fires), so
the PDF renderer lays the document out, asks this module which notes ended up on another page
than their call, marks the block that closes the call's page (the one WeasyPrint made room
for) to start a new page, and lays the document out again: the page then ends above that
block, and the note stays with its call.

This works on WeasyPrint's laid-out pages (`Document.pages`, their boxes and the parsed
element tree, which `HTML.render` reads anew on every call).
"""

from __future__ import annotations

from .model import Model

BREAK_CLASS = "pdf-break-before"  # stylesheets/pdf.css: break-before: page
# Block elements a page break may be put before.
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_BLOCKS = frozenset({"div", "section", "p", "blockquote", "ul", "ol", "li", "table"}) | _HEADINGS


def anchor_pages(document) -> dict[str, int]:
    """id -> index of the page where the element starts, from a laid-out WeasyPrint document."""
    where: dict[str, int] = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            where.setdefault(anchor, index)
    return where


def misplaced_notes(model: Model, where: dict[str, int]) -> list[tuple[str, int, int]]:
    """(note id, page of its first call, page of the note) for every note not on its call's
    page (page indexes from 0)."""
    out = []
    for note in model.notes:
        if not note.calls:
            continue
        call, body = where.get(note.calls[0]), where.get(note.id)
        if call is not None and body is not None and call != body:
            out.append((note.id, call, body))
    return out


def _tag(element) -> str:
    tag = getattr(element, "tag", "")
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def last_block(page):
    """The element of the last block laid out in the page's main flow (footnote area and
    margin boxes left out): the block the page ends in."""
    flow = page._page_box.children[0] if page._page_box.children else None
    last = None
    stack = [flow] if flow is not None else []
    while stack:  # depth-first, in document order: the last block seen is the deepest last
        box = stack.pop()
        if _tag(box.element) in _BLOCKS and type(box).__name__ in ("BlockBox",
                                                                   "ListItemBox"):
            last = box.element
        children = getattr(box, "children", None) or []
        if type(box).__name__ == "LineBox":
            continue
        stack.extend(reversed(children))
    return last


def break_target(element, parents: dict):
    """Where the page break goes for a page that should end above `element`: above the
    heading that leads into it (headings stay with what follows them), climbing to the
    outermost block that `element` begins."""
    while True:
        parent = parents.get(element)
        if parent is not None and _tag(parent) in _BLOCKS and len(parent) \
                and parent[0] is element:
            element = parent  # a break before a first child is a break before its parent
            continue
        if parent is not None:
            siblings = list(parent)
            k = siblings.index(element)
            if k and _tag(siblings[k - 1]) in _HEADINGS:
                element = siblings[k - 1]
                continue
        return element


def add_page_breaks(document, root, model: Model) -> int:
    """Mark, in the element tree (`root`) WeasyPrint laid out, the block that closes each page
    whose notes were pushed away; returns how many marks were added (0: nothing to do)."""
    where = anchor_pages(document)
    parents = {child: parent for parent in root.iter() for child in parent}
    added = 0
    for _, call_page, _ in misplaced_notes(model, where):
        element = last_block(document.pages[call_page])
        if element is None:
            continue
        element = break_target(element, parents)
        classes = (element.get("class") or "").split()
        if BREAK_CLASS not in classes:
            element.set("class", " ".join(classes + [BREAK_CLASS]))
            added += 1
    return added
