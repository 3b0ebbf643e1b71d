"""Fastcase vendor files: an XML `<Case>` record whose `HeaderHtml` and `CaseHtml` hold the
opinion as escaped, loosely formed HTML.

- Metadata from the record: `CourtName`, `DocketNumber`s, `DecisionDate`, `Citations` (each
  citation's reporter is a page series; its volume tells page markers from citations in the
  text), `Author` (the first writing's author line).
- `HeaderHtml` and the part of `CaseHtml` before the first author line -> header.
- Writings: the first starts at its author line (`Author`, or the first byline at or after
  it); later ones at bylines such as `READ, J. (concurring).`.
- `[vol Rptr page]` markers for the case's own citations -> page breaks of that reporter's
  series; a marker alone on its line gives its breaks to the next paragraph, rejoining a
  paragraph the page break cut (see `flow`).
- Note calls are anchors named `fnN`/`frN` (in `sup`/`small`) before the notes separator
  (`--------` or `Notes:`); bodies are the paragraphs after it that open with such an
  anchor (or `FN*`), continued by the paragraphs that follow them.
"""

from __future__ import annotations

import re
from datetime import date

from ...document import Document, Meta, Note, P, PageBreak, Quote, Span
from ...errors import ConvertError
from .. import ReadReport
from ..caption import decision_date
from .sniff import fastcase as sniff  # noqa: F401  (the registry's detector)
from . import flow, inline, notes, pages, safe

_NOTE_ANCHOR = re.compile(r"^#?f[nr]\W?(\*+|†|\d+|[a-z])$", re.I)
# The separator vendors print between the opinion and its notes.
_SEPARATOR = re.compile(r"^\s*(?:-{5,}|_{5,}|Notes?:)\s*$")
# A byline of a separate writing: "READ, J. (concurring).", "SMITH, Chief Judge, dissenting."
BYLINE = re.compile(
    r"^(?:.{0,40}\bby\s+)?(?P<name>[A-Z][A-Z'’\-]+(?:\s+[A-Z][A-Z'’\-]+)*),\s+"
    r"(?:(?:Chief|Presiding|Associate|Senior|Acting)\s+)?"
    r"(?:J|JJ|C\.\s?J|P\.\s?J|Judge|Justice|Presiding)\.?"
    r"(?P<rest>[^a-z]{0,4}(?:\(?\s*(?:concurring|dissenting)[^)]*\)?)?)\.?\s*$")
# Bylines are short: a paragraph longer than this is text, whatever it starts with.
BYLINE_MAX_WORDS = 16
# How many paragraphs after the record's `Author` line the first byline may sit (the Author
# field sometimes holds a heading such as "OPINION OF THE COURT" printed above the byline).
AUTHOR_SEARCH = 3
# Characters the vendor's export wrote as elements: `<gtdollargt>2 million` is "$2 million"
# (SE2d 592 S.E.2d 124: "award of <gtdollargt>1,000,000", which CAP prints "$1,000,000").
VENDOR_CHARACTERS = {"gtdollargt": "$"}
_BLOCKS = {"p", "div", "center", "blockquote", "table", "tr", "ul", "ol", "li", "h1", "h2",
           "h3", "h4", "h5", "h6", "body", "html"}


def writing_kind(rest: str) -> str:
    low = rest.lower()
    if "concur" in low and "dissent" in low:
        return "concurring-in-part-and-dissenting-in-part"
    if "dissent" in low:
        return "dissent"
    if "concur" in low:
        return "concurrence"
    return "majority"


class _Reader:
    def __init__(self, source: str, report: ReadReport, series: pages.Series):
        self.source = source
        self.report = report
        self.series = series
        self.calls: list[notes.Call] = []

    # ------------------------------------------------------------ inline

    def hook(self, el):
        tag = inline.local(el.tag)
        anchor = _note_anchor(el)
        if anchor is not None:
            note = Note(anchor)
            self.calls.append(notes.Call(note))
            return [note]
        if tag in _BLOCKS:
            return [" ", *inline.inlines(el, self.hook), " "]
        return None

    def accept(self, text: str):
        """Page breaks for a marker of the case's own series, else None (text stays)."""
        cites = pages.cites_in(text)
        if not cites or not all(self.series.knows(c) for c in cites):
            return None
        self.report.remove("page-marker", text)
        return [PageBreak(c.page, series=self.series.name(c.reporter),
                          rank=self.series.rank(c.reporter)) for c in cites]

    # ------------------------------------------------------------ blocks

    def units(self, el, quote: bool = False) -> list[flow.Unit]:
        """Flatten loosely nested HTML into paragraphs: every block element (and every run of
        inline content between blocks) is one unit."""
        out: list[flow.Unit] = []
        current: list = []

        def flush():
            nonlocal current
            if current:
                out.append(flow.Unit("quote" if quote else "p", self.markers(current)))
            current = []

        if el.text:
            current.append(el.text)
        children = list(el)
        for k, child in enumerate(children):
            tag = inline.local(child.tag)
            if tag == "br" and _double_break(children, k):
                flush()  # a blank line (<br><br>) ends a paragraph
            elif tag == "br" and k and _double_break(children, k - 1):
                pass
            elif tag and (tag in _BLOCKS or _has_block(child)) and _note_anchor(child) is None:
                flush()
                out.extend(self.units(child, quote or tag == "blockquote"))
            elif tag:
                got = self.hook(child)
                current.extend(inline.element(child, self.hook) if got is None else got)
            if child.tail:
                current.append(child.tail)
        flush()
        return out

    def markers(self, content: list) -> list:
        return inline.split_markers(content, self.accept)


def _note_anchor(el) -> str | None:
    """The marker of a note anchor (`a` named fnN/frN, or a sup/small holding only one)."""
    tag = inline.local(el.tag)
    if tag in ("sup", "small") and len(el) == 1 and not (el.text or "").strip() \
            and not (el[0].tail or "").strip():
        return _note_anchor(el[0])
    if tag != "a":
        return None
    for attr in ("name", "href"):
        if _NOTE_ANCHOR.match(el.get(attr) or ""):
            return notes.norm_marker(el.text_content()) or None
    return None


def _double_break(children, k: int) -> bool:
    """children[k] is a <br> directly followed (only whitespace between) by another."""
    return (k + 1 < len(children) and inline.local(children[k].tag) == "br"
            and inline.local(children[k + 1].tag) == "br"
            and not (children[k].tail or "").strip())


def _has_block(el) -> bool:
    return any(inline.local(d.tag) in _BLOCKS for d in el.iterdescendants())


def _field(root, name: str) -> str:
    el = root.find(f".//{name}")
    return " ".join((el.text or "").split()) if el is not None and el.text else ""


def _iso(text: str) -> str | None:
    """`2010-12-3` or `09-30-2014` (the record's two forms) or a written date."""
    text = text.strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    ymd = m.groups() if m else None
    m = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", text)
    if m:
        ymd = (m.group(3), m.group(1), m.group(2))
    if ymd:
        try:
            return date(*map(int, ymd)).isoformat()
        except ValueError:
            return None
    return decision_date(text)


def read(source: str, data: bytes) -> tuple[Document, ReadReport]:
    report = ReadReport(source)
    record = safe.parse_xml(source, data)
    if inline.local(record.tag) != "case":
        raise ConvertError(source, f"not a Fastcase record: root element is <{record.tag}>")
    series = pages.Series()
    for cite in record.iter("Citation"):
        reporter, volume = _field(cite, "Reporter"), _field(cite, "Volume")
        if reporter:
            series.add(reporter, volume)
    r = _Reader(source, report, series)
    header_html = record.findtext(".//HeaderHtml") or ""
    case_html = record.findtext(".//CaseHtml") or ""
    if not case_html.strip():
        raise ConvertError(source, "the Fastcase record has no CaseHtml (no opinion text)")
    header_units = []
    if header_html.strip():
        header_units = r.units(_html(source, header_html, report))
    body_units = r.units(_html(source, case_html, report))
    body_units, bodies = _split_notes(body_units, r)
    used_series(series, header_units + body_units)
    start = _first_writing(body_units, _field(record, "Author"))
    while start > 0 and flow.only_breaks(flow.squash(body_units[start - 1].content)):
        start -= 1  # a page that begins at the byline belongs to the writing
    header_units += body_units[:start]
    writings = _writings(body_units[start:])
    leftover = notes.attach(r.calls, bodies, report.warnings)
    for body in leftover:
        report.warnings.append(f"footnote {body.marker}: no call in the text; kept as a note "
                               f"at the end of the last writing")
        writings[-1].units.append(flow.Unit("p", [Note(body.marker, body.blocks)]))
    dockets = [" ".join((d.text or "").split()) for d in record.iter("DocketNumber")]
    meta = Meta(court_name=_field(record, "CourtName").rstrip(".") or None,
                docket=_docket(dockets), date=_iso(_field(record, "DecisionDate")),
                title=_field(record, "ShortName") or None)
    return flow.assemble(Document(meta=meta), header_units, writings), report


def _html(source: str, text: str, report: ReadReport):
    root = safe.parse_html(source, text.encode(), report.warnings)
    for tag, char in VENDOR_CHARACTERS.items():
        for el in list(root.iter(tag)):
            el.text = char + (el.text or "")
            el.drop_tag()  # its text and children stay where they are
    return root


def _docket(dockets: list[str]) -> str | None:
    """The docket numbers the record lists, unless they are really a date ("Feb. 24",
    "2011.")."""
    joined = ", ".join(d for d in dockets if d)
    if not joined or decision_date(joined.replace(".,", ".")):
        return None
    return joined


def used_series(series: pages.Series, units: list[flow.Unit]) -> None:
    """Rank only the reporters whose pages the text marks, in the record's citation order."""
    seen: list[str] = []
    for unit in units:
        for brk in flow.breaks_of(unit.content):
            if brk.series not in seen:
                seen.append(brk.series)
    ranks = {name: k for k, name in enumerate(
        [series.names[key] for key in series.ranks if series.names[key] in seen], 1)}
    single = len(ranks) <= 1
    for unit in units:
        for brk in flow.breaks_of(unit.content):
            brk.rank = None if single else ranks[brk.series]
            if single:
                brk.series = None


def _split_notes(units: list[flow.Unit], r: _Reader):
    """(text units, note bodies): bodies follow the separator line."""
    cut = next((k for k, u in enumerate(units)
                if _SEPARATOR.match(flow.visible(u.content))), None)
    if cut is None:
        return units, []
    bodies: list[notes.Body] = []
    labels: set[int] = set()
    for unit in units[cut + 1:]:
        content = flow.squash(unit.content)
        if not content or _SEPARATOR.match(flow.visible(content)):
            continue
        label = content[0] if content and isinstance(content[0], Note) else None
        fn = re.match(r"^\s*FN\s*(\*+|†|\d+)\.?\s", flow.visible(content))
        if label is not None:
            labels.add(id(label))
            content = flow.squash(content[1:])
        block = Quote([P(content)]) if unit.kind == "quote" else P(content)
        if label is not None:
            bodies.append(notes.Body(label.marker, [block]))
        elif fn and not bodies:
            bodies.append(notes.Body(notes.norm_marker(fn.group(1)), [block]))
        elif bodies:
            bodies[-1].blocks.append(block)
    r.calls[:] = [c for c in r.calls if id(c.note) not in labels]
    # Calls found after the separator were labels of bodies, not calls.
    return units[:cut], bodies


def _first_writing(units: list[flow.Unit], author: str) -> int:
    """Index of the first writing's author line in the opinion's units (0 when none)."""
    want = " ".join(author.split()).rstrip(".").lower()
    at = None
    if want:
        for k, u in enumerate(units):
            text = " ".join(flow.visible(u.content).split()).lower()
            if text.startswith(want):
                at = k
                break
    if at is None:
        return next((k for k, u in enumerate(units) if _byline(u)), 0)
    for k in range(at, min(at + AUTHOR_SEARCH + 1, len(units))):
        if _byline(units[k]):
            return k
    return at


def _byline(unit: flow.Unit):
    text = " ".join(flow.visible(unit.content).split())
    if unit.kind != "p" or not text or len(text.split()) > BYLINE_MAX_WORDS:
        return None
    return BYLINE.match(text)


def _writings(units: list[flow.Unit]) -> list[flow.WritingUnits]:
    writings: list[flow.WritingUnits] = []
    pending: list[flow.Unit] = []  # marker-only units: they belong to what follows them
    for unit in units:
        if flow.only_breaks(flow.squash(unit.content)):
            pending.append(unit)
            continue
        m = _byline(unit)
        if not m and pending:
            if not writings:
                writings.append(flow.WritingUnits("majority"))
            writings[-1].units.extend(pending)
            pending = []
        elif m:
            unit.content = [b for u in pending for b in u.content] + unit.content
            pending = []
        if m and (not writings or writing_kind(m.group("rest")) != "majority"
                  or not writings[-1].units):
            kind = writing_kind(m.group("rest")) if writings else "majority"
            name = m.group("name").split()[-1]
            author = name.title() if name.isupper() else name
            byline = [Span("opinion", flow.squash(unit.content), {"name": author})]
            writings.append(flow.WritingUnits(kind, author, byline))
            continue
        if not writings:
            writings.append(flow.WritingUnits("majority"))
        writings[-1].units.append(unit)
    if pending:
        if not writings:
            writings.append(flow.WritingUnits("majority"))
        writings[-1].units.extend(pending)
    return writings or [flow.WritingUnits("majority")]
