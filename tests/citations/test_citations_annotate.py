"""annotate: refs wrap exactly the cited text, never across an element boundary."""

from lxml import etree

from convert.akn.names import AKN_NS, NS
from convert.citations import link
from convert.validate.schema import schema_errors


def doc(p_inner: str):
    xml = (f'<akomaNtoso xmlns="{AKN_NS}"><judgment name="judgment"><meta><identification '
           'source="#x"><FRBRWork><FRBRthis value="/a/!main"/><FRBRuri value="/a"/><FRBRdate '
           'date="2020-01-01" name="decision"/><FRBRauthor href="#x"/><FRBRcountry value="us"/>'
           '</FRBRWork><FRBRExpression><FRBRthis value="/a/eng@/!main"/><FRBRuri value="/a/eng@"/>'
           '<FRBRdate date="2020-01-01" name="decision"/><FRBRauthor href="#x"/><FRBRlanguage '
           'language="eng"/></FRBRExpression><FRBRManifestation><FRBRthis value="/a/eng@/!main.xml"/>'
           '<FRBRuri value="/a/eng@.xml"/><FRBRdate date="2020-01-01" name="decision"/><FRBRauthor '
           'href="#x"/></FRBRManifestation></identification></meta><header><p>Caption</p></header>'
           '<judgmentBody><motivation><paragraph eId="para_1"><content><p>'
           f'{p_inner}</p></content></paragraph></motivation></judgmentBody></judgment></akomaNtoso>')
    return etree.ElementTree(etree.fromstring(xml))


def refs(tree):
    return tree.getroot().xpath("//akn:ref", namespaces=NS)


def text(tree):
    return "".join(tree.getroot().xpath("//akn:judgmentBody", namespaces=NS)[0].itertext())


def test_ref_wraps_the_citation_and_meta_lists_it():
    tree = doc("See Ashcroft v. Iqbal, 556 U.S. 662, 678 (2009). Id. at 679.")
    before = text(tree)
    assert link(tree) == 2
    assert text(tree) == before
    a, b = refs(tree)
    assert (a.text, b.text) == ("556 U.S. 662", "Id. at 679")
    assert a.get("href") == b.get("href") == "https://www.courtlistener.com/c/U.S./556/662/"
    listed = tree.getroot().xpath("//akn:meta/akn:references/akn:TLCReference", namespaces=NS)
    assert [r.get("showAs") for r in listed] == ["556 U.S. 662"]
    assert a.get("refersTo") == b.get("refersTo") == "#" + listed[0].get("eId")
    assert not schema_errors(tree)


def test_citation_split_by_a_page_marker_becomes_two_refs_around_it():
    tree = doc('See Ashcroft v. Iqbal, 556 U.S.<eop eId="page_2" number="2"/> 662 (2009).')
    link(tree)
    a, b = refs(tree)
    assert (a.text, b.text) == ("556 U.S.", "662")
    assert a.getnext().tag == f"{{{AKN_NS}}}eop" and a.getnext().getnext() is b
    assert a.get("href") == b.get("href") and a.get("eId") != b.get("eId")
    assert not schema_errors(tree)


def test_citation_split_by_a_footnote_call_links_and_the_note_is_read():
    tree = doc('Iqbal, 556 U.S.<authorialNote eId="note_1" marker="1" placement="bottom"><p>Id. '
               'at 680.</p></authorialNote> 662 (2009).')
    link(tree)
    got = [(r.text, r.get("href")) for r in refs(tree)]
    href = "https://www.courtlistener.com/c/U.S./556/662/"
    assert got == [("556 U.S.", href), ("Id. at 680", href), ("662", href)]
    assert not schema_errors(tree)


def test_citation_across_inline_markup_wraps_each_text_node():
    tree = doc("See <i>Id.</i> at 5; Iqbal, 556 U.S. 662 (2009). <i>Id.</i> at 679.")
    link(tree)
    assert [r.text for r in refs(tree)] == ["556 U.S. 662", "Id.", "at 679"]
    assert refs(tree)[1].getparent().tag == f"{{{AKN_NS}}}i"


def test_existing_refs_are_not_wrapped_again():
    tree = doc('See <ref eId="r" href="https://example.org">556 U.S. 662</ref> (2009).')
    link(tree)
    assert len(refs(tree)) == 1


def test_citation_split_by_a_paragraph_break_links_on_both_sides():
    """A reader that broke a paragraph inside a citation ("258 U. S." | "574, 580 (1922)"):
    the citation is found whole and gets one ref in each paragraph, with one reference; a
    citation wholly inside the second paragraph stays that paragraph's."""
    tree = doc('Oklahoma v. Texas, 258 U. S.</p></content></paragraph><paragraph '
               'eId="para_2"><content><p>574, 580 (1922); see 8 U.S.C. § 1427. Later, 8'
               '</p></content></paragraph><paragraph eId="para_3"><content><p>U.S.C. § 1447 '
               'applies.')
    before = text(tree)
    link(tree)
    assert text(tree) == before
    got = [(r.getparent().getparent().getparent().get("eId"), r.text, r.get("href"))
           for r in refs(tree)]
    okla = "https://www.courtlistener.com/c/U.S./258/574/"
    assert got == [
        ("para_1", "258 U. S.", okla), ("para_2", "574", okla),
        ("para_2", "8 U.S.C. § 1427", "https://www.law.cornell.edu/uscode/text/8/1427"),
        ("para_2", "8", "https://www.law.cornell.edu/uscode/text/8/1447"),
        ("para_3", "U.S.C. § 1447", "https://www.law.cornell.edu/uscode/text/8/1447")]
    assert len({r.get("refersTo") for r in refs(tree)}) == 3
    assert not schema_errors(tree)


def test_a_note_is_not_joined_to_the_paragraph_that_calls_it():
    from convert.citations.segments import collect, joined

    tree = doc('See 258<authorialNote eId="note_1" marker="1" placement="bottom"><p>U.S.C. '
               '§ 1 is not cited here.</p></authorialNote>')
    segments = collect(tree)
    assert len(joined(segments)) == len(segments) == 2
