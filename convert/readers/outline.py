"""The body's outline: sections nested by numbering style, paragraphs in the innermost open
section, and the blocks a paragraph carries (a quote, a list, a table) attached to it.

Shared by every reader, so headings nest the same way whatever the input.
"""

from __future__ import annotations

from ..document import Block, Inline, P, Paragraph, Section


class Outline:
    def __init__(self) -> None:
        self.root: list = []
        self._stack: list[tuple[str, Section]] = []  # (numbering style, section)
        self.last: Paragraph | None = None  # the paragraph later blocks may attach to

    def _container(self) -> list:
        return self._stack[-1][1].children if self._stack else self.root

    def heading(self, style: str, num: list[Inline] | None, heading: list[Inline]) -> None:
        """Open a section.  A style already open (an `A.` after `1.`) closes everything
        down to and including its earlier section; a new style nests one level deeper."""
        styles = [s for s, _ in self._stack]
        if style in styles:
            del self._stack[styles.index(style):]
        section = Section(num=num, heading=heading, depth=len(self._stack) + 1)
        self._container().append(section)
        self._stack.append((style, section))
        self.last = None

    def paragraph(self, blocks: list[Block], num: str | None = None) -> None:
        self.last = Paragraph(blocks, num=num)
        self._container().append(self.last)

    def attach(self, block: Block) -> None:
        """A quote, list or table: part of the paragraph it follows (AKN puts no block
        between hierarchy elements), or a paragraph of its own at a section's start."""
        if self.last is not None:
            self.last.blocks.append(block)
        else:
            self.paragraph([block])

    def finish(self) -> list:
        _flatten_empty_sections(self.root)
        return self.root


def _flatten_empty_sections(items: list) -> None:
    """A heading with nothing under it (a heading at the very end, two same-style headings
    in a row) becomes a paragraph: AKN has no empty level, and no text is dropped."""
    for k, item in enumerate(items):
        if isinstance(item, Section):
            _flatten_empty_sections(item.children)
            if not item.children:
                content = list(item.num or []) + ([" "] if item.num else []) + item.heading
                items[k] = Paragraph([P(content)])
