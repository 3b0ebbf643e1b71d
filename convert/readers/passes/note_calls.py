"""Pass `note_calls`: mark each note's call in the body lines (a sentinel, `marks.call`).  A
note whose call cannot be found is anchored at the end of its page's text, with the warning
`link_calls` gives: nothing is lost."""

from __future__ import annotations

from .. import marks
from ..footnotes import link_calls

NAME = "note_calls"


def run(state) -> None:
    unlinked = link_calls(state.pages, state.notes, state.report)
    for k in unlinked:
        page = next(p for p in state.pages if p.index == state.notes[k].page)
        if page.lines:
            page.lines[-1].text += marks.call(k)
