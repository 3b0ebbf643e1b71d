"""AKN -> PDF through WeasyPrint, from the print-mode HTML and stylesheets/pdf.css.

- Footnotes: CSS GCPM `float: footnote` with `footnote-policy: block` (see pdf.css).
- Links: every HTML id is a named destination, so `file.pdf#para_12` works; calls and notes
  link both ways; the outline (bookmarks) comes from the section headings.
- Metadata: title (case name), author (the court), subject (description), keywords (docket,
  citation), language; the same in XMP for every variant (plain PDFs too).
- Nothing is fetched from outside the document: the url_fetcher refuses every URL and the
  stylesheets are passed as strings.
- Variants: `plain`; `pdfa` = PDF/A-3b with the AKN XML attached (relationship Source);
  `pdfua` = tagged PDF/UA-1.
- Deterministic: no creation/modification date is written unless the document states one, and
  the file identifier is derived from the document content.
"""

from __future__ import annotations

import hashlib
import io
import logging
from datetime import datetime, timezone

from .html import render_html, stylesheet_text
from .model import Model
from .note_pages import add_page_breaks

VARIANTS = {"plain": None, "pdfa": "pdf/a-3b", "pdf/a-3b": "pdf/a-3b",
            "pdfua": "pdf/ua-1", "pdf/ua-1": "pdf/ua-1"}
PRINT_CSS = "pdf.css"
# Layouts after the first that may add page breaks to keep notes with their calls
# (note_pages.py); each fixes every page that lost a note, and a break can move a later page's
# foot, so allow a few rounds; seeds and corpus need one.
MAX_RELAYOUTS = 3


class FetchRefused(Exception):
    pass


def refuse_fetch(url: str, *args, **kwargs):
    """WeasyPrint's url_fetcher: the PDF uses nothing from outside the document."""
    raise FetchRefused(f"akn-convert PDF rendering fetches nothing (refused {url[:80]!r})")


def _attachment_name(model: Model) -> str:
    return "judgment.xml" if model.doc_name else "document.xml"


def _stable_time(model: Model) -> datetime:
    """Attachment dates: the decision date (UTC midnight), so the same input gives the same
    bytes; 2000-01-01 when the document states no date."""
    try:
        return datetime.strptime((model.date or "")[:10], "%Y-%m-%d").replace(tzinfo=timezone.utc)
    except ValueError:
        return datetime(2000, 1, 1, tzinfo=timezone.utc)


# WeasyPrint lays out the whole document in memory before writing a page: 2,000 paragraphs
# (144 pages) took 32 s and 220 MB on the 2-core machine, and 100,000 paragraphs were still
# running after 120 s at 2.8 GB.  Documents past these limits are refused before layout.
# 1,500 pages holds a 500-page court record at our print layout (about 700 pages).
MAX_PDF_PAGES = 1500
# Measured: about 2,150 characters of opinion text per page with stylesheets/print.css;
# rounded down, so the estimate errs towards more pages.
CHARS_PER_PAGE = 2000
# Elements (each a box to lay out) besides the text: 100,000 is 30,000 paragraphs.
MAX_PDF_ELEMENTS = 100_000


def pdf_size_problem(tree) -> str | None:
    """Why this AKN is too large to render as PDF (one line), or None."""
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    elements = chars = 0
    for el in root.iter():
        elements += 1
        if elements > MAX_PDF_ELEMENTS:
            return (f"too large to render as PDF: more than {MAX_PDF_ELEMENTS:,} elements; "
                    "render HTML instead, or split the document")
        chars += len(el.text or "") + len(el.tail or "")
    pages = chars // CHARS_PER_PAGE + 1
    if pages > MAX_PDF_PAGES:
        return (f"too large to render as PDF: about {pages:,} pages of text (limit "
                f"{MAX_PDF_PAGES:,}); render HTML instead, or split the document")
    return None


def _xmp_for_plain_pdf(document, pdf) -> None:
    """A plain PDF gets the XMP packet PDF/A and PDF/UA carry (dc:title the case name,
    dc:creator the court, dc:description, pdf:Keywords the docket and citation): every
    variant states the case's facts in both its document information and its XMP."""
    if "Metadata" not in pdf.catalog:
        document.metadata.include_in_pdf(pdf, None, None, None, compress=True)


def render_pdf(model: Model, *, variant: str = "plain", xml_bytes: bytes | None = None) -> bytes:
    import weasyprint

    if variant not in VARIANTS:
        raise ValueError(f"unknown PDF variant {variant!r}; choose plain, pdfa or pdfua")
    options: dict = {"stylesheets": [weasyprint.CSS(string=stylesheet_text(PRINT_CSS),
                                                    url_fetcher=refuse_fetch)]}
    pdf_variant = VARIANTS[variant]
    if pdf_variant:
        options["pdf_variant"] = pdf_variant
    if pdf_variant == "pdf/ua-1":
        options["pdf_tags"] = True
    if pdf_variant == "pdf/a-3b":
        if xml_bytes is None:
            raise ValueError("PDF/A-3b needs the AKN source to embed")
        options["attachments"] = [weasyprint.Attachment(
            file_obj=io.BytesIO(xml_bytes), name=_attachment_name(model),
            description="Akoma Ntoso 3.0 source of this document",
            relationship="Source", url_fetcher=refuse_fetch,
            created=_stable_time(model), modified=_stable_time(model))]
    logger = logging.getLogger("weasyprint")
    level = logger.level
    logger.setLevel(logging.ERROR)  # refused fetches are expected; real errors still show
    try:
        html = render_html(model, print_mode=True)
        document = weasyprint.HTML(string=html.decode("utf-8"), url_fetcher=refuse_fetch,
                                   base_url="about:blank", media_type="print")
        laid_out = document.render(**options)
        for _ in range(MAX_RELAYOUTS):  # keep notes on their call's page (note_pages.py)
            if not add_page_breaks(laid_out, document.etree_element, model):
                break
            laid_out = document.render(**options)
        options["pdf_identifier"] = hashlib.md5(html).hexdigest().encode("ascii")
        return laid_out.write_pdf(finisher=None if pdf_variant else _xmp_for_plain_pdf,
                                  **options)
    finally:
        logger.setLevel(level)
