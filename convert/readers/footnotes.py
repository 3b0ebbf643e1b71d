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
_LABEL_RE = re.compile(r"^\s*(\d{1,3}|[*†‡]{1,3})(?:\s+(?=\S)|$)")
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
    if previous is None or not previous.marker.isdigit():
        return "1" if previous is None else ""
    return str(int(previous.marker) + 1)


def split_notes(pages: list[Page], report: ReadReport) -> list[Footnote]:
    """Cut each page's footnote zone (everything below the separator) out of its lines and
    return the notes in order.  Zone text before any label continues the previous note."""
    notes: list[Footnote] = []
    for page in pages:
        sep = next((i for i, l in enumerate(page.lines) if _is_separator(l)), None)
        if sep is None:
            continue
        zone = page.lines[sep + 1:]
        if not zone:
            continue
        first = _LABEL_RE.match(zone[0].text)
        if not first and not notes:
            continue  # a rule with no note below it: not a footnote zone
        report.remove("separator", page.lines[sep].text.strip(),
                      page.lines[sep].lineno, page.index)
        page.lines = page.lines[:sep]
        for line in zone:
            m = _LABEL_RE.match(line.text)
            label = m.group(1) if m else None
            starts_note = label is not None and (
                not label.isdigit() or label == _expected(notes[-1] if notes else None))
            if starts_note:
                report.remove("note-label", label, line.lineno, page.index)
                body = Line(line.text[m.end():], line.page, line.lineno, line.blank_before)
                notes.append(Footnote(label, page.index, [body] if body.text.strip() else []))
            elif notes:
                notes[-1].lines.append(line)
    return notes


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
