"""Akoma Ntoso judgments someone else wrote (UK National Archives, Greek Council of State...).

Reading one is checking it: the file is parsed under the validator's guards (no DTD, no
entities, no network, size and depth limits) and must be an AKN 3.0 document that passes
the official schema.  It then goes through unchanged (`Prebuilt`): `akn convert` renders it
to HTML, Markdown or PDF, and `akn batch` over a folder of mixed inputs reads it like any
other.  Its XML output is its own bytes, re-serialised without re-indenting, so its mixed
content is untouched.  Nothing is rebuilt: eIds, metadata and references stay the publisher's.
"""

from __future__ import annotations

from ...document import Prebuilt
from ...errors import ConvertError
from ...validate.names import AKN_NS
from .. import ReadReport
from .sniff import akn as sniff  # noqa: F401  (the registry's detector)
from . import safe


def read(source: str, data: bytes) -> tuple[Prebuilt, ReadReport]:
    report = ReadReport(source)
    root = safe.parse_xml(source, data)
    if root.tag != f"{{{AKN_NS}}}akomaNtoso":
        raise ConvertError(source, f"not an Akoma Ntoso 3.0 document: root element is "
                                   f"<{root.tag}>")
    from ...validate.schema import schema_errors

    errors = schema_errors(root.getroottree())
    if errors:
        first = errors[0]
        raise ConvertError(source, f"not valid Akoma Ntoso 3.0: {first.message}",
                           line=first.line)
    return Prebuilt(root.getroottree()), report
