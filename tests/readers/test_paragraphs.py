"""Paragraph segmentation (`readers/blocks.py`) on the page shapes courts print: the
paragraphs a reader finds are the ones on the page, whatever the spacing, margin numbers or
ragged right edge."""

from __future__ import annotations

from convert.document import Paragraph, Quote, Section, Writing
from convert.readers import marks
from convert.readers.pdf import read_pdf

from passkit import run_through
from test_pdf_layout import write_pdf

# Three paragraphs of ragged-right prose (as a typewriter face or a word processor's left
# alignment sets them): some lines inside a paragraph end a sentence well short of the right
# edge, so only the first-line indent tells where a paragraph begins.
PARAGRAPHS = [
    ["Plaintiff, a citizen of a foreign country, commenced this action",
     "seeking a declaratory judgment that he was entitled to relief.",
     "The agency had denied his application in the first instance and",
     "the district court granted summary judgment to the defendants.",
     "Plaintiff now appeals from that ruling."],
    ["On a day in spring, Plaintiff applied to the agency for a benefit",
     "under the statute, and the agency scheduled an interview.",
     "He attended it.  The officer asked him a series of questions",
     "about his residence and his travel during the relevant period.",
     "The officer then recommended approval of the application."],
    ["We review de novo a district court's grant of summary judgment,",
     "construing the evidence in the light most favorable to the party",
     "against whom it was granted.  We affirm for the reasons below."],
]
INDENT = "     "  # a first-line indent of five columns


def _paragraphs(items) -> list[Paragraph]:
    out = []
    for item in items:
        if isinstance(item, Paragraph):
            out.append(item)
        elif isinstance(item, (Section, Writing)):
            out.extend(_paragraphs(item.children))
    return out


def _first_words(paragraphs: list[Paragraph]) -> list[str]:
    words = []
    for p in paragraphs:
        first = p.blocks[0]
        text = "".join(x for x in getattr(first, "content", []) if isinstance(x, str))
        words.append(" ".join(marks.visible(text).split()[:2]))
    return words


EXPECTED_STARTS = ["Plaintiff, a", "On a", "We review"]
# Spacing is told from over 20 lines of text: the fixtures hold twice the three paragraphs.
TWICE = PARAGRAPHS * 2


def _text(lines_of, blank_between: int) -> str:
    out = ["ORDER", ""]
    for para in lines_of:
        for k, line in enumerate(para):
            out.append((INDENT if k == 0 else "") + line)
            out.extend([""] * blank_between)
    return "\n".join(out)


def test_double_spaced_text_with_first_line_indents():
    """Double spacing (a blank line after every line) and a ragged right edge: short lines
    ending a sentence inside a paragraph do not end it; the first-line indent does."""
    state = run_through(_text(TWICE, 1), "blocks")
    assert _first_words(_paragraphs(state.doc.body)) == EXPECTED_STARTS * 2


def test_single_spaced_text_with_first_line_indents():
    state = run_through(_text(TWICE, 0), "blocks")
    assert _first_words(_paragraphs(state.doc.body)) == EXPECTED_STARTS * 2


def _pleading_page(paragraphs, first_number: int = 1):
    """Pleading paper in Courier 12: line numbers 1-28 in the left margin on a 24 pt pitch,
    body text double spaced on the same baselines, paragraphs indented half an inch."""
    items, row = [], 0
    top = 720
    for para in paragraphs:
        for k, line in enumerate(para):
            y = top - 24 * row
            items.append((50, y, 12, str(first_number + row)))
            items.append((126 if k == 0 else 90, y, 12, line))
            row += 1
    while row < 28:  # the rest of the numbered lines, without text
        items.append((50, top - 24 * row, 12, str(first_number + row)))
        row += 1
    return items


def test_double_spaced_pdf_on_pleading_paper(tmp_path):
    """The margin's line numbers are single-line furniture on every baseline: they must not
    make the body look single spaced (every printed line its own paragraph)."""
    caption = [(250, 760, 12, "ORDER")]
    pdf = write_pdf(tmp_path / "pleading.pdf",
                    [caption + _pleading_page(TWICE[:3]), _pleading_page(TWICE[3:])])
    doc, _ = read_pdf(str(pdf))
    assert _first_words(_paragraphs(doc.body)) == EXPECTED_STARTS * 2


def test_centred_heading_between_indented_paragraphs():
    """A short centred line between paragraphs is a heading, not the start of the next
    paragraph's text."""
    lines = ["ORDER", ""]
    for para, heading in zip(TWICE, ["", "Background", "", "", "Discussion", ""]):
        if heading:
            lines += [" " * 27 + heading, ""]
        for k, line in enumerate(para):
            lines += [(INDENT if k == 0 else "") + line, ""]
    state = run_through("\n".join(lines), "blocks")
    sections = [b for b in state.doc.body if isinstance(b, Section)]
    assert [s.heading for s in sections] == [["Background"], ["Discussion"]]
    assert _first_words(_paragraphs(state.doc.body)) == EXPECTED_STARTS * 2
    assert not any(isinstance(b, Quote) for p in _paragraphs(state.doc.body) for b in p.blocks)
