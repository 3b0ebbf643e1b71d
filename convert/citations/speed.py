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
  number (or inside its token: "2001-Ohio-1341", a neutral citation) instead, and each is
  tried only where a match can begin, on the separator before such a number's volume: most
  are dropped, the rest make a few anchored attempts, not a scan of the paragraph, and what
  can match is unchanged (`tests/citations` compares the tokens with eyecite's own
  tokenizer).
- the prefilter hashes each extractor (a dataclass hashed through its repr) once per hit:
  `Tokenizer.get_extractors` here collects them by identity instead; what each hit adds is
  worked out once, when the automata are built, and the text is stripped of white space by
  `str.split` (eyecite's regex took 3x as long).
- two extractors have no prefilter string (reporters-db's regex variants of "S.W.2d") and
  scanned every paragraph: their pattern opens with the volume and a letter, so they run
  after each number followed by that letter, as the reporter extractors above.
- after every full case citation, `find.extract_reference_citations` compiles a new regex
  from that citation's party names and scans the rest of the text for "Name at 12"
  (`ReferenceCitation`).  We never mark those (`find._convert` drops them: a bare case name
  is no citation of ours), yet on the development corpus they were the largest single cost
  of the step, and one that grows with every unseen case name.  While our `find` runs
  (`installed()`), eyecite looks for none; every other kind it finds is unchanged, since
  eyecite's own overlap filter drops a reference citation in favour of any other.
"""

from __future__ import annotations

import gc
import re
import threading
from bisect import bisect_right
from contextlib import contextmanager
from functools import lru_cache

# A reporter or code pattern that opens with its volume or title number.
_ANCHORED = re.compile(r"\(\?P<(?:volume|title)>")
_NUMBER = re.compile(r"\d\S*(?:\s|\Z)")  # a token that opens with a digit
_SPACE = re.compile(r"\s")
# eyecite's pattern for a code named by a literal reporter and a subject ("N.Y. Penal Law").
_LITERAL_REPORTER = re.compile(r"\(\?:\^\|\[\^a-zA-Z0-9\]\)\(\(\?P<reporter>((?:\\.|[A-Za-z])+)")
# eyecite's pattern for a reporter with no prefilter string (reporters-db's regex variants of
# "S.W.2d"): the volume, one space, and a reporter that opens with this letter.
_VOLUME_LETTER = re.compile(r"\(\?:\^\|\[\^a-zA-Z0-9\]\)\(\(\?P<volume>\[1-9\]\\d\*\) "
                            r"\(\?P<reporter>([A-Za-z])")
# How far after a number (in text without white space) a reporter abbreviation may start:
# the number's own rest ("544," in "544, 127 S. Ct.") and a comma or "at".  Generous: only
# time depends on it.
WINDOW_AFTER_NUMBER = 12
# How far after a number a citation that starts there may end: the reporter (the longest in
# reporters-db is 78 characters), the page, "at" and a pin cite, and eyecite's look-aheads.
REACH_AFTER_NUMBER = 220

_installed = False


def install() -> None:
    """Patch eyecite's court look-up with the cached one (idempotent)."""
    global _installed
    if _installed:
        return
    import eyecite.helpers

    eyecite.helpers.get_court_by_paren = court_by_paren
    eyecite.helpers.re = _CompiledRegex()
    _installed = True


@lru_cache(maxsize=1024)
def _compiled(pattern, flags: int):
    import regex

    return regex.compile(pattern, flags)


class _CompiledRegex:
    """`eyecite.helpers` calls the `regex` module's functions with pattern strings
    (`re.match(r"\\(\\d{4}\\)", word)`, ~1,700 calls on seed 000); each call finds its
    compiled pattern in regex's cache through ~25 lines of Python (an import, a locale check,
    a key of six parts).  This stands in for the module there: the same patterns, compiled
    by `regex` once, looked up in a C-level memo.  Anything else is the module's own."""

    def __getattr__(self, name):
        import regex

        return getattr(regex, name)

    def match(self, pattern, string, flags=0, **kw):
        return _compiled(pattern, flags).match(string, **kw)

    def search(self, pattern, string, flags=0, **kw):
        return _compiled(pattern, flags).search(string, **kw)

    def sub(self, pattern, repl, string, count=0, flags=0, **kw):
        return _compiled(pattern, flags).sub(repl, string, count, **kw)

    def split(self, pattern, string, maxsplit=0, flags=0, **kw):
        return _compiled(pattern, flags).split(string, maxsplit, **kw)


def _no_reference_citations(citation, document) -> list:
    return []


_patch_lock = threading.Lock()
_patch_depth = 0  # how many `installed()` blocks are running (threads may share the process)
_reference_search = None  # eyecite's own `extract_reference_citations`, while patched


@contextmanager
def installed():
    """The cached court look-up (for good), and no reference-citation search (for the
    duration: a program that uses eyecite beside us still gets eyecite's own behaviour)."""
    global _patch_depth, _reference_search
    install()
    import eyecite.find

    with _patch_lock:
        if _patch_depth == 0:
            _reference_search = eyecite.find.extract_reference_citations
            eyecite.find.extract_reference_citations = _no_reference_citations
        _patch_depth += 1
    try:
        yield
    finally:
        with _patch_lock:
            _patch_depth -= 1
            if _patch_depth == 0:
                eyecite.find.extract_reference_citations = _reference_search


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


@contextmanager
def _gc_paused():
    """Importing eyecite and building the tokenizer make ~100,000 objects that live as long
    as the process; the cyclic collector would walk the growing heap again and again while
    they are made (~35 ms of a one-file run).  Nothing made here is garbage."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@lru_cache(maxsize=1)
def tokenizer():
    """eyecite's Aho-Corasick tokenizer, with reporter extractors run only where they can
    match (see the module docstring), and extractors kept in eyecite's own order (its sets
    iterate in an order that changes with the hash seed).  Built once per process."""
    with _gc_paused():
        return _build_tokenizer()


def _build_tokenizer():
    import ahocorasick
    from eyecite.tokenizers import EXTRACTORS, AhocorasickTokenizer, _strip_ws

    rank = {id(e): k for k, e in enumerate(EXTRACTORS)}
    by_id = {id(e): e for e in EXTRACTORS}
    # Where the volume group comes first (within eyecite's fixed regex prefix), the reporter
    # follows the number.
    anchored = {id(e) for e in EXTRACTORS if e.strings and _ANCHORED.search(e.regex[:40])}
    # How far after a number a reporter abbreviation may start, in text without spaces.
    window = WINDOW_AFTER_NUMBER
    # A citation starting at a number ends within this many characters of it.
    reach = REACH_AFTER_NUMBER
    # Extractors without prefilter strings whose pattern opens with a literal reporter
    # ("N.Y. Penal Law § 5"): run only when that literal occurs.
    needs = {}
    for e in EXTRACTORS:
        m = _LITERAL_REPORTER.match(e.regex)
        if not e.strings and m:
            needs[id(e)] = re.sub(r"\\(.)", r"\1", m.group(1))

    def automaton(items):
        grouped: dict[str, list] = {}
        for key, e in items:
            grouped.setdefault(key, []).append(e)
        auto = ahocorasick.Automaton()
        for key, extractors in grouped.items():
            # Per hit: the extractors to run on all the text, and the reporter extractors
            # to run after a number (computed here once, not at every hit).
            free = {id(e): e for e in extractors if id(e) not in anchored}
            after_number = tuple(id(e) for e in extractors if id(e) in anchored)
            auto.add_word(key, (len(key), free, after_number))
        auto.make_automaton()
        return auto

    sensitive = automaton((_strip_ws(s), e) for e in EXTRACTORS
                          if e.strings and not e.flags & re.I for s in e.strings)
    insensitive = automaton((_strip_ws(s).lower(), e) for e in EXTRACTORS
                            if e.strings and e.flags & re.I for s in e.strings)
    # Those with no prefilter string that open with "VOLUME Letter" run after each number
    # followed by that letter; the rest with none run on all the text.
    triggers = {}
    for e in EXTRACTORS:
        m = _VOLUME_LETTER.match(e.regex)
        if not e.strings and m and not e.flags & re.I:
            triggers[id(e)] = re.compile(r"[1-9]\d* " + m.group(1))
    unfiltered = {id(e): e for e in EXTRACTORS if not e.strings and id(e) not in triggers}

    class FastTokenizer(AhocorasickTokenizer):
        def __post_init__(self):
            pass  # its automata are built once above, with the string lengths

        def _choose(self, text: str):
            """(extractors to run on all the text, {extractor id: [(start, end) of the
            numbers it may follow]})."""
            whole = {k: e for k, e in unfiltered.items() if k not in needs or needs[k] in text}
            # One pass of each automaton over the text without white space; a reporter
            # extractor counts only where its abbreviation starts within `window` of the end
            # of a number ("550 U.S."), and then runs after that number only.
            stripped = _no_space(text)
            numbers = [m for m in _NUMBER.finditer(text)]
            ends = _stripped_offsets(text, [m.end() for m in numbers], stripped)
            begins = _stripped_offsets(text, [m.start() for m in numbers], stripped)
            at: dict[int, set] = {}
            for source, auto in ((stripped, sensitive), (stripped.lower(), insensitive)):
                for end, (length, free, after_number) in auto.iter(source):
                    if free:
                        whole.update(free)
                    if not after_number:
                        continue
                    start = end + 1 - length
                    # the number whose token holds the abbreviation ("2001-Ohio-1341", a
                    # neutral citation), else the last one before it
                    n = bisect_right(begins, start) - 1
                    if n >= 0 and start - ends[n] <= window:
                        number = numbers[n].span()
                        for k in after_number:
                            at.setdefault(k, set()).add(number)
            chosen = {k: sorted(v) for k, v in at.items()}
            for k, trigger in triggers.items():
                # the trigger starts on the volume itself: the separator before it, or the
                # volume at the text's start, begins the match
                starts = [(m.start(), m.start() + 1) for m in trigger.finditer(text)]
                if starts:
                    chosen[k] = starts
            return whole, chosen

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
                for m in _matches_at(e.compiled_regex, text, at[k], reach):
                    yield e.get_token(m)

    return FastTokenizer()


def _no_space(text: str) -> str:
    """`text` without its white space: eyecite's `_strip_ws` (a regex), 3x faster."""
    return "".join(text.split())


def _stripped_offsets(text: str, offsets: list[int], stripped: str) -> list[int]:
    """Where ascending offsets of `text` fall once its white space is removed (`stripped`)."""
    out, spaces, last = [], 0, 0
    if len(stripped) + text.count(" ") == len(text):  # its only white space is " " (cleaned)
        count = text.count
        for offset in offsets:
            spaces += count(" ", last, offset)
            last = offset
            out.append(offset - spaces)
        return out
    findall = _SPACE.findall
    for offset in offsets:
        spaces += len(findall(text, last, offset))
        last = offset
        out.append(offset - spaces)
    return out


def _regions(numbers: list[tuple[int, int]], reach: int, size: int):
    """Merged [number - 1, number + reach) spans, each with its numbers: the separator before
    a volume belongs to eyecite's pattern."""
    begin = end = None
    members: list[tuple[int, int]] = []
    for number in numbers:
        a, b = max(0, number[0] - 1), min(size, number[0] + reach)
        if end is not None and a <= end:
            end = max(end, b)
            members.append(number)
            continue
        if end is not None:
            yield begin, end, members
        begin, end, members = a, b, [number]
    if end is not None:
        yield begin, end, members


def _matches_at(regex, text: str, numbers: list[tuple[int, int]], reach: int):
    """What `regex.finditer` finds in the regions after the numbers (`_regions`), tried only
    where a match can begin.  A reporter pattern opens with `(?:^|[^a-zA-Z0-9])` and the
    volume, so its match begins on the separator before a volume, and a volume begins within
    a number's token (`550`, `12/550`): trying those few places, not every place up to
    `reach` after each number, gives the same matches in the same order (a match's end is
    where the search goes on, as in `finditer`)."""
    for begin, end, members in _regions(numbers, reach, len(text)):
        pos = begin
        for start, stop in members:
            p = max(pos, start - 1)
            while p < stop:
                m = regex.match(text, p, end)
                if m is None:
                    p += 1
                    continue
                yield m
                pos = p = m.end() if m.end() > p else p + 1
