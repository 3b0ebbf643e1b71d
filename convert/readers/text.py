"""Reader for text extracted from PDFs (pdftotext plain, -layout, and blank-line double spacing).

`paginate` turns the text into pages of lines; from there the declared reader passes
(`passes.text_passes()`: furniture, note zones, note calls, body lines, star pages, rules,
parts, blocks, closing, caption) build the document.  The PDF reader runs the same list.
"""

from __future__ import annotations

from ..document import Document
from ..errors import ConvertError
from . import ReadReport, marks
from .layout import Page
from .paginate import _double_spaced, paginate
from .passes import PassList, State, text_passes


def read(source: str, data: bytes) -> tuple[Document, ReadReport]:
    """The registry's entry point: decode the input's bytes, then read the text."""
    from ..inputs import read_text

    return read_string(read_text(source, data), source)


# Tab stops of plain text (the `expand` and terminal convention; pdftotext writes no tabs, a
# word processor's text export does): columns and indentation are measured in spaces.
TAB_SIZE = 8


def read_string(text: str, source: str) -> tuple[Document, ReadReport]:
    report = ReadReport(source)
    text = marks.scrub(text).expandtabs(TAB_SIZE)
    pages = paginate(text)
    if not any(p.lines for p in pages):
        raise ConvertError(source, "no text found")
    report.pages = len(pages)
    double = _double_spaced(text.split("\n"))
    return read_pages(pages, report, double, vocabulary_text=text)


def read_pages(pages: list[Page], report: ReadReport, double_spaced: bool,
               vocabulary_text: str, passes: PassList | None = None) -> tuple[Document, ReadReport]:
    """The shared pipeline from pages of lines (text or PDF input) to a Document."""
    state = State(report.source, report, pages, double_spaced, vocabulary_text)
    report.source_text = vocabulary_text  # for the pipeline's word-coverage check
    (passes or text_passes()).run(state)
    return state.doc, report
