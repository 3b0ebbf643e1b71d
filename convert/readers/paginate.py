"""Text extracted from a PDF -> pages of lines.

Three shapes are recognised (see ../shared/corpus/README.md):

* form feeds between pages (`pdftotext` plain and `-layout`): split on them;
* blank-line double spacing with no form feeds (seed 000): a page begins where a line that
  starts with one space follows a text line directly (the extractor lost the page's top
  margin), or where a PACER header stamp stands;
* anything else: one page.
"""

from __future__ import annotations

import re
import statistics

from .layout import Line, Page

# A PACER/ACMS header stamp, on one line ("Case 1:20-cv-00309-RC Document 113 Filed 06/23/20
# Page 13 of 33", "Case: 20-1507 Document: 00117684624 Page: 1 Date Filed: ...").
STAMP_RE = re.compile(
    r"^\s*(?:Appellate\s+)?Case:?\s+\S+.*\bDocument:?\s+[\w-]+.*\b(?:Filed|Page):?\s", re.I)

# Whitespace-only lines this long are kept: a footnote rule drawn in spaces.
_RULE_OF_SPACES = 10


def _is_blank(raw: str) -> bool:
    return not raw.strip() and len(raw) < _RULE_OF_SPACES


def _double_spaced(raw_lines: list[str]) -> bool:
    text_lines = followed_by_blank = 0
    for a, b in zip(raw_lines, raw_lines[1:]):
        if a.strip():
            text_lines += 1
            followed_by_blank += not b.strip()
    return text_lines > 20 and followed_by_blank > 0.6 * text_lines


def _make_lines(raw_lines: list[str], first_lineno: int, page: int) -> list[Line]:
    lines: list[Line] = []
    blanks = 0
    for offset, raw in enumerate(raw_lines):
        raw = raw.rstrip("\n")
        if _is_blank(raw):
            blanks += 1
            continue
        lines.append(Line(text=raw.rstrip() or raw, page=page, lineno=first_lineno + offset,
                          blank_before=blanks))
        blanks = 0
    return lines


def _page_starts_double_spaced(raw: list[str]) -> list[int]:
    """Indexes of the lines that begin pages 2, 3, ... in double-spaced text."""
    candidates = []
    last_text = max((i for i, l in enumerate(raw) if l.strip()), default=0)
    for i in range(1, len(raw)):
        line, prev = raw[i], raw[i - 1]
        if STAMP_RE.match(line):
            candidates.append((i, True))
        elif (re.match(r"^ \S", line) and prev.strip() and not _is_blank(prev)
              and i != last_text and not STAMP_RE.match(prev)):
            candidates.append((i, False))
    if not candidates:
        return []
    # Page rhythm: a real page holds many lines.  Caption rows and signature lines also start
    # with a space after a text line, but sit far closer together than a page's length.
    gaps = [b - a for (a, _), (b, _) in zip(candidates, candidates[1:])] or [len(raw)]
    min_gap = 0.5 * statistics.median(gaps)
    starts, last = [], 0
    for i, is_stamp in candidates:
        if is_stamp or i - last >= min_gap:
            starts.append(i)
            last = i
    return starts


# A running head repeats on at least this many pages (two could be a quoted line)...
_HEAD_REPEATS = 3
# ...with at least this many lines between repeats (a page, even of one paragraph per line).
_HEAD_MIN_PAGE = 3
# ...and is a line of text, not a rule or a lone number.
_HEAD_MIN_LETTERS = 6


def _head_key(line: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", line)).strip().lower()


def _page_starts_running_heads(raw: list[str]) -> list[int]:
    """Text without form feeds or double spacing whose pages begin with a running head (the
    BIA's "Cite as 28 I&N Dec. 437 (BIA 2022) Interim Decision #4035", one paragraph a line):
    a page begins at each repeat of the line that recurs most, at a page's distance."""
    seen: dict[str, list[int]] = {}
    for i, line in enumerate(raw):
        if sum(c.isalpha() for c in line) >= _HEAD_MIN_LETTERS:
            seen.setdefault(_head_key(line), []).append(i)
    heads = [at for at in seen.values() if len(at) >= _HEAD_REPEATS
             and all(b - a >= _HEAD_MIN_PAGE for a, b in zip(at, at[1:]))]
    if not heads:
        return []
    best = max(heads, key=len)
    return [i for i in best if i > 0]


def paginate(text: str) -> list[Page]:
    raw = text.split("\n")
    if "\f" in text:
        pages: list[Page] = []
        lineno = 1
        for chunk in text.split("\f"):
            chunk_lines = chunk.split("\n")
            pages.append(Page(len(pages) + 1, _make_lines(chunk_lines, lineno, len(pages) + 1)))
            lineno += len(chunk_lines) - 1
        # pdftotext ends every page with a form feed: the chunk after the last one is no page.
        # Earlier pages without text (an image page) stay, so their page break survives.
        if len(pages) > 1 and not "".join(text.split("\f")[-1]).strip():
            pages.pop()
        return pages
    starts = _page_starts_double_spaced(raw) if _double_spaced(raw) else []
    if not starts:
        starts = _page_starts_running_heads(raw)
    bounds = [0, *starts, len(raw)]
    pages = []
    for n, (a, b) in enumerate(zip(bounds, bounds[1:]), start=1):
        pages.append(Page(n, _make_lines(raw[a:b], a + 1, n)))
    return pages
