"""Build an Akoma Ntoso 3.0 `judgment` from a reader's `Document`.

This module owns the AKN profile of DESIGN.md: element placement, FRBR metadata, the
`references` that every `refersTo`/`as` points at, and (through `IdAllocator`) every eId.
"""

from __future__ import annotations

import re
from typing import Iterable

from lxml import etree

from ..document import (
    BodyItem, Block, Document, Inline, Item, ListBlock, Meta, Note, P, PageBreak, Paragraph,
    Prebuilt, Quote, Section, Span, Table, Writing, inline_text,
)
from .. import case
from .ids import IdAllocator, number_part, slug
from .names import NSMAP, q

TOOL_ID = "akn-convert"

# Which judgment block a top-level heading opens.  Checked in order; first match wins.
_BLOCK_BY_HEADING = [
    ("decision", r"\b(conclusion|order|disposition|judgment|decree|relief granted)s?\b"),
    ("background", r"\b(background|facts?|factual|procedural history|history|statement of the case)\b"),
    ("arguments", r"\b(arguments?|contentions?|parties'? positions?)\b"),
    ("remedies", r"\b(remed(y|ies)|damages|sanctions)\b"),
    ("motivation", r"\b(discussion|analysis|legal (standard|framework)|standard of review|merits|opinion)\b"),
]

PARTY_ROLE_LABELS = {
    "plaintiff": "Plaintiff", "defendant": "Defendant", "appellant": "Appellant",
    "appellee": "Appellee", "petitioner": "Petitioner", "respondent": "Respondent",
    "movant": "Movant", "intervenor": "Intervenor", "claimant": "Claimant",
    "subject": "Subject of the proceeding", "party": "Party", "panel": "Judge of the panel",
    "counsel": "Counsel",
}


def docket_uri_part(docket: str) -> str:
    """`20-309 (RC)` -> `20-309-RC` (DESIGN.md: runs outside [A-Za-z0-9.] become one `-`)."""
    return re.sub(r"[^A-Za-z0-9.]+", "-", docket).strip("-") or "unknown"


def work_uri(meta: Meta) -> str:
    court = meta.court_id or "unknown"
    date = meta.date or "unknown"
    docket = docket_uri_part(meta.docket) if meta.docket else "unknown"
    return f"/akn/us/judgment/{court}/{date}/{docket}"


def case_names(meta: Meta) -> tuple[str | None, str | None]:
    """(short, full) case name from the parties the caption names (`convert.case`)."""
    parties = [(p.name, p.role) for p in meta.parties]
    return (case.short_case_name(parties, meta.case_line),
            case.full_case_name(parties, meta.case_line))


def case_name(meta: Meta) -> str:
    """The work's name (FRBRname): the short case name, else the document's title, its
    citation, court and docket -- never its URI."""
    short, full = case_names(meta)
    return case.display_title(short_name=short, full_name=full, doc_title=meta.title,
                              citation=(meta.citations or [None])[0],
                              court=meta.court_name, docket=meta.docket, kind=meta.doc_name)


def block_for_heading(heading: str) -> str | None:
    text = heading.lower().replace("’", "'")
    for block, pattern in _BLOCK_BY_HEADING:
        if re.search(pattern, text):
            return block
    return None


class _Builder:
    def __init__(self, doc: Document):
        self.doc = doc
        self.ids = IdAllocator()
        self.person_ids: dict[str, str] = {}  # normalised name -> eId
        self.person_names: dict[str, str] = {}  # eId -> name as first written
        self.roles: dict[str, str] = {}
        self.prefix = ""  # eId prefix inside a separate writing, so notes restart per writing
        self.series: dict[str, tuple[str, int]] = {}  # reporter -> (eId, rank)
        for item in _walk_paragraphs(doc.body):
            if item.num:
                self.ids.plan("para", number_part(item.num))

    # ------------------------------------------------------------ references

    def person_ref(self, name: str) -> str:
        key = " ".join(name.split()).lower()
        if key not in self.person_ids:
            eid = self.ids.take("person", slug(name))
            self.person_ids[key] = eid
            self.person_names[eid] = " ".join(name.split())
        return "#" + self.person_ids[key]

    def role_ref(self, role: str) -> str:
        self.roles[role] = PARTY_ROLE_LABELS.get(role, role.title())
        return "#" + role

    def court_ref(self) -> str:
        return "#" + (self.doc.meta.court_id or "court")

    def series_ref(self, brk: PageBreak) -> str | None:
        """`#series_ne2d` for a page of the N.E.2d series: a TLCReference (name="reporter")
        that says which reporter the page belongs to and, by its place in the references,
        the series' rank (the renderers' star count)."""
        if not brk.series:
            return None
        key = brk.series
        if key not in self.series:
            self.series[key] = (self.ids.take("series", slug(key).replace("-", "")),
                                brk.rank or len(self.series) + 1)
        return "#" + self.series[key][0]

    # ------------------------------------------------------------ inline

    def inline(self, parent: etree._Element, content: Iterable[Inline]) -> None:
        for item in content:
            if isinstance(item, str):
                _append_text(parent, item)
            elif isinstance(item, PageBreak):
                eop = etree.SubElement(parent, q("eop"))
                series = self.series_ref(item)
                if item.number:
                    # A second series gets its reporter in the id: page_484, page_nys2d_291.
                    part = number_part(item.number)
                    if series and item.rank and item.rank > 1:
                        part = f"{series.removeprefix('#series_')}_{part}"
                    eop.set("eId", self.ids.take("page", part))
                    eop.set("number", item.number)
                else:
                    eop.set("eId", self.ids.next("eop"))
                if series:
                    eop.set("refersTo", series)
            elif isinstance(item, Note):
                note = etree.SubElement(parent, q("authorialNote"))
                note.set("eId", self.ids.take(self.prefix + "note", number_part(item.marker)))
                note.set("marker", item.marker)
                note.set("placement", "bottom")
                for block in item.blocks or [P([""])]:
                    self.block(note, block)
            elif isinstance(item, Span):
                self.span(parent, item)
            else:  # pragma: no cover - a reader bug, not an input problem
                raise TypeError(f"unexpected inline {item!r}")

    def span(self, parent: etree._Element, span: Span) -> None:
        el = etree.SubElement(parent, q(span.tag))
        a = span.attrs
        if span.tag == "party":
            el.set("refersTo", self.person_ref(a.get("name") or inline_text(span.content)))
            el.set("as", self.role_ref(a["role"]))
        elif span.tag == "lawyer":  # counsel: `as` their role, `for` the party they stand for
            el.set("refersTo", self.person_ref(a.get("name") or inline_text(span.content)))
            el.set("as", self.role_ref(a.get("role") or "counsel"))
            if a.get("for"):
                el.set("for", self.person_ref(a["for"]))
        elif span.tag == "judge":
            el.set("refersTo", self.person_ref(a.get("name") or inline_text(span.content)))
            if a.get("role"):
                el.set("as", self.role_ref(a["role"]))
        elif span.tag == "opinion":
            el.set("by", self.person_ref(a["name"]))
            if a.get("type"):
                el.set("type", a["type"])
        elif span.tag == "courtType":
            el.set("refersTo", self.court_ref())
        elif span.tag == "docDate":
            el.set("date", a["date"])
        elif span.tag == "ref":
            el.set("href", a["href"])
        self.inline(el, span.content)

    # ------------------------------------------------------------ blocks

    def block(self, parent: etree._Element, block: Block) -> None:
        if isinstance(block, P):
            p = etree.SubElement(parent, q("p"))
            self.inline(p, block.content)
        elif isinstance(block, Quote):
            box = etree.SubElement(parent, q("blockContainer"), {"class": "blockquote"})
            for inner in block.blocks:
                self.block(box, inner)
        elif isinstance(block, ListBlock):
            lst = etree.SubElement(parent, q("blockList"))
            for item in block.items:
                self.list_item(lst, item)
        elif isinstance(block, Table):
            table = etree.SubElement(parent, q("table"))
            for row in block.rows:
                tr = etree.SubElement(table, q("tr"))
                for cell in row:
                    td = etree.SubElement(tr, q("td"))
                    self.inline(etree.SubElement(td, q("p")), cell)
        else:  # pragma: no cover
            raise TypeError(f"unexpected block {block!r}")

    def list_item(self, lst: etree._Element, item: Item) -> None:
        el = etree.SubElement(lst, q("item"), eId=self.ids.next("item"))
        if item.num:
            etree.SubElement(el, q("num")).text = item.num
        self.inline(etree.SubElement(el, q("p")), item.content)

    # ------------------------------------------------------------ body

    def body_item(self, parent: etree._Element, item: BodyItem) -> None:
        if isinstance(item, Paragraph):
            el = etree.SubElement(parent, q("paragraph"))
            if item.num:
                el.set("eId", self.ids.take("para", number_part(item.num)))
                etree.SubElement(el, q("num")).text = item.num
            else:
                el.set("eId", self.ids.next("para"))
            content = etree.SubElement(el, q("content"))
            for block in item.blocks:
                self.block(content, block)
        elif isinstance(item, Section):
            el = etree.SubElement(parent, q("level"), eId=self.ids.next("lvl"))
            if item.num:
                self.inline(etree.SubElement(el, q("num")), item.num)
            self.inline(etree.SubElement(el, q("heading")), item.heading)
            children = item.children or [Paragraph([P([""])])]
            for child in children:
                self.body_item(el, child)
        elif isinstance(item, Writing):
            # A syllabus or headnote is the reporter's, not a writing of the court.
            name = item.kind if item.kind in ("syllabus", "headnote") else "opinion"
            el = etree.SubElement(parent, q("hcontainer"), name=name)
            el.set("eId", self.ids.next(name))
            el.set("class", item.kind)
            outer, self.prefix = self.prefix, el.get("eId") + "_"
            content_items = item.children or [Paragraph([P([""])])]
            for child in content_items:
                self.body_item(el, child)
            self.prefix = outer
        else:  # pragma: no cover
            raise TypeError(f"unexpected body item {item!r}")

    def judgment_body(self, parent: etree._Element) -> None:
        body = etree.SubElement(parent, q("judgmentBody"))
        current: etree._Element | None = None
        current_name = None
        for item in self.doc.body:
            name = None
            if isinstance(item, Section):
                name = block_for_heading(inline_text(item.heading))
            elif isinstance(item, Writing):
                name = "introduction" if item.kind in ("syllabus", "headnote") else "motivation"
            if current is None:
                name = name or "introduction"
            if name and name != current_name:
                current, current_name = etree.SubElement(body, q(name)), name
            self.body_item(current, item)
        if current is None:
            intro = etree.SubElement(body, q("introduction"))
            etree.SubElement(intro, q("p"))

    # ------------------------------------------------------------ meta

    def meta(self, root: etree._Element) -> None:
        m = self.doc.meta
        meta = etree.SubElement(root, q("meta"))
        ident = etree.SubElement(meta, q("identification"), source="#" + TOOL_ID)
        work = work_uri(m)
        date = m.date or "0001-01-01"
        date_name = "decision" if m.date else "unknown"
        expression = f"{work}/eng@"
        for level, this, uri in (
            ("FRBRWork", f"{work}/!main", work),
            ("FRBRExpression", f"{expression}/!main", expression),
            ("FRBRManifestation", f"{expression}/!main.xml", f"{expression}.xml"),
        ):
            frbr = etree.SubElement(ident, q(level))
            etree.SubElement(frbr, q("FRBRthis"), value=this)
            etree.SubElement(frbr, q("FRBRuri"), value=uri)
            if level == "FRBRWork":
                self.aliases(frbr)
            # Manifestation date: the decision date, not today's, so output stays byte-stable.
            etree.SubElement(frbr, q("FRBRdate"), date=date, name=date_name)
            author = self.court_ref() if level != "FRBRManifestation" else "#" + TOOL_ID
            etree.SubElement(frbr, q("FRBRauthor"), href=author)
            if level == "FRBRWork":
                etree.SubElement(frbr, q("FRBRcountry"), value="us")
                for docket in (m.dockets or ([m.docket] if m.docket else [])):
                    etree.SubElement(frbr, q("FRBRnumber"), value=docket)
                etree.SubElement(frbr, q("FRBRname"), value=case_name(m))
            if level == "FRBRExpression":
                etree.SubElement(frbr, q("FRBRlanguage"), language="eng")
        self._meta_el = meta

    def aliases(self, work: etree._Element) -> None:
        """Other names of the work: the full case name, the citations printed on it, the
        lower court's dockets."""
        m = self.doc.meta
        short, full = case_names(m)
        if full and full != short:
            etree.SubElement(work, q("FRBRalias"), value=full, name="fullCaseName")
        for cite in m.citations:
            etree.SubElement(work, q("FRBRalias"), value=cite, name="citation")
        for docket in m.lower_dockets:
            etree.SubElement(work, q("FRBRalias"), value=docket, name="lowerCourtDocket")

    def references(self) -> None:
        refs = etree.SubElement(self._meta_el, q("references"), source="#" + TOOL_ID)
        m = self.doc.meta
        etree.SubElement(refs, q("TLCOrganization"), eId=m.court_id or "court",
                         href=f"/ontology/organization/us/{m.court_id or 'court'}",
                         showAs=m.court_name or m.court_id or "Unknown court")
        etree.SubElement(refs, q("TLCOrganization"), eId=TOOL_ID,
                         href=f"/ontology/organization/{TOOL_ID}", showAs="akn-convert")
        for eid, shown in self.person_names.items():
            etree.SubElement(refs, q("TLCPerson"), eId=eid,
                             href=f"/ontology/person/{eid.removeprefix('person_')}", showAs=shown)
        for role, label in sorted(self.roles.items()):
            etree.SubElement(refs, q("TLCRole"), eId=role, href=f"/ontology/role/{role}",
                             showAs=label)
        # Page series in rank order: the first listed is `*`, the second `**`, ...
        for reporter, (eid, _rank) in sorted(self.series.items(), key=lambda kv: kv[1][1]):
            etree.SubElement(refs, q("TLCReference"), eId=eid, name="reporter",
                             href=f"/ontology/reporter/{slug(reporter)}", showAs=reporter)

    def editorial_notes(self, header: etree._Element) -> None:
        """Notes that are not the court's: meta/notes, each called by a noteRef that opens
        the header (so renderers show them, marked as the editor's)."""
        if not self.doc.editorial_notes:
            return
        notes = etree.SubElement(self._meta_el, q("notes"), source="#" + TOOL_ID)
        p = etree.Element(q("p"))
        for k, blocks in enumerate(self.doc.editorial_notes, 1):
            eid = self.ids.take("enote", str(k))
            note = etree.SubElement(notes, q("note"), eId=eid, marker=f"Ed. {k}",
                                    placement="bottom")
            note.set("class", "editorial")
            for block in blocks or [P([""])]:
                self.block(note, block)
            etree.SubElement(p, q("noteRef"), href="#" + eid, marker=f"Ed. {k}",
                             placement="bottom", **{"class": "editorial"})
        header.insert(0, p)

    # ------------------------------------------------------------ whole document

    def build(self) -> etree._ElementTree:
        root = etree.Element(q("akomaNtoso"), nsmap=NSMAP)
        judgment = etree.SubElement(root, q("judgment"), name=self.doc.meta.doc_name)
        self.meta(judgment)
        # Register parties and judges named in metadata first, so references list them in a
        # stable order even when the text marks them later.
        for party in self.doc.meta.parties:
            self.person_ref(party.name)
            self.role_ref(party.role)
        for judge in self.doc.meta.panel + self.doc.meta.judges:
            self.person_ref(judge)
        for lawyer in self.doc.meta.attorneys:  # also those no header row prints whole
            self.person_ref(lawyer.name)
            self.role_ref("counsel")
        header = etree.SubElement(judgment, q("header"))
        for block in self.doc.header or [P([""])]:
            self.block(header, block)
        self.judgment_body(judgment)
        if self.doc.conclusions:
            conclusions = etree.SubElement(judgment, q("conclusions"))
            for block in self.doc.conclusions:
                self.block(conclusions, block)
        self.references()
        self.editorial_notes(header)
        return etree.ElementTree(root)


def _append_text(parent: etree._Element, text: str) -> None:
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _walk_paragraphs(items: Iterable[BodyItem]):
    for item in items:
        if isinstance(item, Paragraph):
            yield item
        elif isinstance(item, (Section, Writing)):
            yield from _walk_paragraphs(item.children)


def build(doc: Document | Prebuilt) -> etree._ElementTree:
    """The AKN tree of a reader's document (an AKN input's own tree, unchanged)."""
    if isinstance(doc, Prebuilt):
        return doc.tree
    return _Builder(doc).build()


# Elements whose children are inline content: indentation there would add text.
_MIXED = {q(t) for t in ("p", "heading", "num", "subheading", "docTitle", "docDate", "party",
                         "judge", "lawyer", "signature", "docketNumber", "courtType", "b", "i", "u",
                         "sup", "sub", "span", "ref", "opinion", "docType", "remark")}


def _indent(el: etree._Element, level: int = 0) -> None:
    if el.tag in _MIXED or not len(el):
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for child in el:
        _indent(child, level + 1)
        child.tail = pad
    el[-1].tail = "\n" + "  " * level


def serialize(tree: etree._ElementTree, indent: bool = True) -> bytes:
    """Deterministic bytes: UTF-8, XML declaration, block structure indented, inline content
    (mixed text) left exactly as built.  `indent=False` for a document someone else wrote
    (its whitespace is its own)."""
    root = tree.getroot()
    if indent:
        _indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"
