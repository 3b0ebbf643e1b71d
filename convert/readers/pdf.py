"""Reader for PDF files: the text layer, with its layout facts, through the text pipeline.

`pdf_layout` turns each page into lines (superscript calls already written as ¹²³, geometry
on every line); from there the same rules as for extracted text apply (furniture, footnote
zones, writings, blocks).  A PDF with no text layer is refused: OCR is out of scope.
"""

from __future__ import annotations

from ..document import Document
from . import ReadReport, marks
from .pdf_layout import extract_pages
from .text import read_pages


def read(source: str, data: bytes) -> tuple[Document, ReadReport]:
    """The registry's entry point.  pypdfium2 reads the file itself (it pages through large
    files without holding a second copy), so `data` is only the already-checked input."""
    return read_pdf(source)


def read_pdf(path: str) -> tuple[Document, ReadReport]:
    pages = extract_pages(path)
    report = ReadReport(str(path), pages=len(pages))
    for page in pages:
        for line in page.lines:
            line.text = marks.scrub(line.text)
    lines = [l for p in pages for l in p.lines if l.text.strip()]
    spaced = sum(1 for l in lines if l.blank_before >= 1)
    double_spaced = len(lines) > 20 and spaced > 0.6 * len(lines)
    text = "\n".join(l.text for l in lines)
    return read_pages(pages, report, double_spaced, vocabulary_text=text)
