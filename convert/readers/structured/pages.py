"""Reporter page markers written as text: `[945 N.E.2d 485]`, `[945 N.E.2d 485 , 920 N.Y.S.2d 292]`.

Vendors (Fastcase) print where each reporter's page begins as a bracketed citation of that
page; CAP's conversion sometimes leaves such a marker as a paragraph of citations.  A bracket
is a page marker only when every citation in it belongs to one of the case's own page series:
the case's citation list names the volume and reporter (Fastcase), or the page continues a
series the document already numbers (CAP).  So `[see 5 U.S. 137]` in an opinion's text never
becomes a page break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# One citation inside a marker: volume, reporter abbreviation, page.  Reporter abbreviations
# hold letters, digits, dots, apostrophes and spaces ("N.Y.S.2d", "Conn.App.", "Hawai'i").
_CITE = r"(\d{1,5})\s+([A-Z][A-Za-z0-9.'‘’]*(?:\s[A-Za-z0-9.'‘’]+)*?)\s+(\d{1,6})"
MARKER = re.compile(r"\[\s*" + _CITE + r"(?:\s*,\s*" + _CITE + r")*\s*\]")
_ONE = re.compile(_CITE)


@dataclass(frozen=True)
class PageCite:
    volume: str
    reporter: str
    page: str


def cites_in(marker_text: str) -> list[PageCite]:
    inner = marker_text.strip()[1:-1]
    return [PageCite(v, " ".join(r.split()), p) for v, r, p in _ONE.findall(inner)]


def reporter_key(reporter: str) -> str:
    """Reporter names compared without spaces or case: "Ga. App." == "Ga.App."."""
    return re.sub(r"[\s]+", "", reporter).lower()


@dataclass
class Series:
    """The page series of one document: reporter -> rank (1 = first, shown `*`)."""

    ranks: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # key -> reporter as printed
    volumes: dict[str, str] = field(default_factory=dict)  # key -> the case's volume
    last: dict[str, int] = field(default_factory=dict)  # key -> last page seen

    def add(self, reporter: str, volume: str | None = None, rank: int | None = None) -> int:
        key = reporter_key(reporter)
        if key not in self.ranks:
            self.ranks[key] = rank or len(self.ranks) + 1
            self.names[key] = reporter
        if volume:
            self.volumes.setdefault(key, volume)
        return self.ranks[key]

    def knows(self, cite: PageCite) -> bool:
        key = reporter_key(cite.reporter)
        return key in self.ranks and self.volumes.get(key, cite.volume) == cite.volume

    def continues(self, cite: PageCite) -> bool:
        """The page is the next of a series seen so far (CAP: no citation list to ask)."""
        key = reporter_key(cite.reporter)
        return key in self.last and int(cite.page) == self.last[key] + 1

    def seen(self, reporter: str, page: str) -> None:
        if page.isdigit():
            self.last[reporter_key(reporter)] = int(page)

    def rank(self, reporter: str) -> int:
        return self.ranks[reporter_key(reporter)]

    def name(self, reporter: str) -> str:
        return self.names[reporter_key(reporter)]
