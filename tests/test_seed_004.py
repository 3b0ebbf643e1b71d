"""Seed 004 (C.D. Cal. civil minutes, light Markdown): issue 2, acceptance 4.

@marker holds the note's digit ("1"), not the superscript as printed ("¹"): renderers print
the court's marker and need it in a form every format can show.
"""

from __future__ import annotations

import re

import pytest

from convert.pipeline import parse

from akn_helpers import text_before, text_of, xp
from locations import SEED_004


@pytest.fixture(scope="module")
def tree():
    return parse(SEED_004).tree


def flat(el) -> str:
    return re.sub(r"\s+", " ", text_of(el))


def test_two_notes_with_digit_markers(tree):
    assert [n.get("marker") for n in xp(tree, "//akn:authorialNote")] == ["1", "2"]


@pytest.mark.parametrize("marker, words", [("1", "for that document."),
                                           ("2", "April 19, 2024.")])
def test_note_called_after_its_words(tree, marker, words):
    note = xp(tree, f"//akn:authorialNote[@marker='{marker}']")[0]
    assert text_before(note).rstrip().endswith(words)


def test_note_bodies(tree):
    one, two = xp(tree, "//akn:authorialNote")
    assert flat(one).startswith("Notably, Defendants produced this document only after")
    assert flat(two).startswith("The Court is amenable to a reasonable continuation")


@pytest.mark.parametrize("phrase", [
    "The Court ORDERS Defendants to complete the certified administrative record promptly",
    "which consisted of a single document",
    "U.S. Immigrations and Customs Enforcement",
])
def test_sentences_read_whole_across_breaks(tree, phrase):
    paragraphs = [flat(p) for p in xp(tree, "//akn:judgmentBody//akn:p")]
    assert any(phrase in p for p in paragraphs)


def test_note_body_does_not_split_its_paragraph(tree):
    paragraphs = [flat(p) for p in xp(tree, "//akn:judgmentBody//akn:p")]
    assert not any(p.startswith("to complete the certified") for p in paragraphs)
    assert not any(p.startswith("(Opposition at 5–6.)") for p in paragraphs)


def test_five_categories_list(tree):
    lists = xp(tree, "//akn:blockList")
    assert len(lists) == 1
    items = xp(lists[0], "akn:item")
    assert [text_of(xp(i, "akn:num")[0]) for i in items] == ["1.", "2.", "3.", "4.", "5."]
    assert flat(xp(items[0], "akn:p")[0]) == \
        "Communications and agreements with the Mexican government;"


def test_header_facts(tree):
    assert [text_of(d) for d in xp(tree, "//akn:header//akn:docketNumber")] == \
        ["CV 20-9893 JGB (SHKx)"]
    assert [d.get("date") for d in xp(tree, "//akn:header//akn:docDate")] == ["2024-04-05"]
    judges = xp(tree, "//akn:header//akn:judge")
    assert [text_of(j) for j in judges] == ["JESUS G. BERNAL"]
    person = xp(tree, f"//akn:TLCPerson[@eId='{judges[0].get('refersTo')[1:]}']")[0]
    assert person.get("showAs") == "Jesus G. Bernal"
    parties = [(text_of(p), p.get("as")) for p in xp(tree, "//akn:header//akn:party")]
    assert parties == [("Immigrant Defenders Law Center, et al.", "#plaintiff"),
                       ("Alejandro Mayorkas, et al.", "#defendant")]
    assert xp(tree, "//akn:FRBRWork/akn:FRBRuri/@value")[0] == \
        "/akn/us/judgment/cacd/2024-04-05/CV-20-9893-JGB-SHKx"


def test_bold_and_closing_kept(tree):
    bold = [text_of(b) for b in xp(tree, "//akn:judgmentBody//akn:b")]
    assert "GRANTS" in bold and "VACATES" in bold and "Friday, April 19, 2024" in bold
    assert any(flat(p) == "IT IS SO ORDERED." for p in xp(tree, "//akn:judgmentBody//akn:p"))


def test_sections(tree):
    top = [text_of(xp(l, "akn:num")[0]) for l in xp(tree, "//akn:judgmentBody/*/akn:level")]
    assert top == ["I.", "II.", "III."]
    subs = [text_of(h) for h in xp(tree, "//akn:level/akn:level/akn:heading")]
    assert subs == ["Procedural Background", "Factual Background"]
