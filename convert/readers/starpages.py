"""Star paging printed in the text (`[*4]`, `*1005`) -> page-break markers.

A reporter's or court's star page says "page N begins here".  Where it stands at the start of
a source page that already carries a page break, it confirms that break (and gives it its
number); elsewhere it becomes a page break of its own.  Its text is reported as removed: the
`eop` carries it.
"""

from __future__ import annotations

import re

from . import ReadReport, marks
from .layout import Line

# `[*4]` (Tax Court), `[**291]` (a second series); bare `*1005` only inside brackets or at a
# line start, where it cannot be a footnote call or a Westlaw pin cite (`at *3`).
STAR_RE = re.compile(r"\[(\*{1,3})(\d{1,5})\]\s?")
_PAGE_AT_START = re.compile("^(\\s*)\ue002([^\ue003]*)\ue003")


def convert_star_pages(lines: list[Line], report: ReadReport,
                       labels: dict[int, str | None]) -> int:
    """Rewrite star pages in place; return how many were found.  `labels` holds the printed
    number of each source page: a star page repeating its own page's number adds no break."""
    found = 0
    for line in lines:
        if "[*" not in line.text:
            continue
        start = _PAGE_AT_START.match(line.text)
        out, pos = [], 0
        for m in STAR_RE.finditer(line.text):
            found += 1
            report.remove("star-page", m.group(0).strip(), line.lineno, line.page)
            out.append(line.text[pos:m.start()])
            at_page_start = start is not None and not marks.visible(
                line.text[start.end():m.start()]).strip()
            if labels.get(line.page) == m.group(2) and not at_page_start:
                pass  # the page's own break already carries this number
            elif at_page_start:
                # Name the break that is already there, rather than add a second one.
                head = "".join(out)
                out = [head.replace(start.group(0), start.group(1) + marks.page(m.group(2)), 1)]
            else:
                out.append(marks.page(m.group(2)))
            pos = m.end()
        out.append(line.text[pos:])
        line.text = "".join(out)
    return found
