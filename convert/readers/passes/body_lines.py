"""Pass `body_lines`: the pages' remaining lines in reading order (`state.lines`); each page's
first line gets the page-break sentinel, and its id goes into `state.page_starts`."""

from __future__ import annotations

from .. import marks

NAME = "body_lines"


def run(state) -> None:
    lines, starts = [], set()
    for page in state.pages:
        if not page.lines:
            continue
        if page.index > 1:
            first = page.lines[0]
            indent = first.text[: len(first.text) - len(first.text.lstrip())]
            first.text = indent + marks.page(state.labels.get(page.index)) + first.text.lstrip()
            starts.add(id(first))
        lines.extend(page.lines)
    state.lines, state.page_starts = lines, starts
