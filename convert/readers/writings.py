"""Separate writings in one decision: syllabus, lead opinion, concurrences, dissents.

A writing begins at its author line ("JUSTICE KENNEDY delivered the opinion of the Court.",
"JUSTICE SCALIA, concurring.", "SELYA, Circuit Judge.", "HUDSON, Justice.", "PER CURIAM.").
When the author line sits near the top of a page below the writing's own caption block
("SUPREME COURT OF THE UNITED STATES ... No. ... [date]"), the writing takes the page from its
top.  A syllabus ("Syllabus" near the start) runs from the end of the caption to the first
writing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import marks
from .layout import Line

_JUSTICE_FIRST = re.compile(
    r"^\s*(?P<title>(?:CHIEF\s+)?JUSTICE|(?:Chief\s+)?Justice|JUDGE|Judge)\s+"
    r"(?P<name>[A-Z][A-Za-zÀ-ÿ'’\-]+)(?P<rest>(?:\s+delivered the opinion of the Court|"
    r"\s+announced the judgment of the Court[^.]*|,\s*(?:concurring|dissenting)[^.]*))(?:\.|$)")
_NAME_FIRST = re.compile(
    r"^\s*(?P<name>[A-Z][A-Z'’\-]+(?:\s[A-Z][A-Z'’\-]+)?),\s+(?:Chief\s+|Senior\s+)?"
    r"(?:Circuit\s+|District\s+|Associate\s+)?(?P<title>Judge|Justice)"
    r"(?P<rest>(?:,\s*(?:concurring|dissenting)[^.]*)?)(?:\.(?=\s|$)|(?<=[a-z])\s*$)")
_PER_CURIAM = re.compile(r"^\s*(?P<name>PER CURIAM)\.?\s*$")
_SYLLABUS = re.compile(r"^\s*Syllabus\s*$")
_CAPTION_MARK = re.compile(r"SUPREME COURT OF|COURT OF APPEALS|^\s*No[s]?\.\s|\[\w+\.? \d{1,2}, \d{4}\]")
_ARGUED = re.compile(r"\b(?:Argued|Decided|Submitted)\b")
_DOCKET_LINE = re.compile(r"^\s*Nos?\.\s+\S")


@dataclass
class Segment:
    kind: str  # syllabus, majority, concurrence, dissent, perCuriam
    lines: list[Line] = field(default_factory=list)
    author: str | None = None  # surname as printed, title-cased
    author_index: int | None = None  # index in `lines` of the author line
    author_end: int = 0  # end of the byline within that line's text


def author_line(text: str):
    """(kind, name, end of byline) when the line opens a writing, else None."""
    visible = marks.visible(text)
    for pattern in (_JUSTICE_FIRST, _NAME_FIRST, _PER_CURIAM):
        m = pattern.match(visible)
        if m:
            rest = (m.groupdict().get("rest") or "").lower()
            if m.group("name") == "PER CURIAM":
                kind = "perCuriam"
            elif "dissent" in rest:
                kind = "dissent"
            elif "concur" in rest:
                kind = "concurrence"
            else:
                kind = "majority"
            return kind, m.group("name"), _visible_to_raw(text, m.end())
    return None


def _visible_to_raw(text: str, visible_end: int) -> int:
    """Map an offset in the sentinel-free text back into the raw line."""
    seen = i = 0
    while i < len(text) and seen < visible_end:
        if text[i] in marks.OPENERS:
            i = text.index(marks.OPENERS[text[i]], i) + 1
            continue
        seen += 1
        i += 1
    return i


def _writing_start(lines: list[Line], at: int, page_starts: set[int]) -> int:
    """Where the writing whose author line is `at` begins: the top of its page when only its
    caption block stands above it there, else the author line."""
    j = at
    while j > 0 and id(lines[j]) not in page_starts and at - j < 40:
        j -= 1
    above = lines[j:at]
    if id(lines[j]) in page_starts and any(_CAPTION_MARK.search(marks.visible(l.text))
                                           for l in above):
        return j
    return at


def split(lines: list[Line], page_starts: set[int]) -> tuple[int, list[Segment]]:
    """(index where writings begin, segments).  No author line: no segments."""
    found = []
    for i, line in enumerate(lines):
        hit = author_line(line.text)
        if hit:
            found.append((i, hit))
    if not found:
        return len(lines), []
    starts = [_writing_start(lines, i, page_starts) for i, _ in found]
    segments = []
    for n, ((i, (kind, name, end)), start) in enumerate(zip(found, starts)):
        stop = starts[n + 1] if n + 1 < len(starts) else len(lines)
        seg = Segment(kind, lines[start:stop], None if name == "PER CURIAM" else name.title(),
                      i - start, end)
        segments.append(seg)
    first = starts[0]
    syllabus_at = next((k for k, l in enumerate(lines[:min(first, 40)])
                        if _SYLLABUS.match(marks.visible(l.text))), None)
    if syllabus_at is not None:
        docket = next((k for k in range(syllabus_at, first)
                       if _DOCKET_LINE.match(marks.visible(lines[k].text))), None)
        begin = (docket + 1) if docket is not None else syllabus_at + 1
        while begin < first and _ARGUED.search(marks.visible(lines[begin].text)):
            begin += 1  # "Argued April 23, 2013—Decided June 13, 2013" belongs to the caption
        if begin < first:
            segments.insert(0, Segment("syllabus", lines[begin:first]))
            return begin, segments
    return first, segments
