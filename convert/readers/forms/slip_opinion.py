"""Court form: the Supreme Court of the United States' slip opinion.

Its first page opens with a head that no later page repeats (the later pages' running head is
`Cite as: 570 U. S. ____ (2013)`, which the furniture pass finds by repetition):

    (Slip Opinion)              OCTOBER TERM, 2012                                       1

from `../shared/corpus/pdf/scotus_tarrant_v_herrmann_2013_slip.pdf` (No. 11-889, June 13,
2013) and the Court's other slip opinions (`../shared/corpus/text/scotus_fisher_v_ut_2013.txt`
prints it atop the syllabus).  It is page furniture: removed and reported as a running head.
"""

from __future__ import annotations

import re

# The head stands among the page's first lines (`FIRST_PAGE_HEAD_LINES`).
FIRST_PAGE_HEAD = re.compile(r"^\s*\(Slip Opinion\)")
# Lines from the top of page 1 where the head may stand: a PACER-like stamp or a blank row may
# come first in an extraction.
FIRST_PAGE_HEAD_LINES = 3


def is_first_page_head(text: str, index: int) -> bool:
    """The slip opinion's first-page head, at line `index` (0-based) of its page."""
    return index < FIRST_PAGE_HEAD_LINES and bool(FIRST_PAGE_HEAD.match(text))
