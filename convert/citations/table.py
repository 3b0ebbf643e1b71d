"""The citation table: one row per citation, for citation graphs across a corpus.

In: an AKN tree (ours, with its refs, or anyone's: the citations are found again from the
text, so the rows do not depend on how the document was marked).  Out: rows (dicts) in
reading order with the fields `COLUMNS`, written by `akn cite` as JSON Lines.

A short cite, id. or supra gives the reporter, volume and first page of the work it names
(its own pin cite in `pin`), so every row of one work can be grouped by `reference`.
"""

from __future__ import annotations

import json

COLUMNS = ("text", "kind", "reporter", "volume", "page", "pin", "year", "court", "href", "eId",
           "reference")


def rows(tree) -> list[dict]:
    from . import analyse

    marks, _ = analyse(tree)
    out = []
    for mark in marks:
        for f in [mark.found, *mark.parallel]:
            ref = mark.reference
            base = ref.first if ref.first is not None and f.kind in ("short", "id", "supra") \
                else f
            pin = f.pin
            if f.kind == "short":
                pin = f.page if f.page else f.pin  # eyecite reads "550 U.S. at 555" as page 555
            out.append({
                "text": " ".join(f.text.split()),
                "kind": f.kind,
                "reporter": base.reporter,
                "volume": base.volume,
                "page": base.page,
                "pin": pin,
                "year": base.year,
                "court": base.court,
                "href": ref.href,
                "eId": f.segment.owner,
                "reference": ref.key,
            })
    return out


def json_lines(tree, document: str | None = None) -> str:
    """The rows as JSON Lines; with `document`, each row first names it (a batch's table)."""
    head = {"document": document} if document is not None else {}
    return "".join(json.dumps({**head, **row}, ensure_ascii=False) + "\n"
                   for row in rows(tree))


def parse_akn(data: bytes):
    """An AKN document's bytes as a tree, parsed without network, DTDs or entity expansion."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False)
    return etree.ElementTree(etree.fromstring(data, parser))
