"""Issue 12, acceptance 1 and 2: citations of seed 000 (D.D.C. memorandum opinion)."""

from __future__ import annotations

import copy
import re

import pytest

from convert.akn.names import NS
from convert.citations import analyse
from convert.citations.annotate import annotate
from convert.pipeline import parse
from convert.validate.schema import schema_errors

from locations import SEED_000

COURTLISTENER = "https://www.courtlistener.com/c/"
NO_PUBLIC_RESOLVER = re.compile(r"\b(WL|LEXIS)\b")
# Seed 000 cites 59 full case citations: 52 in reporters CourtListener resolves and 7 Westlaw
# numbers (no public resolver: marked, not linked).
MIN_FULL_CASE_MARKED = 55


@pytest.fixture(scope="module")
def plain():
    return parse(SEED_000, citations=False).tree


@pytest.fixture(scope="module")
def linked():
    return parse(SEED_000).tree


def refs(tree, kind=None):
    path = "//akn:ref" + (f"[@class='citation {kind}']" if kind else "")
    return tree.getroot().xpath(path, namespaces=NS)


def test_full_case_citations_are_marked_and_linked(linked):
    cases = refs(linked, "case")
    assert len(cases) >= MIN_FULL_CASE_MARKED
    for ref in cases:
        if NO_PUBLIC_RESOLVER.search(ref.text):
            assert ref.get("href") == ref.get("refersTo")  # its meta entry, not a link
        else:
            assert ref.get("href").startswith(COURTLISTENER), ref.text
    linked_cases = [r for r in cases if r.get("href").startswith(COURTLISTENER)]
    assert len(linked_cases) >= 52


@pytest.mark.parametrize("text, href", [
    ("8 U.S.C. § 1158", "https://www.law.cornell.edu/uscode/text/8/1158"),
    ("42 U.S.C. § 1985(3)", "https://www.law.cornell.edu/uscode/text/42/1985"),
    ("42 U.S.C. § 1986", "https://www.law.cornell.edu/uscode/text/42/1986"),
    ("28 U.S.C. § 1631", "https://www.law.cornell.edu/uscode/text/28/1631"),
    ("6 U.S.C. § 279(a)", "https://www.law.cornell.edu/uscode/text/6/279"),
    ("8 U.S.C. § 1232(a)(1)", "https://www.law.cornell.edu/uscode/text/8/1232"),
])
def test_us_code_citations_are_linked(linked, text, href):
    assert (text, href) in {(r.text, r.get("href")) for r in refs(linked, "law")}


def test_every_us_code_citation_is_linked(linked):
    usc = [r for r in refs(linked, "law") if "U.S.C." in r.text]
    assert len(usc) >= 10 and all(r.get("href").startswith("https://www.law.cornell.edu/")
                                  for r in usc)


def test_id_after_a_case_citation_resolves_to_it(linked):
    """"... Iqbal, 556 U.S. 662, 678 (2009). Id. at 679": the id. links where the case does.
    Checked wherever an id. follows a case citation that is not itself inside a parenthetical
    ("(citing X, 1 U.S. 1)", which an id. skips), with no parenthesis between them."""
    seen = 0
    for ref in refs(linked, "id"):
        prev = ref.getprevious()
        if prev is None or prev.get("class") not in ("citation case", "citation short"):
            continue
        between = prev.tail or ""
        parent = prev.getparent()
        before = (parent.text or "") + "".join(
            "".join(s.itertext()) + (s.tail or "") for s in parent[:parent.index(prev)])
        if "(" in between or ")" in between or before.count("(") != before.count(")"):
            continue
        assert ref.get("href") == prev.get("href"), (prev.text, ref.text)
        seen += 1
    assert seen >= 5


def test_id_after_a_record_cite_is_plain(linked):
    """"28 U.S.C. § 1631. Id. at 14." cites the transfer order (ECF No. 86), not the statute."""
    text = "".join(linked.getroot().itertext())
    assert "§ 1631. Id. at 14." in text
    assert not [r for r in refs(linked, "id") if r.text == "Id. at 14"]


def test_every_ref_wraps_exactly_the_source_text(plain):
    """The marks' spans, written into a copy, give refs whose text is the source's."""
    marks, references = analyse(plain)
    tree = copy.deepcopy(plain)
    # the copy's segments are the copy's own: analyse it again, and compare with the original
    marks_copy, references_copy = analyse(tree)
    assert [m.text for m in marks_copy] == [m.text for m in marks]
    made = annotate(tree, marks_copy, references_copy)
    wrapped = [r.text for r in made]
    expected = []
    for m in marks_copy:
        parts = [p for p in m.found.segment.pieces if p.start < m.end and m.start < p.end]
        for p in parts:
            expected.append(m.found.segment.text[max(m.start, p.start):min(m.end, p.end)].strip())
    assert wrapped == expected
    source = " ".join(SEED_000.read_text(encoding="utf-8").split())
    for text in wrapped:
        assert " ".join(text.split()) in source


def test_linking_changes_no_text(plain, linked):
    def text(tree):
        return "".join(tree.getroot().xpath("//akn:judgmentBody", namespaces=NS)[0].itertext())
    assert text(plain) == text(linked)


def test_output_stays_schema_valid_and_meta_lists_each_reference(linked):
    assert not schema_errors(linked)
    listed = linked.getroot().xpath("//akn:references/akn:TLCReference", namespaces=NS)
    ids = {"#" + r.get("eId") for r in listed}
    assert {r.get("refersTo") for r in refs(linked)} == ids


def test_record_cites_stay_plain(linked):
    assert not [r for r in refs(linked) if re.search(r"ECF|Compl\.", r.text)]
