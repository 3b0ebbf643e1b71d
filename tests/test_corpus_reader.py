"""Issue 4: the readers on real opinions from ../shared/corpus (skipped when it is absent).

Every fact asserted here was read off the documents themselves (their PDFs and both text
extractions); the reader must find it by general rules.
"""

from __future__ import annotations

import copy
import re

import pytest
from lxml import etree

from convert.akn.names import NS
from convert.coverage import compare
from convert.pipeline import parse
from convert.validate.schema import schema_errors

from corpus_cache import parsed
from corpus_labels import note_count
from locations import CORPUS

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")

PDF_DIR = CORPUS / "pdf"
STEMS = ["azd_bard_ivc_remand_order", "ca10_21-800_order", "ca1_20-1507_calvary_chapel_v_mills",
         "nc_2022-NCSC-1_gift_surplus", "scotus_tarrant_v_herrmann_2013_slip",
         "tc_memo_2020-26_bordelon"]
FORMS = [".pdf", ".layout.txt", ".raw.txt"]
INPUTS = [f"{stem}{form}" for stem in STEMS for form in FORMS]
FISHER = "text/scotus_fisher_v_ut_2013.txt"


def converted(name: str):
    """The input read once per session (shared with the other corpus tests)."""
    path = CORPUS / name if "/" in name else PDF_DIR / name
    return parsed(path)[0]


def xp(tree, path):
    return tree.xpath(path, namespaces=NS)


def visible_text(tree) -> str:
    """Text nodes joined by spaces (so a note's text never glues to its call's word), with
    citation refs first dissolved into their text (a ref is not a word boundary)."""
    tree = copy.deepcopy(tree)
    etree.strip_tags(tree, "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}ref")
    parts = xp(tree, "//akn:header | //akn:judgmentBody | //akn:conclusions")
    return re.sub(r"\s+", " ", " ".join(" ".join(p.itertext()) for p in parts))


# ---------------------------------------------------------------- 1. schema-valid, all forms


@pytest.mark.parametrize("name", INPUTS + [FISHER])
def test_converts_to_schema_valid_akn(name):
    assert schema_errors(converted(name).tree) == []


# ---------------------------------------------------------------- 2. furniture is gone

FURNITURE = {
    "azd_bard_ivc_remand_order": [
        "In re Bard IVC Filters Products Liability Litigation, No.", "1 WO", "2 3 4 5 6",
        "15 This multidistrict", "17 (collectively"],
    "ca10_21-800_order": ["Appellate Case: 21-800", "Document: 010110462922",
                          "Date Filed: 01/11/2021"],
    "ca1_20-1507_calvary_chapel_v_mills": ["Document: 00117684624", "Entry ID: 6390389",
                                           "Date Filed: 12/22/2020", "- 5 -", "- 17 -"],
    "nc_2022-NCSC-1_gift_surplus": ["GIFT SURPLUS, LLC V. STATE EX REL. COOPER",
                                    "Opinion of the Court"],
    "scotus_tarrant_v_herrmann_2013_slip": ["Cite as: 569 U. S.", "(Slip Opinion)",
                                            "TARRANT REGIONAL WATER DIST. v. HERRMANN",
                                            "Opinion of the Court"],
    "tc_memo_2020-26_bordelon": ["-2-", "- 32 -", "[*2]", "[*32]"],
}


@pytest.mark.parametrize("name", INPUTS)
def test_no_furniture_left(name):
    stem = name.split(".")[0]
    text = visible_text(converted(name).tree)
    for furniture in FURNITURE[stem]:
        assert furniture not in text, f"{furniture!r} left in {name}"


def test_fisher_running_heads_gone():
    text = visible_text(converted(FISHER).tree)
    assert "Cite as: 570 U. S." not in text and "Opinion of the Court" not in text
    assert "(Slip Opinion)" not in text
    # "THOMAS, J., concurring" stays where the Court cites it, never as a page head
    heads = [p for p in xp(converted(FISHER).tree, "//akn:p")
             if "".join(p.itertext()).strip() in ("THOMAS, J., concurring",
                                                  "GINSBURG, J., dissenting")]
    assert heads == []


def test_removed_furniture_is_reported():
    kinds = {r.kind for r in converted("ca1_20-1507_calvary_chapel_v_mills.raw.txt")
             .report.removed}
    assert {"stamp", "page-number"} <= kinds
    kinds = {r.kind for r in converted("azd_bard_ivc_remand_order.pdf").report.removed}
    assert {"line-number", "running-head"} <= kinds


# ---------------------------------------------------------------- 3. footnotes

# Inputs whose text shows fewer notes than the document has (none now: the North Carolina
# opinion's plain text prints note 3's label after its note, and the reader takes it there).
SHOWN: dict[str, int] = {}


@pytest.mark.parametrize("name", INPUTS)
def test_every_footnote_found_and_linked(name):
    parsed = converted(name)
    stem = name.split(".")[0]
    count = SHOWN.get(name) if name in SHOWN else note_count(stem)
    notes = xp(parsed.tree, "//akn:authorialNote")
    assert [n.get("marker") for n in notes] == [str(i) for i in range(1, count + 1)]
    assert not [w for w in parsed.report.warnings if "not found" in w]
    body = visible_text(parsed.tree)
    for n in notes:  # a note's body never stays in the running text
        first_words = " ".join("".join(n.itertext()).split()[:16])
        assert body.count(first_words) == 1


def test_fisher_notes_restart_per_writing():
    tree = converted(FISHER).tree
    per_writing = [[n.get("marker") for n in xp(w, ".//akn:authorialNote")]
                   for w in xp(tree, "//akn:hcontainer")]
    assert per_writing == [[], [], [], ["1", "2", "3", "4", "5"], ["1", "2", "3", "4"]]
    ids = [n.get("eId") for n in xp(tree, "//akn:authorialNote")]
    assert len(set(ids)) == len(ids) == 9


def test_caption_footnote_call():
    # Tax Court: the first note is called in the caption ("BORDELON,1 Petitioners")
    tree = converted("tc_memo_2020-26_bordelon.pdf").tree
    assert xp(tree, "//akn:header//akn:authorialNote/@marker") == ["1"]


# ---------------------------------------------------------------- 4. separate writings


def test_fisher_writings():
    tree = converted(FISHER).tree
    containers = xp(tree, "//akn:judgmentBody//akn:hcontainer")
    assert [(c.get("name"), c.get("class")) for c in containers] == [
        ("syllabus", "syllabus"), ("opinion", "majority"), ("opinion", "concurrence"),
        ("opinion", "concurrence"), ("opinion", "dissent")]
    bylines = [xp(c, ".//akn:opinion") for c in containers[1:]]
    authors = []
    for (op,) in bylines:
        person = xp(tree, f"//akn:TLCPerson[@eId='{op.get('by')[1:]}']")[0]
        authors.append((person.get("showAs"), op.get("type")))
    assert authors == [("Kennedy", None), ("Scalia", "agreeing"), ("Thomas", "agreeing"),
                       ("Ginsburg", "dissenting")]
    assert "JUSTICE KENNEDY delivered the opinion of the Court." in \
        "".join(bylines[0][0].itertext())
    syllabus = " ".join(containers[0].itertext())
    assert "Held:" in syllabus or "held" in syllabus.lower()


def test_ca1_majority_and_concurrence():
    tree = converted("ca1_20-1507_calvary_chapel_v_mills.pdf").tree
    assert [c.get("class") for c in xp(tree, "//akn:hcontainer")] == ["majority", "concurrence"]


# ---------------------------------------------------------------- 5. court-numbered paragraphs


@pytest.mark.parametrize("form", FORMS)
def test_nc_paragraph_numbers(form):
    tree = converted(f"nc_2022-NCSC-1_gift_surplus{form}").tree
    numbered = [(p.get("eId"), "".join(p.find("akn:num", NS).itertext()))
                for p in xp(tree, "//akn:paragraph[akn:num]")]
    assert [eid for eid, _ in numbered] == [f"para_{n}" for n in range(1, 38)]
    assert all(re.sub(r"\D", "", num) == eid.split("_")[1] for eid, num in numbered)


# ---------------------------------------------------------------- 6. star pages


@pytest.mark.parametrize("form", FORMS)
def test_tax_court_star_pages(form):
    parsed = converted(f"tc_memo_2020-26_bordelon{form}")
    numbers = [int(e.get("number")) for e in xp(parsed.tree, "//akn:eop")]
    assert numbers == list(range(2, 33))
    stars = [r.text for r in parsed.report.removed if r.kind == "star-page"]
    assert stars == [f"[*{n}]" for n in range(2, 33)]


def test_star_pages_in_running_text(tmp_path):
    src = tmp_path / "star.txt"
    src.write_text("OPINION\n\nThe court held that the rule applies here and [*1005] that the "
                   "appeal fails for want of a final order.\n", encoding="utf-8")
    tree = parse(src).tree
    assert [(e.get("number"), e.get("eId")) for e in xp(tree, "//akn:eop")] == \
        [("1005", "page_1005")]


# ---------------------------------------------------------------- 7. word coverage


@pytest.mark.parametrize("name", [n for n in INPUTS if not n.endswith(".pdf")] + [FISHER])
def test_word_coverage(name):
    path = CORPUS / name if "/" in name else PDF_DIR / name
    parsed = converted(name)
    _, _, coverage = compare(path.read_text(encoding="utf-8"), parsed.report.removed,
                             parsed.tree)
    assert coverage >= 0.995


@pytest.mark.parametrize("stem", STEMS)
def test_pdf_word_coverage_against_its_text(stem):
    parsed = converted(f"{stem}.pdf")
    raw = (PDF_DIR / f"{stem}.raw.txt").read_text(encoding="utf-8")
    _, _, coverage = compare(raw, parsed.report.removed, parsed.tree)
    assert coverage >= 0.99


# ---------------------------------------------------------------- bad PDFs


def test_pdf_without_text_layer(tmp_path, capsys):
    from pypdf import PdfWriter

    from convert.cli import main

    blank = tmp_path / "scan.pdf"
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    with blank.open("wb") as fh:
        writer.write(fh)
    assert main(["convert", str(blank), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "no text layer" in err and str(blank) in err
    assert not (tmp_path / "out" / "scan.xml").exists()


# ---------------------------------------------------------------- tables


@pytest.mark.parametrize("form", [".pdf", ".layout.txt"])
def test_tax_court_deficiency_table(form):
    tree = converted(f"tc_memo_2020-26_bordelon{form}").tree
    rows = [["".join(td.itertext()).strip() for td in xp(tr, "akn:td")]
            for tr in xp(tree, "//akn:table[1]/akn:tr")]
    assert rows[0][:3] == ["Docket No.", "Year", "Deficiency"]
    assert ["19031-13", "2008", "$1,236,414", "---", "$247,282.80"] in rows
    assert len(rows) == 5


@pytest.mark.parametrize("form", [".pdf", ".layout.txt"])
def test_schedule_rows_keep_their_cells(form):
    tree = converted(f"azd_bard_ivc_remand_order{form}").tree
    rows = [["".join(td.itertext()).strip() for td in xp(tr, "akn:td")]
            for tr in xp(tree, "//akn:tr")]
    assert ["Jessica Parker v. C. R. Bard, Inc.", "2:15-cv-01739", "Ala. N.D.",
            "5:15-cv-00787"] in rows


def test_prose_with_wide_justification_gaps_is_not_a_table():
    for name in ("ca1_20-1507_calvary_chapel_v_mills.layout.txt",
                 "nc_2022-NCSC-1_gift_surplus.layout.txt"):
        assert xp(converted(name).tree, "//akn:table") == []
