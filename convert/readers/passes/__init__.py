"""Reader passes declared as data: one state object, one ordered and named list of passes.

In the manner of markdown-it-py's `Ruler`: every pass is a small module with a `NAME` and a
`run(state) -> None` that reads and updates the `State`; a `PassList` holds them in order and
lets a caller (or a test) find one by name, disable it, insert another before or after it, or
replace it.  `text_passes()` is the list the text and PDF readers run; the Markdown reader runs
`markdown_passes()`, which shares every pass whose work is the same (note calls' anchoring,
caption court resolution) and has its own where Markdown already gives the structure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable

from ...document import Document, Note, P, PageBreak
from .. import ReadReport, marks
from ..layout import Line, Page


@dataclass
class State:
    """Everything the passes share.  Pages of lines (with their geometry, PDF) come in; the
    passes cut furniture and notes out of the pages, flatten them into body lines, split
    those into caption / body / writings / closing, and fill `doc`."""

    source: str
    report: ReadReport
    pages: list[Page] = field(default_factory=list)
    double_spaced: bool = False
    vocabulary_text: str = ""  # the whole input's text: the document's own vocabulary
    labels: dict[int, str | None] = field(default_factory=dict)  # printed number per page
    notes: list = field(default_factory=list)  # footnotes.Footnote, in call order
    lines: list[Line] = field(default_factory=list)  # body lines in reading order
    page_starts: set[int] = field(default_factory=set)  # id() of lines that begin a page
    head: list[Line] = field(default_factory=list)  # caption lines
    body_lines: list[Line] = field(default_factory=list)  # lines before the first writing
    segments: list = field(default_factory=list)  # writings.Segment
    closing: list[Line] = field(default_factory=list)  # date line and signature at the end
    blocks: list = field(default_factory=list)  # Markdown: markdown-it blocks
    extra: dict[str, Any] = field(default_factory=dict)  # a pass's facts for a later pass
    doc: Document = field(default_factory=Document)

    @cached_property
    def vocab(self):
        from ..joining import Vocabulary

        return Vocabulary(self.vocabulary_text)

    def note(self, k: int) -> Note:
        """Footnote k as a model `Note` (its text joined like body text)."""
        from ..joining import join_lines

        note = self.notes[k]
        text = join_lines([l.text for l in note.lines], self.vocab)
        return Note(note.marker, [P(self.inline(text))])

    def inline(self, text: str) -> list:
        """Text with sentinels -> inline content (strings, notes, page breaks)."""
        return marks.expand(text, self.note, PageBreak)


@dataclass
class Pass:
    name: str
    run: Callable[[State], None]
    enabled: bool = True


class PassList:
    """An ordered list of named passes (cf. markdown-it-py `Ruler`)."""

    def __init__(self, passes: list[Pass] | None = None):
        self._passes: list[Pass] = list(passes or [])

    def names(self, enabled_only: bool = False) -> list[str]:
        return [p.name for p in self._passes if p.enabled or not enabled_only]

    def find(self, name: str) -> int:
        for i, p in enumerate(self._passes):
            if p.name == name:
                return i
        raise KeyError(f"no reader pass named {name!r}")

    def get(self, name: str) -> Pass:
        return self._passes[self.find(name)]

    def push(self, name: str, run: Callable[[State], None]) -> "PassList":
        self._check_new(name)
        self._passes.append(Pass(name, run))
        return self

    def before(self, anchor: str, name: str, run: Callable[[State], None]) -> "PassList":
        self._check_new(name)
        self._passes.insert(self.find(anchor), Pass(name, run))
        return self

    def after(self, anchor: str, name: str, run: Callable[[State], None]) -> "PassList":
        self._check_new(name)
        self._passes.insert(self.find(anchor) + 1, Pass(name, run))
        return self

    def replace(self, name: str, run: Callable[[State], None]) -> "PassList":
        self._passes[self.find(name)].run = run
        return self

    def disable(self, *names: str) -> "PassList":
        for name in names:
            self.get(name).enabled = False
        return self

    def enable(self, *names: str) -> "PassList":
        for name in names:
            self.get(name).enabled = True
        return self

    def copy(self) -> "PassList":
        return PassList([Pass(p.name, p.run, p.enabled) for p in self._passes])

    def run(self, state: State, until: str | None = None) -> State:
        """Run the enabled passes in order (through `until`, if given)."""
        for p in self._passes:
            if p.enabled:
                p.run(state)
            if p.name == until:
                break
        return state

    def _check_new(self, name: str) -> None:
        if any(p.name == name for p in self._passes):
            raise ValueError(f"a reader pass named {name!r} already exists")


def _from_modules(modules) -> PassList:
    return PassList([Pass(m.NAME, m.run) for m in modules])


def text_passes() -> PassList:
    """The passes of the text and PDF readers, in order (a fresh, modifiable list)."""
    from . import (bare_marks, blocks, body_lines, caption, closing, end_notes, furniture,
                   note_calls, note_zones, parts, rules, star_pages)

    return _from_modules([furniture, note_zones, note_calls, body_lines, star_pages, rules,
                          bare_marks, parts, end_notes, blocks, closing, caption])


def markdown_passes() -> PassList:
    """The passes of the Markdown reader, in order (a fresh, modifiable list)."""
    from .. import markdown

    return PassList([Pass(name, run) for name, run in markdown.PASSES])
