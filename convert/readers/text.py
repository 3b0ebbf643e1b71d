"""Reader for text extracted from PDFs (pdftotext plain, -layout, and blank-line double spacing).

The steps, in order (each a small module of its own):

1. paginate      text -> pages of lines (form feeds, or the double-spacing page rule)
2. furniture     remove stamps and page numbers; infer every page's printed number
3. footnotes     cut footnote zones out of pages; find each note's call in the text
4. caption       header lines -> court, parties, docket, title; closing -> date, judge
5. blocks        body lines -> headings, paragraphs, block quotes -> nested sections
"""

from __future__ import annotations

import re

from ..document import Document, Meta, Note, P, PageBreak, Paragraph, Span, Writing
from ..errors import ConvertError
from . import ReadReport, marks
from .blocks import classify, nest, text_width
from .caption import (DATE_RE, TITLE_RE, decision_date, docket_paragraph, doc_name, iso_date, parties_from_column,
                      split_columns, title_case)
from .courts import resolve
from .footnotes import Footnote, link_calls, split_notes
from .furniture import strip_furniture
from .joining import Vocabulary, join_lines
from .layout import Line, Page
from .paginate import STAMP_RE, _double_spaced, paginate
from . import caption, writings
from .starpages import convert_star_pages

_CLOSING_RE = re.compile(r"^\s*(?:Dated|DATED|Date|Entered|SO ORDERED)\b[:.,]?\s*(?P<rest>.*)$")
_JUDGE_TITLE_RE = re.compile(r"(?:Chief\s+)?(?:United States|U\.S\.)?\s*(?:District|Circuit|"
                             r"Magistrate|Bankruptcy)?\s*Judge\b", re.I)


def read(source: str, data: bytes) -> tuple[Document, ReadReport]:
    """The registry's entry point: decode the input's bytes, then read the text."""
    from ..inputs import read_text

    return read_string(read_text(source, data), source)


def read_string(text: str, source: str) -> tuple[Document, ReadReport]:
    report = ReadReport(source)
    text = marks.scrub(text)
    pages = paginate(text)
    if not any(p.lines for p in pages):
        raise ConvertError(source, "no text found")
    report.pages = len(pages)
    double = _double_spaced(text.split("\n"))
    return read_pages(pages, report, double, vocabulary_text=text)


def read_pages(pages: list[Page], report: ReadReport, double_spaced: bool,
               vocabulary_text: str) -> tuple[Document, ReadReport]:
    """The shared pipeline from pages of lines (text or PDF input) to a Document."""
    labels = strip_furniture(pages, report)
    notes = split_notes(pages, report)
    unlinked = link_calls(pages, notes, report)
    for k in unlinked:  # anchor at the end of the note's page text, so nothing is lost
        page = next(p for p in pages if p.index == notes[k].page)
        if page.lines:
            page.lines[-1].text += marks.call(k)

    lines, page_starts = _body_lines(pages, labels)
    convert_star_pages(lines, report, labels)
    lines = _drop_rules(lines, report)
    lines = _carry_bare_marks(lines, page_starts)
    vocab = Vocabulary(vocabulary_text)
    doc = Document()
    head_end = _header_end(lines)
    writings_at, segments = writings.split(lines[head_end:], page_starts)
    if segments and head_end == 0:
        head_end = writings_at  # no title line: the caption is what precedes the writings
        writings_at = 0
    elif head_end == 0:
        head_end = _caption_end(lines)
        writings_at = max(0, writings_at - head_end)
    def note(k: int) -> Note:
        return _note(notes[k], vocab, inline)

    def inline(text: str):
        return marks.expand(text, note, PageBreak)

    meta, header = _caption(lines[:head_end], vocab, inline)
    body_lines = lines[head_end:head_end + writings_at]
    tail = segments[-1].lines if segments else body_lines
    close_start = _closing_start(tail)
    closing = tail[close_start:]
    del tail[close_start:]

    def paragraph_text(raw_lines: list[str]):
        return inline(join_lines(raw_lines, vocab))

    def body_of(part: list[Line]) -> list:
        blocks = classify(part, double_spaced, page_starts)
        return nest(blocks, paragraph_text, lambda s: inline(s.strip()))

    doc.body = body_of(body_lines) if body_lines else []
    for seg in segments:
        doc.body.append(_writing(seg, body_of, inline, meta))
    doc.conclusions = _conclusions(closing, meta, inline)
    closing_date, meta.date = meta.date, None
    removed = lambda *kinds: [r.text for r in report.removed if r.kind in kinds]  # noqa: E731
    visible = [marks.visible(l.text) for l in lines[:caption.MAX_CAPTION_LINES + head_end]]
    ident = caption.identify(visible[:caption.caption_window(visible, head_end)],
                             stamps=removed("stamp"),
                             furniture=removed("running-head", "running-foot"),
                             body=vocabulary_text[:200000], closing_date=closing_date,
                             writing_kinds=[s.kind for s in segments])
    caption.apply(meta, ident)
    meta.doc_name = caption.document_type(meta.title, [s.kind for s in segments])
    report.warnings.extend(ident.warnings)
    doc.meta = meta
    doc.header = caption.mark_header(header, ident)
    return doc, report


# ------------------------------------------------------------------ lines


def _body_lines(pages: list[Page], labels: dict[int, str | None]):
    """All remaining lines in reading order; each page's first line gets the page-break
    sentinel.  Returns the lines and the ids of page-starting lines."""
    lines: list[Line] = []
    starts: set[int] = set()
    for page in pages:
        if not page.lines:
            continue
        if page.index > 1:
            first = page.lines[0]
            indent = first.text[: len(first.text) - len(first.text.lstrip())]
            first.text = indent + marks.page(labels.get(page.index)) + first.text.lstrip()
            starts.add(id(first))
        lines.extend(page.lines)
    return lines, starts


_RULE_LINE = re.compile(r"^\s*(?:_{5,}|—{5,}|-{10,}|\*(?:\s*\*){2,})\s*$")


def _drop_rules(lines: list[Line], report: ReadReport) -> list[Line]:
    """Decorative rules (`_____` around a docket, `* * *`) are layout, not text."""
    kept = []
    for line in lines:
        if _RULE_LINE.match(marks.visible(line.text)):
            report.remove("rule", line.stripped, line.lineno, line.page)
            rest = line.text.replace(marks.visible(line.text).strip(), "").strip()
            if rest:  # a page break riding on the rule moves to the next line
                line.text = rest
                kept.append(line)
            continue
        kept.append(line)
    return kept


def _carry_bare_marks(lines: list[Line], page_starts: set[int]) -> list[Line]:
    """A line left holding only a sentinel (a star page alone on its line) hands it to the
    next line, which then begins the page."""
    out: list[Line] = []
    carry = ""
    for line in lines:
        if not marks.visible(line.text).strip():
            carry += line.text.strip()
            continue
        if carry:
            line.text = carry + line.text.lstrip()
            page_starts.add(id(line))
            carry = ""
        out.append(line)
    if carry and out:
        out[-1].text += carry
    return out


def _header_end(lines: list[Line]) -> int:
    """Index of the first body line: after the title line and any all-capitals lines below
    it (the motion the opinion decides)."""
    for i, line in enumerate(lines[:80]):
        if TITLE_RE.match(marks.visible(line.text)):
            j = i + 1
            while j < len(lines) and _caps(marks.visible(lines[j].text)):
                j += 1
            return j
    return 0


def _caption_end(lines: list[Line]) -> int:
    """Without a title line or writings: the caption is everything before the first line of
    running prose (a long line, mostly lower case)."""
    width = max((len(marks.visible(l.text).strip()) for l in lines[:200]), default=0)
    for i, line in enumerate(lines[:60]):
        t = marks.visible(line.text).strip()
        letters = [c for c in t if c.isalpha()]
        if len(t) >= 0.6 * width and letters and \
                sum(c.islower() for c in letters) > 0.6 * len(letters):
            return i
    return 0


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.9 * len(letters)


_COURT_LINE = re.compile(r"court of|supreme court|district court|tax court|court for", re.I)
_COURT_MORE = re.compile(r"^(?:for the\b|district of\b|(?:\w+\s+)?(?:circuit|district)\b)", re.I)


def _court_lines(lines: list[Line]) -> str:
    """The caption's court name: the first line naming a court, with the lines that finish
    it ("For the First Circuit", "FOR THE DISTRICT OF ARIZONA")."""
    texts = [marks.visible(l.text).strip() for l in lines[:40]]
    for i, t in enumerate(texts):
        if _COURT_LINE.search(t) and not STAMP_RE.match(t):
            out = [re.sub(r"^in the\s+", "", t, flags=re.I)]
            for more in texts[i + 1:i + 3]:
                if not _COURT_MORE.match(more):
                    break
                out.append(more)
            return " ".join(out)
    return ""


def _mark_court(header: list[P], court_line: str) -> list[P]:
    for block in header:
        if block.content and isinstance(block.content[0], str) and court_line and \
                block.content[0].strip() and court_line.startswith(block.content[0].strip()):
            block.content = [Span("courtType", [block.content[0].strip()])] + block.content[1:]
            break
    return header


# ------------------------------------------------------------------ caption


def _caption(lines: list[Line], vocab: Vocabulary, inline) -> tuple[Meta, list[P]]:
    """Header paragraphs with court, parties, docket and title marked.  Classification reads
    the visible text; plain rows keep their raw text so a page break inside a long caption
    stays where the page begins."""
    meta = Meta()
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
            header.append(P(inline(join_lines(raws[box_end + 1:], vocab))))
    return meta, header


# ------------------------------------------------------------------ closing


def _closing_start(lines: list[Line]) -> int:
    """The date line and signature at the very end, if the opinion closes with them."""
    for i in range(len(lines) - 1, max(len(lines) - 6, -1), -1):
        if _CLOSING_RE.match(marks.visible(lines[i].text)) and DATE_RE.search(lines[i].text):
            return i
    return len(lines)


def _conclusions(lines: list[Line], meta: Meta, inline) -> list[P]:
    out: list[P] = []
    for line in lines:
        text = marks.visible(line.text).strip()
        m = DATE_RE.search(text)
        if m and _CLOSING_RE.match(text):
            date = iso_date(m.group(0))
            content: list = [text[:m.start()]]
            if date:
                meta.date = meta.date or date
                content.append(Span("docDate", [m.group(0)], {"date": date}))
            else:
                content.append(m.group(0))
            rest = text[m.end():]
            name = rest.strip()
            if name and _caps(name):
                lead = rest[: len(rest) - len(rest.lstrip())]
                judge = title_case(name)
                meta.judges.append(judge)
                content += [lead, Span("signature", [Span("judge", [name], {"name": judge})])]
            elif rest:
                content.append(rest)
            out.append(P([c for c in content if c != ""]))
        else:
            out.append(P(inline(text)))
    return out


# ------------------------------------------------------------------ writings


_OPINION_TYPE = {"concurrence": "agreeing", "dissent": "dissenting"}


def _writing(seg: writings.Segment, body_of, inline, meta: Meta) -> Writing:
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
    children = (body_of(before) if before else []) + [byline_para] + \
        (body_of(after) if after else [])
    return Writing(seg.kind, seg.author, children)


# ------------------------------------------------------------------ notes


def _note(note: Footnote, vocab: Vocabulary, inline) -> Note:
    text = join_lines([l.text for l in note.lines], vocab)
    return Note(note.marker, [P(inline(text))])
