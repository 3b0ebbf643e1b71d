"""Issue 9 on the development corpus: court, docket, decision date and case name or title right
for at least 95 % of the documents that print them, from every input form, and every labelled
multi-writing document's writings and authors right (acceptance 1, scored by `make eval`'s
scorer); no output is titled by its URI, in any format (2); Fisher's separate writings are
named with their authors in the contents, the PDF bookmarks and the Markdown headings (3).

Where a document does not meet its label, the miss is listed with its reason (IDENTITY_MISSES);
the test fails on a new miss and on a listed one that is fixed, so the list only shrinks.  A
listed miss still counts against the 95 %, except where the reason is that no text of the
document prints the fact or that the label itself is in question (`NOT_PRINTED`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

from convert.render import render
from convert.render.model import Model

from corpus_cache import parsed
from locations import CORPUS

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")


def _inputs() -> list[str]:
    if not CORPUS.is_dir():
        return []
    found = sorted(p for p in (CORPUS / "pdf").iterdir() if p.suffix in (".pdf", ".txt"))
    found += sorted((CORPUS / "text").glob("*.txt")) + sorted((CORPUS / "vendor").glob("*.xml"))
    return [str(p.relative_to(CORPUS)) for p in found]


FISHER = "text/scotus_fisher_v_ut_2013.txt"
# The six PDFs whose outputs were titled by their URI before issue 9 (their PDF renders).
ORIGINAL_PDFS = ["ca10_21-800_order", "azd_bard_ivc_remand_order",
                 "ca1_20-1507_calvary_chapel_v_mills"]
FISHER_WRITINGS = ["Syllabus", "Opinion of the Court (Kennedy, J.)", "Scalia, J., concurring",
                   "Thomas, J., concurring", "Ginsburg, J., dissenting"]


def _tree(name: str):
    return parsed(CORPUS / name)[0].tree


def _uri_like(text: str | None) -> bool:
    return not text or text.strip().startswith("/akn/") or bool(re.fullmatch(r"\W*", text))


@pytest.mark.parametrize("name", _inputs())
def test_no_output_is_titled_by_its_uri(name):
    tree = _tree(name)
    model = Model(tree)
    assert not _uri_like(model.title) and not _uri_like(model.short_title)
    assert model.title != model.frbr_uri
    page = lxml_html.fromstring(render(tree, "html"))
    assert not _uri_like(page.findtext(".//title"))
    assert not _uri_like(page.xpath("string(//h1)"))
    md = render(tree, "md").decode()
    front_title = re.search(r'^title: "(.*)"$', md, re.M).group(1)
    heading = re.search(r"^# (.+)$", md, re.M).group(1)
    assert not _uri_like(front_title) and not _uri_like(heading)
    names = tree.xpath("//*[local-name()='FRBRname']/@value")
    assert names and not any(_uri_like(n) for n in names)


@pytest.mark.parametrize("stem", ORIGINAL_PDFS)
def test_pdf_document_title_is_the_case(stem):
    import pypdfium2

    tree = _tree(f"pdf/{stem}.pdf")
    pdf = pypdfium2.PdfDocument(render(tree, "pdf"))
    info = pdf.get_metadata_dict()
    assert not _uri_like(info.get("Title")) and info["Title"] == Model(tree).title
    assert info.get("Author")  # the court


def test_fisher_contents_name_each_writing_and_author():
    tree = _tree(FISHER)
    model = Model(tree)
    assert [e.label for e in model.toc] == FISHER_WRITINGS
    page = lxml_html.fromstring(render(tree, "html"))
    assert [" ".join(a.text_content().split()) for a in page.xpath("//nav//ol/li/a")] == \
        FISHER_WRITINGS


def test_fisher_markdown_headings_name_each_writing_and_author():
    md = render(_tree(FISHER), "md").decode()
    headings = [re.sub(r"<a id=\"[^\"]+\"></a>", "", h)
                for h in re.findall(r"^## (.+)$", md, re.M)]
    assert headings == FISHER_WRITINGS


def test_fisher_pdf_bookmarks_name_each_writing_and_author():
    import pypdfium2

    pdf = pypdfium2.PdfDocument(render(_tree(FISHER), "pdf"))
    top = [b.get_title() for b in pdf.get_toc() if b.level == 0]
    assert top == FISHER_WRITINGS


# ---------------------------------------------------------------- acceptance 1

# Acceptance 1's share, restated here (not imported from the harness).
IDENTITY_SHARE = 0.95
FACTS = ("docket", "date", "court", "title")
_IMAGE_CAPTION = ("page 1, the caption with the title, has no text layer (a scanned image): "
                  "no text of the document prints the title")
_CITATION_AS_TITLE = ("label question: labels.json gives the official citation 'T.C. Memo. "
                      "2020-26' as the title; the document's title is 'MEMORANDUM FINDINGS OF "
                      "FACT AND OPINION' and its case name 'Bordelon v. Commissioner' (both "
                      "found); the citation is kept as FRBRalias name=citation")
# (document, form, fact) -> reason.
IDENTITY_MISSES = {
    ("nysd_12-cv-5708_doc11", form, "title"): _IMAGE_CAPTION for form in ("pdf", "layout", "raw")
} | {
    ("tc_memo_2020-26_bordelon", form, "title"): _CITATION_AS_TITLE
    for form in ("pdf", "layout", "raw")
}
# Listed misses that are not the readers' to find (not printed in any text, or a label in
# question): left out of the share's denominator.
NOT_PRINTED = {k for k, why in IDENTITY_MISSES.items() if why in (_IMAGE_CAPTION,
                                                                   _CITATION_AS_TITLE)}


@pytest.fixture(scope="module")
def identity_rows():
    import evaluate

    rows, _, _ = evaluate.run(CORPUS, parse=parsed)
    return [r for r in rows if not r.skipped and r.labelled]


def test_identity_misses_are_only_the_listed_ones(identity_rows):
    misses = {(r.stem, r.form, fact) for r in identity_rows for fact in FACTS
              if getattr(r, fact) in ("differ", "missing", "partial")}
    new = sorted(misses - set(IDENTITY_MISSES))
    fixed = sorted(set(IDENTITY_MISSES) - misses)
    assert not new, f"new identity misses (fix them; never list them to pass): {new}"
    assert not fixed, f"fixed: delete these entries from IDENTITY_MISSES: {fixed}"


@pytest.mark.parametrize("fact", FACTS)
def test_each_form_gets_each_fact_right_for_95_percent(identity_rows, fact):
    for form in sorted({r.form for r in identity_rows}):
        judged = [r for r in identity_rows if r.form == form
                  and getattr(r, fact) not in (None, "unlabelled")
                  and (r.stem, r.form, fact) not in NOT_PRINTED]
        right = [r for r in judged if getattr(r, fact) == "match"]
        assert not judged or len(right) >= IDENTITY_SHARE * len(judged), \
            (form, fact, f"{len(right)}/{len(judged)}",
             [r.stem for r in judged if r not in right])


def test_multi_writing_documents_have_their_writings_and_authors(identity_rows):
    from corpus_labels import labels

    multi = [r for r in identity_rows
             if len(labels().get(r.stem, {}).get("writings") or []) > 1]
    assert len({r.stem for r in multi}) >= 7  # ca1, ca11, Fisher, BIA, Ga., Mich., N.D.
    assert multi, "no labelled multi-writing document"
    for r in multi:
        assert r.kinds_match and r.authors_matched == r.authors_expected, \
            (r.name, r.writing_kinds, r.writing_authors)


# ---------------------------------------------------------------- counsel and panel

# Read from the documents (as labels.json is): who appears for whom.
COUNSEL = {
    "njd_16-4465_scanlon_v_lawson_opinion_redacted": [("KEVIN T. FLOOD", "EDWARD SCANLON, IV"),
                                                      ("JUSTIN ROBERT WHITE", None)],
    "cafc_2009-1361_nelson_v_k2_rule36": [("Philip P. Mann", "PAUL N. NELSON"),
                                          ("John E. Whitaker", "PAUL N. NELSON"),
                                          ("Lawrence D. Graham", "K2 INC. and K-2 CORPORATION"),
                                          ("Douglas A. Grady", "K2 INC. and K-2 CORPORATION")],
    "ca2_08-6301_gildernew_v_quarantillo": [("EAMONN DORNAN", None), ("F. JAMES LOPREST", None),
                                            ("DAVID S. JONES", None)],
}


def _lawyers(tree):
    from convert.akn.names import NS

    shown = {p.get("eId"): p.get("showAs") for p in tree.iterfind(".//akn:TLCPerson", NS)}
    return [(l.text, shown.get((l.get("for") or "#")[1:]))
            for l in tree.iterfind(".//akn:header//akn:lawyer", NS)]


@pytest.mark.parametrize("stem", sorted(COUNSEL))
def test_counsel_marked_with_the_party_they_stand_for_from_every_form(stem):
    for suffix in (".pdf", ".layout.txt", ".raw.txt"):
        assert _lawyers(_tree(f"pdf/{stem}{suffix}")) == COUNSEL[stem], suffix


def test_every_form_finds_the_same_counsel_and_panel():
    from convert.akn.names import NS

    stems = sorted({p.name.split(".")[0] for p in (CORPUS / "pdf").glob("*.pdf")})
    for stem in stems:
        seen = {}
        for suffix in (".pdf", ".layout.txt", ".raw.txt"):
            tree = _tree(f"pdf/{stem}{suffix}")
            seen[suffix] = (  # the people referred to (text may be letter-spaced: "L EVAL")
                [l.get("refersTo") for l in tree.iterfind(".//akn:header//akn:lawyer", NS)],
                sorted(j.get("refersTo") for j in tree.iterfind(".//akn:header//akn:judge", NS)))
        assert len(set(map(repr, seen.values()))) == 1, (stem, seen)
    panel = sorted(j.text for j in _tree("pdf/ca1_20-1507_calvary_chapel_v_mills.pdf")
                   .iterfind(".//akn:header//akn:judge", NS))
    assert panel == ["Barron", "Howard", "Selya"]
