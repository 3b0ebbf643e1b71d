"""Citations: find them in an AKN judgment, link them, list them.

The step runs on a built AKN tree, in the order data flows (one verb per module, as eyecite):

    segments.collect  the running text of body and notes, with its text nodes
    clean.clean       text for eyecite, with a map back to the source offsets
    find.find         eyecite (+ `patterns`, the few forms it lacks) -> `Found` citations
    resolve.resolve   full / short / id. / supra -> `Reference`s; parallel and own citations
    annotate.annotate `ref` elements in the text, `TLCReference`s in meta (via convert.akn.refs)
    table.rows        the citation table (`akn cite`)

`links` says where a reference points (CourtListener, Cornell LII); `speed` caches what makes
eyecite slow.  Importing this package imports no eyecite: it loads when the step runs.
docs/citations.md describes the choices.
"""

from __future__ import annotations

from .segments import collect


def own_citations(tree) -> set[str]:
    """The opinion's own citations: those printed in its caption (`header`), which the
    opinion's text does not cite as another work ("2022-NCSC-1")."""
    from .find import find
    from .resolve import key_of
    from .segments import header_segments

    return {key_of(f) for f in find(header_segments(tree))
            if f.kind in ("case", "neutral")}


def analyse(tree):
    """(marks, references) of a tree, without changing it."""
    from .find import find
    from .resolve import resolve

    return resolve(find(collect(tree)), own_citations(tree))


def link(tree) -> int:
    """Mark every citation of the tree's body and notes as a `ref`; returns how many."""
    from .annotate import annotate

    marks, references = analyse(tree)
    return len(annotate(tree, marks, references))


__all__ = ["analyse", "link", "own_citations"]
