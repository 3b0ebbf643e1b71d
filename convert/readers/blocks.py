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
_NUMBERED_HEADING = re.compile(
    r"^\s*(?P<num>(?:[IVXL]{1,5}|[A-Z]|\d{1,2}|[a-z]|[ivx]{1,4})[.)])\s+(?P<text>\S.*)$")
_PARA_NUM = re.compile(r"^\s*(?P<num>¶\s*\d{1,4})(?:\s+|$)")
_SENTENCE_END = re.compile(r"[.:;?!][”’\"')\]]*$")

# Double spacing is told from the body's own lines (their blank_before, from the text's blank
# lines or the PDF's baseline gaps), not from the whole input: pleading paper's line numbers,
# a single-spaced caption and footnotes would outvote the body.  Below this many measured
# gaps the reader's own guess stands.
_SPACING_MIN_LINES = 20
# Double spaced when more than this share of the body's line gaps hold a blank line: block
# quotes, headings and page tops are single spaced even in a double-spaced body.
_DOUBLE_SHARE = 0.6
# A first-line indent: the line starts this many columns (text) or character widths (PDF)
# right of the column's usual left edge -- a tab stop of half an inch is 5-8 characters in
# 10-12 point type; 1 column is extraction jitter, more than 10 is a centred line or a quote.
_FIRST_INDENT_MIN, _FIRST_INDENT_MAX = 2, 10
# A centred heading is a short line: at most this share of the text width (longer centred
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
_INDENT_STYLE_MIN = 3


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


def text_width(lines: list[Line]) -> int:
    lengths = sorted(len(marks.visible(l.text).strip()) for l in lines if l.text.strip())
    if not lengths:
        return 80
    return lengths[int(len(lengths) * 0.9) - 1 if len(lengths) > 1 else 0]


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
    gaps = [l.blank_before for l in lines if l.text.strip() and id(l) not in page_starts]
    if len(gaps) <= _SPACING_MIN_LINES:
        return default
    return sum(1 for g in gaps if g >= 1) > _DOUBLE_SHARE * len(gaps)


def _first_indented(line: Line, base: int) -> bool:
    return _FIRST_INDENT_MIN <= line.indent - base <= _FIRST_INDENT_MAX


def _indent_style(lines: list[Line], base: int) -> bool:
    """Whether first-line indents mark this text's paragraphs (see `_INDENT_STYLE_MIN`)."""
    found = 0
    for prev, line in zip(lines, lines[1:]):
        if _first_indented(line, base) and _SENTENCE_END.search(marks.visible(prev.text).rstrip()):
            found += 1
            if found >= _INDENT_STYLE_MIN:
                return True
    return False


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
    # Where indents mark paragraphs, a short line ending a sentence does not end one.
    short_line_ends = not _indent_style(lines, base_indent)

    table_until = -1
    for i, line in enumerate(lines):
        text = marks.visible(line.text).strip()
        if not text:
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
            wider_gap = id(line) not in page_starts and line.blank_before > usual_gap
            if wider_gap or (_first_indented(line, base_indent) and _SENTENCE_END.search(prev)):
                open_para = None
        # A numbered heading may also follow a full-width line that ends a sentence.
        standalone = open_para is None or (i > 0 and bool(
            _SENTENCE_END.search(marks.visible(lines[i - 1].text).rstrip())))
        m = _NUMBERED_HEADING.match(text)
        heading_like = (len(text) <= 0.8 * width and not _SENTENCE_END.search(text.rstrip())
                        or _is_caps_heading(text))
        if standalone and m and heading_like and not _continues(lines, i, double_spaced, single):
            open_para = None
            num, heading = _split_num(line.text)
            blocks.append(RawBlock("heading", [heading], num))
            continue
        if (open_para is None and _is_caps_heading(text) and _isolated(lines, i) or i and _SENTENCE_END.search(marks.visible(lines[i - 1].text).rstrip())
                and _centred_alone(lines, i, base_indent, width)) and not \
                _continues(lines, i, double_spaced, single):
            open_para = None
            blocks.append(RawBlock("heading", [line.text.strip()], None))
            continue
        if double_spaced:
            in_quote = single(i) or (i + 1 < n and single(i + 1) and line.blank_before > 0
                                     and not _ends_paragraph(text, width))
        else:  # single spacing: a run of two or more lines set in from both margins
            in_quote = _indented(lines, i, base_indent) and (
                _indented(lines, i - 1, base_indent) or _indented(lines, i + 1, base_indent))
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
    """Set in by four or more columns from the text's usual left edge (a block quote)."""
    if not 0 <= i < len(lines) or id(lines[i]) is None:
        return False
    line = lines[i]
    return bool(line.text.strip()) and line.indent >= base + 4 and \
        marks.visible(line.text).strip() != "" and not line.text.lstrip().startswith("\ue002")


def _centred(line: Line, text: str, base: int, width: int) -> bool:
    """A short line of words centred in the column (`Background`, `Discussion`): set in
    beyond any paragraph indent, about as far from the right edge as from the left, and not
    ending a sentence -- an unnumbered heading."""
    left = line.indent - base
    right = width - left - len(text)
    return (left > _FIRST_INDENT_MAX and len(text) <= _CENTRED_MAX_SHARE * width
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
    return len(text) < 0.85 * width and bool(_SENTENCE_END.search(text.rstrip()))


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

