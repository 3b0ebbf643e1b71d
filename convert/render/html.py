"""AKN -> semantic HTML5.

Two modes share one walk:
- screen (`print_mode=False`): footnote calls link to notes collected at the end of the
  opinion, each note links back to every call; page markers are star pages in the margin;
- print (`print_mode=True`, used by the PDF renderer): each note stays at its (first) call as an
  inline `span.fn` that the print stylesheet floats to the page foot (CSS GCPM).

The output tree is built with lxml and serialised by libxml2's HTML writer, so every text and
attribute value taken from the document is escaped; hrefs are kept only for safe schemes, and
publisher `style` attributes and `presentation` CSS are not copied.
"""

from __future__ import annotations

import json

import re

from lxml import etree

from .model import HIERARCHY, SKIPPED, Model, Note, local, squash, visible_text

SCREEN_CSS = "opinion.css"
THIN_SPACE = "\u2009"  # sets a page mark off from the words around it in print

# AKN inline elements with a direct HTML counterpart.
_DIRECT = {"b": "b", "i": "i", "u": "u", "sup": "sup", "sub": "sub", "del": "del", "ins": "ins",
           "abbr": "abbr"}
# Judgment blocks and other structural parts: a div each, named by class.
_FLOW_BLOCKS = {"p", "blockList", "table", "blockContainer", "toc", "tblock", "crossHeading",
                "subheading", "listIntroduction", "listWrapUp", "container", "block", "item",
                "tocItem", "ul", "ol", "li", "caption", "subFlow"}
_SAFE_SCHEMES = ("http:", "https:", "mailto:")
_HEADING_RANK_BASE = 1  # h1 is the case title; top-level sections are h2
# What surrounds a court's paragraph number: `12.`, `¶ 12`, `[12]`, `(12)`, `Para. 12`.
_NUM_TRIM = re.compile(r"^(?:¶+|§+|para(?:graph)?\.?)\s*|[.:)\]]+$|^[(\[]", re.IGNORECASE)
_LABEL_MAX = 80  # a section link's spoken name: the heading, cut where screen readers would drag


def safe_href(href: str | None) -> str | None:
    """A link target that cannot run script: fragments, relative paths, http(s) and mailto."""
    if not href:
        return None
    value = href.strip()
    probe = re.sub(r"[\x00-\x20]+", "", value).lower()
    if ":" in probe.split("/")[0].split("?")[0].split("#")[0]:
        return value if probe.startswith(_SAFE_SCHEMES) else None
    return value


_IMAGE_SCHEMES = ("http:", "https:")


def safe_image_src(src: str | None) -> str | None:
    """An image source that names no local file: absolute http(s) URLs only.  A path
    (`/etc/hostname`, `../../secret.png`) or a `file:`/`javascript:`/`data:` URL is dropped:
    `pandoc --self-contained` (and a browser opening the file locally) would read it from the
    reader's disk."""
    if not src:
        return None
    value = src.strip()
    probe = re.sub(r"[\x00-\x20]+", "", value).lower()
    return value if probe.startswith(_IMAGE_SCHEMES) and "//" in probe[:8] else None


def stylesheet_text(name: str) -> str:
    """A stylesheet shipped with the package (stylesheets/, package data)."""
    from ..resources import read_text

    return read_text("stylesheets", name)


class HtmlRenderer:
    def __init__(self, model: Model, print_mode: bool = False, resolve_href=None):
        self.m = model
        self.print_mode = print_mode
        self.resolve_href = resolve_href  # href -> href to write, or None for plain text
        self.note_order: list[Note] = []  # screen mode: notes in order of first call
        self._placed: set[str] = set()  # print mode: notes already floated
        self._ordinals: dict[str, int] = {}  # unnumbered paragraphs counted, per element name

    # ------------------------------------------------------------ small builders

    @staticmethod
    def E(tag: str, attrs: dict | None = None, text: str | None = None) -> etree._Element:
        el = etree.Element(tag)
        for k, v in (attrs or {}).items():
            if v is not None:
                el.set(k, v)
        if text:
            el.text = text
        return el

    @staticmethod
    def add_text(parent: etree._Element, text: str | None) -> None:
        if not text:
            return
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + text
        else:
            parent.text = (parent.text or "") + text

    def attrs_for(self, src, cls: str) -> dict:
        attrs = {"class": cls}
        eid = self.m.id_of(src)
        if eid:
            attrs["id"] = eid
        akn_class = squash(src.get("class"))
        if akn_class:
            attrs["data-akn-class"] = akn_class
        return attrs

    # ------------------------------------------------------------ inline

    def inline_children(self, src, out) -> None:
        self.add_text(out, src.text)
        for child in src:
            self.inline(child, out)
            self.add_text(out, child.tail)

    def inline(self, src, out) -> None:
        """Render `src` (not its tail) as phrasing content appended to `out`."""
        name = local(src)
        if name is None:
            if isinstance(src.tag, str):  # foreign element: keep its text
                self.add_text(out, "".join(src.itertext()))
            return
        if name in SKIPPED:
            return
        if name in ("authorialNote", "noteRef"):
            self.note_call(src, out)
            return
        if name == "eop":
            self.page_marker(src, out)
            return
        if name == "eol":
            return
        if name == "br":
            out.append(self.E("br"))
            return
        if name == "marker":
            self.add_text(out, " ")
            return
        if name == "img":
            self.image(src, out)
            return
        if name in _DIRECT:
            el = self.E(_DIRECT[name], self.attrs_for(src, f"akn-{name}"))
            if name == "abbr" and src.get("title"):
                el.set("title", src.get("title"))
        elif name in ("ref", "a", "mref", "rref"):
            href = self.m.local_href(safe_href(src.get("href")))  # None: names nothing here
            if href and self.resolve_href and not href.startswith("#"):
                href = self.resolve_href(href)  # a site maps links to its own pages
            el = self.E("a" if href else "span", self.attrs_for(src, f"akn-{name}"))
            if href:
                el.set("href", href)
        elif name in ("docDate", "date", "time"):
            el = self.E("time" if src.get("date") else "span", self.attrs_for(src, f"akn-{name}"))
            if src.get("date"):
                el.set("datetime", src.get("date"))
        elif name in HIERARCHY or name in _FLOW_BLOCKS or name in ("content", "intro",
                                                                    "wrapUp", "num", "heading"):
            el = self.E("span", self.attrs_for(src, f"akn-{name} akn-block"))
        else:
            el = self.E("span", self.attrs_for(src, f"akn-{name}"))
            for attr, data in (("refersTo", "data-refers-to"), ("as", "data-as"),
                               ("by", "data-by"), ("type", "data-type")):
                if src.get(attr):
                    el.set(data, src.get(attr))
        self.inline_children(src, el)
        out.append(el)

    def image(self, src, out) -> None:
        alt = src.get("alt") or src.get("title") or ""
        href = safe_image_src(src.get("src"))
        if href and self.resolve_href:
            href = self.resolve_href(href)  # a site has no copy of the document's images
        if self.print_mode or not href:
            # The PDF fetches nothing from outside the document: show the description only.
            if alt:
                out.append(self.E("span", {"class": "akn-img"}, f"[{alt}]"))
            return
        out.append(self.E("img", {"class": "akn-img", "src": href, "alt": alt}))

    def page_marker(self, src, out) -> None:
        """A citable page mark at the exact break.  On screen the mark is CSS generated content
        (`::before { content: attr(data-mark) }`), so copying the text never copies it, and
        a link to itself (not a tab stop: the paragraph's own link is); in print it is text
        set off by thin spaces."""
        mark = self.m.page_of(src)
        eid = self.m.id_of(src)
        attrs = {"class": "akn-eop" if mark.printed else "akn-eop akn-eop-unprinted",
                 "id": eid}
        if self.print_mode:
            before = (out[-1].tail if len(out) else out.text) or ""
            if before and not before[-1].isspace():
                self.add_text(out, THIN_SPACE)
            out.append(self.E("span", attrs, mark.shown))
            self.add_text(out, THIN_SPACE)
            return
        attrs.update({"data-mark": mark.shown, "title": mark.label, "aria-label": mark.label})
        if eid:
            attrs.update({"href": f"#{eid}", "tabindex": "-1"})
        out.append(self.E("a" if eid else "span", attrs))

    def note_call(self, src, out) -> None:
        found = self.m.note_of_call(src)
        if found is None:  # dangling noteRef: keep its marker visible
            marker = squash(src.get("marker"))
            if marker:
                out.append(self.E("sup", {"class": "akn-noteRef"}, marker))
            return
        note, call_id = found
        if self.print_mode:
            a = self.E("a", {"class": "fn-call", "id": call_id, "href": f"#{note.id}",
                             "aria-label": f"Footnote {note.marker}"}, note.marker)
            out.append(a)
            if note.id not in self._placed:
                self._placed.add(note.id)
                out.append(self.print_note(note))
            return
        if note.id not in {n.id for n in self.note_order}:
            self.note_order.append(note)
        sup = self.E("sup", {"class": "fn-call"})
        a = self.E("a", {"id": call_id, "href": f"#{note.id}", "role": "doc-noteref",
                         "aria-label": f"Footnote {note.marker}"}, note.marker)
        sup.append(a)
        out.append(sup)

    def back_links(self, note: Note) -> list[etree._Element]:
        links = []
        if len(note.calls) == 1:
            links.append(self.E("a", {"class": "fn-back", "href": f"#{note.calls[0]}",
                                      "role": "doc-backlink",
                                      "aria-label": f"Back to the text of footnote {note.marker}"},
                                note.marker))
            return links
        links.append(self.E("span", {"class": "fn-marker"}, note.marker))
        for k, call in enumerate(note.calls, 1):
            links.append(self.E("a", {"class": "fn-back", "href": f"#{call}", "role": "doc-backlink",
                                      "aria-label": f"Back to reference {k} of footnote "
                                                    f"{note.marker}"}, f"↩{k}"))
        return links

    def _prepend_links(self, body: etree._Element, links, first_tags) -> None:
        target = body[0] if len(body) and body[0].tag in first_tags else None
        if target is None:
            target = self.E("span" if self.print_mode else "p",
                            {"class": "fn-p" if self.print_mode else None})
            body.insert(0, target)
        text, target.text = target.text, None
        for k, link in enumerate(links):
            target.insert(k, link)
            link.tail = " "
        links[-1].tail = " " + (text or "").lstrip()

    def print_note(self, note: Note) -> etree._Element:
        box = self.E("span", {"class": "fn", "id": note.id, "data-marker": note.marker})
        self.note_body(note.element, box, phrasing=True)
        for p in box.iter("span"):
            if p.get("class", "").startswith("akn-p"):
                p.set("class", "fn-p " + p.get("class"))
        self._prepend_links(box, self.back_links(note), ("span",))
        return box

    def note_body(self, src, out, phrasing: bool) -> None:
        """The blocks of a note (authorialNote or meta note)."""
        if src.text and src.text.strip():
            wrapper = self.E("span" if phrasing else "p", {"class": "akn-p"})
            wrapper.text = src.text
            out.append(wrapper)
        for child in src:
            if phrasing:
                self.inline(child, out)
            else:
                self.flow(child, out)
            if child.tail and child.tail.strip():
                self.add_text(out, child.tail)

    # ------------------------------------------------------------ blocks

    def flow_children(self, src, out) -> None:
        if src.text and src.text.strip():
            self.add_text(out, src.text)
        for child in src:
            self.flow(child, out)
            if child.tail and child.tail.strip():
                self.add_text(out, child.tail)

    def is_mixed(self, src) -> bool:
        if src.text and src.text.strip():
            return True
        return any(c.tail and c.tail.strip() for c in src)

    def newline(self, out) -> None:
        if len(out):
            out[-1].tail = (out[-1].tail or "") + "\n"

    def flow(self, src, out) -> None:
        """Render `src` as flow content appended to `out`."""
        name = local(src)
        if name is None:
            if isinstance(src.tag, str):
                self.add_text(out, "".join(src.itertext()))
            return
        if name in SKIPPED:
            return
        el = None
        if name == "p":
            el = self.E("p", self.attrs_for(src, "akn-p"))
            self.inline_children(src, el)
        elif name in HIERARCHY:
            el = self.container(src, name)
        elif name == "blockContainer" and "blockquote" in (src.get("class") or "").split():
            el = self.E("blockquote", self.attrs_for(src, "akn-blockContainer"))
            self.flow_children(src, el)
        elif name == "embeddedStructure":
            el = self.E("blockquote", self.attrs_for(src, "akn-embeddedStructure"))
            self.flow_children(src, el)
        elif name in ("blockList", "toc", "ul", "ol"):
            el = self.E("ul", self.attrs_for(src, f"akn-{name}"))
            for child in src:
                cname = local(child)
                if cname in ("item", "tocItem", "li"):
                    li = self.E("li", self.attrs_for(child, f"akn-{cname}"))
                    if self.is_mixed(child) or not any(local(c) in _FLOW_BLOCKS or
                                                       local(c) in HIERARCHY for c in child):
                        self.inline_children(child, li)
                    else:
                        num = next((c for c in child if local(c) == "num"), None)
                        rest = [c for c in child if c is not num]
                        if num is not None:
                            n = self.E("span", self.attrs_for(num, "akn-num"))
                            self.inline_children(num, n)
                            self.flow_with_lead(rest, li, [n])
                        else:
                            for c in rest:
                                self.flow(c, li)
                    el.append(li)
                    self.newline(el)
                elif cname in ("listIntroduction", "listWrapUp"):
                    li = self.E("li", self.attrs_for(child, f"akn-{cname}"))
                    self.inline_children(child, li)
                    el.append(li)
                    self.newline(el)
                else:
                    wrapper = self.E("li", {"class": "akn-other"})
                    self.flow(child, wrapper)
                    el.append(wrapper)
        elif name == "table":
            el = self.table(src)
        elif name in ("authorialNote", "noteRef", "eop", "img", "br"):
            holder = self.E("div", {"class": f"akn-{name}-holder"})
            self.inline(src, holder)
            el = holder
        elif name in ("num", "heading", "subheading", "crossHeading"):
            el = self.E("p", self.attrs_for(src, f"akn-{name}"))
            self.inline_children(src, el)
        elif self.is_mixed(src) or name in ("block", "tblock", "listIntroduction", "listWrapUp",
                                            "tocItem", "item", "signature", "docTitle"):
            el = self.E("div", self.attrs_for(src, f"akn-{name}"))
            self.inline_children(src, el)
        else:
            el = self.E("div", self.attrs_for(src, f"akn-{name}"))
            self.flow_children(src, el)
        if el is not None:
            out.append(el)
            el.tail = "\n"

    def table(self, src) -> etree._Element:
        table = self.E("table", self.attrs_for(src, "akn-table"))
        body = None
        for child in src:
            cname = local(child)
            if cname == "caption":
                cap = self.E("caption", {"class": "akn-caption"})
                self.inline_children(child, cap)
                table.insert(0, cap)
            elif cname == "tr":
                if body is None:
                    body = self.E("tbody")
                    table.append(body)
                tr = self.E("tr", self.attrs_for(child, "akn-tr"))
                for cell in child:
                    ctag = local(cell)
                    if ctag not in ("td", "th"):
                        continue
                    td = self.E(ctag, self.attrs_for(cell, f"akn-{ctag}"))
                    for span in ("colspan", "rowspan"):
                        if (cell.get(span) or "").isdigit():
                            td.set(span, cell.get(span))
                    self.flow_children(cell, td)
                    tr.append(td)
                body.append(tr)
                tr.tail = "\n"
        return table

    def self_link(self, eid: str, label: str) -> etree._Element:
        """A link to `#eid` for copying a paragraph's address: its glyph is CSS generated
        content shown on hover or focus (so copied text never holds it), its name `label`."""
        return self.E("a", {"class": "self-link", "href": f"#{eid}", "aria-label": label})

    def paragraph_label(self, name: str, num) -> str:
        """`Paragraph 12`: the court's number where it numbers the paragraph (`12.`, `¶ 12`,
        `[12]` all give 12), else the paragraph's ordinal among its kind in the document."""
        kind = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).capitalize()
        self._ordinals[name] = self._ordinals.get(name, 0) + 1
        number = _NUM_TRIM.sub("", visible_text(num)) if num is not None else ""
        number = number or str(self._ordinals[name])
        return f"{kind} {number}"

    def container(self, src, name: str) -> etree._Element:
        num = next((c for c in src if local(c) == "num"), None)
        heading = next((c for c in src if local(c) == "heading"), None)
        eid = self.m.id_of(src)
        attrs = self.attrs_for(src, f"akn-{name}")
        if name == "hcontainer" and src.get("name"):
            attrs["class"] += f" akn-{src.get('name')}"
        writing = self.m.writing_labels.get(src) if heading is None else None
        if writing:  # a separate writing: a heading with its label, for contents and bookmarks
            box = self.E("section", attrs)
            rank = min(6, self.m.heading_depth(src) + _HEADING_RANK_BASE)
            h = self.E(f"h{rank}", {"class": "akn-heading-line akn-writing-title",
                                    "data-bookmark": writing if self.print_mode else None})
            hs = self.E("span", {"class": "akn-heading"}, writing)
            h.append(hs)
            if eid and not self.print_mode:
                link = self.self_link(eid, writing[:_LABEL_MAX])
                link.tail = None
                h.append(link)
                hs.tail = " "
            box.append(h)
            h.tail = "\n"
            rest = [c for c in src if c is not num]
        elif heading is not None:
            box = self.E("section", attrs)
            rank = min(6, self.m.heading_depth(src) + _HEADING_RANK_BASE)
            label = visible_text(heading)
            if num is not None and visible_text(num):
                label = f"{visible_text(num)} {label}"
            h = self.E(f"h{rank}", {"class": "akn-heading-line",
                                    "data-bookmark": label if self.print_mode else None})
            if num is not None:
                n = self.E("span", self.attrs_for(num, "akn-num"))
                self.inline_children(num, n)
                h.append(n)
                n.tail = " "
            hs = self.E("span", self.attrs_for(heading, "akn-heading"))
            self.inline_children(heading, hs)
            h.append(hs)
            if eid and not self.print_mode:
                link = self.self_link(eid, f"Section {label}"[:_LABEL_MAX])
                link.tail = None
                h.append(link)
                hs.tail = " "
            box.append(h)
            h.tail = "\n"
            rest = [c for c in src if c is not num and c is not heading]
        else:
            box = self.E("div", attrs)
            rest = [c for c in src if c is not num]
            lead = []
            if eid and not self.print_mode and (name in ("paragraph", "subparagraph") or any(
                    local(c) == "content" for c in rest)):
                lead.append(self.self_link(eid, self.paragraph_label(name, num)))
                box.set("class", box.get("class") + " akn-linked")
            if num is not None:
                n = self.E("span", self.attrs_for(num, "akn-num"))
                self.inline_children(num, n)
                lead.append(n)
            if lead:
                self.flow_with_lead(rest, box, lead)
                return box
        box.text = "\n"
        for child in rest:
            self.flow(child, box)
        return box

    def flow_with_lead(self, children, box, lead) -> None:
        """Render `children` into `box`, starting the first paragraph with `lead` (self-link
        and number), or giving the lead a line of its own."""
        body = self.E("div")
        for child in children:
            self.flow(child, body)
        first = self._first_p(body)
        if first is not None:
            text, first.text = first.text, None
            for k, item in enumerate(lead):
                first.insert(k, item)
                item.tail = " "
            lead[-1].tail = " " + (text or "").lstrip()
        else:
            line = self.E("p", {"class": "akn-num-line"})
            for item in lead:
                line.append(item)
                item.tail = " "
            lead[-1].tail = None
            box.append(line)
            line.tail = "\n"
        box.text = (box.text or "") + "\n"
        for child in list(body):
            box.append(child)

    @staticmethod
    def _first_p(body) -> etree._Element | None:
        node = body
        while len(node) and not (node.text or "").strip():
            first = node[0]
            if first.tag == "p":
                return first
            classes = (first.get("class") or "").split()
            if first.tag == "div" and ("akn-content" in classes or "akn-intro" in classes):
                node = first
                continue
            return None
        return None

    # ------------------------------------------------------------ the page

    def header_block(self) -> etree._Element:
        m = self.m
        header = self.E("header", {"class": "case-header"})
        header.text = "\n"
        h1 = self.E("h1", {"class": "case-title", "data-short-title": m.short_title}, m.title)
        header.append(h1)
        h1.tail = "\n"
        facts = self.E("dl", {"class": "case-facts"})
        rows = []
        if m.court:
            rows.append(("Court", [m.court]))
        if m.parties:
            rows.append(("Parties", [f"{p.name} ({p.role})" if p.role else p.name
                                     for p in m.parties]))
        if m.docket:
            rows.append(("Docket", m.dockets))
        if m.date:
            rows.append(("Date", [m.date]))
        if m.panel:
            rows.append(("Panel", m.panel))
        if m.judges:
            rows.append(("Judge" if len(m.judges) == 1 else "Judges", m.judges))
        if m.citation:
            rows.append(("Citation", [m.citation]))
        for label, values in rows:
            dt = self.E("dt", None, label)
            facts.append(dt)
            for value in values:
                if label == "Date":
                    dd = self.E("dd")
                    dd.append(self.E("time", {"datetime": value}, value))
                else:
                    dd = self.E("dd", None, value)
                facts.append(dd)
                dd.tail = "\n"
        if rows:
            header.append(facts)
            facts.tail = "\n"
        return header

    def toc_nav(self) -> etree._Element | None:
        if not self.m.toc:
            return None
        nav = self.E("nav", {"class": "toc", "aria-label": "Table of contents"})
        nav.append(self.E("h2", {"class": "toc-title"}, "Contents"))

        def items(entries):
            ol = self.E("ol")
            for entry in entries:
                li = self.E("li")
                li.append(self.E("a", {"href": f"#{entry.id}"}, entry.label))
                if entry.children:
                    li.append(items(entry.children))
                ol.append(li)
                li.tail = "\n"
            return ol

        nav.append(items(self.m.toc))
        return nav

    def notes_section(self) -> etree._Element | None:
        if not self.note_order:
            return None
        section = self.E("section", {"class": "footnotes", "aria-label": "Footnotes"})
        section.append(self.E("h2", {"class": "footnotes-title"}, "Notes"))
        section.append(self.E("hr", {"class": "footnotes-rule"}))
        box = self.E("div", {"class": "footnotes-list"})
        section.append(box)
        k = 0
        while k < len(self.note_order):  # notes inside notes join the list as they are called
            note = self.note_order[k]
            k += 1
            item = self.E("div", {"class": "fn", "id": note.id, "data-marker": note.marker})
            self.note_body(note.element, item, phrasing=False)
            self._prepend_links(item, self.back_links(note), ("p",))
            box.append(item)
            item.tail = "\n"
        return section

    def article(self) -> etree._Element:
        m = self.m
        art = self.E("article", {"class": f"akn-document akn-{local(m.doc) or 'judgment'}",
                                 "data-akn-name": m.doc_name,
                                 "data-frbr-uri": m.frbr_uri, "lang": m.lang})
        art.text = "\n"
        art.append(self.header_block())
        nav = self.toc_nav()
        parts = self.E("div", {"class": "akn-parts"})
        parts.text = "\n"
        for part in m.parts:
            self.flow(part, parts)
        if nav is not None:
            art.append(nav)
            nav.tail = "\n"
        art.append(parts)
        parts.tail = "\n"
        if not self.print_mode:
            notes = self.notes_section()
            if notes is not None:
                art.append(notes)
                notes.tail = "\n"
        return art


def render_html(model: Model, *, fragment: bool = False, css: str | None = None,
                print_mode: bool = False, extra_css: str | None = None,
                resolve_href=None) -> bytes:
    """The HTML page (or, with `fragment`, only its `<article>`) as UTF-8 bytes: the
    stylesheet inlined, or linked from `css` (a publisher's stylesheet URL).  `resolve_href`
    (used by `akn site`) maps each link that leaves the document to the href to write, or to
    None to show its text without a link."""
    if css is not None and (not css.strip() or safe_href(css) is None):
        raise ValueError(f"--css must be an http(s) or relative URL, not {css!r}")
    renderer = HtmlRenderer(model, print_mode=print_mode, resolve_href=resolve_href)
    article = renderer.article()
    if fragment:
        return etree.tostring(article, method="html", encoding="UTF-8") + b"\n"
    m = model
    html = etree.Element("html", lang=m.lang)
    head = etree.SubElement(html, "head")
    head.text = "\n"
    for attrs in ({"charset": "utf-8"},
                  {"name": "viewport", "content": "width=device-width, initial-scale=1"}):
        etree.SubElement(head, "meta", attrs).tail = "\n"
    etree.SubElement(head, "title").text = m.title
    head[-1].tail = "\n"
    metas = [("description", m.description), ("author", m.court), ("generator", "akn-convert"),
             ("keywords", ", ".join(x for x in (m.docket, m.citation) if x) or None)]
    metas += m.dublin_core()
    for name, content in metas:
        if content:
            etree.SubElement(head, "meta", name=name, content=content).tail = "\n"
    ld = etree.SubElement(head, "script", type="application/ld+json")
    # JSON inside <script>: "</" would end the element early, so it is escaped.
    ld.text = json.dumps(m.json_ld(), ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    ld.tail = "\n"
    if css is None or print_mode:
        style = etree.SubElement(head, "style")
        style.text = "\n" + stylesheet_text(SCREEN_CSS) + (extra_css or "")
    else:
        etree.SubElement(head, "link", rel="stylesheet", href=css.strip())
    head[-1].tail = "\n"
    body = etree.SubElement(html, "body")
    body.text = "\n"
    main = etree.SubElement(body, "main", {"class": "opinion"})
    main.text = "\n"
    article.attrib.pop("lang", None)
    main.append(article)
    article.tail = "\n"
    main.tail = "\n"
    return etree.tostring(html, method="html", encoding="UTF-8",
                          doctype="<!DOCTYPE html>") + b"\n"
