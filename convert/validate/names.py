"""Small naming helpers shared by the validator's parts."""

from __future__ import annotations

from lxml import etree

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


def local_tag(el: etree._Element) -> str:
    """`p` for an AKN element, `html:style` (its prefix) or `{ns}name` for others."""
    tag = el.tag
    if not isinstance(tag, str):  # comments, processing instructions
        return "node()"
    if tag.startswith("{"):
        ns, name = tag[1:].split("}", 1)
        if ns == AKN_NS:
            return name
        return f"{el.prefix}:{name}" if el.prefix else f"{{{ns}}}{name}"
    return tag


def element_path(el: etree._Element) -> str:
    """A readable path to an element: /akomaNtoso/judgment/judgmentBody/motivation/paragraph[3].
    A position is given where the parent has several children of that name."""
    parts = []
    node = el
    while node is not None:
        parent = node.getparent()
        name = local_tag(node)
        if parent is not None and isinstance(node.tag, str):
            same = [c for c in parent.iterchildren(node.tag)]
            if len(same) > 1:
                name += f"[{same.index(node) + 1}]"
        parts.append(name)
        node = parent
    return "/" + "/".join(reversed(parts))
