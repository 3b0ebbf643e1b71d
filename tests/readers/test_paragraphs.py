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
     "under the statute.  The agency held an interview.",
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


def _ragged_blank_line_text() -> str:
    """Single spaced, paragraphs parted by a blank line and not indented, ragged right."""
    out = ["ORDER", ""]
    for para in TWICE:
        out += para + [""]
    return "\n".join(out)


def test_single_spaced_text_with_blank_lines_between_paragraphs():
    """Where blank lines part the paragraphs, a short line ending a sentence inside one
    (a ragged right edge) does not end it."""
    state = run_through(_ragged_blank_line_text(), "blocks")
    assert _first_words(_paragraphs(state.doc.body)) == EXPECTED_STARTS * 2


QUOTED = ["the agency may deny an application where the applicant has been",
          "absent for a continuous period of one year or more during the",
          "period for which continuous residence is required."]


def test_block_quote_set_in_on_both_sides_and_an_indented_heading():
    """Single spaced: the quotation is set in on both sides; an indented numbered heading
    above an indented first line makes neither of them a quotation."""
    wide = ["Plaintiff applied to the agency for a benefit under the statute, and the agency",
            "scheduled an interview at which the officer asked him about his residence and",
            "travel during the period, and the officer then wrote a report of what he had",
            "heard and seen for the director of the office, who read it within the month.",
            "The statute provides, in the part that matters here, in these words, as follows:"]
    after = ["The officer then recommended that the agency approve the application, and the",
             "agency at first did so before it learned of the applicant's long absence abroad.",
             "It then reopened the matter."]
    lines = ["ORDER", "", "     A. Background"]
    lines += ["     " + wide[0]] + wide[1:]
    lines += ["          " + q for q in QUOTED]
    lines += ["     " + after[0]] + after[1:]
    lines += ["     " + wide[0]] + wide[1:]
    state = run_through("\n".join(lines), "blocks")
    section = next(b for b in state.doc.body if isinstance(b, Section))
    assert section.heading == ["Background"]
    paragraphs = _paragraphs(state.doc.body)
    assert _first_words(paragraphs) == ["Plaintiff applied", "The officer", "Plaintiff applied"]
    quotes = [b for b in paragraphs[0].blocks if isinstance(b, Quote)]
    assert len(quotes) == 1 and "continuous residence" in str(quotes[0])


def test_plain_text_line_cut_into_words_stays_in_its_paragraph():
    """Plain pdftotext cuts a widely spaced justified line into its words, one a line with
    blank lines between: they carry on the paragraph, they do not each open one."""
    text = "\n".join(["ORDER", "", *PARAGRAPHS[0][:1], "", "The", "", "court", "", "will", "",
                      "decide", "", "the", "", "motions", "",
                      "on the briefs without oral argument, as the rules allow.", "",
                      *PARAGRAPHS[2], "", *PARAGRAPHS[0], "", *PARAGRAPHS[2]])
    state = run_through(text, "blocks")
    assert not state.double_spaced  # the prose runs single spaced between the pieces
    assert _first_words(_paragraphs(state.doc.body)) == ["Plaintiff, a", "We review"] * 2


def test_heading_number_on_a_line_of_its_own():
    """Plain pdftotext sets a heading's number and its words on two lines: one heading.
    A lone item letter opens its item's text instead."""
    text = "\n".join(["ORDER", "", *PARAGRAPHS[0], "", "I.", "", "Whether the agency erred", "",
                      *PARAGRAPHS[1], "", "a.", "", "A video game of chance played for a",
                      "prize, as the statute defines it.", "", *PARAGRAPHS[2]])
    state = run_through(text, "blocks")
    section = next(b for b in state.doc.body if isinstance(b, Section))
    assert section.heading == ["Whether the agency erred"]
    assert _first_words(_paragraphs(state.doc.body)) == [*EXPECTED_STARTS[:2], "a. A",
                                                         EXPECTED_STARTS[2]]


def test_double_spaced_order_with_a_single_spaced_schedule():
    """A double-spaced order's blank lines are its spacing, even when a long single-spaced
    schedule of short rows follows it."""
    body = []
    for para in TWICE:
        for k, line in enumerate(para):
            body += [(INDENT if k == 0 else "") + line, ""]
    schedule = [f"Doe {n} v. Company, Inc." for n in range(1, 60)]
    # The prose of this fixture has no ragged short lines: only spacing is under test.
    state = run_through("\n".join(["ORDER", "", *body, "SCHEDULE A", "", *schedule]), "blocks")
    assert state.double_spaced
    starts = _first_words(_paragraphs(state.doc.body))
    assert starts[:6] == EXPECTED_STARTS * 2


def test_block_quote_running_over_a_page_stays_one():
    """The page's first line keeps its indentation: a quotation set in on both sides that
    runs over a page break is one quotation, not two around a one-line paragraph."""
    flush = ["The officer then recommended that the agency approve the application, and the",
             "agency at first did so before it learned of the applicant's long absence abroad,",
             "and the statute, in the part that matters here, reads in these words, as follows:"]
    quote = ["the agency may deny an application where the applicant has been",
             "absent for a continuous period of one year or more during the",
             "period for which continuous residence is required, whether the",
             "absence preceded or followed the filing of the application."]
    tail = ["The applicant argues that the words do not reach his case, and we disagree with",
            "him for the reasons that the district court gave in its careful opinion, which",
            "we adopt."]
    page1 = ["ORDER", "", *flush, *flush, *("          " + q for q in quote[:2])]
    page2 = [*("          " + q for q in quote[2:]), *tail, *flush]
    state = run_through("\n".join(page1) + "\f" + "\n".join(page2) + "\f", "blocks")
    quotes = [b for p in _paragraphs(state.doc.body) for b in p.blocks if isinstance(b, Quote)]
    assert len(quotes) == 1
    assert "continuous residence" in str(quotes[0]) and "absent for" in str(quotes[0])


def test_capitals_heading_after_a_sentence_in_indented_text():
    """Where indents mark paragraphs, a short line ending a sentence leaves the paragraph
    open; a capitals line standing alone after it is still a heading."""
    lines = ["ORDER", ""]
    for k, para in enumerate(TWICE):
        if k == 3:
            lines += ["DISCUSSION", ""]
        for j, line in enumerate(para):
            lines += [(INDENT if j == 0 else "") + line, ""]
    state = run_through("\n".join(lines), "blocks")
    sections = [b for b in state.doc.body if isinstance(b, Section)]
    assert [s.heading for s in sections] == [["DISCUSSION"]]
    assert _first_words(_paragraphs(state.doc.body)) == EXPECTED_STARTS * 2


def test_lone_part_number_above_a_numbered_heading():
    """`III.` alone above `A. Choice of law`: the letter's line is a heading of its own, not
    the words of part III."""
    text = "\n".join(["ORDER", "", *PARAGRAPHS[0], "", "III.", "", "A. Choice of law", "",
                      *PARAGRAPHS[2]])
    state = run_through(text, "blocks")
    headings = []

    def walk(items):
        for item in items:
            if isinstance(item, Section):
                headings.append(item.heading)
                walk(item.children)
    walk(state.doc.body)
    assert ["Choice of law"] in headings


def test_heading_set_close_above_its_text_in_double_spacing():
    """`pdftotext -layout` sets a heading closer to the text below it than the body's double
    spacing: that first line is the paragraph's, not a single-spaced block quote."""
    lines = ["ORDER", ""]
    for k, para in enumerate(TWICE):
        if k == 3:
            lines += ["II.   DISCUSSION"]  # no blank line after it
        for j, line in enumerate(para):
            lines += [(INDENT if j == 0 else "") + line, ""]
    state = run_through("\n".join(lines), "blocks")
    paragraphs = _paragraphs(state.doc.body)
    assert _first_words(paragraphs) == EXPECTED_STARTS * 2
    assert not any(isinstance(b, Quote) for p in paragraphs for b in p.blocks)


def test_a_few_indented_items_do_not_make_indents_the_paragraph_mark():
    """Flush-left paragraphs with neither indents nor blank lines end at a short line ending
    a sentence, even when a few list items after a sentence are set in."""
    words = ["record", "brief", "motion", "reply", "exhibit", "transcript", "declaration",
             "stipulation", "objection", "report", "letter", "notice"]  # no line repeats
    out = ["ORDER", ""]
    for k, word in enumerate(words):
        out += [f"The court considered the {word} as a whole and the arguments of the parties",
                f"about the {word}, which it heard on the day set for it in the order of the",
                f"week, and it decided what the {word} showed."]
        if k == 5:
            out += [f"    ({n}) the item numbered {n} of the list set out here." for n in (1, 2, 3)]
    state = run_through("\n".join(out), "blocks")
    assert len(_paragraphs(state.doc.body)) >= 12
