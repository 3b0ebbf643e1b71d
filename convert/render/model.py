"""Read an Akoma Ntoso document into the few facts renderers need.

Renderers walk the AKN tree themselves; this module answers the questions a walk cannot answer
locally: the case facts for the header block and metadata, the table of contents, which id
each element carries, and every footnote with all of its call sites.

Ids (see docs/render.md):
- an element's id is its `eId`, unchanged, the first time that eId occurs in the document
  (a repeated eId in someone else's document is rendered without id on its later copies);
- a footnote call gets `<note id>-call-<k>` (k = 1, 2, ... in document order of the calls);
- a note without an eId gets `akn-note-<n>` (n = its position among all notes), a heading
  container without an eId that the table of contents must link to gets `akn-toc-<n>`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from lxml import etree

from .. import case
from ..akn.ids import IdAllocator, safe_id

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

# Containers that make up the hierarchy of a document (they carry num / heading / content).
HIERARCHY = frozenset("""
    level hcontainer paragraph subparagraph section subsection part subpart chapter subchapter
    title subtitle book tome division subdivision article clause subclause rule subrule point
    indent alinea proviso sublist list transitional
""".split())

# hcontainer names of separate writings, listed in the contents by their label.
WRITING_NAMES = frozenset({"opinion", "syllabus", "headnote"})

# Elements whose content is never rendered as text.
# `foreign` is not skipped: its text (MathML, XHTML) is kept as text, as the issue asks.
SKIPPED = frozenset({"meta", "presentation", "proprietary"})

# Three-letter language codes (FRBRlanguage) to the two-letter BCP 47 tags browsers know.
LANGUAGES = {
    "eng": "en", "ell": "el", "gre": "el", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de",
    "spa": "es", "ita": "it", "por": "pt", "nld": "nl", "dut": "nl", "cym": "cy", "wel": "cy",
    "gle": "ga", "pol": "pl", "swe": "sv", "dan": "da", "fin": "fi", "ron": "ro", "rum": "ro",
    "hun": "hu", "ces": "cs", "cze": "cs", "slk": "sk", "slo": "sk", "slv": "sl", "hrv": "hr",
    "bul": "bg", "est": "et", "lav": "lv", "lit": "lt", "mlt": "mt", "lat": "la", "rus": "ru",
    "ukr": "uk", "ara": "ar", "heb": "he", "zho": "zh", "chi": "zh", "jpn": "ja", "kor": "ko",
    "swa": "sw", "afr": "af", "zul": "zu", "xho": "xh", "nor": "no", "isl": "is", "ice": "is",
}

_SPACE = re.compile(r"\s+")


def local(el) -> str | None:
    """The local name of an AKN element; None for comments, PIs and foreign elements."""
    tag = el.tag
    if not isinstance(tag, str):
        return None
    try:
        return _LOCAL[tag]  # renderers ask for every element, several times
    except KeyError:
        pass
    if tag.startswith("{"):
        ns, _, name = tag[1:].partition("}")
        name = name if ns.startswith(AKN_NS) else None
    else:
        name = tag  # no namespace: treat like AKN (lenient for hand-written documents)
    if len(_LOCAL) < _LOCAL_MAX:
        _LOCAL[tag] = name
    return name


# Local names by Clark tag.  AKN has ~300 element names; a foreign document could bring any
# number of its own, so the memo stops growing here.
_LOCAL: dict[str, str | None] = {}
_LOCAL_MAX = 4096


def squash(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def visible_text(el) -> str:
    """Text of an element with footnotes, page markers and meta left out, whitespace squashed."""
    parts: list[str] = []

    def walk(node):
        name = local(node)
        if node is not el and (name in ("authorialNote", "noteRef", "eop", "eol")
                               or name in SKIPPED):
            pass
        elif name == "marker" or name == "br":
            parts.append(" ")
        else:
            if node.text:
                parts.append(node.text)
            for child in node:
                walk(child)
        if node is not el and node.tail:
            parts.append(node.tail)

    walk(el)
    return squash("".join(parts))


@dataclass
class Note:
    id: str
    marker: str
    element: etree._Element  # the authorialNote, or the meta/notes/note a noteRef points at
    calls: list[str] = field(default_factory=list)  # call ids in document order
    number: int = 0  # position among notes, 1-based


@dataclass(frozen=True)
class PageMark:
    """What a page break shows: `text` (`*14`, or `p. 7` for a page with no printed number),
    `label` (spoken / titled) and whether the number is the court's printed one."""
    text: str
    label: str
    printed: bool

    @property
    def shown(self) -> str:
        """The mark as HTML and PDF show it: `*14`, or `[p. 7]` set apart from star pages."""
        return self.text if self.printed else f"[{self.text}]"


def page_mark(number: str | None, ordinal: int, rank: int = 1,
              reporter: str | None = None) -> PageMark:
    """The one place that words a page mark.  `number` is the eop's printed number (a
    reporter's star series may already carry its stars: `*484`, `**291`); `ordinal` is the
    source page the break starts (2 for the first break), shown when nothing was printed.
    A case printed in several reporters has several page series: `rank` is the series' place
    (its eop refersTo a TLCReference name="reporter", listed in rank order) and sets the
    stars as CAP shows them (`*484`, `**291`, `***274`); `reporter` names it in the label."""
    number = squash(number)
    if number:
        stars = number if number.startswith("*") else "*" * max(rank, 1) + number
        label = f"Page {number.lstrip('*')}" + (f" ({reporter})" if reporter else "")
        return PageMark(stars, label, True)
    return PageMark(f"p. {ordinal}", f"Source page {ordinal} (no printed number)", False)


@dataclass
class TocEntry:
    id: str
    label: str
    depth: int
    children: list["TocEntry"] = field(default_factory=list)


@dataclass
class Party:
    name: str
    role: str | None


# The elements the case facts are read from (`Model._read_facts`).
_FACT_ELEMENTS = frozenset({"courtType", "docProponent", "court", "docDate", "docketNumber",
                            "party", "judge", "docTitle", "neutralCitation"})


class Model:
    """What renderers need to know about one AKN document."""

    def __init__(self, tree: etree._ElementTree | etree._Element):
        root = tree.getroot() if hasattr(tree, "getroot") else tree
        self.root = root
        self.doc = next((c for c in root if local(c) is not None), root)
        self.doc_name = self.doc.get("name") or local(self.doc) or "judgment"
        self.meta = self._child(self.doc, "meta")
        # Everything of the document but its metadata, in order.
        self.parts = [c for c in self.doc if c is not self.meta and isinstance(c.tag, str)]
        self._by_element: dict[etree._Element, "Note"] = {}
        self._ids: dict[etree._Element, str] = {}
        self._used = IdAllocator()  # the output ids: eIds read, and the few renderers derive
        self._targets: dict[str, str] = {}  # eId in the document -> its output id
        self._refs: dict[str, etree._Element] = {}  # references/@eId -> TLC element
        self._meta_notes: dict[str, etree._Element] = {}
        self._read_meta()
        self._assign_ids()
        self.notes: list[Note] = []
        self.calls: dict[etree._Element, tuple[Note, str]] = {}
        self._find_notes()
        self.pages: dict[etree._Element, PageMark] = {}
        self._find_pages()
        self.toc: list[TocEntry] = []
        self.writing_labels: dict[etree._Element, str] = {}
        self._label_writings()
        self._build_toc()
        self._read_facts()

    # ------------------------------------------------------------ helpers

    @staticmethod
    def _child(el, name):
        if el is None:
            return None
        return next((c for c in el if local(c) == name), None)

    def _iter(self, names):
        """Elements with a local name in `names`, in document order, outside meta."""
        return (el for el, name in self._named if name in names)

    @cached_property
    def _named(self) -> list:
        """Every element outside meta with its local name, in document order: one walk of
        the tree for all the lookups the model makes."""
        return [(el, local(el)) for part in self.parts for el in part.iter()]

    def _take(self, wanted: str) -> str:
        return self._used.unique(wanted)

    def id_of(self, el) -> str | None:
        return self._ids.get(el)

    def has_id(self, value: str) -> bool:
        """Does eId `value` name an element of this document?"""
        return value in self._targets

    def local_href(self, href: str | None) -> str | None:
        """`#eId` -> `#` + that element's output id; None for a fragment naming nothing here.
        Any other href comes back unchanged."""
        if not href or not href.startswith("#"):
            return href
        target = self._targets.get(href[1:])
        return f"#{target}" if target else None

    # ------------------------------------------------------------ reading

    def _read_meta(self) -> None:
        meta = self.meta
        self.frbr: dict[str, str] = {}
        self.aliases: dict[str, str] = {}
        self.numbers: list[str] = []  # FRBRnumber: the case's dockets
        self.alias_citations: list[str] = []
        if meta is None:
            return
        ident = self._child(meta, "identification")
        work = self._child(ident, "FRBRWork")
        expr = self._child(ident, "FRBRExpression")
        for el in (work if work is not None else []):
            name = local(el)
            if name in ("FRBRthis", "FRBRuri", "FRBRname", "FRBRnumber", "FRBRcountry"):
                self.frbr.setdefault(name, el.get("value") or "")
                if name == "FRBRnumber" and squash(el.get("value")):
                    self.numbers.append(squash(el.get("value")))
            elif name == "FRBRdate":
                self.frbr.setdefault("FRBRdate", el.get("date") or "")
                self.frbr.setdefault("FRBRdate_name", el.get("name") or "")
            elif name == "FRBRauthor":
                self.frbr.setdefault("FRBRauthor", el.get("href") or "")
            elif name == "FRBRalias":
                self.aliases.setdefault(el.get("name") or "", el.get("value") or "")
                if el.get("name") == "citation":
                    self.alias_citations.append(el.get("value") or "")
        lang = self._child(expr, "FRBRlanguage")
        if lang is not None:
            self.frbr["language"] = lang.get("language") or ""
        refs = self._child(meta, "references")
        for el in (refs if refs is not None else []):
            if el.get("eId"):
                self._refs[el.get("eId")] = el
        notes = self._child(meta, "notes")
        for el in (notes if notes is not None else []):
            key = el.get("eId") or el.get("id") or el.get("GUID")
            if local(el) == "note" and key:
                self._meta_notes[key] = el

    def _assign_ids(self) -> None:
        """Each element's output id: its eId passed through `safe_id` (the first element
        holding an eId keeps it; a later duplicate gets none)."""
        elements = [el for part in self.parts for el in part.iter("*")]
        for el in elements + list(self._meta_notes.values()):
            eid = el.get("eId")
            if eid and eid not in self._targets:
                out = self._used.unique(safe_id(eid))
                self._targets[eid] = out
                self._ids[el] = out

    def _note_for(self, el, fallback_marker: str | None) -> Note:
        if el in self._by_element:
            return self._by_element[el]
        number = len(self.notes) + 1
        nid = self._ids.get(el) or self._take(f"akn-note-{number}")
        self._ids[el] = nid
        marker = squash(el.get("marker") or fallback_marker or "") or str(number)
        note = Note(nid, marker, el, number=number)
        self.notes.append(note)
        self._by_element[el] = note
        return note

    def _find_notes(self) -> None:
        for el in self._iter(("authorialNote", "noteRef")):
            if local(el) == "authorialNote":
                note = self._note_for(el, None)
            else:
                target = self._meta_notes.get((el.get("href") or "").lstrip("#"))
                if target is None:
                    continue  # dangling noteRef: rendered as its marker, not as a call
                note = self._note_for(target, el.get("marker"))
            call = f"{note.id}-call-{len(note.calls) + 1}"
            call = self._take(call)
            note.calls.append(call)
            self.calls[el] = (note, call)

    def _find_pages(self) -> None:
        # Page series: the reporters in references order (1 = `*`, 2 = `**`, ...).
        series = [eid for eid, ref in self._refs.items()
                  if local(ref) == "TLCReference" and ref.get("name") == "reporter"]
        rank = {eid: k for k, eid in enumerate(series, start=1)}
        # The k-th break starts the (k+1)-th page of the source.
        for k, el in enumerate(self._iter(("eop",)), start=2):
            ref = (el.get("refersTo") or "").lstrip("#")
            reporter = self._refs[ref].get("showAs") if ref in rank else None
            self.pages[el] = page_mark(el.get("number"), k, rank.get(ref, 1), reporter)

    def page_of(self, el) -> PageMark:
        return self.pages.get(el) or page_mark(el.get("number"), 0)

    def note_of_call(self, el) -> tuple[Note, str] | None:
        return self.calls.get(el)

    def _label_writings(self) -> None:
        """Each separate writing (`hcontainer name="opinion"`, a syllabus) without a heading of
        its own gets the label `convert.case` gives it: "Opinion of the Court (Kennedy, J.)",
        "Scalia, J., concurring", "Ginsburg, J., dissenting"."""
        writings = [el for el in self._iter(("hcontainer",))
                    if el.get("name") in WRITING_NAMES and self._child(el, "heading") is None]
        if len(writings) < 2 and not any(w.get("name") == "syllabus" for w in writings):
            return  # one writing is the document itself: no entry of its own
        for el in writings:
            kind = el.get("class") or ("syllabus" if el.get("name") == "syllabus" else "majority")
            author, chief = None, False
            byline = next((o for o in el.iter() if local(o) == "opinion"), None)
            if byline is not None and byline.get("by"):
                author = self._ref_label(byline.get("by"))
                chief = bool(re.search(r"\bCHIEF\b|\bC\.\s?J\.", visible_text(byline), re.I))
            surname = author.split()[-1] if author else None
            self.writing_labels[el] = case.writing_label(kind.split()[0], surname, chief)

    def _build_toc(self) -> None:
        counter = 0

        def walk(el, depth, into):
            nonlocal counter
            for child in el:
                name = local(child)
                if name is None or name in SKIPPED or name in ("authorialNote", "heading"):
                    continue
                heading = self._child(child, "heading") if name in HIERARCHY else None
                if name == "crossHeading":
                    heading = child
                if heading is None and child in self.writing_labels:
                    heading = child  # a writing: listed by its label
                if heading is not None:
                    label = self.writing_labels.get(child) or visible_text(heading)
                    num = self._child(child, "num") \
                        if heading is not child and child not in self.writing_labels else None
                    if num is not None and visible_text(num):
                        label = f"{visible_text(num)} {label}".strip()
                    if label:
                        eid = self._ids.get(child)
                        if eid is None:
                            counter += 1
                            eid = self._take(f"akn-toc-{counter}")
                            self._ids[child] = eid
                        entry = TocEntry(eid, label, depth)
                        into.append(entry)
                        walk(child, depth + 1, entry.children)
                        continue
                walk(child, depth, into)

        for part in self.doc:
            if local(part) in ("judgmentBody", "body", "mainBody", "debateBody", "conclusions",
                               "attachments", "components", "collectionBody"):
                walk(part, 1, self.toc)

    def heading_depth(self, el) -> int:
        """Depth (1 = top) of a heading container among heading containers."""
        depth = 1
        node = el.getparent()
        while node is not None:
            name = local(node)
            if name in HIERARCHY and (self._child(node, "heading") is not None
                                      or node in self.writing_labels):
                depth += 1
            node = node.getparent()
        return depth

    # ------------------------------------------------------------ case facts

    def _ref_label(self, href: str | None) -> str | None:
        if not href:
            return None
        el = self._refs.get(href.lstrip("#"))
        if el is not None and squash(el.get("showAs")):
            return squash(el.get("showAs"))
        return None

    def _read_facts(self) -> None:
        marked = [(el, name) for el, name in self._named if name in _FACT_ELEMENTS]

        def first(names):
            return next((el for el, name in marked if name in names), None)

        def texts(names):
            return [el for el, name in marked if name in names]

        court = self._ref_label(self.frbr.get("FRBRauthor"))
        court_el = first(("courtType", "docProponent", "court"))
        if not court and court_el is not None:
            court = self._ref_label(court_el.get("refersTo")) or visible_text(court_el)
        self.court = court or None

        date = None
        for el in texts(("docDate",)):
            if el.get("date"):
                date = el.get("date")
                break
        if not date:
            d = self.frbr.get("FRBRdate", "")
            if d and not d.startswith("0001") and self.frbr.get("FRBRdate_name") != "unknown":
                date = d[:10]
        self.date = date

        dockets = []
        for el in texts(("docketNumber",)):
            t = visible_text(el)
            if t and t not in dockets:
                dockets.append(t)
        self.dockets = self.numbers or dockets
        dockets = self.dockets
        self.docket = "; ".join(dockets) or None

        parties: list[Party] = []
        seen = set()
        for el in texts(("party",)):
            name = visible_text(el).strip(" ,;:")
            key = el.get("refersTo") or name.lower()
            if not name or key in seen:
                continue
            seen.add(key)
            parties.append(Party(name, self._ref_label(el.get("as")) or
                                 (el.get("as") or "").lstrip("#") or None))
        self.parties = parties

        judges: list[str] = []
        panel: list[str] = []
        seen = set()
        for el in texts(("judge",)):
            name = visible_text(el).strip(" ,;:")
            key = el.get("refersTo") or name.lower()
            if name and key not in seen:
                seen.add(key)
                (panel if (el.get("as") or "") == "#panel" else judges).append(name)
        self.judges = judges
        self.panel = panel

        doc_title = first(("docTitle",))
        self.doc_title = visible_text(doc_title) if doc_title is not None else None
        self.citations = list(dict.fromkeys(
            [visible_text(c) for c in texts(("neutralCitation",))] + self.alias_citations))
        self.citation = self.citations[0] if self.citations else None
        self.frbr_uri = self.frbr.get("FRBRuri") or self.frbr.get("FRBRthis") or None

        # The case name (convert.case decides): the full name the work records, else
        # FRBRname, else the parties as marked, else the title, court and docket.  Never the
        # URI.
        name = squash(self.aliases.get("fullCaseName")) or squash(self.frbr.get("FRBRname"))
        if name.startswith("/akn/"):
            name = ""
        parties = [(p.name, p.role and p.role.lower()) for p in self.parties]
        self.title = case.display_title(
            full_name=name or case.full_case_name(parties), doc_title=self.doc_title,
            citation=self.citation, court=self.court, docket=self.docket, kind=self.doc_name)
        short = squash(self.frbr.get("FRBRname")) if self.aliases.get("fullCaseName") else ""
        short = short or case.short_case_name(parties) or self.title
        self.short_title = case.shorten(short)
        code = (self.frbr.get("language") or "").lower()
        self.lang = LANGUAGES.get(code, code if re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)*",
                                                             code) else "en")

    def _parties_title(self, full: bool) -> str | None:
        """`First party v. first party of the other side`, from the marked parties."""
        roles: list[str] = []
        by_role: dict[str, list[str]] = {}
        for party in self.parties:
            role = party.role or ""
            if role not in by_role:
                roles.append(role)
                by_role[role] = []
            by_role[role].append(party.name)
        if len(roles) < 2:
            return None

        def side(names):
            name = names[0]
            if not full:
                name = re.split(r",\s*(?:et al\.?|and others)|\s+et al\.?", name)[0]
                name = name.split(",")[0].strip() or names[0]
            return name

        return f"{side(by_role[roles[0]])} v. {side(by_role[roles[1]])}"

    def dublin_core(self) -> list[tuple[str, str | None]]:
        """The case's facts as Dublin Core terms (HTML `<meta name="dcterms.*">`)."""
        kind = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", self.doc_name).lower()
        out = [("dcterms.title", self.title), ("dcterms.alternative",
                                                 self.short_title if self.short_title != self.title
                                                 else None),
               ("dcterms.creator", self.court), ("dcterms.date", self.date),
               ("dcterms.type", kind), ("dcterms.language", self.lang),
               ("dcterms.identifier", self.frbr_uri)]
        out += [("dcterms.identifier", d) for d in self.dockets]
        out += [("dcterms.bibliographicCitation", c) for c in self.citations]
        return out

    def json_ld(self) -> dict:
        """schema.org metadata of the document (a court's decision as a `CreativeWork`)."""
        data: dict = {"@context": "https://schema.org", "@type": "CreativeWork",
                      "genre": re.sub(r"(?<=[a-z])(?=[A-Z])", " ", self.doc_name).lower(),
                      "name": self.title, "inLanguage": self.lang}
        if self.short_title != self.title:
            data["alternateName"] = self.short_title
        if self.court:
            data["author"] = {"@type": "GovernmentOrganization", "name": self.court}
        if self.date:
            data["dateCreated"] = self.date
        ids = ([self.frbr_uri] if self.frbr_uri else []) + self.dockets + self.citations
        if ids:
            data["identifier"] = ids
        if self.judges or self.panel:
            data["contributor"] = [{"@type": "Person", "name": n}
                                   for n in dict.fromkeys(self.panel + self.judges)]
        if self.parties:
            data["about"] = [{"@type": "Thing", "name": p.name,
                              **({"description": p.role} if p.role else {})}
                             for p in self.parties]
        data["description"] = self.description
        return data

    @property
    def description(self) -> str:
        kind = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", self.doc_name).lower()
        parts = [f"{self.title}: {kind}"]
        if self.court:
            parts.append(f"of the {self.court}" if not self.court.lower().startswith("the ")
                         else f"of {self.court}")
        text = " ".join(parts)
        if self.date:
            text += f", {self.date}"
        if self.docket:
            text += f", docket {self.docket}"
        return text + "."
