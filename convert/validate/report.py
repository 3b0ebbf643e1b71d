"""What a validation finds: one `Report` per document, a list of `Issue`s in it.

Kinds of issue, from worst to mildest:

- ``input``: the file could not be read as a document at all (missing, empty, too large, not
  XML, a refused DOCTYPE).  Nothing else was checked.
- ``xml``: the bytes are not well-formed XML (or hit a parser limit such as nesting depth).
- ``schema``: the document breaks the official OASIS Akoma Ntoso 3.0 schema.
- ``profile``: the document breaks the project's profile for US judgments
  (`schemas/akn-us-judgment.sch`), which only applies once it is an AKN judgment.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

KINDS = ("input", "xml", "schema", "profile")

# Line breaks of every kind (and the other C0/C1 controls) in text quoted from a document or
# from libxml2 (attribute values, element names, file names): written as escapes, so one issue
# is one line in every report format and no value can forge a line of its own.
_BREAKS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": " "}


def one_line(text: str | None) -> str | None:
    """`text` with line breaks and control characters written as escapes (`\\n`, `\\x0b`)."""
    if not text:
        return text
    return _BREAKS.sub(lambda m: _ESCAPES.get(m.group(), _escape(m.group())), text)


def _escape(c: str) -> str:
    return f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"


@dataclass(frozen=True)
class Issue:
    kind: str  # one of KINDS
    rule: str  # e.g. "too-large", "xml-syntax", "cvc-complex-type.2.4", "eid-unique"
    message: str
    line: int | None = None
    column: int | None = None
    path: str | None = None  # readable element path: /akomaNtoso/judgment/header

    def __post_init__(self):
        for name in ("rule", "message", "path"):
            object.__setattr__(self, name, one_line(getattr(self, name)))

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Report:
    """The verdict on one document.

    ``valid`` is True when nothing was found: the document passes the official schema and,
    when the profile applied (``profile_checked``), the profile too.  ``schema_valid`` is None
    when the document could not be parsed; ``profile_valid`` is None when the profile did not
    run (``--schema-only``, unreadable input, or not a judgment).
    """

    path: str
    document: str | None = None  # the AKN document type under akomaNtoso: judgment, act, ...
    schema_valid: bool | None = None
    profile_checked: bool = False
    profile_valid: bool | None = None
    errors: list[Issue] = field(default_factory=list)
    errors_omitted: int = 0  # issues beyond the per-file cap, counted but not listed
    seconds: float = 0.0

    @property
    def valid(self) -> bool:
        return not self.errors and not self.errors_omitted

    @property
    def status(self) -> str:
        """valid, or the worst kind of problem: input, xml, schema, profile."""
        if self.valid:
            return "valid"
        kinds = {e.kind for e in self.errors}
        return next((k for k in KINDS if k in kinds), "schema")

    def by_kind(self, kind: str) -> list[Issue]:
        return [e for e in self.errors if e.kind == kind]

    def to_dict(self) -> dict:
        return {
            "file": self.path,
            "valid": self.valid,
            "status": self.status,
            "document": self.document,
            "schema_valid": self.schema_valid,
            "profile_checked": self.profile_checked,
            "profile_valid": self.profile_valid,
            "error_count": len(self.errors) + self.errors_omitted,
            "errors": [e.to_dict() for e in self.errors],
            "errors_omitted": self.errors_omitted,
            "seconds": round(self.seconds, 6),
        }
