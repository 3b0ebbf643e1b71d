"""Pass `note_zones`: cut each page's footnote zone out of its lines into `state.notes`
(rules in `readers/footnotes.py`).  Runs after `furniture`: the pages' printed numbers tell
a folio from a note label printed last on its page."""

from __future__ import annotations

from ..footnotes import split_notes

NAME = "note_zones"


def run(state) -> None:
    state.notes = split_notes(state.pages, state.report, state.labels)
