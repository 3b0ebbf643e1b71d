"""Which court: its CourtListener / courts-db id and name, from the caption's court lines.

When the caption names only a generic court ("UNITED STATES DISTRICT COURT", the district
lost in extraction), the opinion's own citations decide if one district dominates them: a
district court cites its own district far more than any other.  That inference is reported.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

GENERIC = {"usdistct", "usbankct"}


@lru_cache(maxsize=1)
def _courts():
    import courts_db

    return {c["id"]: c for c in courts_db.courts}


@lru_cache(maxsize=256)
def _find(text: str) -> tuple[str, ...]:
    import courts_db

    return tuple(courts_db.find_court(text))


def _pick(ids: tuple[str, ...], text: str) -> str | None:
    if not ids:
        return None
    if "bankruptcy" not in text.lower():
        ids = tuple(i for i in ids if "bankr" not in (_courts()[i].get("name") or "").lower()
                    and not i.endswith("b")) or ids
    return ids[0] if len(ids) == 1 else None


def _from_citations(body: str) -> str | None:
    courts = _courts()
    by_cite = {c["citation_string"]: cid for cid, c in courts.items()
               if c.get("type") in ("trial", "appellate") and c.get("system") == "federal"
               and re.match(r"^[A-Z]\.[A-Z. ]*\w\.$", c.get("citation_string") or "")
               and cid.endswith("d") and len(cid) <= 4}
    found = Counter()
    for m in re.finditer(r"\((\w\.\s?(?:[A-Z][a-z]*\.\s?)+)(?:\s|\d)", body):
        cite = m.group(1).strip()
        if cite in by_cite:
            found[by_cite[cite]] += 1
    if not found:
        return None
    (best, n), total = found.most_common(1)[0], sum(found.values())
    return best if n >= 3 and n * 2 > total else None


def resolve(court_text: str, body: str = "") -> tuple[str | None, str | None, bool]:
    """(court id, court name, inferred?) for the caption's court lines."""
    text = " ".join(court_text.split())
    if not text:
        return None, None, False
    cid = _pick(_find(text), text)
    inferred = False
    if cid is None or cid in GENERIC:
        guess = _from_citations(body) if "district" in text.lower() else None
        if guess:
            cid, inferred = guess, True
    if cid is None:
        return None, text, False
    name = _courts()[cid].get("name") or text
    return cid, name, inferred
