"""Text extracted from a PDF -> pages of lines.

Pages are found from the text's own evidence, in this order (see ../shared/corpus/README.md):

* form feeds between pages (`pdftotext` plain and `-layout`): split on them;
* blank-line double spacing with no form feeds (seed 000): a page begins where a line that
  starts with one space follows a text line directly (the extractor lost the page's top
  margin), or where a PACER header stamp stands;
* a running head (or foot) repeated through the text (the BIA's one-paragraph-per-line text:
  `Cite as 28 I&N Dec. 437 (BIA 2022) ...` atop every page): a page begins at each copy of a
  head, or after each copy of a foot;
* folios: a run of lone page numbers rising by one, a page apart (at the foot, a page ends
  after each; at the top, one begins at each);
* runs of blank lines that recur at a page's length (40-60 lines): a page begins after each;
* anything else: one page.
"""

from __future__ import annotations

import re
import statistics

from .forms import efiling_stamps
from .layout import Line, Page

# The e-filing header stamp (CM/ECF, ACMS) is a court form: its words live in forms/.
STAMP_RE = efiling_stamps.STAMP

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


# --------------------------------------------------------------- repeated heads and feet

# A running head is a line of words, not a number or a rule: at least this many letters.
_HEAD_MIN_LETTERS = 10
# A head is a line printed on every page: three copies at least make a rhythm (two could be
# a quotation repeated).
_HEAD_MIN_COPIES = 3
# Copies of a two-line head sit together; copies on separate pages stand further apart.
_HEAD_MIN_GAP = 3
# Where the head must first appear: at the top of the text (page 1 carries it too), or
# right after a lone page number (the previous page's folio).
_TOP_LINES = 3
_FOLIO_RE = re.compile(r"^\s*(?:-\s*)?\(?\d{1,4}\)?(?:\s*-)?\s*$")


def _head_key(line: str) -> str | None:
    """A line compared with its copies: digits (page numbers in the head) and spacing left
    out.  None for lines that cannot be a head."""
    key = re.sub(r"\s+", " ", re.sub(r"\d+", "#", line)).strip().lower()
    if sum(c.isalpha() for c in key) < _HEAD_MIN_LETTERS:
        return None
    return key


def _page_starts_repeated(raw: list[str]) -> list[int]:
    """Page starts from a line repeated through the text as a running head or foot."""
    text_idx = [i for i, l in enumerate(raw) if l.strip()]
    if len(text_idx) < 2 * _HEAD_MIN_COPIES:
        return []
    copies: dict[str, list[int]] = {}
    for i in text_idx:
        key = _head_key(raw[i])
        if key:
            copies.setdefault(key, []).append(i)
    top = set(text_idx[:_TOP_LINES])
    last = text_idx[-1]
    previous = {i: j for j, i in zip(text_idx, text_idx[1:])}
    starts: set[int] = set()
    heads = [where for where in copies.values() if len(where) >= _HEAD_MIN_COPIES
             # a list of like lines stands closer together than one line per page
             and all(b - a >= _HEAD_MIN_GAP for a, b in zip(where, where[1:]))]
    for where in heads:
        after_folio = sum(1 for i in where if i in previous and _FOLIO_RE.match(raw[previous[i]]))
        foot = last in where
        if foot:  # a running foot closes each page: the next page begins after it
            starts.update(text_idx[text_idx.index(i) + 1] for i in where if i != last)
        elif where[0] in top or after_folio >= len(where) // 2:
            starts.update(i for i in where if i not in top)
    if not starts:  # no head atop page 1 or after a folio: one a page apart all through
        for where in heads:
            if _at_page_rhythm(where):
                starts.update(i for i in where if i not in top)
    # A head of two lines (case name over "Opinion of the Court") begins one page, not two.
    out: list[int] = []
    for i in sorted(starts):
        if not out or i - out[-1] >= _HEAD_MIN_GAP:
            out.append(i)
    return out


def _at_page_rhythm(where: list[int]) -> bool:
    """Copies a page apart all through the text (a head that page 1, the caption page, does
    not print): most gaps within `_RHYTHM_TOLERANCE` of their median."""
    gaps = [b - a for a, b in zip(where, where[1:])]
    median = statistics.median(gaps)
    steady = sum(1 for g in gaps if abs(g - median) <= _RHYTHM_TOLERANCE * median)
    return steady >= _RHYTHM_SHARE * len(gaps)


# --------------------------------------------------------------- folios

# A folio alone on its line: `4`, `- 4 -`, `(4)`, `Page 4`, `Page 4 of 9`.
_FOLIO_LINE = re.compile(r"^\s*(?:-\s*(\d{1,4})\s*-|\(\s*(\d{1,4})\s*\)|(?:page\s+)?(\d{1,4})"
                         r"(?:\s+of\s+\d{1,4})?)\s*$", re.I)
# Folios of successive pages stand a page apart: even plain pdftotext, one line per
# paragraph, prints more lines than this to a page.  Pleading line numbers (1-28 down the
# margin) stand a line or two apart.
_FOLIO_MIN_GAP = 12
# A rising run of this many folios numbers pages; two could be a list's numbers.
_FOLIO_MIN_RUN = 3
# ... and it numbers at least this share of the pages the text holds at its page length
# (page 1 and pages of tables or exhibits may print none).
_FOLIO_PAGE_SHARE = 0.5
# Most gaps between folios keep the page length (`_RHYTHM_TOLERANCE`), though plain
# pdftotext prints a page of notes or a table in more lines than one of prose (folios of
# the corpus's plain texts: 60-100 % steady); a run of note labels, one or two on some
# pages, none on others, keeps it more loosely (56 % on a Tax Court memorandum).
_FOLIO_STEADY_SHARE = 0.6


def _folios(raw: list[str]) -> list[tuple[int, int]]:
    """(line index, number) of the lone numbers that are no margin line numbers: none of
    the numbers next to theirs stands within `_FOLIO_MIN_GAP` lines."""
    lone = []
    for i, line in enumerate(raw):
        m = _FOLIO_LINE.match(line) if line.strip() else None
        if m:
            lone.append((i, int(next(g for g in m.groups() if g))))
    near = {}
    for i, n in lone:
        near.setdefault(n, []).append(i)
    return [(i, n) for i, n in lone
            if not any(abs(i - j) < _FOLIO_MIN_GAP for k in (n - 1, n + 1)
                       for j in near.get(k, ()))]


def _page_starts_folios(raw: list[str]) -> list[int]:
    """Page starts from folios: the longest run of lone numbers rising by one, a page apart
    (`_FOLIO_MIN_GAP`).  Folios at the foot close their page; at the top they open it: the
    first folio's distance from the start of the text, in pages, tells which."""
    folios = _folios(raw)
    best: list[list[int]] = []  # best[k]: indexes into folios of the longest run ending at k
    for k, (i, n) in enumerate(folios):
        run = [k]
        for j in range(k - 1, -1, -1):
            pi, pn = folios[j]
            if pn == n - 1 and i - pi >= _FOLIO_MIN_GAP and len(best[j]) + 1 > len(run):
                run = best[j] + [k]
        best.append(run)
    chain = max(best, key=len, default=[])
    if len(chain) < _FOLIO_MIN_RUN:
        return []
    where = [folios[k][0] for k in chain]
    first_number = folios[chain[0]][1]
    gaps = [b - a for a, b in zip(where, where[1:])]
    page_length = statistics.median(gaps)
    # Folios number most pages of the text, a page apart; a list's numbers (1 to 4 in 1,800
    # lines) or a page's note labels do not keep that rhythm.
    steady = sum(1 for g in gaps if abs(g - page_length) <= _RHYTHM_TOLERANCE * page_length)
    if len(chain) < _FOLIO_PAGE_SHARE * len(raw) / page_length \
            or steady < _FOLIO_STEADY_SHARE * len(gaps):
        return []
    pages_before = where[0] / page_length  # about n at the foot of page n, n - 1 atop it
    at_foot = abs(pages_before - first_number) <= abs(pages_before - (first_number - 1))
    text = [i for i, line in enumerate(raw) if line.strip()]
    if at_foot:
        starts = [next(t for t in text if t > i) for i in where if i < text[-1]]
        first_start = where[0] + 1 - page_length  # of the first folio's page
        before = first_number - 1
    else:
        starts = [i for i in where if i > 0]
        first_start = where[0]
        before = first_number - 2
    return _pages_before(raw, first_start, before, page_length) + starts


def _pages_before(raw: list[str], first_start: float, pages: int,
                  page_length: float) -> list[int]:
    """Starts of the `pages` pages (page 1 aside) before the first folio's page, which print
    no folio (a caption page): a page length apart back from `first_start`, each where a run
    of blank lines (`_PAGE_GAP_MIN_BLANKS`) stands within `_RHYTHM_TOLERANCE` of it; none
    where no such gap shows."""
    gaps = [i for i, n in _blank_runs(raw) if n >= _PAGE_GAP_MIN_BLANKS]
    out = []
    for k in range(pages):
        guess = first_start - k * page_length
        near = min(gaps, key=lambda i: abs(i - guess), default=None)
        if near is not None and 0 < near and abs(near - guess) <= _RHYTHM_TOLERANCE * page_length:
            out.append(near)
    return sorted(set(out))


# --------------------------------------------------------------- blank-line rhythm

# A printed page of an opinion holds 40-60 lines (letter paper, 10-12 pt, single spaced; or
# 28-line pleading paper with a blank line between lines).  Blank runs recurring at that
# distance are the page gaps an extractor left instead of form feeds.
_PAGE_LINES_MIN, _PAGE_LINES_MAX = 40, 60
# Page gaps are runs of blank lines longer than a paragraph's single blank line.
_PAGE_GAP_MIN_BLANKS = 2
# Runs this far from the page rhythm (share of the median distance) are paragraph gaps that
# happen to be long, not page gaps; most distances must keep the rhythm.
_RHYTHM_TOLERANCE = 0.25
_RHYTHM_SHARE = 2 / 3


def _blank_runs(raw: list[str]) -> list[tuple[int, int]]:
    """(index of the first line after the run, run length) for each run of blank lines."""
    runs, n = [], 0
    for i, line in enumerate(raw):
        if not line.strip():
            n += 1
            continue
        if n:
            runs.append((i, n))
        n = 0
    return runs


def _page_starts_blank_rhythm(raw: list[str]) -> list[int]:
    """Page starts after runs of blank lines that recur every 40-60 lines (shape 6)."""
    runs = _blank_runs(raw)
    longest = max((n for _, n in runs), default=0)
    for least in range(_PAGE_GAP_MIN_BLANKS, longest + 1):
        ends = [i for i, n in runs if n >= least]
        if len(ends) < 2:
            break
        gaps = [b - a for a, b in zip(ends, ends[1:])]
        median = statistics.median(gaps)
        if not _PAGE_LINES_MIN <= median <= _PAGE_LINES_MAX:
            continue
        steady = sum(1 for g in gaps if abs(g - median) <= _RHYTHM_TOLERANCE * median)
        if steady < _RHYTHM_SHARE * len(gaps):
            continue
        starts, previous = [], 0
        for i in ends:
            if i - previous >= (1 - _RHYTHM_TOLERANCE) * median:
                starts.append(i)
                previous = i
        return starts
    return []


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
    if _double_spaced(raw):
        starts = _page_starts_double_spaced(raw) or _page_starts_folios(raw) \
            or _page_starts_blank_rhythm(raw)
    else:
        starts = _page_starts_repeated(raw) or _page_starts_folios(raw) \
            or _page_starts_blank_rhythm(raw)
    bounds = [0, *starts, len(raw)]
    pages = []
    for n, (a, b) in enumerate(zip(bounds, bounds[1:]), start=1):
        pages.append(Page(n, _make_lines(raw[a:b], a + 1, n)))
    return pages
