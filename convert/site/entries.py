"""What the site knows about one opinion: the facts its indexes, feed and metadata use, read
from the AKN through the renderers' model (convert/render/model.py), and kept in the build
manifest so unchanged opinions need not be read again."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

# Years before this are placeholders, not decision dates (The National Archives writes
# 1000-01-01 for an unknown date); such an opinion is listed as undated.
FIRST_PLAUSIBLE_YEAR = 1700
UNDATED = "undated"
UNKNOWN_COURT = "Court not stated"


@dataclass
class Entry:
    source: str  # the AKN file, relative to the source directory
    path: str  # its page in the site, ending in "/"
    stem: str  # file name (no extension) of the XML, Markdown and PDF beside the page
    title: str
    court: str
    date: str | None  # YYYY-MM-DD
    docket: str | None
    citation: str | None
    frbr_uri: str | None
    description: str
    lang: str

    @property
    def year(self) -> str:
        return self.date[:4] if self.date else UNDATED

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "Entry":
        return cls(**data)


def decision_date(value: str | None) -> str | None:
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value or "")
    if not m or int(m.group(1)) < FIRST_PLAUSIBLE_YEAR:
        return None
    return m.group(0)


def entry_for(model, source: str, path: str, stem: str) -> Entry:
    return Entry(source=source, path=path, stem=stem, title=model.title,
                 court=model.court or UNKNOWN_COURT, date=decision_date(model.date),
                 docket=model.docket, citation=model.citation, frbr_uri=model.frbr_uri,
                 description=model.description, lang=model.lang)


def newest_first(entries) -> list[Entry]:
    """Newest decision first; undated last; ties by title, then path (stable output)."""
    return sorted(entries, key=lambda e: (e.date is None, _neg(e.date), e.title, e.path))


def _neg(date: str | None) -> str:
    # sort key that puts later dates first
    return "".join(chr(0x10FFFF - ord(c)) for c in date) if date else ""
