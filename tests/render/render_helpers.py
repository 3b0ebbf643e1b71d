"""Helpers for the renderer tests: build small AKN documents the way our readers do, and read
back HTML, Markdown and PDF outputs."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from io import BytesIO

from lxml import etree, html as lxml_html

from convert.akn.builder import build, serialize
from convert.document import (
    Document, Item, ListBlock, Meta, Note, P, PageBreak, Paragraph, Party, Quote, Section, Span,
    Table, Writing,
)

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
SEEDS = {"000": SAMPLES / "000_7589f71e06a6d05c.txt", "004": SAMPLES / "004_580afe28c66e611c.txt"}
GOLDEN = ROOT / "tests" / "golden"
CORPUS_AKN = ROOT.parent / "shared" / "corpus" / "akn"
REGEN = os.environ.get("AKN_REGEN_GOLDENS") == "1"


def corpus_files() -> list[Path]:
    return sorted(CORPUS_AKN.glob("*.xml")) if CORPUS_AKN.is_dir() else []


def note(marker: str, *texts: str) -> Note:
    return Note(marker, [P([t]) for t in texts])


def sample_document() -> Document:
    """A small opinion with every feature the renderers handle, plus hostile text."""
    return Document(
        meta=Meta(court_id="dcd", court_name="United States District Court for the District of "
                  "Columbia", docket="20-309 (RC)", date="2021-03-05",
                  title="MEMORANDUM OPINION", doc_name="memorandumOpinion",
                  parties=[Party("K.O., et al.", "plaintiff"),
                           Party("U.S. Immigration and Customs Enforcement, et al.", "defendant")],
                  judges=["Rudolph Contreras"]),
        header=[
            P([Span("courtType", ["UNITED STATES DISTRICT COURT"])]),
            P([Span("party", ["K.O., et al."], {"role": "plaintiff"}), ", Plaintiffs, v. ",
               Span("party", ["U.S. Immigration and Customs Enforcement, et al."],
                    {"role": "defendant"}), ", Defendants."]),
            P(["Civil Action No.: ", Span("docketNumber", ["20-309 (RC)"])]),
            P([Span("docTitle", ["MEMORANDUM OPINION"])]),
        ],
        body=[
            Paragraph([P(["Plaintiffs are <script>alert('x')</script> children.",
                          note("1", "A note with <img src=x onerror=alert(1)> inside.",
                               "Its second paragraph."),
                          " More text ", PageBreak("14"), "continues here."])]),
            Section(["I."], ["BACKGROUND"], 1, [
                Paragraph([P(["Background text.", note("2", "Second note.")]),
                           Quote([P(["Quoted text", note("*", "Star note.")])])]),
                Section(["A."], ["Facts"], 2, [
                    Paragraph([P(["Facts ", PageBreak("15"), "and more."])]),
                    Paragraph([P(["A list:"]),
                               ListBlock([Item("1.", ["one"]), Item("2.", ["two"])])]),
                ]),
            ]),
            Section(["II."], ["ANALYSIS"], 1, [
                Paragraph([P(["Analysis", note("3", "Third note.")]),
                           Table([[["Count"], ["Claim"]], [["I"], ["FTCA | negligence"]]])],
                          num="12."),
                Paragraph([P(["1. Looks like a list; *stars* and $5 and @cite and [link](x)."])]),
            ]),
            Section(["III."], ["CONCLUSION"], 1, [Paragraph([P(["Done."])])]),
            Writing("dissenting", "Jane Roe", [
                Paragraph([P(["I dissent.", note("1", "Dissent note.")])])]),
        ],
        conclusions=[
            P([Span("docDate", ["March 5, 2021"], {"date": "2021-03-05"})]),
            P([Span("signature", [Span("judge", ["RUDOLPH CONTRERAS"],
                                       {"name": "Rudolph Contreras"})])]),
        ],
    )


def sample_tree() -> etree._ElementTree:
    return build(sample_document())


def sample_xml() -> bytes:
    return serialize(build(sample_document()))


def akn(body: str, meta: str = "", header: str = "<p>Header</p>") -> bytes:
    """A minimal hand-written AKN judgment around `body` (judgmentBody content)."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="{AKN}"><judgment name="judgment"><meta><identification source="#x">
<FRBRWork><FRBRthis value="/akn/xx/judgment/test/!main"/><FRBRuri value="/akn/xx/judgment/test"/>
<FRBRdate date="2020-01-02" name="decision"/><FRBRauthor href="#court"/><FRBRcountry value="xx"/>
</FRBRWork><FRBRExpression><FRBRthis value="/akn/xx/judgment/test/eng@/!main"/>
<FRBRuri value="/akn/xx/judgment/test/eng@"/><FRBRdate date="2020-01-02" name="decision"/>
<FRBRauthor href="#court"/><FRBRlanguage language="eng"/></FRBRExpression>
<FRBRManifestation><FRBRthis value="/akn/xx/judgment/test/eng@/!main.xml"/>
<FRBRuri value="/akn/xx/judgment/test/eng@.xml"/><FRBRdate date="2020-01-02" name="x"/>
<FRBRauthor href="#x"/></FRBRManifestation></identification>{meta}</meta>
<header>{header}</header><judgmentBody>{body}</judgmentBody></judgment></akomaNtoso>""".encode()


def html_doc(data: bytes):
    return lxml_html.fromstring(data)


def ids(doc) -> list[str]:
    return [el.get("id") for el in doc.iter() if isinstance(el.tag, str) and el.get("id")]


def akn_eids(tree) -> set[str]:
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    meta = root.find(f"{{{AKN}}}judgment/{{{AKN}}}meta")
    out = set()
    for el in root.iter():
        if isinstance(el.tag, str) and el.get("eId"):
            node, inside = el, False
            while node is not None:
                if node is meta:
                    inside = True
                    break
                node = node.getparent()
            if not inside:
                out.add(el.get("eId"))
    return out


def count_notes(tree) -> int:
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    return len(root.findall(f".//{{{AKN}}}authorialNote"))


def markdown_it_footnotes(text: str) -> tuple[int, int, list]:
    """(references, definitions, tokens) as markdown-it-py with the footnote plugin sees them."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark").use(front_matter_plugin).use(footnote_plugin)
    tokens = md.parse(text)
    refs = sum(1 for t in tokens for c in (t.children or []) if c.type == "footnote_ref")
    defs = sum(1 for t in tokens if t.type == "footnote_open")
    return refs, defs, tokens


def markdown_it_html(text: str) -> str:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").use(front_matter_plugin).use(footnote_plugin).render(text)


def pandoc_html(pandoc: str, text: str, fmt: str) -> str:
    done = subprocess.run([pandoc, "-f", fmt, "-t", "html"], input=text.encode(),
                          capture_output=True, check=True, timeout=60)
    return done.stdout.decode()


def pandoc_footnotes(html_text: str) -> tuple[int, int]:
    doc = lxml_html.fromstring(f"<div>{html_text}</div>")
    refs = doc.xpath('//a[contains(concat(" ", @class, " "), " footnote-ref ")]')
    defs = doc.xpath('//section[contains(@class, "footnotes")]//li')
    return len(refs), len(defs)


class PdfFacts:
    """What the PDF tests read: pages, named destinations (name -> page index), internal
    links (page index, destination name), outline, text."""

    def __init__(self, data: bytes):
        from pypdf import PdfReader

        self.reader = PdfReader(BytesIO(data))
        pages = {p.indirect_reference.idnum: i for i, p in enumerate(self.reader.pages)}
        self.dests = {str(k): pages[v.page.idnum]
                      for k, v in self.reader.named_destinations.items()}
        self.links: list[tuple[int, str]] = []
        for i, page in enumerate(self.reader.pages):
            for annot in page.get("/Annots") or []:
                annot = annot.get_object()
                dest = annot.get("/Dest")
                if dest is None and annot.get("/A") is not None:
                    dest = annot["/A"].get("/D")
                if dest is not None:
                    self.links.append((i, str(dest)))
        self.page_texts = [p.extract_text() or "" for p in self.reader.pages]
        self.text = "\n".join(self.page_texts)

    def outline(self) -> list:
        def walk(items):
            out = []
            for item in items:
                if isinstance(item, list):
                    out[-1][1].extend(walk(item))
                else:
                    out.append((item.title, []))
            return out

        return walk(self.reader.outline)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
