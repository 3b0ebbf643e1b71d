"""What makes eyecite slow on our input, cached.

Profiled on seed 000 (eyecite 2.7.8, 70 kB of text, 1.1 s):
- `helpers.get_court_by_paren` (60 %): for every court parenthetical ("D.D.C. 2018") it runs a
  `regex.sub` over the citation string of all 2,800 courts of courts-db, every time.  Here the
  normalised strings are computed once, an exact match is a dict look-up, and answers are
  memoised; the result is the same court id eyecite's loop returns (the exact match, else the
  last court whose string starts with the parenthetical).
- tokenising the whole document at once (35 %): the Aho-Corasick prefilter picks every
  reporter extractor whose abbreviation occurs anywhere in 70 kB, and each then scans all of
  it.  `find` tokenises one paragraph at a time, so each paragraph runs only the extractors
  its own text calls for, and skips paragraphs that cannot hold a citation.
- the prefilter looks for a reporter's abbreviation anywhere in the text ("R.", "VI", "P." are
  everywhere), but a reporter extractor (its pattern opens with the volume: "550 U.S. 544")
  can only match right after a number.  Those are chosen from the text just after each
  number instead, which drops most of them without changing what can match.
- the prefilter hashes each extractor (a dataclass hashed through its repr) once per hit:
  `Tokenizer.get_extractors` here collects them by identity instead.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A reporter or code pattern that opens with its volume or title number.
_ANCHORED = re.compile(r"\(\?P<(?:volume|title)>")
_NUMBER = re.compile(r"\d\S*\s")

_installed = False


def install() -> None:
    """Patch eyecite's court look-up with the cached one (idempotent)."""
    global _installed
    if _installed:
        return
    import eyecite.helpers

    eyecite.helpers.get_court_by_paren = court_by_paren
    _installed = True


@lru_cache(maxsize=1)
def _court_index():
    import regex
    from courts_db import courts

    strip = regex.compile(r"[^\w]")
    table = [(strip.sub("", c["citation_string"]).lower(), str(c["id"])) for c in courts]
    exact: dict[str, str] = {}
    for key, cid in table:
        exact.setdefault(key, cid)  # eyecite returns the first exact match
    return strip, table, exact


@lru_cache(maxsize=4096)
def court_by_paren(paren_string: str) -> str | None:
    """eyecite's `get_court_by_paren`, from an index built once."""
    strip, table, exact = _court_index()
    key = strip.sub("", paren_string).lower()
    if not key:
        return None
    if key in exact:
        return exact[key]
    found = None
    for name, cid in table:
        if name.startswith(key):
            found = cid
    return found


@lru_cache(maxsize=1)
def tokenizer():
    """eyecite's Aho-Corasick tokenizer, collecting candidate extractors by identity, in
    eyecite's own order (its sets iterate in an order that changes with the hash seed)."""
    from eyecite.tokenizers import EXTRACTORS, AhocorasickTokenizer, _strip_ws

    rank = {id(e): k for k, e in enumerate(EXTRACTORS)}
    # Where the volume group comes first (within eyecite's fixed regex prefix), the reporter
    # follows the number.
    anchored = {id(e) for e in EXTRACTORS if e.strings and _ANCHORED.search(e.regex[:40])}
    # Text after a number that can hold a reporter abbreviation: twice the longest one, for
    # the spaces a relaxed pattern allows inside it ("N. Y. S. 2d").
    window = 2 * max(len(s) for e in EXTRACTORS if id(e) in anchored for s in e.strings)

    class FastTokenizer(AhocorasickTokenizer):
        def get_extractors(self, text: str):
            stripped = _strip_ws(text)
            after = "\x00".join(_strip_ws(text[m.end():m.end() + window])
                                 for m in _NUMBER.finditer(text))
            chosen = {id(e): e for e in self.unfiltered_extractors}
            for source, keep in ((stripped, False), (after, True)):
                for _, extractors in self.case_sensitive_filter.iter(source):
                    for e in extractors:
                        if keep or id(e) not in anchored:
                            chosen[id(e)] = e
                for _, extractors in self.case_insensitive_filter.iter(source.lower()):
                    for e in extractors:
                        if keep or id(e) not in anchored:
                            chosen[id(e)] = e
            return [chosen[k] for k in sorted(chosen, key=rank.__getitem__)]

    return FastTokenizer()
