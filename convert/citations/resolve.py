"""Resolve found citations to the references they name.

In: `Found` citations in reading order (see `find`) and the opinion's own citations.  Out:
`Mark`s (a span of a segment to wrap, and its `Reference`) and the `Reference`s in order of
first mention.

- A full citation (case, neutral, statute, journal, slip opinion) names a reference; the same
  citation again names the same one.  Parallel citations (eyecite gives them the same
  case-name start, and only a pin cite stands between them) become one mark and one reference.
- A short cite ("563 U.S. at 741") names the earlier case with that volume and reporter (its
  case name decides between several); with none, it is a reference of its own, unlinked.
- "Id." names the reference of the citation just before it.  A record cite (`patterns.RECORD`)
  in between breaks the chain: that id. cites the record and stays plain, as does an "Id. at
  14" after a statute (a page pin cannot name a section).
- "supra" names the earlier case whose party name it repeats.
- The opinion's own citation ("2022-NCSC-1" in its caption) is never marked in its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import links
from .find import Found

PUBLIC_LAW = "Pub. L."  # eyecite's reporter for public laws ("Pub. L. No. 107-296")

# Between two parallel citations: a comma, optionally a pin cite of the first ("544, 555,").
_BETWEEN_PARALLEL = re.compile(r"^,\s*(?:(?:at\s+)?\*?\d+(?:-\d+)?(?:,\s*\*?\d+(?:-\d+)?)*,\s*)?$")


@dataclass
class Reference:
    key: str  # "550 U.S. 544", "42 U.S.C. § 1985": one per cited work
    kind: str
    href: str | None  # a public link, or None
    label: str  # the citation as first written
    cites: list[Found] = field(default_factory=list)  # the full citations naming it
    first: Found | None = None  # the citation that introduced it
    eid: str | None = None  # set when written to meta

    def parties(self) -> list[str]:
        return [p for f in self.cites for p in f.parties]


@dataclass
class Mark:
    found: Found  # the citation (the first, for parallel citations)
    reference: Reference
    start: int  # span in found.segment.text (covers every parallel citation)
    end: int
    parallel: list[Found] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.found.segment.text[self.start:self.end]


def key_of(f: Found) -> str:
    if f.kind == "law" and f.reporter == PUBLIC_LAW and f.volume and not f.page:
        return f"{PUBLIC_LAW} {f.volume}"  # "Pub. L. No. 107-296" and "Pub. L. 107-296"
    if f.kind == "law" and f.page:
        return f"{f.volume} {f.reporter} § {f.page}"
    if f.kind in ("slip", "law"):
        return re.sub(r"[\u2010-\u2015\u2212]", "-", " ".join(f.text.split()))
    return f"{f.volume} {f.reporter} {f.page}"


def href_of(f: Found) -> str | None:
    if f.kind == "law" and f.reporter == PUBLIC_LAW and not f.page:
        return links.public_law_href(f.volume)
    if f.kind == "law":
        return links.statute_href(f.reporter, f.extra.get("title"), f.extra.get("section"))
    if f.kind in ("case", "neutral"):
        return links.case_href(f.reporter, f.volume, f.page, f.cite_type)
    return None


def _same_name(guess: str | None, names: list[str]) -> bool:
    if not guess:
        return False
    g = guess.strip(" ,.").casefold()
    return any(g and g in n.casefold() for n in names)


# eyecite's bound for a pin cite past an opinion's first page (resolve.MAX_OPINION_PAGE_COUNT).
MAX_OPINION_PAGES = 150


def _depth(text: str, offset: int) -> int:
    """How many parentheses are open at `offset` of a segment's text."""
    before = text[:offset]
    return max(0, before.count("(") - before.count(")"))


def _pin_page(pin: str | None) -> int | None:
    m = re.match(r"^\D{0,4}?(\d+)", pin or "")
    return int(m.group(1)) if m else None


def _within(f: Found, ref: Reference) -> bool:
    """A short cite's page lies in one of the reference's opinions' page ranges."""
    page = _pin_page(f.page)
    if page is None:
        return True
    for c in ref.cites:
        if c.volume == f.volume and c.reporter == f.reporter and (c.page or "").isdigit():
            if int(c.page) <= page <= int(c.page) + MAX_OPINION_PAGES:
                return True
    return False


def _id_fits(f: Found, ref: Reference) -> bool:
    """The kind of pin cite an id. carries must fit what it names: a section ("Id. § 3")
    names a statute, a paragraph ("Id. ¶ 79") a neutral citation or the record, a page ("Id. at
    14") anything but a statute."""
    pin = (f.pin or "").lstrip()
    if pin.startswith("§"):
        return ref.kind == "law"
    if pin.startswith("¶"):
        return ref.kind == "neutral"
    if pin:
        return ref.kind != "law"
    return True


_SECTION_PIN = re.compile(r"^§\s*(?P<section>\d[\w.-]*?)(?=[(,;\s]|$)")


def _same_code(f: Found, ref: Reference, refs: dict | None = None) -> Reference:
    """"8 U.S.C. § 1158 ... Id. § 1225(b)": another section of the same code title."""
    m = _SECTION_PIN.match((f.pin or "").strip())
    law = ref.first
    if not m or not law.page or m["section"] == law.extra.get("section"):
        return ref
    title, section = law.extra.get("title"), m["section"]
    key = f"{law.volume} {law.reporter} § {section}"
    return Reference(key, "law", links.statute_href(law.reporter, title, section),
                     f"{law.volume} {law.reporter} § {section}", first=_with_section(law, section))


def _with_section(law: Found, section: str) -> Found:
    from dataclasses import replace

    return replace(law, page=section, extra={**law.extra, "section": section})


def resolve(found: list[Found], own: set[str] = frozenset()) -> tuple[list[Mark], list[Reference]]:
    refs: dict[str, Reference] = {}
    order: list[Reference] = []
    marks: list[Mark] = []
    last: Reference | None = None  # what an id. would name
    last_at: tuple | None = None  # (segment, depth) of the citation `last` came from
    open_case: Mark | None = None  # the case mark a parallel citation may join

    def reference(f: Found) -> Reference:
        key = key_of(f)
        if key not in refs:
            refs[key] = Reference(key, f.kind, href_of(f), " ".join(f.text.split()), first=f)
            order.append(refs[key])
        ref = refs[key]
        if f.kind in ("case", "neutral"):
            ref.cites.append(f)
        return ref

    def _nested(f: Found) -> bool:
        """A citation inside the parenthetical of the citation before it ("(quoting X, 1 U.S.
        1)") is not what a following id. names: that is the citing work."""
        nonlocal last_at
        where = (id(f.segment), _depth(f.segment.text, f.start))
        if last_at is not None and last_at[0] == where[0] and where[1] > last_at[1]:
            return True
        last_at = where
        return False

    for f in found:
        prev, open_case = open_case, None
        if f.kind == "record":
            last, last_at = None, None
            continue
        if f.kind in ("case", "neutral", "law", "journal", "slip"):
            if key_of(f) in own:
                last = None
                continue
            if (prev is not None and f.kind in ("case", "neutral")
                    and prev.found.segment is f.segment and f.group is not None
                    and prev.found.group == f.group
                    and _BETWEEN_PARALLEL.match(f.segment.text[prev.end:f.start])):
                prev.end = f.end
                prev.parallel.append(f)
                refs.setdefault(key_of(f), prev.reference)
                prev.reference.cites.append(f)
                if prev.reference.href is None:
                    prev.reference.href = href_of(f)
                open_case = prev
                continue
            ref = reference(f)
            marks.append(Mark(f, ref, f.start, f.end))
            if not _nested(f):
                last = ref
            if f.kind in ("case", "neutral"):
                open_case = marks[-1]
        elif f.kind == "short":
            same = {id(r): r for r in refs.values()
                    if any(c.volume == f.volume and c.reporter == f.reporter for c in r.cites)}
            hits = list(same.values())
            if len(hits) > 1:
                hits = [r for r in hits if _within(f, r)]
            if len(hits) > 1:
                hits = [r for r in hits if _same_name(f.antecedent, r.parties())]
            if len(hits) == 1:
                ref = hits[0]
            else:  # no earlier full citation: a reference of its own, without a link
                ref = refs.setdefault(f"{f.volume} {f.reporter} at {f.page}", Reference(
                    f"{f.volume} {f.reporter} at {f.page}", "short", None,
                    " ".join(f.text.split())))
                if ref not in order:
                    order.append(ref)
            marks.append(Mark(f, ref, f.start, f.end))
            if not _nested(f):
                last = ref
        elif f.kind == "id":
            ref = last
            if ref is not None and not _id_fits(f, ref):
                ref = None
            if ref is not None and ref.kind == "law" and ref.first is not None:
                ref = _same_code(f, ref)
                if ref.key in refs:
                    ref = refs[ref.key]
                elif ref is not last:
                    refs[ref.key] = ref
                    order.append(ref)
            if ref is not None:
                marks.append(Mark(f, ref, f.start, f.end))
            last = ref
        elif f.kind == "supra":
            hits = {id(r): r for r in order if _same_name(f.antecedent, r.parties())}
            ref = next(iter(hits.values())) if len(hits) == 1 else None
            if ref is not None:
                marks.append(Mark(f, ref, f.start, f.end))
            last = ref
    used = {id(m.reference) for m in marks}
    return marks, [r for r in order if id(r) in used]
