"""Citation references in AKN: inline `ref` elements and their entries in `meta/references`.

The AKN side of `convert.citations` (which finds what to mark): this module makes the
elements and their eIds, so ids stay with `convert.akn`.

- Each cited work is one `TLCReference` in `meta/references` (the official schema's generic
  ontology reference: `activeRef` is for documents this one amends, `jurisprudence` for
  decisions about it): `eId="cite_…"`, `name` its kind (`case`, `law`, ...), `href` the public
  link, or `/ontology/citation/…` when there is none, `showAs` the citation as first written.
- Each marked citation is a `ref` (the schema requires `eId` and `href` on it) with
  `refersTo="#cite_…"`, `class="citation <kind>"` and `href` = the public link, or the
  fragment of its `TLCReference` when there is none: a renderer shows that as plain text.
"""

from __future__ import annotations

from lxml import etree

from .ids import IdAllocator, slug
from .names import q

# meta's children in the schema's order: references goes after these, before the rest.
_META_BEFORE_REFERENCES = ("identification", "publication", "classification", "lifecycle",
                           "workflow", "analysis", "temporalData")


class RefWriter:
    def __init__(self, root: etree._Element, source: str = "#akn-convert"):
        self.root = root
        self.ids = IdAllocator()
        for el in root.iter("*"):
            if el.get("eId"):
                self.ids.claim(el.get("eId"))
        self.source = source
        self._refs: etree._Element | None = None

    def _references(self) -> etree._Element:
        if self._refs is not None:
            return self._refs
        doc = next(c for c in self.root if isinstance(c.tag, str))
        meta = doc.find(q("meta"))
        refs = meta.find(q("references"))
        if refs is None:
            refs = etree.Element(q("references"), source=self.source)
            before = [c for c in meta if isinstance(c.tag, str)
                      and etree.QName(c).localname in _META_BEFORE_REFERENCES]
            meta.insert(meta.index(before[-1]) + 1 if before else 0, refs)
        self._refs = refs
        return refs

    def reference(self, key: str, kind: str, href: str | None, shown: str) -> str:
        """Add a TLCReference for a cited work; returns its eId."""
        eid = self.ids.take("cite", slug(key))
        etree.SubElement(self._references(), q("TLCReference"), eId=eid, name=kind,
                         href=href or f"/ontology/citation/{eid.removeprefix('cite_')}",
                         showAs=shown)
        return eid

    def ref(self, reference_eid: str, kind: str, href: str | None) -> etree._Element:
        """A new, detached `ref` element for one marked citation."""
        return etree.Element(q("ref"), eId=self.ids.next("ref"), href=href or f"#{reference_eid}",
                             refersTo=f"#{reference_eid}", **{"class": f"citation {kind}"})
