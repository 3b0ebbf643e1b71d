"""eId generation: the one place that invents identifiers.

eIds are flat (no `__` hierarchy), unique in the document and stable: they depend only on the
document's content and order.  Prefixes follow the AKN naming convention's abbreviations
(`para`, `lvl`, `note`, `page`, `opinion`).  HTML ids, Markdown anchors and PDF destinations
reuse these strings unchanged when they are already safe (`safe_id`).
"""

from __future__ import annotations

import re
import unicodedata


# The characters an id may carry into HTML and Markdown output: inert in an attribute value,
# a URL fragment, Markdown text and YAML, so an id never needs escaping (and cannot be
# mis-escaped) by any renderer.  Everything the builder makes already fits.
_NOT_ID_CHAR = re.compile(r"[^A-Za-z0-9_.:~!-]")


def safe_id(value: str) -> str:
    """`value` with every character outside `[A-Za-z0-9_.:~!-]` written as `~HEX~` (its code
    point): `x"><img` -> `x~22~~3E~~3C~img`.  The one function every renderer passes ids
    through; ids made by the builder come back unchanged."""
    return _NOT_ID_CHAR.sub(lambda m: f"~{ord(m.group()):X}~", value) or "x"


def slug(text: str) -> str:
    """A lower-case ASCII id fragment: "Rudolph Contreras" -> "rudolph-contreras"."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text or "x"


def number_part(num: str) -> str:
    """The id fragment of a printed number: "¶ 12" -> "12", "IV." -> "IV", "*1005" -> "1005"."""
    return re.sub(r"[^A-Za-z0-9]+", "-", num).strip("-") or "x"


class IdAllocator:
    """Hands out unique eIds.  `take("para", "12")` gives `para_12`, or `para_12-2` when the
    court's own numbering repeats (two writings that both start at ¶ 1); `next("para")` gives
    the next free number in document order."""

    def __init__(self) -> None:
        self._used: set[str] = set()
        self._planned: set[str] = set()  # court numbers seen ahead: next() must not take them
        self._counters: dict[str, int] = {}

    def plan(self, prefix: str, part: str) -> None:
        self._planned.add(f"{prefix}_{part}")

    def take(self, prefix: str, part: str) -> str:
        return self.unique(f"{prefix}_{part}")

    def unique(self, wanted: str) -> str:
        """`wanted` if it is free, else `wanted-2`, `wanted-3`, ..."""
        candidate, n = wanted, 1
        while candidate in self._used:
            n += 1
            candidate = f"{wanted}-{n}"
        self._used.add(candidate)
        return candidate

    def claim(self, eid: str) -> None:
        """Mark an id someone else made (an eId read from a document) as used."""
        self._used.add(eid)

    def __contains__(self, eid: str) -> bool:
        return eid in self._used

    def next(self, prefix: str) -> str:
        n = self._counters.get(prefix, 0)
        while True:
            n += 1
            candidate = f"{prefix}_{n}"
            if candidate not in self._used and candidate not in self._planned:
                self._counters[prefix] = n
                self._used.add(candidate)
                return candidate

