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
from .caption import COURT_NAME, is_caps
from .forms import agency_heads
from .layout import Line

# What a writing's author line says it is, in the words courts print (checked in order).
KIND_PHRASES = [
    ("concurrenceDissent", re.compile(r"concurring\s+in\s+part\s+and\s+dissenting\s+in\s+part|"
                                      r"dissenting\s+in\s+part\s+and\s+concurring\s+in\s+part|"
                                      r"concurring\s+and\s+dissenting", re.I)),
    ("dissent", re.compile(r"dissent", re.I)),
    ("concurrence", re.compile(r"concur", re.I)),
    ("plurality", re.compile(r"announced\s+the\s+judgment\s+of\s+the\s+Court\s+and\s+delivered\s+"
                             r"an\s+opinion|plurality", re.I)),
]
_JUSTICE_FIRST = re.compile(
    r"^\s*(?P<title>(?:CHIEF\s+)?JUSTICE|(?:Chief\s+)?Justice|JUDGE|Judge)\s+"
    r"(?P<name>[A-Z][A-Za-zÀ-ÿ'’\-]+)(?P<rest>(?:\s+delivered the opinion of the Court|"
    r"\s+announced the judgment of the Court[^.]*|,\s*(?:concurring|dissenting)[^.]*))(?:\.|$)")
# The judge's title after the name: "Circuit Judge", "United States District Judge",
# "Appellate Immigration Judge", "Board Member", "Justice", "DISTRICT JUDGE".
# (The Board of Immigration Appeals' own title words come from its court-form module.)
_TITLE = (r"(?i:(?:(?:Acting|Chief|Senior|Circuit|District|Associate|United|"
          r"States|U\.\s?S\.|Magistrate|Bankruptcy|Presiding|Administrative|Law|Special|Trial|"
          rf"{agency_heads.AUTHOR_TITLE_WORDS})\s+)*(?:Judge|Justice|Member))")
# "specially concurring", "separately dissenting": one word may say how.
_MANNER = r"(?:[a-z]+ly\s+)?"
_NAME_FIRST = re.compile(
    r"^\s*(?P<name>(?:[A-Z][A-Z'’\-]*\.?\s){0,3}[A-Z][A-Z'’\-]+),\s+(?P<title>" + _TITLE + r")"
    r"(?P<rest>(?:,\s*" + _MANNER + r"(?:concurring|dissenting)[^.:]*)?)"
    r"(?:[.:](?=\s|$)|(?<=[a-zA-Z])\s*$)")
# The reporters' abbreviated form, a line of its own: "LAVINE, J.", "READ, J. (concurring).",
# "GRAFFEO, J. (dissenting).", "SMITH, C.J.", "ANDREW, J.T.C.", "Walters, J.",
# "POFF, J., delivered the opinion of the Court.", "Opinion of the Court by FOLEY, J."
# (state reporters; the Caselaw Access Project's texts).  The name is in capitals (or one
# capitalised surname) and the line ends with the byline, so "(Smith, J., dissenting)"
# inside a sentence opens nothing; after a comma the byline ends in its period, so a slip
# opinion's running head "THOMAS, J., concurring" is no byline.
_NAME_ABBREVIATED = re.compile(
    r"^\s*(?:Opinion\s+(?:of\s+the\s+Court\s+)?by\s+)?"
    r"(?P<name>(?:[A-Z][A-Z'’\-]*\.?\s){0,3}[A-Z][A-Z'’\-]+|[A-Z][a-z'’\-]+),\s+"
    r"(?P<title>(?:Acting\s+)?(?:[A-Z]\.\s?){0,2}J\.(?:\s?[A-Z]\.){0,3})"
    r"(?:(?P<rest>\s*\((?:concurring|dissenting)[^)]*\))?[.:]?"
    r"|(?P<said>,\s*(?:delivered\s+the\s+opinion\s+of\s+the\s+Court|"
    + _MANNER + r"(?:concurring|dissenting)[^.:]*)[.:]))\s*$")
# A signature block's title line under the judge's name ("United States Magistrate Judge").
TITLE_LINE = re.compile(r"^\s*" + _TITLE + r"\s*$")
# "CONCURRING OPINION: Blair T. O'Connor, Appellate Immigration Judge" (BIA precedents).
_KIND_FIRST = re.compile(agency_heads.KIND_FIRST.replace("{title}", _TITLE))
_PER_CURIAM = re.compile(r"^\s*(?P<name>P\s?ER\s+C\s?URIAM|Per\s+Curiam)(?:[.:]|\s*\(|\s*$)")
_SYLLABUS = re.compile(r"^\s*Syllabus\s*$")
# A page's caption block above a writing's author line: a docket label or a bracketed date
# ("[June 24, 2013]"); or a capitals row naming a court (`_caption_mark`).
_CAPTION_MARK = re.compile(r"^\s*No[s]?\.\s|\[\w+\.? \d{1,2}, \d{4}\]")


def _caption_mark(text: str) -> bool:
    """A row of a writing's own caption: a capitals row naming a court (the readers' one
    court-name pattern, `caption.COURT_NAME`: prose that names a court is not in capitals),
    a docket label, a bracketed date."""
    return bool(_CAPTION_MARK.search(text)) or \
        bool(COURT_NAME.search(text) and is_caps(text))
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
    for pattern in (_JUSTICE_FIRST, _NAME_FIRST, _NAME_ABBREVIATED, _KIND_FIRST, _PER_CURIAM):
        m = pattern.match(visible)
        if m:
            rest = m.groupdict().get("rest") or m.groupdict().get("said") or ""
            name = m.group("name")
            if pattern is _PER_CURIAM:
                kind, name = "perCuriam", "PER CURIAM"
            else:
                kind = next((k for k, phrase in KIND_PHRASES if phrase.search(rest)), "majority")
            end = m.end()
            if pattern is _PER_CURIAM and visible[m.end() - 1:m.end()] == "(":
                close = visible.find(")", m.end())  # "Per Curiam (BRYSON, ..., Judges.)"
                end = close + 1 if close > 0 else len(visible)
            return kind, name, _visible_to_raw(text, end)
    return None


def _author(name: str) -> str:
    """The author as printed, capitals title-cased: "STEWART D. AARON" -> "Stewart D. Aaron",
    "O'CONNOR" -> "O'Connor"."""
    if not name.isupper():
        return " ".join(name.split())
    return " ".join(w[:1] + re.sub(r"(?<=['’\-])(\w)", lambda m: m.group(1).upper(),
                                   w[1:].lower()) for w in name.split())


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
    if id(lines[j]) in page_starts and any(_caption_mark(marks.visible(l.text))
                                           for l in above):
        return j
    return at


# An author line opens a writing only if running text follows it: this many lines at least
# (a signature "JANE ROE, District Judge" at the end of an order opens nothing).
MIN_WRITING_LINES = 3


def _opens_text(lines: list[Line], i: int, hit) -> bool:
    after = [l for l in lines[i + 1:i + 1 + MIN_WRITING_LINES * 2]
             if marks.visible(l.text).strip()]
    return len(after) >= MIN_WRITING_LINES


def _restated(lines: list[Line], i: int, hit) -> bool:
    """A writing's heading that names its author (`Hunstein, J., concurring`) right above
    the author line itself (`HUNSTEIN, Justice, specially concurring.`): the author line
    opens the writing, once."""
    after = next((l for l in lines[i + 1:i + 3] if marks.visible(l.text).strip()), None)
    again = author_line(after.text) if after is not None else None
    return again is not None and again[1].lower() == hit[1].lower()


def split(lines: list[Line], page_starts: set[int]) -> tuple[int, list[Segment]]:
    """(index where writings begin, segments).  No author line: no segments."""
    found = []
    for i, line in enumerate(lines):
        hit = author_line(line.text)
        if hit and _opens_text(lines, i, hit) and not _restated(lines, i, hit):
            found.append((i, hit))
    if not found:
        return len(lines), []
    starts = [_writing_start(lines, i, page_starts) for i, _ in found]
    segments = []
    for n in range(1, len(starts)):  # a writing begins after the author line before it
        starts[n] = max(starts[n], found[n - 1][0] + 1)
    for n, ((i, (kind, name, end)), start) in enumerate(zip(found, starts)):
        stop = starts[n + 1] if n + 1 < len(starts) else len(lines)
        seg = Segment(kind, lines[start:stop], None if name == "PER CURIAM" else _author(name),
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
