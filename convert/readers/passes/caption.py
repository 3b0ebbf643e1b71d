"""Pass `caption`: the caption lines (`state.head`) -> header paragraphs with court, parties,
docket and title marked; the court resolved to its CourtListener id; the decision date the
caption states, where the closing gave none.  The rules for each part are in
`readers/caption.py` and `readers/courts.py`.

It runs after `closing`, whose date line, when there is one, is the decision date.
"""

from __future__ import annotations

import re

from ...document import P, PageBreak, Span
from .. import marks
from ..caption import TITLE_RE, decision_date, docket_paragraph, doc_name, parties_from_column, \
    split_columns
from ..courts import resolve
from ..joining import join_lines
from ..paginate import STAMP_RE

NAME = "caption"

# The court's name stands among the caption's first lines...
_COURT_WITHIN = 40
# ...and may run on over this many more ("For the First Circuit").
_COURT_MORE_LINES = 2
# Citations of district courts that may name the district (seed 000): this much of the text.
_CITATIONS_WITHIN = 200000

_COURT_LINE = re.compile(r"court of|supreme court|district court|tax court|court for", re.I)
_COURT_MORE = re.compile(r"^(?:for the\b|district of\b|(?:\w+\s+)?(?:circuit|district)\b)", re.I)


def run(state) -> None:
    meta = state.doc.meta
    lines = state.head
    header = caption_header(lines, state)
    header_text = " ".join(marks.visible(l.text) for l in lines)
    court_line = court_lines(lines)
    cid, cname, inferred = resolve(court_line, state.vocabulary_text[:_CITATIONS_WITHIN])
    if inferred:
        state.report.warnings.append(f"court {cid} inferred from the opinion's citations; "
                                     "the caption names no district")
    meta.court_id, meta.court_name = cid, cname
    state.doc.header = mark_court(header, court_line)
    meta.date = meta.date or decision_date(header_text)


def court_lines(lines) -> str:
    """The caption's court name: the first line naming a court, with the lines that finish
    it ("For the First Circuit", "FOR THE DISTRICT OF ARIZONA")."""
    texts = [marks.visible(l.text).strip() for l in lines[:_COURT_WITHIN]]
    for i, t in enumerate(texts):
        if _COURT_LINE.search(t) and not STAMP_RE.match(t):
            out = [re.sub(r"^in the\s+", "", t, flags=re.I)]
            for more in texts[i + 1:i + 1 + _COURT_MORE_LINES]:
                if not _COURT_MORE.match(more):
                    break
                out.append(more)
            return " ".join(out)
    return ""


def mark_court(header: list[P], court_line: str) -> list[P]:
    for block in header:
        if block.content and isinstance(block.content[0], str) and court_line and \
                block.content[0].strip() and court_line.startswith(block.content[0].strip()):
            block.content = [Span("courtType", [block.content[0].strip()])] + block.content[1:]
            break
    return header


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
    while i < len(texts) and ":" not in texts[i] and not TITLE_RE.match(texts[i]):
        found = docket_paragraph(texts[i]) if meta.docket is None else None
        if found and not marks.has_call(raws[i]):
            found[0].content[:0] = breaks(range(i, i + 1))
            header.append(found[0])
            meta.docket = found[1]
        else:
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
        for row in right:
            found = docket_paragraph(row) if meta.docket is None else None
            if found:
                header.append(found[0])
                meta.docket = found[1]
            else:
                header.append(P([row]))
    else:
        for k in box:
            found = docket_paragraph(texts[k]) if meta.docket is None else None
            if found:
                found[0].content[:0] = breaks(range(k, k + 1))
                header.append(found[0])
                meta.docket = found[1]
            elif texts[k].strip():
                header.append(P(inline(raws[k].strip())))
    rest = range(box_end, len(texts))
    if rest:
        meta.title = texts[box_end].strip()
        meta.doc_name = doc_name(meta.title)
        header.append(P(breaks(range(box_end, box_end + 1)) + [Span("docTitle", [meta.title])]))
        if len(rest) > 1:
            header.append(P(inline(join_lines(raws[box_end + 1:], state.vocab))))
    return header
