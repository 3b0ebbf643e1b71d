"""The reader registry: every input format by name, as pandoc lists its readers.

A reader is one module with a function `read(source, data) -> (Document, ReadReport)`, where
`source` is the input's path (for messages) and `data` its raw bytes.  Registering it here is
the one line that makes it reachable from `--from`, format detection and the batch.  Modules
are imported only when their reader is used, so the command line starts fast.

Detection asks each reader's `sniff(path, head)` in registration order (most specific
first) and takes the first that claims the input; `text` claims everything and is last.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

# How much of an input detection looks at: enough for a PDF header, an XML prolog and root,
# or a few Markdown blocks, without reading a whole large file twice.
SNIFF_BYTES = 65536


@dataclass(frozen=True)
class ReaderSpec:
    name: str  # the `--from` value
    module: str  # dotted module path holding `read(source, data)`
    sniff: Callable[[str, bytes], bool]
    suffixes: tuple[str, ...] = ()  # file names a batch walks into (".txt", ...)
    description: str = ""

    def load(self):
        return importlib.import_module(self.module).read


_READERS: dict[str, ReaderSpec] = {}


def register(spec: ReaderSpec) -> None:
    """Add a reader; a later registration of the same name replaces the earlier one."""
    _READERS[spec.name] = spec


def names() -> list[str]:
    return list(_READERS)


def get(name: str) -> ReaderSpec:
    try:
        return _READERS[name]
    except KeyError:
        raise KeyError(f"unknown reader {name!r}; choose from {', '.join(_READERS)}") from None


def suffixes() -> set[str]:
    return {s for spec in _READERS.values() for s in spec.suffixes}


def detect(path: str | Path, head: bytes) -> str:
    """The name of the first registered reader that claims this input."""
    for spec in _READERS.values():
        if spec.sniff(str(path), head):
            return spec.name
    return "text"


# ---------------------------------------------------------------- the built-in readers


def _is_pdf(path: str, head: bytes) -> bool:
    return head.startswith(b"%PDF") or path.lower().endswith(".pdf")


# Three Markdown signs in the head of a file with no form feeds (PDF text has them): bold,
# ATX headings, bullets, superscript note markers.
_MARKDOWN_HINT = re.compile(r"\*\*\S|^#{1,6} |^\s*[-*] \S|[¹²³⁴⁵⁶⁷⁸⁹⁰]", re.M)
_MARKDOWN_MIN_HINTS = 3


def _is_markdown(path: str, head: bytes) -> bool:
    if Path(path).suffix.lower() in (".md", ".markdown"):
        return True
    text = head[:4096].decode("utf-8", "replace")
    return "\f" not in text and len(_MARKDOWN_HINT.findall(text)) >= _MARKDOWN_MIN_HINTS


register(ReaderSpec("pdf", "convert.readers.pdf", _is_pdf, (".pdf",),
                    "PDF files: the text layer with its geometry"))
# Structured sources: each claims its input by content (markup it alone uses), so they sit
# before the text-based readers.  Their detectors (`structured/sniff.py`) import nothing heavy.
def _structured(name: str):
    def sniff(path: str, head: bytes) -> bool:
        return getattr(importlib.import_module("convert.readers.structured.sniff"), name)(
            path, head)
    return sniff


register(ReaderSpec("akn", "convert.readers.structured.akn", _structured("akn"), (".xml",),
                    "Akoma Ntoso 3.0 documents (checked against the schema, then rendered)"))
register(ReaderSpec("cap", "convert.readers.structured.cap", _structured("cap"),
                    (".html", ".htm"), "CAP / case.law structured HTML (section.casebody)"))
register(ReaderSpec("fastcase", "convert.readers.structured.fastcase", _structured("fastcase"),
                    (".xml",), "Fastcase vendor records (<Case> with HeaderHtml/CaseHtml)"))
register(ReaderSpec("vendor", "convert.readers.structured.vendor", _structured("vendor"),
                    (".xml",), "CourtListener legacy vendor XML (<opinion> with *_byline/*_text)"))
register(ReaderSpec("caselaw-json", "convert.readers.structured.caselaw_json",
                    _structured("caselaw_json"), (".json",),
                    "case.law JSON text export (casebody.opinions)"))
register(ReaderSpec("markdown", "convert.readers.markdown", _is_markdown, (".md", ".markdown"),
                    "light Markdown opinions"))
register(ReaderSpec("text", "convert.readers.text", lambda path, head: True, (".txt",),
                    "text extracted from PDFs (pdftotext plain or -layout, double spaced)"))
