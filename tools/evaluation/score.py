"""Pure comparisons of what a reader found with what the labels say.

Every function takes plain data (strings, lists, dicts), so the tests can pin them on tiny
fixtures without running a reader.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher

# Note first words are matched loosely enough to survive what extraction does to a few words
# (a ligature, a hyphen split at a line end, a curly quote read as straight) and strictly
# enough that the opening words of another note (same marker, other text) never match: two
# six-word openings that share 85 % of their characters are the same words.
FIRST_WORDS_RATIO = 0.85
# A title is the case name or the document's heading; readers trim or extend it ("ET AL.",
# reporter cite) so only a rough likeness is asked: 70 % of characters shared.
TITLE_RATIO = 0.7

_WORD_RE = re.compile(r"\w+")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def words(text: str) -> list[str]:
    """Lower-cased word tokens after Unicode compatibility folding (ligatures, wide forms)."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES).casefold()
    return _WORD_RE.findall(text)


def norm_marker(marker: str | None) -> str:
    """A note marker without its printed dressing: `(1.)`, `[1]`, `1.` are all `1`."""
    return re.sub(r"[\s()\[\].,:]", "", unicodedata.normalize("NFKC", marker or ""))


def same_opening(label_words: str, note_text: str) -> bool:
    """Do a note's first words match a label's `first_words`?"""
    want = words(label_words)
    if not want:
        return True  # the label gives no words: the marker decides
    got = words(note_text)[: len(want)]
    if got == want:
        return True
    return SequenceMatcher(None, " ".join(want), " ".join(got)).ratio() >= FIRST_WORDS_RATIO


@dataclass
class NoteScore:
    expected: int
    found: int
    matched: int
    marker_only: int  # labelled notes whose marker was found but with other opening words
    missing: list[str] = field(default_factory=list)  # "marker: first words" of unmatched labels
    unexpected: list[str] = field(default_factory=list)  # found notes matching no label

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0


def score_notes(labelled: list[dict], found: list[tuple[str, str]]) -> NoteScore:
    """Match labelled notes ({marker, first_words}) with found (marker, text) one to one, in
    document order: each label takes the first unmatched note with its marker and opening."""
    taken = [False] * len(found)
    matched = marker_only = 0
    missing = []
    for label in labelled:
        marker = norm_marker(label.get("marker"))
        hit = None
        same_marker = False
        for i, (m, text) in enumerate(found):
            if taken[i] or norm_marker(m) != marker:
                continue
            same_marker = True
            if same_opening(label.get("first_words") or "", text):
                hit = i
                break
        if hit is None:
            marker_only += same_marker
            missing.append(f"{label.get('marker')}: {label.get('first_words') or ''}")
        else:
            taken[hit] = True
            matched += 1
    unexpected = [f"{m}: {' '.join(text.split()[:6])}" for (m, text), t in zip(found, taken)
                  if not t]
    return NoteScore(len(labelled), len(found), matched, marker_only, missing, unexpected)


def lcs(a: list, b: list) -> int:
    """Length of the longest common subsequence (page-number sequences are short)."""
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


@dataclass
class BreakScore:
    expected: int  # page breaks the labels imply: one before each page after the first
    found: int  # eop elements (less an allowed mark of the first page, see score_breaks)
    numbers_expected: int  # of the expected breaks, those into a page with a printed number
    numbers_found: int  # of those, found with that number, in order

    @property
    def ok(self) -> bool:
        return self.found == self.expected and self.numbers_found == self.numbers_expected


def score_breaks(printed: list[str | None], eops: list[str | None]) -> BreakScore:
    """Page breaks found (eop numbers in document order, None when unnumbered) against the
    labels' printed page numbers (one per page, None where none is printed).

    A source that marks where its first page begins (vendor XML's `Page 253`) may give an eop
    before any text: an eop with the first page's number at the very start is that mark, not
    a break, and is not counted."""
    eops = list(eops)
    if printed and printed[0] and eops and eops[0] == printed[0]:
        eops = eops[1:]
    wanted = [n for n in printed[1:] if n]
    got = [n for n in eops if n]
    return BreakScore(max(len(printed) - 1, 0), len(eops), len(wanted), lcs(wanted, got))


# A docket's core number, as CourtListener keys dockets (`Docket.docket_number_core`, made
# by `make_docket_number_core` in cl/lib/model_helpers.py): the two-digit year and the serial
# of the district form `2:12-cv-01032-JKG` or the appellate/bankruptcy form `12-1032`, whatever
# office prefix, case type, division or judges' initials surround them.  `C 04-0098 SI` (the
# caption) and `3:04-cv-00098-SI` (the e-filing stamp) are one case.  The serial is compared
# as a number (CourtListener pads it to five digits in one form and six in the other).
_DOCKET_CORE = re.compile(r"(?<![\w:.-])(?:\d:)?(?P<year>\d\d)-(?:[a-z]{2,4}-)?(?P<serial>\d+)(?![\d])")


def docket_core(part: str) -> str | None:
    """`3:04-cv-00098-SI` and `C 04-0098 SI` -> `04-98`; `MDL 15-02641-PHX-DGC` -> `15-2641`;
    None for a docket of another shape (`2009-1361`, `19031-13`, `S95A1445`)."""
    m = _DOCKET_CORE.search(part)
    return f"{m.group('year')}-{int(m.group('serial'))}" if m else None


def norm_docket(docket: str | None) -> set[str]:
    """Docket numbers as a set of comparable keys: each number's core (`docket_core`) where it
    has the year-serial shape, else its tokens that hold a digit (`No. 11–889` and `11-889` are
    one key; words like `No.`, `Docket Nos.`, `Civ.`, `Record` go); `19031-13, 27735-13` is two
    keys."""
    if not docket:
        return set()
    text = unicodedata.normalize("NFKC", docket).casefold()
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    keys = set()
    for part in re.split(r",|;|&|\band\b", text):
        core = docket_core(part)
        if core:
            keys.add(core)
            continue
        # PACER's office prefix (`5:17-cv-00072`) is often left out of the caption's number.
        part = re.sub(r"(?<![\w:])\d:(?=\d)", "", part)
        tokens = [t for t in re.findall(r"[\w:-]+", part) if re.search(r"\d", t)]
        if tokens:
            keys.add(" ".join(tokens).strip("-"))
    return keys


def docket_result(labelled: str | None, found: list[str]) -> str:
    """'match' (the same numbers), 'partial' (some shared), 'differ', 'missing' (none found)
    or 'unlabelled'."""
    want = norm_docket(labelled)
    if not want:
        return "unlabelled"
    got = set().union(*(norm_docket(d) for d in found)) if found else set()
    if not got:
        return "missing"
    if got == want:
        return "match"
    return "partial" if got & want else "differ"


def value_result(labelled: str | None, found: str | None) -> str:
    if not labelled:
        return "unlabelled"
    if not found:
        return "missing"
    return "match" if labelled == found else "differ"


def norm_name(name: str | None) -> str:
    return " ".join(words((name or "").replace("U.S.", "United States")))


def court_result(label_id: str | None, label_name: str, found_id: str | None,
                 found_name: str | None) -> str:
    """Court by courts-db id when both sides have one, else by name (a reader that names the
    court as printed without resolving it still names it right)."""
    if not label_name:
        return "unlabelled"
    if not found_id and not found_name:
        return "missing"
    if label_id and found_id:
        return "match" if found_id == label_id else "differ"
    return "match" if norm_name(found_name) == norm_name(label_name) else "differ"


def title_result(labelled: str | None, found: list[str]) -> str:
    """'match' when any title the AKN carries (FRBRname, docTitle) is like the label's."""
    if not labelled:
        return "unlabelled"
    if not found:
        return "missing"
    want = " ".join(words(labelled))
    best = max(SequenceMatcher(None, want, " ".join(words(f))).ratio() for f in found)
    return "match" if best >= TITLE_RATIO else "differ"


def surname(name: str | None) -> str:
    """The last word of a person's name, folded: `Blair T. O’Connor` -> `o'connor`."""
    w = words(name or "")
    return w[-1] if w else ""


@dataclass
class WritingScore:
    expected: list[str]  # labelled kinds in order
    found: list[str]
    kinds_match: bool
    authors_expected: int  # labelled writings with an author
    authors_matched: int  # of those, found at the same position with the same surname
    authors_found: list[str | None] = field(default_factory=list)


# Labels write "per curiam", the readers "perCuriam"; labels may say "concurring": one
# spelling of each kind is compared.
_KIND_ALIASES = {"concurring": "concurrence", "dissenting": "dissent"}


def norm_kind(kind: str | None) -> str:
    k = re.sub(r"[^a-z]", "", (kind or "").lower())
    return _KIND_ALIASES.get(k, k)


def score_writings(labelled: list[dict], found: list[tuple[str, str | None]]) -> WritingScore:
    """Writings: kinds in order, and each labelled author's surname at the same position."""
    want = [norm_kind(w.get("kind")) for w in labelled]
    got = [norm_kind(k) for k, _ in found]
    authors = [w.get("author") for w in labelled]
    matched = sum(1 for i, a in enumerate(authors)
                  if a and i < len(found) and surname(found[i][1]) == surname(a))
    return WritingScore(want, got, want == got, sum(1 for a in authors if a), matched,
                        [a for _, a in found])
