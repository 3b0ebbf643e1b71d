"""Find citations in segments: eyecite on cleaned text, plus the forms of `patterns`.

In: `Segment`s (see `segments`).  Out: `Found` citations in reading order, each with its span
in its segment's text (so `segment.text[start:end]` is exactly the cited text), its kind and
the parts a citation table needs.  eyecite is imported here, when the step runs, not when
the package is imported.
"""

from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache

from . import patterns
from .clean import Cleaned, clean
from .segments import Joined, Segment, joined

# A segment with neither a digit nor an id./ibid./supra holds no citation eyecite can find.
_MAY_CITE = re.compile(r"\d|\b(?:id|ibid|supra)\b", re.IGNORECASE)

# How far before " at 14" the abbreviated name of a paper may start ("Mot. Dismiss Mem.").
RECORD_NAME_CHARS = 40

KINDS = ("case", "short", "id", "supra", "law", "journal", "neutral", "slip", "record")


@dataclass
class Found:
    kind: str
    segment: Segment
    start: int  # span in segment.text
    end: int
    reporter: str | None = None
    volume: str | None = None
    page: str | None = None
    pin: str | None = None
    year: int | None = None
    court: str | None = None
    parties: tuple[str, ...] = ()  # plaintiff and defendant as eyecite read them
    antecedent: str | None = None  # the name a short cite or supra gives ("Twombly")
    group: int | None = None  # eyecite's case-name start: parallel cites share it
    cite_type: str | None = None  # reporters-db cite_type of the reporter
    extra: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.segment.text[self.start:self.end]

    def order(self) -> tuple:
        return self.segment.order(self.start)


@contextmanager
def _quiet():
    """eyecite logs a warning for each overlap it resolves ("Unknown overlap case"); they are
    not the user's concern."""
    logger = logging.getLogger("eyecite")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


@lru_cache(maxsize=1)
def _neutral_reporters() -> frozenset[str]:
    from reporters_db import REPORTERS

    return frozenset(key for key, editions in REPORTERS.items()
                     if any(e.get("cite_type") == "neutral" for e in editions)) \
        | frozenset(patterns.NEUTRAL_EXTRA)


def find(segments: list[Segment]) -> list[Found]:
    from . import speed

    tokenizer = speed.tokenizer()  # first: it imports eyecite, the way that costs least
    from eyecite import get_citations

    found: list[Found] = []
    with _quiet(), speed.installed():
        for seg in joined(segments):
            if not _MAY_CITE.search(seg.text):
                continue
            cleaned = clean(seg.text)
            cites = get_citations(cleaned.text, tokenizer=tokenizer)
            ours = [f for f in (_convert(c, seg, cleaned) for c in cites) if f is not None]
            ours += _patterns(seg, cleaned, ours)
            found += [seg.place(f) for f in ours] if isinstance(seg, Joined) else ours
    found.sort(key=Found.order)
    return found


def _convert(cite, seg: Segment, cleaned: Cleaned) -> Found | None:
    from eyecite import models as m

    kinds = ((m.FullCaseCitation, "case"), (m.ShortCaseCitation, "short"),
             (m.IdCitation, "id"), (m.SupraCitation, "supra"), (m.FullLawCitation, "law"),
             (m.FullJournalCitation, "journal"))
    kind = next((name for cls, name in kinds if isinstance(cite, cls)), None)
    if kind is None:  # UnknownCitation ("§ 1985" alone), ReferenceCitation (a bare case name)
        return None
    meta = cite.metadata
    a, b = cite.span()
    pin = (getattr(meta, "pin_cite", None) or "").strip()
    if kind == "law" and pin.startswith("(") and cleaned.text.startswith(pin, b):
        b += len(pin)  # "42 U.S.C. § 1985(3)": the subsection is part of what is cited
    elif kind == "law" and "§" not in cleaned.text[a:b]:
        # "Pub. L. 104-208, 110 Stat. 3009", "Pub. L. No. 93-344.": the law's number
        number = patterns.LAW_NUMBER.search(cleaned.text, a, b)
        if number:
            b = number.end()
        elif "," in cleaned.text[a:b]:
            b = cleaned.text.index(",", a)
    elif kind == "id" and not pin:
        m = patterns.ID_SECTION.match(cleaned.text, b) or patterns.ID_PIN.match(cleaned.text, b)
        if m:  # "Id. § 1225(b)(1)": the section is what the id. cites; "Id. at 5 (citing"
            pin, b = m.group(1), m.end()
    elif kind == "short":
        b = max(b, cite.token.end)  # eyecite 2.7.8 may end a short cite's span before its page
    start, end = cleaned.span(a, b)
    groups = getattr(cite, "groups", {}) or {}
    f = Found(kind, seg, start, end)
    f.pin = pin or None
    if kind in ("case", "short", "law", "journal"):
        f.reporter = cite.corrected_reporter()
        f.volume = groups.get("volume") or groups.get("title") or groups.get("chapter")
        f.page = groups.get("page") or groups.get("section")
        edition = getattr(cite, "edition_guess", None)
        f.cite_type = edition.reporter.cite_type if edition is not None else None
        f.court = getattr(meta, "court", None)
    if kind == "case":
        f.year = getattr(cite, "year", None)
        _mend_year(f, cite, cleaned, b)
        f.parties = tuple(p for p in (meta.plaintiff, meta.defendant) if p)
        f.group = cite.full_span_start
    if kind in ("short", "supra"):
        f.antecedent = meta.antecedent_guess
    if kind == "law":
        f.extra["title"] = groups.get("title") or groups.get("chapter")  # C.F.R.: "chapter"
        f.extra["section"] = groups.get("section")
        if "§" not in cleaned.text[a:b]:  # a public law or session law: cited by its number
            f.page = None
    if kind == "neutral" or f.cite_type == "neutral":
        f.kind = "neutral" if kind == "case" else kind
    return f


# The parenthetical that closes a full citation: after the pin cite, before anything else.
#   "371 U.S. 178, 182 (1962)"   "82 F.3d 1085, 1099 (D.C. Cir. 1996)"   "2019 WL 1, at *4-5 (D.D.C. 2019)"
_CLOSING_PAREN = re.compile(r"^(?:[\s,\d*&-]|at\s|nn?\.\s?)*\(([^()]*)\)")
_PAREN_YEAR = re.compile(r"(?:^|[\s,])(1[6-9]\d\d|20\d\d)$")


def _mend_year(f: Found, cite, cleaned: Cleaned, end: int) -> None:
    """eyecite 2.7.8 can read past a citation's own parenthetical into the next one, when the
    sentence that follows opens with a curly quote ("(1962). “Amendments ... (D.D.C. 2013)"),
    and take that one's year and court.  The closing parenthetical decides."""
    m = _CLOSING_PAREN.match(cleaned.text[end:])
    y = _PAREN_YEAR.search(m.group(1)) if m else None
    if not y or int(y.group(1)) == f.year:
        return
    from . import speed

    f.year = int(y.group(1))
    court_text = m.group(1)[:y.start()].strip(" ,")
    court_text = re.sub(r"\b[A-Z][a-z]{2,4}\.?\s+\d{1,2}$", "", court_text).strip(" ,")  # "Mar. 1"
    if re.search(r"[A-Za-z]", court_text):
        f.court = speed.court_by_paren(court_text)
    elif f.court != "scotus":  # eyecite knows the Supreme Court from its reporters
        f.court = None


def _patterns(seg: Segment, cleaned: Cleaned, taken: list[Found]) -> list[Found]:
    """The hand-written forms, where eyecite found nothing at the same place."""
    spans = [(f.start, f.end) for f in taken]

    def free(a, b):
        return all(b <= s or a >= e for s, e in spans)

    out: list[Found] = []
    text = cleaned.text
    for m in patterns.NEUTRAL_HYPHEN.finditer(text):
        start, end = cleaned.span(*m.span())
        if m["reporter"] in _neutral_reporters() and free(start, end):
            out.append(Found("neutral", seg, start, end, reporter=m["reporter"],
                             volume=m["year"], page=m["page"], year=int(m["year"]),
                             cite_type=None if m["reporter"] in patterns.NEUTRAL_EXTRA
                             else "neutral"))
            spans.append((start, end))
    for m in patterns.SLIP_OPINION.finditer(text) if "slip" in text else ():
        start, end = cleaned.span(*m.span())
        if free(start, end):
            out.append(Found("slip", seg, start, end, page=None, pin=m["pin"],
                             extra={"docket": m["docket"]}))
            spans.append((start, end))
    records = [m.span() for m in patterns.RECORD.finditer(text)]
    for m in patterns.RECORD_AT.finditer(text):
        name = patterns.RECORD_AT_NAME.search(text, max(0, m.start() - RECORD_NAME_CHARS),
                                              m.start() + 1)
        if name:
            records.append((name.start(), m.end()))
    for a, b in sorted(records):
        start, end = cleaned.span(a, b)
        if free(start, end):
            out.append(Found("record", seg, start, end))
    return out
