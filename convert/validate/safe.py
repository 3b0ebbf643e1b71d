"""Reading XML that someone else made, safely.

Archivists validate files they did not write, so every input is treated as hostile:

- the file is read in a bounded way: regular files only, at most ``max_bytes`` (50 MB by
  default), checked on ``stat`` before a byte is read and again while reading;
- empty files and bytes that are not XML (a PDF, an image, plain text) are refused with a
  message that says so, before any parser sees them;
- a DOCTYPE that declares anything (an internal subset: entities, the billion-laughs kind or
  external ``SYSTEM "file:///etc/passwd"`` / ``"http://..."`` ones) or that points at an
  external DTD is refused outright, by scanning the prolog before parsing.  Nothing is
  expanded, fetched or opened;
- the parser itself is configured as a second line of defence: no entity substitution, no
  DTD loading, no network, and libxml2's default limits (``huge_tree=False``: nesting depth
  256, text nodes of 10 MB, bounded entity amplification).

Every refusal is an `InputRefused` carrying a short rule id and a message a person can act
on; none is a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from .. import inputs
from .report import Issue

DEFAULT_MAX_BYTES = inputs.DEFAULT_MAX_BYTES
PROLOG_WINDOW = 1024 * 1024  # a prolog (declaration, comments, DOCTYPE) longer than this is refused
PARSER_DEPTH_LIMIT = 256  # libxml2's limit without XML_PARSE_HUGE


class InputRefused(Exception):
    """The input is not a document we will parse.  ``issue`` says why."""

    def __init__(self, issue: Issue):
        self.issue = issue
        super().__init__(issue.message)


def _refuse(rule: str, message: str, kind: str = "input", line: int | None = None,
            column: int | None = None) -> InputRefused:
    return InputRefused(Issue(kind=kind, rule=rule, message=message, line=line, column=column))


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n} bytes"


def read_bounded(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a regular file no larger than ``max_bytes``, or `InputRefused`.  The
    checks are `convert.inputs`' (shared by every command)."""
    try:
        return inputs.read_bounded(path, max_bytes)
    except inputs.InputError as err:
        raise _refuse(err.rule, err.reason) from None


# ---------------------------------------------------------------- prolog scan

_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"), (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"),
)


def _sniff(data: bytes) -> tuple[str, int]:
    """(codec for scanning the prolog, length of the byte-order mark)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    if data.startswith(b"\x00\x00\x00<"):
        return "utf-32-be", 0
    if data.startswith(b"<\x00\x00\x00"):
        return "utf-32-le", 0
    if data.startswith(b"\x00<"):
        return "utf-16-be", 0
    if data.startswith(b"<\x00"):
        return "utf-16-le", 0
    # Anything else is read as an ASCII-compatible encoding: one byte, one character, which is
    # all the scan needs to find markup.
    return "latin-1", 0


_NAME = re.compile(r"[^\s\[>]+")
_ENTITY = re.compile(r"<!ENTITY\s+(%\s+)?([^\s>]+)\s*(?:(SYSTEM|PUBLIC)\s*(\"[^\"]*\"|'[^']*'))?")
_EXTERNAL_ID = re.compile(r"(SYSTEM|PUBLIC)\s*(\"[^\"]*\"|'[^']*')(\s*(\"[^\"]*\"|'[^']*'))?")


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _describe(head: bytes) -> str:
    if head.startswith(b"%PDF"):
        return "a PDF file"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "an image"
    if head.startswith((b"PK\x03\x04", b"\x1f\x8b")):
        return "an archive (zip or gzip)"
    if b"\x00" in head[:1024]:
        return "binary data"
    return "text"


def check_prolog(data: bytes) -> None:
    """Refuse empty input, non-XML bytes and DOCTYPEs that declare or fetch anything.

    Only the prolog is scanned (everything before the root element), in a bounded window.
    """
    codec, start = _sniff(data)
    if not data[start:].strip(b" \t\r\n\x00"):
        raise _refuse("empty", "file is empty" if not data else "file holds only whitespace")
    window = data[start:start + PROLOG_WINDOW]
    text = window.decode(codec, errors="replace")
    pos, n = 0, len(text)
    while True:
        while pos < n and text[pos] in " \t\r\n":
            pos += 1
        if pos >= n:
            if len(data) - start > PROLOG_WINDOW:
                raise _refuse("prolog-too-long", f"no root element in the first "
                                                 f"{_size(PROLOG_WINDOW)}: refused")
            raise _refuse("no-root", "no root element: the file ends inside its prolog",
                          kind="xml")
        if not text.startswith("<", pos):
            line, col = _line_col(text, pos)
            if pos == 0:
                raise _refuse("not-xml", f"not XML: the file is {_describe(window)}, it does not "
                                         f"start with '<'", line=1, column=1)
            raise _refuse("not-xml", "not XML: text before the root element", line=line,
                          column=col)
        if text.startswith("<?", pos):
            end = text.find("?>", pos)
            if end < 0:
                raise _refuse("xml-syntax", "unterminated processing instruction or XML "
                                            "declaration", kind="xml", line=_line_col(text, pos)[0])
            pos = end + 2
        elif text.startswith("<!--", pos):
            end = text.find("-->", pos + 4)
            if end < 0:
                raise _refuse("xml-syntax", "unterminated comment before the root element",
                              kind="xml", line=_line_col(text, pos)[0])
            pos = end + 3
        elif text.startswith("<!DOCTYPE", pos):
            pos = _check_doctype(text, pos)
        elif text.startswith("<!", pos):
            raise _refuse("xml-syntax", "unexpected markup declaration before the root element",
                          kind="xml", line=_line_col(text, pos)[0])
        else:
            return  # the root element starts here


def _check_doctype(text: str, pos: int) -> int:
    """Refuse a DOCTYPE with an internal subset or an external DTD; return the position after
    a bare ``<!DOCTYPE name>``."""
    line, col = _line_col(text, pos)
    i = pos + len("<!DOCTYPE")
    # Up to the first '[' or '>' outside quotes.
    quote = None
    j = i
    while j < len(text):
        c = text[j]
        if quote:
            if c == quote:
                quote = None
        elif c in "\"'":
            quote = c
        elif c in "[>":
            break
        j += 1
    else:
        raise _refuse("doctype", "DOCTYPE does not end within the prolog window: refused",
                      line=line, column=col)
    decl = text[i:j]
    if text[j] == "[":
        subset = text[j:j + 64 * 1024]
        entities = list(_ENTITY.finditer(subset))
        external = next((m for m in entities if m.group(3)), None)
        if external:
            raise _refuse(
                "doctype-external-entity",
                f"DOCTYPE declares external entity '{external.group(2)}' ({external.group(3)} "
                f"{external.group(4)}): refused; external entities are never loaded",
                line=line, column=col)
        if entities:
            count = len(entities)
            raise _refuse(
                "doctype-entity",
                f"DOCTYPE declares {count} entit{'y' if count == 1 else 'ies'} (first: "
                f"'{entities[0].group(2)}'): refused; entities are never expanded "
                f"(entity-expansion attack)", line=line, column=col)
        raise _refuse("doctype-subset", "DOCTYPE has an internal subset (declarations): "
                                        "refused; AKN documents need no DTD",
                      line=line, column=col)
    external = _EXTERNAL_ID.search(decl)
    if external:
        raise _refuse("doctype-external-dtd",
                      f"DOCTYPE refers to an external DTD ({external.group(1)} "
                      f"{external.group(2)}{external.group(3) or ''}): refused; it is never "
                      f"fetched", line=line, column=col)
    return j + 1


# ---------------------------------------------------------------- parsing


def safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_comments=False,
                           collect_ids=False)


def _syntax_issue(err: etree.XMLSyntaxError) -> Issue:
    line, col = (err.position or (err.lineno, None))
    msg = err.msg or str(err)
    msg = re.sub(r", line \d+, column \d+$", "", msg)
    rule = "xml-syntax"
    if "Excessive depth" in msg or "depth" in msg.lower() and "XML_PARSE_HUGE" in msg:
        rule = "depth-limit"
        msg = (f"elements nested deeper than {PARSER_DEPTH_LIMIT} levels: refused (parser "
               f"depth limit)")
    elif "XML_PARSE_HUGE" in msg or "Resource limit" in msg or "huge" in msg.lower():
        rule = "parser-limit"
        msg = f"{msg.rstrip('.')}: refused (parser resource limit)"
    elif "ntity" in msg and ("loop" in msg or "amplification" in msg):
        rule = "entity-expansion"
        msg = f"{msg.rstrip('.')}: refused (entity expansion)"
    else:
        msg = f"not well-formed XML: {msg}"
    return Issue(kind="xml", rule=rule, message=msg, line=line or None, column=col or None)


def parse_bytes(data: bytes) -> etree._ElementTree:
    """Parse untrusted bytes into a tree, or raise `InputRefused` (never a traceback)."""
    check_prolog(data)
    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as err:
        raise InputRefused(_syntax_issue(err)) from None
    except (ValueError, MemoryError) as err:  # e.g. an unsupported encoding declaration
        raise _refuse("xml-syntax", f"cannot parse: {err}", kind="xml") from None
    if root is None:
        raise _refuse("empty", "no document element")
    tree = root.getroottree()
    dtd = tree.docinfo.internalDTD
    if dtd is not None and (list(dtd.iterentities()) or list(dtd.iterelements())):
        # The prolog scan should have refused this already (e.g. an exotic encoding hid it).
        raise _refuse("doctype-entity", "DOCTYPE declarations are not accepted: refused")
    return tree


def load(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> etree._ElementTree:
    """Read and parse one file under all the limits above."""
    return parse_bytes(read_bounded(path, max_bytes))
