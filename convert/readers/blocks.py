"""Body lines -> blocks (headings, paragraphs, block quotes) -> the document's body tree.

Works on the lines left after furniture and footnote zones are cut out, in reading order,
with a page-break sentinel at the start of each page's first line.  The rules:

* a heading is a short line standing alone that starts with an outline number (`I.`, `A.`,
  `1.`, `a.`) or is all capitals;
* a paragraph ends at a line clearly shorter than the text width that ends a sentence;
* a block quote is a run of single-spaced lines in double-spaced text, or of lines set in
  from the margin in single-spaced text;
* rows whose cells (split at wide gaps) line up in columns are a table.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from ..document import P, Quote, Table
from . import marks
from .layout import Line
from .outline import Outline

ROMAN = re.compile(r"^(?=[IVXL])(X{0,3})(IX|IV|V?I{0,3})$")
_LONE_NUM = re.compile(r"^(?:[IVXL]{1,5}|[A-Z]|\d{1,2}|[a-z]|[ivx]{1,4})[.)]$")
_NUMBERED_HEADING = re.compile(
    r"^\s*(?P<num>(?:[IVXL]{1,5}|[A-Z]|\d{1,2}|[a-z]|[ivx]{1,4})[.)])\s+(?P<text>\S.*)$")
_PARA_NUM = re.compile(r"^\s*(?P<num>¶\s*\d{1,4})(?:\s+|$)")
_SENTENCE_END = re.compile(r"[.:;?!][”’\"')\]]*$")

# Double spacing is told from the body's own lines (their blank_before, from the text's blank
# lines or the PDF's baseline gaps), not from the whole input: pleading paper's line numbers,
# a single-spaced caption and footnotes would outvote the body.  Below this many measured
# gaps the reader's own guess stands.
_SPACING_MIN_LINES = 20
# The spacing is measured between consecutive lines of running prose, at least this share
# of the length of the body's longest lines (a schedule's or a table's short rows are often
# single spaced in a double-spaced order), ...
_PROSE_SHARE = 0.6
# ... the longest lines' length read at this rank (0-based) so that a stray overlong line
# (a rule of dots, a URL) does not set it.
_LONGEST_RANK = 9
# Gaps between prose lines are the best evidence: this many of them are enough (a short
# order's one page of prose beside a long schedule).
_SPACING_MIN_PAIRS = 8
# Double spaced when more than this share of the body's line gaps hold a blank line: block
# quotes, headings and page tops are single spaced even in a double-spaced body.
_DOUBLE_SHARE = 0.6
# Three one-word lines in a row are no prose, list or table a court prints (a table's
# column would be read as cells): they are one printed line cut into words.
_FRAGMENT_RUN = 3
# A first-line indent: the line starts this many columns (text) or character widths (PDF)
# right of the column's usual left edge -- a tab stop of half an inch is 5-8 characters in
# 10-12 point type, one inch in a typewriter face 10 characters, which `pdftotext -layout`
# spreads over 12 columns; 1 column is extraction jitter.  (A block quote set in further is
# told by its following lines, which keep the inset.)
_FIRST_INDENT_MIN, _FIRST_INDENT_MAX = 2, 15
# A heading's words, on the line after its lone number, stop short of this share of the
# text width (a list item's wrapped lines run the full width).
_HEADING_LINE_SHARE = 0.9
# A line reaches the right edge when it ends within this share of the text width of it
# (justified lines end at it; a block quote's lines end an inset of half an inch or more,
# some 10% of a page's text width, before it).
_RIGHT_EDGE_SLACK = 0.05
# A centred heading stands at least this far in from the left edge (further than the
# shortest first-line indent: a one-line paragraph is not centred)...
_CENTRED_MIN_INSET = 6
# ...is a short line: at most this share of the text width (longer centred
# lines are a caption's party names or a quoted title)...
_CENTRED_MAX_SHARE = 0.6
# ...whose left and right insets differ by at most this many columns or this share of the
# width (a heading's centre wanders by a character or two in -layout text and from a
# proportional font's widths measured in average characters)...
_CENTRE_SLACK, _CENTRE_SLACK_SHARE = 4, 0.1
# ...and holds a word (`* * *` is a scene break, and a lone part number `III` is the
# outline's number, not a heading's words).
_HEADING_MIN_LETTERS = 3
# A document marks its paragraphs by first-line indents when at least this many lines after
# a sentence's end are so indented: then a short last line alone is no paragraph end (a
# ragged right margin ends lines short everywhere), and the indent decides.
_MARKED_MIN = 3
# Indents must follow at least this share of the short lines ending a sentence: a text
# whose paragraphs are not indented may still set in a few list items (in the corpus,
# indent-marked texts indent after 60-95% of such lines, ragged ones too).
_INDENT_STYLE_SHARE = 0.3
# It marks them by blank lines when, besides, at least this share of its short lines ending
# a sentence are followed by one (plain pdftotext text also leaves blank lines here and
# there, between pieces of a line or around a page's furniture, but not after most
# paragraphs).
_GAP_STYLE_SHARE = 0.5


@dataclass
class RawBlock:
    kind: str  # heading, para, quote, table
    lines: list[str] = field(default_factory=list)
    num: str | None = None
    rows: list[list[str]] = field(default_factory=list)


def style_of(num: str) -> str:
    core = num.rstrip(".)")
    if ROMAN.match(core):
        return "roman"
    if core.isdigit():
        return "digit"
    if re.fullmatch(r"[ivx]+", core) and len(core) > 1:
        return "lroman"
    if core.isupper():
        return "upper"
    return "lower"


# The text width is a high percentile of the line lengths (the full lines of running prose;
# the rest end paragraphs or are headings)...
_WIDTH_PERCENTILE = 0.9
# ...leaving out lines this much longer than the upper quartile: plain pdftotext joins a
# footnote's or a caption's columns into one overlong line, and a tail of them would set
# the width.
_OVERLONG = 1.2


def text_width(lines: list[Line]) -> int:
    lengths = sorted(len(marks.visible(l.text).strip()) for l in lines if l.text.strip())
    if not lengths:
        return 80
    cap = _OVERLONG * lengths[3 * len(lengths) // 4]
    lengths = [n for n in lengths if n <= cap]
    return lengths[int(len(lengths) * _WIDTH_PERCENTILE) - 1 if len(lengths) > 1 else 0]


def _is_caps_heading(text: str) -> bool:
    if len(text) > 70 or not text.isupper():  # cheap refusals first: most lines are longer,
        return False  # or hold a lower-case letter (isupper is False whenever the rule is)
    letters = [c for c in text if c.isalpha()]
    return (bool(letters) and all(c.isupper() for c in letters) and len(text) <= 70
            and len(letters) >= 4)


_CELL_GAP = re.compile(r"\S(?:\s{3,})(?=\S)")


def _cell_starts(text: str) -> list[int]:
    """Columns where the 2nd, 3rd, ... cell of a table row begin (3+ spaces before them)."""
    return [m.end() for m in _CELL_GAP.finditer(text)]


def _table_run(lines: list[Line], i: int) -> int:
    """How many lines from i form a table: four or more rows whose cells (split at gaps of
    three or more spaces) start at the same two or more columns, give or take three (PDF
    spacing is approximate).  Justified prose has wide gaps too, but not aligned ones."""
    first = _cell_starts(marks.visible(lines[i].text))
    if len(first) < 2:
        return 0
    shared = set(first)
    n = 1
    while i + n < len(lines):
        starts = _cell_starts(marks.visible(lines[i + n].text))
        common = {c for c in shared if any(abs(c - s) <= 3 for s in starts)}
        if len(common) < 2:
            break
        shared = common
        n += 1
    return n if n >= 4 else 0


def _cells(text: str) -> list[str]:
    return [c for c in re.split(r"\s{3,}", text.strip()) if c]


def double_spaced_body(lines: list[Line], page_starts: set[int], default: bool) -> bool:
    """Whether the body is double spaced, from the gaps between its own lines (page starts
    say nothing: their gap is the page's top margin); `default` when there are too few."""
    lengths = sorted((len(marks.visible(l.text).strip()) for l in lines), reverse=True)
    if not lengths:
        return default
    full = _PROSE_SHARE * lengths[min(_LONGEST_RANK, len(lengths) - 1)]

    def prose(line: Line) -> bool:
        return len(marks.visible(line.text).strip()) >= full

    between_prose = [b.blank_before for a, b in zip(lines, lines[1:])
                     if id(b) not in page_starts and prose(a) and prose(b)]
    every = [l.blank_before for l in lines if id(l) not in page_starts]
    for gaps, least in ((between_prose, _SPACING_MIN_PAIRS), (every, _SPACING_MIN_LINES)):
        if len(gaps) >= least:  # too little prose: every line's gap
            return sum(1 for g in gaps if g >= 1) > _DOUBLE_SHARE * len(gaps)
    return default


def _fragments(lines: list[Line]) -> set[int]:
    """Indexes of lines that are pieces of one printed line: runs of `_FRAGMENT_RUN` or more
    lines of a single word each (plain pdftotext cuts a widely spaced justified line into
    its words, with blank lines between them)."""
    out: set[int] = set()
    run: list[int] = []
    for i, line in enumerate(lines + [Line("two words", 0)]):
        if len(marks.visible(line.text).split()) == 1:
            run.append(i)
            continue
        if len(run) >= _FRAGMENT_RUN:
            out.update(run)
        run = []
    return out


def _first_indented(line: Line, base: int) -> bool:
    return _FIRST_INDENT_MIN <= line.indent - base <= _FIRST_INDENT_MAX


def _marked_paragraphs(lines: list[Line], base: int, usual_gap: int, width: int,
                       page_starts: set[int]) -> bool:
    """Whether the text marks its paragraphs -- by first-line indents, or by a gap wider
    than the usual one after most short lines that end a sentence -- so that such a line
    alone ends none (see `_MARKED_MIN`)."""
    indented = gapped = short_ends = 0
    for prev, line in zip(lines, lines[1:]):
        before = marks.visible(prev.text).strip()
        if not _SENTENCE_END.search(before):
            continue
        indented += _first_indented(line, base)
        gapped += id(line) not in page_starts and line.blank_before > usual_gap
        # (a row of a table or a list is followed by another short line, not by prose)
        short_ends += _ends_paragraph(before, width) and \
            len(marks.visible(line.text).strip()) >= _PROSE_SHARE * width
    return indented >= _MARKED_MIN and indented >= _INDENT_STYLE_SHARE * short_ends or (
        gapped >= _MARKED_MIN and gapped >= _GAP_STYLE_SHARE * short_ends)


def classify(lines: list[Line], double_spaced: bool, page_starts: set[int]) -> list[RawBlock]:
    """Group body lines into raw blocks.  `page_starts` holds the ids (id()) of lines that
    begin a page: their spacing and indentation say nothing about the text."""
    width = text_width(lines)
    blocks: list[RawBlock] = []
    open_para: RawBlock | None = None
    n = len(lines)

    def single(i: int) -> bool:
        line = lines[i]
        return line.blank_before == 0 and id(line) not in page_starts

    # Where the court numbers its paragraphs, only a number (or a heading) opens one.
    court_numbered = any(_PARA_NUM.match(marks.visible(l.text)) for l in lines)
    indents = sorted(l.indent for l in lines if l.text.strip())
    base_indent = indents[len(indents) // 2] if indents else 0
    usual_gap = 1 if double_spaced else 0
    fragments = _fragments(lines)
    # Where indents mark paragraphs, a short line ending a sentence does not end one.
    short_line_ends = not _marked_paragraphs(lines, base_indent, usual_gap, width, page_starts)

    table_until = words_of_heading = heading_at = -1
    for i, line in enumerate(lines):
        text = marks.visible(line.text).strip()
        if not text:
            continue
        if i == words_of_heading:
            continue
        if i < table_until:
            blocks[-1].rows.append(_cells(line.text))
            continue
        rows = _table_run(lines, i)
        if rows:
            open_para = None
            blocks.append(RawBlock("table", rows=[_cells(line.text)]))
            table_until = i + rows
            continue
        numbered = _PARA_NUM.match(text)
        if numbered:  # the court's own paragraph number: "¶ 12"
            lead = _LEADING_MARKS.match(line.text)
            rest = line.text[lead.end():]
            rest = rest[_PARA_NUM.match(rest).end():] if _PARA_NUM.match(rest) else rest
            open_para = RawBlock("para", [lead.group(1) + rest] if (lead.group(1) + rest)
                                 .strip() else [lead.group(1)] if lead.group(1) else [],
                                 numbered.group("num"))
            blocks.append(open_para)
            continue
        if open_para is not None and not court_numbered and i:
            prev = marks.visible(lines[i - 1].text).rstrip()
            # A wider gap than the body's usual one (a page's top margin says nothing), or a
            # first-line indent after a sentence's end (a page's first line keeps its indent).
            # A paragraph never opens in the middle of a sentence (lower case), after a lone
            # item number, nor at a piece of a printed line cut into words.
            wider_gap = id(line) not in page_starts and line.blank_before > usual_gap \
                and not (text[0].islower() and not _LONE_NUM.match(text)) \
                and not _LONE_NUM.match(prev.strip()) and not (
                    (i in fragments or i - 1 in fragments) and not _SENTENCE_END.search(prev))
            if wider_gap or (_first_indented(line, base_indent) and _SENTENCE_END.search(prev)):
                open_para = None
        # A numbered heading may also follow a full-width line that ends a sentence.
        standalone = open_para is None or (i > 0 and bool(
            _SENTENCE_END.search(marks.visible(lines[i - 1].text).rstrip())))
        if standalone and _LONE_NUM.match(text) and _words_after_number(lines, i, width):
            open_para = None  # a heading's number on a line of its own (plain pdftotext)
            blocks.append(RawBlock("heading", [lines[i + 1].text.strip()], line.text.strip()))
            words_of_heading = heading_at = i + 1
            continue
        m = _NUMBERED_HEADING.match(text)
        heading_like = (len(text) <= 0.8 * width and not _SENTENCE_END.search(text.rstrip())
                        or _is_caps_heading(text))
        if standalone and m and heading_like and not _continues(lines, i, double_spaced, single):
            open_para = None
            num, heading = _split_num(line.text)
            blocks.append(RawBlock("heading", [heading], num))
            heading_at = i
            continue
        caps_alone = standalone and _is_caps_heading(text) and _isolated(lines, i)
        centred = i > 0 and _SENTENCE_END.search(marks.visible(lines[i - 1].text).rstrip()) \
            and _centred_alone(lines, i, base_indent, width)
        if (caps_alone or centred) and not _continues(lines, i, double_spaced, single):
            open_para = None
            blocks.append(RawBlock("heading", [line.text.strip()], None))
            heading_at = i
            continue
        if double_spaced:  # a heading may stand closer to its text than the lines' spacing
            in_quote = single(i) and heading_at != i - 1 or (
                i + 1 < n and single(i + 1) and line.blank_before > 0
                and not _ends_paragraph(text, width))
        else:  # single spacing: a run of two or more lines set in from both margins
            in_quote = _indented(lines, i, base_indent) and (
                _indented(lines, i - 1, base_indent) or _indented(lines, i + 1, base_indent)) \
                and not _first_line(lines, i, base_indent, width)
        if in_quote:
            if blocks and blocks[-1].kind == "quote" and open_para is None:
                blocks[-1].lines.append(line.text)
            else:
                if open_para is not None:
                    open_para = None
                blocks.append(RawBlock("quote", [line.text]))
            if double_spaced and _ends_paragraph(text, width) and i + 1 < n and not single(i + 1):
                open_para = None
            continue
        if open_para is None:
            open_para = RawBlock("para", [])
            blocks.append(open_para)
        open_para.lines.append(line.text)
        if short_line_ends and _ends_paragraph(text, width):
            open_para = None
    return blocks


_LEADING_MARKS = re.compile("^\\s*((?:\ue002[^\ue003]*\ue003)*)\\s*")


def _indented(lines: list[Line], i: int, base: int) -> bool:
    """Set in by four or more columns from the text's usual left edge (a block quote).  A
    page's first line keeps its indentation (the page break's mark follows the spaces), so a
    quotation running over a page stays one."""
    if not 0 <= i < len(lines) or id(lines[i]) is None:
        return False
    line = lines[i]
    return bool(line.text.strip()) and line.indent >= base + 4 and \
        marks.visible(line.text).strip() != ""


def _words_after_number(lines: list[Line], i: int, width: int) -> bool:
    """The line after a lone outline number holds its heading's words: a line that opens
    (no lower case), stops short of the full width without ending a sentence, is neither
    the court's paragraph number (`¶2`) nor a numbered heading of its own (`III.` above
    `A. Choice of law`), and is not carried on by the line after it."""
    if i + 1 >= len(lines):
        return False
    words = marks.visible(lines[i + 1].text).strip()
    after = marks.visible(lines[i + 2].text).strip() if i + 2 < len(lines) else ""
    return bool(words) and not words[0].islower() and len(words) <= _HEADING_LINE_SHARE * width \
        and not _PARA_NUM.match(words) and not _NUMBERED_HEADING.match(words) \
        and not _SENTENCE_END.search(words) and not (after and after[0].islower())


def _centred(line: Line, text: str, base: int, width: int) -> bool:
    """A short line of words centred in the column (`Background`, `Discussion`): set in
    beyond any paragraph indent, about as far from the right edge as from the left, and not
    ending a sentence -- an unnumbered heading."""
    left = line.indent - base
    right = width - left - len(text)
    return (left >= _CENTRED_MIN_INSET and len(text) <= _CENTRED_MAX_SHARE * width
            and abs(left - right) <= max(_CENTRE_SLACK, _CENTRE_SLACK_SHARE * width)
            and sum(c.isalpha() for c in text) >= _HEADING_MIN_LETTERS
            and not ROMAN.match(text.rstrip("."))
            and not _SENTENCE_END.search(text))


def _centred_alone(lines: list[Line], i: int, base: int, width: int) -> bool:
    """Line i is centred and its neighbours are not (centred lines in a row are a caption's
    or a motion's title, not a heading of the text)."""
    def centred(j: int) -> bool:
        return 0 <= j < len(lines) and _centred(lines[j], marks.visible(lines[j].text).strip(),
                                                base, width)
    return centred(i) and not centred(i - 1) and not centred(i + 1)


def _first_line(lines: list[Line], i: int, base: int, width: int) -> bool:
    """Line i is a paragraph's first line, not a quotation's: set in, it still reaches the
    right edge (a block quote is set in on both sides), and the next line is flush left."""
    line = lines[i]
    reach = line.indent - base + len(marks.visible(line.text).strip())
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    return reach >= (1 - _RIGHT_EDGE_SLACK) * width and nxt is not None and \
        nxt.indent - base < _FIRST_INDENT_MIN


def _isolated(lines: list[Line], i: int) -> bool:
    """An unnumbered capitals heading stands alone: capitals lines in a row are a caption
    block (court, parties, "ON WRIT OF CERTIORARI ..."), not headings."""
    neighbours = [marks.visible(lines[j].text).strip() for j in (i - 1, i + 1)
                  if 0 <= j < len(lines)]
    return not any(_is_caps_heading(t) for t in neighbours if t)


def _split_num(text: str) -> tuple[str, str]:
    """A numbered heading line -> (num, heading).  A page break at the line's start goes
    into the num, where the page begins."""
    lead = _LEADING_MARKS.match(text)
    rest = text[lead.end():]
    m = _NUMBERED_HEADING.match(rest)
    return lead.group(1) + m.group("num"), rest[m.start("text"):].strip()


def _continues(lines, i, double_spaced, single) -> bool:
    """A short numbered line is a list item or sentence fragment, not a heading, when the next
    line carries on the same sentence (lower-case start)."""
    if i + 1 >= len(lines):
        return False
    nxt = marks.visible(lines[i + 1].text).strip()
    return bool(nxt) and nxt[0].islower()


def _ends_paragraph(text: str, width: int) -> bool:
    """A line short of the width that ends a sentence (a lone item number `a.` opens its
    item's text)."""
    return len(text) < 0.85 * width and bool(_SENTENCE_END.search(text.rstrip())) \
        and not _LONE_NUM.match(text.strip())


def nest(blocks: list[RawBlock], make_paragraph, make_inline) -> list:
    """Raw blocks -> body items: sections nested by their numbering style, paragraphs with
    their block quotes and tables."""
    outline = Outline()
    for block in blocks:
        if block.kind == "heading":
            style = style_of(marks.visible(block.num)) if block.num else "caps"
            outline.heading(style, make_inline(block.num) if block.num else None,
                            make_inline(block.lines[0]))
        elif block.kind == "table":
            outline.attach(Table([[make_inline(cell) for cell in row] for row in block.rows]))
        elif block.kind == "quote":
            outline.attach(Quote([P(make_paragraph(block.lines))]))
        else:
            content = make_paragraph(block.lines)
            last = outline.last
            if last is not None and isinstance(last.blocks[-1], Quote) and \
                    _is_continuation(block.lines):
                last.blocks.append(P(content))
            else:
                outline.paragraph([P(content)], num=block.num)
    return outline.finish()


def _is_continuation(lines: list[str]) -> bool:
    """Text after a block quote that carries on the same paragraph: a citation (`Id.`), or a
    lower-case start."""
    first = marks.visible(lines[0]).strip()
    return bool(first) and (first[0].islower() or first.startswith(("Id.", "See id", "(")))

