"""Pass `body_lines`: the pages' remaining lines in reading order (`state.lines`); each page's
first line gets the page-break sentinel, and its id goes into `state.page_starts`.  A page
with no text (an image page) keeps its break, carried to the next line of text (or, at the
end, after the last one), with a warning."""

from __future__ import annotations

from .. import marks

NAME = "body_lines"


def run(state) -> None:
    lines, starts = [], set()
    pending = ""  # breaks of pages without text, carried to the next line of text
    for page in state.pages:
        if not page.lines:
            if page.index > 1:
                pending += marks.page(state.labels.get(page.index))
            state.report.warnings.append(
                f"page {page.index}: no text (an image page?); its page break is kept")
            continue
        if page.index > 1 or pending:
            first = page.lines[0]
            indent = first.text[: len(first.text) - len(first.text.lstrip())]
            own = marks.page(state.labels.get(page.index)) if page.index > 1 else ""
            first.text = indent + pending + own + first.text.lstrip()
            starts.add(id(first))
            pending = ""
        lines.extend(page.lines)
    if pending and lines:  # image pages at the end: their breaks close the last line
        lines[-1].text += pending
    state.lines, state.page_starts = lines, starts
