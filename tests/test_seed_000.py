"""Seed 000 (D.D.C. memorandum opinion, double-spaced pdftotext): issue 2, acceptance 3."""

from __future__ import annotations

import pytest

from convert.pipeline import parse

from akn_helpers import body_text, text_before, text_of, xp
from locations import SEED_000


@pytest.fixture(scope="module")
def tree():
    return parse(SEED_000).tree


@pytest.fixture(scope="module")
def parsed():
    return parse(SEED_000)


def test_five_notes_with_markers_1_to_5(tree):
    notes = xp(tree, "//akn:authorialNote")
    assert [n.get("marker") for n in notes] == ["1", "2", "3", "4", "5"]
    assert all(n.get("placement") == "bottom" and n.get("eId") for n in notes)


@pytest.mark.parametrize("marker, words", [
    ("1", "ECF No. 92."),
    ("2", "rights."),
    ("3", "alternative remedy,"),
    ("4", "statutory claims."),
])
def test_note_called_after_its_words(tree, marker, words):
    note = xp(tree, f"//akn:authorialNote[@marker='{marker}']")[0]
    assert text_before(note).rstrip().endswith(words)


def test_note_5_ends_the_heading(tree):
    note = xp(tree, "//akn:authorialNote[@marker='5']")[0]
    heading = note.getparent()
    assert heading.tag.endswith("heading")
    assert text_of(heading) == "Motion for Leave to File a Second Amended Complaint"
    assert not (note.tail or "").strip()


def test_no_footnote_text_in_running_body(tree):
    body = body_text(tree)
    for fragment in ["Upon review, the Court did not find the related case",
                     "He had also brought Fifth Amendment Bivens claims",
                     "proposed tort claims against the United States, which they seek",
                     "entitled to qualified immunity on all nine",
                     "While litigating in the District of Massachusetts"]:
        assert fragment not in body
        assert any(fragment in " ".join(n.itertext()).replace("\n", " ")
                   for n in xp(tree, "//akn:authorialNote"))


def test_furniture_gone(tree, parsed):
    text = " ".join(tree.getroot().itertext())
    assert "Document 113" not in text and "Page 13 of 33" not in text
    kinds = [(r.kind, r.text) for r in parsed.report.removed]
    assert ("page-number", "14") in kinds and ("page-number", "19") in kinds
    assert sum(1 for k, _ in kinds if k == "stamp") == 2
    # the lone 14 and 19 are no longer in the paragraph text where they stood
    for p in xp(tree, "//akn:p"):
        assert text_of(p) not in ("14", "19")


def test_32_page_markers_2_to_33(tree):
    eops = xp(tree, "//akn:eop")
    assert [e.get("number") for e in eops] == [str(n) for n in range(2, 34)]
    assert [e.get("eId") for e in eops] == [f"page_{n}" for n in range(2, 34)]


@pytest.mark.parametrize("page, words", [("14", "that one."),
                                         ("19", "The D.C. Circuit has not addressed")])
def test_page_begins_at(tree, page, words):
    eop = xp(tree, f"//akn:eop[@number='{page}']")[0]
    assert (eop.tail or "").startswith(words)


def test_heading_hierarchy(tree):
    def outline(node):
        return [(text_of(xp(l, "akn:num")[0]), [c for c in outline(l)])
                for l in xp(node, "akn:level | akn:*/akn:level")]

    top = xp(tree, "//akn:judgmentBody/*/akn:level")
    nums = [text_of(xp(l, "akn:num")[0]) for l in top]
    assert nums == ["I.", "II.", "III.", "IV."]
    tree_of = {text_of(xp(l, "akn:num")[0]): [text_of(xp(c, "akn:num")[0])
                                              for c in xp(l, "akn:level")] for l in top}
    assert tree_of == {"I.": ["A.", "B.", "C."], "II.": [], "III.": ["A.", "B."], "IV.": []}
    background_b = xp(top[0], "akn:level")[1]
    assert [text_of(xp(c, "akn:num")[0]) for c in xp(background_b, "akn:level")] == \
        ["1.", "2.", "3."]
    analysis_a = xp(top[2], "akn:level")[0]
    assert [text_of(xp(c, "akn:num")[0]) for c in xp(analysis_a, "akn:level")] == ["1.", "2."]


def test_headings_texts(tree):
    headings = [text_of(h) for h in xp(tree, "//akn:level/akn:heading")]
    assert headings[:3] == ["BACKGROUND", "Legal and Factual Background", "Factual Background"]
    assert "CONCLUSION" in headings


def test_every_paragraph_has_an_eid(tree):
    paras = xp(tree, "//akn:judgmentBody//akn:paragraph")
    assert len(paras) >= 50
    assert [p.get("eId") for p in paras] == [f"para_{n}" for n in range(1, len(paras) + 1)]


def test_block_quote(tree):
    quotes = xp(tree, "//akn:blockContainer")
    assert len(quotes) == 1
    assert text_of(quotes[0]).startswith("[A]ll minor children nationwide who:")


def test_caption_parties(tree):
    parties = xp(tree, "//akn:header//akn:party")
    assert [(text_of(p), p.get("as")) for p in parties] == [
        ("K.O., et al.", "#plaintiff"),
        ("U.S. IMMIGRATION AND CUSTOMS ENFORCEMENT, et al.", "#defendant")]
    refs = {e.get("eId") for e in xp(tree, "//akn:references/*")}
    for p in parties:
        assert p.get("refersTo")[1:] in refs and p.get("as")[1:] in refs


def test_docket_title_date_judge(tree):
    assert [text_of(d) for d in xp(tree, "//akn:header//akn:docketNumber")] == ["20-309 (RC)"]
    assert [text_of(d) for d in xp(tree, "//akn:header//akn:docTitle")] == ["MEMORANDUM OPINION"]
    dates = xp(tree, "//akn:conclusions//akn:docDate")
    assert [(d.get("date"), text_of(d)) for d in dates] == [("2020-06-23", "June 23, 2020")]
    judges = xp(tree, "//akn:conclusions//akn:signature/akn:judge")
    assert [text_of(j) for j in judges] == ["RUDOLPH CONTRERAS"]
    person = xp(tree, f"//akn:TLCPerson[@eId='{judges[0].get('refersTo')[1:]}']")[0]
    assert person.get("showAs") == "Rudolph Contreras"


def test_frbr_metadata(tree):
    work = xp(tree, "//akn:FRBRWork/akn:FRBRuri/@value")[0]
    assert work == "/akn/us/judgment/dcd/2020-06-23/20-309-RC"
    assert xp(tree, "//akn:FRBRExpression/akn:FRBRuri/@value")[0] == work + "/eng@"
    assert xp(tree, "//akn:judgment/@name")[0] == "memorandumOpinion"
