"""Parsing structured inputs (HTML, vendor XML) that someone else made, safely.

Every file is hostile until parsed: the guards are the validator's (`convert.validate.safe`)
plus what HTML needs:

- size: at most `MAX_INPUT_BYTES`, checked before a parser sees a byte;
- XML: the validator's prolog scan refuses any DOCTYPE that declares entities or points at an
  external DTD, and its parser loads no DTD, substitutes no entity, opens no network;
- HTML: lxml's HTML parser with no network; it knows only the fixed HTML character
  references, and a DOCTYPE cannot declare new ones (a document that tries is refused, as for
  XML).  Scripts, styles, frames, objects and other active or external content are removed
  before a reader looks at the tree, and reported; nothing is fetched or run;
- nesting deeper than `MAX_DEPTH` is refused (libxml2's own default limit, checked here too
  because the HTML parser recovers silently).

Each refusal is a `ConvertError` naming the file and the reason in one line.
"""

from __future__ import annotations

import re

from lxml import etree, html

from ...errors import ConvertError
from ...validate import safe as xml_safe

# The validator's size cap: one limit for every input kind, so batch runs behave alike.
MAX_INPUT_BYTES = xml_safe.DEFAULT_MAX_BYTES
# libxml2's nesting limit without XML_PARSE_HUGE; no real opinion nests a tenth of this.
MAX_DEPTH = xml_safe.PARSER_DEPTH_LIMIT

# Active or external content: removed with everything inside it (never part of an opinion's
# text).  `link`/`meta` can fetch or redirect; `base` changes where relative links point.
DROPPED_ELEMENTS = ("script", "style", "iframe", "frame", "frameset", "object", "embed",
                    "applet", "link", "meta", "base", "noscript", "template", "svg", "math",
                    "form", "input", "button", "select", "textarea", "img", "video", "audio",
                    "source", "track", "canvas")

_DOCTYPE_DECL = re.compile(rb"<!DOCTYPE[^>\[]*\[", re.I)
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)


def check_size(source: str, data: bytes) -> None:
    if len(data) > MAX_INPUT_BYTES:
        raise ConvertError(source, f"input is {len(data) / 2**20:.1f} MB, over the "
                                   f"{MAX_INPUT_BYTES // 2**20} MB limit: refused")
    if not data.strip():
        raise ConvertError(source, "file is empty")


def parse_xml(source: str, data: bytes, warnings: list[str] | None = None) -> etree._Element:
    """The root of an XML input, under the validator's guards.

    With `warnings` given, one known defect of legacy vendor exports is repaired first:
    unquoted attribute values in start tags (`<opinion unpublished=true>`), which no XML
    parser accepts; the warning says so.  Anything else that is not well-formed is refused.
    """
    check_size(source, data)
    try:
        tree = xml_safe.parse_bytes(data)
    except xml_safe.InputRefused as err:
        repaired = _quote_attributes(data) if warnings is not None else data
        if repaired == data or err.issue.rule != "xml-syntax":
            raise ConvertError(source, err.issue.message, line=err.issue.line) from None
        try:
            tree = xml_safe.parse_bytes(repaired)
        except xml_safe.InputRefused:
            raise ConvertError(source, err.issue.message, line=err.issue.line) from None
        warnings.append(f"unquoted attribute values (line {err.issue.line}) quoted before "
                        f"parsing")
    root = tree.getroot()
    check_depth(source, root)
    return root


# `name=value` without quotes inside a start tag (not inside text: the match starts at `<`).
_UNQUOTED = re.compile(rb"(<[A-Za-z_][\w.\-]*(?:\s+[\w:.\-]+=(?:\"[^\"<]*\"|'[^'<]*'))*"
                       rb"\s+[\w:.\-]+=)([^\s\"'<>]+)")


def _quote_attributes(data: bytes) -> bytes:
    previous = None
    while previous != data:  # one attribute per pass and tag
        previous = data
        data = _UNQUOTED.sub(lambda m: m.group(1) + b'"' + m.group(2) + b'"', data)
    return data


def parse_html(source: str, data: bytes, warnings: list[str] | None = None) -> etree._Element:
    """The root of an HTML input (a fragment or a page), with active content removed."""
    check_size(source, data)
    head = data[:xml_safe.PROLOG_WINDOW]
    if _DOCTYPE_DECL.search(head) or _ENTITY_DECL.search(head):
        raise ConvertError(source, "DOCTYPE declares entities or an internal subset: refused; "
                                   "entities are never expanded")
    parser = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True,
                             huge_tree=False, default_doctype=False, recover=True,
                             encoding=_encoding(data))
    try:
        root = html.document_fromstring(data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as err:
        raise ConvertError(source, f"cannot parse HTML: {err}") from None
    if root is None:
        raise ConvertError(source, "no HTML content")
    # libxml2's HTML parser stops nesting at MAX_DEPTH and carries on without a word, so a
    # tree that reaches the limit may have lost structure: refuse it.
    check_depth(source, root, MAX_DEPTH - 1)
    neutralise(root, warnings)
    return root


def _encoding(data: bytes) -> str | None:
    """UTF-8 unless the bytes say otherwise (a BOM or a meta charset lxml reads itself)."""
    head = data[:4096].lower()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"charset" in head:
        return None
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "windows-1252"


def check_depth(source: str, root: etree._Element, limit: int = MAX_DEPTH) -> None:
    """Refuse a tree nested deeper than `limit` (iteratively: no recursion to exhaust)."""
    stack = [(root, 1)]
    while stack:
        el, depth = stack.pop()
        if depth > limit:
            line = getattr(el, "sourceline", None)
            raise ConvertError(source, f"elements nested deeper than {MAX_DEPTH} levels: refused",
                               line=line)
        stack.extend((child, depth + 1) for child in el)


def neutralise(root: etree._Element, warnings: list[str] | None = None) -> None:
    """Remove active and external content; drop event-handler and URL-bearing attributes
    that could run or fetch anything.  What was removed is reported once per kind."""
    removed: dict[str, int] = {}
    for el in list(root.iter(*DROPPED_ELEMENTS)):
        removed[el.tag] = removed.get(el.tag, 0) + 1
        if el.getparent() is not None:
            el.drop_tree()  # lxml.html keeps the tail (the document's text after it)
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in list(el.attrib):
            low = attr.lower()
            value = el.get(attr, "").strip().lower()
            if low.startswith("on") or low in ("style", "srcset", "formaction") or (
                    low in ("href", "src") and value.startswith(("javascript:", "data:",
                                                                  "vbscript:"))):
                removed[f"@{low}"] = removed.get(f"@{low}", 0) + 1
                del el.attrib[attr]
    if warnings is not None and removed:
        what = ", ".join(f"{n} {k}" for k, n in sorted(removed.items()))
        warnings.append(f"removed active or external content: {what}")
