"""Issue 9 on the development corpus: no output is titled by its URI, in any format; Fisher's
separate writings are named with their authors in the contents, the PDF bookmarks and the
Markdown headings.  (Court, docket, date, case name and writings are scored by `make eval`.)"""

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
