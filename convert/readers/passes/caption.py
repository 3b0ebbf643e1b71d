"""Pass `caption`: the caption lines (`state.head`) -> header paragraphs; the case's identity
(court as a courts-db id, dockets, decision date, title, parties, panel, printed citations) read
by `readers/caption.py` from the caption, the e-filing stamp, the page furniture and the
citations, with a warning for whatever is missing or guessed.

It runs after `closing`: the closing's date line is one candidate for the decision date (a
date the caption labels `Decided`/`Filed` wins over it).
"""

from __future__ import annotations

import re

from ...document import P, PageBreak, Span
from .. import marks
from ..caption import (MAX_CAPTION_LINES, TITLE_RE, apply, caption_window, doc_name,
                       document_type, identify, mark_header, parties_from_column, split_columns)
from ..joining import join_lines
from .parts import caps

NAME = "caption"

# Citations of district courts that may name the district (seed 000): this much of the text.
_CITATIONS_WITHIN = 200000
# Where the closing's date line was not recognised, its date may stand in the last lines
# (pleading paper leaves up to 28 bare margin numbers after the signature).
_TAIL_LINES = 40



def run(state) -> None:
    """Header paragraphs from the caption lines, then the case's identity (`caption.identify`:
    court, dockets, date, title, parties, panel, citations) read from the caption and what
    surrounds it, copied into the metadata and marked where the header prints it."""
    meta = state.doc.meta
    lines = state.head
    header = caption_header(lines, state)
    closing_date, meta.date = meta.date, None  # the closing's date: one candidate among others
    removed = lambda *kinds: [r.text for r in state.report.removed if r.kind in kinds]  # noqa
    visible = [marks.visible(l.text) for l in state.lines[:len(lines) + MAX_CAPTION_LINES]]
    kinds = [s.kind for s in state.segments]
    ident = identify(visible[:caption_window(visible, len(lines))],
                     stamps=removed("stamp"), furniture=removed("running-head", "running-foot"),
                     body=state.vocabulary_text[:_CITATIONS_WITHIN], closing_date=closing_date,
                     tail=[marks.visible(l.text) for l in state.lines[-_TAIL_LINES:]],
                     writing_kinds=kinds,
                     signature_rows=[marks.visible(l.text) for l in state.lines])
    apply(meta, ident)
    meta.doc_name = document_type(meta.title, kinds)
    state.report.warnings.extend(ident.warnings)
    state.doc.header = mark_header(header, ident)
    meta.attorneys = mark_counsel(state.doc.header, meta.parties)


def mark_counsel(header: list, parties) -> list:
    """The attorneys the header lists (`counsel.attorneys`), each marked `lawyer` where a
    header row prints the name whole; rows already marked (court, parties, docket, title,
    date, panel) are never part of a counsel list."""
    from ...document import inline_text
    from ..caption import _wrap
    from ..counsel import attorneys

    rows = [p for p in header if isinstance(p, P)]
    texts = [inline_text(p.content) for p in rows]
    stops = frozenset(i for i, p in enumerate(rows)
                      if any(isinstance(x, Span) for x in p.content))
    found = attorneys(texts, parties, stops)
    for a in found:
        _wrap(rows, a.name, lambda s, a=a: Span("lawyer", [s], {"name": a.name, "role": "counsel",
                                                                "for": a.party,
                                                                "side": a.side}))
    return found


def caption_header(lines, state) -> list[P]:
    """Header paragraphs with court, parties, docket and title marked.  Classification reads
    the visible text; plain rows keep their raw text so a page break inside a long caption
    stays where the page begins."""
    meta = state.doc.meta
    inline = state.inline
    header: list[P] = []
    raws = [l.text.rstrip() for l in lines]
    texts = [marks.visible(r) for r in raws]

    def breaks(rows: range) -> list:
        return [x for i in rows for x in inline(raws[i]) if isinstance(x, PageBreak)]

    i = 0
    # Court and other lines above the caption box (or the whole caption, when it is not a
    # `:`-aligned box).
    # Dockets, dates, titles and parties are marked afterwards by `mark_header`.
    while i < len(texts) and ":" not in texts[i] and not TITLE_RE.match(texts[i]):
        header.append(P(inline(raws[i].strip())))
        i += 1
    box_end = i
    while box_end < len(texts) and not TITLE_RE.match(texts[box_end]):
        box_end += 1
    box = range(i, box_end)
    columns = split_columns([texts[k] for k in box]) if box else None
    if columns:
        left, right = columns
        blocks, meta.parties = parties_from_column(left)
        if header:
            header[-1].content.extend(breaks(box))  # rare: a caption box across pages
        header.extend(blocks)
        header.extend(P([row]) for row in right)
    else:
        header.extend(P(inline(raws[k].strip())) for k in box if texts[k].strip())
    rest = range(box_end, len(texts))
    if rest:
        meta.title = texts[box_end].strip()
        meta.doc_name = doc_name(meta.title)
        header.append(P(breaks(range(box_end, box_end + 1)) + [Span("docTitle", [meta.title])]))
        # Under the title: the motion it decides (capitals rows, one paragraph), then, where
        # the caption box goes on below the title, its last rows and a counsel list (a
        # paragraph each, as above the title).
        k = box_end + 1
        while k < len(texts) and caps(texts[k]):
            k += 1
        if k > box_end + 1:
            header.append(P(inline(join_lines(raws[box_end + 1:k], state.vocab))))
        header.extend(P(inline(raws[j].strip())) for j in range(k, len(texts)) if texts[j].strip())
    return header
