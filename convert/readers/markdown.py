"""Reader for light-Markdown opinions (seed 004), on markdown-it-py.

Markdown gives the blocks and the emphasis; what it cannot know is the page: footnote bodies
stand where the page ended (`¹ Notably, ...`), and a paragraph cut by a page break or by such
a note shows up as two.  The steps:

1. blocks     markdown-it tokens -> paragraphs (inline content), lists, headings
2. notes      paragraphs that begin with a superscript marker are note bodies: taken out
3. rejoin     paragraphs cut by a page break or a note body are joined again
4. header     the caption (civil-minutes form or a title line) -> marked header paragraphs
5. body       numbered headings nest sections; lists attach to the paragraph they end
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt

from ..document import (Document, Inline, Item, ListBlock, Meta, Note, P, Paragraph, Party,
                        Span, inline_text)
from ..errors import ConvertError
from . import ReadReport, marks
from .blocks import _NUMBERED_HEADING, style_of
from .caption import DATE_RE, TITLE_RE, doc_name, iso_date, title_case
from .courts import resolve
from .forms import civil_minutes
from .outline import Outline
from .passes import State, markdown_passes

# markdown-it stops parsing, silently, at `maxNesting` open containers (20 in its CommonMark
# preset: a list ten deep or a quote twenty deep cut off every later section).  The budget is
# raised to a level its recursive parser (about 400 levels before Python's recursion limit)
# reaches safely, and `_flatten` keeps every line's containers well inside it.
_MAX_NESTING = 200
# Per line: at most this many container markers (`>`, list bullets, `1.`) ...
_MAX_MARKERS = 30
# ... and this many columns of indentation among them (30 list levels at two columns each).
# Markers beyond are escaped (kept as text, nesting no deeper); indentation beyond is cut.
# 30 markers (two levels a list marker) + 60 columns (30 list levels) < _MAX_NESTING.
_MAX_INDENT = 60
_TAB = 4  # CommonMark's tab stop
# Bold inside italic inside bold...: past this depth emphasis adds nothing a reader sees, and
# each level is an element (libxml2 refuses trees deeper than 256).
_MAX_SPAN_DEPTH = 8
_MD = MarkdownIt("commonmark", {"maxNesting": _MAX_NESTING})
_PREFIX_PART = re.compile(r"[ \t]+|>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)")
_SUPERSCRIPT_RUN = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_NOTE_BODY = re.compile(r"^\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*")
_TO_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_TERMINAL = re.compile(r"[.:;?!][”’\"')\]*_]*\s*$")


@dataclass
class MdBlock:
    kind: str  # para, list, heading
    content: list[Inline] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    line: int = 0
    num: str | None = None

    @property
    def text(self) -> str:
        return inline_text(self.content)


# ------------------------------------------------------------------ 1. blocks


def _inline(children, report: ReadReport, line: int = 0) -> list[Inline]:
    """markdown-it inline tokens -> our inline content (b/i spans, text).  Link and image
    targets are not text of the opinion: dropped, and reported as removed."""
    root: list[Inline] = []
    stack: list[list[Inline]] = [root]
    for tok in children or []:
        target = tok.attrGet("src" if tok.type == "image" else "href")
        if target and tok.type in ("link_open", "image"):
            report.remove("link-target", str(target), line)
        if tok.type in ("text", "code_inline", "html_inline"):
            _add(stack[-1], tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            _add(stack[-1], " ")
        elif tok.type in ("strong_open", "em_open"):
            if len(stack) > _MAX_SPAN_DEPTH:  # `*****...x*****...`: text, no deeper spans
                stack.append(stack[-1])
                continue
            span = Span("b" if tok.type == "strong_open" else "i")
            stack[-1].append(span)
            stack.append(span.content)
        elif tok.type in ("strong_close", "em_close") and len(stack) > 1:
            stack.pop()
        elif tok.children:
            stack[-1].extend(_inline(tok.children, report, line))
    return root


def _add(content: list[Inline], text: str) -> None:
    if content and isinstance(content[-1], str):
        content[-1] += text
    else:
        content.append(text)


def _blocks(tokens, report: ReadReport) -> list[MdBlock]:
    out: list[MdBlock] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        line = (tok.map[0] + 1) if tok.map else 0
        if tok.type in ("paragraph_open", "heading_open"):
            content = _inline(tokens[i + 1].children, report, line)
            out.append(MdBlock("heading" if tok.type == "heading_open" else "para",
                               content, line=line))
            i += 3
        elif tok.type in ("ordered_list_open", "bullet_list_open"):
            ordered = tok.type == "ordered_list_open"
            n = int(tok.attrGet("start") or 1)
            items: list[Item] = []
            depth, i = 1, i + 1
            current: list[Inline] = []
            while i < len(tokens) and depth:
                t = tokens[i]
                if t.type.endswith("_list_open"):
                    depth += 1
                elif t.type.endswith("_list_close"):
                    depth -= 1
                elif t.type == "list_item_open" and depth == 1:
                    current = []
                    # the item's own printed number (markdown-it's `info`), not a renumbering
                    items.append(Item(f"{t.info or n}{t.markup}" if ordered else t.markup,
                                      current))
                    n += 1
                elif t.type == "list_item_open" and t.info:  # a nested item's number is text
                    _add(current, f" {t.info}{t.markup}")
                elif t.type == "inline":
                    if current:
                        _add(current, " ")
                    current.extend(_inline(t.children, report, line))
                elif t.type in ("html_block", "code_block", "fence") and t.content.strip():
                    # an HTML or code block inside an item is the item's text too (found by
                    # the fuzzing suite: `- <script>...` lost its words)
                    if current:
                        _add(current, " ")
                    _add(current, html.unescape(t.content.strip()) if t.type == "html_block"
                         else t.content.strip())
                i += 1
            out.append(MdBlock("list", items=items, line=line))
        else:
            if tok.type == "inline":  # stray inline (tables, html blocks): keep the text
                out.append(MdBlock("para", _inline(tok.children, report, line), line=line))
            elif tok.type == "html_block" and tok.content.strip():
                # markdown-it leaves HTML blocks undecoded: `<p>AT&amp;T</p>` is text here,
                # so its character references are read as the characters they stand for
                out.append(MdBlock("para", [html.unescape(tok.content.strip())], line=line))
            elif tok.type in ("code_block", "fence") and tok.content.strip():
                out.append(MdBlock("para", [tok.content.strip()], line=line))
            i += 1
    return out


def _flatten(text: str, report: ReadReport) -> str:
    """Bound each line's nesting (see `_MAX_MARKERS`): extra container markers are escaped
    into text and extra indentation is cut, so markdown-it never reaches its nesting limit
    and drops the rest of the document.  Says which lines were flattened."""
    lines = text.split("\n")
    flattened = []
    for n, line in enumerate(lines):
        if not line[:1].isspace() and line[:1] not in (">", "-", "+", "*") \
                and not line[:1].isdigit():
            continue  # the common case: no container prefix
        out, pos, markers, columns, changed = [], 0, 0, 0, False
        while True:
            m = _PREFIX_PART.match(line, pos)
            if m is None:
                break
            part = m.group()
            if part[0] in " \t":
                width = sum(_TAB if c == "\t" else 1 for c in part)
                # after a marker one space stays: it is what makes the marker a marker
                keep = max(1 if out else 0, min(width, _MAX_INDENT - columns))
                columns += keep
                changed |= keep < width
                out.append(" " * keep)
            elif markers >= _MAX_MARKERS:
                out.append("\\" + part)
                changed = True
            else:
                markers += 1
                out.append(part)
            pos = m.end()
        if changed:
            lines[n] = "".join(out) + line[pos:]
            flattened.append(n + 1)
    if flattened:
        report.warnings.append(
            f"line {flattened[0]}: nesting deeper than {_MAX_MARKERS} containers or "
            f"{_MAX_INDENT} columns flattened on {len(flattened)} line(s); no text dropped")
    return "\n".join(lines)


# ------------------------------------------------------------------ 2. notes, 3. rejoin


@dataclass
class _Body:
    marker: str
    content: list[Inline]


def _take_notes(blocks: list[MdBlock], report: ReadReport):
    """Remove note bodies; return (blocks, notes, indexes of blocks a note body followed)."""
    kept: list[MdBlock] = []
    notes: list[_Body] = []
    cut_after: set[int] = set()
    for block in blocks:
        first = block.content[0] if block.content else None
        m = _NOTE_BODY.match(first) if block.kind == "para" and isinstance(first, str) else None
        if m:
            report.remove("note-label", m.group(1), block.line)
            content = [first[m.end():], *block.content[1:]]
            notes.append(_Body(m.group(1).translate(_TO_DIGITS), content))
            if kept:
                cut_after.add(len(kept) - 1)
            continue
        kept.append(block)
    return kept, notes, cut_after


def _is_heading(block: MdBlock) -> bool:
    if block.kind == "heading":
        return True
    text = block.text.strip()
    m = _NUMBERED_HEADING.match(text)
    return bool(m) and len(text) < 80 and not _TERMINAL.search(text)


def _rejoin(blocks: list[MdBlock], cut_after: set[int], start: int) -> list[MdBlock]:
    """Join a paragraph to the next when a page break or a note body cut it: it does not end
    a sentence, or (after a note body) the next one starts in lower case or with `(`."""
    out: list[MdBlock] = []
    for i, block in enumerate(blocks):
        prev = out[-1] if out else None
        if (i > start and prev is not None and prev.kind == "para" and block.kind == "para"
                and not _is_heading(prev) and not _is_heading(block)):
            text = block.text.lstrip()
            cut = (i - 1) in cut_after
            if not _TERMINAL.search(prev.text) or (cut and text[:1].islower()) or \
                    (cut and text.startswith("(")):
                for item in [" ", *block.content]:
                    _add(prev.content, item) if isinstance(item, str) else prev.content.append(
                        item)
                continue
        out.append(block)
    return out


def _calls(content: list[Inline], notes: list[_Body], used: set[int], make_note) -> list[Inline]:
    """Superscript digits in text are note calls: each becomes its note, in note order."""
    out: list[Inline] = []
    for item in content:
        if isinstance(item, Span):
            item.content = _calls(item.content, notes, used, make_note)
            out.append(item)
            continue
        if not isinstance(item, str):
            out.append(item)
            continue
        pos = 0
        for m in _SUPERSCRIPT_RUN.finditer(item):
            marker = m.group(0).translate(_TO_DIGITS)
            k = next((j for j, n in enumerate(notes) if n.marker == marker and j not in used),
                     None)
            if k is None:
                continue  # a superscript that calls no note (an exponent): keep as text
            used.add(k)
            if m.start() > pos:
                out.append(item[pos:m.start()])
            out.append(make_note(k))
            pos = m.end()
        if pos < len(item):
            out.append(item[pos:])
    return out


# ------------------------------------------------------------------ 4. header


def _wrap_first(content: list[Inline], needle: str, make) -> bool:
    """Wrap the first occurrence of `needle` inside one text run in a span from `make`."""
    for i, item in enumerate(content):
        if isinstance(item, Span):
            if _wrap_first(item.content, needle, make):
                return True
        elif isinstance(item, str) and needle and needle in item:
            a = item.index(needle)
            pieces = [item[:a], make(needle), item[a + len(needle):]]
            content[i:i + 1] = [p for p in pieces if p != ""]
            return True
    return False


def _mark_header(blocks: list[MdBlock], meta: Meta, body_text: str) -> list[P]:
    header: list[P] = []
    court_lines = []
    for n, block in enumerate(blocks):
        content = block.content if block.kind != "list" else [
            " ".join(inline_text(i.content) for i in block.items)]
        text = inline_text(content)
        flat = " ".join(text.split())
        if n == 0 and re.search(r"\bcourt\b", flat, re.I):
            court = civil_minutes.court_name(flat)
            court_lines.append(court)
            _wrap_first(content, text.split("\n")[0].strip() if "\n" in text else court,
                        lambda s: Span("courtType", [s]))
        m = civil_minutes.DOCKET_FIELD.search(flat)
        if m and not meta.docket:
            meta.docket = m.group("d").strip()
            _wrap_first(content, meta.docket, lambda s: Span("docketNumber", [s]))
        m = DATE_RE.search(flat)
        if m and not meta.date and civil_minutes.DATE_FIELD.search(flat):
            meta.date = iso_date(m.group(0))
            _wrap_first(content, m.group(0), lambda s: Span("docDate", [s], {"date": meta.date}))
        m = civil_minutes.TITLE_FIELD.match(flat)
        if m and " v. " in m.group("t"):
            left, right = m.group("t").split(" v. ", 1)
            for name, role in ((left, "plaintiff"), (right, "defendant")):
                name = name.strip().rstrip(",")
                meta.parties.append(Party(name, role))
                _wrap_first(content, name, lambda s, r=role: Span("party", [s],
                                                                  {"role": r, "name": s}))
        m = civil_minutes.JUDGE_FIELD.search(flat)
        if m:
            judge = title_case(m.group("n"))
            meta.judges.append(judge)
            _wrap_first(content, m.group("n"), lambda s: Span("judge", [s], {"name": judge}))
        m = civil_minutes.PROCEEDINGS_FIELD.match(flat)
        if m:
            meta.title = m.group("t").strip()
            _wrap_first(content, meta.title, lambda s: Span("docTitle", [s]))
        elif TITLE_RE.match(flat) and not meta.title:
            meta.title = flat
            content = [Span("docTitle", content)]
        header.append(P(content))
    cid, cname, _ = resolve(" ".join(court_lines), body_text)
    meta.court_id, meta.court_name = cid, cname
    meta.doc_name = doc_name("civil minutes" if civil_minutes.is_minutes(" ".join(court_lines))
                             or any(civil_minutes.is_minutes(inline_text(b.content))
                                    for b in blocks[:2]) else meta.title)
    return header


def _header_end(blocks: list[MdBlock]) -> int:
    for i, block in enumerate(blocks[:40]):
        text = block.text.strip()
        if civil_minutes.is_proceedings(text):
            return i + 1
    for i, block in enumerate(blocks[:40]):
        if TITLE_RE.match(block.text.strip()):
            return i + 1
    return 0


# ------------------------------------------------------------------ 5. body


def _body(blocks: list[MdBlock]) -> list:
    outline = Outline()
    for block in blocks:
        if _is_heading(block):
            m = _NUMBERED_HEADING.match(block.text.strip())
            num = m.group("num") if m else None
            heading = _strip_prefix(block.content, num) if num else block.content
            outline.heading(style_of(num) if num else "md", [num] if num else None, heading)
        elif block.kind == "list":
            outline.attach(ListBlock(block.items))
        else:
            text = block.text.lstrip()
            last = outline.last
            if last is not None and isinstance(last.blocks[-1], ListBlock) and \
                    (text[:1].islower() or text.startswith("(")):
                last.blocks.append(P(block.content))
            else:
                outline.paragraph([P(block.content)])
    return outline.finish()


def _strip_prefix(content: list[Inline], num: str) -> list[Inline]:
    first = content[0] if content else ""
    if isinstance(first, str) and first.lstrip().startswith(num):
        rest = first.lstrip()[len(num):].lstrip()
        return ([rest] if rest else []) + list(content[1:])
    return content


# ------------------------------------------------------------------ entry point


def read(source: str, data: bytes) -> tuple[Document, ReadReport]:
    """The registry's entry point: decode the input's bytes, then read the Markdown."""
    from ..inputs import read_text

    return read_string(read_text(source, data), source)


def read_string(text: str, source: str) -> tuple[Document, ReadReport]:
    report = ReadReport(source)
    state = State(source, report, vocabulary_text=marks.scrub(text))
    # for the pipeline's word-coverage check: Markdown's character references are characters
    report.source_text = html.unescape(state.vocabulary_text)
    state.doc = Document(meta=Meta())
    markdown_passes().run(state)
    return state.doc, report


# ------------------------------------------------------------------ passes over the State
# The Markdown reader's passes (`passes.markdown_passes()`), in order.  Markdown gives the
# blocks, so the line passes of the text reader have no work here; what is the same work
# (notes without a call kept at the end, with a warning) is shared with `note_calls`.


def pass_blocks(state: State) -> None:
    """`md_blocks`: markdown-it tokens -> blocks."""
    state.blocks = _blocks(_MD.parse(_flatten(state.vocabulary_text, state.report)),
                           state.report)
    if not state.blocks:
        raise ConvertError(state.source, "no text found")


def pass_notes(state: State) -> None:
    """`md_notes`: paragraphs that begin with a superscript marker are note bodies."""
    state.blocks, state.notes, state.extra["cut_after"] = _take_notes(state.blocks, state.report)


def pass_rejoin(state: State) -> None:
    """`md_rejoin`: paragraphs cut by a page break or a note body are joined again."""
    blocks = _rejoin(state.blocks, state.extra["cut_after"], _header_end(state.blocks))
    state.blocks = blocks
    state.extra["head_end"] = _header_end(blocks)


def pass_calls(state: State) -> None:
    """`md_calls`: superscript digits are note calls, in note order."""
    notes = state.notes
    used: set[int] = set()

    def make_note(k: int) -> Note:
        return Note(notes[k].marker, [P(_calls(notes[k].content, notes, used, make_note))])

    for block in state.blocks:
        block.content = _calls(block.content, notes, used, make_note)
        for item in block.items:
            item.content = _calls(item.content, notes, used, make_note)
    state.extra["used"], state.extra["make_note"] = used, make_note


def pass_caption(state: State) -> None:
    """`md_caption`: the caption blocks -> marked header paragraphs, court resolved."""
    head_end = state.extra["head_end"]
    state.doc.header = _mark_header(state.blocks[:head_end], state.doc.meta,
                                    state.vocabulary_text)


def pass_body(state: State) -> None:
    """`md_body`: numbered headings nest sections; lists attach to the paragraph they end."""
    state.doc.body = _body(state.blocks[state.extra["head_end"]:])


def pass_uncalled(state: State) -> None:
    """`md_uncalled`: a note body with no call keeps its text, at the end, with a warning."""
    used, make_note = state.extra["used"], state.extra["make_note"]
    unused = [k for k in range(len(state.notes)) if k not in used]
    if unused:
        for k in unused:
            state.report.warnings.append(f"footnote {state.notes[k].marker}: no call found; "
                                         "note kept at the end of the text")
        state.doc.body.append(Paragraph([P([make_note(k) for k in unused])]))


PASSES = [("md_blocks", pass_blocks), ("md_notes", pass_notes), ("md_rejoin", pass_rejoin),
          ("md_calls", pass_calls), ("md_caption", pass_caption), ("md_body", pass_body),
          ("md_uncalled", pass_uncalled)]
