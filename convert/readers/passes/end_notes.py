"""Pass `end_notes`: notes gathered at the end of a writing with their calls stripped (issue 8
shape 5; case.law's text export prints each writing's notes after its text as ". text", the
number lost, and drops the calls).

Evidence: a run of at least `MIN_RUN` lines closing the writing, each opening with a bare
period (the lost number).  Numbered lines closing a writing are not taken: an order's
decretal paragraphs ("1. The motion is GRANTED.") close it the same way.  They become notes of that writing, numbered in order, anchored at the writing's end,
and the reader warns: where each was called is unknown.
"""

from __future__ import annotations

import re

from .. import marks
from ..footnotes import Footnote

NAME = "end_notes"

# One lone ". text" line could be anything; two or more in a row closing a writing are notes.
MIN_RUN = 2
# A note that lost its number: a period, a space, then text ("... " is an ellipsis, not this).
_BARE_PERIOD = re.compile(r"^\s*\.\s+(?=[^\s.])")


def run(state) -> None:
    parts = [seg.lines for seg in state.segments] or [state.body_lines]
    for n, lines in enumerate(parts, start=1):
        found = _gathered(lines)
        if not found:
            continue
        start, entries = found
        del lines[start:]
        first = len(state.notes)
        for k, (marker, line, text) in enumerate(entries):
            state.notes.append(Footnote(marker, line.page, [type(line)(text, line.page,
                                                                        line.lineno)]))
            state.report.remove("note-label", line.text[:len(line.text) - len(text)].strip(),
                                line.lineno, line.page)
        lines[-1].text += "".join(marks.call(first + k) for k in range(len(entries)))
        state.report.warnings.append(
            f"writing {n}: {len(entries)} notes gathered at its end with no calls in the text; "
            "kept as notes of the writing, anchored at its end")


def _gathered(lines):
    """(index where the gathered notes begin, [(marker, line, text)]) or None."""
    i = len(lines)
    while i > 0 and _BARE_PERIOD.match(lines[i - 1].text):
        i -= 1
    if len(lines) - i >= MIN_RUN and i > 0:
        return i, [(str(k), line, line.text[_BARE_PERIOD.match(line.text).end():])
                   for k, line in enumerate(lines[i:], start=1)]
    return None
