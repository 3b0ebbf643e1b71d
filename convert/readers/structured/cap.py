"""CAP / case.law HTML (`section.casebody`): the Caselaw Access Project's structured opinions.

What CAP marks, and where it goes:

- `section.head-matter` paragraphs (parties, docket, court, dates, attorneys...) -> header;
- `article.opinion[data-type]` -> one writing each, its kind from `data-type`, its author
  from `p.author` (the byline, kept as the writing's first paragraph);
- `p` -> paragraph, `blockquote` -> block quote of the paragraph before it;
- `a.footnotemark` (linked to `aside.footnote` by href) and older unlinked
  `sup > a[href^="#fn"]` calls -> notes at the call, bodies from the asides;
- `a.page-label` -> page breaks; `data-citation-index` is the page series (1 = `*484`,
  2 = `**291`, ...).  A paragraph that holds nothing but a bracketed reporter citation of the
  next page of a series (`[945 N.E.2d 485 , 920 N.Y.S.2d 292]`, which CAP sometimes leaves
  as text) is that page marker: it becomes page breaks, and the reader reports it;
- `a.citation` -> `ref` with a case-citation link.
"""

from __future__ import annotations

import re

from ...document import Document, Meta, Note, P, PageBreak, Quote, Span
from ...errors import ConvertError
from .. import ReadReport
from ..caption import decision_date
from .sniff import cap as sniff  # noqa: F401  (the registry's detector)
from . import flow, inline, notes, pages, safe

_NOTE_CALL_HREF = re.compile(r"^#(?:footnote|fn)", re.I)


class _Reader:
    def __init__(self, source: str, report: ReadReport):
        self.source = source
        self.report = report
        self.calls: list[notes.Call] = []
        self.labels: dict[int, list[PageBreak]] = {}  # series index -> its breaks
        self.series_names: dict[int, str] = {}

    # ------------------------------------------------------------ inline hook

    def hook(self, el):
        tag = inline.local(el.tag)
        cls = (el.get("class") or "").split()
        if tag == "a" and "page-label" in cls:
            rank = int(el.get("data-citation-index") or 1)
            brk = PageBreak(el.get("data-label") or el.text_content().lstrip("*") or None,
                            rank=rank)
            self.labels.setdefault(rank, []).append(brk)
            return [brk]
        if tag == "a" and "footnotemark" in cls:
            return [self.call(el.text_content(), (el.get("href") or "").lstrip("#") or None)]
        if tag == "sup" and len(el) == 1 and inline.local(el[0].tag) == "a" \
                and _NOTE_CALL_HREF.match(el[0].get("href") or "") \
                and "footnotemark" not in (el[0].get("class") or ""):
            return [self.call(el[0].text_content(), None)]  # older CAP: unlinked call
        if tag == "a" and "citation" in cls:
            text = el.text_content()
            href = inline.citation_href(el.get("data-cite") or text)
            return [Span("ref", [text], {"href": href})] if href else [text]
        return None

    def call(self, marker: str, key: str | None) -> Note:
        note = Note(marker.strip())
        self.calls.append(notes.Call(note, key))
        return note

    def content(self, el) -> list:
        return inline.inlines(el, self.hook)

    # ------------------------------------------------------------ blocks

    def units(self, container) -> list[flow.Unit]:
        out = []
        for el in container:
            tag = inline.local(el.tag)
            cls = (el.get("class") or "").split()
            if not tag or tag == "aside" or "author" in cls:
                continue
            if tag == "blockquote":
                out.append(flow.Unit("quote", self.content(el)))
            elif tag in ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "center"):
                out.append(flow.Unit("p", self.content(el)))
        return out

    def bodies(self, root) -> list[notes.Body]:
        out = []
        for aside in root.iter("aside"):
            if "footnote" not in (aside.get("class") or "").split():
                continue
            blocks = []
            for el in aside:
                tag = inline.local(el.tag)
                if tag == "a" and not blocks:
                    continue  # the note's own label link
                content = flow.squash(self.content(el))
                if not content:
                    continue
                blocks.append(Quote([P(content)]) if tag == "blockquote" else P(content))
            marker = aside.get("data-label") or ""
            out.append(notes.Body(notes.norm_marker(marker), blocks, aside.get("id")))
        return out


def read(source: str, data: bytes) -> tuple[Document, ReadReport]:
    report = ReadReport(source)
    root = safe.parse_html(source, data, report.warnings)
    casebody = next((s for s in root.iter("section")
                     if "casebody" in (s.get("class") or "").split()), root)
    articles = [a for a in casebody.iter("article")
                if "opinion" in (a.get("class") or "").split()]
    if not articles:
        raise ConvertError(source, "no CAP opinion (article.opinion) found")
    r = _Reader(source, report)
    head = next((s for s in casebody.iter("section")
                 if "head-matter" in (s.get("class") or "").split()), None)
    header = r.units(head) if head is not None else []
    writings = []
    for art in articles:
        author_el = next((p for p in art.iter("p") if "author" in (p.get("class") or "").split()),
                         None)
        byline = r.content(author_el) if author_el is not None else []
        kind = art.get("data-type") or "majority"
        w = flow.WritingUnits(kind, author_name(flow.visible(byline)), byline, r.units(art))
        writings.append(w)
    bodies = r.bodies(casebody)
    split_merged_series(r.labels, report)
    recover_markers(header, writings, r, report)
    leftover = notes.attach(r.calls, bodies, report.warnings)
    doc = Document(meta=head_meta(head))
    for body in leftover:
        report.warnings.append(f"footnote {body.marker}: no call in the text; kept as a note "
                               f"at the end of its writing")
        writings[-1].units.append(flow.Unit("p", [Note(body.marker, body.blocks)]))
    name_series(r.labels, r.series_names)
    for w in writings:
        if w.byline and w.author:
            w.byline = [Span("opinion", flow.squash(w.byline), {"name": w.author})]
    return flow.assemble(doc, header, writings), report


def _head_texts(head, cls: str) -> list[str]:
    if head is None:
        return []
    return [" ".join(p.text_content().split()) for p in head.iter("p")
            if cls in (p.get("class") or "").split()]


def head_meta(head) -> Meta:
    """Court, docket and decision date from CAP's head-matter classes.  Docket lines that
    are really a date (945 N.E.2d 484: "Feb. 24" / "2011.") give the date, not a docket."""
    courts = _head_texts(head, "court")
    dockets = _head_texts(head, "docketnumber")
    joined = ", ".join(d.rstrip(".") for d in dockets)
    date = next((d for d in map(decision_date, _head_texts(head, "decisiondate")) if d), None)
    if joined and decision_date(joined):
        date, joined = date or decision_date(joined), ""
    return Meta(court_name=courts[0].rstrip(".") if courts else None, docket=joined or None,
                date=date)


_AUTHOR = re.compile(r"(?:\bby\s+)?([A-Z][A-Za-z'’\-]+(?:\s+[A-Z][A-Za-z'’\-]+)*?)\s*,\s*"
                     r"(?:(?:Chief|Presiding|Associate|Senior|Acting)\s+)?"
                     r"(?:J\b|JJ\b|C\.\s?J\b|P\.\s?J\b|Judge|Justice)")


def author_name(byline: str) -> str | None:
    """`JONES, J.` -> `Jones`; `Opinion of the Court by FOLEY, J.` -> `Foley`."""
    found = _AUTHOR.findall(byline.replace("*", " "))
    if not found:
        return None
    name = found[-1].split()[-1] if " by " in byline else found[0].split()[-1]
    return name.title() if name.isupper() else name


def recover_markers(header, writings, r: _Reader, report: ReadReport) -> None:
    """Paragraphs that are only a bracketed page citation continuing a series: page breaks."""
    last: dict[int, int] = {}
    names: dict[int, str] = {}

    def walk(content):
        for item in content:
            if isinstance(item, PageBreak) and item.rank and (item.number or "").isdigit():
                last[item.rank] = int(item.number)
            elif isinstance(item, Span):
                walk(item.content)

    for unit in header + [u for w in writings for u in ([flow.Unit("p", w.byline)] + w.units)]:
        text = flow.visible(unit.content).strip()
        m = pages.MARKER.fullmatch(text)
        breaks = []
        if m and not any(isinstance(i, (Note, PageBreak)) for i in unit.content):
            for cite in pages.cites_in(text):
                rank = next((k for k, n in last.items() if int(cite.page) == n + 1
                             and names.get(k, cite.reporter) == cite.reporter), None)
                if rank is None:
                    breaks = []
                    break
                breaks.append((rank, cite))
        if breaks:
            unit.content = []
            for rank, cite in breaks:
                brk = PageBreak(cite.page, rank=rank)
                r.labels.setdefault(rank, []).append(brk)
                names[rank] = cite.reporter
                last[rank] = int(cite.page)
                unit.content.append(brk)
            report.remove("page-marker", text)
            report.warnings.append(f"page marker left as text by the source: {text}")
            continue
        walk(unit.content)
    r.series_names = names


# A page that goes back once (the attorneys' page printed before the opinion's first page)
# is not a second series; two reporters interleave over many pages.
MIN_SPLIT_RUN = 2


def split_merged_series(labels: dict[int, list[PageBreak]], report: ReadReport) -> None:
    """One series index whose numbers go back (`*1005 *267 *1006 *268`) holds two reporters'
    pages: split it into increasing runs, each page joining the run it continues."""
    for rank in sorted(labels):
        chains: list[list[PageBreak]] = []
        for brk in labels[rank]:
            n = int(brk.number) if (brk.number or "").isdigit() else None
            if n is None:
                (chains[0] if chains else chains.append([]) or chains[0]).append(brk)
                continue
            best = max((c for c in chains if _last_number(c) is not None
                        and _last_number(c) < n), key=_last_number, default=None)
            if best is None:
                chains.append([brk])
            else:
                best.append(brk)
        if len(chains) <= 1 or min(len(c) for c in chains) < MIN_SPLIT_RUN:
            continue
        labels[rank] = chains[0]
        for chain in chains[1:]:
            new = max(labels) + 1
            for brk in chain:
                brk.rank = new
            labels[new] = chain
        report.warnings.append(f"page series {rank} holds {len(chains)} reporters' pages "
                               f"(numbers go back); split into {len(chains)} series")


def _last_number(chain: list[PageBreak]) -> int | None:
    nums = [int(b.number) for b in chain if (b.number or "").isdigit()]
    return nums[-1] if nums else None


def name_series(labels: dict[int, list[PageBreak]], names: dict[int, str] | None = None) -> None:
    """Several series: each break names its series (`series 2` when no reporter is known);
    a single series needs no name."""
    if len(labels) <= 1:
        for breaks in labels.values():
            for brk in breaks:
                brk.rank = None
        return
    for rank, breaks in labels.items():
        for brk in breaks:
            brk.series = (names or {}).get(rank) or f"series {rank}"
