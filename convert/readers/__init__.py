"""Readers: raw opinion input to a `Document` plus a `ReadReport` of what was removed.

Each reader module exposes `read(source, data) -> (Document, ReadReport)` and is listed in
`registry`; `detect_format` picks one from the file's name and first bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path



@dataclass
class Removed:
    """One piece of input the reader dropped on purpose (page furniture, a note's label)."""

    kind: str  # stamp, page-number, running-head, line-number, note-label, note-heading, ...
    text: str
    line: int | None = None
    page: int | None = None


@dataclass
class ReadReport:
    source: str
    removed: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pages: int = 0
    # The text the reader took its words from (the decoded input, or a PDF's text layer), for
    # the pipeline's word-coverage check; None where a reader has no such text.
    source_text: str | None = None

    def remove(self, kind: str, text: str, line: int | None = None, page: int | None = None):
        self.removed.append(Removed(kind, text, line, page))


def detect_format(path: str | Path, head: bytes) -> str:
    """The reader that claims this input (see `registry.detect`)."""
    from . import registry

    return registry.detect(path, head)
