"""Footnotes in extracted text: find each page's footnote zone, split it into notes, and find
every note's call in the running text.

Calls are marked in the body lines with a private-use sentinel (`marks.call`) so that later
steps (joining lines, paragraphs) carry them along untouched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import ReadReport
from . import marks
from .layout import Line, Page

# The rule above the notes: spaces (what pdftotext leaves of a drawn line), underscores, dashes.
_SEPARATOR_RE = re.compile(r"^(?:\s{10,}|\s*[_]{5,}\s*|\s*[—–-]{5,}\s*)$")
# A note's label at the start of its first line: "12 The court", "* Judge X", "† Sitting by".
# A label glued to its note's first word ("1The Chapel claimed") is taken too, before a capital.
_LABEL_RE = re.compile(r"^\s*(\d{1,3}|[*†‡]{1,3})(?:\s+(?=\S)|$|(?=[A-Z“\"]))")
_TRAILING_RULE = re.compile(r"^(?P<text>.*[^\s—])\s*(?P<rule>—{5,})\s*$")
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
TO_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass
class Footnote:
    marker: str
    page: int
    lines: list[Line] = field(default_factory=list)


def _is_separator(line: Line) -> bool:
    return bool(_SEPARATOR_RE.match(line.text))


def _expected(previous: Footnote | None) -> str:
    if previous is None:
        return "1"
    if not previous.marker.isdigit():
        return ""
    return str(int(previous.marker) + 1)


def _has_call(label: str, lines: list[Line]) -> bool:
    """A digit label opens a note only if its call stands in the text above: that is what
    tells a note's number from a line that happens to begin with a number."""
    if not label.isdigit():
        return True
    pattern = _call_pattern(label)
    return any(pattern.search(l.text) for l in lines)


def _zone_start(page: Page, expected: str, previous: list[Line]) -> tuple[int, int] | None:
    """(index of the separator or -1, index of the zone's first line), or None.

    A zone starts below a rule (spaces, underscores, dashes), or, where the extraction lost
    the rule, at a clear vertical gap in the lower part of the page before the next expected
    note number (alone on its line or starting it) whose call is in the text above."""
    lines = page.lines
    rules = [i for i, line in enumerate(lines) if _is_separator(line) and i + 1 < len(lines)]
    # Captions draw rules too (`_____` around the docket): the footnote rule is the one a
    # note label follows, or (a note running on from the last page) the lowest one.
    labelled = [i for i in rules if _LABEL_RE.match(lines[i + 1].text)]
    if labelled:
        return labelled[-1], labelled[-1] + 1
    if rules and rules[-1] >= len(lines) // 2:
        return rules[-1], rules[-1] + 1
    if not expected:
        return None
    gaps = sorted(l.blank_before for l in lines)
    typical = gaps[len(gaps) // 2] if gaps else 0
    for i in range(max(1, len(lines) // 4), len(lines)):
        line = lines[i]
        m = _LABEL_RE.match(line.text)
        if not m or m.group(1) != expected:
            continue
        alone = not line.text[m.end():].strip()
        lower_half = i >= len(lines) // 2
        if (line.blank_before >= max(2, typical + 2) or (alone and line.blank_before >= 1)
                or (lower_half and (alone or line.blank_before >= 1))) \
                and _has_call(expected, previous + lines[:i]):
            return -1, i
    return None


def split_notes(pages: list[Page], report: ReadReport) -> list[Footnote]:
    """Cut each page's footnote zone out of its lines and return the notes in order.  Zone
    text before any label continues the previous note (a note running onto the next page)."""
    notes: list[Footnote] = []
    previous_page: list[Line] = []
    for page in pages:
        _split_glued_rules(page)
        expected = _expected(notes[-1] if notes else None)
        found = _zone_start(page, expected, previous_page)
        body_end = len(page.lines)
        if found is not None:
            sep, start = found
            zone = page.lines[start:]
            first = _LABEL_RE.match(zone[0].text)
            is_zone = (first and _starts_note(first.group(1), notes, page.lines[:start],
                                              previous_page)) or (notes and sep >= 0)
            if is_zone:
                if sep >= 0:
                    report.remove("separator", page.lines[sep].text.strip(),
                                  page.lines[sep].lineno, page.index)
                body_end = sep if sep >= 0 else start
                above = page.lines[:body_end]
                for line in zone:
                    m = _LABEL_RE.match(line.text)
                    if m and _starts_note(m.group(1), notes, above, previous_page):
                        report.remove("note-label", m.group(1), line.lineno, page.index)
                        rest = line.text[m.end():]
                        body = [Line(rest, line.page, line.lineno, line.blank_before)] \
                            if rest.strip() else []
                        notes.append(Footnote(m.group(1), page.index, body))
                    elif notes:
                        notes[-1].lines.append(line)
        page.lines = page.lines[:body_end]
        previous_page = page.lines
    return notes


def _split_glued_rules(page: Page) -> None:
    """Plain pdftotext can glue the rule to the last text line ("allows up——————")."""
    for i in range(len(page.lines) - 1, -1, -1):
        line = page.lines[i]
        m = _TRAILING_RULE.match(line.text)
        if m:
            line.text = m.group("text")
            page.lines.insert(i + 1, Line(m.group("rule"), line.page, line.lineno))


def _starts_note(label: str, notes: list[Footnote], above: list[Line],
                 previous_page: list[Line]) -> bool:
    if not label.isdigit():
        return True
    expected = _expected(notes[-1] if notes else None)
    # Numbering restarts at 1 in each separate writing.
    if label != expected and not (label == "1" and notes):
        return False
    return _has_call(label, previous_page + above)


def _call_pattern(marker: str) -> re.Pattern:
    sup = marker.translate(TO_SUPERSCRIPT) if marker.isdigit() else None
    glued = (r"(?<=[^\W\d_]|[.,;:!?”’\"')\]])" + re.escape(marker) + r"(?!\d)(?=\s|$|[—–])")
    if sup:
        return re.compile(re.escape(sup) + r"(?![⁰¹²³⁴⁵⁶⁷⁸⁹])|" + glued)
    return re.compile(glued)


def link_calls(pages: list[Page], notes: list[Footnote], report: ReadReport) -> list[int]:
    """Mark each note's call in the body lines of its page, in note order; a call never comes
    before the previous note's call.  Returns the indexes of notes whose call was not found:
    the caller anchors those at the end of their page so no text is lost."""
    by_index = {p.index: p for p in pages}
    position = (0, -1, -1)  # (page, line, column) of the previous call
    unlinked = []
    for k, note in enumerate(notes):
        found = _find_call(by_index, note, k, position)
        if found is None:
            unlinked.append(k)
            report.warnings.append(
                f"page {note.page}: call of footnote {note.marker} not found; "
                "note placed at the end of the page's text")
        else:
            position = found
    return unlinked


def _find_call(by_index, note: Footnote, k: int, after):
    pattern = _call_pattern(note.marker)
    for page_no in (note.page, note.page - 1):
        page = by_index.get(page_no)
        if page is None:
            continue
        for li, line in enumerate(page.lines):
            for m in pattern.finditer(line.text):
                if (page_no, li, m.start()) <= after:
                    continue
                line.text = line.text[:m.start()] + marks.call(k) + line.text[m.end():]
                return (page_no, li, m.start())
    return None
