"""Format detection for the structured readers: by content, from the first bytes only.

Kept apart from the readers so that detection imports nothing heavy (no parser, no schema):
the command line stays fast when the input turns out to be text.
"""

from __future__ import annotations

import re

# How far into the head each marker is looked for: roots and classes sit in the first lines.
HEAD_WINDOW = 8192


def cap(path: str, head: bytes) -> bool:
    """CAP / case.law HTML: `section.casebody` or `article.opinion`."""
    text = head[:HEAD_WINDOW].lower()
    return b'class="casebody"' in text or (b"<article" in text and b'class="opinion"' in text)


def fastcase(path: str, head: bytes) -> bool:
    """A Fastcase record: `<Case>` with escaped HTML in `HeaderHtml`/`CaseHtml`."""
    return b"<Case>" in head[:HEAD_WINDOW] and (b"<CaseHtml>" in head or b"<HeaderHtml>" in head)


_VENDOR_ROOT = re.compile(rb"\s*<opinion[\s>]")


def vendor(path: str, head: bytes) -> bool:
    """CourtListener's legacy vendor XML: root `<opinion>` with its own element names."""
    return _VENDOR_ROOT.match(head[:HEAD_WINDOW]) is not None and (
        b"<opinion_text>" in head or b"<caption>" in head or b"_byline>" in head)


def caselaw_json(path: str, head: bytes) -> bool:
    """case.law's JSON export: an object with `casebody` (and its `opinions`)."""
    text = head[:HEAD_WINDOW].lstrip(b"\xef\xbb\xbf \t\r\n")
    return text.startswith(b"{") and b'"casebody"' in head and b'"opinions"' in head


_AKN_NS = b"http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


def akn(path: str, head: bytes) -> bool:
    """An Akoma Ntoso 3.0 document: `akomaNtoso` root in the AKN namespace."""
    window = head[:HEAD_WINDOW]
    return b"akomaNtoso" in window and _AKN_NS in window
