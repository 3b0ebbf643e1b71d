"""Page furniture: what the printer put on every page, not what the court wrote.

Each rule removes lines from the top or bottom of a page and reports them.  Rules run in order;
printed page numbers they find are kept so page breaks can carry them.
"""

from __future__ import annotations

import re
from collections import Counter

from .layout import Page
from .paginate import STAMP_RE
from . import ReadReport

# One field of a stamp that plain pdftotext splits onto lines of its own.
_STAMP_FIELD_RE = re.compile(
    r"^\s*(?:Appellate\s+)?(?:Case|Document|Page|Date Filed|Filed|Entry ID):\s*\S[^:]*$", re.I)
_PAGE_NUMBER_RE = re.compile(r"^\s*(?:-\s*(\d{1,4})\s*-|(\d{1,4}))\s*$")


def _strip_stamps(page: Page, report: ReadReport) -> None:
    keep = []
    for i, line in enumerate(page.lines):
        near_top = i < 8
        if STAMP_RE.match(line.text) or (near_top and _STAMP_FIELD_RE.match(line.text)
                                          and _stamp_run(page, i)):
            report.remove("stamp", line.stripped, line.lineno, page.index)
            continue
        keep.append(line)
    page.lines = keep


def _stamp_run(page: Page, i: int) -> bool:
    """A one-field line is a stamp only among other stamp fields (at least three in a row)."""
    lo, hi = max(0, i - 4), min(len(page.lines), i + 5)
    fields = sum(1 for l in page.lines[lo:hi] if _STAMP_FIELD_RE.match(l.text))
    return fields >= 3


def _strip_page_numbers(page: Page, report: ReadReport) -> int | None:
    """Remove a lone page number standing first or last on the page; return it.  A bare
    number inside the page (a footnote label alone on its line) is left alone."""
    found = None
    edges = {0, len(page.lines) - 1} if page.lines else set()
    for i in sorted(edges, reverse=True):
        line = page.lines[i]
        m = _PAGE_NUMBER_RE.match(line.text)
        if m:
            found = int(m.group(1) or m.group(2))
            report.remove("page-number", line.stripped, line.lineno, page.index)
            del page.lines[i]
    return found


def page_labels(printed: dict[int, int], page_count: int) -> dict[int, str | None]:
    """Printed page number of every page, inferred from the ones still visible.

    The visible numbers vote for an offset (printed minus physical page); when most agree,
    every page gets physical + offset.  Otherwise only pages with their own number get one:
    no guessing.
    """
    if not printed:
        return {i: None for i in range(1, page_count + 1)}
    offsets = Counter(number - index for index, number in printed.items())
    offset, votes = offsets.most_common(1)[0]
    if votes * 2 > len(printed) or len(printed) == 1:
        return {i: str(i + offset) if i + offset > 0 else None for i in range(1, page_count + 1)}
    return {i: (str(printed[i]) if i in printed else None) for i in range(1, page_count + 1)}


def strip_furniture(pages: list[Page], report: ReadReport) -> dict[int, str | None]:
    """Remove stamps and page numbers from every page; return each page's printed number."""
    printed: dict[int, int] = {}
    for page in pages:
        _strip_stamps(page, report)
        number = _strip_page_numbers(page, report)
        if number is not None:
            printed[page.index] = number
    return page_labels(printed, len(pages))
