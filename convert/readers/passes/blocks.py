"""Pass `blocks`: the body lines and each writing's lines -> headings, paragraphs, block
quotes and tables nested into sections (`readers/blocks.py`), joined into running text
(`readers/joining.py`); each writing's author line becomes its byline."""

from __future__ import annotations

from ...document import P, Paragraph, Span, Writing
from ..blocks import classify, double_spaced_body, nest
from ..joining import join_lines
from ..layout import Line

NAME = "blocks"

_OPINION_TYPE = {"concurrence": "agreeing", "dissent": "dissenting"}


def run(state) -> None:
    def paragraph_text(raw_lines: list[str]):
        return state.inline(join_lines(raw_lines, state.vocab))

    def body_of(part: list[Line]) -> list:
        blocks = classify(part, state.double_spaced, state.page_starts)
        return nest(blocks, paragraph_text, lambda s: state.inline(s.strip()))

    body = state.body_lines + [l for seg in state.segments for l in seg.lines]
    state.double_spaced = double_spaced_body(body, state.page_starts, state.double_spaced)
    doc = state.doc
    doc.body = body_of(state.body_lines) if state.body_lines else []
    for seg in state.segments:
        doc.body.append(_writing(seg, body_of, state.inline, doc.meta))


def _writing(seg, body_of, inline, meta) -> Writing:
    """A separate writing; its author line becomes a paragraph of its own whose byline is
    marked `opinion by=` (the rest of that line, if any, opens the next paragraph)."""
    if seg.author_index is None:
        return Writing(seg.kind, None, body_of(seg.lines))
    before = seg.lines[:seg.author_index]
    line = seg.lines[seg.author_index]
    byline, rest = line.text[:seg.author_end], line.text[seg.author_end:]
    lead = inline(byline.strip())
    attrs = {"name": seg.author or "Per Curiam"}
    if seg.kind in _OPINION_TYPE:
        attrs["type"] = _OPINION_TYPE[seg.kind]
    if seg.author and seg.author not in meta.judges:
        meta.judges.append(seg.author)
    texts = [x for x in lead if isinstance(x, str)]
    others = [x for x in lead if not isinstance(x, str)]
    byline_para = Paragraph([P(others + [Span("opinion", ["".join(texts)], attrs)])])
    after = seg.lines[seg.author_index + 1:]
    if rest.strip():
        after = [Line(rest.strip(), line.page, line.lineno, 0)] + after
    # The writing's own caption above its author line (court, docket, parties, date, as a
    # slip opinion repeats them) is kept line by line, not read as headings and prose.
    caption = [Paragraph([P(inline(l.text.strip())) for l in before if l.text.strip()])] \
        if any(l.text.strip() for l in before) else []
    children = caption + [byline_para] + (body_of(after) if after else [])
    return Writing(seg.kind, seg.author, children)
