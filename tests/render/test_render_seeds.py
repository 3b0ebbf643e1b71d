"""Acceptance tests on the two sample opinions: conversion to every format (what `make` does),
seed 000's PDF (footnotes on their call's page, outline, destinations, note text once, PDF/A-3b
and PDF/UA variants) and Markdown (markdown-it-py and pandoc read the same footnotes)."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from lxml import etree

from convert.render.markdown import esc
from convert.render.model import Model, visible_text
from render_helpers import (
    PdfFacts, akn_eids, count_notes, html_doc, markdown_it_footnotes, pandoc_footnotes,
    pandoc_html, squash,
)

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


def para_eids(tree) -> list[str]:
    return [el.get("eId") for el in tree.getroot().iter(f"{{{AKN}}}paragraph")]


# ------------------------------------------------------------------ 1. `make`


def test_convert_writes_every_format_for_both_samples(tmp_path, seed000, seed004):
    """What `make` runs: `akn convert samples/* -o build --to xml,html,md,pdf`."""
    from convert.cli import main

    assert main(["convert", str(seed000.path), str(seed004.path), "-o", str(tmp_path),
                 "--to", "xml,html,md,pdf", "-q"]) == 0
    for seed in (seed000, seed004):
        stem = seed.path.stem
        for ext in ("xml", "html", "md", "pdf"):
            out = tmp_path / f"{stem}.{ext}"
            assert out.stat().st_size > 1000, out
        assert (tmp_path / f"{stem}.pdf").read_bytes().startswith(b"%PDF-")
        assert b"<!DOCTYPE html>" in (tmp_path / f"{stem}.html").read_bytes()[:20]


# ------------------------------------------------------------------ 3. seed 000's PDF


@pytest.fixture(scope="module")
def pdf000(seed000) -> PdfFacts:
    return PdfFacts(seed000.render("pdf"))


@pytest.fixture(scope="module")
def model000(seed000) -> Model:
    return Model(seed000.tree)


def test_seed000_has_five_notes(model000):
    assert len(model000.notes) == 5


@pytest.mark.parametrize("key", ["000", "004"])
def test_pdf_notes_sit_on_the_page_of_their_call(key, pdf000, model000, request):
    if key == "000":
        facts, model = pdf000, model000
    else:
        seed = request.getfixturevalue("seed004")
        facts, model = PdfFacts(seed.render("pdf")), Model(seed.tree)
    assert len(model.notes) == {"000": 5, "004": 2}[key]
    for note in model.notes:
        call = note.calls[0]
        call_links = [page for page, dest in facts.links if dest == note.id]
        back_links = [page for page, dest in facts.links if dest == call]
        assert len(call_links) == 1 and len(back_links) == 1, note.id
        note_page = facts.dests[note.id]
        assert facts.dests[call] == note_page, f"{note.id}: call and note on different pages"
        assert call_links[0] == note_page and back_links[0] == note_page


def test_pdf_outline_lists_headings_with_children(pdf000, model000):
    outline = pdf000.outline()
    assert [title.split()[0] for title, _ in outline] == ["I.", "II.", "III.", "IV."]
    expected = [(e.label, [c.label for c in e.children]) for e in model000.toc]
    assert [(t, [c for c, _ in kids]) for t, kids in outline] == expected
    assert outline[0][1] and outline[2][1], "I and III have subsections"


def test_pdf_every_paragraph_and_page_is_a_named_destination(pdf000, seed000):
    eids = para_eids(seed000.tree)
    assert eids and all(eid in pdf000.dests for eid in eids)
    pages = [el.get("eId") for el in seed000.tree.getroot().iter(f"{{{AKN}}}eop")]
    assert pages and all(eid in pdf000.dests for eid in pages)
    assert set(akn_eids(seed000.tree)) <= set(pdf000.dests)


def first_words(eop, n: int = 2) -> str:
    """The first words of the page an eop starts (its tail, or the next element's text)."""
    text = eop.tail or ""
    node = eop
    while len(text.split()) < n and node is not None:
        node = node.getnext() if node.getnext() is not None else node.getparent().getnext()
        text += " " + ("".join(node.itertext()) if node is not None else "")
    return " ".join(text.split()[:n])


def test_pdf_page_marks_are_set_off_by_a_space(pdf000, seed000):
    """pypdf reads each star page as its own word: `*14` then a (thin) space, then the first
    words of the page."""
    eops = list(seed000.tree.getroot().iter(f"{{{AKN}}}eop"))
    assert len(eops) == 32
    for eop in eops:
        words = r"\s+".join(map(re.escape, first_words(eop).split()))
        assert re.search(rf"(?:^|\s)\*{eop.get('number')}\s+{words}", pdf000.text), eop.get("eId")


def test_pdf_holds_each_note_text_exactly_once(pdf000, model000):
    text = re.sub(r"\s+", "", pdf000.text)
    for note in model000.notes:
        wanted = re.sub(r"\s+", "", visible_text(note.element))
        assert len(wanted) > 20 and text.count(wanted) == 1, note.id


def test_pdf_metadata_and_running_header(pdf000, model000):
    info = pdf000.reader.metadata
    assert info["/Title"] == model000.title
    assert info["/Author"] == model000.court
    assert info["/Subject"] == model000.description
    assert pdf000.reader.trailer["/Root"]["/Lang"] == "en"
    pages = len(pdf000.reader.pages)
    assert pages > 10
    assert f"Page 2 of {pages}" in pdf000.page_texts[1]
    assert model000.short_title in pdf000.page_texts[1]


def test_pdf_is_deterministic(seed000):
    from convert.render import render

    assert render(seed000.tree, "pdf", xml_bytes=seed000.xml) == seed000.render("pdf")


def test_pdfa3b_embeds_the_source_xml(seed000):
    data = seed000.render("pdf", pdf_variant="pdfa")
    facts = PdfFacts(data)
    attachments = facts.reader.attachments
    assert list(attachments) == ["judgment.xml"]
    assert attachments["judgment.xml"] == [seed000.xml]
    root = facts.reader.trailer["/Root"]
    spec = root["/AF"][0].get_object()
    assert spec["/AFRelationship"] == "/Source"
    xmp = root["/Metadata"].get_object().get_data()
    assert b'pdfaid:part="3"' in xmp and b'pdfaid:conformance="B"' in xmp
    from convert.render import render

    assert render(seed000.tree, "pdf", xml_bytes=seed000.xml, pdf_variant="pdfa") == data


def test_pdf_is_tagged_pdfua_by_default(seed000, pdf000):
    """The default PDF (what `akn render` and `akn convert` write) is tagged PDF/UA-1; the
    untagged one is `pdf_variant="plain"`."""
    assert seed000.render("pdf") == seed000.render("pdf", pdf_variant="pdfua")
    for facts in (pdf000, PdfFacts(seed000.render("pdf", pdf_variant="pdfua"))):
        root = facts.reader.trailer["/Root"]
        assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
        xmp = root["/Metadata"].get_object().get_data()
        assert b'pdfuaid:part="1"' in xmp
    plain = PdfFacts(seed000.render("pdf", pdf_variant="plain")).reader.trailer["/Root"]
    assert "/StructTreeRoot" not in plain


# ------------------------------------------------------------------ 4. seed 000's Markdown


@pytest.fixture(scope="module")
def md000(seed000) -> str:
    return seed000.render("md").decode()


def test_markdown_it_reads_five_footnotes(md000):
    refs, defs, _ = markdown_it_footnotes(md000)
    assert (refs, defs) == (5, 5)


@pytest.mark.parametrize("fmt", ["gfm", "markdown"])
def test_pandoc_reads_five_footnotes(md000, pandoc_path, fmt):
    out = pandoc_html(pandoc_path, md000, fmt)
    assert pandoc_footnotes(out) == (5, 5)
    doc = html_doc(f"<div>{out}</div>".encode())
    assert not doc.xpath("//script")


def test_markdown_has_every_paragraph_and_page_anchor(md000, seed000):
    for eid in para_eids(seed000.tree):
        assert md000.count(f'<a id="{eid}"></a>') == 1, eid
    for el in seed000.tree.getroot().iter(f"{{{AKN}}}eop"):
        # `[*14]`, then a space, then the first word of page 14
        mark = f'<a id="{el.get("eId")}"></a>\\[\\*{el.get("number")}\\] '
        assert mark + esc(first_words(el, 1)) in md000, el.get("eId")


@pytest.mark.parametrize("fmt", ["gfm", "markdown"])
def test_pandoc_shows_page_marks_followed_by_a_space(md000, seed000, pandoc_path, fmt):
    text = squash(html_doc(f"<div>{pandoc_html(pandoc_path, md000, fmt)}</div>")
                  .text_content())
    for el in seed000.tree.getroot().iter(f"{{{AKN}}}eop"):
        assert f"[*{el.get('number')}] {first_words(el, 1)}" in text, el.get("eId")


def test_markdown_front_matter_of_seed(md000, model000):
    front = md000.split("\n---\n", 1)[0]
    assert f'court: "{model000.court}"' in front
    assert 'date: "2020-06-23"' in front and 'docket: "20-309 (RC)"' in front
    assert f'frbr_uri: "{model000.frbr_uri}"' in front and "parties:" in front


# ------------------------------------------------------------------ both seeds, all formats


@pytest.mark.parametrize("key", ["000", "004"])
def test_every_note_is_called_in_html_and_markdown(key, seed000, seed004):
    seed = {"000": seed000, "004": seed004}[key]
    notes = count_notes(seed.tree)
    doc = html_doc(seed.render("html"))
    assert len(doc.xpath('//sup[@class="fn-call"]/a')) == notes
    assert len(doc.xpath('//section[@class="footnotes"]//div[@class="fn"]')) == notes
    assert markdown_it_footnotes(seed.render("md").decode())[:2] == (notes, notes)
