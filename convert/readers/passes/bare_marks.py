"""Pass `bare_marks`: a line left holding only sentinels (a star page alone on its line)
hands them to the next line, which then begins the page."""

from __future__ import annotations

from .. import marks

NAME = "bare_marks"


def run(state) -> None:
    out = []
    carry = ""
    for line in state.lines:
        if not marks.visible(line.text).strip():
            carry += line.text.strip()
            continue
        if carry:
            line.text = carry + line.text.lstrip()
            state.page_starts.add(id(line))
            carry = ""
        out.append(line)
    if carry and out:
        out[-1].text += carry
    state.lines = out
