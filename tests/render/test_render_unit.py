"""Renderer behaviour on small AKN documents built here (our readers' shape) and written by
hand (other publishers' shapes)."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from convert.render import RenderError, render, render_file
from render_helpers import (
    akn, akn_eids, html_doc, ids, markdown_it_footnotes, markdown_it_html, sample_tree,
    sample_xml, squash,
)


@pytest.fixture(scope="module")
def page():
    return render(sample_tree(), "html")


@pytest.fixture(scope="module")
def doc(page):
    return html_doc(page)


@pytest.fixture(scope="module")
def md():
    return render(sample_tree(), "md").decode()


# ------------------------------------------------------------------ HTML


def test_html_page_head(doc, page):
    assert page.startswith(b"<!DOCTYPE html>")
    assert doc.get("lang") == "en"
    assert doc.findtext(".//title") == "K.O., et al. v. U.S. Immigration and Customs " \
                                       "Enforcement, et al."
    description = doc.xpath('//meta[@name="description"]/@content')[0]
    assert "United States District Court for the District of Columbia" in description
    assert "2021-03-05" in description and "20-309 (RC)" in description
    assert not doc.xpath('//link[@rel="stylesheet"]'), "self-contained: the CSS is inline"
    assert len(doc.xpath("//style")) == 1


def test_html_header_block_facts(doc):
    facts = doc.xpath('//dl[@class="case-facts"]')[0]
    pairs = {}
    label = None
    for el in facts:
        if el.tag == "dt":
            label = el.text
        else:
            pairs.setdefault(label, []).append(squash(el.text_content()))
    assert pairs["Court"] == ["United States District Court for the District of Columbia"]
    assert pairs["Parties"] == ["K.O., et al. (Plaintiff)",
                                "U.S. Immigration and Customs Enforcement, et al. (Defendant)"]
    assert pairs["Docket"] == ["20-309 (RC)"]
    assert pairs["Date"] == ["2021-03-05"]
    assert pairs["Judge"] == ["RUDOLPH CONTRERAS"]


def test_html_ids_are_the_akn_eids(doc):
    tree = sample_tree()
    eids = akn_eids(tree)
    html_ids = ids(doc)
    assert len(html_ids) == len(set(html_ids)), "ids are unique"
    derived = {i for i in html_ids if re.fullmatch(r".+-call-\d+", i)}
    assert set(html_ids) - derived <= eids
    for eid in ("para_1", "para_12", "lvl_1", "lvl_2", "page_14", "page_15", "note_1",
                "opinion_1_note_1", "opinion_1"):
        assert eid in html_ids


def test_html_every_paragraph_has_a_self_link(doc):
    paragraphs = doc.xpath('//div[contains(@class, "akn-paragraph")]')
    assert len(paragraphs) == 8
    labels = []
    for para in paragraphs:
        links = para.xpath('.//a[@class="self-link"]')
        assert links and links[0].get("href") == "#" + para.get("id")
        assert not links[0].text_content(), "the glyph is CSS generated content"
        labels.append(links[0].get("aria-label"))
    # the court's number where it numbers the paragraph, else the ordinal
    assert labels == ["Paragraph 1", "Paragraph 2", "Paragraph 3", "Paragraph 4",
                      "Paragraph 12", "Paragraph 6", "Paragraph 7", "Paragraph 8"]
    numbered = doc.get_element_by_id("para_12")
    assert squash(numbered.xpath(".//p")[0].text_content()).startswith("12. Analysis")


@pytest.mark.parametrize("num, label", [("12.", "Paragraph 12"), ("¶ 12", "Paragraph 12"),
                                        ("[7]", "Paragraph 7"), ("¶1", "Paragraph 1")])
def test_html_paragraph_link_names_the_courts_number_once(num, label):
    data = akn(f'<paragraph eId="para_1"><num>{num}</num><content><p>Text.</p></content>'
               '</paragraph>')
    page = html_doc(render(etree.ElementTree(etree.fromstring(data)), "html"))
    link = page.xpath('//a[@class="self-link"]')[0]
    assert link.get("aria-label") == label
    text = squash(page.get_element_by_id("para_1").text_content())
    assert text == f"{num} Text.", "no second ¶ before the court's own"


def test_html_footnotes_link_both_ways(doc):
    calls = doc.xpath('//sup[@class="fn-call"]/a')
    assert [a.text for a in calls] == ["1", "2", "*", "3", "1"]
    for call in calls:
        note = doc.get_element_by_id(call.get("href")[1:])
        assert "fn" in note.get("class").split()
        back = note.xpath('.//a[@class="fn-back"]')
        assert [b.get("href") for b in back] == ["#" + call.get("id")]
        assert call.get("aria-label") == f"Footnote {call.text}"
        assert back[0].get("aria-label")
    assert calls[0].get("id") == "note_1-call-1"
    note1 = doc.get_element_by_id("note_1")
    assert [squash(p.text_content()) for p in note1.xpath("./p")] == [
        "1 A note with <img src=x onerror=alert(1)> inside.", "Its second paragraph."]
    # notes are listed once, in the order of their calls
    assert [n.get("id") for n in doc.xpath('//section[@class="footnotes"]//div[@class="fn"]')] \
        == ["note_1", "note_2", "note_x", "note_3", "opinion_1_note_1"]


def test_html_page_markers_are_star_pages(doc):
    marker = doc.get_element_by_id("page_14")
    assert marker.get("data-mark") == "*14" and marker.get("href") == "#page_14"
    assert marker.get("aria-label") == "Page 14" and marker.get("tabindex") == "-1"
    assert not marker.text_content(), "the mark is drawn by CSS, so copies leave it out"
    assert "akn-eop" in marker.get("class")


UNNUMBERED = ('<paragraph eId="para_1"><content><p>One <eop eId="eop_1"/>two '
              '<eop eId="page_3" number="3"/>three <eop eId="eop_2"/>four '
              '<eop eId="s_1" number="**291"/>five.</p></content></paragraph>')


def test_page_marks_without_a_printed_number_show_the_source_page():
    from convert.render.model import page_mark

    assert page_mark("14", 9).shown == "*14" and page_mark("*484", 2).text == "*484"
    assert page_mark("**291", 2).label == "Page 291"
    assert page_mark(None, 7).shown == "[p. 7]" and page_mark(" ", 7).text == "p. 7"
    tree = etree.ElementTree(etree.fromstring(akn(UNNUMBERED)))
    page = html_doc(render(tree, "html"))
    assert [m.get("data-mark") for m in page.xpath('//*[contains(@class, "akn-eop")]')] == \
        ["[p. 2]", "*3", "[p. 4]", "**291"]
    assert "akn-eop-unprinted" in page.get_element_by_id("eop_1").get("class")
    md = render(tree, "md").decode()
    assert ('One <a id="eop_1"></a>\\[p. 2\\] two <a id="page_3"></a>\\[\\*3\\] three '
            '<a id="eop_2"></a>\\[p. 4\\] four <a id="s_1"></a>\\[\\*\\*291\\] five.') in md
    print_html = html_doc(render_print(tree))
    assert print_html.get_element_by_id("para_1").text_content().strip() == \
        "One [p. 2]\u2009two *3\u2009three [p. 4]\u2009four **291\u2009five."


def render_print(tree) -> bytes:
    from convert.render.html import render_html
    from convert.render.model import Model

    return render_html(Model(tree), print_mode=True)


def test_html_toc_from_headings(doc):
    nav = doc.xpath("//nav[@class='toc']")[0]
    top = nav.xpath("./ol/li")
    assert [squash(li.xpath("./a")[0].text_content()) for li in top] == [
        "I. BACKGROUND", "II. ANALYSIS", "III. CONCLUSION"]
    assert [a.get("href") for a in top[0].xpath("./ol/li/a")] == ["#lvl_2"]
    heading = doc.get_element_by_id("lvl_1").xpath("./h2")[0]
    assert squash(heading.text_content()).startswith("I. BACKGROUND")
    assert doc.get_element_by_id("lvl_2").xpath("./h3")


def test_html_blocks_lists_tables(doc):
    assert doc.xpath('//blockquote[contains(@class, "akn-blockContainer")]//p')
    items = doc.xpath('//ul[@class="akn-blockList"]/li')
    assert [squash(li.text_content()) for li in items] == ["1. one", "2. two"]
    cells = [squash(td.text_content()) for td in doc.xpath("//table//td")]
    assert cells == ["Count", "Claim", "I", "FTCA | negligence"]
    opinion = doc.get_element_by_id("opinion_1")
    assert opinion.get("data-akn-class") == "dissenting"


def test_html_escapes_markup_in_text(page, doc):
    assert b"<script>" not in page and b"<img src=x" not in page
    assert b"&lt;script&gt;alert('x')&lt;/script&gt;" in page
    assert not doc.xpath("//script[not(@type='application/ld+json')]") and not doc.xpath("//img")
    ld = doc.xpath("//script[@type='application/ld+json']")[0].text
    assert "</" not in ld  # the case name's markup cannot end the JSON-LD element early


def test_html_links_are_inert_unless_safe():
    data = akn('<introduction><p>See <ref href="javascript:alert(1)">this</ref>, '
               '<ref href=" JaVaScRiPt:alert(2)">that</ref>, <ref href="data:text/html,x">d</ref>,'
               ' <ref href="https://example.org/a">web</ref>, <ref href="#para_1">para</ref>, '
               '<ref href="#nowhere">gone</ref> <img src="javascript:alert(3)"/></p>'
               '<paragraph eId="para_1"><content><p onclick="x()" style="background:'
               'url(https://evil.example/)">Body</p></content></paragraph></introduction>')
    out = render(etree.ElementTree(etree.fromstring(data)), "html")
    doc = html_doc(out)
    hrefs = [a.get("href") for a in doc.xpath("//a[not(@class)] | //a[@class='akn-ref']")]
    assert hrefs == ["https://example.org/a", "#para_1"]
    assert b"javascript" not in out.lower() and b"data:text" not in out
    assert b"onclick" not in out and b"evil.example" not in out
    for word in ("this", "that", "web", "para", "gone"):
        assert word in doc.text_content()


def test_html_fragment_and_css_inline_by_default_or_linked():
    tree = sample_tree()
    fragment = render(tree, "html", fragment=True)
    assert fragment.startswith(b"<article") and b"<html" not in fragment
    assert b'id="para_12"' in fragment and b'class="footnotes"' in fragment
    inlined = html_doc(render(tree, "html"))
    assert not inlined.xpath("//link[@rel='stylesheet']")
    assert ".akn-eop" in inlined.xpath("//style")[0].text
    linked = html_doc(render(tree, "html", css="https://publisher.example/court.css"))
    assert not linked.xpath("//style")
    assert linked.xpath("//link[@rel='stylesheet']/@href") == \
        ["https://publisher.example/court.css"]
    with pytest.raises(ValueError):
        render(tree, "html", css="javascript:alert(1)")


def test_render_command_writes_the_same_self_contained_html_as_convert(tmp_path, capsysbinary):
    from convert.cli import main

    xml = tmp_path / "case.xml"
    xml.write_bytes(sample_xml())
    assert main(["render", str(xml), "--to", "html", "-o", str(tmp_path / "r.html")]) == 0
    page = (tmp_path / "r.html").read_bytes()
    assert page == render(sample_tree(), "html")
    assert b"<style>" in page and b'rel="stylesheet"' not in page
    assert main(["render", str(xml), "--to", "html", "--css", "/static/court.css"]) == 0
    out = capsysbinary.readouterr().out
    assert b'<link rel="stylesheet" href="/static/court.css">' in out and b"<style>" not in out
    assert main(["render", str(xml), "--to", "html", "--css", "javascript:x"]) == 2


def test_note_called_twice_gets_two_back_links():
    data = akn('<introduction><paragraph eId="para_1"><content><p>One<noteRef href="#fn_a" '
               'marker="a"/> and again<noteRef href="#fn_a" marker="a"/>, then a '
               'dangling<noteRef href="#missing" marker="z"/>.</p></content></paragraph>'
               '</introduction>',
               meta='<notes source="#x"><note eId="fn_a"><p>Shared note.</p></note></notes>')
    tree = etree.ElementTree(etree.fromstring(data))
    doc = html_doc(render(tree, "html"))
    calls = doc.xpath('//sup[@class="fn-call"]/a')
    assert [c.get("id") for c in calls] == ["fn_a-call-1", "fn_a-call-2"]
    backs = doc.get_element_by_id("fn_a").xpath('.//a[@class="fn-back"]')
    assert [b.get("href") for b in backs] == ["#fn_a-call-1", "#fn_a-call-2"]
    assert len({b.get("aria-label") for b in backs}) == 2
    assert "z" in doc.xpath('//sup[@class="akn-noteRef"]/text()')
    md = render(tree, "md").decode()
    refs, defs, _ = markdown_it_footnotes(md)
    assert (refs, defs) == (2, 1)


def test_notes_without_eid_and_unknown_elements_keep_their_text():
    data = akn('<introduction><p>Before<authorialNote marker="†"><p>Dagger note</p>'
               '</authorialNote> <mystery>unknown <b>bold</b> words</mystery> '
               '<embeddedStructure><p>embedded quote</p></embeddedStructure> after</p>'
               '<subFlow name="x"><p>in a subflow</p></subFlow><crossHeading eId="ch_1">A '
               'cross heading</crossHeading><level><heading>Headed without id</heading>'
               '<content><p>Level text</p></content></level></introduction>')
    tree = etree.ElementTree(etree.fromstring(data))
    doc = html_doc(render(tree, "html"))
    text = squash(doc.text_content())
    for words in ("Dagger note", "unknown bold words", "embedded quote", "in a subflow",
                  "A cross heading", "Level text", "after"):
        assert words in text
    call = doc.xpath('//sup[@class="fn-call"]/a')[0]
    assert call.text == "†" and call.get("href") == "#akn-note-1"
    assert call.get("id") == "akn-note-1-call-1"
    assert doc.xpath('//nav[@class="toc"]//a[@href="#akn-toc-1"]')
    md = render(tree, "md").decode()
    for words in ("Dagger note", "unknown **bold** words", "embedded quote", "in a subflow",
                  "A cross heading", "Level text"):
        assert words in md
    assert re.search(r"\[\^(\S+)\].*\n\n\[\^\1\]: Dagger note", md, re.S)


def test_other_publishers_ids_are_kept_and_duplicates_dropped():
    data = akn('<decision><paragraph eId="para_1"><num>1.</num><content><p>First</p></content>'
               '</paragraph><paragraph eId="para_1"><num>2.</num><content><p>Clash</p>'
               '</content></paragraph><paragraph><num>3.</num><content><p>No id</p></content>'
               '</paragraph></decision>')
    doc = html_doc(render(etree.ElementTree(etree.fromstring(data)), "html"))
    assert ids(doc).count("para_1") == 1
    assert "Clash" in doc.text_content() and "No id" in doc.text_content()


# ------------------------------------------------------------------ Markdown


def test_markdown_front_matter(md):
    _, _, tokens = markdown_it_footnotes(md)
    front = next(t for t in tokens if t.type == "front_matter").content
    assert 'court: "United States District Court for the District of Columbia"' in front
    assert 'date: "2021-03-05"' in front and 'docket: "20-309 (RC)"' in front
    assert '  - name: "K.O., et al."\n    role: "Plaintiff"' in front
    assert 'frbr_uri: "/akn/us/judgment/dcd/2021-03-05/20-309-RC"' in front


def test_markdown_anchors_headings_pages_footnotes(md):
    assert '<a id="para_1"></a>Plaintiffs are' in md
    assert '<a id="para_12"></a>**12.** Analysis[^3]' in md
    assert '\n## <a id="lvl_1"></a>I. BACKGROUND\n' in md
    assert '\n### <a id="lvl_2"></a>A. Facts\n' in md
    assert '<a id="page_14"></a>\\[\\*14\\] continues here.' in md
    assert "{#" not in md
    refs, defs, _ = markdown_it_footnotes(md)
    assert (refs, defs) == (5, 5)
    assert "[^1]: A note with" in md and "\n\n    Its second paragraph." in md


def test_markdown_escapes_markup_and_syntax(md):
    rendered = markdown_it_html(md)
    assert "<script>" not in rendered and "<img" not in rendered
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in rendered
    line = next(x for x in md.splitlines() if "Looks like a list" in x)
    assert line.startswith('<a id="para_5"></a>1\\. Looks like a list; \\*stars\\* and \\$5 '
                           'and \\@cite and \\[link\\](x).')
    assert '<p><a id="para_5"></a>1. Looks like a list; *stars* and $5 and @cite and [link](x).' \
        in rendered
    assert "| I | FTCA \\| negligence |" in md


def test_markdown_tables_lists_quotes(md):
    rendered = markdown_it_html(md)
    assert "<blockquote>" in rendered
    assert "- <a id=\"item_1\"></a>1\\. one" in md
    assert "| Count | Claim |\n| --- | --- |" in md


# ------------------------------------------------------------------ files and errors


def test_render_file_reads_akn(tmp_path):
    path = tmp_path / "doc.xml"
    path.write_bytes(sample_xml())
    assert render_file(path, "html") == render(sample_tree(), "html")
    assert render_file(path, "md", fragment=True) == render(sample_tree(), "md")


@pytest.mark.parametrize("content, reason", [
    (None, "no such file"),  # inputs.check_regular: the reason, precisely
    (b"<akomaNtoso><unclosed></akomaNtoso>", "not well-formed XML"),
    (b"<html><body/></html>", "not an Akoma Ntoso 3.0 document"),
    (b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"/>', "holds no"),
])
def test_render_file_errors_name_file_and_reason(tmp_path, content, reason):
    path = tmp_path / "bad.xml"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(RenderError) as err:
        render_file(path, "html")
    assert str(err.value).startswith(str(path)) and reason in str(err.value)


def test_render_file_expands_no_entities(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    body = '<introduction><p>x &ext; &big;</p></introduction>'
    data = akn(body).replace(b"<akomaNtoso", (
        f'<!DOCTYPE akomaNtoso [<!ENTITY ext SYSTEM "file://{secret}">'
        '<!ENTITY big "BIGBIGBIG">]>\n<akomaNtoso').encode(), 1)
    path = tmp_path / "xxe.xml"
    path.write_bytes(data)
    for fmt in ("html", "md"):
        out = render_file(path, fmt)
        assert b"TOP-SECRET" not in out and b"BIGBIGBIG" not in out


def test_cli_render(tmp_path, capsys):
    from convert.cli import main

    path = tmp_path / "doc.xml"
    path.write_bytes(sample_xml())
    assert main(["render", str(path), "--to", "md", "-o", str(tmp_path / "out.md")]) == 0
    assert (tmp_path / "out.md").read_bytes() == render(sample_tree(), "md")
    capsys.readouterr()
    assert main(["render", str(path), "--to", "html", "--fragment"]) == 0  # text: to stdout
    assert capsys.readouterr().out.startswith("<article")
    assert not (tmp_path / "doc.html").exists()
    assert main(["render", str(tmp_path / "missing.xml"), "--to", "html"]) == 1


def test_output_is_deterministic():
    assert render(sample_tree(), "html") == render(sample_tree(), "html")
    assert render(sample_tree(), "md") == render(sample_tree(), "md")
