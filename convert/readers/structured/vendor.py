"""CourtListener's legacy vendor XML (`<opinion>` with `<caption>`, `<opinion_text>`, ...).

- Head elements (`reporter_caption`, `citation_line`, `caption`, `docket`, `court`, `date`,
  `attorneys`, `posture`, `panel`, `syllabus`, `hearing_date`) -> header paragraphs, in
  source order; `docket`, `court`, `date` and `reporter_caption` also give the metadata.
- `X_byline` + `X_text` (opinion, concurrence, dissent) -> one writing each, its kind from
  the element's name, its author from the byline (`CARLEY, Justice.` -> Carley).
- Text paragraphs are separated by blank lines; `block_quote` -> block quote.
- `footnote_reference` `[fnN]` -> a note call; `footnote_body` with `footnote_number`
  `[fnN]` -> its body, wherever the vendor put it (after the calling paragraph, at the end of
  the writing, inside `date`); notes restart per writing and pair in order (`notes`).  A
  `footnote_body` with no number is the vendor's editor's note, not the court's: it is kept
  as an editorial note (AKN meta/notes), with a warning.
- `page_number` `Page N` -> a page break; page breaks printed only as text (`CT Page 11005`,
  the Connecticut Law Reporter's) are page breaks too when their numbers run in sequence.
- `cross_reference` and `citation` -> `ref` when they cite a case (`264 Ga. 467`), text
  otherwise (statutes).
"""

from __future__ import annotations

import re

from ...document import Document, Meta, Note, P, PageBreak, Quote, Span
from ...errors import ConvertError
from .. import ReadReport
from ..caption import decision_date
from .sniff import vendor as sniff  # noqa: F401  (the registry's detector)
from . import flow, inline, notes, safe

HEAD = ("reporter_caption", "citation_line", "caption", "docket", "court", "date",
        "attorneys", "posture", "panel", "syllabus", "hearing_date")
WRITINGS = {"opinion": "majority", "concurrence": "concurrence", "dissent": "dissent"}
_PAGE = re.compile(r"^\s*Page\s+(\S+)\s*$")
# A page break printed as text: a reporter's capital abbreviation, "Page", the number
# ("CT Page 11005" in Connecticut Superior Court files).  Only numbers that run in sequence
# are taken (see _text_pages).
_TEXT_PAGE = re.compile(r"\b([A-Z]{2,4}) Page (\d{1,6})\b")
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_BLOCK = object()  # a paragraph boundary inside flattened content


class _Reader:
    def __init__(self, source: str, report: ReadReport, doc: Document):
        self.source = source
        self.report = report
        self.doc = doc
        self.calls: list[notes.Call] = []
        self.bodies: list[notes.Body] = []

    def hook(self, el):
        tag = inline.local(el.tag)
        if tag == "footnote_reference":
            note = Note(notes.norm_marker(_text(el)))
            # "[fn1]" is the vendor's way of printing the call "1": the marker stays.
            self.report.remove("note-label", _text(el).replace(note.marker, " ", 1))
            self.calls.append(notes.Call(note))
            return [note]
        if tag == "footnote_body":
            self.body(el)
            return [_BLOCK]
        if tag == "page_number":
            m = _PAGE.match(_text(el))
            if m:
                self.report.remove("page-number", _text(el).strip())
                return [PageBreak(m.group(1))]
            return [_text(el)]
        if tag in ("cross_reference", "citation"):
            text = _text(el)
            href = inline.citation_href(text)
            return [Span("ref", [text], {"href": href})] if href else [text]
        if tag == "block_quote":
            return [_Quote(self.flat(el))]
        if tag in ("center", "p"):
            return [_BLOCK, *self.flat(el), _BLOCK]
        if tag == "footnote_number":
            return []
        return None

    def flat(self, el) -> list:
        return inline.inlines(el, self.hook)

    def body(self, el) -> None:
        number = next((c for c in el if inline.local(c.tag) == "footnote_number"), None)
        blocks = [P(u.content) if u.kind == "p" else Quote([P(u.content)])
                  for u in flow.mend(units(self.flat(el)))]
        if number is None:
            self.doc.editorial_notes.append(blocks)
            self.report.remove("editorial-note", _text(el))  # moved to meta/notes
            self.report.warnings.append(
                "an unnumbered note is the vendor's editor's note, not the court's: kept as "
                "an editorial note")
            return
        self.report.remove("note-label", _text(number))
        self.bodies.append(notes.Body(notes.norm_marker(_text(number)), blocks))


class _Quote:
    def __init__(self, content: list):
        self.content = content


def units(content: list) -> list[flow.Unit]:
    """Split flattened content into paragraphs at blank lines and block boundaries."""
    out: list[flow.Unit] = []
    current: list = []

    def flush(kind="p"):
        nonlocal current
        if flow.squash(list(current)):
            out.append(flow.Unit(kind, current))
        current = []

    for item in content:
        if item is _BLOCK:
            flush()
        elif isinstance(item, _Quote):
            flush()
            for u in units(item.content):
                out.append(flow.Unit("quote", u.content))
        elif isinstance(item, str) and _BLANK_LINE.search(item):
            parts = _BLANK_LINE.split(item)
            for k, part in enumerate(parts):
                if k:
                    flush()
                current.append(part)
        else:
            current.append(item)
    flush()
    return out


def _text_pages(all_units: list[flow.Unit], report: ReadReport) -> None:
    """`CT Page 11005` in the text: a page break when the numbers run on by one."""
    found = []
    for unit in all_units:
        for k, item in enumerate(unit.content):
            if isinstance(item, str):
                for m in _TEXT_PAGE.finditer(item):
                    found.append((m.group(1), int(m.group(2))))
    runs: dict[str, list[int]] = {}
    for prefix, n in found:
        runs.setdefault(prefix, []).append(n)
    good = {p for p, ns in runs.items()
            if len(ns) >= 2 and all(b == a + 1 for a, b in zip(ns, ns[1:]))}
    if not good:
        return
    for unit in all_units:
        out = []
        for item in unit.content:
            if not isinstance(item, str):
                out.append(item)
                continue
            pos = 0
            for m in _TEXT_PAGE.finditer(item):
                if m.group(1) not in good:
                    continue
                out.append(item[pos:m.start()])
                out.append(PageBreak(m.group(2)))
                report.remove("page-number", m.group(0))
                pos = m.end()
            out.append(item[pos:])
        unit.content = [i for i in out if i != ""]


def _part(el) -> tuple[str | None, str | None]:
    """`dissent_byline` -> ("dissent", "byline"); other elements -> (None, None)."""
    base, _, part = inline.local(el.tag).rpartition("_")
    if base in WRITINGS and part in ("byline", "text"):
        return WRITINGS[base], part
    return None, None


def author_of(byline: str) -> str | None:
    """`CARLEY, Justice.` -> Carley; `Walters, J.` -> Walters."""
    m = re.match(r"\s*([A-Za-z'’\-]+)", byline)
    if not m:
        return None
    name = m.group(1)
    return name.title() if name.isupper() else name


def read(source: str, data: bytes) -> tuple[Document, ReadReport]:
    report = ReadReport(source)
    root = safe.parse_xml(source, data, report.warnings)
    if inline.local(root.tag) != "opinion":
        raise ConvertError(source, f"not CourtListener vendor XML: root element is "
                                   f"<{root.tag}>")
    doc = Document(meta=Meta())
    r = _Reader(source, report, doc)
    header: list[flow.Unit] = []
    writings: list[flow.WritingUnits] = []
    texts: dict[str, str] = {}
    conclusions: list[flow.Unit] = []
    closing = False  # past the writings: what follows is end matter
    children = [el for el in root if inline.local(el.tag)]
    has_byline = any(_part(el)[1] == "byline" for el in children)
    for el in children:
        tag = inline.local(el.tag)
        texts.setdefault(tag, " ".join(el.itertext()).strip())
        kind, part = _part(el)
        if part == "byline" and not closing:
            byline = flow.squash(r.flat(el))
            author = author_of(flow.visible(byline))
            if author:
                byline = [Span("opinion", byline, {"name": author})]
            writings.append(flow.WritingUnits(kind, author, byline))
        elif part == "text" and not closing and (writings or not has_byline):
            if not writings:
                writings.append(flow.WritingUnits(kind))
            elif writings[-1].kind != kind:
                # Text of another kind with no byline of its own, after the writings (a
                # "DECIDED ..." line, then posture and attorneys): the end matter.
                closing = True
                conclusions.extend(units(r.flat(el)))
                continue
            writings[-1].units.extend(units(r.flat(el)))
        elif writings:
            closing = True
            conclusions.extend(units(r.flat(el)))
        else:  # head matter, and any text printed before the first byline (headnotes)
            header.extend(units(r.flat(el)))
    if not writings:
        raise ConvertError(source, "no opinion text (no *_text element) in the vendor XML")
    _text_pages(header + [u for w in writings for u in w.units] + conclusions, report)
    _unnumber_stray_pages(header, writings, conclusions, report)
    leftover = notes.attach(r.calls, r.bodies, report.warnings)
    for body in leftover:
        report.warnings.append(f"footnote {body.marker}: no call in the text; kept as a note "
                               f"at the end of the last writing")
        writings[-1].units.append(flow.Unit("p", [Note(body.marker, body.blocks)]))
    m = doc.meta
    m.court_name = (texts.get("court") or "").rstrip(".") or None
    m.docket = texts.get("docket") or None
    m.date = decision_date(_title_months(texts.get("date") or ""))
    m.title = texts.get("reporter_caption") or None
    flow.assemble(doc, header, writings)
    doc.conclusions = [P(u.content) if u.kind == "p" else Quote([P(u.content)])
                       for u in flow.mend(conclusions)]
    return doc, report


def _title_months(text: str) -> str:
    """`DECIDED JANUARY 22, 1996` -> `Decided January 22, 1996` (dates parse in any case)."""
    return re.sub(r"[A-Z]{3,}", lambda m: m.group(0).title(), text)


def _unnumber_stray_pages(header, writings, conclusions, report: ReadReport) -> None:
    """A page number lower than the one before it (Olson v. Fraase's "Page 1" after page 834)
    cannot be a page of the same reporter: the break is kept, its number is not."""
    last = None
    for unit in header + [u for w in writings for u in w.units] + conclusions:
        for brk in flow.breaks_of(unit.content):
            n = int(brk.number) if (brk.number or "").isdigit() else None
            if n is None:
                continue
            if last is not None and n <= last:
                report.warnings.append(f"page {brk.number} after page {last} does not continue "
                                       f"the page series: kept as an unnumbered page break")
                brk.number = None
                continue
            last = n


def _text(el) -> str:
    return "".join(el.itertext())
