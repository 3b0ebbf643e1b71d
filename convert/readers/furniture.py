"""Page furniture: what the printer put on every page, not what the court wrote.

Rules run in order over every page, each removing lines (or a line's margin number) and
reporting what it removed:

1. stamps         PACER/ACMS header stamps, on one line or split into one field a line
2. line numbers   pleading-paper margin numbers 1-28, as line prefixes or lines of their own
3. running heads  lines at the top (or foot) of many pages that repeat: case name, "Cite as:",
                  "Opinion of the Court", and the short line just under a removed head
3b. labels        whole lines repeated once a page on half the pages, anywhere on the page
4. page numbers   a lone number, `- 4 -`, `-4-`, `(4)` or `Page 4 of 9`, standing first or
                  last on the page; a bare `4` or `(4)` only where the document's numbering
                  confirms it (else it stays text: a note label alone on the last line); and
                  the one lone number inside a page that shows none at its edges, in a
                  document that numbers its pages (a table page's folio in plain pdftotext)

Printed page numbers found on the way (a lone number, or a number at either end of a running
head) vote for each page's label.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache

from . import ReadReport
from .forms import efiling_stamps, slip_opinion
from .layout import Line, Page

_STAMP_ZONE = 16  # lines from the top of a page where a split stamp's fields may stand
# A split stamp shows three or four fields (case, document, date filed, page); one or two
# such lines alone may be the court's own (`Filed: February 5, 2010` in a caption).
_STAMP_MIN_FIELDS = 3
# A folio alone on its line: `4`, `- 4 -`, `-4-`, `(4)`, `Page 4` or `Page 4 of 9`.
_PAGE_NUMBER_RE = re.compile(
    r"^\s*(?:-\s*(\d{1,4})\s*-|\(\s*(\d{1,4})\s*\)|(?:page\s+)?(\d{1,4})(?:\s+of\s+\d{1,4})?)\s*$",
    re.I)
# A folio inside a running head or foot (a form's footer: `CV-549 ... Page 1 of 15`).
_FOLIO_OF = re.compile(r"\bpage\s+(\d{1,4})\s+of\s+\d{1,4}\s*$", re.I)
_GLUED_FOLIO = re.compile(r"^\s*-\s*(\d{1,4})\s*-?(?=\s*\[\*)")
_LINE_NUMBER_PREFIX = re.compile(r"^\s{0,3}(\d{1,2})(?=\s{2,}\S|\s*$)")
_INDENTED_NUMBER = re.compile(r"^\s*(\d{1,2})(?=\s{2,}\S|\s*$)")
_HEAD_NUMBER = re.compile(r"^\s*(\d{1,4})\s{2,}\S|\S\s{2,}(\d{1,4})\s*$")
_TOP_ZONE, _BOTTOM_ZONE = 4, 3


_DIGITS = re.compile(r"\d+")


@lru_cache(maxsize=8192)
def _key(text: str) -> str:
    """Running heads compare without their page numbers and spacing.  Cached: every furniture
    rule keys the same lines again (str.split's white space is re's `\\s`)."""
    return " ".join(_DIGITS.sub("#", text).split()).lower()


# ------------------------------------------------------------------ 1. stamps


def _strip_stamps(page: Page, report: ReadReport) -> None:
    keep = []
    for i, line in enumerate(page.lines):
        if slip_opinion.is_first_page_head(line.text, i):
            report.remove("running-head", line.stripped, line.lineno, page.index)
            continue
        if efiling_stamps.is_stamp(line.text) or (
                i < _STAMP_ZONE and efiling_stamps.is_stamp_field(line.text)
                and _stamp_fields(page) >= _STAMP_MIN_FIELDS):
            report.remove("stamp", line.stripped, line.lineno, page.index)
            continue
        keep.append(line)
    page.lines = keep


def _stamp_fields(page: Page) -> int:
    """A one-field line is a stamp only among other stamp fields at the top of the page
    (plain pdftotext scatters them among the first lines of text)."""
    return sum(1 for l in page.lines[:_STAMP_ZONE] if efiling_stamps.is_stamp_field(l.text))


# ------------------------------------------------------------------ 2. line numbers


def _strip_line_numbers(page: Page, report: ReadReport) -> None:
    """Pleading paper: numbers 1..28 down the margin, rising, on many lines of the page.  The
    margin is the page's left edge, or (`pdftotext -layout` setting a side label left of it)
    one column further in that the numbers share, right-aligned (`_margin_column`)."""
    prefix = _LINE_NUMBER_PREFIX
    hits = [(i, int(m.group(1))) for i, l in enumerate(page.lines)
            if (m := prefix.match(l.text)) and 1 <= int(m.group(1)) <= 28]
    if len(hits) < 10:
        prefix = _margin_column(page)
        if prefix is None:
            return
        hits = [(i, int(m.group(1))) for i, l in enumerate(page.lines)
                if (m := prefix.match(l.text)) and 1 <= int(m.group(1)) <= 28]
    if len(hits) < 10:
        return
    rising = sum(1 for (_, a), (_, b) in zip(hits, hits[1:]) if b == a + 1)
    if rising < 0.7 * (len(hits) - 1):
        return
    drop = []
    last = 0
    for i, number in hits:
        if number <= last:
            continue  # out of the rising margin sequence: a note label ("26, 1, 27"), not a line number
        last = number
        line = page.lines[i]
        m = prefix.match(line.text)
        report.remove("line-number", str(number), line.lineno, page.index)
        rest = line.text[m.end():]
        if rest.strip():
            # Keep the text's own indentation relative to the margin column.
            line.text = rest[2:] if rest.startswith("  ") else rest.lstrip()
        else:
            drop.append(i)
    for i in reversed(drop):
        del page.lines[i]


def _margin_column(page: Page) -> re.Pattern | None:
    """The line-number prefix for a margin set further in: the column most numbers 1..28 that
    open a line end in (right-aligned, as `pdftotext -layout` sets them), when it is not the
    left edge's."""
    ends = Counter(m.end(1) for l in page.lines
                   if (m := _INDENTED_NUMBER.match(l.text)) and 1 <= int(m.group(1)) <= 28)
    if not ends:
        return None
    end, _ = ends.most_common(1)[0]
    return re.compile(r"^\s{%d,%d}(\d{1,2})(?<=^.{%d})(?=\s{2,}\S|\s*$)" % (end - 2, end - 1, end))


# ------------------------------------------------------------------ 3. running heads


def _strip_running_heads(pages: list[Page], report: ReadReport) -> dict[int, int]:
    """Lines that recur at the top or foot of many pages (page 1, the caption page, aside).
    Returns printed page numbers read off the removed heads."""
    later = [p for p in pages if p.index > 1]
    if len(later) < 2:
        return {}
    need = max(2, math.ceil(0.25 * len(later)))
    top, bottom = Counter(), Counter()
    # A running head or foot is printed once a page.  Lines alike but for their numbers that
    # stand twice in one page's zone are something else: short notes ("2 Exhibit 1" over
    # "3 Exhibit 13"), rows of a form.
    twice: set[str] = set()
    for page in later:
        for zone, seen in ((page.lines[:_TOP_ZONE], top), (page.lines[-_BOTTOM_ZONE:], bottom)):
            keys = Counter(_key(l.text) for l in zone)
            twice.update(k for k, n in keys.items() if n > 1)
            seen.update(keys.keys())
    heads = {k for k, n in top.items() if n >= need and _plausible_head(k) and k not in twice}
    foots = {k for k, n in bottom.items() if n >= need and _plausible_head(k)
             and k not in twice}
    numbers: dict[int, int] = {}
    for page in later:
        removed_any = False
        i = 0
        while i < min(_TOP_ZONE, len(page.lines)):
            line = page.lines[i]
            key = _key(line.text)
            if _is_head(key, heads) or (removed_any and top[key] >= 2 and len(line.stripped) <= 60
                                        and _plausible_head(key)):
                _take_number(line.text, page.index, numbers)
                report.remove("running-head", line.stripped, line.lineno, page.index)
                del page.lines[i]
                removed_any = True
                continue
            if _PAGE_NUMBER_RE.match(line.text):
                i += 1  # a page number above or among the head lines: rule 4 takes it
                continue
            break
        _remove_feet(page, foots, numbers, report)
    _strip_first_page_copies(pages[0], foots, numbers, report)
    return numbers


def _strip_first_page_copies(page: Page, foots: set[str], numbers: dict[int, int],
                             report: ReadReport) -> None:
    """Page 1 carries the running foot of the later pages too (a form's footer, `Page 1 of
    9`).  Only an exact copy (numbers aside) in page 1's foot zone goes.  Page 1's top is the
    caption, whose lines (court, docket, date) a form may repeat as the later pages' head:
    it is left alone."""
    if page.index == 1:
        _remove_feet(page, foots, numbers, report)


def _remove_feet(page: Page, foots: set[str], numbers: dict[int, int],
                 report: ReadReport) -> None:
    """Take the running-foot copies out of a page's foot zone, keeping any folio they carry."""
    for line in list(page.lines[-_BOTTOM_ZONE:]):
        if _key(line.text) in foots:
            _take_number(line.text, page.index, numbers)
            report.remove("running-foot", line.stripped, line.lineno, page.index)
            page.lines.remove(line)


def _is_head(key: str, heads: set[str]) -> bool:
    """A head, or a near copy of one (a page whose head drops a word of the docket)."""
    if key in heads:
        return True
    return len(key) > 20 and any(_similar(key, h) for h in heads)


_NEAR_COPY = 0.9  # share of characters a near copy of a head keeps


def _similar(a: str, b: str) -> bool:
    # difflib's cheap upper bounds first: the same answer as `ratio()` alone, most pairs
    # decided without it.
    m = SequenceMatcher(None, a, b)
    return (m.real_quick_ratio() >= _NEAR_COPY and m.quick_ratio() >= _NEAR_COPY
            and m.ratio() >= _NEAR_COPY)


def _plausible_head(key: str) -> bool:
    # Bare numbers are page numbers (rule 4); one-word lines like "#" say nothing.
    return bool(re.search(r"[a-z]{2}", key))


def _take_number(text: str, page: int, numbers: dict[int, int]) -> None:
    m = _FOLIO_OF.search(text) or _HEAD_NUMBER.search(text)
    if m:
        numbers[page] = int(next(g for g in m.groups() if g))


def _folio(m: re.Match) -> int:
    return int(next(g for g in m.groups() if g))


# ------------------------------------------------------------------ 4. page numbers


# Dressed folios (`- 4 -`, `-4-`, `Page 4`, `Page 4 of 9`) are page numbers by their shape; a
# bare `4` or `(4)` at a page edge may as well be a footnote label left alone on the page's
# last line (plain pdftotext prints some after their note) or a list item.
_DRESSED_FOLIO = re.compile(r"^\s*(?:-\s*\d{1,4}\s*-|page\s+\d)", re.I)


def _edge_folios(page: Page, report: ReadReport) -> list[tuple[Line, int, bool]]:
    """Lone page numbers standing first or last on the page: (line, number, dressed).  They
    stay on the page until `_remove_folios` knows which the document's numbering confirms.
    A folio glued to a star page is taken at once (its shape says what it is)."""
    glued_folio = []
    if page.lines:
        first = page.lines[0]
        glued = _GLUED_FOLIO.match(first.text)
        if glued:  # plain pdftotext: "-2[*2] M LLC; ..." (folio run into the star page)
            report.remove("page-number", glued.group(0).strip(), first.lineno, page.index)
            first.text = first.text[glued.end():]
            glued_folio.append((None, int(glued.group(1)), True))
    # Rotated lines (side labels, stamps) stand beside the page, not at its top or foot: the
    # edges are the first and last upright lines (PDF input lists rotated lines last).
    upright = [i for i, l in enumerate(page.lines) if not l.rotated]
    edges = {upright[0], upright[-1]} if upright else set()
    found: list[tuple[Line | None, int, bool]] = []
    for i in sorted(edges):  # the page's number, when several: the top one first
        line = page.lines[i]
        m = _PAGE_NUMBER_RE.match(line.text)
        if m:
            found.append((line, _folio(m), bool(_DRESSED_FOLIO.match(line.text))))
    return found + glued_folio


def _remove_folios(page: Page, folios, label: str | None, report: ReadReport) -> None:
    """Remove the page's edge folios that are page numbers: dressed ones, and bare ones the
    document's numbering confirms (the page's label is that number).  A bare number that
    agrees with nothing stays text: it is more likely a note label than a folio."""
    for line, number, dressed in folios:
        if line is None or not (dressed or label == str(number)):
            continue
        report.remove("page-number", line.stripped, line.lineno, page.index)
        page.lines.remove(line)


# A document "numbers its pages" when a printed number is visible on at least this share of
# its later pages (page 1, the caption page, often prints none).  Half: a stray number at a
# page edge (a footnote label left alone on the last line) shows on one page or a few, while
# a numbered document may still hide some folios from us (plain pdftotext moves a table
# page's folio in among the table's columns: D. Ariz. 2019 schedules).
_FOLIO_SHARE = 0.5
# ... and on at least this many pages: one number alone, in a short paper, is as likely a note
# label printed after its note as a folio.
_FOLIO_MIN_PAGES = 2


def _numbers_pages(printed: dict[int, int], page_count: int) -> bool:
    """The document prints page numbers (`_FOLIO_SHARE`, `_FOLIO_MIN_PAGES`)."""
    later = page_count - 1
    shown = sum(1 for p in printed if p > 1)
    return later >= 1 and shown >= max(_FOLIO_MIN_PAGES, _FOLIO_SHARE * later)


def _inner_folio(page: Page) -> Line | None:
    """The page's one lone number between its first and last upright lines, or None when
    there is none or more than one (table cells, numbered paragraphs, several note labels)."""
    upright = [l for l in page.lines if not l.rotated]
    found = [l for l in upright[1:-1] if _PAGE_NUMBER_RE.match(l.text)]
    return found[0] if len(found) == 1 else None


def _take_inner_folios(pages: list[Page], printed: dict[int, int],
                       labels: dict[int, str | None], report: ReadReport) -> None:
    """Folios moved off the page's edges: plain pdftotext prints a table page's folio in among
    the table's columns (D. Ariz. 2019 schedules: `1` between two columns).  In a document
    that numbers its pages, a page that shows no number at its edges and holds exactly one
    lone number inside is numbered by it, where that number is the page's inferred label or
    the page has none.  Never on page 1: the caption page often prints no number, and its
    first note's label `1` alone on its line reads as the folio `1` a run infers for it."""
    if not _numbers_pages(printed, len(pages)):
        return
    for page in pages:
        if page.index in printed or page.index == 1:
            continue
        line = _inner_folio(page)
        if line is None:
            continue
        number = str(_folio(_PAGE_NUMBER_RE.match(line.text)))
        label = labels.get(page.index)
        if label not in (None, number):
            continue
        report.remove("page-number", line.stripped, line.lineno, page.index)
        page.lines.remove(line)
        labels[page.index] = number


def page_labels(printed: dict[int, int], page_count: int) -> dict[int, str | None]:
    """Printed page number of every page, inferred from the ones still visible.

    Visible numbers give an offset (printed minus physical page).  A run of consecutive
    visible numbers with one offset (at least two of them; one alone only in a short paper) numbers
    every page around it, up to where the next run begins: separate writings that restart
    at 1 each get their own run.  Pages between runs that disagree, and numbers that agree
    with nothing, get no number: no guessing.

    A number that stands alone, out of every run, still numbers its own page (and no other)
    when the document numbers its pages (`_FOLIO_SHARE`, `_FOLIO_MIN_PAGES`) and the number does not interrupt one
    sequence (the runs before and after it, if both exist, differ): a one-page writing whose
    count restarts at 1, schedules and exhibits after an order that print their own numbers.
    """
    labels: dict[int, str | None] = {i: None for i in range(1, page_count + 1)}
    seen = sorted(printed.items())
    runs: list[tuple[int, int, int]] = []  # (first page, last page, offset)
    for page, number in seen:
        offset = number - page
        if runs and runs[-1][2] == offset:
            runs[-1] = (runs[-1][0], page, offset)
        else:
            runs.append((page, page, offset))
    trusted = [r for r in runs if r[1] > r[0] or (len(seen) == 1 and page_count <= 2)]
    for k, (first, last, offset) in enumerate(trusted):
        lo = trusted[k - 1][1] + 1 if k else 1
        hi = trusted[k + 1][0] - 1 if k + 1 < len(trusted) else page_count
        # Stretch the run to the pages around it only where no other visible number speaks.
        while lo < first and any(lo <= p < first for p, _ in seen if p not in range(first, last + 1)):
            lo += 1
        while hi > last and any(last < p <= hi for p, _ in seen if p not in range(first, last + 1)):
            hi -= 1
        for page in range(lo, hi + 1):
            if page + offset > 0:
                labels[page] = str(page + offset)
    if not _numbers_pages(printed, page_count):
        return labels
    for first, last, offset in runs:
        if (first, last, offset) in trusted or labels.get(first) is not None:
            continue
        before = [r for r in trusted if r[1] < first]
        after = [r for r in trusted if r[0] > last]
        if before and after and before[-1][2] == after[0][2]:
            continue  # a stray inside one sequence: its neighbours agree without it
        for page in range(first, last + 1):
            if page + offset > 0:
                labels[page] = str(page + offset)
    return labels


# ------------------------------------------------------------------ 3a. PDF: by position

# Copies of one running head stand at one height on every page; PDF renderers jitter it by a
# point or two (a head that alternates left and right keeps its height).
_SAME_HEIGHT = 3.0
# A positioned repeat is words, not a stray `Id.` or a number: at least this many letters.
_POSITIONED_MIN_LETTERS = 4
# Where position and height agree, a copy may differ more in its words than `_is_head` allows
# (OCR spellings, a docket dropped): 80 % of its characters shared is enough.
_POSITIONED_LIKENESS = 0.8


def _band(line: Line, page: Page) -> str | None:
    """'top' or 'foot' for a line in the page's upper or lower fifth, else None."""
    if line.top is None or not page.height:
        return None
    share = line.top / page.height
    return "top" if share < 0.2 else "foot" if share > 0.8 else None


# Furniture is often set in another type size than the text: stamps and running heads smaller
# (the corpus's run from 0.57 to 0.92 of the body size), side labels larger.  Type comes in
# steps of a point or more (7 % or more at 10-14 pt body sizes); within 6 % of the body's size
# is the body's size (extraction jitter, a bold or italic face).
_SIZE_APART = 0.06
# A line in the page's top band that repeats at one height in a size apart from the body's is
# furniture on this many pages, however long the document (the same text in the body's own
# size needs a quarter of the later pages): type size is a second witness.  Not in the foot
# band, where the notes stand in smaller type too.
_SIZE_APART_MIN_PAGES = 2


def body_size(pages: list[Page]) -> float | None:
    """The body's type size: the size most characters of upright lines are set in (PDF), or
    None when the lines carry no sizes (text input)."""
    weight: Counter = Counter()
    for page in pages:
        for line in page.lines:
            if line.size and not line.rotated:
                weight[round(line.size, 1)] += len(line.stripped)
    return weight.most_common(1)[0][0] if weight else None


def size_apart(line: Line, body: float | None) -> bool:
    """Is the line set in a type size apart from the body's (`_SIZE_APART`)?"""
    return bool(body and line.size) and abs(line.size / body - 1) > _SIZE_APART


def _strip_positioned_repeats(pages: list[Page], report: ReadReport) -> dict[int, int]:
    """PDF input: running heads and feet by geometry — lines in the page's top or bottom
    fifth whose text (numbers aside, or alike at `_POSITIONED_LIKENESS`) recurs at the same
    height (`_SAME_HEIGHT`) on a quarter of the later pages, or (top band) on two of them in
    a type size apart from the body's (`_SIZE_APART_MIN_PAGES`), wherever they stand in the page's line
    order (after a stamp block, between margin numbers); rotated lines (side labels) that
    recur on a quarter of the pages.  Page 1 loses only its foot-band and
    rotated copies: its top is the caption.  Returns printed numbers read off them."""
    later = [p for p in pages if p.index > 1]
    if len(pages) < 2 or not any(l.top is not None for p in pages for l in p.lines):
        return {}
    body = body_size(pages)
    need = max(2, math.ceil(0.25 * len(later)))
    # A side label is beside the text on every page, page 1 included: two pages suffice.
    need_side = max(2, math.ceil(0.25 * len(pages)))
    seen: dict[tuple, list[tuple[int, float, str]]] = {}
    for page in pages:
        for line in page.lines:
            key = _key(line.text)
            if sum(c.isalpha() for c in key) < _POSITIONED_MIN_LETTERS:
                continue
            band = "side" if line.rotated else _band(line, page)
            if band:
                seen.setdefault((band, key), []).append(
                    (page.index, line.top or 0.0, size_apart(line, body)))
    # Printed twice in one page's band: no running head or foot (short notes alike but for
    # their numbers, rows of a form; see `_strip_running_heads`).
    for band_key in [bk for bk, where in seen.items()
                     if len({p for p, _, _ in where}) < len(where)]:
        del seen[band_key]
    # Copies alike in words (OCR spellings) at one height are one head: cluster them.
    clusters: list[dict] = []
    for (band, key), where in sorted(seen.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        tops = sorted(t for _, t, _ in where)
        top = tops[len(tops) // 2]
        home = next((c for c in clusters if c["band"] == band
                     and (band == "side" or abs(c["top"] - top) <= _SAME_HEIGHT)
                     and _alike(key, c["key"])), None)
        if home is None:
            clusters.append({"band": band, "key": key, "top": top, "pages": set(),
                             "apart": set()})
            home = clusters[-1]
        home["pages"].update(p for p, _, _ in where)
        # Size witnesses only at the top, at the cluster's own height: the foot band holds the
        # notes, set in smaller type too (a note may repeat another's sentence).
        home["apart"].update(p for p, t, apart in where if apart and band == "top"
                             and abs(t - home["top"]) <= _SAME_HEIGHT)
    repeats: list[tuple[str, str, float, bool]] = []  # (band, key, height, only apart copies)
    for c in clusters:
        if c["band"] == "side":
            enough = len(c["pages"]) >= need_side
        else:
            enough = len(c["pages"] - {1}) >= need
        if enough:
            repeats.append((c["band"], c["key"], c["top"], False))
        elif len(c["apart"] - {1}) >= _SIZE_APART_MIN_PAGES:
            # Fewer copies, but set in another size than the text: those copies go.
            repeats.append((c["band"], c["key"], c["top"], True))
    if not repeats:
        return {}
    numbers: dict[int, int] = {}
    for page in pages:
        keep = []
        for line in page.lines:
            band = "side" if line.rotated else _band(line, page)
            if band and (page.index > 1 or band != "top") and _repeats(line, band, repeats, body):
                _take_number(line.text, page.index, numbers)
                kind = "side-label" if band == "side" else (
                    "running-head" if band == "top" else "running-foot")
                report.remove(kind, line.stripped, line.lineno, page.index)
                continue
            keep.append(line)
        page.lines = keep
    return numbers


def _repeats(line: Line, band: str, repeats, body: float | None) -> bool:
    key = _key(line.text)
    for b, k, top, apart_only in repeats:
        if b != band or (apart_only and not size_apart(line, body)):
            continue
        if band != "side" and abs((line.top or 0.0) - top) > _SAME_HEIGHT:
            continue
        if _alike(key, k):
            return True
    return False


def _alike(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) > 10
                      and SequenceMatcher(None, a, b).ratio() >= _POSITIONED_LIKENESS)


# ------------------------------------------------------------------ 3b. labels anywhere

# A label printed on every page beside the text (a district court's side label, which
# `pdftotext -layout` drops mid-page) is found by repetition alone, so the bar is higher than
# at the page's edges: the same whole line on half the later pages, once on each.
_ANYWHERE_SHARE = 0.5
_ANYWHERE_MAX_CHARS = 80  # a label, not a line of prose
_ANYWHERE_MIN_LETTERS = 10  # words, not a stray `Id.` or a rule
# Page 1's caption (court, title, date: what a form repeats atop later pages) fills at most
# its top third; copies there stay.
_CAPTION_SHARE = 1 / 3


def _strip_repeated_anywhere(pages: list[Page], report: ReadReport) -> None:
    """Whole lines (numbers aside) that recur once a page on half the later pages, wherever
    they stand.  Page 1 loses a copy only below its caption (`_CAPTION_SHARE`) and only when
    it is printed exactly alike (case kept): its caption may name the court in capitals where
    the label has it in title case."""
    later = [p for p in pages if p.index > 1]
    if len(later) < 2:
        return
    need = max(3, math.ceil(_ANYWHERE_SHARE * len(later)))
    per_page: Counter = Counter()
    once: dict[str, bool] = {}
    wordy: dict[str, bool] = {}
    for page in later:
        keys = Counter(_key(l.text) for l in page.lines
                       if len(l.stripped) <= _ANYWHERE_MAX_CHARS)
        for key, n in keys.items():
            if key not in wordy:
                wordy[key] = sum(map(str.isalpha, key)) >= _ANYWHERE_MIN_LETTERS
            if wordy[key]:
                per_page[key] += 1
                once[key] = once.get(key, True) and n == 1
    labels = {k for k, n in per_page.items() if n >= need and once[k]}
    if not labels:
        return
    exact = {" ".join(re.sub(r"\d+", "#", l.stripped).split())
             for p in later for l in p.lines if _key(l.text) in labels}
    for page in pages:
        keep = []
        caption_end = math.ceil(_CAPTION_SHARE * len(page.lines)) if page.index == 1 else 0
        for i, line in enumerate(page.lines):
            key = _key(line.text)
            hit = key in labels and (page.index > 1 or (i >= caption_end and " ".join(
                re.sub(r"\d+", "#", line.stripped).split()) in exact))
            if hit and len(line.stripped) <= _ANYWHERE_MAX_CHARS:
                report.remove("repeated-label", line.stripped, line.lineno, page.index)
                continue
            keep.append(line)
        page.lines = keep


def strip_furniture(pages: list[Page], report: ReadReport) -> dict[int, str | None]:
    """Remove every kind of furniture; return each page's printed number."""
    for page in pages:
        _strip_stamps(page, report)
        _strip_line_numbers(page, report)
    printed = _strip_running_heads(pages, report)
    for page, number in _strip_positioned_repeats(pages, report).items():
        printed.setdefault(page, number)
    _strip_repeated_anywhere(pages, report)
    folios = {page.index: _edge_folios(page, report) for page in pages}
    for index, found in folios.items():
        for _, number, _ in found:
            printed.setdefault(index, number)
    labels = page_labels(printed, len(pages))
    for page in pages:
        _remove_folios(page, folios[page.index], labels.get(page.index), report)
    _take_inner_folios(pages, printed, labels, report)
    return labels
