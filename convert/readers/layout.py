"""The intermediate step between raw input and the document model: pages of lines, with the
layout facts a reader could see.  Segmentation and classification work on these, never on one
giant string.

Text input fills `text`, `lineno`, `indent` and `blank_before`; PDF input also fills the
geometry (`x0`, `top`, `size`, `rotated`) in PDF points, origin top-left.  PDF footnote calls
raised above the baseline are written into `text` as Unicode superscript digits (or kept as
`*`/`†`), so every later step sees calls the same way whatever the source.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Line:
    text: str  # the line without its newline; leading spaces kept (indentation)
    page: int  # 1-based physical page
    lineno: int | None = None  # 1-based line in the source text file
    blank_before: int = 0  # blank lines just before this one (text input)
    x0: float | None = None  # left edge (PDF)
    x1: float | None = None  # right edge (PDF)
    top: float | None = None  # distance from the page top (PDF)
    size: float | None = None  # dominant font size (PDF)
    rotated: bool = False  # set in a rotated text direction, like a side stamp (PDF)

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" "))


@dataclass
class Page:
    index: int  # 1-based physical page
    lines: list[Line] = field(default_factory=list)
    width: float | None = None
    height: float | None = None
