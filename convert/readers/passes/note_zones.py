"""Pass `note_zones`: cut each page's footnote zone out of its lines into `state.notes`
(rules in `readers/footnotes.py`).  Runs after `furniture`, which removes only the folios the
page numbering bears out: a lone number it leaves at a page's foot is weighed here as a note
label printed last on its page."""

from __future__ import annotations

from ..footnotes import split_notes

NAME = "note_zones"


def run(state) -> None:
    state.notes = split_notes(state.pages, state.report)
