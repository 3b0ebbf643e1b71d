"""Small helpers for the per-pass tests: a State from a text fixture, run up to a pass."""

from __future__ import annotations

from convert.readers import ReadReport, marks
from convert.readers.paginate import _double_spaced, paginate
from convert.readers.passes import State, text_passes


def state_of(text: str) -> State:
    return State("fixture.txt", ReadReport("fixture.txt"), paginate(text),
                 _double_spaced(text.split("\n")), text)


def run_through(text: str, name: str, disable: tuple[str, ...] = ()) -> State:
    """Run the text passes on `text` up to and including the pass `name`."""
    state = state_of(text)
    passes = text_passes()
    if disable:
        passes.disable(*disable)
    return passes.run(state, until=name)


def visible(lines) -> list[str]:
    return [marks.visible(l.text).strip() for l in lines]


def prose(n: int, word: str = "text") -> list[str]:
    """n lines of ordinary running prose of about 70 characters."""
    return [f"This is line {i} of the {word} that the court wrote about the matter here."
            for i in range(1, n + 1)]
