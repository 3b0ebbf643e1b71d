"""Render any Akoma Ntoso judgment to HTML, Markdown or PDF.

Renderers read AKN only (DESIGN.md): `render(tree, fmt)` for a parsed tree, `render_file(path,
fmt)` for a file on disk (parsed without network, DTDs or entity expansion).  Ids in every
output are the document's eIds unchanged; see docs/render.md for the few derived ones.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..errors import ConvertError

from .model import AKN_NS, Model, local

FORMATS = ("html", "md", "pdf")
PDF_VARIANTS = ("plain", "pdfa", "pdfua")
DEFAULT_PDF = "pdfua"  # tagged: screen readers and reflow work on every PDF we write


class RenderError(ConvertError):
    """Input that cannot be rendered: unreadable, not XML, not an AKN document, or too large
    for PDF.  A ConvertError, so every command reports it as one line."""

    def __init__(self, path: str, reason: str):
        super().__init__(str(path), reason)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_comments=False)


def check_akn(tree: etree._ElementTree, where: str = "<tree>") -> None:
    root = tree.getroot()
    if not isinstance(root.tag, str) or etree.QName(root).localname != "akomaNtoso" \
            or not (etree.QName(root).namespace or "").startswith(AKN_NS):
        raise RenderError(where, f"not an Akoma Ntoso 3.0 document (root element is "
                                 f"{root.tag!r}, expected {{{AKN_NS}}}akomaNtoso)")
    if not any(local(c) for c in root):
        raise RenderError(where, "the akomaNtoso element holds no document")


def render(tree: etree._ElementTree, fmt: str, *, xml_bytes: bytes | None = None,
           fragment: bool = False, css: str | None = None, pdf_variant: str = DEFAULT_PDF,
           source: str = "<tree>", model: "Model | None" = None) -> bytes:
    """Render a parsed AKN tree as `html`, `md` or `pdf` bytes.

    HTML is self-contained (the stylesheet inlined) unless `css` gives the URL of a
    publisher's stylesheet to link instead; `fragment` gives the `<article>` only.  A PDF is
    tagged PDF/UA-1 by default; `pdf_variant="pdfa"` makes a PDF/A-3b with `xml_bytes` (the
    exact AKN source; without it the tree is serialised) attached, `"plain"` an untagged PDF.
    `model`: the tree's `Model`, when the caller renders several formats of one tree.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown render format {fmt!r}; choose from {', '.join(FORMATS)}")
    check_akn(tree, source)
    if fmt == "pdf":  # before anything is laid out (or even modelled): a clear refusal
        from .pdf import pdf_size_problem

        problem = pdf_size_problem(tree)
        if problem:
            raise RenderError(source, problem)
    model = model if model is not None else Model(tree)
    if fmt == "html":
        from .html import render_html

        return render_html(model, fragment=fragment, css=css)
    if fmt == "md":
        from .markdown import render_markdown

        return render_markdown(model)
    from .pdf import render_pdf

    if xml_bytes is None:
        xml_bytes = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
    return render_pdf(model, variant=pdf_variant, xml_bytes=xml_bytes)


def render_file(path: str | Path, fmt: str, fragment: bool = False, css: str | None = None,
                pdf_variant: str = DEFAULT_PDF, max_bytes: int | None = None) -> bytes:
    """Read an AKN file safely and render it; RenderError names the file and the reason.
    Like every input, a regular file under `max_bytes` (default: the AKN cap)."""
    from ..inputs import InputError, cap_for, read_bounded

    path = str(path)
    try:
        data = read_bounded(path, max_bytes or cap_for("akn"))
    except InputError as err:
        raise RenderError(path, err.reason) from None
    return render_bytes(data, fmt, source=path, fragment=fragment, css=css,
                        pdf_variant=pdf_variant)


def render_bytes(data: bytes, fmt: str, *, source: str = "<stdin>", fragment: bool = False,
                 css: str | None = None, pdf_variant: str = DEFAULT_PDF) -> bytes:
    """Render AKN given as bytes (a file already read, or stdin); `source` names it in errors."""
    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser()))
    except etree.XMLSyntaxError as err:
        line = f" (line {err.lineno})" if getattr(err, "lineno", None) else ""
        raise RenderError(source, f"not well-formed XML{line}: {err.msg}") from None
    return render(tree, fmt, xml_bytes=data, fragment=fragment, css=css,
                  pdf_variant=pdf_variant, source=source)


__all__ = ["DEFAULT_PDF", "FORMATS", "PDF_VARIANTS", "RenderError", "render", "render_bytes",
           "render_file"]
