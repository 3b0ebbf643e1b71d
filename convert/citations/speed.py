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
  number instead, and each runs only over the stretches after the numbers where its
  abbreviation occurs: most are dropped, the rest scan a few hundred characters, not the
  paragraph, and what can match is unchanged (`tests/citations` compares the tokens with
  eyecite's own tokenizer).
- the prefilter hashes each extractor (a dataclass hashed through its repr) once per hit:
  `Tokenizer.get_extractors` here collects them by identity instead.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

# A reporter or code pattern that opens with its volume or title number.
_ANCHORED = re.compile(r"\(\?P<(?:volume|title)>")
_NUMBER = re.compile(r"\d\S*\s")
# How far past the reporter window a reporter pattern may still read: page numbers, a comma,
# "at", a pin cite, eyecite's look-aheads.  Generous: a longer span costs a little time only.
REACH_PAST_WINDOW = 60

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
    """eyecite's Aho-Corasick tokenizer, with reporter extractors run only where they can
    match (see the module docstring), and extractors kept in eyecite's own order (its sets
    iterate in an order that changes with the hash seed)."""
    from eyecite.tokenizers import EXTRACTORS, AhocorasickTokenizer, _strip_ws

    rank = {id(e): k for k, e in enumerate(EXTRACTORS)}
    # Where the volume group comes first (within eyecite's fixed regex prefix), the reporter
    # follows the number.
    anchored = {id(e) for e in EXTRACTORS if e.strings and _ANCHORED.search(e.regex[:40])}
    # Text after a number that can hold a reporter abbreviation: twice the longest one, for
    # the spaces a relaxed pattern allows inside it ("N. Y. S. 2d").
    window = 2 * max(len(s) for e in EXTRACTORS if id(e) in anchored for s in e.strings)
    # A citation starting at a number ends within this many characters of it: the window,
    # plus a page number and what a pattern may read after it.
    reach = window + REACH_PAST_WINDOW

    class FastTokenizer(AhocorasickTokenizer):
        def _choose(self, text: str):
            """(extractors to run on all the text, {extractor id: [number offsets]})."""
            whole = {id(e): e for e in self.unfiltered_extractors}
            stripped = _strip_ws(text)
            for _, extractors in self.case_sensitive_filter.iter(stripped):
                for e in extractors:
                    if id(e) not in anchored:
                        whole[id(e)] = e
            for _, extractors in self.case_insensitive_filter.iter(stripped.lower()):
                for e in extractors:
                    if id(e) not in anchored:
                        whole[id(e)] = e
            # The text after every number, joined (NUL between): one automaton pass, each
            # hit mapped back to its number by offset.
            numbers = [m for m in _NUMBER.finditer(text)]
            pieces, offsets, pos = [], [], 0
            for m in numbers:
                piece = _strip_ws(text[m.end():m.end() + window])
                offsets.append(pos)
                pieces.append(piece)
                pos += len(piece) + 1
            after = "\x00".join(pieces)
            at: dict[int, list[int]] = {}
            for source in (after, after.lower()):
                auto = self.case_sensitive_filter if source is after else \
                    self.case_insensitive_filter
                for end, extractors in auto.iter(source):
                    start = numbers[bisect_right(offsets, end) - 1].start()
                    for e in extractors:
                        if id(e) in anchored:
                            at.setdefault(id(e), set()).add(start)
            at = {k: sorted(v) for k, v in at.items()}
            return whole, at

        def get_extractors(self, text: str):
            whole, at = self._choose(text)
            chosen = {**whole, **{k: by_id[k] for k in at}}
            return [chosen[k] for k in sorted(chosen, key=rank.__getitem__)]

        def extract_tokens(self, text):
            whole, at = self._choose(text)
            for k in sorted({*whole, *at}, key=rank.__getitem__):
                if k in whole:
                    e = whole[k]
                    for m in e.get_matches(text):
                        yield e.get_token(m)
                    continue
                e = by_id[k]
                regex = e.compiled_regex
                for start, end in _regions(at[k], reach, len(text)):
                    for m in regex.finditer(text, start, end):
                        yield e.get_token(m)

    by_id = {id(e): e for e in EXTRACTORS}
    return FastTokenizer()


def _regions(starts: list[int], reach: int, size: int):
    """Merged [number - 1, number + reach) spans: the separator before a volume belongs to
    eyecite's pattern."""
    begin = end = None
    for s in starts:
        a, b = max(0, s - 1), min(size, s + reach)
        if end is not None and a <= end:
            end = max(end, b)
            continue
        if end is not None:
            yield begin, end
        begin, end = a, b
    if end is not None:
        yield begin, end
