"""Small helpers for tests that read AKN output."""

from __future__ import annotations

import re

from lxml import etree

from convert.akn.names import NS


def xp(node, path: str):
    return node.xpath(path, namespaces=NS)


def text_of(el) -> str:
    """Visible text of an element, footnotes left out, whitespace collapsed."""
    parts = []

    def walk(e):
        if e is not el and e.tag == "{%s}authorialNote" % NS["akn"]:
            parts.append(e.tail or "")
            return
        parts.append(e.text or "")
        for child in e:
            walk(child)
        if e is not el:
            parts.append(e.tail or "")

    walk(el)
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def text_before(note) -> str:
    """The text that runs up to an inline element (within its parent)."""
    parent = note.getparent()
    parts = [parent.text or ""]
    for sibling in parent:
        if sibling is note:
            break
        if not sibling.tag.endswith("authorialNote"):
            parts.append("".join(sibling.itertext()))
        parts.append(sibling.tail or "")
    return "".join(parts)


def body_text(tree) -> str:
    return " ".join(text_of(b) for b in xp(tree, "//akn:judgmentBody"))
