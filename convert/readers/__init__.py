"""Readers: raw opinion input to a `Document` plus a `ReadReport` of what was removed.

Each reader module exposes `read(text_or_path, source) -> (Document, ReadReport)`.
`detect_format` picks one from the file's name and first bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

FORMATS = ("text", "markdown", "pdf")


@dataclass
class Removed:
    """One piece of input the reader dropped on purpose (page furniture, a note's label)."""

    kind: str  # stamp, page-number, running-head, line-number, note-label, separator, ...
    text: str
    line: int | None = None
    page: int | None = None


@dataclass
class ReadReport:
    source: str
    removed: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pages: int = 0

    def remove(self, kind: str, text: str, line: int | None = None, page: int | None = None):
        self.removed.append(Removed(kind, text, line, page))


_MARKDOWN_HINT = re.compile(r"\*\*\S|^#{1,6} |^\s*[-*] \S|[¹²³⁴⁵⁶⁷⁸⁹⁰]", re.M)


def detect_format(path: str | Path, head: bytes) -> str:
    suffix = Path(path).suffix.lower()
    if head.startswith(b"%PDF") or suffix == ".pdf":
        return "pdf"
    if suffix in (".md", ".markdown"):
        return "markdown"
    text = head.decode("utf-8", "replace")
    if "\f" not in text and len(_MARKDOWN_HINT.findall(text)) >= 3:
        return "markdown"
    return "text"
